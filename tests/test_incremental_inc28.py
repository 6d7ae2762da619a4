"""A part reconciled again whose pairing inputs are unchanged has its clusters read back (``reconcile.pair_memo.PairMemo``,
``blocks.PAIR_MEMO``), not paired and merged again: what pairing and merging read is a part's sorted canonical
mentions and their features (stories by equality), the config and pair model, the call's kinds (generic mentions)
and, through the place test, the entity fields it logged reading. An entity's aliases or English name that the place
test did not read leave the clusters read back; a field it read, or a mention, pair it again. Output identical to
pairing every part (the reconciler's result, and the store against the stage from scratch)."""
import json

import pytest

from riwaya import blocks
from riwaya.reconcile import core
from riwaya.store import Store

from .test_blocks import _corpus_dump, copy_store

T1 = "شن طيران التحالف غارات على مواقع الحوثيين في صنعاء فجر اليوم."
T2 = "استهدفت غارات طيران التحالف مواقع للحوثيين في صنعاء."
T3 = "شن طيران التحالف غارات على مواقع الحوثيين في عدن مساء اليوم."
DOCS = [{"id": d, "text": t, "outlet": o, "published": "2015-04-05", "title": None, "url": None, "language": "ar",
         "seq": n} for n, (d, t, o) in enumerate([("d1", T1, "spa"), ("d2", T2, "okaz"), ("d3", T3, "spa")], 1)]
COALITION = {"id": "e:o:coalition", "type": "organization", "name_ar": "التحالف", "aliases": ["طيران التحالف"]}
SANAA = {"id": "e:city:sanaa", "type": "place", "name_ar": "صنعاء", "name_en": "Sanaa", "kb_id": "city:sanaa",
         "coordinates": [15.35, 44.21], "attrs": {"kind": "city", "country": "YE"}}
ADEN = {"id": "e:city:aden", "type": "place", "name_ar": "عدن", "name_en": "Aden", "kb_id": "city:aden",
        "coordinates": [12.79, 45.03], "attrs": {"kind": "city", "country": "YE"}}
ENTS = [COALITION, SANAA, ADEN]
STORIES = {"d1": 0, "d2": 0, "d3": 0}


def _attack(doc, text, mid, place, word):
    t = text.index("غارات")
    a = text.index("التحالف")
    p = text.index(word)
    return {"id": mid, "doc": doc, "class": "harm", "type": "attack", "start": 0, "end": len(text),
            "trigger": "غارات", "trigger_start": t, "trigger_end": t + 5,
            "participants": [{"entity": "e:o:coalition", "role": "agent", "text": "التحالف", "start": a,
                              "end": a + 7}],
            "place": place, "place_text": word, "place_start": p, "place_end": p + len(word),
            "attribution": {"chain": [], "hedge": None}}


def _mentions(third=("e:city:aden", "عدن")):
    return [_attack("d1", T1, "d1:ev1", "e:city:sanaa", "صنعاء"),
            _attack("d2", T2, "d2:ev1", "e:city:sanaa", "صنعاء"),
            _attack("d3", T3, "d3:ev1", *third)]


@pytest.fixture(autouse=True)
def _cache(tmp_path, monkeypatch):
    monkeypatch.setenv("RIWAYA_CACHE_DIR", str(tmp_path / "cache"))


def _run(ms, ents, memo=True, part_of=None, monkeypatch=None):
    monkeypatch.setattr(blocks, "PAIR_MEMO", memo)
    part_of = part_of or {m["id"]: "P1" for m in ms}
    out = blocks.reconcile_block(DOCS, (json.loads(json.dumps(ms)), part_of), json.loads(json.dumps(ents)),
                                 [], {}, STORIES, carried={})
    figures = out.pop("pairing", None)
    if figures is not None:     # load30's pair scores and inc37's merges counted apart (test_load30, test_inc37_*)
        figures = {k: v for k, v in figures.items() if k not in ("pairs_scored", "pairs_read_back", "subparts_merged",
                                                                 "subparts_merge_read_back")}
    return json.dumps(out, sort_keys=True, ensure_ascii=False, default=str), figures


def _reads(tmp_path) -> set:
    import sqlite3
    with sqlite3.connect(tmp_path / "cache" / "pairs.sqlite") as c:
        rows = [json.loads(v) for (v,) in c.execute("SELECT v FROM kv")]
    return {(eid, f) for r in rows for eid, f, _ in r["reads"]}


def test_read_back_equals_paired_and_the_place_tests_reads_are_logged(tmp_path, monkeypatch):
    ms = _mentions()
    plain, none = _run(ms, ENTS, memo=False, monkeypatch=monkeypatch)
    assert none is None
    cold, f1 = _run(ms, ENTS, monkeypatch=monkeypatch)
    warm, f2 = _run(ms, ENTS, monkeypatch=monkeypatch)
    assert plain == cold == warm
    assert f1 == {"pair_parts": 1, "pair_parts_read_back": 0, "pair_mentions_read_back": 0}
    assert f2 == {"pair_parts": 1, "pair_parts_read_back": 1, "pair_mentions_read_back": 3}
    # Sanaa's strikes one event, Aden's another: the place test read both cities' records, never the doer's
    assert sorted(len(ev["evidence"]) for ev in json.loads(plain)["events"]) == [1, 2]
    reads = _reads(tmp_path)
    assert ("e:city:sanaa", "coordinates") in reads and ("e:city:aden", "coordinates") in reads
    assert not any(eid == "e:o:coalition" for eid, _ in reads)


def test_an_unread_alias_or_english_name_reads_back(tmp_path, monkeypatch):
    ms = _mentions()
    _run(ms, ENTS, monkeypatch=monkeypatch)
    # the doer's aliases and English name: the canonical mentions carry its id only, the place test never reads it
    changed = [{**COALITION, "aliases": ["طيران التحالف", "قوات التحالف"], "name_en": "the coalition"}, SANAA, ADEN]
    got, figures = _run(ms, changed, monkeypatch=monkeypatch)
    assert figures["pair_parts_read_back"] == 1          # the shortcut taken
    assert got == _run(ms, changed, memo=False, monkeypatch=monkeypatch)[0]
    # every strike on Sanaa: no two places compared, so Sanaa's names are not read either
    same = _mentions(("e:city:sanaa", "عدن"))
    _run(same, ENTS, monkeypatch=monkeypatch)
    renamed = [COALITION, {**SANAA, "aliases": ["صنعا"], "name_en": "Sana'a"}, ADEN]
    got, figures = _run(same, renamed, monkeypatch=monkeypatch)
    assert figures["pair_parts_read_back"] == 1
    assert got == _run(same, renamed, memo=False, monkeypatch=monkeypatch)[0]


@pytest.mark.parametrize("field,value", [("coordinates", [15.36, 44.2]), ("attrs", {"kind": "city", "country": "SA"}),
                                         ("aliases", ["عدن"]), ("kb_id", None)])
def test_a_read_field_changed_pairs_again(tmp_path, monkeypatch, field, value):
    ms = _mentions()
    _run(ms, ENTS, monkeypatch=monkeypatch)
    assert ("e:city:sanaa", field) in _reads(tmp_path)
    changed = [COALITION, {**SANAA, field: value}, ADEN]
    got, figures = _run(ms, changed, monkeypatch=monkeypatch)
    assert figures["pair_parts_read_back"] == 0
    assert got == _run(ms, changed, memo=False, monkeypatch=monkeypatch)[0]


def test_a_mention_changed_pairs_again(tmp_path, monkeypatch):
    _run(_mentions(), ENTS, monkeypatch=monkeypatch)
    ms = _mentions(("e:city:sanaa", "عدن"))      # the third report's place
    got, figures = _run(ms, ENTS, monkeypatch=monkeypatch)
    assert figures["pair_parts_read_back"] == 0
    assert got == _run(ms, ENTS, memo=False, monkeypatch=monkeypatch)[0]
    ms = _mentions()
    ms[1]["participants"] = []                   # a doer dropped
    got, figures = _run(ms, ENTS, monkeypatch=monkeypatch)
    assert figures["pair_parts_read_back"] == 0
    assert got == _run(ms, ENTS, memo=False, monkeypatch=monkeypatch)[0]


def test_a_blocking_key_across_two_parts_pairs_the_call_whole(monkeypatch):
    ms = _mentions()
    # labelled as two parts though they share a blocking key (the person): not paired part by part
    part_of = {"d1:ev1": "P1", "d2:ev1": "P1", "d3:ev1": "P2"}
    got, figures = _run(ms, ENTS, part_of=part_of, monkeypatch=monkeypatch)
    assert figures["pair_parts"] == 0
    assert got == _run(ms, ENTS, memo=False, part_of=part_of, monkeypatch=monkeypatch)[0]


def test_units_of_clusters_join_parts_by_a_shared_span():
    ms = [{"doc": "d1", "start": 0, "end": 5, "type": "a"}, {"doc": "d1", "start": 0, "end": 5, "type": "b"},
          {"doc": "d2", "start": 0, "end": 5, "type": "a"}, {"doc": "d2", "start": 9, "end": 12, "type": "a"}]
    # part 1: mentions 0 and 2 (one cluster), 3 alone; part 2: mention 1, the span of mention 0 told as another type
    units = core.units_of_clusters(ms, [[[0, 2]], [[3]], [[1]]])
    assert units == [[[0, 2], [1]], [[3]]]


def test_every_part_reconciled_again_reads_its_clusters_back_and_equals_the_store(built_db, tmp_path, monkeypatch):
    """The seeds' store: the stage run with every part's fingerprint changed (its version) but nothing pairing
    reads: every part is reconciled again, none paired again, and the store is the same."""
    dst = tmp_path / "again.db"
    copy_store(built_db, dst)
    import sqlite3
    with sqlite3.connect(dst) as c:       # from scratch (the memo filled), then every part reconciled again
        c.execute("DELETE FROM corpus_items")
        c.execute("DELETE FROM meta WHERE key IN ('corpus_gen', 'corpus_doc_ids')")
    url = f"sqlite:///{dst}"
    first = blocks.refresh_store(Store(url))
    assert first["pair_parts"] > 0 and first["pair_parts_read_back"] == 0
    monkeypatch.setattr(blocks, "FINGERPRINT_VERSION", blocks.FINGERPRINT_VERSION + 1000)
    again = blocks.refresh_store(Store(url))
    assert again["parts_reconciled"] == again["parts"] > 0
    assert again["pair_parts_read_back"] == again["pair_parts"] > 0
    assert _corpus_dump(url) == _corpus_dump(built_db)
