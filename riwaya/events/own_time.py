"""Which time expression of its sentence is an event's own time (issue 14), learned.

The rules (``extract._event_time``) give an event the nearest time of its clause, else of its sentence.
The annotated corpus marks a time on a fifth of the mentions: a time usually belongs to one happening of
the sentence, not to all of them. What goes wrong, on the train split (time expressions riwaya gave an
event that the annotation does not): the report's time given to what is reported ("قال المرصد أمس إن
قياديا قُتل"), the time of another event between ("منعها التنظيم قبل أيام" for the arrests after it),
another clause, a relative clause about another noun, and historical spans ("تولى الحكم منذ عام 1971
وحتى وفاته في عام 2000" for a departure decades later).

For each event and each date or clock time of its sentence a logistic model (scored in pure Python, the
weights in ``data/events/model.json`` under ``time``, trained by ``scripts/train_events.py``) judges "this
expression times this event" from: side and distance, other triggers, speech verbs, complementizers,
relative pronouns, clause barriers (cues.yaml) and commas between, the words before the time and the
trigger, the time's precision, width and distance from the document's date, the event's class and form,
and whether the rules chose it. The likeliest candidate over the threshold is the event's time; none:
the event has no time of its own (a time carried from earlier sentences, when its sentence has none,
stays as the rules gave it).
"""
from __future__ import annotations

from datetime import date

from riwaya.models import LOOSE_TIME_KINDS, EventMention, TimeMention

KINDS = ("date", "time")      # the kinds the rules attach (durations are a stay's, not a time)
TIME26 = False                # time26: left_features (what governs a time before the trigger); off: train out of fold
                              # F1 0.786 -> 0.798, dev 0.850 -> 0.819 (benchmarks/events_corpus/README.md, time26)
LEFT_WORDS = 6
TIME27: tuple[str, ...] = ()  # time27: the groups of competition_features on ("rank", "verbs"); () off: dev 0.848 -> 0.850 but
                              # train out of fold 0.764 -> 0.759 at the refit's threshold (README, time27)
TIME27_AFTER = True           # only for a time after the trigger (before it the dev annotator gives far fewer)
EN_PARSE = True               # whether an English event's candidates read the parse (en_parse_features)


def _in_sentence(T, ev: EventMention, times: list[TimeMention], kinds) -> list[TimeMention]:
    """The times of these kinds in the trigger's sentence (the sentence as the evaluation bounds it), none
    overlapping the trigger."""
    s0, s1 = T.sentence(ev.trigger_start)
    return [t for t in times if s0 <= t.start < s1 and t.value.kind in kinds
            and not (t.start < ev.trigger_end and ev.trigger_start < t.end)]


def candidates(T, ev: EventMention, times: list[TimeMention]) -> list[TimeMention]:
    """The date and clock times of the trigger's sentence."""
    return _in_sentence(T, ev, times, KINDS)


def rule_pick(ev: EventMention, cands: list[TimeMention]) -> TimeMention | None:
    """The candidate the rules gave the event: the one with its time's text nearest the trigger."""
    if ev.time is None or not ev.time.text:
        return None
    same = [t for t in cands if t.text == ev.time.text]
    return min(same, key=lambda t: abs(t.start - ev.trigger_start)) if same else None


def _day(iso: str | None) -> date | None:
    try:
        return date.fromisoformat(iso[:10]) if iso else None
    except ValueError:
        return None


def reference(times: list[TimeMention]) -> date | None:
    """The document's date: its publication day (the anchor of its relative times), else the latest day
    an absolute time of it starts on."""
    for t in times:
        a = t.value.anchor or ""
        if a.startswith("published:") and _day(a[10:]):
            return _day(a[10:])
    days = [_day(t.value.earliest) for t in times if t.value.kind in KINDS]
    return max((d for d in days if d), default=None)


def _age(v, ref: date | None) -> str:
    """How long before the document's date the time ends (future, same week, ... decades). An open
    value (a relative time in a document without a date) says nothing: no such feature is given."""
    end = _day(v.latest)
    if end is None or ref is None:
        return "open"
    d = (ref - end).days
    return ("future" if d < -1 else "days" if d <= 7 else "weeks" if d <= 60 else "months" if d <= 365
            else "years" if d <= 5 * 365 else "decades")


def _width(v) -> str:
    a, b = _day(v.earliest), _day(v.latest)
    if a is None or b is None:
        return "open"
    d = (b - a).days
    return "day" if d < 1 else "week" if d <= 7 else "month" if d <= 31 else "year" if d <= 366 else "years"


def _gap(n: int) -> str:
    return str(n) if n < 3 else "3-5" if n < 6 else "6-10" if n < 11 else "11+"


def features(T, ev: EventMention, c: TimeMention, cands: list[TimeMention], triggers: list[tuple[int, int]],
             rule: TimeMention | None, ref: date | None, lex: dict, nominal: bool, lang: str = "ar") -> list[str]:
    after = c.start >= ev.trigger_end
    side = "after" if after else "before"
    lo, hi = (ev.trigger_end, c.start) if after else (c.end, ev.trigger_start)
    bi, bj = T.tok_range(lo, hi)
    words = [T.toks[k].n for k in range(bi, bj)]
    between = T.text[lo:hi] if hi > lo else ""
    s0, s1 = T.sentence(ev.trigger_start)
    others = [(a, b) for a, b in triggers if s0 <= a < s1 and a != ev.trigger_start]
    n_trig = sum(1 for a, b in others if lo <= a and b <= hi)

    def dist(a: int, b: int) -> int:     # words between the time and a trigger at [a, b)
        x, y = (b, c.start) if a < c.start else (c.end, a)
        i, j = T.tok_range(x, y)
        return max(j - i, 0)
    mine = dist(ev.trigger_start, ev.trigger_end)
    closest = all(mine <= dist(a, b) for a, b in others)
    comp = any(w in lex["report_comp"][lang] for w in words)
    spk = lex["speaker_cues"].get(lang, ())
    speech = any(w in lex["att_single"][lang] or w in spk for w in words)
    rel = any(w in lex["relative_pronouns"][lang] for w in words)
    barrier = any(w in lex["arg_barriers"][lang] for w in words)
    comma = "،" in between or "," in between
    ci, cj = T.tok_range(c.start, c.end)
    prev = T.word(ci - 1).rstrip("،")
    if lang == "ar":
        prev = prev[1:] if prev[:1] in "وف" and len(prev) > 2 else prev
    is_rule = rule is c
    nearest = min(cands, key=lambda t: abs(t.start - ev.trigger_start)) is c
    # a time that opens its sentence and is set off by a comma ("وفي 5 كانون الأول، سقطت ...") scopes
    # over the clause after it; the event whose trigger comes first after it (or last before it) is its
    # nearest on that side
    opens = len(T.text[s0:c.start].split()) <= 2 and T.text[c.end:c.end + 2].strip()[:1] in ("،", ",")
    side_first = n_trig == 0       # no other trigger between: the first (or last) on its side
    gap = _gap(len(words))
    v = c.value
    age, width = _age(v, ref), _width(v)
    return [
        f"side={side}", f"gap={side}|{gap}", f"trig_between={min(n_trig, 2)}", f"closest={closest}",
        f"closest_side={closest}|{side}", f"comp={comp}|{side}", f"speech={speech}|{side}", f"rel={rel}|{side}",
        f"barrier={barrier}|{side}", f"comma={comma}|{side}", f"rule={is_rule}", f"nearest={nearest}",
        f"rule_closest={is_rule}|{closest}", f"prev={prev}", f"prev_side={prev}|{side}",
        f"precision={v.precision}",
        f"first={T.word(ci).rstrip('،')}", f"cls={ev.cls}", f"type={ev.type}", f"cls_side={ev.cls}|{side}", f"cls_comp={ev.cls}|{comp}|{side}",
        f"nominal={nominal}|{side}", f"nominal_gap={nominal}|{gap}", f"pol={ev.polarity}",
        f"ncands={min(len(cands), 3)}", f"trig_comp={min(n_trig, 2)}|{comp}|{closest}", f"headline={s0 == 0}",
        f"clean={not (comp or speech or rel or barrier or comma) and n_trig == 0}|{side}",
        f"opens={opens}|{side}|{side_first}", f"opens_comp={opens}|{comp or speech}",
    ] + ([] if width == "open" else [f"age={age}", f"width={width}", f"age_width={age}|{width}"]) + (
        en_parse_features(T, ev, c, side) if lang == "en" and EN_PARSE else []) + (
        left_features(T, c, others, lex, nominal, side, s0) if TIME26 and lang == "ar" else []) + (
        competition_features(T, ev, c, triggers, side, s0, s1) if TIME27 and lang == "ar" else [])


def _verb_first(T, a: int, b: int) -> bool:
    """Whether a trigger's first word is a verb (no article, not a listed verbal noun)."""
    from . import learned
    ws = T.text[a:b].split()
    if not ws:
        return False
    w = learned.normalize_ar(ws[0])
    c = learned._clitic(w)
    return not (c.endswith("ال") or w[len(c):] in learned._nominals())


def competition_features(T, ev: EventMention, c: TimeMention, triggers, side: str, s0: int, s1: int) -> list[str]:
    """time27: the sentence's triggers compete for a time. "rank": how many other triggers of the sentence
    stand nearer the time than this one (in words), whether one stands on the time's other side nearer
    than this one, and by how many words this one is nearer or farther than the nearest other; "verbs": the
    verbs and the verbal nouns between the time and the trigger counted apart (a verbal noun between, "قتل 6
    أشخاص أمس في غارات", parts the time from its verb less than a verb does), and whether the trigger is the
    sentence's first verb with no verb between (its main clause's time)."""
    if TIME27_AFTER and side != "after":
        return []

    def dist(a: int, b: int) -> int:
        x, y = (b, c.start) if a < c.start else (c.end, a)
        i, j = T.tok_range(x, y)
        return max(j - i, 0)
    sent = sorted({(a, b) for a, b in triggers if s0 <= a < s1})
    f = []
    if "rank" in TIME27:
        mine = dist(ev.trigger_start, ev.trigger_end)
        od = [(dist(a, b), a) for a, b in sent if a != ev.trigger_start and not (a < c.end and c.start < b)]
        rank = sum(1 for d, _ in od if d < mine)
        opp = [d for d, a in od if (a >= c.end) == (ev.trigger_start < c.start)]
        oppk = "none" if not opp else "closer" if min(opp) < mine else "tie" if min(opp) == mine else "farther"
        m = (mine - min(d for d, _ in od)) if od else None
        mb = ("alone" if m is None else "<=-3" if m <= -3 else "-2..-1" if m < 0 else "0" if m == 0
              else "1..2" if m <= 2 else "3+")
        f += [f"t27_rank={min(rank, 2)}|{side}", f"t27_opp={oppk}|{side}", f"t27_margin={mb}|{side}"]
    if "verbs" in TIME27:
        lo, hi = (ev.trigger_end, c.start) if side == "after" else (c.end, ev.trigger_start)
        betw = [(a, b) for a, b in sent if a != ev.trigger_start and lo <= a and b <= hi]
        nv = sum(1 for a, b in betw if _verb_first(T, a, b))
        verbs = [a for a, b in sent if _verb_first(T, a, b)]
        main = bool(verbs) and verbs[0] == ev.trigger_start
        f += [f"t27_vn={min(nv, 2)}|{min(len(betw) - nv, 2)}|{side}", f"t27_main={main}|{side}|{nv == 0}"]
    return f


def left_features(T, c: TimeMention, others, lex: dict, nominal: bool, side: str, s0: int) -> list[str]:
    """time26: what governs a time that stands before the trigger, read leftwards from the time (up to
    LEFT_WORDS words, within the sentence): a speech verb ("أفادت مصادر أمنية أمس بمقتل 24"، "أعلن الوزير اليوم
    الأحد اعتقال": the report's time, not the reported happening's), a light or control verb whose noun is the
    trigger ("شنت طائرات التحالف، يوم الأربعاء سلسلة من الغارات": the noun's own), another trigger, or the
    sentence's start."""
    from . import learned
    if side != "before":
        return []
    ci, _ = T.tok_range(c.start, c.end)
    spk = lex["speaker_cues"].get("ar", ())
    starts = {a for a, _ in others}
    kind = "start"
    for k in range(ci - 1, max(ci - 1 - LEFT_WORDS, -1), -1):
        tok = T.toks[k]
        if tok.start < s0:
            break
        w = tok.n
        if w in lex["att_single"]["ar"] or w in spk:
            kind = "speech"
        elif learned._word_in(w, learned._light_verbs()) or learned._word_in(w, learned._control_verbs()):
            kind = "light"
        elif tok.start in starts:
            kind = "trig"
        else:
            continue
        break
    else:
        kind = "far" if ci - 1 - LEFT_WORDS >= 0 and T.toks[ci - 1 - LEFT_WORDS].start >= s0 else "start"
    return [f"left={kind}", f"left_nom={kind}|{nominal}"]


def en_parse_features(T, ev: EventMention, c: TimeMention, side: str) -> list[str]:
    """How an English time hangs on the trigger in spaCy's parse (the line parsed once, learned._en_line):
    the first verb above the time's head is the trigger's own ("was killed on Monday"), one above it (the
    report's: "said on Monday that ... was killed"), one under it (a clause about something else), or the
    trigger is a noun the time modifies ("Monday's attack"); with the time's label and preposition."""
    from . import learned
    from .english import head_chain
    doc, off = learned._en_line(T, ev.trigger_start)
    if doc is None or not (off <= c.start and c.end <= off + len(doc.text)):
        return ["en_t=none"]
    tt = learned._en_head(doc, off, ev.trigger_start, ev.trigger_end)
    th = learned._en_head(doc, off, c.start, c.end)
    if tt is None or th is None:
        return ["en_t=none"]
    up_t = head_chain(tt)
    up_c = head_chain(th)
    ids_t = {t.i for t in up_t}
    # the first verb (or the trigger) on the way up from the time
    anc = next((t for t in up_c[1:] if t.i == tt.i or t.pos_ in ("VERB", "AUX")), None)
    if any(t.i == tt.i for t in up_c[1:]) and (anc is None or anc.i == tt.i):
        gov = "trig"               # nothing verbal between: the trigger's own modifier
    elif anc is None:
        gov = "none"
    elif anc.i in ids_t:
        gov = "above"              # a verb that governs the trigger (a report's verb, a matrix clause)
    elif any(t.i == tt.i for t in up_c):
        gov = "below"              # a verb inside the trigger's phrase (a relative clause)
    else:
        gov = "apart"              # another branch (a conjoined clause)
    verbs = sum(1 for t in up_c[1:] if t.pos_ in ("VERB", "AUX") and t.i != tt.i and t.i not in ids_t)
    dep, prep = th.dep_, ""
    if dep == "pobj" and th.head.dep_ in ("prep", "agent"):
        prep = th.head.lower_
    tpos = "verb" if tt.pos_ in ("VERB", "AUX") else "noun" if tt.pos_ in ("NOUN", "PROPN") else "other"
    f = [f"en_t_gov={gov}", f"en_t_gov_side={gov}|{side}", f"en_t_gov_pos={gov}|{tpos}",
         f"en_t_dep={dep}|{prep}", f"en_t_gov_dep={gov}|{dep}", f"en_t_verbs={min(verbs, 2)}|{gov}"]
    if gov == "above":
        # how the trigger hangs under the time's verb: a reported clause (ccomp: "said Monday that ...") or
        # the same happening told on ("caused ... yesterday, killing 107": advcl), and whether it is speech
        link = next((t.dep_ for t in up_t if t.head.i == anc.i and t.i != anc.i), "")
        f += [f"en_t_above={link}", f"en_t_above_pos={link}|{tpos}", f"en_t_above_word={anc.lower_}"]
    elif gov == "below":
        # the clause under the trigger the time stands in ("the accident, which occurred yesterday": relcl)
        link = next((t.dep_ for t in up_c if t.head.i == tt.i and t.i != tt.i), "")
        f += [f"en_t_below={link}", f"en_t_below_pos={link}|{tpos}", f"en_t_below_word={anc.lower_}"]
    return f


def choose(M: dict, T, ev: EventMention, cands: list[TimeMention], triggers, ref, lex: dict,
           nominal: bool, scores, lang: str = "ar") -> tuple[bool, TimeMention | None]:
    """(judged, the time): judged is False when the sentence has no candidate (the rules' time stands)."""
    if not cands:
        return False, None
    rule = rule_pick(ev, cands)
    best, bp, keep = None, 0.0, M.get("keep")
    for c in cands:
        p = scores(M, features(T, ev, c, cands, triggers, rule, ref, lex, nominal, lang))["1"]
        if keep is not None and c is rule and p >= keep:
            return True, rule      # the rules' time stands unless the model is sure it is not the event's
        if p > bp:
            best, bp = c, p
    return True, best if bp >= M["threshold"] else None


# ---------------------------------------------------------------- durations and vague times (time21)
# The annotation marks as an event's time whatever expression tells when it happened, a duration or a vague
# time as well as a date: "سيطرت ... قبل أيام"، "المعارك منذ أسبوعين"، "اشتباكات خلال الأيام الماضية"، "التقى
# مؤخرا"، "الغارات خلال أسبوعين". The dated model above never sees them (KINDS). A second logistic model
# (weights in data/events/time_loose.json, trained by scripts/train_time_loose.py on the train split, its
# threshold picked by grouped cross-validation over train) judges them for an event left with no time of its
# own: the same features as a date's, with the expression's kind (models.LOOSE_TIME_KINDS), its frame word and its
# vague category.


def loose_candidates(T, ev: EventMention, times: list[TimeMention]) -> list[TimeMention]:
    """The durations and vague times of the trigger's sentence."""
    return _in_sentence(T, ev, times, LOOSE_TIME_KINDS)


def loose_features(T, ev: EventMention, c: TimeMention, cands: list[TimeMention], dated: list[TimeMention],
                   triggers, ref, lex: dict, nominal: bool, lang: str = "ar") -> list[str]:
    """A date's features (the rules' pick none) and what kind of expression it is: a duration or a vague
    time, its frame word (منذ، قبل، خلال، لمدة ... the expression's first word), whether it reaches back from
    the publication date (الأيام الماضية) or is a bare length (أربع سنوات), whether it is the event's own
    duration argument (a stay's length) and whether the sentence has a date too."""
    v = c.value
    ci, _ = T.tok_range(c.start, c.end)
    first = _bare(T.word(ci), lang)
    anchored = bool(v.earliest or v.latest)
    dur_arg = any(a.role == "duration" and a.start < c.end and c.start < a.end for a in ev.arguments)
    side = "after" if c.start >= ev.trigger_end else "before"
    kind = f"{v.kind}|{v.value if v.kind == 'vague' else ('anchored' if anchored else 'bare')}"
    _, cj = T.tok_range(c.start, c.end)
    nxt = _bare(T.word(cj), lang)
    # told from another happening ("بعد يومين من احتجازه"), and whether that happening is this event
    rel = v.anchor_span is not None or bool(v.offset)
    own = v.anchor_span is not None and v.anchor_span[0] < ev.trigger_end and ev.trigger_start < v.anchor_span[1]
    return features(T, ev, c, cands, triggers, None, ref, lex, nominal, lang) + [
        f"l_kind={kind}", f"l_kind_side={kind}|{side}", f"l_first={first}", f"l_first_kind={first}|{v.kind}",
        f"l_dur_arg={dur_arg}", f"l_dated={bool(dated)}", f"l_ev_type_kind={ev.type}|{v.kind}",
        f"l_pol_kind={ev.polarity}|{v.kind}", f"l_next={nxt}", f"l_next_side={nxt}|{side}",
        f"l_rel={rel}|{own}", f"l_first_side={first}|{side}"]


def _bare(w: str, lang: str) -> str:
    """A word without its comma and, in Arabic, without a glued و/ف."""
    w = w.rstrip("،")
    return w[1:] if lang == "ar" and w[:1] in "وف" and len(w) > 2 else w


def choose_loose(M: dict, T, ev: EventMention, times: list[TimeMention], triggers, ref, lex: dict,
                 nominal: bool, scores, lang: str = "ar") -> TimeMention | None:
    """The duration or vague time of its sentence the loose model says is the event's, or None."""
    cands = loose_candidates(T, ev, times)
    if not cands:
        return None
    dated = candidates(T, ev, times)
    best, bp = None, 0.0
    for c in cands:
        p = scores(M, loose_features(T, ev, c, cands, dated, triggers, ref, lex, nominal, lang))["1"]
        if p > bp:
            best, bp = c, p
    return best if bp >= M["threshold"] else None
