"""The actor graph: kg's RDF projected onto a NetworkX multigraph, and its simple projections.

Nodes are the entities of the articles (people, organisations, places, groups); edges are the
facts between them, typed and weighted: affiliations (person -> organisation, weight 3), actions
(agent -> object, weight 2), and "speaks about" links from a speaker to every entity their
statement mentions (weight 1). Statements and articles are never nodes, so they cannot dominate
centrality; they are node attributes (the statements an entity made, the ones that mention it) and
edge attributes (the evidence sentence).

>>> from rdflib import Graph, Literal, URIRef
>>> from kg.rdf.vocab import RDF, SCHEMA
>>> g = Graph()
>>> _ = g.add((URIRef("https://kg.example.org/id/person/ann"), RDF.type, SCHEMA.Person))
>>> _ = g.add((URIRef("https://kg.example.org/id/person/ann"), SCHEMA.name, Literal("Ann")))
>>> to_networkx(g).nodes["https://kg.example.org/id/person/ann"]["name"]
'Ann'
"""
from __future__ import annotations

import networkx as nx

from kg.rdf import Graph
from kg.rdf.facts import ActorFacts, read_actor_facts

EDGE_KINDS: tuple[str, ...] = ("affiliation", "action", "speaks_about")
# A membership is a lasting tie, an action a deliberate one, a mention in speech the weakest.
EDGE_WEIGHTS: dict[str, float] = {"affiliation": 3.0, "action": 2.0, "speaks_about": 1.0}


def to_networkx(graph: Graph, *, weights: dict[str, float] | None = None) -> nx.MultiDiGraph:
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
    return actor_graph(read_actor_facts(graph), weights=weights)


def actor_graph(facts: ActorFacts, *, weights: dict[str, float] | None = None) -> nx.MultiDiGraph:
    """The actor graph of facts already read from the RDF (``to_networkx`` describes it)."""
    weights = {**EDGE_WEIGHTS, **(weights or {})}
    G = nx.MultiDiGraph()
    entities = {entity.id for entity in facts.entities}
    said: dict[str, list[dict]] = {entity.id: [] for entity in facts.entities}
    mentioned: dict[str, list[dict]] = {entity.id: [] for entity in facts.entities}
    for record in facts.statements:
        if record["speaker"] is not None:
            said[record["speaker"]].append(record)
        for entity in record["mentions"]:
            if entity != record["speaker"]:
                mentioned[entity].append(record)
    for entity in facts.entities:
        G.add_node(entity.id, name=entity.name, type=entity.type, aliases=list(entity.aliases),
                   statements=said[entity.id], mentioned_in=mentioned[entity.id])

    def add_edge(source, target, kind, label, fact, evidence, act=None):
        G.add_edge(source, target, kind=kind, label=label, evidence=evidence, weight=weights[kind], source=fact,
                   act=act)

    for membership in facts.memberships:
        if membership.person in entities and membership.organization in entities:
            add_edge(membership.person, membership.organization, "affiliation", membership.role or "member of",
                     membership.id, membership.sentence)
    for action in facts.actions:
        if action.agent in entities and action.object in entities:
            label = action.name or action.lemma or "acts on"
            add_edge(action.agent, action.object, "action", label, action.id, action.sentence,
                     act=action.lemma or label.lower())
    for record in facts.statements:
        speaker = record["speaker"]
        if speaker is None:
            continue
        for entity in record["mentions"]:
            if entity != speaker:
                add_edge(speaker, entity, "speaks_about", record["cue"] or "speaks about", record["id"],
                         record["sentence"], act=record["speech_act"])
    return G


def to_simple_digraph(G: nx.MultiDiGraph) -> nx.DiGraph:
    """A simple directed graph with the summed ``weight`` of the parallel edges."""
    simple = nx.DiGraph()
    simple.add_nodes_from(G)
    for u, v, weight in G.edges(data="weight", default=1):
        if simple.has_edge(u, v):
            simple[u][v]["weight"] += weight
        else:
            simple.add_edge(u, v, weight=weight)
    return simple


def to_simple_graph(G: nx.MultiDiGraph) -> nx.Graph:
    """A simple undirected graph with the summed ``weight`` of the edges in both directions, no self-loops."""
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
