"""inc37: load30's tplus.py (the reconciler's functions timed with process_time on a + 10 store: argv code
db), MergeMemo timed too.
Run from the code's root with its .venv; the store a copy (exp.py's plus_copy). Nested functions are counted in
their callers too (cluster_subparts holds the scoring)."""
import sys, os, time, json
from collections import defaultdict
CODE = sys.argv[1]
sys.path.insert(0, CODE); sys.path.insert(0, CODE + "/benchmarks")
from riwaya import blocks
from riwaya.reconcile import core, pair_memo
from riwaya.store import Store
acc = defaultdict(float); cnt = defaultdict(int)


def wrap(obj, name, label=None):
    f = getattr(obj, name); label = label or name

    def g(*a, **k):
        t = time.process_time()
        try:
            return f(*a, **k)
        finally:
            acc[label] += time.process_time() - t; cnt[label] += 1
    setattr(obj, name, g)


for name in ["canonical_mentions", "_features", "cluster_subparts", "scored_pairs", "_merged", "subpart_units",
             "unit_key", "narrative_units", "_build_event", "event_conflicts", "mention_blocks", "side_judge"]:
    if hasattr(core, name):
        wrap(core, name)
wrap(pair_memo.PairMemo, "_key", "PairMemo._key"); wrap(pair_memo.PairMemo, "units", "PairMemo.units")
wrap(pair_memo.PairMemo, "_pair", "PairMemo._pair")
if hasattr(pair_memo, "PairScores"):
    for n in ("rows", "flush", "scored_pairs"):
        wrap(pair_memo.PairScores, n, "PairScores." + n)
if hasattr(pair_memo, "MergeMemo"):
    wrap(pair_memo.MergeMemo, "merged", "MergeMemo.merged"); wrap(pair_memo.MergeMemo, "key", "MergeMemo.key")
wrap(blocks, "reconcile_block")
fig = blocks.refresh_store(Store(f"sqlite:///{sys.argv[2]}"))
print(json.dumps({k: round(v, 2) for k, v in fig["cpu_seconds"].items()}))
print(json.dumps({k: fig.get(k) for k in ("parts_reconciled", "mentions_reconciled", "pairs_scored", "pairs_read_back",
                                          "subparts_merged", "subparts_merge_read_back")}))
for k in sorted(acc, key=lambda k: -acc[k]):
    print(f"{k:24s} {acc[k]:7.2f} s  {cnt[k]:8d} calls")
