"""resolve38: the one-time loads resolve pays in a fresh process, each timed (process CPU) before _resolve: argv code db"""
import sys, time, json
CODE = sys.argv[1]; sys.path.insert(0, CODE)
out = {}
def t(name, f):
    c = time.process_time(); f(); out[name] = round(time.process_time() - c, 2)
t("import blocks, store", lambda: __import__("riwaya.blocks") and __import__("riwaya.store"))
from riwaya import blocks
from riwaya.store import Store
t("import resolve, corpus, ner.morph", lambda: [__import__(m) for m in ("riwaya.resolve", "riwaya.corpus", "riwaya.ner.morph")])
from riwaya.ingest import repair
t("wordfreq table (repair._freq)", lambda: repair.zipf("كتاب"))
from riwaya.kb import load_kb
t("load_kb (build_kb)", load_kb)
from riwaya.ner.features import lexicons
t("ner lexicons", lexicons)
from riwaya import translit
t("romaniser model", translit._romanizer)
st = Store(f"sqlite:///{sys.argv[2]}")
for i in (1, 2):
    with st.snapshot():
        t(f"_resolve call {i}", lambda: blocks._resolve(st, {}))
print(json.dumps(out, ensure_ascii=False))
