"""Interleaved + 10 runs: argv: rounds. For each round, main then new: base copy + its cache copy, + 10, stage in a fresh process."""
import json, os, sqlite3, subprocess, sys, time, shutil
from pathlib import Path
W = Path("/tmp/scale21")
sys.path.insert(0, "/work/wt/scale21/benchmarks")
import corpus_stage as cs
CODES = {"main": ("/tmp/scale21/code_main", W / "base-3000-main.db", W / "cache_after_base"),
         "new": ("/work/wt/scale21", W / "base-3000-main.db", W / "cache_after_base")}
def stage(code, db, cache):
    env = dict(os.environ, PYTHONPATH=code, PYTHONHASHSEED="0", RIWAYA_CACHE_DIR=cache)
    t = time.time()
    p = subprocess.run(["nice", "-n", "15", "/work/main/.venv/bin/python", code + "/benchmarks/corpus_stage.py", "--_stage", str(db)],
                       capture_output=True, text=True, env=env)
    if p.returncode:
        return {"failed": p.stderr[-2000:]}
    out = json.loads(p.stdout.strip().splitlines()[-1])
    f = out["figures"]
    return {"cpu_total": round(sum(f["cpu_seconds"].values()), 2), "wall": round(time.time() - t, 1), "cpu": f["cpu_seconds"],
            "stage_wall": round(sum(f["seconds"].values()), 1), "peak_mb": round(out["peak_mb"])}
for r in range(int(sys.argv[1])):
    for tag in sys.argv[2].split(","):
        code, base, cache = CODES[tag]
        db = W / f"side-{tag}.db"; db.unlink(missing_ok=True)
        with sqlite3.connect(base) as s, sqlite3.connect(db) as d:
            s.backup(d)
        c = W / f"side-cache-{tag}"; shutil.rmtree(c, ignore_errors=True); shutil.copytree(cache, c)
        cs.add_documents(Path("/tmp/i18/src7k.db"), db, 2990, 10)
        load = cs._loadavg()
        rec = {"round": r, "tag": tag, "load": load, **stage(code, db, str(c))}
        rec["digest"] = cs.digest(db)
        again = stage(code, db, str(c))
        rec["nothing_new_cpu"] = again.get("cpu_total"); rec["nothing_new_wall"] = again.get("stage_wall")
        rec["time"] = time.strftime("%H:%M:%S")
        print(json.dumps(rec), flush=True)
        with open(W / "side_runs.jsonl", "a") as f:
            f.write(json.dumps(rec) + "\n")
