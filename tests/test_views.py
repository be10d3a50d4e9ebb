"""The SQL views on a small warehouse written for the tests (see test_views_fixture)."""
from __future__ import annotations

import datetime as dt

import duckdb
import pytest
import sqlglot
from sqlglot import exp
from sqlglot.tokens import TokenType

from pipelines.views.assets import build_all_views
from pipelines.views.sql_files import SQL_DIR, code_version, read_view, read_views, sql_dependencies

try:
    from tests.test_views_fixture import build_warehouse
except ImportError:  # tests/ run as a plain directory
    from test_views_fixture import build_warehouse

D = dt.date.fromisoformat


@pytest.fixture()
def conn(tmp_path):
    connection = duckdb.connect(str(build_warehouse(tmp_path / "w.duckdb")))
    build_all_views(connection)
    yield connection
    connection.close()


def rows(conn, sql, *params):
    cursor = conn.execute(sql, list(params))
    names = [item[0] for item in cursor.description]
    return [dict(zip(names, row)) for row in cursor.fetchall()]


# --- the factory's reading of SQL files -------------------------------------------------

def test_dependencies_leave_out_cte_names_and_keep_unknown_views():
    sql = """
        with recent as (select * from main.events where date_start > date '2025-01-01'),
             joined as (select * from recent join timeline using (event_id))
        select * from joined
    """
    assert sql_dependencies(sql) == ("events", "timeline")


def test_a_new_file_reading_another_view_depends_on_it(tmp_path):
    (tmp_path / "busy_actors.sql").write_text(
        "with busy as (select actor_id from actor_profile where n_events > 2)\nselect * from busy\n"
    )
    view = read_view(tmp_path / "busy_actors.sql")
    assert view.name == "busy_actors"
    assert view.deps == ("actor_profile",)


def test_code_version_follows_the_sql_text():
    assert code_version("select 1") == code_version("select 1")
    assert code_version("select 1") != code_version("select 2")


@pytest.mark.parametrize("view", read_views(), ids=lambda view: view.name)
def test_sql_files_keep_the_house_style(view):
    """Lowercase keywords, a chain of named CTEs, and a final `select * from <last cte>`."""
    uppercase = [token.text for token in sqlglot.tokenize(view.sql, read="duckdb")
                 if token.token_type not in (TokenType.VAR, TokenType.STRING, TokenType.IDENTIFIER)
                 and token.text.isalpha() and token.text != token.text.lower()]
    assert not uppercase, f"uppercase keywords in {view.path.name}: {uppercase[:5]}"
    tree = sqlglot.parse_one(view.sql, read="duckdb")
    ctes = [cte.alias_or_name for cte in tree.find_all(exp.CTE)]
    assert ctes, "a view is a chain of named CTEs"
    assert isinstance(tree, exp.Select) and tree.is_star
    assert [table.name for table in tree.args["from_"].find_all(exp.Table)] == [ctes[-1]]
    assert view.description, "each file opens with a comment saying what the view is for"


def test_the_five_contract_views_exist():
    names = {view.name for view in read_views(SQL_DIR)}
    assert {"timeline", "actor_cooperation", "country_cooperation", "actor_profile", "monthly_topics"} <= names


# --- timeline -----------------------------------------------------------------------------

def test_timeline_has_one_row_per_event_in_date_order(conn):
    timeline = rows(conn, "select * from timeline order by timeline_position")
    assert len(timeline) == conn.execute("select count(*) from events").fetchone()[0]
    assert len({row["event_id"] for row in timeline}) == len(timeline)
    sort_dates = [row["sort_date"] for row in timeline]
    assert sort_dates == sorted(sort_dates)
    # the table is stored in timeline order, so a plain select reads it in order
    assert [row[0] for row in conn.execute("select timeline_position from timeline").fetchall()] == \
        list(range(1, len(timeline) + 1))


def test_timeline_ties_go_day_first_then_text_order(conn):
    order = [row[0] for row in conn.execute("select event_id from timeline order by timeline_position").fetchall()]
    # same start day: the day-precise raid before the month-precise visit
    assert order.index("ev:raid") < order.index("ev:visit")
    # same dates and precision: text order within the document
    assert order.index("ev:meeting") < order.index("ev:agreement")


def test_vague_event_sits_at_the_date_it_precedes(conn):
    death = rows(conn, "select * from timeline where event_id = 'ev:death'")[0]
    statement = rows(conn, "select * from timeline where event_id = 'ev:statement'")[0]
    assert death["date_start"] is None and death["date_precision"] == "vague"
    assert death["sort_date"] == D("2025-04-15")
    assert death["date_label"] == "on or before 2025-04-15"
    assert death["timeline_position"] > statement["timeline_position"]


def test_timeline_carries_places_parties_source_and_evidence(conn):
    meeting = rows(conn, "select * from timeline where event_id = 'ev:meeting'")[0]
    assert meeting["places"] == ["Phnom Penh", "Poipet", "Bavet", "Sihanoukville"]
    assert meeting["place_countries"] == ["KHM"]
    assert "Krishna Murti (agent)" in meeting["participants"]
    assert "Cambodia National Police (partner)" in meeting["participants"]
    assert meeting["date_label"] == "2025-04-07 – 2025-04-13"
    assert meeting["url"] == "https://news.example/polri-cnp" and meeting["title"]
    body = conn.execute("select body from documents where document_id = ?", [meeting["document_id"]]).fetchone()[0]
    assert body[meeting["evidence_start"]:meeting["evidence_end"]] == meeting["summary"]
    assert meeting["topics"] == ["online_gambling", "online_scam"]


# --- actor_cooperation ----------------------------------------------------------------------

def pair(conn, a, b):
    a, b = sorted([a, b])
    found = rows(conn, "select * from actor_cooperation where actor_a_id = ? and actor_b_id = ?", a, b)
    return found[0] if found else None


def test_polri_and_cambodian_police_cooperate_from_the_april_meeting(conn):
    polri_cnp = pair(conn, "org:polri", "org:cambodia-national-police")
    assert polri_cnp is not None
    # direct contact: the meeting (through Divhubinter), its agreement and the June MoU;
    # the 2024 regional conference is a forum they shared, not a contact between them
    assert polri_cnp["n_events"] == 3
    assert polri_cnp["n_forum_events"] == 1
    assert polri_cnp["first_date"] == D("2025-04-07")
    assert polri_cnp["last_date"] == D("2025-06-19")
    assert polri_cnp["first_forum_date"] == D("2024-09-10")
    assert polri_cnp["last_forum_date"] == D("2024-09-12")
    assert polri_cnp["event_types"] == ["agreement", "meeting"]
    assert {"Phnom Penh", "Sihanoukville", "Jakarta"} <= set(polri_cnp["places"])
    assert len(polri_cnp["event_ids"]) == 4 and polri_cnp["n_documents"] == 2  # every event, forum included


def test_pairs_met_only_at_a_forum_keep_the_forum_and_no_contact(conn):
    cnp_thai = pair(conn, "org:cambodia-national-police", "org:royal-thai-police")
    assert cnp_thai["n_events"] == 0 and cnp_thai["n_forum_events"] == 1
    assert cnp_thai["first_date"] is None and cnp_thai["last_date"] is None
    assert cnp_thai["first_forum_date"] == D("2024-09-10") and cnp_thai["last_forum_date"] == D("2024-09-12")
    assert cnp_thai["event_types"] == [] and cnp_thai["topics"] == [] and cnp_thai["places"] == []
    assert len(cnp_thai["event_ids"]) == 1
    order = [(row["n_events"], row["n_forum_events"]) for row in rows(conn, "select * from actor_cooperation")]
    assert order == sorted(order, reverse=True)  # direct contacts first, forum-only pairs last


def test_units_and_people_count_for_their_organisation(conn):
    ids = {row[0] for row in conn.execute(
        "select actor_a_id from actor_cooperation union select actor_b_id from actor_cooperation").fetchall()}
    assert "org:divhubinter" not in ids and "org:bareskrim" not in ids
    assert not any(actor_id.startswith("per:") for actor_id in ids)
    polri_thai = pair(conn, "org:polri", "org:royal-thai-police")
    # rescue + coordination by Bareskrim, besides the conference
    assert polri_thai["n_events"] == 2 and polri_thai["n_forum_events"] == 1
    assert polri_thai["first_date"] == D("2025-02-01")
    assert polri_thai["event_types"] == ["cooperation", "rescue"]


def test_pairs_are_unordered_distinct_and_leave_out_victims_and_non_cooperation(conn):
    cooperation = rows(conn, "select * from actor_cooperation")
    assert all(row["actor_a_id"] < row["actor_b_id"] for row in cooperation)
    ids = {row["actor_a_id"] for row in cooperation} | {row["actor_b_id"] for row in cooperation}
    assert "grp:wni" not in ids      # victims of the rescue and handover are not parties
    assert "org:paocc" not in ids    # a raid is not cooperation
    assert "ctry:MYS" not in ids     # a country as party counts at country level only
    joint_types = {t for row in cooperation for t in row["event_types"]}
    assert joint_types <= {"meeting", "visit", "agreement", "cooperation", "deportation", "repatriation", "rescue"}


def test_country_pairs_leave_out_same_country(conn):
    countries = rows(conn, "select * from country_cooperation")
    found = {(row["country_a"], row["country_b"]) for row in countries}
    direct = {(row["country_a"], row["country_b"]) for row in countries if row["n_events"] > 0}
    assert direct == {("IDN", "KHM"), ("IDN", "THA"), ("IDN", "PHL")}  # KBRI–Polri (IDN–IDN) left out
    assert all(a < b for a, b in found)
    assert all((row["first_date"] is not None) == (row["n_events"] > 0) for row in countries)
    # the conference's five countries (Malaysia as a country-type party) pair up only at the forum
    forum_only = {(row["country_a"], row["country_b"]) for row in countries if row["n_events"] == 0}
    assert forum_only == found - direct == {("IDN", "MYS"), ("KHM", "MYS"), ("KHM", "PHL"), ("KHM", "THA"),
                                            ("MYS", "PHL"), ("MYS", "THA"), ("PHL", "THA")}
    assert all(row["n_forum_events"] == 1 and row["first_forum_date"] == D("2024-09-10") for row in countries)
    idn_khm = next(row for row in countries if (row["country_a"], row["country_b"]) == ("IDN", "KHM"))
    assert idn_khm["first_date"] == D("2025-04-07") and idn_khm["n_events"] == 3
    assert idn_khm["n_forum_events"] == 1 and len(idn_khm["event_ids"]) == 4
    assert (idn_khm["country_a_name"], idn_khm["country_b_name"]) == ("Indonesia", "Kamboja")


# --- actor_profile and monthly_topics ---------------------------------------------------------

def test_profile_counts_units_events_for_the_organisation(conn):
    polri = rows(conn, "select * from actor_profile where actor_id = 'org:polri'")[0]
    # the meeting comes through Divhubinter, the statement through NCB Interpol's officer
    assert polri["n_events"] == polri["n_direct_events"] + 4
    assert polri["first_date"] == D("2024-01-01")
    assert polri["cooperation_partners"][0] == "Cambodia National Police"
    assert any(line.startswith("2025-04-07 meeting") for line in polri["events_over_time"])
    divhubinter = rows(conn, "select * from actor_profile where actor_id = 'org:divhubinter'")[0]
    assert divhubinter["rollup_actor_id"] == "org:polri" and divhubinter["n_direct_events"] == 1


def test_monthly_topics_bin_only_events_dated_to_a_month_or_finer(conn):
    months = rows(conn, "select * from monthly_topics")
    assert D("2024-09-01") in {row["month"] for row in months}
    assert D("2024-01-01") not in {row["month"] for row in months}  # the year-long 2024 repatriation is not binned
    april = {row["topic"]: row["n_events"] for row in months if row["month"] == D("2025-04-01")}
    assert april == {"online_gambling": 1, "online_scam": 2, "untagged": 1}


# --- adversarial reference data ----------------------------------------------------------

def test_rollup_survives_parent_cycles_dangling_links_and_no_affiliation_column(tmp_path):
    conn = duckdb.connect(str(tmp_path / "odd.duckdb"))
    conn.execute("""create table actors as select * from (values
        ('org:a', 'A', 'organization', 'IDN', 'org:b', 'seed', null),
        ('org:b', 'B', 'organization', 'IDN', 'org:a', 'seed', null),
        ('org:c', 'C', 'organization', 'IDN', 'org:ghost', 'seed', null),
        ('org:d', 'D', 'organization', 'IDN', 'ctry:IDN', 'seed', null),
        ('ctry:IDN', 'Indonesia', 'country', 'IDN', null, 'seed', null),
        ('per:x', 'X', 'person', 'IDN', 'org:d', 'seed', null),
        ('per:y', 'Y', 'person', 'IDN', 'org:ghost', 'seed', null)
    ) t(actor_id, name, actor_type, country_code, parent_actor_id, origin, no_country_reason)""")
    result = rows(conn, read_view(SQL_DIR / "actor_rollup.sql").sql)
    rollup = {row["actor_id"]: row["rollup_actor_id"] for row in result}
    assert rollup["org:c"] == "org:c"          # a parent missing from actors is not followed
    assert rollup["org:d"] == "org:d"          # organisations do not roll up into countries
    assert rollup["per:x"] == "org:d"          # a person counts for the organisation above them
    assert rollup["per:y"] == "per:y"          # ... unless it is unknown
    assert rollup["org:a"] in {"org:a", "org:b"} and len(rollup) == 7  # a cycle ends, one row each


# --- the assets built from the files ---------------------------------------------------------

def test_each_file_becomes_an_asset_with_its_deps_version_group_and_pool():
    from pipelines.views import view_assets

    views = {view.name: view for view in read_views()}
    assert {asset.key.path[-1] for asset in view_assets} == set(views)
    for asset in view_assets:
        view = views[asset.key.path[-1]]
        assert {key.path[-1] for key in asset.asset_deps[asset.key]} == set(view.deps)
        assert asset.code_versions_by_key[asset.key] == code_version(view.sql)
        assert asset.group_names_by_key[asset.key] == "views"
        assert asset.op.pool == "duckdb_writer"
        assert "duckdb" in asset.required_resource_keys


def test_view_metadata_traces_columns_to_their_sources(conn):
    from pipelines.views.assets import view_metadata

    timeline = next(view for view in read_views() if view.name == "timeline")
    metadata = view_metadata(conn, timeline, with_pictures=False)
    deps = metadata["dagster/column_lineage"].deps_by_column
    assert {(dep.asset_key.path[-1], dep.column_name) for dep in deps["places"]} >= {("locations", "name")}
    assert {(dep.asset_key.path[-1], dep.column_name) for dep in deps["url"]} == {("documents", "url")}
    assert metadata["dagster/row_count"] == 12
    assert "ev:returns-2024" in metadata["preview"].value  # the first row in timeline order


@pytest.mark.parametrize("modality, counted", [
    ("asserted", True), ("ongoing", True), ("planned", False), ("hypothetical", False),
    ("suspended", False), ("reported", False),
])
def test_only_what_happened_counts_as_cooperation(tmp_path, modality, counted):
    connection = duckdb.connect(str(build_warehouse(tmp_path / "w.duckdb")))
    # the June MoU is Polri and CNP's only direct contact besides the April meeting and agreement
    connection.execute("update events set modality = ? where event_id = 'ev:mou'", [modality])
    build_all_views(connection)
    polri_cnp = pair(connection, "org:polri", "org:cambodia-national-police")
    connection.close()
    assert polri_cnp["n_events"] == (3 if counted else 2)
    assert ("ev:mou" in polri_cnp["event_ids"]) is counted


@pytest.mark.parametrize("roles, direct", [
    (("host", "agent"), True),         # Polri visits the PNP, who hosts it
    (("partner", "agent"), True),      # "Polri bertemu dengan PNP"
    (("agent", "agent"), True),        # "Polri dan PNP bertemu": agents with no one else named
    (("host", "partner"), False),      # both on the side that was visited
    (("mentioned", "agent"), False),   # the PNP only named in passing
    (("framework", "agent"), False),   # "di bawah kerangka ..."
])
def test_only_parties_on_two_sides_of_a_contact_pair(tmp_path, roles, direct):
    connection = duckdb.connect(str(build_warehouse(tmp_path / "w.duckdb")))
    pnp_role, polri_role = roles
    connection.execute("update event_participants set role = ? where event_id = 'ev:visit' and actor_id = 'org:pnp'",
                       [pnp_role])
    connection.execute("update event_participants set role = ? where event_id = 'ev:visit' and actor_id = 'org:polri'",
                       [polri_role])
    build_all_views(connection)
    polri_pnp = pair(connection, "org:polri", "org:pnp")
    connection.close()
    # the Manila visit is their only direct contact; the 2024 conference is a forum
    assert (polri_pnp is not None and polri_pnp["n_events"] == 1) == direct


@pytest.mark.parametrize("title, paired", [
    ("Wakil Kepala CNP", False),          # an officer of the very body on the other side
    ("Wakil Kepala Kepolisian Kamboja", False),
    ("Wakil Kepala", True),               # no body named: two parties
    ("Wakil Direktur Bareskrim", True),   # a body of its own
])
def test_officer_of_a_body_never_pairs_with_it(tmp_path, title, paired):
    connection = duckdb.connect(str(build_warehouse(tmp_path / "w.duckdb")))
    connection.execute("insert into actors values ('per:officer', 'Sok Dara', 'person', null, null, null, 'text', null)")
    connection.execute("insert into actor_aliases values ('org:bareskrim', 'Bareskrim')")
    connection.execute("update event_participants set actor_id = 'org:cambodia-national-police' "
                       "where event_id = 'ev:visit' and actor_id = 'org:pnp'")
    connection.execute("insert into event_participants values ('ev:visit', 'per:officer', 'agent', null, ?, 0, 1)",
                       [title])
    build_all_views(connection)
    found = pair(connection, "per:officer", "org:cambodia-national-police")
    connection.close()
    assert (found is not None and found["n_events"] >= 1) == paired


@pytest.mark.parametrize("outside, n_events", [(False, 3), (True, 2)])
def test_agents_pair_when_named_together_in_the_reporting_sentence(tmp_path, outside, n_events):
    connection = duckdb.connect(str(build_warehouse(tmp_path / "w.duckdb")))
    if outside:
        # CNP named as an agent only in a later sentence of the story, not beside Polri
        connection.execute("update event_participants set char_start = e.char_end + 5, char_end = e.char_end + 8 "
                           "from events as e where e.event_id = event_participants.event_id "
                           "and event_participants.event_id = 'ev:mou' "
                           "and event_participants.actor_id = 'org:cambodia-national-police'")
    build_all_views(connection)
    polri_cnp = pair(connection, "org:polri", "org:cambodia-national-police")
    connection.close()
    # the April meeting and agreement are the others; the June MoU names both as agents
    assert polri_cnp["n_events"] == n_events


@pytest.mark.parametrize("host_in_report, paired", [(True, False), (False, True)])
def test_agents_who_came_together_to_a_host_are_no_pair(tmp_path, host_in_report, paired):
    connection = duckdb.connect(str(build_warehouse(tmp_path / "w.duckdb")))
    # the Manila visit, now told as "Polri dan KBRI mengunjungi PNP": they came together
    connection.execute("update event_participants set role = 'agent' where event_id = 'ev:visit' and actor_id = 'org:polri'")
    connection.execute("insert into event_participants select 'ev:visit', 'org:kbri-phnom-penh', 'agent', "
                       "null, null, char_start, char_end from events where event_id = 'ev:visit'")
    if not host_in_report:  # PNP named as host only in a later sentence of the story
        connection.execute("update event_participants set char_start = e.char_end + 5, char_end = e.char_end + 9 "
                           "from events as e where e.event_id = event_participants.event_id "
                           "and event_participants.event_id = 'ev:visit' and event_participants.actor_id = 'org:pnp'")
    build_all_views(connection)
    visit_pairs = rows(connection, """
        select actor_cooperation.event_ids from actor_cooperation
        join actor_rollup on actor_rollup.actor_id = 'org:kbri-phnom-penh'
        where 'org:polri' in (actor_a_id, actor_b_id) and actor_rollup.rollup_actor_id in (actor_a_id, actor_b_id)""")
    connection.close()
    assert any("ev:visit" in r["event_ids"] for r in visit_pairs) == paired
