"""JSON-LD that reads as plain JSON: a compact, deterministic writer with an inline context.

rdflib's own JSON-LD writer follows the store's order (so its output changes from run to run) and
leaves most keys as full IRIs. This writer derives a context from the graph itself:

- every predicate and class gets a short term, its local name (``"name"``, ``"creator"``,
  ``"Person"``), unless two would share one, in which case both keep a prefixed name;
- ``"id"`` and ``"type"`` stand for ``@id`` and ``@type``;
- data IRIs are written relative to ``@base`` (``"person/michelle-bachelet"``) when the base IRI ends
  in "/", and vocabulary IRIs as prefixed names (``"kg:act-say"``);
- a property whose values are all IRIs is coerced to ``@id``, one whose text values share a
  language gets that ``@language``, one with another datatype gets that ``@type``; integers are
  JSON numbers; a property with more than one value on some node is always an array.

The result is one JSON object, ``{"@context": {...}, "@graph": [node, ...]}``, nodes sorted by IRI
and keys sorted, so the same graph always gives the same bytes.
"""
from __future__ import annotations

import json
import re
from collections import defaultdict

from rdflib import BNode, Graph, Literal, URIRef

from kg.errors import GraphError
from kg.rdf.vocab import RDF, XSD

_KEYWORDS = {"id", "type"}
_CANONICAL_INTEGER = re.compile(r"^(0|-?[1-9][0-9]*)$")


def _local(iri: str) -> str:
    """The local name of an IRI: after its last "#" or "/"."""
    return re.split(r"[#/]", iri)[-1]


def _vocab_prefixes(graph: Graph, base: str | None) -> dict[str, str]:
    """Prefixes bound in ``graph`` that name vocabularies (not data under ``base``) the graph uses."""
    used = {str(t) for triple in graph for t in triple if isinstance(t, URIRef)}
    used |= {str(o.datatype) for o in graph.objects() if isinstance(o, Literal) and o.datatype is not None}
    out = {}
    for prefix, namespace in graph.namespaces():
        ns = str(namespace)
        if (prefix and not (base and ns.startswith(base)) and ns.endswith(("/", "#"))
                and any(iri.startswith(ns) and iri != ns for iri in used)):
            out[prefix] = ns
    return out


def _terms(iris: set[str], reserved: set[str]) -> dict[str, str]:
    """A short, unique, JSON-friendly term per IRI (its local name) where one is free; IRI -> term."""
    by_local: dict[str, list[str]] = defaultdict(list)
    for iri in iris:
        by_local[_local(iri)].append(iri)
    return {iris_[0]: local for local, iris_ in by_local.items()
            if len(iris_) == 1 and re.fullmatch(r"[A-Za-z][A-Za-z0-9_]*", local) and local not in reserved}


class _Writer:
    """Compacts one graph; see the module docstring."""

    def __init__(self, graph: Graph, base: str | None):
        self.graph = graph
        self.base = base if base and base.endswith("/") else None
        self.prefixes = _vocab_prefixes(graph, base)
        reserved = _KEYWORDS | set(self.prefixes)
        self.predicates = {str(p) for p in graph.predicates() if p != RDF.type}
        self.classes = {str(o) for o in graph.objects(None, RDF.type) if isinstance(o, URIRef)}
        self.property_terms = _terms(self.predicates, reserved)
        self.class_terms = _terms(self.classes, reserved | set(self.property_terms.values()))

    def compact_vocab(self, iri: str) -> str:
        """A vocabulary IRI as a prefixed name when a bound prefix covers it, else unchanged."""
        for prefix, ns in sorted(self.prefixes.items(), key=lambda kv: -len(kv[1])):
            local = iri[len(ns):]
            if iri.startswith(ns) and local and not local.startswith("//") and ":" not in local:
                return f"{prefix}:{local}"
        return iri

    def compact_id(self, term) -> str:
        """A node's IRI relative to the base when it lies under it, else as a prefixed name or in full."""
        if isinstance(term, BNode):
            return f"_:{term}"
        iri = str(term)
        if self.base and iri.startswith(self.base):
            rest = iri[len(self.base):]
            first = re.split(r"[/?#]", rest)[0]
            if rest and ":" not in first and not rest.startswith(("/", "?", "#")):
                return rest
        return self.compact_vocab(iri)

    def key(self, predicate: str) -> str:
        """The JSON key of a predicate."""
        return self.property_terms.get(predicate) or self.compact_vocab(predicate)

    def context(self) -> dict:
        """The @context: aliases, base, prefixes, one definition per class and predicate."""
        ctx: dict = {"id": "@id", "type": "@type"}
        if self.base:
            ctx["@base"] = self.base
        ctx.update(sorted(self.prefixes.items()))
        for iri, term in sorted(self.class_terms.items(), key=lambda kv: kv[1]):
            ctx[term] = self.compact_vocab(iri)
        definitions = {}
        for predicate in sorted(self.predicates):
            definition = {"@id": self.compact_vocab(predicate)}
            definition.update(self.coercion(URIRef(predicate)))
            if any(len(set(self.graph.objects(s, URIRef(predicate)))) > 1
                   for s in set(self.graph.subjects(URIRef(predicate)))):
                definition["@container"] = "@set"
            key = self.key(predicate)
            if key != definition["@id"] or len(definition) > 1:
                definitions[key] = definition if len(definition) > 1 else definition["@id"]
        ctx.update(sorted(definitions.items()))
        return ctx

    def coercion(self, predicate: URIRef) -> dict:
        """How a predicate's values are written: {"@type": "@id"}, {"@language": ...}, {"@type": dt} or {}."""
        objects = set(self.graph.objects(None, predicate))
        if objects and all(isinstance(o, URIRef) for o in objects):
            return {"@type": "@id"}
        literals = [o for o in objects if isinstance(o, Literal)]
        if not literals or len(literals) != len(objects):
            return {}
        languages = {o.language for o in literals}
        if len(languages) == 1 and None not in languages:
            return {"@language": languages.pop()}
        datatypes = {o.datatype for o in literals}
        if len(datatypes) == 1 and None not in datatypes and datatypes != {XSD.string} and datatypes != {XSD.integer}:
            return {"@type": self.compact_vocab(str(datatypes.pop()))}
        return {}

    def value(self, obj, coercion: dict):
        """One object as JSON, given its predicate's coercion."""
        if isinstance(obj, (URIRef, BNode)):
            ref = self.compact_id(obj)
            return ref if coercion.get("@type") == "@id" else {"id": ref}
        if not isinstance(obj, Literal):
            raise GraphError(f"cannot write {obj!r} as JSON-LD")
        text = str(obj)
        if obj.language is not None:
            if coercion.get("@language") == obj.language:
                return text
            return {"@value": text, "@language": obj.language}
        if obj.datatype == XSD.integer and _CANONICAL_INTEGER.match(text) and "@type" not in coercion:
            return int(text)
        if obj.datatype in (None, XSD.string):
            return {"@value": text} if coercion else text
        if coercion.get("@type") == self.compact_vocab(str(obj.datatype)):
            return text
        return {"@value": text, "@type": self.compact_vocab(str(obj.datatype))}

    def node(self, subject) -> dict:
        """One subject as a JSON object, keys sorted."""
        out: dict = {"id": self.compact_id(subject)}
        types = sorted({self.class_terms.get(str(o)) or self.compact_vocab(str(o))
                        for o in self.graph.objects(subject, RDF.type)})
        if types:
            out["type"] = types[0] if len(types) == 1 else types
        properties = {}
        for predicate in sorted({p for p in self.graph.predicates(subject) if p != RDF.type}):
            coercion = self.coercion(predicate)
            values = sorted((self.value(o, coercion) for o in self.graph.objects(subject, predicate)),
                            key=lambda v: json.dumps(v, ensure_ascii=False, sort_keys=True))
            many = any(len(set(self.graph.objects(s, predicate))) > 1 for s in set(self.graph.subjects(predicate)))
            properties[self.key(str(predicate))] = values if many else values[0]
        out.update(sorted(properties.items()))
        return out

    def document(self) -> dict:
        """The whole JSON-LD document."""
        subjects = sorted(set(self.graph.subjects()), key=lambda s: (isinstance(s, BNode), str(s)))
        return {"@context": self.context(), "@graph": [self.node(s) for s in subjects]}


def to_jsonld(graph: Graph, *, base: str | None = None) -> str:
    """The graph as compact JSON-LD with an inline context (see the module docstring), ending in a newline.

    >>> from rdflib import Graph, Literal, URIRef
    >>> from kg.rdf.vocab import SCHEMA
    >>> g = Graph(); g.bind("schema", str(SCHEMA))
    >>> _ = g.add((URIRef("https://e.org/id/person/ann"), SCHEMA.name, Literal("Ann")))
    >>> doc = json.loads(to_jsonld(g, base="https://e.org/id/"))
    >>> doc["@context"]["name"], doc["@context"]["@base"]
    ('schema:name', 'https://e.org/id/')
    >>> doc["@graph"]
    [{'id': 'person/ann', 'name': 'Ann'}]
    """
    doc = _Writer(graph, base).document()
    return json.dumps(doc, ensure_ascii=False, indent=2) + "\n"
