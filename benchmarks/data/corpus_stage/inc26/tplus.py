import sys, os, sqlite3, time, json, shutil
from pathlib import Path
from collections import defaultdict
CODE = os.environ.get("CODE", "/work/wt/inc26")
sys.path.insert(0, CODE); sys.path.insert(0, CODE + "/benchmarks")
import corpus_stage as cs
from riwaya import blocks, store as rstore
from riwaya.reconcile import core, conflicts, narrative
from riwaya.store import Store
db = Path(sys.argv[1])
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
             "translations_by_doc", "mention_blocks", "candidate_pairs", "_event_id"]:
    if hasattr(core, name): wrap(core, name)
wrap(core.Entities, "__init__", "Entities.__init__")
wrap(blocks, "reconcile_block"); wrap(blocks, "fingerprints")
wrap(rstore.CorpusWriter, "reuse_renamed", "reuse_renamed"); wrap(rstore.CorpusWriter, "reuse", "reuse"); wrap(rstore.CorpusWriter, "add", "writer.add")
fig = blocks.refresh_store(Store(f"sqlite:///{db}"))
print(json.dumps({k: round(v, 2) for k, v in fig["cpu_seconds"].items()}))
print(json.dumps({k: fig.get(k) for k in ("parts_reconciled", "parts", "mentions_reconciled", "parts_new_doc", "parts_new_doc_mentions", "events_reconciled", "subparts_carried_over", "largest_block_mentions", "blocks")}))
for k in sorted(acc, key=lambda k: -acc[k]):
    print(f"{k:24s} {acc[k]:7.2f} s  {cnt[k]:8d} calls")
