"""Read side of submitting to a hearing: the panel, receipts, My submissions.

Templates read the answers these values give (``can_submit``, ``needs_sign_in``…)
and never work out the business rules themselves.
"""

import math
from dataclasses import dataclass, field
from urllib.parse import urlencode
from zoneinfo import ZoneInfo

from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext_lazy as _

from .. import actions, permissions
from ..models import HearingPage, Stage, Submission
from ..models.submissions import ATTACHMENT_EXTENSIONS, ATTACHMENT_MAX_BYTES

MOSCOW = ZoneInfo("Europe/Moscow")
DAY_SECONDS = 24 * 60 * 60
MY_SUBMISSIONS_PER_PAGE = 50

# What a hearing page says about submitting, by the stage it is in.
BEFORE_OPENING = "before_opening"
OPEN = "open"
CLOSED = "closed"

# Why a signed-in account cannot submit yet.
NEEDS_GOSUSLUGI = "needs_gosuslugi"  # no Gosuslugi account linked
NEEDS_CONFIRMATION = "needs_confirmation"  # linked, but not confirmed
IDENTITY_INCOMPLETE = "identity_incomplete"

ATTACHMENT_ACCEPT = ",".join(f".{extension}" for extension in ATTACHMENT_EXTENSIONS)
ATTACHMENT_MAX_MB = ATTACHMENT_MAX_BYTES // (1024 * 1024)


def moscow_time(value):
    return timezone.localtime(value, MOSCOW) if value else value


def with_next(url, next_url):
    return f"{url}?{urlencode({'next': next_url})}" if next_url else url


def sign_in_url(next_url=""):
    """Where "Sign in with Gosuslugi" leads: ESIA itself when it is configured."""
    from cms.accounts.oidc import esia_enabled

    name = "accounts:esia_login" if esia_enabled() else "accounts:login"
    return with_next(reverse(name), next_url)


def login_url(next_url=""):
    return with_next(reverse("accounts:login"), next_url)


def submission_refusal(page, user):
    """The refusal a person would get submitting to ``page`` now, or None.

    A preview of :class:`actions.SubmitAction`'s own checks (which run again,
    under the hearing's lock, when the person submits).
    """
    if not (user and user.is_authenticated):
        return actions.NotSignedIn()
    if not permissions.can_submit_to_hearing(user):
        return actions.NotVerified()
    try:
        actions.identity_for_confirmation(user)
    except actions.HearingError as error:
        return error
    if not (page.live and page.procedure_id):
        return actions.PeriodClosed()
    stage = actions.current_procedure(page).stage
    if stage == Stage.ANNOUNCED:
        return actions.NotOpenYet()
    if stage != Stage.OPEN:
        return actions.PeriodClosed()
    return None


@dataclass(frozen=True)
class IdentityLine:
    label: str
    value: object


def identity_lines(fields):
    """Labelled identification (from ESIA or as stored with a submission)."""
    if fields.get("identity_kind") == Submission.IdentityKind.LEGAL_ENTITY:
        names = (
            ("organisation_name", _("Organisation")),
            ("ogrn", _("OGRN")),
            ("address", _("Address")),
        )
    else:
        names = (
            ("full_name", _("Full name")),
            ("birth_date", _("Date of birth")),
            ("address", _("Address")),
        )
    return [IdentityLine(label, fields.get(name)) for name, label in names]


def identity_for_form(user):
    """What ESIA gave about the person, for the form to ask them to confirm."""
    return identity_lines(actions.identity_for_confirmation(user))


def stored_identity(submission):
    return identity_lines(
        {
            "identity_kind": submission.identity_kind,
            "full_name": submission.full_name,
            "birth_date": submission.birth_date,
            "address": submission.address,
            "organisation_name": submission.organisation_name,
            "ogrn": submission.ogrn,
        }
    )


@dataclass(frozen=True)
class OwnSubmission:
    number: str
    received_at: object
    receipt_url: str


@dataclass
class SubmissionPanel:
    """What the submission panel of a hearing page tells one person."""

    state: str
    opens_at: object
    closes_at: object
    days_left: int
    signed_in: bool
    obstacle: str  # "" or why a signed-in account cannot submit
    submit_url: str
    sign_in_url: str
    esia_link_url: str
    unconfirmed_url: str
    mine: list = field(default_factory=list)
    my_submissions_url: str = ""

    @property
    def is_before_opening(self):
        return self.state == BEFORE_OPENING

    @property
    def is_open(self):
        return self.state == OPEN

    @property
    def is_closed(self):
        return self.state == CLOSED

    @property
    def needs_sign_in(self):
        return self.is_open and not self.signed_in

    @property
    def needs_gosuslugi(self):
        return self.signed_in and self.obstacle == NEEDS_GOSUSLUGI

    @property
    def needs_confirmation(self):
        return self.signed_in and self.obstacle == NEEDS_CONFIRMATION

    @property
    def identity_incomplete(self):
        return self.signed_in and self.obstacle == IDENTITY_INCOMPLETE

    @property
    def can_submit(self):
        return self.is_open and self.signed_in and not self.obstacle

    @property
    def not_verified_message(self):
        return actions.NotVerified.message

    @property
    def identity_incomplete_message(self):
        return actions.IdentityIncomplete.message


def _obstacle(user):
    if not (user and user.is_authenticated):
        return ""
    if not permissions.can_submit_to_hearing(user):
        identity = getattr(user, "esia_identity", None)
        return NEEDS_GOSUSLUGI if identity is None else NEEDS_CONFIRMATION
    try:
        actions.identity_for_confirmation(user)
    except actions.HearingError:
        return IDENTITY_INCOMPLETE
    return ""


def _panel_state(stage):
    if stage == Stage.ANNOUNCED:
        return BEFORE_OPENING
    if stage == Stage.OPEN:
        return OPEN
    return CLOSED


def days_left(closes_at, now):
    """Whole days, rounded up, until the closing instant (0 once it has passed)."""
    seconds = (closes_at - now).total_seconds()
    return max(math.ceil(seconds / DAY_SECONDS), 0)


def submission_panel(page, request):
    """The submission panel of ``page`` for the person making ``request``."""
    user = request.user
    procedure = page.procedure
    now = timezone.now()
    page_url = page.get_url(request) or ""
    submit_url = page_url + page.reverse_subpage("submit")
    mine = []
    my_submissions_url = ""
    if user.is_authenticated:
        own = Submission.objects.filter(author=user, procedure=procedure).order_by(
            "-received_at", "-pk"
        )
        mine = [
            OwnSubmission(
                number=submission.number,
                received_at=moscow_time(submission.received_at),
                receipt_url=page_url
                + page.reverse_subpage("receipt", args=[submission.pk]),
            )
            for submission in own.only("pk", "number", "received_at")[:20]
        ]
        if mine:
            my_submissions_url = my_submissions_link(page, request)
    return SubmissionPanel(
        state=_panel_state(procedure.stage_at(now)),
        opens_at=moscow_time(procedure.opens_at),
        closes_at=moscow_time(procedure.closes_at),
        days_left=days_left(procedure.closes_at, now),
        signed_in=user.is_authenticated,
        obstacle=_obstacle(user),
        submit_url=submit_url,
        sign_in_url=sign_in_url(submit_url),
        esia_link_url=with_next(reverse("accounts:esia_login"), submit_url),
        unconfirmed_url=with_next(reverse("accounts:esia_unconfirmed"), page_url),
        mine=mine,
        my_submissions_url=my_submissions_url,
    )


def my_submissions_link(page, request):
    """My submissions, on the hearings index page of ``page``'s language."""
    index = page.get_parent().specific
    return (index.get_url(request) or "") + index.reverse_subpage("my_submissions")


def visible_submission(page, user, pk):
    """Submission ``pk`` of ``page``'s hearing, if ``user`` may see its receipt.

    The author, or staff who may see this hearing's personal data; anyone else
    gets None, as if it did not exist.
    """
    if not (user and user.is_authenticated and page.procedure_id):
        return None
    submission = (
        Submission.objects.filter(pk=pk, procedure_id=page.procedure_id)
        .select_related("procedure")
        .first()
    )
    if submission is None:
        return None
    if submission.author_id == user.pk or permissions.can_see_personal_data(user, page):
        return submission
    return None


@dataclass
class Receipt:
    """What the receipt of one submission shows."""

    submission: Submission
    hearing_title: str
    received_at: object
    identity: list
    attachment_url: str
    page_url: str

    @property
    def is_hidden(self):
        return self.submission.moderation == Submission.Moderation.HIDDEN

    @property
    def is_answered(self):
        return self.submission.is_answered

    @property
    def is_duplicate(self):
        return bool(self.submission.duplicate_of_id)


def receipt(page, submission, request):
    page_url = page.get_url(request) or ""
    attachment_url = ""
    if submission.attachment:
        attachment_url = page_url + page.reverse_subpage(
            "attachment", args=[submission.pk]
        )
    return Receipt(
        submission=submission,
        hearing_title=page.title,
        received_at=moscow_time(submission.received_at),
        identity=stored_identity(submission),
        attachment_url=attachment_url,
        page_url=page_url,
    )


def letter_context(page, submission, request):
    """Context of the emailed receipt (no identification: mail is not private)."""
    from django.conf import settings

    page_url = page.get_url(request) or ""
    receipt_url = page_url + page.reverse_subpage("receipt", args=[submission.pk])
    return {
        "page": page,
        "submission": submission,
        "user": submission.author,
        "received_at": moscow_time(submission.received_at),
        "receipt_url": request.build_absolute_uri(receipt_url),
        "page_url": request.build_absolute_uri(page_url),
        "site_name": settings.WAGTAIL_SITE_NAME,
    }


@dataclass(frozen=True)
class MySubmission:
    submission: Submission
    hearing_title: str
    received_at: object
    receipt_url: str

    @property
    def is_hidden(self):
        return self.submission.moderation == Submission.Moderation.HIDDEN


def _hearing_pages(procedure_ids):
    """Live hearing pages of these procedures, by procedure, by language."""
    pages = {}
    for page in (
        HearingPage.objects.live()
        .filter(procedure_id__in=procedure_ids)
        .select_related("locale")
        .order_by("pk")
    ):
        pages.setdefault(page.procedure_id, {})[page.locale.language_code] = page
    return pages


def _page_for(versions, *languages):
    for language in languages:
        if language in versions:
            return versions[language]
    return next(iter(versions.values()), None)


def my_submissions(user, request, submissions):
    """Rows of My submissions for ``submissions`` (one page of them)."""
    submissions = list(submissions)
    pages = _hearing_pages({submission.procedure_id for submission in submissions})
    language = translation.get_language()
    rows = []
    for submission in submissions:
        page = _page_for(
            pages.get(submission.procedure_id, {}), language, submission.language
        )
        if page is None:
            title = submission.page.title if submission.page else ""
            receipt_url = ""
        else:
            title = page.title
            receipt_url = (page.get_url(request) or "") + page.reverse_subpage(
                "receipt", args=[submission.pk]
            )
        rows.append(
            MySubmission(
                submission=submission,
                hearing_title=title,
                received_at=moscow_time(submission.received_at),
                receipt_url=receipt_url,
            )
        )
    return rows


def submissions_of(user):
    """Every submission of ``user`` across hearings, newest first."""
    return (
        Submission.objects.filter(author=user)
        .select_related("page")
        .order_by("-received_at", "-pk")
    )


def submission_records(user):
    """A person's submissions as personal data records (152-FZ export)."""
    records = []
    for submission in submissions_of(user).select_related("procedure"):
        records.append(
            {
                "number": submission.number,
                "hearing": submission.page.title if submission.page else "",
                "hearing_reference": submission.procedure.reference,
                "language": submission.language,
                "kind": str(submission.get_kind_display()),
                "category": str(submission.get_category_display()),
                "district": str(submission.get_district_display())
                if submission.district
                else "",
                "text": submission.text,
                "attachment": submission.attachment_name,
                "received_at": submission.received_at,
                "identity_kind": str(submission.get_identity_kind_display()),
                "full_name": submission.full_name,
                "birth_date": submission.birth_date,
                "address": submission.address,
                "organisation_name": submission.organisation_name,
                "ogrn": submission.ogrn,
                "identity_confirmed_at": submission.identity_confirmed_at,
                "moderation": str(submission.get_moderation_display()),
                "moderation_reason": submission.moderation_reason,
                "answer": str(submission.get_answer_status_display()),
                "answer_text": submission.answer_text,
            }
        )
    return records
