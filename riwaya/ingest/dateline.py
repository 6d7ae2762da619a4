"""Datelines, bylines and source lines: who published an article, from where and when, read
from its text when the caller did not say.

    "دمشق - 8 ديسمبر (رويترز) - قال ..."   place, date, outlet
    "طوكيو - «رويترز»: دافع ..."            place, outlet
    "أحمد علي- سبق- القاهرة: ..."           byline, outlet, place
    "BEIRUT, Dec 8 (Reuters) - ..."          place, date, outlet
    "(AP) — ..." / "Reuters — ..."           outlet
    "... المصدر: الحرة" (last line)          outlet

A head is a dateline only if one of its parts is a known outlet (the knowledge base's outlets
and the dateline-only short forms of ``data/ingest/datelines.yaml``) or a day and month, and
every part is short. ``Dateline.start/end`` is the span of the dateline in the original text,
so the later stages can leave it out of what they read as the article's sentences.
"""
from __future__ import annotations

import re
from dataclasses import asdict, dataclass
from functools import lru_cache
from importlib import resources

from riwaya.datafiles import yaml_load

from ..textutil import normalize_ar

_DASH = "-–—"


@dataclass
class Dateline:
    start: int                    # span of the whole dateline in the original text
    end: int
    outlet: str | None = None     # canonical name (Arabic for an Arabic text, else English)
    outlet_en: str | None = None
    place: str | None = None      # as written
    date: str | None = None       # YYYY-MM-DD, or --MM-DD without a year (ISO 8601 partial)
    author: str | None = None
    kind: str = "head"            # head | source_line | byline
    masthead: str | None = None   # the publisher named before the agency it carries ("عين اليوم – واس")
    masthead_en: str | None = None

    def to_dict(self) -> dict:
        return {k: v for k, v in asdict(self).items() if v is not None}


def _data(name: str) -> dict:
    return yaml_load(resources.files("riwaya").joinpath(f"data/{name}").read_text("utf-8"))


def _key(s: str) -> str:
    s = re.sub(r"[«»\"“”‘’'()\[\]]", " ", s)
    return " ".join(normalize_ar(s).casefold().split()).strip(" .:،,")


@lru_cache(maxsize=1)
def _cfg() -> dict:
    cfg = _data("ingest/datelines.yaml")
    outlets: dict[str, tuple[str, str]] = {}
    for rec in _data("kb/outlets.yaml") or []:
        for n in [rec.get("name_ar"), rec.get("name_en"), *(rec.get("names") or [])]:
            if isinstance(n, str) and n.strip():
                outlets.setdefault(_key(n), (rec.get("name_ar") or rec.get("name_en"), rec.get("name_en") or rec.get("name_ar")))
    for rec in cfg["outlets"]:
        for n in [rec["name_ar"], rec["name_en"], *rec.get("forms", [])]:
            outlets[_key(n)] = (rec["name_ar"], rec["name_en"])
    months: dict[str, int] = {}
    for lang in ("ar", "en"):
        for m, forms in _data(f"timex/{lang}.yaml")["months"].items():
            for f in forms:
                months[_key(str(f)).rstrip(".")] = int(m)
    cfg["_outlets"] = outlets
    given = resources.files("riwaya").joinpath("data/kb/given_names.txt").read_text("utf-8").split()
    cfg["_given"] = {_key(x) for x in given if not x.startswith("#")}
    cfg["_months"] = months
    cfg["_hijri"] = {_key(str(f)) for forms in _data("timex/ar.yaml")["hijri_months"].values() for f in forms}
    cfg["_filler"] = {_key(x) for x in cfg["filler"]}
    return cfg


def outlet_of(name: str) -> tuple[str, str] | None:
    """(Arabic name, English name) of a known outlet written ``name``, else None."""
    c = _cfg()["_outlets"]
    k = _key(name)
    if k in c:
        return c[k]
    for pre in ("وكالة ", "صحيفة ", "قناة ", "موقع "):      # "وكالة رويترز" → رويترز
        if k.startswith(normalize_ar(pre)) and k[len(pre):] in c:
            return c[k[len(pre):]]
    return None


def _date(part: str) -> str | None:
    months = _cfg()["_months"]
    words = _key(part).replace(",", " ").split()
    day = year = month = None
    for i, w in enumerate(words):
        w = w.rstrip(".")
        if w.isdigit():
            n = int(w)
            if 1 <= n <= 31 and day is None and len(w) <= 2:
                day = n
            elif 1900 <= n <= 2100:
                year = n
            else:
                return None
        elif w in months and month is None:
            month = months[w]
        elif i + 1 < len(words) and f"{w} {words[i + 1]}" in months and month is None:
            month = months[f"{w} {words[i + 1]}"]
        elif month is not None and any(f"{m} {w}" in months for m in words[:i]):
            continue
        else:
            return None
    if not (day and month):
        return None
    return f"{year:04d}-{month:02d}-{day:02d}" if year else f"--{month:02d}-{day:02d}"


# a dateline's head ends at ":" or at a dash after an outlet in brackets, or at a dash or
# colon with a space after it, whichever comes first
_END = re.compile(r"\s*(?::|[)»”\"]\s*[" + _DASH + r"]|\s[" + _DASH + r"](?=\s))\s*")
_SPLIT = re.compile(r"\s*[" + _DASH + r"]\s*|\s*[,،]\s*|\s*(?=[(«“\"])|(?<=[)»”\"])\s*")


def _parts(head: str) -> list[tuple[str, str]]:
    """(part, separator before it): separator "-" (a dash or comma), "q" (only a bracket or quote)."""
    out, sep, pos = [], "", 0
    for m in list(_SPLIT.finditer(head)) + [None]:
        chunk = head[pos:m.start() if m else len(head)].strip(" \t()«»“”\"*")
        if chunk:
            out.append((chunk, sep))
        if m is None:
            break
        sep = "-" if re.search(r"[" + _DASH + r",،]", m.group(0)) else ("q" if out else "")
        pos = m.end()
    return out


def _candidate(window: str, m) -> Dateline | None:
    cfg = _cfg()
    head = window[:m.start() + (1 if window[m.start():m.end()].strip()[:1] in ")»”\"" else 0)]
    parts = _parts(head)
    if not parts or len(parts) > 4 or any(len(p.split()) > cfg["max_part_words"] for p, _ in parts):
        return None
    if any(re.search(r"(?:^|\s)لـ?$", p) for p, _ in parts):
        return None          # "الحسين لـ«عين اليوم»: ..." (told the outlet): a quote's title, not a dateline
    return _classify(parts)


# "جدة 25 شوال 1436 هـ الموافق 10 اغسطس 2015 م واس  هطلت": a place, a Hijri date (and the Gregorian
# one), then the agency, with neither dash nor colon after it
_DATED = re.compile(r"\s*(?P<place>[^\d\n:،,()«»" + re.escape(_DASH) + r"]{2,40}?)\s+(?P<d1>\d{1,2})\s+(?P<m1>[^\d\n]{2,15}?)\s+"
                    r"(?P<y1>\d{4})\s*(?:هـ|ه)?\s+(?:الموافق\s+(?P<d2>\d{1,2})\s+(?P<m2>[^\d\n]{2,15}?)\s+"
                    r"(?P<y2>\d{4})\s*(?:م\s+)?)?(?P<rest>[^\n]{0,40})")


def _dated_head(window: str, base: int) -> Dateline | None:
    m = _DATED.match(window)
    if not m or _key(m.group("m1")) not in _cfg()["_hijri"] or \
            len(m.group("place").split()) > _cfg()["max_place_words"]:
        return None
    date = _date(f"{m.group('d2')} {m.group('m2')} {m.group('y2')}") if m.group("d2") else None
    rest = m.group("rest")
    words = list(re.finditer(r"\S+", rest))
    for k in range(min(3, len(words)), 0, -1):        # the agency's form, up to three words (د ب أ)
        o = outlet_of(rest[:words[k - 1].end()])
        if o:
            end = m.start("rest") + words[k - 1].end()
            end += len(window[end:]) - len(window[end:].lstrip(" \t:" + _DASH))
            return Dateline(base, base + end, outlet=o[0], outlet_en=o[1], place=m.group("place").strip(), date=date)
    return None


def _read_head(text: str, base: int, line_ends: bool = False) -> Dateline | None:
    dl = _dated_head(text[:_cfg()["max_head"]], base)
    if dl:
        return dl
    # a photo credit inside the head ("منيف الشهراني – الرياض تصوير : فلان  خطف ..."): read the head
    # without it, and the dateline takes it in
    cr = re.search(r"\s+(?:" + "|".join(map(re.escape, _cfg()["credit"])) + r")\s*:\s*[^\n:" + re.escape(_DASH)
                   + r"]{3,40}?(?=\s{2,}|\n|$)", text[:_cfg()["max_head"]])
    if cr:
        dl = _read_head(text[:cr.start()] + " " * (cr.end() - cr.start()) + text[cr.end():], base, line_ends)
        if dl:
            if dl.end - base >= cr.start():
                dl.end = max(dl.end, base + cr.end())
            return dl
    # a kashida (or a run of them) between spaces is a dash ("واشنطن ـ «الشرق الأوسط»", "فلان ــ سبق ــ
    # الرياض:"); same length, same offsets
    window = re.sub(r"(?<=\s)ـ+(?=\s)", lambda k: "-" * len(k.group()), text[:_cfg()["max_head"]])
    ends = list(_END.finditer(window))
    # the end of a head alone on its line or before a double space, with no colon after it ("فايز
    # السبيعي – عين اليوم", "عين اليوم – واشنطن"): a line shorter than a head can be and followed by
    # more text (line_ends), or the gap
    gap = re.search(r"(?<=[^\s" + re.escape(_DASH) + r"])\s{2,}(?=[^\s" + re.escape(_DASH) + r"])", window) or (re.search(r"\s*$", window) if line_ends and len(window) < _cfg()["max_head"] else None)
    for i, m in enumerate(ends):
        if gap and m.start() >= gap.start():
            break
        dl = _candidate(window, m)
        if not dl:
            continue
        # "سبق - جدة :", "فلان - سبق - الرياض:", "عين اليوم – واشنطن⏎": the first dash ends a head that
        # goes on by one short part to a colon or the gap (not after a bracketed wire: "(رويترز) - قال مسؤول:")
        bracketed = window[:m.start() + 1].rstrip()[-1:] in ")»”\""
        nxt_end = ends[i + 1] if i + 1 < len(ends) and ":" in ends[i + 1].group(0) else None
        if nxt_end is None and gap and gap.start() > m.end() and (i + 1 == len(ends) or ends[i + 1].start() >= gap.start()):
            nxt_end = gap
        if not bracketed and nxt_end is not None:
            nxt = _candidate(window, nxt_end)
            extra = _parts(window[:nxt_end.start()])
            if nxt and (nxt.place or nxt.outlet != dl.outlet) and len(extra) == len(_parts(window[:m.start()])) + 1 and len(extra[-1][0].split()) <= 2:
                dl, m = nxt, nxt_end
        dl.start, dl.end = base, base + m.end()
        return dl
    if gap and gap.start():
        dl = _candidate(window, gap) or _byline_place(window[:gap.start()])
        if dl:
            dl.start, dl.end = base, base + gap.end()
            return dl
    # "Reuters — ..." or "(AP) — ..." with the outlet alone at the head
    m = re.match(r"\s*\(?([^()\n" + _DASH + r":]{1,30}?)\)?\s*[" + _DASH + r":]\s", window)
    if m and outlet_of(m.group(1)):
        ar, en = outlet_of(m.group(1))
        return Dateline(base, base + m.end(), outlet=ar, outlet_en=en)
    return None


def _byline_place(head: str) -> Dateline | None:
    """"منيف الشهراني – الرياض" alone before the text: a reporter (a known given name first, two or
    three words) and a place of one or two words, with no outlet named."""
    parts = _parts(head)
    if len(parts) != 2 or parts[1][1] != "-" or re.search(r"[\d,،]", head):
        return None             # (a dash between them, no comma: "ذكريات بني ضبيان،،، وأمّي صالحة" is a title)
    (who, _), (where, _) = parts
    words = _key(who).split()
    if 2 <= len(words) <= 3 and _given_name(words[0]) and 1 <= len(where.split()) <= 2:
        return Dateline(0, 0, place=None if _key(where) in _cfg()["_filler"] else where, author=who, kind="byline")
    return None


def _given_name(word: str) -> bool:
    """A given name of the KB's list, or of the name tagger's lists' two most common bins (منيف)."""
    if word in _cfg()["_given"]:
        return True
    from ..ner.features import lexicons, norm
    return lexicons()[0].get(norm(word)) in ("1", "2")


def _classify(parts: list[tuple[str, str]]) -> Dateline | None:
    cfg = _cfg()
    outlet = date = masthead = None
    others: list[tuple[int, str]] = []
    oi = -1
    for i, (p, sep) in enumerate(parts):
        o = outlet_of(p)
        if o and (outlet is None or (o != outlet and not others)):
            # "عين اليوم – واس": a masthead, then the agency it carries; the agency is the source, and
            # neither is a place
            masthead = outlet
            outlet, oi = o, i
        elif date is None and _date(p):
            date = _date(p)
        elif _key(p) in cfg["_filler"]:
            continue
        elif sep == "q" and others and others[-1][0] == i - 1:
            # "بنغازي (ليبيا)": a bracket after a place qualifies it; "(تصوير: فلان)" is a photo credit
            if not any(_key(p).startswith(_key(c)) for c in cfg["credit"]):
                others[-1] = (i, f"{others[-1][1]} ({p})")
        elif sep == "q" and outlet and oi < i:
            return None          # «سبق» تقول للمسؤول: a title after a quoted name, not a dateline
        else:
            others.append((i, p))
    before = [p for i, p in others if i < oi]
    after = [p for i, p in others if i > oi]
    if outlet and len(others) == 2 and not after and others[0][1].isupper() and not others[0][1].islower():
        # "DAMASCUS, Syria (AP) —": a wire's city in capitals, then its country or state, then the agency;
        # the place is the city (the knowledge base knows it by that name), the dateline spans both
        others = others[:1]
        before = [others[0][1]]
    if outlet and len(before) > 1 and len(after) == 1:
        # several bylines: "فلان، فلان- سبق- الرياض:"
        others = [(0, "، ".join(before)), (oi + 1, after[0])]
    if not (outlet or date) or len(others) > 2:
        return None
    if any(ch.isdigit() for _, p in others for ch in p):     # a number that is no date: not a dateline
        return None
    place = author = None
    if len(others) == 2:
        # byline - outlet - place, or byline - place - outlet ("زيد الخمشي- الرياض- سبق:")
        before_both = others[1][0] < oi and _key(others[0][1]).split()[0] in cfg["_given"]
        if not outlet or not (others[0][0] < oi < others[1][0] or before_both):
            return None
        author, place = others[0][1], others[1][1]
    elif others:
        # "محمد السيد- سبق:" is a byline (a given name first), "طوكيو - «رويترز»:" a place
        i, p = others[0]
        words = _key(p).split()
        if len(words) >= 2 and words[0] in cfg["_given"] and i < oi:
            author = p
        else:
            place = p
    if place and len(place.split()) > cfg["max_place_words"]:
        return None
    return Dateline(0, 0, outlet=outlet[0] if outlet else None, outlet_en=outlet[1] if outlet else None,
                    place=place, date=date, author=author,
                    masthead=masthead[0] if masthead else None, masthead_en=masthead[1] if masthead else None)


def _lines(text: str):
    pos = 0
    for line in text.split("\n"):
        yield pos, line
        pos += len(line) + 1


def find(text: str) -> Dateline | None:
    """The dateline, byline or source line of an article, if it has one."""
    cfg = _cfg()
    lines = [(p, l) for p, l in _lines(text) if l.strip()]
    if not lines:
        return None
    # the head of the first paragraph (after a leading "* summary *" of the kind some papers print)
    # (an English wire's headline and byline may stand before it: "By Maya Gebeily\nBEIRUT, Dec 8 (Reuters) -")
    heads = lines[:3] if any(re.match(r"\s*By\s+[A-Z]", l) for _, l in lines[:2]) else lines[:2]
    for p, line in heads:
        lead = len(line) - len(line.lstrip(" \t\u200b\u200e\u200f\u202a\u202b\u202c\u202d\u202e\ufeff"))
        star = re.match(r"\s*(?:\*[^*\n]{0,300}(?=\*)\s*)+\*?\s*", line)
        if star:
            lead = star.end()
        furniture = None
        for w in cfg["head_furniture"]:          # "Next Previous" of a page's slider before the byline
            if line[lead:].startswith(w):
                furniture = furniture if furniture is not None else lead
                lead += len(w) + len(line[lead + len(w):]) - len(line[lead + len(w):].lstrip())
        dl = _read_head(line[lead:], p + lead, p + len(line) < len(text.rstrip()))
        if dl:
            if furniture is not None:             # the furniture before it is part of the head
                dl.start = p + furniture
            # a photo credit on the line after it ("تصوير : فلان"): furniture of the head too
            cr = re.match(r"\s*(?:" + "|".join(map(re.escape, cfg["credit"])) + r")\s*:\s*[^\n:]{3,40}?[ \t]*(?=\n)",
                          text[dl.end:])
            if cr and len(cr.group().split()) <= cfg["max_part_words"] + 2:
                dl.end += cr.end()
            return dl
        # a masthead: a short first line that is an outlet's name
        if p == lines[0][0] and outlet_of(line) and len(line.split()) <= cfg["max_part_words"]:
            ar, en = outlet_of(line)
            return Dateline(p, p + len(line), outlet=ar, outlet_en=en, kind="masthead")
    # a closing "المصدر: الحرة"
    for p, line in reversed(lines[-2:]):
        m = re.match(r"\s*(" + "|".join(map(re.escape, cfg["source_line"])) + r")\s*[:：]\s*(.{1,60}?)\s*[.。]?\s*$", line)
        if m and outlet_of(m.group(2)):
            ar, en = outlet_of(m.group(2))
            return Dateline(p + m.start(), p + len(line.rstrip()), outlet=ar, outlet_en=en, kind="source_line")
    # a byline ("بقلم: فلان", "By Jane Doe") says who wrote it, not who published it
    p, line = lines[0]
    m = re.match(r"\s*(?:" + "|".join(map(re.escape, cfg["byline"])) + r")\s*[:：]?\s+([^\n:،,.]{3,40})$", line)
    if m and len(m.group(1).split()) <= cfg["max_part_words"]:
        return Dateline(p, p + len(line), author=m.group(1).strip(), kind="byline")
    return None


def find_foot(text: str) -> tuple[int, int] | None:
    """The span of a page's foot after the article's last sentence: a tag list ("سمات إسرائيل إيران")
    or a link back to the article ("رابط الخبر بصحيفة الوئام: <headline>"), if there is one."""
    cfg = _cfg()
    tail = len(text) - cfg["max_foot"]
    best = None
    marks = [(mk, True) for mk in cfg["foot_markers_after_sentence"]] + [(mk, False) for mk in cfg["foot_markers"]]
    for mk, after_sentence in marks:
        lead = r"(?:^|(?<=[.!؟?”»\"]))\s*" if after_sentence else r"(?<!\w)"
        for m in re.finditer(lead + "(" + re.escape(mk) + r")\s", text[max(0, tail):]):
            start = max(0, tail) + m.start(1)
            rest = text[start:]
            if "\n" not in rest.strip() and not re.search(r"[.!؟?]\s+\S", rest) and (best is None or start < best):
                best = start
    return (best, len(text.rstrip())) if best is not None else None
