"""Reading an article: from a file or a string to an ``Article`` with what its first lines tell."""
from __future__ import annotations

import re
import unicodedata
from pathlib import Path

from kg.errors import InputError
from kg.model import Article

# "By Jane Doe", "By georgeskef", "By Jane Doe and John Smith, Reuters": a short line of names only,
# not "By Monday, the talks had failed."
_BYLINE = re.compile(r"^[ \t]*By[ \t]+(?P<name>[\w’'.-]+(?:[ \t]+[\w’'.-]+){0,5}(?:,[ \t]*[A-Z][\w .&-]{1,40})?)[ \t]*$",
                     re.MULTILINE)
_BYLINE_WINDOW = 12  # lines from the top where a byline may stand
# "GENEVA — ", "WASHINGTON (Reuters) - ": an upper-case place at a paragraph start, then a dash
_DATELINE = re.compile(r"^(?P<place>[A-Z][A-Z .'’-]{1,40}?[A-Z])(?:,\s*[A-Z][\w.]*)?\s*(?:\([^)]*\)\s*)?[—–-]+\s", re.MULTILINE)
_MAX_HEADLINE = 200


def slug(text: str) -> str:
    """A file-name-safe identifier: "Xinjiang Report (2022).txt" -> "xinjiang-report-2022-txt"."""
    folded = unicodedata.normalize("NFKD", text).encode("ascii", "ignore").decode().lower()
    return re.sub(r"[^a-z0-9]+", "-", folded).strip("-")[:80] or "article"


def read_article_bytes(path: Path, *, kind: str = "text") -> bytes:
    """The bytes of an article file; InputError naming the file when it is missing, a folder,
    unreadable or binary."""
    if not path.exists():
        raise InputError(f"{path}: no such file")
    if path.is_dir():
        raise InputError(f"{path}: is a folder, not an article file")
    try:
        data = path.read_bytes()
    except OSError as exc:
        raise InputError(f"{path}: cannot read ({exc.strerror})") from None
    if b"\x00" in data:
        raise InputError(f"{path}: binary file, not {kind}")
    return data


def read_article(path: str | Path) -> Article:
    """Read an article file (UTF-8 text); raise InputError naming the file when it cannot be used."""
    path = Path(path)
    data = read_article_bytes(path)
    try:
        text = data.decode("utf-8-sig")
    except UnicodeDecodeError as exc:
        raise InputError(f"{path}: not UTF-8 text (byte {exc.start})") from None
    return article_from_text(text, article_id=slug(path.stem), source=path.name)


def article_from_text(text: str, *, article_id: str = "article", source: str | None = None) -> Article:
    """An Article from its text: the headline is the first line, the byline a "By ..." line near the top."""
    name = source or article_id
    if not text.strip():
        raise InputError(f"{name}: empty article")
    if _looks_binary(text):
        raise InputError(f"{name}: binary file, not text")
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    lines = [line.strip() for line in text.split("\n") if line.strip()]
    headline = lines[0] if lines and len(lines[0]) <= _MAX_HEADLINE and len(lines) > 1 else None
    byline = _byline_match(text)
    dateline = _DATELINE.search(text)
    return Article(
        id=article_id,
        text=text,
        headline=headline,
        byline=byline.group("name").strip() if byline else None,
        dateline=dateline.group("place").strip() if dateline else None,
        source=source,
    )


def paragraphs(text: str) -> list[tuple[int, int]]:
    """(start, end) of each non-blank paragraph, separated by blank lines or single newlines."""
    spans = []
    for match in re.finditer(r"[^\n]+", text):
        if match.group().strip():
            start = match.start() + (len(match.group()) - len(match.group().lstrip()))
            spans.append((start, match.start() + len(match.group().rstrip())))
    return spans


def byline_span(article: Article) -> tuple[int, int] | None:
    """Where the byline line is in the text, so that its name is not taken for an actor."""
    match = _byline_match(article.text)
    return (match.start(), match.end()) if match else None


def _byline_match(text: str):
    top = len("\n".join(text.split("\n")[:_BYLINE_WINDOW]))
    match = _BYLINE.search(text, 0, top)
    if match and re.search(r"[.!?]$", match.group("name")) and not re.search(r"\b[A-Z]\.$", match.group("name")):
        return None  # a sentence, not a name
    return match


def _looks_binary(text: str) -> bool:
    controls = sum(1 for ch in text if unicodedata.category(ch) == "Cc" and ch not in "\n\r\t\f")
    return controls > max(3, len(text) // 100)
