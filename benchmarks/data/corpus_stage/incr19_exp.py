"""incr19, scale20: usage: incr19_exp.py base N TAG | plus N TAG | frozen N TAG | scratch N TAG
(CODE= the tree to run, WORK= the scratch folder, I19_CACHE= the cache, NICE= the niceness; scale20 ran it with
CODE=/work/wt/scale20 WORK=/tmp/scale20/x NICE=15)"""
import json, os, sqlite3, subprocess, sys, time
from pathlib import Path
ROOT = Path(os.environ.get("CODE", "/work/wt/incr19"))
sys.path.insert(0, str(ROOT / "benchmarks"))
import corpus_stage as cs
W = Path(os.environ.get("WORK", "/tmp/i19"))
SRC = Path(os.environ.get("SRC", W / "src1921.db"))
CACHE = os.environ.get("I19_CACHE", str(W / "cache"))
OUT = W / "runs.jsonl"


def run(db):
    env = dict(os.environ, PYTHONPATH=str(ROOT), PYTHONHASHSEED="0", RIWAYA_CACHE_DIR=CACHE)
    load = cs._loadavg()
    t = time.time()
    cmd = ["nice", "-n", os.environ.get("NICE", "5"), "/work/main/.venv/bin/python", str(ROOT / "benchmarks/corpus_stage.py"), "--_stage", str(db)]
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


def copy(a, b):
    b.unlink(missing_ok=True)
    with sqlite3.connect(a) as s, sqlite3.connect(b) as d:
        s.backup(d)


if __name__ == "__main__":
    what, n, tag = sys.argv[1], int(sys.argv[2]), sys.argv[3]
    base = W / f"base-{n}-{os.environ.get('BTAG', tag)}.db"
    if what == "base":
        cs.subset(SRC, n - 10, base)
        log({"step": "first", "tag": tag, "n": n - 10, **run(base)})
    elif what == "plus":
        db = W / f"plus-{n}-{tag}.db"
        copy(base, db)
        cs.add_documents(SRC, db, n - 10, 10)
        log({"step": "plus10", "tag": tag, "n": n, **run(db)})
        if len(sys.argv) > 4 and sys.argv[4] == "again":
            log({"step": "nothing_new", "tag": tag, "n": n, **run(db)})
    elif what == "frozen":      # the + 10's store, its results deleted, statistics kept: from scratch, frozen stats
        db = W / f"frozen-{n}-{tag}.db"
        copy(W / f"plus-{n}-{tag}.db", db)
        with sqlite3.connect(db) as c:
            c.execute("DELETE FROM corpus")
            c.execute("DELETE FROM corpus_items")
            c.execute("DELETE FROM corpus_journal")
            c.execute("DELETE FROM meta WHERE key IN ('corpus_documents', 'corpus_gen', 'corpus_doc_ids', 'corpus_last_gen')")
        log({"step": "scratch_frozen", "tag": tag, "n": n, **run(db)})
    elif what == "scratch":
        db = cs.subset(SRC, n, W / f"scratch-{n}-{tag}.db")
        log({"step": "scratch", "tag": tag, "n": n, **run(db)})
