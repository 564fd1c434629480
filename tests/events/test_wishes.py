"""Programme wishes for residents: proposing, the list, voting and bad input."""

import datetime

from django.contrib.auth import get_user_model
from django.test import Client
from django.utils import timezone, translation

import pytest

from cms.feedback.models import ActivityRecord
from events_plugin import wishes
from events_plugin.models import (
    Audience,
    Domain,
    EventPage,
    ProgrammeIndexPage,
    Wish,
    WishVote,
)
from tests.conftest import in_russian

pytestmark = pytest.mark.django_db

User = get_user_model()


def programme(language="ru"):
    return ProgrammeIndexPage.objects.get(locale__language_code=language)


def wishes_url(language="ru"):
    return programme(language).url + "wishes/"


def resident(username, *, first_name="", last_name="", email=None, new=False):
    """A resident whose account is older than a day unless ``new``."""
    user = User.objects.create_user(
        username=username,
        email=f"{username}@example.org" if email is None else email,
        password="resident-pass",
        first_name=first_name,
        last_name=last_name,
    )
    if not new:
        user.date_joined = timezone.now() - datetime.timedelta(days=30)
        user.save(update_fields=["date_joined"])
    return user


def client_for(user):
    client = Client()
    client.force_login(user)
    return client


def make_wish(user=None, title="Курс по смартфонам", **fields):
    fields.setdefault("language", "ru")
    return Wish.objects.create(user=user, title=title, **fields)


def domain_slug(language="ru"):
    return Domain.objects.filter(locale__language_code=language).first().slug


def propose(client, language="ru", **data):
    data.setdefault("title", "Курс по смартфонам для пенсионеров")
    return client.post(wishes_url(language) + "propose/", data)


# Proposing


def test_a_resident_proposes_a_wish_that_is_shown_at_once():
    user = resident("alsu", first_name="Алсу", last_name="Галиева")
    slug = domain_slug()
    client = client_for(user)

    response = propose(
        client,
        title="  Курс по смартфонам  ",
        description="По субботам,\r\nутром",
        domain=slug,
        format="course",
        audience="seniors",
    )

    wish = Wish.objects.get(user=user)
    assert response.status_code == 302
    assert response["Location"] == wishes_url() + f"{wish.pk}/"
    assert (wish.title, wish.description) == (
        "Курс по смартфонам",
        "По субботам,\nутром",
    )
    assert (wish.domain, wish.event_type, wish.language) == (slug, "course", "ru")
    assert wish.audience == Audience.objects.get(key="seniors")
    assert wish.is_public and wish.status == Wish.Status.OPEN
    page = client.get(response["Location"]).content.decode()
    assert "Курс по смартфонам" in page and "Алсу Г." in page
    assert (
        in_russian(
            "Thank you! Your wish is on the list, and others can vote for it now."
        )
        in page
    )
    listing = Client().get(wishes_url()).content.decode()
    assert "Курс по смартфонам" in listing
    assert ActivityRecord.objects.filter(
        action="wish", outcome="done", user=user, target=f"wish:{wish.pk}"
    ).exists()


def test_a_wish_proposed_on_the_tatar_page_is_in_tatar_and_on_every_list():
    user = resident("dina")
    propose(client_for(user), language="tt", title="Татар җырлары кичәсе")

    wish = Wish.objects.get(user=user)
    assert wish.language == "tt"
    english = Client().get(wishes_url("en")).content.decode()
    assert "Татар җырлары кичәсе" in english
    with translation.override("en"):
        assert "written in Tatar" in english or "Tatar" in english


def test_visitors_are_sent_to_sign_in_and_nothing_is_stored():
    before = Wish.objects.count()

    response = propose(Client())

    assert response.status_code == 302
    assert "/account/login/" in response["Location"]
    assert Wish.objects.count() == before
    form_page = Client().get(wishes_url()).content.decode()
    assert in_russian("Sign in to propose a wish or to vote") in form_page


TOO_LONG = "This is too long: at most %(limit_value)d characters, please."


@pytest.mark.parametrize(
    ("data", "message"),
    [
        ({"title": "   "}, "Please write what you would like."),
        ({"title": "x" * 151}, (TOO_LONG, 150)),
        (
            {"title": "<script>alert(1)</script>"},
            "Please write plain text, without HTML tags or code.",
        ),
        (
            {"description": '<img src=x onerror="alert(1)">'},
            "Please write plain text, without HTML tags or code.",
        ),
        (
            {"description": "y" * 2001},
            (TOO_LONG, 2000),
        ),
        ({"domain": "no-such-domain"}, "Choose from the list, please."),
        ({"format": "rave"}, "Choose from the list, please."),
        ({"audience": "robots"}, "Choose from the list, please."),
    ],
)
def test_bad_proposals_are_refused_with_a_message_and_nothing_stored(data, message):
    user = resident("rustem")

    response = propose(client_for(user), **data)

    assert response.status_code == 400
    if isinstance(message, tuple):
        # A limit's message: translated first, then the number put in.
        message, limit = message
        expected = in_russian(message) % {"limit_value": limit}
    else:
        expected = in_russian(message)
    assert expected in response.content.decode()
    assert not Wish.objects.filter(user=user).exists()


def test_garbage_posts_never_fail_the_server():
    client = client_for(resident("mallory"))
    url = wishes_url() + "propose/"
    for data in (
        {},
        {"title": ["a", "b"], "domain": ["x", "y"]},
        {"title": "\x00\x01\x02"},
        {"title": "ok", "audience": "' OR 1=1 --"},
        {"title": "ok", "format": "\u202e"},
    ):
        assert client.post(url, data).status_code in (302, 400)
    assert client.get(url).status_code == 405
    assert not Wish.objects.filter(user__username="mallory").exists()


def test_the_action_refuses_markup_even_without_the_form():
    user = resident("eve")

    with pytest.raises(wishes.InvalidWish) as refusal:
        wishes.ProposeWishAction(
            user,
            wishes.Proposal(title="Hello <b>world</b>"),
            language="en",
        ).execute()

    with translation.override("en"):
        assert str(refusal.value.message) == (
            "Please write plain text, without HTML tags or code."
        )
    assert not Wish.objects.filter(user=user).exists()
    assert ActivityRecord.objects.filter(
        action="wish", outcome="refused", user=user
    ).exists()


def test_the_same_title_twice_in_a_day_is_refused_politely():
    user = resident("gulnara")
    client = client_for(user)
    propose(client, title="Вечер джаза")

    response = propose(client, title="  вечер   ДЖАЗА ")

    assert response.status_code == 400
    assert (
        in_russian(
            "You already sent this wish today. It is on the list: there is no need "
            "to send it again."
        )
        in response.content.decode()
    )
    assert Wish.objects.filter(user=user).count() == 1
    old = Wish.objects.get(user=user)
    Wish.objects.filter(pk=old.pk).update(
        created_at=timezone.now() - datetime.timedelta(days=2)
    )
    assert propose(client, title="Вечер джаза").status_code == 302


def test_a_new_account_cannot_flood_the_list():
    user = resident("fresh", new=True)
    client = client_for(user)

    statuses = [
        propose(client, title=f"Пожелание номер {n}").status_code for n in range(4)
    ]

    assert statuses == [302, 302, 429, 429]
    assert Wish.objects.filter(user=user).count() == 2
    assert (
        ActivityRecord.objects.filter(
            action="wish", outcome="throttled", user=user
        ).count()
        == 2
    )


# The list


def test_the_list_filters_sorts_and_pages_without_javascript():
    author = resident("author")
    slug = domain_slug()
    popular = make_wish(author, "Популярное", domain=slug, vote_count=9)
    newest = make_wish(author, "Новое", event_type="concert")
    hidden = make_wish(author, "Скрытое", is_public=False, hidden_reason="Спам")
    planned = make_wish(author, "Запланированное", status=Wish.Status.PLANNED)
    client = Client()

    by_votes = client.get(wishes_url()).content.decode()
    assert by_votes.index("Популярное") < by_votes.index("Новое")
    assert "Скрытое" not in by_votes
    by_date = client.get(wishes_url() + "?sort=newest").content.decode()
    assert by_date.index("Запланированное") < by_date.index("Популярное")
    only_domain = client.get(wishes_url() + f"?domain={slug}").content.decode()
    assert "Популярное" in only_domain and "Новое" not in only_domain
    only_concerts = client.get(wishes_url() + "?format=concert").content.decode()
    assert "Новое" in only_concerts and "Популярное" not in only_concerts
    only_planned = client.get(wishes_url() + "?status=planned").content.decode()
    assert "Запланированное" in only_planned and "Новое" not in only_planned
    assert client.get(wishes_url() + f"{hidden.pk}/").status_code == 404
    assert {popular.pk, newest.pk, planned.pk} <= set(
        Wish.objects.filter(is_public=True).values_list("pk", flat=True)
    )


def test_garbage_in_the_address_is_left_out_not_an_error():
    make_wish(resident("a1"), "Лекция об истории Казани")
    client = Client()

    for query in (
        "?domain=%3Cscript%3E&format=x&status=zzz&sort=random&page=abc",
        "?page=-5",
        "?page=99999999999999999999",
        "?audience=' OR 1=1",
    ):
        response = client.get(wishes_url() + query)
        assert response.status_code == 200
        assert "Лекция об истории Казани" in response.content.decode()
    for path in ("abc/", "0/", "99999999/", "99999999999999999999/", "1/vote/x/"):
        assert client.get(wishes_url() + path).status_code == 404


def test_the_list_pages_its_wishes():
    Wish.objects.all().delete()
    author = resident("pager")
    Wish.objects.bulk_create(
        Wish(user=author, title=f"Пожелание {n:02d}", language="ru", vote_count=n)
        for n in range(45)
    )

    first = Client().get(wishes_url()).content.decode()
    third = Client().get(wishes_url() + "?page=3").content.decode()

    assert "Пожелание 44" in first and "Пожелание 24" not in first
    assert "Пожелание 04" in third and "Пожелание 44" not in third
    assert 'rel="next"' in first


def test_the_list_of_500_wishes_takes_a_bounded_number_of_queries(
    django_assert_max_num_queries,
):
    Wish.objects.all().delete()
    voter = resident("voter")
    authors = [resident(f"author{n}", first_name=f"Имя{n}") for n in range(5)]
    slug = domain_slug()
    audience = Audience.objects.first()
    event = EventPage.objects.live().filter(locale__language_code="en").first()
    created = Wish.objects.bulk_create(
        Wish(
            user=authors[n % 5],
            title=f"Пожелание {n}",
            language=("ru", "tt", "en")[n % 3],
            domain=slug,
            audience=audience,
            event_type="concert",
            event_key=event.translation_key if n % 2 else None,
            editor_note="Спасибо",
            vote_count=n,
        )
        for n in range(500)
    )
    WishVote.objects.bulk_create(WishVote(wish=wish, user=voter) for wish in created)
    client = client_for(voter)
    client.get(wishes_url())  # warm Wagtail's site caches

    with django_assert_max_num_queries(32):
        response = client.get(wishes_url())

    content = response.content.decode()
    assert content.count('class="wish card"') == 20
    assert in_russian("Take back my vote") in content
    assert event.get_translation(programme().locale).title in content


# Voting


def test_a_resident_votes_once_and_can_take_the_vote_back():
    wish = make_wish(resident("author"))
    voter = resident("voter")
    client = client_for(voter)

    first = client.post(wishes_url() + f"{wish.pk}/vote/")
    again = client.post(wishes_url() + f"{wish.pk}/vote/", follow=True)

    assert first.status_code == 302
    wish.refresh_from_db()
    assert wish.vote_count == 1
    assert WishVote.objects.filter(wish=wish, user=voter).count() == 1
    assert in_russian("You have already voted for this wish.") in again.content.decode()

    client.post(wishes_url() + f"{wish.pk}/withdraw/")
    wish.refresh_from_db()
    assert wish.vote_count == 0
    assert not WishVote.objects.filter(wish=wish).exists()
    assert (
        ActivityRecord.objects.filter(action="vote", outcome="done", user=voter).count()
        == 1
    )
    assert ActivityRecord.objects.filter(
        action="vote_withdrawn", outcome="done"
    ).exists()


def test_a_vote_returns_to_the_list_page_it_came_from():
    wish = make_wish(resident("author"))
    client = client_for(resident("voter"))
    listing = wishes_url() + "?sort=newest"

    response = client.post(wishes_url() + f"{wish.pk}/vote/", {"next": listing})
    elsewhere = client.post(
        wishes_url() + f"{wish.pk}/withdraw/", {"next": "https://evil.example/"}
    )

    assert response["Location"] == listing + f"#wish-{wish.pk}"
    assert elsewhere["Location"] == wishes_url() + f"{wish.pk}/"


def test_nobody_votes_for_their_own_wish():
    author = resident("author")
    wish = make_wish(author)

    response = client_for(author).post(wishes_url() + f"{wish.pk}/vote/", follow=True)

    assert in_russian("This is your own wish, so you cannot vote for it.") in (
        response.content.decode()
    )
    wish.refresh_from_db()
    assert wish.vote_count == 0 and not WishVote.objects.filter(wish=wish).exists()


def test_votes_on_hidden_decided_or_unknown_wishes_are_refused():
    author = resident("author")
    hidden = make_wish(author, "Скрытое", is_public=False, hidden_reason="Спам")
    done = make_wish(author, "Сделано", status=Wish.Status.DONE)
    client = client_for(resident("voter"))

    unknown = client.post(wishes_url() + "99999999/vote/", follow=True)
    on_hidden = client.post(wishes_url() + f"{hidden.pk}/vote/", follow=True)
    on_done = client.post(wishes_url() + f"{done.pk}/vote/", follow=True)

    assert in_russian("This wish does not exist or has been hidden.") in (
        unknown.content.decode()
    )
    assert in_russian("This wish does not exist or has been hidden.") in (
        on_hidden.content.decode()
    )
    assert (
        in_russian("Voting on this wish has ended: the editors have already decided.")
        in on_done.content.decode()
    )
    assert not WishVote.objects.filter(wish__in=[hidden, done]).exists()
    assert client.get(wishes_url() + f"{done.pk}/vote/").status_code == 405


def test_visitors_voting_are_sent_to_sign_in():
    wish = make_wish(resident("author"))

    response = Client().post(wishes_url() + f"{wish.pk}/vote/")

    assert response.status_code == 302
    assert "/account/login/" in response["Location"]
    assert not WishVote.objects.filter(wish=wish).exists()


def test_a_double_vote_past_the_check_is_refused_by_the_database():
    wish = make_wish(resident("author"))
    voter = resident("voter")
    action = wishes.VoteForWishAction(wish, voter)
    action.execute()

    stale = wishes.VoteForWishAction(wish, voter)
    stale.has_vote = lambda: False  # as if the first click had not committed yet

    with pytest.raises(wishes.AlreadyVoted):
        stale.execute()
    wish.refresh_from_db()
    assert wish.vote_count == 1


def test_a_new_account_cannot_flood_votes(settings):
    settings.FEEDBACK_RATE_LIMITS = {
        **settings.FEEDBACK_RATE_LIMITS,
        "vote": {
            "account": (10, 3600),
            "new_account": (2, 3600),
            "address": (99, 3600),
        },
    }
    author = resident("author")
    targets = [make_wish(author, f"Пожелание {n}") for n in range(3)]
    client = client_for(resident("newbie", new=True))

    codes = [client.post(wishes_url() + f"{w.pk}/vote/").status_code for w in targets]

    assert codes == [302, 302, 302]
    assert WishVote.objects.filter(wish__in=targets).count() == 2
    assert ActivityRecord.objects.filter(action="vote", outcome="throttled").exists()


# What a wish shows


def test_a_wish_shows_its_answer_and_the_event_in_the_readers_language():
    event = EventPage.objects.live().filter(locale__language_code="ru").first()
    english = event.get_translation(programme("en").locale)
    wish = make_wish(
        resident("author", first_name="Рустем"),
        status=Wish.Status.PLANNED,
        editor_note="Будет в марте",
        event_key=event.translation_key,
    )

    page = Client().get(wishes_url("en") + f"{wish.pk}/").content.decode()

    assert "Будет в марте" in page
    assert english.url in page and english.title in page
    assert "Рустем" in page
    assert "Русский" in page
    with translation.override("en"):
        assert "Planned" in page


def test_the_author_sees_why_their_wish_was_hidden():
    author = resident("author")
    wish = make_wish(author, is_public=False, hidden_reason="Повтор другого пожелания")

    own = client_for(author).get(wishes_url() + f"{wish.pk}/")

    assert own.status_code == 200
    assert "Повтор другого пожелания" in own.content.decode()
    assert Client().get(wishes_url() + f"{wish.pk}/").status_code == 404


def test_the_programme_page_links_to_the_wishes():
    content = Client().get(programme().url).content.decode()

    assert f'href="{wishes_url()}"' in content


def test_votes_from_a_refused_proposal_page_return_to_the_list():
    wish = make_wish(resident("author"), "Чужое пожелание")
    client = client_for(resident("voter"))

    refused = propose(client, title="<b>жирный</b>").content.decode()
    response = client.post(wishes_url() + f"{wish.pk}/vote/", {"next": wishes_url()})

    assert f'name="next" value="{wishes_url()}"' in refused
    assert response["Location"] == wishes_url() + f"#wish-{wish.pk}"
