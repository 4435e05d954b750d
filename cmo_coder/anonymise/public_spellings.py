"""A listed public name as people say it and as transcribers and captions write what they heard: "Marks & Spencer"
said "Marks and Spencer", "Radio 4" captioned "radio four", "NHS 111" said "one one one", "Help for Heroes"
typed "Help 4 Heroes", "Turn2us" heard as "turn to us", "Alcoholics Anonymous" clipped to "Alcoholics Anon",
"St Mungo's" said "Saint Mungo's", "Barnardo's" captioned "barnardos", "Disney+" said "Disney Plus".

The curated lists hold each name once, as its body or publisher writes it. Speech keeps the name and changes its
written form by a few regular rules, and each rule below is one of them: an ampersand is read as "and"; a number
is said as a word, and a three-digit service number digit by digit; a digit standing for its sound in a brand
("4" for "for", "2" for "to") is said as the word; the fellowships' "Anonymous" is said "Anon"; a saint's title
is written "St", "St." or "Saint"; a possessive loses its apostrophe in captions; a plus sign is said "plus".
A form made here is matched as the listed name is, so it keeps only what the allow-list keeps (registered names
always win, and a one-word form that a person's words claim is not kept: see :mod:`.layers.allowlist`).

Two forms are never made: an apostrophe-less one-word possessive whose stem a name or place list holds ("Foster's"
the lager stays listed as written; "the Fosters" next door are a family), and a homophone for a word the list
already writes out (only digits become words, and only "for" becomes "4": "to" is in too many names to stand
for "2" in all of them). Written for the project from how UK speech and caption files write names.
"""

from __future__ import annotations

import re

_NUMBER_WORDS = ("zero", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten", "eleven",
                 "twelve", "thirteen", "fourteen", "fifteen", "sixteen", "seventeen", "eighteen", "nineteen")
_TENS = {2: "twenty", 3: "thirty", 4: "forty", 5: "fifty", 6: "sixty", 7: "seventy", 8: "eighty", 9: "ninety"}
_DIGIT_SAID = ("oh", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine")
"""A digit of a phone or service number as people read it out ("one oh one", "nine nine nine")."""
_SOUNDS = {"2": "to", "4": "for"}
"""Digits that brands write for the word they sound like ("Turn2us", "Care4Calais", "Help 4 Heroes")."""

_NUMBER = re.compile(r"(?<![\w.:/])(\d{1,3})(?![\w.:/])")
_SOUND_DIGIT = re.compile(r"(?<=[a-z]{2})([24])(?=[a-z])")
_WORD_NUMBER = re.compile(r"\b(" + "|".join(_NUMBER_WORDS[1:]) + r")\b")
_SAINT = re.compile(r"^(?:st\.?|saint)\s+(?=\S)")
_ANONYMOUS = re.compile(r"(?<=\w )anonymous$")


def number_said(digits: str) -> list[str]:
    """How a number of up to three digits is said: "4" as "four", "24" as "twenty four", "111" as "one one
    one" (a service or phone number is read out digit by digit, "101" as "one oh one")."""
    n = int(digits)
    if len(digits) == 3:
        return [" ".join(_DIGIT_SAID[int(d)] for d in digits)]
    if digits.startswith("0") and len(digits) > 1:
        return []
    if n < 20:
        return [_NUMBER_WORDS[n]]
    tens, units = divmod(n, 10)
    return [_TENS[tens] + (f" {_NUMBER_WORDS[units]}" if units else "")]


def _ampersand(form: str) -> set[str]:
    """"m&s" as "m and s" and "m & s"; "marks and spencer" as "marks & spencer" (a phrase of more words only)."""
    out = set()
    if "&" in form:
        out.add(" ".join(form.replace("&", " and ").split()))
        out.add(" ".join(form.replace("&", " & ").split()))
    if " and " in form:
        out.add(form.replace(" and ", " & "))
    return out


def _numbers(form: str) -> set[str]:
    """Standalone numbers as words, number words as digits, and a brand's sound-digit as its word."""
    out = set()
    if _NUMBER.search(form):
        out.add(_NUMBER.sub(lambda m: (number_said(m.group(1)) or [m.group(1)])[0], form))
    if _WORD_NUMBER.search(form) and len(form.split()) > 1:
        out.add(_WORD_NUMBER.sub(lambda m: str(_NUMBER_WORDS.index(m.group(1))), form))
    if _SOUND_DIGIT.search(form):
        out.add(_SOUND_DIGIT.sub(lambda m: f" {_SOUNDS[m.group(1)]} ", form))
        out.add(_SOUND_DIGIT.sub(lambda m: f" {m.group(1)} ", form))
    words = form.split()
    if len(words) > 2 and "for" in words[1:-1]:
        out.add(" ".join("4" if w == "for" and 0 < i < len(words) - 1 else w for i, w in enumerate(words)))
    if len(words) > 2 and "4" in words[1:-1]:
        out.add(" ".join("for" if w == "4" and 0 < i < len(words) - 1 else w for i, w in enumerate(words)))
    return out


def _saint(form: str) -> set[str]:
    m = _SAINT.match(form)
    return set() if m is None else {f"{title} {form[m.end():]}" for title in ("st", "st.", "saint")}


def _plus(form: str) -> set[str]:
    """"disney+" as "disney plus" (said) and "disney +" (written spaced)."""
    if not form.endswith("+") or len(form) < 3:
        return set()
    stem = form[:-1].rstrip()
    return {f"{stem} plus", f"{stem} +", f"{stem}+"}


def said_forms(phrase: str, names: frozenset[str] = frozenset()) -> set[str]:
    """The other forms of ``phrase`` (lower case, as the allow-list's matcher holds it) that speech and captions
    give it, each rule applied to the listed form and to what the others made (not ``phrase`` itself).

    ``names``: lower-cased given names, surnames and places; a one-word possessive whose stem is one of them
    keeps its apostrophe (see the module's docstring)."""
    forms = {phrase}
    for rule in (_saint, _ampersand, _numbers, _plus):
        forms |= {f for form in list(forms) for f in rule(form)}
    forms |= {_ANONYMOUS.sub("anon", f) for f in forms if _ANONYMOUS.search(f)}
    if " " not in phrase and re.fullmatch(r"[a-z]+['’]s", phrase) and phrase[:-2] not in names \
            and phrase[:-2] + "s" not in names:
        forms.add(phrase[:-2] + "s")
    forms.discard(phrase)
    return {f for f in forms if f.strip()}
