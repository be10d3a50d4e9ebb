"""The reference catalog from `seeds/`, loaded once per process and indexed by token sequence.

Everything the rules know about the world (ranks, titles, actors and their aliases, organisation
head nouns, countries, places) comes from the CSV files so analysts can extend it.
"""
from __future__ import annotations

import functools
from dataclasses import dataclass

from ..seeds import read_seed
from .records import Actor, Location
from .tokens import tokenize

Key = tuple[str, ...]


class WordTupleIndex(dict):
    """A dict keyed by word tuples that also knows every key's first word, so a lookup at a
    token that starts no key costs one set test (most tokens start none)."""

    def __init__(self, *args, **kwargs) -> None:
        super().__init__(*args, **kwargs)
        self.firsts = {key[0] for key in self if key}

    def __setitem__(self, key, value) -> None:
        if key:
            self.firsts.add(key[0])
        super().__setitem__(key, value)

    def setdefault(self, key, default=None):
        if key not in self:
            self[key] = default
        return self[key]


@dataclass(frozen=True, slots=True)
class Rank:
    full_form: str
    police_form: str | None
    service: str
    country_code: str | None


@dataclass(frozen=True, slots=True)
class Title:
    text: str
    expansion: str
    actor_id: str | None
    unique: bool
    org_head: str | None = None  # "Kapolda" heads a "Polda": "Kapolda Sumut" serves Polda Sumut


@dataclass(frozen=True, slots=True)
class OrgPattern:
    head: str
    parent_actor_id: str | None
    country_code: str | None
    place_after_head: bool
    sector: str


@dataclass(frozen=True, slots=True)
class Country:
    code: str
    name: str
    name_id: str


def words(phrase: str) -> Key:
    """The token key of a phrase, dots dropped so "Maj. Gen." and "Maj Gen" meet."""
    return tuple(t.text for t in tokenize(phrase) if t.text != ".")


class Catalog:
    """Indexes over the seeds. Keys are word tuples as written (case matters: "Polri", "CNP")."""

    def __init__(self) -> None:
        self._read_ranks_and_titles()
        self._read_countries()
        self._read_actors()
        self._read_org_patterns()
        self._read_places()
        # Words that belong to titles and organisation names rather than to a person's name:
        # they let "Sekretaris NCB Interpol Divhubinter Polri Untung" split before "Untung".
        self.institution_words: frozenset[str] = frozenset(
            w for keys in (self.titles, self.actor_names, self.org_patterns, self.place_names,
                           self.country_names)
            for key in keys for w in key)
        self.max_key = max(len(k) for k in (*self.ranks, *self.titles, *self.actor_names,
                                              *self.org_patterns, *self.place_names,
                                              *self.country_names))

    def _read_ranks_and_titles(self) -> None:
        """"AKBP", "Irjen. Pol." and "Kapolda", "Menteri Luar Negeri": seeds/ranks.csv, titles.csv."""
        self.ranks: dict[Key, Rank] = WordTupleIndex()
        for row in read_seed("ranks"):
            self.ranks[words(row["abbreviation"])] = Rank(
                row["full_form"], row["police_form"] or None, row["service"],
                row["country_code"] or None)

        self.titles: dict[Key, Title] = WordTupleIndex()
        for row in read_seed("titles"):
            self.titles[words(row["title"])] = Title(
                row["title"], row["expansion"], row["actor_id"] or None, row["unique"] == "yes",
                row.get("org_head") or None)

    def _read_countries(self) -> None:
        """Countries by code, and every name they go by ("Kamboja", "Cambodia")."""
        self.countries: dict[str, Country] = {}
        self.country_names: dict[Key, str] = WordTupleIndex()
        for row in read_seed("countries"):
            code = row["code"]
            self.countries[code] = Country(code, row["name_en"], row["name_id"])
            for name in [row["name_id"], row["name_en"], *_split(row["alt_names"])]:
                self.country_names.setdefault(words(name), code)

    def _read_actors(self) -> None:
        """Seed actors with their aliases, then every country as an actor ("ctry:KHM")."""
        self.actors: dict[str, Actor] = {}
        self.sectors: dict[str, str] = {}
        aliases: dict[str, list[str]] = {}
        for row in read_seed("actor_aliases"):
            aliases.setdefault(row["actor_id"], []).append(row["alias"])
        self.actor_names: dict[Key, tuple[str, str]] = WordTupleIndex()
        for row in read_seed("actors"):
            actor_id = row["actor_id"]
            self.actors[actor_id] = Actor(
                actor_id=actor_id, name=row["name"], actor_type=row["actor_type"],
                country_code=row["country_code"] or None,
                parent_actor_id=row["parent_actor_id"] or None,
                aliases=tuple(aliases.get(actor_id, ())), origin="seed",
                no_country_reason=row["no_country_reason"] or None)
            self.sectors[actor_id] = row["sector"]
            self.actor_names[words(row["name"])] = (actor_id, "name")
            for alias in aliases.get(actor_id, ()):
                self.actor_names.setdefault(words(alias), (actor_id, _alias_kind(alias)))
        for code, country in self.countries.items():
            self.actors[f"ctry:{code}"] = Actor(
                actor_id=f"ctry:{code}", name=country.name, actor_type="country",
                country_code=code, parent_actor_id=None,
                aliases=tuple(sorted({" ".join(k) for k, c in self.country_names.items()
                                      if c == code and " ".join(k) != country.name})),
                origin="seed", no_country_reason=None)
            self.sectors[f"ctry:{code}"] = "country"

    def _read_org_patterns(self) -> None:
        """Organisation heads a name follows ("Polda" in "Polda Metro Jaya")."""
        self.org_patterns: dict[Key, OrgPattern] = WordTupleIndex()
        for row in read_seed("org_patterns"):
            self.org_patterns[words(row["head"])] = OrgPattern(
                row["head"], row["parent_actor_id"] or None, row["country_code"] or None,
                row["place_after_head"] == "yes", row["sector"])

    def _read_places(self) -> None:
        """Seed places and their names, then every country as a place ("loc:khm")."""
        self.locations: dict[str, Location] = {}
        self.place_names: dict[Key, str] = WordTupleIndex()
        for row in read_seed("places"):
            location_id = row["location_id"]
            self.locations[location_id] = Location(
                location_id=location_id, name=row["name"], country_code=row["country_code"] or None,
                latitude=_float(row["latitude"]), longitude=_float(row["longitude"]),
                feature_type=row["feature_type"], origin="seed")
            for name in [row["name"], *_split(row["alt_names"])]:
                self.place_names.setdefault(words(name), location_id)
        for code, country in self.countries.items():
            row = next(r for r in read_seed("countries") if r["code"] == code)
            self.locations[f"loc:{code.lower()}"] = Location(
                location_id=f"loc:{code.lower()}", name=country.name, country_code=code,
                latitude=_float(row["latitude"]), longitude=_float(row["longitude"]),
                feature_type="country", origin="seed")
        self.place_names_folded = WordTupleIndex(
            {tuple(w.lower() for w in k): v for k, v in self.place_names.items()})

    def country_location_id(self, code: str) -> str:
        return f"loc:{code.lower()}"


def longest(index: WordTupleIndex, tokens, i: int, max_len: int = 8,
            fold: bool = False, keep_dot: bool = False,
            skip_commas: bool = False) -> tuple[int, object] | None:
    """Longest key of `index` starting at token i, skipping "." tokens between words.
    keep_dot takes an abbreviation's own dot into the match ("Irjen." "Maj. Gen.");
    skip_commas reads a name written as a list as one key ("Badan Meteorologi, Klimatologi, dan
    Geofisika" is the seed's "Badan Meteorologi Klimatologi dan Geofisika").
    Returns (end token index exclusive, value) or None."""
    n = len(tokens)
    if i >= n:
        return None
    first = tokens[i].text
    if (first.lower() if fold else first) not in index.firsts:
        return None
    key: list[str] = []
    best = None
    j = i
    while j < n and len(key) < max_len:
        text = tokens[j].text
        if (text == "." or skip_commas and text == ",") and key:
            j += 1
            if keep_dot and text == "." and best is not None and best[0] == j - 1:
                best = (j, best[1])  # keep the abbreviation dot inside the match
            continue
        key.append(text.lower() if fold else text)
        j += 1
        value = index.get(tuple(key))
        if value is not None:
            best = (j, value)
    return best


def _split(cell: str) -> list[str]:
    return [part.strip() for part in cell.split("|") if part.strip()]


def _float(cell: str) -> float | None:
    return float(cell) if cell else None


def _alias_kind(alias: str) -> str:
    compact = alias.replace(" ", "")
    return "acronym" if " " not in alias and sum(c.isupper() for c in compact) >= 2 else "alias"


@functools.cache
def catalog() -> Catalog:
    """The catalog, built on first use and shared by every call in the process."""
    return Catalog()
