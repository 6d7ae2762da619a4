"""Frame-based event and attribution extraction (Arabic first, English too).

Mechanisms only: trigger stems, prepositions, means heads, reporting cues,
unnamed-source patterns and hedges live in ``riwaya/data/events/*.yaml``.
"""
from .extract import extract, load_lexicon  # noqa: F401

__all__ = ["extract", "load_lexicon"]
