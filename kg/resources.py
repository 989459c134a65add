"""Files that ship inside the package: the sample article and the ontology."""
from __future__ import annotations

from importlib.resources import files
from pathlib import Path

SAMPLE_ARTICLE_NAME = "xinjiang-report.txt"


def sample_article() -> Path:
    """The bundled sample article (the UN report on Xinjiang)."""
    return Path(str(files("kg.data") / SAMPLE_ARTICLE_NAME))


def ontology_file(name: str) -> Path:
    """A file of ontology/ ("kg.ttl", "shapes.ttl", "queries/who-said-what.rq")."""
    return Path(str(files("kg.ontology") / name))


def bundled_queries() -> dict[str, Path]:
    """The example SPARQL queries by name ("who-said-what" -> its .rq file), sorted by name."""
    folder = Path(str(files("kg.ontology") / "queries"))
    return {p.stem: p for p in sorted(folder.glob("*.rq"))}
