"""The analyzer's layers: one module per spaCy pipeline component, each registered with
``@Language.factory`` when its module is imported (importing this package imports them all).

Each layer appends :class:`~cmo_coder.anonymise.candidates.Candidate` objects to
``doc._.cmo_candidates`` and never edits the text, so every offset any layer reports indexes
the original string. The allow-list runs last and removes what must stay. Layers are separate
components so a project can swap the statistical model, drop a layer, or add its own (spaCy's
registry) without touching the rest. Pipeline order (see ``pipeline.build_language``):
``cmo_caseflag`` (state), the model's tagger, ``cmo_pos`` (its parts of speech, by table),
``cmo_ner``, ``cmo_register``, ``cmo_sound_alike``, ``cmo_rules``,
``cmo_places``, ``cmo_lexicon``, ``cmo_sites``, ``cmo_person_cues``, ``cmo_bynames``, ``cmo_allowlist``.
"""

from . import (  # noqa: F401  (register the factories)
    allowlist,
    bynames,
    cues,
    lexicon,
    ner,
    places,
    pos,
    register,
    rules,
    sites,
    sound_alike,
    state,
)
