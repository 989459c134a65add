"""Output formats, provenance, IRIs under hostile input, the ontology's coverage, and the bundled
queries on the committed sample graph."""
from __future__ import annotations

import doctest
import json
import os
import re
import subprocess
import sys
from dataclasses import replace
from datetime import datetime, timezone
from pathlib import Path

import pytest
from rdflib import Graph, Literal, URIRef
from rdflib.compare import isomorphic

from kg.cli import main
from kg.errors import GraphError
from kg.rdf import build as build_module
from kg.rdf import facts as facts_module
from kg.rdf import io as io_module
from kg.rdf import iri
from kg.rdf import jsonld as jsonld_module
from kg.rdf import measures as measures_module
from kg.rdf import query as query_module
from kg.rdf import vocab as V
from kg.rdf.build import build_dataset, build_graph
from kg.rdf.io import FORMATS, read_graph, serialize
from kg.rdf.query import run_query
from kg.rdf.shapes import validate
from kg.rdf.vocab import DEFAULT_BASE
from kg.resources import bundled_queries, ontology_file

from conftest import make_small_article_graph
from test_rdf import assert_terms_declared
from test_rdf_checkrdf import hostile_article_graph

ROOT = Path(__file__).resolve().parents[1]
SAMPLE = ROOT / "graphs" / "xinjiang-report.ttl"
ARTICLE = URIRef(DEFAULT_BASE + "article/test-article")
SH = "http://www.w3.org/ns/shacl#"


@pytest.fixture
def small():
    return make_small_article_graph()


@pytest.mark.parametrize("module", [build_module, facts_module, io_module, iri, jsonld_module, measures_module,
                                    query_module])
def test_doctests(module):
    assert doctest.testmod(module).failed == 0


# ---------------------------------------------------------------- formats

def _two(small):
    return [small, replace(small, article=replace(small.article, id="other-article"))]


@pytest.mark.parametrize("fmt", ["trig", "nquads"])
def test_quads_put_each_article_in_its_named_graph(small, fmt):
    articles = _two(small)
    text = serialize(build_dataset(articles), fmt)
    import pyoxigraph as ox

    quads = list(ox.parse(input=text.encode(), format=ox.RdfFormat.TRIG if fmt == "trig" else ox.RdfFormat.N_QUADS))
    names = {q.graph_name.value for q in quads}
    assert names == {DEFAULT_BASE + "article/test-article", DEFAULT_BASE + "article/other-article"}
    for ag in articles:
        name = DEFAULT_BASE + f"article/{ag.article.id}"
        assert sum(1 for q in quads if q.graph_name.value == name) == len(build_graph([ag]))
    # read back (merged) by kg: the same triples as the merged graph
    assert isomorphic(Graph().parse(data=serialize(build_graph(articles), "nt"), format="nt"),
                      _read_text(text, ".trig" if fmt == "trig" else ".nq"))


def _read_text(text: str, suffix: str, tmp=Path("/tmp")) -> Graph:
    import tempfile

    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / f"g{suffix}"
        path.write_text(text, encoding="utf-8")
        return read_graph(path)


def test_jsonld_reads_as_plain_json_and_as_rdf(small):
    graph = build_graph([small])
    text = serialize(graph, "jsonld", base=DEFAULT_BASE)
    doc = json.loads(text)
    nodes = {n["id"]: n for n in doc["@graph"]}
    jose = nodes["person/jose-nunez-o-brien"]
    assert jose["type"] == "Person" and jose["name"] == "José Núñez-O'Brien 😀"
    statement = nodes["statement/test-article/001"]
    assert statement["creator"] == "person/jose-nunez-o-brien"
    assert statement["speechAct"] == "kg:act-accuse"
    assert isinstance(statement["startOffset"], int)
    assert doc["@context"]["text"] == {"@id": "schema:text", "@language": "en"}
    assert isomorphic(Graph().parse(data=text, format="json-ld"), graph)
    import pyoxigraph as ox

    assert len(list(ox.parse(input=text.encode(), format=ox.RdfFormat.JSON_LD))) == len(graph)


def test_jsonld_with_a_hash_base_keeps_iris_whole(small):
    base = "https://example.org/kg#"
    graph = build_graph([small], base=base)
    doc = json.loads(serialize(graph, "jsonld", base=base))
    assert "@base" not in doc["@context"]
    assert isomorphic(Graph().parse(data=json.dumps(doc), format="json-ld"), graph)


@pytest.mark.parametrize("fmt", sorted(FORMATS))
def test_every_format_is_deterministic_across_processes(fmt):
    script = ("import sys; sys.path.insert(0, sys.argv[1]); from dataclasses import replace; "
              "from conftest import make_small_article_graph as m; from kg.rdf.build import build_graph, build_dataset; "
              "from kg.rdf.io import FORMATS, serialize; a = m(); b = replace(a, article=replace(a.article, id='b')); "
              "f = FORMATS[sys.argv[2]]; d = (build_dataset if f.quads else build_graph)([a, b]); "
              "sys.stdout.buffer.write(serialize(d, f.rdflib, base='https://kg.example.org/id/').encode())")
    outputs = {subprocess.run([sys.executable, "-c", script, str(Path(__file__).parent), fmt], check=True,
                              capture_output=True, env={**os.environ, "PYTHONHASHSEED": seed}).stdout
               for seed in ("1", "2", "3")}
    assert len(outputs) == 1


def test_unknown_format_is_refused():
    with pytest.raises(GraphError, match="unknown format"):
        io_module.output_format("rdfxml")


@pytest.mark.model
@pytest.mark.parametrize("fmt", sorted(FORMATS))
def test_ingest_format_writes_the_suffix_and_the_same_triples(tmp_path, fmt, capsys):
    assert main(["ingest", "--format", fmt, "--out", str(tmp_path)]) == 0
    path = tmp_path / f"xinjiang-report{FORMATS[fmt].suffix}"
    assert path.exists()
    assert str(path) in capsys.readouterr().out
    assert isomorphic(read_graph(path), read_graph(SAMPLE))


# ---------------------------------------------------------------- provenance

def test_every_fact_points_at_its_evidence_with_web_annotation(small):
    graph = build_graph([small])
    facts = [s for cls in (V.KG.Statement, V.ORG.Membership, V.SCHEMA.Action) for s in graph.subjects(V.RDF.type, cls)]
    assert len(facts) == 5
    text = small.article.text
    for fact in facts:
        selection = graph.value(fact, V.PROV.wasDerivedFrom)
        assert selection == URIRef(f"{fact}/evidence")
        assert graph.value(selection, V.OA.hasSource) == ARTICLE
        selectors = set(graph.objects(selection, V.OA.hasSelector))
        (position,) = [s for s in selectors if (s, V.RDF.type, V.OA.TextPositionSelector) in graph]
        (quote,) = [s for s in selectors if (s, V.RDF.type, V.OA.TextQuoteSelector) in graph]
        start, end = int(graph.value(position, V.OA.start)), int(graph.value(position, V.OA.end))
        exact = graph.value(quote, V.OA.exact)
        assert text[start:end] == str(exact) == str(graph.value(fact, V.KG.sentence))
        assert exact.language == "en"
        assert (start, end) == (int(graph.value(fact, V.KG.startOffset)), int(graph.value(fact, V.KG.endOffset)))


def test_activity_names_software_and_model_and_time_only_when_given(small):
    graph = build_graph([small])
    activity = graph.value(ARTICLE, V.PROV.wasGeneratedBy)
    software = graph.value(activity, V.PROV.wasAssociatedWith)
    assert (software, V.RDF.type, V.PROV.SoftwareAgent) in graph
    assert graph.value(software, V.SCHEMA.name) == Literal("kg")
    assert graph.value(activity, V.PROV.endedAtTime) is None
    when = datetime(2022, 9, 1, 12, 30, 5, 123456, tzinfo=timezone.utc)
    timed = build_graph([small], generated_at=when)
    stamp = timed.value(activity, V.PROV.endedAtTime)
    assert stamp.datatype == V.XSD.dateTime and str(stamp) == "2022-09-01T12:30:05Z"  # canonical: Z, no fraction
    assert validate(timed).conforms


def test_no_language_tag_when_the_model_is_unknown(small):
    graph = build_graph([replace(small, model="")])
    assert all(o.language is None for o in graph.objects() if isinstance(o, Literal))
    assert validate(graph).conforms


# ---------------------------------------------------------------- IRIs

def test_hostile_names_give_safe_distinct_iris():
    ag = hostile_article_graph()
    graph = build_graph([ag])
    assert validate(graph).conforms
    for term in {t for triple in graph for t in triple if isinstance(t, URIRef)}:
        if str(term).startswith(DEFAULT_BASE):
            assert re.fullmatch(r"[a-z0-9-]+(/[a-z0-9-]+)*", str(term)[len(DEFAULT_BASE):]), term
            assert len(str(term)) < 200
    nodes = {iri.entity_iri(e.type, e.key) for e in ag.entities}
    assert len(nodes) == len(ag.entities)  # every entity its own IRI
    smiths = set(graph.subjects(V.SCHEMA.name, Literal("John Smith")))
    assert smiths == {URIRef(DEFAULT_BASE + "person/john-smith"), URIRef(DEFAULT_BASE + "organization/john-smith")}
    # control characters and non-characters never reach the output; offsets stay valid (one for one)
    text = serialize(graph, "nt")
    assert not re.search("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ufffe\uffff]", text)


@pytest.mark.parametrize("name", ["😀", "😀😀", "🙂", "مرحبا", "שלום", "\u202e", "x" * 500, "x" * 499 + "y"])
def test_names_without_latin_letters_or_very_long_stay_apart(name):
    slug = iri.slugify(name)
    assert re.fullmatch(r"[a-z0-9]+(-[a-z0-9]+)*", slug) and len(slug) <= iri.MAX_SLUG


def test_different_non_latin_and_long_names_never_collide():
    names = ["😀", "😀😀", "🙂", "مرحبا", "שלום", "\u202e", "x" * 500, "x" * 499 + "y", "X" * 500 + "!"]
    slugs = {iri.slugify(n) for n in names}
    assert len(slugs) == len(names)


def test_two_articles_with_one_id_are_refused(small):
    with pytest.raises(GraphError, match="two articles have the id"):
        build_graph([small, small])
    with pytest.raises(GraphError, match="two articles have the id"):
        build_dataset([small, small])


@pytest.mark.parametrize("base", ["https://e.org/\x01/", "https://e.org/a b/", "https://e.org/%zz/", "relative/", "https://e.org/<x>/"])
def test_unsafe_base_is_refused(base):
    with pytest.raises(GraphError, match="base IRI"):
        iri.normalize_base(base)


# ---------------------------------------------------------------- ontology and shapes

def test_sample_output_uses_only_declared_or_standard_terms():
    used = assert_terms_declared(read_graph(SAMPLE))
    assert V.OA.TextPositionSelector in used and V.PROV.wasDerivedFrom in used


def test_every_node_kind_of_the_sample_has_a_shape():
    graph = read_graph(SAMPLE)
    shapes = Graph().parse(ontology_file("shapes.ttl"))
    targets = set(shapes.objects(None, URIRef(SH + "targetClass")))
    kinds = set(graph.objects(None, V.RDF.type))
    missing = {k for k in kinds if k not in targets}
    # a statement is both kg:Statement and schema:Quotation; an agent's second type is covered by the first
    assert not missing - {V.SCHEMA.Quotation, V.PROV.Entity, V.SCHEMA.SoftwareApplication}, missing
    assert validate(graph).conforms


def test_ontology_readme_has_a_diagram_and_an_example_per_class():
    readme = ontology_file("README.md").read_text(encoding="utf-8")
    assert "```mermaid" in readme
    graph = read_graph(SAMPLE)
    for cls in sorted(set(graph.objects(None, V.RDF.type))):
        short = graph.namespace_manager.normalizeUri(cls)
        pattern = rf"\ba\s+(?:[\w:-]+,\s*)*{re.escape(short)}\b"
        assert re.search(pattern, readme), f"no example of {short} in ontology/README.md"


# ---------------------------------------------------------------- bundled queries on the sample

def _rows(name: str, **replace_values: str):
    sparql = bundled_queries()[name].read_text(encoding="utf-8")
    for old, new in replace_values.items():
        sparql = sparql.replace(old, new)
    return run_query(read_graph(SAMPLE), sparql)


def test_statements_by_one_person():
    result = _rows("statements-by")
    assert result.columns == ("statement", "speaker", "cue", "speechAct", "text", "article")
    assert len(result.rows) >= 3 and {r[1] for r in result.rows} == {"Sophie Richardson"}
    assert any("unprecedented challenge" in r[4] for r in result.rows)
    by_alias = _rows("statements-by", **{'"Sophie Richardson"': '"Ms. Richardson"'})
    assert by_alias.rows == result.rows


def test_organizations_whose_members_speak_most():
    result = _rows("organizations-speaking")
    assert result.columns == ("organization", "statements")
    counts = {org: int(n) for org, n in result.rows}
    assert counts["Human Rights Watch"] >= 3 and counts["World Uyghur Congress"] >= 1
    assert [int(n) for _, n in result.rows] == sorted((int(n) for _, n in result.rows), reverse=True)


def test_the_sentence_behind_a_statement():
    result = _rows("evidence-of-statement")
    assert result.columns == ("statement", "text", "sentence", "start", "end", "article", "headline")
    ((statement, text, sentence, start, end, article, headline),) = result.rows
    assert text in sentence and article == DEFAULT_BASE + "article/xinjiang-report"
    from kg.resources import sample_article

    assert sample_article().read_text(encoding="utf-8")[int(start):int(end)] == sentence
    assert headline.startswith("U.N. Claims China")


def test_articles_mentioning_both():
    result = _rows("articles-mentioning-both")
    assert result.rows == ((DEFAULT_BASE + "article/xinjiang-report",
                            "U.N. Claims China May Have Perpetrated ‘Crimes Against Humanity’ in Xinjiang",
                            "China", "Uyghurs"),)
    assert _rows("articles-mentioning-both", **{'"Uyghurs"': '"Atlantis"'}).rows == ()


def test_who_accuses_whom():
    result = _rows("accusations")
    assert result.columns == ("accuser", "accused", "how", "fact", "sentence")
    pairs = {(r[0], r[1]) for r in result.rows}
    assert ("Office of the United Nations High Commissioner for Human Rights", "China") in pairs
    assert any(accused == "Michelle Bachelet" for _, accused in pairs)


def test_small_graph_new_queries_exact_rows(small):
    graph = build_graph([small])
    run = lambda name: run_query(graph, bundled_queries()[name].read_text(encoding="utf-8")).rows  # noqa: E731
    jose = "José Núñez-O'Brien 😀"
    sentence = small.statements[0].evidence.text
    assert run("accusations") == tuple(
        (jose, who, "said", DEFAULT_BASE + "statement/test-article/001", sentence) for who in ("China", "Uyghurs"))
    assert run("organizations-speaking") == (("Human Rights Watch", "1"),)
    assert run("articles-mentioning-both") == ((str(ARTICLE), small.article.headline, "China", "Uyghurs"),)
