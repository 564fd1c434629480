"""The schedule of chosen events as a spreadsheet: one row per date."""

import csv
import io

from django.http import HttpResponse
from django.utils.translation import gettext_lazy as _

from .. import occurrences
from ..models import EventOccurrence, EventPage
from .queries import ScheduleStatus, institution_name, with_schedule_summary

COLUMNS = (
    _("Event"),
    _("Language"),
    _("Institution"),
    _("Type"),
    _("Starts"),
    _("Ends"),
    _("This date"),
    _("Note for residents"),
    _("Event status"),
    _("Registered"),
    _("Places"),
    _("Waiting list"),
)
DATE_FORMAT = "%Y-%m-%d %H:%M"
# Cells starting with these are formulas to Excel and LibreOffice.
FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r", "\n")


def _local(value):
    return value.astimezone(occurrences.TIME_ZONE).strftime(DATE_FORMAT)


def _date_state(date):
    if date.cancelled:
        return _("cancelled")
    if date.moved:
        return _("moved")
    if date.online:
        return _("online only")
    return _("as planned")


def schedule_rows(page_ids, now):
    """The header and a row per stored date of each event (one row if it has none)."""
    events = (
        with_schedule_summary(EventPage.objects.filter(pk__in=page_ids), now)
        .select_related("locale")
        .order_by("title", "locale__language_code")
    )
    dates = {}
    for date in EventOccurrence.objects.filter(page_id__in=page_ids).order_by(
        "start", "pk"
    ):
        dates.setdefault(date.page_id, []).append(date)
    yield [str(column) for column in COLUMNS]
    for event in events:
        registrations = (
            [event.confirmed_count, event.capacity or "", event.waitlisted_count]
            if event.registration_required
            else ["", "", ""]
        )
        about = [
            event.title,
            event.locale.get_display_name(),
            str(institution_name(event)),
            event.get_event_type_display(),
        ]
        status = str(ScheduleStatus(event.schedule_status).label)
        for date in dates.get(event.pk) or [None]:
            when = ["", "", "", ""]
            if date:
                when = [_local(date.start), _local(date.end), _date_state(date)]
                when.append(date.note)
            yield [*about, *when, status, *registrations]


def _cell(value):
    """A spreadsheet cell that cannot run as a formula (titles and notes are typed)."""
    text = str(value)
    return "'" + text if text.startswith(FORMULA_PREFIXES) else text


def schedule_csv_response(page_ids, now, filename):
    """A CSV download for Excel: UTF-8 with a byte order mark, ";" between columns.

    Like the registrations CSV: Excel set up for Russian separates columns with
    semicolons and reads UTF-8 only after a byte order mark.
    """
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=";")
    for row in schedule_rows(page_ids, now):
        writer.writerow([_cell(value) for value in row])
    response = HttpResponse(
        "\ufeff" + buffer.getvalue(), content_type="text/csv; charset=utf-8"
    )
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    response["Cache-Control"] = "no-store, private"
    return response
