"""The web app and JSON API (FastAPI TestClient)."""
import json
from pathlib import Path

import pytest

pytest.importorskip("fastapi")
pytest.importorskip("httpx")
from fastapi.testclient import TestClient  # noqa: E402

from riwaya.web import create_app  # noqa: E402
from riwaya.web.search import normalize, query_tokens  # noqa: E402

FIXTURE = Path(__file__).parent / "fixtures" / "export_sample.json"
XSS = '<script>alert(1)</script><img src=x onerror="alert(2)">'


@pytest.fixture()
def sample():
    d = json.loads(FIXTURE.read_text("utf-8"))
    d["documents"][0]["text"] += "\n" + XSS
    return d


BASE = "http://127.0.0.1"     # the app answers to loopback names only (TestClient's default is "testserver")
TOKEN = "test-token-0123456789abcdef"
AUTH = {"Authorization": f"Bearer {TOKEN}"}


@pytest.fixture()
def client(sample):
    return TestClient(create_app(export_loader=lambda: sample), base_url=BASE)


def test_security_headers(client):
    for path in ("/", "/api/entities"):
        r = client.get(path)
        assert r.status_code == 200
        assert r.headers["x-content-type-options"] == "nosniff"
        assert r.headers["x-frame-options"] == "DENY"
        assert r.headers["referrer-policy"] == "no-referrer"
        assert "default-src 'none'" in r.headers["content-security-policy"]
    page = client.get("/")
    assert "connect-src 'self'" in page.headers["content-security-policy"]
    assert '"api":"/api"' in page.text


def test_openapi_documents_the_api(client):
    spec = client.get("/openapi.json").json()
    for p in ("/api/documents", "/api/documents/{doc_id}", "/api/entities", "/api/entities/{entity_id}",
              "/api/events", "/api/conflicts", "/api/itineraries", "/api/search"):
        assert p in spec["paths"], p
    assert "post" in spec["paths"]["/api/documents"]
    assert spec["paths"]["/api/documents"]["post"]["security"] == [{"token": []}]
    assert spec["components"]["securitySchemes"]["token"]["scheme"] == "bearer"


def test_api_browser_works_offline(client):
    page = client.get("/docs")
    assert page.status_code == 200 and "cdn" not in page.text.lower()
    assert "/docs/static/swagger-ui-bundle.js" in page.text
    # the bundled Swagger UI 4 reads OpenAPI 3.0, not 3.1: /docs gets the description as 3.0
    assert "'/docs/openapi.json'" in page.text
    spec = client.get("/docs/openapi.json").json()
    assert spec["openapi"] == "3.0.3" and "/api/documents" in spec["paths"]
    text = json.dumps(spec)
    assert '{"type": "null"}' not in text and '"type": [' not in text and '"const"' not in text
    assert client.get("/openapi.json").json()["openapi"].startswith("3.1")
    assert "https:" not in page.headers["content-security-policy"]
    js = client.get("/docs/static/swagger-ui-bundle.js")
    assert js.status_code == 200 and len(js.content) > 100_000


def test_documents(client, sample):
    docs = client.get("/api/documents").json()
    assert len(docs) == len(sample["documents"]) and "text" not in docs[0] and docs[0]["length"] > 0
    d = client.get(f"/api/documents/{docs[0]['id']}").json()
    assert XSS in d["text"]  # returned as JSON data, verbatim
    assert all(d["text"][e["start"]:e["end"]] for e in d["evidence"])
    assert client.get("/api/documents/nope").status_code == 404


def test_entities_events_conflicts_itineraries(client):
    people = client.get("/api/entities", params={"type": "person"}).json()
    assert people and all(p["type"] == "person" for p in people)
    a = client.get("/api/entities/E-assad").json()
    assert a["itinerary"]["fate"]["place"] == "E-moscow" and a["events"]
    assert client.get("/api/entities/none").status_code == 404
    mv = client.get("/api/events", params={"class": "movement"}).json()
    assert mv and all(e["class"] == "movement" for e in mv)
    assert client.get("/api/events", params={"entity": "E-mamlouk"}).json()
    c = client.get("/api/conflicts").json()
    assert any(x["id"] == "C-assad-departure" and len(x["values"]) >= 3 for x in c)
    assert len(client.get("/api/itineraries").json()) >= 2


def test_normalize():
    assert normalize("الأَسَـــد")[0] == "الاسد"
    assert normalize("مكتبة")[0] == "مكتبه" and normalize("مستشفى")[0] == "مستشفي"
    assert query_tokens("الأسد") == ["اسد"] and query_tokens("والأسد") == ["اسد"]
    assert query_tokens("بالأسد") == ["اسد"] and query_tokens("Al-Assad") == ["assad"]


@pytest.mark.parametrize("q", ["الأسد", "الاسد", "أسد", "اسد", "الأَسَد", "الأســد", "بشار_الأسد", "Assad"])
def test_search_arabic_aware(client, q):
    r = client.get("/api/search", params={"q": q}).json()
    assert "E-assad" in [e["id"] for e in r["entities"]], q
    assert r["events"]


def test_search_text_spans(client, sample):
    r = client.get("/api/search", params={"q": "حميميم"}).json()
    texts = {d["id"]: d["text"] for d in sample["documents"]}
    assert r["documents"]
    for h in r["documents"]:
        assert "حميميم" in texts[h["doc"]][h["start"]:h["end"]]
    # ta marbuta / ya variants
    assert client.get("/api/search", params={"q": "حماه"}).json()["entities"]
    assert client.get("/api/search", params={"q": "السفاره الروسيه"}).json()["entities"]


def test_search_returns_xss_as_data(client):
    r = client.get("/api/search", params={"q": "onerror"})
    assert r.headers["content-type"].startswith("application/json")
    assert any("onerror" in h["snippet"] for h in r.json()["documents"])


def test_upload_without_hook(client):
    assert client.post("/api/documents", params={"filename": "a.txt"}, content=b"x").status_code in (401, 403)
    c = TestClient(create_app(export_loader=lambda: {}, token=TOKEN), base_url=BASE)
    r = c.post("/api/documents", params={"filename": "a.txt"}, content=b"x", headers=AUTH)
    assert r.status_code == 501


def test_report_download(client):
    r = client.get("/report.html")
    assert r.status_code == 200 and "riwaya-data" in r.text and "<script>alert" not in r.text


def test_pagination(client):
    all_ = client.get("/api/entities").json()
    page = client.get("/api/entities", params={"limit": 5, "offset": 5}).json()
    assert page == all_[5:10]
    assert client.get("/api/events", params={"limit": 0}).status_code == 422


def test_empty_loader():
    c = TestClient(create_app(export_loader=lambda: {}), base_url=BASE)
    assert c.get("/api/entities").json() == [] and c.get("/api/search", params={"q": "x"}).json()["entities"] == []
