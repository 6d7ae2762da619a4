"""idx29 (issue 20): + 10 on 7,739 (N=7749) SaudiNewsNet documents, main (520ed1e) against the branch: each code's stage from
scratch on the first N - 10 documents of SRC, then + 10 on a copy of that base and its cache (and again with nothing
new), one fresh process per run (child.py), nice -n 10, PYTHONHASHSEED=0; one JSON line per run into runs.jsonl."""
import json, os, shutil, sqlite3, subprocess, sys, time
from pathlib import Path
sys.path.insert(0, "/work/wt/idx29/benchmarks")
import corpus_stage as cs
SRC = Path(os.environ.get("SRC", "/tmp/inc26/src8000.db"))
CODES = {"M": "/tmp/idx29/basecode", "X": "/tmp/idx29/xcode", "W": "/work/wt/idx29"}
OUT = Path("/tmp/idx29/runs.jsonl")


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
    p = subprocess.run(["nice", "-n", "10", code + "/.venv/bin/python", "/tmp/idx29/child.py", code, str(db)],
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
    W = Path("/tmp/idx29") / f"{c}{N}"
    W.mkdir(parents=True, exist_ok=True)
    if mode == "base":
        db = subset(N - K, W / "base.db")
        shutil.rmtree(W / "cache", ignore_errors=True); (W / "cache").mkdir()
        run(f"{c}{N}:base", CODES[c], db, W / "cache")
    elif mode in ("plus", "plusonly"):
        db, cache = W / f"{name[0]}.db", W / f"{name[0]}_cache"
        B = Path("/tmp/idx29") / (os.environ.get("BASE", c) + str(N))
        shutil.copy(B / "base.db", db); shutil.rmtree(cache, ignore_errors=True); shutil.copytree(B / "cache", cache)
        cs.add_documents(SRC, db, N - K, K)
        run(f"{c}{N}:plus:{name[0]}", CODES[c], db, cache)
        if mode == "plus":
            run(f"{c}{N}:again:{name[0]}", CODES[c], db, cache)
    elif mode == "prof":
        db, cache = W / f"{name[0]}.db", W / f"{name[0]}_cache"
        B = Path("/tmp/idx29") / (os.environ.get("BASE", c) + str(N))
        shutil.copy(B / "base.db", db); shutil.rmtree(cache, ignore_errors=True); shutil.copytree(B / "cache", cache)
        cs.add_documents(SRC, db, N - K, K)
        env = dict(os.environ, RIWAYA_CACHE_DIR=str(cache), PYTHONHASHSEED="0")
        subprocess.run(["nice", "-n", "10", CODES[c] + "/.venv/bin/python", "/tmp/idx29/prof_child.py", CODES[c], str(db),
                        str(W / f"{name[0]}.pstats")], cwd=CODES[c], env=env, check=True, capture_output=True)
        print("prof done", name[0], flush=True)
    elif mode == "scratch":
        db = subset(N, W / "scratch.db")
        cache = W / "scratch_cache"; shutil.rmtree(cache, ignore_errors=True); cache.mkdir()
        run(f"{c}{N}:scratch", CODES[c], db, cache)
