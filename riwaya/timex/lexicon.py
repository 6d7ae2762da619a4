"""Load a language's temporal resources (riwaya/data/timex/<lang>.yaml) once and
compile them into regular expressions. Mechanisms only: every word is data."""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources

import yaml

# Same-length character map (so offsets survive) + a deletion set handled apart.
_TR = {ord(c): "ا" for c in "أإآٱ"}
_TR.update({ord("ى"): "ي", ord("ة"): "ه", ord("ؤ"): "و", ord("ئ"): "ي",
            ord("ک"): "ك", ord("ی"): "ي", ord("\u00a0"): " ", ord("\u202f"): " "})
for i, c in enumerate("٠١٢٣٤٥٦٧٨٩"):
    _TR[ord(c)] = str(i)
for i, c in enumerate("۰۱۲۳۴۵۶۷۸۹"):
    _TR[ord(c)] = str(i)
DELETE = re.compile("[\u0610-\u061A\u064B-\u065F\u0670\u06D6-\u06ED\u0640\u200b-\u200f\u2066-\u2069]")


_DELETE_RUN = re.compile(DELETE.pattern + "+")


def norm_word(s: str) -> str:
    """Normalise a lexicon word the way text is normalised (then collapse spaces)."""
    return re.sub(r"\s+", " ", DELETE.sub("", s).translate(_TR)).strip().lower()


def normalise(text: str) -> tuple[str, list[int] | None]:
    """Text for matching plus offsets[i] = original index (None = identity)."""
    if DELETE.search(text) is None:
        return text.translate(_TR), None
    keep: list[int] = []
    prev = 0
    for m in _DELETE_RUN.finditer(text):
        keep.extend(range(prev, m.start()))
        prev = m.end()
    keep.extend(range(prev, len(text)))
    return DELETE.sub("", text).translate(_TR), keep


def _alt(words) -> str:
    """An alternation of words compiled as a trie (one branch per next
    character), so the regex engine never tries hundreds of words in turn."""
    ws = {norm_word(w) for w in words if str(w).strip()}
    if not ws:
        return "(?!x)x"
    trie: dict = {}
    for w in ws:
        node = trie
        for ch in w:
            node = node.setdefault(ch, {})
        node[""] = {}

    def build(node: dict) -> str:
        alts = [(r"\s+" if ch == " " else re.escape(ch)) + build(sub) for ch, sub in sorted(node.items()) if ch]
        if not alts:
            return ""
        body = alts[0] if len(alts) == 1 else "(?:" + "|".join(alts) + ")"
        return f"(?:{body})?" if "" in node else body

    return "(?:" + build(trie) + ")"


def _pat(s: str) -> str:
    """A regex fragment from the data: normalise its letters, keep its syntax."""
    return DELETE.sub("", s).translate(_TR)


@dataclass
class Lexicon:
    lang: str
    raw: dict
    words: dict = field(default_factory=dict)    # table -> {normalised word: value}
    rx: dict = field(default_factory=dict)       # element type -> [compiled regexes]
    glue: re.Pattern | None = None
    flags: int = 0

    def value(self, table: str, s: str):
        return self.words[table].get(norm_word(s))


def _table(d: dict, conv=lambda k: k) -> dict:
    out = {}
    for k, ws in (d or {}).items():
        for w in ws or []:
            out[norm_word(str(w))] = conv(k)
    return out


def _numbers(raw: dict, prefix: str) -> dict:
    """Number words with their compounds (teens: unit+teen; unit+join+tens)."""
    base = _table(raw.get(prefix + "s") or {}, lambda k: int(k))
    if prefix == "cardinal":
        base.update(_table(raw.get("fraction_words") or {}, float))
    if prefix == "ordinal":   # للرابع = ل + الرابع with the alef dropped
        base.update({"ل" + w[1:]: v for w, v in list(base.items()) if w.startswith("ال")})
    units = {w: v for w, v in base.items() if isinstance(v, int) and 1 <= v <= 9}
    teen_units = dict(units)
    teen_units.update(_table(raw.get(prefix + "_unit_for_teens") or raw.get(prefix + "_teens_unit") or {}, int))
    teens = [norm_word(t) for t in raw.get(prefix + "_teen") or []]
    tens = _table(raw.get(prefix + "_tens") or {}, int)
    join = raw.get(prefix + "_join") or "و"
    out = dict(base)
    for w, v in teen_units.items():
        for t in teens:
            out[f"{w} {t}"] = 10 + v
    out.update(tens)
    for w, v in teen_units.items():
        for t, tv in tens.items():
            out[f"{w} {join}{t}"] = tv + v
            out[f"{w} {join} {t}"] = tv + v
    return out


@lru_cache(maxsize=None)
def load(lang: str) -> Lexicon:
    text = resources.files("riwaya").joinpath("data", "timex", f"{lang}.yaml").read_text("utf-8")
    raw = yaml.safe_load(text)
    lx = Lexicon(lang=lang, raw=raw, flags=re.IGNORECASE if lang != "ar" else 0)
    W = lx.words
    W["month"] = _table(raw["months"], int)
    W["hmonth"] = _table(raw.get("hijri_months"), int)
    W["pmonth"] = _table(raw.get("persian_months"), int)
    W["weekday"] = _table(raw["weekdays"], int)
    W["ordinal"] = _numbers(raw, "ordinal")
    W["cardinal"] = _numbers(raw, "cardinal")
    W["relday"] = _table(raw["relative_days"], int)
    W["narr"] = {norm_word(w): 0 for w in raw["narrative_refs"]}
    for w in list(W["narr"]):
        for k, off in (raw.get("narrative_offsets") or {}).items():
            if norm_word(k) in w.split():
                W["narr"][w] = off
    W["dir"] = {**{norm_word(w): 1 for w in raw["next_words"]},
                **{norm_word(w): -1 for w in raw["last_words"]},
                **{norm_word(w): 0 for w in raw["this_words"]}}
    W["previous"] = {norm_word(w): True for w in raw.get("previous_words") or []}
    W["mod"] = {norm_word(w): tuple(v["part"]) for v in raw["period_mods"].values() for w in v["words"]}
    W["season"] = {norm_word(w): tuple(v["months"]) for v in raw["seasons"].values() for w in v["words"]}
    W["decade"] = _table(raw["decades"], int)
    W["pod"] = {}
    standalone = set()
    for name, v in raw["parts_of_day"].items():
        for w in v["words"]:
            W["pod"][norm_word(w)] = (name, v["range"], v.get("clock", "am"))
            if v.get("standalone"):
                standalone.add(norm_word(w))
    W["pod_standalone"] = {w: True for w in standalone}
    W["unit"] = {}
    W["dual"] = {}
    W["unit_plural"] = {}
    W["plural"] = {}
    for name, v in raw["units"].items():
        spec = (name, v["iso"], v.get("factor", 1), bool(v.get("time")))
        for i, w in enumerate(v["forms"]):
            W["unit"][norm_word(w)] = spec
            if i > 0 and not norm_word(w).endswith(("ا", "ه")):
                W["unit_plural"][norm_word(w)] = spec
        for w in v.get("dual") or []:
            W["dual"][norm_word(w)] = spec
    W["holiday"] = {norm_word(k): tuple(v) for k, v in (raw.get("holidays") or {}).items()}
    W["feast_day"] = _table(raw.get("feast_day_words") or {}, int)
    W["period"] = _table(raw.get("period_words") or {})
    W["ambiguous_month"] = {norm_word(w): True for w in raw.get("ambiguous_months") or []}
    W["month_context"] = {norm_word(w): True for w in raw.get("month_context") or []}
    W["vague"] = {norm_word(w): True for w in raw.get("vague_quantity") or []}
    # TimeML kinds beyond calendar dates (present/vague references, sets, zones, seasons alone)
    W["vref"] = _table(raw.get("vague_refs") or {})
    W["set"] = _table(raw.get("sets") or {})
    W["tz"] = _table(raw.get("time_zones") or {})
    W["recent"] = {norm_word(w): True for w in raw.get("recent_words") or []}
    W["acc_unit"] = {norm_word(w): W["unit"].get(norm_word(w)) for w in raw.get("accusative_units") or []}
    W["not_year_before"] = {norm_word(w): True for w in raw.get("not_year_before") or []}
    W["season1"] = {}
    for w in raw.get("season_alone") or []:
        nw = norm_word(w)
        for sw, months in W["season"].items():
            if sw in nw:
                W["season1"][nw] = months
    for v in (raw.get("period_parts") or {}).values():
        for w in v["words"]:
            W["mod"][norm_word(w)] = tuple(v["part"])
    # trigger word -> the tables it comes from: a window runs only the rules one of its tables can start
    src: dict[str, set] = {}
    # strong words only: ordinals, numbers, directions and modifiers never make an expression alone
    # (the longest word of an entry: "في ذلك اليوم" opens a window at اليوم, not at في;
    # Persian months and bare أحد need digits or يوم, which are triggers already)
    for table in ("month", "hmonth", "holiday", "weekday", "relday", "narr", "season", "decade", "pod", "unit",
                  "dual", "period", "vref", "set", "season1", "acc_unit", "recent"):
        for w in W[table]:
            if table == "weekday" and lang == "ar" and not w.startswith("ال"):
                continue
            src.setdefault(max(w.split(), key=len), set()).add(table)
    for w in raw.get("trigger_words") or []:
        src.setdefault(norm_word(w), set()).add("misc")
    for w in raw.get("century_triggers") or []:
        src.setdefault(norm_word(w), set()).add("century")
    lx.triggers = frozenset(src)
    if lang == "ar":   # للعام = ل + العام with the alef dropped
        for w in list(src):
            if w.startswith("ال") and len(w) > 3:
                src.setdefault("ل" + w[2:], set()).update(src[w])
        lx.trigger_rx = re.compile(r"(?P<num>\d+)|(?<![\w])(?:[وف]?[بلك]?)(?P<w>" + _alt(src) + r")(?![\w])")
    else:
        lx.trigger_rx = re.compile(r"(?P<num>\d+)|(?<![\w])(?P<w>" + _alt(src) + r")(?![\w])", re.IGNORECASE)
    lx.trigger_src = {w: frozenset(t) for w, t in src.items()}
    _compile(lx)
    return lx


def _compile(lx: Lexicon) -> None:
    raw, W, ar = lx.raw, lx.words, lx.lang == "ar"
    LB = r"(?:(?<![\w])|(?<=(?<![\w])[وفبلك])|(?<=(?<![\w])[وف][بلك]))" if ar else r"(?<![\w])"
    RB = r"(?![\w])"
    M, HM, PM = _alt(W["month"]), _alt(W["hmonth"]), _alt(W["pmonth"])
    ORD, CARD = _alt(W["ordinal"]), _alt(W["cardinal"])
    HS, GS = _pat(raw["hijri_suffix"]), _pat(raw["greg_suffix"])
    YW, CW = _pat(raw["year_words"]), _pat(raw["clock_words"])
    APPROX, WITHIN, SINCE = _pat(raw["approx_words"]), _pat(raw["within_words"]), _pat(raw["since_words"])
    DIRS = _alt(W["dir"])
    safe_wd = [w for w in W["weekday"] if not ar or w.startswith("ال")]
    WD_SAFE, WD_ALL = _alt(safe_wd), _alt(W["weekday"])
    POD = _alt(W["pod"])
    UNITS, DUALS = _alt(W["unit"]), _alt(W["dual"])
    VAGUE = _alt(W["vague"])
    DAYD = r"(?:[12]\d|3[01]|0?[1-9])"
    Y4 = r"(?:1[0-9]\d\d|20\d\d)"
    SH = r"(?:شهر\s+)?" if ar else ""
    MIN = r"(?:من\s+)?" if ar else r"(?:of\s+)?"
    DAYW = r"(?:يوم\s+)?" if ar else r"(?:the\s+)?"
    # a year may sit in brackets: نيسان ( 1988 ), عام ( 1308 ) هجري
    YEARP = rf"(?:\s*[,،/]?\s*(?:{YW}\s*)?(?P<yb>\(\s*)?(?P<y>{Y4})(?(yb)\s*\))(?P<h>{HS})?(?P<g>{GS})?)"
    DIRX = rf"(?:\s+(?P<dirx>{DIRS}))?" if ar else ""
    mslash = rf"(?:\s*/\s*{M}|\s*\(\s*{M}\s*\)|\s+{M})?"
    ART = r"(?:ال\s*)?" if ar else ""      # الـ12 من أغسطس
    R: dict[str, list[str]] = {}
    R["date"] = [
        # 8 ديسمبر 2024 | الثامن من ديسمبر 2024 | 5-8 ديسمبر
        rf"{ART}(?P<d>{DAYD}|{ORD})(?:\s*(?:-|و|الي|حتي|to|and)\s*(?P<d2>{DAYD}))?\s*{MIN}{SH}(?P<m>{M}){mslash}(?:{YEARP}|{DIRX})",
        # December 8, 2024 | Sunday, December 8 (English order only)
        *([] if ar else [rf"(?P<m>{M})\s+(?P<d>{DAYD})(?:st|nd|rd|th)?(?:\s*,?\s*(?P<y>{Y4}))?"]),
        # ديسمبر/كانون الأول 2024 | December 2024
        rf"{SH}(?P<m>{M}){mslash}{YEARP}",
        # 15/9/2015 | 1436/9/15هـ
        rf"(?P<d>{DAYD})(?:[.\-]|\s*/\s*)(?P<mn>1[0-2]|0?[1-9])(?:[.\-]|\s*/\s*)(?P<y>{Y4})(?P<h>{HS})?",
        rf"(?P<y>{Y4})(?:[.\-]|\s*/\s*)(?P<mn>1[0-2]|0?[1-9])(?:[.\-]|\s*/\s*)(?P<d>{DAYD})(?P<h>{HS})?",
        # 15 رمضان 1436هـ | شهر رمضان
        rf"(?P<d>{DAYD}|{ORD})\s*{MIN}{SH}(?P<hm>{HM})(?:\s*(?:{YW}\s*)?(?P<y>1[34]\d\d)(?P<h>{HS})?)?",
        rf"{'شهر' if ar else 'the month of'}\s+(?P<hm>{HM})(?:\s*(?:{YW}\s*)?(?P<y>1[34]\d\d)(?P<h>{HS})?|{DIRX})",
        # 18 آذر 1403 (Solar Hijri)
        rf"(?P<d>{DAYD})\s+(?P<pm>{PM})\s+(?P<y>1[34]\d\d)",
    ]
    R["mbare"] = [rf"(?P<m>{M}){mslash}{DIRX}"]
    if ar:
        R["year"] = [rf"(?P<yw>{YW})\s*(?P<yb>\(\s*)?(?P<y>{Y4})(?(yb)\s*\))(?P<h>{HS})?(?P<g>{GS})?", rf"(?P<y>{Y4})(?:(?P<h>{HS})|(?P<g>{GS}))",
                     rf"(?:{_pat(raw['bare_year_words'])})\s+(?P<core>(?P<y>(?:19|20)\d\d))(?![\d.,]\d|\s*(?:{_pat(raw['not_year_after'])}))",
                     rf"(?<=\()(?P<y>(?:19|20)\d\d)(?=\))"]
    else:
        R["year"] = [rf"(?:{YW})\s+(?P<core>(?P<y>{Y4}))(?P<g>{GS})?"]
    # 1436/1437هـ, 2013-2014, 2015 /2016: a span of years
    R["year"].insert(0, rf"(?:(?P<yw>{YW})\s*)?(?P<y>{Y4})\s*[/\-]\s*(?P<y2>{Y4})(?P<h>{HS})?(?P<g>{GS})?")
    R["season"] = [rf"(?P<season>{_alt(W['season'])})\s+(?:{YW}\s*)?(?P<y>{Y4})"]
    R["decade"] = [rf"(?:the\s+)?(?P<dec>{_alt(W['decade'])})(?:\s+{MIN}(?:القرن|the century)\s+(?P<cent>{_alt(['الماضي', 'العشرين', 'الحالي', 'last'])}))?(?:\s+(?P<dech>الهجريه|الهجري))?",
                   rf"(?:the\s+)?(?P<dec4>1[89]\d0|20[0-2]0)[’']?s"]
    R["mod"] = [rf"(?P<mod>{_alt(W['mod'])})(?:\s+{MIN})?"]
    # "أمس (الأحد)": take the closing bracket of a bracketed weekday
    CLOSE = "(?:" + "|".join(r"(?<=\(" + r"\S" * k + r")\)" for k in range(3, 9)) + ")?"
    if ar:
        R["weekday"] = [rf"(?:يوم\s+)(?P<wd>{WD_ALL})(?:\s+(?P<dir>{DIRS}))?",
                        rf"(?P<wd>{WD_SAFE})(?:\s+(?P<dir>{DIRS}))?{CLOSE}"]
    else:
        R["weekday"] = [rf"(?:(?:on\s+)?(?:the\s+)?(?P<dir1>{DIRS})\s+)?(?P<wd>{WD_ALL})"]
    R["pod"] = [rf"(?P<pod>{POD})"]
    if W["holiday"]:
        R["holiday"] = [rf"(?:(?P<fd>{_alt(W['feast_day'])})\s+(?:ايام\s+)?)?(?P<hol>{_alt(W['holiday'])})"
                         rf"(?:\s*(?:{YW}\s*)?(?P<y>1[34]\d\d)(?P<h>{HS})?)?"]
    if ar:
        HW = _alt([w for w, v in W["ordinal"].items() if isinstance(v, int) and v <= 12])
        R["clock"] = [rf"(?:{CW}\s*(?:ال)?\s*)?(?P<hh>[01]?\d|2[0-4]):(?P<mm>[0-5]\d)",
                      rf"{CW}\s*(?:ال)?\s*(?P<hh>[01]?\d|2[0-4])[.,](?P<mm>[0-5]\d)",
                      rf"{CW}\s*(?:ال)?\s*(?P<hh>[01]?\d|2[0-4])",
                      rf"{CW}\s+(?P<hw>{HW})(?:\s+و(?P<frac>النصف|الربع|نصف|ربع))?"]
    else:
        R["clock"] = [rf"(?P<hh>[01]?\d|2[0-4]):(?P<mm>[0-5]\d)(?:\s*(?P<ap>[ap])\.?\s*m\.?)?",
                      rf"(?P<hh>1[0-2]|0?[1-9])\s*(?P<ap>[ap])\.?\s*m\.?(?![\w])",
                      rf"(?P<hh>1[0-2]|0?[1-9])\s+o'?clock"]
    R["rel"] = [rf"(?P<rel>{_alt(W['relday'])})"]
    R["narr"] = [rf"(?P<narr>{_alt(W['narr'])})"]
    PER = _alt(W["period"])
    if ar:
        R["relper"] = [rf"(?P<per>{PER})\s+(?P<dir>{DIRS})", rf"(?P<dir>هذا|هذه)\s+(?P<per>{PER})"]
        R["ago"] = [rf"(?P<ago>قبل|بعد)\s+(?:(?P<q>\d+|{CARD})\s*)?(?P<u>{UNITS}|{DUALS})(?!\s+(?:{VAGUE}|من|علي))"]
    else:
        R["relper"] = [rf"(?P<dir>{DIRS})\s+(?P<per>{PER})"]
        R["ago"] = [rf"(?P<q>\d+|{CARD})\s+(?P<u>{UNITS})\s+(?P<ago>ago)"]
    PLURALS = _alt([w for w, v in W["unit_plural"].items() if v[0] not in ("decade", "century")])  # عقود = contracts
    QTY = rf"(?:{_pat(raw.get('qty_prefix') or '')}\d+(?:[.,]\d+)?|{CARD})"
    PRE = rf"(?:(?:{APPROX}|{WITHIN}|{SINCE})\s+)?"
    R["dur"] = [rf"{PRE}(?P<q>{QTY})(?:\s+|-)(?P<u>{UNITS})",
                rf"{PRE}(?P<du>{DUALS})",
                rf"{PRE}(?P<vq>{VAGUE})\s+(?P<u>{UNITS})",
                rf"{PRE}(?P<u>{UNITS})\s+(?P<vq>{VAGUE}|طويلة|عديدة)",
                rf"(?P<pre>{WITHIN})\s+(?P<u>{PLURALS})",
                *([rf"(?:ل|منذ\s+)(?P<u>عقود|قرون)", rf"(?P<u>عقود|قرون)\s+من\s+الزمن"] if ar
                  else [rf"(?P<u>decades|centuries)"])]
    _compile_more(lx, R, locals())
    lx.rx = {k: [re.compile(LB + p + RB, lx.flags) for p in ps] for k, ps in R.items()}
    # which trigger tables can start each kind of piece (None: any window); see tagger._windows
    lx.needs = {"vref": {"vref"}, "set": {"set"}, "recent": {"recent"}, "ordday": {"relday", "period"},
                "holiday": {"holiday"}, "pod": {"pod", "misc"}, "rel": {"relday"}, "narr": {"narr"},
                "relper": {"period"}, "mbare": {"month"}, "weekday": {"weekday", "misc"}, "year": {"num4"},
                "clock": {"numsep", "misc", "pod"}, "date": {"num4", "numsep", "month", "hmonth"},
                "season": {"season", "season1"}, "decade": {"decade", "num4"}, "century": {"century"},
                "tz": {"numsep", "misc"},
                "ago": {"unit", "dual"}, "dur": {"unit", "dual", "acc_unit", "misc"}}   # a duration always has its unit word
    # finer for calendar dates: a month name, a Hijri month, or numbers with separators (8/12/2024)
    lx.rx_needs = {k: [_date_needs(rx, lx.needs.get(k)) if k == "date" else lx.needs.get(k) for rx in rxs]
                   for k, rxs in lx.rx.items()}
    lx.not_time = re.compile(LB + _alt(raw.get("not_time") or []) + RB, lx.flags)
    lo, hi = raw.get("hijri_year_range") or [0, 0]
    lx.hijri_years = (int(lo), int(hi))
    lx.glue = re.compile(_pat(raw["glue"]), lx.flags)
    lx.range_from = re.compile(rf"(?:^|\s){_pat(raw['range_from'])}\s*$", lx.flags)
    W["eve"] = {norm_word(w): True for w in raw.get("eve_words") or []}
    caps = raw.get("caption_words") or []
    lx.caption_rx = re.compile(r"(?<![\w])" + _alt(caps) + r"(?![\w])", lx.flags) if caps else None
    lx.since_rx = re.compile(r"(?<![\w])" + _pat(raw["since_words"]) + r"\s*$", lx.flags)
    # the event after "اليوم التالي ل..." / "after a week of ...": a word that is no number
    lx.event_rx = re.compile(r"\s*" + _pat(raw.get("event_link") or "(?!x)x") + r"\s*(?!\d)([^\W\d]{3,}(?:\s+[^\W\d]{3,})?)",
                             lx.flags)
    lx.range_to = re.compile(rf"^\s*{_pat(raw['range_to'])}(?:\s|$)", lx.flags)


def _date_needs(rx: re.Pattern, default):
    g = rx.groupindex
    if "pm" in g:
        return {"num4"}
    if "hm" in g:
        return {"hmonth"}
    if "m" in g or "m0" in g:
        return {"month"}
    if "mn" in g:
        return {"numsep"}
    return default


def _compile_more(lx: Lexicon, R: dict, env: dict) -> None:
    """The TimeML kinds beyond calendar dates: present and vague references, sets,
    centuries and decades, seasons alone, recent spans, bare and bracketed years,
    time zones, ordinal days of an event (اليوم الأول)."""
    raw, W, ar = lx.raw, lx.words, lx.lang == "ar"
    M, ORD, CARD, UNITS, DUALS = env["M"], env["ORD"], env["CARD"], env["UNITS"], env["DUALS"]
    DIRS, YW, HS, GS, Y4, DAYD = env["DIRS"], env["YW"], env["HS"], env["GS"], env["Y4"], env["DAYD"]
    MODS = _alt(W["mod"])
    if W["vref"]:
        R["vref"] = [rf"(?P<vref>{_alt(W['vref'])})"]
    if W["set"]:
        R["set"] = [rf"(?P<set>{_alt(W['set'])})"]
    if W["tz"]:
        R["tz"] = [rf"(?P<tzn>{_alt(W['tz'])})"]
    CW, ERA = _pat(raw.get("century_word") or "(?!x)x"), _pat(raw.get("century_era") or "(?!x)x")
    R["century"] = ([rf"{CW}\s+(?P<cent>{ORD}|{DIRS})(?:\s+(?P<era>{ERA}))?"] if ar else
                    [rf"(?:the\s+)?(?P<cent>{ORD}|\d{{1,2}}(?:st|nd|rd|th)|{DIRS})\s+century"])
    if raw.get("decade_word"):
        DW = _pat(raw["decade_word"])
        R["century"] += [rf"{DW}\s+(?P<decn>{ORD})\s+(?:من\s+)?{CW}\s+(?P<cent>{ORD}|{DIRS})(?:\s+(?P<era>{ERA}))?",
                         rf"{DW}\s+(?P<decd>{DIRS})"]
    if W["season1"]:
        NA = _alt(raw.get("season_not_after") or [])
        R["season"].append(rf"(?P<season1>{_alt(W['season1'])})(?:\s+(?P<dir>{DIRS}))?(?!\s+{NA})")
    # (ال)سنوات الخمس الماضية، الأيام الماضية، الـ24 ساعة الماضية، اليومين الماضيين
    RECENT = _alt(W["recent"])
    if W["recent"]:
        PL = _alt([w for w, v in W["unit_plural"].items()] + list(W["dual"]))
        ART = "ال" if ar else r"the\s+"
        R["recent"] = [rf"{ART}(?P<ru>{PL})(?:\s+{ART if ar else ''}?(?P<q>{CARD}))?\s+(?P<recent>{RECENT})",
                       rf"ال\s*(?P<q>\d+)\s+(?P<u>{UNITS})\s+(?P<recent>{RECENT})" if ar else
                       rf"the\s+(?:(?P<recent>{RECENT})\s+)(?:(?P<q>\d+|{CARD})\s+)?(?P<ru>{PL})"]
    FRAME = _pat(raw.get("frame_words") or "(?!x)x")
    SING = _alt([f for v in raw["units"].values() for f in v["forms"][:1]])
    HALF = r"(?:\s+و(?P<half>نصف|ربع))?" if ar else ""
    R["dur"].append(rf"(?P<pre>{FRAME})\s+(?P<u>{SING}){HALF}(?!\s+(?:{CARD}|\d))")
    if W["acc_unit"]:
        NOT = _alt(raw.get("accusative_not_after") or [])
        R["dur"].append(rf"(?P<u>{_alt(W['acc_unit'])}){HALF}(?!\s+{NOT}(?![\w]))")
    if ar:
        DUAL_ART = _alt(["ال" + w for w in W["dual"]])
        R["dur"].append(rf"(?P<du>{DUAL_ART})")
        # a bare 19xx/20xx (the word before is checked against not_year_before), "( 1948 )", "( 1343 ) هجري"
        NYA = _pat(raw["not_year_after"])
        R["year"] += [rf"(?P<bare>(?P<y>(?:19|20)\d\d))(?![\d.,:/\-]\d|\s*(?:{NYA}|{UNITS}|{DUALS})(?![\w]))",
                      rf"\(\s*(?P<core>(?P<y>{Y4}))\s*\)",
                      rf"\(\s*(?P<y>{Y4})\s*\)(?:(?P<h>{HS})|(?P<g>{GS}))"]
        # شباط ( 28 / 2 / 1945 ): a month followed by the full date in brackets
        R["date"] += [rf"(?P<m0>{M})\s*[:/]?\s*\(\s*(?P<d>{DAYD})\s*/\s*(?P<mn>1[0-2]|0?[1-9])\s*/\s*(?P<y>{Y4})\s*\)",
                      rf"(?P<d>{DAYD})\s*/\s*(?P<hm>{env['HM']})\s*/\s*(?P<y>1[34]\d\d)(?P<h>{HS})?"]
        # the first day (of an event): a date with no anchor this tagger can know
        R["ordday"] = [rf"(?P<ordu>اليوم|الأسبوع|الاسبوع|الليلة)\s+(?P<ordn>{_alt([w for w, v in W['ordinal'].items() if isinstance(v, int) and v <= 10 and w.startswith('ال')])})"]
    # 12 / 23 / 1948: month first when the second number cannot be a month
    R["date"].append(rf"(?P<mn>1[0-2]|0?[1-9])\s*/\s*(?P<d>1[3-9]|2\d|3[01])\s*/\s*(?P<y>{Y4})")
    # النصف الثاني من العام الجاري، نهاية العام، منتصف الشهر المقبل
    R["relper"].append(rf"(?P<mod>{MODS})\s+(?:{'من' if ar else 'of'}\s+)?(?:{'' if ar else 'the'}\s*)?(?P<per>{_alt(W['period'])})(?:\s+(?P<dir>{DIRS}))?")
