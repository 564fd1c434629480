"""Text helpers for Russian and Tatar: Latin transliteration for machine names."""

import re

from wagtail.coreutils import safe_snake_case

# Russian letters after GOST 7.79-2000 (system B, simplified); Tatar letters after
# the common Latin renderings of the Tatar alphabet.
_LETTERS = {
    "а": "a", "б": "b", "в": "v", "г": "g", "д": "d", "е": "e", "ё": "yo",
    "ж": "zh", "з": "z", "и": "i", "й": "y", "к": "k", "л": "l", "м": "m",
    "н": "n", "о": "o", "п": "p", "р": "r", "с": "s", "т": "t", "у": "u",
    "ф": "f", "х": "kh", "ц": "ts", "ч": "ch", "ш": "sh", "щ": "shch", "ъ": "",
    "ы": "y", "ь": "", "э": "e", "ю": "yu", "я": "ya",
    "ә": "a", "ө": "o", "ү": "u", "җ": "zh", "ң": "ng", "һ": "h",
}  # fmt: skip


def transliterate(text):
    """Latin letters for Cyrillic Russian and Tatar text; other characters are kept."""
    result = []
    for char in text:
        latin = _LETTERS.get(char.lower())
        if latin is None:
            result.append(char)
        elif char.isupper():
            result.append(latin.capitalize())
        else:
            result.append(latin)
    return "".join(result)


def machine_name(label):
    """A readable ascii snake_case name for a label in any of the site's languages."""
    return safe_snake_case(transliterate(label))


# An HTML tag, comment, doctype or processing instruction: "<b>", "</script >",
# "<img src=x onerror=...>", "<!--", "<?php"; not "a < b" or "x<3".
_MARKUP = re.compile(r"</?[a-zA-Z][a-zA-Z0-9-]*([\s/][^<>]*)?>|<!|<\?")
# Control characters other than tab, newline and carriage return.
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


def contains_markup(text):
    """Whether plain text written by a person carries HTML tags or scripts."""
    return bool(_MARKUP.search(text or ""))


def clean_plain_text(text):
    """Plain text as stored: control characters dropped, line ends normalised."""
    text = _CONTROL.sub("", text or "").replace("\r\n", "\n").replace("\r", "\n")
    return text.strip()
