"""kg: knowledge graphs from news articles — who said what, about whom, on behalf of whom.

>>> import kg                                        # doctest: +SKIP
>>> graph = kg.ingest("article.txt")                 # an ArticleGraph
>>> rdf = graph.to_rdf(); G = graph.to_networkx()    # rdflib and NetworkX views
"""
from __future__ import annotations

from kg.errors import GraphError, InputError, KgError, ModelError, QueryError
from kg.model import Action, Affiliation, Article, ArticleGraph, Entity, Evidence, Statement

__all__ = ["ingest", "Action", "Affiliation", "Article", "ArticleGraph", "Entity", "Evidence", "Statement",
           "KgError", "InputError", "GraphError", "QueryError", "ModelError"]


def __getattr__(name: str):
    # spaCy is imported on first use of ingest, not when kg is imported
    if name == "ingest":
        from kg.pipeline import ingest

        return ingest
    raise AttributeError(f"module 'kg' has no attribute {name!r}")
