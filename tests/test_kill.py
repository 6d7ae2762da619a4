"""A build killed with SIGKILL mid-way leaves a usable store with whole documents
only (each stored with its analysis), and running it again finishes the job."""
from __future__ import annotations

import json
import os
import signal
import sqlite3
import subprocess
import sys
import time
from pathlib import Path

import pytest

from riwaya.store import Store

from .conftest import needs_shared, saudi_articles

N = 120


def _count(db) -> int:
    try:
        with sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=5) as c:
            return c.execute("SELECT COUNT(*) FROM documents").fetchone()[0]
    except sqlite3.Error:
        return 0


def _bundled_articles() -> list[dict]:
    """Without ../shared (a bare CI machine): runs of 2-4 consecutive paragraphs of the bundled
    corpus, real text and each a distinct document."""
    root = Path(__file__).resolve().parents[1] / "corpus" / "fall-of-assad"
    paras = [p for f in sorted(root.glob("*.txt")) for p in f.read_text(encoding="utf-8").split("\n")
             if len(p.strip()) >= 80]
    return [{"text": "\n\n".join(paras[i:i + k]), "outlet": None, "title": None, "published": None}
            for k in (2, 3, 4) for i in range(len(paras) - k + 1)]


def _saudi() -> list[dict]:
    return [{"text": a["content"], "url": a["url"], "outlet": a["source"], "title": a["title"],
             "published": a["date_extracted"]} for a in saudi_articles(3000) if (a.get("content") or "").strip()]


@pytest.mark.parametrize("source", [pytest.param("saudinewsnet", marks=needs_shared), "bundled"])
def test_sigkill_mid_build_loses_nothing_and_rerun_finishes(tmp_path, source):
    workers = 2
    src = tmp_path / "articles.jsonl"
    arts = (_saudi() if source == "saudinewsnet" else _bundled_articles())[:N]
    with src.open("w", encoding="utf-8") as f:
        for a in arts:
            f.write(json.dumps(a, ensure_ascii=False) + "\n")
    from riwaya.ingest.readers import read_paths
    expected = {d.id for d in read_paths([str(src)]) if hasattr(d, "id")}
    db = tmp_path / "k.db"
    cmd = [sys.executable, "-m", "riwaya.cli", "build", str(src), "--db", f"sqlite:///{db}", "-q",
           "--workers", str(workers)]
    p = subprocess.Popen(cmd, start_new_session=True, stdout=subprocess.PIPE, stderr=subprocess.PIPE)
    deadline = time.time() + 120
    while time.time() < deadline and p.poll() is None and _count(db) < 15:
        time.sleep(0.05)
    assert p.poll() is None, "build finished before it could be killed: " + p.stderr.read().decode()[-500:]
    os.killpg(p.pid, signal.SIGKILL)           # the build and its worker processes, mid-write
    p.wait(30)
    s = Store(f"sqlite:///{db}")                # opens (WAL recovered), schema intact
    stored = {d["id"] for d in s.documents()}
    assert 15 <= len(stored) < len(expected)
    assert set(s.analyses()) == stored          # no document without its analysis, none half-written
    assert stored <= expected
    r = subprocess.run(cmd, capture_output=True, text=True, timeout=300)
    assert r.returncode == 0, r.stderr[-1000:]
    s = Store(f"sqlite:///{db}")
    assert {d["id"] for d in s.documents()} == expected == set(s.analyses())
    assert f"added {len(expected) - len(stored)} document(s), {len(stored)} already stored" in r.stdout
    assert s.corpus()["entities"]               # the corpus stage ran over everything


def test_build_stopped_before_the_corpus_stage_is_finished_by_the_next(tmp_path, monkeypatch):
    from riwaya import pipeline
    from .conftest import CORPUS
    url = f"sqlite:///{tmp_path / 'c.db'}"

    def stopped(store, **_):
        raise KeyboardInterrupt("killed before the corpus stage")

    monkeypatch.setattr(pipeline, "refresh", stopped)
    with pytest.raises(KeyboardInterrupt):
        pipeline.build([str(CORPUS)], url, progress=False)
    monkeypatch.undo()
    s = Store(url)
    assert s.count() == 5 and not s.corpus_is_current()
    r = pipeline.build([str(CORPUS)], url, progress=False)
    assert r.added == 0 and s.corpus_is_current() and s.corpus()["entities"]
    before = s.corpus()
    pipeline.build([str(CORPUS)], url, progress=False)     # nothing new: the corpus stage is not re-run
    assert s.corpus() == before
