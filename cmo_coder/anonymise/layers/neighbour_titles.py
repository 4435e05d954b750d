"""A plain title and a word said of someone who lives nearby: "mr marmot next door", "old mrs curie across the road".

In captions a title before an everyday word is often no name ("sister ward", "miss appointments"), so the title
rule asks the word to be a name people bear. A surname that is also a word or a public figure's ("marmot",
"curie") then fails it and the neighbour's name is left in the text. But where the words around say a person
living close by (a place next door, over the road, upstairs, at a house number) or call them "old mr", only a
person can stand there, whatever the word: the name goes. Only the plain honorifics count ("mr", "mrs", "ms",
"mister", "missus"); a role or kin title has readings of its own.
"""

from __future__ import annotations

import re

_TITLE_BEFORE = re.compile(r"(?i)(?:^|[^\w'’])(?P<old>old\s+|the\s+old\s+)?(?:mr|mrs|ms|mister|missus)\.?\s+$")
"""The plain title right before a name, with an "old" before it ("old mrs curie") when there is one."""

_NEARBY_AFTER = re.compile(
    r"(?i)^,?\s+(?:next\s+door|up\s*stairs|down\s*stairs|"
    r"(?:across|over|up|down|along)\s+the\s+(?:road|street|way|lane|landing|hall|corridor|close|street)|"
    r"round\s+the\s+corner|on\s+the\s+corner|"
    r"(?:at|from|in|of)\s+number\s+\w+|"
    r"(?:a|one|two|three|four|five|six|few|couple\s+of)\s+doors?\s+(?:down|up|along|away)|"
    r"(?:in\s+)?the\s+(?:flat|house|bungalow)\s+(?:above|below|opposite|next\s+door|over\s+the\s+road))(?![\w'’])")
"""Where a neighbour is placed after their name: "next door", "across the road", "at number six", "two doors
down", "the flat above"."""


def said_of_a_neighbour(text: str, name_start: int, name_end: int) -> bool:
    """Whether the titled name at ``name_start:name_end`` is said of a private person close by: a plain title
    before it and a neighbour's place after it, or "old" before the title ("old mrs curie")."""
    before = _TITLE_BEFORE.search(text[max(0, name_start - 24):name_start])
    if before is None:
        return False
    return before.group("old") is not None or _NEARBY_AFTER.match(text[name_end:name_end + 40]) is not None
