"""Multi-outlet stories from SaudiNewsNet for the cross-document cluster corpus (issue #15).

    python benchmarks/clusters/select_stories.py candidates [N]   # print candidate story groups (read them)
    python benchmarks/clusters/select_stories.py write            # -> benchmarks/data/clusters/stories.jsonl

Candidates: articles of 300-3,000 characters; TF-IDF (words of title + lead) cosine >= SIM between
articles of *different outlets* whose extraction days are at most WINDOW days apart; groups are the
connected components of those pairs, cut to the MAX_DOCS most central articles, one per outlet.
Deterministic (no randomness, sorted ids). Articles of the events-corpus test split are excluded so that
split stays clean. Which groups became stories was decided by reading them: `CHOSEN` in
benchmarks/data/clusters/stories.yaml names each story by its seed article (the candidate's first id)
plus the articles dropped after reading; `write` rebuilds the same candidates and applies that file.

Split by story, from a hash of the story id (stories ranked by SHA-1, the first 40% dev, the rest test),
or `train` where stories.yaml says so (stories annotated later to fit models on, never scored as dev/test);
frozen when first written: the split is stored in stories.jsonl (and `write` keeps it for every story
already there) and in every annotation file; nobody changes it after tuning begins.
"""
from __future__ import annotations

import datetime as dt
import hashlib
import json
import re
import sys
from pathlib import Path

import yaml

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "benchmarks" / "events_corpus"))
import corpus as ev  # noqa: E402  (texts by doc id, shared with the events corpus)

DATA = ROOT / "benchmarks" / "data" / "clusters"
STORIES_YAML = DATA / "stories.yaml"
STORIES = DATA / "stories.jsonl"
SIM, WINDOW, MAX_DOCS = 0.45, 2, 8
_WORD = re.compile(r"[\u0621-\u064A]{3,}")
_NORM = str.maketrans({"أ": "ا", "إ": "ا", "آ": "ا", "ى": "ي", "ة": "ه"})


def splits(ids: list[str], frozen: dict[str, str]) -> dict[str, str]:
    """Stories ranked by the SHA-1 of their id: the first 40% dev, the rest test. A story already in
    stories.jsonl keeps its split (frozen); stories added later take dev only below a hash of 40/100."""
    fresh = [i for i in ids if i not in frozen]
    if frozen:
        return {**frozen, **{i: "dev" if int(hashlib.sha1(i.encode()).hexdigest(), 16) % 100 < 40 else "test"
                              for i in fresh}}
    ranked = sorted(ids, key=lambda i: hashlib.sha1(i.encode()).hexdigest())
    n_dev = round(0.4 * len(ranked))
    return {i: "dev" if k < n_dev else "test" for k, i in enumerate(ranked)}


def assign_splits(chosen: list[dict], frozen: dict[str, str]) -> dict[str, str]:
    """Every story of stories.yaml -> its split: frozen ones keep theirs; a story that names `split: train`
    (annotated to fit models on, never scored as dev/test) takes train; the others take dev/test by hash."""
    named = {st["id"]: st["split"] for st in chosen if st.get("split") and st["id"] not in frozen}
    for sid, sp in named.items():
        if sp != "train":
            raise SystemExit(f"{STORIES_YAML}: story {sid}: split {sp!r}: only train may be named")
    ranked = splits([st["id"] for st in chosen if st["id"] not in named], frozen)
    return {**ranked, **named}


def frozen_splits() -> dict[str, str]:
    if not STORIES.exists():
        return {}
    return {r["story"]: r["split"] for r in map(json.loads, STORIES.read_text(encoding="utf-8").splitlines())}


def _test_docs() -> set[str]:
    rows = (ev.DATA / "queue.jsonl").read_text(encoding="utf-8").splitlines()
    return {r["doc"] for r in map(json.loads, rows) if r.get("split") == "test"}


def _articles():
    banned = _test_docs()
    days = sorted(p.stem for p in (ev.SHARED / "saudinewsnet" / "dataset").glob("*.zip"))
    for day in days:
        for i, a in enumerate(ev._snn_day(day)):
            doc = f"snn/{day}/{i}"
            c = a.get("content") or ""
            if doc in banned or not (300 <= len(c) <= 3000):
                continue
            yield doc, dt.date.fromisoformat(day), a.get("source") or "?", (a.get("title") or "").strip(), c


def candidates() -> list[list[str]]:
    from sklearn.feature_extraction.text import TfidfVectorizer

    arts = list(_articles())
    docs = [(t + " " + t + " " + c[:400]).translate(_NORM) for _, _, _, t, c in arts]
    vec = TfidfVectorizer(token_pattern=_WORD.pattern, min_df=2, max_df=0.02, sublinear_tf=True)
    X = vec.fit_transform(docs)
    ordinal = [d.toordinal() for _, d, _, _, _ in arts]
    outlets = [o for _, _, o, _, _ in arts]
    parent = list(range(len(arts)))

    def find(i):
        while parent[i] != i:
            parent[i] = parent[parent[i]]
            i = parent[i]
        return i

    S = (X @ X.T).tocoo()
    strength = {}
    for i, j, v in zip(S.row, S.col, S.data):
        if i < j and v >= SIM and outlets[i] != outlets[j] and abs(ordinal[i] - ordinal[j]) <= WINDOW:
            parent[find(i)] = find(j)
            strength[i] = strength.get(i, 0) + v
            strength[j] = strength.get(j, 0) + v
    comps: dict[int, list[int]] = {}
    for i in strength:
        comps.setdefault(find(i), []).append(i)
    groups = []
    for members in comps.values():
        members.sort(key=lambda i: (-strength[i], arts[i][0]))
        keep, seen = [], set()
        for i in members:  # one article per outlet, most central first
            if outlets[i] not in seen:
                seen.add(outlets[i])
                keep.append(arts[i][0])
        if len(keep) >= 3:
            groups.append(sorted(keep[:MAX_DOCS], key=lambda d: (d.split("/")[1], int(d.split("/")[2]))))
    groups.sort(key=lambda g: (-len(g), g[0]))
    return groups


def show_candidates(n: int) -> None:
    for k, g in enumerate(candidates()[:n]):
        print(f"== {k} seed={g[0]} ({len(g)} outlets)")
        for d in g:
            m = ev.meta(d)
            print(f"   {d:24s} {m['outlet']:12s} {len(ev.text(d)):5d} {m['title'][:90]}")


def write() -> None:
    chosen = yaml.safe_load(STORIES_YAML.read_text(encoding="utf-8"))
    by_seed = {g[0]: g for g in candidates()}
    split = assign_splits(chosen, frozen_splits())
    rows = []
    for st in chosen:
        if st["seed"] not in by_seed:
            raise SystemExit(f"{STORIES_YAML}: story {st['id']}: seed {st['seed']} is no longer a candidate")
        docs = [d for d in by_seed[st["seed"]] if d not in set(st.get("drop") or [])] + list(st.get("add") or [])
        rows.append({"story": st["id"], "topic": st["topic"], "split": split[st["id"]], "docs": docs,
                     "outlets": [ev.meta(d)["outlet"] for d in docs], "title": st.get("title", "")})
    with STORIES.open("w", encoding="utf-8") as f:
        for r in rows:
            f.write(json.dumps(r, ensure_ascii=False) + "\n")
    for r in rows:
        print(f"{r['story']} {r['split']:4s} {r['topic']:10s} {len(r['docs'])} docs  {r['title']}")


if __name__ == "__main__":
    cmd = sys.argv[1] if len(sys.argv) > 1 else ""
    if cmd == "candidates":
        show_candidates(int(sys.argv[2]) if len(sys.argv) > 2 else 60)
    elif cmd == "write":
        write()
    else:
        print(__doc__)
        sys.exit(2)
