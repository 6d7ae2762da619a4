"""CSV export: entities.csv, events.csv, evidence.csv, claims.csv, conflicts.csv and review_log.csv
(the reviewers' corrections) into a folder, or a .zip.

claims.csv has one row per claim: one source's statement of one event, with the values that
source gives (who, from, to, where, by what means, when), its polarity, its isnad, whether it
is an independent account, and the sentence that says it."""
from __future__ import annotations

import csv as _csv
import io
import json
import os
import zipfile

from ._common import chain_str, doc_label, index, items, name, participants, span_text, type_label

ENTITY_COLS = ["id", "type", "name_ar", "name_en", "aliases", "roles", "kb_id", "kind", "lat", "lon", "mentions"]
EVENT_COLS = ["id", "class", "type", "participants", "origin", "destination", "via", "place", "means",
              "earliest", "latest", "time_text", "precision", "tz", "corroboration", "evidence_count", "conflicts"]
EVIDENCE_COLS = ["event", "doc", "outlet", "start", "end", "text", "isnad", "hedge"]
CLAIM_COLS = ["claim", "event", "class", "type", "label", "participants", "origin", "destination", "via", "place", "means",
              "earliest", "latest", "time_text", "polarity", "hedge", "source", "isnad", "account", "independent_account",
              "doc", "outlet", "published", "start", "end", "text"]
CONFLICT_COLS = ["conflict", "kind", "question", "value", "events", "documents", "summary_en", "summary_ar"]
REVIEW_COLS = ["correction", "at", "author", "kind", "target", "field", "old", "new", "note", "status", "reason", "updated_at"]


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
        roles = [" — ".join(str(x) for x in (r.get("title") or r.get("role"), r.get("org_name_en") or r.get("org_name_ar")
                                             or (r.get("org") if r.get("source") != "kb" else None)) if x)
                 for r in e.get("roles") or [] if isinstance(r, dict)]
        ents.append([e.get("id"), e.get("type"), e.get("name_ar"), e.get("name_en"), _j(e.get("aliases")), _j(roles),
                     e.get("kb_id"), e.get("kind"), c[0], c[1], len(e.get("mentions") or [])])
    evs, evid, claims = [], [], []
    ent_ids = index(export, "entities")

    def val(v):
        if isinstance(v, list):
            return ";".join(str(val(x)) for x in v if x)
        if isinstance(v, str) and v.startswith("raw:"):
            return v[4:]
        if isinstance(v, str) and v in ent_ids:
            return name(ent_ids[v])
        return "" if v is None else v
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
            # the claim: this source's own values where it gives them, else the event's
            own = sp.get("values") if isinstance(sp.get("values"), dict) else {}
            ot = own.get("time") if isinstance(own.get("time"), dict) else t
            doc = docs.get(sp.get("doc")) or {}
            chain = [lk.get("name") for lk in att.get("chain") or [] if isinstance(lk, dict) and lk.get("name")]
            claims.append([f"{ev.get('id')}#{len(claims)}", ev.get("id"), ev.get("class"), sp.get("type") or ev.get("type"),
                           type_label({"type": sp.get("type") or ev.get("type"), "class": ev.get("class")}),
                           val(participants(ev)),
                           *[val(own.get(k) if own.get(k) else ev.get(k)) for k in ("origin", "destination", "via", "place", "means")],
                           ot.get("earliest"), ot.get("latest"), ot.get("text"), own.get("polarity") or ev.get("polarity"),
                           att.get("hedge"), chain[-1] if chain else doc_label(doc) if doc else "", chain_str(att),
                           sp.get("account"), sp.get("independent_account"), sp.get("doc"), doc.get("outlet"),
                           doc.get("published"), sp.get("start"), sp.get("end"), span_text(docs, sp)])
    confs = []
    for c in items(export, "conflicts"):
        for v in c.get("values") or []:
            v = v or {}
            val = v.get("value")
            confs.append([c.get("id"), c.get("kind"), c.get("question"), json.dumps(val, ensure_ascii=False) if isinstance(val, (dict, list)) else val,
                          _j(v.get("events")), _j(v.get("documents")), c.get("summary_en"), c.get("summary_ar")])
    log = [[c.get("id"), c.get("at"), c.get("author"), c.get("kind"), c.get("target"), c.get("field"),
            *[v if isinstance(v, str) or v is None else json.dumps(v, ensure_ascii=False) for v in (c.get("old"), c.get("new"))],
            c.get("note"), c.get("status"), c.get("reason"), c.get("updated_at")] for c in items(export, "corrections")]
    return {"entities.csv": (ENTITY_COLS, ents), "events.csv": (EVENT_COLS, evs),
            "evidence.csv": (EVIDENCE_COLS, evid), "claims.csv": (CLAIM_COLS, claims), "conflicts.csv": (CONFLICT_COLS, confs),
            "review_log.csv": (REVIEW_COLS, log)}


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
