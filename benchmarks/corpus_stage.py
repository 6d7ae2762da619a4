#!/usr/bin/env python
"""Memory and time of the corpus stage, per stage and per corpus size, with its largest blocks.

Not a timed test: a script to run by hand. It would have caught the corpus stage that ran out of
memory on the full SaudiNewsNet (issue 20): the romaniser's lattice of one 13-word span.

    # once: the per-document stage for 8,000 articles into a store (about 25 articles/s/core)
    .venv/bin/python benchmarks/corpus_stage.py --build 8000 --store /tmp/riwaya-bench/stage.db
    # then the corpus stage on the first 2k, 4k and 8k of them, each in a fresh process
    .venv/bin/python benchmarks/corpus_stage.py --store /tmp/riwaya-bench/stage.db --sizes 2000,4000,8000 --check

For each size the store is copied with only its first N documents, and ``pipeline.refresh`` (what a
build runs) is run in a fresh process with no cached romanisations (the romaniser runs on every
name, as in a first build; see ``--cache``). Reported per step of the corpus stage
(``riwaya/blocks.py``: resolve, event mentions, read documents, stories, parts, relations,
fingerprints, carry over, reconcile, itineraries, commit): time and peak resident memory (the kernel's high-water
mark, reset after each step, so native allocations such as ONNX Runtime's count too), and the
largest block of each kind:

- ``lattice``: the most name-unit combinations of one name (the product of its units' candidate
  counts, at most 5 each), and how many were built: all of them by the romaniser's own
  ``combine_units``, at most 50 by riwaya's lazy one (``translit.best_combinations``);
- ``name block``: the largest skeleton or romanisation block of resolve;
- ``entity``: the most mentions of one entity;
- ``event part``: the most mentions in one connected part of event clustering's blocking keys;
  ``reconcile block``: the most mentions reconciled in one call (parts packed together);
  ``event``: the most mentions in one event.

``--check`` exits 1 when between two sizes the corpus stage's time grows faster than n^1.3 or its
memory above the process's start faster than n^1.25, or a lattice of over 100,000 combinations is
built.
Results are printed as Markdown and saved as JSON (``--out``).
"""
from __future__ import annotations

import argparse
import json
import math
import os
import shutil
import sqlite3
import subprocess
import sys
import tempfile
import time
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))
os.environ["PYTHONPATH"] = os.pathsep.join(filter(None, [str(ROOT), os.environ.get("PYTHONPATH")]))

LATTICE_LIMIT = 100_000
TIME_EXPONENT, MEMORY_EXPONENT = 1.3, 1.25


# ------------------------------------------------------------------ memory of this process
def _status(field: str) -> float:
    """A /proc/self/status figure in MB (VmRSS, VmHWM)."""
    with open("/proc/self/status") as f:
        for line in f:
            if line.startswith(field + ":"):
                return int(line.split()[1]) / 1024
    return float("nan")


def _reset_peak() -> None:
    try:
        with open("/proc/self/clear_refs", "w") as f:     # resets VmHWM to the current RSS (Linux >= 4.0)
            f.write("5")
    except OSError:
        pass


# ------------------------------------------------------------------ child: one corpus stage
def _run_stage(db: str) -> None:
    """Child side: run the blocked corpus stage (``blocks.refresh_store``) on ``db`` with every stage timed and its peak memory taken."""
    start_rss = _status("VmRSS")
    from riwaya import resolve
    from riwaya.store import Store
    stats: dict[str, int] = Counter()
    stages: list[dict] = []
    peak = [0.0]

    # the largest blocks, counted on the way
    union_block = resolve._union_block

    def counted_block(uf, block, surfaces):
        stats["name_block"] = max(stats["name_block"], len(block))
        return union_block(uf, block, surfaces)
    resolve._union_block = counted_block
    try:
        from arabic_name_romanizer import api
        from riwaya.translit import _romanizer
        _romanizer()                        # may install riwaya's own lattice: count whichever runs
        from arabic_name_romanizer import ranking
        combine = api.combine_units
        whole = combine is ranking.combine_units        # the library's own: it builds the whole product

        def counted_lattice(per_unit, max_per_unit=5, max_combinations=50):
            n = math.prod(min(len(x), max_per_unit) for x in per_unit) if per_unit else 0
            stats["lattice"] = max(stats["lattice"], n)
            stats["lattice_built"] = max(stats["lattice_built"], n if whole else min(n, max_combinations))
            stats["lattice_units"] = max(stats["lattice_units"], len(per_unit))
            return combine(per_unit, max_per_unit, max_combinations)
        api.combine_units = counted_lattice
    except ImportError:
        pass

    # the steps of the corpus stage (riwaya/blocks.py), each with its peak memory
    from riwaya import blocks

    class PeakClock(blocks._Clock):
        def __call__(self, step):
            super().__call__(step)
            hwm = _status("VmHWM")
            peak[0] = max(peak[0], hwm)
            stages.append({"stage": step, "seconds": self.seconds[step], "peak_mb": hwm,
                           "rss_after_mb": _status("VmRSS")})
            _reset_peak()
    blocks._Clock = PeakClock
    store = Store(f"sqlite:///{db}")
    t = time.perf_counter()
    figures = blocks.refresh_store(store)      # what a build runs (pipeline.refresh, less corrections)
    total = time.perf_counter() - t
    peak[0] = max([peak[0], _status("VmHWM")] + [s["peak_mb"] for s in stages])
    stats["part"] = figures.get("largest_part_mentions", 0)
    stats["block"] = figures.get("largest_block_mentions", 0)

    # the largest entity and event, read one result at a time (all of them would take more memory than the stage)
    n_ents = n_events = 0
    biggest, stats["entity"], stats["event"] = {}, 0, 0
    with sqlite3.connect(db) as c:
        gen = c.execute("SELECT value FROM meta WHERE key = 'corpus_gen'").fetchone()[0]
        for kind, data in c.execute("SELECT kind, data FROM corpus_items WHERE gen = ? AND kind IN "
                                    "('entities', 'events')", (gen,)):
            item = json.loads(data)
            if kind == "entities":
                n_ents += 1
                if len(item.get("mentions", [])) > stats["entity"]:
                    stats["entity"], biggest = len(item["mentions"]), item
            else:
                n_events += 1
                stats["event"] = max(stats["event"], len(item.get("evidence", [])))
        n_docs = c.execute("SELECT COUNT(*) FROM documents").fetchone()[0]
    print(json.dumps({"documents": n_docs, "start_rss_mb": start_rss, "seconds": total,
                      "peak_mb": peak[0], "stages": stages, "largest": dict(stats), "figures": figures,
                      "largest_entity": biggest.get("name_ar") or biggest.get("name_en"),
                      "entities": n_ents, "events": n_events}))


# ------------------------------------------------------------------ parent
def subset(store: Path, n: int, out: Path) -> Path:
    """A copy of ``store`` with only its first ``n`` documents (by insertion order) and no corpus results."""
    out.unlink(missing_ok=True)
    with sqlite3.connect(store) as src, sqlite3.connect(out) as dst:
        src.backup(dst)                         # includes what is still in the WAL
    with sqlite3.connect(out) as c:
        keep = "SELECT id FROM documents ORDER BY seq, id LIMIT ?"
        c.execute(f"DELETE FROM analyses WHERE doc_id NOT IN ({keep})", (n,))
        c.execute(f"DELETE FROM documents WHERE id NOT IN ({keep})", (n,))
        c.execute("DELETE FROM corpus")
        tables = {r[0] for r in c.execute("SELECT name FROM sqlite_master WHERE type = 'table'")}
        for t in ("corpus_items", "corpus_journal") if "corpus_items" in tables else ():
            c.execute(f"DELETE FROM {t}")     # nothing to carry over: the stage from scratch
        c.execute("DELETE FROM meta WHERE key IN ('corpus_documents', 'corpus_gen', 'corpus_doc_ids')")
        c.execute("DELETE FROM meta WHERE key LIKE 'corpus_stats:%'")     # the frozen statistics too
    return out


def stage_run(db: Path, cache: str, timeout: int) -> dict:
    """``refresh`` on ``db`` in a fresh process. cache: a cache folder to use as it is, or "cold" (an empty
    one), or "names-cold": the romanisations cold, the sentence encoder's cache linked from the
    user's (cold, it makes the reconciler many times slower and hides what this measures)."""
    env = dict(os.environ)
    env["RIWAYA_CACHE_DIR"], tmp = _cache_dir(cache)
    load = _loadavg()
    try:
        p = subprocess.run([sys.executable, __file__, "--_stage", str(db)], capture_output=True, text=True,
                           env=env, timeout=timeout)
    except subprocess.TimeoutExpired:
        return {"failed": f"over {timeout} s"}
    finally:
        if tmp:
            shutil.rmtree(tmp, ignore_errors=True)
    if p.returncode:
        return {"failed": f"exit {p.returncode}: {(p.stderr or '').strip()[-600:]}"}
    out = json.loads(p.stdout.strip().splitlines()[-1])
    out["cpu_seconds"] = round(sum((out.get("figures") or {}).get("cpu_seconds", {}).values()), 1)
    out["load"] = [load, _loadavg()]      # the machine's load average before and after: wall time depends on it
    return out


def _loadavg() -> str:
    try:
        return " ".join(Path("/proc/loadavg").read_text().split()[:3])
    except OSError:
        return "?"


def _cache_dir(cache: str) -> tuple[str, str | None]:
    """The cache folder for a run, and the temporary folder to remove afterwards (if one was made)."""
    from riwaya.cache import cache_root
    if cache not in ("cold", "names-cold"):
        return cache, None
    tmp = tempfile.mkdtemp(prefix="riwaya-cache-")
    user = cache_root()
    if cache == "names-cold" and user and os.path.isdir(user):
        for name in os.listdir(user):
            if not name.startswith("romanize"):
                os.symlink(os.path.join(user, name), os.path.join(tmp, name))
    return tmp, tmp


def add_documents(src: Path, dst: Path, skip: int, k: int) -> None:
    """Copy documents ``skip``..``skip + k`` of ``src`` (insertion order) with their analyses into ``dst``."""
    with sqlite3.connect(src) as s, sqlite3.connect(dst) as d:
        ids = [x[0] for x in s.execute("SELECT id FROM documents ORDER BY seq, id LIMIT ? OFFSET ?", (k, skip))]
        q = ",".join("?" * len(ids))
        cols = [c[1] for c in s.execute("PRAGMA table_info(documents)")]
        for row in s.execute(f"SELECT {','.join(cols)} FROM documents WHERE id IN ({q})", ids):
            d.execute(f"INSERT INTO documents ({','.join(cols)}) VALUES ({','.join('?' * len(cols))})", row)
        for row in s.execute(f"SELECT doc_id, version, data FROM analyses WHERE doc_id IN ({q})", ids):
            d.execute("INSERT INTO analyses (doc_id, version, data) VALUES (?, ?, ?)", row)


def digest(db: Path) -> dict[str, str]:
    """A hash per kind of the corpus results readers see, row by row in their order."""
    import hashlib
    out: dict = {}
    with sqlite3.connect(db) as c:
        gen = c.execute("SELECT value FROM meta WHERE key = 'corpus_gen'").fetchone()[0]
        for kind, data in c.execute("SELECT kind, data FROM corpus_items WHERE gen = ? ORDER BY kind, sort", (gen,)):
            out.setdefault(kind, hashlib.sha1()).update(data.encode("utf-8") + b"\n")
    return {k: v.hexdigest()[:12] for k, v in out.items()}


def plus_run(store: Path, n: int, k: int, cache: str, timeout: int, work: Path) -> dict:
    """The corpus stage on the first n - k documents, then k more added and the stage run again
    (carrying over what it can), then with nothing new, each in a fresh process with one cache
    between them; compared row by row with the stage from scratch on all n. The + k keeps the
    corpus-wide statistics frozen at the first run (riwaya/story_index.py), so the two are equal
    only where those statistics do not move the stories."""
    folder, tmp = _cache_dir(cache)
    try:
        db = subset(store, n - k, work / f"plus-{n}.db")
        first = stage_run(db, folder, timeout)
        add_documents(store, db, n - k, k)
        plus = stage_run(db, folder, timeout)
        again = stage_run(db, folder, timeout)
        full = subset(store, n, work / f"plus-{n}-scratch.db")
        scratch = stage_run(full, folder, timeout)
        equal = "failed" not in plus and "failed" not in scratch and digest(db) == digest(full)
    finally:
        if tmp:
            shutil.rmtree(tmp, ignore_errors=True)
    return {"n": n, "k": k, "first": first, "plus": plus, "again": again, "scratch": scratch, "equal": equal}


def plus_markdown(rows: list[dict]) -> str:
    out = ["| articles | from scratch (n − k) | + k | with nothing new (stage forced) | parts reconciled on + k | "
           "events reconciled | peak memory (+ k) | incremental = from scratch |",
           "|---:|---:|---:|---:|---:|---:|---:|---:|"]
    for r in rows:
        f, p, a = r["first"], r["plus"], r["again"]
        if any("failed" in x for x in (f, p, a)):
            out.append(f"| {r['n']:,} | failed: {(f.get('failed') or p.get('failed') or a.get('failed'))[:120]} |")
            continue
        fp = p.get("figures", {})
        out.append(f"| {r['n']:,} | {f['seconds']:.1f} s | {p['seconds']:.1f} s | {a['seconds']:.1f} s | "
                   f"{fp.get('parts_reconciled', 0):,} of {fp.get('parts', 0):,} | "
                   f"{fp.get('events_reconciled', 0):,} of {fp.get('events', 0):,} | {p['peak_mb']:,.0f} MB | "
                   f"{'yes' if r['equal'] else 'NO'} |")
    return "\n".join(out)


def build_store(n: int, store: Path, workers: int, work: Path, data: Path) -> None:
    """The per-document stage for the first ``n`` SaudiNewsNet articles into ``store`` (no corpus stage)."""
    sys.path.insert(0, str(ROOT / "benchmarks"))
    import throughput
    from riwaya import pipeline
    arts = throughput.load_articles(n, data)
    folder = throughput.write_shards(arts[:n], work / f"articles-{n}")
    pipeline.refresh = lambda _store, **_: []          # the corpus stage is what this script measures
    t = time.perf_counter()
    r = pipeline.build([str(folder)], f"sqlite:///{store}", workers=workers, progress=True)
    print(f"stored {r.documents:,} documents ({r.added:,} new, {len(r.errors)} errors) in "
          f"{time.perf_counter() - t:.0f} s", file=sys.stderr)


def growth(rows: list[dict]) -> list[dict]:
    """Exponents of time and memory growth between consecutive sizes: x2/x1 = (n2/n1)^e."""
    out = []
    ok = [r for r in rows if "failed" not in r]
    for a, b in zip(ok, ok[1:]):
        k = math.log(b["documents"] / a["documents"])
        ma, mb = a["peak_mb"] - a["start_rss_mb"], b["peak_mb"] - b["start_rss_mb"]
        # CPU seconds when the runs give them: wall time on a shared machine depends on the load
        ta, tb = (a["cpu_seconds"], b["cpu_seconds"]) if a.get("cpu_seconds") and b.get("cpu_seconds") else \
            (a["seconds"], b["seconds"])
        out.append({"from": a["documents"], "to": b["documents"],
                    "time": math.log(tb / ta) / k if k else float("nan"),
                    "memory": math.log(mb / ma) / k if k and ma > 0 and mb > 0 else float("nan")})
    return out


def problems(rows: list[dict], grow: list[dict]) -> list[str]:
    out = [f"{r['n']:,}: {r['failed']}" for r in rows if "failed" in r]
    for g in grow:
        if g["time"] > TIME_EXPONENT:
            out.append(f"time grows as n^{g['time']:.2f} from {g['from']:,} to {g['to']:,} (limit {TIME_EXPONENT})")
        if g["memory"] > MEMORY_EXPONENT:
            out.append(f"memory grows as n^{g['memory']:.2f} from {g['from']:,} to {g['to']:,} "
                       f"(limit {MEMORY_EXPONENT})")
    for r in rows:
        if r.get("largest", {}).get("lattice_built", 0) > LATTICE_LIMIT:
            out.append(f"{r['documents']:,}: a romaniser lattice of {r['largest']['lattice_built']:,} combinations "
                       f"built for one name")
    return out


def markdown(res: dict) -> str:
    names = ["resolve", "event mentions", "read documents", "stories", "parts", "relations", "fingerprints",
             "carry over", "reconcile", "itineraries", "commit"]
    out = [f"riwaya at {res['git']}, {res['date']}, cache {res['cache']}", "",
           "| documents | corpus stage (CPU; load before/after) | peak memory | " + " | ".join(names) +
           " | largest lattice | name block | entity | event part | reconcile block | event |",
           "|---:|---:|---:|" + "---:|" * len(names) + "---:|---:|---:|---:|---:|---:|"]
    for r in res["rows"]:
        if "failed" in r:
            out.append(f"| {r['n']:,} | failed: {r['failed'][:120]} |")
            continue
        by = {s["stage"]: s for s in r["stages"]}
        cells = [(f"{by[n]['seconds']:.1f} s, {by[n]['peak_mb']:,.0f} MB" if "peak_mb" in by[n] else
                  f"{by[n]['seconds']:.1f} s") if n in by else "–" for n in names]
        lg = r["largest"]
        lattice = f"{lg.get('lattice', 0):,} ({lg.get('lattice_units', 0)} units; built {lg.get('lattice_built', 0):,})"
        cpu = f" ({r['cpu_seconds']:.1f} s CPU; load {r['load'][0]} / {r['load'][1]})" if r.get("cpu_seconds") else ""
        out.append(f"| {r['documents']:,} | {r['seconds']:.1f} s{cpu} | {r['peak_mb']:,.0f} MB | " + " | ".join(cells) +
                   f" | {lattice} | {lg.get('name_block', 0)} | "
                   f"{lg.get('entity', 0):,} ({r.get('largest_entity') or ''}) | "
                   f"{lg.get('part', 0):,} | {lg.get('block', 0):,} | {lg.get('event', 0):,} |")
    out += ["", "Peak memory: the process's high-water mark during the stage (resident, all allocations).", ""]
    for g in res["growth"]:
        out.append(f"- {g['from']:,} → {g['to']:,} documents: time (CPU when given) grows as n^{g['time']:.2f}, "
                   f"memory above the start as n^{g['memory']:.2f}")
    for p in res["problems"]:
        out.append(f"- **problem**: {p}")
    for r in res.get("plus") or []:
        if not r["equal"]:
            out.append(f"- **problem**: {r['n']:,}: the incremental corpus stage differs from the one from scratch")
    return "\n".join(out)


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--store", required=False, help="SQLite store of analysed documents (see --build)")
    ap.add_argument("--build", type=int, metavar="N", help="first store the per-document stage of N articles")
    ap.add_argument("--workers", type=int, default=1, help="processes for --build")
    ap.add_argument("--sizes", default="2000,4000,8000", help="comma-separated document counts ('all' = the store)")
    ap.add_argument("--cache", default="names-cold",
                    help="'names-cold' (default: romanisations cold, the encoder's cache the user's), 'cold', "
                         "or a cache folder to use as it is (what a rebuild sees)")
    ap.add_argument("--timeout", type=int, default=3600, help="seconds per corpus-stage run")
    ap.add_argument("--plus", type=int, metavar="K",
                    help="also, per size N: the stage on N - K documents, then K added (incremental), then nothing "
                         "new, compared with the stage from scratch on N")
    ap.add_argument("--check", action="store_true", help="exit 1 on superlinear growth or a huge lattice")
    ap.add_argument("--work", default="/tmp/riwaya-bench", help="folder for articles and store copies")
    ap.add_argument("--data", default=str(ROOT.parent / "shared" / "data" / "saudinewsnet" / "dataset"))
    ap.add_argument("--out", help="JSON results (default WORK/corpus_stage.json)")
    ap.add_argument("--report", metavar="RESULTS_JSON", help="only print the Markdown of a saved run")
    args = ap.parse_args()
    if args.report:
        res = json.loads(Path(args.report).read_text())
        res["problems"] = problems(res["rows"], res["growth"])
        print(markdown(res))
        return
    work = Path(args.work)
    work.mkdir(parents=True, exist_ok=True)
    store = Path(args.store or work / "stage.db")
    if args.build:
        build_store(args.build, store, args.workers, work, Path(args.data))
    if not store.exists():
        ap.error(f"{store}: no such store (make one with --build N)")
    with sqlite3.connect(store) as c:
        total = c.execute("SELECT COUNT(*) FROM documents").fetchone()[0]
    sizes = sorted({total if s.strip() == "all" else min(int(s), total) for s in args.sizes.split(",") if s.strip()})
    git = subprocess.run(["git", "-C", str(ROOT), "rev-parse", "--short", "HEAD"], capture_output=True,
                         text=True).stdout.strip()
    res = {"git": git, "date": time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime()),
           "cache": args.cache, "rows": []}
    for n in sizes:
        db = subset(store, n, work / f"stage-{n}.db") if n < total else store
        print(f"corpus stage on {n:,} documents ...", file=sys.stderr)
        row = stage_run(db, args.cache, args.timeout)
        row["n"] = n
        res["rows"].append(row)
        print("  " + (row.get("failed") or f"{row['seconds']:.1f} s, peak {row['peak_mb']:,.0f} MB, "
                                            f"largest {row['largest']}"), file=sys.stderr)
    if args.plus:
        res["plus"] = []
        for n in sizes:
            print(f"+{args.plus} on {n - args.plus:,} documents ...", file=sys.stderr)
            res["plus"].append(plus_run(store, n, args.plus, args.cache, args.timeout, work))
    res["growth"] = growth(res["rows"])
    res["problems"] = problems(res["rows"], res["growth"])
    out = Path(args.out or work / "corpus_stage.json")
    out.write_text(json.dumps(res, indent=1, ensure_ascii=False))
    print(markdown(res))
    if res.get("plus"):
        print("\n" + plus_markdown(res["plus"]))
    if args.check and res["problems"]:
        sys.exit(1)


if __name__ == "__main__":
    if len(sys.argv) > 2 and sys.argv[1] == "--_stage":
        _run_stage(sys.argv[2])
    else:
        main()
