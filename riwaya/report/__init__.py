"""One self-contained, offline HTML report from a riwaya/1 export dict.

All data is embedded as JSON in a non-executable ``<script type="application/json">``
block with ``<``, ``>`` and ``&`` escaped, and the page's own JavaScript builds
the DOM with ``textContent`` only, so article text can never run as code. A
Content-Security-Policy meta admits only the inline script by its hash.
"""
from __future__ import annotations

import base64
import hashlib
import json
from functools import lru_cache
from importlib import resources

__all__ = ["render", "page", "asset", "safe_json"]


@lru_cache(maxsize=None)
def asset(name: str) -> str:
    return resources.files("riwaya").joinpath(f"data/report/{name}").read_text("utf-8")


def safe_json(obj) -> str:
    """JSON that is safe inside a <script> element: no `</`, `<!--`, `]]>` can close it."""
    s = json.dumps(obj, ensure_ascii=False, separators=(",", ":"))
    return (s.replace("&", "\\u0026").replace("<", "\\u003c").replace(">", "\\u003e")
            .replace("\u2028", "\\u2028").replace("\u2029", "\\u2029"))


def _sha(s: str) -> str:
    return "sha256-" + base64.b64encode(hashlib.sha256(s.encode("utf-8")).digest()).decode()


@lru_cache(maxsize=1)
def labels() -> dict:
    """The page's labels, with the names of event types in both languages (``etype_TYPE``),
    taken from the reconciler's type labels so that the report and the conflict sentences agree."""
    lab = json.loads(asset("labels.json"))
    for lang, extra in json.loads(asset("review_labels.json")).items():   # the review controls' labels
        lab.setdefault(lang, {}).update(extra)
    from .. import event_schema as schema
    for t, v in schema.labels()["types"].items():
        lab["ar"].setdefault(f"etype_{t}", v.get("ar_def") or v.get("ar") or t)
        lab["en"].setdefault(f"etype_{t}", v.get("en") or t)
    _claim_labels(lab)
    return lab


def _claim_labels(lab: dict) -> None:
    """Names of slots (``field_SLOT``), polarity values (``polval_P``) and roles (``role_R``) for the
    "who says what" tables, from the data files the CLI's wording reads (one place each)."""
    from ..claims import _templates
    from .. import event_schema as schema
    tp = _templates()
    for prefix, table in (("field_", tp.get("fields") or {}), ("polval_", tp.get("polarity_values") or {}),
                          ("role_", {r: (v or {}).get("label") or {} for r, v in (schema.schema().get("roles") or {}).items()})):
        for k, v in table.items():
            for lang in ("ar", "en"):
                if isinstance(v, dict) and (v.get(lang) or v.get("en")):
                    lab[lang].setdefault(prefix + k, v.get(lang) or v.get("en"))


def page(export: dict | None, api: str | None = None, lang: str = "ar") -> str:
    """The HTML page: with ``export`` embedded (offline report) or, with ``api``, fed live from the JSON API."""
    js = asset("report.js")
    css = asset("report.css")
    config = {"api": api, "lang": lang if lang in ("ar", "en") else "ar"}
    connect = "'self'" if api else "'none'"
    csp = (f"default-src 'none'; script-src '{_sha(js)}'; style-src 'unsafe-inline'; img-src data:; "
           f"connect-src {connect}; base-uri 'none'; form-action 'none'")
    parts = [
        "<!doctype html>",
        f'<html lang="{config["lang"]}" dir="{"rtl" if config["lang"] == "ar" else "ltr"}"><head><meta charset="utf-8">',
        f'<meta http-equiv="Content-Security-Policy" content="{csp}">',
        '<meta name="viewport" content="width=device-width, initial-scale=1">',
        '<meta name="referrer" content="no-referrer">',
        "<title>riwaya</title>",
        f"<style>{css}</style></head><body>",
        '<div id="app" class="loading">…</div>',
        f'<script type="application/json" id="riwaya-labels">{safe_json(labels())}</script>',
        f'<script type="application/json" id="riwaya-basemap">{safe_json(json.loads(asset("basemap.json")))}</script>',
        f'<script type="application/json" id="riwaya-config">{safe_json(config)}</script>',
        f'<script type="application/json" id="riwaya-data">{safe_json(export) if export is not None else "null"}</script>',
        f"<script>{js}</script>",
        "</body></html>",
    ]
    return "\n".join(parts)


def render(export: dict, lang: str = "ar") -> str:
    """ONE self-contained HTML file (no network) showing every view of ``export``."""
    return page(export or {}, api=None, lang=lang)


def write(export: dict, out_path: str, lang: str = "ar") -> list[str]:
    with open(out_path, "w", encoding="utf-8") as f:
        f.write(render(export, lang=lang))
    return [out_path]
