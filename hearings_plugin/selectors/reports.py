"""Read side of the results: published documents, statistics and open data.

Every figure is an aggregate query and every list a ``.values()`` iteration, so
a hearing with thousands of submissions costs the same number of queries as one
with ten.
"""

import datetime
from dataclasses import dataclass, field

from django.db.models import Count, Q
from django.db.models.functions import TruncDate, TruncWeek
from django.utils import timezone
from django.utils.formats import date_format as format_date
from django.utils.translation import gettext_lazy as _

from ..models import (
    District,
    HearingPage,
    HearingProcedure,
    HearingResult,
    Submission,
    Topic,
)

# What the open data and the documents never read: identification and files.
PUBLIC_FIELDS = (
    "pk",
    "number",
    "sequence",
    "procedure_id",
    "kind",
    "category",
    "district",
    "language",
    "text",
    "received_at",
    "moderation",
    "answer_status",
    "answer_text",
    "duplicate_of__number",
    "duplicate_of__answer_status",
    "duplicate_of__answer_text",
)

# Submissions the open data publishes: moderated ones (hidden ones without text).
OPEN_DATA_MODERATION = (Submission.Moderation.PUBLISHED, Submission.Moderation.HIDDEN)

LANGUAGE_NAMES = {"ru": _("Russian"), "tt": _("Tatar"), "en": _("English")}


def published_results(procedure, now=None):
    """The protocol and the conclusion published by now, by kind (one query)."""
    now = now or timezone.now()
    results = HearingResult.objects.filter(procedure=procedure, published_at__lte=now)
    return {result.kind: result for result in results}


def published_result(procedure, kind, now=None):
    return published_results(procedure, now).get(kind)


def count_participants(submissions):
    """Distinct authors; a submission whose account is gone counts as one person."""
    figures = submissions.aggregate(
        authors=Count("author", distinct=True),
        without_account=Count("pk", filter=Q(author__isnull=True)),
    )
    return figures["authors"] + figures["without_account"]


def document_rows(procedure):
    """Every registered submission of a hearing, without personal data, in order."""
    return (
        Submission.objects.filter(procedure=procedure)
        .order_by("sequence")
        .values(*PUBLIC_FIELDS)
        .iterator(chunk_size=2000)
    )


def participant_rows(procedure):
    """Submissions with the identification of their authors (private annex)."""
    return (
        Submission.objects.filter(procedure=procedure)
        .order_by("author_id", "sequence")
        .values(
            "number",
            "author_id",
            "identity_kind",
            "full_name",
            "birth_date",
            "address",
            "organisation_name",
            "ogrn",
            "category",
        )
        .iterator(chunk_size=2000)
    )


def own_submissions(procedure, user):
    """A signed-in person's submissions to a hearing, for links to their extracts."""
    if not (user and user.is_authenticated):
        return []
    return list(
        Submission.objects.filter(procedure=procedure, author=user)
        .order_by("sequence")
        .values("pk", "number")
    )


# Statistics ---------------------------------------------------------------

CHART_ROW_HEIGHT = 28
CHART_BAR_HEIGHT = 18
CHART_LABEL_WIDTH = 230
CHART_BAR_WIDTH = 300
CHART_WIDTH = CHART_LABEL_WIDTH + CHART_BAR_WIDTH + 70


@dataclass
class BarRow:
    label: str
    value: int
    percent: float = 0
    y: int = 0
    text_y: int = 0
    width: int = 0
    value_x: int = 0


@dataclass
class Breakdown:
    """One figure of the statistics: a titled list of counts drawn as a bar chart."""

    slug: str
    title: str
    rows: list = field(default_factory=list)
    total: int = 0

    @property
    def height(self):
        return max(1, len(self.rows)) * CHART_ROW_HEIGHT + 8

    @property
    def width(self):
        return CHART_WIDTH

    @property
    def label_width(self):
        return CHART_LABEL_WIDTH

    def layout(self):
        """Geometry of the bars, so the template only prints numbers."""
        self.total = sum(row.value for row in self.rows)
        largest = max((row.value for row in self.rows), default=0)
        for position, row in enumerate(self.rows):
            row.percent = round(100 * row.value / self.total, 1) if self.total else 0
            row.y = 4 + position * CHART_ROW_HEIGHT
            row.text_y = row.y + CHART_BAR_HEIGHT - 4
            row.width = (
                max(1, round(CHART_BAR_WIDTH * row.value / largest)) if row.value else 0
            )
            row.value_x = CHART_LABEL_WIDTH + row.width + 6
        return self


def _labelled(counts, labels, empty_label=None):
    """Rows in the order of ``labels`` (choices), then any stored value left over."""
    rows = []
    counts = dict(counts)
    for value, label in labels:
        if value in counts:
            rows.append(BarRow(str(label), counts.pop(value)))
    for value, number in counts.items():
        label = empty_label if (value in ("", None) and empty_label) else value
        rows.append(BarRow(str(label), number))
    return rows


def _grouped(submissions, name):
    return submissions.values_list(name).annotate(n=Count("pk")).order_by()


def _over_time(submissions, trunc, date_format):
    counts = (
        submissions.annotate(period=trunc("received_at"))
        .values_list("period")
        .annotate(n=Count("pk"))
        .order_by("period")
    )
    rows = []
    for period, number in counts:
        if isinstance(period, datetime.datetime):
            if timezone.is_aware(period):
                period = timezone.localtime(period)
            period = period.date()
        rows.append(BarRow(format_date(period, date_format), number))
    return rows


@dataclass
class Statistics:
    participants: int
    submissions: int
    breakdowns: list
    hearings: int = 1


def _common_breakdowns(submissions):
    return [
        Breakdown(
            "kind",
            _("Submissions by kind"),
            _labelled(_grouped(submissions, "kind"), Submission.Kind.choices),
        ),
        Breakdown(
            "category",
            _("Submissions by participant"),
            _labelled(_grouped(submissions, "category"), Submission.Category.choices),
        ),
        Breakdown(
            "answer",
            _("Submissions by answer"),
            _labelled(
                _grouped(submissions, "answer_status"), Submission.Answer.choices
            ),
        ),
        Breakdown(
            "moderation",
            _("Submissions by moderation"),
            _labelled(
                _grouped(submissions, "moderation"), Submission.Moderation.choices
            ),
        ),
        Breakdown(
            "language",
            _("Submissions by language"),
            _labelled(_grouped(submissions, "language"), LANGUAGE_NAMES.items()),
        ),
        Breakdown(
            "district",
            _("Submissions by the participant's district"),
            _labelled(
                _grouped(submissions, "district"),
                District.choices,
                empty_label=_("District not given"),
            ),
        ),
    ]


def hearing_statistics(procedure):
    """Participants and submissions of one hearing, broken down (9 queries)."""
    submissions = Submission.objects.filter(procedure=procedure)
    breakdowns = _common_breakdowns(submissions)
    breakdowns.append(
        Breakdown(
            "time",
            _("Submissions by day received"),
            _over_time(submissions, TruncDate, "SHORT_DATE_FORMAT"),
        )
    )
    return Statistics(
        participants=count_participants(submissions),
        submissions=submissions.count(),
        breakdowns=[breakdown.layout() for breakdown in breakdowns],
    )


def statistics_procedures(year=None):
    """Hearings with a live page that have opened, in a year if given."""
    procedures = HearingProcedure.objects.filter(
        pages__live=True, opens_at__lte=timezone.now()
    )
    if year:
        procedures = procedures.filter(opens_at__year=year)
    return procedures.distinct()


def statistics_years():
    """Years in which hearings opened, newest first."""
    dates = statistics_procedures().dates("opens_at", "year", order="DESC")
    return [date.year for date in dates]


def index_statistics(year=None):
    """Participants and submissions across hearings, broken down (12 queries)."""
    procedures = statistics_procedures(year)
    submissions = Submission.objects.filter(procedure__in=procedures.values("pk"))
    breakdowns = _common_breakdowns(submissions)
    per_procedure = dict(_grouped(submissions, "procedure_id"))
    hearing_facts = {}
    for procedure_id, district, topic in HearingPage.objects.filter(
        procedure_id__in=per_procedure
    ).values_list("procedure_id", "district", "topic"):
        hearing_facts.setdefault(procedure_id, (district, topic))
    by_district, by_topic = {}, {}
    for procedure_id, number in per_procedure.items():
        district, topic = hearing_facts.get(procedure_id, ("", ""))
        by_district[district] = by_district.get(district, 0) + number
        by_topic[topic] = by_topic.get(topic, 0) + number
    breakdowns += [
        Breakdown(
            "hearing_district",
            _("Submissions by the hearing's district"),
            _labelled(by_district.items(), District.choices),
        ),
        Breakdown(
            "topic",
            _("Submissions by topic of the hearing"),
            _labelled(by_topic.items(), Topic.choices),
        ),
        Breakdown(
            "time",
            _("Submissions by week received (week starting)"),
            _over_time(submissions, TruncWeek, "SHORT_DATE_FORMAT"),
        ),
    ]
    return Statistics(
        participants=count_participants(submissions),
        submissions=submissions.count(),
        breakdowns=[breakdown.layout() for breakdown in breakdowns],
        hearings=procedures.count(),
    )


# Open data ----------------------------------------------------------------

OPEN_DATA_COLUMNS = (
    "number",
    "hearing_reference",
    "hearing_title",
    "kind",
    "category",
    "district",
    "language",
    "received_at",
    "moderation",
    "text",
    "answer_status",
    "answer_text",
    "duplicate_of",
)


def hearing_titles(procedure_ids, language_code):
    """Each hearing's title in a language, else in any language it has (one query)."""
    titles, fallbacks = {}, {}
    pages = HearingPage.objects.filter(procedure_id__in=procedure_ids, live=True)
    for procedure_id, title, language in pages.values_list(
        "procedure_id", "title", "locale__language_code"
    ).order_by("pk"):
        if language == language_code:
            titles[procedure_id] = title
        else:
            fallbacks.setdefault(procedure_id, title)
    return {**fallbacks, **titles}


def open_data_records(procedures, language_code):
    """Moderated submissions of hearings as plain records, without personal data.

    A hidden submission keeps its place, number and answer; its text is left out.
    """
    procedures = list(
        HearingProcedure.objects.filter(pk__in=procedures).values_list(
            "pk", "reference"
        )
    )
    references = dict(procedures)
    titles = hearing_titles(list(references), language_code)
    rows = (
        Submission.objects.filter(
            procedure_id__in=list(references), moderation__in=OPEN_DATA_MODERATION
        )
        .order_by("procedure_id", "sequence")
        .values(*PUBLIC_FIELDS)
        .iterator(chunk_size=2000)
    )
    for row in rows:
        hidden = row["moderation"] == Submission.Moderation.HIDDEN
        yield {
            "number": row["number"],
            "hearing_reference": references[row["procedure_id"]],
            "hearing_title": titles.get(row["procedure_id"], ""),
            "kind": row["kind"],
            "category": row["category"],
            "district": row["district"],
            "language": row["language"],
            "received_at": timezone.localtime(row["received_at"]).isoformat(),
            "moderation": row["moderation"],
            "text": None if hidden else row["text"],
            "answer_status": row["answer_status"],
            "answer_text": row["answer_text"],
            "duplicate_of": row["duplicate_of__number"],
        }


# The results panel on the hearing page ------------------------------------


@dataclass
class DocumentLink:
    title: str
    number: str
    signed_on: datetime.date
    html_url: str
    pdf_url: str


@dataclass
class ResultsPanel:
    """What the hearing page says about its documents, decided here, not in HTML."""

    protocol: DocumentLink | None
    protocol_notice: str
    conclusion: DocumentLink | None
    conclusion_notice: str
    statistics_url: str
    open_data: list
    participants_url: str = ""
    extracts: list = field(default_factory=list)


def _document_link(page, result, title, html_route, pdf_route):
    return DocumentLink(
        title=title,
        number=result.number,
        signed_on=result.signed_on,
        html_url=page.url + page.reverse_subpage(html_route),
        pdf_url=page.url + page.reverse_subpage(pdf_route),
    )


def results_panel(page, user):
    """The protocol, the conclusion and the figures of a hearing, for this person."""
    from ..models import Stage
    from ..permissions import can_see_personal_data

    if not page.procedure_id or page.url is None:
        return None
    procedure = page.procedure
    results = published_results(procedure)
    stage = procedure.stage
    protocol = results.get(HearingResult.Kind.PROTOCOL)
    conclusion = results.get(HearingResult.Kind.CONCLUSION)
    protocol_notice = conclusion_notice = ""
    if protocol is None:
        if stage in (Stage.ANNOUNCED, Stage.OPEN):
            protocol_notice = _(
                "The protocol will be published after the comments close."
            )
        else:
            protocol_notice = _(
                "Comments are closed. The organiser is preparing the protocol; it "
                "will be published here."
            )
    if conclusion is None:
        if protocol is None:
            conclusion_notice = _(
                "The conclusion will be published after the protocol."
            )
        else:
            conclusion_notice = _(
                "The organiser is answering the proposals and remarks; the "
                "conclusion with the reasoned recommendations will be published here."
            )
    panel = ResultsPanel(
        protocol=protocol
        and _document_link(page, protocol, _("Protocol"), "protocol", "protocol_pdf"),
        protocol_notice=protocol_notice,
        conclusion=conclusion
        and _document_link(
            page, conclusion, _("Conclusion"), "conclusion", "conclusion_pdf"
        ),
        conclusion_notice=conclusion_notice,
        statistics_url=page.url + page.reverse_subpage("hearing_statistics"),
        open_data=[
            (label, page.url + page.reverse_subpage("hearing_open_data", args=[code]))
            for code, label in (("csv", "CSV"), ("json", "JSON"))
        ],
    )
    if protocol is not None:
        if can_see_personal_data(user, page):
            panel.participants_url = page.url + page.reverse_subpage("participants_pdf")
        panel.extracts = [
            (
                row["number"],
                page.url + page.reverse_subpage("extract_pdf", args=[row["pk"]]),
            )
            for row in own_submissions(procedure, user)
        ]
    return panel
