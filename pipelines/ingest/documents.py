"""Articles → rows of `documents` / `rejected_documents` (pure; the asset writes them)."""
from __future__ import annotations

import datetime as dt
from collections import defaultdict

from pipelines.ingest.reader import JAKARTA, Article, FolderScan


def document_rows(scan: FolderScan) -> list[dict]:
    """One row per distinct body; duplicates under other paths are listed in source_paths."""
    by_id: dict[str, list[Article]] = defaultdict(list)
    for article in scan.articles:
        by_id[article.document_id].append(article)
    rows = []
    for document_id, copies in sorted(by_id.items()):
        copies.sort(key=lambda article: article.source_path)
        first = copies[0]
        anchor_date, anchor_origin = anchor_for(first)
        rows.append(
            {
                "document_id": document_id,
                "title": first.title,
                "url": first.url,
                "source": first.source,
                "published_at": first.published_at.astimezone(dt.timezone.utc) if first.published_at else None,
                "language": first.language,
                "body": first.body,
                "source_path": first.source_path,
                "source_paths": [article.source_path for article in copies],
                "content_hash": first.content_hash,
                "external_id": first.external_id,
                "anchor_date": anchor_date,
                "anchor_origin": anchor_origin,
                "char_count": len(first.body),
            }
        )
    return rows


def anchor_for(article: Article) -> tuple[dt.date | None, str]:
    """The publication date in Jakarta, else the dateline or latest explicit date in the text."""
    if article.published_at is not None:
        return article.published_at.astimezone(JAKARTA).date(), "published"
    from pipelines.language.dates import infer_anchor

    return infer_anchor(article.body)


def rejection_rows(scan: FolderScan) -> list[dict]:
    return [
        {"source_path": r.source_path, "reason": r.reason, "detail": r.detail, "size_bytes": r.size_bytes}
        for r in sorted(scan.rejections, key=lambda r: r.source_path)
    ]


def record_row(file_path: str, article: Article) -> dict:
    """One article as a staged record of `file_path`: its metadata, anchor and body."""
    anchor_date, anchor_origin = anchor_for(article)
    return {
        "file_path": file_path,
        "source_path": article.source_path,
        "document_id": article.document_id,
        "content_hash": article.content_hash,
        "title": article.title,
        "url": article.url,
        "source": article.source,
        "published_at": article.published_at.astimezone(dt.timezone.utc) if article.published_at else None,
        "language": article.language,
        "external_id": article.external_id,
        "anchor_date": anchor_date,
        "anchor_origin": anchor_origin,
        "body": article.body,
        "char_count": len(article.body),
    }
