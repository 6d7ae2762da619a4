"""Engines for the per-document stage beyond the local process pool.

``ray_analyze`` runs ``riwaya.analyze.analyze`` as Ray tasks over batches of
documents and yields ``(doc, analysis_dict)`` in input order, so a build gives
the same store whatever the engine. By default it starts a private local Ray
instance (2 CPUs, no dashboard); pass ``ray_address`` (``riwaya build
--engine ray --ray-address ray://host:10001`` or ``auto``) to use a cluster.

Work is submitted in batches with a bounded number of batches in flight, so a
corpus of any size streams through with bounded memory on the driver.

Under a per-document budget (``riwaya.budget``) each document is its own task: a
document over the size cap is refused before it is sent; one whose task is not done
``budget.timeout`` seconds after the driver starts waiting for it (it is then at the head
of the queue, so it has been running at least that long) is cancelled with its worker
killed (``DocumentTimeout``); one whose worker dies (Ray's memory monitor, a crash) fails
as ``WorkerDied``. The build goes on with the next document.
"""
from __future__ import annotations

from collections import deque
from contextlib import contextmanager
from typing import Iterable, Iterator

from .models import Document

BATCH = 16          # documents per Ray task: amortises task overhead (~1 ms) over ~16 x 10 ms of work


def _analyze_batch(docs: list[Document], keep_going: bool = False, as_json: bool = False) -> list[dict | str]:
    from .analyze import analysis_dict, analyze
    if keep_going:
        from .pipeline import safe_analysis
        out = [safe_analysis(d) for d in docs]
    else:
        out = [analysis_dict(analyze(d)) for d in docs]
    if not as_json:
        return out
    # the JSON text the store writes, made in the worker: one serialisation instead of Ray's
    # pickling of a deep dict there and the store's dump of it in the driver (as the local pool does)
    from .pipeline import AnalysisFailed
    from .store import analysis_text
    return [a if isinstance(a, AnalysisFailed) else analysis_text(a) for a in out]


def _drain(ray, item, budget) -> Iterator[tuple[Document, dict]]:
    batch, ref, failed = item
    if ref is None:
        yield batch[0], failed
        return
    yield from zip(batch, _collect(ray, batch, ref, budget))


def _batches(docs: Iterable[Document], size: int) -> Iterator[list[Document]]:
    batch: list[Document] = []
    for d in docs:
        batch.append(d)
        if len(batch) >= size:
            yield batch
            batch = []
    if batch:
        yield batch


def _collect(ray, batch: list[Document], ref, budget) -> list:
    """The results of one submitted batch; under a budget (one document a task) a task past
    its time is cancelled and a dead worker's document fails, both by name."""
    if budget is None or budget.timeout <= 0:
        return ray.get(ref)
    from .pipeline import AnalysisFailed
    try:
        return ray.get(ref, timeout=budget.timeout)
    except ray.exceptions.GetTimeoutError:
        ray.cancel(ref, force=True)
        return [AnalysisFailed(f"DocumentTimeout: analysis took more than {budget.timeout:g} s "
                               f"(--doc-timeout or RIWAYA_DOC_TIMEOUT)")]
    except (ray.exceptions.WorkerCrashedError, ray.exceptions.TaskCancelledError,
            ray.exceptions.OutOfMemoryError) as e:
        return [AnalysisFailed(f"WorkerDied: the Ray worker analysing it stopped ({type(e).__name__})")]



@contextmanager
def ray_session(ray_address: str | None = None):
    """Ray, connected to ``ray_address`` or started locally on 2 CPUs when it is not running yet;
    a Ray this call started is shut down when the block ends (the per-document and corpus stages share it)."""
    try:
        import ray
    except ImportError as e:   # pragma: no cover - depends on the environment
        raise RuntimeError("the ray engine needs Ray: pip install 'ray>=2.9'") from e
    started = False
    if not ray.is_initialized():
        if ray_address:
            ray.init(address=ray_address, include_dashboard=False, log_to_driver=False,
                     ignore_reinit_error=True)
        else:
            ray.init(num_cpus=2, include_dashboard=False, log_to_driver=False, ignore_reinit_error=True,
                     configure_logging=False)
        started = True
    try:
        yield ray
    finally:
        if started:
            ray.shutdown()


def ray_analyze(docs: Iterable[Document], ray_address: str | None = None,
                batch_size: int = BATCH, max_in_flight: int | None = None,
                keep_going: bool = False, budget=None, as_json: bool = False) -> Iterator[tuple[Document, dict | str]]:
    """Analyse documents as Ray tasks; yields ``(doc, analysis_dict)`` in input order.
    With ``keep_going`` a document whose analysis raises yields an ``AnalysisFailed``;
    with a ``budget`` (time, size) every document runs as its own task under it;
    ``as_json``: each analysis comes as the JSON text ``Store.add`` writes, not as a dict."""
    with ray_session(ray_address) as ray:
        from .budget import too_large
        from .pipeline import AnalysisFailed
        remote = ray.remote(max_retries=0)(_analyze_batch) if budget is not None else ray.remote(_analyze_batch)
        cpus = int(ray.cluster_resources().get("CPU", 2)) or 2
        limit = max_in_flight or 2 * cpus
        if budget is not None and budget.timeout > 0:
            batch_size = 1          # a document that overruns is cancelled alone
        pending: deque = deque()
        for batch in _batches(docs, batch_size):
            refused = [too_large(d, budget) for d in batch] if budget is not None else [None] * len(batch)
            if any(refused):
                for d, why in zip(batch, refused):
                    if why:
                        pending.append(([d], None, AnalysisFailed(why)))
                batch = [d for d, why in zip(batch, refused) if not why]
                if not batch:
                    continue
            pending.append((batch, remote.remote(batch, keep_going, as_json), None))
            while len(pending) >= limit:
                yield from _drain(ray, pending.popleft(), budget)
        while pending:
            yield from _drain(ray, pending.popleft(), budget)
