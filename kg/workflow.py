"""One ingested article in, its output files out: NAME.ttl, NAME.analysis.json, NAME.analysis.ttl,
NAME.report.md and NAME.html.

Everything is computed in memory first and each file is written atomically, so an error never
leaves a half-written or mismatched set of outputs.
"""
from __future__ import annotations

from dataclasses import dataclass
from pathlib import Path

from kg.analyze import analysis_json, analyze, format_markdown
from kg.fileio import write_text_atomic
from kg.model import ArticleGraph
from kg.rdf.build import build_dataset, build_graph
from kg.rdf.io import output_format, serialize
from kg.rdf.measures import analysis_graph
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
    report: Path | None = None  # NAME.report.md
    measures: Path | None = None  # NAME.analysis.ttl

    def summary(self) -> str:
        """A few lines for the terminal."""
        return (
            f"{self.name}: {self.entities} entities, {self.statements} statements, "
            f"{self.affiliations} affiliations, {self.actions} actions, {self.triples} triples\n"
            f"  most central: {', '.join(self.top_actors) or '(none)'}\n"
            f"  wrote {self.turtle}, {self.analysis}"
            + "".join(f", {p}" for p in (self.measures, self.report) if p is not None) + "\n"
            f"  page: {self.page}"
        )


def write_article_files(article_graph: ArticleGraph, out: Path, *, name: str, base: str | None = None,
                        format: str = "ttl") -> IngestResult:
    """Write an ingested article's graph (in ``format``), analysis JSON, measures, report and page
    into ``out`` as NAME.ttl, NAME.analysis.json, ..."""
    fmt = output_format(format)
    graph = build_graph([article_graph], base=base or DEFAULT_BASE)
    data = build_dataset([article_graph], base=base or DEFAULT_BASE) if fmt.quads else graph
    turtle = serialize(data, fmt.rdflib, base=base or DEFAULT_BASE)
    analysis = analyze(graph)
    page = render_html(graph, analysis=analysis)
    out = Path(out)
    measures = serialize(analysis_graph(analysis, name=name, base=base or DEFAULT_BASE), "turtle")
    targets = (out / f"{name}{fmt.suffix}", out / f"{name}.analysis.json", out / f"{name}.html",
               out / f"{name}.analysis.ttl", out / f"{name}.report.md")
    for target, text in zip(targets, (turtle, analysis_json(analysis), page, measures, format_markdown(analysis))):
        write_text_atomic(target, text)
    return IngestResult(
        name=name, turtle=targets[0], analysis=targets[1], page=targets[2],
        entities=len(article_graph.entities), statements=len(article_graph.statements),
        affiliations=len(article_graph.affiliations), actions=len(article_graph.actions),
        triples=len(graph), top_actors=tuple(a.name for a in analysis.top_actors[:5]),
        measures=targets[3], report=targets[4],
    )
