"""Who says what: each claim about a person or an event, who tells it, and which tellers are independent.

A *claim* is one value of one slot of one event ("the destination of Assad's escape is Moscow"),
as reconcile recorded it in ``event.values``; participants' roles are claims too. Each claim lists
the *independent accounts* that tell it (``evidence[].independent_account``: copies, translations
and outlets quoting one upstream are one account), and under each account the sentences that say
it, each with its isnad, outermost first: the publisher (outlet, else "document N"; never a file
name or a headline), then the outlets and people it cites.

Reads a riwaya/1 export defensively: events without ``values`` (older exports) fall back to the
evidence's own ``values``, then to the event's fields; evidence without accounts counts each
document once. The web app (``/api/claims``), ``riwaya show --claims`` and the report's
"who says what" tables (``report.js``, the same rules) show this.
"""
from __future__ import annotations

from functools import lru_cache

from .exports._common import doc_label, headline, index, items, name, span_text, type_label

__all__ = ["who_says", "event_claims", "format_claims", "SLOTS"]

# the slots of an event a claim can be about, in the order a reader asks them
SLOTS = ("polarity", "decider", "origin", "destination", "via", "place", "means", "time", "companions", "amount",
         "duration")


@lru_cache(maxsize=1)
def _templates() -> dict:
    try:
        from .reconcile.text import templates
        return templates()
    except (ImportError, OSError, ValueError):
        return {}


def slot_label(slot: str, lang: str = "en") -> str:
    f = (_templates().get("fields") or {}).get(slot) or {}
    return f.get(lang) or f.get("en") or slot


def _norm(s: str) -> str:
    from .textutil import normalize_ar
    return normalize_ar(s or "").casefold().strip()


class _Names:
    """Entity names for values and isnad links, in one language."""

    def __init__(self, export: dict, lang: str):
        self.lang = lang
        self.ents = index(export, "entities")
        self.by_name: dict[str, str] = {}
        for e in self.ents.values():
            for n in [e.get("name_ar"), e.get("name_en"), *(e.get("aliases") or [])]:
                if isinstance(n, str) and n.strip():
                    self.by_name.setdefault(_norm(n), e.get("id"))

    def entity(self, x) -> str:
        e = self.ents.get(x) or (self.ents.get("e:" + x) if isinstance(x, str) else None)
        if e:
            return name(e, self.lang)
        return x[4:] if isinstance(x, str) and x.startswith("raw:") else ("" if x is None else str(x))

    def link(self, lk: dict) -> str:
        eid = lk.get("entity") or self.by_name.get(_norm(lk.get("name") or ""))
        if eid in self.ents:
            return name(self.ents[eid], self.lang)
        return str(lk.get("text") or lk.get("name") or "?").strip()

    def value(self, slot: str, v) -> str:
        if slot == "polarity":
            pv = (_templates().get("polarity_values") or {}).get(v) or {}
            return pv.get(self.lang) or pv.get("en") or str(v)
        if slot == "time" and isinstance(v, dict):
            return v.get("text") or f"{v.get('earliest') or '…'} – {v.get('latest') or '…'}"
        if isinstance(v, dict):       # a duration: {value: ISO 8601, text}
            return str(v.get("text") or v.get("value") or "")
        if isinstance(v, list):
            return " + ".join(self.entity(x) for x in v if x is not None)
        return self.entity(v)


def isnad(sp: dict, doc: dict | None, names: _Names) -> list[dict]:
    """The chain of one evidence, outermost first: the publisher (its outlet, named as the knowledge
    base names it in the reader's language), then who it cites. A link that names the one before it
    (the dateline's outlet that is the publisher itself) is not repeated; another agency in the
    dateline follows the publisher."""
    outlet = (doc or {}).get("outlet")
    pub = names.link({"name": outlet}) if isinstance(outlet, str) and outlet.strip() else (
        doc_label(doc, names.lang) if doc else str(sp.get("doc") or "?"))
    out = [{"name": pub, "kind": "publisher"}]
    for lk in (sp.get("attribution") or {}).get("chain") or []:
        if not isinstance(lk, dict) or not lk.get("name"):
            continue
        label = names.link(lk)
        if _norm(label) == _norm(out[-1]["name"]):
            continue
        out.append({"name": label, "kind": lk.get("kind") or "source"})
    return out


def _headline(ev: dict, ents: dict, docs: dict, lang: str) -> str:
    try:
        return headline(ev, ents, docs, lang)
    except (TypeError, AttributeError, ValueError):     # a malformed event: named by its type or id
        return str(ev.get("type") or ev.get("id") or "?")


def _list(x) -> list:
    return x if isinstance(x, list) else []


def _account_of(sp: dict) -> str:
    return str(sp.get("independent_account") or sp.get("account") or f"doc:{sp.get('doc')}")


def _value_rows(ev: dict, evidence: list[dict]) -> dict[str, list[dict]]:
    """slot -> [{value, evidence: [indexes]}]: reconcile's table, else rebuilt from the evidence."""
    vals = ev.get("values")
    if isinstance(vals, dict) and vals:
        out = {}
        for slot, rows in vals.items():
            good = [r for r in _list(rows) if isinstance(r, dict) and "value" in r]
            if good:
                out[slot] = [{"value": r["value"], "evidence": [i for i in _list(r.get("evidence"))
                                                               if isinstance(i, int) and 0 <= i < len(evidence)]}
                             for r in good]
        return out
    out: dict[str, list[dict]] = {}
    for i, sp in enumerate(evidence):
        if sp is None:
            continue
        own = sp.get("values") if isinstance(sp.get("values"), dict) else None
        for slot in SLOTS:
            v = own.get(slot) if own is not None else (ev.get(slot) if slot != "polarity" else ev.get("polarity") or "asserted")
            if v in (None, [], ""):
                continue
            rows = out.setdefault(slot, [])
            row = next((r for r in rows if r["value"] == v), None)
            if row is None:
                rows.append(row := {"value": v, "evidence": []})
            row["evidence"].append(i)
    return out


def _relations(export: dict) -> tuple[dict, dict]:
    """(copy_of: doc -> the other docs it copies, translated: doc -> [(start, end, lang)])."""
    copy_of, translated = {}, {}
    for r in items(export, "relations"):
        if r.get("kind") == "copy" and isinstance(r.get("docs"), list) and len(r["docs"]) == 2:
            a, b = r["docs"]
            copy_of.setdefault(b, []).append(a)
            copy_of.setdefault(a, []).append(b)
        elif r.get("kind") == "translation" and isinstance(r.get("b"), list) and len(r["b"]) == 2:
            translated.setdefault(r.get("doc"), []).append((r["b"][0], r["b"][1], r.get("lang_b")))
    return copy_of, translated


def event_claims(export: dict, ev: dict, lang: str = "en", *, _ctx=None) -> dict:
    """One event's claims: {event, label, class, type, time, corroboration, accounts, claims}."""
    names, docs, conflicts, rel = _ctx or _context(export, lang)
    copy_of, translated = rel
    # indexes into the event's evidence list as stored (reconcile's values point at them); junk is skipped
    evidence = [sp if isinstance(sp, dict) else None for sp in _list(ev.get("evidence"))]

    def ev_item(sp: dict) -> dict:
        doc = docs.get(sp.get("doc"))
        item = {"doc": sp.get("doc"), "start": sp.get("start"), "end": sp.get("end"),
                "publisher": doc_label(doc, lang) if doc else str(sp.get("doc")),
                "text": span_text(docs, sp), "isnad": isnad(sp, doc, names),
                "hedge": (sp.get("attribution") or {}).get("hedge")}
        try:
            tr = next((lg for s, e, lg in translated.get(sp.get("doc"), []) if s <= int(sp.get("start")) < e), None)
        except (TypeError, ValueError):
            tr = None
        if tr:
            item["translation"] = tr
        return item

    # the event's independent accounts, each with the documents folded into it
    accounts: dict[str, dict] = {}
    for sp in filter(None, evidence):
        a = accounts.setdefault(_account_of(sp), {"id": _account_of(sp), "documents": []})
        if sp.get("doc") not in a["documents"]:
            a["documents"].append(sp.get("doc"))
    for a in accounts.values():
        labels = [doc_label(docs.get(d), lang) if docs.get(d) else str(d) for d in a["documents"]]
        up = names.ents.get(a["id"])
        a["label"] = name(up, lang) if up else " + ".join(dict.fromkeys(labels))
        a["copies"] = [d for d in a["documents"] if any(o in a["documents"] for o in copy_of.get(d, []))][1:]

    def row(slot, value, idx, conflict=None):
        by_acc: dict[str, list[int]] = {}
        for i in idx:
            if evidence[i] is not None:
                by_acc.setdefault(_account_of(evidence[i]), []).append(i)
        return {"slot": slot, "slot_label": slot_label(slot, lang), "value": value, "label": names.value(slot, value),
                "independent": len(by_acc), "conflict": conflict,
                "accounts": [{"account": acc, "label": accounts.get(acc, {}).get("label", acc),
                              "evidence": [ev_item(evidence[i]) for i in ii]} for acc, ii in by_acc.items()]}

    claims = []
    rows = _value_rows(ev, evidence)
    for slot in sorted(rows, key=lambda s: (SLOTS.index(s) if s in SLOTS else len(SLOTS), s)):
        conf = conflicts.get((ev.get("id"), slot))
        for r in rows[slot]:
            claims.append(row(slot, r["value"], r["evidence"], conf))
    # who took part, and in what role: a claim of the accounts that name them
    for p in _list(ev.get("participants")):
        if not isinstance(p, dict) or not p.get("entity") or p.get("role") in rows:
            continue
        accs = p.get("accounts")
        idx = [i for i, sp in enumerate(evidence) if sp is not None and (not isinstance(accs, list) or _account_of(sp) in accs)]
        claims.append(row(p.get("role") or "participant", p["entity"], idx))
    for c in claims:
        if c["slot"] not in SLOTS and c["slot_label"] == c["slot"]:
            c["slot_label"] = _role_label(c["slot"], lang)
    ents = names.ents
    return {"event": ev.get("id"), "label": _headline(ev, ents, docs, lang), "class": ev.get("class"),
            "type": ev.get("type"), "type_label": type_label(ev, lang), "time": ev.get("time"),
            "corroboration": ev.get("corroboration", len(accounts)),
            "conflicts": sorted({c["id"] for c in (conflicts.get((ev.get("id"), s)) for s in rows) if c and c.get("id")}),
            "accounts": list(accounts.values()), "claims": claims}


def _role_label(role: str, lang: str) -> str:
    try:
        from . import event_schema
        r = ((event_schema.schema().get("roles") or {}).get(role) or {}).get("label") or {}
        return r.get(lang) or r.get("en") or role
    except (ImportError, AttributeError, KeyError, TypeError, OSError):
        return role


def _context(export: dict, lang: str):
    conflicts = {}
    for c in items(export, "conflicts"):
        f = c.get("field") or c.get("slot")
        for e in [c.get("event"), *[x for v in _list(c.get("values")) if isinstance(v, dict) for x in _list(v.get("events"))]]:
            if isinstance(e, str) and e and isinstance(f, str):
                conflicts.setdefault((e, f), {"id": c.get("id"), "kind": c.get("kind")})
    return _Names(export, lang), index(export, "documents"), conflicts, _relations(export)


def _about(ev: dict, eid: str) -> bool:
    if eid in (ev.get("origin"), ev.get("destination"), ev.get("place")) or \
            eid in [p.get("entity") for p in _list(ev.get("participants")) if isinstance(p, dict)]:
        return True
    for rows in (ev.get("values") or {}).values() if isinstance(ev.get("values"), dict) else []:
        for r in _list(rows):
            v = r.get("value") if isinstance(r, dict) else None
            if v == eid or (isinstance(v, list) and eid in v):
                return True
    return False


def who_says(export: dict, entity: str | None = None, event: str | None = None, lang: str = "en") -> dict | None:
    """Claims about one entity (every event it takes part in or is a value of) or one event;
    None when there is no such entity or event."""
    ctx = _context(export, lang)
    names = ctx[0]
    if event is not None:
        ev = index(export, "events").get(event)
        if ev is None:
            return None
        return {"subject": {"kind": "event", "id": event, "name": _headline(ev, names.ents, ctx[1], lang)},
                "events": [event_claims(export, ev, lang, _ctx=ctx)]}
    e = names.ents.get(entity) or names.ents.get(f"e:{entity}")
    if e is None:
        return None
    evs = [ev for ev in items(export, "events") if _about(ev, e["id"])]
    # the best-told first, then by time
    evs.sort(key=lambda ev: (-(ev.get("corroboration") or 0), str((ev.get("time") or {}).get("earliest") or "~"), str(ev.get("id"))))
    return {"subject": {"kind": "entity", "id": e["id"], "name": name(e, lang), "type": e.get("type")},
            "events": [event_claims(export, ev, lang, _ctx=ctx) for ev in evs]}


def format_claims(res: dict, max_evidence: int = 2, width: int = 150) -> list[str]:
    """Plain-text lines for ``riwaya show NAME --claims``."""
    out = [f"{res['subject']['name']} — who says what ({len(res['events'])} event(s))"]
    for ev in res["events"]:
        t = ev.get("time") or {}
        when = f"  [{t.get('earliest') or '…'} – {t.get('latest') or '…'}]" if t else ""
        out.append("")
        out.append(f"■ {ev['label']}{when}  — {ev['corroboration']} independent account(s)")
        for c in ev["claims"]:
            conf = c.get("conflict") or {}
            flag = f"  ⚠ {conf.get('kind') or 'conflict'} {conf.get('id') or ''}".rstrip() if conf else ""
            out.append(f"  {c['slot_label']}: {c['label']} — {c['independent']} independent{flag}")
            for n, a in enumerate(c["accounts"], 1):
                for k, x in enumerate(a["evidence"][:max_evidence]):
                    chain = " → ".join(lk["name"] for lk in x["isnad"])
                    quote = " ".join((x.get("text") or "").split())
                    lead = f"    {n}. " if k == 0 else "       "
                    extra = f" [{x['translation']} translation]" if x.get("translation") else ""
                    out.append(f"{lead}{chain}{extra}: «{quote[:width]}{'…' if len(quote) > width else ''}»")
                if len(a["evidence"]) > max_evidence:
                    out.append(f"       (+{len(a['evidence']) - max_evidence} more in this account)")
    return out
