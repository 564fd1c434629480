"""Submissions racing the closing instant, through real concurrent transactions.

Each thread is a participant with its own database connection, posting through
SubmitAction in a loop across the deadline (or while an organiser closes the
period early). Only PostgreSQL runs them truly in parallel (SQLite serialises
every writer), so the tests need ``DATABASE_URL`` to point to it. The actions
commit, so the tests are transactional: the demo content the flush removes
afterwards is put back from a snapshot (tests/snapshot.py).
"""

import datetime
import functools
import time
import uuid

from django.db import IntegrityError
from django.utils import timezone

import pytest

from cms.accounts.roles import Role
from hearings_plugin import actions
from hearings_plugin.actions import (
    CloseCommentPeriodAction,
    HearingError,
    PeriodClosed,
    SubmissionData,
    SubmitAction,
)
from hearings_plugin.factories import make_hearing, make_verified_resident
from hearings_plugin.models import HearingPage, HearingProcedure, Stage, Submission
from tests import concurrency
from tests.concurrency import demo_snapshot_on_postgresql
from tests.hearings.conftest import staff_member
from tests.snapshot import ensure_demo

pytestmark = pytest.mark.postgresql

SUBMITTERS = 8
TIMEOUT = 60
# How long the submitters keep posting after the closing instant.
AFTER_CLOSE = datetime.timedelta(seconds=1)
run_together = functools.partial(concurrency.run_together, timeout=TIMEOUT)


@pytest.fixture(scope="module")
def demo_snapshot(django_db_setup, django_db_blocker):
    yield from demo_snapshot_on_postgresql(
        django_db_blocker, "the deadline race needs PostgreSQL (DATABASE_URL)"
    )


@pytest.fixture
def hearing(demo_snapshot, transactional_db):
    ensure_demo(demo_snapshot)
    return make_hearing(Stage.OPEN, slug=f"race-{uuid.uuid4().hex[:8]}")


@pytest.fixture
def racers(hearing):
    return [make_verified_resident(f"racer-{n}") for n in range(SUBMITTERS)]


def data(token=None):
    return SubmissionData(
        kind="proposal",
        category="territory",
        text="Сохранить сквер у школы № 12.",
        client_token=token or uuid.uuid4(),
        identity_confirmed=True,
    )


def submit_until(page_pk, user, stop_at):
    """A participant posting again and again until ``stop_at`` (wall clock).

    Returns what the participant was told: the accepted submissions as
    (pk, number, received_at), refusals and any unexpected errors.
    """

    def job(barrier):
        page = HearingPage.objects.get(pk=page_pk)
        outcome = {"accepted": [], "refused": 0, "errors": []}
        barrier.wait(TIMEOUT)
        while timezone.now() < stop_at:
            try:
                submission, created = SubmitAction(page, user, data()).execute()
            except PeriodClosed:
                outcome["refused"] += 1
                time.sleep(0.005)
                continue
            except (HearingError, IntegrityError) as error:
                outcome["errors"].append(error)
                continue
            assert created
            outcome["accepted"].append(
                (submission.pk, submission.number, submission.received_at)
            )
        return outcome

    return job


def close_at(page, instant):
    HearingProcedure.objects.filter(pk=page.procedure_id).update(closes_at=instant)


def gather(outcomes):
    for outcome in outcomes:
        if isinstance(outcome, BaseException):
            raise outcome
    accepted = [item for outcome in outcomes for item in outcome["accepted"]]
    refused = sum(outcome["refused"] for outcome in outcomes)
    errors = [error for outcome in outcomes for error in outcome["errors"]]
    return accepted, refused, errors


def assert_legal_record(page, accepted, closes_at):
    """Nothing at or after the closing instant, nothing accepted lost, no gaps."""
    rows = list(Submission.objects.filter(procedure_id=page.procedure_id))
    assert not [row.number for row in rows if row.received_at >= closes_at]
    assert {pk for pk, _number, _received in accepted} == {row.pk for row in rows}
    assert sorted(row.sequence for row in rows) == list(range(1, len(rows) + 1))
    assert len({row.number for row in rows}) == len(rows)
    procedure = HearingProcedure.objects.get(pk=page.procedure_id)
    assert procedure.last_number == len(rows)
    assert all(received < closes_at for _pk, _number, received in accepted)


def test_nothing_is_stored_at_or_after_the_deadline_and_nothing_accepted_is_lost(
    hearing, racers
):
    closes_at = timezone.now() + datetime.timedelta(seconds=1.5)
    close_at(hearing, closes_at)

    outcomes = run_together(
        *(submit_until(hearing.pk, user, closes_at + AFTER_CLOSE) for user in racers)
    )

    accepted, refused, errors = gather(outcomes)
    assert not errors
    assert accepted, "no submission got in before the deadline"
    assert refused, "no submission was still posted after the deadline"
    assert_legal_record(hearing, accepted, closes_at)


def test_closing_early_refuses_what_is_in_flight_and_keeps_what_was_accepted(
    hearing, racers
):
    organiser = staff_member("race-organiser", Role.HEARING_ORGANISER)
    started = timezone.now()
    stop_at = started + datetime.timedelta(seconds=2.5)

    def close_early(barrier):
        page = HearingPage.objects.get(pk=hearing.pk)
        barrier.wait(TIMEOUT)
        time.sleep(0.8)
        return CloseCommentPeriodAction(
            page, organiser, "Проект отозван разработчиком на доработку."
        ).execute()

    outcomes = run_together(
        close_early, *(submit_until(hearing.pk, user, stop_at) for user in racers)
    )

    change, *submitters = outcomes
    if isinstance(change, BaseException):
        raise change
    accepted, refused, errors = gather(submitters)
    assert not errors
    assert accepted and refused
    procedure = HearingProcedure.objects.get(pk=hearing.procedure_id)
    assert procedure.closes_at == change.closes_at < stop_at
    assert procedure.stage == Stage.CLOSED
    assert_legal_record(hearing, accepted, change.closes_at)


def test_a_retried_post_racing_itself_is_stored_once(hearing, racers):
    page_pk = hearing.pk
    for round_number, user in enumerate(racers):
        token = uuid.uuid4()

        def post(barrier, user=user, token=token):
            page = HearingPage.objects.get(pk=page_pk)
            barrier.wait(TIMEOUT)
            submission, created = SubmitAction(page, user, data(token)).execute()
            return submission.pk, created

        results = run_together(post, post)

        for result in results:
            if isinstance(result, BaseException):
                raise result
        assert sorted(created for _pk, created in results) == [False, True]
        assert len({pk for pk, _created in results}) == 1, f"round {round_number}"
        assert Submission.objects.filter(author=user, client_token=token).count() == 1


def test_without_the_lock_concurrent_submissions_collide(hearing, racers, monkeypatch):
    """The control: reading the hearing without locking it breaks the numbering,
    which is what ``lock_procedure`` prevents in the tests above."""

    def read_without_lock(procedure_id):
        procedure = HearingProcedure.objects.get(pk=procedure_id)
        # Widen the window between reading the counter and writing it.
        time.sleep(0.02)
        return procedure

    monkeypatch.setattr(actions, "lock_procedure", read_without_lock)
    stop_at = timezone.now() + datetime.timedelta(seconds=1)

    outcomes = run_together(
        *(submit_until(hearing.pk, user, stop_at) for user in racers)
    )

    _accepted, _refused, errors = gather(outcomes)
    assert any(isinstance(error, IntegrityError) for error in errors)
