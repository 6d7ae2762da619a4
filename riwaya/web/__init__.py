"""The web app: the report's views fed live from a JSON API, search, and upload.

``create_app(db_url=None, export_loader=None, ingest_hook=None)``; ``export_loader()``
returns a riwaya/1 export dict (e.g. ``Store(db_url).export``). The page is the same
HTML/JS as the offline report, fetching ``/api/export`` instead of embedding it.
"""
from __future__ import annotations

import threading
from pathlib import PurePath
from typing import Callable

from fastapi import FastAPI, HTTPException, Query, Request
from fastapi.responses import HTMLResponse, JSONResponse

from .. import report
from .search import Index, normalize, search

__all__ = ["create_app", "normalize", "search"]

MAX_UPLOAD = 20 * 1024 * 1024
UPLOAD_EXT = {".txt", ".html", ".htm", ".jsonl", ".md"}
SECURITY_HEADERS = {
    "X-Content-Type-Options": "nosniff",
    "X-Frame-Options": "DENY",
    "Referrer-Policy": "no-referrer",
    "Cross-Origin-Opener-Policy": "same-origin",
    "Permissions-Policy": "geolocation=(), camera=(), microphone=()",
}
API_CSP = "default-src 'none'; frame-ancestors 'none'"
# /docs serves Swagger UI from the swagger-ui-bundle package (offline, no CDN); its page
# has one inline script that starts it.
DOCS_CSP = ("default-src 'none'; script-src 'self' 'unsafe-inline'; style-src 'self' 'unsafe-inline'; "
            "img-src 'self' data:; connect-src 'self'; frame-ancestors 'none'")


def _default_loader(db_url: str | None) -> Callable[[], dict]:
    def load() -> dict:
        if not db_url:
            return {"schema": "riwaya/1", "documents": [], "entities": [], "events": [], "conflicts": []}
        from ..store import Store
        return Store(db_url).export()
    return load


def _strip_doc(d: dict) -> dict:
    out = {k: v for k, v in d.items() if k not in ("text", "paragraphs", "repairs", "attributions")}
    out["length"] = len(d.get("text") or "")
    return out


def _offline_docs(app: FastAPI) -> None:
    """The OpenAPI browser at /docs with Swagger UI's files from the swagger-ui-bundle
    package, because FastAPI's default page fetches them from a CDN."""
    from fastapi.openapi.docs import get_swagger_ui_html
    from fastapi.staticfiles import StaticFiles
    try:
        from swagger_ui_bundle import swagger_ui_path
    except ImportError:          # the JSON schema at /openapi.json still documents the API
        return
    app.mount("/docs/static", StaticFiles(directory=swagger_ui_path), name="swagger-ui")

    @app.get("/docs", include_in_schema=False)
    def docs():
        return get_swagger_ui_html(openapi_url=app.openapi_url, title="riwaya API",
                                   swagger_js_url="/docs/static/swagger-ui-bundle.js",
                                   swagger_css_url="/docs/static/swagger-ui.css",
                                   swagger_favicon_url="/docs/static/favicon-32x32.png")


def create_app(db_url: str | None = None, export_loader: Callable[[], dict] | None = None,
               ingest_hook: Callable[[str, bytes], None] | None = None, lang: str = "ar") -> FastAPI:
    loader = export_loader or _default_loader(db_url)
    app = FastAPI(title="riwaya", version="1", docs_url=None, redoc_url=None,
                  description="What many news reports say happened: documents, entities, events, itineraries and "
                              "conflicts, every fact with its evidence spans {doc, start, end} into documents[].text.")
    lock = threading.Lock()
    state: dict = {"export": None}

    def reload() -> dict:
        with lock:
            exp = loader() or {}
            for k in ("documents", "entities", "events", "conflicts", "itineraries", "relations"):
                if not isinstance(exp.get(k), list):
                    exp[k] = []
            state["export"] = exp
            state["docs"] = {d.get("id"): d for d in exp["documents"] if isinstance(d, dict)}
            state["ents"] = {e.get("id"): e for e in exp["entities"] if isinstance(e, dict)}
            state["index"] = None
            return exp

    def exp() -> dict:
        return state["export"] if state["export"] is not None else reload()

    app.state.reload = reload
    _offline_docs(app)

    @app.middleware("http")
    async def headers(request: Request, call_next):
        resp = await call_next(request)
        for k, v in SECURITY_HEADERS.items():
            resp.headers.setdefault(k, v)
        path = request.url.path
        if path in ("/docs", "/redoc") or path.startswith("/docs/"):
            resp.headers["Content-Security-Policy"] = DOCS_CSP
        else:
            resp.headers.setdefault("Content-Security-Policy", API_CSP)
        return resp

    @app.get("/", response_class=HTMLResponse, include_in_schema=False)
    def index():
        html = report.page(None, api="/api", lang=lang)
        csp = html.split('http-equiv="Content-Security-Policy" content="', 1)[1].split('"', 1)[0]
        return HTMLResponse(html, headers={"Content-Security-Policy": csp + "; frame-ancestors 'none'"})

    @app.get("/report.html", response_class=HTMLResponse, summary="The offline report of the whole store")
    def report_html():
        html = report.render(exp(), lang=lang)
        csp = html.split('http-equiv="Content-Security-Policy" content="', 1)[1].split('"', 1)[0]
        return HTMLResponse(html, headers={"Content-Security-Policy": csp + "; frame-ancestors 'none'",
                                           "Content-Disposition": 'attachment; filename="riwaya-report.html"'})

    @app.get("/api/export", summary="The whole riwaya/1 export")
    def api_export():
        return exp()

    @app.get("/api/documents", summary="Documents (without their text)")
    def documents(outlet: str | None = None, language: str | None = None,
                  limit: int = Query(1000, ge=1, le=100000), offset: int = Query(0, ge=0)):
        out = [_strip_doc(d) for d in exp()["documents"] if isinstance(d, dict)]
        if outlet:
            out = [d for d in out if d.get("outlet") == outlet]
        if language:
            out = [d for d in out if d.get("language") == language or language in (d.get("languages") or [])]
        return out[offset:offset + limit]

    @app.get("/api/documents/{doc_id}", summary="One document with its original text, paragraphs, repairs and the evidence spans in it")
    def document(doc_id: str):
        exp()
        d = state["docs"].get(doc_id)
        if d is None:
            raise HTTPException(404, "no such document")
        ev = [{"event": e.get("id"), **sp} for e in exp()["events"] if isinstance(e, dict)
              for sp in e.get("evidence") or [] if isinstance(sp, dict) and sp.get("doc") == doc_id]
        return {**d, "evidence": ev}

    @app.get("/api/entities", summary="Entities, optionally by type")
    def entities(type: str | None = Query(None, description="person | organization | place | vehicle | other"),
                 limit: int = Query(1000, ge=1, le=100000), offset: int = Query(0, ge=0)):
        out = [e for e in exp()["entities"] if isinstance(e, dict)]
        return [e for e in out if not type or e.get("type") == type][offset:offset + limit]

    @app.get("/api/entities/{entity_id}", summary="One entity with its events and itinerary")
    def entity(entity_id: str):
        exp()
        e = state["ents"].get(entity_id)
        if e is None:
            raise HTTPException(404, "no such entity")
        evs = [v for v in exp()["events"] if isinstance(v, dict) and (
            any((p or {}).get("entity") == entity_id for p in v.get("participants") or [])
            or entity_id in (v.get("origin"), v.get("destination"), v.get("place"), v.get("means"))
            or entity_id in (v.get("via") or []))]
        it = next((i for i in exp()["itineraries"] if isinstance(i, dict) and i.get("person") == entity_id), None)
        return {**e, "events": evs, "itinerary": it}

    @app.get("/api/events", summary="Events, optionally by class or entity")
    def events(cls: str | None = Query(None, alias="class"), entity: str | None = None,
               limit: int = Query(1000, ge=1, le=100000), offset: int = Query(0, ge=0)):
        out = [v for v in exp()["events"] if isinstance(v, dict)]
        if cls:
            out = [v for v in out if v.get("class") == cls]
        if entity:
            out = [v for v in out if any((p or {}).get("entity") == entity for p in v.get("participants") or [])
                   or entity in (v.get("origin"), v.get("destination"), v.get("place"))]
        return out[offset:offset + limit]

    @app.get("/api/conflicts", summary="Where accounts disagree, each value with its evidence")
    def conflicts():
        return exp()["conflicts"]

    @app.get("/api/itineraries", summary="People's routes and fates")
    def itineraries():
        return exp()["itineraries"]

    @app.get("/api/search", summary="Arabic-aware search over entities, events and text")
    def api_search(q: str = Query(..., max_length=200, description="e.g. الاسد, أسد, Assad, حميميم"), limit: int = 50):
        exp()
        if state.get("index") is None:
            state["index"] = Index(state["export"])
        return state["index"].search(q, limit=max(1, min(limit, 500)))

    @app.post("/api/documents", status_code=201, summary="Upload a text or HTML file; it is ingested and the views reload",
              openapi_extra={"requestBody": {"content": {
                  "multipart/form-data": {"schema": {"type": "object", "properties": {"file": {"type": "string", "format": "binary"}}}},
                  "text/plain": {"schema": {"type": "string"}}, "text/html": {"schema": {"type": "string"}}}}})
    async def upload(request: Request, filename: str | None = Query(None, description="for a raw body")):
        if ingest_hook is None:
            raise HTTPException(501, "this server takes no uploads")
        ctype = request.headers.get("content-type", "")
        if ctype.startswith("multipart/form-data"):
            try:
                form = await request.form()
            except AssertionError as e:  # python-multipart missing
                raise HTTPException(415, f"multipart needs python-multipart: {e}")
            f = form.get("file")
            if f is None or not hasattr(f, "read"):
                raise HTTPException(400, "no file field")
            name, data = f.filename or "upload.txt", await f.read()
        else:
            name, data = filename or ("upload.html" if "html" in ctype else "upload.txt"), await request.body()
        name = PurePath(name.replace("\\", "/")).name or "upload.txt"
        if PurePath(name).suffix.lower() not in UPLOAD_EXT:
            raise HTTPException(415, f"accepted: {', '.join(sorted(UPLOAD_EXT))}")
        if not data:
            raise HTTPException(400, "empty file")
        if len(data) > MAX_UPLOAD:
            raise HTTPException(413, "file too large")
        ingest_hook(name, data)
        e = reload()
        return JSONResponse({"ok": True, "filename": name, "documents": len(e["documents"])}, status_code=201)

    @app.post("/api/reload", summary="Reload the export from the store")
    def api_reload():
        e = reload()
        return {"documents": len(e["documents"]), "entities": len(e["entities"]), "events": len(e["events"])}

    return app
