"""A part paired again scores afresh only its pairs with a new or changed mention (``reconcile.pair_memo.PairScores``,
``blocks.PAIR_SCORES``): each compared pair's outcome is kept by the two mentions' content keys and whether they share
a story, with every call of the place test it made; it is read back where the keys are the same and each call answers
as it did. Output identical to scoring every pair (the reconciler's result, the store against the one built)."""
import json
import sqlite3

import pytest

from riwaya import blocks
from riwaya.reconcile import core, pair_memo
from riwaya.store import Store

from .test_blocks import _corpus_dump, copy_store
from .test_incremental_inc28 import DOCS, ENTS, SANAA, ADEN, COALITION, T1, T3, _attack

T4 = "شنت مقاتلات التحالف غارات جديدة على الحوثيين في صنعاء ليلا."
DOCS4 = DOCS + [{"id": "d4", "text": T4, "outlet": "okaz", "published": "2015-04-05", "title": None, "url": None,
                 "language": "ar", "seq": 4}]


@pytest.fixture(autouse=True)
def _cache(tmp_path, monkeypatch):
    monkeypatch.setenv("RIWAYA_CACHE_DIR", str(tmp_path / "cache"))


_KEY = pair_memo.PairMemo._key


def _ms(n=3, aden=("e:city:aden", "عدن")):
    out = [_attack("d1", T1, "d1:ev1", "e:city:sanaa", "صنعاء"),
           _attack("d2", DOCS[1]["text"], "d2:ev1", "e:city:sanaa", "صنعاء"),
           _attack("d3", T3, "d3:ev1", *aden)]
    if n == 4:
        out.append(_attack("d4", T4, "d4:ev1", "e:city:sanaa", "صنعاء"))
    return out


def _run(ms, ents, monkeypatch, scores=True, memo=True, stories=None, docs=DOCS4, salt=""):
    """The reconciler on one part; ``salt``: the part's key moved (its clusters never read back), not the mentions'."""
    monkeypatch.setattr(blocks, "PAIR_MEMO", memo)
    monkeypatch.setattr(blocks, "PAIR_SCORES", scores)
    monkeypatch.setattr(pair_memo.PairMemo, "_key", lambda self, *a: _KEY(self, *a) + salt)
    part_of = {m["id"]: "P1" for m in ms}
    out = blocks.reconcile_block(docs, (json.loads(json.dumps(ms)), part_of), json.loads(json.dumps(ents)), [], {},
                                 stories or {"d1": 0, "d2": 0, "d3": 0, "d4": 0}, carried={})
    figures = out.pop("pairing", None)
    return json.dumps(out, sort_keys=True, ensure_ascii=False, default=str), figures


def test_scores_read_back_equal_scored_and_a_part_that_gained_a_mention_scores_only_its_pairs(monkeypatch):
    plain3, _ = _run(_ms(3), ENTS, monkeypatch, scores=False, memo=False)
    cold, f1 = _run(_ms(3), ENTS, monkeypatch)
    assert cold == plain3 and f1["pairs_scored"] == 3 and f1["pairs_read_back"] == 0
    # a fourth report joins the part: the part's key moves (no clusters read back), its three old pairs read back
    plain4, _ = _run(_ms(4), ENTS, monkeypatch, scores=False, memo=False)
    warm, f2 = _run(_ms(4), ENTS, monkeypatch)
    assert warm == plain4
    assert f2["pair_parts_read_back"] == 0 and f2["pairs_read_back"] == 3 and f2["pairs_scored"] == 3
    # and again: the part's clusters read back whole
    again, f3 = _run(_ms(4), ENTS, monkeypatch)
    assert again == plain4 and f3["pair_parts_read_back"] == 1


def test_the_place_tests_answers_are_kept_with_each_pair(tmp_path, monkeypatch):
    _run(_ms(3), ENTS, monkeypatch)
    with sqlite3.connect(tmp_path / "cache" / "pairscores.sqlite") as c:
        rows = [json.loads(v) for (v,) in c.execute("SELECT v FROM kv")]
    calls = [tuple(c[:3]) for r in rows for e in r.values() for c in e[2]]
    # Sanaa against Aden asked (the two strikes' places), the doer never
    assert any({a, b} == {"e:city:sanaa", "e:city:aden"} for _f, a, b in calls)
    assert not any("e:o:coalition" in (a, b) for _f, a, b in calls)


@pytest.mark.parametrize("field,value", [("coordinates", [15.36, 44.2]), ("kb_id", "city:sanaa"),
                                         ("attrs", {"kind": "district", "country": "YE"})])
def test_a_place_test_that_answers_otherwise_scores_again(monkeypatch, field, value):
    _run(_ms(4), ENTS, monkeypatch)
    moved = [COALITION, SANAA, {**ADEN, field: value}]
    plain, _ = _run(_ms(4), moved, monkeypatch, scores=False, memo=False)
    # the part's clusters miss (a field its place test read), the pairs whose place test now answers otherwise
    # are scored again, the rest read back
    got, f = _run(_ms(4), moved, monkeypatch, salt="!")
    assert got == plain
    assert f["pair_parts_read_back"] == 0 and f["pairs_scored"] + f["pairs_read_back"] == 6


def test_aden_moved_next_to_sanaa_rescores_the_pairs_that_asked(monkeypatch):
    _run(_ms(4), ENTS, monkeypatch)
    moved = [COALITION, SANAA, {**ADEN, "coordinates": [15.35, 44.21], "kb_id": "city:sanaa"}]
    plain, _ = _run(_ms(4), moved, monkeypatch, scores=False, memo=False)
    got, f = _run(_ms(4), moved, monkeypatch, salt="!")
    assert got == plain
    assert f["pairs_scored"] == 3 and f["pairs_read_back"] == 3      # Aden's three pairs asked the place test


def test_a_story_shared_or_not_is_part_of_a_pairs_key(monkeypatch):
    _run(_ms(4), ENTS, monkeypatch)
    split = {"d1": 0, "d2": 0, "d3": 0, "d4": 1}
    plain, _ = _run(_ms(4), ENTS, monkeypatch, scores=False, memo=False, stories=split)
    got, f = _run(_ms(4), ENTS, monkeypatch, stories=split)
    assert got == plain
    assert f["pairs_scored"] >= 1 and f["pairs_read_back"] == 3      # d4's pairs: shared story no more
    # the stories renumbered, shared as before: every pair reads back
    renum = {"d1": 7, "d2": 7, "d3": 7, "d4": 3}
    got2, f2 = _run(_ms(4), ENTS, monkeypatch, stories=renum, salt="!")
    assert got2 == _run(_ms(4), ENTS, monkeypatch, scores=False, memo=False, stories=renum)[0]
    assert f2["pair_parts_read_back"] == 0 and f2["pairs_scored"] == 0 and f2["pairs_read_back"] == f["pairs_scored"] + 3


def test_a_changed_mention_scores_its_pairs_again(monkeypatch):
    _run(_ms(4), ENTS, monkeypatch)
    ms = _ms(4)
    ms[2]["participants"] = []          # Aden's strike told without its doer
    plain, _ = _run(ms, ENTS, monkeypatch, scores=False, memo=False)
    got, f = _run(ms, ENTS, monkeypatch)
    assert got == plain and f["pairs_scored"] == 3 and f["pairs_read_back"] == 3


def test_scored_pairs_equal_cores(monkeypatch):
    """PairScores.scored_pairs gives core.scored_pairs' pairs and scores, cold and read back."""
    from riwaya.cache import KeyValue
    ms = sorted(json.loads(json.dumps(_ms(4))), key=core._mention_order)
    ents = core.Entities(json.loads(json.dumps(ENTS)))
    feats = [core._features(m, {"d1": 0, "d2": 0, "d3": 0, "d4": 1}) for m in ms]
    cfg = core.config()["events"]
    threshold, _avg = core.pair_thresholds()
    same = core._place_compat(ents)
    want = core.scored_pairs(ms, feats, cfg, threshold, same)
    memo = pair_memo.PairMemo({}, None, KeyValue("pairscores"))
    static = memo._static(cfg, _avg)
    keys = [memo.mention_key(static, m, f) for m, f in zip(ms, feats)]
    for n in (len(want[1]), 0):
        rows = memo.scores.rows(keys)
        figs = {"pairs_scored": 0, "pairs_read_back": 0}
        got = memo.scores.scored_pairs(ms, feats, cfg, threshold, same, None, keys, rows, figs)
        memo.scores.flush(rows)
        assert got == want and figs["pairs_scored"] == n


def test_the_seeds_store_with_every_part_paired_again_reads_scores_back_and_equals_the_store(built_db, tmp_path,
                                                                                           monkeypatch):
    """The seeds' store from scratch (scores kept), then every part reconciled and paired again (the fingerprint's
    and the part key's versions moved, not the mentions' keys): every pair's outcome reads back, the store is the
    same; and the same with the memos off."""
    dst = tmp_path / "again.db"
    copy_store(built_db, dst)
    with sqlite3.connect(dst) as c:
        c.execute("DELETE FROM corpus_items")
        c.execute("DELETE FROM meta WHERE key IN ('corpus_gen', 'corpus_doc_ids')")
    url = f"sqlite:///{dst}"
    first = blocks.refresh_store(Store(url))
    assert first["pairs_scored"] > 0 and first["pairs_read_back"] == 0
    monkeypatch.setattr(blocks, "FINGERPRINT_VERSION", blocks.FINGERPRINT_VERSION + 1000)
    key = pair_memo.PairMemo._key
    monkeypatch.setattr(pair_memo.PairMemo, "_key", lambda self, *a: key(self, *a) + "!")
    again = blocks.refresh_store(Store(url))
    assert again["parts_reconciled"] == again["parts"] > 0 and again["pair_parts_read_back"] == 0
    assert again["pairs_scored"] == 0 and again["pairs_read_back"] == first["pairs_scored"]
    assert _corpus_dump(url) == _corpus_dump(built_db)
    monkeypatch.setattr(blocks, "FINGERPRINT_VERSION", blocks.FINGERPRINT_VERSION + 1000)
    monkeypatch.setattr(blocks, "PAIR_SCORES", False)
    monkeypatch.setattr(blocks, "PAIR_MEMO", False)
    blocks.refresh_store(Store(url))
    assert _corpus_dump(url) == _corpus_dump(built_db)
