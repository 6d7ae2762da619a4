"""speed33: the data files read by libyaml's parser give the very objects the pure-Python parser gives."""
from pathlib import Path

import pytest
import yaml

from riwaya import datafiles
from riwaya.datafiles import yaml_load

DATA = Path(datafiles.__file__).parent / "data"


@pytest.mark.parametrize("path", sorted(DATA.rglob("*.yaml")), ids=lambda p: str(p.relative_to(DATA)))
def test_every_data_file_same_objects(path):
    text = path.read_text(encoding="utf-8")
    # repr tells 1 from 1.0 and True, and keeps the keys' order
    assert repr(yaml_load(text)) == repr(yaml.load(text, Loader=yaml.SafeLoader))


def test_switch_off_is_the_pure_parser(monkeypatch):
    monkeypatch.setattr(datafiles, "C_YAML", False)
    seen = []
    real = yaml.load
    monkeypatch.setattr(yaml, "load", lambda text, Loader: seen.append(Loader) or real(text, Loader=Loader))
    assert yaml_load("a: [1, 1.0, true, '1']\nb: مطار") == {"a": [1, 1.0, True, "1"], "b": "مطار"}
    assert seen == [yaml.SafeLoader]


def test_bad_file_keeps_the_pure_parsers_message(tmp_path):
    bad = tmp_path / "bad.yaml"
    bad.write_text("a: [1, 2\nb: 3\n", encoding="utf-8")
    with pytest.raises(datafiles.DataFileError) as got:
        datafiles.load_yaml(bad)
    try:
        yaml.safe_load(bad.read_text(encoding="utf-8"))
    except yaml.YAMLError as e:
        mark = e.problem_mark
        assert f"line {mark.line + 1}, column {mark.column + 1}" in str(got.value)
