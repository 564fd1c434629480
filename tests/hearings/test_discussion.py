"""The hearing's discussion: one thread across its ru, tt and en pages."""

from django.contrib.auth import get_user_model
from django.contrib.contenttypes.models import ContentType
from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import translation

import pytest

from cms.comments import actions
from cms.comments.forms import CommentForm
from cms.comments.models import Comment, Stance
from hearings_plugin.comments import HearingCommentPolicy
from hearings_plugin.factories import make_hearing
from hearings_plugin.models import HearingProcedure, Stage

from ..conftest import in_russian
from .conftest import staff_member

pytestmark = pytest.mark.django_db


def pages_by_language(hearing):
    return {
        page.locale.language_code: page
        for page in hearing.get_translations(inclusive=True)
        .specific()
        .select_related("locale")
    }


def make_user(username, **fields):
    return get_user_model().objects.create_user(
        username=username, email=f"{username}@example.org", password="x", **fields
    )


def post(client, page, text, **extra):
    """Post the thread's form from ``page``, as the page's form does."""
    data = {
        key: value
        for key, value in CommentForm(page.procedure).initial.items()
        if key in ("content_type", "object_pk", "timestamp", "security_hash")
    }
    language = page.locale.language_code
    data.update(
        comment=text, honeypot="", reply_to="0", stance="neutral", next=page.url
    )
    data.update(extra)
    return client.post(f"/{language}/comments/post/", data)


def comment(page, user, text, language="ru", **extra):
    return actions.PostCommentAction(
        page.procedure, user, text=text, language=language, **extra
    ).execute()


@pytest.fixture(autouse=True)
def without_demo_discussions(db):
    """The demo hearings' seeded comments are removed (rolled back after the test),
    so the counts and lookups here see only the test's own comments."""
    Comment.objects.all().delete()


@pytest.fixture
def author(db):
    return make_user("gulnara", first_name="Гульнара", last_name="Ахметова")


def test_comments_attach_to_the_hearing_procedure(client, open_hearing, author):
    client.force_login(author)
    response = post(client, open_hearing, "Поддерживаю проект", stance="support")
    stored = Comment.objects.get()
    assert response["Location"] == f"{open_hearing.url}#c{stored.pk}"
    assert stored.content_type == ContentType.objects.get_for_model(HearingProcedure)
    assert stored.object_pk == str(open_hearing.procedure_id)
    assert stored.stance == Stance.SUPPORT
    assert stored.language == "ru"


def test_comments_from_ru_and_tt_pages_show_on_every_page_with_their_language(
    client, open_hearing, author
):
    pages = pages_by_language(open_hearing)
    client.force_login(author)
    post(client, pages["ru"], "Комментарий на русском")
    post(client, pages["tt"], "Татарча фикер")
    assert set(Comment.objects.values_list("language", flat=True)) == {"ru", "tt"}
    client.logout()
    for code in ("ru", "tt", "en"):
        html = client.get(pages[code].url).content.decode()
        assert "Комментарий на русском" in html
        assert "Татарча фикер" in html
        assert 'lang="tt">Татарча</span>' in html
        assert 'lang="ru">Русский</span>' in html
        assert "Гульнара А." in html and "Ахметова" not in html


def test_the_thread_filters_by_language_with_counts(client, open_hearing, author):
    comment(open_hearing, author, "Первый русский")
    comment(open_hearing, author, "Второй русский")
    comment(open_hearing, author, "Татарча фикер", language="tt")
    all_languages = client.get(open_hearing.url).content.decode()
    only_tt = client.get(open_hearing.url, {"comments_language": "tt"}).content.decode()
    assert "Татарча фикер" in only_tt and "Первый русский" not in only_tt
    assert "Первый русский" in all_languages
    with translation.override("ru"):
        all_label = in_russian("All languages")
    assert f'{all_label} <span class="discussion__count">(3)</span>' in all_languages
    assert 'Русский <span class="discussion__count">(2)</span>' in all_languages
    assert 'Татарча <span class="discussion__count">(1)</span>' in all_languages
    assert 'English <span class="discussion__count">(0)</span>' in all_languages
    assert 'comments_language=tt#discussion" aria-current="true"' in only_tt


def test_support_and_opposition_are_counted_above_the_thread(
    client, open_hearing, author
):
    for number, stance in enumerate(("support", "support", "oppose", "neutral")):
        comment(open_hearing, author, f"Мнение {number} {stance}", stance=stance)
    html = client.get(open_hearing.url).content.decode()
    with translation.override("ru"):
        support = translation.ngettext(
            "%(counter)s comment in support", "%(counter)s comments in support", 2
        ) % {"counter": 2}
        oppose = translation.ngettext(
            "%(counter)s comment in opposition",
            "%(counter)s comments in opposition",
            1,
        ) % {"counter": 1}
    assert support in html and oppose in html
    assert html.index(support) < html.index("Мнение 0 support")


def test_a_reply_is_shown_under_the_comment_it_answers(client, open_hearing, author):
    first = comment(open_hearing, author, "Исходный комментарий")
    comment(open_hearing, author, "Другая ветка")
    client.force_login(make_user("replier", first_name="Ильдар"))
    response = post(client, open_hearing, "Ответ на комментарий", reply_to=first.pk)
    reply = Comment.objects.get(level=1)
    assert response["Location"] == f"{open_hearing.url}#c{reply.pk}"
    html = client.get(open_hearing.url).content.decode()
    start = html.index(f'id="c{first.pk}"')
    replies = html.index('class="discussion__replies"', start)
    assert start < replies < html.index(f'id="c{reply.pk}"')
    # Without JavaScript, "Reply" opens the form under the comment.
    form = client.get(open_hearing.url, {"comments_reply": first.pk}).content.decode()
    assert f'id="reply-{first.pk}"' in form
    assert f'name="reply_to" value="{first.pk}"' in form


def test_anonymous_visitors_read_and_are_asked_to_sign_in(client, open_hearing):
    html = client.get(open_hearing.url).content.decode()
    response = post(client, open_hearing, "Без входа")
    assert 'id="discussion"' in html
    assert in_russian("Sign in to take part in the discussion") in html
    assert 'action="/ru/comments/post/"' not in html
    assert response.status_code == 302
    assert response["Location"].startswith("/ru/account/login/")
    assert not Comment.objects.exists()


def test_script_in_a_comment_is_refused(client, open_hearing, author):
    client.force_login(author)
    response = post(client, open_hearing, "<script>alert('x')</script>")
    assert response.status_code == 400
    assert not Comment.objects.exists()


def test_an_archived_hearing_takes_no_new_comments(client, author):
    hearing = make_hearing(Stage.ARCHIVED)
    client.force_login(author)
    response = post(client, hearing, "Поздно")
    html = client.get(hearing.url).content.decode()
    closed = in_russian(HearingCommentPolicy.closed_message)
    assert response.status_code == 403
    assert closed in response.content.decode()
    assert not Comment.objects.exists()
    assert closed in html and 'action="/ru/comments/post/"' not in html


def test_comments_stay_open_after_the_comment_period_closes(client, author):
    hearing = make_hearing(Stage.CLOSED)
    client.force_login(author)
    post(client, hearing, "Обсуждение продолжается")
    assert Comment.objects.count() == 1


def test_a_hidden_comment_leaves_a_placeholder_and_its_replies(
    client, open_hearing, author
):
    moderator = staff_member("moderator", _moderator_role())
    parent = comment(open_hearing, author, "Грубый комментарий")
    comment(open_hearing, make_user("r1"), "Ответ по существу", reply_to=parent.pk)
    actions.HideCommentAction(parent, moderator, "Оскорбление участников").execute()
    html = client.get(open_hearing.url).content.decode()
    assert "Грубый комментарий" not in html
    with translation.override("ru"):
        placeholder = translation.gettext(
            "Comment hidden by the moderator: %(reason)s"
        ) % {"reason": "Оскорбление участников"}
    assert placeholder in html
    assert "Ответ по существу" in html


def _moderator_role():
    from cms.accounts.roles import Role

    return Role.MODERATOR


def otp_login(client, user):
    from django_otp import DEVICE_ID_SESSION_KEY
    from django_otp.plugins.otp_totp.models import TOTPDevice

    client.force_login(user)
    device = TOTPDevice.objects.create(user=user, name="test", confirmed=True)
    session = client.session
    session[DEVICE_ID_SESSION_KEY] = device.persistent_id
    session.save()


def test_a_hearing_moderator_hides_a_comment_in_the_admin(
    client, open_hearing, author, moderator
):
    target = comment(open_hearing, author, "Спам")
    otp_login(client, moderator)
    listing = client.get("/admin/comments/")
    response = client.post(f"/admin/comments/{target.pk}/hide/", {"reason": "Реклама"})
    target.refresh_from_db()
    assert listing.status_code == 200 and "Спам" in listing.content.decode()
    assert response.status_code == 302
    assert not target.is_public and target.hidden_reason == "Реклама"


def test_staff_who_do_not_moderate_are_refused(client, open_hearing, author):
    from cms.accounts.roles import Role

    editor = staff_member("editor", Role.INSTITUTION_EDITOR)
    target = comment(open_hearing, author, "Комментарий")
    otp_login(client, editor)
    listing = client.get("/admin/comments/")
    hide = client.post(f"/admin/comments/{target.pk}/hide/", {"reason": "Нет"})
    restore = client.post(f"/admin/comments/{target.pk}/restore/")
    target.refresh_from_db()
    assert listing.status_code == hide.status_code == restore.status_code == 403
    assert target.is_public


def test_reports_hide_a_hearing_comment_pending_review(
    client, open_hearing, author, settings
):
    settings.COMMENTS_AUTO_HIDE_FLAGS = 2
    target = comment(open_hearing, author, "Спорно")
    for name in ("r1", "r2"):
        client.force_login(make_user(name))
        response = client.post(
            f"/ru/comments/{target.pk}/flag/", {"next": open_hearing.url}
        )
    target.refresh_from_db()
    assert response["Location"].endswith(f"comments_notice=hidden#c{target.pk}")
    assert not target.is_public
    html = client.get(open_hearing.url).content.decode()
    assert "Спорно" not in html


def _page_queries(client, url):
    with CaptureQueriesContext(connection) as queries:
        response = client.get(url)
    assert response.status_code == 200
    return len(queries)


def _fill(hearing, users, count):
    for number in range(count):
        parent = comment(
            hearing,
            users[number % len(users)],
            f"Комментарий {number}",
            language=("ru", "tt", "en")[number % 3],
            stance=("support", "oppose", "neutral")[number % 3],
        )
        if number % 2 == 0:
            comment(hearing, users[0], f"Ответ {number}", reply_to=parent.pk)


def test_the_thread_renders_with_the_same_queries_for_5_or_200_comments(client):
    users = [
        make_user(f"u{n}", first_name="Житель", last_name=f"{n}") for n in range(5)
    ]
    small = make_hearing(Stage.OPEN, slug="few-comments")
    large = make_hearing(Stage.OPEN, slug="many-comments")
    _fill(small, users, 5)
    _fill(large, users, 200)
    client.force_login(users[1])
    _page_queries(client, small.url)  # warm caches (site root paths, content types)
    few = _page_queries(client, small.url)
    many = _page_queries(client, large.url)
    assert many == few
    page_two = client.get(large.url, {"comments_page": 2}).content.decode()
    assert "Комментарий 149" in page_two and "Комментарий 199" not in page_two


def test_the_personal_data_names_the_hearing_in_the_comments_language(
    open_hearing, author
):
    from cms.accounts.personal_data import collect_sections

    tatar = pages_by_language(open_hearing)["tt"]
    type(tatar).objects.filter(pk=tatar.pk).update(title="Территория проекты")
    comment(open_hearing, author, "Яхшы тәкъдим.", language="tt", stance="support")
    section = next(s for s in collect_sections(author) if s.key == "comments")
    (record,) = section.records
    assert record["where"] == "Территория проекты"
    assert record["text"] == "Яхшы тәкъдим."
    assert record["stance"] == Stance.SUPPORT.label
