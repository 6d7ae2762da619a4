"""Inter-annotator agreement by annotator pair, with argument overlap and exact F1 per role.

    python benchmarks/events_corpus/agreement_roles.py [--yaml DIR] [--list FILE] [--json FILE]
    python benchmarks/events_corpus/agreement_roles.py --words      # triggers that resolve inside a longer word

Pairs the primary copy of a document (annotations.jsonl) with its second copy (agreement.jsonl), grouped
by annotator letters (B-D, E-G, ...). `--yaml DIR` adds annotation files that are not compiled here (a
batch on another branch, read-only): each of their documents is paired, as the first annotator, with this
branch's compiled copy. Same matching as agreement.py (eval_corpus.match; arguments on matched mentions;
source = innermost source overlaps, or both empty); "exact" = same offsets. `--list` writes every
disagreement, document by document, for reading: train pairs only, and only small samples (< 50 documents).
"""
import argparse, json, sys
from collections import Counter
from pathlib import Path
sys.path.insert(0, str(Path(__file__).resolve().parent))
import corpus, eval_corpus  # noqa: E402

ROLES = ["agent", "patient", "companion", "origin", "destination", "via", "place", "means", "time", "amount",
         "decider", "topic"]

def stats(pairs_ab, listing=None, name=("A", "B")):
    c = Counter(); rc = Counter()
    for a, b in pairs_ab:
        text = corpus.text(b["doc"])
        A, B = a["events"], b["events"]
        pairs = eval_corpus.match(A, B, text)
        c["docs"] += 1; c["a"] += len(A); c["b"] += len(B); c["m"] += len(pairs)
        mi = {i for i, _ in pairs}; mj = {j for _, j in pairs}
        if listing is not None:
            listing.append(f"\n=== {a['doc']}  {name[0]}={len(A)} {name[1]}={len(B)} matched={len(pairs)}")
            for i, x in enumerate(A):
                if i not in mi:
                    listing.append(f"  only {name[0]}: {x['trigger']['text']} [{x['type']}/{x['polarity']}] args="
                                   + ", ".join(f"{g['role']}={g['text']}" for g in x['args']))
            for j, y in enumerate(B):
                if j not in mj:
                    listing.append(f"  only {name[1]}: {y['trigger']['text']} [{y['type']}/{y['polarity']}] args="
                                   + ", ".join(f"{g['role']}={g['text']}" for g in y['args']))
        for i, j in pairs:
            x, y = A[i], B[j]
            c["cls"] += x["class"] == y["class"]; c["typ"] += x["type"] == y["type"]
            c["pol"] += x["polarity"] == y["polarity"]
            xs, ys = x.get("source") or [], y.get("source") or []
            src = (not xs and not ys) or bool(xs and ys and eval_corpus._ov(xs[-1], ys[-1]))
            c["src"] += src
            c["srcboth"] += bool(xs) == bool(ys)
            diffs = []
            for role in ROLES:
                ga = [g for g in x["args"] if g["role"] == role]
                gb = [g for g in y["args"] if g["role"] == role]
                rc[role, "a"] += len(ga); rc[role, "b"] += len(gb)
                used_o, used_e = set(), set()
                for g in ga:
                    h = next((k for k, t in enumerate(gb) if k not in used_o and eval_corpus._ov(g, t)), None)
                    if h is not None: used_o.add(h); rc[role, "ov"] += 1
                    h = next((k for k, t in enumerate(gb) if k not in used_e and (g["start"], g["end"]) == (t["start"], t["end"])), None)
                    if h is not None: used_e.add(h); rc[role, "ex"] += 1
                sa = "|".join(g["text"] for g in ga); sb = "|".join(g["text"] for g in gb)
                if sa != sb:
                    diffs.append(f"{role}: {sa or '-'} / {sb or '-'}")
            if listing is not None:
                head = f"  {x['trigger']['text']}"
                if y['trigger']['text'] != x['trigger']['text']: head += f"~{y['trigger']['text']}"
                flags = []
                if x["type"] != y["type"]: flags.append(f"TYPE {x['type']}/{y['type']}")
                if x["polarity"] != y["polarity"]: flags.append(f"POL {x['polarity']}/{y['polarity']}")
                if not src or bool(xs) != bool(ys) or [s['text'] for s in xs] != [s['text'] for s in ys]:
                    flags.append("SRC " + ",".join(s['text'] for s in xs) + " / " + ",".join(s['text'] for s in ys) + ("" if src else " (inner differs)"))
                if diffs or flags:
                    listing.append(head + f" [{x['type']}]: " + "; ".join(flags + diffs))
    m = c["m"] or 1
    f1 = lambda both, a, b: round(2 * both / (a + b), 3) if a + b else None
    out = {"docs": c["docs"], "mentions": [c["a"], c["b"]], "trigger_f1": f1(c["m"], c["a"], c["b"]),
           "class": round(c["cls"] / m, 3), "type": round(c["typ"] / m, 3),
           "polarity": round(c["pol"] / m, 3), "source": round(c["src"] / m, 3)}
    A_ = sum(rc[r, "a"] for r in ROLES); B_ = sum(rc[r, "b"] for r in ROLES)
    out["arg_overlap_f1"] = f1(sum(rc[r, "ov"] for r in ROLES), A_, B_)
    out["arg_exact_f1"] = f1(sum(rc[r, "ex"] for r in ROLES), A_, B_)
    out["args"] = [A_, B_]
    out["roles"] = {r: {"n": [rc[r, "a"], rc[r, "b"]], "overlap": f1(rc[r, "ov"], rc[r, "a"], rc[r, "b"]),
                        "exact": f1(rc[r, "ex"], rc[r, "a"], rc[r, "b"])} for r in ROLES if rc[r, "a"] + rc[r, "b"]}
    return out

def inside_words(paths) -> list[tuple]:
    """Triggers whose span starts or ends inside a word (a missing `nth`: `هجوم` found in الهجوم). Some are
    meant (a word glued to the next in the text); each is to be read, not fixed blindly."""
    known, out = corpus.types(), []
    for p in paths:
        for item in corpus.load_file(p):
            r = corpus.resolve_doc(item, known)
            t = corpus.text(r["doc"])
            for e in r["events"]:
                a, b = e["trigger"]["start"], e["trigger"]["end"]
                if (a > 0 and t[a - 1].isalpha()) or (b < len(t) and t[b].isalpha()):
                    out.append((p.name, r["doc"], e["trigger"]["text"], t[max(0, a - 8):b + 8].replace("\n", " ")))
    return out


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--yaml", type=Path)
    ap.add_argument("--list", type=Path)
    ap.add_argument("--json", type=Path)
    ap.add_argument("--words", action="store_true")
    a = ap.parse_args()
    if a.words:
        for row in inside_words(sorted(corpus.ANN_DIR.glob("*.yaml"))):
            print(*row, sep="\t")
        return 0
    jl = lambda p: [json.loads(l) for l in p.read_text("utf-8").splitlines()]  # noqa: E731
    prim = {r["doc"]: r for r in jl(corpus.OUT)}
    groups = {}
    for b in jl(corpus.DATA / "agreement.jsonl"):
        if b["doc"] in prim:
            groups.setdefault(f"{prim[b['doc']]['annotator']}-{b['annotator']}", []).append((prim[b["doc"]], b))
    if a.yaml:
        known = corpus.types()
        for p in sorted(a.yaml.glob("*.yaml")):
            for item in corpus.load_file(p):
                other = prim.get(item["doc"])
                if other and other["annotator"] != item.get("annotator"):
                    x = corpus.resolve_doc(item, known)
                    groups.setdefault(f"{x['annotator']}-{other['annotator']}", []).append((x, other))
    res, lst = {}, []
    for k in sorted(groups):
        train_only = all(corpus.split_of(x["doc"]) == "train" for x, _ in groups[k])   # never list dev/test
        res[k] = stats(groups[k], lst if train_only and len(groups[k]) < 50 else None, tuple(k.split("-")))
        v = res[k]
        print(k, {kk: vv for kk, vv in v.items() if kk != "roles"})
        print("   ", {r: (x["n"], x["overlap"], x["exact"]) for r, x in v["roles"].items()})
    if a.json:
        a.json.write_text(json.dumps(res, ensure_ascii=False, indent=1) + "\n", "utf-8")
    if a.list:
        a.list.write_text("\n".join(lst) + "\n", "utf-8")
    return 0


if __name__ == "__main__":
    sys.exit(main())
