"""A part paired again merges afresh only the sub-parts that a new or changed mention, pair outcome or place-test
answer reaches (``reconcile.pair_memo.MergeMemo``, ``blocks.MERGE_MEMO``): each sub-part's clusters are kept by its
mentions' content keys, their stories' order, its pairs and compared pairs with their scores, and every call of the
place test the merge made; they are read back where the key is the same and each call answers as it did. Output
identical to merging every sub-part (the reconciler's result, the store against the one built). Shipped off
(``MERGE_MEMO = False``: no gain measured at 2k, benchmarks/README.md "inc37"); these tests turn it on."""
import json
import sqlite3

import pytest

from riwaya import blocks
from riwaya.reconcile import core, pair_memo
from riwaya.store import Store

from .test_blocks import _corpus_dump, copy_store
from .test_incremental_inc28 import DOCS, ENTS, COALITION, SANAA, ADEN, T1, T3, _attack
from .test_load30 import T4

T5 = "استهدفت غارات طيران التحالف مواقع للحوثيين في عدن."
DOCS5 = DOCS + [{"id": d, "text": t, "outlet": o, "published": "2015-04-05", "title": None, "url": None,
                 "language": "ar", "seq": n} for n, (d, t, o) in enumerate([("d4", T4, "okaz"), ("d5", T5, "okaz")], 4)]
STORIES = {"d1": 0, "d2": 0, "d3": 0, "d4": 0, "d5": 0}


@pytest.fixture(autouse=True)
def _cache(tmp_path, monkeypatch):
    monkeypatch.setenv("RIWAYA_CACHE_DIR", str(tmp_path / "cache"))


_KEY = pair_memo.PairMemo._key


def _ms(sanaa=("d1", "d2"), aden=("d3", "d5")):
    """Strikes on Sanaa and on Aden: two sub-parts of one part."""
    text = {d["id"]: d["text"] for d in DOCS5}
    return [_attack(d, text[d], f"{d}:ev1", "e:city:sanaa", "صنعاء") for d in sanaa] + \
        [_attack(d, text[d], f"{d}:ev1", "e:city:aden", "عدن") for d in aden]


def _run(ms, monkeypatch, merges=True, memo=True, ents=ENTS, salt=""):
    """The reconciler on one part; ``salt``: the part's key moved (its clusters never read back whole)."""
    monkeypatch.setattr(blocks, "PAIR_MEMO", memo)
    monkeypatch.setattr(blocks, "MERGE_MEMO", merges)
    monkeypatch.setattr(pair_memo.PairMemo, "_key", lambda self, *a: _KEY(self, *a) + salt)
    part_of = {m["id"]: "P1" for m in ms}
    out = blocks.reconcile_block(DOCS5, (json.loads(json.dumps(ms)), part_of), json.loads(json.dumps(ents)), [], {},
                                 STORIES, carried={})
    figures = out.pop("pairing", None)
    return json.dumps(out, sort_keys=True, ensure_ascii=False, default=str), figures


def _plain(ms, monkeypatch, ents=ENTS):
    return _run(ms, monkeypatch, merges=False, memo=False, ents=ents)[0]


def test_a_part_that_gained_a_report_merges_only_the_sub_part_it_joins(monkeypatch):
    cold, f1 = _run(_ms(), monkeypatch)
    assert cold == _plain(_ms(), monkeypatch)
    assert f1["subparts_merged"] == 2 and f1["subparts_merge_read_back"] == 0
    # a third strike on Sanaa joins the part: Sanaa's sub-part is merged again, Aden's read back
    ms = _ms(sanaa=("d1", "d2", "d4"))
    got, f2 = _run(ms, monkeypatch)
    assert got == _plain(ms, monkeypatch)
    assert f2["pair_parts_read_back"] == 0 and f2["subparts_merged"] == 1 and f2["subparts_merge_read_back"] == 1


def test_a_part_that_gained_no_report_reads_every_sub_part_back(monkeypatch):
    _run(_ms(), monkeypatch)
    # reconciled again (the part's key moved, not its mentions' or pairs'): both sub-parts read back
    got, f = _run(_ms(), monkeypatch, salt="!")
    assert got == _plain(_ms(), monkeypatch)
    assert f["pair_parts_read_back"] == 0 and f["subparts_merged"] == 0 and f["subparts_merge_read_back"] == 2


def test_a_changed_mention_merges_its_sub_part_again(monkeypatch):
    _run(_ms(), monkeypatch)
    ms = _ms()
    ms[3]["participants"] = []          # the second strike on Aden told without its doer
    got, f = _run(ms, monkeypatch)
    assert got == _plain(ms, monkeypatch)
    assert f["subparts_merged"] == 1 and f["subparts_merge_read_back"] == 1


def test_the_switch_off_keeps_no_merges(tmp_path, monkeypatch):
    got, f = _run(_ms(), monkeypatch, merges=False)
    assert got == _plain(_ms(), monkeypatch) and "subparts_merged" not in f
    assert not (tmp_path / "cache" / "merges.sqlite").exists()


def _subparts():
    ms = sorted(json.loads(json.dumps(_ms())), key=core._mention_order)
    feats = [core._features(m, STORIES) for m in ms]
    return ms, feats, core.cluster_subparts(ms, feats, core._place_compat(core.Entities(json.loads(json.dumps(ENTS)))))


def test_a_place_test_that_answers_otherwise_merges_again():
    """The merge's calls of the place test are kept and asked again: where one answers otherwise (Aden moved onto
    Sanaa), the sub-part is merged again; where each answers as stored, read back."""
    from riwaya.cache import KeyValue
    ms, feats, sps = _subparts()
    memo = pair_memo.MergeMemo(KeyValue("merges"))
    cfg = core.config()["events"]
    _t, average = core.pair_thresholds()
    keys = [f"k{i}" for i in range(len(ms))]

    def run(ents):
        same = core._place_compat(core.Entities(json.loads(json.dumps(ents))))
        figs = {"subparts_merged": 0, "subparts_merge_read_back": 0}
        mks = memo.keys("static", keys, feats, sps)
        memo.read([k for k in mks if k is not None])
        got = memo.merged(sps, mks, ms, feats, cfg, average, same, figs)
        memo.flush()
        want = [core._merged([ms[i] for i in sp.idx], [feats[i] for i in sp.idx], sp.pairs, sp.scored, cfg,
                             average, same) for sp in sps]
        return got == want, figs
    assert run(ENTS) == (True, {"subparts_merged": 2, "subparts_merge_read_back": 0})
    # each kept merge made to have asked whether Sanaa and Aden are one place (no: far apart)
    stored = memo.kv.get_many(memo.keys("static", keys, feats, sps))
    memo.kv.put_many({k: json.dumps({**json.loads(v), "calls": [["", "e:city:sanaa", "e:city:aden", False]]})
                      for k, v in stored.items()})
    assert run(ENTS) == (True, {"subparts_merged": 0, "subparts_merge_read_back": 2})
    moved = [COALITION, SANAA, {**ADEN, "coordinates": [15.35, 44.21], "kb_id": "city:sanaa"}]
    assert run(moved) == (True, {"subparts_merged": 2, "subparts_merge_read_back": 0})


def test_the_seeds_store_with_every_part_paired_again_reads_merges_back_and_equals_the_store(built_db, tmp_path,
                                                                                           monkeypatch):
    """The seeds' store from scratch (merges kept), then every part reconciled and paired again (the fingerprint's
    and the part key's versions moved, not the mentions' keys): every sub-part's merge reads back, the store is the
    same; and the same with the memos off."""
    monkeypatch.setattr(blocks, "MERGE_MEMO", True)
    dst = tmp_path / "again.db"
    copy_store(built_db, dst)
    with sqlite3.connect(dst) as c:
        c.execute("DELETE FROM corpus_items")
        c.execute("DELETE FROM meta WHERE key IN ('corpus_gen', 'corpus_doc_ids')")
    url = f"sqlite:///{dst}"
    first = blocks.refresh_store(Store(url))
    assert first["subparts_merged"] > 0 and first["subparts_merge_read_back"] == 0
    monkeypatch.setattr(blocks, "FINGERPRINT_VERSION", blocks.FINGERPRINT_VERSION + 1000)
    key = pair_memo.PairMemo._key
    monkeypatch.setattr(pair_memo.PairMemo, "_key", lambda self, *a: key(self, *a) + "!")
    again = blocks.refresh_store(Store(url))
    assert again["parts_reconciled"] == again["parts"] > 0 and again["pair_parts_read_back"] == 0
    assert again["subparts_merged"] == 0 and again["subparts_merge_read_back"] == first["subparts_merged"]
    assert _corpus_dump(url) == _corpus_dump(built_db)
    monkeypatch.setattr(blocks, "FINGERPRINT_VERSION", blocks.FINGERPRINT_VERSION + 1000)
    monkeypatch.setattr(blocks, "MERGE_MEMO", False)
    blocks.refresh_store(Store(url))
    assert _corpus_dump(url) == _corpus_dump(built_db)
