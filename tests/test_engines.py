"""Engines: the local process pool (1 or 2 workers) and Ray give identical analyses,
in input order, and a build through Ray stores the same as a local build."""
import pytest

from riwaya.ingest.readers import IngestError, read_paths
from riwaya.pipeline import analyze_many, build
from riwaya.store import Store

from .conftest import CORPUS


def _docs():
    return [d for d in read_paths([str(CORPUS)]) if not isinstance(d, IngestError)]


@pytest.fixture(scope="module")
def local_results():
    docs = _docs()
    return docs, list(analyze_many(docs, workers=1))


def test_local_pool_keeps_input_order_and_results(local_results):
    docs, one = local_results
    two = list(analyze_many(docs, workers=2))
    assert [d.id for d, _ in one] == [d.id for d in docs] == [d.id for d, _ in two]
    assert [a for _, a in one] == [a for _, a in two]


@pytest.fixture(scope="module")
def ray_session():
    ray = pytest.importorskip("ray")
    ray.init(num_cpus=2, include_dashboard=False, log_to_driver=False, configure_logging=False)
    yield ray
    ray.shutdown()


def test_ray_gives_the_same_analyses_in_input_order(local_results, ray_session):
    from riwaya.engines import ray_analyze
    docs, one = local_results
    docs3 = docs * 3                      # 15 items in batches of 2, at most 2 batches in flight
    out = list(ray_analyze(docs3, batch_size=2, max_in_flight=2))
    assert [d.id for d, _ in out] == [d.id for d in docs3]
    assert [a for _, a in out] == [a for _, a in one] * 3


def test_ray_hands_the_json_text_the_store_writes(local_results, ray_session):
    """with ``as_json`` (what a build asks for: pipeline.JSON_HANDOFF) each Ray worker hands back the
    analysis as the JSON text the store writes, the same text the local analysis gives."""
    from riwaya.engines import ray_analyze
    from riwaya.store import analysis_text
    docs, one = local_results
    out = list(ray_analyze(docs, batch_size=2, as_json=True))
    assert all(isinstance(a, str) for _, a in out)
    assert [a for _, a in out] == [analysis_text(a) for _, a in one]


def test_build_through_ray_stores_the_same_as_local(tmp_path, built_db, ray_session):
    url = f"sqlite:///{tmp_path / 'ray.db'}"
    r = build([str(CORPUS)], url, engine="ray", progress=False)
    assert r.added == 5 and not r.errors
    assert Store(url).analyses() == Store(built_db).analyses()
    assert Store(url).export()["events"] == Store(built_db).export()["events"]


def test_ray_runs_each_document_under_its_budget(ray_session):
    """--engine ray keeps the per-document budget: an over-long document is refused before it is
    sent, one past its time is cancelled with its worker, both by name, and the rest go on."""
    from riwaya.budget import Budget
    from riwaya.engines import ray_analyze
    from riwaya.ingest.readers import doc_id
    from riwaya.models import Document
    from riwaya.pipeline import AnalysisFailed
    big = "قال المتحدث إن الوفد وصل إلى الرياض صباح الأحد. " * 20
    # the timeout counts from when the driver starts waiting: on a loaded machine a warm worker may
    # finish a short document before that, so a fresh text is tried again (each one new to every cache)
    for k in range(4):
        texts = [f"غادر الرئيس {k} دمشق إلى عمان ثم وصل الوفد {k} إلى الرياض صباح الأحد {k}.", big]
        docs = [Document(id=doc_id(t), text=t) for t in texts]
        out = list(ray_analyze(docs, keep_going=True, budget=Budget(timeout=0.001, memory_mb=0, max_chars=200)))
        if isinstance(out[0][1], AnalysisFailed):
            break
    assert [d.id for d, _ in out] == [d.id for d in docs]
    reasons = [a.reason for _, a in out]
    assert all(isinstance(a, AnalysisFailed) for _, a in out), reasons
    assert reasons[0].startswith("DocumentTimeout") and reasons[1].startswith("DocumentTooLarge"), reasons
    ok = list(ray_analyze(docs[:1], keep_going=True, budget=Budget(timeout=120, memory_mb=0, max_chars=200)))
    assert not isinstance(ok[0][1], AnalysisFailed) and "events" in ok[0][1]
