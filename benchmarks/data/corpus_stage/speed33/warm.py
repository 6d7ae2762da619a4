"""CPU of a fresh process's first analysed document (imports, data files, models loaded), code of the cwd."""
import os, sys, time, json
sys.path.insert(0, os.getcwd())
c0 = time.process_time()
import riwaya
from riwaya.analyze import analyze
from riwaya.models import Document
line = open(sys.argv[2], encoding="utf-8").readline()
text = json.loads(line)["text"]
t1 = time.process_time()
import inspect
try:
    a = analyze(Document(id="d1", text=text))
except TypeError:
    a = analyze(text)
t2 = time.process_time()
rec = {"tag": sys.argv[1], "import_s": round(t1 - c0, 2), "first_doc_s": round(t2 - t1, 2), "total": round(t2 - c0, 2),
       "load": round(os.getloadavg()[0], 2), "code": riwaya.__file__}
print(json.dumps(rec)); open("/tmp/speed33/run/warm.jsonl", "a").write(json.dumps(rec) + "\n")
