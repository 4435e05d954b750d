"""Apps, platforms and clinical systems no list holds, known by how people speak of using them.

New apps appear every year and every trust buys its own system, so the platform list
(``cmo_coder/data/public_names/platforms.txt``) is always behind. What people say around them is not:
"I sold it on Depop", "he messaged me on Discord", "download Flo", "log into Patchs", "the Docobo box",
"the iPlato texts", "the Medway system". The statistical model reads such a word as a person or an
organisation, as it has never seen it. This module keeps the word in those frames:

* a head word after it that only software and devices have ("app", "system", "account", "portal",
  "texts", "notifications", "login"), with nothing possessive between ("Sharon's account" is hers);
* a verb of installing or signing in before it ("download", "installed", "log into", "signed up to"),
  the verb kept with it;
* "on", "via", "through" or "using" after a verb of posting, selling, messaging or being online ("she's
  on", "posted it on", "sold my bike on", "messaged me on", "I saw it on"), for a word that no name list
  holds and no dictionary has: "it's on Dave" and "through Sharon at reception" stay people.

A word that names a town or place is never kept here ("the Leeds system" is a place's services), and
registered names always win, as everywhere in the allow-list.
"""

from __future__ import annotations

import re

from spacy.tokens import Doc

from .public_bodies import _lows
from .public_runs import family_name_risk
from .state import indices_among
from .words import in_dictionary, name_lexicon, place_names

HEADS = frozenset({"app", "apps", "system", "systems", "account", "accounts", "portal", "software", "platform",
                   "website", "login", "logins", "password", "notification", "notifications", "text", "texts",
                   "reminder", "reminders", "alert", "alerts", "feed", "profile", "server", "channel", "dashboard",
                   "template", "templates", "module", "inbox", "device", "box", "notes", "records", "record"})
"""What only software and devices have: "the Docobo box", "the Cerner notes", "the Flo app"."""
INSTALL = frozenset({"download", "downloaded", "downloading", "install", "installed", "installing", "uninstalled",
                     "deleted", "reinstalled"})
"""Verbs whose object is an app ("download Flo")."""
SIGN_IN = frozenset({"log", "logged", "logging", "logs", "sign", "signed", "signing", "signs", "login"})
_SIGN_IN_LINKS = frozenset({"into", "onto", "on", "in", "up", "to", "for", "with"})
USE = frozenset({"'s", "is", "was", "are", "'m", "am", "'re", "were", "be", "been", "being", "always", "still",
                 "constantly", "all", "posted", "post", "posting", "posts", "put", "putting", "puts", "saw", "seen",
                 "see", "read", "found", "message", "messaged", "messages", "messaging", "dm", "dmd", "dm'd",
                 "chat", "chatted", "chatting", "sold", "selling", "sell", "sells", "bought", "buying", "advertised",
                 "advertise", "shared", "share", "sharing", "stream", "streams", "streamed", "streaming", "live",
                 "follow", "followed", "following", "it", "them", "me", "him", "her", "us", "you", "stuff", "things",
                 "bike", "clothes", "photos", "pictures", "pics", "videos", "video", "booked", "book", "ordered",
                 "order", "uploaded", "upload", "watched", "watch", "watching", "went", "go", "goes", "online",
                 "met", "meet", "meeting", "dating", "matched", "write", "writes", "wrote", "writing", "stories",
                 "story", "reads", "reading", "games", "gaming", "talk", "talks", "talking", "talked", "texted",
                 "texting", "sent", "send", "sends", "sending", "group", "groups", "voice", "notes", "music",
                 "songs", "podcasts", "listen", "listens", "listening", "scrolling", "scroll", "blocked",
                 "block", "reported", "finds", "find", "groomed", "bullied", "trolled", "abuse", "listed",
                 "advert", "ad", "ads", "everything", "something", "anything", "nothing"})
"""Words before "on X" that make X somewhere people post, sell, message or spend time."""
_LINKS = frozenset({"on", "onto", "via", "through", "using"})
_DETERMINERS = frozenset({"the", "a", "an", "that", "this", "every", "each", "some", "no"})
_WORD = re.compile(r"[^\W_][\w+’'-]*")
_BEFORE = INSTALL | _SIGN_IN_LINKS | _LINKS
"""The words one of which stands right before a word kept other than by a head after it (none has an
apostrophe, so ``lower_`` and :func:`_low` agree on them)."""


def _low(doc: Doc, i: int) -> str:
    return doc[i].lower_.replace("’", "'") if 0 <= i < len(doc) else ""


def _product_shaped(doc: Doc, i: int, caseless: bool) -> bool:
    """A word that could be a product's name: not a function word, not a place, capitalised in cased text."""
    tok = doc[i]
    if not _WORD.fullmatch(tok.text) or tok.is_stop or tok.lower_ in place_names():
        return False
    return caseless or not tok.text.islower()


def _unknown(doc: Doc, i: int) -> bool:
    """No name list holds the word and no dictionary has it ("Depop", "Nextdoor", "Vinted")."""
    low = _low(doc, i)
    return low not in name_lexicon("all") and not in_dictionary(low)


CHAT_HEADS = frozenset({"group", "chat", "chats", "call", "calls", "video", "videos", "live", "lives", "page", "pages",
                        "post", "posts", "message", "messages", "story", "stories", "subscription", "premium",
                        "marketplace", "reels", "streak", "streaks", "handle", "username"})
"""What a platform has after its name and a person seldom has with no possessive ("a Teams call", "her
Snapchat streak"): only for a word that is no given name and no word a family's name may be ("a Mo call",
"the Okonkwo group chat" are checked as any name; "Nextdoor" needs the frames above)."""


ONLINE_ONLY = frozenset({"posted", "post", "posting", "posts", "message", "messaged", "messages", "messaging", "dm",
                         "dmd", "dm'd", "chatted", "chatting", "sold", "selling", "sell", "sells", "advertised",
                         "shared", "sharing", "streamed", "streaming", "follow", "followed", "following", "uploaded",
                         "upload", "met", "matched", "dating", "stories", "texted", "texting", "scrolling", "blocked",
                         "groomed", "trolled", "online", "photos", "pics", "videos", "clothes", "games", "gaming",
                         "songs", "podcasts", "listed"})
"""Words before "on X" that say it is online, not a street or a place one lives on or goes to ("messaged me
on", "sold my clothes on"; not "we live on", "he went on")."""


_OBJECTS = frozenset({"me", "him", "her", "us", "them", "it", "you", "stuff", "things", "everything"})


def _unlisted_word(doc: Doc, i: int, caseless: bool) -> bool:
    """No name list holds the word, and either no dictionary has it ("Depop", "Vinted") or, in cased text, it
    is capitalised mid-sentence after a word of being online, so a product's name ("met him on Hinge",
    "messaged me on Signal"): "it's on Dave" stays Dave, "we live on Thistledown" a street."""
    if _unknown(doc, i):
        return True
    return (not caseless and doc[i].text[:1].isupper() and _low(doc, i) not in name_lexicon("all")
            and _low(doc, i) not in place_names() and (_low(doc, i - 2) in ONLINE_ONLY or (
                _low(doc, i - 2) in _OBJECTS and _low(doc, i - 3) in ONLINE_ONLY)))


def platform_spans(doc: Doc, caseless: bool) -> list[tuple[int, int]]:
    """Character spans of words said as apps, platforms or systems (see the module doc)."""
    out = []
    # only a word beside a head, a verb of installing or a link can be kept (a Token costs to make)
    beside = {k - 1 for k in indices_among(doc, HEADS | CHAT_HEADS) if k > 0}
    beside.update(k + 1 for k in indices_among(doc, _BEFORE) if k + 1 < len(doc))
    for i in sorted(beside):
        tok = doc[i]
        if not _product_shaped(doc, i, caseless):
            continue
        nxt, prev = _low(doc, i + 1), _low(doc, i - 1)
        start = i
        if nxt in HEADS and (prev in _DETERMINERS or _unknown(doc, i)):
            pass  # "the Docobo box", "the Flo app"; "Sharon texts me" is Sharon
        elif nxt in CHAT_HEADS and prev in _DETERMINERS and _unlisted_word(doc, i, caseless) \
                and _low(doc, i) not in name_lexicon("first") and not family_name_risk(doc, _lows(doc), i, i + 1):
            pass  # "a Teams call", "the Nextdoor group chat"
        elif prev in INSTALL:
            start = i - 1  # "download Flo": the verb with it, as the model reads "Download Flo" as one name
        elif prev in _SIGN_IN_LINKS and (_low(doc, i - 2) in SIGN_IN or (
                _low(doc, i - 2) in _SIGN_IN_LINKS and _low(doc, i - 3) in SIGN_IN)):
            pass  # "log into Patchs", "signed up to Nextdoor", "logged on to Airmid"
        elif prev in _LINKS and _low(doc, i - 2) in USE and _unlisted_word(doc, i, caseless) \
                and nxt not in {"'s", "'"}:
            pass  # "she's on Snapchat", "I sold my bike on Depop", "messaged me on Discord"
        else:
            continue
        out.append((doc[start].idx, tok.idx + len(tok)))
    return out
