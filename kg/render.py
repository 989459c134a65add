"""The actor graph as one self-contained interactive HTML page (pyvis / vis-network).

The page needs no network and no files next to it: vis-network is inlined by pyvis
(``cdn_resources="in_line"``) and the Bootstrap links pyvis 0.3.2 adds anyway are removed.
Every string that comes from an article (names, statements, evidence) reaches the browser as JSON
data inside a script, with ``<``, ``>``, ``&`` and ``'`` written as ``\\u003c`` ... escapes, or as
HTML-escaped text in the page's own markup; tooltips are plain text, which vis-network 9.1.2 sets
with ``innerText``, so nothing from an article is ever parsed as HTML.

Example:

>>> from rdflib import Graph
>>> html = render_html(Graph(), title="Empty")
>>> "<h1>Empty</h1>" in html and "https://cdn" not in html
True
"""
from __future__ import annotations

import html as html_lib
import json
import os
import re
from pathlib import Path

import rdflib
from pyvis.network import Network

from kg.analyze import analyze, to_networkx
from kg.fileio import write_text_atomic
from kg.model import ENTITY_TYPES

TYPE_COLOURS: dict[str, str] = {
    "Person": "#4e79a7",  # blue
    "Organization": "#f28e2b",  # orange
    "Place": "#59a14f",  # green
    "Group": "#b07aa1",  # purple
}
EDGE_STYLES: dict[str, dict] = {
    "affiliation": {"color": "#1f8a94", "dashes": False, "legend": "affiliation (person → organisation)"},
    "action": {"color": "#e15759", "dashes": False, "legend": "action (agent → object)"},
    "speaks_about": {"color": "#9a9a9a", "dashes": True, "legend": "speaks about (speaker → mentioned)"},
}
_MIN_SIZE, _MAX_SIZE = 12, 42
_MAX_EDGE_LABEL = 28

# vis-network options (ours, never article text). The layout is seeded, physics runs only while
# the network stabilises and is then switched off by the script in _PAGE_SCRIPT.
_OPTIONS = {
    "autoResize": True,
    "layout": {"randomSeed": 7, "improvedLayout": True},
    "nodes": {
        "shape": "dot",
        "borderWidth": 1,
        "widthConstraint": {"maximum": 170},  # long names wrap instead of running into neighbours
        "font": {"size": 18, "face": "Helvetica, Arial, sans-serif", "color": "#222222",
                 "strokeWidth": 4, "strokeColor": "#ffffff"},
    },
    "edges": {
        "arrows": {"to": {"enabled": True, "scaleFactor": 0.55}},
        "font": {"size": 14, "face": "Helvetica, Arial, sans-serif", "color": "#555555",
                 "strokeWidth": 3, "strokeColor": "#ffffff", "align": "middle"},
        "smooth": {"enabled": True, "type": "dynamic"},
        "selectionWidth": 2,
    },
    "physics": {
        "enabled": True,
        "solver": "forceAtlas2Based",
        "forceAtlas2Based": {"gravitationalConstant": -60, "centralGravity": 0.015,
                             "springLength": 110, "springConstant": 0.08, "damping": 0.5,
                             "avoidOverlap": 0.8},
        "minVelocity": 0.75,
        "stabilization": {"enabled": True, "iterations": 1500, "updateInterval": 50, "fit": True},
    },
    "interaction": {"hover": True, "tooltipDelay": 120, "navigationButtons": False,
                    "keyboard": False, "multiselect": False},
}

_PAGE_CSS = """
<style type="text/css">
  body { margin: 0; padding: 0 18px 18px; font-family: Helvetica, Arial, sans-serif; color: #222; background: #fafafa; }
  .kg-header h1 { font-size: 22px; margin: 14px 0 4px; font-weight: 600; }
  .kg-header p { margin: 0 0 10px; color: #555; font-size: 13px; }
  .kg-legend { display: flex; flex-wrap: wrap; gap: 6px 18px; align-items: center; font-size: 13px;
               padding: 8px 12px; margin: 0 0 10px; background: #fff; border: 1px solid #ddd; border-radius: 6px; }
  .kg-legend span.kg-item { display: inline-flex; align-items: center; gap: 6px; white-space: nowrap; }
  .kg-legend span.kg-dot { display: inline-block; width: 13px; height: 13px; border-radius: 50%; border: 1px solid #0003; }
  .kg-legend span.kg-line { display: inline-block; width: 26px; height: 0; border-top-width: 3px; }
  .kg-legend span.kg-note { color: #666; }
  .kg-empty { padding: 40px; text-align: center; color: #777; font-size: 16px; }
  #mynetwork { float: none !important; background: #fff; border: 1px solid #ddd !important; border-radius: 6px; }
  div.vis-tooltip { white-space: pre-wrap !important; max-width: 520px; font-family: Helvetica, Arial, sans-serif !important;
                    font-size: 13px !important; line-height: 1.35; padding: 8px 10px !important; }
</style>
"""

_PAGE_SCRIPT = """
<script type="text/javascript">
  (function () {
    var titles = %s;
    nodes.update(titles.map(function (t) { return {id: t[0], title: t[1]}; }));
    var frozen = false;
    function freeze() {
      if (!frozen) { frozen = true; network.setOptions({physics: {enabled: false}}); }
    }
    // A small graph may finish its first stabilisation batch inside drawGraph(), before these
    // handlers exist; vis then keeps simulating until "stabilized", which is caught instead.
    network.once("stabilizationIterationsDone", freeze);
    network.once("stabilized", freeze);
    if (network.physics && network.physics.stabilized) { freeze(); }
  })();
</script>
"""

# What pyvis 0.3.2 always puts in its template that a self-contained page must not have.
_REMOTE_LINK = re.compile(r"<link\b[^>]*\bhref\s*=\s*[\"']?(?:https?:)?//[^>]*>\s*", re.I)
_REMOTE_SCRIPT = re.compile(r"<script\b[^>]*\bsrc\s*=\s*[\"']?(?:https?:)?//[^>]*>\s*</script>\s*", re.I)
_EMPTY_HEADING = re.compile(r"<center>\s*<h1>\s*</h1>\s*</center>\s*", re.I)
_DEAD_LINKS = re.compile(r"<!--\s*<link[^>]*node_modules.*?-->\s*", re.S)  # commented-out template tags
_SOURCE_MAP = re.compile(r"//# sourceMappingURL=[\w.-]+\.map")  # a .map file the page does not ship


def _replace_once(page: str, anchor: str, replacement: str) -> str:
    """Replace the one occurrence of ``anchor`` in pyvis' page; fail loudly if pyvis' template changed."""
    if page.count(anchor) != 1:
        raise RuntimeError(f"unexpected pyvis template: {anchor!r} occurs {page.count(anchor)} times")
    return page.replace(anchor, replacement)


def _script_json(value) -> str:
    """JSON that can sit inside a <script> element: no ``</script>``, ``<!--`` or ``&`` survives."""
    text = json.dumps(value, ensure_ascii=False, sort_keys=True)
    for char, escape in (("&", "\\u0026"), ("<", "\\u003c"), (">", "\\u003e"), ("'", "\\u0027"),
                         ("\u2028", "\\u2028"), ("\u2029", "\\u2029")):
        text = text.replace(char, escape)
    return text


def _node_title(name: str, data: dict, pagerank: float, degree: int) -> str:
    """The plain-text tooltip of a node: name, type, aliases and every statement the entity made."""
    lines = [name, f"Type: {data['type']}"]
    if data["aliases"]:
        lines.append("Also called: " + "; ".join(data["aliases"]))
    lines.append(f"PageRank {pagerank:.4f} · {degree} connection{'s' if degree != 1 else ''}")
    statements = data["statements"]
    if statements:
        lines += ["", f"Statements ({len(statements)}):"]
        for i, statement in enumerate(statements, 1):
            kind = f", {statement['quote_type']}" if statement.get("quote_type") else ""
            lines.append(f"{i}. [{statement['cue']}{kind}] “{statement['text']}”")
    return "\n".join(lines)


def _merged_edges(G) -> list[dict]:
    """The edges to draw: parallel edges of one kind between the same two nodes become one."""
    merged: dict[tuple[str, str, str], list[dict]] = {}
    for u, v, data in G.edges(data=True):
        merged.setdefault((u, v, data["kind"]), []).append(data)
    edges = []
    for (u, v, kind), facts in sorted(merged.items()):
        labels = sorted({f["label"] for f in facts})
        label = ", ".join(labels)
        if len(label) > _MAX_EDGE_LABEL:  # the full labels are in the hover text
            label = label[: _MAX_EDGE_LABEL - 1].rstrip(" ,") + "…"
        if len(facts) > 1:
            label += f" ×{len(facts)}"
        head = f"{G.nodes[u]['name']} → {G.nodes[v]['name']} ({kind.replace('_', ' ')})"
        lines = [head]
        for i, fact in enumerate(facts, 1):
            prefix = f"{i}. " if len(facts) > 1 else ""
            lines += ["", f"{prefix}{fact['label']}: {fact['evidence'] or '(no evidence sentence)'}"]
        edges.append({"from": u, "to": v, "kind": kind, "label": label, "title": "\n".join(lines),
                      "count": len(facts)})
    return edges


def _legend(counts_by_type: dict[str, int], kinds_present: set[str]) -> str:
    items = []
    for type_name in ENTITY_TYPES:
        items.append(
            f'<span class="kg-item"><span class="kg-dot" style="background:{TYPE_COLOURS[type_name]}"></span>'
            f'{type_name} ({counts_by_type.get(type_name, 0)})</span>'
        )
    for kind, style in EDGE_STYLES.items():
        border = "dashed" if style["dashes"] else "solid"
        muted = "" if kind in kinds_present else ' style="opacity:0.45"'
        items.append(
            f'<span class="kg-item"{muted}><span class="kg-line" style="border-top-style:{border};'
            f'border-top-color:{style["color"]}"></span>{html_lib.escape(style["legend"])}</span>'
        )
    items.append('<span class="kg-item kg-note">node size = PageRank · hover for statements and evidence</span>')
    return '<div class="kg-legend" id="kg-legend">' + "".join(items) + "</div>"


def _default_title(analysis: dict) -> str:
    headlines = [a.get("headline") or a.get("identifier") for a in analysis.get("articles", [])]
    headlines = [h for h in headlines if h]
    return "; ".join(headlines) if headlines else "Knowledge graph"


def render_html(graph: rdflib.Graph, *, title: str | None = None, analysis: dict | None = None) -> str:
    """One self-contained HTML page drawing the actor graph of ``graph``.

    Nodes are coloured by type and sized by PageRank (from ``analysis``, computed with
    ``kg.analyze.analyze`` when not given); hovering a node shows its aliases and statements,
    hovering an edge its evidence sentence. ``title`` defaults to the article headline(s).
    The same graph always gives byte-identical HTML, and the page works offline from any folder.
    """
    G = to_networkx(graph)
    if analysis is None:
        analysis = analyze(graph)
    if title is None:
        title = _default_title(analysis)
    measures = {n["id"]: n for n in analysis.get("nodes", [])}
    top_rank = max((m.get("pagerank", 0.0) for m in measures.values()), default=0.0) or 1.0

    net = Network(height="720px", width="100%", directed=True, cdn_resources="in_line",
                  bgcolor="#ffffff")
    titles = []
    for node, data in sorted(G.nodes(data=True)):
        rank = measures.get(node, {}).get("pagerank", 0.0)
        size = _MIN_SIZE + (_MAX_SIZE - _MIN_SIZE) * (rank / top_rank) ** 0.5
        colour = TYPE_COLOURS[data["type"]]
        net.add_node(node, label=data["name"] or node, color=colour, size=round(size, 2),
                     mass=round(1 + size / _MAX_SIZE, 3))
        titles.append([node, _node_title(data["name"], data, rank, G.degree(node))])
    edges = _merged_edges(G)
    for edge in edges:
        style = EDGE_STYLES[edge["kind"]]
        net.add_edge(edge["from"], edge["to"], label=edge["label"], title=edge["title"],
                     color=style["color"], dashes=style["dashes"], width=1 + edge["count"] * 0.8)
    net.options = _OPTIONS  # a dict: pyvis writes it with json.dumps, in insertion order

    # Node titles reach vis-network through our own script, not through pyvis: pyvis 0.3.2 switches
    # to a popup that sets innerHTML whenever a node title contains "href".
    page = net.generate_html(name="kg.html")
    page = _REMOTE_LINK.sub("", page)
    page = _REMOTE_SCRIPT.sub("", page)
    page = _EMPTY_HEADING.sub("", page)
    page = _DEAD_LINKS.sub("", page)
    page = _SOURCE_MAP.sub("", page)
    page = _replace_once(page, '<div class="card" style="width: 100%">', '<div class="kg-graph">')
    page = _replace_once(page, 'class="card-body"', 'class="kg-canvas"')

    escaped_title = html_lib.escape(title, quote=True)
    counts = analysis.get("counts", {})
    summary = (
        f"{counts.get('entities', G.number_of_nodes())} entities · {counts.get('statements', 0)} statements"
        f" · {counts.get('affiliations', 0)} affiliations · {counts.get('actions', 0)} actions"
    )
    header = (
        '<div class="kg-header">'
        f"<h1>{escaped_title}</h1><p>{html_lib.escape(summary)}</p>"
        + _legend(counts.get("entities_by_type", {}), {e["kind"] for e in edges})
        + ("" if G.number_of_nodes() else '<div class="kg-empty">No entities in this graph.</div>'
                                          '<style>#mynetwork { display: none; }</style>')
        + "</div>\n"
    )
    page = _replace_once(page, "<html>", '<!DOCTYPE html>\n<html lang="en">')
    page = _replace_once(page, '<meta charset="utf-8">', f'<meta charset="utf-8">\n<title>{escaped_title}</title>')
    page = _replace_once(page, "</head>", _PAGE_CSS + "</head>")
    page = _replace_once(page, "<body>", "<body>\n" + header)
    page = _replace_once(page, "</body>", (_PAGE_SCRIPT % _script_json(titles)) + "</body>")
    return page if page.endswith("\n") else page + "\n"


def write_html(html: str, path: str | os.PathLike) -> Path:
    """Write a page from ``render_html`` to ``path`` atomically; returns the path."""
    return write_text_atomic(path, html)


__all__ = ["EDGE_STYLES", "TYPE_COLOURS", "render_html", "write_html"]
