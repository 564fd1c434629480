"""The demo seed's feedback: ratings, comments, questions and wishes in ru, tt, en."""

from django.contrib.auth import get_user_model
from django.contrib.contenttypes.models import ContentType
from django.db.models import Count, Q, Sum
from django.utils import timezone

import pytest

from cms.comments.models import Comment
from cms.feedback.models import PageFeedback, Rating
from events_plugin import demo_feedback
from events_plugin.models import (
    EventPage,
    ProgrammeIndexPage,
    Question,
    Registration,
    Wish,
)

pytestmark = pytest.mark.django_db

LANGUAGES = {"ru", "tt", "en"}


def feedback_comments():
    return Comment.objects.filter(
        content_type=ContentType.objects.get_for_model(PageFeedback)
    )


def snapshot():
    return {
        "feedback": PageFeedback.objects.count(),
        "ratings": Rating.objects.count(),
        "comments": feedback_comments().count(),
        "questions": Question.objects.count(),
        "wishes": Wish.objects.count(),
        "users": get_user_model().objects.count(),
    }


def test_every_held_event_is_rated_and_ratings_come_in_each_language():
    index = ProgrammeIndexPage.objects.get(locale__language_code="ru")
    held = demo_feedback.held_events(index.locale, timezone.now())
    assert len(held) >= 10
    keys = {page.translation_key for page in held}
    rated = set(
        PageFeedback.objects.filter(rating_count__gt=0).values_list(
            "translation_key", flat=True
        )
    )
    assert keys <= rated
    assert set(Rating.objects.values_list("language", flat=True)) == LANGUAGES
    # Only events that have begun are rated.
    upcoming = EventPage.objects.filter(
        locale=index.locale, slug="ask-the-head-of-culture"
    ).get()
    assert upcoming.translation_key not in rated


def test_stored_aggregates_equal_a_recount_of_the_ratings():
    feedback = list(PageFeedback.objects.filter(rating_count__gt=0))
    assert feedback
    for row in feedback:
        totals = Rating.objects.filter(feedback=row).aggregate(
            count=Count("pk"),
            total=Sum("score"),
            attendees=Count("pk", filter=Q(by_attendee=True)),
            attendee_total=Sum("score", filter=Q(by_attendee=True)),
            **{f"star_{s}": Count("pk", filter=Q(score=s)) for s in range(1, 6)},
        )
        assert row.rating_count == totals["count"]
        assert row.rating_total == totals["total"]
        assert row.attendee_count == totals["attendees"]
        assert row.attendee_total == (totals["attendee_total"] or 0)
        assert row.distribution == {s: totals[f"star_{s}"] for s in range(1, 6)}
        assert row.rated_at is not None and row.rated_at <= timezone.now()


def test_events_are_rated_differently_so_rankings_differ():
    means = [
        row.rating_total / row.rating_count
        for row in PageFeedback.objects.filter(rating_count__gte=5)
    ]
    assert len(means) >= 5
    assert max(means) - min(means) >= 1
    counts = set(PageFeedback.objects.values_list("rating_count", flat=True))
    assert len(counts) >= 5


def test_attendees_ratings_are_marked():
    marked = Rating.objects.filter(by_attendee=True).select_related("feedback")
    assert marked.exists()
    for rating in marked:
        assert Registration.objects.filter(
            event_key=rating.feedback.translation_key,
            user=rating.user,
            status=Registration.Status.CONFIRMED,
        ).exists()
    unmarked = Rating.objects.filter(by_attendee=False).select_related("feedback")
    for rating in unmarked[:200]:
        assert not Registration.objects.filter(
            event_key=rating.feedback.translation_key,
            user=rating.user,
            status=Registration.Status.CONFIRMED,
        ).exists()


def test_comments_are_threaded_in_three_languages_with_consistent_thread_fields():
    comments = list(feedback_comments().order_by("pk"))
    assert {comment.language for comment in comments} == LANGUAGES
    by_pk = {comment.pk: comment for comment in comments}
    replies = [comment for comment in comments if comment.level]
    assert replies
    for comment in comments:
        if comment.level == 0:
            assert comment.thread_id == comment.parent_id == comment.pk
            assert comment.order == 1
            descendants = [c for c in comments if c.thread_id == comment.pk and c.level]
            assert comment.nested_count == len(descendants)
        else:
            parent = by_pk[comment.parent_id]
            assert comment.level == parent.level + 1
            assert comment.thread_id == parent.thread_id
            assert comment.order > parent.order
            assert comment.object_pk == parent.object_pk
    # Each thread's order numbers are 1..n without gaps, as posting gives them.
    threads = {}
    for comment in comments:
        threads.setdefault(comment.thread_id, []).append(comment.order)
    for orders in threads.values():
        assert sorted(orders) == list(range(1, len(orders) + 1))
    assert all(comment.is_public and comment.user_id for comment in comments)


def test_one_reply_of_the_culture_department_is_official_when_comments_can_be():
    department = get_user_model().objects.get(username=demo_feedback.DEPARTMENT[0])
    replies = feedback_comments().filter(user=department)
    assert replies.count() == 1
    reply = replies.get()
    assert reply.level == 1 and reply.language == "ru"
    if demo_feedback.has_official_comments():
        assert reply.official
        assert feedback_comments().filter(official=True).count() == 1


def test_the_event_page_shows_its_seeded_thread(client):
    comment = feedback_comments().filter(language="tt", level=0).first()
    feedback = PageFeedback.objects.get(pk=comment.object_pk)
    page = feedback.page("en")
    response = client.get(page.url)
    assert response.status_code == 200
    assert comment.comment in response.content.decode()


def test_questions_are_answered_approved_waiting_and_refused_in_three_languages():
    questions = list(Question.objects.all())
    assert {question.language for question in questions} == LANGUAGES
    statuses = {question.status for question in questions}
    assert statuses == set(Question.Status.values)
    keys = {question.event_key for question in questions}
    interviews = EventPage.objects.filter(
        translation_key__in=keys, locale__language_code="ru"
    )
    assert set(interviews.values_list("event_type", flat=True)) == {"qa_interview"}
    for question in questions:
        assert question.vote_count == question.votes.count()
        if question.status == Question.Status.ANSWERED:
            page = interviews.get(translation_key=question.event_key)
            recording = page.recordings.order_by("sort_order")[
                question.answer_recording - 1
            ]
            assert 0 < question.answer_seconds < recording.duration.total_seconds()
            assert question.answered_at is not None
        if question.status == Question.Status.PENDING:
            assert question.vote_count == 0 and question.moderated_by is None
        if question.status == Question.Status.REJECTED:
            assert question.rejection_reason
        assert not question.votes.filter(user=question.user).exists()
    approved = [q for q in questions if q.status == Question.Status.APPROVED]
    assert any(q.position for q in approved) and any(q.vote_count for q in approved)


def test_wishes_come_in_three_languages_with_votes_and_editors_statuses():
    wishes = list(Wish.objects.all())
    assert {wish.language for wish in wishes} == LANGUAGES
    by_status = {}
    for wish in wishes:
        by_status.setdefault(wish.status, []).append(wish)
        assert wish.vote_count == wish.votes.count() > 0
        assert not wish.votes.filter(user=wish.user).exists()
        assert wish.domain and wish.event_type and wish.audience_id
    assert len(by_status["planned"]) == 1
    (done,) = by_status["done"]
    linked = EventPage.objects.filter(translation_key=done.event_key)
    assert set(linked.values_list("locale__language_code", flat=True)) == LANGUAGES
    assert done.editor_note and done.status_changed_at
    assert len({wish.created_at for wish in wishes}) == len(wishes)


def test_demo_authors_cannot_sign_in():
    authors = get_user_model().objects.filter(
        pk__in=feedback_comments().values("user")
    ) | get_user_model().objects.filter(pk__in=Rating.objects.values("user"))
    assert authors.exists()
    assert not any(user.has_usable_password() for user in authors.distinct())
    names = set(authors.values_list("first_name", flat=True))
    assert {"Anna", "James"} <= names


def test_seeding_again_adds_nothing():
    index = ProgrammeIndexPage.objects.get(locale__language_code="ru")
    before = snapshot()
    added = demo_feedback.seed_feedback(index, timezone.now())
    assert added == {"ratings": 0, "comments": 0, "questions": 0, "wishes": 0}
    assert snapshot() == before


def test_the_seed_is_the_same_every_run():
    index = ProgrammeIndexPage.objects.get(locale__language_code="ru")

    def content():
        return (
            sorted(
                Rating.objects.values_list(
                    "feedback__translation_key", "user__username", "score"
                )
            ),
            sorted(feedback_comments().values_list("user__username", "comment")),
            sorted(Question.objects.values_list("event_key", "text", "status")),
            sorted(Wish.objects.values_list("title", "status", "vote_count")),
        )

    before = content()
    PageFeedback.objects.all().delete()
    feedback_comments().delete()
    Question.objects.all().delete()
    Wish.objects.all().delete()
    added = demo_feedback.seed_feedback(index, timezone.now())
    assert added["ratings"] == len(before[0])
    assert content() == before
