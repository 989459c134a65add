"""Deterministic 2-D positions of the actor graph, for drawing it."""
from __future__ import annotations

import networkx as nx

from kg.analyze.graph import to_simple_graph


def layout_positions(G: nx.MultiDiGraph, *, seed: int = 7, scale: float | None = None,
                     stretch: float = 1.5) -> dict[str, tuple[int, int]]:
    """Deterministic 2-D positions in pixels for drawing the actor graph: ForceAtlas2, seeded.

    The layout runs on the weighted undirected projection, centred on (0, 0) and scaled so that its
    larger side is ``scale`` pixels (by default 180·√n), then widened ``stretch`` times. The same graph always gives the same
    positions, rounded to whole pixels.
    """
    if not len(G):
        return {}
    undirected = to_simple_graph(G)
    n = len(undirected)
    if n == 1:
        return {next(iter(undirected)): (0.0, 0.0)}
    ordered = nx.Graph()
    ordered.add_nodes_from(sorted(undirected))
    ordered.add_weighted_edges_from(sorted((u, v, d["weight"]) for u, v, d in undirected.edges(data=True)))
    if n < 500:  # Fruchterman-Reingold on a dense matrix: even spacing, fine for small graphs
        pos = nx.spring_layout(ordered, seed=seed, iterations=300, weight=None)
    else:  # networkx' spring layout needs SciPy for large graphs; ForceAtlas2 needs only NumPy
        pos = nx.forceatlas2_layout(ordered, seed=seed, max_iter=80, weight="weight", scaling_ratio=2.0,
                                    gravity=1.0)
    xs = [float(p[0]) for p in pos.values()]
    ys = [float(p[1]) for p in pos.values()]
    if max(ys) - min(ys) > max(xs) - min(xs):  # lie wide, as screens are
        pos = {node: (y, x) for node, (x, y) in pos.items()}
        xs, ys = ys, xs
    span = max(max(xs) - min(xs), max(ys) - min(ys)) or 1.0
    target = scale if scale is not None else 180.0 * (n ** 0.5)
    cx, cy = (max(xs) + min(xs)) / 2, (max(ys) + min(ys)) / 2
    return {node: (round((float(x) - cx) / span * target * stretch), round((float(y) - cy) / span * target))
            for node, (x, y) in pos.items()}
