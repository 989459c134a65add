"""A corpus on disk: an embedded Oxigraph store, one named graph per article.

Each article's triples live in the named graph of the article's IRI, and the default graph is
kept as the merged view: the set union of all of them, so the same entity IRI from several
articles is one node with every alias, and a query without ``GRAPH`` sees each triple once (in any
SPARQL tool, not only kg). ``put_article`` replaces an article's graph and updates the merged
graph in one transaction (a new article: one N-Quads load of its graph and its merged triples; an
article stored before: one SPARQL Update that also takes its old triples out): an interrupted run
leaves the store as it was after the last whole article, and ingesting the same article again gives
the same store.

pyoxigraph lives here only; the rest of kg sees rdflib graphs and ``QueryResult``s.

>>> import tempfile; from kg.model import Article, ArticleGraph; from kg.rdf.build import article_triples
>>> with Store(tempfile.mkdtemp() + "/corpus") as store:
...     _ = store.put_article(article_triples([ArticleGraph(Article(id="a", text="Hi."))]))
...     store.articles()
['https://kg.example.org/id/article/a']
"""
from __future__ import annotations

import os
import re
from collections import Counter
from collections.abc import Iterable
from concurrent.futures import Future
from dataclasses import dataclass
from pathlib import Path

from rdflib import BNode, Dataset, Graph, Literal, URIRef

from kg.errors import GraphError, QueryError, one_line
from kg.rdf.query import STANDARD_PREFIXES, QueryResult, Term
from kg.rdf.vocab import RDF, SCHEMA, XSD

_XSD_STRING = str(XSD.string)
FLUSH_EVERY = 100_000  # quads written between flushes to disk: keeps memory flat (measured by bench/throughput.py)
# quads written by one run after which ``optimize`` compacts the store: after thousands of small
# transactions RocksDB's files overlap and queries read 1.2-2x slower; compacting a million-triple
# store takes about 2 s, which a small run into a large store should not pay each time
OPTIMIZE_AFTER = 500_000
_LANG_STRING = "http://www.w3.org/1999/02/22-rdf-syntax-ns#langString"


def is_store(path: str | os.PathLike) -> bool:
    """True when ``path`` is a folder holding an Oxigraph (RocksDB) store."""
    path = Path(path)
    return path.is_dir() and (path / "CURRENT").is_file() and any(path.glob("OPTIONS-*"))


@dataclass(frozen=True)
class PutResult:
    """What ``put_article`` did: the graph's IRI, its triple count, and whether it replaced an older one."""

    graph: str
    triples: int
    replaced: bool


class Store:
    """An Oxigraph store on disk (created when missing unless ``read_only``); use it as a context manager."""

    def __init__(self, path: str | os.PathLike, *, read_only: bool = False):
        import pyoxigraph

        self.path = Path(path)
        self.read_only = read_only
        self._unflushed = 0
        self._written = 0  # quads written since the store was opened
        self._writer = None  # the thread of put_article_soon, started on first use
        self._ox = pyoxigraph
        if read_only and not is_store(self.path):
            raise GraphError(f"{self.path}: not a kg store (a folder made by kg ingest --into)")
        if not read_only and self.path.exists() and not self.path.is_dir():
            raise GraphError(f"{self.path}: is a file, not a store folder")
        if not read_only and self.path.is_dir() and any(self.path.iterdir()) and not is_store(self.path):
            raise GraphError(f"{self.path}: a folder that is not a kg store; give a new or empty folder")
        try:
            self._store = pyoxigraph.Store.read_only(str(self.path)) if read_only else pyoxigraph.Store(str(self.path))
        except OSError as error:
            hint = " (is another kg ingest writing to it?)" if "lock" in str(error).lower() else ""
            raise GraphError(f"{self.path}: cannot open the store: {one_line(error, 200)}{hint}") from None

    def __enter__(self) -> Store:
        return self

    def __exit__(self, *exc) -> None:
        self.close()

    def close(self) -> None:
        """Finish the write in progress (``put_article_soon``), write everything to disk and release
        the store (its lock)."""
        writer, self._writer = getattr(self, "_writer", None), None
        if writer is not None:
            writer.shutdown(wait=True, cancel_futures=True)
        store, self._store = getattr(self, "_store", None), None
        if store is not None and not self.read_only:
            try:
                store.flush()
            except (OSError, RuntimeError):
                pass
        del store

    def put_article(self, graph: Graph | Iterable[tuple], article: str | None = None) -> PutResult:
        """Replace the named graph ``article`` (default: the graph's one schema:NewsArticle) with
        ``graph``'s triples, in one transaction.

        ``graph`` is an rdflib Graph or any iterable of rdflib (subject, predicate, object) triples,
        such as ``kg.rdf.build.article_triples`` gives (the fast path: no Graph is built).
        """
        triples = graph if isinstance(graph, Graph) else list(dict.fromkeys(graph))
        if article is None:
            articles = sorted({s for s, p, o in triples if p == RDF.type and o == SCHEMA.NewsArticle})
            if len(articles) != 1:
                raise GraphError(f"put_article needs a graph of one article, got {len(articles)}")
            article = str(articles[0])
        graph_iri = _iri(article)
        name = self._ox.NamedNode(article)
        replaced = next(iter(self._store.quads_for_pattern(None, None, None, name)), None) is not None
        lines = _ntriples_lines(triples)
        try:
            if not replaced:
                # the article's quads and the same triples in the merged default graph (a set: a
                # triple another article has is there once), parsed and written in one transaction
                self._store.load("".join(f"{line} {graph_iri} .\n" for line in lines)
                                 + "".join(f"{line} .\n" for line in lines), format=self._ox.RdfFormat.N_QUADS)
            else:
                # one update, so one transaction: the old version's triples leave the merged default
                # graph unless another article has them too, the article's graph is replaced, and its
                # triples join the merged graph
                body = "".join(f"{line} .\n" for line in lines)
                self._store.update(
                    f"DELETE {{ ?s ?p ?o }} WHERE {{ GRAPH {graph_iri} {{ ?s ?p ?o }} "
                    f"FILTER NOT EXISTS {{ GRAPH ?g {{ ?s ?p ?o }} FILTER(?g != {graph_iri}) }} }} ;\n"
                    f"DROP SILENT GRAPH {graph_iri} ;\n"
                    f"INSERT DATA {{\n{body}GRAPH {graph_iri} {{\n{body}}} }}")
            self._unflushed += 2 * len(lines)
            self._written += 2 * len(lines)
            if self._unflushed >= FLUSH_EVERY:  # RocksDB's write buffers otherwise grow with the corpus
                self._store.flush()
                self._unflushed = 0
        except (OSError, SyntaxError, ValueError) as error:
            raise GraphError(f"cannot store <{article}>: {one_line(error, 200)}") from None
        return PutResult(article, len(lines), replaced)

    def put_article_soon(self, graph: Graph | Iterable[tuple], article: str | None = None) -> Future:
        """``put_article`` in the store's writer thread: returns at once a Future of its PutResult
        (or of its GraphError), so that the caller can parse the next article meanwhile.

        Oxigraph holds the GIL while it writes, but spaCy's matrix products release it, so most of a
        write overlaps the parsing of the next article. Writes run one at a time in call order; wait
        for one's result before the next call and no more than one article is ever in flight
        (``close`` waits for it), so an interrupted run still leaves the store as after a whole
        article.
        """
        if self._writer is None:
            from concurrent.futures import ThreadPoolExecutor

            self._writer = ThreadPoolExecutor(1, thread_name_prefix="kg-store")
        return self._writer.submit(self.put_article, graph, article)

    def optimize(self, *, min_written: int = OPTIMIZE_AFTER) -> bool:
        """Compact the store for reading (RocksDB compaction) when at least ``min_written`` quads were
        written since it was opened; True when it did. The data stays the same."""
        if self._written < min_written or self.read_only:
            return False
        try:
            self._store.optimize()
        except (OSError, RuntimeError) as error:
            raise GraphError(f"{self.path}: cannot compact the store: {one_line(error, 200)}") from None
        self._written = 0
        return True

    def articles(self) -> list[str]:
        """The IRIs of the named graphs (one per article), sorted."""
        return sorted(node.value for node in self._store.named_graphs())

    def quad_count(self) -> int:
        """How many quads in the articles' graphs (an entity described in two articles counts twice)."""
        result = self._store.query("SELECT (COUNT(*) AS ?n) WHERE { GRAPH ?g { ?s ?p ?o } }")
        return int(next(iter(result))["n"].value)

    def triple_count(self) -> int:
        """How many triples the merged view (the default graph) has."""
        result = self._store.query("SELECT (COUNT(*) AS ?n) WHERE { ?s ?p ?o }")
        return int(next(iter(result))["n"].value)

    def dataset(self) -> Dataset:
        """Every article's graph, as an rdflib Dataset (for TriG and N-Quads)."""
        dataset = Dataset()
        _bind(dataset, self.base())
        convert = _Converter()
        for quad in self._store.quads_for_pattern(None, None, None, None):
            if isinstance(quad.graph_name, self._ox.NamedNode):
                dataset.add((convert(quad.subject), convert(quad.predicate), convert(quad.object),
                             URIRef(quad.graph_name.value)))
        return dataset

    def graph(self) -> Graph:
        """The merged view as one rdflib Graph: the union of the articles' graphs, an entity that
        several articles name differently keeping one ``schema:name`` (the most common, then the
        first in order) and the others as ``schema:alternateName``."""
        graph = Graph()
        _bind(graph, self.base())
        convert = _Converter()
        default = self._ox.DefaultGraph()
        for quad in self._store.quads_for_pattern(None, None, None, default):
            graph.add((convert(quad.subject), convert(quad.predicate), convert(quad.object)))
        names: dict = {}
        for quad in self._store.quads_for_pattern(None, self._ox.NamedNode(str(SCHEMA.name)), None, None):
            if isinstance(quad.graph_name, self._ox.NamedNode):
                names.setdefault(convert(quad.subject), Counter())[convert(quad.object)] += 1
        for node, counts in names.items():
            if len(counts) > 1:
                keep = min(counts, key=lambda name: (-counts[name], str(name)))
                for name in counts:
                    if name != keep:
                        graph.remove((node, SCHEMA.name, name))
                        graph.add((node, SCHEMA.alternateName, name))
        for node, name in list(graph.subject_objects(SCHEMA.name)):
            graph.remove((node, SCHEMA.alternateName, name))
        return graph

    def query(self, sparql: str) -> QueryResult:
        """Run a SPARQL query on the merged view (the default graph; ``GRAPH ?g`` reaches each article); the standard
        prefixes (schema, org, prov, kg, rdf, rdfs, xsd) need no PREFIX line."""
        try:
            result = self._store.query(sparql, prefixes=dict(STANDARD_PREFIXES))
        except SyntaxError as error:
            raise QueryError(f"bad SPARQL query: {one_line(error)}") from None
        except (OSError, ValueError, RuntimeError) as error:
            raise QueryError(f"query failed: {one_line(error)}") from None
        try:
            return _query_result(self._ox, result)
        except (OSError, ValueError, RuntimeError) as error:
            raise QueryError(f"query failed: {one_line(error)}") from None

    def names_with(self, entity_type: str, word: str, at: str = "end") -> set[str]:
        """The names of the stored entities of a type ("Person", "Organization") whose name begins
        (``at="start"``) or ends (``at="end"``) with the word ``word``, case ignored."""
        word = word.lower()
        if entity_type not in ("Person", "Organization", "Place") or not word \
                or not all(ch.isalnum() or ch in "-'’." for ch in word):
            return set()
        test = f'STRENDS(LCASE(STR(?name)), " {word}")' if at == "end" else f'STRSTARTS(LCASE(STR(?name)), "{word} ")'
        rows = self.query(f"SELECT DISTINCT ?name WHERE {{ ?entity a schema:{entity_type} ; schema:name ?name . "
                          f"FILTER({test}) }}")
        return {str(row[0]) for row in rows.rows}

    def base(self) -> str | None:
        """The base IRI of the stored articles (their IRIs are BASE article/ID)."""
        for iri in self.articles():
            if "/article/" in iri:
                return iri.rsplit("article/", 1)[0]
        return None


_IRI_FORBIDDEN = re.compile(r'[\x00-\x20<>"{}|^`\\]')  # what an N-Triples / SPARQL IRIREF cannot hold


def _iri(value: str) -> str:
    """``<value>`` for N-Triples; GraphError when ``value`` has a character an IRI cannot hold."""
    if _IRI_FORBIDDEN.search(value):
        raise GraphError(f"not a valid IRI: {value!r}")
    return f"<{value}>"


def _literal(value: Literal) -> str:
    """A literal in N-Triples (and SPARQL) syntax, as rdflib writes it: "text", "text"@lang, "v"^^<type>."""
    text = str(value).replace("\\", "\\\\").replace('"', '\\"').replace("\n", "\\n").replace("\r", "\\r")
    if value.language:
        return f'"{text}"@{value.language}'
    if value.datatype is not None:
        return f'"{text}"^^{_iri(str(value.datatype))}'
    return f'"{text}"'


def _ntriples_lines(triples: Iterable[tuple]) -> list[str]:
    """Each triple as one N-Triples line without its final " ." (terms written once each, cached)."""
    cache: dict = {}

    def term(node) -> str:
        text = cache.get(node)
        if text is None:
            if isinstance(node, URIRef):
                text = _iri(str(node))
            elif isinstance(node, Literal):
                text = _literal(node)
            elif isinstance(node, BNode):
                text = f"_:{node}"
            else:
                raise GraphError(f"unsupported RDF term: {node!r}")
            cache[node] = text
        return text

    return [f"{term(s)} {term(p)} {term(o)}" for s, p, o in triples]


def read_store_graph(path: str | os.PathLike) -> Graph:
    """The merged view of the store at ``path`` as an rdflib Graph (opened read-only)."""
    with Store(path, read_only=True) as store:
        return store.graph()


def _bind(graph: Graph, base: str | None) -> None:
    from kg.rdf.build import bind_prefixes

    if base:
        bind_prefixes(graph, base=base)
    else:
        for prefix, namespace in STANDARD_PREFIXES.items():
            graph.bind(prefix, namespace, override=True, replace=True)


class _Converter:
    """pyoxigraph terms -> rdflib terms (a plain literal stays plain, as rdflib parses it), cached."""

    def __init__(self):
        import pyoxigraph

        self._ox = pyoxigraph
        self._cache: dict = {}

    def __call__(self, term):
        cached = self._cache.get(term)
        if cached is not None:
            return cached
        value = _to_rdflib(self._ox, term)
        if len(self._cache) < 500_000:
            self._cache[term] = value
        return value


def _to_rdflib(ox, term):
    if isinstance(term, ox.NamedNode):
        return URIRef(term.value)
    if isinstance(term, ox.Literal):
        if term.language:
            return Literal(term.value, lang=term.language)
        datatype = term.datatype.value
        return Literal(term.value) if datatype == _XSD_STRING else Literal(term.value, datatype=URIRef(datatype))
    if isinstance(term, ox.BlankNode):
        return BNode(term.value)
    raise GraphError(f"unsupported RDF term in the store: {term!r}")


class _Cells:
    """pyoxigraph result terms -> (text, Term) cells, the Term objects shared (a few kinds only)."""

    def __init__(self, ox):
        self._named, self._blank, self._literal = ox.NamedNode, ox.BlankNode, ox.Literal
        self._uri, self._bnode = Term("uri"), Term("bnode")
        self._kinds: dict[tuple, Term] = {}

    def __call__(self, term) -> tuple[str | None, Term | None]:
        if term is None:
            return None, None
        kind = type(term)
        if kind is self._named:
            return term.value, self._uri
        if kind is self._literal:
            lang = term.language
            datatype = None if lang else term.datatype.value
            if datatype in (_XSD_STRING, _LANG_STRING):
                datatype = None
            found = self._kinds.get((datatype, lang))
            if found is None:
                found = self._kinds[(datatype, lang)] = Term("literal", datatype, lang)
            return term.value, found
        if kind is self._blank:
            return term.value, self._bnode
        return str(term), Term("literal")


def _query_result(ox, result) -> QueryResult:
    """A pyoxigraph query answer as kg's QueryResult (as kg.rdf.query.run_query gives for rdflib)."""
    if isinstance(result, ox.QueryBoolean):
        return QueryResult(("ask",), (("true" if bool(result) else "false",),), ((Term("literal", str(XSD.boolean)),),))
    if isinstance(result, ox.QueryTriples):
        triples = sorted(((t.subject, t.predicate, t.object) for t in result), key=lambda t: tuple(map(str, t)))
        cell = _Cells(ox)
        cells = [tuple(cell(term) for term in triple) for triple in triples]
        columns = ("subject", "predicate", "object")
    else:
        columns = tuple(v.value for v in result.variables)
        cell, indexes = _Cells(ox), range(len(columns))
        cells = [tuple([cell(solution[i]) for i in indexes]) for solution in result]
    rows = tuple(tuple(text for text, _ in row) for row in cells)
    terms = tuple(tuple(term for _, term in row) for row in cells)
    return QueryResult(columns, rows, terms)
