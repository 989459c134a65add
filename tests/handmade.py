"""Build small parsed articles by hand, so that rule tests need no statistical model.

A row is (word, head, dep, pos, tag, lemma, ent) with ``head`` the index of the head token in the
same paragraph and ``ent`` an IOB tag such as "B-PERSON" (or "O").
"""
from __future__ import annotations

from spacy.tokens import Doc
import spacy

from kg.model import Article
from kg.nlp import Paragraph

_NO_SPACE_BEFORE = {",", ".", "”", "’s", ":", ";", "?", "!", ")"}
_NO_SPACE_AFTER = {"“", "("}

VOCAB = spacy.blank("en").vocab  # lexical attributes (is_alpha, ...) without a model


def doc_from(rows) -> Doc:
    words = [r[0] for r in rows]
    spaces = []
    for i, word in enumerate(words):
        nxt = words[i + 1] if i + 1 < len(words) else None
        spaces.append(nxt is not None and nxt not in _NO_SPACE_BEFORE and word not in _NO_SPACE_AFTER)
    return Doc(
        VOCAB, words=words, spaces=spaces,
        heads=[r[1] for r in rows], deps=[r[2] for r in rows], pos=[r[3] for r in rows],
        tags=[r[4] for r in rows], lemmas=[r[5] for r in rows], ents=[r[6] for r in rows],
    )


def article_from(*paragraph_rows) -> tuple[Article, list[Paragraph]]:
    """An article whose paragraphs are the given hand-parsed Docs, separated by blank lines."""
    docs = [doc_from(rows) for rows in paragraph_rows]
    text, paragraphs = "", []
    for doc in docs:
        if text:
            text += "\n\n"
        paragraphs.append(Paragraph(len(text), doc))
        text += doc.text
    return Article(id="handmade", text=text), paragraphs


O = "O"
