"""A revision the package ships is known without importing Alembic, and only such revisions are: the fast answer
of ``migrations.known`` agrees with Alembic's own for every shipped revision and for others."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

from cmo_coder.store import migrations


def _alembic_known(revision: str) -> bool:
    from alembic.util import CommandError

    try:
        return migrations._script().get_revision(revision) is not None
    except CommandError:
        return False


def test_the_shipped_revisions_are_exactly_alembics() -> None:
    walked = {script.revision for script in migrations._script().walk_revisions()}
    assert migrations.shipped() == walked
    assert migrations.head() in migrations.shipped()


@pytest.mark.parametrize("revision", ["v1", "v2", "v3", "v4", "v5", "v99", "v0", "x1", "V5", "v5 ", "1"])
def test_known_answers_as_alembic_does(revision: str) -> None:
    assert migrations.known(revision) == _alembic_known(revision)


def test_opening_a_current_project_does_not_import_alembic(tmp_path, tiny_codebook) -> None:  # type: ignore[no-untyped-def]
    from cmo_coder.store import Project

    Project.create(tmp_path / "p", tiny_codebook, actor="ann").close()
    code = ("import json, sys; from cmo_coder.store import Project; "
            f"p = Project.open({str(tmp_path / 'p')!r}); p.close(); "
            "print(json.dumps(sorted(m for m in sys.modules if m.split('.')[0] == 'alembic')))")
    out = subprocess.run([sys.executable, "-c", code], capture_output=True, text=True, check=True).stdout
    assert json.loads(out) == []
