"""Entity mentions from the parse: cleaned, typed, and with the junk left out."""
from __future__ import annotations

import re
from collections.abc import Iterable, Iterator

from spacy.tokens import Span

from kg.extract.lexicon import (CAPITALS, CUE_VERBS, DEMONYMS, GOVERNMENT_NOUNS, TITLES,
                                third_person_cue)
from kg.model import Mention
from kg.nlp import Paragraph

LABEL_TYPES = {"PERSON": "Person", "ORG": "Organization", "GPE": "Place", "LOC": "Place", "FAC": "Place",
               "NORP": "Group"}
# a name ending in one of these is a publication
_MEDIA_NOT_SURNAMES = {"news", "times", "journal", "gazette", "herald", "tribune", "magazine", "daily",
                       "telegraph", "chronicle"}
_MEDIA_WORDS = _MEDIA_NOT_SURNAMES | {"post", "guardian", "observer", "globe", "standard", "independent"}
_REPORT_WORDS = {"report", "reports", "assessment"}
# role words NER sometimes leaves at the end of an organisation's name
_ROLE_WORDS = {"spokesperson", "spokesman", "spokeswoman", "director", "president", "chairman", "chief",
               "official", "officials", "secretary", "minister", "head", "leader", "members", "member"}
# a name ending in one of these is a building or a site, whatever NER called it
_FACILITY_WORDS = {"hall", "stadium", "airport", "tower", "towers", "mosque", "church",
                   "cathedral", "bridge", "square", "palace", "plaza", "temple", "synagogue", "prison"}
_POSSESSIVE = {"'s", "’s", "'", "’"}
_EDGE_JUNK = {"the", "a", "an"}
_CONTRACTION = re.compile(r"n[’']t\b|[’'](?:re|ll|ve|d|m)\b|^[’']")


def mentions(paragraphs: Iterable[Paragraph], *, exclude: tuple[tuple[int, int], ...] = ()) -> list[Mention]:
    """Every entity mention, in text order; mentions inside ``exclude`` spans (the byline) are dropped."""
    found: list[Mention] = []
    lowercase_words: set[str] = set()
    for number, para in enumerate(paragraphs):
        found.extend(_paragraph_mentions(para, headline=number == 0))
        lowercase_words.update(t.text for t in para.doc if t.is_lower)
    kept = [m for m in found if not any(s <= m.start < e for s, e in exclude) and not _common_word(m, lowercase_words)]
    return _retype_group_modifiers(sorted(set(kept), key=lambda m: (m.start, -m.end)))


def _common_word(mention: Mention, lowercase_words: set[str]) -> bool:
    """A capitalised common word NER took for a name: "Landscape" beside "landscape", "Pro-Beijing",
    "Islamophobia"."""
    text = mention.text
    if mention.type == "Group":
        return False
    if re.match(r"(?i)(?:pro|anti|pan|non|ex)-", text):
        return True
    if " " in text:
        return False
    return text.lower() in lowercase_words or (mention.type == "Organization" and text.lower().endswith(("ism", "phobia")))


def agentive_capitals(paragraphs: Iterable[Paragraph]) -> set[str]:
    """Capitals used as the subject of a verb ("Beijing rejects ..."): they stand for a government."""
    names = set()
    for para in paragraphs:
        for ent in para.doc.ents:
            span = _trim(ent)
            if span is not None and span.text.lower() in CAPITALS and span.root.dep_ in ("nsubj", "nsubjpass"):
                names.add(span.text.lower())
    return names


def _paragraph_mentions(para: Paragraph, *, headline: bool = False) -> Iterator[Mention]:
    typed = list(_typed_spans(para, headline=headline))
    groups = {span.root.i for span, kind in typed if kind == "Group"}
    for span, kind in typed:
        # coordinated with a group of people, a plural name is one too: "Uyghurs, Kazakhs, and others"
        if kind != "Group" and len(span) == 1 and span.text.endswith("s") and any(c.i in groups for c in span.root.conjuncts):
            kind = "Group"
        yield _mention(span, para.offset, kind)


def _typed_spans(para: Paragraph, *, headline: bool = False) -> Iterator[tuple[Span, str]]:
    doc = para.doc
    covered: set[int] = set()
    for ent in doc.ents:
        mention_type = LABEL_TYPES.get(ent.label_)
        span = _trim(ent)
        if mention_type is None or span is None:
            continue
        if mention_type == "Organization" and span[-1].lower_ in _REPORT_WORDS:
            covered.update(range(span.start, span.end))
            continue  # the title of a report ("the Xinjiang Report"), not an organisation
        if mention_type == "Organization" and len(span) > 1 and span[-1].lower_ in _FACILITY_WORDS:
            mention_type = "Place"
        if len(span) > 1 and span[-1].lower_ in (_MEDIA_WORDS if mention_type != "Person" else _MEDIA_NOT_SURNAMES):
            mention_type = "Organization"  # "Saudi Gazette", "Deseret News": a publication, not a place or a person
        while mention_type == "Organization" and len(span) > 1 and span[-1].lower_ in _ROLE_WORDS:
            span = span[:-1]  # "State Department Spokesperson": the organisation without the role
        if ent.label_ == "NORP":
            government = _government_phrase(span)
            if government is not None:
                covered.update(range(government.start, government.end))
                yield government, "Place"
                continue
            if span.root.tag_ not in ("NNPS", "NNS") and not span.text.endswith("s"):
                continue  # an adjective ("Western", "Muslim"), not a group of people
        if len(span) == 1 and span.root.tag_ == "NNPS" and mention_type in ("Place", "Organization", "Person"):
            mention_type = "Group"  # "Uyghurs", "Kazakhs" tagged as a place or an organisation
        span = _before_headline_verb(span) if headline else span  # title case fools NER there
        span = _with_title(span) if mention_type == "Person" else span
        covered.update(range(span.start, span.end))
        yield span, mention_type
    yield from _unrecognised_speakers(doc, covered)


def _trim(span: Span) -> Span | None:
    """Drop a leading article, a trailing possessive and punctuation; None for junk."""
    start, end = span.start, span.end
    doc = span.doc
    while start < end and (doc[start].lower_ in _EDGE_JUNK or doc[start].is_punct):
        start += 1
    while end > start and (doc[end - 1].text in _POSSESSIVE or doc[end - 1].is_punct or doc[end - 1].is_space):
        end -= 1
    if start >= end:
        return None
    trimmed = doc[start:end]
    text = trimmed.text
    if "\n" in text or not any(ch.isalpha() for ch in text) or not text[0].isupper():
        return None
    if len(text) < 2 or _CONTRACTION.search(text.lower()):
        return None  # contractions ("n’t") and other fragments
    return trimmed


def _before_headline_verb(span: Span) -> Span:
    """Title case fools NER: "Ben Carson Slams Hillary" is a name, then a reporting verb."""
    for token in span[1:-1]:
        if token.text[:1].isupper() and third_person_cue(token.text):
            return span.doc[span.start : token.i]
    return span


def _with_title(span: Span) -> Span:
    """Extend "Bachelet" to "Ms. Bachelet" when a title stands before it."""
    if span.start > 0:
        prev = span.doc[span.start - 1]
        if prev.text.rstrip(".").lower() in TITLES and prev.text[:1].isupper():
            return span.doc[span.start - 1 : span.end]
    return span


def _government_phrase(span: Span) -> Span | None:
    """"Chinese government", "Chinese authorities": a nationality adjective on a government noun."""
    head = span.root.head
    if span.text.lower() in DEMONYMS and head.lower_ in GOVERNMENT_NOUNS and head.i == span.end:
        return span.doc[span.start : head.i + 1]
    return None


def _unrecognised_speakers(doc, covered: set[int]) -> Iterator[tuple[Span, str]]:
    """Proper-noun subjects of a reporting verb that NER missed ("Dolkun, president of ..., said")."""
    for token in doc:
        if token.i in covered or token.tag_ != "NNP" or token.dep_ not in ("nsubj", "nsubjpass"):
            continue
        if token.head.lemma_.lower() not in CUE_VERBS and not any(c.dep_ == "appos" for c in token.children):
            continue
        start = min([c.i for c in token.children if c.dep_ == "compound" and c.tag_ == "NNP"] + [token.i])
        if any(i in covered for i in range(start, token.i + 1)) or not token.text[:1].isupper():
            continue
        span = doc[start : token.i + 1]
        if span.text.lower() in CAPITALS or span.text.rstrip(".").lower() in TITLES:
            continue
        yield _with_title(span), "Person"


def _retype_group_modifiers(found: list[Mention]) -> list[Mention]:
    """A singular form of a group name ("Uyghur activists" beside "Uyghurs") is that group."""
    groups = {m.text.lower() for m in found if m.type == "Group"}
    out = []
    for m in found:
        if m.type != "Group" and " " not in m.text and (m.text.lower() + "s") in groups:
            m = Mention(m.text, m.start, m.end, "Group")
        out.append(m)
    return out


def _mention(span: Span, offset: int, mention_type: str) -> Mention:
    return Mention(span.text, offset + span.start_char, offset + span.end_char, mention_type)
