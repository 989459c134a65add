"""Who a subject refers to: entity mentions, pronouns, "the report", "the Chinese authorities".

The walker goes through the article's sentences in order and remembers their subjects, so that
"He said" finds the last man who was the subject of a sentence, and "It stated" the last
organisation or report.
"""
from __future__ import annotations

import re
from dataclasses import dataclass, field

from spacy.tokens import Span, Token

from kg.extract.lexicon import (DOCUMENT_NOUNS, FEMALE_PRONOUNS, GOVERNMENT_NOUNS, MALE_PRONOUNS,
                                ORGANIZATION_NOUNS, PLURAL_PRONOUNS, QUANTIFIER_PRONOUNS, RELATIVE_PRONOUNS,
                                THING_PRONOUNS, title_word)
from kg.resolve import EntityIndex

_SUBJECTS = ("nsubj", "nsubjpass", "csubj")
_WINDOW = 2500  # characters a pronoun looks back for its antecedent


@dataclass(frozen=True)
class Referent:
    """What a noun phrase refers to: an entity ref (or None) and the words as written."""

    ref: str | None
    text: str
    unnamed: bool = False  # no entity, and a description of people rather than a pronoun


@dataclass
class Discourse:
    """The subjects seen so far, newest last, and the organisation that issued "the report"."""

    index: EntityIndex
    text: str = ""  # the article's text, where the roles written beside each person's name are read
    subjects: list[tuple[int, str]] = field(default_factory=list)  # (offset, Entity.ref)
    issuer: str | None = None
    genders: dict[str, str] = field(default_factory=dict)

    def __post_init__(self) -> None:
        self.genders.update(dict(self.index.genders))

    def entity_at(self, token: Token, offset: int) -> str | None:
        """The entity a token is part of."""
        start = offset + token.idx
        return self.index.at(start, start + len(token.text))

    def note_sentence(self, sent: Span, offset: int) -> None:
        """Remember the sentence's subjects and any "report by ORG" for later pronouns."""
        for token in sent:
            if token.lemma_.lower() in DOCUMENT_NOUNS:
                # the latest "report by ORG" is the one "the report" and "it" mean from here on
                self.issuer = self._document_issuer(token, offset) or self.issuer
        for token in sent:
            if token.dep_ in _SUBJECTS:
                referent = self.refer(token, offset, remember=False)
                if referent.ref is not None:
                    self.subjects.append((offset + token.idx, referent.ref))

    def refer(self, head: Token, offset: int, *, remember: bool = True, documents: bool = True) -> Referent:
        """Resolve a subject's head token to an entity, or to an unnamed speaker (ref None)."""
        text = phrase_text(head)
        position = offset + head.idx
        lower = head.lower_
        ref = self.entity_at(head, offset)
        if ref is None and lower in RELATIVE_PRONOUNS and head.head.dep_ in ("relcl",):
            return self.refer(head.head.head, offset, remember=remember, documents=documents)
        if ref is None and head.pos_ == "PRON":
            ref = self._pronoun(lower, position)
        if ref is None and documents and head.lemma_.lower() in DOCUMENT_NOUNS:
            ref = self._document_issuer(head, offset) or self.issuer  # "the FBI's investigation found"
        if ref is None and lower in GOVERNMENT_NOUNS | {"spokesman", "spokeswoman", "spokesperson"}:
            ref = next((r for c in head.children if c.dep_ in ("compound", "poss", "amod")
                        for r in [self.entity_at(c, offset)] if r and not r.startswith("Person/")), None)
        if ref is None and lower in ORGANIZATION_NOUNS:
            ref = self._organisation_by_kind(head, offset, position)
        if ref is None and head.pos_ in ("NOUN", "PROPN"):
            ref = self._named_in_apposition(head, offset)
        if ref is None and head.pos_ == "NOUN" and any(c.dep_ == "det" and c.lower_ == "the" for c in head.children):
            ref = self._described_person(head.lemma_.lower(), position)
        if remember and ref is not None:
            self.subjects.append((position, ref))
        described = head.pos_ in ("NOUN", "PROPN") or lower in QUANTIFIER_PRONOUNS  # "All of the candidates"
        return Referent(ref, text, unnamed=ref is None and described)

    def _organisation_by_kind(self, head: Token, offset: int, position: int) -> str | None:
        """"The U.N. agency": the last organisation in subject position whose name extends the
        modifier's ("United Nations Human Rights Office", "Office of the United Nations High Commissioner for
        Human Rights" for "U.N."), else the modifier itself."""
        for child in head.children:
            if child.dep_ not in ("compound", "nmod", "poss", "amod"):
                continue
            parent = self.entity_at(child, offset)
            if parent is None or not parent.startswith("Organization/"):
                continue
            parent_key = parent.split("/", 1)[1]
            narrower = self._last_subject(position, lambda r: r.startswith("Organization/") and r != parent
                                          and f"-{parent_key}-" in f"-{r.split('/', 1)[1]}-")
            return narrower or parent
        return None

    def _named_in_apposition(self, head: Token, offset: int) -> str | None:
        """"the economist Jared Bernstein", "co-host Mika Brzezinski": a name beside a common noun."""
        found = [self.entity_at(child, offset) for child in head.children
                 if child.dep_ in ("appos", "compound", "nmod", "flat", "conj") and child.pos_ == "PROPN"]
        found = [ref for ref in found if ref is not None and ref.startswith(("Person/", "Organization/"))]
        # "GOP presidential contender Ben Carson": the person, not the party
        return min(found, key=lambda ref: not ref.startswith("Person/"), default=None)

    def _pronoun(self, pronoun: str, position: int) -> str | None:
        if pronoun in FEMALE_PRONOUNS | MALE_PRONOUNS:
            want = "f" if pronoun in FEMALE_PRONOUNS else "m"
            ref = self._last_subject(position, lambda r: r.startswith("Person/") and self.genders.get(r, want) == want)
            if ref is None:
                ref = self._last_mention(position, lambda r: r.startswith("Person/") and self.genders.get(r, want) == want)
            return ref
        if pronoun in THING_PRONOUNS:
            return self._last_subject(position, lambda r: r.startswith("Organization/"))
        if pronoun in PLURAL_PRONOUNS:
            return self._last_subject(position, lambda r: r.startswith(("Organization/", "Place/")))
        return None

    def _described_person(self, role: str, position: int) -> str | None:
        """ "the senator", "the former ambassador", "the party chairman": the nearest person named
        before with that role written beside the name ("Sen. Jane Roe", "Jane Roe, the ambassador",
        "party chairman Jane Roe")."""
        if not self.text or role in ORGANIZATION_NOUNS or role in GOVERNMENT_NOUNS or role in DOCUMENT_NOUNS:
            return None
        for start, end, ref in reversed(self.index.spans_between(max(0, position - _WINDOW), position)):
            if ref.startswith("Person/") and role in _roles_beside(self.text, start, end):
                return ref
        return None

    def _last_subject(self, position: int, ok) -> str | None:
        for at, ref in reversed(self.subjects):
            if position - _WINDOW <= at < position and ok(ref):
                return ref
        return None

    def _last_mention(self, position: int, ok) -> str | None:
        for start, _, ref in reversed(self.index.spans):
            if position - _WINDOW <= start < position and ok(ref):
                return ref
        return None

    def _document_issuer(self, noun: Token, offset: int) -> str | None:
        """The organisation in "report by ORG" or "ORG's report"."""
        for child in noun.children:
            if child.dep_ == "prep" and child.lower_ == "by":
                for pobj in child.children:
                    ref = self.entity_at(pobj, offset)
                    if ref and ref.startswith("Organization/"):
                        return ref
            if child.dep_ in ("poss", "compound", "nmod"):
                ref = self.entity_at(child, offset)
                if ref and ref.startswith("Organization/"):
                    return ref
        return None


def _roles_beside(text: str, start: int, end: int) -> set[str]:
    """The role words written with a name: its title ("Sen. Jane Roe"), the words just before it
    ("party chairman Jane Roe") and its apposition ("Jane Roe, the former ambassador, ...")."""
    before = re.findall(r"[A-Za-z][\w.-]*", text[max(0, start - 40) : start])[-3:]
    inside = text[start:end].split()[:1]
    after = re.match(r"\s*,\s*(?:a|an|the)?\s*([a-z][a-z .-]{0,60}?)\s*(?:,|\.|;| of | for | at | in | who )",
                     text[end : end + 90])
    words = before + inside + (after.group(1).split() if after else [])
    return {title_word(w) for w in words}


def phrase_text(head: Token) -> str:
    """The noun phrase of a head without its appositions and relative clauses."""
    keep = [head]
    for child in head.lefts:
        keep.extend(child.subtree)
    tokens = sorted(keep, key=lambda t: t.i)
    return head.doc[tokens[0].i : head.i + 1].text


def subject_of(verb: Token) -> Token | None:
    """The subject of a verb, inherited through coordination ("denied ... but later stated")
    and through the clause a participle hangs on ("responded with a reply claiming ...")."""
    seen = 0
    while verb is not None and seen < 6:
        subjects = [c for c in verb.children if c.dep_ in ("nsubj", "csubj")]
        if subjects:
            # the parser sometimes gives a verb several subjects ("co", "-", "Brzezinski" of
            # "co-host Mika Brzezinski asked"): the name, else the one nearest the verb
            return max(subjects, key=lambda c: (c.pos_ == "PROPN", -abs(c.i - verb.i)))
        for child in verb.children:
            if child.dep_ == "agent":
                return next((c for c in child.children if c.dep_ == "pobj"), None)
        before = verb.doc[verb.i - 1] if verb.i > 0 else None
        if verb.dep_ == "acl" and before is not None and before.pos_ == "PROPN" and before in verb.head.subtree:
            return before  # "the spectacle of Mr. Netanyahu denouncing ...": the name before the participle
        if verb.dep_ == "xcomp":
            controller = next((c for c in verb.head.children if c.dep_ in ("dobj", "obj")), None)
            if controller is not None:
                return controller  # "urged China to release ...": China is the one to release
        if verb.dep_ in ("conj", "acl", "advcl", "xcomp", "pcomp", "pobj", "prep", "dobj", "relcl") and verb.head is not verb:
            verb = verb.head
            seen += 1
            continue
        return None
    return None
