"""trig26 (issue #14): a refit of the trigger model is reproducible: the fit is deterministic, and the weights file
keeps a fingerprint of the samples its trigger model was fit on, so a refit that differs says it was fit on other
analyses rather than by another procedure."""
import json
import sys
from pathlib import Path

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "scripts"))
sys.path.insert(0, str(ROOT / "benchmarks" / "events_corpus"))
from tests.conftest import import_train_events as _te  # noqa: E402


SAMPLES = [
    (["type=control", "cls=control", "trig=السيطره", "next=علي", "prev=بعد", "actor_near=True|False"], "1"),
    (["type=movement", "cls=movement", "trig=نقل", "next=المعلومات", "prev=عمليه", "actor_near=False|False"], "0"),
    (["type=attack", "cls=harm", "trig=قصف", "next=مدفعي", "prev=في", "actor_near=False|True"], "1"),
    (["type=meeting", "cls=communication", "trig=الاجتماع", "next=الثاني", "prev=خلال", "actor_near=False|False"], "0"),
    (["type=control", "cls=control", "trig=سيطرت", "next=قوات", "prev=وقد", "actor_near=False|True"], "1"),
    (["type=movement", "cls=movement", "trig=ارسال", "next=صوره", "prev=عبر", "actor_near=False|False"], "0"),
]
DOCS = ["snn/a", "snn/a", "snn/b", "snn/b", "snn/c", "snn/c"]


def test_the_fingerprint_reads_samples_not_the_order_of_their_features(monkeypatch):
    te = _te(monkeypatch)
    fp = te.samples_fingerprint(SAMPLES, DOCS)
    assert fp["n"] == 6 and fp["positive"] == 3 and len(fp["digest"]) == 16
    shuffled = [(list(reversed(f)), lab) for f, lab in SAMPLES]
    assert te.samples_fingerprint(shuffled, DOCS) == fp
    relabelled = SAMPLES[:1] + [(SAMPLES[1][0], "1")] + SAMPLES[2:]
    assert te.samples_fingerprint(relabelled, DOCS)["digest"] != fp["digest"]
    changed = [(["actor_near=True|False" if x == "actor_near=False|False" else x for x in SAMPLES[1][0]], "0")]
    assert te.samples_fingerprint(SAMPLES[:1] + changed + SAMPLES[2:], DOCS)["digest"] != fp["digest"]
    assert te.samples_fingerprint(SAMPLES, ["snn/z"] + DOCS[1:])["digest"] != fp["digest"]


def test_the_fit_is_deterministic(monkeypatch):
    te = _te(monkeypatch)
    a = te.fit(SAMPLES * 3, 1.0, prune=0.0)
    b = te.fit([(list(reversed(f)), lab) for f, lab in SAMPLES * 3], 1.0, prune=0.0)
    assert a == b and a["w"]["next=المعلومات"][1] < 0 < a["w"]["trig=قصف"][1]




def test_the_threshold_goes_with_the_clusters(monkeypatch):
    te = _te(monkeypatch)
    from riwaya.events import learned
    assert te.TRIGGER_THRESHOLD == (0.2 if learned.NEIGHBOUR_CLUSTERS else None)
