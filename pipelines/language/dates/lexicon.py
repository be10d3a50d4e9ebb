"""Lexical data for the date tagger, read from `seeds/date_*.csv` so analysts can extend it.

Each table becomes a lookup (lower-cased surface -> value) and a regex alternation with
longer forms first, so "Januari" is tried before "Jan".
"""
from __future__ import annotations

import functools
import re
from dataclasses import dataclass

from pipelines.language.seeds import read_seed


@dataclass(frozen=True)
class Unit:
    """A unit of time as seeds/date_units.csv describes it."""

    granularity: str      # "" for hours and minutes, which count no date
    days: int | None      # hari 1, pekan 7
    months: int | None    # bulan 1, tahun 12, dekade 120
    iso: str              # ISO 8601 designator: D, W, M, Y, H
    factor: int           # dekade: written as 10 years
    clock: bool           # hours and minutes: after the T of an ISO duration

    def iso_part(self, count: int) -> str:
        """"3D", "20Y", "XH" for a count of this unit (-1, written X, for "beberapa")."""
        return f"{count * self.factor if count >= 0 else 'X'}{self.iso}"


@dataclass(frozen=True)
class DateLexicon:
    """The words of seeds/date_*.csv the grammar and the resolvers read (the event cue lists
    are `events.cues.EventLexicon`)."""

    months: dict[str, int]           # "januari" -> 1, "jan" -> 1
    month_abbreviations: frozenset[str]
    weekdays: dict[str, int]         # "senin" -> 0 ... "minggu" -> 6
    numbers: dict[str, int]          # "dua" -> 2, "ii" -> 2, "kedua" -> 2
    vague: dict[str, str]            # "baru-baru ini" -> "past"
    day_words: dict[str, int]        # "kemarin" -> -1, "tadi malam" -> -1
    parts: dict[str, str]            # "awal" -> "awal", "medio" -> "pertengahan", "ujung" -> "akhir"
    shifts: dict[str, tuple[int, str]]   # "lalu" -> (-1, "past"), "ini" -> (0, "present")
    offsets: dict[str, tuple[int, str]]  # "lalu" -> (-1, "anchor"), "kemudian" -> (1, "story")
    units: dict[str, Unit]               # "hari" -> Unit("day", 1, None, "D", 1, False)
    words: dict[str, tuple[str, ...]]    # role -> words, seeds/date_words.csv: "every" -> ("setiap", ...)
    runs_on: frozenset[str]              # words that may run on into a longer one: "Permen(kominfo)"
    zones: dict[str, str]                # "WIB" -> "+07:00", seeds/date_zones.csv

    def unit_words(self, *, calendar: bool = False, finer_than_year: bool = False, single: bool = False) -> list[str]:
        """Unit words: all, or only those a date can be counted in (`calendar`), those shorter
        than a year (the second part of "7 tahun 6 bulan"), or those written with a factor of 1."""
        return [word for word, unit in self.units.items()
                if (not calendar or unit.granularity)
                and (not finer_than_year or not (unit.months or 0) >= 12)
                and (not single or unit.factor == 1)]

    def cardinals(self) -> list[str]:
        """Number words that count ("dua", "sepuluh"), not ordinals, numerals or the "se-" prefix."""
        return [w for w in self.numbers
                if len(w) > 2 and not re.fullmatch(r"[ivx]+", w) and not w.startswith(("pertama", "ke"))]

    def shift_words(self, *directions: str) -> list[str]:
        return [w for w, (_, direction) in self.shifts.items() if not directions or direction in directions]

    def month(self, surface: str) -> int:
        return self.months[surface.lower().rstrip(".")]

    def weekday(self, surface: str) -> int:
        return self.weekdays[surface.lower()]

    def number(self, surface: str) -> int | None:
        surface = " ".join(surface.lower().split())
        if surface.isdigit():
            return int(surface)
        return self.numbers.get(surface)


def alternation(words) -> str:
    """A regex alternation of literal words, longest first so prefixes never win early."""
    return "|".join(re.escape(word) for word in sorted(set(words), key=lambda w: (-len(w), w)))


@functools.cache
def lexicon() -> DateLexicon:
    months = {row["name"].lower(): int(row["month"]) for row in read_seed("date_months")}
    abbreviations = frozenset(
        row["name"].lower() for row in read_seed("date_months") if row["abbreviation"] == "yes"
    )
    weekdays = {row["name"].lower(): int(row["weekday"]) for row in read_seed("date_weekdays")}
    numbers = {row["word"].lower(): int(row["value"]) for row in read_seed("date_numbers")}
    vague = {row["phrase"].lower(): row["sense"] for row in read_seed("date_vague")}
    day_words = {" ".join(row["phrase"].lower().split()): int(row["days"]) for row in read_seed("date_day_words")}
    parts = {row["part"].lower(): (row["same_as"] or row["part"]).lower() for row in read_seed("date_parts")}
    shifts = {row["word"].lower(): (int(row["shift"]), row["direction"]) for row in read_seed("date_shifts")}
    offsets = {row["word"].lower(): (int(row["sign"]), row["from"]) for row in read_seed("date_offsets")}
    units = {row["unit"].lower(): Unit(row["granularity"], int(row["days"]) if row["days"] else None,
                                       int(row["months"]) if row["months"] else None, row["iso"],
                                       int(row["factor"]), row["clock"] == "yes")
             for row in read_seed("date_units")}
    words: dict[str, tuple[str, ...]] = {}
    for row in read_seed("date_words"):
        words[row["role"]] = (*words.get(row["role"], ()), " ".join(row["word"].split()))
    runs_on = frozenset(row["word"] for row in read_seed("date_words") if row["runs_on"] == "yes")
    zones = {row["zone"]: row["offset"] for row in read_seed("date_zones")}
    return DateLexicon(months, abbreviations, weekdays, numbers, vague, day_words, parts, shifts, offsets, units,
                   words, runs_on, zones)
