"""Reads while uploads run, and writes that should be refused: `riwaya serve` on 127.0.0.1 only.

    .venv/bin/python benchmarks/server_load.py                 # 20 concurrent uploads
    .venv/bin/python benchmarks/server_load.py --uploads 1 --bytes 80000     # one long article

It builds the bundled corpus into a fresh SQLite store, starts `riwaya serve` on a free
loopback port, then:
1. GETs `/api/entities?limit=20` back to back (one client) while N uploads are sent at
   once (real articles from SaudiNewsNet when ../shared has them, else the bundled
   texts with a line added), until every upload has been processed (for a server with
   a job queue: every job done or failed). Prints GET p50 / p99 / max.
2. Tries writes that must be refused (no token, a wrong token, the token from a
   cross-site Origin, the token under a foreign Host as DNS rebinding would send it)
   and a rebinding read of `/api/export`; counts those the server accepted.
Everything stops by itself (``--timeout``), and the server is stopped at the end.
Works against older servers too (no token, uploads built inside the request).
"""
from __future__ import annotations

import argparse
import json
import os
import shutil
import signal
import socket
import statistics
import subprocess
import sys
import tempfile
import threading
import time
import zipfile
from pathlib import Path

import httpx

ROOT = Path(__file__).resolve().parents[1]
SAUDI = ROOT.parent / "shared" / "data" / "saudinewsnet" / "dataset"


def free_port() -> int:
    s = socket.socket()
    s.bind(("127.0.0.1", 0))
    port = s.getsockname()[1]
    s.close()
    return port


def texts(n: int, size: int = 0) -> list[tuple[str, bytes]]:
    """n distinct articles; with ``size``, each grown to at least that many bytes from the next ones."""
    if size:
        pool = texts(n * 10)
        out, k = [], 0
        for i in range(n):
            body = b""
            while len(body) < size:
                body += pool[k % len(pool)][1] + b"\n\n"
                k += 1
            out.append((f"long-{i:02d}.txt", body + f"\n{i}".encode()))
        return out
    out: list[tuple[str, bytes]] = []
    for z in sorted(SAUDI.glob("*.zip")) if SAUDI.exists() else []:
        with zipfile.ZipFile(z) as zf:
            for name in zf.namelist():
                for a in json.loads(zf.read(name)):
                    if len(a.get("content") or "") > 1500:
                        out.append((f"saudi-{len(out):02d}.txt", a["content"].encode("utf-8")))
                    if len(out) == n:
                        return out
    corpus = sorted((ROOT / "corpus" / "fall-of-assad").glob("*.txt"))
    while len(out) < n:
        f = corpus[len(out) % len(corpus)]
        out.append((f"up-{len(out):02d}.txt", f.read_bytes() + f"\n\nسطر للاختبار رقم {len(out)}".encode()))
    return out


def pct(xs: list[float], p: float) -> float:
    xs = sorted(xs)
    return xs[min(len(xs) - 1, int(round(p / 100 * (len(xs) - 1))))] if xs else float("nan")


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--uploads", type=int, default=20)
    ap.add_argument("--bytes", type=int, default=0, help="grow each upload to at least this size (e.g. 80000)")
    ap.add_argument("--timeout", type=float, default=600, help="seconds; everything stops after this")
    ap.add_argument("--out", default=None, help="write the figures as JSON here")
    a = ap.parse_args()
    py = sys.executable
    env = {**os.environ, "PYTHONPATH": str(ROOT)}
    work = Path(tempfile.mkdtemp(prefix="riwaya-serverload-"))
    db = f"sqlite:///{work / 'load.db'}"
    subprocess.run([py, "-m", "riwaya.cli", "build", str(ROOT / "corpus"), "--db", db, "-q"],
                   env=env, check=True, timeout=a.timeout)
    port = free_port()
    base = f"http://127.0.0.1:{port}"
    help_text = subprocess.run([py, "-m", "riwaya.cli", "serve", "--help"], env=env, capture_output=True, text=True).stdout
    args = [py, "-m", "riwaya.cli", "serve", "--db", db, "--host", "127.0.0.1", "--port", str(port)]
    token = None
    if "--token-file" in help_text:
        args += ["--token-file", str(work / "token")]
    server = subprocess.Popen(args, env=env, stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True,
                              start_new_session=True)
    deadline = time.monotonic() + a.timeout
    res: dict = {"uploads": a.uploads, "bytes_each": a.bytes or None}
    try:
        for _ in range(600):
            try:
                if httpx.get(base + "/api/entities?limit=1", timeout=2).status_code == 200:
                    break
            except httpx.HTTPError:
                time.sleep(0.1)
        if (work / "token").exists():
            token = (work / "token").read_text().strip()
        auth = {"Authorization": f"Bearer {token}"} if token else {}
        docs_before = len(httpx.get(base + "/api/documents", timeout=60).json())

        # 1. reads during concurrent uploads
        lat: list[float] = []
        errors: list[str] = []
        done = threading.Event()

        def reader():
            with httpx.Client(timeout=120) as c:
                while not done.is_set() and time.monotonic() < deadline:
                    t = time.perf_counter()
                    try:
                        r = c.get(base + "/api/entities", params={"limit": 20})
                        if r.status_code != 200:
                            errors.append(f"GET {r.status_code}")
                    except httpx.HTTPError as e:
                        errors.append(f"GET {type(e).__name__}")
                    lat.append(time.perf_counter() - t)
                    time.sleep(0.02)

        answers: list = [None] * a.uploads
        files = texts(a.uploads, a.bytes)

        def upload(i: int):
            name, data = files[i]
            try:
                with httpx.Client(timeout=max(1.0, deadline - time.monotonic())) as c:
                    r = c.post(base + "/api/documents", params={"filename": name}, content=data,
                               headers={"content-type": "text/plain", **auth})
                answers[i] = (r.status_code, r.json() if r.headers.get("content-type", "").startswith("application/json") else r.text)
            except httpx.HTTPError as e:
                answers[i] = (None, f"{type(e).__name__}: {e}")

        rt = threading.Thread(target=reader, daemon=True)
        rt.start()
        time.sleep(1.0)
        t0 = time.perf_counter()
        ups = [threading.Thread(target=upload, args=(i,), daemon=True) for i in range(a.uploads)]
        for t in ups:
            t.start()
        for t in ups:
            t.join(max(0.0, deadline - time.monotonic()))
        t_answered = time.perf_counter() - t0
        jobs = [j for s, j in (x or (None, None) for x in answers) if s == 202 and isinstance(j, dict) and j.get("job")]
        states: dict = {}
        while jobs and time.monotonic() < deadline:
            states = {j["job"]: httpx.get(f"{base}/api/jobs/{j['job']}", timeout=30).json().get("status") for j in jobs}
            if all(s in ("done", "failed") for s in states.values()):
                break
            time.sleep(0.5)
        t_processed = time.perf_counter() - t0
        done.set()
        rt.join(130)
        docs_after = len(httpx.get(base + "/api/documents", timeout=60).json())
        res.update({
            "get_n": len(lat), "get_p50_ms": round(1000 * pct(lat, 50), 1), "get_p99_ms": round(1000 * pct(lat, 99), 1),
            "get_max_ms": round(1000 * max(lat), 1) if lat else None, "get_mean_ms": round(1000 * statistics.mean(lat), 1) if lat else None,
            "get_errors": len(errors), "upload_status": sorted({str(s) for s, _ in (x or (None, None) for x in answers)}),
            "uploads_answered_s": round(t_answered, 1), "uploads_processed_s": round(t_processed, 1),
            "job_states": {s: list(states.values()).count(s) for s in set(states.values())},
            "documents_before": docs_before, "documents_after": docs_after,
        })

        # 2. writes that must be refused, and a rebinding read
        probe = "نص للاختبار من صفحة غريبة {}".format
        tries = {
            "no token": {},
            "wrong token": {"Authorization": "Bearer not-the-token"},
            "token, cross-site Origin": {**auth, "Origin": "http://evil.example"},
            "token, foreign Host (DNS rebinding)": {**auth, "Host": "evil.example"},
        }
        accepted = {}
        for i, (what, h) in enumerate(tries.items()):
            if what.startswith("token") and not token:
                h = {k: v for k, v in h.items() if k != "Authorization"}
            r = httpx.post(base + "/api/documents", params={"filename": f"probe{i}.txt"}, content=probe(i).encode(),
                           headers={"content-type": "text/plain", **h}, timeout=max(1.0, deadline - time.monotonic()))
            accepted[what] = r.status_code
        r = httpx.get(base + "/api/export", headers={"Host": "evil.example"}, timeout=60)
        res["refusals"] = accepted
        res["unauthenticated_writes_accepted"] = sum(1 for s in accepted.values() if s < 300)
        res["rebinding_read_status"] = r.status_code
    finally:
        try:
            os.killpg(server.pid, signal.SIGTERM)
            server.wait(20)
        except (ProcessLookupError, subprocess.TimeoutExpired):
            os.killpg(server.pid, signal.SIGKILL)
        shutil.rmtree(work, ignore_errors=True)
    print(json.dumps(res, ensure_ascii=False, indent=1))
    if a.out:
        Path(a.out).write_text(json.dumps(res, ensure_ascii=False, indent=1))


if __name__ == "__main__":
    main()
