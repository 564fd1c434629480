"""The rating core: one score per account across languages, a stored aggregate."""

import pytest

from cms.feedback import ratings
from cms.feedback.models import PageFeedback, Rating
from events_plugin.models import EventPage, Registration
from tests.events.test_registration import make_event, resident

pytestmark = pytest.mark.django_db


def held_event(slug="rated-event"):
    """A live event whose only date began yesterday."""
    return make_event(slug, days=-1, registration=True, capacity=None)


def test_one_rating_per_account_across_languages_changeable_and_removable():
    page = held_event()
    alice = resident("alice")
    ratings.rate(page, alice, 5, language="ru")
    ratings.rate(page, alice, "3", language="tt")
    feedback = PageFeedback.objects.get(translation_key=page.translation_key)
    assert Rating.objects.filter(feedback=feedback).count() == 1
    assert (feedback.rating_count, feedback.rating_total, feedback.star_3) == (1, 3, 1)
    ratings.rate(page, resident("bob"), 4, language="en")
    summary = ratings.summary_for(page, alice)
    assert summary.count == 2 and summary.own_score == 3
    assert summary.mean == 3.5
    ratings.remove_rating(page, alice)
    feedback.refresh_from_db()
    assert (feedback.rating_count, feedback.rating_total, feedback.star_3) == (1, 4, 0)


def test_bayesian_average_pulls_few_ratings_to_the_mean():
    assert ratings.bayesian_average(1, 5, 3.0, 5) == pytest.approx(20 / 6)
    assert ratings.bayesian_average(1000, 5000, 3.0, 5) == pytest.approx(5015 / 1005)
    assert ratings.bayesian_average(0, 0, 3.0, 5) is None


def test_attendees_are_marked_and_averaged_apart():
    page = held_event()
    attendee, other = resident("attendee"), resident("other")
    Registration.objects.create(
        event_key=page.translation_key, user=attendee, status="confirmed"
    )
    ratings.rate(page, attendee, 5, language="ru")
    ratings.rate(page, other, 1, language="ru")
    summary = ratings.summary_for(page)
    assert summary.attendee_count == 1 and summary.attendee_average == 5
    assert Rating.objects.get(user=attendee).by_attendee


@pytest.mark.parametrize("score", [0, 6, -1, "", "five", None, "3.5", "9" * 40])
def test_scores_outside_one_to_five_are_refused(score):
    page = held_event()
    with pytest.raises(ratings.InvalidScore):
        ratings.rate(page, resident("alice"), score, language="ru")
    assert not Rating.objects.filter(user__username="alice").exists()


def test_unpublished_future_and_anonymous_are_refused():
    page = held_event()
    with pytest.raises(ratings.RatingsClosed):
        ratings.rate(make_event("future", days=3), resident("a"), 4, language="ru")
    page.unpublish()
    with pytest.raises(ratings.UnknownPage):
        ratings.rate(EventPage.objects.get(pk=page.pk), resident("b"), 4, language="ru")
    from django.contrib.auth.models import AnonymousUser

    with pytest.raises(ratings.NotSignedIn):
        ratings.rate(page, AnonymousUser(), 4, language="ru")
    assert not Rating.objects.filter(user__username__in=["a", "b"]).exists()
