"""Carrying blocks over (``CorpusWriter.reuse`` by block, ``reuse_renamed``) finds the rows by (generation, block):
SQLite chose the (generation, kind) index for ``kind IN (...) AND block IN (...)`` and walked every event and
conflict of the generation per query (1.46 of a + 10's 22 CPU seconds at 3,000 articles)."""
import sqlite3

from sqlalchemy import select
from sqlalchemy.dialects.sqlite import dialect as sqlite_dialect

from riwaya import store
from riwaya.store import Store


def test_the_rows_of_blocks_are_found_by_their_block(tmp_path):
    db = tmp_path / "s.db"
    s = Store(f"sqlite:///{db}")
    w = s.corpus_writer()
    w.add("events", [{"id": f"ev_{i}"} for i in range(50)], sort=lambda _n, e: e["id"], block=lambda e: e["id"][-1])
    w.commit()
    t = store.corpus_items_t.c
    q = select(t.data).where(t.gen == 1, store._by_block_kinds(), t.block.in_(["1", "2"]))
    sql = str(q.compile(dialect=sqlite_dialect(), compile_kwargs={"literal_binds": True}))
    with sqlite3.connect(db) as c:
        plan = " ".join(str(r) for r in c.execute("EXPLAIN QUERY PLAN " + sql))
        assert "ix_corpus_items_block" in plan, plan
        got = sorted(r[0] for r in c.execute(sql.replace("corpus_items.data", "corpus_items.sort")))
    assert got == sorted(f"ev_{i}" for i in range(50) if str(i)[-1] in "12")


def test_blocks_carried_over_under_new_names_are_the_rows_of_those_blocks(tmp_path):
    s = Store(f"sqlite:///{tmp_path / 's.db'}")
    w = s.corpus_writer()
    w.add("events", [{"id": "ev_1"}, {"id": "ev_2"}, {"id": "ev_3"}], sort=lambda _n, e: e["id"],
          block=lambda e: {"ev_1": "P/a", "ev_2": "P/b", "ev_3": "Q/c"}[e["id"]])
    w.add("conflicts", [{"id": "c_1", "event": "ev_1"}], sort=lambda _n, c: c["id"], block=lambda c: "P/a")
    w.add("itineraries", [{"id": "it_1"}])
    w.commit()
    w = s.corpus_writer()
    w.reuse_renamed([("P/a", "R/a")])
    w.reuse(["Q/c"])
    w.commit()
    got = s.corpus()
    assert [e["id"] for e in got["events"]] == ["ev_1", "ev_3"] and [c["id"] for c in got["conflicts"]] == ["c_1"]
    assert sorted(s.corpus_blocks(s.corpus_base_generation())) == ["Q/c", "R/a"]
