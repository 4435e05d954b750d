"""Social-media handles, usernames and personal pages, typed or said: "@kaz_m", "her insta is kaz underscore m",
"on tiktok she's kazzy_m_99", "my gamertag's DeadlyDave77", "facebook.com/lee.rawcliffe".

A handle finds one person as surely as a phone number does, and people give them freely when they talk
about support groups, online abuse or keeping in touch. Three shapes are told apart:

* typed, proof by shape alone: "@" then a name ("@kaz_m", not "@ the centre", "@6pm"); a word joined by
  underscores ("brummie_boy_86"); a Discord tag ("mothqueen#4412"); the address of a personal page on a
  social site ("facebook.com/…", "linkedin.com/in/…", "youtube.com/@…", "….wordpress.com");
* typed after a platform cue, in the same sentence: a word mixing letters and digits or with a capital
  inside it ("DeadlyDave77", "xXShadowXx", "kez.beauty.studio");
* said after a platform cue and a link word ("insta is", "snap, it's", "on facebook as", "gamertag's",
  "username was"): the words that follow, joined by "underscore", "dot", "dash", with spelt letters and
  numbers, up to the first word that ends a name (a stop word not after a joining word, punctuation). One
  everyday word alone is no handle ("my insta is private", "on facebook as well").

Campaign hashtags ("#StopTheStigma") and public sites ("nhs dot uk", "www.gov.uk/…") stay: they name no
one. Said e-mail addresses are :mod:`.said_identifiers`' job.
"""

from __future__ import annotations

import re
from collections.abc import Iterator

from spacy.lang.en.stop_words import STOP_WORDS

from ..turn_text import turn_text
from .said_numbers import NUMBER_WORDS
from .words import is_everyday, name_lexicon

Found = tuple[int, int]

_PLATFORM = (r"(?:insta(?:gram)?|ig|snap(?:chat)?|tik\s?tok|twitter|facebook|fb|discord|reddit|youtube|twitch|"
             r"xbox|psn|playstation|steam|threads|bluesky|mastodon|tumblr|pinterest|etsy|depop|vinted|ebay|"
             r"linkedin|whatsapp|telegram|kik|onlyfans|gamer\s?tag|user\s?name|screen\s?name|handle|"
             r"account\s+name|channel)")
_KIND = r"(?:\s+(?:name|handle|tag|id|account|username|user\s+name|page|channel))?"
_LINK = (r"(?P<link>(?:['’]s)?(?:[\s,:]+(?:is|was|it['’]?s|its|she['’]s|he['’]s|i['’]m|they['’]re|as|at|just|"
         r"like|called|erm|um|er|under|by)(?=[\s,:]))*[\s,:]+)")
_WHERE = r"(?:\s+(?:on|for)\s+(?:the\s+|that\s+|my\s+)?[\w-]+)?"
"""Where the name is used, between the cue and its link: "my user name on the forum is …"."""
_SAID_CUE = re.compile(r"(?i)\b" + _PLATFORM + _KIND + _WHERE + _LINK)
"""A platform or account word, then link words: where a said handle starts."""
_LINK_WORDS = re.compile(r"(?i)['’]s|is|was|it['’]?s|its|she['’]s|he['’]s|i['’]m|they['’]re|as|at|called|by")
_GOES_BY = re.compile(r"(?i)\b(?:goes\s+by|known\s+as|post(?:s|ing)?\s+as|search\s+for|add\s+me,?\s+i['’]m|"
                      r"he['’]s|she['’]s|i['’]m)\s+$")
_PLATFORM_KEYS = ("insta", "ig", "snap", "tik", "twitter", "facebook", "fb", "discord", "reddit", "youtube",
                  "twitch", "xbox", "psn", "playstation", "steam", "threads", "bluesky", "mastodon", "tumblr",
                  "pinterest", "etsy", "depop", "vinted", "ebay", "linkedin", "whatsapp", "telegram", "kik",
                  "onlyfans", "gamer", "user", "screen", "handle", "account", "channel")
"""A substring of every platform word: most turns hold none, and one pass over these turns them away."""
_PLATFORM_NEAR = re.compile(r"(?i)\b" + _PLATFORM + r"\b")
_AT = re.compile(r"(?<![\w@.])@(?P<name>[A-Za-z0-9_](?:[A-Za-z0-9_.]{0,28}[A-Za-z0-9_])?)(?![\w@])")
_UNDERSCORED = re.compile(r"(?<![\w@.#/])[A-Za-z0-9]+(?:[_.][A-Za-z0-9]+)*_[A-Za-z0-9]+(?:[_.][A-Za-z0-9]+)*"
                          r"(?![\w@])")
_DISCORD = re.compile(r"(?<![\w@#])[A-Za-z0-9_.]{2,32}#\d{4}(?!\w)")
_PAGE = re.compile(
    r"(?i)(?<![\w@/.])(?:https?://)?(?:www\.|m\.)?"
    r"(?:(?:facebook|instagram|tiktok|twitter|x|youtube|twitch|linkedin|reddit|threads|pinterest|etsy|"
    r"onlyfans|snapchat)\.com/(?:in/|user/|u/|@|c/|channel/|add/)?[A-Za-z0-9_.@-]+(?:/[A-Za-z0-9_.-]+)?"
    r"|[A-Za-z0-9-]+\.(?:wordpress|blogspot|substack|tumblr|wixsite|weebly)\.com(?:/[A-Za-z0-9_./-]*)?)")
_SAID_PAGE = re.compile(r"(?i)\b[a-z0-9]+(?:\s+dot\s+[a-z0-9]+)*\s+dot\s+(?:wordpress|blogspot|substack|tumblr|"
                        r"wixsite|weebly)\s+dot\s+com\b")
_SHAPED = re.compile(r"(?<![\w@#/])(?=[A-Za-z0-9._]*[A-Za-z])(?:[A-Za-z]+\d+[A-Za-z0-9]*|[a-z]+[A-Z][A-Za-z0-9]*"
                     r"|[A-Za-z][A-Za-z0-9]*(?:\.[A-Za-z0-9]+)+)(?![\w@])")
"""Typed words that look like a username: letters then digits, a capital inside, dots inside."""
_BEFORE_PLATFORM = re.compile(
    r"(?i)\b(?:i['’]?m|i\s+am|she['’]s|he['’]s|they['’]re|we['’]re|it['’]s|called|as|at|under|follow|add|search"
    r"(?:\s+for)?|look\s+up|find|type\s+in)\s+(?:me\s+)?(?P<handle>[a-z0-9][\w'’.-]*(?:\s+[\w'’.-]+){0,5}?)\s+on\s+"
    r"(?:the\s+|my\s+|her\s+|his\s+)?" + _PLATFORM + r"\b")
"""A handle said before its platform: "she's kazzabee on insta", "find me at jenny dot tee on insta", "add
dazzlerk on snap"."""
_SAID_AT = re.compile(r"(?i)\b(?:find|add|follow|message|dm|tag|search\s+for)\s+(?:me|her|him|us|them)\s+"
                      r"(?:at|as|under)\s+")
"""A said handle after "find me at", "add her as": taken only where it is joined with "dot" or "underscore", or the
sentence names a platform (a place follows "find me at" as often: "find me at the library")."""
_TLDS = {"com", "uk", "org", "net", "co", "io", "ie"}
_TIME_OR_UNIT = re.compile(r"(?i)\d+(?:am|pm|st|nd|rd|th|k|m|mg|ml|kg|g|s|x)$|[a-z]\d$")
_WORD = re.compile(r"[^\W_]+(?:['’][^\W_]+)?|[A-Za-z0-9]+(?:[_.#][A-Za-z0-9]+)+")
_JOINERS = {"underscore", "dot", "dash", "hyphen", "point", "period", "hash"}
_ENDS = {"on", "and", "but", "or", "so", "if", "because", "cos", "that's", "thats", "all", "which", "who", "with",
         "for", "to", "in", "of", "yeah", "okay", "now", "though", "too", "then", "add", "follow", "find"}
_SPELT_LETTERS = set("abcdefghijklmnopqrstuvwxyz")
_NOT_START = STOP_WORDS | _ENDS | {"private", "public", "blocked", "deleted", "down", "off", "gone", "there", "here",
                                   "rubbish", "full", "open", "closed", "erm", "um", "er", "like", "just", "really",
                                   "always", "never", "still", "well", "mine", "locked", "dead", "quiet", "busy"}


def _said_after(text: str, pos: int) -> Found | None:
    """The said handle starting at ``pos``: words joined by spoken joiners, letters and numbers (module doc)."""
    words: list[tuple[int, int, str]] = []
    after_joiner = True  # the first word may not be a stop word, but is judged below
    for m in _WORD.finditer(text, pos):
        gap = text[words[-1][1] if words else pos : m.start()]
        if (words or gap.strip()) and not re.fullmatch(r"[ \t\r\n-]*", gap):
            break  # punctuation ends a handle; a hyphen or a line break does not
        low = m.group(0).lower()
        if not words and low in _NOT_START:
            return None
        if words and not after_joiner and (low in STOP_WORDS or low in _ENDS) and low not in NUMBER_WORDS:
            break
        words.append((m.start(), m.end(), low))
        after_joiner = low in _JOINERS
        if len(words) >= 8:
            break
    while words and (words[-1][2] in _JOINERS or words[-1][2] in STOP_WORDS and words[-1][2] not in NUMBER_WORDS):
        words.pop()
    if not words:
        return None
    said = [w for _, _, w in words]
    named = any(w in _JOINERS or w in NUMBER_WORDS or w.isdigit() or (len(w) == 1 and w in _SPELT_LETTERS)
                or re.search(r"[\d_.#]", w) or not is_everyday(w) for w in said)
    if not named or (len(said) == 1 and is_everyday(said[0]) and not re.search(r"[\d_.#]", said[0])):
        return None
    return words[0][0], words[-1][1]


def handle_spans(text: str) -> list[Found]:
    """Spans of handles, usernames and personal pages in ``text`` (module doc), longest where they overlap."""
    low = turn_text(text).low
    out = list(_typed(text, low))
    if any(k in low for k in _PLATFORM_KEYS) and _PLATFORM_NEAR.search(text):
        out.extend(_cued(text))
    if "dot" in low or "underscore" in low:  # "jenny\ndot tee": a caption cue may fall before the joiner
        out.extend(_said_at(text))
    spans = sorted(set(out))
    return [(s, e) for s, e in spans if not any(a <= s and e <= b and (a, b) != (s, e) for a, b in spans)]


def _typed(text: str, low: str) -> Iterator[Found]:
    if "@" in text:
        for m in _AT.finditer(text):
            name = m.group("name")
            if re.search(r"[A-Za-z]", name) and not _TIME_OR_UNIT.fullmatch(name):
                yield m.span()
    if "_" in text:
        yield from (m.span() for m in _UNDERSCORED.finditer(text))
    if "#" in text:
        yield from (m.span() for m in _DISCORD.finditer(text))
    if ".com" in low or "/" in low:
        yield from (m.span() for m in _PAGE.finditer(text))
    if " dot " in low:
        yield from (m.span() for m in _SAID_PAGE.finditer(text))


def _handle_words(said: list[str]) -> bool:
    """Words a handle said before its platform is made of: none English writes ("he's playing Stardew Valley on
    the Xbox" is a sentence), but for spoken joiners, numbers and spelt letters, and a word after a joiner."""
    joined = any(w.lower() in _JOINERS for w in said)
    after_joiner = False
    for word in said:
        low = word.lower()
        if not (low in _JOINERS or low in NUMBER_WORDS or low.isdigit() or len(low) == 1 or after_joiner
                or not is_everyday(low)) or (word[:1].isupper() and not joined):
            return False
        after_joiner = low in _JOINERS
    return True


def _said_at(text: str) -> Iterator[Found]:
    """A said handle joined by "dot" or "underscore" after "find me at", "add her as" (:data:`_SAID_AT`)."""
    for m in _SAID_AT.finditer(text):
        found = _said_after(text, m.end())
        if found is None:
            continue
        words = re.findall(r"[\w'’]+", text[found[0] : found[1]].lower())
        if words[-1] in _TLDS or not any(w in _JOINERS for w in words):
            continue  # "at jo dot bloggs dot com" is an e-mail address's; one word is as often a place
        yield found


def _cued(text: str) -> Iterator[Found]:
    """Handles after a platform cue (said), and username-shaped words in a sentence that names a platform."""
    for m in _SAID_CUE.finditer(text):
        if not _LINK_WORDS.search(m.group("link")) and not re.search(r"[:,]", m.group("link")):
            continue  # "on instagram all day": no word says a name follows
        found = _said_after(text, m.end())
        if found is not None:
            yield found
    for m in _BEFORE_PLATFORM.finditer(text):
        found = _said_after(text, m.start("handle"))
        if found is None or found[1] > m.end("handle"):
            continue
        said = text[found[0] : found[1]].split()
        if len(said) == 1 and (said[0][:1].isupper() or said[0].lower() in name_lexicon("first")):
            continue  # "follow Kirsty on insta": a person, whom the name layers judge
        if _handle_words(said):  # not "he's playing Stardew Valley on the Xbox"
            yield found
    for m in _PLATFORM_NEAR.finditer(text):
        for w in _SHAPED.finditer(text, max(0, m.start() - 60), min(len(text), m.end() + 60)):
            if _TIME_OR_UNIT.search(w.group(0)) or is_everyday(w.group(0)):
                continue
            if w.start() > m.end() or _GOES_BY.search(text[max(0, w.start() - 20) : w.start()]):
                yield w.span()
