"""List what riwaya.timex finds in each seed article, with the publication
anchor (2024-12-08) and with none (reference inferred from the text).

    .venv/bin/python benchmarks/timex/seed_listing.py > benchmarks/data/timex/seed_listing.txt
"""
from __future__ import annotations

import sys
from pathlib import Path

from riwaya.timex import tag_times

SEEDS = Path(sys.argv[1] if len(sys.argv) > 1 else "/work/shared/seeds")

for anchor in ("2024-12-08", None):
    print(f"######## anchor = {anchor}")
    for f in sorted(SEEDS.glob("*.txt")):
        t = f.read_text(encoding="utf-8")
        print(f"== {f.name}")
        for m in tag_times(t, anchor=anchor):
            v = m.value
            print(f"  [{m.start:5},{m.end:5}] {m.text!r:48} {v.kind:8} {v.precision:11} "
                  f"{v.earliest} .. {v.latest}  {v.value or ''}  ({v.anchor})")
