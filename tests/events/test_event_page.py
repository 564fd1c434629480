"""The event page for machines and calendars: JSON-LD, add-to-calendar, live player."""

import datetime
import html
import json
import re
from urllib.parse import parse_qs, urlsplit

from django.utils import timezone

import pytest

from events_plugin import occurrences
from events_plugin.models import (
    Domain,
    EventPage,
    EventPlatform,
    EventSession,
    OccurrenceChange,
    ProgrammeIndexPage,
)

pytestmark = pytest.mark.django_db

MOSCOW = occurrences.TIME_ZONE


def json_ld(response):
    content = response.content.decode()
    match = re.search(
        r'<script type="application/ld\+json">(.*?)</script>', content, re.S
    )
    assert match, "no JSON-LD on the page"
    return json.loads(match.group(1))


def make_event(slug, start, minutes=60, rule="", changes=(), **fields):
    programme = ProgrammeIndexPage.objects.get(locale__language_code="ru")
    page = EventPage(
        title=fields.pop("title", "Вечер органной музыки"),
        slug=slug,
        event_type=fields.pop("event_type", "concert"),
        domain=Domain.objects.get(slug="music", locale=programme.locale),
        **fields,
    )
    page.sessions = [
        EventSession(
            start=start,
            end=start + datetime.timedelta(minutes=minutes),
            recurrence=rule,
        )
    ]
    page.occurrence_changes = list(changes)
    page.platforms = [
        EventPlatform(
            platform="youtube", url="https://www.youtube.com/watch?v=dQw4w9WgXcQ"
        )
    ]
    programme.add_child(instance=page)
    page.save_revision().publish()
    return page


def soon(days=2, hour=19):
    day = timezone.localdate() + datetime.timedelta(days=days)
    return datetime.datetime.combine(day, datetime.time(hour), tzinfo=MOSCOW)


def test_event_page_describes_its_next_date_as_schema_org_event(client):
    start = soon()
    page = make_event("organ-evening", start)
    data = json_ld(client.get(page.url))
    assert data["@context"] == "https://schema.org"
    assert data["@type"] == "MusicEvent"
    assert data["name"] == "Вечер органной музыки"
    assert data["startDate"] == start.isoformat()
    assert data["startDate"].endswith("+03:00")
    assert data["eventStatus"] == "https://schema.org/EventScheduled"
    assert data["eventAttendanceMode"] == "https://schema.org/OnlineEventAttendanceMode"
    assert data["location"] == {
        "@type": "VirtualLocation",
        "url": "https://www.youtube.com/watch?v=dQw4w9WgXcQ",
    }
    assert data["isAccessibleForFree"] is True
    assert data["url"].endswith(page.url)


def test_json_ld_cannot_be_broken_out_of_by_a_title():
    page_title = "</script><script>alert(1)</script>"
    page = make_event("tricky-title", soon(), title=page_title)
    from django.test import Client

    content = Client().get(page.url).content.decode()
    script = content.split('<script type="application/ld+json">', 1)[1]
    body = script.split("</script>", 1)[0]
    assert "<script>" not in body
    assert json.loads(body)["name"] == page_title


def test_fully_cancelled_event_is_marked_cancelled_for_search_engines(client):
    start = soon(days=3)
    page = make_event(
        "cancelled-evening",
        start,
        changes=[OccurrenceChange(original_start=start, change="cancelled")],
    )
    assert json_ld(client.get(page.url))["eventStatus"] == (
        "https://schema.org/EventCancelled"
    )


def test_moved_date_is_rescheduled_with_its_previous_start(client):
    start = soon(days=3)
    new_start = start + datetime.timedelta(days=1)
    page = make_event(
        "moved-evening",
        start,
        changes=[
            OccurrenceChange(original_start=start, change="moved", new_start=new_start)
        ],
    )
    data = json_ld(client.get(page.url))
    assert data["eventStatus"] == "https://schema.org/EventRescheduled"
    assert data["startDate"] == new_start.isoformat()
    assert data["previousStartDate"] == start.isoformat()


def test_google_and_yandex_links_carry_the_next_date(client):
    start = soon(days=4, hour=18)
    page = make_event("calendar-links", start, minutes=90)
    content = client.get(page.url).content.decode()
    links = {
        urlsplit(href).netloc: parse_qs(urlsplit(html.unescape(href)).query)
        for href in re.findall(r'href="(https://calendar\.[^"]+)"', content)
    }
    google = {k: v[0] for k, v in links["calendar.google.com"].items()}
    expected_utc = start.astimezone(datetime.UTC)
    end_utc = expected_utc + datetime.timedelta(minutes=90)
    assert google["action"] == "TEMPLATE"
    assert google["text"] == page.title
    assert google["dates"] == (
        f"{expected_utc:%Y%m%dT%H%M%SZ}/{end_utc:%Y%m%dT%H%M%SZ}"
    )
    assert google["ctz"] == "Europe/Moscow"
    yandex = {k: v[0] for k, v in links["calendar.yandex.ru"].items()}
    assert yandex["name"] == page.title
    assert yandex["start"] == f"{start:%Y%m%dT%H%M%S}"
    assert yandex["tz_id"] == "Europe/Moscow"


def test_an_event_that_has_taken_place_offers_no_calendar_links(client):
    page = make_event("past-evening", soon(days=-3))
    content = client.get(page.url).content.decode()
    assert "calendar.google.com" not in content
    assert "calendar.yandex.ru" not in content
    assert "startDate" in content  # still described, with its last date


def test_live_event_shows_the_live_badge_and_the_player(client):
    start = timezone.now() - datetime.timedelta(minutes=10)
    page = make_event("live-now", start, minutes=60)
    content = client.get(page.url).content.decode()
    assert 'class="event__live"' in content
    assert "badge--live" in content
    assert "youtube-nocookie.com/embed/dQw4w9WgXcQ" in content


def test_upcoming_event_has_no_player_yet(client):
    page = make_event("not-yet-live", soon(days=5))
    content = client.get(page.url).content.decode()
    assert 'class="event__live"' not in content
    assert "youtube-nocookie.com" not in content


def test_event_page_queries_do_not_grow_with_dates_or_registrations(
    client, django_user_model
):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    from events_plugin.models import Registration

    page = make_event(
        "busy-course",
        soon(days=1, hour=11),
        rule="FREQ=WEEKLY;COUNT=4",
        event_type="course",
        registration_required=True,
        capacity=5,
    )
    resident = django_user_model.objects.create_user(
        username="counted", email="counted@example.org", password="x"
    )
    Registration.objects.create(event_key=page.translation_key, user=resident)
    client.force_login(resident)

    def queries():
        client.get(page.url)
        with CaptureQueriesContext(connection) as captured:
            assert client.get(page.url).status_code == 200
        return len(captured.captured_queries)

    few = queries()
    for number in range(40):
        user = django_user_model.objects.create_user(
            username=f"queue-{number}", email=f"queue-{number}@example.org"
        )
        Registration.objects.create(
            event_key=page.translation_key,
            user=user,
            status="confirmed" if number < 4 else "waitlisted",
        )
    revision_page = EventPage.objects.get(pk=page.pk)
    revision_page.sessions.add(
        EventSession(
            start=soon(days=2, hour=15),
            end=soon(days=2, hour=16),
            recurrence="FREQ=DAILY;COUNT=60",
        )
    )
    revision_page.save_revision().publish()
    assert page.stored_occurrences.count() == 64
    assert queries() == few
