"""Build: ingest files, analyse new documents in parallel, store them, then
re-run the corpus-level stages. Idempotent (a document already stored, by content
hash, is not analysed again) and safe to interrupt (each document is stored with
its analysis in one transaction; the corpus stage is replaced in one).
"""
from __future__ import annotations

import sys
import time
from dataclasses import dataclass, field
from typing import Callable, Iterable, Iterator

from .analyze import ANALYZER_VERSION, analysis_dict, analyze
from .budget import Budget, budgeted, too_large
from .ingest.readers import IngestError, read_paths
from .models import Document
from .store import Store


# A build's workers send each analysis as the JSON text the store writes (dumped once, in the worker)
# instead of the dict (pickled there, unpickled here, dumped here): the same rows. False: the dict.
JSON_HANDOFF = True
# A build writes the documents its workers analysed this many to a transaction (1: one each): the
# statements and the commit of a transaction cost about what the rows do. A killed build loses at
# most the documents of one unwritten batch, and stores whole documents only.
STORE_BATCH = 16


@dataclass
class BuildReport:
    added: int = 0
    skipped: int = 0
    errors: list[IngestError] = field(default_factory=list)
    documents: int = 0
    timings: dict[str, float] = field(default_factory=dict)   # seconds: read, analyse+store, corpus
    orphaned: list[dict] = field(default_factory=list)        # corrections whose target is gone

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
    except MemoryError:
        return AnalysisFailed("DocumentMemoryExceeded: analysis ran out of memory")
    except Exception as e:      # one document's bug must not stop a build of thousands
        return AnalysisFailed(f"analysis failed: {type(e).__name__}: {str(e)[:200]}")


def analyze_many(docs: Iterable[Document], workers: int = 1, engine: str = "local",
                 ray_address: str | None = None, keep_going: bool = False,
                 budget: Budget | None = None, as_json: bool = False) -> Iterator[tuple[Document, dict | str]]:
    """Analyse documents; same results whatever the engine or worker count, in input
    order. Each document runs under ``budget`` (time, memory, size; by default from the
    environment, see ``riwaya.budget``) in a worker process that is killed past it. With
    ``keep_going`` a document whose analysis fails comes back with an ``AnalysisFailed``
    instead of stopping everything. ``as_json``: an analysis made in a worker process (the pool's or
    Ray's) comes as the JSON text the store writes (``Store.add`` takes either), not as a dict."""
    budget = budget or Budget.from_env()
    if engine == "ray":
        from .engines import ray_analyze
        for d, a in ray_analyze(docs, ray_address=ray_address, keep_going=keep_going, budget=budget,
                                as_json=as_json):
            if isinstance(a, AnalysisFailed) and not keep_going:
                raise RuntimeError(f"{d.path or d.id}: {a.reason}")
            yield d, a
        return
    if budget.unlimited and workers <= 1:          # no limit asked for: in this process, as a library call
        results = ((d, AnalysisFailed(too_large(d, budget)) if too_large(d, budget) else safe_analysis(d))
                   for d in docs)
    else:
        results = budgeted(docs, workers, budget, as_json)
    for d, a in results:
        if isinstance(a, AnalysisFailed) and not keep_going:
            raise RuntimeError(f"{d.path or d.id}: {a.reason}")
        yield d, a


def build(paths: list[str], db_url: str, workers: int = 1, engine: str = "local",
          ray_address: str | None = None, progress: bool = True,
          on_error: Callable[[IngestError], None] | None = None,
          metadata: dict | None = None, budget: Budget | None = None, full: bool = False) -> BuildReport:
    """``metadata`` (outlet, published, retrieved, url, language, title) applies to every document read
    here, over its sidecar; what is still missing is read from the text (dateline). A bad
    value raises ``MetadataError`` before anything is read. ``full``: the corpus stage runs, with its
    corpus-wide statistics recomputed instead of kept as frozen at the last full run (``blocks.refresh_store``)."""
    from .ingest.metadata import clean_metadata, with_metadata
    metadata = clean_metadata(metadata)
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
        if item.id in known and not _metadata_changes(store, item.id, metadata):
            report.skipped += 1
            continue
        # a stored document given new metadata is analysed again (the date anchors its times),
        # keeping what it had for the fields not given now
        given = metadata
        if item.id in known:
            stored = store.metadata(item.id) or {}
            given = {**{k: v for k, v in stored.items() if v and k in ("outlet", "published", "retrieved", "url", "title")}, **metadata}
        item = with_metadata(item, given)
        known.add(item.id)
        fresh.append(item)
    store.log_errors(report.errors)
    t1 = time.perf_counter()
    results = analyze_many(fresh, workers=workers, engine=engine, ray_address=ray_address, keep_going=True,
                           budget=budget, as_json=JSON_HANDOFF)
    if progress and fresh:
        from tqdm import tqdm
        results = tqdm(results, total=len(fresh), desc="analysing", unit="doc", file=sys.stderr)
    batch: list[tuple[Document, dict | str]] = []
    for doc, analysis in results:
        if isinstance(analysis, AnalysisFailed) or len(batch) >= STORE_BATCH:
            _store_batch(store, batch, report, on_error)    # first: errors are reported in input order
            batch = []
        if isinstance(analysis, AnalysisFailed):
            _store_one(store, doc, analysis, report, on_error)
        else:
            batch.append((doc, analysis))
    _store_batch(store, batch, report, on_error)
    t2 = time.perf_counter()
    fresh.clear()       # the documents are stored: free them before the corpus stage loads everything
    results = None
    if report.added or full or not store.corpus_is_current():
        report.orphaned = refresh(store, engine=engine, ray_address=ray_address, full=full)
    t3 = time.perf_counter()
    report.documents = store.count()
    report.timings = {"read": t1 - t0, "analyse_store": t2 - t1, "corpus": t3 - t2}
    return report


def _metadata_changes(store: Store, doc_id: str, metadata: dict) -> bool:
    if not metadata:
        return False
    stored = store.metadata(doc_id) or {}
    return any(stored.get(k) != v for k, v in metadata.items())


class _Refused(Exception):
    pass


def _store_batch(store: Store, items: list[tuple[Document, dict | str]], report: BuildReport,
                 on_error: Callable[[IngestError], None] | None) -> None:
    """Store analysed documents in one transaction (whole documents: all or none); if the store
    refuses it, each one on its own, so the one it refuses is reported and the others are stored."""
    if len(items) == 1:
        _store_one(store, *items[0], report, on_error)
    elif items:
        try:
            store.add_many(items, ANALYZER_VERSION)
            report.added += len(items)
        except Exception:
            for doc, analysis in items:
                _store_one(store, doc, analysis, report, on_error)


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


def refresh(store: Store, engine: str = "local", ray_address: str | None = None, full: bool = False) -> list[dict]:
    """Re-run resolution and reconciliation over everything stored, block by block (riwaya/blocks.py;
    with ``engine="ray"`` the blocks run as Ray tasks), then re-apply the reviewer's corrections;
    returns the corrections whose target is gone (orphaned)."""
    from .blocks import refresh_store
    from .corrections import reapply
    refresh_store(store, engine=engine, ray_address=ray_address, full=full)
    if not any(c["status"] != "undone" for c in store.corrections()):
        return []           # nothing to correct: the stage's results stand (and are carried over next time)
    # the blocked stage wrote the results before corrections (what it carries over next time):
    # corrected, they replace them, the uncorrected kept as the base for re-applying (as when a
    # reviewer corrects; one made while the stage ran is applied too)
    return reapply(store)
