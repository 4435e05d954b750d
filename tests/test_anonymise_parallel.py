"""``anonymise --jobs N``: transcripts analysed in worker processes write what one process writes, byte for byte.

The projects are small (a few hundred words), so ``--jobs auto`` keeps them in one process and each test that
wants workers asks for them; every worker here is forked (a fraction of a second) but for one spawned worker
that checks the path of platforms without ``fork`` on the rules alone.
"""

from __future__ import annotations

import json
import multiprocessing
import time
from pathlib import Path

import pytest
from anon_support import add_pending, run_cli, secure_folder, transcript_of

from cmo_coder.anonymise import parallel
from cmo_coder.anonymise.parallel import analyse_all, choose_jobs
from cmo_coder.anonymise.pipeline import DEFAULT_MODEL, Anonymiser, Draft
from cmo_coder.anonymise.register import build_register
from cmo_coder.anonymise.review import NUMBERS
from cmo_coder.anonymise.workflow import clashing_phrases
from cmo_coder.errors import CmoError
from cmo_coder.model import Transcript
from cmo_coder.store import Project

TYPED = {
    "int-a": [("SP1", "Margaret Okafor", "Thanks for coming in. How has it been since Daniel started at Hillside?"),
              ("P2", "Liz Harrow", "Hard. My son Daniel was on Ward 7 at Pinderfields General Hospital, and Maggie "
                                   "was brilliant. Keith Brannigan from the council rang me too.")],
    "int-b": [("SP1", "Maggie", "Last time you mentioned Keith Brannigan and the NHS."),
              ("P1", "Will", "Yes, Keith Brannigan helped me, and so did Priya Ramesh at the Tesco in Ossett. "
                             "I will always remember that.")],
    "int-c": [("SP1", "Margaret", "Who else helped, on the ward?"),
              ("P1", "Will", "A nurse called Bronwen, and my neighbour Tomasz Nowak drove me to Leeds General.")],
}
CAPTIONS = {
    "cap-a": [("SP1", "Margaret Okafor", "so how was it after daniel went to hillside"),
              ("P2", "Liz Harrow", "well keith brannigan rang me and then my friend sunita came round from dewsbury")],
    "cap-b": [("SP1", "Maggie", "and the nurse was that bronwen again"),
              ("P1", "Will", "yeah bronwen and priya ramesh were both lovely and tomasz came every day")],
}
REGISTER = ("surface,category,placeholder\nDaniel Harrow,person,\nWard 7,ward,\nHillside,service,"
            "[name of substance use service]\nKeith Brannigan,person,\n")


@pytest.fixture(autouse=True)
def _fixed_clock(monkeypatch: pytest.MonkeyPatch) -> None:
    """Every timestamp pinned, so two runs' logs and audit rows can be compared byte for byte."""
    monkeypatch.setenv("SOURCE_DATE_EPOCH", "1700000000")


def make_study(root: Path, tiny_codebook, numbers: dict[str, int] | None = None) -> tuple[Path, Path, Path]:
    """A project of typed and caption sessions awaiting anonymisation, its secure folder and a register."""
    project = Project.create(root / "study", tiny_codebook, actor="tester")
    sf = secure_folder(root)
    for tid, turns in {**TYPED, **CAPTIONS}.items():
        add_pending(project, sf, tid, turns)
    project.close()
    if numbers is not None:
        (sf.path / NUMBERS).write_text(json.dumps(numbers), encoding="utf-8")
    register = root / "register.csv"
    register.write_text(REGISTER, encoding="utf-8")
    return root / "study", sf.path, register


def written(project: Path, secure: Path) -> tuple[dict[str, bytes], list[dict], list[tuple[str, str]]]:
    """What a run left: every secure-folder file but the raw copies, the audit rows, the transcripts' states."""
    files = {str(p.relative_to(secure)): p.read_bytes() for p in sorted(secure.rglob("*"))
             if p.is_file() and "raw" not in p.relative_to(secure).parts}
    p = Project.open(project)
    try:
        rows = [{k: v for k, v in row.items() if k != "seq"} for row in p.audit_log()]
        states = [(tid, p.transcript_status(tid)) for tid in p.transcript_ids()]
    finally:
        p.close()
    return files, rows, states


def anonymise(project: Path, secure: Path, register: Path, *more: str):  # type: ignore[no-untyped-def]
    return run_cli("anonymise", project, "--secure", secure, "--register", register, "--json", *more)


@pytest.mark.parametrize("numbered", [False, True])
def test_two_workers_write_what_one_process_writes(tmp_path: Path, tiny_codebook, numbered: bool) -> None:
    # numbers already given in an earlier run go on from where they were, in transcript order
    earlier = {"surface:somebody else": 1} if numbered else None
    flags = ["--numbered"] if numbered else []
    one = make_study(tmp_path / "one", tiny_codebook, earlier)
    two = make_study(tmp_path / "two", tiny_codebook, earlier)
    r1 = anonymise(*one, "--jobs", "1", *flags)
    r2 = anonymise(*two, "--jobs", "2", *flags)
    assert r1.exit_code == 0 and r2.exit_code == 0, (r1.output, r2.output)
    assert r1.stdout == r2.stdout
    files1, rows1, states1 = written(one[0], one[1])
    files2, rows2, states2 = written(two[0], two[1])
    assert [name for name in files1 if name.startswith("proposals")] and files1.keys() == files2.keys()
    assert files1 == files2
    assert rows1 == rows2 and states1 == states2
    if numbered:
        numbers = json.loads(files1[NUMBERS])
        assert numbers["surface:somebody else"] == 1 and len(numbers) > 3
        assert b"[name 2]" in b"".join(v for k, v in files1.items() if k.startswith("proposals"))


def test_drafts_made_in_any_order_number_as_one_pass(tmp_path: Path) -> None:
    # the person numbers are the one answer that depends on other transcripts: drafts made last-first, numbered
    # in transcript order, give what analysing each in turn gave
    anon = anonymiser(tmp_path, DEFAULT_MODEL)
    raws = [transcript_of(tid, turns) for tid, turns in {**TYPED, **CAPTIONS}.items()]
    in_turn: dict[str, int] = {}
    expected = [anon.analyse(raw, numbered=True, numbers=in_turn).model_dump_json() for raw in raws]
    drafts: list[Draft] = [anon.draft(raw, numbered=True) for raw in reversed(raws)][::-1]
    later: dict[str, int] = {}
    assert [d.numbered_with(raw, later).model_dump_json() for d, raw in zip(drafts, raws, strict=True)] == expected
    assert later == in_turn and len(later) >= 3


def anonymiser(tmp_path: Path, model: str | None, allow: tuple[str, ...] | None = None) -> Anonymiser:
    """An anonymiser of the test key's register, as ``anonymise`` builds one."""
    register = build_register(secure_folder(tmp_path).load_participant_key(), [], clashing_phrases(None))
    return Anonymiser(register, model, allow)


ORIGINAL_DRAFT = Anonymiser.draft


def _fail_on_int_b(self: Anonymiser, raw: Transcript, numbered: bool = False) -> Draft:
    if raw.id == "int-b":
        raise ValueError("a layer broke")
    return ORIGINAL_DRAFT(self, raw, numbered)


def test_a_failing_transcript_in_a_worker_names_it_and_writes_nothing(tmp_path: Path, tiny_codebook,
                                                                      monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(Anonymiser, "draft", _fail_on_int_b)  # the forked workers inherit the patch
    project, secure, register = make_study(tmp_path, tiny_codebook)
    before = written(project, secure)
    r = anonymise(project, secure, register, "--jobs", "2", "--numbered")
    assert r.exit_code == 1
    assert "transcript int-b could not be analysed: ValueError: a layer broke" in r.output
    assert "nothing was written" in r.output
    assert written(project, secure) == before  # no proposals, numbers, log lines or audit rows
    assert not (secure / "proposals").exists() or not any((secure / "proposals").iterdir())
    assert multiprocessing.active_children() == []


def test_a_failing_transcript_in_one_process_is_named_too(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(Anonymiser, "draft", _fail_on_int_b)
    anon = anonymiser(tmp_path, DEFAULT_MODEL)
    raws = [transcript_of(tid, turns) for tid, turns in TYPED.items()]
    with pytest.raises(ValueError, match="a layer broke") as caught:
        analyse_all(anon, raws, False, {}, jobs=1)
    assert "while analysing transcript int-b" in caught.value.__notes__


def _slow_on_int_a(self: Anonymiser, raw: Transcript, numbered: bool = False) -> Draft:
    if raw.id == "int-a":
        time.sleep(60)
    return ORIGINAL_DRAFT(self, raw, numbered)


def test_ctrl_c_stops_the_workers(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(Anonymiser, "draft", _slow_on_int_a)
    anon = anonymiser(tmp_path, None)
    raws = [transcript_of(tid, turns) for tid, turns in TYPED.items()]

    def interrupt(done: int, total: int, tid: str) -> None:
        raise KeyboardInterrupt  # as Ctrl-C reaches the parent while a worker is still busy

    t0 = time.monotonic()
    with pytest.raises(KeyboardInterrupt):
        analyse_all(anon, raws, False, {}, jobs=2, progress=interrupt)
    # the workers are ended, not left to finish the 60 s transcript; a loaded machine may take a moment to reap them
    while multiprocessing.active_children() and time.monotonic() - t0 < 30:
        time.sleep(0.1)
    assert time.monotonic() - t0 < 30
    assert multiprocessing.active_children() == []


def test_progress_counts_every_transcript_once(tmp_path: Path) -> None:
    anon = anonymiser(tmp_path, DEFAULT_MODEL)
    raws = [transcript_of(tid, turns) for tid, turns in {**TYPED, **CAPTIONS}.items()]
    for jobs in (1, 2):
        seen: list[tuple[int, int, str]] = []
        sets = analyse_all(anon, raws, False, {}, jobs=jobs, progress=lambda *a, seen=seen: seen.append(a))
        assert [ps.transcript_id for ps in sets] == [raw.id for raw in raws]
        assert [(d, n) for d, n, _ in seen] == [(i + 1, len(raws)) for i in range(len(raws))]
        assert sorted(tid for _, _, tid in seen) == sorted(raw.id for raw in raws)
        if jobs == 1:
            assert [tid for _, _, tid in seen] == [raw.id for raw in raws]  # in order in one process


def _words(n: int) -> str:
    return " ".join(["and then we went to the clinic again"] * (n // 8))


def test_auto_keeps_a_small_project_in_one_process(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setenv(parallel.START_METHOD_ENV, "fork")
    small = [transcript_of(tid, turns) for tid, turns in {**TYPED, **CAPTIONS}.items()]
    assert choose_jobs(None, small) == 1
    monkeypatch.setattr(parallel, "usable_cores", lambda: 8)
    assert choose_jobs(None, small) == 1
    per_worker = parallel.WORDS_PER_WORKER["fork"]
    big = [transcript_of(f"t{i}", [("P1", "Will", _words(per_worker // 2))]) for i in range(5)]
    assert choose_jobs(None, big) == 2  # 2.5 workers' worth of words
    assert choose_jobs(None, big[:1]) == 1  # one transcript: one process, whatever its length
    monkeypatch.setenv(parallel.START_METHOD_ENV, "spawn")
    assert choose_jobs(None, big) == 1  # a spawned worker's start-up is worth it only on far more words
    monkeypatch.setenv(parallel.START_METHOD_ENV, "fork")
    monkeypatch.setattr(parallel, "usable_cores", lambda: 1)
    assert choose_jobs(None, big) == 1  # one core: no worker
    assert choose_jobs(4, big[:3]) == 3  # never more workers than transcripts
    with pytest.raises(CmoError):
        choose_jobs(0, big)

    def no_pool(*args: object, **kwargs: object) -> None:
        raise AssertionError("a worker was started for a small project")

    monkeypatch.setattr(parallel, "ProcessPoolExecutor", no_pool)
    monkeypatch.setattr(parallel, "usable_cores", lambda: 8)
    anon = anonymiser(tmp_path, None)
    assert len(analyse_all(anon, small, False, {}, jobs=None)) == len(small)


@pytest.mark.parametrize("value", ["0", "-1", "two"])
def test_jobs_must_be_a_number_or_auto(tmp_path: Path, tiny_codebook, value: str) -> None:
    project, secure, register = make_study(tmp_path, tiny_codebook)
    r = anonymise(project, secure, register, "--jobs", value)
    assert r.exit_code != 0 and "--jobs" in r.output
    assert not (secure / "proposals").exists() or not any((secure / "proposals").iterdir())


def test_a_spawned_worker_builds_the_same_anonymiser(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    # platforms without fork: the worker is sent the register and the allow-list and builds its own anonymiser
    monkeypatch.setenv(parallel.START_METHOD_ENV, "spawn")
    anon = anonymiser(tmp_path, None, ("Leeds General",))
    raws = [transcript_of(tid, turns) for tid, turns in TYPED.items()]
    expected = [anon.analyse(raw).model_dump_json() for raw in raws]
    drafts = parallel._in_workers(anon, raws, False, 1, None)
    assert [d.numbered_with(raw, {}).model_dump_json() for d, raw in zip(drafts, raws, strict=True)] == expected
