"""Package data files read with their JSON Schema, where one sits beside them (``NAME.schema.json``).

The word lists and thresholds under ``riwaya/data`` are meant to be edited (the next story brings its own
words). A misspelt key would be ignored and a wrong type would fail far away as a KeyError or a TypeError;
checked here, the error names the file, the key and what is wrong. Validation is jsonschema's."""
from __future__ import annotations

import json
from functools import lru_cache
from pathlib import Path

import yaml

DATA = Path(__file__).parent / "data"

# speed33: the data files are read with PyYAML's libyaml parser where it is installed (the same SafeLoader
# constructors, the same objects: tests/test_speed33_yaml.py compares every file under riwaya/data), about 6x
# faster than the pure-Python one; each build's process reads some 30 of them. False: the pure-Python parser.
C_YAML = True


def yaml_load(text):
    """``yaml.safe_load`` of a data file's text (or stream), by the C parser where ``C_YAML`` and libyaml allow."""
    loader = getattr(yaml, "CSafeLoader", yaml.SafeLoader) if C_YAML else yaml.SafeLoader
    return yaml.load(text, Loader=loader)


class DataFileError(ValueError):
    """A data file that cannot be read or does not have the shape its schema gives."""


@lru_cache(maxsize=None)
def _validator(schema_path: Path):
    import jsonschema
    return jsonschema.Draft202012Validator(json.loads(schema_path.read_text(encoding="utf-8")))


def check(data, schema_path: Path, name: str) -> None:
    """Raise DataFileError listing every place where `data` breaks the schema at `schema_path`."""
    errors = sorted(_validator(schema_path).iter_errors(data), key=lambda e: list(map(str, e.absolute_path)))
    if errors:
        lines = [f"{'/'.join(map(str, e.absolute_path)) or '(top level)'}: {e.message}" for e in errors[:10]]
        more = f"\n  ... and {len(errors) - 10} more" if len(errors) > 10 else ""
        raise DataFileError(f"{name}: not the shape {schema_path.name} gives:\n  " + "\n  ".join(lines) + more)


def load_yaml(path: Path) -> dict:
    """A YAML data file, checked against ``<stem>.schema.json`` beside it when there is one."""
    name = str(path.relative_to(DATA.parent.parent)) if path.is_relative_to(DATA.parent.parent) else str(path)
    try:
        text = path.read_text(encoding="utf-8")
        try:
            data = yaml_load(text)
        except yaml.YAMLError:
            data = yaml.safe_load(text)     # the pure parser's message and marks, as before
    except (OSError, UnicodeDecodeError) as e:
        raise DataFileError(f"{name}: cannot be read: {e}") from None
    except yaml.YAMLError as e:
        mark = getattr(e, "problem_mark", None)
        where = f" line {mark.line + 1}, column {mark.column + 1}" if mark else ""
        raise DataFileError(f"{name}:{where}: not valid YAML: {getattr(e, 'problem', None) or e}") from None
    schema_path = path.with_name(path.stem + ".schema.json")
    if schema_path.exists():
        check(data, schema_path, name)
    return data
