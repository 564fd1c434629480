"""Comments on events: one thread across ru, tt and en, official replies, letters."""

import datetime
import re

from django.contrib.auth import get_user_model
from django.core import mail
from django.test import Client
from django.utils import timezone, translation
from django.utils.html import escape

import pytest

from cms.accounts.roles import Role, create_roles, grant_institution_editors
from cms.comments import actions
from cms.comments.forms import EXPIRED_MESSAGE, MARKUP_MESSAGE, CommentForm
from cms.comments.models import Comment
from cms.comments.notifications import stop_token
from cms.comments.views import STALE_LINK, UNKNOWN_TARGET
from cms.feedback.models import ActivityRecord, PageFeedback
from cms.feedback.ratings import feedback_for
from events_plugin.models import (
    Domain,
    EventPage,
    EventSession,
    InstitutionPage,
)
from tests.conftest import in_russian

pytestmark = pytest.mark.django_db

User = get_user_model()
COURSE = "computer-literacy-for-seniors"


@pytest.fixture(autouse=True)
def without_demo_discussions(db):
    """Only the test's own comments (the demo's are rolled back after the test)."""
    Comment.objects.all().delete()


def course(language="ru"):
    return EventPage.objects.get(slug=COURSE, locale__language_code=language)


def event_under(institution_slug, slug, *, live=True):
    """A Russian event of one date under an institution, a week ago."""
    institution = InstitutionPage.objects.get(
        slug=institution_slug, locale__language_code="ru"
    )
    start = timezone.now().replace(second=0, microsecond=0) - datetime.timedelta(days=7)
    page = EventPage(
        title=f"Событие {slug}",
        slug=slug,
        event_type="course",
        domain=Domain.objects.filter(locale__language_code="ru").first(),
        live=live,
    )
    page.sessions = [EventSession(start=start, end=start + datetime.timedelta(hours=1))]
    institution.add_child(instance=page)
    return page


def person(username, *, first_name="", verified=True, **fields):
    """An account older than a day (the ordinary rate limits apply)."""
    user = User.objects.create_user(
        username=username,
        email=f"{username}@example.org",
        password="x",
        first_name=first_name,
        email_verified=verified,
        **fields,
    )
    User.objects.filter(pk=user.pk).update(
        date_joined=timezone.now() - datetime.timedelta(days=30)
    )
    return User.objects.get(pk=user.pk)


def client_for(user):
    client = Client()
    client.force_login(user)
    return client


def form_data(page, text="Хорошее занятие.", **extra):
    """The signed fields of the page's comment form, as the page renders them."""
    feedback = feedback_for(page, create=True)
    data = {
        key: value
        for key, value in CommentForm(feedback).initial.items()
        if key in ("content_type", "object_pk", "timestamp", "security_hash")
    }
    data.update(comment=text, honeypot="", reply_to="0", next=page.url)
    data.update(extra)
    return data


def post(client, page, text="Хорошее занятие.", language=None, **extra):
    language = language or page.locale.language_code
    return client.post(f"/{language}/comments/post/", form_data(page, text, **extra))


def discussion_of(html):
    assert 'id="discussion"' in html
    return html.split('id="discussion"', 1)[1]


# One thread across the translations


def test_comments_from_the_tatar_and_russian_pages_form_one_thread(client):
    tatar, russian, english = course("tt"), course("ru"), course("en")
    author, neighbour = person("alsu", first_name="Алсу"), person("rustem")

    written = post(client_for(author), tatar, "Бик яхшы дәрес!")
    first = Comment.objects.get()
    replied = post(
        client_for(neighbour), russian, "Согласен, очень полезно.", reply_to=first.pk
    )
    reply = Comment.objects.exclude(pk=first.pk).get()

    feedback = PageFeedback.objects.get(translation_key=russian.translation_key)
    assert written.status_code == replied.status_code == 302
    assert written["Location"] == f"{tatar.url}#c{first.pk}"
    assert first.content_object == feedback == reply.content_object
    assert (first.language, reply.language) == ("tt", "ru")
    assert reply.parent_id == first.pk
    html = discussion_of(client.get(english.url).content.decode())
    assert "Бик яхшы дәрес!" in html and "Согласен, очень полезно." in html
    assert 'lang="tt"' in html and 'lang="ru"' in html
    with translation.override("en"):
        assert "Comments" in client.get(english.url).content.decode()


def test_the_thread_filters_by_language(client):
    author = person("alsu")
    actions.PostCommentAction(
        feedback_for(course(), create=True), author, text="По-русски", language="ru"
    ).execute()
    actions.PostCommentAction(
        feedback_for(course(), create=True), author, text="Татарча", language="tt"
    ).execute()
    page = course("en")
    only_tatar = discussion_of(
        client.get(page.url, {"comments_language": "tt"}).content.decode()
    )
    everything = discussion_of(client.get(page.url).content.decode())
    assert "Татарча" in only_tatar and "По-русски" not in only_tatar
    assert 'aria-current="true"' in only_tatar
    assert "Татарча" in everything and "По-русски" in everything


def test_visitors_read_the_thread_and_are_asked_to_sign_in(client):
    actions.PostCommentAction(
        feedback_for(course(), create=True), person("alsu"), text="Читаю", language="ru"
    ).execute()
    html = discussion_of(client.get(course().url).content.decode())
    assert "Читаю" in html
    assert "/ru/account/login/" in html
    assert 'name="comment"' not in html


def test_the_first_view_makes_the_thread_target_once():
    page = course("tt")
    PageFeedback.objects.filter(translation_key=page.translation_key).delete()
    Client().get(page.url)
    Client().get(course("ru").url)
    assert (
        PageFeedback.objects.filter(translation_key=page.translation_key).count() == 1
    )


# Official replies


@pytest.fixture
def library_editor():
    create_roles()
    library = InstitutionPage.objects.get(
        slug="national-library", locale__language_code="ru"
    )
    editor = person("librarian")
    editor.groups.add(grant_institution_editors(library))
    return User.objects.get(pk=editor.pk)


@pytest.fixture
def school_editor():
    create_roles()
    school = InstitutionPage.objects.get(
        slug="saydashev-music-school", locale__language_code="ru"
    )
    editor = person("teacher")
    editor.groups.add(grant_institution_editors(school))
    return User.objects.get(pk=editor.pk)


def test_the_events_publishers_reply_officially_and_others_do_not(
    client, library_editor, school_editor
):
    page = course()
    feedback = feedback_for(page, create=True)
    question = actions.PostCommentAction(
        feedback, person("alsu"), text="Будет ли повтор?", language="ru"
    ).execute()
    post(client_for(library_editor), page, "Да, в марте.", reply_to=question.pk)
    post(client_for(school_editor), page, "Не знаю.", reply_to=question.pk)
    post(client_for(person("rustem")), page, "Тоже жду.", reply_to=question.pk)

    official = dict(Comment.objects.values_list("comment", "official"))
    assert official == {
        "Будет ли повтор?": False,
        "Да, в марте.": True,
        "Не знаю.": False,
        "Тоже жду.": False,
    }
    html = discussion_of(client.get(page.url).content.decode())
    with translation.override("ru"):
        badge = translation.gettext("Official reply, %(name)s") % {
            "name": page.get_institution().title
        }
    assert html.count('class="discussion__official"') == 1
    assert in_russian(badge) in html or badge in html


def test_a_hearing_organisers_reply_is_official_with_the_organiser(client):
    from hearings_plugin.factories import make_hearing
    from hearings_plugin.models import Stage
    from tests.hearings.conftest import staff_member

    hearing = make_hearing(Stage.OPEN)
    organiser = staff_member("organiser", Role.HEARING_ORGANISER)
    question = actions.PostCommentAction(
        hearing.procedure, person("alsu"), text="Где схема?", language="ru"
    ).execute()
    answer = actions.PostCommentAction(
        hearing.procedure,
        organiser,
        text="В материалах.",
        language="ru",
        reply_to=question.pk,
    ).execute()
    html = client.get(hearing.url).content.decode()
    assert answer.official and not question.official
    assert 'class="discussion__official"' in html
    assert escape(hearing.organiser) in html.split('class="discussion__official"', 1)[1]


def test_hearing_forms_do_not_offer_letters_and_event_forms_do(client):
    from hearings_plugin.factories import make_hearing
    from hearings_plugin.models import Stage

    hearing = make_hearing(Stage.OPEN)
    user = person("alsu")
    event_html = client_for(user).get(course().url).content.decode()
    hearing_html = client_for(user).get(hearing.url).content.decode()
    assert 'name="followup"' in event_html
    assert 'name="followup"' not in hearing_html


# Letters about replies


def reply_as(user, page, parent, text, *, followup=False, callbacks):
    with callbacks(execute=True):
        response = post(
            client_for(user),
            page,
            text,
            reply_to=parent.pk,
            **({"followup": "on"} if followup else {}),
        )
    assert response.status_code == 302
    return Comment.objects.get(comment=text)


def test_a_reply_emails_the_authors_above_who_asked_in_their_language(
    django_capture_on_commit_callbacks,
):
    tatar, russian = course("tt"), course("ru")
    alsu = person("alsu", first_name="Алсу")
    rustem = person("rustem")
    unverified = person("dina", verified=False)
    with django_capture_on_commit_callbacks(execute=True):
        post(client_for(alsu), tatar, "Кайчан?", followup="on")
    top = Comment.objects.get()
    assert top.followup and top.language == "tt"
    middle = reply_as(
        rustem,
        russian,
        top,
        "Я тоже хочу знать.",
        callbacks=django_capture_on_commit_callbacks,
    )
    assert len(mail.outbox) == 1
    letter = mail.outbox[0]
    assert letter.to == [alsu.email]
    assert "Я тоже хочу знать." in letter.body
    assert f"{tatar.url}#c{middle.pk}" in letter.body
    with translation.override("tt"):
        greeting = translation.gettext("Hello, %(name)s!") % {"name": "Алсу"}
    assert greeting in letter.body
    assert "/tt/comments/followup/" in letter.body

    mail.outbox.clear()
    reply_as(
        unverified,
        russian,
        middle,
        "Ответ на ответ.",
        followup=True,
        callbacks=django_capture_on_commit_callbacks,
    )
    # Alsu (two levels up) asked; Rustem did not.
    assert [m.to for m in mail.outbox] == [[alsu.email]]


def test_nobody_is_emailed_about_their_own_reply_or_without_a_confirmed_email(
    django_capture_on_commit_callbacks,
):
    page = course()
    dina = person("dina", verified=False)
    alsu = person("alsu")
    with django_capture_on_commit_callbacks(execute=True):
        post(client_for(dina), page, "Без подтверждения.", followup="on")
        post(client_for(alsu), page, "Своя ветка.", followup="on")
    unconfirmed = Comment.objects.get(comment="Без подтверждения.")
    own = Comment.objects.get(comment="Своя ветка.")
    reply_as(
        alsu,
        page,
        unconfirmed,
        "Ответ Дине.",
        callbacks=django_capture_on_commit_callbacks,
    )
    reply_as(
        alsu, page, own, "Дополню себя.", callbacks=django_capture_on_commit_callbacks
    )
    assert unconfirmed.followup and own.followup
    assert mail.outbox == []


def stop_url_of(letter):
    return re.search(r"https?://[^\s]+/comments/followup/[^\s]+/", letter.body).group(0)


def test_the_stop_link_asks_first_and_stops_letters_on_post(
    django_capture_on_commit_callbacks,
):
    from urllib.parse import urlsplit

    page = course()
    alsu = person("alsu")
    with django_capture_on_commit_callbacks(execute=True):
        post(client_for(alsu), page, "Сообщите мне.", followup="on")
    top = Comment.objects.get()
    reply_as(
        person("rustem"),
        page,
        top,
        "Первый ответ.",
        callbacks=django_capture_on_commit_callbacks,
    )
    path = urlsplit(stop_url_of(mail.outbox[0])).path
    visitor = Client()  # the link works without signing in

    asked = visitor.get(path)
    top.refresh_from_db()
    assert asked.status_code == 200 and top.followup
    assert 'method="post"' in asked.content.decode()
    stopped = visitor.post(path)
    top.refresh_from_db()
    assert stopped.status_code == 200 and not top.followup
    assert 'role="status"' in stopped.content.decode()

    mail.outbox.clear()
    reply_as(
        person("dina"),
        page,
        top,
        "Второй ответ.",
        callbacks=django_capture_on_commit_callbacks,
    )
    assert mail.outbox == []


@pytest.mark.parametrize("token", ["garbage", "a:b:c", "x" * 300])
def test_a_forged_stop_link_changes_nothing(token):
    alsu = person("alsu")
    feedback = feedback_for(course(), create=True)
    actions.PostCommentAction(
        feedback, alsu, text="Следую.", language="ru", followup=True
    ).execute()
    response = Client().post(f"/ru/comments/followup/{token}/")
    assert response.status_code == 404
    assert in_russian(STALE_LINK) in response.content.decode()
    assert Comment.objects.get().followup


def test_a_stop_link_for_another_thread_leaves_this_one_alone():
    alsu = person("alsu")
    here = feedback_for(course(), create=True)
    other = feedback_for(event_under("national-library", "other-event"), create=True)
    actions.PostCommentAction(
        here, alsu, text="Следую.", language="ru", followup=True
    ).execute()
    Client().post(f"/ru/comments/followup/{stop_token(alsu, other)}/")
    assert Comment.objects.get().followup


# Bad input: a translated refusal, nothing stored, never a 500


@pytest.mark.parametrize(
    "content_type", ["auth.user", "feedback.rating", "garbage", "", "a.b.c"]
)
def test_a_forged_content_type_is_refused(content_type):
    response = post(client_for(person("alsu")), course(), content_type=content_type)
    assert response.status_code == 400
    assert in_russian(UNKNOWN_TARGET) in response.content.decode()
    assert not Comment.objects.exists()
    assert ActivityRecord.objects.filter(
        action="comment", outcome=ActivityRecord.Outcome.REFUSED
    ).exists()


@pytest.mark.parametrize(
    "object_pk", ["0", "-1", "abc", "1 OR 1=1", "9" * 30, "", "1.5"]
)
def test_a_forged_object_is_refused(object_pk):
    response = post(client_for(person("alsu")), course(), object_pk=object_pk)
    assert response.status_code == 400
    assert not Comment.objects.exists()


def test_a_signed_form_of_another_live_event_is_taken():
    other = event_under("national-library", "other-event")
    response = post(client_for(person("alsu")), other, next=course().url)
    assert response.status_code == 302
    assert Comment.objects.get().content_object == feedback_for(other)


def test_the_thread_of_an_unpublished_event_takes_no_comments():
    draft = event_under("national-library", "draft-event")
    data = form_data(draft)  # signed while it was live
    draft.unpublish()
    response = client_for(person("alsu")).post("/ru/comments/post/", data)
    assert response.status_code == 403
    assert in_russian("Comments are closed.") in response.content.decode()
    assert not Comment.objects.exists()


def test_the_thread_of_a_private_event_takes_no_comments():
    from wagtail.models import PageViewRestriction

    private = event_under("national-library", "private-event")
    data = form_data(private)
    PageViewRestriction.objects.create(
        page=private, restriction_type=PageViewRestriction.LOGIN
    )
    response = client_for(person("alsu")).post("/ru/comments/post/", data)
    assert response.status_code == 403
    assert not Comment.objects.exists()


@pytest.mark.parametrize(
    "field, value",
    [
        ("security_hash", "0" * 40),
        ("security_hash", ""),
        ("timestamp", "0"),
        ("timestamp", "abc"),
        ("timestamp", str(10**12)),
        ("reply_to", "abc"),
    ],
)
def test_a_tampered_signed_field_is_refused(field, value):
    response = post(client_for(person("alsu")), course(), **{field: value})
    assert response.status_code == 400
    assert in_russian(EXPIRED_MESSAGE) in response.content.decode()
    assert not Comment.objects.exists()


def test_a_reply_to_a_comment_of_another_thread_is_refused():
    other = actions.PostCommentAction(
        feedback_for(event_under("national-library", "other-event"), create=True),
        person("rustem"),
        text="В другой ветке",
        language="ru",
    ).execute()
    response = post(client_for(person("alsu")), course(), "Ответ", reply_to=other.pk)
    assert response.status_code == 400
    with translation.override("ru"):
        assert (
            translation.gettext("You can only reply to a comment of this discussion.")
            in response.content.decode()
        )
    assert Comment.objects.count() == 1


def test_replies_deeper_than_allowed_are_refused(settings):
    feedback = feedback_for(course(), create=True)
    author = person("alsu")
    parent = None
    for level in range(settings.COMMENTS_XTD_MAX_THREAD_LEVEL + 1):
        parent = actions.PostCommentAction(
            feedback,
            author,
            text=f"Уровень {level}",
            language="ru",
            reply_to=parent.pk if parent else 0,
        ).execute()
    response = post(
        client_for(person("rustem")), course(), "Глубже", reply_to=parent.pk
    )
    assert response.status_code == 400
    assert not Comment.objects.filter(comment="Глубже").exists()


@pytest.mark.parametrize(
    "text",
    [
        "<script>alert(1)</script>",
        "Привет <b>всем</b>",
        "<img src=x onerror=alert(1)>",
        "",
        "   ",
        "я" * 3001,
    ],
)
def test_markup_empty_or_huge_text_is_refused(text):
    response = post(client_for(person("alsu")), course(), text)
    assert response.status_code == 400
    if "<" in text:
        assert in_russian(MARKUP_MESSAGE) in response.content.decode()
    assert not Comment.objects.exists()


def test_control_characters_are_dropped_not_stored():
    post(client_for(person("alsu")), course(), "Текст\x00 с нулём\x07")
    assert Comment.objects.get().comment == "Текст с нулём"


@pytest.mark.parametrize("url", ["/ru/comments/post/", "/ru/comments/1/flag/"])
def test_the_post_addresses_take_no_get(url):
    assert client_for(person("alsu")).get(url).status_code == 405


def test_a_get_on_a_comment_post_stores_nothing_even_with_data():
    client_for(person("alsu")).get("/ru/comments/post/", form_data(course()))
    assert not Comment.objects.exists()


# Anti-abuse


def test_a_new_account_is_held_back_sooner_and_it_is_recorded(settings):
    settings.FEEDBACK_RATE_LIMITS = {
        **settings.FEEDBACK_RATE_LIMITS,
        "comment": {
            "account": (3, 3600),
            "new_account": (1, 3600),
            "address": (50, 3600),
        },
    }
    newcomer = User.objects.create_user(username="newcomer", password="x")
    client = client_for(newcomer)
    first = post(client, course(), "Первый")
    second = post(client, course(), "Второй")
    assert first.status_code == 302
    assert second.status_code == 429
    assert second["Retry-After"]
    assert "Второй" in second.content.decode()  # the text is kept in the form
    assert list(Comment.objects.values_list("comment", flat=True)) == ["Первый"]
    outcomes = list(
        ActivityRecord.objects.filter(action="comment", user=newcomer)
        .order_by("pk")
        .values_list("outcome", flat=True)
    )
    assert outcomes == ["done", "throttled"]

    seasoned = client_for(person("seasoned"))
    codes = [post(seasoned, course(), f"Мысль {n}").status_code for n in range(4)]
    assert codes == [302, 302, 302, 429]


def test_flags_are_recorded_for_moderators():
    comment = actions.PostCommentAction(
        feedback_for(course(), create=True),
        person("alsu"),
        text="Спорно",
        language="ru",
    ).execute()
    response = client_for(person("rustem")).post(
        f"/ru/comments/{comment.pk}/flag/", {"next": course().url}
    )
    assert response.status_code == 302
    assert ActivityRecord.objects.filter(
        action="comment.flag", outcome="done", target=f"comment {comment.pk}"
    ).exists()


# Moderation in the admin


def staff_client(user):
    from django_otp import DEVICE_ID_SESSION_KEY
    from django_otp.plugins.otp_totp.models import TOTPDevice

    client = client_for(user)
    device = TOTPDevice.objects.create(user=user, name="phone", confirmed=True)
    session = client.session
    session[DEVICE_ID_SESSION_KEY] = device.persistent_id
    session.save()
    return client


def test_an_institution_editor_moderates_only_their_institutions_threads(
    library_editor, admin_client
):
    author = person("alsu")
    ours = actions.PostCommentAction(
        feedback_for(course(), create=True), author, text="Наш", language="ru"
    ).execute()
    school_event = event_under("saydashev-music-school", "school-concert")
    theirs = actions.PostCommentAction(
        feedback_for(school_event, create=True), author, text="Чужой", language="ru"
    ).execute()
    client = staff_client(library_editor)

    listing = client.get("/admin/comments/")
    hide_theirs = client.post(f"/admin/comments/{theirs.pk}/hide/", {"reason": "Нет"})
    hide_ours = client.post(f"/admin/comments/{ours.pk}/hide/", {"reason": "Реклама"})
    everything = admin_client.get("/admin/comments/").content.decode()

    html = listing.content.decode()
    assert listing.status_code == 200
    assert "Наш" in html and "Чужой" not in html
    assert escape(course().title) in html  # the thread is named by its page
    assert hide_theirs.status_code == 403 and hide_ours.status_code == 302
    ours.refresh_from_db(), theirs.refresh_from_db()
    assert not ours.is_public and theirs.is_public
    assert "Наш" in everything and "Чужой" in everything
    assert ActivityRecord.objects.filter(
        action="comment.hide", user=library_editor, target=f"comment {ours.pk}"
    ).exists()


def test_the_moderators_list_of_many_threads_takes_bounded_queries(
    admin_client, django_assert_max_num_queries
):
    author = person("alsu")
    for number in range(12):
        event = event_under("national-library", f"event-{number}")
        actions.PostCommentAction(
            feedback_for(event, create=True), author, text=f"К {number}", language="ru"
        ).execute()
    admin_client.get("/admin/comments/")
    with django_assert_max_num_queries(40):
        response = admin_client.get("/admin/comments/")
    assert response.content.decode().count("Событие event-") >= 12


# Bounded queries


def fill(page, count, users):
    feedback = feedback_for(page, create=True)
    for number in range(count):
        parent = actions.PostCommentAction(
            feedback,
            users[number % len(users)],
            text=f"Комментарий {number}",
            language=("ru", "tt", "en")[number % 3],
            followup=True,
        ).execute()
        if number % 2 == 0:
            actions.PostCommentAction(
                feedback,
                users[0],
                text=f"Ответ {number}",
                language="ru",
                reply_to=parent.pk,
            ).execute()


def _queries(client, url, params=None):
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as queries:
        response = client.get(url, params or {})
    assert response.status_code == 200
    return len(queries)


def test_an_event_page_renders_a_thread_of_any_size_in_the_same_queries(
    django_assert_max_num_queries,
):
    users = [person(f"u{n}", first_name=f"Житель{n}") for n in range(4)]
    small = event_under("national-library", "few-comments")
    large = event_under("national-library", "many-comments")
    fill(small, 3, users)
    fill(large, 80, users)
    reader = client_for(users[1])
    _queries(reader, small.url)  # warm the caches
    few = _queries(reader, small.url)
    with django_assert_max_num_queries(few):
        html = reader.get(large.url).content.decode()
    assert "Комментарий 79" in html
    with django_assert_max_num_queries(few):
        reader.get(large.url, {"comments_language": "tt"})
    with django_assert_max_num_queries(few):
        reader.get(large.url, {"comments_page": 2})
