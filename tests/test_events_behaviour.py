"""Event behaviour end to end (date tagger + actor recogniser + events) on composed text."""
from __future__ import annotations

import datetime as dt

from pipelines.language.document import analyse_document

MEETING_STORY = """Jakarta - Bareskrim Polri menggelar pertemuan dengan Kepolisian Vietnam untuk membahas jaringan penipuan daring lintas negara. Pertemuan tersebut berlangsung di Hanoi pada 3–5 Maret 2025.
Delegasi Bareskrim dipimpin oleh Komjen Wahyu Santoso, sedangkan dari pihak Vietnam hadir Kolonel Nguyen Van Thanh.
1. Pertemuan Digelar di Dua Kota
Hasil pertemuan ini adalah kesepakatan Bareskrim dan Kepolisian Vietnam untuk bertukar informasi intelijen.
"Kami sepakat mempercepat pertukaran data penumpang," kata Karo Penmas Divisi Humas Polri, Brigjen Ardi Nugroho, Kamis, 6 Maret 2025.
Baca juga:
Dua Buronan Penipuan Asal Indonesia Ditangkap di Pattaya
"Kerja sama ini penting bagi kedua negara," ujar Ardi."""

ARREST_STORY = """Medan - Polda Sumut menangkap tiga tersangka perekrut pekerja migran nonprosedural, yakni BS (45), LK (33) dan TR (28), di Deli Serdang pada Senin (19/5/2025).
Kabid Humas Polda Sumut Kombes Hadi Prasetyo, Selasa (20/5/2025), mengatakan para tersangka merekrut 12 warga untuk bekerja di perusahaan judi daring di Myawaddy, Myanmar.
Penangkapan itu bermula dari laporan keluarga korban.
"Kami masih memburu satu pelaku lain," ujarnya."""

RESCUE_STORY = """Sebanyak 25 WNI korban perdagangan orang diselamatkan dari sebuah kompleks di Shwe Kokko, Myanmar, pada 2 Februari 2025. Mereka dipulangkan ke Indonesia melalui Bandara Soekarno-Hatta pada 10 Februari 2025.
Sementara itu, otoritas Malaysia mendeportasi 40 pekerja migran Indonesia melalui Pelabuhan Dumai pada 12 Februari 2025."""

COURT_STORY = """Surabaya - Pengadilan Negeri Surabaya menjatuhkan vonis 6 tahun penjara kepada terdakwa perekrut TPPO, WN (52), pada Kamis (15/5/2025). Putusan dibacakan dalam sidang yang dipimpin Ketua majelis hakim Ratna Dewi.
Sidang sebelumnya digelar pada 2 Mei 2025 dengan agenda pembacaan tuntutan."""

DEATH_STORY = "Baru-baru ini, seorang pekerja asal Indramayu dilaporkan meninggal dunia di Sihanoukville, Kamboja."


def _events(text: str, anchor: dt.date, event_type: str | None = None):
    analysis = analyse_document(text, anchor)
    events = [e for e in analysis.events if event_type in (None, e.event_type)]
    return analysis, events


def _names(analysis, event) -> set[str]:
    """Every name the recogniser knows for the event's participants, lowercased."""
    names = set()
    for p in event.participants:
        actor = analysis.actors.actors[p.actor_id]
        names |= {actor.name.lower(), *(a.lower() for a in actor.aliases)}
        names |= {m.surface.lower() for m in analysis.actors.mentions if m.actor_id == p.actor_id}
    return names


def _place_names(analysis, event) -> set[str]:
    return {analysis.actors.locations[p.location_id].name.lower() for p in event.locations}


def test_meeting_and_its_later_references_are_one_event():
    analysis, meetings = _events(MEETING_STORY, dt.date(2025, 3, 7), "meeting")
    assert len(meetings) == 1
    meeting = meetings[0]
    assert (meeting.date_start, meeting.date_end) == (dt.date(2025, 3, 3), dt.date(2025, 3, 5))
    assert "hanoi" in _place_names(analysis, meeting)
    names = _names(analysis, meeting)
    assert {"wahyu santoso", "nguyen van thanh"} <= names
    # "menggelar pertemuan dengan Kepolisian Vietnam": the subject and "dengan" are the two
    # sides; the delegation's head ("dipimpin oleh") acts for his side
    roles = {analysis.actors.actors[p.actor_id].name: p.role for p in meeting.participants}
    assert roles["Kepolisian Vietnam"] == "partner"
    assert roles["Wahyu Santoso"] == "agent"
    assert roles["Ardi Nugroho"] not in ("agent", "partner", "host")


def test_agreement_reached_at_the_meeting_takes_its_dates_and_intelligence_code():
    analysis, agreements = _events(MEETING_STORY, dt.date(2025, 3, 7), "agreement")
    assert len(agreements) == 1
    agreement = agreements[0]
    assert (agreement.date_start, agreement.date_end) == (dt.date(2025, 3, 3), dt.date(2025, 3, 5))
    assert agreement.cameo_code == "0314"
    assert "bareskrim" in _names(analysis, agreement)


def test_statements_coalesce_per_speaker_and_take_the_attribution_date():
    analysis, statements = _events(MEETING_STORY, dt.date(2025, 3, 7), "statement")
    assert len(statements) == 1
    statement = statements[0]
    assert statement.date_start == statement.date_end == dt.date(2025, 3, 6)
    speaker = statement.participants[0]
    assert speaker.role == "speaker"
    assert analysis.actors.actors[speaker.actor_id].name == "Ardi Nugroho"
    assert speaker.rank and "Jenderal" in speaker.rank
    assert speaker.title


def test_link_headlines_and_list_headings_create_no_events():
    analysis, events = _events(MEETING_STORY, dt.date(2025, 3, 7))
    assert not [e for e in events if e.event_type == "arrest"]
    heading = MEETING_STORY.index("1. Pertemuan Digelar")
    assert all(not (e.start <= heading < e.end) for e in events)


def test_arrest_with_suspects_by_initials_and_a_dated_statement():
    analysis, events = _events(ARREST_STORY, dt.date(2025, 5, 21))
    arrests = [e for e in events if e.event_type == "arrest"]
    assert len(arrests) == 1
    arrest = arrests[0]
    assert arrest.date_start == arrest.date_end == dt.date(2025, 5, 19)
    assert arrest.cameo_code == "173"
    suspects = {analysis.actors.actors[p.actor_id].name for p in arrest.participants if p.role == "suspect"}
    assert {"BS", "LK", "TR"} <= suspects
    statements = [e for e in events if e.event_type == "statement"]
    assert [(e.date_start, e.participants[0].role) for e in statements] == [(dt.date(2025, 5, 20), "speaker")]
    assert analysis.actors.actors[statements[0].participants[0].actor_id].name == "Hadi Prasetyo"


def test_rescue_repatriation_and_deportation_get_their_own_dates():
    analysis, events = _events(RESCUE_STORY, dt.date(2025, 2, 14))
    got = {(e.event_type, e.date_start) for e in events}
    assert ("rescue", dt.date(2025, 2, 2)) in got
    assert ("repatriation", dt.date(2025, 2, 10)) in got
    assert ("deportation", dt.date(2025, 2, 12)) in got
    rescue = next(e for e in events if e.event_type == "rescue")
    assert "shwe kokko" in _place_names(analysis, rescue)


def test_sentencing_names_the_judge_and_an_earlier_hearing_is_a_trial():
    analysis, events = _events(COURT_STORY, dt.date(2025, 5, 16))
    sentencing = [e for e in events if e.event_type == "sentencing"]
    assert [(e.date_start, e.date_end) for e in sentencing] == [(dt.date(2025, 5, 15), dt.date(2025, 5, 15))]
    roles = {analysis.actors.actors[p.actor_id].name: p.role for p in sentencing[0].participants}
    assert roles.get("Ratna Dewi") == "judge"
    assert roles.get("WN") == "suspect"
    trials = [e for e in events if e.event_type == "trial"]
    assert [e.date_start for e in trials] == [dt.date(2025, 5, 2)]


def test_a_vague_date_makes_a_vague_death():
    analysis, events = _events(DEATH_STORY, dt.date(2025, 6, 1))
    assert [(e.event_type, e.date_start, e.date_end, e.date_precision) for e in events] == [
        ("death", None, None, "vague")]
    assert events[0].date_mention is not None and events[0].date_mention.kind == "vague"


def test_every_offset_slices_back_into_the_text():
    for story in (MEETING_STORY, ARREST_STORY, RESCUE_STORY, COURT_STORY, DEATH_STORY):
        analysis, events = _events(story, dt.date(2025, 6, 1))
        assert events
        surfaces = {(m.actor_id, m.start, m.end): m.surface for m in analysis.actors.mentions}
        places = {(p.location_id, p.start, p.end): p.surface for p in analysis.actors.places}
        for event in events:
            assert story[event.start:event.end] == event.summary
            assert story[event.trigger_start:event.trigger_end] == event.trigger
            assert event.start <= event.trigger_start < event.trigger_end <= event.end
            for p in event.participants:
                assert story[p.start:p.end] == surfaces[(p.actor_id, p.start, p.end)]
            for place in event.locations:
                assert story[place.start:place.end] == places[(place.location_id, place.start, place.end)]


def test_what_could_happen_is_not_an_event():
    text = ("Polri dan PDRM sepakat bertukar data, kata Budi. \"Dengan begitu, WNI yang menjadi korban dapat "
            "segera dipulangkan dan bisa lebih cepat diselamatkan,\" kata Budi.")
    _, events = _events(text, dt.date(2025, 3, 8))
    types = {e.event_type for e in events}
    assert not types & {"rescue", "repatriation"}


def test_a_rescue_that_happened_is_still_an_event():
    text = "Polisi Kamboja menyelamatkan 12 WNI dari sebuah kompleks di Bavet pada Kamis (17/4/2025)."
    _, rescues = _events(text, dt.date(2025, 4, 18), "rescue")
    assert [(e.date_start, e.date_end) for e in rescues] == [(dt.date(2025, 4, 17), dt.date(2025, 4, 17))]


def _only(text: str, event_type: str, anchor=dt.date(2025, 4, 16)):
    found = [e for e in analyse_document(text, anchor).events if e.event_type == event_type]
    assert len(found) == 1, found
    return found[0]


def test_a_reported_meeting_is_asserted_and_consults():
    event = _only("Kapolri bertemu Kepala Kepolisian Kamboja di Phnom Penh pada Senin (14/4/2025).", "meeting")
    assert (event.modality, event.plover_type) == ("asserted", "CONSULT")


def test_a_planned_signing_with_its_own_date_is_planned():
    event = _only("Polri dan CNP dijadwalkan menandatangani nota kesepahaman pada Senin (14/4/2025).", "agreement")
    assert event.modality == "planned"


def test_a_hypothetical_meeting_with_a_date_is_hypothetical():
    event = _only("Jika bertemu pada Senin (14/4/2025), kedua kepala polisi membahas ekstradisi.", "meeting")
    assert event.modality == "hypothetical"


def test_a_later_assertion_makes_a_planned_meeting_asserted():
    text = ("Kapolri akan bertemu Kepala CNP pada Senin (14/4/2025). "
            "Pertemuan itu akhirnya digelar di Phnom Penh pada Senin (14/4/2025).")
    assert _only(text, "meeting").modality == "asserted"
