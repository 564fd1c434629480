"""The editors' side of the programme: the events listing, the panel, bulk actions."""

import csv
import datetime
import io

from django.contrib.auth.models import Group, Permission
from django.contrib.messages import get_messages
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone

from wagtail.models import GroupPagePermission, Locale, Page
from wagtail.users.models import UserProfile

import pytest
from django_otp import DEVICE_ID_SESSION_KEY
from django_otp.plugins.otp_totp.models import TOTPDevice

from cms.accounts.models import User
from cms.accounts.roles import grant_institution_editors
from events_plugin import occurrences
from events_plugin.editing import panels
from events_plugin.editing.queries import ScheduleStatus
from events_plugin.models import (
    Attendance,
    Domain,
    EventOccurrence,
    EventPage,
    EventSession,
    InstitutionPage,
    OccurrenceChange,
    ProgrammeIndexPage,
    Registration,
)

pytestmark = pytest.mark.django_db

LISTING = "/admin/events/"
CANCEL_DATE = "/admin/bulk/events/eventpage/cancel_date/"
EXPORT_SCHEDULE = "/admin/bulk/events/eventpage/export_schedule/"


def sign_in_to_admin(client, user):
    """Signed in with a verified second factor, reading the admin in English."""
    profile = UserProfile.get_for_user(user)
    profile.preferred_language = "en"
    profile.save()
    client.force_login(user)
    device = TOTPDevice.objects.create(user=user, name="phone", confirmed=True)
    session = client.session
    session[DEVICE_ID_SESSION_KEY] = device.persistent_id
    session.save()
    return client


def staff_user(username, *groups):
    user = User.objects.create_user(username=username, password="staff-pass")
    user.groups.add(*groups)
    # A fresh object: permissions are cached on the user instance.
    return User.objects.get(pk=user.pk)


@pytest.fixture
def editor_client(client, admin_user):
    return sign_in_to_admin(client, admin_user)


def ru(model, slug):
    return model.objects.get(slug=slug, locale__language_code="ru")


def local(days, hour, minute=0):
    day = timezone.localdate() + datetime.timedelta(days=days)
    return datetime.datetime.combine(
        day, datetime.time(hour, minute), tzinfo=occurrences.TIME_ZONE
    )


def add_event(parent, slug, start, *, minutes=60, rule="", changes=(), **fields):
    """A published event with one session, made as the admin would."""
    fields.setdefault("event_type", EventPage.Type.LECTURE)
    fields.setdefault("domain", ru(Domain, "literature"))
    page = EventPage(title=fields.pop("title", f"Test {slug}"), slug=slug, **fields)
    page.sessions = [
        EventSession(
            start=start,
            end=start + datetime.timedelta(minutes=minutes),
            recurrence=rule,
        )
    ]
    page.occurrence_changes = list(changes)
    parent.add_child(instance=page)
    page.save_revision().publish()
    return page


def register(page, count, status=Registration.Status.CONFIRMED):
    made = []
    for number in range(count):
        user = User.objects.create_user(
            username=f"{page.slug}-{status}-{number}-{Registration.objects.count()}"
        )
        made.append(
            Registration.objects.create(
                event_key=page.translation_key, user=user, status=status
            )
        )
    return made


def add_institution(slug, title):
    programme = ru(ProgrammeIndexPage, "programme")
    institution = InstitutionPage(title=title, slug=slug, kind="library")
    programme.add_child(instance=institution)
    institution.save_revision().publish()
    return institution


@pytest.fixture
def scene():
    """Events in each status, under two new institutions and the programme itself.

    New institutions keep the listing's answers small next to the demo season.
    """
    programme = ru(ProgrammeIndexPage, "programme")
    library = add_institution("admin-library", "Test library")
    school = add_institution("admin-school", "Test music school")
    now = timezone.now()
    cancelled_start = local(5, 12)
    events = {
        "upcoming": add_event(
            library,
            "admin-upcoming-lecture",
            local(2, 18),
            registration_required=True,
            capacity=20,
        ),
        "live": add_event(
            library,
            "admin-live-stream",
            now - datetime.timedelta(minutes=10),
            event_type=EventPage.Type.LIVESTREAM,
        ),
        "ended": add_event(
            school,
            "admin-ended-concert",
            local(-3, 17),
            event_type=EventPage.Type.CONCERT,
            domain=ru(Domain, "music"),
        ),
        "cancelled": add_event(
            programme,
            "admin-cancelled-tour",
            cancelled_start,
            event_type=EventPage.Type.VIRTUAL_TOUR,
            changes=[
                OccurrenceChange(
                    original_start=cancelled_start,
                    change=OccurrenceChange.Change.CANCELLED,
                    note="Closed",
                )
            ],
        ),
    }
    register(events["upcoming"], 12)
    register(events["upcoming"], 3, Registration.Status.WAITLISTED)
    register(events["upcoming"], 2, Registration.Status.CANCELLED)
    return {**events, "library": library, "school": school}


def listed(client, **query):
    """The events the listing finds, on all its pages."""
    response = client.get(LISTING, query)
    assert response.status_code == 200, response.content[:500]
    return set(response.context["paginator"].object_list.values_list("pk", flat=True))


def test_events_listing_shows_each_event_with_its_summary(editor_client, scene):
    library = scene["library"]
    response = editor_client.get(LISTING, {"institution": str(library.translation_key)})
    assert response.status_code == 200
    content = response.content.decode()
    upcoming = scene["upcoming"]
    assert f'href="/admin/pages/{upcoming.pk}/edit/"' in content
    assert "Lecture" in content and "Literature" in content
    assert "Test library" in content
    assert "12 / 20 (+3 waiting)" in content
    assert "Upcoming" in content and "Live now" in content
    # The event bulk actions join Wagtail's page actions in the footer.
    assert CANCEL_DATE in content and "/admin/bulk/wagtailcore/page/publish/" in content

    content = editor_client.get(
        LISTING, {"institution": "department", "status": "cancelled"}
    ).content.decode()
    assert "Culture department" in content and "Cancelled" in content
    assert editor_client.get("/admin/events/choose_parent/").status_code == 200


def test_events_listing_is_in_the_admin_menu(editor_client):
    assert f'"url": "{LISTING}"' in editor_client.get("/admin/").content.decode()


def test_event_actions_stay_out_of_the_page_explorer(editor_client):
    programme = ru(ProgrammeIndexPage, "programme")
    content = editor_client.get(f"/admin/pages/{programme.pk}/").content.decode()
    assert "/admin/bulk/wagtailcore/page/publish/" in content
    assert CANCEL_DATE not in content


@pytest.mark.parametrize(
    ("status", "expected"),
    [
        (ScheduleStatus.UPCOMING, "upcoming"),
        (ScheduleStatus.LIVE, "live"),
        (ScheduleStatus.ENDED, "ended"),
        (ScheduleStatus.CANCELLED, "cancelled"),
    ],
)
def test_status_filter_narrows_to_events_in_that_status(
    editor_client, scene, status, expected
):
    assert scene_keys(editor_client, scene, status=status.value) == {expected}


def test_listed_status_is_the_status_the_site_computes(editor_client, scene):
    response = editor_client.get(LISTING)
    now = response.context["view"].now
    pages = list(response.context["paginator"].object_list)
    assert {page.pk for page in pages} >= {scene[key].pk for key in ScheduleStatus}
    for page in pages:
        site_status = page.get_status(now)
        if site_status == occurrences.OccurrenceStatus.ARCHIVED:
            site_status = occurrences.OccurrenceStatus.ENDED
        assert page.schedule_status == site_status, page.title


def scene_keys(client, scene, **query):
    found = listed(client, **query)
    return {
        key
        for key, page in scene.items()
        if isinstance(page, EventPage) and page.pk in found
    }


def test_domain_filter_covers_the_domain_in_every_language(editor_client, scene):
    music = ru(Domain, "music")
    found = listed(editor_client, domain=str(music.translation_key))
    assert scene_keys(editor_client, scene, domain=str(music.translation_key)) == {
        "ended"
    }
    concert = EventPage.objects.filter(slug="spring-pupils-concert")
    assert set(concert.values_list("pk", flat=True)) <= found
    assert (
        not EventPage.objects.filter(pk__in=found)
        .exclude(domain__translation_key=music.translation_key)
        .exists()
    )


def test_institution_filter_lists_the_events_under_it(editor_client, scene):
    key = str(scene["library"].translation_key)
    assert listed(editor_client, institution=key) == {
        scene["upcoming"].pk,
        scene["live"].pk,
    }
    demo_library = ru(InstitutionPage, "national-library")
    under_library = EventPage.objects.none()
    for translation in Page.objects.filter(
        translation_key=demo_library.translation_key
    ):
        under_library |= EventPage.objects.descendant_of(translation)
    assert listed(editor_client, institution=str(demo_library.translation_key)) == set(
        under_library.values_list("pk", flat=True)
    )
    department = listed(editor_client, institution="department")
    assert scene["cancelled"].pk in department
    assert not department & {scene[k].pk for k in ("upcoming", "live", "ended")}


def test_date_filter_keeps_events_taking_place_between_the_days(editor_client, scene):
    day = timezone.localdate() + datetime.timedelta(days=2)
    query = {"dates_from": day.isoformat(), "dates_to": day.isoformat()}
    assert scene_keys(editor_client, scene, **query) == {"upcoming"}
    # A cancelled date does not take place.
    cancelled_day = timezone.localdate() + datetime.timedelta(days=5)
    assert "cancelled" not in scene_keys(
        editor_client, scene, dates_from=cancelled_day.isoformat()
    )
    past = timezone.localdate() - datetime.timedelta(days=3)
    assert scene_keys(editor_client, scene, dates_to=past.isoformat()) == {"ended"}


def test_type_registration_and_locale_filters(editor_client, scene):
    assert scene_keys(editor_client, scene, event_type="concert") == {"ended"}
    assert scene_keys(editor_client, scene, registration_required="true") == {
        "upcoming"
    }
    assert "upcoming" not in scene_keys(
        editor_client, scene, registration_required="false"
    )
    english = listed(editor_client, locale="en")
    assert english == set(
        EventPage.objects.filter(locale__language_code="en").values_list(
            "pk", flat=True
        )
    )


def test_listing_queries_do_not_grow_with_events_dates_or_registrations(
    editor_client, django_assert_max_num_queries
):
    # A fresh institution, so that every listed row is the same kind of page
    # (Wagtail's and wagtail-localize's row buttons cost the same for each).
    programme = ru(ProgrammeIndexPage, "programme")
    theatre = InstitutionPage(title="Test theatre", slug="test-theatre", kind="theatre")
    programme.add_child(instance=theatre)
    theatre.save_revision().publish()
    query = {"institution": str(theatre.translation_key)}
    events = [
        add_event(theatre, f"admin-many-{number}", local(1 + number % 20, 10))
        for number in range(55)
    ]
    editor_client.get(LISTING, query)
    with CaptureQueriesContext(connection) as full_page:
        response = editor_client.get(LISTING, query)
    assert len(response.context["object_list"]) == 50

    for page in events:
        register(page, 3)
        register(page, 1, Registration.Status.WAITLISTED)
    for number in range(20):
        add_event(
            theatre,
            f"admin-more-{number}",
            local(1 + number, 12),
            rule="FREQ=DAILY;COUNT=30",
            registration_required=True,
            capacity=10,
        )

    with django_assert_max_num_queries(len(full_page.captured_queries)):
        response = editor_client.get(LISTING, query)
    assert len(response.context["object_list"]) == 50
    assert response.context["paginator"].count == 75


def test_institution_editor_sees_only_their_institution_events(client, scene):
    editor = staff_user(
        "test-library-editor", grant_institution_editors(scene["library"])
    )
    sign_in_to_admin(client, editor)
    assert listed(client) == {scene["upcoming"].pk, scene["live"].pk}


def test_institution_editor_sees_their_events_in_every_language(client):
    library = ru(InstitutionPage, "national-library")
    editor = staff_user("library-editor", grant_institution_editors(library))
    sign_in_to_admin(client, editor)
    expected = EventPage.objects.none()
    for translation in Page.objects.filter(translation_key=library.translation_key):
        expected |= EventPage.objects.descendant_of(translation)
    found = listed(client)
    assert found == set(expected.values_list("pk", flat=True))
    assert set(
        EventPage.objects.filter(pk__in=found).values_list(
            "locale__language_code", flat=True
        )
    ) == {"ru", "tt", "en"}


def test_someone_without_page_permissions_gets_no_listing(client):
    moderator = staff_user(
        "no-pages",
        Group.objects.get_or_create(name="Admin access only")[0],
    )
    moderator.groups.first().permissions.add(
        Permission.objects.get(codename="access_admin")
    )
    moderator = User.objects.get(pk=moderator.pk)
    sign_in_to_admin(client, moderator)
    # Wagtail turns the refusal into a redirect to the dashboard.
    response = client.get(LISTING)
    assert response.status_code == 302 and response["Location"] == "/admin/"
    assert f'"url": "{LISTING}"' not in client.get("/admin/").content.decode()


def test_panel_shows_registrations_waiting_list_attendance_and_dates(
    editor_client, scene
):
    page = scene["upcoming"]
    # Daily dates an hour past the current time: whatever the time of day, four
    # have started (one cancelled) and four are ahead.
    soon = timezone.localtime(timezone=occurrences.TIME_ZONE).replace(
        second=0, microsecond=0
    ) + datetime.timedelta(hours=1)

    def day(days):
        return soon + datetime.timedelta(days=days)

    course = add_event(
        ru(InstitutionPage, "national-library"),
        "admin-course",
        day(-4),
        rule="FREQ=DAILY;COUNT=8",
        registration_required=True,
        capacity=5,
        changes=[
            OccurrenceChange(
                original_start=day(-2),
                change=OccurrenceChange.Change.CANCELLED,
            )
        ],
    )
    confirmed = register(course, 3)
    register(course, 2, Registration.Status.WAITLISTED)
    for registration in confirmed[:2]:
        Attendance.objects.create(registration=registration, date=day(-4))
    Attendance.objects.create(registration=confirmed[0], date=day(-3))

    content = editor_client.get(f"/admin/pages/{course.pk}/edit/").content.decode()
    assert "At a glance" in content
    assert "3 of 5 places taken" in content
    assert "2 people waiting" in content
    assert "8 dates" in content and "1 cancelled" in content
    # Four dates have started, one of them cancelled: three were held.
    assert "marked on 2 of 3 dates held so far" in content
    assert "2 residents came at least once" in content
    assert "Upcoming" in content

    content = editor_client.get(f"/admin/pages/{page.pk}/edit/").content.decode()
    assert "12 of 20 places taken" in content and "3 people waiting" in content


def test_panel_on_a_new_event_says_there_is_nothing_yet(editor_client):
    library = ru(InstitutionPage, "national-library")
    response = editor_client.get(f"/admin/pages/add/events/eventpage/{library.pk}/")
    assert response.status_code == 200
    assert "Nothing yet" in response.content.decode()


def test_panel_leaves_out_links_to_views_that_do_not_exist(
    editor_client, scene, monkeypatch
):
    monkeypatch.setattr(
        panels,
        "REGISTRATION_LINKS",
        (("events_registrations:missing", "A view not built yet"),),
    )
    page = scene["upcoming"]
    response = editor_client.get(f"/admin/pages/{page.pk}/edit/")
    assert response.status_code == 200
    assert "A view not built yet" not in response.content.decode()
    assert panels.admin_url("events_registrations:missing", page.pk) is None


def future_plain_date(page):
    """A coming date of ``page`` that no change touches."""
    return next(
        date
        for date in page.get_occurrences()
        if date.start > timezone.now() + datetime.timedelta(days=1)
        and not (date.cancelled or date.moved or date.online)
    )


def test_cancelling_a_date_cancels_it_in_every_language_and_publishes(editor_client):
    exercises = ru(EventPage, "morning-exercises")
    concert = ru(EventPage, "spring-pupils-concert")
    date = future_plain_date(exercises)
    day = date.start.astimezone(occurrences.TIME_ZONE).date()
    versions = list(EventPage.objects.filter(translation_key=exercises.translation_key))
    assert len(versions) == 3

    selection = f"{CANCEL_DATE}?id={exercises.pk}&id={concert.pk}&next={LISTING}"
    confirmation = editor_client.get(selection).content.decode()
    assert exercises.title in confirmation and 'name="day"' in confirmation

    response = editor_client.post(
        selection,
        {"day": day.isoformat(), "note": "Hall closed for repairs"},
    )
    assert response.status_code == 302
    assert response["Location"] == LISTING

    changes = OccurrenceChange.objects.filter(
        page__translation_key=exercises.translation_key,
        original_start=date.original_start,
    )
    assert {change.page.locale.language_code for change in changes} == {
        "ru",
        "tt",
        "en",
    }
    assert {change.change for change in changes} == {"cancelled"}
    assert {change.note for change in changes} == {"Hall closed for repairs"}
    assert len({change.translation_key for change in changes}) == 1
    assert all(change.locale_id == change.page.locale_id for change in changes)
    for version in versions:
        version.refresh_from_db()
        assert not version.has_unpublished_changes
        stored = EventOccurrence.objects.get(
            page=version, original_start=date.original_start
        )
        assert stored.cancelled and stored.note == "Hall closed for repairs"
        assert version.get_status() != ScheduleStatus.CANCELLED
    calendar = editor_client.get(exercises.url + "calendar/").content.decode()
    assert "Hall closed for repairs" in calendar

    texts = [str(message) for message in get_messages(response.wsgi_request)]
    assert any("1 date" in text and "1 event" in text for text in texts)
    assert any(concert.title in text for text in texts)
    # The concert had no date that day: nothing changed.
    assert not OccurrenceChange.objects.filter(
        page__translation_key=concert.translation_key
    ).exists()


def test_cancelling_a_date_keeps_the_editors_draft(editor_client, admin_user):
    exercises = ru(EventPage, "morning-exercises")
    draft_title = "Утренняя зарядка (черновик)"
    draft = exercises.get_latest_revision_as_object()
    draft.title = draft_title
    draft.save_revision(user=admin_user)
    exercises = ru(EventPage, "morning-exercises")
    date = future_plain_date(exercises)
    day = date.start.astimezone(occurrences.TIME_ZONE).date()

    editor_client.post(
        f"{CANCEL_DATE}?id={exercises.pk}", {"day": day.isoformat(), "note": ""}
    )

    exercises.refresh_from_db()
    assert exercises.title != draft_title  # the draft was not published
    assert EventOccurrence.objects.get(
        page=exercises, original_start=date.original_start
    ).cancelled
    latest = exercises.get_latest_revision_as_object()
    assert exercises.has_unpublished_changes and latest.title == draft_title
    assert any(
        change.original_start == date.original_start and change.change == "cancelled"
        for change in latest.occurrence_changes.all()
    )


def test_cancelling_a_date_leaves_an_alias_to_follow_its_original(editor_client):
    talk = add_event(
        ru(ProgrammeIndexPage, "programme"), "admin-aliased-talk", local(3, 19)
    )
    # What wagtail-localize makes for a page not translated yet.
    alias = talk.copy_for_translation(
        Locale.objects.get(language_code="tt"), alias=True
    )
    assert alias.translation_key == talk.translation_key

    response = editor_client.post(
        f"{CANCEL_DATE}?id={alias.pk}",
        {"day": local(3, 19).date().isoformat(), "note": "Moved to spring"},
    )

    assert response.status_code == 302
    assert talk.occurrence_changes.get().change == "cancelled"
    alias = EventPage.objects.get(pk=alias.pk)
    assert alias.alias_of_id == talk.pk and alias.revisions.count() == 0
    assert [c.note for c in alias.occurrence_changes.all()] == ["Moved to spring"]


def test_cancelling_a_day_without_dates_is_refused_with_a_reason(editor_client):
    concert = ru(EventPage, "spring-pupils-concert")
    day = timezone.localdate() + datetime.timedelta(days=40)
    response = editor_client.post(
        f"{CANCEL_DATE}?id={concert.pk}", {"day": day.isoformat(), "note": ""}
    )
    assert response.status_code == 200
    assert "None of these events has a date to cancel" in response.content.decode()
    assert not OccurrenceChange.objects.filter(page=concert).exists()


def test_cancelling_a_date_is_refused_to_editors_who_may_not_publish(client):
    library = ru(InstitutionPage, "national-library")
    course = ru(EventPage, "computer-literacy-for-seniors")
    group = Group.objects.create(name="Library writers")
    group.permissions.add(Permission.objects.get(codename="access_admin"))
    for codename in ("add_page", "change_page"):
        GroupPagePermission.objects.create(
            group=group,
            page=library,
            permission=Permission.objects.get(codename=codename),
        )
    writer = staff_user("library-writer", group)
    sign_in_to_admin(client, writer)
    assert course.pk in listed(client)  # they may edit it
    date = future_plain_date(course)
    day = date.start.astimezone(occurrences.TIME_ZONE).date()
    changes_before = OccurrenceChange.objects.filter(page=course).count()

    confirmation = client.get(f"{CANCEL_DATE}?id={course.pk}").content.decode()
    assert "You may not publish this event" in confirmation
    response = client.post(
        f"{CANCEL_DATE}?id={course.pk}", {"day": day.isoformat(), "note": "No"}
    )

    assert response.status_code == 200
    assert OccurrenceChange.objects.filter(page=course).count() == changes_before
    assert not EventOccurrence.objects.get(
        page=course, original_start=date.original_start
    ).cancelled


def read_csv(response):
    assert response.status_code == 200
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert response["Content-Disposition"].startswith("attachment; filename=")
    assert response.content.startswith("\ufeff".encode())
    text = response.content.decode("utf-8-sig")
    return list(csv.DictReader(io.StringIO(text), delimiter=";"))


def test_schedule_export_has_a_row_per_date(editor_client, scene):
    course = ru(EventPage, "computer-literacy-for-seniors")
    upcoming, tour = scene["upcoming"], scene["cancelled"]
    formula = add_event(scene["school"], "admin-formula", local(4, 10))
    formula.title = "=HYPERLINK(1)"
    formula.save_revision().publish()
    ids = "&".join(f"id={page.pk}" for page in (course, upcoming, tour, formula))
    rows = read_csv(editor_client.get(f"{EXPORT_SCHEDULE}?{ids}"))
    course_rows = [row for row in rows if row["Event"] == course.title]
    assert len(course_rows) == 16
    assert {row["Institution"] for row in course_rows} == {
        ru(InstitutionPage, "national-library").title
    }
    cancelled = [row for row in course_rows if row["This date"] == "cancelled"]
    assert len(cancelled) == 1
    assert cancelled[0]["Note for residents"] == "Занятия не будет: праздничный день"
    first = course.get_occurrences()[0]
    assert course_rows[0]["Starts"] == first.start.strftime("%Y-%m-%d %H:%M")
    (upcoming_row,) = [row for row in rows if row["Event"] == upcoming.title]
    assert upcoming_row["Event status"] == "upcoming"
    assert (upcoming_row["Registered"], upcoming_row["Places"]) == ("12", "20")
    assert upcoming_row["Waiting list"] == "3"
    (tour_row,) = [row for row in rows if row["Event"] == tour.title]
    assert tour_row["Institution"] == "Culture department"
    assert (tour_row["This date"], tour_row["Note for residents"]) == (
        "cancelled",
        "Closed",
    )
    assert tour_row["Event status"] == "cancelled"
    assert tour_row["Registered"] == ""
    # A title typed as a formula stays text in the spreadsheet.
    assert "'=HYPERLINK(1)" in {row["Event"] for row in rows}


def test_schedule_export_leaves_out_events_the_editor_may_not_edit(client, scene):
    editor = staff_user("library-exporter", grant_institution_editors(scene["library"]))
    sign_in_to_admin(client, editor)
    rows = read_csv(
        client.get(
            f"{EXPORT_SCHEDULE}?id={scene['upcoming'].pk}&id={scene['ended'].pk}"
        )
    )
    assert {row["Event"] for row in rows} == {scene["upcoming"].title}
