"""kg.render: a self-contained, deterministic page in which article text is only ever text."""
from __future__ import annotations

import doctest
import json
import re

import pytest
from rdflib import Graph, Literal, Namespace

from kg.analyze import analyze, to_networkx
from kg.rdf import vocab  # SCHEMA stays qualified: pytest warns on a module-level SDO name
from kg.rdf.vocab import KG, ORG, QUOTE_TYPE_IRIS, RDF, RDFS
from kg.render import TYPE_COLOURS, render_html, write_html
from kg.render import data as data_module, layout, page as page_module
from kg.render.layout import layout_positions

ID = Namespace("https://kg.example.org/id/")
HOSTILE_NAME = "<script>alert(1)</script> O'Brien \"the\" & co"
HOSTILE_ALIAS = "<img src=x onerror=alert(1)>"
HOSTILE_TEXT = '</script><script>alert(2)</script> <img src=x onerror=alert(3)> javascript:alert(4) href="x"'
HOSTILE_TITLE = "<script>alert(5)</script> & report"
EVIL, ANN, ACME, PARIS, KURDS = (ID["person/evil"], ID["person/ann"], ID["organization/acme"],
                                 ID["place/paris"], ID["group/kurds"])


def triples():
    S = vocab.SCHEMA
    article = ID["article/a1"]
    t = [(article, RDF.type, S.NewsArticle), (article, S.headline, Literal("Acme <b>news</b>"))]
    for iri, cls, name in [(EVIL, S.Person, HOSTILE_NAME), (ANN, S.Person, "Ann Smith"),
                           (ACME, S.Organization, "Acme"), (PARIS, S.Place, "Paris"), (KURDS, KG.Group, "Kurds")]:
        t += [(iri, RDF.type, cls), (iri, S.name, Literal(name)), (article, S.mentions, iri)]
    t.append((EVIL, S.alternateName, Literal(HOSTILE_ALIAS)))
    for n, speaker, cue, text, mentions in [
        (1, EVIL, "said", HOSTILE_TEXT, [ANN, ACME]),
        (2, EVIL, "added", "More about Ann.", [ANN]),
        (3, ANN, "stated", "Paris is lovely.", [PARIS, KURDS]),
    ]:
        s = ID[f"statement/a1/{n:03d}"]
        t += [(s, RDF.type, S.Quotation), (s, RDF.type, KG.Statement), (s, S.creator, speaker),
              (s, KG.cue, Literal(cue)), (s, S.text, Literal(text)), (s, KG.quoteType, QUOTE_TYPE_IRIS["direct"]),
              (s, KG.sentence, Literal(f"Evidence {n}: {text}"))]
        t += [(s, S.mentions, m) for m in mentions]
    m, role = ID["membership/a1/ann--acme"], ID["role/ceo"]
    t += [(m, RDF.type, ORG.Membership), (m, ORG.member, ANN), (m, ORG.organization, ACME), (m, ORG.role, role),
          (role, RDFS.label, Literal("CEO <i>")), (m, KG.sentence, Literal("Ann, CEO of Acme."))]
    a = ID["action/a1/001"]
    t += [(a, RDF.type, S.Action), (a, S.agent, ACME), (a, S.object, PARIS), (a, S.name, Literal("left")),
          (a, KG.sentence, Literal("Acme left Paris."))]
    return t


def make_graph(reverse: bool = False) -> Graph:
    graph = Graph()
    for triple in (reversed(triples()) if reverse else triples()):
        graph.add(triple)
    return graph


@pytest.fixture(scope="module")
def page() -> str:
    return render_html(make_graph(), title=HOSTILE_TITLE)


def _dataset(page: str, name: str) -> list[dict]:
    match = re.search(rf"{name} = new vis\.DataSet\((.*?)\);\n", page)
    assert match, name
    return json.loads(match.group(1))


def _kg(page: str) -> dict:
    match = re.search(r"var kg = (.*?);\n", page)
    assert match
    return json.loads(match.group(1))


def _titles(page: str) -> dict[str, str]:
    return dict(_kg(page)["titles"])


def test_no_network_references(page):
    assert 'src="http' not in page and "src='http" not in page
    assert 'href="http' not in page and "href='http" not in page
    assert not re.search(r"https?://[^\s\"'<>]*(cdn|jsdelivr|unpkg|bootstrap)", page, re.I)
    assert not re.search(r"<script[^>]*\bsrc=", page)
    assert not re.search(r"<link\b", page)
    assert "vis.Network" in page  # vis-network is inlined
    assert "@import" not in page
    assert "node_modules" not in page and "sourceMappingURL" not in page


def test_pyvis_writes_no_files(tmp_path, monkeypatch):
    monkeypatch.chdir(tmp_path)
    render_html(make_graph())
    assert list(tmp_path.iterdir()) == []


def test_legend_and_heading(page):
    assert 'id="kg-legend"' in page
    for type_name, colour in TYPE_COLOURS.items():
        assert f'background:{colour}"></span>{type_name} (' in page
    assert len(set(TYPE_COLOURS.values())) == 4
    assert "<h1>&lt;script&gt;alert(5)&lt;/script&gt; &amp; report</h1>" in page
    assert "<title>&lt;script&gt;alert(5)&lt;/script&gt; &amp; report</title>" in page


def test_default_title_is_the_headline_escaped():
    assert "<h1>Acme &lt;b&gt;news&lt;/b&gt;</h1>" in render_html(make_graph())


def test_hostile_strings_never_appear_as_markup(page):
    for raw in ("<script>alert", "</script><script>", "<img src=x", "onerror=alert(1)>", "<b>news", "CEO <i>",
                'href="x"', "O'Brien"):
        assert raw not in page, raw
    # exactly the scripts we expect: utils.js, vis-network, pyvis' drawGraph, ours
    assert page.count("</script>") == 4
    assert "popup.innerHTML" not in page  # pyvis' HTML popup (used when a title contains "href") is off


def test_article_text_survives_as_text(page):
    nodes = {n["id"]: n for n in _dataset(page, "nodes")}
    assert nodes[str(EVIL)]["label"] == HOSTILE_NAME
    title = _titles(page)[str(EVIL)]
    assert title.splitlines()[:4] == [HOSTILE_NAME, "Person", f"Also called: {HOSTILE_ALIAS}",
                                      "2 statements made · mentioned in 0"]
    panel = _kg(page)["nodes"][str(EVIL)]
    assert panel["name"] == HOSTILE_NAME and panel["aliases"] == [HOSTILE_ALIAS]
    assert [s["text"] for s in panel["said"]] == [HOSTILE_TEXT, "More about Ann."]
    assert panel["said"][0]["sentence"] == f"Evidence 1: {HOSTILE_TEXT}"
    edges = _dataset(page, "edges")
    assert any(f"Evidence 1: {HOSTILE_TEXT}" in e["title"] for e in edges)
    # vis-network 9.1.2 shows string titles with innerText: plain text is the safe form
    assert "this.frame.innerText=t" in page


def test_nodes_coloured_by_type_and_sized_by_pagerank(page):
    graph = make_graph()
    ranks = {n.id: n.pagerank for n in analyze(graph).nodes}
    nodes = {n["id"]: n for n in _dataset(page, "nodes")}
    assert set(nodes) == {str(i) for i in (EVIL, ANN, ACME, PARIS, KURDS)}
    assert nodes[str(KURDS)]["color"] == TYPE_COLOURS["Group"]
    assert nodes[str(ACME)]["color"] == TYPE_COLOURS["Organization"]
    by_rank = sorted(nodes, key=lambda n: ranks[n])
    sizes = [nodes[n]["size"] for n in by_rank]
    assert sizes == sorted(sizes) and sizes[0] < sizes[-1]


def test_edges_labelled_and_parallel_edges_merged(page):
    edges = {(e["from"], e["to"]): e for e in _dataset(page, "edges")}
    assert len(edges) == 6  # evil->ann twice (statements 1 and 2) is drawn once
    assert edges[(str(EVIL), str(ANN))]["label"] == ""  # who speaks about whom: width and hover text only
    assert "1. said: Evidence 1" in edges[(str(EVIL), str(ANN))]["title"]
    assert "2. added: Evidence 2: More about Ann." in edges[(str(EVIL), str(ANN))]["title"]
    assert edges[(str(EVIL), str(ANN))]["width"] > edges[(str(EVIL), str(ACME))]["width"]
    assert edges[(str(ANN), str(ACME))]["label"] == "CEO <i>"  # JSON data, escaped in the page
    assert edges[(str(ACME), str(PARIS))]["label"] == "left"
    assert edges[(str(ANN), str(ACME))]["dashes"] is False and edges[(str(ANN), str(PARIS))]["dashes"] is True
    assert "Evidence 3: Paris is lovely." in edges[(str(ANN), str(PARIS))]["title"]
    assert edges[(str(ACME), str(PARIS))]["title"].endswith("left: Acme left Paris.")


def test_long_edge_labels_are_shortened_but_kept_in_the_hover_text():
    graph = make_graph()
    long_role = "spokesperson for the ministry of foreign affairs"
    graph.set((ID["role/ceo"], RDFS.label, Literal(long_role)))
    edges = {(e["from"], e["to"]): e for e in _dataset(render_html(graph), "edges")}
    edge = edges[(str(ANN), str(ACME))]
    assert edge["label"] == "spokesperson for the mi…"
    assert f"{long_role}: Ann, CEO of Acme." in edge["title"]


def test_layout_is_computed_and_holds_still(page):
    options = json.loads(re.search(r"var options = (\{.*?\});\n", page, re.S).group(1))
    assert options["physics"] == {"enabled": False}
    nodes = _dataset(page, "nodes")
    assert all(isinstance(n["x"], int) and isinstance(n["y"], int) for n in nodes)
    assert len({(n["x"], n["y"]) for n in nodes}) == len(nodes)
    assert "window.kgReady = true" in page


def test_panel_lists_affiliations_and_mentions(page):
    data = _kg(page)
    ann = data["nodes"][str(ANN)]
    assert ann["affiliations"] == [{"person": "Ann Smith", "role": "CEO <i>", "organization": "Acme",
                                    "sentence": "Ann, CEO of Acme."}]
    assert [(m["speaker"], m["cue"], m["text"]) for m in ann["mentioned"]] == [
        (HOSTILE_NAME, "said", HOSTILE_TEXT), (HOSTILE_NAME, "added", "More about Ann.")]
    assert data["nodes"][str(PARIS)]["actions"] == [{"agent": "Acme", "verb": "left", "object": "Paris",
                                                     "sentence": "Acme left Paris."}]
    assert set(data["typeColours"]) == set(TYPE_COLOURS)
    communities = {n["community"] for n in data["nodes"].values()}
    assert set(data["communityColours"]) <= {str(c) for c in communities}


def test_search_filter_and_colour_switch_are_on_the_page(page):
    assert 'id="kg-search"' in page and 'id="kg-colour"' in page and 'id="kg-panel"' in page
    for type_name in TYPE_COLOURS:
        assert f'data-type="{type_name}" checked' in page
    script = page[page.index("var kg = "):]
    assert "innerHTML" not in script and "insertAdjacentHTML" not in script and "document.write" not in script


def test_deterministic_bytes(page):
    assert render_html(make_graph(), title=HOSTILE_TITLE) == page
    assert render_html(make_graph(reverse=True), title=HOSTILE_TITLE) == page


def test_accepts_an_analysis():
    graph = make_graph()
    assert render_html(graph, analysis=analyze(graph)) == render_html(graph)


def test_empty_graph():
    page = render_html(Graph())
    assert "No entities in this graph." in page and "<h1>Knowledge graph</h1>" in page
    assert _dataset(page, "nodes") == [] and _titles(page) == {} and _kg(page)["nodes"] == {}


def test_write_html(tmp_path):
    page = render_html(make_graph())
    path = write_html(page, tmp_path / "out" / "graph.html")
    assert path.read_text(encoding="utf-8") == page
    assert [p.name for p in (tmp_path / "out").iterdir()] == ["graph.html"]


def test_layout_is_deterministic_and_wide():
    connected = [str(e) for e in (EVIL, ANN, ACME, PARIS)]
    pos = layout_positions(to_networkx(make_graph()).subgraph(connected))
    assert pos == layout_positions(to_networkx(make_graph(reverse=True)).subgraph(connected))
    xs, ys = [p[0] for p in pos.values()], [p[1] for p in pos.values()]
    assert max(xs) - min(xs) >= max(ys) - min(ys)
    assert all(isinstance(v, int) for p in pos.values() for v in p)
    assert layout_positions(to_networkx(Graph())) == {}


@pytest.mark.parametrize("module", [data_module, layout, page_module])
def test_doctests(module):
    assert doctest.testmod(module).failed == 0
