"""A place the text names that the gazetteer does not know ("Polres Metro Jakarta Barat"
implies "Jakarta Barat"; "di Bandara Kualanamu"): organisations and places both make them."""
from __future__ import annotations

from .records import Location
from .slugs import slugify
from .state import DocumentState


def text_location(state: DocumentState, name: str, feature_type: str,
                  country: str | None) -> Location:
    location_id = "loc:" + slugify(name)
    known = state.cat.locations.get(location_id)
    return known or state.locations.get(location_id) or Location(
        location_id, name, country, None, None, feature_type, "text")
