"""Running SPARQL over a graph and formatting the answer as a table, CSV or SPARQL JSON results."""
from __future__ import annotations

import csv
import io
import json
import textwrap
import unicodedata
from dataclasses import dataclass, field

from rdflib import BNode, Graph, Literal, Namespace, URIRef

from kg.errors import QueryError, one_line
from kg.rdf.vocab import KG, ORG, PROV, RDF, RDFS, SCHEMA, XSD

# the prefixes a query may use without declaring them
STANDARD_PREFIXES: dict[str, str] = {
    "schema": str(SCHEMA), "org": str(ORG), "prov": str(PROV), "kg": str(KG),
    "rdfs": str(RDFS), "rdf": str(RDF), "xsd": str(XSD),
}
WRAP_WIDTH = 60


@dataclass(frozen=True)
class Term:
    """What kind of RDF term a result cell holds, for the SPARQL JSON results format."""

    type: str  # "uri", "literal" or "bnode"
    datatype: str | None = None
    lang: str | None = None


@dataclass(frozen=True)
class QueryResult:
    """A query's answer: column names and rows of cell values (None where a variable is unbound)."""

    columns: tuple[str, ...]
    rows: tuple[tuple[str | None, ...], ...]
    terms: tuple[tuple[Term | None, ...], ...] = field(default=(), compare=False, repr=False)


def _term(value) -> tuple[str | None, Term | None]:
    """A result cell's text and term kind."""
    if value is None:
        return None, None
    if isinstance(value, URIRef):
        return str(value), Term("uri")
    if isinstance(value, BNode):
        return str(value), Term("bnode")
    if isinstance(value, Literal):
        datatype = str(value.datatype) if value.datatype is not None else None
        return str(value), Term("literal", datatype, value.language)
    return str(value), Term("literal")


def run_query(graph: Graph, sparql: str) -> QueryResult:
    """Run a SPARQL query; schema, org, prov, kg, rdfs, rdf and xsd need no PREFIX line.

    SELECT gives its variables as columns, ASK one column "ask", CONSTRUCT and DESCRIBE the triples.

    >>> from kg.model import Article, ArticleGraph
    >>> from kg.rdf.build import build_graph
    >>> g = build_graph([ArticleGraph(Article(id="a", text="Hi.", headline="Hello"))])
    >>> run_query(g, "SELECT ?h WHERE { ?a schema:headline ?h }").rows
    (('Hello',),)
    """
    try:
        result = graph.query(sparql, initNs={p: Namespace(ns) for p, ns in STANDARD_PREFIXES.items()})
    except Exception as error:  # pyparsing.ParseException, unknown prefix (bare Exception), ...
        raise QueryError(f"bad SPARQL query: {one_line(error)}") from None
    try:
        if result.type == "ASK":
            value = Literal(bool(result.askAnswer))
            return QueryResult(("ask",), ((str(value).lower(),),), ((Term("literal", str(XSD.boolean)),),))
        if result.type in ("CONSTRUCT", "DESCRIBE"):
            columns = ("subject", "predicate", "object")
            triples = sorted(result.graph) if result.graph is not None else []
            cells = [tuple(_term(t) for t in triple) for triple in triples]
        else:
            columns = tuple(str(v) for v in result.vars)
            cells = [tuple(_term(row[i]) for i in range(len(columns))) for row in result]
    except Exception as error:  # evaluation errors surface while iterating
        raise QueryError(f"query failed: {one_line(error)}") from None
    rows = tuple(tuple(text for text, _ in row) for row in cells)
    terms = tuple(tuple(term for _, term in row) for row in cells)
    return QueryResult(columns, rows, terms)


def _visible(text: str) -> str:
    """``text`` safe for a terminal: tabs become spaces, other control characters \\xNN escapes."""
    return "".join(
        ch if ch in "\n\r" or unicodedata.category(ch) != "Cc" else " " if ch == "\t" else f"\\x{ord(ch):02x}"
        for ch in text
    )


def _wrap(cell: str | None, width: int) -> list[str]:
    """A cell's lines: its own line breaks kept, long lines wrapped at ``width``."""
    if cell is None or cell == "":
        return [""]
    lines: list[str] = []
    for line in _visible(cell).splitlines() or [""]:
        lines.extend(textwrap.wrap(line, width, break_long_words=True, break_on_hyphens=False) or [""])
    return lines


def _display_width(text: str) -> int:
    """Terminal columns ``text`` takes: wide (CJK, emoji) characters count 2, combining marks 0."""
    return sum(0 if unicodedata.combining(ch) else 2 if unicodedata.east_asian_width(ch) in "WF" else 1
               for ch in text)


def _count(n: int) -> str:
    """The row-count footer."""
    return f"{n} row(s)"


def format_table(result: QueryResult, *, width: int = WRAP_WIDTH) -> str:
    """The result as an aligned text table, long cells wrapped at about 60 characters, then "N row(s)"."""
    if not result.columns:
        return _count(len(result.rows)) + "\n"
    wrapped = [[_wrap(cell, width) for cell in row] for row in result.rows]
    widths = [_display_width(c) for c in result.columns]
    for row in wrapped:
        for i, lines in enumerate(row):
            widths[i] = max(widths[i], *(_display_width(line) for line in lines))

    def line(cells: list[str]) -> str:
        return "  ".join(c + " " * (w - _display_width(c)) for c, w in zip(cells, widths)).rstrip()

    out = [line(list(result.columns)), line(["-" * w for w in widths])]
    for row in wrapped:
        for k in range(max(len(lines) for lines in row)):
            out.append(line([lines[k] if k < len(lines) else "" for lines in row]))
    out.append(_count(len(result.rows)))
    return "\n".join(out) + "\n"


def format_csv(result: QueryResult) -> str:
    """The result as CSV with a header row; unbound cells are empty."""
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(result.columns)
    for row in result.rows:
        writer.writerow(["" if cell is None else cell for cell in row])
    return buffer.getvalue()


def _tsv_term(cell: str | None, term: Term | None) -> str:
    """A result cell in the SPARQL 1.1 TSV form: <iri>, "text"@lang, "v"^^<dt>, a bare integer, _:b."""
    if cell is None:
        return ""
    kind = term.type if term else "literal"
    if kind == "uri":
        return f"<{cell}>"
    if kind == "bnode":
        return f"_:{cell}"
    if term and term.datatype == str(XSD.integer) and cell.lstrip("-").isdigit() and cell == str(int(cell)):
        return cell
    escaped = (cell.replace("\\", "\\\\").replace('"', '\\"').replace("\t", "\\t")
               .replace("\n", "\\n").replace("\r", "\\r"))
    if term and term.lang:
        return f'"{escaped}"@{term.lang}'
    if term and term.datatype and term.datatype != str(XSD.string):
        return f'"{escaped}"^^<{term.datatype}>'
    return f'"{escaped}"'


def format_tsv(result: QueryResult) -> str:
    r"""The result in the SPARQL 1.1 Query Results TSV format: a "?var" header, RDF terms in Turtle form.

    >>> format_tsv(QueryResult(("n", "x"), (("Ann", None),), ((Term("literal"), None),))).splitlines()
    ['?n\t?x', '"Ann"\t']
    """
    lines = ["\t".join(f"?{c}" for c in result.columns)]
    for r, row in enumerate(result.rows):
        terms = result.terms[r] if r < len(result.terms) else (None,) * len(row)
        lines.append("\t".join(_tsv_term(cell, term) for cell, term in zip(row, terms)))
    return "\n".join(lines) + "\n"


def format_json(result: QueryResult) -> str:
    """The result in the SPARQL 1.1 Query Results JSON format ({"head": {"vars"}, "results": {"bindings"}})."""
    bindings = []
    for r, row in enumerate(result.rows):
        binding: dict[str, dict[str, str]] = {}
        for c, (name, cell) in enumerate(zip(result.columns, row)):
            if cell is None:
                continue
            term = result.terms[r][c] if r < len(result.terms) else None
            entry = {"type": term.type if term else "literal", "value": cell}
            if term and term.datatype:
                entry["datatype"] = term.datatype
            if term and term.lang:
                entry["xml:lang"] = term.lang
            binding[name] = entry
        bindings.append(binding)
    doc = {"head": {"vars": list(result.columns)}, "results": {"bindings": bindings}}
    return json.dumps(doc, ensure_ascii=False, indent=2) + "\n"
