"""The programme: institutions and events in three languages, dates from the clock."""

import datetime

from django.core.exceptions import ValidationError
from django.utils import timezone, translation
from django.utils.html import escape

import pytest

from events_plugin import occurrences
from events_plugin.models import (
    EventPage,
    EventSession,
    InstitutionPage,
    OccurrenceChange,
    ProgrammeIndexPage,
)
from events_plugin.selectors import upcoming_events

pytestmark = pytest.mark.django_db


def event(slug, language="ru"):
    return EventPage.objects.get(slug=slug, locale__language_code=language)


def main_of(response):
    return response.content.decode().split("<main", 1)[1].split("</main>", 1)[0]


def test_demo_season_exists_in_three_languages_with_shared_schedule():
    for slug in ("computer-literacy-for-seniors", "morning-exercises"):
        pages = {code: event(slug, code) for code in ("ru", "tt", "en")}
        schedules = {
            code: [o.start for o in page.get_occurrences()]
            for code, page in pages.items()
        }
        assert schedules["ru"] == schedules["tt"] == schedules["en"]
        assert len({page.title for page in pages.values()}) == 3
        assert pages["tt"].domain.locale.language_code == "tt"


def test_programme_lists_coming_events_soonest_first_in_the_language(client):
    index = ProgrammeIndexPage.objects.get(locale__language_code="tt")
    items = upcoming_events(index, limit=None)
    starts = [item["next"].start for item in items]
    assert starts == sorted(starts)
    assert {item["page"].locale.language_code for item in items} == {"tt"}
    slugs = {item["page"].slug for item in items}
    assert "kazan-kremlin-virtual-tour" not in slugs  # it has taken place
    assert "tukay-evening" in slugs

    tukay = next(item for item in items if item["page"].slug == "tukay-evening")
    day = tukay["next"].start.astimezone(occurrences.TIME_ZONE).date()
    content = main_of(client.get(f"{index.url}day/{day.isoformat()}/"))
    assert event("tukay-evening", "tt").title in content
    content = main_of(client.get(index.url + "?type=virtual_tour"))
    assert event("kazan-kremlin-virtual-tour", "tt").title not in content


def test_institution_page_lists_only_its_own_events(client):
    library = InstitutionPage.objects.get(
        slug="national-library", locale__language_code="en"
    )
    content = main_of(client.get(library.url + "?type=livestream&type=masterclass"))
    assert escape(event("tukay-evening", "en").title) in content
    assert escape(event("kurai-masterclass", "en").title) not in content


def test_event_page_marks_a_date_switched_online_with_its_translated_note(client):
    content = main_of(client.get(event("morning-exercises", "tt").url))
    assert "Бу көнне онлайн гына: зал ремонтта" in content
    with translation.override("tt"):
        assert translation.gettext("online only") in content


def test_cancelled_date_of_a_course_is_shown_as_cancelled_not_dropped(client):
    course = event("computer-literacy-for-seniors", "en")
    dates = course.get_occurrences()
    cancelled = [d for d in dates if d.cancelled]
    assert len(cancelled) == 1
    assert len(dates) == 16
    if cancelled[0].end > timezone.now():
        content = main_of(client.get(course.url))
        assert "No class: public holiday" in content


def test_status_follows_the_clock():
    concert = event("spring-pupils-concert")
    date = concert.get_occurrences()[0]
    assert concert.get_status(date.start - datetime.timedelta(hours=1)) == "upcoming"
    assert concert.get_status(date.start + datetime.timedelta(minutes=5)) == "live"
    assert concert.get_status(date.end + datetime.timedelta(hours=1)) == "ended"


def test_live_event_shows_the_badge(client, monkeypatch):
    concert = event("spring-pupils-concert", "en")
    during = concert.get_occurrences()[0].start + datetime.timedelta(minutes=10)
    monkeypatch.setattr(timezone, "now", lambda: during)
    assert "Live now" in main_of(client.get(concert.url))


@pytest.mark.parametrize(
    ("start_hour", "end_hour", "rule", "field"),
    [
        (18, 17, "", "end"),
        (18, 19, "FREQ=WEEKLY;BYDAY=MO", "recurrence"),  # never ends
        (18, 19, "FREQ=HOURLY;COUNT=3", "recurrence"),
        (18, 19, "nonsense", "recurrence"),
    ],
)
def test_editor_gets_a_clear_error_for_an_impossible_schedule(
    start_hour, end_hour, rule, field
):
    day = datetime.date(2027, 3, 1)  # a Monday
    session = EventSession(
        start=datetime.datetime.combine(
            day, datetime.time(start_hour), tzinfo=occurrences.TIME_ZONE
        ),
        end=datetime.datetime.combine(
            day, datetime.time(end_hour), tzinfo=occurrences.TIME_ZONE
        ),
        recurrence=rule,
    )
    with pytest.raises(ValidationError) as error:
        session.clean()
    assert field in error.value.message_dict


def test_a_moved_date_needs_its_new_time():
    change = OccurrenceChange(
        original_start=timezone.now(), change=OccurrenceChange.Change.MOVED
    )
    with pytest.raises(ValidationError) as error:
        change.clean()
    assert "new_start" in error.value.message_dict


@pytest.mark.parametrize(
    "path",
    [
        "/ru/programme/",
        "/tt/programme/national-library/",
        "/en/programme/national-library/computer-literacy-for-seniors/",
    ],
)
def test_programme_pages_render_with_bounded_queries(
    client, path, django_assert_max_num_queries
):
    client.get(path)
    # The course page has the most: dates, registration, its sixteen recorded
    # lessons (one query for them all), its rating (the stored aggregate) and its
    # comment thread (the same queries whatever its size).
    with django_assert_max_num_queries(54):
        assert client.get(path).status_code == 200


def test_institutions_live_under_the_programme_and_events_under_either():
    assert InstitutionPage.allowed_parent_page_models() == [ProgrammeIndexPage]
    assert set(EventPage.allowed_parent_page_models()) == {
        ProgrammeIndexPage,
        InstitutionPage,
    }
