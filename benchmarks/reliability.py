"""Reliability under hostile input: what `riwaya build` does with each bad input, how long
the slowest document takes per MB, what kill -9 leaves behind, and a seeded fuzz of long runs.

    .venv/bin/python benchmarks/reliability.py                 # every case, about 5 minutes
    .venv/bin/python benchmarks/reliability.py --only ar_run_40k,jsonl_types --limit 60
    .venv/bin/python benchmarks/reliability.py --json out.json

Every case runs the command line of the riwaya found on PYTHONPATH (so an older commit can
be measured the same way: `git archive COMMIT | tar -x -C /tmp/old` and PYTHONPATH=/tmp/old)
in a fresh process with a wall-clock limit (--limit, default 120 s) and an address-space
limit of 6 GB; the harness kills the whole process group past the limit and says so. Nothing
leaves 127.0.0.1 or the temporary folder.
"""
from __future__ import annotations

import argparse
import json
import os
import random
import resource
import signal
import sqlite3
import subprocess
import sys
import tempfile
import time
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
CORPUS = ROOT / "corpus" / "fall-of-assad"
AR = "ابتثجحخدذرسشصضطظعغفقكلمنهويءآأإؤئىة"
UNSAFE = "\x00\r\u202a\u202b\u202c\u202d\u202e\u2066\u2067\u2068\u2069\u200e\u200f"


def _mem_limit():
    resource.setrlimit(resource.RLIMIT_AS, (6_000_000_000, 6_000_000_000))
    os.setsid()


def _tree_rss(pid: int) -> int:
    """Resident memory of a process and its descendants, bytes."""
    kids: dict[int, list[int]] = {}
    rss: dict[int, int] = {}
    for p in Path("/proc").iterdir():
        if not p.name.isdigit():
            continue
        try:
            stat = (p / "stat").read_text().rsplit(")", 1)[1].split()
            rss[int(p.name)] = int(stat[21]) * os.sysconf("SC_PAGE_SIZE")
            kids.setdefault(int(stat[1]), []).append(int(p.name))
        except (OSError, IndexError, ValueError):
            continue
    total, todo = 0, [pid]
    while todo:
        q = todo.pop()
        total += rss.get(q, 0)
        todo += kids.get(q, [])
    return total


def run(args: list[str], limit: float, env: dict | None = None) -> dict:
    """Run the riwaya CLI; wall time, peak memory of the process tree, exit code, stderr."""
    t = time.monotonic()
    p = subprocess.Popen([sys.executable, "-m", "riwaya.cli", *args], stdout=subprocess.PIPE,
                         stderr=subprocess.PIPE, text=True, preexec_fn=_mem_limit,
                         env={**os.environ, **(env or {})})
    peak, killed = 0, False
    while p.poll() is None:
        peak = max(peak, _tree_rss(p.pid))
        if time.monotonic() - t > limit:
            os.killpg(p.pid, signal.SIGKILL)
            killed = True
            break
        time.sleep(0.2)
    out, err = p.communicate()
    return {"rc": p.returncode, "seconds": round(time.monotonic() - t, 1), "peak_mb": peak // 2**20,
            "killed_by_harness": killed, "stderr": err, "stdout": out}


def stored(db: Path) -> list[tuple]:
    if not db.exists():
        return []
    with sqlite3.connect(f"file:{db}?mode=ro", uri=True, timeout=10) as c:
        return c.execute("SELECT path, text, languages FROM documents").fetchall()


def error_lines(err: str) -> list[str]:
    return [x for x in err.splitlines() if x.startswith("error:")]


# ---------------------------------------------------------------- hostile inputs
def english_paragraph(size: int) -> str:
    paras = [p for f in sorted(CORPUS.glob("*.txt")) for p in f.read_text(encoding="utf-8").split("\n")
             if sum(c.isascii() and c.isalpha() for c in p) > 0.6 * max(len(p), 1) and len(p) > 80]
    text = " ".join(paras)
    return (text + " ") * (size // (len(text) + 1) + 1)


def corpus_text() -> str:
    return "\n".join(f.read_text(encoding="utf-8") for f in sorted(CORPUS.glob("*.txt")))


def cases(tmp: Path) -> dict:
    """name -> (paths to build, bytes of text, what a good outcome is)"""
    out = {}

    def write(name: str, files: dict[str, str | bytes]) -> list[str]:
        d = tmp / name
        d.mkdir()
        for fn, data in files.items():
            (d / fn).write_bytes(data if isinstance(data, bytes) else data.encode("utf-8"))
        return [str(d)]

    ok = "قال مصدر في دمشق إن الرئيس غادر المدينة فجر الأحد."
    out["baseline_one_sentence"] = (write("baseline", {"a.txt": ok}), 0, "stored (start-up and corpus stage)")
    run40 = (AR * 2000)[:40_000]
    out["ar_run_40k"] = (write("ar_run_40k", {"a.txt": run40}), len(run40.encode()), "stored")
    run2m = (AR * 60_000)[:2_000_000]
    out["ar_run_2mb"] = (write("ar_run_2mb", {"a.txt": run2m}), len(run2m.encode()), "stored or refused")
    en = english_paragraph(300_000)[:300_000]
    out["en_paragraph_300kb"] = (write("en_paragraph_300kb", {"a.txt": en}), len(en.encode()), "stored or failed fast")
    big = (corpus_text() + "\n") * 120
    big = big[: 5 * 2**20 // 2]
    out["article_5mb"] = (write("article_5mb", {"a.txt": big}), len(big.encode()), "stored or refused")
    lines = [{"text": ok}, {"text": 123}, {"text": ok + " ١", "languages": "ar"},
             {"text": ok + " ٢", "published": "yesterday"}, {"text": ok + " ٣", "url": 5}, {"text": ok + " ٤"}]
    out["jsonl_types"] = (write("jsonl_types", {"a.jsonl": "\n".join(json.dumps(x, ensure_ascii=False)
                                                                       for x in lines)}), 0, "2 stored, 4 named")
    d = tmp / "symlink_loops"
    (d / "a").mkdir(parents=True)
    (d / "b").mkdir()
    (d / "a" / "to_b").symlink_to(d / "b")
    (d / "b" / "to_a").symlink_to(d / "a")
    (d / "a" / "self").symlink_to(d / "a")
    (d / "b" / "again").symlink_to(d / "b")
    (d / "a" / "x.txt").write_text(ok, encoding="utf-8")
    out["glob_symlink_loops"] = ([f"{d}/**/*.txt"], 0, "1 stored")
    names = {"bad\nname\u202etxt.exe.txt": b"\x00\x01binary" * 50, "ok\u2066.txt": b"", "\u200fe.txt": b"  \n"}
    out["bad_file_names"] = (write("bad_file_names", names), 0, "3 errors, one escaped line each")
    rng = random.Random(19)
    classes = [AR, "بًٌٍَُِّْـ", "0123456789٠١٢٣", ".,،؛:!?؟()«»\"'-_#@", "abcdefghijXYZ", "بشارAssad١٢3_#\u200f"]
    fuzz = {}
    for n in range(24):
        unit = "".join(rng.choice(rng.choice(classes)) for _ in range(rng.randint(1, 9)))
        fuzz[f"f{n:02d}.txt"] = (unit * (20_000 // len(unit) + 1))[:20_000]
    out["fuzz_24_runs_20k"] = (write("fuzz", fuzz), 24 * 20_000, "all stored")
    return out


def hostile(tmp: Path, limit: float, only: set[str] | None) -> list[dict]:
    """Each case built in a fresh process; s_per_mb is the time above the baseline build
    (one sentence: start-up, model loading, corpus stage) per MB of the case's text."""
    rows = []
    base = 0.0
    for name, (paths, nbytes, good) in cases(tmp).items():
        if only and name not in only and name != "baseline_one_sentence":
            continue
        db = tmp / f"{name}.db"
        r = run(["build", *paths, "--db", f"sqlite:///{db}", "-q"], limit)
        docs = stored(db) if not r["killed_by_harness"] else []
        errs = error_lines(r["stderr"])
        raw_tail = [x for x in r["stderr"].splitlines() if x and not x.startswith(("error:", "added", "riwaya:"))]
        outcome = ("killed by the harness after %d s" % limit if r["killed_by_harness"] else
                   "traceback" if "Traceback" in r["stderr"] else f"exit {r['rc']}")
        row = {"case": name, "expected": good, "outcome": outcome, "seconds": r["seconds"], "peak_mb": r["peak_mb"],
               "stored": len(docs), "errors": len(errs),
               "unsafe_error_chars": sum(any(c in x for c in UNSAFE) for x in errs) + len(raw_tail),
               "first_error": errs[0][:160] if errs else "",
               "s_per_mb": round(max(0.0, r["seconds"] - base) / (nbytes / 2**20), 1) if nbytes >= 2**16 else None}
        if name == "baseline_one_sentence":
            base = r["seconds"]
        if name == "jsonl_types":
            row["junk_stored"] = sum(1 for _, text, langs in docs if text == "123" or langs == '["a", "r"]')
        rows.append(row)
        print(json.dumps(row, ensure_ascii=False), flush=True)
    return rows


# ---------------------------------------------------------------- kill -9 and races


def kills(tmp: Path, rounds: int, limit: float) -> dict:
    """kill -9 of the build process alone (not its group) at random moments of a --workers 2
    build: orphan workers left, store intact, documents lost after a re-run."""
    sys.path.insert(0, str(ROOT))
    from tests.procs import alive, children
    from tests.test_kill import _bundled_articles, _count
    src = tmp / "kill.jsonl"
    arts = _bundled_articles()[:120]
    src.write_text("".join(json.dumps(a, ensure_ascii=False) + "\n" for a in arts), encoding="utf-8")
    rng = random.Random(9)
    orphans = broken = lost = 0
    for k in range(rounds):
        db = tmp / f"kill{k}.db"
        args = [sys.executable, "-m", "riwaya.cli", "build", str(src), "--db", f"sqlite:///{db}", "-q", "--workers", "2"]
        p = subprocess.Popen(args, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL, start_new_session=True)
        want = rng.randint(5, 40)
        t = time.monotonic()
        while p.poll() is None and _count(db) < want and time.monotonic() - t < limit:
            time.sleep(0.05)
        kids = children(p.pid)
        os.kill(p.pid, signal.SIGKILL)
        p.wait()
        time.sleep(3)
        left = [c for c in kids if alive(c)]
        orphans += len(left)
        for c in left:
            os.kill(c, signal.SIGKILL)
        with sqlite3.connect(str(db), timeout=30) as c:
            ok = c.execute("PRAGMA integrity_check").fetchone()[0] == "ok"
            docs = {r[0] for r in c.execute("SELECT id FROM documents")}
            ana = {r[0] for r in c.execute("SELECT doc_id FROM analyses")}
        broken += (not ok) or docs != ana
        r = subprocess.run(args, capture_output=True, text=True, timeout=limit * 3)
        with sqlite3.connect(str(db), timeout=30) as c:
            final = c.execute("SELECT COUNT(*) FROM documents").fetchone()[0]
        lost += len({a["text"] for a in arts}) - final
        print(json.dumps({"kill": k, "at_documents": len(docs), "orphans": len(left), "intact": ok and docs == ana,
                          "rerun_rc": r.returncode, "final": final}), flush=True)
    return {"kills": rounds, "orphan_workers": orphans, "broken_stores": broken, "documents_lost": lost}


def races(tmp: Path, rounds: int) -> dict:
    code = "import sys; from riwaya.store import Store; Store(sys.argv[1]).count()"
    failed = 0
    for k in range(rounds):
        url = f"sqlite:///{tmp / f'race{k}.db'}"
        ps = [subprocess.Popen([sys.executable, "-c", code, url], stderr=subprocess.PIPE, text=True) for _ in range(2)]
        codes = [(p.communicate(), p.returncode)[1] for p in ps]
        failed += any(codes)
    return {"rounds": rounds, "processes": 2, "failed_rounds": failed}


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--limit", type=float, default=120, help="seconds before the harness kills a build")
    ap.add_argument("--only", default="", help="comma-separated case names (default: all)")
    ap.add_argument("--kills", type=int, default=3)
    ap.add_argument("--races", type=int, default=8)
    ap.add_argument("--json", default=None)
    a = ap.parse_args()
    only = set(a.only.split(",")) - {""} or None
    with tempfile.TemporaryDirectory(prefix="riwaya-rel-") as tmp:
        tmp = Path(tmp)
        res = {"hostile": hostile(tmp, a.limit, only)}
        if not only or "races" in only:
            res["races"] = races(tmp, a.races)
            print(json.dumps(res["races"]), flush=True)
        if (not only or "kills" in only) and a.kills:
            res["kill9"] = kills(tmp, a.kills, a.limit)
            print(json.dumps(res["kill9"]), flush=True)
    rows = res["hostile"]
    per_mb = [r for r in rows if r["s_per_mb"] is not None and r["stored"]]
    res["slowest_stored_s_per_mb"] = max((r["s_per_mb"] for r in per_mb), default=None)
    print("\n| case | expected | outcome | s | peak MB | stored | errors | unsafe error lines | first error |")
    print("|---|---|---|---:|---:|---:|---:|---:|---|")
    for r in rows:
        print(f"| {r['case']} | {r['expected']} | {r['outcome']} | {r['seconds']} | {r['peak_mb']} | {r['stored']}"
              f"{' (junk %d)' % r['junk_stored'] if r.get('junk_stored') else ''} | {r['errors']} | "
              f"{r['unsafe_error_chars']} | {r['first_error'][:90].replace('|', '/')} |")
    print(f"\nslowest stored document: {res['slowest_stored_s_per_mb']} s/MB")
    if a.json:
        Path(a.json).write_text(json.dumps(res, ensure_ascii=False, indent=1), encoding="utf-8")


if __name__ == "__main__":
    main()
