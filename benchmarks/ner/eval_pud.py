"""Score riwaya's whole entity stage (knowledge base + tagger + rules, as `analyze` runs it) on the
hand-annotated UD Arabic PUD gold (benchmarks/data/ner_pud, see its GUIDELINE.md): P/R/F1 per type
(PER/LOC/ORG) and micro, exact (a leading proclitic of one or two letters allowed either way) and by
overlap; false gazetteer hits (a place the knowledge base found where no gold name is) per 1,000
words; news and Wikipedia sentences apart. Each sentence is its own document, as in PUD.
Usage: python benchmarks/ner/eval_pud.py [--split dev|test|dev2|test2] [--show N] [--json OUT]
The test and test2 splits are frozen: run them once at the end of a piece of work, never to tune. dev2 (the second
third, twenty-ninth session) is judged on aggregates only: never read its sentences one by one to write a rule.
"""
import argparse
import json
import sys
import time
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))
from riwaya.analyze import analyze  # noqa: E402
from riwaya.models import Document  # noqa: E402

DATA = Path(__file__).resolve().parents[1] / "data" / "ner_pud"
TYPES = {"person": "PER", "place": "LOC", "organization": "ORG"}
_CLITICS = set("وفبلك")


def same(text, a, b):
    """Exact match up to a leading proclitic: same type and end, starts apart by و ف ب ل ك (1-2 letters)."""
    if a[2] != b[2] or a[1] != b[1]:
        return False
    gap = text[min(a[0], b[0]):max(a[0], b[0])]
    return len(gap) <= 2 and set(gap) <= _CLITICS


def prf(tp_p, n_pred, tp_g, n_gold):
    p = tp_p / n_pred if n_pred else 0.0
    r = tp_g / n_gold if n_gold else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def score(rows, preds):
    """-> {'exact'|'overlap': {type|MICRO: (P, R, F1, n_gold, n_pred)}}"""
    out = {}
    for mode in ("exact", "overlap"):
        st = {}
        for r, pred in zip(rows, preds):
            gold = [(e["start"], e["end"], e["type"]) for e in r["entities"]]
            ok = (lambda a, b: same(r["text"], a, b)) if mode == "exact" else \
                (lambda a, b: a[2] == b[2] and a[0] < b[1] and b[0] < a[1])
            for t in ("PER", "LOC", "ORG"):
                g = [x for x in gold if x[2] == t]
                q = [x for x in pred if x[2] == t]
                s = st.setdefault(t, [0, 0, 0, 0])
                s[0] += sum(any(ok(x, y) for y in g) for x in q)
                s[1] += len(q)
                s[2] += sum(any(ok(y, x) for x in q) for y in g)
                s[3] += len(g)
        tot = [sum(v[i] for v in st.values()) for i in range(4)]
        out[mode] = {t: (*prf(*v), v[3], v[1]) for t, v in list(st.items()) + [("MICRO", tot)]}
    return out


def run(rows):
    preds, gaz, words, secs = [], 0, 0, 0.0
    for r in rows:
        t0 = time.perf_counter()
        an = analyze(Document(id=r["id"], text=r["text"], language="ar"))
        secs += time.perf_counter() - t0
        pred = [(m.start, m.end, TYPES[m.type], m.source, m.kb_id) for m in an.mentions
                if m.type in TYPES and not m.generic]
        gold = [(e["start"], e["end"]) for e in r["entities"]]
        gaz += sum(1 for s, e, t, src, _ in pred
                   if t == "LOC" and src == "kb" and not any(s < b and a < e for a, b in gold))
        words += len(r["text"].split())
        preds.append([p[:3] for p in pred])
    return preds, gaz, words, secs


def show_table(res):
    for mode, tab in res.items():
        print(f"  {mode:8s}" + "".join(f"  {t}: P {v[0]:.3f} R {v[1]:.3f} F1 {v[2]:.3f} ({v[3]})"
                                      for t, v in tab.items()))


def show_errors(rows, preds, limit: int, context: int | None = None) -> None:
    """Print the misses and extras of the first `limit` rows that have any: with the whole text, or
    with `context` characters either side of each name."""
    shown = 0
    for r, pred in zip(rows, preds):
        if shown >= limit:
            break
        text = r["text"]
        gold = [(e["start"], e["end"], e["type"]) for e in r["entities"]]
        miss = [g for g in gold if not any(same(text, g, p) for p in pred)]
        extra = [p for p in pred if not any(same(text, p, g) for g in gold)]
        if miss or extra:
            shown += 1
            print(f"\n{r['id']}" + ("" if context else f": {text}"))
            for kind, spans in (("miss ", miss), ("extra", extra)):
                for s, e, t in spans:
                    around = f"  | {text[max(0, s - context):e + context]!r}" if context else ""
                    print(f"  {kind} {t} {text[s:e]}{around}")


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--split", default="dev", choices=("dev", "test", "dev2", "test2"),
                    help="dev2/test2: the second third of PUD (pud_gold.py); test and test2 are frozen")
    ap.add_argument("--show", type=int, default=0, help="print N sentences with misses or extras")
    ap.add_argument("--json", help="write the figures to this file")
    ap.add_argument("--half", choices=("even", "odd"),
                    help="only the sentences whose id's number is even / odd (ent22: dev's even half is read, "
                         "the odd half judged)")
    a = ap.parse_args()
    path = DATA / f"{a.split}.jsonl"
    if not path.exists():
        sys.exit(f"{path}: not found (benchmarks/ner/pud_gold.py writes it)")
    rows = []
    for n, ln in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        try:
            rows.append(json.loads(ln))
        except json.JSONDecodeError as err:
            sys.exit(f"{path}:{n}: not JSON ({err})")
    if a.half:
        rows = [r for r in rows if int(r["id"][1:]) % 2 == (a.half == "odd")]
    analyze(Document(id="warm", text="قال محمد في دمشق.", language="ar"))   # load models outside the timing
    preds, gaz, words, secs = run(rows)
    figures = {"split": a.split + (f" ({a.half} half)" if a.half else ""), "sentences": len(rows), "words": words,
               "false_gazetteer_hits_per_1000_words": round(1000 * gaz / words, 2),
               "ms_per_sentence": round(1000 * secs / len(rows), 1)}
    print(f"{a.split}{' ' + a.half if a.half else ''}: {len(rows)} sentences, {words} words, {secs / len(rows) * 1000:.1f} ms/sentence")
    for part, keep in (("all", lambda r: True), ("news", lambda r: r["id"][0] == "n"),
                       ("wikipedia", lambda r: r["id"][0] == "w")):
        idx = [i for i, r in enumerate(rows) if keep(r)]
        res = score([rows[i] for i in idx], [preds[i] for i in idx])
        figures[part] = {m: {t: [round(x, 3) for x in v[:3]] for t, v in tab.items()} for m, tab in res.items()}
        print(f"{part} ({len(idx)} sentences)")
        show_table(res)
    print(f"false gazetteer hits: {gaz} ({figures['false_gazetteer_hits_per_1000_words']} per 1,000 words)")
    show_errors(rows, preds, a.show)
    if a.json:
        Path(a.json).write_text(json.dumps(figures, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
