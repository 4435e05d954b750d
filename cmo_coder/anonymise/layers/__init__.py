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

A layer function that searches a whole turn with a pattern whose every match begins at one of a few words names
those words with :func:`.cue_scan.register_cues` and searches with :func:`.cue_scan.cued_finditer` (or
``cued_search``): the turn's cue words are found once and shared, and the pattern is tried only where they stand
(``cue_scan``'s docstring says what a pattern must be to join, and ``tests/test_anonymise_cue_scan.py`` how each
pattern that joined is shown to find what its whole-turn search finds).
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
