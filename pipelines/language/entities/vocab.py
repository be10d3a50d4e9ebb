"""Small word lists from `seeds/entity_*.csv`, loaded once."""
from __future__ import annotations

import functools

from ..seeds import read_seed
from .catalog import Key, PhraseIndex, words

# Lower-case words allowed inside a capitalised name ("Kementerian Hukum dan HAM").
CONNECTORS = frozenset({"dan", "and", "of", "the", "&", "untuk", "for", "de", "du", "bin", "binti"})
# Word beginnings of office titles and ministries ("Kemenkeu", "Menkopolhukam", "Kapolres").
OFFICE_PREFIXES = ("Kemen", "Menko", "Mensesneg", "Wamen", "Kapol", "Wakapol", "Kadiv", "Dirjen")
ROMAN = frozenset({"I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII"})


@functools.cache
def honorifics() -> dict[Key, str]:
    return PhraseIndex({words(row["honorific"]): row["honorific"] for row in read_seed("entity_honorifics")})


@functools.cache
def non_names() -> frozenset[str]:
    return frozenset(row["word"] for row in read_seed("entity_non_names"))


@functools.cache
def org_words() -> frozenset[str]:
    return frozenset(row["word"] for row in read_seed("entity_org_words"))


@functools.cache
def place_patterns() -> dict[Key, str]:
    return PhraseIndex({words(row["head"]): row["feature_type"] for row in read_seed("place_patterns")})


@functools.cache
def office_words() -> frozenset[str]:
    """Common words of office and body names (seeds/entity_title_words.csv)."""
    return frozenset(row["word"] for row in read_seed("entity_title_words"))
