"""Event building blocks on hand-made date and actor records (no tagger, no recogniser)."""
from __future__ import annotations

import datetime as dt

from pipelines.language.dates.mention import DateMention
from pipelines.language.entities.records import Actor, ActorAnalysis, ActorMention, Location, PlaceMention
from pipelines.language.events import extract_events
from pipelines.language.events.dating import dates_of, governing_dates
from pipelines.language.events.lines import is_headline_like, is_link_line, reporting_mask
from pipelines.language.events.sentences import event_sentences
from pipelines.language.events.statements import quoted_spans
from pipelines.language.events.tokens import Tokens
from pipelines.language.events.triggers import find_triggers
from pipelines.language.text import sentence_spans


def _date(text: str, surface: str, start: dt.date | None, end: dt.date | None, granularity="day"):
    at = text.index(surface)
    kind = "vague" if granularity == "vague" else "absolute"
    return DateMention(at, at + len(surface), surface, start, end, granularity, kind)


def _analysis(text: str, people: dict[str, str], orgs: dict[str, str] = {}, places: dict[str, str] = {}):
    actors, mentions = {}, []
    for kind, table in (("person", people), ("organization", orgs)):
        for surface, actor_id in table.items():
            actors[actor_id] = Actor(actor_id, surface, kind, None, None, (), "text", None)
            at = text.index(surface)
            mentions.append(ActorMention(actor_id, at, at + len(surface), surface, None, None, "name"))
    locations, place_mentions = {}, []
    for surface, location_id in places.items():
        locations[location_id] = Location(location_id, surface, None, None, None, "city", "seed")
        at = text.index(surface)
        place_mentions.append(PlaceMention(location_id, at, at + len(surface), surface, False))
    return ActorAnalysis(actors, mentions, locations, place_mentions)


def test_link_and_headline_lines_are_recognised():
    assert is_link_line("Baca juga: Polisi Tangkap Perekrut di Batam")
    assert is_link_line("BACA JUGA:")
    assert not is_link_line("Polisi membaca juga dokumen perjalanan para korban.")
    assert is_headline_like("3. Dua Negara Sepakat Perketat Pengawasan Perbatasan")
    assert not is_headline_like("Polisi menangkap dua perekrut di Batam.")
    assert not is_headline_like("polisi menangkap dua perekrut di batam")


def test_the_line_after_a_bare_link_marker_reports_nothing():
    text = "Polisi menangkap dua perekrut.\nBaca juga:\npolisi tangkap buronan di batam\nKorban dipulangkan."
    mask = reporting_mask(text, sentence_spans(text))
    assert mask == [True, False, False, True]


def test_each_date_goes_to_the_nearest_event_word():
    text = "Polisi menangkap RH pada Senin (7/4) dan memulangkan korban pada Rabu (9/4)."
    monday = _date(text, "Senin (7/4)", dt.date(2025, 4, 7), dt.date(2025, 4, 7))
    wednesday = _date(text, "Rabu (9/4)", dt.date(2025, 4, 9), dt.date(2025, 4, 9))
    triggers = find_triggers(text, Tokens(text), 0, len(text))
    assert [t.event_type for t in triggers] == ["arrest", "repatriation"]
    assert governing_dates([(t.start, t.end) for t in triggers], [wednesday, monday]) == [monday, wednesday]


def test_a_vague_mention_dates_nothing():
    text = "Baru-baru ini"
    assert dates_of(_date(text, text, None, dt.date(2025, 4, 14), "vague")) == (None, None, "vague")


def test_negated_and_undated_planned_events_are_dropped():
    text = "Polisi belum menangkap pelaku utama. Kedua lembaga akan menggelar pertemuan lanjutan."
    assert extract_events(text, [], _analysis(text, {})) == []


def test_a_dated_plan_is_kept_until_its_date_lies_after_the_publication():
    text = "Kedua lembaga akan menggelar pertemuan lanjutan pada 2 Juni 2025."
    dates = [_date(text, "2 Juni 2025", dt.date(2025, 6, 2), dt.date(2025, 6, 2))]
    events = extract_events(text, dates, _analysis(text, {}), anchor=dt.date(2025, 6, 3))
    assert [(e.event_type, e.date_start) for e in events] == [("meeting", dt.date(2025, 6, 2))]
    assert extract_events(text, dates, _analysis(text, {}), anchor=dt.date(2025, 5, 1)) == []


def test_quoted_spans_close_on_matching_marks_and_run_to_the_end_when_open():
    text = '"Kami siap," kata Rudi. “Belum selesai'
    spans = quoted_spans(text, 0, len(text))
    assert [text[a:b] for a, b in spans] == ['"Kami siap,"', "“Belum selesai"]


def test_a_quote_closing_a_quotation_from_an_earlier_sentence_covers_the_sentence_start():
    text = 'Semua kami tunda," kata Galih.'
    assert quoted_spans(text, 0, len(text)) == [(0, text.index(",") + 2)]


def test_police_rank_abbreviations_stay_inside_their_sentence():
    text = 'Hal itu disampaikan Kombes Pol. Yudi Permana di Batam. Polisi masih memburu pelaku.'
    assert [text[s.start:s.end] for s in event_sentences(text)] == [
        "Hal itu disampaikan Kombes Pol. Yudi Permana di Batam.", "Polisi masih memburu pelaku."]


def test_a_reference_back_takes_the_date_of_its_own_clause():
    text = ("Baru-baru ini, Kemlu melakukan pertemuan dengan otoritas Laos. "
            "Pertemuan tersebut berlangsung di Vientiane pada 2–4 Juni 2025.")
    dates = [_date(text, "Baru-baru ini", None, dt.date(2025, 6, 10), "vague"),
             _date(text, "2–4 Juni 2025", dt.date(2025, 6, 2), dt.date(2025, 6, 4))]
    analysis = _analysis(text, {}, {"Kemlu": "org:kemlu"}, {"Vientiane": "loc:vientiane"})
    events = extract_events(text, dates, analysis)
    assert len(events) == 1
    meeting = events[0]
    assert (meeting.date_start, meeting.date_end) == (dt.date(2025, 6, 2), dt.date(2025, 6, 4))
    assert [p.location_id for p in meeting.locations] == ["loc:vientiane"]
    assert meeting.summary == text[meeting.start:meeting.end]
    assert meeting.trigger == text[meeting.trigger_start:meeting.trigger_end] == "pertemuan"


def test_statement_without_its_own_date_joins_the_speakers_dated_one():
    text = ('"Kami terus memantau," kata Nadia Putri, Selasa (3/6/2025). '
            '"Semua laporan kami tindak lanjuti," ujar Nadia.')
    dates = [_date(text, "Selasa (3/6/2025)", dt.date(2025, 6, 3), dt.date(2025, 6, 3))]
    analysis = _analysis(text, {"Nadia Putri": "per:nadia-putri"})
    second = text.rindex("Nadia")
    analysis.mentions.append(ActorMention("per:nadia-putri", second, second + 5, "Nadia", None, None, "short_name"))
    events = extract_events(text, dates, analysis, anchor=dt.date(2025, 6, 5))
    assert [(e.event_type, e.date_start) for e in events] == [("statement", dt.date(2025, 6, 3))]
    assert events[0].participants[0].role == "speaker"


def test_statement_with_no_date_anywhere_takes_the_publication_date():
    text = "Nadia Putri mengatakan pemeriksaan masih berjalan."
    events = extract_events(text, [], _analysis(text, {"Nadia Putri": "per:nadia-putri"}),
                            anchor=dt.date(2025, 6, 5))
    assert [(e.event_type, e.date_start, e.date_end) for e in events] == [
        ("statement", dt.date(2025, 6, 5), dt.date(2025, 6, 5))]


def test_ordinary_uses_of_speech_words_are_not_statements():
    # "meminta" asks for something: a request by Nadia Putri, not a statement of hers
    text = "Nadia Putri meminta tindak lanjut atas laporan yang belum jelas asal-usulnya."
    events = extract_events(text, [], _analysis(text, {"Nadia Putri": "per:nadia-putri"}))
    assert [e.event_type for e in events] == ["request"]
    assert [p.actor_id for p in events[0].participants] == ["per:nadia-putri"]


def test_only_people_are_suspects_victims_or_judges():
    text = "Belum lama ini, seorang korban TPPO asal Bekasi meninggal dunia di Kamboja."
    dates = [_date(text, "Belum lama ini", None, dt.date(2025, 4, 14), "vague")]
    analysis = _analysis(text, {}, {"Kamboja": "ctry:KHM"})
    analysis.actors["ctry:KHM"] = Actor("ctry:KHM", "Kamboja", "country", "KHM", None, (), "seed", None)
    events = extract_events(text, dates, analysis)
    assert [(e.event_type, [p.role for p in e.participants]) for e in events] == [("death", ["participant"])]


def test_a_generic_word_without_a_date_of_its_own_borrows_none():
    text = ("Polri bergerak aktif menjalin kerja sama internasional. Polri menggelar pertemuan dengan "
            "CNP pada 7 April 2025.")
    dates = [_date(text, "7 April 2025", dt.date(2025, 4, 7), dt.date(2025, 4, 7))]
    analysis = _analysis(text, {}, {"Polri": "org:polri", "CNP": "org:cnp"})
    events = extract_events(text, dates, analysis)
    assert [(e.event_type, e.date_start) for e in events] == [("meeting", dt.date(2025, 4, 7))]


def test_a_statement_obtained_separately_takes_the_publication_date():
    text = ('"Kami memantau," kata Nadia Putri, Selasa (3/6/2025). '
            '"Semua aman," ujar Bima Sakti saat dihubungi terpisah.')
    dates = [_date(text, "Selasa (3/6/2025)", dt.date(2025, 6, 3), dt.date(2025, 6, 3))]
    analysis = _analysis(text, {"Nadia Putri": "per:nadia-putri", "Bima Sakti": "per:bima-sakti"})
    events = extract_events(text, dates, analysis, anchor=dt.date(2025, 6, 5))
    assert [(e.participants[0].actor_id, e.date_start) for e in events] == [
        ("per:nadia-putri", dt.date(2025, 6, 3)), ("per:bima-sakti", dt.date(2025, 6, 5))]
