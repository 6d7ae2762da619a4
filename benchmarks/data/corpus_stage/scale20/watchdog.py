"""Kill only the process tree rooted at PID when its summed RSS passes LIMIT_GB; log RSS every few s."""
import os, signal, sys, time
import psutil
root, limit, log = int(sys.argv[1]), float(sys.argv[2]) * 2**30, sys.argv[3]
stagelog = sys.argv[4] if len(sys.argv) > 4 else None
peak = 0
def tail():
    if not stagelog: return ""
    try:
        with open(stagelog, "rb") as f:
            f.seek(0, 2); n = f.tell(); f.seek(max(0, n - 400))
            lines = f.read().decode("utf-8", "replace").replace("\r", "\n").strip().splitlines()
            return lines[-1][-150:] if lines else ""
    except OSError: return ""
with open(log, "a", buffering=1) as out:
    try:
        p = psutil.Process(root)
    except psutil.NoSuchProcess:
        sys.exit(0)
    k = 0
    while p.is_running() and p.status() != psutil.STATUS_ZOMBIE:
        try:
            procs = [p] + p.children(recursive=True)
        except psutil.NoSuchProcess:
            break
        rss = 0
        for q in procs:
            try: rss += q.memory_info().rss
            except psutil.NoSuchProcess: pass
        peak = max(peak, rss)
        if rss > limit:
            out.write(f"{time.strftime('%H:%M:%S')} FIRED: tree RSS {rss/2**20:.0f} MB > limit; stage: {tail()}\n")
            for q in reversed(procs):
                try: q.send_signal(signal.SIGKILL)
                except psutil.NoSuchProcess: pass
            break
        if k % 15 == 0:
            out.write(f"{time.strftime('%H:%M:%S')} rss {rss/2**20:.0f} MB peak {peak/2**20:.0f} MB procs {len(procs)} | {tail()}\n")
        k += 1
        time.sleep(1)
    out.write(f"{time.strftime('%H:%M:%S')} end; peak tree RSS {peak/2**20:.0f} MB\n")
