"""The plain-text report of an analysis, for a terminal; and the phrases the Markdown report shares.

Sections: top actors, speakers, communities, brokers between communities, conflicts.
"""
from __future__ import annotations

from kg.model import Accusation, Analysis, Citation, Community, Counts, Speaker


def format_report(analysis: Analysis) -> str:
    """A plain-text report of ``analysis`` for a terminal: top actors, speakers, communities, brokers, conflicts."""
    title = title_of(analysis)
    lines = ["Article: " + title if title else "Knowledge graph", counts_line(analysis.counts)]
    for part in (_actors, _speakers, _communities, _brokers, _conflicts):
        lines += ["", *part(analysis)]
    return "\n".join(lines) + "\n"


def title_of(analysis: Analysis) -> str:
    """The headlines of the articles analysed (or their identifiers), joined by "; "."""
    headlines = [a.headline or a.identifier or a.id for a in analysis.articles]
    return "; ".join(headlines)


def counts_line(counts: Counts) -> str:
    """One line of counts: entities by type, statements, affiliations, actions, edges, triples."""
    by_type = ", ".join(f"{name} {n}" for name, n in counts.entities_by_type.items())
    return (f"Entities {counts.entities} ({by_type}); statements {counts.statements}"
            f" ({counts.unattributed_statements} unattributed); affiliations {counts.affiliations};"
            f" actions {counts.actions}; edges {counts.edges}; triples {counts.triples}")


def about(speaker: Speaker, limit: int = 3) -> str:
    """Whom a speaker speaks about most, with how often: "China (3), Xinjiang (1)"."""
    return ", ".join(f"{a.name} ({a.count})" for a in speaker.about[:limit]) or "-"


def acts(speaker: Speaker, limit: int = 3) -> str:
    """A speaker's commonest speech acts, with how often: "say 3, deny 1"."""
    return ", ".join(f"{act} {n}" for act, n in list(speaker.speech_acts.items())[:limit])


def members(community: Community, limit: int = 6) -> str:
    """The first members of a community by centrality, and how many more."""
    shown = community.members[:limit]
    more = len(community.members) - len(shown)
    return ", ".join(shown) + (f" and {more} more" if more > 0 else "")


def verbs(facts: tuple[Citation, ...]) -> str:
    """The verbs or cues of some facts, sorted, once each."""
    return ", ".join(sorted({f.verb for f in facts}))


def one_sided(analysis: Analysis) -> list[Accusation]:
    """The accusations that no rejection answers."""
    answered = {(c.accuser, c.accused) for c in analysis.conflicts}
    return [a for a in analysis.accusations if (a.accuser, a.accused) not in answered]


def section(title: list[str], items, empty: str, header: list[str], row, *, limit: int | None = None) -> list[str]:
    """The lines of a report section: ``title``, then ``header`` and ``row(number, item)`` for each
    of the first ``limit`` of ``items`` (numbered from 1), or ``empty`` when there are none."""
    if not items:
        return [*title, empty]
    return [*title, *header, *(row(i, item) for i, item in enumerate(items[:limit], 1))]


def _cell(text: str, width: int) -> str:
    text = " ".join(str(text).split())
    return text if len(text) <= width else text[: width - 3] + "..."


def _actors(analysis: Analysis) -> list[str]:
    return section(
        ["Top actors (by PageRank)"], analysis.top_actors, "  (no entities)",
        [f"  {'#':>2}  {'Name':<32}  {'Type':<12}  {'PageRank':>8}  {'Between':>7}  {'Degree':>6}"
         f"  {'Statements':>10}  {'Community':>9}"],
        lambda i, a: f"  {i:>2}  {_cell(a.name, 32):<32}  {a.type:<12}  {a.pagerank:>8.4f}  {a.betweenness:>7.4f}"
                     f"  {a.degree:>6}  {a.statements:>10}  {a.community:>9}")


def _speakers(analysis: Analysis) -> list[str]:
    return section(
        ["Speakers"], analysis.speakers, "  (no attributed statements)",
        [f"  {'Name':<32}  {'Statements':>10}  {'Speech acts':<28}  Speaks most about"],
        lambda _, s: f"  {_cell(s.name, 32):<32}  {s.statements:>10}  {_cell(acts(s), 28):<28}  {_cell(about(s), 60)}")


def _communities(analysis: Analysis) -> list[str]:
    lines = ["Communities (Louvain, seeded; most central member first)"]
    for c in analysis.communities:
        if c.size > 1:
            lines.append(f"  {c.id:>2}. " + _cell(members(c), 110))
    alone = [c.members[0] for c in analysis.communities if c.size == 1]
    if alone:
        lines.append("      unconnected: " + _cell(", ".join(alone), 100))
    if not analysis.communities:
        lines.append("  (none)")
    return lines


def _brokers(analysis: Analysis) -> list[str]:
    return section(
        ["Brokers between communities (by betweenness)"], analysis.brokers, "  (none)",
        [f"  {'Name':<32}  {'Between':>7}  {'Particip.':>9}  Community -> also tied to"],
        lambda _, b: f"  {_cell(b.actor.name, 32):<32}  {b.actor.betweenness:>7.4f}  {b.actor.participation:>9.4f}"
                     f"  {b.actor.community} -> {', '.join(str(c) for c in b.links)}", limit=10)


def _conflicts(analysis: Analysis) -> list[str]:
    lines = ["Conflicts (one accuses, the other rejects or denies)"]
    for c in analysis.conflicts:
        lines.append(f"  {_cell(c.accuser_name, 40)} {verbs(c.accusations)} {_cell(c.accused_name, 40)};"
                     f" {verbs(c.responses)} by {', '.join(sorted({r.by_name for r in c.responses}))}")
    if not analysis.conflicts:
        lines.append("  (none)")
    unanswered = one_sided(analysis)
    if unanswered:
        lines.append("  Accusations without a rejection:")
        for a in unanswered:
            lines.append(f"    {_cell(a.accuser_name, 40)} {verbs(a.accusations)} {_cell(a.accused_name, 40)}")
    return lines
