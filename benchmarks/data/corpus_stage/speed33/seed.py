"""Per-document stage only (the corpus stage patched out) into SEED db, base code (cwd on sys.path)."""
import os, sys
sys.path.insert(0, os.getcwd())
import riwaya.pipeline as P
P.refresh = lambda *a, **k: []
r = P.build([sys.argv[1]], "sqlite:///" + sys.argv[2], progress=False)
print(r.added, r.timings)
