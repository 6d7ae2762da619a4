"""The store on a real PostgreSQL server: a throwaway cluster (initdb into a temp dir,
a free localhost port; as root the server runs as the ``postgres`` OS user) gets the
bundled corpus, and its export equals SQLite's. Readers see consistent snapshots
while a build writes, on both back ends. Skips cleanly without PostgreSQL.
"""
from __future__ import annotations

import threading

from riwaya.pipeline import build
from riwaya.store import Store, normalize_url

from .conftest import CORPUS


def test_postgres_urls_use_psycopg3():
    assert normalize_url("postgresql://u@h/db") == "postgresql+psycopg://u@h/db"
    assert normalize_url("postgres://u@h:5/db") == "postgresql+psycopg://u@h:5/db"


def test_postgres_build_equals_sqlite(pg, built_db, tmp_path):
    url = pg.create_db("riwaya_equal")
    r = build([str(CORPUS)], url, progress=False)
    assert (r.added, r.skipped) == (5, 0) and not r.errors
    assert Store(url).schema_version() == Store(built_db).schema_version()
    exp_pg, exp_lite = Store(url).export(), Store(built_db).export()
    assert exp_pg == exp_lite
    r2 = build([str(CORPUS)], url, progress=False)          # idempotent on PostgreSQL too
    assert (r2.added, r2.skipped) == (0, 5)
    assert Store(url).export() == exp_pg


def test_postgres_incremental_corpus_stage_equals_sqlite(pg, built_db):
    """Three articles, then all five: the second corpus stage carries parts over on PostgreSQL too."""
    url = pg.create_db("riwaya_incremental")
    files = sorted(p for p in CORPUS.rglob("*.txt"))
    build([str(p) for p in files[:3]], url, progress=False)
    build([str(CORPUS)], url, progress=False)
    assert Store(url).corpus_journal(1)[0]["parts_carried_over"] > 0
    assert Store(url).export() == Store(built_db).export()


def test_postgres_refuses_nul_for_one_document_and_keeps_the_rest(pg, tmp_path):
    url = pg.create_db("riwaya_nul")
    f = tmp_path / "in.jsonl"
    f.write_text('{"text": "نص فيه \\u0000 حرف فارغ"}\n{"text": "خبر عادي عن دمشق"}\n', encoding="utf-8")
    r = build([str(f)], url, progress=False)
    assert r.added + len(r.errors) == 2 and r.added >= 1
    s = Store(url)
    assert set(s.analyses()) == {d["id"] for d in s.documents()}


def _readers_consistent_while_building(url: str, paths: list[str]) -> None:
    store = Store(url)
    problems: list[str] = []
    reads = {"n": 0}
    done = threading.Event()

    def reader():
        while not done.is_set():
            try:
                exp = store.export()
                ids = {d["id"] for d in exp["documents"]}
                with store.snapshot():
                    analysed = set(store.analyses())
                    docs = {d["id"] for d in store.documents()}
                if docs != analysed:
                    problems.append(f"snapshot: {len(docs)} documents but {len(analysed)} analyses")
                for e in exp["entities"]:
                    for m in e.get("mentions", []):
                        if m["doc"] not in ids:
                            problems.append(f"entity {e['id']} points at a document not in the export")
                reads["n"] += 1
            except Exception as e:      # noqa: BLE001 - any error is a failure here
                problems.append(f"{type(e).__name__}: {e}")
                return

    t = threading.Thread(target=reader)
    t.start()
    try:
        r = build(paths, url, progress=False)
    finally:
        done.set()
        t.join(60)
    assert not problems, problems[:3]
    assert reads["n"] >= 2 and not r.errors


def _two_step_corpus(tmp_path):
    """The bundled corpus in two folders, so the second build adds to a store with a
    corpus stage already written."""
    import shutil
    files = sorted(p for p in CORPUS.iterdir() if p.suffix == ".txt")
    a, b = tmp_path / "a", tmp_path / "b"
    a.mkdir(), b.mkdir()
    for n, p in enumerate(files):
        dest = a if n < 2 else b
        shutil.copy(p, dest / p.name)
        meta = p.with_name(p.stem + ".meta.json")
        if meta.exists():
            shutil.copy(meta, dest / meta.name)
    return a, b


def test_sqlite_readers_see_consistent_snapshots_while_a_build_writes(tmp_path):
    a, b = _two_step_corpus(tmp_path)
    url = f"sqlite:///{tmp_path / 'conc.db'}"
    build([str(a)], url, progress=False)
    _readers_consistent_while_building(url, [str(b)])


def test_postgres_readers_see_consistent_snapshots_while_a_build_writes(pg, tmp_path):
    a, b = _two_step_corpus(tmp_path)
    url = pg.create_db("riwaya_conc")
    build([str(a)], url, progress=False)
    _readers_consistent_while_building(url, [str(b)])
