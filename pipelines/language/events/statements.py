"""Reported speech: "..., kata Untung", "Untung mengatakan ...", "ujarnya".

A statement is a speech verb outside quotation marks with an actor as its speaker. Its
date is a date mention in the attribution itself ("..., kata Untung, Senin, 14 April
2025"); dates elsewhere in the sentence belong to what was said.
"""
from __future__ import annotations

import re
from dataclasses import dataclass
from typing import Any, Sequence

from pipelines.language.events.cues import lexicon
from pipelines.language.events.tokens import Tokens

_QUOTE_CHARS = '"“”'
_AFTER_WINDOW = 95       # verb → speaker mention start ("kata Sekretaris NCB ..., Brigjen Untung")
_BEFORE_WINDOW = 160     # speaker mention end → verb ("Direktur ..., Judha Nugraha, mengatakan")
_DATE_AFTER_SPEAKER = 130  # "..., Brigjen Untung Widyatmoko, Senin, 14 April 2025"
_SPEAKER_TYPES = ("person", "organization")
# "kata dia", "menurut ia": a pronoun speaker is the one quoted before.
_PRONOUN_AFTER = re.compile(r"\s+(?:dia|ia|beliau)(?![\w-])", re.IGNORECASE)
_PRONOUN_BEFORE = re.compile(r"(?:^|[,.;]\s*|\s)(?:ia|dia|beliau)(?:\s+(?:juga|pun|kembali|lalu|pun))?\s*$",
                             re.IGNORECASE)


@dataclass(frozen=True, slots=True)
class Statement:
    verb_start: int
    verb_end: int
    verb: str
    speaker: Any | None          # the ActorMention naming the speaker, None for "ujarnya"
    refers_to_last_speaker: bool  # "-nya": the speaker is the one quoted before
    date: Any | None              # the DateMention in the attribution
    attribution: tuple[int, int]  # span covering verb, speaker and their date


_QUOTE = re.compile('["“”]')


def quoted_spans(text: str, start: int, end: int) -> list[tuple[int, int]]:
    """Spans inside quotation marks in text[start:end].

    A straight quote opens when it starts a word and closes when it ends one, so a quote
    that began in an earlier sentence ('dua," kata Galih') closes a span from the start;
    an unclosed quote runs to the end."""
    spans, open_at = [], None
    for match in _QUOTE.finditer(text, start, end):
        ch, i = match.group(), match.start()
        if ch == '"':
            before = text[i - 1] if i > start else " "
            opening = before.isspace() or before in "([{—–-"
        else:
            opening = ch == "“"
        if opening:
            if open_at is None:
                open_at = i
        elif open_at is not None:
            spans.append((open_at, i + 1))
            open_at = None
        else:
            spans.append((start, i + 1))
    if open_at is not None:
        spans.append((open_at, end))
    return spans


def _inside(position: int, spans: Sequence[tuple[int, int]]) -> bool:
    return any(a <= position < b for a, b in spans)


def _actor_type(mention: Any, actor_types: dict[str, str]) -> str:
    return actor_types.get(mention.actor_id, "")


def _speaker_after(verb_end: int, end: int, mentions: Sequence[Any], actor_types: dict[str, str],
                   quotes: Sequence[tuple[int, int]]) -> Any | None:
    window = [m for m in mentions if verb_end <= m.start <= verb_end + _AFTER_WINDOW and m.start < end
              and not _inside(m.start, quotes) and _actor_type(m, actor_types) in _SPEAKER_TYPES]
    persons = [m for m in window if _actor_type(m, actor_types) == "person"]
    pool = persons or window
    return min(pool, key=lambda m: m.start) if pool else None


def _speaker_before(verb_start: int, start: int, mentions: Sequence[Any], actor_types: dict[str, str],
                    quotes: Sequence[tuple[int, int]]) -> Any | None:
    floor = max([start] + [b for a, b in quotes if b <= verb_start])
    window = [m for m in mentions if floor <= m.start and m.end <= verb_start
              and verb_start - m.end <= _BEFORE_WINDOW and _actor_type(m, actor_types) in _SPEAKER_TYPES]
    persons = [m for m in window if _actor_type(m, actor_types) == "person"]
    pool = persons or window
    return max(pool, key=lambda m: m.end) if pool else None


def _find_speaker(match: "_Match", side: str, start: int, end: int, preceding: str, has_quote: bool,
                  mentions: Sequence[Any], actor_types: dict[str, str],
                  quotes: Sequence[tuple[int, int]]) -> Any | None:
    speaker = None
    if side in ("before", "either"):
        speaker = _speaker_before(match.start(), start, mentions, actor_types, quotes)
    if speaker is None and side in ("after", "either"):
        # "lanjut", "jelas", "kata" are ordinary words too: as attributions they follow
        # a quote or a comma, or open the sentence ("Menurut ..."). A verb like "menyebut"
        # whose subject is no actor ("Polisi menyebut ... FH") has no speaker after it.
        stripped = preceding.rstrip()
        if stripped and stripped[-1] not in ",\"”'’" and not (side == "after" and has_quote):
            return None
        speaker = _speaker_after(match.end(), end, mentions, actor_types, quotes)
    return speaker


@dataclass(frozen=True, slots=True)
class _Match:
    """A speech verb found in the text (the shape of a regex match, for the helpers)."""

    begin: int
    finish: int
    surface: str

    def start(self) -> int:
        return self.begin

    def end(self) -> int:
        return self.finish

    def group(self) -> str:
        return self.surface


def find_statement(text: str, tokens: Tokens, start: int, end: int, mentions: Sequence[Any], dates: Sequence[Any],
                   actor_types: dict[str, str]) -> Statement | None:
    """The statement attributed in text[start:end], if any (the first speech verb that has a speaker)."""
    verbs = lexicon().speech.find(tokens, start, end)
    if not verbs:
        return None
    quotes = quoted_spans(text, start, end)
    has_quote = bool(quotes)
    for v_start, v_end, (side, back_reference) in verbs:
        match = _Match(v_start, v_end, text[v_start:v_end])
        if _inside(match.start(), quotes):
            continue
        preceding = text[start:match.start()]
        previous_word = _LAST_WORD.search(preceding[-20:])
        if previous_word and previous_word.group(1).lower() in lexicon().modality:
            continue  # "untuk memastikan", "tidak menyebut": not an attribution
        if not back_reference and side != "before" and _PRONOUN_AFTER.match(text, match.end(), end):
            back_reference = True
        if back_reference:
            if side == "before":
                continue
            speaker = None
        else:
            speaker = _find_speaker(match, side, start, end, preceding, has_quote, mentions, actor_types, quotes)
            if speaker is None:
                if side == "after" or not _PRONOUN_BEFORE.search(preceding):
                    continue
                back_reference = True  # "Ia juga mengungkapkan ..."
        anchor_start = min(match.start(), speaker.start) if speaker else match.start()
        anchor_end = max(match.end(), speaker.end) if speaker else match.end()
        date = _attribution_date(text, match.start(), match.end(), anchor_start, anchor_end, speaker, dates, quotes)
        span_end = max(anchor_end, date.end) if date else anchor_end
        span_start = min(anchor_start, date.start) if date else anchor_start
        if all(b <= match.start() for _, b in quotes) and quotes and speaker is not None and speaker.start > match.start():
            span_end = end  # '"...," kata Rudi di Jakarta.': the tail is all attribution
        return Statement(match.start(), match.end(), match.group(), speaker, back_reference, date,
                         (span_start, span_end))
    return None


# Between the verb and a date that still belongs to the attribution: "mengatakan, Senin (14/4)".
_JUST_AFTER_VERB = re.compile(r"\s*,?\s*(?:pada\s+)?$", re.IGNORECASE)
# Around a date set off between speaker and verb: "Hadi, Selasa (20/5/2025), mengatakan".
_BEFORE_DATE = re.compile(r"[\s,]*(?:pada\s+)?$", re.IGNORECASE)
_AFTER_DATE = re.compile(r"[\s,]*$")
_LAST_WORD = re.compile(r"(\w+)\W*$")


def _attribution_date(text: str, verb_start: int, verb_end: int, anchor_start: int, anchor_end: int,
                      speaker: Any | None, dates: Sequence[Any], quotes: Sequence[tuple[int, int]]) -> Any | None:
    """The day the statement was made, when the attribution gives it.

    Only day dates qualify: "menambahkan, sepanjang Januari–Maret 2025 ..." is what was said."""
    speaker_first = speaker is not None and speaker.start < verb_start
    candidates = []
    for d in dates:
        if _inside(d.start, quotes) or d.granularity != "day" or d.date_start is None:
            continue
        if speaker_first:
            between = (speaker.end <= d.start and d.end <= verb_start
                       and _BEFORE_DATE.match(text[speaker.end:d.start]) is not None
                       and _AFTER_DATE.match(text[d.end:verb_start]) is not None)
            right_after = d.start >= verb_end and _JUST_AFTER_VERB.match(text[verb_end:d.start]) is not None
            if between or right_after:
                candidates.append(d)
        elif anchor_start <= d.start <= anchor_end + _DATE_AFTER_SPEAKER:
            candidates.append(d)
    return min(candidates, key=lambda d: d.start) if candidates else None
