"""The frozen dataclasses that the stages of kg pass to each other.

No spaCy Span or rdflib term crosses a stage boundary: extraction turns the parse into these,
and the RDF, analysis and page layers read only these (or the RDF built from them).
Character offsets are always into ``Article.text`` (Python ``str`` indices, end exclusive).
``Analysis`` and the classes it is made of are what ``kg.analyze.analyze`` finds in the actor graph;
the page (kg.render) and the measures' RDF (kg.rdf.measures) read it.
"""
from __future__ import annotations

from dataclasses import asdict, dataclass, field
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
    role: str | None  # as written, without "former" ("chief executive")
    evidence: Evidence
    former: bool = False  # "the former chief executive of Acme": a membership that has ended


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


# ---------------------------------------------------------------- the analysis of the actor graph


@dataclass(frozen=True)
class ArticleRef:
    """An article the analysis read: its IRI, schema:identifier and schema:headline."""

    id: str
    identifier: str | None
    headline: str | None


@dataclass(frozen=True)
class Counts:
    """How much the analysed graph holds."""

    articles: int
    entities: int
    entities_by_type: dict[str, int]  # every type of ENTITY_TYPES, in that order
    statements: int
    unattributed_statements: int
    affiliations: int
    actions: int
    edges: int
    edges_by_kind: dict[str, int]
    communities: int
    conflicts: int
    triples: int


@dataclass(frozen=True)
class ActorMeasures:
    """One entity of the actor graph and its measures (floats rounded to 4 decimals)."""

    id: str  # the entity IRI
    name: str
    type: str
    aliases: tuple[str, ...]
    degree: int  # facts touching it, in either direction
    in_degree: int
    out_degree: int
    betweenness: float
    pagerank: float
    community: int  # Community.id, 0 for none
    participation: float
    statements: int  # statements it made


@dataclass(frozen=True)
class Community:
    """A Louvain community, members most central first."""

    id: int  # 1 for the largest
    size: int
    leader: str  # the name of its most central member
    members: tuple[str, ...]  # names
    member_ids: tuple[str, ...]  # IRIs


@dataclass(frozen=True)
class Broker:
    """An entity tied to communities other than its own."""

    actor: ActorMeasures
    links: tuple[int, ...]  # the ids of the other communities, sorted


@dataclass(frozen=True)
class Topic:
    """An entity a speaker speaks about, and in how many statements."""

    id: str
    name: str
    count: int


@dataclass(frozen=True)
class Speaker:
    """An entity that made statements: how many, with which speech acts, about whom."""

    id: str
    name: str
    type: str
    statements: int
    speech_acts: dict[str, int]  # commonest first
    about: tuple[Topic, ...]  # most often first


@dataclass(frozen=True)
class Citation:
    """A fact cited as evidence: a statement or an action, its verb or cue, its text and sentence."""

    kind: str  # "statement" or "action"
    source: str  # the IRI of the statement or action
    verb: str
    text: str
    sentence: str


@dataclass(frozen=True)
class Response(Citation):
    """A rejection or denial that answers an accusation, and who made it."""

    by: str
    by_name: str
    names_accuser: bool  # the rejection names the accuser (else it only shares the article)


@dataclass(frozen=True)
class Accusation:
    """One entity accusing or criticising another, with the facts that say so."""

    accuser: str
    accuser_name: str
    accused: str
    accused_name: str
    accusations: tuple[Citation, ...]


@dataclass(frozen=True)
class Conflict(Accusation):
    """An accusation that the accused, or a member of it, rejects or denies."""

    responses: tuple[Response, ...]  # those naming the accuser first


@dataclass(frozen=True)
class Parameters:
    """How the analysis was made."""

    edge_weights: dict[str, float]
    louvain_seed: int
    pagerank_alpha: float
    betweenness: str


# what NAME.analysis.json keeps of a top actor and of a broker's measures
_TOP_ACTOR_KEYS = ("id", "name", "type", "pagerank", "betweenness", "degree", "statements", "community")
_BROKER_KEYS = ("id", "name", "type", "community", "betweenness", "participation", "pagerank")


@dataclass(frozen=True)
class Analysis:
    """What ``kg.analyze.analyze`` finds in the actor graph of one article or a merged corpus."""

    articles: tuple[ArticleRef, ...]
    counts: Counts
    nodes: tuple[ActorMeasures, ...]  # every entity, in IRI order
    communities: tuple[Community, ...]  # largest first
    brokers: tuple[Broker, ...]  # by betweenness
    speakers: tuple[Speaker, ...]  # most statements first
    accusations: tuple[Accusation, ...]
    conflicts: tuple[Conflict, ...]
    top_actors: tuple[ActorMeasures, ...]  # by PageRank
    parameters: Parameters

    def as_dict(self) -> dict:
        """The analysis as JSON-ready dicts and lists: what NAME.analysis.json holds."""
        data = _lists(asdict(self))
        data["top_actors"] = [{key: actor[key] for key in _TOP_ACTOR_KEYS} for actor in data["top_actors"]]
        data["brokers"] = [{key: broker["actor"][key] for key in _BROKER_KEYS} | {"links": broker["links"]}
                           for broker in data["brokers"]]
        return data


def _lists(value):
    """``value`` with every tuple, at any depth, made a list, as JSON reads it back."""
    if isinstance(value, (list, tuple)):
        return [_lists(item) for item in value]
    if isinstance(value, dict):
        return {key: _lists(item) for key, item in value.items()}
    return value
