"""kg.analyze on small RDF graphs built by hand in the shape of notes/rdf-contract.md."""
from __future__ import annotations

import json

import networkx as nx
import pytest
from rdflib import Graph, Literal, Namespace

from kg.analyze import analysis_json, analyze, format_report, pagerank, to_networkx
from kg.rdf import vocab  # SCHEMA stays qualified: pytest warns on a module-level SDO name
from kg.rdf.vocab import KG, ORG, OWL, QUOTE_TYPE_IRIS, RDF, RDFS

ID = Namespace("https://kg.example.org/id/")
ARTICLE = ID["article/a1"]
ANN, BOB = ID["person/ann"], ID["person/bob"]
ACME, PARIS, YAZIDIS = ID["organization/acme"], ID["place/paris"], ID["group/yazidis"]


def triples():
    """A small article: 5 entities, 4 statements (one unattributed), 2 memberships, 1 action."""
    t = [
        (ARTICLE, RDF.type, vocab.SCHEMA.NewsArticle),
        (ARTICLE, vocab.SCHEMA.identifier, Literal("a1")),
        (ARTICLE, vocab.SCHEMA.headline, Literal("Acme hires Bob")),
        (ANN, RDF.type, vocab.SCHEMA.Person), (ANN, vocab.SCHEMA.name, Literal("Ann Smith")),
        (ANN, vocab.SCHEMA.alternateName, Literal("Smith")), (ANN, vocab.SCHEMA.alternateName, Literal("Ms. Smith")),
        (BOB, RDF.type, vocab.SCHEMA.Person), (BOB, vocab.SCHEMA.name, Literal("Bob Jones")),
        (ACME, RDF.type, vocab.SCHEMA.Organization), (ACME, vocab.SCHEMA.name, Literal("Acme")),
        (PARIS, RDF.type, vocab.SCHEMA.Place), (PARIS, vocab.SCHEMA.name, Literal("Paris")),
        (YAZIDIS, RDF.type, KG.Group), (YAZIDIS, vocab.SCHEMA.name, Literal("Yazidis")),
    ]
    for entity in (ANN, BOB, ACME, PARIS, YAZIDIS):
        t.append((ARTICLE, vocab.SCHEMA.mentions, entity))
    statements = [
        # (n, speaker, cue, quote type, text, mentions)
        (1, ANN, "said", "direct", "Bob will do well at Acme.", [BOB, ACME, ANN, ARTICLE]),
        (2, ANN, "added", "indirect", "she would move to Paris", [PARIS]),
        (3, BOB, "stated", "mixed", "Ann was \"very kind\"", [ANN]),
        (4, None, "according to", "indirect", "Acme is growing", [ACME]),
    ]
    for n, speaker, cue, quote_type, text, mentions in statements:
        s = ID[f"statement/a1/{n:03d}"]
        t += [(s, RDF.type, vocab.SCHEMA.Quotation), (s, RDF.type, KG.Statement), (s, KG.cue, Literal(cue)),
              (s, vocab.SCHEMA.text, Literal(text)), (s, KG.quoteType, QUOTE_TYPE_IRIS[quote_type]),
              (s, KG.sentence, Literal(f"Sentence {n}.")), (s, vocab.SCHEMA.isPartOf, ARTICLE)]
        if speaker is not None:
            t.append((s, vocab.SCHEMA.creator, speaker))
        t += [(s, vocab.SCHEMA.mentions, m) for m in mentions]
    ceo = ID["role/ceo"]
    m1, m2 = ID["membership/a1/ann--acme"], ID["membership/a1/bob--acme"]
    t += [(m1, RDF.type, ORG.Membership), (m1, ORG.member, ANN), (m1, ORG.organization, ACME),
          (m1, ORG.role, ceo), (ceo, RDF.type, ORG.Role), (ceo, RDFS.label, Literal("CEO")),
          (m1, KG.sentence, Literal("Ann Smith, CEO of Acme.")),
          (m2, RDF.type, ORG.Membership), (m2, ORG.member, BOB), (m2, ORG.organization, ACME),
          (m2, KG.sentence, Literal("Bob joined Acme."))]
    action = ID["action/a1/001"]
    t += [(action, RDF.type, vocab.SCHEMA.Action), (action, vocab.SCHEMA.agent, ACME), (action, vocab.SCHEMA.object, BOB),
          (action, vocab.SCHEMA.name, Literal("hired")), (action, KG.verbLemma, Literal("hire")),
          (action, KG.sentence, Literal("Acme hired Bob."))]
    return t


def make_graph(reverse: bool = False) -> Graph:
    graph = Graph()
    for triple in (reversed(triples()) if reverse else triples()):
        graph.add(triple)
    return graph


@pytest.fixture
def graph() -> Graph:
    return make_graph()


def test_nodes_are_the_entities_only(graph):
    G = to_networkx(graph)
    assert isinstance(G, nx.MultiDiGraph)
    assert sorted(G.nodes) == sorted(str(e) for e in (ANN, BOB, ACME, PARIS, YAZIDIS))
    assert not any("/statement/" in n or "/article/" in n or "/membership/" in n for n in G.nodes)
    assert {n: d["type"] for n, d in G.nodes(data=True)} == {
        str(ANN): "Person", str(BOB): "Person", str(ACME): "Organization",
        str(PARIS): "Place", str(YAZIDIS): "Group",
    }
    assert G.nodes[str(ANN)]["name"] == "Ann Smith"
    assert G.nodes[str(ANN)]["aliases"] == ["Ms. Smith", "Smith"]
    assert G.nodes[str(YAZIDIS)]["aliases"] == []


def test_statements_are_node_attributes_in_iri_order(graph):
    G = to_networkx(graph)
    assert G.nodes[str(ANN)]["statements"] == [
        {"text": "Bob will do well at Acme.", "cue": "said", "quote_type": "direct", "sentence": "Sentence 1."},
        {"text": "she would move to Paris", "cue": "added", "quote_type": "indirect", "sentence": "Sentence 2."},
    ]
    assert [s["quote_type"] for s in G.nodes[str(BOB)]["statements"]] == ["mixed"]
    assert G.nodes[str(ACME)]["statements"] == []


def test_edges_kinds_labels_and_evidence(graph):
    G = to_networkx(graph)
    edges = sorted((u, v, d["kind"], d["label"], d["evidence"], d["weight"]) for u, v, d in G.edges(data=True))
    assert edges == sorted([
        (str(ANN), str(ACME), "affiliation", "CEO", "Ann Smith, CEO of Acme.", 1),
        (str(BOB), str(ACME), "affiliation", "member of", "Bob joined Acme.", 1),
        (str(ACME), str(BOB), "action", "hired", "Acme hired Bob.", 1),
        (str(ANN), str(BOB), "speaks_about", "said", "Sentence 1.", 1),
        (str(ANN), str(ACME), "speaks_about", "said", "Sentence 1.", 1),
        (str(ANN), str(PARIS), "speaks_about", "added", "Sentence 2.", 1),
        (str(BOB), str(ANN), "speaks_about", "stated", "Sentence 3.", 1),
    ])
    # the self-mention of statement 1 and the unattributed statement 4 make no edge
    assert not any(u == v for u, v in G.edges())


def test_vocabulary_triples_never_become_nodes(graph):
    graph.add((vocab.SCHEMA.Person, RDF.type, OWL.Class))
    graph.add((KG.Group, RDF.type, OWL.Class))
    graph.add((KG.Group, RDFS.subClassOf, vocab.SCHEMA.Thing))
    graph.add((KG.Direct, RDF.type, KG.QuoteType))
    assert to_networkx(graph).number_of_nodes() == 5


def test_pagerank_matches_the_closed_form():
    # a -> b, b dangling: x_a = 0.075 + 0.425 x_b, x_a + x_b = 1  =>  x_a = 0.5 / 1.425
    ranks = pagerank(nx.DiGraph([("a", "b")]))
    assert ranks["a"] == pytest.approx(0.5 / 1.425, abs=1e-9)
    assert ranks["b"] == pytest.approx(1 - 0.5 / 1.425, abs=1e-9)
    assert pagerank(nx.DiGraph()) == {}
    cycle = pagerank(nx.DiGraph([(1, 2), (2, 3), (3, 1)]))
    assert all(v == pytest.approx(1 / 3) for v in cycle.values())


def test_analyze_counts_and_speakers(graph):
    result = analyze(graph)
    assert result["counts"] == {
        "articles": 1,
        "entities": 5,
        "entities_by_type": {"Person": 2, "Organization": 1, "Place": 1, "Group": 1},
        "statements": 4,
        "unattributed_statements": 1,
        "affiliations": 2,
        "actions": 1,
        "edges": 7,
        "edges_by_kind": {"affiliation": 2, "action": 1, "speaks_about": 4},
        "triples": len(graph),
    }
    assert result["speakers"] == [
        {"id": str(ANN), "name": "Ann Smith", "statements": 2},
        {"id": str(BOB), "name": "Bob Jones", "statements": 1},
    ]
    assert result["articles"] == [{"id": str(ARTICLE), "identifier": "a1", "headline": "Acme hires Bob"}]


def test_analyze_per_node_measures(graph):
    nodes = {n["name"]: n for n in analyze(graph)["nodes"]}
    assert {name: n["degree"] for name, n in nodes.items()} == {
        "Ann Smith": 5, "Bob Jones": 4, "Acme": 4, "Paris": 1, "Yazidis": 0}
    assert (nodes["Ann Smith"]["in_degree"], nodes["Ann Smith"]["out_degree"]) == (1, 4)
    # undirected simple projection: Ann is on the only shortest paths Paris-Bob and Paris-Acme
    assert {name: n["betweenness"] for name, n in nodes.items()} == {
        "Ann Smith": 0.3333, "Bob Jones": 0.0, "Acme": 0.0, "Paris": 0.0, "Yazidis": 0.0}
    assert sum(n["pagerank"] for n in nodes.values()) == pytest.approx(1.0, abs=1e-3)
    assert all(n["pagerank"] == round(n["pagerank"], 4) for n in nodes.values())
    assert nodes["Ann Smith"]["statements"] == 2


def test_top_actors_and_communities(graph):
    result = analyze(graph, top=2)
    ranks = sorted(((-n["pagerank"], n["name"]) for n in result["nodes"]))
    assert [a["name"] for a in result["top_actors"]] == [name for _, name in ranks[:2]]
    assert set(result["top_actors"][0]) == {"id", "name", "type", "pagerank", "degree", "statements"}
    assert len(analyze(graph, top=0)["top_actors"]) == 0
    communities = result["communities"]
    assert sorted(name for c in communities for name in c) == ["Acme", "Ann Smith", "Bob Jones", "Paris", "Yazidis"]
    assert ["Yazidis"] in communities  # isolated, so alone
    assert communities == sorted(communities, key=lambda c: (-len(c), c))
    assert all(c == sorted(c) for c in communities)


def test_json_is_deterministic_whatever_the_triple_order(graph):
    text = analysis_json(analyze(graph))
    assert text.endswith("}\n")
    assert text == analysis_json(analyze(make_graph(reverse=True)))
    assert json.loads(text) == analyze(graph)


def test_json_keeps_unicode():
    assert analysis_json({"name": "António"}) == '{\n  "name": "António"\n}\n'


def test_empty_graph():
    result = analyze(Graph())
    assert result["counts"]["entities"] == 0
    assert result["nodes"] == result["communities"] == result["speakers"] == result["top_actors"] == []
    assert to_networkx(Graph()).number_of_nodes() == 0
    report = format_report(result)
    assert "no entities" in report
    assert json.loads(analysis_json(result)) == result


def test_report_lists_actors_speakers_and_communities(graph):
    report = format_report(analyze(graph))
    assert report.startswith("Article: Acme hires Bob\n")
    assert "Entities 5 (Person 2, Organization 1, Place 1, Group 1)" in report
    assert "Top actors (by PageRank)" in report and "Speakers" in report and "Communities" in report
    speaker_lines = report.split("Speakers\n")[1].split("\n\n")[0].splitlines()
    assert [line.split()[-1] for line in speaker_lines[1:]] == ["2", "1"]
    assert "Ann Smith" in speaker_lines[1]
