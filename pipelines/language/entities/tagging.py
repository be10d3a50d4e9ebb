"""The statistical tagger run lazily, sentence by sentence, with its spans cached on the state.

Rules ask for a sentence's spans only when they need them (where does a title stop and a name
start?); the final pass asks only for sentences that still hold unexplained capitalised words.
That keeps the tagger, the costliest step, off most of the text.
"""
from __future__ import annotations

from . import gazetteer
from .junk import edge_words
from .features import common_words, person_names
from .crf import model_available, tag_spans
from .state import DocumentState
from .vocab import (OFFICE_PREFIXES, name_particles, non_names, office_words, org_words,
                    place_patterns)

Spans = list[tuple[int, int, str]]

_ADDRESS = frozenset({"Pak", "Bu", "Bapak", "Ibu", "Sdr", "Saudara", "Saudari", "Mr", "Mrs", "Ms"})


def sentence_token_ranges(state: DocumentState) -> list[tuple[int, int]]:
    """Token index ranges of the sentences (computed once per document)."""
    if state.sentence_ranges is None:
        ranges, i, n = [], 0, len(state.tokens)
        for start, end in state.sentences:
            while i < n and state.tokens[i].start < start:
                i += 1
            j = i
            while j < n and state.tokens[j].end <= end:
                j += 1
            if j > i:
                ranges.append((i, j))
            i = j
        state.sentence_ranges = ranges
    return state.sentence_ranges


def model_spans(state: DocumentState, index: int) -> Spans:
    """Model spans of sentence `index` (token indices into the document)."""
    cached = state.model_cache.get(index)
    if cached is not None:
        return cached
    a, b = sentence_token_ranges(state)[index]
    spans: Spans = []
    words = state.words[a:b]
    first, last = _capitalised_extent(words)
    if first is not None and any(w[:1].isupper() for w in words[1:]):
        # Only the stretch holding capitalised words can hold a name; two words of margin
        # either side keep the tagger's view of the context.
        for i, j, kind in tag_spans(words, max(0, first - 2), min(len(words), last + 3)):
            i, j = _trim(state, a + i, a + j, kind, a)
            if i < j:
                spans.append(constrain(state, i, j, kind))
    spans = join_particles(state, spans, a, b)
    state.model_cache[index] = spans
    return spans


def _name_word(state: DocumentState, k: int, strict: bool = False) -> bool:
    word = state.words[k]
    if not (word[:1].isupper() and word[:1].isalpha()) or word in non_names() \
            or word in org_words() or word in office_words() or word.startswith(OFFICE_PREFIXES):
        return False
    if strict:
        cat = state.cat
        return not ((word,) in cat.country_names or (word,) in cat.place_names
                    or (word,) in cat.actor_names or (word,) in cat.titles or (word,) in cat.ranks)
    return True


def _opener(state: DocumentState, a: int) -> bool:
    """An ordinary word opening the sentence ("Kemarin Jan van Dijk ...") is not part of a name."""
    word = state.words[a]
    return word.lower() in common_words() and word not in person_names()


def join_particles(state: DocumentState, spans: Spans, a: int, b: int) -> Spans:
    """Keep a name particle inside the person it belongs to (seeds/entity_name_particles.csv):
    "Zulkifli bin Ahmad", "Henrique da Costa", "Jan van Dijk" are one name each, whether the
    tagger split the name at the particle or missed it."""
    particles = name_particles()
    ordered = sorted(spans)
    joined: Spans = []
    k = 0
    while k < len(ordered):
        i, j, kind = ordered[k]
        k += 1
        if kind == "person":
            if i - 2 >= a and state.words[i - 1] in particles and _name_word(state, i - 2) \
                    and not state.claimed[i - 2] and not (joined and joined[-1][1] > i - 2):
                start = i - 2
                while start > a and i - start < 4 and _name_word(state, start - 1) \
                        and not state.claimed[start - 1] and not (joined and joined[-1][1] > start - 1):
                    start -= 1
                if start == a and start < i - 2 and _opener(state, a):
                    start += 1
                i = start  # "Siti binti Yusof" where the tagger took only "Yusof"
            while j + 1 < b and state.words[j] in particles and _name_word(state, j + 1) \
                    and not state.claimed[j + 1]:
                end = j + 1
                while end < b and end - j <= 3 and _name_word(state, end) and not state.claimed[end]:
                    end += 1
                while k < len(ordered) and ordered[k][0] < end:
                    end = max(end, ordered[k][1])
                    k += 1
                j = end
        joined.append((i, j, kind))
    covered = {t for i, j, _ in joined for t in range(i, j)}
    for p in range(a + 1, b - 1):
        if state.words[p] not in particles or p in covered:
            continue
        start = p
        while start > a and p - start < 3 and _name_word(state, start - 1, strict=True) \
                and not state.claimed[start - 1] and start - 1 not in covered:
            start -= 1
        end = p + 1
        while end < b and end - p <= 3 and _name_word(state, end, strict=True) \
                and not state.claimed[end] and end not in covered:
            end += 1
        if start == a and start < p - 1 and _opener(state, a):
            start += 1
        if start < p and end > p + 1 and (start == a or state.words[start - 1] not in particles):
            joined.append((start, end, "person"))
            covered.update(range(start, end))
    return sorted(joined)


def all_spans(state: DocumentState) -> Spans:
    return [span for k in range(len(sentence_token_ranges(state))) for span in model_spans(state, k)]


def unexplained_spans(state: DocumentState) -> Spans:
    """Model spans of the sentences where a capitalised word is still unexplained: unclaimed by
    the rules and not an ordinary word that news text writes in lower case elsewhere."""
    common = common_words()
    spans: Spans = []
    for k, (a, b) in enumerate(sentence_token_ranges(state)):
        open_words = [i for i in range(a, b) if state.tokens[i].is_capitalised
                      and not state.claimed[i] and state.words[i].lower() not in common]
        if not open_words:
            continue
        if k in state.model_cache:
            spans.extend(state.model_cache[k])
            continue
        # Tag only windows around the open words (two words of margin, like the features see).
        words = state.words[a:b]
        found: Spans = []
        for lo, hi in _windows(open_words, a, b):
            for i, j, kind in tag_spans(words, lo - a, hi - a):
                i, j = _trim(state, a + i, a + j, kind, a)
                if i < j:
                    found.append(constrain(state, i, j, kind))
        spans.extend(join_particles(state, found, a, b))
    return spans


def _windows(positions: list[int], a: int, b: int, margin: int = 1) -> list[tuple[int, int]]:
    """Merged [start, end) windows of `margin` words around each position, inside a..b."""
    windows: list[list[int]] = []
    for p in positions:
        lo, hi = max(a, p - margin), min(b, p + margin + 1)
        if windows and lo <= windows[-1][1] + margin:
            windows[-1][1] = hi
        else:
            windows.append([lo, hi])
    return [(lo, hi) for lo, hi in windows]


def person_end(state: DocumentState, i: int) -> int | None:
    """End of the tagger's person span starting at token i, if it proposes one."""
    if not model_available() or not state.tokens:
        return None
    index = sentence_index(state, i)
    for a, b, kind in model_spans(state, index):
        if a == i and kind == "person":
            return b
    return None


def sentence_index(state: DocumentState, i: int) -> int:
    ranges = sentence_token_ranges(state)
    lo, hi = 0, len(ranges) - 1
    while lo < hi:
        mid = (lo + hi + 1) // 2
        if ranges[mid][0] <= i:
            lo = mid
        else:
            hi = mid - 1
    return lo


def _capitalised_extent(words: list[str]) -> tuple[int | None, int | None]:
    """First and last capitalised word, not counting a sentence opener that is never a name
    ("Namun", "Menurut": seeds/entity_non_names.csv)."""
    openers = non_names()
    positions = [k for k, w in enumerate(words) if w[:1].isupper() and (k > 0 or w not in openers)]
    return (positions[0], positions[-1]) if positions else (None, None)


def constrain(state: DocumentState, i: int, j: int, kind: str) -> tuple[int, int, str]:
    """Hard typing rules from the package gazetteers (gazetteer.py): "Teheran" or "Jawa Tengah"
    tagged as a person is a place; "Jerman" tagged as an organisation is a country, which news
    NER data marks as a location; a large city glued in front of a person's name is dropped
    ("Kairo Helmy Fauzi" -> "Helmy Fauzi")."""
    i, j = _edges(state, i, j, kind)
    surface = state.surface(i, j)
    if kind == "person":
        if gazetteer.never_person(surface):
            return i, j, "location"
        if j - i >= 2 and gazetteer.never_person(state.word(i)) and state.word(i) not in person_names():
            return i + 1, j, kind
    elif kind == "organization" and surface in gazetteer.names("country"):
        return i, j, "location"
    return i, j, kind


def _edges(state: DocumentState, i: int, j: int, kind: str) -> tuple[int, int]:
    """Conjunctions, openers and brackets never open or close a name (seeds/entity_edge_words.csv):
    "Sedangkan Donald Trump" -> "Donald Trump", "( Jokowi )" -> "Jokowi"; an organisation does
    not end in the next person's initial ("Kementerian Agama M")."""
    edges = edge_words()
    inside = state.words[i:j]
    # A bracket stays when its partner is inside the span: "Bank Indonesia (BI)".
    keep = {"(" if ")" in inside else "", ")" if "(" in inside else ""}
    while j - i > 1 and (state.word(i) in edges
                         or state.word(i) in ("(", ")", "-", ",") and state.word(i) not in keep):
        i += 1
    while j - i > 1 and (edges.get(state.word(j - 1)) == "any"
                         or state.word(j - 1) in ("(", ")", "-", ",") and state.word(j - 1) not in keep):
        j -= 1
    if kind == "organization" and j - i > 2 and len(state.word(j - 1)) == 1 \
            and state.word(j - 1).isupper() and state.word(j - 2) != ".":
        j -= 1
    return i, j


def _trim(state: DocumentState, i: int, j: int, kind: str, sentence_start: int) -> tuple[int, int]:
    """Tidy a tagger span: an ordinary word opening the sentence is not part of a name
    ("Mengutip Inc", "Sementara Madrid"); persons lose address forms, titles and bodies."""
    word = state.words[i]
    if i == sentence_start and word.lower() in common_words() and word not in org_words() \
            and word not in office_words() and word not in state.cat.institution_words:
        i += 1
    if kind == "person" and i < j:
        if state.words[i] in place_patterns().firsts:
            return j, j  # "Kecamatan Kebon Jeruk" is a place, not a person
        i = _person_start(state, i, j)
    return i, j


def _person_start(state: DocumentState, i: int, j: int) -> int:
    """Drop address forms and titles the tagger let into a name ("Pak Hasto", "Kapolri Listyo").
    Academic forms and nicknames ("Ir.", "Gus Dur") stay: news NER data keeps them in the name."""
    cat = state.cat
    body = org_words() | office_words()
    after_body = False
    while j - i > 1:
        word = state.word(i)
        if word in _ADDRESS or (word,) in cat.titles or (word,) in cat.ranks:
            i += 1
        elif word in body or (word.isupper() and len(word) > 2) or word.startswith(OFFICE_PREFIXES):
            # "Partai Golkar Tantowi Yahya", "PPP M Romahurmuziy": a body's name runs into the person's
            i += 1
            after_body = True
        elif after_body and j - i > 2 and word not in person_names():
            i += 1  # the body's own name ("Golkar"), unless it is a known given name
        else:
            break
    if j - i == 1 and (state.word(i),) in cat.titles:
        return j  # a bare title is nobody's name
    return i
