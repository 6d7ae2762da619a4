"""Grouped k-fold cross-validation of the English argument model over English train + dev, end to end (en14).

    PYTHONPATH=. .venv/bin/python benchmarks/events_corpus/cv_en_args.py [--cache /tmp/ans.pkl] [--chunks]
        [--no-parse-features] [--configs '[[0.4, 0.0, 0, ["agent", "patient"]]]']

Each document is analysed once with the shipped weights (cached with --cache: the slow part), then per fold the
argument model (scripts/train_events.fit over learned.candidates / argument_features) is fit on the other folds'
matched events and applied by learned.refine to the held-out documents; the figures are eval_corpus.evaluate's,
pooled over the folds, for the rules (base) and each config [threshold, override, fill (0/1), keep roles].
Folds by document, a PUD sentence grouped with the other sentences of its source article. Never reads the test split.
"""
import argparse, copy, json, os, pickle, sys, zlib
from collections import Counter
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT / "scripts"))
sys.path.insert(0, str(Path(__file__).resolve().parent))
import train_events as te          # noqa: E402  (sets RIWAYA_EVENTS_LEARNED=0: put back below)
os.environ["RIWAYA_EVENTS_LEARNED"] = "1"
import corpus, eval_corpus         # noqa: E402
import riwaya.analyze as ra        # noqa: E402
from riwaya.events import learned  # noqa: E402
from riwaya.events.extract import load_lexicon  # noqa: E402

learned.model.cache_clear()
FIGURES = ("trigger", "arguments_overlap", "arguments_exact", "polarity_accuracy", "source_accuracy",
           "class_and_actor_right", "all_right")


def group(d: str) -> str:
    return d[:-3] if d.startswith("puden/") else d


def analyses(recs: list[dict], cache: str | None):
    """Each document analysed once with the shipped weights, and riwaya's document id -> the corpus's
    (read from / written to the pickle ``cache`` when given: the slow part)."""
    if cache and Path(cache).exists():
        return pickle.loads(Path(cache).read_bytes())
    ans, idmap = {}, {}
    for r in recs:
        doc = eval_corpus.document(r["doc"])
        idmap[doc.id] = r["doc"]
        ans[r["doc"]] = ra.analyze(doc)
    if cache:
        Path(cache).write_bytes(pickle.dumps((ans, idmap)))
    return ans, idmap


def matched(r: dict, an, text: str) -> list[tuple[dict, object]]:
    """(gold event, riwaya's English event) of one document, as eval_corpus.match pairs them."""
    evs = [e for e in an.events if learned.lang_of(e) == "en"]
    pred = [{"trigger": {"start": e.trigger_start, "end": e.trigger_end, "text": e.trigger}, "class": e.cls}
            for e in evs]
    return [(r["events"][gi], evs[pi]) for gi, pi in eval_corpus.match(r["events"], pred, text)]


def evaluate(table: dict, idmap: dict, recs: list[dict], figures=FIGURES) -> tuple[dict, str]:
    """eval_corpus.evaluate over ``recs`` with the analyses of ``table``, and its figures on one line."""
    ra.analyze = lambda doc: table[idmap[doc.id]]
    res = eval_corpus.evaluate(recs)
    return res, " ".join(f"{k}={res[k]['f1'] if isinstance(res[k], dict) else res[k]}" for k in figures)


def refined_fold(M: dict, recs: list[dict], ans: dict, held) -> dict:
    """Document -> its cached analysis refined with the models ``M``, for the documents ``held`` picks (a fold)."""
    learned.model = lambda: M
    out = {}
    for r in recs:
        if held(r["doc"]):
            an = copy.deepcopy(ans[r["doc"]])
            learned.refine(corpus.text(r["doc"]), an)
            out[r["doc"]] = an
    return out


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--cache", help="pickle of the analyses (written when missing)")
    ap.add_argument("--k", type=int, default=5)
    ap.add_argument("--chunks", action="store_true", help="the parse's phrases on the trigger as candidates")
    ap.add_argument("--no-parse-features", action="store_true")
    ap.add_argument("--configs", default='[[0.4, 0.0, 0, ["agent", "patient"]], [0.4, 0.0, 1, []]]')
    a = ap.parse_args()
    learned.EN_CHUNKS = a.chunks
    learned.EN_PARSE_FEATURES = not a.no_parse_features
    recs = [r for r in eval_corpus.load(None, "en") if r["split"] != "test"]
    ans, idmap = analyses(recs, a.cache)
    lex, shipped = load_lexicon(), learned.model()
    fold_of = lambda d: zlib.crc32(group(d).encode()) % a.k     # noqa: E731
    samples, real, roles = [], Counter(), Counter()
    for r in recs:
        text, an = corpus.text(r["doc"]), ans[r["doc"]]
        T = learned.Text(text)
        mentions = sorted(an.mentions, key=lambda m: m.start)
        triggers = [(e.trigger_start, e.trigger_end) for e in an.events]
        subj = learned.subjects(T, an, learned.speakers(T, an, lex)[0])
        for g, ev in matched(r, an, text):
            real[(r["doc"], ev.type)] += 1
            gargs = [x for x in g["args"] if x["role"] in learned.ROLES]
            for x in gargs:
                roles[(r["doc"], x["role"])] += 1
            cands = learned.candidates(T, ev, mentions, subj)
            for c in cands:
                hit = learned.gold_of(c, gargs)
                samples.append((r["doc"], learned.argument_features(T, ev, c, cands, triggers),
                                hit["role"] if hit else "none"))
    configs = [tuple(tuple(x) if isinstance(x, list) else x for x in c) for c in json.loads(a.configs)]
    out = {c: {} for c in configs}
    for fold in range(a.k):
        m = te.fit([(f, lab) for d, f, lab in samples if fold_of(d) != fold], 0.5)
        tc = Counter()
        for (d, t), n in real.items():
            tc[t] += n if fold_of(d) != fold else 0
        rc = Counter()
        for (d, ro), n in roles.items():
            rc[ro] += n if fold_of(d) != fold else 0
        m["types"] = sorted(t for t, n in tc.items() if n >= te.MIN_SUPPORT)
        m["roles"] = sorted(x for x in learned.ROLES if rc[x] >= te.MIN_ROLE_SUPPORT)
        m["single"], m["merge_gap"] = list(te.SINGLE), te.MERGE_GAP
        for cfg in configs:
            mm = {**m, "threshold": cfg[0], "override": cfg[1], "fill": te.FILL if cfg[2] else {},
                  "keep": list(cfg[3]) if len(cfg) > 3 else []}
            M = {**shipped, "en": {**shipped["en"], "argument": mm}}
            out[cfg].update(refined_fold(M, recs, ans, lambda d: fold_of(d) == fold))

    print("base", evaluate(ans, idmap, recs)[1])
    for cfg, tab in out.items():
        print(list(cfg), evaluate(tab, idmap, recs)[1])
    return 0


if __name__ == "__main__":
    sys.exit(main())
