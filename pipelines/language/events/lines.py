"""Which sentences can report events of this story at all.

Links to other stories ("Baca juga: ..."), the headline under a bare link marker, and
headline-like lines (titles, numbered sub-headings of list articles) restate or point
elsewhere; questions ask rather than report. Such sentences may still refer back to an
event ("apa saja fakta dari pertemuan ini?") but never create one. The dateline
("JAKARTA, Senin (14/4/2025) - ") tells where and when the story was filed, so its date
governs no event.
"""
from __future__ import annotations

import re

from pipelines.language.events.cues import lexicon
from pipelines.language.text import Span

_WORD = re.compile(r"[^\W\d_][\w'’-]*")
# Function words stay lowercase in Indonesian and English headline case.
_MINOR = frozenset("""dan di ke dari yang untuk dengan pada atau dalam oleh serta jadi
    tak tidak bagi akan sebagai soal usai the of and in on to for a an at by""".split())
_LIST_NUMBER = re.compile(r"^\s*\d{1,2}[.)]\s+")


def is_link_line(line: str) -> bool:
    """A "Baca juga"-style line pointing to another story."""
    return bool(lexicon().link_re.match(line))


def is_headline_like(line: str) -> bool:
    """A title or sub-heading: no closing punctuation and (almost) every word capitalised."""
    stripped = line.strip()
    if not stripped or stripped[-1] in '.!?"”:;,' or len(stripped) > 160:
        return False
    words = [w for w in _WORD.findall(_LIST_NUMBER.sub("", stripped)) if w.lower() not in _MINOR]
    if len(words) < 2:
        return False
    capitalised = sum(1 for w in words if w[0].isupper())
    return capitalised >= 0.8 * len(words)


def _line_bounds(text: str, position: int) -> tuple[int, int]:
    start = text.rfind("\n", 0, position) + 1
    end = text.find("\n", position)
    return start, len(text) if end < 0 else end


def reporting_mask(text: str, sentences: list[Span]) -> list[bool]:
    """For each sentence, whether it may create events (True) or only refer back (False)."""
    mask: list[bool] = []
    skip_line_start = -1  # the line right after a bare "Baca juga:" marker
    line_cache: dict[int, tuple[int, int, bool, bool]] = {}
    for span in sentences:
        line_start, line_end = _line_bounds(text, span.start)
        if line_start not in line_cache:
            line = text[line_start:line_end]
            link = is_link_line(line)
            if link and not re.sub(r"[\W_]+", " ", lexicon().link_re.sub("", line, count=1)).strip():
                skip_line_start = line_end + 1
                while skip_line_start < len(text) and text[skip_line_start] == "\n":
                    skip_line_start += 1
            whole_line = span.start == line_start and span.end == line_end
            line_cache[line_start] = (line_start, line_end, link, whole_line and is_headline_like(line))
        _, _, link, headline = line_cache[line_start]
        sentence = text[span.start:span.end]
        reporting = not (link or headline or line_start == skip_line_start or sentence.rstrip().endswith("?"))
        mask.append(reporting)
    return mask


# "JAKARTA, Senin (14/4/2025) - ": where and when the story was filed.
_DATELINE = re.compile(r"^\s*[A-Z][\w.'’ ]{1,40}?(?:\s*,\s*[^\n]{0,60}?)?\s+[-–—]\s+|^\s*[A-Z][\w.'’ ]{1,40}?:\s")


def dateline_end_of(text: str) -> int:
    """End of the dateline; dates in it tell when the story was filed, not when events happened.
    It opens the body, or the first paragraph after a title line."""
    offset = 0
    for _ in range(2):
        while offset < len(text) and text[offset] in "\n \t":
            offset += 1
        match = _DATELINE.match(text[offset:offset + 120])
        if match:
            return offset + match.end()
        line_end = text.find("\n", offset)
        if line_end < 0 or not is_headline_like(text[offset:line_end]):
            break
        offset = line_end
    return 0
