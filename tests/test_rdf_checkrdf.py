"""The Turtle kg writes reads the same in every RDF implementation (``../shared/tools/check-rdf``).

check-rdf parses a Turtle file with serd, Raptor, Oxigraph, N3.js, RDF4J, Jena and rdflib (and
Virtuoso), checks that they read the same triples, then runs one SPARQL SELECT in rdflib,
Oxigraph, Jena ARQ, rasqal, Comunica and Virtuoso and checks that the answers agree. Marked
``checkrdf``; skipped, with the reason, where check-rdf or its tools are not installed
(``check-rdf --install --prefix ~/.cache/check-rdf``, as .ci/run does).
"""
from __future__ import annotations

import os
import subprocess
import sys
from pathlib import Path

import pytest

from kg.model import Action, Affiliation, Article, ArticleGraph, Entity, Evidence, Statement
from kg.rdf.build import build_graph
from kg.rdf.io import write_graph
from kg.rdf.iri import slugify
from kg.resources import bundled_queries

pytestmark = pytest.mark.checkrdf
ROOT = Path(__file__).resolve().parents[1]
SAMPLE = ROOT / "graphs" / "xinjiang-report.ttl"
TOOL = Path(os.environ.get("CHECK_RDF", ROOT.parent / "shared" / "tools" / "check-rdf"))
PREFIX = Path(os.environ.get("CHECK_RDF_HOME", Path.home() / ".cache" / "check-rdf"))


def _why_not() -> str | None:
    """Why check-rdf cannot run here, or None when it can."""
    if not TOOL.is_file():
        return f"check-rdf not found at {TOOL} (set CHECK_RDF)"
    if not (PREFIX / "venv" / "bin" / "python").exists():
        return f"check-rdf's tools are not installed in {PREFIX}: run check-rdf --install --prefix {PREFIX}"
    return None


needs_checkrdf = pytest.mark.skipif(_why_not() is not None, reason=_why_not() or "")


def check_rdf(data: Path, query: Path) -> None:
    """Run check-rdf on a Turtle file and a SELECT query; fail with its report unless all tools agree."""
    done = subprocess.run([sys.executable, str(TOOL), "--prefix", str(PREFIX), "--timeout", "300", str(data), str(query)],
                          capture_output=True, text=True, timeout=900)
    report = done.stdout + done.stderr
    assert done.returncode == 0, f"check-rdf {data.name} {query.name} (exit {done.returncode}):\n{report}"
    assert "FAIL" not in report and "DIFF" not in report, report


@needs_checkrdf
@pytest.mark.parametrize("name", sorted(bundled_queries()))
def test_sample_graph_agrees_everywhere(name):
    check_rdf(SAMPLE, bundled_queries()[name])


def hostile_article_graph() -> ArticleGraph:
    """An article whose strings hold what breaks exporters: control characters, emoji, right-to-left
    text and bidi controls, quotes and backslashes, a 500-character name, non-characters."""
    long_name = "Abdul " + "Rahman " * 70 + "Smith"
    names = {
        "Person": ["John Smith", "Zoë \"Z\" O'Neil\\ 😀", "محمد بن سلمان", long_name, "Bell\x07 Tab\tName"],
        "Organization": ["John Smith", "Acme\u202eevil\u202c Corp", "ООН"],
        "Place": ["Ürümqi", "تل أبيب"],
        "Group": ["Uyghurs\x00\x1b[0m"],
    }
    entities = tuple(Entity(key=slugify(n), type=t, name=n, aliases=(n.upper(), n + "\ufffe"))
                     for t, ns in names.items() for n in ns)
    text = "\n".join(f"{e.name} said “hello\x0b world” to {e.name}." for e in entities) + "\n"
    person, org = entities[0], entities[5]
    ev = Evidence(start=0, end=len(text.splitlines()[0]), text=text.splitlines()[0])
    content = "hello\x0b world"
    statements = tuple(
        Statement(speaker=e.ref, speaker_text=e.name, cue="said\x7f", speech_act="say", content=content,
                  quote_type="direct", content_start=text.index(content), content_end=text.index(content) + len(content),
                  evidence=ev, mentions=(org.ref,))
        for e in entities)
    return ArticleGraph(
        Article(id="hostile-article", text=text, headline="Headline\r\nwith \"quotes\" \\ \x1f and 😀",
                byline="By\u200f someone", dateline="TEL AVIV", source="C:\\news\\hostile article.txt"),
        entities=entities, statements=statements,
        affiliations=(Affiliation(person=person.ref, organization=org.ref, role="director\x85 of \"things\"",
                                  evidence=ev),),
        actions=(Action(agent=org.ref, verb="accused", lemma="accuse", object=person.ref, evidence=ev),),
        model="en_core_web_sm-3.8.0")


@needs_checkrdf
@pytest.mark.parametrize("fmt, suffix", [("turtle", ".ttl"), ("nt", ".nt")])
def test_hostile_strings_agree_everywhere(tmp_path, fmt, suffix):
    graph = build_graph([hostile_article_graph()])
    path = write_graph(graph, tmp_path / f"hostile{suffix}", format=fmt)
    turtle = path if suffix == ".ttl" else path.rename(tmp_path / "hostile-nt.ttl")  # N-Triples is Turtle
    query = tmp_path / "all.rq"
    query.write_text("SELECT ?s ?p ?o WHERE { ?s ?p ?o }\n", encoding="utf-8")
    check_rdf(turtle, query)


@needs_checkrdf
@pytest.mark.parametrize("path", sorted(p.name for p in (ROOT / "graphs").glob("*.ttl") if p != SAMPLE))
def test_other_committed_turtle_agrees_everywhere(tmp_path, path):
    """Every other Turtle file kg writes for the sample (NAME.analysis.ttl, ...) reads alike everywhere."""
    query = tmp_path / "all.rq"
    query.write_text("SELECT ?s ?p ?o WHERE { ?s ?p ?o }\n", encoding="utf-8")
    check_rdf(ROOT / "graphs" / path, query)
