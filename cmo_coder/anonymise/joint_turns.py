"""The speakers a signed-off transcript gives its group's, its members' joint and its unplaced voices' turns.

The secure copy keeps what the import read: ``ALL`` for a line the group said, ``UNPLACED`` for a voice the
transcriber could not place, the members' labels joined for a joint line (``NOR-G02 & NOR-G04``; see
:mod:`cmo_coder.ingest.group_speakers`). The project holds every turn's speaker as a participant with a role,
so that "what do carers say" and an export's cases can read it. At sign-off a group's line becomes the joint
line of the transcript's members (every speaker but the facilitators), flagged ``group_speaker``, and an unplaced
voice the same, flagged ``unplaced_speaker`` (it is one of them, and says so); each joint label is a participant
of the members' role (the first member's where they differ: a query by role also reads each member, see
:data:`cmo_coder.store.project.TURN_PARTICIPANT`), marked ``speakers: joint`` and never a case of its own.
"""

from __future__ import annotations

from ..errors import CmoError
from ..ingest.group_speakers import GROUP_LABEL, UNPLACED_LABEL
from ..model import Participant, Role, Transcript
from ..model.participant import JOINT_SEPARATOR

#: The attribute a joint speaker's participant row carries.
JOINT_ATTRIBUTE = ("speakers", "joint")
_FLAGS = {GROUP_LABEL: "group_speaker", UNPLACED_LABEL: "unplaced_speaker"}


def members(speakers: list[Participant]) -> list[str]:
    """The transcript's members, in the order they first speak: its speakers but the facilitators."""
    return [p.label for p in speakers if p.role is not Role.facilitator and not p.joint]


def with_joint_speakers(signed: Transcript, speakers: list[Participant]) -> tuple[Transcript, list[Participant]]:
    """``signed`` with its group's and unplaced voices' turns given the members' joint label, and the joint
    speakers as participants to store beside ``speakers`` (the transcript's persons, in order of first turn)."""
    group = members(speakers)
    wanted = {t.speaker for t in signed.turns} & set(_FLAGS)
    if wanted and not group:
        raise CmoError(f"transcript {signed.id} cannot be signed off: it has lines of the group or of a voice "
                       "nobody placed but no members besides the facilitators to give them to; give the file's "
                       "speakers manifest lines with their roles and re-run 'cmo-coder import'")
    everyone = JOINT_SEPARATOR.join(group)
    turns = []
    for t in signed.turns:
        flag = _FLAGS.get(t.speaker)
        if flag is None:
            turns.append(t)
            continue
        turns.append(t.model_copy(update={"speaker": everyone, "flags": [*t.flags, flag]}))
    out = signed.model_copy(update={"turns": turns}) if wanted else signed
    by_label = {p.label: p for p in speakers}
    joint = []
    for label in dict.fromkeys(t.speaker for t in out.turns if JOINT_SEPARATOR in t.speaker):
        parts = [by_label[part] for part in label.split(JOINT_SEPARATOR)]
        sites = {p.site for p in parts}
        joint.append(Participant(label=label, role=parts[0].role, site=parts[0].site if len(sites) == 1 else None,
                                 attributes=dict([JOINT_ATTRIBUTE])))
    return out, joint
