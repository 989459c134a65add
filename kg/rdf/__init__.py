"""The RDF layer: vocabulary, ArticleGraph -> rdflib.Graph, reading and writing, SPARQL, SHACL, the store.

``Graph`` is rdflib's graph, named here so that the layers above can annotate with it: rdflib is
imported in kg/rdf/ only.
"""
from rdflib import Graph

__all__ = ["Graph"]
