"""The measures of an analysis as RDF (NAME.analysis.ttl), on the entities' own IRIs, for SPARQL."""
from __future__ import annotations

from decimal import Decimal

from rdflib import Graph, Literal, Namespace, URIRef

from kg.model import Analysis, Community
from kg.rdf.build import ENTITY_CLASSES, bind_prefixes
from kg.rdf.iri import normalize_base, slugify
from kg.rdf.vocab import DEFAULT_BASE, KG, PROV, RDF, RDFS, SCHEMA, XSD


def analysis_graph(analysis: Analysis, *, name: str | None = None, base: str = DEFAULT_BASE) -> Graph:
    """The measures of ``analysis`` as RDF, for a separate file (NAME.analysis.ttl) that SPARQL can query.

    Each entity keeps its IRI, class and schema:name and gets kg:pageRank, kg:betweenness,
    kg:participation, kg:degree, kg:statementCount and kg:community; communities are kg:Community
    resources under ``{base}analysis/{name}/``; pairs in conflict are linked both ways with
    kg:inConflictWith; the kg:Analysis resource says which articles it used (prov:used). ``name``
    defaults to the articles' identifiers.

    >>> from rdflib import Graph
    >>> from kg.analyze import analyze
    >>> len(analysis_graph(analyze(Graph()), name="x"))
    2
    """
    base = normalize_base(base)
    if name is None:
        name = "-".join(sorted(a.identifier or a.id for a in analysis.articles)) or "graph"
    run = URIRef(f"{base}analysis/{slugify(name)}")
    graph = bind_prefixes(Graph(), base=base)
    graph.bind("analysis", Namespace(f"{run}/"), override=True, replace=True)
    graph.add((run, RDF.type, KG.Analysis))
    headlines = "; ".join(a.headline or a.identifier or a.id for a in analysis.articles)
    graph.add((run, RDFS.label, Literal(f"Network analysis of {headlines}" if headlines else "Network analysis")))
    for article in analysis.articles:
        graph.add((run, PROV.used, URIRef(article.id)))
    community_iri = {c.id: _add_community(graph, c, run) for c in analysis.communities}
    for n in analysis.nodes:
        node = URIRef(n.id)
        graph.add((node, RDF.type, ENTITY_CLASSES[n.type]))
        graph.add((node, SCHEMA.name, Literal(n.name)))
        graph.add((node, KG.pageRank, _decimal(n.pagerank)))
        graph.add((node, KG.betweenness, _decimal(n.betweenness)))
        graph.add((node, KG.participation, _decimal(n.participation)))
        graph.add((node, KG.degree, Literal(n.degree)))
        graph.add((node, KG.statementCount, Literal(n.statements)))
        if n.community in community_iri:
            graph.add((node, KG.community, community_iri[n.community]))
    for conflict in analysis.conflicts:
        a, b = URIRef(conflict.accuser), URIRef(conflict.accused)
        graph.add((a, KG.inConflictWith, b))
        graph.add((b, KG.inConflictWith, a))
    return graph


def _add_community(graph: Graph, community: Community, run: URIRef) -> URIRef:
    """Add a kg:Community of the analysis ``run``, labelled with its leader; returns its IRI."""
    node = URIRef(f"{run}/community-{community.id}")
    others = community.size - 1
    label = f"Community {community.id}: {community.leader}"
    label += f" and {others} other{'s' if others != 1 else ''}" if others else ""
    graph.add((node, RDF.type, KG.Community))
    graph.add((node, RDFS.label, Literal(label)))
    graph.add((node, PROV.wasGeneratedBy, run))
    return node


def _decimal(value: float) -> Literal:
    """An xsd:decimal of a measure, written as the analysis rounded it (4 decimals)."""
    return Literal(Decimal(repr(value)), datatype=XSD.decimal)
