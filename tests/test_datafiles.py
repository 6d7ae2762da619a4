"""Data files checked against their schema: a misspelt key or a wrong type names the file and the key."""
import shutil

import pytest
import yaml

from riwaya.datafiles import DATA, DataFileError, load_yaml


def _copy(tmp_path, edit):
    src = DATA / "ner" / "entity_rules.yaml"
    shutil.copy(src.with_name("entity_rules.schema.json"), tmp_path / "entity_rules.schema.json")
    data = yaml.safe_load(src.read_text(encoding="utf-8"))
    edit(data)
    p = tmp_path / "entity_rules.yaml"
    p.write_text(yaml.safe_dump(data, allow_unicode=True), encoding="utf-8")
    return p


def test_shipped_entity_rules_have_their_shape():
    assert "org_heads" in load_yaml(DATA / "ner" / "entity_rules.yaml")


def test_misspelt_key_is_named(tmp_path):
    p = _copy(tmp_path, lambda d: d.update(org_head=["وزارة"]))
    with pytest.raises(DataFileError, match=r"(?s)entity_rules\.yaml.*'org_head' was unexpected"):
        load_yaml(p)


def test_wrong_type_names_the_key(tmp_path):
    p = _copy(tmp_path, lambda d: d.update(max_name_tokens="twelve", org_heads="وزارة"))
    with pytest.raises(DataFileError) as e:
        load_yaml(p)
    assert "max_name_tokens" in str(e.value) and "org_heads" in str(e.value)


def test_missing_required_key(tmp_path):
    p = _copy(tmp_path, lambda d: d.pop("org_heads"))
    with pytest.raises(DataFileError, match="'org_heads' is a required property"):
        load_yaml(p)


def test_broken_yaml_names_the_line(tmp_path):
    p = tmp_path / "x.yaml"
    p.write_text("a: [1, 2\nb: 3\n", encoding="utf-8")
    with pytest.raises(DataFileError, match=r"x\.yaml: line \d+"):
        load_yaml(p)
