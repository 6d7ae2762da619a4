"""benchmarks/events_corpus/far_agents.py: the subject an event left without an agent would carry over (agent21)."""
import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "benchmarks" / "events_corpus"))
import far_agents  # noqa: E402
from riwaya.events import learned  # noqa: E402
from riwaya.models import Argument, DocAnalysis, EventMention  # noqa: E402


def _ev(text, trig, typ, cls, agent=None):
    s = text.index(trig)
    args = []
    if agent:
        a = text.index(agent)
        args.append(Argument(role="agent", text=agent, start=a, end=a + len(agent)))
    return EventMention(cls=cls, type=typ, trigger=trig, start=0, end=len(text), trigger_start=s,
                        trigger_end=s + len(trig), arguments=args)


def test_carried_subjects():
    text = "هاجم مسلحو المقاومة رتلا عسكريا للحوثيين. وتمكنوا من حرق عدد من الآليات وقال المصدر إن الاشتباكات استمرت"
    attack = _ev(text, "هاجم", "attack", "harm", "مسلحو المقاومة")
    burn = _ev(text, "حرق", "destruction", "harm")
    clash = _ev(text, "الاشتباكات", "attack", "harm")
    an = DocAnalysis(doc_id="x", events=[attack, burn, clash])
    T = learned.Text(text)
    sps, _ = learned.speakers(T, an, learned._lexicon())
    got = far_agents.antecedents(learned, T, an, burn, sps)
    assert got["a: earlier event, same sentence"] is None          # the attack is in the sentence before
    assert got["b: earlier event, any sentence"][2] == "مسلحو المقاومة"
    assert got["c: last agent or speaker"][2] == "مسلحو المقاومة"
    got = far_agents.antecedents(learned, T, an, clash, sps)
    assert got["c: last agent or speaker"][2] == "المصدر"          # the speech verb's subject is nearer
    assert far_agents.shape(learned, T, burn) == "noun"
    # a masculine past verb has no ending to tell it from a verbal noun (learned._finite_verb)
    assert far_agents.shape(learned, T, attack) == "noun"
    text = "وقصفت الطائرات المواقع ثم قتلوا عشرة"
    T = learned.Text(text)
    assert far_agents.shape(learned, T, _ev(text, "وقصفت", "attack", "harm")) == "conj verb"
    assert far_agents.shape(learned, T, _ev(text, "قتلوا", "killing", "harm")) == "verb"
