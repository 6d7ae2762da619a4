"""Load a language's temporal resources (riwaya/data/timex/<lang>.yaml) once and
compile them into regular expressions. Mechanisms only: every word is data."""
from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import lru_cache
from importlib import resources

import yaml

from ..lang.arabic import TIMEX_DROP as DELETE, timex_pattern, timex_text, timex_word  # noqa: F401 (DELETE: the tagger)

# the text's normalisation is the variant "timex" of riwaya.lang.arabic: same-length folds (so offsets
# survive) and a deletion set whose positions ``normalise`` keeps


def norm_word(s: str) -> str:
    """Normalise a lexicon word the way text is normalised (then collapse spaces)."""
    return timex_word(s)


def normalise(text: str) -> tuple[str, list[int] | None]:
    """Text for matching plus offsets[i] = original index (None = identity)."""
    return timex_text(text)


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
    return timex_pattern(s)


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
def _raw(lang: str) -> dict:
    # libyaml's parser when PyYAML has it (the same SafeLoader constructors, about 6x faster: the English
    # rules are first read by the first document with an English paragraph, inside a build's timed work)
    return yaml.load(resources.files("riwaya").joinpath("data", "timex", f"{lang}.yaml").read_text("utf-8"),
                     Loader=getattr(yaml, "CSafeLoader", yaml.SafeLoader))


@lru_cache(maxsize=None)
def cardinals(lang: str) -> dict:
    """The number words of a language and their values (what ``load(lang).words["cardinal"]`` holds),
    without compiling the time rules: the reconciler reads counts with them."""
    return _numbers(_raw(lang), "cardinal")


@lru_cache(maxsize=None)
def weekdays(lang: str) -> dict:
    """The day names of a language and their days (0 = Monday, what ``load(lang).words["weekday"]`` holds),
    without compiling the time rules: the reconciler tells two days apart with them."""
    return _table(_raw(lang)["weekdays"], int)


@lru_cache(maxsize=None)
def month_words(lang: str) -> frozenset:
    """The month names of a language (Gregorian and Hijri, normalised as text is), without compiling the time
    rules: the reconciler tells a date told by its number and month from a clock time with them."""
    raw = _raw(lang)
    return frozenset(norm_word(w) for table in ("months", "hijri_months") for ws in (raw.get(table) or {}).values()
                     for w in ws)


@lru_cache(maxsize=None)
def load(lang: str) -> Lexicon:
    raw = _raw(lang)
    lx = Lexicon(lang=lang, raw=raw, flags=re.IGNORECASE if lang != "ar" else 0)
    W = lx.words
    W["month"] = _table(raw["months"], int)
    W["hmonth"] = _table(raw.get("hijri_months"), int)
    W["pmonth"] = _table(raw.get("persian_months"), int)
    W["weekday"] = dict(weekdays(lang))
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
    W["ambiguous_month_context"] = {norm_word(w): True for w in raw.get("ambiguous_month_context") or []}
    W["ambiguous_month_framed"] = {norm_word(w): True for w in raw.get("ambiguous_months_framed") or []}
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


def _macros(lx: Lexicon) -> dict[str, str]:
    """What a rule's {NAME} can stand for: the lexicon's tables as alternations, every top-level
    string of the resource file (a regex fragment) and every *_not_after list."""
    raw, W = lx.raw, lx.words
    mac = {k.upper(): _pat(v) for k, v in raw.items() if isinstance(v, str) and k != "lang"}
    mac.update({k.upper(): _alt(v) for k, v in raw.items() if k.endswith("_not_after") and isinstance(v, list)})
    ordinals = [w for w, v in W["ordinal"].items() if isinstance(v, int)]
    tables = {
        "M": W["month"], "HM": W["hmonth"], "PM": W["pmonth"], "ORD": W["ordinal"], "CARD": W["cardinal"],
        # اليوم الأول, not اليوم الواحد (per day)
        "ORD_SMALL": [w for w in ordinals if W["ordinal"][w] <= 10 and w.startswith("ال") and w[2:] not in W["cardinal"]],
        "HW": [w for w in ordinals if W["ordinal"][w] <= 12],
        "DIRS": W["dir"], "WD_ALL": W["weekday"],
        "WD_SAFE": [w for w in W["weekday"] if lx.lang != "ar" or w.startswith("ال")],   # bare أحد is "one"
        "POD": W["pod"], "UNITS": W["unit"], "DUALS": W["dual"], "DUALS_ART": ["ال" + w for w in W["dual"]],
        "PLURALS": [w for w, v in W["unit_plural"].items() if v[0] not in ("decade", "century")],  # عقود = contracts
        "PL": list(W["unit_plural"]) + list(W["dual"]),
        "SING": [f for v in lx.raw["units"].values() for f in v["forms"][:1]],
        "ACC": W["acc_unit"], "VAGUE": W["vague"], "MODS": W["mod"], "PER": W["period"],
        "SEASONS": W["season"], "SEASON1": W["season1"], "DECADES": W["decade"], "FEAST": W["feast_day"],
        "HOLIDAYS": W["holiday"], "RELDAY": W["relday"], "NARR": W["narr"], "VREF": W["vref"], "SETS": W["set"],
        "TZ": W["tz"], "RECENT": W["recent"],
    }
    mac.update({k: _alt(v) for k, v in tables.items()})
    return mac


_MACRO = re.compile(r"\{([A-Z][A-Z0-9_]*)\}")


def _expand(pattern: str, mac: dict, where: str) -> str:
    def sub(m):
        if m.group(1) not in mac:
            raise ValueError(f"riwaya/data/timex: {where}: unknown macro {{{m.group(1)}}}")
        return mac[m.group(1)]
    return _MACRO.sub(sub, _pat(pattern))


def _compile(lx: Lexicon) -> None:
    raw, W, ar = lx.raw, lx.words, lx.lang == "ar"
    # a word start, or a proclitic's end (و ف ب ل ك, وب...); the two guards in front only restate
    # what it implies (the letter before is no other word letter; a ب ل ك comes after و ف or a word
    # start), so the same matches come out, but most positions inside a word fail on one test
    # instead of three: the rules run about twice as fast
    LB = (r"(?<![^\Wوفبلك])(?<![^\Wوف][بلك])(?:(?<![\w])|(?<=(?<![\w])[وفبلك])|(?<=(?<![\w])[وف][بلك]))"
          if ar else r"(?<![\w])")
    RB = r"(?![\w])"
    mac = _macros(lx)
    for name, frag in (raw.get("fragments") or {}).items():      # in order: a fragment may use the ones above it
        mac[name] = _expand(str(frag or ""), mac, f"{lx.lang}.yaml fragment {name}")
    R: dict[str, list[str]] = {}
    rule_needs: dict[str, list] = {}
    lx.rule_names = {}
    for i, rule in enumerate(raw.get("rules") or []):
        where = f"{lx.lang}.yaml rule {rule.get('name') or i}"
        if not rule.get("type") or not rule.get("extract"):
            raise ValueError(f"riwaya/data/timex: {where}: a rule needs a type and an extract pattern")
        R.setdefault(rule["type"], []).append(_expand(rule["extract"], mac, where))
        rule_needs.setdefault(rule["type"], []).append(set(rule["needs"]) if rule.get("needs") else None)
        lx.rule_names[(rule["type"], len(R[rule["type"]]) - 1)] = rule.get("name")
    lx.rx = {k: [re.compile(LB + p + RB, lx.flags) for p in ps] for k, ps in R.items()}
    # characters every match of a rule holds (":" of a clock, "(" of a bracketed year, a word's letters):
    # a window without one of them cannot hold a match, and the rule is not run there
    lx.rx_required = {k: [_required(rx) for rx in rxs] for k, rxs in lx.rx.items()}
    # which trigger tables can start each kind of piece (None: any window); see tagger._windows
    lx.needs = {"vref": {"vref"}, "set": {"set"}, "recent": {"recent"}, "ordday": {"relday", "period"},
                "holiday": {"holiday"}, "pod": {"pod", "misc"}, "rel": {"relday"}, "narr": {"narr"},
                "relper": {"period"}, "mbare": {"month"}, "weekday": {"weekday", "misc"}, "year": {"num4"},
                "clock": {"numsep", "misc", "pod"}, "date": {"num4", "numsep", "month", "hmonth"},
                "season": {"season", "season1"}, "decade": {"decade", "num4"}, "century": {"century"},
                "tz": {"numsep", "misc"},
                "ago": {"unit", "dual"}, "dur": {"unit", "dual", "acc_unit", "misc"}}   # a duration always has its unit word
    # finer for calendar dates: a month name, a Hijri month, or numbers with separators (8/12/2024)
    lx.rx_needs = {k: [own or (_date_needs(rx, lx.needs.get(k)) if k == "date" else lx.needs.get(k))
                       for rx, own in zip(rxs, rule_needs[k])] for k, rxs in lx.rx.items()}
    lx.not_time = re.compile(LB + _alt(raw.get("not_time") or []) + RB, lx.flags)
    lx.date_name_heads = frozenset(norm_word(w) for w in raw.get("date_name_heads") or [])
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


def _required(rx: re.Pattern) -> tuple[str, ...] | None:
    """The characters that every match of ``rx`` contains (None: none known), read from its parse:
    a literal of a sequence, those common to every branch, those of a repeat done at least once.
    Lookarounds and classes add nothing; with IGNORECASE only characters without case count."""
    try:
        from re import _constants as C, _parser as P
    except ImportError:                   # Python < 3.11
        import sre_constants as C
        import sre_parse as P

    def seq(items) -> set:
        out: set = set()
        for op, av in items:
            out |= one(op, av)
        return out

    def one(op, av) -> set:
        if op is C.LITERAL:
            return {chr(av)}
        if op is C.SUBPATTERN:
            return seq(av[3]) if not av[1] else set()      # an inline flag may change what matches
        if op is C.BRANCH:
            alts = [seq(a) for a in av[1]]
            return set.intersection(*alts) if alts else set()
        if op in (C.MAX_REPEAT, C.MIN_REPEAT, getattr(C, "POSSESSIVE_REPEAT", None)):
            return seq(av[2]) if av[0] >= 1 else set()
        if op is getattr(C, "ATOMIC_GROUP", None):
            return seq(av)
        return set()

    try:
        req = seq(P.parse(rx.pattern, rx.flags))
    except Exception:                     # an unknown parse: run the rule everywhere
        return None
    if rx.flags & re.IGNORECASE:
        req = {c for c in req if c.lower() == c.upper()}
    return tuple(sorted(req)) or None


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
