"""Codings and configurations through the Python API: exact spans, attributions, clear refusals."""

from __future__ import annotations

import pytest
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from cmo_coder.coding import service
from cmo_coder.coding.locate import locate_quote
from cmo_coder.errors import CmoError, NotFound, ValidationFailed
from cmo_coder.model import Component, Transcript, Turn
from cmo_coder.model.vocab import Stance
from cmo_coder.textmatch import normalise

pytestmark = pytest.mark.engines  # the store behaviours here are checked on SQLite and PostgreSQL

STAFF = (
    "I would like them to be met at where they’re at and for us not to focus on what is wrong with you. "
    "They’re not going to feel judged, are they? So, you’re optimising engagement."
)
CARER = "The only way we could get help was to continuously ring the police. Nobody listened to us."


@pytest.fixture
def study(project, add_transcript):  # type: ignore[no-untyped-def]
    add_transcript("int01", [("SP10", "staff", "C", STAFF), ("P36", "carer", "B", CARER)])
    return project


def _db_snapshot(project) -> tuple:  # type: ignore[no-untyped-def]
    q = project.conn.execute
    return (
        q("SELECT COUNT(*) FROM codings").fetchone()[0],
        q("SELECT COUNT(*) FROM configurations").fetchone()[0],
        q("SELECT COUNT(*) FROM audit").fetchone()[0],
    )


def test_add_by_quote_tolerantly_and_list_with_attribution(study) -> None:  # type: ignore[no-untyped-def]
    c = service.add_coding(study, "int01", quote="they're NOT going to   feel judged", pt="PT1",
                           component="Mresp", coder="alice")
    assert c.text == "They’re not going to feel judged"
    assert study.text("int01")[c.start : c.end] == c.text
    assert c.component is Component.mechanism_response
    assert c.id == service.coding_id("int01", c.start, c.end, "PT1", c.component, None, Stance.supports, "alice")
    views = service.list_codings(study, role="staff")
    assert [v.attribution for v in views] == ["SP10, Case Study C"]
    d = views[0].as_dict()
    assert (d["label"], d["role"], d["site"]) == ("SP10", "staff", "C")
    assert service.list_codings(study, role="carer") == []
    assert study.audit_log("coding")[-1]["action"] == "add"


def test_add_with_ellipsis_and_span_and_element(study) -> None:  # type: ignore[no-untyped-def]
    c = service.add_coding(study, "int01", quote="The only way … ring the police", pt="PT1", element="PT1.C1",
                           coder="alice")
    assert c.text == "The only way we could get help was to continuously ring the police"
    assert c.component is Component.context
    s = service.add_coding(study, "int01", span=(0, 10), pt="PT2", coder="alice")
    assert s.text == STAFF[:10] and s.component is None
    carer = service.list_codings(study, participant="P36")
    assert [v.attribution for v in carer] == ["P36, (Carer) Case Study B"]
    assert [v.coding.id for v in service.list_codings(study, site="Case Study B")] == [c.id]


def test_missing_and_ambiguous_quotes_show_candidates(study) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(CmoError, match="closest passage"):
        service.add_coding(study, "int01", quote="They’re not going to feel jugded", pt="PT1")
    with pytest.raises(CmoError, match=r"occurs 2 times.*\n#1 \[\d+:\d+\] SP10.*\n#2") as exc:
        service.add_coding(study, "int01", quote="you", pt="PT1")
    assert "--occurrence" in str(exc.value)
    c = service.add_coding(study, "int01", quote="you", occurrence=2, pt="PT1", coder="x")
    assert c.start > STAFF.index("you")


def test_cross_turn_spans_need_permission(study) -> None:  # type: ignore[no-untyped-def]
    quote = "optimising engagement. The only way"
    with pytest.raises(CmoError, match="across speaker turns"):
        service.add_coding(study, "int01", quote=quote, pt="PT1")
    with pytest.raises(CmoError, match="crosses speaker turns"):
        service.add_coding(study, "int01", span=(len(STAFF) - 5, len(STAFF) + 8), pt="PT1")
    c = service.add_coding(study, "int01", quote=quote, pt="PT1", allow_cross_turn=True, coder="x")
    assert "\n\n" in c.text


@pytest.mark.parametrize(
    ("kwargs", "error", "message"),
    [
        ({"transcript_id": "nope", "quote": "judged", "pt": "PT1"}, NotFound, "no transcript 'nope'"),
        ({"transcript_id": "int01", "quote": "judged", "pt": "PT9"}, NotFound, "unknown programme theory PT9"),
        ({"transcript_id": "int01", "quote": "judged", "pt": "PT1", "element": "PT1.MR7"}, ValidationFailed,
         "unknown element PT1.MR7"),
        ({"transcript_id": "int01", "quote": "judged", "pt": "PT1", "component": "mechanisms"}, CmoError,
         "unknown component"),
        ({"transcript_id": "int01", "quote": "judged", "pt": "PT1", "stance": "suports"}, CmoError,
         "unknown stance"),
        ({"transcript_id": "int01", "span": (5, 99999), "pt": "PT1"}, CmoError, "outside its text"),
        ({"transcript_id": "int01", "span": "12-40", "pt": "PT1"}, CmoError, "START:END"),
        ({"transcript_id": "int01", "quote": "judged", "pt": "PT1", "element": "PT2.MR1"}, CmoError,
         "belongs to PT2"),
    ],
)
def test_bad_input_is_refused_and_nothing_written(study, kwargs, error, message) -> None:  # type: ignore[no-untyped-def]
    before = _db_snapshot(study)
    kwargs = dict(kwargs)  # the parameters are shared by the runs on each engine: never change them
    tid = kwargs.pop("transcript_id")
    with pytest.raises(error, match=message):
        service.add_coding(study, tid, **kwargs)
    assert _db_snapshot(study) == before


def test_overlapping_duplicate_by_same_coder_refused(study) -> None:  # type: ignore[no-untyped-def]
    service.add_coding(study, "int01", quote="feel judged", pt="PT1", component="O", coder="alice")
    before = _db_snapshot(study)
    with pytest.raises(ValidationFailed, match="overlaps coding"):
        service.add_coding(study, "int01", quote="going to feel judged", pt="PT1", component="O", coder="alice")
    assert _db_snapshot(study) == before
    # another coder, or another component, may code the same words
    service.add_coding(study, "int01", quote="going to feel judged", pt="PT1", component="O", coder="bob")
    service.add_coding(study, "int01", quote="going to feel judged", pt="PT1", component="C", coder="alice")


def test_edit_keeps_id_and_audits(study) -> None:  # type: ignore[no-untyped-def]
    c = service.add_coding(study, "int01", quote="feel judged", pt="PT1", component="O", coder="alice")
    e = service.edit_coding(study, c.id, stance="refutes", memo="carer disagrees", quote="not going to feel judged")
    assert e.id == c.id and e.stance is Stance.refutes and e.text == "not going to feel judged"
    assert study.coding(c.id).memo == "carer disagrees"
    assert study.audit_log("coding")[-1]["action"] == "edit"
    with pytest.raises(CmoError, match="nothing to change"):
        service.edit_coding(study, c.id, stance="refutes")


def test_configurations_roles_pts_and_show(study) -> None:  # type: ignore[no-untyped-def]
    ctx = service.add_coding(study, "int01", quote="met at where they’re at", pt="PT1", component="C", coder="a")
    out = service.add_coding(study, "int01", quote="optimising engagement", pt="PT1", component="O", coder="a")
    other = service.add_coding(study, "int01", quote="Nobody listened to us", pt="PT2", component="O", coder="a")
    cfg = service.add_configuration(study, pt="PT1", members=[(ctx.id, "context"), (out.id, "outcome")],
                                    judgement="confirmed", rationale="staff account", coder="a")
    assert cfg.name == "PT1-1" and cfg.judgement.value == "confirm"  # type: ignore[union-attr]
    shown = service.show_configuration(study, "PT1-1")
    assert [m["role"] for m in shown["members"]] == ["context", "outcome"]
    assert shown["members"][0]["coding"]["attribution"] == "SP10, Case Study C"
    before = _db_snapshot(study)
    with pytest.raises(ValidationFailed, match="coded to PT2, not PT1"):
        service.add_configuration(study, pt="PT1", members=[(ctx.id, "context"), (other.id, "outcome")])
    with pytest.raises(ValidationFailed, match="is a outcome, but is given the role mechanism_resource"):
        service.add_configuration(study, pt="PT1", members=[(ctx.id, "context"), (out.id, "Mres")])
    with pytest.raises(CmoError, match="at least two"):
        service.add_configuration(study, pt="PT1", members=[(ctx.id, "context")])
    assert _db_snapshot(study) == before
    with pytest.raises(CmoError, match="configuration"):
        service.remove_codings(study, [ctx.id])
    with pytest.raises(CmoError, match="would break them"):
        service.edit_coding(study, out.id, component="Mresp")
    service.remove_configuration(study, cfg.id)
    assert study.configurations() == []
    rows = {r["pt"]: r for r in service.summary(study)}
    assert (rows["PT1"]["codings"], rows["PT1"]["context"], rows["PT1"]["outcome"], rows["PT2"]["codings"]) == (
        2, 1, 1, 1)


_WORD = st.sampled_from(["staff", "Felt", "judged", "‘really’", "help", "—", "the", "police", "…", "so,", "We"])


@settings(max_examples=120, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
@given(words=st.lists(_WORD, min_size=6, max_size=40), cut=st.data())
def test_located_spans_slice_to_text_that_normalises_to_the_quote(words, cut) -> None:  # type: ignore[no-untyped-def]
    seps = cut.draw(st.lists(st.sampled_from([" ", "  ", "\n", " "]), min_size=len(words), max_size=len(words)))
    text = "".join(w + s for w, s in zip(words, seps, strict=True)).strip()
    if not text:
        return
    i = cut.draw(st.integers(0, len(words) - 1))
    j = cut.draw(st.integers(i + 1, len(words)))
    quote = " ".join(words[i:j]).upper() if cut.draw(st.booleans()) else " ".join(words[i:j])
    t = Transcript(id="t", title="t", source_format="plain_txt", text=text, turns=[Turn(speaker="A", start=0,
                   end=len(text))], source_sha256="0" * 64, normaliser_version="t")
    try:
        span = locate_quote(t, quote)
    except CmoError as exc:
        assert "occurs" in str(exc) or "not found" in str(exc)
        return
    assert text[span.start : span.end] == span.text
    if "…" not in quote:
        assert normalise(span.text).text == normalise(quote).text


def _outcome(fn, *args):  # type: ignore[no-untyped-def]
    try:
        return fn(*args)
    except CmoError as exc:
        return str(exc)


@given(data=st.data())
@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.function_scoped_fixture])
def test_a_span_checked_in_the_store_is_the_span_checked_on_the_whole_transcript(study, data) -> None:  # type: ignore[no-untyped-def]
    """The workbench's quick check (text and two turn look-ups) accepts, slices and refuses as the full one."""
    from cmo_coder.coding.locate import span_from_offsets

    transcript = study.transcript("int01")
    n = len(transcript.text)
    start = data.draw(st.integers(-2, n + 2))
    end = data.draw(st.integers(-2, n + 2))
    cross = data.draw(st.booleans())
    quick = _outcome(service.span_from_store, study, "int01", start, end, cross)
    full = _outcome(span_from_offsets, transcript, start, end, cross)
    assert quick == full
    if not isinstance(quick, str):
        assert quick.text == transcript.text[quick.start:quick.end]


def test_a_span_in_a_missing_or_unsigned_transcript_is_refused_as_before(study) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(NotFound, match="no transcript 'nope'"):
        service.span_from_store(study, "nope", 0, 3)


def test_speakers_for_many_offsets_are_the_speakers_for_each(study) -> None:  # type: ignore[no-untyped-def]
    """The listing's one read of the turns names the same participant as asking offset by offset."""
    n = len(study.text("int01"))
    offsets = list(range(-1, n + 2))
    many = study.speakers_at("int01", offsets)
    assert many == {o: study.speaker_at("int01", o) for o in offsets}
    assert {p.label for p in many.values() if p} == {"SP10", "P36"}
