"""The actor graph as one self-contained interactive HTML page (pyvis / vis-network).

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
from pathlib import Path

import networkx as nx
import rdflib
from pyvis.network import Network

from kg.analyze import analyze, layout_positions, to_networkx
from kg.fileio import write_text_atomic
from kg.model import ENTITY_TYPES, Analysis

TYPE_COLOURS: dict[str, str] = {
    "Person": "#4e79a7",  # blue
    "Organization": "#f28e2b",  # orange
    "Place": "#59a14f",  # green
    "Group": "#b07aa1",  # purple
}
# Communities 1..10 (largest first); the rest, and entities tied to nothing, are grey.
COMMUNITY_COLOURS: tuple[str, ...] = ("#e15759", "#4e79a7", "#59a14f", "#f28e2b", "#b07aa1", "#76b7b2",
                                      "#edc948", "#ff9da7", "#9c755f", "#8cd17d")
OTHER_COLOUR = "#bab0ac"
EDGE_STYLES: dict[str, dict] = {
    "affiliation": {"color": "#1f8a94", "dashes": False, "legend": "affiliation (person → organisation)"},
    "action": {"color": "#e15759", "dashes": False, "legend": "action (agent → object)"},
    "speaks_about": {"color": "#a0a0a0", "dashes": True, "legend": "speaks about (speaker → mentioned)"},
}
_MIN_SIZE, _MAX_SIZE = 10, 38
_MAX_EDGE_LABEL = 24
_FONT = 20
_LABEL_WIDTH = 150  # px; longer names wrap (vis widthConstraint)
_SPREAD_LIMIT = 250  # label overlap is removed for graphs up to this many nodes

# vis-network options (ours, never article text). Positions come from Python; physics stays off.
_OPTIONS = {
    "autoResize": True,
    "layout": {"improvedLayout": False},
    "nodes": {
        "shape": "dot",
        "borderWidth": 1,
        "borderWidthSelected": 3,
        "widthConstraint": {"maximum": _LABEL_WIDTH},
        "font": {"size": _FONT, "face": "Helvetica, Arial, sans-serif", "color": "#1d1d1d",
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

_PAGE_CSS = """
<style type="text/css">
  html, body { height: 100%; }
  [hidden] { display: none !important; }
  body { margin: 0; padding: 0 16px 12px; font-family: Helvetica, Arial, sans-serif; color: #222; background: #f6f6f4;
         box-sizing: border-box; display: flex; flex-direction: column; }
  .kg-header h1 { font-size: 21px; margin: 12px 0 2px; font-weight: 600; line-height: 1.25; }
  .kg-header p { margin: 0 0 8px; color: #555; font-size: 13px; }
  .kg-bar { display: flex; flex-wrap: wrap; gap: 6px 16px; align-items: center; font-size: 13px; padding: 7px 10px;
            margin: 0 0 8px; background: #fff; border: 1px solid #ddd; border-radius: 6px; }
  .kg-bar input[type=search] { font-size: 14px; padding: 4px 8px; width: 210px; border: 1px solid #bbb; border-radius: 4px; }
  .kg-bar select { font-size: 13px; }
  .kg-bar label, .kg-item { display: inline-flex; align-items: center; gap: 5px; white-space: nowrap; cursor: default; }
  .kg-bar label.kg-type { cursor: pointer; }
  .kg-dot { display: inline-block; width: 12px; height: 12px; border-radius: 50%; border: 1px solid #0003; }
  .kg-line { display: inline-block; width: 24px; height: 0; border-top-width: 3px; }
  .kg-note, #kg-status { color: #666; }
  .kg-sep { width: 1px; height: 18px; background: #ddd; }
  .kg-main { display: flex; gap: 10px; flex: 1 1 auto; min-height: 420px; }
  .kg-graph { flex: 1 1 auto; min-width: 0; position: relative; }
  #mynetwork { float: none !important; width: 100% !important; height: 100% !important; min-height: 420px;
               background: #fff; border: 1px solid #ddd !important; border-radius: 6px; box-sizing: border-box; }
  #kg-panel { flex: 0 0 340px; background: #fff; border: 1px solid #ddd; border-radius: 6px; padding: 10px 14px;
              overflow-y: auto; font-size: 13px; line-height: 1.4; box-sizing: border-box; max-height: 100%; }
  #kg-panel h2 { font-size: 17px; margin: 2px 0 2px; }
  #kg-panel h3 { font-size: 13px; margin: 14px 0 4px; text-transform: uppercase; letter-spacing: .04em; color: #555; }
  #kg-panel .kg-meta { color: #666; font-size: 12px; }
  #kg-panel ul { list-style: none; margin: 0; padding: 0; }
  #kg-panel li { margin: 0 0 9px; padding: 0 0 0 8px; border-left: 3px solid #e3e3e3; }
  #kg-panel q { font-style: italic; }
  #kg-panel .kg-src { display: block; color: #666; font-size: 12px; margin-top: 2px; }
  #kg-panel .kg-hint { color: #777; }
  #kg-panel button { float: right; border: none; background: none; font-size: 18px; cursor: pointer; color: #777; }
  .kg-empty { padding: 40px; text-align: center; color: #777; font-size: 16px; }
  div.vis-tooltip { white-space: pre-wrap !important; max-width: 480px; font-family: Helvetica, Arial, sans-serif !important;
                    font-size: 13px !important; line-height: 1.35; padding: 8px 10px !important; }
  @media (max-width: 900px) {
    .kg-main { flex-direction: column; }
    #kg-panel { flex: 0 0 auto; max-height: none; }
    #mynetwork { min-height: 70vh; }
  }
</style>
"""

# The page's own behaviour. It reads article text only from kgData and puts it in the document with
# textContent; it never builds HTML from strings.
_PAGE_SCRIPT = """
<script type="text/javascript">
  (function () {
    "use strict";
    var kg = %s;
    var t0 = performance.now();
    window.kgTimings = {scriptStart: t0};
    nodes.update(kg.titles.map(function (t) { return {id: t[0], title: t[1]}; }));
    var panel = document.getElementById("kg-panel");
    var status = document.getElementById("kg-status");
    var colourMode = "type";
    var hiddenTypes = {};

    function el(tag, text, cls) {
      var e = document.createElement(tag);
      if (text !== undefined && text !== null) { e.textContent = String(text); }
      if (cls) { e.className = cls; }
      return e;
    }
    function colourOf(info) {
      return colourMode === "type" ? kg.typeColours[info.type] : (kg.communityColours[String(info.community)] || kg.otherColour);
    }
    function recolour() {
      nodes.update(nodes.getIds().map(function (id) {
        var c = colourOf(kg.nodes[id]);
        return {id: id, color: {background: c, border: "#0000004d", highlight: {background: c, border: "#222"},
                                hover: {background: c, border: "#222"}}};
      }));
      document.getElementById("kg-legend-type").hidden = colourMode !== "type";
      document.getElementById("kg-legend-community").hidden = colourMode !== "community";
    }
    function section(title, items, render) {
      if (!items.length) { return; }
      panel.appendChild(el("h3", title + " (" + items.length + ")"));
      var ul = el("ul");
      items.forEach(function (item) { ul.appendChild(render(item)); });
      panel.appendChild(ul);
    }
    function source(li, sentence) {
      if (sentence) { li.appendChild(el("span", "Source: " + sentence, "kg-src")); }
    }
    function showPanel(id) {
      var info = kg.nodes[id];
      panel.textContent = "";
      if (!info) {
        panel.appendChild(el("p", "Click a node to see its aliases, affiliations and statements.", "kg-hint"));
        return;
      }
      var close = el("button", "\\u00d7");
      close.title = "Close";
      close.addEventListener("click", function () { network.unselectAll(); showPanel(null); });
      panel.appendChild(close);
      panel.appendChild(el("h2", info.name));
      panel.appendChild(el("div", info.type + " \\u00b7 PageRank " + info.pagerank.toFixed(4) + " \\u00b7 betweenness "
        + info.betweenness.toFixed(4) + " \\u00b7 community " + info.community + " \\u00b7 " + info.degree
        + (info.degree === 1 ? " fact" : " facts"), "kg-meta"));
      if (info.aliases.length) {
        panel.appendChild(el("h3", "Also called"));
        panel.appendChild(el("div", info.aliases.join("; ")));
      }
      section("Affiliations", info.affiliations, function (a) {
        var li = el("li");
        li.appendChild(el("span", a.person + (a.role ? ", " + a.role + "," : "") + " \\u2192 " + a.organization));
        source(li, a.sentence);
        return li;
      });
      section("Actions", info.actions, function (a) {
        var li = el("li");
        li.appendChild(el("span", a.agent + " " + a.verb + " " + a.object));
        source(li, a.sentence);
        return li;
      });
      section("Statements made", info.said, function (s) {
        var li = el("li");
        li.appendChild(el("q", s.text));
        li.appendChild(el("span", " \\u2014 " + s.cue + (s.act ? " (" + s.act + ")" : "") + (s.quoteType ? ", " + s.quoteType : ""), "kg-meta"));
        source(li, s.sentence);
        return li;
      });
      section("Mentioned in", info.mentioned, function (s) {
        var li = el("li");
        li.appendChild(el("b", s.speaker + " " + s.cue + ": "));
        li.appendChild(el("q", s.text));
        source(li, s.sentence);
        return li;
      });
      if (!info.said.length && !info.mentioned.length && !info.affiliations.length && !info.actions.length) {
        panel.appendChild(el("p", "No statements, affiliations or actions.", "kg-hint"));
      }
      panel.scrollTop = 0;
    }
    function visibleIds() {
      return nodes.getIds().filter(function (id) { return !hiddenTypes[kg.nodes[id].type]; });
    }
    function applyFilter() {
      nodes.update(nodes.getIds().map(function (id) { return {id: id, hidden: !!hiddenTypes[kg.nodes[id].type]}; }));
      edges.update(edges.get().map(function (e) {
        return {id: e.id, hidden: !!(hiddenTypes[kg.nodes[e.from].type] || hiddenTypes[kg.nodes[e.to].type])};
      }));
      status.textContent = visibleIds().length + " of " + nodes.length + " entities shown";
    }
    function search(query) {
      var q = query.trim().toLowerCase();
      if (!q) { network.unselectAll(); status.textContent = ""; return []; }
      var found = visibleIds().filter(function (id) {
        var info = kg.nodes[id];
        return [info.name].concat(info.aliases).some(function (n) { return n.toLowerCase().indexOf(q) !== -1; });
      });
      found.sort(function (a, b) { return kg.nodes[b].pagerank - kg.nodes[a].pagerank; });
      network.selectNodes(found, false);
      status.textContent = found.length ? found.length + (found.length === 1 ? " match" : " matches") : "no match";
      if (found.length === 1) {
        network.focus(found[0], {scale: Math.max(network.getScale(), 1.0), animation: false});
      } else if (found.length > 1) {
        network.fit({nodes: found, animation: false});
      }
      if (found.length) { showPanel(found[0]); }
      return found;
    }
    window.kgSearch = search;
    window.kgShowPanel = showPanel;

    network.on("click", function (params) {
      if (params.nodes.length) { showPanel(params.nodes[0]); }
      else if (!params.edges.length) { showPanel(null); }
    });
    document.getElementById("kg-search").addEventListener("input", function (e) { search(e.target.value); });
    document.getElementById("kg-colour").addEventListener("change", function (e) { colourMode = e.target.value; recolour(); });
    Array.prototype.forEach.call(document.querySelectorAll("input[data-type]"), function (box) {
      box.addEventListener("change", function () { hiddenTypes[box.getAttribute("data-type")] = !box.checked; applyFilter(); });
    });
    showPanel(null);
    network.once("afterDrawing", function () {
      window.kgTimings.firstDraw = performance.now();
      requestAnimationFrame(function () {
        window.kgTimings.ready = performance.now();
        window.kgReady = true;
      });
    });
    network.fit({animation: false});
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
    text = json.dumps(value, ensure_ascii=False, sort_keys=True, separators=(",", ":"))
    for char, escape in (("&", "\\u0026"), ("<", "\\u003c"), (">", "\\u003e"), ("'", "\\u0027"),
                         ("\u2028", "\\u2028"), ("\u2029", "\\u2029")):
        text = text.replace(char, escape)
    return text


def _shorten(text: str, width: int) -> str:
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1].rstrip(" ,") + "…"


def _node_title(name: str, data: dict, measure: dict) -> str:
    """The plain-text hover text of a node: who it is, in a few lines (the panel has the rest)."""
    lines = [name, data["type"]]
    if data["aliases"]:
        lines.append("Also called: " + _shorten("; ".join(data["aliases"]), 120))
    said, mentioned = len(data["statements"]), len(data["mentioned_in"])
    lines.append(f"{said} statement{'s' if said != 1 else ''} made · mentioned in {mentioned}")
    lines.append(f"PageRank {measure.get('pagerank', 0.0):.4f} · community {measure.get('community', 0)}")
    lines.append("Click for statements and sources")
    return "\n".join(lines)


def _merged_edges(G) -> list[dict]:
    """The edges to draw: parallel edges of one kind between the same two nodes become one."""
    merged: dict[tuple[str, str, str], list[dict]] = {}
    for u, v, data in G.edges(data=True):
        merged.setdefault((u, v, data["kind"]), []).append(data)
    edges = []
    for (u, v, kind), facts in sorted(merged.items()):
        facts = sorted(facts, key=lambda f: f["source"])
        label = ""
        if kind != "speaks_about":  # who speaks about whom is in the width and the hover text
            label = _shorten(", ".join(sorted({f["label"] for f in facts})), _MAX_EDGE_LABEL)
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


def _panel_data(G, measures: dict) -> dict:
    """What the side panel shows for each node: aliases, measures, affiliations, actions, statements."""
    def name(node):
        return G.nodes[node]["name"]

    def speaker(record):
        return name(record["speaker"]) if record["speaker"] else (record["speaker_text"] or "someone")

    facts: dict[str, list] = {node: [] for node in G}
    for u, v, edge in G.edges(data=True):
        if edge["kind"] in ("affiliation", "action"):
            facts[u].append((edge["source"], u, v, edge))
            if v != u:
                facts[v].append((edge["source"], u, v, edge))
    panel = {}
    for node, data in G.nodes(data=True):
        m = measures.get(node, {})
        affiliations, actions = [], []
        for _, u, v, edge in sorted(facts[node], key=lambda f: (f[0], f[1], f[2])):
            if edge["kind"] == "affiliation":
                affiliations.append({"person": name(u), "role": edge["label"] if edge["label"] != "member of" else "",
                                     "organization": name(v), "sentence": edge["evidence"]})
            else:
                actions.append({"agent": name(u), "verb": edge["label"], "object": name(v), "sentence": edge["evidence"]})
        panel[node] = {
            "name": data["name"], "type": data["type"], "aliases": list(data["aliases"]),
            "pagerank": m.get("pagerank", 0.0), "betweenness": m.get("betweenness", 0.0),
            "degree": G.degree(node), "community": m.get("community", 0),
            "affiliations": affiliations, "actions": actions,
            "said": [{"text": s["text"], "cue": s["cue"], "act": s["speech_act"], "quoteType": s["quote_type"],
                      "sentence": s["sentence"]} for s in data["statements"]],
            "mentioned": [{"speaker": speaker(s), "text": s["text"], "cue": s["cue"], "sentence": s["sentence"]}
                          for s in data["mentioned_in"]],
        }
    return panel


def _label_box(label: str, size: float) -> tuple[float, float, float]:
    """Half-width, extent above and extent below a node's centre, its label (below the dot) included."""
    width = min(len(label) * _FONT * 0.56, _LABEL_WIDTH)
    lines = max(1, math.ceil(len(label) * _FONT * 0.56 / _LABEL_WIDTH))
    return max(size, width / 2) + 22, size + 16, size + 18 + lines * (_FONT + 3)


def _spread(pos: dict, boxes: dict, *, rounds: int = 200) -> dict:
    """Push apart nodes whose label boxes overlap, along the axis where they overlap least."""
    pos = {n: [float(x), float(y)] for n, (x, y) in pos.items()}
    order = sorted(pos)
    for _ in range(rounds):
        moved = False
        for i, a in enumerate(order):
            wa, ua, da = boxes[a]
            for b in order[i + 1:]:
                wb, ub, db = boxes[b]
                (ax, ay), (bx, by) = pos[a], pos[b]
                dx = (wa + wb) - abs(ax - bx)
                if dx <= 0:
                    continue
                # vertical intervals [y - up, y + down]
                dy = min(ay + da, by + db) - max(ay - ua, by - ub)
                if dy <= 0:
                    continue
                moved = True
                # push apart along the axis of the smaller overlap; a tie is broken by id
                axis, overlap, mine, theirs = (0, dx, ax, bx) if dx < dy else (1, dy, ay, by)
                shift = overlap / 2 + 1
                sign = 1 if mine > theirs or (mine == theirs and a > b) else -1
                pos[a][axis] += sign * shift
                pos[b][axis] -= sign * shift
        if not moved:
            break
    return {n: (round(x), round(y)) for n, (x, y) in pos.items()}


def _positions(G, sizes: dict, labels: dict) -> dict:
    """Node positions in pixels: each connected part laid out on its own, labels kept apart, parts packed in rows.

    The largest part comes first; entities tied to nothing end up together in the last rows.
    """
    undirected = G.to_undirected(as_view=False)
    undirected.remove_edges_from([(u, v) for u, v in undirected.edges() if u == v])
    parts = []
    for nodes in nx.connected_components(undirected):
        nodes = sorted(nodes)
        if len(nodes) == 1:
            pos = {nodes[0]: (0, 0)}
        else:
            scale = 200.0 * len(nodes) ** 0.5 if len(nodes) > 3 else 110.0 * len(nodes)
            pos = layout_positions(G.subgraph(nodes), scale=scale, stretch=1.6 if len(nodes) > 3 else 1.0)
        if len(nodes) <= _SPREAD_LIMIT:
            pos = _spread(pos, {n: _label_box(labels[n], sizes[n]) for n in nodes})
        boxes = {n: _label_box(labels[n], sizes[n]) for n in nodes}
        left = min(x - boxes[n][0] for n, (x, _) in pos.items())
        right = max(x + boxes[n][0] for n, (x, _) in pos.items())
        top = min(y - boxes[n][1] for n, (_, y) in pos.items())
        bottom = max(y + boxes[n][2] for n, (_, y) in pos.items())
        parts.append((-len(nodes), min(labels[n].lower() for n in nodes), nodes, pos, left, right, top, bottom))
    parts.sort(key=lambda p: (p[0], p[1], p[2]))
    area = sum((p[5] - p[4] + 40) * (p[7] - p[6] + 40) for p in parts)
    row_width = max((p[5] - p[4]) for p in parts) if parts else 0
    row_width = max(row_width, (area * 1.6) ** 0.5)
    placed, x, y, row_height = {}, 0.0, 0.0, 0.0
    for _, _, nodes, pos, left, right, top, bottom in parts:
        width, height = right - left, bottom - top
        if x > 0 and x + width > row_width:
            x, y, row_height = 0.0, y + row_height + 40, 0.0
        for n, (px, py) in pos.items():
            placed[n] = (round(x + px - left), round(y + py - top))
        x += width + 40
        row_height = max(row_height, height)
    return placed


def _legend(counts_by_type: dict[str, int], kinds_present: set[str], communities: list[dict]) -> str:
    types = []
    for type_name in ENTITY_TYPES:
        types.append(
            f'<label class="kg-type"><input type="checkbox" data-type="{type_name}" checked>'
            f'<span class="kg-dot" style="background:{TYPE_COLOURS[type_name]}"></span>'
            f'{type_name} ({counts_by_type.get(type_name, 0)})</label>'
        )
    groups = []
    for community in communities[:len(COMMUNITY_COLOURS)]:
        if community["size"] < 2:
            continue
        colour = COMMUNITY_COLOURS[community["id"] - 1]
        groups.append(f'<span class="kg-item"><span class="kg-dot" style="background:{colour}"></span>'
                      f'{community["id"]}: {html_lib.escape(_shorten(community["leader"], 28))}'
                      f' ({community["size"]})</span>')
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


def _default_title(analysis: dict) -> str:
    headlines = [a.get("headline") or a.get("identifier") for a in analysis.get("articles", [])]
    headlines = [h for h in headlines if h]
    if len(headlines) > 3:
        return f"{len(headlines)} articles: " + "; ".join(headlines[:3]) + "; …"
    return "; ".join(headlines) if headlines else "Knowledge graph"


def render_html(graph: rdflib.Graph, *, title: str | None = None, analysis: Analysis | None = None) -> str:
    """One self-contained HTML page drawing the actor graph of ``graph``.

    Nodes are coloured by type (or community) and sized by PageRank (from ``analysis``, computed
    with ``kg.analyze.analyze`` when not given); clicking a node lists its aliases, affiliations,
    actions and statements with their sources; hovering an edge shows its evidence sentence.
    ``title`` defaults to the article headline(s). The same graph always gives byte-identical
    HTML, and the page works offline from any folder.
    """
    G = to_networkx(graph)
    analysis = (analysis or analyze(graph)).as_dict()
    if title is None:
        title = _default_title(analysis)
    measures = {n["id"]: n for n in analysis.get("nodes", [])}
    top_rank = max((m.get("pagerank", 0.0) for m in measures.values()), default=0.0) or 1.0

    sizes, labels = {}, {}
    for node, data in G.nodes(data=True):
        rank = measures.get(node, {}).get("pagerank", 0.0)
        sizes[node] = round(_MIN_SIZE + (_MAX_SIZE - _MIN_SIZE) * (rank / top_rank) ** 0.5, 2)
        labels[node] = data["name"] or node
    positions = _positions(G, sizes, labels)

    net = Network(height="720px", width="100%", directed=True, cdn_resources="in_line", bgcolor="#ffffff")
    titles = []
    for node, data in sorted(G.nodes(data=True)):
        colour = TYPE_COLOURS[data["type"]]
        x, y = positions[node]
        net.add_node(node, label=labels[node], color=colour, size=sizes[node], x=x, y=y, physics=False)
        titles.append([node, _node_title(data["name"], data, measures.get(node, {}))])
    edges = _merged_edges(G)
    for i, edge in enumerate(edges):
        style = EDGE_STYLES[edge["kind"]]
        width = 1 + math.log2(edge["count"]) * 1.2 + (0.6 if edge["kind"] != "speaks_about" else 0)
        net.add_edge(edge["from"], edge["to"], id=f"e{i}", label=edge["label"], title=edge["title"],
                     color=style["color"], dashes=style["dashes"], width=round(width, 2))
    net.options = _OPTIONS  # a dict: pyvis writes it with json.dumps, in insertion order

    community_colours = {
        str(c["id"]): COMMUNITY_COLOURS[c["id"] - 1]
        for c in analysis.get("communities", []) if c["id"] <= len(COMMUNITY_COLOURS) and c["size"] > 1
    }
    data = {"titles": titles, "nodes": _panel_data(G, measures), "typeColours": TYPE_COLOURS,
            "communityColours": community_colours, "otherColour": OTHER_COLOUR}

    # Node titles and panel data reach vis-network through our own script, not through pyvis:
    # pyvis 0.3.2 switches to a popup that sets innerHTML whenever a node title contains "href".
    page = net.generate_html(name="kg.html")
    page = _REMOTE_LINK.sub("", page)
    page = _REMOTE_SCRIPT.sub("", page)
    page = _EMPTY_HEADING.sub("", page)
    page = _DEAD_LINKS.sub("", page)
    page = _SOURCE_MAP.sub("", page)
    page = _replace_once(page, '<div class="card" style="width: 100%">',
                         '<div class="kg-main"><div class="kg-graph">')
    page = _replace_once(page, 'class="card-body"></div>',
                         'class="kg-canvas"></div></div>\n<aside id="kg-panel" aria-live="polite"></aside>')

    escaped_title = html_lib.escape(title, quote=True)
    counts = analysis.get("counts", {})
    articles = counts.get("articles", 0)
    summary = (
        (f"{articles} articles · " if articles > 1 else "")
        + f"{counts.get('entities', G.number_of_nodes())} entities · {counts.get('statements', 0)} statements"
        f" · {counts.get('affiliations', 0)} affiliations · {counts.get('actions', 0)} actions"
        f" · {len(edges)} links drawn"
    )
    header = (
        '<div class="kg-header">'
        f"<h1>{escaped_title}</h1><p>{html_lib.escape(summary)}</p></div>"
        + _legend(counts.get("entities_by_type", {}), {e["kind"] for e in edges}, analysis.get("communities", []))
        + ("" if G.number_of_nodes() else '<div class="kg-empty">No entities in this graph.</div>'
                                          '<style>.kg-main { display: none !important; }</style>')
        + "\n"
    )
    page = _replace_once(page, "<html>", '<!DOCTYPE html>\n<html lang="en">')
    page = _replace_once(page, '<meta charset="utf-8">',
                         '<meta charset="utf-8">\n<meta name="viewport" content="width=device-width, initial-scale=1">'
                         f'\n<title>{escaped_title}</title>')
    page = _replace_once(page, "</head>", _PAGE_CSS + "</head>")
    page = _replace_once(page, "<body>", "<body>\n" + header)
    page = _replace_once(page, "</body>", (_PAGE_SCRIPT % _script_json(data)) + "</body>")
    return page if page.endswith("\n") else page + "\n"


def write_html(html: str, path: str | os.PathLike) -> Path:
    """Write a page from ``render_html`` to ``path`` atomically; returns the path."""
    return write_text_atomic(path, html)


__all__ = ["COMMUNITY_COLOURS", "EDGE_STYLES", "TYPE_COLOURS", "render_html", "write_html"]
