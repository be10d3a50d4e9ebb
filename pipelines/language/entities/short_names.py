"""A short name ("Untung") as part of a person named in full earlier in the story
("Untung Widyatmoko"): used when persons are found and when references are resolved."""
from __future__ import annotations

from .state import DocumentState


def contains_run(whole: tuple[str, ...], part: tuple[str, ...]) -> bool:
    """Whether `part` is a contiguous run of `whole` ("Azlan" in "Mohd Azlan Hashim")."""
    n = len(part)
    return 0 < n < len(whole) and any(whole[k:k + n] == part for k in range(len(whole) - n + 1))


def resolve_short_names(state: DocumentState, i: int, j: int) -> str | None:
    """The one earlier person whose full name contains tokens i..j as a contiguous part;
    None when no earlier person does or when several do (two Hendras stay unresolved)."""
    words = tuple(state.word(k) for k in range(i, j))
    found = [actor_id for actor_id, (first, name_words, _title) in state.persons.items()
             if first < i and contains_run(name_words, words)]
    return found[0] if len(found) == 1 else None
