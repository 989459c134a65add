"""Where each node sits on the page, in pixels: computed in Python so the page never drifts.

Each connected part is laid out on its own (seeded, kg/analyze/layout.py), its labels pushed
apart, and the parts packed in rows, the largest first; entities tied to nothing end up together
in the last rows. The same graph always gives the same positions.
"""
from __future__ import annotations

import math

from kg.analyze.layout import connected_parts, force_layout

FONT_SIZE = 20  # px, of node labels
LABEL_WIDTH = 150  # px; longer names wrap (vis widthConstraint)
_SPREAD_LIMIT = 250  # label overlap is removed for graphs up to this many nodes
_GAP = 40  # px between parts


def layout_positions(G, *, seed: int = 7, scale: float | None = None,
                     stretch: float = 1.5) -> dict[str, tuple[int, int]]:
    """Deterministic 2-D positions in pixels for drawing the actor graph ``G``.

    The force-directed layout is centred on (0, 0) and scaled so that its larger side is
    ``scale`` pixels (by default 180·√n), turned to lie wide, as screens are, then widened
    ``stretch`` times; positions are rounded to whole pixels.
    """
    if not len(G):
        return {}
    if len(G) == 1:
        return {next(iter(G)): (0.0, 0.0)}
    pos = force_layout(G, seed=seed)
    xs = [p[0] for p in pos.values()]
    ys = [p[1] for p in pos.values()]
    if max(ys) - min(ys) > max(xs) - min(xs):
        pos = {node: (y, x) for node, (x, y) in pos.items()}
        xs, ys = ys, xs
    span = max(max(xs) - min(xs), max(ys) - min(ys)) or 1.0
    target = scale if scale is not None else 180.0 * (len(pos) ** 0.5)
    cx, cy = (max(xs) + min(xs)) / 2, (max(ys) + min(ys)) / 2
    return {node: (round((x - cx) / span * target * stretch), round((y - cy) / span * target))
            for node, (x, y) in pos.items()}


def positions(G, sizes: dict, labels: dict) -> dict[str, tuple[int, int]]:
    """Node positions in pixels: each connected part laid out on its own, labels kept apart, parts packed in rows.

    ``sizes`` are the dots' radii and ``labels`` their labels, which take room below them.
    """
    parts = []
    for nodes in connected_parts(G):
        if len(nodes) == 1:
            pos = {nodes[0]: (0, 0)}
        else:
            scale = 200.0 * len(nodes) ** 0.5 if len(nodes) > 3 else 110.0 * len(nodes)
            pos = layout_positions(G.subgraph(nodes), scale=scale, stretch=1.6 if len(nodes) > 3 else 1.0)
        boxes = {n: label_box(labels[n], sizes[n]) for n in nodes}
        if len(nodes) <= _SPREAD_LIMIT:
            pos = _spread(pos, boxes)
        left = min(x - boxes[n][0] for n, (x, _) in pos.items())
        right = max(x + boxes[n][0] for n, (x, _) in pos.items())
        top = min(y - boxes[n][1] for n, (_, y) in pos.items())
        bottom = max(y + boxes[n][2] for n, (_, y) in pos.items())
        parts.append((-len(nodes), min(labels[n].lower() for n in nodes), nodes, pos, left, right, top, bottom))
    parts.sort(key=lambda p: (p[0], p[1], p[2]))
    return _pack(parts)


def label_box(label: str, size: float) -> tuple[float, float, float]:
    """Half-width, extent above and extent below a node's centre, its label (below the dot) included."""
    width = min(len(label) * FONT_SIZE * 0.56, LABEL_WIDTH)
    lines = max(1, math.ceil(len(label) * FONT_SIZE * 0.56 / LABEL_WIDTH))
    return max(size, width / 2) + 22, size + 16, size + 18 + lines * (FONT_SIZE + 3)


def _spread(pos: dict, boxes: dict, *, rounds: int = 200) -> dict:
    """Push apart nodes whose label boxes overlap, along the axis where they overlap least."""
    pos = {n: [float(x), float(y)] for n, (x, y) in pos.items()}
    order = sorted(pos)
    for _ in range(rounds):
        moved = False
        for i, a in enumerate(order):
            wa, ua, da = boxes[a]
            for b in order[i + 1:]:
                wb, ub, db = boxes[b]
                (ax, ay), (bx, by) = pos[a], pos[b]
                dx = (wa + wb) - abs(ax - bx)
                if dx <= 0:
                    continue
                # vertical intervals [y - up, y + down]
                dy = min(ay + da, by + db) - max(ay - ua, by - ub)
                if dy <= 0:
                    continue
                moved = True
                # push apart along the axis of the smaller overlap; a tie is broken by id
                axis, overlap, mine, theirs = (0, dx, ax, bx) if dx < dy else (1, dy, ay, by)
                shift = overlap / 2 + 1
                sign = 1 if mine > theirs or (mine == theirs and a > b) else -1
                pos[a][axis] += sign * shift
                pos[b][axis] -= sign * shift
        if not moved:
            break
    return {n: (round(x), round(y)) for n, (x, y) in pos.items()}


def _pack(parts: list[tuple]) -> dict[str, tuple[int, int]]:
    """Place the laid-out parts in rows of about the same width, in order, each at its own offset."""
    area = sum((p[5] - p[4] + _GAP) * (p[7] - p[6] + _GAP) for p in parts)
    row_width = max((p[5] - p[4]) for p in parts) if parts else 0
    row_width = max(row_width, (area * 1.6) ** 0.5)
    placed, x, y, row_height = {}, 0.0, 0.0, 0.0
    for _, _, _, pos, left, right, top, bottom in parts:
        width, height = right - left, bottom - top
        if x > 0 and x + width > row_width:
            x, y, row_height = 0.0, y + row_height + _GAP, 0.0
        for n, (px, py) in pos.items():
            placed[n] = (round(x + px - left), round(y + py - top))
        x += width + _GAP
        row_height = max(row_height, height)
    return placed
