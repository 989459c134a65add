"""The command line as a user meets it: help, errors, exit codes, nothing half-written."""
from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

from kg.cli import build_parser, main

ROOT = Path(__file__).resolve().parents[1]
SAMPLE_GRAPH = ROOT / "graphs" / "xinjiang-report.ttl"


def run(capsys, *argv):
    code = main(list(argv))
    out, err = capsys.readouterr()
    return code, out, err


def test_every_command_has_help_with_an_example():
    parser = build_parser()
    commands = parser._subparsers._group_actions[0].choices
    assert set(commands) == {"ingest", "export", "query", "load", "validate", "analyze", "render"}
    for name, sub in commands.items():
        assert "Example:" in sub.format_help(), name


@pytest.mark.model  # kg ingest loads the model before it reads the first article
@pytest.mark.parametrize("content, message", [
    (None, "no such file"),
    (b"", "empty article"),
    (b"  \n\t \n", "empty article"),
    (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "binary file"),
    ("Caf\u00e9 owner said it.".encode("latin-1"), "not UTF-8"),
])
def test_bad_article_is_one_line_error_and_writes_nothing(tmp_path, capsys, content, message):
    article = tmp_path / "bad.txt"
    if content is not None:
        article.write_bytes(content)
    out_dir = tmp_path / "out"
    code, _, err = run(capsys, "ingest", str(article), "--out", str(out_dir))
    assert code == 2
    error_lines = [line for line in err.splitlines() if line.startswith("kg: error:")]
    assert len(error_lines) == 1 and message in error_lines[0] and "bad.txt" in error_lines[0]
    assert "Traceback" not in err
    assert not out_dir.exists() or not any(out_dir.iterdir())


def test_missing_graph_and_bad_query_are_one_line_errors(tmp_path, capsys):
    code, _, err = run(capsys, "validate", str(tmp_path / "nope.ttl"))
    assert code == 2 and err.count("\n") == 1 and "no such graph file" in err
    code, _, err = run(capsys, "query", str(SAMPLE_GRAPH), "SELECT ?x WHERE { ?x ?y }")
    assert code == 2 and err.startswith("kg: error:") and err.count("\n") == 1


def test_broken_graph_does_not_validate(tmp_path, capsys):
    from kg.rdf.io import read_graph, write_graph
    from kg.rdf.vocab import SCHEMA

    graph = read_graph(SAMPLE_GRAPH)
    graph.remove((None, SCHEMA.text, None))  # statements without their content
    broken = write_graph(graph, tmp_path / "broken.ttl")
    assert run(capsys, "validate", str(SAMPLE_GRAPH))[0] == 0
    code, out, err = run(capsys, "validate", str(broken))
    assert code == 1 and "does NOT conform" in err
    assert "text" in out


def test_query_list_and_named_query(capsys):
    code, out, _ = run(capsys, "query", "--list")
    assert code == 0 and "who-said-what" in out
    code, out, _ = run(capsys, "query", str(SAMPLE_GRAPH), "affiliations", "--format", "csv")
    assert code == 0 and "Sophie Richardson" in out and "China director" in out


def test_traceback_never_reaches_the_terminal(tmp_path):
    result = subprocess.run([sys.executable, "-m", "kg", "analyze", str(tmp_path / "x.ttl")],
                            capture_output=True, text=True, cwd=tmp_path)
    assert result.returncode == 2
    assert result.stderr.strip().startswith("kg: error:") and "Traceback" not in result.stderr
