"""Draw the Arabic hand-check sample for riwaya.ner.coref: links riwaya makes in SaudiNewsNet articles
that no rule was tuned on (not in the cluster corpus's stories, not in the events corpus, not among the
articles read while tuning: tuned_docs.txt).

    python benchmarks/coref/sample_ar.py [N] > /tmp/sample.txt      # prints each link with its context

The printed contexts are for the judge only: SaudiNewsNet texts never enter the repo. The judgements are
kept in benchmarks/coref/sample_ar.jsonl as document id, offsets, the phrase, the person linked and the
verdict (see README.md).
"""
from __future__ import annotations

import json
import random
import re
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "benchmarks" / "events_corpus"))
import corpus as ev  # noqa: E402

# a cheap filter before analysis: articles with a role word or an epithet at all
_ROLEISH = re.compile(r"رئيس|وزير|ملك|عاهل|أمير|زعيم|قائد|متحدث|ناطق|مبعوث|سفير|محافظ|مخلوع|معزول")


def used() -> set[str]:
    """Documents of the cluster stories (tuned on) and of the events corpus."""
    out = set()
    for line in (ROOT / "benchmarks/data/clusters/stories.jsonl").read_text(encoding="utf-8").splitlines():
        out.update(json.loads(line)["docs"])
    for line in ev.OUT.read_text(encoding="utf-8").splitlines():
        out.add(json.loads(line)["doc"])
    tuned = Path(__file__).with_name("tuned_docs.txt")
    out.update(x.strip() for x in tuned.read_text(encoding="utf-8").splitlines() if x.strip() and not x.startswith("#"))
    return out


def main() -> None:
    from riwaya.analyze import analyze
    from riwaya.ingest.readers import _make
    n = int(sys.argv[1]) if len(sys.argv) > 1 else 30
    skip = used()
    days = sorted(p.stem for p in (ev.SHARED / "saudinewsnet" / "dataset").glob("*.zip"))
    docs = [f"snn/{d}/{i}" for d in days for i in range(len(ev._snn_day(d)))]
    random.Random(15).shuffle(docs)
    got = 0
    for doc in docs:
        if doc in skip:
            continue
        t = ev.text(doc)
        if not (300 <= len(t) <= 3000 and _ROLEISH.search(t)):
            continue
        a = analyze(_make(t, None, doc, ev.meta(doc)))
        links = [m for m in a.mentions if m.source == "coref"][:2]     # two at most per article: variety
        for m in links:
            got += 1
            ctx = t[max(0, m.start - 200):m.end + 60].replace("\n", " ")
            print(json.dumps({"n": got, "doc": doc, "start": m.start, "end": m.end, "phrase": t[m.start:m.end],
                              "person": m.name, "kb_id": m.kb_id}, ensure_ascii=False))
            print("   ", ctx)
            if got >= n:
                return


if __name__ == "__main__":
    main()
