"""Knight Lab TimelineJS JSON (https://timeline.knightlab.com/docs/json-format.html).

One slide per timed event: start = earliest, end = latest (in the event's local time zone);
the headline says who did what where, the group is the first person taking part (else the
event's kind), the text is escaped HTML with the evidence sentences, their isnad and a source
credit; a slide whose evidence has a URL links it as media with the same credit.
"""
from __future__ import annotations

import html
import json
from datetime import datetime

from ._common import chain_str, doc_label, headline, index, items, name, participants, sources, span_text, type_label


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


def _http(u) -> bool:
    return isinstance(u, str) and u.lower().startswith(("http://", "https://"))


def timeline(export: dict, lang: str = "en") -> dict:
    ents, docs = index(export, "entities"), index(export, "documents")
    conf = {e for c in items(export, "conflicts") for v in c.get("values") or [] for e in (v or {}).get("events") or []}
    events = []
    for ev in items(export, "events"):
        t = ev.get("time") if isinstance(ev.get("time"), dict) else {}
        start = _date(t.get("earliest"), t.get("precision")) or _date(t.get("latest"), t.get("precision"))
        if not start:
            continue
        head = f"{'⚠ ' if ev.get('id') in conf else ''}{headline(ev, ents, docs, lang)}"
        body = [f"<p><i>{html.escape(t.get('text') or '')}</i> ({html.escape(str(t.get('earliest')))} → {html.escape(str(t.get('latest')))})</p>"]
        for sp in ev.get("evidence") or []:
            body.append(f"<blockquote dir=\"auto\">{html.escape(span_text(docs, sp))}</blockquote>"
                        f"<p><small>{html.escape(chain_str((sp or {}).get('attribution')) or doc_label(docs.get((sp or {}).get('doc')), lang))}</small></p>")
        credit = "; ".join(sources(ev, docs, lang))
        if credit:
            body.append(f"<p class=\"credit\"><small>{html.escape(('Sources: ' if lang == 'en' else 'المصادر: ') + credit)}</small></p>")
        person = next((p for p in participants(ev) if (ents.get(p) or {}).get("type") == "person"), None)
        slide = {"unique_id": str(ev.get("id")), "start_date": start,
                 "group": name(ents[person], lang) if person else type_label({"class": ev.get("class")}, lang),
                 "text": {"headline": html.escape(head), "text": "".join(body)}}
        url = next((docs[sp["doc"]].get("url") for sp in ev.get("evidence") or []
                    if isinstance(sp, dict) and sp.get("doc") in docs and _http(docs[sp["doc"]].get("url"))), None)
        if url:
            slide["media"] = {"url": url, "credit": html.escape(credit), "caption": html.escape(head)}
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
