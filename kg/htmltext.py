"""HTML articles: the main text and metadata (headline, byline, date) of a saved web page.

The extraction is trafilatura's (boilerplate removal, metadata from ``<meta>``, JSON-LD and the
page itself); nothing is fetched, the page is read as given. The result is an ``Article`` whose
text reads like a kg text article: the headline on the first line, a ``By NAME`` line when the
page names an author, then one paragraph per line, so that the same rules (dateline, byline
exclusion, paragraphs) apply to both.
"""
from __future__ import annotations

import re
from dataclasses import replace
from pathlib import Path

from kg.article import article_from_text, read_article_bytes, slug
from kg.errors import InputError, one_line
from kg.model import Article

HTML_SUFFIXES = (".html", ".htm", ".xhtml")
_ISO_DATE = re.compile(r"^\d{4}-\d{2}-\d{2}$")
_LOOKS_HTML = re.compile(rb"^\s*(?:<!--.*?-->\s*)*<(?:!doctype\s+html|html|head|body|article|meta|title|div|p)\b",
                         re.IGNORECASE | re.DOTALL)


def looks_like_html(data: bytes | str) -> bool:
    """True when the text starts like an HTML document (for input without a file name: stdin).

    >>> looks_like_html(b"<!DOCTYPE html><html>..."), looks_like_html("GENEVA - The UN said ...")
    (True, False)
    """
    if isinstance(data, str):
        data = data.encode("utf-8", "replace")
    return bool(_LOOKS_HTML.match(data[:4096]))


def article_from_html(html: str | bytes, *, article_id: str = "article", source: str | None = None) -> Article:
    """An Article from an HTML page: its main text, headline, byline and publication date.

    Raises InputError (naming ``source``) when the page holds no article text.
    """
    import trafilatura  # imported here: it is only needed for HTML input

    name = source or article_id
    try:
        document = trafilatura.bare_extraction(
            html, with_metadata=True, include_comments=False, include_tables=False,
            favor_precision=True, deduplicate=False,
        )
    except Exception as error:  # lxml and trafilatura raise several types on broken input
        raise InputError(f"{name}: cannot read the HTML ({one_line(error, 200)})") from None
    if document is None:
        raise InputError(f"{name}: no article text found in the HTML page")
    meta = document.as_dict() if hasattr(document, "as_dict") else dict(document)
    body = [line.strip() for line in (meta.get("text") or "").split("\n") if line.strip()]
    headline = _clean(meta.get("title"))
    author = _clean(meta.get("author"))
    if body and headline and body[0] == headline:
        body = body[1:]  # the page's <h1> repeats the title
    if author and body and re.fullmatch(rf"(?i)by\s+{re.escape(author)}", body[0]):
        body = body[1:]
    if not body:
        raise InputError(f"{name}: no article text found in the HTML page")
    head = [headline] if headline else []
    if author:
        head.append(f"By {author}")
    text = "\n\n".join(head + body) + "\n"
    article = article_from_text(text, article_id=article_id, source=source)
    # what the page says outright wins over what the text rules guess
    date = _clean(meta.get("date"))
    return replace(article, headline=headline or article.headline, byline=author or article.byline,
                   date=date if date and _ISO_DATE.match(date) else None)


def read_html_article(path: str | Path, *, article_id: str | None = None) -> Article:
    """Read a saved HTML page (any encoding the page declares) as an Article."""
    path = Path(path)
    data = read_article_bytes(path, kind="HTML")
    if not data.strip():
        raise InputError(f"{path}: empty article")
    return article_from_html(data, article_id=article_id or slug(path.stem), source=path.name)


def _clean(value) -> str | None:
    """A metadata value on one line, or None when empty."""
    text = " ".join(str(value).split()) if value else ""
    return text or None
