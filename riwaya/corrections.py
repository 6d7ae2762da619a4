"""A reviewer's corrections: assertions kept as data, re-applied after every corpus stage.

A correction names its target by a *stable key*, never by a row number or by an id that
re-analysis may change. Documents are named by their content hash, so offsets into an
unchanged document survive any rebuild; every key below is made of those:

- document: its id (the content hash).
- entity: ``kb:<kb id>`` for an entity tied to the knowledge base, else ``m:<doc>:<start>:<end>``,
  its first mention; after a rebuild the entity that holds that mention is the target.
- mention (one account's report of an event): ``<doc>:<trigger start>``.
- event: the key of its first mention (by document, then offset); after a rebuild, the event
  whose evidence holds that mention (so a re-clustered event is still found).
- conflict: ``<event key>|<slot>|<side>|<side>…``, each side the canonical JSON of a value with
  entities by their keys, sorted; if the sides changed, the only conflict on that slot of that event.
- leg: ``<person key>|<event key>``: the leg a person's itinerary takes from that event.

A correction whose target (or an entity its value names) cannot be found after a rebuild is
kept and marked ``orphaned``; it becomes ``active`` again if its target comes back. ``undone``
corrections stay in the log. Applying is a pure function of the corpus results and the
corrections (``apply``); ``reapply`` runs it after every corpus stage (``pipeline.refresh``) and after a
reviewer's change, from the uncorrected results the store keeps while corrections exist.
"""
from __future__ import annotations

import hashlib
import json
from dataclasses import dataclass
from datetime import datetime
from typing import Any, Callable

from . import event_schema

KINDS = ("entity", "event", "mention", "conflict", "leg", "document")
STATUSES = ("active", "undone", "orphaned")
REVIEW = ("confirmed", "rejected")
PLACE_SLOTS = ("origin", "destination", "place")
ENTITY_TYPES = ("person", "organization", "place", "vehicle", "other")
MAX_ITEMS = 50          # values in one list (via, a role's participants, a source chain)

# what each kind of target can have corrected; "role:<role>" (event) replaces the participants in that role
FIELDS = {
    "entity": ("status", "note", "name_ar", "name_en", "type", "merge", "split"),
    "event": ("status", "note", "type", "polarity", "time", "means", "via") + PLACE_SLOTS,
    "mention": ("status", "note", "source"),
    "conflict": ("status", "note"),
    "leg": ("status", "note", "from", "to", "means", "time"),
    "document": ("status", "note"),
}


class CorrectionError(ValueError):
    """A correction that cannot be made: the reason is for the user (CLI exit 2, API 4xx)."""


@dataclass
class Outcome:
    status: str               # active | orphaned
    reason: str | None = None


# ------------------------------------------------------------------ keys
def _canon(v: Any) -> str:
    return json.dumps(v, ensure_ascii=False, sort_keys=True, separators=(",", ":"))


class Keys:
    """Stable keys for the objects of one set of corpus results, both ways."""

    def __init__(self, results: dict[str, list]):
        self.results = results
        self.index()

    def index(self) -> None:
        r = self.results
        self.ents = {e["id"]: e for e in r.get("entities", [])}
        self.ent_by_kb = {e["kb_id"]: e["id"] for e in r.get("entities", []) if e.get("kb_id")}
        self.ent_by_mention: dict[tuple, str] = {}
        for e in r.get("entities", []):
            for m in e.get("mentions") or []:
                self.ent_by_mention.setdefault((m["doc"], m["start"], m["end"]), e["id"])
        self.evs = {e["id"]: e for e in r.get("events", [])}
        self.ev_by_mention: dict[str, tuple[str, int]] = {}
        for ev in r.get("events", []):
            for i, sp in enumerate(ev.get("evidence") or []):
                k = _mention_key(sp)
                if k:
                    self.ev_by_mention.setdefault(k, (ev["id"], i))
        self.redirect: dict[str, str] = getattr(self, "redirect", {})   # merged entity id -> survivor

    # entity
    def entity_key(self, eid: str) -> str | None:
        e = self.ents.get(eid)
        if e is None:
            return None
        if e.get("kb_id"):
            return "kb:" + e["kb_id"]
        ms = sorted((m["doc"], m["start"], m["end"]) for m in e.get("mentions") or [])
        return f"m:{ms[0][0]}:{ms[0][1]}:{ms[0][2]}" if ms else "id:" + eid

    def entity(self, key: str) -> str | None:
        if key.startswith("kb:"):
            eid = self.ent_by_kb.get(key[3:])
        elif key.startswith("m:"):
            try:
                doc, s, e = key[2:].rsplit(":", 2)
                eid = self.ent_by_mention.get((doc, int(s), int(e)))
            except ValueError:
                return None
        elif key.startswith("id:"):
            eid = key[3:]
        else:
            return None
        while eid in self.redirect:
            eid = self.redirect[eid]
        return eid if eid in self.ents else None

    # events and mentions
    def event_key(self, evid: str) -> str | None:
        ev = self.evs.get(evid)
        keys = sorted((sp["doc"], sp.get("trigger_start", sp.get("start", 0)))
                      for sp in (ev or {}).get("evidence") or [] if sp.get("doc"))
        return f"{keys[0][0]}:{keys[0][1]}" if keys else None

    def event(self, key: str) -> str | None:
        hit = self.ev_by_mention.get(key)
        return hit[0] if hit else None

    def mention(self, key: str) -> tuple[str, int] | None:
        return self.ev_by_mention.get(key)

    # conflicts
    def value_key(self, v: Any) -> Any:
        if isinstance(v, str) and v in self.ents:
            return {"entity": self.entity_key(v)}
        if isinstance(v, list):
            return [self.value_key(x) for x in v]
        return v

    def conflict_key(self, c: dict) -> str | None:
        ek = self.event_key(c.get("event"))
        if not ek:
            return None
        sides = sorted(_canon(self.value_key((v or {}).get("value"))) for v in c.get("values") or [])
        return "|".join([ek, str(c.get("field"))] + sides)

    def conflict(self, key: str) -> int | None:
        ek, _, rest = key.partition("|")
        field = rest.split("|", 1)[0]
        evid = self.event(ek)
        if evid is None:
            return None
        same = [i for i, c in enumerate(self.results.get("conflicts", []))
                if c.get("event") == evid and str(c.get("field")) == field]
        exact = [i for i in same if self.conflict_key(self.results["conflicts"][i]) == key]
        if exact:
            return exact[0]
        return same[0] if len(same) == 1 else None

    # legs
    def leg_key(self, person: str, evid: str) -> str | None:
        pk, ek = self.entity_key(person), self.event_key(evid)
        return f"{pk}|{ek}" if pk and ek else None

    def leg(self, key: str) -> tuple[int, int] | None:
        pk, _, ek = key.rpartition("|")
        person, evid = self.entity(pk), self.event(ek)
        if not person or not evid:
            return None
        for i, it in enumerate(self.results.get("itineraries", [])):
            if it.get("person") != person:
                continue
            for j, leg in enumerate(it.get("legs") or []):
                if leg.get("event") == evid:
                    return i, j
        return None


def _mention_key(sp: dict) -> str | None:
    if not sp.get("doc"):
        return None
    return f"{sp['doc']}:{sp.get('trigger_start', sp.get('start', 0))}"


# ------------------------------------------------------------------ making one
def make(results: dict[str, list], doc_ids: set[str], kind: str, target: str, field: str,
         value: Any = None, note: str | None = None, author: str | None = None) -> dict:
    """A new correction (a dict for ``Store.add_correction``) from what a user names: ``target``
    is a current id (entity ``e:…``, event ``ev_…``, conflict ``cf_…``, leg ``PERSON|EVENT``, mention
    ``DOC:TRIGGER_START``, document id) or a stable key. Raises ``CorrectionError`` with the reason."""
    if kind not in KINDS:
        raise CorrectionError(f"unknown target kind '{kind}' (one of: {', '.join(KINDS)})")
    if field not in FIELDS[kind] and not (kind == "event" and field.startswith("role:") and len(field) > 5):
        raise CorrectionError(f"a {kind} has no field '{field}' to correct (fields: {', '.join(FIELDS[kind])}"
                              + (", role:ROLE" if kind == "event" else "") + ")")
    if field.startswith("role:"):
        from .corpus import PARTICIPANT_ROLES
        if field[5:] not in PARTICIPANT_ROLES:
            raise CorrectionError(f"no role '{field[5:]}' (roles: {', '.join(sorted(PARTICIPANT_ROLES))})")
    if not isinstance(target, str) or not target.strip():
        raise CorrectionError("no target given")
    target = target.strip()
    keys = Keys(results)
    key, obj = _target(keys, doc_ids, kind, target)
    if key is None:
        raise CorrectionError(f"no {kind} '{target}' in the store (give its id as the export lists it, or its key)")
    if field == "note":
        text = str(value if value not in (None, "") else note or "").strip()
        if not text:
            raise CorrectionError("a note needs its text")
        new = note = text[:4000]
    else:
        new = _value(keys, kind, field, value, obj)
    old = None
    if obj is not None and field not in ("note", "merge", "split"):
        if field == "status":
            old = (obj.get("review") or {}).get("status")
        elif field.startswith("role:"):
            old = [p.get("entity") for p in obj.get("participants") or [] if p.get("role") == field[5:]]
        elif kind == "mention":
            old = [lk.get("name") for lk in (obj.get("attribution") or {}).get("chain") or []]
        else:
            old = obj.get(field)
    return {"kind": kind, "target": key, "field": field, "old": old, "new": _scrub(new),
            "author": _scrub((author or "").strip()[:200]) or None,
            "note": _scrub(str(note).strip()[:4000]) if note else None}


_CONTROLS = dict.fromkeys(c for c in range(32) if c not in (9, 10, 13))


def _scrub(v: Any) -> Any:
    """A reviewer's text without NUL and other control characters (PostgreSQL text refuses NUL)."""
    if isinstance(v, str):
        return v.translate(_CONTROLS)
    if isinstance(v, list):
        return [_scrub(x) for x in v]
    if isinstance(v, dict):
        return {k: _scrub(x) for k, x in v.items()}
    return v


def _target(keys: Keys, doc_ids: set[str], kind: str, t: str) -> tuple[str | None, dict | None]:
    if kind == "document":
        return (t, None) if t in doc_ids else (None, None)
    if kind == "entity":
        eid = t if t in keys.ents else keys.entity(t)
        return (keys.entity_key(eid), keys.ents[eid]) if eid else (None, None)
    if kind == "event":
        evid = t if t in keys.evs else keys.event(t)
        return (keys.event_key(evid), keys.evs[evid]) if evid else (None, None)
    if kind == "mention":
        hit = keys.mention(t)
        if hit is None:     # a mention id "DOC:evN" as the evidence records it
            hit = next(((ev["id"], i) for ev in keys.evs.values() for i, sp in enumerate(ev.get("evidence") or [])
                        if sp.get("mention") == t), None)
        if hit is None:
            return None, None
        sp = keys.evs[hit[0]]["evidence"][hit[1]]
        return _mention_key(sp), sp
    if kind == "conflict":
        cs = keys.results.get("conflicts", [])
        i = next((i for i, c in enumerate(cs) if c.get("id") == t), None)
        if i is None:
            i = keys.conflict(t)
        return (keys.conflict_key(cs[i]), cs[i]) if i is not None else (None, None)
    if kind == "leg":
        a, sep, b = t.rpartition("|")
        if not sep:
            return None, None
        if a in keys.ents and b in keys.evs:
            k = keys.leg_key(a, b)
        else:
            k = t
        hit = keys.leg(k) if k else None
        return (k, keys.results["itineraries"][hit[0]]["legs"][hit[1]]) if hit else (None, None)
    return None, None


def _value(keys: Keys, kind: str, field: str, v: Any, obj: dict | None) -> Any:
    """Check and normalise a new value; entities named in it are kept by their stable keys."""
    def entity_or_text(x, what):
        if isinstance(x, dict) and "entity" in x:
            x = x["entity"]
        if not isinstance(x, str) or not x.strip():
            raise CorrectionError(f"{what}: give an entity id or a name")
        x = x.strip()
        eid = x if x in keys.ents else keys.entity(x)
        return {"entity": keys.entity_key(eid)} if eid else {"text": x[:500]}

    if field == "status":
        if v not in REVIEW:
            raise CorrectionError(f"status must be one of: {', '.join(REVIEW)}")
        return v
    if field == "note":
        return None if v is None else str(v)[:4000]
    if field in ("name_ar", "name_en", "means"):
        if not isinstance(v, str) or not v.strip():
            raise CorrectionError(f"{field}: give the corrected text")
        return v.strip()[:500]
    if field == "type":
        allowed = ENTITY_TYPES if kind == "entity" else tuple(event_schema.types())
        if v not in allowed:
            raise CorrectionError(f"type '{v}' is not a known {kind} type (e.g. {', '.join(sorted(allowed)[:12])})")
        return v
    if field == "polarity":
        allowed = tuple(event_schema.schema()["polarities"])
        if v not in allowed:
            raise CorrectionError(f"polarity must be one of: {', '.join(allowed)}")
        return v
    if field == "time":
        return _time(v)
    if field in PLACE_SLOTS or field in ("from", "to"):
        return entity_or_text(v, field)
    if field == "via" or field.startswith("role:"):
        items = v if isinstance(v, list) else [] if v in (None, "") else [v]
        if len(items) > MAX_ITEMS:
            raise CorrectionError(f"{field}: at most {MAX_ITEMS} values")
        return [entity_or_text(x, field) for x in items]
    if field == "source":
        items = v if isinstance(v, list) else [s for s in str(v or "").split(">")]
        items = [str(s).strip()[:200] for s in items if str(s).strip()]
        if len(items) > MAX_ITEMS:
            raise CorrectionError(f"source: at most {MAX_ITEMS} links")
        if not items:
            raise CorrectionError("source: give the chain of sources, outermost first (A > B > C)")
        return items
    if field == "merge":
        other = entity_or_text(v, "merge")
        if "entity" not in other:
            raise CorrectionError(f"merge: no entity '{v}' to merge with")
        if obj is not None and other["entity"] == keys.entity_key(obj["id"]):
            raise CorrectionError("merge: an entity cannot be merged with itself")
        return other
    if field == "split":
        if not isinstance(v, dict) or not isinstance(v.get("mentions"), list) or not v["mentions"]:
            raise CorrectionError('split: give {"mentions": [[doc, start, end], ...], "name": ...}')
        if len(v["mentions"]) > 10000:
            raise CorrectionError("split: too many mentions")
        have = {(m["doc"], m["start"], m["end"]) for m in (obj or {}).get("mentions") or []}
        ms = []
        for m in v["mentions"]:
            if isinstance(m, str):
                m = m.rsplit(":", 2)
            try:
                t = (str(m[0]), int(m[1]), int(m[2]))
            except (TypeError, ValueError, IndexError, KeyError):
                raise CorrectionError(f"split: a mention is [doc, start, end] or DOC:START:END, not {m!r}")
            if t not in have:
                raise CorrectionError(f"split: the entity has no mention {t[0]}:{t[1]}:{t[2]}")
            ms.append(list(t))
        if len(ms) >= len(have):
            raise CorrectionError("split: leave at least one mention with the entity")
        name = v.get("name")
        return {"mentions": sorted(ms), "name": str(name).strip()[:200] if name else None}
    raise CorrectionError(f"cannot correct {field}")


def _time(v: Any) -> dict:
    """A time as an interval: "2024-12-08", "2024-12-08T01:30+03:00", "A/B", or {earliest, latest}."""
    if isinstance(v, str):
        a, _, b = v.partition("/")
        v = {"earliest": a.strip(), "latest": (b or a).strip()}
    if not isinstance(v, dict) or not (v.get("earliest") or v.get("latest")):
        raise CorrectionError("time: give an ISO date or date-time, an interval A/B, or {earliest, latest}")
    out = {}
    for k in ("earliest", "latest"):
        x = v.get(k)
        if x:
            try:
                datetime.fromisoformat(str(x))
            except ValueError:
                raise CorrectionError(f"time: '{x}' is not an ISO 8601 date or date-time")
            out[k] = str(x)
    if out.get("earliest") and out.get("latest") and out["earliest"] > out["latest"] and len(out["earliest"]) == len(out["latest"]):
        raise CorrectionError("time: earliest is after latest")
    out["text"] = str(v.get("text") or "")[:200] or None
    return out


# ------------------------------------------------------------------ applying
def apply(results: dict[str, list], corrections: list[dict], doc_ids: set[str] | None = None,
          documents: Callable[[set[str]], list[dict]] | None = None) -> dict[int, Outcome]:
    """Apply ``corrections`` (active and orphaned ones; undone ones are skipped) to ``results`` in
    place, in the order they were made; returns each one's outcome. Corrected objects carry a
    ``review`` record: ``status`` (confirmed/rejected), ``corrected`` {field: {old, new, correction}},
    ``notes`` and the ids of the ``corrections`` that touched them. ``documents(ids)``: those stored
    documents with their paragraphs, for itineraries built again (their sources' names, the narrative)."""
    todo = sorted((c for c in corrections if c.get("status") != "undone"), key=lambda c: (c.get("at") or "", c["id"]))
    out: dict[int, Outcome] = {}
    keys = Keys(results)
    # 1. entities: merges and splits first (they change which entity a key names), then the rest
    phases = (lambda c: c["kind"] == "entity" and c["field"] in ("merge", "split"),
              lambda c: c["kind"] in ("entity", "event", "mention", "document"),
              lambda c: c["kind"] in ("conflict", "leg"))
    done: set[int] = set()
    for n, phase in enumerate(phases):
        if n == 1 and keys.redirect:
            _rename(results, keys.redirect)
            keys.index()
        if n == 2 and any(out[c["id"]].status == "active" and _moves_legs(c) for c in todo if c["id"] in out):
            _rebuild_itineraries(results, documents)
            keys.index()
        for c in todo:
            if c["id"] in done or not phase(c):
                continue
            done.add(c["id"])
            try:
                out[c["id"]] = _apply_one(results, keys, c, doc_ids)
            except (KeyError, TypeError, ValueError, IndexError, AttributeError) as e:  # a hand-edited row
                out[c["id"]] = Outcome("orphaned", f"cannot be applied: {type(e).__name__}: {e}")
    return out


def _moves_legs(c: dict) -> bool:
    """Can this correction change an itinerary (so that they are built again from corrected events)?"""
    if c["kind"] not in ("entity", "event", "mention") or c["field"] in ("note", "name_ar", "name_en"):
        return False
    return not (c["field"] == "status" and c["new"] == "confirmed")


def _mark(obj: dict, c: dict, old: Any = None, new: Any = None) -> None:
    r = obj.setdefault("review", {})
    r.setdefault("corrections", []).append(c["id"])
    if c["field"] == "note" or c.get("note"):
        r.setdefault("notes", []).append({"note": c.get("note") or c.get("new"), "author": c.get("author"),
                                          "at": c.get("at"), "correction": c["id"]})
    if c["field"] == "status":
        r["status"] = c["new"]
    elif c["field"] != "note":
        prev = r.setdefault("corrected", {}).get(c["field"])
        r["corrected"][c["field"]] = {"old": prev["old"] if prev else old, "new": new, "correction": c["id"],
                                      "author": c.get("author"), "at": c.get("at")}


def _resolve_value(keys: Keys, v: Any) -> tuple[Any, str | None]:
    """A stored value with its entity keys turned into today's ids (or why not)."""
    if isinstance(v, list):
        got = [_resolve_value(keys, x) for x in v]
        bad = next((r for _, r in got if r), None)
        return [x for x, _ in got], bad
    if isinstance(v, dict) and "entity" in v:
        eid = keys.entity(v["entity"])
        return (eid, None) if eid else (None, f"the entity {v['entity']} it names is gone")
    if isinstance(v, dict) and "text" in v and len(v) == 1:
        return "raw:" + v["text"], None
    return v, None


def _apply_one(results: dict, keys: Keys, c: dict, doc_ids: set[str] | None) -> Outcome:
    apply_kind = _APPLY.get(c["kind"])
    if apply_kind is None:
        return Outcome("orphaned", f"unknown kind {c['kind']}")
    # each kind's function returns None when its target is not in these results
    return apply_kind(results, keys, c, doc_ids) or \
        Outcome("orphaned", f"no {c['kind']} {c['target']} after this build")


def _on_document(results: dict, keys: Keys, c: dict, doc_ids: set[str] | None) -> Outcome | None:
    if doc_ids is not None and c["target"] not in doc_ids:
        return None
    return Outcome("active")     # shown by the export, which has the documents


def _on_entity(results: dict, keys: Keys, c: dict, doc_ids: set[str] | None) -> Outcome | None:
    eid, field = keys.entity(c["target"]), c["field"]
    if eid is None:
        return None
    e = keys.ents[eid]
    if field == "merge":
        other = keys.entity(c["new"]["entity"])
        if other is None:
            return Outcome("orphaned", f"the entity {c['new']['entity']} to merge is gone")
        if other != eid:                    # else already one entity
            _merge(keys, eid, other)
            _mark(e, c, None, other)
        return Outcome("active")
    if field == "split":
        return _split(results, keys, e, c)
    if field in ("name_ar", "name_en", "type"):
        old = e.get(field)
        e[field] = c["new"]
        _mark(e, c, old, c["new"])
    else:
        _mark(e, c)
    return Outcome("active")


def _on_event(results: dict, keys: Keys, c: dict, doc_ids: set[str] | None) -> Outcome | None:
    evid, field = keys.event(c["target"]), c["field"]
    if evid is None:
        return None
    ev = keys.evs[evid]
    if field in ("status", "note"):
        _mark(ev, c)
        return Outcome("active")
    new, bad = _resolve_value(keys, c["new"])
    if bad:
        return Outcome("orphaned", bad)
    if field.startswith("role:"):
        role = field[5:]
        old = [p.get("entity") for p in ev.get("participants") or [] if p.get("role") == role]
        ev["participants"] = [p for p in ev.get("participants") or [] if p.get("role") != role] + \
            [{"entity": x, "role": role, "accounts": []} for x in new]
    else:
        old = ev.get(field)
        if field == "time":
            new = _reviewed_time(new)
        if field == "type":
            ev["class"] = event_schema.types().get(new, {}).get("class", ev.get("class"))
            ev["types"] = [new]
        ev[field] = new
    _mark(ev, c, old, new)
    _settle_conflicts(results, ev["id"], field, c)
    return Outcome("active")


def _on_mention(results: dict, keys: Keys, c: dict, doc_ids: set[str] | None) -> Outcome | None:
    hit = keys.mention(c["target"])
    if hit is None:
        return None
    sp = keys.evs[hit[0]]["evidence"][hit[1]]
    if c["field"] == "source":
        old = (sp.get("attribution") or {}).get("chain")
        sp["attribution"] = {**(sp.get("attribution") or {}),
                             "chain": [{"name": n, "kind": "reviewer"} for n in c["new"]]}
        _mark(sp, c, old, c["new"])
    else:
        _mark(sp, c)
    return Outcome("active")


def _on_conflict(results: dict, keys: Keys, c: dict, doc_ids: set[str] | None) -> Outcome | None:
    i = keys.conflict(c["target"])
    if i is None:
        return None
    _mark(results["conflicts"][i], c)
    return Outcome("active")


def _on_leg(results: dict, keys: Keys, c: dict, doc_ids: set[str] | None) -> Outcome | None:
    hit, field = keys.leg(c["target"]), c["field"]
    if hit is None:
        return None
    leg = results["itineraries"][hit[0]]["legs"][hit[1]]
    if field in ("status", "note"):
        _mark(leg, c)
        return Outcome("active")
    new, bad = _resolve_value(keys, c["new"])
    if bad:
        return Outcome("orphaned", bad)
    if field == "time":
        new = _reviewed_time(new)
    old = leg.get(field)
    leg[field] = new
    _mark(leg, c, old, new)
    fate = results["itineraries"][hit[0]].get("fate") or {}
    if field == "to" and fate.get("event") == leg.get("event") and fate.get("status") == "moved":
        fate["place"] = new          # the last known whereabouts came from this leg's destination
        _mark(fate, c, old, new)
    return Outcome("active")


_APPLY = {"document": _on_document, "entity": _on_entity, "event": _on_event, "mention": _on_mention,
          "conflict": _on_conflict, "leg": _on_leg}


def _reviewed_time(t: dict) -> dict:
    """A reviewer's time, with the text and precision a stored time carries."""
    return {**t, "text": t.get("text") or "reviewer", "precision": _precision(t)}


def _precision(t: dict) -> str:
    s = t.get("earliest") or t.get("latest") or ""
    return "minute" if "T" in s else "day"


def _settle_conflicts(results: dict, evid: str, field: str, c: dict) -> None:
    """A slot the reviewer has corrected is no longer an open disagreement: its conflicts say so."""
    for cf in results.get("conflicts", []):
        if cf.get("event") == evid and cf.get("field") == field:
            cf.setdefault("review", {})["settled_by"] = c["id"]


def _merge(keys: Keys, keep: str, gone: str) -> None:
    a, b = keys.ents[keep], keys.ents.pop(gone)
    a["mentions"] = sorted(a.get("mentions") or [], key=lambda m: (m["doc"], m["start"])) + \
        sorted(b.get("mentions") or [], key=lambda m: (m["doc"], m["start"]))
    names = [b.get("name_ar"), b.get("name_en")] + list(b.get("aliases") or [])
    a["aliases"] = sorted(set(a.get("aliases") or []) | {n for n in names if n})
    a["roles"] = list(a.get("roles") or []) + [r for r in b.get("roles") or [] if r not in (a.get("roles") or [])]
    a.setdefault("merged", []).append({"id": b["id"], "kb_id": b.get("kb_id"), "name_ar": b.get("name_ar"),
                                        "name_en": b.get("name_en")})
    keys.results["entities"] = [e for e in keys.results["entities"] if e["id"] != gone]
    keys.redirect[gone] = keep
    # the merged entity's mentions now name the survivor
    for m in b.get("mentions") or []:
        keys.ent_by_mention[(m["doc"], m["start"], m["end"])] = keep
    if b.get("kb_id"):
        keys.ent_by_kb[b["kb_id"]] = keep


def _split(results: dict, keys: Keys, e: dict, c: dict) -> Outcome:
    moved = {tuple(m) for m in c["new"]["mentions"]}
    have = [m for m in e.get("mentions") or [] if (m["doc"], m["start"], m["end"]) in moved]
    if not have:
        return Outcome("orphaned", "none of the mentions to split off is with the entity now")
    if len(have) == len(e.get("mentions") or []):
        return Outcome("orphaned", "the split would leave the entity without mentions")
    nid = "e:split:" + hashlib.sha1((c["target"] + _canon(sorted(moved))).encode()).hexdigest()[:12]
    e["mentions"] = [m for m in e["mentions"] if (m["doc"], m["start"], m["end"]) not in moved]
    new = {"id": nid, "type": e.get("type"), "name_ar": c["new"].get("name") or e.get("name_ar"),
           "name_en": c["new"].get("name") if c["new"].get("name") else e.get("name_en"), "aliases": [], "roles": [],
           "kb_id": None, "coordinates": None, "mentions": have, "split_from": e["id"]}
    results["entities"].append(new)
    keys.ents[nid] = new
    for m in have:
        keys.ent_by_mention[(m["doc"], m["start"], m["end"])] = nid
    # events told only in documents where the entity is now only the split-off one follow it
    stay_docs = {m["doc"] for m in e["mentions"]}
    moved_docs = {m["doc"] for m in have} - stay_docs
    for ev in results.get("events", []):
        docs = {sp.get("doc") for sp in ev.get("evidence") or []}
        if docs and docs <= moved_docs:
            _rename_in(ev, {e["id"]: nid})
    _mark(e, c, None, nid)
    _mark(new, c, None, nid)
    return Outcome("active")


def _rename_in(x: Any, ids: dict[str, str]) -> Any:
    """Replace entity ids anywhere in a JSON value (except inside review records), in place."""
    if isinstance(x, dict):
        for k, v in x.items():
            if k in ("review", "merged", "id", "split_from"):
                continue
            if isinstance(v, str) and v in ids:
                x[k] = ids[v]
            else:
                _rename_in(v, ids)
    elif isinstance(x, list):
        for i, v in enumerate(x):
            if isinstance(v, str) and v in ids:
                x[i] = ids[v]
            else:
                _rename_in(v, ids)
    return x


def _rename(results: dict, redirect: dict[str, str]) -> None:
    ids = {}
    for a in redirect:
        b = a
        while b in redirect:
            b = redirect[b]
        ids[a] = b
    for kind in ("events", "conflicts", "itineraries", "relations", "entities"):
        _rename_in(results.get(kind, []), ids)


def _rebuild_itineraries(results: dict, documents: Callable[[set[str]], list[dict]] | None = None) -> None:
    """Itineraries follow corrected events and entities; rejected events make no leg. The documents
    of the events with a mover are read as the corpus stage gives them (names of sources, narrative)."""
    try:
        from .itinerary import MOVER_ROLES, build_itineraries
        evs = [e for e in results.get("events", []) if (e.get("review") or {}).get("status") != "rejected"]
        docs = None
        if documents is not None:
            ids = {m.get("doc") for e in evs if any(p.get("role") in MOVER_ROLES for p in e.get("participants", []))
                   for m in e.get("mentions", [])}
            docs = documents(ids - {None})
        itineraries = build_itineraries(evs, results.get("entities", []), docs)
    except (ImportError, TypeError):      # another itinerary builder: keep what the corpus stage made
        return
    # the time check's stay contradictions come from the itineraries: made again with them, so a moved
    # leg's old finding does not linger until the next corpus stage
    from .timecheck import with_stay_conflicts
    results["itineraries"], results["conflicts"] = with_stay_conflicts(itineraries, results.get("conflicts", []))


# ------------------------------------------------------------------ re-applying after the corpus stage
def stored_documents(store, ids: set[str]) -> list[dict]:
    """These stored documents as the corpus stage reads them: metadata, text and paragraphs."""
    analyses = store.analyses_of(ids)
    return [{**d, "paragraphs": (analyses.get(d["id"]) or {}).get("paragraphs", [])} for d in store.documents(ids)]


def _record(store, corrs: list[dict], outcomes: dict[int, Outcome]) -> list[dict]:
    orphaned = []
    for c in corrs:
        o = outcomes.get(c["id"])
        if o is None:
            continue
        if o.status != c["status"] or o.reason != c.get("reason"):
            store.set_correction_status(c["id"], o.status, o.reason)
        if o.status == "orphaned":
            orphaned.append({**c, "status": "orphaned", "reason": o.reason})
    return orphaned


def reapply(store) -> list[dict]:
    """After a correction is added or undone: the corrected results again, from the uncorrected ones
    the store keeps (no re-analysis, no corpus stage). Returns the orphaned corrections."""
    with store.snapshot():
        base = store.uncorrected()
        state = store.corpus_recorded_state()
        results = json.loads(base) if base is not None else store.corpus()
    if base is None:
        base = json.dumps(results, ensure_ascii=False)
    corrs = [c for c in store.corrections() if c["status"] != "undone"]
    outcomes = apply(results, corrs, store.known_ids(), lambda ids: stored_documents(store, ids)) if corrs else {}
    store.put_corpus(results, documents=state, base=base if corrs else None)
    return _record(store, corrs, outcomes)


def add(store, kind: str, target: str, field: str, value: Any = None, note: str | None = None,
        author: str | None = None) -> dict:
    """Make, store and apply one correction; returns it as stored (with its status)."""
    with store.snapshot():
        current = store.corpus()
        docs = store.known_ids()
    c = make(current, docs, kind, target, field, value, note, author)
    cid = store.add_correction(c)
    reapply(store)
    return store.correction(cid)


def undo(store, cid: int) -> dict:
    c = store.correction(cid)
    if c is None:
        raise CorrectionError(f"no correction {cid}")
    if c["status"] == "undone":
        raise CorrectionError(f"correction {cid} is already undone")
    store.set_correction_status(cid, "undone", None)
    reapply(store)
    return store.correction(cid)


def describe(c: dict) -> str:
    """One line for the review log."""
    v = c.get("new")
    shown = v if isinstance(v, str) else _canon(v) if v is not None else ""
    what = {"status": shown, "note": "note", "merge": f"merge with {shown}", "split": f"split {shown}"}.get(
        c["field"], f"{c['field']} = {shown}")
    return (f"#{c['id']} [{c['status']}] {c['kind']} {c['target']}: {what}"
            + (f"  «{c['note']}»" if c.get("note") else "") + (f"  ({c['reason']})" if c.get("reason") else ""))


# ------------------------------------------------------------------ scoring the extractor against the review
def score(corrections: list[dict], results: dict[str, list] | None = None) -> dict[str, dict]:
    """How right riwaya was on what reviewers looked at: per kind, the targets reviewed, those it got
    right (confirmed and not corrected) and wrong (rejected, corrected, merged or split), and the
    precision. ``arguments`` counts event slots: corrected slots are wrong; the filled slots of a
    confirmed event that nobody corrected are right. Only active corrections count; for a target
    reviewed several times the latest status stands."""
    seen: dict[tuple[str, str], dict] = {}
    for c in sorted((c for c in corrections if c.get("status") == "active"), key=lambda c: (c.get("at") or "", c["id"])):
        if c["field"] == "note":
            continue
        r = seen.setdefault((c["kind"], c["target"]), {"status": None, "fields": set()})
        if c["field"] == "status":
            r["status"] = c["new"]
        else:
            r["fields"].add(c["field"])
            if c["kind"] == "entity" and c["field"] == "merge":   # the entity merged in was a wrong split
                seen.setdefault(("entity", c["new"]["entity"]), {"status": None, "fields": set()})["fields"].add("merged")
    out: dict[str, dict] = {}

    def count(kind: str, ok: bool) -> None:
        s = out.setdefault(kind, {"reviewed": 0, "right": 0, "wrong": 0})
        s["reviewed"] += 1
        s["right" if ok else "wrong"] += 1

    keys = Keys(results) if results else None
    for (kind, target), r in seen.items():
        wrong = r["status"] == "rejected" or bool(r["fields"])
        count({"mention": "sources"}.get(kind, kind + "s" if not kind.endswith("y") else kind[:-1] + "ies"), not wrong)
        if kind == "event" and r["status"] != "rejected":
            if r["fields"] - {"type"}:
                for f in r["fields"] - {"type"}:
                    count("arguments", False)
            if "type" in r["fields"] or r["status"] == "confirmed":
                count("event types", "type" not in r["fields"])
            if r["status"] == "confirmed" and keys is not None:
                evid = keys.event(target)
                ev = keys.evs.get(evid) if evid else None
                for f in ("origin", "destination", "place", "means", "time"):
                    if ev is not None and f not in r["fields"] and ev.get(f) and f not in ((ev.get("review") or {}).get("corrected") or {}):
                        count("arguments", True)
    for s in out.values():
        s["precision"] = round(s["right"] / s["reviewed"], 3) if s["reviewed"] else None
    return dict(sorted(out.items()))
