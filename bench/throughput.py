"""The corpus benchmark (not a test; nothing is downloaded).

    .venv/bin/python bench/throughput.py                # a quick run, a minute or two
    .venv/bin/python bench/throughput.py --articles 100 --memory 200,2000 --triples 1000000   # the README's figures

It builds synthetic corpora by recombining the paragraphs of the bundled sample article with the
people's names substituted (seeded, so every run builds the same corpus), then prints:

1. throughput: bare spaCy ``nlp.pipe`` (words/s, the same model and process count, whole articles,
   the better of 4 and 16 articles per batch) against ``kg ingest --into STORE`` (reading, parsing, extraction,
   RDF, the store), and their ratio, at each ``--jobs`` count; both warm (bare spaCy on 4 articles,
   kg on one article into a scratch store, so that lazily loaded data is not timed);
2. peak memory (max RSS, each run in a fresh subprocess, ``--jobs 1``) of ``kg ingest --into`` for
   each ``--memory`` corpus size;
3. on a corpus of about ``--triples`` triples: the time to load it into a store (kg's
   one-transaction-per-article path, and Oxigraph's bulk loader from N-Quads), the median latency
   of each query in ontology/queries/ on the store and on an rdflib in-memory graph, and the time
   to serialise the merged graph as Turtle and N-Triples.

It imports spaCy and pyoxigraph directly, which kg itself does only in kg/nlp.py, kg/extract/ and
kg/rdf/: it measures kg against them.
"""
from __future__ import annotations

import argparse
import json
import os
import random
import re
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from contextlib import redirect_stdout
from pathlib import Path

FIRST = ("Anna", "Omar", "Lena", "David", "Mei", "Carlos", "Fatima", "Jonas", "Priya", "Ivan", "Grace",
         "Kofi", "Elena", "Tomas", "Aisha", "Peter", "Yuki", "Maria", "Samuel", "Nadia", "Hassan", "Julia",
         "Arjun", "Sofia", "Daniel", "Leila", "Marco", "Ingrid", "Felix", "Rosa")
LAST = ("Novak", "Haddad", "Larsen", "Okafor", "Chen", "Moreno", "Rahman", "Keller", "Sharma", "Petrov",
        "Mensah", "Rossi", "Tanaka", "Silva", "Nguyen", "Fischer", "Kowalski", "Ibrahim", "Lindqvist",
        "Dubois", "Costa", "Mahmoud", "Andersen", "Kaplan", "Reyes", "Weber", "Osei", "Horvat", "Farah", "Ortiz")
# the people of the sample article, token by token: first-name tokens and surname tokens
SAMPLE_FIRST = ("Michelle", "Sophie", "Tahir", "Sarah", "Lijian")
SAMPLE_LAST = ("Bachelet", "Richardson", "Dolkun", "Imin", "Brooks", "Zhao")


def _sample_parts() -> tuple[str, list[str]]:
    from kg.resources import sample_article

    lines = [line.strip() for line in sample_article().read_text(encoding="utf-8").splitlines() if line.strip()]
    headline = lines[0]
    body = [line for line in lines[1:] if not line.startswith("By ") and len(line.split()) > 3]
    return headline, body


def synthetic_article(seed: int, *, paragraphs: int = 12) -> str:
    """One synthetic article: the sample's headline, a byline and ``paragraphs`` of its paragraphs in
    their order, every person renamed (the same renaming throughout the article)."""
    headline, body = _sample_parts()
    rng = random.Random(seed)
    chosen = sorted(rng.sample(range(len(body)), min(paragraphs, len(body))))
    names = {token: rng.choice(FIRST) for token in SAMPLE_FIRST}
    names.update({token: rng.choice(LAST) for token in SAMPLE_LAST})
    pattern = re.compile(r"\b(" + "|".join(names) + r")\b")
    text = "\n\n".join([headline, f"By {rng.choice(FIRST)} {rng.choice(LAST)}"] + [body[i] for i in chosen])
    return pattern.sub(lambda m: names[m.group(1)], text) + "\n"


def write_corpus(folder: Path, n: int, *, start: int = 0) -> list[Path]:
    """Write ``n`` synthetic articles (seeds start..start+n-1) into ``folder``."""
    folder.mkdir(parents=True, exist_ok=True)
    paths = []
    for seed in range(start, start + n):
        path = folder / f"article-{seed:06d}.txt"
        path.write_text(synthetic_article(seed), encoding="utf-8")
        paths.append(path)
    return paths


def _words(paths: list[Path]) -> int:
    return sum(len(p.read_text(encoding="utf-8").split()) for p in paths)


def _kg_ingest(args: list[str]) -> int:
    from kg.cli import main

    with open(os.devnull, "w") as null, redirect_stdout(null):
        saved, sys.stderr = sys.stderr, null
        try:
            return main(["ingest", *args])
        finally:
            sys.stderr = saved


def throughput(folder: Path, paths: list[Path], jobs: int, work: Path) -> dict:
    """Bare nlp.pipe and kg ingest --into on the same articles, in words per second."""
    from kg.nlp import load_pipeline

    nlp = load_pipeline(None)
    texts = [p.read_text(encoding="utf-8") for p in paths]
    words = _words(paths)
    list(nlp.pipe(texts[:4]))  # warm up
    bare = float("inf")
    for batch in (4, 16):  # articles per batch; the better of two, so that bare spaCy is not handicapped
        t = time.perf_counter()
        for _ in nlp.pipe(texts, n_process=jobs, batch_size=batch):
            pass
        bare = min(bare, time.perf_counter() - t)
    store = work / f"throughput-{jobs}"
    shutil.rmtree(store, ignore_errors=True)
    _kg_ingest([str(paths[0]), "--into", str(work / "warm-up")])  # warm, as bare spaCy is: lazy data loaded
    shutil.rmtree(work / "warm-up", ignore_errors=True)
    t = time.perf_counter()
    code = _kg_ingest([str(folder), "--into", str(store), "--jobs", str(jobs)])
    kg = time.perf_counter() - t
    if code != 0:
        raise SystemExit(f"kg ingest failed with exit code {code}")
    return {"jobs": jobs, "articles": len(paths), "words": words, "bare_s": bare, "kg_s": kg,
            "bare_wps": words / bare, "kg_wps": words / kg, "ratio": bare / kg}


def memory_child(folder: str, store: str, jobs: int) -> None:
    """(In a subprocess) kg ingest --into, then print the peak RSS and the time spent in the store."""
    from kg.rdf.store import Store

    spent = [0.0]
    put = Store.put_article

    def timed(self, *args, **kwargs):
        t = time.perf_counter()
        try:
            return put(self, *args, **kwargs)
        finally:
            spent[0] += time.perf_counter() - t

    Store.put_article = timed
    t = time.perf_counter()
    code = _kg_ingest([folder, "--into", store, "--jobs", str(jobs)])
    total = time.perf_counter() - t
    with Store(store, read_only=True) as s:
        triples, quads = s.triple_count(), s.quad_count()
    peak_kib = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    print(json.dumps({"code": code, "peak_mib": peak_kib / 1024, "seconds": total, "store_s": spent[0],
                      "triples": triples, "quads": quads}))


def memory(n: int, work: Path, *, jobs: int = 1) -> dict:
    folder = work / f"corpus-{n}"
    paths = write_corpus(folder, n) if not folder.exists() else sorted(folder.glob("*.txt"))
    store = work / f"store-{n}"
    shutil.rmtree(store, ignore_errors=True)
    out = subprocess.run([sys.executable, str(Path(__file__).resolve()), "--child-memory", str(folder), str(store),
                          str(jobs)], check=True, capture_output=True, text=True)
    result = json.loads(out.stdout.strip().splitlines()[-1])
    result.update(articles=n, words=_words(paths), store=str(store))
    return result


def big_corpus(work: Path, triples: int, known: list[dict]) -> dict:
    """A store of about ``triples`` merged triples: a memory run's store when one is close, else a new one."""
    for run in sorted(known, key=lambda r: -r["triples"]):
        if 0.8 * triples <= run["triples"] <= 1.5 * triples:
            return run
    per_article = max(r["triples"] / r["articles"] for r in known) if known else 500
    n = max(1, round(triples / per_article))
    return memory(n, work, jobs=2)


def _median_time(fn, repeat: int) -> float:
    times = []
    for _ in range(repeat):
        t = time.perf_counter()
        fn()
        times.append(time.perf_counter() - t)
    return statistics.median(times)


class _Timeout(BaseException):  # not Exception: run_query wraps those
    pass


def _rdflib_time(fn, repeat: int, limit: int) -> float | None:
    """Median time of ``fn`` on rdflib, or None when one run takes over ``limit`` seconds (SIGALRM)."""
    import signal

    def alarm(signum, frame):
        raise _Timeout

    previous = signal.signal(signal.SIGALRM, alarm)
    try:
        signal.alarm(limit)
        try:
            first = _median_time(fn, 1)
        except _Timeout:
            return None
        finally:
            signal.alarm(0)
        return statistics.median([first] + [_median_time(fn, 1) for _ in range(repeat - 1)])
    finally:
        signal.signal(signal.SIGALRM, previous)


def _corpus_examples(store) -> dict[str, str]:
    """Values the synthetic corpus holds for the queries' example VALUES (the sample's people are
    renamed there): the busiest speaker's name and one of their statements."""
    found = store.query("""PREFIX schema: <https://schema.org/>
        SELECT ?name (MIN(STR(?statement)) AS ?first) (COUNT(?statement) AS ?n)
        WHERE { ?statement schema:creator ?person . ?person a schema:Person ; schema:name ?name }
        GROUP BY ?name ORDER BY DESC(?n) ?name LIMIT 1""").rows
    if not found:
        return {}
    name, first = (str(found[0][0]), str(found[0][1]))
    return {"Sophie Richardson": name, "https://kg.example.org/id/statement/xinjiang-report/001": first}


def _bound_to_corpus(sparql: str, examples: dict[str, str]) -> str:
    """The query with its example VALUES replaced by ones the corpus holds, so that it finds rows."""
    for sample_value, corpus_value in examples.items():
        sparql = sparql.replace(sample_value, corpus_value)
    return sparql


def queries(store_path: Path, work: Path, *, repeat: int, rdflib_repeat: int, rdflib_limit: int = 60) -> dict:
    """Load times, query latencies on the store and on rdflib, serialisation times."""
    import pyoxigraph

    from kg.rdf.io import serialize
    from kg.rdf.query import run_query
    from kg.resources import bundled_queries
    from kg.rdf.store import Store

    out: dict = {}
    # the store's queries first, in a process that holds no rdflib graph (as kg query runs): a
    # million rdflib terms in memory make Python's garbage collector slow down every query after
    rows = {}
    with Store(store_path, read_only=True) as store:
        examples = _corpus_examples(store)
        for name, path in bundled_queries().items():
            sparql = _bound_to_corpus(path.read_text(encoding="utf-8"), examples)
            n = len(store.query(sparql).rows)
            rows[name] = {"rows": n, "store_ms": _median_time(lambda: store.query(sparql), repeat) * 1000}
    with Store(store_path, read_only=True) as store:
        t = time.perf_counter()
        dataset_nq = store._store.dump(format=pyoxigraph.RdfFormat.N_QUADS)
        out["dump_nquads_s"] = time.perf_counter() - t
        out["triples"] = store.triple_count()
        out["quads"] = store.quad_count()
        out["articles"] = len(store.articles())
        t = time.perf_counter()
        graph = store.graph()
        out["rdflib_load_s"] = time.perf_counter() - t
    # Oxigraph's bulk loader, from the N-Quads of the articles' graphs and the merged graph
    bulk = work / "bulk-store"
    shutil.rmtree(bulk, ignore_errors=True)
    t = time.perf_counter()
    fresh = pyoxigraph.Store(str(bulk))
    fresh.bulk_load(dataset_nq, format=pyoxigraph.RdfFormat.N_QUADS)
    fresh.flush()
    out["bulk_load_s"] = time.perf_counter() - t
    del fresh, dataset_nq
    shutil.rmtree(bulk, ignore_errors=True)
    for name, path in bundled_queries().items():
        sparql = _bound_to_corpus(path.read_text(encoding="utf-8"), examples)
        on_rdflib = _rdflib_time(lambda: run_query(graph, sparql), rdflib_repeat, rdflib_limit)
        rows[name]["rdflib_ms"] = None if on_rdflib is None else on_rdflib * 1000
        shown = f"> {rdflib_limit * 1000:8d}" if on_rdflib is None else f"{on_rdflib * 1000:10.1f}"
        print(f"  {name:26} {rows[name]['rows']:6d} rows  store {rows[name]['store_ms']:9.1f} ms   "
              f"rdflib {shown} ms", flush=True)
    out["queries"] = rows
    for fmt in ("nt", "turtle"):
        t = time.perf_counter()
        text = serialize(graph, fmt)
        out[f"serialize_{fmt}_s"] = time.perf_counter() - t
        out[f"serialize_{fmt}_mib"] = len(text.encode("utf-8")) / 2 ** 20
        del text
    return out


def machine() -> str:
    import platform

    try:
        mem = os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") / 2 ** 30
    except (ValueError, OSError):
        mem = float("nan")
    cpu = platform.processor() or platform.machine()
    try:
        for line in Path("/proc/cpuinfo").read_text().splitlines():
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    import spacy

    from kg.nlp import load_pipeline, model_id

    return (f"{os.cpu_count()} cores ({cpu}), {mem:.0f} GiB RAM, Python {platform.python_version()}, "
            f"spaCy {spacy.__version__}, {model_id(load_pipeline(None))}")


def main(argv: list[str] | None = None) -> int:
    args = _parser().parse_args(argv)
    if args.child_memory:
        memory_child(args.child_memory[0], args.child_memory[1], int(args.child_memory[2]))
        return 0
    skip = set(filter(None, args.skip.split(",")))
    work = Path(args.work) if args.work else Path(tempfile.mkdtemp(prefix="kg-bench-"))
    work.mkdir(parents=True, exist_ok=True)
    report: dict = {"machine": machine()}
    print(f"machine: {report['machine']}", flush=True)
    try:
        if "throughput" not in skip:
            report["throughput"] = _run_throughput(args, work)
        runs = []
        if "memory" not in skip:
            runs = report["memory"] = _run_memory(args, work)
        if "queries" not in skip:
            report["queries"] = _run_queries(args, work, runs)
    finally:
        if not args.work:
            shutil.rmtree(work, ignore_errors=True)
    print("\n" + json.dumps(report, indent=1, default=str)[:20000] if os.environ.get("KG_BENCH_JSON") else "")
    return 0


def _parser() -> argparse.ArgumentParser:
    parser = argparse.ArgumentParser(prog="bench/throughput.py", description=__doc__,
                                     formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--articles", type=int, default=30, help="articles for the throughput runs (default 30)")
    parser.add_argument("--jobs", default="1,2", help="process counts for the throughput runs (default 1,2)")
    parser.add_argument("--memory", default="20,200", help="corpus sizes for peak memory (default 20,200)")
    parser.add_argument("--triples", type=int, default=50_000, help="size of the query corpus (default 50000)")
    parser.add_argument("--repeat", type=int, default=5, help="runs per query on the store (median)")
    parser.add_argument("--rdflib-repeat", type=int, default=3, help="runs per query on rdflib (median)")
    parser.add_argument("--rdflib-limit", type=int, default=60, help="seconds before an rdflib query is given up")
    parser.add_argument("--store", help="run the query part on this existing store instead of ingesting one")
    parser.add_argument("--work", help="folder for corpora and stores (default: a temporary one, removed)")
    parser.add_argument("--skip", default="", help="parts to skip: throughput,memory,queries")
    parser.add_argument("--child-memory", nargs=3, help=argparse.SUPPRESS)
    return parser


def _run_throughput(args: argparse.Namespace, work: Path) -> list[dict]:
    folder = work / f"corpus-{args.articles}"
    paths = write_corpus(folder, args.articles) if not folder.exists() else sorted(folder.glob("*.txt"))
    results = []
    print(f"\nthroughput, {len(paths)} articles, {_words(paths)} words", flush=True)
    for jobs in (int(j) for j in args.jobs.split(",")):
        r = throughput(folder, paths, jobs, work)
        results.append(r)
        print(f"  jobs {jobs}: bare nlp.pipe {r['bare_wps']:8.0f} words/s   kg ingest --into "
              f"{r['kg_wps']:8.0f} words/s   ratio {r['ratio']:.2f}", flush=True)
    return results


def _run_memory(args: argparse.Namespace, work: Path) -> list[dict]:
    runs = []
    print("\npeak memory (kg ingest --into, --jobs 1, each in a fresh process)", flush=True)
    for n in (int(x) for x in args.memory.split(",")):
        r = memory(n, work)
        runs.append(r)
        print(f"  {n:6d} articles: peak RSS {r['peak_mib']:7.0f} MiB, {r['seconds']:7.1f} s "
              f"({r['words'] / r['seconds']:.0f} words/s; store {r['store_s']:.1f} s), "
              f"{r['triples']} triples merged, {r['quads']} quads", flush=True)
    if len(runs) > 1:
        print(f"  ratio largest/smallest: {runs[-1]['peak_mib'] / runs[0]['peak_mib']:.2f}", flush=True)
    return runs


def _run_queries(args: argparse.Namespace, work: Path, runs: list[dict]) -> dict:
    if args.store:
        big = {"store": args.store}
        print(f"\nquery corpus: {args.store}", flush=True)
    else:
        big = big_corpus(work, args.triples, runs)
        print(f"\nquery corpus: {big['articles']} articles ingested in {big['seconds']:.1f} s "
              f"(of which {big['store_s']:.1f} s writing the store, one transaction per article)", flush=True)
    q = queries(Path(big["store"]), work, repeat=args.repeat, rdflib_repeat=args.rdflib_repeat,
                rdflib_limit=args.rdflib_limit)
    print(f"  {q['articles']} articles, {q['triples']} triples merged ({q['quads']} quads in the "
          f"articles' graphs)", flush=True)
    print(f"  load: Oxigraph bulk load of the N-Quads dump {q['bulk_load_s']:.1f} s; into an rdflib "
          f"Graph {q['rdflib_load_s']:.1f} s", flush=True)
    print(f"  serialise (kg.rdf.io, rdflib): N-Triples {q['serialize_nt_s']:.1f} s "
          f"({q['serialize_nt_mib']:.0f} MiB), Turtle {q['serialize_turtle_s']:.1f} s "
          f"({q['serialize_turtle_mib']:.0f} MiB); Oxigraph N-Quads dump {q['dump_nquads_s']:.1f} s", flush=True)
    return {**q, "ingest": big}


if __name__ == "__main__":
    sys.exit(main())
