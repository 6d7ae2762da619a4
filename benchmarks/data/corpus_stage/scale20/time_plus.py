"""The + 10 on a copy of base-N-TAG.db with the reconciler's steps timed (process_time, no profiler)."""
import sys, os, sqlite3, time, json
from pathlib import Path
from collections import defaultdict
CODE = os.environ.get("CODE", "/work/wt/scale20")
sys.path.insert(0, CODE); sys.path.insert(0, CODE + "/benchmarks")
import corpus_stage as cs
from riwaya import blocks
from riwaya.reconcile import core, values
from riwaya.store import Store
n, tag = int(sys.argv[1]), sys.argv[2]
W = Path("/tmp/scale20/x")
db = W / f"time-{n}.db"
db.unlink(missing_ok=True)
with sqlite3.connect(W / f"base-{n}-{tag}.db") as s, sqlite3.connect(db) as d:
    s.backup(d)
cs.add_documents(Path(os.environ["SRC"]), db, n - 10, 10)
acc = defaultdict(float); cnt = defaultdict(int)
def wrap(mod, name, label=None):
    f = getattr(mod, name)
    label = label or name
    def g(*a, **k):
        t = time.process_time()
        try:
            return f(*a, **k)
        finally:
            acc[label] += time.process_time() - t; cnt[label] += 1
    setattr(mod, name, g)
for name in ["canonical_mentions", "_features", "cluster_subparts", "_merged", "subpart_units",
             "unit_key", "narrative_units", "_build_event", "event_conflicts", "_as_written", "adopt_narrative_movers",
             "distinct_conflicts", "side_judge", "context_values", "_ties", "_doc_routes", "_pair_score", "_pair_ok",
             "_place_compat", "_canonical", "_sentence_words", "_trigger_window", "_own_agent", "possessed",
             "_told_at", "_own_amount", "_fine_places", "_sentence_numbers", "_mark_first", "_link_actors",
             "_actor_named", "own_agent", "_is_actor"]:
    if hasattr(core, name):
        wrap(core, name)
wrap(blocks, "reconcile_block")
wrap(blocks, "fingerprints")
import gc
gct = defaultdict(float); gcn = defaultdict(int); _g0 = [0.0]
def _gccb(phase, info):
    if phase == "start":
        _g0[0] = time.process_time()
    else:
        gct[info["generation"]] += time.process_time() - _g0[0]; gcn[info["generation"]] += 1
if os.environ.get("GC_COUNT") == "1":   # (was gc_plus3.py) the collections' CPU by generation; FREEZE=0/1, FREEZE_START=1
    gc.callbacks.append(_gccb)
    blocks.FREEZE = os.environ.get("FREEZE", "1") == "1"
    if os.environ.get("FREEZE_START") == "1":
        gc.freeze()
fig = blocks.refresh_store(Store(f"sqlite:///{db}"))
print(json.dumps(fig["cpu_seconds"]))
for k in sorted(acc, key=lambda k: -acc[k]):
    print(f"{k:24s} {acc[k]:7.2f} s  {cnt[k]:8d} calls")
print(json.dumps(cs.digest(db)))
if os.environ.get("GC_COUNT") == "1":
    print("gc seconds by generation", dict(gct), dict(gcn))
db.unlink()
