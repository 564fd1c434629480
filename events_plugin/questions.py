"""Residents' questions to a Q&A interview: asking, votes and moderation.

Each action has ``check()``, which raises :class:`QuestionError` with a message
for the person, and ``execute()``, which checks again under a row lock, writes,
and logs: residents' acts to the moderators' record (``cms.feedback.abuse``),
moderators' acts to Wagtail's audit log as well. The selectors below give the
event page, the player and the admin what they show, in a fixed number of queries.
"""

import dataclasses
import re

from django.db import IntegrityError, transaction
from django.db.models import F, Max
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from wagtail.log_actions import log

from cms.accounts.permissions import can_rate_or_comment
from cms.comments.models import public_name
from cms.feedback import abuse
from cms.text import clean_plain_text, contains_markup

from . import recordings
from .models import EventPage, Question, QuestionVote
from .models.feedback import QUESTION_MAX_LENGTH
from .permissions import can_moderate_questions

QA_INTERVIEW = EventPage.Type.QA_INTERVIEW
REASON_MAX_LENGTH = 500

# Wagtail audit log actions (labels in editing/questions_admin.py).
LOG_APPROVED = "events.question.approved"
LOG_REJECTED = "events.question.rejected"
LOG_MOVED = "events.question.moved"
LOG_ANSWERED = "events.question.answered"
LOG_REOPENED = "events.question.reopened"

# Actions of the moderators' record (cms.feedback.abuse).
RECORD_ASK = "question"
RECORD_VOTE = "question_vote"
RECORD_WITHDRAW = "question_unvote"
RECORD_MODERATE = "question_moderation"

UP = "up"
DOWN = "down"


class QuestionError(Exception):
    """A refusal the person can read: ``message`` is translated, ``code`` stable."""

    message = _("That did not work. Please try again.")
    code = "error"
    status = 400

    def __init__(self, message=None):
        if message is not None:
            self.message = message
        super().__init__(str(self.message))


class NotSignedIn(QuestionError):
    message = _("Sign in to ask a question or to vote.")
    code = "sign_in"
    status = 403


class QuestionsClosed(QuestionError):
    """The event takes no questions or votes now; the message says why."""

    code = "closed"
    status = 403


class InvalidQuestion(QuestionError):
    code = "invalid"


class UnknownQuestion(QuestionError):
    message = _("This question cannot be found on this event.")
    code = "unknown"
    status = 404


class NotVotable(QuestionError):
    message = _("You can vote only for questions the moderator has accepted.")
    code = "not_votable"


class OwnQuestion(QuestionError):
    message = _("You cannot vote for your own question.")
    code = "own"


class AlreadyVoted(QuestionError):
    message = _("You have already voted for this question.")
    code = "already_voted"


class NotVoted(QuestionError):
    message = _("You have not voted for this question.")
    code = "not_voted"


class NotModerator(QuestionError):
    message = _("Only the moderators of this event may do this.")
    code = "not_moderator"
    status = 403


class WrongStatus(QuestionError):
    message = _("This question has changed meanwhile. Please look at it again.")
    code = "wrong_status"
    status = 409


class InvalidAnswerTime(QuestionError):
    code = "invalid_time"


# Permissions (kept here until events_plugin/permissions.py takes them).


def takes_questions(page):
    """Only Q&A interviews take residents' questions."""
    return getattr(page, "event_type", None) == QA_INTERVIEW


def closed_reason(page, now=None):
    """Why residents cannot ask or vote on ``page`` now, or "" when they can."""
    if not takes_questions(page):
        return _("This event does not take questions.")
    if not page.live or page.get_view_restrictions().exists():
        return _("This event is not published, so it does not take questions.")
    dates = page.stored_occurrences.filter(cancelled=False).aggregate(last=Max("end"))
    if dates["last"] is None:
        if page.stored_occurrences.exists():
            return _("This event is cancelled, so it does not take questions.")
        return ""
    if dates["last"] <= (now or timezone.now()):
        return _("The event has ended, so questions and votes are closed.")
    return ""


def clean_question_text(text):
    """The question as stored, or :class:`InvalidQuestion` saying what is wrong."""
    text = clean_plain_text(text if isinstance(text, str) else "")
    if not text:
        raise InvalidQuestion(_("Write your question first."))
    if len(text) > QUESTION_MAX_LENGTH:
        raise InvalidQuestion(
            _("The question is too long: at most %(limit)d characters, please.")
            % {"limit": QUESTION_MAX_LENGTH}
        )
    if contains_markup(text):
        raise InvalidQuestion(
            _("Please write the question as plain text, without HTML or code.")
        )
    return text


_TIME = re.compile(r"(?:(\d{1,2}):)?(\d{1,2}):(\d{2})")


def parse_answer_time(value):
    """Seconds from "12:30" or "1:02:03"; :class:`InvalidAnswerTime` otherwise."""
    match = _TIME.fullmatch(str(value or "").strip())
    if match is not None:
        hours, minutes, seconds = (int(part or 0) for part in match.groups())
    if match is None or minutes > 59 or seconds > 59:
        raise InvalidAnswerTime(
            _(
                "Write the time as minutes and seconds, such as 12:30, or as "
                "hours, minutes and seconds, such as 1:02:03."
            )
        )
    return hours * 3600 + minutes * 60 + seconds


def _record(action, outcome, user, address, target, detail=""):
    abuse.record(
        action, outcome, user=user, address=address, target=target, detail=detail
    )


def _target(question_or_page):
    if isinstance(question_or_page, Question):
        return f"question:{question_or_page.pk}"
    return f"event:{question_or_page.translation_key}"


class ResidentAction:
    """A resident's write: rate-limited, recorded whether done or refused."""

    rate_action = "question"
    record_action = RECORD_ASK

    def execute(self):
        try:
            self.check()
            abuse.check_rate(self.rate_action, self.user, self.address)
            result = self.write()
        except QuestionError as error:
            _record(
                self.record_action,
                abuse.REFUSED,
                self.user,
                self.address,
                self.target(),
                error.code,
            )
            raise
        except abuse.Throttled:
            _record(
                self.record_action,
                abuse.THROTTLED,
                self.user,
                self.address,
                self.target(),
            )
            raise
        _record(self.record_action, abuse.DONE, self.user, self.address, self.target())
        return result


class AskQuestionAction(ResidentAction):
    """Send a question to the moderator of a Q&A interview."""

    def __init__(self, page, user, text, *, address=None):
        self.page = page
        self.user = user
        self.text = text
        self.address = address
        self.question = None

    def target(self):
        return _target(self.question or self.page)

    def check(self):
        if not can_rate_or_comment(self.user):
            raise NotSignedIn
        reason = closed_reason(self.page)
        if reason:
            raise QuestionsClosed(reason)
        self.cleaned_text = clean_question_text(self.text)

    def write(self):
        self.question = Question.objects.create(
            event_key=self.page.translation_key,
            user=self.user,
            text=self.cleaned_text,
            language=self.page.locale.language_code,
        )
        return self.question


def _recount(question):
    """Store the number of votes, counted again (the caller holds the row lock)."""
    question.vote_count = QuestionVote.objects.filter(question=question).count()
    question.save(update_fields=["vote_count"])
    return question


class VoteAction(ResidentAction):
    """Vote for an accepted question of a Q&A interview, once per account."""

    rate_action = "vote"
    record_action = RECORD_VOTE

    def __init__(self, page, user, question_id, *, address=None):
        self.page = page
        self.user = user
        self.question_id = question_id
        self.address = address
        self.question = None

    def target(self):
        return f"question:{self.question_id}"

    def _question(self, lock=False):
        questions = Question.objects.filter(event_key=self.page.translation_key)
        if lock:
            questions = questions.select_for_update()
        try:
            return questions.get(pk=int(self.question_id))
        except (Question.DoesNotExist, TypeError, ValueError, OverflowError):
            raise UnknownQuestion from None

    def check(self, question=None):
        if not can_rate_or_comment(self.user):
            raise NotSignedIn
        reason = closed_reason(self.page)
        if reason:
            raise QuestionsClosed(reason)
        question = question or self._question()
        if question.status != Question.Status.APPROVED:
            raise NotVotable
        if question.user_id == self.user.pk:
            raise OwnQuestion
        self.check_vote(question)

    def check_vote(self, question):
        if QuestionVote.objects.filter(question=question, user=self.user).exists():
            raise AlreadyVoted

    def write(self):
        with transaction.atomic():
            question = self._question(lock=True)
            self.check(question)
            try:
                with transaction.atomic():
                    self.change(question)
            except IntegrityError as error:
                # A double click that slipped past the check.
                raise AlreadyVoted from error
            self.question = _recount(question)
        return self.question

    def change(self, question):
        QuestionVote.objects.create(question=question, user=self.user)


class WithdrawVoteAction(VoteAction):
    """Take back one's vote for a question while voting is open."""

    record_action = RECORD_WITHDRAW

    def check_vote(self, question):
        if not QuestionVote.objects.filter(question=question, user=self.user).exists():
            raise NotVoted

    def change(self, question):
        QuestionVote.objects.filter(question=question, user=self.user).delete()


class ModerationAction:
    """A moderator's change to one question: locked, logged twice, then done.

    ``page`` is the event page the moderator works on (any language version).
    """

    log_action = ""
    allowed_from = ()

    def __init__(self, page, question, user, *, address=None):
        self.page = page
        self.question = question
        self.user = user
        self.address = address

    def check(self):
        if not can_moderate_questions(self.user, self.page):
            raise NotModerator
        if self.question.event_key != self.page.translation_key:
            raise UnknownQuestion
        if self.question.status not in self.allowed_from:
            raise WrongStatus

    def execute(self):
        try:
            with transaction.atomic():
                self.question = (
                    Question.objects.select_for_update()
                    .filter(pk=self.question.pk)
                    .first()
                )
                if self.question is None:
                    raise UnknownQuestion
                self.check()
                previous = self.question.status
                self.change()
                self.question.moderated_by = self.user
                self.question.moderated_at = timezone.now()
                self.question.save()
                log(
                    instance=self.page,
                    action=self.log_action,
                    user=self.user,
                    data={
                        "question": self.question.pk,
                        "from": previous,
                        "status": self.question.status,
                        **self.log_data(),
                    },
                )
        except QuestionError as error:
            _record(
                RECORD_MODERATE,
                abuse.REFUSED,
                self.user,
                self.address,
                f"question:{getattr(self.question, 'pk', '')}",
                f"{self.log_action}: {error.code}",
            )
            raise
        _record(
            RECORD_MODERATE,
            abuse.DONE,
            self.user,
            self.address,
            _target(self.question),
            self.log_action,
        )
        return self.question

    def log_data(self):
        return {}


class ApproveQuestionAction(ModerationAction):
    """Accept a waiting question: it shows on the event page for votes."""

    log_action = LOG_APPROVED
    allowed_from = (Question.Status.PENDING, Question.Status.REJECTED)

    def change(self):
        self.question.status = Question.Status.APPROVED
        self.question.rejection_reason = ""


class RejectQuestionAction(ModerationAction):
    """Not accept a question, with a reason only its author sees."""

    log_action = LOG_REJECTED
    allowed_from = (Question.Status.PENDING, Question.Status.APPROVED)

    def __init__(self, page, question, user, reason, *, address=None):
        super().__init__(page, question, user, address=address)
        self.reason = reason

    def check(self):
        super().check()
        reason = clean_plain_text(self.reason if isinstance(self.reason, str) else "")
        if not reason:
            raise InvalidQuestion(_("Say why the question is not accepted."))
        if len(reason) > REASON_MAX_LENGTH:
            raise InvalidQuestion(
                _("The reason is too long: at most %(limit)d characters, please.")
                % {"limit": REASON_MAX_LENGTH}
            )
        if contains_markup(reason):
            raise InvalidQuestion(
                _("Please write the reason as plain text, without HTML or code.")
            )
        self.cleaned_reason = reason

    def change(self):
        self.question.status = Question.Status.REJECTED
        self.question.rejection_reason = self.cleaned_reason
        self.question.position = None


class MarkAnsweredAction(ModerationAction):
    """Mark a question answered, at a moment of one of the event's recordings.

    The moment is optional (a recording may come later); when the recording is
    on the page and its duration known, the moment must fall within it.
    """

    log_action = LOG_ANSWERED
    allowed_from = (Question.Status.APPROVED, Question.Status.ANSWERED)

    def __init__(self, page, question, user, time="", recording=1, *, address=None):
        super().__init__(page, question, user, address=address)
        self.time = time
        self.recording = recording

    def check(self):
        super().check()
        self.seconds = None
        self.number = None
        if not str(self.time or "").strip():
            return
        self.seconds = parse_answer_time(self.time)
        try:
            self.number = int(str(self.recording or "1").strip())
        except ValueError:
            self.number = 0
        items = list(self.page.recordings.all())
        if self.number < 1 or (items and self.number > len(items)):
            raise InvalidAnswerTime(
                _("This event has no recording number %(number)s.")
                % {"number": self.recording}
            )
        if items and items[self.number - 1].duration:
            length = int(items[self.number - 1].duration.total_seconds())
            if self.seconds > length:
                raise InvalidAnswerTime(
                    _("The recording is only %(length)s long.")
                    % {"length": recordings.clock(length)}
                )

    def change(self):
        self.question.status = Question.Status.ANSWERED
        self.question.answer_seconds = self.seconds
        self.question.answer_recording = self.number
        self.question.answered_at = timezone.now()

    def log_data(self):
        return {"recording": self.number, "seconds": self.seconds}


class ReopenQuestionAction(ModerationAction):
    """Undo the last decision: answered → accepted, accepted or not → waiting."""

    log_action = LOG_REOPENED
    allowed_from = (
        Question.Status.ANSWERED,
        Question.Status.APPROVED,
        Question.Status.REJECTED,
    )

    def change(self):
        if self.question.status == Question.Status.ANSWERED:
            self.question.status = Question.Status.APPROVED
        else:
            self.question.status = Question.Status.PENDING
            self.question.position = None
            self.question.rejection_reason = ""
        self.question.answer_seconds = None
        self.question.answer_recording = None
        self.question.answered_at = None


class MoveQuestionAction(ModerationAction):
    """Move an accepted question up or down, or to a place, in the moderator's order.

    The whole list is numbered again, so it keeps the order residents saw.
    """

    log_action = LOG_MOVED
    allowed_from = (Question.Status.APPROVED,)

    def __init__(self, page, question, user, *, direction="", place=None, address=None):
        super().__init__(page, question, user, address=address)
        self.direction = direction
        self.place = place

    def check(self):
        super().check()
        if self.direction not in (UP, DOWN):
            try:
                self.place = int(str(self.place).strip())
            except (TypeError, ValueError):
                raise InvalidQuestion(_("Choose where to move the question.")) from None
            if self.place < 1:
                raise InvalidQuestion(_("Choose where to move the question."))

    def change(self):
        ordered = list(
            _approved(self.question.event_key)
            .select_for_update()
            .only("pk", "position", "vote_count", "created_at")
        )
        ids = [item.pk for item in ordered]
        index = ids.index(self.question.pk)
        if self.direction == UP:
            target = max(index - 1, 0)
        elif self.direction == DOWN:
            target = min(index + 1, len(ids) - 1)
        else:
            target = min(self.place, len(ids)) - 1
        ids.insert(target, ids.pop(index))
        for position, pk in enumerate(ids, start=1):
            if pk != self.question.pk:
                Question.objects.filter(pk=pk).update(position=position)
        self.question.position = target + 1

    def log_data(self):
        return {"position": self.question.position}


# Selectors.


def _approved(event_key):
    """Accepted questions in the order shown: the moderator's, votes, then age."""
    return Question.objects.filter(
        event_key=event_key, status=Question.Status.APPROVED
    ).order_by(F("position").asc(nulls_last=True), "-vote_count", "created_at", "pk")


def waiting_count(event_key):
    return Question.objects.filter(
        event_key=event_key, status=Question.Status.PENDING
    ).count()


@dataclasses.dataclass
class QuestionItem:
    """One question as a page shows it; the template only prints."""

    question: object
    author: str
    language: str
    voted: bool = False
    can_vote: bool = False
    own: bool = False
    url: str = ""
    clock: str = ""
    recording: int | None = None

    @property
    def pk(self):
        return self.question.pk

    @property
    def text(self):
        return self.question.text

    @property
    def votes(self):
        return self.question.vote_count


@dataclasses.dataclass
class QuestionBoard:
    """What the questions section of a Q&A interview page tells one person."""

    open: bool
    closed_message: str
    signed_in: bool
    questions: list
    answered: list
    mine: list
    max_length: int = QUESTION_MAX_LENGTH

    @property
    def can_ask(self):
        return self.open and self.signed_in

    @property
    def needs_sign_in(self):
        return self.open and not self.signed_in


def _language_name(code):
    from django.conf import settings

    return str(dict(settings.LANGUAGES).get(code, code))


def answer_link(page, request, question, count):
    """The player's address at the moment a question was answered, or ""."""
    from .views.player import route_url

    number = question.answer_recording
    if question.answer_seconds is None or not number or not 1 <= number <= count:
        return ""
    url = route_url(page, request, "watch_recording", number)
    return f"{url}?t={question.answer_seconds}" if question.answer_seconds else url


def _answered_items(page, request, questions, count):
    return [
        QuestionItem(
            question=question,
            author=public_name(question.user),
            language=_language_name(question.language),
            url=answer_link(page, request, question, count),
            clock=(
                recordings.clock(question.answer_seconds)
                if question.answer_seconds is not None
                else ""
            ),
            recording=question.answer_recording,
        )
        for question in questions
    ]


def question_board(page, request, now=None):
    """The questions section of ``page`` for ``request.user``: five queries at most."""
    user = request.user
    signed_in = can_rate_or_comment(user)
    reason = closed_reason(page, now)
    key = page.translation_key
    shown = list(
        Question.objects.filter(
            event_key=key,
            status__in=(Question.Status.APPROVED, Question.Status.ANSWERED),
        )
        .select_related("user")
        .order_by(F("position").asc(nulls_last=True), "-vote_count", "created_at", "pk")
    )
    voted = set()
    mine = []
    if signed_in:
        voted = set(
            QuestionVote.objects.filter(user=user, question__event_key=key).values_list(
                "question_id", flat=True
            )
        )
        mine = list(
            Question.objects.filter(
                event_key=key,
                user=user,
                status__in=(Question.Status.PENDING, Question.Status.REJECTED),
            ).order_by("-created_at", "-pk")
        )
    approved = []
    answered = []
    for question in shown:
        if question.status == Question.Status.ANSWERED:
            answered.append(question)
            continue
        own = signed_in and question.user_id == user.pk
        approved.append(
            QuestionItem(
                question=question,
                author=public_name(question.user),
                language=_language_name(question.language),
                voted=question.pk in voted,
                can_vote=signed_in and not reason and not own,
                own=own,
            )
        )
    answered.sort(key=_answer_order)
    count = page.recordings.count() if answered else 0
    return QuestionBoard(
        open=not reason,
        closed_message=str(reason),
        signed_in=signed_in,
        questions=approved,
        answered=_answered_items(page, request, answered, count),
        mine=mine,
    )


def _answer_order(question):
    return (
        question.answer_recording or 0,
        question.answer_seconds if question.answer_seconds is not None else -1,
        question.pk,
    )


def answered_in_recording(page, request, number):
    """The questions answered in recording ``number``, by their moment."""
    questions = sorted(
        Question.objects.filter(
            event_key=page.translation_key,
            status=Question.Status.ANSWERED,
            answer_recording=number,
            answer_seconds__isnull=False,
        ).select_related("user"),
        key=_answer_order,
    )
    return _answered_items(page, request, questions, number)


@dataclasses.dataclass
class ModerationLists:
    """The admin's view of one event's questions, by status."""

    waiting: list
    approved: list
    answered: list
    rejected: list
    recordings: list


def moderation_lists(page):
    """Every question of the event, in the order each section shows: two queries."""
    sections = {status: [] for status in Question.Status.values}
    questions = (
        Question.objects.filter(event_key=page.translation_key)
        .select_related("user")
        .order_by(F("position").asc(nulls_last=True), "-vote_count", "created_at", "pk")
    )
    for question in questions:
        question.author = public_name(question.user)
        question.language_name = _language_name(question.language)
        question.clock = (
            recordings.clock(question.answer_seconds)
            if question.answer_seconds is not None
            else ""
        )
        sections[question.status].append(question)
    sections[Question.Status.PENDING].sort(key=lambda q: (q.created_at, q.pk))
    sections[Question.Status.ANSWERED].sort(key=_answer_order)
    return ModerationLists(
        waiting=sections[Question.Status.PENDING],
        approved=sections[Question.Status.APPROVED],
        answered=sections[Question.Status.ANSWERED],
        rejected=sections[Question.Status.REJECTED],
        recordings=[
            {
                "number": number,
                "label": str(recording),
                "duration": recordings.clock(int(recording.duration.total_seconds()))
                if recording.duration
                else "",
            }
            for number, recording in enumerate(page.recordings.all(), start=1)
        ],
    )


# Personal data (152-FZ): a resident's questions and votes.


def questions_of(user):
    """A person's questions as personal data records."""
    return [
        {
            "text": question.text,
            "status": str(question.get_status_display()),
            "language": question.language,
            "asked_at": question.created_at,
            "votes": question.vote_count,
            "reason": question.rejection_reason,
        }
        for question in Question.objects.filter(user=user).order_by("created_at")
    ]


def anonymise_questions(user):
    """On account deletion: votes go (counts recounted), questions stay unsigned.

    An answered question is part of the recording's record; its author's name
    is dropped, and public pages then show "Resident".
    """
    voted = list(
        QuestionVote.objects.filter(user=user).values_list("question_id", flat=True)
    )
    QuestionVote.objects.filter(user=user).delete()
    for question in Question.objects.select_for_update().filter(pk__in=voted):
        _recount(question)
    Question.objects.filter(user=user).update(user=None)
