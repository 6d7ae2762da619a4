"""A movement told without its mover, in a narrative of one person's moves (issue #15).

"... he boarded the plane ... The plane passed 3 am, took off, then landed at the Russian base, where he and
his children stayed a few hours": the landing has no mover of its own (its subject is the plane, or
nobody), no named place ("the Russian base") and no date (a clock time past a heading). A reader takes all
three from the narrative:

- the mover: the person who moved in the movement told last before it, in the same paragraph or the one before (``narrative.max_paragraph_breaks``) and within
  ``narrative.max_chars`` (data/itinerary/travel.yaml): the discourse state that carries a dropped subject;
- the place: a place told only by its kind ("the base", "القاعدة") is the place of that kind the document
  names nearest (``narrative.place_heads``, by the knowledge base's kind);
- the time: its own, else the time of the step before it in a narrative chain (``context_time``); a clock
  time whose day is not told ("3 am" after a heading dated a week before: "on or after that day") takes
  the day of the happening the narrative tells (``day_of_clock``): the day on which the clock time falls
  inside a time that the movement told before it is given, as a date, by its reports.

Runs after the events and their conflicts are made (clusters and conflicts do not move); what it adds is
marked ``inherited: "narrative"`` (a participant) or ``inferred`` (a time) and feeds the itineraries and
their time check.
"""
from __future__ import annotations

import re
from datetime import date, datetime, timedelta
from functools import lru_cache

from .. import event_schema as schema

MOVER_ROLES = ("agent", "patient")
_PARA = re.compile(r"\n\s*")


def _cfg() -> dict:
    from ..itinerary import travel
    return travel().get("narrative") or {}


def _norm(w: str) -> str:
    from ..textutil import normalize_ar
    return normalize_ar(str(w)).lower()


@lru_cache(maxsize=1)
def _vehicle_words() -> frozenset[str]:
    from ..itinerary import travel
    return frozenset(_norm(w) for d in travel()["modes"].values() for lang in ("ar", "en") for w in d["words"][lang])


def _kind(e: dict) -> str:
    kb = e.get("kb_id") or ""
    return ((e.get("attrs") or {}).get("kind") or (kb.split(":", 1)[0] if ":" in kb else "")).lower()


def place_kind(phrase: str) -> str | None:
    """The kind of place a phrase names by its head alone ("القاعدة الروسية", "the base"), or None."""
    cfg = _cfg()
    preps = {_norm(w) for lang in ("ar", "en") for w in (cfg.get("prepositions") or {}).get(lang, [])}
    toks = [_norm(t) for t in re.findall(r"\w+", phrase or "")]
    while toks and toks[0] in preps:
        toks = toks[1:]
    if toks and toks[0][:1] in ("ب",) and len(toks[0]) > 3 and toks[0][1:3] == "ال":
        toks[0] = toks[0][1:]               # بالقاعدة
    if toks and toks[0] in ("the", "a"):
        toks = toks[1:]
    if not toks:
        return None
    for kind, words in (cfg.get("place_heads") or {}).items():
        for w in words.get("ar", []) + words.get("en", []):
            ws = _norm(w).split()
            if toks[:len(ws)] == ws:
                return kind
    return None


def day_of_clock(t: dict | None, told: list[dict]) -> dict | None:
    """A clock time whose day is not told (``latest`` open: "on or after" the day of a heading before it),
    on the one day where its hour falls inside one of the `told` times (each with both bounds) and on or
    after its own earliest; None when no day or several days fit."""
    if not t or t.get("latest") or not t.get("earliest") or t.get("precision") not in ("hour", "minute"):
        return None
    try:
        t0 = datetime.fromisoformat(t["earliest"])
    except ValueError:
        return None
    days: set[date] = set()
    for iv in told:
        try:
            a, b = datetime.fromisoformat(iv["earliest"]), datetime.fromisoformat(iv["latest"])
        except (KeyError, TypeError, ValueError):
            continue
        if (b - a).days > 3:
            continue                        # a month or a year says no day
        d = a.date()
        while d <= b.date():
            x = datetime.combine(d, t0.timetz())
            if a <= x <= b and x >= t0:
                days.add(d)
            d += timedelta(days=1)
    if len(days) != 1:
        return None
    x = datetime.combine(days.pop(), t0.timetz())
    return {**t, "earliest": x.isoformat(), "latest": None, "inferred": "narrative"}


class _Places:
    """Per document, where each place of a kind in ``place_heads`` is named (made on first use)."""

    def __init__(self, entities):
        self.entities, self.by_doc = entities, None

    def near(self, doc: str, pos: int, kind: str, max_chars: int) -> str | None:
        if self.by_doc is None:
            kinds = set((_cfg().get("place_heads") or {}))
            self.by_doc = {}
            for e in self.entities:
                k = _kind(e)
                if e.get("type") == "place" and k in kinds:
                    for m in e.get("mentions") or []:
                        self.by_doc.setdefault(m.get("doc"), []).append((m.get("start", 0), e["id"], k))
        cands = [(abs(s - pos), eid) for s, eid, k in self.by_doc.get(doc, []) if k == kind and abs(s - pos) <= max_chars]
        ids = {eid for d, eid in cands if d == min(cands)[0]} if cands else set()
        return next(iter(ids)) if len(ids) == 1 else None


def _person_movers(ev: dict, ents) -> dict[str, str]:
    """account -> the one person who moves in the event as that account tells it (none when several)."""
    out: dict[str, set] = {}
    for p in ev.get("participants") or []:
        e = ents.by_id.get(p.get("entity")) if isinstance(p.get("entity"), str) else None
        if p.get("role") in MOVER_ROLES and e and e.get("type") == "person":
            for acc in p.get("accounts") or [None]:
                out.setdefault(acc, set()).add(p["entity"])
    return {a: next(iter(s)) for a, s in out.items() if len(s) == 1}


def _definite_vehicle(phrase: str, vehicles: set[str]) -> bool:
    """"الطائرة", "the plane": a vehicle already in the narrative (an indefinite one, "طائرة Yak-40", "a
    plane", is another one, maybe carrying others)."""
    toks = [_norm(t) for t in re.findall(r"\w+", phrase)]
    if not toks:
        return False
    if toks[0] == "the" and len(toks) > 1:
        return toks[1] in vehicles
    w = toks[0][1:] if toks[0][:1] in ("و", "ف") and toks[0][1:3] == "ال" else toks[0]
    return w.startswith("ال") and (w in vehicles or w[2:] in vehicles)


def _orphan(ev: dict, ents, vehicles: set[str]) -> bool:
    """A movement that relocates whose only participant is its subject, and that subject can be no
    mover: a vehicle of the narrative ("the plane took off") or a place told by its kind, misread as the
    subject ("then landed at the Russian base")."""
    if ev.get("class") != "movement" or not schema.types().get(ev.get("type") or "", {}).get("relocates", True):
        return False
    parts = ev.get("participants") or []
    if not parts:
        return False          # nobody named: a noun ("the escape") as often as a dropped subject
    for p in parts:
        x = p.get("entity")
        if p.get("role") != "agent" or not isinstance(x, str) or not x.startswith("raw:"):
            return False      # a named actor, or someone moved or accompanying: a mover of its own
        if not (_definite_vehicle(x[4:], vehicles) or place_kind(x[4:])):
            return False
    return True


def _may_be_orphan(m: dict, ents, vehicles: set[str]) -> bool:
    """Whether a (canonical) mention may be one of an ``_orphan`` event's: it has an agent told by a span that is
    a vehicle of the narrative or a place told by its kind, read as compared or as first written (the event is
    checked after ``core._as_written``). An orphan event's participants are some of its mentions' (a view,
    ``core._participants``), each such an agent, so one of its mentions at least is this; any class, any type."""
    for p in m.get("participants") or ():
        x = p.get("entity")
        if p.get("role") != "agent" or not isinstance(x, str) or not x.startswith("raw:"):
            continue
        for t in {x[4:], ents.surface.get(x) or x[4:]}:
            if _subject_no_mover(t, vehicles):
                return True
    return False


@lru_cache(maxsize=1 << 14)
def _subject_no_mover(phrase: str, vehicles: frozenset[str]) -> bool:
    """A vehicle of the narrative or a place told by its kind (``_orphan``'s test of a subject)."""
    return _definite_vehicle(phrase, vehicles) or place_kind(phrase) is not None


def narrative_units(units: list[list[list[dict]]], ents, make) -> set[int]:
    """Which units of events (each a list of its events' canonical mentions, ``core.subpart_units``) what
    ``adopt_narrative_movers`` does in a reconciler's call may change or read: a unit holding an orphan movement
    (it is given a mover), and a unit with a mention that an orphan's narrative tells before it (the movers it
    reads: a mention of the orphan's document within ``narrative.max_chars`` before its trigger). Every other
    unit's events are neither changed nor read by the adoption, whatever else the call holds, so a unit of them
    may be carried over as stored. ``make(members)``: the event as the adoption reads it (built, as written);
    made only for a unit with a mention that may be an orphan's (``_may_be_orphan``)."""
    vehicles = _vehicle_words()
    max_chars = int(_cfg().get("max_chars") or 300)
    out: set[int] = set()
    triggers: dict[str, list[int]] = {}        # document -> the triggers of its orphans
    for k, u in enumerate(units):
        if not any(_may_be_orphan(m, ents, vehicles) for c in u for m in c):
            continue
        for members in u:
            ev = make(members)
            if ev.get("class") == "movement" and not _person_movers(ev, ents) and _orphan(ev, ents, vehicles):
                out.add(k)
                for e in ev.get("evidence") or []:
                    if isinstance(e.get("trigger_start"), int):
                        triggers.setdefault(e.get("doc"), []).append(e["trigger_start"])
    if triggers:
        for k, u in enumerate(units):
            if k not in out and any(isinstance(m.get("trigger_start"), int) and any(
                    0 < t - m["trigger_start"] <= max_chars for t in triggers.get(m.get("doc"), ()))
                    for c in u for m in c):
                out.add(k)
    return out


def adopt_narrative_movers(events: list[dict], docs: dict[str, dict], ents, context: dict | None = None) -> int:
    """Give each orphan movement (``_orphan``) the mover, the place and the time of its narrative (in
    place); returns how many mentions were given a mover."""
    cfg = _cfg()
    max_chars = int(cfg.get("max_chars") or 300)
    breaks = int(cfg.get("max_paragraph_breaks") or 0)
    vehicles = _vehicle_words()
    context = context or {}
    movers: dict[str, list] = {}           # doc -> [(trigger_start, person, event)]
    orphans = []
    for ev in events:
        if ev.get("class") != "movement":
            continue
        by_acc = _person_movers(ev, ents)
        if by_acc:
            for e in ev.get("evidence") or []:
                pid = by_acc.get(e.get("independent_account") or e.get("account")) or by_acc.get(None)
                if pid and isinstance(e.get("trigger_start"), int):
                    movers.setdefault(e.get("doc"), []).append((e["trigger_start"], pid, ev))
        elif _orphan(ev, ents, vehicles):
            orphans.append(ev)
    if not orphans:
        return 0
    places = _Places(ents.by_id.values())
    n = 0
    for ev in orphans:
        for e in ev.get("evidence") or []:
            doc, ts = e.get("doc"), e.get("trigger_start")
            text = (docs.get(doc) or {}).get("text") or ""
            if not isinstance(ts, int) or not text:
                continue
            prior = [(s, pid, mev) for s, pid, mev in movers.get(doc, []) if 0 < ts - s <= max_chars
                     and len(_PARA.findall(text, s, ts)) <= breaks]
            if not prior:
                continue
            _, pid, mev = max(prior, key=lambda x: x[0])
            acc = e.get("independent_account") or e.get("account")
            ev.setdefault("participants", []).append({"entity": pid, "role": "agent", "accounts": [acc],
                                                      "inherited": "narrative"})
            vals = e.setdefault("values", {}) or {}
            if not vals.get("destination") and not ev.get("destination"):
                te = e.get("trigger_end") or ts
                clause = re.split(r"[،,.؛;!?؟\n]", text[te:te + 80])[0]
                raws = [p["entity"][4:] for p in ev.get("participants") or [] if str(p.get("entity")).startswith("raw:")]
                kind = place_kind(clause) or next((k for k in map(place_kind, raws) if k), None)
                pl = places.near(doc, ts, kind, max_chars) if kind else None
                if pl:
                    vals["destination"] = ev["destination"] = pl
            if not vals.get("time"):
                t = (context.get(e.get("mention")) or {}).get("time")
                told = [(x.get("values") or {}).get("time") for x in mev.get("evidence") or []]
                told = [x for x in told if x and x.get("earliest") and x.get("latest")]
                t = day_of_clock(t, told) or t
                if t:
                    vals["time"] = t
                    if not ev.get("time"):
                        ev["time"] = {**{k: t.get(k) for k in ("earliest", "latest", "text", "precision", "tz")},
                                      "support": 1, "of": 1, "inferred": t.get("inferred"),
                                      **({"bound": t["bound"]} if t.get("bound") else {})}
            e["values"] = vals
            n += 1
    return n
