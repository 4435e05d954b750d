"""A development set for people nobody registered, said in speech and read as lower-cased captions.

Why a set of its own: automatic captions lose the capital letter that tells "Storm" (a child) from "a storm"
(the weather), and the people a study's register never lists are the ones a participant names in passing:
family, friends, neighbours, workers. Two kinds suffer most once the case is gone: given names no census or
forename list holds (Scots, Irish and Welsh Gaelic names, Polish, Romanian, Lithuanian, Portuguese, Nigerian,
Ghanaian, Zimbabwean, Somali, Pakistani, Bangladeshi, Punjabi, Chinese, Filipino, Caribbean and Traveller
names; short ones of two to four letters, nicknames) and names that are English words ("Storm", "River",
"Sky", "Rain", "Bear", "Blessing", "Precious", "Marvel", "Sunny"). This set is written for these kinds alone,
before any rule for them was written, and split in two halves at once:

- ``caption_people/tune/``: the half rules may be tuned on (read its misses, write a rule, measure again);
- ``caption_people/held/``: the held-back half, measured once at the end of each step and never read for
  misses.

Each half has eight short one-to-one sessions (carers, service users, staff; Glasgow, Bradford, the south
Wales valleys, the east Midlands, Manchester, a Traveller site and Cardiff in the first; west Belfast, the
west Midlands, the Highlands, Leeds, east London, a Traveller site and north Wales in the second), each name
said once or twice, opening a sentence or inside one. Beside the names stand everyday uses of the same words,
marked as the negative kind ``everyday`` that must stay ("a storm last night", "down by the river", "ola" as
a greeting, "a bear of a day", "a blessing"): a removal that touches one counts as a public word removed, so
a rule that catches a name by catching the word everywhere shows up at once.

Every session is written cased with a caption format, so ``benchmarks/anonymise.py --set caption-people-tune``
(or ``caption-people-held``) reports both casings, the captions being the row this set is for. The source
format, manifest and register are the hand-written set's (``handwritten.py`` builds it, with this set's
:data:`MARKUP`). All people and study sites are invented; the text is the project's own and shares its
licence.
"""

from __future__ import annotations

import sys
from pathlib import Path

sys.path.insert(0, str(Path(__file__).resolve().parent))
import handwritten as hw  # noqa: E402

SOURCE = Path(__file__).resolve().parent / "caption_people"
HALVES = hw.SPLIT_HALVES
EVERYDAY = "everyday"
MARKUP = hw.Markup(negative_kinds=hw.NEGATIVE_KINDS | {EVERYDAY})


THIRD = "third"
"""A third part written as captions keep speech (hesitations, repeats, restarts), never tuned on."""


def load_half(half: str) -> hw.Study:
    """One half of the set, or :data:`THIRD`; an unknown half is refused by name.

    The third part (``caption_people/third/``) was written after the halves and before any rule for disfluent
    speech: the halves are clean prose, while automatic captions keep the hesitations and repairs of speech
    ("I spoke to um to Dean", "me and like me and Jodie", "it was er it was Nadia who", a sentence started
    again), and each frame a layer reads for a person (a speech verb after the name, "me and X", "my worker
    X") can break when one sits inside it. Its eight sessions are set in regions the halves did not use
    (Bristol, Sheffield, Dundee, south Armagh), with single given names of many origins, diminutives,
    word-names, surnames alone and titled names, beside everyday uses of the same words. It is run only to
    measure, never read for misses.
    """
    if half == THIRD:
        return hw.load_study(SOURCE / THIRD, MARKUP)
    return hw.load_half("caption people", SOURCE, MARKUP, half)


if __name__ == "__main__":
    for h in (*HALVES, THIRD):
        print(f"{h}:")
        hw.describe(load_half(h))
