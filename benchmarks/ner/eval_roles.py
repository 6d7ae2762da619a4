"""Score the roles riwaya attaches to people (EntityMention.role_span) against Wojood's OCC spans.

    python benchmarks/ner/eval_roles.py [--wojood FILE] [--doc 15] [--show]

Wojood tags occupations whether or not a person is named beside them ("رئيس بلدية نابلس" alone is OCC);
riwaya gives a role only to a person it finds. So recall is given twice: over every OCC span, and over the OCC
spans with a gold person within three tokens before or after (the ones a role can be attached from).
A role counts exactly when its characters are the OCC span's (less a leading proclitic), and loosely when they
overlap it. Pseudo-documents of --doc sentences, as in eval_pipeline.py.
"""
import argparse
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))
from eval_pipeline import join  # noqa: E402
from riwaya.kb import load_kb  # noqa: E402
from riwaya.ner import recognize  # noqa: E402


def read(path):
    """-> sentences of (word, [tags outer first]), `$#$` segment marks dropped."""
    sents, cur = [], []
    for ln in list(Path(path).read_text(encoding="utf-8").splitlines()) + [""]:
        p = ln.split()
        if not p:
            if cur:
                sents.append(cur)
                cur = []
        elif p[0] != "$#$":
            cur.append((p[0], p[1:]))
    return sents


def runs(sent, typ):
    """Outermost spans of one type: [(first, last)] token indices."""
    out, i = [], 0
    while i < len(sent):
        if "B-" + typ in sent[i][1]:
            j = i + 1
            while j < len(sent) and "I-" + typ in sent[j][1]:
                j += 1
            out.append((i, j - 1))
            i = j
        else:
            i += 1
    return out


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--wojood", default=str(ROOT.parent / "shared" / "data" / "wojood_sample" / "val.txt"))
    ap.add_argument("--doc", type=int, default=15)
    ap.add_argument("--show", action="store_true", help="print every role and every missed OCC span")
    a = ap.parse_args()
    kb = load_kb()
    sents = read(a.wojood)
    n_pred = ok = loose = n_gold = n_near = ok_near = 0
    for k in range(0, len(sents), a.doc):
        chunk = sents[k:k + a.doc]
        text, starts, ends = join(chunk)
        gold = []
        for s, st, en in zip(chunk, starts, ends):
            pers = runs(s, "PERS")
            for i, j in runs(s, "OCC"):
                near = any(pj >= i - 3 and pi <= j + 3 and not (i <= pi and pj <= j) for pi, pj in pers)
                gold.append((st[i], en[j], near))
        roles = {m.role_span: m.text for m in recognize(text, "ar", kb.match(text)) if m.role_span}
        n_gold += len(gold)
        n_near += sum(1 for g in gold if g[2])
        found = set()
        for (rs, re_), who in sorted(roles.items()):
            n_pred += 1
            ex = next((g for g in gold if g[1] == re_ and g[0] <= rs <= g[0] + 1), None)
            ov = next((g for g in gold if g[0] < re_ and rs < g[1]), None)
            ok += bool(ex)
            loose += bool(ov)
            if ex:
                found.add(ex)
            if a.show:
                print(("OK " if ex else "~  " if ov else "X  ") + f"{text[rs:re_]}  <-  {who}")
        ok_near += sum(1 for g in found if g[2])
        if a.show:
            for g in gold:
                if g not in found:
                    print(("MISS near  " if g[2] else "MISS alone ") + text[g[0]:g[1]])
    p = ok / max(n_pred, 1)
    print(f"roles given {n_pred}: exact {ok} (P={p:.3f}), overlapping an OCC span {loose} "
          f"(P={loose / max(n_pred, 1):.3f})")
    print(f"OCC spans {n_gold}: recall {ok / max(n_gold, 1):.3f}; beside a person {n_near}: "
          f"recall {ok_near / max(n_near, 1):.3f}")


if __name__ == "__main__":
    main()
