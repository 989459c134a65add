"""Time to first stable render of a large merged corpus in headless Chromium (not a unit test).

Builds a synthetic actor graph in the kg RDF shape (default 2,000 entities, 5,000 facts, spread
over 40 "articles" with a few hubs, as a merged corpus looks), renders it with kg.render, opens the
page from file:// with the network blocked and reports:

- Python: analysis and page generation (layout included);
- browser: navigation start -> vis-network's first draw -> ``window.kgReady`` (layout drawn and
  still: kg computes positions in Python and vis' physics is off, so there is nothing to settle);
- responsiveness: the time a search, a type filter and a colour switch take on that page.

    .venv/bin/python bench/render_bench.py                 # 2000 nodes, 5000 edges
    .venv/bin/python bench/render_bench.py --nodes 500 --edges 1200 --keep /tmp/big.html
"""
from __future__ import annotations

import argparse
import random
import sys
import tempfile
import time
from pathlib import Path

from rdflib import Graph, Literal, Namespace

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "tests"))

from browser import chromium_driver, wait_until_ready  # noqa: E402
from kg.analyze import analyze  # noqa: E402
from kg.rdf.vocab import KG, ORG, QUOTE_TYPE_IRIS, RDF, SCHEMA, speech_act_iri  # noqa: E402
from kg.render import render_html, write_html  # noqa: E402

ID = Namespace("https://kg.example.org/id/")
TYPES = [("person", SCHEMA.Person, 0.45), ("organization", SCHEMA.Organization, 0.25),
         ("place", SCHEMA.Place, 0.22), ("group", KG.Group, 0.08)]
ACTS = ["say", "say", "say", "claim", "accuse", "deny", "urge", "criticize", "reject"]


def corpus(n_nodes: int, n_edges: int, seed: int = 1) -> Graph:
    """A merged corpus in kg's RDF shape: entities, statements with mentions, memberships, actions."""
    rng = random.Random(seed)
    g = Graph()
    entities = []
    for i in range(n_nodes):
        r, acc = rng.random(), 0.0
        for kind, cls, share in TYPES:
            acc += share
            if r <= acc:
                break
        node = ID[f"{kind}/entity-{i:05d}"]
        g.add((node, RDF.type, cls))
        g.add((node, SCHEMA.name, Literal(f"{kind.title()} {i:05d}")))
        entities.append((node, kind))
    people = [e for e, k in entities if k == "person"]
    orgs = [e for e, k in entities if k == "organization"]
    weights = [1.0 / (1 + i) ** 0.8 for i in range(n_nodes)]  # a few hubs, a long tail
    articles = [ID[f"article/a{j:02d}"] for j in range(40)]
    for j, article in enumerate(articles):
        g.add((article, RDF.type, SCHEMA.NewsArticle))
        g.add((article, SCHEMA.identifier, Literal(f"a{j:02d}")))
        g.add((article, SCHEMA.headline, Literal(f"Synthetic article {j}")))
    for n in range(n_edges):
        article = articles[n % len(articles)]
        roll = rng.random()
        if roll < 0.12 and people and orgs:
            m = ID[f"membership/b/{n:05d}"]
            g.add((m, RDF.type, ORG.Membership))
            g.add((m, ORG.member, rng.choice(people)))
            g.add((m, ORG.organization, rng.choice(orgs)))
            g.add((m, KG.sentence, Literal(f"Evidence sentence {n}.")))
            g.add((m, SCHEMA.isPartOf, article))
        elif roll < 0.3:
            a = ID[f"action/b/{n:05d}"]
            agent, target = rng.choices(entities, weights)[0][0], rng.choices(entities, weights)[0][0]
            g.add((a, RDF.type, SCHEMA.Action))
            g.add((a, SCHEMA.agent, agent))
            g.add((a, SCHEMA.object, target))
            g.add((a, SCHEMA.name, Literal("accused")))
            g.add((a, KG.verbLemma, Literal("accuse")))
            g.add((a, KG.sentence, Literal(f"Evidence sentence {n}.")))
            g.add((a, SCHEMA.isPartOf, article))
        else:
            s = ID[f"statement/b/{n:05d}"]
            speaker = rng.choice(people) if people else entities[0][0]
            target = rng.choices(entities, weights)[0][0]
            g.add((s, RDF.type, KG.Statement))
            g.add((s, RDF.type, SCHEMA.Quotation))
            g.add((s, SCHEMA.creator, speaker))
            g.add((s, SCHEMA.mentions, target))
            g.add((s, SCHEMA.text, Literal(f"Statement {n} about something.")))
            g.add((s, KG.cue, Literal("said")))
            g.add((s, KG.speechAct, speech_act_iri(rng.choice(ACTS))))
            g.add((s, KG.quoteType, QUOTE_TYPE_IRIS["indirect"]))
            g.add((s, KG.sentence, Literal(f"Evidence sentence {n}.")))
            g.add((s, SCHEMA.isPartOf, article))
    return g


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--nodes", type=int, default=2000)
    parser.add_argument("--edges", type=int, default=5000)
    parser.add_argument("--runs", type=int, default=3, help="page loads to time")
    parser.add_argument("--keep", help="also write the page here")
    args = parser.parse_args()

    graph = corpus(args.nodes, args.edges)
    t0 = time.perf_counter()
    analysis = analyze(graph)
    t1 = time.perf_counter()
    page = render_html(graph, analysis=analysis)
    t2 = time.perf_counter()
    print(f"corpus: {analysis.counts.entities} entities, {analysis.counts.edges} facts,"
          f" {len(graph)} triples; page {len(page) / 1e6:.1f} MB")
    print(f"python: analyze {t1 - t0:.1f} s, render (layout included) {t2 - t1:.1f} s")

    with tempfile.TemporaryDirectory() as tmp:
        path = write_html(page, Path(args.keep) if args.keep else Path(tmp) / "bench.html")
        with chromium_driver(width=1400, height=900) as driver:
            for run in range(1, args.runs + 1):
                driver.get(path.resolve().as_uri())
                t = wait_until_ready(driver, timeout=300)
                drawn = driver.execute_script("return [nodes.length, edges.length, network.body.nodeIndices.length,"
                                              " network.body.edgeIndices.length]")
                print(f"browser run {run}: first draw {t['firstDraw']:.0f} ms, stable (kgReady) {t['ready']:.0f} ms"
                      f" after navigation start; drawn {drawn[2]} nodes, {drawn[3]} edges")
            timing = driver.execute_script("""
                function frame() { return new Promise(function (r) { requestAnimationFrame(function () { r(); }); }); }
                var out = {};
                var t = performance.now(); window.kgSearch('Person 0001'); network.redraw();
                out.search = performance.now() - t;
                var box = document.querySelector('input[data-type="Place"]');
                t = performance.now(); box.click(); network.redraw(); out.filter = performance.now() - t;
                box.click();
                var sel = document.getElementById('kg-colour'); sel.value = 'community';
                t = performance.now(); sel.dispatchEvent(new Event('change')); network.redraw();
                out.colour = performance.now() - t;
                t = performance.now(); network.moveTo({scale: 1.5}); network.redraw(); out.zoom = performance.now() - t;
                return out;""")
            print("interaction: " + ", ".join(f"{k} {v:.0f} ms" for k, v in timing.items()))
    return 0


if __name__ == "__main__":
    sys.exit(main())
