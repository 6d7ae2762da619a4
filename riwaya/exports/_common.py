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


def actor_graph(export: dict) -> tuple[dict, dict]:
    """Nodes {id: {label, label_ar, type}} and edges {(a, b, kind): weight}.

    kinds: ``with`` (took part in one event), ``reported`` (last link of an evidence's isnad
    about a participant), ``went_to`` (a person's movement destination)."""
    ents = index(export, "entities")
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
        return i

    def edge(a, b, kind):
        if a != b:
            edges[(a, b, kind)] = edges.get((a, b, kind), 0) + 1

    for ev in items(export, "events"):
        ps = [p for p in participants(ev) if (ents.get(p) or {}).get("type") in ("person", "organization")]
        for p in ps:
            node(p)
        for i in range(len(ps)):
            for j in range(i + 1, len(ps)):
                a, b = sorted((ps[i], ps[j]))
                edge(a, b, "with")
        for sp in ev.get("evidence") or []:
            chain = [lk for lk in ((sp or {}).get("attribution") or {}).get("chain") or [] if isinstance(lk, dict) and lk.get("name")]
            if not chain:
                continue
            src = chain[-1]
            sid = byname.get(src["name"]) or "src:" + src["name"]
            node(sid, src["name"], src["name"], "source")
            for p in ps:
                if ents[p].get("type") == "person":
                    edge(sid, p, "reported")
        dest = ev.get("destination")
        if ev.get("class") == "movement" and dest in ents:
            for p in ps:
                if ents[p].get("type") == "person":
                    node(dest)
                    edge(p, dest, "went_to")
    return nodes, edges
