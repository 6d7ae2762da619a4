"""Build: ingest files, analyse new documents in parallel, store them, then
re-run the corpus-level stages. Idempotent (a document already stored, by content
hash, is not analysed again) and safe to interrupt (each document is stored with
its analysis in one transaction; the corpus stage is replaced in one).
"""
from __future__ import annotations

import sys
import time
from collections import deque
from concurrent.futures import ProcessPoolExecutor
from dataclasses import dataclass, field
from typing import Callable, Iterable, Iterator

from .analyze import ANALYZER_VERSION, analysis_dict, analyze
from .ingest.readers import IngestError, read_paths
from .models import Document
from .store import Store


@dataclass
class BuildReport:
    added: int = 0
    skipped: int = 0
    errors: list[IngestError] = field(default_factory=list)
    documents: int = 0
    timings: dict[str, float] = field(default_factory=dict)   # seconds: read, analyse+store, corpus

    @property
    def ok(self) -> bool:
        return not self.errors


def _analyze_one(doc: Document) -> tuple[Document, dict]:
    return doc, analysis_dict(analyze(doc))


def analyze_many(docs: Iterable[Document], workers: int = 1, engine: str = "local",
                 ray_address: str | None = None) -> Iterator[tuple[Document, dict]]:
    """Analyse documents; same results whatever the engine or worker count."""
    if engine == "ray":
        from .engines import ray_analyze
        yield from ray_analyze(docs, ray_address=ray_address)
    elif workers <= 1:
        for d in docs:
            yield _analyze_one(d)
    else:
        # bounded submission: memory stays flat however many documents there are
        with ProcessPoolExecutor(max_workers=workers) as pool:
            pending: deque = deque()
            chunk: list[Document] = []
            for d in docs:
                chunk.append(d)
                if len(chunk) == CHUNK:
                    pending.append((chunk, pool.submit(_analyze_chunk, chunk)))
                    chunk = []
                    while len(pending) >= 4 * workers:
                        c, fut = pending.popleft()
                        yield from zip(c, fut.result())
            if chunk:
                pending.append((chunk, pool.submit(_analyze_chunk, chunk)))
            while pending:
                c, fut = pending.popleft()
                yield from zip(c, fut.result())


CHUNK = 8            # documents per task sent to a worker process


def _analyze_chunk(docs: list[Document]) -> list[dict]:
    return [analysis_dict(analyze(d)) for d in docs]   # only analyses travel back


def build(paths: list[str], db_url: str, workers: int = 1, engine: str = "local",
          ray_address: str | None = None, progress: bool = True,
          on_error: Callable[[IngestError], None] | None = None) -> BuildReport:
    store = Store(db_url)
    report = BuildReport()
    t0 = time.perf_counter()
    known = store.known_ids()
    fresh: list[Document] = []
    for item in read_paths(paths):
        if isinstance(item, IngestError):
            report.errors.append(item)
            if on_error:
                on_error(item)
            continue
        if item.id in known:
            report.skipped += 1
            continue
        known.add(item.id)
        fresh.append(item)
    store.log_errors(report.errors)
    t1 = time.perf_counter()
    results = analyze_many(fresh, workers=workers, engine=engine, ray_address=ray_address)
    if progress and fresh:
        from tqdm import tqdm
        results = tqdm(results, total=len(fresh), desc="analysing", unit="doc", file=sys.stderr)
    for doc, analysis in results:
        _store_one(store, doc, analysis, report, on_error)
    t2 = time.perf_counter()
    if report.added or not store.corpus().get("entities"):
        refresh(store)
    t3 = time.perf_counter()
    report.documents = store.count()
    report.timings = {"read": t1 - t0, "analyse_store": t2 - t1, "corpus": t3 - t2}
    return report


def _store_one(store: Store, doc: Document, analysis: dict, report: BuildReport,
               on_error: Callable[[IngestError], None] | None) -> None:
    """Store one document with its analysis in one transaction (SQLite in WAL mode
    with synchronous=NORMAL makes a commit cheap). If the store refuses it (e.g. a
    NUL character, which PostgreSQL text cannot hold), report that document and go on."""
    try:
        store.add(doc, analysis, ANALYZER_VERSION)
        report.added += 1
    except Exception as e:
        err = IngestError(doc.path or doc.id, f"cannot store: {type(e).__name__}: {str(e).splitlines()[0][:200]}")
        report.errors.append(err)
        store.log_errors([err])
        if on_error:
            on_error(err)


def refresh(store: Store) -> None:
    """Re-run resolution and reconciliation over everything stored."""
    from .corpus import run
    store.put_corpus(run(store.documents(), store.analyses()))
