import json, os, shutil, subprocess, sys, time
from pathlib import Path
HERE = "/work/wt/inc26"
sys.path.insert(0, HERE + "/benchmarks")
import corpus_stage as cs
SRC = Path(os.environ.get("SRC", "/tmp/inc26/src8000.db"))
PY = HERE + "/.venv/bin/python"
def run(code, db, cache, prof=None):
    env = dict(os.environ, RIWAYA_CACHE_DIR=str(cache), PYTHONHASHSEED="0")
    load = cs._loadavg()
    t = time.time()
    p = subprocess.run(["nice", "-n", "10", PY, "/tmp/inc26/child.py", code, str(db)] + ([prof] if prof else []),
                       cwd=code, env=env, capture_output=True, text=True)
    if p.returncode:
        print(p.stderr[-3000:]); sys.exit(1)
    out = json.loads(p.stdout.strip().splitlines()[-1])
    cpu = out["figures"]["cpu_seconds"]
    out["cpu_total"] = round(sum(cpu.values()), 2)
    out["load"] = [load, cs._loadavg()]
    out["wall"] = time.time() - t
    return out
def show(tag, out, db):
    f = out["figures"]
    rec = {"tag": tag, "time": time.strftime("%H:%M:%S"), "cpu_total": out["cpu_total"], "cpu": {k: round(v, 2) for k, v in f["cpu_seconds"].items()},
           "load": out["load"], "wall": round(out["wall"], 1), "peak_mb": out["peak_mb"],
           "parts_reconciled": f.get("parts_reconciled"), "parts": f.get("parts"),
           "events_reconciled": f.get("events_reconciled"), "subparts_carried_over": f.get("subparts_carried_over"),
           "digest": cs.digest(db)}
    for k in ("parts_new_doc", "parts_new_doc_mentions", "mentions_reconciled", "mentions_skipped"):
        if k in f: rec[k] = f[k]
    print(json.dumps(rec), flush=True)
    with open("/tmp/inc26/runs.jsonl", "a") as fh:
        fh.write(json.dumps(rec) + "\n")
mode, code, tag = sys.argv[1:4]
W = Path("/tmp/inc26") / tag
W.mkdir(parents=True, exist_ok=True)
N = int(os.environ.get("N", "2000")); K = 10
if mode == "base":
    db = cs.subset(SRC, N - K, W / "base.db")
    shutil.rmtree(W / "cache", ignore_errors=True); (W / "cache").mkdir()
    out = run(code, db, W / "cache"); show(tag + ":base", out, db)
elif mode == "plus":
    name = sys.argv[4]; prof = sys.argv[5] if len(sys.argv) > 5 else None
    base = Path(os.environ.get("BASE", W))
    db = W / f"{name}.db"; cache = W / f"{name}_cache"
    shutil.copy(base / "base.db", db); shutil.rmtree(cache, ignore_errors=True); shutil.copytree(base / "cache", cache)
    cs.add_documents(SRC, db, N - K, K)
    out = run(code, db, cache, prof); show(tag + ":plus:" + name, out, db)
    if not os.environ.get("NOAGAIN"):
        out = run(code, db, cache); show(tag + ":again:" + name, out, db)
elif mode == "scratch":
    db = cs.subset(SRC, N, W / "scratch.db")
    cache = W / "scratch_cache"; shutil.rmtree(cache, ignore_errors=True); cache.mkdir()
    out = run(code, db, cache); show(tag + ":scratch", out, db)
