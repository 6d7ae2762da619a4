"""copy code C's base to NAME and add the last 10 (load30's plus_copy): argv C NAME"""
import sys, os

sys.path.insert(0, str(__import__("pathlib").Path(__file__).resolve().parent.parent / "load30"))
import exp
db, cache = exp.plus_copy(sys.argv[1], sys.argv[2]); print(db, cache)
