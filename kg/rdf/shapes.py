"""Checking a graph against the SHACL shapes of ontology/shapes.ttl with pySHACL."""
from __future__ import annotations

from dataclasses import dataclass

from rdflib import Graph

from kg.errors import GraphError, one_line
from kg.resources import ontology_file


@dataclass(frozen=True)
class ValidationResult:
    """Whether a graph conforms to the shapes, and pySHACL's readable report."""

    conforms: bool
    text: str


def _load(name: str) -> Graph:
    """A Turtle file of the bundled ontology folder, parsed."""
    path = ontology_file(name)
    try:
        return Graph().parse(path, format="turtle")
    except Exception as error:  # missing file or a parse error in a file we ship
        raise GraphError(f"{path}: cannot load: {one_line(error, 300)}") from None


def validate(graph: Graph) -> ValidationResult:
    """Validate ``graph`` against ontology/shapes.ttl, with ontology/kg.ttl mixed in (no inference).

    The ontology supplies the kg:SpeechAct individuals that kg:speechAct must point at; the data
    graph itself is not changed.

    >>> from kg.model import Article, ArticleGraph
    >>> from kg.rdf.build import build_graph
    >>> validate(build_graph([ArticleGraph(Article(id="a", text="Hi."))])).conforms
    True
    """
    from pyshacl import validate as shacl_validate

    try:
        conforms, _, text = shacl_validate(
            graph,
            shacl_graph=_load("shapes.ttl"),
            ont_graph=_load("kg.ttl"),
            inference="none",
            abort_on_first=False,
            allow_warnings=False,
            meta_shacl=False,
            advanced=True,
            inplace=False,
        )
    except Exception as error:  # pySHACL's ReportableRuntimeError and friends: it could not run
        raise GraphError(f"SHACL validation could not run: {one_line(error, 300)}") from None
    return ValidationResult(bool(conforms), str(text))
