"""The per-document work of each extraction step, as plain functions a worker process can run.

No Dagster, no DuckDB: a batch of documents goes in, rows and per-document errors come
out. The asset (pipelines/extract/assets.py) fetches batches, hands them to a process pool
and writes the results, alone, in the order the batches were cut.
"""
from __future__ import annotations

import atexit
import multiprocessing
import os
from collections.abc import Callable, Iterable, Iterator
from concurrent.futures import Executor, Future, ProcessPoolExecutor

from pipelines.extract.rows import actor_rows, date_mention_rows, event_rows

# Documents per batch: big enough that pickling and a transaction per batch cost little,
# small enough that a batch's rows stay a few MB.
BATCH_DOCUMENTS = 200


def extract_dates(doc) -> dict[str, list[dict]]:
    from pipelines.language.dates import tag_dates

    return {"date_mentions": date_mention_rows(doc.document_id, tag_dates(doc.body, doc.anchor_date))}


def extract_mentions_and_events(doc) -> dict[str, list[dict]]:
    from pipelines.language.document import analyse_document

    analysis = analyse_document(doc.body, doc.anchor_date)
    return {**actor_rows(doc.document_id, analysis.actors), **event_rows(doc.document_id, analysis.events)}


EXTRACTORS: dict[str, Callable] = {
    "date_mentions": extract_dates,
    "mentions_and_events": extract_mentions_and_events,
}


def extract_batch(step: str, tables: tuple[str, ...], docs: list) -> tuple[dict[str, list[dict]], dict[str, str]]:
    """Rows of every document of one batch; a document that makes the code fail is an error, not fatal."""
    extract = EXTRACTORS[step]
    rows: dict[str, list[dict]] = {table: [] for table in tables}
    errors: dict[str, str] = {}
    for doc in docs:
        try:
            for table, table_rows in extract(doc).items():
                rows[table].extend(table_rows)
        except Exception as error:  # one bad document must not stop the batch
            errors[doc.document_id] = f"{type(error).__name__}: {error}"
    return rows, errors


def worker_count() -> int:
    """LINIMASA_WORKERS, else one worker per core."""
    value = os.environ.get("LINIMASA_WORKERS", "")
    return max(1, int(value)) if value.strip() else max(1, os.cpu_count() or 1)


def batch_size() -> int:
    value = os.environ.get("LINIMASA_BATCH_SIZE", "")
    return max(1, int(value)) if value.strip() else BATCH_DOCUMENTS


def batched(items: list, size: int) -> Iterator[list]:
    for start in range(0, len(items), size):
        yield items[start:start + size]


class _InProcess(Executor):
    """Runs each batch when it is submitted: the sequential path, with no process to start."""

    def submit(self, fn, /, *args, **kwargs):
        future: Future = Future()
        try:
            future.set_result(fn(*args, **kwargs))
        except BaseException as error:
            future.set_exception(error)
        return future


_pool: ProcessPoolExecutor | None = None
_pool_workers = 0


def executor_for(batches: int, workers: int) -> Executor:
    """A process pool when there is more than one batch and more than one worker.

    Workers are spawned, not forked: the parent holds a DuckDB connection and Dagster's
    threads, which a fork would copy in whatever state they were in. A spawned worker
    loads the language data once (a few seconds), so one pool serves every step a process
    runs (`linimasa run` runs them all in one process) and is closed at exit."""
    global _pool, _pool_workers
    if workers <= 1 or batches <= 1:
        return _InProcess()
    if _pool is None or _pool_workers != workers or getattr(_pool, "_broken", False):
        if _pool is not None:
            _pool.shutdown(cancel_futures=True)
        _pool = ProcessPoolExecutor(max_workers=workers, mp_context=multiprocessing.get_context("spawn"))
        _pool_workers = workers
    return _pool


@atexit.register
def _close_pool() -> None:
    if _pool is not None:
        _pool.shutdown(cancel_futures=True)


def run_batches(step: str, tables: tuple[str, ...], batches: Iterable[list], workers: int, total_batches: int):
    """Yield (docs, rows, errors) per batch, in batch order, with at most workers + 1 batches in flight."""
    pool = executor_for(total_batches, workers)
    in_flight: list[tuple[list, Future]] = []
    try:
        for docs in batches:
            in_flight.append((docs, pool.submit(extract_batch, step, tables, docs)))
            while len(in_flight) > workers:
                done_docs, future = in_flight.pop(0)
                yield (done_docs, *future.result())
        while in_flight:
            done_docs, future = in_flight.pop(0)
            yield (done_docs, *future.result())
    finally:
        for _, future in in_flight:  # a failed write or an interrupt: drop the batches not yet written
            future.cancel()
