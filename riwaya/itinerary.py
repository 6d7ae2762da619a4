"""Per-person movement legs and latest known fate, from export-level event dicts."""
from __future__ import annotations

MOVER_ROLES = ("agent", "companion", "patient")
FATE_TYPES = ("whereabouts", "refuge", "hiding", "arrival", "killing", "arrest")


def _time_key(ev: dict):
    t = ev.get("time") or {}
    return (t.get("earliest") is None, t.get("earliest") or "", t.get("latest") or "")


def _doc_key(ev: dict):
    evd = (ev.get("evidence") or [{}])[0]
    return (evd.get("doc") or "", evd.get("start") or 0)


def build_itineraries(events: list[dict], entities: list[dict]) -> list[dict]:
    people = {e["id"]: e for e in entities if e.get("type") == "person"}
    order = sorted(events, key=lambda e: (_time_key(e), _doc_key(e), e.get("id", "")))
    out: dict[str, dict] = {}
    for ev in order:
        movers = [p["entity"] for p in ev.get("participants", [])
                  if p.get("role") in MOVER_ROLES and p.get("entity") in people]
        for pid in dict.fromkeys(movers):
            rec = out.setdefault(pid, {"person": pid, "legs": [], "fate": None})
            if ev.get("class") == "movement" and (ev.get("origin") or ev.get("destination") or ev.get("via")):
                rec["legs"].append({"from": ev.get("origin"), "to": ev.get("destination"), "via": ev.get("via"),
                                    "means": ev.get("means"), "time": ev.get("time"), "event": ev.get("id"),
                                    "evidence": ev.get("evidence", [])})
            place = None
            status = None
            if ev.get("type") == "whereabouts" and ev.get("place"):
                status, place = "located", ev.get("place")
            elif ev.get("type") == "killing":
                status, place = "dead", ev.get("place")
            elif ev.get("type") == "arrest":
                status, place = "detained", ev.get("place")
            elif ev.get("class") == "movement" and ev.get("destination"):
                status, place = "moved", ev.get("destination")
            if status:
                prev = rec["fate"]
                # an explicit whereabouts statement outranks an inferred destination at the same time
                if prev is None or status != "moved" or prev["status"] == "moved":
                    rec["fate"] = {"status": status, "place": place, "time": ev.get("time"),
                                   "evidence": ev.get("evidence", []), "event": ev.get("id")}
    return [out[k] for k in sorted(out, key=lambda k: (people[k].get("name_en") or people[k].get("name_ar") or k, k))]
