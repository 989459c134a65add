"""ingest(article) -> ArticleGraph: the one place where the stages meet."""
from __future__ import annotations

from pathlib import Path

from kg.article import article_from_text, byline_span, read_article
from kg.extract import affiliations as affiliation_rules
from kg.extract import actions as action_rules
from kg.extract import statements as statement_rules
from kg.extract.discourse import Discourse
from kg.extract.entities import agentive_capitals, mentions
from kg.model import Article, ArticleGraph, Statement
from kg.nlp import load_pipeline, model_id, parse
from kg.resolve import resolve


def ingest(source: str | Path | Article, *, model: str | None = None) -> ArticleGraph:
    """Extract the knowledge graph of one article: a path, an Article, or the article's text itself.

    >>> graph = ingest("Jane Doe, director of Acme Corp, said that prices will rise.")  # doctest: +SKIP
    """
    article = _as_article(source)
    nlp = load_pipeline(model)
    paragraphs = parse(article, nlp)
    byline = byline_span(article)
    found = mentions(paragraphs, exclude=(byline,) if byline else ())
    index = resolve(found, text=article.text, agentive_capitals=agentive_capitals(paragraphs))
    discourse = Discourse(index)
    said = statement_rules.statements(article, paragraphs, discourse)
    said = tuple(_with_mentions(s, index) for s in said)
    members = tuple(affiliation_rules.affiliations(article, paragraphs, index))
    actions = tuple(action_rules.actions(article, paragraphs, Discourse(index)))
    return ArticleGraph(article, index.entities, said, members, actions, model=model_id(nlp))


def _as_article(source: str | Path | Article) -> Article:
    if isinstance(source, Article):
        return source
    if isinstance(source, Path):
        return read_article(source)
    if "\n" not in source and len(source) < 4096 and source.endswith((".txt", ".text")):
        return read_article(source)
    return article_from_text(source)


def _with_mentions(statement: Statement, index) -> Statement:
    refs = tuple(r for r in index.mentions_in(statement.content_start, statement.content_end) if r != statement.speaker)
    return Statement(**{**statement.__dict__, "mentions": refs})
