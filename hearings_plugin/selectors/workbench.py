"""Read side of the organisers' admin: scoped submissions, queues and a hearing's state.

Organisers hold their permissions below the hearing index pages their group edits;
moderators everywhere. Scoping happens once per request over the hearing pages (one
query), so listings filter submissions by procedure id, whatever their number.
"""

from dataclasses import dataclass, field

from django.db.models import Count, OuterRef, Q, Subquery
from django.utils import timezone

from .. import permissions
from ..models import (
    CommentPeriodChange,
    HearingPage,
    HearingProcedure,
    HearingResult,
    Stage,
    Submission,
)

# Enough numbers to act on; the action names at most this many too.
UNANSWERED_SHOWN = 20


def hearing_pages():
    """Every hearing page with the fields that scoping and titles need."""
    return (
        HearingPage.objects.filter(procedure__isnull=False)
        .select_related("locale")
        .only("path", "title", "procedure_id", "locale__language_code")
        .order_by("pk")
    )


@dataclass
class WorkbenchScope:
    """What one person may do to which hearings' submissions (procedure ids)."""

    answer: set = field(default_factory=set)
    moderate: set = field(default_factory=set)
    personal_data: set = field(default_factory=set)

    @property
    def visible(self):
        return self.answer | self.moderate

    def may_answer(self, submission):
        return submission.procedure_id in self.answer

    def may_moderate(self, submission):
        return submission.procedure_id in self.moderate

    def may_see_personal_data(self, submission):
        return submission.procedure_id in self.personal_data


def workbench_scope(user):
    """The hearings ``user`` answers, moderates and may see participants of."""
    scope = WorkbenchScope()
    for page in hearing_pages():
        if permissions.can_answer_submission(user, page):
            scope.answer.add(page.procedure_id)
        if permissions.can_moderate(user, page):
            scope.moderate.add(page.procedure_id)
        if permissions.can_see_personal_data(user, page):
            scope.personal_data.add(page.procedure_id)
    return scope


def hearing_title_subquery():
    """The title of a hearing's first page (the original), for listings."""
    return Subquery(
        HearingPage.objects.filter(procedure_id=OuterRef("procedure_id"))
        .order_by("pk")
        .values("title")[:1]
    )


def workbench_submissions(procedure_ids):
    """Submissions of these hearings, with what listing them needs in one query."""
    return (
        Submission.objects.filter(procedure_id__in=procedure_ids)
        .select_related("procedure", "duplicate_of")
        .annotate(hearing_title=hearing_title_subquery())
    )


def hearing_choices(procedure_ids):
    """(procedure id, "reference — title") of these hearings, newest first."""
    titles = {}
    for page in hearing_pages().filter(procedure_id__in=procedure_ids):
        titles.setdefault(page.procedure_id, page.title)
    procedures = HearingProcedure.objects.filter(pk__in=procedure_ids).order_by(
        "-opens_at"
    )
    return [(str(p.pk), f"{p.reference} — {titles.get(p.pk, '')}") for p in procedures]


def moderation_queue(procedure_ids):
    """Submissions awaiting moderation, oldest first."""
    return (
        workbench_submissions(procedure_ids)
        .filter(moderation=Submission.Moderation.PENDING)
        .order_by("received_at", "pk")
    )


def unanswered_numbers(procedure, limit=UNANSWERED_SHOWN):
    """Registration numbers still waiting for an answer (duplicates follow theirs)."""
    return list(
        procedure.submissions.filter(answer_status="", duplicate_of__isnull=True)
        .order_by("sequence")
        .values_list("number", flat=True)[:limit]
    )


@dataclass
class StageAction:
    """A button of the hearing's procedure panel: a view the person may use now."""

    name: str
    label: str
    url: str
    serious: bool = False


@dataclass
class ProcedureSummary:
    """A hearing's stage, effective dates, period changes and submission counts."""

    procedure: HearingProcedure
    stage: Stage
    changes: list
    results: list
    total: int
    pending: int
    unanswered: int
    hidden: int
    actions: list = field(default_factory=list)

    @property
    def stage_label(self):
        return self.stage.label

    @property
    def dates(self):
        procedure = self.procedure
        return [
            (HearingProcedure._meta.get_field(name).verbose_name, value)
            for name, value in (
                ("announced_at", procedure.announced_at),
                ("opens_at", procedure.opens_at),
                ("closes_at", procedure.closes_at),
                ("protocol_published_at", procedure.protocol_published_at),
                ("conclusion_published_at", procedure.conclusion_published_at),
                ("archived_at", procedure.archived_at),
            )
            if value
        ]


def submission_counts(procedure):
    return procedure.submissions.aggregate(
        total=Count("pk"),
        pending=Count("pk", filter=Q(moderation=Submission.Moderation.PENDING)),
        hidden=Count("pk", filter=Q(moderation=Submission.Moderation.HIDDEN)),
        unanswered=Count("pk", filter=Q(answer_status="", duplicate_of__isnull=True)),
    )


def procedure_summary(page, actions=()):
    """The state of ``page``'s hearing as stored now, or None before its first save."""
    if not page.pk or not page.procedure_id:
        return None
    procedure = HearingProcedure.objects.get(pk=page.procedure_id)
    counts = submission_counts(procedure)
    return ProcedureSummary(
        procedure=procedure,
        stage=Stage(procedure.stage_at(timezone.now())),
        changes=list(
            CommentPeriodChange.objects.filter(procedure=procedure).select_related(
                "changed_by"
            )
        ),
        results=list(
            HearingResult.objects.filter(procedure=procedure).order_by("published_at")
        ),
        actions=list(actions),
        **counts,
    )
