"""The site's comment app on a model with the default policy (standard pages).

The hearings' thread has its own tests in tests/hearings/test_discussion.py.
"""

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.models import AnonymousUser
from django.contrib.contenttypes.models import ContentType
from django.utils import translation

from wagtail.models import ModelLogEntry

import pytest
from django_comments.models import CommentFlag

from cms.comments import actions, policies
from cms.comments.forms import EXPIRED_MESSAGE, MARKUP_MESSAGE, CommentForm
from cms.comments.models import Comment, public_name
from cms.models import StandardPage

from ..conftest import in_russian

pytestmark = pytest.mark.django_db

POST_URL = "/ru/comments/post/"


@pytest.fixture(autouse=True)
def commentable_standard_pages(settings):
    """Standard pages take comments under the default policy for these tests."""
    settings.COMMENTS_POLICIES = {
        **settings.COMMENTS_POLICIES,
        "cms.StandardPage": "cms.comments.policies.CommentPolicy",
    }
    policies._policies.cache_clear()
    yield
    policies._policies.cache_clear()


@pytest.fixture(autouse=True)
def without_demo_discussions(db):
    """The demo hearings' seeded comments are removed (rolled back after the test),
    so the counts and lookups here see only the test's own comments."""
    Comment.objects.all().delete()


@pytest.fixture
def about(db):
    return StandardPage.objects.get(locale__language_code="ru", slug="about")


def make_user(username, **fields):
    return get_user_model().objects.create_user(
        username=username, email=f"{username}@example.org", password="x", **fields
    )


def comment_data(target, text="Хорошая идея.", **extra):
    data = {
        key: value
        for key, value in CommentForm(target).initial.items()
        if key in ("content_type", "object_pk", "timestamp", "security_hash")
    }
    data.update(comment=text, honeypot="", reply_to="0")
    data.update(extra)
    return data


def post(client, target, text="Хорошая идея.", url=POST_URL, **extra):
    data = comment_data(target, text, **extra)
    if "next" not in data:
        data["next"] = target.url
    return client.post(url, data)


def test_the_public_name_is_the_first_name_and_the_initial():
    assert public_name(make_user("a", first_name="Гульнара", last_name="Ахметова")) == (
        "Гульнара А."
    )
    assert public_name(make_user("b", first_name="Ильдар")) == "Ильдар"
    with translation.override("en"):
        assert public_name(make_user("c")) == "Resident"
        assert public_name(None) == "Resident"


def test_a_signed_in_resident_comments_and_returns_to_the_comment(
    client, about, resident
):
    client.force_login(resident)
    response = post(client, about, "Первая строка\nвторая <3", url="/ru/comments/post/")
    comment = Comment.objects.get()
    assert response.status_code == 302
    assert response["Location"] == f"{about.url}#c{comment.pk}"
    assert comment.user == resident
    assert comment.language == "ru"
    assert comment.stance == ""  # no stance outside hearings
    assert comment.comment == "Первая строка\nвторая <3"
    assert comment.user_name == "" and comment.user_email == ""
    assert comment.content_object == about


def test_the_language_is_the_one_of_the_page_the_form_was_on(client, about, resident):
    client.force_login(resident)
    post(client, about, url="/tt/comments/post/")
    assert Comment.objects.get().language == "tt"


def test_a_repeated_post_stores_one_comment(client, about, resident):
    client.force_login(resident)
    post(client, about)
    post(client, about)
    assert Comment.objects.count() == 1


def test_an_anonymous_visitor_is_sent_to_sign_in(client, about):
    response = post(client, about)
    assert response.status_code == 302
    assert response["Location"].startswith("/ru/account/login/")
    assert not Comment.objects.exists()


@pytest.mark.parametrize(
    "text",
    [
        "<script>alert(1)</script>",
        "Смотрите <a href='http://spam.example'>тут</a>",
        "<img src=x onerror=alert(1)>",
    ],
)
def test_markup_is_refused_with_a_translated_message(client, about, resident, text):
    client.force_login(resident)
    response = post(client, about, text)
    assert response.status_code == 400
    assert in_russian(MARKUP_MESSAGE) in response.content.decode()
    assert not Comment.objects.exists()


@pytest.mark.parametrize("text", ["", "   \n  ", "я" * 3001])
def test_empty_or_too_long_text_is_refused(client, about, resident, text):
    client.force_login(resident)
    response = post(client, about, text)
    assert response.status_code == 400
    assert not Comment.objects.exists()


def test_text_of_the_longest_allowed_length_is_taken(client, about, resident):
    client.force_login(resident)
    post(client, about, "я" * 3000)
    assert Comment.objects.count() == 1


def test_a_tampered_target_or_hash_is_refused(client, about, resident):
    client.force_login(resident)
    contacts = StandardPage.objects.get(locale__language_code="ru", slug="contacts")
    forged_pk = post(client, about, object_pk=str(contacts.pk))
    forged_hash = post(client, about, security_hash="0" * 40)
    assert forged_pk.status_code == forged_hash.status_code == 400
    assert in_russian(EXPIRED_MESSAGE) in forged_pk.content.decode()
    assert not Comment.objects.exists()


def test_a_target_that_takes_no_comments_is_refused(client, resident):
    client.force_login(resident)
    # A correctly signed form for an account: accounts are not commentable.
    response = post(client, resident, next="/ru/")
    unknown = client.post(
        POST_URL, {**comment_data(resident), "content_type": "nope.nothing"}
    )
    assert response.status_code == unknown.status_code == 400
    assert not Comment.objects.exists()


def test_a_get_to_the_post_address_is_not_allowed(client):
    assert client.get(POST_URL).status_code == 405


def test_posting_needs_the_csrf_token(about, resident):
    from django.test import Client

    client = Client(enforce_csrf_checks=True)
    client.force_login(resident)
    response = post(client, about)
    assert response.status_code == 403
    assert not Comment.objects.exists()


def test_an_unsafe_next_address_is_not_followed(client, about, resident):
    client.force_login(resident)
    response = post(client, about, next="https://evil.example/")
    comment = Comment.objects.get()
    assert response["Location"] == f"{about.url}#c{comment.pk}"


def test_replies_nest_up_to_three_levels(client, about, resident):
    client.force_login(resident)
    post(client, about, "Комментарий")
    first = Comment.objects.get()
    post(client, about, "Ответ", reply_to=str(first.pk))
    reply = Comment.objects.get(level=1)
    post(client, about, "Ответ на ответ", reply_to=str(reply.pk))
    deepest = Comment.objects.get(level=2)
    response = post(client, about, "Слишком глубоко", reply_to=str(deepest.pk))
    assert (reply.parent_id, deepest.parent_id) == (first.pk, reply.pk)
    assert response.status_code == 400
    assert Comment.objects.count() == 3


def test_a_reply_to_a_comment_of_another_thread_is_refused(client, about, resident):
    contacts = StandardPage.objects.get(locale__language_code="ru", slug="contacts")
    client.force_login(resident)
    post(client, contacts, "На другой странице")
    elsewhere = Comment.objects.get()
    response = post(client, about, "Ответ", reply_to=str(elsewhere.pk))
    assert response.status_code == 400
    assert Comment.objects.count() == 1


def render_thread(rf, target, user):
    from django.template.loader import render_to_string

    from cms.comments.selectors import comment_thread

    request = rf.get(target.url)
    request.user = user
    with translation.override("ru"):
        return render_to_string(
            "discussion/thread.html",
            {"thread": comment_thread(request, target)},
            request=request,
        )


def test_a_comment_is_rendered_escaped_with_line_breaks(rf, about, resident):
    actions.PostCommentAction(
        about, resident, text="a < b & c\nновая строка", language="ru"
    ).execute()
    html = render_thread(rf, about, resident)
    assert "a &lt; b &amp; c<br>новая строка" in html


def flag(client, comment, user):
    client.force_login(user)
    return client.post(f"/ru/comments/{comment.pk}/flag/", {"next": "/ru/about/"})


def test_reports_hide_a_comment_after_the_threshold_and_log_it(
    client, about, resident, settings
):
    settings.COMMENTS_AUTO_HIDE_FLAGS = 3
    comment = actions.PostCommentAction(
        about, resident, text="Спорный комментарий", language="ru"
    ).execute()
    first, second, third = (make_user(name) for name in ("r1", "r2", "r3"))
    flag(client, comment, first)
    flag(client, comment, first)  # once per person
    flag(client, comment, second)
    comment.refresh_from_db()
    assert comment.is_public
    assert comment.flags.filter(flag=CommentFlag.SUGGEST_REMOVAL).count() == 2
    response = flag(client, comment, third)
    comment.refresh_from_db()
    assert response.status_code == 302
    assert response["Location"] == f"/ru/about/?comments_notice=hidden#c{comment.pk}"
    assert not comment.is_public
    assert comment.is_awaiting_review
    entry = ModelLogEntry.objects.get(action=actions.LOG_AUTO_HIDDEN)
    assert entry.object_id == str(comment.pk)
    assert entry.data == {"flags": 3}
    # The log names the comment by number, not by its author or text.
    assert "Спорный" not in entry.label


def test_nobody_reports_their_own_comment_and_visitors_sign_in_first(
    client, about, resident
):
    comment = actions.PostCommentAction(
        about, resident, text="Мой комментарий", language="ru"
    ).execute()
    own = flag(client, comment, resident)
    client.logout()
    anonymous = client.post(f"/ru/comments/{comment.pk}/flag/")
    assert own.status_code == 400
    assert anonymous["Location"].startswith("/ru/account/login/")
    assert not CommentFlag.objects.exists()


def test_a_restored_comment_is_not_hidden_again_by_earlier_reports(
    about, resident, admin_user, settings
):
    settings.COMMENTS_AUTO_HIDE_FLAGS = 2
    comment = actions.PostCommentAction(
        about, resident, text="Комментарий", language="ru"
    ).execute()
    for name in ("r1", "r2"):
        actions.FlagCommentAction(comment, make_user(name)).execute()
    comment.refresh_from_db()
    actions.RestoreCommentAction(comment, admin_user).execute()
    actions.FlagCommentAction(comment, make_user("r3")).execute()
    comment.refresh_from_db()
    assert comment.is_public


def test_hiding_a_comment_keeps_its_replies_visible(about, resident, admin_user):
    parent = actions.PostCommentAction(
        about, resident, text="Комментарий", language="ru"
    ).execute()
    reply = actions.PostCommentAction(
        about, make_user("r1"), text="Ответ", language="ru", reply_to=parent.pk
    ).execute()
    actions.HideCommentAction(parent, admin_user, "Оскорбления").execute()
    parent.refresh_from_db()
    # Any later save must not cascade either (the xtd pre_save hook is off).
    parent.save()
    reply.refresh_from_db()
    assert not parent.is_public and parent.hidden_reason == "Оскорбления"
    assert reply.is_public


ADMIN_URL = "/admin/comments/"


def test_moderators_list_hidden_and_reported_comments_first(
    admin_client, about, resident
):
    quiet = actions.PostCommentAction(
        about, resident, text="Спокойный", language="ru"
    ).execute()
    reported = actions.PostCommentAction(
        about, resident, text="Сомнительный", language="tt"
    ).execute()
    actions.FlagCommentAction(reported, make_user("r1")).execute()
    response = admin_client.get(ADMIN_URL)
    html = response.content.decode()
    assert response.status_code == 200
    assert html.index("Сомнительный") < html.index("Спокойный")
    only_tt = admin_client.get(ADMIN_URL, {"language": "tt"}).content.decode()
    flagged = admin_client.get(ADMIN_URL, {"flagged": "yes"}).content.decode()
    assert "Сомнительный" in only_tt and "Спокойный" not in only_tt
    assert "Сомнительный" in flagged and "Спокойный" not in flagged
    assert quiet.pk != reported.pk


def test_a_moderator_hides_with_a_reason_and_restores_both_logged(
    admin_client, about, resident
):
    comment = actions.PostCommentAction(
        about, resident, text="Комментарий", language="ru"
    ).execute()
    no_reason = admin_client.post(f"{ADMIN_URL}{comment.pk}/hide/", {"reason": " "})
    comment.refresh_from_db()
    assert no_reason.status_code == 400 and comment.is_public
    hidden = admin_client.post(f"{ADMIN_URL}{comment.pk}/hide/", {"reason": "Реклама"})
    comment.refresh_from_db()
    assert hidden.status_code == 302
    assert not comment.is_public and comment.hidden_reason == "Реклама"
    admin_client.post(f"{ADMIN_URL}{comment.pk}/restore/")
    comment.refresh_from_db()
    assert comment.is_public and comment.hidden_reason == ""
    logged = ModelLogEntry.objects.filter(
        content_type=ContentType.objects.get_for_model(Comment),
        object_id=str(comment.pk),
    ).values_list("action", flat=True)
    assert sorted(logged) == sorted([actions.LOG_HIDDEN, actions.LOG_RESTORED])
    assert ModelLogEntry.objects.get(
        action=actions.LOG_HIDDEN, object_id=str(comment.pk)
    ).data == {"reason": "Реклама"}


def test_the_comments_log_actions_are_registered():
    from wagtail.log_actions import registry

    for action in (actions.LOG_AUTO_HIDDEN, actions.LOG_HIDDEN, actions.LOG_RESTORED):
        assert registry.action_exists(action)


def comments_section(user):
    from cms.accounts.personal_data import collect_sections

    return next(s for s in collect_sections(user) if s.key == "comments")


def test_the_personal_data_lists_the_residents_comments(about, resident, admin_user):
    first = actions.PostCommentAction(
        about, resident, text="Хорошая идея.", language="ru"
    ).execute()
    hidden = actions.PostCommentAction(
        about, resident, text="Спам", language="tt", reply_to=first.pk
    ).execute()
    actions.HideCommentAction(hidden, admin_user, "Реклама").execute()
    actions.PostCommentAction(
        about, make_user("other"), text="Чужой", language="ru"
    ).execute()
    with translation.override("en"):
        records = comments_section(resident).records
        assert [r["text"] for r in records] == ["Спам", "Хорошая идея."]
        reply, comment = records
        assert comment["where"] == about.title
        assert comment["language"] == dict(settings.LANGUAGES)["ru"]
        assert comment["posted"] == first.submit_date
        assert comment["visibility"] == "Public" and comment["hidden_reason"] == ""
        assert reply["reply"] and not comment["reply"]
        assert reply["visibility"] == "Hidden by a moderator"
        assert reply["hidden_reason"] == "Реклама"


def test_the_personal_data_page_and_download_include_the_comments(
    client, about, resident
):
    import json

    from django.urls import reverse

    actions.PostCommentAction(
        about, resident, text="Мой комментарий", language="ru"
    ).execute()
    client.force_login(resident)
    page = client.get(reverse("accounts:personal_data")).content.decode()
    download = client.get(reverse("accounts:personal_data_download"))
    data = (
        b"".join(download.streaming_content)
        if download.streaming
        else (download.content)
    )
    assert "Мой комментарий" in page
    assert "Мой комментарий" in json.dumps(json.loads(data), ensure_ascii=False)


def test_deleting_the_account_keeps_the_comments_without_the_person(client, rf, about):
    person = make_user("gulnara", first_name="Гульнара", last_name="Ахметова")
    parent = actions.PostCommentAction(
        about, person, text="Сохраните сквер.", language="ru"
    ).execute()
    Comment.norel_objects.filter(pk=parent.pk).update(
        user_name="Гульнара", user_email="g@example.org", ip_address="10.0.0.1"
    )
    reply = actions.PostCommentAction(
        about,
        make_user("neighbour"),
        text="Согласен.",
        language="ru",
        reply_to=parent.pk,
    ).execute()
    client.force_login(person)

    response = client.post("/en/account/data/delete/", {"password": "x"})

    assert response.status_code == 302
    kept = Comment.objects.get(pk=parent.pk)
    assert kept.user_id is None
    assert kept.user_name == kept.user_email == kept.user_url == ""
    assert kept.ip_address is None
    assert kept.comment == "Сохраните сквер." and kept.is_public
    with translation.override("ru"):
        assert kept.author_name == in_russian("Resident")
    assert Comment.objects.get(pk=reply.pk).parent_id == parent.pk
    assert comments_section(person).records == []
    html = render_thread(rf, about, AnonymousUser())
    assert "Сохраните сквер." in html and "Согласен." in html
    assert "Гульнара А." not in html
    assert in_russian("Resident") in html
