"""Odd input never crashes the junk rules or the tagger, and offsets always slice back."""
from __future__ import annotations

import json

from hypothesis import given, settings, strategies as st

from pipelines.language.entities import recognise_entities
from pipelines.language.entities.junk import junk_ranges, tidy

_WORDS = st.sampled_from(["Sedangkan", "Donald", "(", ")", "CNN", "Indonesia", "-", "AFP", "PHOTO",
                          "/", "Kairo", "Helmy", "Kementerian", "Agama", "M", "dan", "Liga",
                          "cnnindonesia.com", "Pénélope", "O'Neil", "كابل", "JAKARTA", ",", "."])


@settings(max_examples=60, deadline=None)
@given(st.lists(_WORDS, min_size=1, max_size=25))
def test_recognised_spans_slice_back_and_never_overlap(words):
    text = " ".join(words)
    found = recognise_entities(text)
    for e in found:
        assert text[e.start:e.end] == e.text and e.text.strip() == e.text and e.text
    ends = [(e.start, e.end) for e in found]
    assert all(a[1] <= b[0] for a, b in zip(ends, ends[1:]))


@settings(max_examples=80, deadline=None)
@given(st.text(max_size=60), st.sampled_from(["person", "organization", "location"]))
def test_tidy_only_shrinks(text, kind):
    span = tidy(text, (0, len(text)), kind)
    assert span is None or (0 <= span[0] < span[1] <= len(text))
    for a, b, _ in junk_ranges(text):
        assert 0 <= a < b <= len(text)


def test_all_caps_lower_case_and_very_long_text_do_not_crash():
    sentence = "Kapolri Jenderal Budi Santoso bertemu Menteri Luar Negeri Retno di Jakarta, "
    for text in (sentence.upper(), sentence.lower(), sentence * 80 + "kata dia."):
        for e in recognise_entities(text):
            assert text[e.start:e.end] == e.text
    assert json.dumps([e.to_json() for e in recognise_entities(sentence * 80)])
