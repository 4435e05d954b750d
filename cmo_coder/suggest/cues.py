"""Cue phrases per component: the rule half of the suggester, as a spaCy pipeline component.

Realist coders recognise components by their wording as much as their topic: contexts are
introduced by conditions ("when", "if", "in services where", "because of"), resources are
things provided ("training", "a protocol", "we had"), responses are what people felt or
came to believe ("felt", "confident", "trust"), outcomes are results ("led to",
"resulted in", "retention"). The lists are generic realist-evaluation wording, not
mined from any study, so they work on a fresh project before any training.

The component writes its matches into ``doc.spans["cmo_cues"]`` (label = component value),
so clause splitting and features read one parse.
"""

from __future__ import annotations

from collections.abc import Iterable

from spacy.language import Language
from spacy.matcher import PhraseMatcher
from spacy.tokens import Doc, Span, SpanGroup

from ..model.vocab import Component

SPAN_KEY = "cmo_cues"

#: component → cue phrases (lower case; inflections listed because the fallback pipeline has no lemmas)
CUES: dict[Component, tuple[str, ...]] = {
    Component.context: (
        "when", "if", "whenever", "unless", "where there is", "where there was", "where there are",
        "in services where", "in areas where", "in teams where", "because of", "due to", "given that",
        "in the context of", "lack of", "a lack of", "there was no", "there is no", "there were no",
        "no access to", "historically", "culture", "policy", "policies", "commissioning", "commissioned",
        "funding", "cuts", "waiting list", "waiting lists", "caseload", "caseloads", "prevalence",
        "as long as", "at the time", "in our area", "barrier", "barriers", "thresholds", "exclusion criteria",
        "pressure", "pressures", "demand", "understaffed", "staff shortages", "turnover", "rural",
    ),
    Component.mechanism_resource: (
        "training", "trained", "protocol", "protocols", "pathway", "pathways", "we had", "we have",
        "provided", "provide", "provides", "providing", "offered", "offer", "offers", "access to",
        "support from", "joint working", "joint assessment", "assessment", "assessments", "screening",
        "supervision", "guidance", "guidelines", "care plan", "care planning", "specialist",
        "champion", "champions", "meetings", "meeting", "referral", "referrals", "resources", "tool", "tools",
        "sessions", "information", "in-reach", "liaison", "co-located", "workshop", "workshops", "teaching",
        "input from", "a worker", "key worker", "keyworker", "care co-ordinator",
        "network", "procedures", "framework", "funding for", "time for", "dedicated",
    ),
    Component.mechanism_response: (
        "felt", "feel", "feels", "feeling", "feelings", "confident", "confidence", "motivated", "motivation",
        "trust", "trusted", "trusting", "valued", "listened to", "understood", "hope", "hopeful", "optimism",
        "optimistic", "safe", "judged", "empowered", "reassured", "reassurance", "willing", "willingness",
        "ownership", "frustrated", "frustration", "anxious", "scared", "afraid", "relieved", "comfortable",
        "believe", "believed", "sceptical", "skeptical", "invested", "supported", "respected", "ashamed",
        "stigmatised", "stigmatized", "understanding", "aware", "awareness", "more able", "encouraged",
        "wanted to", "didn't want", "did not want", "buy-in", "enthusiastic", "worried", "overwhelmed",
    ),
    Component.outcome: (
        "led to", "leads to", "leading to", "lead to", "resulted in", "results in", "resulting in",
        "result in", "so they engaged", "as a result", "this meant", "which meant", "meant that",
        "ended up", "retention", "retained", "engagement", "engaged", "engage", "recovery", "outcome",
        "outcomes", "reduced", "reduction", "increased", "improved", "improvement", "improvements",
        "better", "abstinence", "abstinent", "relapse", "relapsed", "admission", "admissions",
        "readmission", "discharged", "stayed in treatment", "dropped out", "disengaged", "disengage",
        "crisis", "stable", "stability", "sober", "housed", "employment", "back to work",
        "fewer", "less likely", "more likely",
    ),
}

#: multi-word cues are more specific than single words, so they count for more
MULTIWORD_WEIGHT = 1.5


def cue_weight(phrase: str) -> float:
    return MULTIWORD_WEIGHT if " " in phrase else 1.0


class CueMatcher:
    """Marks every cue phrase in a doc; a clause's evidence is the cues inside it."""

    def __init__(self, nlp: Language, name: str = "cmo_cues", extra: dict[str, list[str]] | None = None) -> None:
        self.name = name
        self.matcher = PhraseMatcher(nlp.vocab, attr="LOWER")
        table: dict[str, list[str]] = {c.value: list(p) for c, p in CUES.items()}
        for comp, phrases in (extra or {}).items():
            table.setdefault(Component.parse(comp).value, []).extend(phrases)
        for comp, phrases in table.items():
            self.matcher.add(comp, [nlp.make_doc(p) for p in sorted(set(phrases))])

    def __call__(self, doc: Doc) -> Doc:
        spans = [Span(doc, start, end, label=match_id) for match_id, start, end in self.matcher(doc)]
        doc.spans[SPAN_KEY] = SpanGroup(doc, name=SPAN_KEY, spans=spans)
        return doc


@Language.factory("cmo_cues", default_config={"extra": None})
def make_cue_matcher(nlp: Language, name: str, extra: dict[str, list[str]] | None) -> CueMatcher:
    return CueMatcher(nlp, name, extra)


def cue_scores(cues: Iterable[tuple[str, str]]) -> dict[Component, float]:
    """Sum of cue weights per component for ``(component, phrase)`` pairs."""
    scores = {c: 0.0 for c in Component}
    for comp, phrase in cues:
        scores[Component(comp)] += cue_weight(phrase)
    return scores
