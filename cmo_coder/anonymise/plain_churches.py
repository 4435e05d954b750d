"""Churches named with an everyday adjective: "the recovery café at the Old Parish", "the New Kirk", "the Wee
Chapel on the brae", "the Auld Kirk hall".

A congregation named by what it is and a plain adjective (old, new, auld, wee, little, high, low, east, west,
free, united) has no saint's or place's name for a list or the model to read, yet locally it names one
building as surely as "St Brecan's": where a group meets, and so where a participant goes. In cased text the
capitals say a name ("the Old Parish", not "the old parish records"); in captions only a place's frame does:
a preposition of going or being there ("at", "to", "from", "near", "round", "by the old parish") then a pause
or a word that ends the phrase ("at the old parish on fridays"), or a hall, café or centre after it ("the new
parish hall"). "The parish" alone, "in the old parish" (a district in history) and "at the old parish
records" stay. The word lists here were written for the project.
"""

from __future__ import annotations

import re

from .candidates import Candidate

_ADJECTIVES = r"(?:old|new|auld|wee|little|high|low|east|west|north|south|upper|lower|free|united|central)"
_KINDS = r"(?:parish|kirk|chapel|church|meeting\s+house|mission|tabernacle|abbey|priory|minster|gospel\s+hall)"
_CASED = re.compile(r"\b(?:the|The)\s+((?:Old|New|Auld|Wee|Little|High|Low|East|West|North|South|Upper|Lower|Free|"
                    r"United|Central)\s+(?:Parish(?:\s+Church)?|Kirk|Chapel|Church|Meeting\s+House|Mission|"
                    r"Tabernacle|Abbey|Priory|Minster|Gospel\s+Hall))\b")
_PHRASE_ENDS = (r"(?=\s*$|\s*[,.;!?]|\s+(?:and|or|on|in|for|with|was|is|every|last|this|where|when|that|"
                r"which|after|before|at|to|near|round|but|so|because|cos|yesterday|today|tonight|then|now|i|we|"
                r"she|he|they|you|it|my|me)\b)")
_FRAMED = re.compile(r"(?i)\b(?:(?:at|to|from|near|round|by|outside|behind|opposite)\s+the\s+(" + _ADJECTIVES + r"\s+"
                     + _KINDS + r")" + _PHRASE_ENDS + r"|the\s+(" + _ADJECTIVES + r"\s+" + _KINDS
                     + r")(?=\s+(?:hall|halls|café|cafe|centre|center|church|rooms|car\s+park|steps)\b))")


def candidates(text: str, segment: tuple[int, int], caseless: bool) -> list[Candidate]:
    """Church candidates for an everyday adjective and a kind of church said as a name (module doc), in the turn
    ``text[segment[0]:segment[1]]`` read as ``caseless`` (captions: the frame decides) or cased (the capitals
    do); offsets into ``text``."""
    out: list[Candidate] = []
    low = text[segment[0]:segment[1]].lower()
    if not any(k in low for k in ("parish", "kirk", "chapel", "church", "meeting", "mission", "tabernacle", "abbey",
                                  "priory", "minster", "gospel")):
        return out
    if not caseless:
        for m in _CASED.finditer(text, *segment):
            out.append(Candidate(m.start(1), m.end(1), "church", "rules", 0.95, "a church named with a plain word"))
        return out
    for m in _FRAMED.finditer(text, *segment):
        group = 1 if m.group(1) is not None else 2
        out.append(Candidate(m.start(group), m.end(group), "church", "rules", 0.9, "a church named with a plain word"))
    return out
