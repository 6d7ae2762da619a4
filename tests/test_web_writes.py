"""Writes to the web app: the token, Host and Origin checks, body limits, odd names,
unreadable files and the upload queue (issue 19). Servers bind 127.0.0.1 only, and
every loop here stops by itself."""
import asyncio
import copy
import json
import os
import socket
import statistics
import threading
import time
from pathlib import Path

import pytest

pytest.importorskip("fastapi")
pytest.importorskip("httpx")
import httpx  # noqa: E402
from fastapi.testclient import TestClient  # noqa: E402

from riwaya.web import create_app  # noqa: E402
from tests.serving import served  # noqa: E402
from riwaya.web.apidocs import to_openapi30  # noqa: E402
from riwaya.web.guard import Guard, GuardConfig, allowed_hosts, host_name, load_or_create_token, token_path  # noqa: E402
from riwaya.web.jobs import Job, JobQueue, QueueFull, Refused, clean_name  # noqa: E402

FIXTURE = Path(__file__).parent / "fixtures" / "export_sample.json"
BASE = "http://127.0.0.1"
TOKEN = "test-token-0123456789abcdef"
AUTH = {"Authorization": f"Bearer {TOKEN}"}
ARTICLE = "غادر الرئيس دمشق إلى موسكو فجر الأحد، وفق ما أفادت وكالة رويترز.".encode()


class Recorder:
    """An ingest hook standing in for the build: each uploaded file becomes a document."""

    def __init__(self, data: dict, work: float = 0.0):
        self.data, self.work, self.batches, self.boom = data, work, [], None

    def __call__(self, jobs: list[Job]) -> None:
        if self.boom:
            raise RuntimeError(self.boom)
        self.batches.append([j.filename for j in jobs])
        for j in jobs:
            t = time.perf_counter()
            while time.perf_counter() - t < self.work:   # CPU work in this process, as a build would do
                sum(range(1000))
            if "fail" in j.filename:
                j.fail("this one fails on purpose")
                continue
            text = j.path.read_bytes().decode("utf-8", "replace")
            side = j.path.with_name(j.path.stem + ".meta.json")
            meta = json.loads(side.read_text("utf-8")) if side.exists() else {}
            self.data["documents"].append({"id": f"d-{j.id}", "title": j.filename, "text": text,
                                           "language": "ar", "paragraphs": [], "repairs": [], **meta})
            j.added = 1

    @property
    def calls(self) -> int:
        return sum(len(b) for b in self.batches)


@pytest.fixture()
def data():
    return json.loads(FIXTURE.read_text("utf-8"))


@pytest.fixture()
def rec(data):
    return Recorder(data)


@pytest.fixture()
def app(data, rec):
    return create_app(export_loader=lambda: copy.deepcopy(data), ingest_hook=rec, token=TOKEN,
                      max_upload=1024 * 1024)


@pytest.fixture()
def c(app):
    with TestClient(app, base_url=BASE) as client:
        yield client


def post(c, name="a.txt", body=ARTICLE, headers=AUTH, **kw):
    kw.setdefault("params", {"filename": name} if name is not None else None)
    return c.post("/api/documents", content=body, headers={"content-type": "text/plain", **headers}, **kw)


def wait_job(c, jid, timeout=20.0):
    end = time.monotonic() + timeout
    while time.monotonic() < end:
        j = c.get(f"/api/jobs/{jid}").json()
        if j["status"] in ("done", "failed"):
            return j
        time.sleep(0.02)
    raise AssertionError(f"job {jid} not finished in {timeout} s")


# ---------- the token ----------

def test_unauthenticated_writes_are_refused(c, rec):
    tries = [{}, {"Authorization": "Bearer wrong-token-0123456789"}, {"Authorization": f"Basic {TOKEN}"},
             {"Authorization": "Bearer "}, {"Authorization": TOKEN}]
    codes = [post(c, headers=h).status_code for h in tries]
    assert codes == [401] * len(tries)
    assert c.post("/api/reload").status_code == 401
    assert c.put("/api/documents", content=b"x").status_code == 401   # any write method, routed or not
    assert c.delete("/api/documents/x").status_code == 401
    r = post(c, headers={})
    assert "token" in r.json()["detail"] and r.headers["www-authenticate"].startswith("Bearer")
    accepted = sum(1 for x in codes if x < 300)
    assert accepted == 0 and rec.calls == 0
    assert post(c).status_code == 202


def test_no_token_means_no_writes_and_no_auth_means_any(data, rec):
    c = TestClient(create_app(export_loader=lambda: data, ingest_hook=rec), base_url=BASE)
    r = post(c)
    assert r.status_code == 403 and "no write token" in r.json()["detail"]
    c = TestClient(create_app(export_loader=lambda: data, ingest_hook=rec, auth=False), base_url=BASE)
    assert post(c, headers={}).status_code == 202
    # even without a token, a cross-site page may not write
    assert post(c, headers={"Origin": "http://evil.example"}).status_code == 403


def test_token_file(tmp_path, monkeypatch):
    p = tmp_path / "news.db.token"
    t = load_or_create_token(p)
    assert t.created and len(t.value) >= 40 and (os.stat(p).st_mode & 0o777) == 0o600
    again = load_or_create_token(p)
    assert not again.created and again.value == t.value and again.warning is None
    os.chmod(p, 0o644)
    assert "chmod 600" in load_or_create_token(p).warning
    # two servers starting at once agree on one token
    q = tmp_path / "race" / "x.token"
    got = []
    ths = [threading.Thread(target=lambda: got.append(load_or_create_token(q).value)) for _ in range(8)]
    for th in ths:
        th.start()
    for th in ths:
        th.join()
    assert len(set(got)) == 1
    (tmp_path / "bad.token").write_text("x")
    with pytest.raises(ValueError):
        load_or_create_token(tmp_path / "bad.token")
    assert token_path(f"sqlite:///{tmp_path}/n.db") == tmp_path / "n.db.token"
    assert token_path(f"{tmp_path}/n.db") == tmp_path / "n.db.token"
    monkeypatch.setenv("XDG_CONFIG_HOME", str(tmp_path / "cfg"))
    pg = token_path("postgresql://me:secret@db.example:5432/news")
    assert pg.parent == tmp_path / "cfg" / "riwaya" / "tokens" and "secret" not in str(pg)
    assert pg == token_path("postgresql://me:other@db.example:5432/news")     # same store, same token
    assert pg != token_path("postgresql://me@db.example:5432/other")


# ---------- Host and Origin ----------

def test_host_check_against_dns_rebinding(c):
    assert c.get("/api/export", headers={"Host": "evil.example"}).status_code == 400
    assert c.get("/", headers={"Host": "evil.example:8000"}).status_code == 400
    assert post(c, headers={**AUTH, "Host": "evil.example"}).status_code == 400
    for h in ("127.0.0.1:8000", "localhost", "LOCALHOST:1", "[::1]:8000", "app.localhost:8000"):
        assert c.get("/api/entities", headers={"Host": h}).status_code == 200, h
    assert host_name("[::1]:80") == "::1" and host_name("Example.ORG:1") == "example.org" and host_name("::1") == "::1"
    assert allowed_hosts("0.0.0.0") == {"localhost", "127.0.0.1", "::1"}
    assert "news.lan" in allowed_hosts("10.0.0.5", ["news.lan"]) and "10.0.0.5" in allowed_hosts("10.0.0.5")


def test_allow_host_option(data):
    c = TestClient(create_app(export_loader=lambda: data, hosts={"news.lan"}), base_url="http://news.lan")
    assert c.get("/api/entities").status_code == 200
    assert c.get("/api/entities", headers={"Host": "other.lan"}).status_code == 400


def test_origin_check_on_writes(c, rec):
    assert post(c, headers={**AUTH, "Origin": "http://evil.example"}).status_code == 403
    assert post(c, headers={**AUTH, "Origin": "null"}).status_code == 403
    assert post(c, headers={**AUTH, "Origin": "http://127.0.0.1:9999"}).status_code == 403   # another port
    assert post(c, headers={**AUTH, "Sec-Fetch-Site": "cross-site"}).status_code == 403
    assert rec.calls == 0
    assert post(c, headers={**AUTH, "Origin": "http://127.0.0.1"}).status_code == 202
    assert post(c, name="b.txt", headers={**AUTH, "Sec-Fetch-Site": "same-origin"}).status_code == 202
    # reads from a page of another site are the browser's business (no CORS), not refused here
    assert c.get("/api/entities", headers={"Origin": "http://evil.example"}).status_code == 200


# ---------- bodies ----------

def test_oversized_body_refused(c, rec):
    r = post(c, body=b"a" * (2 * 1024 * 1024))
    assert r.status_code == 413 and "limit" in r.json()["detail"]
    assert rec.calls == 0


def _asgi_call(app, headers, chunks):
    """Run one POST through an ASGI app; returns (status, number of body chunks it pulled)."""
    pulled, out = [0], {}

    async def receive():
        i = pulled[0]
        pulled[0] += 1
        if i < len(chunks):
            return {"type": "http.request", "body": chunks[i], "more_body": i + 1 < len(chunks)}
        return {"type": "http.disconnect"}

    async def send(msg):
        if msg["type"] == "http.response.start":
            out["status"] = msg["status"]

    scope = {"type": "http", "method": "POST", "path": "/api/documents", "raw_path": b"/api/documents",
             "query_string": b"filename=a.txt", "headers": [(k.encode(), v.encode()) for k, v in headers],
             "scheme": "http", "server": ("127.0.0.1", 80), "client": ("127.0.0.1", 5000), "root_path": "",
             "http_version": "1.1", "asgi": {"version": "3.0"}}
    asyncio.run(app(scope, receive, send))
    return out.get("status"), pulled[0]


def test_body_limit_counted_while_streaming(app):
    mb = b"a" * (1024 * 1024)
    fifty = [mb] * 50
    host = [("host", "127.0.0.1"), ("authorization", AUTH["Authorization"]), ("content-type", "text/plain")]
    # Content-Length says 50 MB: refused before one byte is read
    assert _asgi_call(app, host + [("content-length", str(50 * len(mb)))], fifty) == (413, 0)
    # no Content-Length (chunked): refused once the limit (1 MB + framing) is passed, not after 50 MB
    status, pulled = _asgi_call(app, host, fifty)
    assert status == 413 and pulled <= 3
    # an unauthenticated body is never read at all
    assert _asgi_call(app, host[:1] + host[2:], fifty) == (401, 0)


def test_guard_refuses_before_the_app_runs():
    ran = []

    async def inner(scope, receive, send):
        ran.append(1)
    g = Guard(inner, GuardConfig(token=TOKEN, max_body=10))
    assert _asgi_call(g, [("host", "evil.example")], [b"x"]) == (400, 0)
    assert _asgi_call(g, [("host", "localhost")], [b"x"]) == (401, 0)
    assert not ran


# ---------- bad files and odd names ----------

def test_bad_files_answer_4xx_with_the_reason(c, rec):
    r = post(c, body=b"\x00\x01\x02binary" * 100)
    assert r.status_code == 422 and "binary" in r.json()["detail"] and "a.txt" in r.json()["detail"]
    assert post(c, body=b"").status_code == 400
    assert post(c, body=b"   \n\n  ").status_code == 422
    r = post(c, name="x.exe")
    assert r.status_code == 415 and ".txt" in r.json()["detail"]
    assert post(c, name="noext").status_code == 415
    r = post(c, name="l.jsonl", body=b'{"title": "no text"}\nnot json\n')
    assert r.status_code == 422 and "l.jsonl:2" in r.json()["detail"]
    assert post(c, name="p.html", body=b"<html><body><script>x</script></body></html>").status_code == 422
    assert rec.calls == 0
    # a JSON Lines file with one good line is queued; the bad line is named in the answer
    r = post(c, name="m.jsonl", body=b'{"text": "' + ARTICLE + b'"}\n{"broken\n')
    assert r.status_code == 202 and r.json()["documents"] == 1 and "m.jsonl:2" in r.json()["rejected"][0]
    assert not any("/tmp" in x or "riwaya-uploads" in x for x in r.json()["rejected"])


def test_multipart(c, rec):
    r = c.post("/api/documents", files={"file": ("a.html", b"<html><body><article><p>" + ARTICLE * 3
                                                 + b"</p></article></body></html>", "text/html")}, headers=AUTH)
    assert r.status_code == 202, r.text
    assert wait_job(c, r.json()["job"])["status"] == "done"
    assert rec.batches[-1] == ["a.html"]
    r = c.post("/api/documents", data={"other": "x"}, files={"nofile": ("a.txt", b"x")}, headers=AUTH)
    assert r.status_code == 400 and "file" in r.json()["detail"]
    r = c.post("/api/documents", files={"file": ("a.txt", b"a" * (1024 * 1024 + 1))}, headers=AUTH)
    assert r.status_code == 413


@pytest.mark.parametrize("name, status", [
    ("x" * 300 + ".txt", 400), ("a\x00b.txt", 400), ("a\u202etxt.exe.txt", 400), ("a\nb.txt", 400),
    ("a\u2066b.txt", 400), ("ملف\u200f.txt", 400), ("..", 400), ("dir/", 400), ("ا" * 150 + ".txt", 400),
])
def test_odd_names_refused(c, rec, name, status):
    r = post(c, name=name)
    assert r.status_code == status and r.json()["detail"]
    assert rec.calls == 0


@pytest.mark.parametrize("name, kept", [
    ("../../etc/x.txt", "x.txt"), ("C:\\Users\\me\\a.txt", "a.txt"), ("a[1]*?.txt", "a_1___.txt"),
    ("خبر عاجل.txt", "خبر عاجل.txt"), ("ي\u0651.TXT", "ي\u0651.TXT"), (None, "upload.txt"),
])
def test_odd_names_sanitised(c, rec, name, kept):
    r = post(c, name=name)
    assert r.status_code == 202 and r.json()["filename"] == kept
    assert wait_job(c, r.json()["job"])["status"] == "done"
    assert rec.batches[-1] == [kept]


def test_metadata_with_an_upload(c, rec, data):
    r = c.post("/api/documents", params={"filename": "w.txt", "outlet": "رويترز", "published": "2024-12-08",
                                         "url": "https://example.org/a"},
               content=ARTICLE, headers={"content-type": "text/plain", **AUTH})
    assert r.status_code == 202 and wait_job(c, r.json()["job"])["status"] == "done"
    d = data["documents"][-1]
    assert (d["outlet"], d["published"], d["url"]) == ("رويترز", "2024-12-08", "https://example.org/a")
    r = c.post("/api/documents", files={"file": ("m.txt", ARTICLE)}, data={"outlet": "سانا", "title": "عنوان"},
               headers=AUTH)
    assert r.status_code == 202 and wait_job(c, r.json()["job"])["status"] == "done"
    assert (data["documents"][-1]["outlet"], data["documents"][-1]["title"]) == ("سانا", "عنوان")
    n = rec.calls
    bad = [({"autor": "x"}, "unknown field"), ({"title": "a\u202eb"}, "title"), ({"outlet": "x" * 2001}, "outlet")]
    for fields, why in bad:
        r = c.post("/api/documents", files={"file": ("m.txt", ARTICLE)}, data=fields, headers=AUTH)
        assert r.status_code == 400 and why in r.json()["detail"], fields
    r = post(c, name="l.jsonl", body=b'{"text": "x"}', params={"filename": "l.jsonl", "outlet": "x"})
    assert r.status_code == 400 and "JSON Lines" in r.json()["detail"]
    assert rec.calls == n


def test_clean_name_unit():
    assert clean_name("  ", "upload.txt") == "upload.txt"
    with pytest.raises(Refused) as e:
        clean_name("a\u202e.txt", "u.txt")
    assert e.value.status == 400 and "U+202E" in e.value.reason


# ---------- the queue ----------

def test_upload_is_queued_then_built(c, rec, data):
    n = len(c.get("/api/documents").json())
    r = post(c, name="../../etc/new.txt")
    assert r.status_code == 202 and r.headers["location"] == f"/api/jobs/{r.json()['job']}"
    j = wait_job(c, r.json()["job"])
    assert j["status"] == "done" and j["added"] == 1 and j["filename"] == "new.txt" and j["finished"]
    assert len(c.get("/api/documents").json()) == n + 1          # the views reloaded before "done"
    assert any(x["title"] == "new.txt" for x in c.get("/api/documents").json())
    assert c.get("/api/search", params={"q": "رويترز"}).json()["documents"]
    assert c.get("/api/jobs").json()[0]["job"] == j["job"]
    assert c.get("/api/jobs/nope").status_code == 404


def test_failed_jobs_say_why(c, rec):
    r = post(c, name="will-fail.txt")
    j = wait_job(c, r.json()["job"])
    assert j["status"] == "failed" and "on purpose" in j["error"]
    rec.boom = "store unreachable"
    j = wait_job(c, post(c, name="b.txt").json()["job"])
    assert j["status"] == "failed" and "store unreachable" in j["error"]


def test_queue_bounded_and_batched(tmp_path):
    gate, seen = threading.Event(), []

    def hook(jobs):
        gate.wait(10)
        seen.append([j.filename for j in jobs])
    q = JobQueue(hook, max_pending=3)
    try:
        first = q.new_job("0.txt", b"x")
        q.submit(first)
        time.sleep(0.2)                   # the worker holds job 0; the next three wait
        for i in range(1, 4):
            q.submit(q.new_job(f"{i}.txt", b"x"))
        with pytest.raises(QueueFull):
            q.submit(q.new_job("4.txt", b"x"))
        gate.set()
        end = time.monotonic() + 10
        while sum(map(len, seen)) < 4 and time.monotonic() < end:
            time.sleep(0.02)
        assert seen == [["0.txt"], ["1.txt", "2.txt", "3.txt"]]      # one build for what waited
        assert not first.path.exists()                              # spooled files go once built
    finally:
        q.close()
    assert not q.spool.exists()


# ---------- a real server: reads do not wait for uploads ----------


@pytest.fixture()
def live(data):
    pytest.importorskip("uvicorn")
    rec = Recorder(data, work=0.25)
    app = create_app(export_loader=lambda: copy.deepcopy(data), ingest_hook=rec, token=TOKEN,
                     max_upload=1024 * 1024)
    with served(app, start_s=10, stop_s=10) as (url, port):
        yield url, rec, port


def test_reads_do_not_wait_for_uploads(live):
    base, rec, _ = live
    lat, stop = [], threading.Event()
    deadline = time.monotonic() + 60

    def reader():
        with httpx.Client(timeout=30) as cl:
            while not stop.is_set() and time.monotonic() < deadline:
                t = time.perf_counter()
                assert cl.get(base + "/api/entities", params={"limit": 20}).status_code == 200
                lat.append(time.perf_counter() - t)
                time.sleep(0.01)

    answers = []

    def upload(i):
        with httpx.Client(timeout=30) as cl:
            answers.append(cl.post(base + "/api/documents", params={"filename": f"u{i}.txt"},
                                   content=ARTICLE + f" {i}".encode(), headers=AUTH))
    rt = threading.Thread(target=reader)
    rt.start()
    ups = [threading.Thread(target=upload, args=(i,)) for i in range(20)]
    for t in ups:
        t.start()
    for t in ups:
        t.join(30)
    assert [a.status_code for a in answers] == [202] * 20
    with httpx.Client(timeout=30) as cl:
        while time.monotonic() < deadline:
            states = [cl.get(f"{base}/api/jobs/{a.json()['job']}").json()["status"] for a in answers]
            if all(s == "done" for s in states):
                break
            time.sleep(0.1)
    stop.set()
    rt.join(35)
    assert states == ["done"] * 20 and rec.calls == 20
    # the 20 builds took 5 s of CPU in this process; reads went on meanwhile
    p99 = sorted(lat)[int(0.99 * (len(lat) - 1))]
    assert len(lat) > 20 and p99 < 1.0, (statistics.median(lat), p99)


def test_live_server_refuses_early(live):
    base, rec, port = live
    # 50 MB announced, a little sent: the answer comes at once, without the rest
    with socket.create_connection(("127.0.0.1", port), timeout=10) as s:
        s.sendall((f"POST /api/documents?filename=a.txt HTTP/1.1\r\nHost: 127.0.0.1:{port}\r\n"
                   f"Authorization: Bearer {TOKEN}\r\nContent-Type: text/plain\r\n"
                   f"Content-Length: {50 * 1024 * 1024}\r\n\r\n").encode() + b"a" * 65536)
        t = time.perf_counter()
        head = s.recv(4096).decode("latin-1")
        assert head.startswith("HTTP/1.1 413") and time.perf_counter() - t < 5
    # a foreign Host (DNS rebinding) cannot read the export
    r = httpx.get(base + "/api/export", headers={"Host": "rebind.evil.example"})
    assert r.status_code == 400
    # unauthenticated writes over the wire: none accepted
    codes = [httpx.post(base + "/api/documents", params={"filename": "a.txt"}, content=ARTICLE, headers=h).status_code
             for h in ({}, {"Authorization": "Bearer nope-nope-nope-nope"}, {**AUTH, "Origin": "http://evil.example"})]
    assert codes == [401, 401, 403] and rec.calls == 0


# ---------- OpenAPI 3.0 for the bundled Swagger UI ----------

def test_to_openapi30():
    spec = {"anyOf": [{"type": "string"}, {"type": "null"}], "title": "q"}
    assert to_openapi30(spec) == {"type": "string", "nullable": True, "title": "q"}
    assert to_openapi30({"anyOf": [{"$ref": "#/x"}, {"type": "null"}]}) == {"allOf": [{"$ref": "#/x"}], "nullable": True}
    assert to_openapi30({"type": ["integer", "null"], "exclusiveMinimum": 0, "examples": [3]}) == \
        {"type": "integer", "nullable": True, "minimum": 0, "exclusiveMinimum": True, "example": 3}
    assert to_openapi30({"const": "a"}) == {"enum": ["a"]}


# ---------- riwaya serve ----------

def test_serve_makes_the_token_once_and_warns_without_auth(tmp_path, monkeypatch):
    import uvicorn
    from click.testing import CliRunner

    from riwaya.cli import main
    runs = []
    monkeypatch.setattr(uvicorn, "run", lambda app, **kw: runs.append((app, kw)))
    monkeypatch.delenv("RIWAYA_TOKEN", raising=False)
    db = f"sqlite:///{tmp_path}/s.db"
    first = CliRunner().invoke(main, ["serve", "--db", db])
    assert first.exit_code == 0, first.output
    token = (tmp_path / "s.db.token").read_text().strip()
    assert token in first.output and f"#token={token}" in first.output
    again = CliRunner().invoke(main, ["serve", "--db", db])
    assert again.exit_code == 0 and token not in again.output and "s.db.token" in again.output
    app, kw = runs[0]
    assert kw["host"] == "127.0.0.1"
    c = TestClient(app, base_url=BASE)
    assert c.get("/api/documents").status_code == 200
    assert post(c, headers={}).status_code == 401
    assert post(c, headers={"Authorization": "Bearer " + token}, name="x.exe").status_code == 415  # past the guard
    open_ = CliRunner().invoke(main, ["serve", "--db", db, "--no-auth"])
    assert "WARNING" in open_.output and "--no-auth" in open_.output and "demo" in open_.output
    monkeypatch.setenv("RIWAYA_TOKEN", "short")
    assert CliRunner().invoke(main, ["serve", "--db", db]).exit_code != 0


def test_process_ingester_builds_in_a_child(tmp_path):
    """The hook `riwaya serve` uses: the real build, in a child process, per job."""
    from riwaya.store import Store
    from riwaya.web.jobs import ProcessIngester, check_upload
    db = f"sqlite:///{tmp_path}/p.db"
    q = JobQueue(lambda jobs: None)
    try:
        def job(name, body, meta=None):
            j = q.new_job(name, body, meta)
            j.doc_ids, j.rejected = check_upload(j.path, name)
            return j
        good = job("خبر.txt", ARTICLE, {"outlet": "وكالة الاختبار", "published": "2024-12-08"})
        lines = job("m.jsonl", json.dumps({"text": "وصل الوزير إلى عمان صباح الاثنين."}, ensure_ascii=False).encode()
                    + b"\n" + json.dumps({"text": ARTICLE.decode()}, ensure_ascii=False).encode() + b"\n")
        ing = ProcessIngester(db, timeout=300)
        try:
            ing([good, lines])
            assert good.status != "failed" and good.added == 1 and not good.errors
            assert lines.added == 2 and len(lines.doc_ids) == 2   # new before this batch (one is also the .txt)
            assert Store(db).count() == 2
            d = next(d for d in Store(db).export()["documents"] if d["id"] in good.doc_ids)
            assert d["outlet"] == "وكالة الاختبار" and d["published"].startswith("2024-12-08")
            again = job("again.txt", ARTICLE)
            ing([again])
            assert again.added == 0 and again.status != "failed"
            pid = ing.child.pid
        finally:
            ing.close()
        assert not _alive(pid)
        slow = ProcessIngester(db, timeout=0.01)       # a batch past its time: the child is killed, the jobs fail
        late = job("late.txt", ARTICLE + b" 2")
        with pytest.raises(TimeoutError):
            slow([late])
        assert slow.child.pid is None
    finally:
        q.close()


def _alive(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    return Path(f"/proc/{pid}/status").exists() and "zombie" not in Path(f"/proc/{pid}/status").read_text()


def test_process_checker(tmp_path):
    from riwaya.web.jobs import ProcessChecker
    ok, bad = tmp_path / "a.txt", tmp_path / "b.txt"
    ok.write_bytes(ARTICLE)
    bad.write_bytes(b"\x00\x01" * 100)
    chk = ProcessChecker()
    try:
        ids, rejected = chk(ok, "a.txt")
        assert len(ids) == 1 and not rejected
        with pytest.raises(Refused) as e:
            chk(bad, "b.txt")
        assert e.value.status == 422 and "binary" in e.value.reason and "b.txt" in e.value.reason
    finally:
        chk.close()


def test_worker_processes_exit_with_a_killed_server(tmp_path):
    """kill -9 of the server: its check and build processes go too."""
    import signal
    import subprocess
    import sys
    code = ("import sys, time\nfrom riwaya.web.jobs import ProcessChecker, ProcessIngester\n"
            f"c, b = ProcessChecker(), ProcessIngester('sqlite:///{tmp_path}/k.db')\n"
            "c.start(); b.start(); print(c.child.pid, b.child.pid, flush=True); time.sleep(60)\n")
    p = subprocess.Popen([sys.executable, "-c", code], stdout=subprocess.PIPE, text=True,
                         env={**os.environ, "PYTHONPATH": str(Path(__file__).resolve().parents[1])})
    try:
        pids = [int(x) for x in p.stdout.readline().split()]
        assert len(pids) == 2 and all(_alive(x) for x in pids)
    finally:
        p.send_signal(signal.SIGKILL)
        p.wait(10)
    end = time.monotonic() + 10
    while any(_alive(x) for x in pids) and time.monotonic() < end:
        time.sleep(0.1)
    assert not any(_alive(x) for x in pids)
