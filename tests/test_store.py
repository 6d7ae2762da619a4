"""The store: idempotent builds, interrupted builds, migrations, bad input never loses data."""
import shutil

import pytest

from riwaya import pipeline
from riwaya.pipeline import build
from riwaya.store import SCHEMA_VERSION, Store

from .conftest import CORPUS


def test_build_is_idempotent(tmp_path):
    url = f"sqlite:///{tmp_path / 'a.db'}"
    r1 = build([str(CORPUS)], url, progress=False)
    assert (r1.added, r1.skipped) == (5, 0)
    before = Store(url).export()
    r2 = build([str(CORPUS)], url, progress=False)
    assert (r2.added, r2.skipped) == (0, 5)
    assert Store(url).export() == before


def test_same_text_under_another_name_is_not_analysed_again(tmp_path):
    src = tmp_path / "src"
    src.mkdir()
    shutil.copy(CORPUS / "004_b6ed659c7353c9c8.txt", src / "a.txt")
    shutil.copy(CORPUS / "004_b6ed659c7353c9c8.txt", src / "copy-of-a.txt")
    url = f"sqlite:///{tmp_path / 'b.db'}"
    r = build([str(src)], url, progress=False)
    assert (r.added, r.skipped, r.documents) == (1, 1, 1)


@pytest.mark.parametrize("batch,killed_at", [(1, 3), (2, 2)])
def test_interrupted_build_leaves_a_usable_store_and_rerun_finishes(tmp_path, monkeypatch, batch, killed_at):
    """Interrupted at the third document's write (one a transaction), or at the second batch of two
    (pipeline.STORE_BATCH, speed35): two whole documents stored either way."""
    url = f"sqlite:///{tmp_path / 'c.db'}"
    real_add = Store.add_many
    calls = {"n": 0}

    def flaky_add(self, items, version=""):
        calls["n"] += 1
        if calls["n"] == killed_at:
            raise KeyboardInterrupt("killed mid-build")
        return real_add(self, items, version)

    monkeypatch.setattr(pipeline, "STORE_BATCH", batch)
    monkeypatch.setattr(Store, "add_many", flaky_add)
    with pytest.raises(KeyboardInterrupt):
        build([str(CORPUS)], url, progress=False)
    monkeypatch.setattr(Store, "add_many", real_add)
    s = Store(url)
    assert s.count() == 2                          # whole documents only
    assert set(s.analyses()) == {d["id"] for d in s.documents()}
    r = build([str(CORPUS)], url, progress=False)
    assert (r.added, r.skipped, r.documents) == (3, 2, 5)


def test_bad_files_do_not_lose_what_is_stored(tmp_path):
    url = f"sqlite:///{tmp_path / 'd.db'}"
    build([str(CORPUS)], url, progress=False)
    bad = tmp_path / "bad"
    bad.mkdir()
    (bad / "x.txt").write_bytes(b"\x00\x01\x02" * 100)
    (bad / "y.pdf").write_bytes(b"%PDF-1.4")
    r = build([str(bad)], url, progress=False)
    assert len(r.errors) == 2 and r.added == 0
    assert Store(url).count() == 5


def test_schema_is_migrated_by_code(tmp_path):
    url = f"sqlite:///{tmp_path / 'e.db'}"
    s = Store(url)
    assert s.schema_version() == SCHEMA_VERSION
    Store(url)          # opening again is harmless
    assert s.schema_version() == SCHEMA_VERSION


def test_bare_path_is_sqlite(tmp_path):
    s = Store(str(tmp_path / "plain.db"))
    assert s.url.startswith("sqlite:///")


def test_workers_give_the_same_result(tmp_path):
    a = f"sqlite:///{tmp_path / 'w1.db'}"
    b = f"sqlite:///{tmp_path / 'w2.db'}"
    build([str(CORPUS)], a, workers=1, progress=False)
    build([str(CORPUS)], b, workers=2, progress=False)
    assert Store(a).analyses() == Store(b).analyses()


def test_documents_analysed_by_an_older_analyser_are_analysed_again(tmp_path, monkeypatch):
    src = tmp_path / "src"
    src.mkdir()
    shutil.copy(CORPUS / "004_b6ed659c7353c9c8.txt", src / "a.txt")
    url = f"sqlite:///{tmp_path / 'c.db'}"
    monkeypatch.setattr(pipeline, "ANALYZER_VERSION", "riwaya-old")
    assert build([str(src)], url, progress=False).added == 1
    monkeypatch.undo()
    r = build([str(src)], url, progress=False)        # the lexicons or model changed since: not kept stale
    assert (r.added, r.skipped, r.documents) == (1, 0, 1)
    assert build([str(src)], url, progress=False).added == 0


def test_documents_of_some_ids_are_those_of_all_in_the_same_order(built_db):
    # a correction reads only the documents of the events it rebuilds, not the whole corpus
    store = Store(built_db)
    every = store.documents()
    some = [every[3]["id"], every[0]["id"], "no-such-document"]
    assert store.documents(some) == [every[0], every[3]]
    assert store.documents([]) == []
