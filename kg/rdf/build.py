"""ArticleGraph -> rdflib.Graph, exactly in the shape of the RDF contract (notes/rdf-contract.md).

No timestamps and no blank nodes: the same articles always give the same triples, so the Turtle
written from them is byte-identical from run to run.
"""
from __future__ import annotations

from collections.abc import Iterable
from importlib.metadata import PackageNotFoundError, version
from pathlib import PureWindowsPath

from rdflib import Graph, Literal, Namespace, URIRef

from kg.errors import GraphError
from kg.model import ArticleGraph, Entity, Evidence
from kg.rdf import iri
from kg.rdf.vocab import (
    DEFAULT_BASE, KG, ORG, OWL, PROV, QUOTE_TYPE_IRIS, RDF, RDFS, SCHEMA, XSD, speech_act_iri,
)

ENTITY_CLASSES = {
    "Person": SCHEMA.Person,
    "Organization": SCHEMA.Organization,
    "Place": SCHEMA.Place,
    "Group": KG.Group,
}

# prefixes for the data IRIs whose local part is a single slug (statement IRIs hold a "/" and stay whole)
_DATA_PREFIXES = ("article", "activity", "software", "person", "organization", "place", "group", "role")


def software_version() -> str:
    """The installed kg version ("0.1.0"), or "0+unknown" when kg is not installed."""
    try:
        return version("kg")
    except PackageNotFoundError:
        return "0+unknown"


def bind_prefixes(graph: Graph, *, base: str = DEFAULT_BASE) -> Graph:
    """Bind the prefixes kg's Turtle uses (schema, org, prov, kg, rdfs, xsd, owl, and one per data kind)."""
    base = iri.normalize_base(base)
    for prefix, namespace in (("schema", SCHEMA), ("org", ORG), ("prov", PROV), ("kg", KG),
                              ("rdf", RDF), ("rdfs", RDFS), ("xsd", XSD), ("owl", OWL)):
        graph.bind(prefix, Namespace(str(namespace)), override=True, replace=True)
    for kind in _DATA_PREFIXES:
        graph.bind(kind, Namespace(f"{base}{kind}/"), override=True, replace=True)
    return graph


def build_graph(article_graphs: Iterable[ArticleGraph], *, base: str = DEFAULT_BASE) -> Graph:
    """The RDF graph of some articles in the kg vocabulary; entities shared by articles are one node.

    >>> from kg.model import Article, ArticleGraph
    >>> g = build_graph([ArticleGraph(Article(id="a", text="Hi.", headline="Hello"))])
    >>> sorted(str(o) for o in g.objects(predicate=SCHEMA.headline))
    ['Hello']
    """
    base = iri.normalize_base(base)
    graph = bind_prefixes(Graph(bind_namespaces="core"), base=base)
    software = iri.software_iri(software_version(), base=base)
    for article_graph in article_graphs:
        _add_article_graph(graph, article_graph, base, software)
    # a name that is canonical for a node is not also one of its other names
    for node, name in list(graph.subject_objects(SCHEMA.name)):
        graph.remove((node, SCHEMA.alternateName, name))
    return graph


def _file_name(source: str) -> str:
    """The file name of a path given as text, whether it uses "/" or "\\" separators."""
    return PureWindowsPath(source).name or source


def _add_evidence(graph: Graph, node: URIRef, evidence: Evidence, article: URIRef) -> None:
    """The evidence sentence, its offsets and the article a fact was read from."""
    graph.add((node, KG.sentence, Literal(evidence.text)))
    graph.add((node, KG.startOffset, Literal(int(evidence.start))))
    graph.add((node, KG.endOffset, Literal(int(evidence.end))))
    graph.add((node, SCHEMA.isPartOf, article))


def _add_entity(graph: Graph, entity: Entity, base: str) -> URIRef:
    """An entity with its class, one canonical name and its other names; returns its IRI."""
    cls = ENTITY_CLASSES.get(entity.type)
    if cls is None:
        raise GraphError(f"entity {entity.ref!r} has an unknown type {entity.type!r}")
    node = iri.entity_iri(entity.type, entity.key, base=base)
    graph.add((node, RDF.type, cls))
    name = Literal(entity.name)
    known = graph.value(node, SCHEMA.name)
    if known is None:
        graph.add((node, SCHEMA.name, name))
    elif known != name:  # another article named it differently: keep the first, record the other
        graph.add((node, SCHEMA.alternateName, name))
    for alias in entity.aliases:
        graph.add((node, SCHEMA.alternateName, Literal(alias)))
    return node


def _add_article_graph(graph: Graph, ag: ArticleGraph, base: str, software: URIRef) -> None:
    """One article, its provenance, entities, statements, memberships and actions."""
    article = ag.article
    art = iri.article_iri(article.id, base=base)
    activity = iri.activity_iri(article.id, base=base)
    graph.add((art, RDF.type, SCHEMA.NewsArticle))
    graph.add((art, SCHEMA.identifier, Literal(article.id)))
    for prop, value in ((SCHEMA.headline, article.headline), (KG.byline, article.byline),
                        (KG.dateline, article.dateline)):
        if value is not None:
            graph.add((art, prop, Literal(value)))
    if article.source is not None:
        graph.add((art, KG.sourceFile, Literal(_file_name(article.source))))
    graph.add((art, PROV.wasGeneratedBy, activity))
    graph.add((activity, RDF.type, PROV.Activity))
    graph.add((activity, PROV.wasAssociatedWith, software))
    if ag.model:
        graph.add((activity, PROV.used, Literal(ag.model)))

    entities: dict[str, tuple[Entity, URIRef]] = {}
    for entity in ag.entities:
        node = _add_entity(graph, entity, base)
        entities[entity.ref] = (entity, node)
        graph.add((art, SCHEMA.mentions, node))

    def lookup(ref: str, what: str) -> tuple[Entity, URIRef]:
        """The entity and IRI a reference points at; GraphError when the article has no such entity."""
        try:
            return entities[ref]
        except KeyError:
            raise GraphError(f"article {article.id!r}: {what} refers to unknown entity {ref!r}") from None

    for n, st in enumerate(ag.statements, start=1):
        node = iri.statement_iri(article.id, n, base=base)
        quote_type = QUOTE_TYPE_IRIS.get(st.quote_type)
        if quote_type is None:
            raise GraphError(f"article {article.id!r}: statement {n} has unknown quote type {st.quote_type!r}")
        graph.add((node, RDF.type, SCHEMA.Quotation))
        graph.add((node, RDF.type, KG.Statement))
        if st.speaker is not None:
            graph.add((node, SCHEMA.creator, lookup(st.speaker, f"statement {n} speaker")[1]))
        graph.add((node, KG.speakerText, Literal(st.speaker_text)))
        graph.add((node, SCHEMA.text, Literal(st.content)))
        graph.add((node, KG.cue, Literal(st.cue)))
        graph.add((node, KG.speechAct, speech_act_iri(iri.slugify(st.speech_act))))
        graph.add((node, KG.quoteType, quote_type))
        graph.add((node, KG.contentStart, Literal(int(st.content_start))))
        graph.add((node, KG.contentEnd, Literal(int(st.content_end))))
        _add_evidence(graph, node, st.evidence, art)
        for ref in st.mentions:
            graph.add((node, SCHEMA.mentions, lookup(ref, f"statement {n} mention")[1]))

    used: set[URIRef] = set()
    for n, aff in enumerate(ag.affiliations, start=1):
        person, person_node = lookup(aff.person, f"affiliation {n} person")
        org, org_node = lookup(aff.organization, f"affiliation {n} organization")
        node = iri.membership_iri(article.id, person.key, org.key, base=base)
        suffix = 2
        while node in used:  # the same pair twice in one article (two roles): keep them apart
            node = URIRef(f"{iri.membership_iri(article.id, person.key, org.key, base=base)}-{suffix}")
            suffix += 1
        used.add(node)
        graph.add((node, RDF.type, ORG.Membership))
        graph.add((node, ORG.member, person_node))
        graph.add((node, ORG.organization, org_node))
        if aff.role is not None:
            role = iri.role_iri(aff.role, base=base)
            graph.add((node, ORG.role, role))
            graph.add((role, RDF.type, ORG.Role))
            if graph.value(role, RDFS.label) is None:  # "China director" and "China Director" are one role
                graph.add((role, RDFS.label, Literal(aff.role)))
        _add_evidence(graph, node, aff.evidence, art)

    for n, act in enumerate(ag.actions, start=1):
        node = iri.action_iri(article.id, n, base=base)
        graph.add((node, RDF.type, SCHEMA.Action))
        graph.add((node, SCHEMA.agent, lookup(act.agent, f"action {n} agent")[1]))
        graph.add((node, SCHEMA.object, lookup(act.object, f"action {n} object")[1]))
        graph.add((node, SCHEMA.name, Literal(act.verb)))
        graph.add((node, KG.verbLemma, Literal(act.lemma)))
        _add_evidence(graph, node, act.evidence, art)
