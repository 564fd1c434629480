"""Local accounts: sign up, sign in (with django-axes), confirm the email, passwords."""

import re
import time

from django.contrib.auth import get_user_model
from django.core import mail, signing
from django.db import IntegrityError
from django.test import Client

import pytest
from axes.models import AccessAttempt

from cms.accounts import account_actions, selectors
from cms.accounts.models import EsiaIdentity
from cms.accounts.tokens import (
    TokenState,
    check_confirmation_token,
    make_confirmation_token,
)

pytestmark = pytest.mark.django_db

User = get_user_model()
PASSWORD = "kazan-Kremlin-1552"


def signup_data(**overrides):
    data = {
        "email": "Anna.Petrova@Example.org",
        "name": "Анна Петрова",
        "password1": PASSWORD,
        "password2": PASSWORD,
        "consent": "on",
    }
    data.update(overrides)
    return data


@pytest.fixture
def local_user():
    return User.objects.create_user(
        username="gulnara@example.org",
        email="gulnara@example.org",
        password=PASSWORD,
        first_name="Гульнара",
    )


def confirmation_path(message):
    return re.search(r"https?://[^/\s]+(/\S+/account/confirm/\S+/)", message.body)[1]


# Sign up


def test_signup_opens_an_account_signs_in_and_emails_the_confirmation_link(client):
    response = client.post("/tt/account/signup/", signup_data())

    assert response.status_code == 302
    assert response["Location"] == "/tt/account/profile/"
    user = User.objects.get(email="anna.petrova@example.org")
    assert user.username == "anna.petrova@example.org"
    assert user.first_name == "Анна Петрова"
    assert user.check_password(PASSWORD)
    assert not user.email_verified
    assert int(client.session["_auth_user_id"]) == user.pk
    assert len(mail.outbox) == 1
    message = mail.outbox[0]
    assert message.to == ["anna.petrova@example.org"]
    assert "\n" not in message.subject
    # The link is in the language the person signed up in.
    assert confirmation_path(message).startswith("/tt/account/confirm/")


def test_signup_follows_a_safe_next_and_ignores_an_offsite_one(client):
    response = client.post(
        "/ru/account/signup/?next=/ru/about/", signup_data(email="one@example.org")
    )
    assert response["Location"] == "/ru/about/"

    other = Client()
    response = other.post(
        "/ru/account/signup/",
        {**signup_data(email="two@example.org"), "next": "https://evil.example/"},
    )
    assert response["Location"] == "/ru/account/profile/"


def test_signup_refuses_an_email_in_use_whatever_its_case(client, resident):
    response = client.post(
        "/en/account/signup/", signup_data(email="RESIDENT@example.ORG")
    )

    assert response.status_code == 200
    assert "An account with this email already exists" in response.content.decode()
    assert User.objects.filter(email__iexact="resident@example.org").count() == 1
    assert mail.outbox == []


def test_signup_race_on_the_email_ends_as_a_form_error(client, resident, monkeypatch):
    # Another request created the account after this form checked the email: the
    # database constraint is what refuses it.
    monkeypatch.setattr(selectors, "email_taken", lambda email: False)

    response = client.post(
        "/en/account/signup/", signup_data(email="Resident@Example.org")
    )

    assert response.status_code == 200
    assert "An account with this email already exists" in response.content.decode()
    assert User.objects.filter(email__iexact="resident@example.org").count() == 1
    assert "_auth_user_id" not in client.session


def test_the_database_refuses_a_second_account_with_the_same_email(resident):
    with pytest.raises(IntegrityError):
        User.objects.create_user(username="other", email="Resident@Example.org")


@pytest.mark.parametrize(
    ("overrides", "message"),
    [
        ({"consent": ""}, "Please tick the box to agree"),
        ({"email": ""}, "This field is required"),
        ({"email": "not an email"}, "Enter a valid email address"),
        ({"password2": "kazan-Kremlin-1553"}, "The two passwords differ"),
        ({"password1": "12345678", "password2": "12345678"}, "too common"),
        ({"name": "<script>alert(1)</script>"}, "without the signs &lt; and &gt;"),
        ({"name": "Анна\u0000Петрова"}, "Null characters are not allowed"),
        ({"name": "Анна\u202ePetrova"}, "without the signs &lt; and &gt;"),
        ({"name": "я" * 151}, "at most 150 characters"),
        ({"email": "a" * 5000 + "@example.org"}, "at most 254 characters"),
        (
            {"password1": "x" * 100_000, "password2": "x" * 100_000},
            "at most 1024 characters",
        ),
    ],
)
def test_bad_signup_input_is_a_form_error_and_stores_nothing(
    client, overrides, message
):
    response = client.post("/en/account/signup/", signup_data(**overrides))

    assert response.status_code == 200
    content = response.content.decode()
    assert message in content
    assert 'role="alert"' in content
    assert "<script>alert(1)</script>" not in content
    assert not User.objects.filter(email__iexact="anna.petrova@example.org").exists()
    assert mail.outbox == []


def test_malformed_signup_posts_are_form_errors_not_server_errors(client):
    empty = client.post("/en/account/signup/", {})
    json_body = client.post(
        "/en/account/signup/", data='{"email": 1}', content_type="application/json"
    )
    repeated = client.post(
        "/en/account/signup/",
        {**signup_data(), "email": ["a@example.org", "b@example.org"]},
    )

    for response in (empty, json_body):
        assert response.status_code == 200
        assert "This field is required" in response.content.decode()
    # The last of repeated values counts, as everywhere in Django.
    assert repeated.status_code == 302
    assert User.objects.filter(email="b@example.org").exists()


def test_signups_from_one_address_are_limited_per_hour():
    for number in range(account_actions.SIGNUPS_PER_ADDRESS.limit):
        response = Client().post(
            "/en/account/signup/", signup_data(email=f"person{number}@example.org")
        )
        assert response.status_code == 302

    response = Client().post(
        "/en/account/signup/", signup_data(email="one-too-many@example.org")
    )

    assert response.status_code == 429
    assert "Too many accounts were opened" in response.content.decode()
    assert not User.objects.filter(email="one-too-many@example.org").exists()


def test_signup_needs_the_csrf_token():
    client = Client(enforce_csrf_checks=True)

    response = client.post("/en/account/signup/", signup_data())

    assert response.status_code == 403
    assert not User.objects.filter(email__iexact="anna.petrova@example.org").exists()


def test_a_long_email_gets_a_generated_username(client):
    email = "a" * 160 + "@example.org"

    client.post("/en/account/signup/", signup_data(email=email))

    user = User.objects.get(email=email)
    assert user.username.startswith("user-")


# Sign in and out


def test_signing_in_with_email_in_any_case_and_password(client, local_user):
    response = client.post(
        "/ru/account/login/", {"email": "Gulnara@Example.ORG", "password": PASSWORD}
    )

    assert response.status_code == 302
    assert response["Location"] == "/ru/account/profile/"
    assert int(client.session["_auth_user_id"]) == local_user.pk


def test_signing_in_works_for_accounts_whose_username_is_not_the_email(
    client, resident
):
    response = client.post(
        "/en/account/login/",
        {"email": "resident@example.org", "password": "resident-pass"},
    )

    assert response.status_code == 302
    assert int(client.session["_auth_user_id"]) == resident.pk


@pytest.mark.parametrize(
    ("next_url", "expected"),
    [
        ("/en/about/", "/en/about/"),
        ("https://evil.example/", "/en/account/profile/"),
        ("//evil.example/", "/en/account/profile/"),
        ("javascript:alert(1)", "/en/account/profile/"),
    ],
)
def test_signing_in_follows_only_a_safe_next(client, local_user, next_url, expected):
    response = client.post(
        "/en/account/login/",
        {"email": local_user.email, "password": PASSWORD, "next": next_url},
    )

    assert response["Location"] == expected


def test_a_wrong_password_is_a_clear_form_error(client, local_user):
    response = client.post(
        "/en/account/login/", {"email": local_user.email, "password": "wrong"}
    )

    assert response.status_code == 200
    assert "The email or the password is wrong" in response.content.decode()
    assert "_auth_user_id" not in client.session


def test_five_failures_lock_the_sign_in_with_a_clear_message_not_a_bare_error(
    client, local_user
):
    for _attempt in range(4):
        response = client.post(
            "/en/account/login/", {"email": local_user.email, "password": "wrong"}
        )
        assert response.status_code == 200

    fifth = client.post(
        "/en/account/login/", {"email": local_user.email, "password": "wrong"}
    )
    # Even the right password is refused while the lock lasts.
    sixth = client.post(
        "/en/account/login/", {"email": local_user.email, "password": PASSWORD}
    )

    for response in (fifth, sixth):
        content = response.content.decode()
        assert response.status_code == 429
        assert '<html lang="en"' in content
        assert "Too many unsuccessful attempts" in content
        assert "paused for 30 minutes" in content
        assert 'name="email"' in content
        assert "Account locked" not in content
    assert "_auth_user_id" not in client.session
    assert AccessAttempt.objects.filter(username=local_user.username).exists()


def test_unknown_emails_are_locked_out_too(client):
    for _attempt in range(5):
        response = client.post(
            "/en/account/login/", {"email": "nobody@example.org", "password": "x"}
        )

    assert response.status_code == 429
    assert "Too many unsuccessful attempts" in response.content.decode()


def test_a_deactivated_account_cannot_sign_in(client, local_user):
    local_user.is_active = False
    local_user.save()

    response = client.post(
        "/en/account/login/", {"email": local_user.email, "password": PASSWORD}
    )

    assert response.status_code == 200
    assert "_auth_user_id" not in client.session


def test_malformed_sign_in_posts_are_form_errors(client):
    empty = client.post("/en/account/login/", {})
    huge = client.post(
        "/en/account/login/", {"email": "a" * 10_000, "password": "p" * 10_000}
    )

    assert empty.status_code == 200
    assert "This field is required" in empty.content.decode()
    assert huge.status_code == 200
    assert "at most 254 characters" in huge.content.decode()


def test_a_signed_in_person_opening_the_sign_in_page_goes_to_the_account(
    client, local_user
):
    client.force_login(local_user)

    response = client.get("/en/account/login/")

    assert response["Location"] == "/en/account/profile/"


def test_the_sign_in_page_offers_gosuslugi_only_when_it_can(client, settings):
    settings.ESIA_OIDC = {**settings.ESIA_OIDC, "CLIENT_ID": ""}
    response = client.get("/ru/account/login/")
    assert response.status_code == 200
    assert response.context["esia_enabled"] is False

    settings.ESIA_OIDC = {**settings.ESIA_OIDC, "CLIENT_ID": "kazan-test"}
    response = client.get("/ru/account/login/")
    # Shown once the Gosuslugi button template exists; the page works either way.
    assert response.status_code == 200
    assert response.context["esia_enabled"] is selectors.esia_login_available()


def test_signing_out_is_post_only_and_returns_to_the_home_page(client, local_user):
    client.force_login(local_user)

    assert client.get("/tt/account/logout/").status_code == 405
    assert "_auth_user_id" in client.session

    response = client.post("/tt/account/logout/")
    assert response["Location"] == "/tt/"
    assert "_auth_user_id" not in client.session


@pytest.mark.parametrize("code", ["ru", "tt", "en"])
@pytest.mark.parametrize(
    "path", ["signup/", "login/", "password/reset/", "password/reset/sent/"]
)
def test_public_account_pages_exist_in_every_language(client, code, path):
    response = client.get(f"/{code}/account/{path}")

    assert response.status_code == 200
    assert f'<html lang="{code}"' in response.content.decode()


# The account page


def test_the_account_page_needs_a_signed_in_person(client):
    response = client.get("/ru/account/profile/")

    assert response.status_code == 302
    assert response["Location"] == "/ru/account/login/?next=/ru/account/profile/"


def test_an_unconfirmed_email_is_pointed_out_with_a_resend_button(client, local_user):
    client.force_login(local_user)

    content = client.get("/en/account/profile/").content.decode()

    assert "Please confirm your email" in content
    assert 'action="/en/account/confirm/resend/"' in content
    assert "gulnara@example.org" in content
    assert "Гульнара" in content
    assert "Not linked to Gosuslugi" in content
    assert "Only residents whose identity is confirmed through Gosuslugi" in content
    assert 'href="/en/account/password/change/"' in content
    assert 'href="/en/account/data/"' in content
    assert 'href="/en/account/data/delete/"' in content


@pytest.mark.parametrize(
    ("trusted", "label"),
    [
        (True, "Confirmed through Gosuslugi"),
        (False, "the Gosuslugi account is not confirmed"),
    ],
)
def test_the_account_page_shows_the_esia_status(client, local_user, trusted, label):
    local_user.email_verified = True
    local_user.save()
    EsiaIdentity.objects.create(
        user=local_user, subject="esia-1", trusted=trusted, last_name="Сафина"
    )
    client.force_login(local_user)

    content = client.get("/en/account/profile/").content.decode()

    assert label in content
    assert "Please confirm your email" not in content
    # Identification data lives on the data page, not here.
    assert "Сафина" not in content


def test_the_account_page_offers_to_link_gosuslugi_until_confirmed(
    client, local_user, settings
):
    settings.ESIA_OIDC = {**settings.ESIA_OIDC, "CLIENT_ID": "kazan-test"}
    client.force_login(local_user)
    offered = client.get("/en/account/profile/")
    EsiaIdentity.objects.create(user=local_user, subject="esia-2", trusted=True)
    local_user.refresh_from_db()
    confirmed = client.get("/en/account/profile/")

    available = selectors.esia_login_available()
    assert offered.context["profile"].offer_esia_link is available
    assert confirmed.context["profile"].offer_esia_link is False
    if available:
        assert 'href="/en/account/esia/login/"' in offered.content.decode()
    assert 'href="/en/account/esia/login/"' not in confirmed.content.decode()


# Email confirmation


def test_the_confirmation_link_confirms_once_after_a_button_press(client, local_user):
    token = make_confirmation_token(local_user)
    url = f"/en/account/confirm/{token}/"

    page = client.get(url)
    local_user.refresh_from_db()
    assert page.status_code == 200
    assert "Confirm my email" in page.content.decode()
    assert not local_user.email_verified

    done = client.post(url)
    local_user.refresh_from_db()
    assert "Your email is confirmed" in done.content.decode()
    assert local_user.email_verified

    again = client.post(url)
    assert again.status_code == 200
    assert "This email was confirmed earlier" in again.content.decode()


@pytest.mark.parametrize(
    "token",
    [
        "nonsense",
        "a" * 5000,
        "eyJ1IjoxfQ:1tQ9Xw:AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA",
    ],
)
def test_a_tampered_confirmation_link_is_a_clear_page(client, local_user, token):
    for response in (
        client.get(f"/ru/account/confirm/{token}/"),
        client.post(f"/ru/account/confirm/{token}/"),
    ):
        assert response.status_code == 400
        assert '<html lang="ru"' in response.content.decode()
        assert "Confirm my email" not in response.content.decode()
    local_user.refresh_from_db()
    assert not local_user.email_verified


def test_an_expired_confirmation_link_is_a_clear_page(client, local_user, monkeypatch):
    four_days_ago = time.time() - 4 * 24 * 3600
    monkeypatch.setattr(signing.time, "time", lambda: four_days_ago)
    token = make_confirmation_token(local_user)
    monkeypatch.undo()

    response = client.post(f"/en/account/confirm/{token}/")

    assert check_confirmation_token(token).state is TokenState.EXPIRED
    assert response.status_code == 400
    assert "This confirmation link has expired" in response.content.decode()
    local_user.refresh_from_db()
    assert not local_user.email_verified


def test_a_link_for_a_previous_email_no_longer_confirms(client, local_user):
    token = make_confirmation_token(local_user)
    local_user.email = "new-address@example.org"
    local_user.save()

    response = client.post(f"/en/account/confirm/{token}/")

    assert response.status_code == 400
    local_user.refresh_from_db()
    assert not local_user.email_verified


def test_resending_the_confirmation_is_post_only_and_for_the_signed_in(
    client, local_user
):
    assert client.post("/en/account/confirm/resend/").status_code == 302
    client.force_login(local_user)
    assert client.get("/en/account/confirm/resend/").status_code == 405

    response = client.post("/en/account/confirm/resend/")

    assert response.status_code == 200
    assert "We sent a new letter to gulnara@example.org" in response.content.decode()
    assert len(mail.outbox) == 1
    path = confirmation_path(mail.outbox[0])
    client.post(path)
    local_user.refresh_from_db()
    assert local_user.email_verified


def test_confirmation_letters_are_limited_per_hour(client, local_user):
    client.force_login(local_user)
    for _letter in range(account_actions.CONFIRMATION_EMAILS_PER_ACCOUNT.limit):
        assert client.post("/en/account/confirm/resend/").status_code == 200

    response = client.post("/en/account/confirm/resend/")

    assert response.status_code == 429
    assert len(mail.outbox) == account_actions.CONFIRMATION_EMAILS_PER_ACCOUNT.limit


# Passwords


def test_changing_the_password(client, local_user):
    client.force_login(local_user)

    response = client.post(
        "/en/account/password/change/",
        {
            "old_password": PASSWORD,
            "new_password1": "Volga-river-2024",
            "new_password2": "Volga-river-2024",
        },
    )

    assert response["Location"] == "/en/account/password/change/done/"
    local_user.refresh_from_db()
    assert local_user.check_password("Volga-river-2024")
    # Still signed in after the change.
    assert client.get("/en/account/profile/").status_code == 200


def test_accounts_without_a_password_are_told_so(client):
    user = User.objects.create_user(username="esia-only", email="")
    client.force_login(user)

    response = client.get("/en/account/password/change/")

    assert response.status_code == 200
    assert "You sign in through Gosuslugi" in response.content.decode()


def test_resetting_the_password_by_email_in_the_page_language(client, local_user):
    for _attempt in range(5):
        client.post(
            "/tt/account/login/", {"email": local_user.email, "password": "wrong"}
        )

    response = client.post(
        "/tt/account/password/reset/", {"email": "GULNARA@example.org"}
    )

    assert response["Location"] == "/tt/account/password/reset/sent/"
    assert len(mail.outbox) == 1
    link = re.search(r"https?://[^/\s]+(/\S+)", mail.outbox[0].body)[1]
    assert link.startswith("/tt/account/password/reset/")

    form_page = client.get(link, follow=True)
    assert form_page.status_code == 200
    set_url = form_page.redirect_chain[-1][0]
    done = client.post(
        set_url,
        {"new_password1": "Volga-river-2024", "new_password2": "Volga-river-2024"},
    )
    assert done["Location"] == "/tt/account/password/reset/complete/"

    # The reset lifts the lock, and the new password works.
    signed_in = client.post(
        "/tt/account/login/",
        {"email": local_user.email, "password": "Volga-river-2024"},
    )
    assert signed_in.status_code == 302
    assert int(client.session["_auth_user_id"]) == local_user.pk


def test_an_unknown_email_gets_no_reset_letter_and_the_same_answer(client):
    response = client.post(
        "/en/account/password/reset/", {"email": "nobody@example.org"}
    )

    assert response["Location"] == "/en/account/password/reset/sent/"
    assert mail.outbox == []


def test_a_broken_reset_link_is_a_clear_page(client, local_user):
    response = client.get("/en/account/password/reset/MQ/set-password/")
    other = client.get("/en/account/password/reset/zzz/abc-def/")

    for page in (response, other):
        assert page.status_code == 200
        assert "This link is wrong, too old, or was already used" in (
            page.content.decode()
        )
