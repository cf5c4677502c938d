"""Loading definitions: the three real ones validate; anything else is refused with every
schema error, naming where and what."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from sluis.instruments.loading import (
    DefinitionInvalid,
    SchemaNotFound,
    load_definition,
    schema_dir_for,
)
from sluis.instruments.model import TaskType


def test_the_real_definitions_load_with_every_task_type(definitions) -> None:
    keys = {name: d.key for name, d in definitions.items()}
    assert keys == {
        "prescan": "urn:nl:prescan:2.0",
        "dpia": "urn:nl:dpia:3.0",
        "iama": "urn:nl:iama:2.0",
    }
    kinds = {t.kind for d in definitions.values() for t in d.walk()}
    assert kinds >= {
        TaskType.open_text,
        TaskType.text_input,
        TaskType.select_option,
        TaskType.radio_option,
        TaskType.checkbox_option,
        TaskType.multiselect_scrollable,
        TaskType.date,
        TaskType.task_group,
        TaskType.image,
    }
    dpia = definitions["dpia"]
    assert dpia.task("6.1.1.1") is not None
    assert dpia.repeat_depth("6.1.1.1") == 2  # a repeatable group inside a repeatable group


def test_references_between_instruments_are_read(definitions) -> None:
    description = definitions["prescan"].task("0.2")
    assert description is not None
    assert [(r.target, r.task_id, r.kind) for r in description.references] == [
        ("DPIA", "1.1", "one-to-one")
    ]
    assert description.model_ids == {"prescanModelId": "1"}


def test_boolean_and_null_options_keep_their_type(definitions) -> None:
    scope = definitions["prescan"].task("0.1")
    assert scope is not None and [o.value for o in scope.options] == [True, False]
    assert scope.option_for("true") is scope.options[0]  # the exchange format's text form
    na = definitions["dpia"].task("15.1.1")
    assert na is not None and na.option_for(None) is not None


def _write(tmp_path: Path, source: Path, change) -> Path:
    raw = yaml.safe_load(source.read_text(encoding="utf-8"))
    change(raw)
    folder = tmp_path / "sources"
    folder.mkdir(exist_ok=True)
    target = folder / "broken.yaml"
    target.write_text(yaml.safe_dump(raw, allow_unicode=True), encoding="utf-8")
    return target


def test_an_invalid_definition_is_refused_with_every_error(
    tmp_path: Path, source_of, schema_dir: Path
) -> None:
    def break_it(raw: dict) -> None:
        del raw["name"]
        raw["urn"] = "URN:NL:Prescan"
        raw["tasks"][0]["type"] = ["a_widget"]
        del raw["tasks"][1]["repeatable"]

    path = _write(tmp_path, source_of("prescan"), break_it)
    with pytest.raises(DefinitionInvalid) as caught:
        load_definition(path, schema_dir)
    found = {(e.path, e.message.split(" ")[0]) for e in caught.value.errors}
    paths = {e.path for e in caught.value.errors}
    assert "" in paths  # 'name' is a required property (at the root)
    assert "urn" in paths
    assert "tasks/0/type/0" in paths
    assert "tasks/1" in paths
    assert len(found) >= 4
    assert any("'name' is a required property" in e.message for e in caught.value.errors)


def test_duplicate_ids_are_refused(tmp_path: Path, source_of, schema_dir: Path) -> None:
    def duplicate(raw: dict) -> None:
        raw["tasks"][1]["id"] = "0"

    with pytest.raises(DefinitionInvalid) as caught:
        load_definition(_write(tmp_path, source_of("prescan"), duplicate), schema_dir)
    assert any("'0' is also used" in e.message for e in caught.value.errors)


def test_schemas_are_looked_up_next_to_the_definition(source_of, schema_dir: Path) -> None:
    assert schema_dir_for(source_of("prescan"), None) == schema_dir.resolve()
    assert schema_dir_for(source_of("prescan"), Path("/elsewhere")) == Path("/elsewhere")


def test_a_missing_schema_names_the_setting(tmp_path: Path, source_of) -> None:
    with pytest.raises(SchemaNotFound, match="SLUIS_PAR_DPIA_SCHEMAS"):
        load_definition(source_of("prescan"), tmp_path)
