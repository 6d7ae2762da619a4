"""riwaya: rebuild what happened from many news reports, with evidence for every fact."""
__version__ = "0.1.0"
