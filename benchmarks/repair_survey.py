"""Survey what the Arabic repair layer changes on real articles (SaudiNewsNet).

    python benchmarks/repair_survey.py [N]   # default 1000 articles

Prints counts per repair kind, repairs per article, speed, and a sample of each
kind to check by hand. SaudiNewsNet is read from ../shared/data (research only,
never shipped).
"""
import collections
import json
import random
import sys
import time
import zipfile
from pathlib import Path

from riwaya.ingest.repair import repair

DATA = Path(__file__).resolve().parents[1].parent / "shared/data/saudinewsnet/dataset"


def articles(n: int):
    out = []
    for z in sorted(DATA.glob("*.zip")):
        with zipfile.ZipFile(z) as zf:
            for name in zf.namelist():
                out.extend(json.loads(zf.read(name)))
        if len(out) >= n:
            break
    return out[:n]


def main(n: int = 1000) -> None:
    arts = articles(n)
    counts, samples = collections.Counter(), collections.defaultdict(list)
    chars, t0 = 0, time.perf_counter()
    for a in arts:
        text = a.get("content") or ""
        chars += len(text)
        starts = [0] + [i + 1 for i, c in enumerate(text) if c == "\n"]
        _, _, reps = repair(text, starts)
        for r in reps:
            counts[r.kind] += 1
            ctx = text[max(0, r.start - 15): r.start].replace("\n", " ") + "[" + r.after + "]" + text[r.end: r.end + 15].replace("\n", " ")
            samples[r.kind].append(f"{r.before!r}->{r.after!r} | {ctx}")
    dt = time.perf_counter() - t0
    print(f"{len(arts)} articles, {chars} chars, {dt:.1f}s ({len(arts)/dt:.0f} articles/s)")
    for k, v in counts.most_common():
        print(f"{k}: {v}")
        random.seed(0)
        for s in random.sample(samples[k], min(15, len(samples[k]))):
            print("   ", s)


if __name__ == "__main__":
    main(int(sys.argv[1]) if len(sys.argv) > 1 else 1000)
