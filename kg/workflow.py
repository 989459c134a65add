"""One article file in, its three output files out: NAME.ttl, NAME.analysis.json, NAME.html.

Everything is computed in memory first and each file is written atomically, so an error never
leaves a half-written or mismatched set of outputs.
"""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from kg.analyze import analysis_json, analyze
from kg.fileio import write_text_atomic
from kg.pipeline import ingest
from kg.rdf.build import build_graph
from kg.rdf.io import serialize
from kg.rdf.vocab import DEFAULT_BASE
from kg.render import render_html


@dataclass(frozen=True)
class IngestResult:
    """What one ingested article wrote, and the figures of its summary."""

    name: str
    turtle: Path
    analysis: Path
    page: Path
    entities: int
    statements: int
    affiliations: int
    actions: int
    triples: int
    top_actors: tuple[str, ...]

    def summary(self) -> str:
        """A few lines for the terminal."""
        return (
            f"{self.name}: {self.entities} entities, {self.statements} statements, "
            f"{self.affiliations} affiliations, {self.actions} actions, {self.triples} triples\n"
            f"  most central: {', '.join(self.top_actors) or '(none)'}\n"
            f"  wrote {self.turtle}, {self.analysis}\n"
            f"  page: {self.page}"
        )


def ingest_to_files(path: Path, out: Path, *, model: str | None = None, base: str | None = None) -> IngestResult:
    """Ingest one article file and write its Turtle, analysis JSON and page into ``out``."""
    article_graph = ingest(Path(path), model=model)
    graph = build_graph([article_graph], base=base or DEFAULT_BASE)
    turtle = serialize(graph, "turtle")
    analysis = analyze(graph)
    page = render_html(graph, analysis=analysis)
    name = Path(path).stem  # NAME.txt -> NAME.ttl, as the user named it
    out = Path(out)
    targets = (out / f"{name}.ttl", out / f"{name}.analysis.json", out / f"{name}.html")
    for target, text in zip(targets, (turtle, analysis_json(analysis), page)):
        write_text_atomic(target, text)
    return IngestResult(
        name=name, turtle=targets[0], analysis=targets[1], page=targets[2],
        entities=len(article_graph.entities), statements=len(article_graph.statements),
        affiliations=len(article_graph.affiliations), actions=len(article_graph.actions),
        triples=len(graph), top_actors=tuple(a["name"] for a in analysis.get("top_actors", [])[:5]),
    )
