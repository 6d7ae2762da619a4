"""Score riwaya's whole entity stage (as `analyze` runs it) on the hand-annotated SaudiNewsNet gold
(benchmarks/data/ner_snn, see its GUIDELINE.md): P/R/F1 per type (PER/LOC/ORG) and micro, exact (a leading
proclitic of one or two letters allowed either way) and by overlap; false gazetteer hits (a place the
knowledge base found where no gold name is) per 1,000 words; people merged (two gold persons of an article,
by their keys, whose mentions per-document resolution gives one entity). Each article goes in as the corpus build and the CLI take it: its dateline
and page foot (tag list, link back) read by riwaya.ingest.metadata.with_metadata, then analyze.
Usage: python benchmarks/ner/eval_snn.py [--split dev|train|test] [--show N] [--json OUT]
The test split is frozen: run it once at the end of a piece of work, never to tune. The texts are read
from ../shared/data/saudinewsnet (research-only; the gold holds offsets only).
"""
import argparse
import json
import sys
import time
from itertools import combinations
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parents[1]))
sys.path.insert(0, str(HERE))
from eval_pud import TYPES, score, show_errors, show_table  # noqa: E402
from snn_gold import HERE as DATA, SNN, text_of  # noqa: E402
from riwaya.analyze import analyze  # noqa: E402
from riwaya.ingest.metadata import with_metadata  # noqa: E402
from riwaya.kb import load_kb  # noqa: E402
from riwaya.models import Document  # noqa: E402
from riwaya.resolve import _in_doc, _NameParts  # noqa: E402


def merged(row, nodes):
    """Pairs of gold person keys whose overlapping person mentions share an entity node."""
    by_key = {}
    for e in row["entities"]:
        if e["type"] == "PER":
            by_key.setdefault(e["key"], set()).update(
                n for s, t, n in nodes if s < e["end"] and e["start"] < t)
    return [(a, b) for a, b in combinations(sorted(by_key), 2) if by_key[a] & by_key[b]]


def _snn_doc(r):
    return with_metadata(Document(id=r["id"], text=r["text"], language="ar"))


def run(rows, kb, doc_of=_snn_doc):
    """-> (predictions [(start, end, TYPE)] per row, false gazetteer hits, words, seconds, merged pairs); each row
    goes in as ``doc_of(row)`` makes it (eval_seeds.py: as the corpus build reads a seed)."""
    preds, gaz, words, secs, merges = [], 0, 0, 0.0, []
    parts = _NameParts(kb)
    for r in rows:
        doc = doc_of(r)
        t0 = time.perf_counter()
        an = analyze(doc)
        secs += time.perf_counter() - t0
        pred = [(m.start, m.end, TYPES[m.type], m.source) for m in an.mentions if m.type in TYPES and not m.generic]
        gold = [(e["start"], e["end"]) for e in r["entities"]]
        gaz += sum(1 for s, e, t, src in pred
                   if t == "LOC" and src == "kb" and not any(s < b and a < e for a, b in gold))
        words += len(r["text"].split())
        preds.append([p[:3] for p in pred])
        nodes = [(m.start, m.end, node) for m, node, _k, _a in _in_doc(doc.id, an.mentions, kb, parts)
                 if m.type == "person"]
        merges += [(r["id"], a, b) for a, b in merged(r, nodes)]
    return preds, gaz, words, secs, merges


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--split", default="dev", choices=("dev", "train", "test"))
    ap.add_argument("--show", type=int, default=0, help="print N articles' misses and extras")
    ap.add_argument("--json", help="write the figures to this file")
    a = ap.parse_args()
    path = DATA / f"{a.split}.jsonl"
    if not path.exists():
        sys.exit(f"{path}: not found (benchmarks/ner/snn_gold.py build writes it)")
    if not SNN.exists():
        sys.exit(f"{SNN}: SaudiNewsNet not found (the texts are read from ../shared)")
    rows = []
    for n, ln in enumerate(path.read_text(encoding="utf-8").splitlines(), 1):
        try:
            r = json.loads(ln)
        except json.JSONDecodeError as err:
            sys.exit(f"{path}:{n}: not JSON ({err})")
        r["text"] = text_of(r["id"])
        if len(r["text"]) != r.get("chars"):
            sys.exit(f"{path}:{n}: {r['id']} has {len(r['text'])} characters, the gold was built on {r.get('chars')}")
        rows.append(r)
    kb = load_kb()
    analyze(Document(id="warm", text="قال محمد في دمشق.", language="ar"))   # load models outside the timing
    preds, gaz, words, secs, merges = run(rows, kb)
    res = score(rows, preds)
    n_people = sum(len({e["key"] for e in r["entities"] if e["type"] == "PER"}) for r in rows)
    figures = {"split": a.split, "articles": len(rows), "words": words,
               "false_gazetteer_hits_per_1000_words": round(1000 * gaz / words, 2),
               "people": n_people, "people_merged_pairs": len(merges),
               "ms_per_article": round(1000 * secs / len(rows), 1),
               "scores": {m: {t: [round(x, 3) for x in v[:3]] + [v[3], v[4]] for t, v in tab.items()}
                          for m, tab in res.items()}}
    print(f"{a.split}: {len(rows)} articles, {words} words, {secs / len(rows) * 1000:.1f} ms/article")
    show_table(res)
    print(f"false gazetteer hits: {gaz} ({figures['false_gazetteer_hits_per_1000_words']} per 1,000 words)")
    print(f"people merged: {len(merges)} pairs of {n_people} gold people"
          + "".join(f"\n  {d}: {x} + {y}" for d, x, y in merges))
    show_errors(rows, preds, a.show, context=25)
    if a.json:
        Path(a.json).write_text(json.dumps(figures, ensure_ascii=False, indent=1) + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
