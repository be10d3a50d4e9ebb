"""Small word lists from `seeds/entity_*.csv`, loaded once."""
from __future__ import annotations

import functools

from ..seeds import read_seed
from .catalog import Key, WordTupleIndex, words

# Lower-case words allowed inside a capitalised name ("Kementerian Hukum dan HAM").
CONNECTORS = frozenset({"dan", "and", "of", "the", "&", "untuk", "for", "de", "du", "bin", "binti"})
# Word beginnings of office titles and ministries ("Kemenkeu", "Menkopolhukam", "Kapolres").
OFFICE_PREFIXES = ("Kemen", "Menko", "Mensesneg", "Wamen", "Kapol", "Wakapol", "Kadiv", "Dirjen")
ROMAN = frozenset({"I", "II", "III", "IV", "V", "VI", "VII", "VIII", "IX", "X", "XI", "XII"})


@functools.cache
def honorifics() -> dict[Key, str]:
    return WordTupleIndex({words(row["honorific"]): row["honorific"] for row in read_seed("entity_honorifics")})


@functools.cache
def non_names() -> frozenset[str]:
    return frozenset(row["word"] for row in read_seed("entity_non_names"))


@functools.cache
def org_words() -> frozenset[str]:
    return frozenset(row["word"] for row in read_seed("entity_org_words"))


@functools.cache
def place_patterns() -> dict[Key, str]:
    return WordTupleIndex({words(row["head"]): row["feature_type"] for row in read_seed("place_patterns")})


@functools.cache
def office_words() -> frozenset[str]:
    """Common words of office and body names (seeds/entity_title_words.csv)."""
    return frozenset(row["word"] for row in read_seed("entity_title_words"))


@functools.cache
def speech_verbs() -> frozenset[str]:
    """Verbs that attribute speech (seeds/entity_speech_verbs.csv)."""
    return frozenset(row["word"] for row in read_seed("entity_speech_verbs"))


@functools.cache
def speaker_words(position: str) -> frozenset[str]:
    """Words before a bare speaker's name or between it and its verb (seeds/entity_speaker_words.csv)."""
    return frozenset(row["word"] for row in read_seed("entity_speaker_words") if row["position"] == position)


@functools.cache
def reference_words(refers_to: str) -> frozenset[str]:
    """Pronouns and -nya quoting verbs (seeds/entity_reference_words.csv)."""
    return frozenset(row["word"] for row in read_seed("entity_reference_words") if row["refers_to"] == refers_to)


@functools.cache
def pair_nouns() -> dict[str, str]:
    """'kedua <noun>' -> kind of the two referents (seeds/entity_pair_nouns.csv)."""
    return {row["noun"]: row["kind"] for row in read_seed("entity_pair_nouns")}


@functools.cache
def place_words(kind: str) -> frozenset[str]:
    """Location prepositions and place nouns (seeds/entity_place_words.csv)."""
    return frozenset(row["word"] for row in read_seed("entity_place_words") if row["kind"] == kind)


@functools.cache
def org_long_forms() -> dict[str, str]:
    """Organisation heads -> the head the body is named by (seeds/entity_org_long_forms.csv)."""
    return {row["head"]: row["same_as"] for row in read_seed("entity_org_long_forms")}


@functools.cache
def name_particles() -> frozenset[str]:
    """Lower-case particles inside person names (seeds/entity_name_particles.csv)."""
    return frozenset(row["word"] for row in read_seed("entity_name_particles"))


@functools.cache
def police_heads() -> dict[Key, str]:
    """Words naming a country's police before its name (seeds/entity_police_heads.csv)."""
    return WordTupleIndex({words(row["head"]): row["head"] for row in read_seed("entity_police_heads")})
