"""Coarse parts of speech from the tagger's fine tags, by table instead of the model's attribute ruler."""

from __future__ import annotations

from typing import Any

import numpy
from spacy.attrs import IS_SPACE, LOWER, POS, TAG
from spacy.language import Language
from spacy.tokens import Doc


class PosTable:
    """``pos_`` for every token from (tag, lower-cased word) or the tag alone.

    The layers read ``pos_`` only. The model's ``attribute_ruler`` sets it, with morphology and
    lemmas nobody here reads, by running a ``Matcher`` over every turn: about a tenth of the
    anonymiser's time on an interview's many short turns. Its POS patterns are one-token
    patterns on the tag, the word and whether it is a space (those that also ask for a
    dependency label cannot match: the parser is not loaded), so a dictionary gives the same
    answer. :func:`table_from_ruler` refuses patterns it cannot express, and the pipeline then
    keeps the model's ruler.
    """

    def __init__(self, by_tag: dict[str, str], by_tag_word: dict[tuple[str, str], str],
                 space_tag: str | None, strings: Any) -> None:
        self._by_tag = {strings.add(t): strings.add(p) for t, p in by_tag.items()}
        self._by_tag_word = {(strings.add(t), strings.add(w)): strings.add(p) for (t, w), p in by_tag_word.items()}
        self._space_tag = strings.add(space_tag) if space_tag else None
        self._space, self._other = strings.add("SPACE"), strings.add("X")

    def __call__(self, doc: Doc) -> Doc:
        if not len(doc):
            return doc
        rows = doc.to_array([TAG, LOWER, IS_SPACE]).tolist()
        pos = numpy.zeros((len(rows), 1), dtype="uint64")
        for i, (tag, low, space) in enumerate(rows):
            if space:
                pos[i, 0] = self._space
            elif tag == self._space_tag:
                pos[i, 0] = self._other  # the space tag given to something else: X
            else:
                pos[i, 0] = self._by_tag_word.get((tag, low)) or self._by_tag.get(tag, 0)
        doc.from_array([POS], pos)  # type: ignore[arg-type]  # thinc types Ints2d as its own alias
        return doc


def table_from_ruler(patterns: list[dict[str, Any]]) -> tuple[dict[str, str], dict[tuple[str, str], str],
                                                              str | None] | None:
    """The ruler's POS patterns as tables, or ``None`` when one of them is not a one-token pattern
    on tag, word and space (a rule a table cannot hold)."""
    by_tag: dict[str, str] = {}
    by_tag_word: dict[tuple[str, str], str] = {}
    space_tag: str | None = None
    for rule in patterns:
        pos = rule["attrs"].get("POS")
        if pos is None:
            continue
        for pattern in rule["patterns"]:
            if any("DEP" in token for token in pattern):
                continue  # needs the parser, which the anonymiser does not load: never matches
            if len(pattern) != 1:
                return None
            token = dict(pattern[0])
            if "IS_SPACE" in token:
                is_space = token.pop("IS_SPACE")
                if is_space is True and not token and pos == "SPACE":
                    continue  # every space token is SPACE, whatever its tag: built into the table
                if is_space is False and set(token) == {"TAG"} and isinstance(token["TAG"], str) and pos == "X":
                    space_tag = token["TAG"]  # the space tag on a token that is no space
                    continue
                return None
            if not set(token) <= {"TAG", "LOWER"} or "TAG" not in token:
                return None
            tags = _values(token["TAG"])
            words = _values(token["LOWER"]) if "LOWER" in token else None
            if tags is None or ("LOWER" in token and words is None):
                return None
            for tag in tags:
                if words is None:
                    by_tag[tag] = pos
                else:
                    by_tag_word.update({(tag, word): pos for word in words})
    return by_tag, by_tag_word, space_tag


def _values(spec: object) -> list[str] | None:
    if isinstance(spec, str):
        return [spec]
    if isinstance(spec, dict) and set(spec) == {"IN"} and all(isinstance(v, str) for v in spec["IN"]):
        return list(spec["IN"])
    return None


@Language.factory("cmo_pos", default_config={"ruler": "attribute_ruler"})
def make_pos(nlp: Language, name: str, ruler: str) -> PosTable:
    tables = table_from_ruler(nlp.get_pipe(ruler).patterns)  # type: ignore[attr-defined]
    if tables is None:
        raise ValueError(f"the patterns of {ruler!r} are more than a table of tags and words")
    return PosTable(*tables, strings=nlp.vocab.strings)
