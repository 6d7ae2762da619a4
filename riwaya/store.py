"""The knowledge store: SQLite by default, PostgreSQL by URL, through SQLAlchemy.

Each document is written together with its analysis in one transaction, so an
interrupted build leaves only whole documents behind and a re-run finishes the
rest. Corpus-level results (entities, events, conflicts, relations, itineraries)
are written item by item as a new generation (``CorpusWriter``, one row per item,
each event and conflict tagged with its block) and switched to in one transaction;
``corpus_journal`` records what each corpus stage changed. The schema is migrated
by code: ``meta.schema_version`` says which steps have run.
"""
from __future__ import annotations

import contextlib
import json
import os
import threading
from datetime import datetime, timezone
from typing import Any, Callable, Iterable, Iterator

from sqlalchemy import (Column, Index, Integer, LargeBinary, MetaData, String, Table, Text, create_engine,
                        delete, event, func, insert, literal, select, text, update)
from sqlalchemy.engine import Engine

from .models import Document

SCHEMA_VERSION = 5
md = MetaData()

meta_t = Table("meta", md, Column("key", String(64), primary_key=True), Column("value", Text))
documents_t = Table(
    "documents", md,
    Column("id", String(32), primary_key=True),
    Column("path", Text), Column("url", Text), Column("outlet", Text), Column("title", Text),
    Column("published", String(40)), Column("language", String(8)), Column("languages", Text),
    Column("text", Text, nullable=False), Column("raw", LargeBinary), Column("meta", Text),
    Column("added_at", String(40)), Column("seq", Integer),
)
ix_documents_seq = Index("ix_documents_seq", documents_t.c.seq)
analyses_t = Table(
    "analyses", md,
    Column("doc_id", String(32), primary_key=True),
    Column("version", String(64)), Column("data", Text, nullable=False),
)
corpus_t = Table(   # corpus-level results, one JSON list per kind
    "corpus", md, Column("kind", String(32), primary_key=True), Column("data", Text, nullable=False),
    Column("updated_at", String(40)),
)
corpus_items_t = Table(   # corpus-level results, one row per item (see CorpusWriter)
    "corpus_items", md,
    Column("gen", Integer, nullable=False), Column("kind", String(32), nullable=False),
    Column("sort", Text, nullable=False), Column("data", Text, nullable=False),
    Column("block", String(40)),      # the block an event or conflict came from (riwaya/blocks.py)
    Column("mover", Integer),         # 1: an event some person moves in (what itineraries read)
)
corpus_journal_t = Table(   # what each corpus stage changed: documents, blocks, events
    "corpus_journal", md, Column("id", Integer, primary_key=True, autoincrement=True),
    Column("gen", Integer), Column("at", String(40)), Column("data", Text, nullable=False),
)
corpus_docs_t = Table(   # per document, what the corpus stage made of it, to reuse (riwaya/blocks.py)
    "corpus_docs", md, Column("doc_id", String(32), primary_key=True),
    Column("key", String(64), nullable=False),    # a hash of everything it was made from
    Column("data", Text, nullable=False),
)
ix_corpus_items = Index("ix_corpus_items", corpus_items_t.c.gen, corpus_items_t.c.kind, corpus_items_t.c.sort)
ix_corpus_items_block = Index("ix_corpus_items_block", corpus_items_t.c.gen, corpus_items_t.c.block)


def _by_block_kinds():
    """The events and conflicts, as a condition beside one on their blocks: written so that no index can serve it
    (``kind || ''``), so that the store finds the rows by (generation, block) (``ix_corpus_items_block``), not by
    (generation, kind), which walked every event and conflict of the generation for each query (SQLite chose
    it: a + 10 on 3,000 articles carries some hundred blocks over, each a walk of 43,000 rows)."""
    return corpus_items_t.c.kind.concat("").in_(["events", "conflicts"])
errors_t = Table(
    "errors", md, Column("id", Integer, primary_key=True, autoincrement=True),
    Column("path", Text), Column("reason", Text), Column("at", String(40)),
)

corrections_t = Table(   # a reviewer's assertions (riwaya/corrections.py): target by stable key, values as JSON
    "corrections", md, Column("id", Integer, primary_key=True, autoincrement=True),
    Column("kind", String(16), nullable=False), Column("target", Text, nullable=False),
    Column("field", String(64), nullable=False), Column("old", Text), Column("new", Text),
    Column("author", Text), Column("at", String(40)), Column("note", Text),
    Column("status", String(16), nullable=False), Column("reason", Text), Column("updated_at", String(40)),
)

CORPUS_KINDS = ("entities", "events", "conflicts", "relations", "itineraries")
UNCORRECTED = "uncorrected"     # corpus row: the results before corrections, kept while corrections exist


def analysis_text(analysis: dict | str) -> str:
    """An analysis as the store writes it: JSON text. A ``str`` is that text already (the build's
    workers dump it themselves, ``pipeline.JSON_HANDOFF``) and is written as it is."""
    if isinstance(analysis, str):
        return str(analysis)        # an exact str, whatever subclass carried it
    return json.dumps(analysis, ensure_ascii=False)


def _now() -> str:
    return datetime.now(timezone.utc).isoformat(timespec="seconds")


def normalize_url(url: str) -> str:
    """Accept a bare path as SQLite; make postgresql:// use the psycopg 3 driver."""
    if "://" not in url:
        return f"sqlite:///{url}"
    if url.startswith("postgresql://") or url.startswith("postgres://"):
        return "postgresql+psycopg://" + url.split("://", 1)[1]
    return url


class Store:
    def __init__(self, url: str):
        self.url = normalize_url(url)
        kw = {"pool_pre_ping": True} if self.url.startswith("postgresql") else {}
        self.engine: Engine = create_engine(self.url, future=True, **kw)
        if self.url.startswith("sqlite"):
            event.listen(self.engine, "connect", _sqlite_pragmas)
        self._local = threading.local()
        self.migrate()

    # ------------------------------------------------------------ reads
    @contextlib.contextmanager
    def snapshot(self):
        """Make every read inside the block see one consistent state of the store,
        even while a build writes: one connection, one read transaction (SQLite WAL
        snapshot; PostgreSQL REPEATABLE READ)."""
        if getattr(self._local, "conn", None) is not None:
            yield self
            return
        opts = {"isolation_level": "REPEATABLE READ"} if self.url.startswith("postgresql") else {}
        with self.engine.connect().execution_options(**opts) as c:
            if self.url.startswith("sqlite"):
                c.exec_driver_sql("BEGIN")   # deferred: the first read fixes the snapshot
            self._local.conn = c
            try:
                yield self
            finally:
                self._local.conn = None
                c.rollback()

    @contextlib.contextmanager
    def _read(self):
        c = getattr(self._local, "conn", None)
        if c is not None:
            yield c
        else:
            with self.engine.connect() as c:
                yield c

    # ------------------------------------------------------------ schema
    def migrate(self) -> None:
        """Bring the schema up to SCHEMA_VERSION, one numbered step at a time. Two builds
        creating the same new store take turns (a lock on the SQLite file, an advisory lock
        in PostgreSQL), so the second finds the tables the first made."""
        with self._migration_lock(), self.engine.begin() as c:
            if self.url.startswith("postgresql"):
                c.execute(text("SELECT pg_advisory_xact_lock(74617)"))   # held until this transaction ends
            meta_t.create(c, checkfirst=True)
            row = c.execute(select(meta_t.c.value).where(meta_t.c.key == "schema_version")).first()
            version = int(row[0]) if row else 0
            for step in range(version + 1, SCHEMA_VERSION + 1):
                MIGRATIONS[step](c)
            if row:
                c.execute(meta_t.update().where(meta_t.c.key == "schema_version").values(value=str(SCHEMA_VERSION)))
            else:
                c.execute(insert(meta_t).values(key="schema_version", value=str(SCHEMA_VERSION)))

    @contextlib.contextmanager
    def _migration_lock(self):
        path = self.engine.url.database if self.url.startswith("sqlite") else None
        if not path or path == ":memory:" or path.startswith("file:"):
            yield
            return
        try:
            import fcntl
        except ImportError:       # not POSIX: no lock, as before
            yield
            return
        # flock and SQLite's own (fcntl) locks do not interfere; an empty new file is a new database
        fd = os.open(path, os.O_RDWR | os.O_CREAT, 0o644)
        try:
            fcntl.flock(fd, fcntl.LOCK_EX)
            yield
        finally:
            os.close(fd)          # releases the lock

    def schema_version(self) -> int:
        with self.engine.connect() as c:
            return int(c.execute(select(meta_t.c.value).where(meta_t.c.key == "schema_version")).scalar_one())

    # ------------------------------------------------------------ documents
    def known_ids(self, version: str | None = None) -> set[str]:
        """Ids of stored documents; with ``version``, only those analysed by that analyser."""
        with self._read() as c:
            q = select(analyses_t.c.doc_id)
            if version is not None:
                q = q.where(analyses_t.c.version == version)
            return set(c.execute(q).scalars())

    def has(self, doc_id: str) -> bool:
        with self._read() as c:
            return c.execute(select(analyses_t.c.doc_id).where(analyses_t.c.doc_id == doc_id)).first() is not None

    def add(self, doc: Document, analysis: dict, version: str = "") -> None:
        """Write a document and its analysis atomically (both or neither)."""
        self.add_many([(doc, analysis)], version)

    def add_many(self, items: list[tuple[Document, dict]], version: str = "") -> None:
        """Write documents with their analyses in one transaction: all or none, so a
        killed build never leaves a document without its analysis. Batching a few
        dozen documents per commit saves the per-commit fsync."""
        if not items:
            return
        with self.engine.begin() as c:
            ids = [d.id for d, _ in items]
            c.execute(delete(analyses_t).where(analyses_t.c.doc_id.in_(ids)))
            c.execute(delete(documents_t).where(documents_t.c.id.in_(ids)))
            seq = c.execute(select(documents_t.c.seq).order_by(documents_t.c.seq.desc()).limit(1)).scalar() or 0
            now = _now()
            c.execute(insert(documents_t), [dict(
                id=doc.id, path=doc.path, url=doc.url, outlet=doc.outlet, title=doc.title,
                published=doc.published, language=doc.language, languages=json.dumps(doc.languages),
                text=doc.text, raw=doc.raw, meta=json.dumps(doc.meta, ensure_ascii=False),
                added_at=now, seq=seq + n) for n, (doc, _) in enumerate(items, 1)])
            c.execute(insert(analyses_t), [dict(doc_id=doc.id, version=version, data=analysis_text(analysis))
                                           for doc, analysis in items])

    def metadata(self, doc_id: str) -> dict | None:
        """A stored document's outlet, published, retrieved, url, title and language (None if not stored)."""
        with self._read() as c:
            r = c.execute(select(documents_t.c.outlet, documents_t.c.published, documents_t.c.url, documents_t.c.title,
                                 documents_t.c.language, documents_t.c.meta).where(documents_t.c.id == doc_id)).mappings().first()
        if not r:
            return None
        out = dict(r)
        out["retrieved"] = json.loads(out.pop("meta") or "{}").get("retrieved")   # kept in meta, not a column
        return out

    def find_documents(self, key: str) -> list[dict]:
        """Documents a user names: by id, by stored path, or by file name (several may match)."""
        with self._read() as c:
            rows = c.execute(select(documents_t.c.id, documents_t.c.path, documents_t.c.outlet, documents_t.c.title,
                                    documents_t.c.seq)).mappings().all()
        base = key.replace("\\", "/").rstrip("/").rsplit("/", 1)[-1]
        for test in (lambda r: r["id"] == key, lambda r: r["path"] == key,
                     lambda r: (r["path"] or "").replace("\\", "/").rsplit("/", 1)[-1] == base):
            hits = [dict(r) for r in rows if test(r)]
            if hits:
                return hits
        return []

    def delete(self, doc_ids: Iterable[str]) -> int:
        """Remove documents with their analyses (one transaction); returns how many were stored.
        The corpus-level results are then out of date (``corpus_is_current()`` is False):
        rebuild them with ``pipeline.refresh``."""
        ids = list(doc_ids)
        if not ids:
            return 0
        with self.engine.begin() as c:
            c.execute(delete(analyses_t).where(analyses_t.c.doc_id.in_(ids)))
            c.execute(delete(corpus_docs_t).where(corpus_docs_t.c.doc_id.in_(ids)))
            return c.execute(delete(documents_t).where(documents_t.c.id.in_(ids))).rowcount or 0

    def documents(self, ids: Iterable[str] | None = None) -> list[dict]:
        """Every stored document (or those of `ids`), in the order they were added."""
        with self._read() as c:
            # not the raw bytes: documents() does not return them (they were most of its memory)
            cols = [col for col in documents_t.c if col.name != "raw"]
            if ids is None:
                rows = c.execute(select(*cols).order_by(documents_t.c.seq, documents_t.c.id)).mappings().all()
            else:
                want, rows = sorted(set(ids)), []
                for i in range(0, len(want), 500):
                    rows += c.execute(select(*cols).where(documents_t.c.id.in_(want[i:i + 500]))).mappings().all()
                rows.sort(key=lambda r: (-1 if r["seq"] is None else r["seq"], r["id"]))
        out = []
        for r in rows:
            d = {k: r[k] for k in ("id", "path", "url", "outlet", "title", "published", "language", "text", "seq")}
            d["languages"] = json.loads(r["languages"] or "[]")
            d["meta"] = json.loads(r["meta"] or "{}")
            out.append(d)
        return out

    def raw(self, doc_id: str) -> bytes | None:
        with self._read() as c:
            return c.execute(select(documents_t.c.raw).where(documents_t.c.id == doc_id)).scalar()

    def analyses(self) -> dict[str, dict]:
        with self._read() as c:
            return {r.doc_id: json.loads(r.data) for r in c.execute(select(analyses_t))}

    def iter_analyses(self, ordered: bool = False, parse: bool = True) -> Iterator[tuple[str, Any]]:
        """(doc id, analysis) one at a time, streamed from the store (a server-side cursor on
        PostgreSQL), so a caller can keep only what it needs of each; ``ordered``: by doc id;
        ``parse=False``: the analysis as its JSON text."""
        q = select(analyses_t.c.doc_id, analyses_t.c.data).execution_options(stream_results=True, yield_per=500)
        if ordered:
            q = q.order_by(analyses_t.c.doc_id.collate("C") if self.url.startswith("postgresql")
                           else analyses_t.c.doc_id)
        with self._read() as c:    # options on the statement: the snapshot's connection keeps its own
            for r in c.execute(q):
                yield r.doc_id, json.loads(r.data) if parse else r.data

    def analysis_versions(self) -> dict[str, str]:
        """Each stored document's analysis version (cheap: the analyses are not read)."""
        with self._read() as c:
            return {d: v or "" for d, v in c.execute(select(analyses_t.c.doc_id, analyses_t.c.version))}

    def analyses_of(self, doc_ids: Iterable[str]) -> dict[str, dict]:
        """The analyses of these documents (a few: each is read whole)."""
        ids, out = sorted(set(doc_ids)), {}
        with self._read() as c:
            for i in range(0, len(ids), 500):
                q = select(analyses_t.c.doc_id, analyses_t.c.data).where(analyses_t.c.doc_id.in_(ids[i:i + 500]))
                out.update((d, json.loads(data)) for d, data in c.execute(q))
        return out

    # ------------------------------------------------------------ per document, for the corpus stage
    def doc_memo_keys(self) -> dict[str, str]:
        """Document -> the key of what the corpus stage stored for it (``corpus_docs``)."""
        with self._read() as c:
            return {d: k for d, k in c.execute(select(corpus_docs_t.c.doc_id, corpus_docs_t.c.key))}

    def iter_doc_memos(self) -> Iterator[tuple[str, str, str]]:
        """(document, key, JSON text) of what the corpus stage stored per document, by document id,
        streamed."""
        order = corpus_docs_t.c.doc_id.collate("C") if self.url.startswith("postgresql") else corpus_docs_t.c.doc_id
        q = select(corpus_docs_t.c.doc_id, corpus_docs_t.c.key, corpus_docs_t.c.data).order_by(order) \
            .execution_options(stream_results=True, yield_per=500)
        with self._read() as c:
            for r in c.execute(q):
                yield r.doc_id, r.key, r.data

    def put_doc_memos(self, items: dict[str, tuple[str, str]], prune: bool = True) -> None:
        """Store, per document, (key, JSON text) of what the corpus stage made of it, replacing what
        was stored; rows of documents no longer stored are removed (``prune``: the stage writes its
        rows a batch at a time, and prunes with the last)."""
        ids = sorted(items)
        with self.engine.begin() as c:
            for i in range(0, len(ids), 500):
                chunk = ids[i:i + 500]
                c.execute(delete(corpus_docs_t).where(corpus_docs_t.c.doc_id.in_(chunk)))
                c.execute(insert(corpus_docs_t), [{"doc_id": d, "key": items[d][0], "data": items[d][1]}
                                                  for d in chunk])
            if prune:
                c.execute(delete(corpus_docs_t).where(corpus_docs_t.c.doc_id.not_in(select(analyses_t.c.doc_id))))

    # ------------------------------------------------------------ corpus level
    def put_corpus(self, results: dict[str, list], documents: str | None = None, base: str | None = None) -> None:
        """Replace the corpus-level results (all at once), recording which state of the documents
        they were computed from (``documents_state()`` by default). ``base``: the results before
        corrections (JSON), kept so that a new correction is applied without re-running the
        corpus stage."""
        w = self.corpus_writer(documents)
        w.base, w.over_stage = base, True
        for kind in CORPUS_KINDS:
            w.add(kind, results.get(kind, []))
        w.commit()

    def corpus_generation(self) -> int | None:
        """The generation of corpus results readers see now (None: none, or written before schema 4)."""
        with self._read() as c:
            gen = c.execute(select(meta_t.c.value).where(meta_t.c.key == "corpus_gen")).scalar()
        return int(gen) if gen is not None else None

    def corpus_base_generation(self) -> int | None:
        """The generation the last corpus stage wrote, its events tagged with their blocks: the
        current one, or, once corrections were applied to it, the one kept beneath them."""
        with self._read() as c:
            base = c.execute(select(meta_t.c.value).where(meta_t.c.key == "corpus_base_gen")).scalar()
        return int(base) if base is not None else self.corpus_generation()

    def corpus_blocks(self, gen: int | None = None) -> dict[str, list[str]]:
        """Blocks of the results of generation ``gen`` (by default the last corpus stage's) -> ids of
        their events (to carry over, and for the journal)."""
        gen = self.corpus_base_generation() if gen is None else gen
        out: dict[str, list[str]] = {}
        if gen is None:
            return out
        with self._read() as c:
            q = select(corpus_items_t.c.block, corpus_items_t.c.sort).where(
                corpus_items_t.c.gen == gen, corpus_items_t.c.kind == "events", corpus_items_t.c.block.is_not(None))
            for b, sort in c.execute(q):
                out.setdefault(b, []).append(sort)
        return out

    def corpus_document_ids(self) -> list[str]:
        """The documents the current corpus results were computed from (as their stage recorded)."""
        with self._read() as c:
            v = c.execute(select(meta_t.c.value).where(meta_t.c.key == "corpus_doc_ids")).scalar()
        return json.loads(v) if v else []

    def corpus_stat(self, name: str) -> str | None:
        """A corpus-wide statistic the last corpus stage stored (``CorpusWriter.stat``; a JSON text),
        None when none is stored."""
        with self._read() as c:
            return c.execute(select(meta_t.c.value).where(meta_t.c.key == "corpus_" + name)).scalar()

    def corpus_journal(self, last: int = 20) -> list[dict]:
        """What the last corpus stages changed, newest first."""
        with self._read() as c:
            q = select(corpus_journal_t).order_by(corpus_journal_t.c.id.desc()).limit(last)
            return [{"gen": r.gen, "at": r.at, **json.loads(r.data)} for r in c.execute(q)]

    def corpus_writer(self, documents: str | None = None) -> "CorpusWriter":
        """A writer of new corpus-level results, item by item, that readers see only once it commits."""
        return CorpusWriter(self, documents)

    @staticmethod
    def _documents_state(c) -> str:
        """Count, last sequence number, and a hash of every document's id with the version of its
        analysis: a document deleted and another added since, or one analysed again, changes it
        (count and sequence number alone could come back to the same values)."""
        import hashlib
        n, top = c.execute(select(text("COUNT(*)"), text("MAX(seq)")).select_from(documents_t)).one()
        h = hashlib.sha1()
        q = select(analyses_t.c.doc_id, analyses_t.c.version).order_by(analyses_t.c.doc_id)
        for doc_id, version in c.execute(q):
            h.update(f"{doc_id}\t{version}\n".encode("utf-8"))
        return f"{n}:{top or 0}:{h.hexdigest()[:16]}"

    def corpus_state(self) -> str:
        """What the corpus results record they were computed from: the documents' fingerprint
        and the corpus stage's version (new code re-runs the stage)."""
        return self.documents_state() + "|" + _corpus_version()

    def documents_state(self) -> str:
        """A cheap fingerprint of the stored documents (see ``_documents_state``)."""
        with self._read() as c:
            return self._documents_state(c)

    def corpus_is_current(self, version: str | None = None) -> bool:
        """Were the corpus-level results computed from the documents stored now? Cheap:
        reads two small values, not the results. False after a build that stored
        documents but was stopped before its corpus stage, so the next build runs it."""
        with self._read() as c:
            done = c.execute(select(meta_t.c.value).where(meta_t.c.key == "corpus_documents")).scalar()
            want = self._documents_state(c) + "|" + (version if version is not None else _corpus_version())
            return done is not None and done == want

    def corpus(self) -> dict[str, list]:
        out: dict[str, list] = {k: [] for k in CORPUS_KINDS}
        with self._read() as c:
            gen = c.execute(select(meta_t.c.value).where(meta_t.c.key == "corpus_gen")).scalar()
            if gen is None:        # results written before schema 4: one JSON list per kind
                q = select(corpus_t).where(corpus_t.c.kind != UNCORRECTED)
                rows = {r.kind: json.loads(r.data) for r in c.execute(q)}
                return {k: rows.get(k, []) for k in CORPUS_KINDS}
            # by code point, as Python sorts ids (PostgreSQL's default collation may not)
            sort = corpus_items_t.c.sort.collate("C") if self.url.startswith("postgresql") else corpus_items_t.c.sort
            q = select(corpus_items_t.c.kind, corpus_items_t.c.data).where(corpus_items_t.c.gen == int(gen)) \
                .order_by(corpus_items_t.c.kind, sort)
            for r in c.execute(q.execution_options(stream_results=True, yield_per=1000)):
                if r.kind in out:
                    out[r.kind].append(json.loads(r.data))
        return out

    def uncorrected(self) -> str | None:
        """The corpus results before corrections (JSON), or None when those stored are uncorrected."""
        with self._read() as c:
            return c.execute(select(corpus_t.c.data).where(corpus_t.c.kind == UNCORRECTED)).scalar()

    def corpus_recorded_state(self) -> str | None:
        """Which state of the documents the stored corpus results were computed from."""
        with self._read() as c:
            return c.execute(select(meta_t.c.value).where(meta_t.c.key == "corpus_documents")).scalar()

    # ------------------------------------------------------------ corrections
    def add_correction(self, c: dict) -> int:
        with self.engine.begin() as conn:
            r = conn.execute(insert(corrections_t).values(
                kind=c["kind"], target=c["target"], field=c["field"],
                old=json.dumps(c.get("old"), ensure_ascii=False), new=json.dumps(c.get("new"), ensure_ascii=False),
                author=c.get("author"), at=c.get("at") or _now(), note=c.get("note"), status="active",
                updated_at=_now()))
            return int(r.inserted_primary_key[0])

    def corrections(self, status: str | None = None) -> list[dict]:
        """Corrections in the order they were made (all, or those with ``status``)."""
        q = select(corrections_t).order_by(corrections_t.c.id)
        if status:
            q = q.where(corrections_t.c.status == status)
        with self._read() as c:
            return [_correction(r) for r in c.execute(q).mappings()]

    def correction(self, cid: int) -> dict | None:
        with self._read() as c:
            r = c.execute(select(corrections_t).where(corrections_t.c.id == cid)).mappings().first()
        return _correction(r) if r else None

    def set_correction_status(self, cid: int, status: str, reason: str | None = None) -> None:
        with self.engine.begin() as c:
            c.execute(corrections_t.update().where(corrections_t.c.id == cid).values(
                status=status, reason=reason, updated_at=_now()))

    # ------------------------------------------------------------ errors
    def log_errors(self, errors: Iterable[Any]) -> None:
        rows = [{"path": e.path, "reason": e.reason, "at": _now()} for e in errors]
        if rows:
            with self.engine.begin() as c:
                c.execute(insert(errors_t), rows)

    def export(self) -> dict:
        """The riwaya/1 export dict of everything stored."""
        from .exports.json_export import build_export
        with self.snapshot():
            return build_export(self)

    def count(self) -> int:
        with self._read() as c:
            return c.execute(text("SELECT COUNT(*) FROM documents")).scalar_one()


# step n takes a schema at version n-1 to version n; add a step, never edit one
def _step2(c) -> None:
    """An index on documents.seq: finding the next sequence number was a full scan per
    insert, quadratic over a large build."""
    ix_documents_seq.create(c, checkfirst=True)


def _step3(c) -> None:
    """The corrections table (a reviewer's assertions)."""
    corrections_t.create(c, checkfirst=True)


def _step4(c) -> None:
    """Corpus results one row per item (``corpus_items``), written as they are made: one JSON
    text per kind was the corpus stage's memory peak (4.3 GB at 30k articles)."""
    corpus_items_t.create(c, checkfirst=True)
    ix_corpus_items.create(c, checkfirst=True)
    ix_corpus_items_block.create(c, checkfirst=True)     # carrying blocks over finds their rows
    corpus_journal_t.create(c, checkfirst=True)


def _step5(c) -> None:
    """Per document, what the corpus stage made of it (``corpus_docs``): its event mentions, labelled
    with the reconciler's blocking keys, reused while nothing they were made from changed."""
    corpus_docs_t.create(c, checkfirst=True)


MIGRATIONS = {
    1: lambda c: md.create_all(c),
    2: _step2,
    3: _step3,
    4: _step4,
    5: _step5,
}


def _correction(r) -> dict:
    d = dict(r)
    for k in ("old", "new"):
        d[k] = json.loads(d[k]) if d.get(k) is not None else None
    return d


def _sqlite_pragmas(dbapi_conn, _record) -> None:
    cur = dbapi_conn.cursor()
    cur.execute("PRAGMA busy_timeout=30000")   # first: switching to WAL waits for another process's lock
    cur.execute("PRAGMA journal_mode=WAL")    # readers do not block the writer
    cur.execute("PRAGMA synchronous=NORMAL")
    cur.close()


def _corpus_version() -> str:
    from .corpus import CORPUS_VERSION
    return CORPUS_VERSION


class CorpusWriter:
    """Writes a new generation of corpus results in small transactions, item by item, so the
    corpus stage never holds them all as one text; readers keep seeing the previous generation
    until ``commit`` switches to the new one in one transaction (and removes the old). A writer
    that is abandoned (a killed build) leaves rows of a generation nobody reads; the next
    commit removes them."""

    BATCH = 500

    def __init__(self, store: Store, documents: str | None = None):
        self.store, self.documents = store, documents
        self.base: str | None = None     # the results before corrections, kept beside these
        self.over_stage = False          # True: keep the last corpus stage's results beneath these
        with store.engine.begin() as c:     # a counter taken in a transaction: two writers never share one
            last = c.execute(select(meta_t.c.value).where(meta_t.c.key == "corpus_last_gen")).scalar()
            self.gen = int(last or 0) + 1
            c.execute(delete(meta_t).where(meta_t.c.key == "corpus_last_gen"))
            c.execute(insert(meta_t).values(key="corpus_last_gen", value=str(self.gen)))

    def add(self, kind: str, items: Iterable[dict], sort: Callable[[int, dict], str] | None = None,
            block: Callable[[dict], str | None] | None = None, mover: Callable[[dict], bool] | None = None,
            dump: Callable[[dict], str] | None = None) -> int:
        """Write ``items`` of ``kind``; ``corpus()`` lists them by ``sort(n, item)`` (a string;
        by default the order given here). ``block(item)``: the block it came from, ``mover(item)``:
        whether an itinerary reads it (both kept for the next, incremental, run). ``dump(item)``: its
        JSON text, when the caller has it (by default ``json.dumps``). Returns how many."""
        rows: list[dict] = []
        n = -1
        for n, item in enumerate(items):
            key = sort(n, item) if sort else f"{n:012d}"
            rows.append({"gen": self.gen, "kind": kind, "sort": key,
                         "data": dump(item) if dump else json.dumps(item, ensure_ascii=False),
                         "block": block(item) if block else None,
                         "mover": int(bool(mover(item))) if mover else None})
            if len(rows) >= self.BATCH:
                self._flush(rows)
                rows = []
        self._flush(rows)
        return n + 1

    def _flush(self, rows: list[dict]) -> None:
        if rows:
            with self.store.engine.begin() as c:
                c.execute(insert(corpus_items_t), rows)

    # at most this many blocks left out by one pass of ``reuse`` (parameters of a NOT IN: SQLite's limit is
    # 32,766 since 3.32, PostgreSQL's 65,535); a part reconciled again leaves out its sub-parts' blocks
    REST_MAX = 20000

    def reuse(self, blocks: Iterable[str], gen: int | None = None, stored: Iterable[str] | None = None) -> None:
        """Carry the events and conflicts of these blocks over from generation ``gen`` (by default
        the last corpus stage's, see ``Store.corpus_base_generation``), as stored. ``stored``: every
        block of that generation; when most are carried over, one pass copies all but the others."""
        blocks = sorted(set(blocks))
        cur = self.store.corpus_base_generation() if gen is None else gen
        if not blocks or cur is None:
            return
        cols = [corpus_items_t.c[k] for k in ("kind", "sort", "data", "block", "mover")]
        names = ["gen", "kind", "sort", "data", "block", "mover"]
        rest = sorted(set(stored) - set(blocks)) if stored is not None else None
        kinds = corpus_items_t.c.kind.in_(["events", "conflicts"])     # itineraries carry blocks of their own
        with self.store.engine.begin() as c:
            if rest is not None and len(rest) <= self.REST_MAX and len(rest) < len(blocks):
                q = select(literal(self.gen), *cols).where(corpus_items_t.c.gen == cur, kinds,
                                                           corpus_items_t.c.block.is_not(None),
                                                           corpus_items_t.c.block.not_in(rest))
                c.execute(insert(corpus_items_t).from_select(names, q))
                return
            for i in range(0, len(blocks), 500):
                q = select(literal(self.gen), *cols).where(corpus_items_t.c.gen == cur, _by_block_kinds(),
                                                           corpus_items_t.c.block.in_(blocks[i:i + 500]))
                c.execute(insert(corpus_items_t).from_select(names, q))

    def reuse_renamed(self, renames: Iterable[tuple[str, str]], gen: int | None = None) -> None:
        """Carry the events and conflicts of blocks over from generation ``gen`` as ``reuse`` does, each
        under a new block name: (old, new) pairs, both "PART/SUB" (a sub-part carried over into the part
        it is in now, ``blocks.refresh_store``), old and new of one pair with the same SUB."""
        cur = self.store.corpus_base_generation() if gen is None else gen
        by: dict[tuple[str, str], list[str]] = {}
        for old, new in sorted(set(renames)):
            op, _, sub = old.partition("/")
            np_, _, sub2 = new.partition("/")
            if sub != sub2 or not sub:
                raise ValueError(f"not one sub-part: {old} -> {new}")
            by.setdefault((op, np_), []).append(old)
        if not by or cur is None:
            return
        names = ["gen", "kind", "sort", "data", "block", "mover"]
        kinds = _by_block_kinds()
        t = corpus_items_t.c
        with self.store.engine.begin() as c:
            for (op, np_), olds in sorted(by.items()):
                block = literal(np_).concat(func.substr(t.block, len(op) + 1))     # "NEW" + "/SUB"
                for i in range(0, len(olds), 500):
                    q = select(literal(self.gen), t.kind, t.sort, t.data, block, t.mover).where(
                        t.gen == cur, kinds, t.block.in_(olds[i:i + 500]))
                    c.execute(insert(corpus_items_t).from_select(names, q))

    def iter_movers(self, raw: bool = False) -> Iterator[tuple]:
        """The events written so far (computed or carried over) that itineraries read, one at a time,
        each with its key for ``events``, read from the store in batches. ``raw``: each with its stored
        JSON text too (key, event, text)."""
        q = select(corpus_items_t.c.sort, corpus_items_t.c.data).where(
            corpus_items_t.c.gen == self.gen, corpus_items_t.c.kind == "events", corpus_items_t.c.mover == 1)
        with self.store.engine.connect() as c:
            for key, data in c.execution_options(yield_per=500).execute(q.order_by(corpus_items_t.c.sort)):
                yield (key, json.loads(data), data) if raw else (key, json.loads(data))

    def events(self, keys: Iterable[str]) -> dict[str, dict]:
        """Events written so far, by their keys (what ``iter_movers`` gives with each)."""
        keys, out = sorted(set(keys)), {}
        with self.store.engine.connect() as c:
            for i in range(0, len(keys), 500):
                q = select(corpus_items_t.c.sort, corpus_items_t.c.data).where(
                    corpus_items_t.c.gen == self.gen, corpus_items_t.c.kind == "events",
                    corpus_items_t.c.sort.in_(keys[i:i + 500]))
                out.update((k, json.loads(d)) for k, d in c.execute(q))
        return out

    def stat(self, name: str, value: str) -> None:
        """Store a corpus-wide statistic (a JSON text) with these results: written now, under a key of
        this generation that no reader asks for, and made the stored one by ``commit`` (held until
        then, the statistics' text, over 10 MB at 30k articles, was copied again in the commit: its peak)."""
        key = f"pending{self.gen}:{name}"
        with self.store.engine.begin() as c:
            c.execute(delete(meta_t).where(meta_t.c.key == key))
            c.execute(insert(meta_t).values(key=key, value=value))
        self.__dict__.setdefault("_stats", set()).add(name)

    def journal(self, entry: dict, documents: list[str] | None = None) -> None:
        """Record what this run changed, and the documents its results cover (written with the commit)."""
        self._journal, self._doc_ids = entry, documents

    def commit(self) -> None:
        with self.store.engine.begin() as c:
            if getattr(self, "_journal", None) is not None:
                c.execute(insert(corpus_journal_t).values(gen=self.gen, at=_now(),
                                                          data=json.dumps(self._journal, ensure_ascii=False)))
            if getattr(self, "_doc_ids", None) is not None:
                c.execute(delete(meta_t).where(meta_t.c.key == "corpus_doc_ids"))
                c.execute(insert(meta_t).values(key="corpus_doc_ids", value=json.dumps(self._doc_ids)))
            state = self.documents if self.documents is not None else \
                Store._documents_state(c) + "|" + _corpus_version()
            keep = None
            if self.over_stage:
                # results over a corpus stage's (corrected, by put_corpus): the stage's, beneath
                # them, stay what the next stage carries over (its events tagged with their blocks)
                keep = c.execute(select(meta_t.c.value).where(meta_t.c.key == "corpus_base_gen")).scalar()
                uncorrected = c.execute(select(corpus_t.c.kind).where(corpus_t.c.kind == UNCORRECTED)).first()
                if keep is None and uncorrected is None:    # the current results are the stage's own
                    keep = c.execute(select(meta_t.c.value).where(meta_t.c.key == "corpus_gen")).scalar()
            values = [("corpus_gen", str(self.gen)), ("corpus_documents", state), ("corpus_base_gen", keep)]
            for key, value in values:
                c.execute(delete(meta_t).where(meta_t.c.key == key))
                if value is not None:
                    c.execute(insert(meta_t).values(key=key, value=value))
            for name in sorted(getattr(self, "_stats", ())):     # written by ``stat``: renamed, not copied
                c.execute(delete(meta_t).where(meta_t.c.key == "corpus_" + name))
                c.execute(update(meta_t).where(meta_t.c.key == f"pending{self.gen}:{name}")
                          .values(key="corpus_" + name))
            c.execute(delete(meta_t).where(meta_t.c.key.like("pending%:%")))    # an abandoned writer's
            kept = [self.gen] + ([int(keep)] if keep is not None else [])
            c.execute(delete(corpus_items_t).where(corpus_items_t.c.gen.not_in(kept)))
            c.execute(delete(corpus_t))
            if self.base is not None:   # the results before corrections (Store.put_corpus)
                c.execute(insert(corpus_t).values(kind=UNCORRECTED, updated_at=_now(), data=self.base))
