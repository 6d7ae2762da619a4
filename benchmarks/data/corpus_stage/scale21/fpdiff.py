"""Capture every unit fingerprint payload (prints) keyed by its mention ids. argv: mode(base|plus) out.json"""
import sys, os, sqlite3, json, inspect, textwrap
from pathlib import Path
CODE = "/work/wt/scale21"
sys.path.insert(0, CODE); sys.path.insert(0, CODE + "/benchmarks")
import corpus_stage as cs
from riwaya import blocks
from riwaya.store import Store
mode, outp = sys.argv[1], sys.argv[2]
W = Path("/tmp/scale21")
db = W / f"fp-{mode}.db"
db.unlink(missing_ok=True)
with sqlite3.connect(W / "base-3000-main.db") as s, sqlite3.connect(db) as d:
    s.backup(d)
if mode == "plus":
    cs.add_documents(Path("/tmp/i18/src7k.db"), db, 2990, 10)
src = inspect.getsource(blocks.fingerprints)
src = src.replace("        out.append(hashlib.sha1(payload.encode(\"utf-8\")).hexdigest()[:24])",
                  "        out.append(hashlib.sha1(payload.encode(\"utf-8\")).hexdigest()[:24]); CAPTURE.append(payload)")
assert "CAPTURE.append" in src
blocks.CAPTURE = []
exec(src, blocks.__dict__)
real_fp = blocks.fingerprints
import itertools
cnt = itertools.count()
def fp(parts, *a, compressed=False, **k):
    if compressed and mode == "base":
        parts = list(parts)
        return [f"x{next(cnt)}" for _ in parts]
    return real_fp(parts, *a, compressed=compressed, **k)
blocks.fingerprints = fp
rec = {}
real_rb = blocks.reconcile_block
def rb(documents, mentions, entities, relations, surface, story_of, carried=None, index=None):
    from riwaya.reconcile import core
    real_sub = core.reconcile
    def rc(*a, subparts=None, **k):
        def sp(groups, keys, ents):
            blocks.CAPTURE.clear()
            out = subparts(groups, keys, ents)
            for g, key, pay, f in zip(groups, keys, blocks.CAPTURE, out):
                rec[json.dumps(sorted(m["id"] for m in g))] = [key, json.loads(pay), f, f in (carried or {})]
            return out
        return real_sub(*a, subparts=sp, **k)
    core.reconcile = rc
    import riwaya.reconcile as R
    R.reconcile = rc
    try:
        return real_rb(documents, mentions, entities, relations, surface, story_of, carried, index)
    finally:
        core.reconcile = real_sub; R.reconcile = real_sub
blocks.reconcile_block = rb
fig = blocks.refresh_store(Store(f"sqlite:///{db}"))
json.dump(rec, open(outp, "w"), ensure_ascii=False)
print(mode, len(rec), fig["cpu_seconds"])
db.unlink()
