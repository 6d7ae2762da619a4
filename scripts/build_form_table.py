#!/usr/bin/env python
"""Write riwaya/data/forms/table.json.gz: per-word-form results for the commonest SaudiNewsNet forms
(riwaya.formtable). Run it after editing a file a section depends on, or retraining a model it reads
(``tests/test_form_table.py`` says which section is stale):

    .venv/bin/python scripts/build_form_table.py                 # the values again, for the shipped form list
    .venv/bin/python scripts/build_form_table.py --count DIR     # count the forms again (SaudiNewsNet zips)

The form list: the ``--n`` most frequent ``\\w+`` tokens of the SaudiNewsNet zips in DIR, less the zips
named in ``--skip`` (by default the first two, 2015-07-21 and -22, which hold the articles
``benchmarks/doc_speed.py`` times: the table must not know the benchmark's own words). Each section's value is
its function's own, computed here with the table switched off, so a section can only be as right as the code.
"""
from __future__ import annotations

import argparse
import collections
import gzip
import json
import os
import re
import sys
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))
os.environ["RIWAYA_NO_FORM_TABLE"] = "1"     # values computed, never read back from an older table


def count_forms(data: Path, skip: set[str], n: int) -> list[str]:
    cnt: collections.Counter = collections.Counter()
    word = re.compile(r"\w+")
    for z in sorted(data.glob("*.zip")):
        if z.name in skip:
            continue
        with zipfile.ZipFile(z) as zf:
            for name in sorted(zf.namelist()):
                for a in json.loads(zf.read(name)):
                    cnt.update(word.findall(a.get("content") or ""))
    # ties broken by the form, so the list is the same on every run
    return [w for w, _ in sorted(cnt.items(), key=lambda x: (-x[1], x[0]))[:n]]


def crf_words(forms: list[str]) -> dict:
    """The CRF scorer's ids of each form (riwaya.ner.features.seed_ids), as arrays in ner_crf_words.npz."""
    import numpy as np
    from riwaya import formtable
    from riwaya.ner import _model
    from riwaya.ner.features import seed_ids
    rows = seed_ids(_model(), forms)
    width = len(next(r for r in rows if r is not None)[1])
    own, start, lent = [], [0], np.zeros((len(forms), width), dtype=np.int32)
    for j, r in enumerate(rows):
        if r is not None:
            own.extend(r[0])
            lent[j] = r[1]
        start.append(len(own))
    name = "ner_crf_words.npz"
    np.savez_compressed(formtable.TABLE.parent / name, own=np.array(own, dtype=np.int32),
                        own_start=np.array(start, dtype=np.int64), lent=lent,
                        ok=np.array([r is not None for r in rows], dtype=np.uint8))
    return {"file": name, "n": len(forms)}


def propose_forms(forms: list[str], n: int) -> dict:
    """The proposer's per-form verdicts (events.propose._known, _form_score) for the first n distinct
    normalised forms, under the shipped lexicon and model; the scores in events_propose_forms.npz."""
    import numpy as np
    from riwaya import formtable
    from riwaya.events import propose as P
    from riwaya.events.extract import _norm, load_lexicon
    lex, M = load_lexicon(), P.model()
    keys = list(dict.fromkeys(_norm(w) for w in forms))[:n]
    P._Cache.check(lex, M)
    roots, d = P._roots(lex), M["detect"]
    known = [P._known(k, lex) for k in keys]
    score = [P._form_score(k, d, roots) if not kn else 0.0 for k, kn in zip(keys, known)]
    name = "events_propose_forms.npz"
    np.savez_compressed(formtable.TABLE.parent / name, score=np.array(score, dtype=np.float64),
                        ok=np.array([not kn for kn in known], dtype=np.uint8))
    vals, codes = formtable.encode(known)
    return {"keys": keys, "values": vals, "codes": codes, "file": name, "n": len(keys)}


def sections(forms: list[str], n_crf: int, n_propose: int) -> dict:
    from riwaya import formtable
    import riwaya.ner as ner
    from riwaya.events import learned
    out = {}
    th = ner._rules().get("foreign_name_zipf")
    if th:
        vals, codes = formtable.encode([ner._foreign_kind_of(w, th) for w in forms])
        out["ner.foreign_kind"] = {"args": [th], "values": vals, "codes": codes}
    from riwaya.ner import features
    vals, codes = formtable.encode([list(features._context_computed(w)[1:]) for w in forms])
    out["ner.context_word"] = {"values": vals, "codes": codes}
    out["ner.crf_words"] = crf_words(forms[:n_crf])
    out["events.propose_forms"] = propose_forms(forms, n_propose)
    vals, codes = formtable.encode([learned._shape_computed(w) for w in forms])
    out["learned.shape_of"] = {"values": vals, "codes": codes}
    for name, s in out.items():
        s["fingerprint"] = formtable.fingerprint(name)
    return out


def main() -> int:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--count", metavar="DIR", help="count the forms again from the SaudiNewsNet zips in DIR")
    ap.add_argument("--skip", default="2015-07-21.zip,2015-07-22.zip", help="zips left out of the count")
    ap.add_argument("--n", type=int, default=100_000, help="forms kept (with --count)")
    ap.add_argument("--n-crf", type=int, default=100_000, help="forms whose CRF ids are kept (the first of the list)")
    ap.add_argument("--n-propose", type=int, default=40_000, help="normalised forms whose proposer verdicts are kept")
    a = ap.parse_args()
    from riwaya import formtable
    if a.count:
        forms = count_forms(Path(a.count), set(a.skip.split(",")), a.n)
    else:
        with gzip.open(formtable.TABLE, "rt", encoding="utf-8") as f:
            forms = json.load(f)["forms"]
    table = {"about": "riwaya.formtable: per-form results; scripts/build_form_table.py writes it",
             "forms": forms, "sections": sections(forms, a.n_crf, a.n_propose)}
    formtable.TABLE.parent.mkdir(parents=True, exist_ok=True)
    raw = json.dumps(table, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
    with open(formtable.TABLE, "wb") as f:          # mtime 0: the same bytes for the same table
        with gzip.GzipFile(fileobj=f, mode="wb", compresslevel=9, mtime=0, filename="") as g:
            g.write(raw)
    secs = ", ".join(f"{k} ({len(v['values'])} values)" if "file" not in v else f"{k} ({v['n']:,} forms, {v['file']})"
                     for k, v in table["sections"].items())
    print(f"{formtable.TABLE.relative_to(ROOT)}: {len(forms):,} forms, sections {secs}; "
          f"{formtable.TABLE.stat().st_size / 1e6:.2f} MB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
