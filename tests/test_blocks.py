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


def test_ray_blocks_equal_local_blocks(built_db, tmp_path):
    pytest.importorskip("ray")
    dst = tmp_path / "ray.db"
    copy_store(built_db, dst)
    s = Store(f"sqlite:///{dst}")
    blocks.refresh_store(s, engine="ray")
    assert dump(s.corpus()) == dump(Store(built_db).corpus())
