"""What the page shows, prepared in Python: colours, node sizes and hover texts, the edges to draw,
and what the side panel lists for each node. The page's script (page.js) only displays it.
"""
from __future__ import annotations

from kg.model import ActorMeasures, Analysis

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
_MIN_SIZE, _MAX_SIZE = 10, 38
_MAX_EDGE_LABEL = 24
# the measures of a node that an analysis of another graph does not have
_UNMEASURED = ActorMeasures(id="", name="", type="", aliases=(), degree=0, in_degree=0, out_degree=0,
                            betweenness=0.0, pagerank=0.0, community=0, participation=0.0, statements=0)


def measures_of(G, analysis: Analysis) -> dict[str, ActorMeasures]:
    """The measures of every node of ``G``, from ``analysis`` (zero for a node it does not have)."""
    by_id = {n.id: n for n in analysis.nodes}
    return {node: by_id.get(node, _UNMEASURED) for node in G}


def node_sizes(analysis: Analysis, measures: dict[str, ActorMeasures]) -> dict[str, float]:
    """Dot radii from PageRank, by its square root: the most central entity gets the largest dot."""
    top_rank = max((n.pagerank for n in analysis.nodes), default=0.0) or 1.0
    return {node: round(_MIN_SIZE + (_MAX_SIZE - _MIN_SIZE) * (m.pagerank / top_rank) ** 0.5, 2)
            for node, m in measures.items()}


def shorten(text: str, width: int) -> str:
    """``text`` on one line, cut to ``width`` characters with an ellipsis."""
    text = " ".join(text.split())
    return text if len(text) <= width else text[: width - 1].rstrip(" ,") + "…"


def node_title(name: str, data: dict, measure: ActorMeasures) -> str:
    """The plain-text hover text of a node: who it is, in a few lines (the panel has the rest)."""
    lines = [name, data["type"]]
    if data["aliases"]:
        lines.append("Also called: " + shorten("; ".join(data["aliases"]), 120))
    said, mentioned = len(data["statements"]), len(data["mentioned_in"])
    lines.append(f"{said} statement{'s' if said != 1 else ''} made · mentioned in {mentioned}")
    lines.append(f"PageRank {measure.pagerank:.4f} · community {measure.community}")
    lines.append("Click for statements and sources")
    return "\n".join(lines)


def merged_edges(G) -> list[dict]:
    """The edges to draw: parallel edges of one kind between the same two nodes become one."""
    merged: dict[tuple[str, str, str], list[dict]] = {}
    for u, v, data in G.edges(data=True):
        merged.setdefault((u, v, data["kind"]), []).append(data)
    edges = []
    for (u, v, kind), facts in sorted(merged.items()):
        facts = sorted(facts, key=lambda f: f["source"])
        label = ""
        if kind != "speaks_about":  # who speaks about whom is in the width and the hover text
            label = shorten(", ".join(sorted({f["label"] for f in facts})), _MAX_EDGE_LABEL)
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


def script_data(G, analysis: Analysis, measures: dict[str, ActorMeasures]) -> dict:
    """``kg`` of the page's script: hover texts, panel contents and colours."""
    community_colours = {
        str(c.id): COMMUNITY_COLOURS[c.id - 1]
        for c in analysis.communities if c.id <= len(COMMUNITY_COLOURS) and c.size > 1
    }
    titles = [[node, node_title(data["name"], data, measures[node])] for node, data in sorted(G.nodes(data=True))]
    return {"titles": titles, "nodes": _panel_data(G, measures), "typeColours": TYPE_COLOURS,
            "communityColours": community_colours, "otherColour": OTHER_COLOUR}


def _panel_data(G, measures: dict[str, ActorMeasures]) -> dict:
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
        m = measures[node]
        affiliations, actions = [], []
        for _, u, v, edge in sorted(facts[node], key=lambda f: (f[0], f[1], f[2])):
            if edge["kind"] == "affiliation":
                affiliations.append({"person": name(u), "role": edge["label"] if edge["label"] != "member of" else "",
                                     "organization": name(v), "sentence": edge["evidence"]})
            else:
                actions.append({"agent": name(u), "verb": edge["label"], "object": name(v), "sentence": edge["evidence"]})
        panel[node] = {
            "name": data["name"], "type": data["type"], "aliases": list(data["aliases"]),
            "pagerank": m.pagerank, "betweenness": m.betweenness, "degree": G.degree(node), "community": m.community,
            "affiliations": affiliations, "actions": actions,
            "said": [{"text": s["text"], "cue": s["cue"], "act": s["speech_act"], "quoteType": s["quote_type"],
                      "sentence": s["sentence"]} for s in data["statements"]],
            "mentioned": [{"speaker": speaker(s), "text": s["text"], "cue": s["cue"], "sentence": s["sentence"]}
                          for s in data["mentioned_in"]],
        }
    return panel
