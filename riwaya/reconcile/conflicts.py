"""Conflicts of one event: where *different accounts* give incompatible values.

A conflict needs two witnesses. Two pieces of evidence are different witnesses when
- they come from different accounts (documents that are not copies of each other), or
- they come from one account but from different attributed sources, neither of which
  is the other's reporter ("A says X, B denies it"; a chain that is a prefix of the
  other, e.g. NBC vs NBC citing Saqr, is the same voice);
and never when they sit in paragraphs that translate each other (in one document, or in
a document and its translation published as another document).
One document's successive values (legs of a route, times of its steps) are a
narrative, not a contradiction.

Values are compared after normalisation (values.py): entities by id, raw strings
by head phrase, places by containment (precision, not contradiction), times by
interval overlap, set-like fields (means, route, companions, who decided) by
what each witness says as a whole. Junk spans never make a conflict; conflicts
whose sides are not grounded in entities are flagged low confidence and, by
configuration (conflicts.report_low_confidence), left out.
"""
from __future__ import annotations

import hashlib
import math
import re
from collections import Counter, defaultdict
from datetime import date
from functools import lru_cache


from .. import event_schema as schema
from ..records import Conflict
from . import timeiv
from ..lang.arabic import in_words
from ..lookup import names as _org_names
from .context_time import is_chain_word
from .text import DATA, config, normalize, templates
from .values import (Count, companion_kind, risen_to, contains, count_rel, count_group, count_unit, early_cue, deictic, duration_range, head,
                     alone_label, flight_phase, means_mode, near, parse_count, part_told, figure_told, phase_label, rank_label, point_kind, named_as, place_doer_kept, raw_compatible, revision_cue, self_revision_cue, voice_within, named_voice, remaining_told, others_told, others_of,
                     same_kind, trigger_count, victim_age, victim_rank, vconfig, went_alone, display_raw)

PLACE_FIELDS = ("origin", "destination", "place", "via")
SET_FIELDS = ("means", "via", "companions", "decider", "agent")
ALONE = "alone"     # the companions of one told as going alone (values.went_alone): nobody
MEMBER_FIELDS = ("agent",)   # a slot where a man and the body he acts for can be one doer told twice
ROUTE_FIELDS = ("origin", "via", "destination")


def _hid(prefix: str, *parts: str) -> str:
    return prefix + hashlib.sha1("\x1f".join(parts).encode("utf-8")).hexdigest()[:12]


def type_labels() -> dict:
    return schema.labels()


def event_label(etype: str | None, cls: str | None) -> dict:
    tl = type_labels()
    lab = tl["types"].get(etype or "") or tl["classes"].get(cls or "") or tl["classes"]["other"]
    return {"en": lab["en"], "ar": lab["ar"], "ar_def": lab.get("ar_def") or lab["ar"]}


@lru_cache(maxsize=1)
def _outlet_names() -> dict:
    """An outlet as corpus metadata names it -> its names ({en, ar}): any name of an outlet of the knowledge base
    (data/kb/outlets.yaml: "الحرة" -> Alhurra / الحرة), then the short ids of data/reconcile/outlet_names.yaml
    ("alwatan" -> Al Watan / صحيفة الوطن)."""
    from riwaya.datafiles import yaml_load
    out = {}
    kb = DATA.parent / "kb" / "outlets.yaml"
    for rec in (yaml_load(kb.read_text("utf-8")) if kb.exists() else None) or []:
        if not isinstance(rec, dict) or not (rec.get("name_en") or rec.get("name_ar")):
            continue
        names = {"en": rec.get("name_en") or rec.get("name_ar"), "ar": rec.get("name_ar") or rec.get("name_en")}
        for n in [rec.get("name_en"), rec.get("name_ar"), *(rec.get("names") or [])]:
            if isinstance(n, str) and n.strip():
                out.setdefault(n.strip().lower(), names)
    path = DATA / "outlet_names.yaml"
    raw = yaml_load(path.read_text("utf-8")) if path.exists() else None
    out.update({str(k).strip().lower(): v for k, v in (raw or {}).items() if isinstance(v, dict)})
    return out


def _link_name(name: str, lang: str = "en") -> str:
    """A link of a chain as written, or, for an outlet the table knows (``_outlet_names``), its name."""
    names = _outlet_names().get(name.strip().lower()) if config()["conflicts"].get("outlet_names") else None
    return (names.get(lang) or names.get("en")) if names else name


def _counts_cfg() -> dict:
    """The count switches (config conflicts.counts), {} where none are set."""
    return config()["conflicts"].get("counts") or {}


def doc_label(doc: dict | None, fallback: str = "", lang: str = "en") -> str:
    """How a reader names a document: its outlet, else a neutral "document N" (N its
    number in the store). Never a file name or a headline: neither says who is speaking."""
    doc = doc or {}
    if (doc.get("outlet") or "").strip():
        return _link_name(doc["outlet"].strip(), lang)
    n = doc.get("seq")
    if n is None:
        return fallback or doc.get("id") or "?"
    return templates()["document_n"].get(lang, templates()["document_n"]["en"]).format(n=n)


# ------------------------------------------------------------------ witnesses

def _link_key(link: dict, ents) -> str:
    return link.get("entity") or ents.resolve_name(link.get("name") or "")


def chain_key(attribution: dict | None, doc: dict | None, ents) -> tuple:
    """The attributed voices of an evidence, outermost first, without the publisher."""
    own = ents.resolve_name(doc["outlet"]) if doc and doc.get("outlet") else None
    out = []
    for n, link in enumerate((attribution or {}).get("chain") or []):
        if not link.get("name"):
            continue
        k = _link_key(link, ents)
        if (n == 0 and link.get("kind") == "outlet") or k == own:
            continue
        if not out or out[-1] != k:
            out.append(k)
    return tuple(out)


def _prefix(a: tuple, b: tuple) -> bool:
    return len(a) <= len(b) and b[:len(a)] == a


class Witnesses:
    """Who is speaking in each evidence of an event, and which are different voices."""

    def __init__(self, evidence: list[dict], docs: dict, translations: dict, ents):
        self.ev = evidence
        # accounts, not documents: a copy, a translation published as another document and
        # (by configuration) another article of the same outlet are one voice, which never
        # disagrees with itself; different sources it quotes still are different voices
        self.acc = [e.get("account") or e.get("doc") for e in evidence]
        self.chain = [chain_key(e.get("attribution"), docs.get(e.get("doc")), ents) for e in evidence]
        self.ents = ents
        parent = list(range(len(evidence)))

        def find(x):
            while parent[x] != x:
                parent[x] = parent[parent[x]]
                x = parent[x]
            return x

        def union(a, b):
            ra, rb = find(a), find(b)
            if ra != rb:
                parent[max(ra, rb)] = min(ra, rb)

        first = {}
        for i in range(len(evidence)):
            k = (self.acc[i], self.chain[i])
            union(i, first.setdefault(k, i))
        # evidence in paragraphs that translate each other (in one document, or in a
        # document and its translation) is one voice
        self.pos = [_para_of(translations.get(e.get("doc")) or [], e.get("start"), e.get("doc"))
                    for e in evidence]
        for i in range(len(evidence)):
            for j in range(i + 1, len(evidence)):
                if self.translated(i, j):
                    union(i, j)
        self.root = [find(i) for i in range(len(evidence))]

    def voice_name(self, key: str) -> str:
        """A voice's names (Arabic and English), as the store knows them, for values.voice_within."""
        e = (getattr(self.ents, "by_id", None) or {}).get(key) or {}
        names = [e.get("name_ar"), e.get("name_en")] + list(e.get("aliases") or [])
        return " | ".join(n for n in names if n) or key.split(":", 1)[-1]

    def named(self, key) -> bool:
        """Is a voice a named person or body: one the store resolved (an entity), or a name it could not resolve
        of two words or more, none of them a word of an unnamed source or of a toll (values.named_voice:
        "مفتي مصر، الدكتور شوقي علام" is named; "مصادر عسكرية", "الحصيلة السابقة", "مسؤولون" are not)?"""
        if not isinstance(key, str):
            return False
        if key in (getattr(self.ents, "by_id", None) or {}):
            return True
        return key.startswith("name:") and named_voice(key.split(":", 1)[1])

    def serves(self, person: str, body: str) -> bool:
        """Does the store give the voice `person` a role in the voice `body` (a spokesman of a ministry)?"""
        e = (getattr(self.ents, "by_id", None) or {}).get(person) or {}
        return any(isinstance(r, dict) and r.get("org_entity") == body for r in e.get("roles") or ())

    def distinct(self, i: int, j: int) -> bool:
        if self.root[i] == self.root[j]:
            return False
        if self.acc[i] != self.acc[j]:
            return True
        a, b = self.chain[i], self.chain[j]
        return bool(a) and bool(b) and not _prefix(a, b) and not _prefix(b, a)

    def any_distinct(self, I, J, published: bool = False) -> bool:
        d = self.distinct_published if published else self.distinct
        return any(d(i, j) for i in I for j in J)

    def translated(self, i: int, j: int) -> bool:
        """Do evidence i and j sit in paragraphs that translate each other?"""
        return any(pi[0] == pj[0] and pi[2] != pj[2] and abs(pi[1] - pj[1]) <= 1
                   for pi in self.pos[i] for pj in self.pos[j])

    def distinct_published(self, i: int, j: int) -> bool:
        """For counts: two outlets that print one copy but different figures disagree in what they
        published (one changed the value, or wrote its own lead); never a document against itself
        or its translation (one root)."""
        if self.distinct(i, j):
            return True
        a, b = self.ev[i], self.ev[j]
        return a.get("doc") != b.get("doc") and bool(a.get("outlet")) and bool(b.get("outlet")) \
            and a["outlet"] != b["outlet"] and not self.translated(i, j)


def _para_of(rels: list[dict], start, doc=None) -> list[tuple]:
    """(relation id, pair index, side) of every translated paragraph holding `start`:
    side a/b of a translation inside one document, or this document's side of a
    translation between two documents (relation {docs: [x, y]}: a in x, b in y)."""
    if start is None:
        return []
    out = []
    for rel in rels:
        sides = ("a", "b")
        if rel.get("docs"):
            sides = ("a",) if doc == rel["docs"][0] else ("b",)
        for k, p in enumerate(rel.get("pairs") or []):
            hit = next((s for s in sides if p[s][0] <= start < p[s][1]), None)
            if hit:
                out.append((id(rel), k, hit))
                break
    return out


def translations_by_doc(relations: list[dict]) -> dict:
    out = defaultdict(list)
    for r in relations or []:
        if r.get("kind") == "translation":
            for d in (r.get("docs") or [r.get("doc")]):
                out[d].append(r)
    return out


# ------------------------------------------------------------------ value comparison

@lru_cache(maxsize=1)
def _kin_kinds() -> frozenset:
    """The kin ties of values.yaml companion_nouns (all but `role`)."""
    return frozenset(k for k in vconfig().get("companion_nouns") or {} if k != "role")


@lru_cache(maxsize=4096)
def _kb_ties(kb_id: str | None) -> frozenset:
    """The relation types (child_of, spouse_of, ...) the knowledge base holds for an entity."""
    if not kb_id:
        return frozenset()
    from ..kb import load_kb
    rec = load_kb().get(kb_id) or {}
    return frozenset(r.get("type") for r in rec.get("relations") or [] if isinstance(r, dict))


class Compare:
    def __init__(self, ents):
        self.ents = ents
        self.near_km = config()["conflicts"]["place_near_km"]

    def item(self, v, field: str | None = None):
        if v is None:
            return None
        if field == "companions" and v == ALONE:
            return ("n", ALONE)
        if isinstance(v, str) and v in self.ents.by_id:
            if field in PLACE_FIELDS and (self.ents.by_id[v] or {}).get("type") == "person":
                return None     # a person read as where one went ("غادر الرئيس X العاصمة"): no place
            return ("e", v)
        h = head(str(v))
        return ("r", h) if h else None

    def norm(self, field: str, v, exclude=(), sentence: str | None = None):
        if v is None:
            return None
        if field == "time":
            iv = timeiv.interval(v)
            return ("t", iv, deictic(v.get("text")), _yearless(v.get("text"))) if iv else None
        if field == "polarity":
            return ("p", "denied" if v == "denied" else "asserted")
        if field == "amount":
            c = parse_count(v, sentence)
            if c is not None:
                return ("a", c)
            s = " ".join(normalize(str(v)).replace("،", " ").replace(",", " ").split())
            return ("a", s) if s else None
        if field == "duration":
            r = duration_range((v or {}).get("value") if isinstance(v, dict) else v)
            return ("d", r) if r else None
        if field in ("phase", "rank", "age"):
            return ("ph", v)
        if isinstance(v, (list, tuple)):
            items = frozenset(k for k in (self.item(x, field) for x in v if x not in exclude) if k)
            return ("s", items) if items else None
        return self.item(v, field)

    @lru_cache(maxsize=4096)
    def _names(self, eid: str) -> tuple:
        e = self.ents.by_id.get(eid) or {}
        hs = []
        for n in [e.get("name_ar"), e.get("name_en")] + list(e.get("aliases") or []):
            h = head(n or "")
            if h:
                hs.append(h)
        return tuple(hs)

    def names_nested(self, a: str, b: str) -> bool:
        """One actor's name is the other's, shortened or qualified ("the organisation" vs "the terrorist
        organisation"; not "Bashar al-Assad" vs "Maher al-Assad"): the vaguer names the same actor."""
        return any(set(x) <= set(y) or set(y) <= set(x) for x in self._names(a) for y in self._names(b))

    def grounded_item(self, k, field) -> bool:
        if k and k[0] == "n":
            return True
        if k and k[0] == "r":
            # a raw means of a known mode, a raw place of a known kind ("قصره"): comparable words
            return bool(field == "means" and means_mode(k[1]) or field in PLACE_FIELDS and point_kind(k[1])
                        or field == "companions" and companion_kind(k[1]))
        if not k or k[0] != "e":
            return False
        e = self.ents.by_id.get(k[1]) or {}
        if e.get("kb_id") or e.get("coordinates"):
            return True
        # a resolved person or organisation is grounded; a place needs the knowledge base
        # (an entity seen once, outside the knowledge base, is not: often a misread word)
        if field in PLACE_FIELDS or not e or e.get("type") not in ("person", "organization"):
            return False
        return "mentions" not in e or len(e["mentions"]) >= 2

    def grounded(self, key, field) -> bool:
        if key is None:
            return False
        if key[0] in ("t", "p", "a", "d", "ph"):
            return True
        if key[0] == "s":
            return all(self.grounded_item(k, field) for k in key[1])
        return self.grounded_item(key, field)

    def item_rel(self, a, b, field) -> str:
        if a == b:
            return "same"
        if a[0] == "n" or b[0] == "n":
            return "different"      # alone vs with someone
        if field == "means" and a[0] == "r" and b[0] == "r":
            ma, mb = means_mode(a[1]), means_mode(b[1])
            if ma and mb:       # a convoy and cars: one mode told in detail; a convoy and a plane: two
                return ("same" if a[1][0] == b[1][0] else "precision") if ma & mb else "different"
        if field in PLACE_FIELDS and (a[0] == "r") != (b[0] == "r"):
            rel = self._kind_rel(a, b)
            if rel:
                return rel
        if field == "companions" and (a[0] == "r") != (b[0] == "r"):
            r, e = (a, b) if a[0] == "r" else (b, a)
            kin = companion_kind(r[1])
            ent = self.ents.by_id.get(e[1]) or {}
            if kin and kin != "role" and kin in _kb_ties(ent.get("kb_id")):
                return "precision"      # "his son" and the named son
            if kin == "role" and ent.get("type") == "person" and not _kb_ties(ent.get("kb_id")) & _kin_kinds():
                return "precision"      # "his aide" and a named man who is no kin: maybe the aide
        if a[0] == "e" and b[0] == "e":
            if field in PLACE_FIELDS:
                ea, eb = self.ents.by_id.get(a[1]), self.ents.by_id.get(b[1])
                if near(ea, eb, self.near_km):
                    return "same"
                if contains(ea, eb) or contains(eb, ea):
                    return "precision"
                if any(raw_compatible(x, y) and (set(x) <= set(y) or set(y) <= set(x))
                       for x in self._names(a[1]) for y in self._names(b[1])):
                    return "precision"   # "Damascus" vs "Damascus International Airport"
            elif self.names_nested(a[1], b[1]):
                return "precision"       # "the organisation" vs "the terrorist organisation"
            elif field in MEMBER_FIELDS and self._person_and_body(a[1], b[1]):
                return "precision"       # the man who did it and the group he did it for
            elif field in MEMBER_FIELDS and self._forces_grain(a[1], b[1]):
                return "precision"       # "the Iraqi forces" and "the Iraqi army": the forces and a branch of them
            return "different"
        if a[0] == "r" and b[0] == "r":
            if a[1][0] == b[1][0]:
                return "same"
            return "precision" if raw_compatible(a[1], b[1]) else "different"
        e, r = (a, b) if a[0] == "e" else (b, a)
        if any(raw_compatible(r[1], n) for n in self._names(e[1])):
            return "precision"
        return "different"

    def _person_and_body(self, x: str, y: str) -> bool:
        """One a person the knowledge base does not know (a man named in the news for this deed), the
        other an organisation: an account that names the attacker and one that names the body behind him
        tell the doer at different grain, not two doers. A known figure against a body ("the president"
        vs "the Kremlin" deciding) stays two doers."""
        ex, ey = self.ents.by_id.get(x) or {}, self.ents.by_id.get(y) or {}
        person, body = (ex, ey) if ex.get("type") == "person" else (ey, ex)
        return person.get("type") == "person" and body.get("type") == "organization" and not person.get("kb_id")

    def _forces_grain(self, x: str, y: str) -> bool:
        """Two organisations that are a country's forces as a whole and one branch of them (or the forces told
        twice): once the head words of actor_families.yaml ``forces_grain`` are taken off, both names keep the same
        qualifier ("العراقي" / "العراقية", "Iraqi"), and one is named by an umbrella head alone ("القوات
        العراقية", "Iraqi forces", no branch word). An account that names the army and one that names the forces
        tell one doer at two grains; two branches (the army and the police) stay two doers (config
        ``conflicts.forces_grain``; refit30, issue #15)."""
        if not config()["conflicts"].get("forces_grain"):
            return False
        ex, ey = self.ents.by_id.get(x) or {}, self.ents.by_id.get(y) or {}
        if ex.get("type") != "organization" or ey.get("type") != "organization":
            return False
        gx = [g for g in (forces_grain_of(n) for n in _org_names(ex)) if g]
        gy = [g for g in (forces_grain_of(n) for n in _org_names(ey)) if g]
        return any(qa == qb and (ua or ub) for ua, qa in gx for ub, qb in gy)

    def _kind_rel(self, a, b) -> str | None:
        """A raw place of a known point kind ("قصره") against a place entity: another point kind is
        another place; the same kind, or a container (a city, a country), a difference of precision."""
        r, e = (a, b) if a[0] == "r" else (b, a)
        kr = point_kind(r[1])
        if kr is None:
            return None
        ent = self.ents.by_id.get(e[1]) or {}
        ke = ((ent.get("attrs") or {}).get("kind") or "").lower()
        if not ke:
            return None
        if ke in self._point_kinds():
            return "precision" if same_kind(kr, ke) else "different"
        return "precision"      # a city, a country, a region: it may hold the palace

    @staticmethod
    @lru_cache(maxsize=1)
    def _point_kinds() -> frozenset:
        from .values import vconfig
        return frozenset(vconfig().get("point_kinds") or ()) | {k for g in vconfig().get("kind_groups") or () for k in g}

    def set_rel(self, A, B, field) -> str:
        if A == B:
            return "same"
        rels = [self.item_rel(x, y, field) for x in A for y in B]
        if not any(r != "different" for r in rels):
            return "different"
        if field == "companions" and self._kinds_apart(A, B):
            return "different"
        return "precision"

    def _companion_kinds(self, k) -> frozenset:
        """The ties a companion stands in (values.yaml companion_nouns: child_of, spouse_of, sibling_of,
        role): a kin or role noun's own; a named person's kin ties in the knowledge base, else "named",
        who may be the aide another account names by role ("his aide" and the aide's name: one person)."""
        if k[0] == "r":
            kind = companion_kind(k[1])
            return frozenset([kind]) if kind else frozenset()
        e = self.ents.by_id.get(k[1]) or {}
        return (_kb_ties(e.get("kb_id")) & _kin_kinds()) or frozenset(["named", "role"])

    def _kinds_apart(self, A, B) -> bool:
        """Two definite companion lists (every member a named person or a kin or role noun: no "others",
        no "a number of officials") of which one names someone of a kind the other does not hold ("with
        his son" vs "with his son, his aide and his advisers"): the accounts disagree about who came
        along (values.yaml ``companions_closed_lists``). A list that only adds a named person to the
        other's ("the president" vs "the president and a minister") stays a list told more fully."""
        if not vconfig().get("companions_closed_lists"):
            return False
        if not all(self.grounded_item(k, "companions") for k in A | B):
            return False

        def covered(x, Y) -> bool:
            kx = self._companion_kinds(x)
            return any(self.item_rel(x, y, "companions") != "different" or kx & self._companion_kinds(y)
                       for y in Y)
        return not all(covered(x, B) for x in A) or not all(covered(y, A) for y in B)

    def rel(self, field, a, b) -> str:
        if a == b:
            return "same"
        if field == "time":
            if a[:3] == b[:3]:
                return "same"       # one interval, one reading (whether its year was written or not)
            if timeiv.overlaps(a[1], b[1]):
                return "precision"
            # "today" in a wire text printed a day later: one day told from two writing days
            cc = config()["conflicts"]
            slack = cc.get("deictic_slack_hours", 0) * 3600
            if a[2] and b[2]:   # both told from their writing days, each known to a day: "today" in a statement, "the day before yesterday" in a paper
                slack = cc.get("deictic_both_slack_hours", cc.get("deictic_slack_hours", 0)) * 3600
            if (a[2] or b[2]) and timeiv.gap(a[1], b[1]) <= slack:
                return "precision"
            if _same_but_year(a, b):
                return "precision"
            return "different"
        if field == "duration":
            # "a few hours" and "three hours" may be one stay told in detail; "hours" and "two days" not
            (lo_a, hi_a), (lo_b, hi_b) = a[1], b[1]
            return "precision" if lo_a <= hi_b and lo_b <= hi_a else "different"
        if field == "amount":
            if isinstance(a[1], Count) and isinstance(b[1], Count):
                return count_rel(a[1], b[1])
            return "different"
        if field in ("polarity", "phase", "rank", "age"):
            return "different"
        A = a[1] if a[0] == "s" else frozenset([a])
        B = b[1] if b[0] == "s" else frozenset([b])
        if len(A) == 1 and len(B) == 1:
            return self.item_rel(next(iter(A)), next(iter(B)), field)
        return self.set_rel(A, B, field)


def _word_set(d: dict | None) -> frozenset[str]:
    """The words of a data table {language: [words]}, normalised as compared."""
    return frozenset(normalize(str(w)).lower().strip() for ws in (d or {}).values() for w in ws or ())


@lru_cache(maxsize=1)
def _forces_words() -> tuple[frozenset, frozenset]:
    from riwaya.datafiles import yaml_load
    raw = (yaml_load((DATA / "actor_families.yaml").read_text("utf-8")) or {}).get("forces_grain") or {}
    return _word_set(raw.get("umbrella")), _word_set(raw.get("branch"))


def _qualifier_word(w: str) -> str:
    """A qualifier word as compared: a و/ف and the article off, a final ه (the feminine nisba) off."""
    if len(w) > 4 and w[0] in "وف" and w[1:3] == "ال":
        w = w[1:]
    if len(w) > 4 and w.startswith("ال"):
        w = w[2:]
    if len(w) > 3 and w.endswith("ه"):
        w = w[:-1]
    return w


@lru_cache(maxsize=4096)
def forces_grain_of(name: str) -> tuple[bool, frozenset] | None:
    """(umbrella, qualifier) of an organisation's name read by actor_families.yaml ``forces_grain``: whether it
    names the forces as a whole (an umbrella head, no branch head), and the words left once the heads are off;
    None when it has no head of either kind or no qualifier left."""
    umbrella, branch = _forces_words()
    toks = [t.strip(".,،;:!?؟\"«»“”'()") for t in normalize(name).lower().split()]
    toks = [t for t in toks if t]
    is_u = [in_words(t, umbrella) for t in toks]
    is_b = [in_words(t, branch) for t in toks]
    if not any(is_u) and not any(is_b):
        return None
    qual = frozenset(_qualifier_word(t) for t, u, b in zip(toks, is_u, is_b) if not u and not b and t not in ("the", "of"))
    if not qual:
        return None
    return any(is_u) and not any(is_b), qual


_YEAR = re.compile(r"(?<!\d)\d{4}(?!\d)")


def _yearless(text: str | None) -> bool:
    """A date told without its year ("the morning of 8 December", "في 5 كانون الأول"): the year is the
    reader's guess from the document's date, not the account's."""
    return bool(text) and not _YEAR.search(text.translate(_DIGITS_AR)) and not deictic(text)


_DIGITS_AR = str.maketrans("٠١٢٣٤٥٦٧٨٩۰۱۲۳۴۵۶۷۸۹", "01234567890123456789")


def _same_but_year(a, b) -> bool:
    """Two times that meet once the year of one told without it is set to the other's: "8 December" read
    in a report published a year later against "8 December 2024" is one day, not two (the guessed year
    makes no disagreement)."""
    from datetime import datetime, timezone
    for x, y in ((a, b), (b, a)):
        if len(x) < 4 or not x[3] or y[3]:
            continue
        (lo, hi), (lo2, hi2) = x[1], y[1]
        if not all(map(math.isfinite, (lo, hi, lo2, hi2))):
            continue
        ya = datetime.fromtimestamp(lo, timezone.utc).year
        yb = datetime.fromtimestamp(lo2, timezone.utc).year
        if ya == yb:
            continue
        try:
            dl = datetime.fromtimestamp(lo, timezone.utc)
            dh = datetime.fromtimestamp(hi, timezone.utc)
            moved = (dl.replace(year=dl.year + yb - ya).timestamp(), dh.replace(year=dh.year + yb - ya).timestamp())
        except ValueError:      # 29 February
            continue
        if timeiv.overlaps(moved, y[1]):
            return True
    return False


# ------------------------------------------------------------------ conflicts

def _explicit(ev) -> bool:
    """Evidence with an explicit attribution beyond the publishing outlet."""
    ch = ev["attribution"].get("chain") or []
    return any(l.get("kind") != "outlet" for l in ch) or len(ch) > 1


def _sentence(ev: dict, docs: dict) -> str:
    """The text of an evidence (its sentence), '' when the document's text is not at hand."""
    text = (docs.get(ev.get("doc")) or {}).get("text") or ""
    s, e = ev.get("start"), ev.get("end")
    return text[s:e] if text and s is not None and e is not None else ""


QUESTION_MARKS = ("?", "؟")


def _asked(ev: dict, docs: dict | None) -> bool:
    """Is the sentence of `ev` a question ("هل هرب إلى طهران فجر الأحد؟", a headline's)? It asks what
    happened; it tells nothing, whatever polarity the extractor gave it."""
    sent = _sentence(ev, docs or {}).rstrip(" \t\n\"'»”’)]")
    return sent.endswith(QUESTION_MARKS)


def _told_value(field, ev: dict, docs: dict | None = None) -> bool:
    """Does evidence `ev` tell `field` of the happening itself? Not a plan, hypothesis, question or
    request ("he would go home", "will he leave?": what was meant or asked, not what happened; a
    sentence that ends with a question mark is a question whatever its polarity), and not the
    companions of a continuation ("..., then to a plane with his son"), which go with the movement
    before it (context_time.continued_companions) and are compared there, once."""
    if _asked(ev, docs):
        return False
    if field == "polarity":
        return True
    if (ev["values"].get("polarity") or ev.get("polarity")) in schema.unrealised():
        return False
    return not (field == "companions" and is_chain_word(ev.get("trigger") or ""))


def _rows(field, evidence, cmp: Compare, agents=(), docs=None):
    """Value rows of a field: evidence grouped by normalised value, 'same' values merged.
    Companions never include the event's own agents; a count is read with the words around it;
    only what is told of the happening itself counts (``_told_value``)."""
    keys = {}
    for i, ev in enumerate(evidence):
        if not _told_value(field, ev, docs):
            continue
        v = ev["values"].get(field)
        sent = _sentence(ev, docs or {}) if field == "amount" else None
        k = cmp.norm(field, v, exclude=agents if field == "companions" else (), sentence=sent)
        if k is None:
            continue
        keys.setdefault(k, []).append(i)
    ks = sorted(keys, key=lambda k: (min(keys[k]), repr(k)))
    parent = list(range(len(ks)))
    for x in range(len(ks)):
        for y in range(x + 1, len(ks)):
            if cmp.rel(field, ks[x], ks[y]) == "same":
                rx, ry = parent[x], parent[y]
                while parent[rx] != rx:
                    rx = parent[rx]
                while parent[ry] != ry:
                    ry = parent[ry]
                if rx != ry:
                    parent[max(rx, ry)] = min(rx, ry)
    groups = defaultdict(list)
    for x in range(len(ks)):
        r = x
        while parent[r] != r:
            r = parent[r]
        groups[r].append(ks[x])
    rows = []
    for members in groups.values():
        idx = sorted(i for k in members for i in keys[k])
        # representative: entity before raw, most evidence, shortest label
        best = max(members, key=lambda k: (k[0] == "e" or k[0] == "s" and all(x[0] == "e" for x in k[1]),
                                            len(keys[k]), -len(repr(k[:3] if k[0] == "t" else k))))
        rep_i = keys[best][0]
        rows.append({"key": best, "value": evidence[rep_i]["values"][field], "evidence": idx,
                     "grounded": any(cmp.grounded(k, field) for k in members)})
    rows.sort(key=lambda r: r["evidence"][0])
    return rows


def _route_items(evidence, idx, cmp, routes=None):
    """Places on the route a witness tells: its own values plus, from `routes`,
    the other legs its document tells about the same participants."""
    out = set()
    for i in idx:
        vals = list(evidence[i]["values"].get(f) for f in ROUTE_FIELDS + ("place",))
        vals += list((routes or {}).get(evidence[i].get("mention"), ()))
        for v in vals:
            for x in (v if isinstance(v, list) else [v]):
                k = cmp.item(x) if x is not None else None
                if k:
                    out.add(k)
    return out


def _same_leg(evidence, IA, IB, field, cmp) -> bool:
    """Do both witnesses tell one leg: the same destination (for origins) or the same origin (for
    destinations)? Then their other ends must agree; a stop on a longer route explains no difference."""
    other = {"origin": "destination", "destination": "origin"}.get(field)
    if other is None:
        return False
    A = {k for i in IA for k in [cmp.item(evidence[i]["values"].get(other))] if k}
    B = {k for i in IB for k in [cmp.item(evidence[i]["values"].get(other))] if k}
    return any(cmp.item_rel(a, b, other) != "different" for a in A for b in B)


def _legs_apart(evidence, IA, IB, cmp) -> bool:
    """Do the two witnesses tell different legs of one journey: one's destination is where the other sets
    out from, or they end at different places (a convoy to a base, then a plane to the capital), or only
    one tells which leg it is (a convoy from the palace to the base; "the plane that carried him": any
    leg)? Then two means are a sequence, not a disagreement."""
    def ends(I, f):
        return {k for i in I for k in [cmp.item(evidence[i]["values"].get(f))] if k}
    oa, da, ob, db = ends(IA, "origin"), ends(IA, "destination"), ends(IB, "origin"), ends(IB, "destination")
    if bool(oa or da) != bool(ob or db):
        return True
    meet = lambda X, Y: any(cmp.item_rel(x, y, "origin") != "different" for x in X for y in Y)  # noqa: E731
    if meet(da, ob) or meet(db, oa):
        return True
    return bool(da and db) and not meet(da, db)


def _count_pairs(rows, evidence, W: Witnesses, docs: dict, rivals: set | None = None):
    """Counts compared per voice in one document (Witnesses root and document):
    - a voice that gives several figures for one event counts different groups (17 rebels and
      11 loyalists, 28 in all) or revises itself: its figures are not set against another's;
    - two figures that every report tells together (20 strikes in all, 4 of them near a town)
      are parts of one telling, not rivals;
    - a figure told as an earlier or updated toll ("the first toll was nine") or a larger figure told
      later by the same quoted source is a revision: a refinement;
    - outlets that print one copy with different figures disagree (`distinct_published`)."""
    by_voice = defaultdict(set)
    docs_of = defaultdict(set)
    for r, row in enumerate(rows):
        for i in row["evidence"]:
            by_voice[(W.root[i], evidence[i]["doc"])].add(r)
            docs_of[r].add(evidence[i]["doc"])
    # figures that one voice tells side by side are different quantities (groups, parts, a sum of
    # money and a number of operations), never rivals anywhere in the event
    together = {frozenset((a, b)) for rs in by_voice.values() for a in rs for b in rs if a != b}
    ccfg = config()["conflicts"].get("counts") or {}
    if ccfg.get("one_document_together"):
        # one document that tells two figures of "one happening", whoever it quotes for each, tells two
        # quantities (a truck bombing's 15 dead and the attack on a base's 8, merged as one killing), not
        # rivals: the writer set them side by side as they are
        by_doc = defaultdict(set)
        for (root, doc), rs in by_voice.items():
            by_doc[doc] |= rs
        together |= {frozenset((a, b)) for rs in by_doc.values() for a in rs for b in rs if a != b}
    found = {}
    self_revised: set = set()
    voices = sorted(by_voice)
    units: dict = {}
    row_of = {i: r for r, row in enumerate(rows) for i in row["evidence"]}

    def unit(i):
        if i not in units:
            k, sent = rows[row_of[i]]["key"][1], _sentence(evidence[i], docs)
            units[i] = (count_unit(sent, k.n), count_group(sent, k.n)) if isinstance(k, Count) else (None, None)
        return units[i]

    def same_unit(i, j) -> bool:
        """Do the two figures count the same thing, as far as their own words tell (what befell them, whom)?"""
        return all(a is None or b is None or a == b for a, b in zip(unit(i), unit(j)))
    for x in range(len(voices)):
        for y in range(x + 1, len(voices)):
            RA, RB = by_voice[voices[x]], by_voice[voices[y]]
            if RA & RB or len(RA) > 1 or len(RB) > 1:
                continue
            ra, rb = sorted((next(iter(RA)), next(iter(RB))))
            if docs_of[ra] == docs_of[rb] or frozenset((ra, rb)) in together:
                continue
            va, vb = (voices[x], voices[y]) if next(iter(RA)) == ra else (voices[y], voices[x])
            IA = [i for i in rows[ra]["evidence"] if (W.root[i], evidence[i]["doc"]) == va]
            IB = [i for i in rows[rb]["evidence"] if (W.root[i], evidence[i]["doc"]) == vb]
            # a figure counts what its own words say (values.count_unit): 32 killed against 100 wounded
            # ("أوقع 32 قتيلا ومئة جريح") are two quantities of one telling, not two accounts
            IA0, IB0 = IA, IB
            IA, IB = ([i for i in IA if any(same_unit(i, j) for j in IB)],
                      [j for j in IB if any(same_unit(i, j) for i in IA)])
            if ccfg.get("need_unit") and not any(unit(i) != (None, None) for i in IA + IB) \
                    and all(figure_told(_sentence(evidence[i], docs), rows[row_of[i]]["key"][1].n) for i in IA + IB
                            if isinstance(rows[row_of[i]]["key"][1], Count)):
                # neither figure's own words, written in its sentence, tell what it counts (killed, wounded; civilians, fighters): "ضرب
                # اثنين من المجمعات" (two compounds) and "تفجير 65000 اسطوانة" (gas cylinders) are no tolls
                IA, IB = [], []
            ka, kb = rows[ra]["key"][1], rows[rb]["key"][1]
            if rivals is not None and (not IA or not IB) and isinstance(ka, Count) and isinstance(kb, Count) \
                    and W.any_distinct(IA0, IB0, published=True) and count_rel(ka, kb) == "different":
                rivals.update((ra, rb))     # figures of other units or groups in one "happening": other quantities
            if ccfg.get("two_outlets"):
                # one outlet never against itself: its later report supersedes its earlier one (a revision,
                # whatever other outlets print)
                RA_, RB_ = rows[ra]["evidence"], rows[rb]["evidence"]
                adopted = lambda i, j: bool(ccfg.get("own_adopted")) and _adopted_apart(i, j, W, RA_, RB_)  # noqa: E731
                if any(not _outlets_apart(evidence[i], evidence[j]) and evidence[i]["doc"] != evidence[j]["doc"]
                       and _one_voice(i, j, W, evidence, docs) and not adopted(i, j) for i in IA for j in IB):
                    self_revised.add((min(ra, rb), max(ra, rb)))
                apart = lambda i, j: _outlets_apart(evidence[i], evidence[j]) or (  # noqa: E731
                    bool(ccfg.get("named_voices")) and (_named_apart(i, j, W) or adopted(i, j)))
                IA, IB = ([i for i in IA if any(apart(i, j) for j in IB)],
                          [j for j in IB if any(apart(i, j) for i in IA)])
            if not IA or not IB or not W.any_distinct(IA, IB, published=True):
                continue
            f = found.setdefault((ra, rb), (set(), set()))
            f[0].update(IA)
            f[1].update(IB)
    out = []
    for (ra, rb), (IA, IB) in sorted(found.items()):
        IA, IB = sorted(IA), sorted(IB)
        ka, kb = rows[ra]["key"][1], rows[rb]["key"][1]
        if isinstance(ka, Count) and isinstance(kb, Count):
            rel = count_rel(ka, kb)
        elif isinstance(ka, Count) or isinstance(kb, Count):
            continue    # a head count against a sum of money: different quantities
        else:
            rel = "same" if ka == kb else "different"
        if rel == "same":
            continue
        if rel == "different" and ((ra, rb) in self_revised or _revised(IA, IB, ka, kb, evidence, W, docs)
                                   or _part(IA, IB, ka, kb, evidence, docs)):
            rel = "precision"
        out.append(([ra], [rb], rel, True, IA, IB))
    return out


def _part(IA, IB, ka, kb, evidence, docs: dict) -> bool:
    """Is the smaller figure a part of the larger (values.part_told: a side's sentence tells it after "بينهم",
    "بين القتلى", "among them")? A total and its part are a refinement, not rival accounts (the 12 killed at a
    hotel, "among the dead five Malian soldiers", against the mission's five contractors)."""
    if not (isinstance(ka, Count) and isinstance(kb, Count)) or ka.n == kb.n \
            or not _counts_cfg().get("parts"):
        return False
    lo = min(ka.n, kb.n)
    if any(part_told(_sentence(evidence[i], docs), lo) for i in IA + IB):
        return True
    # the smaller figure told as others than one counted before it ("أحد المهاجمين قتل ... لقي اثنان آخران"): the rest
    if _counts_cfg().get("others") and any(others_told(_sentence(evidence[i], docs), lo) for i in IA + IB):
        return True
    if _counts_cfg().get("others_of") and _others_of_part(IA, IB, ka, kb, evidence, docs):
        return True
    # the smaller figure told as those who remain ("خمسة مصابين ما زالوا يتلقون العلاج"): a part of the toll
    return bool(_counts_cfg().get("remaining")) and \
        any(remaining_told(_sentence(evidence[i], docs), lo) for i in IA + IB)


def _others_of_part(IA, IB, ka: Count, kb: Count, evidence, docs: dict) -> bool:
    """Is the smaller figure told by its own side as some of a group and M others ("عشرة من منسوبي القوات وثلاثة
    آخرون": values.others_of), so a part of a toll of N + M, and that toll agrees with the larger figure (10 and
    three others against about 15)? Then the two are a part and a total, not rival accounts (config
    conflicts.counts.others_of; recon37). A toll N + M that differs from the larger figure leaves them rivals."""
    part, total, side = (ka, kb, IA) if ka.n < kb.n else (kb, ka, IB)
    for i in side:
        m = others_of(_sentence(evidence[i], docs), part.n)
        if m and count_rel(Count(part.n + m, part.at_least, part.approx), total) != "different":
            return True
    return False


def _one_voice(i: int, j: int, W: Witnesses, evidence, docs: dict) -> bool:
    """Are two figures that one outlet prints in two of its reports told in one voice, so that the later one is
    its own revision (counts.two_outlets)? Not where each is told by a voice of its own, named (a person or body
    the store resolved: Egypt's mufti's 17 security men killed and the interior ministry's 12), the two different
    and neither speaking for the other (values.voice_within: "the ministry's spokesman" is the ministry); an
    unnamed voice ("مصادر", "officials"), a toll told as if it spoke ("الحصيلة السابقة") or the outlet's own
    telling is one voice with anything (config conflicts.counts.named_voices; off: every such pair is one)."""
    if not _counts_cfg().get("named_voices"):
        return True
    return not _named_apart(i, j, W)


def _named_apart(i: int, j: int, W: Witnesses) -> bool:
    """Are evidence i and j told by two named voices (each innermost attributed voice a person or body the store
    resolved), different, neither speaking for the other (a role in it, values.voice_within)?"""
    a, b = W.chain[i], W.chain[j]
    if not a or not b or _prefix(a, b) or _prefix(b, a):
        return False
    va, vb = a[-1], b[-1]
    if va == vb or not W.named(va) or not W.named(vb):
        return False
    if W.serves(va, vb) or W.serves(vb, va):
        return False
    na, nb = W.voice_name(va), W.voice_name(vb)
    return not (voice_within(na, nb) or voice_within(nb, na))


def _adopted_apart(i: int, j: int, W: Witnesses, RI, RJ) -> bool:
    """Is one of two figures an outlet's own unattributed telling (no voice of its chain) of a figure that a named
    voice gives elsewhere in the event (another evidence of its row, `RI` for i, `RJ` for j), and that voice named
    apart from the other figure's own named voice (``_named_apart``)? Then the outlet's figure is that voice's, and
    the two figures are two voices' accounts, not the outlet revising itself (config counts.own_adopted)."""
    for a, b, R in ((i, j, RI), (j, i, RJ)):
        if W.chain[a] or not W.chain[b]:
            continue
        if any(k != a and W.chain[k] and _named_apart(k, b, W) for k in R):
            return True
    return False


def _outlets_apart(a: dict, b: dict) -> bool:
    """Are two evidence published by two outlets (or is either's outlet unknown)?"""
    oa, ob = normalize(a.get("outlet") or "").strip(), normalize(b.get("outlet") or "").strip()
    return not oa or not ob or oa != ob


def _revised(IA, IB, ka, kb, evidence, W: Witnesses, docs: dict) -> bool:
    """Is one figure a revision of the other: told as an earlier/updated toll (in its sentence, or in its
    report's headline: "ارتفاع قتلى تفجير العراق إلى 40" updates every figure of an earlier report), or a larger
    figure given on a later day by the same quoted source?"""
    if any(revision_cue(_sentence(evidence[i], docs)) for i in IA + IB):
        return True
    own = _counts_cfg().get("own_revision")
    for I, J in ((IA, IB), (IB, IA)):
        # a voice that updates its own announcement ("إلحاقاً لما سبق إعلانه", further to what it announced)
        # revises its own figure, not another named voice's (the ministry's 33 wounded, an update of its own 9,
        # against the hospital's 40 cases); without own_revision, any figure's
        if any(self_revision_cue(_sentence(evidence[i], docs)) and (not own or any(not _named_apart(i, j, W) for j in J))
               for i in I):
            return True
    title = lambda i: (docs.get(evidence[i]["doc"]) or {}).get("title") or ""  # noqa: E731
    if _counts_cfg().get("headline_revision") and \
            any(revision_cue(title(i)) for i in IA + IB):
        return True
    if not (isinstance(ka, Count) and isinstance(kb, Count)):
        return False
    if _counts_cfg().get("early_superseded"):
        # a first toll told "today" against a higher figure of another report that tells the day otherwise
        # ("يوم الاثنين", "أمس": written after it; a crawl's day is no publication day, SaudiNewsNet's old articles
        # are fetched days later): the later report supersedes it
        for I, J, lo, hi in ((IA, IB, ka, kb), (IB, IA, kb, ka)):
            if lo.n < hi.n and any(early_cue(_sentence(evidence[i], docs)) and evidence[i]["doc"] != evidence[j]["doc"]
                                   and not early_cue(_sentence(evidence[j], docs)) for i in I for j in J):
                return True
    if _counts_cfg().get("risen_in_report"):
        # the larger figure's report tells it, in any of its sentences, as the toll risen to it ("حصيلة ضحاياه
        # ارتفعت إلى 32"): the smaller figure of another report is the earlier toll (Suruc's 30 and 32)
        text = lambda i: (docs.get(evidence[i]["doc"]) or {}).get("text") or ""  # noqa: E731
        for I, J, lo, hi in ((IA, IB, ka, kb), (IB, IA, kb, ka)):
            if lo.n < hi.n and any(risen_to(text(j), hi.n) for j in J
                                   if all(evidence[j]["doc"] != evidence[i]["doc"] for i in I)):
                return True
    voice = lambda i: W.chain[i][-1] if W.chain[i] else None  # noqa: E731
    day = lambda i: str((docs.get(evidence[i]["doc"]) or {}).get("published")  # noqa: E731
                        or (docs.get(evidence[i]["doc"]) or {}).get("retrieved") or "")[:10]
    for i in IA:
        for j in IB:
            if voice(i) is None or voice(i) != voice(j) or not day(i) or not day(j) or day(i) == day(j):
                continue
            later_higher = (day(i) > day(j)) == (ka.n > kb.n)
            if later_higher:
                return True
    return False


@lru_cache(maxsize=256)
def _normalized(text: str) -> str:
    return normalize(text)


def _narrative(time_text: str) -> bool:
    """A time told by reference to the narrative ("تلك الليلة", "that night", "the next day"): its day
    comes from another sentence (the time tagger's narrative_refs), so it is not stated here."""
    from ..timex.lexicon import norm_word
    w = norm_word(time_text.lower())
    return any(w in narrative_refs(lang) for lang in ("ar", "en"))


@lru_cache(maxsize=None)
def narrative_refs(lang: str) -> frozenset:
    """The time lexicon's narrative words (the keys of ``timex.lexicon.load(lang).words["narr"]``), read without
    compiling its time rules (about a second of any run of the reconciler that makes a conflict)."""
    from ..timex.lexicon import _raw, norm_word
    return frozenset(norm_word(w) for w in _raw(lang)["narrative_refs"])


def _stated(field, evidence, idx, docs) -> list[int]:
    """The evidence that does not take its time from another sentence of its document (a time
    carried over from another sentence or happening, or told as "that night", is no side of a
    contradiction)."""
    out = []
    for i in idx:
        t_raw = (evidence[i]["values"].get(field) or {}).get("text") or "" if field == "time" else ""
        if t_raw and _narrative(t_raw):
            continue
        if field == "time" and (evidence[i]["values"].get(field) or {}).get("bound"):
            continue            # a lower bound only (a later step's context time): not the step's own time
        if field == "time" and (evidence[i]["values"].get(field) or {}).get("inferred"):
            out.append(i)       # a context time (context_time.py): inferred on purpose, and shown so
            continue
        t = normalize(t_raw)
        sent = normalize(_sentence(evidence[i], docs or {}))
        whole = _normalized((docs.get(evidence[i]["doc"]) or {}).get("text") or "")
        if not t or not sent or t in sent or t not in whole:
            out.append(i)
    return out


def _denied_plan(ev: dict, docs: dict) -> bool:
    """A denial of a plan ("he did not plan to leave", "لم يخطط لمغادرة البلاد"): an intent word
    (the extractor's cues) stands between the negation and the trigger; it denies no happening."""
    from ..events.extract import _norm, load_lexicon
    text = (docs.get(ev.get("doc")) or {}).get("text") or ""
    ts = ev.get("trigger_start")
    if not text or ts is None:
        return False
    toks = re.findall(r"\w+", text[max(ev.get("start") or 0, ts - 60):ts])[-4:]
    intent = load_lexicon()["intent"]
    return any(_norm(t) in intent["ar"] or t.lower() in intent["en"] for t in toks)


@lru_cache(maxsize=1)
def _other_words() -> frozenset:
    from .values import vconfig
    return frozenset(normalize(w).lower() for ws in (vconfig().get("other_happening") or {}).values() for w in ws)


def _denies_another(ev: dict, docs: dict) -> bool:
    """A denial of *another* one ("no other headquarters was attacked", "لم يتعرض أي مقر آخر لهجوم"):
    a word of values.yaml ``other_happening`` near the trigger, in its sentence; it denies a different
    happening, not this one."""
    text = (docs.get(ev.get("doc")) or {}).get("text") or ""
    ts, te = ev.get("trigger_start"), ev.get("trigger_end")
    if not text or ts is None or te is None:
        return False
    s0, s1 = ev.get("start") or 0, ev.get("end") or len(text)
    window = text[max(s0, ts - 60):min(s1, te + 30)]
    words = _other_words()
    return any(normalize(t).lower() in words for t in re.findall(r"\w+", window))


@lru_cache(maxsize=1)
def _refusal_words() -> tuple[frozenset, frozenset]:
    from .values import vconfig
    cfg = vconfig()
    return tuple(frozenset(normalize(w).lower() for ws in (cfg.get(k) or {}).values() for w in ws)
                 for k in ("refusal_words", "refusal_negations"))


def _refused(ev: dict, docs: dict) -> bool:
    """A refusal, rejection, condemnation or warning of the happening ("رفض محاولات التدخل", "أدان الهجوم",
    "rejected any interference"): a word of values.yaml ``refusal_words`` among the four words before the
    trigger, in its sentence, with no negation of its own after it. What is rejected is a hypothetical, what is
    condemned did happen: neither is a denial that it happened, whatever the polarity read."""
    text = (docs.get(ev.get("doc")) or {}).get("text") or ""
    ts = ev.get("trigger_start")
    if not text or ts is None:
        return False
    words, negations = _refusal_words()
    toks = [normalize(t).lower() for t in re.findall(r"\w+", text[max(ev.get("start") or 0, ts - 60):ts])[-4:]]
    for k in range(len(toks) - 1, -1, -1):
        t = toks[k]
        if t in negations:
            return False
        if t in words or (t[:1] in "وفبل" and t[1:] in words):
            return True
    return False


@lru_cache(maxsize=1)
def _denial_subject_words() -> dict:
    from .values import vconfig
    from ..events.extract import load_lexicon
    cfg = vconfig()
    q = cfg.get("quantified_subject") or {}
    dc = cfg.get("denied_claim") or {}
    denied = (((load_lexicon().get("modality") or {}).get("ar") or {}).get("denied") or ())
    return {"classes": frozenset(q.get("classes") or ()),
            "type_class": {t: d.get("class") for t, d in schema.types().items()},
            "quant": _word_set({k: v for k, v in q.items() if k in ("ar", "en")}),
            "relative": _word_set(dc.get("relative")), "between": _word_set(dc.get("between")),
            "denial": frozenset(normalize(w).lower() for w in denied) | _word_set(dc.get("denial"))}


def _tokens(text: str) -> list[str]:
    return [normalize(t).lower() for t in re.findall(r"\w+", text)]


def _denies_claim(ev: dict, docs: dict) -> bool:
    """A denial of what was said or reported (values.yaml ``denied_claim``): the denied trigger is the verb of a
    relative clause, "ما" / "what" right before it (a passive light verb or an auxiliary between), with a denial
    word before that in its sentence ("ونفى المتحدث ... ما نقل عن زعيمهم", "denied what was reported"): what it
    denies is the claim, not that the trigger's happening took place (config ``conflicts.denial_subject``;
    refit30, issue #15)."""
    if not config()["conflicts"].get("denial_subject"):
        return False
    text = (docs.get(ev.get("doc")) or {}).get("text") or ""
    ts = ev.get("trigger_start")
    if not text or ts is None:
        return False
    w = _denial_subject_words()
    toks = _tokens(text[ev.get("start") or 0:ts])
    k = len(toks) - 1
    while k >= 0 and toks[k] in w["between"] and len(toks) - k <= 2:
        k -= 1
    if k < 0 or toks[k] not in w["relative"]:
        return False
    return any(in_words(t, w["denial"]) for t in toks[:k])


def _denies_other_subject(ev: dict, docs: dict, cmp: "Compare", asserting: list[int], evidence: list[dict]) -> bool:
    """A movement denied with a quantified subject that is not its doer (values.yaml ``quantified_subject``):
    "لم يصل أي خطاب رسمي" (no letter arrived) right after the trigger, "no letter arrived" right before it, where
    the noun is no word of the names of the doers that the asserting side tells: the denial is of such a thing's
    coming, not of the doer's (config ``conflicts.denial_subject``; refit30, issue #15)."""
    if not config()["conflicts"].get("denial_subject"):
        return False
    w = _denial_subject_words()
    if w["type_class"].get(ev.get("type")) not in w["classes"]:
        return False
    text = (docs.get(ev.get("doc")) or {}).get("text") or ""
    ts, te = ev.get("trigger_start"), ev.get("trigger_end")
    if not text or ts is None or te is None:
        return False
    s1 = ev.get("end") or len(text)
    after = _tokens(text[te:min(s1, te + 40)])[:3]
    before = _tokens(text[max(ev.get("start") or 0, ts - 40):ts])[-2:]
    noun = None
    if len(after) >= 2 and after[0] in w["quant"]:
        noun = after[1]
    elif len(before) == 2 and before[0] in w["quant"] and re.fullmatch(r"[a-z]+", before[1] or ""):
        noun = before[1]
    if not noun:
        return False
    noun = _qualifier_word(noun)
    doers = set()
    for i in asserting:
        ag = evidence[i]["values"].get("agent")
        doers.update(ag if isinstance(ag, list) else [ag] if ag else [])
    names = []
    for d in doers:
        if isinstance(d, str) and d in cmp.ents.by_id:
            names += _org_names(cmp.ents.by_id[d])
        elif isinstance(d, str):
            names.append(d.split(":", 1)[-1])
    words = {_qualifier_word(t) for n in names for t in _tokens(n)}
    return noun not in words


def _same_voice_denies(den, asserting, W: Witnesses) -> bool:
    """A quoted voice that tells the happening and also 'denies' it is denying something else
    ("no other headquarters was attacked"): no conflict."""
    told = {W.chain[i][-1] for i in asserting if W.chain[i]}
    return any(W.chain[i] and W.chain[i][-1] in told for i in den)


def _moment(ev: dict) -> str:
    """Which moment of a journey a mention's time names, by its type (travel.yaml time_anchor): "arrived
    at 7:55" the end, "left at dawn" the start; other happenings have one moment."""
    from ..timecheck import _anchor
    return _anchor(ev.get("type"))


def _pairs(field, rows, evidence, W: Witnesses, cmp: Compare, routes=None, docs=None):
    """Pairs of rows said by different witnesses, with their relation."""
    out = []
    if field in SET_FIELDS:
        # compare what each witness says as a whole (a journey can use several means)
        by_root = defaultdict(set)
        for r, row in enumerate(rows):
            for i in row["evidence"]:
                by_root[W.root[i]].add(r)
        roots = sorted(by_root)
        for x in range(len(roots)):
            for y in range(x + 1, len(roots)):
                RA, RB = by_root[roots[x]], by_root[roots[y]]
                IA = [i for r in RA for i in rows[r]["evidence"] if W.root[i] == roots[x]]
                IB = [i for r in RB for i in rows[r]["evidence"] if W.root[i] == roots[y]]
                if not W.any_distinct(IA, IB):
                    continue
                A = frozenset(k for r in RA for k in (rows[r]["key"][1] if rows[r]["key"][0] == "s" else [rows[r]["key"]]))
                B = frozenset(k for r in RB for k in (rows[r]["key"][1] if rows[r]["key"][0] == "s" else [rows[r]["key"]]))
                rel = cmp.set_rel(A, B, field)
                if rel == "same" or rel == "different" and field == "means" and _legs_apart(evidence, IA, IB, cmp):
                    continue
                ga = any(rows[r]["grounded"] for r in RA)
                gb = any(rows[r]["grounded"] for r in RB)
                out.append((sorted(RA), sorted(RB), rel, ga and gb, IA, IB))
        return out
    for x in range(len(rows)):
        for y in range(x + 1, len(rows)):
            rel = cmp.rel(field, rows[x]["key"], rows[y]["key"])
            if rel == "same":
                continue
            EA, EB = rows[x]["evidence"], rows[y]["evidence"]
            if rel == "different" and field == "time" and docs:
                EA, EB = _stated(field, evidence, EA, docs), _stated(field, evidence, EB, docs)
            # times and destinations of one moment only: a leg's departure and its arrival are two moments of
            # one journey ("left at dawn" / "landed at 7:55"; "left for the border" / "arrived in the capital")
            apart = (lambda i, j: W.distinct(i, j) and _moment(evidence[i]) == _moment(evidence[j])) \
                if field in ("time", "destination") and rel == "different" else W.distinct
            IA = [i for i in EA if any(apart(i, j) for j in EB)]
            IB = [j for j in EB if any(apart(i, j) for i in EA)]
            if not IA:
                continue
            if rel == "different" and field in ("origin", "destination", "place") \
                    and not _same_leg(evidence, IA, IB, field, cmp):
                # a place that is a stop on the other witness's route: partial route
                ra = _route_items(evidence, IA, cmp, routes)
                rb = _route_items(evidence, IB, cmp, routes)
                ka, kb = rows[x]["key"], rows[y]["key"]
                if any(cmp.item_rel(ka, k, field) != "different" for k in rb) or \
                        any(cmp.item_rel(kb, k, field) != "different" for k in ra):
                    rel = "precision"
            if field == "polarity":
                # a denial counts only when a named voice denies (A says X, B denies it)
                den = IA if rows[x]["key"][1] == "denied" else IB if rows[y]["key"][1] == "denied" else None
                if den is not None and docs and all(
                        _denied_plan(evidence[i], docs) or _denies_another(evidence[i], docs) or _refused(evidence[i], docs)
                        or _denies_claim(evidence[i], docs)
                        or _denies_other_subject(evidence[i], docs, cmp, rows[y if den is IA else x]["evidence"], evidence)
                        for i in den):
                    continue
                if den is None or not all(_explicit(evidence[i]) for i in den) or \
                        all(not chain for chain in (W.chain[i] for i in den)):
                    continue
                if _same_voice_denies(den, rows[y if den is IA else x]["evidence"], W):
                    continue
            out.append(([x], [y], rel, rows[x]["grounded"] and rows[y]["grounded"], IA, IB))
    return out


def _kind(field, chosen, evidence, W: Witnesses) -> str:
    """refinement: the values differ only in precision; attributed: a contradiction where every
    side is a quoted voice and the voices differ (A says X, B says Y); contradiction: the reporters
    themselves, or one source, differ."""
    if field == "polarity":
        return "attributed"
    if chosen[0][2] == "precision":
        return "refinement"
    for _, _, _, _, IA, IB in chosen:
        if not all(_explicit(evidence[i]) for i in IA + IB):
            return "contradiction"
        for i in IA:
            for j in IB:
                if evidence[i]["upstream"] == evidence[j]["upstream"]:
                    return "contradiction"
                if evidence[i]["doc"] == evidence[j]["doc"] and not W.distinct(i, j):
                    return "contradiction"
                if evidence[i]["doc"] != evidence[j]["doc"] and \
                        evidence[i]["independent_account"] == evidence[j]["independent_account"]:
                    return "contradiction"
    return "attributed"


def _compatible_groups(field, rows) -> list[list[int]]:
    """For times: maximal sets of values (indexes into `values`) whose intervals
    share a moment, i.e. which accounts could all be right together."""
    if field != "time":
        return []
    ivs = [timeiv.interval(r["value"]) for r in rows]
    pts = sorted({p for iv in ivs if iv for p in iv})
    groups = []
    for p in pts:
        g = [i for i, iv in enumerate(ivs) if iv and iv[0] <= p <= iv[1]]
        if g and not any(set(g) <= set(h) for h in groups):
            groups = [h for h in groups if not set(h) <= set(g)] + [g]
    return sorted(groups)


# ------------------------------------------------------------------ words

@lru_cache(maxsize=1)
def _formula_words() -> frozenset:
    from .values import vconfig
    return frozenset(normalize(w) for w in vconfig().get("formula_words") or ())


def formula_name(x, ents) -> bool:
    """Is entity `x` named only by the words of a formula ("الله" of «حفظه الله», «بفضل الله», "بحفظ الله"):
    God, read as a person or an organisation, never whom or what a happening is about (``values.yaml``
    formula_words; refine23: "On Allah's flight", "the attack on Allah")."""
    e = ents.by_id.get(x) if isinstance(x, str) and hasattr(ents, "by_id") else None
    words = _formula_words()
    if not e or not words:
        return False
    toks = re.findall(r"\w+", normalize(e.get("name_ar") or ""))
    return bool(toks) and all(t in words for t in toks)


def _subject_role(ev, ents, lang):
    """Whom or what the happening is about, and the role it was read from (None for a place): its class's
    key roles first (a city's fall is about the city, not who took it), then the agent. Victims told by
    their number ("أربعة عناصر", four members) name no one: the toll is what the accounts compare, so the
    happening is named by the next role or its place."""
    from .core import _counted
    kr = schema.key_roles()
    for role in list(kr.get(ev.get("class"), kr["other"])) + ["agent", "theme", "patient"]:
        if role == "place":
            if _label_place(ev, ents):
                return ents.label(ev["place"], lang), "place"
            continue
        for p in ev["participants"]:
            # a phrase no entity was resolved for ("آخرون" others, "عددٍ" a number, a wound's description)
            # names no one: the happening is named by an entity, its place, or its kind alone
            if p["role"] == role and not _counted(p["entity"]) and not str(p["entity"]).startswith("raw:") \
                    and not formula_name(p["entity"], ents):
                return ents.label(p["entity"], lang, clean=True), role
    if _label_place(ev, ents):
        return ents.label(ev["place"], lang), "place"
    return None, None


def _side_subject(ev, ents, lang, evidence: list[dict], idx, W: "Witnesses", ties: dict | None = None,
                  field: str | None = None):
    """Whom or what a conflict's happening is about, read from what its sides tell (config
    conflicts.label_from_sides; off: ``_subject_role``, the event's participants as a whole). A merged event
    can hold other happenings' participants (a shelling by the Houthis merged with a sentence read as killing
    them: "On al-Houthi's killing"); the sides are what the reader compares, so the label names:
    - as the victim (a key role other than the doer), one a side's own mention tells as a main actor (``ties``:
      mention id -> its resolved main actors; without ties, one an independent account of the sides tells),
      the one most sides tell, never one a side tells as the doer nor one a side quotes (the health
      spokesman "Said Al-Naqir's injury"); in a disagreement over a count, never
      a person (a toll of 57 is no one man's killing: "Ali Abdullah Saleh's killing", the shelling his forces
      did, misread);
    - as the doer, one a side's own mention tells as its own doer (the mention's values: a doer told in
      another clause, or an outlet, is none), never an outlet, and, where the class is not about its doer
      ("the attack by X"), never a voice of the event's evidence (a ministry that condemned an attack, read
      as its doer: "the attack by US State Department");
    - as the place, the resolved place (not a body or a person) the sides' mentions tell most, else the
      event's own place, else the place its other mentions tell most."""
    from .core import _counted
    told = Counter(evidence[i].get("independent_account") for i in idx)
    side_doers = Counter(a for i in idx for a in set((evidence[i].get("values") or {}).get("agent") or ()))
    actors = Counter(a for i in idx for a in set(((ties or {}).get(evidence[i].get("mention")) or ((),))[0]))
    voices = {k for ch in W.chain for k in ch}
    side_voices = {k for i in idx for k in W.chain[i]}
    place = _side_place(ev, ents, evidence, idx)
    kr = schema.key_roles()
    key = list(kr.get(ev.get("class"), kr["other"]))
    # whom the kind of happening befalls first (an arrest is about the arrested, not who arrested)
    first = [r for r in sorted(schema.fate_roles().get(ev.get("type") or "", ())) if r != "agent" or "agent" in key]
    for role in list(dict.fromkeys(first + key + ["agent", "theme", "patient"])):
        if role == "place":
            if place is not None:
                return ents.label(place, lang), "place"
            continue
        cands = []
        for p in ev.get("participants") or []:
            e = p.get("entity")
            if p.get("role") != role or _counted(e) or not isinstance(e, str) or e.startswith("raw:") \
                    or formula_name(e, ents):
                continue
            if role == "agent":
                if "agent" not in key and (e in voices or e.startswith("e:outlet:")):
                    continue
                # a doer the sides' mentions tell; where the doer is who the happening is about (a request, a
                # visit), one an account of the sides tells will do ("سموه" unresolved in the side's own mention)
                n = side_doers[e] * 1000 or ("agent" in key and sum(told[a] for a in set(p.get("accounts") or ())))
            else:
                n = actors[e] if ties else sum(told[a] for a in set(p.get("accounts") or ()))
                if side_doers[e] or e in side_voices or \
                        (field == "amount" and (ents.by_id.get(e) or {}).get("type") == "person"):
                    continue
            if n:
                cands.append((-n, -len(p.get("accounts") or ()), e))
        if cands:
            return ents.label(min(cands)[2], lang, clean=True), role
    if place is not None:
        return ents.label(place, lang), "place"
    return None, None


def _place_ok(x, ents) -> bool:
    """A value that can name where a happening was: a resolved entity, not a body or a person
    (config conflicts.label_place_not_actor)."""
    if not isinstance(x, str) or x not in ents.by_id:
        return False
    e = ents.by_id[x]
    kind = e.get("type") if isinstance(e, dict) else None
    return not (config()["conflicts"].get("label_place_not_actor") and kind in ("organization", "person"))


def _side_place(ev, ents, evidence: list[dict], idx):
    """The place a conflict's happening is named by (``_side_subject``)."""
    def most(I):
        n = Counter(evidence[i]["values"].get("place") for i in I if _place_ok((evidence[i].get("values") or {}).get("place"), ents))
        return min(n, key=lambda x: (-n[x], str(x))) if n else None
    own = ev.get("place") if _place_ok(ev.get("place"), ents) else None
    if own is not None and any((evidence[i].get("values") or {}).get("place") == own for i in idx):
        return own      # the event's own place, where a side tells it (the finer of a place refinement, mostly)
    best = most(idx)
    if best is None:
        best = own
    return best if best is not None else most(range(len(evidence)))


def _label_place(ev, ents) -> bool:
    """Can the happening be named by its place ("the killing in X")? Not where the place the mentions give is a
    body or a person (a mosque "of the special emergency forces" read as the forces: "the killing in special
    emergency forces"); config conflicts.label_place_not_actor."""
    return bool(ev.get("place")) and _place_ok(ev["place"], ents)


def _in_place(ev, role) -> bool:
    """Named by where it happened, for a class that is about someone ("the killing in Asir"); a class
    keyed first by its place is about that place ("Aleppo's fall")."""
    kr = schema.key_roles().get(ev.get("class")) or schema.key_roles()["other"]
    return role == "place" and kr[:1] != ["place"]


def _by_doer(ev, role) -> bool:
    """The happening is named after its doer although its class is about whom it befalls (a killing
    whose victims are only counted): "the killing by X", never "X's killing", which names X the victim."""
    kr = schema.key_roles()
    return role == "agent" and "agent" not in kr.get(ev.get("class"), kr["other"])


def value_label(field, v, ents, lang):
    tp = templates()
    if field == "time":
        lab = v.get("text") or f"{v.get('earliest') or '…'} – {v.get('latest') or '…'}"
        how = v.get("inferred")
        if how and v.get("bound") == "after":   # a lower bound, not the step's time: say so
            how = "after"
        return tp["inferred_time"].get(how, tp["inferred_time"]["chain"])[lang].format(value=lab) if how else lab
    if field == "polarity":
        return tp["polarity_values"].get(v, {}).get(lang, v)
    if field == "amount":
        return str(v)
    if field == "duration":
        return (v or {}).get("text") or (v or {}).get("value") or ""
    if field == "phase":
        return phase_label(v, lang)
    if field == "rank":
        return rank_label(v, lang)
    if field == "age":
        return templates()["age_value"][lang].format(n=f"{v:g}")
    if field == "companions" and v == [ALONE]:
        return alone_label(lang)
    return ents.label(v, lang, clean=True)


def _voice_person(link: dict, k: str, doc_id: str, text: str, ents) -> str:
    """An unresolved voice whose words hold its speaker's name is that person (config conflicts.voice_person): the
    span runs on past the body it speaks for to the name ("المتحدث باسم وزارة الداخلية اللواء منصور التركي": منصور
    التركي; "شرطة كابول عبد الرحمن رحيمي"). A person named at the span's start, or right after an organisation or a
    place the span names, with only ranks between (values.yaml voice_name_lead), and no function word nor punctuation
    but commas before it in the span. Never a name that completes a title ("نائب خادم الحرمين", "المتحدث باسم الرئيس
    الأفغاني أشرف غني": another's deputy or spokesman) nor one the words about it follow ("سياسيون يمنيون على عودة
    خالد بحاح"); nor a name split in two (two persons' names side by side: which is it?)."""
    if k in ents.by_id or not config()["conflicts"].get("voice_person"):
        return k
    s, e = link.get("start"), link.get("end")
    if not isinstance(s, int) or not isinstance(e, int) or len(text) < e:
        return k            # the words before the name cannot be read: the voice as it is
    inside = [m for m in _doc_spans(ents, doc_id) if s <= m[0] < e]     # a name may run on past the span's end
    bodies = [m[1] for m in inside if m[3] in ("organization", "place") and m[1] <= e]
    for a, b, x, typ in inside:
        if typ != "person":
            continue
        if _has_function_word(text[s:a]):
            return k
        after = max([s] + [z for z in bodies if z <= a])
        lead = _listed("voice_name_lead")
        if all(w in lead for w in normalize(text[after:a].replace("،", " ").replace(",", " ")).split()):
            nxt = [m for m in inside if m[2] != x and m[3] == "person" and b <= m[0] and not text[b:m[0]].strip()]
            return k if nxt or _unfinished(ents.by_id[x].get("name_ar")) else x
    return k


def _title_word(word: str) -> bool:
    """A word that heads a title (data/ner roles.txt, occupations.txt: مدير، المتحدث، رئيس، إمام), not a rank
    (values.yaml voice_name_lead: a rank leads a name, it holds no office of its own)."""
    from ..ner import _occupation
    w = word.strip("«»\"'“”،,")
    if normalize(w) in _listed("voice_title_not"):
        return False    # a title's feminine that names a place (محافظة: a governorate, not a governor)
    return bool(w) and normalize(w) not in _listed("voice_name_lead") and \
        (_occupation(w) or (not normalize(w).startswith("ال") and _occupation("ال" + w)))


def _voice_title_name(link: dict, k: str, doc_id: str, text: str, ents) -> str:
    """An unresolved voice that is a title, whose holder the text names right after it, is that person (config
    conflicts.voice_title_name): the link's span stops at the title ("مدير عام مكتب الصحة والسكان" + "اليمني الخضر
    لصور", "الأمين" + "العام للأمم المتحدة بان كي مون") or the head rule cut the name off. The first person named
    from the span's start, within max_words words past its end, with no other title between (the name completes
    that one: "متحدث باسم الرئيس الأفغاني أشرف غني" is the spokesman, not Ghani), not right after a word of one who
    serves another (values.yaml voice_title_of: "نائب خادم الحرمين الشريفين" is the deputy), no function word but those of
    values.yaml voice_title_gap (a locative "في") and no punctuation but commas and quotes between."""
    cfg = config()["conflicts"].get("voice_title_name")
    if k in ents.by_id or not cfg:
        return k
    s, e = link.get("start"), link.get("end")
    if not isinstance(s, int) or not isinstance(e, int) or len(text) < e:
        return k
    words = [w for w in text[s:e].split() if normalize(w.strip("،,")) not in _listed("voice_name_lead")]
    if not words or not _title_word(words[0]):
        return k
    stop = vconfig()["_stop"] - _listed("voice_title_gap")
    for a, b, x, typ in _doc_spans(ents, doc_id):
        if a < s or typ != "person" or (a and text[a - 1].isalnum()):
            continue    # a name read inside a word («لولاية ساكسونيا» tagged a person): not the title's holder
        gap = text[s:a]
        if len(text[e:a].split()) > cfg.get("max_words", 8) or \
                _has_function_word(gap, allowed="،,«»\"'“”", stop=stop) or \
                sum(_title_word(w) for w in gap.split()) > 1 or _unfinished(ents.by_id[x].get("name_ar")) or \
                normalize((gap.split() or [""])[-1]) in _listed("voice_title_of"):
            return k
        # named no shorter than the text writes him («يوسف دياب», not the resolver's «دياب»): else the title stays
        full = len(_voice_name(x, {"text": text}, ents, "ar").split()) >= len(text[a:b].split())
        return x if full else k
    return k


def _voice_anaphor(link: dict, k: str, doc_id: str, text: str, ents) -> str:
    """An unresolved voice of one word, a noun with the article («المرصد», «المنظمة», «الوكالة»), that the report
    wrote before as the head of an organisation's name (values.yaml voice_anaphor_nouns: the noun of one body's
    proper name, not a kind every country has) is that organisation (config conflicts.voice_anaphor): the
    nearest one before the span whose name's first word is the same noun («المرصد السوري لحقوق الإنسان»)."""
    if k in ents.by_id or not config()["conflicts"].get("voice_anaphor"):
        return k
    s = link.get("start")
    words = normalize(link.get("name") or "").split()
    if not isinstance(s, int) or len(words) != 1 or words[0] not in _listed("voice_anaphor_nouns"):
        return k    # a body every country has («الجيش», «الشرطة»): the army named before may be another's
    noun = words[0][2:]
    best = None
    for a, b, x, typ in _doc_spans(ents, doc_id):
        if a >= s:
            break
        first = (normalize(ents.by_id[x].get("name_ar") or "").split() or [""])[0]
        before = (normalize(re.sub(r"[«»\"'“”]", " ", text[max(0, a - 20):a])).split() or [""])[-1]
        if typ == "organization" and noun in (first, first[2:] if first.startswith("ال") else first, before):
            best = x        # its name starts with the noun, or the text writes the noun before it («منظمة هيومن رايتس ووتش»)
    return best or k


def _voice_words(link: dict, doc_id: str, text: str, ents) -> str | None:
    """The words that name an unresolved voice, where its span says more than them, else None. A name the name tagger
    split in two, two persons' names side by side at the span's start ("سيد" + "ظفر هاشمي المتحدث باسم الرئيس"):
    the two as written (config conflicts.voice_person). The outlet it spoke to, a last word "ل" + a known
    organisation ("قائد قوات محلية لرويترز"): cut (config conflicts.voice_addressee)."""
    s, e = link.get("start"), link.get("end")
    if not isinstance(s, int) or not isinstance(e, int) or len(text) < e:
        return None
    cfg = config()["conflicts"]
    if cfg.get("voice_person"):
        lead = _listed("voice_name_lead")
        people = [m for m in _doc_spans(ents, doc_id) if s <= m[0] < e and m[3] == "person"]
        if people and all(w in lead for w in normalize(text[s:people[0][0]]).split()):
            run = [people[0]]
            for m in people[1:]:
                if m[2] != run[-1][2] and run[-1][1] <= m[0] and not text[run[-1][1]:m[0]].strip():
                    run.append(m)
            if len(run) > 1:
                return " ".join(text[run[0][0]:run[-1][1]].split())
    if cfg.get("voice_addressee"):
        words = text[s:e].split()
        if len(words) > 1:
            last = words[-1].lstrip("ل").lstrip("ـ").strip("«»\"'“”")
            x = ents.by_id.get(ents.resolve_name(last)) if words[-1].startswith("ل") and last else None
            if x and x.get("type") == "organization":
                return " ".join(words[:-1])
    return None


def _doc_spans(ents, doc_id: str) -> list:
    """(start, end, entity, type) of every entity mention in a document, in order (made once per index)."""
    if not hasattr(ents, "_lazy"):
        return []
    if "voice_spans" not in ents._lazy:
        out: dict = defaultdict(list)
        for x, e in ents.by_id.items():
            for m in e.get("mentions") or ():
                if isinstance(m, dict) and m.get("doc") and isinstance(m.get("start"), int) and isinstance(m.get("end"), int):
                    out[m["doc"]].append((m["start"], m["end"], x, e.get("type")))
        ents._lazy["voice_spans"] = {d: sorted(v) for d, v in out.items()}
    return ents._lazy["voice_spans"].get(doc_id, [])


def _unfinished(name: str | None) -> bool:
    """Does a name end on a word that wants another after it («عبدالله بن»: values.yaml voice_name_unfinished)?"""
    words = normalize(name or "").split()
    return not words or words[-1] in _listed("voice_name_unfinished")


@lru_cache(maxsize=None)
def _listed(key: str) -> frozenset:
    """One of values.yaml's word lists for account labels (voice_name_lead, voice_title_of ...), normalised once."""
    return frozenset(normalize(w) for w in vconfig().get(key) or ())


def _has_function_word(text: str, allowed: str = "،,", stop: set | None = None) -> bool:
    """Does a stretch of a voice's words hold a function word (values.yaml stop_words, or ``stop``) or a punctuation
    mark other than those ``allowed`` (a comma: a title's apposition "رئيس لجنة أهالي الأسرى، أمجد أبو عصب")?"""
    from .values import _PUNCT, _WORD
    stop = vconfig()["_stop"] if stop is None else stop
    return bool(_PUNCT.search(re.sub(f"[{re.escape(allowed)}]", " ", text))) or \
        any(w in stop for w in _WORD.findall(normalize(text)))


def _voice_name(k: str, doc: dict, ents, lang: str) -> str:
    """A resolved voice's name for a reader. A person known by no knowledge-base record is named by the fullest of
    its names that holds every word of its canonical one and that the voice's own document writes (config
    conflicts.voice_full_name): "جعفر محمد سعد", not the short form "سعد" that names it most often."""
    e = ents.by_id[k]
    if e.get("type") != "person" or e.get("kb_id") or not config()["conflicts"].get("voice_full_name"):
        return ents.label(k, lang)
    canon = normalize(e.get("name_ar") or "").split()
    text = " " + " ".join(normalize(doc.get("text") or "").split()) + " "
    full = [a for a in e.get("aliases") or () if len(normalize(a).split()) > len(canon)
            and set(canon) <= set(normalize(a).split()) and f" {' '.join(normalize(a).split())} " in text]
    most = max((len(a.split()) for a in full), default=0)
    best = sorted({a for a in full if len(a.split()) == most})
    if not canon or len(best) != 1:
        return ents.label(k, lang)
    if lang == "ar":
        return best[0]
    from ..resolve import _romanize_batch       # as the resolver romanises a name (its model, cached on disk)
    return _romanize_batch([best[0]]).get(best[0]) or ents.label(k, lang)


def source_label(ev: dict, docs: dict, ents, lang: str, split: bool = False):
    """Who says it, for a reader: the innermost attributed voice, with the outlets
    it came through; without attribution, the document's outlet, title or file. ``split``: (the voice or None,
    the outlets it came through, outermost last) instead of the sentence."""
    tp = templates()
    doc = docs.get(ev["doc"]) or {}
    own = ents.resolve_name(doc["outlet"]) if doc.get("outlet") else None
    names = []
    for n, link in enumerate((ev.get("attribution") or {}).get("chain") or []):
        if not link.get("name"):
            continue
        k = _link_key(link, ents)
        if (n == 0 and link.get("kind") == "outlet") or k == own:
            continue
        text = doc.get("text") or ""
        for named in (_voice_person, _voice_title_name, _voice_anaphor):
            k = named(link, k, ev["doc"], text, ents)
        lab = _voice_name(k, doc, ents, lang) if k in ents.by_id else \
            (_voice_words(link, ev["doc"], text, ents) or link["name"].strip())
        most = config()["conflicts"].get("source_head")
        if k not in ents.by_id and most and len(lab.split()) > most:
            # an unresolved voice read with the clause after it, as a reader names it: its head phrase ("نائب خادم
            # الحرمين الشريفين", not "... في بداية الاجتماع تعازي ومواساة خادم الحرمين ..."); a name of a few words
            # stays whole ("مفتي مصر، الدكتور شوقي علام")
            lab = display_raw(lab)
        if lab and lab not in names:
            names.append(lab)
    dl = doc_label(doc, ev["doc"], lang)
    if not names:
        return (None, [dl]) if split else dl
    outer = list(reversed(names[:-1])) + ([dl] if doc.get("outlet") else [])
    if split:
        return names[-1], outer
    if not outer:
        return names[-1]
    return tp["source_via"][lang].format(inner=names[-1], outer=tp["source_via_joiner"][lang].join(outer))


def _sources(idx, evidence, docs, ents, lang):
    """The voices of some evidence, each once: one voice that several outlets carry is named once with them
    ("نائب خادم الحرمين الشريفين (عبر صحيفة الرياض، صحيفة الوئام)"), not once per outlet (config
    conflicts.sources_grouped)."""
    tp = templates()
    if not config()["conflicts"].get("sources_grouped"):
        names = []
        for i in idx:
            n = source_label(evidence[i], docs, ents, lang)
            if n not in names:
                names.append(n)
        return tp["source_joiners"][lang].join(names)
    groups: dict = {}
    for i in idx:
        inner, outer = source_label(evidence[i], docs, ents, lang, split=True)
        key = (inner, tuple(outer[:-1])) if inner is not None else (None, tuple(outer))
        g = groups.setdefault(key, [])
        if inner is not None and outer and outer[-1] not in g:
            g.append(outer[-1])
    names = []
    for (inner, mid), outlets in groups.items():
        if inner is None:
            names.append(tp["source_via_joiner"][lang].join(mid))
        elif not mid and not outlets:
            names.append(inner)
        else:
            names.append(tp["source_via"][lang].format(inner=inner, outer=tp["source_via_joiner"][lang].join(
                list(mid) + outlets)))
    return tp["source_joiners"][lang].join(dict.fromkeys(names))


def _en(s: str) -> str:
    return s.replace("s's ", "s' ")


def _where(t: tuple, ents, coarse: frozenset) -> tuple[frozenset, frozenset]:
    """The places a mention's sentence names (resolved places and sentence entities): those finer than
    the coarse kinds (a country: a whole war is told in it), and the countries of them all."""
    fine, countries = set(), set()
    for x in t[1] | t[2]:
        e = ents.by_id.get(x) if ents is not None else None
        if not e or e.get("type") != "place":
            continue
        attrs = e.get("attrs") or {}
        if attrs.get("country"):
            countries.add(attrs["country"])
        if attrs.get("kind") not in coarse:
            fine.add(x)
    return frozenset(fine), frozenset(countries)


def _same_area(A: frozenset, B: frozenset, ents) -> bool:
    """Do two sets of places share one: the same entity or name, or one inside the other (a town
    in its province: values.contains)?"""
    name = lambda x: ents._norm(ents.by_id[x].get("name_ar") or ents.by_id[x].get("name_en") or x)  # noqa: E731
    return any(x == y or name(x) == name(y) or contains(ents.by_id[x], ents.by_id[y])
               or contains(ents.by_id[y], ents.by_id[x]) for x in A for y in B)


def _tied(pairs: list, field: str, evidence: list[dict], ties: dict | None, ents=None, cls: tuple = ()) -> list:
    """Contradictions whose sides can be told of one happening: two mentions of a side share a named main
    actor or key place; of a happening told without one, a place or another entity their sentences
    name. Disjoint times need the shared main actor: of no named actor they tell two happenings (the
    projectiles that fell on Friday and those that fell on Sunday), not a disagreement. A phase of flight
    needs no tie: only a crash clause that names one gives it, and a story seldom holds two crashes.
    For the fields of config ``place_apart_fields`` (counts, doers), sides whose sentences each name a
    place finer than ``coarse_place_kinds`` and none in common (nor one inside another) tell two happenings (a day's toll in one
    province against another's), even with a main actor shared (the same militia fights everywhere);
    so do those of ``place_apart_fields_by_class`` for a happening of that class or type (`cls`: the
    place of a meeting, press conferences in two cities, or a visit's destination: two meetings, two visits)."""
    if ties is None or field == "phase":
        return pairs
    ccfg = config()["conflicts"]
    apart = field in set(ccfg.get("place_apart_fields") or ()) \
        or field in {f for k in cls or () for f in (ccfg.get("place_apart_fields_by_class") or {}).get(k, ())}
    coarse = frozenset(ccfg.get("coarse_place_kinds") or ())

    def where(I):
        """Evidence index -> the places of its side's mentions in its document (a headline's toll
        takes the places its article's sentence of that toll names)."""
        out = {}
        for i in I:
            t = ties.get(evidence[i].get("mention"))
            if t is not None:
                out.setdefault(evidence[i].get("doc"), []).append(_where(t, ents, coarse))
        return {i: tuple(frozenset().union(*(w[k] for w in out.get(evidence[i].get("doc"), []))) for k in (0, 1))
                for i in I}

    def tie(i, j):
        a, b = ties.get(evidence[i].get("mention")), ties.get(evidence[j].get("mention"))
        if a is None or b is None:
            return True
        if apart:
            (fa, ca), (fb, cb) = at[i], at[j]
            if (fa and fb and not _same_area(fa, fb, ents)) or (ca and cb and not ca & cb):
                return False
        if a[0] & b[0]:
            return True
        return field != "time" and bool(a[1] & b[1] or a[2] & b[2])
    judged = _refinements_judged(field)
    out = []
    for RA, RB, rel, grounded, IA, IB in pairs:
        if rel == "different" or (rel == "precision" and judged):
            at = {**where(IA), **where(IB)} if apart else {}
            IA, IB = [i for i in IA if any(tie(i, j) for j in IB)], [j for j in IB if any(tie(i, j) for i in IA)]
            if not IA or not IB:
                continue
        out.append((RA, RB, rel, grounded, IA, IB))
    return out


@lru_cache(maxsize=1)
def _aggregate_cues() -> tuple:
    return tuple(normalize(c) for c in vconfig().get("aggregate_cues") or ())


def _aggregate(ev: dict, docs: dict) -> bool:
    """Does the sentence of `ev` tell a toll over a span (``values.yaml`` aggregate_cues: "since the start
    of", "in the past week", "منذ بداية", "خلال الأسبوع الماضي"), a sum of many happenings, not one's count?"""
    sent = normalize(_sentence(ev, docs))
    return bool(sent) and any(c in sent for c in _aggregate_cues())


def _judged(pairs: list, field: str, evidence: list[dict], judge, docs: dict) -> list:
    """Contradictions whose two sides are, compared directly, the same happening (``core.side_judge``: the
    pair scorer on the two side mentions themselves, not their transitive membership of one average-link
    cluster, plus an anchor a reader would demand: the same resolved main actor or victim, key place,
    place named in both sentences, or day), and neither side a toll over a span (``_aggregate``, for the
    fields of config ``same_happening.aggregate_fields``). A contradiction none of whose side pairs passes
    is not listed: the sides may be two happenings the merge joined."""
    if judge is None:
        return pairs
    cfg = config()["conflicts"].get("same_happening") or {}
    agg = field in set(cfg.get("aggregate_fields") or ())
    seen: dict = {}

    def same(i, j):
        a, b = evidence[i].get("mention"), evidence[j].get("mention")
        if a == b:
            return False
        k = (a, b) if str(a) <= str(b) else (b, a)
        if k not in seen:
            seen[k] = judge(k[0], k[1], field)
        return seen[k]
    judged = _refinements_judged(field)
    out = []
    for RA, RB, rel, grounded, IA, IB in pairs:
        if rel == "different" or (rel == "precision" and judged):
            if agg and rel == "different":      # a toll over a span against the same toll is a refinement
                IA = [i for i in IA if not _aggregate(evidence[i], docs)]
                IB = [j for j in IB if not _aggregate(evidence[j], docs)]
            IA, IB = [i for i in IA if any(same(i, j) for j in IB)], [j for j in IB if any(same(i, j) for i in IA)]
            if not IA or not IB:
                continue
        out.append((RA, RB, rel, grounded, IA, IB))
    return out


def _refinements_judged(field: str) -> bool:
    """Are the refinements of this field held to the tests of one happening a contradiction passes (``_tied``,
    ``_judged``)? Config same_happening.refinement_fields (conf19): a count "refinement" between two happenings the
    merge joined (a police academy's 20 dead against a truck bomb's 15, a day's air strikes against another day's)
    is neither a refinement nor a disagreement; one that fails them is not shown."""
    return field in set((config()["conflicts"].get("same_happening") or {}).get("refinement_fields") or ())


def _few_values(pairs: list, field: str, judge, rivals: set | None = None) -> list:
    """A disagreement among more values than ``same_happening.max_values`` (per field) is no contradiction: three
    or more different tolls of "one happening" are mostly the tolls of several happenings the merge joined (a
    day's attacks in one city: 20 at a police academy, 15 in a truck bombing, 8 at a base), not rival accounts."""
    if judge is None:
        return pairs
    most = ((config()["conflicts"].get("same_happening") or {}).get("max_values") or {}).get(field)
    listed = {r for p in pairs if p[2] == "different" for r in p[0] + p[1]}
    # the figures told apart only by their units or groups count too: a merge of six Anbar tolls left with two
    # of one unit is still six happenings (config counts.rivals_before_units)
    hidden = set(rivals or ()) if _counts_cfg().get("rivals_before_units") else set()
    if not most or not listed or len(listed | hidden) <= most:
        return pairs
    return [p for p in pairs if p[2] != "different"]


def _refinement_cfg() -> dict:
    return config()["conflicts"].get("refinements") or {}


@lru_cache(maxsize=1)
def _weekday_words() -> dict:
    """The weekday names of ``values.yaml`` (normalised as a word) -> their day as the time rules number it
    (data/timex weekdays: 0 = Monday), for the night that joins two days."""
    from ..timex.lexicon import norm_word, weekdays
    from .values import vconfig
    tables = (weekdays("ar"), weekdays("en"))
    out = {}
    for w in vconfig().get("weekdays") or ():
        day = next((t[norm_word(w)] for t in tables if norm_word(w) in t), None)
        if day is not None:
            out[normalize(w).lower()] = day
    return out


@lru_cache(maxsize=1)
def _night_words() -> frozenset:
    return frozenset(normalize(w).lower() for w in _refinement_cfg().get("night_words") or ())


def time_weekdays(text: str | None) -> frozenset:
    """The days of the week a time expression names ("اليوم الاثنين" -> Monday; "ليل السبت الأحد" -> Saturday and
    Sunday). A night or a midnight ("ليلة السبت", "بعد منتصف ليل الأحد") names the days on either side of it too:
    Arabic tells the night before a day and the night after it by the same words."""
    if not text:
        return frozenset()
    words = re.findall(r"\w+", normalize(text).lower())
    table = _weekday_words()
    days = {table[w] for w in words if w in table}
    if days and _night_words() & set(words):
        days |= {(d + k) % 7 for d in days for k in (-1, 1)}
    return frozenset(days)


def _told_days(v) -> tuple[int, int] | None:
    """The calendar days (ordinals) a time value tells, where it tells a day in words that name one: a day counted
    from the writing day ("أمس", "صباح اليوم"), a weekday or a date with its number, known to a day or finer (not
    "الأسبوع الماضي", not a feast "عيد الفطر" whose days the tagger guesses). A night names the day before too.
    ``latest`` is the day as told: the window an unknown publication day gives (timex/retrieved.py) moves only
    ``earliest``."""
    if not isinstance(v, dict) or v.get("precision") not in ("day", "part_of_day", "hour", "minute") or not v.get("latest"):
        return None
    text = v.get("text") or ""
    if not (deictic(text) or time_weekdays(text) or re.search(r"\d", text.translate(_DIGITS_AR))):
        return None
    try:
        day = date.fromisoformat(v["latest"][:10]).toordinal()
    except ValueError:
        return None
    return (day - 1, day) if night_told(text) else (day, day)


def night_told(text: str) -> bool:
    """Does a time expression name a night (``refinements.night_words``), a word read also without its و/ال/ب?"""
    words = set(re.findall(r"\w+", normalize(text).lower()))
    words |= {w[k:] for w in words for k in (1, 2, 3) if w[:k] in ("و", "ال", "وال", "ب", "بال")}
    return bool(_night_words() & words)


def _days_told_apart(IA, IB, evidence, min_days: int) -> bool:
    """Two sides of a time "refinement" whose every pair of values tells days at least ``min_days`` apart
    (``refinements.days_told_apart``): two values known to a day on days that far apart are no one day told at
    two precisions; only the window of an unknown publication day (up to two days before the retrieval day) made
    their intervals overlap. They are two happenings the merge joined, or the time of another happening."""
    def days(I):
        out = []
        for i in I:
            d = _told_days(evidence[i]["values"].get("time"))
            if d is None:
                return None
            out.append(d)
        return out
    A, B = days(IA), days(IB)
    if not A or not B:
        return False
    return all(max(a[0] - b[1], b[0] - a[1]) >= min_days for a in A for b in B)


def _days_named(I, evidence, field) -> frozenset:
    out: set = set()
    for i in I:
        v = evidence[i]["values"].get(field)
        out |= time_weekdays(v.get("text") if isinstance(v, dict) else None)
    return frozenset(out)


def _place_kind(ents, key) -> str | None:
    """The kind (``attrs.kind``: city, governorate, country ...) of the entity a value key ("e", id) names."""
    return ((ents.by_id.get(key[1]) or {}).get("attrs") or {}).get("kind")


def _same_level(ka, kb, ents, rc: dict) -> bool:
    """Two places of one administrative level (``refinements.levels``: two governorates, two countries), not the
    same: neither is inside the other, whatever the radius that ``values.contains`` allows a level says (Ta'izz and
    Lahij, 110 km apart, are two governorates, not one told at two precisions)."""
    if ka[0] != "e" or kb[0] != "e" or ka[1] == kb[1]:
        return False
    kind = _place_kind(ents, ka)
    return kind is not None and kind == _place_kind(ents, kb) and kind in set(rc.get("levels") or ())


def _coarse_named(I, other_key, evidence, ties, ents, coarse, km: float = 0.0) -> list:
    """The evidence of a side whose value is a country (a coarse place) that names in its own sentence the finer
    place the other side gives, or a place inside it or around it: "إحدى البلدات في محافظة حمص وسط سوريا" for Al
    Qaryatayn. A sentence that names only the country ("ضربات في العراق وسوريا") or places elsewhere (Kunduz for
    Kabul) tells another happening the merge joined, not the same one less precisely."""
    fine = ents.by_id.get(other_key[1]) if other_key and other_key[0] == "e" else None
    if not fine:
        return list(I)
    out = []
    for i in I:
        t = ties.get(evidence[i].get("mention"))
        if t is None:
            out.append(i)
            continue
        named = _where(t, ents, coarse)[0]
        if other_key[1] in t[1] | t[2] or (named and _same_area(named, frozenset([other_key[1]]), ents)) \
                or any(near(ents.by_id.get(x), fine, km) for x in named):
            out.append(i)
    return out


def _content_words(text: str) -> frozenset:
    return frozenset(w for w in re.findall(r"\w+", normalize(text or "").lower()) if len(w) > 2 and not w.isdigit())


def _tie_signs(k: int, evidence: list[dict], ties: dict | None, ents, docs: dict, coarse: frozenset) -> tuple:
    """What a side of a time refinement could share with another (`_sides_tied`): the people and the places finer
    than ``coarse_place_kinds`` its sentence names (the reconciler's `ties`: main actors, places, the entities of the
    sentence), and the content words of its sentence."""
    t = (ties or {}).get(evidence[k].get("mention"))
    told = set()
    for x in (t[0] | t[1] | t[2]) if t else ():
        e = ents.by_id.get(x) or {}
        kind = (e.get("attrs") or {}).get("kind")
        if e.get("type") == "person" or e.get("type") == "place" and kind not in coarse:
            told.add(x)
    return told, _content_words(_sentence(evidence[k], docs))


def _signs_tied(a: tuple, b: tuple, min_shared: float) -> bool:
    if a[0] & b[0]:
        return True
    wa, wb = a[1], b[1]
    if not wa or not wb:
        return True         # a sentence not at hand: no sign either way
    return len(wa & wb) / min(len(wa), len(wb)) >= min_shared


def _sides_tied(i: int, j: int, evidence: list[dict], ties: dict | None, ents, docs: dict, coarse: frozenset,
                min_shared: float) -> bool:
    """Do two sides of a time refinement give any sign of one happening: a person, or a place finer than
    ``coarse_place_kinds``, that both sentences name, or at least ``min_shared`` of the content words of the shorter
    sentence in common (one wire story printed by two outlets)? Organisations and countries do not count: the
    coalition strikes, the Houthis fight and Iraq is bombed every day."""
    return _signs_tied(_tie_signs(i, evidence, ties, ents, docs, coarse),
                       _tie_signs(j, evidence, ties, ents, docs, coarse), min_shared)


def _refinements_apart(pairs: list, field: str, rows: list[dict], evidence: list[dict], cmp: "Compare",
                       ties: dict | None, docs: dict | None = None) -> list:
    """Refinements whose values cannot be one happening's told at two precisions (config ``conflicts.refinements``;
    refine23, issue #15). Such a pair is not listed at all (neither a refinement nor, untested, a contradiction):
    - ``weekdays_apart`` (times): each side names a day of the week, none alike ("اليوم الاثنين" against "أمس
      الخميس", "يوم السبت" against "أمس الجمعة"): no day is two weekdays; of "one happening" they mostly tell two
      days' happenings the merge joined (a day's air strikes against another day's). Only the deictic slack
      (a "today" printed a day late) made them overlap;
    - ``route_places`` (the place of a happening that is no journey): two places neither inside the other, made a
      "refinement" only because one report names both (`_route_items`, meant for the stops of a journey), or two
      places of one administrative level (``levels``, `_same_level`) that a level's radius lets "contain" each
      other: Ta'izz and Lahij, the fighting in two provinces;
    - ``coarse_named`` (places): a country against a place in it stays a refinement only by the evidence of the
      country whose own sentence names that place or one around or inside it (`_coarse_named`); without it, the
      country is another happening's (a bundle of attacks in one country read as one happening);
    - ``time_tied`` (times): only the pairs of sides that give a sign of one happening (`_sides_tied`: a person or
      a place finer than a country both sentences name, or ``time_tied.min_shared_words`` of their words) stay:
      "Friday" of an attack on a bus near Van and "last night" of an attack on an army post, merged by a chain of
      other mentions, share nothing."""
    rc = _refinement_cfg()
    if not rc or not any(p[2] == "precision" for p in pairs):
        return pairs
    coarse = frozenset(config()["conflicts"].get("coarse_place_kinds") or ())
    out = []
    for RA, RB, rel, grounded, IA, IB in pairs:
        if rel != "precision" or len(RA) != 1 or len(RB) != 1:
            out.append((RA, RB, rel, grounded, IA, IB))
            continue
        ka, kb = rows[RA[0]]["key"], rows[RB[0]]["key"]
        if field == "time" and rc.get("days_told_apart") and _days_told_apart(IA, IB, evidence, int(rc["days_told_apart"])):
            continue
        if field == "time" and rc.get("weekdays_apart"):
            da, db = _days_named(IA, evidence, field), _days_named(IB, evidence, field)
            if da and db and not da & db:
                continue
        tt = rc.get("time_tied") or {}
        if field == "time" and tt.get("enabled") and ties is not None and docs:
            share = float(tt.get("min_shared_words", 0.2))
            sign = {k: _tie_signs(k, evidence, ties, cmp.ents, docs, coarse) for k in {*IA, *IB}}   # once a side
            tie = lambda i, j: _signs_tied(sign[i], sign[j], share)  # noqa: E731
            IA, IB = [i for i in IA if any(tie(i, j) for j in IB)], [j for j in IB if any(tie(i, j) for i in IA)]
            if not IA or not IB:
                continue
        if field in set(rc.get("route_places") or ()) and ka[0] != "s" and kb[0] != "s" \
                and (cmp.item_rel(ka, kb, field) == "different" or _same_level(ka, kb, cmp.ents, rc)):
            continue
        if field in set(rc.get("coarse_named") or ()) and ties is not None and ka[0] == "e" and kb[0] == "e":
            a_coarse = _place_kind(cmp.ents, ka) in coarse
            if a_coarse != (_place_kind(cmp.ents, kb) in coarse):
                km = float(rc.get("coarse_named_km") or 0)
                if a_coarse:
                    IA = _coarse_named(IA, kb, evidence, ties, cmp.ents, coarse, km)
                else:
                    IB = _coarse_named(IB, ka, evidence, ties, cmp.ents, coarse, km)
                if not IA or not IB:
                    continue
        out.append((RA, RB, rel, grounded, IA, IB))
    return out


def _with_context(evidence: list[dict], context: dict | None) -> list[dict]:
    """The evidence with the values its context gives it (``context_time.context_values``: a time
    marked inferred, a continuation's companions) where it has none of its own."""
    if not context:
        return evidence
    out = []
    for e in evidence:
        add = {f: v for f, v in (context.get(e.get("mention")) or {}).items() if v and not e["values"].get(f)}
        out.append({**e, "values": {**e["values"], **add}} if add else e)
    return out


def _with_clause(evidence: list[dict], docs: dict, phase: bool, rank: bool = False) -> list[dict]:
    """The evidence with what its trigger's own clause tells besides the arguments: the phase of flight
    (``values.flight_phase``, the `phase` field), a victim's grade and age (``values.victim_rank``,
    ``victim_age``: the `rank` and `age` fields, where `rank` is compared), where it names no companions, going alone (``values.went_alone``: its companions are
    nobody) and, where it tells a figure, the figure written right after its trigger instead
    (``values.trigger_count``: "وإصابة اثنين وعشرين" is 22, not 2; of "استشهاد 15 وإصابة 33" the wounding 33)."""
    out = []
    for e in evidence:
        text = (docs.get(e.get("doc")) or {}).get("text") or ""
        ts, te = e.get("trigger_start"), e.get("trigger_end")
        add = {}
        if text and isinstance(ts, int) and isinstance(te, int):
            ph = flight_phase(text, (ts, te)) if phase else None
            if ph:
                add["phase"] = ph
            rk = victim_rank(text, (ts, te)) if rank else None
            if rk:
                add["rank"] = rk
            age = victim_age(text, (ts, te)) if rank else None
            if age is not None:
                add["age"] = age
            if e.get("values", {}).get("companions") in (None, []) and went_alone(text, (ts, te)):
                add["companions"] = [ALONE]
            told = parse_count(e.get("values", {}).get("amount"))
            n = trigger_count(text, (ts, te)) if told is not None else None
            if n is not None and n != told.n:     # the figure its trigger governs, read whole
                add["amount"] = str(n)
        out.append({**e, "values": {**e["values"], **add}} if add else e)
    return out


def not_doer(ents, x, doc: str | None, text: str, span: tuple) -> bool:
    """Is `x`, read as the agent of the evidence whose sentence is `span` of document `doc`, no doer a reader
    would name: a place finer than a country but a capital (a besieged town: where it happened), or an entity
    that its sentence names only as the head of a group ("ميليشيات صالح": the group, not the man) or as counted
    victims ("قتلى من الحوثيين") (``values.named_as``)?"""
    e = ents.by_id.get(x) if isinstance(x, str) else None
    if not e:
        return False
    if e.get("type") == "place" and not place_doer_kept((e.get("attrs") or {}).get("kind")):
        return True
    if not text or doc is None or span[0] is None or span[1] is None:
        return False
    told = [named_as(text, (a, b), span[0]) for a, b in ents.spans_in(x, doc) if span[0] <= a < span[1]]
    return bool(told) and all(told)


def _not_opponents(pairs: list, rows: list[dict], ev: dict, cmp: Compare, evidence: list | None = None) -> list:
    """Doer disagreements without the side that the happening hits: a party that some report tells as its patient
    ("غاراتها الجوية على مواقع الحوثيين") fought in it on the other side; naming it or its opponent as the doer is
    no rival account of who did it (config ``conflicts.doers.opponents``)."""
    hit = {p.get("entity") for p in ev.get("participants") or [] if p.get("role") == "patient"}
    if not hit:
        return pairs

    def items(r):
        k = rows[r]["key"]
        return {x[1] for x in k[1]} if k and k[0] == "s" else ({k[1]} if k and k[0] == "e" else set())
    def hit_one(r) -> bool:     # the party hit, or the same party named more or less fully ("ميليشيات الحوثي")
        return any(x in hit or isinstance(x, str) and any(cmp.names_nested(x, h) for h in hit if isinstance(h, str))
                   for x in items(r))
    pairs = [p for p in pairs if p[2] != "different" or not any(hit_one(r) for r in p[0] + p[1])]
    if not (config()["conflicts"].get("doers") or {}).get("allies"):
        return pairs
    if evidence is None:        # the caller's evidence (with its context and clause values), else the event's own
        evidence = ev.get("evidence") or []
    return [p for p in pairs if not _allies(p, rows, ev, cmp, items, evidence)]


def _allies(pair, rows: list[dict], ev: dict, cmp: Compare, items, evidence: list) -> bool:
    """Are the two sides of a doer disagreement allies, each told acting against one party the happening hits
    (air strikes on the Houthis and a ground clash between the resistance and the Houthis, merged into one
    happening: the coalition and the resistance are co-belligerents, not rival accounts of the doer)? The
    party is a resolved organisation (an armed party, not a place or a raw phrase) that is no doer of the pair,
    and every side has evidence from an independent account that tells it as the happening's patient; and one side
    is told as a party of a fight (values.yaml fights: "اشتباكات بين المقاومة ومسلحين حوثيين", "معارك"), so its
    doer is one of those who fought that party, not the doer of the whole. Two one-sided strikes on one group told
    with two doers ("شن الجيش التركي الضربات على الحزب" vs "ضرب البيت الأبيض الحزب") stay rival accounts (config
    ``conflicts.doers.allies``)."""
    if pair[2] != "different":
        return False
    from .values import fight
    sides = [[i for r in side for i in rows[r]["evidence"] if i < len(evidence)] for side in (pair[0], pair[1])]
    if not any(fight(evidence[i].get("trigger")) for side in sides for i in side):
        return False
    doers = {x for r in pair[0] + pair[1] for x in items(r)}
    ev_accs = [{evidence[i].get("independent_account") for i in side} for side in sides]
    for p in ev.get("participants") or []:
        h = p.get("entity")
        if p.get("role") != "patient" or not isinstance(h, str) or (cmp.ents.by_id.get(h) or {}).get(
                "type") != "organization":
            continue
        if any(h == d or isinstance(d, str) and cmp.names_nested(h, d) for d in doers):
            continue
        told = set(p.get("accounts") or ())
        # (conflicts.doers.allies_any_account: the party told as hit by any independent account of the happening;
        # each side's own account need not tell it, now that an outlet's own report and the voices it quotes are
        # accounts apart: independence.accounts_by_voice / unchained_accounts)
        if all(accs & told for accs in ev_accs) or (told and (config()["conflicts"].get("doers") or {}).get(
                "allies_any_account")):
            return True
    return False


def _doers(evidence: list[dict], docs: dict, ents) -> list[dict]:
    """The evidence with its agents that are no doers (``not_doer``) taken off (config
    ``conflicts.doers.enabled``)."""
    if not (config()["conflicts"].get("doers") or {}).get("enabled") or not hasattr(ents, "spans_in"):
        return evidence
    out = []
    for e in evidence:
        ag = e.get("values", {}).get("agent")
        if not ag:
            out.append(e)
            continue
        text = (docs.get(e.get("doc")) or {}).get("text") or ""
        items = ag if isinstance(ag, list) else [ag]
        keep = [x for x in items if not not_doer(ents, x, e.get("doc"), text, (e.get("start"), e.get("end")))]
        if len(keep) == len(items):
            out.append(e)
        else:
            out.append({**e, "values": {**e["values"], "agent": keep if isinstance(ag, list) else (keep or [None])[0]}})
    return out


def event_conflicts(ev: dict, ents, docs: dict | None = None, translations: dict | None = None,
                    routes: dict | None = None, ties: dict | None = None,
                    context: dict | None = None, judge=None) -> list[dict]:
    """Conflicts of one event. `routes` maps a mention id to the places of the other
    legs its document tells (so a stop on a route is precision, not contradiction); `ties` maps a
    mention id to (its resolved main actors and key places, its resolved places, the entities its
    sentence names): a contradiction needs sides told of one happening (``_tied``); `context` maps a
    mention id to values its context gives it (an inferred time, shown so; a continuation's companions),
    compared where the mention has none of its own; `judge` (``core.side_judge``) tells whether two side
    mentions, compared directly, are the same happening (``_judged``)."""
    docs = docs or {}
    tp = templates()
    ccfg = config()["conflicts"]
    evidence = _with_context(ev["evidence"], context)
    by_class = ccfg.get("skip_fields_by_class") or {}     # keyed by a class, or by a type of its own
    skip = set(by_class.get(ev.get("class") or "", [])) | set(by_class.get(ev.get("type") or "", []))
    evidence = _with_clause(evidence, docs, "phase" in ccfg["fields"] and "phase" not in skip,
                            "rank" in ccfg["fields"] and "rank" not in skip)
    evidence = _doers(evidence, docs, ents)
    W = Witnesses(evidence, docs, translations or {}, ents)
    cmp = Compare(ents)
    lab = event_label(ev.get("type"), ev.get("class"))
    subj_role = {lang: _subject_role(ev, ents, lang) for lang in ("en", "ar")}
    subj = {lang: sr[0] for lang, sr in subj_role.items()}
    out = []
    agents = {p["entity"] for p in ev.get("participants") or [] if p.get("role") == "agent"}
    slots = ccfg.get("slots") or {}
    for field in ccfg["fields"]:
        if field in skip:
            continue
        rows = _rows(field, evidence, cmp, agents, docs)
        if len(rows) < 2:
            continue
        if field == "amount":
            rivals: set = set()
            pairs = _count_pairs(rows, evidence, W, docs, rivals)
        else:
            pairs = _pairs(field, rows, evidence, W, cmp, routes, docs)
        if field == "agent" and (ccfg.get("doers") or {}).get("opponents"):
            pairs = _not_opponents(pairs, rows, ev, cmp, evidence)
        pairs = _tied(pairs, field, evidence, ties, cmp.ents, (ev.get("class"), ev.get("type")))
        pairs = _judged(pairs, field, evidence, judge, docs)
        pairs = _few_values(pairs, field, judge, rivals if field == "amount" else None)
        pairs = _refinements_apart(pairs, field, rows, evidence, cmp, ties, docs)
        if not pairs:
            continue
        diff = [p for p in pairs if p[2] == "different"]
        chosen = diff or pairs
        confidence = "high" if any(p[3] for p in chosen) else "low"
        if confidence == "low" and not ccfg.get("report_low_confidence", False):
            continue
        if confidence == "high":
            chosen = [p for p in chosen if p[3]]
        how = _kind(field, chosen, evidence, W)
        kind = "refinement" if how == "refinement" else "contradiction"
        if kind == "refinement" and not ccfg.get("report_precision", True):
            continue
        used = sorted({r for p in chosen for r in p[0] + p[1]})
        shown = [rows[r] for r in used]
        shown.sort(key=lambda r: (-len({evidence[i]["independent_account"] for i in r["evidence"]}), r["evidence"][0]))
        vals = []
        for r in shown:
            count = r["key"][1] if field == "amount" and isinstance(r["key"][1], Count) else None
            vals.append({
                "value": r["value"],
                "label_en": count.label("en") if count else value_label(field, r["value"], ents, "en"),
                "label_ar": count.label("ar") if count else value_label(field, r["value"], ents, "ar"),
                "events": [ev["id"]],
                "documents": sorted({evidence[i]["doc"] for i in r["evidence"]}),
                "corroboration": len({evidence[i]["independent_account"] for i in r["evidence"]}),
                "sources_en": _sources(r["evidence"], evidence, docs, ents, "en"),
                "sources_ar": _sources(r["evidence"], evidence, docs, ents, "ar"),
                "evidence": [{"doc": evidence[i]["doc"], "start": evidence[i]["start"], "end": evidence[i]["end"],
                              "attribution": evidence[i]["attribution"]} for i in r["evidence"]],
            })
        fmt = {}
        if ccfg.get("label_from_sides"):
            side_idx = sorted({i for r in shown for i in r["evidence"]})
            subj_role = {lang: _side_subject(ev, ents, lang, evidence, side_idx, W, ties, field) for lang in ("en", "ar")}
            subj = {lang: sr[0] for lang, sr in subj_role.items()}
        for lang in ("en", "ar"):
            s = subj[lang]
            fmt[f"subject_{lang}"] = s or tp["unknown_subject"][lang]
            fmt[f"event_{lang}"] = lab[lang]
            role = subj_role[lang][1]
            lr = (tp.get("label_roles") or {}) if ccfg.get("label_from_sides") else {}
            if s and role == "agent" and ev.get("type") in (lr.get("by_types") or ()):
                fmt[f"what_{lang}"] = tp["what_by"][lang].format(subject=s, event=lab[lang], event_def=lab["ar_def"])
            elif s and role not in ("agent", "place") and ev.get("type") in (lr.get("on_types") or ()):
                fmt[f"what_{lang}"] = tp["what_on"][lang].format(subject=s, event=lab[lang], event_def=lab["ar_def"])
            elif s and _in_place(ev, subj_role[lang][1]):
                fmt[f"what_{lang}"] = tp["what_in"][lang].format(subject=s, event=lab[lang], event_def=lab["ar_def"])
            elif s and _by_doer(ev, subj_role[lang][1]):
                fmt[f"what_{lang}"] = tp["what_by"][lang].format(subject=s, event=lab[lang], event_def=lab["ar_def"])
            elif s:
                fmt[f"what_{lang}"] = tp["what"][lang].format(subject=s, event=lab[lang])
            else:
                fmt[f"what_{lang}"] = tp["what_nosubject"][lang].format(event=lab[lang], event_def=lab["ar_def"])
            plain = ((tp.get("fields_by_type") or {}).get(ev.get("type") or "") or {}).get(field) \
                if ccfg.get("label_from_sides") else None
            fmt[f"field_{lang}"] = (plain or tp["fields"][field])[lang]
            fmt[f"values_{lang}"] = tp["joiners"][lang].join(
                tp["value"][lang].format(value=v[f"label_{lang}"], sources=tp["according_to"][lang] + v[f"sources_{lang}"])
                for v in vals)
        fmt["subject_or_event_ar"] = subj["ar"] or fmt["what_ar"]
        out.append(Conflict(
            id=_hid("cf_", ev["id"], field), event=ev["id"], field=field, slot=slots.get(field, field),
            kind=kind, attributed=how == "attributed", confidence=confidence,
            question=_en(tp["questions"][field]["en"].format(**fmt)),
            question_ar=tp["questions"][field]["ar"].format(**fmt),
            accounts=len({W.root[i] for p in chosen for i in p[4] + p[5]}), values=vals,
            summary_en=_en(tp["summaries"][how]["en"].format(**fmt)),
            summary_ar=tp["summaries"][how]["ar"].format(**fmt),
            compatible=_compatible_groups(field, shown)).to_dict())
    return out


def distinct_conflicts(conflicts: list[dict]) -> list[dict]:
    """One listing per disagreement: two events built from the same sentences (two triggers of one
    sentence, "was moved ... then flown ...") give the same sides twice; the first (in the given order)
    stays."""
    seen, out = set(), []
    for c in conflicts:
        key = (c.get("field"), c.get("kind"), tuple(sorted(
            (str(v.get("label_en")), tuple(sorted((e.get("doc"), e.get("start"), e.get("end"))
                                                  for e in v.get("evidence") or [])))
            for v in c.get("values") or [])))
        if key not in seen:
            seen.add(key)
            out.append(c)
    return out


# ------------------------------------------------------------------ printing

KINDS = ("contradiction", "refinement")


def conflict_kind(c: dict) -> str:
    """contradiction | refinement; older exports said precision / attributed."""
    k = c.get("kind") or "contradiction"
    return "refinement" if k in ("refinement", "precision") else "contradiction"


def format_conflicts(export: dict, max_evidence: int = 3, kinds: set | None = None) -> list[str]:
    """Plain-text lines for the `riwaya conflicts` command: contradictions first, then
    refinements under their own heading (one block per conflict)."""
    docs = {d["id"]: d for d in export.get("documents", [])}
    heads = templates()["cli_headings"]
    if not any(not kinds or conflict_kind(c) in kinds for c in export.get("conflicts") or []):
        return ["no conflicts found"]
    lines = []
    for kind in KINDS:
        if kinds and kind not in kinds:
            continue
        cs = [c for c in export.get("conflicts") or [] if conflict_kind(c) == kind]
        lines.append(f"== {heads[kind]}: {len(cs)}")
        for c in cs:
            lines.extend(_conflict_lines(c, docs, max_evidence))
        lines.append("")
    return lines[:-1]


def format_time_findings(export: dict) -> list[str]:
    """Plain-text lines for the time check's findings (riwaya/timecheck.py) over every itinerary:
    whose route, why the accounts cannot all be true (both languages), and which accounts."""
    names = {e["id"]: e.get("name_en") or e.get("name_ar") or e["id"] for e in export.get("entities") or []}
    found = [(it, f) for it in export.get("itineraries") or [] for f in it.get("time_findings") or []]
    lines = [f"== {templates()['cli_headings']['time_check']}: {len(found)}"]
    for it, f in found:
        accounts = ", ".join(a.get("name") or a.get("account") or "?" for a in f.get("accounts") or [])
        lines += ["", f"■ {names.get(it.get('person'), it.get('person'))}: {f['reason']['en']}",
                  f"  {f['reason']['ar']}"]
        if accounts:
            lines.append(f"  accounts: {accounts}")
    return lines


def _conflict_lines(c: dict, docs: dict, max_evidence: int) -> list[str]:
    tags = [c.get("slot") or c.get("field") or "?"]
    if c.get("attributed") or c.get("kind") == "attributed":
        tags.append("quoted sources")
    if c.get("confidence", "high") != "high":
        tags.append("low confidence")
    lines = ["", f"■ {c.get('summary_en') or c['question']}  [{', '.join(tags)}]"]
    if c.get("summary_ar"):
        lines.append(f"  {c['summary_ar']}")
    for v in c["values"]:
        lines.append(f"  • {v.get('label_en') or v['value']}" +
                     (f" / {v['label_ar']}" if v.get("label_ar") and v.get("label_ar") != v.get("label_en") else ""))
        for e in v.get("evidence", [])[:max_evidence]:
            d = docs.get(e["doc"], {})
            chain = " → ".join(_link_name(l["name"]) for l in (e.get("attribution") or {}).get("chain", []) if l.get("name"))
            snippet = d.get("text", "")[e["start"]:e["end"]].replace("\n", " ")
            lines.append(f"      {doc_label(d, e['doc'])}: «{snippet[:160]}»" + (f"  ({chain})" if chain else ""))
    return lines
