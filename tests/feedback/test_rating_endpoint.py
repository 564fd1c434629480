"""The rating endpoint and widget: forms without JavaScript, JSON with it, refusals."""

import json

from django.contrib.auth.models import AnonymousUser
from django.test import Client
from django.urls import reverse
from django.utils import translation

import pytest

from cms.feedback import abuse, ratings
from cms.feedback.models import ActivityRecord, PageFeedback, Rating
from events_plugin.models import EventPage, Registration
from tests.events.test_registration import client_for, make_event, resident

pytestmark = pytest.mark.django_db

JSON = {"HTTP_ACCEPT": "application/json"}


@pytest.fixture(autouse=True)
def widget_text_in_english(settings):
    """The widget's own words, untranslated, on the Russian pages tested here.

    Without the project's catalogue the pages keep Russian formats ("3,8") and
    Django's own Russian, while the widget's strings read as written; their
    translations are checked by the catalogue tests.
    """
    settings.LOCALE_PATHS = []


def held_event(slug="rated-event"):
    """A live event whose only date began yesterday."""
    return make_event(slug, days=-1, registration=True, capacity=None)


def alices_ratings():
    """The test resident's ratings (the demo has ratings of its own)."""
    return Rating.objects.filter(user__username="alice")


def rate_url(page, language="ru"):
    with translation.override(language):
        return reverse("feedback:rate", args=[page.pk])


def test_rating_without_javascript_redirects_back_with_a_one_time_notice():
    page = held_event()
    client = client_for(resident("alice"))
    response = client.post(rate_url(page), {"score": "4", "next": page.url})
    assert response.status_code == 302
    assert response["Location"] == f"{page.url}#rating"
    rating = alices_ratings().get()
    assert (rating.score, rating.language) == (4, "ru")
    html = client.get(page.url).content.decode()
    assert "Your rating is saved: 4 out of 5." in html
    assert 'role="status"' in html
    assert "Your rating: 4 out of 5" in html
    # Shown once: the next visit has no notice.
    assert "Your rating is saved" not in client.get(page.url).content.decode()


def test_a_resident_changes_then_removes_the_rating():
    page = held_event()
    client = client_for(resident("alice"))
    client.post(rate_url(page), {"score": "2", "next": page.url})
    client.post(rate_url(page), {"score": "5", "next": page.url})
    assert list(alices_ratings().values_list("score", flat=True)) == [5]
    html = client.get(page.url).content.decode()
    assert "Remove my rating" in html
    response = client.post(rate_url(page), {"remove": "1", "next": page.url})
    assert response.status_code == 302
    assert not alices_ratings().exists()
    feedback = PageFeedback.objects.get(translation_key=page.translation_key)
    assert (feedback.rating_count, feedback.rating_total) == (0, 0)
    html = client.get(page.url).content.decode()
    assert "Your rating is removed." in html
    assert "Remove my rating" not in html


def test_rating_with_javascript_answers_json_with_the_new_widget():
    page = held_event()
    client = client_for(resident("alice"))
    with translation.override("en"):
        response = client.post(
            rate_url(page, "en"), {"score": "5", "next": page.url}, **JSON
        )
    assert response.status_code == 200
    payload = response.json()
    assert payload["ok"] is True
    assert payload["message"] == "Your rating is saved: 5 out of 5."
    assert "data-rating-body" in payload["html"]
    assert "5 out of 5" in payload["html"]
    assert 'value="5" id="rating-score-5" checked' in payload["html"]
    assert alices_ratings().get().language == "en"


def test_one_rating_per_account_whatever_the_language_of_the_endpoint():
    page = held_event()
    client = client_for(resident("alice"))
    for language, score in (("ru", 3), ("tt", 4), ("en", 2)):
        client.post(rate_url(page, language), {"score": score, "next": page.url})
    rating = alices_ratings().get()
    assert (rating.score, rating.language) == (2, "en")


def test_get_is_not_allowed():
    page = held_event()
    response = client_for(resident("alice")).get(rate_url(page))
    assert response.status_code == 405


def test_anonymous_goes_to_sign_in_and_back_to_the_widget():
    page = held_event()
    response = Client().post(rate_url(page), {"score": "4", "next": page.url})
    assert response.status_code == 302
    assert "/accounts/" in response["Location"] or "login" in response["Location"]
    assert "%23rating" in response["Location"]
    response = Client().post(rate_url(page), {"score": "4"}, **JSON)
    assert response.status_code == 403
    with translation.override("ru"):
        assert response.json()["message"] == str(ratings.NotSignedIn.message)
    assert not Rating.objects.filter(
        feedback__translation_key=page.translation_key
    ).exists()


@pytest.mark.parametrize(
    "data",
    [
        {"score": "0"},
        {"score": "6"},
        {"score": "-3"},
        {"score": "four"},
        {"score": "3.5"},
        {"score": "9" * 500},
        {"score": ""},
        {},
        {"score": "<script>alert(1)</script>"},
        {"remove": "yes"},
    ],
)
def test_garbage_scores_are_refused_with_a_message_and_nothing_stored(data):
    page = held_event()
    client = client_for(resident("alice"))
    response = client.post(rate_url(page), {**data, "next": page.url})
    assert response.status_code == 400
    with translation.override("ru"):
        message = str(ratings.InvalidScore.message)
    assert message in response.content.decode()
    assert f'href="{page.url}#rating"' in response.content.decode()
    response = client.post(rate_url(page), data, **JSON)
    assert response.status_code == 400
    assert response.json() == {"ok": False, "message": message}
    assert not alices_ratings().exists()
    refused = ActivityRecord.objects.filter(
        user__username="alice", action="rating", outcome="refused"
    )
    assert refused.count() == 2


@pytest.mark.parametrize("page_id", ["0", "999999999", str(2**70)])
def test_unknown_page_ids_are_not_found(page_id):
    client = client_for(resident("alice"))
    response = client.post(f"/ru/ratings/{page_id}/", {"score": "4"}, **JSON)
    assert response.status_code == 404
    assert not response.json()["ok"]
    assert not alices_ratings().exists()


def test_unpublished_and_other_pages_are_not_found_and_future_events_are_closed():
    client = client_for(resident("alice"))
    unpublished = held_event("unpublished")
    unpublished.unpublish()
    home = EventPage.objects.first().get_parent().get_parent()
    for page in (unpublished, home):
        response = client.post(rate_url(page), {"score": "4"})
        assert response.status_code == 404
    future = make_event("future", days=3)
    response = client.post(rate_url(future), {"score": "4"}, **JSON)
    assert response.status_code == 403
    with translation.override("ru"):
        assert response.json()["message"] == "You can rate the event once it has begun."
    assert not alices_ratings().exists()


def test_next_outside_the_site_falls_back_to_the_page():
    page = held_event()
    client = client_for(resident("alice"))
    for evil in ("https://evil.example/", "//evil.example/x", "javascript:alert(1)"):
        response = client.post(rate_url(page), {"score": "3", "next": evil})
        assert response["Location"] == f"{page.url}#rating"
    response = client.post(
        rate_url(page), {"score": "3", "next": page.url, "anchor": '"><x'}
    )
    assert response["Location"] == f"{page.url}#rating"


def test_too_many_ratings_are_held_back_and_logged(settings):
    settings.FEEDBACK_RATE_LIMITS = {
        "rating": {"account": (2, 3600), "new_account": (2, 3600)}
    }
    page = held_event()
    client = client_for(resident("alice"))
    for score in (1, 2):
        assert client.post(rate_url(page), {"score": score}).status_code == 302
    response = client.post(rate_url(page), {"score": "5"}, **JSON)
    assert response.status_code == 429
    assert int(response["Retry-After"]) > 0
    with translation.override("ru"):
        expected = abuse.Throttled(int(response["Retry-After"])).message
    assert response.json()["message"] == expected
    assert alices_ratings().get().score == 2
    outcomes = list(
        ActivityRecord.objects.filter(user__username="alice", action="rating")
        .order_by("pk")
        .values_list("outcome", flat=True)
    )
    assert outcomes == ["done", "done", "throttled"]


def test_widget_shows_average_distribution_attendees_and_own_rating():
    page = held_event()
    attendee = resident("attendee")
    Registration.objects.create(
        event_key=page.translation_key, user=attendee, status="confirmed"
    )
    ratings.rate(page, attendee, 5, language="ru")
    for index, score in enumerate((4, 4, 2)):
        ratings.rate(page, resident(f"r{index}"), score, language="ru")
    html = client_for(attendee).get(page.url).content.decode()
    summary = ratings.summary_for(page)
    average = f"{summary.average:.1f}".replace(".", ",")
    assert f"{average} out of 5" in html
    assert "based on 4 ratings" in html
    assert "4 stars:" in html and "2 ratings (50%)" in html
    assert "Residents who took part: 5,0, 1 rating" in html
    assert "Your rating: 5 out of 5" in html
    assert "<legend" in html and "Your rating</legend>" in html
    assert html.count('type="radio" name="score"') == 5
    assert "3 stars out of 5" in html
    assert 'value="5" id="rating-score-5" checked' in html
    assert "Save my rating" in html


def test_anonymous_readers_get_a_sign_in_link_and_future_events_say_why():
    page = held_event()
    html = Client().get(page.url).content.decode()
    assert "Sign in to rate" in html
    assert "%23rating" in html
    assert "No ratings yet." in html
    assert 'name="score"' not in html
    future = make_event("future", days=3)
    html = client_for(resident("alice")).get(future.url).content.decode()
    assert "You can rate the event once it has begun." in html
    assert 'name="score"' not in html


def test_event_page_queries_do_not_grow_with_ratings(django_assert_max_num_queries):
    page = held_event()
    alice = resident("alice")
    client = client_for(alice)
    ratings.rate(page, alice, 3, language="ru")
    client.get(page.url)  # warm caches (site root paths, prior)
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as few:
        client.get(page.url)
    feedback = PageFeedback.objects.get(translation_key=page.translation_key)
    Rating.objects.bulk_create(
        Rating(feedback=feedback, user=resident(f"bulk{n}"), score=1 + n % 5)
        for n in range(60)
    )
    ratings.recount(feedback)
    with django_assert_max_num_queries(len(few.captured_queries)):
        response = client.get(page.url)
    assert "based on 61 ratings" in response.content.decode()


def test_widget_renders_nothing_for_pages_that_cannot_be_rated(rf):
    from django.template import Context, Template

    template = Template("{% load feedback_tags %}[{% rating_widget page %}]")
    request = rf.get("/")
    request.user = AnonymousUser()
    home = EventPage.objects.first().get_parent()
    assert template.render(Context({"page": home, "request": request})) == "[]"
    assert template.render(Context({"page": None, "request": request})) == "[]"


def test_json_errors_never_leak_html():
    page = held_event()
    client = client_for(resident("alice"))
    response = client.post(
        rate_url(page), {"score": "6"}, HTTP_ACCEPT="application/json, text/plain"
    )
    assert response["Content-Type"] == "application/json"
    assert json.loads(response.content)["ok"] is False


def test_the_widget_itself_reads_the_stored_aggregate_in_few_queries(
    rf, django_assert_max_num_queries
):
    from django.contrib.messages.storage.fallback import FallbackStorage
    from django.contrib.sessions.backends.cache import SessionStore
    from django.template import Context, Template

    page = held_event()
    alice = resident("alice")
    for index in range(12):
        ratings.rate(page, resident(f"many{index}"), 1 + index % 5, language="ru")
    ratings.rate(page, alice, 2, language="ru")
    ratings.prior()  # cached site-wide for ten minutes
    page = EventPage.objects.get(pk=page.pk)
    request = rf.get(page.url)
    request.user = alice
    request.session = SessionStore()
    request._messages = FallbackStorage(request)
    template = Template("{% load feedback_tags %}{% rating_widget page %}")
    # The aggregate with the reader's own score, and the event's dates.
    with django_assert_max_num_queries(3):
        html = template.render(Context({"page": page, "request": request}))
    assert "based on 13 ratings" in html
    assert "Your rating: 2 out of 5" in html
