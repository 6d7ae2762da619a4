"""A digest of the per-document stage's output, to show a speed change is output-identical (issue 20).

Analyses, serialised as JSON (`analysis_dict`, without the `version` field, the code's fingerprint), of
the first 300 SaudiNewsNet articles with text, the bundled seeds, the documents of the event corpus
(every split: outputs are hashed, nothing is scored), the sentences of the event gold files and the
articles of the time gold. Prints one digest per set and a total; writes every line to OUT.

    PYTHONHASHSEED=0 .venv/bin/python benchmarks/analysis_digest.py /tmp/after.jsonl

Run it on the code before and after (a `git archive` copy beside ../shared) with the same hash seed
(the CRF's document features are a set: their order, and so the last bits of a marginal, follow it).
"""
import hashlib, json, sys, zipfile
from pathlib import Path
ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT)); sys.path.insert(0, str(ROOT / "benchmarks/events_corpus"))
from riwaya.analyze import analyze, analysis_dict
from riwaya.ingest.readers import _make, read_paths, IngestError
from riwaya.ingest.metadata import with_metadata
import eval_corpus

def snn(n=300):
    zs = sorted((ROOT.parent / "shared/data/saudinewsnet/dataset").glob("*.zip"))
    out = []
    for z in zs:
        with zipfile.ZipFile(z) as zf:
            for a in json.loads(zf.read(zf.namelist()[0])):
                if a.get("content"):
                    out.append(with_metadata(_make(a["content"], None, f"snn{len(out)}", {"outlet": a.get("source"), "retrieved": a.get("date_extracted")})))
                    if len(out) >= n: return out
    return out

def sets():
    yield "snn300", snn()
    yield "seeds", [d for d in read_paths([str(ROOT / "corpus/fall-of-assad")]) if not isinstance(d, IngestError)]
    recs = eval_corpus.load(None, None)
    yield "events_corpus", [eval_corpus.document(r["doc"]) for r in recs]
    import yaml
    for g in ["gold.yaml", "gold_en.yaml", "gold_heldout.yaml", "gold_blind2.yaml"]:
        y = yaml.safe_load((ROOT / "benchmarks/data/events" / g).read_text())
        items = y if isinstance(y, list) else next(v for v in y.values() if isinstance(v, list))
        docs = []
        for i, it in enumerate(items):
            t = it.get("text") or it.get("sentence") if isinstance(it, dict) else None
            if t:
                docs.append(_make(t, None, f"{g}{i}", {"language": "en" if "en" in g else "ar"}))
        yield g, docs
    docs = []
    for i, line in enumerate((ROOT / "benchmarks/data/timex/saudinewsnet_gold.jsonl").read_text().splitlines()):
        r = json.loads(line)
        t = eval_corpus.corpus._snn_day(r["zip"])[r["index"]]["content"]
        docs.append(with_metadata(_make(t, None, f"tx{i}", {"outlet": r.get("source"), "retrieved": r["zip"]})))
    yield "timex_gold", docs

OUT = open(sys.argv[1] if len(sys.argv) > 1 else "/dev/null", "w", encoding="utf-8")
total = hashlib.sha256()
res = {}
for name, docs in sets():
    h = hashlib.sha256()
    for d in docs:
        a = analysis_dict(analyze(d))
        a.pop("version", None)          # the analyser's code fingerprint: changes with any edit
        line = json.dumps(a, ensure_ascii=False, default=str)
        OUT.write(name + "\t" + line + "\n")
        h.update(line.encode())
    res[name] = (len(docs), h.hexdigest()[:16])
    total.update(h.digest())
    print(name, *res[name], flush=True)
print("TOTAL", total.hexdigest()[:16])
