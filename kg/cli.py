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
    """
    from kg.resources import sample_article
    from kg.workflow import ingest_to_files

    paths = [Path(p) for p in args.articles] or [sample_article()]
    failed = []
    for i, path in enumerate(paths, 1):
        _progress(f"[{i}/{len(paths)}] {path.name}")
        try:
            written = ingest_to_files(path, Path(args.out), model=args.model, base=args.base)
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
    """Run a SPARQL SELECT on a graph file and print the rows.

    Example:
        kg query graphs/xinjiang-report.ttl -f ontology/queries/who-said-what.rq
        kg query graphs/xinjiang-report.ttl 'SELECT ?name WHERE { ?p a schema:Person ; schema:name ?name }' --format csv
    """
    from kg.rdf.io import read_graph
    from kg.rdf.query import format_csv, format_json, format_table, run_query
    from kg.resources import bundled_queries

    if args.list:
        for name, path in bundled_queries().items():
            print(f"{name:28} {_summary_line(path)}")
        return EXIT_OK
    if args.graph is None:
        raise KgError("give a graph file (and a query, or -f FILE)")
    if args.file:
        sparql = _read_text(Path(args.file))
    elif args.sparql is None:
        raise KgError("give a query: a SPARQL string, a bundled query name, or -f FILE")
    elif args.sparql in bundled_queries():
        sparql = _read_text(bundled_queries()[args.sparql])
    else:
        sparql = args.sparql
    result = run_query(read_graph(args.graph), sparql)
    formatter = {"table": format_table, "csv": format_csv, "json": format_json}[args.format]
    sys.stdout.write(formatter(result))
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
    """Print the NetworkX analysis of a graph: central actors, speakers, communities.

    Example:
        kg analyze graphs/xinjiang-report.ttl
        kg analyze graphs/xinjiang-report.ttl --json > analysis.json
    """
    from kg.analyze import analysis_json, analyze, format_report
    from kg.rdf.io import read_graph

    analysis = analyze(read_graph(args.graph), top=args.top)
    sys.stdout.write(analysis_json(analysis) if args.json else format_report(analysis))
    return EXIT_OK


def cmd_render(args: argparse.Namespace) -> int:
    """Write the interactive page of a graph (self-contained, works offline).

    Example:
        kg render graphs/xinjiang-report.ttl -o graph.html
    """
    from kg.rdf.io import read_graph
    from kg.render import render_html, write_html

    graph_path = Path(args.graph)
    out = Path(args.output) if args.output else graph_path.with_suffix(".html")
    write_html(render_html(read_graph(graph_path)), out)
    print(f"page: {out}")
    return EXIT_OK


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

    query = add("query", cmd_query, "run a SPARQL SELECT on a graph")
    query.add_argument("graph", nargs="?", help="a graph file (.ttl, .nt, ...)")
    query.add_argument("sparql", nargs="?", help="a SPARQL query, or the name of a bundled query")
    query.add_argument("-f", "--file", help="read the query from this .rq file")
    query.add_argument("--format", choices=("table", "csv", "json"), default="table")
    query.add_argument("--list", action="store_true", help="list the bundled queries")

    validate = add("validate", cmd_validate, "check a graph against the SHACL shapes")
    validate.add_argument("graph")

    analyze = add("analyze", cmd_analyze, "print the NetworkX analysis of a graph")
    analyze.add_argument("graph")
    analyze.add_argument("--top", type=int, default=10, help="how many actors to list")
    analyze.add_argument("--json", action="store_true", help="print the analysis as JSON")

    render = add("render", cmd_render, "write the interactive HTML page of a graph")
    render.add_argument("graph")
    render.add_argument("-o", "--output", help="the page to write (default: GRAPH with .html)")
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
