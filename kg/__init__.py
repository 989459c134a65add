"""kg: knowledge graphs from news articles — who said what, about whom, on behalf of whom.

>>> import kg
>>> from kg.analyze import to_networkx
>>> from kg.rdf.build import build_graph
>>> graph = kg.ingest("article.txt")                 # doctest: +SKIP
>>> rdf = build_graph([graph])                       # doctest: +SKIP
>>> G = to_networkx(rdf)                             # doctest: +SKIP
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
