"""The plain-text report of an analysis, for a terminal; and the phrases the Markdown report shares.

Sections: top actors, speakers, communities, brokers between communities, conflicts.
"""
from __future__ import annotations

from kg.model import Accusation, Analysis, Citation, Community, Counts, Speaker


def format_report(analysis: Analysis) -> str:
    """A plain-text report of ``analysis`` for a terminal: top actors, speakers, communities, brokers, conflicts."""
    title = title_of(analysis)
    lines = ["Article: " + title if title else "Knowledge graph", counts_line(analysis.counts)]
    for section in (_actors, _speakers, _communities, _brokers, _conflicts):
        lines += ["", *section(analysis)]
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


def _cell(text: str, width: int) -> str:
    text = " ".join(str(text).split())
    return text if len(text) <= width else text[: width - 3] + "..."


def _actors(analysis: Analysis) -> list[str]:
    lines = ["Top actors (by PageRank)"]
    if not analysis.top_actors:
        return lines + ["  (no entities)"]
    lines.append(f"  {'#':>2}  {'Name':<32}  {'Type':<12}  {'PageRank':>8}  {'Between':>7}  {'Degree':>6}"
                 f"  {'Statements':>10}  {'Community':>9}")
    for i, actor in enumerate(analysis.top_actors, 1):
        lines.append(f"  {i:>2}  {_cell(actor.name, 32):<32}  {actor.type:<12}  {actor.pagerank:>8.4f}"
                     f"  {actor.betweenness:>7.4f}  {actor.degree:>6}  {actor.statements:>10}  {actor.community:>9}")
    return lines


def _speakers(analysis: Analysis) -> list[str]:
    lines = ["Speakers"]
    if not analysis.speakers:
        return lines + ["  (no attributed statements)"]
    lines.append(f"  {'Name':<32}  {'Statements':>10}  {'Speech acts':<28}  Speaks most about")
    for speaker in analysis.speakers:
        lines.append(f"  {_cell(speaker.name, 32):<32}  {speaker.statements:>10}"
                     f"  {_cell(acts(speaker), 28):<28}  {_cell(about(speaker), 60)}")
    return lines


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
    lines = ["Brokers between communities (by betweenness)"]
    if not analysis.brokers:
        return lines + ["  (none)"]
    lines.append(f"  {'Name':<32}  {'Between':>7}  {'Particip.':>9}  Community -> also tied to")
    for b in analysis.brokers[:10]:
        lines.append(f"  {_cell(b.actor.name, 32):<32}  {b.actor.betweenness:>7.4f}  {b.actor.participation:>9.4f}"
                     f"  {b.actor.community} -> {', '.join(str(c) for c in b.links)}")
    return lines


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
