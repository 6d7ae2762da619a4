"""Cost of the learned event stage: the per-document stage on the same SaudiNewsNet articles with the
learned models on and off (RIWAYA_EVENTS_LEARNED), interleaved runs in fresh processes, CPU time (the
machine is shared: wall time measures the neighbours).

    python benchmarks/events_corpus/speed.py [--n 200] [--rounds 3]
"""
from __future__ import annotations

import argparse
import json
import os
import subprocess
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
CHILD = r'''
import json, sys, time, zipfile
sys.path.insert(0, "ROOT/tests")
from riwaya.analyze import analyze
from riwaya.ingest.readers import _make
from riwaya.ingest.metadata import with_metadata
z = sorted(__import__("pathlib").Path("ROOT/../shared/data/saudinewsnet/dataset").glob("*.zip"))[3]
arts = [a for a in json.loads(zipfile.ZipFile(z).read(zipfile.ZipFile(z).namelist()[0])) if a.get("content")][:N]
docs = [with_metadata(_make(a["content"], None, str(i), {"outlet": a.get("source")})) for i, a in enumerate(arts)]
analyze(docs[0])
# warm-up: load what a long-running worker holds once (spaCy's English model, loaded at the first English
# paragraph), so one model load is not counted as per-document work
analyze(_make("Officials said the minister left the capital on Sunday.", None, "warm", {}))
t = time.process_time()
for d in docs:
    analyze(d)
print(json.dumps({"n": len(docs), "cpu": time.process_time() - t, "chars": sum(len(d.text) for d in docs)}))
'''


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--n", type=int, default=200)
    ap.add_argument("--rounds", type=int, default=3)
    a = ap.parse_args()
    code = CHILD.replace("ROOT", str(ROOT)).replace("N]", f"{a.n}]")
    res = {"on": [], "off": []}
    for _ in range(a.rounds):
        for mode in ("off", "on"):
            env = {**os.environ, "RIWAYA_EVENTS_LEARNED": "1" if mode == "on" else "0"}
            out = subprocess.run([sys.executable, "-c", code], env=env, capture_output=True, text=True, check=True)
            r = json.loads(out.stdout.strip().splitlines()[-1])
            res[mode].append(r["n"] / r["cpu"])
    best = {k: round(max(v), 1) for k, v in res.items()}
    print(json.dumps({"articles_per_cpu_second": res, "best": best,
                      "ratio_on_off": round(best["on"] / best["off"], 3)}, indent=1))
    return 0


if __name__ == "__main__":
    sys.exit(main())
