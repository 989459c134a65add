"""The actor graph of kg's RDF, and what can be measured on it.

``to_networkx`` projects the RDF (see notes/rdf-contract.md) onto a NetworkX multigraph whose nodes
are the entities of the articles (people, organisations, places, groups) and whose edges are the
facts between them: affiliations, actions, and "speaks about" links from a speaker to every entity
their statement mentions. Statements and articles are never nodes; they show up as node attributes
(the statements an entity made) and edge attributes (the evidence sentence).

``analyze`` measures that graph and returns a JSON-ready dict; ``analysis_json`` and
``format_report`` turn that dict into a file and into text for a terminal.

Example:

>>> from rdflib import Graph, Literal, URIRef
>>> from kg.rdf.vocab import RDF, SCHEMA
>>> g = Graph()
>>> _ = g.add((URIRef("https://kg.example.org/id/person/ann"), RDF.type, SCHEMA.Person))
>>> _ = g.add((URIRef("https://kg.example.org/id/person/ann"), SCHEMA.name, Literal("Ann")))
>>> G = to_networkx(g)
>>> G.nodes["https://kg.example.org/id/person/ann"]["name"]
'Ann'
>>> analyze(g)["top_actors"][0]["pagerank"]
1.0
"""
from __future__ import annotations

import json

import networkx as nx
import rdflib
from rdflib import URIRef

from kg.model import ENTITY_TYPES
from kg.rdf.vocab import KG, ORG, QUOTE_TYPE_IRIS, RDF, RDFS, SCHEMA

# Entity classes, in the order used when a subject carries more than one of them.
_ENTITY_CLASSES = {
    "Person": SCHEMA.Person,
    "Organization": SCHEMA.Organization,
    "Place": SCHEMA.Place,
    "Group": KG.Group,
}
_QUOTE_TYPES = {iri: name for name, iri in QUOTE_TYPE_IRIS.items()}

EDGE_KINDS: tuple[str, ...] = ("affiliation", "action", "speaks_about")
_DIGITS = 4


# --------------------------------------------------------------------------- RDF -> networkx


def _first(graph: rdflib.Graph, subject, predicate) -> str | None:
    """The smallest string value of ``subject predicate ?o`` (deterministic when there are several)."""
    values = sorted(str(o) for o in graph.objects(subject, predicate))
    return values[0] if values else None


def _first_node(graph: rdflib.Graph, subject, predicate) -> URIRef | None:
    values = sorted(o for o in graph.objects(subject, predicate) if isinstance(o, URIRef))
    return values[0] if values else None


def _typed(graph: rdflib.Graph, *classes) -> list[URIRef]:
    """Every IRI typed with one of ``classes``, sorted."""
    found = {s for cls in classes for s in graph.subjects(RDF.type, cls) if isinstance(s, URIRef)}
    return sorted(found)


def _entities(graph: rdflib.Graph) -> dict[URIRef, str]:
    """Entity IRI -> entity type name, for every subject typed with an entity class."""
    entities: dict[URIRef, str] = {}
    for type_name in ENTITY_TYPES:
        for subject in _typed(graph, _ENTITY_CLASSES[type_name]):
            entities.setdefault(subject, type_name)
    return dict(sorted(entities.items()))


def _statements(graph: rdflib.Graph) -> list[URIRef]:
    return _typed(graph, KG.Statement, SCHEMA.Quotation)


def _statement_record(graph: rdflib.Graph, statement: URIRef) -> dict:
    quote_type = _first_node(graph, statement, KG.quoteType)
    return {
        "text": _first(graph, statement, SCHEMA.text) or "",
        "cue": _first(graph, statement, KG.cue) or "",
        "quote_type": _QUOTE_TYPES.get(quote_type) if quote_type is not None else None,
        "sentence": _first(graph, statement, KG.sentence) or "",
    }


def to_networkx(graph: rdflib.Graph) -> nx.MultiDiGraph:
    """The actor graph of ``graph``: entities as nodes, affiliations, actions and "speaks about" as edges.

    Node id is the entity IRI; node attributes ``name``, ``type`` ("Person", "Organization",
    "Place", "Group"), ``aliases`` (sorted) and ``statements`` (dicts with ``text``, ``cue``,
    ``quote_type`` and ``sentence``, in statement IRI order). Every edge has ``kind``
    ("affiliation", "action" or "speaks_about"), ``label``, ``evidence`` (the kg:sentence),
    ``weight`` (1) and ``source`` (the IRI of the membership, action or statement it comes from).
    Nodes and edges are inserted in sorted order, so the result is the same on every run.
    """
    G = nx.MultiDiGraph()
    entities = _entities(graph)
    statements = _statements(graph)
    said: dict[URIRef, list[dict]] = {entity: [] for entity in entities}
    for statement in statements:
        speaker = _first_node(graph, statement, SCHEMA.creator)
        if speaker in said:
            said[speaker].append(_statement_record(graph, statement))

    for entity, type_name in entities.items():
        G.add_node(
            str(entity),
            name=_first(graph, entity, SCHEMA.name) or str(entity).rstrip("/").rsplit("/", 1)[-1],
            type=type_name,
            aliases=sorted({str(o) for o in graph.objects(entity, SCHEMA.alternateName)}),
            statements=said[entity],
        )

    def add_edge(source, target, kind, label, fact):
        G.add_edge(str(source), str(target), kind=kind, label=label,
                   evidence=_first(graph, fact, KG.sentence) or "", weight=1, source=str(fact))

    for membership in _typed(graph, ORG.Membership):
        person = _first_node(graph, membership, ORG.member)
        organization = _first_node(graph, membership, ORG.organization)
        if person in entities and organization in entities:
            role = _first_node(graph, membership, ORG.role)
            label = (_first(graph, role, RDFS.label) if role is not None else None) or "member of"
            add_edge(person, organization, "affiliation", label, membership)

    for action in _typed(graph, SCHEMA.Action):
        agent = _first_node(graph, action, SCHEMA.agent)
        target = _first_node(graph, action, SCHEMA.object)
        if agent in entities and target in entities:
            label = _first(graph, action, SCHEMA.name) or _first(graph, action, KG.verbLemma) or "acts on"
            add_edge(agent, target, "action", label, action)

    for statement in statements:
        speaker = _first_node(graph, statement, SCHEMA.creator)
        if speaker not in entities:
            continue
        cue = _first(graph, statement, KG.cue) or "speaks about"
        for mentioned in sorted(graph.objects(statement, SCHEMA.mentions)):
            if mentioned in entities and mentioned != speaker:
                add_edge(speaker, mentioned, "speaks_about", cue, statement)
    return G


# --------------------------------------------------------------------------- measures


def _collapse(G: nx.MultiDiGraph) -> nx.DiGraph:
    """A simple directed graph with the summed ``weight`` of the parallel edges."""
    simple = nx.DiGraph()
    simple.add_nodes_from(G)
    for u, v, weight in G.edges(data="weight", default=1):
        if simple.has_edge(u, v):
            simple[u][v]["weight"] += weight
        else:
            simple.add_edge(u, v, weight=weight)
    return simple


def _undirected(G: nx.MultiDiGraph) -> nx.Graph:
    """A simple undirected graph with the summed ``weight`` of the edges in both directions."""
    undirected = nx.Graph()
    undirected.add_nodes_from(G)
    for u, v, weight in G.edges(data="weight", default=1):
        if undirected.has_edge(u, v):
            undirected[u][v]["weight"] += weight
        else:
            undirected.add_edge(u, v, weight=weight)
    return undirected


def pagerank(G: nx.DiGraph, *, alpha: float = 0.85, weight: str = "weight",
             tol: float = 1.0e-10, max_iter: int = 1000) -> dict:
    """PageRank of a simple directed graph by power iteration (dangling nodes spread uniformly).

    The same definition as ``networkx.pagerank``, in pure Python: that function needs SciPy,
    which kg does not depend on.

    >>> pagerank(nx.DiGraph([("a", "b"), ("b", "a")]))
    {'a': 0.5, 'b': 0.5}
    """
    nodes = list(G)
    n = len(nodes)
    if n == 0:
        return {}
    out_weight = {u: sum(d.get(weight, 1) for d in G[u].values()) for u in nodes}
    rank = dict.fromkeys(nodes, 1.0 / n)
    for _ in range(max_iter):
        dangling = alpha * sum(rank[u] for u in nodes if not out_weight[u]) / n
        new = dict.fromkeys(nodes, (1.0 - alpha) / n + dangling)
        for u, v, w in G.edges(data=weight, default=1):
            new[v] += alpha * rank[u] * w / out_weight[u]
        error = sum(abs(new[u] - rank[u]) for u in nodes)
        rank = new
        if error < n * tol:
            break
    return rank


def _round(value: float) -> float:
    rounded = round(float(value), _DIGITS)
    return 0.0 if rounded == 0 else rounded  # no "-0.0"


def _articles(graph: rdflib.Graph) -> list[dict]:
    return [
        {"id": str(article),
         "identifier": _first(graph, article, SCHEMA.identifier),
         "headline": _first(graph, article, SCHEMA.headline)}
        for article in _typed(graph, SCHEMA.NewsArticle)
    ]


def analyze(graph: rdflib.Graph, *, top: int = 10) -> dict:
    """Counts, centralities, communities and speakers of the actor graph, as a JSON-ready dict.

    Keys: ``articles``, ``counts``, ``nodes`` (per entity: degree, in/out degree, betweenness,
    PageRank, number of statements), ``communities`` (lists of member names), ``speakers``
    (``{"id", "name", "statements"}``, most statements first) and ``top_actors`` (the ``top``
    entities by PageRank). Degree counts every edge of the multigraph; betweenness is normalised
    and computed on the undirected simple projection (who stands between whom, whatever the
    direction); PageRank on the weighted simple directed graph; communities with Louvain
    (seed 42) on the weighted undirected projection. Floats are rounded to 4 decimals and every
    list is sorted, so the same graph always gives the same dict.
    """
    G = to_networkx(graph)
    simple = _collapse(G)
    undirected = _undirected(G)
    ranks = pagerank(simple)
    between = nx.betweenness_centrality(undirected, normalized=True, weight=None)

    nodes = []
    for node, data in sorted(G.nodes(data=True)):
        nodes.append({
            "id": node,
            "name": data["name"],
            "type": data["type"],
            "aliases": list(data["aliases"]),
            "degree": G.degree(node),
            "in_degree": G.in_degree(node),
            "out_degree": G.out_degree(node),
            "betweenness": _round(between.get(node, 0.0)),
            "pagerank": _round(ranks.get(node, 0.0)),
            "statements": len(data["statements"]),
        })

    communities = []
    if len(undirected):
        for members in nx.community.louvain_communities(undirected, weight="weight", seed=42):
            communities.append(sorted(G.nodes[m]["name"] for m in members))
    communities.sort(key=lambda names: (-len(names), names))

    speakers = sorted(
        ({"id": n["id"], "name": n["name"], "statements": n["statements"]} for n in nodes if n["statements"]),
        key=lambda s: (-s["statements"], s["name"], s["id"]),
    )
    ranked = sorted(nodes, key=lambda n: (-n["pagerank"], n["name"], n["id"]))
    top_actors = [
        {key: n[key] for key in ("id", "name", "type", "pagerank", "degree", "statements")}
        for n in ranked[:max(top, 0)]
    ]

    statements = _statements(graph)
    attributed = sum(len(data["statements"]) for _, data in G.nodes(data=True))
    by_type = {type_name: 0 for type_name in ENTITY_TYPES}
    for n in nodes:
        by_type[n["type"]] += 1
    edges_by_kind = {kind: 0 for kind in EDGE_KINDS}
    for _, _, kind in G.edges(data="kind"):
        edges_by_kind[kind] += 1
    counts = {
        "articles": len(_articles(graph)),
        "entities": len(nodes),
        "entities_by_type": by_type,
        "statements": len(statements),
        "unattributed_statements": len(statements) - attributed,
        "affiliations": len(_typed(graph, ORG.Membership)),
        "actions": len(_typed(graph, SCHEMA.Action)),
        "edges": G.number_of_edges(),
        "edges_by_kind": edges_by_kind,
        "triples": len(graph),
    }
    return {
        "articles": _articles(graph),
        "counts": counts,
        "nodes": nodes,
        "communities": communities,
        "speakers": speakers,
        "top_actors": top_actors,
    }


# --------------------------------------------------------------------------- output


def analysis_json(analysis: dict) -> str:
    """``analysis`` as JSON text: indented, keys sorted, UTF-8 characters kept, ending in a newline."""
    return json.dumps(analysis, indent=2, sort_keys=True, ensure_ascii=False) + "\n"


def _cell(text: str, width: int) -> str:
    text = " ".join(str(text).split())
    return text if len(text) <= width else text[: width - 3] + "..."


def format_report(analysis: dict) -> str:
    """A plain-text report of ``analysis`` for a terminal: counts, top actors, speakers, communities."""
    counts = analysis["counts"]
    lines = []
    headlines = [a["headline"] or a["identifier"] or a["id"] for a in analysis.get("articles", [])]
    lines.append("Article: " + "; ".join(headlines) if headlines else "Knowledge graph")
    by_type = ", ".join(f"{name} {n}" for name, n in counts["entities_by_type"].items())
    lines.append(
        f"Entities {counts['entities']} ({by_type}); statements {counts['statements']}"
        f" ({counts['unattributed_statements']} unattributed); affiliations {counts['affiliations']};"
        f" actions {counts['actions']}; edges {counts['edges']}; triples {counts['triples']}"
    )

    lines += ["", "Top actors (by PageRank)"]
    if analysis["top_actors"]:
        lines.append(f"  {'#':>2}  {'Name':<32}  {'Type':<12}  {'PageRank':>8}  {'Degree':>6}  {'Statements':>10}")
        for i, actor in enumerate(analysis["top_actors"], 1):
            lines.append(
                f"  {i:>2}  {_cell(actor['name'], 32):<32}  {actor['type']:<12}  {actor['pagerank']:>8.4f}"
                f"  {actor['degree']:>6}  {actor['statements']:>10}"
            )
    else:
        lines.append("  (no entities)")

    lines += ["", "Speakers"]
    if analysis["speakers"]:
        lines.append(f"  {'Name':<32}  {'Statements':>10}")
        for speaker in analysis["speakers"]:
            lines.append(f"  {_cell(speaker['name'], 32):<32}  {speaker['statements']:>10}")
    else:
        lines.append("  (no attributed statements)")

    lines += ["", "Communities"]
    if analysis["communities"]:
        for i, members in enumerate(analysis["communities"], 1):
            lines.append(f"  {i:>2}. " + ", ".join(" ".join(m.split()) for m in members))
    else:
        lines.append("  (none)")
    return "\n".join(lines) + "\n"


__all__ = ["EDGE_KINDS", "analysis_json", "analyze", "format_report", "pagerank", "to_networkx"]
