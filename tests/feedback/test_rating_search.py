"""The archive's "best rated" reads the stored rating and follows new ratings."""

import pytest

from cms.feedback import ratings
from cms.search.documents import SearchQuery
from cms.search.service import get_search_service
from events_plugin import signal_handlers
from events_plugin.search import archive_document, document_key
from tests.events.test_archive_indexing import make_archived_event
from tests.events.test_registration import resident

pytestmark = pytest.mark.django_db


def indexed_rating(page, locale="ru"):
    results = get_search_service().search(
        SearchQuery(locale=locale, text="Зюйдвестова", per_page=50)
    )
    hits = {hit.key: hit for hit in results.hits}
    hit = hits[document_key(page.pk)]
    return hit.rating, hit.rating_count


def test_archive_document_carries_the_bayesian_average_and_count():
    page = make_archived_event("organ-evening-rated")
    assert (archive_document(page).rating, archive_document(page).rating_count) == (
        None,
        0,
    )
    for index, score in enumerate((5, 5, 4)):
        ratings.rate(page, resident(f"r{index}"), score, language="ru")
    mean, weight = ratings.prior()
    document = archive_document(page)
    assert document.rating_count == 3
    assert document.rating == pytest.approx(
        ratings.bayesian_average(3, 14, mean, weight), abs=0.001
    )


def test_archive_rating_follows_each_rating_of_a_little_rated_item(
    django_capture_on_commit_callbacks, locales
):
    page = make_archived_event("organ-evening-followed")
    tatar = page.copy_for_translation(locales["tt"], copy_parents=True)
    tatar.save_revision().publish()
    tatar = type(tatar).objects.get(pk=tatar.pk)
    with django_capture_on_commit_callbacks(execute=True):
        ratings.rate(page, resident("alice"), 5, language="ru")
    assert indexed_rating(page)[1] == 1
    assert indexed_rating(tatar, "tt")[1] == 1
    with django_capture_on_commit_callbacks(execute=True):
        ratings.rate(tatar, resident("bob"), 1, language="tt")
    assert indexed_rating(page)[1] == 2


def test_a_much_rated_item_is_reindexed_every_nth_change(
    django_capture_on_commit_callbacks, monkeypatch
):
    monkeypatch.setattr(signal_handlers, "RATING_REINDEX_ALL_BELOW", 2)
    monkeypatch.setattr(signal_handlers, "RATING_REINDEX_EVERY", 3)
    page = make_archived_event("organ-evening-busy")
    counts = []
    for index in range(8):
        with django_capture_on_commit_callbacks(execute=True):
            ratings.rate(page, resident(f"busy{index}"), 4, language="ru")
        counts.append(indexed_rating(page)[1])
    # Ratings 1 and 2 at once; from the third on, every third change.
    assert counts == [1, 2, 2, 2, 5, 5, 5, 8]
