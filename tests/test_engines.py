"""Engines: the local process pool (1 or 2 workers) and Ray give identical analyses."""
import pytest

from riwaya.ingest.readers import IngestError, read_paths
from riwaya.pipeline import analyze_many, build
from riwaya.store import Store

from .conftest import CORPUS


def _docs():
    return [d for d in read_paths([str(CORPUS)]) if not isinstance(d, IngestError)]


def test_local_pool_keeps_input_order_and_results():
    docs = _docs()
    one = list(analyze_many(docs, workers=1))
    two = list(analyze_many(docs, workers=2))
    assert [d.id for d, _ in one] == [d.id for d in docs] == [d.id for d, _ in two]
    assert [a for _, a in one] == [a for _, a in two]


def test_local_1_local_2_and_ray_build_the_same_store(tmp_path):
    pytest.importorskip("ray")
    urls = {}
    for name, kw in {"local1": dict(workers=1), "local2": dict(workers=2), "ray": dict(engine="ray")}.items():
        urls[name] = f"sqlite:///{tmp_path / (name + '.db')}"
        r = build([str(CORPUS)], urls[name], progress=False, **kw)
        assert r.added == 5 and not r.errors
    base = Store(urls["local1"]).analyses()
    assert base and all(Store(u).analyses() == base for u in urls.values())
    exports = [Store(u).export() for u in urls.values()]
    for e in exports[1:]:
        assert e["entities"] == exports[0]["entities"] and e["events"] == exports[0]["events"]


def test_ray_yields_in_input_order_with_small_batches():
    pytest.importorskip("ray")
    from riwaya.engines import ray_analyze
    docs = _docs() * 3          # 15 items, batches of 2, at most 2 in flight
    out = list(ray_analyze(docs, batch_size=2, max_in_flight=2))
    assert [d.id for d, _ in out] == [d.id for d in docs]
    assert all(a["doc_id"] == d.id for d, a in out)
