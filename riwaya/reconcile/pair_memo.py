"""The pairing memo of the corpus stage (issue 20, ``inc28``; its own module since ``idx29``): a part reconciled
again whose pairing inputs are unchanged has its sub-parts' clusters read back from the on-disk cache ``pairs``
instead of its candidate pairs being scored and merged again. ``PairMemo`` (the memo), its key (``PairMemo._key``:
the part's canonical mentions and features, the call's kinds, the config and pair model) and the logged view of the
entities that the place test reads through (``_LoggedEnts``, ``field_digest``). The reconciler (``core.reconcile``,
``pairing=``) calls ``PairMemo.units``; ``blocks.reconcile_block`` makes one per call when ``blocks.PAIR_MEMO``."""
from __future__ import annotations

import hashlib
import json
from collections import defaultdict

from . import core as _core     # its functions looked up when called, so a patched one (tests) is the one used

_IN, _TRUTH = "\x00in", "\x00truth"      # a read of an entity's presence, of its record's truth


class _LoggedRecord:
    """An entity's record as the place test reads it, every field read logged (id, field)."""
    __slots__ = ("_e", "_id", "_log")

    def __init__(self, e: dict, eid: str, log: set):
        self._e, self._id, self._log = e, eid, log

    def get(self, k, default=None):
        self._log.add((self._id, k))
        return self._e.get(k, default)

    def __getitem__(self, k):
        self._log.add((self._id, k))
        return self._e[k]

    def __contains__(self, k) -> bool:
        self._log.add((self._id, k))
        return k in self._e

    def __bool__(self) -> bool:
        self._log.add((self._id, _TRUTH))
        return bool(self._e)

    def __len__(self) -> int:
        self._log.add((self._id, _TRUTH))
        return len(self._e)


class _LoggedById:
    """``Entities.by_id`` with every id looked up logged, its record read through ``_LoggedRecord``."""
    __slots__ = ("_d", "_log")

    def __init__(self, d: dict, log: set):
        self._d, self._log = d, log

    def _rec(self, eid, e):
        return e if e is None else _LoggedRecord(e, eid, self._log)

    def get(self, eid, default=None):
        self._log.add((eid, _IN))
        e = self._d.get(eid)
        return default if e is None else self._rec(eid, e)

    def __getitem__(self, eid):
        self._log.add((eid, _IN))
        return self._rec(eid, self._d[eid])

    def __contains__(self, eid) -> bool:
        self._log.add((eid, _IN))
        return eid in self._d


class _LoggedEnts:
    """What the place test (``_place_compat``, ``conflicts.Compare``) reads of the entities: ``by_id`` only (any
    other attribute fails loudly), each read logged, so a memo of pairing knows which fields of which entities it
    depends on."""
    __slots__ = ("by_id",)

    def __init__(self, ents: "Entities", log: set):
        self.by_id = _LoggedById(ents.by_id, log)


def field_digest(ents: "Entities", eid: str, field: str) -> str:
    """What one logged read (``_LoggedEnts``) saw: an entity's presence, its record's truth, or one field (present
    or not, and its value)."""
    e = ents.by_id.get(eid)
    if field == _IN:
        v = [eid in ents.by_id, e is None]
    elif field == _TRUTH:
        v = bool(e)
    else:
        v = [field in (e or {}), (e or {}).get(field)]
    return hashlib.sha1(json.dumps(v, sort_keys=True, ensure_ascii=False, default=str).encode("utf-8")
                        ).hexdigest()[:16]


class PairMemo:
    """The clusters of a part whose pairing inputs are unchanged, read back instead of its candidate pairs being
    scored and merged again (issue 20, ``inc28``). Pairing and merging (``mention_blocks``, ``candidate_pairs``,
    ``_pair_ok``, ``pair_features``, ``_pair_score``, ``generic_commitments``, ``merge_pairs``, ``_clusters_ok``)
    read the call's sorted canonical mentions and their features, the config and pair model, the kinds of the
    call (a generic mention is blocked with every kind of its groups the call holds) and, through the place test
    (``_place_compat``: ``conflicts.Compare.item``/``item_rel``, ``values.near``/``contains``, ``_unlocated``,
    ``_container``), some fields of some entities. A part's key hashes the first four for its mentions (their
    stories by equality only: a story's number shifts with other documents); the value holds its sub-parts'
    clusters (by mention id) and every entity field the place test read while pairing it (logged,
    ``_LoggedEnts``), checked against the current entities before the clusters are used. So an entity's
    aliases or English name, which canonical mentions and features do not carry, move a part only where
    its place test read them. Pairing is part by part: every blocking key's mentions must be in one part
    (checked; else the call is paired whole, as without the memo). ``kv``: a string table (``riwaya.cache``
    .KeyValue); None: nothing kept."""
    VERSION = 2

    def __init__(self, part_of: dict, kv=None, scores=None, merges=None):
        self.part_of, self.kv = part_of, kv
        self.scores = None if scores is None else PairScores(scores)
        self.merges = None if merges is None else MergeMemo(merges)
        self.figures = {"pair_parts": 0, "pair_parts_read_back": 0, "pair_mentions_read_back": 0}
        if self.scores is not None:
            self.figures.update(pairs_scored=0, pairs_read_back=0)
        if self.merges is not None:
            self.figures.update(subparts_merged=0, subparts_merge_read_back=0)
        self._big: dict = {}
        self._fields: dict = {}
        self._mkey: dict = {}
        self._st = ""

    def _static(self, cfg: dict, average: float) -> str:
        from ..corpus import CORPUS_VERSION
        model = _core.pair_model()
        payload = [self.VERSION, CORPUS_VERSION, cfg, _core.config()["conflicts"].get("place_near_km"),
                   _core.pair_thresholds(), average, _core.average_pass(), model]
        if cfg.get("located_places"):       # its place test reads the administrative levels (recon33)
            payload.append((_core.config()["conflicts"].get("refinements") or {}).get("levels"))
        return hashlib.sha1(json.dumps(payload, sort_keys=True, ensure_ascii=False, default=str).encode("utf-8")
                            ).hexdigest()

    def _big_digest(self, v) -> str:
        hit = self._big.get(id(v))
        if hit is None:      # the object kept with its digest, so its id is not reused within the call
            hit = self._big[id(v)] = (v, hashlib.sha1(json.dumps(sorted(v, key=repr), ensure_ascii=False,
                                                                 default=str).encode("utf-8")).hexdigest())
        return hit[1]

    def _row(self, m: dict, f: dict, story) -> list:
        out = []
        for d in (m, {**f, "story": story}):
            out.append({k: (["\x00set", self._big_digest(v)] if isinstance(v, (set, frozenset)) and len(v) > 16
                            else v) for k, v in d.items()})
        return out

    def mention_key(self, static: str, m: dict, f: dict) -> str:
        """A mention's content key: its canonical record and features, its story left out (pairing reads a story
        by equality only: the part's key gives the stories' order, a pair's key whether the two share one), with
        the config and pair model (``static``)."""
        payload = json.dumps([static, self._row(m, f, None)], sort_keys=True, ensure_ascii=False,
                             default=_core._plain_sets)
        return hashlib.sha1(payload.encode("utf-8")).hexdigest()[:32]

    def _key(self, static: str, ms: list[dict], feats: list[dict], idx: list[int], kinds: set) -> str:
        stories: dict = {}
        rows, groups = [], set()
        mkey = self._mkey
        for g in idx:
            f = feats[g]
            s = f["story"]
            mkey[g] = k = self.mention_key(static, ms[g], f)
            rows.append([k, None if s is None else stories.setdefault(s, len(stories))])
            groups |= f["generic"]
        ks = sorted(([c, g] for c, g in kinds if g in groups), key=repr)
        payload = json.dumps([static, rows, ks], sort_keys=True, ensure_ascii=False, default=_core._plain_sets)
        return "p2:" + hashlib.sha1(payload.encode("utf-8")).hexdigest()

    def _digest(self, ents, eid, field) -> str:
        k = (eid, field)
        if k not in self._fields:
            self._fields[k] = field_digest(ents, eid, field)
        return self._fields[k]

    def _read(self, v: str | None, pos: dict, idx: list[int], ents) -> list | None:
        if v is None:
            return None
        try:
            x = json.loads(v)
            if any(self._digest(ents, eid, field) != d for eid, field, d in x["reads"]):
                return None
            subs = [[sorted(pos[i] for i in c) for c in sub] for sub in x["subs"]]
        except (ValueError, KeyError, TypeError):
            return None       # a damaged entry, or one of other mentions, is a miss
        if sorted(i for sub in subs for c in sub for i in c) != idx:
            return None
        return subs

    def _split(self, ms, feats, idx, blocks, ents, rows=None) -> tuple:
        """A missed part's sub-parts with their pairs scored (or read back), and what merging them needs."""
        loc = {g: k for k, g in enumerate(idx)}
        log: set = set()
        same_place = _core._place_compat(_LoggedEnts(ents, log))
        lms, lf = [ms[g] for g in idx], [feats[g] for g in idx]
        keys = [self._mkey[g] for g in idx]
        scored_by = None
        if self.scores is not None:
            def scored_by(sms, sfeats, scfg, threshold, splace, sblocks):
                return self.scores.scored_pairs(sms, sfeats, scfg, threshold, splace, sblocks, keys, rows,
                                                self.figures)
        sps = _core.cluster_subparts(lms, lf, same_place, {k: [loc[g] for g in v] for k, v in blocks.items()},
                                     scored_by)
        mks = self.merges.keys(self._st, keys, lf, sps) if self.merges is not None else None
        return idx, lms, lf, sps, mks, same_place, log

    def _pair(self, split, ents, cfg, average) -> tuple[list, list]:
        """A missed part's clusters (its sub-parts merged, or read back by ``MergeMemo``) and its logged reads."""
        idx, lms, lf, sps, mks, same_place, log = split
        if self.merges is not None:
            merged = self.merges.merged(sps, mks, lms, lf, cfg, average, same_place, self.figures)
        else:
            merged = [_core._merged([lms[i] for i in sp.idx], [lf[i] for i in sp.idx], sp.pairs, sp.scored, cfg,
                                    average, same_place) for sp in sps]
        subs = [[[idx[sp.idx[k]] for k in c] for c in cs] for sp, cs in zip(sps, merged)]
        reads = sorted(([eid, field, self._digest(ents, eid, field)] for eid, field in log), key=repr)
        return subs, reads

    def units(self, ms: list[dict], feats: list[dict], ents, cfg: dict, average: float):
        """``call_units`` of a call's sorted mentions, each part's clusters read back or paired; None where the
        call cannot be paired part by part (a mention without a part, a blocking key across two parts)."""
        labels = [self.part_of.get(m.get("id")) for m in ms]
        pos = {m.get("id"): i for i, m in enumerate(ms)}
        if not ms or None in labels or len(pos) != len(ms):
            return None
        blocks = _core.mention_blocks(ms, feats)
        by_part: dict = defaultdict(list)
        for i, lab in enumerate(labels):
            by_part[lab].append(i)
        part_blocks: dict = defaultdict(dict)
        for k, members in blocks.items():
            lab = labels[members[0]]
            if any(labels[i] != lab for i in members):
                return None
            part_blocks[lab][k] = members
        kinds = {(_core._cls(m), f["group"]) for m, f in zip(ms, feats) if not f["generic"]}
        static = self._st = self._static(cfg, average)
        keys = {lab: self._key(static, ms, feats, idx, kinds) for lab, idx in by_part.items()}
        hit = self.kv.get_many(sorted(set(keys.values()))) if self.kv is not None else {}
        got_of = {lab: self._read(hit.get(keys[lab]), pos, idx, ents) for lab, idx in by_part.items()}
        rows = None
        if self.scores is not None:     # the stored scores of the missed parts' mentions, read at once
            rows = self.scores.rows([self._mkey[g] for lab, idx in by_part.items() if got_of[lab] is None
                                     for g in idx])
        # the missed parts' sub-parts first, so that their merges are read in one query (MergeMemo)
        split = {lab: self._split(ms, feats, idx, part_blocks[lab], ents, rows) for lab, idx in by_part.items()
                 if got_of[lab] is None}
        if self.merges is not None:
            self.merges.read([k for sp in split.values() for k in sp[4] if k is not None])
        subs, new = [], {}
        for lab, idx in by_part.items():
            got = got_of[lab]
            self.figures["pair_parts"] += 1
            if got is None:
                got, reads = self._pair(split.pop(lab), ents, cfg, average)
                new[keys[lab]] = json.dumps({"subs": [[[ms[i].get("id") for i in c] for c in sub] for sub in got],
                                             "reads": reads}, ensure_ascii=False)
            else:
                self.figures["pair_parts_read_back"] += 1
                self.figures["pair_mentions_read_back"] += len(idx)
            subs.extend(got)
        if new and self.kv is not None:
            self.kv.put_many(new)
        if rows is not None:
            self.scores.flush(rows)
        if self.merges is not None:
            self.merges.flush()
        self._big.clear()
        self._mkey.clear()
        return _core.units_of_clusters(ms, subs)


class PairScores:
    """Each compared pair's outcome kept by its two mentions' content keys (issue 20, ``load30``), so that a part
    paired again (one that gained a document's mentions) scores afresh only the pairs with a new or changed
    mention. A pair's outcome (``_pair_ok`` and ``_pair_score``) reads the two canonical mentions and their
    features (``PairMemo.mention_key``: with the config and pair model), whether they share a story, and the place
    test ``same_place``; each call of the place test (its form, the two places, its answer) is kept with the
    outcome, and the outcome is read back only where each call answers as it did (asked again, once per part and
    call): the same inputs and the same answers take the test down the same path. A pair whose place test was
    asked of a value JSON does not keep is scored every time. Stored per first mention (on-disk cache
    ``pairscores``: one row per mention key, its pairs by the second mention's key and the shared-story flag)."""
    VERSION = 1

    def __init__(self, kv):
        self.kv = kv

    def _rk(self, k: str) -> str:
        return f"s{self.VERSION}:{k}"

    def rows(self, keys: list[str]) -> dict:
        """Mention key -> its stored pairs (second key and story flag -> [ok, score, the place test's calls])."""
        out: dict = {}
        for k, v in self.kv.get_many(sorted({self._rk(k) for k in keys})).items():
            try:
                out[k.partition(":")[2]] = json.loads(v)
            except ValueError:
                pass
        out["\x00new"] = set()
        return out

    def flush(self, rows: dict) -> None:
        new = rows.pop("\x00new", ())
        if new:
            self.kv.put_many({self._rk(k): json.dumps(rows[k], ensure_ascii=False, separators=(",", ":"))
                              for k in sorted(new)})
        rows["\x00new"] = set()

    @staticmethod
    def _recording(same_place, calls: list):
        def ok(a, b):
            r = same_place(a, b)
            calls.append(("", a, b, r))
            return r
        if hasattr(same_place, "loose"):
            def loose(a, b):
                r = same_place.loose(a, b)
                calls.append(("l", a, b, r))
                return r
            ok.loose = loose
        return ok

    def scored_pairs(self, ms, feats, cfg, threshold, same_place, blocks, keys, rows, figures) -> tuple[dict, dict]:
        """``core.scored_pairs`` of a part's sorted mentions (``keys``: their content keys), each pair's outcome
        read back from ``rows`` where its keys and the place test's answers are those stored, else tested and
        scored (and kept in ``rows``, marked new)."""
        pairs, scored = {}, {}
        blocks = _core.mention_blocks(ms, feats) if blocks is None else blocks
        incompatible = cfg["incompatible_score"]
        calls: list = []
        rec = self._recording(same_place, calls) if same_place is not None else None
        answers: dict = {}
        new = rows["\x00new"]
        pair_ok, pair_score = _core._pair_ok, _core._pair_score

        def same_answers(cs) -> bool:
            for form, a, b, r in cs:
                k = (form, a, b)
                if k not in answers:
                    answers[k] = (same_place.loose if form else same_place)(a, b)
                if answers[k] != r:
                    return False
            return True
        for i, j in _core.candidate_index_pairs(ms, feats, blocks, cfg):
            fi, fj = feats[i], feats[j]
            sub = keys[j][:20] + ("s" if fi["story"] is not None and fi["story"] == fj["story"] else "-")
            row = rows.get(keys[i])
            e = row.get(sub) if row is not None else None
            if e is not None and (not e[2] or (same_place is not None and same_answers(e[2]))):
                ok, sc = e[0], e[1]
                figures["pairs_read_back"] += 1
            else:
                calls.clear()
                ok = pair_ok(ms[i], ms[j], fi, fj, rec)
                sc = pair_score(ms[i], ms[j], fi, fj) if ok else None
                figures["pairs_scored"] += 1
                if all(isinstance(a, str) and isinstance(b, str) and isinstance(r, bool) for _f, a, b, r in calls) \
                        and (sc is None or type(sc) in (float, int)):
                    if row is None:
                        row = rows[keys[i]] = {}
                    row[sub] = [ok, sc, [list(c) for c in calls]]
                    new.add(keys[i])
            if ok:
                if sc >= threshold:
                    pairs[(i, j)] = sc
            else:
                sc = incompatible
            scored[(i, j)] = sc
        return pairs, scored


MERGE_MIN = 2      # sub-parts of fewer mentions are merged every time (nothing to merge: the memo would only cost)


class MergeMemo:
    """Each sub-part's clusters kept by what ``_merged`` reads (issue 20, ``inc37``), so that a part paired again
    (one that gained a document's mentions) merges afresh only the sub-parts a new or changed mention or pair
    outcome reaches. ``_merged`` (``generic_commitments``, ``merge_pairs``, ``_clusters_ok``, ``_average_pass``)
    reads the sub-part's canonical mentions and features (their content keys, ``PairMemo.mention_key``, with the
    config and pair model; their stories by equality, as their order of appearance), its pairs and compared pairs
    with their scores, and the place test: each call of the place test (form, the two places, its answer) is kept
    with the clusters, which are read back only where each call answers as it does now (asked again, so the part's
    logged reads stay complete), as ``PairScores`` does for a pair. On-disk cache ``merges``: one row per
    sub-part key."""
    VERSION = 1

    def __init__(self, kv):
        self.kv = kv
        self.hit: dict = {}
        self.new: dict = {}

    def key(self, static: str, keys: list[str], feats: list[dict], sp) -> str:
        stories: dict = {}
        labels = [None if feats[i]["story"] is None else stories.setdefault(feats[i]["story"], len(stories))
                  for i in sp.idx]
        payload = json.dumps([static, [keys[i] for i in sp.idx], labels,
                              sorted([x, y, s] for (x, y), s in sp.pairs.items()),
                              sorted([x, y, s] for (x, y), s in sp.scored.items())],
                             ensure_ascii=False, separators=(",", ":"), default=str)
        return f"m{self.VERSION}:" + hashlib.sha1(payload.encode("utf-8")).hexdigest()

    def keys(self, static: str, keys: list[str], feats: list[dict], sps) -> list:
        """Each sub-part's key (``keys``: the part's mentions' content keys), None for one too small to keep."""
        return [self.key(static, keys, feats, sp) if len(sp.idx) >= MERGE_MIN else None for sp in sps]

    def read(self, keys: list[str]) -> None:
        """The stored merges of a call's missed parts' sub-parts, read at once."""
        self.hit = self.kv.get_many(sorted(set(keys)))

    def flush(self) -> None:
        if self.new:
            self.kv.put_many(self.new)
        self.hit, self.new = {}, {}

    @staticmethod
    def _same_answers(calls, same_place) -> bool:
        for form, a, b, r in calls:
            if (same_place.loose if form else same_place)(a, b) != r:
                return False
        return True

    def _stored(self, k):
        v = self.hit.get(k) if k is not None else None
        return None if v is None else json.loads(v)

    def merged(self, sps, mks, ms, feats, cfg, average, same_place, figures) -> list[list[list[int]]]:
        """``_merged`` of each sub-part of a part (``sps``, indices into the part's sorted mentions ``ms``; ``mks``
        their keys), read back where its key is stored and the place test answers as it did, else merged (and
        kept, written at ``flush``)."""
        out = []
        for sp, k in zip(sps, mks):
            try:
                x = self._stored(k)
                got = x["clusters"] if x is not None and (not x["calls"] or same_place is not None
                                                          and self._same_answers(x["calls"], same_place)) else None
            except (ValueError, KeyError, TypeError, AttributeError):
                got = None        # a damaged entry is a miss
            if got is not None:
                figures["subparts_merge_read_back"] += 1
                out.append(got)
                continue
            sm, sf = [ms[i] for i in sp.idx], [feats[i] for i in sp.idx]
            if k is None:
                out.append(_core._merged(sm, sf, sp.pairs, sp.scored, cfg, average, same_place))
                continue
            calls: list = []
            rec = PairScores._recording(same_place, calls) if same_place is not None else None
            cs = _core._merged(sm, sf, sp.pairs, sp.scored, cfg, average, rec)
            figures["subparts_merged"] += 1
            if all(isinstance(a, str) and isinstance(b, str) and isinstance(r, bool) for _f, a, b, r in calls):
                self.new[k] = json.dumps({"clusters": cs, "calls": [list(c) for c in calls]}, ensure_ascii=False,
                                         separators=(",", ":"))
            out.append(cs)
        return out
