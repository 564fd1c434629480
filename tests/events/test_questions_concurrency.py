"""Votes racing on one question, through real concurrent requests (PostgreSQL).

Each thread is a browser with its own connection; a barrier releases their POSTs
together. The stored vote count must equal the votes, and a double click must
leave one vote. Transactional: the demo is put back from a snapshot afterwards.
"""

from django.contrib.auth import get_user_model
from django.test import Client

import pytest

from events_plugin import questions
from events_plugin.models import EventPage, Question, QuestionVote
from tests import concurrency
from tests.concurrency import demo_snapshot_on_postgresql
from tests.events.test_questions import make_interview
from tests.snapshot import ensure_demo

pytestmark = pytest.mark.postgresql

User = get_user_model()
TIMEOUT = 30
VOTERS = 8
ROUNDS = 5


@pytest.fixture(scope="module")
def demo_snapshot(django_db_setup, django_db_blocker):
    yield from demo_snapshot_on_postgresql(
        django_db_blocker, "concurrent votes need PostgreSQL (DATABASE_URL)"
    )


@pytest.fixture
def question(demo_snapshot, transactional_db):
    ensure_demo(demo_snapshot)
    page = make_interview("racing-interview")
    author = User.objects.create_user(username="racing-author", email="a@example.org")
    return Question.objects.create(
        event_key=page.translation_key,
        user=author,
        text="Когда откроется каток?",
        language="ru",
        status=Question.Status.APPROVED,
    )


def page_of(question):
    return EventPage.objects.get(
        translation_key=question.event_key, locale__language_code="ru"
    )


def run_together(*jobs):
    results = concurrency.run_together(*jobs, timeout=TIMEOUT)
    for result in results:
        if isinstance(result, BaseException):
            raise result
    return results


def test_concurrent_votes_are_all_counted(question):
    url = page_of(question).url + f"questions/{question.pk}/vote/"
    voters = [
        User.objects.create_user(username=f"racer-{n}", email=f"racer-{n}@example.org")
        for n in range(VOTERS)
    ]

    def vote(user):
        def job(barrier):
            client = Client()
            client.force_login(user)
            barrier.wait(TIMEOUT)
            return client.post(url).status_code

        return job

    codes = run_together(*(vote(user) for user in voters))

    assert codes == [302] * VOTERS
    question.refresh_from_db()
    assert question.vote_count == VOTERS
    assert QuestionVote.objects.filter(question=question).count() == VOTERS


def test_a_double_click_makes_one_vote(question):
    page = page_of(question)
    for round_number in range(ROUNDS):
        user = User.objects.create_user(
            username=f"clicker-{round_number}",
            email=f"clicker-{round_number}@example.org",
        )

        def click(barrier, user=user):
            barrier.wait(TIMEOUT)
            try:
                questions.VoteAction(page, user, question.pk).execute()
            except questions.QuestionError as refusal:
                return refusal.code
            return "voted"

        outcomes = sorted(run_together(click, click))

        assert outcomes == ["already_voted", "voted"], f"round {round_number}"
        assert QuestionVote.objects.filter(question=question, user=user).count() == 1
    question.refresh_from_db()
    assert question.vote_count == ROUNDS
