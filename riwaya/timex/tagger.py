"""Detection (pieces → merged expressions) and normalisation (anchored intervals)."""
from __future__ import annotations

import bisect
import calendar
import re
from datetime import date, datetime, timedelta

from ..models import TimeMention, TimeValue
from . import retrieved as retrieval
from .lexicon import DELETE as _DEL, Lexicon, load, norm_word, normalise

_LATIN = re.compile("[A-Za-z]")
_ARABIC = re.compile("[\u0621-\u064A]")
_FULLDATE = ("d", "m", "y")

# which slot each piece fills; pieces merge while their slots differ
_SLOT = {"date": "date", "mbare": "date", "year": "date", "season": "date", "decade": "date", "century": "date",
         "clock": "clock", "pod": "pod", "weekday": "wd", "rel": "rel", "narr": "rel", "mod": "mod", "tz": "tz"}
_ALONE = {"dur", "ago", "relper", "holiday", "vref", "set", "recent", "ordday"}      # never merge
_TIMEX_TYPE = {"duration": "DURATION", "set": "SET", "time": "TIME"}
AMBIGUOUS_MONTH_CONTEXT = False  # time27: an ambiguous month name (مارس، تموز; آب only after شهر) after a preposition of time
                                 # or شهر; off: train time 776 -> 779 right, dev unchanged (events_corpus README, time27)


class _Piece:
    __slots__ = ("start", "end", "etype", "g", "lx")

    def __init__(self, start, end, etype, g, lx):
        self.start, self.end, self.etype, self.g, self.lx = start, end, etype, g, lx


def _named_date(p: _Piece, norm: str, lx) -> bool:
    """Is a day and month with no year the end of a name (``date_name_heads``: "قصر 22 مايو", "ثورة 25 يناير")?
    The word right before it, as written or with one proclitic (و ف ب ل) off, is one of the heads."""
    g = p.g or {}
    if p.etype != "date" or not (g.get("d") and (g.get("m") or g.get("mn"))) or g.get("y"):
        return False
    before = norm[max(0, p.start - 30):p.start].split()
    if not before:
        return False
    w = before[-1]
    return w in lx.date_name_heads or (len(w) > 3 and w[0] in "وفبل" and w[1:] in lx.date_name_heads)


def _paragraph_langs(text: str, main: str) -> tuple[list[int], list[str]]:
    starts, langs = [], []
    pos = 0
    for para in text.split("\n"):
        if _LATIN.search(para) is None:       # most paragraphs: no count needed
            lang = "ar" if _ARABIC.search(para) else main
        else:
            a, l = len(_ARABIC.findall(para)), len(_LATIN.findall(para))
            lang = "en" if l > a else ("ar" if a else main)
        starts.append(pos)
        langs.append(lang)
        pos += len(para) + 1
    return starts, langs


_HEAD_END = re.compile(r"[.!?؟:…»\"]\s*$")


def _is_heading(para: str) -> bool:
    """A section heading: a short line with no closing punctuation."""
    para = para.strip()
    return 0 < len(para.split()) <= 8 and not _HEAD_END.search(para)


_WIN_LEFT, _WIN_RIGHT = 40, 48


def _windows(norm: str, lx: Lexicon, spans: list[tuple[int, int]]) -> list[tuple[int, int, frozenset]]:
    """Stretches of text around trigger tokens (numbers, strong lexicon words), each with the tables
    its triggers come from: the patterns run only there, which keeps the tagger fast on long articles."""
    wins: list[list] = []
    n = len(norm)
    tsrc = lx.trigger_src
    for a, b in spans:
        for m in lx.trigger_rx.finditer(norm, a, min(b, n)):
            if m.group("num"):
                left, right = 24, 32        # a number: clock, year and unit words sit close
                d = m.group("num")
                if len(d) == 4 and "1000" <= d <= "2099":
                    srcs = _NUM4
                elif _SEP_AFTER.match(norm, m.end()) or _SEP_BEFORE.search(norm, max(0, m.start() - 4), m.start()):
                    srcs = _NUMSEP
                else:
                    srcs = _NUM
            else:
                left, right = _WIN_LEFT, _WIN_RIGHT
                w = m.group("w")
                srcs = tsrc.get(w) or tsrc.get(w.lower()) or tsrc.get(re.sub(r"\s+", " ", w).lower()) or _MISC
                if srcs <= _SELF:
                    left, right = 20, 6     # الآن، في الوقت الحالي، يوميا، عاما: the words are the whole expression
            s, e = max(a, m.start() - left), min(b, m.end() + right, n)
            while e < n and (norm[e].isalnum() or norm[e] == "_"):
                e += 1      # never cut a word: a pattern must not see a false word end
            if wins and s <= wins[-1][1] + 16:
                wins[-1][1] = max(wins[-1][1], e)
                wins[-1][2] = wins[-1][2] | srcs
            else:
                wins.append([s, e, srcs])
    return [(s, e, src) for s, e, src in wins]


_NUM, _MISC = frozenset({"num"}), frozenset({"misc"})
_NUM4, _NUMSEP = frozenset({"num", "num4"}), frozenset({"num", "numsep"})   # a possible year; part of 8/12 or 1:30
_SEP_AFTER, _SEP_BEFORE = re.compile(r"\s*[/.\-:]\s*\d"), re.compile(r"\d\s*[/.\-:]\s*$")
_SELF = frozenset({"vref", "set", "acc_unit"})


def _find(norm: str, lx: Lexicon, spans: list[tuple[int, int]]) -> list[_Piece]:
    out = []
    seen = set()
    wins = _windows(norm, lx, spans)
    texts = [norm[ws:we] for ws, we, _ in wins]
    for etype, rxs in lx.rx.items():
        for rx, need, req in zip(rxs, lx.rx_needs[etype], lx.rx_required[etype]):
            for (ws, we, src), wt in zip(wins, texts):
                if need is not None and need.isdisjoint(src):
                    continue
                if req is not None and not all(c in wt for c in req):
                    continue        # a character every match holds is not in this window
                for m in rx.finditer(norm, ws, we):
                    s, e = m.span()
                    if (s, e, id(rx)) in seen:
                        continue
                    seen.add((s, e, id(rx)))
                    if "core" in rx.groupindex and m.group("core"):
                        s, e = m.span("core")
                    if s == e or not any(a <= s < b for a, b in spans):
                        continue
                    if "bare" in rx.groupindex and m.group("bare") and _labels_a_number(norm, s, lx):
                        continue
                    if etype == "set" and not _qualifies_a_noun(norm, s, e, lx):
                        continue
                    if etype == "vref" and not VAGUE_DATES and lx.value("vref", m.group("vref")) in _DATE_REFS:
                        continue        # (entime31) switched off: as if the table had no such entry
                    out.append(_Piece(s, e, etype, {k: v for k, v in m.groupdict().items() if v}, lx))
    return out


def _labels_a_number(norm: str, s: int, lx: Lexicon) -> bool:
    """A bare 19xx/20xx after a word that labels a number (رقم، القرار، بلغ) is not a year."""
    before = norm[max(0, s - 30):s].split()
    if not before:
        return False
    nyb = lx.words["not_year_before"]
    cands = [before[-1].lower()] + ([" ".join(before[-2:]).lower()] if len(before) > 1 else [])
    cands += [c[1:] for c in cands if c[:1] in ("و", "ف")]          # واكثر من = و + اكثر من
    return any(nyb.get(c) for c in cands) or bool(re.search(r"[\d$€£%][.,]?\s*$", norm[max(0, s - 3):s]))


def _qualifies_a_noun(norm: str, s: int, e: int, lx: Lexicon) -> bool:
    """الراتب الشهري is a frequency; عايض الشهري is a name: a definite adjective set needs a definite noun before it."""
    if not lx.raw.get("set_adjective_needs_definite_noun") or not norm.startswith("ال", s) or " " in norm[s:e].strip():
        return True
    before = norm[max(0, s - 30):s].split()
    return bool(before) and re.match(r"(?:[وف]?(?:ال|بال|لل|كال))\w", before[-1]) is not None


def _select(pieces: list[_Piece]) -> list[_Piece]:
    """Longest first, no overlaps; then text order."""
    pieces.sort(key=lambda p: (-(p.end - p.start), p.start))
    taken: list[tuple[int, int]] = []
    keep = []
    for p in pieces:
        i = bisect.bisect_left(taken, (p.start, p.end))
        if i > 0 and taken[i - 1][1] > p.start:
            continue
        if i < len(taken) and taken[i][0] < p.end:
            continue
        taken.insert(i, (p.start, p.end))
        keep.append(p)
    keep.sort(key=lambda p: p.start)
    return keep


def _group(pieces: list[_Piece], norm: str) -> list[list[_Piece]]:
    groups: list[list[_Piece]] = []
    for p in pieces:
        if groups and p.etype not in _ALONE:
            g = groups[-1]
            last = g[-1]
            slots = {_SLOT.get(q.etype) for q in g}
            gap = norm[last.end:p.start]
            if last.etype == "relper" and p.etype == "year" and gap.strip(" ") == "":
                g.append(p)          # العام الجاري 1436هـ
                continue
            if (last.etype not in _ALONE and _SLOT[p.etype] not in slots and len(gap) <= 14
                    and p.lx.glue.fullmatch(gap) and not (p.etype == "mod")):
                g.append(p)
                continue
        groups.append([p])
    return groups


def _keep(g: list[_Piece], norm: str) -> bool:
    types = {p.etype for p in g}
    lx = g[0].lx
    if types <= {"mod"} or types <= {"tz"} or types <= {"tz", "mod"}:
        return False
    if types <= {"pod"}:
        return bool(lx.words["pod_standalone"].get(norm_word(g[0].g["pod"])))
    if types <= {"mbare", "mod"} or types <= {"mbare"}:
        mw = norm_word(g[-1].g["m"])
        if "dirx" in g[-1].g or "sh" in g[-1].g or "(" in norm[g[-1].start:g[-1].end] or "/" in norm[g[-1].start:g[-1].end]:
            return True
        prev = norm[max(0, g[0].start - 12):g[0].start].split()
        if lx.words["ambiguous_month"].get(mw):
            # time27: after a preposition of time or شهر the word is the month ("في شهر مارس")
            return "mod" in types or (AMBIGUOUS_MONTH_CONTEXT and bool(
                prev and lx.words["ambiguous_month_context"].get(prev[-1].lower())
                and (lx.words["ambiguous_month_framed"].get(mw) or prev[-1].endswith("شهر"))))
        return "mod" in types or bool(prev and lx.words["month_context"].get(prev[-1].lower()))
    if types <= {"mod", "pod"}:
        return False
    return True


# ---------------------------------------------------------------- normalising
def _iso(dt: datetime, tz: str) -> str:
    # strftime does not zero-pad years before 1000 ("616-01-01"), which ISO 8601 requires
    return f"{dt.year:04d}-{dt.month:02d}-{dt.day:02d}T{dt.hour:02d}:{dt.minute:02d}:{dt.second:02d}{tz}"


def _day_bounds(d: date) -> tuple[datetime, datetime]:
    return datetime(d.year, d.month, d.day), datetime(d.year, d.month, d.day, 23, 59, 59)


def _hm(s: str) -> timedelta:
    h, m = s.split(":")
    return timedelta(hours=int(h), minutes=int(m))


def _closest_year(m: int, d: int | None, ref: date) -> int:
    """Year putting (m, d) nearest the reference; news reports look back, so the
    future counts four times for a bare month and 1.3 times for a day."""
    best = None
    for y in (ref.year - 1, ref.year, ref.year + 1):
        c = date(y, m, min(d or 15, calendar.monthrange(y, m)[1]))
        k = (c - ref).days
        k = k * (1.3 if d else 4.0) if k > 0 else -k   # a future month usually says المقبل
        if best is None or k < best[0]:
            best = (k, y)
    return best[1]


def _num(lx: Lexicon, s: str | None, default=1):
    if not s:
        return default
    s2 = re.sub(r"^ال\s*(?=\d)", "", norm_word(s))
    if re.fullmatch(r"\d+", s2):
        return int(s2)
    if re.fullmatch(r"\d+[.,]\d+", s2):
        return float(s2.replace(",", "."))
    v = lx.words["cardinal"].get(s2)
    if v is None:
        v = lx.words["ordinal"].get(s2)
    return v if v is not None else default


def _tabular_hijri(y: int, m: int, d: int) -> date:
    """The arithmetic (tabular) Islamic calendar, for years outside Umm al-Qura's table (before 1343 AH)."""
    jdn = d + -(-(295 * (m - 1)) // 10) + (y - 1) * 354 + (3 + 11 * y) // 30 + 1948439 - 1
    return date.fromordinal(jdn - 1721425)


def _hijri_to_greg(y: int, m: int, d: int | None) -> tuple[date, date] | None:
    if 1 <= y < 1343 and 1 <= m <= 12:
        try:
            if d:
                g = _tabular_hijri(y, m, min(d, 30))
                return g, g
            a = _tabular_hijri(y, m, 1)
            b = (_tabular_hijri(y + (m == 12), m % 12 + 1, 1)) - timedelta(days=1)
            return a, b
        except (ValueError, OverflowError):
            return None
    try:
        from hijridate import Hijri
        if d:
            g = Hijri(y, m, d).to_gregorian()
            return date(g.year, g.month, g.day), date(g.year, g.month, g.day)
        a = Hijri(y, m, 1)
        g1 = a.to_gregorian()
        g2 = Hijri(y, m, a.month_length()).to_gregorian()
        return date(g1.year, g1.month, g1.day), date(g2.year, g2.month, g2.day)
    except Exception:
        return None


def _persian_to_greg(y: int, m: int, d: int) -> date:
    """Solar Hijri → Gregorian (the 33-year-cycle arithmetic of the jdf calendar code)."""
    jy = y + 1595
    days = -355668 + 365 * jy + (jy // 33) * 8 + ((jy % 33) + 3) // 4 + d
    days += (m - 1) * 31 if m < 7 else (m - 7) * 30 + 186
    gy = 400 * (days // 146097)
    days %= 146097
    if days > 36524:
        days -= 1
        gy += 100 * (days // 36524)
        days %= 36524
        if days >= 365:
            days += 1
    gy += 4 * (days // 1461)
    days %= 1461
    if days > 365:
        gy += (days - 1) // 365
        days = (days - 1) % 365
    return date(gy, 1, 1) + timedelta(days=days)


class _State:
    def __init__(self, anchor: date | None, anchor_label: str | None, tz: str):
        self.anchor, self.anchor_label, self.tz = anchor, anchor_label, tz
        self.narr: date | None = None
        # after a section heading the story may have moved on: the last date is only a lower bound
        self.narr_open = False
        self.last_period: dict[str, date] = {}   # month/year the text last named (for "الشهر السابق")
        self.last_tod: tuple[date, int] | None = None   # day and hour of the last time of day (for midnight)
        self.last_value: TimeValue | None = None        # the last closed date the text named (for آنذاك)

    def ref(self) -> tuple[date | None, str | None]:
        if self.narr:
            if self.narr_open:
                return self.narr, f"narrative-after:{self.narr.isoformat()}"
            return self.narr, f"narrative:{self.narr.isoformat()}"
        if self.anchor:
            return self.anchor, f"{self.anchor_label}:{self.anchor.isoformat()}"
        return None, None

    def pub(self) -> tuple[date | None, str | None]:
        if self.anchor:
            return self.anchor, f"{self.anchor_label}:{self.anchor.isoformat()}"
        return self.ref()


def _fields(g: list[_Piece]) -> dict:
    f: dict = {}
    for p in g:
        for k, v in p.g.items():
            f.setdefault(k, v)
        f.setdefault("_types", set()).add(p.etype)
    return f


def _nearest_hijri(ref: date, m: int, d: int | None) -> tuple[date, date] | None:
    """The Gregorian days of Hijri month m (day d, or the whole month) in the Hijri year nearest ref: ref's own,
    the one before or the one after (a holiday or a Hijri month told without its year); None when none converts."""
    from hijridate import Gregorian
    hy = Gregorian(ref.year, ref.month, ref.day).to_hijri().year
    cands = [c for c in (_hijri_to_greg(yy, m, d) for yy in (hy - 1, hy, hy + 1)) if c]
    return min(cands, key=lambda c: abs((c[0] - ref).days)) if cands else None


def _hijri_years(y1: int, y2: int):
    """Hijri years y1 to y2 as Gregorian days (first of Muharram to the end of Dhu al-Hijja), or None."""
    a, b = _hijri_to_greg(y1, 1, None), _hijri_to_greg(y2, 12, None)
    return (a[0], b[1], "year", "absolute") if a and b else None


def _date_of(f: dict, lx: Lexicon, st: _State):
    """Return (earliest_date, latest_date, precision, anchor_label) or None."""
    y = int(f["y"]) if "y" in f else None
    lo, hi = lx.hijri_years
    hijri = "h" in f or "hm" in f or (y is not None and lo <= y <= hi and not f.get("g"))
    d = None
    if "d" in f:
        d = _num(lx, f["d"], None)
    if "hol" in f:             # عيد الفطر, ثاني أيام عيد الأضحى
        hm, hd, length = lx.words["holiday"][norm_word(f["hol"])]
        fd = lx.words["feast_day"].get(norm_word(f.get("fd", ""))) if "fd" in f else None
        label = "absolute"
        if y is None:
            ref, label = st.ref()
            if ref is None:
                return None
            r = _nearest_hijri(ref, hm, hd)
        else:
            r = _hijri_to_greg(y, hm, hd)
        if not r:
            return None
        a = r[0] + timedelta(days=(fd - 1) if fd else 0)
        b = a if fd else r[0] + timedelta(days=length - 1)
        return a, b, "day", label
    if "pm" in f:
        gd = _persian_to_greg(y, lx.value("pmonth", f["pm"]), d or 1)
        return gd, gd, "day", "absolute"
    if "hm" in f or (hijri and "mn" in f):
        m = lx.value("hmonth", f["hm"]) if "hm" in f else int(f["mn"])
        label = "absolute"
        if y is None:
            ref, label = st.ref()
            if ref is None:
                return None
            r = _nearest_hijri(ref, m, d)
            if not r:
                return None
            a, b = r
        else:
            r = _hijri_to_greg(y, m, min(d, 30) if d else d)
            if not r:
                return None
            a, b = r
        return a, b, "day" if d else "month", label
    if "m" in f or "mn" in f:
        m = int(f["mn"]) if "mn" in f else lx.value("month", f["m"])
        label = "absolute"
        if y is None:
            ref, label = st.ref()
            if ref is None:
                return None
            y = _closest_year(m, d, ref)
            dx = lx.words["dir"].get(norm_word(f.get("dirx", "")))
            if dx in (1, -1):         # ديسمبر الماضي / أغسطس المقبل: from the publication date
                pub, label = st.pub()
                key, now = (m, d or 0), (pub.month, pub.day if d else 0)
                y = pub.year if (key >= now if dx == 1 else key <= now) else pub.year + dx
            elif dx == 0:
                pub, label = st.pub()
                y = pub.year
        last = calendar.monthrange(y, m)[1]
        if d:
            if d > last:
                return None
            d2 = _num(lx, f.get("d2"), None)
            e = date(y, m, d2) if d2 and d < d2 <= last else date(y, m, d)
            return date(y, m, d), e, "day", label
        return date(y, m, 1), date(y, m, last), "month", label
    if "season" in f and y:
        m1, m2 = lx.words["season"][norm_word(f["season"])]
        y2, m2 = (y + (m2 - 1) // 12, (m2 - 1) % 12 + 1)
        return date(y, m1, 1), date(y2, m2, calendar.monthrange(y2, m2)[1]), "month", "absolute"
    if "dec" in f or "dec4" in f:
        if "dec4" in f:
            y0 = int(f["dec4"])
        else:
            y0 = 1900 + lx.value("decade", f["dec"])
        if "dech" in f:      # الثمانينيات الهجرية = 1380-1389 AH
            h0 = 1300 + y0 % 100
            return _hijri_years(h0, h0 + 9)
        return date(y0, 1, 1), date(y0 + 9, 12, 31), "year", "absolute"
    if "cent" in f or "decd" in f:
        return _century(f, lx, st)
    if "season1" in f:
        m1, m2 = lx.words["season1"][norm_word(f["season1"])]
        dx = lx.words["dir"].get(norm_word(f.get("dir", "")))
        ref, label = st.pub() if dx in (1, -1, 0) else st.ref()
        if ref is None:
            return None
        mid = (m1 + m2) // 2
        y = _closest_year((mid - 1) % 12 + 1, None, ref) - (1 if mid > 12 and ref.month <= 6 else 0)
        if dx == -1:        # the last one that has ended
            y = ref.year if m2 < ref.month else ref.year - 1
        elif dx == 1:       # the next one that has not begun
            y = ref.year if m1 > ref.month else ref.year + 1
        y2, m2n = (y + (m2 - 1) // 12, (m2 - 1) % 12 + 1)
        return date(y, m1, 1), date(y2, m2n, calendar.monthrange(y2, m2n)[1]), "month", label
    if y is not None and "y2" in f:
        y2 = int(f["y2"])
        if hijri:
            return _hijri_years(y, y2)
        return date(y, 1, 1), date(y2, 12, 31), "year", "absolute"
    if y is not None:
        if hijri:
            return _hijri_years(y, y)
        return date(y, 1, 1), date(y, 12, 31), "year", "absolute"
    return None


def _resolve(g: list[_Piece], text_span: str, st: _State) -> TimeValue | None:
    lx = g[0].lx
    f = _fields(g)
    types = f["_types"]
    tz = st.tz
    W = lx.words
    if "dur" in types:
        return _duration(f, lx, tz)
    if "vref" in types:
        return _vague(f, lx, st)
    if "set" in types:
        return TimeValue(None, None, precision="day", tz=tz, kind="set", anchor=None, value=lx.value("set", f["set"]))
    if "recent" in types:
        return _recent(f, lx, st)
    if "ordday" in types:          # اليوم الأول: the first day of something the text tells, not a calendar date
        return TimeValue(None, None, precision="day", tz=tz, kind="date", anchor=None)
    if "holiday" in types:
        got = _date_of(f, lx, st)
        if not got:
            return TimeValue(None, None, precision="day", tz=tz, anchor=None)
        a, b, prec, label = got
        return TimeValue(_iso(_day_bounds(a)[0], tz), _iso(_day_bounds(b)[1], tz), precision=prec, tz=tz, anchor=label)
    if "ago" in types:
        if "q" not in f and W["unit_plural"].get(norm_word(f["u"])):
            return _duration({"u": f["u"], "vq": 1}, lx, tz)
        q = _num(lx, f.get("q"), 2 if W["dual"].get(norm_word(f["u"])) else 1)
        name, iso, factor, is_time = W["unit"].get(norm_word(f["u"])) or W["dual"][norm_word(f["u"])]
        base, label = st.pub()
        if base is None:
            return TimeValue(None, None, precision="day", tz=tz, kind="date", anchor=None)
        sign = 1 if norm_word(f["ago"]) in ("بعد",) else -1
        if is_time:   # بعد خمس دقائق: an offset from an unknown moment
            return TimeValue(None, None, precision="hour", tz=tz, kind="duration", anchor=label,
                             value=f"PT{q}{iso}")
        days = {"day": 1, "week": 7, "month": 30, "year": 365, "decade": 3650, "century": 36500}[name] * q
        dd = base + timedelta(days=sign * days)
        prec = "day" if name in ("day", "week") else ("month" if name == "month" else "year")
        a, b = _day_bounds(dd)
        if prec == "month":
            a, b = datetime(dd.year, dd.month, 1), datetime(dd.year, dd.month, calendar.monthrange(dd.year, dd.month)[1], 23, 59, 59)
        elif prec == "year":
            a, b = datetime(dd.year, 1, 1), datetime(dd.year, 12, 31, 23, 59, 59)
        return TimeValue(_iso(a, tz), _iso(b, tz), precision=prec, tz=tz, kind="date", anchor=label)
    if "relper" in types and "y" not in f:
        base, label = st.pub()
        per = lx.value("period", f["per"])
        dr = W["dir"].get(norm_word(f.get("dir", "")), 0)
        if "dir" in f and W["previous"].get(norm_word(f["dir"])) and st.last_period.get(per):
            base, label = st.last_period[per], f"narrative:{st.last_period[per].isoformat()}"
        if base is None:
            return TimeValue(None, None, precision=per, tz=tz, anchor=None)
        if per == "week":
            mon = base - timedelta(days=base.weekday()) + timedelta(days=7 * dr)
            a, b = datetime.combine(mon, datetime.min.time()), datetime.combine(mon + timedelta(days=6), datetime.min.time()) + timedelta(hours=23, minutes=59, seconds=59)
            prec = "day"
        elif per == "month":
            mm = base.month - 1 + dr
            yy, mm = base.year + mm // 12, mm % 12 + 1
            a, b = datetime(yy, mm, 1), datetime(yy, mm, calendar.monthrange(yy, mm)[1], 23, 59, 59)
            prec = "month"
        else:
            a, b = datetime(base.year + dr, 1, 1), datetime(base.year + dr, 12, 31, 23, 59, 59)
            prec = "year"
        if "mod" in f:          # نهاية العام، النصف الثاني من العام الجاري
            p0, p1 = W["mod"][norm_word(f["mod"])]
            n = (b.date() - a.date()).days + 1
            a0 = a
            a = datetime.combine(a0.date() + timedelta(days=int(n * p0)), datetime.min.time())
            b = datetime.combine(a0.date() + timedelta(days=max(0, int(n * p1) - 1)), datetime.min.time()) \
                + timedelta(hours=23, minutes=59, seconds=59)
            prec = "month" if per == "year" else "day"
        return TimeValue(_iso(a, tz), _iso(b, tz), precision=prec, tz=tz, anchor=label)

    # ---- calendar date, weekday, relative day, narrative day, then time of day
    day_a = day_b = None
    prec, label = None, None
    got = _date_of(f, lx, st)
    if got:
        day_a, day_b, prec, label = got
    elif "rel" in f:
        base, label = st.pub()
        if base is not None:
            day_a = day_b = base + timedelta(days=W["relday"][norm_word(f["rel"])])
            prec = "day"
            if "wd" in f:     # اليوم (الاثنين): the weekday wins, nearest on or before
                wd = lx.value("weekday", f["wd"])
                fwd = (wd - day_a.weekday()) % 7
                off = fwd if fwd <= 2 else fwd - 7      # crawl dates run late: lean back
                day_a = day_b = day_a + timedelta(days=off)
    elif "narr" in f:
        base, label = st.ref()
        if base is not None:
            day_a = day_b = base + timedelta(days=W["narr"][norm_word(f["narr"])])
            prec = "day"
    elif "wd" in f:
        wd = lx.value("weekday", f["wd"])
        dr = W["dir"].get(norm_word(f.get("dir") or f.get("dir1") or ""), None)
        if dr in (1, -1):
            base, label = st.pub()
        else:
            base, label = st.ref()
        if base is not None:
            if dr == 1:
                off = (wd - base.weekday()) % 7 or 7
            elif dr == -1:
                off = -((base.weekday() - wd) % 7 or 7)
            elif label and label.startswith("narrative"):
                fwd = (wd - base.weekday()) % 7         # inside a story: the nearest one
                off = fwd if fwd <= 3 else fwd - 7
            else:
                off = -((base.weekday() - wd) % 7)      # from the publication date: news look back
            day_a = day_b = base + timedelta(days=off)
            prec = "day"
    elif "clock" in types or "pod" in types:
        base, label = st.ref()
        if base is not None:
            day_a = day_b = base
            pw = W["pod"].get(norm_word(f.get("pod", "")))
            if pw and pw[0] in ("midnight", "after_midnight") and "hh" not in f:
                # midnight is the boundary between the two days of the narrative's night: after an
                # evening (or a night) it ends that day; after the small hours it is the start of theirs
                if st.last_tod is not None:
                    d0, hour = st.last_tod
                    day_a = day_b = d0 + timedelta(days=1) if hour >= 12 else d0
                    label = f"narrative:{d0.isoformat()}"
                else:
                    day_a = day_b = base + timedelta(days=1)   # standalone midnight ends the narrative day
            prec = "day"

    if "mod" in f and day_a is not None and day_b is not None and prec in ("year", "month"):
        p0, p1 = W["mod"][norm_word(f["mod"])]
        n = (day_b - day_a).days + 1
        day_a, day_b = day_a + timedelta(days=int(n * p0)), day_a + timedelta(days=max(0, int(n * p1) - 1))
        if prec == "year" and (day_b - day_a).days < 400:
            prec = "month" if n < 1000 else "year"

    if day_a is None:
        kind = "time" if ("clock" in types or "pod" in types) else "date"
        return TimeValue(None, None, precision=prec or "day", tz=tz, kind=kind, anchor=None)

    if prec == "day" and ("clock" in types or "pod" in types):
        pod = W["pod"].get(norm_word(f.get("pod", ""))) if "pod" in f else None
        if "hh" in f or "hw" in f:
            h = int(f["hh"]) if "hh" in f else W["ordinal"][norm_word(f["hw"])]
            mi = int(f.get("mm", 0))
            if "frac" in f:
                mi = 30 if "نص" in f["frac"] else 15
            ap = (f.get("ap") or "").lower()
            mode = "pm" if ap == "p" else ("am" if ap == "a" else (pod[2] if pod else None))
            if mode == "am" and h == 12:
                h = 0
            elif mode == "pm" and h < 12:
                h += 12
            elif mode == "noon" and h <= 6:
                h += 12
            elif mode == "night" and 6 <= h < 12:
                h += 12
            elif mode == "night" and h == 12:
                h = 24      # twelve at night is midnight, the end of that day, not noon
            if h == 24:
                h = 0
                day_a += timedelta(days=1)
            t = datetime.combine(day_a, datetime.min.time()) + timedelta(hours=h, minutes=mi)
            zone = lx.value("tz", f["tzn"]) if "tzn" in f else None
            if zone and zone != "local" and _offset(zone) is not None and _offset(tz) is not None:
                t += _offset(tz) - _offset(zone)   # 1:55 UTC is 4:55 at +03:00: one instant, the document's offset
            return TimeValue(_iso(t, tz), _iso(t, tz), precision="minute" if ("mm" in f or "frac" in f) else "hour",
                             tz=tz, kind="time", anchor=label)
        if pod:
            r0, r1 = pod[1]
            if (pod[0] == "night" and "wd" in f and "rel" not in f and "narr" not in f
                    and lx.words["eve"].get(norm_word(f["pod"]))):
                day_a -= timedelta(days=1)     # ليلة الأحد: the evening and night before Sunday
            a = datetime.combine(day_a, datetime.min.time()) + _hm(r0)
            b = datetime.combine(day_a, datetime.min.time()) + _hm(r1)
            if b > a and r1 not in ("24:00",):
                b -= timedelta(seconds=1)
            elif r1 == "24:00":
                b -= timedelta(seconds=1)
            prec2 = "minute" if r0 == r1 else "part_of_day"
            return TimeValue(_iso(a, tz), _iso(b, tz), precision=prec2, tz=tz, kind="time", anchor=label)
    a, _ = _day_bounds(day_a)
    _, b = _day_bounds(day_b)
    return TimeValue(_iso(a, tz), _iso(b, tz), precision=prec, tz=tz, kind="date", anchor=label)


def _offset(tz: str | None) -> timedelta | None:
    m = re.fullmatch(r"([+-])(\d\d):(\d\d)", tz or "")
    if not m:
        return None
    d = timedelta(hours=int(m.group(2)), minutes=int(m.group(3)))
    return d if m.group(1) == "+" else -d


def _vague(f: dict, lx: Lexicon, st: _State) -> TimeValue:
    """الآن / مؤخرا / قريبا: the present is the publication time; the past and the future are open on one side;
    "at the same time" is the narrative's time, left open here."""
    cat = lx.value("vref", f["vref"])
    pub, label = st.pub()
    tz = st.tz
    if cat == "THEN":        # آنذاك: the time the text last named, as it named it
        if st.last_value is None:
            return TimeValue(None, None, precision="day", tz=tz, kind="date", anchor=None)
        v = st.last_value
        return TimeValue(v.earliest, v.latest, precision=v.precision, tz=tz, kind="date",
                         anchor=f"narrative:{v.earliest[:10]}")
    if cat in _DATE_REFS:
        return _vague_date(cat, pub, label, tz)
    if cat == "SAME_TIME" or pub is None:
        return TimeValue(None, None, precision="day", tz=tz, kind="vague", anchor=None,
                         value="PRESENT_REF" if cat == "SAME_TIME" else cat)
    a, b = _day_bounds(pub)
    if cat == "PAST_REF":
        return TimeValue(None, _iso(b, tz), precision="day", tz=tz, kind="vague", anchor=label, value=cat)
    if cat == "FUTURE_REF":
        return TimeValue(_iso(a, tz), None, precision="day", tz=tz, kind="vague", anchor=label, value=cat)
    return TimeValue(_iso(a, tz), _iso(b, tz), precision="day", tz=tz, kind="vague", anchor=label, value=cat)


# (entime31) vague references that date their happening (en.yaml vague_refs RECENT_DATE, WEEKEND): kind date, so that
# an event takes them as its time; off: none of them is tagged
VAGUE_DATES = True
_DATE_REFS = ("RECENT_DATE", "WEEKEND")


def _vague_date(cat: str, pub: date | None, label: str | None, tz: str) -> TimeValue:
    """"in recent years": up to the document's day, open before; "over the weekend": the last Saturday and
    Sunday on or before it. Without the document's day the date stays open."""
    if pub is None:
        return TimeValue(None, None, precision="day", tz=tz, kind="date", anchor=None, value=cat)
    if cat == "WEEKEND":
        sat = pub - timedelta(days=(pub.weekday() - 5) % 7)
        return TimeValue(_iso(_day_bounds(sat)[0], tz), _iso(_day_bounds(sat + timedelta(days=1))[1], tz),
                         precision="day", tz=tz, kind="date", anchor=label, value=cat)
    return TimeValue(None, _iso(_day_bounds(pub)[1], tz), precision="day", tz=tz, kind="date", anchor=label, value=cat)


_DAYS = {"day": 1, "week": 7, "month": 30, "year": 365, "decade": 3650, "century": 36500}


def _recent(f: dict, lx: Lexicon, st: _State) -> TimeValue:
    """السنوات الخمس الماضية: a duration (P5Y) that spans back (or on) from the publication date."""
    W, tz = lx.words, st.tz
    u = norm_word(f.get("ru") or f.get("u"))
    if u.startswith("ال") and u not in W["unit"] and u not in W["dual"]:
        u = u[2:]
    spec = W["unit"].get(u) or W["dual"].get(u)
    if spec is None:
        return TimeValue(None, None, precision="day", tz=tz, kind="duration", anchor=None)
    name, iso, factor, is_time = spec
    q = 2 if u in W["dual"] else (_num(lx, f["q"], None) if "q" in f else None)
    if isinstance(q, float) and q.is_integer():
        q = int(q)
    T = "T" if is_time else ""
    val = f"P{T}{q * factor}{iso}" if isinstance(q, int) else f"P{T}X{iso}"
    pub, label = st.pub()
    future = W["dir"].get(norm_word(f["recent"]).split()[-1]) == 1
    if pub is None:
        return TimeValue(None, None, precision="day", tz=tz, kind="duration", anchor=None, value=val)
    a, b = _day_bounds(pub)
    if isinstance(q, int) and not is_time and q * _DAYS[name] < 40000:
        span = timedelta(days=q * _DAYS[name])
        lo, hi = (a, b + span) if future else (a - span, b)
        return TimeValue(_iso(lo, tz), _iso(hi, tz), precision="day", tz=tz, kind="duration", anchor=label, value=val)
    if future:
        return TimeValue(_iso(a, tz), None, precision="day", tz=tz, kind="duration", anchor=label, value=val)
    return TimeValue(None, _iso(b, tz), precision="day", tz=tz, kind="duration", anchor=label, value=val)


def _century(f: dict, lx: Lexicon, st: _State):
    """القرن التاسع عشر = 1801..1900 read as 1800-1899 (TimeML's "18"); العقد الأول من القرن الحادي والعشرين;
    القرن الماضي / العقد الماضي from the publication date."""
    W = lx.words
    if "decd" in f:
        pub, label = st.pub()
        if pub is None:
            return None
        y0 = pub.year // 10 * 10 + 10 * W["dir"].get(norm_word(f["decd"]), 0)
        return date(y0, 1, 1), date(y0 + 9, 12, 31), "year", label
    c = norm_word(f["cent"])
    label = "absolute"
    if c in W["dir"]:
        pub, label = st.pub()
        if pub is None:
            return None
        n = pub.year // 100 + 1 + W["dir"][c]
    else:
        n = _num(lx, re.sub(r"(?<=\d)(?:st|nd|rd|th)$", "", c), None)
        if not isinstance(n, int) or not 1 <= n <= 21:
            return None
    y0 = (n - 1) * 100
    if "decn" in f:
        k = _num(lx, f["decn"], None)
        if not isinstance(k, int) or not 1 <= k <= 10:
            return None
        y0, span = y0 + (k - 1) * 10, 10
    else:
        span = 100
    if "era" in f and "هجر" in norm_word(f["era"]):
        a, b = _hijri_to_greg(max(1, y0), 1, None), _hijri_to_greg(y0 + span - 1, 12, None)
        return (a[0], b[1], "year", label) if a and b else None
    if y0 < 1:
        return None
    return date(y0, 1, 1), date(y0 + span - 1, 12, 31), "year", label


def _duration(f: dict, lx: Lexicon, tz: str) -> TimeValue:
    W = lx.words
    if "du" in f:
        du = norm_word(f["du"])
        name, iso, factor, is_time = W["dual"].get(du) or W["dual"][du[2:]]     # السنتين = ال + سنتين
        q = 2
    else:
        name, iso, factor, is_time = W["unit"][norm_word(f["u"])]
        q = None if ("vq" in f or "q" not in f) else _num(lx, f["q"])
        if q is None and "vq" not in f and norm_word(f["u"]) not in W["unit_plural"]:
            q = 1            # أكثر من قرن، لمدة عام، عاما: one unit
        if q is not None and "half" in f:
            q += lx.words["cardinal"].get(norm_word(f["half"]), 0)   # سنة ونصف
    if q is None:
        val = f"P{'T' if is_time else ''}X{'DE' if name == 'decade' else ('CE' if name == 'century' else iso)}"
    else:
        q = q * factor
        if isinstance(q, float) and q.is_integer():
            q = int(q)
        val = f"P{'T' if is_time else ''}{q}{iso}"
    prec = {"week": "day", "decade": "year", "century": "year"}.get(name, name)
    return TimeValue(None, None, precision=prec,
                     tz=tz, kind="duration", anchor=None, value=val)


def _ymd(f: dict, lx: Lexicon) -> date | None:
    try:
        if "y" in f and "d" in f and ("m" in f or ("mn" in f and not ("h" in f or int(f["y"]) < 1500))):
            m = int(f["mn"]) if "mn" in f else lx.value("month", f["m"])
            return date(int(f["y"]), m, _num(lx, f["d"]))
    except (ValueError, TypeError):
        return None
    return None


def tag_times(text: str, lang: str = "ar", anchor: str | None = None, tz: str = "+03:00",
              retrieved: str | None = None) -> list[TimeMention]:
    """Find and normalise the time expressions of a document.

    ``anchor`` is the publication date; without it, ``retrieved`` (the day the article was
    fetched) anchors relative times on a window before it (riwaya/timex/retrieved.py).
    Returns mentions in text order, offsets into ``text``; see riwaya.timex."""
    if not text:
        return []
    norm, offs = normalise(text)
    pstarts, plangs = _paragraph_langs(norm, lang)
    bounds = pstarts[1:] + [len(norm) + 1]
    by_lang: dict[str, list[tuple[int, int]]] = {}
    for s, e, l in zip(pstarts, bounds, plangs):
        by_lang.setdefault(l if l in ("ar", "en") else "ar", []).append((s, e))
    pieces: list[_Piece] = []
    for l, spans in by_lang.items():
        lx = load(l)
        found = _find(norm, lx, spans)
        # names and other senses (عين اليوم): looked for only around what was found
        blocked = {m.span() for p in found for m in lx.not_time.finditer(norm, max(0, p.start - 30), p.end + 30)}
        if blocked:
            found = [p for p in found if not any(a < p.end and p.start < b for a, b in blocked)]
        if lx.date_name_heads:
            found = [p for p in found if not _named_date(p, norm, lx)]
        pieces.extend(found)
    groups = [g for g in _group(_select(pieces), norm) if _keep(g, norm)]
    pieces_at = {g[0].start for g in groups}

    def lx_of(g):
        return g[0].lx

    captions: dict = {}
    a_date, a_label = None, None
    if anchor:
        try:
            a_date, a_label = date.fromisoformat(str(anchor)[:10]), "published"
        except ValueError:
            a_date = None
    widen_days = 0
    if a_date is None and DATELINE_ANCHOR:
        a_date = _dateline_day(norm, groups)
        a_label = "inferred" if a_date else None
    if a_date is None:
        full = [d for g in groups for d in [_ymd(_fields(g), g[0].lx)] if d and _may_anchor(norm, g, captions)]
        if retrieved:
            a_date, widen_days = retrieval.anchor_day(retrieved, full)
            a_label = "retrieved"
        if a_date is None and full:
            a_date, a_label = max(full), "inferred"
    st = _State(a_date, a_label, tz)
    st.narr_retrieved = False     # whether the narrative's day was itself counted from the retrieval day

    heads = [a for a, b in zip(pstarts, bounds) if _is_heading(norm[a:b - 1])]
    out: list[tuple[int, int, TimeValue]] = []
    for g in groups:
        s, e = g[0].start, g[-1].end
        while heads and heads[0] < s:
            heads.pop(0)
            st.narr_open = st.narr is not None
        try:
            tv = _resolve(g, norm[s:e], st)
        except (OverflowError, ValueError):
            # arithmetic past the calendar's range (قبل 3000 عام, year 0): keep the span, leave it open
            tv = TimeValue(None, None, precision="year", tz=tz, kind="date", anchor=None)
        if tv is None:
            continue
        if (tv.anchor or "").startswith("narrative-after") and {p.etype for p in g} <= {"clock", "pod", "narr", "mod"}:
            tv.latest = None       # a time of day (or "that night") past a heading: on or after that day
        ev = _event_link(norm, e, g, tv, pieces_at, lx_of(g))
        if ev is not None:
            tv = ev
        shifted = bool(widen_days) and retrieval.from_retrieved(tv, st.narr_retrieved)
        out.append((s, e, retrieval.widen(tv, widen_days, st.anchor) if shifted else tv))
        if tv.kind in ("date", "time") and tv.earliest and tv.latest and _may_anchor(norm, g, captions):
            st.last_value = tv
        if tv.kind == "time" and tv.earliest and tv.precision in ("hour", "minute", "part_of_day"):
            st.last_tod = (date.fromisoformat(tv.earliest[:10]), int(tv.earliest[11:13]))
        elif tv.kind == "date" and tv.precision == "day" and tv.earliest:
            st.last_tod = None
        if tv.earliest and tv.kind in ("date", "time") and "relper" not in {p.etype for p in g}:
            d0 = date.fromisoformat(tv.earliest[:10])
            if tv.precision != "year":
                st.last_period["month"] = d0
            st.last_period["year"] = d0
        if tv.precision not in ("year", "month") and tv.kind in ("date", "time") and tv.earliest:
            types = {p.etype for p in g}
            # a date after "منذ" starts a span and a caption's date is the photo's: neither is the story's day
            if (types & {"date", "rel"} or (types & {"narr"} and tv.latest)) and _may_anchor(norm, g, captions):   # a weekday alone: no update
                st.narr = date.fromisoformat(tv.earliest[:10])
                st.narr_open = False
                st.narr_retrieved = shifted
    out = _ranges(out, norm)
    res = []
    for s, e, tv in out:
        if tv.timex_type is None:
            tv.timex_type = _TIMEX_TYPE.get(tv.kind, "DATE")
        if tv.anchor_span and offs is not None:
            a, b = tv.anchor_span
            tv.anchor_span = (offs[a], offs[b - 1] + 1)
        if offs is not None:
            os_, oe = offs[s], offs[e - 1] + 1
            while oe < len(text) and _DEL.match(text[oe]):
                oe += 1
        else:
            os_, oe = s, e
        tv.text = text[os_:oe]
        res.append(TimeMention(os_, oe, tv.text, tv))
    return res


# (entime31) a document without a publication date whose first lines hold a full date on a line of its own (the
# dateline of a Wikinews or GUM page: "Tuesday, March 3, 2009") is anchored on that day, not on the latest full
# date of its text (an election day ahead, a later event told in an update); en.yaml dateline_lines says how many
# first lines may hold it (absent or 0: none, as Arabic)
DATELINE_ANCHOR = False   # off: English dev polarity 0.965 -> 0.957 (one event), CV all right 0.438 -> 0.440 (README, entime31)


def _dateline_day(norm: str, groups: list[list[_Piece]]) -> date | None:
    """The day of a full date that stands alone (weekday and punctuation aside) on one of the first lines."""
    for g in groups:
        n = int(g[0].lx.raw.get("dateline_lines") or 0)
        s, e = g[0].start, g[-1].end
        if norm.count("\n", 0, s) >= n:
            continue
        a, b = norm.rfind("\n", 0, s) + 1, norm.find("\n", e)
        rest = norm[a:s] + norm[e:len(norm) if b < 0 else b]
        d = _ymd(_fields(g), g[0].lx)
        if d and re.fullmatch(r"[\s,.;:()\-]*", rest):
            return d
    return None


def _may_anchor(norm: str, g: list[_Piece], captions: dict | None = None) -> bool:
    """A full date may stand in for a missing publication date unless it follows a "since" word
    or sits on a photo caption's line: those tell of another day than the report's.
    ``captions`` remembers each line's answer: a one-line article is searched once, not per date."""
    lx = g[0].lx
    ls = norm.rfind("\n", 0, g[0].start) + 1
    le = norm.find("\n", g[-1].end)
    if lx.caption_rx is not None:
        key = (ls, le, lx.lang)
        cap = captions.get(key) if captions is not None else None
        if cap is None:
            cap = lx.caption_rx.search(norm, ls, le if le >= 0 else len(norm)) is not None
            if captions is not None:
                captions[key] = cap
        if cap:
            return False
    before = norm[max(ls, g[0].start - 12):g[0].start]
    return not lx.since_rx.search(before)


def _event_link(norm: str, e: int, g: list[_Piece], tv: TimeValue, starts: set, lx: Lexicon) -> TimeValue | None:
    """في اليوم التالي لسقوط دمشق، بعد أسبوع من سقوط ...: a day counted from an event the text names,
    not from the publication date. The value is left open with the offset and the event's words, for the
    events stage to resolve through that event's own time."""
    types = {p.etype for p in g}
    if not types & {"narr", "dur", "ago"} or types & {"date", "year", "clock"}:
        return None
    f = _fields(g)
    W = lx.words
    if "narr" in types:
        off = W["narr"].get(norm_word(f["narr"]), 0)
        if off == 0:
            return None
        offset = f"{'+' if off > 0 else '-'}P{abs(off)}D"
    else:
        words = norm[g[0].start:e].split()
        first = (f.get("ago") or (words[0] if words else "")).lower()
        sign = {"بعد": "+", "قبل": "-", "after": "+", "before": "-"}.get(first)
        if sign is None or not tv.value or tv.value[1:2] == "T" or "X" in tv.value:
            return None
        offset = sign + tv.value
    m = lx.event_rx.match(norm, e)
    if m is None or m.end() in starts or m.start(1) in starts:
        return None
    dur = "dur" in types      # بعد 3 أيام على هجوم: still a duration (P3D), now with its anchor event
    return TimeValue(None, None, precision="day", tz=tv.tz, kind="duration" if dur else "date",
                     anchor=f"event:{m.group(1)}", value=tv.value if dur else None,
                     offset=offset, anchor_span=(m.start(1), m.end(1)))


def _ranges(out, norm):
    """منذ عام 1971 وحتى وفاته في عام 2000 → one interval from the first to the second."""
    if len(out) < 2:
        return out
    res = []
    i = 0
    while i < len(out):
        s, e, tv = out[i]
        if i + 1 < len(out) and tv.kind == "date" and out[i + 1][2].kind == "date" and tv.earliest and out[i + 1][2].latest:
            s2, e2, tv2 = out[i + 1]
            gap = norm[e:s2]
            lx = load("en" if _LATIN.search(norm[s:e]) else "ar")
            pre = norm[max(0, s - 8):s]
            m = lx.range_from.search(pre)
            if m and len(gap) <= 40 and lx.range_to.search(gap) and not re.search(r"[.!?؟\n]", gap) \
                    and tv2.earliest >= tv.earliest:
                start = s - (len(pre) - m.start()) + (1 if pre[m.start():m.start() + 1].isspace() else 0)
                prec = tv.precision if tv.precision == tv2.precision else "day"
                res.append((start, e2, TimeValue(tv.earliest, tv2.latest, precision=prec, tz=tv.tz, kind="date",
                                                 anchor=tv.anchor if tv.anchor == tv2.anchor else f"{tv.anchor}|{tv2.anchor}")))
                i += 2
                continue
        res.append((s, e, tv))
        i += 1
    return res
