"""Attributions of quotations in realist reports: who said it, in what role, at which site.

Reports write the same attribution many ways, and a quote whose attribution is not
recognised loses its speaker. The forms read here, each with or without commas::

    P16, Case Study C        P16 Case Study C         (P16, Case Study C)     [SP3, site A]
    P3; P7, Case Study B     Carer, P36, Case Study B P36 (Carer) Case Study B
    SP12, Staff, Site A      — P16, Case Study C      P9, female, aged 40, Case Study A

Without a comma after the label only known words may follow (a role, a site, sex or age),
so the prose line "P16 said she was tired" is never taken for an attribution. With a
comma, free text may follow, as reports add their own detail ("P16, focus group 2").
A short line or bracket that opens with a label yet fits no form is
:func:`looks_like_attribution`: the parser reports it instead of dropping it silently.

A project whose attributions name sites its own way ("Trust B", "B Trust") passes that
form's pattern (:meth:`AttributionStyle.site_pattern`) as ``site_pattern``; it is read
beside the usual words.
"""

from __future__ import annotations

import re
from functools import lru_cache

from ..model.vocab import Role

#: label prefix → role when the attribution names none
LABEL_ROLES: dict[str, Role] = {"SP": Role.staff, "P": Role.service_user}
_LABEL = r"(?:" + "|".join(sorted(LABEL_ROLES, key=len, reverse=True)) + r")\d{1,4}"
_ROLE_WORDS: dict[str, Role] = {
    "carer": Role.carer, "family carer": Role.carer, "family member": Role.carer, "relative": Role.carer,
    "parent": Role.carer, "mother": Role.carer, "father": Role.carer,
    "staff": Role.staff, "staff member": Role.staff, "practitioner": Role.staff, "clinician": Role.staff,
    "nurse": Role.staff, "manager": Role.staff, "social worker": Role.staff, "support worker": Role.staff,
    "peer support worker": Role.staff, "psychiatrist": Role.staff, "doctor": Role.staff,
    "service user": Role.service_user, "patient": Role.service_user, "client": Role.service_user,
}
_ROLE = r"(?:" + "|".join(re.escape(w).replace(r"\ ", r"\s+") for w in sorted(_ROLE_WORDS, key=len, reverse=True)) \
    + r")"
_SITE = r"(?:case\s+study|site|ward|team|area)\s+(?P<site>[A-Z0-9]{1,3})"
_OTHER = r"(?:male|female|man|woman|aged\s+\d{1,3}|\d{2}s|age\s+\d{1,3})"



@lru_cache(maxsize=16)
def _grammar(site_pattern: str | None) -> tuple[re.Pattern[str], re.Pattern[str]]:
    """(one piece of a comma-less attribution, a site anywhere) for a project's site form."""
    extra = rf"|(?:{site_pattern})(?!\w)" if site_pattern else ""
    piece = re.compile(
        rf"(?P<label>{_LABEL})\b|\(\s*(?P<prole>{_ROLE})\s*\)|(?P<role>{_ROLE})\b|{_SITE}\b{extra}|{_OTHER}\b",
        re.IGNORECASE,
    )
    site = re.compile(r"\b" + _SITE + r"\b" + (rf"|(?<!\w)(?:{site_pattern})(?!\w)" if site_pattern else ""),
                      re.IGNORECASE)
    return piece, site


def _site_of(m: re.Match[str]) -> str | None:
    found = m["site"] or (m["xsite"] if "xsite" in m.re.groupindex else None)
    return found.upper() if found else None
_SEP_RE = re.compile(r"[\s,]*")
_DASH_RE = re.compile(r"^\s*[–—―-]+\s*")
#: the lenient form: a label, a comma, then free text with at most a "(Carer)" in brackets
_LENIENT_RE = re.compile(
    rf"^\s*(?P<label>{_LABEL})\s*,\s*(?P<rest>[^;\[\]()]*(?:\(\s*{_ROLE}\s*\)[^;\[\]()]*)?)\s*$", re.IGNORECASE,
)
_ROLE_RE = re.compile(r"\b" + _ROLE + r"\b", re.IGNORECASE)
ROLE_WORD_RE = _ROLE_RE  # a role word anywhere: what a site format must not contain
#: a label standing as a word of its own: "SP15’s view" is prose about SP15, not an attribution
_OPENS_WITH_LABEL_RE = re.compile(rf"^\s*(?:{_ROLE}\s*,?\s*)?{_LABEL}(?=$|[\s,;)\]])", re.IGNORECASE)
_MAX_LOOKALIKE = 80

Attribution = tuple[str, Role, "str | None", str]


def strip_dash(text: str) -> str:
    """``— P16, Case Study C`` → ``P16, Case Study C``."""
    return _DASH_RE.sub("", text, count=1)


def _role_of(words: str, label: str) -> Role:
    m = _ROLE_RE.search(words)
    if m:
        return _ROLE_WORDS[" ".join(m.group(0).casefold().split())]
    return LABEL_ROLES[label.rstrip("0123456789")]


def _strict(part: str, site_pattern: str | None = None) -> Attribution | None:
    """A part made only of known pieces (one label, roles, a site, sex, age), in any order."""
    piece_re = _grammar(site_pattern)[0]
    pos, label, site = 0, None, None
    text = part.strip()
    while True:
        pos = _SEP_RE.match(text, pos).end()  # type: ignore[union-attr]  # matches the empty string
        if pos >= len(text):
            break
        m = piece_re.match(text, pos)
        if m is None or m.end() == pos:
            return None
        if m["label"]:
            if label is not None:
                return None
            label = m["label"].upper()
        elif _site_of(m):
            site = _site_of(m)
        pos = m.end()
    if label is None:
        return None
    return label, _role_of(text, label), site, text


def _lenient(part: str, site_pattern: str | None = None) -> Attribution | None:
    m = _LENIENT_RE.match(part)
    if not m:
        return None
    label = m["label"].upper()
    rest = m["rest"] or ""
    site_m = _grammar(site_pattern)[1].search(rest)
    return label, _role_of(rest, label), _site_of(site_m) if site_m else None, part.strip()


def parse_attribution(text: str, site_pattern: str | None = None) -> list[Attribution]:
    """``'P29, (Carer) Case Study B; P6, Case Study C'`` → [(label, role, site, as written)], or [] if not one.

    A leading dash is dropped; every ``;``-separated part must be an attribution. A site
    written once after a list of bare labels (``P3; P7, Case Study B``) is shared by them.
    """
    out: list[Attribution] = []
    for part in strip_dash(text).split(";"):
        one = _strict(part, site_pattern) or _lenient(part, site_pattern)
        if one is None:
            return []
        out.append(one)
    # "P3; P7, Case Study B": bare labels listed before a site share it
    site = None
    for i in range(len(out) - 1, -1, -1):
        label, role, own_site, written = out[i]
        if own_site is not None:
            site = own_site
        elif written.upper() == label and site is not None:
            out[i] = (label, role, site, written)
    return out


def looks_like_attribution(text: str) -> bool:
    """A short text opening with a study label (after any dash): meant as an attribution, even if unread."""
    t = strip_dash(text).strip()
    return len(t) <= _MAX_LOOKALIKE and _OPENS_WITH_LABEL_RE.match(t) is not None and not t.endswith((".", "?", "!"))
