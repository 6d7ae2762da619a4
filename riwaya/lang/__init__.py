"""Language layers: what riwaya knows of a script or language, as data (riwaya/data/lang/) with
the small mechanisms that apply it. ``arabic``: normalisation variants and character classes."""
