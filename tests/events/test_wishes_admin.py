"""Programme wishes for editors and moderators, their letters and personal data."""

from django.contrib.auth.models import Group
from django.core import mail
from django.test import Client
from django.utils import translation

from wagtail.models import ModelLogEntry

import pytest
from django_otp import DEVICE_ID_SESSION_KEY
from django_otp.plugins.otp_totp.models import TOTPDevice

from cms.accounts.personal_data import anonymise_everywhere, collect_sections
from cms.accounts.roles import Role, create_roles, grant_institution_editors
from cms.feedback.models import ActivityRecord
from events_plugin import permissions, wishes
from events_plugin.models import EventPage, InstitutionPage, Wish, WishVote
from tests.conftest import in_russian
from tests.events.test_wishes import (
    client_for,
    make_wish,
    programme,
    resident,
    wishes_url,
)

pytestmark = pytest.mark.django_db

ADMIN = "/admin/wishes/"


def staff_client(user):
    """Signed in with a verified second factor, as the admin demands."""
    client = Client()
    client.force_login(user)
    device = TOTPDevice.objects.create(user=user, name="phone", confirmed=True)
    session = client.session
    session[DEVICE_ID_SESSION_KEY] = device.persistent_id
    session.save()
    return client


def staff(username, role):
    create_roles()
    user = resident(username)
    user.groups.add(Group.objects.get(name=role.value))
    return user


@pytest.fixture
def editor():
    return staff("editor", Role.CULTURE_EDITOR)


@pytest.fixture
def moderator():
    return staff("moderator", Role.MODERATOR)


def answer(client, wish, **data):
    data.setdefault("status", "planned")
    return client.post(f"{ADMIN}{wish.pk}/answer/", data)


def test_editors_and_moderators_see_the_list_and_others_do_not(editor, moderator):
    wish = make_wish(resident("author"), "Видимое в админке")
    make_wish(resident("other"), "Скрытое в админке", is_public=False,
              hidden_reason="Спам")  # fmt: skip
    create_roles()
    library = InstitutionPage.objects.get(
        slug="national-library", locale__language_code="ru"
    )
    librarian = resident("librarian")
    librarian.groups.add(grant_institution_editors(library))
    hearing_organiser = staff("organiser", Role.HEARING_ORGANISER)

    for user in (editor, moderator, librarian):
        content = staff_client(user).get(ADMIN).content.decode()
        assert "Видимое в админке" in content and "Скрытое в админке" in content
    assert staff_client(hearing_organiser).get(ADMIN).status_code == 403
    assert client_for(resident("nobody")).get(ADMIN).status_code == 302
    assert staff_client(moderator).get(f"{ADMIN}{wish.pk}/answer/").status_code == 403
    assert staff_client(editor).get(f"{ADMIN}{wish.pk}/hide/").status_code == 403
    assert permissions.can_manage_wishes(librarian)
    assert not permissions.can_manage_wishes(hearing_organiser)


def test_the_admin_list_filters_by_status_and_visibility(editor):
    make_wish(resident("a"), "Открытое пожелание")
    make_wish(resident("b"), "Сделанное пожелание", status=Wish.Status.DONE)
    client = staff_client(editor)

    done = client.get(ADMIN + "?status=done").content.decode()
    garbage = client.get(ADMIN + "?status=zzz&visibility=<b>&p=abc")

    assert "Сделанное пожелание" in done and "Открытое пожелание" not in done
    assert garbage.status_code == 200


def test_planned_wish_tells_the_author_and_voters_by_email(
    editor, django_capture_on_commit_callbacks
):
    author = resident("author", first_name="Алсу")
    wish = make_wish(author, "Курс по смартфонам", language="tt")
    voters = [resident("voter1"), resident("voter2"), resident("silent", email="")]
    for voter in voters:
        wishes.VoteForWishAction(wish, voter).execute()
    event = EventPage.objects.live().filter(locale__language_code="ru").first()

    with django_capture_on_commit_callbacks(execute=True):
        response = answer(
            staff_client(editor),
            wish,
            note="Будет весной",
            event=event.pk,
        )

    assert response.status_code == 302
    wish.refresh_from_db()
    assert wish.status == Wish.Status.PLANNED and wish.status_changed_at
    assert wish.editor_note == "Будет весной"
    assert wish.event_key == event.translation_key
    assert sorted(m.to[0] for m in mail.outbox) == [
        "author@example.org",
        "voter1@example.org",
        "voter2@example.org",
    ]
    letter = next(m for m in mail.outbox if m.to == ["author@example.org"])
    with translation.override("tt"):
        assert str(Wish.Status.PLANNED.label) in letter.body
    assert "Будет весной" in letter.body
    tatar = event.get_translation(programme("tt").locale)
    assert tatar.full_url in letter.body
    assert ModelLogEntry.objects.filter(
        action=wishes.LOG_STATUS, object_id=str(wish.pk), user=editor
    ).exists()
    assert ActivityRecord.objects.filter(
        action="wish_status", outcome="done", user=editor, target=f"wish:{wish.pk}"
    ).exists()


def test_declining_or_saving_the_same_status_sends_no_letter(
    editor, django_capture_on_commit_callbacks
):
    wish = make_wish(resident("author"), status=Wish.Status.PLANNED)
    client = staff_client(editor)

    with django_capture_on_commit_callbacks(execute=True):
        answer(client, wish, status="planned", note="Уточнили дату")
        answer(client, wish, status="declined", note="Нет площадки")

    wish.refresh_from_db()
    assert (wish.status, wish.editor_note) == ("declined", "Нет площадки")
    assert mail.outbox == []


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"status": "bogus"}, None),
        (
            {"note": "<script>x</script>"},
            "Please write plain text, without HTML tags or code.",
        ),
        ({"event": "999999999"}, None),
        ({"event": "abc"}, None),
    ],
)
def test_bad_answers_are_refused_and_nothing_changes(editor, data, message):
    wish = make_wish(resident("author"))

    response = answer(staff_client(editor), wish, **data)

    assert response.status_code == 400
    if message:
        assert in_russian(message) in response.content.decode()
    wish.refresh_from_db()
    assert wish.status == Wish.Status.OPEN and wish.editor_note == ""


def test_only_event_pages_can_answer_a_wish(editor):
    wish = make_wish(resident("author"))

    response = answer(staff_client(editor), wish, event=programme().pk)

    assert response.status_code == 400
    wish.refresh_from_db()
    assert wish.event_key is None


def test_unknown_wishes_are_not_found_in_the_admin(editor, moderator):
    # The site's language middleware sends unknown addresses to a language's
    # version first; that one is not found either.
    for pk in ("99999999", "99999999999999999999"):
        unknown = staff_client(editor).get(f"{ADMIN}{pk}/answer/", follow=True)
        assert unknown.status_code == 404
    assert staff_client(moderator).post(f"{ADMIN}99999999/show/").status_code in (
        302,
        404,
    )
    assert staff_client(moderator).post(f"{ADMIN}abc/show/").status_code != 500


def test_a_moderator_hides_a_wish_with_a_reason_and_shows_it_again(moderator):
    wish = make_wish(resident("author"), "Реклама казино")
    client = staff_client(moderator)

    no_reason = client.post(f"{ADMIN}{wish.pk}/hide/", {"reason": "  "})
    wish.refresh_from_db()
    assert no_reason.status_code == 400 and wish.is_public

    client.post(f"{ADMIN}{wish.pk}/hide/", {"reason": "Реклама"})
    wish.refresh_from_db()
    assert not wish.is_public and wish.hidden_reason == "Реклама"
    assert "Реклама казино" not in Client().get(wishes_url()).content.decode()
    assert ModelLogEntry.objects.filter(action=wishes.LOG_HIDDEN).exists()

    assert client.get(f"{ADMIN}{wish.pk}/show/").status_code == 405
    client.post(f"{ADMIN}{wish.pk}/show/")
    wish.refresh_from_db()
    assert wish.is_public and wish.hidden_reason == ""
    assert "Реклама казино" in Client().get(wishes_url()).content.decode()
    assert ActivityRecord.objects.filter(action="wish_shown", user=moderator).exists()


def test_the_actions_check_permissions_themselves(editor, moderator):
    wish = make_wish(resident("author"))
    somebody = resident("somebody")

    with pytest.raises(wishes.NotAllowed):
        wishes.SetWishStatusAction(wish, somebody, status="done").execute()
    with pytest.raises(wishes.NotAllowed):
        wishes.SetWishStatusAction(wish, moderator, status="done").execute()
    with pytest.raises(wishes.NotAllowed):
        wishes.HideWishAction(wish, editor, "Спам").execute()
    wish.refresh_from_db()
    assert wish.status == Wish.Status.OPEN and wish.is_public
    assert ActivityRecord.objects.filter(
        action="wish_status", outcome="refused", user=somebody
    ).exists()


# Personal data


def test_personal_data_lists_wishes_and_votes():
    user = resident("alsu")
    own = make_wish(user, "Мой курс")
    other = make_wish(resident("author"), "Чужой концерт")
    wishes.VoteForWishAction(other, user).execute()

    sections = {section.key: section for section in collect_sections(user)}

    assert [r["title"] for r in sections["programme_wishes"].records] == [own.title]
    assert [r["wish"] for r in sections["programme_wish_votes"].records] == [
        other.title
    ]


def test_deleting_an_account_keeps_wishes_and_removes_votes():
    user = resident("leaving")
    own = make_wish(user, "Останется")
    other = make_wish(resident("author"), "Потеряет голос")
    wishes.VoteForWishAction(other, user).execute()
    wishes.VoteForWishAction(other, resident("stays")).execute()

    anonymise_everywhere(user)

    own.refresh_from_db()
    other.refresh_from_db()
    assert own.user is None and own.title == "Останется"
    assert other.vote_count == 1
    assert not WishVote.objects.filter(user=user).exists()
    assert "Останется" in Client().get(wishes_url() + f"{own.pk}/").content.decode()
