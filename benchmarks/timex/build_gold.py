"""Build the SaudiNewsNet time-expression gold set: the tagger's pre-tags on a
fixed random sample, corrected by hand (CORRECTIONS below, one line per decision).

Run once; the result, benchmarks/data/timex/saudinewsnet_gold.jsonl, holds only
offsets, the expression text and the expected values (no article text: the
corpus is CC BY-NC-SA, research only). Re-running rebuilds it from the current
tagger + corrections, so run it only to extend the set, then re-check by hand.
"""
from __future__ import annotations

import json
import random
import sys
import zipfile
from pathlib import Path

from riwaya.timex import tag_times

DATA = Path("/work/shared/data/saudinewsnet/dataset")
OUT = Path(__file__).resolve().parents[1] / "data" / "timex" / "saudinewsnet_gold.jsonl"
ZIPS = ["2015-07-22", "2015-07-24", "2015-08-01", "2015-08-07", "2015-08-09", "2015-08-11"]
T = "T00:00:00+03:00"
E = "T23:59:59+03:00"


def day(d):
    return (d + T, d + E)


# ("day:index" of the article, expression as tagged) -> what the annotator decided.
# fix: replace values and/or the span ("text": the corrected span, found near the old one);
# drop: not a time expression; add: a miss (text, nth occurrence).
CORRECTIONS = [
    ("fix", "2015-07-22:845", "الساعة ٦ مساء", {"text": "١٣ جون الساعة ٦ مساء", "earliest": "2015-06-13T18:00:00+03:00", "latest": "2015-06-13T18:00:00+03:00"}),
    ("fix", "2015-07-22:239", "اليوم", dict(zip(("earliest", "latest"), day("2015-07-21")))),   # حتى اليوم (أمس)
    ("add", "2015-07-24:895", "2015", 0, {"kind": "date", "earliest": "2015-01-01" + T, "latest": "2015-12-31" + E}),
    ("add", "2015-07-24:914", "2016", 0, {"kind": "date", "earliest": "2016-01-01" + T, "latest": "2016-12-31" + E}),
    ("add", "2015-08-01:327", "سنة ونصف", 0, {"kind": "duration", "earliest": None, "latest": None, "value": "P1.5Y"}),
    ("add", "2015-08-01:1034", "2022", 0, {"kind": "date", "earliest": "2022-01-01" + T, "latest": "2022-12-31" + E}),
    ("add", "2015-08-01:1034", "2008", 0, {"kind": "date", "earliest": "2008-01-01" + T, "latest": "2008-12-31" + E}),
    ("fix", "2015-08-07:768", "1437ه", {"text": "1436 /1437ه", "earliest": "2014-10-25" + T, "latest": "2016-10-01" + E}),
    ("fix", "2015-08-07:1373", "العام الجاري", {"text": "العام الجاري 2015"}),
    ("fix", "2015-08-07:1373", "العام الماضي", {"text": "العام الماضي 2014"}),
    ("drop", "2015-08-07:1066", "الخميس", None),                                   # a surname (بدر الخميس)
    ("fix", "2015-08-07:394", "1435هـ", {"text": "30 من ذي الحجة 1435هـ", "earliest": "2014-10-24" + T, "latest": "2014-10-24" + E}),
    ("fix", "2015-08-09:567", "الشهر السابق", {"earliest": "2015-06-01" + T, "latest": "2015-06-30" + E}),
    ("fix", "2015-08-09:736", "بعد عام", {"kind": "duration", "earliest": None, "latest": None, "value": "P1Y"}),
    ("fix", "2015-08-09:736", "2013", {"text": "2013-2014", "earliest": "2013-01-01" + T, "latest": "2014-12-31" + E}),
    ("fix", "2015-08-09:944", "ليل السبت", {"text": "ليل السبت الأحد", "earliest": "2015-08-08T18:00:00+03:00", "latest": "2015-08-09T05:59:59+03:00"}),
    ("drop", "2015-08-09:944", "الأحد", None),
    ("fix", "2015-08-09:1131", "الشهر الجاري", {"text": "12 الشهر الجاري", "earliest": "2015-08-12" + T, "latest": "2015-08-12" + E}),
    ("fix", "2015-08-09:739", "شباط/فبراير", {"earliest": "1943-02-01" + T, "latest": "1943-02-28" + E}),
    ("fix", "2015-08-09:995", "العام الجاري", {"text": "العام الجاري 1436هـ", "earliest": "2014-10-25" + T, "latest": "2015-10-13" + E}),
    ("drop", "2015-08-09:995", "1436هـ", None),
    ("fix", "2015-08-09:995", "هذا الشهر", {"earliest": "2015-06-18" + T, "latest": "2015-07-16" + E}),   # هذا الشهر المبارك = Ramadan
    ("add", "2015-08-09:995", "رمضان", 1, {"kind": "date", "earliest": "2015-06-18" + T, "latest": "2015-07-16" + E}),
    ("fix", "2015-08-09:323", "يوم الخميس", dict(zip(("earliest", "latest"), day("2015-08-13")))),
    ("fix", "2015-08-11:1536", "12:42", {"earliest": "2015-08-11T12:42:00+03:00", "latest": "2015-08-11T12:42:00+03:00"}),
    ("fix", "2015-08-11:255", "في تلك الليلة", {"earliest": None, "latest": None}),   # a past night the text never dates
    # --- second batch (articles 17-22 of each day) ---
    ("fix", "2015-07-22:1598", "أمس", {"earliest": "2015-07-20" + T, "latest": "2015-07-20" + E}),   # أمس "الاثنين"
    ("fix", "2015-07-22:1598", "الساعة 5:30 مساء أمس", {"earliest": "2015-07-20T17:30:00+03:00", "latest": "2015-07-20T17:30:00+03:00"}),
    ("fix", "2015-07-22:1355", "العام الماضي", {"text": "العام الماضي 2014م"}),
    ("drop", "2015-07-22:1355", "2014م", None),
    ("fix", "2015-07-22:1355", "العام الماضي", {"text": "العام الماضي 2014", "nth": 0}),
    ("fix", "2015-07-22:1355", "العام الماضي", {"text": "العام الماضي 2014", "nth": 1}),
    ("fix", "2015-07-22:1355", "العام الماضي", {"text": "العام الماضي 2014", "nth": 3}),
    ("fix", "2015-07-22:1748", "الثاني من شهر يوليو الجاري", {"text": "الأسبوع الثاني من شهر يوليو الجاري", "earliest": "2015-07-08" + T, "latest": "2015-07-14" + E}),
    ("drop", "2015-07-22:1748", "30 يونيو", None),                    # ثورة 30 يونيو: a name
    ("add", "2015-07-22:1748", "2015", 0, {"kind": "date", "earliest": "2015-01-01" + T, "latest": "2015-12-31" + E}),
    ("fix", "2015-07-24:1289", "بعد 3 ايام", {"kind": "duration", "earliest": None, "latest": None, "value": "P3D"}),
    ("fix", "2015-07-24:1289", "الساعة 13", {"text": "الساعة 13,30", "earliest": "2015-07-23T13:30:00+03:00", "latest": "2015-07-23T13:30:00+03:00"}),
    ("drop", "2015-08-01:434", "اليوم", None),                        # قناة «روسيا اليوم»
    ("fix", "2015-08-01:434", "الاثنين", dict(zip(("earliest", "latest"), day("2015-07-27")))),
    ("fix", "2015-08-01:1195", "الشهر السابق", {"earliest": "2015-06-01" + T, "latest": "2015-06-30" + E}),
    ("add", "2015-08-01:1195", "أبريل", 0, {"kind": "date", "earliest": "2015-04-01" + T, "latest": "2015-04-30" + E}),
    ("add", "2015-08-01:1195", "أبريل", 1, {"kind": "date", "earliest": "2015-04-01" + T, "latest": "2015-04-30" + E}),
    ("fix", "2015-08-01:1225", "أغسطس المقبل", {"text": "الـ12 من أغسطس المقبل", "earliest": "2015-08-12" + T, "latest": "2015-08-12" + E}),
    ("fix", "2015-08-01:1225", "مساء أمس", {"earliest": "2015-07-30T17:00:00+03:00", "latest": "2015-07-30T23:59:59+03:00"}),
    ("fix", "2015-08-01:1225", "مساء اليوم", {"earliest": "2015-07-31T17:00:00+03:00", "latest": "2015-07-31T23:59:59+03:00"}),
    ("fix", "2015-08-01:1225", "مساء اليوم", {"earliest": "2015-07-31T17:00:00+03:00", "latest": "2015-07-31T23:59:59+03:00", "nth": 1}),
    ("add", "2015-08-01:1225", "أسبوع", 0, {"kind": "duration", "earliest": None, "latest": None, "value": "P1W"}),
    ("fix", "2015-08-07:545", "1437هـ", {"text": "1436/1437هـ", "earliest": "2014-10-25" + T, "latest": "2016-10-01" + E}),
    ("fix", "2015-08-07:545", "العام الحالي", {"text": "العام الحالي 1435/1436هـ", "earliest": "2013-11-04" + T, "latest": "2015-10-13" + E}),
    ("drop", "2015-08-07:545", "1436هـ", None),
    ("fix", "2015-08-07:946", "الثمانينيات", {"text": "الثمانينيات الهجرية", "earliest": "1960-06-25" + T, "latest": "1970-03-08" + E}),
    ("fix", "2015-08-07:946", "الثمانينيات", {"text": "الثمانينيات الهجرية", "earliest": "1960-06-25" + T, "latest": "1970-03-08" + E}),
    ("fix", "2015-08-07:205", "الشهر السابق", {"earliest": "2015-06-01" + T, "latest": "2015-06-30" + E}),
    ("fix", "2015-08-07:205", "الشهر السابق", {"earliest": "2015-06-01" + T, "latest": "2015-06-30" + E, "nth": 1}),
    ("add", "2015-08-07:205", "2015 /2016", 0, {"kind": "date", "earliest": "2015-01-01" + T, "latest": "2016-12-31" + E}),
    ("fix", "2015-08-09:1129", "يوم الأربعاء 25 ذي القعدة", {"text": "يوم الأربعاء 25 ذي القعدة المقبل"}),
    ("fix", "2015-08-09:900", "1437 هـ", {"text": "1436/1437 هـ", "earliest": "2014-10-25" + T, "latest": "2016-10-01" + E}),
    ("fix", "2015-08-11:905", "الاحد", dict(zip(("earliest", "latest"), day("2015-08-16")))),
    ("add", "2015-08-11:905", "2012 و2014", 0, {"kind": "date", "earliest": "2012-01-01" + T, "latest": "2014-12-31" + E}),
    ("fix", "2015-08-11:1391", "يناير", {"earliest": "2016-01-01" + T, "latest": "2016-01-31" + E}),
    ("fix", "2015-08-11:1014", "بعد عام", {"kind": "duration", "earliest": None, "latest": None, "value": "P1Y"}),
    # --- feasts (annotation gap found later: TimeML tags holidays; Eid al-Fitr 1436 = 17-19 July 2015) ---
    ("add", "2015-07-22:870", "ثاني أيام عيد الفطر", 0, {"kind": "date", "earliest": "2015-07-18" + T, "latest": "2015-07-18" + E}),
    ("add", "2015-07-22:569", "عيد الفطر المبارك", 0, {"kind": "date", "earliest": "2015-07-17" + T, "latest": "2015-07-19" + E}),
    ("drop", "2015-07-22:569", "خلال أيام", None),     # "خلال أيام عيد الفطر": the feast, not a vague duration
    ("add", "2015-07-22:569", "عيد الفطر", 1, {"kind": "date", "earliest": "2015-07-17" + T, "latest": "2015-07-19" + E}),
    ("add", "2015-07-22:1598", "عيد الفطر المبارك", 0, {"kind": "date", "earliest": "2015-07-17" + T, "latest": "2015-07-19" + E}),
    ("add", "2015-08-09:323", "عيد الفطر المبارك", 0, {"kind": "date", "earliest": "2015-07-17" + T, "latest": "2015-07-19" + E}),
]


def close_brackets(mentions: list[dict], text: str) -> None:
    for m in mentions:
        if m["text"].count("(") > m["text"].count(")") and text[m["end"]:m["end"] + 1] == ")":
            m["end"] += 1
            m["text"] += ")"


def sample():
    random.seed(2024)
    for z in ZIPS:
        zf = zipfile.ZipFile(DATA / f"{z}.zip")
        d = json.loads(zf.read(zf.namelist()[0]))
        idx = [i for i in random.sample(range(len(d)), 90) if 600 < len(d[i]["content"]) < 4000][:22]
        for i in idx:
            yield z, i, d[i]


def main() -> None:
    docs = []
    for n, (z, i, a) in enumerate(sample()):
        t, anc = a["content"], a["date_extracted"][:10]
        ms = [{"start": m.start, "end": m.end, "text": m.text, "kind": m.value.kind,
               "earliest": m.value.earliest, "latest": m.value.latest, "value": m.value.value}
              for m in tag_times(t, anchor=anc)]
        docs.append({"key": f"{z}:{i}", "zip": z, "index": i, "source": a["source"], "anchor": anc, "mentions": ms, "_t": t})
    bykey = {d["key"]: d for d in docs}
    for act, n, text, arg, *rest in CORRECTIONS:
        doc = bykey[n]
        t = doc["_t"]
        if act == "add":
            occ, vals = arg, rest[0]
            pos = -1
            for _ in range(occ + 1):
                pos = t.index(text, pos + 1)
            doc["mentions"].append({"start": pos, "end": pos + len(text), "text": text, "value": None, **vals})
            continue
        hit = [m for m in doc["mentions"] if m["text"] == text]
        if not hit:
            sys.exit(f"correction not found: {n} {text}")
        if len(hit) <= (arg or {}).get("nth", 0):
            sys.exit(f"correction not found: {n} {text} nth")
        m = hit[(arg or {}).get("nth", 0)]
        if act == "drop":
            doc["mentions"].remove(m)
        else:
            if "text" in arg:
                new = arg["text"]
                pos = t.find(new, max(0, m["start"] - len(new)))
                assert pos >= 0 and pos <= m["start"] + 2, (n, new)
                m["start"], m["end"], m["text"] = pos, pos + len(new), new
            m.update({k: v for k, v in arg.items() if k not in ("text", "nth")})
    for doc in docs:       # annotation rule: a bracketed weekday keeps its closing bracket ("أمس (الأحد)")
        close_brackets(doc["mentions"], doc["_t"])
    OUT.parent.mkdir(parents=True, exist_ok=True)
    total = 0
    with OUT.open("w", encoding="utf-8") as f:
        for doc in docs:
            doc.pop("_t")
            doc.pop("key")
            doc["mentions"].sort(key=lambda m: m["start"])
            total += len(doc["mentions"])
            f.write(json.dumps(doc, ensure_ascii=False) + "\n")
    print(f"{len(docs)} articles, {total} gold expressions -> {OUT}")


if __name__ == "__main__":
    main()
