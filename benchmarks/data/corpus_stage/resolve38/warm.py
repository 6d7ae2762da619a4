"""resolve38: blocks._resolve twice in one process on a store (argv code db out): the first call pays the
process's one-time loads (KB, lexicons, romaniser model, imports), the second is resolution alone; the second profiled."""
import sys, time, cProfile, pstats, io, json
CODE = sys.argv[1]; sys.path.insert(0, CODE)
from riwaya import blocks
from riwaya.store import Store
st = Store(f"sqlite:///{sys.argv[2]}")
out = {}
for i in range(3):
    prof = cProfile.Profile() if i == 2 else None
    c = time.process_time()
    with st.snapshot():
        if prof: prof.enable()
        ents = blocks._resolve(st, {})
        if prof: prof.disable()
    out[f"call{i+1}"] = round(time.process_time() - c, 2)
print(json.dumps(out), len(ents))
for key in ("cumulative", "tottime"):
    s = io.StringIO(); pstats.Stats(prof, stream=s).sort_stats(key).print_stats(35)
    open(sys.argv[3] + f".{key}.txt", "w").write(s.getvalue())
