"""Property: the whole path a study runs, on random small studies, leaves nothing registered or accepted in any
output, every coding in the REFI-QDA export slices exactly to its text, and the leak check passes; a name planted
in any output fails it.

Each example writes two or three transcript files as a team would get them (a typed ``Name: speech`` file, Teams'
WebVTT, SRT captions given to one speaker), with speakers drawn from a pool, a manifest naming them, and a register
of people and places; the speech says the speakers' and the register's names in random forms (first name,
surname, title and surname, the whole name) and casings, in odd punctuation, beside a surface the reviewer adds by
hand (``review --redact``). The path, as a user types it: ``import --manifest --register``, ``anonymise
--register``, ``review --redact … --accept-all --sign-off``, codings on the signed-off text (whole turns and parts
of them, placeholders inside), ``export --qdpx``, ``report``, ``export --qdc``, ``leakcheck`` on all of them. Then a
registered form is planted in one output (a source text inside the QDPX, a page of the evidence report, or a
coding's memo in the project) and the leak check must fail.
"""

from __future__ import annotations

import csv
import io
import re
import tempfile
import zipfile
from pathlib import Path

import pytest
from click.testing import CliRunner
from fuzzing import fuzz_settings
from hypothesis import event, given
from hypothesis import strategies as st
from lxml import etree

from cmo_coder.cli.main import cli
from cmo_coder.exchange.guids import guid
from cmo_coder.model import Coding, Stance
from cmo_coder.store import Project

REPO = Path(__file__).resolve().parent.parent
NS = {"q": "urn:QDA-XML:project:1.0"}
PEOPLE = [("Margaret Okafor", "staff"), ("Will Jenkins", "service_user"), ("Dawn Foster", "carer"),
          ("Tariq Haddad", "staff"), ("Siobhan Kerr", "service_user"), ("Grace Lomax", "carer")]
REGISTERED = [("Jo Pennock", "person"), ("Hope", "person"), ("Rose Tully", "person"), ("Tarleton", "place"),
              ("Attercliffe Road", "street"), ("Ashgrove", "hospital"), ("Marsh Lane Surgery", "practice")]
ADDED = "Cragside"  # added by the reviewer with --redact: the tool need not propose it
FILLER = ["the", "we", "went", "said", "and", "with", "ok", "so", "that", "really", "I", "will", "hope", "to",
          "it", "was", "my", "our", "she", "told", "thanks", "um", "over", "in", "rang", "saw", "met", "at"]
BEFORE = ["", "", "(", "'", '"', "\u201c", "…", "-"]
AFTER = ["", "", ",", ".", "…", "'s", "\u2019s", "?", ")", "!", "\u201d", "\u2014", ":"]


def _forms_of(name: str) -> list[str]:
    words = name.split()
    out = [name, *words]
    if len(words) == 2:
        out += [f"Mrs {words[1]}", f"Mr {words[1]}"]
    return out


def _plantable(people: list[tuple[str, str]]) -> list[str]:
    """What a leak is: a person's whole name or either part, a register entry's whole surface (not "Road" of a
    street, nor "Hope", an everyday word the check reads in its context), the reviewer's added surface."""
    out = [f for name, _ in people for f in [name, *name.split()]]
    return out + [s for s, _ in REGISTERED if s != "Hope"] + [ADDED]


def recase(word: str, how: int) -> str:
    return [word, word.lower(), word.upper(), word.title()][how]


@st.composite
def speech(draw: st.DrawFn, said: list[str]) -> str:
    # opened by a word of speech: a name and a colon opening a caption's cue or a typed line is a speaker's label
    # ("(Mrs Jenkins: will …" made a provisional speaker, and sign-off rightly refused the file)
    parts = [draw(st.sampled_from(["so", "well", "and", "yeah"]))]
    for _ in range(draw(st.integers(4, 12))):
        if draw(st.integers(0, 2)) == 0:
            word = recase(draw(st.sampled_from(said)), draw(st.integers(0, 3)))
            word = word.replace(" ", draw(st.sampled_from([" ", " ", "  ", "\u00a0", "\t"])))
            parts.append(draw(st.sampled_from(BEFORE)) + word + draw(st.sampled_from(AFTER)))
        else:
            parts.append(draw(st.sampled_from(FILLER)))
    return " ".join(parts)


def _vtt(turns: list[tuple[str, str]]) -> str:
    cues = [f"00:00:{2 * i:02d}.000 --> 00:00:{2 * i + 1:02d}.500\n<v {who}>{said}</v>"
            for i, (who, said) in enumerate(turns)]
    return "WEBVTT\n\n" + "\n\n".join(cues) + "\n"


def _srt(turns: list[tuple[str, str]]) -> str:
    return "\n".join(f"{i + 1}\n00:00:{2 * i:02d},000 --> 00:00:{2 * i + 1:02d},500\n{said}\n"
                     for i, (_, said) in enumerate(turns))


@st.composite
def studies(draw: st.DrawFn) -> dict[str, object]:
    people = draw(st.lists(st.sampled_from(PEOPLE), min_size=2, max_size=4, unique=True))
    said = [f for name, _ in people for f in _forms_of(name)]
    said += [f for name, _ in REGISTERED for f in _forms_of(name)] + [ADDED, ADDED]
    files = {}
    for n in range(draw(st.integers(2, 3))):
        kind = draw(st.sampled_from(["txt", "vtt", "srt"]))
        turns = [(draw(st.sampled_from(people))[0], draw(speech(said)) + f" (part {n}.{i})")
                 for i in range(draw(st.integers(1, 4)))]
        if kind == "srt":  # captions of one person: import gives them to one speaker with --speaker
            turns = [(people[0][0], t) for _, t in turns]
        lower = draw(st.booleans()) and kind != "txt"
        if lower:
            turns = [(who, t.lower()) for who, t in turns]
        body = {"txt": lambda ts: "".join(f"{w}: {t}\n\n" for w, t in ts), "vtt": _vtt, "srt": _srt}[kind](turns)
        # a file named after a speaker or a registered place, as teams name files: the id and the export's
        # source names must not carry it
        stem = draw(st.sampled_from(["session", "session", people[0][0].split()[-1].lower(), "Tarleton_visit",
                                     people[-1][0].replace(" ", "")]))
        files[f"{stem}_{n}.{kind}"] = body
    return {"people": people, "files": files, "plant": draw(st.sampled_from(["qdpx", "memo", "report"])),
            "planted": recase(draw(st.sampled_from(_plantable(people))), draw(st.integers(0, 3))),
            "cuts": draw(st.lists(st.tuples(st.integers(0, 10_000), st.integers(1, 60)), min_size=1, max_size=4))}


def _pattern(people: list[tuple[str, str]]) -> re.Pattern[str]:
    from cmo_coder.anonymise.register import person_variants, plain_variants

    forms = {f for name, _ in people for f in person_variants(name)}
    forms |= {f for s, c in REGISTERED for f in (person_variants(s) if c == "person" else plain_variants(s))}
    forms.add(ADDED)
    body = "|".join(r"\s+".join(re.escape(w) for w in f.split()) for f in sorted(forms, key=len, reverse=True))
    return re.compile(r"(?<!\w)(?:" + body + r")(?!\w)", re.IGNORECASE)


def _run(*args: object):  # type: ignore[no-untyped-def]
    r = CliRunner().invoke(cli, [str(a) for a in args])
    assert r.exception is None or isinstance(r.exception, SystemExit), (args, r.output)
    return r


def _code(project_path: Path, cuts: list[tuple[int, int]]) -> int:
    """Codings on the signed-off text: each transcript's first turn whole, and spans at the drawn places (a
    placeholder inside them or not), trimmed to a turn."""
    project = Project.open(project_path)
    n = 0
    try:
        with project.transaction("coder_a") as tx:
            for tid in project.transcript_ids(status="signed_off"):
                t = project.transcript(tid)
                spans = [(t.turns[0].start, t.turns[0].end)]
                for at, size in cuts:
                    turn = t.turns[at % len(t.turns)]
                    if turn.end - turn.start < 2:
                        continue
                    s = turn.start + at % (turn.end - turn.start - 1)
                    spans.append((s, min(turn.end, s + size)))
                for s, e in dict.fromkeys(spans):
                    if e <= s:
                        continue
                    tx.add_coding(Coding(id=f"c{n}", transcript_id=tid, start=s, end=e, text=t.text[s:e],
                                         pt="PT1", stance=Stance.supports, coder=f"coder_{n}"))
                    n += 1
    finally:
        project.close()
    return n


def _qdpx_texts(qdpx: Path) -> tuple[etree._Element, dict[str, str]]:
    with zipfile.ZipFile(qdpx) as z:
        root = etree.fromstring(z.read("project.qde"))
        texts = {n.removeprefix("sources/"): z.read(n).decode("utf-8") for n in z.namelist() if n != "project.qde"}
    return root, texts


@pytest.mark.fuzz
@fuzz_settings(3)
@given(study=studies())
def test_the_whole_path_leaves_nothing_and_the_leak_check_catches_a_plant(study: dict[str, object]) -> None:
    people: list[tuple[str, str]] = study["people"]  # type: ignore[assignment]
    files: dict[str, str] = study["files"]  # type: ignore[assignment]
    forms = _pattern(people)
    with tempfile.TemporaryDirectory() as tmp:
        root = Path(tmp)
        proj, secure = root / "study", root / "secure"
        manifest = root / "manifest.csv"
        rows = io.StringIO()
        w = csv.writer(rows)
        w.writerow(["name", "aliases", "role", "site", "label"])
        for i, (name, role) in enumerate(people):
            w.writerow([name, "", role, "A", f"{'SP' if role == 'staff' else 'P'}{i + 1}"])
        manifest.write_text(rows.getvalue(), encoding="utf-8")
        register = root / "register.csv"
        register.write_text("surface,category\n" + "".join(f"{s},{c}\n" for s, c in REGISTERED), encoding="utf-8")
        for name, body in files.items():
            (root / name).write_text(body, encoding="utf-8")
        assert _run("init", proj, "--codebook", REPO / "codebooks" / "tiny.yaml").exit_code == 0
        typed = [root / n for n in files if not n.endswith(".srt")]
        captions = [root / n for n in files if n.endswith(".srt")]
        if typed:
            r = _run("import", proj, *typed, "--secure", secure, "--manifest", manifest, "--register", register)
            assert r.exit_code == 0, r.output
        if captions:
            r = _run("import", proj, *captions, "--secure", secure, "--manifest", manifest, "--register", register,
                     "--speaker", people[0][0])
            assert r.exit_code == 0, r.output
        assert _run("anonymise", proj, "--secure", secure, "--register", register).exit_code == 0
        r = _run("review", proj, "--secure", secure, "--redact", ADDED, "--category", "place", "--accept-all",
                 "--sign-off")
        assert r.exit_code == 0, r.output
        project = Project.open(proj)
        try:
            ids = project.transcript_ids(status="signed_off")
            assert len(ids) == len(files)
            for tid in ids:
                text = project.transcript(tid).text
                assert not [m.group(0) for m in forms.finditer(text)], (tid, text)
        finally:
            project.close()
        coded = _code(proj, study["cuts"])  # type: ignore[arg-type]
        event(f"{coded // 3 * 3}+ codings")
        qdpx = root / "study.qdpx"
        r = _run("export", proj, "--qdpx", qdpx, "--secure", secure)
        assert r.exit_code == 0, r.output
        qde, texts = _qdpx_texts(qdpx)
        for name, text in [("project.qde", etree.tostring(qde, encoding="unicode")), *texts.items()]:
            assert not [m.group(0) for m in forms.finditer(text)], (name, text)
        sels = {}
        for src in qde.iterfind(".//q:Sources/q:TextSource", NS):
            for sel in src.iterfind("q:PlainTextSelection", NS):
                sels[sel.get("guid")] = (src.get("plainTextPath").removeprefix("internal://"),
                                         int(sel.get("startPosition")), int(sel.get("endPosition")))
        project = Project.open(proj)
        try:
            codings = project.codings()
            assert len(codings) == coded
            for c in codings:
                file, s, e = sels[guid("selection", c.id)]
                assert texts[file][s:e] == c.text, (c.id, texts[file][s:e], c.text)
        finally:
            project.close()
        report, qdc = root / "report", root / "codebook.qdc"
        assert _run("report", proj, "--out", report).exit_code == 0
        assert _run("export", proj, "--qdc", qdc).exit_code == 0
        r = _run("leakcheck", proj, qdpx, qdc, report, "--secure", secure)
        assert r.exit_code == 0, r.output

        planted: str = study["planted"]  # type: ignore[assignment]
        if study["plant"] == "qdpx":
            bad = root / "planted.qdpx"
            with zipfile.ZipFile(qdpx) as src, zipfile.ZipFile(bad, "w") as dst:
                victim = sorted(n for n in src.namelist() if n != "project.qde")[0]
                for item in src.infolist():
                    data = src.read(item.filename)
                    if item.filename == victim:
                        data = data.decode("utf-8").replace(" ", f" {planted} ", 1).encode("utf-8")
                    dst.writestr(item, data)
            r = _run("leakcheck", proj, bad, "--secure", secure)
        elif study["plant"] == "report":  # the evidence report's page of a theory, as a user might edit it
            page = report / "PT1.md"
            page.write_text(page.read_text(encoding="utf-8") + f"\n> {planted} said so\n", encoding="utf-8")
            r = _run("leakcheck", proj, qdpx, qdc, report, "--secure", secure)
        else:
            project = Project.open(proj)
            try:
                c = project.codings()[0]
                with project.transaction("coder_a") as tx:
                    tx.update_coding(c.model_copy(update={"memo": f"said by {planted} again"}))
            finally:
                project.close()
            r = _run("leakcheck", proj, qdpx, "--secure", secure)
        assert r.exit_code == 1, (study["plant"], planted, r.output)
        event(f"plant in the {study['plant']} caught")
