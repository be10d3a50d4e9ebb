"""The shared development corpora (`../shared/corpus`, or LINIMASA_CORPUS), for the eval
and bench scripts and the corpus tests. Read at run time, never copied into the project."""
from __future__ import annotations

import os
from pathlib import Path

from pipelines.settings import PROJECT_ROOT

_NO_SPACE_BEFORE = set(",.:;!?)%”’")
_NO_SPACE_AFTER = set("(“‘")


def corpus_dir() -> Path:
    env = os.environ.get("LINIMASA_CORPUS")
    return Path(env) if env else PROJECT_ROOT.parent / "shared" / "corpus"


def kumparan_sentences(path: Path | None = None) -> list[str]:
    """Running text of each kumparan sentence: tokens joined with spaces, none before
    closing punctuation and none after an opening bracket."""
    path = path or corpus_dir() / "kumparan" / "sentences-postag.txt"
    sentences, tokens = [], []
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.strip():
            tokens.append(line.split("\t")[0])
        elif tokens:
            sentences.append(join_tokens(tokens))
            tokens = []
    if tokens:
        sentences.append(join_tokens(tokens))
    return sentences


def join_tokens(tokens: list[str]) -> str:
    out: list[str] = []
    for token in tokens:
        if out and token not in _NO_SPACE_BEFORE and out[-1][-1:] not in _NO_SPACE_AFTER:
            out.append(" ")
        out.append(token)
    return "".join(out)


def kumparan_articles(per_article: int = 15, limit: int | None = None, per_paragraph: int | None = None) -> list[str]:
    """Consecutive sentences grouped into article-sized texts (optionally in paragraphs)."""
    sentences = kumparan_sentences()
    articles = []
    for start in range(0, len(sentences), per_article):
        group = sentences[start:start + per_article]
        if per_paragraph:
            articles.append("\n\n".join(" ".join(group[i:i + per_paragraph]) for i in range(0, len(group), per_paragraph)))
        else:
            articles.append(" ".join(group))
        if limit is not None and len(articles) == limit:
            break
    return articles
