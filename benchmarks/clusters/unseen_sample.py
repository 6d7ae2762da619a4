"""An unseen SaudiNewsNet sample for judging the conflicts riwaya lists (issue #15, 80% of listed conflicts real).

    python benchmarks/clusters/unseen_sample.py OUT_DIR [DAY ...]    # -> OUT_DIR/part.jsonl, OUT_DIR.docs.json (ids)
    python benchmarks/clusters/unseen_sample.py OUT_DIR --sample fourth    # a judged sample, as it was judged
    riwaya build OUT_DIR -q --db sqlite:////tmp/unseen.db && riwaya conflicts --db sqlite:////tmp/unseen.db

Articles of five busy days of the Yemen war, the Turkish and Afghan attacks and Gulf diplomacy
(2015-08-07 .. 2015-08-11), 300-3,000 characters, whose title and lead hold at least three different
political or war words (KEYWORDS), one per lead (the first 300 characters), and none that is in the
cluster or events corpora (stories.jsonl, events_corpus annotations/queue, ner_snn): 630 articles. The held-out
sample, judged after the rules were written on the first: DAYs 2015-07-31 2015-08-01 2015-08-02 2015-08-03
2015-08-04 (498 articles). The third, judged once at the end of the tenth round (unseen_conflicts_judged_third.tsv):
DAYs 2015-07-23 2015-07-24 2015-07-25 2015-07-26 2015-07-27 (548 articles). The fourth, judged once at the end of
the eleventh round (unseen_conflicts_judged_fourth.tsv): DAYs 2015-07-21 2015-07-22 2015-08-06 (476 articles; one,
snn/2015-08-06/2848, whose lead is a held-out sample article's, taken out by hand: 475).
Deterministic, but the draw leaves out the corpora as they are when it runs: once the events corpus grew (annotators
E and F, ninth session) a draw of the same days differs. The four judged samples are therefore kept by id
(benchmarks/data/clusters/unseen_samples.json: tuning, heldout, third, fourth) and `--sample NAME` rebuilds one
exactly. The judged conflicts are in benchmarks/data/clusters/unseen_conflicts_judged.tsv.
The fifth (twelfth round, unseen_conflicts_judged_fifth.tsv): the four had drawn every crawl day whole, so it takes
the longer articles they left (300-6,000 characters, any day; none of the four samples nor one sharing a lead with
them: `fifth()`, drawn once with `unseen_sample.py DIR fifth-draw`): 501 articles, frozen as "fifth".
The sixth (fourteenth session, judge17, unseen_conflicts_judged_sixth.tsv): the crawl holds only these 18 days
(2015-07-21 .. 2015-08-11) and the five samples hold every article of them with 3+ KEYWORDS and 300-6,000
characters, so the sixth takes the next tier: exactly 2 different KEYWORDS, 300-3,000 characters, of DAYs
2015-08-07 2015-08-08 2015-08-09 2015-08-10 (SIXTH_DAYS), none of the five samples nor one sharing a lead with them
(`sixth()`, drawn once with `unseen_sample.py DIR sixth-draw`): 508 articles, frozen as "sixth".
The seventh (sixteenth session, lead): the same tier as the sixth (exactly 2 KEYWORDS, 300-3,000 characters) on four
other days, SEVENTH_DAYS 2015-08-06 2015-08-11 2015-07-21 2015-07-22, none of the six samples nor one sharing a lead
with them (`seventh()`, drawn once with `unseen_sample.py DIR seventh-draw`), frozen as "seventh" before any rule of the
session was merged, and judged once, on the session's final merge.
The eighth (seventeenth session, lead): the same tier on four days neither the sixth nor the seventh drew,
EIGHTH_DAYS 2015-07-31 2015-08-01 2015-08-02 2015-08-03, none of the seven samples nor one sharing a lead with them
(`eighth()`, drawn once with `unseen_sample.py DIR eighth-draw`), frozen as "eighth" before any branch of the session
was merged, built on main before the merges and on the final merge, and judged once.
The ninth (eighteenth session, lead): the same tier on four days none of the sixth, seventh or eighth drew,
NINTH_DAYS 2015-07-23 2015-07-24 2015-07-25 2015-07-26, none of the eight samples nor one sharing a lead with them
(`ninth()`, drawn once with `unseen_sample.py DIR ninth-draw`), frozen as "ninth" before any branch of the session
was merged, and judged once on the final merge.
The tenth (nineteenth session, lead): the same tier on every day, up to 6,000 characters: the two days no 2-keyword
sample drew (2015-07-27, 2015-08-04) and the 3,000-6,000-character articles of the others, none of the nine samples
nor one sharing a lead with them (`tenth()`, drawn once with `unseen_sample.py DIR tenth-draw`), frozen as "tenth"
before any branch of the session was merged, and judged once on the final merge.
The eleventh (twentieth session, lead): the 2-keyword tier up to 6,000 characters is spent, so two other tiers, every
day: the articles over 6,000 characters (up to 20,000) with 2 or more KEYWORDS (207), and every 20th article of the
1-keyword tier, 300-6,000 characters; none of the ten samples nor one sharing a lead with them (`eleventh()`, drawn
once with `unseen_sample.py DIR eleventh-draw`), frozen as "eleventh" before any branch of the session was merged,
and judged once on the final merge.
The twelfth (twenty-first session, lead): the rest of the 1-keyword tier (300-6,000 characters, every day), every 10th
article, none of the eleven samples nor one sharing a lead with them (`twelfth()`, drawn once with
`unseen_sample.py DIR twelfth-draw`), frozen as "twelfth" before any branch of the session was merged, and judged once
on the final merge.
The thirteenth (twenty-second session, lead): every 10th article, from the 5th, of the 1-keyword tier (300-6,000
characters, every day) the twelfth left, none of the twelve samples nor one sharing a lead with them (`thirteenth()`,
drawn once with `unseen_sample.py DIR thirteenth-draw`), frozen as "thirteenth" before any branch of the session was
merged, and judged once on the final merge.
The fourteenth (twenty-third session, lead): the 1-keyword samples drew every 10th article, so few of their articles
share a story; the fourteenth takes one busy day whole instead, for denser stories: every article of 2015-08-06 in the
1-keyword tier (300-6,000 characters) none of the thirteen samples holds nor shares a lead with (`fourteenth()`, drawn
once with `unseen_sample.py DIR fourteenth-draw`), frozen as "fourteenth" before any branch of the session was merged,
and judged once on the final merge.
The fifteenth (twenty-fourth session, lead): no 2-keyword article is left at any length, so the 1-keyword tier's
articles over 6,000 characters (188, every day) and the day 2015-07-21 of that tier whole (`fifteenth()`, drawn once with
`unseen_sample.py DIR fifteenth-draw`), frozen as "fifteenth" before any branch of the session was merged, and judged
once on the final merge.
The sixteenth (twenty-fifth session, lead): the day of the 1-keyword tier with the most articles left (2015-07-31, 300-6,000
characters) whole, and every 6th article of the same day with no KEYWORD at all (sport, business, society: the text a
user's corpus holds beside the story, where nothing should be listed), none of the fifteen samples nor one sharing a
lead with them (`sixteenth()`, drawn once with `unseen_sample.py DIR sixteenth-draw`), frozen as "sixteenth" before any
branch of the session was merged, and judged once on the final merge.
The seventeenth (twenty-sixth session, lead): the next day of the 1-keyword tier with most articles left (2015-07-22,
300-6,000 characters) whole, and every 6th article of that day with no KEYWORD, none of the sixteen samples nor one
sharing a lead with them (`seventeenth()`, drawn once with `unseen_sample.py DIR seventeenth-draw`), frozen as
"seventeenth" before any branch of the session was merged, and judged once on the final merge.
The eighteenth (twenty-seventh session, lead): the next day of the 1-keyword tier with most articles left (2015-07-24,
300-6,000 characters) whole, and every 6th article of that day with no KEYWORD, none of the seventeen samples nor one
sharing a lead with them (`eighteenth()`, drawn once with `unseen_sample.py DIR eighteenth-draw`), frozen as
"eighteenth" before any branch of the session was merged, and judged once on the final merge.
The nineteenth (twenty-eighth session, lead): the next day of the 1-keyword tier with most articles left (2015-08-11,
300-6,000 characters) whole, and every 6th article of that day with no KEYWORD, none of the eighteen samples nor one
sharing a lead with them (`nineteenth()`, drawn once with `unseen_sample.py DIR nineteenth-draw`), frozen as
"nineteenth" before any branch of the session was merged, and judged once on the final merge.
The twentieth (twenty-ninth session, lead): the next day of the 1-keyword tier with most articles left (2015-08-10,
300-6,000 characters) whole, and every 6th article of that day with no KEYWORD, none of the nineteen samples nor one
sharing a lead with them (`twentieth()`, drawn once with `unseen_sample.py DIR twentieth-draw`), frozen as
"twentieth" before any branch of the session was merged, and judged once on the final merge.
The twenty-first (thirtieth session, lead): the next day of the 1-keyword tier with most articles left (2015-07-26,
300-6,000 characters) whole, and every 6th article of that day with no KEYWORD, none of the twenty samples nor one
sharing a lead with them (`twenty_first()`, drawn once with `unseen_sample.py DIR twenty-first-draw`), frozen as
"twenty-first" before any branch of the session was merged, and judged once on the final merge.
The twenty-second (thirty-first session, lead): the next day of the 1-keyword tier with most articles left
(2015-07-25, 300-6,000 characters) whole, and every 6th article of that day with no KEYWORD, none of the twenty-one
samples nor one sharing a lead with them (`twenty_second()`, drawn once with `unseen_sample.py DIR
twenty-second-draw`), frozen as "twenty-second" before any branch of the session was merged, and judged once on the
final merge.
"""
from __future__ import annotations

import argparse
import hashlib
from functools import lru_cache
import json
import re
import sys
import zipfile
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
SAMPLES = ROOT / "benchmarks/data/clusters/unseen_samples.json"
DATA = ROOT.parent / "shared" / "data" / "saudinewsnet" / "dataset"
DAYS = ("2015-08-07", "2015-08-08", "2015-08-09", "2015-08-10", "2015-08-11")
KEYWORDS = re.compile(r"قتل|هجوم|غار[ةا]|الحوثي|داعش|قوات|الجيش|اشتباك|تفجير|انفجار|مسلح|الرئيس|وزير|حكوم|"
                      r"المعارضة|سوري|اليمن|العراق|ليبيا|إيران|فلسطين|الاحتلال|اعتقال|معارك")


def _seen() -> set[str]:
    """Documents of the cluster and events corpora (never in the sample)."""
    out: set[str] = set()
    for line in (ROOT / "benchmarks/data/clusters/stories.jsonl").read_text(encoding="utf-8").splitlines():
        out.update(json.loads(line)["docs"])
    for name in ("annotations.jsonl", "queue.jsonl"):
        for line in (ROOT / "benchmarks/data/events_corpus" / name).read_text(encoding="utf-8").splitlines():
            out.add(json.loads(line)["doc"])
    for path in sorted((ROOT / "benchmarks/data/ner_snn").glob("*.jsonl")):
        for line in path.read_text(encoding="utf-8").splitlines():
            doc = json.loads(line).get("doc") if line.strip() else None
            if doc:
                out.add(doc)
    return out


def sample(days=DAYS, longest: int = 3000, used: frozenset = frozenset(), leads: set | None = None,
           words: tuple[int, int] = (3, 99)) -> list[tuple[str, dict]]:
    """Articles of these days with 300..longest characters, words[0]..words[1] different KEYWORDS in title and
    lead (3+ by default), one per lead (md5 of the first 300 characters), none of the corpora nor of ``used``,
    nor a lead already in ``leads``."""
    seen, leads, out = _seen(), set() if leads is None else leads, []
    for day in days:
        for i, a in enumerate(_day(day)):
            doc, text = f"snn/{day}/{i}", (a.get("content") or "").strip()
            if doc in seen or doc in used or not 300 <= len(text) <= longest:
                continue
            lead = hashlib.md5(text[:300].encode()).hexdigest()
            if lead in leads or not (words[0] <= len(set(KEYWORDS.findall((a.get("title") or "") + " " + text[:600])))
                                     <= words[1]):
                continue
            leads.add(lead)
            out.append((doc, a))
    return out


def _judged_ids_and_leads(names) -> tuple[frozenset, set]:
    """The ids of these judged samples and the leads (md5 of the first 300 characters) their articles hold."""
    earlier = json.loads(SAMPLES.read_text(encoding="utf-8"))
    used = frozenset(d for name in names for d in earlier.get(name, ()))
    leads = set()
    for doc in used:
        day, i = doc.split("/")[1:]
        leads.add(hashlib.md5((_day(day)[int(i)].get("content") or "").strip()[:300].encode()).hexdigest())
    return used, leads


SIXTH_DAYS = ("2015-08-07", "2015-08-08", "2015-08-09", "2015-08-10")


def sixth() -> list[tuple[str, dict]]:
    """The sixth sample's draw (issue #15, judge17, fourteenth session): the five judged samples hold every
    article of the 18 crawl days with 3+ KEYWORDS and 300-6,000 characters, so the sixth takes the next tier:
    articles with exactly 2 different KEYWORDS in title and lead, 300-3,000 characters (the first four's band),
    of four busy days (SIXTH_DAYS), one per lead, none of the corpora, none of the five samples nor an article
    whose lead one of them holds."""
    used, leads = _judged_ids_and_leads(("tuning", "heldout", "third", "fourth", "fifth"))
    return sample(SIXTH_DAYS, longest=3000, used=used, leads=leads, words=(2, 2))


SEVENTH_DAYS = ("2015-08-06", "2015-08-11", "2015-07-21", "2015-07-22")


def seventh() -> list[tuple[str, dict]]:
    """The seventh sample's draw (sixteenth session): the sixth's tier on four days it did not draw, none of
    the six samples nor an article whose lead one of them holds."""
    used, leads = _judged_ids_and_leads(("tuning", "heldout", "third", "fourth", "fifth", "sixth"))
    return sample(SEVENTH_DAYS, longest=3000, used=used, leads=leads, words=(2, 2))


EIGHTH_DAYS = ("2015-07-31", "2015-08-01", "2015-08-02", "2015-08-03")


def eighth() -> list[tuple[str, dict]]:
    """The eighth sample's draw (seventeenth session): the sixth's tier on four days neither it nor the seventh
    drew, none of the seven samples nor an article whose lead one of them holds."""
    used, leads = _judged_ids_and_leads(("tuning", "heldout", "third", "fourth", "fifth", "sixth", "seventh"))
    return sample(EIGHTH_DAYS, longest=3000, used=used, leads=leads, words=(2, 2))


NINTH_DAYS = ("2015-07-23", "2015-07-24", "2015-07-25", "2015-07-26")


def ninth() -> list[tuple[str, dict]]:
    """The ninth sample's draw (eighteenth session): the sixth's tier on four days none of the sixth, seventh or
    eighth drew, none of the eight samples nor an article whose lead one of them holds."""
    used, leads = _judged_ids_and_leads(("tuning", "heldout", "third", "fourth", "fifth", "sixth", "seventh", "eighth"))
    return sample(NINTH_DAYS, longest=3000, used=used, leads=leads, words=(2, 2))


def tenth() -> list[tuple[str, dict]]:
    """The tenth sample's draw (nineteenth session): the sixth's tier (exactly 2 KEYWORDS) on every crawl day, now up
    to 6,000 characters: the two days no 2-keyword sample drew (2015-07-27, 2015-08-04) whole, and the longer
    articles (3,000-6,000 characters) of the other days, none of the nine samples nor an article whose lead one of
    them holds."""
    used, leads = _judged_ids_and_leads(("tuning", "heldout", "third", "fourth", "fifth", "sixth", "seventh", "eighth",
                                         "ninth"))
    days = sorted(p.stem for p in DATA.glob("*.zip"))
    return sample(days, longest=6000, used=used, leads=leads, words=(2, 2))


def eleventh() -> list[tuple[str, dict]]:
    """The eleventh sample's draw (twentieth session): the long articles (6,000-20,000 characters, 2+ KEYWORDS) and
    every 20th of the 1-keyword tier (300-6,000 characters), every crawl day, none of the ten samples nor an
    article whose lead one of them holds."""
    used, leads = _judged_ids_and_leads(("tuning", "heldout", "third", "fourth", "fifth", "sixth", "seventh", "eighth",
                                         "ninth", "tenth"))
    days = sorted(p.stem for p in DATA.glob("*.zip"))
    long = [(d, a) for d, a in sample(days, longest=20000, used=used, leads=leads, words=(2, 99))
            if len((a.get("content") or "").strip()) > 6000]
    return long + sample(days, longest=6000, used=used, leads=leads, words=(1, 1))[::20]


def twelfth() -> list[tuple[str, dict]]:
    """The twelfth sample's draw (twenty-first session): every 10th article of the 1-keyword tier (300-6,000
    characters) the eleventh left, every crawl day, none of the eleven samples nor an article whose lead one of them
    holds."""
    used, leads = _judged_ids_and_leads(("tuning", "heldout", "third", "fourth", "fifth", "sixth", "seventh", "eighth",
                                         "ninth", "tenth", "eleventh"))
    days = sorted(p.stem for p in DATA.glob("*.zip"))
    return sample(days, longest=6000, used=used, leads=leads, words=(1, 1))[::10]


def thirteenth() -> list[tuple[str, dict]]:
    """The thirteenth sample's draw (twenty-second session): every 10th article, from the 5th, of the 1-keyword tier
    (300-6,000 characters) the twelfth left, every crawl day, none of the twelve samples nor an article whose lead one
    of them holds."""
    used, leads = _judged_ids_and_leads(("tuning", "heldout", "third", "fourth", "fifth", "sixth", "seventh", "eighth",
                                         "ninth", "tenth", "eleventh", "twelfth"))
    days = sorted(p.stem for p in DATA.glob("*.zip"))
    return sample(days, longest=6000, used=used, leads=leads, words=(1, 1))[5::10]


def fourteenth() -> list[tuple[str, dict]]:
    """The fourteenth sample's draw (twenty-third session): every article of one busy day (2015-08-06) in the 1-keyword
    tier (300-6,000 characters), none of the thirteen samples nor an article whose lead one of them holds."""
    used, leads = _judged_ids_and_leads(("tuning", "heldout", "third", "fourth", "fifth", "sixth", "seventh", "eighth",
                                         "ninth", "tenth", "eleventh", "twelfth", "thirteenth"))
    return sample(("2015-08-06",), longest=6000, used=used, leads=leads, words=(1, 1))


def fifteenth() -> list[tuple[str, dict]]:
    """The fifteenth sample's draw (twenty-fourth session): no article with 2+ KEYWORDS is left at any length, so the
    1-keyword tier's long articles (6,000-20,000 characters, every crawl day: none of the samples drew over 6,000) and
    one more busy day of the same tier whole (2015-07-21, 300-6,000 characters); none of the fourteen samples nor an
    article whose lead one of them holds."""
    used, leads = _judged_ids_and_leads(("tuning", "heldout", "third", "fourth", "fifth", "sixth", "seventh", "eighth",
                                         "ninth", "tenth", "eleventh", "twelfth", "thirteenth", "fourteenth"))
    days = sorted(p.stem for p in DATA.glob("*.zip"))
    long = [(d, a) for d, a in sample(days, longest=20000, used=used, leads=leads, words=(1, 1))
            if len((a.get("content") or "").strip()) > 6000]
    _, leads = _judged_ids_and_leads(("tuning", "heldout", "third", "fourth", "fifth", "sixth", "seventh", "eighth",
                                      "ninth", "tenth", "eleventh", "twelfth", "thirteenth", "fourteenth"))
    leads |= {hashlib.md5((a.get("content") or "").strip()[:300].encode()).hexdigest() for _, a in long}
    day = sample(("2015-07-21",), longest=6000, used=used | {d for d, _ in long}, leads=leads, words=(1, 1))
    return long + day


JUDGED_ORDER = ("tuning", "heldout", "third", "fourth", "fifth", "sixth", "seventh", "eighth", "ninth", "tenth",
                "eleventh", "twelfth", "thirteenth", "fourteenth", "fifteenth", "sixteenth", "seventeenth",
                "eighteenth", "nineteenth", "twentieth", "twenty-first", "twenty-second")


def _busy_day_draw(name: str, day: str) -> list[tuple[str, dict]]:
    """The recipe of the sixteenth sample and every one after it: the day's 1-keyword tier whole (300-6,000
    characters) and every 6th article of that day without any KEYWORD; none of the samples drawn before ``name``
    (JUDGED_ORDER) nor an article whose lead one of them holds."""
    used, leads = _judged_ids_and_leads(JUDGED_ORDER[:JUDGED_ORDER.index(name)])
    one = sample((day,), longest=6000, used=used, leads=leads, words=(1, 1))
    none = sample((day,), longest=6000, used=used, leads=leads, words=(0, 0))
    return one + none[::6]


def sixteenth() -> list[tuple[str, dict]]:
    """The sixteenth sample's draw (twenty-fifth session): one more busy day of the 1-keyword tier whole (2015-07-31,
    300-6,000 characters, the day with most left) and every 6th article of that day without any KEYWORD; none of the
    fifteen samples nor an article whose lead one of them holds."""
    return _busy_day_draw("sixteenth", "2015-07-31")


def seventeenth() -> list[tuple[str, dict]]:
    """The seventeenth sample's draw (twenty-sixth session): the sixteenth's recipe on the next busiest day of the
    1-keyword tier (2015-07-22), none of the sixteen samples nor an article whose lead one of them holds."""
    return _busy_day_draw("seventeenth", "2015-07-22")


def eighteenth() -> list[tuple[str, dict]]:
    """The eighteenth sample's draw (twenty-seventh session): the seventeenth's recipe on the next busiest day of the
    1-keyword tier (2015-07-24), none of the seventeen samples nor an article whose lead one of them holds."""
    return _busy_day_draw("eighteenth", "2015-07-24")


def nineteenth() -> list[tuple[str, dict]]:
    """The nineteenth sample's draw (twenty-eighth session): the eighteenth's recipe on the next busiest day of the
    1-keyword tier (2015-08-11), none of the eighteen samples nor an article whose lead one of them holds."""
    return _busy_day_draw("nineteenth", "2015-08-11")


def twentieth() -> list[tuple[str, dict]]:
    """The twentieth sample's draw (twenty-ninth session): the nineteenth's recipe on the next busiest day of the
    1-keyword tier (2015-08-10), none of the nineteen samples nor an article whose lead one of them holds."""
    return _busy_day_draw("twentieth", "2015-08-10")


def twenty_first() -> list[tuple[str, dict]]:
    """The twenty-first sample's draw (thirtieth session): the twentieth's recipe on the next busiest day of the
    1-keyword tier (2015-07-26), none of the twenty samples nor an article whose lead one of them holds."""
    return _busy_day_draw("twenty-first", "2015-07-26")


def twenty_second() -> list[tuple[str, dict]]:
    """The twenty-second sample's draw (thirty-first session): the twenty-first's recipe on the next busiest day of
    the 1-keyword tier (2015-07-25), none of the twenty-one samples nor an article whose lead one of them holds."""
    return _busy_day_draw("twenty-second", "2015-07-25")

def fifth() -> list[tuple[str, dict]]:
    """The fifth sample's draw (issue #15, twelfth round): every crawl day has been drawn whole by the four
    judged samples, so the fifth takes the longer articles they left out: 300-6,000 characters (the others
    3,000 at most), the same KEYWORDS test, one per lead, none of the corpora, none of the four samples nor an
    article whose lead one of them holds; then every k-th so that 500-600 are left."""
    earlier = json.loads(SAMPLES.read_text(encoding="utf-8"))
    used = frozenset(d for name in ("tuning", "heldout", "third", "fourth") for d in earlier.get(name, ()))
    days = sorted(p.stem for p in DATA.glob("*.zip"))
    leads = set()
    for doc in used:
        day, i = doc.split("/")[1:]
        leads.add(hashlib.md5((_day(day)[int(i)].get("content") or "").strip()[:300].encode()).hexdigest())
    out = sample(days, longest=6000, used=used, leads=leads)
    step = max(1, -(-len(out) // 600))
    return out[::step]


@lru_cache(maxsize=None)
def _day(day: str) -> list[dict]:
    with zipfile.ZipFile(DATA / f"{day}.zip") as zf:
        return [a for name in sorted(zf.namelist()) for a in json.loads(zf.read(name))]


def judged(name: str) -> list[tuple[str, dict]]:
    """A judged sample's articles, by the ids it was judged on."""
    ids = json.loads(SAMPLES.read_text(encoding="utf-8"))[name]
    days: dict[str, list[dict]] = {}
    out = []
    for doc in ids:
        day, i = doc.split("/")[1:]
        if day not in days:
            days[day] = _day(day)
        out.append((doc, days[day][int(i)]))
    return out


def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("out", help="folder to write part.jsonl into (OUT.docs.json beside it)")
    ap.add_argument("days", nargs="*", help="crawl days to draw from (default: the tuning sample's)")
    ap.add_argument("--sample", choices=sorted(json.loads(SAMPLES.read_text(encoding="utf-8"))),
                    help="rebuild a judged sample by its ids instead of drawing")
    args = ap.parse_args()
    folder = Path(args.out)
    folder.mkdir(parents=True, exist_ok=True)
    if args.days == ["fifth-draw"]:
        arts = fifth()      # how the fifth sample's ids were drawn (frozen in SAMPLES as "fifth")
    elif args.days == ["sixth-draw"]:
        arts = sixth()      # how the sixth sample's ids were drawn (frozen in SAMPLES as "sixth")
    elif args.days == ["seventh-draw"]:
        arts = seventh()    # how the seventh sample's ids were drawn (frozen in SAMPLES as "seventh")
    elif args.days == ["eighth-draw"]:
        arts = eighth()     # how the eighth sample's ids were drawn (frozen in SAMPLES as "eighth")
    elif args.days == ["ninth-draw"]:
        arts = ninth()      # how the ninth sample's ids were drawn (frozen in SAMPLES as "ninth")
    elif args.days == ["tenth-draw"]:
        arts = tenth()      # how the tenth sample's ids were drawn (frozen in SAMPLES as "tenth")
    elif args.days == ["eleventh-draw"]:
        arts = eleventh()   # how the eleventh sample's ids were drawn (frozen in SAMPLES as "eleventh")
    elif args.days == ["twelfth-draw"]:
        arts = twelfth()    # how the twelfth sample's ids were drawn (frozen in SAMPLES as "twelfth")
    elif args.days == ["thirteenth-draw"]:
        arts = thirteenth()  # how the thirteenth sample's ids were drawn (frozen in SAMPLES as "thirteenth")
    elif args.days == ["fourteenth-draw"]:
        arts = fourteenth()  # how the fourteenth sample's ids were drawn (frozen in SAMPLES as "fourteenth")
    elif args.days == ["fifteenth-draw"]:
        arts = fifteenth()  # how the fifteenth sample's ids were drawn (frozen in SAMPLES as "fifteenth")
    elif args.days == ["sixteenth-draw"]:
        arts = sixteenth()  # how the sixteenth sample's ids were drawn (frozen in SAMPLES as "sixteenth")
    elif args.days == ["seventeenth-draw"]:
        arts = seventeenth()  # how the seventeenth sample's ids were drawn (frozen in SAMPLES as "seventeenth")
    elif args.days == ["eighteenth-draw"]:
        arts = eighteenth()  # how the eighteenth sample's ids were drawn (frozen in SAMPLES as "eighteenth")
    elif args.days == ["nineteenth-draw"]:
        arts = nineteenth()  # how the nineteenth sample's ids were drawn (frozen in SAMPLES as "nineteenth")
    elif args.days == ["twentieth-draw"]:
        arts = twentieth()  # how the twentieth sample's ids were drawn (frozen in SAMPLES as "twentieth")
    elif args.days == ["twenty-first-draw"]:
        arts = twenty_first()  # how the twenty-first sample's ids were drawn (frozen in SAMPLES as "twenty-first")
    elif args.days == ["twenty-second-draw"]:
        arts = twenty_second()  # how the twenty-second sample's ids were drawn (frozen in SAMPLES as "twenty-second")
    else:
        arts = judged(args.sample) if args.sample else sample(tuple(args.days) or DAYS)
    with (folder / "part.jsonl").open("w", encoding="utf-8") as f:
        for _, a in arts:
            f.write(json.dumps({"text": a["content"], "url": a.get("url"), "outlet": a.get("source"),
                                "title": a.get("title"), "retrieved": a.get("date_extracted")},
                               ensure_ascii=False) + "\n")
    folder.with_name(folder.name + ".docs.json").write_text(json.dumps([{"doc": d, "url": a.get("url")} for d, a in arts],
                                                 ensure_ascii=False), encoding="utf-8")
    print(f"{len(arts)} articles -> {folder / 'part.jsonl'}")


if __name__ == "__main__":
    main()
