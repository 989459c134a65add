"""Quotation spans in news text, robust to the ways real articles get quote marks wrong.

Pure text functions (no spaCy), so the rules are tested on plain strings.
"""
from __future__ import annotations

from dataclasses import dataclass

OPENING = "“«„"
CLOSING = "”»"
STRAIGHT = '"'



@dataclass(frozen=True)
class QuoteSpan:
    """A quotation: ``start``/``end`` include the marks, ``inner_start``/``inner_end`` do not."""

    start: int
    end: int
    inner_start: int
    inner_end: int
    closed: bool  # False when the paragraph ended before a closing mark


def _is_opening_straight(text: str, i: int) -> bool:
    """A straight quote opens when what precedes it is a space, an opening bracket or the start."""
    return i == 0 or text[i - 1].isspace() or text[i - 1] in "([{—–-:"


def quote_spans(text: str, start: int = 0, end: int | None = None) -> list[QuoteSpan]:
    """The double-quoted spans of one paragraph ``text[start:end]``.

    Curly marks pair by direction; straight ones (and the typewriter pairs `` and '') by position:
    a mark after a space opens, one after a word or punctuation closes. A mark that never closes
    runs to the paragraph's end, so one bad mark costs one quote at most. Single quotes are not
    statement boundaries: they are apostrophes or quotes within quotes.
    """
    end = len(text) if end is None else end
    spans: list[QuoteSpan] = []
    open_at: int | None = None
    for i, width, kind in _marks(text, start, end):
        if kind == "open" and open_at is not None and text[open_at] == "„" and text[i] == "“":
            kind = "close"  # „German-style“ quotes close with the mark that opens English ones
        opens = kind == "open" or (kind == "either" and open_at is None and _is_opening_straight(text, i))
        if opens:
            if open_at is not None:
                # a second opening mark: the first one never closed; end it before this one
                spans.append(_span(text, open_at, i, closed=False))
            open_at = i
        elif open_at is not None:
            spans.append(_span(text, open_at, i + width, closed=True))
            open_at = None
    if open_at is not None:
        spans.append(_span(text, open_at, end, closed=False))
    return [s for s in spans if s.inner_end > s.inner_start]


def _marks(text: str, start: int, end: int):
    """(offset, width, "open" | "close" | "either") of each double quote mark."""
    i = start
    while i < end:
        ch = text[i]
        pair = text[i : i + 2]
        if pair == "``":
            yield i, 2, "open"
            i += 2
            continue
        if pair == "''":
            yield i, 2, "either"
            i += 2
            continue
        if ch in OPENING:
            yield i, 1, "open"
        elif ch in CLOSING:
            yield i, 1, "close"
        elif ch == STRAIGHT:
            yield i, 1, "either"
        i += 1


def _span(text: str, start: int, end: int, *, closed: bool) -> QuoteSpan:
    inner_start = start + (2 if text[start : start + 2] in ("``", "''") else 1)
    inner_end = end - (2 if closed and text[end - 2 : end] == "''" else 1) if closed else end
    while inner_start < inner_end and text[inner_start].isspace():
        inner_start += 1
    while inner_end > inner_start and text[inner_end - 1].isspace():
        inner_end -= 1
    return QuoteSpan(start, end, inner_start, inner_end, closed)
