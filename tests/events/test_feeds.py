"""iCalendar feeds: every session, repeat rules, and single dates that changed."""

import pytest
from icalendar import Calendar

from events_plugin.models import EventPage, ProgrammeIndexPage

pytestmark = pytest.mark.django_db


def event(slug, language="ru"):
    return EventPage.objects.get(slug=slug, locale__language_code=language)


def fetch(client, url):
    response = client.get(url)
    assert response.status_code == 200
    assert response["Content-Type"] == "text/calendar; charset=utf-8"
    return Calendar.from_ical(response.content)


def test_event_calendar_repeats_by_rule_and_overrides_the_changed_date(client):
    page = event("computer-literacy-for-seniors", "en")
    calendar = fetch(client, page.url + "calendar/")
    components = calendar.walk("VEVENT")
    series = [c for c in components if "RECURRENCE-ID" not in c]
    overrides = [c for c in components if "RECURRENCE-ID" in c]
    assert len(series) == 1
    assert series[0]["RRULE"]["COUNT"] == [16]
    assert str(series[0]["SUMMARY"]) == page.title
    assert len(overrides) == 1
    assert str(overrides[0]["UID"]) == str(series[0]["UID"])
    assert str(overrides[0]["STATUS"]) == "CANCELLED"
    cancelled = next(d for d in page.get_occurrences() if d.cancelled)
    assert overrides[0]["RECURRENCE-ID"].dt == cancelled.original_start
    assert "No class: public holiday" in str(overrides[0]["DESCRIPTION"])
    assert calendar.walk("VTIMEZONE")[0]["TZID"] == "Europe/Moscow"


def test_programme_calendar_holds_every_event_of_the_language(client):
    index = ProgrammeIndexPage.objects.get(locale__language_code="tt")
    calendar = fetch(client, index.url + "calendar/")
    summaries = {str(c["SUMMARY"]) for c in calendar.walk("VEVENT")}
    expected = {p.title for p in EventPage.objects.live().filter(locale=index.locale)}
    assert summaries == expected


def test_pages_advertise_their_calendars(client):
    page = event("tukay-evening", "ru")
    content = client.get(page.url).content.decode()
    assert (
        '<link rel="alternate" type="text/calendar" title="' in content
        and f'href="{page.url}calendar/"' in content
    )
