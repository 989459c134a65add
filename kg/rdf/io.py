"""Reading and writing graph files; the Turtle kg writes is byte-identical for the same graph."""
from __future__ import annotations

import os
from pathlib import Path

from rdflib import BNode, Graph
from rdflib.util import guess_format

from kg.errors import GraphError
from kg.fileio import write_text_atomic


def _one_line(error: BaseException) -> str:
    """An exception's message on one line."""
    text = " ".join(str(error).split()) or type(error).__name__
    return text if len(text) <= 300 else text[:297] + "..."


def serialize(graph: Graph, format: str = "turtle") -> str:
    """The graph as text in ``format`` ("turtle", "longturtle", "nt", "xml", "json-ld"), ending in a newline.

    Turtle and N-Triples come out byte-identical for the same triples and prefixes (graphs without
    blank nodes, which kg never writes).

    >>> from rdflib import Graph, URIRef, Literal
    >>> g = Graph().add((URIRef("https://ex.org/a"), URIRef("https://ex.org/p"), Literal(1)))
    >>> print(serialize(g, "nt"), end="")
    <https://ex.org/a> <https://ex.org/p> "1"^^<http://www.w3.org/2001/XMLSchema#integer> .
    """
    try:
        text = graph.serialize(format=format)
    except Exception as error:  # rdflib raises PluginException and others for an unknown format
        raise GraphError(f"cannot serialize the graph as {format!r}: {_one_line(error)}") from None
    if isinstance(text, bytes):
        text = text.decode("utf-8")
    if format in ("nt", "ntriples", "nt11"):
        # rdflib's N-Triples writer follows the store's order; sort it into a stable one
        text = "".join(sorted(line + "\n" for line in text.splitlines() if line.strip()))
    return text if text.endswith("\n") else text + "\n"


def write_graph(graph: Graph, path: str | os.PathLike, format: str = "turtle") -> Path:
    """Write the graph to ``path`` in ``format``, atomically (never a half-written file)."""
    text = serialize(graph, format)
    try:
        return write_text_atomic(path, text)
    except OSError as error:
        raise GraphError(f"{path}: cannot write: {error.strerror or _one_line(error)}") from None


def read_graph(path: str | os.PathLike) -> Graph:
    """Read a graph file; its format comes from the suffix (.ttl, .nt, .rdf, .jsonld, ...), Turtle otherwise."""
    path = Path(path)
    if not path.exists():
        raise GraphError(f"{path}: no such graph file")
    if not path.is_file():
        raise GraphError(f"{path}: not a file")
    fmt = guess_format(str(path)) or "turtle"
    graph = Graph()
    try:
        graph.parse(path, format=fmt)
    except OSError as error:
        raise GraphError(f"{path}: cannot read: {error.strerror or _one_line(error)}") from None
    except Exception as error:  # each rdflib parser raises its own exception type
        raise GraphError(f"{path}: not a valid {fmt} file: {_one_line(error)}") from None
    return graph


def has_blank_nodes(graph: Graph) -> bool:
    """True when some triple has a blank node, which would make serialized output unstable."""
    return any(isinstance(term, BNode) for triple in graph for term in triple)
