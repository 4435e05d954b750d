"""``code list`` with nothing to list says why on stderr: no codings at all, or none the filters match.

A new user asking "what do carers say" (``code list --role carer``) of a project nobody had coded yet saw nothing at
all on the screen, and could not tell an empty project from a filter that matched nothing."""

from __future__ import annotations

from click.testing import CliRunner

from cmo_coder.cli.main import cli
from cmo_coder.coding import service
from cmo_coder.store import Project


def run(*args: object):
    return CliRunner().invoke(cli, [str(a) for a in args])


def test_a_project_with_no_codings_says_so(project: Project, add_transcript) -> None:  # type: ignore[no-untyped-def]
    add_transcript("t", [("SP1", "staff", "A", "We see them when we can.")])
    r = run("code", "list", project.path, "--role", "carer")
    assert r.exit_code == 0
    assert r.stdout == ""
    assert "no codings: nothing in this project is coded yet" in r.stderr


def test_a_filter_nothing_matches_says_what_the_project_holds(project: Project,  # type: ignore[no-untyped-def]
                                                              add_transcript) -> None:
    add_transcript("t", [("SP1", "staff", "A", "We see them when we can."), ("P2", "carer", "B", "He felt judged.")])
    service.add_coding(project, "t", pt=None, quote="We see them", element="PT1.MP1", stance="supports", coder="ann")
    r = run("code", "list", project.path, "--role", "carer")
    assert r.exit_code == 0 and r.stdout == ""
    assert "no coding matches --role carer: the project holds 1 coding(s)" in r.stderr
    r = run("code", "list", project.path, "--role", "staff")
    assert "no coding" not in r.stderr and "We see them" in r.stdout
