"""Build riwaya/data/events/transitivity.json: how often each Arabic trigger form of the lexicon takes an object,
counted in raw news text (trans28, issue #14).

    PYTHONPATH=. .venv/bin/python scripts/build_transitivity.py [--snn ../shared/data/saudinewsnet/dataset]
        [--pud ../shared/data/ud_arabic_pud/ar_pud-ud-test.conllu] [--out riwaya/data/events/transitivity.json]

Every word of every SaudiNewsNet article (research use: only this per-form table of counts ships, never the
articles) that the trigger lexicon reads as a one-word trigger (extract._lookup_ar: the curated forms and the ones
learned into model.json) counts for its lexicon form:
- n: the words;
- obj: the form carries an object pronoun (قتلته، يستهدفها، قتلوهم; not a noun's ة: عادة، سيطرة), the word without
  the article;
- pas: a passive light verb right before it (تم / يتم / جرى + the verbal noun: only a transitive act is done to);
- by: «من قبل» / «على يد» / «على أيدي» ... within five words after it (its genitive undergoes it, a doer follows);
- dd: the word without the article, then two definite nouns, the second not shaped as an adjective (a verb, its
  subject and its object: «قتل التنظيم الرهائن»);
- lam: a definite noun after it, then ل + a definite noun (the doer then the object: «تحرير المقاومة للمدينة»);
- prep: a preposition right after it (من، إلى، في، على، عن، مع: «انسحب من»، «وصل إلى»: a complement, not an object).
The table keeps forms seen at least MIN_N times. learned.transitivity() reads a form's class from it: its object
cues (obj + pas + by + dd + lam) against its prepositions, on a log scale, cut at the table's tertiles (`cuts`).

--pud checks the table against UD Arabic-PUD's hand-made trees: per lexicon form of a VERB, the share of its
occurrences with an `obj` dependent or in the passive, against the table's class (printed, not stored).
"""
from __future__ import annotations

import argparse
import json
import math
import sys
import zipfile
from collections import defaultdict
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT))

from riwaya.events.extract import _lookup_ar, load_lexicon  # noqa: E402
from riwaya.events.learned import _MARKS, _TOKENS, AR_PUNCT, _lexicon  # noqa: E402
from riwaya.textutil import normalize_ar  # noqa: E402

FIELDS = ("n", "obj", "pas", "by", "dd", "lam", "prep")
MIN_N = 20
OBJ_PRONOUNS = ("هما", "هم", "هن", "ها", "كم", "ني", "ه")
PREPS = frozenset(("من", "الي", "في", "علي", "عن", "مع"))
ADJ_ENDS = ("ي", "يه", "يين", "يون", "يات")
CLITICS = ("وال", "فال", "بال", "كال", "لل", "ال", "و", "ف", "ب", "ل", "س")


def _definite(w: str) -> bool:
    return w.startswith(("ال", "وال", "بال", "فال", "لل")) and len(w) > 3


def _has_article(w: str) -> bool:
    return w.startswith(("ال", "وال", "بال", "فال", "كال", "لل")) and len(w) > 3


def _suffix(w: str, form: str) -> str:
    """What the word carries after the lexicon form (يستهدفها with استهدف -> ها; قتلوهم with قتل -> وهم)."""
    k = w.rfind(form)
    if k < 0 and form[:1] == "ي":          # the lookup reads تـ/نـ verbs with يـ
        k = w.rfind(form[1:])
        return w[k + len(form) - 1:] if k >= 0 else ""
    return w[k + len(form):] if k >= 0 else ""


def _object_pronoun(suf: str) -> bool:
    if not suf:
        return False
    for p in OBJ_PRONOUNS:
        if suf.endswith(p):
            rest = suf[:-len(p)]
            return rest in ("", "و", "ت", "تو", "ا", "ن", "وا")
    return False


def count(texts, lex: dict, passive_aux: frozenset, agent_by: tuple) -> dict[str, list[int]]:
    table: dict[str, list[int]] = defaultdict(lambda: [0] * len(FIELDS))
    for text in texts:
        raw = [m.group() for m in _TOKENS[AR_PUNCT].finditer(text)]
        toks = [normalize_ar(w) for w in raw]
        nt = len(toks)
        for i, w in enumerate(toks):
            if len(w) < 3:
                continue
            r = _lookup_ar(w, lex)
            if r is None:
                continue
            form = r[1]
            row = table[form]
            row[0] += 1
            art = _has_article(w)
            # not a noun's ة (normalised to ه: عادة، سيطرة), only a pronoun
            if not art and not _MARKS.sub("", raw[i]).endswith("ة") and _object_pronoun(_suffix(w, form)):
                row[1] += 1
            prev = toks[i - 1] if i else ""
            if prev in passive_aux or (prev[:1] in "وف" and prev[1:] in passive_aux):
                row[2] += 1
            after = " " + " ".join(toks[i + 1:i + 7]) + " "
            if any(f" {p} " in after for p in agent_by):
                row[3] += 1
            n1 = toks[i + 1] if i + 1 < nt else ""
            n2 = toks[i + 2] if i + 2 < nt else ""
            if not art and n1.startswith("ال") and n2.startswith("ال") and not n2.endswith(ADJ_ENDS) \
                    and len(n1) > 3 and len(n2) > 3:
                row[4] += 1
            if n1.startswith("ال") and n2.startswith("لل") and len(n2) > 4:
                row[5] += 1
            if n1 in PREPS:
                row[6] += 1
    return table


def score(row) -> float:
    d = dict(zip(FIELDS, row))
    return math.log((d["obj"] + d["pas"] + d["by"] + d["dd"] + d["lam"] + 0.5) / (d["prep"] + 0.5))


def snn_texts(folder: Path):
    for z in sorted(folder.glob("*.zip")):
        with zipfile.ZipFile(z) as zf:
            for name in zf.namelist():
                if name.endswith(".json"):
                    for art in json.loads(zf.read(name).decode("utf-8")):
                        yield (art.get("title") or "") + "\n" + (art.get("content") or "")


def pud_check(path: Path, lex: dict, classes: dict[str, str]) -> dict:
    """Per form of a VERB in PUD: [occurrences, with an object or passive]; and per class of the table, pooled."""
    per: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    sent: list[list[str]] = []

    def flush():
        for cols in sent:
            if cols[3] != "VERB":
                continue
            r = _lookup_ar(normalize_ar(cols[1]), lex)
            if r is None:
                continue
            kids = [c[7] for c in sent if c[6] == cols[0]]
            obj = "obj" in kids or "Voice=Pass" in cols[5] or "nsubj:pass" in kids
            per[r[1]][0] += 1
            per[r[1]][1] += obj
    for line in path.read_text(encoding="utf-8").splitlines():
        if not line.strip():
            flush()
            sent = []
        elif not line.startswith("#"):
            cols = line.split("\t")
            if cols[0].isdigit():
                sent.append(cols)
    flush()
    pooled: dict[str, list[int]] = defaultdict(lambda: [0, 0])
    for form, (n, o) in per.items():
        c = classes.get(form, "unk")
        pooled[c][0] += n
        pooled[c][1] += o
    return {"per_class": {c: {"verbs": n, "with_object": o, "share": round(o / n, 3)} for c, (n, o) in
                          sorted(pooled.items())},
            "forms": {f: v for f, v in sorted(per.items(), key=lambda x: -x[1][0])}}


def classify(forms: dict[str, list[int]], cuts: list[float]) -> dict[str, str]:
    out = {}
    for f, row in forms.items():
        s = score(row)
        out[f] = "I" if s < cuts[0] else ("M" if s < cuts[1] else "T")
    return out


def main() -> int:
    ap = argparse.ArgumentParser()
    ap.add_argument("--snn", default=str(ROOT.parent / "shared" / "data" / "saudinewsnet" / "dataset"))
    ap.add_argument("--pud", default=str(ROOT.parent / "shared" / "data" / "ud_arabic_pud" / "ar_pud-ud-test.conllu"))
    ap.add_argument("--out", default=str(ROOT / "riwaya" / "data" / "events" / "transitivity.json"))
    a = ap.parse_args()
    lex = load_lexicon()
    L = _lexicon()
    passive_aux = frozenset(L["passive_aux"]["ar"])
    agent_by = tuple(L["agent_by"]["ar"])
    table = count(snn_texts(Path(a.snn)), lex, passive_aux, agent_by)
    forms = {f: row for f, row in sorted(table.items()) if row[0] >= MIN_N}
    scores = sorted(score(r) for r in forms.values())
    cuts = [round(scores[len(scores) // 3], 3), round(scores[2 * len(scores) // 3], 3)]
    out = {"about": "per Arabic trigger form of the lexicon (normalised): counts of its words in SaudiNewsNet "
                    "(2015, 31k articles) with object cues; built by scripts/build_transitivity.py",
           "fields": list(FIELDS), "min_n": MIN_N, "cuts": cuts, "forms": forms}
    Path(a.out).write_text(json.dumps(out, ensure_ascii=False, separators=(",", ":")) + "\n", encoding="utf-8")
    classes = classify(forms, cuts)
    print(f"{len(table)} forms seen, {len(forms)} kept (n >= {MIN_N}); cuts {cuts}; classes "
          f"{ {c: sum(1 for v in classes.values() if v == c) for c in 'ITM'} }", file=sys.stderr)
    if a.pud and Path(a.pud).exists():
        chk = pud_check(Path(a.pud), lex, classes)
        print(json.dumps(chk["per_class"], ensure_ascii=False), file=sys.stderr)
        for f, (n, o) in list(chk["forms"].items())[:40]:
            print(f"  {f}\t{classes.get(f, 'unk')}\t{n}\t{o}", file=sys.stderr)
    print(f"wrote {a.out} ({Path(a.out).stat().st_size} bytes)", file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main())
