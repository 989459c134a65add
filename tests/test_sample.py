"""End to end on the bundled sample with the real spaCy model (marked `model`)."""
from __future__ import annotations

from pathlib import Path

import pytest

from kg.cli import main
from kg.rdf.io import read_graph
from kg.rdf.query import run_query
from kg.resources import bundled_queries, sample_article

pytestmark = pytest.mark.model
ROOT = Path(__file__).resolve().parents[1]
COMMITTED = ROOT / "graphs"


@pytest.fixture(scope="module")
def sample_graph():
    import kg

    return kg.ingest(sample_article())


@pytest.fixture(scope="module")
def fresh_outputs(tmp_path_factory):
    out = tmp_path_factory.mktemp("graphs")
    assert main(["ingest", "--out", str(out)]) == 0
    return out


OUTPUTS = ["xinjiang-report.ttl", "xinjiang-report.analysis.json", "xinjiang-report.analysis.ttl",
           "xinjiang-report.report.md", "xinjiang-report.html"]


@pytest.mark.parametrize("name", OUTPUTS)
def test_committed_outputs_are_what_the_code_produces(fresh_outputs, name):
    assert (fresh_outputs / name).read_bytes() == (COMMITTED / name).read_bytes(), (
        f"graphs/{name} is stale: run `make run` and commit graphs/")


def test_output_is_deterministic(fresh_outputs, tmp_path):
    assert main(["ingest", "--out", str(tmp_path)]) == 0
    for name in OUTPUTS:
        assert (tmp_path / name).read_bytes() == (fresh_outputs / name).read_bytes()


def test_entities_have_one_node_and_their_aliases(sample_graph):
    by_name = {e.name: e for e in sample_graph.entities}
    assert {"Ms. Bachelet", "Bachelet"} <= set(by_name["Michelle Bachelet"].aliases)
    assert "U.N." in by_name["United Nations"].aliases
    assert by_name["Uyghurs"].type == "Group"
    names = {n.lower() for e in sample_graph.entities for n in (e.name, *e.aliases)}
    assert not names & {"georgeskef", "n’t", "beijing’s", "wednesday"}


def test_statements_have_speakers_cues_and_exact_offsets(sample_graph):
    text = sample_graph.article.text
    for s in sample_graph.statements:
        assert text[s.content_start : s.content_end] == s.content
        assert text[s.evidence.start : s.evidence.end] == s.evidence.text
    rows = {(s.speaker, s.cue, s.quote_type, s.content) for s in sample_graph.statements}
    assert ("Person/dolkun", "said", "direct", "Accountability begins now.") in rows
    assert ("Person/tahir-imin", "said", "indirect", "he didn’t expect it to reach such a strong conclusion") in rows
    # the article's one unclosed quote mark costs nothing: the quote runs to its paragraph's end
    brooks = [s for s in sample_graph.statements if s.speaker == "Person/sarah-m-brooks" and s.quote_type == "direct"]
    assert brooks and brooks[0].content.endswith("held accountable.")


def test_affiliations_with_roles(sample_graph):
    found = {(a.person, a.organization, a.role) for a in sample_graph.affiliations}
    assert ("Person/sophie-richardson", "Organization/human-rights-watch", "China director") in found
    assert ("Person/dolkun", "Organization/world-uyghur-congress", "president") in found
    assert ("Person/sarah-m-brooks", "Organization/international-service-for-human-rights", "program director") in found


def test_bundled_queries_answer_on_the_sample():
    graph = read_graph(COMMITTED / "xinjiang-report.ttl")
    rows = {name: run_query(graph, path.read_text(encoding="utf-8")) for name, path in bundled_queries().items()}
    who = rows["who-said-what"]
    speaker = who.columns.index("speaker")
    assert sum(1 for r in who.rows if r[speaker] == "Sophie Richardson") == 3
    aff = rows["affiliations"]
    pairs = {(r[aff.columns.index("person")], r[aff.columns.index("organization")]) for r in aff.rows}
    assert ("Dolkun", "World Uyghur Congress") in pairs and ("Zhao Lijian", "China") in pairs
    mentioning = rows["statements-mentioning"]
    assert len(mentioning.rows) >= 5  # statements about China
    actions = rows["who-accuses-whom"]
    assert any("China" in r and "detained" in r for r in actions.rows)


def test_the_five_most_central_people_by_sparql():
    graph = read_graph(COMMITTED / "xinjiang-report.analysis.ttl")
    rows = run_query(graph, bundled_queries()["most-central"].read_text(encoding="utf-8")).rows
    assert len(rows) == 5 and "Michelle Bachelet" in [r[0] for r in rows]
    report = (COMMITTED / "xinjiang-report.report.md").read_text(encoding="utf-8")
    assert "## Conflicts" in report and "| Office of the United Nations High Commissioner for Human Rights | China |" in report
