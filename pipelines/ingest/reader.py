"""Article files → normalised articles or recorded rejections.

Pure Python (no Dagster, no DuckDB) so it can be tested on its own. Every file found
under the article folder ends up either as one or more `Article`s or as a `Rejection`
with a reason; nothing is silently dropped. A `.jsonl` file is a batch: each line is a
record of its own, so one bad line rejects that line only.
"""
from __future__ import annotations

import datetime as dt
import hashlib
import os
from collections.abc import Iterator
from dataclasses import dataclass, field
from pathlib import Path
from zoneinfo import ZoneInfo

import yaml

from pipelines.language.jsonl import RecordError, bounded_lines, load_record, too_long_message
from pipelines.language.text import normalise
from pipelines.settings import MAX_ARTICLE_BYTES, MAX_JSONL_BYTES

JAKARTA = ZoneInfo("Asia/Jakarta")
ARTICLE_SUFFIXES = {".md", ".txt", ".jsonl"}
METADATA_KEYS = ("title", "published", "url", "source", "language")
TITLE_MAX_CHARS = 300
METADATA_MAX_CHARS = 2000
# Publication dates outside this span are typos or placeholders (0001-01-01, 9999-12-31),
# and would anchor every relative date in the story to nonsense.
PUBLISHED_YEARS = range(1900, 2101)


@dataclass(frozen=True)
class Article:
    source_path: str
    body: str
    title: str
    published_at: dt.datetime | None
    url: str | None
    source: str | None
    language: str
    external_id: str | None = None

    @property
    def document_id(self) -> str:
        """Content-based: the same story under two file names is one document."""
        return "doc_" + hashlib.sha256(self.body.encode("utf-8")).hexdigest()[:20]

    @property
    def content_hash(self) -> str:
        """Body and metadata: a corrected publication date must re-anchor the story."""
        published = self.published_at.isoformat() if self.published_at else ""
        parts = [self.body, self.title, published, self.url or "", self.source or "", self.language]
        return hashlib.sha256("\x1f".join(parts).encode("utf-8")).hexdigest()


@dataclass(frozen=True)
class Rejection:
    source_path: str
    reason: str
    detail: str
    size_bytes: int | None = None


class ArticleFolderMissing(Exception):
    """The article folder does not exist: loading it as empty would delete every document."""


class RejectedInput(Exception):
    def __init__(self, reason: str, detail: str):
        super().__init__(f"{reason}: {detail}")
        self.reason = reason
        self.detail = detail


@dataclass
class FolderScan:
    articles: list[Article] = field(default_factory=list)
    rejections: list[Rejection] = field(default_factory=list)
    files_seen: int = 0


class ArticleFolderEmpty(Exception):
    """The article folder holds no file at all: an unmounted share looks exactly like this,
    and loading it would empty the warehouse. `linimasa run --allow-empty` means it."""


def scan_folder(folder: Path, allow_empty: bool = True) -> FolderScan:
    """Read every file below `folder` (anything that is not a directory), in path order,
    into articles and rejections."""
    if not folder.is_dir():
        raise ArticleFolderMissing(f"article folder {folder} does not exist or is not a folder")
    scan = FolderScan()
    for found in walk_folder(folder):
        scan.files_seen += 1
        if isinstance(found, Rejection):
            scan.rejections.append(found)
            continue
        path, relative = found
        for item in read_file(path, relative):
            (scan.articles if isinstance(item, Article) else scan.rejections).append(item)
    if scan.files_seen == 0 and not allow_empty:
        raise ArticleFolderEmpty(
            f"article folder {folder} is empty (an unmounted share?); the warehouse is kept as it was. "
            "Run `linimasa run --allow-empty` to empty it on purpose."
        )
    return scan


def walk_folder(root: Path) -> Iterator[tuple[Path, str] | Rejection]:
    """Every file below `root` as (path, path relative to root), depth first in name order,
    or a Rejection for a link that cannot be followed. Symbolic links are resolved once:
    one pointing inside the folder is followed (a linked folder of articles is read), one
    pointing outside is rejected (`arsip/passwd -> /etc/passwd` is no article), and one
    leading back to a folder that contains it is rejected instead of walked forever."""
    real_root = root.resolve()

    def visit(directory: Path, ancestors: frozenset[Path]) -> Iterator[tuple[Path, str] | Rejection]:
        try:
            with os.scandir(directory) as listing:
                entries = sorted(listing, key=lambda entry: os.fsencode(entry.name))
        except OSError as error:
            yield Rejection(_shown(directory.relative_to(root).as_posix()), "unreadable", f"folder cannot be listed: {error.strerror}")
            return
        for entry in entries:
            path = Path(entry.path)
            relative = path.relative_to(root).as_posix()
            try:
                is_link = entry.is_symlink()
                is_dir = entry.is_dir(follow_symlinks=False)
            except OSError as error:
                yield Rejection(_shown(relative), "unreadable", str(error))
                continue
            if not is_link:
                if is_dir:
                    yield from visit(path, ancestors | {path.resolve()})
                else:
                    yield path, relative
                continue
            try:
                target = path.resolve(strict=True)
            except RuntimeError:  # a -> b -> a
                yield Rejection(_shown(relative), "symlink_loop", "symbolic links that point at each other in a circle")
                continue
            except OSError:
                yield Rejection(_shown(relative), "unreadable", f"symbolic link to {os.readlink(path)!r}, which does not exist")
                continue
            if target != real_root and real_root not in target.parents:
                yield Rejection(_shown(relative), "outside_folder", "symbolic link to a path outside the article folder")
            elif target.is_dir():
                if target in ancestors:
                    yield Rejection(_shown(relative), "symlink_loop", "symbolic link to a folder that contains it")
                else:
                    yield from visit(path, ancestors | {target})
            else:
                yield path, relative

    yield from visit(root, frozenset({real_root}))


def _shown(name: str) -> str:
    return name if _is_utf8(name) else os.fsencode(name).decode("utf-8", "backslashreplace")


def folder_files(folder: Path) -> Iterator[tuple[Path, str] | Rejection]:
    """`walk_folder` for an article folder that must exist: every file as (path, path
    relative to the folder), or a Rejection for a link that cannot be followed. The ingest
    asset reads these one at a time; `scan_folder` reads them all (tests, scripts)."""
    if not folder.is_dir():
        raise ArticleFolderMissing(f"article folder {folder} does not exist or is not a folder")
    yield from walk_folder(folder)


def read_file(path: Path, display_path: str | None = None) -> list[Article | Rejection]:
    """One file's articles, or the reason it cannot be read; never raises for bad input."""
    name = display_path or path.name
    if not _is_utf8(name):
        shown = os.fsencode(name).decode("utf-8", "backslashreplace")
        return [Rejection(shown, "bad_file_name", "the file name is not valid UTF-8; rename the file")]
    try:
        size = path.stat().st_size
    except OSError as error:  # e.g. a symbolic link to nothing
        return [Rejection(name, "unreadable", str(error))]
    if not path.is_file():
        return [Rejection(name, "unreadable", "not a regular file (device, socket or pipe)")]
    suffix = path.suffix.lower()
    if suffix not in ARTICLE_SUFFIXES:
        return [Rejection(name, "unsupported_format", f"'{suffix or path.name}' is not one of .md, .txt, .jsonl", size)]
    limit = MAX_JSONL_BYTES if suffix == ".jsonl" else MAX_ARTICLE_BYTES
    if size > limit:
        return [Rejection(name, "too_large", f"{size} bytes is over the {limit}-byte limit", size)]
    try:
        if suffix == ".jsonl":
            return list(_read_jsonl_file(path, name))
        return [parse_article(decode(path.read_bytes()), name)]
    except RejectedInput as rejected:
        return [Rejection(name, rejected.reason, rejected.detail, size)]
    except OSError as error:
        return [Rejection(name, "unreadable", str(error), size)]
    except (RecursionError, MemoryError) as error:  # a parser giving up must not stop the batch
        return [Rejection(name, "unparseable", f"{type(error).__name__} while reading the file", size)]


def _is_utf8(text: str) -> bool:
    try:
        text.encode("utf-8")
    except UnicodeEncodeError:  # lone surrogates: undecodable file names, "\\ud800" in JSON
        return False
    return True


def decode(raw: bytes) -> str:
    """UTF-8 (with or without BOM), UTF-16 with a BOM, then a cp1252 fallback for old exports."""
    if not raw.strip():
        raise RejectedInput("empty", "the file has no content")
    if raw.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            return raw.decode("utf-16")
        except UnicodeDecodeError as error:
            raise RejectedInput("undecodable", f"UTF-16 BOM but invalid data: {error}") from None
    _reject_binary(raw)
    try:
        return raw.decode("utf-8-sig")
    except UnicodeDecodeError:
        pass
    try:
        return raw.decode("cp1252")
    except UnicodeDecodeError as error:
        raise RejectedInput("undecodable", f"neither UTF-8 nor cp1252: {error}") from None


def _reject_binary(raw: bytes) -> None:
    """A NUL byte anywhere, or over 10% control bytes in the first 8 KB, is binary: text
    editors and news exports never write NUL, and a text with one truncates in C tools."""
    if b"\x00" in raw or _control_ratio(raw[:8192]) > 0.10:
        raise RejectedInput("binary", "the file holds binary data (NUL or control bytes), not text")


def _control_ratio(sample: bytes) -> float:
    controls = sum(1 for byte in sample if byte < 32 and byte not in (9, 10, 12, 13))
    return controls / max(len(sample), 1)


def parse_article(text: str, source_path: str, extra: dict | None = None) -> Article:
    """Front matter (optional) + body. Without a title, the first line is the title;
    a plain-text file keeps that line in its body, since it may be the lead itself."""
    if not _is_utf8(text):
        raise RejectedInput("undecodable", "the text holds a lone UTF-16 surrogate, which is no character")
    if "\x00" in text:
        raise RejectedInput("binary", "the text holds a NUL character (\\u0000), which no article has")
    text = normalise(text)
    metadata: dict = dict(extra or {})
    body = text
    if text.startswith("---"):
        metadata.update(_front_matter(text))
        body = text.split("\n", 1)[1] if "\n" in text else ""
        body = body[_closing_fence_end(body):]
    body = body.strip("\n").rstrip()
    if not body.strip():
        raise RejectedInput("empty_body", "no article text after the front matter")
    if len(body.encode("utf-8")) > MAX_ARTICLE_BYTES:
        raise RejectedInput("too_large", f"article text is over the {MAX_ARTICLE_BYTES}-byte limit")
    title = (_as_text(metadata.get("title"), "title") or body.split("\n", 1)[0].strip())[:TITLE_MAX_CHARS]
    return Article(
        source_path=source_path,
        body=body,
        title=title,
        published_at=parse_published(metadata.get("published")),
        url=_as_text(metadata.get("url"), "url"),
        source=_as_text(metadata.get("source"), "source"),
        language=_as_text(metadata.get("language"), "language") or "id",
        external_id=_as_text(metadata.get("id"), "id"),
    )


def _front_matter(text: str) -> dict:
    first_line = text.split("\n", 1)[0]
    if first_line.strip() != "---":
        raise RejectedInput("broken_front_matter", f"opening line {first_line[:40]!r} is not '---'")
    rest = text.split("\n", 1)[1] if "\n" in text else ""
    end = _closing_fence_start(rest)
    if end is None:
        raise RejectedInput("broken_front_matter", "front matter opened with '---' is never closed")
    try:
        data = yaml.safe_load(rest[:end]) or {}
    except yaml.YAMLError as error:
        raise RejectedInput("broken_front_matter", f"invalid YAML: {str(error).splitlines()[0]}") from None
    except ValueError as error:  # YAML reads 2025-02-31 as a timestamp and fails on it
        raise RejectedInput("broken_front_matter", f"impossible value: {error}") from None
    except RecursionError:
        raise RejectedInput("broken_front_matter", "front matter nested too deeply to read") from None
    if not isinstance(data, dict):
        raise RejectedInput("broken_front_matter", f"front matter is a {type(data).__name__}, not a mapping")
    return data


def _closing_fence_start(rest: str) -> int | None:
    offset = 0
    for line in rest.split("\n"):
        if line.strip() == "---":
            return offset
        offset += len(line) + 1
    return None


def _closing_fence_end(rest: str) -> int:
    start = _closing_fence_start(rest)
    assert start is not None  # _front_matter has checked it
    newline = rest.find("\n", start)
    return len(rest) if newline == -1 else newline + 1


def parse_published(value) -> dt.datetime | None:
    """A date or datetime; naive values are Asia/Jakarta, as Indonesian newsrooms write them."""
    if value is None or value == "":
        return None
    if isinstance(value, dt.datetime):
        moment = value
    elif isinstance(value, dt.date):
        moment = dt.datetime.combine(value, dt.time())
    else:
        moment = _parse_published_text(str(value).strip())
    if moment.year not in PUBLISHED_YEARS:
        raise RejectedInput("invalid_published_date", f"published year {moment.year} is outside {PUBLISHED_YEARS.start}–{PUBLISHED_YEARS.stop - 1}")
    if moment.tzinfo is None:
        moment = moment.replace(tzinfo=JAKARTA)
    return moment


def _parse_published_text(value: str) -> dt.datetime:
    try:
        return dt.datetime.fromisoformat(value.replace("Z", "+00:00"))
    except ValueError:
        pass
    from pipelines.language.dates import tag_dates  # Indonesian forms: "Senin, 14 April 2025"

    for mention in tag_dates(value):
        if mention.granularity == "day" and mention.date_start and mention.date_start == mention.date_end:
            return dt.datetime.combine(mention.date_start, dt.time())
    raise RejectedInput("invalid_published_date", f"published value {value[:60]!r} is not a real date")


def _read_jsonl_file(path: Path, source_path: str) -> Iterator[Article | Rejection]:
    """Line by line with a bounded reader: one huge, deep or undecodable line is rejected
    alone. Lines are decoded one by one (UTF-8, else cp1252); a UTF-16 file, which has no
    byte-wise lines, is decoded whole within the .jsonl size limit."""
    with path.open("rb") as handle:
        head = handle.read(8192)
        if not head.strip():
            raise RejectedInput("empty", "the file has no content")
        if head.startswith((b"\xff\xfe", b"\xfe\xff")):
            text = normalise(decode(head + handle.read()))
            lines = ((number, line) for number, line in enumerate(text.split("\n"), start=1))
        else:
            if b"\x00" in head or _control_ratio(head) > 0.10:
                raise RejectedInput("binary", "the file holds binary data (NUL or control bytes), not text")
            handle.seek(0)
            lines = bounded_lines(handle, MAX_ARTICLE_BYTES)
        seen = False
        number = 0  # records are numbered as lines after CR/CRLF became LF, as before streaming
        for physical, line in lines:
            number += 1
            record_path = f"{source_path}:{number}"
            if line is None:
                seen = True
                yield Rejection(record_path, "too_large", too_long_message(MAX_ARTICLE_BYTES))
                continue
            if isinstance(line, bytes):
                try:
                    line = _decode_line(line, first=physical == 1)
                except RejectedInput as rejected:
                    seen = True
                    yield Rejection(record_path, rejected.reason, rejected.detail, len(line))
                    continue
            pieces = line.split("\n")  # a file with old Mac CR endings is one byte-wise line
            for extra, piece in enumerate(pieces):
                if extra:
                    number += 1
                    record_path = f"{source_path}:{number}"
                if piece.strip():
                    seen = True
                    yield _read_jsonl_record(piece, record_path)
    if not seen:
        yield Rejection(source_path, "empty", "the file has no content")


def _decode_line(raw: bytes, first: bool) -> str:
    if b"\x00" in raw:
        raise RejectedInput("binary", "the line holds a NUL byte, not text")
    try:
        text = raw.decode("utf-8-sig" if first else "utf-8")
    except UnicodeDecodeError:
        try:
            text = raw.decode("cp1252")
        except UnicodeDecodeError as error:
            raise RejectedInput("undecodable", f"neither UTF-8 nor cp1252: {error}") from None
    return normalise(text).strip("\n")


def _read_jsonl_record(line: str, record_path: str) -> Article | Rejection:
    try:
        record = load_record(line)
        body = record.get("text")
        if not isinstance(body, str):
            raise RejectedInput("bad_json_record", "record has no 'text' string")
        metadata = {key: record.get(key) for key in (*METADATA_KEYS, "id") if record.get(key) is not None}
        return parse_article(body, record_path, metadata)
    except RecordError as error:
        return Rejection(record_path, "bad_json_record", str(error), len(line))
    except RejectedInput as rejected:
        return Rejection(record_path, rejected.reason, rejected.detail, len(line))
    except (RecursionError, MemoryError) as error:
        return Rejection(record_path, "unparseable", f"{type(error).__name__} while reading the record", len(line))


def _as_text(value, key: str = "value") -> str | None:
    """A scalar metadata value as text; lists and mappings are front-matter mistakes."""
    if value is None:
        return None
    if isinstance(value, (list, dict, set, tuple)):
        raise RejectedInput("broken_front_matter", f"'{key}' is a {type(value).__name__}, not text")
    text = str(value).strip()
    if not _is_utf8(text):
        raise RejectedInput("undecodable", f"'{key}' holds a lone UTF-16 surrogate")
    return text[:METADATA_MAX_CHARS] or None
