"""One convention across the train annotators (issue #14, adj13): rules that bring every annotator's train
mentions to GUIDELINE.md where the annotators drifted apart, written as decisions for `corpus.py compile`.

    python benchmarks/events_corpus/adjudicate_conventions.py          # writes adjudication_conventions.yaml, logs
    python benchmarks/events_corpus/adjudicate_conventions.py --check  # exit 1 if the file is not what the rules give

The annotators' YAML files stay as they wrote them; each rule's decision is one entry of
`benchmarks/data/events_corpus/adjudication_conventions.yaml` (doc, mention, argument, rule, reason), which
`corpus.py compile` applies after the hand decisions of `adjudication.yaml`. The file is derived from the
annotation files and the hand decisions only, so rerunning gives the same file (idempotent), and `--check`
says whether it is stale. Only train documents are read (`corpus.split_of(doc) == "train"` is tested before a
document is resolved: dev and test annotations are never looked at).

Rules (the guideline text each applies is quoted in the entry's reason and in the README, adj13):
- `clash-sides`: an `attack` whose agents are the two sides of a clash ("اشتباكات بين A وB", "A ... مع B",
  "بينها وبين B"): the first-named side stays the agent, the other side is the `patient` (section 3: the agent is
  the attacker, the patient the target attacked; section 8 settles the same for matches: "the grammatical
  subject is the agent, the opponent the patient"). Allies named together ("قصفت جماعة الحوثي والقوات
  الموالية") stay a list of agents.
- `meeting-party`: a `meeting`, `call` or `agreement` whose agents are the two parties of "بين A وB" / "A مع B":
  the other party is the `companion` (section 3: companion is "the other party of a meeting/call/agreement").
- `purpose-planned` (modal24, GUIDELINE 8, 2026-12-06): an asserted mention told only as the purpose of another act
  (ل + a verbal noun or a subjunctive verb, لكي، بهدف، من أجل, governed by an operation, preparation, motion, means or
  gathering: عملية لتحرير، استخدموا القاعدة لإرسال، وصلت لاعتقال) is `planned`; the guideline's exceptions (تعرض لـ،
  أدى/دفع/اضطر لـ، استجابة لـ، التصدي لـ) and a bare ل + verbal noun with no such head stay as annotated
  (purpose_convention.py, which also applies it in memory to any split for judging).
Measured and not made a rule: a speech act whose agent is also its source (6 train mentions). Read one by one,
most are an earlier request or order told by its own agent in a later speech ("أبلغ القاضي أنه سبق وطلب", "نفى أن
يكون هو من أعطى أوامر"), where the speaker of the reported speech is the source (section 5); only one ("أدعو"
inside the speaker's own quote) is the speech act itself. Such cases are for the hand, not a rule.
"""
from __future__ import annotations

import json
import re
import sys
from collections import Counter
from pathlib import Path

import yaml

sys.path.insert(0, str(Path(__file__).resolve().parent))
import corpus  # noqa: E402
import purpose_convention  # noqa: E402

OUT = corpus.CONVENTIONS
PARTY = {"meeting", "call", "agreement"}
# the other side of a clash or the other party: a preposition right before the later filler
_WITH = re.compile(r"(?:^|[\s،,(])(?:مع|ومع|وبين|بينها وبين|بينهم وبين|بينه وبين|بينهما وبين)\s*$")
_BETWEEN = re.compile(r"(?:^|[\s،,(])(?:بين|ما بين)\s*$")
_ALLY = re.compile(r"(?:بالتعاون|وبالتعاون|بالتنسيق|وبالتنسيق|جنبا إلى جنب|جنباً إلى جنب|بمشاركة|بالاشتراك)\s+(?:مع\s*)?$")
# what may stand between the two sides of "بين A و B": a comma, "من جهة/طرف", a conjunction
_GAP = re.compile(r"^[\s،,]*(?:من (?:جهة|جانب|طرف|ناحية)[\s،,]*)?(?:و\s*)?(?:بين\s*)?$")

REASONS = {
    "clash-sides": "the other side of a clash is the target attacked, not a second attacker (GUIDELINE 3: agent "
                   "'the attacker', patient 'the target attacked'; 8: 'the grammatical subject is the agent, the "
                   "opponent the patient')",
    "meeting-party": "the other party of a meeting, call or agreement is the companion (GUIDELINE 3: companion "
                     "'the other party of a meeting/call/agreement')",
    "purpose-planned": "an event told only as the purpose or aim of another act is planned: the text says it was "
                       "aimed at, not that it happened (GUIDELINE 8, 2026-12-06)",
}


def train_primaries() -> dict[str, dict]:
    """The primary (first) annotation of every train document, resolved, with the hand decisions applied."""
    known, seen, primary = corpus.types(), set(), {}
    for path in sorted(corpus.ANN_DIR.glob("*.yaml")):
        for item in corpus.load_file(path):
            doc = item.get("doc")
            if doc in seen:
                continue
            seen.add(doc)
            if not str(doc).startswith("snn/") or corpus.split_of(doc) != "train":
                continue                      # dev and test annotations are never read
            rec = corpus.resolve_doc(item, known)
            rec["file"] = path.name
            primary[doc] = rec
    corpus.adjudicate(primary)
    return primary


def _anchor(t: str, sents, span: dict) -> tuple[int, int]:
    """(sentence number, nth) that `_locate` resolves to this span."""
    s_no = next(i for i, (lo, hi) in enumerate(sents, 1) if lo <= span["start"] < hi + 1)
    lo = sents[s_no - 1][0]
    nth, pos = 0, lo - 1
    while True:
        pos = t.find(span["text"], pos + 1, sents[s_no - 1][1])
        nth += 1
        if pos < 0 or pos >= span["start"]:
            return s_no, nth


def _entry(t, sents, doc, ev, rule, action, **kw) -> dict:
    s, nth = _anchor(t, sents, ev["trigger"])
    d = {"doc": doc, "s": s, "trigger": ev["trigger"]["text"]}
    if nth > 1:
        d["nth"] = nth
    d["type"] = ev["type"]
    d["action"] = action
    span = kw.pop("span", None)
    d.update(kw)
    if span is not None:
        a_s, a_nth = _anchor(t, sents, span)
        d["arg"] = span["text"]
        if a_s != s:
            d["arg_s"] = a_s
        if a_nth > 1:
            d["arg_nth"] = a_nth
    d["rule"] = rule
    d["reason"] = REASONS[rule] + (f" [{kw_why}]" if (kw_why := d.pop("why", None)) else "")
    return d


def _second_side(t: str, first: dict, later: dict) -> bool:
    """Is `later` the other side of a clash / the other party of "بين first و later" / "first ... مع later"?"""
    before = t[max(0, later["start"] - 30):later["start"]]
    if _WITH.search(before[-16:]):
        return not _ALLY.search(before)       # "بالتعاون مع طيران الجيش": an ally, not the other side
    if later["text"].startswith(("مع ", "وبين ")):
        return True
    if _BETWEEN.search(t[max(0, first["start"] - 10):first["start"]]):
        gap = t[first["end"]:later["start"]]
        return bool(_GAP.match(gap)) or (gap.strip() == "" and later["text"].startswith("و"))
    return False


def rules(primary: dict[str, dict]) -> list[dict]:
    out = []
    for doc in sorted(primary):
        rec = primary[doc]
        t = corpus.text(doc)
        sents = corpus.sentences(t)
        T = None
        for ev in rec["events"]:
            if ev["polarity"] == "asserted":
                T = T or purpose_convention.learned.Text(t)
                verdict, why = purpose_convention.reading(T, ev["trigger"]["start"], ev["trigger"]["end"])
                if verdict == "planned":
                    out.append(_entry(t, sents, doc, ev, "purpose-planned", "polarity", why=f"head: {why}",
                                      **{"from": "asserted", "to": "planned"}))
            agents = sorted((a for a in ev["args"] if a["role"] == "agent"), key=lambda a: a["start"])
            if len(agents) >= 2 and (ev["type"] == "attack" or ev["type"] in PARTY):
                first = agents[0]
                for later in agents[1:]:
                    if _second_side(t, first, later):
                        rule, to = ("clash-sides", "patient") if ev["type"] == "attack" else ("meeting-party", "companion")
                        out.append(_entry(t, sents, doc, ev, rule, "relabel", role="agent", span=later, to=to))
    return out


HEADER = """# GENERATED by benchmarks/events_corpus/adjudicate_conventions.py (adj13, issue #14): do not edit by hand
# (hand decisions go to adjudication.yaml). One convention across the train annotators: each entry is one rule's
# decision on one train mention, applied by `corpus.py compile` after adjudication.yaml. Train split only.
"""


def render(entries: list[dict]) -> str:
    return HEADER + (yaml.safe_dump(entries, allow_unicode=True, sort_keys=False, width=200) if entries else "[]\n")


def main(argv: list[str]) -> int:
    primary = train_primaries()
    entries = rules(primary)
    text = render(entries)
    by = Counter((e["rule"], primary[e["doc"]]["annotator"]) for e in entries)
    for (rule, ann), n in sorted(by.items()):
        print(f"{rule:20s} {ann} {n}")
    print(f"{len(entries)} decisions on {len(primary)} train documents")
    if "--check" in argv:
        same = OUT.exists() and OUT.read_text(encoding="utf-8") == text
        print("up to date" if same else f"{OUT.name} is stale: rerun without --check")
        return 0 if same else 1
    if "--log" in argv:
        for e in entries:
            print(json.dumps(e, ensure_ascii=False))
    OUT.write_text(text, encoding="utf-8")
    print(f"-> {OUT}")
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
