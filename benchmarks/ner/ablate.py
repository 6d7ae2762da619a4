"""Ablation audit of the Arabic entity stage's rules (names33, issue #17): each rule group of
riwaya.ner._recognize (a step function, or an entity_rules.yaml switch) is turned into a pass-through in
turn, and the stage is scored with it off against the same stage with every rule on, per data set and type
(P/R/F1, exact span as the set's own benchmark scores it). Groups: the steps (GROUPS), 'lists' (each word
list of entity_rules.yaml emptied in turn), 'english' (EN_GROUPS and english.yaml's lists).

    python benchmarks/ner/ablate.py [--sets wojood_val,aner_tail,wojood_tail,pud_dev,snn_dev]
                                    [--groups a,b] [--oof /tmp/org31/oof.model] [--json OUT] [--md OUT]

English: --sets gum_train,gum_dev2 --groups english (the steps of riwaya.ner.english and the word lists of
english.yaml; GUM's train half was read by ner27, dev2 never). Sets: wojood:PATH (a file in Wojood's format), wojood_val (Wojood validation, read once by ner25), aner_tail / wojood_tail (the last 1,000 ANERcorp
and 400 Wojood train sentences, tagged by the out-of-fold CRF given with --oof, trained without them:
scripts/train_ner.py --dev 1000 --wojood-dev 400), pud_dev (odd and even halves reported apart), pud_dev2 (the
second third of PUD, eval_pud.py --split dev2: a judging set in PUD's domain no round tuned on), snn_dev.
Token sets are scored as eval_pipeline.py scores them, PUD and SaudiNewsNet as eval_pud.py / eval_snn.py
(the stage as analyze runs it, times left out). Never a test split. The CRF's output is memoised
per text, so each group re-runs only the rules.
"""
import argparse
import json
import re
import sys
from pathlib import Path

HERE = Path(__file__).resolve().parent
ROOT = HERE.parents[1]
sys.path.insert(0, str(ROOT))
sys.path.insert(0, str(HERE))
sys.path.insert(0, str(ROOT / "scripts"))

import riwaya.ner as ner  # noqa: E402
import riwaya.ner.english as ner_en  # noqa: E402

TYPES = ("PER", "LOC", "ORG")
_TOK_TYPE = {"person": "PER", "organization": "ORG", "place": "LOC"}
_GOLD_TYPE = {"PERS": "PER", "ORG": "ORG", "LOC": "LOC"}
WOJOOD = Path("/work/shared/data/wojood_sample")
ANER = Path("/work/shared/data/anercorp_camel_splits/ANERCorp_CamelLab_train.txt")


# group -> [(attribute of riwaya.ner, stand-in)]: the stand-in leaves what the step gets as it is
GROUPS = {
    "propagate": [("_propagate", lambda text, found: [])],
    "coordinated_split": [("_coordinated_split", lambda text, cands: cands)],
    "morph_checked": [("_morph_checked", lambda text, cands, kb: cands)],
    "common_word_before_lam": [("_common_word_before_lam", lambda text, cands: cands)],
    "indefinite_hyphen": [("_INDEFINITE", re.compile(r"(?!)")),
                          ("_hyphen_piece", lambda text, s, e: False)],
    "whole_names": [("_whole_names", lambda text, cands, kb: cands)],
    "given_names_of_kb_people": [("_given_names_of_kb_people", lambda text, cands, kb: [])],
    "subject_names": [("_subject_names", lambda text, cands, kb: [])],
    "foreign_names": [("_foreign_names", lambda text, cands, kb: cands)],
    # the form table ships _foreign_kind's verdicts on the commonest words, band included: bypassed too
    "foreign_band": [("_foreign_band", lambda word, th: False),
                     ("seed", lambda section, _s=ner.seed: ({}, None) if section == "ner.foreign_kind" else _s(section))],
    "control_form_table": [("seed", lambda section, _s=ner.seed: ({}, None) if section == "ner.foreign_kind" else _s(section))],
    "place_cluster": [("_place_cluster", lambda word: False)],
    "person_and_surname": [("_person_and_surname", lambda text, cands: cands)],
    "org_patterns": [("yaml", {"org_patterns": False})],
    "places_inside_orgs": [("_places_inside_orgs", lambda text, cands, kb: kb)],
    "kb_org_nation": [("_kb_org_nation", lambda text, cands, kb: (cands, kb))],
    "organ_of_kb_body": [("_organ_of_kb_body", lambda text, cands, kb: (cands, kb))],
    "quoted_orgs": [("_quoted_orgs", lambda text, cands, kb: (cands, kb))],
    "branch_forces": [("_branch_forces", lambda text, cands, kb: (cands, kb))],
    "namesakes_of_kb_people": [("_namesakes_of_kb_people", lambda text, cands, kb: kb)],
    "families": [("_families", lambda text, cands, kb: (cands, kb))],
    "adjective_place": [("_adjective_place", lambda text, m: False)],
    "no_org_name": [("_no_org_name", lambda span: False)],
    "place_adjective_nisba": [("_adjective_span", lambda text, s, e: False),
                              ("_generic_and_nisba", lambda span: False)],
    "outside_kb": [("_outside_kb", lambda text, s, e, kb: (s, e))],
    "surnames_are_people": [("_surnames_are_people", lambda out: None)],
    "class_noun_places": [("class_noun_places", lambda text, out, rules: out)],
    "place_extents": [("place_extents", lambda text, out, rules: out)],
    "org_extents": [("_org_extents", lambda text, out, rules: None)],
    "construct_org_end": [("_construct_org_end", lambda text, out, rules: None)],
    "plural_description": [("_plural_description", lambda m: False)],
    "force_heads": [("_force_heads", lambda text, out, rules: out)],
    "office_in_title": [("_office_in_title", lambda text, m, rules: False)],
    "group_plurals": [("_group_plurals", lambda out, rules: None)],
    "leaders_in_descriptions": [("_leaders_in_descriptions", lambda text, out: [])],
    "facility_nation_off": [("_facility_nation_off", lambda text, out, rules: None)],
    "titles_off": [("_titles_off", lambda text, out, rules: None)],
    "kunya_whole": [("_kunya_whole", lambda text, out: None)],
}


# every step at once but the plumbing that keeps the tagger's organisations over a KB place (places_inside_orgs)
GROUPS["all_steps"] = [p for g, ps in GROUPS.items() if g not in ("places_inside_orgs", "control_form_table")
                       for p in ps]

# English (GUM): the steps of riwaya.ner.english ("en." before the attribute) and the shared ones
EN_GROUPS = {
    "en_correct": [("en.correct", lambda text, spans: spans)],
    "en_facilities": [("en._facilities", lambda text, spans: sorted(spans))],
    "en_one_type": [("en.one_type", lambda text, spans: spans)],
    "en_given_names": [("en.given_names", lambda text, cands, kb: [])],
    "en_kb_fixes": [("en.kb_fixes", lambda text, cands, kb, records=None: (cands, kb))],
    "en_kb_in_a_tagger_name": [("en._kb_in_a_tagger_name", lambda text, m, cands, rec: (cands, []))],
    "en_kb_in_a_longer_name": [("en._kb_in_a_longer_name", lambda text, m, cands, rec: cands)],
    "en_byline_lines": [("en.byline_lines", lambda text: [])],
    "en_sports_teams": [("en.sports_teams", lambda text, mentions: None)],
    "en_surnames": [("_english_surnames", lambda text, cands: [])],
    "propagate": GROUPS["propagate"],
    "surnames_are_people": GROUPS["surnames_are_people"],
    "outside_kb": GROUPS["outside_kb"],
    "namesakes_of_kb_people": GROUPS["namesakes_of_kb_people"],
    "list:en_leading_words": [("yaml", {"en_leading_words": None})],
}
EN_GROUPS["en_all_steps"] = [p for ps in EN_GROUPS.values() for p in ps]
# lists english.rules() compiles into patterns as it loads: emptying the list would not reach the pattern
_EN_COMPILED = {"vehicle_words", "event_name_heads", "byline_openers"}


def en_list_groups() -> dict:
    """One group per word list of english.yaml ("en_list:KEY"), emptied in riwaya.ner.english.rules()."""
    from riwaya.datafiles import DATA, load_yaml
    raw = load_yaml(DATA / "ner" / "english.yaml")
    return {f"en_list:{k}": [("en_yaml", {k: None})] for k, v in raw.items()
            if isinstance(v, list) and not k.endswith("_order") and k not in _EN_COMPILED}


def all_groups() -> dict:
    return {**GROUPS, **list_groups(), **EN_GROUPS, **en_list_groups()}


def list_groups() -> dict:
    """One group per word list of entity_rules.yaml ("list:KEY"): the list emptied in the rules the stage
    reads (riwaya.ner._rules; places.py gets the same dict)."""
    from riwaya.datafiles import load_yaml
    from riwaya.ner.features import DATA
    raw = load_yaml(DATA / "entity_rules.yaml")
    return {f"list:{k}": [("yaml", {k: None})] for k, v in raw.items() if isinstance(v, list)}


def _empty(value):
    """An empty value of the processed rule's kind (a pattern that never matches for a compiled one)."""
    if hasattr(value, "pattern"):
        return re.compile(r"(?!)")
    return type(value)()


class Off:
    """Context: the group's steps replaced by their stand-ins (yaml: the rules dict with those keys set)."""

    def __init__(self, group):
        self.patches = all_groups()[group] if group else []
        if any(attr == "yaml" for attr, _ in self.patches):
            # the form table ships _foreign_kind's verdicts on the commonest forms under the shipped lists: a list
            # emptied must reach them too (names34: foreign_suffixes was under-measured without this)
            self.patches = self.patches + GROUPS["control_form_table"]
        self.saved = []

    def __enter__(self):
        _clear()
        for attr, value in self.patches:
            if attr in ("yaml", "en_yaml"):
                mod, name = (ner, "_rules") if attr == "yaml" else (ner_en, "rules")
                orig = getattr(mod, name)
                self.saved.append((mod, name, orig))
                # one dict for the whole group, without the tables the stage derives from the lists and
                # keeps in the dict under "_" keys (_place_cues, _foreign_stops, _subject_rx ...)
                patched = {k: v for k, v in orig().items() if not k.startswith("_")}
                patched.update({k: (_empty(orig()[k]) if v is None else v) for k, v in value.items()})
                setattr(mod, name, lambda patched=patched: patched)
            else:
                mod, name = (ner_en, attr[3:]) if attr.startswith("en.") else (ner, attr)
                self.saved.append((mod, name, getattr(mod, name)))
                setattr(mod, name, value)
        return self

    def __exit__(self, *exc):
        for mod, name, value in reversed(self.saved):
            setattr(mod, name, value)
        _clear()


# the memoised tables built once from the rules (a list emptied must reach them)
_BUILT_FROM_RULES = (ner._subject_verbs, ner._arabic_shape, ner._learned_heads, ner_en._sport_res)


def _clear():
    """Forget the per-word verdicts riwaya.ner memoises (they may hold a step just turned off or on)."""
    import riwaya.ner.places as places
    for v in list(vars(ner).values()) + list(vars(ner_en).values()) + list(vars(places).values()):
        info = getattr(v, "cache_info", None)
        if info and (info().maxsize or 0) > 1:
            v.cache_clear()
    for v in _BUILT_FROM_RULES:
        v.cache_clear()
    ner._HITS = (None, None, {})


_CRF_MEMO = {}
_CRF = ner._crf


def _memo_crf(text):
    key = (id(ner._model()), text)
    if key not in _CRF_MEMO:
        _CRF_MEMO[key] = _CRF(text)
    return list(_CRF_MEMO[key])


class _MemoNLP:
    """spaCy's pipeline with its documents memoised per text (the rules after it are what is ablated)."""

    def __init__(self, nlp):
        self.nlp, self.pipe_names, self.memo = nlp, nlp.pipe_names, {}

    def __call__(self, text, **kw):
        key = (text, tuple(kw.get("disable", ())))
        if key not in self.memo:
            self.memo[key] = self.nlp(text, **kw)
        return self.memo[key]

    def __getattr__(self, name):        # anything else (component_names, get_pipe ...) is the pipeline's own
        return getattr(self.nlp, name)


_SPACY = ner._spacy


def _memo_spacy(_held=[]):
    if not _held:
        nlp = _SPACY()
        _held.append(_MemoNLP(nlp) if nlp is not None else None)
    return _held[0]


def install_memos():
    """Memoise the CRF's and spaCy's answers per text for the run: main() only, since importing this module (as
    the tests do) must not replace riwaya's pipeline for every later caller in the process."""
    ner._crf, ner._spacy = _memo_crf, _memo_spacy


# ---- data sets: each a list of (text, gold [(start, end, TYPE)], part) and a scorer ----

def _token_docs(sents, doc=15):
    from eval_pipeline import join
    from train_ner import spans
    docs = []
    for k in range(0, len(sents), doc):
        chunk = sents[k:k + doc]
        text, starts, ends = join(chunk)
        gold = [(starts[i][a], ends[i][b - 1], _GOLD_TYPE[t]) for i, s in enumerate(chunk)
                for t, a, b in spans([t for _, t in s]) if t in _GOLD_TYPE]
        docs.append({"text": text, "gold": gold, "part": "all"})
    return docs


def _token_pred(text):
    from riwaya.kb import load_kb
    return [(m.start, m.end, _TOK_TYPE[m.type]) for m in ner.recognize(text, "ar", load_kb().match(text))
            if m.type in _TOK_TYPE and not m.generic]


def _token_match(text, p, g):
    """eval_pipeline.py's match: same type and end, the prediction starts at most a proclitic into the gold."""
    return p[2] == g[2] and p[1] == g[1] and g[0] <= p[0] <= g[0] + 3 and all(c in "وفبلك" for c in text[g[0]:p[0]])


def _gum_pred(d):
    """eval_gum.py's prediction: the English stage on the whole text, exact span and type."""
    from riwaya.kb import load_kb
    return sorted({(m.start, m.end, _TOK_TYPE[m.type]) for m in ner.recognize(d["text"], "en", load_kb().match(d["text"], "en"))
                   if m.type in _TOK_TYPE and not m.generic})


def _analyze_pred(doc):
    from riwaya.analyze import analyze, components
    comps = components()
    comps["timex"] = None        # times do not touch the names (events do: they retype or mark some mentions)
    return [(m.start, m.end, _TOK_TYPE[m.type]) for m in analyze(doc).mentions
            if m.type in _TOK_TYPE and not m.generic]


def _doc_match(text, p, g):
    from eval_pud import same
    return same(text, p, g)


def load(name, oof=None):
    """-> (docs, predict(doc) -> spans, match, model path or None)"""
    from train_ner import read_conll, read_wojood
    from riwaya.models import Document
    if name.startswith("wojood:"):       # any file in Wojood's format (the tests' fixture)
        return _token_docs(read_wojood(name[7:])), lambda d: _token_pred(d["text"]), _token_match, None
    if name == "wojood_val":
        return _token_docs(read_wojood(WOJOOD / "val.txt")), lambda d: _token_pred(d["text"]), _token_match, None
    if name == "aner_tail":
        return _token_docs(read_conll(ANER)[-1000:]), lambda d: _token_pred(d["text"]), _token_match, oof
    if name == "wojood_tail":
        return _token_docs(read_wojood(WOJOOD / "train.txt")[-400:]), lambda d: _token_pred(d["text"]), _token_match, oof
    if name in ("pud_dev", "pud_dev2"):
        # pud_dev2: the second third of PUD's judging half (annotated in the twenty-ninth session, read by no round)
        split = "dev" if name == "pud_dev" else "dev2"
        rows = [json.loads(ln) for ln in (ROOT / f"benchmarks/data/ner_pud/{split}.jsonl").read_text(encoding="utf-8").splitlines()]
        docs = [{"text": r["text"], "id": r["id"], "gold": [(e["start"], e["end"], e["type"]) for e in r["entities"]],
                 "part": ("odd" if int(r["id"][1:]) % 2 else "even") if name == "pud_dev" else "all"} for r in rows]
        return docs, lambda d: _analyze_pred(Document(id=d["id"], text=d["text"], language="ar")), _doc_match, None
    if name == "snn_dev":
        from eval_snn import _snn_doc
        from snn_gold import HERE as SNN_DATA, text_of
        rows = [json.loads(ln) for ln in (SNN_DATA / "dev.jsonl").read_text(encoding="utf-8").splitlines()]
        docs = []
        for r in rows:
            r["text"] = text_of(r["id"])
            docs.append({"text": r["text"], "row": r, "part": "all",
                         "gold": [(e["start"], e["end"], e["type"]) for e in r["entities"]]})
        return docs, lambda d: _analyze_pred(_snn_doc(d["row"])), _doc_match, None
    if name in ("gum_train", "gum_dev2"):
        import eval_gum
        docs = []
        for f in eval_gum.docs(name[4:]):
            text, toks, ments = eval_gum.read_doc(f)
            gold = {(s, e, _TOK_TYPE[t]) for t, s, e, *_ in eval_gum.named(toks, ments)}
            docs.append({"text": text, "gold": sorted(gold),
                         "part": "news" if f.stem.startswith("GUM_news_") else "interview"})
        return docs, _gum_pred, lambda text, p, g: p == g, None
    raise SystemExit(f"ablate: unknown set {name}")


def counts(docs, preds, match):
    """-> {part: {type: [tp_pred, n_pred, tp_gold, n_gold]}} with part 'all' always there."""
    out = {}
    for d, pred in zip(docs, preds):
        for part in {"all", d["part"]}:
            tab = out.setdefault(part, {t: [0, 0, 0, 0] for t in TYPES})
            for t in TYPES:
                g = [x for x in d["gold"] if x[2] == t]
                q = [x for x in pred if x[2] == t]
                c = tab[t]
                c[0] += sum(any(match(d["text"], x, y) for y in g) for x in q)
                c[1] += len(q)
                c[2] += sum(any(match(d["text"], x, y) for x in q) for y in g)
                c[3] += len(g)
    return out


def prf(c):
    p = c[0] / c[1] if c[1] else 0.0
    r = c[2] / c[3] if c[3] else 0.0
    return p, r, (2 * p * r / (p + r) if p + r else 0.0)


def micro(tab):
    return [sum(tab[t][i] for t in TYPES) for i in range(4)]


def _set_model(path):
    """The CRF that tags (None: the shipped one)."""
    from riwaya.ner.crf import CRF
    from riwaya.ner.features import DocScorer
    if not hasattr(_set_model, "shipped"):
        _set_model.shipped = ner._model
    if path is None:
        ner._model = _set_model.shipped
    else:
        scorer = DocScorer(CRF.load(path))
        ner._model = lambda scorer=scorer: scorer


def run(sets, groups, oof=None, log=print):
    """-> {set: {group or 'base': counts}}"""
    res = {}
    for name in sets:
        docs, predict, match, model = load(name, oof)
        if model is None and name in ("aner_tail", "wojood_tail"):
            log(f"{name}: no --oof model, skipped")
            continue
        _set_model(model)
        res[name] = {}
        for group in ["base"] + list(groups):
            with Off(None if group == "base" else group):
                res[name][group] = counts(docs, [predict(d) for d in docs], match)
            f = prf(micro(res[name][group]["all"]))[2]
            log(f"{name:12s} {group:26s} micro F1 {f:.4f}")
        _set_model(None)
    return res


def table(res, held_out=("wojood_val", "aner_tail", "wojood_tail")):
    """Markdown: per group, the change of micro F1 with it off on each set and part, pooled held-out, and
    the per-type F1 changes on the pooled held-out sets."""
    sets = list(res)
    cols = []
    for s in sets:
        cols += [(s, p) for p in sorted(res[s]["base"], key=lambda p: p != "all")]
    pooled = [s for s in sets if s in held_out]
    groups = list(res[sets[0]]) if sets else []

    def pool(group, t=None):
        c = [0, 0, 0, 0]
        for s in pooled:
            tab = res[s][group]["all"]
            x = micro(tab) if t is None else tab[t]
            c = [a + b for a, b in zip(c, x)]
        return prf(c)[2]

    head = ["group"] + [f"{s}{'' if p == 'all' else ' ' + p}" for s, p in cols] + ["held-out pooled"] + \
        [f"pooled {t}" for t in TYPES]
    lines = ["| " + " | ".join(head) + " |", "|" + "---|" * len(head)]
    for g in groups:
        row = [g]
        for s, p in cols:
            f = prf(micro(res[s][g][p]))[2]
            row.append(f"{f:.4f}" if g == "base" else f"{f - prf(micro(res[s]['base'][p]))[2]:+.4f}")
        if pooled:
            row.append(f"{pool(g):.4f}" if g == "base" else f"{pool(g) - pool('base'):+.4f}")
            row += [f"{pool(g, t):.4f}" if g == "base" else f"{pool(g, t) - pool('base', t):+.4f}" for t in TYPES]
        lines.append("| " + " | ".join(row) + " |")
    return "\n".join(lines)


def main():
    install_memos()
    ap = argparse.ArgumentParser()
    ap.add_argument("--sets", default="wojood_val,aner_tail,wojood_tail,pud_dev,snn_dev")
    ap.add_argument("--groups", default="", help="comma-separated groups (default: every step group; "
                    "'lists': every word list of entity_rules.yaml emptied in turn, list:KEY one of them)")
    ap.add_argument("--oof", default=None, help="out-of-fold CRF model for aner_tail / wojood_tail")
    ap.add_argument("--json", help="write the counts here")
    ap.add_argument("--md", help="write the markdown table here")
    a = ap.parse_args()
    known = all_groups()
    groups = [g for g in a.groups.split(",") if g] or list(GROUPS)
    if groups == ["lists"]:
        groups = list(list_groups())
    elif groups == ["english"]:
        groups = list(EN_GROUPS) + list(en_list_groups())
    unknown = [g for g in groups if g not in known]
    if unknown:
        sys.exit(f"ablate: unknown groups {unknown} (known: {', '.join(GROUPS)})")
    res = run([s for s in a.sets.split(",") if s], groups, a.oof)
    md = table(res)
    print(md)
    if a.json:
        Path(a.json).write_text(json.dumps(res, ensure_ascii=False) + "\n", encoding="utf-8")
    if a.md:
        Path(a.md).write_text(md + "\n", encoding="utf-8")


if __name__ == "__main__":
    main()
