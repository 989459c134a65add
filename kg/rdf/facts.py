"""The facts of kg's RDF that the actor graph is made of, read back as plain data.

The reverse of build.py for the analysis: entities with their type, name and aliases,
statements, memberships, actions and articles, as IRI strings and text, so that no rdflib term
leaves the RDF layer. ``rdf:type`` and vocabulary terms are never entities. Where a subject has
several values of one property the smallest is taken, so the result does not depend on the order
of the triples.

>>> from rdflib import Graph, Literal, URIRef
>>> from kg.rdf.vocab import RDF, SCHEMA
>>> g = Graph()
>>> ann = URIRef("https://kg.example.org/id/person/ann")
>>> _ = g.add((ann, RDF.type, SCHEMA.Person))
>>> _ = g.add((ann, SCHEMA.name, Literal("Ann")))
>>> read_actor_facts(g).entities
(EntityFact(id='https://kg.example.org/id/person/ann', type='Person', name='Ann', aliases=()),)
"""
from __future__ import annotations

from dataclasses import dataclass

from rdflib import Graph, URIRef

from kg.model import ENTITY_TYPES, ArticleRef
from kg.rdf.build import ENTITY_CLASSES
from kg.rdf.vocab import KG, KG_NS, ORG, QUOTE_TYPE_IRIS, RDF, RDFS, SCHEMA

_QUOTE_TYPES = {iri: name for name, iri in QUOTE_TYPE_IRIS.items()}
_SPEECH_ACT_PREFIX = KG_NS + "act-"


@dataclass(frozen=True)
class EntityFact:
    """An entity: its IRI, type name ("Person", ...), schema:name and sorted aliases."""

    id: str
    type: str
    name: str
    aliases: tuple[str, ...]


@dataclass(frozen=True)
class MembershipFact:
    """An org:Membership: member, organisation and role label (None when missing), evidence, article."""

    id: str
    person: str | None
    organization: str | None
    role: str | None
    sentence: str
    article: str | None


@dataclass(frozen=True)
class ActionFact:
    """A schema:Action: agent, object, verb lemma and name (None when missing), evidence, article."""

    id: str
    agent: str | None
    object: str | None
    lemma: str | None
    name: str | None
    sentence: str
    article: str | None


@dataclass(frozen=True)
class ActorFacts:
    """Everything the actor graph is made of, each kind sorted by IRI.

    ``statements`` are dicts (they become node attributes of the actor graph) with ``id``,
    ``speaker`` (an entity IRI or None), ``speaker_text``, ``text``, ``cue``, ``speech_act``,
    ``quote_type``, ``sentence``, ``article`` and ``mentions`` (the entities it mentions, sorted).
    """

    articles: tuple[ArticleRef, ...]
    entities: tuple[EntityFact, ...]
    statements: tuple[dict, ...]
    memberships: tuple[MembershipFact, ...]
    actions: tuple[ActionFact, ...]
    triples: int


def read_actor_facts(graph: Graph) -> ActorFacts:
    """The entities, statements, memberships, actions and articles of ``graph``."""
    entities = _entities(graph)
    return ActorFacts(
        articles=tuple(ArticleRef(str(a), _first(graph, a, SCHEMA.identifier), _first(graph, a, SCHEMA.headline))
                       for a in _typed(graph, SCHEMA.NewsArticle)),
        entities=tuple(_entity(graph, entity, type_name) for entity, type_name in entities.items()),
        statements=tuple(_statement_record(graph, s, entities) for s in _typed(graph, KG.Statement, SCHEMA.Quotation)),
        memberships=tuple(_membership(graph, m) for m in _typed(graph, ORG.Membership)),
        actions=tuple(_action(graph, a) for a in _typed(graph, SCHEMA.Action)),
        triples=len(graph),
    )


def _first(graph: Graph, subject, predicate) -> str | None:
    """The smallest string value of ``subject predicate ?o`` (deterministic when there are several)."""
    values = sorted(str(o) for o in graph.objects(subject, predicate))
    return values[0] if values else None


def _first_node(graph: Graph, subject, predicate) -> URIRef | None:
    values = sorted(o for o in graph.objects(subject, predicate) if isinstance(o, URIRef))
    return values[0] if values else None


def _iri(node: URIRef | None) -> str | None:
    return str(node) if node is not None else None


def _typed(graph: Graph, *classes) -> list[URIRef]:
    """Every IRI typed with one of ``classes``, sorted."""
    found = {s for cls in classes for s in graph.subjects(RDF.type, cls) if isinstance(s, URIRef)}
    return sorted(found)


def _entities(graph: Graph) -> dict[URIRef, str]:
    """Entity IRI -> entity type name; a subject with several entity classes takes the first of ENTITY_TYPES."""
    entities: dict[URIRef, str] = {}
    for type_name in ENTITY_TYPES:
        for subject in _typed(graph, ENTITY_CLASSES[type_name]):
            entities.setdefault(subject, type_name)
    return dict(sorted(entities.items()))


def _entity(graph: Graph, entity: URIRef, type_name: str) -> EntityFact:
    return EntityFact(
        id=str(entity),
        type=type_name,
        name=_first(graph, entity, SCHEMA.name) or str(entity).rstrip("/").rsplit("/", 1)[-1],
        aliases=tuple(sorted({str(o) for o in graph.objects(entity, SCHEMA.alternateName)})),
    )


def _speech_act(graph: Graph, statement: URIRef) -> str | None:
    act = _first_node(graph, statement, KG.speechAct)
    if act is None:
        return None
    text = str(act)
    return text[len(_SPEECH_ACT_PREFIX):] if text.startswith(_SPEECH_ACT_PREFIX) else text


def _statement_record(graph: Graph, statement: URIRef, entities: dict[URIRef, str]) -> dict:
    quote_type = _first_node(graph, statement, KG.quoteType)
    speaker = _first_node(graph, statement, SCHEMA.creator)
    return {
        "id": str(statement),
        "speaker": str(speaker) if speaker in entities else None,
        "speaker_text": _first(graph, statement, KG.speakerText) or "",
        "text": _first(graph, statement, SCHEMA.text) or "",
        "cue": _first(graph, statement, KG.cue) or "",
        "speech_act": _speech_act(graph, statement),
        "quote_type": _QUOTE_TYPES.get(quote_type) if quote_type is not None else None,
        "sentence": _first(graph, statement, KG.sentence) or "",
        "article": _iri(_first_node(graph, statement, SCHEMA.isPartOf)),
        "mentions": sorted(str(m) for m in graph.objects(statement, SCHEMA.mentions) if m in entities),
    }


def _membership(graph: Graph, membership: URIRef) -> MembershipFact:
    role = _first_node(graph, membership, ORG.role)
    return MembershipFact(
        id=str(membership),
        person=_iri(_first_node(graph, membership, ORG.member)),
        organization=_iri(_first_node(graph, membership, ORG.organization)),
        role=_first(graph, role, RDFS.label) if role is not None else None,
        sentence=_first(graph, membership, KG.sentence) or "",
        article=_iri(_first_node(graph, membership, SCHEMA.isPartOf)),
    )


def _action(graph: Graph, action: URIRef) -> ActionFact:
    return ActionFact(
        id=str(action),
        agent=_iri(_first_node(graph, action, SCHEMA.agent)),
        object=_iri(_first_node(graph, action, SCHEMA.object)),
        lemma=_first(graph, action, KG.verbLemma),
        name=_first(graph, action, SCHEMA.name),
        sentence=_first(graph, action, KG.sentence) or "",
        article=_iri(_first_node(graph, action, SCHEMA.isPartOf)),
    )
