"""cProfile (process time) of one corpus stage run, and, per reconciler call, its sub-parts: how many mentions sit in
a sub-part that holds a new document's mention (what an index of stored mentions would leave to pair again)."""
import os, sys, cProfile, time, json
code, db, out = sys.argv[1], sys.argv[2], sys.argv[3]
sys.path.insert(0, os.path.join(code, "benchmarks")); sys.path.insert(0, code)
import corpus_stage
from riwaya.store import Store
from riwaya.reconcile import core
st = Store(f"sqlite:///{db}")
old = set(st.corpus_document_ids())
new = {d["id"] for d in st.documents()} - old
rec = []
real = core.cluster_subparts
def spy(ms, feats, same_place=None, blocks=None):
    subs = real(ms, feats, same_place, blocks)
    for s in subs:
        docs = [ms[i].get("doc") for i in s.idx]
        rec.append([len(s.idx), any(d in new for d in docs), sum(1 for d in docs if d in new)])
    return subs
core.cluster_subparts = spy
p = cProfile.Profile(time.process_time)
p.enable()
try:
    corpus_stage._run_stage(db)
finally:
    p.disable(); p.dump_stats(out)
tot = sum(n for n, _, _ in rec); hit = sum(n for n, h, _ in rec if h)
json.dump({"new_docs": sorted(new), "subparts": len(rec), "mentions_paired": tot,
           "subparts_with_new": sum(1 for _, h, _ in rec if h), "mentions_in_subparts_with_new": hit,
           "new_mentions": sum(k for *_, k in rec), "largest": sorted(rec, reverse=True)[:10]},
          open(out + ".subparts.json", "w"))
