"""Sides of a cooperation-type event read from the sentence (pipelines/language/events/roles.py).

Sentences are written for these tests; actor mentions are placed by hand so the rules are
tested apart from the entity recogniser.
"""
from __future__ import annotations

from dataclasses import dataclass

from pipelines.language.events.model import Participant
from pipelines.language.events.participants import one_per_actor
from pipelines.language.events.roles import aliases, structural_roles


@dataclass(frozen=True)
class M:
    actor_id: str
    start: int
    end: int
    surface: str
    title: str | None = None
    rank: str | None = None
    resolution: str = "name"


TYPES = {"org:polri": "organization", "org:pnp": "organization", "org:rtp": "organization",
         "org:aseanapol": "organization", "org:golkar": "organization", "org:kpk": "organization",
         "org:cnp": "organization", "ctry:THA": "country", "ctry:KHM": "country",
         "per:budi": "person", "per:idrus": "person", "per:agus": "person", "per:joko": "person",
         "per:jokowi": "person", "per:anwar": "person", "per:sokha": "person", "per:hikmah": "person"}


def roles_of(text: str, trigger: str, names: list[tuple[str, str] | tuple[str, str, str]]) -> dict[str, str]:
    """Role per actor id; names are (actor_id, surface[, title]) in order of appearance."""
    mentions, at = [], 0
    for actor_id, surface, *title in names:
        start = text.index(surface, at)
        at = start + len(surface)
        mentions.append(M(actor_id, start, at, surface, title[0] if title else None))
    t0 = text.index(trigger)
    roles = structural_roles(text, 0, len(text), (t0, t0 + len(trigger)), mentions, TYPES, {})
    return {m.actor_id: roles[m.start] for m in mentions}


def test_subject_is_agent_and_dengan_names_the_partner():
    roles = roles_of("Polri bertemu dengan RTP di Bangkok pada Senin.", "bertemu",
                     [("org:polri", "Polri"), ("org:rtp", "RTP")])
    assert roles == {"org:polri": "agent", "org:rtp": "partner"}


def test_coordinated_subjects_are_all_agents():
    roles = roles_of("Polri, PNP dan RTP menandatangani nota kesepahaman di Jakarta.", "menandatangani",
                     [("org:polri", "Polri"), ("org:pnp", "PNP"), ("org:rtp", "RTP")])
    assert set(roles.values()) == {"agent"}


def test_bersama_after_the_verb_names_a_partner_and_before_it_a_second_subject():
    roles = roles_of("Polri bertemu bersama PNP di Manila.", "bertemu", [("org:polri", "Polri"), ("org:pnp", "PNP")])
    assert roles == {"org:polri": "agent", "org:pnp": "partner"}
    # before the event word "bersama" adds a subject: both sign
    roles = roles_of("Polri bersama PNP menandatangani kesepakatan baru.", "menandatangani",
                     [("org:polri", "Polri"), ("org:pnp", "PNP")])
    assert roles == {"org:polri": "agent", "org:pnp": "agent"}


def test_whoever_receives_a_visit_is_host():
    roles = roles_of("Kepala PNP menerima kunjungan delegasi Polri di Manila.", "menerima kunjungan",
                     [("org:pnp", "PNP"), ("org:polri", "Polri")])
    assert roles == {"org:pnp": "host", "org:polri": "agent"}


def test_framework_and_commentator_are_no_parties():
    text = ("Menurut pengamat Hikmah Sari, Polri bekerja sama dengan RTP di bawah kerangka ASEANAPOL "
            "untuk memburu pelaku.")
    roles = roles_of(text, "bekerja sama", [("per:hikmah", "Hikmah Sari"), ("org:polri", "Polri"),
                                           ("org:rtp", "RTP"), ("org:aseanapol", "ASEANAPOL")])
    assert roles == {"per:hikmah": "mentioned", "org:polri": "agent", "org:rtp": "partner",
                     "org:aseanapol": "framework"}


def test_country_named_in_passing_is_only_mentioned():
    text = "Polri bertemu dengan CNP di Phnom Penh untuk membahas korban asal Thailand."
    roles = roles_of(text, "bertemu", [("org:polri", "Polri"), ("org:cnp", "CNP"), ("ctry:THA", "Thailand")])
    assert roles == {"org:polri": "agent", "org:cnp": "partner", "ctry:THA": "mentioned"}


def test_body_in_an_officers_title_is_not_a_party():
    text = "Sekjen Golkar Idrus Marham bertemu Ketua KPK Agus Rahardjo di Jakarta."
    roles = roles_of(text, "bertemu", [("org:golkar", "Golkar"), ("per:idrus", "Idrus Marham", "Sekjen Golkar"),
                                       ("org:kpk", "KPK"), ("per:agus", "Agus Rahardjo", "Ketua KPK")])
    assert roles == {"org:golkar": "mentioned", "per:idrus": "agent", "org:kpk": "mentioned",
                     "per:agus": "partner"}


def test_appositive_body_after_a_name_is_not_a_party():
    text = "Agus Rahardjo, Ketua KPK, menemui Budi Santoso di Jakarta."
    roles = roles_of(text, "menemui", [("per:agus", "Agus Rahardjo"), ("org:kpk", "KPK"),
                                       ("per:budi", "Budi Santoso")])
    assert roles["org:kpk"] == "mentioned"
    assert roles["per:budi"] == "partner"


def test_cue_reaches_past_the_body_in_a_title_to_the_person():
    text = "Budi Santoso bertemu dengan Kepala Kepolisian Nasional Kamboja Jenderal Sokha Lim di Phnom Penh."
    roles = roles_of(text, "bertemu", [("per:budi", "Budi Santoso"), ("org:cnp", "Kepolisian Nasional Kamboja"),
                                       ("per:sokha", "Sokha Lim", "Kepala Kepolisian Nasional Kamboja Jenderal")])
    assert roles == {"per:budi": "agent", "org:cnp": "mentioned", "per:sokha": "partner"}


def test_clause_break_keeps_an_earlier_actor_out_of_the_subject():
    text = "Thailand menolak tuduhan itu, sedangkan Polri bertemu dengan CNP di Phnom Penh."
    roles = roles_of(text, "bertemu", [("ctry:THA", "Thailand"), ("org:polri", "Polri"), ("org:cnp", "CNP")])
    assert roles == {"ctry:THA": "mentioned", "org:polri": "agent", "org:cnp": "partner"}


def test_name_and_its_short_form_in_brackets_are_one_person():
    text = "Presiden Joko Widodo (Jokowi) menerima kunjungan Perdana Menteri Anwar Ibrahim."
    a, b, c = text.index("Joko Widodo"), text.index("(Jokowi)"), text.index("Anwar Ibrahim")
    mentions = [M("per:joko", a, a + 11, "Joko Widodo"), M("per:jokowi", b, b + 8, "(Jokowi)"),
                M("per:anwar", c, c + 13, "Anwar Ibrahim")]
    same = aliases(text, mentions, TYPES)
    assert same == {"per:jokowi": "per:joko"}
    t0 = text.index("menerima kunjungan")
    roles = structural_roles(text, 0, len(text), (t0, t0 + 18), mentions, TYPES, {})
    parts = one_per_actor([Participant(m.actor_id, roles[m.start], None, None, m.start, m.end) for m in mentions],
                          same)
    assert [(p.actor_id, p.role) for p in parts] == [("per:joko", "host"), ("per:anwar", "agent")]


def test_two_different_people_listed_are_no_aliases():
    text = "Joko Widodo dan Anwar Ibrahim bertemu di Bogor."
    a, c = text.index("Joko Widodo"), text.index("Anwar Ibrahim")
    mentions = [M("per:joko", a, a + 11, "Joko Widodo"), M("per:anwar", c, c + 13, "Anwar Ibrahim")]
    assert aliases(text, mentions, TYPES) == {}


def test_actor_a_cue_sets_aside_is_not_the_subject():
    text = "Pansus DPR untuk KPK menggelar rapat dengan Polri di Jakarta."
    types = {**TYPES, "org:dpr": "organization"}
    mentions, at = [], 0
    for actor_id, surface in [("org:dpr", "DPR"), ("org:kpk", "KPK"), ("org:polri", "Polri")]:
        start = text.index(surface, at)
        at = start + len(surface)
        mentions.append(M(actor_id, start, at, surface))
    t0 = text.index("rapat")
    roles = structural_roles(text, 0, len(text), (t0, t0 + 5), mentions, types, {})
    assert [roles[m.start] for m in mentions] == ["agent", "mentioned", "partner"]


def test_subject_of_another_verb_is_no_party_of_the_event():
    roles = roles_of("TNI dan Polri mengamankan kunjungan Raja Malaysia ke Jakarta.", "kunjungan",
                     [("org:rtp", "TNI"), ("org:polri", "Polri")])
    assert set(roles.values()) == {"mentioned"}
    # a support verb carries the event word: the subject stays its agent
    roles = roles_of("Polri menggelar pertemuan dengan RTP di Bangkok.", "pertemuan",
                     [("org:polri", "Polri"), ("org:rtp", "RTP")])
    assert roles == {"org:polri": "agent", "org:rtp": "partner"}


def test_news_agency_in_the_dateline_is_not_the_subject():
    roles = roles_of("Jakarta (Kantor Berita) - Kunjungan PNP ke Jakarta berlangsung Senin.", "Kunjungan",
                     [("org:kpk", "Kantor Berita"), ("org:pnp", "PNP")])
    assert roles == {"org:kpk": "mentioned", "org:pnp": "agent"}


def test_opponents_and_national_teams_are_no_parties():
    roles = roles_of("Pertemuan antara Timnas Indonesia dan Kamboja berakhir 2-0.", "Pertemuan",
                     [("ctry:THA", "Indonesia"), ("ctry:KHM", "Kamboja")])
    assert roles["ctry:THA"] == "mentioned"


def test_words_that_only_look_like_verbs_keep_the_subject():
    roles = roles_of("Polri dan RTP dalam pertemuan tersebut sepakat bertukar data.", "sepakat",
                     [("org:polri", "Polri"), ("org:rtp", "RTP")])
    assert roles == {"org:polri": "agent", "org:rtp": "agent"}


def test_officer_of_a_body_that_is_a_party_is_not_a_second_party():
    from types import SimpleNamespace as NS

    from pipelines.language.events.model import Event
    from pipelines.language.events.roles import members_stand_aside
    event = Event("meeting", "040", None, None, "vague", None, "", 0, 0, "rapat", 0, 5, participants=[
        Participant("org:golkar", "agent", None, None, 0, 6),
        Participant("per:idrus", "agent", None, "Sekjen Golkar", 40, 52),
        Participant("per:agus", "partner", None, "Ketua KPK", 60, 70)])
    actors = {"org:golkar": NS(actor_type="organization", name="Partai Golongan Karya", aliases=("Golkar",)),
              "per:idrus": NS(actor_type="person", name="Idrus Marham", aliases=()),
              "per:agus": NS(actor_type="person", name="Agus Rahardjo", aliases=())}
    members_stand_aside([event], actors)
    assert [(p.actor_id, p.role) for p in event.participants] == [
        ("org:golkar", "agent"), ("per:idrus", "mentioned"), ("per:agus", "partner")]


def test_event_noun_in_a_phrase_of_another_predicate_has_no_subject_there():
    text = "Perdana Menteri Anwar Ibrahim menemui pimpinan PNP dan RTP dalam lawatannya ke Manila."
    roles = roles_of(text, "lawatannya", [("per:anwar", "Anwar Ibrahim"), ("org:pnp", "PNP"), ("org:rtp", "RTP")])
    assert roles["org:pnp"] != "agent" and roles["org:rtp"] != "agent"


def test_one_body_after_a_meeting_noun_holds_the_meeting():
    text = "Kedua menteri menegaskan kembali sikap yang disepakati dalam pertemuan ASEANAPOL kemarin."
    mentions = [M("org:aseanapol", text.index("ASEANAPOL"), text.index("ASEANAPOL") + 9, "ASEANAPOL")]
    t0 = text.index("pertemuan")
    roles = structural_roles(text, 0, len(text), (t0, t0 + 9), mentions, TYPES, {}, "meeting")
    assert roles[mentions[0].start] == "framework"
    # two bodies listed after it are the two sides: "kerja sama Polri dan PNP"
    roles = roles_of("Pertemuan Polri dan PNP berlangsung di Manila.", "Pertemuan",
                     [("org:polri", "Polri"), ("org:pnp", "PNP")])
    assert set(roles.values()) == {"agent"}


def test_member_states_of_an_organisation_name_a_framework():
    text = "Polri bersama kepolisian negara anggota ASEANAPOL lainnya menandatangani deklarasi bersama."
    roles = roles_of(text, "menandatangani", [("org:polri", "Polri"), ("org:aseanapol", "ASEANAPOL")])
    assert roles == {"org:polri": "agent", "org:aseanapol": "framework"}


def test_name_inside_a_signed_documents_title_is_no_party():
    text = "Polri menandatangani Deklarasi ASEANAPOL tentang kejahatan siber, sedangkan PNP hadir."
    roles = roles_of(text, "menandatangani", [("org:polri", "Polri"), ("org:aseanapol", "ASEANAPOL")])
    assert roles == {"org:polri": "agent", "org:aseanapol": "mentioned"}
    roles = roles_of("Polri menandatangani nota kesepahaman dengan PNP di Manila.", "menandatangani",
                     [("org:polri", "Polri"), ("org:pnp", "PNP")])
    assert roles == {"org:polri": "agent", "org:pnp": "partner"}


def test_a_border_is_no_partner():
    text = "Delegasi Polri meninjau kota di perbatasan dengan Thailand dalam kunjungan itu."
    roles = roles_of(text, "kunjungan", [("org:polri", "Polri"), ("ctry:THA", "Thailand")])
    assert roles["ctry:THA"] == "mentioned"


def test_second_name_of_a_party_keeps_the_list_together():
    text = "Kepolisian Filipina (PNP) dan Kepolisian Thailand atau Royal Thai Police (RTP) bersepakat bertukar data."
    roles = roles_of(text, "bersepakat", [("org:pnp", "Kepolisian Filipina"), ("org:pnp", "PNP"),
                                          ("org:rtp", "Kepolisian Thailand"), ("org:rtp", "Royal Thai Police"),
                                          ("org:rtp", "(RTP)")])
    assert set(roles.values()) == {"agent"}
