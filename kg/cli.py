"""The kg command line: a thin shell over the library. Only this module prints and exits.

Exit codes: 0 success; 1 a graph does not conform (validate) or some articles failed (ingest);
2 bad input or usage (a one-line message, never a traceback).
"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

from kg.errors import KgError, one_line

EXIT_OK, EXIT_FAILED, EXIT_ERROR = 0, 1, 2


def cmd_ingest(args: argparse.Namespace) -> int:
    """Ingest articles — files, folders (recursively: *.txt and *.html), globs, or - (one article on
    standard input) — into Turtle, an analysis and a page each, or (--into) into a store.

    Example:
        kg ingest                                   # the bundled sample article
        kg ingest news/a.txt news/b.txt --out graphs/
        kg ingest news/ 'archive/**/*.html' --into corpus/ --jobs 2
        kg ingest - --name story --into corpus/ < story.html
        kg ingest story.txt --format trig            # story.trig: the article in its named graph
    """
    from kg.corpus import expand_inputs
    from kg.resources import sample_article

    if args.jobs < 1 or args.batch_size < 1:
        raise KgError("--jobs and --batch-size must be at least 1")
    sources = expand_inputs(args.articles or [str(sample_article())], stdin_name=args.name)
    out = Path(args.out) if args.out or not args.into else None
    store = None
    if args.into:
        from kg.rdf.store import Store

        store = Store(args.into)
    try:
        failed = _ingest_all(sources, out, store, args)
        if store is not None:
            store.optimize()  # after a large run: compacted, the store answers queries faster
            print(f"{args.into}: {len(store.articles())} article(s), {store.triple_count()} triples merged")
    finally:
        if store is not None:
            store.close()
    if failed:
        print(f"kg: {len(failed)} of {len(sources)} article(s) failed: " + ", ".join(failed), file=sys.stderr)
        return EXIT_FAILED if len(failed) < len(sources) else EXIT_ERROR
    return EXIT_OK


def _ingest_all(sources: list, out: Path | None, store, args: argparse.Namespace) -> list[str]:
    """Ingest every source into ``out`` (its files) and ``store``, printing a line each; the labels
    of those that failed. The store writes one article while the next is parsed."""
    from kg.errors import ArticleError
    from kg.pipeline import ingest_many
    from kg.progress import Progress
    from kg.resolve import join_known_entities

    failed = []
    writing = None  # (name, label, ArticleGraph, Future): the article the store is writing meanwhile

    def written() -> None:
        """Wait for the article the store is writing; print its line, or its error."""
        nonlocal writing
        name, label, article_graph, future = writing
        try:
            put = future.result()  # a Ctrl-C here leaves ``writing`` set: the finally below reports it
        except KgError as exc:
            writing = None
            failed.append(label)
            progress.write(f"kg: error: {exc}")
            return
        writing = None
        ag = article_graph
        print(f"{name}: {len(ag.entities)} entities, {len(ag.statements)} statements, {len(ag.affiliations)} "
              f"affiliations, {len(ag.actions)} actions, {put.triples} triples -> {args.into} "
              f"({'replaced' if put.replaced else 'added'})")

    with Progress(len(sources)) as progress:
        results = ingest_many(sources, model=args.model, jobs=args.jobs, batch_size=args.batch_size)
        try:
            for source, result in zip(sources, results):
                try:
                    if isinstance(result, ArticleError):
                        raise result
                    if out is not None:
                        _write_files(result, source.name, out, args)
                    if store is not None:
                        if writing is not None:
                            written()  # one article in flight at most, whole before the next joins it
                        result = join_known_entities(result, store.names_with)
                        triples, article = _article_triples(result, args)
                        writing = (source.name, source.label, result, store.put_article_soon(triples, article))
                except KgError as exc:
                    failed.append(source.label)
                    progress.write(f"kg: error: {exc}")
                progress.step(source.name)
        finally:  # on Ctrl-C too: the write in flight is whole, and reported
            if writing is not None:
                written()
    return failed


def _write_files(article_graph, name: str, out: Path, args: argparse.Namespace) -> None:
    """Write one ingested article's files into ``out`` and print its summary."""
    from kg.workflow import write_article_files

    print(write_article_files(article_graph, out, name=name, base=args.base, format=args.format).summary())


def _article_triples(article_graph, args: argparse.Namespace) -> tuple[list, str]:
    """An ingested article's triples (no rdflib Graph: the store's fast path) and its IRI."""
    from kg.rdf.build import article_triples
    from kg.rdf.iri import article_iri
    from kg.rdf.vocab import DEFAULT_BASE

    base = args.base or DEFAULT_BASE
    return article_triples([article_graph], base=base), str(article_iri(article_graph.article.id, base=base))


def cmd_export(args: argparse.Namespace) -> int:
    """Write out a store's corpus: the merged graph (turtle, nt, jsonld), or every article in its own
    named graph (trig, nquads).

    Example:
        kg export corpus/ --format trig -o corpus.trig
        kg export corpus/ --format nt > corpus.nt
    """
    from kg.rdf.io import output_format, serialize, write_graph
    from kg.rdf.store import Store

    fmt = output_format(args.format)
    with Store(args.store, read_only=True) as store:
        data = store.dataset() if fmt.quads else store.graph()
        base = store.base()
    if args.output:
        write_graph(data, args.output, fmt.rdflib, base=base)
        print(f"wrote {args.output}", file=sys.stderr)
    else:
        sys.stdout.write(serialize(data, fmt.rdflib, base=base))
    return EXIT_OK


def cmd_query(args: argparse.Namespace) -> int:
    """Run a SPARQL SELECT on a graph file (or a store's endpoint) and print the rows.

    Example:
        kg query graphs/xinjiang-report.ttl -f ontology/queries/who-said-what.rq
        kg query graphs/xinjiang-report.ttl 'SELECT ?name WHERE { ?p a schema:Person ; schema:name ?name }' --format csv
        kg query --endpoint http://localhost:7878/query who-said-what --format tsv
    """
    from kg.rdf.io import read_graph
    from kg.rdf.query import format_csv, format_json, format_table, format_tsv, run_query
    from kg.resources import bundled_queries

    if args.list:
        for name, path in bundled_queries().items():
            print(f"{name:28} {_summary_line(path)}")
        return EXIT_OK
    if args.endpoint and args.graph is not None and args.sparql is None:
        args.graph, args.sparql = None, args.graph  # with --endpoint the one positional is the query
    if args.graph is None and not args.endpoint:
        raise KgError("give a graph file (and a query, or -f FILE), or --endpoint URL")
    if args.file:
        sparql = _read_text(Path(args.file))
    elif args.sparql is None:
        raise KgError("give a query: a SPARQL string, a bundled query name, or -f FILE")
    elif args.sparql in bundled_queries():
        sparql = _read_text(bundled_queries()[args.sparql])
    else:
        sparql = args.sparql
    if args.endpoint:
        from kg.rdf.remote import query as remote_query

        result = remote_query(args.endpoint, sparql)
    else:
        from kg.rdf.store import Store, is_store

        if is_store(args.graph):  # a store answers on its own (Oxigraph), on its merged graph
            with Store(args.graph, read_only=True) as store:
                result = store.query(sparql)
        else:
            result = run_query(read_graph(args.graph), sparql)
    formatter = {"table": format_table, "csv": format_csv, "json": format_json, "tsv": format_tsv}[args.format]
    sys.stdout.write(formatter(result))
    return EXIT_OK


def cmd_load(args: argparse.Namespace) -> int:
    """Load graph files into a running store (SPARQL 1.1 Graph Store Protocol), each article into its
    named graph (the article's IRI); loading again replaces that graph.

    Example:
        oxigraph serve --location store &          # or Fuseki, GraphDB, ...
        kg load graphs/xinjiang-report.ttl --endpoint http://localhost:7878/store
        kg query --endpoint http://localhost:7878/query who-said-what
    """
    from kg.rdf.io import read_graph
    from kg.rdf.remote import load

    for path in args.graph:
        for loaded in load(read_graph(path), args.endpoint):
            print(f"{path}: {loaded.triples} triples into <{loaded.graph}> (HTTP {loaded.status})")
    return EXIT_OK


def cmd_validate(args: argparse.Namespace) -> int:
    """Check a graph against the SHACL shapes of ontology/shapes.ttl (exit 0 conforms, 1 not).

    Example:
        kg validate graphs/xinjiang-report.ttl
    """
    from kg.rdf.io import read_graph
    from kg.rdf.shapes import validate

    result = validate(read_graph(args.graph))
    if result.conforms:
        print(f"{args.graph}: conforms to the kg shapes")
        return EXIT_OK
    print(result.text)
    print(f"{args.graph}: does NOT conform to the kg shapes", file=sys.stderr)
    return EXIT_FAILED


def cmd_analyze(args: argparse.Namespace) -> int:
    """Print the NetworkX analysis of one graph, or of several merged: actors, speakers, communities, conflicts.

    Example:
        kg analyze graphs/xinjiang-report.ttl
        kg analyze graphs/a.ttl graphs/b.ttl --markdown > report.md
        kg analyze graphs/xinjiang-report.ttl --json > analysis.json
    """
    from kg.analyze import analysis_json, analyze, format_markdown, format_report

    analysis = analyze(_read_graphs(args.graph), top=args.top)
    if args.json:
        sys.stdout.write(analysis_json(analysis))
    else:
        sys.stdout.write(format_markdown(analysis, top=args.top) if args.markdown else format_report(analysis))
    return EXIT_OK


def cmd_render(args: argparse.Namespace) -> int:
    """Write the interactive page of a graph (self-contained, works offline).

    Example:
        kg render graphs/xinjiang-report.ttl -o graph.html
    """
    from kg.render import render_html, write_html

    graph_path = Path(args.graph[0])
    out = Path(args.output) if args.output else graph_path.with_suffix(".html")
    write_html(render_html(_read_graphs(args.graph)), out)
    print(f"page: {out}")
    return EXIT_OK


def _read_graphs(paths: list[str]):
    """One graph file, or the union of several (a merged corpus: shared entity IRIs become one node)."""
    from kg.rdf.io import read_graph

    graph = read_graph(paths[0])
    for path in paths[1:]:
        graph += read_graph(path)
    return graph


def _read_text(path: Path) -> str:
    try:
        return path.read_text(encoding="utf-8")
    except FileNotFoundError:
        raise KgError(f"{path}: no such file") from None
    except (OSError, UnicodeDecodeError) as exc:
        raise KgError(f"{path}: cannot read ({one_line(exc)})") from None


def _summary_line(path: Path) -> str:
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.startswith("#"):
            return line.lstrip("# ").strip()
    return ""


def _add_ingest_arguments(ingest: argparse.ArgumentParser) -> None:
    """The arguments of ``kg ingest``."""
    from kg.rdf.io import FORMATS

    ingest.add_argument("articles", nargs="*", help="UTF-8 text or HTML files, folders (searched recursively "
                        "for *.txt and *.html), globs, or - for one article on stdin (default: the bundled sample)")
    ingest.add_argument("--out", default=None, help="output folder (default: graphs/, or none with --into)")
    ingest.add_argument("--into", metavar="STORE", help="add the articles to this store folder (Oxigraph), "
                        "one named graph per article; ingesting an article again replaces its graph")
    ingest.add_argument("--jobs", type=int, default=1, help="parser worker processes (default: 1)")
    ingest.add_argument("--batch-size", type=int, default=128, help="paragraphs per parser batch (default: 128)")
    ingest.add_argument("--name", default="stdin", help="the name (and article id) of an article read from - "
                        "(default: stdin)")
    ingest.add_argument("--model", default=None, help="an installed spaCy pipeline (default: en_core_web_sm)")
    ingest.add_argument("--base", default=None, help="base IRI of the minted resources")
    ingest.add_argument("--format", default="ttl", choices=tuple(FORMATS),
                        help="graph file format (default: ttl); trig and nquads put the article in its named graph")


def build_parser() -> argparse.ArgumentParser:
    """The argument parser of every subcommand; each command's help ends in an example."""
    parser = argparse.ArgumentParser(prog="kg", description="Knowledge graphs from news articles: "
                                     "who said what, about whom, on behalf of which organisation.")
    commands = parser.add_subparsers(dest="command", metavar="COMMAND")

    def add(name: str, func, help_text: str) -> argparse.ArgumentParser:
        doc = func.__doc__ or ""
        sub = commands.add_parser(name, help=help_text, description=doc,
                                  formatter_class=argparse.RawDescriptionHelpFormatter)
        sub.set_defaults(func=func)
        return sub

    _add_ingest_arguments(add("ingest", cmd_ingest, "articles -> Turtle, analysis JSON and an HTML page"))

    from kg.rdf.io import FORMATS

    export = add("export", cmd_export, "write out a store's corpus (turtle, nt, trig, nquads, jsonld)")
    export.add_argument("store", help="a store folder (kg ingest --into STORE)")
    export.add_argument("--format", default="turtle", choices=("turtle", *FORMATS),
                        help="turtle (default), nt, jsonld: the merged graph; trig, nquads: one named graph per article")
    export.add_argument("-o", "--output", help="the file to write (default: standard output)")

    query = add("query", cmd_query, "run a SPARQL SELECT on a graph")
    query.add_argument("graph", nargs="?", help="a graph file (.ttl, .nt, ...) or a store folder")
    query.add_argument("sparql", nargs="?", help="a SPARQL query, or the name of a bundled query")
    query.add_argument("-f", "--file", help="read the query from this .rq file")
    query.add_argument("--format", choices=("table", "csv", "json", "tsv"), default="table",
                       help="a readable table (default), or the SPARQL results formats CSV, JSON, TSV")
    query.add_argument("--endpoint", metavar="URL", help="query a store's SPARQL endpoint instead of a file")
    query.add_argument("--list", action="store_true", help="list the bundled queries")

    load_ = add("load", cmd_load, "load graph files into a running store, one named graph per article")
    load_.add_argument("graph", nargs="+", help="graph files (.ttl, .nt, .trig, .nq, .jsonld)")
    load_.add_argument("--endpoint", required=True, metavar="URL",
                       help="the store's Graph Store Protocol endpoint (Oxigraph: http://localhost:7878/store)")

    validate = add("validate", cmd_validate, "check a graph against the SHACL shapes")
    validate.add_argument("graph")

    analyze = add("analyze", cmd_analyze, "print the NetworkX analysis of a graph")
    analyze.add_argument("graph", nargs="+", help="one graph file or store folder, or several to analyse merged")
    analyze.add_argument("--top", type=int, default=10, help="how many actors to list")
    analyze.add_argument("--json", action="store_true", help="print the analysis as JSON")
    analyze.add_argument("--markdown", action="store_true", help="print the report as Markdown (as NAME.report.md)")

    render = add("render", cmd_render, "write the interactive HTML page of a graph")
    render.add_argument("graph", nargs="+", help="one graph file or store folder, or several to draw merged")
    render.add_argument("-o", "--output", help="the page to write (default: the first GRAPH with .html)")
    return parser


def main(argv: list[str] | None = None) -> int:
    """Entry point of the `kg` command."""
    parser = build_parser()
    args = parser.parse_args(argv)
    if not getattr(args, "func", None):
        parser.print_help()
        return EXIT_ERROR
    try:
        return args.func(args)
    except KgError as exc:
        print(f"kg: error: {exc}", file=sys.stderr)
        return EXIT_ERROR
    except KeyboardInterrupt:
        print("kg: interrupted", file=sys.stderr)
        return 130
    except BrokenPipeError:
        return EXIT_OK


if __name__ == "__main__":
    sys.exit(main())
