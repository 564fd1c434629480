"""Text helpers for Russian and Tatar: Latin transliteration for machine names."""

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
