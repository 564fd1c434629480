"""Signing in with ESIA (Gosuslugi) against a real OpenID Connect provider.

The provider (tests/oidc_provider/) runs once per session; Django's side is called
through the test client, and our code talks to the provider over real HTTP for
discovery, token, JWKS and userinfo.
"""

import datetime
import logging
import socket
from urllib.parse import parse_qs, urlsplit

from django.contrib.auth import get_user_model
from django.contrib.auth.models import AnonymousUser
from django.template.loader import render_to_string
from django.test import RequestFactory
from django.utils import translation

import pytest

from cms.accounts import oidc
from cms.accounts.esia import StandardOidcAdapter, parse_birthdate
from cms.accounts.models import EsiaIdentity
from tests.accounts.conftest import with_query
from tests.conftest import in_russian

pytestmark = pytest.mark.django_db

User = get_user_model()


class PostSecretAdapter(StandardOidcAdapter):
    """Like ESIA: the secret goes in the request body, and the adapter adds
    authorization parameters of its own."""

    token_endpoint_auth_method = "client_secret_post"

    def extra_authorize_params(self, params):
        return {"login_hint": "legal"}


def made_identities():
    """Identities made by sign-ins here, not the demo's hearing participants."""
    return EsiaIdentity.objects.exclude(subject__startswith="demo-participant-")


def signed_in_user_id(client):
    return client.session.get("_auth_user_id")


def query_of(url):
    return {key: values[0] for key, values in parse_qs(urlsplit(url).query).items()}


def closed_port_url():
    with socket.socket() as probe:
        probe.bind(("127.0.0.1", 0))
        port = probe.getsockname()[1]
    return f"http://127.0.0.1:{port}"


def assert_nothing_created(users_before):
    assert User.objects.count() == users_before
    assert not made_identities().exists()


# Success


def test_confirmed_person_signs_in_and_is_a_verified_resident(
    client, esia, esia_accounts, caplog
):
    account = esia_accounts["verified"]
    callback = esia.sign_in(client, "verified", next="/ru/")
    with caplog.at_level(logging.INFO, logger="cms.accounts"):
        response = client.get(callback)

    assert response.status_code == 302
    assert response["Location"] == "/ru/"
    identity = EsiaIdentity.objects.select_related("user").get(subject=account["sub"])
    user = identity.user
    assert signed_in_user_id(client) == str(user.pk)
    assert user.is_verified_resident
    assert (identity.last_name, identity.first_name, identity.middle_name) == (
        "Галиева",
        "Роза",
        "Ильдаровна",
    )
    assert identity.birth_date == datetime.date(1951, 3, 8)
    assert identity.address == account["address"]["formatted"]
    assert identity.kind == EsiaIdentity.Kind.PERSON
    assert user.email == account["email"]
    assert user.email_verified
    assert not user.has_usable_password()
    # The attempt served once and is gone from the session.
    assert client.session.get(oidc.SESSION_KEY) == {}
    logged = " ".join(record.getMessage() for record in caplog.records)
    assert f"ESIA sign-in: user {user.pk}, new account: True" in logged
    for personal in (account["sub"], account["family_name"], account["email"]):
        assert personal not in logged


def test_unconfirmed_person_signs_in_and_is_told_why_hearings_are_closed(
    client, esia, esia_accounts
):
    response = client.get(esia.sign_in(client, "unverified", next="/ru/"))

    assert response.status_code == 302
    assert response["Location"].startswith("/ru/account/esia/unconfirmed/")
    user = EsiaIdentity.objects.get(subject=esia_accounts["unverified"]["sub"]).user
    assert signed_in_user_id(client) == str(user.pk)
    assert not user.is_verified_resident
    assert not user.email_verified
    notice = client.get(response["Location"])
    assert notice.status_code == 200
    text = notice.content.decode()
    assert in_russian("Your Gosuslugi account is not confirmed") in text
    assert (
        in_russian(
            "Your Gosuslugi account is not confirmed, so you cannot send proposals "
            "or comments to public hearings yet. The law allows this only to "
            "residents whose identity is confirmed."
        )
        in text
    )
    assert 'href="/ru/"' in text


def test_legal_entity_signs_in_with_its_ogrn_stored(client, esia, esia_accounts):
    account = esia_accounts["legal"]
    response = client.get(esia.sign_in(client, "legal"))

    assert response.status_code == 302
    identity = EsiaIdentity.objects.get(subject=account["sub"])
    assert identity.kind == EsiaIdentity.Kind.LEGAL_ENTITY
    assert identity.organisation_name == account["organisation_name"]
    assert identity.ogrn == account["ogrn"]
    assert identity.trusted
    assert signed_in_user_id(client) == str(identity.user_id)


def test_second_sign_in_updates_the_same_account(client, esia, esia_accounts):
    account = esia_accounts["verified"]
    client.get(esia.sign_in(client, "verified"))
    identity = EsiaIdentity.objects.get(subject=account["sub"])
    EsiaIdentity.objects.filter(pk=identity.pk).update(address="old", trusted=False)
    client.logout()
    users = User.objects.count()

    response = client.get(esia.sign_in(client, "verified"))

    assert response.status_code == 302
    assert User.objects.count() == users
    assert EsiaIdentity.objects.filter(subject=account["sub"]).count() == 1
    identity.refresh_from_db()
    assert identity.address == account["address"]["formatted"]
    assert identity.trusted
    assert signed_in_user_id(client) == str(identity.user_id)


def test_after_sign_in_the_visitor_returns_in_the_language_they_started_in(
    client, esia
):
    callback = esia.sign_in(client, "unverified", path="/en/account/esia/login/")
    # The provider calls back the same URL whatever the language.
    assert urlsplit(callback).path == oidc.callback_path()

    response = client.get(callback, HTTP_ACCEPT_LANGUAGE="ru")

    assert response["Location"].startswith("/en/account/esia/unconfirmed/")


def test_each_attempt_uses_pkce_and_its_own_state_and_nonce(client, esia):
    first = query_of(client.get("/ru/account/esia/login/")["Location"])
    second = query_of(client.get("/en/account/esia/login/")["Location"])

    assert first["code_challenge_method"] == "S256"
    assert len(first["code_challenge"]) == 43
    assert first["redirect_uri"] == second["redirect_uri"] == esia.redirect_uri
    assert first["state"] != second["state"]
    assert first["nonce"] != second["nonce"]
    attempts = client.session[oidc.SESSION_KEY]
    assert set(attempts) == {first["state"], second["state"]}
    assert "code_verifier" not in first


def test_adapter_chooses_client_authentication_and_authorization_parameters(
    client, settings, oidc_provider, esia_accounts
):
    settings.ESIA_OIDC = oidc_provider.settings(
        CLIENT_ID="kazan-post",
        ADAPTER="tests.accounts.test_oidc.PostSecretAdapter",
    )
    # No login hint from the test: the adapter's own parameter picks the account.
    response = client.get("/ru/account/esia/login/")
    response = client.get(oidc_provider.authorize(response["Location"]))

    assert response.status_code == 302
    assert EsiaIdentity.objects.filter(subject=esia_accounts["legal"]["sub"]).exists()


# Linking to a local account


def test_signed_in_local_account_links_its_gosuslugi_account(
    client, esia, esia_accounts, resident
):
    client.force_login(resident)
    users = User.objects.count()

    response = client.get(esia.sign_in(client, "verified", next="/ru/"))

    assert response.status_code == 302
    assert response["Location"] == "/ru/"
    assert User.objects.count() == users
    identity = EsiaIdentity.objects.get(subject=esia_accounts["verified"]["sub"])
    assert identity.user == resident
    assert signed_in_user_id(client) == str(resident.pk)
    resident.refresh_from_db()
    assert resident.is_verified_resident
    # The local account keeps its own email and password.
    assert resident.email == "resident@example.org"
    assert resident.has_usable_password()


def test_linking_a_subject_of_another_account_is_refused_and_changes_nothing(
    client, esia, esia_accounts, resident
):
    other = User.objects.create_user(username="other", email="other@example.org")
    taken = EsiaIdentity.objects.create(
        user=other,
        subject=esia_accounts["verified"]["sub"],
        last_name="Другая",
        address="old address",
    )
    client.force_login(resident)

    response = client.get(
        esia.sign_in(client, "verified", path="/en/account/esia/login/")
    )

    assert response.status_code == 409
    assert "already linked to another account" in response.content.decode()
    assert not EsiaIdentity.objects.filter(user=resident).exists()
    taken.refresh_from_db()
    assert (taken.user_id, taken.last_name, taken.address) == (
        other.pk,
        "Другая",
        "old address",
    )
    assert signed_in_user_id(client) == str(resident.pk)


def test_signing_out_in_between_stops_the_link(client, esia, resident):
    client.force_login(resident)
    callback = esia.sign_in(client, "verified")
    client.force_login(User.objects.create_user(username="someone-else"))

    response = client.get(callback)

    assert response.status_code == 400
    assert not made_identities().exists()


def test_new_account_is_not_made_over_a_local_account_with_the_same_email(
    client, esia, esia_accounts
):
    User.objects.create_user(
        username="roza", email=esia_accounts["verified"]["email"].upper()
    )
    users = User.objects.count()

    response = client.get(
        esia.sign_in(client, "verified", path="/en/account/esia/login/")
    )

    assert response.status_code == 409
    assert "link Gosuslugi on your profile page" in response.content.decode()
    assert_nothing_created(users)
    assert signed_in_user_id(client) is None


# Refusals: the callback


def test_forged_state_is_refused_and_nobody_is_signed_in(client, esia):
    users = User.objects.count()
    callback = esia.sign_in(client, "verified", path="/en/account/esia/login/")

    response = client.get(with_query(callback, state="forged"))

    assert response.status_code == 400
    assert in_russian(oidc.AttemptNotFound.message) in response.content.decode()
    assert signed_in_user_id(client) is None
    assert_nothing_created(users)


def test_missing_state_is_refused(client, esia):
    users = User.objects.count()
    callback = esia.sign_in(client, "verified")
    parts = urlsplit(callback)
    query = {key: value for key, value in query_of(callback).items() if key != "state"}

    response = client.get(parts.path, query)

    assert response.status_code == 400
    assert signed_in_user_id(client) is None
    assert_nothing_created(users)


def test_replayed_callback_is_refused_and_creates_nothing_twice(client, esia):
    callback = esia.sign_in(client, "verified")
    assert client.get(callback).status_code == 302
    client.logout()
    users = User.objects.count()

    response = client.get(callback)

    assert response.status_code == 400
    assert signed_in_user_id(client) is None
    assert User.objects.count() == users
    assert made_identities().count() == 1


def test_reused_code_is_refused_by_the_provider(client, esia):
    used = esia.sign_in(client, "verified")
    assert client.get(used).status_code == 302
    client.logout()
    users = User.objects.count()
    # A fresh attempt of ours, answered with the code that was already spent.
    fresh_state = query_of(client.get("/ru/account/esia/login/")["Location"])["state"]

    response = client.get(with_query(used, state=fresh_state))

    assert response.status_code == 400
    assert in_russian(oidc.EsiaError.message) in response.content.decode()
    assert signed_in_user_id(client) is None
    assert User.objects.count() == users
    assert made_identities().count() == 1


def test_consent_refused_by_the_visitor_is_explained(client, esia):
    users = User.objects.count()
    callback = esia.sign_in(client, "deny", path="/en/account/esia/login/")
    assert query_of(callback)["error"] == "access_denied"

    response = client.get(callback)

    assert response.status_code == 400
    text = response.content.decode()
    assert "You did not allow Gosuslugi to share your data" in text
    assert 'href="/en/account/esia/login/"' in text
    assert signed_in_user_id(client) is None
    assert_nothing_created(users)


def test_missing_name_is_refused_with_what_is_missing(client, esia):
    users = User.objects.count()
    callback = esia.sign_in(client, "incomplete", path="/en/account/esia/login/")

    response = client.get(callback)

    assert response.status_code == 400
    text = response.content.decode()
    assert "did not send all the information we need: last name, first name" in text
    assert signed_in_user_id(client) is None
    assert_nothing_created(users)


# Refusals: the ID token


@pytest.mark.parametrize(
    "client_id",
    [
        "kazan-wrong-audience",
        "kazan-wrong-issuer",
        "kazan-expired",
        "kazan-bad-signature",
    ],
)
def test_id_token_that_fails_a_check_is_refused(
    client, settings, oidc_provider, client_id, caplog
):
    settings.ESIA_OIDC = oidc_provider.settings(CLIENT_ID=client_id)
    users = User.objects.count()
    callback = oidc_provider.sign_in(client, "verified", path="/en/account/esia/login/")

    with caplog.at_level(logging.WARNING, logger="cms.accounts"):
        response = client.get(callback)

    assert response.status_code == 400
    assert "did not pass our security check" in response.content.decode()
    assert signed_in_user_id(client) is None
    assert_nothing_created(users)
    expected_reason = {
        "kazan-wrong-audience": "claims:invalid_claim:aud",
        "kazan-wrong-issuer": "claims:invalid_claim:iss",
        "kazan-expired": "expired",
        "kazan-bad-signature": "signature:BadSignatureError",
    }[client_id]
    assert expected_reason in caplog.text


# Refusals: the provider


def test_provider_down_shows_a_503_page_in_the_visitors_language(client, settings):
    settings.ESIA_OIDC = {
        **settings.ESIA_OIDC,
        "ISSUER": closed_port_url(),
        "CLIENT_ID": "kazan",
    }

    response = client.get("/en/account/esia/login/")

    assert response.status_code == 503
    text = response.content.decode()
    assert '<html lang="en"' in text
    assert "We could not reach Gosuslugi" in text
    assert 'href="/en/account/esia/login/"' in text
    assert oidc.SESSION_KEY not in client.session


def test_provider_down_at_the_callback_creates_nothing(client, settings, esia):
    users = User.objects.count()
    callback = esia.sign_in(client, "verified")
    settings.ESIA_OIDC = esia.settings(ISSUER=closed_port_url())

    response = client.get(callback)

    assert response.status_code == 503
    assert signed_in_user_id(client) is None
    assert_nothing_created(users)


def test_provider_that_does_not_answer_in_time_shows_a_503_page(
    client, settings, oidc_provider
):
    settings.ESIA_OIDC = oidc_provider.settings(
        ISSUER="",
        DISCOVERY_URL=f"{oidc_provider.issuer}/hanging/.well-known/openid-configuration",
        TIMEOUT=0.5,
    )

    response = client.get("/en/account/esia/login/")

    assert response.status_code == 503


def test_invalid_discovery_document_shows_a_503_page(client, settings, oidc_provider):
    settings.ESIA_OIDC = oidc_provider.settings(
        ISSUER="",
        DISCOVERY_URL=f"{oidc_provider.issuer}/broken/.well-known/openid-configuration",
    )

    response = client.get("/en/account/esia/login/")

    assert response.status_code == 503
    assert "We could not reach Gosuslugi" in response.content.decode()


def test_discovery_naming_another_issuer_is_refused(client, settings, oidc_provider):
    settings.ESIA_OIDC = oidc_provider.settings(
        ISSUER="https://esia.gosuslugi.ru",
        DISCOVERY_URL=f"{oidc_provider.issuer}/.well-known/openid-configuration",
    )

    response = client.get("/en/account/esia/login/")

    assert response.status_code == 503
    assert oidc.SESSION_KEY not in client.session


# Configuration, redirects, privacy


def test_without_a_client_id_esia_is_not_offered(client, settings, oidc_provider):
    settings.ESIA_OIDC = oidc_provider.settings(CLIENT_ID="")

    response = client.get("/en/account/esia/login/")

    assert response.status_code == 404
    assert "does not offer signing in with Gosuslugi" in response.content.decode()
    assert oidc.esia_context(RequestFactory().get("/")) == {"esia_enabled": False}


def test_button_leads_to_the_sign_in_with_the_next_page(esia, rf):
    assert oidc.esia_context(rf.get("/")) == {"esia_enabled": True}
    request = rf.get("/en/")
    request.user = AnonymousUser()
    with translation.override("en"):
        html = render_to_string(
            "accounts/esia_button.html", {"next": "/en/events/?a=1"}, request=request
        )
    assert 'href="/en/account/esia/login/?next=/en/events/%3Fa%3D1"' in html
    assert "Sign in with Gosuslugi" in html


@pytest.mark.parametrize(
    "next_url", ["https://evil.example.org/", "//evil.example.org/", "javascript:x"]
)
def test_next_leading_off_the_site_is_ignored(client, esia, next_url):
    callback = esia.sign_in(
        client, "verified", path="/en/account/esia/login/", next=next_url
    )

    response = client.get(callback)

    assert response.status_code == 302
    assert "evil" not in response["Location"]
    assert response["Location"].startswith("/en/")


def test_identification_data_is_not_on_public_pages(client, esia, esia_accounts):
    client.get(esia.sign_in(client, "verified"))
    identity = EsiaIdentity.objects.get(subject=esia_accounts["verified"]["sub"])
    assert identity.birth_date and identity.address

    for language in ("ru", "tt", "en"):
        response = client.get(f"/{language}/")
        assert response.status_code == 200
        text = response.content.decode()
        for private in (
            "1951",
            "08.03",
            identity.address,
            "Баумана",
            identity.middle_name,
            esia_accounts["verified"]["sub"],
        ):
            assert private not in text, (language, private)


def test_birthdate_is_read_in_both_formats():
    assert parse_birthdate("1951-03-08") == datetime.date(1951, 3, 8)
    assert parse_birthdate("08.03.1951") == datetime.date(1951, 3, 8)
    assert parse_birthdate("0000-03-08") is None
    assert parse_birthdate(None) is None


def test_id_token_for_another_nonce_is_refused(client, esia):
    users = User.objects.count()
    response = client.get("/en/account/esia/login/")
    # An authorization request whose nonce is not the one this session holds.
    injected = with_query(response["Location"], nonce="nonce-of-another-request")

    response = client.get(esia.authorize(injected, "verified"))

    assert response.status_code == 400
    assert "did not pass our security check" in response.content.decode()
    assert signed_in_user_id(client) is None
    assert_nothing_created(users)


def test_code_issued_for_another_pkce_challenge_is_refused(client, esia):
    users = User.objects.count()
    response = client.get("/en/account/esia/login/")
    injected = with_query(
        response["Location"], code_challenge="A" * 43, code_challenge_method="S256"
    )

    response = client.get(esia.authorize(injected, "verified"))

    assert response.status_code == 400
    assert signed_in_user_id(client) is None
    assert_nothing_created(users)


def test_attempt_left_too_long_is_refused(client, esia):
    callback = esia.sign_in(client, "verified")
    session = client.session
    attempts = session[oidc.SESSION_KEY]
    for attempt in attempts.values():
        attempt["started_at"] -= oidc.ATTEMPT_MAX_AGE + 1
    session[oidc.SESSION_KEY] = attempts
    session.save()

    response = client.get(callback)

    assert response.status_code == 400
    assert signed_in_user_id(client) is None
    assert not made_identities().exists()
