"""The interactive page of the actor graph: one self-contained HTML file (pyvis / vis-network).

page.py writes the page (``render_html``), with the look of page.css and the behaviour of page.js
(shipped as package data); data.py prepares what it shows; layout.py where each node sits.
"""
from __future__ import annotations

from kg.render.data import COMMUNITY_COLOURS, TYPE_COLOURS
from kg.render.page import EDGE_STYLES, render_html, write_html

__all__ = ["COMMUNITY_COLOURS", "EDGE_STYLES", "TYPE_COLOURS", "render_html", "write_html"]
