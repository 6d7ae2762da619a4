"""incr18: + 10 experiments on a store. usage: exp.py base N | plus N TAG [profile] | scratch N TAG"""
import json, os, shutil, subprocess, sys, time
from pathlib import Path
ROOT = Path(os.environ.get("CODE", "/work/wt/incr18"))
sys.path.insert(0, str(ROOT / "benchmarks"))
import corpus_stage as cs
W = Path("/tmp/i18")
SRC = Path(os.environ.get("SRC", W / "src2k.db"))
CACHE = os.environ.get("I18_CACHE", str(W / "cache"))
OUT = W / "runs.jsonl"


def run(db, prof=None):
    env = dict(os.environ, PYTHONPATH=str(ROOT), PYTHONHASHSEED="0", RIWAYA_CACHE_DIR=CACHE)
    load = cs._loadavg()
    t = time.time()
    cmd = ["nice", "-n", "5", "/work/main/.venv/bin/python"]
    if prof:
        cmd += [str(W / "prof_stage.py"), str(db), prof]
    else:
        cmd += [str(ROOT / "benchmarks/corpus_stage.py"), "--_stage", str(db)]
    p = subprocess.run(cmd, capture_output=True, text=True, env=env)
    if p.returncode:
        return {"failed": p.stderr[-3000:]}
    out = json.loads(p.stdout.strip().splitlines()[-1])
    f = out.get("figures") or {}
    return {"cpu_total": round(sum(f.get("cpu_seconds", {}).values()), 2), "wall": round(time.time() - t, 1),
            "cpu": f.get("cpu_seconds"), "peak_mb": out.get("peak_mb"), "load": [load, cs._loadavg()],
            "figures": {k: v for k, v in f.items() if k not in ("seconds", "cpu_seconds")}, "digest": cs.digest(db)}


def log(rec):
    rec["time"] = time.strftime("%H:%M:%S")
    rec["code"] = str(ROOT)
    with OUT.open("a") as f:
        f.write(json.dumps(rec, ensure_ascii=False) + "\n")
    short = {k: v for k, v in rec.items() if k not in ("figures", "digest")}
    print(json.dumps(short), flush=True)
    print(json.dumps(rec.get("digest")), flush=True)


if __name__ == "__main__":
    what, n = sys.argv[1], int(sys.argv[2])
    base = W / f"base-{n}{os.environ.get('BTAG', '')}.db"
    if what == "base":
        cs.subset(SRC, n - 10, base)
        log({"step": "first", "n": n - 10, **run(base)})
    elif what == "plus":
        tag = sys.argv[3]
        db = W / f"plus-{n}-{tag}.db"
        with __import__("sqlite3").connect(base) as s, __import__("sqlite3").connect(db) as d:
            s.backup(d)
        cs.add_documents(SRC, db, n - 10, 10)
        prof = sys.argv[4] if len(sys.argv) > 4 else None
        log({"step": "plus10", "tag": tag, "n": n, **run(db, prof)})
        if len(sys.argv) > 5 and sys.argv[5] == "again":
            log({"step": "nothing_new", "tag": tag, "n": n, **run(db)})
    elif what == "scratch":
        tag = sys.argv[3]
        db = cs.subset(SRC, n, W / f"scratch-{n}-{tag}.db")
        log({"step": "scratch", "tag": tag, "n": n, **run(db)})
