"""Uploads: checked while the client waits, built later by one background worker.

An upload is refused at once (4xx, with the reason) when its name is odd or it cannot
be read as a document; otherwise it is written to a spool folder, answered with 202 and a
job id, and queued. One thread takes every queued upload at once and hands the batch to
the ingest hook (one build, so the corpus stage runs once for the batch), then reloads
the views; ``GET /api/jobs/{id}`` says queued, running, done or failed (and why).
``riwaya serve`` checks in one child process (``ProcessChecker``) and builds in another
(``ProcessIngester``), so the server's own process only answers requests.
"""
from __future__ import annotations

import atexit
import json
import multiprocessing
import os
import secrets
import shutil
import tempfile
import threading
import time
import unicodedata
import weakref
from collections import OrderedDict, deque
from dataclasses import dataclass, field
from pathlib import Path
from typing import Callable

from ..ingest.readers import HTML_EXT, JSONL_EXT, META_SUFFIX, TEXT_EXT, IngestError, read_file

UPLOAD_EXT = TEXT_EXT | HTML_EXT | JSONL_EXT
MAX_NAME_CHARS = 200
MAX_NAME_BYTES = 240            # file systems hold 255 bytes per name
BIDI = set("\u061c\u200e\u200f\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069")
GLOB = str.maketrans({c: "_" for c in "*?[]"})   # the build reads its paths as globs


# what an upload may say about itself (form fields or query parameters), kept as the file's
# sidecar so that the check and the build read it as they read any sidecar
META_FIELDS = ("outlet", "published", "retrieved", "url", "language", "title")


class Refused(Exception):
    """An upload that will not be queued: HTTP ``status`` and the reason."""

    def __init__(self, status: int, reason: str):
        super().__init__(reason)
        self.status, self.reason = status, reason


def clean_name(name: str | None, default: str) -> str:
    """A safe file name for an upload: its last path part, NFC, glob characters replaced;
    refused (400) when empty, too long, or holding NUL, control or direction characters."""
    if name is None or not name.strip():
        return default
    name = unicodedata.normalize("NFC", name)
    bad = sorted({c for c in name if c in BIDI or unicodedata.category(c) in ("Cc", "Zl", "Zp")})
    if bad:
        what = "a NUL character" if "\0" in bad else "control or text-direction characters"
        raise Refused(400, f"file name holds {what} ({', '.join(f'U+{ord(c):04X}' for c in bad[:5])})")
    name = name.replace("\\", "/").rsplit("/", 1)[-1].strip().translate(GLOB)
    if name in ("", ".", ".."):
        raise Refused(400, "the file name is empty once its folders are removed")
    if len(name) > MAX_NAME_CHARS or len(name.encode("utf-8")) > MAX_NAME_BYTES:
        raise Refused(400, f"file name too long ({len(name)} characters, {len(name.encode('utf-8'))} bytes; "
                           f"at most {MAX_NAME_CHARS} characters and {MAX_NAME_BYTES} bytes)")
    if Path(name).suffix.lower() not in UPLOAD_EXT:
        raise Refused(415, f"file type not accepted: {name!r}; accepted: {', '.join(sorted(UPLOAD_EXT))}")
    return name


def upload_metadata(given: dict, filename: str) -> dict:
    """The metadata sent with an upload, or Refused (400) naming the field: each is text of at
    most 2,000 characters without control characters; a JSON Lines file carries its own per line."""
    out = {}
    for k, v in given.items():
        if v is None or (isinstance(v, str) and not v.strip()):
            continue
        if k not in META_FIELDS:
            raise Refused(400, f"unknown field {k[:40]!r} (expected file, {', '.join(META_FIELDS)})")
        if not isinstance(v, str):
            raise Refused(400, f"{k}: must be text")
        v = unicodedata.normalize("NFC", v.strip())
        if len(v) > 2000 or any(unicodedata.category(c) == "Cc" or c in BIDI for c in v):
            raise Refused(400, f"{k}: more than 2,000 characters, or control or text-direction characters")
        out[k] = v
    if out and Path(filename).suffix.lower() in JSONL_EXT:
        raise Refused(400, f"{', '.join(out)}: a JSON Lines file gives these on each line, not for the file")
    return out


@dataclass
class Job:
    id: str
    filename: str
    path: Path                      # the spooled upload (removed once the job ends)
    size: int
    doc_ids: list[str] = field(default_factory=list)   # documents read from it when it was checked
    rejected: list[str] = field(default_factory=list)  # parts refused when checked (JSONL lines)
    status: str = "queued"          # queued | running | done | failed
    error: str | None = None
    errors: list[str] = field(default_factory=list)
    added: int | None = None        # documents new to the store
    created: float = field(default_factory=time.time)
    started: float | None = None
    finished: float | None = None

    def fail(self, reason: str) -> None:
        self.status, self.error = "failed", reason

    def public(self) -> dict:
        return {"job": self.id, "filename": self.filename, "status": self.status, "size": self.size,
                "documents": len(self.doc_ids), "rejected": self.rejected[:50], "added": self.added,
                "error": self.error, "errors": self.errors[:50], "url": f"/api/jobs/{self.id}",
                "created": _iso(self.created), "started": _iso(self.started), "finished": _iso(self.finished)}


def _iso(t: float | None) -> str | None:
    return time.strftime("%Y-%m-%dT%H:%M:%SZ", time.gmtime(t)) if t else None


def check_upload(path: Path, filename: str) -> tuple[list[str], list[str]]:
    """Read the spooled upload as the build will: (document ids, refused parts).
    Raises Refused (422) when nothing in it can be read as a document."""
    ids, errors = [], []
    for item in read_file(Path(path)):
        if isinstance(item, IngestError):
            errors.append(str(item).replace(str(path), filename))
        else:
            ids.append(item.id)
    if not ids:
        raise Refused(422, "; ".join(errors[:5]) or f"{filename}: no document in it")
    return ids, errors


class QueueFull(Exception):
    pass


class JobQueue:
    """Queued uploads, the worker thread that builds them, and the table of recent jobs."""

    def __init__(self, ingest: Callable[[list[Job]], None], after: Callable[[], object] | None = None,
                 max_pending: int = 100, max_pending_bytes: int = 256 * 1024 * 1024,
                 max_batch: int = 50, keep: int = 1000):
        self.ingest, self.after = ingest, after
        self.max_pending, self.max_pending_bytes, self.max_batch, self.keep = max_pending, max_pending_bytes, max_batch, keep
        self._spool: Path | None = None
        self._cv = threading.Condition()
        self._pending: deque[Job] = deque()
        self._jobs: OrderedDict[str, Job] = OrderedDict()
        self._thread: threading.Thread | None = None
        self._closed = False

    @property
    def spool(self) -> Path:
        """The folder of uploads waiting to be built (made at the first upload, owner-only)."""
        with self._cv:
            if self._spool is None:
                self._spool = Path(tempfile.mkdtemp(prefix="riwaya-uploads-"))
                # removed at close(), or when the queue is dropped or the interpreter exits without it
                weakref.finalize(self, shutil.rmtree, str(self._spool), True)
            return self._spool

    def new_job(self, filename: str, data: bytes, meta: dict | None = None) -> Job:
        """Spool ``data`` (and ``meta`` as its sidecar) under a fresh job id (not queued yet)."""
        jid = secrets.token_hex(8)
        d = self.spool / jid
        d.mkdir(mode=0o700)
        p = d / filename
        p.write_bytes(data)
        if meta:
            (d / (p.stem + META_SUFFIX)).write_text(json.dumps(meta, ensure_ascii=False), "utf-8")
        return Job(jid, filename, p, len(data))

    def discard(self, job: Job) -> None:
        shutil.rmtree(job.path.parent, ignore_errors=True)

    def submit(self, job: Job) -> None:
        with self._cv:
            if self._closed:
                raise QueueFull("the server is stopping")
            waiting = sum(j.size for j in self._pending)
            if len(self._pending) >= self.max_pending or waiting + job.size > self.max_pending_bytes:
                raise QueueFull(f"{len(self._pending)} uploads are waiting to be built; try again later")
            self._pending.append(job)
            self._jobs[job.id] = job
            while len(self._jobs) > self.keep:
                old = next(iter(self._jobs))
                if self._jobs[old].status in ("queued", "running"):
                    break
                self._jobs.pop(old)
            if self._thread is None:
                self._thread = threading.Thread(target=self._run, name="riwaya-ingest", daemon=True)
                self._thread.start()
            self._cv.notify()

    def get(self, jid: str) -> Job | None:
        with self._cv:
            return self._jobs.get(jid)

    def recent(self, n: int = 100) -> list[Job]:
        with self._cv:
            return list(self._jobs.values())[-n:][::-1]

    def position(self, job: Job) -> int | None:
        with self._cv:
            return next((i for i, j in enumerate(self._pending) if j is job), None)

    def _run(self) -> None:
        while True:
            with self._cv:
                while not self._pending and not self._closed:
                    self._cv.wait()
                if self._closed:
                    return
                batch = [self._pending.popleft() for _ in range(min(self.max_batch, len(self._pending)))]
                for j in batch:
                    j.status, j.started = "running", time.time()
            try:
                self.ingest(batch)
            except Exception as e:      # the batch failed as a whole: each job says why
                for j in batch:
                    if j.status == "running":
                        j.fail(f"build failed: {type(e).__name__}: {str(e)[:300]}")
            if self.after and any(j.status == "running" for j in batch):
                try:
                    self.after()        # the views show the new documents before the job says done
                except Exception as e:
                    for j in batch:
                        j.errors.append(f"the views could not reload: {type(e).__name__}: {str(e)[:200]}")
            for j in batch:
                if j.status == "running":
                    j.status = "done"
                j.finished = time.time()
                self.discard(j)

    def close(self, timeout: float = 5.0) -> None:
        with self._cv:
            self._closed = True
            self._cv.notify_all()
        if self._thread:
            self._thread.join(timeout)
        if self._spool is not None:
            shutil.rmtree(self._spool, ignore_errors=True)


# ---------- checks and builds in child processes (riwaya serve) ----------

class ChildProcess:
    """One long-lived child process (spawned) that answers calls one at a time with the
    handler ``factory(*args)`` made once in it (so models load once). A call running past
    its timeout kills the child; the next call starts a fresh one. The child runs at nice
    10, so on a busy machine the server's reads get the CPU first, and it exits when the
    server's process goes away, even killed."""

    def __init__(self, factory: Callable, args: tuple = (), timeout: float = 900.0, name: str = "riwaya-worker"):
        self.factory, self.args, self.timeout, self.name = factory, args, timeout, name
        self._proc = None
        self._conn = None
        self._lock = threading.Lock()
        self._atexit = False

    def start(self) -> None:
        with self._lock:
            self._ensure()

    def _ensure(self) -> None:
        if self._proc is not None and self._proc.is_alive():
            return
        self._stop(kill=True)
        ctx = multiprocessing.get_context("spawn")
        parent, child = ctx.Pipe()
        # not a daemon: the build starts processes of its own; it is stopped at exit instead
        self._proc = ctx.Process(target=_child_main, args=(child, os.getpid(), self.factory, self.args),
                                 daemon=False, name=self.name)
        self._proc.start()
        if not self._atexit:
            atexit.register(self.close)
            self._atexit = True
        child.close()
        self._conn = parent

    def call(self, *msg, timeout: float | None = None):
        timeout = self.timeout if timeout is None else timeout
        with self._lock:
            self._ensure()
            try:
                self._conn.send(msg)
                res = self._conn.recv() if self._conn.poll(timeout) else None
            except (EOFError, OSError) as e:
                self._stop(kill=True)
                raise RuntimeError(f"the worker process ended unexpectedly ({type(e).__name__})") from None
            if res is None:
                self._stop(kill=True)
                raise TimeoutError(f"not done within {timeout:g} s")
        kind, *rest = res
        if kind == "refused":
            raise Refused(*rest)
        if kind == "error":
            raise RuntimeError(rest[0])
        return rest[0]

    def _stop(self, kill: bool = False) -> None:
        if self._conn is not None:
            try:
                self._conn.send(None)
            except OSError:
                pass
            self._conn.close()
            self._conn = None
        if self._proc is not None:
            self._proc.join(0 if kill else 5)
            if self._proc.is_alive():
                self._proc.kill()
                self._proc.join(5)
            self._proc = None

    def close(self) -> None:
        with self._lock:
            self._stop()

    @property
    def pid(self) -> int | None:
        return self._proc.pid if self._proc is not None else None


def _child_main(conn, parent_pid: int, factory: Callable, args: tuple) -> None:
    def watch():                 # the server was killed: stop too (the store is safe to interrupt)
        while os.getppid() == parent_pid:
            time.sleep(0.5)
        os._exit(1)
    threading.Thread(target=watch, daemon=True).start()
    try:
        os.nice(10)
    except (AttributeError, OSError):
        pass
    handler = factory(*args)
    while True:
        try:
            msg = conn.recv()
        except (EOFError, OSError):
            return
        if msg is None:
            return
        try:
            res = ("ok", handler(*msg))
        except Refused as e:
            res = ("refused", e.status, e.reason)
        except Exception as e:
            res = ("error", f"{type(e).__name__}: {str(e)[:300]}")
        conn.send(res)


def _checker():
    return check_upload


def _builder(db_url: str):
    from ..analyze import ANALYZER_VERSION
    from ..pipeline import build
    from ..store import Store

    def build_batch(files: list[str], ids: list[str]) -> dict:
        errors: list[tuple[str, str]] = []
        before = Store(db_url).known_ids(ANALYZER_VERSION) & set(ids)
        build(files, db_url, progress=False, on_error=lambda e: errors.append((str(e.path), str(e.reason))))
        after = Store(db_url).known_ids(ANALYZER_VERSION) & set(ids)
        return {"errors": errors, "before": sorted(before), "after": sorted(after)}
    return build_batch


class ProcessChecker:
    """``check_upload`` in a child process: reading a large HTML page (lxml, trafilatura:
    about 8 s for 19 MB) would otherwise hold the server's interpreter while reads wait."""

    def __init__(self, timeout: float = 120.0):
        self.child = ChildProcess(_checker, (), timeout, "riwaya-check")
        self.timeout = timeout

    def __call__(self, path: Path, filename: str) -> tuple[list[str], list[str]]:
        try:
            return self.child.call(str(path), filename)
        except TimeoutError:
            raise Refused(422, f"{filename}: could not be read within {self.timeout:g} s") from None

    def start(self) -> None:
        self.child.start()

    def close(self) -> None:
        self.child.close()


class ProcessIngester:
    """The ingest hook of ``riwaya serve``: each batch is built into the store by the real
    pipeline in a child process; a batch past ``timeout`` seconds fails its jobs."""

    def __init__(self, db_url: str, timeout: float = 900.0):
        self.child = ChildProcess(_builder, (db_url,), timeout, "riwaya-build")

    def __call__(self, jobs: list[Job]) -> None:
        ids = sorted({i for j in jobs for i in j.doc_ids})
        try:
            res = self.child.call([str(j.path) for j in jobs], ids)
        except TimeoutError as e:
            raise TimeoutError(f"{e} (documents stored before then are kept)") from None
        before, after = set(res["before"]), set(res["after"])
        for j in jobs:
            mine = str(j.path)
            j.errors += [f"{p.replace(mine, j.filename)}: {r}" for p, r in res["errors"]
                         if p == mine or p.startswith(mine + ":")]
            stored = [i for i in j.doc_ids if i in after]
            j.added = len([i for i in stored if i not in before])
            if j.doc_ids and not stored:
                j.fail("; ".join(j.errors[:5]) or "no document of it was stored")

    def start(self) -> None:
        self.child.start()

    def close(self) -> None:
        self.child.close()
