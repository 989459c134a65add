"""Minting IRIs: safe slugs ([a-z0-9-]) and one function per kind of node of the RDF contract.

Every IRI is ``base`` + a path of slugs, so the same input always gives the same IRI, and an
entity's IRI depends only on its type and key: the same person in two articles is one node.

>>> slugify("Michelle Bachelet")
'michelle-bachelet'
>>> entity_iri("Person", "michelle-bachelet", base="https://kg.example.org/id/")
rdflib.term.URIRef('https://kg.example.org/id/person/michelle-bachelet')
"""
from __future__ import annotations

import hashlib
import re
import unicodedata

from rdflib import URIRef

from kg.errors import GraphError
from kg.rdf.vocab import DEFAULT_BASE

MAX_SLUG = 80
_RUNS = re.compile(r"[a-z0-9]+")
# an absolute IRI with none of the characters that Turtle, N-Triples and SPARQL forbid in an IRIREF
# (space, control characters, <>"{}|\^`) so that every strict parser reads what we write
_SCHEME = re.compile(r"^[A-Za-z][A-Za-z0-9+.-]*:[^\x00-\x20\x7f-\x9f<>\"{}|\\^`]*$")


def _digest(text: str, length: int = 8) -> str:
    """A short stable hex digest of ``text`` (the same in every process and on every machine)."""
    return hashlib.sha1(text.encode("utf-8")).hexdigest()[:length]


def slugify(text: str) -> str:
    """A slug of ``text`` in [a-z0-9-], at most 80 characters, never empty: "Zhao Lijian" -> "zhao-lijian".

    >>> slugify("Zeid Ra'ad Al Hussein")
    'zeid-ra-ad-al-hussein'
    >>> slugify("Café <script>")
    'cafe-script'
    >>> slugify("习近平")
    'x12560155'
    """
    folded = unicodedata.normalize("NFKD", text or "")
    folded = "".join(ch for ch in folded if not unicodedata.combining(ch)).lower()
    slug = "-".join(_RUNS.findall(folded))
    if not slug:
        return "x" + _digest(text or "")
    if len(slug) > MAX_SLUG:
        # keep long names apart that share their first 80 characters
        slug = slug[: MAX_SLUG - 9].rstrip("-") + "-" + _digest(text)
    return slug


def normalize_base(base: str) -> str:
    """``base`` checked to be an absolute IRI and ending in "/" or "#" (a "/" is added otherwise)."""
    if not isinstance(base, str) or not _SCHEME.match(base) or re.search(r"%(?![0-9A-Fa-f]{2})", base):
        raise GraphError(f"base IRI must be an absolute IRI such as {DEFAULT_BASE!r}, got {base!r}")
    return base if base.endswith(("/", "#")) else base + "/"


def _iri(base: str, *parts: str) -> URIRef:
    """``base`` followed by the slugs of ``parts`` joined by "/"."""
    return URIRef(normalize_base(base) + "/".join(slugify(part) for part in parts))


def article_iri(article_id: str, *, base: str = DEFAULT_BASE) -> URIRef:
    """The article node: BASE article/{article.id}."""
    return _iri(base, "article", article_id)


def activity_iri(article_id: str, *, base: str = DEFAULT_BASE) -> URIRef:
    """The prov:Activity that produced an article's graph: BASE activity/{article.id}."""
    return _iri(base, "activity", article_id)


def software_iri(version: str, *, base: str = DEFAULT_BASE) -> URIRef:
    """The kg release that ran the activity: BASE software/kg-{version slug} ("0.1.0" -> kg-0-1-0)."""
    return _iri(base, "software", "kg-" + version)


def model_iri(model: str, *, base: str = DEFAULT_BASE) -> URIRef:
    """The spaCy pipeline an activity used: BASE model/{slug} ("en_core_web_sm-3.8.0" -> en-core-web-sm-3-8-0)."""
    return _iri(base, "model", model)


def evidence_iri(fact: URIRef) -> URIRef:
    """The part of the article a fact was read from (an oa:SpecificResource): the fact's IRI + "/evidence"."""
    return URIRef(f"{fact}/evidence")


def content_part_iri(statement: URIRef, number: int) -> URIRef:
    """One span of a quotation interrupted by its cue (an oa:TextPositionSelector): STATEMENT/part/N."""
    return URIRef(f"{statement}/part/{number}")


def selector_iri(evidence: URIRef, kind: str) -> URIRef:
    """A selector of an evidence node: EVIDENCE/position (oa:TextPositionSelector) or EVIDENCE/quote."""
    if kind not in ("position", "quote"):
        raise GraphError(f"unknown selector kind {kind!r}")
    return URIRef(f"{evidence}/{kind}")


def entity_iri(entity_type: str, key: str, *, base: str = DEFAULT_BASE) -> URIRef:
    """An entity: BASE {type lowercased}/{key}; depends on nothing else, so articles share entities."""
    return _iri(base, entity_type.lower(), key)


def statement_iri(article_id: str, n: int, *, base: str = DEFAULT_BASE) -> URIRef:
    """The n-th (1-based) statement of an article: BASE statement/{article.id}/{n:03d}."""
    return _iri(base, "statement", article_id, f"{n:03d}")


def unnamed_speaker_iri(article_id: str, speaker_text: str, *, base: str = DEFAULT_BASE) -> URIRef:
    """A speaker the article does not name, as written there: BASE speaker/{article.id}/{slug}."""
    return _iri(base, "speaker", article_id, speaker_text)


def membership_iri(article_id: str, person_key: str, org_key: str, *, base: str = DEFAULT_BASE) -> URIRef:
    """A person's membership of an organisation in an article: BASE membership/{article.id}/{person}--{org}."""
    pair = f"{slugify(person_key)}--{slugify(org_key)}"
    return URIRef(f"{normalize_base(base)}membership/{slugify(article_id)}/{pair}")


def role_iri(role: str, *, base: str = DEFAULT_BASE) -> URIRef:
    """A role by its text: BASE role/{slug of role} ("China director" -> role/china-director)."""
    return _iri(base, "role", role)


def action_iri(article_id: str, n: int, *, base: str = DEFAULT_BASE) -> URIRef:
    """The n-th (1-based) action of an article: BASE action/{article.id}/{n:03d}."""
    return _iri(base, "action", article_id, f"{n:03d}")
