"""The compiled date grammar: the rules of `rules.py`, tried only where a date can start.

One trigger scan finds the places a date can begin (a number past the digit gate, or a
rule's start word); there, the rules that can begin with those letters are tried as one
alternation in priority order and the first that matches wins.
"""
from __future__ import annotations

import functools
import re

from pipelines.language.dates.lexicon import DateLexicon, alternation, lexicon
from pipelines.language.dates.rules import RULES, Pieces
from pipelines.language.phrase_index import trie


class Grammar:
    """The compiled grammar.

    `trigger` finds, after a non-word character, the start of anything a rule can begin
    with (a number that passes the digit gate, or one of the rules' first words); it runs
    over the lower-cased text, or with IGNORECASE (`trigger_any_case`) when lower-casing
    changes the length. `rules_at(key)` gives, for the first two letters at such a position
    ('#' for digits and "("), the alternation of the rules that can start there, in priority
    order, so the expensive patterns only run where a date can begin. Those alternations are
    compiled on first use, so a one-line `linimasa dates` call compiles only what it needs.
    """

    def __init__(self, trigger: str, bodies: list[tuple[str, str]], firsts: dict[str, set[str]],
                 groups: dict[str, frozenset[str]]):
        self.trigger = re.compile(r"[^\w]" + trigger)
        self.trigger_any_case = re.compile(r"[^\w]" + trigger, re.IGNORECASE)
        self.at_text_start = re.compile(trigger)
        self.at_text_start_any_case = re.compile(trigger, re.IGNORECASE)
        self.groups = groups                 # rule -> its local group names
        self.by_key: dict[str, re.Pattern | None] = {}   # filled by rules_at, read directly when hot
        self._bodies = bodies
        self._firsts = firsts
        self._compiled: dict[tuple[str, ...], re.Pattern | None] = {}

    def rules_at(self, key: str) -> re.Pattern | None:
        """The rules that can start with `key` (two letters, or '#'), compiled on first use."""
        if key not in self.by_key:
            # A two-letter key also serves the one-letter start words sharing its first letter.
            wanted = {key, key[:1]} if key != "#" else {key}
            names = tuple(name for name, _ in self._bodies if wanted & self._firsts[name])
            if names not in self._compiled:
                bodies = dict(self._bodies)
                self._compiled[names] = re.compile("|".join(bodies[name] for name in names)) if names else None
            self.by_key[key] = self._compiled[names]
        return self.by_key[key]


# Start words that may run on inside a longer word ("Permenkominfo", "Q1", "H5N1").
_PREFIX_STARTS = frozenset({"permen", "kepmen", "q", "h5n", "covid"})


def _number_start(lex: DateLexicon) -> str:
    """Where a number can start a date. Most numbers in news are counts and money; a date
    starts at a year, or at a day followed by a separator, a range word, a list, a month or
    a time unit. The first character is matched outright (a digit or "(") and the rest is a
    lookahead, so the scanner's branch test stays cheap at every other position."""
    months = trie({m.lower() for m in lex.months})
    after_first_digit = (
        r"\d?\s?[/\-–—.]\s?\d"
        r"|\d?\s*(?:[-–—]|hingga|sampai|s\.\s?d|s\s?/\s?d|sd\s)"
        r"|\d?(?:\s*,\s*\d{1,2})*\s*,?\s+dan\s+\d"
        r"|\d?\s+(?:" + months + r")(?![a-z])"
        r"|\d?\d?\s+(?:" + alternation(lex.units) + r")(?![a-z])"
        r"|(?<=1)9\d\d(?!\d)|(?<=2)0\d\d(?!\d)|\d?0-an"
    )
    return r"\((?=\s*\d{1,2}\s?[/\-–—.]\s?\d)|\d(?=" + after_first_digit + ")"


def _start_words(starts: list[str], lex: DateLexicon) -> set[str]:
    expand = {
        "WD": lex.weekdays,
        "MON": lex.months,
        "PART": list(lex.parts),
        # Whole phrases where the first word alone is common ("beberapa", "dua", "saat").
        "NUM": [f"{w} {unit}" for w in lex.cardinals() for unit in lex.units],
        "VAGUE": list(lex.vague),
        "DAYWORD": list(lex.day_words),
        # Whole phrases, since "saat", "waktu" and "beberapa" alone are everywhere.
        "THEN": [f"{w} itu" for w in lex.words["then"]],
        "SOME": [f"beberapa {unit}" for unit in lex.units],
        "SE": [f"se{unit}" for unit in lex.units],                 # sehari, sepekan, sejam
    }
    words: set[str] = set()
    for start in starts:
        # Any other upper-case key is a role of seeds/date_words.csv ("LAW", "EVERY").
        listed = lex.words[start.lower()] if start.isupper() and start not in expand else [start]
        words.update(w.lower() for w in expand.get(start, listed))
    return words


@functools.cache
def grammar() -> Grammar:
    """The compiled grammar; built once from the seeds."""
    lex = lexicon()
    bodies, groups, firsts, all_words = [], {}, {}, set()
    pieces = Pieces(lex)
    for rule in RULES:
        name, template = rule.name, rule.pattern(pieces)
        body = template.replace("<@", f"<{name}__").replace("(?(@", f"(?({name}__")
        bodies.append((name, f"(?P<{name}>{body})"))
        groups[name] = frozenset(re.findall(r"<@(\w+)>", template))
        words = _start_words(rule.starts.split(), lex)
        all_words |= words
        firsts[name] = {w if w == "#" else w[:2] for w in words}
    all_words.discard("#")
    prefixes = {w for w in all_words if w in _PREFIX_STARTS}
    # Numbers only surface where the digit gate says a date could start there.
    trigger = (r"(?P<start>" + _number_start(lex) + "|" + trie(all_words - prefixes) + "(?![a-z])|"
               + trie(prefixes) + ")")
    return Grammar(trigger, bodies, firsts, groups)
