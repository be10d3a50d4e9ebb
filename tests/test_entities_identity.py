"""One actor per entity within a story: nicknames, initials, spelling slips, acronyms and long
forms, bare titles, units under their body, and the body a person acts for. All texts here are
composed for the tests."""
from __future__ import annotations

from pipelines.language.entities import analyse_actors
from pipelines.language.entities.identity import initials, spelling_variants


def ids_of(analysis, surface):
    return {m.actor_id for m in analysis.mentions if m.surface == surface}


def test_a_bracketed_nickname_and_its_later_use_are_the_full_name():
    analysis = analyse_actors("Presiden Joko Widodo (Jokowi) meresmikan jalan tol di Medan. "
                              "Jokowi kemudian meninjau pasar.")
    assert ids_of(analysis, "Jokowi") == {"per:joko-widodo"}
    assert "per:jokowi" not in analysis.actors
    assert "Jokowi" in analysis.actors["per:joko-widodo"].aliases
    assert {m.resolution for m in analysis.mentions if m.surface == "Jokowi"} == {"nickname"}
    assert not any(m.surface.startswith("(") for m in analysis.mentions)


def test_a_name_given_after_alias_is_the_same_person():
    analysis = analyse_actors("Polisi menahan Hery Susanto Gun alias Abun di Samarinda. "
                              "Abun mengaku menyerahkan uang itu.")
    assert ids_of(analysis, "Abun") == {"per:hery-susanto-gun"}


def test_initials_join_the_one_person_they_spell():
    analysis = analyse_actors("Tersangka Wilhelmus Iwan Ulumbu diperiksa penyidik, Selasa. "
                              "Menurut penyidik, WIU (52) menyerahkan uang kepada pejabat.")
    assert ids_of(analysis, "WIU") == {"per:wilhelmus-iwan-ulumbu"}


def test_initials_two_people_could_spell_stay_apart():
    analysis = analyse_actors("Tersangka Ahmad Rizal diperiksa bersama Agus Rahman, Selasa. "
                              "Penyidik menyebut AR (40) menerima uang.")
    assert ids_of(analysis, "AR") and not ids_of(analysis, "AR") & {"per:ahmad-rizal", "per:agus-rahman"}


def test_a_slip_in_one_word_of_a_full_name_is_the_same_person():
    assert spelling_variants("Fayakhun Andriadi", "Fayakhun Andiadi")
    assert not spelling_variants("Agus Rahardjo", "Agus Martowardojo")
    assert not spelling_variants("Budi Santoso", "Budi Santosa Putra")
    analysis = analyse_actors("KPK menahan Fayakhun Andriadi pada Rabu. Kuasa hukum Fayakhun Andiadi "
                              "menyatakan keberatan. Fayakhun membantah.")
    assert ids_of(analysis, "Fayakhun Andiadi") == {"per:fayakhun-andriadi"}
    assert ids_of(analysis, "Fayakhun") == {"per:fayakhun-andriadi"}


def test_a_long_form_written_as_a_list_meets_its_acronym():
    assert initials("Badan Meteorologi, Klimatologi, dan Geofisika") == "BMKG"
    analysis = analyse_actors("Badan Meteorologi, Klimatologi, dan Geofisika memperingatkan hujan lebat. "
                              "Menurut BMKG, hujan turun hingga Jumat.")
    assert ids_of(analysis, "BMKG") == ids_of(analysis, "Badan Meteorologi, Klimatologi, dan Geofisika") \
        == {"org:bmkg"}


def test_an_acronym_and_a_long_form_found_in_the_text_are_one_body():
    analysis = analyse_actors("Lembaga Kajian Hukum Nusantara menerbitkan laporan itu. Menurut LKHN, "
                              "korban perlu dilindungi.")
    assert ids_of(analysis, "LKHN") == ids_of(analysis, "Lembaga Kajian Hukum Nusantara") \
        == {"org:lembaga-kajian-hukum-nusantara"}
    assert "org:lkhn" not in analysis.actors
    assert "LKHN" in analysis.actors["org:lembaga-kajian-hukum-nusantara"].aliases


def test_a_bare_title_binds_to_the_one_person_named_with_it_never_the_vice():
    text = ("Presiden Joko Widodo bertemu Wakil Presiden Jusuf Kalla di Istana. "
            "Presiden mengatakan pertemuan itu penting.")
    analysis = analyse_actors(text)
    bare = [m for m in analysis.mentions if m.surface == "Presiden"]
    assert [m.actor_id for m in bare] == ["per:joko-widodo"]
    assert bare[0].resolution == "title"


def test_a_bare_title_the_story_gives_only_to_the_vice_binds_to_nobody():
    analysis = analyse_actors("Wakil Presiden Jusuf Kalla membuka acara itu. Presiden mengatakan hal itu penting.")
    assert not [m for m in analysis.mentions if m.surface == "Presiden"]
    assert set(analysis.actors) == {"per:jusuf-kalla"}


def test_two_people_with_one_title_leave_the_bare_title_unresolved():
    analysis = analyse_actors("Presiden Joko Widodo menerima Presiden Filipina Rodrigo Duterte. "
                              "Presiden mengatakan kerja sama akan diperluas.")
    assert not [m for m in analysis.mentions if m.surface == "Presiden" and m.resolution == "title"]


def test_a_unit_named_with_its_body_rolls_up_to_it():
    analysis = analyse_actors("Rapat Komisi V DPR dengan pemerintah digelar Senin.")
    unit = analysis.actors["org:komisi-v-dpr"]
    assert unit.parent_actor_id == "org:dpr"
    assert unit.country_code == "IDN"


def test_a_name_after_a_title_naming_a_body_acts_for_it():
    analysis = analyse_actors("Jaksa menghadirkan Gubernur Bank Indonesia (BI) Agus Martowardojo di pengadilan.")
    person = analysis.actors["per:agus-martowardojo"]
    assert person.affiliation_id == "org:bank-indonesia"
    assert person.country_code == "IDN"


def test_an_appositive_after_a_lower_case_head_gives_the_body():
    analysis = analyse_actors("Gugatan diajukan anggota Komisi V DPR Miryam S Haryani pekan lalu.")
    person = analysis.actors["per:miryam-s-haryani"]
    assert person.affiliation_id == "org:komisi-v-dpr"
    assert analysis.actors["org:komisi-v-dpr"].parent_actor_id == "org:dpr"


def test_a_foreign_minister_keeps_his_country_not_indonesias_ministry():
    analysis = analyse_actors("Menlu Jepang Taro Kono bertemu Menlu Retno Marsudi di Jakarta.")
    kono = analysis.actors["per:taro-kono"]
    assert kono.country_code == "JPN"
    assert kono.affiliation_id == "ctry:JPN"
    retno = analysis.actors["per:retno-marsudi"]
    assert retno.affiliation_id == "org:kemlu" and retno.country_code == "IDN"


def test_a_court_named_by_its_place_does_not_swallow_the_judge():
    analysis = analyse_actors("Hakim tunggal Pengadilan Negeri Jakarta Selatan Asiadi Sembiring menolak gugatan itu.")
    assert "org:pengadilan-negeri-jakarta-selatan" in analysis.actors
    assert not any("asiadi" in actor_id for actor_id in analysis.actors if actor_id.startswith("org:"))
