"""The frozen dataclasses that the stages of kg pass to each other.

No spaCy Span or rdflib term crosses a stage boundary: extraction turns the parse into these,
and the RDF, analysis and page layers read only these (or the RDF built from them).
Character offsets are always into ``Article.text`` (Python ``str`` indices, end exclusive).
"""
from __future__ import annotations

from dataclasses import dataclass, field
from typing import Literal

EntityType = Literal["Person", "Organization", "Place", "Group"]
QuoteType = Literal["direct", "indirect", "mixed"]

ENTITY_TYPES: tuple[str, ...] = ("Person", "Organization", "Place", "Group")


@dataclass(frozen=True)
class Article:
    """One news article as read from its file: the text and what its first lines tell."""

    id: str  # slug, e.g. "xinjiang-report"; names the output files and the article IRI
    text: str
    headline: str | None = None
    byline: str | None = None  # the author as printed ("georgeskef")
    dateline: str | None = None  # the place line ("GENEVA")
    source: str | None = None  # the file it came from, as given
    date: str | None = None  # publication date "YYYY-MM-DD", when the source says (HTML metadata)


@dataclass(frozen=True)
class Evidence:
    """Where a fact was read: a stretch of the article, usually one or a few sentences."""

    start: int
    end: int
    text: str


@dataclass(frozen=True)
class Mention:
    """One surface form of an entity in the text."""

    text: str
    start: int
    end: int
    type: EntityType


@dataclass(frozen=True)
class Entity:
    """One real-world actor or place of the article, with every name it goes by there."""

    key: str  # slug of the canonical name, unique per type within an article
    type: EntityType
    name: str  # canonical name
    aliases: tuple[str, ...] = ()  # every other surface form, sorted
    mentions: tuple[Mention, ...] = ()

    @property
    def ref(self) -> str:
        """The identifier other dataclasses use to point at this entity: "Person/michelle-bachelet"."""
        return f"{self.type}/{self.key}"


@dataclass(frozen=True)
class Statement:
    """An attributed statement: who said what, with which verb, and where."""

    speaker: str | None  # Entity.ref, or None for an unnamed speaker ("critics")
    speaker_text: str  # the speaker as written ("She", "Critics", "Zhao Lijian")
    cue: str  # the reporting word as written ("stated", "according to")
    speech_act: str  # the small type the cue maps to: say, claim, accuse, deny, urge, ...
    content: str  # exactly as written in the article
    quote_type: QuoteType
    content_start: int
    content_end: int
    evidence: Evidence
    mentions: tuple[str, ...] = ()  # Entity.ref of the entities the content mentions
    unnamed_speaker: bool = False  # speaker None because the article names nobody ("critics", "officials")
    # a quotation interrupted by its cue (“A,” she said. “B.”) is several spans, joined by a space in
    # ``content``; empty when the content is the one span content_start..content_end
    content_parts: tuple[tuple[int, int], ...] = ()


@dataclass(frozen=True)
class Affiliation:
    """A person's membership of an organisation, with the role text where one is given."""

    person: str  # Entity.ref
    organization: str | None  # Entity.ref; None for a role without a named organisation
    role: str | None
    evidence: Evidence


@dataclass(frozen=True)
class Action:
    """Who did what to whom: an agent, a verb and an object, both entities."""

    agent: str  # Entity.ref
    verb: str  # as written ("detained")
    lemma: str  # "detain"
    object: str  # Entity.ref
    evidence: Evidence


@dataclass(frozen=True)
class ArticleGraph:
    """Everything extracted from one article (``kg.rdf.build.build_graph`` turns it into RDF)."""

    article: Article
    entities: tuple[Entity, ...] = ()
    statements: tuple[Statement, ...] = ()
    affiliations: tuple[Affiliation, ...] = ()
    actions: tuple[Action, ...] = ()
    model: str = field(default="", compare=False)  # the spaCy pipeline that produced it, "name-version"

    def entity(self, ref: str) -> Entity:
        """The entity with this ``Entity.ref``; KeyError when there is none."""
        for entity in self.entities:
            if entity.ref == ref:
                return entity
        raise KeyError(ref)


# The speech-act types a cue maps to; ontology/kg.ttl declares one individual for each.
SPEECH_ACTS: tuple[str, ...] = (
    "say", "claim", "accuse", "deny", "reject", "urge", "recommend", "explain", "acknowledge",
    "warn", "confirm", "criticize", "promise", "ask", "announce", "report", "believe",
)
