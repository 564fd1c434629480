"""Read side of hearing pages: the stage and timeline, the listing, the register.

Templates get finished answers from here (which stage is current, what a period
change says, which submissions the public may read); they never decide them.
The register reads only the columns that carry no personal data.
"""

import datetime
from dataclasses import dataclass, field

from django.conf import settings
from django.db.models import (
    Case,
    CharField,
    Count,
    IntegerField,
    OuterRef,
    Q,
    Subquery,
    Value,
    When,
)
from django.db.models.functions import Coalesce
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from wagtail.models import Page

from ..models import (
    CommentPeriodChange,
    District,
    HearingPage,
    HearingProcedure,
    Stage,
    Submission,
    Topic,
)
from ..models.procedure import STAGE_ORDER

REGISTER_SUMMARY_SIZE = 5
PAST_STAGES = (Stage.CLOSED, Stage.PROTOCOL, Stage.CONCLUSION, Stage.ARCHIVED)
# What the public register may read of a submission: nothing that names a person.
REGISTER_FIELDS = (
    "procedure",
    "number",
    "sequence",
    "kind",
    "category",
    "language",
    "text",
    "received_at",
    "moderation",
    "moderation_reason",
    "answer_status",
    "answer_text",
    "duplicate_of__number",
)


def _moment(value):
    return date_format(timezone.localtime(value), "j E Y, H:i")


def language_name(code):
    return dict(settings.LANGUAGES).get(code, code)


# ---------------------------------------------------------------- the hearing page


@dataclass(frozen=True)
class TimelineStep:
    """One stage of the procedure as the timeline shows it."""

    stage: str
    label: str
    date: datetime.datetime | None
    state: str  # "done", "current" or "planned"
    state_label: str
    date_label: str

    @property
    def current(self):
        return self.state == "current"


@dataclass(frozen=True)
class PeriodChange:
    """An early close or an extension, in one sentence with its reason."""

    kind: str
    closes_at: datetime.datetime
    changed_at: datetime.datetime
    reason: str
    summary: str


@dataclass(frozen=True)
class DocumentLink:
    """A document of the draft with what a reader needs before downloading it."""

    title: str
    url: str
    extension: str
    size: int | None


@dataclass(frozen=True)
class RelatedLink:
    title: str
    url: str


@dataclass(frozen=True)
class RegisterEntry:
    """A submission as the public register shows it: no personal data at all.

    ``hidden`` entries keep their number and the moderator's reason, never the text.
    """

    pk: int
    number: str
    kind: str
    kind_label: str
    category_label: str
    language: str
    language_label: str
    received_at: datetime.datetime
    hidden: bool
    hidden_reason: str
    text: str
    answered: bool
    answer_status: str
    answer_label: str
    answer_text: str
    duplicate_of: str


@dataclass(frozen=True)
class RegisterCounts:
    published: int = 0
    hidden: int = 0
    pending: int = 0

    @property
    def public(self):
        """Entries the register lists: published texts and hidden placeholders."""
        return self.published + self.hidden

    @property
    def total(self):
        return self.published + self.hidden + self.pending


@dataclass
class RegisterSummary:
    counts: RegisterCounts
    latest: list
    url: str


@dataclass
class HearingDetails:
    """Everything the hearing page shows about the procedure, decided here."""

    page: object
    procedure: object
    stage: str
    stage_label: str
    accepts_submissions: bool
    opens_at: datetime.datetime
    closes_at: datetime.datetime
    timeline: list
    period_changes: list
    documents: list
    related: list
    image_alt: str
    district_label: str
    topic_label: str
    register: RegisterSummary | None = None
    facts: dict = field(default_factory=dict)


def _step_date_label(stage, state):
    planned = state == "planned"
    labels = {
        Stage.ANNOUNCED: (_("Notice published"), _("Notice to be published")),
        Stage.OPEN: (_("Opened"), _("Opens")),
        Stage.CLOSED: (_("Comments closed"), _("Comments close")),
        Stage.PROTOCOL: (_("Protocol published"), _("Protocol to be published")),
        Stage.CONCLUSION: (
            _("Conclusion published"),
            _("Conclusion to be published"),
        ),
        Stage.ARCHIVED: (_("Archived"), _("To be archived")),
    }
    return labels[stage][1 if planned else 0]


def timeline(procedure, now):
    """The six stages with their dates; the one in force now is ``current``."""
    current = procedure.stage_at(now)
    dates = {
        Stage.ANNOUNCED: procedure.announced_at,
        Stage.OPEN: procedure.opens_at,
        Stage.CLOSED: procedure.closes_at,
        Stage.PROTOCOL: procedure.protocol_published_at,
        Stage.CONCLUSION: procedure.conclusion_published_at,
        Stage.ARCHIVED: procedure.archived_at,
    }
    position = STAGE_ORDER.index(current)
    state_labels = {
        "done": _("completed"),
        "current": _("current stage"),
        "planned": _("planned"),
    }
    steps = []
    for index, value in enumerate(STAGE_ORDER):
        stage = Stage(value)
        if index < position:
            state = "done"
        elif index == position:
            state = "current"
        else:
            state = "planned"
        steps.append(
            TimelineStep(
                stage=value,
                label=str(stage.label),
                date=dates[stage],
                state=state,
                state_label=state_labels[state],
                date_label=_step_date_label(stage, state),
            )
        )
    return steps


def period_changes(changes):
    """Early closes and extensions, oldest first, each in one sentence."""
    result = []
    for change in changes:
        if change.kind == CommentPeriodChange.Kind.CLOSED_EARLY:
            summary = _("Closed early on %(date)s: %(reason)s")
        else:
            summary = _("Extended until %(date)s: %(reason)s")
        result.append(
            PeriodChange(
                kind=change.kind,
                closes_at=change.closes_at,
                changed_at=change.changed_at,
                reason=change.reason,
                summary=summary
                % {"date": _moment(change.closes_at), "reason": change.reason},
            )
        )
    return result


def documents(page):
    result = []
    for item in page.documents.all():
        document = item.document
        result.append(
            DocumentLink(
                title=item.display_title,
                url=document.url,
                extension=document.file_extension.upper(),
                size=document.file_size
                if document.file_size is not None
                else document.get_file_size(),
            )
        )
    return result


def related_links(page, request=None):
    """Live related pages, each in the page's language where a translation is live."""
    items = [item.related_page for item in page.related_pages.all()]
    keys = {related.translation_key for related in items}
    translated = {
        other.translation_key: other
        for other in Page.objects.live().filter(
            translation_key__in=keys, locale_id=page.locale_id
        )
    }
    result = []
    for related in items:
        shown = translated.get(related.translation_key)
        if shown is None:
            if not related.live:
                continue
            shown = related
        url = shown.get_url(request)
        if url:
            result.append(RelatedLink(shown.title, url))
    return result


def image_alt(page):
    image = page.image
    if image is None:
        return ""
    description = getattr(image, "description", "")
    if description:
        return description
    return _("Image or map of the draft: %(title)s") % {"title": page.title}


def hearing_details(page, request=None, now=None):
    """The hearing page's value: stage, timeline, documents, register summary."""
    now = now or timezone.now()
    procedure = (
        HearingProcedure.objects.prefetch_related("period_changes").get(
            pk=page.procedure_id
        )
        if page.procedure_id
        else None
    )
    if procedure is None:
        # An unpublished draft has no procedure yet: the plan is all there is.
        procedure = HearingProcedure(
            announced_at=page.announced_at,
            opens_at=page.opens_at,
            closes_at=page.closes_at,
        )
        changes = []
    else:
        changes = period_changes(procedure.period_changes.all())
    stage = Stage(procedure.stage_at(now))
    details = HearingDetails(
        page=page,
        procedure=procedure,
        stage=stage.value,
        stage_label=str(stage.label),
        accepts_submissions=stage == Stage.OPEN,
        opens_at=procedure.opens_at,
        closes_at=procedure.closes_at,
        timeline=timeline(procedure, now),
        period_changes=changes,
        documents=documents(page),
        related=related_links(page, request),
        image_alt=image_alt(page),
        district_label=str(page.get_district_display()),
        topic_label=str(page.get_topic_display()),
    )
    if procedure.pk:
        details.register = register_summary(page, procedure, request)
    return details


# ------------------------------------------------------------------- the register


def register_counts(procedure):
    """Published, hidden and pending submissions of a hearing, in one query."""
    Moderation = Submission.Moderation
    counts = Submission.objects.filter(procedure=procedure).aggregate(
        published=Count("pk", filter=Q(moderation=Moderation.PUBLISHED)),
        hidden=Count("pk", filter=Q(moderation=Moderation.HIDDEN)),
        pending=Count("pk", filter=Q(moderation=Moderation.PENDING)),
    )
    return RegisterCounts(**counts)


def register_submissions(procedure, *, kind="", answer=None, language=""):
    """Submissions the public register lists, oldest first, without personal data.

    ``answer`` is an answer status ("" for not answered yet) or None for any.
    """
    queryset = (
        Submission.objects.filter(
            procedure=procedure,
            moderation__in=(
                Submission.Moderation.PUBLISHED,
                Submission.Moderation.HIDDEN,
            ),
        )
        .select_related("duplicate_of")
        .only(*REGISTER_FIELDS)
        .order_by("sequence")
    )
    if kind:
        queryset = queryset.filter(kind=kind)
    if answer is not None:
        queryset = queryset.filter(answer_status=answer)
    if language:
        queryset = queryset.filter(language=language)
    return queryset


def register_languages(procedure):
    """Languages of the register's submissions, as (code, name)."""
    codes = (
        Submission.objects.filter(
            procedure=procedure,
            moderation__in=(
                Submission.Moderation.PUBLISHED,
                Submission.Moderation.HIDDEN,
            ),
        )
        .order_by("language")
        .values_list("language", flat=True)
        .distinct()
    )
    return [(code, language_name(code)) for code in codes]


def register_entry(submission):
    """A register row from a submission loaded with ``REGISTER_FIELDS`` only."""
    hidden = submission.moderation == Submission.Moderation.HIDDEN
    duplicate = submission.duplicate_of
    return RegisterEntry(
        pk=submission.pk,
        number=submission.number,
        kind=submission.kind,
        kind_label=str(submission.get_kind_display()),
        category_label=str(submission.get_category_display()),
        language=submission.language,
        language_label=language_name(submission.language),
        received_at=submission.received_at,
        hidden=hidden,
        hidden_reason=submission.moderation_reason if hidden else "",
        text="" if hidden else submission.text,
        answered=bool(submission.answer_status),
        answer_status=submission.answer_status,
        answer_label=str(submission.get_answer_status_display()),
        answer_text=submission.answer_text,
        duplicate_of=duplicate.number if duplicate is not None else "",
    )


def register_url(page, request=None):
    base = page.get_url(request) or page.url or ""
    return base + page.reverse_subpage("register").lstrip("/")


def register_summary(page, procedure, request=None, size=REGISTER_SUMMARY_SIZE):
    """Counts and the latest published submissions, for the hearing page."""
    latest = (
        register_submissions(procedure)
        .filter(moderation=Submission.Moderation.PUBLISHED)
        .order_by("-sequence")[:size]
    )
    try:
        url = register_url(page, request)
    except Exception:  # noqa: BLE001 - a page without the route shows no link
        url = ""
    return RegisterSummary(
        counts=register_counts(procedure),
        latest=[register_entry(submission) for submission in latest],
        url=url,
    )


# -------------------------------------------------------------------- the listing


def stage_annotation(now, prefix="procedure__"):
    """The stage as SQL: the same rule as ``stage_at``, evaluated at ``now``."""
    return Case(
        When(**{f"{prefix}archived_at__lte": now}, then=Value(Stage.ARCHIVED.value)),
        When(
            **{f"{prefix}conclusion_published_at__lte": now},
            then=Value(Stage.CONCLUSION.value),
        ),
        When(
            **{f"{prefix}protocol_published_at__lte": now},
            then=Value(Stage.PROTOCOL.value),
        ),
        When(**{f"{prefix}closes_at__lte": now}, then=Value(Stage.CLOSED.value)),
        When(**{f"{prefix}opens_at__lte": now}, then=Value(Stage.OPEN.value)),
        default=Value(Stage.ANNOUNCED.value),
        output_field=CharField(),
    )


def with_stage(queryset, now=None):
    """Hearing pages annotated with ``stage`` and ``submission_count``."""
    now = now or timezone.now()
    counts = (
        Submission.objects.filter(procedure=OuterRef("procedure"))
        .order_by()
        .values("procedure")
        .annotate(count=Count("pk"))
        .values("count")
    )
    return queryset.select_related("procedure").annotate(
        stage=stage_annotation(now),
        submission_count=Coalesce(
            Subquery(counts, output_field=IntegerField()), Value(0)
        ),
    )


@dataclass(frozen=True)
class HearingFilters:
    """The listing's filters; empty values mean "any"."""

    district: str = ""
    topic: str = ""
    stage: str = ""
    year: int | None = None

    def __bool__(self):
        return bool(self.district or self.topic or self.stage or self.year)


def hearings_below(index, filters=HearingFilters(), now=None):
    """Live hearings below an index page (one language), filtered, with stage."""
    queryset = with_stage(HearingPage.objects.live().child_of(index), now)
    if filters.district:
        queryset = queryset.filter(district=filters.district)
    if filters.topic:
        queryset = queryset.filter(topic=filters.topic)
    if filters.year:
        queryset = queryset.filter(procedure__opens_at__year=filters.year)
    if filters.stage:
        queryset = queryset.filter(stage=filters.stage)
    return queryset


def hearing_years(index):
    """Years in which hearings below ``index`` opened, newest first."""
    return [
        moment.year
        for moment in HearingProcedure.objects.filter(
            pages__in=HearingPage.objects.live().child_of(index)
        ).dates("opens_at", "year", order="DESC")
    ]


def grouped_hearings(index, filters=HearingFilters(), now=None):
    """Open, upcoming and past hearings: three querysets in reading order."""
    queryset = hearings_below(index, filters, now)
    return {
        "open": queryset.filter(stage=Stage.OPEN).order_by(
            "procedure__closes_at", "pk"
        ),
        "upcoming": queryset.filter(stage=Stage.ANNOUNCED).order_by(
            "procedure__opens_at", "pk"
        ),
        "past": queryset.filter(stage__in=PAST_STAGES).order_by(
            "-procedure__closes_at", "-pk"
        ),
    }


STAGE_LABELS = dict(Stage.choices)
DISTRICT_LABELS = dict(District.choices)
TOPIC_LABELS = dict(Topic.choices)


@dataclass(frozen=True)
class HearingCard:
    """One hearing in the listing, with its stage and count already known."""

    title: str
    url: str
    stage: str
    stage_label: str
    opens_at: datetime.datetime
    closes_at: datetime.datetime
    district_label: str
    topic_label: str
    submission_count: int


def hearing_card(page, request=None):
    procedure = page.procedure
    return HearingCard(
        title=page.title,
        url=page.get_url(request) or "",
        stage=page.stage,
        stage_label=str(STAGE_LABELS.get(page.stage, page.stage)),
        opens_at=procedure.opens_at if procedure else page.opens_at,
        closes_at=procedure.closes_at if procedure else page.closes_at,
        district_label=str(DISTRICT_LABELS.get(page.district, page.district)),
        topic_label=str(TOPIC_LABELS.get(page.topic, page.topic)),
        submission_count=page.submission_count,
    )
