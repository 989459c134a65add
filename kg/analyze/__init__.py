r"""The actor graph of kg's RDF, and what can be measured on it.

``to_networkx`` (graph.py) projects the RDF (as kg/rdf/build.py writes it) onto a NetworkX
multigraph whose nodes are the entities and whose edges are the facts between them;
measures.py holds the measures (PageRank, betweenness, Louvain communities, participation,
brokers), free functions of a NetworkX graph; conflicts.py finds who accuses whom and who answers;
``analyze`` (analysis.py) puts them together in an ``Analysis`` (frozen dataclasses of
kg/model.py); report.py and markdown.py write the reports; layout.py gives the page
(kg/render/) the connected parts and force-directed positions it draws. The measures as RDF are
written by kg/rdf/measures.py.

Example:

>>> from rdflib import Graph, Literal, URIRef
>>> from kg.rdf.vocab import RDF, SCHEMA
>>> g = Graph()
>>> _ = g.add((URIRef("https://kg.example.org/id/person/ann"), RDF.type, SCHEMA.Person))
>>> _ = g.add((URIRef("https://kg.example.org/id/person/ann"), SCHEMA.name, Literal("Ann")))
>>> print(format_report(analyze(g)).split("\n\n")[1])
Top actors (by PageRank)
   #  Name                              Type          PageRank  Between  Degree  Statements  Community
   1  Ann                               Person          1.0000   0.0000       0           0          1
"""
from __future__ import annotations

from kg.analyze.analysis import analysis_json, analyze
from kg.analyze.conflicts import ACCUSE_ACTS, ACCUSE_LEMMAS, REJECT_ACTS, REJECT_LEMMAS
from kg.analyze.graph import EDGE_KINDS, EDGE_WEIGHTS, to_networkx
from kg.analyze.markdown import format_markdown, md
from kg.analyze.measures import betweenness, brokers, communities, pagerank, participation
from kg.analyze.report import format_report

__all__ = ["ACCUSE_ACTS", "ACCUSE_LEMMAS", "EDGE_KINDS", "EDGE_WEIGHTS", "REJECT_ACTS", "REJECT_LEMMAS",
           "analysis_json", "analyze", "betweenness", "brokers", "communities", "format_markdown", "format_report",
           "md", "pagerank", "participation", "to_networkx"]
