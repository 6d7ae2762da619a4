#!/usr/bin/env python
"""Per-document stage speed in CPU seconds, with the floor's ratio in the same run (issue 20).

`throughput.py`'s first measurement alone, on a shared machine: each round is a fresh process that
times the floor (read the JSONL, tokenise with ``\\w+``; best of 5, it is short) and then
``analyze`` + ``analysis_dict`` over the same articles after the same warm-up, both as CPU time
(``time.process_time``: what the neighbours take is not counted). The median of the rounds is printed.

    .venv/bin/python benchmarks/doc_speed.py                        # 500 articles, 3 rounds
    .venv/bin/python benchmarks/doc_speed.py --n 300 --rounds 1 --profile /tmp/analyze.prof
    .venv/bin/python benchmarks/doc_speed.py --chars 2000-3000       # the first 500 of 2-3k characters
    .venv/bin/python -c "import pstats; pstats.Stats('/tmp/analyze.prof').sort_stats('cumtime').print_stats(15)"
"""
from __future__ import annotations

import argparse
import json
import statistics
import subprocess
import sys
import zipfile
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))
import throughput  # noqa: E402  (puts the riwaya next to this script first on the path)


def char_range(spec: str) -> tuple[int, int]:
    """``2000-3000`` -> (2000, 3000): the article lengths (characters, both ends included) to sample."""
    try:
        lo, hi = (int(x) for x in spec.split("-"))
    except ValueError:
        raise argparse.ArgumentTypeError(f"--chars wants LOW-HIGH in characters, e.g. 2000-3000, not {spec!r}")
    if not 0 <= lo <= hi:
        raise argparse.ArgumentTypeError(f"--chars {spec!r}: LOW must be <= HIGH and both >= 0")
    return lo, hi


def load_sized(n: int, lo: int, hi: int, data: Path) -> list[dict]:
    """The first ``n`` SaudiNewsNet articles (zip and file order, as ``throughput.load_articles``) whose
    text has ``lo``..``hi`` characters: a sample comparable with issue 20's 2.5k-character figure."""
    out: list[dict] = []
    for z in sorted(data.glob("*.zip")):
        with zipfile.ZipFile(z) as zf:
            for name in sorted(zf.namelist()):
                for a in json.loads(zf.read(name)):
                    if (a.get("content") or "").strip() and lo <= len(a["content"]) <= hi:
                        out.append(a)
        if len(out) >= n:
            break
    return out[:n]


def one_round(sample: Path, profile: str | None) -> dict:
    fl = min((throughput.floor(sample) for _ in range(5)), key=lambda r: r["cpu_seconds"])
    if profile:
        import cProfile
        prof = cProfile.Profile()
        prof.enable()
    pd = throughput.per_document(sample)
    if profile:
        prof.disable()
        prof.dump_stats(profile)
    return {"docs": pd["docs"], "chars": pd["chars"], "cpu": pd["cpu_seconds"], "wall": pd["seconds"],
            "floor_cpu": fl["cpu_seconds"]}


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--n", type=int, default=500, help="articles (the first N of SaudiNewsNet with text)")
    ap.add_argument("--chars", type=char_range, metavar="LOW-HIGH",
                    help="only articles of LOW..HIGH characters (e.g. 2000-3000), the first N of those")
    ap.add_argument("--rounds", type=int, default=3)
    ap.add_argument("--work", default="/tmp/riwaya-bench")
    ap.add_argument("--data", default=str(throughput.DATA))
    ap.add_argument("--profile", help="cProfile the timed loop (one round) into this file")
    ap.add_argument("--child", help=argparse.SUPPRESS)
    a = ap.parse_args()
    if a.child:
        print(json.dumps(one_round(Path(a.child), a.profile)))
        return 0
    work = Path(a.work)
    work.mkdir(parents=True, exist_ok=True)
    if a.chars:
        sample = work / f"sample-{a.n}-chars{a.chars[0]}-{a.chars[1]}.jsonl"
        if not sample.exists():
            throughput.write_jsonl(load_sized(a.n, *a.chars, Path(a.data)), sample)
    else:
        sample = work / f"sample-{a.n}.jsonl"
        if not sample.exists():
            throughput.write_jsonl(throughput.load_articles(a.n, Path(a.data)), sample)
    runs = []
    for _ in range(a.rounds):
        cmd = [sys.executable, __file__, "--child", str(sample)] + (["--profile", a.profile] if a.profile else [])
        out = subprocess.run(cmd, capture_output=True, text=True, check=True)
        r = json.loads(out.stdout.strip().splitlines()[-1])
        r["articles_per_cpu_s"] = r["docs"] / r["cpu"]
        r["chars_per_cpu_s"] = r["chars"] / r["cpu"]
        r["floor_articles_per_cpu_s"] = r["docs"] / r["floor_cpu"]
        r["ratio"] = r["cpu"] / r["floor_cpu"]
        runs.append(r)
        print(json.dumps({k: round(v, 3) if isinstance(v, float) else v for k, v in r.items()}), file=sys.stderr)
    med = {k: statistics.median(r[k] for r in runs)
           for k in ("articles_per_cpu_s", "chars_per_cpu_s", "floor_articles_per_cpu_s", "ratio")}
    n, chars = runs[0]["docs"], runs[0]["chars"]
    git = subprocess.run(["git", "-C", str(HERE.parent), "rev-parse", "--short", "HEAD"], capture_output=True,
                         text=True).stdout.strip()
    print(f"{n} articles ({chars / n:,.0f} characters each on average), {a.rounds} rounds, median, CPU time; "
          f"riwaya at {git}\n")
    print("| what | articles/s/core (CPU) | characters/s/core (CPU) | time ÷ floor |\n|---|---:|---:|---:|")
    print(f"| floor: read JSONL + regex tokenise | {med['floor_articles_per_cpu_s']:,.0f} | "
          f"{med['floor_articles_per_cpu_s'] * chars / n / 1e6:,.1f} M | 1× |")
    print(f"| riwaya per-document stage | {med['articles_per_cpu_s']:,.1f} | {med['chars_per_cpu_s'] / 1e3:,.0f} k | "
          f"{med['ratio']:,.0f}× |")
    return 0


if __name__ == "__main__":
    sys.exit(main())
