"""Entity mentions from the parse: cleaned, typed, and with the junk left out."""
from __future__ import annotations

import re
from collections.abc import Iterable, Iterator

from spacy.tokens import Span

from kg.extract.entity_types import corrected_type, is_organisation_end, is_publication_end, name_follows
from kg.extract.forenames import is_given_name
from kg.extract.gazetteer import is_region, is_region_abbreviation
from kg.extract.institutions import bare_governments, institution_mentions, is_institution_form, party_designations
from kg.extract.lexicon import (ACRONYM_STOP_WORDS, ARTICLES, CAPITALS, CUE_VERBS, DEMONYMS,
                                GOVERNMENT_NOUNS, HONORIFICS, NAME_PREFIXES, POSSESSIVE_MARKERS, RELIGIONS,
                                TITLES, data_words, role_title, third_person_cue)
from kg.model import Mention
from kg.nlp import Paragraph

LABEL_TYPES = {"PERSON": "Person", "ORG": "Organization", "GPE": "Place", "LOC": "Place", "FAC": "Place",
               "NORP": "Group"}
_CONTRACTION = re.compile(r"n[’']t\b|[’'](?:re|ll|ve|d|m)\b|^[’']")


def mentions(paragraphs: Iterable[Paragraph], *, exclude: tuple[tuple[int, int], ...] = ()) -> list[Mention]:
    """Every entity mention, in text order; mentions inside ``exclude`` spans (the byline) are dropped."""
    found: list[Mention] = []
    lowercase_words: set[str] = set()
    named_groups: set[str] = set()  # names the text gives a body of people ("a group called the Sea Org")
    adjectives: set[int] = set()  # where a party's adjective stands ("a Democratic senator"): kept if it names one
    governments: list[Mention] = []  # "the government", "the administration": the article's country's, if known
    for number, para in enumerate(paragraphs):
        governments.extend(bare_governments(para))
        in_paragraph = list(_paragraph_mentions(para, headline=number == 0, named_groups=named_groups,
                                                adjectives=adjectives))
        in_paragraph.extend(_acronym_mentions(para.doc.text, para.offset, in_paragraph))
        person_ends = {m.end for m in in_paragraph if m.type == "Person"}
        # "Harry M. Reid (D-Nev.)": the party of the person just named
        in_paragraph.extend(m for m in party_designations(para.doc.text, para.offset)
                            if m.start - 1 in person_ends or m.start - 2 in person_ends)
        in_paragraph.extend(_city_region_mentions(para.doc.text, para.offset, in_paragraph))
        found.extend(in_paragraph)
        lowercase_words.update(t.text for t in para.doc if t.is_lower)
    kept = [m for m in found if not any(s <= m.start < e for s, e in exclude) and not _common_word(m, lowercase_words)]
    # what the text once called a group is one wherever NER puts it
    kept = [Mention(m.text, m.start, m.end, "Organization") if m.text in named_groups and m.type in ("Place", "Person")
            else m for m in kept]
    kept = institution_mentions(kept, adjectives, governments)
    return _retype_group_modifiers(sorted(set(kept), key=lambda m: (m.start, -m.end)))


def _common_word(mention: Mention, lowercase_words: set[str]) -> bool:
    """A capitalised common word NER took for a name: "Landscape" beside "landscape", "Pro-Beijing",
    "Islamophobia"."""
    text = mention.text
    if mention.type == "Group":
        return False
    if re.match(r"(?i)(?:pro|anti|pan|non|ex)-", text):
        return True
    if " " in text or (text.isupper() and len(text) > 1):
        return False  # "US" is a name even where the text says "us"
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


def _paragraph_mentions(para: Paragraph, *, headline: bool = False, named_groups: set[str],
                        adjectives: set[int]) -> Iterator[Mention]:
    typed = list(_typed_spans(para, headline=headline, named_groups=named_groups))
    adjectives.update(para.offset + span.start_char for span, kind in typed if kind == "Adjective")
    typed = [(span, "Group" if kind == "Adjective" else kind) for span, kind in typed]
    groups = {span.root.i for span, kind in typed if kind == "Group"}
    for span, kind in typed:
        # coordinated with a group of people, a plural name is one too: "Uyghurs, Kazakhs, and others",
        # "Uyghurs and other Muslim groups"
        if kind != "Group" and len(span) == 1 and span.text.endswith("s") and any(
                c.i in groups or c.lower_ in data_words("collective-nouns.txt") for c in span.root.conjuncts):
            kind = "Group"
        yield _mention(span, para.offset, kind)


def _typed_spans(para: Paragraph, *, headline: bool = False, named_groups: set[str]) -> Iterator[tuple[Span, str]]:
    doc = para.doc
    covered: set[int] = set()
    for ent in _separate_names(doc.ents):
        mention_type = LABEL_TYPES.get(ent.label_)
        span = _trim(ent)
        if mention_type is None or span is None or span.text.lower() in RELIGIONS:
            continue
        if _work_title(span):
            continue  # a play 'called "Los Hijos de Trump"': a title, not a person or an organisation
        if mention_type != "Group" and len(span) == 1 and span.text.lower() in DEMONYMS:
            if not span.text.lower().endswith("s"):
                continue  # "Guatemalan" tagged as an organisation: an adjective, no entity
            mention_type = "Group"  # "Guatemalans" tagged as a place: a people
        if mention_type == "Organization" and _part_of_title(span):
            continue  # "Secretary of State", "Emeritus Professor": words of a person's title
        if mention_type == "Organization" and span[-1].lower_ in data_words("report-words.txt"):
            covered.update(range(span.start, span.end))
            continue  # the title of a report ("the Xinjiang Report"), not an organisation
        if mention_type == "Organization":
            span = _organisation_span(span)
        mention_type = corrected_type(span, mention_type)
        if mention_type in ("Place", "Person") and _named_group(span):
            mention_type = "Organization"  # "a group within Scientology called the Sea Org"
            named_groups.add(span.text)
        person = _trailing_person(span) if mention_type == "Organization" else None
        if person is not None:
            # "the Council on American-Islamic Relations Alia Salem": a role without its comma
            covered.update(range(span.start, span.end))
            yield span[: -len(person)], "Organization"
            yield person, "Person"
            continue
        if mention_type == "Person":
            span = _with_given_name_before(_with_hyphen_tail(_without_leading_titles(_without_gerund(span))))
        if ent.label_ == "NORP" and span.root.tag_ == "NNPS":
            named = _with_name_before(span)
            if len(named) > len(span):
                span, mention_type = named, "Organization"  # "the Neo Democrats": a party
        if ent.label_ == "NORP" and mention_type == "Group":
            government = _government_phrase(span)
            if government is not None:
                covered.update(range(government.start, government.end))
                yield government, "Place"
                continue
            heads_phrase = span.root.dep_ in ("nsubj", "nsubjpass", "dobj", "pobj", "conj", "appos")
            if span.root.tag_ not in ("NNPS", "NNS") and not span.text.endswith("s") and not heads_phrase:
                if is_institution_form(span.text):
                    covered.update(range(span.start, span.end))
                    yield span, "Adjective"  # "a Democratic senator": the party, if the article's country has it
                continue  # an adjective ("Western", "Muslim"), not a group of people ("the Rohingya")
        titled = span.start > 0 and span.doc[span.start - 1].text.rstrip(".").lower() in TITLES
        if len(span) == 1 and span.root.tag_ == "NNPS" and mention_type in ("Place", "Organization", "Person") and not titled:
            mention_type = "Group"  # "Uyghurs", "Kazakhs" tagged as a place or an organisation
        span = _before_headline_verb(span) if headline else span  # title case fools NER there
        span = _with_title(span) if mention_type == "Person" else span
        covered.update(range(span.start, span.end))
        yield span, mention_type
    yield from _unrecognised_speakers(doc, covered)


def _organisation_span(span: Span) -> Span:
    """An organisation's name as NER should have cut it: "Doctor Who" + "Society of Canada", and without
    a role after it ("State Department Spokesperson", "Coast Guard Lt. Steve Hardy")."""
    if is_organisation_end(span[0].lower_):
        span = _with_name_before(span)
    while len(span) > 1 and (_role_word(span[-1].lower_) or (role_title(span[-1].text) and name_follows(span))):
        span = span[:-1]
    return span


def _separate_names(ents: Iterable[Span]) -> Iterator[Span]:
    """Each of the names NER ran into one: "Newsmax / Zogby", "Jane Roe and John Doe", "Jane Roe, John Doe"
    (a person's name holds no "and", no comma); "Procter and Gamble" stays one organisation."""
    for ent in ents:
        doc, start = ent.doc, ent.start
        for token in ent[1:-1]:
            spaced_slash = token.text == "/" and token.whitespace_ and doc[token.i - 1].whitespace_
            joins_people = ent.label_ == "PERSON" and token.lower_ in ("and", ",", "&")
            if (spaced_slash or joins_people) and doc[token.i + 1].text[:1].isupper() and token.i > start:
                yield Span(doc, start, token.i, label=ent.label_)
                start = token.i + 1
        yield Span(doc, start, ent.end, label=ent.label_) if start > ent.start else ent


def _trim(span: Span) -> Span | None:
    """Drop a leading article, a trailing possessive and punctuation; None for junk."""
    start, end = span.start, span.end
    doc = span.doc
    while start < end and (doc[start].lower_ in ARTICLES or doc[start].is_punct):
        start += 1
    while end > start and (doc[end - 1].text in POSSESSIVE_MARKERS or doc[end - 1].is_punct or doc[end - 1].is_space):
        end -= 1
    if start >= end:
        return None
    for i in range(start + 1, end - 1):
        if (span.label_ == "ORG" and doc[i].lower_ in ("the", "a", "an") and doc[i].is_lower
                and doc[i - 1].is_title and doc[i + 1].text[:1].isupper()):
            start = i + 1  # "Rathbun the Scientology": two phrases NER ran together, the last one named
    trimmed = doc[start:end]
    text = trimmed.text
    # "501st Legion", "3M": a number may open a name that has a capital after it
    opens_name = text[0].isupper() or (text[0].isdigit() and any(w[:1].isupper() for w in text.split()[1:] or [text[1:]]))
    if "\n" in text or not any(ch.isalpha() for ch in text) or not opens_name:
        return None
    if start >= 2 and doc[start - 1].text == "-" and not doc[start - 2].whitespace_ and doc[start - 2].lower_ in NAME_PREFIXES:
        return None  # "pro-Beijing", "anti-Trump": a modifier, not a mention
    if len(text) < 2 or _CONTRACTION.search(text.lower()):
        return None  # contractions ("n’t") and other fragments
    return trimmed


def _work_title(span: Span) -> bool:
    """The title of a work or an event, not an actor: a name in quotation marks after "called",
    "titled", "entitled"; a name beside a work noun ("the novel Dark Matters", "the AntyScience blog",
    "GNU Free Documentation License"); an event ("Google Science Fair", "Summer Paralympics")."""
    doc = span.doc
    works = data_words("work-nouns.txt")
    if span.start >= 2 and doc[span.start - 1].is_quote and doc[span.start - 2].lower_ in ("called", "titled", "entitled"):
        return True
    if len(span) > 1 and span[-1].lower_ in data_words("event-nouns.txt") | {"license", "licence", "manifesto"}:
        return True
    before = doc[span.start - 1] if span.start else None
    if before is not None and before.is_lower and before.lemma_.lower() in works:
        return True  # "the novel Dark Matters", "runs on software Mediawiki"
    root = span.root
    return root.dep_ in ("compound", "appos") and root.head.is_lower and root.head.lemma_.lower() in works \
        and root.head.i not in range(span.start, span.end)


def _part_of_title(span: Span) -> bool:
    """ "State" in "the Secretary of State"; "Emeritus" in "Emeritus Professor John Burrows"; but "U.N."
    in "U.N. Secretary-General" is an organisation (an acronym)."""
    if len(span) != 1 or span.text.replace(".", "").isupper():
        return False
    doc = span.doc
    after = doc[span.end] if span.end < len(doc) else None
    if after is not None and after.is_title and after.text.rstrip(".").lower() in TITLES:
        return True
    before = doc[span.start - 2 : span.start]
    return (len(before) == 2 and before[1].lower_ == "of"
            and before[0].lower_ in ("secretary", "minister", "attorney", "chancellor", "ministry"))


def _with_name_before(span: Span) -> Span:
    """Extend an organisation that NER began at its kind ("Society of Canada") over the proper nouns
    that name it ("Doctor Who Society of Canada")."""
    doc, start = span.doc, span.start
    while start > 0 and doc[start - 1].tag_ == "NNP" and doc[start - 1].is_title and doc[start - 1].whitespace_ \
            and doc[start - 1].ent_type_ in ("", span.label_) and not doc[start - 1].is_sent_start:
        start -= 1
    return doc[start : span.end]


def _with_given_name_before(span: Span) -> Span:
    """ "Junius" + "Ho": the given name NER left out of a person's name."""
    doc = span.doc
    if span.start == 0 or len(span) > 1:
        return span  # before a full name NER found, a capitalised word is a descriptor ("Democrat Joe Manchin")
    before = doc[span.start - 1]
    if (before.tag_ == "NNP" and before.dep_ == "compound" and before.head.i in range(span.start, span.end)
            and before.is_title and before.is_alpha and not before.ent_type_
            and (not before.is_sent_start or is_given_name(before.text))  # "Teresa Kerry said", not "Yesterday"
            and before.lower_ not in HONORIFICS and not _role_word(before.lower_)):
        return doc[span.start - 1 : span.end]
    return span


def _trailing_person(span: Span) -> Span | None:
    """The person NER swallowed into the organisation before them: "... Islamic Relations Alia Salem"."""
    if len(span) < 4:
        return None
    given, surname, before = span[-2], span[-1], span[-3]
    if not (given.is_alpha and surname.is_alpha and given.is_title and surname.is_title and is_given_name(given.text)):
        return None
    if is_organisation_end(surname.lower_) or not (is_organisation_end(before.lower_) or before.tag_ == "NNPS"
                                                 or before.lower_.endswith("s")):
        return None
    return span[-2:]


def _without_gerund(span: Span) -> Span:
    """ "Evaluating Juppe" at the head of a sentence: the verb is no part of the name."""
    first = span[0]
    if (len(span) > 1 and first.is_sent_start and first.lower_.endswith("ing") and len(first) >= 6
            and not is_given_name(first.text)):
        return span[1:]
    return span


def _without_leading_titles(span: Span) -> Span:
    """ "Police Major Pramot Pansakun" -> "Pramot Pansakun", "Academician M. F. Reshetnov" -> "M. F. Reshetnov":
    the title, rank or occupation NER ran into a name is no part of it (it stays in the text before the name,
    where the affiliation rules read it). Titles the rest of kg writes as part of a form ("Ms.", "Sen.") stay."""
    last_title = None
    for token in span[:-1]:
        if role_title(token.text) and token.text.rstrip(".").lower() not in TITLES:
            last_title = token.i
        elif not (token.is_title and token.i + 1 < span.end and role_title(span.doc[token.i + 1].text)):
            break  # a capitalised word before a title belongs to it: "Police Major", "Party Treasurer"
    if last_title is None:
        return span
    rest = span.doc[last_title + 1 : span.end]
    while len(rest) and rest[0].text == ".":
        rest = rest[1:]
    if not len(rest) or not rest[0].text[:1].isupper():
        return span
    if len(rest) == 1 and is_given_name(span.doc[last_title].text) and last_title == span.start:
        return span  # "Major Garrett": a given name that is also a rank, before a single word
    return rest


def _named_group(span: Span) -> bool:
    """ "a group ... called the Sea Org", "a company named Acme": a body of people given its name."""
    doc, start = span.doc, span.start
    if start > 0 and doc[start - 1].lower_ == "the":
        start -= 1
    if start == 0 or doc[start - 1].lower_ not in ("called", "named"):
        return False
    return any(t.lemma_.lower() in data_words("group-nouns.txt") for t in doc[max(0, start - 6) : start - 1])


def _with_hyphen_tail(span: Span) -> Span:
    """ "Wong Yeung" + "-tat": NER stops at a hyphenated given name's lower-case half."""
    doc, end = span.doc, span.end
    while (end + 1 < len(doc) and doc[end].text == "-" and not doc[end - 1].whitespace_
           and not doc[end].whitespace_ and doc[end + 1].is_alpha and doc[end + 1].is_lower):
        end += 2
    return doc[span.start : end]


def _acronym_mentions(text: str, offset: int, known: list[Mention]) -> Iterator[Mention]:
    """Organisations that introduce their acronym, which NER often misses or mistypes:
    "Human Rights Watch (HRW)", "FIRST (For Inspiration and Recognition of Science and Technology)"."""
    taken = [(m.start - offset, m.end - offset) for m in known]

    def free(start: int, end: int) -> bool:
        return not any(s < end and e > start for s, e in taken)

    def organisation(start: int, end: int) -> Iterator[Mention]:
        if free(start, end):
            taken.append((start, end))
            yield Mention(text[start:end], offset + start, offset + end, "Organization")

    for match in re.finditer(r"\(([A-Z][A-Z&]{1,9})\)", text):
        acr = match.group(1)
        base = max(0, match.start() - 200)
        words = list(re.finditer(r"[\w'’&-]+", text[base : match.start()]))
        for k in range(1, min(len(words), 16) + 1):
            first = words[-k].group()
            if first.lower() not in ACRONYM_STOP_WORDS and not first[:1].isupper():
                break
            if first[:1].isupper() and acr in _initials([w.group() for w in words[-k:]]):
                if not _names_no_organisation(words[-1].group().lower()):  # not "Consumer Price Index (CPI)"
                    yield from organisation(base + words[-k].start(), base + words[-1].end())
                    yield from organisation(match.start(1), match.end(1))
                break
    for match in re.finditer(r"\b([A-Z][A-Z&]{1,9})\s*\(([A-Z][^()]{2,150})\)", text):
        acr, expansion = match.group(1), match.group(2).strip()
        if acr in _initials(re.findall(r"[\w'’&]+", expansion)) and not _names_no_organisation(expansion.split()[-1].lower()):
            yield from organisation(match.start(1), match.end(1))
            yield from organisation(match.start(2), match.start(2) + len(expansion))


def _initials(words: list[str]) -> set[str]:
    """The acronyms a name can have: of every word, or of its significant words after the first."""
    words = [part for w in words for part in w.split("-") if part]
    every = "".join(w[0] for w in words).upper()
    significant = "".join(w[0] for i, w in enumerate(words) if i == 0 or w.lower() not in ACRONYM_STOP_WORDS).upper()
    return {every, significant}


def _city_region_mentions(text: str, offset: int, found: list[Mention]) -> Iterator[Mention]:
    """ "Mountain View, California": the city's fuller name, where a state or country follows it."""
    places = sorted((m for m in found if m.type == "Place"), key=lambda m: m.start)
    for city, region in zip(places, places[1:]):
        between = text[city.end - offset : region.start - offset]
        if between.strip() == "," and (is_region_abbreviation(region.text)
                                       or (is_region(region.text) and not is_region(city.text))):
            yield Mention(text[city.start - offset : region.end - offset], city.start, region.end, "Place")


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
        kind = corrected_type(span, "Person")  # "the CNTP feels": an acronym's speaker is an organisation
        if is_publication_end(span[-1].lower_) or kind == "Organization":
            yield span, "Organization"  # "The Deseret News reported": a publication
            continue
        yield _with_title(_without_leading_titles(span)), "Person"


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


def _role_word(word: str) -> bool:
    """ "spokeswoman", "director", "members": a role word NER may leave at the end of an organisation's
    name (kg/data/organisation-role-words.txt)."""
    return word in data_words("organisation-role-words.txt")


def _names_no_organisation(word: str) -> bool:
    """ "index", "act", "syndrome": a last word of what an acronym stands for that makes it no
    organisation (kg/data/acronym-non-organisation-words.txt)."""
    return word in data_words("acronym-non-organisation-words.txt")
