"""Build: ingest files, analyse new documents in parallel, store them, then
re-run the corpus-level stages. Idempotent (a document already stored, by content
hash, is not analysed again) and safe to interrupt (each document is stored with
its analysis in one transaction; the corpus stage is replaced in one).
"""
from __future__ import annotations

import sys
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
        with ProcessPoolExecutor(max_workers=workers) as pool:
            yield from pool.map(_analyze_one, docs, chunksize=4)


def build(paths: list[str], db_url: str, workers: int = 1, engine: str = "local",
          ray_address: str | None = None, progress: bool = True,
          on_error: Callable[[IngestError], None] | None = None) -> BuildReport:
    store = Store(db_url)
    report = BuildReport()
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
    results = analyze_many(fresh, workers=workers, engine=engine, ray_address=ray_address)
    if progress and fresh:
        from tqdm import tqdm
        results = tqdm(results, total=len(fresh), desc="analysing", unit="doc", file=sys.stderr)
    for doc, analysis in results:
        store.add(doc, analysis, ANALYZER_VERSION)
        report.added += 1
    if report.added or not store.corpus().get("entities"):
        refresh(store)
    report.documents = store.count()
    return report


def refresh(store: Store) -> None:
    """Re-run resolution and reconciliation over everything stored."""
    from .corpus import run
    store.put_corpus(run(store.documents(), store.analyses()))
