"""Live Q&A: residents ask and vote on an interview's page, moderators decide."""

import datetime
import json

from django.contrib.auth import get_user_model
from django.db import connection
from django.test import Client
from django.test.utils import CaptureQueriesContext, override_settings
from django.utils import timezone, translation

from wagtail.log_actions import registry as log_registry
from wagtail.models import Locale, PageLogEntry

import pytest

from cms.accounts.roles import Role, create_roles
from cms.feedback.models import ActivityRecord
from events_plugin import questions
from events_plugin.models import (
    Domain,
    EventPage,
    EventSession,
    ProgrammeIndexPage,
    Question,
    QuestionVote,
    Recording,
)
from events_plugin.models.feedback import QUESTION_MAX_LENGTH
from tests.conftest import in_russian
from tests.events.test_registration import client_for, resident, staff_client

pytestmark = pytest.mark.django_db

User = get_user_model()
SENT = (
    "Your question is sent to the moderator. It will appear here once the "
    "moderator accepts it."
)


def make_interview(slug, *, days=7, hours=1, live=True, event_type="qa_interview"):
    """A Q&A interview of one date under the Russian programme, ``days`` from now.

    ``days`` may be negative: an interview that has taken place.
    """
    index = ProgrammeIndexPage.objects.get(locale__language_code="ru")
    start = timezone.now().replace(second=0, microsecond=0) + datetime.timedelta(
        days=days
    )
    page = EventPage(
        title=f"Интервью {slug}",
        slug=slug,
        event_type=event_type,
        domain=Domain.objects.filter(locale__language_code="ru").first(),
        live=live,
    )
    page.sessions = [
        EventSession(start=start, end=start + datetime.timedelta(hours=hours))
    ]
    index.add_child(instance=page)
    return page


def translate(page, language):
    """The page's published translation into ``language``."""
    translated = page.copy_for_translation(Locale.objects.get(language_code=language))
    translated.save_revision().publish()
    return EventPage.objects.get(pk=translated.pk)


def add_recording(page, minutes=60):
    return Recording.objects.create(
        page=page,
        locale=page.locale,
        provider="youtube",
        url="https://www.youtube.com/watch?v=dQw4w9WgXcQ",
        duration=datetime.timedelta(minutes=minutes),
    )


def ask(page, user, text="Когда откроется новый дом культуры?", status="approved"):
    """A question stored directly, as if asked and moderated."""
    return Question.objects.create(
        event_key=page.translation_key,
        user=user,
        text=text,
        language=page.locale.language_code,
        status=status,
    )


def stored(page):
    """The questions of ``page``'s event (the demo has its own)."""
    return Question.objects.filter(event_key=page.translation_key)


def votes_on(page):
    return QuestionVote.objects.filter(question__event_key=page.translation_key)


def client_status(client, response):
    """The final status: the language middleware sends a 404 to /ru/… first."""
    while response.status_code == 302 and "/login/" not in response["Location"]:
        response = client.post(response["Location"])
    return response.status_code


def main_text(response):
    return response.content.decode()


@pytest.fixture
def interview(db):
    return make_interview("ask-the-mayor")


@pytest.fixture
def asker(db):
    return resident("asker", first_name="Гульнара", last_name="Сафина")


@pytest.fixture
def voter(db):
    return resident("voter", first_name="Ильдар")


@pytest.fixture
def moderator_client(db):
    """A culture editor: publishes every event, so moderates their questions."""
    create_roles()
    user = User.objects.create_user(username="culture", email="culture@kzn.ru")
    user.groups.add(*_groups(Role.CULTURE_EDITOR))
    client = staff_client(User.objects.get(pk=user.pk))
    client.user = User.objects.get(pk=user.pk)
    return client


def _groups(role):
    from django.contrib.auth.models import Group

    return [Group.objects.get(name=role.value)]


# Asking.


def test_a_resident_asks_and_sees_the_question_waiting_for_the_moderator(
    interview, asker
):
    client = client_for(asker)

    response = client.post(
        interview.url + "questions/", {"text": "  Будет ли летний фестиваль?  "}
    )

    assert response.status_code == 302
    assert response["Location"].endswith("#questions")
    question = Question.objects.get(event_key=interview.translation_key)
    assert question.text == "Будет ли летний фестиваль?"
    assert question.status == Question.Status.PENDING
    assert question.language == "ru"
    assert question.user == asker
    page = client.get(interview.url)
    assert in_russian(SENT) in main_text(page)
    assert "Будет ли летний фестиваль?" in main_text(page)
    assert in_russian("Waiting for the moderator.") in main_text(page)
    # Nobody else sees a waiting question.
    assert "Будет ли летний фестиваль?" not in main_text(Client().get(interview.url))
    record = ActivityRecord.objects.get(action=questions.RECORD_ASK)
    assert record.outcome == ActivityRecord.Outcome.DONE
    assert record.user == asker


def test_a_visitor_is_sent_to_sign_in_and_nothing_is_stored(interview):
    response = Client().post(interview.url + "questions/", {"text": "Вопрос"})

    assert response.status_code == 302
    assert "/login/" in response["Location"]
    assert not stored(interview).exists()


def test_the_page_offers_a_visitor_to_sign_in_to_ask(interview):
    response = Client().get(interview.url)

    assert in_russian("Sign in to ask a question") in main_text(response)
    assert 'name="text"' not in main_text(response)
    assert "private" in response["Cache-Control"]


def test_asking_by_get_is_not_allowed(interview, asker):
    response = client_for(asker).get(interview.url + "questions/")

    assert response.status_code == 405


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("", "Write your question first."),
        ("   \n\t ", "Write your question first."),
        (
            "я" * (QUESTION_MAX_LENGTH + 1),
            "The question is too long: at most %(limit)d characters, please.",
        ),
        (
            "<script>alert(1)</script>",
            "Please write the question as plain text, without HTML or code.",
        ),
        (
            'Вопрос <img src=x onerror="alert(1)">',
            "Please write the question as plain text, without HTML or code.",
        ),
    ],
)
def test_bad_questions_are_refused_with_a_message_and_nothing_is_stored(
    interview, asker, text, message
):
    response = client_for(asker).post(interview.url + "questions/", {"text": text})

    assert response.status_code == 400
    expected = in_russian(message)
    assert (expected % {"limit": 500} if "%(" in expected else expected) in main_text(
        response
    )
    assert not stored(interview).exists()
    assert (
        ActivityRecord.objects.get(user=asker).outcome == ActivityRecord.Outcome.REFUSED
    )


def test_a_refused_question_keeps_the_text_in_the_form(interview, asker):
    text = "Почему <b>нет</b> субтитров?"

    response = client_for(asker).post(interview.url + "questions/", {"text": text})

    assert response.status_code == 400
    assert "Почему &lt;b&gt;нет&lt;/b&gt; субтитров?</textarea>" in main_text(response)
    assert 'role="alert"' in main_text(response)


def test_a_posted_field_that_is_not_text_is_refused_without_an_error_page(
    interview, asker
):
    response = client_for(asker).post(
        interview.url + "questions/", {"text": ["a", "b"], "other": "x" * 10_000}
    )

    assert response.status_code in (302, 400)
    assert stored(interview).count() <= 1


def test_events_that_are_not_interviews_take_no_questions(asker):
    lecture = make_interview("a-lecture", event_type="lecture")

    response = client_for(asker).post(lecture.url + "questions/", {"text": "Вопрос?"})

    assert client_status(client_for(asker), response) == 404
    assert not stored(lecture).exists()
    with pytest.raises(questions.QuestionsClosed):
        questions.AskQuestionAction(lecture, asker, "Вопрос?").execute()
    assert 'id="questions"' not in main_text(client_for(asker).get(lecture.url))


def test_an_ended_interview_takes_no_more_questions(asker):
    past = make_interview("past-interview", days=-2)

    response = client_for(asker).post(past.url + "questions/", {"text": "Вопрос?"})

    assert response.status_code == 403
    closed = "The event has ended, so questions and votes are closed."
    assert in_russian(closed) in main_text(response)
    assert not stored(past).exists()


def test_an_interview_takes_questions_until_its_last_date_ends(asker):
    running = make_interview("running-interview", days=0, hours=2)

    action = questions.AskQuestionAction(running, asker, "Сейчас можно?")

    assert action.execute().status == Question.Status.PENDING


def test_an_unpublished_interview_takes_no_questions(asker):
    draft = make_interview("draft-interview", live=False)

    with pytest.raises(questions.QuestionsClosed):
        questions.AskQuestionAction(draft, asker, "Вопрос?").execute()
    assert not stored(draft).exists()


# The list and votes.


def test_accepted_questions_show_in_the_moderators_order_then_by_votes(
    interview, asker, voter
):
    oldest = ask(interview, asker, "Первый вопрос")
    popular = ask(interview, asker, "Популярный вопрос")
    placed = ask(interview, asker, "Вопрос, поставленный модератором")
    ask(interview, asker, "Ждёт модерации", status="pending")
    Question.objects.filter(pk=popular.pk).update(vote_count=5)
    Question.objects.filter(pk=placed.pk).update(position=1)
    request = Client().get(interview.url).wsgi_request

    board = questions.question_board(interview, request)

    assert [item.pk for item in board.questions] == [placed.pk, popular.pk, oldest.pk]


def test_a_question_asked_in_tatar_shows_on_the_russian_page_with_its_language(
    interview, asker, voter
):
    tatar = translate(interview, "tt")
    response = client_for(asker).post(
        tatar.url + "questions/", {"text": "Җәйге фестиваль булачакмы?"}
    )
    assert response.status_code == 302
    question = stored(interview).get()
    assert question.language == "tt"
    Question.objects.filter(pk=question.pk).update(status="approved")

    page = main_text(client_for(voter).get(interview.url))

    assert "Җәйге фестиваль булачакмы?" in page
    assert "Татарча" in page
    assert "Гульнара С." in page


def test_a_resident_votes_once_and_can_withdraw_the_vote(interview, asker, voter):
    question = ask(interview, asker)
    client = client_for(voter)
    vote_url = interview.url + f"questions/{question.pk}/vote/"

    assert client.post(vote_url).status_code == 302
    question.refresh_from_db()
    assert question.vote_count == 1
    page = main_text(client.get(interview.url))
    assert in_russian("Withdraw my vote") in page

    again = client.post(vote_url)
    assert again.status_code == 400
    assert in_russian("You have already voted for this question.") in main_text(again)
    question.refresh_from_db()
    assert question.vote_count == 1
    assert votes_on(interview).count() == 1

    withdrawn = client.post(interview.url + f"questions/{question.pk}/unvote/")
    assert withdrawn.status_code == 302
    question.refresh_from_db()
    assert question.vote_count == 0
    assert not votes_on(interview).exists()


def test_a_resident_cannot_vote_for_their_own_question(interview, asker):
    question = ask(interview, asker)

    response = client_for(asker).post(interview.url + f"questions/{question.pk}/vote/")

    assert response.status_code == 400
    assert in_russian("You cannot vote for your own question.") in main_text(response)
    assert not QuestionVote.objects.filter(user=asker).exists()


@pytest.mark.parametrize("status", ["pending", "rejected", "answered"])
def test_only_accepted_questions_take_votes(interview, asker, voter, status):
    question = ask(interview, asker, status=status)

    response = client_for(voter).post(interview.url + f"questions/{question.pk}/vote/")

    assert response.status_code == 400
    assert not QuestionVote.objects.filter(user=voter).exists()


@pytest.mark.parametrize("question_id", ["999999", "99999999999999999999999"])
def test_votes_for_unknown_questions_are_refused(interview, voter, question_id):
    response = client_for(voter).post(interview.url + f"questions/{question_id}/vote/")

    assert response.status_code == 404
    assert in_russian("This question cannot be found on this event.") in main_text(
        response
    )
    assert not QuestionVote.objects.filter(user=voter).exists()


def test_a_vote_for_another_events_question_is_refused(interview, asker, voter):
    other = make_interview("another-interview")
    question = ask(other, asker)

    response = client_for(voter).post(interview.url + f"questions/{question.pk}/vote/")

    assert response.status_code == 404
    assert not QuestionVote.objects.filter(user=voter).exists()


def test_voting_closes_when_the_interview_ends(asker, voter):
    past = make_interview("ended-interview", days=-2)
    question = ask(past, asker)

    response = client_for(voter).post(past.url + f"questions/{question.pk}/vote/")

    assert response.status_code == 403
    assert not QuestionVote.objects.filter(user=voter).exists()
    page = main_text(client_for(voter).get(past.url))
    assert in_russian("Vote for this question") not in page


def test_a_vote_sent_by_script_gets_json(interview, asker, voter):
    question = ask(interview, asker)

    response = client_for(voter).post(
        interview.url + f"questions/{question.pk}/vote/",
        headers={"Accept": "application/json"},
    )

    assert response.status_code == 200
    answer = json.loads(response.content)
    assert answer["ok"] is True
    assert answer["voted"] is True
    assert answer["votes"] == 1
    refused = client_for(voter).post(
        interview.url + f"questions/{question.pk}/vote/",
        headers={"Accept": "application/json"},
    )
    assert refused.status_code == 400
    assert json.loads(refused.content)["ok"] is False


@override_settings(
    FEEDBACK_RATE_LIMITS={
        "question": {"account": (1, 3600), "new_account": (1, 3600)},
    }
)
def test_too_many_questions_are_throttled_and_recorded(interview, asker):
    client = client_for(asker)
    assert client.post(interview.url + "questions/", {"text": "Раз"}).status_code == 302

    response = client.post(interview.url + "questions/", {"text": "Два"})

    assert response.status_code == 429
    assert response["Retry-After"]
    assert stored(interview).count() == 1
    assert ActivityRecord.objects.filter(
        action=questions.RECORD_ASK, outcome=ActivityRecord.Outcome.THROTTLED
    ).exists()


@override_settings(
    FEEDBACK_RATE_LIMITS={"vote": {"account": (1, 3600), "new_account": (1, 3600)}}
)
def test_too_many_votes_are_throttled(interview, asker, voter):
    first, second = ask(interview, asker, "Один"), ask(interview, asker, "Два")
    client = client_for(voter)
    assert client.post(interview.url + f"questions/{first.pk}/vote/").status_code == 302

    response = client.post(interview.url + f"questions/{second.pk}/vote/")

    assert response.status_code == 429
    assert votes_on(interview).count() == 1


def test_the_page_queries_do_not_grow_with_questions_and_votes(
    interview, asker, voter, django_assert_max_num_queries
):
    client = client_for(voter)
    ask(interview, asker, "Вопрос 0")
    ask(interview, asker, "Отвеченный вопрос", status="answered")
    add_recording(interview)
    client.get(interview.url)  # caches of the site and the session warmed
    with CaptureQueriesContext(connection) as few:
        assert client.get(interview.url).status_code == 200
    many = Question.objects.bulk_create(
        Question(
            event_key=interview.translation_key,
            user=asker if number % 2 else voter,
            text=f"Вопрос {number}",
            language="ru",
            status="approved" if number % 10 else "answered",
            vote_count=number % 7,
        )
        for number in range(1, 300)
    )
    voters = User.objects.bulk_create(
        User(username=f"v{number}", email=f"v{number}@example.org")
        for number in range(20)
    )
    QuestionVote.objects.bulk_create(
        QuestionVote(question=question, user=user)
        for question in many[:100]
        for user in voters
    )

    with django_assert_max_num_queries(len(few.captured_queries)):
        response = client.get(interview.url)

    assert response.status_code == 200
    assert "Вопрос 299" in main_text(response)


# Moderation.


def test_a_moderator_accepts_a_question_and_it_is_logged(
    interview, asker, moderator_client
):
    question = ask(interview, asker, status="pending")

    response = moderator_client.post(
        f"/admin/events/{interview.pk}/questions/{question.pk}/approve/"
    )

    assert response.status_code == 302
    question.refresh_from_db()
    assert question.status == Question.Status.APPROVED
    assert question.moderated_by == moderator_client.user
    entry = PageLogEntry.objects.get(action=questions.LOG_APPROVED)
    assert entry.page_id == interview.pk
    assert entry.data["question"] == question.pk
    assert ActivityRecord.objects.filter(
        action=questions.RECORD_MODERATE, outcome=ActivityRecord.Outcome.DONE
    ).exists()
    assert str(log_registry.get_action_label(questions.LOG_APPROVED))
    assert question.text in main_text(Client().get(interview.url))


def test_the_moderation_page_lists_every_section(interview, asker, moderator_client):
    ask(interview, asker, "Ждёт", status="pending")
    ask(interview, asker, "Принят")
    ask(interview, asker, "Отклонён", status="rejected")

    response = moderator_client.get(f"/admin/events/{interview.pk}/questions/")

    assert response.status_code == 200
    for text in ("Ждёт", "Принят", "Отклонён"):
        assert text in main_text(response)


def test_the_edit_page_shows_how_many_questions_wait(
    interview, asker, moderator_client
):
    ask(interview, asker, status="pending")

    response = moderator_client.get(f"/admin/pages/{interview.pk}/edit/")

    # The admin speaks the moderator's language (Russian by default).
    with translation.override("ru"):
        label = translation.gettext("Questions (%(waiting)d waiting)") % {"waiting": 1}
    assert label in main_text(response)


def test_staff_who_cannot_publish_the_event_may_not_moderate(interview, asker):
    create_roles()
    organiser = User.objects.create_user(username="organiser", email="o@kzn.ru")
    organiser.groups.add(*_groups(Role.HEARING_ORGANISER))
    question = ask(interview, asker, status="pending")
    client = staff_client(User.objects.get(pk=organiser.pk))

    listing = client.get(f"/admin/events/{interview.pk}/questions/")
    approve = client.post(
        f"/admin/events/{interview.pk}/questions/{question.pk}/approve/"
    )

    assert listing.status_code == 403
    assert approve.status_code == 403
    question.refresh_from_db()
    assert question.status == Question.Status.PENDING


def test_discussion_moderators_moderate_questions(interview, asker):
    create_roles()
    moderator = User.objects.create_user(username="moderator", email="m@kzn.ru")
    moderator.groups.add(*_groups(Role.MODERATOR))
    moderator = User.objects.get(pk=moderator.pk)
    question = ask(interview, asker, status="pending")

    questions.ApproveQuestionAction(interview, question, moderator).execute()

    question.refresh_from_db()
    assert question.status == Question.Status.APPROVED


def test_a_resident_cannot_moderate(interview, asker, voter):
    question = ask(interview, asker, status="pending")

    with pytest.raises(questions.NotModerator):
        questions.ApproveQuestionAction(interview, question, voter).execute()
    question.refresh_from_db()
    assert question.status == Question.Status.PENDING


def test_a_rejected_questions_reason_is_shown_to_its_author_only(
    interview, asker, voter, moderator_client
):
    question = ask(interview, asker, status="pending")
    url = f"/admin/events/{interview.pk}/questions/{question.pk}/reject/"

    moderator_client.post(url, {"reason": "Вопрос не по теме эфира."})

    question.refresh_from_db()
    assert question.status == Question.Status.REJECTED
    assert question.rejection_reason == "Вопрос не по теме эфира."
    assert PageLogEntry.objects.filter(action=questions.LOG_REJECTED).exists()
    assert "Вопрос не по теме эфира." in main_text(client_for(asker).get(interview.url))
    assert "Вопрос не по теме эфира." not in main_text(
        client_for(voter).get(interview.url)
    )


@pytest.mark.parametrize("reason", ["", "   ", "<script>x</script>", "я" * 501])
def test_rejecting_needs_a_plain_reason(interview, asker, moderator_client, reason):
    question = ask(interview, asker, status="pending")

    response = moderator_client.post(
        f"/admin/events/{interview.pk}/questions/{question.pk}/reject/",
        {"reason": reason},
        follow=True,
    )

    assert response.status_code == 200
    question.refresh_from_db()
    assert question.status == Question.Status.PENDING
    assert question.rejection_reason == ""


def test_a_moderator_moves_questions_up_and_down(interview, asker, moderator_client):
    first = ask(interview, asker, "Первый")
    second = ask(interview, asker, "Второй")
    third = ask(interview, asker, "Третий")
    base = f"/admin/events/{interview.pk}/questions/"
    request = Client().get(interview.url).wsgi_request

    moderator_client.post(base + f"{third.pk}/move/", {"direction": "up"})
    order = [i.pk for i in questions.question_board(interview, request).questions]
    assert order == [first.pk, third.pk, second.pk]

    moderator_client.post(base + f"{first.pk}/move/", {"direction": "down"})
    order = [i.pk for i in questions.question_board(interview, request).questions]
    assert order == [third.pk, first.pk, second.pk]

    moderator_client.post(base + f"{second.pk}/move/", {"place": "1"})
    order = [i.pk for i in questions.question_board(interview, request).questions]
    assert order == [second.pk, third.pk, first.pk]
    assert PageLogEntry.objects.filter(action=questions.LOG_MOVED).count() == 3


def test_an_answered_question_links_to_its_moment_in_the_recording(
    interview, asker, moderator_client
):
    add_recording(interview)
    question = ask(interview, asker, "Когда ремонт?")

    moderator_client.post(
        f"/admin/events/{interview.pk}/questions/{question.pk}/answer/",
        {"time": "12:30", "recording": "1"},
    )

    question.refresh_from_db()
    assert question.status == Question.Status.ANSWERED
    assert question.answer_seconds == 750
    assert question.answer_recording == 1
    page = main_text(Client().get(interview.url))
    assert f'href="{interview.url}watch/1/?t=750"' in page
    assert "12:30" in page
    player = main_text(Client().get(interview.url + "watch/1/"))
    assert "Когда ремонт?" in player
    assert "?t=750" in player


@pytest.mark.parametrize(
    ("time", "recording"),
    [
        ("99:99", "1"),
        ("-1", "1"),
        ("abc", "1"),
        ("12:3", "1"),
        ("1:00:01", "1"),  # the recording is an hour long
        ("12:30", "2"),  # there is one recording
        ("12:30", "0"),
        ("12:30", "x"),
    ],
)
def test_invalid_answer_times_are_refused(
    interview, asker, moderator_client, time, recording
):
    add_recording(interview, minutes=60)
    question = ask(interview, asker)

    response = moderator_client.post(
        f"/admin/events/{interview.pk}/questions/{question.pk}/answer/",
        {"time": time, "recording": recording},
        follow=True,
    )

    assert response.status_code == 200
    question.refresh_from_db()
    assert question.status == Question.Status.APPROVED
    assert question.answer_seconds is None


@pytest.mark.parametrize(
    ("text", "seconds"),
    [("0:00", 0), ("12:30", 750), ("1:02:03", 3723), ("59:59", 3599)],
)
def test_answer_times_are_read_as_minutes_or_hours(text, seconds):
    assert questions.parse_answer_time(text) == seconds


def test_undo_returns_an_answered_question_to_the_list(
    interview, asker, moderator_client
):
    question = ask(interview, asker)
    questions.MarkAnsweredAction(
        interview, question, moderator_client.user, "5:00"
    ).execute()

    moderator_client.post(
        f"/admin/events/{interview.pk}/questions/{question.pk}/reopen/"
    )

    question.refresh_from_db()
    assert question.status == Question.Status.APPROVED
    assert question.answer_seconds is None
    assert PageLogEntry.objects.filter(action=questions.LOG_REOPENED).exists()


def test_moderation_of_another_events_question_is_not_found(
    interview, asker, moderator_client
):
    other = make_interview("other-interview")
    question = ask(other, asker, status="pending")

    response = moderator_client.post(
        f"/admin/events/{interview.pk}/questions/{question.pk}/approve/"
    )

    assert response.status_code in (302, 404)
    assert client_status(moderator_client, response) == 404
    question.refresh_from_db()
    assert question.status == Question.Status.PENDING


def test_unknown_moderation_actions_are_not_found(interview, asker, moderator_client):
    question = ask(interview, asker, status="pending")

    response = moderator_client.post(
        f"/admin/events/{interview.pk}/questions/{question.pk}/delete/"
    )

    assert response.status_code in (302, 404)
    assert client_status(moderator_client, response) == 404


def test_deleting_an_account_removes_its_votes_and_unsigns_its_questions(
    interview, asker, voter
):
    from django.db import transaction

    own = ask(interview, voter, "Мой вопрос")
    other = ask(interview, asker)
    questions.VoteAction(interview, voter, other.pk).execute()
    assert questions.questions_of(voter)[0]["text"] == "Мой вопрос"

    with transaction.atomic():
        questions.anonymise_questions(voter)

    other.refresh_from_db()
    own.refresh_from_db()
    assert other.vote_count == 0
    assert not QuestionVote.objects.filter(user=voter).exists()
    assert own.user is None
    assert questions.questions_of(voter) == []
