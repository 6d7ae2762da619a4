"""GraphML export of the actor graph (for Gephi, networkx): who was with whom, who reported what
about whom, who went where. Places carry ``lat``/``lon`` (Gephi's GeoLayout reads them); each
edge carries its weight, the time span of the events behind it (``earliest``/``latest``, ISO
8601), their ids and the evidence sentences with their documents."""
from __future__ import annotations

import re
import xml.etree.ElementTree as ET

from ._common import actor_graph

_NOT_XML = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\ufffe\uffff]")   # characters XML 1.0 cannot hold
NS = "http://graphml.graphdrawing.org/xmlns"
NODE_KEYS = [("label", "string"), ("label_ar", "string"), ("type", "string"), ("lat", "double"), ("lon", "double")]
EDGE_KEYS = [("kind", "string"), ("weight", "double"), ("earliest", "string"), ("latest", "string"),
             ("events", "string"), ("evidence", "string")]


def to_tree(export: dict) -> ET.ElementTree:
    nodes, edges = actor_graph(export, detail=True)
    ET.register_namespace("", NS)
    root = ET.Element(f"{{{NS}}}graphml")
    for for_, keys in (("node", NODE_KEYS), ("edge", EDGE_KEYS)):
        for k, typ in keys:
            ET.SubElement(root, f"{{{NS}}}key", {"id": k, "for": for_, "attr.name": k, "attr.type": typ})
    g = ET.SubElement(root, f"{{{NS}}}graph", {"id": "actors", "edgedefault": "directed"})
    for nid in sorted(nodes):
        n = ET.SubElement(g, f"{{{NS}}}node", {"id": str(nid)})
        for k, _ in NODE_KEYS:
            v = nodes[nid].get(k)
            if k in ("lat", "lon"):
                if v is not None:
                    ET.SubElement(n, f"{{{NS}}}data", {"key": k}).text = repr(float(v))
            else:
                ET.SubElement(n, f"{{{NS}}}data", {"key": k}).text = _NOT_XML.sub("", str(v or ""))
    for i, ((a, b, kind), d) in enumerate(sorted(edges.items())):
        e = ET.SubElement(g, f"{{{NS}}}edge", {"id": f"e{i}", "source": str(a), "target": str(b)})
        vals = {"kind": kind, "weight": str(float(d["weight"])), "earliest": d["earliest"], "latest": d["latest"],
                "events": " ".join(d["events"]), "evidence": "\n".join(d["evidence"])}
        for k, _ in EDGE_KEYS:
            if vals[k]:
                ET.SubElement(e, f"{{{NS}}}data", {"key": k}).text = _NOT_XML.sub("", vals[k])
    return ET.ElementTree(root)


def write(export: dict, out_path: str) -> list[str]:
    tree = to_tree(export)
    ET.indent(tree)
    tree.write(out_path, encoding="utf-8", xml_declaration=True)
    return [out_path]
