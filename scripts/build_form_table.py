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


def sections(forms: list[str]) -> dict:
    from riwaya import formtable
    import riwaya.ner as ner
    from riwaya.events import learned
    out = {}
    th = ner._rules().get("foreign_name_zipf")
    if th:
        vals, codes = formtable.encode([ner._foreign_kind_of(w, th) for w in forms])
        out["ner.foreign_kind"] = {"args": [th], "values": vals, "codes": codes}
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
    a = ap.parse_args()
    from riwaya import formtable
    if a.count:
        forms = count_forms(Path(a.count), set(a.skip.split(",")), a.n)
    else:
        with gzip.open(formtable.TABLE, "rt", encoding="utf-8") as f:
            forms = json.load(f)["forms"]
    table = {"about": "riwaya.formtable: per-form results; scripts/build_form_table.py writes it",
             "forms": forms, "sections": sections(forms)}
    formtable.TABLE.parent.mkdir(parents=True, exist_ok=True)
    raw = json.dumps(table, ensure_ascii=False, separators=(",", ":")).encode("utf-8")
    with open(formtable.TABLE, "wb") as f:          # mtime 0: the same bytes for the same table
        with gzip.GzipFile(fileobj=f, mode="wb", compresslevel=9, mtime=0, filename="") as g:
            g.write(raw)
    secs = ", ".join(f"{k} ({len(v['values'])} values)" for k, v in table["sections"].items())
    print(f"{formtable.TABLE.relative_to(ROOT)}: {len(forms):,} forms, sections {secs}; "
          f"{formtable.TABLE.stat().st_size / 1e6:.2f} MB")
    return 0


if __name__ == "__main__":
    sys.exit(main())
