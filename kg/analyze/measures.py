"""What is measured on the actor graph: free functions of a NetworkX graph, as networkx' own are.

Each takes a graph ``G`` (and what it needs of other measures) and returns ``dict[node, value]``,
but ``communities``, which returns the communities, as networkx does.
"""
from __future__ import annotations

from collections import Counter

import networkx as nx

LOUVAIN_SEED = 42
PAGERANK_ALPHA = 0.85


def pagerank(G: nx.DiGraph, *, alpha: float = PAGERANK_ALPHA, weight: str = "weight",
             tol: float = 1.0e-10, max_iter: int = 1000) -> dict:
    """PageRank of a simple directed graph by power iteration (dangling nodes spread uniformly).

    The same definition as ``networkx.pagerank``, in pure Python: that function needs SciPy,
    which kg does not depend on.

    >>> pagerank(nx.DiGraph([("a", "b"), ("b", "a")]))
    {'a': 0.5, 'b': 0.5}
    """
    nodes = list(G)
    n = len(nodes)
    if n == 0:
        return {}
    out_weight = {u: sum(d.get(weight, 1) for d in G[u].values()) for u in nodes}
    rank = dict.fromkeys(nodes, 1.0 / n)
    for _ in range(max_iter):
        dangling = alpha * sum(rank[u] for u in nodes if not out_weight[u]) / n
        new = dict.fromkeys(nodes, (1.0 - alpha) / n + dangling)
        for u, v, w in G.edges(data=weight, default=1):
            new[v] += alpha * rank[u] * w / out_weight[u]
        error = sum(abs(new[u] - rank[u]) for u in nodes)
        rank = new
        if error < n * tol:
            break
    return rank


def betweenness(G: nx.Graph) -> dict:
    """Normalised betweenness by hops: who stands on the shortest paths between others.

    >>> betweenness(nx.Graph([("a", "b"), ("b", "c")]))
    {'a': 0.0, 'b': 1.0, 'c': 0.0}
    """
    return nx.betweenness_centrality(G, normalized=True, weight=None)


def communities(G: nx.Graph, ranks: dict, names: dict) -> list[list]:
    """Louvain communities (seeded, weighted) as lists of nodes, most central first; largest community first.

    Ties between communities of one size go to the higher summed rank, then to the names.

    >>> G = nx.Graph([("a", "b"), ("b", "e"), ("c", "d")])
    >>> communities(G, {"a": 0.1, "b": 0.3, "c": 0.2, "d": 0.1, "e": 0.3}, {n: n for n in G})
    [['b', 'e', 'a'], ['c', 'd']]
    """
    if not len(G):
        return []
    found = nx.community.louvain_communities(G, weight="weight", seed=LOUVAIN_SEED)
    ordered = [sorted(members, key=lambda m: (-ranks.get(m, 0.0), names[m], m)) for members in found]
    ordered.sort(key=lambda members: (-len(members), -sum(ranks.get(m, 0.0) for m in members),
                                      [names[m] for m in members]))
    return ordered


def participation(G: nx.Graph, community_of: dict, *, weight: str = "weight") -> dict:
    """The participation coefficient of every node: 1 - sum over communities of (share of tie weight)².

    0 when all of a node's ties stay in one community (or it has none); close to 1 when its ties
    spread evenly over many communities: the brokers between camps (Guimerà and Amaral, 2005).

    >>> G = nx.Graph([("a", "b"), ("a", "c")])
    >>> participation(G, {"a": 0, "b": 0, "c": 1})
    {'a': 0.5, 'b': 0.0, 'c': 0.0}
    """
    result = {}
    for node in G:
        per_community: Counter = Counter()
        for neighbour, data in G[node].items():
            per_community[community_of[neighbour]] += data.get(weight, 1)
        total = sum(per_community.values())
        result[node] = 1.0 - sum((w / total) ** 2 for w in per_community.values()) if total else 0.0
    return result


def brokers(G: nx.Graph, community_of: dict) -> dict:
    """The other communities each node is tied to (sorted), for the nodes tied to any: the brokers.

    >>> brokers(nx.Graph([("a", "b"), ("a", "c")]), {"a": 1, "b": 1, "c": 2})
    {'a': [2], 'c': [1]}
    """
    linked = {node: sorted({community_of[n] for n in G[node]} - {community_of[node]}) for node in G}
    return {node: links for node, links in linked.items() if links}
