"""resolve38: is ner.features._clusters (lru_cached) ever filled by a corpus-stage-only run? argv code db"""
import sys
CODE = sys.argv[1]; sys.path.insert(0, CODE)
from riwaya.ner import features as F
from riwaya import blocks
from riwaya.store import Store
blocks.refresh_store(Store(f"sqlite:///{sys.argv[2]}"))
print("clusters", F._clusters.cache_info(), "lexicons", F.lexicons.cache_info(),
      "name lists", getattr(F, "_name_lists", F.lexicons).cache_info())
