"""`code import` run again after a run that committed: rows already held are skipped and counted."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner
from test_coding_table import CODINGS_CSV, CONFIGS_CSV, TURNS

from cmo_coder.cli.main import cli
from cmo_coder.coding.table import import_table
from cmo_coder.errors import ValidationFailed


@pytest.fixture
def study(project, add_transcript):  # type: ignore[no-untyped-def]
    add_transcript("int01", TURNS)
    return project


def _write(tmp_path: Path, name: str, text: str) -> Path:
    p = tmp_path / name
    p.write_text(text, encoding="utf-8")
    return p


def test_rerun_of_a_committed_import_skips_what_is_there_and_imports_the_rest(study, tmp_path):
    rows = CODINGS_CSV.splitlines(keepends=True)
    header, body = rows[0], rows[1:]
    configs = _write(tmp_path, "configurations.csv", CONFIGS_CSV)
    first = import_table(study, _write(tmp_path, "part.csv", header + "".join(body[3:])))  # the run that committed
    assert (first.codings, first.already_present) == (2, 0)
    table = _write(tmp_path, "codings.csv", CODINGS_CSV)
    result = CliRunner().invoke(cli, ["code", "import", str(study.path), str(table), "--configurations",
                                      str(configs)])
    assert result.exit_code == 0, result.output
    assert "imported 3 coding(s) and 1 configuration(s) from 5 row(s)" in result.output
    assert "2 coding(s) and 0 configuration(s) were already in the project (skipped)" in result.output
    assert len(study.codings()) == 5 and len(study.configurations()) == 1
    again = import_table(study, table, configurations=configs)  # a third run: everything is there
    assert (again.codings, again.already_present, again.configurations_already_present) == (0, 5, 1)
    assert len(study.codings()) == 5


def test_conflicting_and_repeated_rows_are_reported(study, tmp_path):
    import_table(study, _write(tmp_path, "a.csv", CODINGS_CSV))
    conflicting = CODINGS_CSV.replace('"staff view, first contact"', '"a different memo"')
    with pytest.raises(ValidationFailed, match="row 2: already in the project as coding .* different memo"):
        import_table(study, _write(tmp_path, "b.csv", conflicting))
    fresh_row = "int01,,,The only way we could get help,PT2,context,,supports,alice,,\n"
    repeated = CODINGS_CSV.splitlines(keepends=True)[0] + fresh_row + fresh_row
    with pytest.raises(ValidationFailed, match="row 3: repeats row 2"):
        import_table(study, _write(tmp_path, "c.csv", repeated))
    assert len(study.codings()) == 5


def test_a_configuration_held_with_other_members_is_a_conflict(study, tmp_path):
    configs = _write(tmp_path, "configurations.csv", CONFIGS_CSV)
    import_table(study, _write(tmp_path, "a.csv", CODINGS_CSV), configurations=configs)
    extra = CODINGS_CSV + "int01,,,Joint assessment helps,PT1,Mres,,refines,bob,,cmoc-a\n"
    with pytest.raises(ValidationFailed, match="configuration 'cmoc-a' is already in the project with other"):
        import_table(study, _write(tmp_path, "b.csv", extra), configurations=configs)
