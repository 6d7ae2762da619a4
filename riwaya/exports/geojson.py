"""GeoJSON (RFC 7946) for map tools (kepler.gl, QGIS, geojson.io): one FeatureCollection with

- a Point per place the corpus names (``feature_type: place``): names in both scripts, kind,
  how many times it is mentioned;
- a LineString per itinerary leg whose two ends are known places (``feature_type: leg``):
  the person, from/to, means, time (``earliest``/``latest`` ISO 8601 and ``start_ms``, epoch
  milliseconds, which kepler.gl's time filter reads), the accounts that tell it (isnad and
  document), whether they disagree, and the evidence sentences.

Coordinates are [longitude, latitude] (RFC 7946 §3.1.1); properties are flat strings and numbers
so that every tool shows them as columns.
"""
from __future__ import annotations

import json
from datetime import datetime

from ._common import chain_str, coords, doc_label, index, items, name, span_text


def _ms(iso) -> int | None:
    if not isinstance(iso, str):
        return None
    try:
        return int(datetime.fromisoformat(iso.replace("Z", "+00:00")).timestamp() * 1000)
    except (TypeError, ValueError, OverflowError):
        return None


def _pt(e: dict) -> list[float]:
    lat, lon = coords(e)
    return [round(lon, 6), round(lat, 6)]


def collection(export: dict) -> dict:
    ents, docs = index(export, "entities"), index(export, "documents")
    conf = {e for c in items(export, "conflicts") for v in c.get("values") or [] if isinstance(v, dict)
            for e in v.get("events") or []}
    feats = []
    for e in items(export, "entities"):
        if e.get("type") != "place" or not coords(e):
            continue
        feats.append({"type": "Feature", "id": str(e.get("id")), "geometry": {"type": "Point", "coordinates": _pt(e)},
                      "properties": {"feature_type": "place", "id": str(e.get("id")), "name": name(e),
                                     "name_ar": name(e, "ar"), "kind": (e.get("attrs") or {}).get("kind") or e.get("kind") or "",
                                     "mentions": len(e.get("mentions") or [])}})
    for it in items(export, "itineraries"):
        person = ents.get(it.get("person"))
        for n, leg in enumerate(l for l in it.get("legs") or [] if isinstance(l, dict)):
            a, b = ents.get(leg.get("from")), ents.get(leg.get("to"))
            if not (coords(a) and coords(b)):
                continue
            t = leg.get("time") if isinstance(leg.get("time"), dict) else {}
            spans = list({(sp.get("doc"), sp.get("start"), sp.get("end")): sp
                          for sp in leg.get("evidence") or [] if isinstance(sp, dict)}.values())
            accounts = []
            for sp in spans:
                acc = " → ".join(x for x in (doc_label(docs.get(sp.get("doc"))), chain_str(sp.get("attribution"))) if x)
                if acc not in accounts:
                    accounts.append(acc)
            path = [_pt(a)] + [_pt(ents[v]) for v in leg.get("via") or [] if coords(ents.get(v))] + [_pt(b)]
            feats.append({"type": "Feature", "id": f"{it.get('person')}#leg{n}",
                          "geometry": {"type": "LineString", "coordinates": path},
                          "properties": {"feature_type": "leg", "person": str(it.get("person")), "person_name": name(person),
                                         "person_name_ar": name(person, "ar"), "leg": n,
                                         "from": name(a), "to": name(b), "from_ar": name(a, "ar"), "to_ar": name(b, "ar"),
                                         "means": leg.get("means") or "", "event": str(leg.get("event") or ""),
                                         "earliest": t.get("earliest") or "", "latest": t.get("latest") or "",
                                         "start_ms": _ms(t.get("earliest")), "end_ms": _ms(t.get("latest")),
                                         "time_text": t.get("text") or "", "precision": t.get("precision") or "",
                                         "accounts": len(accounts), "account": " | ".join(accounts),
                                         "disputed": leg.get("event") in conf,
                                         "evidence": "\n".join(f"«{span_text(docs, sp)}»" for sp in spans)}})
    return {"type": "FeatureCollection", "features": feats}


def write(export: dict, out_path: str) -> list[str]:
    with open(out_path, "w", encoding="utf-8") as f:
        json.dump(collection(export), f, ensure_ascii=False, indent=1)
    return [out_path]
