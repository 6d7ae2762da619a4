import sys, os, sqlite3, time, json, shutil
from pathlib import Path
from collections import defaultdict
CODE = os.environ.get("CODE", "/work/wt/scale21")
sys.path.insert(0, CODE); sys.path.insert(0, CODE + "/benchmarks")
import corpus_stage as cs
from riwaya import blocks, store as rstore
from riwaya.reconcile import core, conflicts, narrative
from riwaya.store import Store
W = Path("/tmp/scale21")
tag = sys.argv[1]
db = W / f"tp-{tag}.db"; db.unlink(missing_ok=True)
with sqlite3.connect(W / f"base-3000-{tag}.db") as s, sqlite3.connect(db) as d:
    s.backup(d)
cs.add_documents(Path("/tmp/i18/src7k.db"), db, 2990, 10)
acc = defaultdict(float); cnt = defaultdict(int)
def wrap(mod, name, label=None):
    f = getattr(mod, name); label = label or name
    def g(*a, **k):
        t = time.process_time()
        try: return f(*a, **k)
        finally: acc[label] += time.process_time() - t; cnt[label] += 1
    setattr(mod, name, g)
for name in ["canonical_mentions", "_features", "cluster_subparts", "scored_pairs", "_merged", "subpart_units", "unit_key",
             "narrative_units", "_build_event", "event_conflicts", "_as_written", "adopt_narrative_movers",
             "distinct_conflicts", "side_judge", "context_values", "_ties", "_doc_routes", "_place_compat", "_accounts", "_houses",
             "translations_by_doc", "mention_blocks", "candidate_index_pairs"]:
    if hasattr(core, name): wrap(core, name)
if hasattr(core, "PairMemo"):
    _c = core.PairMemo.compared
    def _cc(self, *a, **k):
        t = time.process_time(); out = _c(self, *a, **k); acc["PairMemo.compared"] += time.process_time() - t
        cnt["pairs_made"] += self.made; cnt["pairs_reused"] += self.reused; return out
    core.PairMemo.compared = _cc
    _d = core.PairMemo.mention_digest
    def _dd(self, i):
        t = time.process_time(); out = _d(self, i); acc["mention_digest"] += time.process_time() - t; return out
    core.PairMemo.mention_digest = _dd
wrap(core.Entities, "__init__", "Entities.__init__")
wrap(blocks, "reconcile_block"); wrap(blocks, "fingerprints")
wrap(rstore.CorpusWriter, "reuse_renamed", "reuse_renamed"); wrap(rstore.CorpusWriter, "reuse", "reuse"); wrap(rstore.CorpusWriter, "add", "writer.add")
fig = blocks.refresh_store(Store(f"sqlite:///{db}"))
print(json.dumps(fig["cpu_seconds"]))
for k in sorted(acc, key=lambda k: -acc[k]):
    print(f"{k:24s} {acc[k]:7.2f} s  {cnt[k]:8d} calls")
db.unlink()
