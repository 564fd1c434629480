"""iCalendar (RFC 5545) and Atom (RFC 4287) feeds of events.

A repeating session is one VEVENT with its RRULE; a date that changed is a second
VEVENT with the same UID and a RECURRENCE-ID naming the planned start: cancelled
dates carry STATUS:CANCELLED and moved ones their new times, so subscribers'
calendars follow every change. The Atom feed has one entry per coming event.
"""

from django.http import HttpResponse
from django.utils import timezone
from django.utils.feedgenerator import Atom1Feed
from django.utils.formats import date_format
from django.utils.html import format_html
from django.utils.text import capfirst
from django.utils.translation import gettext

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


def atom_feed_for(items, request, *, title, link, feed_url, language):
    """An Atom feed of ``upcoming_events`` items: each event with its next date."""
    feed = Atom1Feed(
        title=title,
        link=link,
        description="",
        language=language,
        feed_url=feed_url,
        author_name=gettext("Kazan: culture and public hearings"),
    )
    now = timezone.now()
    for item in items:
        page, date = item["page"], item["next"]
        url = page.get_full_url(request)
        when = gettext("Next date: %(date)s") % {
            "date": date_format(_local(date.start), "l, j E Y, H:i")
        }
        summary = format_html("<p>{}</p>", when)
        if page.introduction:
            summary += format_html("<p>{}</p>", page.introduction)
        categories = [capfirst(page.get_event_type_display())]
        if page.domain_id:
            categories.append(page.domain.name)
        feed.add_item(
            title=page.title,
            link=url,
            description=summary,
            unique_id=url,
            unique_id_is_permalink=True,
            pubdate=page.first_published_at,
            updateddate=page.last_published_at or now,
            categories=categories,
        )
    return feed


def atom_response(items, request, **options):
    """The Atom feed as a response that feed readers subscribe to."""
    feed = atom_feed_for(items, request, **options)
    return HttpResponse(
        feed.writeString("utf-8"),
        content_type="application/atom+xml; charset=utf-8",
    )
