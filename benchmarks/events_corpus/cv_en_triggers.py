"""Grouped k-fold cross-validation of English triggers on unseen documents, end to end (entrig19, issue #14).

    PYTHONPATH=. .venv/bin/python benchmarks/events_corpus/cv_en_triggers.py [--cache /tmp/x.pkl] [--dump FILE]
        [--veto 0.1 0.15]

Unlike ``cv_en_args.py`` (whose base row keeps the shipped detector and learned forms, both fitted on these very
documents), every part learned from the corpus is refitted per fold: each English train + dev document is analysed
once with the English detector off (``propose_en.OVERRIDE = {}``) while ``propose_en.RECORD`` collects every
candidate word with its features, and with the trigger forms learned from all of train (``learn_triggers``). Per
fold (folds by document, a PUD sentence with its source article, as cv_en_args), the learned forms are re-learned
from the other folds' train documents and the detector refitted (``train_detector_en``'s fit) on the other folds'
recorded candidates; a held-out event is dropped when its trigger is a learned form this fold did not learn, or a
lexicon word the fold's detector scores under the veto. The figures are eval_corpus.evaluate's over the kept
events, pooled over folds, in all and per kind of document (GUM interviews, GUM news, PUD sentences). An event
removed after the analysis rather than inside it may leave the other events' arguments a little different.
Never reads the test split. ``--dump`` writes every false and missed trigger with its sentence (for reading).
"""
import argparse, dataclasses, math, os, pickle, sys, zlib
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "scripts"))
sys.path.insert(0, str(Path(__file__).resolve().parent))
import train_events as te          # noqa: E402  (sets RIWAYA_EVENTS_LEARNED=0: put back below)
os.environ["RIWAYA_EVENTS_LEARNED"] = "1"
import corpus, eval_corpus         # noqa: E402
import riwaya.analyze as ra        # noqa: E402
from riwaya import event_schema    # noqa: E402
from riwaya.events import learned, propose_en  # noqa: E402
from riwaya.events.extract import load_lexicon  # noqa: E402

learned.model.cache_clear()
FIGURES = ("trigger", "polarity_accuracy", "source_accuracy", "class_and_actor_right", "all_right")


def group(d: str) -> str:
    return d[:-3] if d.startswith("puden/") else d


def kind(d: str) -> str:
    return "interview" if d.startswith("gum/GUM_interview") else "news" if d.startswith("gum/") else "pud"


def analyses(recs: list[dict], cache: str | None):
    """document -> (analysis with the detector off, the recorded candidates), riwaya's id -> the corpus's, and
    the forms learned from all of train."""
    if cache and Path(cache).exists():
        return pickle.loads(Path(cache).read_bytes())
    extra = te.learn_triggers([r for r in recs if r["split"] == "train"], "en")
    learned.EXTRA_OVERRIDE = {**(learned.EXTRA_OVERRIDE or {}), "en": extra}
    load_lexicon.cache_clear()
    propose_en.OVERRIDE = {}
    ans, idmap = {}, {}
    for r in recs:
        doc = eval_corpus.document(r["doc"])
        idmap[doc.id] = r["doc"]
        propose_en.RECORD = []
        try:
            an = ra.analyze(doc)
            ans[r["doc"]] = (an, propose_en.RECORD)
        finally:
            propose_en.RECORD = None
    propose_en.OVERRIDE = None
    out = (ans, idmap, extra)
    if cache:
        Path(cache).write_bytes(pickle.dumps(out))
    return out


def samples(r: dict, an, rec: list) -> list:
    """proposer_samples' rows of one document from its recorded candidates: (features, label, known, doc)."""
    aliases = event_schema.schema().get("aliases") or {}
    starts = {e.trigger_start for e in an.events}
    rec = [x for x in rec if not x[3] or x[0] in starts]
    gold = sorted((g["trigger"]["start"], g["trigger"]["end"], aliases.get(g["type"], g["type"])) for g in r["events"])
    seen, out = set(), []
    for s, e, feats, known in rec:
        g = next((x for x in gold if x[0] < e and s < x[1]), None)
        if g is not None and g in seen:
            continue
        if g is not None:
            seen.add(g)
        out.append((feats, g[2] if g else "none", known, r["doc"]))
    return out


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--cache", help="pickle of the analyses (written when missing)")
    ap.add_argument("--k", type=int, default=5)
    ap.add_argument("--veto", type=float, nargs="*", default=[0.1])
    ap.add_argument("--dump", help="write the false and missed triggers (at the first veto) here")
    a = ap.parse_args()
    recs = [r for r in eval_corpus.load(None, "en") if r["split"] != "test"]
    ans, idmap, extra_all = analyses(recs, a.cache)
    curated = set(load_lexicon()["en"]) - set(extra_all)
    fold_of = lambda d: zlib.crc32(group(d).encode()) % a.k     # noqa: E731
    rows = {r["doc"]: samples(r, *ans[r["doc"]]) for r in recs}
    kept = {v: {} for v in a.veto}
    for fold in range(a.k):
        tr = [r for r in recs if fold_of(r["doc"]) != fold]
        forms = te.learn_triggers([r for r in tr if r["split"] == "train"], "en")
        data = [(f, "1" if lab != "none" else "0") for r in tr for f, lab, _, _ in rows[r["doc"]]]
        det = te.fit(data, te.EN_DETECT_C, te.PROPOSER_PRUNE)
        bias, w = det["bias"][1], {k: v[1] for k, v in det["w"].items() if v[1]}
        for r in recs:
            if fold_of(r["doc"]) != fold:
                continue
            an, rec = ans[r["doc"]]
            score = {s: 1 / (1 + math.exp(-(bias + sum(w.get(x, 0.0) for x in f)))) for s, _, f, known in rec if known}
            for v in a.veto:
                evs = []
                for e in an.events:
                    n = e.trigger.lower()
                    if learned.lang_of(e) == "en" and n in extra_all and n not in forms and n not in curated:
                        continue
                    if score.get(e.trigger_start, 1.0) < v:
                        continue
                    evs.append(e)
                kept[v][r["doc"]] = dataclasses.replace(an, events=evs)
    for v in a.veto:
        table = kept[v]
        ra.analyze = lambda doc: table[idmap[doc.id]]
        for name, sel in (("all", None), ("interview", "interview"), ("news", "news"), ("pud", "pud")):
            res = eval_corpus.evaluate([r for r in recs if sel is None or kind(r["doc"]) == sel])
            t = res["trigger"]
            print(f"veto={v} {name:9s} trigger P/R/F1 {t['p']}/{t['r']}/{t['f1']} (tp {t['tp']} fp {t['fp']} fn "
                  f"{t['fn']}) typed {res['trigger_typed']['f1']} polarity {res['polarity_accuracy']} source "
                  f"{res['source_accuracy']} class+actor {res['class_and_actor_right']} all {res['all_right']}",
                  flush=True)
    if a.dump:
        table = kept[a.veto[0]]
        with open(a.dump, "w", encoding="utf-8") as out:
            for r in recs:
                text = corpus.text(r["doc"])
                pred = eval_corpus.predicted(table[r["doc"]], text)
                pairs = eval_corpus.match(r["events"], pred, text)
                mg, mp = {g for g, _ in pairs}, {p for _, p in pairs}

                def sent(s, e):
                    a0 = max(text.rfind(c, 0, s) for c in ".!?\n") + 1
                    b0 = min([x for x in (text.find(c, e) for c in ".!?\n") if x >= 0] or [len(text)])
                    return (text[a0:s] + "[[" + text[s:e] + "]]" + text[e:b0 + 1]).strip().replace("\n", " ")
                for gi, g in enumerate(r["events"]):
                    if gi not in mg:
                        t = g["trigger"]
                        out.write(f"MISS\t{kind(r['doc'])}\t{r['doc']}\t{g['type']}\t{t['text']}\t"
                                  f"{sent(t['start'], t['end'])}\n")
                for pi, p in enumerate(pred):
                    if pi not in mp:
                        t = p["trigger"]
                        out.write(f"FALSE\t{kind(r['doc'])}\t{r['doc']}\t{p['type']}\t{t['text']}\t"
                                  f"{sent(t['start'], t['end'])}\n")
                for gi, pi in pairs:
                    g, p = r["events"][gi], pred[pi]
                    if g["polarity"] != p["polarity"]:
                        t = g["trigger"]
                        out.write(f"POL\t{kind(r['doc'])}\t{r['doc']}\t{g['polarity']}/{p['polarity']}\t{t['text']}\t"
                                  f"{sent(t['start'], t['end'])}\n")
    return 0


if __name__ == "__main__":
    sys.exit(main())
