"""``analyze``: the measures, communities, brokers, speakers and conflicts of the actor graph, as one
frozen ``Analysis`` (kg/model.py), and ``analysis_json``, the JSON of NAME.analysis.json.

It takes any rdflib Graph, so one article and a merged corpus (the union of several articles'
graphs) are analysed the same way.
"""
from __future__ import annotations

import json
from collections import Counter

import networkx as nx

from kg.analyze.conflicts import accusations_and_conflicts
from kg.analyze.graph import EDGE_KINDS, EDGE_WEIGHTS, actor_graph, to_simple_digraph, to_simple_graph
from kg.analyze.measures import (LOUVAIN_SEED, PAGERANK_ALPHA, betweenness, brokers, communities, pagerank,
                                 participation)
from kg.model import (ENTITY_TYPES, ActorMeasures, Analysis, Broker, Community, Counts, Parameters, Speaker,
                      Topic)
from kg.rdf import Graph
from kg.rdf.facts import ActorFacts, read_actor_facts

_DIGITS = 4


def analyze(graph: Graph, *, top: int = 10, weights: dict[str, float] | None = None) -> Analysis:
    """Counts, centralities, communities, brokers, speakers and conflicts of the actor graph.

    Per entity (``nodes``): degree, in/out degree, betweenness, PageRank, community, participation,
    number of statements; ``communities`` most central member first; ``brokers``: entities tied to
    more than one community, by betweenness; ``speakers``: statements, speech acts and whom they
    speak about, most statements first; ``accusations``: who accuses or criticises whom, with the
    evidence; ``conflicts``: accusations answered by a rejection or denial of the accused or of a
    member of it; ``top_actors``: the ``top`` entities by PageRank.

    Degree counts every fact of the multigraph; betweenness is normalised, on the undirected
    simple projection and by hops (who stands between whom, whatever the direction); PageRank on
    the weighted simple directed graph; communities with Louvain (seed 42) on the weighted
    undirected projection. Floats are rounded to 4 decimals and every list is sorted, so the same
    graph always gives the same analysis, whatever the order of its triples.

    >>> from rdflib import Graph, Literal, URIRef
    >>> from kg.rdf.vocab import RDF, SCHEMA
    >>> g = Graph()
    >>> _ = g.add((URIRef("https://kg.example.org/id/person/ann"), RDF.type, SCHEMA.Person))
    >>> analyze(g).top_actors[0].pagerank
    1.0
    """
    weights = {**EDGE_WEIGHTS, **(weights or {})}
    facts = read_actor_facts(graph)
    G = actor_graph(facts, weights=weights)
    undirected = to_simple_graph(G)
    ranks = pagerank(to_simple_digraph(G))
    names = {node: data["name"] for node, data in G.nodes(data=True)}
    groups = communities(undirected, ranks, names)
    community_of = {member: i for i, members in enumerate(groups, 1) for member in members}
    nodes = _nodes(G, ranks, betweenness(undirected), community_of, participation(undirected, community_of))
    accusations, conflicts = accusations_and_conflicts(G, _fact_articles(facts))
    found = tuple(Community(id=i, size=len(members), leader=names[members[0]],
                            members=tuple(names[m] for m in members), member_ids=tuple(members))
                  for i, members in enumerate(groups, 1))
    return Analysis(
        articles=facts.articles,
        counts=_counts(G, facts, nodes, communities=len(found), conflicts=len(conflicts)),
        nodes=nodes,
        communities=found,
        brokers=_brokers(nodes, brokers(undirected, community_of)),
        speakers=_speakers(G, names),
        accusations=tuple(accusations),
        conflicts=tuple(conflicts),
        top_actors=tuple(sorted(nodes, key=lambda n: (-n.pagerank, n.name, n.id))[:max(top, 0)]),
        parameters=Parameters(edge_weights=weights, louvain_seed=LOUVAIN_SEED, pagerank_alpha=PAGERANK_ALPHA,
                              betweenness="normalised, undirected, unweighted (hops)"),
    )


def analysis_json(analysis: Analysis) -> str:
    """``analysis`` as JSON text: indented, keys sorted, UTF-8 characters kept, ending in a newline."""
    return json.dumps(analysis.as_dict(), indent=2, sort_keys=True, ensure_ascii=False) + "\n"


def _round(value: float) -> float:
    rounded = round(float(value), _DIGITS)
    return 0.0 if rounded == 0 else rounded  # no "-0.0"


def _fact_articles(facts: ActorFacts) -> dict[str, str]:
    """The article of each membership and action that names one."""
    return {fact.id: fact.article for fact in (*facts.memberships, *facts.actions) if fact.article is not None}


def _nodes(G: nx.MultiDiGraph, ranks: dict, between: dict, community_of: dict,
           spread: dict) -> tuple[ActorMeasures, ...]:
    """The measures of every entity, in IRI order."""
    return tuple(ActorMeasures(
        id=node,
        name=data["name"],
        type=data["type"],
        aliases=tuple(data["aliases"]),
        degree=G.degree(node),
        in_degree=G.in_degree(node),
        out_degree=G.out_degree(node),
        betweenness=_round(between.get(node, 0.0)),
        pagerank=_round(ranks.get(node, 0.0)),
        community=community_of.get(node, 0),
        participation=_round(spread.get(node, 0.0)),
        statements=len(data["statements"]),
    ) for node, data in sorted(G.nodes(data=True)))


def _brokers(nodes: tuple[ActorMeasures, ...], links: dict) -> tuple[Broker, ...]:
    """The entities tied to more than one community, by betweenness, then participation."""
    found = [Broker(actor=node, links=tuple(links[node.id])) for node in nodes if node.id in links]
    found.sort(key=lambda b: (-b.actor.betweenness, -b.actor.participation, b.actor.name, b.actor.id))
    return tuple(found)


def _speakers(G: nx.MultiDiGraph, names: dict) -> tuple[Speaker, ...]:
    """Every entity that made a statement: how many, which speech acts, about whom; most statements first."""
    speakers = []
    for node, data in G.nodes(data=True):
        if not data["statements"]:
            continue
        about: Counter = Counter()
        for _, target, kind in G.out_edges(node, data="kind"):
            if kind == "speaks_about":
                about[target] += 1
        acts = Counter(record["speech_act"] or "unknown" for record in data["statements"])
        speakers.append(Speaker(
            id=node, name=data["name"], type=data["type"], statements=len(data["statements"]),
            speech_acts=dict(sorted(acts.items(), key=lambda kv: (-kv[1], kv[0]))),
            about=tuple(Topic(id=t, name=names[t], count=c)
                        for t, c in sorted(about.items(), key=lambda kv: (-kv[1], names[kv[0]], kv[0]))),
        ))
    speakers.sort(key=lambda s: (-s.statements, s.name, s.id))
    return tuple(speakers)


def _counts(G: nx.MultiDiGraph, facts: ActorFacts, nodes: tuple[ActorMeasures, ...], *, communities: int,
            conflicts: int) -> Counts:
    attributed = sum(len(data["statements"]) for _, data in G.nodes(data=True))
    by_type = {type_name: 0 for type_name in ENTITY_TYPES}
    for n in nodes:
        by_type[n.type] += 1
    edges_by_kind = {kind: 0 for kind in EDGE_KINDS}
    for _, _, kind in G.edges(data="kind"):
        edges_by_kind[kind] += 1
    return Counts(
        articles=len(facts.articles),
        entities=len(nodes),
        entities_by_type=by_type,
        statements=len(facts.statements),
        unattributed_statements=len(facts.statements) - attributed,
        affiliations=len(facts.memberships),
        actions=len(facts.actions),
        edges=G.number_of_edges(),
        edges_by_kind=edges_by_kind,
        communities=communities,
        conflicts=conflicts,
        triples=facts.triples,
    )
