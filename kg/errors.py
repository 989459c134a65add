"""The exceptions kg raises. Only the CLI turns them into a message and an exit code."""
from __future__ import annotations


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
