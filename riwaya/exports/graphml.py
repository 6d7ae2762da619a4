"""GraphML export of the actor graph (for Gephi): who was with whom, who reported what about whom, who went where."""
from __future__ import annotations

import xml.etree.ElementTree as ET

from ._common import actor_graph

NS = "http://graphml.graphdrawing.org/xmlns"


def to_tree(export: dict) -> ET.ElementTree:
    nodes, edges = actor_graph(export)
    ET.register_namespace("", NS)
    root = ET.Element(f"{{{NS}}}graphml")
    for kid, for_, name in [("label", "node", "label"), ("label_ar", "node", "label_ar"), ("type", "node", "type"),
                            ("kind", "edge", "kind"), ("weight", "edge", "weight")]:
        ET.SubElement(root, f"{{{NS}}}key", {"id": kid, "for": for_, "attr.name": name,
                                              "attr.type": "double" if kid == "weight" else "string"})
    g = ET.SubElement(root, f"{{{NS}}}graph", {"id": "actors", "edgedefault": "directed"})
    for nid in sorted(nodes):
        n = ET.SubElement(g, f"{{{NS}}}node", {"id": str(nid)})
        for k in ("label", "label_ar", "type"):
            ET.SubElement(n, f"{{{NS}}}data", {"key": k}).text = str(nodes[nid].get(k) or "")
    for i, ((a, b, kind), w) in enumerate(sorted(edges.items())):
        e = ET.SubElement(g, f"{{{NS}}}edge", {"id": f"e{i}", "source": str(a), "target": str(b)})
        ET.SubElement(e, f"{{{NS}}}data", {"key": "kind"}).text = kind
        ET.SubElement(e, f"{{{NS}}}data", {"key": "weight"}).text = str(float(w))
    return ET.ElementTree(root)


def write(export: dict, out_path: str) -> list[str]:
    tree = to_tree(export)
    ET.indent(tree)
    tree.write(out_path, encoding="utf-8", xml_declaration=True)
    return [out_path]
