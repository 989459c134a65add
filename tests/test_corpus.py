"""A corpus: files, folders, globs, stdin and HTML in; a store on disk; export, query, analyze, render."""
from __future__ import annotations

import io
import json
import sys
from pathlib import Path

import pytest
from rdflib import Dataset, Graph
from rdflib.compare import isomorphic

from kg.cli import main
from kg.corpus import expand_inputs
from kg.htmltext import article_from_html, looks_like_html
from kg.progress import Progress

ARTICLE_A = """Rights group urges inquiry

GENEVA — Sophie Richardson, China director of Human Rights Watch, said the report was damning.

“This is a turning point,” Ms. Richardson said.
"""
ARTICLE_B = """Ministry rejects report

BEIJING — Zhao Lijian, a spokesperson for the Chinese foreign ministry, said the report was based on lies.

Sophie Richardson of Human Rights Watch urged the council to act.
"""
PAGE = """<!DOCTYPE html><html><head><title>Council weighs report | Example News</title>
<meta property="og:title" content="Council weighs report on Xinjiang">
<meta name="author" content="Jane Smith">
<meta property="article:published_time" content="2022-09-01T10:00:00Z"></head>
<body><nav><a href="/">Home</a> <a href="/world">World</a> Subscribe to our newsletter</nav>
<article><h1>Council weighs report on Xinjiang</h1>
<p>GENEVA — Michelle Bachelet, the United Nations High Commissioner for Human Rights, said the findings were serious and that the council had to act on them.</p>
<p>“Accountability begins now,” said Dolkun Isa, president of the World Uyghur Congress, at a news conference in Geneva on Thursday.</p>
</article><footer>Copyright 2022 Example News. All rights reserved.</footer></body></html>
"""


def run(capsys, *argv):
    code = main([str(a) for a in argv])
    out, err = capsys.readouterr()
    return code, out, err


@pytest.fixture
def news(tmp_path) -> Path:
    """news/a.txt, news/world/b.txt, news/world/page.html, news/notes.md (ignored), news/.hidden.txt (ignored)."""
    folder = tmp_path / "news"
    (folder / "world").mkdir(parents=True)
    (folder / "a.txt").write_text(ARTICLE_A, encoding="utf-8")
    (folder / "world" / "b.txt").write_text(ARTICLE_B, encoding="utf-8")
    (folder / "world" / "page.html").write_text(PAGE, encoding="utf-8")
    (folder / "notes.md").write_text("not an article", encoding="utf-8")
    (folder / ".hidden.txt").write_text(ARTICLE_A, encoding="utf-8")
    return folder


# --- inputs (no model) -------------------------------------------------------------------------

def test_folder_is_searched_recursively_for_text_and_html(news):
    sources = expand_inputs([str(news)])
    assert [(s.name, s.path.name) for s in sources] == [
        ("a", "a.txt"), ("world-b", "b.txt"), ("world-page", "page.html")]
    assert all(s.error is None for s in sources)


def test_glob_and_files_and_missing_paths(news, tmp_path):
    sources = expand_inputs([str(news / "**" / "*.html"), str(news / "a.txt"), str(tmp_path / "nope-*.txt"),
                             str(tmp_path / "missing.txt")])
    assert [s.name for s in sources] == ["page", "a", "nope-*", "missing"]
    assert "no file matches" in sources[2].error
    with pytest.raises(Exception, match="no such file"):
        sources[3].read()


def test_two_articles_with_one_id_the_second_is_reported(news):
    sources = expand_inputs([str(news / "a.txt"), str(news / "a.txt")])
    assert sources[0].error is None and "same article id 'a'" in sources[1].error


def test_stdin_is_one_article_named_stdin_text_or_html():
    [text] = expand_inputs(["-"], stdin=io.BytesIO(ARTICLE_A.encode("utf-8")))
    article = text.read()
    assert (text.name, text.label, article.id, article.headline) == ("stdin", "-", "stdin", "Rights group urges inquiry")
    [page] = expand_inputs(["-"], stdin=io.BytesIO(PAGE.encode("utf-8")), stdin_name="Council Page")
    assert page.read().id == "council-page" and page.read().byline == "Jane Smith"


def test_html_reduced_to_main_text_and_metadata():
    article = article_from_html(PAGE, article_id="page", source="page.html")
    assert article.headline == "Council weighs report on Xinjiang"
    assert (article.byline, article.date, article.dateline) == ("Jane Smith", "2022-09-01", "GENEVA")
    assert "Accountability begins now" in article.text and "Michelle Bachelet" in article.text
    assert "Subscribe" not in article.text and "Copyright" not in article.text and "Home" not in article.text
    assert article.text.splitlines()[0] == article.headline
    assert looks_like_html(PAGE) and not looks_like_html(ARTICLE_A)


def test_html_without_text_is_an_input_error():
    with pytest.raises(Exception, match="no article text"):
        article_from_html("<html><head><title>T</title></head><body><script>x()</script></body></html>", article_id="x")


def test_progress_is_plain_lines_when_not_a_terminal():
    stream = io.StringIO()
    with Progress(2, stream=stream) as progress:
        progress.step("a")
        progress.step("b")
    lines = stream.getvalue().splitlines()
    assert lines[0].startswith("[1/2] a (") and "left" in lines[0] and lines[1].startswith("[2/2] b (")


# --- the store (model) -------------------------------------------------------------------------



@pytest.mark.model
def test_ingest_many_matches_ingest_and_reports_bad_articles_in_order(news, tmp_path):
    from kg.errors import ArticleError
    from kg.pipeline import ingest, ingest_many

    bad = tmp_path / "bad.txt"
    bad.write_bytes(b"\xff\xfe not utf-8")
    sources = [news / "a.txt", bad, news / "world" / "b.txt", tmp_path / "missing.txt"]
    results = list(ingest_many(sources, batch_size=2))
    assert [type(r).__name__ for r in results] == ["ArticleGraph", "ArticleError", "ArticleGraph", "ArticleError"]
    assert results[0] == ingest(news / "a.txt") and results[2] == ingest(news / "world" / "b.txt")
    assert isinstance(results[1], ArticleError) and results[1].source == str(bad)


@pytest.mark.model
def test_ingest_many_with_two_processes_gives_the_same_graphs(news):
    from kg.pipeline import ingest_many

    sources = expand_inputs([str(news)])
    assert list(ingest_many(sources, jobs=2, batch_size=1)) == list(ingest_many(sources))


@pytest.mark.model
def test_store_ingest_is_idempotent(news, tmp_path, capsys):
    from kg.rdf.store import Store

    store = tmp_path / "corpus"
    code, out, _ = run(capsys, "ingest", news, "--into", store)
    assert code == 0 and "3 article(s)" in out and "(added)" in out
    exports = {fmt: run(capsys, "export", store, "--format", fmt)[1] for fmt in ("nt", "trig")}
    with Store(store, read_only=True) as s:
        counts = (s.triple_count(), s.quad_count(), s.articles())
    code, out, _ = run(capsys, "ingest", news, "--into", store)
    assert code == 0 and "(replaced)" in out and "(added)" not in out
    with Store(store, read_only=True) as s:
        assert (s.triple_count(), s.quad_count(), s.articles()) == counts
    assert {fmt: run(capsys, "export", store, "--format", fmt)[1] for fmt in ("nt", "trig")} == exports
    assert not any(store.parent.glob("*.ttl")) and not (tmp_path / "graphs").exists()  # --into writes no files


@pytest.mark.model
def test_merged_view_is_the_union_one_node_per_entity(news, tmp_path, capsys):
    from kg.pipeline import ingest
    from kg.rdf.build import build_graph
    from kg.rdf.store import Store

    store = tmp_path / "corpus"
    run(capsys, "ingest", news / "a.txt", news / "world" / "b.txt", "--into", store)
    with Store(store, read_only=True) as s:
        merged = s.graph()
    expected = build_graph([ingest(news / "a.txt"), ingest(news / "world" / "b.txt")])
    assert isomorphic(merged, expected)
    code, out, _ = run(capsys, "query", store, "SELECT ?n WHERE { ?p a schema:Person ; schema:name ?n } ORDER BY ?n",
                       "--format", "csv")
    assert out.splitlines().count("Sophie Richardson") == 1  # one node, however many articles name her


@pytest.mark.model
def test_changed_article_replaces_the_old_version(tmp_path, capsys):
    from kg.pipeline import ingest
    from kg.rdf.build import build_graph
    from kg.rdf.store import Store

    a, b = tmp_path / "a.txt", tmp_path / "b.txt"
    a.write_text(ARTICLE_A, encoding="utf-8")
    b.write_text(ARTICLE_B, encoding="utf-8")
    store = tmp_path / "corpus"
    run(capsys, "ingest", a, b, "--into", store)
    a.write_text(ARTICLE_A.replace("This is a turning point", "This is only the beginning"), encoding="utf-8")
    code, out, _ = run(capsys, "ingest", a, "--into", store)
    assert code == 0 and "(replaced)" in out
    with Store(store, read_only=True) as s:
        assert len(s.articles()) == 2
        assert isomorphic(s.graph(), build_graph([ingest(a), ingest(b)]))
        said = {row[0] for row in s.query("SELECT ?t WHERE { ?s a kg:Statement ; schema:text ?t }").rows}
    assert "This is only the beginning" in said and "This is a turning point" not in said


@pytest.mark.model
def test_bad_article_is_skipped_others_kept_exit_1(news, tmp_path, capsys):
    from kg.rdf.store import Store

    (news / "broken.txt").write_bytes(b"\x00\x01binary")
    store = tmp_path / "corpus"
    code, out, err = run(capsys, "ingest", news, "--into", store)
    assert code == 1
    assert "broken.txt: binary file" in err and "1 of 4 article(s) failed" in err
    with Store(store, read_only=True) as s:
        assert len(s.articles()) == 3


@pytest.mark.model
def test_interrupt_leaves_the_store_as_after_the_last_whole_article(news, tmp_path, capsys, monkeypatch):
    from kg.rdf.store import Store

    store = tmp_path / "corpus"
    put = Store.put_article
    calls = []

    def interrupted(self, graph, article=None):
        calls.append(1)
        if len(calls) == 2:
            raise KeyboardInterrupt
        return put(self, graph, article)

    monkeypatch.setattr(Store, "put_article", interrupted)
    assert run(capsys, "ingest", news, "--into", store)[0] == 130
    monkeypatch.setattr(Store, "put_article", put)
    with Store(store, read_only=True) as s:
        assert s.articles() == ["https://kg.example.org/id/article/a"]
        first = s.triple_count()
    run(capsys, "ingest", news / "a.txt", "--into", tmp_path / "alone")
    with Store(tmp_path / "alone", read_only=True) as s:
        assert s.triple_count() == first


@pytest.mark.model
@pytest.mark.parametrize("fmt, parse_as", [("turtle", "turtle"), ("nt", "nt"), ("jsonld", "json-ld"),
                                           ("trig", "trig"), ("nquads", "nquads")])
def test_export_formats_round_trip(news, tmp_path, capsys, fmt, parse_as):
    from kg.rdf.store import Store

    store = tmp_path / "corpus"
    run(capsys, "ingest", news, "--into", store)
    target = tmp_path / f"corpus.{fmt}"
    assert run(capsys, "export", store, "--format", fmt, "-o", target)[0] == 0
    with Store(store, read_only=True) as s:
        merged, articles, triples = s.graph(), s.articles(), s.triple_count()
    if fmt in ("trig", "nquads"):
        dataset = Dataset()
        dataset.parse(target, format=parse_as)
        names = sorted(str(g.identifier) for g in dataset.graphs() if len(g))
        assert names == articles
        union = Graph()
        for s_, p, o, _ in dataset.quads():
            union.add((s_, p, o))
        assert len(union) == triples  # the store's merged graph is the union of the articles' graphs
    else:
        assert isomorphic(Graph().parse(target, format=parse_as), merged)


def test_export_to_a_path_that_cannot_be_written_is_a_one_line_error(tmp_path, small_article_graph, capsys):
    from kg.rdf.build import article_triples
    from kg.rdf.store import Store

    with Store(tmp_path / "corpus") as store:
        store.put_article(article_triples([small_article_graph]))
    (tmp_path / "a-file").write_text("", encoding="utf-8")
    code, out, err = run(capsys, "export", tmp_path / "corpus", "-o", tmp_path / "a-file" / "corpus.ttl")
    assert code == 2 and out == "" and err.count("\n") == 1 and "cannot write" in err and "Traceback" not in err


@pytest.mark.model
def test_query_analyze_render_accept_a_store(news, tmp_path, capsys):
    store = tmp_path / "corpus"
    run(capsys, "ingest", news, "--into", store)
    code, out, _ = run(capsys, "query", store, "affiliations", "--format", "json")
    assert code == 0
    people = {b["person"]["value"] for b in json.loads(out)["results"]["bindings"]}
    assert "Sophie Richardson" in people
    code, out, _ = run(capsys, "analyze", store, "--json")
    assert code == 0 and "Sophie Richardson" in out
    page = tmp_path / "corpus.html"
    code, out, _ = run(capsys, "render", store, "-o", page)
    assert code == 0 and page.exists() and "Sophie Richardson" in page.read_text(encoding="utf-8")
    assert run(capsys, "validate", store)[0] == 0
    code, _, err = run(capsys, "query", store, "SELECT WHERE {")
    assert code == 2 and "bad SPARQL query" in err


@pytest.mark.model
def test_stdin_and_html_into_files(tmp_path, capsys, monkeypatch):
    monkeypatch.setattr(sys, "stdin", io.TextIOWrapper(io.BytesIO(PAGE.encode("utf-8")), encoding="utf-8"))
    code, out, _ = run(capsys, "ingest", "-", "--out", tmp_path)
    assert code == 0 and out.startswith("stdin: ")
    turtle = (tmp_path / "stdin.ttl").read_text(encoding="utf-8")
    assert 'schema:datePublished "2022-09-01"^^xsd:date' in turtle and "Michelle Bachelet" in turtle
    assert (tmp_path / "stdin.html").exists()


def test_a_folder_that_is_not_a_store_is_refused(tmp_path, capsys):
    (tmp_path / "stuff").mkdir()
    (tmp_path / "stuff" / "x.txt").write_text("x", encoding="utf-8")
    code, _, err = run(capsys, "export", tmp_path / "stuff")
    assert code == 2 and "not a kg store" in err
    code, _, err = run(capsys, "ingest", tmp_path / "stuff" / "x.txt", "--into", tmp_path / "stuff")
    assert code == 2 and "not a kg store" in err


# --- the direct writer: article_triples into the store, no rdflib Graph (no model) ---------------

def _hostile_graphs():
    from conftest import make_small_article_graph
    from test_rdf_checkrdf import hostile_article_graph

    return [make_small_article_graph(), hostile_article_graph()]


def test_article_triples_are_the_triples_of_build_graph():
    from kg.rdf.build import article_triples, build_graph
    from kg.rdf.io import serialize

    articles = _hostile_graphs()
    for group in ([articles[0]], [articles[1]], articles):  # one article, and two sharing entities
        triples = article_triples(group, base="https://example.org/kg/")
        graph = build_graph(group, base="https://example.org/kg/")
        assert len(triples) == len(set(triples)) == len(graph) and set(triples) == set(graph)
    assert serialize(build_graph(articles), "turtle") == serialize(build_graph(articles), "turtle")


def test_store_holds_exactly_the_quads_rdflib_writes_added_and_replaced(tmp_path):
    from kg.rdf.build import article_triples, build_dataset, build_graph
    from kg.rdf.store import Store

    articles = _hostile_graphs()
    with Store(tmp_path / "corpus") as store:
        for round_ in range(2):  # first added (an N-Quads load), then replaced (a SPARQL Update)
            puts = [store.put_article(article_triples([ag])) for ag in articles]
            assert [p.replaced for p in puts] == [bool(round_)] * 2
            assert [p.triples for p in puts] == [len(build_graph([ag])) for ag in articles]
            assert set(store.dataset().quads()) == set(build_dataset(articles).quads())
            assert set(store.graph()) == set(build_graph(articles))
        # an rdflib Graph goes in the same way
        assert store.put_article(build_graph([articles[0]])).replaced
        assert set(store.dataset().quads()) == set(build_dataset(articles).quads())


def test_store_refuses_an_iri_that_would_break_the_quads(tmp_path):
    from rdflib import Literal, URIRef

    from kg.errors import GraphError
    from kg.rdf.vocab import RDF, SCHEMA
    from kg.rdf.store import Store

    bad = URIRef("https://example.org/a> <https://example.org/p> <https://example.org/o")
    with Store(tmp_path / "corpus") as store:
        with pytest.raises(GraphError, match="not a valid IRI"):
            store.put_article([(bad, RDF.type, SCHEMA.NewsArticle), (bad, SCHEMA.name, Literal("x"))])
        assert store.articles() == [] and store.triple_count() == 0


def test_store_optimize_compacts_only_after_a_large_run(tmp_path):
    from kg.rdf.build import article_triples
    from kg.rdf.store import Store

    articles = _hostile_graphs()
    with Store(tmp_path / "corpus") as store:
        for ag in articles:
            store.put_article(article_triples([ag]))
        before = (store.articles(), set(store.dataset().quads()))
        assert store.optimize() is False  # a small run: left to RocksDB's background compaction
        assert store.optimize(min_written=1) is True
        assert store.optimize(min_written=1) is False  # nothing written since
        assert (store.articles(), set(store.dataset().quads())) == before


ORGANIZATIONS_SPEAKING_BY_PAIRS = """
SELECT ?organization (COUNT(?statement) AS ?statements)
WHERE {
  ?membership a org:Membership ; org:member ?member ; org:organization ?org .
  ?org schema:name ?organization .
  ?statement a schema:Quotation ; schema:creator ?member .
}
GROUP BY ?organization
ORDER BY DESC(?statements) ?organization
"""


def test_organizations_speaking_counts_as_every_membership_statement_pair(tmp_path):
    """The bundled query counts per member first; the answer is that of counting every pair."""
    from kg.rdf.io import read_graph
    from kg.rdf.query import run_query
    from kg.resources import bundled_queries
    from kg.rdf.store import Store

    sample = Path(__file__).resolve().parents[1] / "graphs" / "xinjiang-report.ttl"
    graph = read_graph(sample)
    bundled = bundled_queries()["organizations-speaking"].read_text(encoding="utf-8")
    expected = run_query(graph, ORGANIZATIONS_SPEAKING_BY_PAIRS)
    assert expected.rows and run_query(graph, bundled) == expected
    with Store(tmp_path / "corpus") as store:
        store.put_article(graph)
        assert store.query(bundled) == expected and store.query(bundled).terms == expected.terms


@pytest.mark.model
def test_a_real_ctrl_c_with_two_workers_leaves_whole_articles_each_reported(tmp_path):
    """SIGINT to the whole process group, as a terminal's Ctrl-C sends it: no traceback from the
    workers, exit 130, and every article in the store is one the run reported."""
    import os
    import runpy
    import signal
    import subprocess
    import time

    from kg.rdf.store import Store

    write_corpus = runpy.run_path(str(Path(__file__).resolve().parents[1] / "bench" / "throughput.py"))["write_corpus"]

    corpus, store = tmp_path / "corpus", tmp_path / "store"
    corpus.mkdir()
    write_corpus(corpus, 400)
    process = subprocess.Popen([sys.executable, "-m", "kg.cli", "ingest", str(corpus), "--into", str(store),
                                "--jobs", "2"], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True,
                               start_new_session=True)
    lines = []
    deadline = time.monotonic() + 120
    while len(lines) < 5 and time.monotonic() < deadline:
        line = process.stdout.readline()
        if not line:
            break
        lines.append(line)
    os.killpg(process.pid, signal.SIGINT)
    out, err = process.communicate(timeout=120)
    reported = [line for line in lines + out.splitlines() if "(added)" in line]
    assert process.returncode == 130, err
    assert "Traceback" not in err and "kg: interrupted" in err
    with Store(store, read_only=True) as s:
        assert 5 <= len(s.articles()) == len(reported) < 400
