"""The API browser at /docs, offline, and the write token in the OpenAPI description.

Swagger UI comes from the swagger-ui-bundle package (FastAPI's default page fetches it
from a CDN). That bundle is Swagger UI 4, which cannot read OpenAPI 3.1 ("Unable to render
this definition"), so /docs reads ``/docs/openapi.json``: the same description written as
OpenAPI 3.0 (nullable instead of a null type, ``example`` instead of ``examples``).
``/openapi.json`` stays 3.1 for tools that read it.
"""
from __future__ import annotations

import copy

from fastapi import FastAPI
from fastapi.openapi.utils import get_openapi

WRITE_METHODS = {"post", "put", "patch", "delete"}


def with_security(app: FastAPI) -> None:
    """Describe the bearer token that every write needs (Swagger's Authorize button)."""
    def openapi() -> dict:
        if app.openapi_schema is None:
            spec = get_openapi(title=app.title, version=app.version, description=app.description, routes=app.routes)
            spec.setdefault("components", {})["securitySchemes"] = {
                "token": {"type": "http", "scheme": "bearer",
                          "description": "The write token `riwaya serve` prints at its first start."}}
            for ops in spec.get("paths", {}).values():
                for method, op in ops.items():
                    if method in WRITE_METHODS:
                        op["security"] = [{"token": []}]
            app.openapi_schema = spec
        return app.openapi_schema
    app.openapi = openapi


def to_openapi30(node):
    """An OpenAPI 3.1 description (as FastAPI writes it) rewritten as OpenAPI 3.0."""
    if isinstance(node, list):
        return [to_openapi30(x) for x in node]
    if not isinstance(node, dict):
        return node
    out = {k: to_openapi30(v) for k, v in node.items()}
    for key in ("anyOf", "oneOf"):
        alts = out.get(key)
        if isinstance(alts, list) and {"type": "null"} in alts:
            rest = [a for a in alts if a != {"type": "null"}]
            del out[key]
            out["nullable"] = True
            if len(rest) == 1 and "$ref" not in rest[0]:
                out = {**rest[0], **out}
            elif rest:
                out["allOf" if len(rest) == 1 else key] = rest
    t = out.get("type")
    if isinstance(t, list):
        kinds = [x for x in t if x != "null"]
        if len(kinds) < len(t):
            out["nullable"] = True
        if len(kinds) == 1:
            out["type"] = kinds[0]
        else:
            del out["type"]
            out["anyOf"] = [{"type": x} for x in kinds]
    if "const" in out:
        out["enum"] = [out.pop("const")]
    if isinstance(out.get("examples"), list):        # 3.1 schema examples; 3.0 has one example
        ex = out.pop("examples")
        if ex:
            out.setdefault("example", ex[0])
    for bound, plain in (("exclusiveMinimum", "minimum"), ("exclusiveMaximum", "maximum")):
        if isinstance(out.get(bound), (int, float)) and not isinstance(out.get(bound), bool):
            out[plain], out[bound] = out[bound], True
    return out


def offline_docs(app: FastAPI) -> None:
    from fastapi.openapi.docs import get_swagger_ui_html
    from fastapi.staticfiles import StaticFiles
    try:
        from swagger_ui_bundle import swagger_ui_path
    except ImportError:          # the JSON description at /openapi.json still documents the API
        return

    @app.get("/docs/openapi.json", include_in_schema=False)
    def openapi30():
        spec = to_openapi30(copy.deepcopy(app.openapi()))
        spec["openapi"] = "3.0.3"
        return spec

    app.mount("/docs/static", StaticFiles(directory=swagger_ui_path), name="swagger-ui")

    @app.get("/docs", include_in_schema=False)
    def docs():
        return get_swagger_ui_html(openapi_url="/docs/openapi.json", title="riwaya API",
                                   swagger_js_url="/docs/static/swagger-ui-bundle.js",
                                   swagger_css_url="/docs/static/swagger-ui.css",
                                   swagger_favicon_url="/docs/static/favicon-32x32.png")
