"""trig25 (issue #14): the Arabic trigger model sees the word after a trigger and the word before it by their
distributional cluster, crossed with the trigger's class, so that a word never seen in train next to a trigger
(what is moved: data or the wounded; a construct's head: a period of rule) still tells a thing from a happening."""
from riwaya.events import learned
from riwaya.models import EventMention


def _event(text: str, trigger: str, typ: str, cls: str) -> EventMention:
    s = text.index(trigger)
    return EventMention(cls=cls, type=typ, trigger=trigger, start=0, end=len(text), trigger_start=s,
                        trigger_end=s + len(trigger))


def _clusters(f: list[str]) -> dict[str, str]:
    return {x.split("=", 1)[0]: x.split("=", 1)[1] for x in f if x.startswith(("next_c64=", "prev_c64="))}


def test_neighbours_by_cluster_crossed_with_the_class(monkeypatch):
    from riwaya.ner.features import word_feats
    monkeypatch.setattr(learned, "NEIGHBOUR_CLUSTERS", True)
    lex = learned._lexicon()
    text = "ويمكن نقل المعلومات عبرها بسرعة كبيرة، وتم نقل المصابين إلى المستشفى."
    T = learned.Text(text)
    data = _clusters(learned.trigger_features(T, _event(text, "نقل", "transfer", "movement"), lex, []))
    assert data["next_c64"] == "movement|" + word_feats("المعلومات")["c64"]
    assert data["prev_c64"] == "movement|" + word_feats("ويمكن").get("c64", "-")
    second = text.index("نقل المصابين")
    ev = EventMention(cls="movement", type="transfer", trigger="نقل", start=0, end=len(text),
                      trigger_start=second, trigger_end=second + 3)
    wounded = _clusters(learned.trigger_features(T, ev, lex, []))
    assert wounded["next_c64"] == "movement|" + word_feats("المصابين")["c64"]
    assert wounded["next_c64"] != data["next_c64"]      # data moved is not the wounded moved


def test_a_trigger_at_the_edge_and_the_switch(monkeypatch):
    lex = learned._lexicon()
    text = "هبوط"
    T = learned.Text(text)
    ev = _event(text, "هبوط", "arrival", "movement")
    monkeypatch.setattr(learned, "NEIGHBOUR_CLUSTERS", True)
    assert _clusters(learned.trigger_features(T, ev, lex, [])) == {"next_c64": "movement|<none>",
                                                                   "prev_c64": "movement|<none>"}
    monkeypatch.setattr(learned, "NEIGHBOUR_CLUSTERS", False)
    assert _clusters(learned.trigger_features(T, ev, lex, [])) == {}


def test_english_triggers_get_no_clusters(monkeypatch):
    monkeypatch.setattr(learned, "NEIGHBOUR_CLUSTERS", True)
    lex = learned._lexicon()
    text = "The troops moved the data to the capital."
    T = learned.Text(text)
    f = learned.trigger_features(T, _event(text, "moved", "transfer", "movement"), lex, [])
    assert _clusters(f) == {}


def test_the_clusters_are_off_and_the_shipped_model_does_not_weigh_them():
    # trig26: on with the refit model and conf26's days apart, the frozen tests fell (twenty-third session): off
    assert learned.NEIGHBOUR_CLUSTERS is False
    m = learned.model_for("ar")
    assert m and not any(k.startswith(("next_c64=", "prev_c64=")) for k in m["trigger"]["w"])
