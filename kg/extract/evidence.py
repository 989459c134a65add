"""Evidence spans: the stretch of the article a fact was read from."""
from __future__ import annotations

from kg.model import Evidence


def evidence(text: str, start: int, end: int) -> Evidence:
    """The Evidence for ``text[start:end]``, without surrounding whitespace."""
    while start < end and text[start].isspace():
        start += 1
    while end > start and text[end - 1].isspace():
        end -= 1
    return Evidence(start, end, text[start:end])
