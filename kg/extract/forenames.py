"""Given names and their usual gender, from the US Census name lists that the ``names`` package ships.

They tell a person from an organisation where NER hesitates ("Dean Kamen" tagged ORG) and give
"she" and "he" an antecedent when no title does ("Sophie Richardson ... she said").
"""
from __future__ import annotations

from functools import lru_cache
from importlib import resources

# a name counts as one gender's when it is this many times more frequent there than in the other list
_GENDER_RATIO = 5.0


@lru_cache(maxsize=1)
def _frequencies() -> dict[str, tuple[float, float]]:
    """Given name (lower case) -> (share among women, share among men), in percent."""
    shares: dict[str, list[float]] = {}
    for position, filename in enumerate(("dist.female.first", "dist.male.first")):
        text = resources.files("names").joinpath(filename).read_text(encoding="ascii")
        for line in text.splitlines():
            fields = line.split()
            if len(fields) >= 2:
                shares.setdefault(fields[0].lower(), [0.0, 0.0])[position] = float(fields[1])
    return {name: (f, m) for name, (f, m) in shares.items()}


def is_given_name(word: str) -> bool:
    """ "Dean", "Regina", "Alia": a common given name (case ignored)."""
    return word.lower() in _frequencies()


def gender(word: str) -> str | None:
    """ "f", "m", or None where the name is rare, unknown or given to both ("Jordan")."""
    female, male = _frequencies().get(word.lower(), (0.0, 0.0))
    if female > _GENDER_RATIO * male:
        return "f"
    if male > _GENDER_RATIO * female:
        return "m"
    return None


def is_common_given_name(word: str, *, share: float = 0.05) -> bool:
    """ "Rebecca", "Karl", "John": a given name that at least ``share`` percent of women or of men bear,
    so rarely a word ("Sun", "America", "Chase" are in the lists too)."""
    female, male = _frequencies().get(word.lower(), (0.0, 0.0))
    return max(female, male) >= share
