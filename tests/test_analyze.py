"""kg.analyze on small RDF graphs built by hand in the shape kg/rdf/build.py writes."""
from __future__ import annotations

import doctest
import json
import re

import networkx as nx
import pytest
from rdflib import Graph, Literal, Namespace

import kg.analyze
from kg.analyze import (EDGE_WEIGHTS, analysis_json, analyze, format_markdown, format_report, md, pagerank,
                        participation, to_networkx)
from kg.analyze import analysis, conflicts, graph as graph_module, layout, markdown, measures, report
from kg.model import ArticleRef, Counts, Speaker, Topic
from kg.rdf import vocab  # SCHEMA stays qualified: pytest warns on a module-level SDO name
from kg.rdf.io import serialize
from kg.rdf.measures import analysis_graph
from kg.rdf.query import run_query
from kg.rdf.vocab import KG, KG_NS, ORG, OWL, QUOTE_TYPE_IRIS, RDF, RDFS, speech_act_iri
from kg.resources import bundled_queries, ontology_file

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
        t += [(s, KG.speechAct, speech_act_iri("say")), (s, KG.speakerText, Literal("Speaker"))]
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


@pytest.mark.parametrize("module", [kg.analyze, analysis, conflicts, graph_module, layout, markdown, measures,
                                    report])
def test_doctests(module):
    assert doctest.testmod(module).failed == 0


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
    said = G.nodes[str(ANN)]["statements"]
    assert [(r["text"], r["cue"], r["quote_type"], r["sentence"], r["speech_act"]) for r in said] == [
        ("Bob will do well at Acme.", "said", "direct", "Sentence 1.", "say"),
        ("she would move to Paris", "added", "indirect", "Sentence 2.", "say"),
    ]
    assert said[0]["id"] == str(ID["statement/a1/001"]) and said[0]["speaker"] == str(ANN)
    assert said[0]["article"] == str(ARTICLE)
    # the article is no entity, so it is no mention either
    assert said[0]["mentions"] == sorted(str(e) for e in (ACME, ANN, BOB))
    assert [s["quote_type"] for s in G.nodes[str(BOB)]["statements"]] == ["mixed"]
    assert G.nodes[str(ACME)]["statements"] == []


def test_statements_that_mention_an_entity_are_kept_on_it(graph):
    G = to_networkx(graph)
    # Acme is mentioned by Ann (1) and by the unattributed statement 4; Ann's own mention of herself is not listed
    assert [r["id"][-3:] for r in G.nodes[str(ACME)]["mentioned_in"]] == ["001", "004"]
    assert G.nodes[str(ACME)]["mentioned_in"][1]["speaker"] is None
    assert [r["id"][-3:] for r in G.nodes[str(ANN)]["mentioned_in"]] == ["003"]


def test_edges_kinds_labels_and_evidence(graph):
    G = to_networkx(graph)
    edges = sorted((u, v, d["kind"], d["label"], d["evidence"], d["weight"], d["act"]) for u, v, d in G.edges(data=True))
    assert edges == sorted([
        (str(ANN), str(ACME), "affiliation", "CEO", "Ann Smith, CEO of Acme.", 3.0, None),
        (str(BOB), str(ACME), "affiliation", "member of", "Bob joined Acme.", 3.0, None),
        (str(ACME), str(BOB), "action", "hired", "Acme hired Bob.", 2.0, "hire"),
        (str(ANN), str(BOB), "speaks_about", "said", "Sentence 1.", 1.0, "say"),
        (str(ANN), str(ACME), "speaks_about", "said", "Sentence 1.", 1.0, "say"),
        (str(ANN), str(PARIS), "speaks_about", "added", "Sentence 2.", 1.0, "say"),
        (str(BOB), str(ANN), "speaks_about", "stated", "Sentence 3.", 1.0, "say"),
    ])
    assert EDGE_WEIGHTS == {"affiliation": 3.0, "action": 2.0, "speaks_about": 1.0}
    weighted = to_networkx(graph, weights={"speaks_about": 0.5})
    assert {d["weight"] for _, _, d in weighted.edges(data=True) if d["kind"] == "speaks_about"} == {0.5}
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
    assert result.counts == Counts(
        articles=1,
        entities=5,
        entities_by_type={"Person": 2, "Organization": 1, "Place": 1, "Group": 1},
        statements=4,
        unattributed_statements=1,
        affiliations=2,
        actions=1,
        edges=7,
        edges_by_kind={"affiliation": 2, "action": 1, "speaks_about": 4},
        communities=len(result.communities),
        conflicts=0,
        triples=len(graph),
    )
    assert result.speakers == (
        Speaker(id=str(ANN), name="Ann Smith", type="Person", statements=2, speech_acts={"say": 2},
                about=(Topic(str(ACME), "Acme", 1), Topic(str(BOB), "Bob Jones", 1), Topic(str(PARIS), "Paris", 1))),
        Speaker(id=str(BOB), name="Bob Jones", type="Person", statements=1, speech_acts={"say": 1},
                about=(Topic(str(ANN), "Ann Smith", 1),)),
    )
    assert result.articles == (ArticleRef(id=str(ARTICLE), identifier="a1", headline="Acme hires Bob"),)


def test_analyze_per_node_measures(graph):
    nodes = {n.name: n for n in analyze(graph).nodes}
    assert {name: n.degree for name, n in nodes.items()} == {
        "Ann Smith": 5, "Bob Jones": 4, "Acme": 4, "Paris": 1, "Yazidis": 0}
    assert (nodes["Ann Smith"].in_degree, nodes["Ann Smith"].out_degree) == (1, 4)
    # undirected simple projection: Ann is on the only shortest paths Paris-Bob and Paris-Acme
    assert {name: n.betweenness for name, n in nodes.items()} == {
        "Ann Smith": 0.3333, "Bob Jones": 0.0, "Acme": 0.0, "Paris": 0.0, "Yazidis": 0.0}
    assert sum(n.pagerank for n in nodes.values()) == pytest.approx(1.0, abs=1e-3)
    assert all(n.pagerank == round(n.pagerank, 4) for n in nodes.values())
    assert nodes["Ann Smith"].statements == 2


def test_top_actors_and_communities(graph):
    result = analyze(graph, top=2)
    ranks = sorted(((-n.pagerank, n.name) for n in result.nodes))
    assert [a.name for a in result.top_actors] == [name for _, name in ranks[:2]]
    assert set(result.as_dict()["top_actors"][0]) == {"id", "name", "type", "pagerank", "betweenness", "degree",
                                                      "statements", "community"}
    assert len(analyze(graph, top=0).top_actors) == 0
    communities = result.communities
    assert sorted(name for c in communities for name in c.members) == [
        "Acme", "Ann Smith", "Bob Jones", "Paris", "Yazidis"]
    assert [c.id for c in communities] == list(range(1, len(communities) + 1))
    assert communities[-1].members == ("Yazidis",)  # isolated, so alone, and last
    assert [c.size for c in communities] == sorted((c.size for c in communities), reverse=True)
    ranks = {n.name: n.pagerank for n in result.nodes}
    for c in communities:
        assert c.leader == c.members[0]
        assert [ranks[m] for m in c.members] == sorted((ranks[m] for m in c.members), reverse=True)
    by_name = {n.name: n for n in result.nodes}
    for c in communities:
        assert all(by_name[m].community == c.id for m in c.members)


def test_json_is_deterministic_whatever_the_triple_order(graph):
    text = analysis_json(analyze(graph))
    assert text.endswith("}\n")
    assert text == analysis_json(analyze(make_graph(reverse=True)))
    assert json.loads(text) == analyze(graph).as_dict()


def test_json_keeps_unicode(graph):
    graph.set((ANN, vocab.SCHEMA.name, Literal("António")))
    assert '"name": "António"' in analysis_json(analyze(graph))


def test_empty_graph():
    result = analyze(Graph())
    assert result.counts.entities == 0
    assert result.nodes == result.communities == result.speakers == result.top_actors == ()
    assert result.brokers == result.conflicts == result.accusations == ()
    assert "# Knowledge graph" in format_markdown(result)
    assert len(analysis_graph(result, name="empty")) == 2
    assert to_networkx(Graph()).number_of_nodes() == 0
    report = format_report(result)
    assert "no entities" in report
    assert json.loads(analysis_json(result)) == result.as_dict()


def test_report_lists_actors_speakers_and_communities(graph):
    report = format_report(analyze(graph))
    assert report.startswith("Article: Acme hires Bob\n")
    assert "Entities 5 (Person 2, Organization 1, Place 1, Group 1)" in report
    assert "Top actors (by PageRank)" in report and "Speakers" in report and "Communities" in report
    speaker_lines = report.split("Speakers\n")[1].split("\n\n")[0].splitlines()
    assert [line.split()[2] for line in speaker_lines[1:]] == ["2", "1"]
    assert "Ann Smith" in speaker_lines[1] and "Acme (1), Bob Jones (1), Paris (1)" in speaker_lines[1]
    assert "Brokers between communities" in report and "Conflicts" in report


# ---------------------------------------------------------------- conflicts


def add_statement(graph, article, n, speaker, act, text, mentions, cue=None):
    s = ID[f"statement/{article}/{n:03d}"]
    for triple in [(s, RDF.type, vocab.SCHEMA.Quotation), (s, RDF.type, KG.Statement), (s, vocab.SCHEMA.creator, speaker),
                   (s, KG.cue, Literal(cue or act + "ed")), (s, KG.speechAct, speech_act_iri(act)),
                   (s, vocab.SCHEMA.text, Literal(text)), (s, KG.quoteType, QUOTE_TYPE_IRIS["indirect"]),
                   (s, KG.sentence, Literal(f"{text}.")), (s, vocab.SCHEMA.isPartOf, ID[f"article/{article}"])]:
        graph.add(triple)
    for m in mentions:
        graph.add((s, vocab.SCHEMA.mentions, m))
    return s


@pytest.fixture
def quarrel(graph) -> Graph:
    """Ann accuses Bob (and mentions Acme after him); Bob denies, without naming her."""
    add_statement(graph, "a1", 5, ANN, "accuse", "Bob Jones of lying to Acme", [ACME, BOB], cue="accused")
    add_statement(graph, "a1", 6, BOB, "deny", "he ever lied", [], cue="denied")
    return graph


def test_conflict_one_accuses_the_other_denies(quarrel):
    result = analyze(quarrel)
    # the accusation is aimed at the entity its text names first (Bob), not at every mention (Acme)
    assert [(a.accuser_name, a.accused_name) for a in result.accusations] == [("Ann Smith", "Bob Jones")]
    [conflict] = result.conflicts
    assert (conflict.accuser, conflict.accused) == (str(ANN), str(BOB))
    assert conflict.accusations[0].verb == "accused"
    assert conflict.accusations[0].text == "Bob Jones of lying to Acme"
    assert [(r.by_name, r.verb, r.text, r.names_accuser) for r in conflict.responses] == [
        ("Bob Jones", "denied", "he ever lied", False)]
    assert result.counts.conflicts == 1
    assert "Ann Smith accused Bob Jones; denied by Bob Jones" in format_report(result)


def test_an_accusation_without_rejection_is_no_conflict(graph):
    add_statement(graph, "a1", 5, ANN, "criticize", "Acme for its pay", [ACME], cue="criticised")
    result = analyze(graph)
    assert [(a.accuser_name, a.accused_name) for a in result.accusations] == [("Ann Smith", "Acme")]
    assert result.conflicts == ()
    assert "Accusations without a rejection" in format_report(result)


def test_a_member_may_reject_for_its_organisation(graph):
    # an action: Ann denounced Acme; Bob (a member of Acme) rejects it, naming Ann
    action = ID["action/a1/002"]
    for triple in [(action, RDF.type, vocab.SCHEMA.Action), (action, vocab.SCHEMA.agent, ANN),
                   (action, vocab.SCHEMA.object, ACME), (action, vocab.SCHEMA.name, Literal("denounced")),
                   (action, KG.verbLemma, Literal("denounce")), (action, KG.sentence, Literal("Ann denounced Acme."))]:
        graph.add(triple)
    add_statement(graph, "a1", 5, BOB, "reject", "Ann Smith's charges", [ANN], cue="rejected")
    [conflict] = analyze(graph).conflicts
    assert (conflict.accuser_name, conflict.accused_name) == ("Ann Smith", "Acme")
    assert conflict.accusations[0].kind == "action"
    assert [(r.by_name, r.names_accuser) for r in conflict.responses] == [("Bob Jones", True)]


# ---------------------------------------------------------------- brokers, merged corpus


def test_participation_and_brokers(graph):
    G = nx.Graph([("a", "b"), ("a", "c"), ("a", "d")])
    assert participation(G, {"a": 1, "b": 1, "c": 2, "d": 3})["a"] == pytest.approx(1 - 3 / 9)
    result = analyze(graph)
    for broker in result.brokers:
        assert broker.links and broker.actor.community not in broker.links
    assert [b.actor.betweenness for b in result.brokers] == sorted((b.actor.betweenness for b in result.brokers),
                                                                   reverse=True)


def second_article() -> Graph:
    """Another article naming Bob (the same IRI) and a new person, Cem, who speaks about Bob and Paris."""
    g = Graph()
    a2, cem = ID["article/a2"], ID["person/cem"]
    for triple in [(a2, RDF.type, vocab.SCHEMA.NewsArticle), (a2, vocab.SCHEMA.identifier, Literal("a2")),
                   (a2, vocab.SCHEMA.headline, Literal("Cem on Bob")),
                   (BOB, RDF.type, vocab.SCHEMA.Person), (BOB, vocab.SCHEMA.name, Literal("Bob Jones")),
                   (BOB, vocab.SCHEMA.alternateName, Literal("Mr. Jones")),
                   (cem, RDF.type, vocab.SCHEMA.Person), (cem, vocab.SCHEMA.name, Literal("Cem")),
                   (PARIS, RDF.type, vocab.SCHEMA.Place), (PARIS, vocab.SCHEMA.name, Literal("Paris"))]:
        g.add(triple)
    add_statement(g, "a2", 1, cem, "say", "Bob Jones loves Paris", [BOB, PARIS], cue="said")
    return g


def test_merged_corpus_of_two_articles(graph):
    merged = graph + second_article()
    result = analyze(merged)
    assert result.counts.articles == 2
    assert [a.identifier for a in result.articles] == ["a1", "a2"]
    nodes = {n.name: n for n in result.nodes}
    assert len(nodes) == 6 and nodes["Bob Jones"].aliases == ("Mr. Jones",)  # one node for Bob
    alone = {n.name: n for n in analyze(graph).nodes}
    assert nodes["Bob Jones"].degree == alone["Bob Jones"].degree + 1
    assert {s.name: s.statements for s in result.speakers} == {"Ann Smith": 2, "Bob Jones": 1, "Cem": 1}
    assert sum(n.pagerank for n in result.nodes) == pytest.approx(1.0, abs=1e-3)
    # the same whatever the order the graphs are merged in
    assert analysis_json(analyze(second_article() + make_graph(reverse=True))) == analysis_json(result)
    assert format_report(result).startswith("Article: Acme hires Bob; Cem on Bob\n")


# ---------------------------------------------------------------- RDF, Markdown


def _declared() -> set:
    onto = Graph().parse(ontology_file("kg.ttl"), format="turtle")
    kinds = {OWL.Class, OWL.ObjectProperty, OWL.DatatypeProperty, OWL.NamedIndividual}
    return {s for s, o in onto.subject_objects(RDF.type) if o in kinds}


def test_measures_as_rdf_answer_the_five_most_central(quarrel):
    result = analyze(quarrel)
    measures = analysis_graph(result, name="a1")
    declared = _declared()
    for term in set(measures.predicates()) | set(measures.objects(None, RDF.type)):
        if str(term).startswith(KG_NS):
            assert term in declared, f"{term} is not declared in ontology/kg.ttl"
    assert (ID["analysis/a1"], RDF.type, KG.Analysis) in measures
    assert (ID["analysis/a1"], vocab.PROV.used, ARTICLE) in measures
    assert (ANN, KG.inConflictWith, BOB) in measures and (BOB, KG.inConflictWith, ANN) in measures
    text = serialize(measures, "turtle")
    assert text == serialize(analysis_graph(analyze(make_graph(reverse=True) + quarrel), name="a1"), "turtle")
    again = Graph().parse(data=text, format="turtle")
    rows = run_query(again, bundled_queries()["most-central"].read_text(encoding="utf-8")).rows
    people = sorted((n for n in result.nodes if n.type == "Person"), key=lambda n: (-n.pagerank, n.name))
    assert [r[0] for r in rows] == [n.name for n in people][:5]
    community = run_query(again, "SELECT ?label WHERE { ?p schema:name 'Ann Smith' ; kg:community/rdfs:label ?label }")
    assert community.rows[0][0].startswith("Community ")


def test_markdown_report_tables_and_escaping(quarrel):
    quarrel.set((ANN, vocab.SCHEMA.name, Literal("Ann | <script>alert(1)</script> *Smith*")))
    report = format_markdown(analyze(quarrel))
    assert report.startswith("# Acme hires Bob\n")
    for heading in ("## Top actors", "## Speakers", "## Communities", "## Brokers between communities", "## Conflicts"):
        assert heading in report
    assert "<script>" not in report and "&lt;script&gt;" in report
    assert "Ann \\| &lt;script&gt;alert(1)&lt;/script&gt; \\*Smith\\*" in report
    # every table row has as many cells as its header
    for block in report.split("\n\n"):
        rows = [line for line in block.splitlines() if line.startswith("|")]
        if rows:
            cells = {len(re.split(r"(?<!\\)\|", row)) for row in rows}
            assert len(cells) == 1, block
    assert md("a\nb") == "a b"

