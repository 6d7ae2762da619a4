"""Per-person movement legs, per-account routes and fate, from export-level event dicts.

A leg is one movement event of a person as the reconciler clustered it; it keeps the accounts that
tell it (an account is an upstream source after copies and translations are folded: `independent_account`
of the event's evidence). Where accounts give incompatible origins, stops, destinations or means for the
same leg, the person has alternative routes, each with its accounts; legs all accounts agree on are shared.
A fate is taken only from a statement told as fact about that person (see `_fate_ok`). Each itinerary
also carries the findings of the time check (riwaya/timecheck.py).
"""
from __future__ import annotations

import json
from dataclasses import asdict, dataclass, field
from functools import lru_cache
from typing import Callable, Hashable, Iterable, Iterator
from importlib import resources

from riwaya.datafiles import yaml_load

from . import event_schema as schema

MOVER_ROLES = ("agent", "companion", "patient")
LEG_FIELDS = ("origin", "destination", "via", "means")


@lru_cache(maxsize=1)
def travel() -> dict:
    return yaml_load(resources.files("riwaya").joinpath("data/itinerary/travel.yaml").read_text("utf-8"))


# ------------------------------------------------------------------ records

@dataclass
class Source:
    """One account that tells a leg or a fate: its id, a name for a reader, and where it says so."""
    account: str
    name: str | None = None
    name_ar: str | None = None
    evidence: list[dict] = field(default_factory=list)     # [{doc, start, end}]

    def to_dict(self) -> dict:
        return asdict(self)

    @classmethod
    def from_dict(cls, d: dict) -> "Source":
        return cls(d["account"], d.get("name"), d.get("name_ar"), list(d.get("evidence") or []))


@dataclass
class Leg:
    """One move of a person: from, to, via, means, time (as the event or one account tells it)."""
    origin: str | None = None
    destination: str | None = None
    via: list | None = None
    means: str | None = None
    time: dict | None = None
    event: str | None = None
    type: str | None = None
    evidence: list[dict] = field(default_factory=list)
    accounts: list[Source] = field(default_factory=list)
    disputed: bool = False          # accounts give incompatible versions (see the itinerary's alternatives)
    window: dict | None = None      # the time check's narrowed UTC bounds {depart: [lo, hi], arrive: [lo, hi]}
    arrive_time: dict | None = field(default=None, repr=False)   # one account's time of reaching its end
    arrive_place: str | None = field(default=None, repr=False)   # ... and the end it names then

    def to_dict(self) -> dict:
        d = {"from": self.origin, "to": self.destination, "via": self.via, "means": self.means,
             "time": self.time, "event": self.event, "type": self.type, "evidence": self.evidence,
             "accounts": [a.to_dict() for a in self.accounts], "disputed": self.disputed}
        if self.window:
            d["window"] = self.window
        return d

    @classmethod
    def from_dict(cls, d: dict) -> "Leg":
        return cls(d.get("from"), d.get("to"), d.get("via"), d.get("means"), d.get("time"), d.get("event"),
                   d.get("type"), list(d.get("evidence") or []),
                   [Source.from_dict(a) for a in d.get("accounts") or []], bool(d.get("disputed")), d.get("window"))


@dataclass
class Route:
    """One account's (or several agreeing accounts') version of a person's route."""
    accounts: list[Source]
    legs: list[Leg]

    def to_dict(self) -> dict:
        return {"accounts": [a.to_dict() for a in self.accounts], "legs": [lg.to_dict() for lg in self.legs]}

    @classmethod
    def from_dict(cls, d: dict) -> "Route":
        return cls([Source.from_dict(a) for a in d.get("accounts") or []],
                   [Leg.from_dict(x) for x in d.get("legs") or []])


@dataclass
class Fate:
    status: str
    place: str | None = None
    time: dict | None = None
    event: str | None = None
    evidence: list[dict] = field(default_factory=list)
    accounts: list[Source] = field(default_factory=list)

    def to_dict(self) -> dict:
        return {"status": self.status, "place": self.place, "time": self.time, "event": self.event,
                "evidence": self.evidence, "accounts": [a.to_dict() for a in self.accounts]}

    @classmethod
    def from_dict(cls, d: dict) -> "Fate":
        return cls(d["status"], d.get("place"), d.get("time"), d.get("event"), list(d.get("evidence") or []),
                   [Source.from_dict(a) for a in d.get("accounts") or []])


@dataclass
class Itinerary:
    person: str
    legs: list[Leg] = field(default_factory=list)             # every leg, in route order; shared ones undisputed
    alternatives: list[Route] = field(default_factory=list)   # where accounts disagree: one route per version
    fate: Fate | None = None
    time_findings: list[dict] = field(default_factory=list)

    def to_dict(self) -> dict:
        return {"person": self.person, "legs": [lg.to_dict() for lg in self.legs],
                "alternatives": [r.to_dict() for r in self.alternatives],
                "fate": self.fate.to_dict() if self.fate else None, "time_findings": self.time_findings}

    @classmethod
    def from_dict(cls, d: dict) -> "Itinerary":
        return cls(d["person"], [Leg.from_dict(x) for x in d.get("legs") or []],
                   [Route.from_dict(x) for x in d.get("alternatives") or []],
                   Fate.from_dict(d["fate"]) if d.get("fate") else None, list(d.get("time_findings") or []))


# ------------------------------------------------------------------ helpers

def _place(v):
    """A leg's endpoint; an unresolved bare "the country" / "المكان" is an unknown place."""
    if isinstance(v, str) and v.startswith("raw:"):
        from .events.extract import _norm, load_lexicon
        words, w = load_lexicon()["anaphoric_places"], v[4:].strip()
        if _norm(w) in words["ar"] or w.lower() in words["en"]:
            return None
    return v


def _time_key(ev: dict):
    t = ev.get("time") or {}
    return (t.get("earliest") is None, t.get("earliest") or "", t.get("latest") or "")


def _doc_key(ev: dict):
    evd = (ev.get("evidence") or [{}])[0]
    return (evd.get("doc") or "", evd.get("start") or 0, evd.get("trigger_start") or 0)


def _overlap(a: dict, b: dict) -> bool:
    ta, tb = a.get("time") or {}, b.get("time") or {}
    if not (ta.get("earliest") and tb.get("earliest")):
        return ta.get("earliest") == tb.get("earliest")
    return ta["earliest"] <= (tb.get("latest") or tb["earliest"]) and tb["earliest"] <= (ta.get("latest") or ta["earliest"])


def _dest_positions(ev: dict, mentions: dict) -> dict[str, int]:
    """Per document: where the event's destination is named inside its evidence."""
    out = {}
    for sp in ev.get("evidence") or []:
        for s in mentions.get((sp.get("doc"), ev.get("destination")), ()):
            if sp.get("start", 0) <= s < sp.get("end", 0):
                out[sp["doc"]] = min(out.get(sp["doc"], s), s)
    return out


def _route_order(evs: list[dict], mentions: dict | None = None) -> list[dict]:
    """Among events whose times overlap, a leg that continues another comes after it: its origin
    or a stop on its way is where the other one went, or a report names its destination later
    in the same sentence ("to Incirlik, then on to Ankara")."""
    slots = [i for i, e in enumerate(evs) if e.get("destination")]
    legs = [evs[i] for i in slots]
    pos = {id(e): _dest_positions(e, mentions or {}) for e in legs}
    for _ in range(len(legs)):
        moved = False
        for i in range(len(legs) - 1):
            a, b = legs[i], legs[i + 1]
            if not _overlap(a, b) or a.get("destination") == b["destination"]:
                continue
            stops_a = {a.get("origin"), *(a.get("via") or [])} - {None}
            shared = pos[id(a)].keys() & pos[id(b)].keys()
            later = bool(shared) and all(pos[id(b)][d] < pos[id(a)][d] for d in shared)
            if b["destination"] in stops_a or later:
                legs[i], legs[i + 1] = b, a
                moved = True
        if not moved:
            break
    out = list(evs)
    for i, e in zip(slots, legs):
        out[i] = e
    return out


def _account(evd: dict) -> str:
    return evd.get("independent_account") or evd.get("account") or f"doc:{evd.get('doc')}"


def _span(evd: dict) -> dict:
    return {"doc": evd.get("doc"), "start": evd.get("start"), "end": evd.get("end")}


class _Ctx:
    """What naming and comparing need: entities (reconcile's view), documents by id."""

    def __init__(self, entities: list[dict], documents: list[dict] | None):
        self.docs = {d["id"]: d for d in documents or []}
        self.entities = entities
        try:
            from .reconcile.conflicts import Compare
            from .reconcile.core import Entities
            self.ents = Entities(entities)
            self.cmp = Compare(self.ents)
        except ImportError:
            self.ents = self.cmp = None

    def name(self, evd: dict, lang: str) -> str | None:
        if self.ents is not None:
            try:
                from .reconcile.conflicts import source_label
                return source_label(evd, self.docs, self.ents, lang)
            except (ImportError, KeyError):
                pass
        return evd.get("outlet") or evd.get("doc")

    def rel(self, fld: str, a, b) -> str:
        """'same' / 'precision' (one refines the other: Ankara vs Turkey) / 'different'."""
        if a is None or b is None or a == b:
            return "same"
        if self.cmp is None:
            return "different"
        fk = "means" if fld == "means" else fld
        na, nb = self.cmp.norm(fk, a), self.cmp.norm(fk, b)
        if na is None or nb is None:
            return "same"
        return self.cmp.rel(fk, na, nb)


def _sources(items: list[dict], ctx: _Ctx) -> list[Source]:
    by: dict[str, Source] = {}
    for evd in items:
        acc = _account(evd)
        s = by.get(acc)
        if s is None:
            s = by[acc] = Source(acc, ctx.name(evd, "en"), ctx.name(evd, "ar"))
        sp = _span(evd)
        if sp not in s.evidence:
            s.evidence.append(sp)
    return sorted(by.values(), key=lambda s: (s.name or "", s.account))


def _telling(ev: dict, pid: str, roles) -> list[dict]:
    """The event's evidence whose account names `pid` in one of `roles` (participants keep the
    accounts that tell them; without that record every piece of evidence counts)."""
    accs: set | None = set()
    for p in ev.get("participants") or []:
        if p.get("entity") == pid and p.get("role") in roles:
            if "accounts" not in p:
                accs = None
                break
            accs.update(p["accounts"])
    evs = ev.get("evidence") or []
    return evs if accs is None else [e for e in evs if _account(e) in accs]


def _named(items: list[dict], pid: str, mentions: dict, strict: bool = False) -> list[dict]:
    """Of an account's evidence, the sentences that name the person (a cluster can hold another
    person's sentence: "Maher … ended up in Russia" beside "Bashar and Maher live in Russia");
    all of them when none does, unless `strict`."""
    hit = [e for e in items if any((e.get("start") or 0) <= s < (e.get("end") or 0)
                                   for s in mentions.get((e.get("doc"), pid), ()))]
    return hit if (hit or strict) else items


def _values(evd: dict, ev: dict) -> dict:
    """One mention's own arguments; an event without per-mention values lends its own."""
    v = evd.get("values")
    if v is None:
        return {"origin": ev.get("origin"), "destination": ev.get("destination"), "via": ev.get("via"),
                "means": ev.get("means"), "time": ev.get("time"), "polarity": ev.get("polarity")}
    return v


def _account_leg(ev: dict, items: list[dict], ctx: _Ctx) -> Leg:
    """One account's (or one group of agreeing accounts') version of a leg: per field, the value most of
    its mentions give (the first told on a tie); its time the overlap most of its mentions share."""
    from .reconcile import timeiv
    vals = {}
    for f in LEG_FIELDS:
        counts: dict[str, list] = {}
        for evd in items:
            x = _values(evd, ev).get(f)
            if x not in (None, [], ""):
                counts.setdefault(repr(x), [x, 0])[1] += 1
        vals[f] = max(counts.values(), key=lambda c: c[1])[0] if counts else None
    from .reconcile.context_time import is_chain_word

    def told(evds):
        times = [(_values(evd, ev).get("time"), 1.0) for evd in evds if _values(evd, ev).get("time")]
        t = timeiv.consensus(times) if times else None
        return {k: t.get(k) for k in ("earliest", "latest", "text", "precision", "tz")} if t else None
    # a continuation ("..., then to Moscow before dawn") has no verb of its own: its time is when the
    # leg reaches its destination
    cont = [evd for evd in items if is_chain_word(evd.get("trigger") or "") and _values(evd, ev).get("destination")]
    t = told([evd for evd in items if not any(evd is c for c in cont)])
    types = [evd.get("type") for evd in items if evd.get("type")]
    leg = Leg(_place(vals["origin"]), _place(vals["destination"]), vals["via"] or None, vals["means"], t,
              ev.get("id"), max(dict.fromkeys(types), key=types.count) if types else ev.get("type"),
              [_span(e) for e in items], _sources(items, ctx))
    leg.arrive_time = told(cont)
    if leg.arrive_time:
        dests = [_place(_values(evd, ev).get("destination")) for evd in cont]
        leg.arrive_place = max(dict.fromkeys(dests), key=dests.count)
    return leg


def _para_lang(doc: dict, pos: int) -> str | None:
    paras = doc.get("paragraphs") or []
    if isinstance(paras, str):              # as an export may write them
        import ast
        try:
            paras = ast.literal_eval(paras)
        except (ValueError, SyntaxError):
            return None
    for p in paras if isinstance(paras, (list, tuple)) or hasattr(paras, "__iter__") else []:
        try:
            if (p.get("start") or 0) <= pos < (p.get("end") or 0):
                return p.get("lang")
        except AttributeError:
            return None
    return None


def _fold_translations(items: list[dict], ctx: _Ctx) -> list[dict]:
    """A document that carries its own translation tells each thing twice, and its translated half may
    be attributed otherwise ("NBC said" over the English, the outlet over the Arabic): of a leg's
    sentences in one document, those in paragraphs of another language than the document's are left
    out when the document's own language tells the leg too (one account, not two)."""
    by_doc: dict[str, list] = {}
    for e in items:
        by_doc.setdefault(e.get("doc"), []).append(e)
    drop = set()
    for doc_id, es in by_doc.items():
        doc = ctx.docs.get(doc_id) or {}
        main = doc.get("language")
        if not main or len(es) < 2:
            continue
        langs = {id(e): _para_lang(doc, e.get("trigger_start") or e.get("start") or 0) for e in es}
        if any(lg == main for lg in langs.values()):
            drop.update(k for k, lg in langs.items() if lg and lg != main)
    return [e for e in items if id(e) not in drop] if drop else items


def _date_clock_times(versions: dict[str, Leg]) -> None:
    """A clock time an account gives a leg without its day ("3 am" past a heading dated a week before:
    "on or after" that day) takes the day of the happening as the other accounts date it (in place)."""
    from .reconcile.narrative import day_of_clock
    for acc, v in versions.items():
        if v.time and not v.time.get("latest"):
            told = [o.time for a, o in versions.items() if a != acc and o.time and o.time.get("earliest")
                    and o.time.get("latest")]
            t = day_of_clock(v.time, told)
            if t:
                v.time = t


def _compatible(a: Leg, b: Leg, ctx: _Ctx) -> bool:
    for f in LEG_FIELDS:
        x, y = getattr(a, f), getattr(b, f)
        if x and y and ctx.rel(f, x, y) == "different":
            return False
    return True


def _groups(versions: dict[str, Leg], ctx: _Ctx) -> list[list[str]]:
    """Accounts whose versions of one leg agree (equal or more precise), in groups."""
    out: list[list[str]] = []
    for acc in sorted(versions, key=lambda a: -len(versions[a].evidence)):
        for g in out:
            if all(_compatible(versions[acc], versions[o], ctx) for o in g):
                g.append(acc)
                break
        else:
            out.append([acc])
    return out


# ------------------------------------------------------------------ fate

def _guard_words() -> tuple[frozenset, frozenset, frozenset]:
    g = travel()["fate_guard"]
    from .textutil import normalize_ar
    return (frozenset(normalize_ar(w) for w in g["ar"]), frozenset(w.lower() for w in g["en"]),
            frozenset(normalize_ar(w) for w in g.get("ar_before_present") or []))


def _fate_ok(evd: dict, ctx: _Ctx) -> bool:
    """A fate comes only from a mention told as fact (schema polarity `certain`, no hedge) whose
    sentence holds no unlabelled condition, possibility, opinion or question."""
    v = evd.get("values") or {}
    if not schema.certain(v.get("polarity") or "asserted"):
        return False
    if (evd.get("attribution") or {}).get("hedge"):
        return False
    return not _guarded(evd, ctx)


def _leg_ok(evd: dict, ctx: _Ctx) -> bool:
    """A leg is something that happened: a realised mention outside a condition, a possibility or a question."""
    return schema.realised((evd.get("values") or {}).get("polarity")) and not _guarded(evd, ctx)


def _guarded(evd: dict, ctx: _Ctx) -> bool:
    """Does the mention's own sentence hold a condition, a possibility, an opinion or a question
    (fate_guard words in data/itinerary/travel.yaml) that its polarity does not say?"""
    text = (ctx.docs.get(evd.get("doc")) or {}).get("text")
    if not text:
        return False
    import re
    from .textutil import normalize_ar
    sent = text[evd.get("start") or 0:evd.get("end") or 0]
    if "?" in sent or "؟" in sent:
        return True
    ar, en, before_present = _guard_words()
    toks = [normalize_ar(t) for t in re.findall(r"\w+", sent)]
    for i, t in enumerate(toks):
        if t in ar or t.lower() in en:
            return True
        if t in before_present and i + 1 < len(toks) and toks[i + 1][:1] in ("ي", "ت", "ن"):
            return True
    return False


def _fate_candidates(ev: dict, pid: str, ctx: _Ctx, mentions: dict) -> list[dict]:
    typ = ev.get("type")
    fate = schema.fates().get(typ)
    out = []
    if fate:
        items = [e for e in _telling(ev, pid, schema.fate_roles().get(typ, {"agent"})) if _fate_ok(e, ctx)]
        items = _named(items, pid, mentions, strict=bool(mentions))
        place = _place(ev.get("place") or ev.get("destination"))
        if items and (place or not fate[1]):
            out.append({"status": fate[0], "place": place, "items": items, "_explicit": True})
    elif (ev.get("class") == "movement" and ev.get("destination")
          and schema.types().get(typ, {}).get("relocates", True)):
        items = _named([e for e in _telling(ev, pid, MOVER_ROLES) if _leg_ok(e, ctx)], pid, mentions)
        if items or not ev.get("evidence"):
            out.append({"status": "moved", "place": _place(ev.get("destination")), "items": items,
                        "_explicit": False})
    for c in out:
        c.update(time=ev.get("time"), event=ev.get("id"), _timed=bool((ev.get("time") or {}).get("earliest")))
    return out


def _pick_fate(fates: list[dict], ctx: _Ctx) -> Fate | None:
    """Events are in time order (untimed last). Prefer an explicit whereabouts/refuge/death/arrest
    statement (the latest one); otherwise the destination of the latest timed leg; an untimed leg
    only when no leg has a time."""
    if not fates:
        return None
    explicit = [f for f in fates if f["_explicit"]]
    timed = [f for f in fates if not f["_explicit"] and f["_timed"]]
    pick = (explicit or timed or fates)[-1]
    if pick["_explicit"]:
        # the same account then moves them on ("hid in the embassy … until taken to Incirlik,
        # then reached Russia"): the story's later step is where they are
        docs = {e.get("doc") for e in pick["items"]}
        later = [f for f in fates[fates.index(pick) + 1:] if not f["_explicit"]
                 and docs & {e.get("doc") for e in f["items"]}]
        if later:
            pick = later[-1]
    return Fate(pick["status"], pick["place"], pick["time"], pick["event"], [_span(e) for e in pick["items"]],
                _sources(pick["items"], ctx))


# ------------------------------------------------------------------ build

@dataclass
class Stay:
    """How long one account says a person stayed at a place ("بقوا في القاعدة لبضع ساعات"): for the time
    check, the least and most seconds between arriving there and leaving."""
    place: str
    seconds: tuple[float, float]
    source: Source
    event: str | None = None        # the stay's event
    text: str | None = None         # its duration as told ("لبضع ساعات")


def _stays(ev: dict, pid: str, ctx: _Ctx) -> list[Stay]:
    """A stay (a movement that does not relocate) told with its duration, per account that tells it."""
    from .reconcile.values import duration_range
    if schema.types().get(ev.get("type") or "", {}).get("relocates", True):
        return []
    out, seen = [], set()
    for e in _telling(ev, pid, MOVER_ROLES):
        vals = e.get("values") or {}
        place = _place(vals.get("place") or ev.get("place"))
        dur = vals.get("duration")
        r = duration_range(dur.get("value") if isinstance(dur, dict) else dur)
        if not (place and r and _leg_ok(e, ctx)) or _account(e) in seen:
            continue
        seen.add(_account(e))
        out.append(Stay(place, r, _sources([e], ctx)[0], ev.get("id"),
                        dur.get("text") if isinstance(dur, dict) else str(dur)))
    return out


def _person_itinerary(pid: str, evs: list[dict], mentions: dict,
                      ctx: _Ctx) -> tuple[Itinerary, list[dict], list[Stay]]:
    """The itinerary, per leg each account's version of it, and the stays told with a duration (for the
    time check)."""
    it = Itinerary(pid)
    fates: list[dict] = []
    versions_by_leg: list[dict[str, Leg]] = []
    stays: list[Stay] = []
    for ev in _route_order(evs, mentions):
        fates.extend(_fate_candidates(ev, pid, ctx, mentions))
        if ev.get("class") != "movement":
            continue
        stays.extend(_stays(ev, pid, ctx))
        told = [e for e in _telling(ev, pid, MOVER_ROLES) if _leg_ok(e, ctx)] if ev.get("evidence") else []
        told = _fold_translations(told, ctx)
        by_acc: dict[str, list[dict]] = {}
        for e in told:
            by_acc.setdefault(_account(e), []).append(e)
        versions = {a: _account_leg(ev, items, ctx) for a, items in by_acc.items()}
        versions = {a: v for a, v in versions.items() if v.origin or v.destination or v.via}
        _date_clock_times(versions)
        ev = {**ev, **{k: _place(ev.get(k)) for k in ("origin", "destination", "place")}}
        if ev.get("evidence") and not told:
            continue        # every sentence that tells it is a condition, a possibility or a question
        if not (ev.get("origin") or ev.get("destination") or ev.get("via") or versions):
            continue
        # the sentences that name a place of the route first: they are the ones a reader wants to see
        evidence = sorted(ev.get("evidence", []), key=lambda e: not any(
            (e.get("values") or {}).get(f) for f in ("origin", "destination", "via")))
        leg = Leg(ev.get("origin"), ev.get("destination"), ev.get("via") or None, ev.get("means"), ev.get("time"),
                  ev.get("id"), ev.get("type"), evidence, _sources(told, ctx))
        it.legs.append(leg)
        versions_by_leg.append(versions)
    slots = _slots(it.legs, versions_by_leg, ctx)
    slot_versions = [{a: v for i in sl for a, v in versions_by_leg[i].items()} for sl in slots]
    for sl, vs in zip(slots, slot_versions):
        for i in sl:
            it.legs[i].disputed = len(_groups(vs, ctx)) > 1
    it.alternatives = _alternatives(it.legs, slots, slot_versions, ctx)
    it.fate = _pick_fate(fates, ctx)
    return it, versions_by_leg, stays


def _slots(legs: list[Leg], versions_by_leg: list[dict[str, Leg]], ctx: _Ctx) -> list[list[int]]:
    """Legs, grouped where two events are one move told two ways: the reconciler kept them apart
    (incompatible origins or means), yet they end at the same place at times that meet, and no
    account tells both (one account's two legs are two steps of its story)."""
    parent = list(range(len(legs)))
    accs = [set(v) for v in versions_by_leg]     # per group root: the accounts telling its legs

    def find(i):
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    for i in range(len(legs)):
        for j in range(i + 1, len(legs)):
            vi, vj = versions_by_leg[i], versions_by_leg[j]
            a, b = legs[i], legs[j]
            ri, rj = find(i), find(j)
            if ri == rj or not vi or not vj or accs[ri] & accs[rj] or not (a.destination and b.destination):
                continue
            if ctx.rel("destination", a.destination, b.destination) == "different" or not _times_meet(a.time, b.time):
                continue
            if any(not _compatible(x, y, ctx) for x in vi.values() for y in vj.values()):
                parent[rj] = ri
                accs[ri] |= accs[rj]
    out: dict[int, list[int]] = {}
    for i in range(len(legs)):
        out.setdefault(find(i), []).append(i)
    return sorted(out.values())


def _times_meet(a: dict | None, b: dict | None) -> bool:
    """Both moves have a time and the times overlap (an untimed move may be any other one)."""
    from .reconcile import timeiv
    ia, ib = timeiv.interval(a), timeiv.interval(b)
    return ia is not None and ib is not None and timeiv.overlaps(ia, ib)


def _alternatives(legs: list[Leg], slots: list[list[int]], versions: list[dict[str, Leg]],
                  ctx: _Ctx) -> list[Route]:
    """One route per set of accounts that tell the disputed moves the same way: the shared legs as
    they are, each disputed move in that set's version (a set silent on a disputed move goes without it).
    `slots[k]` are the legs of one move, `versions[k]` each account's version of it."""
    disputed = [k for k, sl in enumerate(slots) if legs[sl[0]].disputed]
    if not disputed:
        return []
    group_of: dict[str, list] = {}
    groups_at = {}
    for k in disputed:
        groups_at[k] = _groups(versions[k], ctx)
        for gi, g in enumerate(groups_at[k]):
            for acc in g:
                group_of.setdefault(acc, [None] * len(slots))[k] = gi
    by_sig: dict[tuple, list[str]] = {}
    for acc, sig in group_of.items():
        by_sig.setdefault(tuple(sig), []).append(acc)
    routes = []
    for sig, accs in sorted(by_sig.items(), key=lambda kv: (-len(kv[1]), str(kv[0]))):
        route_legs, sources = [], {}
        for k, sl in enumerate(slots):
            if k not in groups_at:
                route_legs.extend(legs[i] for i in sl)
                continue
            if sig[k] is None:
                continue
            members = [a for a in groups_at[k][sig[k]] if a in accs] or groups_at[k][sig[k]]
            items = [sp for a in members for sp in versions[k][a].evidence]
            v = _merge([versions[k][a] for a in members], ctx)
            v.disputed, v.evidence = True, items
            route_legs.append(v)
            for a in members:
                for src in versions[k][a].accounts:
                    sources.setdefault(src.account, src)
        routes.append(Route(sorted(sources.values(), key=lambda s: (s.name or "", s.account)), route_legs))
    return routes


def _merge(versions: list[Leg], ctx: _Ctx) -> Leg:
    """Agreeing versions as one: per field the most precise value (a city over its country)."""
    out = Leg(event=versions[0].event, type=versions[0].type, time=versions[0].time)
    for f in LEG_FIELDS:
        best = None
        for v in versions:
            x = getattr(v, f)
            if x and (best is None or _finer(x, best, ctx)):
                best = x
        setattr(out, f, best)
    out.accounts = [s for v in versions for s in v.accounts]
    return out


def _finer(a, b, ctx: _Ctx) -> bool:
    """Is place `a` inside `b` (so more precise)?"""
    if ctx.ents is None or not isinstance(a, str) or not isinstance(b, str):
        return False
    from .reconcile.values import contains
    ea, eb = ctx.ents.by_id.get(a), ctx.ents.by_id.get(b)
    return bool(ea and eb and contains(eb, ea))


def build_itineraries(events: list[dict], entities: list[dict], documents: list[dict] | None = None,
                      check_times: bool = True) -> list[dict]:
    """Each person's itinerary as a dict (`Itinerary.to_dict`), people sorted by name."""
    events = list(events)
    return list(iter_itineraries(enumerate(events), lambda refs: {i: events[i] for i in refs}, entities,
                                 documents, check_times))


PERSON_BLOCK_EVENTS = 2000      # events of one block of people read back together (iter_itineraries)


def iter_itineraries(events: Iterable[tuple[Hashable, dict]], load: Callable[[list], dict], entities: list[dict],
                     documents: list[dict] | None = None, check_times: bool = True,
                     block_events: int = PERSON_BLOCK_EVENTS, memo=None) -> Iterator[dict]:
    """`build_itineraries` holding a few people's events at a time, not every one of the corpus (the
    corpus stage's peak at 30k articles). ``events``: (ref, event) pairs, read once to find whose
    route each event is on and in what order; only a small record per event is kept. ``load(refs)``:
    those events again, as {ref: event} (from the store, ``CorpusWriter.events``). The people then go
    in their output order, in blocks of about ``block_events`` of their events, each block's events
    read back once; itineraries come out one at a time, as `build_itineraries` lists them. ``memo``: a
    person's itinerary made before from the same inputs is not made again (``blocks.ItineraryMemo``:
    ``carried(order, per_person)`` gives those, by person, as JSON texts; for each one made, ``strings(events)``
    before, ``logged(mentions)`` to log where its build asks where an entity is named, and
    ``made(pid, strings, itinerary, asked)`` after)."""
    people = {e["id"]: e for e in entities if e.get("type") == "person"}
    keyed: list[tuple] = []             # (order key, ref, people who move in it)
    for ref, ev in events:
        if not schema.realised(ev.get("polarity")):
            continue        # a plan, a hypothesis, a question or a denial is no leg and no whereabouts
        movers = [p["entity"] for p in ev.get("participants", [])
                  if p.get("role") in MOVER_ROLES and p.get("entity") in people]
        if movers:
            keyed.append(((_time_key(ev), _doc_key(ev), ev.get("id", "")), len(keyed), ref,
                          tuple(dict.fromkeys(movers))))
    keyed.sort(key=lambda k: k[:2])     # as a stable sort of the events by their order key
    per_person: dict[str, list] = {}
    for _, _, ref, movers in keyed:
        for pid in movers:
            per_person.setdefault(pid, []).append(ref)
    del keyed
    order = sorted(per_person, key=lambda k: (people[k].get("name_en") or people[k].get("name_ar") or k, k))
    carried = memo.carried(order, per_person) if memo is not None and check_times else {}
    todo = [pid for pid in order if pid not in carried]
    pending = iter(order)         # the people in output order: those carried over between those made
    ctx = _Ctx(entities, documents) if todo else None
    mentions = _MentionStarts(entities)
    for block in _person_blocks(todo, per_person, block_events):
        got = load(sorted({r for pid in block for r in per_person[pid]}, key=repr))
        for pid in block:
            for q in pending:
                if q == pid:
                    break
                yield json.loads(carried.pop(q))
            refs = per_person.pop(pid)
            evs = [got[r] for r in refs]
            read = memo.strings(evs) if memo is not None and check_times else None     # before building reads them
            starts = memo.logged(mentions) if memo is not None and check_times else mentions
            it, versions, stays = _person_itinerary(pid, evs, starts, ctx)
            if check_times and it.legs:
                from .timecheck import check_itinerary
                check_itinerary(it, versions, ctx, stays)
            d = it.to_dict()
            if memo is not None and check_times:
                memo.made(pid, read, d, starts.keys)
            yield d
        del got
        mentions.clear()
    for q in pending:
        yield json.loads(carried.pop(q))
    if memo is not None and check_times:
        memo.save()


def _person_blocks(order: list[str], per_person: dict[str, list], size: int) -> Iterator[list[str]]:
    """People in order, gathered into blocks of at least one person and about ``size`` events."""
    block: list[str] = []
    n = 0
    for pid in order:
        if block and n + len(per_person[pid]) > size:
            yield block
            block, n = [], 0
        block.append(pid)
        n += len(per_person[pid])
    if block:
        yield block


class _MentionStarts:
    """(doc, entity id) -> where the entity is mentioned in the document (starts, in its mention
    order), made per entity when first asked and forgotten by ``clear``: an index of every entity's
    mentions in the corpus at once took more memory than the itineraries need."""

    def __init__(self, entities: list[dict]):
        self.by_id = {e["id"]: e for e in entities}
        self.any = any(len(e.get("mentions") or []) for e in entities)
        self.made: dict[str, dict] = {}

    def __bool__(self) -> bool:
        return self.any

    def get(self, key: tuple, default=None):
        doc, eid = key
        per_doc = self.made.get(eid)
        if per_doc is None:
            per_doc = self.made[eid] = {}
            for m in (self.by_id.get(eid) or {}).get("mentions") or []:
                per_doc.setdefault(m.get("doc"), []).append(m.get("start", 0))
        return per_doc.get(doc, default)

    def clear(self) -> None:
        self.made = {}
