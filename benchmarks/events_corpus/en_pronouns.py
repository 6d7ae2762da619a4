"""English pronoun agents and patients in the gold: the guideline (GUIDELINE 3: the nearest explicit mention, a
pronoun only when no noun phrase names the participant before) against what the annotators wrote (en26, issue #14).

    .venv/bin/python benchmarks/events_corpus/en_pronouns.py [--split train] [--examples 5]

For every English gold event of the split whose trigger is a verb with a personal pronoun as its subject
(spaCy's parse of the trigger's sentence), the gold's argument of the subject's role (agent; patient for a passive
subject) is counted as: the pronoun itself (kept), a span elsewhere (resolved to a name or noun phrase), or none.
Split by person (first / second person, third person) and whether a person or organisation is named in the
document before the pronoun (spaCy's entities), which is when GUIDELINE 3 asks for the name.
"""
from __future__ import annotations

import argparse
import sys
from collections import Counter, defaultdict
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import corpus, eval_corpus  # noqa: E402

FIRST_SECOND = {"i", "we", "you", "me", "us"}
THIRD = {"he", "she", "they", "it", "him", "her", "them"}


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--split", default="train")
    ap.add_argument("--examples", type=int, default=5)
    a = ap.parse_args()
    if a.split == "test":
        raise SystemExit("the test split is frozen: not read here")
    from riwaya.events.english import _nlp
    nlp = _nlp()
    counts, ex = Counter(), defaultdict(list)
    for r in eval_corpus.load(a.split, "en"):
        text = corpus.text(r["doc"])
        doc = nlp(text)
        by_start = {t.idx: t for t in doc}
        for g in r["events"]:
            s, e = g["trigger"]["start"], g["trigger"]["end"]
            tok = next((t for t in doc if s <= t.idx < e), None)
            if tok is None or not tok.tag_.startswith("VB"):
                continue
            subj = next((c for c in tok.children if c.dep_ in ("nsubj", "nsubjpass")
                         and c.lower_ in FIRST_SECOND | THIRD), None)
            if subj is None:
                continue
            role = "patient" if subj.dep_ == "nsubjpass" else "agent"
            person = "1st/2nd" if subj.lower_ in FIRST_SECOND else "3rd"
            ents = [ent for ent in doc.ents if ent.label_ in ("PERSON", "ORG", "NORP", "GPE")
                    and ent.end_char <= subj.idx]
            named_before = "named in its sentence" if any(ent.start_char >= subj.sent.start_char for ent in ents) \
                else "named in an earlier sentence" if ents else False
            args = [x for x in g["args"] if x["role"] == role]
            if any(x["start"] <= subj.idx < x["end"] for x in args):
                how = "pronoun kept"
            elif args:
                how = "resolved elsewhere"
            else:
                how = "no such argument"
            key = (person, named_before or "none named before", how)
            counts[key] += 1
            sent = subj.sent.text.replace("\n", " ")
            ex[key].append(f"{r['doc']}: {subj.text} -> {[x['text'] for x in args]} | {g['trigger']['text']} | "
                           f"{sent[:160]}")
    for key in sorted(counts):
        print(f"{counts[key]:4d}  {' / '.join(key)}")
        for x in ex[key][:a.examples]:
            print("      " + x)
    by_how = Counter()
    for (person, nb, how), n in counts.items():
        by_how[(person, how)] += n
    print("totals:", dict(sorted(by_how.items())))
    return 0


if __name__ == "__main__":
    sys.exit(main())
