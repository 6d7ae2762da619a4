"""Can every account of a person's movements be true at once? A simple temporal network per person.

Time points: each leg's departure and arrival (one leg is one happening, so the accounts that tell it
share its two points) and a reference point. Constraints, each labelled with the account it comes from:
- the time an account gives for a leg (UTC-normalised: "01:55 UTC" and "04:55 +03:00" are one instant)
  bounds the leg's departure or arrival (which one, by the mention's type: data/itinerary/travel.yaml);
- a leg takes at least the great-circle distance over the fastest speed of its means, plus overhead
  (no known means: the fastest mode of all, so the bound never claims more than physics);
- an account's consecutive legs follow each other (the arrival of one before the departure of the next).
Each constraint is a difference constraint t_v - t_u <= w, an edge u -> v of weight w; the constraints
can all hold iff the graph has no negative cycle. Constraints are added one at a time to an all-pairs
shortest-path matrix kept closed (Floyd-Warshall, then an O(n^2) update per edge, numpy); a constraint
that would close a negative cycle is refused and the cycle (found by Bellman-Ford) is the finding: the
accounts on it cannot all be true together, for the reasons its constraints say. The intervals left
(-D[p][ref], D[ref][p]) are each point's narrowed window.

Hand-written, in ~150 lines over numpy: the Python packages for simple temporal networks that exist
are research code for planning (dynamic controllability, STNU) without releases kept up, and networkx
(a test dependency only) finds a negative cycle but neither keeps the closure incrementally nor says
which labelled constraints make it.
"""
from __future__ import annotations

from dataclasses import dataclass, field
from datetime import datetime, timedelta, timezone

import numpy as np

REF = "ref"


@dataclass
class Constraint:
    """t[v] - t[u] <= w (minutes); `label` says who claims it and why (opaque to the network)."""
    u: str
    v: str
    w: float
    label: dict = field(default_factory=dict)


class Network:
    """An incremental simple temporal network over named points."""

    def __init__(self, points: list[str]):
        self.names = [REF] + [p for p in dict.fromkeys(points) if p != REF]
        self.idx = {p: i for i, p in enumerate(self.names)}
        n = len(self.names)
        self.D = np.full((n, n), np.inf)
        np.fill_diagonal(self.D, 0.0)
        self.accepted: list[Constraint] = []

    def add(self, c: Constraint) -> list[Constraint] | None:
        """Accept `c` (None), or refuse it and return the constraints of the negative cycle it closes."""
        u, v = self.idx[c.u], self.idx[c.v]
        if self.D[v, u] + c.w < -1e-9:
            return self._cycle(c)
        self.accepted.append(c)
        D = self.D
        self.D = np.minimum(D, D[:, u:u + 1] + c.w + D[v:v + 1, :])
        return None

    def _cycle(self, c: Constraint) -> list[Constraint]:
        """The accepted constraints on a shortest path v ~> u, then `c` (Bellman-Ford from v)."""
        dist = {c.v: 0.0}
        pred: dict[str, Constraint] = {}
        for _ in range(len(self.names)):
            changed = False
            for e in self.accepted:
                if e.u in dist and dist[e.u] + e.w < dist.get(e.v, np.inf) - 1e-9:
                    dist[e.v], pred[e.v] = dist[e.u] + e.w, e
                    changed = True
            if not changed:
                break
        path, p, seen = [], c.u, set()
        while p != c.v and p in pred and p not in seen:
            seen.add(p)
            path.append(pred[p])
            p = pred[p].u
        return list(reversed(path)) + [c]

    def window(self, p: str) -> tuple[float, float]:
        """The narrowed interval of point `p`, in minutes from the reference (-inf/inf: open)."""
        i = self.idx[p]
        return -self.D[i, 0], self.D[0, i]


# ------------------------------------------------------------------ time values

def utc(s: str | None, tz: str | None = None) -> datetime | None:
    """An ISO time as an aware UTC datetime; a time without an offset takes `tz` ("+03:00"), else UTC."""
    if not s:
        return None
    try:
        dt = datetime.fromisoformat(s.replace("Z", "+00:00"))
    except ValueError:
        return None
    if dt.tzinfo is None:
        off = _offset(tz)
        dt = dt.replace(tzinfo=timezone(off) if off is not None else timezone.utc)
    return dt.astimezone(timezone.utc)


def _offset(tz: str | None) -> timedelta | None:
    if not tz or len(tz) != 6 or tz[0] not in "+-" or tz[3] != ":":
        return None
    try:
        d = timedelta(hours=int(tz[1:3]), minutes=int(tz[4:6]))
    except ValueError:
        return None
    return d if tz[0] == "+" else -d


def km(a, b) -> float:
    from .kb import _km
    return _km(a, b)


# ------------------------------------------------------------------ an itinerary's network

def _mode_of(means) -> str | None:
    from .itinerary import travel
    from .textutil import normalize_ar
    import re
    if not means:
        return None
    text = means if isinstance(means, str) else " ".join(map(str, means))
    text = text[4:] if text.startswith("raw:") else text
    toks = [normalize_ar(t) for t in re.findall(r"\w+", text)]
    joined = " ".join(toks)
    for mode, d in travel()["modes"].items():
        for w in d["words"]["ar"] + d["words"]["en"]:
            w = normalize_ar(w).lower()
            if (" " in w and w in joined) or any(t.lower() == w or (len(w) > 3 and t.startswith(w)) for t in toks):
                return mode
    return None


def min_minutes(a, b, means, reach: float = 0.0) -> tuple[float, str | None, float] | None:
    """(least travel minutes, mode or None for "any", km) between two [lat, lon] whose places reach
    `reach` km together, or None if too close."""
    from .itinerary import travel
    cfg = travel()
    d = max(0.0, km(a, b) - reach)
    if d < cfg.get("min_distance_km", 0):
        return None
    mode = _mode_of(means)
    modes = [mode] if mode else list(cfg["modes"])
    best = min(60.0 * (d / cfg["modes"][m]["speed_kmh"] + cfg["modes"][m].get("overhead_h", 0)) for m in modes)
    return best, mode, d


def _anchor(leg_type: str | None) -> str:
    from .itinerary import travel
    a = travel()["time_anchor"]
    return a.get("types", {}).get(leg_type or "", a.get("default", "depart"))


def check_itinerary(it, versions_by_leg: list[dict], ctx, stays=()) -> None:
    """Fill `it.time_findings` and each leg's narrowed `window` (in place). A long itinerary is checked
    in runs of `check_max_legs` consecutive legs (travel.yaml): the network's cost grows with the cube of
    its size, and legs months apart rarely constrain each other."""
    from .itinerary import travel
    size = max(2, int(travel().get("check_max_legs", 60)))
    it.time_findings = []
    for start in range(0, len(it.legs), size):
        _check(it, list(range(start, min(len(it.legs), start + size))), versions_by_leg, ctx, stays)


def _leaves(leg, place, ctx, left=()) -> bool:
    """Does `leg` set out from `place` (or, told without its start, go on somewhere else)? A leg told
    whole from the journey's start ("fled Damascus for Moscow", the start of a leg before the arrival at
    `place`: one of `left`) and going on elsewhere passes through `place` too: it leaves it."""
    goes_on = bool(leg.destination) and ctx.rel("destination", leg.destination, place) == "different"
    if leg.origin:
        if ctx.rel("origin", leg.origin, place) != "different":
            return True
        return goes_on and any(ctx.rel("origin", leg.origin, x) != "different" for x in left)
    return goes_on


def _stay_constraints(legs, idx: list[int], stays, ctx) -> list[Constraint]:
    """A stay of an account at a place ("stayed at the base a few hours") holds between the arrival of a
    leg that ends there and the departure of the next leg that sets out from there (or, told without its
    start, goes on elsewhere): at least its shortest, at most its longest duration."""
    out = []
    for st in stays:
        for a, i in enumerate(idx):
            if not legs[i].destination or ctx.rel("destination", legs[i].destination, st.place) == "different":
                continue
            left = [legs[k].origin for k in idx[:a + 1] if legs[k].origin]
            j = next((k for k in idx[a + 1:] if _leaves(legs[k], st.place, ctx, left)), None)
            if j is None:
                continue
            lo, hi = st.seconds[0] / 60.0, st.seconds[1] / 60.0
            base = {"kind": "stay", "account": st.source.account, "src": st.source, "place": st.place,
                    "legs": [i, j], "event": getattr(st, "event", None), "text": getattr(st, "text", None)}
            out.append(Constraint(f"{j}:depart", f"{i}:arrive", -lo, {**base, "side": "min", "minutes": lo}))
            out.append(Constraint(f"{i}:arrive", f"{j}:depart", hi, {**base, "side": "max", "minutes": hi}))
            # the leg out sets out from the place of the stay: at least the way from there to its end
            ca, cb = _coords(st.place, ctx), _coords(legs[j].destination, ctx)
            mm = min_minutes(ca[0], cb[0], legs[j].means, ca[1] + cb[1]) if ca and cb else None
            if mm:
                out.append(Constraint(f"{j}:arrive", f"{j}:depart", -mm[0],
                                      {"kind": "travel", "account": st.source.account, "src": st.source,
                                       "a": st.place, "b": legs[j].destination, "mode": mm[1], "km": mm[2],
                                       "minutes": mm[0], "legs": [j]}))
    return out


def _check(it, idx: list[int], versions_by_leg: list[dict], ctx, stays=()) -> None:
    legs = it.legs
    # each account's version of each leg it tells, in route order
    per_acc: dict[str, list[tuple[int, object]]] = {}
    for i in idx:
        for acc, v in versions_by_leg[i].items():
            per_acc.setdefault(acc, []).append((i, v))
    points = [f"{i}:{k}" for i in idx for k in ("depart", "arrive")]
    cons: list[Constraint] = []
    for i in idx:
        cons.append(Constraint(f"{i}:arrive", f"{i}:depart", 0.0, {}))      # nobody arrives before leaving
    ref_t = None
    bounds = []
    for acc, seq in sorted(per_acc.items()):     # a fixed order: the first constraint to close a cycle is refused
        prev = None
        for i, v in seq:
            src = v.accounts[0] if v.accounts else None
            origin = v.origin
            if origin is None and prev is not None and prev[1].destination and prev[1].destination != v.destination:
                origin = prev[1].destination        # "to the base, then to the capital": the next leg starts there
            if prev is not None and (v.origin is None or ctx.rel("origin", v.origin, prev[1].destination) != "different"):
                j = prev[0]
                if j != i:
                    cons.append(Constraint(f"{i}:depart", f"{j}:arrive", 0.0,
                                           {"kind": "order", "account": acc, "src": src, "a": prev[1].destination,
                                            "b": v.destination, "legs": [j, i]}))
            ca, cb = _coords(origin, ctx), _coords(v.destination, ctx)
            if ca and cb:
                mm = min_minutes(ca[0], cb[0], v.means, ca[1] + cb[1])
                if mm:
                    cons.append(Constraint(f"{i}:arrive", f"{i}:depart", -mm[0],
                                           {"kind": "travel", "account": acc, "src": src, "a": origin,
                                            "b": v.destination, "mode": mm[1], "km": mm[2], "minutes": mm[0],
                                            "legs": [i]}))
            timed = [(v.time or {}, _anchor(v.type))]
            if getattr(v, "arrive_time", None):
                timed.append((v.arrive_time, "arrive"))     # "..., then to Moscow before dawn"
            for t, point in timed:
                lo, hi = utc(t.get("earliest"), t.get("tz")), utc(t.get("latest"), t.get("tz"))
                p = f"{i}:{point}"
                for side, when in (("after", lo), ("before", hi)):
                    if when is not None:
                        bounds.append((p, side, when, {"kind": "bound", "account": acc, "src": src, "side": side,
                                                       "point": point, "at": when.isoformat(), "text": t.get("text"),
                                                       "place": origin if point == "depart" else (
                                                           getattr(v, "arrive_place", None) or v.destination),
                                                       "legs": [i]}))
                        ref_t = when if ref_t is None or when < ref_t else ref_t
            prev = (i, v)
    cons.extend(_stay_constraints(legs, idx, stays, ctx))
    for p, side, when, label in bounds:
        m = (when - ref_t).total_seconds() / 60.0
        cons.append(Constraint(REF, p, m, label) if side == "before" else Constraint(p, REF, -m, label))
    net = Network(points)
    findings, seen = [], set()
    # the structure first (durations, order), then what each account says of the clock
    # ... in a total order (the first constraint to close a cycle is refused, so the order decides the
    # windows; an order that fell back on dict or set order differed between processes)
    for c in sorted(cons, key=lambda c: (c.label.get("kind") == "bound", str(c.label.get("account")), c.u, c.v, c.w,
                                         repr(sorted(c.label.items(), key=str)))):
        cyc = net.add(c)
        if cyc is None:
            continue
        accs = sorted({x.label["account"] for x in cyc if x.label.get("account")})
        if len(accs) < 2:
            continue            # one account against itself: a misread of ours, not a disagreement
        if _one_outlet(cyc, ctx):
            continue            # one outlet against itself (its report and a voice it quotes): the same
        key = tuple(sorted(repr(sorted(x.label.items(), key=str)) for x in cyc))
        if key not in seen:
            seen.add(key)
            findings.append(_finding(cyc, ctx, [lg.event for lg in legs]))
    it.time_findings.extend(findings)
    if ref_t is not None:
        for i in idx:
            leg, w = legs[i], {}
            for k in ("depart", "arrive"):
                lo, hi = net.window(f"{i}:{k}")
                w[k] = [_iso(ref_t, lo), _iso(ref_t, hi)]
            if any(x is not None for pair in w.values() for x in pair):
                leg.window = w


def _iso(ref: datetime, minutes: float) -> str | None:
    if not np.isfinite(minutes):
        return None
    return (ref + timedelta(minutes=float(minutes))).strftime("%Y-%m-%dT%H:%M:%SZ")


def _one_outlet(cyc: list[Constraint], ctx) -> bool:
    """Do all the accounts on a cycle come from one outlet's documents (or one document without an outlet)? Now that
    an outlet's own report and the voices it quotes are accounts apart (reconcile config independence), a cycle of
    one outlet is that outlet's misread against itself, as a cycle of one account was (independence.
    time_check_outlets; the fifth unseen sample: Hadi "left Aden after 6 August" against "left Saudi Arabia before
    5 August", both Asharq Al-Awsat)."""
    try:
        from .reconcile.text import config
        if not config()["independence"].get("time_check_outlets"):
            return False
    except (ImportError, KeyError):
        return False
    houses = set()
    for c in cyc:
        src = c.label.get("src")
        for sp in (getattr(src, "evidence", None) or []):
            d = sp.get("doc")
            houses.add((ctx.docs.get(d) or {}).get("outlet") or d)
    return len(houses) == 1


def _coords(v, ctx):
    """(coordinates, reach in km) of a place that is a point on the map (a city, an air base), else None."""
    from .itinerary import travel
    if ctx.ents is not None:      # every entity by id: an unresolved place ("raw:...") is none of them
        e = ctx.ents.by_id.get(v) if isinstance(v, str) else None
    else:                         # (a scan of every entity per place was most of the itineraries' time)
        e = next((x for x in ctx.entities if x.get("id") == v), None) if isinstance(v, str) else None
    c = (e or {}).get("coordinates")
    if not (c and len(c) == 2 and all(isinstance(x, (int, float)) for x in c)):
        return None
    kb = e.get("kb_id") or ""
    kind = ((e.get("attrs") or {}).get("kind") or (kb.split(":", 1)[0] if ":" in kb else "")).lower()
    cfg = travel()
    if kind in cfg["areas"]:
        return None
    radii = cfg["place_radius_km"]
    return c, radii.get(kind, radii["default"])


def _finding(cyc: list[Constraint], ctx, events: list) -> dict:
    """The accounts on a negative cycle and why they cannot all be true, in plain words."""
    from .itinerary import travel
    tp = travel()["findings"]
    accounts, legs = {}, set()
    for c in cyc:
        s = c.label.get("src")
        if s is not None:
            accounts.setdefault(s.account, {"account": s.account, "name": s.name, "name_ar": s.name_ar})
        legs.update(c.label.get("legs") or [])
    reason = {}
    for lang in ("en", "ar"):
        def place(v):
            if v is None:
                return tp["unknown_place"][lang]
            return ctx.ents.label(v, lang, clean=True) if ctx.ents is not None else str(v)

        def src(c):
            s = c.label.get("src")
            return ((s.name_ar if lang == "ar" else s.name) or s.account) if s else "?"

        clock, rest = [], []
        for c in cyc:
            lb = c.label
            if lb.get("kind") == "bound":
                t = datetime.fromisoformat(lb["at"]).strftime(tp["time"][lang])
                clock.append(tp[f"{lb['point']}_{lb['side']}"][lang].format(place=place(lb["place"]), t=t,
                                                                            src=src(c)))
            elif lb.get("kind") == "travel":
                mode = travel()["modes"][lb["mode"]]["label"][lang] if lb.get("mode") else tp["any_mode"][lang]
                h, m = divmod(int(round(lb["minutes"])), 60)
                rest.append(tp["travel"][lang].format(mode=mode, a=place(lb["a"]), b=place(lb["b"]),
                                                      km=int(round(lb["km"])), d=_duration(h, m, lang)))
            elif lb.get("kind") == "stay":
                h, m = divmod(int(round(lb["minutes"])), 60)
                rest.append(tp[f"stay_{lb['side']}"][lang].format(place=place(lb["place"]), src=src(c),
                                                                  d=_duration(h, m, lang)))
            elif lb.get("kind") == "order":
                rest.append(tp["order"][lang].format(a=place(lb["a"]), b=place(lb["b"]), src=src(c)))
        text = tp["but"][lang].join(clock)
        if rest:
            text = (text + tp["then"][lang] if text else "") + tp["then"][lang].join(rest)
        reason[lang] = text[:1].upper() + text[1:] if lang == "en" else text
    out = {"accounts": sorted(accounts.values(), key=lambda a: (a["name"] or "", a["account"])),
           "legs": [events[i] for i in sorted(legs)], "reason": reason,
           "constraints": [{k: v for k, v in c.label.items() if k not in ("src", "legs")}
                           for c in cyc if c.label]}
    conflict = _stay_conflict(cyc, ctx, reason)
    if conflict:
        out["conflict"] = conflict
    return out


def _duration(h: int, m: int, lang: str) -> str:
    """A duration in words. Arabic counts agree with their number (ساعة واحدة، ساعتان، 3 ساعات، 11 ساعة) and a
    zero part is left out: the forms are data (travel.yaml findings.duration_units)."""
    from .itinerary import travel
    tp = travel()["findings"]
    if lang != "ar":
        return tp["duration"]["en"].format(h=h, m=m)
    units = tp["duration_units"]["ar"]

    def count(n, u):
        f = units[u]
        return f["one"] if n == 1 else f["two"] if n == 2 else f"{n} {f['few'] if 3 <= n % 100 <= 10 else f['many']}"
    parts = [count(n, u) for n, u in ((h, "hour"), (m, "minute")) if n]
    return units["and"].join(parts) or count(0, "minute")


def _spans(src, ctx, words: str | None) -> list[dict]:
    """An account's sentences of a leg, those that hold `words` (the time it gives) first."""
    ev = list(getattr(src, "evidence", None) or [])

    def holds(e):
        text = (ctx.docs.get(e.get("doc")) or {}).get("text") or ""
        return bool(words) and words in text[e.get("start") or 0:e.get("end") or 0]
    return sorted(ev, key=lambda e: not holds(e))


def _stay_conflict(cyc: list[Constraint], ctx, reason: dict) -> dict | None:
    """A finding that holds an account's stay told with its duration and another account's time of the
    legs around it is a disagreement on how long the stay lasted (slot `duration`, on the stay's event):
    the stay's words on one side, the other account's words on the leg's time on the other."""
    from .itinerary import travel
    import hashlib
    tp = travel()["findings"]
    stay = next((c for c in cyc if c.label.get("kind") == "stay" and c.label.get("event")), None)
    if stay is None:
        return None
    others = [c for c in cyc if c.label.get("kind") == "bound" and c.label.get("account") != stay.label["account"]]
    if not others:
        return None

    def label(v, lang):
        return ctx.ents.label(v, lang, clean=True) if ctx.ents is not None and v else str(v or "?")

    def name(src, lang):
        return ((src.name_ar if lang == "ar" else src.name) or src.account) if src else "?"

    def side(src, words, text_en, text_ar):
        spans = _spans(src, ctx, words)[:3]
        return {"value": words or text_en, "label_en": text_en, "label_ar": text_ar, "events": [],
                "documents": sorted({e.get("doc") for e in spans}), "corroboration": 1,
                "evidence": [{"doc": e.get("doc"), "start": e.get("start"), "end": e.get("end"), "attribution": None}
                             for e in spans]}
    lb = stay.label
    src = lb.get("src")
    h, m = divmod(int(round(lb["minutes"])), 60)
    sides = [side(src, lb.get("text"),
                  f"{lb.get('text') or ''} ({tp['stay_' + lb['side']]['en'].format(place=label(lb['place'], 'en'), src=name(src, 'en'), d=_duration(h, m, 'en'))})",
                  f"{lb.get('text') or ''} ({tp['stay_' + lb['side']]['ar'].format(place=label(lb['place'], 'ar'), src=name(src, 'ar'), d=_duration(h, m, 'ar'))})")]
    sides[0]["events"] = [lb["event"]]
    for c in cyc:       # the times the stay's own account gives the legs around it
        b = c.label
        if b.get("kind") == "bound" and b.get("account") == lb["account"]:
            at = datetime.fromisoformat(b["at"])
            for lang in ("en", "ar"):
                sides[0]["label_" + lang] += "; " + (b.get("text") or "") + " (" + tp[f"{b['point']}_{b['side']}"][lang].format(
                    place=label(b.get("place"), lang), t=at.strftime(tp["time"][lang]), src=name(b.get("src"), lang)) + ")"
            sides[0]["evidence"] += [{"doc": e.get("doc"), "start": e.get("start"), "end": e.get("end"), "attribution": None}
                                     for e in _spans(b.get("src"), ctx, b.get("text"))[:1]
                                     if {"doc": e.get("doc"), "start": e.get("start"), "end": e.get("end"), "attribution": None}
                                     not in sides[0]["evidence"]]
    for c in others:
        b = c.label
        at = datetime.fromisoformat(b["at"])
        words = {lang: tp[f"{b['point']}_{b['side']}"][lang].format(
            place=label(b.get("place"), lang), t=at.strftime(tp["time"][lang]), src=name(b.get("src"), lang))
            for lang in ("en", "ar")}
        sides.append(side(b.get("src"), b.get("text"), f"{b.get('text') or ''} ({words['en']})",
                          f"{b.get('text') or ''} ({words['ar']})"))
    q = tp["stay_conflict"]
    key = "|".join([lb["event"], lb["account"]] + sorted(str(c.label.get("account")) for c in others))
    return {"id": "cf_" + hashlib.sha1(key.encode()).hexdigest()[:12], "event": lb["event"], "field": "duration",
            "slot": "duration", "kind": "contradiction", "attributed": False, "origin": "time_check",
            "question": q["question"]["en"].format(place=label(lb["place"], "en")),
            "question_ar": q["question"]["ar"].format(place=label(lb["place"], "ar")),
            "values": sides,
            "summary_en": q["summary"]["en"].format(place=label(lb["place"], "en"),
                                                    a=sides[0]["label_en"], b=" / ".join(x["label_en"] for x in sides[1:]),
                                                    why=reason["en"]),
            "summary_ar": q["summary"]["ar"].format(place=label(lb["place"], "ar"),
                                                    a=sides[0]["label_ar"], b=" / ".join(x["label_ar"] for x in sides[1:]),
                                                    why=reason["ar"])}


def with_stay_conflicts(itineraries, conflicts: list[dict]) -> tuple[list[dict], list[dict]]:
    """The itineraries as a list, and `conflicts` with the time check's stay contradictions they hold in place
    of any made before (``origin`` time_check), sorted by id when there are any."""
    stay: list[dict] = []
    itineraries = list(stay_conflicts_of(itineraries, stay))
    kept = [c for c in conflicts if c.get("origin") != "time_check"]
    return itineraries, (sorted(kept + stay, key=lambda c: c["id"]) if stay else kept)


def stay_conflicts_of(itineraries, into: list[dict]):
    """The itineraries as they stream past, each time-check finding's conflict (a stay told with its
    duration, ``_stay_conflict``) appended to `into`, once each: the corpus stage stores them with the
    reconciler's conflicts."""
    seen: set[str] = set()
    for it in itineraries:
        for f in it.get("time_findings") or []:
            c = f.get("conflict")
            if c and c.get("id") not in seen:
                seen.add(c["id"])
                into.append(c)
        yield it
