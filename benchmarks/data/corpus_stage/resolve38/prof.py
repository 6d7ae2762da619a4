"""resolve38: cProfile of the corpus stage's resolve step (blocks._resolve) on one store: argv code db out_prefix.
Only _resolve is profiled (enable/disable around it); the rest of the stage runs unprofiled."""
import sys, os, cProfile, pstats, io, json, time
CODE = sys.argv[1]
sys.path.insert(0, CODE); sys.path.insert(0, CODE + "/benchmarks")
from riwaya import blocks
from riwaya.store import Store
prof = cProfile.Profile()
f0 = blocks._resolve
t = {}
def g(*a, **k):
    c = time.process_time(); prof.enable()
    try:
        return f0(*a, **k)
    finally:
        prof.disable(); t["resolve_cpu"] = time.process_time() - c
blocks._resolve = g
fig = blocks.refresh_store(Store(f"sqlite:///{sys.argv[2]}"))
print(json.dumps({k: round(v, 2) for k, v in fig["cpu_seconds"].items()}), t)
prof.dump_stats(sys.argv[3] + ".prof")
for key in ("cumulative", "tottime"):
    s = io.StringIO(); pstats.Stats(prof, stream=s).sort_stats(key).print_stats(30)
    open(sys.argv[3] + f".{key}.txt", "w").write(s.getvalue())
