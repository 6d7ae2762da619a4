"""Score riwaya's role-noun coreference (riwaya.ner.coref) on GUM's Wikinews articles and interviews.

    python benchmarks/coref/eval_gum.py [-v] [--json OUT]

GUM (../shared/data/gum_wikinews, CoNLL-U with Entity= brackets) marks every mention and its coreference
chain. riwaya reads each document's text (tokens joined as written), finds names (riwaya.ner) and links its
role phrases ("the president", "the ousted leader") to a person before them. A link is right when GUM puts
the phrase and the linked name in one chain (the phrase matched to the GUM mention that ends where it
ends; the name to the GUM mention that covers it most tightly).
- precision: right links / links;
- recall: right links / the phrases riwaya's detector finds that GUM puts in a person chain with an
  earlier name (a capitalised mention), i.e. the recall of the linking step, not of the detector.
"""
from __future__ import annotations

import argparse
import json
import re
import sys
from pathlib import Path

DATA = Path(__file__).resolve().parents[2] / ".." / "shared" / "data" / "gum_wikinews"
_ENT = re.compile(r"\((\d+)-([^()|]*)(\))?|(\d+)\)")


def read(path: Path) -> tuple[str, list[tuple[int, int, str, str]]]:
    """(text, [(start, end, chain id, entity type)]) of one GUM document."""
    parts, pos, gold, open_ = [], 0, [], {}
    space = ""
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.startswith("# newpar") and parts:
            space = "\n"
        if not line or line.startswith("#"):
            continue
        cols = line.split("\t")
        if len(cols) < 10:
            raise ValueError(f"{path}: not a CoNLL-U token line: {line[:60]!r}")
        if not cols[0].isdigit():
            continue                      # multi-word ranges and empty nodes
        if parts and space == "" and not parts[-1].endswith(("\n", " ")):
            space = " "
        parts.append(space)
        pos += len(space)
        start, end = pos, pos + len(cols[1])
        parts.append(cols[1])
        pos = end
        misc = dict(kv.split("=", 1) for kv in cols[9].split("|") if "=" in kv)
        space = "" if misc.get("SpaceAfter") == "No" else " "
        for m in _ENT.finditer(misc.get("Entity", "")):
            if m.group(1):
                typ = m.group(2).split("-")[0]
                if m.group(3):
                    gold.append((start, end, m.group(1), typ))
                else:
                    open_.setdefault(m.group(1), []).append((start, typ))
            else:
                s, typ = open_[m.group(4)].pop()
                gold.append((s, end, m.group(4), typ))
    return "".join(parts), gold


def _gold_at(gold, s, e, by_end=False):
    if by_end:
        c = [g for g in gold if g[1] == e and g[0] <= s + 4 and s - 4 <= g[0]]
        if c:
            return c[0]
    cover = [g for g in gold if g[0] <= s and e <= g[1]]
    return min(cover, key=lambda g: g[1] - g[0]) if cover else None


def score(verbose: bool = False) -> dict:
    from riwaya.kb import load_kb
    from riwaya.ner import recognize
    from riwaya.ner.coref import anaphors, links
    kb = load_kb()
    right = wrong = opportunities = 0
    rows = []
    files = sorted(DATA.glob("*.conllu"))
    if not files:
        raise SystemExit(f"no GUM files under {DATA}")
    for f in files:
        text, gold = read(f)
        mentions = recognize(text, "en", kb.match(text, "en"))
        for a in anaphors(text, "en"):
            g = _gold_at(gold, a.start, a.end, by_end=True)
            if g and g[3] == "person" and any(o[2] == g[2] and o[1] <= a.start and text[o[0]:o[0] + 1].isupper()
                                             and not text[o[0]:o[1]].lower().startswith("the ") for o in gold):
                opportunities += 1
        for a, ante in links(text, mentions, "en", kb):
            ga = _gold_at(gold, a.start, a.end, by_end=True)
            gn = _gold_at(gold, ante.start, ante.end)
            ok = bool(ga and gn and ga[2] == gn[2])
            right += ok
            wrong += not ok
            rows.append({"doc": f.stem, "phrase": text[a.start:a.end], "start": a.start, "antecedent": ante.text,
                         "right": ok})
            if verbose:
                print(("OK " if ok else "XX ") + f"{f.stem}: {text[a.start:a.end]!r} -> {ante.text!r} "
                      f"| {text[max(0, a.start - 60):a.end + 30]!r}")
    n = right + wrong
    return {"documents": len(files), "links": n, "right": right,
            "precision": round(right / n, 3) if n else None, "linkable": opportunities,
            "recall": round(right / opportunities, 3) if opportunities else None, "rows": rows}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("-v", action="store_true")
    ap.add_argument("--json")
    args = ap.parse_args()
    res = score(args.v)
    print(json.dumps({k: v for k, v in res.items() if k != "rows"}, indent=1))
    if args.json:
        Path(args.json).write_text(json.dumps(res, ensure_ascii=False, indent=1), encoding="utf-8")


if __name__ == "__main__":
    sys.exit(main())
