"""A proxy check of name recognition on Arabic that riwaya never trained or tuned on: UD Arabic PUD
(1,000 sentences of news and Wikipedia translated into Arabic, /work/shared/data/ud_arabic_pud).

PUD has no entity labels, but it marks proper nouns (UPOS PROPN). The script runs the whole
per-document stage (knowledge base + tagger) on each PUD document and reports, per syntactic word:
- recall: PROPN words inside a person/place/organisation mention (PROPN words inside a time
  expression, i.e. month and weekday names, are left out: they are times, not names);
- precision: words inside a mention that are PROPN. Nationality and other adjectives inside a
  name (الأمم المتحدة) and clitics count against it, so this is a lower bound.
- per type (PUD has no entity types, so no recall per type): mentions found, and the share of their
  words that are PROPN.
Usage: python benchmarks/ner/pud_propn.py [--conllu FILE] [--show 30]
"""
import argparse
import re
import sys
from collections import Counter
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[2]))
from riwaya.analyze import analyze  # noqa: E402
from riwaya.models import Document  # noqa: E402


def read_pud(path):
    docs, cur, sent = [], None, None
    for ln in Path(path).read_text(encoding="utf-8").splitlines():
        if ln.startswith("# newdoc"):
            cur = []
            docs.append(cur)
        elif ln.startswith("# text = "):
            sent = {"text": ln[9:], "words": []}
            cur.append(sent)
        elif ln and not ln.startswith("#"):
            c = ln.split("\t")
            if "-" not in c[0] and "." not in c[0]:
                sent["words"].append((c[1], c[3]))
    return docs


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--conllu", default="/work/shared/data/ud_arabic_pud/ar_pud-ud-test.conllu")
    ap.add_argument("--show", type=int, default=0, help="print the N most frequent misses and extras")
    a = ap.parse_args()
    if not Path(a.conllu).exists():
        sys.exit(f"{a.conllu}: not found (UD Arabic PUD lives in ../shared/data/ud_arabic_pud)")
    tp = fn = extra = inside = 0
    misses, extras = Counter(), Counter()
    per_type = {}                # type -> [mentions, words, PROPN words]
    for di, sents in enumerate(read_pud(a.conllu)):
        text = "\n".join(s["text"] for s in sents)
        an = analyze(Document(id=f"pud{di}", text=text, language="ar"))
        typed = [(m.start, m.end, m.type) for m in an.mentions if m.type in ("person", "place", "organization")]
        names = [(x, y) for x, y, _ in typed]
        for _, _, t in typed:
            per_type.setdefault(t, [0, 0, 0])[0] += 1
        times = [(t.start, t.end) for t in an.times]
        off = 0
        for s in sents:
            cursor = 0
            for w, pos in s["words"]:
                k = s["text"].find(w, cursor)
                if k < 0:
                    continue
                cursor = k + len(w)
                st, en = off + k, off + k + len(w)
                in_name = any(x <= st and en <= y for x, y in names)
                if pos == "PROPN" and not any(x <= st and en <= y for x, y in times):
                    tp += in_name
                    fn += not in_name
                    if not in_name:
                        misses[w] += 1
                if in_name and re.search(r"\w", w):
                    for t in {t for x, y, t in typed if x <= st and en <= y}:
                        per_type[t][1] += 1
                        per_type[t][2] += pos == "PROPN"
                    inside += 1
                    if pos != "PROPN":
                        extra += 1
                        extras[(w, pos)] += 1
            off += len(s["text"]) + 1
    print(f"recall    (PROPN words inside a name mention): {tp}/{tp + fn} = {tp / (tp + fn):.3f}")
    print(f"precision (words of name mentions that are PROPN): {inside - extra}/{inside} = "
          f"{(inside - extra) / inside:.3f}")
    for t, (n, words, propn) in sorted(per_type.items()):
        print(f"{t:12s} mentions {n:4d}, words that are PROPN {propn}/{words} = {propn / max(words, 1):.3f}")
    if a.show:
        print("most frequent misses:", misses.most_common(a.show))
        print("most frequent non-PROPN words in mentions:", extras.most_common(a.show))


if __name__ == "__main__":
    main()
