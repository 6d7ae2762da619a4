"""Sub-parts (reconcile.core.SubPart): within a part the stage reconciles again, the connected parts of the
reconciler's pairs whose fingerprint is unchanged are carried over; the store equals the stage from scratch."""
import sqlite3

from riwaya import blocks
from riwaya.reconcile import core
from riwaya.store import Store

from .test_blocks import _corpus_dump, _from_scratch, copy_store


def _recording(monkeypatch):
    """Record the sub-parts (their mentions' ids) of every call of the reconciler (every part paired: no
    clusters read back from the pairing memo, ``blocks.PAIR_MEMO``, tested in test_incremental_inc28.py)."""
    seen: list[list[frozenset]] = []
    real = core.cluster_subparts
    monkeypatch.setattr(blocks, "PAIR_MEMO", False)

    def rec(ms, feats, same_place=None, blocks=None):
        subs = real(ms, feats, same_place, blocks)
        seen.append([frozenset(ms[i]["id"] for i in s.idx) for s in subs])
        return subs
    monkeypatch.setattr(core, "cluster_subparts", rec)
    return seen


def test_subparts_cover_the_mentions_once_and_order_their_pairs(built_db, tmp_path, monkeypatch):
    seen = _recording(monkeypatch)
    dst = tmp_path / "s.db"
    copy_store(built_db, dst)
    with sqlite3.connect(dst) as c:
        c.execute("DELETE FROM corpus_items")
        c.execute("DELETE FROM meta WHERE key IN ('corpus_gen', 'corpus_doc_ids')")
    blocks.refresh_store(Store(f"sqlite:///{dst}"))
    assert _corpus_dump(f"sqlite:///{dst}") == _corpus_dump(built_db)       # made sub-part by sub-part: the same
    subs = [s for call in seen for s in call]
    ids = [i for s in subs for i in s]
    assert len(ids) == len(set(ids)) and len(subs) > 10


def test_a_deleted_bridge_splits_a_subpart_and_the_rest_is_carried_over(built_db, corpus_dir, tmp_path, monkeypatch):
    """A document whose mentions join others' into one sub-part, deleted and then added again: the
    sub-parts it does not reach are carried over, the store equals the stage from scratch each time."""
    from riwaya.pipeline import build, refresh
    seen = _recording(monkeypatch)
    dst = tmp_path / "b.db"
    copy_store(built_db, dst)
    url = f"sqlite:///{dst}"
    s = Store(url)
    with sqlite3.connect(dst) as c:
        c.execute("DELETE FROM corpus_items")
        c.execute("DELETE FROM meta WHERE key IN ('corpus_gen', 'corpus_doc_ids')")
    blocks.refresh_store(s)
    before = [x for call in seen for x in call]
    doc_of = {}
    for ev in s.corpus()["events"]:
        for e in ev["evidence"]:
            doc_of[e["mention"]] = e["doc"]

    def others(sub, d):
        return {doc_of.get(m) for m in sub} - {d}
    # the document in the most sub-parts that hold two other documents' mentions: the likeliest bridge
    docs = sorted({d for d in doc_of.values()})
    bridge = max(docs, key=lambda d: (sum(1 for x in before if d in {doc_of.get(m) for m in x}
                                          and len(others(x, d)) >= 2), d))
    seen.clear()
    s.delete([bridge])
    refresh(s)
    after = [x for call in seen for x in call]
    j = s.corpus_journal(1)[0]
    assert j["documents_removed"] == [bridge]
    assert j["subparts_carried_over"] > 0 or j["parts_carried_over"] > 0
    # some sub-part the bridge was in is now two or more
    split = [x for x in before if bridge in {doc_of.get(m) for m in x}
             and sum(1 for y in after if y & x) >= 2]
    assert split
    assert _corpus_dump(url) == _from_scratch(url, tmp_path / "scratch1.db")
    build([str(corpus_dir)], url, progress=False)      # back: it joins them again
    assert s.corpus_journal(1)[0]["documents_added"] == [bridge]
    assert _corpus_dump(url) == _from_scratch(url, tmp_path / "scratch2.db")


def test_results_stored_before_subparts_are_carried_over_by_part(built_db, tmp_path):
    """Blocks named by their part alone (a store of the code before sub-parts) are carried over whole."""
    dst = tmp_path / "old.db"
    copy_store(built_db, dst)
    with sqlite3.connect(dst) as c:
        assert c.execute("SELECT COUNT(*) FROM corpus_items WHERE block LIKE '%/%'").fetchone()[0] > 0
        c.execute("UPDATE corpus_items SET block = substr(block, 1, instr(block, '/') - 1) WHERE block LIKE '%/%'")
    s = Store(f"sqlite:///{dst}")
    figures = blocks.refresh_store(s)
    assert figures["parts_reconciled"] == 0 and figures["parts_carried_over"] == figures["parts"]
    assert _corpus_dump(f"sqlite:///{dst}") == _corpus_dump(built_db)


def test_a_renamed_subpart_keeps_its_rows(tmp_path):
    s = Store(f"sqlite:///{tmp_path / 'r.db'}")
    w = s.corpus_writer(s.corpus_state())
    w.add("events", [{"id": "ev_a"}, {"id": "ev_b"}], sort=lambda _n, x: x["id"],
          block=lambda x: "P1/S1" if x["id"] == "ev_a" else "P1/S2")
    w.add("conflicts", [{"id": "c1", "event": "ev_a"}], sort=lambda _n, x: x["id"], block=lambda x: "P1/S1")
    w.commit()
    w = s.corpus_writer(s.corpus_state())
    w.reuse_renamed([("P1/S1", "P2/S1")], s.corpus_base_generation())
    w.commit()
    assert s.corpus_blocks() == {"P2/S1": ["ev_a"]}
    assert [c["id"] for c in s.corpus()["conflicts"]] == ["c1"]
