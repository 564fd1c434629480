"""Ratings racing on PostgreSQL: double clicks and many residents at once.

Each thread is a browser with its own connection, released by a barrier; the
requests commit, so the tests are transactional and the demo is put back from a
snapshot afterwards (tests/snapshot.py). SQLite serialises writers: skipped.
"""

from django.contrib.auth import get_user_model
from django.test import Client
from django.urls import reverse
from django.utils import translation

import pytest

from cms.feedback import ratings
from cms.feedback.models import PageFeedback, Rating
from tests import concurrency
from tests.concurrency import demo_snapshot_on_postgresql
from tests.events.test_registration import make_event
from tests.snapshot import ensure_demo

pytestmark = pytest.mark.postgresql

User = get_user_model()
ROUNDS = 5
TIMEOUT = 30


@pytest.fixture(scope="module")
def demo_snapshot(django_db_setup, django_db_blocker):
    yield from demo_snapshot_on_postgresql(
        django_db_blocker, "concurrent ratings need PostgreSQL (DATABASE_URL)"
    )


@pytest.fixture
def event(demo_snapshot, transactional_db):
    ensure_demo(demo_snapshot)
    return make_event("raced-rating", days=-1, registration=False, capacity=None)


def run_together(*jobs):
    results = concurrency.run_together(*jobs, timeout=TIMEOUT)
    for result in results:
        if isinstance(result, BaseException):
            raise result
    return results


def post_rating(user, url, score, language):
    def job(barrier):
        client = Client()
        client.force_login(user)
        barrier.wait(TIMEOUT)
        with translation.override(language):
            return client.post(url, {"score": score}, HTTP_ACCEPT="application/json")

    return job


def rate_url(page, language):
    with translation.override(language):
        return reverse("feedback:rate", args=[page.pk])


def assert_aggregate_equals_a_recount(page):
    feedback = PageFeedback.objects.get(translation_key=page.translation_key)
    stored = (
        feedback.rating_count,
        feedback.rating_total,
        feedback.distribution,
    )
    scores = list(
        Rating.objects.filter(feedback=feedback).values_list("score", flat=True)
    )
    assert stored == (
        len(scores),
        sum(scores),
        {score: scores.count(score) for score in (1, 2, 3, 4, 5)},
    )
    return feedback


@pytest.mark.parametrize("clicks", [2, 8])
def test_a_double_click_leaves_one_rating_and_a_true_aggregate(event, clicks):
    languages = ("ru", "tt", "en")
    for round_number in range(ROUNDS):
        user = User.objects.create_user(
            username=f"clicker-{clicks}-{round_number}",
            email=f"clicker-{clicks}-{round_number}@example.org",
        )
        jobs = [
            post_rating(
                user,
                rate_url(event, languages[n % 3]),
                1 + (n + round_number) % 5,
                languages[n % 3],
            )
            for n in range(clicks)
        ]
        responses = run_together(*jobs)
        assert [response.status_code for response in responses] == [200] * clicks
        assert Rating.objects.filter(user=user).count() == 1, f"round {round_number}"
        feedback = assert_aggregate_equals_a_recount(event)
        assert feedback.rating_count == round_number + 1


def test_many_residents_at_once_lose_no_rating(event):
    racers = [
        User.objects.create_user(username=f"racer-{n}", email=f"racer-{n}@example.org")
        for n in range(8)
    ]
    url = rate_url(event, "ru")
    responses = run_together(
        *(post_rating(user, url, 1 + n % 5, "ru") for n, user in enumerate(racers))
    )
    assert [response.status_code for response in responses] == [200] * len(racers)
    feedback = assert_aggregate_equals_a_recount(event)
    assert feedback.rating_count == len(racers)
    assert feedback.rating_total == sum(1 + n % 5 for n in range(len(racers)))


def test_ratings_and_removals_racing_keep_the_aggregate_true(event):
    residents = [
        User.objects.create_user(username=f"mixed-{n}", email=f"mixed-{n}@example.org")
        for n in range(6)
    ]
    for user in residents:
        ratings.rate(event, user, 3, language="ru")

    def remove(user):
        def job(barrier):
            barrier.wait(TIMEOUT)
            return ratings.remove_rating(event, user)

        return job

    def rerate(user, score):
        def job(barrier):
            barrier.wait(TIMEOUT)
            return ratings.rate(event, user, score, language="tt")

        return job

    run_together(
        remove(residents[0]),
        remove(residents[1]),
        rerate(residents[2], 5),
        rerate(residents[3], 1),
        remove(residents[2]),
        rerate(residents[4], 4),
    )
    feedback = assert_aggregate_equals_a_recount(event)
    assert feedback.rating_count in (3, 4)
    assert not Rating.objects.filter(user__in=residents[:2]).exists()
