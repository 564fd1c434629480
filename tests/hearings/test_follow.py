"""Following a hearing: POST-only routes, the panel, and the unsubscribe link."""

from django.contrib.messages import get_messages
from django.template.loader import render_to_string
from django.test import Client, RequestFactory
from django.utils import translation

import pytest

from hearings_plugin.factories import make_hearing
from hearings_plugin.models import HearingFollow, Stage
from hearings_plugin.notifications import make_unfollow_token
from hearings_plugin.selectors.follows import follow_state

pytestmark = pytest.mark.django_db


def client_for(user):
    client = Client()
    client.force_login(user)
    return client


def translations(page):
    return {
        code: page.get_translation(locale).specific
        for code, locale in (
            (p.locale.language_code, p.locale) for p in page.get_translations(True)
        )
    }


def follows_of(page):
    return HearingFollow.objects.filter(procedure_id=page.procedure_id)


def test_following_from_a_page_stores_its_language_and_is_idempotent(
    open_hearing, resident
):
    tt = translations(open_hearing)["tt"]
    client = client_for(resident)

    response = client.post(tt.url + "follow/")

    assert response.status_code == 302
    assert response["Location"].endswith(tt.url + "#follow")
    follow = follows_of(open_hearing).get()
    assert (follow.user, follow.language) == (resident, "tt")

    client.post(tt.url + "follow/")
    assert follows_of(open_hearing).count() == 1

    # Following again from another language version moves the letters to it.
    en = translations(open_hearing)["en"]
    client.post(en.url + "follow/")
    assert follows_of(open_hearing).get().language == "en"


def test_follow_routes_take_post_only(open_hearing, resident):
    client = client_for(resident)
    assert client.get(open_hearing.url + "follow/").status_code == 405
    assert client.get(open_hearing.url + "unfollow/").status_code == 405
    assert not follows_of(open_hearing).exists()


def test_visitors_are_sent_to_sign_in_and_back(open_hearing, client):
    response = client.post(open_hearing.url + "follow/")

    assert response.status_code == 302
    assert "/login/" in response["Location"]
    assert "next=" in response["Location"]
    assert not follows_of(open_hearing).exists()


def test_an_account_without_email_cannot_follow(open_hearing, django_user_model):
    user = django_user_model.objects.create_user(username="noemail", password="x")
    response = client_for(user).post(open_hearing.url + "follow/")

    assert response.status_code == 302
    assert not follows_of(open_hearing).exists()
    [message] = list(get_messages(response.wsgi_request))
    assert "follow" in message.tags
    assert message.level_tag == "error"


def test_unfollowing_removes_the_follow_and_is_idempotent(open_hearing, resident):
    client = client_for(resident)
    client.post(open_hearing.url + "follow/")

    response = client.post(open_hearing.url + "unfollow/")
    assert response.status_code == 302
    assert not follows_of(open_hearing).exists()
    assert client.post(open_hearing.url + "unfollow/").status_code == 302


def render_panel(page, user):
    request = RequestFactory().get(page.url)
    request.user = user
    with translation.override(page.locale.language_code):
        return render_to_string(
            "hearings/includes/follow.html",
            {"page": page, "follow": follow_state(page, user)},
            request=request,
        )


def test_the_panel_shows_the_button_the_count_and_the_letters(
    open_hearing, resident, django_user_model
):
    other = django_user_model.objects.create_user(
        username="other", email="other@example.org", password="x"
    )
    HearingFollow.objects.create(
        procedure=open_hearing.procedure, user=other, language="ru"
    )
    with translation.override("ru"):
        follow_button = translation.gettext("Follow")
        stop_button = translation.gettext("Stop following")
        closing_letter = str(follow_state(open_hearing, resident).letters[0])
        one_follower = translation.ngettext(
            "%(followers)s person follows this hearing.",
            "%(followers)s people follow this hearing.",
            1,
        ) % {"followers": 1}

    html = render_panel(open_hearing, resident)
    assert 'id="follow"' in html
    assert f">{follow_button}</button>" in html
    assert one_follower in html
    assert closing_letter in html
    # An open hearing has opened: its followers are not promised an opening letter.
    state = follow_state(open_hearing, resident)
    assert len(state.letters) == 4

    client_for(resident).post(open_hearing.url + "follow/")
    html = render_panel(open_hearing, resident)
    assert f">{stop_button}</button>" in html
    assert follow_state(open_hearing, resident).followers == 2


def test_the_panel_asks_visitors_to_sign_in(open_hearing):
    from django.contrib.auth.models import AnonymousUser

    state = follow_state(open_hearing, AnonymousUser())
    assert state.needs_sign_in and not state.can_follow
    html = render_panel(open_hearing, AnonymousUser())
    assert "/login/?next=" in html
    assert "<form" not in html


def test_announced_hearings_promise_the_opening_letter():
    hearing = make_hearing(Stage.ANNOUNCED)
    assert len(follow_state(hearing, None).letters) == 5


def test_the_emailed_link_asks_before_it_unfollows(open_hearing, resident, client):
    client_for(resident).post(open_hearing.url + "follow/")
    token = make_unfollow_token(open_hearing.procedure_id, resident.pk)
    url = open_hearing.url + f"unfollow/{token}/"

    page = client.get(url)
    assert page.status_code == 200
    assert b'method="post"' in page.content
    assert page.headers["Cache-Control"].startswith("max-age=0")
    assert follows_of(open_hearing).exists()

    response = client.post(url)
    assert response.status_code == 302
    assert not follows_of(open_hearing).exists()
    # Once more: nothing left to stop, and no error.
    assert client.get(url).status_code == 200
    assert client.post(url).status_code == 302


@pytest.mark.parametrize(
    "token",
    ["garbage", "1-2-bad", "a" * 300, "%00", "..", "99999999999999999999-1-x", "-1--"],
)
def test_bad_unsubscribe_tokens_give_404(open_hearing, client, token):
    assert client.get(open_hearing.url + f"unfollow/{token}/").status_code == 404
    assert client.post(open_hearing.url + f"unfollow/{token}/").status_code == 404


def test_a_token_of_another_hearing_gives_404(open_hearing, resident, client):
    other = make_hearing(Stage.OPEN)
    HearingFollow.objects.create(
        procedure=other.procedure, user=resident, language="ru"
    )
    token = make_unfollow_token(other.procedure_id, resident.pk)

    assert client.post(open_hearing.url + f"unfollow/{token}/").status_code == 404
    assert HearingFollow.objects.filter(procedure=other.procedure).exists()


def test_the_hearing_page_shows_the_follow_panel(open_hearing, resident):
    client = client_for(resident)
    client.post(open_hearing.url + "follow/")

    response = client.get(open_hearing.url)

    assert response.status_code == 200
    assert response.context["follow"].following
    content = response.content.decode()
    assert 'id="follow"' in content
    assert open_hearing.url + "unfollow/" in content
    assert "private" in response.headers["Cache-Control"]
