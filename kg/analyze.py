"""The actor graph of kg's RDF, and what can be measured on it.

``to_networkx`` projects the RDF (see notes/rdf-contract.md) onto a NetworkX multigraph whose nodes
are the entities of the articles (people, organisations, places, groups) and whose edges are the
facts between them, typed and weighted: affiliations (person -> organisation, weight 3), actions
(agent -> object, weight 2), and "speaks about" links from a speaker to every entity their
statement mentions (weight 1). Statements and articles are never nodes, so they cannot dominate
centrality; they are node attributes (the statements an entity made, the ones that mention it) and
edge attributes (the evidence sentence). ``rdf:type`` and vocabulary terms never enter the graph.

``analyze`` measures that graph (PageRank, betweenness, seeded Louvain communities, brokers
between communities, speakers and whom they speak about, accusations and conflicts) and returns a
JSON-ready dict. It takes any rdflib Graph, so one article and a merged corpus (the union of
several articles' graphs) are analysed the same way. ``analysis_json``, ``format_report``,
``format_markdown`` and ``analysis_graph`` turn that dict into a file, terminal text, a Markdown
report and RDF.

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
from collections import Counter
from decimal import Decimal

import networkx as nx
import rdflib
from rdflib import Literal, URIRef

from kg.model import ENTITY_TYPES
from kg.rdf.vocab import DEFAULT_BASE, KG, KG_NS, ORG, PROV, QUOTE_TYPE_IRIS, RDF, RDFS, SCHEMA, XSD

# Entity classes, in the order used when a subject carries more than one of them.
_ENTITY_CLASSES = {
    "Person": SCHEMA.Person,
    "Organization": SCHEMA.Organization,
    "Place": SCHEMA.Place,
    "Group": KG.Group,
}
_QUOTE_TYPES = {iri: name for name, iri in QUOTE_TYPE_IRIS.items()}
_SPEECH_ACT_PREFIX = KG_NS + "act-"

EDGE_KINDS: tuple[str, ...] = ("affiliation", "action", "speaks_about")
# A membership is a lasting tie, an action a deliberate one, a mention in speech the weakest.
EDGE_WEIGHTS: dict[str, float] = {"affiliation": 3.0, "action": 2.0, "speaks_about": 1.0}
LOUVAIN_SEED = 42
PAGERANK_ALPHA = 0.85

# What counts as an accusation and as a rejection, by speech act (statements) or verb lemma (actions).
ACCUSE_ACTS = frozenset({"accuse", "criticize"})
ACCUSE_LEMMAS = frozenset({"accuse", "criticize", "criticise", "condemn", "denounce", "blame", "attack",
                           "slam", "charge", "censure"})
REJECT_ACTS = frozenset({"reject", "deny"})
REJECT_LEMMAS = frozenset({"reject", "deny", "dismiss", "refute", "rebuff", "repudiate"})
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


def _speech_act(graph: rdflib.Graph, statement: URIRef) -> str | None:
    act = _first_node(graph, statement, KG.speechAct)
    if act is None:
        return None
    text = str(act)
    return text[len(_SPEECH_ACT_PREFIX):] if text.startswith(_SPEECH_ACT_PREFIX) else text


def _statement_record(graph: rdflib.Graph, statement: URIRef, entities: dict[URIRef, str]) -> dict:
    quote_type = _first_node(graph, statement, KG.quoteType)
    speaker = _first_node(graph, statement, SCHEMA.creator)
    return {
        "id": str(statement),
        "speaker": str(speaker) if speaker in entities else None,
        "speaker_text": _first(graph, statement, KG.speakerText) or "",
        "text": _first(graph, statement, SCHEMA.text) or "",
        "cue": _first(graph, statement, KG.cue) or "",
        "speech_act": _speech_act(graph, statement),
        "quote_type": _QUOTE_TYPES.get(quote_type) if quote_type is not None else None,
        "sentence": _first(graph, statement, KG.sentence) or "",
        "article": str(a) if (a := _first_node(graph, statement, SCHEMA.isPartOf)) is not None else None,
        "mentions": sorted(str(m) for m in graph.objects(statement, SCHEMA.mentions) if m in entities),
    }


def to_networkx(graph: rdflib.Graph, *, weights: dict[str, float] | None = None) -> nx.MultiDiGraph:
    """The actor graph of ``graph``: entities as nodes, affiliations, actions and "speaks about" as edges.

    Node id is the entity IRI; node attributes ``name``, ``type`` ("Person", "Organization",
    "Place", "Group"), ``aliases`` (sorted), ``statements`` (the statements the entity made) and
    ``mentioned_in`` (the statements of others that mention it), each a dict with ``id``,
    ``speaker``, ``speaker_text``, ``text``, ``cue``, ``speech_act``, ``quote_type``, ``sentence``,
    ``article`` and ``mentions``, in statement IRI order. Every edge has ``kind``
    ("affiliation", "action" or "speaks_about"), ``label`` (role, verb or cue), ``evidence`` (the
    kg:sentence), ``weight`` (``weights[kind]``, by default ``EDGE_WEIGHTS``), ``source`` (the IRI of
    the membership, action or statement it comes from) and ``act`` (the speech act of a statement,
    the verb lemma of an action, None for an affiliation). Nodes and edges are inserted in sorted
    order, so the result is the same on every run.
    """
    weights = {**EDGE_WEIGHTS, **(weights or {})}
    G = nx.MultiDiGraph()
    entities = _entities(graph)
    records = [_statement_record(graph, s, entities) for s in _statements(graph)]
    said: dict[str, list[dict]] = {str(entity): [] for entity in entities}
    mentioned: dict[str, list[dict]] = {str(entity): [] for entity in entities}
    for record in records:
        if record["speaker"] is not None:
            said[record["speaker"]].append(record)
        for entity in record["mentions"]:
            if entity != record["speaker"]:
                mentioned[entity].append(record)

    for entity, type_name in entities.items():
        G.add_node(
            str(entity),
            name=_first(graph, entity, SCHEMA.name) or str(entity).rstrip("/").rsplit("/", 1)[-1],
            type=type_name,
            aliases=sorted({str(o) for o in graph.objects(entity, SCHEMA.alternateName)}),
            statements=said[str(entity)],
            mentioned_in=mentioned[str(entity)],
        )

    def add_edge(source, target, kind, label, fact, act=None, evidence=None):
        G.add_edge(str(source), str(target), kind=kind, label=label,
                   evidence=evidence if evidence is not None else (_first(graph, fact, KG.sentence) or ""),
                   weight=weights[kind], source=str(fact), act=act)

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
            lemma = _first(graph, action, KG.verbLemma)
            label = _first(graph, action, SCHEMA.name) or lemma or "acts on"
            add_edge(agent, target, "action", label, action, act=lemma or label.lower())

    for record in records:
        speaker = record["speaker"]
        if speaker is None:
            continue
        for entity in record["mentions"]:
            if entity != speaker:
                add_edge(speaker, entity, "speaks_about", record["cue"] or "speaks about", URIRef(record["id"]),
                         act=record["speech_act"], evidence=record["sentence"])
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
        if u == v:
            continue
        if undirected.has_edge(u, v):
            undirected[u][v]["weight"] += weight
        else:
            undirected.add_edge(u, v, weight=weight)
    return undirected


def pagerank(G: nx.DiGraph, *, alpha: float = PAGERANK_ALPHA, weight: str = "weight",
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


def participation(G: nx.Graph, community_of: dict, *, weight: str = "weight") -> dict:
    """The participation coefficient of every node: 1 - sum over communities of (share of tie weight)².

    0 when all of a node's ties stay in one community (or it has none); close to 1 when its ties
    spread evenly over many communities: the brokers between camps (Guimerà and Amaral, 2005).

    >>> G = nx.Graph([("a", "b"), ("a", "c")])
    >>> participation(G, {"a": 0, "b": 0, "c": 1})
    {'a': 0.5, 'b': 0.0, 'c': 0.0}
    """
    result = {}
    for node in G:
        per_community: Counter = Counter()
        for neighbour, data in G[node].items():
            per_community[community_of[neighbour]] += data.get(weight, 1)
        total = sum(per_community.values())
        result[node] = 1.0 - sum((w / total) ** 2 for w in per_community.values()) if total else 0.0
    return result


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


def _communities(undirected: nx.Graph, ranks: dict, names: dict) -> list[list[str]]:
    """Louvain communities (seeded) as lists of node ids, most central first; largest community first."""
    if not len(undirected):
        return []
    found = nx.community.louvain_communities(undirected, weight="weight", seed=LOUVAIN_SEED)
    ordered = [sorted(members, key=lambda m: (-ranks.get(m, 0.0), names[m], m)) for members in found]
    ordered.sort(key=lambda members: (-len(members), -sum(ranks.get(m, 0.0) for m in members),
                                      [names[m] for m in members]))
    return ordered


def _fact(G: nx.MultiDiGraph, data: dict) -> dict:
    """An edge as evidence: what kind of fact, its verb or cue, its text and sentence."""
    text = ""
    if data["kind"] == "speaks_about":
        for record in G.nodes[data["_from"]]["statements"]:
            if record["id"] == data["source"]:
                text = record["text"]
    return {"kind": "statement" if data["kind"] == "speaks_about" else data["kind"], "source": data["source"],
            "verb": data["label"], "text": text, "sentence": data["evidence"]}


def _accused_in(G: nx.MultiDiGraph, speaker: str, statement: str) -> set[str]:
    """The entity an accusing statement is aimed at: the one its text names first ("China of ...").

    Falls back to every entity it mentions when none of their names occurs in the text.
    """
    for record in G.nodes[speaker]["statements"]:
        if record["id"] != statement:
            continue
        targets = [m for m in record["mentions"] if m != speaker]
        text = record["text"]
        first: dict[str, int] = {}
        for target in targets:
            data = G.nodes[target]
            found = [text.find(name) for name in (data["name"], *data["aliases"]) if name and name in text]
            if found:
                first[target] = min(found)
        if first:
            return {min(first, key=lambda t: (first[t], t))}
        return set(targets)
    return set()


def _conflicts(G: nx.MultiDiGraph) -> tuple[list[dict], list[dict]]:
    """Who accuses or criticises whom, and the pairs where the accused (or a member of it) rejects or denies."""
    accused_by: dict[tuple[str, str], list[dict]] = {}
    for u, v, data in sorted(G.edges(data=True), key=lambda e: (e[0], e[1], e[2]["source"])):
        act = (data.get("act") or "").lower()
        if data["kind"] == "speaks_about" and act in ACCUSE_ACTS:
            if v not in _accused_in(G, u, data["source"]):
                continue  # "accused China of ... detentions of Uyghurs": China is accused, not the Uyghurs
        elif not (data["kind"] == "action" and act in ACCUSE_LEMMAS):
            continue
        facts = accused_by.setdefault((u, v), [])
        fact = _fact(G, {**data, "_from": u})
        if fact not in facts:
            facts.append(fact)

    # rejections and denials, by whom (a statement's speaker or an action's agent)
    rejections: dict[str, list[dict]] = {}
    for node, data in G.nodes(data=True):
        for record in data["statements"]:
            if (record["speech_act"] or "") in REJECT_ACTS:
                rejections.setdefault(node, []).append({
                    "kind": "statement", "source": record["id"], "verb": record["cue"], "text": record["text"],
                    "sentence": record["sentence"], "targets": list(record["mentions"]),
                    "article": record["article"]})
    for u, v, data in G.edges(data=True):
        if data["kind"] == "action" and (data.get("act") or "").lower() in REJECT_LEMMAS:
            rejections.setdefault(u, []).append({
                "kind": "action", "source": data["source"], "verb": data["label"], "text": "",
                "sentence": data["evidence"], "targets": [v], "article": None})
    members: dict[str, set[str]] = {}
    for u, v, kind in G.edges(data="kind"):
        if kind == "affiliation":
            members.setdefault(v, set()).add(u)

    article_of = dict(G.graph.get("fact_articles", {}))
    for _, data in G.nodes(data=True):
        article_of.update((record["id"], record["article"]) for record in data["statements"])

    def name(node):
        return G.nodes[node]["name"]

    accusations, conflicts = [], []
    for (accuser, accused), facts in accused_by.items():
        accusations.append({"accuser": accuser, "accuser_name": name(accuser), "accused": accused,
                            "accused_name": name(accused), "accusations": facts})
        articles = {article_of.get(f["source"]) for f in facts} - {None}
        responses = []
        for responder in sorted({accused} | members.get(accused, set())):
            for rejection in rejections.get(responder, []):
                aimed = accuser in rejection["targets"]
                same_story = rejection["article"] is not None and rejection["article"] in articles
                if aimed or same_story:
                    responses.append({"by": responder, "by_name": name(responder), "kind": rejection["kind"],
                                      "source": rejection["source"], "verb": rejection["verb"],
                                      "text": rejection["text"], "sentence": rejection["sentence"],
                                      "names_accuser": aimed})
        if responses:
            responses.sort(key=lambda r: (not r["names_accuser"], r["source"]))
            conflicts.append({"accuser": accuser, "accuser_name": name(accuser), "accused": accused,
                              "accused_name": name(accused), "accusations": facts, "responses": responses})
    accusations.sort(key=lambda a: (-len(a["accusations"]), a["accuser_name"], a["accused_name"], a["accuser"]))
    conflicts.sort(key=lambda c: (-len(c["accusations"]) - len(c["responses"]), c["accuser_name"],
                                  c["accused_name"], c["accuser"]))
    return accusations, conflicts


def analyze(graph: rdflib.Graph, *, top: int = 10, weights: dict[str, float] | None = None) -> dict:
    """Counts, centralities, communities, brokers, speakers and conflicts of the actor graph, as a dict.

    Keys: ``articles``; ``counts``; ``nodes`` (per entity: degree, in/out degree, betweenness,
    PageRank, community, participation, number of statements); ``communities`` (``id``, ``size``,
    ``leader``, ``members`` and ``member_ids``, most central first); ``brokers`` (entities tied to
    more than one community, by betweenness); ``speakers`` (statements, speech acts and whom they
    speak about, most statements first); ``accusations`` (who accuses or criticises whom, with the
    evidence); ``conflicts`` (accusations answered by a rejection or denial of the accused or of a
    member of it); ``top_actors`` (the ``top`` entities by PageRank) and ``parameters``.

    Degree counts every fact of the multigraph; betweenness is normalised, on the undirected
    simple projection and by hops (who stands between whom, whatever the direction); PageRank on
    the weighted simple directed graph; communities with Louvain (seed 42) on the weighted
    undirected projection. Floats are rounded to 4 decimals and every list is sorted, so the same
    graph always gives the same dict, whatever the order of its triples.
    """
    weights = {**EDGE_WEIGHTS, **(weights or {})}
    G = to_networkx(graph, weights=weights)
    G.graph["fact_articles"] = {
        str(fact): str(article)
        for cls in (ORG.Membership, SCHEMA.Action)
        for fact in _typed(graph, cls)
        if (article := _first_node(graph, fact, SCHEMA.isPartOf)) is not None
    }
    simple = _collapse(G)
    undirected = _undirected(G)
    ranks = pagerank(simple)
    between = nx.betweenness_centrality(undirected, normalized=True, weight=None)
    names = {node: data["name"] for node, data in G.nodes(data=True)}
    groups = _communities(undirected, ranks, names)
    community_of = {member: i for i, members in enumerate(groups, 1) for member in members}
    spread = participation(undirected, community_of)

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
            "community": community_of.get(node, 0),
            "participation": _round(spread.get(node, 0.0)),
            "statements": len(data["statements"]),
        })

    communities = [
        {"id": i, "size": len(members), "leader": names[members[0]],
         "members": [names[m] for m in members], "member_ids": list(members)}
        for i, members in enumerate(groups, 1)
    ]

    brokers = []
    for node in nodes:
        linked = sorted({community_of[n] for n in undirected[node["id"]]} - {node["community"]})
        if linked:
            brokers.append({key: node[key] for key in ("id", "name", "type", "community", "betweenness",
                                                       "participation", "pagerank")} | {"links": linked})
    brokers.sort(key=lambda b: (-b["betweenness"], -b["participation"], b["name"], b["id"]))

    speakers = []
    for node, data in G.nodes(data=True):
        if not data["statements"]:
            continue
        about: Counter = Counter()
        for _, target, kind in G.out_edges(node, data="kind"):
            if kind == "speaks_about":
                about[target] += 1
        acts = Counter(record["speech_act"] or "unknown" for record in data["statements"])
        speakers.append({
            "id": node, "name": data["name"], "type": data["type"], "statements": len(data["statements"]),
            "speech_acts": dict(sorted(acts.items(), key=lambda kv: (-kv[1], kv[0]))),
            "about": [{"id": t, "name": names[t], "count": c}
                      for t, c in sorted(about.items(), key=lambda kv: (-kv[1], names[kv[0]], kv[0]))],
        })
    speakers.sort(key=lambda s: (-s["statements"], s["name"], s["id"]))

    accusations, conflicts = _conflicts(G)
    ranked = sorted(nodes, key=lambda n: (-n["pagerank"], n["name"], n["id"]))
    top_actors = [
        {key: n[key] for key in ("id", "name", "type", "pagerank", "betweenness", "degree", "statements",
                                 "community")}
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
        "communities": len(communities),
        "conflicts": len(conflicts),
        "triples": len(graph),
    }
    return {
        "articles": _articles(graph),
        "counts": counts,
        "nodes": nodes,
        "communities": communities,
        "brokers": brokers,
        "speakers": speakers,
        "accusations": accusations,
        "conflicts": conflicts,
        "top_actors": top_actors,
        "parameters": {"edge_weights": weights, "louvain_seed": LOUVAIN_SEED, "pagerank_alpha": PAGERANK_ALPHA,
                       "betweenness": "normalised, undirected, unweighted (hops)"},
    }


def layout_positions(G: nx.MultiDiGraph, *, seed: int = 7, scale: float | None = None,
                     stretch: float = 1.5) -> dict[str, tuple[int, int]]:
    """Deterministic 2-D positions in pixels for drawing the actor graph: ForceAtlas2, seeded.

    The layout runs on the weighted undirected projection, centred on (0, 0) and scaled so that its
    larger side is ``scale`` pixels (by default 180·√n), then widened ``stretch`` times. The same graph always gives the same
    positions, rounded to whole pixels.
    """
    if not len(G):
        return {}
    undirected = _undirected(G)
    n = len(undirected)
    if n == 1:
        return {next(iter(undirected)): (0.0, 0.0)}
    ordered = nx.Graph()
    ordered.add_nodes_from(sorted(undirected))
    ordered.add_weighted_edges_from(sorted((u, v, d["weight"]) for u, v, d in undirected.edges(data=True)))
    if n < 500:  # Fruchterman-Reingold on a dense matrix: even spacing, fine for small graphs
        pos = nx.spring_layout(ordered, seed=seed, iterations=300, weight=None)
    else:  # networkx' spring layout needs SciPy for large graphs; ForceAtlas2 needs only NumPy
        pos = nx.forceatlas2_layout(ordered, seed=seed, max_iter=80, weight="weight", scaling_ratio=2.0,
                                    gravity=1.0)
    xs = [float(p[0]) for p in pos.values()]
    ys = [float(p[1]) for p in pos.values()]
    if max(ys) - min(ys) > max(xs) - min(xs):  # lie wide, as screens are
        pos = {node: (y, x) for node, (x, y) in pos.items()}
        xs, ys = ys, xs
    span = max(max(xs) - min(xs), max(ys) - min(ys)) or 1.0
    target = scale if scale is not None else 180.0 * (n ** 0.5)
    cx, cy = (max(xs) + min(xs)) / 2, (max(ys) + min(ys)) / 2
    return {node: (round((float(x) - cx) / span * target * stretch), round((float(y) - cy) / span * target))
            for node, (x, y) in pos.items()}


# --------------------------------------------------------------------------- output


def analysis_json(analysis: dict) -> str:
    """``analysis`` as JSON text: indented, keys sorted, UTF-8 characters kept, ending in a newline."""
    return json.dumps(analysis, indent=2, sort_keys=True, ensure_ascii=False) + "\n"


def _decimal(value: float) -> Literal:
    return Literal(Decimal(repr(_round(value))), datatype=XSD.decimal)


def analysis_graph(analysis: dict, *, name: str | None = None, base: str = DEFAULT_BASE) -> rdflib.Graph:
    """The measures of ``analysis`` as RDF, for a separate file (NAME.analysis.ttl) that SPARQL can query.

    Each entity keeps its IRI, class and schema:name and gets kg:pageRank, kg:betweenness,
    kg:participation, kg:degree, kg:statementCount and kg:community; communities are kg:Community
    resources under ``{base}analysis/{name}/``; pairs in conflict are linked both ways with
    kg:inConflictWith; the kg:Analysis resource says which articles it used (prov:used).

    >>> g = analysis_graph({"articles": [], "nodes": [], "communities": [], "conflicts": []}, name="x")
    >>> len(g)
    2
    """
    from kg.rdf.build import bind_prefixes
    from kg.rdf.iri import normalize_base, slugify

    base = normalize_base(base)
    if name is None:
        identifiers = sorted(a.get("identifier") or a["id"] for a in analysis.get("articles", []))
        name = "-".join(identifiers) or "graph"
    run = URIRef(f"{base}analysis/{slugify(name)}")
    graph = bind_prefixes(rdflib.Graph(), base=base)
    graph.bind("analysis", rdflib.Namespace(f"{run}/"), override=True, replace=True)
    graph.add((run, RDF.type, KG.Analysis))
    headlines = "; ".join(a.get("headline") or a.get("identifier") or a["id"] for a in analysis.get("articles", []))
    graph.add((run, RDFS.label, Literal(f"Network analysis of {headlines}" if headlines else "Network analysis")))
    for article in analysis.get("articles", []):
        graph.add((run, PROV.used, URIRef(article["id"])))
    community_iri = {c["id"]: URIRef(f"{run}/community-{c['id']}") for c in analysis.get("communities", [])}
    for community in analysis.get("communities", []):
        node = community_iri[community["id"]]
        others = community["size"] - 1
        label = f"Community {community['id']}: {community['leader']}"
        label += f" and {others} other{'s' if others != 1 else ''}" if others else ""
        graph.add((node, RDF.type, KG.Community))
        graph.add((node, RDFS.label, Literal(label)))
        graph.add((node, PROV.wasGeneratedBy, run))
    for n in analysis.get("nodes", []):
        node = URIRef(n["id"])
        graph.add((node, RDF.type, _ENTITY_CLASSES[n["type"]]))
        graph.add((node, SCHEMA.name, Literal(n["name"])))
        graph.add((node, KG.pageRank, _decimal(n["pagerank"])))
        graph.add((node, KG.betweenness, _decimal(n["betweenness"])))
        graph.add((node, KG.participation, _decimal(n.get("participation", 0.0))))
        graph.add((node, KG.degree, Literal(int(n["degree"]))))
        graph.add((node, KG.statementCount, Literal(int(n["statements"]))))
        if n.get("community") in community_iri:
            graph.add((node, KG.community, community_iri[n["community"]]))
    for conflict in analysis.get("conflicts", []):
        a, b = URIRef(conflict["accuser"]), URIRef(conflict["accused"])
        graph.add((a, KG.inConflictWith, b))
        graph.add((b, KG.inConflictWith, a))
    return graph


def _cell(text: str, width: int) -> str:
    text = " ".join(str(text).split())
    return text if len(text) <= width else text[: width - 3] + "..."


def _title(analysis: dict) -> str:
    headlines = [a["headline"] or a["identifier"] or a["id"] for a in analysis.get("articles", [])]
    return "; ".join(headlines)


def _counts_line(counts: dict) -> str:
    by_type = ", ".join(f"{name} {n}" for name, n in counts["entities_by_type"].items())
    return (f"Entities {counts['entities']} ({by_type}); statements {counts['statements']}"
            f" ({counts['unattributed_statements']} unattributed); affiliations {counts['affiliations']};"
            f" actions {counts['actions']}; edges {counts['edges']}; triples {counts['triples']}")


def _about(speaker: dict, limit: int = 3) -> str:
    return ", ".join(f"{a['name']} ({a['count']})" for a in speaker["about"][:limit]) or "-"


def _acts(speaker: dict, limit: int = 3) -> str:
    return ", ".join(f"{act} {n}" for act, n in list(speaker["speech_acts"].items())[:limit])


def _members(community: dict, limit: int = 6) -> str:
    shown = community["members"][:limit]
    more = len(community["members"]) - len(shown)
    return ", ".join(shown) + (f" and {more} more" if more > 0 else "")


def _verbs(facts: list[dict]) -> str:
    return ", ".join(sorted({f["verb"] for f in facts}))


def format_report(analysis: dict) -> str:
    """A plain-text report of ``analysis`` for a terminal: top actors, speakers, communities, brokers, conflicts."""
    counts = analysis["counts"]
    title = _title(analysis)
    lines = ["Article: " + title if title else "Knowledge graph", _counts_line(counts)]

    lines += ["", "Top actors (by PageRank)"]
    if analysis["top_actors"]:
        lines.append(f"  {'#':>2}  {'Name':<32}  {'Type':<12}  {'PageRank':>8}  {'Between':>7}  {'Degree':>6}"
                     f"  {'Statements':>10}  {'Community':>9}")
        for i, actor in enumerate(analysis["top_actors"], 1):
            lines.append(
                f"  {i:>2}  {_cell(actor['name'], 32):<32}  {actor['type']:<12}  {actor['pagerank']:>8.4f}"
                f"  {actor.get('betweenness', 0.0):>7.4f}  {actor['degree']:>6}  {actor['statements']:>10}"
                f"  {actor.get('community', 0):>9}"
            )
    else:
        lines.append("  (no entities)")

    lines += ["", "Speakers"]
    if analysis["speakers"]:
        lines.append(f"  {'Name':<32}  {'Statements':>10}  {'Speech acts':<28}  Speaks most about")
        for speaker in analysis["speakers"]:
            lines.append(f"  {_cell(speaker['name'], 32):<32}  {speaker['statements']:>10}"
                         f"  {_cell(_acts(speaker), 28):<28}  {_cell(_about(speaker), 60)}")
    else:
        lines.append("  (no attributed statements)")

    lines += ["", "Communities (Louvain, seeded; most central member first)"]
    shown = [c for c in analysis["communities"] if c["size"] > 1]
    for c in shown:
        lines.append(f"  {c['id']:>2}. " + _cell(_members(c), 110))
    alone = [c["members"][0] for c in analysis["communities"] if c["size"] == 1]
    if alone:
        lines.append("      unconnected: " + _cell(", ".join(alone), 100))
    if not analysis["communities"]:
        lines.append("  (none)")

    lines += ["", "Brokers between communities (by betweenness)"]
    if analysis.get("brokers"):
        lines.append(f"  {'Name':<32}  {'Between':>7}  {'Particip.':>9}  Community -> also tied to")
        for b in analysis["brokers"][:10]:
            lines.append(f"  {_cell(b['name'], 32):<32}  {b['betweenness']:>7.4f}  {b['participation']:>9.4f}"
                         f"  {b['community']} -> {', '.join(str(c) for c in b['links'])}")
    else:
        lines.append("  (none)")

    lines += ["", "Conflicts (one accuses, the other rejects or denies)"]
    if analysis.get("conflicts"):
        for c in analysis["conflicts"]:
            lines.append(f"  {_cell(c['accuser_name'], 40)} {_verbs(c['accusations'])} {_cell(c['accused_name'], 40)};"
                         f" {_verbs(c['responses'])} by {', '.join(sorted({r['by_name'] for r in c['responses']}))}")
    else:
        lines.append("  (none)")
    one_sided = [a for a in analysis.get("accusations", [])
                 if not any(a["accuser"] == c["accuser"] and a["accused"] == c["accused"]
                            for c in analysis.get("conflicts", []))]
    if one_sided:
        lines.append("  Accusations without a rejection:")
        for a in one_sided:
            lines.append(f"    {_cell(a['accuser_name'], 40)} {_verbs(a['accusations'])} {_cell(a['accused_name'], 40)}")
    return "\n".join(lines) + "\n"


_MD_ESCAPES = {"\\": "\\\\", "|": "\\|", "*": "\\*", "_": "\\_", "`": "\\`", "[": "\\[", "]": "\\]",
               "<": "&lt;", ">": "&gt;", "&": "&amp;", "#": "\\#"}


def md(text) -> str:
    """Text for one Markdown table cell: on one line, with markup characters escaped.

    >>> md("<b>A|B</b>")
    '&lt;b&gt;A\\\\|B&lt;/b&gt;'
    """
    return "".join(_MD_ESCAPES.get(ch, ch) for ch in " ".join(str(text).split()))


def _md_quote(text: str, width: int = 160) -> str:
    text = " ".join(str(text).split())
    return md(text if len(text) <= width else text[: width - 1] + "…")


def format_markdown(analysis: dict, *, top: int = 10) -> str:
    """A readable Markdown report of ``analysis``: top actors, speakers, communities, brokers, conflicts."""
    counts = analysis["counts"]
    title = _title(analysis) or "Knowledge graph"
    out = [f"# {md(title)}", "", md(_counts_line(counts)) + ".", ""]

    out += ["## Top actors", "", "By PageRank in the actor graph (entities as nodes; affiliations, actions and "
            "\"speaks about\" links as weighted edges).", ""]
    if analysis["top_actors"]:
        out += ["| # | Name | Type | PageRank | Betweenness | Degree | Statements | Community |",
                "| ---: | --- | --- | ---: | ---: | ---: | ---: | ---: |"]
        for i, a in enumerate(analysis["top_actors"][:top], 1):
            out.append(f"| {i} | {md(a['name'])} | {a['type']} | {a['pagerank']:.4f} | {a.get('betweenness', 0):.4f}"
                       f" | {a['degree']} | {a['statements']} | {a.get('community', 0)} |")
    else:
        out.append("No entities.")

    out += ["", "## Speakers", ""]
    if analysis["speakers"]:
        out += ["| Name | Statements | Speech acts | Speaks most about |", "| --- | ---: | --- | --- |"]
        for s in analysis["speakers"]:
            out.append(f"| {md(s['name'])} | {s['statements']} | {md(_acts(s, 4))} | {md(_about(s, 4))} |")
        unattributed = counts.get("unattributed_statements", 0)
        if unattributed:
            out += ["", f"{unattributed} statement(s) have no named speaker."]
    else:
        out.append("No attributed statements.")

    out += ["", "## Communities", "", "Louvain (seeded, reproducible) on the weighted, undirected actor graph; "
            "most central member first.", ""]
    shown = [c for c in analysis["communities"] if c["size"] > 1]
    if shown:
        out += ["| # | Size | Members |", "| ---: | ---: | --- |"]
        for c in shown:
            out.append(f"| {c['id']} | {c['size']} | {md(_members(c, 12))} |")
    alone = [c["members"][0] for c in analysis["communities"] if c["size"] == 1]
    if alone:
        out += ["", "Not tied to any other entity: " + md(", ".join(alone)) + "."]
    if not analysis["communities"]:
        out.append("None.")

    out += ["", "## Brokers between communities", "", "Entities tied to more than one community, by betweenness; "
            "participation is 0 when all ties stay in one community and grows as they spread.", ""]
    if analysis.get("brokers"):
        out += ["| Name | Type | Betweenness | Participation | Own community | Also tied to |",
                "| --- | --- | ---: | ---: | ---: | --- |"]
        for b in analysis["brokers"][:top]:
            out.append(f"| {md(b['name'])} | {b['type']} | {b['betweenness']:.4f} | {b['participation']:.4f}"
                       f" | {b['community']} | {', '.join(str(c) for c in b['links'])} |")
    else:
        out.append("None.")

    out += ["", "## Conflicts", "", "One side accuses or criticises (a statement's speech act, or an action), "
            "the other, or a member of it, rejects or denies.", ""]
    if analysis.get("conflicts"):
        out += ["| Accuser | Accused | Accusation | Response |", "| --- | --- | --- | --- |"]
        for c in analysis["conflicts"]:
            accusation = c["accusations"][0]
            response = c["responses"][0]
            out.append(f"| {md(c['accuser_name'])} | {md(c['accused_name'])}"
                       f" | {_md_quote(accusation['sentence'])} | {md(response['by_name'])} {md(response['verb'])}:"
                       f" {_md_quote(response['text'] or response['sentence'])} |")
    else:
        out.append("None found.")
    one_sided = [a for a in analysis.get("accusations", [])
                 if not any(a["accuser"] == c["accuser"] and a["accused"] == c["accused"]
                            for c in analysis.get("conflicts", []))]
    if one_sided:
        out += ["", "Accusations with no rejection in the text:", "", "| Accuser | Accused | Verb | Evidence |",
                "| --- | --- | --- | --- |"]
        for a in one_sided:
            out.append(f"| {md(a['accuser_name'])} | {md(a['accused_name'])} | {md(_verbs(a['accusations']))}"
                       f" | {_md_quote(a['accusations'][0]['sentence'])} |")
    return "\n".join(out) + "\n"


__all__ = ["ACCUSE_ACTS", "ACCUSE_LEMMAS", "EDGE_KINDS", "EDGE_WEIGHTS", "REJECT_ACTS", "REJECT_LEMMAS",
           "analysis_graph", "analysis_json", "analyze", "format_markdown", "format_report", "layout_positions",
           "md", "pagerank", "participation", "to_networkx"]
