"""infer_anchor(): a stand-in publication date for articles that carry none."""
from __future__ import annotations

import datetime as dt
import re

from pipelines.language.dates.tagger import tag_dates

# "Jakarta, Senin (14/4/2025) -", "JAKARTA, KOMPAS.com - Senin (14/4/2025)", "Jakarta, 14 April 2025 —":
# a place name and a date before the first dash of the lead.
_DATELINE = re.compile(r"^\s*[A-Z][\w .,'’()/-]{0,60}?[,:]\s*(?P<rest>.{0,80}?)\s[-–—]{1,2}\s", re.DOTALL)
_LEAD_WINDOW = 200


def infer_anchor(text: str) -> tuple[dt.date | None, str]:
    """(date, origin): the dateline's date ("dateline"), else the latest explicit
    day-level absolute date in the text ("latest_date"), else (None, "none")."""
    lead = text[:_LEAD_WINDOW]
    dateline = _DATELINE.match(lead)
    if dateline:
        for mention in tag_dates(lead[:dateline.end()]):
            if mention.kind == "absolute" and mention.granularity == "day" and mention.date_start \
                    and mention.start >= dateline.start("rest") - 30:
                if _has_year(mention.text):
                    return mention.date_start, "dateline"
    explicit = [
        m.date_end for m in tag_dates(text)
        if m.kind in ("absolute", "range") and m.granularity == "day" and m.date_end and _has_year(m.text)
    ]
    if explicit:
        return max(explicit), "latest_date"
    return None, "none"


def _has_year(surface: str) -> bool:
    return re.search(r"(?:19|20)\d\d|/\d\d\b", surface) is not None
