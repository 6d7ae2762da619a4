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


class AnalysisFailed(dict):
    """Stands for the analysis of a document whose analysis raised: the build reports
    it and goes on; the document is not stored, so the next build tries it again."""

    def __init__(self, reason: str):
        super().__init__(error=reason)
        self.reason = reason


def safe_analysis(doc: Document) -> dict:
    try:
        return analysis_dict(analyze(doc))
    except Exception as e:      # one document's bug must not stop a build of thousands
        return AnalysisFailed(f"analysis failed: {type(e).__name__}: {str(e)[:200]}")


def _analyze_one(doc: Document) -> tuple[Document, dict]:
    return doc, analysis_dict(analyze(doc))


def analyze_many(docs: Iterable[Document], workers: int = 1, engine: str = "local",
                 ray_address: str | None = None, keep_going: bool = False) -> Iterator[tuple[Document, dict]]:
    """Analyse documents; same results whatever the engine or worker count, in input
    order. With ``keep_going`` a document whose analysis raises comes back with an
    ``AnalysisFailed`` instead of stopping everything."""
    if engine == "ray":
        from .engines import ray_analyze
        yield from ray_analyze(docs, ray_address=ray_address, keep_going=keep_going)
    elif workers <= 1:
        for d in docs:
            yield (d, safe_analysis(d)) if keep_going else _analyze_one(d)
    else:
        # bounded submission: memory stays flat however many documents there are
        with ProcessPoolExecutor(max_workers=workers) as pool:
            pending: deque = deque()
            chunk: list[Document] = []
            for d in docs:
                chunk.append(d)
                if len(chunk) == CHUNK:
                    pending.append((chunk, pool.submit(_analyze_chunk, chunk, keep_going)))
                    chunk = []
                    while len(pending) >= 4 * workers:
                        c, fut = pending.popleft()
                        yield from zip(c, fut.result())
            if chunk:
                pending.append((chunk, pool.submit(_analyze_chunk, chunk, keep_going)))
            while pending:
                c, fut = pending.popleft()
                yield from zip(c, fut.result())


CHUNK = 8            # documents per task sent to a worker process


def _analyze_chunk(docs: list[Document], keep_going: bool = False) -> list[dict]:
    if keep_going:
        return [safe_analysis(d) for d in docs]         # only analyses travel back
    return [analysis_dict(analyze(d)) for d in docs]


def build(paths: list[str], db_url: str, workers: int = 1, engine: str = "local",
          ray_address: str | None = None, progress: bool = True,
          on_error: Callable[[IngestError], None] | None = None) -> BuildReport:
    store = Store(db_url)
    report = BuildReport()
    t0 = time.perf_counter()
    known = store.known_ids(ANALYZER_VERSION)   # a document analysed by an older analyser is analysed again
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
    results = analyze_many(fresh, workers=workers, engine=engine, ray_address=ray_address, keep_going=True)
    if progress and fresh:
        from tqdm import tqdm
        results = tqdm(results, total=len(fresh), desc="analysing", unit="doc", file=sys.stderr)
    for doc, analysis in results:
        _store_one(store, doc, analysis, report, on_error)
    t2 = time.perf_counter()
    fresh.clear()       # the documents are stored: free them before the corpus stage loads everything
    results = None
    if report.added or not store.corpus_is_current():
        refresh(store)
    t3 = time.perf_counter()
    report.documents = store.count()
    report.timings = {"read": t1 - t0, "analyse_store": t2 - t1, "corpus": t3 - t2}
    return report


class _Refused(Exception):
    pass


def _store_one(store: Store, doc: Document, analysis: dict, report: BuildReport,
               on_error: Callable[[IngestError], None] | None) -> None:
    """Store one document with its analysis in one transaction (SQLite in WAL mode
    with synchronous=NORMAL makes a commit cheap). If the store refuses it (e.g. a
    NUL character, which PostgreSQL text cannot hold), report that document and go on."""
    try:
        if isinstance(analysis, AnalysisFailed):
            raise _Refused(analysis.reason)
        store.add(doc, analysis, ANALYZER_VERSION)
        report.added += 1
    except Exception as e:
        reason = str(e) if isinstance(e, _Refused) else \
            f"cannot store: {type(e).__name__}: {(str(e).splitlines() or [''])[0][:200]}"
        err = IngestError(doc.path or doc.id, reason)
        report.errors.append(err)
        store.log_errors([err])
        if on_error:
            on_error(err)


def refresh(store: Store) -> None:
    """Re-run resolution and reconciliation over everything stored."""
    from .corpus import run_store
    with store.snapshot():          # the corpus stage reads one consistent state
        state = store.corpus_state()
        results = run_store(store)  # streams the analyses: never all of them in memory at once
    store.put_corpus(results, documents=state)
