"""The pairing memo in its own module (issue 20, ``idx29``): ``reconcile.pair_memo`` holds ``PairMemo``, its key and
the logged view of the entities the place test reads through; the corpus stage uses it from there, and the reconciler
(core.py) no longer defines it. The memo looks core's functions up when it runs, so a patched pair model (as the
tests of the pair scorer patch it) is the one its key hashes, as when it lived in core.py. Output identical: the
reconciler with the memo cold, warm and off gives the same result."""
import json

import pytest

from riwaya import blocks
from riwaya.reconcile import core, pair_memo

from .test_incremental_inc28 import DOCS, ENTS, STORIES, _mentions


@pytest.fixture(autouse=True)
def _cache(tmp_path, monkeypatch):
    monkeypatch.setenv("RIWAYA_CACHE_DIR", str(tmp_path / "cache"))


def test_the_memo_lives_in_its_own_module():
    for name in ("PairMemo", "_LoggedEnts", "field_digest"):
        assert hasattr(pair_memo, name)
        assert not hasattr(core, name)
    assert pair_memo.PairMemo.__module__ == "riwaya.reconcile.pair_memo"


def test_the_stage_pairs_through_the_module(monkeypatch, tmp_path):
    made = []
    real = pair_memo.PairMemo

    class Spy(real):
        def __init__(self, *a, **k):
            super().__init__(*a, **k)
            made.append(self)
    monkeypatch.setattr(pair_memo, "PairMemo", Spy)
    monkeypatch.setattr(blocks, "PAIR_MEMO", True)
    ms = _mentions()
    out = blocks.reconcile_block(DOCS, (json.loads(json.dumps(ms)), {m["id"]: "P1" for m in ms}),
                                 json.loads(json.dumps(ENTS)), [], {}, STORIES, carried={})
    assert len(made) == 1 and out["pairing"]["pair_parts"] == 1


def _reconciled(memo: bool, monkeypatch) -> str:
    monkeypatch.setattr(blocks, "PAIR_MEMO", memo)
    ms = _mentions()
    out = blocks.reconcile_block(DOCS, (json.loads(json.dumps(ms)), {m["id"]: "P1" for m in ms}),
                                 json.loads(json.dumps(ENTS)), [], {}, STORIES, carried={})
    out.pop("pairing", None)
    return json.dumps(out, sort_keys=True, ensure_ascii=False, default=str)


def test_output_identical_memo_off_cold_and_warm(monkeypatch):
    off = _reconciled(False, monkeypatch)
    assert off == _reconciled(True, monkeypatch) == _reconciled(True, monkeypatch)
    # Sanaa's two reports one event, Aden's another
    assert sorted(len(ev["evidence"]) for ev in json.loads(off)["events"]) == [1, 2]


def test_a_patched_pair_model_moves_the_key(monkeypatch):
    memo = pair_memo.PairMemo({})
    cfg, (_t, average) = core.config()["events"], core.pair_thresholds()
    before = memo._static(cfg, average)
    model = core.pair_model()
    other = {**model, "idx29": 1} if model else None
    monkeypatch.setattr(core, "pair_model", lambda: other)
    assert memo._static(cfg, average) != before


def test_field_digest_tells_a_field_read_from_one_not_there():
    ents = core.Entities(json.loads(json.dumps(ENTS)))
    sanaa = "e:city:sanaa"
    assert pair_memo.field_digest(ents, sanaa, "coordinates") != pair_memo.field_digest(ents, sanaa, "nope")
    log: set = set()
    view = pair_memo._LoggedEnts(ents, log)
    assert view.by_id.get(sanaa)["coordinates"] == [15.35, 44.21]
    assert (sanaa, "coordinates") in log and (sanaa, pair_memo._IN) in log
