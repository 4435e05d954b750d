"""A familiar form the register derived that is also a given name of its own: removed, without the placeholder.

The register widens a registered person with familiar forms made by rule ("Sunny" of a Sunil, "Dave" of a
David), so that the person is found however they are called. Some of those forms are given names in their own
right, and in a study of many speakers they name someone else as often: a nurse nicknamed "Sunny" on the ward
read "[partner's name]" because a Sunil was registered as someone's partner. The form is still removed (it may
be the registered person), but the registered placeholder, which says who it is, is given only to forms the
team wrote (the name, its words, its aliases) and to familiar forms that are no name of their own.
"""

from __future__ import annotations

from ..folding import fold
from ..register import RegisterItem
from .words import name_lexicon


def names_someone_else(variant: str, item: RegisterItem) -> bool:
    """Whether ``variant``, a form of a registered person, is a derived given name of its own (the placeholder
    then stays generic)."""
    if item.category != "person" or not item.placeholder or " " in variant.strip():
        return False
    low = variant.lower()
    written = [item.surface, *item.aliases]
    if any(low == w.lower() for form in written for w in (form, *form.split())):
        return False
    return fold(low) in name_lexicon("first")
