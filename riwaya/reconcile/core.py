"""reconcile(documents, event_mentions, entities) -> {events, conflicts, relations}.

Works on plain export-level dicts. Steps:
1. relations: translations inside documents, copies across documents (relations.py),
   translations across documents (translations.py)
2. accounts: documents joined by copy or translation relations form one account
3. independence: an evidence's upstream = innermost named link of its isnad
4. events: mentions blocked (main actors, places, story), pairs that can be one happening scored
   (data/reconcile/config.json events.pair_weights), merged best first above events.merge_threshold
   when the clusters stay compatible and their compared pairs score enough on average
5. values and conflicts per event field, plus cross-event conflicts are folded
   in by merging once-per-key events (e.g. the fall of a city) over a wide window.
"""
from __future__ import annotations

import hashlib
import heapq
import json
import re
from functools import lru_cache
from collections import defaultdict
from collections.abc import Iterator
from datetime import date

from .. import event_schema as schema
from ..lang.arabic import object_pronouns, prefix_set
from ..records import Account, Event, Mention
from . import timeiv
from .context_time import context_values
from .narrative import adopt_narrative_movers, narrative_units
from .conflicts import _same_level, distinct_conflicts, event_conflicts, night_told, time_weekdays, translations_by_doc
from .relations import find_relations
from .translations import document_translations
from .text import config, normalize, script_lang, tokens
from .values import contains, deictic, display_raw, figure, head, headed_places, no_voice, own_agent, place_word as _place_word, possessed, same_clause, series, vconfig


# ------------------------------------------------------------------ helpers

class UnionFind:
    def __init__(self):
        self.p = {}

    def find(self, x):
        self.p.setdefault(x, x)
        while self.p[x] != x:
            self.p[x] = self.p[self.p[x]]
            x = self.p[x]
        return x

    def union(self, a, b):
        ra, rb = self.find(a), self.find(b)
        if ra != rb:
            if rb < ra:
                ra, rb = rb, ra
            self.p[rb] = ra


@lru_cache(maxsize=1)
def _name_prefixes() -> frozenset[str]:
    return frozenset(normalize(p) for p in config()["independence"]["name_prefixes"])


def _hid(prefix: str, *parts: str) -> str:
    return prefix + hashlib.sha1("\x1f".join(parts).encode("utf-8")).hexdigest()[:12]


def _type_group(t: str) -> str:
    kin = _kin_types().get(t)
    if kin is not None:
        return f"k:{kin}"       # a type told as another of one kind (events.kin_types: a death and a killing)
    g = schema.type_groups().get(t)
    return f"g{g}" if g is not None else f"t:{t}"


@lru_cache(maxsize=1)
def _kin_types() -> dict[str, str]:
    """type -> the first type of its kin (``events.kin_types``): types that tell one happening in other words,
    which the merge compares as one kind (the clusters guideline's families: a death and a killing are one)."""
    out = {}
    for kin in config()["events"].get("kin_types") or ():
        for t in kin:
            out.setdefault(t, kin[0])
    return out


@lru_cache(maxsize=1)
def _unrealised_joins() -> frozenset[str]:
    """Unrealised polarities whose mentions may join what happened (``events.unrealised_joins``: a visit told
    as planned and the visit told as done are one happening, the clusters guideline §1)."""
    return frozenset(config()["events"].get("unrealised_joins") or ())


def _val_key(v):
    if isinstance(v, list):
        return tuple(_val_key(x) for x in v)
    if isinstance(v, dict):
        return tuple(sorted((k, _val_key(x)) for k, x in v.items()))
    return v


# ------------------------------------------------------------------ entity index

class Entities:
    def __init__(self, entities: list[dict], share: "Entities | None" = None):
        """``share``: an index of the same entities whose lookups (by id, by name, ``actors_by_doc``,
        ``spans_in``, each made once) this one reads instead of making them again; its ``surface`` is its
        own (the corpus stage's calls of the reconciler, one index for all of them)."""
        self.surface: dict[str, str] = {}     # "raw:<normalised>" -> the words as first written
        if share is not None:
            self.by_id, self.by_name, self._lazy = share.by_id, share.by_name, share._lazy
            return
        self.by_id = {e["id"]: e for e in entities}
        self._lazy: dict = {}     # actors_by_doc and spans_in's tables, made on first use
        self.by_name = {}
        for e in sorted(entities, key=lambda e: e["id"]):
            for n in [e.get("name_ar"), e.get("name_en")] + list(e.get("aliases") or []):
                if n:
                    self.by_name.setdefault(self._norm(n), e["id"])

    @staticmethod
    @lru_cache(maxsize=1 << 18)     # the corpus stage builds this index once per block over the same names
    def _norm(n: str) -> str:
        toks = normalize(n).replace("“", " ").replace("”", " ").replace('"', " ").split()
        pre = _name_prefixes()
        while toks and toks[0] in pre:
            toks = toks[1:]
        return " ".join(toks)

    def actors_by_doc(self) -> dict[str, set]:
        """Document -> the people and organisations with a mention in it (made once per index)."""
        if "actors" not in self._lazy:
            out: dict[str, set] = defaultdict(set)
            for eid, e in self.by_id.items():
                if e.get("type") in _ACTOR_KINDS:
                    for m in e.get("mentions") or ():
                        if isinstance(m, dict) and m.get("doc"):
                            out[m["doc"]].add(eid)
            self._lazy["actors"] = out
        return self._lazy["actors"]

    def spans_in(self, eid: str, doc: str) -> list[tuple[int, int]]:
        """Where entity `eid` is named in document `doc` (its stored mentions' offsets)."""
        if "spans" not in self._lazy:
            out: dict[tuple[str, str], list] = defaultdict(list)
            for k, e in self.by_id.items():
                for m in e.get("mentions") or ():
                    if isinstance(m, dict) and m.get("doc") and isinstance(m.get("start"), int) \
                            and isinstance(m.get("end"), int):
                        out[(k, m["doc"])].append((m["start"], m["end"]))
            self._lazy["spans"] = out
        return self._lazy["spans"].get((eid, doc), [])

    def resolve_name(self, name: str) -> str:
        n = self._norm(name or "")
        return self.by_name.get(n, "name:" + n)

    def label(self, v, lang: str, clean: bool = False) -> str:
        """A value as a reader sees it; `clean` trims raw spans to their head phrase."""
        if v is None:
            return "—"
        if isinstance(v, (list, tuple)):
            return " + ".join(self.label(x, lang, clean) for x in v) if v else "—"
        e = self.by_id.get(v)
        if not e and isinstance(v, str):
            if clean:
                return display_raw(self.surface.get(v, v))
            if v.startswith(("raw:", "name:")):
                return self.surface.get(v) or v.split(":", 1)[1]
        if e:
            return (e.get("name_ar") if lang == "ar" else e.get("name_en")) or e.get("name_en") or e.get("name_ar") or v
        return str(v)

    def coords(self, v):
        e = self.by_id.get(v) if isinstance(v, str) else None
        return e.get("coordinates") if e else None


# ------------------------------------------------------------------ accounts & independence

def _accounts(documents, relations, chained: bool = True):
    """Account of each document: copies, and an article and its translation in
    another document, are one account; so, by configuration, are several articles
    of one outlet (a second article is rarely independent). ``chained`` false (``_houses``): an outlet's
    articles are folded only where they copy no other document, so that one outlet's copy of another's text
    does not chain the two outlets and every article of either."""
    uf = UnionFind()
    for d in documents:
        uf.find(d["id"])
    copied = set()
    for a, b in _text_pairs(relations):
        uf.union(a, b)
        copied.update((a, b))
    if config()["independence"].get("same_outlet_one_account", True):
        first = {}
        for d in sorted(documents, key=lambda d: d["id"]):
            o = normalize(d.get("outlet") or "").strip()
            if o and (chained or d["id"] not in copied):
                uf.union(first.setdefault(o, d["id"]), d["id"])
    return {d["id"]: "acc:" + uf.find(d["id"]) for d in documents}


def _text_pairs(relations):
    """The two documents of each copy or translation relation (one text told twice)."""
    for r in relations:
        if r["kind"] in ("copy", "translation") and len(r.get("docs") or []) == 2:
            yield r["docs"][0], r["docs"][1]


def _houses(documents, relations) -> dict[str, str]:
    """Account of each document without chaining (config independence.unchained_accounts): copies and
    translations of one text are one account, and an outlet's articles that are copies of no other document are
    one account (the outlet); but an outlet's copy of another outlet's text does not fold the two outlets, nor
    every other article of either. ``_accounts`` unions both relations, so over a day's corpus the copies chain
    every outlet into one account (the six unseen samples: one account for all 630 documents of the first)."""
    return _accounts(documents, relations, chained=False)


def upstream_key(attribution: dict | None, account: str, outlet: str | None, ents: Entities) -> tuple[str, dict | None]:
    """Independence key: the innermost named link of the isnad (not the
    publishing outlet itself); falls back to the account."""
    chain = (attribution or {}).get("chain") or []
    kinds = set(config()["independence"]["upstream_kinds"])
    own = ents.resolve_name(outlet) if outlet else None
    for link in reversed(chain):
        if link.get("kind") in kinds and link.get("name"):
            key = link.get("entity") or ents.resolve_name(link["name"])
            if link.get("kind") == "outlet" and (key == own or link is chain[0]):
                continue
            return key, link
    return account, None


# ------------------------------------------------------------------ mention features

def _ent(x):
    if x is None:
        return None
    if isinstance(x, dict):
        return x.get("entity") or x.get("id") or x.get("text")
    return x


def _features(m: dict, story_of: dict | None = None) -> dict:
    roles = defaultdict(list)
    for p in m.get("participants") or []:
        e = _ent(p)
        if e is not None:
            roles[p.get("role") or "agent"].append(e)
    kr = schema.key_roles()
    key_roles = kr.get(m.get("class"), kr["other"])
    actors, kplaces, alts = set(), set(), set()
    may_be = {p["entity"]: p.get("may_be") or () for p in m.get("participants") or [] if p.get("may_be")}
    # a doer told outside the trigger's clause (canonical_mentions: ``own`` false) is no main actor of a happening
    # of events.own_actor_groups: "وكان في استقباله لدى وصوله X" names the host, not who arrived
    not_own = {_ent(p) for p in m.get("participants") or [] if p.get("own") is False}
    others = not_own if _type_group(m.get("type") or "") in _own_actor_groups() else set()
    # the doers that two mentions' agents are compared by (pair feature agent_clash; one report's two doers,
    # _same_doc_ok): without those told outside the trigger's clause (an attendee of a reception, an outlet)
    # where events.doers_own_only says so ("all": every happening; "groups": those of own_actor_groups)
    own_only = config()["events"].get("doers_own_only")
    doers = _resolved(set(roles.get("agent", ())) - (not_own if own_only == "all" else others if own_only else set()))
    if config()["events"].get("soft_actors_one_sided") and not config()["events"].get("place_actors_clash", True):
        # a place named as the doer (a country that strikes) is a polity that an organisation acts for: no doer
        # that another doer of one report tells apart (_same_doc_ok, pair feature agent_clash)
        doers -= {p["entity"] for p in m.get("participants") or [] if p.get("place_actor")}
    for r in key_roles:
        if r == "place":
            if m.get("place"):
                kplaces.add(_ent(m["place"]))
            kplaces.update(roles.get("place", []))
        else:
            # victims told by their number ("14 جنديا" / "عشرة جنود") do not tell happenings apart:
            # the numbers are the count, compared as such
            actors.update(x for x in roles.get(r, []) if not _counted(x) and not (r == "agent" and x in others)
                          and not _vague_actor(x))
    heads = config()["events"].get("raw_actor_heads", False)
    families = config()["events"].get("raw_actor_families", False)
    for x in actors:
        alts.update(may_be.get(x, ()))
        if heads and isinstance(x, str) and x.startswith("raw:"):
            h = _raw_head(x)
            if h:
                alts.add(h)
        if families and isinstance(x, str) and x.startswith("raw:"):
            h = _raw_family(x)
            if h:
                alts.add(h)
    # a place named as a main actor (a country that strikes or is hit, "the Kingdom" that receives) is
    # a polity that a person or an organisation may act for: no known different entity from them
    soft = frozenset() if config()["events"].get("place_actors_clash", True) else frozenset(
        p["entity"] for p in m.get("participants") or [] if p.get("place_actor") and p["entity"] in actors)
    keys = actors | kplaces
    # a meeting told from each side ("A received B" / "B met A"): its main actors and the people and
    # organisations its sentence names are one party (events.party_groups); two such mentions clash only
    # when neither's main actors are named by the other
    party = frozenset(actors | alts | set(m.get("party") or ())) \
        if actors and _type_group(m.get("type") or "") in _party_groups() else frozenset()
    places = {_ent(m.get(f)) for f in ("origin", "destination", "place") if m.get(f)}
    places.update(_ent(v) for v in (m.get("via") or []) if v)
    return {
        "keys": keys,
        # happens once per key (a city falls once), unless what it befalls is a bare phrase, not a
        # known entity: shells or a plane that "fell" on a place, on many days
        "once": m.get("type") in schema.types_with("once")
                and not any(str(x).startswith("raw:") for x in roles.get("patient", [])),
        "actors": frozenset(actors),      # key participants: who moves, meets, is hit
        # ... and the entities an unresolved one of them may be (``_link_actors``: "هادي" of a document
        # that names "عبد ربه منصور هادي")
        "alts": frozenset(actors | alts),
        "soft": soft,
        "party": party,
        "kplaces": frozenset(kplaces),    # a key place (what was taken, where it struck)
        # ... or, told with none, the located places its sentence names (events.located_places.sentence)
        "told_places": frozenset(kplaces) or frozenset(m.get("sentence_places") or ()),
        "places": places,
        "group": _type_group(m.get("type") or ""),
        "interval": timeiv.interval(m.get("time")),
        "ctx_interval": m.get("ctx_time"),
        **_day_cues(m.get("time")),
        "xday": _explicit_day(m.get("time"), m.get("type")) if m.get("time_own", True) else None,
        "roles": roles,
        "doers": doers,
        # every doer told in the trigger's own clause, resolved or as written (no counted victims, no vague
        # "gunmen"): whether two count sides each name a doer of their own (same_happening.counts.doers_apart)
        "own_doers": frozenset(x for x in roles.get("agent", ()) if x not in not_own and not _counted(x)
                               and not _vague_actor(x)),
        "not_own": frozenset(not_own),
        "ctx": frozenset(m.get("context") or ()),
        "story": (story_of or {}).get(m.get("doc")),
        "generic": frozenset() if m.get("specific") else _generic_types().get(m.get("type")) or frozenset(),
        "words": m.get("words") or frozenset(),
        "window": m.get("window") or frozenset(),
        "object": m.get("object") or frozenset(),
        # the sides a harm befell and that did it (harm_sides; events.sides_apart)
        "victims": frozenset(m.get("victim_sides") or ()),
        "doer_sides": frozenset(m.get("doer_sides") or ()),
        # the ordinal or recency its trigger carries («الحادثة الأولى», "the new attack"; events.ordinals_apart)
        "ordinals": frozenset(m.get("ordinals") or ()),
        "doc_words": m.get("doc_words") or frozenset(),
        "lead": m.get("lead"),
        "first": m.get("first"),
        "kind_count": m.get("kind_count"),
        "denied": bool(m.get("negated") or m.get("polarity") in ("negated", "denied")),
        "plural": _plural_trigger(m.get("trigger")),
        "fine_places": frozenset(m.get("fine_places") or ()),
        "numbers": frozenset(m.get("numbers") or ()),
        "amount": m.get("amount"),
        **dict(zip(("tstem", "tgrams"), _trigger_cues(m))),
    }


def _day_cues(t: dict | None) -> dict:
    """What a mention's own time tells of its day, for ``events.days_apart`` (reconcile/core.py _days_apart):
    ``day``, (what it was counted from, the day) for a time known to a day or a part of one, counted from the writing day ("أمس", "اليوم الأحد", a weekday) or given as a date, told with no
    night word: two such times of one report are counted from one day, so a day's difference between them is
    real, whatever window an unknown publication day gives each of them (timex/retrieved.py widens both)."""
    rule = config()["events"].get("days_apart") or {}
    if not t or not rule:
        return {"day": None}
    text = t.get("text") or ""
    day = None
    if rule.get("same_doc_days") and t.get("precision") in ("day", "part_of_day") and t.get("latest") \
            and t.get("kind", "date") in ("date", "time") and not night_told(text) and not time_weekdays(text):
        # a day counted from the writing day ("أمس", "صباح اليوم") moves with the unknown publication day; a date
        # ("22 مايو") does not: only two of one kind are compared (a weekday resolves to a calendar day, as a date)
        kind = "deictic" if deictic(text) and not re.search(r"\d", text) else "date" if re.search(r"\d", text) else None
        day = (kind, t["latest"][:10]) if kind else None
    return {"day": day}


def _days_apart(da, db, same_doc: bool) -> bool:
    """Two mentions told on two days (``events.days_apart``): in one report, two times known to a day counted
    from one writing day fall on two days ("أمس" against "اليوم"). Each report's window of publication days makes
    the intervals of such times overlap (three days wide for a retrieval date), so the time gap alone joins them."""
    return same_doc and da is not None and db is not None and da[0] == db[0] and da[1] != db[1]


def _explicit_rule() -> dict | None:
    """``events.days_apart.explicit`` (conf26, issue #15): a dict when two mentions whose own times name two
    different days in so many words are kept apart, else None."""
    rule = (config()["events"].get("days_apart") or {}).get("explicit")
    return rule if isinstance(rule, dict) else ({} if rule is True else None)


def _date_told(text: str) -> bool:
    """Does a time expression give a date by its number and its month ("22 مايو", "May 22", "3 رمضان"), not
    a clock time or a day counted from the writing day?"""
    from ..timex.lexicon import month_words, normalise
    norm = normalise(text)[0].lower()
    if not re.search(r"\d", norm):
        return False
    from .values import _clitic_forms
    words = {f for w in re.findall(r"\w+", norm) for f in _clitic_forms(w, prefix_set("reconcile_date"), 0)}
    for lang in ("ar", "en"):
        for mw in month_words(lang):
            if (" " in mw and re.search(rf"(?<!\w){re.escape(mw)}(?!\w)", norm)) or mw in words:
                return True
    return False


def _explicit_day(t: dict | None, type_: str | None) -> tuple | None:
    """The day a mention's own time names in so many words (``events.days_apart.explicit``): (the weekdays its
    words name, the calendar days of a date given by number and month, whether the mention's type may be one
    happening over two told days). A weekday counts with or without "أمس" ("أمس الخميس" names Thursday); a
    bare "أمس" / "اليوم" names no day (the window of an unknown publication day moves it), nor does a clock
    time, a week, a month or a span ("منذ", a duration). A night names the day before too. None when it names
    no day, or when the rule is off."""
    rule = _explicit_rule()
    if rule is None or not t or t.get("kind", "date") not in ("date", "time") \
            or t.get("precision") not in ("day", "part_of_day", "hour", "minute") or not t.get("latest"):
        return None
    text = t.get("text") or ""
    wd = time_weekdays(text)
    days = frozenset()
    if rule.get("dates", True) and _date_told(text):
        try:
            d = date.fromisoformat(t["latest"][:10]).toordinal()
        except ValueError:
            d = None
        if d is not None:
            days = frozenset({d - 1, d} if night_told(text) else {d})
    if not wd and not days:
        return None
    lasting = type_ in set(rule.get("lasting") or ())
    return (frozenset(wd), days, lasting, type_ if type_ in schema.types_with("once") else None)


def _explicit_apart(x, y) -> bool:
    """Do two mentions' own explicit days (``_explicit_day``) tell two happenings: both name days of the week
    and none is common, or both give dates and none is common, or one's date falls on none of the other's
    weekdays; not where either type may last over days (``lasting``: a siege, a stay), nor, with
    ``once_disagree``, between two mentions of one type that befalls its key once (the fall of a city on 27 or
    on 30 November is one fall whose day the accounts dispute)."""
    if x is None or y is None or x[2] or y[2]:
        return False
    if x[3] and x[3] == y[3] and (_explicit_rule() or {}).get("once_disagree"):
        return False
    (wa, da), (wb, db) = x[:2], y[:2]
    if wa and wb:
        return not (wa & wb)
    if da and db:
        return not (da & db)
    if wa and db:
        return not (wa & {date.fromordinal(d).weekday() for d in db})
    if da and wb:
        return not (wb & {date.fromordinal(d).weekday() for d in da})
    return False


def _mark_specific(mentions: list[dict]) -> None:
    """Mark ``specific`` the mentions of a generic type (``events.generic_types``) that are no generic word
    (``events.generic_words``): a mishap's own word («حريق»، «انقلاب مركبة»، «حادث مروري») is an accident, never
    an attack's "incident"; with ``own_report``, also a generic word («وقوع حادث») of a report that tells a
    specific mention of its type and no happening of the other kinds the type may stand for (its own crash)."""
    cfg, words, _quals = _generic_words()
    gen = _generic_types()
    if not words:
        return
    bare: list = []
    kinds: dict = defaultdict(set)      # document -> the type groups its non-generic mentions tell
    for c in mentions:
        t = c.get("type")
        if t in words and script_lang(str(c.get("trigger") or "")) == "ar":   # the words are Arabic: English as before
            if _trigger_cues(c)[0] in words[t] and not c.get("qualified"):
                bare.append(c)
                continue
            c["specific"] = True
        if t not in gen or c.get("specific"):
            kinds[c.get("doc")].add(_type_group(t or ""))
    if not cfg.get("own_report"):
        return
    for c in bare:
        t = c.get("type")
        own, told = _type_group(t), kinds.get(c.get("doc")) or set()
        if own in told and not (told & (gen[t] - {own})):
            c["specific"] = True


@lru_cache(maxsize=1)
def _generic_words() -> tuple[dict, dict, dict]:
    """``events.generic_words``: the config, type -> its generic words, type -> the words after one that make it
    specific (normalised, a proclitic and the article off, as ``_trigger_cues`` reads a trigger)."""
    cfg = config()["events"].get("generic_words") or {}
    gen = _generic_types()
    spec = {t: v for t, v in cfg.items() if t in gen and isinstance(v, dict)}
    words = {t: frozenset(_strip_proclitic(normalize(w)) for w in v.get("words") or ()) for t, v in spec.items()}
    quals = {t: frozenset(_strip_proclitic(normalize(w)) for w in v.get("qualifiers") or ()) for t, v in spec.items()}
    return cfg, words, quals


def _qualified(m: dict, text: str) -> bool:
    """Is the word right after the trigger of a generic-type mention one of its qualifiers (``events.generic_words``:
    «حادث مروري»، «الحادث المروري»، «حادث اصطدام»)?"""
    quals = _generic_words()[2].get(m.get("type"))
    te = m.get("trigger_end")
    if not quals or not text or not isinstance(te, int):
        return False
    nxt = re.match(r"\s*([^\s.,،:;؛!?؟()«»\"]+)", text[te:te + 60])
    return bool(nxt) and _strip_proclitic(normalize(nxt.group(1))) in quals


@lru_cache(maxsize=1)
def _generic_types() -> dict:
    """type -> the type groups (as in _type_group) a generic mention of it may stand for; a name that
    is no group is a type, standing for itself (a type without a group)."""
    order = {g: i for i, g in enumerate(schema.schema()["groups"])}
    gen = config()["events"].get("generic_types") or {}
    return {t: frozenset(f"g{order[g]}" if g in order else _type_group(g) for g in groups)
            for t, groups in gen.items()}


def _kind_ok(cls_a: str, grp_a: str, gen_a, cls_b: str, grp_b: str, gen_b) -> bool:
    """Same class and type group; a generic mention ("the incident") may stand for a happening of
    the groups it is configured for (an unrealised one still never joins what happened)."""
    if gen_a or gen_b:
        if cls_a.partition("~")[2] != cls_b.partition("~")[2]:
            return False
        if gen_a and gen_b:
            return True
        return grp_b in gen_a if gen_a else grp_a in gen_b
    return cls_a == cls_b and grp_a == grp_b


# ------------------------------------------------------------------ event clustering

def _cls(m: dict) -> str:
    """The event class for merging; a planned (hypothetical, asked, requested) happening never joins
    what happened."""
    pol = m.get("polarity")
    kin = _kin_types().get(m.get("type"))
    cls = (schema.types().get(kin) or {}).get("class") if kin is not None and kin != m.get("type") else m.get("class")
    return (cls or "") + (f"~{pol}" if pol in schema.unrealised() and pol not in _unrealised_joins() else "")


def _pair_ok(a: dict, b: dict, fa: dict, fb: dict, same_place=None) -> bool:
    """Can the two mentions be one happening at all: the same class, polarity kind and type group,
    a common main actor when both name one, times within reach, and (when one does not name its
    main actor) places that can be one place."""
    cfg = config()["events"]
    if not _kind_ok(_cls(a), fa["group"], fa["generic"], _cls(b), fb["group"], fb["generic"]):
        return False
    if _distinct_types(a.get("type"), b.get("type")):
        return False
    if _kin_apart(a, b, fa, fb):
        return False    # a death and a killing that name no victim in common (events.kin_guard)
    if a.get("doc") == b.get("doc") and _plan_and_done(a, b):
        return False    # one report's plan of a happening of the kind it tells done: the next one (a retrial)
    if _keys_clash(fa["alts"], fa["told_places"], fb["alts"], fb["told_places"],
                   same_place, fa["soft"] | fb["soft"], fa["party"], fb["party"],
                   _unlocated_ok(a.get("type"), b.get("type"))):
        return False
    if (not fa["keys"] or not fb["keys"]) and a.get("doc") != b.get("doc"):
        # nothing identifies the happening on one side: its places must agree (the story and
        # the rest are left to the score: story clustering splits a story told over days)
        if fa["places"] and fb["places"] and not (fa["places"] & fb["places"]):
            same = same_place or _eq_place
            if not any(same(x, y) for x in fa["places"] for y in fb["places"]):
                return False
    if _days_apart(fa["day"], fb["day"], a.get("doc") == b.get("doc")):
        return False
    if _objects_apart(fa["object"], fb["object"]):
        return False    # two orders (requests, announcements) about different things: two happenings
    if (_sides_rule() or {}).get("pairs", True) and _sides_apart(fa["victims"], fa["doer_sides"],
                                                                 fb["victims"], fb["doer_sides"]):
        return False    # soldiers killed against militants killed, or by the soldiers' side: two harms
    if (_ordinal_rule() or {}).get("pairs", True) and _ordinals_apart(fa.get("ordinals"), fb.get("ordinals")):
        return False    # "the first incident" against "the new incident": two happenings (events.ordinals_apart)
    if (_explicit_rule() or {}).get("pairs", True) and _explicit_apart(fa.get("xday"), fb.get("xday")):
        return False    # two days named in so many words: two happenings (events.days_apart.explicit)
    if fa["interval"] and fb["interval"] and timeiv.gap(fa["interval"], fb["interval"]) > gap_limit(
            cfg, fa["once"] and fb["once"]):
        return False
    return True


def _kin_apart(a: dict, b: dict, fa: dict, fb: dict) -> bool:
    """recon33 (``events.kin_guard``, read only with ``kin_types``): two mentions of two kin types (a death and a
    killing) are compared as one happening only where they name a main actor in common, resolved (``shared_actor``:
    the one who died and the one killed), and, with ``other_docs``, only across two reports (one report that tells
    a killing and a death tells two more often than one: the child killed, the father who died of his burns)."""
    rule = config()["events"].get("kin_guard")
    ta, tb = a.get("type"), b.get("type")
    if not rule or ta == tb or _kin_types().get(ta) is None or _kin_types().get(ta) != _kin_types().get(tb):
        return False
    if rule.get("other_docs") and a.get("doc") == b.get("doc"):
        return True
    return bool(rule.get("shared_actor")) and not _resolved(fa["alts"] & fb["alts"])


def _plan_and_done(a: dict, b: dict) -> bool:
    """One mention told as planned (``events.unrealised_joins``), the other as what happened: a report that tells
    the happening done and a plan of one of its kind tells two (the verdict and the retrial it may bring; the match
    won and the next one). Only where ``events.unrealised_same_doc`` is false."""
    if config()["events"].get("unrealised_same_doc", True):
        return False
    joins = _unrealised_joins()
    return (a.get("polarity") in joins) != (b.get("polarity") in joins)


def gap_limit(cfg: dict, once: bool) -> float:
    """The largest time gap (seconds) between two mentions of one happening: ``once_max_gap_days`` for a type that
    befalls its subject once (reports days apart can still tell the one killing), else ``max_time_gap_hours``."""
    return cfg["once_max_gap_days"] * 86400 if once else cfg["max_time_gap_hours"] * 3600


@lru_cache(maxsize=1)
def _distinct_pairs() -> frozenset:
    return frozenset(frozenset(p) for p in config()["events"].get("distinct_types") or ())


def _distinct_types(ta, tb) -> bool:
    """Two types of one group that are never one happening (``events.distinct_types``: a journey's
    departure and its arrival are two moments, each with its own time and place)."""
    return ta != tb and frozenset((ta, tb)) in _distinct_pairs()


def _keys_clash(act_a, pl_a, act_b, pl_b, same_place=None, soft=frozenset(), party_a=frozenset(),
                party_b=frozenset(), unlocated: bool = False) -> bool:
    """Two different main actors, or two key places that cannot be one place ("Logar" and
    "Afghanistan" can: one contains the other), make two happenings. With ``events.raw_actors_clash``
    false (or the learned pair model's own setting, when one scores), only actors resolved to an
    entity tell happenings apart (an unresolved span is often a
    misread or a description, "عقيد" for the colonel); unresolved ones that differ are left to the
    pair score (``actor_clash_raw``); with ``events.raw_vs_resolved_clash`` false, so is an unresolved
    actor against a resolved one (a raw span is often a description of the named one that coreference
    left unlinked, "المصاب" / "احد المواطنين"). Actors are given with what they may be (``alts``);
    ``soft`` ones (places as actors, ``events.place_actors_clash`` false) count as unresolved. ``party_a``
    and ``party_b`` (a meeting's: its main actors and the people its sentence names, ``events.party_groups``):
    main actors of one named in the other's party are no clash (the host of one report, the guest of another).
    ``unlocated`` (``_unlocated_ok``: events.unlocated_places on, neither type a casualty type): key places compared
    with ``same_place.loose`` where no named main actor is shared, so that a place the knowledge base cannot
    locate is no clash with a region or country that may hold it (``_place_compat``)."""
    if act_a and act_b and not (act_a & act_b) and not _party_met(act_a, party_a, act_b, party_b):
        ra, rb = _resolved(act_a) - soft, _resolved(act_b) - soft
        if ra and rb:
            return True         # known different entities
        if _places_as_actors_only(act_a, act_b, soft, same_place):
            pass                # a place named as the actor on one side: neither a clash nor a match
        elif _things_apart(act_a, act_b):
            pass                # the place or vehicle hit on one side, the people hit on the other
        elif (pair_model() or config()["events"]).get("raw_actors_clash", True) \
                and (not (ra or rb) or config()["events"].get("raw_vs_resolved_clash", True)) \
                and not _bare_descriptions(act_a, act_b):
            return True
    # only places resolved to an entity can tell happenings apart: an unresolved span is often a
    # misread phrase ("جموع المصلين" read as the place of a bombing)
    pl_a, pl_b = _resolved(pl_a), _resolved(pl_b)
    if pl_a and pl_b and not (pl_a & pl_b):
        same = same_place or _eq_place
        if unlocated and not _resolved(act_a & act_b):
            # a named main actor in common (an organisation that strikes in many places) keeps its places apart:
            # of train's refused pairs of one type and one shared main actor, none was one happening (conf24)
            same = getattr(same, "loose", same)
        return not any(same(x, y) for x in pl_a for y in pl_b)
    return False


def _places_as_actors_only(act_a, act_b, soft, same_place=None) -> bool:
    """Are one side's main actors only places named as actors (``soft``: a city that is struck, a country
    that receives; ``events.place_actors_clash`` false), and so no actor clash (``events.soft_actors_one_sided``)?
    Such a place is the happening's place told in an actor's role: against another report's unresolved actor
    ("وحدات تكتيكية" struck in a city, "سفينة ثانية" attacked off Benghazi) it is a slot filled on one side
    only. Where both sides' main actors are only such places, they clash as places do: only where neither can
    be the other (one contains the other, or the same place)."""
    if not soft or not config()["events"].get("soft_actors_one_sided"):
        return False
    na, nb = act_a - soft, act_b - soft
    if na and nb:
        return False
    if na or nb:
        return True
    same = same_place or _eq_place
    return any(same(x, y) for x in act_a for y in act_b)


def _bare_descriptions(act_a, act_b) -> bool:
    """Is one side's main actor told only by a bare word that no entity resolved ("الطفلة", a misread "حرقا")
    and not both sides' head nouns of known families (``events.raw_clash_min_words``)? A one-word description
    is too little to tell another report's description of its happening apart: of the clashes of unresolved
    main actors across two reports of the clusters corpus' dev+train with the all-data events model, those
    with a one-word side were one happening 204 times of 354, the others 83 of 326. Two heads of known,
    different families still clash (soldiers and policemen: 1 of 37). Such a pair is left to the score."""
    n = config()["events"].get("raw_clash_min_words")
    if not n:
        return False

    def spans(xs):
        return [x for x in xs if not (isinstance(x, str) and x.startswith("raw:\x1f"))]

    def bare(xs):
        sp = spans(xs)
        return bool(sp) and all(isinstance(x, str) and x.startswith("raw:") and len(x[4:].split()) < n for x in sp)

    def family(xs):
        return any(isinstance(x, str) and x.startswith("raw:\x1ffamily ") for x in xs)
    return (bare(act_a) or bare(act_b)) and not (family(act_a) and family(act_b))


def _things_apart(act_a, act_b) -> bool:
    """Are one side's main actors all unresolved things struck (a building, a post, a vehicle: actor_families.yaml
    ``things``) and the other side's all unresolved and none such (``events.things_one_sided``)? "مسجد الطوارئ"
    (the mosque bombed) and "جموع المصلين" (the worshippers it hit) tell two slots of one bombing, one on each
    side, not two main actors: such a pair is left to the score. Two things of different heads still clash."""
    if not config()["events"].get("things_one_sided"):
        return False
    sa = [x for x in act_a if isinstance(x, str) and x.startswith("raw:") and not x.startswith("raw:\x1f")]
    sb = [x for x in act_b if isinstance(x, str) and x.startswith("raw:") and not x.startswith("raw:\x1f")]
    if not sa or not sb or _resolved(act_a) or _resolved(act_b):
        return False
    ta, tb = [_thing_span(x) for x in sa], [_thing_span(x) for x in sb]
    return (all(ta) and not any(tb)) or (all(tb) and not any(ta))


@lru_cache(maxsize=4096)
def _thing_span(raw: str) -> bool:
    """Is an unresolved actor's head (its first word of three letters or more that is no container, a proclitic
    off, as written or without an indefinite accusative's alif) a thing struck (actor_families.yaml ``things``)?"""
    fam = _actor_families()
    for t in raw[4:].split():
        w = _strip_proclitic(t)
        if len(w) < 3 or t in fam["containers"] or w in fam["containers"]:
            continue
        return bool({t, w, w[:-1] if len(w) >= 4 and w.endswith("ا") else w} & fam["things"])
    return False


def _party_met(act_a, party_a, act_b, party_b) -> bool:
    """Are the main actors of one meeting mention named in the other's party (both mentions of a group of
    ``events.party_groups``)?"""
    return bool(party_a and party_b and (act_a & party_b or act_b & party_a))


@lru_cache(maxsize=1)
def _party_groups() -> frozenset:
    """The type groups (as _type_group gives them) whose mentions compare their participants as one party."""
    order = {g: i for i, g in enumerate(schema.schema()["groups"])}
    return frozenset(f"g{order[g]}" for g in config()["events"].get("party_groups") or () if g in order)


@lru_cache(maxsize=1)
def _own_actor_groups() -> frozenset:
    """The type groups whose main actors are their own doers only (``events.own_actor_groups``)."""
    order = {g: i for i, g in enumerate(schema.schema()["groups"])}
    return frozenset(f"g{order[g]}" for g in config()["events"].get("own_actor_groups") or () if g in order)


def _resolved(values) -> frozenset:
    return frozenset(v for v in values if not (isinstance(v, str) and v.startswith(("raw:", "name:"))))


def _sig(m, f):
    return (_cls(m), f["group"], m.get("type"), f["alts"], frozenset(f["places"]), f["told_places"], f["generic"],
            f["soft"], f["party"])


def _sig_ok(a, b, same_place=None) -> bool:
    if not _kind_ok(a[0], a[1], a[6], b[0], b[1], b[6]) or _distinct_types(a[2], b[2]):
        return False
    return not _keys_clash(a[3], a[5], b[3], b[5], same_place,
                           a[7] | b[7], a[8], b[8], _unlocated_ok(a[2], b[2]))


def _same_doc_ok(A: dict, B: dict, cfg: dict, same_place) -> bool:
    """Mentions of ONE document join one event only if they tell the same step:
    no different doers, no different origin or destination (legs of a route stay
    apart) and overlapping (or nearly) time windows."""
    docs_a, docs_b = A["docs"], B["docs"]
    if len(docs_b) < len(docs_a):
        docs_a, docs_b = docs_b, docs_a
    limit = cfg.get("same_doc_max_gap_hours", 0) * 3600
    for doc, xs in docs_a.items():
        ys = docs_b.get(doc)
        if not ys:
            continue
        for ox, dx, ix, ax, kx in xs:
            for oy, dy, iy, ay, ky in ys:
                if kx is not None and ky is not None and _days_apart(kx, ky, True):
                    return False    # one report, two days counted from its one writing day
                if ax and ay and not (ax & ay):
                    return False    # one report, two different doers: two happenings
                if ox is not None and oy is not None and not same_place(ox, oy):
                    return False
                if dx is not None and dy is not None and not same_place(dx, dy):
                    return False
                if ix and iy and timeiv.gap(ix, iy) > limit:
                    return False
    return True


def _sigs_ok(sa, sb, cfg: dict, same_place=None) -> bool:
    """May two clusters' signatures (their mentions' kinds, main actors and key places) be one happening? Every
    pair of them must be, unless ``events.sig_tolerance`` lets some clashing pairs through (merge25, issue #15):
    never two kinds; with ``raw_only`` only a clash of main actors where one side tells its actors by unresolved
    words alone and the key places agree (``_raw_clash_only``: one misread mover or speaker); only of the event
    classes in ``classes`` (all when absent: a killing told by another victim is mostly another killing); at most
    ``max`` such pairs per join and at most ``share`` (default 1) of all the signature pairs."""
    tol = cfg.get("sig_tolerance")
    if not tol:
        return all(_sig_ok(x, y, same_place) for x in sa for y in sb)
    bad = 0
    for x in sa:
        for y in sb:
            if _sig_ok(x, y, same_place):
                continue
            if not _kind_ok(x[0], x[1], x[6], y[0], y[1], y[6]) or _distinct_types(x[2], y[2]):
                return False
            if tol.get("raw_only") and not _raw_clash_only(x, y, same_place):
                return False
            if tol.get("classes") is not None and (x[0].split("~")[0] not in tol["classes"]
                                                   or y[0].split("~")[0] not in tol["classes"]):
                return False
            bad += 1
            if tol.get("max") is not None and bad > tol["max"]:
                return False
    return not bad or bad <= tol.get("share", 1.0) * len(sa) * len(sb)


def _raw_clash_only(x, y, same_place=None) -> bool:
    """Do two signatures of one kind clash only by main actors that are not both known entities (one side's
    actors told by unresolved words only), their key places agreeing?"""
    soft = x[7] | y[7]
    if _keys_clash(frozenset(), x[5], frozenset(), y[5], same_place, unlocated=_unlocated_ok(x[2], y[2])):
        return False
    return not ((_resolved(x[3]) - soft) and (_resolved(y[3]) - soft))


def _clusters_ok(A: dict, B: dict, cfg: dict, same_place=None) -> bool:
    if not _sigs_ok(A["sigs"], B["sigs"], cfg, same_place):
        return False
    if not _same_doc_ok(A, B, cfg, same_place or _eq_place):
        return False
    if A.get("objects") and B.get("objects") and any(_objects_apart(x, y) for x in A["objects"] for y in B["objects"]):
        return False    # one member's decision is about another thing than one of the other's (events.object_apart)
    if A.get("sides") and B.get("sides") and (_sides_rule() or {}).get("joins", True) \
            and _sides_apart(*A["sides"], *B["sides"]):
        return False    # the harms of one befell other sides than the other's, or were done by them (events.sides_apart)
    if (_ordinal_rule() or {}).get("joins", True) and _ordinals_apart(A.get("ordinals"), B.get("ordinals")):
        return False    # a member told as the first against one told as the new one (events.ordinals_apart)
    if A.get("xdays") and B.get("xdays") and (_explicit_rule() or {}).get("joins", True) \
            and any(_explicit_apart(x, y) for x in A["xdays"] for y in B["xdays"]):
        return False    # two days named in so many words (events.days_apart.explicit)
    if A["lo"] is not None and B["lo"] is not None:
        # largest gap between any member of A and any member of B
        worst = max(A["lo"] - B["hi"], B["lo"] - A["hi"], 0.0)
        limit = gap_limit(cfg, A["once"] and B["once"])
        if worst > limit:
            return False
    return True


def _context_time():
    """``events.context_time`` (conf27): whether a mention told with no time of its own is scored as told in the
    narrative's time before its sentence (true), or only against another such mention ("both"); "feature" (ctx28):
    that time is compared as cues of its own (``_context_features``), never as the mention's time; None: off."""
    return config()["events"].get("context_time")


# the days apart of two mentions' narrative times (ctx_days) count up to this many: beyond, one more day tells no more
CTX_DAYS_CAP = 7.0


def _context_features(fa: dict, fb: dict) -> dict[str, float]:
    """``events.context_time: "feature"`` (ctx28): a pair of which one mention or both have no time of their own
    (their own time features say ``time_missing``) compared by the narrative's time before each sentence
    (``ctx_interval``, where it has none of its own; the other's own time otherwise), as cues of their own that the
    scorer weighs apart from a told time: ``ctx_time`` (the comparison was made; ``ctx_both``: neither has a time
    of its own), ``ctx_overlap`` (the days meet) or ``ctx_apart`` with ``ctx_days`` (how many days lie between
    them, up to CTX_DAYS_CAP, over it). A carried
    day is its report's days, not the event's (the annotated corpus marks none of 831 such times): it may weigh as
    the scorer learns, and never reaches a hard check, a conflict or the time check."""
    ia, ib = fa["interval"] or fa.get("ctx_interval"), fb["interval"] or fb.get("ctx_interval")
    if not ia or not ib:
        return {}
    x = {"ctx_time": 1.0}
    if not fa["interval"] and not fb["interval"]:
        x["ctx_both"] = 1.0     # neither has a time of its own: two narratives' days
    days = timeiv.gap(ia, ib) / 86400.0
    if days <= 0.0:
        x["ctx_overlap"] = 1.0
    else:
        x["ctx_apart"] = 1.0
        x["ctx_days"] = min(days, CTX_DAYS_CAP) / CTX_DAYS_CAP
    return x


def pair_features(a: dict, b: dict, fa: dict, fb: dict) -> dict[str, float]:
    """What the pair scorer reads of two mentions that can be one happening: the hand weights'
    components (named as in ``events.pair_weights``) and more cues a learned scorer may weigh."""
    x = {"key": float(len(fa["keys"] & fb["keys"])), "place": float(len(fa["places"] & fb["places"]))}
    if fa["kplaces"] and fb["kplaces"] and not (fa["kplaces"] & fb["kplaces"]):
        x["place"] += 1.0   # key places that can be one (passed _keys_clash): one contains the other
    if fa["interval"] and fb["interval"]:
        if timeiv.overlaps(fa["interval"], fb["interval"]):
            x["time_overlap"] = 1.0
        else:
            # told of one named actor or key place, times that disagree are what a time conflict is made
            # of; of no key, they tell two happenings apart
            x["time_disjoint_keyed" if fa["keys"] & fb["keys"] else "time_disjoint"] = 1.0
    else:
        ctx = _context_time()
        ia, ib = fa["interval"] or fa.get("ctx_interval"), fb["interval"] or fb.get("ctx_interval")
        if ctx != "feature" and ia and ib and (ctx != "both" or not (fa["interval"] or fb["interval"])) \
                and timeiv.overlaps(ia, ib):
            # a mention told with no time of its own is told in its report's days (events.context_time): context
            # that may join, never one that parts
            x["time_overlap"] = 1.0
        else:
            x["time_missing"] = 1.0
        if ctx == "feature":
            x.update(_context_features(fa, fb))
    if a.get("type") == b.get("type"):
        x["same_type"] = 1.0
    if fa["story"] is not None and fa["story"] == fb["story"]:
        x["same_story"] = 1.0
    if fa["ctx"] and fb["ctx"]:
        shared = len(fa["ctx"] & fb["ctx"])
        if shared:
            x["context"] = shared / len(fa["ctx"] | fb["ctx"])
        else:
            x["context_disjoint"] = 1.0
    # agents that are not what identifies the happening (an attack is told by its victims and place)
    ag_a, ag_b = fa["doers"], fb["doers"]
    if ag_a and ag_b and not (ag_a & ag_b):
        x["agent_clash"] = 1.0
    # beyond the hand weights
    if not fa["keys"] or not fb["keys"] or _one_sided_keys(fa, fb):
        x["keyless"] = 1.0
    if fa["actors"] and fb["actors"]:
        if fa["actors"] & fb["actors"]:
            x["actors_shared"] = 1.0
        elif fa["alts"] & fb["alts"] or _party_met(fa["alts"], fa["party"], fb["alts"], fb["party"]):
            # an unresolved actor that may be the other's entity, or a meeting's host named by the other
            # report of it as the guest's
            x["actors_linked"] = 1.0
        else:
            x["actor_clash_raw"] = 1.0
    if a.get("doc") == b.get("doc"):
        x["same_doc"] = 1.0
        if a.get("start") == b.get("start"):
            x["same_sentence"] = 1.0    # two triggers of one sentence: mostly two happenings, or a whole and its part
    if fa["generic"] or fb["generic"]:
        x["generic"] = 1.0
    if fa["denied"] != fb["denied"]:
        x["denial_pair"] = 1.0      # one tells it, the other denies it: the same happening only if the reading is right
    if fa["lead"] is not None and fb["lead"] is not None:
        # a report tells its main happening first and the background (earlier attacks, other fronts) later
        lead = config()["events"]["lead_fraction"]
        n = (fa["lead"] < lead) + (fb["lead"] < lead)
        x["lead_both" if n == 2 else "lead_none" if n == 0 else "lead_one"] = 1.0
    if fa["first"] is not None and fb["first"] is not None and a.get("doc") != b.get("doc"):
        # each report's first mention of a kind of happening is mostly its main one: of the compared
        # cross-document pairs on the clusters corpus' dev+train, both first are one happening 85% of the
        # time, neither 53% (and 80% vs 48% where neither lies in the lead)
        n = fa["first"] + fb["first"]
        x["first_both" if n == 2 else "first_none" if n == 0 else "first_one"] = 1.0
    if fa["kind_count"] and fb["kind_count"] and a.get("doc") != b.get("doc") and not _resolved(fa["keys"] & fb["keys"]):
        # how many triggers of the pair's kind each report tells: of the compared cross-document pairs of the
        # clusters corpus' dev+train scored under the threshold, 80% are one happening where neither report
        # tells more than three, 25-39% where one tells six or more (events.kind_count). Not where a named main
        # actor or key place is shared: that names the happening (a narrative of one man's journey tells many
        # legs, and the sides of its conflicts are judged by this scorer, conflicts.side_judge)
        few, many = config()["events"]["kind_count"]
        n = max(fa["kind_count"], fb["kind_count"])
        if n <= few:
            x["kind_few"] = 1.0
        elif n >= many:
            x["kind_many"] = 1.0
    if fa["plural"] != fb["plural"]:
        # "هجماتهم" (their attacks), "غارات" (strikes): a series or the background, against one happening told
        # alone; of the compared pairs on the clusters corpus' dev+train, one happening 6% of the time below the
        # threshold, 29% above it (both or neither plural: 53% and 90%)
        x["plural_one"] = 1.0
    if fa["fine_places"] and fb["fine_places"]:
        # both sentences name a place finer than a country: one in common is the same happening's place more
        # often than not (of the compared cross-document pairs of the clusters corpus' dev+train, 76% vs 43%)
        x["fine_place_shared" if fa["fine_places"] & fb["fine_places"] else "fine_place_apart"] = 1.0
    if fa["numbers"] & fb["numbers"]:
        # a count both sentences tell (74% one happening). Counts told apart are no evidence against one
        # happening here: two outlets' different tolls of one attack are what a count contradiction is, and a
        # weight against them (numbers_apart, -1.38 when learned in the ninth session) kept such reports from
        # merging and their sides from being judged one happening (conflicts.side_judge), so no toll was ever
        # set against another
        x["numbers_shared"] = 1.0
    if fa["amount"] is not None and fa["amount"] == fb["amount"]:
        x["amount_same"] = 1.0
    x["trigger_sim"] = _jaccard(fa["tgrams"], fb["tgrams"])
    x["sentence_sim"] = _jaccard(fa["words"], fb["words"])
    # the words around the trigger: a copied clause tells one happening, while one sentence copied by two
    # papers may tell two (the attack and an earlier one): of the compared pairs on the clusters corpus'
    # dev+train whose sentences are alike (sentence_sim >= 0.5), 55% are one happening where no word
    # around the triggers is shared, 99% where most are
    x["window_sim"] = _jaccard(fa["window"], fb["window"])
    if a.get("doc") != b.get("doc") and fa["doc_words"] and fb["doc_words"] and _doc_copy_min() is not None \
            and _jaccard(fa["doc_words"], fb["doc_words"]) >= _doc_copy_min() \
            and (not config()["events"].get("doc_copy_few") or x.get("kind_few")):
        # two reports that are one text printed twice (an agency's copy, edited): a mention of one of them and a
        # mention of the other that pass the hard checks tell one happening more often than their sentences show
        # (a copy tells it in another sentence, or cut). Clusters train, compared cross-document pairs under the
        # pair threshold: at Jaccard >= 0.8 of the two texts' words 77% one happening (249 of 325), under it 41%
        x["doc_copy"] = 1.0
    if fa["tstem"] and fa["tstem"] == fb["tstem"]:
        x["trigger_same"] = 1.0
    if config()["events"].get("one_sided_cue") and bool(fa["actors"]) != bool(fb["actors"]) \
            and x.get("kind_few") and x.get("time_overlap"):
        # a main actor told on one side only, by two reports that each tell few of the pair's kind, at overlapping
        # times: an empty slot that the rest agrees with (events.one_sided_cue; of train's compared pairs of
        # the class scored under the threshold, 11 of 11 one happening, against 28% of the class)
        x["one_sided_timed"] = 1.0
    return x


def _one_sided_keys(fa: dict, fb: dict) -> bool:
    """Do two mentions that both name main actors or key places share none and tell nothing of the
    happening on both sides (``events.keyless_one_sided``)? A key slot (the main actors; the key places)
    is told on both sides only where both fill it with named entities: an unresolved description against
    a name ("رجل في العشرين" / a named man; a misread span) is neither a match nor a clash (the pair passed
    the hard checks), and with "slots" a slot filled on one side only (the actors of one report, the
    place of another) is neither. Such a pair is scored as keyless: what its sentences share decides."""
    mode = config()["events"].get("keyless_one_sided")
    if not mode or fa["keys"] & fb["keys"] or fa["alts"] & fb["alts"]:
        return False
    soft = fa["soft"] | fb["soft"]
    ra, rb = _resolved(fa["actors"]) - soft, _resolved(fb["actors"]) - soft
    if fa["actors"] and fb["actors"] and ra and rb:
        return False
    if (fa["kplaces"] | soft) & fa["keys"] and (fb["kplaces"] | soft) & fb["keys"]:
        # a place on both sides, told as the key place or named as a main actor (a city struck, "غارات" on Ramadi
        # against strikes near Tuz): the place slot is told on both sides
        return False
    if mode != "slots" and (fa["actors"] or fb["actors"]) and (fa["kplaces"] or fb["kplaces"]) \
            and not (fa["actors"] and fb["actors"]):
        return False        # "actors": the actors of one report against the place of another still count
    return bool(fa["actors"] and fb["actors"]) or mode == "slots"


def _jaccard(a: frozenset, b: frozenset) -> float:
    return len(a & b) / len(a | b) if a and b else 0.0


def _doc_copy_min():
    """``events.doc_copy_min``: the share of words (Jaccard) two reports' texts hold in common from which the
    pair feature ``doc_copy`` marks their mentions (one text printed twice, edited); null: no such feature."""
    v = config()["events"].get("doc_copy_min")
    return None if v is None else float(v)


def _text_words(text: str) -> frozenset:
    """A report's words (normalised, of three letters or more) as ``doc_copy`` compares two reports."""
    return frozenset(t for t in tokens(text) if len(t) > 2)


def _trigger_cues(m: dict) -> tuple[str, frozenset]:
    """A trigger's stem (normalised, a proclitic and the article off) and its character trigrams."""
    t = _strip_proclitic(normalize(str(m.get("trigger") or "")).strip())
    return t, frozenset(t[k:k + 3] for k in range(max(len(t) - 2, 1))) if t else frozenset()


@lru_cache(maxsize=4096)
def _plural_trigger(trigger) -> bool:
    """Is the trigger a plural noun (``events.plural_trigger``: a suffix, after a possessive pronoun suffix
    is taken off, on a word of at least so many letters): a series of happenings, not one."""
    cfg = config()["events"].get("plural_trigger")
    t = normalize(str(trigger or "")).strip()
    if not cfg or " " in t:
        return False
    for p in cfg["pronouns"]:
        if t.endswith(p) and len(t) - len(p) >= cfg["min_letters"]:
            t = t[:-len(p)]
            break
    return len(t) >= cfg["min_letters"] and t.endswith(tuple(cfg["suffixes"]))


_PROCLITICS = prefix_set("reconcile")


@lru_cache(maxsize=1)
def pair_model() -> dict | None:
    """The learned pair scorer (``events.pair_model`` in data/reconcile, written by
    scripts/train_pairs.py), or None: the hand weights score pairs."""
    name = config()["events"].get("pair_model")
    if not name:
        return None
    import json
    from .text import DATA
    return json.loads((DATA / name).read_text("utf-8"))


def pair_thresholds() -> tuple[float, float]:
    """(the score a pair needs to be merged, the average score the pairs compared across two clusters
    need for the clusters to merge)."""
    model = pair_model()
    if model:
        return model["threshold"], model["average_threshold"]
    cfg = config()["events"]
    return cfg["merge_threshold"], cfg["merge_threshold"] * cfg["average_link"]


def average_pass() -> tuple[float, int] | None:
    """(threshold, min_pairs) of the second, cluster-level pass (``events.average_pass``), or None: after the pairs
    above the threshold are merged, two clusters whose compared pairs score on average at least ``threshold`` (the
    learned scorer's log-odds), over at least ``min_pairs`` pairs, merge too, best average first, where the clusters
    stay compatible (``_clusters_ok``). Evidence pooled over several pairs, none of which passes alone: a report's
    mentions told in other words than another report's (keyless, timeless pairs of one story). Only with a learned
    pair scorer (its scale)."""
    v = config()["events"].get("average_pass")
    if not v or not pair_model():
        return None
    return float(v["threshold"]), int(v.get("min_pairs", 2))


def _pair_score(a: dict, b: dict, fa: dict, fb: dict) -> float:
    """How much the two mentions look like one happening: the learned model's log-odds, or the hand
    weights (data, tuned on the annotated clusters' dev stories) over the same components: shared main
    actors and places, overlapping times, the same type, the same story, and the other entities their
    sentences name. Each weighted sum is ``sum`` over its terms in the features' order (then the crosses',
    ``with_crosses``), so the same floats are added in the same order as ever; the hand weights' sum is
    made only where it is read (every candidate pair of a part comes here: 198,041 at 7.4k articles' + 10)."""
    x = pair_features(a, b, fa, fb)
    cfg = config()["events"]
    pw, merge, model = cfg["pair_weights"], cfg["merge_threshold"], pair_model()
    if not model:
        return sum([pw.get(k, 0.0) * v for k, v in x.items()])
    judged = model.get("classes")
    if (judged is not None and not (a.get("class") in judged and b.get("class") in judged)) \
            or (model.get("keyed_by_hand") and _resolved(fa["keys"] & fb["keys"])):
        # a class the model saw too few pairs of (people's movements in the annotated stories), or
        # a named main actor or key place in common: the annotated stories (keyless attacks mostly)
        # hold few such pairs (97% of them one happening where the hand weights merge them), so the
        # hand weights score them, on the model's scale (their threshold at its threshold)
        return sum([pw.get(k, 0.0) * v for k, v in x.items()]) - merge + model["threshold"]
    w = model["weights"].get
    terms = [w(k, 0.0) * v for k, v in x.items()]
    crossed = set()
    for f, g in model.get("crosses") or ():       # with_crosses' products, in its order, each once
        v = x.get(f, 0.0) * x.get(g, 0.0)
        if v and (f, g) not in crossed:
            crossed.add((f, g))
            terms.append(w(f"{f}*{g}", 0.0) * v)
    learned = model["bias"] + sum(terms)
    if "one_sided_timed" in x:
        learned += float(config()["events"]["one_sided_cue"].get("weight", 0.0))
    floor = model.get("hand_floor")
    if floor is True or (floor == "keyed" and _resolved(fa["keys"] & fb["keys"])) \
            or (floor == "actors" and _resolved(fa["actors"] & fb["actors"]) and a.get("doc") != b.get("doc")) \
            or (floor == "keyed_reports" and _resolved(fa["keys"] & fb["keys"]) and _two_accounts(a, b)):
        # what the hand weights merge stays merged (all pairs, or "keyed": those that share a named main
        # actor or key place): the model, fitted on pairwise F1 (copies of one wire weigh most), splits
        # accounts told in other words, which are the sides of a conflict; of no named key in common, the
        # hand weights merge keyless mentions of one type in one story that are different happenings. "actors":
        # only a named main actor in common, not a key place alone (a province or a city that many of a
        # story's happenings share: at the all-data events model's argument density, the pairs floored by
        # a shared key place alone were one happening 45 times of 107 on the clusters corpus' dev+train), and
        # of two reports only (a conflict's sides are two reports': one report's departure leg, floored with the
        # escape of its own sentence, took that report's decider away from the other reports' escape: the
        # bundled seeds lost "who decided"). "keyed_reports": a named main actor or key place in common, of two
        # accounts only: two reports, or two sources quoted in one report (a city's fall told by two reports
        # stays one happening, its dates side by side; one narrator's two legs of one night do not)
        return max(learned, sum([pw.get(k, 0.0) * v for k, v in x.items()]) - merge + model["threshold"])
    return learned


def _two_accounts(a: dict, b: dict) -> bool:
    """Two reports, or one report quoting two different sources (the innermost names of their chains)."""
    if a.get("doc") != b.get("doc"):
        return True
    src = [((m.get("attribution") or {}).get("chain") or [{}])[-1].get("name") for m in (a, b)]
    return bool(src[0] and src[1] and src[0] != src[1])


def with_crosses(x: dict[str, float], model: dict) -> dict[str, float]:
    """The pair features and the products the model names (``crosses``: [a, b] -> feature "a*b"): a cue
    that means one thing with another and another alone (alike sentences whose triggers' words differ)."""
    crosses = model.get("crosses") or ()
    if not crosses:
        return x
    out = dict(x)
    for a, b in crosses:
        v = x.get(a, 0.0) * x.get(b, 0.0)
        if v:
            out[f"{a}*{b}"] = v
    return out


def _eq_place(a, b) -> bool:
    """Default place test: equal, or one of them is a junk span with no head."""
    if a == b:
        return True
    ja = isinstance(a, str) and a.startswith(("raw:", "name:")) and not head(a)
    jb = isinstance(b, str) and b.startswith(("raw:", "name:")) and not head(b)
    return ja or jb


def _place_compat(ents):
    """Place test with entity knowledge: same, near, contained, or a junk span. With events.unlocated_places on,
    the test also has a ``loose`` form (read by ``_keys_clash`` for key places only): a place the knowledge base
    cannot locate (``_unlocated``) may lie in any region or country of ``containers``."""
    from .conflicts import Compare
    cmp = Compare(ents)

    located = config()["events"].get("located_places")

    def ok(a, b):
        if a == b:
            return True
        ka, kb = cmp.item(a), cmp.item(b)
        if ka is None or kb is None:
            return True
        rel = cmp.item_rel(ka, kb, "origin")
        if rel == "precision" and located and ka[0] == "e" and kb[0] == "e":
            return _located_within(ka, kb, ents)
        return rel != "different"
    rule = config()["events"].get("unlocated_places")
    if rule:
        containers = frozenset(rule.get("containers") or ())

        def loose(a, b):
            if ok(a, b):
                return True
            ea, eb = ents.by_id.get(a) if isinstance(a, str) else None, ents.by_id.get(b) if isinstance(b, str) else None
            return bool(ea and eb) and (_unlocated(ea) and _container(eb, containers)
                                        or _unlocated(eb) and _container(ea, containers))
        ok.loose = loose
    return ok


def _located_within(ka, kb, ents) -> bool:
    """recon33 (``events.located_places``): may two places the knowledge base locates (coordinates and a kind) that
    are not near be one place because one holds the other? By geometry alone (``contains``), not by a name word they
    share (a name rule for places it cannot locate: «أبين» and «إب» both normalise to «اب»), and never two of one
    administrative level (``conflicts.refinements.levels``, ``conflicts._same_level``: ``contains`` reads a
    governorate as a radius around its centre, and Taiz and Lahj lie within each other's). Places it does not locate
    keep the test as it was."""
    ea, eb = ents.by_id.get(ka[1]), ents.by_id.get(kb[1])
    if not all(e and e.get("type") == "place" and e.get("coordinates") and (e.get("attrs") or {}).get("kind")
               for e in (ea, eb)):
        return True
    if _same_level(ka, kb, ents, config()["conflicts"].get("refinements") or {}):
        return False
    return contains(ea, eb) or contains(eb, ea)


def _unlocated(e: dict) -> bool:
    """A place entity the knowledge base cannot locate: a name the name tagger found ("فرياب", "خيبر الجنوب"), with
    no knowledge-base record, coordinates or country, so no containment can be tested for it."""
    return e.get("type") == "place" and not e.get("kb_id") and not e.get("coordinates") \
        and not (e.get("attrs") or {}).get("country")


def _container(e: dict, kinds: frozenset) -> bool:
    """A known place of a kind that holds places the knowledge base does not list (a country, a province)."""
    return e.get("type") == "place" and ((e.get("attrs") or {}).get("kind") or "").lower() in kinds


def _unlocated_ok(ta, tb) -> bool:
    """May key places of two mentions of these types be compared loosely (``events.unlocated_places``): an
    unlocated place against a region or country told by the other report is no clash? Not for the types of
    ``except_types`` (a killing, a death, an injury: the victims identify them, and another victim in a village the
    knowledge base does not know is mostly another happening; a place conflict between two reports of one man's
    killing is what conf24's one-fate rule, since removed, listed falsely on the frozen test)."""
    rule = config()["events"].get("unlocated_places")
    if not rule:
        return False
    ex = rule.get("except_types") or ()
    return ta not in ex and tb not in ex


def cluster_mentions(mentions: list[dict], same_place=None, story_of: dict | None = None) -> list[list[dict]]:
    """Group mentions into events. `same_place(a, b)` decides whether two place
    values may be the same place (default: equality); `story_of` maps a document to
    its story (documents that report one story), when known."""
    cfg = config()["events"]
    threshold, average = pair_thresholds()
    ms = sorted(mentions, key=_mention_order)
    feats = [_features(m, story_of) for m in ms]
    pairs, scored = scored_pairs(ms, feats, cfg, threshold, same_place)
    return [[ms[i] for i in c] for c in _merged(ms, feats, pairs, scored, cfg, average, same_place)]


def _mention_order(m: dict) -> tuple:
    return (m.get("doc") or "", m.get("start") or 0, m.get("id") or "")


def scored_pairs(ms: list[dict], feats: list[dict], cfg: dict, threshold: float, same_place=None,
                 blocks: dict | None = None) -> tuple[dict, dict]:
    """The candidate pairs that score above the threshold (-> score), and every candidate pair compared
    (-> its score, or ``incompatible_score`` when the two cannot be one happening). ``blocks``: the blocking
    keys' members (``mention_blocks``), when already found."""
    pairs, scored = {}, {}
    blocks = mention_blocks(ms, feats) if blocks is None else blocks
    for i, j, ok in candidate_pairs(ms, feats, blocks, cfg, same_place):
        if ok:
            sc = _pair_score(ms[i], ms[j], feats[i], feats[j])
            if sc >= threshold:
                pairs[(i, j)] = sc
        else:
            sc = cfg["incompatible_score"]
        scored[(i, j)] = sc
    return pairs, scored


def _merged(ms, feats, pairs: dict, scored: dict, cfg: dict, average: float, same_place) -> list[list[int]]:
    """The clusters (member indices ascending), in order of their lowest member."""
    pairs = generic_commitments(ms, feats, pairs)
    cl, _owner = merge_pairs(ms, feats, pairs, scored, cfg, average, same_place)
    return [sorted(v) for _, v in sorted(cl.items())]


class SubPart:
    """A connected part of one call's mentions under the pairs that score above the threshold, or above the
    cluster-level pass's threshold where it is on (``average_pass``) (and the mentions told by one span, whose conflicts ``distinct_conflicts`` compares): the reconciler never puts
    mentions of two sub-parts into one event, the average-link sums it reads are those of the pairs within
    one, and a conflict's sides are one event's. So a sub-part's events and conflicts are a function of its
    mentions (as ``canonical_mentions`` made them, with their routes), the candidate pairs compared within
    it and what those read (documents, entities): ``key`` hashes the first two, the corpus stage the rest
    (``blocks.reconcile_block``). ``idx``: its mentions, indices into the sorted mentions."""
    __slots__ = ("idx", "pairs", "scored", "key")

    def __init__(self, idx: list[int]):
        self.idx, self.pairs, self.scored, self.key = idx, {}, {}, ""


def _plain_sets(x):
    if isinstance(x, (set, frozenset)):
        return sorted(x, key=repr)
    return str(x)


def cluster_subparts(ms: list[dict], feats: list[dict], same_place=None, blocks: dict | None = None,
                     scored_by=None) -> list[SubPart]:
    """The sub-parts of sorted mentions ``ms`` (see ``SubPart``), in order of their first mention, each
    with its pairs and scored pairs (indices local to it: its mentions in order) and its ``key``.
    ``blocks``: the blocking keys' members, when already found (``scored_pairs``). ``scored_by``: a function
    with ``scored_pairs``' arguments and result that gives them otherwise (``pair_memo``: scores read back)."""
    cfg = config()["events"]
    threshold, _average = pair_thresholds()
    pairs, scored = (scored_by or scored_pairs)(ms, feats, cfg, threshold, same_place, blocks)
    uf = UnionFind()
    for i in range(len(ms)):
        uf.find(i)
    for (i, j) in pairs:
        uf.union(i, j)
    passing = average_pass()
    if passing is not None:
        # the cluster-level pass (average_pass) may join clusters that no pair above the threshold joins, but only
        # through a compared pair scoring at least its threshold (an average is never above all its terms)
        for (i, j), sc in scored.items():
            if sc >= passing[0]:
                uf.union(i, j)
    _join_shared_spans(uf, enumerate(ms))   # one span, two types: distinct_conflicts compares their conflicts
    comp: dict = defaultdict(list)
    for i in range(len(ms)):
        comp[uf.find(i)].append(i)
    subs = [SubPart(v) for _, v in sorted(comp.items())]
    local = {}
    for n, s in enumerate(subs):
        for k, i in enumerate(s.idx):
            local[i] = (n, k)
    for (i, j), sc in scored.items():
        (a, x), (b, y) = local[i], local[j]
        if a == b:        # a compared pair across two sub-parts is never read (no pair above the threshold joins them)
            subs[a].scored[(x, y)] = sc
            if (i, j) in pairs:
                subs[a].pairs[(x, y)] = pairs[(i, j)]
    return subs


def _join_shared_spans(uf, items) -> None:
    """Join in `uf` the nodes of (node, mention) items whose mentions share a span (document, start, end)."""
    first: dict = {}
    for node, m in items:
        sp = (m.get("doc"), m.get("start"), m.get("end"))
        if sp in first:
            uf.union(first[sp], node)
        else:
            first[sp] = node


def subpart_units(s: SubPart, clusters: list[list[int]], ms: list[dict]) -> list[list[list[int]]]:
    """A sub-part's clusters (indices into its mentions) gathered into units: clusters whose mentions share
    a span (one sentence's two triggers) are one unit, since ``distinct_conflicts`` keeps one of their
    conflicts. An event's record and its conflicts are a function of its members (and what they read),
    so a unit whose members and reads are unchanged gives the same events and conflicts."""
    uf = UnionFind()
    for n in range(len(clusters)):
        uf.find(n)
    _join_shared_spans(uf, ((n, ms[s.idx[k]]) for n, c in enumerate(clusters) for k in c))
    out: dict = defaultdict(list)
    for n, c in enumerate(clusters):
        out[uf.find(n)].append(c)
    return [v for _, v in sorted(out.items())]


def unit_key(unit: list[list[int]], ms: list[dict], routes: dict) -> str:
    """A hash of a unit's events' members (its clusters, of indices into ``ms``) as the reconciler reads them
    (``canonical_mentions``), by event, with their routes."""
    rows = [[ms[k] for k in c] for c in unit]
    payload = json.dumps([rows, [[routes.get(m.get("id")) for m in r] for r in rows]],
                         sort_keys=True, ensure_ascii=False, default=_plain_sets)
    return hashlib.sha1(payload.encode("utf-8")).hexdigest()[:24]


def call_units(ms: list[dict], feats: list[dict], same_place, cfg: dict, average: float,
               blocks: dict | None = None) -> list[list[list[int]]]:
    """The units of a call's sorted mentions (``subpart_units`` of each ``cluster_subparts``' sub-part, in order),
    each its clusters of indices into ``ms``."""
    out = []
    for sp in cluster_subparts(ms, feats, same_place, blocks):
        sm, sf = [ms[i] for i in sp.idx], [feats[i] for i in sp.idx]
        for u in subpart_units(sp, _merged(sm, sf, sp.pairs, sp.scored, cfg, average, same_place), ms):
            out.append([[sp.idx[k] for k in c] for c in u])
    return out


def units_of_clusters(ms: list[dict], subs: list[list[list[int]]]) -> list[list[list[int]]]:
    """``call_units`` from the clusters of each part's sub-parts (``subs``: per sub-part of one part, its
    clusters, of indices into ``ms``): the call's sub-parts are those joined where two mentions share a span
    (a span of two types may be in two parts; no pair above the threshold crosses two parts), in order of
    their first mention, their clusters in order of their first member, gathered into units as
    ``subpart_units`` gathers them."""
    uf = UnionFind()
    for i in range(len(ms)):
        uf.find(i)
    clusters = []
    for sub in subs:
        first = sub[0][0]
        for c in sub:
            clusters.append(c)
            for i in c:
                uf.union(first, i)
    _join_shared_spans(uf, enumerate(ms))
    comp: dict = defaultdict(list)
    for c in clusters:
        comp[uf.find(c[0])].append(c)
    out = []
    for root in sorted(comp):
        cs = sorted(comp[root], key=lambda c: c[0])
        members = sorted(i for c in cs for i in c)
        loc = {g: k for k, g in enumerate(members)}
        for u in subpart_units(SubPart(members), [[loc[g] for g in c] for c in cs], ms):
            out.append([[members[k] for k in c] for c in u])
    return out


def merge_pairs(ms, feats, pairs: dict, scored: dict, cfg: dict, average: float, same_place,
                refused=None) -> tuple[dict, list]:
    """The clusters (owner index -> member indices) and each mention's owner, from the pairs above the
    threshold. ``refused(pair, why, A, B)``, when given, hears of each pair that did not merge when its
    turn came (``why``: "average" or "clusters"; A and B the two clusters' summaries):
    scripts/missed_pairs.py's replay."""
    # links between clusters: (sum, count) of the scores of the pairs compared across them, so
    # that two clusters merge only when their compared pairs score on average above the threshold
    # (average linkage over what blocking compared: one shared keyless mention does not chain two
    # happenings together)
    link = pair_links(scored)
    # greedy, constraint-checked merging: best pairs first; whole clusters must stay
    # compatible. Clusters keep summaries (distinct signatures, time hull) so the
    # check costs O(distinct signatures), not O(|A|*|B|).
    cl = {i: [i] for i in range(len(ms))}
    summ = mention_summaries(ms, feats)
    owner = list(range(len(ms)))
    for (i, j), _s in sorted(pairs.items(), key=lambda kv: (-kv[1], kv[0])):
        ci, cj = owner[i], owner[j]
        if ci == cj:
            continue
        tot, n = link[ci].get(cj, (0.0, 0))
        if n and tot / n < average:
            if refused is not None:
                refused((i, j), "average", summ[ci], summ[cj])
            continue
        if _clusters_ok(summ[ci], summ[cj], cfg, same_place):
            join_clusters(ci, cj, link, cl, owner, summ)
        elif refused is not None:
            refused((i, j), "clusters", summ[ci], summ[cj])
    passing = average_pass()
    if passing is not None:
        _average_pass(cl, owner, link, summ, cfg, same_place, *passing)
    return cl, owner


def _average_pass(cl: dict, owner: list, link: dict, summ: dict, cfg: dict, same_place, threshold: float,
                  min_pairs: int) -> None:
    """The cluster-level pass of ``average_pass`` (in place): the pair of clusters whose compared pairs average
    highest, at least ``threshold`` over at least ``min_pairs`` pairs, merges first when compatible; again until
    none is left. A heap of (average, cluster, cluster), stale entries skipped or pushed again with their new
    average. Clusters only grow, so a pair refused as incompatible stays refused."""
    def ok(tot, n):
        return n >= min_pairs and tot / n >= threshold
    heap = [(-tot / n, a, b) for a in sorted(link) for b, (tot, n) in sorted(link[a].items()) if a < b and ok(tot, n)]
    heapq.heapify(heap)
    while heap:
        neg, a, b = heapq.heappop(heap)
        if a not in cl or b not in cl:
            continue
        e = link[a].get(b)
        if not e or not ok(*e):
            continue
        if -neg != e[0] / e[1]:
            heapq.heappush(heap, (-e[0] / e[1], a, b))     # the average changed since it was pushed
            continue
        if not _clusters_ok(summ[a], summ[b], cfg, same_place):
            continue
        join_clusters(a, b, link, cl, owner, summ)
        keep = min(a, b)
        for k, (tot, n) in sorted(link[keep].items()):
            if ok(tot, n):
                heapq.heappush(heap, (-tot / n, min(keep, k), max(keep, k)))


def generic_commitments(ms: list[dict], feats: list[dict], pairs: dict) -> dict:
    """The pairs to merge, less those that join a generic mention ("the incident") to a specific one of a
    kind other than its dominant one: the kind (class, type group) whose mentions the generic mentions
    it may merge with (linked by pairs to merge) scored highest with, summed. A generic mention may stand
    for several kinds, but a cluster takes one: merged best pair first, "the incident" of a shooting
    joined a misread "arrival" of its own sentence and then could join no shooting
    (``events.generic_dominant``)."""
    if not config()["events"].get("generic_dominant", False):
        return pairs
    uf, kind = UnionFind(), {}
    for (i, j) in sorted(pairs):
        if feats[i]["generic"] and feats[j]["generic"]:
            uf.union(i, j)
    support: dict = defaultdict(lambda: defaultdict(float))
    for (i, j), sc in sorted(pairs.items()):
        for g, o in ((i, j), (j, i)):
            if feats[g]["generic"] and not feats[o]["generic"]:
                kind[o] = (_cls(ms[o]), feats[o]["group"])
                support[uf.find(g)][kind[o]] += sc
    best = {g: max(sorted(ks.items()), key=lambda kv: kv[1])[0] for g, ks in support.items()}

    def off(g, o):
        return feats[g]["generic"] and o in kind and kind[o] != best.get(uf.find(g), kind[o])
    return {(i, j): sc for (i, j), sc in pairs.items() if not (off(i, j) or off(j, i))}


def pair_links(scored: dict) -> dict[int, dict[int, list]]:
    """Each mention's [sum, count] of the scores of the pairs compared with each other mention, both ways."""
    link: dict[int, dict[int, list]] = defaultdict(dict)
    for (i, j), sc in sorted(scored.items()):   # a fixed order: float sums do not depend on the hash seed
        for a, b in ((i, j), (j, i)):
            e = link[a].setdefault(b, [0.0, 0])
            e[0] += sc
            e[1] += 1
    return link


def mention_summaries(ms: list[dict], feats: list[dict]) -> dict[int, dict]:
    """Each mention as a one-member cluster's summary: signatures, one-per-document flag, time window,
    and per document its ends, interval and resolved agents (what ``_clusters_ok`` checks)."""
    summ = {}
    for i, (m, f) in enumerate(zip(ms, feats)):
        iv = f["interval"]
        summ[i] = {"sigs": {_sig(m, f)}, "once": f["once"],
                   "lo": iv[0] if iv else None, "hi": iv[1] if iv else None,
                   "docs": {m.get("doc"): [(_ent(m.get("origin")), _ent(m.get("destination")), iv,
                                            f["doers"], f["day"])]},
                   "xdays": {f["xday"]} if f.get("xday") else set(),
                   "objects": {f["object"]} if len(f.get("object") or ()) >= _object_min() else set(),
                   # the sides its members' harms befell and that did them, each summed over the members: two
                   # clusters are two harms only where these part them (one member's misread side parts nothing)
                   "sides": (f["victims"], f["doer_sides"]) if f.get("victims") or f.get("doer_sides") else None,
                   # every ordinal its members' triggers carry (events.ordinals_apart)
                   "ordinals": set(f.get("ordinals") or ())}
    return summ


def join_clusters(ci: int, cj: int, link: dict, cl: dict, owner: list, summ: dict) -> None:
    """Merge clusters ci and cj in place (into the lower id): their average-link sums, members,
    owners and summaries (signatures, one-per-document flag, documents, time window)."""
    keep, drop = min(ci, cj), max(ci, cj)
    for k, (t2, n2) in link.pop(drop, {}).items():
        link[k].pop(drop, None)
        if k == keep:
            continue
        e = link[keep].setdefault(k, [0.0, 0])
        e[0] += t2
        e[1] += n2
        link[k][keep] = [e[0], e[1]]
    link[keep].pop(drop, None)
    for x in cl[drop]:
        owner[x] = keep
    cl[keep].extend(cl.pop(drop))
    a, b = summ[keep], summ.pop(drop)
    a["sigs"] |= b["sigs"]
    a["once"] = a["once"] and b["once"]
    a["xdays"] = a.get("xdays", set()) | b.get("xdays", set())
    a["objects"] = a.get("objects", set()) | b.get("objects", set())
    a["ordinals"] = a.get("ordinals", set()) | b.get("ordinals", set())
    if a.get("sides") and b.get("sides"):
        a["sides"] = (a["sides"][0] | b["sides"][0], a["sides"][1] | b["sides"][1])
    else:
        a["sides"] = a.get("sides") or b.get("sides")
    for d, xs in b["docs"].items():
        a["docs"].setdefault(d, []).extend(xs)
    if b["lo"] is not None:
        a["lo"] = b["lo"] if a["lo"] is None else max(a["lo"], b["lo"])
        a["hi"] = b["hi"] if a["hi"] is None else min(a["hi"], b["hi"])


def mention_blocks(ms: list[dict], feats: list[dict]) -> dict:
    """Blocking keys -> the mentions (indices) that share them; only mentions of one block are compared."""
    blocks = defaultdict(list)
    # a generic mention ("the incident") is blocked with every kind of happening it may stand for
    kinds = {(_cls(m), f["group"]) for m, f in zip(ms, feats) if not f["generic"]}
    fine = config()["events"].get("block_fine_places", False)
    for i, (m, f) in enumerate(zip(ms, feats)):
        # blocks: its main actors, else its places; and its story, where a mention that does not
        # name its main actor meets those that do (else all such: a large block is cut to time
        # neighbours)
        keys = set(f["keys"] or f["places"])
        if fine:
            # and the places finer than a country its sentence names: one story's reports cut into two stories
            # (a day's report and the next day's) meet where they tell one town (events.block_fine_places)
            keys.update(("fine", p) for p in f["fine_places"])
        if f["story"] is not None:
            keys.add(("story", f["story"]))
        keys = keys or {"_none"}
        own = [(_cls(m), f["group"])]
        if f["generic"]:
            pol = _cls(m).partition("~")[2]
            own += [(c, g) for c, g in sorted(kinds) if g in f["generic"] and c.partition("~")[2] == pol]
        for c, g in own:
            for k in keys:
                blocks[(c, g, k)].append(i)
    return blocks


def candidate_pairs(ms: list[dict], feats: list[dict], blocks: dict, cfg: dict, same_place=None):
    """(i, j, can they be one happening) for each pair of mentions that share a block, once; a large
    block compares time neighbours only (sorted neighbourhood), so the pairs stay linear in its size."""
    for i, j in candidate_index_pairs(ms, feats, blocks, cfg):
        yield i, j, _pair_ok(ms[i], ms[j], feats[i], feats[j], same_place)


def candidate_index_pairs(ms: list[dict], feats: list[dict], blocks: dict, cfg: dict):
    """The (i, j) of ``candidate_pairs``, in its order, without the test of each (``pair_memo``'s scores)."""
    seen = set()
    for members in blocks.values():
        if len(members) > cfg["max_block"]:
            members = sorted(members, key=lambda i: (feats[i]["interval"] or (0, 0))[0])
            window = 20
        else:
            window = len(members)
        for x in range(len(members)):
            for y in range(x + 1, min(len(members), x + 1 + window)):
                i, j = members[x], members[y]
                if ms[i].get("doc") == ms[j].get("doc") and _same_span(ms[i], ms[j]):
                    continue
                if (i, j) in seen:
                    continue
                seen.add((i, j))
                yield i, j


def _same_span(a, b):
    return a.get("start") == b.get("start") and a.get("end") == b.get("end") and a.get("type") == b.get("type")


# ------------------------------------------------------------------ values

def _mention_values(m: dict) -> dict:
    """One mention's own values: an agent that is not the happening's own (``canonical_mentions``: told
    in another clause, or a news outlet) is none of them (a conflict's agent slot never sets it)."""
    cfg = config()["events"]
    pol = "denied" if (m.get("negated") or m.get("polarity") == "denied") else (m.get("polarity") or "asserted")
    if m.get("of_kin"):     # another person's happening (canonical_mentions): nothing of this one's
        return {**dict.fromkeys(("origin", "destination", "via", "place", "means", "amount", "duration", "time",
                                 "companions", "decider", "agent")), "polarity": pol}
    roles = defaultdict(list)
    for p in m.get("participants") or []:
        e = _ent(p)
        if e is not None and p.get("own", True):
            roles[p.get("role") or "agent"].append(e)
    comp = sorted({e for r in cfg["companion_roles"] for e in roles.get(r, [])})
    dec = sorted({e for r in cfg["decider_roles"] for e in roles.get(r, [])})
    t = m.get("time")
    amount = m.get("amount")
    # how many were hit: the number the victims are told with ("14 جنديا", "عشرة جنود"); it also
    # beats a number word found loose in the sentence ("مقتل جنديين اثنين وجرح أربعة آخرين": the
    # injury's count is four, not the killing's two), not a figure in digits
    victims = next((c for p in m.get("participants") or [] if p.get("role") in cfg["count_roles"]
                    for c in [_count(p.get("text") or "")] if c), None) if m.get("class") == "harm" else None
    if amount is not None and not (victims and not any(ch.isdigit() for ch in str(amount))):
        amount = _count(str(amount)) or amount
    else:
        amount = victims
    pol = "denied" if (m.get("negated") or m.get("polarity") == "denied") else (m.get("polarity") or "asserted")
    return {
        "origin": _ent(m.get("origin")),
        "destination": _ent(m.get("destination")),
        "via": [_ent(v) for v in (m.get("via") or [])] or None,
        "place": _ent(m.get("place")),
        "means": _ent(m.get("means")),
        "amount": amount,
        "duration": m.get("duration"),
        "time": ({k: t.get(k) for k in ("earliest", "latest", "text", "precision", "tz")} if t else None),
        "companions": comp or None,
        "decider": dec or None,
        "agent": sorted(set(roles.get("agent", []))) or None,
        "polarity": pol,
    }


def _own_amount(m: dict, text: str) -> bool:
    """Is the mention's figure told in its trigger's clause (its occurrence nearest the trigger, in the
    mention's sentence)? Unknown offsets: yes."""
    ts, te, s, e = m.get("trigger_start"), m.get("trigger_end"), m.get("start"), m.get("end")
    a = str(m.get("amount") or "").strip()
    if not a or not all(isinstance(x, int) for x in (ts, te, s, e)):
        return True
    hits = [k for k in range(s, e) if text.startswith(a, k)]
    if not hits:
        return True
    k = min(hits, key=lambda k: abs(k - ts))
    return same_clause(text, (ts, te), (k, k + len(a)))


def _told_at(p: dict, m: dict, text: str) -> tuple[int, int] | None:
    """Where the mention's sentence names participant `p`: its words' occurrence nearest the trigger (the
    participant's own span may be an earlier mention of the same entity), else its own span."""
    words, ts = (p.get("text") or "").strip(), m.get("trigger_start")
    s0, s1 = m.get("start"), m.get("end")
    if words and all(isinstance(x, int) for x in (ts, s0, s1)):
        hits, k = [], text.find(words, s0, s1)
        while k >= 0:
            hits.append(k)
            k = text.find(words, k + 1, s1)
        if hits:
            k = min(hits, key=lambda k: abs(k - ts))
            return k, k + len(words)
    s, e = p.get("start"), p.get("end")
    return (s, e) if isinstance(s, int) and isinstance(e, int) else None


def _agent_gap(text: str, ts: int, te: int, s: int, t: int) -> str:
    """The text between an agent told at ``s:t`` and its trigger at ``ts:te`` (none past 200 characters)."""
    lo, hi = (t, ts) if t <= ts else (te, s)
    return text[lo:hi] if hi - lo <= 200 else ""


_ACTOR_KINDS = ("person", "organization")


def _gap_sequences(gap: str) -> Iterator[str]:
    """The words of a gap, one to four at a time, as ``_actor_named`` looks them up."""
    toks = gap.split()
    for n in range(1, 5):
        for i in range(len(toks) - n + 1):
            yield " ".join(toks[i:i + n])


def _actor_named(gap: str, ents: Entities, agent) -> bool:
    """Does the text between an agent and its trigger name another actor (a person, an organisation or a
    country known by name: "defended Turkey's right to strike")? Its words, one to four at a time,
    looked up among the entities' names (no scan of their mentions: the corpus stage passes every
    block the whole corpus's entities)."""
    for seq in _gap_sequences(gap):
        eid = ents.by_name.get(Entities._norm(seq))
        e = ents.by_id.get(eid) if eid and eid != agent else None
        if e and (e.get("type") in _ACTOR_KINDS or (e.get("attrs") or {}).get("kind") == "country"):
            return True
    return False


def agent_gap_names(m: dict, text: str) -> set[str]:
    """Every word sequence that ``canonical_mentions`` may look up among ALL the entities' names for mention
    ``m`` (as stored, before ``_canonical``) of a document whose text is ``text``: those between each agent and
    the trigger (``_own_agent_read``: another actor named there makes the agent not the doer). Which entity a
    name is, and of which kind, is read from the whole corpus's entities, not from those the mention names:
    the corpus stage's fingerprints (``blocks.fingerprints``) hash what these names are, so that a part is not
    carried over when a new document makes one of them an actor (an incremental build kept a college "in
    Dundee" as the doer after the town's name had become an organisation's)."""
    out: set[str] = set()
    ts, te = m.get("trigger_start"), m.get("trigger_end")
    if not text or not isinstance(ts, int) or not isinstance(te, int):
        return out
    for p in m.get("participants") or ():
        if isinstance(p, dict) and (p.get("role") or "agent") == "agent" \
                and isinstance(p.get("start"), int) and isinstance(p.get("end"), int):
            out.update(_gap_sequences(_agent_gap(text, ts, te, p["start"], p["end"])))
    return out


_DIGITS = str.maketrans("٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹", "01234567890123456789")


def _amount_value(v) -> str | None:
    """The figure of a mention's amount as digits, past a qualifier ("ما لا يقل عن 2000" -> "2000")."""
    t = str(v).translate(_DIGITS)
    m = re.search(r"\d[\d,]*", t)
    v = figure(m.group().replace(",", "")) if m else None
    return str(v) if v is not None else _count(t)


@lru_cache(maxsize=1 << 16)     # every two words of every mention's sentence come here (_sentence_numbers)
def _count(text: str) -> str | None:
    """The number a phrase starts with, as digits: "14 جنديا" -> "14", "عشرة جنود" -> "10"."""
    from ..timex.lexicon import cardinals, norm_word
    toks = text.translate(_DIGITS).replace("(", " ").replace(")", " ").split()
    if not toks:
        return None
    if figure(toks[0].replace(",", "")) is not None:
        return str(figure(toks[0].replace(",", "")))
    for lang in ("ar", "en"):
        card = cardinals(lang)
        for n in (2, 1):
            w = norm_word(" ".join(toks[:n]).lower())
            v = card.get(w) if len(toks) >= n else None
            if v is None and w[:1] in ("ب", "و", "ل") and lang == "ar":
                v = card.get(w[1:])
            if isinstance(v, int):
                return str(v)
    return None


@lru_cache(maxsize=1 << 16)
def _may_count(tok: str) -> bool:
    """False only where ``_count`` of a phrase starting with the word ``tok`` is None whatever follows: not
    digits, and its normalised form (proclitic and all) is no number word's first word. Most words of a sentence
    are not: ``_sentence_numbers`` calls ``_count`` on every two words, and its cache of such pairs mostly missed
    (363,000 calls in a + 10 at 7.6k SaudiNewsNet articles)."""
    from ..timex.lexicon import norm_word
    if tok.replace(",", "").isdigit():
        return True
    w = norm_word(tok.lower())
    first = w.split(" ")[0]
    if len(first) <= 1:
        return True         # an empty or one-letter form: what follows decides (kept exact)
    for lang, heads in _number_heads().items():
        if first in heads or (lang == "ar" and first[:1] in ("ب", "و", "ل") and first[1:] in heads):
            return True
    return False


@lru_cache(maxsize=1)
def _number_heads() -> dict[str, frozenset]:
    """Per language, the first words of its number words (``_count``'s cardinals with an integer value)."""
    from ..timex.lexicon import cardinals
    return {lang: frozenset(k.split(" ")[0] for k, v in cardinals(lang).items() if isinstance(v, int))
            for lang in ("ar", "en")}


def _counted(v) -> bool:
    return isinstance(v, str) and v.startswith("raw:") and _count(v[4:]) is not None


def _time_value_key(t):
    return (t.get("earliest"), t.get("latest")) if t else None


# ------------------------------------------------------------------ main

def reconcile(documents: list[dict], event_mentions: list[dict], entities: list[dict],
              use_encoder: bool | None = None, relations: list[dict] | None = None,
              surface: dict[str, str] | None = None, story_of: dict[str, int] | None = None,
              subparts=None, carried=None, index: Entities | None = None, pairing=None) -> dict:
    """``relations`` given (computed once over the whole corpus): not computed again here; ``surface``
    (unresolved values as first written in the whole corpus, see ``blocks.Mentions``): used before
    this call's own; ``story_of`` (document -> its story, ``story_of_documents`` over the whole
    corpus): not computed again. With all three, the corpus stage reconciles its blocks of mentions
    one at a time (riwaya/blocks.py) and gets what one call on everything gives.

    ``subparts(groups, keys, ents)``: the corpus stage's fingerprints of the units (``subpart_units``: the
    events of a sub-part, ``SubPart``, that share no span with its others; each group the given mentions of
    one unit, ``keys`` their ``unit_key``); the events and conflicts of a unit whose fingerprint is in
    ``carried`` (fingerprint -> the ids of the events stored under it, sorted) with all of its events are not
    made (the stage carries them over), and the result lists ``subparts``
    ([fingerprint, its event ids] of the units made) and ``carried`` ([fingerprint, [[event id, the id of its first
    mention] of each of its events]] of those not made). The same events and conflicts as without: every sub-part is clustered
    as the whole call would cluster it.

    ``index``: an ``Entities`` of these same entities, whose lookups this call reads (not made again per call).

    ``pairing`` (with ``subparts``): a ``pair_memo.PairMemo``, whose parts' clusters are read back where what pairing and
    merging read of them is unchanged (the same units as without)."""
    ents = Entities(entities or [], share=index)
    ents.surface.update(surface or {})
    docs = {d["id"]: d for d in documents}
    if relations is None:
        relations = find_relations(documents, use_encoder=use_encoder)
        relations = relations + document_translations(documents, entities, use_encoder=use_encoder)
    account_of = _accounts(documents, relations)
    unchained = config()["independence"].get("unchained_accounts")
    if unchained or config()["independence"].get("accounts_by_voice"):
        # each document's (account the conflicts' witnesses read, account its evidence folds into, has a copy)
        house_of = _houses(documents, relations) if unchained else account_of
        if unchained == "all":
            account_of = house_of
        twins = defaultdict(set)
        for a, b in _text_pairs(relations):
            twins[a].add(b)
            twins[b].add(a)
        account_of = {d: (account_of[d], house_of[d], frozenset(twins.get(d, ()))) for d in account_of}

    translations = translations_by_doc(relations)

    canon = canonical_mentions(event_mentions, ents, docs, memo=subparts is not None)
    # each mention's features once (the clustering's add its document's story), not once per reader
    feats0 = [_features(m) for m in canon] if subparts is not None else None
    routes = _doc_routes(canon, feats0)

    if story_of is None:
        story_of = story_of_documents(documents)
    events, conflicts = [], []
    ties = _ties(canon, feats0)
    context = context_values(canon, docs, lambda parts: _canonical({"participants": parts}, ents)["participants"])
    same_place = _place_compat(ents)
    judge = side_judge(canon, ents, story_of, same_place, docs)
    made, skipped = [], []
    carried = carried or {}
    if subparts is None:
        groups = [(None, cluster_mentions(canon, same_place=same_place, story_of=story_of))]
    else:
        cfg = config()["events"]
        _threshold, average = pair_thresholds()
        order = sorted(range(len(canon)), key=lambda k: _mention_order(canon[k]))
        ms = [canon[k] for k in order]
        feats = [{**feats0[k], "story": story_of.get(canon[k].get("doc"))} for k in order]
        units = None      # each unit its clusters, of indices into ms
        if pairing is not None:     # the parts whose pairing inputs are unchanged read back (``PairMemo``)
            units = pairing.units(ms, feats, ents, cfg, average)
        if units is None:
            units = call_units(ms, feats, same_place, cfg, average)
        fps = subparts([[event_mentions[order[k]] for c in u for k in c] for u in units],
                       [unit_key(u, ms, routes) for u in units], ents)
        # a movement told without its mover takes the mover of an event that its narrative tells before it
        # (adopt_narrative_movers, below): the units the adoption may change or read are made again (with
        # one of the two carried over and the other made, the adoption would differ from a run from scratch);
        # the others are carried over. (Was: nothing of the call carried over when any of its mentions was an
        # orphan, i.e. nothing of every part packed with it.)
        narrative = narrative_units([[[ms[k] for k in c] for c in u] for u in units], ents,
                                    lambda members: _written(_build_event(members, docs, account_of, ents,
                                                                          translations).to_dict(), ents)) \
            if carried else set()
        groups = []
        for n_unit, (u, fp) in enumerate(zip(units, fps)):
            if fp is not None and fp in carried and n_unit not in narrative:
                evs = [[_event_id([ms[k] for k in c]), ms[c[0]].get("id")] for c in u]
                if tuple(sorted(e for e, _ in evs)) == tuple(carried[fp]):      # all of them are stored
                    skipped.append([fp, evs])
                    continue
            groups.append((fp, [[ms[k] for k in c] for c in u]))
    for fp, clusters in groups:
        ids = []
        for members in clusters:
            ev = _build_event(members, docs, account_of, ents, translations).to_dict()
            events.append(ev)
            ids.append(ev["id"])
            conflicts.extend(event_conflicts(ev, ents, docs, translations, routes, ties, context, judge))
        made.append([fp, ids])
    for ev in events:
        _as_written(ev, ents)
    # after the conflicts: a movement told without its mover goes with its narrative's (itineraries only)
    adopt_narrative_movers(events, docs, ents, context)
    events.sort(key=lambda e: e["id"])
    conflicts.sort(key=lambda c: c["id"])
    out = {"events": events, "conflicts": distinct_conflicts(conflicts), "relations": relations}
    if subparts is not None:
        out["subparts"], out["carried"] = made, skipped
    return out


def side_judge(mentions: list[dict], ents: Entities, story_of: dict | None = None, same_place=None,
               docs: dict | None = None):
    """A judge of two sides of a contradiction, ``judge(mention_a, mention_b, field) -> bool``: are the two
    mentions, compared DIRECTLY (not through the average-link cluster that holds them), the same happening
    on the evidence? They must pass the merge's hard checks, score at least the pair threshold plus
    ``conflicts.same_happening.min_score_above`` with the pair scorer, and share an anchor a reader would
    demand (``anchors``): the same resolved main actor or victim ("actor"), the same resolved key place
    ("key_place"), a place finer than ``coarse_place_kinds`` that both sentences name ("place"), or the same
    day where both know their day to ``day_max_hours`` ("day"; never for the time field, which is what
    they disagree about), or ("entity") any entity both sentences name but a coarse place.
    ``anchors_by_field`` sets the anchors per compared field, or per "type.field" / "class.field" (a visit's
    destination: the visitor alone does not make two legs of a tour one visit). None where
    ``same_happening.enabled`` is false: the sides are judged by the cluster alone, as before."""
    cfg = config()["conflicts"].get("same_happening") or {}
    if not cfg.get("enabled"):
        return None
    from .conflicts import _same_area, _where
    by_id = {m.get("id"): m for m in mentions}
    feats: dict = {}
    threshold = pair_thresholds()[0] + float(cfg.get("min_score_above", 0.0))
    coarse = frozenset(config()["conflicts"].get("coarse_place_kinds") or ()) \
        | frozenset(cfg.get("more_coarse_place_kinds") or ())
    actor_types = frozenset(cfg.get("actor_types") or ("person",))
    kind = lambda x: (ents.by_id.get(x) or {}).get("type")  # noqa: E731
    day = float(cfg.get("day_max_hours", 30)) * 3600
    apart = float(cfg.get("days_apart_max_hours", cfg.get("day_max_hours", 30))) * 3600
    min_gap = float(cfg.get("days_apart_min_gap_hours", 24)) * 3600    # a night apart is one departure's two tellings
    anchors_all = tuple(cfg.get("anchors") or ("actor", "key_place", "place", "day"))
    by_field = cfg.get("anchors_by_field") or {}

    doers = (config()["conflicts"].get("doers") or {}).get("enabled")
    place_anchors = frozenset(cfg.get("place_anchors") or ("key_place", "place", "finest_place"))

    def _no_doer(x, m) -> bool:
        """A person its sentence names only as a group's head or as victims ("ميليشيات صالح") is no anchor."""
        if not doers or docs is None:
            return False
        from .conflicts import not_doer
        text = (docs.get(m.get("doc")) or {}).get("text") or ""
        return not_doer(ents, x, m.get("doc"), text, (m.get("start"), m.get("end")))

    def feat(m):
        k = m.get("id")
        if k not in feats:
            feats[k] = _features(m, story_of)
        return feats[k]

    ccfg = cfg.get("counts") or {}
    count_fields = frozenset(ccfg.get("fields") or ()) if ccfg.get("enabled") else frozenset()
    series_min = int(ccfg.get("series_shared_figures", 1))
    hit_roles = tuple(ccfg.get("hit_roles") or ("patient", "target"))
    max_ratio = float(ccfg.get("max_ratio") or 0)
    own_anchor_fields = frozenset(cfg.get("own_actor_anchor_fields") or ())
    one_doc_apart = frozenset(cfg.get("one_document_apart_fields") or ())
    unconfirmed_fields = frozenset(cfg.get("unconfirmed_fields") or ())
    fight_fields = frozenset(cfg.get("fight_fields") or ())
    finest_fields = frozenset(cfg.get("finest_place_fields") or ())
    from .values import count_unit, fight, means_told, reference_places, unconfirmed
    happening_units = frozenset((vconfig().get("counts") or {}).get("happening_units") or ())
    means_apart = bool(ccfg.get("means_apart"))
    deictic_apart = float(cfg.get("deictic_apart_days") or 0)
    deictic_words = {normalize(w).lower() for ws in (vconfig().get("deictic_days") or {}).values() for w in ws}
    weekday_words = {normalize(w).lower() for w in vconfig().get("weekdays") or ()}
    retro_days = float(ccfg.get("retrospective_days") or 0)
    reference_anchors = bool(cfg.get("reference_not_anchor"))
    retro_fields = count_fields
    doers_apart = bool(ccfg.get("doers_apart"))
    parties_fields = frozenset(cfg.get("parties_named_fields") or ())
    heads = {normalize(w) for w in (vconfig().get("doers") or {}).get("group_heads") or ()}

    def sentence(m) -> str:
        from .conflicts import _sentence         # conflicts imports this module
        return _sentence(m, docs or {})

    def finest(f, m=None) -> frozenset:
        """The finest places a mention's sentence and place fields name (a town, not the province that holds it
        when both are named), by normalised name; not a distance's reference point ("57 كم شمال شرقي بغداد")."""
        fine = _where((frozenset(), _resolved(f["places"] | f["kplaces"]), _resolved(f["ctx"])), ents, coarse)[0]
        es = [ents.by_id[x] for x in fine if x in ents.by_id]
        if m is not None:
            ref = reference_places(sentence(m))
            es = [e for e in es if _place_word(e.get("name_ar") or e.get("name_en") or e.get("id")) not in ref]
        keep = [e for e in es if not any(contains(e, o) for o in es if o is not e)]
        return frozenset(_place_word(e.get("name_ar") or e.get("name_en") or e.get("id")) for e in keep)

    def published_apart(a, b) -> float:
        """Days between the two mentions' reports' publication days, else their crawl days, as the corpus
        stage dates a document (blocks.doc_day; 0 where one is unknown)."""
        from ..blocks import doc_day         # blocks imports this module
        da, db = (doc_day((docs or {}).get(m.get("doc")) or {}) for m in (a, b))
        return float(abs(da - db)) if da is not None and db is not None else 0.0

    def words(m) -> set:
        return set(re.findall(r"\w+", normalize(sentence(m)).lower()))

    def deictic(m) -> bool:
        return bool(deictic_words & words(m))

    def weekdays(m) -> frozenset:
        return frozenset(weekday_words & words(m))

    def not_reference(places: frozenset, m) -> frozenset:
        """A side's places but those its sentence names only as a distance's reference point ("غربي كركوك 250 كم
        شمال بغداد": Baghdad is where the distance is measured from, not where it happened), as for finest places;
        all of them with ``reference_anchors`` off."""
        if not reference_anchors or not places:
            return places
        ref = reference_places(sentence(m))
        if not ref:
            return places
        return frozenset(x for x in places if x not in ents.by_id or _place_word(
            ents.by_id[x].get("name_ar") or ents.by_id[x].get("name_en") or x) not in ref)

    def places_told(f, m) -> frozenset:
        """The places a side's sentence names by a head noun, else its finest places."""
        return headed_places(sentence(m)) or finest(f, m)

    def _count_anchor(a, b, fa, fb):
        """The two sides of a count disagreement, the same happening only on an anchor of its own
        (``same_happening.counts``): a toll of a series ("في مواجهات", "in clashes": values.yaml
        counts.series) is one report period's, the same only where both sentences tell another figure
        alike (21 Houthis killed and 36 wounded in both: one report of one day's fighting); those whose
        sentences name places finer than a country are the same only where their finest places meet by
        name (Qasr al-Burayj is not "Aleppo province"); whom one side counts as hit the other names as the
        doer (a patrol of the Houthis attacked, the Houthis' shelling) tells two happenings. None: the
        usual anchors decide."""
        hit = lambda f: _resolved(set().union(*(set(f["roles"].get(r, ())) for r in hit_roles)))  # noqa: E731
        if (fa["doers"] & hit(fb)) or (fb["doers"] & hit(fa)):
            return False
        if doers_apart and fa["own_doers"] and fb["own_doers"] and not fa["own_doers"] & fb["own_doers"] \
                and not named_in(fa, b, fb, a) and not named_in(fb, a, fa, b):
            # each side names its own doer, and neither names the other's: two happenings (a rocket of Islamist
            # factions on a house in Aleppo city against regime air strikes on the province)
            return False
        if means_apart:
            ma, mb = means_told(sentence(a)), means_told(sentence(b))
            if ma and mb and not ma & mb:
                return False    # landmines that killed 9 against the shelling that killed 5: two happenings
        own = {_amount_value(x) for x in (fa["amount"], fb["amount"]) if x is not None}
        # another figure told alike, of people: "three attacks" in both sentences tells no one report's toll
        alike = {n for n in (fa["numbers"] & fb["numbers"]) - own
                 if not any(count_unit(sentence(m), int(n)) in happening_units for m in (a, b))}
        shared = len(alike) >= series_min
        vals = sorted(int(v) for v in own if v is not None)
        x, y = fa["interval"], fb["interval"]
        same_day = bool(x and y and timeiv.width(x) <= day and timeiv.width(y) <= day and timeiv.overlaps(x, y))
        if max_ratio and len(vals) == 2 and vals[0] > 0 and vals[1] / vals[0] >= max_ratio and not shared \
                and not same_day:
            # figures of different magnitude with no other figure told alike nor one day told by both: a toll of a
            # month, a city, a campaign against one happening's (11 executed near Mosul, "more than 2000" in Mosul)
            return False
        if series(sentence(a)) or series(sentence(b)):
            return "figures" if shared else False
        pa, pb = places_told(fa, a), places_told(fb, b)
        if pa and pb:
            return "finest_place" if pa & pb else False
        return None

    def stems(text: str) -> list[str]:
        """A text's words with a proclitic and a plural or relative ending off ("الحوثيين", "الحوثي" -> "حوث")."""
        out = []
        for w in re.sub(r"[^\w\s]", " ", normalize(text)).split():
            for pre in ("وال", "بال", "فال", "لل", "ال"):
                if w.startswith(pre) and len(w) - len(pre) >= 3:
                    w = w[len(pre):]
                    break
            for suf in ("يين", "يون", "ين", "ون", "ات", "يه", "ي"):
                if w.endswith(suf) and len(w) - len(suf) >= 3:
                    w = w[:-len(suf)]
                    break
            out.append(w)
        return out

    def named_in(fa, b, fb, a=None) -> bool:
        """Is one of a mention's doers named in another mention's sentence (a resolved entity of it, or a doer's
        name, resolved, an alias or as written in `a`'s sentence, in its words, a clitic and a plural ending off:
        "الحوثيين" in one, "ميليشيات الحوثي" in the other)?"""
        if fa["doers"] & _resolved(fb["ctx"]):
            return True
        words = " " + " ".join(stems(sentence(b))) + " "
        told = {p.get("entity"): p.get("text") for p in (a or {}).get("participants") or [] if p.get("text")}
        for x in fa["roles"].get("agent", ()):
            e = ents.by_id.get(x) if isinstance(x, str) else None
            names = [e.get("name_ar"), e.get("name_en"), *(e.get("aliases") or ())] if e else \
                [str(x)[4:]] if str(x).startswith("raw:") else []
            names.append(told.get(x))
            for name in names:
                toks = normalize(name or "").split()
                while len(toks) > 1 and toks[0] in heads:       # "ميليشيات الحوثي": the group is "الحوثي"
                    toks = toks[1:]
                name = " ".join(stems(" ".join(toks)))
                if len(name) >= 3 and " " + name + " " in words:
                    return True
        return False

    place_days = cfg.get("place_anchor_max_days")
    other_matter_on = bool(cfg.get("other_matter"))
    from .values import other_matter

    def judge(ia, ib, field) -> str | bool:
        """The anchor the two mentions share (a true string), True where either is unknown, else False. An anchor
        that is only a place (``place_anchors``) holds for reports published at most ``place_anchor_max_days``
        apart, unless both sides tell one day: over a longer span one area sees several happenings of one kind (two
        ambushes in one province, a force's advances towards two cities), one only if they share a participant, a
        day or a figure alike."""
        told = _judge(ia, ib, field)
        if field == "time" or told not in place_anchors:
            return told
        a, b = by_id[ia], by_id[ib]
        if other_matter_on and (other_matter(sentence(a)) or other_matter(sentence(b))):
            # a side told as another matter ("وفي سياق آخر، ..."): an item of its own, which a place alone does not
            # make the happening another report tells (a patrol attacked east of Taiz, hills taken in Taiz)
            return False
        if place_days is None:
            return told
        if published_apart(a, b) <= float(place_days):
            return told
        x, y = feat(a)["interval"], feat(b)["interval"]
        if x and y and timeiv.width(x) <= day and timeiv.width(y) <= day and timeiv.overlaps(x, y):
            return told
        return False

    def _judge(ia, ib, field) -> str | bool:
        a, b = by_id.get(ia), by_id.get(ib)
        if a is None or b is None:
            return True
        fa, fb = feat(a), feat(b)
        if not _pair_ok(a, b, fa, fb, same_place) or _pair_score(a, b, fa, fb) < threshold:
            return False
        if cfg.get("days_apart") and field != "time":
            # both told to the day, on days apart: two happenings (a province's fighting of two days)
            x, y = fa["interval"], fb["interval"]
            if x and y and timeiv.width(x) <= apart and timeiv.width(y) <= apart and timeiv.gap(x, y) >= min_gap:
                return False
        if field in one_doc_apart and a.get("doc") == b.get("doc"):
            # one report on both sides of "did it happen": one account, not two (a report that tells a rumour
            # and its denial by its own sources)
            return False
        if field in unconfirmed_fields and (unconfirmed(sentence(a)) or unconfirmed(sentence(b))):
            return False        # "رفضت تأكيد أو نفي": neither asserted nor denied
        if field in fight_fields and (fight(a.get("trigger")) or fight(b.get("trigger"))):
            # a fight ("معارك الزبداني", "clashes"): each party named as its doer is one of its sides, a participant,
            # not a rival account of who did it
            return False
        if field != "time" and deictic_apart and published_apart(a, b) >= deictic_apart \
                and ((deictic(a) and deictic(b)) or (weekdays(a) and weekdays(b) and not weekdays(a) & weekdays(b))):
            # both told "yesterday" / "today" of their own reports, or on different weekdays ("أمس الخميس", "الأحد"),
            # in reports published days apart: two days' happenings
            return False
        if field in retro_fields and retro_days and published_apart(a, b) >= retro_days:
            # a toll told again weeks later ("التي وقعت في 20 يوليو الماضي ... مقتل 32") is the final one: it
            # revises the first day's, no rival account
            return False
        if field in finest_fields:
            pa, pb = places_told(fa, a), places_told(fb, b)
            if pa and pb and not pa & pb:
                return False    # finest places apart: an air strike in Juwayba, an operation in Husayba
        if field in parties_fields and (named_in(fa, b, fb, a) or named_in(fb, a, fa, b)):
            # the doer one side names is named in the other's sentence too ("مقاتلي الحوثي الذين يخوضون معارك ضد
            # المقاومة"): two parties of one fight, or two happenings, each told with its own doer; not rivals
            return False
        if field in count_fields:
            told = _count_anchor(a, b, fa, fb)
            if told is not None:
                return told
        anchors = by_field.get(f"{a.get('type')}.{field}") or by_field.get(f"{a.get('class')}.{field}") \
            or by_field.get(field, anchors_all)
        own_actors = _resolved(fa["actors"] - fa["not_own"]) & _resolved(fb["actors"] - fb["not_own"]) \
            if field in own_anchor_fields else _resolved(fa["actors"]) & _resolved(fb["actors"])
        if "actor" in anchors and any(kind(x) in actor_types and not _no_doer(x, a) and not _no_doer(x, b)
                                      for x in own_actors):
            return "actor"
        if "key_place" in anchors:
            ka = not_reference(_where((frozenset(), _resolved(fa["kplaces"]), frozenset()), ents, coarse)[0], a)
            kb = not_reference(_where((frozenset(), _resolved(fb["kplaces"]), frozenset()), ents, coarse)[0], b)
            if ka and kb and _same_area(ka, kb, ents):
                return "key_place"
        if "place" in anchors:
            pa = not_reference(_where((frozenset(), _resolved(fa["places"]), _resolved(fa["ctx"])), ents, coarse)[0], a)
            pb = not_reference(_where((frozenset(), _resolved(fb["places"]), _resolved(fb["ctx"])), ents, coarse)[0], b)
            if pa and pb and _same_area(pa, pb, ents):
                return "place"
        if "entity" in anchors:
            # any entity both sentences name but a coarse place (a country): the unit a victim served in
            shared = _resolved(fa["ctx"] | fa["places"]) & _resolved(fb["ctx"] | fb["places"])
            if any(kind(x) != "place" or _where((frozenset(), frozenset([x]), frozenset()), ents, coarse)[0]
                   for x in shared):
                return "entity"
        if "day" in anchors and field != "time":
            x, y = fa["interval"], fb["interval"]
            if x and y and timeiv.width(x) <= day and timeiv.width(y) <= day and timeiv.overlaps(x, y):
                return "day"
        return False
    return judge


def _ties(mentions: list[dict], feats: list[dict] | None = None) -> dict:
    """mention id -> (resolved main actors and key places, resolved places, entities its sentence names):
    what tells that two mentions are of one happening, for the sides of a contradiction. ``feats``: each
    mention's ``_features``, made already."""
    out = {}
    for n, m in enumerate(mentions):
        f = feats[n] if feats is not None else _features(m)
        out[m.get("id")] = (_resolved(f["keys"]), _resolved(f["places"]), _resolved(f["ctx"]))
    return out


def story_of_documents(documents: list[dict]) -> dict[str, int]:
    """Document id -> the number of its story (documents that report one story)."""
    from .stories import story_clusters
    return {d: n for n, c in enumerate(story_clusters(documents, use_encoder=False)) for d in c}


def _written(ev: dict, ents: Entities) -> dict:
    _as_written(ev, ents)
    return ev


def _as_written(ev: dict, ents: Entities) -> None:
    """Unresolved values were compared in normalised form ("raw:السفاره"); the event
    shows them as first written ("raw:السفارة")."""
    def w(v):
        return "raw:" + ents.surface[v] if isinstance(v, str) and v in ents.surface else v
    for f in ("origin", "destination", "place", "means"):
        ev[f] = w(ev.get(f))
    ev["via"] = [w(v) for v in ev.get("via") or []]
    for p in ev.get("participants") or []:
        p["entity"] = w(p.get("entity"))
    for m in ev.get("mentions") or []:      # each mention's own values, as written too
        m["values"] = {k: (w(v) if isinstance(v, str) else [w(x) for x in v] if isinstance(v, list) else v)
                       for k, v in (m.get("values") or {}).items()}


def _doc_routes(mentions: list[dict], feats: list[dict] | None = None) -> dict:
    """mention id -> places (origin, via, destination) of all mentions of the same
    document, type group and key participants: the legs of one route, told apart. ``feats``: each
    mention's ``_features``, made already."""
    groups = defaultdict(list)
    for n, m in enumerate(mentions):
        f = feats[n] if feats is not None else _features(m)
        for k in f["keys"]:
            groups[(m.get("doc"), m.get("class"), f["group"], k)].append(m)
    out = defaultdict(set)
    for ms in groups.values():
        if len(ms) < 2:
            continue
        places = set()
        for m in ms:
            places.update(x for x in [_ent(m.get("origin")), _ent(m.get("destination"))] + list(m.get("via") or [])
                          if x is not None)
        for m in ms:
            out[m.get("id")].update(places)
    return {k: sorted(v, key=str) for k, v in out.items()}


def canonical_mentions(mentions: list[dict], ents: Entities, docs: dict[str, dict], memo: bool = False) -> list[dict]:
    """The mentions as the clustering reads them: values mapped to entities or normalised spellings,
    the words of each mention's sentence (``words``: how alike two mentions' sentences are), and each
    agent marked ``own`` false where it is not the happening's doer (told in another clause, or a news
    outlet: values.yaml agent_clause).

    ``memo`` (the corpus stage): what each mention reads from its document's text alone (``_text_reads``:
    its sentence's words and counts, its trigger's window, whether each agent is told in the trigger's
    clause, whether its doers are possessors, whether its figure is its own) is taken from the on-disk cache
    (``riwaya.cache``), keyed by the document and the offsets and words it reads, and made only for the
    mentions not seen before; what it reads of the entities is read again on every call. The same mentions
    as without."""
    out = []
    read: dict = {}     # (document, start, end) -> its sentence's words and counts: one sentence, many triggers
    texts = [(docs.get(m.get("doc")) or {}).get("text") or "" for m in mentions]
    doc_words: dict = {}    # document -> the words of its text (pair feature doc_copy), once per document
    reads = _memo_text_reads(mentions, texts) if memo else None
    for n, m in enumerate(mentions):
        c = _canonical(m, ents)
        text = texts[n]
        if reads is not None:
            r = reads[n]
        else:
            sentence = (m.get("doc"), m.get("start"), m.get("end"))
            r = read.get(sentence)
            if r is None:
                r = read[sentence] = {"words": _sentence_words(m, docs), "numbers": _sentence_numbers(m, docs)}
            r = {**r, **_text_reads(m, text, words=False)}
        c["words"] = r["words"]
        c["window"] = r["window"]
        if text and c.get("type") in _object_types():
            # what an order, a request, an announcement or a promise is about: the words of the clause after its
            # trigger (events.object_apart; _objects_apart)
            c["object"] = object_words(m, text)
        if not m.get("time") and m.get("narrative_time") and _context_time():
            # the narrative's time before its sentence (corpus._narrative_time): context for the pair score only
            c["ctx_time"] = timeiv.interval(m["narrative_time"])
        if text and _explicit_rule() is not None and isinstance(m.get("time"), dict) \
                and isinstance(m.get("start"), int) and isinstance(m.get("end"), int):
            # whether its time is told in its own sentence, not carried from another one (_explicit_day; only
            # read when events.days_apart.explicit is on)
            c["time_own"] = (m["time"].get("text") or "") in text[m["start"]:m["end"]]
        if text and _doc_copy_min() is not None:
            if m.get("doc") not in doc_words:
                doc_words[m.get("doc")] = _text_words(text)
            c["doc_words"] = doc_words[m.get("doc")]
        if text and isinstance(m.get("trigger_start"), int):
            c["lead"] = m["trigger_start"] / len(text)     # how far into its report: a lead tells the main happening
        if text and _qualified(m, text):
            c["qualified"] = True       # «حادث مروري»: a generic word told as a mishap (events.generic_words)
        if text:
            own = r["own"]
            c["participants"] = [{**p, "own": False} if (p.get("role") or "agent") == "agent" and not _own_agent_read(
                p, p["entity"], m, text, ents, own[k]) else p for k, p in enumerate(c["participants"])]
            # every doer named as the possessor of the one who acts ("ابنا عم الوزير فرا"): the mention tells
            # his kin's happening, and gives this one no values (values.yaml possessor_ties)
            if r["of_kin"]:
                c["of_kin"] = True
            if m.get("amount") is not None and not r["own_amount"]:
                c["amount"] = None      # a figure of another clause ("killed 3, and 7 others were hurt")
        if text and _ordinal_rule() is not None:
            q = happening_ordinals(m, text)      # «الحادثة الأولى», "the latest attack" (events.ordinals_apart)
            if q:
                c["ordinals"] = sorted(q)
        if c.get("class") in ((_sides_rule() or {}).get("classes") or ()):
            # whom the harm befell and who did it, by side (events.sides_apart): soldiers, militants, civilians
            s_, e_ = m.get("start"), m.get("end")
            victims, doers = harm_sides(c, ents, text[s_:e_] if text and isinstance(s_, int)
                                        and isinstance(e_, int) else None)
            if victims:
                c["victim_sides"] = sorted(victims)
            if doers:
                c["doer_sides"] = sorted(doers)
        # the places finer than a country its sentence names and the counts it tells: what tells a happening
        # told without its main actor (pair features fine_place_*, numbers_*)
        c["fine_places"] = _fine_places(c, ents)
        told = _sentence_places(c, ents)
        if told:
            c["sentence_places"] = told
        c["numbers"] = list(r["numbers"])
        if _type_group(c.get("type") or "") in _party_groups():
            # the people and organisations a meeting's sentence names (_features: its party)
            c["party"] = sorted({e for e in c.get("context") or () if _is_actor(e, ents)})
        out.append(c)
    _mark_specific(out)
    _mark_first(out)
    _link_actors(out, ents)
    return out


def _text_reads(m: dict, text: str, words: bool = True) -> dict:
    """What ``canonical_mentions`` reads of mention ``m`` (as stored) from its document's text alone, nothing of
    the entities: its sentence's words and counts (``words``), its trigger's window, for each of its
    participants (dicts, in order) whether it is its own doer in the trigger's clause with no other actor
    named between them (``own``: ``own_agent`` with ``actors_between`` false; None where no agent or
    offsets unknown), whether its doers are all possessors (``of_kin``) and whether its figure is told in
    the trigger's clause (``own_amount``)."""
    docs = {m.get("doc"): {"text": text}}
    out: dict = {"window": _trigger_window(m, docs)}
    if words:
        out["words"], out["numbers"] = _sentence_words(m, docs), _sentence_numbers(m, docs)
    parts = [p for p in (m.get("participants") or []) if isinstance(p, dict)]
    ts, te = m.get("trigger_start"), m.get("trigger_end")
    own: list = []
    for p in parts:
        s, t = p.get("start"), p.get("end")
        if text and (p.get("role") or "agent") == "agent" and all(isinstance(x, int) for x in (ts, te, s, t)):
            own.append(own_agent(text, (ts, te), (s, t), False))
        else:
            own.append(None)
    out["own"] = own
    spans = [_told_at(p, m, text) for p in parts if (p.get("role") or "agent") == "agent"] if text else []
    out["of_kin"] = bool(spans) and all(sp is not None and possessed(text, sp) for sp in spans)
    out["own_amount"] = bool(text) and m.get("amount") is not None and _own_amount(m, text)
    return out


def _own_agent_read(p: dict, e, m: dict, text: str, ents: Entities, own0) -> bool:
    """Whether participant ``p`` is its own doer, given ``own0``, what ``own_agent`` gives with no other actor named
    between the agent and its trigger (``_text_reads``): with one named there, an agent is its own doer only
    where its span and the trigger's overlap (``own_agent``), so the entities' names are looked up only where
    that decides."""
    ent = (ents.by_id.get(e) if isinstance(e, str) else None) or {}
    if (ent.get("attrs") or {}).get("group") == "outlet":
        return False
    if own0 is None:
        return True
    if not own0:
        return False
    ts, te, s, t = m["trigger_start"], m["trigger_end"], p["start"], p["end"]
    if s < te and ts < t:
        return True
    return not _actor_named(_agent_gap(text, ts, te, s, t), ents, e)


TEXT_READS_VERSION = 1      # what _text_reads gives and reads (a change to either must change this)


@lru_cache(maxsize=1)
def _text_reads_tag() -> str:
    """The cache's tag: this version, the corpus stage's code and data (the reconciler's among them) and the
    time tagger's lexicon (``_count``'s number words)."""
    from ..corpus import CORPUS_VERSION
    from ..fingerprint import code_fingerprint
    return f"tr{TEXT_READS_VERSION}:{CORPUS_VERSION}:{code_fingerprint(['timex/lexicon.py', 'data/timex'], extra_env=None)}:"


def _text_reads_key(m: dict, text: str) -> str:
    """A mention's key for ``_text_reads``: its document (its id is a hash of its text) and the text's length,
    and every field of the mention those reads read."""
    parts = [[p.get("role"), p.get("text"), p.get("start"), p.get("end")]
             for p in (m.get("participants") or []) if isinstance(p, dict)]
    payload = json.dumps([m.get("doc"), len(text), m.get("start"), m.get("end"), m.get("trigger_start"),
                          m.get("trigger_end"), m.get("amount"), parts], ensure_ascii=False, default=str)
    return _text_reads_tag() + hashlib.sha1(payload.encode("utf-8")).hexdigest()


def _memo_text_reads(mentions: list[dict], texts: list[str]) -> list[dict]:
    """``_text_reads`` of each mention, from the on-disk cache where it was made before (one look-up for all of
    them), the others made (and cached). A damaged entry is a miss, as every cache error is."""
    from ..cache import KeyValue
    kv = KeyValue("text_reads")
    keys = [_text_reads_key(m, t) for m, t in zip(mentions, texts)]
    hit = kv.get_many(sorted(set(keys)))
    out: list[dict] = []
    new: dict[str, str] = {}
    made: dict[str, dict] = {}
    words: dict = {}        # one frozenset per distinct sentence's words, as without the memo
    for m, t, k in zip(mentions, texts, keys):
        r = made.get(k)
        if r is None:
            v = hit.get(k)
            try:
                w, num, win, own, kin, amt = json.loads(v)
                r = {"words": frozenset(w), "numbers": list(num), "window": frozenset(win), "own": list(own),
                     "of_kin": bool(kin), "own_amount": bool(amt)}
                if len(r["own"]) != sum(1 for p in (m.get("participants") or []) if isinstance(p, dict)):
                    raise ValueError
            except (TypeError, ValueError):
                r = _text_reads(m, t)
                new[k] = json.dumps([sorted(r["words"]), r["numbers"], sorted(r["window"]), r["own"], r["of_kin"],
                                     r["own_amount"]], ensure_ascii=False)
            r["words"] = words.setdefault(r["words"], r["words"])
            made[k] = r
        out.append(r)
    kv.put_many(new)
    return out


def _fine_places(m: dict, ents: Entities) -> list[str]:
    """The places a canonical mention names (its place fields and its sentence's entities) of a kind finer
    than ``conflicts.coarse_place_kinds`` (a town, a province: not a country, where a whole war is told),
    as normalised names (two spellings resolved to two entities still meet)."""
    coarse = frozenset(config()["conflicts"].get("coarse_place_kinds") or ())
    out = set()
    for x in list(m.get("context") or ()) + [m.get(f) for f in ("place", "origin", "destination")]:
        e = ents.by_id.get(x) if isinstance(x, str) else None
        if e and e.get("type") == "place" and (e.get("attrs") or {}).get("kind") not in coarse:
            out.add(ents._norm(e.get("name_ar") or e.get("name_en") or x))
    return sorted(out)


def _sentence_places(m: dict, ents: Entities) -> list[str]:
    """recon33 (``events.located_places.sentence``: a list of classes): for a mention of those classes told with no
    place of its own, the places finer than ``conflicts.coarse_place_kinds`` its sentence names, that the
    knowledge base locates: where the sentence says it happened («أما في قيفة رداع بالبيضاء فقد قتل ثمانية»),
    compared as its key places at the pair gate and the cluster join (``_told_places``)."""
    rule = config()["events"].get("located_places")
    classes = (rule.get("sentence") if isinstance(rule, dict) else None) or ()
    if m.get("class") not in classes or m.get("place") or any(
            (p.get("role") or "") == "place" for p in m.get("participants") or ()):
        return []
    coarse = frozenset(config()["conflicts"].get("coarse_place_kinds") or ())
    return sorted(x for x in m.get("context") or () if isinstance(x, str) and (e := ents.by_id.get(x))
                  and e.get("type") == "place" and e.get("coordinates")
                  and ((e.get("attrs") or {}).get("kind") or "") not in coarse)


def _sentence_numbers(m: dict, docs: dict[str, dict]) -> list[str]:
    """The counts the mention's sentence tells, as digits ("14 جنديا", "عشرة جنود"): 2 to
    ``events.max_sentence_number`` (not a year, not "one")."""
    text = (docs.get(m.get("doc")) or {}).get("text") or ""
    s, e = m.get("start"), m.get("end")
    if not text or not isinstance(s, int) or not isinstance(e, int):
        return []
    top = config()["events"].get("max_sentence_number", 999)
    toks = text[s:e].translate(_DIGITS).replace("(", " ").replace(")", " ").split()
    out = set()
    for k in range(len(toks)):
        if not _may_count(toks[k]):
            continue
        v = _count(" ".join(toks[k:k + 2]))
        if v is not None and 2 <= int(v) <= top:
            out.add(v)
    return sorted(out)


def _mark_first(mentions: list[dict]) -> None:
    """Mark each mention ``first`` when no mention of its document and kind (class with polarity, type
    group; a generic one: its type) has an earlier trigger. A document's mentions of one kind are always
    reconciled together (one story, one block), so the mark does not depend on how the corpus is cut."""
    firsts: dict = {}
    for k, c in enumerate(mentions):
        if not isinstance(c.get("trigger_start"), int):
            continue
        kind = _kind_of(c)
        best = firsts.get(kind)
        if best is None or c["trigger_start"] < mentions[best]["trigger_start"]:
            firsts[kind] = k
    chosen = set(firsts.values())
    # how many triggers of its kind its document tells (pair features kind_few / kind_many): a report that tells
    # one kind of happening two or three times tells one happening, mostly the story's; one that tells it six
    # times or more tells several (the attack, earlier attacks, other fronts)
    told: dict = defaultdict(set)
    for c in mentions:
        if isinstance(c.get("trigger_start"), int):
            told[_kind_of(c)].add(c["trigger_start"])
    for k, c in enumerate(mentions):
        if isinstance(c.get("trigger_start"), int):
            c["first"] = k in chosen
            c["kind_count"] = len(told[_kind_of(c)])


def _kind_of(c: dict) -> tuple:
    """A mention's document and kind as _mark_first counts them (class with polarity, type group; a generic
    one: its type)."""
    return (c.get("doc"), _cls(c), c.get("type") if c.get("type") in _generic_types()
            else _type_group(c.get("type") or ""))


def _raw_head(raw: str) -> str | None:
    """An unresolved actor's head: its first word of three letters or more, a proclitic off ("المتهم"
    of "المتهم والذي اقر") and an indefinite accusative's final alif off ("حاجزا" / "حاجز"), as a value that
    two spans of one head share (``events.raw_actor_heads``): one description told shorter or longer is no clash
    of main actors. Marked raw, so it never counts as a known entity. Words of actor_families.yaml ``head_skip``
    (an English article: "the attackers" and "the police" are no one head) are passed over. A span that says
    "another" or "a second" (actor_families.yaml ``other``: "سفينة أخرى", "سفينة ثانية") tells another one of
    its head: its head is marked so, and meets only such spans, not "سفينة ببنغازي"."""
    fam = _actor_families()
    skip = fam["head_skip"]
    toks = raw[4:].split()
    for n, t in enumerate(toks):
        w = _strip_proclitic(t)
        if len(w) >= 3 and t not in skip and w not in skip:
            if len(w) >= 4 and w.endswith("ا") and not w.endswith("اا"):
                # the accusative's alif of an indefinite noun ("حاجزا للجيش" / "حاجز للجيش": one checkpoint)
                w = w[:-1]
            other = any(x in fam["other"] or _strip_proclitic(x) in fam["other"] for x in toks[n + 1:n + 3])
            return "raw:\x1fhead " + w + (" other" if other else "")
    return None


@lru_cache(maxsize=1)
def _actor_families() -> dict:
    """actor_families.yaml, normalised: ``family`` (a head word -> its family), ``containers`` and
    ``head_skip`` (sets of words)."""
    from riwaya.datafiles import yaml_load
    from .text import DATA
    raw = yaml_load((DATA / "actor_families.yaml").read_text("utf-8")) or {}

    def words(d):
        return {normalize(str(w)).strip() for ws in (d or {}).values() for w in ws or ()}
    family = {}
    for name, forms in (raw.get("families") or {}).items():
        for w in words(forms):
            family.setdefault(w, name)
    return {"family": family, "containers": frozenset(words(raw.get("containers"))),
            "head_skip": frozenset(words(raw.get("head_skip"))), "no_actor": frozenset(words(raw.get("no_actor"))),
            "things": frozenset(words(raw.get("things"))), "other": frozenset(words(raw.get("other")))}


def _vague_actor(x) -> bool:
    """Is an unresolved main actor one that tells no one (``events.vague_actors``, actor_families.yaml
    ``no_actor``): its first word, as written or with a proclitic off, a preposition of a misread phrase or
    a word of "another", an ordinal, a mere person."""
    return isinstance(x, str) and x.startswith("raw:") and bool(config()["events"].get("vague_actors")) \
        and _vague_span(x)


@lru_cache(maxsize=4096)
def _vague_span(x: str) -> bool:
    toks = x[4:].split()
    if not toks:
        return False
    stop = _actor_families()["no_actor"]
    once = _strip_proclitic(toks[0])
    # two proclitics off too: "ولظروف" (and for circumstances), "وبمسدس"
    return toks[0] in stop or once in stop or _strip_proclitic(once) in stop


@lru_cache(maxsize=4096)
def _raw_family(raw: str) -> str | None:
    """The family of an unresolved actor's head noun (``events.raw_actor_families``, actor_families.yaml):
    its first word of three letters or more that is no container ("قوات" of "القوات المعارضة"), as written
    or with a proclitic off, as a value that two spans of one family share ("جنديين تركيين" / "ضابطي صف":
    military; "the gunmen" / "the attackers"). Marked raw, so it never counts as a known entity; None when
    the head is of no family."""
    fam = _actor_families()
    for t in raw[4:].split() if raw.startswith("raw:") else ():
        w = _strip_proclitic(t)
        if len(w) < 3 or t in fam["containers"] or w in fam["containers"]:
            continue
        name = fam["family"].get(t) or fam["family"].get(w)
        return "raw:\x1ffamily " + name if name else None
    return None


def _sides_rule() -> dict | None:
    """``events.sides_apart`` (kill29): the event classes whose mentions read the sides their harm befell and that
    did it (``classes``), and whether two mentions whose sides part them are kept apart at the pair gate
    (``pairs``) and at the cluster join (``joins``); null: off."""
    return config()["events"].get("sides_apart")


# how many first words of an unresolved participant's span are read for its side (_span_sides)
SIDE_WORDS = 4


@lru_cache(maxsize=1)
def _sides() -> dict:
    """actor_families.yaml ``sides``, normalised and lower-cased: ``words`` (a word of a family or of a side's own
    list -> the side) and ``kinds`` (a knowledge-base organisation kind -> the side)."""
    from riwaya.datafiles import yaml_load
    from .text import DATA
    raw = yaml_load((DATA / "actor_families.yaml").read_text("utf-8")) or {}
    fams = raw.get("families") or {}
    words: dict = {}
    kinds: dict = {}
    for side, d in (raw.get("sides") or {}).items():
        forms = [w for f in d.get("families") or () for ws in (fams.get(f) or {}).values() for w in ws or ()]
        forms += [w for lang in ("ar", "en") for w in d.get(lang) or ()]
        for w in forms:
            words.setdefault(normalize(str(w)).strip().lower(), side)
        for k in d.get("org_kinds") or ():
            kinds[k] = side
    rivals = frozenset(side for side, d in (raw.get("sides") or {}).items() if d.get("rivals_within"))
    return {"words": words, "kinds": kinds, "rivals_within": rivals}


def _span_sides(v, ents: Entities) -> frozenset:
    """The sides a participant is of: an unresolved span by its words (as written or with a proclitic off) and
    the organisations named inside it ("16 عنصرا من القاعدة": an armed group), a resolved organisation by its
    knowledge-base kind; people and places by name tell none."""
    sd = _sides()
    e = ents.by_id.get(v) if isinstance(v, str) else None
    if e is not None:
        side = sd["kinds"].get(((e.get("attrs") or {}).get("kind") or "")) if e.get("type") == "organization" else None
        return frozenset([side]) if side else frozenset()
    if not isinstance(v, str):
        return frozenset()
    span = v[4:] if v.startswith("raw:") else normalize(v)
    out = set()
    # the span's first words tell whom it names ("ثلاثة من جنود القوات"); later ones may tell what it held or
    # belonged to ("ناقلة جنود مدرعة": a troop carrier, a thing struck)
    for t in span.lower().split()[:SIDE_WORDS]:
        w = _strip_proclitic(t)
        side = sd["words"].get(t) or sd["words"].get(w) or (
            sd["words"].get(w[:-1]) if len(w) >= 5 and w.endswith("ا") else None)    # "متمردا": an accusative
        if side:
            out.add(side)
    for eid in actor_names_within(span, ents):
        side = sd["kinds"].get((((ents.by_id.get(eid) or {}).get("attrs") or {}).get("kind") or ""))
        if side:
            out.add(side)
    return frozenset(out)


def harm_sides(c: dict, ents: Entities, sentence: str | None) -> tuple[frozenset, frozenset]:
    """The sides (actor_families.yaml ``sides``: security, fighters, civilians) a mention's harm befell (its
    patients and targets, and whom its own figure counts: values.count_group) and that did it (its agents told in
    the trigger's own clause)."""
    from .values import count_group
    victims: set = set()
    doers: set = set()
    for p in c.get("participants") or ():
        role = p.get("role") or "agent"
        if role in ("patient", "target"):
            victims |= _span_sides(p.get("entity"), ents)
        elif role == "agent" and p.get("own") is not False:
            doers |= _span_sides(p.get("entity"), ents)
    n = _amount_value(c.get("amount")) if c.get("amount") is not None else None
    if n and n.isdigit() and sentence:
        g = count_group(sentence, int(n))
        if g:
            victims.add(g)
    return frozenset(victims), frozenset(doers)


def _sides_apart(va: frozenset, da: frozenset, vb: frozenset, db: frozenset) -> bool:
    """Are two harms two happenings by the sides they befell and that did them (``events.sides_apart``)? Where
    both tell whom it befell and no side is common (soldiers killed against militants killed), or where one
    tells only who did it and they are all of the side the other's harm befell, that harm not done by its own
    side (the army's operation against the ambush that killed its soldiers: a reprisal, not the ambush); not for a
    side whose parties fight each other (``rivals_within``: armed groups)."""
    if va and vb and not (va & vb):
        return True
    rivals = _sides()["rivals_within"]
    for v1, d1, v2, d2 in ((va, da, vb, db), (vb, db, va, da)):
        if v1 and not v2 and d2 and d2 <= v1 and not (v1 & d1) and not (d2 & rivals):
            return True
    return False


def _ordinal_rule() -> dict | None:
    """``events.ordinals_apart`` (ord31): whether two mentions whose triggers carry ordinals of two classes that
    ordinals.yaml ``apart`` pairs (first / second, first / new) are kept apart at the pair gate (``pairs``) and
    at the cluster join (``joins``, over every ordinal each cluster's members carry); null: off, none read."""
    return config()["events"].get("ordinals_apart")


@lru_cache(maxsize=1)
def _ordinal_words() -> dict:
    """ordinals.yaml, normalised: ``after`` and ``before`` (language -> word -> class), ``apart`` (pairs of
    classes, as frozensets), ``blockers`` and ``not_between`` (language -> words), ``block_words``."""
    from riwaya.datafiles import yaml_load
    from .text import DATA
    raw = yaml_load((DATA / "ordinals.yaml").read_text("utf-8")) or {}
    side: dict = {"after": defaultdict(dict), "before": defaultdict(dict)}
    for name, where in (raw.get("classes") or {}).items():
        for pos in ("after", "before"):
            for lang, ws in ((where or {}).get(pos) or {}).items():
                for w in ws or ():
                    side[pos][lang][normalize(str(w)).strip()] = name

    def words(d):
        return {lang: frozenset(normalize(str(w)).strip() for w in ws or ()) for lang, ws in (d or {}).items()}
    return {"after": dict(side["after"]), "before": dict(side["before"]),
            "apart": frozenset(frozenset(p) for p in raw.get("apart") or () if len(p) == 2),
            "blockers": words(raw.get("blockers")), "not_between": words(raw.get("not_between")),
            "block_words": int(raw.get("block_words", 4)), "ranks": frozenset(raw.get("ranks") or ()),
            "bounds": words(raw.get("bounds")), "bound_proclitics": words(raw.get("bound_proclitics")),
            "not_genitive": words(raw.get("not_genitive")), "feminine": words(raw.get("feminine"))}


_NEXT_WORD = re.compile(r"\w*[ \t\u00a0]+(\w+)")     # the rest of the trigger's word, a space, the next word
_PREV_WORDS = re.compile(r"(?:(\w+)[ \t\u00a0]+)?(\w+)[ \t\u00a0]+\w*$")


def happening_ordinals(m: dict, text: str) -> frozenset:
    """The ordinal and recency classes a mention's trigger carries (ordinals.yaml): the word right after it,
    agreeing with it in the article («الحادثة الأولى», «هجوم جديد»), or right before it ("the latest attack"; one
    word may stand between, "the second suicide attack"; ordinals.yaml gives Arabic no such words), with nothing but
    a space between (no comma, no line's end). None where a record is told ("the first attack of its kind", «منذ»:
    ordinals.yaml blockers); no rank where what follows bounds it (``_bounded``: "the first attack on the capital")."""
    ts, te = m.get("trigger_start"), m.get("trigger_end")
    if not isinstance(ts, int) or not isinstance(te, int) or not 0 <= ts < te <= len(text):
        return frozenset()
    W = _ordinal_words()
    lang = "en" if script_lang(text[ts:te]) == "en" else "ar"
    nxt = tokens(text[te:te + 80])[:W["block_words"]]
    blockers = W["blockers"].get(lang, frozenset())
    if any(w in blockers or _strip_proclitic(w) in blockers for w in nxt):
        return frozenset()
    out = set()
    ws_, we_ = _word_at(text, ts, te)
    word = text[ws_:we_]
    after = _NEXT_WORD.match(text, te, min(len(text), te + 40))
    if after:
        q = (W["after"].get(lang) or {}).get(normalize(after.group(1)))
        # an Arabic adjective agrees with its noun in the article: «تعزير الأول» (sentencing the first one) is a
        # noun and its object, «الحادثة الأولى» and «هجوم جديد» a noun and its qualifier
        if q and (lang != "ar" or _arabic_definite(word) == normalize(after.group(1)).startswith("ال")) \
                and not (q in W["ranks"] and _bounded(text, after.end(), lang)):
            out.add(q)
        elif lang == "ar" and (_ordinal_rule() or {}).get("construct"):
            out |= _construct_ordinal(text, word, after, W)
    before = _PREV_WORDS.search(text[max(0, ts - 60):ts])     # a proclitic before the trigger ("و") passed over
    if before and lang == "ar" and (text[ts - 1:ts].isalnum() or _arabic_definite(word)):
        before = None   # «أول هجوم»: a bare noun right after; «شخص آخر لإصابة» is another person, not the latest
    if before:
        ws = W["before"].get(lang) or {}
        near, far = normalize(before.group(2)), normalize(before.group(1) or "")
        q = ws.get(near) or (ws.get(far) if lang == "en" and near.isalpha()
                             and near not in W["not_between"].get(lang, ()) else None)
        if q and not (q in W["ranks"] and _bounded(text, we_, lang)):
            out.add(q)
    return frozenset(out)


def _construct_ordinal(text: str, word: str, genitive, W: dict) -> set:
    """recon33: the qualifier of an Arabic trigger that heads a construct, read past its genitive («حادثة التسمم
    الأولى»: the first poisoning incident; ``events.ordinals_apart.construct``). The head is in the construct state
    (no article, no pronoun: ``_arabic_definite`` false), its genitive one definite word that is no time
    (ordinals.yaml ``not_genitive``: «هجوم الأسبوع الماضي» tells a time), and the qualifier definite as the phrase is,
    with what ``happening_ordinals`` asks of a word right after the trigger (no rank bounded by what follows). The
    qualifier must agree in gender with the head and not with the genitive, or it may be the genitive's own («عزل
    الرئيس السابق», the former president; «ترحيلات الوادي الجديد», a place): a noun is feminine written with a final
    ة, a qualifier where ordinals.yaml lists it as ``feminine``."""
    g = normalize(genitive.group(1))
    if _arabic_definite(word) or not g.startswith("ال") or g in W["not_genitive"].get("ar", ()):
        return set()
    nxt = _NEXT_WORD.match(text, genitive.end(), min(len(text), genitive.end() + 40))
    if not nxt or not normalize(nxt.group(1)).startswith("ال"):
        return set()
    w = normalize(nxt.group(1))
    fem = w in W["feminine"].get("ar", ())
    if fem != _MARKS.sub("", word).endswith("ة") or fem == _MARKS.sub("", genitive.group(1)).endswith("ة"):
        return set()
    q = (W["after"].get("ar") or {}).get(w)
    return {q} if q and not (q in W["ranks"] and _bounded(text, nxt.end(), "ar")) else set()


def _bounded(text: str, end: int, lang: str) -> bool:
    """Is the word after a qualified phrase (ending at ``end``) one that bounds a rank (ordinals.yaml ``bounds``,
    ``bound_proclitics``): «أول هجوم في المدينة», "the first attack on the capital" tell a record, not which of
    the story's happenings it is?"""
    nxt = _NEXT_WORD.match(text, end, min(len(text), end + 40))
    if not nxt:
        return False
    W = _ordinal_words()
    w = normalize(nxt.group(1))
    return w in W["bounds"].get(lang, ()) or (len(w) > 3 and any(
        w.startswith(p) for p in W["bound_proclitics"].get(lang, ())))


# his, her, their (arabic.yaml object_pronouns); a final ه only after a letter that is not ة (a ة is no pronoun)
_PRONOUN_END = re.compile("(?:" + "|".join([r"[^\Wة]ه"] + [p for p in object_pronouns() if p != "ه"]) + ")$")


def _word_at(text: str, ts: int, te: int) -> tuple[int, int]:
    """The span of the whole word a trigger's span lies in (its proclitics and suffixes with it)."""
    s, e = ts, te
    while s > 0 and text[s - 1].isalnum():
        s -= 1
    while e < len(text) and text[e].isalnum():
        e += 1
    return s, e


def _arabic_definite(word: str) -> bool:
    """Is an Arabic noun, as written, definite: the article after at most two proclitics («والهجوم», «بالحادثة»,
    «للهجوم») or a possessive pronoun of the third person at its end («مواجهته», «زيارتها»)?"""
    w = _MARKS.sub("", word)
    return bool(re.match(r"^[وف]?[بك]?(?:ال|لل)", w)) or bool(_PRONOUN_END.search(w))


def _ordinals_apart(x, y) -> bool:
    """Do two sets of ordinal classes hold a pair that cannot qualify one happening (ordinals.yaml ``apart``)?"""
    if not x or not y:
        return False
    apart = _ordinal_words()["apart"]
    return any(frozenset((a, b)) in apart for a in x for b in y if a != b)


def _is_actor(e, ents: Entities) -> bool:
    return isinstance(e, str) and (ents.by_id.get(e) or {}).get("type") in _ACTOR_KINDS


def _link_actors(mentions: list[dict], ents: Entities) -> None:
    """Mark each unresolved participant with the entities it may be (``may_be``), so that a raw span and a
    resolved person are no clash of main actors when it may be that person: an entity whose name it
    holds ("لنظيف باستغلال منصبه"), or a person or organisation its document names whose name holds all
    of its words ("هادي", "الملك") or, with ``events.actor_links`` "document", any its document names
    (a role noun, "الرئيس", "المطلوب", that the document's coreference left unlinked). What a document
    names is read from the entities' mentions (``Entities.actors_by_doc``). A place named as a participant is marked ``place_actor``."""
    mode = config()["events"].get("actor_links", "names")
    # the people and organisations each document names, from the entities' mentions: what one call of
    # the reconciler holds of a document depends on how the corpus stage cut it into parts (an
    # incremental build reconciles only the parts new documents touch), the entities do not
    named = ents.actors_by_doc()
    short = _short_names(mentions, ents) if config()["events"].get("short_name_links") else {}
    for c in mentions:
        for p in c["participants"]:
            e = p["entity"]
            if isinstance(e, str) and (ents.by_id.get(e) or {}).get("type") == "place":
                p["place_actor"] = True     # see _features: a polity as an actor
            if e in short:
                p["may_be"] = short[e]      # a person told by a shorter form of another's name
            if mode == "none" or not (isinstance(e, str) and e.startswith("raw:")):
                continue
            words = [_strip_proclitic(t) for t in e[4:].split()]
            hits = actor_names_within(e[4:], ents)
            for x in named.get(c.get("doc"), ()):
                if mode == "document" or _words_of_name(set(words), ents.by_id[x]) \
                        or _words_of_name(set(e[4:].split()), ents.by_id[x]):
                    hits.add(x)
            if hits:
                p["may_be"] = tuple(sorted(hits))


def _short_names(mentions: list[dict], ents: Entities) -> dict[str, tuple]:
    """recon35 (``events.short_name_links``): the people the reconciler's mentions name, resolved, that the name
    resolver kept apart although one is told by a shorter form of the other's name: a person with no knowledge-base
    record whose name, given name first, is some words of another person's name that starts with the same given name
    («زينب» of «زينب الفاضل محمد حسين لباد», «سعد دوابشة» of «سعد محمد دوابشة»; two of one name alike). Person id ->
    the ids it may be, as an unresolved span may be a named one (``may_be``): no clash of main actors, and a link
    the pair score reads (``actors_linked``). Only among the people these mentions name, so that a part of the
    corpus stage reads nothing its fingerprint does not hold."""
    rule = config()["events"].get("short_name_links")
    rule = rule if isinstance(rule, dict) else {}
    people = sorted({p["entity"] for c in mentions for p in c.get("participants") or ()
                     if isinstance(p.get("entity"), str) and (ents.by_id.get(p["entity"]) or {}).get("type") == "person"})
    names = {x: _person_names(ents.by_id[x]) for x in people}
    by_given = defaultdict(set)     # given name -> the people with a name that begins with it
    for x in people:
        for n in names[x]:
            by_given[n[0]].add(x)
    out = {}
    for x in people:
        if ents.by_id[x].get("kb_id"):
            continue        # a known person is told apart by the knowledge base, not by a name's words
        short = [a for a in names[x] if len(a) <= rule.get("max_words", 9)]
        hits = tuple(sorted(y for a in short for y in by_given[a[0]] if y != x and any(
            b[0] == a[0] and set(a) <= set(b) for b in names[y])))
        hits = tuple(dict.fromkeys(hits))
        if hits and (not rule.get("unique") or len(hits) == 1):
            out[x] = hits
    return out


def _person_names(ent: dict) -> list[tuple]:
    """A person's names as words (normalised, a title off), those whose given name has three letters or more."""
    out = []
    for n in [ent.get("name_ar"), ent.get("name_en")] + list(ent.get("aliases") or []):
        toks = tuple(Entities._norm(n).split()) if n else ()
        if toks and len(toks[0]) >= 3 and toks not in out:
            out.append(toks)
    return out


def actor_names_within(raw: str, ents: Entities) -> set[str]:
    """The people and organisations whose name is some words of an unresolved participant's text, read
    as written and without proclitics. The corpus stage's fingerprints (``blocks.fingerprints``) hash
    what this gives, so a carried-over part is one whose participants would still link the same."""
    toks = raw.split()
    return set(_names_within(toks, ents)) | set(_names_within([_strip_proclitic(t) for t in toks], ents))


def _names_within(toks: list[str], ents: Entities):
    """The people and organisations whose name or alias is one to four consecutive words of ``toks``."""
    for n in range(1, 5):
        for i in range(len(toks) - n + 1):
            eid = ents.by_name.get(" ".join(toks[i:i + n]))
            if eid and _is_actor(eid, ents):
                yield eid


def _words_of_name(words: set, ent: dict) -> bool:
    """Are all of a span's words (at least one of three letters or more) in one of the entity's names?"""
    if not any(len(w) >= 3 for w in words):
        return False
    for n in [ent.get("name_ar"), ent.get("name_en")] + list(ent.get("aliases") or []):
        if n and words <= set(Entities._norm(n).split()):
            return True
    return False


def _sentence_words(m: dict, docs: dict[str, dict]) -> frozenset:
    """The content words of the mention's sentence, normalised, a proclitic and the article off (short
    words are mostly function words)."""
    text = (docs.get(m.get("doc")) or {}).get("text") or ""
    s, e = m.get("start"), m.get("end")
    if not text or not isinstance(s, int) or not isinstance(e, int):
        return frozenset()
    return frozenset(w for w in (_strip_proclitic(t) for t in tokens(text[s:e])) if len(w) > 3)


def _object_rule() -> dict:
    """``events.object_apart``: the types whose object is compared (``types``), how many words after the trigger
    are read (``words``), the fewest content words each side needs (``min_words``), the wordfreq Zipf frequency
    from which a word is a function word (``common_zipf``) and the most words (``max_shared``) and the largest
    share of words (Jaccard, ``max_jaccard``) two objects may have in common and still be two things; {} or
    absent: off."""
    return config()["events"].get("object_apart") or {}


@lru_cache(maxsize=1)
def _object_types() -> frozenset:
    return frozenset(_object_rule().get("types") or ())


def _object_min() -> int:
    return int(_object_rule().get("min_words", 2))


def _objects_apart(x: frozenset, y: frozenset) -> bool:
    """Are two mentions' objects (``object_words``) about different things: both hold ``min_words`` content words
    or more and share at most ``max_shared`` of them and at most ``max_jaccard`` of all (the cabinet's «قرر الموافقة
    على تعيين ...» and «قرر الموافقة على اتفاقية ...» of one session: one body, one day, two decisions, one formula
    word in common)."""
    n = _object_min()
    if len(x) < n or len(y) < n:
        return False
    if {w[:3] for w in x} != {w[:3] for w in y}:
        return False    # words of two languages (a report and its translation) cannot be compared word by word
    shared = len(x & y)
    return shared <= int(_object_rule().get("max_shared", 0)) \
        and shared / len(x | y) <= float(_object_rule().get("max_jaccard", 0.0))


_OBJECT_END = re.compile(r"[.!?؟؛:\n]")
_WORD = re.compile(r"\w+", re.UNICODE)
_MARKS = re.compile("[\u064b-\u065f\u0670\u0640]")    # harakat, the dagger alif, tatweel


@lru_cache(maxsize=1 << 16)
def _common_word(t: str, lang: str, zipf: float) -> bool:
    from wordfreq import zipf_frequency
    return zipf_frequency(t, lang) >= zipf


def object_words(m: dict, text: str) -> frozenset:
    """The content words of what a mention's trigger governs: the first ``events.object_apart.words`` words after
    it, inside its sentence, up to a clause's end (a full stop, a colon that opens a list's next item, a
    semicolon, a line's end; past a colon to the end of its line where the words before it are too few: «قرر
    مجلس الوزراء ما يلي: 1 - تجديد عضوية ...»), normalised and a proclitic off, of four letters or more, less the
    words common in the language (wordfreq Zipf ``common_zipf`` or more: على، التي، أن), those of its doers' and
    its time's spans and the trigger's own; each word written with its language («ar:تعيين»)."""
    rule = _object_rule()
    ts, te = m.get("trigger_start"), m.get("trigger_end")
    if not rule or not text or not isinstance(te, int):
        return frozenset()
    e = m.get("end") if isinstance(m.get("end"), int) and m.get("end") > te else len(text)
    if text[te:e].rstrip().endswith(":") or text[e:e + 4].lstrip().startswith(":"):
        e = len(text)       # a sentence cut at its colon: the colon's line is read (below)
    rest = text[te:min(e, te + 400)]
    cut = _OBJECT_END.search(rest)
    more = ""
    if cut:
        if cut.group() == ":":
            # «قرر مجلس الوزراء ما يلي: 1 - تجديد عضوية ...», «الموافقة على تعيين كل من: ...»: what the colon opens
            # (to the end of its first line) is the object where the words before it are too few
            after = rest[cut.end():].lstrip()      # the list's first item may open the next line
            nxt = _OBJECT_END.search(after)
            more = after[:nxt.start()] if nxt else after
        rest = rest[:cut.start()]
    lang = "en" if script_lang(rest or more) == "en" else "ar"
    skip = set()
    for p in m.get("participants") or ():
        if isinstance(p, dict) and (p.get("role") or "agent") in ("agent", "decider") \
                and isinstance(p.get("start"), int) and isinstance(p.get("end"), int):
            skip.update(_strip_proclitic(t) for t in tokens(text[p["start"]:p["end"]]))
    tm = m.get("time")
    if isinstance(tm, dict) and tm.get("text"):
        skip.update(_strip_proclitic(t) for t in tokens(tm["text"]))
    if isinstance(ts, int):
        skip.update(_strip_proclitic(t) for t in tokens(text[ts:te]))
    zipf = float(rule.get("common_zipf", 6.0))
    limit = int(rule.get("words", 10))

    def content(part: str, n: int) -> set:
        out = set()
        for t in _WORD.findall(_MARKS.sub("", part))[:n]:
            # how common a word is, read as written (wordfreq's list is not normalised: «على» is common, «علي» a name)
            w = _strip_proclitic(normalize(t).strip())
            if len(w) > 3 and w not in skip and not _common_word(t, lang, zipf):
                out.add(f"{lang}:{w}")      # the language kept: objects are compared within one language only
        return out
    out = content(rest, limit)
    if more and len(out) < _object_min():
        out |= content(more, max(limit - len(_WORD.findall(rest)), 0) or limit)
    return frozenset(out)


def _trigger_window(m: dict, docs: dict[str, dict]) -> frozenset:
    """The content words next to the trigger (``events.window_words`` on each side, inside its sentence),
    normalised, a proclitic off."""
    text = (docs.get(m.get("doc")) or {}).get("text") or ""
    ts, te = m.get("trigger_start"), m.get("trigger_end")
    if not text or not isinstance(ts, int) or not isinstance(te, int):
        return frozenset()
    s, e = m.get("start"), m.get("end")
    s = s if isinstance(s, int) else 0
    e = e if isinstance(e, int) else len(text)
    n = config()["events"].get("window_words", 4)
    near = tokens(text[max(s, ts - 200):ts])[-n:] + tokens(text[te:min(e, te + 200)])[:n]
    return frozenset(w for w in map(_strip_proclitic, near) if len(w) > 2)


@lru_cache(maxsize=1 << 17)     # every word of every mention's sentence comes here (about 500,000 at 7.8k articles)
def _strip_proclitic(t: str) -> str:
    for pre in _PROCLITICS:
        if t.startswith(pre) and len(t) - len(pre) >= 3:
            return t[len(pre):]
    return t


def _canonical(m: dict, ents: Entities) -> dict:
    """Unresolved values (raw strings) are mapped to an entity by name/alias when
    one matches, else to a normalised string, so that spellings meet."""
    def canon(v):
        v = _ent(v)
        if v is None or not isinstance(v, str) or v in ents.by_id:
            return v
        hit = ents.by_name.get(ents._norm(v))
        if hit:
            return hit
        key = "raw:" + ents._norm(v)
        ents.surface.setdefault(key, v.split(":", 1)[1] if v.startswith(("raw:", "name:")) else v)
        return key
    m = dict(m)
    for f in ("origin", "destination", "place", "means"):
        if isinstance(m.get(f), (str, dict)) and f != "means":
            m[f] = canon(m[f])
    m["via"] = [canon(v) for v in (m.get("via") or [])]
    m["participants"] = [{**p, "entity": canon(p)} for p in (m.get("participants") or []) if isinstance(p, dict)]
    return m


def _participants(members, evidence, cls) -> list[dict]:
    """The event's participants as a view of its mentions, never their union: each (entity, role)
    with the independent accounts that tell it; a role that identifies the happening (the class's key
    roles) keeps every filler, another role keeps the fillers that at least half of the accounts
    naming someone in that role agree on (one outlet's extra companion stays in `values`, not here)."""
    told: dict[tuple, set] = {}
    for m, ev in zip(members, evidence):
        for p in m.get("participants") or []:
            k = (_ent(p), p.get("role"))
            if k[0] is not None:
                told.setdefault(k, set()).add(ev["independent_account"])
    by_role: dict[str, set] = defaultdict(set)
    for (_e, role), accs in told.items():
        by_role[role] |= accs
    key = set(schema.key_roles().get(cls or "other", schema.key_roles()["other"]))
    out = []
    for (e, role), accs in told.items():
        if role in key or 2 * len(accs) >= len(by_role[role]):
            out.append({"entity": e, "role": role, "accounts": sorted(accs)})
    return out


def _event_id(members) -> str:
    return _hid("ev_", *sorted((m.get("id") or f"{m.get('doc')}:{m.get('start')}:{m.get('end')}") for m in members))


def _voices_only(attribution: dict | None) -> dict | None:
    """The attribution without the links that name no one who speaks (values.no_voice: a number word, a rumour,
    the verb of saying, an adverb of manner read as the voice; config independence.no_voice_words): such a link
    is no voice of the evidence's isnad, no account and no "according to"."""
    chain = (attribution or {}).get("chain") or []
    if not chain or not config()["independence"].get("no_voice_words"):
        return attribution
    keep = [link for link in chain if link.get("entity") or link.get("kind") not in ("named_source", "unnamed_source")
            or not no_voice(link.get("name"))]
    return attribution if len(keep) == len(chain) else {**attribution, "chain": keep}


def _printed_statements(evidence: list[dict], translations: dict | None = None, twins=None,
                        docs: dict | None = None) -> dict[int, str]:
    """The outlet's own (unattributed) evidence that is a quoted voice's, with accounts_by_voice (evidence index ->
    the voice's upstream key):
    - a document never disagrees with its translation (config independence.translation_one_account): an
      evidence in a paragraph that translates one attributed to a voice (the same document's other language, or
      the document it translates) is that voice's (Alhurra's Arabic "ومن ثم إلى موسكو قبل شروق الشمس" beside its
      English "... before dawn" told as NBC's);
    - an outlet printing one statement is one account (independence.one_statement_one_account): in a document
      whose evidence of the event quotes one named voice only, the outlet's own evidence is that voice's, unless it
      gives a value the voice's evidence in the document gives otherwise (okaz's own lead of 12 killed and 7
      wounded beside the ministry's statement of 10 and 9 is okaz's own account)."""
    cfg = config()["independence"]
    out = {}
    fields = config()["conflicts"]["fields"]

    def key(f, v):
        return _time_value_key(v) if f == "time" else _val_key(v)

    def agree(own, quoted):
        return all(own.get(f) is None or q.get(f) is None or key(f, own[f]) == key(f, q[f])
                   for f in fields for q in quoted)

    if cfg.get("translation_one_account") and twins and any(twins):
        # - a document never disagrees with its copy (or its translation published as another document): an
        #   outlet's own sentence whose copy in the other document is told as a named voice's is that voice's,
        #   where their values agree (an editor may have dropped or renamed the attribution)
        seen: dict[int, set] = {}

        def words(j):
            """evidence j's sentence's words, normalised once (each evidence is compared with many)"""
            if j not in seen:
                e = evidence[j]
                text = ((docs or {}).get(e["doc"]) or {}).get("text") or ""
                seen[j] = set(normalize(text[e.get("start") or 0:e.get("end") or 0]).split())
            return seen[j]

        for i, ei in enumerate(evidence):
            if ei["upstream"] != ei["account"] or not twins[i]:
                continue
            wi = words(i)
            # the same sentence in the copy (most of its words), told there as the voice's
            quoted = [j for j, e in enumerate(evidence) if e["doc"] in twins[i] and e["upstream"] != e["account"]
                      and wi and len(wi & words(j)) >= 0.6 * len(wi | words(j))]
            voices = {evidence[j]["upstream"] for j in quoted}
            if len(voices) == 1 and agree(ei["values"], [evidence[j]["values"] for j in quoted]):
                out[i] = voices.pop()
    if cfg.get("translation_one_account") and translations:
        from .conflicts import _para_of
        pos = [_para_of(translations.get(e["doc"]) or [], e.get("start"), e["doc"]) for e in evidence]
        quoted = [j for j, e in enumerate(evidence) if e["upstream"] != e["account"] and pos[j]]
        for i, ei in enumerate(evidence):
            if ei["upstream"] != ei["account"] or not pos[i]:
                continue
            j = next((j for j in quoted if any(a[0] == b[0] and a[2] != b[2] and abs(a[1] - b[1]) <= 1
                                               for a in pos[i] for b in pos[j])), None)
            if j is not None:
                out[i] = evidence[j]["upstream"]
    if not cfg.get("one_statement_one_account"):
        return out
    by_doc = defaultdict(list)
    for i, ev in enumerate(evidence):
        by_doc[ev["doc"]].append(i)
    for idx in by_doc.values():
        voices = {evidence[i]["upstream"] for i in idx if evidence[i]["upstream"] != evidence[i]["account"]}
        if len(voices) != 1:
            continue
        voice = next(iter(voices))
        quoted = [evidence[i]["values"] for i in idx if evidence[i]["upstream"] == voice]
        for i in idx:
            if evidence[i]["upstream"] != evidence[i]["account"] or i in out:
                continue
            if agree(evidence[i]["values"], quoted):
                out[i] = voice
    return out


def _build_event(members, docs, account_of, ents, translations: dict | None = None) -> Event:
    ev_id = _event_id(members)
    evidence = []
    houses, copies = [], []
    for m in members:
        doc = docs.get(m.get("doc"), {})
        acc = account_of.get(m.get("doc"), "acc:" + str(m.get("doc")))
        # (the account the conflicts' witnesses read, the account without chaining: unchained_accounts, and
        # whether the document has a copy or a translation in another document)
        acc, house, twins = acc if isinstance(acc, tuple) else (acc, acc, ())
        houses.append(house)
        copies.append(twins)
        attribution = _voices_only(m.get("attribution"))
        up, link = upstream_key(attribution, acc, doc.get("outlet"), ents)
        evidence.append({
            "doc": m.get("doc"), "start": m.get("start"), "end": m.get("end"),
            "mention": m.get("id"), "trigger": m.get("trigger"), "trigger_start": m.get("trigger_start"),
            "trigger_end": m.get("trigger_end"), "type": m.get("type"),
            "attribution": attribution or {"chain": [], "hedge": None},
            "values": _mention_values(m),
            "account": acc, "upstream": up, "outlet": doc.get("outlet"),
            "independent_account": None,
        })
    # independence: evidence in one account (same doc, translation, copy) or with
    # the same upstream (innermost named link of the isnad) is one account
    by_voice = config()["independence"].get("accounts_by_voice")
    printed = _printed_statements(evidence, translations, copies, docs) if by_voice else {}
    uf = UnionFind()
    for i, ev in enumerate(evidence):
        if i in printed:
            # the outlet's own sentences of a report that prints one voice's statement are that statement
            uf.union(("e", i), ("u", printed[i]))
            continue
        if by_voice and ev["upstream"] != ev["account"]:
            # a quoted voice is its own account, not its printer's: two outlets that both quote the ministry
            # share the ministry's account, and neither outlet's own reporting (nor another voice it quotes)
            # is folded into it through that (config independence.accounts_by_voice)
            uf.union(("e", i), ("u", ev["upstream"]))
            continue
        uf.union(("e", i), ("a", houses[i]))
        if ev["upstream"] != ev["account"]:
            uf.union(("e", i), ("u", ev["upstream"]))
    comp = defaultdict(list)
    for i, ev in enumerate(evidence):
        comp[uf.find(("e", i))].append(i)
    accounts = []
    for group in comp.values():
        ups = sorted({evidence[i]["upstream"] for i in group if evidence[i]["upstream"] != evidence[i]["account"]})
        accs = sorted({houses[i] for i in group})
        aid = ups[0] if ups else accs[0]
        chains = []
        for i in group:
            ch = evidence[i]["attribution"].get("chain") or []
            if ch and ch not in chains:
                chains.append(ch)
        accounts.append({"id": aid, "upstreams": ups, "copies_of": accs,
                         "documents": sorted({evidence[i]["doc"] for i in group}),
                         "evidence": sorted(group), "chains": chains,
                         "asserted": any(evidence[i]["values"]["polarity"] != "denied" for i in group)})
        for i in group:
            evidence[i]["independent_account"] = aid
    acc_list = sorted(accounts, key=lambda a: a["id"])
    corroboration = sum(1 for a in acc_list if a["asserted"])

    # value tables; an event told as done takes its values from what was done, not from a plan of it that joined
    # it (events.unrealised_joins: the plan's time is when it was meant, or when it was told)
    unreal = schema.unrealised()
    done = any(ev["values"].get("polarity") not in unreal for ev in evidence)
    values = {}
    for field in config()["conflicts"]["fields"]:
        rows = {}
        for i, ev in enumerate(evidence):
            v = ev["values"].get(field)
            if v is None or (done and ev["values"].get("polarity") in unreal):
                continue
            k = _time_value_key(v) if field == "time" else _val_key(v)
            r = rows.setdefault(k, {"value": v, "docs": set(), "upstreams": set(), "evidence": []})
            r["docs"].add(ev["doc"])
            r["upstreams"].add(ev["independent_account"])
            r["evidence"].append(i)
        if rows:
            values[field] = sorted(
                ({"value": r["value"], "docs": sorted(r["docs"]), "corroboration": len(r["upstreams"]),
                  "evidence": r["evidence"]} for r in rows.values()),
                key=lambda r: (-r["corroboration"], str(_val_key(r["value"]))))

    def top(field):
        return values[field][0]["value"] if field in values else None

    gen = _generic_types()
    first = next((m for m in members if m.get("type") not in gen), members[0])
    parts = _participants(members, evidence, first.get("class"))
    time = timeiv.consensus([(r["value"], r["corroboration"]) for r in values.get("time", [])])
    types = sorted({m.get("type") for m in members if m.get("type")},
                   key=lambda t: (t in gen, -sum(1 for m in members if m.get("type") == t), t))
    return Event(
        id=ev_id, cls=first.get("class"), type=types[0] if types else first.get("type"),
        types=types, participants=sorted(parts, key=lambda p: (str(p["role"]), str(p["entity"]))),
        origin=top("origin"), destination=top("destination"), via=top("via") or [],
        place=top("place"), means=top("means"), time=time, polarity=top("polarity") or "asserted",
        mentions=[Mention.from_dict(e) for e in evidence], corroboration=corroboration,
        accounts=[Account.from_dict(a) for a in acc_list], values=values)


# ------------------------------------------------------------------ conflicts
# (riwaya/reconcile/conflicts.py: witnesses, value comparison, sentences)
