"""iCalendar feeds: every session, repeat rules, and single dates that changed."""

import pytest
from icalendar import Calendar

from events_plugin.models import EventPage, InstitutionPage, ProgrammeIndexPage

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


def summaries(calendar):
    return {str(c["SUMMARY"]) for c in calendar.walk("VEVENT")}


def test_filtered_programme_calendar_holds_only_the_matching_events(client):
    index = ProgrammeIndexPage.objects.get(locale__language_code="en")
    course = event("computer-literacy-for-seniors", "en")

    calendar = fetch(client, index.url + "calendar/?domain=digital")

    assert course.title in summaries(calendar)
    assert event("tukay-evening", "en").title not in summaries(calendar)
    assert all(
        EventPage.objects.get(title=title, locale=index.locale).domain.slug == "digital"
        for title in summaries(calendar)
    )
    # The course keeps its rule and the override of its cancelled date.
    components = [
        c for c in calendar.walk("VEVENT") if str(c["SUMMARY"]) == course.title
    ]
    overrides = [c for c in components if "RECURRENCE-ID" in c]
    assert any("RRULE" in c for c in components)
    assert [str(c["STATUS"]) for c in overrides] == ["CANCELLED"]
    assert str(calendar["X-WR-CALNAME"]) == f"{index.title}: Digital literacy"


def test_calendar_filters_combine_like_the_guide(client):
    index = ProgrammeIndexPage.objects.get(locale__language_code="tt")
    url = index.url + "calendar/?type=concert&type=masterclass"

    both = summaries(fetch(client, url))
    registered = summaries(fetch(client, url + "&access=registration"))

    assert event("spring-pupils-concert", "tt").title in both
    assert event("kurai-masterclass", "tt").title in both
    assert registered <= both
    assert event("kurai-masterclass", "tt").title in registered
    assert event("spring-pupils-concert", "tt").title not in registered


def test_institution_calendar_accepts_the_filters(client):
    library = InstitutionPage.objects.get(
        slug="national-library", locale__language_code="ru"
    )
    calendar = fetch(client, library.url + "calendar/?language=tt")
    in_tatar = {
        page.title
        for page in EventPage.objects.live()
        .descendant_of(library)
        .filter(locale=library.locale, language="tt")
        if page.stored_occurrences.exists()
    }
    assert event("tukay-evening", "ru").title in in_tatar
    assert summaries(calendar) == in_tatar


def test_calendar_ignores_unknown_filter_values(client):
    index = ProgrammeIndexPage.objects.get(locale__language_code="ru")
    everything = summaries(fetch(client, index.url + "calendar/"))
    garbled = summaries(
        fetch(client, index.url + "calendar/?domain=%3Cx%3E&type=&access=maybe")
    )
    assert garbled == everything
