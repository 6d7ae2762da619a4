"""Cross-document reconciliation: one account per translation/copy, one event
per happening, independent corroboration, and named conflicts.

    from riwaya.reconcile import reconcile
    out = reconcile(documents, event_mentions, entities)
    # {"events": [...], "conflicts": [...], "relations": [...]}
"""
from .core import cluster_mentions, reconcile, upstream_key
from .relations import align_translation, copy_pairs, find_relations
from .stories import story_clusters

__all__ = ["reconcile", "cluster_mentions", "upstream_key", "align_translation", "copy_pairs",
           "find_relations", "story_clusters"]
