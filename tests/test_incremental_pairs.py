"""The corpus stage's pair memo (reconcile.core.PairMemo): a part reconciled again compares only the pairs with a
new or changed mention; the others are read from the cache. A then A+B, the memo warm, gives what the stage from
scratch gives (entities, events, accounts, conflicts, itineraries), and what the stage gives without the memo."""
from riwaya import blocks
from riwaya.reconcile import core
from riwaya.store import Store

from .test_blocks import _corpus_dump, _from_scratch, copy_store


def _counting(monkeypatch) -> list:
    """The pairs the clustering compared (not read from the memo), one item each."""
    made = []
    real = core.PairMemo.compared

    def compared(self, cands, ok, score):
        out = real(self, cands, ok, score)
        made.extend([1] * self.made)
        self.made = 0
        return out
    monkeypatch.setattr(core.PairMemo, "compared", compared)
    return made


def test_a_then_a_plus_b_with_the_pair_memo_equals_the_stage_from_scratch(built_db, corpus_dir, tmp_path,
                                                                          monkeypatch):
    from riwaya.pipeline import build
    monkeypatch.setenv("RIWAYA_CACHE_DIR", str(tmp_path / "cache"))
    files = sorted(p for p in corpus_dir.rglob("*") if p.is_file() and not p.name.endswith(".meta.json"))
    url = f"sqlite:///{tmp_path / 'inc.db'}"
    build([str(p) for p in files[:len(files) // 2]], url, progress=False)     # A: the memo filled
    made = _counting(monkeypatch)
    build([str(corpus_dir)], url, progress=False)                            # A then A+B
    assert _corpus_dump(url) == _corpus_dump(built_db)
    n_plus = len(made)
    # every part reconciled again, twice: the second time, the memo warm, no pair scored again; the same store
    import sqlite3
    for n in range(2):
        made.clear()
        dst = tmp_path / f"again{n}.db"
        copy_store(url, dst)
        with sqlite3.connect(dst) as c:
            c.execute("DELETE FROM corpus_items")
            c.execute("DELETE FROM meta WHERE key IN ('corpus_gen', 'corpus_doc_ids')")
        blocks.refresh_store(Store(f"sqlite:///{dst}"))
        assert _corpus_dump(f"sqlite:///{dst}") == _corpus_dump(built_db)
    assert made == []
    # and without the memo: the pairs scored, the same store
    monkeypatch.setattr(core, "PAIR_MEMO", False)
    assert _corpus_dump(url) == _from_scratch(url, tmp_path / "scratch.db")
    assert 0 < n_plus


def test_a_pair_is_compared_again_when_an_entity_a_mention_names_changes(monkeypatch, tmp_path):
    monkeypatch.setenv("RIWAYA_CACHE_DIR", str(tmp_path / "cache"))
    place = {"id": "e:l:1", "type": "place", "name_ar": "حلب", "coordinates": [36.2, 37.1], "mentions": []}
    ents = core.Entities([place])
    ms = [{"id": "a", "doc": "d1", "class": "movement", "type": "arrival", "destination": "e:l:1"},
          {"id": "b", "doc": "d2", "class": "movement", "type": "arrival", "destination": "raw:حلب"}]
    feats = [{"story": 1}, {"story": 1}]
    calls = []

    def ok(i, j):
        calls.append((i, j))
        return True
    m1 = core.PairMemo(ms, feats, ents)
    assert m1.compared([(0, 1)], ok, lambda i, j: 1.5) == [(0, 1, True, 1.5)] and len(calls) == 1
    m2 = core.PairMemo(ms, feats, ents)
    assert m2.compared([(0, 1)], ok, lambda i, j: 9.0) == [(0, 1, True, 1.5)] and len(calls) == 1
    assert m2.reused == 1 and m2.made == 0
    moved = core.Entities([{**place, "coordinates": [0.0, 0.0]}])      # what the place test reads changed
    m3 = core.PairMemo(ms, feats, moved)
    assert m3.compared([(0, 1)], ok, lambda i, j: 2.5) == [(0, 1, True, 2.5)] and len(calls) == 2
    m4 = core.PairMemo(ms, [{"story": 1}, {"story": 2}], ents)          # another story: compared again
    assert m4.compared([(0, 1)], lambda i, j: False, lambda i, j: 0.0) == [(0, 1, False)]
    assert core.PairMemo(ms, [{"story": 1}, {"story": 2}], ents).compared(
        [(0, 1)], ok, lambda i, j: 0.0) == [(0, 1, False)]             # ... and read back as incompatible
    assert core.PairMemo(ms, feats, ents).compared([(1, 0)], ok, lambda i, j: 3) == [(1, 0, True, 3)]  # ordered
    assert core.PairMemo(ms, feats, ents).compared([(1, 0)], ok, lambda i, j: 7) == [(1, 0, True, 3)]  # int kept


def test_a_damaged_entry_is_a_miss(monkeypatch, tmp_path):
    monkeypatch.setenv("RIWAYA_CACHE_DIR", str(tmp_path / "cache"))
    ents = core.Entities([])
    ms = [{"id": "a", "doc": "d1"}, {"id": "b", "doc": "d2"}]
    feats = [{"story": None}, {"story": None}]
    m = core.PairMemo(ms, feats, ents)
    key = m.tag + m.mention_digest(0) + m.mention_digest(1)
    m.kv.put_many({key: "not json"})
    assert core.PairMemo(ms, feats, ents).compared([(0, 1)], lambda i, j: True, lambda i, j: 0.5) == [(0, 1, True, 0.5)]
    m.kv.put_many({key: "true"})
    assert core.PairMemo(ms, feats, ents).compared([(0, 1)], lambda i, j: True, lambda i, j: 0.25) == [(0, 1, True, 0.25)]
