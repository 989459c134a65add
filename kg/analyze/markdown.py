"""The Markdown report of an analysis (NAME.report.md): the text report's tables, with their evidence."""
from __future__ import annotations

from kg.analyze.report import about, acts, counts_line, members, one_sided, section, title_of, verbs
from kg.model import Analysis

_MD_ESCAPES = {"\\": "\\\\", "|": "\\|", "*": "\\*", "_": "\\_", "`": "\\`", "[": "\\[", "]": "\\]",
               "<": "&lt;", ">": "&gt;", "&": "&amp;", "#": "\\#"}


def format_markdown(analysis: Analysis, *, top: int = 10) -> str:
    """A readable Markdown report of ``analysis``: top actors, speakers, communities, brokers, conflicts."""
    title = title_of(analysis) or "Knowledge graph"
    out = [f"# {md(title)}", "", md(counts_line(analysis.counts)) + "."]
    for part in (_actors(analysis, top), _speakers(analysis), _communities(analysis), _brokers(analysis, top),
                 _conflicts(analysis)):
        out += ["", *part]
    return "\n".join(out) + "\n"


def md(text) -> str:
    """Text for one Markdown table cell: on one line, with markup characters escaped.

    >>> md("<b>A|B</b>")
    '&lt;b&gt;A\\\\|B&lt;/b&gt;'
    """
    return "".join(_MD_ESCAPES.get(ch, ch) for ch in " ".join(str(text).split()))


def _quote(text: str, width: int = 160) -> str:
    text = " ".join(str(text).split())
    return md(text if len(text) <= width else text[: width - 1] + "…")


def _actors(analysis: Analysis, top: int) -> list[str]:
    return section(
        ["## Top actors", "", "By PageRank in the actor graph (entities as nodes; affiliations, actions and "
         "\"speaks about\" links as weighted edges).", ""],
        analysis.top_actors, "No entities.",
        ["| # | Name | Type | PageRank | Betweenness | Degree | Statements | Community |",
         "| ---: | --- | --- | ---: | ---: | ---: | ---: | ---: |"],
        lambda i, a: f"| {i} | {md(a.name)} | {a.type} | {a.pagerank:.4f} | {a.betweenness:.4f}"
                     f" | {a.degree} | {a.statements} | {a.community} |", limit=top)


def _speakers(analysis: Analysis) -> list[str]:
    out = section(
        ["## Speakers", ""], analysis.speakers, "No attributed statements.",
        ["| Name | Statements | Speech acts | Speaks most about |", "| --- | ---: | --- | --- |"],
        lambda _, s: f"| {md(s.name)} | {s.statements} | {md(acts(s, 4))} | {md(about(s, 4))} |")
    unattributed = analysis.counts.unattributed_statements
    if analysis.speakers and unattributed:
        out += ["", f"{unattributed} statement(s) have no named speaker."]
    return out


def _communities(analysis: Analysis) -> list[str]:
    out = ["## Communities", "", "Louvain (seeded, reproducible) on the weighted, undirected actor graph; "
           "most central member first.", ""]
    shown = [c for c in analysis.communities if c.size > 1]
    if shown:
        out += ["| # | Size | Members |", "| ---: | ---: | --- |"]
        for c in shown:
            out.append(f"| {c.id} | {c.size} | {md(members(c, 12))} |")
    alone = [c.members[0] for c in analysis.communities if c.size == 1]
    if alone:
        out += ["", "Not tied to any other entity: " + md(", ".join(alone)) + "."]
    if not analysis.communities:
        out.append("None.")
    return out


def _brokers(analysis: Analysis, top: int) -> list[str]:
    return section(
        ["## Brokers between communities", "", "Entities tied to more than one community, by betweenness; "
         "participation is 0 when all ties stay in one community and grows as they spread.", ""],
        analysis.brokers, "None.",
        ["| Name | Type | Betweenness | Participation | Own community | Also tied to |",
         "| --- | --- | ---: | ---: | ---: | --- |"],
        lambda _, b: f"| {md(b.actor.name)} | {b.actor.type} | {b.actor.betweenness:.4f}"
                     f" | {b.actor.participation:.4f} | {b.actor.community} | {', '.join(str(c) for c in b.links)} |",
        limit=top)


def _conflicts(analysis: Analysis) -> list[str]:
    out = ["## Conflicts", "", "One side accuses or criticises (a statement's speech act, or an action), "
           "the other, or a member of it, rejects or denies.", ""]
    if analysis.conflicts:
        out += ["| Accuser | Accused | Accusation | Response |", "| --- | --- | --- | --- |"]
        for c in analysis.conflicts:
            accusation = c.accusations[0]
            response = c.responses[0]
            out.append(f"| {md(c.accuser_name)} | {md(c.accused_name)}"
                       f" | {_quote(accusation.sentence)} | {md(response.by_name)} {md(response.verb)}:"
                       f" {_quote(response.text or response.sentence)} |")
    else:
        out.append("None found.")
    unanswered = one_sided(analysis)
    if unanswered:
        out += ["", "Accusations with no rejection in the text:", "", "| Accuser | Accused | Verb | Evidence |",
                "| --- | --- | --- | --- |"]
        for a in unanswered:
            out.append(f"| {md(a.accuser_name)} | {md(a.accused_name)} | {md(verbs(a.accusations))}"
                       f" | {_quote(a.accusations[0].sentence)} |")
    return out
