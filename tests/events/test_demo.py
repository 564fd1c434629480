"""The demo season: four hundred events in three languages, real translations,
changed dates, full courses with waiting lists, local pictures, seeded once."""

import re
from collections import Counter
from datetime import datetime, timedelta

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group
from django.core.management import call_command
from django.core.validators import URLValidator

from wagtail.images import get_image_model
from wagtail.models import Page, ReferenceIndex
from wagtail_localize.models import Translation

import pytest
from dateutil.rrule import rrulestr

from cms.accounts.roles import INSTITUTION_GROUP_PREFIX
from events_plugin import (
    demo_archive,
    demo_content,
    demo_images,
    demo_season,
    occurrences,
)
from events_plugin.models import (
    Domain,
    EventOccurrence,
    EventPage,
    InstitutionPage,
    Registration,
    Venue,
)

CYRILLIC = re.compile("[а-яё]", re.IGNORECASE)
TATAR_LETTERS = re.compile("[әөүҗңһ]", re.IGNORECASE)
FULL = demo_season.season_plan(demo_season.FULL)
SMALL = demo_season.season_plan(demo_season.SMALL)
HAND_WRITTEN = {spec["slug"] for spec in demo_content.EVENTS}


def texts(spec, code):
    return " ".join(spec[code]) if isinstance(spec[code], tuple) else spec[code]


# The plan: every event of the full season, checked without seeding it.


def test_full_season_has_four_hundred_events_of_every_type_in_each_language():
    assert len(FULL) + len(demo_content.EVENTS) >= 400
    slugs = [spec["slug"] for spec in FULL]
    assert len(set(slugs)) == len(slugs)
    assert not set(slugs) & HAND_WRITTEN
    types = Counter(spec["type"] for spec in FULL)
    assert set(types) == {choice for choice, _label in EventPage.Type.choices}
    assert min(types.values()) >= 20
    for code in demo_season.LANGUAGES:
        titles = [spec[code][0] for spec in FULL]
        assert len(set(titles)) == len(titles), code


def test_season_spreads_over_past_and_coming_weeks_domains_and_institutions():
    days = [spec["start"][0] for spec in FULL]
    assert min(days) <= -7 * 7 and max(days) >= 9 * 7
    assert {spec["domain"] for spec in FULL} == {d[0] for d in demo_content.DOMAINS}
    hosts = Counter(spec["institution"] for spec in FULL)
    assert set(hosts) == {i["slug"] for i in demo_content.INSTITUTIONS} | {None}
    assert {a for spec in FULL for a in spec["audiences"]} == {
        "children",
        "youth",
        "adults",
        "seniors",
    }
    assert {spec["language"] for spec in FULL} >= {"ru", "tt", "ru_tt", "none"}


def test_english_demo_texts_have_no_cyrillic():
    specs = [*FULL, *demo_content.EVENTS, *demo_content.INSTITUTIONS]
    for spec in specs:
        assert not CYRILLIC.search(texts(spec, "en")), spec["slug"]
    for venue in demo_content.VENUES:
        assert not CYRILLIC.search(" ".join(venue["en"])), venue["key"]
    for _slug, _ru, _tt, en in demo_content.DOMAINS:
        assert not CYRILLIC.search(en)
    for spec in FULL:
        for *_change, notes in spec["changes"]:
            assert not CYRILLIC.search(notes["en"])


def test_tatar_texts_are_written_in_tatar():
    for spec in FULL:
        assert spec["tt"][0] != spec["ru"][0], spec["slug"]
        assert TATAR_LETTERS.search(spec["tt"][1]), spec["slug"]
    for spec in demo_content.INSTITUTIONS:
        assert TATAR_LETTERS.search(texts(spec, "tt")), spec["slug"]


def test_every_platform_link_is_a_valid_url_and_most_events_are_online():
    validate = URLValidator()
    online = 0
    for spec in FULL:
        links = [url for platform, url in spec["platforms"] if platform != "in_person"]
        assert links, spec["slug"]
        for url in links:
            validate(url)
        online += spec["venue"] is None
        if spec["venue"]:
            assert ("in_person", "") in spec["platforms"]
    assert online > len(FULL) / 2


def test_every_changed_date_of_the_full_season_is_a_real_date_of_its_series():
    changed = Counter()
    for spec in (spec for spec in FULL if spec["rule"]):
        _days, hour, minute = spec["start"]
        base = datetime(2026, 3, 2, hour, minute, tzinfo=occurrences.TIME_ZONE)
        first = rrulestr(spec["rule"], dtstart=base)[0]
        dates = occurrences.expand(
            first, first + timedelta(minutes=spec["minutes"]), spec["rule"]
        )
        originals = {date.original_start for date in dates}
        for position, change, shift, notes in spec["changes"]:
            assert position < len(dates), spec["slug"]
            assert set(notes) == set(demo_season.LANGUAGES)
            if change == "moved":
                assert dates[position].original_start + shift not in originals
            changed[change] += 1
    assert set(changed) == {"cancelled", "moved", "online"}


def test_full_courses_keep_places_for_the_first_and_a_queue_for_the_rest():
    courses = [spec for spec in FULL if spec["registration"]]
    assert any(spec["type"] == "course" for spec in courses)
    literacy = [spec for spec in courses if spec["domain"] == "digital"]
    assert any(spec["audiences"] == ["seniors"] for spec in literacy)
    full = 0
    for number, spec in enumerate(courses):
        rows = demo_season.registrations_for(number, spec)
        people = [resident for resident, _status in rows]
        assert len(set(people)) == len(people)
        statuses = Counter(status for _resident, status in rows)
        assert statuses["confirmed"] <= spec["capacity"]
        if statuses["waitlisted"]:
            assert statuses["confirmed"] == spec["capacity"]
            full += 1
    assert full >= 10


def test_small_season_is_part_of_the_full_one_with_every_kind_of_thing():
    assert {spec["slug"] for spec in SMALL} < {spec["slug"] for spec in FULL}
    by_slug = {spec["slug"]: spec for spec in FULL}
    assert all(spec == by_slug[spec["slug"]] for spec in SMALL)
    assert {spec["type"] for spec in SMALL} == {spec["type"] for spec in FULL}
    assert {change for spec in SMALL for _p, change, *_ in spec["changes"]} == {
        "cancelled",
        "moved",
        "online",
    }
    assert any(spec["registrants"] > (spec["capacity"] or 0) for spec in SMALL)
    assert any(spec["venue"] for spec in SMALL)


# The seeded site: the small season, which the test session seeds.


@pytest.mark.django_db
def test_seeded_events_exist_in_three_languages_as_real_translations(locales):
    sources = EventPage.objects.filter(locale=locales["ru"])
    assert sources.count() == (
        len(SMALL) + len(demo_content.EVENTS) + len(demo_archive.PAST_EVENTS)
    )
    for page in sources:
        translations = page.get_translations().live()
        assert {p.locale.language_code for p in translations} == {"tt", "en"}, page
        assert all(p.alias_of_id is None for p in translations), page
        assert (
            Translation.objects.filter(source__object_id=page.translation_key).count()
            == 2
        )
    for page in EventPage.objects.filter(locale=locales["en"]):
        assert not CYRILLIC.search(page.title + page.introduction), page.slug
        assert page.domain.locale_id == locales["en"].pk
        if page.venue:
            assert page.venue.locale_id == locales["en"].pk


@pytest.mark.django_db
def test_institutions_have_translations_editors_and_pictures(locales):
    institutions = InstitutionPage.objects.filter(locale=locales["ru"])
    assert institutions.count() == len(demo_content.INSTITUTIONS) >= 13
    for page in institutions:
        assert page.image is not None
        assert {p.locale.language_code for p in page.get_translations().live()} == {
            "tt",
            "en",
        }
        assert Group.objects.filter(
            page_permissions__page=page, name__startswith=INSTITUTION_GROUP_PREFIX
        ).exists()
    assert Venue.objects.filter(locale=locales["tt"]).count() == len(
        demo_content.VENUES
    )
    assert Domain.objects.filter(locale=locales["en"]).count() == len(
        demo_content.DOMAINS
    )


@pytest.mark.django_db
def test_recurring_events_store_cancelled_moved_and_online_dates_with_notes(locales):
    changed = EventOccurrence.objects.filter(
        page__locale=locales["tt"], page__slug__in=[spec["slug"] for spec in SMALL]
    )
    assert changed.filter(cancelled=True).exists()
    assert changed.filter(moved=True).exists()
    online = changed.filter(online=True).first()
    assert online is not None
    assert online.note == "Бу көнне онлайн гына: залда ремонт"


@pytest.mark.django_db
def test_a_full_course_has_a_waiting_list_of_demo_residents(locales):
    full = next(
        spec
        for spec in SMALL
        if spec["type"] == "course" and spec["registrants"] > spec["capacity"]
    )
    course = EventPage.objects.get(slug=full["slug"], locale=locales["ru"])
    registrations = Registration.objects.filter(event_key=course.translation_key)
    statuses = Counter(registrations.values_list("status", flat=True))
    assert statuses["confirmed"] == course.capacity
    assert statuses["waitlisted"] == full["registrants"] - course.capacity
    residents = get_user_model().objects.filter(event_registrations__in=registrations)
    assert all(
        user.email.startswith("resident") and not user.has_usable_password()
        for user in residents
    )


@pytest.mark.django_db
def test_pictures_are_drawn_locally_and_attached_to_every_event(locales):
    images = get_image_model().objects.filter(
        collection__name=demo_images.COLLECTION_NAME
    )
    assert images.count() == len(demo_content.DOMAINS) * demo_images.VARIANTS
    for image in images:
        assert (image.width, image.height) == demo_images.SIZE
        assert image.description and image.file_hash
        assert image.file.storage.exists(image.file.name)
    events = EventPage.objects.filter(locale=locales["en"])
    assert not events.filter(image__isnull=True).exists()
    assert set(events.values_list("image__collection__name", flat=True)) == {
        demo_images.COLLECTION_NAME
    }
    # Editors see where each picture is used.
    assert ReferenceIndex.get_references_to(images.first()).exists()


def test_drawing_gives_the_same_picture_for_the_same_domain_and_variant():
    colour = demo_images.PALETTE["music"][0]
    assert demo_images.draw(colour, 1, seed=2) == demo_images.draw(colour, 1, seed=2)
    assert demo_images.draw(colour, 1, seed=2) != demo_images.draw(colour, 2, seed=2)


@pytest.mark.django_db
def test_seeding_again_adds_nothing_and_keeps_the_season_size():
    def counts():
        return {
            "pages": Page.objects.count(),
            "translations": Translation.objects.count(),
            "images": get_image_model().objects.count(),
            "venues": Venue.objects.count(),
            "registrations": Registration.objects.count(),
            "users": get_user_model().objects.count(),
            "dates": EventOccurrence.objects.count(),
        }

    before = counts()
    call_command("seed_demo", "--without-accounts", stdout=open("/dev/null", "w"))  # noqa: SIM115
    assert counts() == before
