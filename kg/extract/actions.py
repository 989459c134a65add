"""Who did what to whom: a verb from a short list whose agent and object are both entities.

Active ("China detained Uyghurs") and passive ("Uyghurs were detained by China") voice. Kept
conservative: both ends must resolve to named entities, or the edge is not drawn.
"""
from __future__ import annotations

from collections.abc import Iterable, Iterator

from spacy.tokens import Token

from kg.extract.discourse import Discourse, subject_of
from kg.extract.lexicon import ACTION_VERBS, DIRECTIVE_VERBS, VISIT_NOUNS
from kg.extract.evidence import evidence as evidence_of
from kg.model import Action, Article
from kg.nlp import Paragraph

_OBJECT_DEPS = ("dobj", "obj", "dative")


def actions(article: Article, paragraphs: Iterable[Paragraph], discourse: Discourse) -> list[Action]:
    """Every agent–verb–object action between two entities, in text order, without repeats."""
    found: list[Action] = []
    seen: set[tuple[str, str, str]] = set()
    for para in paragraphs:
        for sent in para.sentences:
            discourse.note_sentence(sent, para.offset)
            for token in sent:
                for action in _actions_of(token, para.offset, discourse, article.text):
                    key = (action.agent, action.lemma, action.object)
                    if key not in seen and action.agent != action.object:
                        seen.add(key)
                        found.append(action)
    return found


def _nominal_visit(noun: Token, offset: int, discourse: Discourse, text: str) -> Iterator[Action]:
    """"She made a brief trip to Xinjiang", "Obama's visit to Israel": a visit named by a noun."""
    if noun.lemma_.lower() not in VISIT_NOUNS or noun.pos_ != "NOUN":
        return
    targets = [p for c in noun.children if c.dep_ == "prep" and c.lower_ == "to" for p in c.children if p.dep_ == "pobj"]
    owner = next((c for c in noun.children if c.dep_ == "poss"), None)
    if owner is None and noun.dep_ in ("dobj", "obj") and noun.head.lemma_.lower() in ("make", "pay", "take", "begin"):
        owner = subject_of(noun.head)
    if owner is None or not targets:
        return
    agent = discourse.refer(owner, offset, remember=False, documents=False).ref
    if agent is None or not agent.startswith("Person/"):
        return
    sent = noun.sent
    for target_token in targets:
        target = discourse.refer(target_token, offset, remember=False, documents=False).ref
        if target is not None and target.startswith("Place/"):
            yield Action(agent, "visited", "visit", target, evidence_of(text, offset + sent.start_char, offset + sent.end_char))


def _actions_of(verb: Token, offset: int, discourse: Discourse, text: str) -> Iterator[Action]:
    lemma = verb.lemma_.lower()
    if verb.pos_ == "NOUN":
        yield from _nominal_visit(verb, offset, discourse, text)
        return
    if lemma not in ACTION_VERBS or verb.pos_ != "VERB":
        return
    passive = any(c.dep_ == "nsubjpass" for c in verb.children)
    if passive:
        agent_token = next((p for c in verb.children if c.dep_ == "agent" for p in c.children if p.dep_ == "pobj"), None)
        objects = [c for c in verb.children if c.dep_ == "nsubjpass"]
    else:
        agent_token = subject_of(verb)
        objects = [c for c in verb.children if c.dep_ in _OBJECT_DEPS]
        if not objects and lemma in DIRECTIVE_VERBS:
            # "recommended that China release ...": the one told to act is the clause's subject
            objects = [s for c in verb.children if c.dep_ == "ccomp" for s in c.children if s.dep_ == "nsubj"]
    if agent_token is None or not objects:
        return
    agent = discourse.refer(agent_token, offset, remember=False).ref
    if agent is None or agent.startswith("Group/") and lemma not in ("accuse", "denounce", "criticize"):
        return
    sent = verb.sent
    evidence = evidence_of(text, offset + sent.start_char, offset + sent.end_char)
    for obj in objects:
        for target_token in [obj, *(c for c in obj.conjuncts)]:
            target = discourse.refer(target_token, offset, remember=False, documents=False).ref
            if target is not None:
                yield Action(agent, verb.text, lemma, target, evidence)
