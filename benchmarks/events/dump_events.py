"""Print the events riwaya extracts from documents, one line each (for reading output by eye).

    python benchmarks/events/dump_events.py corpus/fall-of-assad/*.txt [--movement]
"""
from __future__ import annotations

import sys

from riwaya.analyze import components
from riwaya.ingest.prepare import prepare
from riwaya.ingest.readers import read_paths


def main(argv):
    only_mv = "--movement" in argv
    paths = [a for a in argv if not a.startswith("--")]
    comps = components()
    for doc in read_paths(paths):
        if not hasattr(doc, "text"):
            continue
        prep = prepare(doc)
        text, lang = prep.clean, doc.language or "ar"
        ms = comps["kb"].match(text, lang) if comps["kb"] else []
        if comps["ner"]:
            ms = comps["ner"](text, lang, ms)
        ts = comps["timex"](text, lang, doc.published) if comps["timex"] else []
        evs, _ = comps["events"](text, ms, ts, prep.paragraphs, doc.outlet, lang)
        print("=" * 20, doc.path)
        for e in evs:
            if only_mv and e.cls != "movement" and e.type not in ("whereabouts", "refuge"):
                continue
            args = "; ".join(f"{a.role}={a.text!r}" + (f"<{a.entity}>" if a.entity else "") for a in e.arguments)
            t = f" @{e.time.earliest}" if e.time else ""
            chain = " > ".join(l.get("name") or "?" for l in e.attribution.chain)
            hedge = f" ({e.attribution.hedge})" if e.attribution.hedge else ""
            print(f"[{e.trigger_start}] {e.type}:{e.trigger}{t} | {args} || {chain}{hedge}")
            print("      ", text[e.start:e.end].strip()[:160].replace("\n", " "))


if __name__ == "__main__":
    main(sys.argv[1:])
