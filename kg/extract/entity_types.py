"""The type a name's words, a gazetteer or the sentence give, where NER's label is wrong:
"Dean Kamen" tagged as an organisation is a person, "from Herat" a place, "Forest Service
spokeswoman Margie Clack" names an organisation, "Dan Sai District" a place, "Sanders, 45," a person.
"""
from __future__ import annotations

from spacy.tokens import Span

from kg.extract.forenames import is_common_given_name, is_given_name
from kg.extract.gazetteer import is_place, is_region
from kg.extract.lexicon import LOCATIVE_PREPOSITIONS, data_words, role_title



def is_publication_end(word: str) -> bool:
    """ "news", "times", "journal": a word that ends a publication's name and is no surname
    (kg/data/publication-ends.txt)."""
    return word in data_words("publication-ends.txt")


def _media_end(word: str) -> bool:
    """ "times", "post", "guardian": a word that ends a publication's name, surname or not."""
    return is_publication_end(word) or word in data_words("newspaper-name-ends.txt")


def is_organisation_end(word: str) -> bool:
    """ "service", "corps", "co": a word that ends an organisation's name, never a person's
    (kg/data/organisation-ends.txt)."""
    return word in data_words("organisation-ends.txt")


def corrected_type(span: Span, mention_type: str) -> str:
    """The type a name's words, a gazetteer or the sentence give, where NER's label is wrong."""
    if (mention_type == "Organization" or (mention_type == "Person" and not is_given_name(span[0].text))) \
            and len(span) > 1 and span[-1].lower_ in data_words("facility-words.txt"):
        mention_type = "Place"  # "McMurdo Station", "the Bat Cave"; but "Jennifer Hall" is a person
    if mention_type == "Place" and len(span) == 1 and is_common_given_name(span.text) and not is_place(span.text) \
            and not span.text.isupper():
        mention_type = "Person"  # "Rebecca and I": a first name alone is a person (Georgia, Florence are places)
    if mention_type == "Person" and len(span) == 1 and span.text.isupper() and span.text.isalpha() and len(span.text) >= 4:
        mention_type = "Organization"  # "the CNTP", "ROTC": an acronym (initials of people are shorter: "JFK")
    if mention_type == "Person" and len(span) > 1 and is_organisation_end(span[-1].lower_) and span[-1].is_title:
        mention_type = "Organization"  # "Oberlin College", "Marine Corps" tagged as a person
    if mention_type == "Person" and _of_a_person(span) and not is_place(span.text):
        mention_type = "Organization"  # "Cheng Chung-tai of Civic Passion": what a person is of is a body
    if mention_type == "Person" and len(span) == 1 and _after_a_capital_the(span):
        mention_type = "Organization"  # "The Independent reported", "The Onion": a title, no person
    last = span[-1].lower_
    if len(span) > 1 and (_media_end(last) if mention_type != "Person" else is_publication_end(last)):
        mention_type = "Organization"  # "Saudi Gazette", "Deseret News": a publication, not a place or a person
    if mention_type == "Organization" and (_named_place(span) or _venue(span)):
        mention_type = "Place"
    if mention_type == "Organization" and _personal_name(span) and not _titles_a_name(span):
        mention_type = "Person"  # "Dean Kamen" tagged as an organisation
    if mention_type in ("Person", "Organization") and (_kind_of_place(span) or _on_the_map(span) or _seat(span)):
        mention_type = "Place"
    if mention_type in ("Organization", "Place") and _with_age(span) and not is_region(span.text):
        mention_type = "Person"  # "Sanders, 45, was found guilty"
    return mention_type


def _of_a_person(span: Span) -> bool:
    """ "Frederick Fung of ADPL": a name after a person's name and "of" or "from"."""
    root = span.root
    prep = root.head
    return (root.dep_ == "pobj" and prep.lower_ in ("of", "from") and prep.head.ent_type_ == "PERSON"
            and prep.i == prep.head.i + 1)


def _after_a_capital_the(span: Span) -> bool:
    """ "... reported by The Onion": a name after a capitalised "The" inside a sentence."""
    doc = span.doc
    return span.start > 0 and doc[span.start - 1].text == "The" and not doc[span.start - 1].is_sent_start


def _kind_of_place(span: Span) -> bool:
    """ "Dan Sai District", "the Kamchatka region", "Calcasieu and Cameron parishes", "Port Nolloth", "the
    district of Arhiba": a name a place noun ends, follows or governs, or a place's first word opens."""
    place_nouns = data_words("place-nouns.txt")
    if len(span) > 1 and span[-1].lower_ in place_nouns and span[0].lower_ not in place_nouns:
        return not any(is_organisation_end(t.lower_) for t in span[:-1])  # not "Irving School District"
    if len(span) > 1 and span[0].lower_.rstrip(".") in data_words("place-heads.txt"):
        return not any(is_organisation_end(t.lower_) or t.lower_ in data_words("venue-words.txt") for t in span[1:])
    root = span.root
    if root.dep_ == "pobj" and root.head.lower_ == "of" and root.head.head.lower_ in place_nouns:
        return True  # "the Afar district of Arhiba"
    if root.dep_ == "conj" and root.head.dep_ in ("compound", "nmod"):
        root = root.head  # "Calcasieu" and "Cameron" parishes
    return root.dep_ in ("compound", "nmod") and root.head.lower_ in place_nouns and root.head.i >= span.end


def _seat(span: Span) -> bool:
    """ "Waste Disposal Co. of Randolph", "the University of Bath": one name after an organisation's kind
    and "of" is where it is."""
    doc, start = span.doc, span.start
    return (len(span) == 1 and start >= 2 and doc[start - 1].lower_ == "of"
            and is_organisation_end(doc[start - 2].lower_.rstrip(".")) and doc[start - 2].is_title)


def _on_the_map(span: Span) -> bool:
    """ "in western Kamchatka", "in upper Delmas": a name a compass or map adjective puts somewhere."""
    root = span.root
    return (root.dep_ == "pobj" and root.head.lower_ in LOCATIVE_PREPOSITIONS and span.start > 0
            and span.doc[span.start - 1].lower_ in data_words("place-modifiers.txt"))


def _with_age(span: Span) -> bool:
    """A name with an age in commas after it is a person's: "Sanders, 45, was found guilty"."""
    doc, end = span.doc, span.end
    return (end + 2 < len(doc) and doc[end].text == "," and doc[end + 1].like_num and doc[end + 2].text == ","
            and doc[end + 1].text.isdigit() and 0 < int(doc[end + 1].text) < 120)


def _named_place(span: Span) -> bool:
    """An "organisation" that is a country, or a city where the sentence puts something: "from Herat"."""
    if span.text.isupper():
        return False  # an acronym
    if is_region(span.text):
        return True
    head = span.root.head
    return span.root.dep_ == "pobj" and head.lower_ in LOCATIVE_PREPOSITIONS and is_place(span.text)


def _personal_name(span: Span) -> bool:
    """A given name and a surname, whatever NER called them: "Dean Kamen", "Regina Ip"."""
    words = [t for t in span if t.text != "-"]  # "Jean-Verdy Bastien": a hyphenated given name
    return (2 <= len(words) <= 3 and all(t.is_alpha and t.text[:1].isupper() and not t.is_upper for t in words)
            and is_given_name(span[0].text) and not is_given_name(span[-1].text)  # not "Morgan Stanley"
            and not is_organisation_end(span[-1].lower_)
            and not _media_end(span[-1].lower_) and not is_place(span.text))


def name_follows(span: Span) -> bool:
    """A person's name comes right after the span, past an abbreviation's dot: "Coast Guard Lt. | Steve Hardy"."""
    doc, i = span.doc, span.end
    while i < len(doc) and doc[i].text == ".":
        i += 1
    return i < len(doc) and doc[i].ent_type_ == "PERSON"


def _titles_a_name(span: Span) -> bool:
    """ "Forest Service spokeswoman Margie Clack": a name before a role word and a person's name is the
    organisation the person speaks for, never a person."""
    doc = span.doc
    return span.end < len(doc) and role_title(doc[span.end].text) and name_follows(doc[span.start : span.end + 1])


def _venue(span: Span) -> bool:
    """ "at the Metro Toronto Convention Centre": a venue named where something happens."""
    head = span.root.head
    return (len(span) > 1 and span[-1].lower_ in data_words("venue-words.txt") and span.root.dep_ == "pobj"
            and head.lower_ in ("at", "in", "inside", "outside", "near"))
