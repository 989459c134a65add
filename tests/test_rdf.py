"""The RDF layer: IRIs, building, SHACL, serialization, reading, SPARQL and the bundled queries."""
from __future__ import annotations

import json
import os
import re
import shutil
import subprocess
import sys
from dataclasses import replace
from pathlib import Path

import pytest
from rdflib import BNode, Graph, Literal, URIRef
from rdflib.compare import isomorphic

from kg.errors import GraphError, QueryError
from kg.model import SPEECH_ACTS, Article, ArticleGraph, Entity
from kg.rdf import iri
from kg.rdf import vocab as V
from kg.rdf.build import build_graph
from kg.rdf.io import read_graph, serialize, write_graph
from kg.rdf.query import QueryResult, format_csv, format_json, format_table, run_query
from kg.rdf.shapes import validate
from kg.rdf.vocab import DEFAULT_BASE, KG_NS, speech_act_iri
from kg.resources import bundled_queries, ontology_file

from conftest import JOSE, LI_WEI, QUOTE_1, QUOTE_2, make_small_article_graph

TESTS = Path(__file__).parent
ST1 = URIRef(DEFAULT_BASE + "statement/test-article/001")
ST2 = URIRef(DEFAULT_BASE + "statement/test-article/002")
JOSE_IRI = URIRef(DEFAULT_BASE + "person/jose-nunez-o-brien")
SAFE_SLUG = re.compile(r"^[a-z0-9]+(-[a-z0-9]+)*$")


@pytest.fixture
def graph(small_article_graph):
    """The RDF of the small article."""
    return build_graph([small_article_graph])


# ---------------------------------------------------------------- slugs and IRIs

@pytest.mark.parametrize("text, expected", [
    ("Michelle Bachelet", "michelle-bachelet"),
    ("Zeid Ra'ad Al Hussein", "zeid-ra-ad-al-hussein"),
    ("José Núñez", "jose-nunez"),
    ("  Human   Rights -- Watch!! ", "human-rights-watch"),
    ("U.N.", "u-n"),
    ("Ürümqi", "urumqi"),
    ("ﬁnance", "finance"),  # NFKD folds the ligature
    ("China director", "china-director"),
])
def test_slugify_examples(text, expected):
    assert iri.slugify(text) == expected


@pytest.mark.parametrize("text", [
    "", " ", "---", "<script>alert('x')</script>", 'Mr. "Joe"\nSmith', "😀😀", "习近平", "Ωμέγα",
    "a/b\\c?d#e%20f", "\x00\x1b[0m", "x" * 500, "É" * 200, JOSE, LI_WEI, QUOTE_1, "..", "../../etc/passwd",
])
def test_slugify_safe_alphabet(text):
    slug = iri.slugify(text)
    assert SAFE_SLUG.match(slug), slug
    assert 1 <= len(slug) <= iri.MAX_SLUG
    assert iri.slugify(text) == slug  # stable
    assert iri.slugify(slug) == slug  # a slug is its own slug


def test_slugify_fallback_hash_is_stable_and_distinct():
    assert iri.slugify("习近平") == iri.slugify("习近平")
    assert iri.slugify("习近平") != iri.slugify("李克强")
    assert iri.slugify("习近平").startswith("x")


def test_slugify_long_names_stay_apart():
    a, b = "a" * 100 + "one", "a" * 100 + "two"
    assert iri.slugify(a) != iri.slugify(b)
    assert len(iri.slugify(a)) == iri.MAX_SLUG


def test_entity_iris_depend_on_type_and_key_only():
    assert iri.entity_iri("Person", "china") != iri.entity_iri("Organization", "china")
    assert iri.entity_iri("Group", "uyghurs") == URIRef(DEFAULT_BASE + "group/uyghurs")
    assert iri.statement_iri("a", 7) == URIRef(DEFAULT_BASE + "statement/a/007")
    assert iri.membership_iri("a", "x-y", "z") == URIRef(DEFAULT_BASE + "membership/a/x-y--z")
    assert iri.role_iri("China director") == URIRef(DEFAULT_BASE + "role/china-director")
    assert iri.entity_iri("Person", "x", base="https://example.com/kg") == URIRef("https://example.com/kg/person/x")


def test_bad_base_is_refused():
    with pytest.raises(GraphError, match="absolute IRI"):
        iri.article_iri("a", base="not an iri")


# ---------------------------------------------------------------- building

def test_build_follows_the_contract(graph):
    art = URIRef(DEFAULT_BASE + "article/test-article")
    assert (art, V.RDF.type, V.SCHEMA.NewsArticle) in graph
    assert graph.value(art, V.KG.sourceFile) == Literal("test-article.txt")  # file name only
    assert graph.value(art, V.KG.dateline) == Literal("GENEVA")
    activity = graph.value(art, V.PROV.wasGeneratedBy)
    assert activity == URIRef(DEFAULT_BASE + "activity/test-article")
    model = graph.value(activity, V.PROV.used)
    assert model == URIRef(DEFAULT_BASE + "model/en-core-web-sm-3-8-0")
    assert graph.value(model, V.SCHEMA.name) == Literal("en_core_web_sm")
    assert graph.value(model, V.SCHEMA.softwareVersion) == Literal("3.8.0")
    assert graph.value(activity, V.PROV.endedAtTime) is None  # no clock time: output is deterministic
    assert graph.value(art, V.SCHEMA.inLanguage) == Literal("en")
    assert str(graph.value(activity, V.PROV.wasAssociatedWith)).startswith(DEFAULT_BASE + "software/kg-")
    assert len(set(graph.objects(art, V.SCHEMA.mentions))) == 5

    assert set(graph.objects(ST1, V.RDF.type)) == {V.SCHEMA.Quotation, V.KG.Statement}
    assert graph.value(ST1, V.SCHEMA.creator) == JOSE_IRI
    assert graph.value(ST1, V.SCHEMA.text) == Literal(QUOTE_1, lang="en")  # prose: tagged
    assert graph.value(ST1, V.KG.speechAct) == speech_act_iri("accuse")
    assert graph.value(ST1, V.KG.quoteType) == V.KG.Direct
    assert graph.value(ST1, V.KG.contentStart).datatype == V.XSD.integer
    unnamed = graph.value(ST2, V.SCHEMA.creator)  # unnamed speaker: a node of its own, not an entity
    assert (unnamed, V.RDF.type, V.KG.UnnamedSpeaker) in graph
    assert str(graph.value(unnamed, V.SCHEMA.name)) == "Critics"
    assert not set(graph.objects(unnamed, V.RDF.type)) & {V.SCHEMA.Person, V.SCHEMA.Organization, V.SCHEMA.Place}
    assert graph.value(ST2, V.KG.speakerText) == Literal("Critics")
    assert graph.value(ST2, V.SCHEMA.text) == Literal(QUOTE_2, lang="en")
    assert graph.value(ST2, V.KG.cue) == Literal("argued")  # short strings: plain

    assert graph.value(JOSE_IRI, V.SCHEMA.name) == Literal(JOSE)
    assert set(graph.objects(JOSE_IRI, V.SCHEMA.alternateName)) == {Literal("Núñez"), Literal('Mr. "Joe" Núñez')}
    group = URIRef(DEFAULT_BASE + "group/uyghurs")
    assert set(graph.objects(group, V.RDF.type)) == {V.KG.Group}  # never a schema type

    memberships = sorted(graph.subjects(V.RDF.type, V.ORG.Membership))
    assert len(memberships) == 2
    roles = [graph.value(m, V.ORG.role) for m in memberships]
    assert sorted(str(graph.value(r, V.RDFS.label)) for r in roles if r is not None) == ["China director"]
    assert roles.count(None) == 1

    (action,) = graph.subjects(V.RDF.type, V.SCHEMA.Action)
    assert graph.value(action, V.SCHEMA.agent) == URIRef(DEFAULT_BASE + "place/china")
    assert graph.value(action, V.SCHEMA.object) == group
    assert graph.value(action, V.SCHEMA.name) == Literal("detained")
    assert graph.value(action, V.KG.startOffset).datatype == V.XSD.integer
    assert not any(isinstance(term, BNode) for triple in graph for term in triple)  # stable output


def test_every_iri_uses_the_safe_alphabet(graph):
    for term in {t for triple in graph for t in triple if isinstance(t, URIRef)}:
        if str(term).startswith(DEFAULT_BASE):
            path = str(term)[len(DEFAULT_BASE):]
            assert re.fullmatch(r"[a-z0-9-]+(/[a-z0-9-]+)*", path), term


def test_same_person_in_two_articles_is_one_node(small_article_graph):
    other = replace(small_article_graph, article=replace(small_article_graph.article, id="other-article"))
    g = build_graph([small_article_graph, other])
    assert len(set(g.subjects(V.RDF.type, V.SCHEMA.Person))) == 2
    assert len(set(g.subjects(V.RDF.type, V.SCHEMA.NewsArticle))) == 2
    assert len(set(g.subjects(V.RDF.type, V.SCHEMA.Quotation))) == 4
    assert validate(g).conforms


def test_person_and_organization_of_one_name_are_two_nodes():
    ag = ArticleGraph(Article(id="a", text="x"), entities=(
        Entity(key="jordan", type="Person", name="Jordan"), Entity(key="jordan", type="Place", name="Jordan")))
    g = build_graph([ag])
    assert len(set(g.subjects(V.SCHEMA.name, Literal("Jordan")))) == 2


def test_unknown_entity_reference_is_a_graph_error(small_article_graph):
    bad = replace(small_article_graph.statements[0], speaker="Person/nobody")
    ag = replace(small_article_graph, statements=(bad,))
    with pytest.raises(GraphError, match="Person/nobody"):
        build_graph([ag])


def test_custom_base(small_article_graph):
    g = build_graph([small_article_graph], base="https://example.com/data/")
    assert (URIRef("https://example.com/data/person/jose-nunez-o-brien"), V.RDF.type, V.SCHEMA.Person) in g
    assert validate(g).conforms


# ---------------------------------------------------------------- SHACL

def test_built_graph_conforms(graph):
    before = len(graph)
    result = validate(graph)
    assert result.conforms, result.text
    assert len(graph) == before  # validation does not change the data


def test_statement_without_text_fails_readably(graph):
    graph.remove((ST1, V.SCHEMA.text, None))
    result = validate(graph)
    assert not result.conforms
    assert "exactly one schema:text" in result.text
    assert str(ST1) in result.text


def test_membership_without_member_fails_readably(graph):
    membership = next(iter(graph.subjects(V.RDF.type, V.ORG.Membership)))
    graph.remove((membership, V.ORG.member, None))
    result = validate(graph)
    assert not result.conforms
    assert "exactly one org:member" in result.text


@pytest.mark.parametrize("change, message", [
    (lambda g: g.set((ST1, V.KG.speechAct, URIRef(KG_NS + "act-shout"))), "kg:speechAct"),
    (lambda g: g.set((ST1, V.KG.quoteType, V.KG.Statement)), "kg:quoteType"),
    (lambda g: g.set((ST1, V.KG.contentStart, Literal("12"))), "kg:contentStart"),
    (lambda g: g.add((ST1, V.SCHEMA.creator, URIRef(DEFAULT_BASE + "place/china"))), "schema:creator"),
    (lambda g: g.add((URIRef(DEFAULT_BASE + "group/uyghurs"), V.RDF.type, V.SCHEMA.Organization)), "kg:Group"),
    (lambda g: g.add((JOSE_IRI, V.SCHEMA.name, Literal("Joe"))), "exactly one schema:name"),
    (lambda g: g.set((URIRef(DEFAULT_BASE + "article/test-article"), V.KG.sourceFile, Literal("/etc/x.txt"))),
     "file name only"),
])
def test_broken_graphs_fail(graph, change, message):
    change(graph)
    result = validate(graph)
    assert not result.conforms
    assert message in result.text


# ---------------------------------------------------------------- serialization and reading

def test_serialize_is_deterministic_across_processes(graph):
    text = serialize(graph)
    assert text == serialize(build_graph([make_small_article_graph()]))
    script = ("import sys; sys.path.insert(0, sys.argv[1]); from conftest import make_small_article_graph; "
              "from kg.rdf.build import build_graph; from kg.rdf.io import serialize; "
              "sys.stdout.buffer.write(serialize(build_graph([make_small_article_graph()])).encode())")
    outputs = []
    for seed in ("1", "2"):
        env = {**os.environ, "PYTHONHASHSEED": seed}
        done = subprocess.run([sys.executable, "-c", script, str(TESTS)], capture_output=True, env=env, check=True)
        outputs.append(done.stdout)
    assert outputs[0] == outputs[1] == text.encode("utf-8")


@pytest.mark.parametrize("fmt", ["turtle", "longturtle", "nt", "xml", "json-ld"])
def test_serialize_parses_back_isomorphic(graph, fmt):
    text = serialize(graph, fmt)
    assert text.endswith("\n")
    assert isomorphic(graph, Graph().parse(data=text, format="turtle" if fmt == "longturtle" else fmt))


def test_serialize_unknown_format_is_a_graph_error(graph):
    with pytest.raises(GraphError, match="no-such-format"):
        serialize(graph, "no-such-format")


def test_write_and_read_back(graph, tmp_path):
    path = write_graph(graph, tmp_path / "out" / "a.ttl")
    assert isomorphic(read_graph(path), graph)
    nt = write_graph(graph, tmp_path / "a.nt", format="nt")
    assert isomorphic(read_graph(nt), graph)
    assert [p.name for p in (tmp_path / "out").iterdir()] == ["a.ttl"]  # no temporary file left


def test_read_graph_missing_file(tmp_path):
    with pytest.raises(GraphError, match="missing.ttl") as info:
        read_graph(tmp_path / "missing.ttl")
    assert "\n" not in str(info.value)


@pytest.mark.parametrize("name, content", [
    ("broken.ttl", '@prefix a: <https://e.org/> .\na:b a:c "unterminated .\n'),
    ("broken.nt", "<https://e.org/a> <https://e.org/b> .\n"),
    ("binary.ttl", "\x00\x01\x02 not turtle at all {"),
])
def test_read_graph_broken_file(tmp_path, name, content):
    path = tmp_path / name
    path.write_text(content, encoding="utf-8")
    with pytest.raises(GraphError, match=re.escape(name)) as info:
        read_graph(path)
    assert "\n" not in str(info.value)


@pytest.mark.skipif(shutil.which("rapper") is None, reason="rapper (raptor2-utils) is not installed")
def test_rapper_accepts_the_turtle(graph, tmp_path):
    path = write_graph(graph, tmp_path / "a.ttl")
    for file in (path, ontology_file("kg.ttl"), ontology_file("shapes.ttl")):
        done = subprocess.run(["rapper", "-i", "turtle", "-c", str(file)], capture_output=True, text=True)
        assert done.returncode == 0, done.stderr


# ---------------------------------------------------------------- ontology

def _declared_terms() -> set[URIRef]:
    onto = Graph().parse(ontology_file("kg.ttl"), format="turtle")
    kinds = {V.OWL.Class, V.OWL.ObjectProperty, V.OWL.DatatypeProperty, V.OWL.NamedIndividual}
    declared = {s for s, o in onto.subject_objects(V.RDF.type) if o in kinds}
    for term in declared:
        if str(term).startswith(KG_NS):
            assert onto.value(term, V.RDFS.label) is not None, f"{term} has no rdfs:label"
            assert onto.value(term, V.RDFS.comment) is not None, f"{term} has no rdfs:comment"
    return declared


def test_ontology_declares_every_vocab_term_and_speech_act():
    declared = _declared_terms()
    for name in V.KG.__annotations__:
        assert V.KG[name] in declared, f"kg:{name} is not declared in ontology/kg.ttl"
    for act in SPEECH_ACTS:
        assert speech_act_iri(act) in declared, f"kg:act-{act} is not declared in ontology/kg.ttl"
    onto = Graph().parse(ontology_file("kg.ttl"), format="turtle")
    assert (V.KG.Statement, V.RDFS.subClassOf, V.SCHEMA.Quotation) in onto
    assert (V.KG.Group, V.RDFS.subClassOf, V.SCHEMA.Organization) not in onto
    assert onto.value(URIRef("https://kg.example.org/ontology"), V.OWL.versionIRI) is not None


def assert_terms_declared(graph: Graph) -> set[URIRef]:
    """Every predicate and class of ``graph`` (and every kg: term it points at) is declared in
    ontology/kg.ttl or is a real term of a standard vocabulary (rdflib's closed term lists)."""
    declared = _declared_terms()
    standard = (V.SCHEMA, V.ORG, V.PROV, V.RDF, V.RDFS, V.XSD, V.OWL, V.OA)
    used = set(graph.predicates()) | set(graph.objects(None, V.RDF.type))
    used |= {o for o in graph.objects() if isinstance(o, URIRef) and str(o).startswith(KG_NS)}
    for term in used:
        if str(term).startswith(KG_NS):
            assert term in declared, f"{term} is used but not declared in ontology/kg.ttl"
        else:
            assert any(term in ns for ns in standard), f"{term} is from no known vocabulary (or misspelt)"
    return used


def test_output_uses_only_declared_or_standard_terms(graph):
    assert_terms_declared(graph)


# ---------------------------------------------------------------- SPARQL

EXPECTED_ROWS = {
    "who-said-what": (
        ("statement", "speaker", "speakerText", "cue", "quoteType", "text"),
        [(str(ST1), JOSE, "Núñez", "said", "direct", QUOTE_1),
         (str(ST2), "Critics", "Critics", "argued", "indirect", QUOTE_2)],
    ),
    "affiliations": (
        ("person", "role", "organization", "membership"),
        [(LI_WEI, None, "China", DEFAULT_BASE + "membership/test-article/script-alert-x-script-li-wei--china"),
         (JOSE, "China director", "Human Rights Watch",
          DEFAULT_BASE + "membership/test-article/jose-nunez-o-brien--human-rights-watch")],
    ),
    "statements-mentioning": (
        ("statement", "speaker", "speakerText", "cue", "text"),
        [(str(ST1), JOSE, "Núñez", "said", QUOTE_1)],
    ),
    "who-accuses-whom": (
        ("agent", "verb", "lemma", "object", "action"),
        [("China", "detained", "detain", "Uyghurs", DEFAULT_BASE + "action/test-article/001")],
    ),
}


def test_bundled_queries_are_all_tested():
    assert set(EXPECTED_ROWS) <= set(bundled_queries())


@pytest.mark.parametrize("name", sorted(EXPECTED_ROWS))
def test_bundled_query_rows(graph, name):
    sparql = bundled_queries()[name].read_text(encoding="utf-8")
    result = run_query(graph, sparql)
    columns, rows = EXPECTED_ROWS[name]
    assert result.columns == columns
    assert list(result.rows) == rows


@pytest.mark.parametrize("name", sorted(bundled_queries()))
def test_bundled_query_starts_with_a_summary(graph, name):
    text = bundled_queries()[name].read_text(encoding="utf-8")
    first = text.splitlines()[0]
    assert first.startswith("# ") and len(first) > 10
    run_query(graph, text)  # parses and runs


def test_statements_mentioning_matches_aliases(graph):
    sparql = bundled_queries()["statements-mentioning"].read_text(encoding="utf-8")
    result = run_query(graph, sparql.replace('"China"', '"HRW"'))
    assert [row[0] for row in result.rows] == [str(ST2)]


def test_standard_prefixes_are_injected_and_can_be_overridden(graph):
    result = run_query(graph, "SELECT ?n WHERE { ?p a schema:Person ; schema:name ?n } ORDER BY ?n")
    assert result.rows == ((LI_WEI,), (JOSE,))
    own = run_query(graph, "PREFIX schema: <http://schema.org/>\nSELECT ?p WHERE { ?p a schema:Person }")
    assert own.rows == ()


def test_ask_and_construct(graph):
    assert run_query(graph, "ASK { ?s a kg:Statement }").rows == (("true",),)
    result = run_query(graph, "CONSTRUCT { ?s rdfs:label ?n } WHERE { ?s a schema:Place ; schema:name ?n }")
    assert result.columns == ("subject", "predicate", "object")
    assert result.rows == ((DEFAULT_BASE + "place/china", str(V.RDFS.label), "China"),)


@pytest.mark.parametrize("sparql", [
    "SELECT ?x WHERE { ?x a schema:Person .\n FILTER( }",
    "SELEKT * WHERE { ?s ?p ?o }",
    "SELECT ?x WHERE { ?x a nope:Thing }",
])
def test_bad_query_is_a_one_line_query_error(graph, sparql):
    with pytest.raises(QueryError) as info:
        run_query(graph, sparql)
    assert "\n" not in str(info.value)
    assert "Traceback" not in str(info.value)


def test_query_error_has_line_and_column(graph):
    with pytest.raises(QueryError, match=r"line:2, col:2"):
        run_query(graph, "SELECT ?x WHERE { ?x a schema:Person .\n FILTER( }")


def test_format_table():
    result = QueryResult(("name", "text"), (("Bachelet", "x " * 50), ("Zhao 😀", None)))
    table = format_table(result)
    lines = table.splitlines()
    assert lines[0].split() == ["name", "text"]
    assert set(lines[1].replace(" ", "")) == {"-"}
    assert all(len(line) <= 75 for line in lines)
    assert "Zhao 😀" in table
    assert table.endswith("2 row(s)\n")
    assert format_table(QueryResult(("a",), ())).endswith("0 row(s)\n")


def test_format_table_keeps_query_order(graph):
    result = run_query(graph, "SELECT ?n WHERE { ?p schema:name ?n } ORDER BY DESC(?n)")
    names = [row[0] for row in result.rows]
    assert names == sorted(names, reverse=True)
    table = format_table(result)
    assert table.index("Uyghurs") < table.index("China")


def test_format_csv_and_json(graph):
    result = run_query(graph, bundled_queries()["who-said-what"].read_text(encoding="utf-8"))
    csv_text = format_csv(result)
    assert csv_text.splitlines()[0] == "statement,speaker,speakerText,cue,quoteType,text"
    import csv as csv_module
    import io
    rows = list(csv_module.reader(io.StringIO(csv_text)))
    assert rows[1][5] == QUOTE_1 and rows[2][1] == "Critics" and rows[2][5] == QUOTE_2

    doc = json.loads(format_json(result))
    assert doc["head"]["vars"] == list(result.columns)
    first, second = doc["results"]["bindings"]
    assert first["statement"] == {"type": "uri", "value": str(ST1)}
    assert first["text"]["type"] == "literal" and first["text"]["value"] == QUOTE_1
    assert second["speaker"] == {"type": "literal", "value": "Critics"}  # the unnamed speaker's node
    unbound = json.loads(format_json(run_query(graph, "SELECT ?s ?x WHERE { ?s a schema:Quotation OPTIONAL { ?s schema:about ?x } }")))
    assert all("x" not in row for row in unbound["results"]["bindings"])  # unbound: left out


def test_json_datatypes(graph):
    result = run_query(graph, "SELECT ?s WHERE { ?x kg:contentStart ?s } ORDER BY ?s")
    binding = json.loads(format_json(result))["results"]["bindings"][0]["s"]
    assert binding["datatype"] == str(V.XSD.integer)


def test_blank_nodes_never_written(graph):
    assert not any(isinstance(t, BNode) for triple in graph for t in triple)
