"""The workbench's filtered list as a spreadsheet for Excel.

UTF-8 with a byte order mark and ";" between columns, like the events' CSV: Excel
set up for Russian reads them so. Personal data columns come only for people who
may see it, and stay empty on rows of hearings where they may not. Every download
is logged on each hearing it contains.
"""

import csv
from collections import Counter

from django.http import HttpResponse
from django.urls import path
from django.utils import timezone
from django.utils.translation import gettext as _

from wagtail.log_actions import log

from .. import actions
from ..models import HearingProcedure
from .submissions import SubmissionIndexView, participant_name

# Cells starting with these are formulas to Excel and LibreOffice.
FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r", "\n")


def safe_cell(value):
    """A spreadsheet cell that cannot run as a formula (CSV injection)."""
    text = "" if value is None else str(value)
    return "'" + text if text.startswith(FORMULA_PREFIXES) else text


def _local(moment):
    return timezone.localtime(moment).strftime("%Y-%m-%d %H:%M") if moment else ""


def header(personal):
    columns = [
        _("Registration number"),
        _("Hearing"),
        _("Hearing title"),
        _("Language"),
        _("Kind"),
        _("Participant"),
        _("District"),
        _("Received"),
        _("Moderation"),
        _("Reason given to the author"),
        _("Answer"),
        _("Reasoned answer"),
        _("Duplicate of"),
        _("Text"),
        _("Attachment"),
    ]
    if personal:
        columns += [
            _("Identity kind"),
            _("Full name or organisation"),
            _("OGRN"),
            _("Date of birth"),
            _("Address"),
        ]
    return columns


def row(submission, scope, personal):
    values = [
        submission.number,
        submission.procedure.reference,
        submission.hearing_title,
        submission.language,
        submission.get_kind_display(),
        submission.get_category_display(),
        submission.get_district_display(),
        _local(submission.received_at),
        submission.get_moderation_display(),
        submission.moderation_reason,
        submission.get_answer_status_display() if submission.answer_status else "",
        submission.answer_text,
        submission.duplicate_of.number if submission.duplicate_of_id else "",
        submission.text,
        submission.attachment_name,
    ]
    if personal:
        if scope.may_see_personal_data(submission):
            birth = submission.birth_date
            values += [
                submission.get_identity_kind_display(),
                participant_name(submission),
                submission.ogrn,
                birth.strftime("%d.%m.%Y") if birth else "",
                submission.address,
            ]
        else:
            values += ["", "", "", "", ""]
    return [safe_cell(value) for value in values]


class SubmissionExportView(SubmissionIndexView):
    """The workbench's current filters and search, every row, as CSV."""

    def permitted(self):
        # Organisers only: moderators work in the queue and take nothing away.
        return bool(self.scope.answer)

    def get_base_queryset(self):
        return super().get_base_queryset().filter(procedure_id__in=self.scope.answer)

    def get(self, request, *args, **kwargs):
        submissions = list(self.get_queryset().iterator(chunk_size=2000))
        personal = bool(self.scope.personal_data)
        response = HttpResponse(content_type="text/csv; charset=utf-8")
        filename = f"hearing-submissions-{timezone.localdate():%Y-%m-%d}.csv"
        response["Content-Disposition"] = f'attachment; filename="{filename}"'
        response["Cache-Control"] = "no-store, private"
        response.write("\ufeff")
        writer = csv.writer(response, delimiter=";")
        writer.writerow(header(personal))
        for submission in submissions:
            writer.writerow(row(submission, self.scope, personal))
        self.log(submissions, personal)
        return response

    def log(self, submissions, personal):
        rows = Counter(submission.procedure_id for submission in submissions)
        for procedure in HearingProcedure.objects.filter(pk__in=rows):
            page = actions.log_page(procedure)
            if page is not None:
                log(
                    instance=page,
                    action=actions.LOG_EXPORTED,
                    user=self.request.user,
                    data={
                        "rows": rows[procedure.pk],
                        "personal_data": personal
                        and procedure.pk in self.scope.personal_data,
                    },
                )


urlpatterns = [
    path("submissions/export.csv", SubmissionExportView.as_view(), name="export"),
]
