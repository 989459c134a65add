"""Every IRI kg writes comes from here; ontology/kg.ttl declares the KG terms.

Public vocabulary (what other people's queries rely on): schema.org types and names,
schema:Quotation with schema:creator and schema:text, W3C ORG memberships with roles,
schema:Action with schema:agent / schema:object / schema:name.
"""
from __future__ import annotations

from rdflib import Namespace
from rdflib.namespace import DefinedNamespace, ORG, PROV, RDF, RDFS, SDO, XSD, OWL

SCHEMA = SDO  # https://schema.org/
OA_NS = "http://www.w3.org/ns/oa#"
DEFAULT_BASE = "https://kg.example.org/id/"
KG_NS = "https://kg.example.org/ontology#"
ONTOLOGY_IRI = "https://kg.example.org/ontology"


class KG(DefinedNamespace):
    """The project's own terms (ontology/kg.ttl). A misspelt term raises AttributeError."""

    _NS = Namespace(KG_NS)
    _fail = True

    # classes
    Statement: object  # rdfs:subClassOf schema:Quotation; every extracted statement
    Group: object  # ethnic, religious or national group of people ("Uyghurs")
    UnnamedSpeaker: object  # a speaker the article does not name ("critics", "officials")
    SpeechAct: object  # the kind of speech act a statement's cue expresses
    QuoteType: object  # direct, indirect or mixed
    # individuals of kg:QuoteType
    Direct: object
    Indirect: object
    Mixed: object
    # statement properties
    speakerText: object  # the speaker as written in the article
    cue: object  # the reporting verb or phrase as written
    speechAct: object  # -> kg:SpeechAct individual
    quoteType: object  # -> kg:QuoteType individual
    contentStart: object  # xsd:integer, offset of schema:text in the article
    contentEnd: object
    contentPart: object
    # membership properties
    former: object  # xsd:boolean, true for a membership that has ended ("former chairman of ...")
    # evidence, on statements, memberships and actions
    sentence: object  # the sentence(s) the fact was read from
    startOffset: object  # xsd:integer, offset of the evidence in the article text
    endOffset: object
    # actions
    verbLemma: object  # the dictionary form of schema:name ("detain")
    # article
    byline: object
    dateline: object
    sourceFile: object
    # network measures, written by kg.rdf.measures into NAME.analysis.ttl (never into NAME.ttl)
    Analysis: object  # one run of the NetworkX analysis over one or more articles
    Community: object  # a Louvain community of the actor graph
    pageRank: object  # xsd:decimal, PageRank in the actor graph
    betweenness: object  # xsd:decimal, normalised betweenness centrality
    degree: object  # xsd:integer, number of facts (edges) touching the entity
    statementCount: object  # xsd:integer, statements the entity made
    participation: object  # xsd:decimal, how evenly its ties spread over communities (broker score)
    community: object  # entity -> kg:Community
    inConflictWith: object  # symmetric: one accuses, the other rejects or denies


class OA(DefinedNamespace):
    """The W3C Web Annotation terms kg uses to point a fact at its evidence in the article text."""

    _NS = Namespace(OA_NS)
    _fail = True

    SpecificResource: object  # a part of the article: oa:hasSource the article, oa:hasSelector ...
    TextPositionSelector: object  # oa:start / oa:end, 0-based code-point offsets, end exclusive
    TextQuoteSelector: object  # oa:exact, the text itself
    hasSource: object
    hasSelector: object
    start: object
    end: object
    exact: object


def speech_act_iri(name: str):
    """The kg:SpeechAct individual for a speech-act name: "accuse" -> kg:act-accuse."""
    return Namespace(KG_NS)["act-" + name]


QUOTE_TYPE_IRIS = {"direct": KG.Direct, "indirect": KG.Indirect, "mixed": KG.Mixed}

__all__ = ["KG", "OA", "OA_NS", "SCHEMA", "ORG", "PROV", "RDF", "RDFS", "XSD", "OWL", "DEFAULT_BASE", "KG_NS",
           "ONTOLOGY_IRI", "QUOTE_TYPE_IRIS", "speech_act_iri"]
