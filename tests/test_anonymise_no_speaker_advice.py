"""Sign-off's advice for turns with no speaker names what a team can do with the file it has."""

from __future__ import annotations


def test_captions_with_no_named_speaker_before_them_are_not_told_to_infer_speakers() -> None:
    """Several of the studies' caption files are one cue that no name precedes: '--infer-speakers' gives a cue to the
    speaker before it, so there it gives them to nobody, and sign-off still told the team (who had imported with it)
    to re-import with it. The advice now names what can be done there."""
    from cmo_coder.anonymise.review import _no_speaker_problem

    said = _no_speaker_problem(1, "srt", before_any_speaker=True)
    assert "--replace --infer-speakers" not in said and "--replace --speaker NAME" in said
    assert "before" in said and "group" in said
    # cues after a named speaker: inference still gives them to the previous speaker
    assert "--infer-speakers" in _no_speaker_problem(2, "srt")
    assert "--infer-speakers" in _no_speaker_problem(2, "srt", before_any_speaker=False)
