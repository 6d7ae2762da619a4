"""Read an export back as its users' tools do: followthemoney's model, TimelineJS 3's JSON
shape, RFC 7946 GeoJSON (strict; no GeoJSON package is needed)."""
import json

DATE_KEYS = {"year", "month", "day", "hour", "minute", "second", "millisecond", "display_date", "format"}


def check_ftm(rows):
    """What followthemoney itself checks: every proxy builds, every required property is set,
    every value is valid for its type, every entity reference resolves, ids are unique."""
    from followthemoney import model
    ids = [r["id"] for r in rows]
    assert len(set(ids)) == len(ids)
    ids = set(ids)
    for r in rows:
        schema = model.get(r["schema"])
        assert schema is not None and not schema.abstract, r["schema"]
        proxy = model.get_proxy(r, cleaned=False)
        missing = [p for p in schema.required if not proxy.get(p)]
        assert not missing, (r["schema"], r["id"], missing)
        for prop, values in r["properties"].items():
            p = schema.get(prop)
            assert p is not None, (r["schema"], prop)
            assert all(p.type.clean(v) is not None for v in values), (r["schema"], prop, values)
            if p.type.name == "entity":
                assert all(v in ids for v in values), (r["schema"], prop)


def check_timelinejs(tl):
    """TimelineJS 3's JSON format (timeline.knightlab.com/docs/json-format.html)."""
    assert set(tl) <= {"title", "events", "eras", "scale"}
    for s in tl["events"]:
        assert set(s) <= {"start_date", "end_date", "text", "media", "group", "display_date", "background",
                          "autolink", "unique_id"}
        for k in ("start_date", "end_date"):
            if k in s:
                assert set(s[k]) <= DATE_KEYS and isinstance(s[k]["year"], int)
                assert all(isinstance(v, int) for x, v in s[k].items() if x not in ("display_date", "format"))
        assert set(s["text"]) <= {"headline", "text"} and s["text"]["headline"].strip()
        assert isinstance(s.get("group", ""), str)
        if "media" in s:
            assert set(s["media"]) <= {"url", "caption", "credit", "thumbnail", "alt", "title", "link", "link_target"}
            assert s["media"]["url"].startswith("http")
    assert len({s["unique_id"] for s in tl["events"]}) == len(tl["events"])


def check_geojson(fc):
    """RFC 7946, strictly: a FeatureCollection of Features with Point/LineString geometries in
    [longitude, latitude] order, no crs member, no NaN, flat properties."""
    json.dumps(fc, allow_nan=False)
    assert fc["type"] == "FeatureCollection" and isinstance(fc["features"], list) and "crs" not in fc

    def pos(p):
        assert isinstance(p, list) and len(p) in (2, 3)
        assert all(isinstance(x, (int, float)) and not isinstance(x, bool) for x in p)
        assert -180 <= p[0] <= 180 and -90 <= p[1] <= 90

    for f in fc["features"]:
        assert f["type"] == "Feature" and set(f) <= {"type", "id", "geometry", "properties", "bbox"}
        assert isinstance(f.get("id", ""), (str, int, float))
        assert f["properties"] is None or isinstance(f["properties"], dict)
        g = f["geometry"]
        assert set(g) == {"type", "coordinates"}
        if g["type"] == "Point":
            pos(g["coordinates"])
        else:
            assert g["type"] == "LineString" and len(g["coordinates"]) >= 2
            for p in g["coordinates"]:
                pos(p)
        assert all(isinstance(v, (str, int, float, bool)) or v is None for v in (f["properties"] or {}).values())
