"""An event named after a town that goes is removed whole, as "[event]".

"We went to Brighton Pride last summer" where the team registered Brighton (or it is a site): the event is public,
but its first word is the registered town, and the register always wins, so what was left read "[city name] Pride":
a reader learns the speaker's town holds an event of that name, which with a site's region narrows it to a few
towns, as "[town] FC" did for a football club. The step that decides it is the one for every public name holding a
town (:mod:`.town_names`: events, clubs, dishes and charities' local branches); this module keeps the event's
placeholder and that step's name where events were settled before.
"""

from __future__ import annotations

from .town_names import EVENT as PLACEHOLDER
from .town_names import settle

__all__ = ["PLACEHOLDER", "settle"]
