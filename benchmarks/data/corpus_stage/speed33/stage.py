"""One corpus stage on a copy of the seed db, in this process, with the code of the cwd; floor in the same run.
usage: stage.py TAG SEED JSONL OUTDIR"""
import os, sys, shutil, time, json, hashlib, sqlite3, resource, re
tag, seed, jsonl, outdir = sys.argv[1:5]
sys.path.insert(0, os.getcwd())
os.makedirs(outdir, exist_ok=True)
db = os.path.join(outdir, f"{tag}.db")
shutil.copy(seed, db)
cache = os.path.join(outdir, f"cache_{tag}")
shutil.rmtree(cache, ignore_errors=True); os.makedirs(cache)
for keep in ("romanize.sqlite", "translation"):     # learned models' outputs, warm for both codes
    src = os.path.join("/tmp/speed33/modelcache", keep)
    if os.path.isdir(src): shutil.copytree(src, os.path.join(cache, keep))
    elif os.path.exists(src): shutil.copy(src, os.path.join(cache, keep))
os.environ["RIWAYA_CACHE_DIR"] = cache
import riwaya, riwaya.pipeline as P
from riwaya.store import Store
assert riwaya.__file__.startswith(os.getcwd()), riwaya.__file__
TOKEN = re.compile(r"\w+")
def floor():
    c0 = time.process_time(); n = 0
    for _ in range(20):
        with open(jsonl, encoding="utf-8") as f:
            for line in f:
                n += len(TOKEN.findall(json.loads(line)["text"]))
    return (time.process_time() - c0) / 20
fl0 = floor()
store = Store("sqlite:///" + db)
c0, w0 = time.process_time(), time.perf_counter()
if os.environ.get("PROFILE"):
    import cProfile; cProfile.run("P.refresh(store)", os.environ["PROFILE"])
else:
    P.refresh(store)
cpu, wall = time.process_time() - c0, time.perf_counter() - w0
fl1 = floor()
sys.path.insert(0, "/tmp/speed33/run"); from normdump import normdump
norm = normdump(db)[0]
con = sqlite3.connect(db)
con.execute("update corpus_journal set at=NULL"); con.commit()   # the one clock in the store
h = hashlib.sha256()
for line in con.iterdump():
    h.update(line.encode("utf-8")); h.update(b"\n")
ndocs = con.execute("select count(*) from documents").fetchone()[0] if True else 0
load = os.getloadavg()[0]
rec = {"tag": tag, "cpu": round(cpu, 2), "wall": round(wall, 2), "floor_cpu": round((fl0 + fl1) / 2, 4),
       "ratio": round(cpu / ((fl0 + fl1) / 2), 1), "docs": ndocs, "s_per_article": round(cpu / ndocs, 4),
       "dump": h.hexdigest()[:16], "norm": norm, "load": round(load, 2), "code": riwaya.__file__}
print(json.dumps(rec))
with open(os.path.join(outdir, "runs.jsonl"), "a") as f: f.write(json.dumps(rec) + "\n")
