"""Small defensive helpers shared by the view exports (any field may be missing)."""
from __future__ import annotations


def items(export: dict | None, key: str) -> list[dict]:
    v = (export or {}).get(key)
    return [x for x in v if isinstance(x, dict)] if isinstance(v, list) else []


def index(export: dict | None, key: str) -> dict:
    return {x.get("id"): x for x in items(export, key) if x.get("id") is not None}


def name(e: dict | None, prefer: str = "en") -> str:
    if not e:
        return ""
    order = ("name_en", "name_ar") if prefer == "en" else ("name_ar", "name_en")
    return e.get(order[0]) or e.get(order[1]) or str(e.get("id", ""))


def span_text(docs: dict, sp: dict | None) -> str:
    if not isinstance(sp, dict):
        return ""
    d = docs.get(sp.get("doc"))
    t = d.get("text") if d else None
    if not isinstance(t, str):
        return ""
    try:
        return t[max(0, int(sp.get("start") or 0)):max(0, int(sp.get("end") or 0))]
    except (TypeError, ValueError):
        return ""


def chain_str(att: dict | None) -> str:
    chain = (att or {}).get("chain") or []
    return " → ".join(str((lk or {}).get("name") or "?") for lk in chain if isinstance(lk, dict))


def participants(ev: dict) -> list[str]:
    return [p.get("entity") for p in ev.get("participants") or [] if isinstance(p, dict) and p.get("entity")]


def actor_graph(export: dict, detail: bool = False) -> tuple[dict, dict]:
    """Nodes {id: {label, label_ar, type}} and edges {(a, b, kind): weight}.

    kinds: ``with`` (took part in one event), ``reported`` (last link of an evidence's isnad
    about a participant), ``went_to`` (a person's movement destination). With ``detail``,
    place nodes carry ``lat``/``lon`` and each edge is a dict {weight, earliest, latest,
    events, evidence} (evidence: "document: «sentence»" for each span behind it)."""
    ents = index(export, "entities")
    docs = index(export, "documents")
    byname = {}
    for e in ents.values():
        for n in [e.get("name_ar"), e.get("name_en"), *(e.get("aliases") or [])]:
            if isinstance(n, str) and n:
                byname.setdefault(n, e.get("id"))
    nodes, edges = {}, {}

    def node(i, label=None, label_ar=None, type_="source"):
        if i not in nodes:
            e = ents.get(i)
            nodes[i] = {"label": name(e) if e else label, "label_ar": name(e, "ar") if e else (label_ar or label),
                        "type": e.get("type") if e else type_}
            if detail and coords(e):
                nodes[i]["lat"], nodes[i]["lon"] = coords(e)
        return i

    def edge(a, b, kind, ev, spans):
        if a == b:
            return
        if not detail:
            edges[(a, b, kind)] = edges.get((a, b, kind), 0) + 1
            return
        d = edges.setdefault((a, b, kind), {"weight": 0, "earliest": None, "latest": None, "events": [], "evidence": []})
        d["weight"] += 1
        t = ev.get("time") if isinstance(ev.get("time"), dict) else {}
        for k, pick in (("earliest", min), ("latest", max)):
            v = t.get(k)
            if isinstance(v, str):
                d[k] = v if d[k] is None else pick(d[k], v)
        if ev.get("id") and ev["id"] not in d["events"]:
            d["events"].append(str(ev["id"]))
        for sp in spans:
            q = f"{doc_label(docs.get(sp.get('doc')))}: «{span_text(docs, sp)}»"
            if q not in d["evidence"]:
                d["evidence"].append(q)

    for ev in items(export, "events"):
        spans = [sp for sp in ev.get("evidence") or [] if isinstance(sp, dict)]
        ps = [p for p in participants(ev) if (ents.get(p) or {}).get("type") in ("person", "organization")]
        for p in ps:
            node(p)
        for i in range(len(ps)):
            for j in range(i + 1, len(ps)):
                a, b = sorted((ps[i], ps[j]))
                edge(a, b, "with", ev, spans)
        for sp in spans:
            chain = [lk for lk in (sp.get("attribution") or {}).get("chain") or [] if isinstance(lk, dict) and lk.get("name")]
            if not chain:
                continue
            src = chain[-1]
            sid = byname.get(src["name"]) or "src:" + src["name"]
            node(sid, src["name"], src["name"], "source")
            for p in ps:
                if ents[p].get("type") == "person":
                    edge(sid, p, "reported", ev, [sp])
        dest = ev.get("destination")
        if ev.get("class") == "movement" and dest in ents:
            for p in ps:
                if ents[p].get("type") == "person":
                    node(dest)
                    edge(p, dest, "went_to", ev, spans)
    return nodes, edges


# ------------------------------------------------------------------ shared wording of the view exports

def doc_label(doc: dict | None, lang: str = "en") -> str:
    """A document as a reader names it: its outlet, else "document N" (never a file name or headline)."""
    from ..reconcile.conflicts import doc_label as label
    return label(doc if isinstance(doc, dict) else None, "", lang)


def type_label(ev: dict, lang: str = "en") -> str:
    try:
        from ..reconcile.conflicts import event_label
        return event_label(ev.get("type"), ev.get("class"))[lang]
    except (ImportError, KeyError, AttributeError, TypeError):
        return str(ev.get("type") or ev.get("class") or "event")


def coords(e: dict | None) -> tuple[float, float] | None:
    """(lat, lon) of an entity, if it has valid ones."""
    c = (e or {}).get("coordinates")
    if isinstance(c, list) and len(c) >= 2 and all(isinstance(x, (int, float)) and not isinstance(x, bool) for x in c[:2]):
        if -90 <= c[0] <= 90 and -180 <= c[1] <= 180:
            return float(c[0]), float(c[1])
    return None


def sources(ev: dict, docs: dict, lang: str = "en") -> list[str]:
    """Who tells an event: per evidence, the innermost named voice of its isnad and the
    document's outlet (or "document N"), each once, in order."""
    out = []
    for sp in ev.get("evidence") or []:
        if not isinstance(sp, dict):
            continue
        chain = [lk.get("name") for lk in ((sp.get("attribution") or {}).get("chain") or [])
                 if isinstance(lk, dict) and lk.get("name")]
        d = docs.get(sp.get("doc"))
        for n in ([chain[-1]] if chain else []) + [doc_label(d, lang) if d else None]:
            if n and n not in out:
                out.append(n)
    return out


def headline(ev: dict, ents: dict, docs: dict, lang: str = "en") -> str:
    """Who did what where, in one line: "Bashar al-Assad — flight — Damascus → Moscow".
    Without a known participant the evidence's trigger word stands for the subject."""
    def nm(x):
        if x in ents:
            return name(ents[x], lang)
        return x[4:] if isinstance(x, str) and x.startswith("raw:") else x

    known = [p for p in participants(ev) if p in ents] or [p for p in participants(ev) if isinstance(p, str) and not p.startswith("e:")]
    who = ", ".join(dict.fromkeys(str(nm(p)) for p in known))

    where = ""
    if ev.get("origin") or ev.get("destination"):
        where = f"{nm(ev.get('origin')) or '?'} → {nm(ev.get('destination')) or '?'}"
    elif ev.get("place"):
        where = str(nm(ev["place"]))
    what = type_label(ev, lang)
    if not who:
        trig = next((sp.get("trigger") for sp in ev.get("evidence") or [] if isinstance(sp, dict) and sp.get("trigger")), None)
        what = f"{what} («{trig}»)" if trig and trig.casefold() != what.casefold() else what
    return " — ".join(x for x in (who, what, where) if x)
