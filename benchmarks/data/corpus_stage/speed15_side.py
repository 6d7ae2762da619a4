"""Side by side: the corpus stage of two codes on one SaudiNewsNet store, + 10 and nothing new."""
import json, os, subprocess, sys, time
from pathlib import Path
sys.path.insert(0, "/work/wt/speed15/benchmarks")
import corpus_stage as cs

SRC = Path("/tmp/s15/src7594.db")
CODES = {"before": "/tmp/s15/before", "after": "/tmp/s15/after", "after2": "/tmp/s15/after2", "after3": "/tmp/s15/after3"}
OUT = Path(os.environ.get("SIDE_OUT", "/tmp/s15/side.jsonl"))


def run(code, db):
    root = CODES[code]
    env = dict(os.environ, PYTHONPATH=root, PYTHONHASHSEED="0", RIWAYA_CACHE_DIR=f"/tmp/s15/cache-{code}")
    load = cs._loadavg()
    t = time.time()
    p = subprocess.run(["nice", "-n", "5", "/work/main/.venv/bin/python", f"{root}/benchmarks/corpus_stage.py",
                        "--_stage", str(db)], capture_output=True, text=True, env=env)
    if p.returncode:
        return {"failed": p.stderr[-1500:]}
    out = json.loads(p.stdout.strip().splitlines()[-1])
    for _ in range(5):
        try:
            dg = cs.digest(db)
            break
        except Exception as e:   # a transient "disk I/O error" seen once
            dg = {"error": str(e)}
            time.sleep(5)
    f = out.get("figures") or {}
    return {"cpu_total": round(sum(f.get("cpu_seconds", {}).values()), 2), "wall": round(time.time() - t, 1),
            "cpu": f.get("cpu_seconds"), "peak_mb": out.get("peak_mb"), "load": [load, cs._loadavg()],
            "parts_reconciled": f.get("parts_reconciled"), "parts": f.get("parts"),
            "events_reconciled": f.get("events_reconciled"), "documents": f.get("documents"),
            "figures": {k: v for k, v in f.items() if k not in ("seconds", "cpu_seconds")}, "digest": dg}


def log(rec):
    rec["time"] = time.strftime("%H:%M:%S")
    with OUT.open("a") as f:
        f.write(json.dumps(rec, ensure_ascii=False) + "\n")
    print(json.dumps({k: v for k, v in rec.items() if k not in ("figures", "digest")}), flush=True)


def db_of(code, n):
    return Path(f"/tmp/s15/{code}-{n}{os.environ.get('SIDE_SUFFIX', '')}.db")


if __name__ == "__main__":
    what, codes, sizes = sys.argv[1], sys.argv[2].split(","), [int(x) for x in sys.argv[3].split(",")]
    for n in sizes:
        if what == "setup":
            for code in codes:
                db = cs.subset(SRC, n - 10, db_of(code, n))
                log({"step": "first", "code": code, "n": n - 10, **run(code, db)})
        elif what == "plus":
            for code in codes:
                cs.add_documents(SRC, db_of(code, n), n - 10, 10)
            for step in ("plus10", "nothing_new", "nothing_new2"):
                for code in codes:      # interleaved: the codes side by side under the same load
                    log({"step": step, "code": code, "n": n, **run(code, db_of(code, n))})
        elif what == "replus":      # the last 10 taken out again where a store holds them (a run), then + 10
            import sqlite3
            for code in codes:
                db = db_of(code, n)
                with sqlite3.connect(db) as c:
                    have = c.execute("SELECT COUNT(*) FROM documents").fetchone()[0]
                if have == n:
                    from riwaya.store import Store
                    with sqlite3.connect(db) as c:
                        ids = [x[0] for x in c.execute("SELECT id FROM documents ORDER BY seq DESC, id DESC LIMIT 10")]
                    Store(f"sqlite:///{db}").delete(ids)
                    log({"step": "minus10", "code": code, "n": n - 10, **run(code, db)})
            for code in codes:
                cs.add_documents(SRC, db_of(code, n), n - 10, 10)
            for step in ("plus10", "nothing_new", "nothing_new2"):
                for code in codes:
                    log({"step": step, "code": code, "n": n, **run(code, db_of(code, n))})
        elif what == "scratch":
            for code in codes:
                db = cs.subset(SRC, n, Path(f"/tmp/s15/{code}-{n}-scratch.db"))
                log({"step": "scratch", "code": code, "n": n, **run(code, db)})
