"""Survey riwaya's entity mentions on SaudiNewsNet articles, for hand-checking.

    python benchmarks/ner/entity_survey.py --skip 5000 --limit 500 --kind gazetteer > hits.tsv
    python benchmarks/ner/entity_survey.py --grep سوري --limit 200 --kind linked > links.tsv

--kind gazetteer: every one-word place mention taken from the knowledge base (the false-friend risk:
a common word that is also a small place's name), with its record, population and context.
--kind linked: every person mention linked to a KB person (after per-document resolution), to judge
wrong links. --kind all: every mention. The last line gives counts per 1,000 words (whitespace tokens).
Run it from a frozen copy (`git archive`) to get "before" figures: it imports the riwaya beside it.
"""
import argparse
import json
import re
import sys
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))
from riwaya.analyze import analyze  # noqa: E402
from riwaya.kb import load_kb, name_key  # noqa: E402
from riwaya.models import Document  # noqa: E402

DATA = Path("/work/shared/data/saudinewsnet/dataset")


def articles(skip, limit, grep):
    n = 0
    for z in sorted(DATA.glob("*.zip")):
        with zipfile.ZipFile(z) as zf:
            for name in sorted(zf.namelist()):
                for a in json.loads(zf.read(name)):
                    text = (a.get("content") or "").strip()
                    if not text or (grep and not re.search(grep, text)):
                        continue
                    n += 1
                    if n <= skip:
                        continue
                    if n > skip + limit:
                        return
                    title = (a.get("title") or "").strip()
                    yield a.get("url") or str(n), (title + "\n\n" + text) if title else text


def ctx(text, s, e, w=35):
    return (text[max(0, s - w):s] + "[" + text[s:e] + "]" + text[e:e + w]).replace("\n", " ").replace("\t", " ")


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--skip", type=int, default=0)
    ap.add_argument("--limit", type=int, default=300)
    ap.add_argument("--grep", default=None, help="only articles matching this regex")
    ap.add_argument("--kind", choices=("gazetteer", "linked", "all"), default="gazetteer")
    a = ap.parse_args()
    kb = load_kb()
    words = hits = docs = 0
    for url, text in articles(a.skip, a.limit, a.grep):
        docs += 1
        words += len(text.split())
        doc = Document(id="d" + str(docs), text=text)
        ms = analyze(doc).mentions
        if a.kind == "linked":
            from riwaya.resolve import _in_doc, _NameParts
            rows = [(m, kid) for m, _n, kid, _amb in _in_doc(doc.id, ms, kb, _NameParts(kb))
                    if m.type == "person" and kid]
        else:
            rows = [(m, m.kb_id) for m in ms]
        for m, kid in rows:
            rec = kb.get(kid) or {} if kid else {}
            if a.kind == "gazetteer" and not (m.source == "kb" and rec.get("type") == "place"
                                              and len(name_key(m.text)) == 1):
                continue
            hits += 1
            print("\t".join(str(x) for x in (docs, m.type, m.text, kid, rec.get("name_en"), rec.get("population"),
                                             m.source, m.confidence, ctx(text, m.start, m.end))))
    print(f"# {docs} articles, {words} words, {hits} rows, {1000 * hits / max(1, words):.2f} per 1,000 words")


if __name__ == "__main__":
    main()
