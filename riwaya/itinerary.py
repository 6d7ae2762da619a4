"""Per-person movement legs and latest known fate, from export-level event dicts."""
from __future__ import annotations

from . import event_schema as schema

MOVER_ROLES = ("agent", "companion", "patient")


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
    in the same sentence ("to Hmeimim, then on to Moscow")."""
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


def build_itineraries(events: list[dict], entities: list[dict]) -> list[dict]:
    people = {e["id"]: e for e in entities if e.get("type") == "person"}
    mentions: dict[tuple, list[int]] = {}
    for e in entities:
        for m in e.get("mentions") or []:
            mentions.setdefault((m.get("doc"), e["id"]), []).append(m.get("start", 0))
    order = sorted(events, key=lambda e: (_time_key(e), _doc_key(e), e.get("id", "")))
    per_person: dict[str, list[dict]] = {}
    for ev in order:
        if not schema.realised(ev.get("polarity")):
            continue        # a plan, a hypothesis, a question or a denial is no leg and no whereabouts
        movers = [p["entity"] for p in ev.get("participants", [])
                  if p.get("role") in MOVER_ROLES and p.get("entity") in people]
        for pid in dict.fromkeys(movers):
            per_person.setdefault(pid, []).append(ev)
    out: dict[str, dict] = {}
    for pid, evs in per_person.items():
        rec = out.setdefault(pid, {"person": pid, "legs": [], "fate": None})
        for ev in _route_order(evs, mentions):
            ev = {**ev, **{k: _place(ev.get(k)) for k in ("origin", "destination", "place")}}
            if ev.get("class") == "movement" and (ev.get("origin") or ev.get("destination") or ev.get("via")):
                rec["legs"].append({"from": ev.get("origin"), "to": ev.get("destination"), "via": ev.get("via"),
                                    "means": ev.get("means"), "time": ev.get("time"), "event": ev.get("id"),
                                    "evidence": ev.get("evidence", [])})
            typ = ev.get("type")
            status = place = None
            # explicit statements of where someone is (or what became of them, schema `fate`) outrank an
            # inferred last destination; a round trip (`relocates: false`) moves nobody for good
            fate = schema.fates().get(typ)
            if fate and (ev.get("place") or ev.get("destination") or not fate[1]):
                status, place = fate[0], ev.get("place") or ev.get("destination")
            elif (ev.get("class") == "movement" and ev.get("destination")
                  and schema.types().get(typ, {}).get("relocates", True)):
                status, place = "moved", ev.get("destination")
            if status:
                cand = {"status": status, "place": place, "time": ev.get("time"),
                        "evidence": ev.get("evidence", []), "event": ev.get("id"),
                        "_explicit": status != "moved", "_timed": bool((ev.get("time") or {}).get("earliest"))}
                rec.setdefault("_fates", []).append(cand)
    for rec in out.values():
        fates = rec.pop("_fates", [])
        if not fates:
            continue
        # events are in time order (untimed last). Prefer an explicit whereabouts/refuge/death/arrest
        # statement (the latest one); otherwise the destination of the latest timed leg; an untimed
        # leg only when no leg has a time.
        explicit = [f for f in fates if f["_explicit"]]
        timed = [f for f in fates if not f["_explicit"] and f["_timed"]]
        pick = (explicit or timed or fates)[-1]
        if pick["_explicit"]:
            # the same account then moves them on ("hid in the embassy … until taken to Hmeimim,
            # then reached Russia"): the story's later step is where they are
            docs = {e.get("doc") for e in pick["evidence"]}
            later = [f for f in fates[fates.index(pick) + 1:] if not f["_explicit"]
                     and docs & {e.get("doc") for e in f["evidence"]}]
            if later:
                pick = later[-1]
        rec["fate"] = {k: v for k, v in pick.items() if not k.startswith("_")}
    return [out[k] for k in sorted(out, key=lambda k: (people[k].get("name_en") or people[k].get("name_ar") or k, k))]
