"""How a project's attributions name a site: ``Case Study C`` (the RECO default), ``Site 2``, ``Trust B``, or nothing.

Realist reports attribute each quote ("P36, (Carer) Case Study B"), and each study names
its sites its own way. The format is a project setting kept in the ``meta`` table under
:data:`META_KEY`, with ``{site}`` where the site's letter or number goes; an empty format
leaves the site out. Every place that prints an attribution asks the project's
:class:`AttributionStyle`, and the attribution parser reads the same form back, so a
report written in a project's style can be imported into it again.
"""

from __future__ import annotations

import re
from dataclasses import dataclass

from ..errors import CmoError
from ..model.participant import DEFAULT_SITE_FORMAT, Participant
from ..store import Project
from .attribution import ROLE_WORD_RE

META_KEY = "attribution_site_format"
_MAX = 40
_FORBIDDEN = set(",;()[]{}\n\r\t")


@dataclass(frozen=True)
class AttributionStyle:
    """A project's site format (``{site}`` once, or empty for attributions without a site)."""

    site_format: str = DEFAULT_SITE_FORMAT

    @classmethod
    def parse(cls, text: str) -> AttributionStyle:
        """Check a format an analyst typed; the error says what is wrong with it."""
        value = " ".join(text.split())
        if not value or value.lower() in ("none", "-"):
            return cls("")
        if value.count("{site}") != 1:
            raise CmoError(f"attribution format {text!r} must hold {{site}} once (e.g. 'Site {{site}}'), "
                           "or be empty for attributions without a site")
        if len(value) > _MAX:
            raise CmoError(f"attribution format {text!r} is longer than {_MAX} characters")
        rest = value.replace("{site}", "")
        bad = sorted(set(rest) & _FORBIDDEN)
        if bad:
            raise CmoError(f"attribution format {text!r} must not contain {' '.join(bad)} "
                           "(attributions use , ; and brackets to separate their parts)")
        if re.search(r"\w\{site\}|\{site\}\w", value):
            raise CmoError(f"attribution format {text!r}: {{site}} must stand apart from letters and digits "
                           "(e.g. 'Site {site}' or 'Site-{site}'), or the site could not be read back")
        role = ROLE_WORD_RE.search(rest)
        if role:
            raise CmoError(f"attribution format {text!r} uses a role word ({role[0]!r}); "
                           "attributions would read it as the speaker's role")
        if not re.search(r"[^\W\d_]", rest):
            raise CmoError(f"attribution format {text!r} needs a word around {{site}}, e.g. 'Site {{site}}', "
                           "so a site reads as a site and not as part of the label")
        return cls(value)

    def site_name(self, site: str | None) -> str | None:
        return Participant(label="X", role="staff", site=site).site_name_in(self.site_format) if site else None

    def attribution(self, participant: Participant) -> str:
        return participant.attribution_in(self.site_format)

    @property
    def shown(self) -> str:
        return self.site_format or "(no site)"

    def site_pattern(self) -> str | None:
        """A regular expression (group ``xsite``) reading this format's site back; None for no site."""
        if not self.site_format:
            return None
        escaped = re.escape(self.site_format)  # escapes spaces as "\ " and braces as "\{"
        return escaped.replace(r"\ ", r"\s+").replace(r"\{site\}", r"(?P<xsite>[A-Z0-9]{1,3})")

    def strip_site(self, text: str) -> str:
        """``Site 2`` → ``2``; ``Case Study B`` → ``B`` in every project; anything else as typed."""
        key = text.strip()
        for fmt in (self.site_format, DEFAULT_SITE_FORMAT):
            if not fmt:
                continue
            before, after = fmt.split("{site}")
            if key.lower().startswith(before.lower()) and key.lower().endswith(after.lower()) and \
                    len(key) > len(before) + len(after):
                return key[len(before): len(key) - len(after)].strip()
        return key


DEFAULT_STYLE = AttributionStyle()


def style_of(project: Project) -> AttributionStyle:
    """The project's attribution style (the RECO default until ``config … attribution`` sets one)."""
    raw = project.meta(META_KEY)
    return DEFAULT_STYLE if raw is None else AttributionStyle(raw)


def set_style(project: Project, text: str, actor: str | None = None) -> AttributionStyle:
    """Store a new site format, audit-logged (so cached quote indexes know the project changed)."""
    style = AttributionStyle.parse(text)
    with project.transaction(actor) as tx:
        tx.set_meta(META_KEY, style.site_format)
        tx.audit("set", "setting", "attribution", {"site_format": style.site_format})
    return style
