"""Driver CPU of a Ray per-document stage handing dicts vs JSON text (lead, thirty-first session)."""
import json, resource, sys, time, tempfile, os
from riwaya.ingest.readers import read_paths, IngestError
from riwaya.pipeline import analyze_many
from riwaya.store import Store
from riwaya.engines import ray_session
docs = [d for d in read_paths([sys.argv[1]]) if not isinstance(d, IngestError)][:int(sys.argv[2])]
def cpu(): r = resource.getrusage(resource.RUSAGE_SELF); return r.ru_utime + r.ru_stime
with ray_session():
    list(analyze_many(docs[:4], engine="ray"))     # warm the workers
    for rnd in range(2):
        for as_json in (False, True):
            d = tempfile.mkdtemp(); st = Store(f"sqlite:///{d}/x.db")
            c0, w0 = cpu(), time.perf_counter()
            items = list(analyze_many(docs, engine="ray", as_json=as_json, keep_going=True))
            for i in range(0, len(items), 16):
                st.add_many(items[i:i+16], "bench")
            print(json.dumps({"round": rnd, "as_json": as_json, "docs": len(items),
                              "driver_cpu_ms_per_doc": round(1000 * (cpu() - c0) / len(items), 2),
                              "wall_s": round(time.perf_counter() - w0, 1)}), flush=True)
