"""Mentions -> entities: one node per real-world entity, every surface form an alias.

Merges titles and surnames into full names ("Ms. Bachelet" -> Michelle Bachelet), acronyms into
their expansions ("U.N." -> United Nations, "Council (UNHRC)"), shorter organisation names into
longer ones that end the same way, well-known country names, nationality-plus-government phrases
("Chinese authorities" -> China), and capitals that act as governments ("Beijing rejects").
"""
from __future__ import annotations

import re
import unicodedata
from bisect import bisect_right
from collections import Counter, defaultdict
from collections.abc import Callable
from dataclasses import dataclass, replace
from functools import cached_property

from kg.extract.forenames import gender as name_gender, is_given_name
from kg.extract.gazetteer import country_code, is_place, is_region, is_region_abbreviation
from kg.extract.institutions import form_key, institution_names
from kg.extract.lexicon import (ACRONYM_STOP_WORDS, CAPITALS, DEMONYMS, FEMALE_TITLES, GOVERNMENT_NOUNS,
                                MALE_TITLES, NUMBER_WORDS, PLACE_ALIASES, TITLES, data_words)
from kg.model import ArticleGraph, Entity, Mention

_TYPE_PRIORITY = {"Person": 0, "Organization": 1, "Place": 2, "Group": 3}


def fold(text: str) -> str:
    """Compare names loosely: case, accents, dots, possessives, a leading title or "the"."""
    # accents go, other scripts stay: "Núñez" ~ "Nunez", "Путин" stays "путин"
    text = "".join(ch for ch in unicodedata.normalize("NFKD", text) if not unicodedata.combining(ch)).casefold()
    text = re.sub(r"['’]s\b", "", text).replace(".", "")
    text = re.sub(r"(?<=\w)['’](?=\w)", "", text)  # O’Malley, D'Souza
    words = re.findall(r"[^\W_]+", text)
    while len(words) > 1 and (words[0] in TITLES or words[0] == "the"):
        words = words[1:]
    return " ".join(words)


def slug(text: str) -> str:
    """The key of a canonical name: "Michelle Bachelet" -> "michelle-bachelet"."""
    return fold(text).replace(" ", "-") or "x"


def strip_title(text: str) -> str:
    """ "Ms. Bachelet" -> "Bachelet"."""
    words = text.split()
    while len(words) > 1 and words[0].rstrip(".").lower() in TITLES:
        words = words[1:]
    return " ".join(words)


def acronym(name: str) -> str:
    """Initials of the significant words: "United Nations Human Rights Council" -> "unhrc"."""
    return "".join(w[0] for w in fold(name).split() if w not in ACRONYM_STOP_WORDS)



def _organisation_kind(word: str) -> bool:
    """ "magazine", "inc", "party": a word after an organisation's name that names its kind
    (kg/data/organisation-kinds.txt)."""
    return word in data_words("organisation-kinds.txt")


@dataclass(frozen=True)
class EntityIndex:
    """The article's entities and, for any character offset, which entity is mentioned there."""

    entities: tuple[Entity, ...]
    spans: tuple[tuple[int, int, str], ...]  # (start, end, Entity.ref), sorted
    genders: tuple[tuple[str, str], ...] = ()  # (Entity.ref, "f" | "m") from titles

    def at(self, start: int, end: int) -> str | None:
        """The entity whose mention overlaps [start, end), preferring the longest mention."""
        best, best_len = None, 0
        i = bisect_right(self.spans, (end, 0, "")) - 1
        while i >= 0 and i > bisect_right(self.spans, (start - 200, 0, "")) - 2:
            s, e, ref = self.spans[i]
            if s < end and e > start and e - s > best_len:
                best, best_len = ref, e - s
            i -= 1
        return best

    def spans_between(self, start: int, end: int) -> tuple[tuple[int, int, str], ...]:
        """The mentions that start within [start, end), in text order."""
        return self.spans[bisect_right(self.spans, (start, -1, "")) : bisect_right(self.spans, (end, -1, ""))]

    def gender(self, ref: str) -> str | None:
        """"f", "m" or None: what the entity's titles tell."""
        return dict(self.genders).get(ref)

    def mentions_in(self, start: int, end: int) -> tuple[str, ...]:
        """The entities mentioned within [start, end), in order of first mention, without repeats."""
        refs: list[str] = []
        for s, e, ref in self.spans_between(start, end):
            if e <= end and ref not in refs:
                refs.append(ref)
        return tuple(refs)

    def by_ref(self, ref: str) -> Entity:
        """The entity with this ref (KeyError when there is none)."""
        return self._by_ref[ref]

    @cached_property
    def _by_ref(self) -> dict[str, Entity]:
        return {entity.ref: entity for entity in self.entities}


def resolve(mentions: list[Mention], *, text: str = "", agentive_capitals: set[str] = frozenset()) -> EntityIndex:
    """Cluster mentions into entities and index them by offset."""
    clusters: dict[str, list[Mention]] = defaultdict(list)  # cluster key -> mentions
    canonical_of = _canonical_names(mentions, text, agentive_capitals)
    institutions = institution_names(mentions)  # form -> the full name of the institution it names here
    full_names = {}
    for m in mentions:
        name = institutions.get(form_key(m.text)) if m.type == "Organization" else None
        if name is not None:
            canonical_of[m] = fold(name)  # "the GOP", "Republicans" -> Republican Party
            full_names[fold(name)] = name
    for m in mentions:
        key = canonical_of[m]
        clusters[key].append(m)
    entities, spans, genders = [], [], []
    used_refs: set[str] = set()
    for key in sorted(clusters, key=lambda k: clusters[k][0].start):
        group = clusters[key]
        votes = Counter(m.type for m in group)
        # a full personal name makes a person of its surname, however NER typed that, and otherwise
        # mentions tagged as a group of people (plural proper noun, nationality) type them all, unless
        # another type has more
        if any(m.type == "Person" and len(strip_title(m.text).split()) > 1 for m in group):
            entity_type = "Person"  # "Professor Burrows" read as a plural stays John Burrows
        elif "Group" in votes and votes["Group"] >= max(votes.values()):
            entity_type = "Group"  # but three "Sochi" places outvote one nationality tag
        else:
            entity_type = min(votes, key=lambda t: (-votes[t], _TYPE_PRIORITY[t]))
        name = full_names.get(key) or _pick_name(key, group)
        if entity_type == "Place" and name.isupper() and len(name) > 4 and is_place(name):
            name = name.title()  # "DALLAS —" in a dateline: the place is Dallas, whatever the case
        forms = {m.text for m in group} | {strip_title(m.text) for m in group}
        if entity_type == "Organization":
            forms |= {short for f in forms for short in [_without_country(f)] if short}
        aliases = tuple(sorted(f for f in forms if f != name))
        entity = Entity(slug(name), entity_type, name, aliases, tuple(group))
        if entity.ref in used_refs:
            continue
        used_refs.add(entity.ref)
        entities.append(entity)
        spans.extend((m.start, m.end, entity.ref) for m in group)
        titles = {m.text.split()[0].rstrip(".").lower() for m in group if " " in m.text}
        given = name_gender(name.split()[0]) if entity_type == "Person" and " " in name else None
        if titles & FEMALE_TITLES:
            genders.append((entity.ref, "f"))
        elif titles & MALE_TITLES:
            genders.append((entity.ref, "m"))
        elif given is not None:
            genders.append((entity.ref, given))
    return EntityIndex(tuple(entities), tuple(sorted(spans)), tuple(genders))


def _without_country(name: str) -> str | None:
    """ "U.S. Immigration and Naturalization Service" -> "Immigration and Naturalization Service": an
    organisation's name without the country before it, which news also leaves out."""
    qualifier, _, rest = name.partition(" ")
    if len(rest.split()) < 2 or not rest[:1].isupper():
        return None
    # a nationality adjective or a country's abbreviation, never a bare place name ("Georgia Power Company")
    abbreviated = qualifier.replace(".", "").isupper() and PLACE_ALIASES.get(fold(qualifier))
    country = DEMONYMS.get(qualifier.lower()) or abbreviated
    return rest if country and country_code(country) is not None else None


def _pick_name(key: str, group: list[Mention]) -> str:
    """The longest untitled surface form that folds to the key, else the longest form."""
    # most words first; a form in ordinary case before a shouted one ("Dallas" before "DALLAS")
    forms = sorted({strip_title(m.text) for m in group}, key=lambda f: (-len(f.split()), f.isupper() and len(f) > 4, -len(f), f))
    for form in forms:
        if fold(form) == key:
            return form
    return forms[0]


@dataclass(frozen=True)
class _Context:
    """What the naming passes read besides the mentions."""

    text: str
    agentive_capitals: set[str]


def _canonical_names(mentions: list[Mention], text: str, agentive_capitals: set[str]) -> dict[Mention, str]:
    """Map each mention to the folded name of the entity it belongs to, pass by pass (_NAME_PASSES)."""
    out = {m: fold(m.text) for m in mentions}
    context = _Context(text, agentive_capitals)
    for naming_pass in _NAME_PASSES:
        naming_pass(mentions, out, context)
    return out


def _place_names(mentions: list[Mention], out: dict[Mention, str], context: _Context) -> None:
    """Country aliases ("America"), "Chinese authorities" -> China, "Mountain View, California" ->
    Mountain View, and capitals acting as governments ("Beijing rejects" -> China)."""
    for m in mentions:
        if m.type != "Place":
            continue
        name = out[m]
        words = name.split()
        if len(words) == 2 and words[0] in DEMONYMS and words[1] in GOVERNMENT_NOUNS:
            name = fold(DEMONYMS[words[0]])
        city, comma, region = m.text.partition(",")
        if comma and (is_region(region) or is_region_abbreviation(region)):
            name = fold(city)
        name = fold(PLACE_ALIASES.get(name, name))
        if name in context.agentive_capitals:
            name = fold(CAPITALS[name])
        out[m] = name


def _spelt_like_places(mentions: list[Mention], out: dict[Mention, str], context: _Context) -> None:
    """Any mention spelt like a place takes that place's entity ("Beijing’s" tagged as an organisation)."""
    place_key = {fold(m.text): out[m] for m in mentions if m.type == "Place"}
    for m in mentions:
        if m.type != "Place" and fold(m.text) in place_key:
            out[m] = place_key[fold(m.text)]


def _group_singulars(mentions: list[Mention], out: dict[Mention, str], context: _Context) -> None:
    """A group's singular ("Uyghur activists") joins its plural ("Uyghurs")."""
    group_names = {out[m] for m in mentions if m.type == "Group"}
    for m in mentions:
        if m.type == "Group" and out[m] + "s" in group_names:
            out[m] = out[m] + "s"


def _surnames(mentions: list[Mention], out: dict[Mention, str], context: _Context) -> None:
    """A single surname or first name joins the full name that holds it ("Ms. Bachelet" -> Michelle
    Bachelet). NER often types a lone surname as an organisation or a place ("Trump", "Montalvo"): a
    single word that is a person's surname is that person, unless it names a country or a state
    ("Michael Jordan flew to Jordan")."""
    full_mentions = [m for m in mentions if m.type == "Person" and len(out[m].split()) > 1]
    full_names = {out[m] for m in full_mentions}
    by_last: dict[str, set[str]] = defaultdict(set)
    by_first: dict[str, set[str]] = defaultdict(set)
    for f in full_mentions:
        by_last[out[f].split()[-1]].add(out[f])
        by_first[out[f].split()[0]].add(out[f])
    for m in mentions:
        word = out[m]
        if len(word.split()) != 1 or word in full_names or (m.type == "Place" and is_region(m.text)):
            continue
        hits = by_last.get(word, set()) | (by_first.get(word, set()) if m.type == "Person" else set())
        if len(hits) == 1:
            out[m] = next(iter(hits))
            continue
        earlier = [f for f in full_mentions if out[f] in hits and f.start < m.start] if hits else []
        if earlier:
            # the one named most often so far ("Ahmed Mohamed" over his father "Mohamed El-Hassan
            # Mohamed", named once), else the one named last; a name that opens with a given name
            # before one that does not ("Donald Trump" before "Los Hijos de Trump", a play)
            named = Counter(out[f] for f in earlier)
            out[m] = out[max(earlier, key=lambda f: (is_given_name(strip_title(f.text).split()[0]), named[out[f]], f.start))]


def _organisation_names(mentions: list[Mention], out: dict[Mention, str], context: _Context) -> None:
    """Acronyms given in parentheses or by initials ("U.N." -> United Nations), the name without its
    kind ("Acme" / "Acme Inc") and shorter names that end alike ("Human Rights Council" / "United
    Nations Human Rights Council")."""
    org_names = sorted({out[m] for m in mentions if m.type == "Organization"}, key=lambda n: (-len(n), n))
    explicit = _parenthesised_acronyms(mentions, context.text, out)
    for m in mentions:
        if m.type not in ("Organization", "Place"):
            continue
        name = out[m]
        if name in explicit:
            out[m] = explicit[name]
            continue
        if m.type == "Organization":
            out[m] = _longer_organisation_name(name, m.text, org_names)


def _longer_organisation_name(name: str, text: str, org_names: list[str]) -> str:
    """The one fuller organisation name a short one stands for, else the name itself."""
    kinds = [n for n in org_names if n.startswith(name + " ") and _organisation_kind(n[len(name) + 1 :])]
    if len(kinds) == 1:
        return kinds[0]
    if " " not in name and text.replace(".", "").isupper():
        hits = [n for n in org_names if n != name and acronym(n) == name.replace(" ", "")]
        if hits:
            return min(hits, key=len)
    if len(name.split()) >= 2:
        # "Comic Corps" / "Comic Corps of Canada"
        longer = [n for n in org_names if n != name and (n.endswith(" " + name) or n.startswith(name + " of "))]
        if len(longer) == 1:
            return longer[0]
    return name


# the order matters: places first (an organisation spelt like one takes it), persons before
# organisations (a lone surname tagged ORG is the person)
_NAME_PASSES = (_place_names, _spelt_like_places, _group_singulars, _surnames, _organisation_names)


def _parenthesised_acronyms(mentions: list[Mention], text: str, names: dict[Mention, str]) -> dict[str, str]:
    """"United Nations Human Rights Council (UNHRC)" -> {"unhrc": "united nations human rights council"}."""
    found = {}
    for m in mentions:
        if m.type != "Organization":
            continue
        match = re.match(r"\s*\(\s*([A-Z][A-Za-z.&]{1,12})\s*\)", text[m.end : m.end + 20])
        if match:
            found[fold(match.group(1))] = names[m]
    # "FIRST (For Inspiration and ...)": the acronym first, its expansion in parentheses
    starts = {m.start: m for m in mentions if m.type == "Organization"}
    for m in mentions:
        if m.type == "Organization" and m.text.isupper():
            match = re.match(r"\s*\(", text[m.end : m.end + 5])
            expansion = starts.get(m.end + match.end()) if match else None
            if expansion is not None:
                found[fold(m.text)] = names[expansion]
    return found




def _numbers_folded(name: str) -> str:
    """ "Channel Four" -> "channel 4"."""
    return " ".join(NUMBER_WORDS.get(word, word) for word in fold(name).split())


def join_known_entities(graph: ArticleGraph, names_with: Callable[[str, str, str], set[str]]) -> ArticleGraph:
    """Across a corpus, one node per entity: a person the article names by surname only ("Mr Kerry",
    "Kerry") is the one person of that surname the corpus already knows ("John Kerry"), and an
    organisation named short or with its number spelled differently ("Acme" / "Acme Inc", "Channel
    Four" / "Channel 4") the one organisation the corpus has by that name; with two or more such
    candidates ("John Kerry", "Teresa Kerry"), or none, the article's own node stays.

    ``names_with(type, word, "start" | "end")`` gives the names of the corpus's entities of that type
    that begin or end with the word (kg.rdf.store.Store.names_with).
    """
    taken = {e.ref for e in graph.entities}
    entities, renamed = [], {}
    for entity in graph.entities:
        known = _known_name(entity, names_with)
        joined = Entity(slug(known), entity.type, known, tuple(sorted(set(entity.aliases) | {entity.name})),
                        entity.mentions) if known else None
        if joined is not None and joined.ref not in taken:
            renamed[entity.ref] = joined.ref
            entities.append(joined)
        else:
            entities.append(entity)
    return _renamed(graph, tuple(entities), renamed) if renamed else graph


def _known_name(entity: Entity, names_with: Callable[[str, str, str], set[str]]) -> str | None:
    """The one name the corpus knows this entity by, if it is not the article's own."""
    words = fold(entity.name).split()
    if entity.type == "Person" and len(words) == 1:
        names = {n for n in names_with("Person", entity.name, "end") if len(fold(n).split()) > 1
                 and fold(n).split()[-1] == words[0]}
    elif entity.type == "Organization" and words:
        mine = _numbers_folded(entity.name)
        names = {n for n in names_with("Organization", entity.name.split()[0], "start")
                 if fold(n) != fold(entity.name) and (_numbers_folded(n) == mine or (
                     fold(n).startswith(fold(entity.name) + " ") and _organisation_kind(fold(n).split()[-1])
                     and len(fold(n).split()) == len(words) + 1))}
    else:
        return None
    return next(iter(names)) if len(names) == 1 else None


def _renamed(graph: ArticleGraph, entities: tuple[Entity, ...], renamed: dict[str, str]) -> ArticleGraph:
    """The article with its entities replaced and every reference to a renamed one following it."""

    def ref(value: str | None) -> str | None:
        return renamed.get(value, value) if value is not None else None

    return replace(
        graph, entities=entities,
        statements=tuple(replace(s, speaker=ref(s.speaker), mentions=tuple(ref(m) for m in s.mentions))
                         for s in graph.statements),
        affiliations=tuple(replace(a, person=ref(a.person), organization=ref(a.organization))
                           for a in graph.affiliations),
        actions=tuple(replace(a, agent=ref(a.agent), object=ref(a.object)) for a in graph.actions))
