"""The actor graph as one self-contained interactive HTML page (pyvis / vis-network).

The page's look is page.css and its behaviour page.js, shipped beside this module and inlined;
what it shows is prepared in data.py, where each node sits in layout.py.

The page needs no network and no files next to it: vis-network is inlined by pyvis
(``cdn_resources="in_line"``) and the Bootstrap links pyvis 0.3.2 adds anyway are removed.

What a reader gets: the headline and counts; a legend; nodes coloured by type (a switch colours
them by Louvain community instead) and sized by PageRank; edges styled by kind (affiliation,
action, speaks about); a side panel that lists, for the clicked node, its aliases, affiliations,
actions and every statement it made or is mentioned in, each with its source sentence; edge
evidence on hover; a search box and a type filter. Positions are computed in Python (seeded
ForceAtlas2, labels kept apart), so the layout is the same on every run and never drifts: vis'
physics is off, and the page is ready as soon as it is drawn (``window.kgReady``).

Every string from an article reaches the browser as JSON data inside a script, with ``<``, ``>``,
``&`` and ``'`` written as ``\\u003c`` ... escapes, or as HTML-escaped text in the page's own
markup. The page's script only ever puts it into the document with ``textContent``, and vis-network
9.1.2 shows tooltips with ``innerText``, so nothing from an article is parsed as HTML.

Example:

>>> from rdflib import Graph
>>> html = render_html(Graph(), title="Empty")
>>> "<h1>Empty</h1>" in html and "https://cdn" not in html
True
"""
from __future__ import annotations

import html as html_lib
import json
import math
import os
import re
import textwrap
from importlib.resources import files
from pathlib import Path

from pyvis.network import Network

from kg.analyze import analyze, to_networkx
from kg.fileio import write_text_atomic
from kg.model import ENTITY_TYPES, Analysis, Community
from kg.rdf import Graph
from kg.render.data import (COMMUNITY_COLOURS, OTHER_COLOUR, TYPE_COLOURS, measures_of, merged_edges, node_sizes,
                            script_data, shorten)
from kg.render.layout import FONT_SIZE, LABEL_WIDTH, positions

EDGE_STYLES: dict[str, dict] = {
    "affiliation": {"color": "#1f8a94", "dashes": False, "legend": "affiliation (person → organisation)"},
    "action": {"color": "#e15759", "dashes": False, "legend": "action (agent → object)"},
    "speaks_about": {"color": "#a0a0a0", "dashes": True, "legend": "speaks about (speaker → mentioned)"},
}

# vis-network options (ours, never article text). Positions come from Python; physics stays off.
_OPTIONS = {
    "autoResize": True,
    "layout": {"improvedLayout": False},
    "nodes": {
        "shape": "dot",
        "borderWidth": 1,
        "borderWidthSelected": 3,
        "widthConstraint": {"maximum": LABEL_WIDTH},
        "font": {"size": FONT_SIZE, "face": "Helvetica, Arial, sans-serif", "color": "#1d1d1d",
                 "strokeWidth": 4, "strokeColor": "#ffffff"},
        "scaling": {"label": {"enabled": False, "drawThreshold": 7}},
    },
    "edges": {
        "arrows": {"to": {"enabled": True, "scaleFactor": 0.5}},
        "font": {"size": 15, "face": "Helvetica, Arial, sans-serif", "color": "#444444",
                 "strokeWidth": 3, "strokeColor": "#ffffff", "align": "horizontal"},
        "smooth": {"enabled": True, "type": "curvedCW", "roundness": 0.12},
        "selectionWidth": 1.5,
        "hoverWidth": 1.5,
    },
    "physics": {"enabled": False},
    "interaction": {"hover": True, "tooltipDelay": 100, "navigationButtons": False, "keyboard": False,
                    "multiselect": False, "hideEdgesOnDrag": False},
}

# What pyvis 0.3.2 always puts in its template that a self-contained page must not have.
_REMOTE_LINK = re.compile(r"<link\b[^>]*\bhref\s*=\s*[\"']?(?:https?:)?//[^>]*>\s*", re.I)
_REMOTE_SCRIPT = re.compile(r"<script\b[^>]*\bsrc\s*=\s*[\"']?(?:https?:)?//[^>]*>\s*</script>\s*", re.I)
_EMPTY_HEADING = re.compile(r"<center>\s*<h1>\s*</h1>\s*</center>\s*", re.I)
_DEAD_LINKS = re.compile(r"<!--\s*<link[^>]*node_modules.*?-->\s*", re.S)  # commented-out template tags
_SOURCE_MAP = re.compile(r"//# sourceMappingURL=[\w.-]+\.map")  # a .map file the page does not ship


# Where page.js receives the page's data (``kg``): a placeholder that keeps the file valid JavaScript.
_DATA_SLOT = "/* kg-data */ {}"


def render_html(graph: Graph, *, title: str | None = None, analysis: Analysis | None = None) -> str:
    """One self-contained HTML page drawing the actor graph of ``graph``.

    Nodes are coloured by type (or community) and sized by PageRank (from ``analysis``, computed
    with ``kg.analyze.analyze`` when not given); clicking a node lists its aliases, affiliations,
    actions and statements with their sources; hovering an edge shows its evidence sentence.
    ``title`` defaults to the article headline(s). The same graph always gives byte-identical
    HTML, and the page works offline from any folder.
    """
    G = to_networkx(graph)
    analysis = analysis or analyze(graph)
    measures = measures_of(G, analysis)
    sizes = node_sizes(analysis, measures)
    labels = {node: data["name"] or node for node, data in G.nodes(data=True)}
    edges = merged_edges(G)
    net = _network(G, positions(G, sizes, labels), sizes, labels, edges)
    # Node titles and panel data reach vis-network through our own script, not through pyvis:
    # pyvis 0.3.2 switches to a popup that sets innerHTML whenever a node title contains "href".
    page = _without_remote_parts(net.generate_html(name="kg.html"))
    escaped_title = html_lib.escape(title if title is not None else _default_title(analysis), quote=True)
    page = _replace_once(page, "<html>", '<!DOCTYPE html>\n<html lang="en">')
    page = _replace_once(page, '<meta charset="utf-8">',
                         '<meta charset="utf-8">\n<meta name="viewport" content="width=device-width, initial-scale=1">'
                         f'\n<title>{escaped_title}</title>')
    page = _replace_once(page, "</head>", _style() + "</head>")
    page = _replace_once(page, "<body>", "<body>\n" + _header(G, analysis, edges, escaped_title))
    page = _replace_once(page, "</body>", _script(script_data(G, analysis, measures)) + "</body>")
    return page if page.endswith("\n") else page + "\n"


def write_html(html: str, path: str | os.PathLike) -> Path:
    """Write a page from ``render_html`` to ``path`` atomically; returns the path."""
    return write_text_atomic(path, html)


def _network(G, placed: dict, sizes: dict, labels: dict, edges: list[dict]) -> Network:
    """The pyvis network: nodes where ``placed`` puts them, the merged edges styled by kind."""
    net = Network(height="720px", width="100%", directed=True, cdn_resources="in_line", bgcolor="#ffffff")
    for node, data in sorted(G.nodes(data=True)):
        x, y = placed[node]
        net.add_node(node, label=labels[node], color=TYPE_COLOURS[data["type"]], size=sizes[node], x=x, y=y,
                     physics=False)
    for i, edge in enumerate(edges):
        style = EDGE_STYLES[edge["kind"]]
        width = 1 + math.log2(edge["count"]) * 1.2 + (0.6 if edge["kind"] != "speaks_about" else 0)
        net.add_edge(edge["from"], edge["to"], id=f"e{i}", label=edge["label"], title=edge["title"],
                     color=style["color"], dashes=style["dashes"], width=round(width, 2))
    net.options = _OPTIONS  # a dict: pyvis writes it with json.dumps, in insertion order
    return net


def _without_remote_parts(page: str) -> str:
    """pyvis' page without what it fetches from the network, its Bootstrap card and its empty heading."""
    for pattern in (_REMOTE_LINK, _REMOTE_SCRIPT, _EMPTY_HEADING, _DEAD_LINKS, _SOURCE_MAP):
        page = pattern.sub("", page)
    page = _replace_once(page, '<div class="card" style="width: 100%">',
                         '<div class="kg-main"><div class="kg-graph">')
    return _replace_once(page, 'class="card-body"></div>',
                         'class="kg-canvas"></div></div>\n<aside id="kg-panel" aria-live="polite"></aside>')


def _replace_once(page: str, anchor: str, replacement: str) -> str:
    """Replace the one occurrence of ``anchor`` in the page; fail loudly if pyvis' template (or page.js) changed."""
    if page.count(anchor) != 1:
        raise RuntimeError(f"unexpected page template: {anchor!r} occurs {page.count(anchor)} times")
    return page.replace(anchor, replacement)


def _asset(name: str) -> str:
    """A file shipped beside this module (page.css, page.js)."""
    return files("kg.render").joinpath(name).read_text(encoding="utf-8")


def _style() -> str:
    return '\n<style type="text/css">\n' + textwrap.indent(_asset("page.css"), "  ") + "</style>\n"


def _script(data: dict) -> str:
    """page.js with the page's data in it. The script reads article text only from that data and
    puts it in the document with textContent; it never builds HTML from strings."""
    script = textwrap.indent(_asset("page.js"), "  ")
    return '\n<script type="text/javascript">\n' + _replace_once(script, _DATA_SLOT, _script_json(data)) + "</script>\n"


def _script_json(value) -> str:
    """JSON that can sit inside a <script> element: no ``</script>``, ``<!--`` or ``&`` survives."""
    text = json.dumps(value, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    for char, escape in (("&", "\\u0026"), ("<", "\\u003c"), (">", "\\u003e"), ("'", "\\u0027"),
                         ("\u2028", "\\u2028"), ("\u2029", "\\u2029")):
        text = text.replace(char, escape)
    return text


def _header(G, analysis: Analysis, edges: list[dict], escaped_title: str) -> str:
    """The heading, the counts, the legend and, for a graph without entities, a note instead of the canvas."""
    counts = analysis.counts
    summary = (
        (f"{counts.articles} articles · " if counts.articles > 1 else "")
        + f"{counts.entities} entities · {counts.statements} statements"
        f" · {counts.affiliations} affiliations · {counts.actions} actions"
        f" · {len(edges)} links drawn"
    )
    return (
        '<div class="kg-header">'
        f"<h1>{escaped_title}</h1><p>{html_lib.escape(summary)}</p></div>"
        + _legend(counts.entities_by_type, {e["kind"] for e in edges}, analysis.communities)
        + ("" if G.number_of_nodes() else '<div class="kg-empty">No entities in this graph.</div>'
                                          '<style>.kg-main { display: none !important; }</style>')
        + "\n"
    )


def _legend(counts_by_type: dict[str, int], kinds_present: set[str], communities: tuple[Community, ...]) -> str:
    """The bar under the heading: search, colour switch, types (a filter) or communities, edge kinds."""
    types = []
    for type_name in ENTITY_TYPES:
        types.append(
            f'<label class="kg-type"><input type="checkbox" data-type="{type_name}" checked>'
            f'<span class="kg-dot" style="background:{TYPE_COLOURS[type_name]}"></span>'
            f'{type_name} ({counts_by_type.get(type_name, 0)})</label>'
        )
    groups = []
    for community in communities[:len(COMMUNITY_COLOURS)]:
        if community.size < 2:
            continue
        colour = COMMUNITY_COLOURS[community.id - 1]
        groups.append(f'<span class="kg-item"><span class="kg-dot" style="background:{colour}"></span>'
                      f'{community.id}: {html_lib.escape(shorten(community.leader, 28))}'
                      f' ({community.size})</span>')
    groups.append(f'<span class="kg-item"><span class="kg-dot" style="background:{OTHER_COLOUR}"></span>other</span>')
    kinds = []
    for kind, style in EDGE_STYLES.items():
        border = "dashed" if style["dashes"] else "solid"
        muted = "" if kind in kinds_present else ' style="opacity:0.45"'
        kinds.append(
            f'<span class="kg-item"{muted}><span class="kg-line" style="border-top-style:{border};'
            f'border-top-color:{style["color"]}"></span>{html_lib.escape(style["legend"])}</span>'
        )
    return (
        '<div class="kg-bar" id="kg-legend">'
        '<input type="search" id="kg-search" placeholder="Search a name…" aria-label="Search a name" autocomplete="off">'
        '<span id="kg-status" aria-live="polite"></span><span class="kg-sep"></span>'
        '<label>Colour by <select id="kg-colour" aria-label="Colour by">'
        '<option value="type" selected>type</option><option value="community">community</option></select></label>'
        '<span class="kg-sep"></span>'
        f'<span id="kg-legend-type" class="kg-item" style="gap:6px 14px;flex-wrap:wrap">{"".join(types)}</span>'
        f'<span id="kg-legend-community" class="kg-item" style="gap:6px 14px;flex-wrap:wrap" hidden>{"".join(groups)}</span>'
        '</div>'
        '<div class="kg-bar">' + "".join(kinds)
        + '<span class="kg-note">node size = PageRank · click a node for its statements · hover an edge for its evidence'
          ' · drag to move, scroll to zoom</span></div>'
    )


def _default_title(analysis: Analysis) -> str:
    headlines = [a.headline or a.identifier for a in analysis.articles]
    headlines = [h for h in headlines if h]
    if len(headlines) > 3:
        return f"{len(headlines)} articles: " + "; ".join(headlines[:3]) + "; …"
    return "; ".join(headlines) if headlines else "Knowledge graph"
