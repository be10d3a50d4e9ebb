"""Names the text teaches: "Long Name (ACR)", "Long Name (Other Name/ACR)", "Name/ACR".

"Divisi Hubungan Internasional (Divhubinter) Polri" and "Kepolisian Kamboja (Cambodia National
Police/CNP)" each become one actor whose aliases include every form; later mentions of any form
(the acronym above all) resolve to it.
"""
from __future__ import annotations

from .catalog import Key, words
from .organisations import add_pattern_org, country_in, match_pattern, text_org
from .state import DocumentState
from .vocab import CONNECTORS, org_long_forms, org_words

MAX_LONG = 10


def _long_start(state: DocumentState, end: int) -> int:
    """Start of the capitalised phrase ending before token `end`."""
    start = end
    while start > 0 and end - start < MAX_LONG and not state.claimed[start - 1]:
        word = state.word(start - 1)
        if word[:1].isupper() or (word in CONNECTORS and start < end) or word == "-":
            start -= 1
        else:
            break
    while start < end and not state.word(start)[:1].isupper():
        start += 1
    return start


def _acronym_like(form: str, long_form: str = "") -> bool:
    """'CNP', 'Satgas AJO', or a clipped single word that shares the long form's first letter
    ('Divhubinter' for 'Divisi Hubungan Internasional')."""
    if 1 <= len(form.split()) <= 3 and sum(c.isupper() for c in form) >= 2 and len(form) <= 24:
        return True
    return (" " not in form and form[:1].isupper() and long_form[:1].upper() == form[:1]
            and len(form) < len(long_form) and len(long_form.split()) >= 2)


def learn_definitions(state: DocumentState) -> None:
    for p in [k for k, word in enumerate(state.words) if word == "(" or word == "/"]:
        if p == 0 or state.claimed[p]:
            continue
        if state.words[p] == "(":
            _parenthesised(state, p)
        else:
            _slashed(state, p)


def _parenthesised(state: DocumentState, p: int) -> None:
    close = p + 1
    while close < len(state.tokens) and close - p < 12 and state.word(close) not in (")", "("):
        close += 1
    if state.word(close) != ")" or close == p + 1:
        return
    start = _long_start(state, p)
    if start == p:
        return
    inner = _split_inner(state, p + 1, close)
    if not inner or not all(state.tokens[a].is_capitalised for a, _ in inner):
        return
    long_form = state.surface(start, p)
    inner_forms = [state.surface(a, b) for a, b in inner]
    if not _acronym_like(inner_forms[-1], long_form):
        return
    start = _trim_to_known(state, start, p, inner_forms)
    start = _trim_title(state, start, p)
    long_form = state.surface(start, p)
    if long_form in org_long_forms() and _long_head_with_place(state, start, inner_forms):
        return
    end = close + 1
    suffix = None
    known_suffix = state.known_name(end) if end < len(state.tokens) else None
    if known_suffix and known_suffix[0] == end + 1:
        suffix = state.surface(end, end + 1)
        end += 1
    forms = [long_form, *inner_forms]
    if suffix:
        forms = [f"{f} {suffix}" for f in forms] + forms
    _define(state, start, end, forms, suffix)


def _long_head_with_place(state: DocumentState, start: int, inner_forms: list[str]) -> bool:
    """'Kedutaan Besar Republik Indonesia (KBRI) di Seoul' names KBRI Seoul: the body is the
    head pattern's, and the bare acronym later in the text refers to it."""
    pattern = match_pattern(state, start)
    if not pattern or not state.free(start, pattern[2]):
        return False
    head_end, row, end = pattern
    actor_id = add_pattern_org(state, start, head_end, row, end)
    state.mention_tokens(actor_id, start, end, "name")
    state.claim(start, end)
    for form in inner_forms:
        if _acronym_like(form):
            state.learned.setdefault(words(form), (actor_id, "acronym"))
    return True


def _trim_to_known(state: DocumentState, start: int, p: int, inner_forms: list[str]) -> int:
    """'jajaran International Cooperation Cambodia National Police (CNP)': the definition is of
    'Cambodia National Police'; words before a known name that the acronym names stay outside."""
    target = None
    for form in inner_forms:
        hit = state.cat.actor_names.get(words(form)) or state.learned.get(words(form))
        if hit:
            target = hit[0]
    if target is None:
        return start
    for k in range(start, p):
        known = state.known_name(k)
        if known and known[0] == p:
            return k if known[1][0] == target else start
    return start


def _trim_title(state: DocumentState, start: int, p: int) -> int:
    """'Ketua Badan Penyehatan Perbankan Nasional (BPPN)': the acronym names the body, so the
    title before it stays outside the long form (when what is left still names a body)."""
    from .persons import title_at

    hit = title_at(state, start)
    if hit and hit[0] < p - 1 and any(state.word(k) in org_words() for k in range(hit[0], p)):
        return hit[0]
    return start


def _split_inner(state: DocumentState, a: int, b: int) -> list[tuple[int, int]]:
    parts, start = [], a
    for k in range(a, b + 1):
        if k == b or state.word(k) == "/":
            if k > start:
                parts.append((start, k))
            start = k + 1
    return parts


def _slashed(state: DocumentState, p: int) -> None:
    """'Cambodia National Police/CNP' outside parentheses."""
    acronym = state.word(p + 1)
    if not (acronym.isupper() and len(acronym) >= 2) or state.word(p - 1) == "(":
        return
    start = _long_start(state, p)
    if p - start < 2:
        return
    _define(state, start, p + 2, [state.surface(start, p), acronym], None)


def _define(state: DocumentState, start: int, end: int, forms: list[str], suffix: str | None) -> None:
    cat = state.cat
    actor_id = None
    for form in forms:
        known = cat.actor_names.get(words(form)) or state.learned.get(words(form))
        if known:
            actor_id = known[0]
            break
    if any(words(form) in cat.ranks or words(form) in cat.titles for form in forms):
        return  # "Inspektur Polisi Satu (Iptu)" defines a rank, not a body
    if actor_id is None:
        long_form = forms[0]
        if not any(w in org_words() for w in long_form.split()):
            return  # "Warga Negara Indonesia (WNI)" defines a term, not a body
        parent = None
        if suffix:
            parent_hit = cat.actor_names.get(words(suffix)) or state.learned.get(words(suffix))
            parent = parent_hit[0] if parent_hit else None
        country = country_in(state, start, end)
        actor_id = text_org(state, long_form, parent=parent, country=country).actor_id
    elif actor_id in cat.actors:
        state.add_actor(cat.actors[actor_id])
    for form in forms:
        key: Key = words(form)
        resolution = "acronym" if " " not in form and _acronym_like(form, forms[0]) else "alias"
        state.learned.setdefault(key, (actor_id, resolution))
        state.add_alias(actor_id, form)
    state.mention_tokens(actor_id, start, end, "name")
    state.claim(start, end)
