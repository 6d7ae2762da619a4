"""Score riwaya's English entity stage (knowledge base + spaCy + checks, as `analyze` runs it) on GUM's
Wikinews news and interviews (../shared/data/gum_wikinews), by type.

    python benchmarks/ner/eval_gum.py [--split dev|train|dev2|test|all] [--genre news|interview] [--kinds] [--errors N]

Gold: GUM annotates every mention (pronouns and common nouns too); the named ones are the person, place and
organization mentions whose head token is a proper noun (PROPN). The gold span is the name inside the mention:
the run of capitalised tokens around the head, with lower-case "of/for/and/de/the" between capitalised
words ("the Ministry of Defence" -> "Ministry of Defence", "US President Donald Trump" -> the whole run).
Scored twice: exact span and type; and by head (a mention of the right type holding the gold head token and
lying inside the gold mention). A prediction that matches no named gold mention is a false positive.
Split: the documents sorted by name, every third one (0, 3, 6, ...) is test, the rest dev; dev's first half
(by name) is "train", its second half "dev2" (issue 17's helper enner17 tuned on dev, train and dev2 are
reported as two checks on halves of it).

Our guideline (benchmarks/data/ner_snn/GUIDELINE.md) against GUM's (enner17, 2026-12-06): GUM annotates nested
mentions and titles as mentions of their person; ours annotates the outermost name only, and a title is no part
of a name. So, by default, the gold is brought to ours: a person mention whose head is a title word
(riwaya/data/ner/english.yaml: person_titles: "Prime Minister", "the Governor of Virginia", "State Department
Spokesperson") is a role, not a name; a person name starts after the last title word before its head ("US
President Donald Trump" -> "Donald Trump", the nested "US" a place of its own); and a named mention inside
another named one ("Andy Warhol" in "Andy Warhol Foundation", "Massachusetts" in "Massachusetts Institute of
Technology") is no name of its own. `--gum-spans` scores against GUM's mentions as they were (the figures
before enner17). `--kinds` counts the errors by kind.
"""
import argparse
import re
import sys
import time
from collections import Counter
from functools import lru_cache
from urllib.parse import unquote
from pathlib import Path

ROOT = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(ROOT))
from riwaya.datafiles import DATA as RDATA, load_yaml  # noqa: E402
from riwaya.kb import load_kb  # noqa: E402
from riwaya.ner import recognize  # noqa: E402

DATA = Path("/work/shared/data/gum_wikinews")
TYPES = ("person", "place", "organization")
LINKERS = {"of", "for", "and", "de", "the", "on", "al", "el", "du", "von", "van", "la", "&", "at"}
PARTICLES = {"de", "al", "el", "du", "von", "van", "la", "bin", "ibn", "da", "di", "le"}


def _brackets(ent):
    """GUM's Entity= field: "(1-event-...(2-abstract-...)" opens 1, opens and closes 2; "1)" closes 1.
    -> [(open|one|close, id, type, identity)] (identity: the Wikipedia title GUM links the entity to, or "")"""
    out, i = [], 0
    while i < len(ent):
        if ent[i] == "(":
            j = i + 1
            while j < len(ent) and ent[j] not in "()":
                j += 1
            fields = ent[i + 1:j].split("-", 7)
            eid, typ = fields[:2]
            ident = fields[7] if len(fields) > 7 else ""
            one = j < len(ent) and ent[j] == ")"
            out.append(("one" if one else "open", eid, typ, ident))
            i = j + 1 if one else j
        else:
            m = re.match(r"(\d+)\)", ent[i:])
            if not m:
                break
            out.append(("close", m.group(1), "", ""))
            i += m.end()
    return out


def read_doc(path, mwt=True):
    """-> (text, tokens [(start, end, form, upos, head_index, xpos, deprel)], mentions [(type, first, last,
    identity)]);
    mwt: the text as written ("McDonnell's"), the space after a multi-word token from its own line (without:
    a space between its parts, "McDonnell 's", as before enner17)"""
    text, toks, ments, stack = "", [], [], {}
    sent_base = 0
    mwt_end, mwt_misc = -1, ""
    for line in path.read_text(encoding="utf-8").splitlines():
        if line.startswith("# sent_id"):
            if text and not text.endswith("\n"):
                text += "\n"
            sent_base = len(toks)
            mwt_end = -1
            continue
        if not line or line.startswith("#"):
            continue
        c = line.split("\t")
        if "-" in c[0] and mwt:
            mwt_end, mwt_misc = int(c[0].split("-")[1]), c[9]
        if "-" in c[0] or "." in c[0]:
            continue
        misc = c[9]
        s = len(text)
        text += c[1]
        i = len(toks)
        head = int(c[6]) - 1 + sent_base if c[6] not in ("0", "_") else -1
        toks.append((s, len(text), c[1], c[3], head, c[4], c[7]))
        inside = int(c[0]) < mwt_end
        if int(c[0]) == mwt_end:
            space = "SpaceAfter=No" not in mwt_misc
        else:
            space = not inside and "SpaceAfter=No" not in misc
        if space:
            text += " "
        ent = next((f[7:] for f in misc.split("|") if f.startswith("Entity=")), "")
        for kind, eid, typ, ident in _brackets(ent):
            if kind == "one":
                ments.append((typ, i, i, ident))
            elif kind == "open":
                stack.setdefault(eid, []).append((typ, i, ident))
            elif stack.get(eid):
                typ, a, ident = stack[eid].pop()
                ments.append((typ, a, i, ident))
    return text, toks, ments


def _title(word):
    return word.lower().rstrip(".") in _TITLES


@lru_cache(maxsize=None)
def _country(ident):
    """GUM links an organisation mention to a country's article ("North_Korea"): a state named as an actor,
    which our guideline (like OntoNotes' GPE, and the Arabic gold) calls a place. Decided by riwaya's
    knowledge base: the whole title a country there."""
    name = unquote(ident).replace("_", " ").strip()
    if not name:
        return False
    ms = load_kb().match(name, "en")
    return any(m.start == 0 and m.end == len(name) and str(getattr(m, "kb_id", "")).startswith("country:")
               for m in ms)


_TITLES = frozenset(load_yaml(RDATA / "ner" / "english.yaml")["person_titles"])


def named(toks, ments, gum=False):
    """Gold named mentions: {(type, start_char, end_char, head_char_start, mention_start, mention_end)};
    gum: GUM's spans as they are (titles in, nested names kept), else brought to our guideline."""
    out = set()
    for typ, a, b, ident in ments:
        if typ not in TYPES:
            continue
        if not gum and typ == "organization" and _country(ident):
            typ = "place"             # a state acting ("North Korea fired"): GUM's organisation, our place
        heads = [i for i in range(a, b + 1) if not (a <= toks[i][4] <= b)]
        if not gum:
            # punctuation is no head; of two heads the first ("Victoria, Australia": Australia hangs on the
            # word before the mention); a common noun with a name in apposition or flat under it is named by
            # that name ("magician David Gish", "outgoing governor Bob McDonnell": David Gish, Bob McDonnell)
            heads = [i for i in heads if toks[i][3] != "PUNCT"][:1]
            if heads and toks[heads[0]][3] != "PROPN":
                h0 = heads[0]
                names = [i for i in range(a, b + 1) if toks[i][3] == "PROPN" and toks[i][4] == h0
                         and toks[i][6].split(":")[0] in ("flat", "appos")]
                heads = names[:1] or heads
        if len(heads) != 1 or toks[heads[0]][3] != "PROPN":
            continue
        h = heads[0]

        def cap(i):
            return toks[i][2][:1].isupper() or toks[i][2][:1].isdigit()
        lo = hi = h
        # leftwards only over words that attach inside the name (not "the United States" in "Ambassador to
        # the United States Hamdullah Mohib"), never over a leading article
        if gum:
            while lo - 1 >= a and cap(lo - 1) and lo - 1 < toks[lo - 1][4] <= h and toks[lo - 1][3] != "DET":
                lo -= 1
        else:
            # over the capitalised words before the head whose chain of heads reaches it inside that run
            # ("Andy Warhol Foundation": Warhol -> Andy -> Foundation), not over a word attached further out
            run = h
            while run - 1 >= a and cap(run - 1) and toks[run - 1][3] != "DET":
                run -= 1

            def inside(j):
                k = j
                for _ in range(64):
                    if k == h:
                        return True
                    k = toks[k][4]
                    if not run <= k <= h:
                        return False
                return False
            while lo - 1 >= run and inside(lo - 1):
                lo -= 1
        while hi + 1 <= b:
            k = hi + 1
            while k <= b and toks[k][2].lower() in LINKERS and (toks[k][2][:1].islower() or (not gum and toks[k][2] == "&")) \
                    and (gum or toks[k][2] != "at"):
                k += 1
            if k <= b and (cap(k) or (k == hi + 1 and toks[k][2] in ("-", "."))):
                hi = k
            else:
                break
        while hi > lo and not toks[hi][2][:1].isalnum():
            hi -= 1
        if not gum:
            # a mention written wholly as a name (capitalised words and the linkers between them, after a
            # leading article) is that name: "the National Air and Space Museum", "Make-A-Wish Foundation"
            i, j = a, b
            while i < j and (toks[i][3] == "DET" or not toks[i][2][:1].isalnum()):
                i += 1
            while j > i and not toks[j][2][:1].isalnum():
                j -= 1
            body = range(i, j + 1)
            if typ != "person" and i <= lo and hi <= j and cap(i) and cap(j) and all(
                    cap(k) or toks[k][2].lower() in LINKERS - {"at"} or toks[k][2] in ("-", "&") for k in body) \
                    and not any(toks[k][5] == "POS" for k in body):
                lo, hi = i, j
        if lo == hi and toks[h][5] == "NNPS" and typ == "person":
            continue                  # "Muslims", "Afghans": a group named by its people, not a name
        if not gum and typ == "person":
            if _title(toks[h][2]):
                continue              # "Prime Minister", "Governor of Virginia": a role, not a name
            last = max((i for i in range(lo, h) if _title(toks[i][2])), default=None)
            if last is not None:
                lo = last + 1
            # a person's name is the run of capitalised words (and name particles) around its head: no
            # "of"/"and" in it ("Nick Rhodes of Duran Duran" -> "Nick Rhodes", "of Washington Chris
            # Gregoire" -> "Chris Gregoire")
            def name_word(k):
                return cap(k) or toks[k][2].lower() in PARTICLES

            k = h
            while k - 1 >= lo and name_word(k - 1):
                k -= 1
            lo = k
            k = h
            while k + 1 <= hi and name_word(k + 1):
                k += 1
            hi = k
            while lo < h and not toks[lo][2][:1].isalnum():
                lo += 1
        out.add((typ, toks[lo][0], toks[hi][1], toks[h][0], toks[a][0], toks[b][1]))
    if not gum:
        # the outermost name only: a name inside another one is part of it
        out = {g for g in out if not any(o is not g and o[1] <= g[1] and g[2] <= o[2] and (o[1], o[2]) != (g[1], g[2])
                                         for o in out)}
    return out


def docs(split):
    files = sorted(DATA.glob("GUM_*.conllu"))
    dev = [f for k, f in enumerate(files) if k % 3]
    if split == "train":
        yield from dev[:len(dev) // 2]
    elif split == "dev2":
        yield from dev[len(dev) // 2:]
    else:
        for k, f in enumerate(files):
            if split == "all" or (split == "test") == (k % 3 == 0):
                yield f


def kind_of(text, p, g):
    """The kind of one error: p a prediction, g the gold it overlaps (or None); either may be None."""
    if p is None:
        return "missed " + g[0]
    if g is None:
        return "false " + p[0]
    ps, gs = text[p[1]:p[2]], text[g[1]:g[2]]
    if (p[1], p[2]) == (g[1], g[2]):
        return f"type {g[0]} as {p[0]}"
    pre = "boundary" if p[0] == g[0] else f"boundary+type {g[0]} as {p[0]}"
    if re.sub(r"\s*['’]s$", "", ps) == gs:
        return pre + ": possessive 's in"
    if p[1] < g[1] and text[p[1]:g[1]].strip().lower() == "the":
        return pre + ": 'the' in"
    if g[1] < p[1] and text[g[1]:p[1]].strip().lower() == "the":
        return pre + ": 'the' out"
    if p[1] < g[1] and all(_title(w) for w in text[p[1]:g[1]].split()):
        return pre + ": title in"
    if p[1] <= g[1] and g[2] <= p[2]:
        return pre + ": longer"
    if g[1] <= p[1] and p[2] <= g[2]:
        return pre + ": shorter"
    return pre + ": crossing"


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--split", choices=("dev", "train", "dev2", "test", "all"), default="dev")
    ap.add_argument("--gum-spans", action="store_true", help="GUM's mentions as they are (titles, nested names)")
    ap.add_argument("--kinds", action="store_true", help="count the errors by kind")
    ap.add_argument("--errors", type=int, default=0, help="print this many missed and false mentions")
    ap.add_argument("--genre", choices=("news", "interview"), help="only the documents of this genre (ner27)")
    a = ap.parse_args()
    kb = load_kb()
    ex = Counter()
    hd = Counter()
    errs = []
    kinds = Counter()
    ndocs = nchars = 0
    dt = 0.0
    for f in docs(a.split):
        if a.genre and not f.stem.startswith(f"GUM_{a.genre}_"):
            continue
        text, toks, ments = read_doc(f, mwt=not a.gum_spans)
        gold = named(toks, ments, gum=a.gum_spans)
        ndocs += 1
        nchars += len(text)
        t0 = time.perf_counter()
        pred = [(m.type, m.start, m.end) for m in recognize(text, "en", kb.match(text, "en")) if m.type in TYPES and not m.generic]
        dt += time.perf_counter() - t0
        gex = {(t, s, e) for t, s, e, *_ in gold}
        if a.kinds:
            wrong_p = [p for p in set(pred) if p not in gex]
            wrong_g = [g for g in gex if g not in set(pred)]
            for p in wrong_p:
                g = next((g for g in wrong_g if g[1] < p[2] and p[1] < g[2]), None)
                kinds[kind_of(text, p, g)] += 1
            for g in wrong_g:
                if not any(p[1] < g[2] and g[1] < p[2] for p in wrong_p):
                    kinds[kind_of(text, None, g)] += 1
        for typ in TYPES:
            ex[typ, "gold"] += sum(1 for g in gex if g[0] == typ)
            ex[typ, "pred"] += sum(1 for p in set(pred) if p[0] == typ)
            ex[typ, "ok"] += sum(1 for p in set(pred) if p[0] == typ and p in gex)
        used = set()
        for p in set(pred):
            hit = next((g for g in gold if g not in used and g[0] == p[0] and p[1] <= g[3] < p[2]
                        and g[4] <= p[1] and p[2] <= g[5]), None)
            hd[p[0], "pred"] += 1
            if hit:
                used.add(hit)
                hd[p[0], "ok"] += 1
            elif a.errors:
                errs.append(("FP", f.stem, p[0], text[p[1]:p[2]],
                             next((g[0] + ":" + text[g[1]:g[2]] for g in gold if g[1] < p[2] and p[1] < g[2]), "")))
        for g in gold:
            hd[g[0], "gold"] += 1
            if a.errors and g not in used:
                errs.append(("FN", f.stem, g[0], text[g[1]:g[2]],
                             next((pt + ":" + text[ps:pe] for pt, ps, pe in pred if ps < g[2] and g[1] < pe), "")))
    print(f"GUM {a.split}: {ndocs} documents, {nchars / max(dt, 1e-9) / 2000:,.1f} articles/s "
          f"(2,000-character articles)")
    for label, st in (("exact span", ex), ("head match", hd)):
        print(label + ":")
        tot = Counter()
        for typ in TYPES + ("MICRO",):
            g, p, ok = ((st[typ, "gold"], st[typ, "pred"], st[typ, "ok"]) if typ != "MICRO"
                        else (tot["gold"], tot["pred"], tot["ok"]))
            tot.update({"gold": g, "pred": p, "ok": ok})
            pr, rc = ok / max(p, 1), ok / max(g, 1)
            f1 = 2 * pr * rc / max(pr + rc, 1e-9)
            print(f"  {typ:13s} P={pr:.3f} R={rc:.3f} F1={f1:.3f} (gold {g}, predicted {p})")
    if a.kinds:
        print("error kinds (exact span; a wrong prediction with the wrong gold it overlaps counts once):")
        for k, n in sorted(kinds.items(), key=lambda kv: (-kv[1], kv[0])):
            print(f"  {n:4d}  {k}")
    if a.errors:
        for kind in ("FN", "FP"):
            rows = [e for e in errs if e[0] == kind]
            print(f"\n{kind} ({len(rows)}):")
            for e in rows[:a.errors]:
                print("  " + "\t".join(e[1:]))


if __name__ == "__main__":
    main()
