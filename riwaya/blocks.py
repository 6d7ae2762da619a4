"""The corpus stage in blocks: resolve entities, then reconcile event mentions one block at a time,
writing each block's results to the store as it is done, and reconciling again only what changed.

*Parts*: the event mentions split into the connected parts of the reconciler's blocking keys (event
class and type group, with a key participant, else a place, and the document's story; a generic
mention, "the incident", with every kind of the groups it may stand for) and of the groups whose
places make a document's route. The reconciler compares two mentions only if they share such a
key, so it never puts two parts into one event, conflict or route, and reconciling each part alone
gives what reconciling everything at once gives, byte for byte (tests/test_blocks.py; 2,000
SaudiNewsNet articles). A part of more than ``MAX_PART`` mentions (a main actor named every day
joins a type family's mentions of weeks) is cut by windows of its documents' dates
(``cut_parts``): there, and only there, reports of one happening on both sides of a window's edge
stay two events. What is corpus-wide is computed once, before the parts: the entities, the
relations between documents (copies and translations, which make the accounts), each document's
story, and how each unresolved value was first written in the corpus.

*Blocks*: parts packed, in order, into calls of the reconciler of about ``BLOCK_MENTIONS`` mentions
(it has a set-up cost per call); a part of that size or more is a call alone. Memory is the entities, the documents, and one block with its
results, not every event of the corpus: each block's events and conflicts go to the store
(``Store.corpus_writer``), tagged with their part, and only those an itinerary reads are kept.

*Incremental*: a part's fingerprint hashes everything reconciling it reads (``fingerprints``). A
part of the current results with the same fingerprint is carried over as stored (rows copied in
the store, nothing parsed); only new or changed parts are reconciled, so adding or deleting
documents reconciles the parts they touch (and a part their mentions bridge). Within a part reconciled
again, the reconciler's own decomposition: the connected parts of its pairs above the merge threshold
(``reconcile.core.SubPart``; found after the whole part's mentions are read and its candidate pairs
scored, since which pairs a large blocking key compares depends on all its mentions), each clustered
alone, and their events in units (events sharing a span are one). A unit whose fingerprint (what a
part's hashes, for its mentions, with its events' members as the reconciler read them, and their
routes) is stored is carried over (rows copied under the new part's name, block "PART/UNIT") instead
of its events being built and checked for conflicts again; and a part reconciled again whose pairing inputs (its
canonical mentions and features, and the entity fields its place test read) are unchanged has its clusters read
back from the cache, not paired and merged again (``reconcile.pair_memo.PairMemo``, ``PAIR_MEMO``); one paired again
scores afresh only the pairs of new or changed mentions (``PAIR_SCORES``) and, with ``MERGE_MEMO`` (off), merges
afresh only the sub-parts those reach. When a reviewer's
corrections apply, the corrected results are what readers see and the stage's own stay beneath them
(``Store.corpus_base_generation``): those are what the next stage carries over. Each run records in
the store's journal (``Store.corpus_journal``) the documents added and removed, the parts carried
over and reconciled, and the events added, removed and rewritten. Each document's event mentions,
with their labels, are stored and reused while what they were made from is unchanged
(``_event_mentions``; their texts stored compressed, as the stage keeps them). Each document's story
is found with the corpus-wide statistics frozen at the last full run (``story_index``: a new
document compared with those sharing its stored keys), and the copies between documents from each
document's stored LSH buckets (``relations.copies_incremental``: pairs with a new document only;
exact). Entities, the translations between documents and itineraries are still computed over the
whole corpus every run, but what they compute
per document (or per pair, or per part) comes from the cache when it was seen before, each keyed by
the content it is a function of: each analysis's entity mentions (``_doc_mentions``), the resolver's
step within a document (``resolve.InDocMemo``), each entity whose component and romanisation are those
of one made before (``resolve.EntityMemo``), each person's itinerary whose events and what they name are
those of one made before (``ItineraryMemo``), each document's MinHash signature and each candidate
pair's verdict for the copy detector (``relations.doc_signatures``, ``relations._pair_verdicts``), each
document's sides for the translations between documents (``translations._doc_sides_cached``), and
the strings a part's fingerprint looks up (``_part_strings``).

*Ray*: with ``engine="ray"`` the blocks run as Ray tasks (locally, or on the cluster at
``ray_address``) and are written in the same order, so the store is the same.
"""
from __future__ import annotations

import base64
import json
import re
import sys
import zlib
from array import array
from collections import defaultdict
from collections.abc import Sequence
from datetime import date
from typing import Iterable, Iterator

from . import event_schema

SUBPARTS = True          # within a part reconciled again, carry over the sub-parts whose fingerprint is unchanged
PAIR_MEMO = True         # a part reconciled again whose pairing inputs are unchanged: its clusters read back, not
#                          paired and merged again (``reconcile.pair_memo.PairMemo``, on-disk cache "pairs")
PAIR_SCORES = True       # a part paired again scores afresh only its pairs with a new or changed mention, the others'
#                          outcomes read back by the two mentions' content keys (``pair_memo.PairScores``, "pairscores")
MERGE_MEMO = False       # a part paired again merges afresh only its sub-parts whose mentions, pair outcomes or place
#                          test answers changed, the others' clusters read back (``pair_memo.MergeMemo``, "merges");
#                          off: exact, but at 2k a + 10's merge time is in the sub-parts new mentions join (inc37)
BLOCK_MENTIONS = 5000     # mentions per call of the reconciler: its per-call set-up against memory
MAX_PART = 2000           # a part of more mentions is cut into windows of its documents' dates (cut_parts)
WINDOW_DAYS = 3           # the windows: days since 1 Jan of year 1, by WINDOW_DAYS


def family(m: dict) -> str:
    """The type family of an event mention (its class and its type's reconcile group, or its type): the
    parts when the reconciler's own key functions are missing."""
    g = event_schema.type_groups().get(m.get("type") or "")
    return f"{m.get('class')}|" + (f"g{g}" if g is not None else f"t:{m.get('type')}")


class Spans(Sequence):
    """An entity's mentions ({doc, start, end} each) as arrays: 24 bytes a mention, not a dict's
    ~240 (at 30k articles about 650,000 of them, kept through the whole stage). Read as the list of
    dicts it replaces (each made when read); ``==`` compares with such a list."""
    __slots__ = ("docs", "starts", "ends")

    def __init__(self, spans: Iterable[dict]):
        spans = list(spans)
        self.docs = tuple(sys.intern(str(m["doc"])) if m.get("doc") is not None else None for m in spans)
        self.starts = array("q", [int(m.get("start") or 0) for m in spans])
        self.ends = array("q", [int(m.get("end") or 0) for m in spans])

    @classmethod
    def of(cls, docs: list, starts: list[int], ends: list[int]) -> "Spans":
        """From the three lists (an entity read back from ``resolve.EntityMemo``)."""
        out = cls.__new__(cls)
        out.docs = tuple(map(sys.intern, docs)) if all(d.__class__ is str for d in docs) else \
            tuple(sys.intern(str(d)) if d is not None else None for d in docs)
        out.starts, out.ends = array("q", starts), array("q", ends)
        return out

    def __len__(self) -> int:
        return len(self.docs)

    def __getitem__(self, i):
        if isinstance(i, slice):
            return [self[k] for k in range(*i.indices(len(self)))]
        return {"doc": self.docs[i], "start": self.starts[i], "end": self.ends[i]}

    def __iter__(self):
        # each as ``__getitem__`` makes it, without a call of it per item (``Sequence``'s own iterator): the
        # steps over the whole corpus (the reconciler's entity index, the translations' keys, the documents'
        # mention index) read every entity's mentions, about 130,000 at 7.6k articles, each run
        for d, s, e in zip(self.docs, self.starts, self.ends):
            yield {"doc": d, "start": s, "end": e}

    def __eq__(self, other) -> bool:
        return list(self) == list(other)

    def __reduce__(self):
        return (Spans, (list(self),))


class Mentions:
    """The corpus's event mentions, added in corpus order (documents by id), each kept as its JSON
    text, compressed (the JSON is about a third of its memory as a dict: at 30k articles the mentions
    were the corpus stage's largest object) with the connected parts of the reconciler's blocking keys (class, type group,
    and a key participant, else a place): mentions of two parts never share a key, so the
    reconciler never compares them. Adding them in order also gives how each unresolved value was
    first written in the corpus (``surface``, as ``reconcile.core.first_written`` does). Uses the
    reconciler's own key functions; without them (the reconciler changed), one part per type family."""

    def __init__(self, entities: list[dict]):
        try:
            from .reconcile.core import Entities, _canonical, _cls, _features, _own_actor_groups
            own_groups = _own_actor_groups()
            self._labels_of = lambda m, ents=None: _labels(m, ents or self._ents, _canonical, _cls, _features,
                                                           own_groups)
            self._ents = Entities(entities)
            self.surface = self._ents.surface
        except ImportError:       # pragma: no cover - depends on the reconciler's internals
            self._labels_of = lambda m, ents=None: ([family(m)], [], ["_family"])
            self._ents = None
            self.surface = None
        self.rows: list[bytes] = []
        self.ids: list[str] = []
        self.docs: list[str] = []         # per mention: its document (interned), for cut_parts
        self._story: list[tuple] = []     # per mention: its document and kinds, for its story's key
        # union-find over nodes numbered as made: each mention's (``_mnode``) and each key's (``_key``, made
        # when first met): a list of numbers, each key hashed once per union, not on every step of a find
        self._up: list[int] = []
        self._mnode: list[int] = []
        self._key: dict = {}

    def add(self, m: dict, ents=None) -> tuple[str, tuple]:
        """Add a mention; returns its JSON text and its labels (what ``add_labelled`` takes). ``ents``:
        the entity index to read (``_Recorder``: logging what it reads)."""
        labels = self._labels_of(m, ents)
        text = json.dumps(m, ensure_ascii=False)
        self.add_labelled(text.encode("utf-8"), m["id"], m.get("doc"), labels)
        return text, labels

    def add_labelled(self, row: bytes, mid: str, doc: str | None, labels: tuple, compressed: bool = False) -> None:
        """Add a mention as its JSON text with its labels (kinds, routes, keys), as ``add`` made them.
        ``compressed``: ``row`` is already as ``rows`` keeps it (a stored document's, ``_event_mentions``)."""
        kinds, routes, keys = labels
        # compressed: a third of the JSON's size (at 30k articles ~100 MB less through the stage), ~20 us each
        self.rows.append(row if compressed else zlib.compress(row, 1))
        self.ids.append(mid)
        self.docs.append(sys.intern(str(doc)))
        # "_none" (``_labels``: a meeting whose agents the reconciler may drop, leaving it no key) is no key: such a
        # mention is blocked by its story, else with every keyless one, as a mention without keys (``parts``)
        node = len(self._up)
        self._up.append(node)
        self._mnode.append(node)
        for k in [(kd, k) for kd in kinds for k in keys if k != "_none"] + list(routes):
            self._union(node, k)
        self._story.append((doc, tuple(kinds), not keys or "_none" in keys))

    def _union(self, node: int, key) -> None:
        """Join a mention's node with a key's (made when first met)."""
        up = self._up
        k = self._key.get(key)
        if k is None:             # a new key: a root of its own, joined under the mention's root
            self._key[key] = len(up)
            up.append(self._find(node))
            return
        a, b = self._find(node), self._find(k)
        if a != b:
            up[b] = a

    def _find(self, x: int) -> int:
        up = self._up
        while up[x] != x:
            up[x] = up[up[x]]
            x = up[x]
        return x

    def text(self, i: int) -> bytes:
        """Mention i's JSON text."""
        return zlib.decompress(self.rows[i])

    def get(self, i: int) -> dict:
        return json.loads(self.text(i))

    def parts(self, story_of: dict[str, int] | None = None) -> list[list[int]]:
        """The parts, as mention indices ascending, by their first mention. ``story_of``: each
        document's story (the reconciler blocks a mention by its story too)."""
        for i, (doc, kinds, keyless) in enumerate(self._story):
            st = (story_of or {}).get(doc)
            if st is not None:
                for kd in kinds:
                    self._union(self._mnode[i], (kd, ("story", st)))
            elif keyless:
                for kd in kinds:
                    self._union(self._mnode[i], (kd, "_none"))
        self._story = []
        out: dict = defaultdict(list)
        for i in range(len(self.rows)):
            out[self._find(self._mnode[i])].append(i)
        self._up, self._mnode, self._key = [], [], {}
        return sorted(out.values())


def _labels(m: dict, ents, canonical, cls, features, own_groups=frozenset()) -> tuple[list, list, list]:
    """As ``reconcile.core.cluster_mentions`` blocks a mention: its kinds (class and type group; a
    generic mention's, the groups it may stand for, met by every kind of the same polarity in
    those groups), its keys (key participants, else places; its story's is added in
    ``Mentions.parts``), and, as ``_doc_routes`` groups them, its document's route keys."""
    c = canonical(m, ents)
    f = features(c)
    kl = cls(c)
    pol = kl.partition("~")[2]
    kinds = [(kl, f["group"])]
    if f["generic"]:
        kinds += [("generic", pol, g) for g in sorted(f["generic"])]
    else:
        kinds.append(("generic", pol, f["group"]))
    route_keys, keys = set(f["keys"]), set(f["keys"] or f["places"])
    if f["group"] in own_groups and any((p.get("role") or "agent") == "agent" for p in c.get("participants") or []):
        # the reconciler drops from a meeting's main actors (``own_groups``: events.own_actor_groups) an agent
        # told outside the trigger's clause (canonical_mentions' ``own``, read from the text, which blocking
        # does not have): the keys it may then block by are those of every agent dropped, added here, so
        # that a part always holds what the reconciler may merge (an event of two parts is never carried over); with
        # none left, the reconciler blocks it by its story, else with every mention without keys ("_none", read so
        # in ``Mentions.add_labelled``: at 7.6k, as a key of its own, it joined 1,200 mentions of other stories to
        # the largest part)
        f2 = features({**c, "participants": [{**p, "own": False} if (p.get("role") or "agent") == "agent" else p
                                             for p in c.get("participants") or []]})
        if f2["keys"] != f["keys"]:
            route_keys |= set(f2["keys"])
            keys |= set(f2["keys"] or f2["places"]) or {"_none"}
    from .reconcile.core import _fine_places, config
    if config()["events"].get("block_fine_places") and ents is not None:
        # the reconciler also blocks a mention by the places finer than a country its sentence names
        # (``mention_blocks``, events.block_fine_places): one part holds what it may then compare
        keys |= {("fine", p) for p in _fine_places(c, ents)}
    routes = [("route", c.get("doc"), c.get("class"), f["group"], k) for k in sorted(route_keys, key=repr)]
    return kinds, routes, sorted(keys, key=repr)


def cut_parts(parts: list[list[int]], doc_of: list[str], day_of: dict[str, int | None]
              ) -> tuple[list[list[int]], list[int | None]]:
    """Parts of more than ``MAX_PART`` mentions cut into pieces, one per window of ``WINDOW_DAYS``
    days of their documents' dates (undated documents: one piece). Why: a main actor named every day
    (a head of state, a ministry) joins a type family's mentions of every day into one part (23,228
    mentions at 30k SaudiNewsNet articles), so one new article re-reconciled it all and it set the
    peak memory. The reconciler never compares mentions of two pieces, so two reports of one
    happening on both sides of a window's edge stay two events: the one place where the blocked
    stage differs from the reconciler over everything (measured in benchmarks/README.md). Parts
    no larger are whole, so the stage equals ``reconcile`` at once wherever no part is that large.
    Returns the parts in order of their first mention and, for each, the part it was cut from (None:
    not cut); ``pack`` never puts two pieces of one part in one call."""
    out: list[tuple[list[int], int | None]] = []
    for n, p in enumerate(parts):
        if len(p) <= MAX_PART:
            out.append((p, None))
            continue
        windows: dict = defaultdict(list)
        for i in p:
            d = day_of.get(doc_of[i])
            windows[d // WINDOW_DAYS if d is not None else None].append(i)
        out.extend((w, n) for w in windows.values())
    out.sort(key=lambda x: x[0])
    return [p for p, _ in out], [c for _, c in out]


def day_number(published) -> int | None:
    """A document's date as a day number (the date part of its ISO time), None when it has none."""
    try:
        return date.fromisoformat(str(published or "")[:10]).toordinal()
    except ValueError:
        return None


def doc_day(d: dict) -> int | None:
    """A document's day for ``cut_parts``: its publication date, else the day it was fetched (``meta.retrieved``,
    as the translations between documents take it: a crawl's day, near enough), else None. SaudiNewsNet's
    articles have no publication date: at 7.6k of them every part over ``MAX_PART`` (the largest, 7,320 mentions
    of attacks chained by their actors and places) was one undated piece that any new attack reconciled again."""
    day = day_number(d.get("published"))
    return day if day is not None else day_number((d.get("meta") or {}).get("retrieved"))


def pack(parts: list[list[int]], size: int, sized: list | None = None,
         apart: list | None = None) -> list[list[int]]:
    """Parts gathered, in order, into blocks of at least ``size`` mentions (a part is never cut):
    fewer, larger calls of the reconciler. A part of ``size`` or more is a block alone (the largest
    block, the stage's memory peak, is then the largest part, not it with up to ``size`` others).
    Each block's indices ascending. With ``sized``, a part's indices are into ``sized`` and count
    its items' lengths. ``apart``: per part, a label; two parts of one label (not None) are never in
    one block."""
    out: list[list[int]] = []
    cur: list[int] = []
    labels: set = set()
    n = 0
    for k, p in enumerate(parts):
        label = apart[k] if apart is not None else None
        m = sum(len(sized[i]) for i in p) if sized is not None else len(p)
        if cur and (m >= size or (label is not None and label in labels)):
            out.append(sorted(cur))
            cur, n, labels = [], 0, set()
        if label is not None:
            labels.add(label)
        cur.extend(p)
        n += m
        if n >= size:
            out.append(sorted(cur))
            cur, n, labels = [], 0, set()
    if cur:
        out.append(sorted(cur))
    return out


def reconcile_block(documents: list[dict], mentions: list[dict], entities: list[dict],
                    relations: list[dict], surface: dict[str, str], story_of: dict[str, int],
                    carried=None, index=None) -> dict[str, list]:
    """One block through the reconciler, with the corpus's relations and stories (not computed
    again) and its unresolved values as first written in the whole corpus (not in this block).
    ``carried``: fingerprint -> stored event ids of the units (``reconcile.core.subpart_units``) the stage
    holds results of; a unit stored whole is not made again (the result lists it as ``carried``), and each
    made one is listed with its events (``subparts``). None: every unit made, none listed. ``index``: the
    reconciler's index of these entities (``reconcile.core.Entities``), its lookups shared by every block."""
    from .reconcile import reconcile
    if carried is None:
        out = reconcile(documents, mentions, entities, relations=relations, surface=surface, story_of=story_of,
                        index=index)
        return {"events": out["events"], "conflicts": out["conflicts"]}
    mentions, part_of = mentions        # with each mention's part

    def prints(groups, keys, ents):
        # a sub-part's fingerprint: everything a part's reads (its mentions' texts, documents, entities,
        # first spellings), and how the reconciler read its mentions and compared them (``keys``); none for
        # a sub-part of two parts (one span of two types joins them), which is always made again; 15 hex
        # digits: "PART/SUB" is 40 characters, the column's width
        import hashlib
        fps = fingerprints(([(m.get("doc"), json.dumps(m, ensure_ascii=False)) for m in g] for g in groups),
                           documents, relations, entities, surface, story_of, ents=ents)
        out = []
        for fp, k, g in zip(fps, keys, groups):
            # a unit's events may be in two parts (one span told as two kinds): which of its mentions share
            # a part is hashed too, so a unit carried over is in as many parts, split as before
            by_part: dict = defaultdict(list)
            for m in g:
                by_part[part_of.get(m.get("id"))].append(m.get("id"))
            split = sorted(sorted(map(str, v)) for v in by_part.values())
            out.append(None if fp is None or None in by_part else
                       hashlib.sha1(json.dumps([fp, k, split]).encode()).hexdigest()[:15])
        return out
    pairing = None
    if PAIR_MEMO:
        from .cache import KeyValue
        from .reconcile.pair_memo import PairMemo
        pairing = PairMemo(part_of, KeyValue("pairs"), KeyValue("pairscores") if PAIR_SCORES else None,
                           KeyValue("merges") if MERGE_MEMO else None)
    out = reconcile(documents, mentions, entities, relations=relations, surface=surface, story_of=story_of,
                    subparts=prints, carried=carried, index=index, pairing=pairing)
    res = {k: out[k] for k in ("events", "conflicts", "subparts", "carried")}
    if pairing is not None:
        res["pairing"] = pairing.figures
    return res


def _local(documents, blocks, entities, relations, surface, story_of, carried=None, index=None) -> Iterator[dict]:
    for ms in blocks:
        yield reconcile_block(documents, ms, entities, relations, surface, story_of, carried, index)


def _ray(documents, blocks, entities, relations, surface, story_of,
         ray_address: str | None = None, carried=None) -> Iterator[dict]:
    """The blocks as Ray tasks, the shared inputs put in the object store once; results come
    back in block order, with a bounded number of tasks in flight."""
    from collections import deque

    from .engines import ray_session
    with ray_session(ray_address) as ray:
        task = ray.remote(reconcile_block)
        docs_ref, ents_ref, rels_ref, surf_ref, story_ref, carried_ref = (
            ray.put(x) for x in (documents, entities, relations, surface, story_of, carried))
        limit = 2 * (int(ray.cluster_resources().get("CPU", 2)) or 2)
        pending: deque = deque()
        for ms in blocks:
            pending.append(task.remote(docs_ref, ms, ents_ref, rels_ref, surf_ref, story_ref, carried_ref))
            while len(pending) >= limit:
                yield ray.get(pending.popleft())
        while pending:
            yield ray.get(pending.popleft())


def _mover_events(events: list[dict], people: set[str]) -> list[dict]:
    """The events an itinerary can use: some person takes a moving role in them."""
    try:
        from .itinerary import MOVER_ROLES
    except ImportError:           # the itinerary module changed: keep every event with a person in it
        MOVER_ROLES = None
    return [ev for ev in events if any(p.get("entity") in people and (MOVER_ROLES is None or p.get("role") in
                                                                       MOVER_ROLES)
                                       for p in ev.get("participants") or [])]


def refresh_store(store, engine: str = "local", ray_address: str | None = None, full: bool = False) -> dict:
    """``_refresh_store`` with what it has read of the whole corpus (entities, documents, mentions) kept out of the
    garbage collector's full passes (``gc.freeze``, undone when it returns): each full pass walked every object
    of the heap, and a + 10 on 3,000 SaudiNewsNet articles spent 3.9 of its 20 CPU seconds in 15 of them. Reference
    counting frees what it frees as before; only cycles among the frozen objects wait for the end of the stage."""
    import gc
    try:
        return _refresh_store(store, engine, ray_address, full)
    finally:
        gc.unfreeze()


def _freeze() -> None:
    """The objects alive now out of the collector's passes until ``refresh_store`` returns (see there)."""
    if FREEZE:
        import gc
        gc.freeze()


FREEZE = True


def _refresh_store(store, engine: str = "local", ray_address: str | None = None, full: bool = False) -> dict:
    """Re-run the corpus stage over what ``store`` holds, block by block, and replace its corpus
    results (readers see the old ones until the new are complete). A part whose inputs are those
    of a part of the current results (same fingerprint, see ``fingerprints``) is carried over as
    stored, not reconciled again. Returns figures (parts, blocks, carried over, events, conflicts)
    and records them with what changed in the store's journal. ``full``: corpus-wide statistics
    recomputed (``story_index``), not kept as frozen at the last full run."""
    clock = _Clock()
    _freeze()                       # what the process holds before (modules, the knowledge base, the models)
    with store.snapshot():          # the corpus stage reads one consistent state
        state = store.corpus_state()
        writer = store.corpus_writer(state)
        texts: dict[str, str] = {}      # entity id -> its JSON text (those read back have their mentions as Spans)
        entities = _resolve(store, texts)
        clock("resolve")
        _freeze()
        writer.add("entities", entities, dump=lambda e: texts.get(e["id"]) or json.dumps(e, ensure_ascii=False))
        texts.clear()
        for e in entities:        # written: from here on read as spans (translations, itineraries) or counted
            if not isinstance(e.get("mentions"), Spans):
                e["mentions"] = Spans(e.get("mentions") or [])
        documents = store.documents()
        ms, paragraphs, memo_figures = _event_mentions(store, entities, documents)
        clock("event mentions")
        for d in documents:     # kept as arrays (``corpus.Paragraphs``), read as the dicts they replace
            d["paragraphs"] = paragraphs.pop(d["id"], [])
        src = store.corpus_base_generation()     # what the last stage wrote (beneath any corrections)
        old = store.corpus_blocks(src) if src is not None else {}
        old_docs = set(store.corpus_document_ids())
    clock("read documents")
    _freeze()
    versions = store.analysis_versions()
    story_of, story_figures = _stories(store, documents, writer, versions, full)
    clock("stories")
    parts, cut_from = cut_parts(ms.parts(story_of), ms.docs, {d["id"]: doc_day(d) for d in documents})
    clock("parts")
    relations, relation_figures = _relations(store, documents, entities, writer, versions, full)
    writer.add("relations", relations)
    clock("relations")
    ents = ms._ents       # the reconciler's entity index, built once for the steps that read it
    fps = fingerprints(([(ms.docs[i], ms.rows[i]) for i in ix] for ix in parts), documents, relations, entities,
                       ms.surface, story_of, ents=ents, compressed=True)
    clock("fingerprints")
    _freeze()
    # a block is "PART" (its part's fingerprint) or "PART/SUB" (and its sub-part's, ``reconcile.core.SubPart``)
    old_parts: dict[str, list[str]] = defaultdict(list)
    old_subs: dict[str, list[str]] = defaultdict(list)     # unit -> its stored events' ids
    old_tag: dict[str, str] = {}      # event id -> its block, for the units' events
    for b, ids in old.items():
        p, _, sub = b.partition("/")
        old_parts[p].append(b)
        if sub:
            old_subs[sub].extend(ids)
            old_tag.update((i, b) for i in ids)
    kept = sorted({b for fp in fps if fp in old_parts for b in old_parts[fp]})
    writer.reuse(kept, src, stored=old)
    clock("carry over")
    todo = [i for i, fp in enumerate(fps) if fp not in old_parts]
    # what a + k reconciles: the parts holding a new document's mention, and the others (whose inputs changed)
    fresh = set(d["id"] for d in documents) - old_docs if old else set()
    touched = [p for p in todo if any(ms.docs[i] in fresh for i in parts[p])] if fresh else []
    n_touched_mentions = sum(len(parts[p]) for p in touched)
    n_todo_mentions = sum(len(parts[p]) for p in todo)
    part_of = {ms.ids[i]: fps[p] for p in todo for i in parts[p]}
    blocks = [sorted(i for p in ix for i in parts[p])
              for ix in pack([[p] for p in todo], BLOCK_MENTIONS, parts, [cut_from[p] for p in todo])]
    largest_part = max(map(len, parts), default=0)
    n_parts, n_cut = len(parts), len({c for c in cut_from if c is not None})
    del parts
    ms.docs = []
    sizes = [len(b) for b in blocks]
    # a unit of two parts may be stored in part: one part carried over whole, the other reconciled alone;
    # the reconciler carries a unit over only when every event it makes of it is stored under it
    carried = {sub: tuple(sorted(ids)) for sub, ids in old_subs.items()} if SUBPARTS and None not in fps else None
    # decoded one block at a time; with sub-parts, each mention's part too (a sub-part of two is never carried)
    ordered = ([ms.get(i) for i in ix] if carried is None else
               ([ms.get(i) for i in ix], {ms.ids[i]: part_of[ms.ids[i]] for i in ix}) for ix in blocks)
    run = _ray(documents, ordered, entities, relations, ms.surface, story_of, ray_address, carried) \
        if engine == "ray" else _local(documents, ordered, entities, relations, ms.surface, story_of, carried, ents)
    people = {e["id"] for e in entities if e.get("type") == "person"}
    by_id = lambda _n, item: item["id"]      # noqa: E731 - listed by id, as the reconciler sorts them
    computed: list[str] = []
    sub_carried: list[str] = []
    pair_figures: dict[str, int] = {}
    for out in run:
        tag = _tags(out, part_of)
        if "subparts" in out and tag:
            for sub, ids in out["subparts"]:
                if sub is not None:
                    for e in ids:
                        tag[e] = f"{tag[e]}/{sub}"
            for c in out["conflicts"]:
                tag[c.get("id")] = tag.get(c.get("event"))
        if out.get("carried"):
            # each carried event's block of the last run, renamed after the part the event is in now
            renames = {(old_tag[eid], f"{part_of[first]}/{sub}") for sub, evs in out["carried"] for eid, first in evs}
            writer.reuse_renamed(renames, src)
            sub_carried.extend(sorted({b for b, _ in renames}))
        movers = {ev["id"] for ev in _mover_events(out["events"], people)}
        writer.add("events", out["events"], sort=by_id, block=lambda ev: tag.get(ev["id"]),
                   mover=lambda ev: ev["id"] in movers)
        writer.add("conflicts", out["conflicts"], sort=by_id, block=lambda c: tag.get(c.get("event")))
        computed.extend(ev["id"] for ev in out["events"])
        for k, v in (out.get("pairing") or {}).items():
            pair_figures[k] = pair_figures.get(k, 0) + v
    del ms, part_of, run, ordered     # the mentions (at 30k 224,661, 150 MB of JSON) before
    clock("reconcile")                # the itineraries read every mover event back
    try:     # a few people's events at a time, read back from the store (every one at once was the peak)
        from .itinerary import iter_itineraries
        memo = ItineraryMemo(entities, documents, ents) if ITINERARY_MEMO else None
        itineraries = iter_itineraries(memo.movers(writer.iter_movers(raw=True)) if memo else writer.iter_movers(),
                                       writer.events, entities, documents, memo=memo)
    except ImportError:
        itineraries, memo = iter([]), None
    from .timecheck import stay_conflicts_of
    stay_conflicts: list[dict] = []
    n_itins = writer.add("itineraries", stay_conflicts_of(itineraries, stay_conflicts))
    # the time check's contradictions on a stay told with its duration (timecheck._stay_conflict) are
    # conflicts like the reconciler's, so reviewers can confirm or reject them; made again every run
    # from the itineraries (no block: never carried over)
    writer.add("conflicts", stay_conflicts, sort=lambda _n, c: c["id"])
    clock("itineraries")
    old_ids = {i for ids in old.values() for i in ids}
    new_ids = {i for b in kept + sub_carried for i in old[b]} | set(computed)
    doc_ids = [d["id"] for d in documents]
    figures = {"documents": len(doc_ids), "parts": n_parts, "largest_part_mentions": largest_part,
               "parts_cut": n_cut, "parts_carried_over": sum(1 for fp in fps if fp in old_parts),
               "parts_reconciled": len(todo), "subparts_carried_over": len(sub_carried),
               "mentions_reconciled": n_todo_mentions, "parts_new_doc": len(touched),
               "parts_new_doc_mentions": n_touched_mentions,
               "blocks": len(sizes), "largest_block_mentions": max(sizes, default=0),
               "events": len(new_ids), "events_reconciled": len(computed),
               "itineraries": n_itins, "itineraries_carried_over": memo.n_carried if memo is not None else 0,
               **pair_figures, **memo_figures, **story_figures, **relation_figures}
    writer.journal({**figures,
                    "documents_added": sorted(set(doc_ids) - old_docs),
                    "documents_removed": sorted(old_docs - set(doc_ids)),
                    "events_added": sorted(new_ids - old_ids), "events_removed": sorted(old_ids - new_ids),
                    "events_rewritten": sorted(set(computed) & old_ids)},
                   doc_ids)
    writer.commit()
    clock("commit")
    figures["seconds"], figures["cpu_seconds"] = clock.seconds, clock.cpu
    return figures


ITINERARY_MEMO = True     # a person's itinerary made before from the same inputs is carried over (ItineraryMemo)
ITINERARY_VERSION = 3     # what ItineraryMemo keys and holds (2: the starts asked, records less their mentions;
#                           3: up to ITINERARY_VARIANTS itineraries per entry)
ITINERARY_VARIANTS = 4    # itineraries kept per person's events, each with what it read


class ItineraryMemo:
    """Each person's itinerary (``itinerary.iter_itineraries``) cached on disk (``riwaya.cache``), keyed by the
    stored texts of the person's mover events in their order, and checked against what building it reads
    beyond them: every entity any string of those events names (by id, or by name as the reconciler looks
    names up; its record less what nothing there reads, ``_UNREAD_FIELDS``), where the build asked where an
    entity is named in a document (``itinerary._MentionStarts``, logged per person: those starts, not the
    entity's every mention, which each new document naming a capital or a king changes) and every
    document they cite (its metadata, text, paragraphs and outlet's entity). Only people whose events, or
    what those name, changed are made again: at nothing new, none. The corpus stage's version is in the key."""

    def __init__(self, entities: list[dict], documents: list[dict], ents=None):
        from .cache import KeyValue
        from .corpus import CORPUS_VERSION
        from .reconcile.core import Entities
        self.kv = KeyValue("itineraries")
        self.tag = f"it{ITINERARY_VERSION}:{CORPUS_VERSION}:"
        self.entities, self.docs = entities, {d["id"]: d for d in documents}
        self._ents = ents           # the reconciler's entity index of these entities, when built already
        self._index = Entities
        self.hashes: dict = {}          # event key -> hash of its stored text
        self.records: dict[str, str] = {}
        self.looked: dict[str, tuple] = {}
        self.starts: dict[str, dict] = {}
        # whether any entity has a mention (``_MentionStarts`` is then strict about who a fate is told of)
        self.any = any(len(e.get("mentions") or []) for e in entities)
        self.keys: dict[str, str] = {}  # person -> the key of their events
        self.n_carried = 0
        self.old: dict[str, list] = {}  # person -> the variants their entry held, for those not carried over
        self.new: dict[str, str] = {}

    @property
    def ents(self):
        if self._ents is None:
            self._ents = self._index(self.entities)
        return self._ents

    def movers(self, rows):
        """``CorpusWriter.iter_movers(raw=True)`` as ``iter_itineraries`` reads it, each text hashed on the way."""
        import hashlib
        for key, ev, text in rows:
            self.hashes[key] = hashlib.sha1(text.encode("utf-8")).digest()
            yield key, ev

    def _key(self, pid: str, refs: list) -> str:
        import hashlib
        h = hashlib.sha1((self.tag + pid).encode("utf-8"))
        for r in refs:
            h.update(self.hashes[r])
        return "i:" + h.hexdigest()

    def _record(self, eid: str) -> str:
        if eid not in self.records:
            import hashlib
            e = self.ents.by_id[eid]
            h = hashlib.sha1(json.dumps({k: v for k, v in e.items() if k not in _UNREAD_FIELDS}, sort_keys=True,
                                        ensure_ascii=False, default=str).encode("utf-8"))
            self.records[eid] = h.hexdigest()[:20]
        return self.records[eid]

    def _starts(self, doc, eid):
        """Where entity ``eid`` is named in ``doc`` (its mentions' starts, in their order), as
        ``itinerary._MentionStarts`` gives them; None when nowhere."""
        per_doc = self.starts.get(eid)
        if per_doc is None:
            per_doc = self.starts[eid] = {}
            for m in (self.ents.by_id.get(eid) or {}).get("mentions") or []:
                per_doc.setdefault(m.get("doc"), []).append(m.get("start", 0))
        return per_doc.get(doc)

    @staticmethod
    def logged(mentions):
        """``itinerary._MentionStarts`` with the (document, entity) pairs one build asks logged."""
        return _AskedStarts(mentions)

    def _look(self, x: str) -> tuple:
        """What one string of a person's events gives building the itinerary: the entities it names, the
        document it is (and that document's outlet's entity)."""
        r = self.looked.get(x)
        if r is not None:
            return r
        ents, out = self.ents, []
        ys = [x] + ([x.split(":", 1)[1]] if x.startswith(("raw:", "name:")) else [])
        if x in self.docs:
            d = self.docs[x]
            ys.append(d.get("outlet") or "")
            out.append(("d", _digest([{k: v for k, v in d.items() if k != "paragraphs"},
                                      list(d.get("paragraphs") or [])])))
        for y in ys:
            if not y:
                continue
            if y in ents.by_id:
                out.append(("i", y, self._record(y)))
            hit = ents.by_name.get(ents._norm(y))
            if hit:
                out.append(("n", y, hit, self._record(hit)))
        r = self.looked[x] = tuple(out)
        return r

    def _context(self, strings, asked) -> str:
        return _digest([[[x, r] for x in sorted(strings) if (r := self._look(x))],
                        [[d, e, self._starts(d, e)] for d, e in asked], self.any])

    def carried(self, order: list[str], per_person: dict[str, list]) -> dict[str, str]:
        """Person -> their itinerary's JSON text, for those whose inputs are those of an itinerary made before.
        An entry holds the last ``ITINERARY_VARIANTS`` itineraries made from the same events, each with what
        it read (one store growing, another cut from it, sharing the cache: each its own)."""
        self.keys = {pid: self._key(pid, per_person[pid]) for pid in order}
        hit = self.kv.get_many(sorted(set(self.keys.values())))
        out = {}
        for pid, k in self.keys.items():
            v = hit.get(k)
            if v is None:
                continue
            try:
                strings, variants = json.loads(v)
                if not (isinstance(strings, list) and set(map(type, strings)) <= {str}):
                    continue
                self.old[pid] = variants
                for asked, context, text in variants:
                    if isinstance(text, str) and self._context(strings, [tuple(a) for a in asked]) == context:
                        out[pid] = text
                        break
            except (ValueError, TypeError, AttributeError):
                pass                  # a damaged entry is a miss, as every cache error is
        self.n_carried = len(out)
        return out

    @staticmethod
    def strings(events: list[dict]) -> set[str]:
        """Every string of a person's events (as their stored texts hold them)."""
        strings: set[str] = set()
        for ev in events:
            strings |= _json_strings(json.dumps(ev, ensure_ascii=False))
        return strings

    def made(self, pid: str, strings: set[str], itinerary: dict, asked=()) -> None:
        k = self.keys.get(pid)
        if k is None:
            return
        strings = strings | {pid}
        asked = sorted(asked, key=repr)
        text = json.dumps(itinerary, ensure_ascii=False)
        context = self._context(strings, asked)
        variants = [[asked, context, text]] + [x for x in self.old.get(pid) or []
                                               if isinstance(x, list) and len(x) == 3 and x[1] != context]
        self.new[k] = json.dumps([sorted(strings), variants[:ITINERARY_VARIANTS]], ensure_ascii=False)

    def save(self) -> None:
        self.kv.put_many(self.new)
        self.new = {}


class _AskedStarts:
    """``itinerary._MentionStarts`` as one person's build reads it: each (document, entity) asked, logged."""

    def __init__(self, mentions):
        self.mentions, self.keys = mentions, set()

    def __bool__(self) -> bool:
        return bool(self.mentions)

    def get(self, key: tuple, default=None):
        self.keys.add(key)
        return self.mentions.get(key, default)


MEMO_MAX_MADE = 200      # documents to make again above which every analysis is streamed, not read one by one
MEMO_BATCH = 500         # documents' made event mentions written to the store at a time


def _event_mentions(store, entities: list[dict], documents: list[dict]) -> tuple[Mentions, dict, dict]:
    """Every document's event mentions, in document order, with their labels (``Mentions``), and
    each document's paragraphs (``corpus.Paragraphs``). What a document gave last time is reused (``corpus_docs`` in the
    store) when its key is the same (its analysis's version, its metadata, where the resolved
    entities are named in it: ``_memo_key``) and every look-up it made in the entity index gives
    what it gave then (``_Recorder``); the rest are made again from their analyses and stored."""
    from . import corpus
    idx = corpus.MentionIndex(entities)
    by_kb = {e["kb_id"]: e["id"] for e in entities if e.get("kb_id")}
    ms, paragraphs, made = Mentions(entities), {}, {}
    n_made = 0          # of them written already
    versions = store.analysis_versions()
    meta = {d["id"]: d for d in documents}
    version = _memo_version()
    keys = {doc: _memo_key(version, doc, v, meta.get(doc), idx.by_doc.get(doc)) for doc, v in versions.items()}
    stored = store.doc_memo_keys() if ms._ents is not None else {}
    todo = {d for d in keys if stored.get(d) != keys[d]}

    def make(doc, a):
        rec = _Recorder(ms._ents, by_kb) if ms._ents is not None else None
        rows, ids, labels = [], [], []
        for m in corpus.doc_event_mentions(doc, a, idx, rec.by_kb if rec else by_kb):
            _row, lab = ms.add(m, rec)
            rows.append(base64.b64encode(ms.rows[-1]).decode("ascii"))     # stored as the stage keeps it
            ids.append(m["id"])
            labels.append(lab)
        paras = a.get("paragraphs", [])
        paragraphs[doc] = corpus.Paragraphs(paras)     # compact at once: every document's dicts were held to the end
        if rec is not None:
            log = rec.log()
            if not rec.unsafe:
                made[doc] = (keys[doc], json.dumps({"z": rows, "ids": ids, "labels": labels,
                                                    "paragraphs": paras, **log}, ensure_ascii=False))
                if len(made) >= MEMO_BATCH:    # written as made: a first run held every document's
                    write(last=False)          # (48 MB of JSON at 7.8k documents) until the end

    def write(last: bool) -> None:
        nonlocal n_made
        n_made += len(made)
        store.put_doc_memos(made, prune=last)     # the last rows prune those of documents no longer stored
        made.clear()

    def reuse(doc, data) -> bool:
        try:
            memo = json.loads(data)
            if not _Recorder.holds(memo, ms._ents, by_kb):
                return False
            # compressed rows as stored (base64): neither JSON text to unescape nor compressing again
            zs = [base64.b64decode(z, validate=True) for z in memo["z"]]
            if not len(zs) == len(memo["ids"]) == len(memo["labels"]):
                return False
        except (ValueError, KeyError, TypeError):
            return False          # a damaged or older row: made again
        for k, v in memo["s"]:
            ms.surface.setdefault(k, v)
        for z, mid, lab in zip(zs, memo["ids"], memo["labels"]):
            kinds, routes, keys = lab
            ms.add_labelled(z, mid, doc, ([_flat(k) for k in kinds], [_flat(r) for r in routes], _flat(keys)),
                            compressed=True)
        paragraphs[doc] = corpus.Paragraphs(memo["paragraphs"])
        return True
    memos = ((d, data) for d, k, data in store.iter_doc_memos() if d in keys and d not in todo)
    nxt = next(memos, None)
    if len(todo) > MEMO_MAX_MADE:       # many (a first run): every analysis streamed, those reused not parsed
        texts = store.iter_analyses(ordered=True, parse=False)
    else:                               # a few: read one by one
        texts = ((d, None) for d in sorted(keys))
    for doc, text in texts:
        if nxt is not None and nxt[0] < doc:
            nxt = next((x for x in memos if x[0] >= doc), None)
        if nxt is not None and nxt[0] == doc:
            data, nxt = nxt[1], next(memos, None)
            if reuse(doc, data):
                continue
        a = json.loads(text) if text is not None else store.analyses_of([doc]).get(doc, {})
        make(doc, a)
    write(last=True)
    return ms, paragraphs, {"documents_made": n_made if ms._ents is not None else len(keys),
                            "documents_reused": len(keys) - n_made if ms._ents is not None else 0}


MEMO_VERSION = 2     # what a document's stored event mentions hold (2: each mention's row zlib-compressed, base64)


def _memo_version() -> str:
    """The code and data a document's event mentions and their labels are made with."""
    from .corpus import CORPUS_VERSION
    from .fingerprint import code_fingerprint
    return f"{MEMO_VERSION}:{CORPUS_VERSION}:" + code_fingerprint(
        ["blocks.py", "event_schema.py", "data/events/schema.yaml", "timex", "data/timex"])


def _memo_key(version: str, doc: str, analysis_version: str, meta: dict | None, named: list | None) -> str:
    import hashlib
    m = {k: v for k, v in (meta or {}).items() if k not in ("text", "paragraphs", "seq")}
    payload = json.dumps([version, doc, analysis_version, m, named or []], sort_keys=True, ensure_ascii=False,
                         default=str)
    return hashlib.sha1(payload.encode("utf-8")).hexdigest()


def _flat(x: list) -> tuple:
    """``_tuples`` of a list, at once when it holds no list (labels are flat: strings)."""
    return tuple(x) if list not in map(type, x) else _tuples(x)


def _tuples(x):
    """A value read back from JSON with its lists as the tuples they were (labels are union-find keys)."""
    return tuple(_tuples(v) for v in x) if isinstance(x, list) else x


class _Look:
    """A dict as one document's mentions read it: each key asked, and what was found, logged."""

    def __init__(self, d: dict):
        self.d, self.has, self.got = d, {}, {}

    def __contains__(self, k) -> bool:
        r = self.has[k] = k in self.d
        return r

    def get(self, k, default=None):
        r = self.got[k] = self.d.get(k)
        return default if r is None else r


class _Surface:
    """The first-written surface of unresolved values, its ``setdefault`` calls logged in order."""

    def __init__(self, d: dict):
        self.d, self.sets = d, {}

    def setdefault(self, k, v):
        self.sets.setdefault(k, v)
        return self.d.setdefault(k, v)


class _Recorder:
    """The reconciler's entity index (``reconcile.core.Entities``) and the KB-id index as one
    document's event mentions read them: what that document's stored mentions depend on. Reading
    anything else (the reconciler changed) marks it ``unsafe``: then nothing is stored."""

    def __init__(self, ents, by_kb: dict):
        self._ents = ents
        self.by_id, self.by_name, self.by_kb = _Look(ents.by_id), _Look(ents.by_name), _Look(by_kb)
        self.surface = _Surface(ents.surface)
        self.unsafe = False

    def _norm(self, n: str) -> str:
        return self._ents._norm(n)

    def __getattr__(self, name):
        self.__dict__["unsafe"] = True
        return getattr(self.__dict__["_ents"], name)

    def log(self) -> dict:
        if self.by_id.got:          # an entity's record read (not only whether it exists): not logged
            self.unsafe = True
        return {"i": list(map(list, self.by_id.has.items())),
                "n": list(map(list, self.by_name.got.items())), "nh": list(map(list, self.by_name.has.items())),
                "kb": list(map(list, self.by_kb.got.items())), "kbh": list(map(list, self.by_kb.has.items())),
                "s": list(map(list, self.surface.sets.items()))}

    @staticmethod
    def holds(memo: dict, ents, by_kb: dict) -> bool:
        """Does every look-up a stored document made give what it gave then?"""
        return (all((k in ents.by_id) == v for k, v in memo["i"])
                and all(ents.by_name.get(k) == v for k, v in memo["n"])
                and all((k in ents.by_name) == v for k, v in memo["nh"])
                and all(by_kb.get(k) == v for k, v in memo["kb"])
                and all((k in by_kb) == v for k, v in memo["kbh"]))


def _resolve(store, texts: dict | None = None) -> list[dict]:
    """The entities of every stored document, the resolver's step within a document reused from
    the cache for documents whose mentions it has seen (``resolve.InDocMemo``), and each entity made
    before from the same content read back (``resolve.EntityMemo``: ``texts`` gets their JSON texts, by id,
    and their mentions are ``Spans``)."""
    from . import corpus
    docs, keys = {}, {}
    for doc, ms, key in _doc_mentions(store):
        keys[doc] = key
        docs[doc] = [corpus._mention(m) for m in ms]
    if texts is None:
        return corpus.resolve_mentions(docs, keys)
    return corpus.resolve_mentions(docs, keys, Spans.of, texts)


MENTIONS_BATCH = 500      # analyses read (as text) between two look-ups in the cache


def _doc_mentions(store) -> Iterator[tuple[str, list, str]]:
    """(document, its entity mentions, their ``corpus.mentions_key``), streamed. An analysis seen
    before (its text's hash in the cache, ``riwaya.cache``) gives them from there: parsing every
    whole analysis and keying its mentions was most of the time resolution spent outside the resolver."""
    import hashlib
    from . import corpus
    from .cache import KeyValue
    kv = KeyValue("mentions")
    batch: list[tuple[str, str, str]] = []

    def flush():
        hit = kv.get_many(sorted({k for _, k, _ in batch}))
        new = {}
        for doc, k, text in batch:
            try:
                key, ms = json.loads(hit[k])
                if isinstance(key, str) and isinstance(ms, list):
                    yield doc, ms, key
                    continue
            except (KeyError, ValueError, TypeError):
                pass                  # not seen, or a damaged entry: a miss, as every cache error is
            ms = json.loads(text).get("mentions", [])
            key = corpus.mentions_key(ms)
            new[k] = json.dumps([key, ms], ensure_ascii=False)
            yield doc, ms, key
        kv.put_many(new)
    for doc, text in store.iter_analyses(parse=False):
        batch.append((doc, "m1:" + hashlib.sha1(text.encode("utf-8")).hexdigest(), text))
        if len(batch) >= MENTIONS_BATCH:
            yield from flush()
            batch = []
    yield from flush()


def _load_stat(store, name: str) -> dict | None:
    """A statistic the last stage stored (``Store.corpus_stat``), None when none or damaged."""
    try:
        v = json.loads(store.corpus_stat(name) or "null")
        return v if isinstance(v, dict) else None
    except ValueError:
        return None               # damaged: recomputed (a full run)


COPIES_STATE = "stats:copies"


def _relations(store, documents: list[dict], entities: list[dict], writer, versions: dict[str, str],
               full: bool = False) -> tuple[list[dict], dict]:
    """The relations between documents (``find_relations``: translations inside each document, then
    copies; then the translations between documents). Copies from the stored state of the last run
    (``relations.copies_incremental``: only pairs with a new document verified; exact)."""
    from .reconcile.relations import align_translation, copies_incremental
    from .reconcile.translations import document_translations
    rels = []
    for d in sorted(documents, key=lambda d: d["id"]):
        rels.extend(align_translation(d))
    copies, state, figures = copies_incremental(documents, versions, _load_stat(store, COPIES_STATE), full)
    writer.stat(COPIES_STATE, json.dumps(state, ensure_ascii=False))
    return rels + copies + document_translations(documents, entities), figures


def _stories(store, documents: list[dict], writer, versions: dict[str, str],
             full: bool = False) -> tuple[dict[str, int], dict]:
    """Each document's story, over the whole corpus, once, with the statistics frozen at the last
    full run (``story_index``: a new document is compared with those that share its keys), stored
    with the results; and figures."""
    try:
        from . import story_index
    except ImportError:           # pragma: no cover - depends on the reconciler's internals
        return {}, {}

    frozen = _load_stat(store, story_index.STATS_FROZEN)
    since = _load_stat(store, story_index.STATS_SINCE) if frozen else None
    story_of, frozen_new, since_new, figures = story_index.stories(documents, versions, frozen, since, full)
    if frozen_new is not None:
        writer.stat(story_index.STATS_FROZEN, json.dumps(frozen_new, ensure_ascii=False))
    writer.stat(story_index.STATS_SINCE, json.dumps(since_new, ensure_ascii=False))
    return story_of, figures


class _Clock:
    """Seconds per step of the corpus stage, in order: wall clock, and this process's CPU time
    (``cpu``: what a step costs when other work shares the machine)."""

    def __init__(self):
        import time
        self.now, self.cpu_now = time.perf_counter, time.process_time
        self.t, self.c, self.seconds, self.cpu = self.now(), self.cpu_now(), {}, {}

    def __call__(self, step: str) -> None:
        t, c = self.now(), self.cpu_now()
        self.seconds[step] = round(self.seconds.get(step, 0) + t - self.t, 2)
        self.cpu[step] = round(self.cpu.get(step, 0) + c - self.c, 2)
        self.t, self.c = t, c


def _tags(out: dict, part_of: dict[str, str | None]) -> dict[str, str | None]:
    """Event or conflict id -> the part (fingerprint) it came from, by its evidence's mentions; all
    None when one cannot be told (then none of this block is carried over next time)."""
    tag: dict[str, str | None] = {}
    for ev in out["events"]:
        fps = {part_of.get(e.get("mention")) for e in ev.get("evidence") or []}
        tag[ev["id"]] = fps.pop() if len(fps) == 1 else None
    for c in out["conflicts"]:
        tag[c.get("id")] = tag.get(c.get("event"))
    if None in tag.values() or any(c.get("event") not in tag for c in out["conflicts"]):
        return {}
    return tag


def fingerprints(parts: Iterable[list[tuple[str, bytes]]], documents: list[dict], relations: list[dict],
                 entities: list[dict], surface: dict[str, str], story_of: dict[str, int] | None = None,
                 ents=None, compressed: bool = False) -> list[str | None]:
    """A part's fingerprint: a hash of everything reconciling it reads. Its mentions (each as its
    document and its JSON text, read as text: hashed, and searched for the strings it holds); for its documents,
    their metadata, their account, their relations and their story (by its documents, not its
    number, which other documents shift); every entity any string of its mentions or
    outlets names (by id, or by name as the reconciler looks names up), with how many mentions it
    has up to two; and how its unresolved values were first written. The corpus stage's version
    too. None for every part when the reconciler's helpers are missing (nothing carried over). The
    parts one at a time. ``compressed``: each text as ``Mentions.rows`` keeps it (zlib), hashed as it
    is (the same text compresses to the same bytes) and decompressed only to find the strings of a
    part the cache has not seen."""
    import hashlib
    import json
    from .corpus import CORPUS_VERSION
    try:
        from .reconcile.core import Entities, _accounts, _houses, actor_names_within, agent_gap_names
        from .reconcile.text import config as _rconfig
    except ImportError:           # pragma: no cover - depends on the reconciler's internals
        return [None for _ in parts]
    ents = ents if ents is not None else Entities(entities)     # ``ents``: that index, already built
    account = _accounts(documents, relations)
    # the account without chaining too, where the reconciler reads it (independence.unchained_accounts)
    house = _houses(documents, relations) if _rconfig()["independence"].get("unchained_accounts") else {}
    docs = {d["id"]: d for d in documents}
    rels: dict[str, list] = defaultdict(list)
    for r in relations:
        for d in r.get("docs") or [r.get("doc")]:
            rels[d].append(r)
    stories = story_of or {}
    named_in = ents.actors_by_doc()
    doc_hash: dict[str, str] = {}
    records: dict[str, str] = {}

    def record(eid):
        # an entity as the reconciler reads it, hashed once for every part that uses it
        if eid not in records:
            e = ents.by_id[eid]
            records[eid] = _digest({**{k: v for k, v in e.items() if k not in _UNREAD_FIELDS},
                                    "mentions": min(len(e.get("mentions") or []), 2)})
        return records[eid]

    def context(d):
        # a document's metadata, account and relations, hashed once for every part it is in
        if d not in doc_hash:
            meta = {k: (docs.get(d) or {}).get(k) for k in ("outlet", "published", "title", "url", "language", "seq")}
            # the crawl day: a count's sides without a publication day are told apart by it (side_judge)
            meta["retrieved"] = ((docs.get(d) or {}).get("meta") or {}).get("retrieved")
            doc_hash[d] = _digest([account.get(d), meta, rels.get(d, [])] + ([house.get(d)] if house else []))
        return doc_hash[d]
    looked: dict[str, tuple] = {}

    def look(x):
        # what one string of a part names (entities by id and by name, a first spelling, the names within an
        # unresolved value), found once for every part it is in (the same strings recur in many parts), and
        # whether it is an unresolved value: (used, names, surf, raw), or ``_NOTHING`` (most strings)
        if x.startswith(_GAP):
            # a name between an agent and its trigger (``agent_gap_names``): which entity it is, if any
            hit = ents.by_name.get(ents._norm(x[len(_GAP):]))
            r = looked[x] = (((hit, record(hit)),), ((x, hit),), (), False) if hit else _NOTHING
            return r
        key, (used, names, surf) = x, ({}, {}, {})
        # a string the reconciler looks up by name (``_VAL``: a value it makes canonical, a voice's name, an
        # outlet; see ``value_strings``) or a stored unresolved value (``raw:``, ``name:``): its entity by id and
        # by name, its first spelling and the names within it; any other string (a trigger, a type, a time's
        # words, a hedge) only as an entity's id, since the reconciler reads nothing else of it
        value = x.startswith(_VAL)
        if value:
            x = x[len(_VAL):]
        elif not x.startswith(("raw:", "name:")):
            r = looked[key] = (((x, record(x)),), (), (), False) if x in ents.by_id else _NOTHING
            return r
        for y in {x, x.split(":", 1)[1] if x.startswith(("raw:", "name:")) else x}:
            if y in ents.by_id:
                used[y] = record(y)
            n = ents._norm(y)
            hit = ents.by_name.get(n)
            if hit:
                names[y] = hit
                used[hit] = record(hit)
            if "raw:" + n in surface:
                surf["raw:" + n] = surface["raw:" + n]
                # an unresolved value: the named ones inside it (reconcile.core._link_actors)
                within = sorted(actor_names_within(n, ents))
                if within:
                    names["within:" + n] = within
                    used.update((w, record(w)) for w in within)
        raw = x.startswith("raw:")
        r = looked[key] = (tuple(used.items()), tuple(names.items()), tuple(surf.items()), raw) \
            if used or names or surf or raw else _NOTHING
        return r
    out = []

    def gaps(row: str) -> set[str]:
        # the names the reconciler looks up among all the entities' names for a mention (as text), and the
        # strings it looks up by name (``value_strings``)
        m = json.loads(row)
        return {_GAP + x for x in agent_gap_names(m, (docs.get(m.get("doc")) or {}).get("text") or "")} \
            | {_VAL + x for x in value_strings(m)}
    for digest, dids, strings in _hashed(parts, compressed, gaps):
        strings.update(_VAL + docs[d]["outlet"] for d in dids if d in docs and docs[d].get("outlet"))
        used, names, surf = {}, {}, {}
        raw = False
        for x in strings:         # in any order: each key is given the same value by every string that gives it
            r = looked.get(x) or look(x)
            if r is not _NOTHING:
                used.update(r[0])
                names.update(r[1])
                surf.update(r[2])
                raw = raw or r[3]
        # an unresolved participant may be any person or organisation its document names
        # (``reconcile.core._link_actors``, from the entities' mentions): those, as records, for such a part
        actors = {d: [[x, record(x)] for x in sorted(named_in.get(d, ()))] for d in dids} if raw else None
        payload = json.dumps([FINGERPRINT_VERSION, CORPUS_VERSION, digest, {d: context(d) for d in dids}, used,
                              names, surf, story_partition(dids, stories), actors], sort_keys=True,
                             ensure_ascii=False, default=str)
        out.append(hashlib.sha1(payload.encode("utf-8")).hexdigest()[:24])
    return out


_NOTHING = ((), (), (), False)     # a string that names nothing (most of them), one tuple for all
_GAP = "\x00gap:"      # a part's strings: a name between an agent and its trigger (``agent_gap_names``)
_VAL = "\x00val:"      # a part's strings: one the reconciler looks up by name (``value_strings``)

# a mention's fields whose values the reconciler makes canonical (``reconcile.core._canonical``: origin,
# destination, place, via, participants; ``context_values``: continued_companions) or shows as first written
# (``_as_written``: means too)
VALUE_FIELDS = ("origin", "destination", "place", "means", "via", "participants", "continued_companions")


def value_strings(m: dict) -> set[str]:
    """The strings of a mention that reconciling it looks up by name: every string under its ``VALUE_FIELDS``
    (``reconcile.core._canonical``: an entity by id, else by name, else a first spelling, ``surface``;
    ``_link_actors``: the names within an unresolved participant; ``Entities.label``, ``_as_written`` and
    ``narrative``: the first spelling) and the names of its attribution's voices (``upstream_key``,
    ``conflicts.chain_key``: ``Entities.resolve_name``). Its documents' outlets are added per part, the
    names between an agent and its trigger are ``_GAP`` strings. Every other string of a mention (its
    trigger, type, class, polarity, its times' words, a hedge) is read as itself, never looked up by name or
    first spelling: a part's fingerprint reads those only as entity ids (a first spelling of a trigger word
    that a new document wrote as a participant, or a common word that changed entity, changed the
    fingerprints of parts whose mentions held it only as a trigger; scale23 at 3k: 41 parts, 2,372 mentions,
    by the first spelling alone)."""
    out: set[str] = set()

    def walk(x):
        if isinstance(x, str):
            out.add(x)
        elif isinstance(x, dict):
            for v in x.values():
                walk(v)
        elif isinstance(x, (list, tuple)):
            for v in x:
                walk(v)
    for f in VALUE_FIELDS:
        walk(m.get(f))
    for link in ((m.get("attribution") or {}).get("chain") or ()):
        if isinstance(link, dict) and isinstance(link.get("name"), str):
            out.add(link["name"])
    return out


FINGERPRINT_VERSION = 8     # what a fingerprint hashes (1: contexts and entities in full, in every part;
#                             2: the mentions parsed and dumped again, not their stored texts;
#                             3: the texts, not as the stage keeps them, compressed;
#                             4: each document's whole story, its every member, not the part's partition,
#                             and each entity's roles, which the reconciler does not read;
#                             5: not the people and organisations named in the documents of a part with an
#                             unresolved participant, which ``_link_actors`` reads;
#                             6: not the names between an agent and its trigger, which ``_own_agent_read`` looks
#                             up among every entity's names;
#                             7: every string of a part looked up by name and first spelling, not only those
#                             the reconciler looks up so, ``value_strings``)


# an entity's fields the reconciler never reads (``reconcile``: ``Entities``, the conflicts' and values' checks
# read its type, names, aliases, KB id, coordinates and attributes, and whether it has two mentions): a new
# document that gives a known person a new title (``roles``, with the document it was read in) changed the
# fingerprint of every part that names them (270 of the 361 parts a + 10 reconciled at 7.6k: one king)
_UNREAD_FIELDS = frozenset({"mentions", "roles"})


def story_partition(dids: list[str], story_of: dict[str, int]) -> list[list[str]]:
    """The part's documents grouped by story, the documents without one alone: all that the reconciler reads
    of the stories (``reconcile.core``: a mention's story is compared with another's, for equality, in its
    blocking keys and the pair features; its number and the story's other members are never read). A new
    document that joins a story of 200 documents changes this for the parts it is in, not for every part of
    those 200 documents (hashing each story's member list did: 27 of the 361 parts a + 10 reconciled at 7.6k)."""
    groups: dict = {}
    for d in sorted(dids):
        n = story_of.get(d)
        groups.setdefault(("s", n) if n is not None else ("d", d), []).append(d)
    return sorted(groups.values())


PART_BATCH_MENTIONS = 20000     # mention texts held at once while their parts' strings are looked up


def _hashed(parts: Iterable[list[tuple[str, bytes]]], compressed: bool = False, gaps=None
            ) -> Iterator[tuple[str, list[str], set[str]]]:
    """Per part, in order: the hash of its mention texts, its documents, and the strings in those
    texts (``_part_strings``: from the cache for a part seen before; finding them in every
    mention's text was most of the fingerprints' time). A batch of parts' texts held at a time.
    ``gaps(text)``: more strings of a mention's text, read with its document (see ``_part_strings``)."""
    import hashlib
    batch: list = []
    n = 0

    def flush():
        found = _part_strings({k: part for k, _, part in batch}, compressed, gaps)
        for k, dids, _ in batch:
            yield k, dids, found[k]
    for part in parts:
        h = hashlib.sha1()
        for _doc, row in part:
            h.update((row if isinstance(row, bytes) else row.encode("utf-8")) + b"\n")
        batch.append((h.hexdigest(), sorted({d for d, _ in part}), part))
        n += len(part)
        if n >= PART_BATCH_MENTIONS:
            yield from flush()
            batch, n = [], 0
    yield from flush()


def _part_strings(parts: dict[str, list], compressed: bool = False, gaps=None) -> dict[str, set[str]]:
    """Hash of a part's mention texts -> every string value in them (``_json_strings``), and with
    ``gaps`` what ``gaps(text)`` gives for each text (the names between its agents and its trigger, read
    in its document's text: a function of the mention's text too, since a document's id is the hash of its
    text), from the on-disk cache (``riwaya.cache``: derived from the texts alone) or found and cached.
    ``compressed``: texts (and the hashes) as zlib keeps them."""
    from .cache import KeyValue
    kv = KeyValue("parts")
    # "str1": what _json_strings finds (a change to it must change this tag); "z": hashes of compressed texts;
    # "g2": with the names of agent_gap_names (a change to what it reads must change this tag)
    # "g3": and the strings of ``value_strings``
    tag = ("str1z:" if compressed else "str1:") if gaps is None else ("str1g3z:" if compressed else "str1g3:")
    hit = kv.get_many([tag + k for k in sorted(parts)])
    out: dict[str, set[str]] = {}
    new: dict[str, str] = {}
    for k, part in parts.items():
        v = hit.get(tag + k)
        if v is not None:
            try:
                xs = json.loads(v)
                if isinstance(xs, list) and set(map(type, xs)) <= {str}:
                    out[k] = set(xs)
                    continue
            except ValueError:
                pass                  # a damaged entry is a miss, as every cache error is
        strings: set[str] = set()
        for _doc, row in part:
            row = zlib.decompress(row) if compressed else row
            row = row.decode("utf-8") if isinstance(row, bytes) else row
            strings |= _json_strings(row)
            if gaps is not None:
                strings |= gaps(row)
        out[k] = strings
        new[tag + k] = json.dumps(sorted(strings), ensure_ascii=False)
    kv.put_many(new)
    return out


def _digest(x) -> str:
    import hashlib
    return hashlib.sha1(json.dumps(x, sort_keys=True, ensure_ascii=False, default=str).encode("utf-8")).hexdigest()[:20]


_JSON_STRING = re.compile(r'"([^"\\]*(?:\\.[^"\\]*)*)"(:?)')      # a key: followed by its colon


def _json_strings(text: str) -> set[str]:
    """Every string value of a JSON text (written with ``json.dumps``' separators), as a walk over the
    parsed value finds them, read from the text (a regular expression, not a walk over the value)."""
    return {json.loads(f'"{x}"') if "\\" in x else x for x, key in _JSON_STRING.findall(text) if not key}
