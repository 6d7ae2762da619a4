"""Build tests/fixtures/reconcile_seeds.json: the five seed documents with
hand-annotated event mentions (spans located by quoting the text) and entities.

The annotation is data in seed_fixture.yaml beside this script; run: .venv/bin/python benchmarks/reconcile/make_seed_fixture.py
"""
import glob
import json
import os

import yaml

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
SEEDS = os.environ.get("RIWAYA_SEEDS", "/work/shared/seeds")

ANNOTATION = os.path.join(os.path.dirname(os.path.abspath(__file__)), "seed_fixture.yaml")


def build():
    with open(ANNOTATION, encoding="utf-8") as fh:
        ann = yaml.safe_load(fh)
    outlets = {str(k): v for k, v in ann["outlets"].items()}
    docs = {}
    for f in sorted(glob.glob(os.path.join(SEEDS, "*.txt"))):
        key = os.path.basename(f)[:3]
        text = open(f, encoding="utf-8").read()
        docs[key] = {"id": "seed" + key, "text": text, "outlet": outlets.get(key, "seed-outlet-" + key),
                     "title": text.strip().split("\n")[0][:120], "published": "2025-02-10",
                     "language": "ar", "languages": ["ar", "en"] if key == "003" else ["ar"]}
    mentions = []
    for i, f in enumerate(ann["mentions"]):
        key, quote = str(f["doc"]), f["quote"]
        text = docs[key]["text"]
        s = text.find(quote)
        assert s >= 0, (key, quote)
        m = {"id": f"m{i:02d}", "doc": docs[key]["id"], "class": f["cls"], "type": f["type"],
             "trigger": f["trigger"], "start": s, "end": s + len(quote),
             "participants": f.get("participants", []),
             "origin": f.get("origin"), "destination": f.get("destination"), "via": f.get("via", []),
             "place": f.get("place"), "means": f.get("means"), "amount": None, "time": f.get("time"),
             "attribution": f["attribution"], "negated": False, "polarity": "asserted"}
        mentions.append(m)
    ents = [{"id": e["id"], "type": e["type"], "name_ar": e["name_ar"], "name_en": e["name_en"], "aliases": e["aliases"],
             "kb_id": None, "coordinates": e["coordinates"]} for e in ann["entities"]]
    out = {"documents": list(docs.values()), "event_mentions": mentions, "entities": ents,
           "gold_events": [[f"m{i:02d}" for i in g] for g in ann["gold_events"]]}
    path = os.path.join(ROOT, "tests", "fixtures", "reconcile_seeds.json")
    with open(path, "w", encoding="utf-8") as fh:
        json.dump(out, fh, ensure_ascii=False, indent=1)
    print("wrote", path, len(mentions), "mentions")


if __name__ == "__main__":
    build()
