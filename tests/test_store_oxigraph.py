"""`kg load` and `kg query --endpoint` against a real Oxigraph server on a free loopback port.

The server is the `oxigraph` binary from PyPI (the `oxigraph` package, in the `test` extra), run
in memory with `--union-default-graph` so that queries without GRAPH see every article. Skipped,
with the reason, when the binary is not installed.
"""
from __future__ import annotations

import shutil
import socket
import subprocess
import sys
import time
import urllib.request
from dataclasses import replace
from pathlib import Path

import pytest

from kg.cli import main
from kg.errors import GraphError, QueryError
from kg.rdf import remote
from kg.rdf.build import build_dataset, build_graph
from kg.rdf.io import read_graph, write_graph
from kg.rdf.query import run_query
from kg.resources import bundled_queries

from conftest import make_small_article_graph

pytestmark = pytest.mark.oxigraph
ROOT = Path(__file__).resolve().parents[1]
SAMPLE = ROOT / "graphs" / "xinjiang-report.ttl"


def _oxigraph() -> str | None:
    """The oxigraph server binary: beside this Python (the venv's bin/) or on PATH."""
    beside = Path(sys.executable).parent / "oxigraph"
    return str(beside) if beside.exists() else shutil.which("oxigraph")


@pytest.fixture(scope="module")
def server(tmp_path_factory):
    """The base URL of a fresh in-memory Oxigraph server; stopped after the module's tests."""
    binary = _oxigraph()
    if binary is None:
        pytest.skip("the oxigraph server is not installed (pip install oxigraph, in the test extra)")
    with socket.socket() as s:
        s.bind(("127.0.0.1", 0))
        port = s.getsockname()[1]
    log = tmp_path_factory.mktemp("oxigraph") / "server.log"
    with open(log, "wb") as out:
        process = subprocess.Popen([binary, "serve", "--bind", f"127.0.0.1:{port}", "--union-default-graph"],
                                   stdout=out, stderr=subprocess.STDOUT)
    url = f"http://127.0.0.1:{port}"
    try:
        for _ in range(100):
            if process.poll() is not None:
                pytest.skip(f"oxigraph serve exited: {log.read_text(errors='replace')[-300:]}")
            try:
                with urllib.request.urlopen(url + "/query?query=ASK%7B%7D", timeout=2):
                    break
            except OSError:
                time.sleep(0.1)
        else:
            pytest.skip("oxigraph serve did not answer within 10 s")
        yield url
    finally:
        process.terminate()
        try:
            process.wait(timeout=10)
        except subprocess.TimeoutExpired:
            process.kill()


def _clear(url: str) -> None:
    request = urllib.request.Request(url + "/update", data=b"CLEAR ALL", method="POST",
                                     headers={"Content-Type": "application/sparql-update"})
    urllib.request.urlopen(request, timeout=10).close()


def _graph_sizes(url: str) -> dict[str, int]:
    result = remote.query(url + "/query", "SELECT ?g (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } } GROUP BY ?g")
    return {g: int(n) for g, n in result.rows}


def test_load_puts_each_article_in_its_named_graph(server, tmp_path, capsys):
    _clear(server)
    small = make_small_article_graph()
    other = replace(small, article=replace(small.article, id="other-article"))
    path = write_graph(build_dataset([small, other]), tmp_path / "two.trig", format="trig")
    assert main(["load", str(path), "--endpoint", server + "/store"]) == 0
    assert "triples into <https://kg.example.org/id/article/test-article>" in capsys.readouterr().out
    sizes = _graph_sizes(server)
    expected = {f"https://kg.example.org/id/article/{a}": len(build_graph([ag]))
                for a, ag in (("test-article", small), ("other-article", other))}
    assert sizes == expected
    # loading again replaces each article's graph: nothing doubles
    assert main(["load", str(path), "--endpoint", server + "/store"]) == 0
    assert _graph_sizes(server) == expected


@pytest.mark.parametrize("fmt, suffix", [("turtle", ".ttl"), ("nt", ".nt"), ("nquads", ".nq"), ("json-ld", ".jsonld")])
def test_load_every_format(server, tmp_path, fmt, suffix):
    _clear(server)
    small = make_small_article_graph()
    data = build_dataset([small]) if fmt == "nquads" else build_graph([small])
    path = write_graph(data, tmp_path / f"a{suffix}", format=fmt, base="https://kg.example.org/id/")
    assert main(["load", str(path), "--endpoint", server + "/store"]) == 0
    assert _graph_sizes(server) == {"https://kg.example.org/id/article/test-article": len(build_graph([small]))}


@pytest.mark.parametrize("name", sorted(bundled_queries()))
def test_remote_query_matches_local(server, name, capsys):
    _clear(server)
    assert main(["load", str(SAMPLE), "--endpoint", server + "/store"]) == 0
    sparql = bundled_queries()[name].read_text(encoding="utf-8")
    local = run_query(read_graph(SAMPLE), sparql)
    there = remote.query(server + "/query", sparql)
    assert there.columns == local.columns
    assert sorted(there.rows, key=repr) == sorted(local.rows, key=repr)
    capsys.readouterr()
    assert main(["query", "--endpoint", server + "/query", name, "--format", "tsv"]) == 0
    out = capsys.readouterr().out
    assert out.splitlines()[0] == "\t".join(f"?{c}" for c in local.columns)
    assert len(out.splitlines()) == len(local.rows) + 1


def test_remote_errors_are_one_line(server, capsys):
    with pytest.raises(QueryError) as info:
        remote.query(server + "/query", "SELEKT * WHERE { ?s ?p ?o }")
    assert "\n" not in str(info.value) and "400" in str(info.value)
    with pytest.raises(GraphError, match="http"):
        remote.load(build_graph([make_small_article_graph()]), "ftp://example.org/store")
    code = main(["query", "--endpoint", "http://127.0.0.1:9/query", "ASK {}"])
    assert code == 2
    err = capsys.readouterr().err
    assert err.startswith("kg: error:") and len(err.splitlines()) == 1
