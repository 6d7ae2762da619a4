"""A budget for each document: analysis runs in worker processes that the build can kill.

A stuck regular expression or a parser eating memory cannot be stopped from inside
Python, so the per-document stage runs in child processes (as many as ``--workers``,
one at least) and the parent watches each document's clock and memory. Past the time
limit or the memory limit the worker is killed, the document fails with a named error
(``DocumentTimeout``, ``DocumentMemoryExceeded``, ``WorkerDied``), a fresh worker takes
the next document, and the build goes on. A document longer than the character cap is
refused before it is analysed (``DocumentTooLarge``).

Workers die with their parent (``PR_SET_PDEATHSIG`` on Linux, and a check of the
parent's pid): a build killed with ``kill -9`` leaves no orphan analysing on.
"""
from __future__ import annotations

import dataclasses
import os
import signal
import sys
import time
from dataclasses import dataclass
from typing import Iterable, Iterator

from .models import Document
from .store import analysis_text

ENV_TIMEOUT = "RIWAYA_DOC_TIMEOUT"          # seconds per document; 0 = no limit
ENV_MEMORY = "RIWAYA_DOC_MEMORY_MB"         # memory one document may add to its worker, MB; 0 = no limit
ENV_MAX_CHARS = "RIWAYA_MAX_DOC_CHARS"      # longer documents are refused; 0 = no cap
STARTUP_S = 600.0                           # a worker loading its models on a busy machine
POLL_S = 0.2                                # how often a busy worker's memory is read
WARMUP = "قال الرئيس إنه غادر دمشق صباح الأحد.\nThe president left Damascus on Sunday, Reuters said in a statement."


@dataclass(frozen=True)
class Budget:
    timeout: float = 30.0          # seconds of analysis per document
    memory_mb: int = 2048          # MB of memory one document may add to its worker
    max_chars: int = 2_000_000     # characters; a longer document is refused

    @classmethod
    def from_env(cls, **override) -> "Budget":
        """Defaults, then the environment, then explicit values (None = not given)."""
        d = cls()
        env = {"timeout": _env(ENV_TIMEOUT, float, d.timeout), "memory_mb": _env(ENV_MEMORY, int, d.memory_mb),
               "max_chars": _env(ENV_MAX_CHARS, int, d.max_chars)}
        env.update({k: v for k, v in override.items() if v is not None})
        return cls(**env)

    @property
    def unlimited(self) -> bool:
        return self.timeout <= 0 and self.memory_mb <= 0


def _env(name: str, kind, default):
    v = os.environ.get(name)
    if v is None or not v.strip():
        return default
    try:
        return kind(v)
    except ValueError:
        raise ValueError(f"{name}={v!r} is not a number") from None


def too_large(doc: Document, budget: Budget) -> str | None:
    """The reason a document is refused before analysis, or None."""
    if budget.max_chars > 0 and len(doc.text) > budget.max_chars:
        return (f"DocumentTooLarge: {len(doc.text):,} characters > the {budget.max_chars:,} limit "
                f"(--max-doc-chars or {ENV_MAX_CHARS})")
    return None


# ---------------------------------------------------------------- the worker side
def _die_with_parent(parent: int) -> None:
    """Ask the kernel to kill this process when its parent dies (Linux), and exit at once
    if the parent is already gone (it died between fork and here)."""
    if sys.platform.startswith("linux"):
        try:
            import ctypes
            ctypes.CDLL(None, use_errno=True).prctl(1, signal.SIGKILL)      # PR_SET_PDEATHSIG
        except Exception:       # no prctl: the pipe's EOF still ends an idle worker
            pass
    if os.getppid() != parent:
        os._exit(0)


def _worker_main(conn, parent: int, as_json: bool = False) -> None:
    _die_with_parent(parent)
    signal.signal(signal.SIGINT, signal.SIG_IGN)    # Ctrl-C is the parent's to handle; it then stops us
    signal.signal(signal.SIGTERM, signal.SIG_DFL)
    from . import pipeline                          # looked up here so a test's monkeypatch reaches the worker
    _warm_up()                                      # at once when forked from a warm parent
    conn.send("ready")
    while True:
        try:
            doc = conn.recv()
        except (EOFError, OSError):
            return
        if doc is None:
            return
        a = pipeline.safe_analysis(doc)
        # as JSON text the store writes as it is: one serialisation here, instead of pickling the
        # dict here, unpickling it in the build's process and dumping it there (a failure stays a dict)
        conn.send(analysis_text(a) if as_json and not isinstance(a, pipeline.AnalysisFailed) else a)


def _warm_up() -> None:
    """Load every model the per-document stage uses (some load on their first paragraph)."""
    from .analyze import analyze
    try:
        analyze(Document(id="warmup", text=WARMUP, published="2024-12-08"))
    except Exception:       # a broken component shows on the first real document, with its name
        pass


def _rss(pid: int) -> int:
    """Resident memory of a process in bytes (0 where /proc is not there)."""
    try:
        with open(f"/proc/{pid}/statm", "rb") as f:
            return int(f.read().split()[1]) * os.sysconf("SC_PAGE_SIZE")
    except (OSError, ValueError, IndexError):
        return 0


# ---------------------------------------------------------------- the parent side
class _Worker:
    def __init__(self, ctx, as_json: bool = False):
        self.as_json = as_json
        self.conn, child = ctx.Pipe()
        self.proc = ctx.Process(target=_worker_main, args=(child, os.getpid(), as_json), daemon=True,
                                name="riwaya-analyse")
        self.proc.start()
        child.close()
        self.started = time.monotonic()
        self.ready = False
        self.job: tuple[int, float, int] | None = None    # (index, deadline, rss at start)

    def send(self, index: int, doc: Document, budget: Budget) -> None:
        deadline = time.monotonic() + budget.timeout if budget.timeout > 0 else float("inf")
        self.job = (index, deadline, _rss(self.proc.pid) if budget.memory_mb > 0 else 0)
        self.conn.send(dataclasses.replace(doc, raw=None))   # the original bytes are not analysed

    def stop(self, kill: bool = False) -> None:
        if not kill and self.proc.is_alive():
            try:
                self.conn.send(None)
            except OSError:
                pass
            self.proc.join(2)
        if self.proc.is_alive():
            self.proc.kill()
        self.proc.join(5)
        self.conn.close()


def _failed(reason: str):
    from .pipeline import AnalysisFailed
    return AnalysisFailed(reason)


def budgeted(docs: Iterable[Document], workers: int, budget: Budget,
             as_json: bool = False) -> Iterator[tuple[Document, dict | str]]:
    """Analyse documents in killable worker processes; yields ``(doc, analysis)`` in input
    order, an ``AnalysisFailed`` for a document refused, timed out, out of memory or whose
    analysis raised. ``as_json``: an analysis comes as the JSON text ``Store.add`` writes."""
    import multiprocessing as mp
    from multiprocessing.connection import wait
    ctx = mp.get_context("fork" if "fork" in mp.get_all_start_methods() else "spawn")
    workers = max(1, workers)
    it = iter(docs)
    pool: list[_Worker] = []
    held: dict[int, Document] = {}           # index -> document sent or refused, not yet yielded
    results: dict[int, dict] = {}
    next_in = next_out = 0
    exhausted = False
    failed_starts = 0
    try:
        while True:
            # documents waiting for a worker that was still loading
            for w in pool:
                if w.ready and w.job is None:
                    waiting = next((i for i, r in results.items() if r is None and i in held), None)
                    if waiting is None:
                        break
                    del results[waiting]
                    _send(pool, w, ctx, waiting, held[waiting], budget, results)
            # hand documents to idle workers; a refused document needs no worker
            while not exhausted and next_in - next_out < 4 * workers:
                idle = next((w for w in pool if w.ready and w.job is None), None)
                if idle is None and len(pool) >= workers:
                    break
                try:
                    doc = next(it)
                except StopIteration:
                    exhausted = True
                    break
                held[next_in] = doc
                reason = too_large(doc, budget)
                if reason:
                    results[next_in] = _failed(reason)
                elif idle is None:
                    if not pool and ctx.get_start_method() == "fork":
                        _warm_up()      # load the models once, here: every forked worker shares them
                    pool.append(_Worker(ctx, as_json))  # started lazily: no document, no worker
                    results[next_in] = None              # placeholder: sent once the worker is ready
                else:
                    _send(pool, idle, ctx, next_in, doc, budget, results)
                next_in += 1
            while next_out in results and results[next_out] is not None:
                yield held.pop(next_out), results.pop(next_out)
                next_out += 1
            if exhausted and next_out == next_in:
                return
            now = time.monotonic()
            deadlines = [w.job[1] for w in pool if w.job is not None]
            timeout = max(0.0, min([POLL_S] + [d - now for d in deadlines]))
            for conn in wait([w.conn for w in pool], timeout):
                w = next(w for w in pool if w.conn is conn)
                try:
                    msg = conn.recv()
                except (EOFError, OSError):
                    w.proc.join(5)
                    code = w.proc.exitcode
                    if w.job is not None:
                        results[w.job[0]] = _failed(f"WorkerDied: the analysis process died (exit code {code})")
                    elif not w.ready:
                        failed_starts += 1
                        if failed_starts >= 3:
                            raise RuntimeError(f"the analysis workers cannot start (exit code {code})")
                    _replace(pool, w, ctx)
                    continue
                if msg == "ready" and not w.ready:
                    w.ready, failed_starts = True, 0
                elif w.job is not None:
                    results[w.job[0]] = msg
                    w.job = None
            now = time.monotonic()
            for w in list(pool):
                if w.job is not None and now > w.job[1]:
                    results[w.job[0]] = _failed(
                        f"DocumentTimeout: analysis took longer than {budget.timeout:g} s "
                        f"(--doc-timeout or {ENV_TIMEOUT})")
                    _replace(pool, w, ctx)
                elif w.job is not None and budget.memory_mb > 0:
                    grew = _rss(w.proc.pid) - w.job[2]
                    if grew > budget.memory_mb * 2**20 and w.job[2]:
                        results[w.job[0]] = _failed(
                            f"DocumentMemoryExceeded: analysis used more than {budget.memory_mb} MB "
                            f"(--doc-memory or {ENV_MEMORY})")
                        _replace(pool, w, ctx)
                elif not w.ready and now - w.started > STARTUP_S:
                    raise RuntimeError(f"an analysis worker did not start within {STARTUP_S:g} s")
    finally:
        for w in pool:
            w.stop(kill=True) if w.job is not None else w.stop()


def _send(pool, w: _Worker, ctx, index: int, doc: Document, budget: Budget, results: dict) -> None:
    """Hand a document to a worker; one that died since it was last heard from is replaced
    and the document waits for the next ready worker."""
    try:
        w.send(index, doc, budget)
    except OSError:
        results[index] = None
        _replace(pool, w, ctx)


def _replace(pool: list[_Worker], w: _Worker, ctx) -> None:
    w.job = None
    w.stop(kill=True)
    pool[pool.index(w)] = _Worker(ctx, w.as_json)
