"""FollowTheMoney export: entities as JSON lines ({id, schema, properties: {prop: [values]}}).

Mapping (followthemoney 4.x schemata):
  person → Person (position = each role's title and organisation); organization → Organization;
  a person's role in an organisation → Membership (member, organization, role, dates); place →
  Address (latitude/longitude); vehicle → Airplane (aircraft) or Vehicle; movement events with
  both an origin and a destination place → Trip (startLocation/endLocation, involved, vehicle);
  other events, and movements missing either end → Event (involved, addressEntity); documents →
  Article (title, URL, publication date, ISO 639-3 languages); entity mentions → Documentation.
Names are kept in both scripts (name = English and Arabic, alias = every alias). Dates are
the event's local time (the tz is written in the description). The library is not needed to
write; tests validate the output with ``followthemoney.model``.
"""
from __future__ import annotations

import hashlib
import json
import re

from ._common import chain_str, doc_label, headline, index, items, name, participants, span_text

_AIR = re.compile(r"aircraft|airplane|plane|jet|yak|ilyushin|il-|tupolev|airbus|boeing|طائرة", re.I)
_PREC_LEN = {"year": 4, "month": 7, "day": 10, "part_of_day": 13, "hour": 13, "minute": 16}


def fid(*parts) -> str:
    raw = "-".join(str(p) for p in parts if p is not None)
    s = re.sub(r"[^A-Za-z0-9.-]+", "-", raw).strip("-")
    if not s or len(s) > 120 or s != raw:
        s = (s[:60] + "-" if s else "") + hashlib.sha1(raw.encode("utf-8")).hexdigest()[:16]
    return "riwaya-" + s


def _date(iso, precision) -> str | None:
    if not isinstance(iso, str) or len(iso) < 4:
        return None
    n = _PREC_LEN.get(precision or "day", 16)
    return iso[:n] if n <= 10 else iso[:n] + ("" if n == 16 else "")


def _clean_date(s: str | None) -> str | None:
    if not s:
        return None
    return s if len(s) != 13 else s  # YYYY-MM-DDTHH is a valid FtM date prefix


def _put(props: dict, key: str, *values) -> None:
    for v in values:
        if v is None or v == "" or v == []:
            continue
        lst = props.setdefault(key, [])
        v = str(v)
        if v not in lst:
            lst.append(v)


def _schema_for(e: dict) -> str | None:
    t = e.get("type")
    if t == "person":
        return "Person"
    if t == "organization":
        return "Organization"
    if t == "place":
        return "Address"
    if t == "vehicle":
        kind = " ".join(str(x) for x in (e.get("kind"), e.get("name_en"), e.get("name_ar")) if x)
        return "Airplane" if _AIR.search(kind) else "Vehicle"
    return None


def lang3(code) -> str | None:
    """ISO 639-3 (FtM's language type) for a language code riwaya stores (ISO 639-1: ar, en)."""
    if not isinstance(code, str) or not code.strip() or code == "und":
        return None
    try:
        import langcodes
        c = langcodes.Language.get(code.strip())
        return c.to_alpha3() if c.is_valid() and c.language else None
    except (ImportError, ValueError, LookupError):
        return code if len(code) == 3 else None


def _role_text(r: dict) -> str:
    org = r.get("org_name_en") or r.get("org_name_ar") or (r.get("org") if r.get("source") != "kb" else None)
    return " — ".join(str(x) for x in (r.get("title") or r.get("role"), org) if x)


def entities(export: dict):
    ents, docs = index(export, "entities"), index(export, "documents")
    eids = {}
    for d in items(export, "documents"):
        p: dict = {}
        _put(p, "title", d.get("title"))
        # a readable name: the headline, else who published it and when (never a file path)
        _put(p, "name", d.get("title") or " ".join(str(x) for x in (doc_label(d), d.get("published")) if x))
        _put(p, "bodyText", d.get("text"))
        _put(p, "publishedAt", _date(d.get("published"), "day") if d.get("published") else None)
        _put(p, "publisher", d.get("outlet"))
        _put(p, "sourceUrl", d.get("url"))
        if isinstance(d.get("path"), str):
            _put(p, "fileName", re.split(r"[\\/]", d["path"].rstrip("/\\"))[-1])
        _put(p, "language", *[lang3(x) for x in (d.get("languages") or [d.get("language")])])
        yield {"id": fid("doc", d.get("id")), "schema": "Article", "properties": p}
    orgs_out = set()
    for e in ents.values():
        if _schema_for(e) == "Organization":
            orgs_out.add(e["id"])
    for e in ents.values():
        schema = _schema_for(e)
        if not schema:
            continue
        eids[e["id"]] = fid(e["id"])
        p = {}
        _put(p, "name", e.get("name_en"), e.get("name_ar"))
        if "name" not in p:
            _put(p, "name", e.get("id"))
        _put(p, "alias", *[a for a in e.get("aliases") or [] if isinstance(a, str)])
        kb = e.get("kb_id")
        if isinstance(kb, str) and re.fullmatch(r"Q\d+", kb):
            _put(p, "wikidataId", kb)
        if schema == "Person":
            for r in e.get("roles") or []:
                if isinstance(r, dict):
                    _put(p, "position", _role_text(r))
        if schema == "Address":
            c = e.get("coordinates")
            if isinstance(c, list) and len(c) >= 2 and all(isinstance(x, (int, float)) for x in c[:2]):
                _put(p, "latitude", c[0])
                _put(p, "longitude", c[1])
            _put(p, "full", e.get("name_en") or e.get("name_ar"))
        if schema in ("Airplane", "Vehicle"):
            _put(p, "type", e.get("kind"))
        yield {"id": eids[e["id"]], "schema": schema, "properties": p}
        if schema == "Person":
            yield from _memberships(e, eids[e["id"]], ents, orgs_out)
        seen = set()
        for m in e.get("mentions") or []:
            if not isinstance(m, dict) or m.get("doc") not in docs or m.get("doc") in seen:
                continue
            seen.add(m["doc"])
            dp = {}
            _put(dp, "entity", eids[e["id"]])
            _put(dp, "document", fid("doc", m["doc"]))
            _put(dp, "role", "mentioned")
            _put(dp, "summary", span_text(docs, m))
            yield {"id": fid("mention", e["id"], m["doc"]), "schema": "Documentation", "properties": dp}
    for ev in items(export, "events"):
        t = ev.get("time") if isinstance(ev.get("time"), dict) else {}
        is_place = {k: (ents.get(ev.get(k)) or {}).get("type") == "place" and ev.get(k) in eids for k in ("origin", "destination")}
        # FtM's Trip requires both ends; a movement with one known end stays an Event
        trip = ev.get("class") == "movement" and is_place["origin"] and is_place["destination"]
        p = {}
        _put(p, "name", headline(ev, ents, docs) or str(ev.get("type") or ev.get("class") or "event"))
        _put(p, "involved", *[eids[x] for x in participants(ev)
                              if x in eids and (ents[x].get("type") in ("person", "organization"))])
        _put(p, "startDate", _clean_date(_date(t.get("earliest"), t.get("precision"))))
        _put(p, "endDate", _clean_date(_date(t.get("latest"), t.get("precision"))))
        desc = [f"time: {t.get('text') or ''} [{t.get('earliest')} .. {t.get('latest')}] tz {t.get('tz')}"] if t else []
        for sp in ev.get("evidence") or []:
            desc.append(f"«{span_text(docs, sp)}» — {chain_str((sp or {}).get('attribution'))}")
        _put(p, "description", "\n".join(desc))
        _put(p, "proof", *sorted({fid("doc", sp.get("doc")) for sp in ev.get("evidence") or [] if isinstance(sp, dict) and sp.get("doc") in docs}))
        _put(p, "summary", f"{ev.get('class')}/{ev.get('type')}")
        if trip:
            _put(p, "startLocation", eids.get(ev.get("origin")) if (ents.get(ev.get("origin")) or {}).get("type") == "place" else None)
            _put(p, "endLocation", eids.get(ev.get("destination")) if (ents.get(ev.get("destination")) or {}).get("type") == "place" else None)
            means = ev.get("means")
            if means in eids and (ents[means].get("type") == "vehicle"):
                _put(p, "vehicle", eids[means])
            for x in participants(ev):
                if x in eids and ents[x].get("type") == "vehicle":
                    _put(p, "vehicle", eids[x])
            _put(p, "location", *[name(ents.get(v)) for v in ev.get("via") or [] if v in ents])
            yield {"id": fid("event", ev.get("id")), "schema": "Trip", "properties": p}
        else:
            for k in ("place", "destination", "origin"):
                if (ents.get(ev.get(k)) or {}).get("type") == "place" and ev.get(k) in eids:
                    if "addressEntity" not in p:
                        _put(p, "addressEntity", eids[ev[k]])
                    _put(p, "location", name(ents.get(ev[k])))
            yield {"id": fid("event", ev.get("id")), "schema": "Event", "properties": p}


def _memberships(person: dict, pid: str, ents: dict, orgs_out: set):
    """A Membership per KB role in an organisation; an organisation the corpus never names is
    written from the role's names so that the link has both ends."""
    for r in person.get("roles") or []:
        if not isinstance(r, dict) or r.get("org_type") != "organization" or not r.get("org_entity"):
            continue
        oid = r["org_entity"]
        if oid not in orgs_out:
            op: dict = {}
            _put(op, "name", r.get("org_name_en"), r.get("org_name_ar"))
            if "name" not in op:
                continue
            orgs_out.add(oid)
            yield {"id": fid(oid), "schema": "Organization", "properties": op}
        mp: dict = {}
        _put(mp, "member", pid)
        _put(mp, "organization", fid(oid))
        _put(mp, "role", r.get("title") or r.get("role"))
        _put(mp, "startDate", _date(r.get("start"), "day"))
        _put(mp, "endDate", _date(r.get("end"), "day"))
        yield {"id": fid("membership", person.get("id"), oid, r.get("title") or r.get("role")), "schema": "Membership", "properties": mp}


def write(export: dict, out_path: str) -> list[str]:
    with open(out_path, "w", encoding="utf-8") as f:
        for e in entities(export):
            f.write(json.dumps(e, ensure_ascii=False, sort_keys=True) + "\n")
    return [out_path]
