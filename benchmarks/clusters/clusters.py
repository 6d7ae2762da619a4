"""The cross-document cluster corpus: display, checker and compiler (issue #15).

    python benchmarks/clusters/clusters.py show STORY          # the story's articles, numbered sentences
    python benchmarks/clusters/clusters.py check [FILE|DIR]    # resolve annotation files, report every error
    python benchmarks/clusters/clusters.py compile             # -> clusters.jsonl + conflicts.jsonl

Annotations (benchmarks/data/clusters/annotations/<story>.yaml, format in GUIDELINE.md) point into the
SaudiNewsNet texts by doc id, sentence number and exact text, like the events corpus; the compiler turns
them into character offsets checked against ../shared/data (the texts never enter the repo).
"""
from __future__ import annotations

import json
import sys
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "benchmarks" / "events_corpus"))
import corpus as ev  # noqa: E402  (texts by doc id, sentences, span lookup, the type table)

DATA = ROOT / "benchmarks" / "data" / "clusters"
ANN_DIR = DATA / "annotations"
STORIES = DATA / "stories.jsonl"
OUT_MENTIONS = DATA / "clusters.jsonl"
OUT_CONFLICTS = DATA / "conflicts.jsonl"
SLOTS = {"time", "origin", "route", "destination", "place", "means", "companions", "decider", "agent",
         "patient", "amount", "happened"}
KINDS = {"conflicts": "conflict", "refinements": "refinement"}
MENTION_KEYS = {"d", "s", "t", "nth", "type", "c", "actor", "pol", "note"}
SIDE_KEYS = {"d", "s", "t", "nth", "value", "source"}
AnnError = ev.AnnError


def stories() -> dict[str, dict]:
    return {r["story"]: r for r in map(json.loads, STORIES.read_text(encoding="utf-8").splitlines())}


def show(story: str) -> None:
    st = stories()[story]
    print(f"### {story} ({st['split']}): {st['title']}")
    for doc in st["docs"]:
        print()
        ev.show(doc)


def _span(docs: dict, spec: dict, what: str, field: str, required: bool = True):
    """{d, s, <field>, nth} -> {doc, start, end, text}; the text may also be {text, s, nth} for another sentence."""
    alias = spec.get("d")
    if alias not in docs:
        raise AnnError(f"{what}: doc alias {alias!r} not in docs {sorted(docs)}")
    doc = docs[alias]
    val = spec.get(field)
    if val is None:
        if required:
            raise AnnError(f"{what}: needs {field}")
        return None
    if "s" not in spec:
        raise AnnError(f"{what}: needs s (the sentence number from `show`)")
    t = ev.text(doc)
    if isinstance(val, str) and field == "t":
        val = {"text": val, "nth": spec.get("nth", 1)}
    loc = ev._locate(t, ev.sentences(t), val, spec["s"], f"{what} {field}")
    return {"doc": doc, **loc}


def _happenings(name: str, clusters: dict, links: dict) -> dict[str, str]:
    """cluster -> the cluster of the happening it belongs to (`links: {dead: strike}`: the deaths and the
    wounded of a strike, its damage, belong to the strike's happening), followed to the root."""
    if not isinstance(links, dict):
        raise AnnError(f"{name}: links must be a mapping child: parent")
    links = {str(k): str(v) for k, v in links.items()}
    for child, parent in links.items():
        if child not in clusters or parent not in clusters:
            raise AnnError(f"{name}: link {child} -> {parent}: both must be declared clusters")
    out = {}
    for c in clusters:
        seen, r = {c}, c
        while r in links:
            r = links[r]
            if r in seen:
                raise AnnError(f"{name}: links form a cycle through {c!r}")
            seen.add(r)
        out[c] = r
    return out


def resolve_story(path: Path) -> dict:
    """One annotation file -> {story, split, mentions[], conflicts[]}, every span checked."""
    try:
        ann = yaml.safe_load(path.read_text(encoding="utf-8"))
    except yaml.YAMLError as e:
        raise AnnError(f"{path.name}: not valid YAML: {e}") from None
    if not isinstance(ann, dict) or not isinstance(ann.get("docs"), dict):
        raise AnnError(f"{path.name}: expected a mapping with story, split, docs, clusters, mentions")
    story = ann.get("story")
    meta = stories().get(story)
    if meta is None:
        raise AnnError(f"{path.name}: story {story!r} is not in stories.jsonl")
    if ann.get("split") != meta["split"]:
        raise AnnError(f"{path.name}: split {ann.get('split')!r} differs from the frozen {meta['split']!r}")
    docs = {str(k): v for k, v in ann["docs"].items()}
    for alias, doc in docs.items():
        if doc not in meta["docs"]:
            raise AnnError(f"{path.name}: doc {alias}={doc} is not one of the story's articles")
    clusters = {str(k): v for k, v in (ann.get("clusters") or {}).items()}
    root = _happenings(path.name, clusters, ann.get("links") or {})
    known = ev.types()
    mentions, counter, seen = [], {}, set()
    for j, m in enumerate(ann.get("mentions") or [], 1):
        where = f"{path.name} mention {j}"
        if not isinstance(m, dict):
            raise AnnError(f"{where}: expected a mapping, got {m!r}")
        if set(m) - MENTION_KEYS:  # a comma inside an unquoted flow value splits it into stray keys
            stray = sorted(map(str, set(m) - MENTION_KEYS))
            raise AnnError(f"{where}: unknown keys {stray} (quote values with commas)")
        if m.get("type") not in known:
            raise AnnError(f"{where}: unknown type {m.get('type')!r} (see the events GUIDELINE.md table)")
        if str(m.get("c")) not in clusters:
            raise AnnError(f"{where}: cluster {m.get('c')!r} is not declared under clusters")
        pol = m.get("pol", "asserted")
        if pol not in ev.POLARITIES:
            raise AnnError(f"{where}: polarity {pol!r} not in {sorted(ev.POLARITIES)}")
        trig = _span(docs, m, where, "t")
        if (trig["doc"], trig["start"]) in seen:
            raise AnnError(f"{where}: a second mention on the same trigger {trig['text']!r}")
        seen.add((trig["doc"], trig["start"]))
        actor = _span(docs, m, where, "actor", required=False)
        n = counter[m["d"]] = counter.get(m["d"], 0) + 1
        mentions.append({"story": story, "split": meta["split"], "id": f"{story}/{m['d']}{n}",
                         "doc": trig["doc"], "trigger": {k: trig[k] for k in ("start", "end", "text")},
                         "type": m["type"], "class": known[m["type"]], "polarity": pol,
                         "actor": {k: actor[k] for k in ("start", "end", "text")} if actor else None,
                         "cluster": f"{story}/{m['c']}", "happening": f"{story}/{root[str(m['c'])]}",
                         "note": m.get("note")})
    used = {m["cluster"] for m in mentions}
    for cid in clusters:
        if f"{story}/{cid}" not in used:
            raise AnnError(f"{path.name}: cluster {cid!r} has no mention")
    conflicts = []
    for key, kind in KINDS.items():
        for j, c in enumerate(ann.get(key) or [], 1):
            where = f"{path.name} {key[:-1]} {j}"
            if not isinstance(c, dict) or str(c.get("c")) not in clusters:
                raise AnnError(f"{where}: needs c, a declared cluster")
            if c.get("slot") not in SLOTS:
                raise AnnError(f"{where}: slot {c.get('slot')!r} not in {sorted(SLOTS)}")
            sides = c.get("sides") or []
            if len(sides) < 2:
                raise AnnError(f"{where}: needs at least two sides")
            out = []
            for k, sd in enumerate(sides, 1):
                if not isinstance(sd, dict) or set(sd) - SIDE_KEYS:
                    raise AnnError(f"{where} side {k}: expected a mapping with keys {sorted(SIDE_KEYS)}, got {sd!r}"
                                   " (quote values with commas)")
                sp = _span(docs, sd, f"{where} side {k}", "t")
                if "value" not in sd:
                    raise AnnError(f"{where} side {k}: needs value")
                out.append({"doc": sp["doc"], "start": sp["start"], "end": sp["end"], "text": sp["text"],
                            "value": sd["value"] if isinstance(sd["value"], (int, float, str)) else str(sd["value"]),
                            "source": sd.get("source")})
            if kind == "conflict" and len({s["doc"] for s in out}) < 2 and not all(s.get("source") for s in out):
                raise AnnError(f"{where}: a conflict within one document needs a different source on each side")
            conflicts.append({"story": story, "split": meta["split"], "cluster": f"{story}/{c['c']}",
                              "slot": c["slot"], "kind": kind, "sides": out, "note": c.get("note")})
    return {"story": story, "split": meta["split"], "docs": list(docs.values()),
            "clusters": {f"{story}/{k}": v for k, v in clusters.items()},
            "mentions": mentions, "conflicts": conflicts}


def _files(arg: str | None) -> list[Path]:
    """One file, every file of a folder (e.g. annotations_b/, the second annotator's), or annotations/."""
    if arg and Path(arg).is_dir():
        return sorted(Path(arg).glob("*.yaml"))
    return [Path(arg)] if arg else sorted(ANN_DIR.glob("*.yaml"))


def check(arg: str | None = None) -> int:
    errors = 0
    for path in _files(arg):
        try:
            r = resolve_story(path)
            n_conf = sum(c["kind"] == "conflict" for c in r["conflicts"])
            print(f"{path.name}: {len(r['mentions'])} mentions, {len(r['clusters'])} clusters, "
                  f"{n_conf} conflicts, {len(r['conflicts']) - n_conf} refinements")
        except (AnnError, KeyError, ValueError, TypeError) as e:
            errors += 1
            print(f"ERROR {e}")
    return 1 if errors else 0


def load() -> list[dict]:
    """Every annotated story, resolved (what the evaluation reads when clusters.jsonl is stale)."""
    return [resolve_story(p) for p in _files(None)]


def compile_all() -> None:
    rows = load()
    with OUT_MENTIONS.open("w", encoding="utf-8") as f:
        for r in rows:
            for m in r["mentions"]:
                f.write(json.dumps(m, ensure_ascii=False) + "\n")
    with OUT_CONFLICTS.open("w", encoding="utf-8") as f:
        for r in rows:
            for c in r["conflicts"]:
                f.write(json.dumps(c, ensure_ascii=False) + "\n")
    for split in ("dev", "test", "train"):
        rs = [r for r in rows if r["split"] == split]
        print(f"{split}: {len(rs)} stories, {len({m['doc'] for r in rs for m in r['mentions']})} articles, "
              f"{sum(len(r['mentions']) for r in rs)} mentions, {sum(len(r['clusters']) for r in rs)} clusters, "
              f"{sum(c['kind'] == 'conflict' for r in rs for c in r['conflicts'])} conflicts, "
              f"{sum(c['kind'] == 'refinement' for r in rs for c in r['conflicts'])} refinements")


if __name__ == "__main__":
    cmd = sys.argv[1] if len(sys.argv) > 1 else ""
    try:
        if cmd == "show":
            show(sys.argv[2])
        elif cmd == "check":
            sys.exit(check(sys.argv[2] if len(sys.argv) > 2 else None))
        elif cmd == "compile":
            compile_all()
        else:
            print(__doc__)
            sys.exit(2)
    except AnnError as e:
        sys.exit(f"ERROR {e}")
