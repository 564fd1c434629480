"""State changes of a public hearing: every one is an action.

Each action has ``check()``, which raises a :class:`HearingError` the person can
read, and ``execute()``, which checks again while holding the hearing's lock (its
:class:`HearingProcedure` row), writes, logs to Wagtail's audit log and sends its
signal once the transaction commits. Submissions and organisers' changes to the
comment period queue behind the same lock, so a submission is registered only
at an instant before the closing instant in force at that moment.
"""

import functools
import uuid
from dataclasses import dataclass

from django.db import IntegrityError, transaction
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from wagtail.log_actions import log

from cms.text import clean_plain_text, contains_markup

from . import permissions, signals
from .models import (
    CommentPeriodChange,
    District,
    HearingProcedure,
    HearingResult,
    Stage,
    Submission,
)
from .models.submissions import (
    ATTACHMENT_EXTENSIONS,
    ATTACHMENT_MAX_BYTES,
    TEXT_MAX_LENGTH,
)

# Wagtail audit log actions (labels registered in wagtail_hooks.py).
LOG_SUBMITTED = "hearings.submission.received"
LOG_MODERATED = "hearings.submission.moderated"
LOG_ANSWERED = "hearings.submission.answered"
LOG_DUPLICATE = "hearings.submission.duplicate"
LOG_STAGE = "hearings.stage"
LOG_CLOSED_EARLY = "hearings.period.closed_early"
LOG_EXTENDED = "hearings.period.extended"
LOG_RESULT = "hearings.result.published"
LOG_EXPORTED = "hearings.submissions.exported"


class HearingError(Exception):
    """A refusal the person can read: ``message`` is translated, ``code`` is stable."""

    message = _("That did not work. Please try again.")
    code = "error"

    def __init__(self, message=None):
        if message is not None:
            self.message = message
        super().__init__(str(self.message))


class NotSignedIn(HearingError):
    message = _("Sign in with Gosuslugi (ESIA) to submit a proposal or remark.")
    code = "sign_in"


class NotVerified(HearingError):
    message = _(
        "Only residents whose identity is confirmed through Gosuslugi (ESIA) can "
        "submit proposals and remarks. Sign in with Gosuslugi to continue."
    )
    code = "not_verified"


class IdentityIncomplete(HearingError):
    message = _(
        "Gosuslugi did not give us the identification the law requires (full "
        "name, date of birth and address, or the organisation's name, OGRN and "
        "address). Complete your Gosuslugi profile and sign in again."
    )
    code = "identity_incomplete"


class IdentityNotConfirmed(HearingError):
    message = _("Please confirm that your identification data is correct.")
    code = "identity_not_confirmed"


class NotOpenYet(HearingError):
    message = _(
        "The comment period has not started yet: submissions are accepted from "
        "the opening of the exposition."
    )
    code = "not_open"


class PeriodClosed(HearingError):
    message = _(
        "The comment period has closed: submissions are no longer accepted. "
        "Nothing was stored."
    )
    code = "closed"


class NotAllowed(HearingError):
    message = _("You do not have permission to do this.")
    code = "forbidden"


class InvalidSubmission(HearingError):
    code = "invalid"


class InvalidChange(HearingError):
    code = "invalid"


def lock_procedure(procedure_id):
    """Lock a hearing until the transaction ends and return it fresh."""
    return HearingProcedure.objects.select_for_update().get(pk=procedure_id)


def current_procedure(page):
    """The hearing's procedure as stored now (a page may hold an older copy)."""
    return HearingProcedure.objects.get(pk=page.procedure_id)


def log_page(procedure):
    """The page the audit log files a hearing's entries under: the Russian one."""
    from .models import HearingPage

    pages = HearingPage.objects.filter(procedure=procedure).select_related("locale")
    pages = sorted(pages, key=lambda page: (page.locale.language_code != "ru", page.pk))
    return pages[0] if pages else None


def _log(procedure, action, user, data):
    # The audit log keeps ids and numbers, never names or addresses.
    page = log_page(procedure)
    if page is not None:
        log(instance=page, action=action, user=user, data=data)


def _send(signal, **kwargs):
    transaction.on_commit(
        functools.partial(signal.send, sender=HearingProcedure, **kwargs)
    )


def _identity_fields(user):
    """The identification the law requires, from the ESIA identity; or refuse."""
    identity = getattr(user, "esia_identity", None)
    if identity is None or not identity.trusted:
        raise NotVerified()
    if identity.kind == identity.Kind.LEGAL_ENTITY:
        fields = {
            "identity_kind": Submission.IdentityKind.LEGAL_ENTITY,
            "organisation_name": identity.organisation_name,
            "ogrn": identity.ogrn,
            "address": identity.address,
        }
        required = ("organisation_name", "ogrn", "address")
    else:
        fields = {
            "identity_kind": Submission.IdentityKind.PERSON,
            "full_name": identity.full_name,
            "birth_date": identity.birth_date,
            "address": identity.address,
        }
        required = ("full_name", "birth_date", "address")
    if not all(fields[name] for name in required):
        raise IdentityIncomplete()
    return fields


def identity_for_confirmation(user):
    """What a submission will carry about its author, for the form to show."""
    return _identity_fields(user)


@dataclass
class SubmissionData:
    """What a participant posts; the form has already parsed it."""

    kind: str
    category: str
    text: str
    client_token: uuid.UUID
    identity_confirmed: bool
    district: str = ""
    attachment: object = None  # an UploadedFile or None


def validate_attachment(upload):
    """Refuse files of other types or above the size limit."""
    if upload is None:
        return
    name = upload.name or ""
    extension = name.rsplit(".", 1)[-1].lower() if "." in name else ""
    if extension not in ATTACHMENT_EXTENSIONS:
        raise InvalidSubmission(
            _("Attach a file of one of these types: %(types)s.")
            % {"types": ", ".join(ATTACHMENT_EXTENSIONS)}
        )
    if upload.size > ATTACHMENT_MAX_BYTES:
        raise InvalidSubmission(
            _("The attachment is larger than %(size)s MB.")
            % {"size": ATTACHMENT_MAX_BYTES // (1024 * 1024)}
        )


def validate_text(text):
    text = clean_plain_text(text)
    if not text:
        raise InvalidSubmission(_("Write the text of your submission."))
    if len(text) > TEXT_MAX_LENGTH:
        raise InvalidSubmission(
            _("The text is longer than %(limit)s characters.")
            % {"limit": TEXT_MAX_LENGTH}
        )
    if contains_markup(text):
        raise InvalidSubmission(
            _(
                "The text contains HTML markup or a script. Write plain text "
                "without angle-bracket tags."
            )
        )
    return text


def _refuse_unless_open(procedure, now):
    stage = procedure.stage_at(now)
    if stage == Stage.ANNOUNCED:
        raise NotOpenYet()
    if stage != Stage.OPEN:
        raise PeriodClosed()


class SubmitAction:
    """Register a participant's proposal, remark or question.

    ``execute()`` returns ``(submission, created)``: a retried post (same form
    token) returns the stored submission instead of a second one.
    """

    def __init__(self, page, user, data):
        self.page = page
        self.user = user
        self.data = data

    def check(self):
        user = self.user
        if not (user and user.is_authenticated):
            raise NotSignedIn()
        if not permissions.can_submit_to_hearing(user):
            raise NotVerified()
        identity = _identity_fields(user)
        if not (self.page.live and self.page.procedure_id):
            raise PeriodClosed()
        _refuse_unless_open(current_procedure(self.page), timezone.now())
        if self.data.kind not in Submission.Kind.values:
            raise InvalidSubmission(
                _("Choose whether this is a proposal, a remark or a question.")
            )
        if self.data.category not in Submission.Category.values:
            raise InvalidSubmission(
                _("Say whether you live or own property in the territory of the draft.")
            )
        if self.data.district and self.data.district not in District.values:
            raise InvalidSubmission(_("Choose a district from the list."))
        validate_text(self.data.text)
        validate_attachment(self.data.attachment)
        if not self.data.identity_confirmed:
            raise IdentityNotConfirmed()
        return identity

    def execute(self):
        identity = self.check()
        text = validate_text(self.data.text)
        try:
            with transaction.atomic():
                procedure = lock_procedure(self.page.procedure_id)
                existing = Submission.objects.filter(
                    author=self.user, client_token=self.data.client_token
                ).first()
                if existing is not None:
                    return existing, False
                # The registration instant is read after the lock: an early close
                # that got the lock first has already moved the closing instant.
                now = timezone.now()
                _refuse_unless_open(procedure, now)
                procedure.last_number += 1
                procedure.save(update_fields=["last_number"])
                submission = Submission(
                    procedure=procedure,
                    page=self.page,
                    language=self.page.locale.language_code,
                    sequence=procedure.last_number,
                    number=f"{procedure.reference}-{procedure.last_number:04d}",
                    author=self.user,
                    client_token=self.data.client_token,
                    kind=self.data.kind,
                    category=self.data.category,
                    district=self.data.district,
                    text=text,
                    identity_confirmed_at=now,
                    received_at=now,
                    **identity,
                )
                upload = self.data.attachment
                if upload is not None:
                    submission.attachment_name = upload.name[:255]
                    submission.attachment_size = upload.size
                    submission.attachment.save(upload.name, upload, save=False)
                submission.save()
                _log(
                    procedure,
                    LOG_SUBMITTED,
                    None,
                    {"number": submission.number, "language": submission.language},
                )
                _send(
                    signals.submission_received,
                    procedure=procedure,
                    submission=submission,
                    user=self.user,
                )
        except IntegrityError:
            # Two identical posts raced past the lookup: the first one stands.
            existing = Submission.objects.filter(
                author=self.user, client_token=self.data.client_token
            ).first()
            if existing is None:
                raise
            return existing, False
        return submission, True


class RecordStageAction:
    """Record a stage the clock has reached (announced → open → closed) once."""

    def __init__(self, procedure):
        self.procedure = procedure

    def execute(self):
        with transaction.atomic():
            procedure = lock_procedure(self.procedure.pk)
            stage = procedure.stage_at(timezone.now())
            if procedure.recorded_stage == stage:
                return False
            procedure.recorded_stage = stage
            procedure.save(update_fields=["recorded_stage"])
            _log(procedure, LOG_STAGE, None, {"stage": stage})
            _send(
                signals.stage_changed,
                procedure=procedure,
                stage=stage,
                user=None,
                reason="",
            )
        return True


def _require_reason(reason):
    reason = clean_plain_text(reason)
    if not reason:
        raise InvalidChange(_("Give the reason: it is published with the change."))
    if contains_markup(reason):
        raise InvalidChange(_("Write the reason as plain text, without HTML tags."))
    return reason


class CloseCommentPeriodAction:
    """An organiser closes the comment period now, before its planned end."""

    def __init__(self, page, user, reason):
        self.page = page
        self.user = user
        self.reason = reason

    def check(self):
        if not permissions.can_close_comment_period(self.user, self.page):
            raise NotAllowed()
        if current_procedure(self.page).stage != Stage.OPEN:
            raise InvalidChange(_("Only an open comment period can be closed."))
        return _require_reason(self.reason)

    def execute(self):
        reason = self.check()
        with transaction.atomic():
            procedure = lock_procedure(self.page.procedure_id)
            now = timezone.now()
            if procedure.stage_at(now) != Stage.OPEN:
                raise InvalidChange(_("Only an open comment period can be closed."))
            change = CommentPeriodChange.objects.create(
                procedure=procedure,
                kind=CommentPeriodChange.Kind.CLOSED_EARLY,
                previous_closes_at=procedure.closes_at,
                closes_at=now,
                reason=reason,
                changed_by=self.user,
                changed_at=now,
            )
            procedure.closes_at = now
            procedure.recorded_stage = Stage.CLOSED
            procedure.save(update_fields=["closes_at", "recorded_stage"])
            _log(
                procedure,
                LOG_CLOSED_EARLY,
                self.user,
                {"closes_at": now.isoformat(), "reason": reason},
            )
            _send(
                signals.comment_period_changed,
                procedure=procedure,
                change=change,
                user=self.user,
            )
            _send(
                signals.stage_changed,
                procedure=procedure,
                stage=Stage.CLOSED,
                user=self.user,
                reason=reason,
            )
        return change


class ExtendCommentPeriodAction:
    """An organiser moves the closing instant of an open period later."""

    def __init__(self, page, user, closes_at, reason):
        self.page = page
        self.user = user
        self.closes_at = closes_at
        self.reason = reason

    def _check_dates(self, procedure, now):
        if procedure.stage_at(now) != Stage.OPEN:
            raise InvalidChange(_("Only an open comment period can be extended."))
        if self.closes_at is None or self.closes_at <= procedure.closes_at:
            raise InvalidChange(
                _("The new closing date must be later than the current one.")
            )

    def check(self):
        if not permissions.can_close_comment_period(self.user, self.page):
            raise NotAllowed()
        self._check_dates(current_procedure(self.page), timezone.now())
        return _require_reason(self.reason)

    def execute(self):
        reason = self.check()
        with transaction.atomic():
            procedure = lock_procedure(self.page.procedure_id)
            now = timezone.now()
            self._check_dates(procedure, now)
            change = CommentPeriodChange.objects.create(
                procedure=procedure,
                kind=CommentPeriodChange.Kind.EXTENDED,
                previous_closes_at=procedure.closes_at,
                closes_at=self.closes_at,
                reason=reason,
                changed_by=self.user,
                changed_at=now,
            )
            procedure.closes_at = self.closes_at
            procedure.save(update_fields=["closes_at"])
            _log(
                procedure,
                LOG_EXTENDED,
                self.user,
                {"closes_at": self.closes_at.isoformat(), "reason": reason},
            )
            _send(
                signals.comment_period_changed,
                procedure=procedure,
                change=change,
                user=self.user,
            )
        return change


class ModerateSubmissionAction:
    """Publish a submission in the public register or hide its text, with a reason.

    Hiding never removes a submission from the protocol: it only keeps its text
    out of the public register, and the author is told why.
    """

    def __init__(self, submission, user, decision, reason=""):
        self.submission = submission
        self.user = user
        self.decision = decision
        self.reason = reason

    def check(self):
        page = log_page(self.submission.procedure)
        if page is None or not permissions.can_moderate(self.user, page):
            raise NotAllowed()
        if self.decision not in (
            Submission.Moderation.PUBLISHED,
            Submission.Moderation.HIDDEN,
        ):
            raise InvalidChange(_("Choose to publish or to hide the submission."))
        if self.decision == Submission.Moderation.HIDDEN:
            return _require_reason(self.reason)
        return clean_plain_text(self.reason)

    def execute(self):
        reason = self.check()
        with transaction.atomic():
            submission = Submission.objects.select_for_update().get(
                pk=self.submission.pk
            )
            submission.moderation = self.decision
            submission.moderation_reason = reason
            submission.moderated_at = timezone.now()
            submission.moderated_by = self.user
            submission.save(
                update_fields=[
                    "moderation",
                    "moderation_reason",
                    "moderated_at",
                    "moderated_by",
                ]
            )
            _log(
                submission.procedure,
                LOG_MODERATED,
                self.user,
                {
                    "number": submission.number,
                    "decision": self.decision,
                    "reason": reason,
                },
            )
            _send(
                signals.submission_moderated,
                procedure=submission.procedure,
                submission=submission,
                user=self.user,
            )
        return submission


class AnswerSubmissionsAction:
    """Give one or many submissions the organiser's reasoned answer."""

    def __init__(self, submissions, user, status, text):
        self.submissions = list(submissions)
        self.user = user
        self.status = status
        self.text = text

    def check(self):
        if not self.submissions:
            raise InvalidChange(_("Choose at least one submission."))
        procedures = {submission.procedure_id for submission in self.submissions}
        for procedure in HearingProcedure.objects.filter(pk__in=procedures):
            page = log_page(procedure)
            if page is None or not permissions.can_answer_submission(self.user, page):
                raise NotAllowed()
            if procedure.stage in (Stage.CONCLUSION, Stage.ARCHIVED):
                raise InvalidChange(
                    _("The conclusion is published: answers can no longer change.")
                )
        if self.status not in Submission.Answer.values or not self.status:
            raise InvalidChange(
                _("Choose the answer: accepted, partly, rejected or not within scope.")
            )
        text = clean_plain_text(self.text)
        if not text:
            raise InvalidChange(_("Write the reasoning of the answer."))
        if contains_markup(text):
            raise InvalidChange(_("Write the answer as plain text, without HTML tags."))
        return text

    def execute(self):
        text = self.check()
        now = timezone.now()
        answered = []
        with transaction.atomic():
            for submission in (
                Submission.objects.select_for_update()
                .filter(pk__in=[s.pk for s in self.submissions])
                .select_related("procedure")
                .order_by("pk")
            ):
                submission.answer_status = self.status
                submission.answer_text = text
                submission.answered_at = now
                submission.answered_by = self.user
                submission.save(
                    update_fields=[
                        "answer_status",
                        "answer_text",
                        "answered_at",
                        "answered_by",
                    ]
                )
                _log(
                    submission.procedure,
                    LOG_ANSWERED,
                    self.user,
                    {"number": submission.number, "answer": self.status},
                )
                _send(
                    signals.submission_answered,
                    procedure=submission.procedure,
                    submission=submission,
                    user=self.user,
                )
                answered.append(submission)
        return answered


class MarkDuplicatesAction:
    """Group submissions that say the same as another one (``original``)."""

    def __init__(self, submissions, original, user):
        self.submissions = [s for s in submissions if s.pk != original.pk]
        self.original = original
        self.user = user

    def check(self):
        page = log_page(self.original.procedure)
        if page is None or not permissions.can_answer_submission(self.user, page):
            raise NotAllowed()
        if not self.submissions:
            raise InvalidChange(_("Choose the submissions that repeat the original."))
        if any(s.procedure_id != self.original.procedure_id for s in self.submissions):
            raise InvalidChange(_("Duplicates must belong to the same hearing."))
        if self.original.duplicate_of_id:
            raise InvalidChange(_("The original is itself marked as a duplicate."))

    def execute(self):
        self.check()
        with transaction.atomic():
            pks = [s.pk for s in self.submissions]
            Submission.objects.filter(pk__in=pks).update(duplicate_of=self.original)
            # Anything that pointed at a new duplicate now points at the original.
            Submission.objects.filter(duplicate_of__in=pks).update(
                duplicate_of=self.original
            )
            _log(
                self.original.procedure,
                LOG_DUPLICATE,
                self.user,
                {
                    "original": self.original.number,
                    "numbers": [s.number for s in self.submissions],
                },
            )
        return len(pks)


class PublishResultAction:
    """Publish the protocol (after the period closed) or the conclusion (after it)."""

    def __init__(self, page, user, kind, number, signed_on, text=""):
        self.page = page
        self.user = user
        self.kind = kind
        self.number = number
        self.signed_on = signed_on
        self.text = text

    def _check_stage(self, procedure):
        stage = procedure.stage_at(timezone.now())
        if self.kind == HearingResult.Kind.PROTOCOL:
            if stage != Stage.CLOSED:
                raise InvalidChange(
                    _(
                        "The protocol is published once comments have closed, "
                        "and only once."
                    )
                )
        elif self.kind == HearingResult.Kind.CONCLUSION:
            if stage != Stage.PROTOCOL:
                raise InvalidChange(
                    _("The conclusion is published after the protocol, and only once.")
                )
            unanswered = procedure.submissions.filter(
                answer_status="", duplicate_of__isnull=True
            ).values_list("number", flat=True)
            unanswered = list(unanswered[:20])
            if unanswered:
                raise InvalidChange(
                    _(
                        "Answer every submission before the conclusion; "
                        "still open: %(numbers)s."
                    )
                    % {"numbers": ", ".join(unanswered)}
                )
        else:
            raise InvalidChange(_("Choose the protocol or the conclusion."))

    def check(self):
        if not permissions.can_publish_results(self.user, self.page):
            raise NotAllowed()
        if not clean_plain_text(self.number):
            raise InvalidChange(_("Give the document's number."))
        if self.signed_on is None:
            raise InvalidChange(_("Give the document's date."))
        if contains_markup(self.text):
            raise InvalidChange(_("Write the text as plain text, without HTML tags."))
        self._check_stage(current_procedure(self.page))

    def execute(self):
        self.check()
        with transaction.atomic():
            procedure = lock_procedure(self.page.procedure_id)
            self._check_stage(procedure)
            now = timezone.now()
            result = HearingResult.objects.create(
                procedure=procedure,
                kind=self.kind,
                number=clean_plain_text(self.number),
                signed_on=self.signed_on,
                text=clean_plain_text(self.text),
                published_at=now,
                published_by=self.user,
            )
            if self.kind == HearingResult.Kind.PROTOCOL:
                procedure.protocol_published_at = now
                stage = Stage.PROTOCOL
            else:
                procedure.conclusion_published_at = now
                stage = Stage.CONCLUSION
            procedure.recorded_stage = stage
            procedure.save(
                update_fields=[
                    "protocol_published_at",
                    "conclusion_published_at",
                    "recorded_stage",
                ]
            )
            _log(
                procedure,
                LOG_RESULT,
                self.user,
                {"kind": self.kind, "number": result.number},
            )
            _send(
                signals.result_published,
                procedure=procedure,
                result=result,
                user=self.user,
            )
            _send(
                signals.stage_changed,
                procedure=procedure,
                stage=stage,
                user=self.user,
                reason="",
            )
        return result


class ArchiveHearingAction:
    """Move a concluded hearing to the archive; everything stays public."""

    def __init__(self, page, user):
        self.page = page
        self.user = user

    def _check_stage(self, procedure):
        if procedure.stage_at(timezone.now()) != Stage.CONCLUSION:
            raise InvalidChange(
                _("Only a hearing with a published conclusion is archived.")
            )

    def check(self):
        if not permissions.can_publish_results(self.user, self.page):
            raise NotAllowed()
        self._check_stage(current_procedure(self.page))

    def execute(self):
        self.check()
        with transaction.atomic():
            procedure = lock_procedure(self.page.procedure_id)
            self._check_stage(procedure)
            procedure.archived_at = timezone.now()
            procedure.recorded_stage = Stage.ARCHIVED
            procedure.save(update_fields=["archived_at", "recorded_stage"])
            _log(procedure, LOG_STAGE, self.user, {"stage": Stage.ARCHIVED})
            _send(
                signals.stage_changed,
                procedure=procedure,
                stage=Stage.ARCHIVED,
                user=self.user,
                reason="",
            )
        return procedure
