"""Registrations racing for the last place, through real concurrent requests.

Each thread is a browser with its own database connection; a barrier releases
their POSTs together. Only PostgreSQL runs them truly in parallel (SQLite
serialises every writer), so the tests need ``DATABASE_URL`` to point to it.
The requests commit, so the tests are transactional: the demo content the
flush removes afterwards is put back from a snapshot (tests/snapshot.py).
"""

from django.contrib.auth import get_user_model
from django.test import Client

import pytest

from events_plugin import actions, selectors
from events_plugin.models import EventPage, Registration
from tests import concurrency
from tests.concurrency import demo_snapshot_on_postgresql
from tests.snapshot import ensure_demo

pytestmark = pytest.mark.postgresql

User = get_user_model()
ROUNDS = 10
TIMEOUT = 30


@pytest.fixture(scope="module")
def demo_snapshot(django_db_setup, django_db_blocker):
    yield from demo_snapshot_on_postgresql(
        django_db_blocker, "concurrent registrations need PostgreSQL (DATABASE_URL)"
    )


@pytest.fixture
def course(demo_snapshot, transactional_db):
    ensure_demo(demo_snapshot)
    return EventPage.objects.get(
        slug="computer-literacy-for-seniors", locale__language_code="ru"
    )


def run_together(*jobs):
    """Run the jobs at once; re-raise the first error any of them raised."""
    results = concurrency.run_together(*jobs, timeout=TIMEOUT)
    for result in results:
        if isinstance(result, BaseException):
            raise result
    return results


def post_registration(user, url):
    def job(barrier):
        client = Client()
        client.force_login(user)
        barrier.wait(TIMEOUT)
        return client.post(url).status_code

    return job


def test_two_residents_racing_for_the_last_place_get_one_place_and_one_queue(
    course,
):
    url = course.url + "register/"
    for round_number in range(ROUNDS):
        taken = selectors.confirmed_count(course.translation_key)
        # One place left, every round.
        EventPage.objects.filter(translation_key=course.translation_key).update(
            capacity=taken + 1
        )
        racers = [
            User.objects.create_user(
                username=f"racer-{round_number}-{side}",
                email=f"racer-{round_number}-{side}@example.org",
            )
            for side in ("a", "b")
        ]

        codes = run_together(*(post_registration(user, url) for user in racers))

        assert codes == [302, 302]
        statuses = sorted(
            Registration.objects.filter(user__in=racers).values_list(
                "status", flat=True
            )
        )
        assert statuses == ["confirmed", "waitlisted"], f"round {round_number}"
        assert selectors.confirmed_count(course.translation_key) == taken + 1


def test_a_double_click_makes_one_registration_and_a_clear_refusal(course):
    EventPage.objects.filter(translation_key=course.translation_key).update(
        capacity=None
    )
    for round_number in range(ROUNDS):
        user = User.objects.create_user(
            username=f"clicker-{round_number}",
            email=f"clicker-{round_number}@example.org",
        )

        def click(barrier, user=user):
            barrier.wait(TIMEOUT)
            try:
                return actions.RegisterAction(course, user).execute().status
            except actions.RegistrationError as refusal:
                return refusal.code

        outcomes = sorted(run_together(click, click))

        assert outcomes == ["already_registered", "confirmed"]
        assert Registration.objects.filter(user=user).count() == 1
