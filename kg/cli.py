"""The kg command line: a thin shell over the library. Only this module prints and exits.

Exit codes: 0 success; 1 a graph does not conform (validate) or some articles failed (ingest);
2 bad input or usage (a one-line message, never a traceback).
"""
from __future__ import annotations

import argparse
import sys
from pathlib import Path

from kg.errors import KgError

EXIT_OK, EXIT_FAILED, EXIT_ERROR = 0, 1, 2


def cmd_ingest(args: argparse.Namespace) -> int:
    """Ingest articles into Turtle, an analysis and a page each.

    Example:
        kg ingest                                   # the bundled sample article
        kg ingest news/a.txt news/b.txt --out graphs/
        kg ingest story.txt --format trig            # story.trig: the article in its named graph
    """
    from kg.resources import sample_article
    from kg.workflow import ingest_to_files

    paths = [Path(p) for p in args.articles] or [sample_article()]
    failed = []
    for i, path in enumerate(paths, 1):
        _progress(f"[{i}/{len(paths)}] {path.name}")
        try:
            written = ingest_to_files(path, Path(args.out), model=args.model, base=args.base,
                                      format=args.format)
        except KgError as exc:
            failed.append(path)
            print(f"kg: error: {exc}", file=sys.stderr)
            continue
        print(written.summary())
    if failed:
        print(f"kg: {len(failed)} of {len(paths)} article(s) failed: " + ", ".join(str(p) for p in failed), file=sys.stderr)
        return EXIT_FAILED if len(failed) < len(paths) else EXIT_ERROR
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
        raise KgError(f"{path}: cannot read ({exc})") from None


def _summary_line(path: Path) -> str:
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.startswith("#"):
            return line.lstrip("# ").strip()
    return ""


def _progress(message: str) -> None:
    print(message, file=sys.stderr, flush=True)


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

    ingest = add("ingest", cmd_ingest, "articles -> Turtle, analysis JSON and an HTML page")
    ingest.add_argument("articles", nargs="*", help="UTF-8 text files (default: the bundled sample article)")
    ingest.add_argument("--out", default="graphs", help="output folder (default: graphs/)")
    ingest.add_argument("--model", default=None, help="an installed spaCy pipeline (default: en_core_web_sm)")
    ingest.add_argument("--base", default=None, help="base IRI of the minted resources")
    ingest.add_argument("--format", default="ttl", choices=("ttl", "nt", "trig", "nquads", "jsonld"),
                        help="graph file format (default: ttl); trig and nquads put the article in its named graph")

    query = add("query", cmd_query, "run a SPARQL SELECT on a graph")
    query.add_argument("graph", nargs="?", help="a graph file (.ttl, .nt, ...)")
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
    analyze.add_argument("graph", nargs="+", help="one graph file, or several to analyse merged")
    analyze.add_argument("--top", type=int, default=10, help="how many actors to list")
    analyze.add_argument("--json", action="store_true", help="print the analysis as JSON")
    analyze.add_argument("--markdown", action="store_true", help="print the report as Markdown (as NAME.report.md)")

    render = add("render", cmd_render, "write the interactive HTML page of a graph")
    render.add_argument("graph", nargs="+", help="one graph file, or several to draw merged")
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
