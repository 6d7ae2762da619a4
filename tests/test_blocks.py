"""The corpus stage in blocks (riwaya/blocks.py) gives what the stage over everything at once gives."""
import json
import sqlite3

import pytest

from riwaya import blocks, corpus
from riwaya.store import Store


def copy_store(url: str, dst) -> None:
    """A copy of a SQLite store, with what is still in its write-ahead log."""
    with sqlite3.connect(url.split("///", 1)[1]) as src, sqlite3.connect(dst) as out:
        src.backup(out)


def dump(r):
    return json.dumps(r, ensure_ascii=False, sort_keys=True)


def test_blocks_equal_the_whole_corpus_at_once(built_db):
    s = Store(built_db)
    with s.snapshot():
        whole = corpus.run(s.documents(), s.analyses())
    stored = s.corpus()               # what the build stored, block by block
    for kind in whole:
        assert dump(stored[kind]) == dump(whole[kind]), kind
    assert stored["events"] and stored["conflicts"] and stored["itineraries"]


def test_a_block_is_one_type_family():
    a = {"class": "movement", "type": "departure"}
    assert blocks.family(a) == blocks.family(dict(a))
    assert blocks.family(a) != blocks.family({"class": "statement", "type": "departure"})


def test_readers_see_the_old_results_until_the_new_are_committed(tmp_path):
    s = Store(f"sqlite:///{tmp_path / 's.db'}")
    s.put_corpus({"events": [{"id": "ev_1"}]})
    w = s.corpus_writer()
    w.add("events", [{"id": "ev_3"}, {"id": "ev_2"}], sort=lambda _n, e: e["id"])
    assert s.corpus()["events"] == [{"id": "ev_1"}]
    w.commit()
    assert s.corpus()["events"] == [{"id": "ev_2"}, {"id": "ev_3"}]
    assert s.corpus()["entities"] == []


def test_statistics_are_seen_only_once_committed_and_an_abandoned_writers_go(tmp_path):
    """``CorpusWriter.stat`` writes at once under a key of its generation; readers see the new value
    only after ``commit``, and rows an abandoned writer left are removed by the next commit."""
    s = Store(f"sqlite:///{tmp_path / 's.db'}")
    w = s.corpus_writer()
    w.stat("stats:x", '{"a": 1}')
    w.commit()
    assert s.corpus_stat("stats:x") == '{"a": 1}'
    abandoned = s.corpus_writer()
    abandoned.stat("stats:x", '{"a": 2}')
    assert s.corpus_stat("stats:x") == '{"a": 1}'
    w = s.corpus_writer()
    w.stat("stats:x", '{"a": 3}')
    assert s.corpus_stat("stats:x") == '{"a": 1}'
    w.commit()
    assert s.corpus_stat("stats:x") == '{"a": 3}'
    with sqlite3.connect(tmp_path / "s.db") as c:
        assert c.execute("SELECT COUNT(*) FROM meta WHERE key LIKE 'pending%'").fetchone()[0] == 0


def test_small_blocks_equal_the_whole_corpus_at_once(built_db, tmp_path, monkeypatch):
    """The seeds fit in one block by default: here each block holds a part or a few."""
    monkeypatch.setattr(blocks, "BLOCK_MENTIONS", 10)
    dst = tmp_path / "small.db"
    copy_store(built_db, dst)
    _forget_results(dst)
    figures = blocks.refresh_store(Store(f"sqlite:///{dst}"))
    assert figures["blocks"] > 5 and figures["parts"] >= figures["blocks"]
    assert dump(Store(f"sqlite:///{dst}").corpus()) == dump(Store(built_db).corpus())


def test_ray_blocks_equal_local_blocks(built_db, tmp_path, monkeypatch):
    pytest.importorskip("ray")
    monkeypatch.setattr(blocks, "BLOCK_MENTIONS", 40)       # several Ray tasks
    dst = tmp_path / "ray.db"
    copy_store(built_db, dst)
    _forget_results(dst)
    s = Store(f"sqlite:///{dst}")
    figures = blocks.refresh_store(s, engine="ray")
    assert figures["parts_carried_over"] == 0 and figures["blocks"] > 2      # every block ran as a Ray task
    assert dump(s.corpus()) == dump(Store(built_db).corpus())


def _corpus_dump(url):
    return {k: dump(v) for k, v in Store(url).corpus().items()}


def test_adding_documents_later_gives_the_store_of_all_at_once(built_db, corpus_dir, tmp_path):
    """A then B equals A+B at once; the second run reconciles only the parts B touches."""
    from riwaya.pipeline import build
    files = sorted(p for p in corpus_dir.rglob("*") if p.is_file() and not p.name.endswith(".meta.json"))
    url = f"sqlite:///{tmp_path / 'inc.db'}"
    first = [str(p) for p in files[:3]]       # three articles (their sidecars are read beside them)
    build(first, url, progress=False)
    build([str(corpus_dir)], url, progress=False)
    assert _corpus_dump(url) == _corpus_dump(built_db)
    last = Store(url).corpus_journal(1)[0]
    assert last["documents_added"] and not last["documents_removed"]
    assert 0 < last["parts_carried_over"] and last["parts_reconciled"] < last["parts"]


def test_nothing_new_reconciles_nothing_and_delete_then_add_again_is_the_same(built_db, corpus_dir, tmp_path):
    from riwaya.pipeline import build, refresh
    dst = tmp_path / "del.db"
    copy_store(built_db, dst)
    url = f"sqlite:///{dst}"
    s = Store(url)
    figures = blocks.refresh_store(s)       # what pipeline.refresh runs, with its figures
    assert figures["parts_reconciled"] == 0 and figures["parts_carried_over"] == figures["parts"]
    assert _corpus_dump(url) == _corpus_dump(built_db)
    gone = sorted(s.documents(), key=lambda d: d["id"])[0]
    s.delete([gone["id"]])
    refresh(s)
    assert s.corpus_journal(1)[0]["documents_removed"] == [gone["id"]]
    assert _corpus_dump(url) != _corpus_dump(built_db)
    assert _corpus_dump(url) == _from_scratch(url, tmp_path / "scratch1.db")
    build([str(corpus_dir)], url, progress=False)     # back, as the store's latest document ("document 6")
    assert _corpus_dump(url) == _from_scratch(url, tmp_path / "scratch2.db")


def _from_scratch(url, dst):
    """The corpus stage on a copy of the store with no results to carry over."""
    copy_store(url, dst)
    _forget_results(dst)
    s = Store(f"sqlite:///{dst}")
    assert blocks.refresh_store(s)["parts_carried_over"] == 0
    return _corpus_dump(f"sqlite:///{dst}")


def _forget_results(db, keep_stats: bool = False) -> None:
    """No corpus results to carry over: the next corpus stage runs from scratch (``keep_stats``: with
    the corpus-wide statistics frozen at the last full run, riwaya/story_index.py)."""
    with sqlite3.connect(db) as c:
        c.execute("DELETE FROM corpus_items")
        c.execute("DELETE FROM meta WHERE key IN ('corpus_gen', 'corpus_doc_ids')")
        if not keep_stats:
            c.execute("DELETE FROM meta WHERE key LIKE 'corpus_stats:%'")


def test_corrections_keep_the_stage_results_to_carry_over(built_db, tmp_path):
    """Corrected results replace the stage's for readers; the stage's, kept beneath, are carried
    over by the next stage, which gives the same corrected results."""
    from riwaya import corrections as C
    from riwaya.pipeline import refresh
    dst = tmp_path / "corr.db"
    copy_store(built_db, dst)
    url = f"sqlite:///{dst}"
    s = Store(url)
    cf = s.corpus()["conflicts"][0]["id"]
    C.add(s, "conflict", cf, "status", "rejected")
    corrected = _corpus_dump(url)
    assert corrected != _corpus_dump(built_db)
    assert refresh(s) == []
    last = s.corpus_journal(1)[0]
    assert last["parts_reconciled"] == 0 and last["parts_carried_over"] == last["parts"]
    assert _corpus_dump(url) == corrected


def test_a_store_of_schema_3_is_migrated_and_its_results_read_until_the_next_stage(built_db, tmp_path):
    """Step 4 adds corpus_items and corpus_journal beside main's step 3 (corrections); results
    stored before it, one JSON list per kind, are read as they are until a corpus stage replaces them."""
    from riwaya.pipeline import refresh
    from riwaya.store import SCHEMA_VERSION
    before = _corpus_dump(built_db)
    dst = tmp_path / "old.db"
    copy_store(built_db, dst)
    results = Store(built_db).corpus()
    with sqlite3.connect(dst) as c:
        c.execute("DROP TABLE corpus_items")
        c.execute("DROP TABLE corpus_journal")
        c.execute("DELETE FROM meta WHERE key IN ('corpus_gen', 'corpus_doc_ids', 'corpus_base_gen')")
        c.execute("DELETE FROM corpus")
        c.executemany("INSERT INTO corpus (kind, data) VALUES (?, ?)",
                      [(k, json.dumps(v, ensure_ascii=False)) for k, v in results.items()])
        c.execute("UPDATE meta SET value = '3' WHERE key = 'schema_version'")
    s = Store(f"sqlite:///{dst}")
    assert s.schema_version() == SCHEMA_VERSION >= 4
    assert _corpus_dump(f"sqlite:///{dst}") == before and s.corpus_journal() == []
    assert refresh(s) == []
    assert s.corpus_journal(1)[0]["parts_reconciled"] == s.corpus_journal(1)[0]["parts"]
    assert _corpus_dump(f"sqlite:///{dst}") == before


def test_cut_parts_by_windows_of_days(monkeypatch):
    monkeypatch.setattr(blocks, "MAX_PART", 3)
    monkeypatch.setattr(blocks, "WINDOW_DAYS", 2)
    doc_of = ["a", "b", "c", "d", "a", "x", "y"]
    day_of = {"a": 10, "b": 11, "c": 12, "d": None, "x": 40, "y": 41}
    parts, cut_from = blocks.cut_parts([[0, 1, 2, 3, 4], [5, 6]], doc_of, day_of)
    # days 10 and 11 are one window, 12 the next, the undated document its own piece; a small part stays whole
    assert parts == [[0, 1, 4], [2], [3], [5, 6]] and cut_from == [0, 0, 0, None]
    assert blocks.day_number("2015-07-21T10:00:00") - blocks.day_number("2015-07-20") == 1
    assert blocks.day_number("") is None and blocks.day_number("yesterday") is None


def test_pack_never_puts_two_pieces_of_one_part_in_one_block():
    parts = [[0], [1], [2], [3]]
    assert blocks.pack(parts, 10) == [[0, 1, 2, 3]]
    assert blocks.pack(parts, 10, apart=[7, None, 7, 8]) == [[0, 1], [2, 3]]


def test_pack_puts_a_large_part_alone():
    """The largest block is the largest part, not it with the small ones before it."""
    parts = [[0], [1], [2, 3, 4, 5], [6], [7]]
    assert blocks.pack(parts, 3) == [[0, 1], [2, 3, 4, 5], [6, 7]]
    sized = [[0], [1], [2, 3, 4, 5]]
    assert blocks.pack([[0], [1], [2]], 4, sized) == [[0, 1], [2]]


def test_cut_parts_are_carried_over_and_equal_from_scratch(built_db, tmp_path, monkeypatch):
    """With every part cut (the seeds' parts are small), a second stage carries every piece over,
    and after a deletion the incremental store equals the stage from scratch."""
    monkeypatch.setattr(blocks, "MAX_PART", 1)
    monkeypatch.setattr(blocks, "WINDOW_DAYS", 1)
    dst = tmp_path / "cut.db"
    copy_store(built_db, dst)
    _forget_results(dst)
    url = f"sqlite:///{dst}"
    s = Store(url)
    first = blocks.refresh_store(s)
    assert first["parts_cut"] > 0 and first["parts_carried_over"] == 0
    again = blocks.refresh_store(s)
    assert again["parts_reconciled"] == 0 and again["parts_carried_over"] == again["parts"] == first["parts"]
    s.delete([sorted(s.documents(), key=lambda d: d["id"])[0]["id"]])
    blocks.refresh_store(s)
    assert _corpus_dump(url) == _from_scratch(url, tmp_path / "cut-scratch.db")


def test_spans_read_as_the_list_of_dicts_they_replace():
    import pickle
    spans = [{"doc": "d1", "start": 3, "end": 9}, {"doc": "d2", "start": 0, "end": 4}]
    s = blocks.Spans(spans)
    assert len(s) == 2 and list(s) == spans and s[1] == spans[1] and s[-1:] == spans[-1:] and s == spans
    assert pickle.loads(pickle.dumps(s)) == spans and blocks.Spans([]) == []
