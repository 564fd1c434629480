"""Course registration: places, the waiting list, cancelling, letters and editors."""

import csv
import datetime
import io
import json
import re

from django.contrib.auth import get_user_model
from django.core import mail
from django.test import Client
from django.utils import timezone, translation
from django.utils.html import escape
from django.utils.translation import gettext

from wagtail.models import PageLogEntry

import pytest
from django_otp import DEVICE_ID_SESSION_KEY
from django_otp.plugins.otp_totp.models import TOTPDevice

from cms.accounts.roles import create_roles, grant_institution_editors
from events_plugin import actions, selectors
from events_plugin.models import (
    Attendance,
    Domain,
    EventPage,
    EventSession,
    InstitutionPage,
    OccurrenceChange,
    ProgrammeIndexPage,
    Registration,
)
from tests.conftest import in_russian

pytestmark = pytest.mark.django_db

User = get_user_model()
COURSE = "computer-literacy-for-seniors"
ZOOM = "https://zoom.us/j/7770001122?pwd=kazan"
CANCELLED_MESSAGE = (
    "Your registration is cancelled. We have sent you a letter about it."
)


def event(slug=COURSE, language="ru"):
    return EventPage.objects.get(slug=slug, locale__language_code=language)


def set_course(page, **fields):
    """An event without registrations, ``fields`` set in every language version.

    wagtail-localize keeps the number of places and the link alike in all of
    them; the demo's own registrations go, so that counts start at nought.
    """
    Registration.objects.filter(event_key=page.translation_key).delete()
    if fields:
        EventPage.objects.filter(translation_key=page.translation_key).update(**fields)
        page.refresh_from_db()
    return page


def make_event(
    slug,
    *,
    days=7,
    registration=True,
    capacity=2,
    cancelled=False,
    live=True,
):
    """An event of one date under the Russian programme, ``days`` from now."""
    index = ProgrammeIndexPage.objects.get(locale__language_code="ru")
    start = timezone.now().replace(second=0, microsecond=0) + datetime.timedelta(
        days=days
    )
    page = EventPage(
        title=f"Событие {slug}",
        slug=slug,
        event_type="course",
        domain=Domain.objects.filter(locale__language_code="ru").first(),
        registration_required=registration,
        capacity=capacity,
        joining_link=ZOOM,
        live=live,
    )
    page.sessions = [EventSession(start=start, end=start + datetime.timedelta(hours=1))]
    if cancelled:
        page.occurrence_changes = [
            OccurrenceChange(original_start=start, change="cancelled")
        ]
    index.add_child(instance=page)
    return page


def resident(username, *, email=None, first_name="", last_name=""):
    return User.objects.create_user(
        username=username,
        email=f"{username}@example.org" if email is None else email,
        password="resident-pass",
        first_name=first_name,
        last_name=last_name,
    )


def client_for(user):
    client = Client()
    client.force_login(user)
    return client


def staff_client(user):
    """Signed in with a verified second factor, as the admin demands."""
    client = Client()
    client.force_login(user)
    device = TOTPDevice.objects.create(user=user, name="phone", confirmed=True)
    session = client.session
    session[DEVICE_ID_SESSION_KEY] = device.persistent_id
    session.save()
    return client


def panel_of(response):
    content = response.content.decode()
    assert 'id="registration"' in content
    return content.split('id="registration"', 1)[1].split("</section>", 1)[0]


def register(client, page, follow=True):
    return client.post(page.url + "register/", follow=follow)


def registration_of(user, page):
    return Registration.objects.get(
        user=user,
        event_key=page.translation_key,
        status__in=["confirmed", "waitlisted"],
    )


def links_in(text):
    return re.findall(r"https?://\S+", text)


# Registering


def test_registering_gives_a_confirmed_place_and_a_letter_with_dates_and_link(
    django_capture_on_commit_callbacks,
):
    page = set_course(event(), capacity=20, joining_link=ZOOM)
    gulnara = resident("gulnara", first_name="Гульнара")

    with django_capture_on_commit_callbacks(execute=True):
        response = register(client_for(gulnara), page)

    registration = registration_of(gulnara, page)
    assert registration.status == "confirmed"
    assert registration.confirmed_at is not None
    assert registration.language == "ru"
    assert response.redirect_chain[-1][0] == page.url + "#registration"
    panel = panel_of(response)
    assert in_russian("You are registered: your place is confirmed.") in panel
    assert ZOOM in panel
    assert len(mail.outbox) == 1
    letter = mail.outbox[0]
    assert letter.to == ["gulnara@example.org"]
    assert page.title in letter.subject
    assert "Гульнара" in letter.body
    assert ZOOM in letter.body
    first_date = selectors.coming_dates(page)[0]
    assert timezone.localtime(first_date.start).strftime("%H:%M") in letter.body
    cancel_url = page.full_url + f"cancel/{registration.cancel_token}/"
    assert cancel_url in letter.body
    html = letter.alternatives[0][0]
    assert f'href="{cancel_url}"' in html
    assert PageLogEntry.objects.filter(
        page=page, action=actions.LOG_CONFIRMED, data__registration=registration.pk
    ).exists()


def test_the_panel_counts_the_places_left_with_plurals():
    page = set_course(event(language="en"), capacity=20)
    for number in range(13):
        Registration.objects.create(
            event_key=page.translation_key,
            user=resident(f"r{number}"),
            status="confirmed",
        )

    panel = panel_of(Client().get(page.url))

    assert "7 of 20 places left." in panel
    assert "Sign in to register" in panel
    assert f"/en/account/login/?next={page.url}" in panel

    Registration.objects.create(
        event_key=page.translation_key, user=resident("r13"), status="confirmed"
    )
    EventPage.objects.filter(translation_key=page.translation_key).update(capacity=14)
    assert "0 of 14" not in panel_of(Client().get(page.url))
    EventPage.objects.filter(translation_key=page.translation_key).update(capacity=15)
    assert "1 of 15 place left." in panel_of(Client().get(page.url))


def test_when_full_residents_join_the_waiting_list_and_see_their_position(
    django_capture_on_commit_callbacks,
):
    page = set_course(event(language="en"), capacity=1, joining_link=ZOOM)
    first, second, third = (resident(name) for name in ("first", "second", "third"))
    register(client_for(first), page)
    register(client_for(second), page)

    panel = panel_of(client_for(third).get(page.url))
    assert "All places are taken." in panel
    assert "1 person is on the waiting list." in panel
    assert "Join the waiting list" in panel

    with django_capture_on_commit_callbacks(execute=True):
        response = register(client_for(third), page)

    assert registration_of(second, page).status == "waitlisted"
    assert registration_of(third, page).status == "waitlisted"
    panel = panel_of(response)
    assert "number 2 in the queue" in panel
    assert "Leave the waiting list" in panel
    assert ZOOM not in response.content.decode()
    letter = mail.outbox[-1]
    assert letter.to == ["third@example.org"]
    assert "waiting list" in letter.subject
    assert "number 2 in the queue" in letter.body
    assert ZOOM not in letter.body


def test_cancelling_promotes_the_oldest_waitlisted_in_their_own_language(
    django_capture_on_commit_callbacks,
):
    ru, tt, en = (event(language=code) for code in ("ru", "tt", "en"))
    set_course(ru, capacity=1, joining_link=ZOOM)
    confirmed, oldest, newer = (resident(n) for n in ("alsu", "rustem", "dina"))
    register(client_for(confirmed), ru)
    register(client_for(oldest), tt)
    register(client_for(newer), en)
    assert registration_of(oldest, tt).status == "waitlisted"

    with django_capture_on_commit_callbacks(execute=True):
        response = client_for(confirmed).post(ru.url + "cancel/", follow=True)

    assert in_russian(CANCELLED_MESSAGE) in panel_of(response)
    assert not Registration.objects.filter(
        user=confirmed, status__in=["confirmed", "waitlisted"]
    ).exists()
    promoted = registration_of(oldest, tt)
    assert promoted.status == "confirmed"
    assert registration_of(newer, en).status == "waitlisted"
    letters = {letter.to[0]: letter for letter in mail.outbox}
    assert set(letters) == {"alsu@example.org", "rustem@example.org"}
    assert ru.title in letters["alsu@example.org"].subject
    promotion = letters["rustem@example.org"]
    # Written about the Tatar page, in Tatar (the page's language).
    with translation.override("tt"):
        expected = gettext("A place became free for you: %(title)s") % {
            "title": tt.title
        }
    assert promotion.subject == expected
    assert ZOOM in promotion.body
    cancel_url = next(url for url in links_in(promotion.body) if "/cancel/" in url)
    assert cancel_url.startswith(tt.full_url)
    assert PageLogEntry.objects.filter(action=actions.LOG_PROMOTED).exists()

    # The link in the letter works: a page with a button, then the POST.
    path = cancel_url.split("://", 1)[1].split("/", 1)[1]
    shown = Client().get("/" + path)
    assert shown.status_code == 200
    with translation.override("tt"):
        button = escape(gettext("Yes, cancel my registration"))
    assert button in shown.content.decode()
    assert registration_of(oldest, tt).status == "confirmed"
    with django_capture_on_commit_callbacks(execute=True):
        Client().post("/" + path)
    promoted.refresh_from_db()
    assert promoted.status == "cancelled"
    assert registration_of(newer, en).status == "confirmed"


def test_double_registration_is_refused_with_a_message():
    page = set_course(event(), capacity=20)
    gulnara = resident("gulnara")
    client = client_for(gulnara)
    register(client, page)

    response = register(client, page)

    assert in_russian("You are already registered for this event.") in panel_of(
        response
    )
    assert Registration.objects.filter(user=gulnara).count() == 1


def test_the_database_refuses_a_double_registration_the_check_missed(monkeypatch):
    page = set_course(event(), capacity=20)
    gulnara = resident("gulnara")
    actions.RegisterAction(page, gulnara).execute()
    # As if two clicks passed the check at the same moment.
    monkeypatch.setattr(selectors, "active_registration", lambda *args: None)

    with pytest.raises(actions.RegistrationError) as refusal:
        actions.RegisterAction(page, gulnara).execute()

    assert refusal.value.code == "already_registered"
    assert Registration.objects.filter(user=gulnara).count() == 1


@pytest.mark.parametrize(
    ("options", "message"),
    [
        (
            {"registration": False},
            "This event does not need registration: just join it at the time.",
        ),
        ({"days": -2}, "Registration has closed: this event has no more dates ahead."),
        ({"cancelled": True}, "This event is cancelled, so registration is closed."),
    ],
)
def test_registering_where_it_is_closed_is_refused_with_the_reason(options, message):
    page = make_event("closed", **options)
    gulnara = resident("gulnara")

    response = register(client_for(gulnara), page)

    assert response.status_code == 200
    assert in_russian(message) in response.content.decode()
    assert not Registration.objects.filter(event_key=page.translation_key).exists()


def test_registering_on_an_unpublished_event_is_refused():
    page = make_event("draft", live=False)

    assert Client().get(page.url or "/ru/programme/draft/").status_code == 404
    with pytest.raises(actions.RegistrationError) as refusal:
        actions.RegisterAction(page, resident("gulnara")).execute()
    assert refusal.value.code == selectors.CLOSED_UNPUBLISHED
    with translation.override("en"):
        assert "not published" in str(refusal.value.message)


def test_an_account_without_email_is_asked_for_one():
    page = set_course(event(language="en"), capacity=20)
    esia_only = resident("esia-1", email="")
    client = client_for(esia_only)

    assert "has no email address" in panel_of(client.get(page.url))
    response = register(client, page)
    assert "has no email address" in panel_of(response)
    assert not Registration.objects.filter(event_key=page.translation_key).exists()


def test_anonymous_visitors_are_sent_to_sign_in_and_back():
    page = set_course(event(language="tt"))

    response = Client().post(page.url + "register/")

    assert response.status_code == 302
    assert response["Location"] == f"/tt/account/login/?next={page.url}"
    assert not Registration.objects.filter(event_key=page.translation_key).exists()


def test_changes_are_post_only_and_csrf_protected():
    page = set_course(event())
    gulnara = resident("gulnara")
    client = client_for(gulnara)

    assert client.get(page.url + "register/").status_code == 405
    assert client.get(page.url + "cancel/").status_code == 405
    strict = Client(enforce_csrf_checks=True)
    strict.force_login(gulnara)
    assert strict.post(page.url + "register/").status_code == 403
    assert not Registration.objects.filter(event_key=page.translation_key).exists()


def test_cancelling_without_a_registration_says_so():
    page = event()
    response = client_for(resident("gulnara")).post(page.url + "cancel/", follow=True)
    assert in_russian("You have no registration for this event to cancel.") in panel_of(
        response
    )


# The emailed cancellation link


def test_the_cancellation_link_asks_first_and_cancels_only_on_post(
    django_capture_on_commit_callbacks,
):
    page = set_course(event(language="en"), capacity=20)
    gulnara = resident("gulnara")
    registration = actions.RegisterAction(page, gulnara).execute()
    url = page.url + f"cancel/{registration.cancel_token}/"

    for _ in range(2):  # a mail scanner, then the person
        shown = Client().get(url)
        assert shown.status_code == 200
        assert 'name="robots" content="noindex"' in shown.content.decode()
        assert "no-cache" in shown["Cache-Control"]
    registration.refresh_from_db()
    assert registration.status == "confirmed"

    with django_capture_on_commit_callbacks(execute=True):
        response = Client().post(url, follow=True)

    registration.refresh_from_db()
    assert registration.status == "cancelled"
    assert registration.cancelled_at is not None
    assert "Your registration is cancelled" in response.content.decode()
    assert mail.outbox[-1].to == ["gulnara@example.org"]
    assert "cancelled" in mail.outbox[-1].subject
    # Used again: nothing to cancel, said in words.
    again = Client().get(url)
    assert again.status_code == 200
    assert "This registration was already cancelled." in again.content.decode()
    assert PageLogEntry.objects.filter(
        action=actions.LOG_CANCELLED, user=gulnara
    ).exists()


def test_a_wrong_or_foreign_token_is_not_found():
    page = set_course(event(), capacity=20)
    registration = actions.RegisterAction(page, resident("gulnara")).execute()
    other = event("morning-exercises")

    assert Client().get(page.url + "cancel/not-a-token/").status_code == 404
    assert Client().post(page.url + "cancel/not-a-token/").status_code == 404
    foreign = other.url + f"cancel/{registration.cancel_token}/"
    assert Client().post(foreign).status_code == 404
    registration.refresh_from_db()
    assert registration.status == "confirmed"


# The joining link


def test_the_joining_link_is_only_in_the_page_of_confirmed_residents():
    page = set_course(event(), capacity=1, joining_link=ZOOM)
    confirmed, waiting, stranger = (resident(n) for n in ("one", "two", "three"))
    actions.RegisterAction(page, confirmed).execute()
    actions.RegisterAction(page, waiting).execute()

    assert ZOOM in client_for(confirmed).get(page.url).content.decode()
    for client in (client_for(waiting), client_for(stranger), Client()):
        response = client.get(page.url)
        assert response.status_code == 200
        assert ZOOM not in response.content.decode()
    assert "private" in client_for(confirmed).get(page.url)["Cache-Control"]


# Editors: the list, the attendance sheet and the CSV


@pytest.fixture
def library_editor():
    create_roles()
    library = InstitutionPage.objects.get(
        slug="national-library", locale__language_code="ru"
    )
    editor = User.objects.create_user(username="librarian", password="staff-pass")
    editor.groups.add(grant_institution_editors(library))
    return User.objects.get(pk=editor.pk)


@pytest.fixture
def school_editor():
    create_roles()
    school = InstitutionPage.objects.get(
        slug="saydashev-music-school", locale__language_code="ru"
    )
    editor = User.objects.create_user(username="teacher", password="staff-pass")
    editor.groups.add(grant_institution_editors(school))
    return User.objects.get(pk=editor.pk)


def admin_urls(page):
    base = f"/admin/events/{page.pk}/registrations/"
    return [base, base + "attendance/", base + "csv/"]


def test_only_the_events_editors_see_its_registrations(
    library_editor, school_editor, admin_client
):
    page = event(language="tt")

    for url in admin_urls(page):
        assert staff_client(school_editor).get(url).status_code == 403
        assert staff_client(library_editor).get(url).status_code == 200
        assert admin_client.get(url).status_code == 200
        assert client_for(resident(f"r{len(url)}")).get(url).status_code == 302
    assert staff_client(school_editor).post(admin_urls(page)[1]).status_code == 403


def test_the_list_shows_each_registration_in_queue_order(library_editor):
    page = set_course(event(), capacity=1)
    for name in ("Алсу", "Рустем", "Дина"):
        user = resident(name.lower(), first_name=name, last_name="Галиева")
        actions.RegisterAction(page, user).execute()

    content = staff_client(library_editor).get(admin_urls(page)[0]).content.decode()

    assert content.index("Алсу") < content.index("Рустем") < content.index("Дина")
    assert "рустем@example.org" in content
    with translation.override("ru"):
        assert gettext("no. %(position)s") % {"position": 2} in content


def test_the_csv_opens_in_excel_and_cannot_run_formulas(library_editor):
    page = set_course(event(language="en"), capacity=20)
    actions.RegisterAction(
        page, resident("mallory", first_name='=HYPERLINK("http://evil")')
    ).execute()
    actions.RegisterAction(
        page, resident("gulnara", first_name="Гульнара", last_name="Хайруллина")
    ).execute()

    response = staff_client(library_editor).get(admin_urls(page)[2])

    assert response.status_code == 200
    assert response["Content-Type"] == "text/csv; charset=utf-8"
    assert response["Content-Disposition"].startswith(
        f'attachment; filename="registrations-{page.slug}-'
    )
    assert response.content.startswith(b"\xef\xbb\xbf")
    text = response.content.decode("utf-8-sig")
    rows = list(csv.reader(io.StringIO(text), delimiter=";"))
    # The admin speaks Russian unless the editor chose otherwise.
    with translation.override("ru"):
        assert rows[0][:4] == [
            gettext(label)
            for label in ("Status", "Place in the queue", "Name", "Email")
        ]
    by_email = {row[3]: row for row in rows[1:]}
    assert by_email["gulnara@example.org"][2] == "Гульнара Хайруллина"
    assert by_email["gulnara@example.org"][7] == "en"
    assert by_email["mallory@example.org"][2] == '\'=HYPERLINK("http://evil")'
    assert PageLogEntry.objects.filter(page=page, action=actions.LOG_EXPORTED).exists()


def test_the_attendance_sheet_stores_ticks_and_clears_unticked(library_editor):
    page = set_course(event(), capacity=20)
    one = actions.RegisterAction(page, resident("one")).execute()
    two = actions.RegisterAction(page, resident("two")).execute()
    url = admin_urls(page)[1]
    client = staff_client(library_editor)
    sheet = selectors.attendance_sheet(page)
    first, second = sheet.dates[0], sheet.dates[1]
    key = "{}-{}".format  # noqa: UP032

    assert client.get(url).status_code == 200
    response = client.post(
        url,
        {
            "attended": [
                key(one.pk, int(first.original_start.timestamp())),
                key(two.pk, int(first.original_start.timestamp())),
                key(two.pk, int(second.original_start.timestamp())),
                "999999-1",  # not on the sheet: ignored
                "nonsense",
            ]
        },
    )
    assert response.status_code == 302
    assert Attendance.objects.count() == 3
    assert Attendance.objects.filter(
        registration=two, date=second.original_start
    ).exists()

    client.post(url, {"attended": [key(one.pk, int(first.original_start.timestamp()))]})
    assert list(Attendance.objects.values_list("registration_id", "date")) == [
        (one.pk, first.original_start)
    ]
    content = client.get(url).content.decode()
    assert content.count(" checked") == 1


def test_the_event_editor_finds_registrations_from_the_page_header(library_editor):
    page = event()
    client = staff_client(library_editor)
    content = client.get(f"/admin/pages/{page.pk}/edit/").content.decode()
    assert f"/admin/events/{page.pk}/registrations/" in content
    listing = client.get(f"/admin/pages/{page.get_parent().pk}/").content.decode()
    assert f"/admin/events/{page.pk}/registrations/attendance/" in listing


def test_the_page_history_names_registration_entries(admin_client):
    page = set_course(event(), capacity=20)
    actions.RegisterAction(page, resident("gulnara")).execute()

    history = admin_client.get(f"/admin/pages/{page.pk}/history/")

    assert history.status_code == 200
    with translation.override("ru"):
        label = gettext("A resident registered and got a place")
    assert label in history.content.decode()


# Publishing with more places


def test_publishing_more_places_promotes_the_waiting_list(
    django_capture_on_commit_callbacks,
):
    page = set_course(event(), capacity=1)
    users = [resident(name) for name in ("one", "two", "three")]
    for user in users:
        actions.RegisterAction(page, user).execute()

    page.capacity = 2
    with django_capture_on_commit_callbacks(execute=True):
        page.save_revision().publish()

    statuses = [registration_of(user, page).status for user in users]
    assert statuses == ["confirmed", "confirmed", "waitlisted"]
    with translation.override("ru"):
        subject = gettext("A place became free for you: %(title)s") % {
            "title": page.title
        }
    assert [letter.to for letter in mail.outbox if letter.subject == subject] == [
        ["two@example.org"]
    ]


# Personal data


def test_the_personal_data_export_lists_registrations(client):
    page = set_course(event(language="en"), capacity=20)
    gulnara = resident("gulnara")
    actions.RegisterAction(page, gulnara).execute()
    client.force_login(gulnara)

    assert page.title in client.get("/en/account/data/").content.decode()
    document = json.loads(client.get("/en/account/data/download/").content)
    sections = {section["key"]: section for section in document["sections"]}
    records = sections["event_registrations"]["records"]
    assert len(records) == 1
    assert records[0]["event"] == page.title
    assert records[0]["status"] == "confirmed"
    assert records[0]["dates_attended"] == 0


def test_deleting_an_account_gives_its_place_to_the_waiting_list(
    django_capture_on_commit_callbacks,
):
    page = set_course(event(), capacity=1)
    leaving, waiting = resident("leaving"), resident("waiting")
    actions.RegisterAction(page, leaving).execute()
    actions.RegisterAction(page, waiting).execute()
    client = client_for(leaving)

    with django_capture_on_commit_callbacks(execute=True):
        response = client.post(
            "/en/account/data/delete/", {"password": "resident-pass"}
        )

    assert response.status_code == 302
    assert registration_of(waiting, page).status == "confirmed"
    assert not Registration.objects.filter(
        user_id=leaving.pk, status__in=["confirmed", "waitlisted"]
    ).exists()
    # A place-freed letter to the next person, no receipt to the deleted account.
    assert [letter.to for letter in mail.outbox] == [["waiting@example.org"]]
