"""Actors: rank/title/name separation, organisations and hierarchy, aliases the text teaches,
short references, stable ids, and robustness. All texts here are composed for the tests."""
from __future__ import annotations

import pytest
from hypothesis import given, settings, strategies as st

from pipelines.language.entities import analyse_actors


def person(analysis, actor_id):
    mentions = [m for m in analysis.mentions if m.actor_id == actor_id and m.resolution == "name"]
    assert mentions, f"{actor_id} not found among {sorted(analysis.actors)}"
    return mentions[0]


@pytest.mark.parametrize("written", ["Irjen Krishna Murti", "Irjen Pol Krishna Murti",
                                     "Irjen Pol. Krishna Murti", "Irjen. Pol. Krishna Murti",
                                     "Inspektur Jenderal Krishna Murti"])
def test_police_rank_with_or_without_pol_is_expanded_and_kept_out_of_the_name(written):
    text = f"Rombongan dipimpin oleh Kadiv Hubinter {written} dalam kunjungan itu."
    analysis = analyse_actors(text)
    mention = person(analysis, "per:krishna-murti")
    assert mention.surface == "Krishna Murti"
    assert mention.rank == "Inspektur Jenderal Polisi"
    assert mention.title == "Kadiv Hubinter"
    actor = analysis.actors["per:krishna-murti"]
    assert actor.affiliation_id == "org:divhubinter-polri"
    assert actor.country_code == "IDN"


def test_ambiguous_rank_takes_the_police_form_for_a_police_officer():
    analysis = analyse_actors("Hal itu disampaikan Sekretaris NCB Interpol Indonesia, "
                              "Brigjen Rudi Santoso, di Jakarta, Rabu.")
    mention = person(analysis, "per:rudi-santoso")
    assert mention.rank == "Brigadir Jenderal Polisi"
    assert mention.title == "Sekretaris NCB Interpol Indonesia"
    assert analysis.actors["per:rudi-santoso"].affiliation_id == "org:ncb-interpol-indonesia"


def test_military_rank_is_not_given_the_police_form():
    analysis = analyse_actors("Upacara dipimpin Brigjen TNI Agus Salim di lapangan.")
    assert person(analysis, "per:agus-salim").rank == "Brigadir Jenderal TNI"


@pytest.mark.parametrize("rank, expanded, country", [("MajGen", "Major General", "KHM"),
                                                     ("Maj. Gen.", "Major General", "KHM"),
                                                     ("Lt Gen", "Lieutenant General", "KHM")])
def test_foreign_rank_and_title_after_selaku(rank, expanded, country):
    text = (f"Dari pihak Kamboja hadir {rank} Sok Vanna, selaku Deputy Chief of Staff "
            "Cambodia National Police, dalam rapat tersebut.")
    analysis = analyse_actors(text)
    mention = person(analysis, "per:sok-vanna")
    assert (mention.surface, mention.rank) == ("Sok Vanna", expanded)
    assert mention.title == "Deputy Chief of Staff Cambodia National Police"
    actor = analysis.actors["per:sok-vanna"]
    assert actor.affiliation_id == "org:cambodia-national-police"
    assert actor.country_code == country


def test_thai_police_rank_gives_the_country():
    analysis = analyse_actors("Pertemuan dihadiri Pol Maj Gen Somchai Rattanakul dari Bangkok.")
    mention = person(analysis, "per:somchai-rattanakul")
    assert mention.rank == "Police Major General"
    assert analysis.actors["per:somchai-rattanakul"].country_code == "THA"


def test_appositive_title_before_the_name():
    text = "Direktur Pelindungan WNI Kemlu, Dewi Anggraini, mengatakan para korban sudah pulang."
    analysis = analyse_actors(text)
    mention = person(analysis, "per:dewi-anggraini")
    assert mention.title == "Direktur Pelindungan WNI Kemlu"
    assert mention.rank is None
    assert analysis.actors["per:dewi-anggraini"].country_code == "IDN"


def test_honorific_stays_out_of_the_name_but_is_kept_as_an_alias():
    text = "Perdana Menteri Malaysia Datuk Seri Anwar Ibrahim menerima tamu dari Jakarta."
    analysis = analyse_actors(text)
    mention = person(analysis, "per:anwar-ibrahim")
    assert mention.surface == "Anwar Ibrahim"
    assert "Datuk" not in (mention.title or "")
    actor = analysis.actors["per:anwar-ibrahim"]
    assert "Datuk Seri Anwar Ibrahim" in actor.aliases
    assert actor.country_code == "MYS"


def test_suspects_known_by_initials_and_age():
    text = "Polisi menangkap AS (34) dan MF (29) di sebuah rumah kontrakan, sementara RH (41) buron."
    analysis = analyse_actors(text)
    initials = {m.surface: m.actor_id for m in analysis.mentions if m.actor_id.startswith("per:")}
    assert set(initials) == {"AS", "MF", "RH"}
    assert "ctry:USA" not in analysis.actors  # "AS (34)" is a suspect, not the United States
    for actor_id in initials.values():
        actor = analysis.actors[actor_id]
        assert actor.country_code is None and "initials" in actor.no_country_reason


def test_initials_ids_do_not_merge_suspects_of_different_stories():
    first = analyse_actors("Tersangka RH (41) ditahan di Medan.")
    second = analyse_actors("Tersangka RH (41) dibebaskan di Surabaya.")
    assert set(first.actors) & set(second.actors) == set() or \
        not any(a.startswith("per:rh") for a in set(first.actors) & set(second.actors))


def test_acronym_defined_in_text_becomes_an_alias_of_a_seed_actor():
    text = ("Kerja sama dengan Polis Diraja Malaysia (PDRM) diperkuat. "
            "PDRM juga mengirim dua penyidik ke Batam.")
    analysis = analyse_actors(text)
    pdrm = [m for m in analysis.mentions if m.actor_id == "org:pdrm"]
    assert [m.surface for m in pdrm] == ["Polis Diraja Malaysia (PDRM)", "PDRM"]
    assert pdrm[1].resolution == "acronym"
    assert analysis.actors["org:pdrm"].country_code == "MYS"


@pytest.mark.parametrize("definition", [
    "Kepolisian Nasional Kamboja (Cambodia National Police/CNP)",
    "Cambodia National Police/CNP",
    "Kepolisian Kamboja (CNP)",
])
def test_every_form_of_a_definition_names_one_actor(definition):
    analysis = analyse_actors(f"Polri bertemu {definition} di Phnom Penh. Setelah itu CNP berjanji membantu.")
    cnp = [m for m in analysis.mentions if m.actor_id == "org:cambodia-national-police"]
    assert len(cnp) == 2
    assert cnp[0].surface.endswith("CNP") or cnp[0].surface.endswith("CNP)")


def test_division_acronym_inside_the_name_with_parent_suffix():
    text = "Divisi Hubungan Internasional (Divhubinter) Polri menggelar rapat. Divhubinter lalu melapor."
    analysis = analyse_actors(text)
    mentions = [m for m in analysis.mentions if m.actor_id == "org:divhubinter-polri"]
    assert mentions[0].surface == "Divisi Hubungan Internasional (Divhubinter) Polri"
    assert mentions[1].surface == "Divhubinter"
    assert analysis.actors["org:divhubinter-polri"].parent_actor_id == "org:polri"
    assert "org:polri" in analysis.actors  # the parent comes along, so the hierarchy resolves


def test_organisation_defined_only_in_the_text():
    text = ("Satuan Tugas Anti Perjudian Daring (Satgas APD) dibentuk bulan lalu. "
            "Satgas APD sudah menutup ratusan situs.")
    analysis = analyse_actors(text)
    actor_id = "org:satuan-tugas-anti-perjudian-daring"
    assert [m.surface for m in analysis.mentions if m.actor_id == actor_id] == [
        "Satuan Tugas Anti Perjudian Daring (Satgas APD)", "Satgas APD"]
    actor = analysis.actors[actor_id]
    assert actor.origin == "text" and "Satgas APD" in actor.aliases
    assert actor.country_code or actor.no_country_reason


def test_a_defined_term_is_not_an_organisation():
    analysis = analyse_actors("Banyak Warga Negara Indonesia (WNI) menjadi korban.")
    assert not any(a.startswith("org:warga") for a in analysis.actors)


@pytest.mark.parametrize("name, actor_id, parent, country", [
    ("Polres Metro Bekasi", "org:polres-metro-bekasi", "org:polri", "IDN"),
    ("Polda Kalimantan Barat", "org:polda-kalimantan-barat", "org:polri", "IDN"),
    ("Kantor Imigrasi Kelas I Batam", "org:kantor-imigrasi-kelas-i-batam", "org:ditjen-imigrasi", "IDN"),
    ("Pengadilan Negeri Tangerang", "org:pengadilan-negeri-tangerang", "org:mahkamah-agung", "IDN"),
    ("KBRI Phnom Penh", "org:kbri-phnom-penh", "org:kemlu", "IDN"),
    ("Kedutaan Besar Filipina", "org:kedutaan-besar-filipina", None, "PHL"),
    ("Kementerian Luar Negeri Kamboja", "org:kementerian-luar-negeri-kamboja", None, "KHM"),
])
def test_organisation_heads_give_hierarchy_and_country(name, actor_id, parent, country):
    analysis = analyse_actors(f"Kasus itu kini ditangani {name} bersama pihak terkait.")
    actor = analysis.actors[actor_id]
    assert (actor.parent_actor_id, actor.country_code) == (parent, country)
    if parent:
        assert parent in analysis.actors


def test_surname_refers_back_to_the_person_named_in_full():
    text = ("Kasubdit III Dittipidsiber Bareskrim Polri Kombes Hendra Gunawan memimpin operasi. "
            "\"Semua tersangka sudah diperiksa,\" kata Hendra.")
    analysis = analyse_actors(text)
    short = [m for m in analysis.mentions if m.surface == "Hendra"]
    assert [(m.actor_id, m.resolution) for m in short] == [("per:hendra-gunawan", "short_name")]


def test_bare_title_refers_to_its_holder_or_else_to_the_body():
    with_holder = analyse_actors("Kapolri Jenderal Listyo Sigit Prabowo tiba di Batam. "
                                 "Kapolri menegaskan komitmennya.")
    later = [m for m in with_holder.mentions if m.surface == "Kapolri" and m.resolution == "title"]
    assert [m.actor_id for m in later] == ["per:listyo-sigit-prabowo"]
    without = analyse_actors("Kapolri meminta jajarannya waspada terhadap judi daring.")
    assert [(m.actor_id, m.resolution) for m in without.mentions] == [("org:polri", "title")]


def test_kedua_kepolisian_and_kedua_negara_refer_to_the_two_earlier_parties():
    text = ("Divhubinter Polri bertemu Cambodia National Police di Phnom Penh. "
            "Kedua kepolisian sepakat bertukar data. Kedua negara juga menandatangani nota.")
    analysis = analyse_actors(text)
    police = {m.actor_id for m in analysis.mentions if m.surface == "Kedua kepolisian"}
    countries = {m.actor_id for m in analysis.mentions if m.surface == "Kedua negara"}
    assert police == {"org:polri", "org:cambodia-national-police"}
    assert countries == {"ctry:IDN", "ctry:KHM"}


def test_pronouns_refer_to_the_last_person_and_pihaknya_to_their_body():
    text = ("Kabareskrim Komjen Wahyu Widada mengatakan pihaknya memburu pelaku. "
            "\"Kami tidak akan berhenti,\" ujarnya.")
    analysis = analyse_actors(text)
    pihak = [m for m in analysis.mentions if m.surface == "pihaknya"]
    nya = [m for m in analysis.mentions if m.surface == "nya"]
    assert [m.actor_id for m in pihak] == ["org:bareskrim-polri"]
    assert [m.actor_id for m in nya] == ["per:wahyu-widada"]
    assert all(m.resolution == "pronoun" for m in pihak + nya)


def test_same_actor_gets_the_same_id_in_different_documents():
    first = analyse_actors("AKBP Rina Kartika dari Polres Metro Bekasi menangkap pelaku.")
    second = analyse_actors("Menurut Kapolres, AKBP Rina Kartika, pelaku sudah lama diintai. "
                            "Polres Metro Bekasi menyita dua ponsel.")
    shared = set(first.actors) & set(second.actors)
    assert {"per:rina-kartika", "org:polres-metro-bekasi", "org:polri"} <= shared


def test_countries_are_actors():
    analysis = analyse_actors("Pemerintah Kamboja dan Filipina menyatakan siap membantu.")
    assert {"ctry:KHM", "ctry:PHL"} <= set(analysis.actors)
    assert analysis.actors["ctry:KHM"].actor_type == "country"


TEXTS = [
    "",
    "   \n\n  ",
    "JAKARTA - KAPOLRI JENDERAL LISTYO SIGIT PRABOWO BERTEMU CNP DI PHNOM PENH (14/4/2025).",
    "irjen krishna murti bertemu majgen pheanuk kolkomar tanpa tanda baca sama sekali",
    "Irjen Brigjen Kombes AKBP ( ) / , selaku selaku Kapolri Kapolri (",
    "( ) / ( CNP / ) Divisi ( ) Polri",
    "Kedua kepolisian pihaknya ujarnya ia beliau Kapolri",
    "RH (41 dan MF ( 29 dan AS (",
    "Polres Polda KBRI Kantor Imigrasi Pengadilan Negeri Kementerian",
]


@pytest.mark.parametrize("text", TEXTS)
def test_awkward_inputs_never_raise_and_offsets_slice_back(text):
    check_offsets(text, analyse_actors(text))


def test_very_long_text():
    text = ("Kadiv Hubinter Irjen Krishna Murti bertemu MajGen Sok Vanna di Phnom Penh. "
            "Kedua kepolisian sepakat, ujarnya. ") * 300
    analysis = analyse_actors(text)
    check_offsets(text, analysis)
    assert sum(m.actor_id == "per:krishna-murti" for m in analysis.mentions) >= 300


@settings(max_examples=60, deadline=None)
@given(st.lists(st.sampled_from(list("Aa Bb(KkPp)/,.-:\n") + ["Polri", " Irjen ", "CNP", " di ",
                                                                 "Kamboja", " RH (41) ", "nya"]),
                max_size=60).map("".join))
def test_arbitrary_text_never_raises(text):
    check_offsets(text, analyse_actors(text))


def check_offsets(text, analysis):
    for mention in analysis.mentions:
        assert text[mention.start:mention.end] == mention.surface
        assert mention.actor_id in analysis.actors
    for place in analysis.places:
        assert text[place.start:place.end] == place.surface
        assert place.location_id in analysis.locations
    for actor in analysis.actors.values():
        if actor.actor_type in ("person", "organization"):
            assert actor.country_code or actor.no_country_reason, actor
        if actor.parent_actor_id:
            assert actor.parent_actor_id in analysis.actors, actor


def test_regional_title_names_the_body_the_officer_serves():
    analysis = analyse_actors("Kapolda Sumut Irjen Whisnu Hermawan mengatakan korban sudah pulang.")
    actor = analysis.actors["per:whisnu-hermawan"]
    assert actor.affiliation_id == "org:polda-sumatera-utara"
    body = analysis.actors["org:polda-sumatera-utara"]
    assert (body.parent_actor_id, body.country_code) == ("org:polri", "IDN")


def test_short_and_full_place_names_give_one_regional_body():
    short = analyse_actors("Polda Sumut menangkap lima orang.")
    full = analyse_actors("Polda Sumatera Utara menangkap lima orang.")
    assert "org:polda-sumatera-utara" in short.actors and "org:polda-sumatera-utara" in full.actors
    assert "Polda Sumut" in short.actors["org:polda-sumatera-utara"].aliases


@pytest.mark.parametrize("text, short", [
    # a first name after a quoting verb, the full name introduced as an appositive
    ('Kepala Bagian Humas Pemerintah Kota Semarang (Pemkot), Yohanes Saragih Pardede, mengatakan '
     'bantuan sudah dikirim ke lokasi banjir. "Kami terus memantau ketinggian air," kata Yohanes '
     'di Balai Kota.', ["Yohanes"]),
    # a middle part and a last part of the full name
    ('Kepala Bagian Humas Pemerintah Kota Semarang (Pemkot), Yohanes Saragih Pardede, mengatakan '
     'bantuan sudah dikirim. "Kami terus memantau," kata Saragih. Pardede juga mengatakan posko '
     'dibuka.', ["Saragih", "Pardede"]),
    # a middle name after an honorific, and the full name written twice
    ('Delegasi negeri jiran dipimpin Pengarah Jabatan Siasatan Jenayah Komersial PDRM Datuk Seri '
     'Mohd Azmi Ismail. Datuk Seri Mohd Azmi Ismail menyebut kerja sama ini penting. "Kita harus '
     'bergerak serentak," tegas Azmi.', ["Azmi"]),
])
def test_a_part_of_an_earlier_full_name_is_that_person(text, short):
    analysis = analyse_actors(text)
    persons = sorted(a for a in analysis.actors if a.startswith("per:"))
    assert len(persons) == 1, persons
    full = persons[0]
    assert len(analysis.actors[full].name.split()) == 3
    for word in short:
        mentions = [m for m in analysis.mentions if m.surface == word]
        assert [(m.actor_id, m.resolution) for m in mentions] == [(full, "short_name")]


def test_a_name_part_shared_by_two_earlier_persons_stays_unresolved():
    text = ('Dalam sidang itu hadir Yohanes Saragih Pardede dan Yohanes Simanjuntak. '
            '"Kami menghormati putusan," kata Yohanes.')
    analysis = analyse_actors(text)
    bare = [m for m in analysis.mentions if m.surface == "Yohanes"]
    assert bare and all(m.resolution != "short_name" for m in bare)
    assert all(m.actor_id not in ("per:yohanes-saragih-pardede", "per:yohanes-simanjuntak")
               for m in bare)


def test_no_bracket_is_kept_in_a_person_named_before_an_age():
    text = "Salah satu penumpang, Wulan (31), asal Cirebon, mengaku lega. Ia menunggu sejak pagi."
    analysis = analyse_actors(text)
    names = [m.surface for m in analysis.mentions if m.actor_id.startswith("per:") and m.resolution == "name"]
    assert names == ["Wulan"]


def test_appositive_title_keeps_the_bodys_bracketed_short_form():
    text = ("Kepala Bagian Humas Pemerintah Kota Semarang (Pemkot), Yohanes Saragih Pardede, "
            "mengatakan bantuan sudah dikirim ke lokasi banjir.")
    mention = person(analyse_actors(text), "per:yohanes-saragih-pardede")
    assert mention.title == "Kepala Bagian Humas Pemerintah Kota Semarang (Pemkot)"


def mentions_of(analysis, surface):
    return [m for m in analysis.mentions if m.surface == surface]


@pytest.mark.parametrize("long_form", [
    "Kedutaan Besar Republik Indonesia (KBRI) di Seoul",
    "Kedutaan Besar Republik Indonesia di Seoul",
    "Kedutaan Besar Indonesia di Seoul",
])
def test_embassy_long_form_is_the_short_form_body(long_form):
    text = (f"{long_form} memulangkan empat pekerja migran pada Senin. "
            "KBRI Seoul juga menyiapkan tempat penampungan sementara.")
    analysis = analyse_actors(text)
    long_mention, = mentions_of(analysis, long_form)
    short_mention, = mentions_of(analysis, "KBRI Seoul")
    assert long_mention.actor_id == short_mention.actor_id == "org:kbri-seoul"
    actor = analysis.actors["org:kbri-seoul"]
    assert (actor.parent_actor_id, actor.country_code) == ("org:kemlu", "IDN")
    assert any(p.location_id == "loc:seoul" or p.surface == "Seoul" for p in analysis.places)


def test_bracketed_embassy_acronym_later_refers_to_the_embassy_it_defined():
    text = ("Kedutaan Besar Republik Indonesia (KBRI) di Seoul menerima laporan itu. "
            "KBRI kemudian mendampingi para korban.")
    analysis = analyse_actors(text)
    later, = [m for m in analysis.mentions if m.surface == "KBRI"]
    assert later.actor_id == "org:kbri-seoul"


def test_consulate_long_form_is_the_kjri():
    text = ("Konsulat Jenderal Republik Indonesia di Dubai menerima aduan dua warga. "
            "KJRI Dubai lalu menghubungi majikan mereka.")
    analysis = analyse_actors(text)
    long_mention, = mentions_of(analysis, "Konsulat Jenderal Republik Indonesia di Dubai")
    short_mention, = mentions_of(analysis, "KJRI Dubai")
    assert long_mention.actor_id == short_mention.actor_id
    actor = analysis.actors[long_mention.actor_id]
    assert (actor.parent_actor_id, actor.country_code) == ("org:kemlu", "IDN")


def test_regional_police_long_form_is_the_polda():
    text = ("Kepolisian Daerah Nusa Tenggara Timur menahan tiga perekrut ilegal. "
            "Polda NTT menyebut jaringan itu beroperasi sejak tahun lalu.")
    analysis = analyse_actors(text)
    long_mention, = mentions_of(analysis, "Kepolisian Daerah Nusa Tenggara Timur")
    short_mention, = mentions_of(analysis, "Polda NTT")
    assert long_mention.actor_id == short_mention.actor_id
    actor = analysis.actors[long_mention.actor_id]
    assert (actor.parent_actor_id, actor.country_code) == ("org:polri", "IDN")


@pytest.mark.parametrize("long_head, short_head", [
    ("Kepolisian Resor", "Polres"), ("Kepolisian Resor Kota", "Polresta"),
    ("Kepolisian Sektor", "Polsek"),
])
def test_district_police_long_forms_are_the_short_forms(long_head, short_head):
    text = (f"{long_head} Kupang memeriksa dua saksi. "
            f"{short_head} Kupang akan memanggil saksi lain pekan depan.")
    analysis = analyse_actors(text)
    long_mention, = mentions_of(analysis, f"{long_head} Kupang")
    short_mention, = mentions_of(analysis, f"{short_head} Kupang")
    assert long_mention.actor_id == short_mention.actor_id
    assert analysis.actors[long_mention.actor_id].parent_actor_id == "org:polri"


@pytest.mark.parametrize("name", ["Zulkifli bin Ahmad", "Siti binti Yusof", "Henrique da Costa",
                                  "João dos Santos", "Jan van Dijk"])
def test_name_particles_stay_inside_the_persons_name(name):
    text = f"Petugas kemudian memeriksa {name} di sebuah rumah kontrakan pada malam itu."
    analysis = analyse_actors(text)
    persons = [m for m in analysis.mentions if analysis.actors[m.actor_id].actor_type == "person"]
    assert [m.surface for m in persons] == [name]
    from pipelines.language.entities import recognise_entities
    assert [(e.text, e.type) for e in recognise_entities(text) if e.type == "person"] == [(name, "person")]


def test_two_particle_names_in_one_sentence_stay_two_persons():
    text = "Polisi menahan Zulkifli bin Ahmad dan Siti binti Yusof di Johor Bahru."
    analysis = analyse_actors(text)
    persons = sorted(m.surface for m in analysis.mentions
                     if analysis.actors[m.actor_id].actor_type == "person")
    assert persons == ["Siti binti Yusof", "Zulkifli bin Ahmad"]


@pytest.mark.parametrize("written, actor_id, country", [
    ("Polícia Nacional de Timor-Leste (PNTL)", "org:pntl", "TLS"),
    ("Singapore Police Force (SPF)", "org:singapore-police-force", "SGP"),
    ("Royal Brunei Police Force", "org:royal-brunei-police-force", "BRN"),
])
def test_foreign_police_named_in_their_own_language_or_english(written, actor_id, country):
    text = f"{written} menyerahkan dua buronan kepada Polri pada Kamis."
    analysis = analyse_actors(text)
    mention, = mentions_of(analysis, written)
    assert mention.actor_id == actor_id
    actor = analysis.actors[actor_id]
    assert (actor.actor_type, actor.country_code) == ("organization", country)


def test_foreign_police_acronym_alone_resolves():
    analysis = analyse_actors("Petugas PNTL dan RBPF bertukar data dengan Polri.")
    assert {m.surface: m.actor_id for m in analysis.mentions if m.surface in ("PNTL", "RBPF")} == {
        "PNTL": "org:pntl", "RBPF": "org:royal-brunei-police-force"}


@pytest.mark.parametrize("written, actor_id, country", [
    ("Kepolisian Timor Leste", "org:pntl", "TLS"),
    ("polisi Brunei", "org:royal-brunei-police-force", "BRN"),
    ("Polisi Nasional Filipina", "org:philippine-national-police", "PHL"),
    ("Kepolisian Jepang", "org:kepolisian-jepang", "JPN"),
    ("Polisi Jepang", "org:kepolisian-jepang", "JPN"),
    ("polisi Korea Selatan", "org:kepolisian-korea-selatan", "KOR"),
])
def test_police_followed_by_a_country_is_that_countrys_police(written, actor_id, country):
    text = f"Kasus itu kini ditangani {written} bersama Polri."
    analysis = analyse_actors(text)
    mention, = mentions_of(analysis, written)
    assert mention.actor_id == actor_id
    assert analysis.actors[actor_id].country_code == country


@pytest.mark.parametrize("first, second", [
    ("Kedutaan Besar RI di Seoul", "KBRI Seoul"),
    ("Konsulat Jenderal RI di Johor Bahru", "KJRI Johor Bahru"),
    ("Kanim Batam", "Kantor Imigrasi Batam"),
    ("Kedubes Malaysia", "Kedutaan Besar Malaysia"),
])
def test_other_forms_of_a_head_name_one_body(first, second):
    text = f"{first} menerima berkas perkara itu. Pekan ini {second} akan memberi keterangan."
    analysis = analyse_actors(text)
    a, = mentions_of(analysis, first)
    b, = mentions_of(analysis, second)
    assert a.actor_id == b.actor_id


def test_a_head_after_dan_starts_a_second_body():
    text = "Kepolisian Resor Kota Besar Medan dan Polrestabes Binjai menggelar razia bersama."
    analysis = analyse_actors(text)
    surfaces = [m.surface for m in analysis.mentions if m.actor_id.startswith("org:polres")]
    assert surfaces == ["Kepolisian Resor Kota Besar Medan", "Polrestabes Binjai"]


def test_foreign_embassy_keeps_its_country():
    analysis = analyse_actors("Kedubes Malaysia di Jakarta menerima nota protes itu.")
    mention, = mentions_of(analysis, "Kedubes Malaysia")
    assert analysis.actors[mention.actor_id].country_code == "MYS"


def test_catalogued_police_name_is_one_ner_span():
    from pipelines.language.entities import recognise_entities
    text = "Singapore Police Force (SPF) menyerahkan dua buronan kepada Polri pada Kamis."
    organisations = [e.text for e in recognise_entities(text) if e.type == "organization"]
    assert "Singapore Police Force (SPF)" in organisations
