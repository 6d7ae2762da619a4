"""Evaluate cross-document translation detection (riwaya/reconcile/translations.py).

Real parallel text we did not write:
- positives: UD Arabic-PUD (CC BY-SA 3.0, /work/shared/data/ud_arabic_pud) gives, for
  every Arabic sentence, its English original (`# text_en`). Consecutive sentences are
  grouped into pseudo-articles of 10 sentences; the English article has one paragraph
  per PUD source document, the Arabic one the same paragraphs (even articles) or
  re-paragraphed into 3-sentence chunks (odd articles: a translator's paragraphs need
  not match). Arabic article i <-> English article i is a translation.
- seed 003 (`corpus/fall-of-assad/003_*.txt`, Arabic then its own English rendering)
  split by paragraph script into an Arabic and an English document: a translation.
- hard negatives:
  * every other Arabic/English pair of the above (PUD article i vs j, seed 003 English
    vs seeds 000/001/002/004: the same event, independently written);
  * "partial" English articles: 3 sentences of PUD article i + 7 sentences from outside
    the positive range (30% overlap): not a translation of article i;
  * SaudiNewsNet (CC BY-NC-SA, research only, read from /work/shared/data, never shipped)
    Arabic articles that share KB entities with an English article (US politics,
    Syria/Russia/Iran for the seed), chosen once by KB-id overlap and frozen in
    benchmarks/data/reconcile/doc_translation_eval.json.
The whole set goes through the real pipeline (analyze -> resolve -> document_translations),
so blocking uses the entities the NER/KB actually find. Pairwise P/R over all
Arabic/English document pairs; plus the confirmation step alone on every pair (no
blocking), and timing cold (empty vector cache, model load) vs warm (new process
state, disk cache).

Run: .venv/bin/python benchmarks/reconcile/eval_doc_translation.py [--json OUT] [--select]
"""
from __future__ import annotations

import argparse
import glob
import hashlib
import json
import os
import shutil
import sys
import tempfile
import time
import zipfile
from collections import defaultdict

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
sys.path.insert(0, ROOT)

from riwaya.reconcile import encoder, translations  # noqa: E402
from riwaya.reconcile.text import script_lang  # noqa: E402

PUD = os.environ.get("UD_ARABIC_PUD", "/work/shared/data/ud_arabic_pud/ar_pud-ud-test.conllu")
SNN = os.environ.get("SAUDINEWSNET", "/work/shared/data/saudinewsnet/dataset")
SEL = os.path.join(ROOT, "benchmarks", "data", "reconcile", "doc_translation_eval.json")
N_ART, PER_ART = 10, 10


def pud_sentences() -> list[dict]:
    out, cur = [], {}
    for line in open(PUD, encoding="utf-8"):
        if line.startswith("# newdoc id = "):
            cur["newdoc"] = line.split("=", 1)[1].strip()
        elif line.startswith("# text = "):
            cur["ar"] = line.split("=", 1)[1].strip()
        elif line.startswith("# text_en = "):
            cur["en"] = line.split("=", 1)[1].strip()
        elif not line.strip() and cur:
            if cur.get("ar") and cur.get("en"):
                out.append(cur)
            cur = {}
    return out


def _paras_by_newdoc(sents):
    paras, last = [], None
    for s in sents:
        if s["newdoc"] != last:
            paras.append([])
            last = s["newdoc"]
        paras[-1].append(s)
    return paras


def _doc(did, paras_text, lang, outlet, published=None):
    text = "\n\n".join(paras_text)
    return {"id": did, "text": text, "language": lang, "languages": [lang], "outlet": outlet,
            "title": None, "published": published}


def pud_docs():
    S = pud_sentences()
    docs, gold = [], set()
    for i in range(N_ART):
        sents = S[i * PER_ART:(i + 1) * PER_ART]
        en_paras = [" ".join(s["en"] for s in p) for p in _paras_by_newdoc(sents)]
        if i % 2 == 0:
            ar_paras = [" ".join(s["ar"] for s in p) for p in _paras_by_newdoc(sents)]
        else:
            ar_paras = [" ".join(s["ar"] for s in sents[k:k + 3]) for k in range(0, len(sents), 3)]
        docs.append(_doc(f"pud_ar{i:02d}", ar_paras, "ar", f"PUD-AR-{i}"))
        docs.append(_doc(f"pud_en{i:02d}", en_paras, "en", f"PUD-EN-{i}"))
        gold.add((f"pud_ar{i:02d}", f"pud_en{i:02d}"))
        # partial: last 3 sentences of article i + 7 sentences from beyond the positive range
        far = S[N_ART * PER_ART + 7 * i: N_ART * PER_ART + 7 * (i + 1)]
        mixed = sents[-3:] + far
        docs.append(_doc(f"pud_part{i:02d}", [" ".join(s["en"] for s in p) for p in _paras_by_newdoc(mixed)],
                         "en", f"PUD-PART-{i}"))
    return docs, gold


def seed_docs():
    docs = []
    for path in sorted(glob.glob(os.path.join(ROOT, "corpus", "fall-of-assad", "*.txt"))):
        base = os.path.basename(path)[:3]
        text = open(path, encoding="utf-8").read()
        paras = [p.strip() for p in text.split("\n\n") if p.strip()]
        langs = {script_lang(p) for p in paras}
        if len(langs) > 1:
            for lang in sorted(langs):
                docs.append(_doc(f"seed{base}_{lang}", [p for p in paras if script_lang(p) == lang], lang,
                                 f"seed{base}-{lang}"))
        else:
            docs.append(_doc(f"seed{base}", paras, "ar", f"seed{base}"))
    return docs


def _snn_articles(day):
    z = zipfile.ZipFile(os.path.join(SNN, f"{day}.zip"))
    return json.loads(z.read(z.namelist()[0]))


def select_snn(en_docs, per_doc=2, seed_per_doc=5, day="2015-07-21"):
    """Pick SaudiNewsNet articles sharing the most KB ids with each English article."""
    from riwaya.kb import load_kb
    kb = load_kb()

    def ids(text, lang):
        return {m.kb_id for m in kb.match(text, lang) if m.kb_id}
    arts = [a for a in _snn_articles(day) if len(a.get("content") or "") > 400]
    arts = list({a["url"]: a for a in arts}.values())
    art_ids = [ids(a["content"], "ar") for a in arts]
    chosen = []
    for d in en_docs:
        mine = ids(d["text"], "en")
        k = seed_per_doc if d["id"].startswith("seed") else per_doc
        ranked = sorted(range(len(arts)), key=lambda n: (-len(mine & art_ids[n]), arts[n]["url"]))
        for n in ranked[:k]:
            if len(mine & art_ids[n]) >= 2 and arts[n]["url"] not in {c["url"] for c in chosen}:
                chosen.append({"url": arts[n]["url"], "for": d["id"], "shared_kb_ids": sorted(mine & art_ids[n])})
    return {"day": day, "articles": chosen}


def snn_docs(sel):
    by_url = {a["url"]: a for a in _snn_articles(sel["day"])}
    docs = []
    for c in sel["articles"]:
        a = by_url[c["url"]]
        paras = [p.strip() for p in (a["content"] or "").split("\n") if p.strip()]
        docs.append(_doc("snn" + hashlib.sha1(c["url"].encode()).hexdigest()[:8], paras, "ar", a["source"],
                         a["date_extracted"][:10]))
    return docs


# ------------------------------------------------------------------ pipeline

def analyse(docs):
    """Real pipeline: per-document analysis (cached in a temp folder by content hash), then
    cross-document entity resolution, as riwaya.corpus.run does."""
    from riwaya.analyze import analysis_dict, analyze
    from riwaya.corpus import resolve
    from riwaya.models import Document
    cache = os.path.join(tempfile.gettempdir(), "riwaya_eval_doctr_analyses")
    os.makedirs(cache, exist_ok=True)
    analyses = {}
    for d in docs:
        h = hashlib.sha1((d["language"] + "\x1f" + d["text"]).encode()).hexdigest()
        p = os.path.join(cache, h + ".json")
        if os.path.exists(p):
            a = json.load(open(p, encoding="utf-8"))
        else:
            a = analysis_dict(analyze(Document(id=d["id"], text=d["text"], language=d["language"],
                                               languages=d["languages"], outlet=d["outlet"],
                                               published=d["published"])))
            json.dump(a, open(p, "w", encoding="utf-8"), ensure_ascii=False)
        a["doc_id"] = d["id"]
        analyses[d["id"]] = a
    entities = resolve(analyses)
    docs = [{**d, "paragraphs": analyses[d["id"]].get("paragraphs", [])} for d in docs]
    return docs, entities


def prf(pred, gold):
    tp = len(pred & gold)
    p = tp / len(pred) if pred else 1.0
    r = tp / len(gold) if gold else 1.0
    return {"precision": round(p, 3), "recall": round(r, 3), "tp": tp, "pred": len(pred), "gold": len(gold)}


def category(x, y):
    k = lambda d: ("pud_ar" if d.startswith("pud_ar") else "pud_en" if d.startswith("pud_en") else
                   "pud_part" if d.startswith("pud_part") else "seed" if d.startswith("seed") else "snn")
    return "-".join(sorted((k(x), k(y))))


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--json")
    ap.add_argument("--select", action="store_true", help="re-pick the SaudiNewsNet negatives")
    a = ap.parse_args()
    if not encoder.available():
        print("encoder not installed: nothing to evaluate")
        return
    res = {}
    pdocs, gold = pud_docs()
    sdocs = seed_docs()
    gold.add(("seed003_ar", "seed003_en"))
    en_docs = [d for d in pdocs + sdocs if d["language"] == "en" and not d["id"].startswith("pud_part")]
    if a.select or not os.path.exists(SEL):
        sel = select_snn(en_docs)
        json.dump(sel, open(SEL, "w", encoding="utf-8"), ensure_ascii=False, indent=1)
    sel = json.load(open(SEL, encoding="utf-8"))
    ndocs = snn_docs(sel) if os.path.isdir(SNN) else []
    docs = pdocs + sdocs + ndocs
    t = time.perf_counter()
    docs, entities = analyse(docs)
    res["analysis_seconds"] = round(time.perf_counter() - t, 1)
    lang = {d["id"]: d["language"] for d in docs}
    all_pairs = {tuple(sorted((x, y))) for x in lang for y in lang if x < y and lang[x] != lang[y]}
    gold = {tuple(sorted(p)) for p in gold}
    res["set"] = {"documents": len(docs), "arabic": sum(1 for v in lang.values() if v == "ar"),
                  "english": sum(1 for v in lang.values() if v == "en"), "cross_language_pairs": len(all_pairs),
                  "gold_pairs": len(gold), "snn_negatives": len(ndocs)}

    # timing: cold = empty disk cache + model load; warm = fresh in-memory state, disk cache kept
    tmp = tempfile.mkdtemp(prefix="riwaya_doctr_cache_")
    os.environ["RIWAYA_CACHE_DIR"] = tmp
    t = time.perf_counter()
    encoder.available()
    load = time.perf_counter() - t
    times = {}
    for run in ("cold", "warm"):
        translations._VEC_CACHE.clear()
        encoder._CACHE.clear()
        explain = []
        t = time.perf_counter()
        rels = translations.document_translations(docs, entities, explain=explain)
        times[run] = round(time.perf_counter() - t, 3)
    res["timing_seconds"] = {"model_load": round(load, 2), **times}
    pred = {tuple(r["docs"]) for r in rels}
    cand = {tuple(e["docs"]) for e in explain}
    res["blocking"] = {"candidates": len(cand), "of_pairs": len(all_pairs), "gold_in_candidates": len(cand & gold),
                       "gold": len(gold)}
    res["pairwise"] = prf(pred, gold)
    res["false_positives"] = sorted(pred - gold)
    res["false_negatives"] = sorted(gold - pred)
    res["candidates"] = sorted(explain, key=lambda e: (-e["score"], e["docs"]))

    # confirmation alone, on every Arabic/English pair (no blocking), with the real entities
    sides = {s.doc: s for s in translations._sides(docs, entities)}
    scored = []
    for x, y in sorted(all_pairs):
        if x in sides and y in sides:
            f = translations.score_pair(sides[x], sides[y])
            scored.append(((x, y), f, translations.is_translation(f)))
    pred_all = {p for p, f, ok in scored if ok}
    res["confirmation_all_pairs"] = prf(pred_all, gold)
    by_cat = defaultdict(list)
    for p, f, ok in scored:
        by_cat[("pos " if p in gold else "neg ") + category(*p)].append(f["mean_best"])
    res["mean_best_by_category"] = {k: {"n": len(v), "min": round(min(v), 3), "max": round(max(v), 3)}
                                    for k, v in sorted(by_cat.items())}
    res["confirmation_false_positives"] = sorted(pred_all - gold)
    neg_top = sorted((f["score"], p, f["mean_best"], f["coverage"]) for p, f, ok in scored if p not in gold)[-5:]
    res["hardest_negatives"] = [{"docs": list(p), "score": s, "mean_best": m, "coverage": c} for s, p, m, c in neg_top]
    pos = sorted((f["score"], p, f["mean_best"], f["coverage"]) for p, f, ok in scored if p in gold)
    res["weakest_positives"] = [{"docs": list(p), "score": s, "mean_best": m, "coverage": c} for s, p, m, c in pos[:5]]
    shutil.rmtree(tmp, ignore_errors=True)
    txt = json.dumps(res, ensure_ascii=False, indent=1)
    print(txt)
    if a.json:
        open(a.json, "w", encoding="utf-8").write(txt)


if __name__ == "__main__":
    main()
