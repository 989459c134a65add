"""Talking to a running triple store over HTTP: the SPARQL 1.1 Graph Store Protocol and Protocol.

``load`` PUTs each article's triples into the named graph of its IRI (``?graph=ARTICLE-IRI``) on a
Graph Store endpoint (Oxigraph: ``http://HOST:7878/store``; Fuseki: ``http://HOST:3030/DATASET/data``;
GraphDB: ``http://HOST:7200/repositories/REPO/rdf-graphs/service``), so reloading an article
replaces its graph instead of adding duplicates. ``query`` POSTs a query to a SPARQL endpoint
(Oxigraph: ``/query``; Fuseki: ``/DATASET/sparql``; GraphDB: ``/repositories/REPO``) and reads the
SPARQL JSON results. Only the standard library is used (urllib).
"""
from __future__ import annotations

import json
import urllib.error
import urllib.parse
import urllib.request
from dataclasses import dataclass

from rdflib import Graph, URIRef

from kg.errors import GraphError, QueryError, one_line
from kg.rdf.query import STANDARD_PREFIXES, QueryResult, Term
from kg.rdf.vocab import RDF, SCHEMA

TIMEOUT = 60


@dataclass(frozen=True)
class LoadedGraph:
    """One named graph sent to the store: its IRI, triple count and the HTTP status the store gave."""

    graph: str
    triples: int
    status: int


def _check_url(url: str) -> str:
    """``url`` if it is an http(s) URL, else GraphError."""
    parsed = urllib.parse.urlparse(url)
    if parsed.scheme not in ("http", "https") or not parsed.netloc:
        raise GraphError(f"endpoint must be an http:// or https:// URL, got {url!r}")
    return url


def _send(request: urllib.request.Request, what: str) -> tuple[int, bytes]:
    """Send an HTTP request; a one-line GraphError when the store cannot be reached or refuses."""
    try:
        with urllib.request.urlopen(request, timeout=TIMEOUT) as response:
            return response.status, response.read()
    except urllib.error.HTTPError as error:
        body = error.read().decode("utf-8", "replace")
        raise GraphError(f"{what}: the store answered {error.code} {error.reason}: {one_line(body, 300)}") from None
    except (urllib.error.URLError, OSError) as error:
        reason = getattr(error, "reason", error)
        raise GraphError(f"{what}: cannot reach {request.full_url}: {one_line(reason)}") from None


def article_graphs(graph: Graph) -> dict[URIRef, Graph]:
    """Split a graph read from a kg file into one graph per article (the triples it ``schema:isPartOf``
    and everything reachable from its article node), by article IRI; a graph of one article is returned whole.
    """
    articles = sorted(graph.subjects(RDF.type, SCHEMA.NewsArticle))
    if len(articles) <= 1:
        return {articles[0] if articles else URIRef("urn:kg:default"): graph}
    out: dict[URIRef, Graph] = {}
    for article in articles:
        part = Graph()
        todo, seen = [article], set()
        todo += [s for s in graph.subjects(SCHEMA.isPartOf, article)]
        while todo:
            node = todo.pop()
            if node in seen:
                continue
            seen.add(node)
            for p, o in graph.predicate_objects(node):
                part.add((node, p, o))
                if isinstance(o, URIRef) and o not in seen and (o, RDF.type, SCHEMA.NewsArticle) not in graph:
                    todo.append(o)
        out[article] = part
    return out


def load(graph: Graph, endpoint: str, *, graphs: dict[URIRef, Graph] | None = None) -> list[LoadedGraph]:
    """PUT each article's triples into its named graph at a Graph Store Protocol ``endpoint``.

    ``graphs`` maps graph IRIs to graphs (default: ``article_graphs(graph)``). The data is sent as
    N-Triples, which every store reads.
    """
    from kg.rdf.io import serialize

    endpoint = _check_url(endpoint)
    loaded = []
    for name, part in sorted((graphs or article_graphs(graph)).items()):
        separator = "&" if urllib.parse.urlparse(endpoint).query else "?"
        url = f"{endpoint}{separator}{urllib.parse.urlencode({'graph': str(name)})}"
        body = serialize(part, "nt").encode("utf-8")
        request = urllib.request.Request(url, data=body, method="PUT",
                                         headers={"Content-Type": "application/n-triples"})
        status, _ = _send(request, f"loading graph <{name}>")
        loaded.append(LoadedGraph(str(name), len(part), status))
    return loaded


def _with_prefixes(sparql: str) -> str:
    """The query with PREFIX lines for the standard prefixes it does not declare itself."""
    declared = {line.split()[1].rstrip(":").lower() for line in sparql.splitlines()
                if line.strip().upper().startswith("PREFIX") and len(line.split()) > 1}
    lines = [f"PREFIX {p}: <{ns}>" for p, ns in STANDARD_PREFIXES.items() if p not in declared]
    return "\n".join(lines + [sparql])


def query(endpoint: str, sparql: str) -> QueryResult:
    """Run a SELECT or ASK query at a SPARQL Protocol ``endpoint``; the standard prefixes need no PREFIX."""
    endpoint = _check_url(endpoint)
    request = urllib.request.Request(
        endpoint, data=_with_prefixes(sparql).encode("utf-8"), method="POST",
        headers={"Content-Type": "application/sparql-query", "Accept": "application/sparql-results+json"})
    try:
        _, body = _send(request, "query")
    except GraphError as error:
        raise QueryError(str(error)) from None
    try:
        doc = json.loads(body)
    except ValueError:
        raise QueryError(f"the endpoint did not answer with SPARQL JSON results: {body[:200]!r}") from None
    if "boolean" in doc:
        value = "true" if doc["boolean"] else "false"
        return QueryResult(("ask",), ((value,),), ((Term("literal", "http://www.w3.org/2001/XMLSchema#boolean"),),))
    columns = tuple(doc.get("head", {}).get("vars", []))
    rows, terms = [], []
    for binding in doc.get("results", {}).get("bindings", []):
        row, kinds = [], []
        for column in columns:
            cell = binding.get(column)
            if cell is None:
                row.append(None)
                kinds.append(None)
                continue
            kind = {"typed-literal": "literal"}.get(cell.get("type"), cell.get("type", "literal"))
            row.append(cell.get("value"))
            kinds.append(Term(kind, cell.get("datatype"), cell.get("xml:lang")))
        rows.append(tuple(row))
        terms.append(tuple(kinds))
    return QueryResult(columns, tuple(rows), tuple(terms))
