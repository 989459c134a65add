"""The page as a user sees it: headless Chromium, file://, network blocked (marked `browser`).

Skipped, with the reason, where Chromium, chromedriver or selenium is missing (.ci/run installs
Debian's chromium and chromium-driver).
"""
from __future__ import annotations

import json
import time
from pathlib import Path

import pytest

from browser import chromium_driver, missing, wait_until_ready
from conftest import make_small_article_graph
from kg.analyze import to_networkx
from kg.model import Action, Affiliation, Article, ArticleGraph, Entity, Evidence, Statement
from kg.rdf.build import build_graph
from kg.rdf.io import read_graph
from kg.render import COMMUNITY_COLOURS, TYPE_COLOURS, render_html, write_html
from kg.render.data import merged_edges

pytestmark = [pytest.mark.browser, pytest.mark.skipif(missing() is not None, reason=str(missing()))]
ROOT = Path(__file__).resolve().parents[1]
SAMPLE_PAGE = ROOT / "graphs" / "xinjiang-report.html"
SAMPLE_TTL = ROOT / "graphs" / "xinjiang-report.ttl"

# Anything that runs sets window.__pwned (alert and friends are replaced before the page loads).
TRAP = """
window.__pwned = undefined;
['alert', 'confirm', 'prompt'].forEach(function (f) { window[f] = function () { window.__pwned = f; }; });
"""


@pytest.fixture(scope="module")
def driver():
    with chromium_driver(width=1400, height=900) as d:
        d.execute_cdp_cmd("Page.addScriptToEvaluateOnNewDocument", {"source": TRAP})
        yield d


def _open(driver, path: Path) -> dict:
    driver.get(path.resolve().as_uri())
    return wait_until_ready(driver, timeout=60)


def _node_id(driver, name: str) -> str:
    return driver.execute_script(
        "var ids = nodes.getIds(); for (var i = 0; i < ids.length; i++) {"
        "  if (nodes.get(ids[i]).label === arguments[0]) { return ids[i]; } } return null;", name)


def _click_node(driver, node_id: str) -> None:
    """Click where the node is drawn, as a user would."""
    from selenium.webdriver.common.action_chains import ActionChains
    from selenium.webdriver.common.by import By

    canvas = driver.find_element(By.CSS_SELECTOR, "#mynetwork canvas")
    x, y, width, height = driver.execute_script(
        "var p = network.canvasToDOM(network.getPositions([arguments[0]])[arguments[0]]);"
        "var r = arguments[1].getBoundingClientRect(); return [p.x, p.y, r.width, r.height];", node_id, canvas)
    assert 0 < x < width and 0 < y < height, "the node is off screen"
    ActionChains(driver).move_to_element_with_offset(canvas, int(x - width / 2), int(y - height / 2)).click().perform()


def _panel(driver) -> str:
    return driver.execute_script("return document.getElementById('kg-panel').textContent")


def test_sample_page_draws_every_node_and_edge_offline(driver):
    timings = _open(driver, SAMPLE_PAGE)
    G = to_networkx(read_graph(SAMPLE_TTL))
    drawn = driver.execute_script(
        "return [nodes.length, edges.length, network.body.nodeIndices.length, network.body.edgeIndices.length]")
    assert drawn == [G.number_of_nodes(), len(merged_edges(G)), G.number_of_nodes(), len(merged_edges(G))]
    assert G.number_of_nodes() > 10
    # the layout holds still: positions do not change after the page is ready
    before = driver.execute_script("return network.getPositions()")
    time.sleep(0.5)
    assert driver.execute_script("return network.getPositions()") == before
    assert driver.execute_script("return network.physics.options.enabled") is False
    # nothing was fetched but the page itself
    resources = driver.execute_script("return performance.getEntriesByType('resource').map(function (e) { return e.name; })")
    assert [r for r in resources if not r.startswith(("file:", "data:", "blob:"))] == []
    assert driver.execute_script("return window.__pwned") is None
    assert timings["ready"] > 0
    heading = driver.execute_script("return document.querySelector('h1').textContent")
    assert "Xinjiang" in heading


def test_click_a_speaker_shows_their_statements_with_sources(driver):
    _open(driver, SAMPLE_PAGE)
    bachelet = _node_id(driver, "Michelle Bachelet")
    assert bachelet
    _click_node(driver, bachelet)
    assert driver.execute_script("return network.getSelectedNodes()") == [bachelet]
    text = _panel(driver)
    G = to_networkx(read_graph(SAMPLE_TTL))
    statements = G.nodes[bachelet]["statements"]
    assert statements and f"Statements made ({len(statements)})" in text
    for statement in statements:
        assert statement["text"] in text and statement["sentence"] in text
    assert "Also called" in text and "Bachelet" in text
    assert "Affiliations" in text and "United Nations" in text
    assert "Mentioned in" in text
    # clicking on empty canvas closes the panel
    driver.execute_script("window.kgShowPanel(null)")
    assert "Click a node" in _panel(driver)


def test_search_a_name(driver):
    from selenium.webdriver.common.by import By

    _open(driver, SAMPLE_PAGE)
    box = driver.find_element(By.ID, "kg-search")
    box.send_keys("richardson")
    richardson = _node_id(driver, "Sophie Richardson")
    assert driver.execute_script("return network.getSelectedNodes()") == [richardson]
    assert driver.find_element(By.ID, "kg-status").text == "1 match"
    assert driver.execute_script("return document.querySelector('#kg-panel h2').textContent") == "Sophie Richardson"
    box.clear()
    box.send_keys("U.N.")  # an alias
    assert _node_id(driver, "United Nations") in driver.execute_script("return network.getSelectedNodes()")
    box.clear()
    box.send_keys("zzz-nobody")
    assert driver.find_element(By.ID, "kg-status").text == "no match"


def test_filter_a_type_and_colour_by_community(driver):
    from selenium.webdriver.common.by import By
    from selenium.webdriver.support.ui import Select

    _open(driver, SAMPLE_PAGE)
    analysis = json.loads((ROOT / "graphs" / "xinjiang-report.analysis.json").read_text(encoding="utf-8"))
    places = analysis["counts"]["entities_by_type"]["Place"]
    total = analysis["counts"]["entities"]
    visible = "return nodes.get({filter: function (n) { return !n.hidden; }}).length"
    driver.find_element(By.CSS_SELECTOR, 'input[data-type="Place"]').click()
    assert driver.execute_script(visible) == total - places
    assert driver.find_element(By.ID, "kg-status").text == f"{total - places} of {total} entities shown"
    hidden_edges_ok = driver.execute_script(
        "return edges.get().every(function (e) {"
        "  var gone = nodes.get(e.from).hidden || nodes.get(e.to).hidden; return !!e.hidden === !!gone; })")
    assert hidden_edges_ok
    driver.find_element(By.CSS_SELECTOR, 'input[data-type="Place"]').click()
    assert driver.execute_script(visible) == total

    Select(driver.find_element(By.ID, "kg-colour")).select_by_value("community")
    leader = analysis["communities"][0]["member_ids"][0]
    colour = driver.execute_script("return nodes.get(arguments[0]).color.background", leader)
    assert colour == COMMUNITY_COLOURS[0]
    assert driver.find_element(By.ID, "kg-legend-community").is_displayed()
    Select(driver.find_element(By.ID, "kg-colour")).select_by_value("type")
    node_type = next(n["type"] for n in analysis["nodes"] if n["id"] == leader)
    assert driver.execute_script("return nodes.get(arguments[0]).color.background", leader) == TYPE_COLOURS[node_type]


def test_hover_an_edge_shows_its_evidence(driver):
    from selenium.webdriver.common.action_chains import ActionChains
    from selenium.webdriver.common.by import By

    _open(driver, SAMPLE_PAGE)
    # an affiliation edge: a short one whose middle is free of nodes
    edge = driver.execute_script(
        "var e = edges.get().filter(function (e) { return e.title.indexOf('(affiliation)') !== -1; })[0];"
        "var pt = network.body.edges[e.id].edgeType.getPoint(0.5);"
        "var d = network.canvasToDOM(pt); return [e.title, d.x, d.y];")
    title, x, y = edge
    canvas = driver.find_element(By.CSS_SELECTOR, "#mynetwork canvas")
    width, height = canvas.size["width"], canvas.size["height"]
    ActionChains(driver).move_to_element_with_offset(canvas, int(x - width / 2), int(y - height / 2)).perform()
    deadline = time.time() + 5
    shown = ""
    while time.time() < deadline:
        shown = driver.execute_script(
            "var t = document.querySelector('div.vis-tooltip');"
            "return t && t.style.visibility !== 'hidden' ? t.innerText : ''")
        if shown:
            break
        time.sleep(0.1)
    assert shown.strip() == title.strip()


HOSTILE_NAME = '<img src=x onerror="window.__pwned=\'img\'"> Li "Wei"'
HOSTILE_ORG = "<script>window.__pwned='script'</script> & Co's"
HOSTILE_QUOTE = ('</script><script>window.__pwned="break-out"</script> <a href="javascript:window.__pwned=\'js\'">'
                 'click</a> \' " onmouseover="window.__pwned=\'attr\'"')


def hostile_article() -> ArticleGraph:
    """An article whose names, quotes, roles and headline are all markup and script."""
    base = make_small_article_graph()
    text = base.article.text + f"\n{HOSTILE_NAME} of {HOSTILE_ORG} said “{HOSTILE_QUOTE}”.\n"
    start = text.index(HOSTILE_NAME)
    evidence = Evidence(start=start, end=len(text) - 1, text=text[start:-1])
    q = text.index(HOSTILE_QUOTE)
    li = Entity(key="img-li-wei", type="Person", name=HOSTILE_NAME, aliases=("javascript:alert(1)",))
    org = Entity(key="script-co", type="Organization", name=HOSTILE_ORG)
    statement = Statement(speaker=li.ref, speaker_text=HOSTILE_NAME, cue="said", speech_act="accuse",
                          content=HOSTILE_QUOTE, quote_type="direct", content_start=q, content_end=q + len(HOSTILE_QUOTE),
                          evidence=evidence, mentions=(org.ref, "Place/china"))
    affiliation = Affiliation(person=li.ref, organization=org.ref, role='<b onclick="x()">boss</b>', evidence=evidence)
    action = Action(agent=li.ref, verb="<i>accused</i>", lemma="accuse", object=org.ref, evidence=evidence)
    article = Article(id="hostile", text=text, headline=f"<script>window.__pwned='title'</script> {HOSTILE_NAME}",
                      source="hostile.txt")
    return ArticleGraph(article=article, entities=base.entities + (li, org),
                        statements=base.statements + (statement,), affiliations=base.affiliations + (affiliation,),
                        actions=base.actions + (action,), model=base.model)


def test_hostile_article_shows_markup_as_text_and_runs_nothing(driver, tmp_path):
    from selenium.webdriver.common.by import By

    page = write_html(render_html(build_graph([hostile_article()])), tmp_path / "hostile.html")
    _open(driver, page)
    # open every node's panel, hover nothing in particular, search, switch colours
    ids = driver.execute_script("return nodes.getIds()")
    for node in ids:
        driver.execute_script("window.kgShowPanel(arguments[0])", node)
    li = _node_id(driver, HOSTILE_NAME)
    _click_node(driver, li)
    panel = _panel(driver)
    assert HOSTILE_NAME in panel and HOSTILE_QUOTE in panel and '<b onclick="x()">boss</b>' in panel
    driver.find_element(By.ID, "kg-search").send_keys("<img")
    assert driver.execute_script("return network.getSelectedNodes()") == [li]
    assert driver.execute_script("return document.querySelector('h1').textContent").startswith("<script>")
    assert driver.execute_script("return document.title").startswith("<script>")
    # nothing ran, and no element came from the data
    assert driver.execute_script("return window.__pwned") is None
    assert driver.execute_script("return document.querySelectorAll('img, a, iframe, object, embed').length") == 0
    assert driver.execute_script("return document.scripts.length") == 4  # utils, vis-network, pyvis, ours
    assert driver.execute_script("return document.querySelectorAll('[onclick], [onerror], [onmouseover]').length") == 0
    errors = [e for e in driver.get_log("browser") if e["level"] == "SEVERE"]
    assert errors == []
