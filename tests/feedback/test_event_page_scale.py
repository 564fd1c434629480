"""An event page with thousands of ratings and comments takes the queries of an
event with one of each, and its rating widget shows a recount's numbers.

PostgreSQL gets the issue's size (10,000 ratings and 5,000 comments); SQLite a
fifth of it, to stay fast.
"""

from django.db import connection
from django.db.models import Count, Sum
from django.test.utils import CaptureQueriesContext

import pytest

from bench.feedback import build_rated_event
from cms.comments.models import Comment
from cms.feedback import ratings
from cms.feedback.models import Rating

pytestmark = pytest.mark.django_db

SIZES = {"postgresql": (10_000, 5_000)}
SMALLER = (2_000, 1_000)


def _queries(client, path):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(path)
    assert response.status_code == 200, path
    return len(queries), response.content.decode()


@pytest.fixture
def events():
    many_ratings, many_comments = SIZES.get(connection.vendor, SMALLER)
    large = build_rated_event(many_ratings, many_comments, slug="much-rated")
    small = build_rated_event(1, 1, slug="rated-once")
    return small, large, many_ratings, many_comments


@pytest.mark.parametrize("signed_in", [False, True])
def test_the_event_page_takes_the_same_queries_with_thousands_of_ratings(
    client, django_user_model, events, signed_in
):
    small, large, many_ratings, many_comments = events
    if signed_in:
        # A resident who rated the large event and commented on it.
        client.force_login(Rating.objects.filter(feedback__rating_count__gt=1)[0].user)
    _queries(client, small.url)  # warm caches: site root paths, content types
    bound, _html = _queries(client, small.url)
    _queries(client, large.url)
    used, html = _queries(client, large.url)
    assert 0 < used <= bound, (used, bound)
    assert 'id="discussion"' in html


def test_the_widget_numbers_equal_a_recount(events):
    small, large, many_ratings, many_comments = events
    summary = ratings.summary_for(large)
    totals = Rating.objects.filter(
        feedback__translation_key=large.translation_key
    ).aggregate(count=Count("pk"), total=Sum("score"))
    assert summary.count == totals["count"] == many_ratings
    assert summary.mean == pytest.approx(totals["total"] / many_ratings)
    mean, weight = ratings.prior()
    assert summary.average == pytest.approx(
        ratings.bayesian_average(totals["count"], totals["total"], mean, weight)
    )
    by_score = dict(
        Rating.objects.filter(feedback__translation_key=large.translation_key)
        .values_list("score")
        .annotate(n=Count("pk"))
    )
    assert {bar.score: bar.count for bar in summary.bars} == {
        score: by_score.get(score, 0) for score in range(1, 6)
    }
    attendees = Rating.objects.filter(
        feedback__translation_key=large.translation_key, by_attendee=True
    )
    assert summary.attendee_count == attendees.count() > 0


def test_the_bulk_built_thread_is_what_posting_would_make(events):
    small, large, many_ratings, many_comments = events
    feedback = ratings.feedback_for(large)
    thread = list(
        Comment.objects.filter(
            object_pk=str(feedback.pk), content_type__model="pagefeedback"
        )
    )
    assert len(thread) == many_comments
    by_pk = {comment.pk: comment for comment in thread}
    assert {comment.language for comment in thread} == {"ru", "tt", "en"}
    for comment in thread:
        if comment.level == 0:
            assert comment.thread_id == comment.parent_id == comment.pk
        else:
            parent = by_pk[comment.parent_id]
            assert comment.level == parent.level + 1 <= 2
            assert comment.thread_id == parent.thread_id
            assert comment.order > parent.order
