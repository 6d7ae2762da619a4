"""inc28 (issue 20): + 10 on 1,990 SaudiNewsNet documents, main (2a82aaa) against the branch: each code's stage from
scratch on the first N - 10 documents of SRC, then + 10 on a copy of that base and its cache (and again with nothing
new), one fresh process per run (child.py), nice -n 10, PYTHONHASHSEED=0; one JSON line per run into runs.jsonl."""
import json, os, shutil, sqlite3, subprocess, sys, time
from pathlib import Path
sys.path.insert(0, "/work/wt/inc28/benchmarks")
import corpus_stage as cs
SRC = Path(os.environ.get("SRC", "/tmp/inc28/src2000.db"))
CODES = {"M": "/tmp/inc28/basecode", "X": "/work/wt/inc28"}
OUT = Path("/tmp/inc28/runs.jsonl")


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


def run(tag, code, db, cache):
    env = dict(os.environ, RIWAYA_CACHE_DIR=str(cache), PYTHONHASHSEED="0")
    load = cs._loadavg()
    t = time.time()
    p = subprocess.run(["nice", "-n", "10", code + "/.venv/bin/python", "/tmp/inc28/child.py", code, str(db)],
                       cwd=code, env=env, capture_output=True, text=True)
    if p.returncode:
        print(p.stderr[-3000:]); sys.exit(1)
    out = json.loads(p.stdout.strip().splitlines()[-1])
    f = out["figures"]
    rec = {"tag": tag, "time": time.strftime("%H:%M:%S"), "cpu_total": round(sum(f["cpu_seconds"].values()), 2),
           "cpu": {k: round(v, 2) for k, v in f["cpu_seconds"].items()}, "load": [load, cs._loadavg()],
           "wall": round(time.time() - t, 1), "peak_mb": out.get("peak_mb"), "digest": cs.digest(db)}
    for k in ("parts", "parts_reconciled", "parts_new_doc", "parts_new_doc_mentions", "mentions_reconciled",
              "events_reconciled", "subparts_carried_over", "pair_parts", "pair_parts_read_back",
              "pair_mentions_read_back"):
        if k in f:
            rec[k] = f[k]
    print(json.dumps(rec), flush=True)
    with open(OUT, "a") as fh:
        fh.write(json.dumps(rec) + "\n")


N, K = int(os.environ.get("N", "2000")), 10
for step in sys.argv[1:]:
    mode, c, *name = step.split(":")
    W = Path("/tmp/inc28") / f"{c}{N}"
    W.mkdir(parents=True, exist_ok=True)
    if mode == "base":
        db = subset(N - K, W / "base.db")
        shutil.rmtree(W / "cache", ignore_errors=True); (W / "cache").mkdir()
        run(f"{c}{N}:base", CODES[c], db, W / "cache")
    elif mode in ("plus", "plusonly"):
        db, cache = W / f"{name[0]}.db", W / f"{name[0]}_cache"
        shutil.copy(W / "base.db", db); shutil.rmtree(cache, ignore_errors=True); shutil.copytree(W / "cache", cache)
        cs.add_documents(SRC, db, N - K, K)
        run(f"{c}{N}:plus:{name[0]}", CODES[c], db, cache)
        if mode == "plus":
            run(f"{c}{N}:again:{name[0]}", CODES[c], db, cache)
    elif mode == "scratch":
        db = subset(N, W / "scratch.db")
        cache = W / "scratch_cache"; shutil.rmtree(cache, ignore_errors=True); cache.mkdir()
        run(f"{c}{N}:scratch", CODES[c], db, cache)
