"""Arabic-aware search over a riwaya/1 export (same normalisation as the report's JavaScript).

Diacritics and tatweel are dropped; alef (أ إ آ ٱ → ا), ya (ى ئ → ي), ta marbuta (ة → ه)
and waw hamza (ؤ → و) are unified; `_` is a space; Latin is lower-cased; a query word's
article and its clitic forms (ال، وال، بال، فال، كال، لل; al-) are optional.
"""
from __future__ import annotations

import re

from ..lang.arabic import search_text

_ART = re.compile(r"^(?:وال|بال|فال|كال|لل|ال)(..+)$")


def normalize(s: str) -> tuple[str, list[int]]:
    """Normalised text and, for each of its characters, the index in ``s`` (riwaya.lang.arabic, variant "search")."""
    return search_text(s)


def query_tokens(q: str) -> list[str]:
    toks = []
    for w in normalize(q)[0].split():
        m = _ART.match(w)
        if m:
            w = m.group(1)
        elif w.startswith("al-") and len(w) > 4:
            w = w[3:]
        toks.append(w)
    return toks


class Index:
    """Normalised texts of one export, built once, queried many times."""

    def __init__(self, export: dict):
        ents = {e.get("id"): e for e in export.get("entities") or [] if isinstance(e, dict)}
        docs = {d.get("id"): d for d in export.get("documents") or [] if isinstance(d, dict)}

        def names(e):
            return [e.get("name_ar") or "", e.get("name_en") or "", *[a for a in e.get("aliases") or [] if isinstance(a, str)]]

        self.entities = [({k: e.get(k) for k in ("id", "type", "name_ar", "name_en")}, normalize(" | ".join(names(e)))[0])
                         for e in ents.values()]
        self.events = []
        for ev in export.get("events") or []:
            if not isinstance(ev, dict):
                continue
            parts = [ev.get("type") or "", ev.get("class") or "", ((ev.get("time") or {}).get("text") or "")]
            for p in ev.get("participants") or []:
                e = ents.get((p or {}).get("entity"))
                if e:
                    parts += names(e)
            for k in ("origin", "destination", "place"):
                if ents.get(ev.get(k)):
                    parts += names(ents[ev.get(k)])
            for sp in ev.get("evidence") or []:
                d = docs.get((sp or {}).get("doc"))
                if d and isinstance(d.get("text"), str):
                    parts.append(d["text"][sp.get("start", 0):sp.get("end", 0)])
            self.events.append(({"id": ev.get("id"), "type": ev.get("type"), "class": ev.get("class")},
                                normalize(" | ".join(parts))[0]))
        self.documents = [(d, *normalize(d["text"])) for d in docs.values() if isinstance(d.get("text"), str)]

    def search(self, q: str, limit: int = 50) -> dict:
        toks = query_tokens(q)
        res = {"query": q, "tokens": toks, "entities": [], "events": [], "documents": []}
        if not toks:
            return res
        res["entities"] = [r for r, t in self.entities if all(k in t for k in toks)][:limit]
        res["events"] = [r for r, t in self.events if all(k in t for k in toks)][:limit]
        for d, n, idx in self.documents:
            i = n.find(toks[0])
            if i < 0 or not all(k in n for k in toks[1:]):
                continue
            s, e = idx[i], idx[i + len(toks[0]) - 1] + 1
            res["documents"].append({"doc": d.get("id"), "title": d.get("title"), "start": s, "end": e,
                                     "snippet": d["text"][max(0, s - 60):e + 60]})
            if len(res["documents"]) >= limit:
                break
        return res


def search(export: dict, q: str, limit: int = 50) -> dict:
    return Index(export).search(q, limit)
