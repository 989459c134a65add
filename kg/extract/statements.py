"""Attributed statements: direct quotes, indirect speech and mixed ones, with speaker and cue.

One pass through the article: each reporting verb outside quotation marks yields a statement whose
content is its clause (or its object, for "urged X to ...", "accused X of ..."); quotations that no
verb claimed belong to a cue in their sentence, or continue the previous speaker's statement.
"""
from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, replace

from spacy.tokens import Span, Token

from kg.extract.discourse import Discourse, Referent, subject_of
from kg.extract.evidence import evidence
from kg.extract.lexicon import (CUE_VERBS, INFINITIVE_CUES, OBJECT_CUES, PEOPLE_NOUNS, PERSONAL_PRONOUNS,
                                QUOTE_ONLY_CUES, TARGETED_CUES, TOPIC_CUES, third_person_cue)
from kg.extract.quotes import QuoteSpan, quote_spans
from kg.model import Article, Statement
from kg.nlp import Paragraph

_CONTENT_DEPS = {"ccomp", "dobj", "dative", "xcomp", "prep", "attr", "oprd", "obj", "advcl"}
_CLAUSE_DEPS = {"ccomp"}
_MAX_CONTENT_TOKENS = 400
_MIN_BARE_QUOTE_WORDS = 4  # shorter quotations outside any statement are scare quotes
_TRIM = " \t\n,.;:—–-"
_QUOTE_TRIM = " \t\n,;:—–-"  # a quotation keeps its own full stop: it is part of what was said


def statements(article: Article, paragraphs: Iterable[Paragraph], discourse: Discourse) -> list[Statement]:
    """Every attributed statement of the article, in text order."""
    found: list[Statement] = []
    previous_paragraph: list[Statement] = []
    carried_intro: list[_Intro] = []  # a paragraph that ends "... said:" introduces the next one
    text = article.text
    paragraphs = list(paragraphs)
    for para in paragraphs:
        offset = para.offset
        quotes = quote_spans(text, offset, offset + len(para.doc.text))
        in_para: list[Statement] = []
        intros = carried_intro
        for sent in para.sentences:
            discourse.note_sentence(sent, offset)
            for token in sent:
                statement = _from_cue(token, sent, offset, quotes, text, discourse)
                if statement is not None:
                    in_para.append(statement)
            intro = _colon_intro(sent, offset, text, discourse)
            if intro is not None:
                intros = [*intros, intro]
        _add_unclaimed_quotes(quotes, in_para, previous_paragraph, intros, para, text)
        carried_intro = [i for i in intros if i.end >= offset + len(para.doc.text.rstrip())]
        in_para.sort(key=lambda s: s.content_start)
        found.extend(in_para)
        previous_paragraph = in_para
    headline = _headline_statement(article, discourse, paragraphs[:1])
    if headline is not None and not any(s.content_start < headline.content_end and headline.content_start < s.content_end
                                        for s in found):
        found.insert(0, headline)
    return _without_nested(found)


def _headline_statement(article: Article, discourse: Discourse, paragraphs: list[Paragraph]) -> Statement | None:
    """"U.N. Claims China May Have ...", "Sanders Promises Action ...": a name, then a cue verb.

    Title case defeats the parser, so the headline is read from the entity index: a mention
    followed directly by a third-person reporting verb; what follows the verb is the content."""
    text, headline = article.text, article.headline
    if not headline:
        return None
    h_start = text.find(headline)
    if h_start < 0:
        return None  # an Article built by hand whose headline is not in its text
    h_end = h_start + len(headline)
    for m_start, m_end, ref in discourse.index.spans:
        if not (h_start <= m_start and m_end <= h_end) or ref.startswith("Group/"):
            continue
        match = re.match(r" +([A-Za-z]+) +(\S.*)", text[m_end:h_end])
        if match is None or third_person_cue(match.group(1)) is None:
            continue
        if _cue_is_a_noun(paragraphs, m_end + match.start(1)):
            continue
        c_start, c_end = _trim(text, m_end + match.start(2), h_end)
        content = text[c_start:c_end]
        if len(content.split()) < 2:
            continue
        quoted = re.search(r"[‘“\"]|(?:^|\s)'\w", content)  # headlines quote with single marks too
        lemma = third_person_cue(match.group(1))
        return Statement(
            speaker=ref, speaker_text=text[m_start:m_end], cue=match.group(1),
            speech_act=CUE_VERBS[lemma], content=content, quote_type="mixed" if quoted else "indirect",
            content_start=c_start, content_end=c_end, evidence=evidence(text, h_start, h_end),
        )
    return None


def _cue_is_a_noun(paragraphs: list[Paragraph], at: int) -> bool:
    """"States Agree", "Charges Dropped", "Attacks Kill 20": the would-be cue is the subject of
    the verb after it, or a modifier of the headline's main word right after it."""
    for para in paragraphs:
        for token in para.doc:
            if para.offset + token.idx == at:
                if token.dep_ in ("nsubj", "nsubjpass"):
                    return True
                return token.head.i == token.i + 1 and (token.head.dep_ == "ROOT" or token.head.pos_ in ("VERB", "AUX"))
    return False


def _from_cue(token: Token, sent: Span, offset: int, quotes: list[QuoteSpan], text: str,
              discourse: Discourse) -> Statement | None:
    lemma = token.lemma_.lower()
    if lemma == "accord" and token.lower_ == "according":
        return _according_to(token, sent, offset, quotes, text, discourse)
    if lemma not in CUE_VERBS or token.pos_ not in ("VERB", "AUX"):
        return None
    start = offset + token.idx
    if any(q.inner_start <= start < q.inner_end for q in quotes):
        return None  # a verb inside a quotation is part of what was said
    if any(c.dep_ == "nsubjpass" for c in token.children) and not any(c.dep_ == "agent" for c in token.children):
        return None  # "she was accused of ..." reports no speaker
    subject = subject_of(token)
    if subject is None:
        return None
    content = None if lemma in QUOTE_ONLY_CUES else _content_tokens(token, lemma)
    if content is None and lemma in TARGETED_CUES and _aimed_at_people(token, offset, discourse):
        content = _object_tokens(token)
    if content is not None:
        c_start, c_end = _trim(text, offset + content[0].idx, offset + content[-1].idx + len(content[-1].text))
    else:
        quote = _adjacent_quote(token, subject, offset, quotes, text)
        if quote is None:
            return None
        c_start, c_end = quote.inner_start, quote.inner_end
    speaker = discourse.refer(subject, offset)
    return _statement(speaker, _cue_text(token), lemma, c_start, c_end, quotes, text, sent, offset)


def _aimed_at_people(verb: Token, offset: int, discourse: Discourse) -> bool:
    """"attacked critics", "slammed Clinton", "questioned his record": the object is a person,
    an organisation or what people say or do — not "a police station" or "the door"."""
    for obj in (c for c in verb.children if c.dep_ in ("dobj", "obj")):
        # the object or anyone in it: "Trump's call", "his record", "the ambitions of three hopefuls"
        for token in obj.subtree:
            ref = discourse.entity_at(token, offset)
            if ref is not None and not ref.startswith("Place/"):
                return True
            if token.pos_ == "PRON" and token.lower_ in PERSONAL_PRONOUNS:
                return True
            if token.lemma_.lower() in PEOPLE_NOUNS:
                return True
    return False


def _object_tokens(verb: Token) -> list[Token] | None:
    parts = [c for c in verb.rights if c.dep_ in _CONTENT_DEPS and c.dep_ != "advcl"]
    return _contiguous(sorted(t for c in parts for t in c.subtree)) or None


def _adjacent_quote(verb: Token, subject: Token, offset: int, quotes: list[QuoteSpan], text: str) -> QuoteSpan | None:
    """The quotation a bare cue reports: “...,” she said / said Jones, “...” / he told them: “...”."""
    clause = [verb, subject.left_edge, subject]
    left = offset + min(t.idx for t in clause)
    right = offset + max(t.idx + len(t.text) for t in clause)
    for quote in quotes:
        if quote.end <= left and not text[quote.end : left].strip(" ,;—–-\n"):
            return quote
        gap = text[right : quote.start]
        if quote.start >= right and len(gap.split()) <= 3 and gap.rstrip().endswith((",", ":")) \
                and not any(mark in gap for mark in "“”\"«»"):
            return quote
    return None


def _content_tokens(verb: Token, lemma: str) -> list[Token] | None:
    """The clause a reporting verb introduces, or its object phrase for accuse/urge-like verbs."""
    clause = [c for c in verb.children if c.dep_ in _CLAUSE_DEPS] or _that_clause_of_object(verb)
    if not clause and lemma in TOPIC_CUES:  # "spoke out about abuses", "talked about security"
        about = [c for c in verb.rights if c.dep_ == "prep" and c.lower_ in ("about", "against")]
        clause = [p for c in about[:1] for p in c.children if p.dep_ == "pobj"]
    if not clause and lemma in INFINITIVE_CUES:
        clause = [c for c in verb.rights if c.dep_ == "xcomp"]
        objects = [c for c in verb.rights if c.dep_ in ("dobj", "dative") and c.i < min((x.i for x in clause), default=0)]
        clause = objects + clause if clause else []
    if lemma in OBJECT_CUES:
        clause = clause + [c for c in verb.rights if c.dep_ in _CONTENT_DEPS and c.dep_ != "advcl"]
    if not clause:
        return _parenthetical_content(verb)
    if max(c.right_edge.i for c in clause) - min(c.left_edge.i for c in clause) > _MAX_CONTENT_TOKENS:
        return None  # no one is reported at that length; a parse gone wrong (and quadratic to walk)
    tokens = sorted(t for c in clause for t in c.subtree)
    tokens = [t for t in tokens if not (t.dep_ == "mark" and t.lower_ in ("that", "whether", "if") and t.i <= clause[0].left_edge.i)]
    tokens = _contiguous(tokens)
    if not tokens or len([t for t in tokens if t.is_alpha]) < 2:
        return None
    return tokens


def _parenthetical_content(verb: Token) -> list[Token] | None:
    """"Six months ago, the senator said, the media ...", "as Pollak observed, the victor was ...":
    a cue set inside the sentence it reports; the content is the rest of the sentence after it."""
    if verb.dep_ != "parataxis" and not (verb.dep_ == "advcl" and any(c.lower_ == "as" and c.dep_ == "mark" for c in verb.children)):
        return None
    sent = verb.sent
    after = [t for t in sent if t.i > verb.right_edge.i]
    while after and after[0].is_punct:
        after = after[1:]
    if len([t for t in after if t.is_alpha]) < 3:
        return None
    return after


def _that_clause_of_object(verb: Token) -> list[Token]:
    """A that-clause the parser hung on a noun: "said at a news conference that ...",
    "confirmed claims by activists that ..."."""
    nouns = []
    for child in verb.rights:
        if child.dep_ in ("dobj", "obj"):
            nouns.append(child)
        elif child.dep_ == "prep":
            nouns.extend(c for c in child.children if c.dep_ == "pobj")
    for noun in nouns:
        objects = [g for c in noun.children if c.dep_ == "prep" for g in c.children if g.dep_ == "pobj"]
        for sub in [noun, *objects, *(x for o in objects for x in o.conjuncts)]:
            for c in sub.children:
                if c.dep_ in ("relcl", "acl") and c.i > sub.i and c.left_edge.lower_ == "that" and _is_content_clause(c):
                    return [c]
    return []


def _is_content_clause(clause: Token) -> bool:
    """"(claims) that China had detained Uyghurs", not "(the report) that China had published":
    a clause with its own subject and no gap where the "that" would go."""
    if not any(g.dep_ in ("nsubj", "nsubjpass") and g.lower_ != "that" for g in clause.children):
        return False
    that = clause.left_edge
    return that.dep_ == "mark" or any(g.dep_ in ("dobj", "obj", "attr") and g is not that for g in clause.children)


def _contiguous(tokens: list[Token]) -> list[Token]:
    if not tokens:
        return tokens
    doc = tokens[0].doc
    return list(doc[tokens[0].i : tokens[-1].i + 1])


def _according_to(token: Token, sent: Span, offset: int, quotes, text: str, discourse: Discourse) -> Statement | None:
    """"..., according to X." / "According to X, ...": the rest of the sentence is X's."""
    to = next((c for c in token.children if c.lower_ == "to"), None)
    source = next((c for c in (to.children if to is not None else ()) if c.dep_ == "pobj"), None)
    if source is None:
        return None
    phrase = sorted(token.subtree, key=lambda t: t.i)
    before = sent.doc[sent.start : phrase[0].i]
    after = sent.doc[phrase[-1].i + 1 : sent.end]
    rest = after if len(after) > len(before) else before
    if len([t for t in rest if t.is_alpha]) < 3:
        return None
    if any(t.lemma_.lower() in CUE_VERBS and t.pos_ == "VERB" and any(c.dep_ == "nsubj" for c in t.children)
           for t in rest):
        return None  # "According to Reuters, Smith said ...": Smith's statement, Reuters only reports it
    speaker = discourse.refer(source, offset)
    c_start, c_end = _trim(text, offset + rest.start_char, offset + rest.end_char)
    return _statement(speaker, "according to", "say", c_start, c_end, quotes, text, sent, offset)


def _statement(speaker: Referent, cue: str, lemma: str, c_start: int, c_end: int,
               quotes: list[QuoteSpan], text: str, sent: Span, offset: int) -> Statement | None:
    if c_end <= c_start:
        return None
    quote_type = "indirect"
    overlapping = [q for q in quotes if q.start < c_end and q.end > c_start]
    if overlapping:
        only = overlapping[0]
        if len(overlapping) == 1 and c_start >= only.start - 1 and c_end <= only.end + 1:
            quote_type, c_start, c_end = "direct", only.inner_start, only.inner_end
        elif len(overlapping) == 1 and only.inner_start <= c_start and c_end <= only.inner_end:
            quote_type, c_start, c_end = "direct", only.inner_start, only.inner_end
        else:
            quote_type = "mixed"
            last = overlapping[-1]
            if not last.closed and last.end > c_end:
                c_end = last.end  # an unclosed quotation runs to the paragraph's end
            elif last.closed and c_end < last.end <= c_end + 2:
                c_end = last.end  # the closing mark after the clause's full stop
    c_start, c_end = _trim(text, c_start, c_end, _QUOTE_TRIM if quote_type == "direct" else _TRIM)
    evidence_start = min(offset + sent.start_char, c_start)
    evidence_end = max(offset + sent.end_char, c_end)
    return Statement(
        speaker=speaker.ref,
        speaker_text=speaker.text,
        unnamed_speaker=speaker.unnamed,
        cue=cue,
        speech_act=CUE_VERBS.get(lemma, "say"),
        content=text[c_start:c_end],
        quote_type=quote_type,
        content_start=c_start,
        content_end=c_end,
        evidence=evidence(text, evidence_start, evidence_end),
    )


@dataclass(frozen=True)
class _Intro:
    """A sentence that ends in a colon and so introduces the quotation after it."""

    end: int
    speaker: Referent
    cue: str
    lemma: str


def _colon_intro(sent: Span, offset: int, text: str, discourse: Discourse) -> _Intro | None:
    """"Cruz called them on it:" / "He said:" -> who speaks in the quotation that follows."""
    end = offset + sent.end_char
    if not text[:end].rstrip().endswith(":"):
        return None
    root = sent.root
    if root.lemma_.lower() not in CUE_VERBS:
        return None  # "The rules were simple:" introduces a list, not someone's words
    subject = subject_of(root) if root.pos_ in ("VERB", "AUX") else None
    if subject is None:
        return None
    speaker = discourse.refer(subject, offset, remember=False)
    return _Intro(len(text[:end].rstrip()), speaker, _cue_text(root), root.lemma_.lower())


def _add_unclaimed_quotes(quotes: list[QuoteSpan], in_para: list[Statement], previous_paragraph: list[Statement],
                          intros: list[_Intro], para: Paragraph, text: str) -> None:
    """Quotations no reporting verb claimed, added to ``in_para``: they go on with the statement
    before them in the paragraph (a quotation interrupted by its cue, “A,” she said, “B.”, becomes
    one statement whose content is both parts), or — when the paragraph opens with the quotation —
    with the previous paragraph's last statement (the news convention for a quote that runs on)."""
    out = in_para
    offset = para.offset
    for quote in quotes:
        if any(s.content_start <= quote.inner_start < s.content_end for s in out):
            continue
        quoted = text[quote.inner_start : quote.inner_end]
        if len(quoted.split()) < _MIN_BARE_QUOTE_WORDS or _is_title(quoted):
            continue
        if _inside_other_sentence(quote, para, offset):
            continue  # a quoted phrase within a sentence that is no statement
        start, end = _trim(text, quote.inner_start, quote.inner_end, _QUOTE_TRIM)
        intro = next((i for i in intros if i.end <= quote.start and not text[i.end : quote.start].strip()), None)
        if intro is not None:
            out.append(Statement(
                speaker=intro.speaker.ref, speaker_text=intro.speaker.text, unnamed_speaker=intro.speaker.unnamed,
                cue=intro.cue,
                speech_act=CUE_VERBS.get(intro.lemma, "say"), content=text[start:end], quote_type="direct",
                content_start=start, content_end=end, evidence=evidence(text, min(intro.end, quote.start), quote.end),
            ))
            continue
        previous = [s for s in out if s.content_end <= quote.start]
        if not previous and quote.start == offset:
            previous = previous_paragraph[-1:]
        if not previous:
            previous = [s for s in out if s.speaker is not None][:1]  # “...,” and then the cue
        if not previous:
            continue
        last = previous[-1]
        if last in out and last.quote_type == "direct" and last.content_end <= quote.start \
                and _only_the_cue_between(text, last, quote):
            parts = last.content_parts or ((last.content_start, last.content_end),)
            out[out.index(last)] = replace(
                last, content=f"{last.content} {text[start:end]}", content_end=end,
                content_parts=(*parts, (start, end)),
                evidence=evidence(text, last.evidence.start, max(last.evidence.end, quote.end)))
            continue
        out.append(Statement(
            speaker=last.speaker, speaker_text=last.speaker_text, unnamed_speaker=last.unnamed_speaker,
            cue=last.cue, speech_act=last.speech_act,
            content=text[start:end], quote_type="direct", content_start=start, content_end=end,
            evidence=evidence(text, quote.start, quote.end),
        ))


def _only_the_cue_between(text: str, before: Statement, quote: QuoteSpan) -> bool:
    """True when nothing but the attribution stands between a quotation and the next one."""
    gap = text[before.content_end : quote.start]
    # the gap may hold the closing mark and a quoted title ('he said on “Meet the Press.”')
    return len(gap) <= 160 and "\n" not in gap and sum(gap.count(m) for m in "“”\"") + gap.count("''") <= 3


def _is_title(quoted: str) -> bool:
    """A book, film or headline title: most words capitalised, no sentence inside."""
    words = [w for w in quoted.split() if w[:1].isalpha()]
    capitalised = sum(1 for w in words if w[:1].isupper())
    return bool(words) and capitalised / len(words) >= 0.75 and not re.search(r"[.!?][’”\"']?\s", quoted + " ")


def _inside_other_sentence(quote: QuoteSpan, para: Paragraph, offset: int) -> bool:
    """True when the quotation is a phrase inside running text rather than a quoted sentence."""
    before = para.doc.text[: quote.start - offset].rstrip()
    return bool(before) and before[-1] not in ".!?:”\"'" and not before.endswith(",") and quote.closed


def _cue_text(token: Token) -> str:
    """The cue as written, with a verb particle: "spoke out", "called for"."""
    parts = [token] + [c for c in token.children if c.dep_ == "prt"]
    return " ".join(t.text for t in sorted(parts, key=lambda t: t.i))


def _trim(text: str, start: int, end: int, chars: str = _TRIM) -> tuple[int, int]:
    while start < end and text[start] in chars:
        start += 1
    while end > start and text[end - 1] in chars:
        end -= 1
    return start, end


def _without_nested(found: list[Statement]) -> list[Statement]:
    """Drop a statement whose content lies inside another's (a cue inside a reported clause)."""
    nested: set[int] = set()
    max_end, max_start = -1, -1  # the furthest end so far, and the start of the first span reaching it
    for s in sorted(found, key=lambda s: (s.content_start, -s.content_end)):  # one sweep, not all pairs
        if s.content_end < max_end or (s.content_end == max_end and max_start < s.content_start):
            nested.add(id(s))
        if s.content_end > max_end:
            max_end, max_start = s.content_end, s.content_start
    kept: list[Statement] = []
    seen: set[tuple[int, int]] = set()
    for s in found:
        span = (s.content_start, s.content_end)
        if id(s) in nested or span in seen:
            continue  # a duplicate span: two cues claimed one quotation, the first in text order keeps it
        seen.add(span)
        kept.append(s)
    return kept
