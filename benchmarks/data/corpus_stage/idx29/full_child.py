import os, sys, json, time
code, db = sys.argv[1], sys.argv[2]
sys.path.insert(0, os.path.join(code, "benchmarks")); sys.path.insert(0, code)
from riwaya import blocks
from riwaya.store import Store
import corpus_stage as cs
t = time.process_time()
f = blocks.refresh_store(Store(f"sqlite:///{db}"), full=True)
print(json.dumps({"tag": "M7749:plus_full", "cpu_total": round(sum(f["cpu_seconds"].values()), 2),
                  "cpu": {k: round(v, 2) for k, v in f["cpu_seconds"].items()}, "load": cs._loadavg(),
                  "parts": f.get("parts"), "parts_reconciled": f.get("parts_reconciled"), "stories": f.get("stories"),
                  "digest": cs.digest(db)}))
