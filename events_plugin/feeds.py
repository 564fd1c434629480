"""iCalendar (RFC 5545) for one event and for the whole programme.

A repeating session is one VEVENT with its RRULE; a date that changed is a second
VEVENT with the same UID and a RECURRENCE-ID naming the planned start: cancelled
dates carry STATUS:CANCELLED and moved ones their new times, so subscribers'
calendars follow every change.
"""

from django.http import HttpResponse
from django.utils import timezone

from icalendar import Calendar, Event, vRecur

from . import occurrences

PRODUCT_ID = "-//City of Kazan//Culture programme//RU"


def calendar_for(events, request, name):
    """A calendar holding every session of ``events`` with their changed dates."""
    calendar = Calendar()
    calendar.add("prodid", PRODUCT_ID)
    calendar.add("version", "2.0")
    calendar.add("calscale", "GREGORIAN")
    calendar.add("method", "PUBLISH")
    calendar.add("x-wr-calname", name)
    calendar.add("x-wr-timezone", str(occurrences.TIME_ZONE))
    host = request.get_host().split(":")[0]
    stamp = timezone.now()
    for event in events:
        url = event.get_full_url(request)
        changes = list(event.occurrence_changes.all())
        for index, session in enumerate(event.sessions.all()):
            uid = f"{event.translation_key}-{index}@{host}"
            calendar.add_component(_session(event, session, uid, url, stamp))
            for change in changes:
                component = _changed_date(event, session, change, uid, url, stamp)
                if component is not None:
                    calendar.add_component(component)
    calendar.add_missing_timezones()
    return calendar


def _base(event, uid, url, stamp):
    component = Event()
    component.add("uid", uid)
    component.add("dtstamp", stamp)
    component.add("summary", event.title)
    if event.introduction:
        component.add("description", f"{event.introduction}\n\n{url}")
    else:
        component.add("description", url)
    component.add("url", url)
    if event.venue_id:
        component.add("location", f"{event.venue.name}, {event.venue.address}")
    return component


def _local(moment):
    return moment.astimezone(occurrences.TIME_ZONE)


def _session(event, session, uid, url, stamp):
    component = _base(event, uid, url, stamp)
    component.add("dtstart", _local(session.start))
    component.add("dtend", _local(session.end))
    if session.recurrence:
        rule = session.recurrence.removeprefix("RRULE:")
        component.add("rrule", vRecur.from_ical(rule))
    return component


def _changed_date(event, session, change, uid, url, stamp):
    """The override of one changed date of this session, or None if not its date."""
    dates = occurrences.expand(
        session.start, session.end, session.recurrence, [change.as_exception()]
    )
    date = next((d for d in dates if d.original_start == change.original_start), None)
    if date is None:
        return None
    component = _base(event, uid, url, stamp)
    component.add("recurrence-id", _local(date.original_start))
    component.add("dtstart", _local(date.start))
    component.add("dtend", _local(date.end))
    component.add("status", "CANCELLED" if date.cancelled else "CONFIRMED")
    if date.note:
        component["description"] = f"{date.note}\n\n{component['description']}"
    return component


def calendar_response(events, request, name, filename):
    """The calendar as a download that calendar apps can also subscribe to."""
    response = HttpResponse(
        calendar_for(events, request, name).to_ical(),
        content_type="text/calendar; charset=utf-8",
    )
    response["Content-Disposition"] = f'inline; filename="{filename}.ics"'
    return response
