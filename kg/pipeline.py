"""ingest(article) -> ArticleGraph: the one place where the stages meet."""
from __future__ import annotations

from collections import deque
from collections.abc import Iterable, Iterator
from dataclasses import replace
from pathlib import Path

from kg.article import article_from_text, byline_span, paragraphs as text_paragraphs, read_article
from kg.extract import affiliations as affiliation_rules
from kg.extract import actions as action_rules
from kg.extract import statements as statement_rules
from kg.extract.discourse import Discourse
from kg.errors import ArticleError, KgError, one_line
from kg.extract.entities import agentive_capitals, mentions
from kg.model import Article, ArticleGraph, Statement
from kg.nlp import Paragraph, load_pipeline, model_id, parse
from kg.resolve import resolve


def ingest(source: str | Path | Article, *, model: str | None = None) -> ArticleGraph:
    """Extract the knowledge graph of one article: a path, an Article, or the article's text itself.

    >>> graph = ingest("Jane Doe, director of Acme Corp, said that prices will rise.")  # doctest: +SKIP
    """
    article = _as_article(source)
    nlp = load_pipeline(model)
    return extract(article, parse(article, nlp), model=model_id(nlp))


def extract(article: Article, paragraphs: list[Paragraph], *, model: str = "") -> ArticleGraph:
    """Everything the rules find in an article already parsed paragraph by paragraph (kg.nlp.parse)."""
    byline = byline_span(article)
    found = mentions(paragraphs, exclude=(byline,) if byline else ())
    index = resolve(found, text=article.text, agentive_capitals=agentive_capitals(paragraphs))
    discourse = Discourse(index, article.text)
    said = statement_rules.statements(article, paragraphs, discourse)
    said = tuple(_with_mentions(s, index) for s in said)
    members = tuple(affiliation_rules.affiliations(article, paragraphs, index))
    actions = tuple(action_rules.actions(article, paragraphs, Discourse(index, article.text)))
    return ArticleGraph(article, index.entities, said, members, actions, model=model)


def _as_article(source) -> Article:
    """An Article from an Article, a kg.corpus.Source, a path (.txt or .html) or the article's text."""
    from kg.corpus import ARTICLE_SUFFIXES, Source
    from kg.htmltext import HTML_SUFFIXES, read_html_article

    if isinstance(source, Article):
        return source
    if isinstance(source, Source):
        return source.read()
    if isinstance(source, str) and "\n" not in source and len(source) < 4096 \
            and source.endswith(ARTICLE_SUFFIXES) and Path(source).is_file():
        source = Path(source)  # a path given as a string; any other string is the article's text
    if isinstance(source, Path):
        if source.suffix.lower() in HTML_SUFFIXES:
            return read_html_article(source)
        return read_article(source)
    return article_from_text(source)


def _with_mentions(statement: Statement, index) -> Statement:
    refs = tuple(r for r in index.mentions_in(statement.content_start, statement.content_end) if r != statement.speaker)
    return replace(statement, mentions=refs)


ARTICLES_PER_TASK = 8  # articles a worker process reads, parses and extracts per task (--jobs > 1)


def ingest_many(sources: Iterable, *, model: str | None = None, jobs: int = 1,
                batch_size: int = 128) -> Iterator[ArticleGraph | ArticleError]:
    """Ingest a stream of articles, yielding one ArticleGraph — or an ArticleError — per source, in order.

    Sources are what ``ingest`` takes (paths, texts, Articles) or ``kg.corpus.Source``s. All
    paragraphs of all articles go through one ``nlp.pipe`` in batches of ``batch_size``; only the
    paragraphs of the articles being assembled are held, so memory stays flat however long the
    stream. ``jobs`` > 1 runs that many worker processes, each with the pipeline loaded once, that
    read, parse and extract ``ARTICLES_PER_TASK`` articles at a time and send back only the small
    ArticleGraphs (never spaCy Docs); at most two tasks per worker are in flight. An article that
    cannot be read or whose extraction fails is yielded as an ArticleError and the others go on.
    Each ArticleGraph is the one ``ingest`` gives for the same article.

    >>> for result in ingest_many(["a.txt", "b.html"], jobs=2):  # doctest: +SKIP
    ...     print(result if isinstance(result, ArticleError) else result.article.id)
    """
    nlp = load_pipeline(model)
    if jobs > 1:
        return _ingest_in_workers(sources, model=model, jobs=jobs, batch_size=batch_size)
    return _ingest_here(sources, nlp, batch_size=batch_size)


def _ingest_here(sources: Iterable, nlp, *, batch_size: int) -> Iterator[ArticleGraph | ArticleError]:
    """``ingest_many`` in this process."""
    name = model_id(nlp)
    pending: deque = deque()  # (label, Article | ArticleError, spans, k) in input order, ahead of the parser

    def texts() -> Iterator[str]:
        for source in sources:
            label = _label(source)
            try:
                article = _as_article(source)
                spans = text_paragraphs(article.text)
                too_long = next((end - start for start, end in spans if end - start > nlp.max_length), None)
                if too_long:
                    raise KgError(f"{label}: a paragraph of {too_long} characters is longer than the parser "
                                  f"takes ({nlp.max_length})")
            except KgError as error:
                pending.append((label, ArticleError(label, str(error)), (), 0))
                continue
            except Exception as error:  # an unreadable HTML page and the like: never fatal for a corpus
                unreadable = ArticleError(label, f"{label}: cannot read ({one_line(error, 200, kind=True)})")
                pending.append((label, unreadable, (), 0))
                continue
            if not spans:
                pending.append((label, article, (), 0))
                continue
            for k, (start, end) in enumerate(spans):
                pending.append((label, article, spans, k))
                yield article.text[start:end]

    def settled() -> Iterator[ArticleGraph | ArticleError]:
        """The results at the front of the queue that need no parse (errors, articles without text)."""
        while pending and not pending[0][2]:
            label, item, _, _ = pending.popleft()
            yield item if isinstance(item, ArticleError) else _extract_or_error(label, item, [], name)

    parsed: list[Paragraph] = []
    for doc in nlp.pipe(texts(), batch_size=batch_size):
        yield from settled()
        label, article, spans, k = pending.popleft()
        parsed.append(Paragraph(spans[k][0], doc))
        if k == len(spans) - 1:
            yield _extract_or_error(label, article, parsed, name)
            parsed = []
    yield from settled()


def _ingest_in_workers(sources: Iterable, *, model: str | None, jobs: int,
                       batch_size: int) -> Iterator[ArticleGraph | ArticleError]:
    """``ingest_many`` in ``jobs`` worker processes, results in input order.

    Workers are forked where the platform can (they inherit the loaded pipeline, as spaCy's own
    ``n_process`` does), else spawned (each loads it once). They ignore Ctrl-C: the parent stops
    them, and a task already running finishes without anyone waiting for it.
    """
    import multiprocessing
    from concurrent.futures import ProcessPoolExecutor
    from concurrent.futures.process import BrokenProcessPool
    from itertools import islice

    method = "fork" if "fork" in multiprocessing.get_all_start_methods() else "spawn"
    executor = ProcessPoolExecutor(jobs, mp_context=multiprocessing.get_context(method),
                                   initializer=_worker_start, initargs=(model,))
    stream = iter(sources)
    chunks = iter(lambda: list(islice(stream, ARTICLES_PER_TASK)), [])  # lists of articles until []
    in_flight: deque = deque()
    try:
        for chunk in islice(chunks, 2 * jobs):
            in_flight.append(executor.submit(_worker_ingest, chunk, batch_size))
        while in_flight:
            try:
                results = in_flight.popleft().result()
            except BrokenProcessPool as error:
                raise KgError(f"a worker process died ({one_line(error, 200, kind=True)}); try fewer --jobs") from None
            for chunk in islice(chunks, 1):
                in_flight.append(executor.submit(_worker_ingest, chunk, batch_size))
            yield from results
    finally:
        executor.shutdown(wait=not in_flight, cancel_futures=True)


_WORKER_NLP = None  # the pipeline of a worker process


def _worker_start(model: str | None) -> None:
    """(In a worker process) ignore Ctrl-C, which the parent handles, and load the pipeline once."""
    import signal

    global _WORKER_NLP
    signal.signal(signal.SIGINT, signal.SIG_IGN)
    _WORKER_NLP = load_pipeline(model)


def _worker_ingest(sources: list, batch_size: int) -> list[ArticleGraph | ArticleError]:
    """(In a worker process) read, parse and extract some articles."""
    return list(_ingest_here(sources, _WORKER_NLP, batch_size=batch_size))


def _extract_or_error(label: str, article: Article, paragraphs: list[Paragraph], model: str) -> ArticleGraph | ArticleError:
    try:
        return extract(article, paragraphs, model=model)
    except KgError as error:
        return ArticleError(label, str(error))
    except Exception as error:  # a rule that trips on an odd article skips that article only
        return ArticleError(label, f"{label}: extraction failed ({one_line(error, 200, kind=True)})")


def _label(source) -> str:
    """How messages name a source."""
    label = getattr(source, "label", None)
    if label:
        return label
    if isinstance(source, Article):
        return source.source or source.id
    if isinstance(source, Path) or (isinstance(source, str) and "\n" not in source and len(source) < 300):
        return str(source)
    return "article"
