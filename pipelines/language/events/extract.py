"""extract_events(): the events of one document from its sentences, dates and actors."""
from __future__ import annotations

import bisect
import re
import datetime as dt
from typing import Any, Sequence

from pipelines.language.events.coreference import Draft, EventBook
from pipelines.language.events.cues import event_class, lexicon
from pipelines.language.events.dating import (
    DerivedDate, date_source_of, day_of_event, governing_dates, is_vague, source_mention)
from pipelines.language.events.inheritance import inherit_dates, inherit_narrative_dates, settle_arrivals
from pipelines.language.events.lines import dateline_end_of, reporting_mask
from pipelines.language.events.sentences import event_sentences
from pipelines.language.events.links import (
    add_people_named_by_initials, join_court_case, join_gatherings, join_operations, share_setting)
from pipelines.language.events.model import Event
from pipelines.language.events.participants import one_per_actor, participants_for, places_for
from pipelines.language.events.roles import aliases, members_stand_aside
from pipelines.language.events.statements import find_statement
from pipelines.language.events.statements_book import StatementBook
from pipelines.language.events.topics import event_topics, topics_in
from pipelines.language.events.tokens import Tokens
from pipelines.language.events.triggers import (
    find_generic_references, find_triggers, reference_types, refine_cameo)

# A sentence with only a participation cue ("Delegasi Polri dipimpin oleh ...") adds to the
# latest gathering, when that was last mentioned at most this many characters before.
_ENRICH_REACH = 1200
_GATHERINGS = event_class("gathering") | event_class("outcome")
_CASES = event_class("case")
_CASE_ROLES = frozenset({"suspect", "victim", "judge"})


class _Sorted:
    """Items with start/end offsets, sliced by sentence with a binary search."""

    def __init__(self, items: Sequence[Any]):
        self.items = sorted(items, key=lambda item: (item.start, item.end))
        self.starts = [item.start for item in self.items]

    def within(self, start: int, end: int) -> list[Any]:
        lo = bisect.bisect_left(self.starts, start)
        hi = bisect.bisect_left(self.starts, end)
        return [item for item in self.items[lo:hi] if item.end <= end]


def _outside(items: Sequence[Any], span: tuple[int, int] | None) -> list[Any]:
    if span is None:
        return list(items)
    return [item for item in items if item.end <= span[0] or item.start >= span[1]]


def extract_events(text: str, dates: Sequence[Any], actors: Any, anchor: dt.date | None = None) -> list[Event]:
    """Events reported by `text`, given its date mentions and actor analysis.

    `anchor` (optional, the publication date) dates statements that have no date of their
    own and no press event to borrow one from; without it the date mentions' anchor is used.
    """
    if not text:
        return []
    sentences = event_sentences(text)
    mask = reporting_mask(text, sentences)
    tokens = Tokens(text)
    actor_types = {actor_id: actor.actor_type for actor_id, actor in actors.actors.items()}
    # "vonis 6 tahun penjara", "setiap Senin": how long and how often date no event.
    dates = [d for d in dates if getattr(d, "kind", None) not in ("duration", "set")]
    mentions, date_index, place_index = _Sorted(actors.mentions), _Sorted(dates), _Sorted(actors.places)
    book, statements = EventBook(), StatementBook()
    dateline_end = dateline_end_of(text)
    known_anchor = _fallback_anchor(dates, anchor)

    lex = lexicon()
    cue_starts = [h[0] for h in tokens.hits
                  if h[2] in lex.triggers.first_words or h[2] in lex.speech.first_words
                  or h[2] in lex.coref_nouns.first_words or h[2] in lex.enrich.first_words]
    for index, span in enumerate(sentences):
        if not mask[index]:
            continue
        start, end = span.start, span.end
        at = bisect.bisect_left(cue_starts, start)
        if at == len(cue_starts) or cue_starts[at] >= end:
            continue  # no event word, speech verb, reference or role cue: nothing to do
        sentence = (start, end)
        s_mentions, s_dates = mentions.within(start, end), date_index.within(start, end)
        s_places = place_index.within(start, end)
        statement = find_statement(text, tokens, start, end, s_mentions, s_dates, actor_types)
        attribution = statement.attribution if statement else None
        if statement is not None:
            statements.add(statement, sentence, text, s_mentions, s_places, actor_types,
                           _occasion_types(text, tokens, statement.attribution))
        free_mentions = _outside(s_mentions, attribution)
        speakers = [m for m in s_mentions if m not in free_mentions]
        free_dates = [d for d in s_dates if (statement is None or d is not statement.date)
                      and d.end > dateline_end and not _TIME_ONLY.match(d.text)]
        found = _events_in_sentence(text, tokens, sentence, free_mentions, speakers, free_dates, s_places,
                                    actor_types, book, known_anchor)
        if not found and statement is None:
            _enrich_from_cues(text, tokens, sentence, free_mentions, s_places, actor_types, book)

    inherit_dates(book.drafts)
    inherit_narrative_dates(book.drafts, text)
    book.drafts = [d for d in book.drafts if d.dated or not d.tentative]
    book.drafts = settle_arrivals(book.drafts, {lid: loc.feature_type for lid, loc in actors.locations.items()})
    share_setting(book.drafts, actor_types)
    add_people_named_by_initials(book.drafts, text, mentions.items, actor_types)
    events = [draft.event for draft in book.drafts]
    events += statements.events(text, actors, known_anchor, book.drafts, _reference_day(dates, known_anchor))
    join_gatherings(events)
    join_court_case(events)
    join_operations(events, actor_types)
    document_topics = topics_in(tokens, [(s.start, s.end) for s, ok in zip(sentences, mask) if ok])
    plover = lexicon().plover
    for event in events:
        event.modality = event.modality or "asserted"
        event.plover_type = plover.get(event.event_type) or None
    for event, spans in zip(events, [d.spans for d in book.drafts] + statements.spans()):
        event.topics = event_topics(topics_in(tokens, spans), document_topics)
        event.date_source = date_source_of(event, spans)
    members_stand_aside(events, actors.actors)
    same_person = aliases(text, mentions.items, actor_types)
    if same_person:
        events = _one_actor_per_alias(events, same_person)
    events.sort(key=lambda e: (e.start, e.trigger_start))
    return events


def _events_in_sentence(text: str, tokens: Tokens, sentence: tuple[int, int], mentions: list[Any],
                        speakers: list[Any], dates: list[Any], places: list[Any], actor_types: dict[str, str],
                        book: EventBook, anchor: dt.date | None = None) -> bool:
    """Report or refer to the events named in one sentence; True if any was.

    `mentions` excludes a statement's speaker; `speakers` are the mentions in its
    attribution, who took part in any event the attribution refers back to ("kata
    Phonsavanh dalam pertemuan tersebut").
    """
    start, end = sentence
    triggers = [t for t in find_triggers(text, tokens, start, end) if t.modality not in ("negated", "topic")]
    generic = find_generic_references(text, tokens, start, end)
    if not triggers and not generic:
        return False
    dominated_by = lexicon().dominated_by
    derived, day_word = day_of_event(text, tokens, start, end, book)
    # "putusan dibacakan dalam sidang": the sidang only describes the sentencing. Across a
    # clause break the other word has a predicate of its own ("setelah penundaan itu,
    # polisi menangkap ...").
    triggers = [t for t in triggers if not any(
        d.event_type in dominated_by.get(t.event_type, ()) and _same_clause(text, d, t) for d in triggers)]
    referring = [t for t in triggers if t.refers_back or (day_word and t.start == day_word[0])]
    reporting = [t for t in triggers if t not in referring]
    # A date goes to the events a sentence reports; a reference back takes it only when
    # the sentence reports nothing new ("Pertemuan tersebut berlangsung pada 7–13 April").
    governing = dict(zip(map(id, reporting), governing_dates([(t.start, t.end) for t in reporting], dates)))
    if not reporting:
        governing = dict(zip(map(id, referring), governing_dates([(t.start, t.end) for t in referring], dates)))
    place_pairs = places_for(start, end, places)
    everyone = sorted([*mentions, *speakers], key=lambda m: m.start)

    # Who the sentence names belongs to what it reports; a reference back only collects
    # them when the sentence reports nothing new ("Pertemuan itu dihadiri ...").
    referenced: list[Draft] = []
    for trigger in referring:
        participants = [] if reporting else participants_for(
            trigger.event_type, text, tokens, start, end, everyone, actor_types, trigger=(trigger.start, trigger.end))
        types = (trigger.event_type,) + reference_types(trigger.surface)
        target = book.refer(types, sentence, governing.get(id(trigger)), participants, place_pairs)
        if target is not None:
            referenced.append(target)
            _hold(target.event, trigger.modality)   # "Pertemuan itu akhirnya digelar ..."
    for _, _, types in generic:
        target = book.latest_of(types)
        if target is not None:
            participants = [] if reporting else participants_for(
                target.event.event_type, text, tokens, start, end, everyone, actor_types)
            book.enrich(target, sentence, None, participants, place_pairs)
            referenced.append(target)
    # "Dalam penggerebekan itu, petugas menyelamatkan ...": new events of a sentence that
    # refers to a dated event happened then; "pada hari terakhir pertemuan" on its last day.
    source = next((d for d in referenced if d.dated and d.event.date_start), None)
    context = derived or (None if source is None else DerivedDate(
        source_mention(source.event.date_mention), source.event.date_start, source.event.date_end,
        source.event.date_precision))
    # "dipulangkan dan tiba di Bandara ... pada 9 Januari": the arrival dates the return.
    arrivals = {}
    for t in reporting:
        if t.completion and not is_vague(governing.get(id(t))):
            for kind in (t.event_type,) + reference_types(t.surface):
                arrivals.setdefault(kind, governing[id(t)])

    # Several words for one happening ("laporan akhir tahun yang dirilis pada Desember
    # 2023"): the event takes the most precise date any of them governs.
    sharpest: dict[str, Any] = {}
    for t in reporting:
        d = governing.get(id(t))
        if not t.completion and not is_vague(d):
            best = sharpest.get(t.event_type)
            if best is None or _width(d) < _width(best):
                sharpest[t.event_type] = d

    reported: dict[str, Draft] = {}
    for trigger in reporting:
        date = governing.get(id(trigger))
        if not trigger.completion and trigger.event_type in sharpest and not is_vague(date):
            date = sharpest[trigger.event_type]
        if trigger.completion:
            if not any(r.event_type in arrivals and not r.completion for r in reporting):
                participants = participants_for(trigger.event_type, text, tokens, start, end, mentions, actor_types,
                                                trigger=(trigger.start, trigger.end))
                target = book.refer((trigger.event_type,) + reference_types(trigger.surface), sentence, date,
                                    participants, place_pairs)
                if target is not None:
                    referenced.append(target)
                elif not is_vague(date) and not _in_future(date, anchor):
                    arrival = book.report(trigger.event_type, trigger.cameo_code,
                                          (trigger.start, trigger.end, trigger.surface), sentence, text, date,
                                          participants, place_pairs)
                    arrival.arrival_only = True
            continue
        if date is None and trigger.event_type in arrivals:
            date = arrivals[trigger.event_type]
        own_date_needed = (trigger.hypothetical or trigger.needs_own_date
                           or (trigger.descriptive and not trigger.strong))
        from_context = date is None and context is not None and not own_date_needed
        if from_context:
            date = context
        if is_vague(date) and own_date_needed:
            continue
        participants = participants_for(trigger.event_type, text, tokens, start, end, mentions, actor_types,
                                        trigger=(trigger.start, trigger.end))
        if _in_future(date, anchor):
            # "menunda sidang hingga pekan depan" has not happened: it only tells who is in
            # the case already reported.
            earlier = book.latest_of((trigger.event_type,))
            if earlier is not None:
                book.enrich(earlier, sentence, None, participants, place_pairs)
            continue
        dominant = dominated_by.get(trigger.event_type, ())
        if is_vague(date) and dominant:
            subsuming = book.latest_of(dominant)
            if subsuming is not None:
                book.enrich(subsuming, sentence, None, participants, place_pairs)
                referenced.append(subsuming)
                continue
        if trigger.event_type in reported:
            book.enrich(reported[trigger.event_type], sentence, date, participants, place_pairs)
            _hold(reported[trigger.event_type].event, trigger.modality)
            continue
        cameo = refine_cameo(trigger.event_type, trigger.cameo_code, tokens, start, end)
        draft = book.report(
            trigger.event_type, cameo, (trigger.start, trigger.end, trigger.surface), sentence, text,
            date, participants, place_pairs, tentative=is_vague(date) and not trigger.strong)
        _hold(draft.event, trigger.modality)
        if from_context and draft.elaborates is None and draft is not source:
            draft.elaborates = source if derived is None else derived.origin
        reported[trigger.event_type] = draft
    return bool(referenced or reported)


def _one_actor_per_alias(events: list[Event], same_person: dict[str, str]) -> list[Event]:
    """Events with "Jokowi" read as the "Joko Widodo (Jokowi)" the story named; two events
    that then have the same type, dates, actors and places are one ("kata Jokowi" and
    "ujar Joko Widodo" on the same day)."""
    kept: dict[tuple, Event] = {}
    for event in events:
        event.participants = one_per_actor(event.participants, same_person)
        key = (event.event_type, event.date_start, event.date_end,
               frozenset(p.actor_id for p in event.participants), frozenset(p.location_id for p in event.locations))
        kept.setdefault(key, event)
    return list(kept.values())


def _hold(event: Event, modality: str | None) -> None:
    """How the text holds an event told once or more: one asserting mention makes it
    asserted ("akan bertemu ... Pertemuan itu digelar Senin"); else the first mention's cue."""
    told = modality or "asserted"
    if event.modality is None or told == "asserted":
        event.modality = told


_CLAUSE_BREAK = re.compile(r"[,;:]|\b(?:sedangkan|sementara|yang|lalu|kemudian)\b", re.IGNORECASE)


# "pukul 10.30 WIB": a clock time dated to the publication day by default; it tells the
# hour of whatever day is being narrated, not which day.
_TIME_ONLY = re.compile(r"(?:pukul|jam)?\s*\d{1,2}[.:]\d{2}\b", re.IGNORECASE)


def _same_clause(text: str, a: Any, b: Any) -> bool:
    lo, hi = (a, b) if a.start < b.start else (b, a)
    return _CLAUSE_BREAK.search(text, lo.end, hi.start) is None


def _width(date: Any) -> dt.timedelta:
    return (date.date_end or date.date_start) - date.date_start


def _in_future(date: Any | None, anchor: dt.date | None) -> bool:
    return anchor is not None and not is_vague(date) and date.date_start > anchor


def _occasion_types(text: str, tokens: Tokens, attribution: tuple[int, int]) -> tuple[str, ...]:
    """Event types an attribution names as the occasion ("seusai sidang", "dalam pertemuan tersebut")."""
    start, end = attribution
    types: list[str] = []
    dominated_by = lexicon().dominated_by
    for trigger in find_triggers(text, tokens, start, end):
        types += [*dominated_by.get(trigger.event_type, ()), trigger.event_type, *reference_types(trigger.surface)]
    for _, _, refers_to in find_generic_references(text, tokens, start, end):
        types += refers_to
    return tuple(dict.fromkeys(types))


def _enrich_from_cues(text: str, tokens: Tokens, sentence: tuple[int, int], mentions: list[Any], places: list[Any],
                      actor_types: dict[str, str], book: EventBook) -> None:
    """A sentence naming who led or attended adds them to the gathering just reported; one
    naming suspects, victims or judges ("Kelima terdakwa, ZW (41), ...") to the case."""
    start, end = sentence
    cues = lexicon().enrich.find(tokens, start, end)
    if not cues:
        return
    kinds = _CASES if any(role in _CASE_ROLES for _, _, role in cues) else _GATHERINGS
    candidates = [d for d in book.drafts if d.event.event_type in kinds]
    target = max(candidates, key=lambda d: d.spans[-1][1], default=None)
    if target is None or start - target.spans[-1][1] > _ENRICH_REACH:
        return
    participants = participants_for(target.event.event_type, text, tokens, start, end, mentions, actor_types)
    book.enrich(target, sentence, None, participants, places_for(start, end, places))


def _reference_day(dates: Sequence[Any], anchor: dt.date | None):
    """position -> the latest single day the story narrated before it (not after the
    publication day), or None: the sentence's reference time."""
    days = sorted((d for d in dates if getattr(d, "granularity", None) == "day" and d.date_start is not None
                   and d.date_start == d.date_end and (anchor is None or d.date_start <= anchor)),
                  key=lambda d: d.end)
    ends = [d.end for d in days]

    def reference(position: int):
        at = bisect.bisect_right(ends, position)
        return days[at - 1] if at else None
    return reference


def _fallback_anchor(dates: Sequence[Any], anchor: dt.date | None) -> dt.date | None:
    if anchor is not None:
        return anchor
    anchors = [d.anchor for d in dates if getattr(d, "anchor", None) is not None]
    return max(anchors) if anchors else None
