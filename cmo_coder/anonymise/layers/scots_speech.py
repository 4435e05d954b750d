"""Words of Scots speech that the statistical model reads as names: a negative auxiliary opening a sentence.

"Dinna put that in", "Didnae matter": Scots writes the negative onto the verb ("dinna", "canna", "couldnae"), and
a capitalised word the English model has never seen, opening a sentence before a verb, is what it reads as a
person. No one is called so. The forms are built from the auxiliaries and the two endings Scots writes ("-na",
"-nae"), with the spellings transcribers use for the north-east and the central belt (written for the project
from how the speech is written, not from any list).
"""

from __future__ import annotations

_AUXILIARIES = ("din", "does", "dis", "did", "can", "could", "coud", "cud", "would", "wid", "wud", "should",
                "shid", "shud", "will", "win", "wull", "is", "was", "wis", "wur", "were", "have", "hav", "huv", "has",
                "had", "hud", "must", "micht", "might", "need", "dare")
_ENDINGS = ("na", "nae", "ny")

SCOTS_NEGATIVES = frozenset(a + e for a in _AUXILIARIES for e in _ENDINGS) - {"canny", "hasna", "isna"}
"""Scots negative auxiliaries ("dinna", "canna", "didnae", "wisnae", "couldna"). Left out are the forms that are
also a word or a given name ("a canny lad"; Hasna, Isna), for the other layers to read, and "do"'s and "am"'s
(Dona, Amna)."""


def scots_negative(word: str) -> bool:
    """``word`` is a Scots negative auxiliary, in any casing ("Dinna", "DIDNAE")."""
    return word.lower() in SCOTS_NEGATIVES
