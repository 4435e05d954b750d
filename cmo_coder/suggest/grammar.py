"""What a clause's grammar says about its component: symbolic features from one spaCy parse.

Words alone generalise poorly to a theory the model has not seen: a new programme theory
brings new nouns. Realist components are also marked by *how* a clause is said, which
carries over from one study to the next:

- the main verb's class: feeling, believing and wanting verbs carry responses (Mresp),
  providing and training verbs carry resources (Mres), leading, improving and reducing verbs
  carry outcomes (O), existing, lacking and depending verbs carry contexts (C);
- the clause's opening word ("when", "if", "where" open contexts; "leading to", "which meant"
  open outcomes), a modal ("would", "could"), a negation, the tense;
- who the subject is (staff, service users, carers, services), since responses are people's
  and resources are services';
- where the clause stands in its sentence (a fronted condition comes first, its consequence
  after).

The verb lists are generic English, grouped by meaning before any measurement; they were not
mined from the text the default model is evaluated on. Features are plain strings such as
``"vclass=response"``, so the model's weights for them are readable. Without a tagger (the
fallback pipeline) only the opening word and the position are available.
"""

from __future__ import annotations

from collections.abc import Sequence

from spacy.tokens import Span, Token

#: verb lemma → meaning class (lemmas; spaCy's lemmatiser folds "felt", "feeling" to "feel"); each lemma in one class
VERB_CLASSES: dict[str, frozenset[str]] = {
    "response": frozenset({
        "feel", "believe", "think", "trust", "hope", "fear", "worry", "want", "wish", "value", "appreciate",
        "perceive", "recognise", "recognize", "realise", "realize", "understand", "accept", "like", "enjoy",
        "prefer", "care", "frustrate", "struggle", "doubt", "expect", "welcome", "resent", "dislike",
        "love", "hate", "motivate", "encourage", "reassure", "empower", "inspire", "discourage", "judge",
        "stigmatise", "stigmatize", "blame", "respect", "internalise", "internalize", "embrace", "resist",
        "avoid", "refuse", "fail", "shy", "engender", "gain", "learn", "own", "commit", "invest", "relate",
        "felt",  # the tagger sometimes reads "felt" before a participle as an auxiliary, left unlemmatised
    }),
    "resource": frozenset({
        "provide", "offer", "give", "deliver", "train", "supply", "fund", "implement", "introduce", "establish",
        "set", "run", "organise", "organize", "arrange", "allocate", "assign", "commission", "refer", "assess",
        "screen", "supervise", "coordinate", "co-ordinate", "share", "include", "use", "require", "need",
        "design", "develop", "build", "create", "embed", "teach", "educate", "support", "help", "advise",
        "signpost", "visit", "contact", "call", "meet", "attend", "involve", "plan", "protect", "prioritise",
        "prioritize", "formalise", "formalize", "structure", "resource", "staff", "lead",
    }),  # "lead" is a resource (leading a team) unless "to" follows: CONSEQUENCE_PREPOSITIONS
    "outcome": frozenset({
        "result", "improve", "increase", "reduce", "decrease", "enable", "allow", "achieve", "engage",
        "retain", "stay", "remain", "become", "change", "prevent", "relapse", "recover", "lower", "raise",
        "drop", "disengage", "stop", "continue", "progress", "sustain", "ensure", "promote", "foster",
        "facilitate", "contribute", "cause", "produce", "end", "succeed", "benefit", "decline", "worsen",
        "lose", "attain", "reach", "complete", "return", "mean",
    }),
    "context": frozenset({
        "exist", "lack", "vary", "depend", "face", "experience", "live", "present", "affect", "influence",
        "impact", "stem", "prevail", "differ", "occur", "happen", "limit", "constrain", "operate",
        "work", "emerge", "grow", "rise", "compete", "mandate", "restrict",
    }),
}
#: "lead to" and "result in" are outcomes, but a bare "lead" (a team) is a resource: a following preposition decides
CONSEQUENCE_PREPOSITIONS = {"lead": "to", "result": "in", "contribute": "to"}
SUBJECTS: dict[str, frozenset[str]] = {
    "staff": frozenset({
        "staff", "clinician", "professional", "practitioner", "worker", "nurse", "doctor", "psychiatrist",
        "psychologist", "therapist", "gp", "manager", "leader", "colleague", "team", "workforce", "employee",
        "consultant", "keyworker", "coordinator", "co-ordinator", "we",
    }),
    "users": frozenset({
        "user", "client", "patient", "people", "person", "individual", "participant", "service-user",
        "resident", "i", "he", "she", "adult", "youth", "member",
    }),
    "carers": frozenset({"carer", "caregiver", "family", "families", "parent", "relative", "partner", "mother",
                         "father", "mum", "dad", "son", "daughter"}),
    "services": frozenset({
        "service", "organisation", "organization", "system", "provider", "commissioner", "trust", "agency",
        "pathway", "policy", "programme", "program", "model", "approach", "protocol", "training", "intervention",
        "government", "nhs", "authority", "funding", "structure",
    }),
}
MODALS = frozenset({"would", "could", "may", "might", "will", "can", "should", "must", "shall", "'d", "’d"})
#: opening words worth a feature of their own (anything else is "other")
OPENERS = frozenset({
    "when", "if", "where", "whenever", "unless", "because", "although", "though", "while", "whilst", "since",
    "as", "once", "given", "without", "after", "before", "until", "which", "who", "that", "and", "but", "so",
    "thus", "therefore", "hence", "leading", "resulting", "meaning", "making", "then", "this", "these", "there",
    "having", "being", "by", "through", "with", "in", "for", "to", "whereas", "however",
})


def _verb_class(tok: Token) -> str | None:
    lemma = tok.lemma_.lower() or tok.lower_
    if lemma in CONSEQUENCE_PREPOSITIONS:
        prep = CONSEQUENCE_PREPOSITIONS[lemma]
        if any(c.lower_ == prep for c in tok.children) or (
            tok.i + 1 < len(tok.doc) and tok.doc[tok.i + 1].lower_ == prep
        ):
            return "outcome"
    for name, lemmas in VERB_CLASSES.items():
        if lemma in lemmas:
            return name
    return None


def _subject_class(tok: Token) -> str:
    lemma = tok.lemma_.lower()
    text = tok.lower_
    for name, words in SUBJECTS.items():
        if lemma in words or text in words:
            return name
    if tok.pos_ == "PRON":
        return "pronoun"
    return "other"


def _main_verb(span: Span) -> Token | None:
    """The clause's head verb: the highest VERB (or AUX) in the span's dependency tree."""
    verbs = [t for t in span if t.pos_ in ("VERB", "AUX")]
    if not verbs:
        return None

    def depth(t: Token) -> int:
        d = 0
        while t.head.i != t.i and d < 50:
            t = t.head
            d += 1
        return d

    return min(verbs, key=lambda t: (depth(t), t.pos_ != "VERB", t.i))


def clause_features(span: Span, index: int = 0, count: int = 1) -> tuple[str, ...]:
    """Symbolic features of one clause; ``index`` of ``count`` is its place among its sentence's clauses."""
    feats: list[str] = []
    first = next((t for t in span if t.is_alpha), None)
    opener = first.lower_ if first is not None else ""
    feats.append(f"open={opener if opener in OPENERS else 'other'}")
    feats.append("place=only" if count == 1 else "place=first" if index == 0 else
                 "place=last" if index == count - 1 else "place=middle")
    if not span.doc.has_annotation("POS"):
        return tuple(feats)
    classes = sorted({c for t in span if t.pos_ in ("VERB", "AUX") and (c := _verb_class(t)) is not None})
    feats += [f"vclass={c}" for c in classes]
    main = _main_verb(span)
    if main is not None:
        # a classless head takes the class of a mis-tagged auxiliary ("felt listened to": "felt" as AUX)
        main_class = _verb_class(main) or next(
            (c for a in main.children if a.dep_ == "aux" and (c := _verb_class(a)) is not None), None)
        plain = main.lemma_ if main.lemma_ in ("be", "have") else "other"
        feats.append(f"main={main_class or plain}")
        feats.append("tense=past" if main.tag_ in ("VBD", "VBN") or any(
            c.tag_ == "VBD" for c in main.children if c.dep_ in ("aux", "auxpass")) else "tense=nonpast")
        if any(c.dep_ == "auxpass" for c in main.children):
            feats.append("passive")
        subjects = [c for c in main.children if c.dep_ in ("nsubj", "nsubjpass", "csubj")]
        feats.append(f"subj={_subject_class(subjects[0]) if subjects else 'none'}")
    else:
        feats.append("main=none")
    if any(t.lower_ in MODALS and t.tag_ == "MD" for t in span):
        feats.append("modal")
    if any(t.dep_ == "neg" or t.lower_ in ("no", "without", "lack", "lacked", "lacking") for t in span):
        feats.append("negation")
    if any(t.pos_ == "ADJ" and t.dep_ in ("acomp", "xcomp", "oprd") for t in span):
        feats.append("predicative_adj")
    if any(t.tag_ == "JJR" or t.tag_ == "RBR" or t.lower_ in ("more", "less", "fewer") for t in span):
        feats.append("comparative")
    return tuple(feats)


#: which of a neighbour's features describe it well enough to be context ("prev:main=outcome")
CONTEXT_KINDS = ("open=", "main=", "vclass=")


def context_features(
    prev: tuple[tuple[str, ...], Sequence[tuple[str, str]]] | None,
    nxt: tuple[tuple[str, ...], Sequence[tuple[str, str]]] | None,
) -> tuple[str, ...]:
    """What the neighbouring clauses look like: a clause's component depends on what comes before and after it.

    ``prev`` and ``nxt`` are (own features, cues) of the clauses either side in the same line of
    text, or None at its start or end. Realist prose chains components ("When X, staff did Y,
    which led to Z"), so an opening condition before a clause, or a consequence after it, is
    evidence of what the clause itself is.
    """
    out: list[str] = []
    if prev is None:
        out.append("prev:start")
    else:
        out += [f"prev:{f}" for f in prev[0] if f.startswith(CONTEXT_KINDS)]
        out += [f"prevcue:{comp}" for comp in sorted({c for c, _ in prev[1]})]
    if nxt is None:
        out.append("next:end")
    else:
        out += [f"next:{f}" for f in nxt[0] if f.startswith(CONTEXT_KINDS)]
    return tuple(out)


def own(features: Sequence[str]) -> tuple[str, ...]:
    """A clause's own features, without those describing its neighbours."""
    return tuple(f for f in features if not f.startswith(("prev:", "prevcue:", "next:")))
