"""The video archive's search at scale: reindex throughput and query latency.

``python -m bench.archive`` (and ``make bench`` through ``bench.run``) generates
archive items in Russian, Tatar and English (100,000 documents by default, the
same ones every run), loads them with a full rebuild into each search backend —
the database backend on a fresh SQLite file and on a fresh PostgreSQL database
(created and dropped here; skipped with a note when the server is unreachable),
and Elasticsearch when ``ELASTICSEARCH_URL`` is set — and times a mix of
searches with facets and autocomplete in process. Each backend runs in a child
process with production settings; the figures also go to
var/bench/archive-results.json. It reports figures and never judges them.
"""

import argparse
import json
import os
import random
import secrets
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta
from pathlib import Path
from urllib.parse import urlsplit

BASE_DIR = Path(__file__).resolve().parent.parent
BENCH_DIR = BASE_DIR / "var" / "bench"
RESULTS_FILE = BENCH_DIR / "archive-results.json"
DEFAULT_POSTGRESQL_URL = "postgresql://postgres@127.0.0.1:5432/kazan_bench_archive"
DATABASES = ("sqlite", "postgresql")
SEED = 20261122
# Queries run "now": every generated item is dated before it, a few become
# available only after it (and must not be found).
NOW = datetime(2026, 11, 1, 12, 0, tzinfo=UTC)
LANGUAGES = ("ru", "tt", "en")
INDEX_NAME = "archive"

# --------------------------------------------------------------------------
# Generated items
# --------------------------------------------------------------------------

# Kazan's districts, for the neighbourhood institutions around the demo's 15.
DISTRICTS = (
    (
        "aviastroitelny",
        "Авиастроительного района",
        "Авиатөзелеш районының",
        "Aviastroitelny District",
    ),
    ("vakhitovsky", "Вахитовского района", "Вахитов районының", "Vakhitovsky District"),
    ("kirovsky", "Кировского района", "Киров районының", "Kirovsky District"),
    ("moskovsky", "Московского района", "Мәскәү районының", "Moskovsky District"),
    (
        "novo-savinovsky",
        "Ново-Савиновского района",
        "Яңа Савин районының",
        "Novo-Savinovsky District",
    ),
    (
        "privolzhsky",
        "Приволжского района",
        "Идел буе районының",
        "Privolzhsky District",
    ),
    ("sovetsky", "Советского района", "Совет районының", "Sovetsky District"),
)
NEIGHBOURHOOD_KINDS = (
    ("library", "literature", "Библиотека {d}", "{d} китапханәсе", "{d} Library"),
    (
        "culture-house",
        "dance",
        "Дом культуры {d}",
        "{d} мәдәният йорты",
        "{d} Community Centre",
    ),
    (
        "music-school",
        "music",
        "Детская музыкальная школа {d}",
        "{d} балалар музыка мәктәбе",
        "{d} Children's Music School",
    ),
    (
        "youth-centre",
        "digital",
        "Молодёжный центр {d}",
        "{d} яшьләр үзәге",
        "{d} Youth Centre",
    ),
)
CITY_INSTITUTIONS = (
    (
        "conservatory",
        "music",
        "Казанская консерватория им. Н. Жиганова",
        "Н. Җиһанов исемендәге Казан консерваториясе",
        "Zhiganov Kazan Conservatory",
    ),
    (
        "fine-arts-museum",
        "fine-art",
        "Государственный музей изобразительных искусств",
        "Дәүләт сынлы сәнгать музее",
        "State Museum of Fine Arts",
    ),
)

FIRST_NAMES = (
    ("Айгуль", "Айгөл", "Aigul", "f"),
    ("Рустам", "Рөстәм", "Rustam", "m"),
    ("Гульнара", "Гөлнара", "Gulnara", "f"),
    ("Ильдар", "Илдар", "Ildar", "m"),
    ("Алсу", "Алсу", "Alsu", "f"),
    ("Марат", "Марат", "Marat", "m"),
    ("Лейсан", "Ләйсән", "Leysan", "f"),
    ("Булат", "Булат", "Bulat", "m"),
    ("Диляра", "Диләрә", "Dilyara", "f"),
    ("Тимур", "Тимур", "Timur", "m"),
    ("Наиля", "Наилә", "Nailya", "f"),
    ("Фарид", "Фәрит", "Farid", "m"),
    ("Зульфия", "Зөлфия", "Zulfiya", "f"),
    ("Азат", "Азат", "Azat", "m"),
    ("Анна", "Анна", "Anna", "f"),
    ("Сергей", "Сергей", "Sergey", "m"),
    ("Екатерина", "Екатерина", "Yekaterina", "f"),
    ("Дмитрий", "Дмитрий", "Dmitry", "m"),
    ("Резеда", "Резеда", "Rezeda", "f"),
    ("Салават", "Салават", "Salavat", "m"),
)
SURNAMES = (
    ("Хасанов", "Хәсәнов", "Khasanov"),
    ("Гарипов", "Гарипов", "Garipov"),
    ("Сафин", "Сафин", "Safin"),
    ("Валиев", "Вәлиев", "Valiev"),
    ("Закиров", "Закиров", "Zakirov"),
    ("Мухаметшин", "Мөхәммәтшин", "Mukhametshin"),
    ("Нуриев", "Нуриев", "Nuriev"),
    ("Шакиров", "Шакиров", "Shakirov"),
    ("Ибрагимов", "Ибраһимов", "Ibragimov"),
    ("Ахметов", "Әхмәтов", "Akhmetov"),
    ("Садыков", "Садыйков", "Sadykov"),
    ("Галиев", "Галиев", "Galiev"),
    ("Иванов", "Иванов", "Ivanov"),
    ("Соколов", "Соколов", "Sokolov"),
    ("Миннуллин", "Миңнуллин", "Minnullin"),
    ("Юсупов", "Юсупов", "Yusupov"),
    ("Файзуллин", "Фәйзуллин", "Faizullin"),
    ("Хабибуллин", "Хәбибуллин", "Khabibullin"),
)
DOMAIN_TAGS = {
    "music": (
        ("музыка", "музыка", "music"),
        ("оркестр", "оркестр", "orchestra"),
        ("песни", "җырлар", "songs"),
    ),
    "theatre": (
        ("театр", "театр", "theatre"),
        ("спектакль", "спектакль", "performance"),
        ("премьера", "премьера", "premiere"),
    ),
    "literature": (
        ("литература", "әдәбият", "literature"),
        ("поэзия", "шигърият", "poetry"),
        ("книги", "китаплар", "books"),
    ),
    "museums": (
        ("музей", "музей", "museum"),
        ("экспозиция", "экспозиция", "exhibits"),
        ("экскурсия", "экскурсия", "guided tour"),
    ),
    "cinema": (
        ("кино", "кино", "cinema"),
        ("документальное кино", "документаль кино", "documentary"),
        ("режиссёр", "режиссер", "director"),
    ),
    "dance": (
        ("танец", "бию", "dance"),
        ("фольклор", "фольклор", "folklore"),
        ("хореография", "хореография", "choreography"),
    ),
    "fine-art": (
        ("живопись", "рәсем сәнгате", "painting"),
        ("графика", "графика", "drawing"),
        ("художники", "рәссамнар", "artists"),
    ),
    "digital": (
        ("компьютер", "компьютер", "computer"),
        ("интернет", "интернет", "internet"),
        ("госуслуги", "дәүләт хезмәтләре", "public services"),
    ),
    "sport": (
        ("здоровье", "сәламәтлек", "health"),
        ("гимнастика", "гимнастика", "gymnastics"),
        ("йога", "йога", "yoga"),
    ),
    "history": (
        ("история", "тарих", "history"),
        ("краеведение", "туган якны өйрәнү", "local history"),
        ("архитектура", "архитектура", "architecture"),
    ),
}
COMMON_TAGS = (
    ("для детей", "балалар өчен", "for children"),
    ("для старшего поколения", "өлкәннәр өчен", "for older people"),
    ("онлайн", "онлайн", "online"),
    ("на татарском языке", "татар телендә", "in Tatar"),
)
SPOKEN = {
    "ru": (
        "Добрый вечер, дорогие друзья",
        "Спасибо, что вы сегодня с нами",
        "Давайте посмотрим внимательнее",
        "Об этом мы ещё поговорим",
        "Вопрос из чата трансляции",
        "Спасибо за ваши вопросы",
        "Перейдём к следующей части",
        "Запись останется в видеоархиве",
    ),
    "tt": (
        "Хәерле кич, кадерле дуслар",
        "Бүген безнең белән булуыгыз өчен рәхмәт",
        "Игътибар белән карыйк әле",
        "Бу турыда без тагын сөйләшербез",
        "Трансляция чатыннан сорау",
        "Сорауларыгыз өчен рәхмәт",
        "Киләсе өлешкә күчик",
        "Язма видеоархивта калачак",
    ),
    "en": (
        "Good evening, dear friends",
        "Thank you for joining us today",
        "Let us take a closer look",
        "We will come back to this",
        "A question from the stream chat",
        "Thank you for your questions",
        "Let us move on to the next part",
        "The recording stays in the video archive",
    ),
}
# The programme's language of an item, as often as the season has them.
ITEM_LANGUAGES = (("ru", 50), ("tt", 25), ("ru_tt", 10), ("en", 5), ("none", 10))
YEARS = tuple(range(2019, 2027))
YEAR_WEIGHTS = (5, 7, 10, 12, 14, 16, 18, 18)
SUBTITLED_SHARE = 0.4


@dataclass(frozen=True)
class Institution:
    slug: str
    domain: str
    names: dict


@dataclass(frozen=True)
class Vocabulary:
    """What the generator draws from, built once from the demo season."""

    kinds: tuple
    institutions: dict  # slug -> Institution
    neighbourhood: tuple  # slugs of the generated institutions
    sentences: dict  # (domain, language) -> sentences
    cue_lines: dict  # (domain, language) -> short spoken lines


def _chunks(sentence, size=7):
    words = sentence.rstrip(".").split()
    return [" ".join(words[i : i + size]) for i in range(0, len(words), size)]


def build_vocabulary():
    from events_plugin.demo_content import INSTITUTIONS
    from events_plugin.demo_season import KINDS

    institutions = {
        item["slug"]: Institution(
            item["slug"],
            item["domain"],
            {code: item[code][0] for code in LANGUAGES},
        )
        for item in INSTITUTIONS
    }
    neighbourhood = []
    for district, *district_names in DISTRICTS:
        for kind, domain, *templates in NEIGHBOURHOOD_KINDS:
            slug = f"{district}-{kind}"
            names = {
                code: template.format(d=name)
                for code, template, name in zip(
                    LANGUAGES, templates, district_names, strict=True
                )
            }
            institutions[slug] = Institution(slug, domain, names)
            neighbourhood.append(slug)
    for slug, domain, *names in CITY_INSTITUTIONS:
        institutions[slug] = Institution(
            slug, domain, dict(zip(LANGUAGES, names, strict=True))
        )
        neighbourhood.append(slug)

    sentences, cue_lines = {}, {}
    for kind in KINDS:
        notes = {
            code: [
                note.replace("{minutes}", str(kind.minutes)).replace("{count}", "8")
                for note in kind.notes[code]
            ]
            for code in LANGUAGES
        }
        for subject in kind.subjects:
            for code in LANGUAGES:
                key = (subject.domain, code)
                text = subject.texts[code]
                sentences.setdefault(key, []).extend([text[1], *notes[code]])
                lines = cue_lines.setdefault(key, list(SPOKEN[code]))
                lines.extend(_chunks(text[0] + ". " + text[1]))
    return Vocabulary(
        kinds=tuple(KINDS),
        institutions=institutions,
        neighbourhood=tuple(neighbourhood),
        sentences={
            key: tuple(dict.fromkeys(value)) for key, value in sentences.items()
        },
        cue_lines={
            key: tuple(dict.fromkeys(value)) for key, value in cue_lines.items()
        },
    )


def _weighted(pairs):
    values = [value for value, _ in pairs]
    weights = [weight for _, weight in pairs]
    return values, weights


def generate(count, *, seed=SEED, vocabulary=None):
    """Yield ``count`` SearchDocuments: events in three language versions.

    The same seed gives the same documents. Each event gives a Russian, a Tatar
    and an English document (keys of consecutive page numbers) sharing facets,
    dates, rating and popularity, as a translated event page does.
    """
    from cms.search.documents import Cue, SearchDocument

    vocabulary = vocabulary or build_vocabulary()
    rng = random.Random(seed)
    pairs = [
        (kind, subject, fmt)
        for kind in vocabulary.kinds
        for subject in kind.subjects
        for fmt in (
            [kind.formats[i] for i in subject.formats]
            if subject.formats
            else kind.formats
        )
    ]
    item_languages, language_weights = _weighted(ITEM_LANGUAGES)
    span = 366 * 24 * 3600
    produced = 0
    event = 0
    while produced < count:
        event += 1
        kind, subject, fmt = rng.choice(pairs)
        roll = rng.random()
        if roll < 0.05:
            institution = None  # the department's own event
        elif roll < 0.75:
            # None among a subject's hosts is the department itself.
            institution = vocabulary.institutions.get(rng.choice(subject.hosts))
        else:
            institution = vocabulary.institutions[rng.choice(vocabulary.neighbourhood)]
        year = rng.choices(YEARS, YEAR_WEIGHTS)[0]
        date = datetime(year, 1, 1, tzinfo=UTC) + timedelta(seconds=rng.randrange(span))
        if date > NOW - timedelta(days=1):
            date = NOW - timedelta(days=rng.randrange(1, 300))
            year = date.year
        # A few recordings are still being prepared at "now".
        delay = timedelta(hours=rng.choice((2, 6, 24, 72)))
        if rng.random() < 0.01:
            delay = (NOW - date) + timedelta(days=rng.randrange(1, 30))
        rated = rng.random() < 0.6
        rating = round(min(5.0, max(1.0, rng.gauss(4.2, 0.6))), 2) if rated else None
        rating_count = rng.randrange(1, 250) if rated else 0
        popularity = int(rng.lognormvariate(4.0, 1.4))
        minutes = kind.minutes + rng.choice((-15, 0, 0, 15, 30))
        duration = max(20, minutes) * 60
        subtitled = rng.random() < SUBTITLED_SHARE
        language = rng.choices(item_languages, language_weights)[0]
        people = []
        for _ in range(rng.choice((1, 1, 2, 2, 3, 4))):
            first = rng.choice(FIRST_NAMES)
            surname = rng.choice(SURNAMES)
            people.append((first, surname))
        tag_pool = DOMAIN_TAGS[subject.domain]
        tags = rng.sample(tag_pool, rng.randrange(1, len(tag_pool) + 1))
        if rng.random() < 0.3:
            tags.append(rng.choice(COMMON_TAGS))
        cue_count = rng.randrange(20, 61) if subtitled else 0
        recordings = 2 if rng.random() < 0.1 else 1
        facets = {
            "domain": [subject.domain],
            "type": [kind.type],
            "institution": [institution.slug] if institution else [],
            "year": [str(year)],
            "language": [language],
            "subtitles": ["yes" if subtitled else "no"],
        }
        slug = f"{subject.key}-{fmt.key}-{event}"
        host = institution.slug if institution else "department"
        summary_seed = rng.random()
        for position, code in enumerate(LANGUAGES):
            if produced >= count:
                break
            produced += 1
            pool = vocabulary.sentences[(subject.domain, code)]
            summary = subject.texts[code][1]
            body = " ".join(
                [summary, *rng.sample(pool, min(len(pool), rng.randrange(2, 6)))]
            )
            if summary_seed < 0.5:
                summary = f"{summary} {pool[event % len(pool)]}"
            cues = []
            if cue_count:
                lines = vocabulary.cue_lines[(subject.domain, code)]
                per_recording = -(-cue_count // recordings)
                step = duration / recordings / (per_recording + 1)
                for number in range(cue_count):
                    start = 5.0 + step * (number % per_recording)
                    cues.append(
                        Cue(
                            round(start, 1),
                            round(start + min(step, 6.0), 1),
                            rng.choice(lines),
                            1 + number // per_recording,
                        )
                    )
            names = [
                f"{first[position]} {surname[position]}"
                + ("" if first[3] == "m" else ("a" if code == "en" else "а"))
                for first, surname in people
            ]
            yield SearchDocument(
                key=f"events.EventPage:{3 * event + position}",
                locale=code,
                url=f"/{code}/programme/{host}/{slug}/",
                title=fmt.title(code, subject),
                summary=summary,
                body=body,
                people=names,
                tags=[tag[position] for tag in tags],
                institution=institution.names[code] if institution else "",
                date=date,
                available_from=date + delay,
                rating=rating,
                rating_count=rating_count,
                popularity=popularity,
                duration=duration,
                image_url=f"/media/images/{slug}.width-640.jpg",
                facets={name: list(values) for name, values in facets.items()},
                cues=cues,
            )


# --------------------------------------------------------------------------
# The query mix
# --------------------------------------------------------------------------

# Inflected forms of words the generated titles, texts and subtitles use.
ONE_WORD = {
    "ru": (
        "концертах", "лекции", "театре", "музея", "истории", "поэта",
        "выставкой", "кремля", "фильмы", "танцам", "музыкой", "оркестра",
        "библиотеке", "художников", "здоровья", "компьютером",
    ),
    "tt": (
        "театрларда", "китапханәдә", "концертлары", "лекцияләр", "шигырьләре",
        "музейда", "тарихы", "сәнгатьне", "биюләр", "язмалары", "шагыйрьнең",
        "кинолар", "оркестрда", "рәссамнары", "компьютерда", "сәламәтлеккә",
    ),
    "en": (
        "concerts", "lectures", "theatres", "museums", "painting", "poets",
        "exhibitions", "films", "dancing", "orchestras", "libraries",
        "architecture", "stories", "computers", "singing", "history",
    ),
}  # fmt: skip
# Typed on a Russian keyboard: ә ө ү җ ң һ as а о у ж н х.
FOLDED_TATAR = (
    "китапханада", "сангать", "шигырьлар", "тамашачылар", "балалар очен",
    "музейлар", "рассамнар", "жырлар", "саламатлек", "маданият йорты",
    "адабият", "шагыйрьнен", "бию кичасе", "тарихы",
)  # fmt: skip
SUGGEST_PREFIXES = {
    "ru": ("ко", "лек", "теа", "муз", "выст", "кин", "исто", "тук", "каз", "кре"),
    "tt": ("ко", "лек", "теа", "муз", "әдә", "ада", "кит", "җыр", "жыр", "тук"),
    "en": ("co", "lec", "the", "mus", "exh", "fil", "his", "tuk", "kaz", "kre"),
}


@dataclass
class QueryKind:
    key: str
    label: str
    suggest: bool = False


QUERY_KINDS = (
    QueryKind("word_ru", "one inflected word, ru"),
    QueryKind("word_tt", "one inflected word, tt"),
    QueryKind("word_en", "one inflected word, en"),
    QueryKind("two_words", "two words, ru/tt/en"),
    QueryKind("folded_tt", "Tatar typed without ә ө ү җ ң һ"),
    QueryKind("one_facet", "title word + 1 facet (domain)"),
    QueryKind("two_facets", "title word + 2 facets (type, 2 years)"),
    QueryKind("browse_date", "browse, newest first"),
    QueryKind("browse_popularity", "browse, most viewed"),
    QueryKind("browse_rating", "browse + subtitles, top rated"),
    QueryKind("deep_page", "browse, a page deep in the list"),
    QueryKind("misspelt", "misspelt word (did you mean)"),
    QueryKind("autocomplete", "autocomplete prefix (suggest)", suggest=True),
)


def _misspell(word, rng):
    """A typo: two neighbouring letters swapped or one letter doubled."""
    position = rng.randrange(1, len(word) - 2)
    if rng.random() < 0.5:
        return (
            word[:position] + word[position + 1] + word[position] + word[position + 2 :]
        )
    return word[:position] + word[position] + word[position:]


def title_words(vocabulary, code, minimum=6):
    words = set()
    for kind in vocabulary.kinds:
        for subject in kind.subjects:
            for word in subject.texts[code][0].replace(":", " ").split():
                word = word.strip("«»,.!?—()").lower()
                if len(word) >= minimum and word.isalpha():
                    words.add(word)
    return sorted(words)


def query_mix(kind, count, items, *, seed=SEED, vocabulary=None):
    """``count`` (locale, SearchQuery or prefix) pairs of one kind, deterministic."""
    from cms.search.documents import SearchQuery

    vocabulary = vocabulary or build_vocabulary()
    rng = random.Random(f"{seed}:{kind}")
    per_locale = max(1, items // len(LANGUAGES))
    deep = max(2, min(500, int(per_locale / 20 * 0.8)))
    queries = []
    for number in range(count):
        code = LANGUAGES[number % len(LANGUAGES)]
        options = {"locale": code, "now": NOW, "with_facets": True}
        if kind == "word_ru":
            options.update(locale="ru", text=rng.choice(ONE_WORD["ru"]))
        elif kind == "word_tt":
            options.update(locale="tt", text=rng.choice(ONE_WORD["tt"]))
        elif kind == "word_en":
            options.update(locale="en", text=rng.choice(ONE_WORD["en"]))
        elif kind == "two_words":
            options["text"] = " ".join(rng.sample(ONE_WORD[code], 2))
            if rng.random() < 0.5:
                # Two words of one title: they often occur together.
                subject = rng.choice(rng.choice(vocabulary.kinds).subjects)
                words = [w for w in subject.texts[code][0].split() if len(w) > 3]
                if len(words) >= 2:
                    options["text"] = " ".join(rng.sample(words, 2))
        elif kind == "folded_tt":
            options.update(locale="tt", text=rng.choice(FOLDED_TATAR))
        elif kind in {"one_facet", "two_facets"}:
            # A word of some title, narrowed by that title's domain or type.
            event_kind = rng.choice(vocabulary.kinds)
            subject = rng.choice(event_kind.subjects)
            words = [w.strip("«»,.:") for w in subject.texts[code][0].split()]
            options["text"] = rng.choice([w for w in words if len(w) > 3] or words)
            if kind == "one_facet":
                options["filters"] = {"domain": [subject.domain]}
            else:
                years = rng.sample(YEARS, 2)
                options["filters"] = {
                    "type": [event_kind.type],
                    "year": [str(year) for year in years],
                }
        elif kind == "browse_date":
            options["sort"] = "date"
        elif kind == "browse_popularity":
            options["sort"] = "popularity"
        elif kind == "browse_rating":
            options.update(sort="rating", filters={"subtitles": ["yes"]})
        elif kind == "deep_page":
            options.update(sort="date", page=rng.randrange(deep // 2 + 1, deep + 1))
        elif kind == "misspelt":
            options["text"] = _misspell(rng.choice(title_words(vocabulary, code)), rng)
        elif kind == "autocomplete":
            queries.append((code, rng.choice(SUGGEST_PREFIXES[code])))
            continue
        else:
            raise ValueError(f"unknown query kind {kind!r}")
        queries.append((code, SearchQuery(**options)))
    return queries


# --------------------------------------------------------------------------
# One backend, in a child process with Django set up
# --------------------------------------------------------------------------


def make_backend(name, options):
    if name == "elasticsearch":
        from cms.search.backends.elasticsearch import ElasticsearchBackend

        return ElasticsearchBackend(INDEX_NAME, **options)
    from cms.search.backends.database import DatabaseBackend

    return DatabaseBackend(INDEX_NAME, **options)


def database_size():
    """Bytes the search tables take (PostgreSQL) or the database file (SQLite)."""
    from django.db import connection

    if connection.vendor == "postgresql":
        with connection.cursor() as cursor:
            cursor.execute(
                "SELECT COALESCE(SUM(pg_total_relation_size(c.oid)), 0) "
                "FROM pg_class c JOIN pg_namespace n ON n.oid = c.relnamespace "
                "WHERE c.relkind = 'r' AND n.nspname = current_schema() "
                "AND c.relname LIKE 'cms_search%%'"
            )
            return int(cursor.fetchone()[0])
    if connection.vendor == "sqlite":
        path = Path(connection.settings_dict["NAME"])
        return sum(
            candidate.stat().st_size
            for candidate in (path, Path(f"{path}-wal"))
            if candidate.exists()
        )
    return None


def elasticsearch_size(backend):
    """The index's store size, if the backend exposes its client."""
    client = getattr(backend, "client", None)
    if client is None:
        return None
    try:
        stats = client.indices.stats(index=f"{backend.prefix}-{backend.index_name}-*")
        return int(stats["_all"]["primaries"]["store"]["size_in_bytes"])
    except Exception:  # noqa: BLE001 - a size is a nicety, not a result
        return None


def reindex(backend, items, batch_size, *, seed=SEED, vocabulary=None):
    """A full rebuild of ``items`` generated documents; figures of the load."""
    vocabulary = vocabulary or build_vocabulary()
    size_before = database_size() if backend.name == "database" else None
    token = f"bench-{secrets.token_hex(4)}"
    generating = indexing = 0.0
    written = 0
    started = time.perf_counter()
    backend.begin_rebuild(token)
    documents = generate(items, seed=seed, vocabulary=vocabulary)
    while True:
        mark = time.perf_counter()
        batch = []
        for document in documents:
            batch.append(document)
            if len(batch) == batch_size:
                break
        generating += time.perf_counter() - mark
        if not batch:
            break
        mark = time.perf_counter()
        backend.index(batch, rebuild=token)
        indexing += time.perf_counter() - mark
        written += len(batch)
    mark = time.perf_counter()
    backend.finish_rebuild(token)
    if hasattr(backend, "refresh"):
        backend.refresh()  # Elasticsearch: make every document searchable now
    finishing = time.perf_counter() - mark
    total = time.perf_counter() - started - generating
    analyse = None
    if backend.name == "database":
        from django.db import connection

        # A bulk load leaves the planner's statistics stale until autovacuum
        # or an explicit ANALYZE; production sees the analysed state.
        mark = time.perf_counter()
        with connection.cursor() as cursor:
            cursor.execute("ANALYZE")
        analyse = round(time.perf_counter() - mark, 2)
    if backend.name == "database":
        size = database_size() - (size_before or 0)
    else:
        size = elasticsearch_size(backend)
    return {
        "items": written,
        "batch_size": batch_size,
        "generate_seconds": round(generating, 2),
        "index_seconds": round(indexing, 2),
        "finish_seconds": round(finishing, 2),
        "total_seconds": round(total, 2),
        "items_per_second": round(written / total, 1) if total else None,
        "analyze_seconds": analyse,
        "index_bytes": size,
        "count": backend.count(),
        "count_by_locale": {code: backend.count(code) for code in LANGUAGES},
    }


def percentiles(latencies):
    if len(latencies) < 2:
        only = latencies[0] * 1000 if latencies else 0.0
        return {"p50_ms": only, "p95_ms": only, "p99_ms": only}
    cuts = statistics.quantiles(latencies, n=100, method="inclusive")
    return {
        "p50_ms": round(cuts[49] * 1000, 2),
        "p95_ms": round(cuts[94] * 1000, 2),
        "p99_ms": round(cuts[98] * 1000, 2),
    }


def measure(backend, items, *, queries, warmup, budget, seed=SEED, vocabulary=None):
    """Latency of each kind of query; rows of figures, one per kind."""
    vocabulary = vocabulary or build_vocabulary()
    rows = []
    for kind in QUERY_KINDS:
        mix = query_mix(
            kind.key, warmup + queries, items, seed=seed, vocabulary=vocabulary
        )

        def run(locale, query, kind=kind):
            if kind.suggest:
                found = backend.suggest(locale, query, limit=8, now=NOW)
                return len(found), len(found), ""
            results = backend.search(query)
            return results.total, len(results.hits), results.suggestion

        for locale, query in mix[:warmup]:
            run(locale, query)
        latencies, totals, suggestions, empty = [], [], 0, 0
        deadline = time.perf_counter() + budget if budget else None
        example = ""
        for locale, query in mix[warmup:]:
            started = time.perf_counter()
            total, shown, suggestion = run(locale, query)
            latencies.append(time.perf_counter() - started)
            totals.append(total)
            suggestions += bool(suggestion)
            empty += shown == 0
            if not example:
                example = query if kind.suggest else _describe(query)
            if deadline and time.perf_counter() > deadline:
                break
        rows.append(
            {
                "kind": kind.key,
                "label": kind.label,
                "example": example,
                "queries": len(latencies),
                **percentiles(latencies),
                "mean_total": round(statistics.fmean(totals), 1) if totals else 0,
                "empty_share": round(empty / len(latencies), 3) if latencies else 0,
                "suggestion_share": round(suggestions / len(latencies), 3)
                if latencies
                else 0,
            }
        )
    return rows


def _describe(query):
    parts = [query.locale]
    if query.text:
        parts.append(f"«{query.text}»")
    for name, values in query.filters.items():
        parts.append(f"{name}={'|'.join(values)}")
    if query.sort != "relevance":
        parts.append(f"sort={query.sort}")
    if query.page > 1:
        parts.append(f"page={query.page}")
    return " ".join(parts)


def worker(args):
    """The child process: one backend, load and measure, figures as JSON."""
    import django

    django.setup()
    from django.db import connection

    options = {}
    if args.backend == "elasticsearch":
        options = {
            "url": args.elasticsearch_url,
            "prefix": f"kazan_bench_{secrets.token_hex(4)}",
            "timeout": 30,
        }
    backend = make_backend(args.backend, options)
    vocabulary = build_vocabulary()
    label = connection.vendor if args.backend == "database" else "elasticsearch"
    result = {"backend": label, "error": ""}
    try:
        print(f"  {label}: loading {args.items:,} items", flush=True)
        result["load"] = reindex(backend, args.items, args.batch, vocabulary=vocabulary)
        load = result["load"]
        print(
            f"  {label}: {load['items']:,} items in {load['total_seconds']} s "
            f"({load['items_per_second']:,} items/s); timing queries",
            flush=True,
        )
        result["queries"] = measure(
            backend,
            args.items,
            queries=args.queries,
            warmup=args.warmup,
            budget=args.budget,
            vocabulary=vocabulary,
        )
    finally:
        if args.backend == "elasticsearch":
            try:
                backend.clear()
            except Exception as error:  # noqa: BLE001 - report, do not mask
                result["error"] = f"clear failed: {error}"
    Path(args.output).write_text(json.dumps(result, indent=2, default=str))


# --------------------------------------------------------------------------
# The run: one child process per backend
# --------------------------------------------------------------------------


def postgresql_reachable(url):
    import psycopg

    parts = urlsplit(url)
    maintenance = parts._replace(path="/postgres").geturl()
    try:
        with psycopg.connect(maintenance, connect_timeout=3):
            return True, ""
    except psycopg.Error as error:
        return False, str(error).strip().splitlines()[0]


def environment_for(run_dir, database_url):
    from bench.run import server_environment

    environment = server_environment(run_dir, database_url)
    environment["PYTHONUNBUFFERED"] = "1"
    return environment


def run_backend(label, backend, database_url, args, elasticsearch_url=""):
    from bench.run import ThrowawayPostgresDatabase, manage

    BENCH_DIR.mkdir(parents=True, exist_ok=True)
    run_dir = Path(tempfile.mkdtemp(prefix="run-archive-", dir=BENCH_DIR))
    database = ThrowawayPostgresDatabase(database_url) if database_url else None
    try:
        if database:
            database.create()
        environment = environment_for(run_dir, database_url)
        print(f"\n{label}: fresh database in {run_dir.relative_to(BASE_DIR)}")
        manage(environment, "migrate", "--noinput")
        output = run_dir / "result.json"
        command = [
            sys.executable,
            "-m",
            "bench.archive",
            "--worker",
            "--backend",
            backend,
            "--items",
            str(args.items),
            "--batch",
            str(args.batch),
            "--queries",
            str(args.queries),
            "--warmup",
            str(args.warmup),
            "--budget",
            str(args.budget),
            "--output",
            str(output),
        ]
        if elasticsearch_url:
            command += ["--elasticsearch-url", elasticsearch_url]
        completed = subprocess.run(command, cwd=BASE_DIR, env=environment, check=False)
        if completed.returncode != 0 or not output.exists():
            return {"backend": label, "error": f"exit status {completed.returncode}"}
        return json.loads(output.read_text())
    finally:
        if database:
            database.drop()
        if not args.keep:
            shutil.rmtree(run_dir, ignore_errors=True)


def run(args):
    """Every requested backend in turn; the list of their results."""
    results = []
    for name in args.databases:
        if name == "sqlite":
            results.append(run_backend("sqlite", "database", "", args))
        elif name == "postgresql":
            reachable, reason = postgresql_reachable(args.postgresql_url)
            if not reachable:
                print(f"\npostgresql: skipped, unreachable ({reason})")
                results.append({"backend": "postgresql", "skipped": reason})
                continue
            results.append(
                run_backend("postgresql", "database", args.postgresql_url, args)
            )
    if args.elasticsearch_url:
        results.append(
            run_backend(
                "elasticsearch",
                "elasticsearch",
                "",
                args,
                elasticsearch_url=args.elasticsearch_url,
            )
        )
    else:
        print("\nelasticsearch: skipped, ELASTICSEARCH_URL is not set")
        results.append(
            {"backend": "elasticsearch", "skipped": "ELASTICSEARCH_URL unset"}
        )
    return results


def _mib(size):
    return f"{size / 2**20:,.0f}" if size else "—"


def print_tables(results, args):
    print(
        f"\nArchive search: {args.items:,} items (ru/tt/en), rebuild in batches "
        f"of {args.batch}"
    )
    header = (
        f"{'backend':<14} {'items':>9} {'index s':>9} {'items/s':>9} "
        f"{'finish s':>9} {'size MiB':>9}"
    )
    print(header)
    print("-" * len(header))
    for result in results:
        load = result.get("load")
        if not load:
            note = result.get("skipped") or result.get("error") or "no figures"
            print(f"{result['backend']:<14} {note}")
            continue
        print(
            f"{result['backend']:<14} {load['items']:>9,} "
            f"{load['total_seconds']:>9.1f} {load['items_per_second']:>9,.0f} "
            f"{load['finish_seconds']:>9.1f} {_mib(load['index_bytes']):>9}"
        )
    for result in results:
        rows = result.get("queries")
        if not rows:
            continue
        print(
            f"\n{result['backend']}: latency in ms, with facet counts "
            f"({args.warmup} warm-up, up to {args.queries} measured per kind)"
        )
        width = max(len(row["label"]) for row in rows)
        header = (
            f"{'query':<{width}} {'n':>5} {'p50':>8} {'p95':>8} {'p99':>8} "
            f"{'found':>9} {'empty':>6} {'dym':>5}"
        )
        print(header)
        print("-" * len(header))
        for row in rows:
            print(
                f"{row['label']:<{width}} {row['queries']:>5} {row['p50_ms']:>8.1f} "
                f"{row['p95_ms']:>8.1f} {row['p99_ms']:>8.1f} "
                f"{row['mean_total']:>9,.0f} {row['empty_share']:>6.0%} "
                f"{row['suggestion_share']:>5.0%}"
            )
        for row in rows:
            print(f"  {row['label']}: e.g. {row['example']}")


def env_int(name, default):
    value = os.environ.get(name, "").strip()
    return int(value) if value else default


def add_arguments(parser):
    parser.add_argument(
        "--items",
        type=int,
        default=env_int("BENCH_ARCHIVE_ITEMS", 100_000),
        help="archive documents to generate and load (env BENCH_ARCHIVE_ITEMS; "
        "default 100000)",
    )
    parser.add_argument(
        "--databases",
        default=os.environ.get("BENCH_ARCHIVE_DATABASES") or ",".join(DATABASES),
        help="database backends to run, comma-separated: sqlite,postgresql "
        "(env BENCH_ARCHIVE_DATABASES; default both)",
    )
    parser.add_argument(
        "--postgresql-url",
        default=os.environ.get("BENCH_ARCHIVE_POSTGRESQL_URL")
        or DEFAULT_POSTGRESQL_URL,
        help="the PostgreSQL database to create, bench on and drop "
        f"(env BENCH_ARCHIVE_POSTGRESQL_URL; default {DEFAULT_POSTGRESQL_URL})",
    )
    parser.add_argument(
        "--elasticsearch-url",
        default=os.environ.get("ELASTICSEARCH_URL", ""),
        help="Elasticsearch to bench on, in indices of a fresh prefix removed "
        "afterwards (env ELASTICSEARCH_URL; default: skipped)",
    )
    parser.add_argument(
        "--batch",
        type=int,
        default=env_int("BENCH_ARCHIVE_BATCH", 500),
        help="documents per index() call (env BENCH_ARCHIVE_BATCH; default 500)",
    )
    parser.add_argument(
        "--queries",
        type=int,
        default=env_int("BENCH_ARCHIVE_QUERIES", 300),
        help="measured queries per kind (env BENCH_ARCHIVE_QUERIES; default 300)",
    )
    parser.add_argument(
        "--warmup",
        type=int,
        default=env_int("BENCH_ARCHIVE_WARMUP", 30),
        help="unmeasured queries per kind first (env BENCH_ARCHIVE_WARMUP; default 30)",
    )
    parser.add_argument(
        "--budget",
        type=float,
        default=float(os.environ.get("BENCH_ARCHIVE_BUDGET") or 90),
        help="seconds of measuring per kind, after which the kind stops early "
        "and reports how many it ran; 0: no limit (env BENCH_ARCHIVE_BUDGET; "
        "default 90)",
    )


def parse_args(argv=None):
    parser = argparse.ArgumentParser(
        prog="python -m bench.archive",
        description="Reindex throughput and search latency of the video archive "
        "on each search backend, with generated items.",
    )
    add_arguments(parser)
    parser.add_argument("--keep", action="store_true", help="keep run directories")
    parser.add_argument(
        "--results",
        type=Path,
        default=RESULTS_FILE,
        help="where to write the figures as JSON "
        "(default var/bench/archive-results.json)",
    )
    # The child process's side.
    parser.add_argument("--worker", action="store_true", help=argparse.SUPPRESS)
    parser.add_argument(
        "--backend", choices=["database", "elasticsearch"], help=argparse.SUPPRESS
    )
    parser.add_argument("--output", help=argparse.SUPPRESS)
    args = parser.parse_args(argv)
    args.databases = [
        name.strip() for name in args.databases.split(",") if name.strip()
    ]
    unknown = set(args.databases) - set(DATABASES)
    if unknown:
        parser.error(f"unknown databases: {', '.join(sorted(unknown))}")
    if args.items < 1 or args.batch < 1 or args.queries < 1:
        parser.error("--items, --batch and --queries must be at least 1")
    if args.warmup < 0 or args.budget < 0:
        parser.error("--warmup and --budget must not be negative")
    return args


def main(argv=None):
    args = parse_args(argv)
    if args.worker:
        worker(args)
        return None
    results = run(args)
    print_tables(results, args)
    report = {
        "date": datetime.now(UTC).isoformat(timespec="seconds"),
        "items": args.items,
        "batch": args.batch,
        "queries_per_kind": args.queries,
        "warmup_per_kind": args.warmup,
        "cpus": os.cpu_count(),
        "results": results,
    }
    args.results.parent.mkdir(parents=True, exist_ok=True)
    args.results.write_text(json.dumps(report, indent=2) + "\n")
    print(f"\nWritten to {args.results}")
    return report


if __name__ == "__main__":
    try:
        main()
    except KeyboardInterrupt:
        sys.exit(130)
