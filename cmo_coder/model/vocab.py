"""The controlled vocabularies of realist coding, with the short forms analysts write."""

from __future__ import annotations

from enum import StrEnum


class Component(StrEnum):
    """A part of the context → mechanism → outcome chain of a programme theory."""

    context = "context"
    mechanism_resource = "mechanism_resource"
    mechanism_response = "mechanism_response"
    outcome = "outcome"

    @property
    def short(self) -> str:
        """The label realist reports use: C, Mres, Mresp, O."""
        return _SHORT[self]

    @property
    def code(self) -> str:
        """The letter code inside element ids such as ``PT3.MR1``."""
        return _CODE[self]

    @classmethod
    def parse(cls, text: str) -> Component:
        """Accept the names analysts actually type: ``C``, ``Mres``, ``mechanism-response``, ``outcome``."""
        key = text.strip().lower().replace("–", "-").replace("—", "-")
        key = " ".join(key.replace("-", " ").replace("_", " ").split())
        try:
            return _ALIASES[key]
        except KeyError:
            known = ", ".join(c.value for c in cls)
            raise ValueError(f"unknown component {text!r} (expected one of {known}, or C, Mres, Mresp, O)") from None


_SHORT = {
    Component.context: "C",
    Component.mechanism_resource: "Mres",
    Component.mechanism_response: "Mresp",
    Component.outcome: "O",
}
_CODE = {
    Component.context: "C",
    Component.mechanism_resource: "MR",
    Component.mechanism_response: "MP",
    Component.outcome: "O",
}
#: chain order, used for drawing and for the edges C → Mres → Mresp → O
CHAIN: tuple[Component, ...] = (
    Component.context,
    Component.mechanism_resource,
    Component.mechanism_response,
    Component.outcome,
)
CODE_TO_COMPONENT = {code: comp for comp, code in _CODE.items()}

_ALIASES: dict[str, Component] = {}
for _c in Component:
    _ALIASES[_c.value.replace("_", " ")] = _c
    _ALIASES[_SHORT[_c].lower()] = _c
    _ALIASES[_CODE[_c].lower()] = _c
_ALIASES.update(
    {
        "contexts": Component.context,
        "mechanism resource": Component.mechanism_resource,
        "mechanism resources": Component.mechanism_resource,
        "resource": Component.mechanism_resource,
        "m res": Component.mechanism_resource,
        "mechanism response": Component.mechanism_response,
        "mechanism responses": Component.mechanism_response,
        "response": Component.mechanism_response,
        "m resp": Component.mechanism_response,
        "outcomes": Component.outcome,
    }
)


class Stance(StrEnum):
    """How a piece of evidence bears on a programme theory."""

    supports = "supports"
    refutes = "refutes"
    refines = "refines"

    @classmethod
    def parse(cls, text: str) -> Stance:
        key = text.strip().lower()
        for s in cls:
            if key in (s.value, s.value.rstrip("s"), s.value[:-1]):
                return s
        raise ValueError(f"unknown stance {text!r} (expected supports, refutes or refines)")


class Judgement(StrEnum):
    """The analyst's verdict on a configuration (CMOC) against its programme theory."""

    confirm = "confirm"
    refute = "refute"
    refine = "refine"


#: Last words of a job that gives the service ("link worker", "community pharmacist", "healthcare manager",
#: "practice nurse"): a manifest's role written as the team's job title is staff, whatever the job.
_JOB_HEADS = frozenset({"worker", "nurse", "doctor", "gp", "manager", "lead", "coordinator", "co_ordinator", "officer",
                        "technician", "assistant", "therapist", "practitioner", "adviser", "advisor", "navigator",
                        "connector", "champion", "clinician", "consultant", "midwife", "paramedic", "physio",
                        "chaplain", "keyworker", "counsellor", "counselor", "prescriber", "administrator",
                        "receptionist", "pharmacist", "psychologist", "dietitian", "optician", "matron", "sister",
                        "mentor", "supervisor", "governor", "warden"})


TRADE_SUFFIXES = ("ist", "ician", "itian")
"""Endings of a trade's agent noun ("pharmacist", "technician", "dietitian"): a person by their calling, read so by
a manifest's roles here and by a register's categories (:mod:`cmo_coder.anonymise.category_heads`)."""


def is_trade(word: str) -> bool:
    """Whether ``word`` (lower-cased) is a trade's agent noun: longer than five letters, ending as one does."""
    return len(word) > 5 and word.endswith(TRADE_SUFFIXES)


def _is_job(words: list[str]) -> bool:
    """A job title by its last word: a listed head, or a trade's agent noun ("-ist", "-ician")."""
    last = words[-1] if words else ""
    return last in _JOB_HEADS or is_trade(last)


#: Words that name a participant's role on their own and keep it under a word that says which kind ("young carer",
#: "unpaid carer", "parent carer", "transplant patient"): a manifest's role column was refused for "young carer".
_ROLE_HEADS = frozenset({"carer", "patient", "client", "relative", "parent", "mother", "father", "interviewer",
                         "researcher", "interpreter", "facilitator"})


class Role(StrEnum):
    """Who a participant is in the study; decides the label prefix and the attribution."""

    staff = "staff"
    service_user = "service_user"
    carer = "carer"
    facilitator = "facilitator"

    @classmethod
    def parse(cls, text: str, job_titles: bool = True) -> Role:
        """The role a manifest or a filter names. ``job_titles``: a job title ("healthcare manager") reads as
        staff, as a manifest's role column may say it; a query's filter passes False, since "manager" there
        would quietly stand for every member of staff."""
        key = "_".join(text.strip().lower().replace("-", " ").split())
        aliases = {
            "service_user": cls.service_user,
            "serviceuser": cls.service_user,
            "su": cls.service_user,
            "patient": cls.service_user,
            "client": cls.service_user,
            # an urgent care and veterans' study: who uses the service is a veteran or a caller, and the
            # family around them is a family member or a relative
            "veteran": cls.service_user,
            "caller": cls.service_user,
            "frequent_caller": cls.service_user,
            # a maternity study: the service's users are the parents, written as the team thinks of them
            "parent": cls.service_user,
            "mother": cls.service_user,
            "mum": cls.service_user,
            "father": cls.service_user,
            "dad": cls.service_user,
            # a sexual health and inclusion health study: a member of a peer group uses the service, and a
            # peer supporter or mentor gives it (trained, on a rota, often once a user of it), so speaks as staff
            "peer": cls.service_user,
            "peer_supporter": cls.staff,
            "peer_mentor": cls.staff,
            "peer_worker": cls.staff,
            "peer_support_worker": cls.staff,
            "volunteer": cls.staff,
            # a prison health study: the people the prison's health team sees are its service users
            "prisoner": cls.service_user,
            "inmate": cls.service_user,
            "outreach_worker": cls.staff,
            "staff": cls.staff,
            "practitioner": cls.staff,
            "carer": cls.carer,
            "family": cls.carer,
            "family_member": cls.carer,
            "relative": cls.carer,
            "facilitator": cls.facilitator,
            "interviewer": cls.facilitator,
            "researcher": cls.facilitator,
            # an interpreter the team brings speaks on the research side: their turns are not a participant's
            # own account, so they take the facilitator's attribution
            "interpreter": cls.facilitator,
        }
        if key in aliases:
            return aliases[key]
        words = key.split("_")
        if 1 < len(words) <= 3 and "of" not in words and words[-1] in _ROLE_HEADS:
            # a kind of carer or patient as the team writes it: "young carer", "kinship carer", "dialysis patient"
            return aliases[words[-1]]
        if job_titles and _is_job(key.split("_")):
            return cls.staff
        raise ValueError(f"unknown role {text!r} (expected staff, service_user, carer or facilitator"
                         + (", or a job title)" if job_titles else ")"))
