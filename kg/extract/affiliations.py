"""Person–organisation affiliations with their role, from the usual news forms:

"Sophie Richardson, China director of Human Rights Watch" (apposition),
"Sarah M. Brooks (program director, International Service for Human Rights)" (parenthesis),
"Human Rights Watch’s Ms. Richardson" / "Acme's chief executive Jane Doe" (possessive),
"Zhao Lijian, a spokesperson for China’s foreign minister" (role naming the organisation inside).
"""
from __future__ import annotations

import re
from dataclasses import replace
from collections.abc import Iterable, Iterator

from spacy.tokens import Span, Token

from kg.extract.evidence import evidence as evidence_of
from kg.extract.lexicon import (AFFILIATION_PREPOSITIONS, LEADING_VERBS, NOT_ROLE_WORDS, ORGANIZATION_NOUNS,
                                data_words, role_title)
from kg.model import Affiliation, Article
from kg.nlp import Paragraph
from kg.resolve import EntityIndex, fold

_ROLE_EDGE = " ,;:()—–-\n"
_ORG_TYPES = ("Organization/",)
_GOVERNMENT_TYPES = ("Organization/", "Place/")


def affiliations(article: Article, paragraphs: Iterable[Paragraph], index: EntityIndex) -> list[Affiliation]:
    """Every affiliation, one per person–organisation pair (the first one that gives a role wins)."""
    found: list[Affiliation] = []
    for para in paragraphs:
        for sent in para.sentences:
            found.extend(_appositions(sent, para.offset, index, article.text))
            found.extend(_possessives(sent, para.offset, index, article.text))
            found.extend(_prenominal(sent, para.offset, index, article.text))
            found.extend(_leaders(sent, para.offset, index, article.text))
            found.extend(_own_bodies(sent, para.offset, index, article.text))
            found.extend(_predicates(sent, para.offset, index, article.text))
            found.extend(_adjacent(sent, para.offset, index, article.text))
        found.extend(_parentheses(para, index, article.text))
    best: dict[tuple[str, str], Affiliation] = {}
    for a in map(_plain_role, found):
        key = (a.person, a.organization)
        if key not in best or (best[key].role is None and a.role is not None):
            best[key] = a
    return sorted(best.values(), key=lambda a: (a.evidence.start, a.person, a.organization or ""))


def _entity(token: Token, offset: int, index: EntityIndex) -> str | None:
    start = offset + token.idx
    return index.at(start, start + len(token.text))


def _appositions(sent: Span, offset: int, index: EntityIndex, text: str) -> Iterator[Affiliation]:
    """"X, ROLE of ORG" and the other way round, "ROLE of ORG, X" / "ORG's ROLE, X"."""
    for token in sent:
        if token.dep_ != "appos":
            continue
        person = _entity(token.head, offset, index)
        if person is not None and person.startswith("Person/"):
            phrase = sorted(token.subtree, key=lambda t: t.i)
            found = list(_role_and_org(person, phrase, sent, offset, index, text))
            yield from found or _role_only(person, token, sent, offset, index, text)
            continue
        person = _entity(token, offset, index)
        if person is not None and person.startswith("Person/") and token.head.pos_ == "NOUN" and token.head.i < token.i:
            named = {t.i for t in token.subtree}
            phrase = [t for t in token.head.subtree if t.i not in named and t.i < token.i and not t.is_punct]
            if phrase:
                yield from _role_and_org(person, phrase, sent, offset, index, text)


def _prenominal(sent: Span, offset: int, index: EntityIndex, text: str) -> Iterator[Affiliation]:
    """"Greenpeace spokesman Tom White": an organisation and a role written before the name."""
    for token in sent:
        person = _entity(token, offset, index)
        if person is None or not person.startswith("Person/") or token.dep_ == "compound":
            continue
        before = [t for t in token.subtree if t.i < token.i and _entity(t, offset, index) != person]
        if not before or before[-1].i != min(t.i for t in token.subtree if _entity(t, offset, index) == person) - 1:
            continue  # the words must stand right before the name
        orgs = [t for t in before if (_entity(t, offset, index) or "").startswith(_ORG_TYPES)]
        roles = [t for t in before if ((t.pos_ == "NOUN" and t.text.islower()) or role_title(t.text))
                 and (not orgs or t.i > orgs[-1].i)]
        named = [t for t in token.subtree if _entity(t, offset, index) == person]
        if orgs and not roles and named and role_title(named[0].text):
            roles = [named[0]]  # "Democratic Sen. Joe Manchin": the title is written inside the name
        if orgs and roles and all(t.dep_ in ("compound", "amod", "nmod", "poss", "case", "det") for t in before):
            role = text[offset + roles[0].idx : _title_end(roles[-1], offset, text)]
            yield Affiliation(person, _entity(orgs[-1], offset, index), _clean_role(role),
                              evidence_of(text, offset + sent.start_char, offset + sent.end_char))


def _own_bodies(sent: Span, offset: int, index: EntityIndex, text: str) -> Iterator[Affiliation]:
    """"Ms. Bachelet’s office", when the article names one organisation that is an Office: she is
    part of it (the role is not given)."""
    for token in sent:
        if token.dep_ != "poss" or token.head.lemma_.lower() not in ORGANIZATION_NOUNS:
            continue
        person = _entity(token, offset, index)
        if person is None or not person.startswith("Person/"):
            continue
        kind = token.head.lemma_.lower()
        bodies = [e.ref for e in index.entities if e.type == "Organization"
                  and any(name.split()[-1].lower() == kind for name in (e.name, *e.aliases))]
        if len(bodies) == 1:
            yield Affiliation(person, bodies[0], None, evidence_of(text, offset + sent.start_char, offset + sent.end_char))


def _leaders(sent: Span, offset: int, index: EntityIndex, text: str) -> Iterator[Affiliation]:
    """"Mary Jones, who leads the Red Cross": a relative clause naming what the person heads."""
    for verb in sent:
        role = LEADING_VERBS.get(verb.lemma_.lower())
        if role is None or verb.dep_ != "relcl":
            continue
        person = _entity(verb.head, offset, index)
        if person is None or not person.startswith("Person/"):
            continue
        for obj in verb.children:
            org = _entity(obj, offset, index) if obj.dep_ in ("dobj", "obj") else None
            if org is not None and org.startswith(_ORG_TYPES):
                yield Affiliation(person, org, role, evidence_of(text, offset + sent.start_char, offset + sent.end_char))


def _role_and_org(person: str, phrase: list[Token], sent: Span, offset: int, index: EntityIndex,
                  text: str) -> Iterator[Affiliation]:
    """Split "China director of Human Rights Watch" into the role and the organisation."""
    start, end = offset + phrase[0].idx, offset + phrase[-1].idx + len(phrase[-1].text)
    evidence = evidence_of(text, offset + sent.start_char, offset + sent.end_char)
    for token in phrase:
        org = _entity(token, offset, index)
        if org is None or org.startswith("Person/") or org.startswith("Group/"):
            continue
        head = _mention_head(token, phrase)
        prep = head.head if head.dep_ == "pobj" else None
        if org.startswith("Place/") and (prep is None or prep.lower_ not in AFFILIATION_PREPOSITIONS) and head.dep_ != "poss":
            continue  # "an activist in Washington": a place, not an employer
        if prep is not None and prep.lower_ in AFFILIATION_PREPOSITIONS and prep.head.i in {t.i for t in phrase} \
                and org.startswith(_ORG_TYPES):
            role_end = offset + prep.idx  # "China director" of ORG
            role = text[start:role_end]
        elif head.dep_ in ("compound", "nmod", "amod") or (head.dep_ == "poss" and org.startswith(_ORG_TYPES)):
            mention_tokens = [t for t in phrase if _entity(t, offset, index) == org]
            role = text[offset + mention_tokens[-1].idx + len(mention_tokens[-1].text) : end]
            role = re.sub(r"^[’']s\b", "", role.strip())
        elif head.dep_ in ("appos", "conj") and text[start : offset + token.idx].rstrip().endswith(","):
            role = text[start : offset + token.idx]  # "program director, International Service ..."
        elif org.startswith(_GOVERNMENT_TYPES):
            role = text[start:end]  # "a spokesperson for China’s foreign minister"
        else:
            continue
        yield Affiliation(person, org, _clean_role(role), evidence)
        return
    yield from _described_role_and_org(person, phrase, offset, index, text, evidence)


def _described_role_and_org(person: str, phrase: list[Token], offset: int, index: EntityIndex, text: str,
                            evidence) -> Iterator[Affiliation]:
    """ "Robin Woods, a spokeswoman for the agency": the role, and the organisation the noun refers back to."""
    inside = {t.i for t in phrase}
    for token in phrase:
        if token.dep_ == "poss" and token.head.i in inside:  # "the newspaper's chairman"
            org = _described_org(token, offset, index)
            if org is not None:
                role = text[offset + token.idx + len(token.text) : offset + phrase[-1].idx + len(phrase[-1].text)]
                yield Affiliation(person, org, _clean_role(re.sub(r"^[’']s\b", "", role.strip())), evidence)
                return
        prep = token.head
        if token.dep_ != "pobj" or prep.lower_ not in AFFILIATION_PREPOSITIONS or prep.head.i not in inside:
            continue
        org = _described_org(token, offset, index)
        if org is not None:
            yield Affiliation(person, org, _clean_role(text[offset + phrase[0].idx : offset + prep.idx]), evidence)
            return


def _described_org(token: Token, offset: int, index: EntityIndex) -> str | None:
    """The organisation "the agency" / "the department" refers back to: the nearest earlier one whose
    name holds the noun, else (for "the company", "the newspaper") the nearest earlier one."""
    noun = token.lower_
    if noun not in data_words("organisation-nouns.txt") or token.tag_ not in ("NN", "NNS"):
        return None
    if not any((c.dep_ == "det" and c.lower_ == "the") or c.lower_ == "its" for c in token.children):
        return None  # "a company", "some agency": no particular one
    generic = noun in data_words("generic-organisation-nouns.txt")
    fallback = None
    for _, _, ref in reversed(index.spans_between(0, offset + token.idx)):
        if not ref.startswith(_ORG_TYPES):
            continue
        entity = index.by_ref(ref)
        if any(noun in fold(name).split() for name in (entity.name, *entity.aliases)):
            return ref
        if generic and fallback is None:
            fallback = ref
    return fallback


def _predicates(sent: Span, offset: int, index: EntityIndex, text: str) -> Iterator[Affiliation]:
    """ "Anderson is Middle East correspondent for The Associated Press", "Jinks was named publisher of the
    Mercury News", "Ott, who will become the newspaper's chairman", "Mary Jones works for the Red Cross"."""
    for verb in sent:
        lemma = verb.lemma_.lower()
        if lemma not in data_words("role-verbs.txt") and lemma not in data_words("membership-verbs.txt"):
            continue
        person = _predicate_subject(verb, offset, index)
        if person is None:
            continue
        evidence = evidence_of(text, offset + sent.start_char, offset + sent.end_char)
        for child in verb.children:
            if lemma in data_words("role-verbs.txt") and child.dep_ in ("attr", "oprd") and child.pos_ == "NOUN":
                yield from _role_and_org(person, sorted(child.subtree, key=lambda t: t.i), sent, offset, index, text)
            elif child.dep_ == "prep" and child.lower_ == "as" and lemma in data_words("role-verbs.txt"):
                for role in child.children:
                    if role.dep_ == "pobj" and role.pos_ == "NOUN":
                        yield from _role_and_org(person, sorted(role.subtree, key=lambda t: t.i), sent, offset,
                                                 index, text)
            elif child.dep_ == "prep" and child.lower_ in ("for", "at", "with") and lemma in data_words("membership-verbs.txt"):
                for obj in child.children:
                    org = _entity(obj, offset, index) if obj.dep_ == "pobj" else None
                    org = org or (_described_org(obj, offset, index) if obj.dep_ == "pobj" else None)
                    if org is not None and org.startswith(_ORG_TYPES):
                        yield Affiliation(person, org, None, evidence)


def _predicate_subject(verb: Token, offset: int, index: EntityIndex) -> str | None:
    """The named person a verb says something of: its subject, or the name a "who" clause hangs from."""
    if verb.dep_ == "relcl" and any(c.lower_ in ("who", "that") and c.dep_.startswith("nsubj") for c in verb.children):
        ref = _entity(verb.head, offset, index)
    else:
        subjects = [c for c in verb.children if c.dep_ in ("nsubj", "nsubjpass")]
        ref = _entity(subjects[0], offset, index) if subjects else None
    return ref if ref is not None and ref.startswith("Person/") else None


def _role_only(person: str, appos: Token, sent: Span, offset: int, index: EntityIndex,
               text: str) -> Iterator[Affiliation]:
    """"Tahir Imin, an activist Uyghur in Washington": a role with no organisation named."""
    head_entity = _entity(appos, offset, index)
    if appos.lower_ in NOT_ROLE_WORDS or not (appos.pos_ == "NOUN" or (head_entity or "").startswith("Group/")):
        return  # a role is a common noun ("activist"), or a group's name used as one ("an activist Uyghur")
    if any((_entity(t, offset, index) or "").startswith("Person/") for t in appos.subtree):
        return  # "his wife, Jane Doe": a relation between people, not a role
    words = [t for t in appos.subtree if t.i <= appos.i and t.dep_ not in ("det", "poss", "punct")]
    if not words:
        return
    role = _clean_role(text[offset + words[0].idx : offset + appos.idx + len(appos.text)])
    if role:
        # "Debra Bornstein, a company official": the company the article has just named
        kinds = [t for t in words if t.dep_ == "compound" and t.lower_ in data_words("generic-organisation-nouns.txt")]
        org = _nearest_organisation(offset + words[0].idx, index) if kinds else None
        yield Affiliation(person, org, role, evidence_of(text, offset + sent.start_char, offset + sent.end_char))


def _nearest_organisation(before: int, index: EntityIndex) -> str | None:
    """The organisation mentioned last before the offset."""
    for _, _, ref in reversed(index.spans_between(0, before)):
        if ref.startswith(_ORG_TYPES):
            return ref
    return None


def _adjacent(sent: Span, offset: int, index: EntityIndex, text: str) -> Iterator[Affiliation]:
    """Forms read in word order, whatever the parse: "Coast Guard Lt. Steve Hardy", "Health and Human
    Services Inspector Richard P. Kusserow" (ORG, titles, Person), "Greg Thayer of the Forest Service",
    "Lt. Jim Bowell of the Butler Township Fire Department" (Person of ORG)."""
    doc = sent.doc
    evidence = evidence_of(text, offset + sent.start_char, offset + sent.end_char)
    for start, end, person in index.spans_between(offset + sent.start_char, offset + sent.end_char):
        if not person.startswith("Person/"):
            continue
        first = doc.char_span(start - offset, end - offset, alignment_mode="expand")
        if first is None:
            continue
        i = first.start - 1
        while i >= sent.start and (role_title(doc[i].text) or doc[i].text in (".", "-")
                                   or (doc[i].pos_ == "NOUN" and doc[i].is_lower)):
            i -= 1  # "U.N. Secretary-General Javier Perez de Cuellar"
        titles = [t for t in doc[i + 1 : first.start] if t.text not in (".", "-")]
        org = _entity(doc[i], offset, index) if i >= sent.start else None
        if titles and org is not None and org.startswith(_ORG_TYPES) and role_title(titles[-1].text):
            role = text[offset + titles[0].idx : _title_end(titles[-1], offset, text)]
            yield Affiliation(person, org, _clean_role(role), evidence)
        after = first.end
        if after + 1 < sent.end and doc[after].text == "," and doc[after + 1].lower_ == "of":
            after += 1  # "Stephanie Powell, of the DEM's division"
        if after + 1 < sent.end and doc[after].lower_ == "of":
            j = after + 1 + (doc[after + 1].lower_ == "the")
            org = _entity(doc[j], offset, index) if j < sent.end else None
            if org is not None and org.startswith(_ORG_TYPES):
                written = [t for t in (*titles[-1:], first[0]) if role_title(t.text)]  # "Lt. Jim Bowell of ..."
                title = text[offset + written[0].idx : _title_end(written[0], offset, text)] if written else None
                yield Affiliation(person, org, _clean_role(title), evidence)


def _title_end(token: Token, offset: int, text: str) -> int:
    """Where a role word ends in the article, with the dot of an abbreviated title ("Lt" + ".")."""
    end = offset + token.idx + len(token.text)
    return end + 1 if role_title(token.text) and text.startswith(".", end) else end


def _mention_head(token: Token, phrase: list[Token]) -> Token:
    """The last token of the entity name the token belongs to, whose dep tells its role in the phrase."""
    while token.dep_ in ("compound", "flat") and token.head in phrase and token.head.i > token.i:
        token = token.head
    return token


def _possessives(sent: Span, offset: int, index: EntityIndex, text: str) -> Iterator[Affiliation]:
    """"Human Rights Watch’s Ms. Richardson", "Acme’s chief executive Jane Doe"."""
    for token in sent:
        if token.dep_ != "poss":
            continue
        org = _entity(token, offset, index) or _described_org(token, offset, index)
        person = _entity(token.head, offset, index)
        if org is None or person is None or not org.startswith(_ORG_TYPES) or not person.startswith("Person/"):
            continue
        between = [t for t in sent.doc[token.i + 1 : token.head.i] if _entity(t, offset, index) != person and t.text not in ("’s", "'s")]
        role = text[offset + between[0].idx : offset + between[-1].idx + len(between[-1].text)] if between else None
        evidence = evidence_of(text, offset + sent.start_char, offset + sent.end_char)
        yield Affiliation(person, org, _clean_role(role) if role else None, evidence)


def _parentheses(para: Paragraph, index: EntityIndex, text: str) -> Iterator[Affiliation]:
    """"Name (role, Organisation)" and "Name (Organisation)"."""
    start, end = para.offset, para.offset + len(para.doc.text)
    if "(" not in para.doc.text:
        return
    for s, e, person in index.spans_between(start, end):
        if not person.startswith("Person/"):
            continue
        match = re.match(r"\s*\(([^()]{3,160})\)", text[e:end])
        if not match:
            continue
        inside_start = e + match.start(1)
        inside_end = e + match.end(1)
        orgs = [(os_, oe, ref) for os_, oe, ref in index.spans if inside_start <= os_ and oe <= inside_end
                and ref.startswith(_ORG_TYPES)]
        if not orgs:
            continue
        os_, oe, org = orgs[0]
        role = text[inside_start:os_]
        role = re.sub(r"\b(of|for|at|with)\s*$", "", role.strip(_ROLE_EDGE)).strip(_ROLE_EDGE) or None
        sentence = evidence_of(text, s, inside_end + 1)
        yield Affiliation(person, org, _clean_role(role) if role else None, sentence)


def _plain_role(affiliation: Affiliation) -> Affiliation:
    """ "former chief executive" of Acme: the role is "chief executive", and the membership has ended;
    "(D-Nev.)" gives a party and no role."""
    if affiliation.organization is None or affiliation.role is None:
        return affiliation  # a bare job title keeps its words: "former ambassador"
    if re.fullmatch(r"[A-Z]-[A-Z][\w. ]*", affiliation.role):
        return replace(affiliation, role=None)  # "(D-Nev.)": a party and a state, no role
    match = re.match(r"(?i)(?:former|ex-)\s*(.*)", affiliation.role)
    if match is None:
        return affiliation
    return replace(affiliation, role=_clean_role(match.group(1)), former=True)


def _clean_role(role: str | None) -> str | None:
    if role is None:
        return None
    role = re.sub(r"^(?:the|a|an)\s+", "", role.strip(_ROLE_EDGE), flags=re.IGNORECASE).strip(_ROLE_EDGE)
    role = re.sub(r"\s+", " ", role)
    return role if role and any(ch.isalpha() for ch in role) and len(role) <= 120 else None
