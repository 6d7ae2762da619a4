"""Cross-document, cross-script entity resolution.

    resolve_entities({doc_id: [EntityMention, ...]}, kb) -> [Entity, ...]

One ``Entity`` per real person, place or organisation. The steps, all near-linear
(blocking by normalised keys, never all pairs):

1. **Within a document**, in text order: KB-linked mentions keep their KB id,
   except short forms that several KB people share ("الحسن", "الخطيب"): those go
   to the candidate mentioned most recently *in full* in the same document, else
   to the KB's declared default for that short form, else stay ambiguous.
   Unlinked single-word person mentions ("سامر", "خليل") take the most recent
   person in the document whose first or last name is that word, else (a
   headline before the body) the first one named later.
2. **Across documents**: unlinked names cluster by their normalised key; KB
   lookups by any name variant; then cross-script blocks by consonant skeleton
   ("سامر خليل" = "Samer Khalil" = "Sameer Khaleel") and by romanised spelling.
   Two different KB ids are never merged.
3. Entities take names, aliases, roles, coordinates from the KB and from the
   mentions; ids are deterministic ("e:" + kb id, or a hash of the cluster key).
"""
from __future__ import annotations

import hashlib
import json
import re
from collections import Counter, defaultdict
from functools import lru_cache

from .kb import KB, name_key
from .kb.gloss import english_gloss
from .models import Entity, EntityMention, Span
from .textutil import normalize_ar
from .translit import fold_latin, is_arabic, romanize, simple_romanize, skeleton

ROMANIZE_CAP = 1000   # names romanised by the model per call; the rest by rules



class _UF:
    def __init__(self):
        self.parent: dict[str, str] = {}
        self.kb: dict[str, str | None] = {}

    def add(self, x: str, kb_id: str | None = None) -> None:
        if x not in self.parent:
            self.parent[x] = x
            self.kb[x] = kb_id

    def find(self, x: str) -> str:
        while self.parent[x] != x:
            self.parent[x] = self.parent[self.parent[x]]
            x = self.parent[x]
        return x

    def union(self, a: str, b: str) -> bool:
        ra, rb = self.find(a), self.find(b)
        if ra == rb:
            return True
        ka, kb_ = self.kb[ra], self.kb[rb]
        if ka and kb_ and ka != kb_:
            return False            # two different KB records: never one entity
        if rb < ra:
            ra, rb = rb, ra
        self.parent[rb] = ra
        self.kb[ra] = ka or kb_
        return True


def _key(text: str) -> str:
    return " ".join(name_key(text))


def _type_ok(rec: dict, typ: str) -> bool:
    return rec["type"] == typ or (typ == "organization" and rec.get("group") == "outlet")


class _NameParts:
    """First/last name keys of KB people, computed lazily."""

    def __init__(self, kb: KB):
        self.kb = kb
        self.cache: dict[str, tuple[set, set]] = {}
        self._tails: dict[str, set[tuple[str, str]]] | None = None

    def tails(self) -> dict[str, set[tuple[str, str]]]:
        """Skeleton -> (id, words) for the last two or more words of KB people's longer Arabic names."""
        if self._tails is None:
            self._tails = defaultdict(set)
            for rid, rec in self.kb.records.items():
                if rec.get("type") == "person":
                    for n in rec.get("all_names", []):
                        words = n.split()
                        if is_arabic(n):
                            for i in range(1, len(words) - 1):
                                tail = " ".join(words[i:])
                                self._tails[skeleton(tail)].add((rid, tail))
        return self._tails

    def __call__(self, kb_id: str) -> tuple[set, set]:
        if kb_id not in self.cache:
            first, last = set(), set()
            rec = self.kb.get(kb_id) or {}
            for n in rec.get("all_names", []):
                k = name_key(n)
                if len(k) >= 2:
                    first.add(k[0])
                    if k[-2] not in _PATRONYMIC:      # سلمان بن عبدالعزيز: the father's name
                        last.add(k[-1])
            for n in rec.get("short", []):
                k = name_key(n)
                if len(k) == 1:
                    last.add(k[0])
            self.cache[kb_id] = (first, last)
        return self.cache[kb_id]


def _in_doc(doc: str, mentions: list[EntityMention], kb: KB, parts: _NameParts):
    """Yield (mention, node, kb_id, ambiguous_candidates) in text order."""
    recent: list[tuple[str, str | None, tuple[str, ...]]] = []   # (node, kb_id, key) of persons, in order
    full_seen: list[str] = []                                   # kb ids mentioned in full, in order
    full_end: dict[str, int] = {}                               # where each was last named in full
    counts: Counter = Counter()                                 # mentions so far per kb id
    pending: list[int] = []                                     # bare names no earlier person explained
    out = []
    ordered = sorted(mentions, key=lambda m: (m.start, -m.end))
    salience = _salience(ordered, kb)
    local = int(kb.lex.get("short_form_local_chars", 400))
    people = [(m, name_key(m.text)) for m in ordered if m.type == "person" and m.source != "coref"]
    # full names of people not in the KB with a KB person's family name (kb.namesakes), in text order
    namesakes = [(m.start, k) for m, k in people if not (m.kb_id and m.kb_id in kb) and kb.namesakes([k])]
    in_full = {m.kb_id for m, k in people if m.kb_id and len(k) >= 2}
    for m in ordered:
        typ = m.type
        coref = m.source == "coref"          # "الرئيس المخلوع": resolved as the name it stands for (ner/coref.py)
        text = (m.name or m.text) if coref else m.text
        key = name_key(text)
        kb_id = m.kb_id if (m.kb_id and m.kb_id in kb) else None
        cands = kb.short_candidates(text) if typ == "person" else []
        ambiguous: list[str] = []
        namesake = _namesake(m, key, namesakes, cands, in_full, full_end) if typ == "person" and not coref else None
        if namesake:
            kb_id = None        # a bare الخطيب where the document names باسل الخطيب in full
        elif len(cands) > 1 or (cands and kb_id is None):
            # a short form: a candidate named in full just before decides (local context), else the one
            # the document is about: named in full most often, the KB's default for the short form
            # counting as two more (a family name is its best-known bearer unless another is named more), earliest on a tie
            pick = next((c for c in reversed(full_seen) if c in cands), None)
            default = kb.default_short(text)

            def weight(c):
                n, first = salience.get(c, (0, -10**9))
                return (n + (2 if c == default else 0), c == default, first)
            about = max((c for c in cands if c in salience or c == default), key=weight, default=None)
            if pick is not None and m.start - full_end[pick] > local and about is not None \
                    and weight(about)[0] > weight(pick)[0]:
                pick = about
            if pick is None:
                pick = about or default
                if pick and pick not in salience and kb_id is None and len(cands) > 1 and kb.weak_short(pick, text):
                    pick = None     # a bare الحريري (a common word or name) names none of several unnamed
            elif default and pick != default and counts[default] >= 3 * max(1, counts[pick]):
                pick = default      # a passing mention ("his father Omar al-Khatib") does not steal the short form
            if pick is None and len(cands) == 1 and not (kb_id is None and _common_given(key)
                                                         and kb.weak_short(cands[0], text)):
                pick = cands[0]     # but a bare "عباس" (a weak short form, a common given name) is not
                #                     Mahmoud Abbas while the document does not name him
            if pick is None:
                ambiguous = sorted(cands)
            kb_id = pick
        elif kb_id is None:
            hits = [r for r in kb.search(text) if _type_ok(r, typ)]
            # only exact name hits here (skeleton look-alikes are handled later)
            exact = [r for r in hits if any(_key(n) == " ".join(key) for n in r.get("all_names", []))]
            if len(exact) == 1:
                kb_id = exact[0]["id"]
        node = f"n:person:{' '.join(namesake)}" if namesake and kb_id is None else None
        if kb_id is None and not ambiguous and typ == "person" and node is None:
            # bare given name or surname (or a surname of several words, دي ميستورا): the latest
            # person in this document who has it
            for rnode, rkb, rkey in reversed(recent):
                if _has_name(key[0], rkb, rkey, parts) if len(key) == 1 else _has_tail(key, rkb, rkey, kb):
                    kb_id, node = (rkb, None) if rkb else (None, rnode)
                    break
        if ambiguous:
            node = "amb:" + " ".join(key)
        elif kb_id:
            node = "kb:" + kb_id
            counts[kb_id] += 1
            if not coref and (m.confidence >= 0.9 or (m.kb_id and m.source != "kb") or len(key) >= 2):
                full_seen.append(kb_id)
                full_end[kb_id] = m.end
        elif node is None:
            node = f"n:{typ}:{' '.join(key)}"
            if typ == "person" and len(key) == 1 and not coref:
                pending.append(len(out))
        if typ == "person":
            recent.append((node, kb_id, key))
        out.append((m, node, kb_id, ambiguous))
    # a bare name before anyone has it ("تفاصيل رحلة سامر" in a headline): the first person named
    # in full later in the document who has it
    for i in pending:
        m, node, _, amb = out[i]
        w = name_key(m.text)[0]
        for rnode, rkb, rkey in recent:
            if rnode != node and len(rkey) >= 2 and _has_name(w, rkb, rkey, parts):
                out[i] = (m, "kb:" + rkb, rkb, amb) if rkb else (m, rnode, None, amb)
                break
    return out


def _namesake(m, key, namesakes, cands, in_full, full_end) -> tuple | None:
    """The full name of a namesake the document names (not the KB person) that a bare family name
    stands for: the namesake named last before it, when no KB candidate was named in full more
    recently (local context); else, when no KB candidate is named in full in the document at all,
    the first one named (a headline before the body)."""
    if len(key) != 1:
        return None
    mine = [(s, k) for s, k in namesakes if k[-1] == key[0]]
    if not mine:
        return None
    before = [(s, k) for s, k in mine if s < m.start]
    kb_last = max((full_end[c] for c in cands if c in full_end), default=-1)
    if before and before[-1][0] > kb_last and _known_given(before[-1][1][0]):
        return before[-1][1]    # (not after a tagger's slip: اتهام فاطيميبور روحاني, "F. accused Rouhani")
    return mine[0][1] if in_full.isdisjoint(cands) else None


def _known_given(word: str) -> bool:
    from .ner.features import name_lists, norm
    return name_lists()[0].get(norm(word)) is not None


def _surface(m: EntityMention) -> str:
    """The name a mention gives: a coreference mention's is its antecedent's (its text is "the president")."""
    return (m.name or m.text) if m.source == "coref" else m.text


def _salience(ordered: list[EntityMention], kb: KB) -> dict[str, tuple[int, int]]:
    """KB people named in full in the document -> (times named in full, -position of the first):
    who the document is about."""
    out: dict[str, tuple[int, int]] = {}
    for m in ordered:
        if m.type == "person" and m.kb_id and m.kb_id in kb and m.source != "coref" \
                and (m.confidence >= 0.9 or len(name_key(m.text)) >= 2):
            n, first = out.get(m.kb_id, (0, -m.start))
            out[m.kb_id] = (n + 1, first)
    return out


_PATRONYMIC = {"بن", "ابن", "بنت", "bin", "ibn", "bint"}


def _common_given(key: tuple) -> bool:
    """Is this one-word name among the most common given names (the name lists' first bin)?"""
    from .ner.features import name_lists, norm
    return len(key) == 1 and name_lists()[0].get(norm(key[0])) == "1"


def _has_tail(key: tuple, rkb: str | None, rkey: tuple, kb: KB) -> bool:
    """Is ``key`` (two words or more) the end of a longer name of that person? Not after بن: in
    سلمان بن عبد العزيز the tail عبد العزيز is the father."""
    n = len(key)
    names = [name_key(x) for x in (kb.get(rkb) or {}).get("all_names", [])] if rkb else [rkey]
    return any(len(k) > n and k[-n:] == key and k[-n - 1] not in _PATRONYMIC for k in names)


def _has_name(w: str, rkb: str | None, rkey: tuple, parts: _NameParts) -> bool:
    """Is ``w`` the first or last name of a person mention (its KB record, else its own words)?"""
    if rkb:
        first, last = parts(rkb)
        return w in first or w in last
    return len(rkey) >= 2 and w in (rkey[0], rkey[-1])


def _kb_role(r: dict, kb) -> dict:
    """A KB role as the export carries it: a title, the organisation's KB id, its entity id
    (``e:`` + KB id, as resolution names entities) and names, and the dates."""
    out = {"title": r.get("title") or r.get("role") or "", "source": "kb"}
    org = r.get("org")
    if org:
        out["org"] = org
        orec = kb.get(org)
        if orec:
            out["org_entity"] = "e:" + org
            out["org_type"] = orec.get("type")
            out["org_name_en"] = orec.get("name_en")
            out["org_name_ar"] = orec.get("name_ar")
    for k in ("start", "end"):
        if r.get(k):
            out[k] = str(r[k])
    return out


class InDocMemo:
    """The within-document step's results (``_in_doc``: node, KB id and candidates of each mention,
    in text order) cached on disk (``riwaya.cache``) by a key of the document's mentions that the
    caller gives, with the resolver's version: a build that adds ten documents runs that step on
    those ten only. Only for the default knowledge base (``kb.load_kb()``), which the version covers."""

    def __init__(self, keys: dict[str, str]):
        from .cache import KeyValue
        from .corpus import CORPUS_VERSION
        from .fingerprint import code_fingerprint
        # the extra KB files are hashed now: the CLI's --kb may name them after CORPUS_VERSION was taken
        tag = "indoc1:" + CORPUS_VERSION + code_fingerprint(["ner/features.py", "data/ner/names_given.txt",
                                                              "data/ner/names_family.txt"]) \
            + code_fingerprint([]) + ":"
        self.keys = {d: tag + k for d, k in keys.items()}
        self.kv = KeyValue("resolve")
        self.hit = self.kv.get_many(sorted(set(self.keys.values())))
        self.new: dict[str, str] = {}

    def run(self, doc: str, mentions: list[EntityMention], kb: KB, parts: "_NameParts"):
        key = self.keys.get(doc)
        if key in self.hit:
            ordered = sorted(mentions, key=lambda m: (m.start, -m.end))    # as _in_doc orders them
            try:
                rows = json.loads(self.hit[key])
                if len(rows) == len(ordered):
                    return [(m, node, kb_id, amb) for m, (node, kb_id, amb) in zip(ordered, rows)]
            except (ValueError, TypeError):
                pass                  # a damaged entry is a miss, as every cache error is
        out = _in_doc(doc, mentions, kb, parts)
        if key is not None:
            self.new[key] = json.dumps([[node, kb_id, amb] for _, node, kb_id, amb in out], ensure_ascii=False)
        return out

    def save(self) -> None:
        self.kv.put_many(self.new)
        self.new = {}


def resolve_entities(docs_mentions: dict[str, list[EntityMention]], kb: KB,
                     memo: InDocMemo | None = None, built: "EntityMemo | None" = None) -> list:
    """``memo``: the within-document step's results cached (``InDocMemo``; the default KB only).
    ``built``: each entity made once per content (``EntityMemo``): then the entities are returned as
    dicts (``to_dict`` of each), a component seen before read back from the cache."""
    uf = _UF()
    parts = _NameParts(kb)
    members: dict[str, list[tuple[str, EntityMention]]] = defaultdict(list)
    node_type: dict[str, str] = {}
    node_amb: dict[str, list[str]] = {}
    for doc in sorted(docs_mentions):
        ms = docs_mentions[doc] or []
        for m, node, kb_id, amb in (memo.run(doc, ms, kb, parts) if memo else _in_doc(doc, ms, kb, parts)):
            uf.add(node, kb_id)
            members[node].append((doc, m))
            node_type.setdefault(node, (kb.get(kb_id) or {}).get("type", m.type) if kb_id else m.type)
            if amb:
                node_amb[node] = amb
    if memo:
        memo.save()
    # --- cross-script and spelling blocks over unlinked names -------------------
    by_skel: dict[tuple[str, str], list[str]] = defaultdict(list)
    by_roman: dict[tuple[str, str], list[str]] = defaultdict(list)
    unlinked = [n for n in sorted(members) if n.startswith("n:")]
    # a node's name for blocking is its fullest one: a surname it absorbed (دي ميستورا) may be commoner
    surfaces = {n: _fullest(Counter(_surface(m) for _, m in members[n])) for n in unlinked}
    # romanise Arabic names (one batch) only for types that also have Latin names
    latin_types = {node_type[n] for n in unlinked if not is_arabic(surfaces[n])}
    romans = _romanize_batch(sorted({surfaces[n] for n in unlinked
                                     if is_arabic(surfaces[n]) and node_type[n] in latin_types}))
    for node in unlinked:
        typ = node_type[node]
        surface = surfaces[node]
        sk = skeleton(surface)
        ntok = len(sk.split())
        strong = len(sk.replace(" ", "")) >= 4 and (ntok >= 2 or typ != "person")
        if strong:
            by_skel[(typ, sk)].append(node)
            # a KB record that looks the same in the other script
            kb_hits = sorted(i for i in kb.skeletons.get(sk, ()) if _type_ok(kb.get(i), typ)
                             and _same_script_ok(surface, kb.get(i).get("all_names", [])))
            if not kb_hits and typ == "person" and is_arabic(surface):
                # a surname of two words or more that ends exactly one KB person's name (دي ميستورا)
                kb_hits = sorted({rid for rid, tail in parts.tails().get(sk, ())
                                  if same_arabic_spelling(surface, tail)})
            if len(kb_hits) == 1:
                kn = "kb:" + kb_hits[0]
                uf.add(kn, kb_hits[0])
                node_type.setdefault(kn, typ)
                uf.union(kn, node)
        latin = fold_latin(romans.get(surface, "")) if is_arabic(surface) else fold_latin(surface)
        if latin:
            by_roman[(typ, latin)].append(node)
    for block in list(by_skel.values()) + list(by_roman.values()):
        _union_block(uf, block, surfaces)
    # --- entities ------------------------------------------------------------------
    comps: dict[str, list[str]] = defaultdict(list)
    for node in members:
        comps[uf.find(node)].append(node)
    # a component whose entity was made before from the same content (``EntityMemo``): read back, not made
    hits = built.lookup(comps, uf.kb, members) if built is not None else {}
    # English names for Arabic-only entities: one romaniser batch (rules beyond a cap)
    need = set()
    for root, nodes in comps.items():
        h = hits.get(root)
        if h is not None:
            if h[0]:
                need.add(h[0])      # what it gave the batch below when it was made
                built.need[root] = h[0]
            continue
        if not uf.kb[root]:
            c = Counter(_surface(m) for n in nodes for _, m in members[n])
            if all(is_arabic(t) for t in c):
                need.add(_top(c))
                if built is not None:
                    built.need[root] = _top(c)
    need = sorted(x for x in need if x)
    romans.update(_romanize_batch(need[:ROMANIZE_CAP]))
    ents = []
    for root, nodes in comps.items():
        h = hits.get(root)
        if h is not None and romans.get(h[1]) == h[2]:
            ents.append(h[3])       # its name romanised as when it was made: the same entity
            continue
        kb_id = uf.kb[root]
        rec = kb.get(kb_id) if kb_id else None
        mentions = [(d, m) for n in sorted(nodes) for d, m in members[n]]
        typ = rec["type"] if rec else node_type[sorted(nodes)[0]]
        surf_ar, surf_en = Counter(), Counter()
        for t, k in Counter(_surface(m) for _, m in mentions).items():     # each distinct name once
            (surf_ar if is_arabic(t) else surf_en)[_display(t)] += k
        name_ar = (rec or {}).get("name_ar") or (_top(surf_ar))
        # an organisation named by what it is ("قوات الأمن التركية") is translated, not romanised
        gloss = english_gloss(name_ar) if typ == "organization" and not rec and not surf_en else None
        name_en = (rec or {}).get("name_en") or (_top(surf_en)) or gloss or \
            (romans.get(name_ar) or simple_romanize(name_ar) if name_ar else None)
        aliases = sorted(set(surf_ar) | set(surf_en) | set((rec or {}).get("all_names", [])) - {name_ar, name_en})
        roles = [_kb_role(r, kb) for r in (rec or {}).get("roles", [])]
        seen_roles = set()
        for d, m in mentions:
            if m.role and m.role not in seen_roles:
                seen_roles.add(m.role)
                r = {"title": m.role, "source": "text", "doc": d}
                if m.role_span:
                    r["span"] = {"doc": d, "start": m.role_span[0], "end": m.role_span[1]}
                roles.append(r)
        if kb_id:
            eid = "e:" + kb_id
        else:
            ckey = min(n for n in nodes)
            eid = "e:" + typ[0] + ":" + hashlib.sha1(ckey.encode("utf-8")).hexdigest()[:12]
        attrs = {}
        if rec:
            for k in ("kind", "country", "wikidata", "icao", "iata", "group"):
                if rec.get(k):
                    attrs[k] = rec[k]
        amb = sorted({c for n in nodes for c in node_amb.get(n, [])})
        if amb:
            attrs["ambiguous_between"] = amb
        # ordered as Span orders itself (its fields in turn), by a key: the dataclass's __lt__ is slow
        spans = [Span(*k) for k in sorted({(d, m.start, m.end) for d, m in mentions})]
        ent = Entity(id=eid, type=typ, name_ar=name_ar, name_en=name_en, aliases=aliases,
                     roles=roles, kb_id=kb_id, coordinates=(rec or {}).get("coordinates"),
                     mentions=spans, attrs=attrs)
        if built is not None:
            ent = built.made(root, ent, name_ar, romans.get(name_ar))
        ents.append(ent)
    if built is not None:
        built.save()
        ents.sort(key=lambda e: (-len(e["mentions"]), e["id"]))
    else:
        ents.sort(key=lambda e: (-len(e.mentions), e.id))
    return ents


class EntityMemo:
    """Each entity (the last step of ``resolve_entities``) cached on disk (``riwaya.cache``) by what making it
    reads: its component's nodes and KB id, and every document its nodes have mentions in, by the key of
    that document's mentions (``InDocMemo``'s, which covers the resolver's code and KB); with the name its
    Arabic-only component gave the romaniser's batch, and the romanisation its name got. A component made
    before is read back when its name is romanised as then (the batch's cap, ``ROMANIZE_CAP``, is over the
    corpus's sorted names, so a new name can move which are the model's): the entities of a build that adds
    ten documents are made for the components those touch. Entities as dicts (``to_dict``). Stored compact:
    the record without its mentions, the mentions as three lists, and the entity's JSON text. ``spans``
    (``blocks.Spans.of``): an entity read back gets its mentions as made by it from the three lists, not as
    dicts, and ``texts`` its JSON text (what the store writes), by id: parsing every mention's dict was
    about what making the entity costs."""

    def __init__(self, memo: InDocMemo, to_dict, spans=None, texts: dict | None = None):
        from .cache import KeyValue
        self.keys, self.to_dict, self.spans, self.texts = memo.keys, to_dict, spans, texts
        self.tag = "ent1:"
        self.kv = KeyValue("entities")
        self.comp_key: dict[str, str] = {}
        self.need: dict[str, str] = {}      # component root -> its name in the romaniser's batch (made ones)
        self.new: dict[str, str] = {}

    def lookup(self, comps: dict[str, list[str]], kb_of: dict, members: dict) -> dict[str, tuple]:
        """Component root -> (its name for the batch, its Arabic name, its romanisation, its entity dict)
        for the components the cache holds."""
        for root, nodes in comps.items():
            docs: list = []
            for n in sorted(nodes):
                for d, _m in members[n]:
                    if not docs or docs[-1] != d:
                        docs.append(d)
            if any(d not in self.keys for d in docs):
                continue            # a document without a key: made, never cached
            payload = json.dumps([kb_of[root], sorted(nodes), [[d, self.keys[d]] for d in docs]],
                                 ensure_ascii=False)
            self.comp_key[root] = self.tag + hashlib.sha1(payload.encode("utf-8")).hexdigest()
        hit = self.kv.get_many(sorted(set(self.comp_key.values())))
        out = {}
        for root, k in self.comp_key.items():
            v = hit.get(k)
            if v is None:
                continue
            try:
                need, name_ar, roman, rec, docs, starts, ends, text = json.loads(v)
                if not (isinstance(rec, dict) and isinstance(text, str) and len(docs) == len(starts) == len(ends)):
                    continue
                if self.spans is not None:
                    rec["mentions"] = self.spans(docs, starts, ends)
                    self.texts[rec["id"]] = text
                else:
                    rec = json.loads(text)
                out[root] = (need, name_ar, roman, rec)
            except (ValueError, TypeError, KeyError):
                pass                  # a damaged entry is a miss, as every cache error is
        return out

    def made(self, root: str, ent: Entity, name_ar, roman) -> dict:
        d = self.to_dict(ent)
        k = self.comp_key.get(root)
        text = json.dumps(d, ensure_ascii=False)
        if self.texts is not None:
            self.texts[d["id"]] = text
        if k is not None:
            ms = d["mentions"]
            rec = {**d, "mentions": None}       # the fields in their order
            self.new[k] = json.dumps([self.need.get(root), name_ar, roman, rec, [m["doc"] for m in ms],
                                      [m["start"] for m in ms], [m["end"] for m in ms], text], ensure_ascii=False)
        return d

    def save(self) -> None:
        self.kv.put_many(self.new)
        self.new = {}


def _same_script_ok(surface: str, kb_names: list[str]) -> bool:
    """A skeleton hit on a KB record counts for an Arabic name only if the record has no Arabic
    name or one that is the same spelling (the skeleton is a cross-script key)."""
    if not is_arabic(surface):
        return True
    ar = [n for n in kb_names if is_arabic(n)]
    return not ar or any(same_arabic_spelling(surface, n) for n in ar)


def _union_block(uf: _UF, block: list[str], surfaces: dict[str, str]) -> None:
    """Merge the names of one skeleton/romanisation block: Latin names together, Arabic names only
    with the same spelling (same_arabic_spelling), and the Latin names with the Arabic ones only if
    those are all one name (else the Latin name could glue two people together)."""
    latin = [n for n in block if not is_arabic(surfaces[n])]
    groups: list[list[str]] = []
    for n in (n for n in block if is_arabic(surfaces[n])):
        g = next((g for g in groups if same_arabic_spelling(surfaces[g[0]], surfaces[n])), None)
        if g is None:
            groups.append([n])
        else:
            g.append(n)
    for g in groups + [latin]:
        for other in g[1:]:
            uf.union(g[0], other)
    if latin and len(groups) == 1:
        uf.union(groups[0][0], latin[0])


def _romanize_batch(names: list[str]) -> dict[str, str]:
    """Romanised spellings from the offline model, cached on disk by model version and name
    (the model is the corpus stage's slowest step; a rebuild meets the same names again)."""
    if not names:
        return {}
    try:
        from .translit import _romanizer
        anr = _romanizer()
        if anr is not None:
            from importlib.metadata import version
            from .cache import KeyValue
            tag = "anr-" + version("arabic-name-romanizer") + "-unpadded\t"     # translit._unpadded_decode
            kv = KeyValue("romanize")
            hit = {k[len(tag):]: v for k, v in kv.get_many([tag + n for n in names]).items()}
            todo = [n for n in names if n not in hit]
            new = {n: str(r) for n, r in zip(todo, anr.transliterate_many(todo)) if r} if todo else {}
            kv.put_many({tag + n: r for n, r in new.items()})
            return {n: hit.get(n) or new.get(n) for n in names if hit.get(n) or new.get(n)}
    except Exception:  # pragma: no cover - optional dependency misbehaving
        pass
    return {n: romanize(n) for n in names}


def _display(surface: str) -> str:
    """A mention's surface as a name: hashtag underscores and tatweel out, spaces collapsed
    (the mention's span still points at the original characters)."""
    return re.sub(r"\s+", " ", surface.replace("_", " ").replace("\u0640", "")).strip()


def _fullest(c: Counter) -> str | None:
    return max(c, key=lambda t: (len(t.split()), c[t], t)) if c else None


def _top(c: Counter) -> str | None:
    if not c:
        return None
    return sorted(c.items(), key=lambda kv: (-kv[1], -len(kv[0]), kv[0]))[0][0]


# --- Arabic <-> Arabic ---------------------------------------------------------------
_AR_VOWELS = frozenset("اويىءأإآئؤ")
_WORDS = re.compile(r"\w+")


def _spelling_tokens(name: str) -> list[str]:
    """Normalised Arabic words of a name, عبد/أبو glued to the next word without its article (عبد الرحمن =
    عبدالرحمن). Other articles stay: خالد اليوسف and خالد يوسف are different names."""
    out: list[str] = []
    for t in _WORDS.findall(normalize_ar(name)):
        if out and out[-1] in ("عبد", "ابو", "ابي"):
            out[-1] += t[2:] if t.startswith("ال") and len(t) > 3 else t
        else:
            out.append(t.replace("عبدال", "عبد", 1) if t.startswith("عبدال") else t)
    return out


def _vowel_close(x: str, y: str) -> bool:
    """Same consonants in the same order, and at most one long-vowel or hamza edit (two in words of
    seven or more letters): ميستورا / مستورا, ستيفان / ستافان."""
    if [c for c in x if c not in _AR_VOWELS] != [c for c in y if c not in _AR_VOWELS]:
        return False
    limit = 2 if min(len(x), len(y)) >= 7 else 1
    inf = limit + 1
    prev = [min(j, inf) if all(c in _AR_VOWELS for c in y[:j]) else inf for j in range(len(y) + 1)]
    for i in range(1, len(x) + 1):
        a = x[i - 1]
        cur = [min(prev[0] + 1, inf) if a in _AR_VOWELS else inf] + [inf] * len(y)
        for j in range(1, len(y) + 1):
            b = y[j - 1]
            best = prev[j - 1] if a == b else inf
            if a in _AR_VOWELS:
                best = min(best, prev[j] + 1, prev[j - 1] + 1 if b in _AR_VOWELS else inf)
            if b in _AR_VOWELS:
                best = min(best, cur[j - 1] + 1)
            cur[j] = min(best, inf)
        prev = cur
    return prev[-1] <= limit


@lru_cache(maxsize=65536)
def same_arabic_spelling(a: str, b: str) -> bool:
    """Are two Arabic-script names spellings of one name? Word by word: equal, or, for words that
    are not common Arabic names, differing only in long vowels and hamza seats, as transliterated
    names do (دي مستورا / دي ميستورا). A consonant skeleton is too coarse within one script: it
    makes أحمد الأسير of أحمد الشرع (ش and س share a class, ع is dropped) and أنور مالك of
    نوري المالكي; and حسن / حسين, جمال / جميل are different names."""
    from .ner.morph import known
    x, y = _spelling_tokens(a), _spelling_tokens(b)
    if len(x) != len(y):
        return False
    return all(p == q or (not known(p, common_only=True) and not known(q, common_only=True)
                          and _vowel_close(p, q)) for p, q in zip(x, y))


__all__ = ["resolve_entities", "same_arabic_spelling"]
