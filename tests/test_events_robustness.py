"""Mangled or random input never makes event extraction raise, and offsets stay in range."""
from __future__ import annotations

import datetime as dt

from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from pipelines.language.document import analyse_document

STORY = """Jakarta - Divhubinter Polri menggelar pertemuan dengan Cambodia National Police (CNP) di Phnom Penh pada 7–9 Juli 2025. Pertemuan tersebut dipimpin oleh Irjen Krishna Murti.
"Kami sepakat bertukar informasi," kata Brigjen Untung Widyatmoko, Kamis (10/7/2025).
Baca juga:
Polisi Tangkap Perekrut di Batam
Polisi menangkap AS (34) dan MF (29) di Batam pada Jumat (11/7). Baru-baru ini, seorang WNI meninggal dunia di Poipet."""

_ALPHABET = st.sampled_from(list("aAeiouPpKk ,.;:\"“”()–-/0123456789\n") + ["Baca juga:", " kata ", " pertemuan ",
                                                                             " tersebut", " (7/4) ", "ujarnya"])


def _check(text: str) -> None:
    analysis = analyse_document(text, dt.date(2025, 7, 12))
    for event in analysis.events:
        assert 0 <= event.start <= event.trigger_start < event.trigger_end <= event.end <= len(text)
        assert text[event.start:event.end] == event.summary
        assert text[event.trigger_start:event.trigger_end] == event.trigger
        for item in (*event.participants, *event.locations):
            assert 0 <= item.start < item.end <= len(text)
        assert event.topics


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.lists(_ALPHABET, max_size=80).map("".join))
def test_random_fragments_never_raise(text):
    _check(text)


@settings(max_examples=60, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.integers(0, len(STORY)), st.integers(0, len(STORY)), st.text(max_size=12))
def test_cut_and_spliced_stories_never_raise(a, b, insert):
    lo, hi = sorted((a, b))
    _check(STORY[:lo] + insert + STORY[hi:])
    _check(STORY[lo:hi])


def test_empty_and_whitespace_text():
    for text in ("", " ", "\n\n", "Baca juga:", "“", "kata"):
        _check(text)
