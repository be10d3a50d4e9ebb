"""Token features for the statistical NER tagger (CRF).

Per-word features are cached because news vocabulary repeats; a sentence then only pays for
gluing neighbours' cached parts together, which keeps tagging fast enough for the bench budget.
"""
from __future__ import annotations

import functools

from pathlib import Path

from . import gazetteer
from .catalog import catalog

# Words news text writes in lower case (built from a POS-tagged news corpus by
# scripts/train_ner.py). A capitalised word that is not one of them is probably a name.
COMMON_WORDS_PATH = Path(__file__).resolve().parent / "model" / "common_words.txt"


# Words that name people, harvested from quoting frames in the same corpus ("kata X").
PERSON_NAMES_PATH = COMMON_WORDS_PATH.with_name("person_names.txt")


@functools.cache
def person_names() -> frozenset[str]:
    if not PERSON_NAMES_PATH.exists():
        return frozenset()
    return frozenset(PERSON_NAMES_PATH.read_text(encoding="utf-8").split())


@functools.cache
def common_words() -> frozenset[str]:
    if not COMMON_WORDS_PATH.exists():
        return frozenset()
    return frozenset(COMMON_WORDS_PATH.read_text(encoding="utf-8").split())


@functools.lru_cache(maxsize=200_000)
def word_features(word: str) -> tuple[str, ...]:
    """Features that depend on the word alone."""
    cat = catalog()
    lower = word.lower()
    feats = ["b", "w=" + lower, "s3=" + lower[-3:], "p3=" + lower[:3], "shape=" + _shape(word)]
    if word[:1].isupper():
        feats.append("cap")
        feats.append("cap_common" if lower in common_words() else "cap_rare")
        if word in person_names():
            feats.append("gz=pername")
    if word.isupper() and len(word) > 1:
        feats.append("upper")
    if any(c.isdigit() for c in word):
        feats.append("digit")
    for name, vocab in _gazetteer_vocab().items():
        if word in vocab:
            feats.append("gz=" + name)
    feats.extend("gz=pkg_" + kind for kind in gazetteer.word_kinds(word))
    if (word,) in cat.ranks:
        feats.append("rank")
    if (word,) in cat.titles:
        feats.append("title")
    if lower in _SPEECH:
        feats.append("cls=speech")
    elif lower in _PERSON_CUES:
        feats.append("cls=personcue")
    return tuple(feats)


@functools.cache
def _gazetteer_vocab() -> dict[str, frozenset[str]]:
    cat = catalog()
    return {
        "place": frozenset(w for key in cat.place_names for w in key if w[:1].isupper()),
        "country": frozenset(w for key in cat.country_names for w in key if w[:1].isupper()),
        "org": frozenset(w for key in (*cat.actor_names, *cat.org_patterns) for w in key
                         if w[:1].isupper()),
        "rankword": frozenset(w for key in cat.ranks for w in key),
        "titleword": frozenset(w for key in cat.titles for w in key),
    }


# Word classes around names: quoting verbs after them, address forms and agents before them.
_SPEECH = frozenset("""kata ujar ucap tutur jelas tegas ungkap sebut lanjut imbuh tambah mengatakan
menyatakan menjelaskan menegaskan menuturkan mengungkapkan menyebutkan menambahkan mengaku
menilai meminta menyampaikan berkata bilang""".split())
_PERSON_CUES = frozenset("""oleh menurut pak bu bapak ibu saudara sdr tersangka terdakwa korban
pelaku mantan almarhum pemimpin""".split())


def _shape(word: str) -> str:
    shape = []
    for ch in word[:6]:
        kind = "X" if ch.isupper() else "x" if ch.islower() else "d" if ch.isdigit() else ch
        if not shape or shape[-1] != kind:
            shape.append(kind)
    return "".join(shape)


_CONTEXT = {-2: "-2", -1: "-1", 1: "+1", 2: "+2"}
# Only these per-word features travel to neighbours; the rest stay local to keep the model small.
_SHARED = ("w=", "cap", "upper", "gz=", "rank", "title", "cls=")  # "cap" also carries cap_common/cap_rare


@functools.lru_cache(maxsize=200_000)
def _shared(word: str) -> tuple[str, ...]:
    return tuple(f for f in word_features(word) if f.startswith(_SHARED) and f != "b")


@functools.lru_cache(maxsize=200_000)
def _as_neighbour(word: str) -> tuple[tuple[str, ...], tuple[str, ...], str, str]:
    """A word's features as seen from the next word (-1), the previous word (+1), and two away."""
    shared = _shared(word)
    lower = word.lower()
    return (tuple("-1" + f for f in shared), tuple("+1" + f for f in shared),
            "-2w=" + lower, "+2w=" + lower)


_BOS, _EOS = ("-1BOS",), ("+1EOS",)


def sentence_features(words: list[str], start: int = 0, end: int | None = None) -> list[list[str]]:
    """Feature lists for words[start:end] of one sentence: each word's own features, the shared
    features of its neighbours one away, and the identity of words two away. Neighbours come
    from the whole sentence, so a window gets the same features its words have in full."""
    n = len(words)
    end = n if end is None else end
    lo, hi = max(0, start - 2), min(n, end + 2)
    neighbours = [None] * lo + [_as_neighbour(w) for w in words[lo:hi]] + [None] * (n - hi)
    out: list[list[str]] = []
    for i in range(start, end):
        word = words[i]
        feats = list(word_features(word))
        feats.extend(neighbours[i - 1][0] if i > 0 else _BOS)
        feats.extend(neighbours[i + 1][1] if i + 1 < n else _EOS)
        if i > 1:
            feats.append(neighbours[i - 2][2])
        if i + 2 < n:
            feats.append(neighbours[i + 2][3])
        out.append(feats)
    return out


def clear_caches() -> None:
    """Forget cached features (after the word lists are rebuilt)."""
    for cached in (word_features, _shared, _as_neighbour, common_words, person_names,
                   gazetteer.names):
        cached.cache_clear()
