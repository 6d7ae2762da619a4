"""CSV export: entities.csv, events.csv, evidence.csv, conflicts.csv into a folder, or a .zip."""
from __future__ import annotations

import csv as _csv
import io
import json
import os
import zipfile

from ._common import chain_str, index, items, participants, span_text

ENTITY_COLS = ["id", "type", "name_ar", "name_en", "aliases", "roles", "kb_id", "kind", "lat", "lon", "mentions"]
EVENT_COLS = ["id", "class", "type", "participants", "origin", "destination", "via", "place", "means",
              "earliest", "latest", "time_text", "precision", "tz", "corroboration", "evidence_count", "conflicts"]
EVIDENCE_COLS = ["event", "doc", "outlet", "start", "end", "text", "isnad", "hedge"]
CONFLICT_COLS = ["conflict", "kind", "question", "value", "events", "documents", "summary_en", "summary_ar"]


def _j(v) -> str:
    return ";".join(str(x) for x in v) if isinstance(v, list) else ("" if v is None else str(v))


def tables(export: dict) -> dict[str, tuple[list[str], list[list]]]:
    docs = index(export, "documents")
    conf_of = {}
    for c in items(export, "conflicts"):
        for v in c.get("values") or []:
            for e in (v or {}).get("events") or []:
                conf_of.setdefault(e, []).append(c.get("id"))
    ents = []
    for e in items(export, "entities"):
        c = e.get("coordinates") if isinstance(e.get("coordinates"), list) and len(e["coordinates"]) >= 2 else [None, None]
        roles = [" — ".join(str(x) for x in (r.get("title"), r.get("org")) if x) for r in e.get("roles") or [] if isinstance(r, dict)]
        ents.append([e.get("id"), e.get("type"), e.get("name_ar"), e.get("name_en"), _j(e.get("aliases")), _j(roles),
                     e.get("kb_id"), e.get("kind"), c[0], c[1], len(e.get("mentions") or [])])
    evs, evid = [], []
    for ev in items(export, "events"):
        t = ev.get("time") if isinstance(ev.get("time"), dict) else {}
        evs.append([ev.get("id"), ev.get("class"), ev.get("type"), _j(participants(ev)), ev.get("origin"), ev.get("destination"),
                    _j(ev.get("via")), ev.get("place"), ev.get("means"), t.get("earliest"), t.get("latest"), t.get("text"),
                    t.get("precision"), t.get("tz"), ev.get("corroboration"), len(ev.get("evidence") or []), _j(conf_of.get(ev.get("id")))])
        for sp in ev.get("evidence") or []:
            if not isinstance(sp, dict):
                continue
            att = sp.get("attribution") or {}
            evid.append([ev.get("id"), sp.get("doc"), (docs.get(sp.get("doc")) or {}).get("outlet"), sp.get("start"), sp.get("end"),
                         span_text(docs, sp), chain_str(att), att.get("hedge")])
    confs = []
    for c in items(export, "conflicts"):
        for v in c.get("values") or []:
            v = v or {}
            val = v.get("value")
            confs.append([c.get("id"), c.get("kind"), c.get("question"), json.dumps(val, ensure_ascii=False) if isinstance(val, (dict, list)) else val,
                          _j(v.get("events")), _j(v.get("documents")), c.get("summary_en"), c.get("summary_ar")])
    return {"entities.csv": (ENTITY_COLS, ents), "events.csv": (EVENT_COLS, evs),
            "evidence.csv": (EVIDENCE_COLS, evid), "conflicts.csv": (CONFLICT_COLS, confs)}


def _csv_bytes(cols, rows) -> bytes:
    buf = io.StringIO()
    w = _csv.writer(buf, lineterminator="\n")
    w.writerow(cols)
    w.writerows([["" if x is None else x for x in r] for r in rows])
    return ("\ufeff" + buf.getvalue()).encode("utf-8")  # BOM: spreadsheets open Arabic as UTF-8


def write(export: dict, out_path: str) -> list[str]:
    t = tables(export)
    if out_path.lower().endswith(".zip"):
        with zipfile.ZipFile(out_path, "w", zipfile.ZIP_DEFLATED) as z:
            for name, (cols, rows) in t.items():
                z.writestr(name, _csv_bytes(cols, rows))
        return [out_path]
    os.makedirs(out_path, exist_ok=True)
    files = []
    for name, (cols, rows) in t.items():
        p = os.path.join(out_path, name)
        with open(p, "wb") as f:
            f.write(_csv_bytes(cols, rows))
        files.append(p)
    return files
