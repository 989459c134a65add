"""Accusations and conflicts in the actor graph: who accuses whom, and who answers with a rejection.

An accusation is a statement whose speech act accuses or criticises (aimed at the entity its
text names first) or an action whose verb does; a conflict is an accusation that the accused, or
a member of it, rejects or denies, in the same article or naming the accuser.
"""
from __future__ import annotations

from dataclasses import asdict

import networkx as nx

from kg.model import Accusation, Citation, Conflict, Response

# What counts as an accusation and as a rejection, by speech act (statements) or verb lemma (actions).
ACCUSE_ACTS = frozenset({"accuse", "criticize"})
ACCUSE_LEMMAS = frozenset({"accuse", "criticize", "criticise", "condemn", "denounce", "blame", "attack",
                           "slam", "charge", "censure"})
REJECT_ACTS = frozenset({"reject", "deny"})
REJECT_LEMMAS = frozenset({"reject", "deny", "dismiss", "refute", "rebuff", "repudiate"})


def accusations_and_conflicts(G: nx.MultiDiGraph,
                              fact_articles: dict[str, str]) -> tuple[list[Accusation], list[Conflict]]:
    """Who accuses or criticises whom, and the pairs where the accused (or a member of it) rejects or denies.

    ``fact_articles`` gives the article of each membership and action (statements carry theirs).
    """
    rejections = _rejections(G)
    members = _members(G)
    article_of = dict(fact_articles)
    for _, data in G.nodes(data=True):
        article_of.update((record["id"], record["article"]) for record in data["statements"])

    def name(node):
        return G.nodes[node]["name"]

    accusations, conflicts = [], []
    for (accuser, accused), facts in _accusations(G).items():
        pair = {"accuser": accuser, "accuser_name": name(accuser), "accused": accused, "accused_name": name(accused),
                "accusations": tuple(facts)}
        accusations.append(Accusation(**pair))
        articles = {article_of.get(f.source) for f in facts} - {None}
        responses = []
        for responder in sorted({accused} | members.get(accused, set())):
            for rejection, targets, article in rejections.get(responder, []):
                aimed = accuser in targets
                if aimed or (article is not None and article in articles):
                    responses.append(Response(**asdict(rejection), by=responder, by_name=name(responder),
                                              names_accuser=aimed))
        if responses:
            responses.sort(key=lambda r: (not r.names_accuser, r.source))
            conflicts.append(Conflict(**pair, responses=tuple(responses)))
    accusations.sort(key=lambda a: (-len(a.accusations), a.accuser_name, a.accused_name, a.accuser))
    conflicts.sort(key=lambda c: (-len(c.accusations) - len(c.responses), c.accuser_name, c.accused_name, c.accuser))
    return accusations, conflicts


def accused_in(G: nx.MultiDiGraph, speaker: str, statement: str) -> set[str]:
    """The entity an accusing statement is aimed at: the one its text names first ("China of ...").

    Falls back to every entity it mentions when none of their names occurs in the text.
    """
    for record in G.nodes[speaker]["statements"]:
        if record["id"] != statement:
            continue
        targets = [m for m in record["mentions"] if m != speaker]
        text = record["text"]
        first: dict[str, int] = {}
        for target in targets:
            data = G.nodes[target]
            found = [text.find(name) for name in (data["name"], *data["aliases"]) if name and name in text]
            if found:
                first[target] = min(found)
        if first:
            return {min(first, key=lambda t: (first[t], t))}
        return set(targets)
    return set()


def _accusations(G: nx.MultiDiGraph) -> dict[tuple[str, str], list[Citation]]:
    """(accuser, accused) -> the facts of the accusation, in edge order."""
    accused_by: dict[tuple[str, str], list[Citation]] = {}
    for u, v, data in sorted(G.edges(data=True), key=lambda e: (e[0], e[1], e[2]["source"])):
        act = (data.get("act") or "").lower()
        if data["kind"] == "speaks_about" and act in ACCUSE_ACTS:
            if v not in accused_in(G, u, data["source"]):
                continue  # "accused China of ... detentions of Uyghurs": China is accused, not the Uyghurs
        elif not (data["kind"] == "action" and act in ACCUSE_LEMMAS):
            continue
        facts = accused_by.setdefault((u, v), [])
        fact = _fact(G, u, data)
        if fact not in facts:
            facts.append(fact)
    return accused_by


def _fact(G: nx.MultiDiGraph, source: str, data: dict) -> Citation:
    """An edge from ``source`` as evidence: what kind of fact, its verb or cue, its text and sentence."""
    text = ""
    if data["kind"] == "speaks_about":
        for record in G.nodes[source]["statements"]:
            if record["id"] == data["source"]:
                text = record["text"]
    return Citation(kind="statement" if data["kind"] == "speaks_about" else data["kind"], source=data["source"],
                    verb=data["label"], text=text, sentence=data["evidence"])


def _rejections(G: nx.MultiDiGraph) -> dict[str, list[tuple[Citation, list[str], str | None]]]:
    """The rejections and denials of each entity (its statements' and its actions'), each with the
    entities it names and its article (None for an action)."""
    rejections: dict[str, list[tuple[Citation, list[str], str | None]]] = {}
    for node, data in G.nodes(data=True):
        for record in data["statements"]:
            if (record["speech_act"] or "") in REJECT_ACTS:
                rejections.setdefault(node, []).append((
                    Citation(kind="statement", source=record["id"], verb=record["cue"], text=record["text"],
                             sentence=record["sentence"]),
                    list(record["mentions"]), record["article"]))
    for u, v, data in G.edges(data=True):
        if data["kind"] == "action" and (data.get("act") or "").lower() in REJECT_LEMMAS:
            rejections.setdefault(u, []).append((
                Citation(kind="action", source=data["source"], verb=data["label"], text="", sentence=data["evidence"]),
                [v], None))
    return rejections


def _members(G: nx.MultiDiGraph) -> dict[str, set[str]]:
    """Organisation -> the entities affiliated with it."""
    members: dict[str, set[str]] = {}
    for u, v, kind in G.edges(data="kind"):
        if kind == "affiliation":
            members.setdefault(v, set()).add(u)
    return members
