"""The corpus-level stages: resolve entities across documents and scripts, turn
each document's events into resolved event mentions, reconcile them into events
and conflicts, and build each person's itinerary.

Works on what the store holds (documents and per-document analyses as dicts),
so it can be re-run after any build without re-analysing a document.
"""
from __future__ import annotations

import bisect
import dataclasses
import hashlib
import json
import sys
from array import array
from collections.abc import Sequence
from dataclasses import fields

from .fingerprint import code_fingerprint
from .models import LOOSE_TIME_KINDS, EntityMention, Span

# the corpus stage's code and data: a change re-runs it on the next build even with nothing new
# (blocks.py runs the stage; the event schema gives the reconciler its types, classes and families)
CORPUS_PARTS = ("corpus.py", "blocks.py", "story_index.py", "resolve.py", "itinerary.py", "timecheck.py", "translit.py",
                "reconcile",
                "kb", "data/kb", "data/reconcile", "data/itinerary", "event_schema.py", "data/events/schema.yaml",
                "lang", "data/lang")
CORPUS_VERSION = code_fingerprint(list(CORPUS_PARTS))


def _mention(d: dict) -> EntityMention:
    d = dict(d)
    if d.get("role_span") is not None:
        d["role_span"] = tuple(d["role_span"])
    return EntityMention(**d)


def resolve(analyses: dict[str, dict]) -> list[dict]:
    return resolve_mentions({doc: [_mention(m) for m in a.get("mentions", [])] for doc, a in analyses.items()})


def mentions_key(mentions: list[dict]) -> str:
    """A key of a document's stored entity mentions (what the resolver's step within it reads)."""
    return hashlib.sha1(json.dumps(mentions, ensure_ascii=False, sort_keys=True).encode("utf-8")).hexdigest()


def resolve_mentions(docs_mentions: dict[str, list[EntityMention]], keys: dict[str, str] | None = None,
                     spans=None, texts: dict | None = None) -> list[dict]:
    """``keys``: each document's ``mentions_key``, to reuse the resolver's cached step within it and each
    entity made before from the same content (``resolve.EntityMemo``; ``spans`` and ``texts``: an entity
    read back has its mentions made by ``spans(docs, starts, ends)`` and its JSON text in ``texts``)."""
    try:
        from .kb import load_kb
        from .resolve import EntityMemo, InDocMemo, resolve_entities
        if keys:        # each entity made for a component not seen before, the others read from the cache
            memo = InDocMemo(keys)
            return resolve_entities(docs_mentions, load_kb(), memo=memo, built=EntityMemo(memo, _entity_dict, spans, texts))
        return [_entity_dict(e) for e in resolve_entities(docs_mentions, load_kb())]
    except ImportError:
        return _fallback_entities(docs_mentions)


_ENTITY_FIELDS = None


def _entity_dict(e) -> dict:
    """``dataclasses.asdict`` of an entity (Span mentions become {doc, start, end}), without its
    generic recursion over every mention (most of the time it took)."""
    global _ENTITY_FIELDS
    if _ENTITY_FIELDS is None:
        _ENTITY_FIELDS = [f.name for f in fields(e)]
    out = {}
    for name in _ENTITY_FIELDS:
        v = getattr(e, name)
        if name == "mentions":
            out[name] = [{"doc": s.doc, "start": s.start, "end": s.end} if isinstance(s, Span) else _plain(s)
                         for s in v]
        else:
            out[name] = _plain(v)
    return out


_SCALARS = (str, int, float, bool, type(None))


def _plain(v):
    """A copy of a value made of dicts, lists and tuples (as ``asdict`` copies them)."""
    if type(v) in _SCALARS:       # most values: returned at once
        return v
    if isinstance(v, dict):
        return {k: _plain(x) for k, x in v.items()}
    if isinstance(v, list):
        return [_plain(x) for x in v]
    if isinstance(v, tuple):
        return tuple(_plain(x) for x in v)
    if dataclasses.is_dataclass(v) and not isinstance(v, type):
        return dataclasses.asdict(v)
    return v


def _fallback_entities(docs_mentions: dict[str, list[EntityMention]]) -> list[dict]:
    """One entity per knowledge-base id or exact name: used only without the resolver."""
    groups: dict[str, dict] = {}
    for doc, ms in sorted(docs_mentions.items()):
        for m in ms:
            key = m.kb_id or f"{m.type}:{m.name or m.text}"
            eid = "e:" + hashlib.sha1(key.encode()).hexdigest()[:12]
            g = groups.setdefault(eid, {"id": eid, "type": m.type, "name_ar": m.name or m.text, "name_en": None,
                                        "aliases": [], "roles": [], "kb_id": m.kb_id, "coordinates": None,
                                        "mentions": []})
            g["mentions"].append({"doc": doc, "start": m.start, "end": m.end})
    return sorted(groups.values(), key=lambda g: g["id"])


_PARA_KEYS = ["start", "end", "lang", "furniture"]


def Paragraphs(paras: list[dict]):
    """A document's paragraphs kept through the corpus stage: as ``CompactParagraphs`` when each is
    {start, end, lang, furniture} (what the analyser writes), else the list as it is."""
    if paras and all(list(p) == _PARA_KEYS and type(p["start"]) is int and type(p["end"]) is int
                     and (p["lang"] is None or type(p["lang"]) is str) and type(p["furniture"]) is bool
                     for p in paras):
        return CompactParagraphs(paras)
    return paras


class CompactParagraphs(Sequence):
    """Paragraphs ({start, end, lang, furniture} each) as arrays: ~20 bytes a paragraph, not a dict's
    ~300 (at 30k articles about 180,000 of them, kept through the whole corpus stage). Read as the
    list of dicts it replaces (each made when read); ``==`` compares with such a list."""
    __slots__ = ("starts", "ends", "langs", "furniture")

    def __init__(self, paras: list[dict]):
        self.starts = array("q", [p["start"] for p in paras])
        self.ends = array("q", [p["end"] for p in paras])
        self.langs = tuple(sys.intern(p["lang"]) if p["lang"] is not None else None for p in paras)
        self.furniture = bytes(p["furniture"] for p in paras)

    def __len__(self) -> int:
        return len(self.starts)

    def __getitem__(self, i):
        if isinstance(i, slice):
            return [self[k] for k in range(*i.indices(len(self)))]
        return {"start": self.starts[i], "end": self.ends[i], "lang": self.langs[i],
                "furniture": bool(self.furniture[i])}

    def __iter__(self):
        # each as ``__getitem__`` makes it, without a call of it per item (``Sequence``'s own iterator)
        for s, e, lang, f in zip(self.starts, self.ends, self.langs, self.furniture):
            yield {"start": s, "end": e, "lang": lang, "furniture": bool(f)}

    def __eq__(self, other) -> bool:
        return list(self) == list(other)

    def __reduce__(self):
        return (CompactParagraphs, (list(self),))


class MentionIndex:
    """Find the entity behind a span of a document (by overlap with its mentions)."""

    def __init__(self, entities: list[dict]):
        self.by_doc: dict[str, list[tuple[int, int, str]]] = {}
        for e in entities:
            ms = e.get("mentions", [])
            # the corpus stage keeps them as arrays (``blocks.Spans``): read there, not as a dict each
            spans = zip(ms.docs, ms.starts, ms.ends) if hasattr(ms, "docs") and hasattr(ms, "starts") \
                else ((m["doc"], m["start"], m["end"]) for m in ms)
            eid = e["id"]
            for doc, start, end in spans:
                self.by_doc.setdefault(doc, []).append((start, end, eid))
        for v in self.by_doc.values():
            v.sort()
        self.starts = {d: [s for s, _, _ in v] for d, v in self.by_doc.items()}

    def find(self, doc: str, start: int, end: int) -> str | None:
        items = self.by_doc.get(doc)
        if not items:
            return None
        i = bisect.bisect_right(self.starts[doc], end) - 1
        best, best_len = None, -1
        while i >= 0 and items[i][0] >= start - 200:
            s, e, eid = items[i]
            overlap = min(e, end) - max(s, start)
            if overlap > 0 and overlap > best_len:
                best, best_len = eid, overlap
            i -= 1
        return best

    def within(self, doc: str, start: int, end: int) -> list[str]:
        """The entities mentioned inside [start, end) of a document (a mention's sentence)."""
        items = self.by_doc.get(doc)
        if not items:
            return []
        i = bisect.bisect_left(self.starts[doc], start)
        out = set()
        while i < len(items) and items[i][0] < end:
            if items[i][1] <= end:
                out.add(items[i][2])
            i += 1
        return sorted(out)


PARTICIPANT_ROLES = {"agent", "companion", "patient", "recipient", "target", "speaker", "addressee", "source"}
PLACE_ROLES = {"origin", "destination", "place"}


def event_mentions(analyses: dict[str, dict], entities: list[dict]) -> list[dict]:
    idx = MentionIndex(entities)
    by_kb = {e["kb_id"]: e["id"] for e in entities if e.get("kb_id")}
    return [rec for doc in sorted(analyses) for rec in doc_event_mentions(doc, analyses[doc], idx, by_kb)]


def _dated(t: dict) -> dict | None:
    """A time expression that gives a date or a clock time with bounds, as the reconciler reads it; else None."""
    v = t.get("value") or {}
    if v.get("kind") not in ("date", "time") or not (v.get("earliest") or v.get("latest")):
        return None
    return {"start": t["start"], "end": t["end"], **{k: v.get(k) for k in ("earliest", "latest", "text", "precision", "tz")}}


def _reconciled_time(t: dict | None) -> dict | None:
    """The event's time as the reconciler compares it: a date or a clock time. A duration or a vague time
    the analysis gave the event as its own ("قبل أيام"، "خلال الأيام الماضية"، "مؤخرا": learned._loose_time)
    is the event's time expression, not a point or span to compare across accounts: none here, and the
    context time before the trigger stays the mention's weak time, as before (time21)."""
    if t and t.get("kind") in LOOSE_TIME_KINDS:
        return None
    return t


def _context_time_on() -> bool:
    from .reconcile.core import _context_time
    return bool(_context_time())


def _narrative_time(ev: dict, times: list[dict], paragraphs: list) -> dict | None:
    """The last dated time expression of the mention's paragraph that ends before its sentence (what the events
    stage carried over to a sentence with no time of its own until conf27), or None."""
    para = next((p for p in paragraphs if isinstance(p, dict) and p["start"] <= ev["trigger_start"] < p["end"]), None)
    lo = para["start"] if para is not None else 0
    best = None
    for t in times:
        if lo <= t["start"] and t["end"] <= ev["start"] and (best is None or t["start"] > best["start"]):
            best = _dated(t) or best
    return best


def _time_before(ev: dict, times: list[dict]) -> dict | None:
    """The last dated time expression between the mention's sentence start and its trigger."""
    best = None
    for t in times:
        if ev["start"] <= t["start"] and t["end"] <= ev["trigger_start"] and (best is None or t["start"] > best["start"]):
            best = _dated(t) or best
    return best


HEADING_MAX_CHARS = 60      # a paragraph this short, without a full stop, titles the section after it
SECTION_TIME_MAX_OFFSET = 40
BODY_MIN_CHARS = 150        # a paragraph this long is body text, not a title line


def _section_time(ev: dict, times: list[dict], paragraphs: list) -> dict | None:
    """For a mention in a section heading (a short paragraph of its own after the body began, no full
    stop): the dated time expression that opens the next paragraph ("في 30 نوفمبر، ..."), else None."""
    paras = [p for p in paragraphs if isinstance(p, dict) and not p.get("furniture")]
    for k, p in enumerate(paras[:-1]):
        if not (p["start"] <= ev["trigger_start"] < p["end"]):
            continue
        if p["end"] - p["start"] > HEADING_MAX_CHARS or ev["end"] < p["end"] - 2:
            return None
        if not any(q["end"] - q["start"] > BODY_MIN_CHARS for q in paras[:k]):
            return None     # the article's title block: its first paragraph's date is the lead's, not the title's
        nxt = paras[k + 1]
        return next((d for t in sorted(times, key=lambda t: t["start"])
                     if nxt["start"] <= t["start"] <= nxt["start"] + SECTION_TIME_MAX_OFFSET
                     and (d := _dated(t)) is not None), None)
    return None


def _named_before(doc: str, analysis: dict, idx: MentionIndex, a: dict) -> str | None:
    """The entity of an English pronoun argument ("He" for a person named in an earlier sentence, GUIDELINE 3) that
    the extractor tied to a named person (its ``entity``: the mention's name or text): the last mention of that
    name before the argument. Other arguments are linked by their own span only, as before."""
    key = a.get("entity")
    from .events.english import pronoun_words
    if not key or key == a.get("text") or (a.get("text") or "").strip().lower() not in pronoun_words():
        return None
    mentions = analysis.get("mentions", [])
    ms = [m for m in mentions if m["end"] <= a["start"] and key in (m.get("kb_id"), m.get("name"), m.get("text"))]
    if not ms:
        return None
    m = max(ms, key=lambda m: m["end"])
    return idx.find(doc, m["start"], m["end"])


def doc_event_mentions(doc: str, analysis: dict, idx: MentionIndex, by_kb: dict[str, str]) -> list[dict]:
    """One document's events as event mentions, their arguments tied to resolved entities."""
    out = []
    # how long a stay lasted: its duration argument spans one of the document's time expressions
    durations = {(t["start"], t["end"]): (t.get("value") or {}).get("value") for t in analysis.get("times", [])
                 if (t.get("value") or {}).get("kind") == "duration"}
    for n, ev in enumerate(analysis.get("events", [])):
        rec = {"id": f"{doc}:ev{n}", "doc": doc, "class": ev["cls"], "type": ev["type"],
               "trigger": ev["trigger"], "start": ev["start"], "end": ev["end"],
               "trigger_start": ev["trigger_start"], "trigger_end": ev["trigger_end"],
               "participants": [], "origin": None, "destination": None, "via": [], "place": None,
               "means": None, "amount": None, "time": _reconciled_time(ev.get("time")),
               "attribution": ev.get("attribution") or {"chain": [], "hedge": None},
               "negated": ev.get("negated", False), "polarity": ev.get("polarity", "asserted"),
               # who and what else the sentence names: tells apart happenings whose arguments were not read
               "context": idx.within(doc, ev["start"], ev["end"])}
        if not rec["time"]:
            # the nearest time told before the trigger in its sentence: a weak context time, which the
            # reconciler takes (marked inferred) only across a narrative chain ("..., لكنه اتجه مباشرة")
            rec["time_before"] = _time_before(ev, analysis.get("times", []))
            # a heading ("سقوط المدينة") dated by the first words of the section it titles
            rec["section_time"] = _section_time(ev, analysis.get("times", []), analysis.get("paragraphs") or [])
            if _context_time_on():
                # the narrative's last dated time in an earlier sentence of its paragraph: the days the report
                # is telling of, which the events stage no longer gives the event as its own (conf27)
                rec["narrative_time"] = _narrative_time(ev, analysis.get("times", []), analysis.get("paragraphs") or [])
        for a in ev.get("arguments", []):
            eid = a.get("entity") if a.get("entity", "") and str(a.get("entity")).startswith("e:") else None
            eid = eid or idx.find(doc, a["start"], a["end"])
            # an argument the extractor tied to the KB without a mention span of its own
            # ("بشار وماهر الأسد": بشار is Bashar al-Assad by the shared family name)
            eid = eid or by_kb.get(a.get("entity") or "")
            # a pronoun that keeps its own span for a person named in an earlier sentence ("He traveled to ...",
            # GUIDELINE 3): the entity of the last mention before it that the extractor named (enpron28)
            eid = eid or _named_before(doc, analysis, idx, a)
            role = a["role"]
            if role in PLACE_ROLES:
                if rec[role] is None:
                    rec[role] = eid or a["text"]
            elif role == "via":
                rec["via"].append(eid or a["text"])
            elif role in ("means", "amount"):
                if rec[role] is None:
                    rec[role] = a["text"]
            elif role == "duration":
                iso = durations.get((a["start"], a["end"]))
                if iso and rec.get("duration") is None:
                    rec["duration"] = {"value": iso, "text": a["text"]}
            else:
                rec["participants"].append({"entity": eid or a["text"], "role": role,
                                            "text": a["text"], "start": a["start"], "end": a["end"]})
        out.append(rec)
    _continuations(out)
    _later_legs(out)
    return out


def _later_legs(recs: list[dict]) -> None:
    """A mention whose time before (``time_before``) is another step's, told between them in its sentence
    (``context_time.later_leg``): marked ``past_step``, so that the time is only its lower bound."""
    try:
        from .reconcile.context_time import later_leg
    except ImportError:       # pragma: no cover - without the reconciler nothing reads them
        return
    by_sentence: dict = {}
    for rec in recs:
        by_sentence.setdefault(rec.get("start"), []).append(rec)
    for rec in recs:
        if rec.get("time_before") and later_leg(rec, by_sentence[rec.get("start")]):
            rec["time_before"] = {**rec["time_before"], "past_step": True}


def _continuations(recs: list[dict]) -> None:
    """A continuation's companions ("..., ثم إلى طائرة خاصة بمرافقة ابنه") kept on the movement before it
    (``continued_companions``), read in one document so that the reconciler's blocks need not meet."""
    try:
        from .reconcile.context_time import continued_companions
        from .reconcile.text import config
    except ImportError:       # pragma: no cover - without the reconciler nothing reads them
        return
    found = continued_companions(recs, set(config()["events"]["companion_roles"]))
    for rec in recs:
        if rec["id"] in found:
            rec["continued_companions"] = [{"entity": e, "role": "companion"} for e in found[rec["id"]]]


def run(documents: list[dict], analyses: dict[str, dict]) -> dict[str, list]:
    """All corpus-level results from stored documents and analyses."""
    entities = resolve(analyses)
    mentions = event_mentions(analyses, entities)
    paragraphs = {doc: a.get("paragraphs", []) for doc, a in analyses.items()}
    return _reconcile(documents, paragraphs, mentions, entities)


def run_store(store) -> dict[str, list]:
    """``run`` on what ``store`` holds, reading the analyses twice, one at a time: first only their
    entity mentions, then only their events and paragraphs. Every analysis at once took most of the
    corpus stage's memory (46 KB a document as Python objects: 1.4 GB at 30k articles)."""
    entities = resolve_mentions({doc: [_mention(m) for m in a.get("mentions", [])]
                                 for doc, a in store.iter_analyses()})
    idx = MentionIndex(entities)
    by_kb = {e["kb_id"]: e["id"] for e in entities if e.get("kb_id")}
    per_doc, paragraphs = {}, {}
    for doc, a in store.iter_analyses():
        per_doc[doc] = doc_event_mentions(doc, a, idx, by_kb)
        paragraphs[doc] = a.get("paragraphs", [])
    mentions = [rec for doc in sorted(per_doc) for rec in per_doc.pop(doc)]
    return _reconcile(store.documents(), paragraphs, mentions, entities)


def _reconcile(documents: list[dict], paragraphs: dict[str, list], mentions: list[dict],
               entities: list[dict]) -> dict[str, list]:
    docs = [{**d, "paragraphs": paragraphs.get(d["id"], [])} for d in documents]
    try:
        from .reconcile import reconcile
        rec = reconcile(docs, mentions, entities)
    except ImportError:
        rec = {"events": [_single_event(m) for m in mentions], "conflicts": [], "relations": []}
    try:
        from .itinerary import build_itineraries
        itineraries = build_itineraries(rec["events"], entities, docs)
    except ImportError:
        itineraries = []
    # the time check's contradictions on a stay told with its duration are conflicts too (blocks.refresh_store)
    from .timecheck import with_stay_conflicts
    itineraries, conflicts = with_stay_conflicts(itineraries, rec["conflicts"])
    return {"entities": entities, "events": rec["events"], "conflicts": conflicts,
            "relations": rec.get("relations", []), "itineraries": itineraries}


def _single_event(m: dict) -> dict:
    """Without the reconciler every mention stands alone as its own event."""
    from .records import Event, Mention
    acc = "acc:" + m["doc"]
    return Event(id="ev:" + hashlib.sha1(m["id"].encode()).hexdigest()[:12], cls=m["class"], type=m["type"],
                 types=[m["type"]], participants=[{"entity": p["entity"], "role": p["role"], "accounts": [acc]}
                                                  for p in m["participants"]],
                 origin=m["origin"], destination=m["destination"], via=m["via"], place=m["place"],
                 means=m["means"], time=m["time"], polarity=m.get("polarity") or "asserted",
                 mentions=[Mention(id=m["id"], doc=m["doc"], start=m["start"], end=m["end"], type=m["type"],
                                   trigger=m["trigger"], trigger_start=m["trigger_start"],
                                   trigger_end=m["trigger_end"], attribution=m["attribution"],
                                   account=acc, upstream=acc, independent_account=acc)],
                 corroboration=1).to_dict()
