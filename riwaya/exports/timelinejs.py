"""Knight Lab TimelineJS JSON (https://timeline.knightlab.com/docs/json-format.html).

One slide per timed event: start = earliest, end = latest (in the event's local time zone),
grouped by event class; text is escaped HTML with the evidence sentences and their isnad.
"""
from __future__ import annotations

import html
import json
from datetime import datetime

from ._common import chain_str, index, items, name, participants, span_text


def _date(iso: str | None, precision: str | None) -> dict | None:
    if not iso:
        return None
    try:
        dt = datetime.fromisoformat(iso.replace("Z", "+00:00"))
    except (TypeError, ValueError):
        return None
    d = {"year": dt.year}
    if precision != "year":
        d["month"] = dt.month
    if precision not in ("year", "month"):
        d["day"] = dt.day
    if precision in ("hour", "minute", "part_of_day", None):
        d["hour"] = dt.hour
        d["minute"] = dt.minute
    return d


def timeline(export: dict, lang: str = "en") -> dict:
    ents, docs = index(export, "entities"), index(export, "documents")
    conf = {e for c in items(export, "conflicts") for v in c.get("values") or [] for e in (v or {}).get("events") or []}
    events = []
    for ev in items(export, "events"):
        t = ev.get("time") if isinstance(ev.get("time"), dict) else {}
        start = _date(t.get("earliest"), t.get("precision")) or _date(t.get("latest"), t.get("precision"))
        if not start:
            continue
        who = ", ".join(name(ents.get(p), lang) for p in participants(ev) if p in ents)
        route = ""
        if ev.get("origin") or ev.get("destination"):
            route = f" {name(ents.get(ev.get('origin')), lang) or '?'} → {name(ents.get(ev.get('destination')), lang) or '?'}"
        elif ev.get("place") in ents:
            route = f" @ {name(ents[ev['place']], lang)}"
        head = f"{'⚠ ' if ev.get('id') in conf else ''}{ev.get('type') or ev.get('class') or 'event'}: {who}{route}"
        body = [f"<p><i>{html.escape(t.get('text') or '')}</i> ({html.escape(str(t.get('earliest')))} → {html.escape(str(t.get('latest')))})</p>"]
        for sp in ev.get("evidence") or []:
            body.append(f"<blockquote dir=\"auto\">{html.escape(span_text(docs, sp))}</blockquote>"
                        f"<p><small>{html.escape(chain_str((sp or {}).get('attribution')))}</small></p>")
        slide = {"unique_id": str(ev.get("id")), "start_date": start, "group": ev.get("class") or "other",
                 "text": {"headline": html.escape(head), "text": "".join(body)}}
        if t.get("earliest") and t.get("latest"):
            end = _date(t.get("latest"), t.get("precision"))
            if end and end != start:
                slide["end_date"] = end
        events.append(slide)
    events.sort(key=lambda s: tuple(s["start_date"].get(k, 0) for k in ("year", "month", "day", "hour", "minute")))
    return {"title": {"text": {"headline": "riwaya", "text": html.escape(str(export.get("generated_by") or ""))}},
            "events": events}


def write(export: dict, out_path: str) -> list[str]:
    with open(out_path, "w", encoding="utf-8") as f:
        json.dump(timeline(export), f, ensure_ascii=False, indent=1)
    return [out_path]
