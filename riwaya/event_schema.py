"""The event schema (``riwaya/data/events/schema.yaml``), loaded once: the only home of event types, their
classes, triggers, roles, labels, groups and itinerary meaning. Every stage asks here; the views are
cached (reconcile asks for them once per pair of mentions)."""
from __future__ import annotations

from functools import lru_cache
from importlib import resources

from riwaya.datafiles import yaml_load


@lru_cache(maxsize=1)
def schema() -> dict:
    return yaml_load(resources.files("riwaya").joinpath("data/events/schema.yaml").read_text("utf-8"))


def types() -> dict[str, dict]:
    return schema()["types"]


@lru_cache(maxsize=None)
def types_with(flag: str) -> frozenset[str]:
    """Types whose entry sets `flag` true (en_place_is_origin, en_passive_mover, once, ...)."""
    return frozenset(t for t, d in types().items() if d.get(flag))


@lru_cache(maxsize=1)
def labels() -> dict:
    """{types: {type: {en, ar, ar_def}}, classes: {class: {...}}} for sentences, the report and exports."""
    return {"types": {t: d["label"] for t, d in types().items() if d.get("label")},
            "classes": {c: d["label"] for c, d in schema()["classes"].items()}}


@lru_cache(maxsize=1)
def type_groups() -> dict[str, int]:
    """type -> index of its group (types that can be one happening when mentions are reconciled)."""
    order = {g: i for i, g in enumerate(schema()["groups"])}
    return {t: order[d["group"]] for t, d in types().items() if d.get("group")}


@lru_cache(maxsize=None)
def key_roles() -> dict[str, list[str]]:
    return {c: d["key_roles"] for c, d in schema()["classes"].items()}


@lru_cache(maxsize=None)
def fates() -> dict[str, tuple[str, bool]]:
    """type -> (status it gives a person, whether that needs a place)."""
    return {t: (d["fate"], not d.get("fate_without_place")) for t, d in types().items() if d.get("fate")}


@lru_cache(maxsize=None)
def fate_roles() -> dict[str, frozenset[str]]:
    """type -> the roles whose filler the fate befalls (the killed, the arrested; the one who hides)."""
    return {t: frozenset(d.get("fate_role") or ["agent"]) for t, d in types().items() if d.get("fate")}


def certain(polarity: str | None) -> bool:
    """Told as a fact, unhedged: the only polarity from which a fate is taken."""
    return bool(schema()["polarities"].get(polarity or "asserted", {}).get("certain"))


@lru_cache(maxsize=None)
def trigger_types() -> dict[str, dict]:
    """type -> {cls, ar, passive, en} for the types that have triggers (the matcher's table)."""
    out = {}
    for t, d in types().items():
        tr = d.get("triggers")
        if tr:
            out[t] = {"cls": d["class"], "ar": tr.get("ar") or [], "passive": tr.get("passive_ar") or [],
                      "en": tr.get("en") or []}
    return out


@lru_cache(maxsize=None)
def unrealised() -> frozenset[str]:
    """Polarities of a happening told as a plan, hypothesis, question or request."""
    return frozenset(p for p, d in schema()["polarities"].items() if d.get("unrealised"))


def realised(polarity: str | None) -> bool:
    return bool(schema()["polarities"].get(polarity or "asserted", {}).get("realised"))


def trigger_lexicon() -> dict[str, list[str]]:
    return schema()["trigger_lexicon"]
