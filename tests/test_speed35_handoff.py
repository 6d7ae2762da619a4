"""speed35 (issue 20): the build's hand-off to the store. Workers send each analysis as the JSON text the
store writes (``pipeline.JSON_HANDOFF``) and the build writes its documents ``pipeline.STORE_BATCH`` to a
transaction; both leave the stored documents and analyses as they were, and a document the store refuses
is still reported on its own, in input order."""
from __future__ import annotations

import json
import sqlite3

import pytest

import riwaya.pipeline as pl
from riwaya.budget import Budget, budgeted
from riwaya.ingest.readers import IngestError, read_paths
from riwaya.models import DocAnalysis
from riwaya.store import Store, analysis_text

from .conftest import CORPUS

CITIES = ["دمشق", "حلب", "حمص", "درعا", "إدلب"]


def _seeds(n: int):
    return [d for d in read_paths([str(CORPUS)]) if not isinstance(d, IngestError)][:n]


def _rows(db) -> tuple[list, list]:
    """Every stored document (less the clock time it was added at) and analysis, in store order."""
    con = sqlite3.connect(db)
    cols = [r[1] for r in con.execute("pragma table_info(documents)") if r[1] != "added_at"]
    docs = con.execute(f"select {','.join(cols)} from documents order by seq").fetchall()
    ans = con.execute("select doc_id, version, data from analyses order by doc_id").fetchall()
    con.close()
    return docs, ans


def _small(tmp_path, n: int = 5):
    src = tmp_path / "in"
    src.mkdir()
    for k in range(n):
        (src / f"{k}.txt").write_text(f"وصل الوفد إلى {CITIES[k % len(CITIES)]} صباح الأحد {k}.", encoding="utf-8")
    return src


@pytest.fixture
def no_corpus_stage(monkeypatch):
    monkeypatch.setattr(pl, "refresh", lambda *a, **k: [])


def test_a_worker_sends_the_json_text_the_store_would_write():
    docs = _seeds(2)
    as_dicts = list(budgeted(docs, 1, Budget()))
    as_text = list(budgeted(docs, 1, Budget(), as_json=True))
    assert [d.id for d, _ in as_text] == [d.id for d in docs]
    for (_, a), (_, t) in zip(as_dicts, as_text):
        assert isinstance(a, dict) and type(t) is str
        assert t == json.dumps(a, ensure_ascii=False) == analysis_text(a) == analysis_text(t)


def test_a_failed_analysis_stays_a_dict_with_its_reason(monkeypatch):
    def boom(doc):
        raise ValueError("no")
    monkeypatch.setattr(pl, "analyze", boom)           # forked workers inherit the patch
    (_, a), = budgeted(_seeds(1), 1, Budget(), as_json=True)
    assert isinstance(a, pl.AnalysisFailed) and a.reason.startswith("analysis failed: ValueError")


@pytest.mark.parametrize("handoff,batch", [(False, 1), (True, 1), (True, 2), (True, 16)])
def test_builds_store_the_same_rows_whatever_the_handoff_and_batch(tmp_path, monkeypatch, no_corpus_stage,
                                                                   handoff, batch):
    src = _small(tmp_path)
    monkeypatch.setattr(pl, "JSON_HANDOFF", False)
    monkeypatch.setattr(pl, "STORE_BATCH", 1)
    base = pl.build([str(src)], f"sqlite:///{tmp_path / 'base.db'}", workers=2, progress=False)
    monkeypatch.setattr(pl, "JSON_HANDOFF", handoff)
    monkeypatch.setattr(pl, "STORE_BATCH", batch)
    got = pl.build([str(src)], f"sqlite:///{tmp_path / 'got.db'}", workers=2, progress=False)
    assert base.added == got.added == 5 and not base.errors and not got.errors
    assert _rows(tmp_path / "base.db") == _rows(tmp_path / "got.db")
    again = pl.build([str(src)], f"sqlite:///{tmp_path / 'got.db'}", workers=2, progress=False)
    assert again.added == 0 and again.skipped == 5


def test_a_refused_document_in_a_batch_is_named_and_the_rest_are_stored(tmp_path, monkeypatch, no_corpus_stage):
    """The store refuses the batch that holds the document of 1.txt: each of its documents is then written
    on its own, so only that one fails; a failed analysis (3.txt) is reported after it, in input order."""
    src = _small(tmp_path)
    refused = next(d.id for d in read_paths([str(src / "1.txt")]))
    real_add, real_analyze = Store.add_many, pl.analyze

    def add_many(self, items, version=""):
        if any(d.id == refused for d, _ in items):
            raise ValueError("refused here")
        return real_add(self, items, version)

    def analyze(doc):
        if doc.text.startswith("وصل الوفد إلى درعا"):
            raise RuntimeError("bad")
        return real_analyze(doc)
    monkeypatch.setattr(Store, "add_many", add_many)
    monkeypatch.setattr(pl, "analyze", analyze)
    monkeypatch.setattr(pl, "STORE_BATCH", 16)
    url = f"sqlite:///{tmp_path / 'b.db'}"
    r = pl.build([str(src)], url, workers=2, progress=False)
    assert r.added == 3
    assert [(e.path[-5:], e.reason.split(":")[0]) for e in r.errors] == [
        ("1.txt", "cannot store"), ("3.txt", "analysis failed")]
    assert sorted(d["path"][-5:] for d in Store(url).documents()) == ["0.txt", "2.txt", "4.txt"]
    assert set(Store(url).analyses()) == {d["id"] for d in Store(url).documents()}


def test_stored_analysis_reads_back_as_the_dict(tmp_path, monkeypatch, no_corpus_stage):
    src = _small(tmp_path, 2)
    url = f"sqlite:///{tmp_path / 'c.db'}"
    pl.build([str(src)], url, workers=2, progress=False)
    docs = [d for d in read_paths([str(src)]) if not isinstance(d, IngestError)]
    stored = Store(url).analyses()
    for d in docs:
        assert stored[d.id] == json.loads(json.dumps(pl.analysis_dict(pl.analyze(d)), ensure_ascii=False))


def test_analysis_text_of_a_dict_and_of_text():
    a = pl.analysis_dict(DocAnalysis(doc_id="x", version="v"))
    t = analysis_text(a)
    assert t == json.dumps(a, ensure_ascii=False)

    class Sub(str):
        pass
    assert type(analysis_text(Sub(t))) is str and analysis_text(Sub(t)) == t
