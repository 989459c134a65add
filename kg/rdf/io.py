"""Reading and writing graph files; what kg writes is byte-identical for the same graph.

Formats (``FORMATS``, the one table of them, by the name ``kg ingest --format`` takes): Turtle
(``ttl``, the default), N-Triples (``nt``), TriG (``trig``) and N-Quads (``nquads``), which put each
article's triples in the named graph of its IRI, and JSON-LD (``jsonld``) with an inline context
(kg.rdf.jsonld). ``kg export --format`` also takes ``turtle``; a file's suffix says how to read it.
"""
from __future__ import annotations

import os
from pathlib import Path

from dataclasses import dataclass

from rdflib import BNode, Dataset, Graph
from rdflib.util import guess_format

from kg.errors import GraphError, one_line
from kg.fileio import write_text_atomic
from kg.rdf.store import is_store, read_store_graph


@dataclass(frozen=True)
class Format:
    """An output format: its rdflib name, file suffix, and whether it keeps named graphs."""

    rdflib: str
    suffix: str
    quads: bool = False


FORMATS: dict[str, Format] = {
    "ttl": Format("turtle", ".ttl"),
    "nt": Format("nt", ".nt"),
    "trig": Format("trig", ".trig", quads=True),
    "nquads": Format("nquads", ".nq", quads=True),
    "jsonld": Format("json-ld", ".jsonld"),
}
# other names of the same formats: "turtle" (kg export --format), rdflib's, and a suffix's
ALIASES = {"turtle": "ttl", "json-ld": "jsonld", "nq": "nquads"}
# the rdflib parser of a file suffix, tried before rdflib's own guess (which knows .rdf, .n3, ...)
_PARSERS = {fmt.suffix: fmt.rdflib for fmt in FORMATS.values()} | {".json": "json-ld"}


def output_format(name: str) -> Format:
    """The ``Format`` of a format's name ("ttl", "nt", "trig", "nquads", "jsonld", or an alias).

    >>> output_format("turtle"), output_format("nquads").quads
    (Format(rdflib='turtle', suffix='.ttl', quads=False), True)
    """
    try:
        return FORMATS[ALIASES.get(name, name)]
    except KeyError:
        raise GraphError(f"unknown format {name!r}: use one of {', '.join(FORMATS)}") from None


def serialize(graph: Graph | Dataset, format: str = "turtle", *, base: str | None = None) -> str:
    """The graph as text in ``format`` ("turtle", "longturtle", "nt", "trig", "nquads", "xml",
    "json-ld"), ending in a newline; a ``Dataset`` (named graphs) for "trig" and "nquads".

    Every format but RDF/XML comes out byte-identical for the same triples and prefixes (graphs
    without blank nodes, which kg never writes). JSON-LD is kg's own compact writer; ``base``
    makes its IRIs relative (see kg.rdf.jsonld).

    >>> from rdflib import Graph, URIRef, Literal
    >>> g = Graph().add((URIRef("https://ex.org/a"), URIRef("https://ex.org/p"), Literal(1)))
    >>> print(serialize(g, "nt"), end="")
    <https://ex.org/a> <https://ex.org/p> "1"^^<http://www.w3.org/2001/XMLSchema#integer> .
    """
    if format in FORMATS or format in ALIASES:
        format = output_format(format).rdflib
    if format == "json-ld":
        from kg.rdf.jsonld import to_jsonld

        return to_jsonld(graph, base=base)
    if format == "trig" and isinstance(graph, Dataset):
        return _trig(graph)
    try:
        text = graph.serialize(format=format)
    except Exception as error:  # rdflib raises PluginException and others for an unknown format
        raise GraphError(f"cannot serialize the graph as {format!r}: {one_line(error, 300)}") from None
    if isinstance(text, bytes):
        text = text.decode("utf-8")
    if format in ("nt", "ntriples", "nt11", "nquads"):
        # rdflib's N-Triples writer follows the store's order; sort it into a stable one
        text = "".join(sorted(line + "\n" for line in text.splitlines() if line.strip()))
    return text if text.endswith("\n") else text + "\n"


def _trig(dataset: Dataset) -> str:
    """TriG with the named graphs in IRI order, each written as rdflib's (sorted) Turtle.

    rdflib's own TriG writer takes the graphs in the store's order, which changes from run to run.
    """
    prefixes: set[str] = set()
    blocks: list[str] = []
    for named in sorted((g for g in dataset.graphs() if len(g)), key=lambda g: str(g.identifier)):
        graph = Graph(bind_namespaces="none")
        for prefix, namespace in dataset.namespaces():
            graph.bind(prefix, namespace, override=True, replace=True)
        for triple in named:
            graph.add(triple)
        body: list[str] = []
        for line in serialize(graph, "turtle").splitlines():
            if line.startswith(("@prefix", "PREFIX")):
                prefixes.add(line)
            else:
                body.append(line)  # not indented: that would change multi-line literals
        name = "" if isinstance(named.identifier, BNode) or str(named.identifier) == "urn:x-rdflib:default" \
            else f"<{named.identifier}> "
        blocks.append(f"{name}{{\n" + "\n".join(body).strip("\n") + "\n}\n")
    return "\n".join(["\n".join(sorted(prefixes)) + "\n"] + blocks) if blocks else "\n"


def write_graph(graph: Graph | Dataset, path: str | os.PathLike, format: str = "turtle", *,
                base: str | None = None) -> Path:
    """Write the graph to ``path`` in ``format``, atomically (never a half-written file)."""
    text = serialize(graph, format, base=base)
    try:
        return write_text_atomic(path, text)
    except OSError as error:
        raise GraphError(f"{path}: cannot write: {error.strerror or one_line(error, 300)}") from None


def read_graph(path: str | os.PathLike) -> Graph:
    """Read a graph file; its format comes from the suffix (.ttl, .nt, .trig, .nq, .jsonld, .rdf, ...),
    Turtle otherwise. The named graphs of TriG and N-Quads are merged into one graph. A store folder
    (``kg ingest --into STORE``) gives its merged view (kg.rdf.store.Store.graph)."""
    path = Path(path)
    if not path.exists():
        raise GraphError(f"{path}: no such graph file")
    if path.is_dir():
        if is_store(path):
            return read_store_graph(path)
    if not path.is_file():
        raise GraphError(f"{path}: not a file")
    fmt = _PARSERS.get(path.suffix.lower()) or guess_format(str(path)) or "turtle"
    graph = Graph()
    try:
        if fmt in ("trig", "nquads"):
            dataset = Dataset()
            dataset.parse(path, format=fmt)
            for prefix, namespace in dataset.namespaces():
                graph.bind(prefix, namespace, override=True, replace=True)
            for s, p, o, _ in dataset.quads():
                graph.add((s, p, o))
        else:
            graph.parse(path, format=fmt)
    except OSError as error:
        raise GraphError(f"{path}: cannot read: {error.strerror or one_line(error, 300)}") from None
    except Exception as error:  # each rdflib parser raises its own exception type
        raise GraphError(f"{path}: not a valid {fmt} file: {one_line(error, 300)}") from None
    return graph
