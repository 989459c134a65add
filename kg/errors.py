"""The exceptions kg raises, and ``one_line``, the text of any error inside one of their messages.
Only the CLI turns them into a message and an exit code."""
from __future__ import annotations


def one_line(error: BaseException | str, limit: int | None = None, *, kind: bool = False) -> str:
    """The text of an error (or of a server's answer) on one line, to quote inside a kg message.

    Runs of white space, newlines too, become one space; an exception without a message gives its
    class name, and ``kind`` puts the class name before the message; text over ``limit`` characters
    is cut to ``limit``, ending in "...".

    >>> one_line(SyntaxError("expected '}'\\n   at line 2"))
    "expected '}' at line 2"
    >>> one_line(KeyError("speaker"), kind=True), one_line(RuntimeError())
    ("KeyError: 'speaker'", 'RuntimeError')
    >>> one_line("<html>\\n  <body>Internal error, please retry</body>", limit=20)
    '<html> <body>Inte...'
    """
    text = " ".join(str(error).split())
    if isinstance(error, BaseException):
        name = type(error).__name__
        text = f"{name}: {text}" if kind and text else text or name
    return text if limit is None or len(text) <= limit else text[: limit - 3] + "..."


class KgError(Exception):
    """Base class: anything kg reports to a user as a one-line error."""


class InputError(KgError):
    """An article that cannot be read: missing, empty, binary, not UTF-8."""


class GraphError(KgError):
    """A graph file that cannot be read or written."""


class QueryError(KgError):
    """A SPARQL query that does not parse or cannot run."""


class ModelError(KgError):
    """No usable spaCy pipeline is installed."""


class ArticleError(KgError):
    """One article of a corpus that could not be ingested; ``source`` names it (a path, or "-")."""

    def __init__(self, source: str, message: str):
        super().__init__(message)
        self.source = source

    def __reduce__(self):  # picklable, so that worker processes can send it back
        return (ArticleError, (self.source, str(self)))
