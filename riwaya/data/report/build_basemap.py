"""Rebuild basemap.json from world-atlas (npm pack world-atlas@2; countries-50m.json).

Usage: python build_basemap.py path/to/countries-50m.json > basemap.json
Decodes TopoJSON arcs, keeps countries meeting the bounding box, clamps points
to it, rounds to 0.05 degree and drops repeated points.
"""
import json
import sys

BBOX = (2.0, 8.0, 80.0, 62.0)  # lon0, lat0, lon1, lat1: Middle East, Europe to Moscow, Iran to Central Asia


def main(path):
    topo = json.load(open(path))
    sx, sy = topo["transform"]["scale"]
    tx, ty = topo["transform"]["translate"]
    arcs = []
    for arc in topo["arcs"]:
        x = y = 0
        pts = []
        for dx, dy in arc:
            x += dx
            y += dy
            pts.append((x * sx + tx, y * sy + ty))
        arcs.append(pts)

    def ring(idx):
        out = []
        for i in idx:
            pts = arcs[i] if i >= 0 else arcs[~i][::-1]
            out.extend(pts if not out else pts[1:])
        return out

    lon0, lat0, lon1, lat1 = BBOX
    feats = []
    for g in topo["objects"]["countries"]["geometries"]:
        polys = g.get("arcs") or []
        if g["type"] == "Polygon":
            polys = [polys]
        rings = []
        for poly in polys:
            for r in poly:
                pts = ring(r)
                if not any(lon0 <= x <= lon1 and lat0 <= y <= lat1 for x, y in pts):
                    continue
                q = []
                for x, y in pts:
                    p = [round(min(max(x, lon0), lon1) * 20) / 20, round(min(max(y, lat0), lat1) * 20) / 20]
                    if not q or q[-1] != p:
                        q.append(p)
                if len(q) >= 4:
                    rings.append(q)
        if rings:
            feats.append({"name": g.get("properties", {}).get("name"), "rings": rings})
    json.dump({"bbox": BBOX, "source": "Natural Earth 1:50m via world-atlas 2.0.2 (ISC)", "countries": feats},
              sys.stdout, separators=(",", ":"))


if __name__ == "__main__":
    main(sys.argv[1])
