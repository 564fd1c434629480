"""Fixtures of the archive search tests: a small corpus in three languages and the
backends it runs on (the database always, Elasticsearch when configured)."""

import os
from datetime import UTC, datetime, timedelta

import pytest

from cms.search.backends.database import DatabaseBackend
from cms.search.documents import Cue, SearchDocument

NOW = datetime(2026, 6, 1, 12, 0, tzinfo=UTC)


def item(number, locale, title, **values):
    facets = {
        "domain": [],
        "type": [],
        "institution": [],
        "year": [],
        "language": [locale],
        "subtitles": ["yes" if values.get("cues") else "no"],
    }
    facets.update(values.pop("facets", {}))
    date = values.pop("date", NOW - timedelta(days=number))
    facets["year"] = [str(date.year)]
    return SearchDocument(
        key=f"events.EventPage:{number}",
        locale=locale,
        url=f"/{locale}/archive/item-{number}/",
        title=title,
        date=date,
        available_from=values.pop("available_from", date),
        facets=facets,
        **values,
    )


def archive_corpus():
    """Eleven items: seven Russian, two Tatar, two English."""
    return [
        item(
            1,
            "ru",
            "Концерт камерной музыки в филармонии",
            summary="Вечер камерной музыки: сонаты и трио.",
            body="Играют солисты филармонии.",
            people=["Алсу Абдуллина"],
            tags=["музыка"],
            institution="Филармония имени Тукая",
            date=datetime(2025, 3, 10, 20, 0, tzinfo=UTC),
            rating=4.5,
            rating_count=10,
            popularity=50,
            duration=5400,
            facets={
                "domain": ["music"],
                "type": ["concert"],
                "institution": ["philharmonic"],
            },
            cues=[
                Cue(75.5, 80.0, "Сейчас прозвучит соната Шостаковича.", 1),
                Cue(12.0, 15.0, "Добрый вечер, дорогие слушатели.", 1),
                Cue(300.0, 305.0, "Шостакович написал эту сонату в 1934 году.", 2),
            ],
        ),
        item(
            2,
            "ru",
            "Лекция о творчестве Габдуллы Тукая",
            summary="Цикл лекций о литературном наследии.",
            body="После лекции прозвучат песни и концертные номера.",
            people=["Рафаэль Мустафин"],
            tags=["литература"],
            institution="Национальная библиотека",
            date=datetime(2024, 11, 2, 18, 0, tzinfo=UTC),
            popularity=200,
            facets={
                "domain": ["literature"],
                "type": ["lecture"],
                "institution": ["library"],
            },
        ),
        item(
            3,
            "ru",
            "Выставка <script>alert(1)</script> современного искусства",
            summary="Работы молодых художников Казани.",
            date=datetime(2025, 1, 20, 12, 0, tzinfo=UTC),
            rating=3.0,
            rating_count=2,
            popularity=5,
            facets={"domain": ["art"], "type": ["exhibition"]},
        ),
        item(
            4,
            "ru",
            "Концерт будущего сезона",
            summary="Ещё не опубликован.",
            date=datetime(2026, 5, 30, 20, 0, tzinfo=UTC),
            available_from=NOW + timedelta(days=10),
            facets={"domain": ["music"], "type": ["concert"]},
        ),
        item(
            5,
            "ru",
            "Спектакль в драматическом театре",
            summary="Комедия в двух действиях.",
            body="Постановка о концерте, который не состоялся.",
            institution="Театр имени Камала",
            date=datetime(2023, 9, 15, 19, 0, tzinfo=UTC),
            rating=4.5,
            rating_count=30,
            popularity=10,
            facets={
                "domain": ["theatre"],
                "type": ["performance"],
                "institution": ["kamal"],
            },
        ),
        item(
            6,
            "ru",
            "Органный вечер",
            summary="Бах и Гендель.",
            date=datetime(2025, 2, 1, 19, 0, tzinfo=UTC),
            popularity=30,
            facets={
                "domain": ["music"],
                "type": ["concert"],
                "institution": ["philharmonic"],
            },
        ),
        item(
            7,
            "ru",
            "Мастер-класс по каллиграфии",
            summary="Для начинающих.",
            date=datetime(2024, 5, 5, 11, 0, tzinfo=UTC),
            popularity=1,
            facets={"domain": ["art"], "type": ["workshop"]},
        ),
        item(
            11,
            "tt",
            "Театр көне",
            summary="Театрларыбызда яңа сезон башлана.",
            institution="Камал театры",
            date=datetime(2025, 3, 27, 18, 0, tzinfo=UTC),
            popularity=40,
            facets={
                "domain": ["theatre"],
                "type": ["performance"],
                "institution": ["kamal"],
            },
        ),
        item(
            12,
            "tt",
            "Тукайның әдәбият кичәсе",
            summary="Шигырьләр һәм җырлар.",
            people=["Рәфис Корбан"],
            institution="Милли китапханә",
            date=datetime(2025, 4, 26, 18, 0, tzinfo=UTC),
            popularity=90,
            facets={
                "domain": ["literature"],
                "type": ["lecture"],
                "institution": ["library"],
            },
            cues=[Cue(42.0, 45.0, "Тукай шигырьләрен укыйбыз.", 1)],
        ),
        item(
            21,
            "en",
            "Lecture on Tatar poetry",
            summary="An evening of verse by Gabdulla Tukay.",
            people=["Alsu Abdullina"],
            date=datetime(2025, 4, 26, 18, 0, tzinfo=UTC),
            popularity=7,
            facets={
                "domain": ["literature"],
                "type": ["lecture"],
                "institution": ["library"],
            },
        ),
        item(
            22,
            "en",
            "Chamber music concert",
            summary="Sonatas and trios.",
            date=datetime(2025, 3, 10, 20, 0, tzinfo=UTC),
            popularity=3,
            facets={
                "domain": ["music"],
                "type": ["concert"],
                "institution": ["philharmonic"],
            },
        ),
    ]


def _elasticsearch_backend():
    from cms.search.backends.elasticsearch import ElasticsearchBackend

    return ElasticsearchBackend(
        "test-archive", url=os.environ["ELASTICSEARCH_URL"], prefix="kazan-test"
    )


# Elasticsearch joins the contract runs when the environment names a server.
BACKENDS = ["database"] + (
    ["elasticsearch"] if os.environ.get("ELASTICSEARCH_URL") else []
)


@pytest.fixture(params=BACKENDS)
def backend(request, db):
    """An empty test index on each available backend, cleared afterwards."""
    if request.param == "database":
        backend = DatabaseBackend("test-archive")
    else:
        backend = _elasticsearch_backend()
    backend.clear()
    yield backend
    backend.clear()


def refresh(backend):
    """Make written documents searchable (Elasticsearch refreshes in the background)."""
    getattr(backend, "refresh", lambda: None)()


@pytest.fixture
def corpus():
    return archive_corpus()


@pytest.fixture
def archive(backend, corpus):
    """The backend with the corpus indexed."""
    backend.index(corpus)
    refresh(backend)
    return backend
