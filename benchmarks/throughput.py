#!/usr/bin/env python
"""Throughput, scaling and memory of riwaya on real Arabic news (SaudiNewsNet).

Not a timed test: a script to run by hand, re-runnable as the analysis grows.

    .venv/bin/python benchmarks/throughput.py                     # 1k, 5k, 10k and all 31k articles
    .venv/bin/python benchmarks/throughput.py --sizes 1000,5000   # chosen sizes
    .venv/bin/python benchmarks/throughput.py --quick             # a short run (300 articles)

What it measures, all in one run so the figures are comparable:

1. **Per-document stage** on one core (``riwaya.analyze.analyze`` in this
   process, after a warm-up that loads the knowledge): articles/s and chars/s on a
   sample, next to reference points on the *same* texts:
   - the **floor**: parse the JSONL and tokenise with a regex (``\\w+``);
   - a **peer**: pyarabic's tokenizer plus the Tashaphyne light stemmer on every
     token (pure-Python Arabic tools that install offline; Farasa's segmenter,
     via farasapy, needs a jar downloaded from qcri.org and fails offline).
   Each is reported as a ratio to the floor.
2. **Whole build** for each size: ``riwaya.pipeline.build(JSONL, sqlite, workers)``
   in a fresh subprocess, with wall time, the time of each phase (read + hash,
   analyse + store, corpus stage), and peak memory (sum of RSS over the build and
   its worker processes, sampled every 0.2 s; and the largest single process from
   ``getrusage``).
3. **Incremental**: on the store of each size, add 10 more articles (only those
   are analysed; the corpus stage re-runs), then build again with nothing new.

Results are printed as Markdown and saved as JSON (``--out``). The articles are
written to a work folder (``--work``, default ``/tmp/riwaya-bench``) and never
leave it: SaudiNewsNet is for research only.
"""
from __future__ import annotations

import argparse
import json
import os
import platform
import re
import resource
import subprocess
import sys
import time
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
DATA = ROOT.parent / "shared" / "data" / "saudinewsnet" / "dataset"
# measure the riwaya next to this script (e.g. a frozen copy made with `git archive`), not whatever is installed
sys.path.insert(0, str(ROOT))
os.environ["PYTHONPATH"] = os.pathsep.join(filter(None, [str(ROOT), os.environ.get("PYTHONPATH")]))
TOKEN = re.compile(r"\w+")


# ------------------------------------------------------------------ data
def load_articles(limit: int | None, data: Path = DATA) -> list[dict]:
    out: list[dict] = []
    for z in sorted(data.glob("*.zip")):
        with zipfile.ZipFile(z) as zf:
            for name in sorted(zf.namelist()):
                for a in json.loads(zf.read(name)):
                    if (a.get("content") or "").strip():
                        out.append(a)
        if limit and len(out) >= limit:
            break
    return out[:limit] if limit else out


def repeat_articles(arts: list[dict], times: int) -> list[dict]:
    """A synthetic corpus for timing only (issue 20's scale plan): the articles ``times`` times, copy k
    with its dates moved k spans of the articles' dates later (SaudiNewsNet: 22 days) and its text
    and url marked with k, so each copy is a new document of other days. Each copy is a copy of its
    original for the copy detector (MinHash pairs k apart are found and verified), which real news
    has less of: figures for the relations step are an upper bound."""
    from datetime import datetime, timedelta
    fmt = "%Y-%m-%d %H:%M:%S"

    def when(a):
        try:
            return datetime.strptime((a.get("date_extracted") or "")[:19], fmt)
        except ValueError:
            return None
    days = [d for d in map(when, arts) if d]
    span = timedelta(days=(max(days).date() - min(days).date()).days + 1) if days else timedelta(days=1)
    out = list(arts)
    for k in range(1, times):
        for a in arts:
            d = when(a)
            out.append({**a, "url": f"{a.get('url')}#repeat-{k}", "content": f"{a['content']}\n({k})",
                        "date_extracted": (d + k * span).strftime(fmt) if d else a.get("date_extracted")})
    return out


SHARD = 1000   # articles per JSONL file (the reader streams JSONL, so this only sets the file granularity)


def write_shards(arts: list[dict], folder: Path) -> Path:
    """The articles as JSONL files of SHARD articles each in ``folder``."""
    marker = folder.with_name(folder.name + ".done")     # outside the folder: the build reads every file in it
    if marker.exists():
        return folder
    folder.mkdir(parents=True, exist_ok=True)
    for k in range(0, len(arts), SHARD):
        write_jsonl(arts[k:k + SHARD], folder / f"part-{k // SHARD:03d}.jsonl")
    marker.write_text("")
    return folder


def write_jsonl(arts: list[dict], path: Path) -> Path:
    if path.exists() and path.stat().st_size > 0:
        return path
    tmp = path.with_suffix(".tmp")
    with tmp.open("w", encoding="utf-8") as f:
        for a in arts:
            f.write(json.dumps({"text": a["content"], "url": a.get("url"), "outlet": a.get("source"),
                                "title": a.get("title"), "retrieved": a.get("date_extracted")},
                               ensure_ascii=False) + "\n")
    tmp.rename(path)
    return path


# ------------------------------------------------------------------ reference points
def _jsonl_files(path: Path) -> list[Path]:
    return sorted(path.glob("*.jsonl")) if path.is_dir() else [path]


def floor(path: Path) -> dict:
    """Merely read the JSONL file(s) and tokenise every text with a regex."""
    cpu0, t = time.process_time(), time.perf_counter()
    n = chars = tokens = 0
    for fn in _jsonl_files(path):
        with fn.open(encoding="utf-8") as f:
            for line in f:
                text = json.loads(line)["text"]
                tokens += len(TOKEN.findall(text))
                chars += len(text)
                n += 1
    dt = time.perf_counter() - t
    return {"docs": n, "chars": chars, "tokens": tokens, "seconds": dt, "cpu_seconds": time.process_time() - cpu0}


def peer(path: Path) -> dict | None:
    """pyarabic tokenize + Tashaphyne light stemmer on every token, if installed."""
    try:
        from pyarabic import araby
        from tashaphyne.stemming import ArabicLightStemmer
    except ImportError:
        return None
    stem = ArabicLightStemmer()
    cpu0, t = time.process_time(), time.perf_counter()
    n = chars = 0
    with path.open(encoding="utf-8") as f:
        for line in f:
            text = json.loads(line)["text"]
            for tok in araby.tokenize(text):
                stem.light_stem(tok)
            chars += len(text)
            n += 1
    return {"docs": n, "chars": chars, "seconds": time.perf_counter() - t, "cpu_seconds": time.process_time() - cpu0,
            "name": "pyarabic tokenize + Tashaphyne light stem"}


def farasa_available() -> str:
    try:
        import farasa  # noqa: F401
    except ImportError:
        return "farasapy not installed (and its jar download from qcri.org needs the network)"
    return "farasapy installed; not run here (needs its jar, downloaded on first use)"


def per_document(path: Path) -> dict:
    """riwaya's per-document stage on one core, after a warm-up."""
    from riwaya.analyze import analysis_dict, analyze, components
    from riwaya.ingest.readers import IngestError, read_paths
    t = time.perf_counter()
    components()
    load = time.perf_counter() - t
    docs = [d for d in read_paths([str(path)]) if not isinstance(d, IngestError)]
    analysis_dict(analyze(docs[0]))           # warm-up: lazy loads (word lists, models)
    try:                                      # and the English pipeline, which one article would
        from riwaya.ner import _spacy         # otherwise pay for (seconds of model loading)
        _spacy()
        from riwaya.events import english
        english._nlp()
        # and langid's model (a Latin-script paragraph's language; 2-3 s of loading, counted in the timed
        # loop of the first article with such a paragraph before)
        from riwaya.ingest.prepare import paragraph_language
        paragraph_language("The minister said on Sunday that the talks would go on in the capital.")
    except Exception:
        pass
    cpu0, t = time.process_time(), time.perf_counter()
    for d in docs:
        analysis_dict(analyze(d))
    dt, cpu = time.perf_counter() - t, time.process_time() - cpu0
    return {"docs": len(docs), "chars": sum(len(d.text) for d in docs), "seconds": dt, "cpu_seconds": cpu,
            "load_seconds": load}


# ------------------------------------------------------------------ builds
def _tree_rss(proc) -> int:
    total = 0
    try:
        procs = [proc] + proc.children(recursive=True)
    except Exception:
        return 0
    for p in procs:
        try:
            total += p.memory_info().rss
        except Exception:
            pass
    return total


def timed_build(paths: list[Path], db: Path, workers: int, engine: str = "local") -> dict:
    """One ``build`` in a fresh subprocess: wall time, phase times, peak memory."""
    try:
        import psutil
    except ImportError:        # without psutil only the largest single process is known
        psutil = None
    cmd = [sys.executable, __file__, "--_build", str(db), str(workers), engine, *map(str, paths)]
    t = time.perf_counter()
    p = subprocess.Popen(cmd, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
    proc, peak = (psutil.Process(p.pid) if psutil else None), 0
    while p.poll() is None:
        if proc is not None:
            peak = max(peak, _tree_rss(proc))
        time.sleep(0.2)
    out, err = p.communicate()
    wall = time.perf_counter() - t
    if p.returncode:
        raise RuntimeError(f"build failed ({p.returncode}): {err[-2000:]}")
    rep = json.loads(out.strip().splitlines()[-1])
    rep.update(wall=wall, peak_tree_rss_mb=peak / 2**20 if peak else float("nan"))
    return rep


def _run_build(db: str, workers: str, engine: str, *paths: str) -> None:
    """Child side of ``timed_build``."""
    from riwaya.pipeline import build
    r = build(list(paths), f"sqlite:///{db}", workers=int(workers), engine=engine, progress=False)
    me, kids = resource.getrusage(resource.RUSAGE_SELF), resource.getrusage(resource.RUSAGE_CHILDREN)
    cpu = me.ru_utime + me.ru_stime + kids.ru_utime + kids.ru_stime     # worker processes included
    print(json.dumps({"added": r.added, "skipped": r.skipped, "errors": len(r.errors), "documents": r.documents,
                      "timings": r.timings, "max_rss_mb": max(me.ru_maxrss, kids.ru_maxrss) / 1024,
                      "cpu_seconds": cpu, "error_samples": [str(e) for e in r.errors[:5]]}))


# ------------------------------------------------------------------ report
def machine() -> str:
    cpu = ""
    try:
        for line in open("/proc/cpuinfo"):
            if line.startswith("model name"):
                cpu = line.split(":", 1)[1].strip()
                break
    except OSError:
        pass
    mem = os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES") / 2**30
    return f"{cpu or platform.processor()}, {os.cpu_count()} cores, {mem:.0f} GiB, Python {platform.python_version()}"


def markdown(res: dict) -> str:
    pd, fl = res["per_document"], res["floor_sample"]
    out = [f"Machine: {res['machine']}; riwaya {res['version']} at {res['git']}; {res['date']}", ""]
    out += ["Per-document stage, one core, on the same %d articles (%.0f chars each on average):" %
            (pd["docs"], pd["chars"] / pd["docs"]), "",
            "| what | articles/s/core (wall) | articles per CPU-second | chars/s (wall) | time / floor |",
            "|---|---:|---:|---:|---:|"]
    rows = [("floor: read JSONL + regex tokenise", fl)]
    if res.get("peer_sample"):
        rows.append((res["peer_sample"]["name"], res["peer_sample"]))
    rows.append(("riwaya per-document stage (`analyze`)", pd))
    for name, r in rows:
        cpu = f"{r['docs'] / r['cpu_seconds']:,.1f}" if r.get("cpu_seconds") else "–"
        out.append(f"| {name} | {r['docs'] / r['seconds']:,.1f} | {cpu} | {r['chars'] / r['seconds']:,.0f} | "
                   f"{r['seconds'] / fl['seconds']:,.0f}× |")
    out += ["", "Ratios: time for the same articles divided by the floor's time (one core)."]
    out += ["", f"Peer not run: Farasa ({res['farasa']}).", "",
            f"Whole build (`build --workers {res['workers']}`, SQLite), incremental updates, peak memory:", "",
            "| articles | build wall | build CPU | read+hash | analyse+store | corpus stage | corpus ms/article | "
            "articles/s | peak RSS (all processes) | +10 articles | re-run, nothing new | floor (read+tokenise) |",
            "|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|"]
    for s in res["sizes"]:
        b, t = s["build"], s["build"]["timings"]
        cpu = f"{b['cpu_seconds']:.0f} s" if b.get("cpu_seconds") else "–"
        out.append(f"| {b['documents']:,} | {b['wall']:.1f} s | {cpu} | {t['read']:.1f} s | {t['analyse_store']:.1f} s | "
                   f"{t['corpus']:.1f} s | {1000 * t['corpus'] / b['documents']:.2f} | "
                   f"{b['documents'] / b['wall']:.1f} | {b['peak_tree_rss_mb']:,.0f} MB | " +
                   (f"{s['add10']['wall']:.1f} s (corpus {s['add10']['timings']['corpus']:.1f} s) | "
                    f"{s['rerun']['wall']:.1f} s | " if "add10" in s else "not run | not run | ") +
                   f"{s['floor']['seconds']:.2f} s |")
    if res.get("extrapolation"):
        out += ["", res["extrapolation"]]
    return "\n".join(out)


def extrapolate(res: dict, target: int) -> str | None:
    sizes = res["sizes"]
    if not sizes or max(s["build"]["documents"] for s in sizes) >= target:
        return None
    big = max(sizes, key=lambda s: s["build"]["documents"])
    n = big["build"]["documents"]
    t = big["build"]["timings"]
    per_doc = (t["read"] + t["analyse_store"]) / n
    exp = 1.0
    small = min(sizes, key=lambda s: s["build"]["documents"])
    if len(sizes) >= 2:
        import math
        n0, c0 = small["build"]["documents"], max(small["build"]["timings"]["corpus"], 1e-3)
        if n > n0 and t["corpus"] > 0:
            exp = math.log(max(t["corpus"], 1e-3) / c0) / math.log(n / n0)
    corpus = t["corpus"] * (target / n) ** max(exp, 1.0)
    total = per_doc * target + corpus
    return (f"Extrapolated, not measured: {target:,} articles ≈ {total / 60:.1f} min "
            f"({per_doc * target / 60:.1f} min per-document + {corpus / 60:.1f} min corpus stage, "
            f"corpus time growing as n^{max(exp, 1.0):.2f} from {small['build']['documents']:,} to {n:,}).")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--sizes", default="1000,5000,10000,all", help="comma-separated article counts; 'all' = every article")
    ap.add_argument("--quick", action="store_true", help="a short run: 300 articles, a 100-article sample")
    ap.add_argument("--sample", type=int, default=500, help="articles for the one-core per-document measurement")
    ap.add_argument("--workers", type=int, default=2)
    ap.add_argument("--engine", default="local", choices=["local", "ray"])
    ap.add_argument("--incremental-max", type=int, default=10**9,
                    help="measure '+10 articles' and 'nothing new' only for sizes up to this")
    ap.add_argument("--work", default="/tmp/riwaya-bench", help="folder for the JSONL files and stores")
    ap.add_argument("--out", default=None, help="JSON results (default WORK/results.json)")
    ap.add_argument("--data", default=str(DATA), help="SaudiNewsNet dataset folder (the zips)")
    ap.add_argument("--repeat", type=int, default=1, metavar="K",
                    help="timing only: the articles K times, each copy K spans of dates later (repeat_articles)")
    ap.add_argument("--report", metavar="RESULTS_JSON", help="only print the Markdown tables of a saved run")
    args = ap.parse_args()
    if args.report:
        res = json.loads(Path(args.report).read_text())
        if "all" not in args.sizes and not res.get("extrapolation"):
            res["extrapolation"] = extrapolate(res, 31030)
        print(markdown(res))
        return
    if args.quick:
        args.sizes, args.sample = "300", 100
    work = Path(args.work)
    work.mkdir(parents=True, exist_ok=True)
    want = [s.strip() for s in args.sizes.split(",") if s.strip()]
    limit = None if "all" in want or args.repeat > 1 else max(int(s) for s in want) + 10
    t = time.perf_counter()
    arts = load_articles(limit, Path(args.data))
    if args.repeat > 1:
        arts = repeat_articles(arts, args.repeat)
    print(f"loaded {len(arts):,} articles in {time.perf_counter() - t:.1f} s", file=sys.stderr)
    sizes = sorted({len(arts) - 10 if s == "all" else min(int(s), len(arts) - 10) for s in want})

    import riwaya
    git = subprocess.run(["git", "-C", str(ROOT), "rev-parse", "--short", "HEAD"], capture_output=True,
                         text=True).stdout.strip()
    dirty = subprocess.run(["git", "-C", str(ROOT), "status", "--porcelain", "riwaya"], capture_output=True,
                           text=True).stdout.strip()
    res = {"machine": machine(), "version": riwaya.__version__, "git": git + ("+dirty" if dirty else ""),
           "date": time.strftime("%Y-%m-%d %H:%M UTC", time.gmtime()), "workers": args.workers, "repeat": args.repeat,
           "farasa": farasa_available(), "sizes": []}

    sample = write_jsonl(arts[:args.sample], work / f"sample-{args.sample}.jsonl")
    res["floor_sample"] = floor(sample)
    res["peer_sample"] = peer(sample)
    print("per-document stage on one core ...", file=sys.stderr)
    res["per_document"] = per_document(sample)
    pd = res["per_document"]
    print(f"  {pd['docs'] / pd['seconds']:.1f} articles/s/core, {pd['chars'] / pd['seconds']:,.0f} chars/s",
          file=sys.stderr)

    for n in sizes:
        jl = write_shards(arts[:n], work / f"articles-{n}")
        extra = write_jsonl(arts[n:n + 10], work / f"articles-{n}-next10.jsonl")
        db = work / f"store-{n}.db"
        for f in (db, Path(f"{db}-wal"), Path(f"{db}-shm")):
            f.unlink(missing_ok=True)
        print(f"build {n:,} articles ...", file=sys.stderr)
        row = {"n": n, "floor": floor(jl)}
        row["build"] = timed_build([jl], db, args.workers, args.engine)
        if n <= args.incremental_max:
            row["add10"] = timed_build([jl, extra], db, args.workers, args.engine)
            row["rerun"] = timed_build([jl, extra], db, args.workers, args.engine)
        b = row["build"]
        print(f"  {b['wall']:.1f} s ({b['timings']}), peak {b['peak_tree_rss_mb']:.0f} MB, {b['errors']} errors; "
              f"+10: {row.get('add10', {}).get('wall', float('nan')):.1f} s; "
              f"nothing new: {row.get('rerun', {}).get('wall', float('nan')):.1f} s", file=sys.stderr)
        res["sizes"].append(row)
        out = Path(args.out or work / "results.json")
        out.write_text(json.dumps(res, indent=1))     # partial results survive an interrupted run
    if "all" not in want:
        res["extrapolation"] = extrapolate(res, 31030)
    out = Path(args.out or work / "results.json")
    out.write_text(json.dumps(res, indent=1))
    print(markdown(res))
    print(f"\nresults: {out}", file=sys.stderr)


if __name__ == "__main__":
    if len(sys.argv) > 1 and sys.argv[1] == "--_build":
        _run_build(*sys.argv[2:])
    else:
        main()
