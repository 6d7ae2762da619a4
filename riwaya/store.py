"""The knowledge store: SQLite by default, PostgreSQL by URL, through SQLAlchemy.

Each document is written together with its analysis in one transaction, so an
interrupted build leaves only whole documents behind and a re-run finishes the
rest. Corpus-level results (entities, events, conflicts, relations, itineraries)
are replaced in one transaction after resolution. The schema is migrated by
code: ``meta.schema_version`` says which steps have run.
"""
from __future__ import annotations

import json
from datetime import datetime, timezone
from typing import Any, Iterable

from sqlalchemy import (Column, Integer, LargeBinary, MetaData, String, Table, Text, create_engine, delete,
                        event, insert, select, text)
from sqlalchemy.engine import Engine

from .models import Document

SCHEMA_VERSION = 1
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
analyses_t = Table(
    "analyses", md,
    Column("doc_id", String(32), primary_key=True),
    Column("version", String(64)), Column("data", Text, nullable=False),
)
corpus_t = Table(   # corpus-level results, one JSON list per kind
    "corpus", md, Column("kind", String(32), primary_key=True), Column("data", Text, nullable=False),
    Column("updated_at", String(40)),
)
errors_t = Table(
    "errors", md, Column("id", Integer, primary_key=True, autoincrement=True),
    Column("path", Text), Column("reason", Text), Column("at", String(40)),
)

CORPUS_KINDS = ("entities", "events", "conflicts", "relations", "itineraries")


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
        self.engine: Engine = create_engine(self.url, future=True)
        if self.url.startswith("sqlite"):
            event.listen(self.engine, "connect", _sqlite_pragmas)
        self.migrate()

    # ------------------------------------------------------------ schema
    def migrate(self) -> None:
        """Bring the schema up to SCHEMA_VERSION, one numbered step at a time."""
        meta_t.create(self.engine, checkfirst=True)
        with self.engine.begin() as c:
            row = c.execute(select(meta_t.c.value).where(meta_t.c.key == "schema_version")).first()
            version = int(row[0]) if row else 0
            for step in range(version + 1, SCHEMA_VERSION + 1):
                MIGRATIONS[step](c)
            if row:
                c.execute(meta_t.update().where(meta_t.c.key == "schema_version").values(value=str(SCHEMA_VERSION)))
            else:
                c.execute(insert(meta_t).values(key="schema_version", value=str(SCHEMA_VERSION)))

    def schema_version(self) -> int:
        with self.engine.connect() as c:
            return int(c.execute(select(meta_t.c.value).where(meta_t.c.key == "schema_version")).scalar_one())

    # ------------------------------------------------------------ documents
    def known_ids(self) -> set[str]:
        with self.engine.connect() as c:
            return set(c.execute(select(analyses_t.c.doc_id)).scalars())

    def has(self, doc_id: str) -> bool:
        with self.engine.connect() as c:
            return c.execute(select(analyses_t.c.doc_id).where(analyses_t.c.doc_id == doc_id)).first() is not None

    def add(self, doc: Document, analysis: dict, version: str = "") -> None:
        """Write a document and its analysis atomically (both or neither)."""
        with self.engine.begin() as c:
            c.execute(delete(analyses_t).where(analyses_t.c.doc_id == doc.id))
            c.execute(delete(documents_t).where(documents_t.c.id == doc.id))
            seq = c.execute(select(documents_t.c.seq).order_by(documents_t.c.seq.desc()).limit(1)).scalar()
            c.execute(insert(documents_t).values(
                id=doc.id, path=doc.path, url=doc.url, outlet=doc.outlet, title=doc.title,
                published=doc.published, language=doc.language, languages=json.dumps(doc.languages),
                text=doc.text, raw=doc.raw, meta=json.dumps(doc.meta, ensure_ascii=False),
                added_at=_now(), seq=(seq or 0) + 1))
            c.execute(insert(analyses_t).values(doc_id=doc.id, version=version,
                                                data=json.dumps(analysis, ensure_ascii=False)))

    def documents(self) -> list[dict]:
        with self.engine.connect() as c:
            rows = c.execute(select(documents_t).order_by(documents_t.c.seq, documents_t.c.id)).mappings().all()
        out = []
        for r in rows:
            d = {k: r[k] for k in ("id", "path", "url", "outlet", "title", "published", "language", "text")}
            d["languages"] = json.loads(r["languages"] or "[]")
            d["meta"] = json.loads(r["meta"] or "{}")
            out.append(d)
        return out

    def raw(self, doc_id: str) -> bytes | None:
        with self.engine.connect() as c:
            return c.execute(select(documents_t.c.raw).where(documents_t.c.id == doc_id)).scalar()

    def analyses(self) -> dict[str, dict]:
        with self.engine.connect() as c:
            return {r.doc_id: json.loads(r.data) for r in c.execute(select(analyses_t))}

    # ------------------------------------------------------------ corpus level
    def put_corpus(self, results: dict[str, list]) -> None:
        with self.engine.begin() as c:
            for kind in CORPUS_KINDS:
                c.execute(delete(corpus_t).where(corpus_t.c.kind == kind))
                c.execute(insert(corpus_t).values(kind=kind, updated_at=_now(),
                                                  data=json.dumps(results.get(kind, []), ensure_ascii=False)))

    def corpus(self) -> dict[str, list]:
        with self.engine.connect() as c:
            rows = {r.kind: json.loads(r.data) for r in c.execute(select(corpus_t))}
        return {k: rows.get(k, []) for k in CORPUS_KINDS}

    # ------------------------------------------------------------ errors
    def log_errors(self, errors: Iterable[Any]) -> None:
        rows = [{"path": e.path, "reason": e.reason, "at": _now()} for e in errors]
        if rows:
            with self.engine.begin() as c:
                c.execute(insert(errors_t), rows)

    def export(self) -> dict:
        """The riwaya/1 export dict of everything stored."""
        from .exports.json_export import build_export
        return build_export(self)

    def count(self) -> int:
        with self.engine.connect() as c:
            return c.execute(text("SELECT COUNT(*) FROM documents")).scalar_one()


# step n takes a schema at version n-1 to version n; add a step, never edit one
MIGRATIONS = {
    1: lambda c: md.create_all(c),
}


def _sqlite_pragmas(dbapi_conn, _record) -> None:
    cur = dbapi_conn.cursor()
    cur.execute("PRAGMA journal_mode=WAL")    # readers do not block the writer
    cur.execute("PRAGMA synchronous=NORMAL")
    cur.execute("PRAGMA busy_timeout=30000")
    cur.close()
