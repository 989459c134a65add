"""ArticleGraph -> rdflib.Graph, exactly in the shape of the RDF contract (ontology/README.md draws it,
ontology/shapes.ttl checks it).

No clock time and no blank nodes: the same articles always give the same triples, so the Turtle
written from them is byte-identical from run to run (a time is written only when the caller gives
one, see ``build_graph``).

Provenance: every statement, membership and action keeps the ``kg:sentence`` / ``kg:startOffset`` /
``kg:endOffset`` shortcuts and also points, with ``prov:wasDerivedFrom``, at a W3C Web Annotation
``oa:SpecificResource`` of the article (IRI: the fact's IRI + "/evidence") that carries an
``oa:TextPositionSelector`` (``/position``) and an ``oa:TextQuoteSelector`` (``/quote``).

Language: prose read from the article (``schema:headline``, ``schema:text``, ``kg:sentence``,
``oa:exact``) is tagged with the language of the spaCy pipeline that read it ("en_core_web_sm" ->
``@en``); names, cues and other short strings stay plain ``xsd:string`` so that queries can match
them exactly as written.
"""
from __future__ import annotations

import functools

import re
from collections.abc import Iterable
from dataclasses import dataclass
from datetime import datetime, timezone
from importlib.metadata import PackageNotFoundError, version
from pathlib import PureWindowsPath

from rdflib import Dataset, Graph, Literal, Namespace, URIRef

from kg.errors import GraphError
from kg.model import Affiliation, ArticleGraph, Entity, Evidence, Statement
from kg.rdf import iri
from kg.rdf import vocab
from kg.rdf.vocab import DEFAULT_BASE, QUOTE_TYPE_IRIS, speech_act_iri


class _Terms:
    """A vocabulary's terms, each looked up once: rdflib checks every attribute access of a
    DefinedNamespace, which is a tenth of the time it takes to build an article's triples."""

    def __init__(self, namespace):
        self._namespace = namespace

    def __getattr__(self, name: str) -> URIRef:
        term = getattr(self._namespace, name)
        setattr(self, name, term)
        return term


KG, OA, ORG, OWL, PROV, RDF, RDFS, SCHEMA, XSD = (
    _Terms(ns) for ns in (vocab.KG, vocab.OA, vocab.ORG, vocab.OWL, vocab.PROV, vocab.RDF, vocab.RDFS,
                          vocab.SCHEMA, vocab.XSD))

ENTITY_CLASSES = {
    "Person": SCHEMA.Person,
    "Organization": SCHEMA.Organization,
    "Place": SCHEMA.Place,
    "Group": KG.Group,
}

# prefixes for the data IRIs whose local part is a single slug (statement IRIs hold a "/" and stay whole)
_DATA_PREFIXES = ("article", "activity", "software", "model", "person", "organization", "place", "group", "role")
_MODEL_LANGUAGE = re.compile(r"^([a-z]{2,3})_")  # spaCy packages are named {language}_{name}


# characters no XML 1.0 document can hold (C0 controls but tab, newline and carriage return; DEL and
# C1 controls; surrogates; non-characters): SPARQL XML results, RDF/XML and several parsers cannot
# carry them, so they are written as U+FFFD, one for one, which keeps every offset valid
_UNSAFE = re.compile("[\x00-\x08\x0b\x0c\x0e-\x1f\x7f-\x9f\ud800-\udfff\ufdd0-\ufdef"
                     + "".join(f"{chr(plane * 0x10000 + 0xFFFE)}{chr(plane * 0x10000 + 0xFFFF)}" for plane in range(17))
                     + "]")


def safe_text(text: str) -> str:
    r"""``text`` with every character that XML 1.0 (and so some RDF tools) cannot hold replaced by U+FFFD.

    >>> safe_text("tab\tok, bell\x07 and DEL\x7f")
    'tab\tok, bell\ufffd and DEL\ufffd'
    """
    return _UNSAFE.sub("\ufffd", text)


def _text(text: str, lang: str | None = None) -> Literal:
    """A string literal (language-tagged when ``lang`` is given) in a form every RDF tool reads alike."""
    return Literal(safe_text(text), lang=lang)


@functools.lru_cache(maxsize=1)
def software_version() -> str:
    """The installed kg version ("0.1.0"), or "0+unknown" when kg is not installed."""
    try:
        return version("kg")
    except PackageNotFoundError:
        return "0+unknown"


def bind_prefixes(graph: Graph, *, base: str = DEFAULT_BASE) -> Graph:
    """Bind the prefixes kg's Turtle uses (schema, org, prov, kg, rdfs, xsd, owl, and one per data kind)."""
    base = iri.normalize_base(base)
    for prefix, namespace in (("schema", vocab.SCHEMA), ("org", vocab.ORG), ("prov", vocab.PROV), ("oa", vocab.OA),
                              ("kg", vocab.KG), ("rdf", vocab.RDF), ("rdfs", vocab.RDFS), ("xsd", vocab.XSD),
                              ("owl", vocab.OWL)):
        graph.bind(prefix, Namespace(str(namespace)), override=True, replace=True)
    for kind in _DATA_PREFIXES:
        graph.bind(kind, Namespace(f"{base}{kind}/"), override=True, replace=True)
    return graph


def model_language(model: str) -> str | None:
    """The language of a spaCy pipeline from its package name ("en_core_web_sm-3.8.0" -> "en"), or None.

    >>> model_language("en_core_web_sm-3.8.0"), model_language("xx_ent_wiki_sm"), model_language("")
    ('en', None, None)
    """
    match = _MODEL_LANGUAGE.match(model or "")
    return match.group(1) if match and match.group(1) != "xx" else None  # xx: spaCy's multi-language


def build_graph(article_graphs: Iterable[ArticleGraph], *, base: str = DEFAULT_BASE,
                generated_at: datetime | None = None) -> Graph:
    """The RDF graph of some articles in the kg vocabulary; entities shared by articles are one node.

    ``generated_at``, when given, is written as each activity's ``prov:endedAtTime`` (an
    ``xsd:dateTime`` in UTC); by default no time is written, so that output stays byte-identical.
    Two articles with the same id (and so the same IRIs) raise GraphError.

    >>> from kg.model import Article, ArticleGraph
    >>> g = build_graph([ArticleGraph(Article(id="a", text="Hi.", headline="Hello"))])
    >>> sorted(str(o) for o in g.objects(predicate=SCHEMA.headline))
    ['Hello']
    """
    base = iri.normalize_base(base)
    graph = bind_prefixes(Graph(bind_namespaces="core"), base=base)
    graph.addN((s, p, o, graph) for s, p, o in article_triples(article_graphs, base=base, generated_at=generated_at))
    return graph


def article_triples(article_graphs: Iterable[ArticleGraph], *, base: str = DEFAULT_BASE,
                    generated_at: datetime | None = None) -> list[tuple[URIRef, URIRef, URIRef | Literal]]:
    """The triples of ``build_graph``'s graph, as a list of rdflib terms without the Graph.

    For writers that need no rdflib Graph (a store, kg.rdf.store.Store.put_article): filling a Graph
    costs several times more than making the triples (rdflib dispatches an event and updates three
    indexes per triple). Same arguments and errors as ``build_graph``.

    >>> from kg.model import Article, ArticleGraph
    >>> triples = article_triples([ArticleGraph(Article(id="a", text="Hi."))])
    >>> set(triples) == set(build_graph([ArticleGraph(Article(id="a", text="Hi."))]))
    True
    """
    base = iri.normalize_base(base)
    triples = _Triples()
    software = _add_software(triples, base)
    seen: set[URIRef] = set()
    for article_graph in article_graphs:
        article = iri.article_iri(article_graph.article.id, base=base)
        if article in seen:
            raise GraphError(f"two articles have the id {article_graph.article.id!r} (IRI {article}): "
                             "rename one of the files")
        seen.add(article)
        _add_article_graph(triples, article_graph, base, software, generated_at)
    # a name that is canonical for a node is not also one of its other names
    for node, name in triples.subject_objects(SCHEMA.name):
        triples.remove((node, SCHEMA.alternateName, name))
    return list(triples)


class _Triples:
    """A set of triples in insertion order, with the few lookups building needs (the subset of
    rdflib's Graph API the ``_add_*`` functions use: add, remove, value, subject_objects)."""

    __slots__ = ("_triples", "_objects")

    def __init__(self):
        self._triples: dict[tuple, None] = {}
        self._objects: dict[tuple, dict] = {}  # (subject, predicate) -> its objects, in order

    def add(self, triple: tuple) -> None:
        if triple not in self._triples:
            self._triples[triple] = None
            self._objects.setdefault(triple[:2], {})[triple[2]] = None

    def remove(self, triple: tuple) -> None:
        if triple in self._triples:
            del self._triples[triple]
            del self._objects[triple[:2]][triple[2]]

    def value(self, subject, predicate):
        """An object of (subject, predicate), the first added; None when there is none."""
        return next(iter(self._objects.get((subject, predicate), ())), None)

    def subject_objects(self, predicate) -> list[tuple]:
        return [(s, o) for s, p, o in self._triples if p == predicate]

    def __iter__(self):
        return iter(self._triples)

    def __len__(self) -> int:
        return len(self._triples)


def build_dataset(article_graphs: Iterable[ArticleGraph], *, base: str = DEFAULT_BASE,
                  generated_at: datetime | None = None) -> Dataset:
    """The articles as an RDF dataset: each article's triples in the named graph of its IRI.

    For TriG and N-Quads, so that a store keeps provenance per article; an entity that two articles
    mention is described in both graphs (the same IRI, so a union query still sees one node).

    >>> from kg.model import Article, ArticleGraph
    >>> ds = build_dataset([ArticleGraph(Article(id="a", text="Hi."))])
    >>> sorted(str(g.identifier) for g in ds.graphs() if len(g))
    ['https://kg.example.org/id/article/a']
    """
    base = iri.normalize_base(base)
    dataset = Dataset()
    seen: set[URIRef] = set()
    for article_graph in article_graphs:
        graph = build_graph([article_graph], base=base, generated_at=generated_at)
        name = iri.article_iri(article_graph.article.id, base=base)
        if name in seen:
            raise GraphError(f"two articles have the id {article_graph.article.id!r} (IRI {name}): "
                             "rename one of the files")
        seen.add(name)
        for prefix, namespace in graph.namespaces():
            dataset.bind(prefix, namespace, override=True, replace=True)
        named = dataset.graph(name)
        for triple in graph:
            named.add(triple)
    return dataset


def _file_name(source: str) -> str:
    """The file name of a path given as text, whether it uses "/" or "\\" separators."""
    return PureWindowsPath(source).name or source


def _add_evidence(graph: _Triples, node: URIRef, evidence: Evidence, article: URIRef, lang: str | None) -> None:
    """The evidence sentence, its offsets and the article a fact was read from, as kg: shortcuts and
    as a Web Annotation selection of the article (``prov:wasDerivedFrom`` FACT/evidence)."""
    start, end = Literal(int(evidence.start)), Literal(int(evidence.end))
    graph.add((node, KG.sentence, _text(evidence.text, lang=lang)))
    graph.add((node, KG.startOffset, start))
    graph.add((node, KG.endOffset, end))
    graph.add((node, SCHEMA.isPartOf, article))
    selection = iri.evidence_iri(node)
    position, quote = iri.selector_iri(selection, "position"), iri.selector_iri(selection, "quote")
    graph.add((node, PROV.wasDerivedFrom, selection))
    graph.add((selection, RDF.type, OA.SpecificResource))
    graph.add((selection, OA.hasSource, article))
    graph.add((selection, OA.hasSelector, position))
    graph.add((selection, OA.hasSelector, quote))
    graph.add((position, RDF.type, OA.TextPositionSelector))
    graph.add((position, OA.start, start))
    graph.add((position, OA.end, end))
    graph.add((quote, RDF.type, OA.TextQuoteSelector))
    graph.add((quote, OA.exact, _text(evidence.text, lang=lang)))


def _add_software(graph: _Triples, base: str) -> URIRef:
    """The kg release that writes the graph, as a prov:SoftwareAgent; returns its IRI."""
    node = iri.software_iri(software_version(), base=base)
    graph.add((node, RDF.type, PROV.SoftwareAgent))
    graph.add((node, RDF.type, SCHEMA.SoftwareApplication))
    graph.add((node, SCHEMA.name, _text("kg")))
    graph.add((node, SCHEMA.softwareVersion, _text(software_version())))
    return node


def _add_model(graph: _Triples, model: str, base: str) -> URIRef:
    """The spaCy pipeline an activity used ("en_core_web_sm-3.8.0"), as a prov:Entity; returns its IRI."""
    node = iri.model_iri(model, base=base)
    name, sep, model_version = model.rpartition("-")
    graph.add((node, RDF.type, PROV.Entity))
    graph.add((node, RDF.type, SCHEMA.SoftwareApplication))
    graph.add((node, SCHEMA.name, _text(name if sep else model)))
    if sep and model_version:
        graph.add((node, SCHEMA.softwareVersion, _text(model_version)))
    return node


def _add_entity(graph: _Triples, entity: Entity, base: str) -> URIRef:
    """An entity with its class, one canonical name and its other names; returns its IRI."""
    cls = ENTITY_CLASSES.get(entity.type)
    if cls is None:
        raise GraphError(f"entity {entity.ref!r} has an unknown type {entity.type!r}")
    node = iri.entity_iri(entity.type, entity.key, base=base)
    graph.add((node, RDF.type, cls))
    name = _text(entity.name)
    known = graph.value(node, SCHEMA.name)
    if known is None:
        graph.add((node, SCHEMA.name, name))
    elif known != name:  # another article named it differently: keep the first, record the other
        graph.add((node, SCHEMA.alternateName, name))
    for alias in entity.aliases:
        graph.add((node, SCHEMA.alternateName, _text(alias)))
    return node


@dataclass(frozen=True)
class _Article:
    """What each fact of one article is written with: the article's id and IRI, the language of its
    prose, the base IRI, and its entities by ``Entity.ref``."""

    id: str
    node: URIRef
    lang: str | None
    base: str
    entities: dict[str, tuple[Entity, URIRef]]

    def entity(self, ref: str, what: str) -> tuple[Entity, URIRef]:
        """The entity and IRI a reference points at; GraphError when the article has no such entity."""
        try:
            return self.entities[ref]
        except KeyError:
            raise GraphError(f"article {self.id!r}: {what} refers to unknown entity {ref!r}") from None


def _add_article_graph(graph: _Triples, ag: ArticleGraph, base: str, software: URIRef,
                       generated_at: datetime | None = None) -> None:
    """One article, its provenance, entities, statements, memberships and actions."""
    art = _add_article(graph, ag, base, software, generated_at)
    entities: dict[str, tuple[Entity, URIRef]] = {}
    for entity in ag.entities:
        node = _add_entity(graph, entity, base)
        entities[entity.ref] = (entity, node)
        graph.add((art, SCHEMA.mentions, node))
    article = _Article(ag.article.id, art, model_language(ag.model), base, entities)
    for n, st in enumerate(ag.statements, start=1):
        _add_statement(graph, article, n, st)
    used: set[URIRef] = set()
    for n, aff in enumerate(ag.affiliations, start=1):
        _add_membership(graph, article, n, aff, used)
    for n, act in enumerate(ag.actions, start=1):
        node = iri.action_iri(article.id, n, base=base)
        graph.add((node, RDF.type, SCHEMA.Action))
        graph.add((node, SCHEMA.agent, article.entity(act.agent, f"action {n} agent")[1]))
        graph.add((node, SCHEMA.object, article.entity(act.object, f"action {n} object")[1]))
        graph.add((node, SCHEMA.name, _text(act.verb)))
        graph.add((node, KG.verbLemma, _text(act.lemma)))
        _add_evidence(graph, node, act.evidence, art, article.lang)


def _add_article(graph: _Triples, ag: ArticleGraph, base: str, software: URIRef,
                 generated_at: datetime | None) -> URIRef:
    """The article, what its first lines tell, and the activity that read it; returns its IRI."""
    article = ag.article
    lang = model_language(ag.model)
    art = iri.article_iri(article.id, base=base)
    activity = iri.activity_iri(article.id, base=base)
    graph.add((art, RDF.type, SCHEMA.NewsArticle))
    graph.add((art, SCHEMA.identifier, _text(article.id)))
    if lang is not None:
        graph.add((art, SCHEMA.inLanguage, Literal(lang)))
    if article.headline is not None:
        graph.add((art, SCHEMA.headline, _text(article.headline, lang=lang)))
    for prop, value in ((KG.byline, article.byline), (KG.dateline, article.dateline)):
        if value is not None:
            graph.add((art, prop, _text(value)))
    if article.source is not None:
        graph.add((art, KG.sourceFile, _text(_file_name(article.source))))
    if getattr(article, "date", None):
        graph.add((art, SCHEMA.datePublished, Literal(article.date, datatype=XSD.date)))
    graph.add((art, PROV.wasGeneratedBy, activity))
    graph.add((activity, RDF.type, PROV.Activity))
    graph.add((activity, PROV.wasAssociatedWith, software))
    if ag.model:
        graph.add((activity, PROV.used, _add_model(graph, ag.model, base)))
    if generated_at is not None:
        when = generated_at.astimezone(timezone.utc) if generated_at.tzinfo else generated_at
        text = when.replace(tzinfo=None, microsecond=0).isoformat() + ("Z" if generated_at.tzinfo else "")
        graph.add((activity, PROV.endedAtTime, Literal(text, datatype=XSD.dateTime, normalize=False)))
    return art


def _add_statement(graph: _Triples, article: _Article, n: int, st: Statement) -> None:
    """The ``n``-th statement of the article: speaker, text, cue, speech act, quote type, parts, evidence."""
    node = iri.statement_iri(article.id, n, base=article.base)
    quote_type = QUOTE_TYPE_IRIS.get(st.quote_type)
    if quote_type is None:
        raise GraphError(f"article {article.id!r}: statement {n} has unknown quote type {st.quote_type!r}")
    graph.add((node, RDF.type, SCHEMA.Quotation))
    graph.add((node, RDF.type, KG.Statement))
    if st.speaker is not None:
        graph.add((node, SCHEMA.creator, article.entity(st.speaker, f"statement {n} speaker")[1]))
    elif st.unnamed_speaker and st.speaker_text.strip():
        # "critics", "officials": kept as a node of its own, never forced onto a named entity
        speaker = iri.unnamed_speaker_iri(article.id, st.speaker_text, base=article.base)
        graph.add((speaker, RDF.type, KG.UnnamedSpeaker))
        graph.add((speaker, SCHEMA.name, _text(" ".join(st.speaker_text.split()))))
        graph.add((node, SCHEMA.creator, speaker))
    graph.add((node, KG.speakerText, _text(st.speaker_text)))
    graph.add((node, SCHEMA.text, _text(st.content, lang=article.lang)))
    graph.add((node, KG.cue, _text(st.cue)))
    graph.add((node, KG.speechAct, speech_act_iri(iri.slugify(st.speech_act))))
    graph.add((node, KG.quoteType, quote_type))
    graph.add((node, KG.contentStart, Literal(int(st.content_start))))
    graph.add((node, KG.contentEnd, Literal(int(st.content_end))))
    for number, (part_start, part_end) in enumerate(st.content_parts, start=1):
        part = iri.content_part_iri(node, number)
        graph.add((node, KG.contentPart, part))
        graph.add((part, RDF.type, OA.TextPositionSelector))
        graph.add((part, OA.start, Literal(int(part_start))))
        graph.add((part, OA.end, Literal(int(part_end))))
    _add_evidence(graph, node, st.evidence, article.node, article.lang)
    for ref in st.mentions:
        graph.add((node, SCHEMA.mentions, article.entity(ref, f"statement {n} mention")[1]))


def _add_membership(graph: _Triples, article: _Article, n: int, aff: Affiliation, used: set[URIRef]) -> None:
    """The ``n``-th affiliation: an org:Membership with its role, or a bare job title; ``used`` holds
    the membership IRIs the article has so far."""
    person, person_node = article.entity(aff.person, f"affiliation {n} person")
    if aff.organization is None:  # a role the article ties to no organisation: "an activist"
        if aff.role is not None:
            graph.add((person_node, SCHEMA.jobTitle, _text(aff.role)))
        return
    org, org_node = article.entity(aff.organization, f"affiliation {n} organization")
    node = iri.membership_iri(article.id, person.key, org.key, base=article.base)
    suffix = 2
    while node in used:  # the same pair twice in one article (two roles): keep them apart
        node = URIRef(f"{iri.membership_iri(article.id, person.key, org.key, base=article.base)}-{suffix}")
        suffix += 1
    used.add(node)
    graph.add((node, RDF.type, ORG.Membership))
    graph.add((node, ORG.member, person_node))
    graph.add((node, ORG.organization, org_node))
    if aff.former:
        graph.add((node, KG.former, Literal(True)))
    if aff.role is not None:
        role = iri.role_iri(aff.role, base=article.base)
        graph.add((node, ORG.role, role))
        graph.add((role, RDF.type, ORG.Role))
        if graph.value(role, RDFS.label) is None:  # "China director" and "China Director" are one role
            graph.add((role, RDFS.label, _text(aff.role)))
    _add_evidence(graph, node, aff.evidence, article.node, article.lang)
