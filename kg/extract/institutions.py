"""Parties and national institutions by the names newsrooms give them (kg/data/institutions.tsv).

"the GOP", "Republicans", "a Democratic senator", "the Kremlin said", "Downing Street" are mentions
of one organisation each, named in full ("Republican Party"). A form that several countries share
("the Senate", "Labour") is read as the institution of the country the article's places are in;
where the article names no such country, it is left alone rather than guessed.
"""
from __future__ import annotations

import re
from collections import Counter
from collections.abc import Iterable, Iterator
from dataclasses import dataclass
from functools import lru_cache

from kg.extract.gazetteer import country_code, is_region_abbreviation, place_key
from kg.extract.lexicon import DEMONYMS, PLACE_ALIASES, data_rows
from kg.model import Mention
from kg.nlp import Paragraph

# institutions of no one country, read in any article
_EVERYWHERE = ("INT", "EU")


@dataclass(frozen=True)
class Institution:
    """One row of the table: a party or a national institution and the forms news names it by."""

    country: str  # ISO 3166 code, "EU" or "INT"
    kind: str  # party, government, head-office, legislature, chamber, court, agency, international
    name: str  # the canonical full name
    aliases: tuple[str, ...]  # forms that name the institution itself ("GOP", "the Kremlin")
    members: tuple[str, ...]  # its members' plural and its adjective ("Republicans", "Republican")
    ambiguous: bool  # some form is a common word or another country's institution too


def institutions() -> tuple[Institution, ...]:
    """Every row of kg/data/institutions.tsv, in file order."""
    return _institutions()


@lru_cache(maxsize=1)
def _institutions() -> tuple[Institution, ...]:
    return tuple(Institution(country, kind, name, _forms_of(aliases), _forms_of(members), ambiguous == "yes")
                 for country, kind, name, aliases, members, ambiguous in data_rows("institutions.tsv"))


def _forms_of(field: str) -> tuple[str, ...]:
    return tuple(form for form in field.split(";") if form)


def form_key(text: str) -> str:
    """Compare forms without case, dots, a leading "the" or a possessive: "the G.O.P.'s" ~ "GOP"."""
    text = text.casefold().replace(".", "").replace("’", "'")
    if text.endswith("'s"):
        text = text[:-2]
    if text.startswith("the "):
        text = text[4:]
    return " ".join(text.split())


@lru_cache(maxsize=1)
def _by_form() -> dict[str, tuple[Institution, ...]]:
    found: dict[str, list[Institution]] = {}
    for row in institutions():
        for form in (row.name, *row.aliases, *row.members):
            bucket = found.setdefault(form_key(form), [])
            if row not in bucket:
                bucket.append(row)
    return {form: tuple(rows) for form, rows in found.items()}


def is_institution_form(text: str) -> bool:
    """Whether some row names an institution or its members so: "Democratic", "the Kremlin"."""
    return form_key(text) in _by_form()


def article_countries(mentions: Iterable[Mention]) -> Counter[str]:
    """How often the article's places and nationalities name each country: the countries it is about."""
    countries: Counter[str] = Counter()
    for mention in mentions:
        if mention.type == "Place":
            code = country_code(mention.text.partition(",")[0])
        elif mention.type == "Organization" and designated_party(mention.text) is not None:
            code = "US"  # "(D-Nev.)" is written of the US Congress only
        elif mention.type == "Group" and mention.text.lower() in DEMONYMS:
            code = country_code(DEMONYMS[mention.text.lower()])
        else:
            code = None
        if code is not None:
            countries[code] += 1
    return countries


def institution_of(text: str, countries: Counter[str]) -> Institution | None:
    """The institution a form names in an article about these countries, or None.

    >>> institution_of("the GOP", Counter({"US": 3})).name
    'Republican Party'
    >>> institution_of("the Senate", Counter()) is None   # which country's?
    True
    """
    candidates = _by_form().get(form_key(text), ())
    if not candidates:
        qualifier, _, rest = text.partition(" ")
        qualifier = DEMONYMS.get(qualifier.lower()) or PLACE_ALIASES.get(place_key(qualifier), qualifier)
        country = country_code(qualifier)
        # "U.S. Republican Party", "British Labour Party": the institution of the country named before it
        candidates = tuple(row for row in _by_form().get(form_key(rest), ()) if row.country == country)
        return candidates[0] if country is not None and len(candidates) == 1 else None
    local = [row for row in candidates if row.country in countries or row.country in _EVERYWHERE]
    if local:
        return max(local, key=lambda row: countries.get(row.country, 0))  # first of equals: file order
    # one row's form, and not a lone word of a row that shares its short forms ("Labour", "the Senate");
    # an acronym is no common word ("GOP", "BJP")
    bare = text.removeprefix("the ").replace(".", "")
    if len(candidates) == 1 and not (candidates[0].ambiguous and " " not in bare and not bare.isupper()):
        return candidates[0]
    return None


# what "the government" and "the administration" stand for: the government of the article's country
BARE_GOVERNMENT = ("government", "administration")


def national_government(countries: Counter[str]) -> Institution | None:
    """The government of the country the article's places name most ("the government said")."""
    for code, _ in countries.most_common():
        for row in institutions():
            if row.country == code and row.kind == "government":
                return row
    return None


def institution_names(mentions: Iterable[Mention]) -> dict[str, str]:
    """Folded form -> the full name of the institution it names in this article, for the organisation
    mentions that name one ("gop" -> "Republican Party")."""
    mentions = list(mentions)
    countries = article_countries(mentions)
    names = {}
    for mention in mentions:
        if mention.type == "Organization" and designated_party(mention.text) is not None:
            names[form_key(mention.text)] = designated_party(mention.text)
            continue
        if mention.type == "Organization" and form_key(mention.text) in BARE_GOVERNMENT:
            row = national_government(countries)
        elif mention.type == "Organization" and is_institution_form(mention.text):
            row = institution_of(mention.text, countries)
        else:
            row = None
        if row is not None:
            names[form_key(mention.text)] = row.name
    return names


@lru_cache(maxsize=1)
def _designations() -> dict[str, str]:
    return {letter: party for letter, party in data_rows("party-designations.tsv")}


# "(D-Nev.)", "(R-Texas)", ", R-S.C.,": a party letter, a hyphen and a state after a name
_DESIGNATION = re.compile(r"(?:\(|, )([A-Z])-([A-Z][A-Za-z.]*(?: [A-Z][A-Za-z.]*)?)(?:\)|,)")


def party_designations(text: str, offset: int = 0) -> list[Mention]:
    """The party letters of "(D-Nev.)" and ", R-Texas," designations, as mentions of the party (US)."""
    found = []
    for match in _DESIGNATION.finditer(text):
        party = _designations().get(match.group(1))
        state = match.group(2)
        if party is not None and (is_region_abbreviation(state) or country_code(state) == "US"):
            found.append(Mention(match.group(1), offset + match.start(1), offset + match.end(1), "Organization"))
    return found


def designated_party(letter: str) -> str | None:
    """The party a designation's letter names: "D" -> "Democratic Party"."""
    return _designations().get(letter)


def bare_governments(para: Paragraph) -> Iterator[Mention]:
    """ "the government", "the administration" with nothing saying whose ("the Chinese government" is
    China's, "the Trump administration" is read no further)."""
    for token in para.doc:
        if token.lower_ not in BARE_GOVERNMENT or token.ent_type_ or token.pos_ != "NOUN":
            continue
        if [c.lower_ for c in token.lefts] != ["the"]:
            continue
        det = token.doc[token.i - 1]
        if det.lower_ == "the":
            yield Mention(f"{det.text} {token.text}", para.offset + det.idx, para.offset + token.idx + len(token.text),
                          "Organization")


def institution_mentions(found: list[Mention], adjectives: set[int], governments: list[Mention]) -> list[Mention]:
    """A party's nickname, its members' plural or adjective, an institution's short form or building is
    a mention of that organisation ("the GOP", "Republicans", "a Democratic senator", "the Kremlin");
    an adjective that names no institution of the article's countries is left out, as before; "the
    government" is the government of the article's country, where the table has it."""
    countries = article_countries(found)
    out = list(governments) if national_government(countries) is not None else []
    for m in found:
        if m.type == "Person" and not (m.text.endswith("s") or m.text.isupper()):
            out.append(m)  # "Green" is a surname before it is a party's adjective; "Greens", "GOP" are not
            continue
        if is_institution_form(m.text) and institution_of(m.text, countries) is not None:
            out.append(Mention(m.text, m.start, m.end, "Organization"))
        elif m.start not in adjectives:
            out.append(m)
    return out
