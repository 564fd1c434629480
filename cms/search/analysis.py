"""Language analysis shared by every search backend, so their results agree.

Text is split into words, lower-cased, folded (ё → е, and the Tatar letters
ә ө ү җ ң һ → а о у ж н х, as they are typed on a Russian keyboard), stripped of
a few function words and stemmed: Snowball for Russian and English, and for
Tatar, which no engine ships, a suffix stripper. The database backends index and
query these terms; the Elasticsearch backend declares the same steps as index
analyzers (`elasticsearch_analysis()`), built from the constants below.
"""

import re
from dataclasses import dataclass
from functools import lru_cache

from django.utils.html import escape

import snowballstemmer

LANGUAGES = ("ru", "tt", "en")

# Elasticsearch's pattern tokenizer splits on this (Java regex); `WORD` is the
# same set of characters in Python: Unicode letters and digits.
ES_SPLIT_PATTERN = r"[^\p{L}\p{N}]+"
WORD = re.compile(r"[^\W_]+")

FOLDING = {
    "ё": "е",
    "ә": "а",
    "ө": "о",
    "ү": "у",
    "җ": "ж",
    "ң": "н",
    "һ": "х",
}
_FOLD_TABLE = str.maketrans(FOLDING)

# Words too common to decide anything; the same lists go to Elasticsearch.
STOPWORDS = {
    "ru": [
        "а",
        "в",
        "во",
        "и",
        "или",
        "к",
        "ко",
        "на",
        "над",
        "не",
        "ни",
        "о",
        "об",
        "от",
        "по",
        "под",
        "при",
        "про",
        "с",
        "со",
        "у",
        "за",
        "из",
        "до",
        "для",
        "же",
        "ли",
        "бы",
        "то",
        "это",
        "как",
    ],
    "tt": ["һәм", "яки", "белән", "өчен", "да", "дә", "та", "тә", "бу", "ул"],
    "en": [
        "a",
        "an",
        "and",
        "are",
        "as",
        "at",
        "be",
        "by",
        "for",
        "from",
        "in",
        "into",
        "is",
        "it",
        "of",
        "on",
        "or",
        "the",
        "to",
        "with",
    ],
}

# Compared with folded words, so kept folded ("һәм" → "хам").
STOPWORDS = {
    language: sorted({word.lower().translate(_FOLD_TABLE) for word in words})
    for language, words in STOPWORDS.items()
}

SNOWBALL = {"ru": "russian", "en": "english"}

# Tatar endings, folded, longest first: case, possessive, plural. Each pass
# strips one ending and leaves at least three letters; three passes undo a
# plural + possessive + case chain ("театрларыбызда" → "театр").
TATAR_SUFFIXES = [
    "ларыбыз",
    "ларыгыз",
    "ларнын",
    "ларга",
    "ларда",
    "лардан",
    "ыбыз",
    "ебез",
    "ыгыз",
    "егез",
    "нын",
    "нен",
    "ннан",
    "ннен",
    "дагы",
    "даге",
    "тагы",
    "таге",
    "дан",
    "ден",
    "тан",
    "тен",
    "нан",
    "нен",
    "нда",
    "нде",
    "быз",
    "без",
    "гыз",
    "гез",
    "лар",
    "нар",
    "да",
    "де",
    "та",
    "те",
    "га",
    "ге",
    "ка",
    "ке",
    "на",
    "не",
    "ны",
    "ча",
    "че",
    "сы",
    "се",
    "ым",
    "ем",
    "ын",
    "ен",
    "ы",
    "е",
    "м",
    "н",
]
TATAR_PASSES = 3
TATAR_MIN_STEM = 3
_ALTERNATIVES = "|".join(
    sorted(set(TATAR_SUFFIXES), key=lambda suffix: (-len(suffix), suffix))
)
TATAR_PATTERN = f"^(.{{{TATAR_MIN_STEM},}}?)(?:{_ALTERNATIVES})$"
_TATAR = re.compile(TATAR_PATTERN)


def fold(text):
    """Lower-case and fold letters as every analyzer does."""
    return text.lower().translate(_FOLD_TABLE)


@lru_cache(maxsize=4)
def _stemmer(language):
    return snowballstemmer.stemmer(SNOWBALL[language])


def stem_tatar(word):
    for _pass in range(TATAR_PASSES):
        word = _TATAR.sub(r"\1", word)
    return word


@lru_cache(maxsize=200_000)
def stem(word, language):
    """The term a folded word is indexed and searched under in `language`."""
    if language == "tt":
        return stem_tatar(word)
    if language in SNOWBALL:
        return _stemmer(language).stemWord(word)
    return word


def analyze(text, language):
    """The terms of `text` in `language`, in order (function words left out)."""
    stopwords = STOPWORDS.get(language, ())
    return [
        stem(word, language)
        for word in WORD.findall(fold(text or ""))
        if word not in stopwords
    ]


@dataclass(frozen=True)
class Token:
    """A word of the original text with where it is and its term."""

    start: int
    end: int
    term: str


def tokens(text, language):
    """Every word of `text` with its offsets; function words have an empty term."""
    folded = fold(text or "")
    stopwords = STOPWORDS.get(language, ())
    return [
        Token(
            match.start(),
            match.end(),
            "" if match.group() in stopwords else stem(match.group(), language),
        )
        for match in WORD.finditer(folded)
    ]


def query_terms(text, language):
    """The distinct terms of a query, in order, at most 32 of them."""
    seen = []
    for term in analyze(text, language):
        if term not in seen:
            seen.append(term)
    return seen[:32]


def matches(text, terms, language):
    """Whether `text` holds every one of `terms`."""
    found = {token.term for token in tokens(text, language)}
    return bool(terms) and all(term in found for term in terms)


def highlight(text, terms, language, *, length=240, always=False):
    """An escaped excerpt of `text` around its first matching word, matches in <mark>.

    Returns "" when nothing matches, unless `always` (then the start of the text).
    `length=None` marks the whole text (titles). The result is safe HTML: the text
    is escaped, only <mark> is added.
    """
    text = text or ""
    if length is None:
        length = len(text)
    wanted = set(terms)
    words = tokens(text, language)
    hits = [token for token in words if token.term and token.term in wanted]
    if not hits and not always:
        return ""
    start = 0
    if hits and length < len(text) and hits[0].start > length // 3:
        start = hits[0].start - length // 3
        # Begin at a word.
        following = [token.start for token in words if token.start >= start]
        start = following[0] if following else hits[0].start
    end = min(len(text), start + length)
    if end < len(text):
        preceding = [token.end for token in words if start < token.end <= end]
        end = preceding[-1] if preceding else end
    parts = ["…" if start > 0 else ""]
    position = start
    for token in hits:
        if token.start < start or token.end > end:
            continue
        parts.append(escape(text[position : token.start]))
        parts.append(f"<mark>{escape(text[token.start : token.end])}</mark>")
        position = token.end
    parts.append(escape(text[position:end]))
    if end < len(text):
        parts.append("…")
    return "".join(parts)


def elasticsearch_analysis():
    """Index settings declaring the same analysis as analyzers named by language.

    `text_<language>` analyses titles, texts and subtitles; `folded` only splits,
    lower-cases and folds (for autocomplete and "did you mean").
    """
    stop_filters = {
        f"stop_{language}": {"type": "stop", "stopwords": list(words)}
        for language, words in STOPWORDS.items()
    }
    stemmers = {
        "stem_ru": {"type": "snowball", "language": "Russian"},
        "stem_en": {"type": "snowball", "language": "English"},
        "stem_tt": {
            "type": "pattern_replace",
            "pattern": TATAR_PATTERN,
            "replacement": "$1",
        },
    }
    chains = {
        "ru": ["lowercase", "stop_ru", "stem_ru"],
        "en": ["lowercase", "stop_en", "stem_en"],
        "tt": ["lowercase", "stop_tt"] + ["stem_tt"] * TATAR_PASSES,
    }
    return {
        "char_filter": {
            # Before the lowercase filter, so capitals are mapped too.
            "fold_letters": {
                "type": "mapping",
                "mappings": [
                    f"{source} => {target}"
                    for letter, folded in FOLDING.items()
                    for source, target in (
                        (letter, folded),
                        (letter.upper(), folded),
                    )
                ],
            }
        },
        "tokenizer": {
            "words": {
                "type": "pattern",
                "pattern": ES_SPLIT_PATTERN,
                "flags": "UNICODE_CHARACTER_CLASS",
            }
        },
        "filter": {
            **stop_filters,
            **stemmers,
        },
        "analyzer": {
            **{
                f"text_{language}": {
                    "type": "custom",
                    "char_filter": ["fold_letters"],
                    "tokenizer": "words",
                    "filter": chain,
                }
                for language, chain in chains.items()
            },
            "folded": {
                "type": "custom",
                "char_filter": ["fold_letters"],
                "tokenizer": "words",
                "filter": ["lowercase"],
            },
        },
    }
