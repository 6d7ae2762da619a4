"""load30 (issue 20): a parameterised + 10 runner (idx29's exp.py with its paths as settings, not another copy).

Each code's stage from scratch on the first N - 10 documents of SRC (`base:C`), then on a copy of that base and its
cache the last 10 added and the stage run (`plus:C:NAME`; `plus` also runs it again with nothing new), `full:C:NAME`
the same + 10 run with ``full=True`` (stories with fresh statistics, what ``riwaya build --full`` runs), `scratch:C`
the stage from scratch on all N. One fresh process per run (child.py), ``nice -n 10``, ``PYTHONHASHSEED=0``; one
JSON line per run into $WORK/runs.jsonl.

Settings (environment): SRC the analysed store (copied, never written), WORK the scratch folder, N the size,
CODES "M=/path/to/main/code,X=/path/to/branch" (each a riwaya checkout with its .venv), BASE (plus/full: whose base
to start from; default the code's own)."""
import json, os, shutil, sqlite3, subprocess, sys, time
from pathlib import Path
HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE.parents[2]))        # benchmarks/
import corpus_stage as cs
SRC = Path(os.environ.get("SRC", "/tmp/inc26/src8000.db"))
WORK = Path(os.environ.get("WORK", "/tmp/load30"))
CODES = dict(kv.split("=", 1) for kv in os.environ.get("CODES", f"X={HERE.parents[3]}").split(","))
OUT = WORK / "runs.jsonl"
KEYS = ("parts", "parts_reconciled", "parts_new_doc", "parts_new_doc_mentions", "mentions_reconciled",
        "events_reconciled", "subparts_carried_over", "pair_parts", "pair_parts_read_back", "pair_mentions_read_back",
        "pairs_scored", "pairs_read_back", "stories")


def subset(n, out):
    """The first n documents of SRC with their analyses, no corpus results, statistics or memo of them."""
    out.unlink(missing_ok=True)
    with sqlite3.connect(SRC) as src, sqlite3.connect(out) as dst:
        src.backup(dst)
    with sqlite3.connect(out) as c:
        keep = "SELECT id FROM documents ORDER BY seq, id LIMIT ?"
        c.execute(f"DELETE FROM analyses WHERE doc_id NOT IN ({keep})", (n,))
        c.execute(f"DELETE FROM documents WHERE id NOT IN ({keep})", (n,))
        for t in ("corpus", "corpus_items", "corpus_journal", "corpus_docs"):
            c.execute(f"DELETE FROM {t}")
        c.execute("DELETE FROM meta WHERE key LIKE 'corpus%'")
    with sqlite3.connect(out) as c:
        c.execute("VACUUM")
    return out


def run(tag, code, db, cache, full=False):
    env = dict(os.environ, RIWAYA_CACHE_DIR=str(cache), PYTHONHASHSEED="0")
    load = cs._loadavg()
    t = time.time()
    p = subprocess.run(["nice", "-n", "10", code + "/.venv/bin/python", str(HERE / "child.py"), code, str(db)]
                       + (["full"] if full else []), cwd=code, env=env, capture_output=True, text=True)
    if p.returncode:
        print(p.stderr[-3000:]); sys.exit(1)
    out = json.loads(p.stdout.strip().splitlines()[-1])
    f = out["figures"]
    rec = {"tag": tag, "time": time.strftime("%H:%M:%S"), "cpu_total": round(sum(f["cpu_seconds"].values()), 2),
           "cpu": {k: round(v, 2) for k, v in f["cpu_seconds"].items()}, "load": [load, cs._loadavg()],
           "wall": round(time.time() - t, 1), "peak_mb": out.get("peak_mb"), "digest": cs.digest(db)}
    rec.update({k: f[k] for k in KEYS if k in f})
    print(json.dumps(rec), flush=True)
    with open(OUT, "a") as fh:
        fh.write(json.dumps(rec) + "\n")


def plus_copy(c, name):
    W = WORK / f"{c}{N}"
    db, cache = W / f"{name}.db", W / f"{name}_cache"
    B = WORK / (os.environ.get("BASE", c) + str(N))
    shutil.copy(B / "base.db", db); shutil.rmtree(cache, ignore_errors=True); shutil.copytree(B / "cache", cache)
    cs.add_documents(SRC, db, N - K, K)
    return db, cache


N, K = int(os.environ.get("N", "7749")), 10
if __name__ == "__main__":
    for step in sys.argv[1:]:
        mode, c, *name = step.split(":")
        W = WORK / f"{c}{N}"
        W.mkdir(parents=True, exist_ok=True)
        if mode == "base":
            db = subset(N - K, W / "base.db")
            shutil.rmtree(W / "cache", ignore_errors=True); (W / "cache").mkdir()
            run(f"{c}{N}:base", CODES[c], db, W / "cache")
        elif mode in ("plus", "plusonly", "full"):
            db, cache = plus_copy(c, name[0])
            run(f"{c}{N}:{mode}:{name[0]}", CODES[c], db, cache, full=mode == "full")
            if mode == "plus":
                run(f"{c}{N}:again:{name[0]}", CODES[c], db, cache)
        elif mode == "scratch":
            db = subset(N, W / "scratch.db")
            cache = W / "scratch_cache"; shutil.rmtree(cache, ignore_errors=True); cache.mkdir()
            run(f"{c}{N}:scratch", CODES[c], db, cache)
