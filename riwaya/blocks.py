"""The corpus stage in blocks: resolve entities, then reconcile event mentions one block at a time,
writing each block's results to the store as it is done.

A *block* is every event mention of one type family: one event class and one reconcile type group
(``riwaya/data/events/schema.yaml``). The reconciler never puts mentions of two families into one
event, a conflict or a route (it compares a pair only within one class and group), so reconciling
each block alone gives the events and conflicts of reconciling everything at once, byte for byte
(tests/test_blocks.py). What is corpus-wide is computed once, before the blocks: the entities, the
relations between documents (copies and translations, which make the accounts), and how each
unresolved value was first written in the corpus (several spellings of it are shown as the first).

Memory is then the entities, the documents, and the largest block with its results, not every
event of the corpus; each block's events and conflicts go to the store (``Store.corpus_writer``)
and only those an itinerary needs (a person who moves) are kept. With ``engine="ray"`` the blocks
run as Ray tasks (locally, or on the cluster at ``ray_address``) and are written in the same order,
so the store is the same.
"""
from __future__ import annotations

from collections import defaultdict
from typing import Iterator

from . import event_schema


def family(m: dict) -> str:
    """The block of an event mention: its class and its type's reconcile group (or its type)."""
    g = event_schema.type_groups().get(m.get("type") or "")
    return f"{m.get('class')}|" + (f"g{g}" if g is not None else f"t:{m.get('type')}")


def partition(mentions: list[dict]) -> dict[str, list[dict]]:
    """Mentions by block, each block in the order given."""
    out: dict[str, list[dict]] = defaultdict(list)
    for m in mentions:
        out[family(m)].append(m)
    return dict(out)


def reconcile_block(documents: list[dict], mentions: list[dict], entities: list[dict],
                    relations: list[dict], surface: dict[str, str]) -> dict[str, list]:
    """One block through the reconciler, with the corpus's relations (not computed again) and its
    unresolved values as first written in the whole corpus (not in this block)."""
    from .reconcile import reconcile
    out = reconcile(documents, mentions, entities, relations=relations, surface=surface)
    return {"events": out["events"], "conflicts": out["conflicts"]}


def _local(documents, blocks, entities, relations, surface) -> Iterator[dict]:
    for ms in blocks:
        yield reconcile_block(documents, ms, entities, relations, surface)


def _ray(documents, blocks, entities, relations, surface, ray_address: str | None = None) -> Iterator[dict]:
    """The blocks as Ray tasks, the shared inputs put in the object store once; results come
    back in block order, with a bounded number of tasks in flight."""
    try:
        import ray
    except ImportError as e:   # pragma: no cover - depends on the environment
        raise RuntimeError("the ray engine needs Ray: pip install 'ray>=2.9'") from e
    from collections import deque
    started = False
    if not ray.is_initialized():
        if ray_address:
            ray.init(address=ray_address, include_dashboard=False, log_to_driver=False, ignore_reinit_error=True)
        else:
            ray.init(num_cpus=2, include_dashboard=False, log_to_driver=False, ignore_reinit_error=True,
                     configure_logging=False)
        started = True
    try:
        task = ray.remote(reconcile_block)
        docs_ref, ents_ref, rels_ref, surf_ref = (ray.put(x) for x in (documents, entities, relations, surface))
        limit = 2 * (int(ray.cluster_resources().get("CPU", 2)) or 2)
        pending: deque = deque()
        for ms in blocks:
            pending.append(task.remote(docs_ref, ms, ents_ref, rels_ref, surf_ref))
            while len(pending) >= limit:
                yield ray.get(pending.popleft())
        while pending:
            yield ray.get(pending.popleft())
    finally:
        if started:
            ray.shutdown()


def _mover_events(events: list[dict], people: set[str]) -> list[dict]:
    """The events an itinerary can use: some person takes a moving role in them."""
    try:
        from .itinerary import MOVER_ROLES
    except ImportError:           # the itinerary module changed: keep every event with a person in it
        MOVER_ROLES = None
    return [ev for ev in events if any(p.get("entity") in people and (MOVER_ROLES is None or p.get("role") in
                                                                       MOVER_ROLES)
                                       for p in ev.get("participants") or [])]


def refresh_store(store, engine: str = "local", ray_address: str | None = None) -> dict:
    """Re-run the corpus stage over what ``store`` holds, block by block, and replace its corpus
    results (readers see the old ones until the new are complete). Returns figures: blocks, the
    largest block's mentions, events, conflicts."""
    from . import corpus
    from .reconcile.core import first_written
    from .reconcile.relations import find_relations
    from .reconcile.translations import document_translations
    with store.snapshot():          # the corpus stage reads one consistent state
        state = store.corpus_state()
        writer = store.corpus_writer(state)
        entities = corpus.resolve_mentions({doc: [corpus._mention(m) for m in a.get("mentions", [])]
                                            for doc, a in store.iter_analyses()})
        writer.add("entities", entities)
        idx = corpus.MentionIndex(entities)
        by_kb = {e["kb_id"]: e["id"] for e in entities if e.get("kb_id")}
        per_doc, paragraphs = {}, {}
        for doc, a in store.iter_analyses():
            per_doc[doc] = corpus.doc_event_mentions(doc, a, idx, by_kb)
            paragraphs[doc] = a.get("paragraphs", [])
        del idx
        mentions = [rec for doc in sorted(per_doc) for rec in per_doc.pop(doc)]
        surface = first_written(mentions, entities)
        blocks = partition(mentions)
        del mentions
        documents = [{**d, "paragraphs": paragraphs.pop(d["id"], [])} for d in store.documents()]
    relations = find_relations(documents) + document_translations(documents, entities)
    writer.add("relations", relations)
    keys = sorted(blocks)
    sizes = {k: len(blocks[k]) for k in keys}
    ordered = (blocks.pop(k) for k in keys)       # a block is dropped once it is handed on
    run = _ray(documents, ordered, entities, relations, surface, ray_address) if engine == "ray" else \
        _local(documents, ordered, entities, relations, surface)
    people = {e["id"] for e in entities if e.get("type") == "person"}
    movers, n_events, n_conflicts = [], 0, 0
    by_id = lambda _n, item: item["id"]      # noqa: E731 - listed by id, as the reconciler sorts them
    for out in run:
        writer.add("events", out["events"], sort=by_id)
        writer.add("conflicts", out["conflicts"], sort=by_id)
        movers.extend(_mover_events(out["events"], people))
        n_events += len(out["events"])
        n_conflicts += len(out["conflicts"])
    try:
        from .itinerary import build_itineraries
        itineraries = build_itineraries(movers, entities)
    except ImportError:
        itineraries = []
    writer.add("itineraries", itineraries)
    writer.commit()
    big = max(sizes, key=lambda k: sizes[k], default=None)
    return {"blocks": len(sizes), "largest_block": big, "largest_block_mentions": sizes.get(big, 0),
            "events": n_events, "conflicts": n_conflicts}

