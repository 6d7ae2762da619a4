"""The riwaya/1 JSON export: documents, entities, events, conflicts (DESIGN.md).

Spans are ``{doc, start, end}`` into ``documents[].text``, the original text.
The shape is fixed by ``riwaya/schema/riwaya-1.schema.json``; a breaking change
bumps the schema version.
"""
from __future__ import annotations

import json
from functools import lru_cache
from importlib import resources

from .. import __version__

SCHEMA = "riwaya/1"


@lru_cache(maxsize=1)
def json_schema() -> dict:
    return json.loads(resources.files("riwaya").joinpath("schema/riwaya-1.schema.json").read_text("utf-8"))


def build_export(store) -> dict:
    analyses = store.analyses()
    corpus = store.corpus()
    documents, times = [], []
    for d in store.documents():
        a = analyses.get(d["id"], {})
        documents.append({
            "id": d["id"], "seq": d.get("seq"), "path": d["path"], "url": d["url"], "outlet": d["outlet"], "title": d["title"],
            "language": d["language"], "languages": sorted({p["lang"] for p in a.get("paragraphs", [])
                                                            if not p["furniture"] and p["lang"] != "und"}) or [d["language"]],
            "published": d["published"], "text": d["text"],
            "paragraphs": a.get("paragraphs", []), "repairs": a.get("repairs", []),
            "attributions": a.get("attributions", []),
            **({"metadata_inferred": d["meta"]["metadata_inferred"]} if (d.get("meta") or {}).get("metadata_inferred") else {}),
            **({"dateline": d["meta"]["dateline"]} if (d.get("meta") or {}).get("dateline") else {}),
            **({"time_zone": a["zone"]} if a.get("zone") else {}),
            **({"retrieved": d["meta"]["retrieved"]} if (d.get("meta") or {}).get("retrieved") else {}),
        })
        for t in a.get("times", []):
            v = t["value"]
            times.append({"doc": d["id"], "start": t["start"], "end": t["end"], "text": t["text"],
                          "earliest": v.get("earliest"), "latest": v.get("latest"), "precision": v.get("precision"),
                          "kind": v.get("kind"), "tz": v.get("tz"), "anchor": v.get("anchor"), "value": v.get("value"),
                          "timex_type": v.get("timex_type"), "offset": v.get("offset"),
                          "anchor_span": list(v["anchor_span"]) if v.get("anchor_span") else None})
    corrections = store.corrections()
    _review_documents(documents, corrections)
    return {"schema": SCHEMA, "generated_by": f"riwaya {__version__}", "documents": documents,
            "entities": [_with_titles(e) for e in corpus["entities"]], "events": corpus["events"], "conflicts": corpus["conflicts"],
            "relations": corpus["relations"], "itineraries": corpus["itineraries"], "times": times,
            "corrections": corrections}


def _review_documents(documents: list[dict], corrections: list[dict]) -> None:
    """Corrections of documents (notes, confirm/reject) are marked on them here: documents are
    not corpus results, so the corrections step does not see them."""
    from ..corrections import _mark
    by_id = {d["id"]: d for d in documents}
    for c in corrections:
        if c["kind"] == "document" and c["status"] == "active" and c["target"] in by_id:
            _mark(by_id[c["target"]], c)


def _with_titles(e: dict) -> dict:
    """Roles carry a ``title``; stores built before it had ``role`` for the title."""
    if any("title" not in r for r in e.get("roles") or []):
        e = dict(e, roles=[r if "title" in r else {"title": r.get("role") or "", **{k: v for k, v in r.items() if k != "role"}}
                           for r in e.get("roles") or []])
    return e


def validate(export: dict) -> list[str]:
    """Schema errors, plus every span checked against its document's text."""
    import jsonschema
    v = jsonschema.Draft202012Validator(json_schema())
    errors = [f"{'/'.join(map(str, e.path))}: {e.message}" for e in v.iter_errors(export)]
    lengths = {d["id"]: len(d["text"]) for d in export.get("documents", [])}
    for e in export.get("entities", []):
        for m in e.get("mentions", []):
            if m["doc"] not in lengths or not (0 <= m["start"] <= m["end"] <= lengths[m["doc"]]):
                errors.append(f"entity {e['id']}: span {m} outside its document")
    for ev in export.get("events", []):
        for m in ev.get("evidence", []):
            if m["doc"] not in lengths or not (0 <= m["start"] <= m["end"] <= lengths[m["doc"]]):
                errors.append(f"event {ev['id']}: span outside its document")
    return errors


def write(export: dict, out: str) -> list[str]:
    with open(out, "w", encoding="utf-8") as f:
        json.dump(export, f, ensure_ascii=False, indent=1)
    return [out]
