"""A story in the test warehouse written to break out of the HTML report, for the escaping tests."""
from __future__ import annotations

# An article whose text and metadata try to break out of the page: a script-closing tag with
# an image whose error handler would mark the window, markup, and a javascript: link.
HOSTILE_SENTENCE = ('PAOCC menulis </script><img src=x onerror="window.pwned=1"> '
                    'dan <b>tebal</b> soal judi online di Pasay.')
HOSTILE_URL = "javascript:window.pwned=1"


def add_hostile_article(conn) -> None:
    """Append HOSTILE_SENTENCE to the Manila story, as a statement event with its actor and
    place spans, give that story a javascript: URL and a title with markup."""
    body = conn.execute("select body from documents where document_id = 'doc:manila'").fetchone()[0]
    start = len(body) + 1
    end = start + len(HOSTILE_SENTENCE)
    conn.execute("update documents set body = body || ' ' || ?, url = ?, "
                 "title = 'Razia <b>judi</b> & \"scam\" </script><img src=x onerror=\"window.pwned=2\">' "
                 "where document_id = 'doc:manila'", [HOSTILE_SENTENCE, HOSTILE_URL])
    actor = start + HOSTILE_SENTENCE.index("PAOCC")
    place = start + HOSTILE_SENTENCE.index("Pasay")
    conn.execute("insert into events (event_id, document_id, event_type, cameo_code, date_start, date_end, "
                 "date_precision, date_mention_id, summary, char_start, char_end, trigger, trigger_start, "
                 "trigger_end, date_source, modality) values ('ev:hostile', 'doc:manila', 'statement', null, "
                 "date '2025-05-02', date '2025-05-02', 'day', null, ?, ?, ?, 'menulis', null, null, "
                 "'publication', 'asserted')", [HOSTILE_SENTENCE, start, end])
    conn.execute("insert into event_participants values ('ev:hostile', 'org:paocc', 'speaker', null, null, ?, ?)",
                 [actor, actor + len("PAOCC")])
    conn.execute("insert into event_locations values ('ev:hostile', 'loc:pasay', ?, ?)", [place, place + len("Pasay")])
    conn.execute("insert into event_topics values ('ev:hostile', 'online_gambling')")
