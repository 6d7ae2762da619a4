"""proj29 (issue 14): a projectile that "falls" is an attack, the projectile its means (cues.yaml casualty_fall
fired_type; the projectile words: schema.yaml naming_fired). The events corpus' train annotators mark the fall word
itself as the attack and the projectile phrase as its means; the projectile noun is no trigger of its own and never
the doer, and casualties that "fall" stay killings."""
import importlib

from riwaya.analyze import analyze
from riwaya.models import Document

extract = importlib.import_module("riwaya.events.extract")    # riwaya.events.extract is also a function's name
learned = importlib.import_module("riwaya.events.learned")


def _events(text):
    return analyze(Document(id="d", text=text)).events


def _one(evs, *triggers):
    got = [e for e in evs if e.trigger in triggers]
    assert len(got) == 1, [(e.trigger, e.type) for e in evs]
    return got[0]


def _roles(ev):
    return {(a.role, a.text) for a in ev.arguments}


NAJRAN = ("وأوضح المتحدث الإعلامي للدفاع المدني بمنطقة نجران أن فرق الدفاع المدني باشرت ظهر أمس حادثة سقوط "
          "مقذوف عسكري من داخل الأراضي اليمنية على أحد المنازل في مدينة نجران.")


def test_a_projectile_that_falls_is_an_attack_with_its_projectile_as_means():
    evs = _events(NAJRAN)
    ev = _one(evs, "سقوط")
    assert ev.type == "attack"
    assert ("means", "مقذوف عسكري") in _roles(ev)


def test_the_projectile_is_no_trigger_of_its_own():
    evs = _events(NAJRAN)
    assert not [e for e in evs if "مقذوف" in e.trigger], [(e.trigger, e.type) for e in evs]


def test_the_responder_before_the_fall_is_not_its_doer():
    ev = _one(_events(NAJRAN), "سقوط")
    assert not [a for a in ev.arguments if a.role == "agent"], _roles(ev)


def test_shells_that_fell_are_the_means_not_the_doer():
    ev = _one(_events("وسقطت قذائف هاون على حي سكني في مدينة حلب أمس."), "وسقطت")
    assert ev.type == "attack"
    assert ("means", "قذائف هاون") in _roles(ev)
    assert not [a for a in ev.arguments if a.role == "agent"], _roles(ev)


def test_a_counted_projectile_keeps_its_count_in_the_means():
    ev = _one(_events("وقتل ثلاثة أشخاص جراء سقوط أكثر من 10 قذائف هاون الليلة قبل الماضية على منازل في ناحية هبهب."),
              "سقوط")
    assert ev.type == "attack"
    assert ("means", "أكثر من 10 قذائف هاون") in _roles(ev)
    assert ("patient", "منازل في ناحية هبهب") in _roles(ev)


def test_a_projectile_before_the_fall_word():
    ev = _one(_events("وقال المصدر إن قذيفة سقطت على منزل بقرية تقع جنوبي الشيخ زويد."), "سقطت")
    assert ev.type == "attack"
    assert ("means", "قذيفة") in _roles(ev)


def test_who_fired_it_after_the_projectile_stays_the_doer():
    ev = _one(_events("قتل أربعة أشقاء اثر سقوط قذيفة صاروخية اطلقها مقاتلو المعارضة على احد احياء مدينة حلب."),
              "سقوط")
    assert ev.type == "attack"
    assert ("means", "قذيفة صاروخية") in _roles(ev)
    assert ("agent", "مقاتلو المعارضة") in _roles(ev)


def test_casualties_that_fall_stay_killings():
    evs = _events("وأفادت مصادر طبية بسقوط 16 قتيلا في قصف على المدينة أمس.")
    assert [e.type for e in evs if "سقوط" in e.trigger] == ["killing"]


def test_a_city_that_falls_is_still_a_fall():
    ev = _one(_events("وأعلنت المعارضة سقوط مدينة إدلب بيد فصائلها أمس بعد معارك عنيفة."), "سقوط")
    assert ev.type == "fall"


def test_the_switch_in_the_data_file_turns_it_off(monkeypatch):
    lex = extract.load_lexicon()
    off = {**lex, "casualty_fall": {**lex["casualty_fall"], "fired_type": None}}
    monkeypatch.setattr(extract, "load_lexicon", lambda: off)
    monkeypatch.setattr(learned, "_lexicon", lambda: off)
    ev = _one(_events(NAJRAN), "سقوط")
    assert ev.type != "attack"


def test_a_projectile_is_never_read_as_the_doer():
    lex = extract.load_lexicon()
    assert learned._fired_head("قذائف هاون", lex)
    assert learned._fired_head("أكثر من 10 قذائف", lex)
    assert learned._fired_head("المقذوفات العسكرية", lex)
    assert not learned._fired_head("قوات الصواريخ", lex)
    assert not learned._fired_head("مقاتلو المعارضة", lex)
