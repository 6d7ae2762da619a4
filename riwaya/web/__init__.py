"""The web app: the report's views fed live from a JSON API, search, and upload.

``create_app(db_url=None, export_loader=None, ingest_hook=None, token=None, ...)``;
``export_loader()`` returns a riwaya/1 export dict (e.g. ``Store(db_url).export``). The
page is the same HTML/JS as the offline report, fetching ``/api/export`` instead of
embedding it. Every write needs ``Authorization: Bearer <token>`` and a Host and Origin
of this server (``guard.py``); uploads are checked at once and built later by a
background worker (``jobs.py``), so reads never wait for a build.
"""
from __future__ import annotations

import threading
from contextlib import asynccontextmanager
from pathlib import Path
from typing import Any, Callable, Iterable, Literal

from fastapi import FastAPI, HTTPException, Query, Request
from fastapi.responses import HTMLResponse, JSONResponse
from pydantic import BaseModel, ConfigDict, Field
from starlette.concurrency import run_in_threadpool
from starlette.datastructures import UploadFile

from .. import report
from .apidocs import offline_docs, with_security
from .guard import LOOPBACK_HOSTS, Guard, GuardConfig
from .jobs import META_FIELDS, Job, JobQueue, QueueFull, Refused, check_upload, clean_name, upload_metadata
from .search import Index, normalize, search

__all__ = ["create_app", "normalize", "search", "Job"]

MAX_UPLOAD = 20 * 1024 * 1024
MULTIPART_SLACK = 64 * 1024     # room for the multipart framing around one file
SECURITY_HEADERS = {
    "X-Content-Type-Options": "nosniff",
    "X-Frame-Options": "DENY",
    "Referrer-Policy": "no-referrer",
    "Cross-Origin-Opener-Policy": "same-origin",
    "Cross-Origin-Resource-Policy": "same-origin",
    "Permissions-Policy": "geolocation=(), camera=(), microphone=()",
}
API_CSP = "default-src 'none'; frame-ancestors 'none'"
# /docs serves Swagger UI from the swagger-ui-bundle package (offline, no CDN); its page
# has one inline script that starts it.
DOCS_CSP = ("default-src 'none'; script-src 'self' 'unsafe-inline'; style-src 'self' 'unsafe-inline'; "
            "img-src 'self' data:; connect-src 'self'; frame-ancestors 'none'")


class CorrectionIn(BaseModel):
    """One correction as the API takes it."""
    model_config = ConfigDict(extra="forbid")
    kind: Literal["entity", "event", "mention", "conflict", "leg", "document"]
    target: str = Field(min_length=1, max_length=2000)
    field: str | None = Field(None, max_length=64)
    action: Literal["confirm", "reject", "note"] | None = None
    value: Any = None
    note: str | None = Field(None, max_length=4000)
    author: str | None = Field(None, max_length=200)


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


class _View:
    """One loaded export and its lookups, swapped in whole so a read sees one state."""

    def __init__(self, exp: dict):
        for k in ("documents", "entities", "events", "conflicts", "itineraries", "relations"):
            if not isinstance(exp.get(k), list):
                exp[k] = []
        self.export = exp
        self.docs = {d.get("id"): d for d in exp["documents"] if isinstance(d, dict)}
        self.ents = {e.get("id"): e for e in exp["entities"] if isinstance(e, dict)}
        self._index: Index | None = None
        self._lock = threading.Lock()

    @property
    def index(self) -> Index:
        with self._lock:
            if self._index is None:
                self._index = Index(self.export)
            return self._index


def create_app(db_url: str | None = None, export_loader: Callable[[], dict] | None = None,
               ingest_hook: Callable[[list[Job]], None] | None = None, lang: str = "ar", *,
               token: str | None = None, auth: bool = True, hosts: Iterable[str] | None = None,
               max_upload: int = MAX_UPLOAD,
               check: Callable[[Path, str], tuple[list[str], list[str]]] = check_upload) -> FastAPI:
    """The app. ``ingest_hook(jobs)`` builds a batch of checked uploads (each ``Job`` has
    ``path``, ``filename``, ``doc_ids``; it may ``fail(reason)`` one, or raise to fail all).
    Writes need ``token`` (none: writes are refused) unless ``auth`` is False; requests must
    name one of ``hosts`` (default: the loopback names). ``check(path, filename)`` reads an
    upload before it is queued ((document ids, refused parts), or raises ``Refused``)."""
    loader = export_loader or _default_loader(db_url)
    jobs = JobQueue(ingest_hook, after=lambda: reload(eager=True)) if ingest_hook else None

    @asynccontextmanager
    async def lifespan(app):
        yield
        if jobs:
            jobs.close()
        for part in (ingest_hook, check):
            if hasattr(part, "close"):
                part.close()

    app = FastAPI(title="riwaya", version="1", docs_url=None, redoc_url=None, lifespan=lifespan,
                  description="What many news reports say happened: documents, entities, events, itineraries and "
                              "conflicts, every fact with its evidence spans {doc, start, end} into documents[].text. "
                              "Writes need the server's token (`Authorization: Bearer …`).")
    load_lock = threading.RLock()
    state: dict = {"view": None}

    def reload(eager: bool = False) -> dict:
        with load_lock:
            v = _View(loader() or {})
            if eager:
                v.index           # built here, in the background, not in the next search
            state["view"] = v
            return v.export

    def view() -> _View:
        if state["view"] is None:
            with load_lock:                 # the first readers wait for one load, not one each
                if state["view"] is None:
                    reload()
        return state["view"]

    def exp() -> dict:
        return view().export

    app.state.reload = reload
    app.state.jobs = jobs
    with_security(app)
    offline_docs(app)

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
        v = view()
        d = v.docs.get(doc_id)
        if d is None:
            raise HTTPException(404, "no such document")
        ev = [{"event": e.get("id"), **sp} for e in v.export["events"] if isinstance(e, dict)
              for sp in e.get("evidence") or [] if isinstance(sp, dict) and sp.get("doc") == doc_id]
        return {**d, "evidence": ev}

    @app.get("/api/entities", summary="Entities, optionally by type")
    def entities(type: str | None = Query(None, description="person | organization | place | vehicle | other"),
                 limit: int = Query(1000, ge=1, le=100000), offset: int = Query(0, ge=0)):
        out = [e for e in exp()["entities"] if isinstance(e, dict)]
        return [e for e in out if not type or e.get("type") == type][offset:offset + limit]

    @app.get("/api/entities/{entity_id}", summary="One entity with its events and itinerary")
    def entity(entity_id: str):
        x = view()
        e = x.ents.get(entity_id)
        if e is None:
            raise HTTPException(404, "no such entity")
        evs = [v for v in x.export["events"] if isinstance(v, dict) and (
            any((p or {}).get("entity") == entity_id for p in v.get("participants") or [])
            or entity_id in (v.get("origin"), v.get("destination"), v.get("place"), v.get("means"))
            or entity_id in (v.get("via") or []))]
        it = next((i for i in x.export["itineraries"] if isinstance(i, dict) and i.get("person") == entity_id), None)
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

    @app.get("/api/claims", summary="Who says what about an entity or an event",
             description="Each claim (event, slot, value) with the independent accounts that tell it; under "
                         "each account its sentences and their isnad, outermost first (publisher, then whom it "
                         "cites). Give exactly one of `entity` or `event`.")
    def api_claims(entity: str | None = Query(None, max_length=300), event: str | None = Query(None, max_length=300),
                   lang: str = Query("en", pattern="^(en|ar)$")):
        from ..claims import who_says
        if (entity is None) == (event is None):
            raise HTTPException(400, "give exactly one of entity= or event=")
        res = who_says(exp(), entity=entity, event=event, lang=lang)
        if res is None:
            raise HTTPException(404, f"no such {'entity' if entity is not None else 'event'}")
        return res

    @app.get("/api/conflicts", summary="Where accounts disagree, each value with its evidence")
    def conflicts():
        return exp()["conflicts"]

    @app.get("/api/itineraries", summary="People's routes and fates")
    def itineraries():
        return exp()["itineraries"]

    @app.get("/api/search", summary="Arabic-aware search over entities, events and text")
    def api_search(q: str = Query(..., max_length=200, description="a name, place or word, in Arabic or English, any spelling (e.g. الرياض, Riyadh)"), limit: int = 50):
        return view().index.search(q, limit=max(1, min(limit, 500)))

    @app.post("/api/documents", status_code=202, response_class=JSONResponse,
              summary="Upload a text, HTML or JSON Lines file: checked at once, built in the background",
              description="Answers 202 with a job (`GET /api/jobs/{id}` says when it is built, or why it failed) "
                          "once the file is read as at least one document; 4xx with the reason otherwise. "
                          "Needs the write token.",
              openapi_extra={"requestBody": {"content": {
                  "multipart/form-data": {"schema": {"type": "object", "properties": {
                      "file": {"type": "string", "format": "binary"}, **{k: {"type": "string"} for k in META_FIELDS}}}},
                  "text/plain": {"schema": {"type": "string"}}, "text/html": {"schema": {"type": "string"}}}}})
    async def upload(request: Request, filename: str | None = Query(None, description="for a raw body"),
                     outlet: str | None = None, published: str | None = Query(None, description="ISO 8601"),
                     retrieved: str | None = Query(None, description="ISO 8601: when it was fetched"),
                     url: str | None = None, language: str | None = None, title: str | None = None):
        if jobs is None:
            raise HTTPException(501, "this server takes no uploads")
        ctype = request.headers.get("content-type", "")
        given = {"outlet": outlet, "published": published, "retrieved": retrieved, "url": url, "language": language,
                 "title": title}
        if ctype.startswith("multipart/form-data"):
            form = await request.form(max_files=1, max_fields=10)
            f = form.get("file")
            if not isinstance(f, UploadFile):
                raise HTTPException(400, "no file field (send the file as the multipart field 'file')")
            if (f.size or 0) > max_upload:
                raise HTTPException(413, f"file over the {max_upload // (1024 * 1024)} MB limit")
            given.update((k, v) for k, v in form.multi_items() if k != "file")
            raw_name, data = f.filename, await f.read()
        else:
            raw_name, data = filename, await request.body()
        try:
            name = clean_name(raw_name, "upload.html" if "html" in ctype else "upload.txt")
            meta = upload_metadata(given, name)
        except Refused as e:
            raise HTTPException(e.status, e.reason)
        if not data:
            raise HTTPException(400, "empty file")
        if len(data) > max_upload:
            raise HTTPException(413, f"file over the {max_upload // (1024 * 1024)} MB limit")
        job = jobs.new_job(name, data, meta)
        del data
        try:
            job.doc_ids, job.rejected = await run_in_threadpool(check, job.path, name)
            jobs.submit(job)
        except Refused as e:
            jobs.discard(job)
            raise HTTPException(e.status, e.reason)
        except (RuntimeError, TimeoutError) as e:     # the reading process died on this file
            jobs.discard(job)
            raise HTTPException(422, f"{name}: cannot be read ({e})")
        except QueueFull as e:
            jobs.discard(job)
            raise HTTPException(503, str(e), headers={"Retry-After": "10"})
        return JSONResponse(job.public(), status_code=202, headers={"Location": f"/api/jobs/{job.id}"})

    @app.get("/api/jobs", summary="Recent uploads and their state")
    def list_jobs(limit: int = Query(100, ge=1, le=1000)):
        return [j.public() for j in jobs.recent(limit)] if jobs else []

    @app.get("/api/jobs/{job_id}", summary="One upload: queued, running, done (with documents added) or failed (with why)")
    def get_job(job_id: str):
        j = jobs.get(job_id) if jobs else None
        if j is None:
            raise HTTPException(404, "no such job (jobs are kept in memory until the server stops)")
        return {**j.public(), "queue_position": jobs.position(j)}

    # ---------------------------------------------------------------- review and correct
    correcting, opening = threading.Lock(), threading.Lock()
    stores: dict = {}

    def corrections_store():
        if not db_url:
            raise HTTPException(501, "this server keeps no corrections (it serves no store)")
        with opening:
            if "store" not in stores:       # one engine (and its pool) for the server's life
                from ..store import Store
                stores["store"] = Store(db_url)
        return stores["store"]

    @app.get("/api/corrections", summary="The reviewers' corrections (status active, undone or orphaned)")
    def list_corrections(status: str | None = Query(None, pattern="^(active|undone|orphaned)$")):
        return corrections_store().corrections(status) if db_url else []

    @app.get("/api/review-log", summary="The review log: every correction, newest first, with who, when and its status")
    def review_log():
        return list(reversed(corrections_store().corrections())) if db_url else []

    @app.post("/api/corrections", status_code=201, summary="Correct, confirm, reject or annotate something",
              description="Body: `{kind: entity|event|mention|conflict|leg|document, target: its id or stable key, "
                          "field, value, note, author}`; `action: confirm|reject|note` stands for `field: status|note`. "
                          "Fields: see `riwaya correct --help`. Kept across rebuilds; 422 with the reason when it cannot be "
                          "made. Needs the write token.")
    def post_correction(body: CorrectionIn):
        from ..corrections import CorrectionError, add
        field, value = body.field, body.value
        if body.action in ("confirm", "reject"):
            field, value = "status", "confirmed" if body.action == "confirm" else "rejected"
        elif body.action == "note":
            field, value = "note", body.note if value is None else value
        if not field:
            raise HTTPException(422, "say what to correct: a field (with its value) or an action (confirm, reject, note)")
        with correcting:
            try:
                c = add(corrections_store(), body.kind, body.target, field, value,
                        note=body.note if field != "note" else None, author=body.author)
            except CorrectionError as e:
                raise HTTPException(422, str(e))
            reload()
        return c

    @app.delete("/api/corrections/{correction_id}", summary="Undo a correction (it stays in the log as undone)")
    def undo_correction(correction_id: int):
        from ..corrections import CorrectionError, undo
        with correcting:
            store = corrections_store()
            if store.correction(correction_id) is None:
                raise HTTPException(404, f"no correction {correction_id}")
            try:
                c = undo(store, correction_id)
            except CorrectionError as e:
                raise HTTPException(409, str(e))
            reload()
        return c

    @app.post("/api/reload", summary="Reload the export from the store")
    def api_reload():
        e = reload()
        return {"documents": len(e["documents"]), "entities": len(e["entities"]), "events": len(e["events"])}

    # outermost, so that nothing of the app runs for a refused request
    app.add_middleware(Guard, config=GuardConfig(
        token=token, auth=auth, hosts=set(hosts) if hosts is not None else set(LOOPBACK_HOSTS),
        max_body=max_upload + MULTIPART_SLACK))
    return app
