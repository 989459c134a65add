"""What ``kg ingest`` reads: files, folders (recursively), globs and ``-`` (one article on stdin).

``expand_inputs`` turns the command line's arguments into ``Source``s, one per article, in a stable
order, with the article id each will get; ``Source.read`` reads one into an ``Article`` (plain text
or HTML, by suffix; stdin by what it looks like). Nothing is read before it is needed, so a corpus
of any size streams.

Article ids (and so IRIs and output names): a file's name without its suffix ("a/b/story.txt" ->
"story"), as for a single file; a file found deeper in a folder argument gets its path below that
folder ("news/2022/09/index.html" -> "2022-09-index"), so that a site's many ``index.html`` stay
apart. Standard input is named ``stdin`` unless a name is given.
"""
from __future__ import annotations

import glob
import os
import sys
from dataclasses import dataclass, replace
from pathlib import Path

from kg.article import article_from_text, read_article, slug
from kg.errors import InputError
from kg.htmltext import HTML_SUFFIXES, article_from_html, looks_like_html, read_html_article
from kg.model import Article

TEXT_SUFFIXES = (".txt", ".text")
ARTICLE_SUFFIXES = TEXT_SUFFIXES + (".html", ".htm")
STDIN_NAME = "stdin"
_GLOB_CHARS = set("*?[")


@dataclass(frozen=True)
class Source:
    """One article to read: a file (``path``) or standard input (``path`` None, ``data`` its bytes).

    ``name`` names the output files ("story" -> story.ttl); the article id is ``slug(name)``.
    ``error``, when set, is why the argument gave no readable article (reported, then skipped).
    """

    name: str
    path: Path | None = None
    data: bytes | None = None
    error: str | None = None

    @property
    def label(self) -> str:
        """How messages name this source: its path, or "-" for stdin."""
        return str(self.path) if self.path is not None else "-" if self.data is not None else self.name

    @property
    def article_id(self) -> str:
        """The id its article gets (the slug of ``name``)."""
        return slug(self.name)

    def read(self) -> Article:
        """The article, read now; InputError (naming the source) when it cannot be used."""
        if self.error:
            raise InputError(self.error)
        if self.path is None:
            return read_stdin_article(self.data or b"", name=self.name)
        if self.path.suffix.lower() in HTML_SUFFIXES:
            return read_html_article(self.path, article_id=self.article_id)
        article = read_article(self.path)
        return article if article.id == self.article_id else replace(article, id=self.article_id)


def read_stdin_article(data: bytes, *, name: str = STDIN_NAME) -> Article:
    """An article given on standard input: HTML when it looks like a page, else UTF-8 text."""
    if not data.strip():
        raise InputError("-: empty article on standard input")
    if looks_like_html(data):
        return article_from_html(data, article_id=slug(name), source=None)
    if b"\x00" in data:
        raise InputError("-: binary data on standard input, not text")
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise InputError(f"-: not UTF-8 text (byte {exc.start})") from None
    return article_from_text(text, article_id=slug(name), source=None)


def expand_inputs(arguments: list[str], *, stdin=None, stdin_name: str = STDIN_NAME) -> list[Source]:
    """One ``Source`` per article named by the arguments: files as given, folders searched
    recursively for ``*.txt`` / ``*.html`` (sorted), globs (``news/**/*.html``) expanded, ``-`` read
    from ``stdin`` (default ``sys.stdin``). An argument that names nothing, or a second article with
    an id already taken, becomes a Source with an ``error``: reported and skipped, never fatal.
    """
    sources: list[Source] = []
    taken: dict[str, str] = {}

    def add(source: Source) -> None:
        if source.error is None:
            other = taken.get(source.article_id)
            if other is not None:
                source = replace(source, error=f"{source.label}: same article id {source.article_id!r} as "
                                 f"{other}; skipped (rename one)")
            else:
                taken[source.article_id] = source.label
        sources.append(source)

    for argument in arguments:
        if argument == "-":
            stream = stdin if stdin is not None else sys.stdin.buffer
            data = stream.read()
            add(Source(name=stdin_name, data=data if isinstance(data, bytes) else data.encode("utf-8")))
            continue
        path = Path(argument)
        if path.is_dir():
            found = _folder_articles(path)
            if not found:
                add(Source(name=path.name, error=f"{path}: no *.txt or *.html article in this folder"))
            for file in found:
                relative = file.relative_to(path).with_suffix("")
                add(Source(name="-".join(relative.parts), path=file))
        elif path.exists() or not (_GLOB_CHARS & set(argument)):
            add(Source(name=path.stem, path=path))  # a missing file is reported when read
        else:
            matches = sorted(Path(m) for m in glob.glob(argument, recursive=True))
            files = [m for m in matches if m.is_file()]
            if not files:
                add(Source(name=path.stem or argument, error=f"{argument}: no file matches"))
            for file in files:
                add(Source(name=file.stem, path=file))
    return sources


def _folder_articles(folder: Path) -> list[Path]:
    """The article files under ``folder``, recursively, sorted by path; hidden files and folders skipped."""
    found = []
    for root, dirs, files in os.walk(folder):
        dirs[:] = sorted(d for d in dirs if not d.startswith("."))
        for name in files:
            if not name.startswith(".") and name.lower().endswith(ARTICLE_SUFFIXES):
                found.append(Path(root) / name)
    return sorted(found)
