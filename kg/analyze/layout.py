"""What drawing the actor graph needs of NetworkX: its connected parts and seeded force-directed positions.

The page (kg/render/layout.py) turns these into pixels; NetworkX stays in kg/analyze/.
"""
from __future__ import annotations

import networkx as nx

from kg.analyze.graph import to_simple_graph


def connected_parts(G: nx.MultiDiGraph) -> list[list[str]]:
    """The connected parts of the actor graph, whatever the edges' direction, each as sorted nodes.

    >>> connected_parts(nx.MultiDiGraph([("b", "a"), ("c", "c")]))
    [['a', 'b'], ['c']]
    """
    return [sorted(nodes) for nodes in nx.connected_components(to_simple_graph(G))]


def force_layout(G: nx.MultiDiGraph, *, seed: int = 7) -> dict[str, tuple[float, float]]:
    """Seeded force-directed positions of the weighted undirected projection, in layout units.

    Fruchterman-Reingold below 500 nodes, ForceAtlas2 above; nodes and edges go in sorted, so the
    same graph always gives the same positions.
    """
    undirected = to_simple_graph(G)
    ordered = nx.Graph()
    ordered.add_nodes_from(sorted(undirected))
    ordered.add_weighted_edges_from(sorted((u, v, d["weight"]) for u, v, d in undirected.edges(data=True)))
    if len(ordered) < 500:  # Fruchterman-Reingold on a dense matrix: even spacing, fine for small graphs
        pos = nx.spring_layout(ordered, seed=seed, iterations=300, weight=None)
    else:  # networkx' spring layout needs SciPy for large graphs; ForceAtlas2 needs only NumPy
        pos = nx.forceatlas2_layout(ordered, seed=seed, max_iter=80, weight="weight", scaling_ratio=2.0,
                                    gravity=1.0)
    return {node: (float(x), float(y)) for node, (x, y) in pos.items()}
