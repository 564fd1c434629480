"""Personal data (152-FZ): the owner sees and downloads it, and deletes the account."""

import datetime
import json
import re

from django.contrib.auth import get_user_model
from django.test import Client

from wagtail import hooks

import pytest
from axes.models import AccessLog

from cms.accounts.models import EsiaIdentity
from cms.accounts.personal_data import HOOK_NAME, PersonalDataProvider

pytestmark = pytest.mark.django_db

User = get_user_model()
PASSWORD = "kazan-Kremlin-1552"
IDENTITY = {
    "last_name": "Хайруллина",
    "first_name": "Гульнара",
    "middle_name": "Ринатовна",
    "birth_date": datetime.date(1951, 3, 8),
    "address": "г. Казань, ул. Баумана, д. 19, кв. 7",
    "ogrn": "1021602841391",
}


@pytest.fixture
def person():
    """A local account confirmed through ESIA."""
    user = User.objects.create_user(
        username="gulnara@example.org",
        email="gulnara@example.org",
        password=PASSWORD,
        first_name="Гульнара",
        email_verified=True,
    )
    EsiaIdentity.objects.create(
        user=user, subject="esia-1000299353", trusted=True, **IDENTITY
    )
    return user


@pytest.fixture
def esia_only_person():
    user = User.objects.create_user(username="esia-1000299354", email="")
    EsiaIdentity.objects.create(
        user=user, subject="esia-1000299354", trusted=True, **IDENTITY
    )
    return user


def sign_in(client, email, password):
    return client.post("/en/account/login/", {"email": email, "password": password})


def test_the_data_pages_need_a_signed_in_person(client):
    for path in ("", "download/", "delete/"):
        response = client.get(f"/ru/account/data/{path}")
        assert response.status_code == 302
        assert response["Location"].startswith("/ru/account/login/?next=")


def test_the_data_page_lists_the_account_and_the_esia_identity(client, person):
    client.force_login(person)

    response = client.get("/en/account/data/")

    content = response.content.decode()
    assert response.status_code == 200
    for text in (
        "gulnara@example.org",
        "Хайруллина",
        "Ринатовна",
        "ул. Баумана, д. 19",
        "1021602841391",
        "esia-1000299353",
        "Data from Gosuslugi (ESIA)",
        "Sign-ins",
    ):
        assert text in content
    assert "md5$" not in content
    assert 'href="/en/account/data/download/"' in content


def test_the_download_is_a_utf8_json_attachment_without_the_password(client, person):
    client.force_login(person)

    response = client.get("/ru/account/data/download/")

    assert response.status_code == 200
    assert response["Content-Type"] == "application/json; charset=utf-8"
    assert re.fullmatch(
        r'attachment; filename="kazan-personal-data-\d{4}-\d{2}-\d{2}\.json"',
        response["Content-Disposition"],
    )
    assert "no-cache" in response["Cache-Control"]
    raw = response.content.decode("utf-8")
    # Readable Cyrillic, not \u escapes.
    assert "Хайруллина" in raw
    assert person.password not in raw
    assert "md5$" not in raw
    document = json.loads(raw)
    sections = {section["key"]: section["records"] for section in document["sections"]}
    account = sections["account"][0]
    assert account["email"] == "gulnara@example.org"
    assert account["has_password"] is True
    assert "password" not in account
    assert "id" not in account
    identity = sections["esia_identity"][0]
    assert identity["birth_date"] == "1951-03-08"
    assert identity["address"] == IDENTITY["address"]
    assert identity["ogrn"] == IDENTITY["ogrn"]
    assert sections["failed_sign_ins"] == []


def test_the_download_and_the_page_are_get_only(client, person):
    client.force_login(person)

    assert client.post("/en/account/data/download/").status_code == 405
    assert client.post("/en/account/data/").status_code == 405


def test_plugins_contribute_sections_through_the_hook(client, person):
    provider = PersonalDataProvider(
        key="tickets",
        title="Course registrations",
        fields={"course": "Course", "seats": "Seats"},
        collect=lambda user: [{"course": "Татарский язык", "seats": 2}],
    )
    client.force_login(person)

    with hooks.register_temporarily(HOOK_NAME, lambda: provider):
        page = client.get("/en/account/data/").content.decode()
        document = json.loads(client.get("/en/account/data/download/").content)

    assert "Course registrations" in page
    assert "Татарский язык" in page
    assert {"key": "tickets", "title": "Course registrations"}.items() <= (
        document["sections"][-1].items()
    )
    assert document["sections"][-1]["records"] == [
        {"course": "Татарский язык", "seats": 2}
    ]


# Deleting the account


def test_deleting_a_local_account_erases_the_person_and_keeps_the_row(client, person):
    client.force_login(person)
    export = json.loads(client.get("/en/account/data/download/").content)
    anonymised = []

    def anonymise(user):
        # Runs before the identity is erased, so a plugin can still read it.
        anonymised.append((user.pk, user.esia_identity.last_name))

    provider = PersonalDataProvider(
        key="hearings-test",
        title="Submissions",
        fields={},
        collect=lambda user: [],
        anonymise=anonymise,
    )
    with hooks.register_temporarily(HOOK_NAME, lambda: provider):
        form = client.get("/en/account/data/delete/")
        response = client.post("/en/account/data/delete/", {"password": PASSWORD})

    assert form.status_code == 200
    assert 'name="password"' in form.content.decode()
    assert response.status_code == 302
    assert response["Location"] == "/en/account/data/delete/done/"
    assert anonymised == [(person.pk, "Хайруллина")]
    # The export taken before deletion held the identity.
    identity = next(s for s in export["sections"] if s["key"] == "esia_identity")
    assert identity["records"][0]["last_name"] == "Хайруллина"

    deleted = User.objects.get(pk=person.pk)
    assert deleted.username.startswith("deleted-")
    assert deleted.email == ""
    assert deleted.first_name == deleted.last_name == ""
    assert not deleted.is_active
    assert not deleted.has_usable_password()
    assert not EsiaIdentity.objects.filter(subject="esia-1000299353").exists()
    assert not AccessLog.objects.filter(username="gulnara@example.org").exists()
    assert "_auth_user_id" not in client.session
    done = client.get(response["Location"])
    assert "The account is deleted" in done.content.decode()


def test_after_deletion_the_old_credentials_fail_and_the_email_is_free(client, person):
    client.force_login(person)
    client.post("/en/account/data/delete/", {"password": PASSWORD})

    refused = sign_in(Client(), "gulnara@example.org", PASSWORD)
    signup = Client().post(
        "/en/account/signup/",
        {
            "email": "Gulnara@example.org",
            "password1": "Volga-river-2024",
            "password2": "Volga-river-2024",
            "consent": "on",
        },
    )

    assert refused.status_code == 200
    assert "The email or the password is wrong" in refused.content.decode()
    assert signup.status_code == 302
    fresh = User.objects.get(email="gulnara@example.org")
    assert fresh.pk != person.pk
    assert not hasattr(fresh, "esia_identity")


def test_an_esia_only_account_is_deleted_with_a_typed_word(client, esia_only_person):
    client.force_login(esia_only_person)

    form = client.get("/en/account/data/delete/").content.decode()
    wrong = client.post("/en/account/data/delete/", {"confirmation": "yes"})
    right = client.post("/en/account/data/delete/", {"confirmation": " delete "})

    assert 'name="confirmation"' in form
    assert 'name="password"' not in form
    assert "<strong>DELETE</strong>" in form
    assert wrong.status_code == 200
    assert "Please type the word exactly as shown" in wrong.content.decode()
    assert right.status_code == 302
    esia_only_person.refresh_from_db()
    assert not esia_only_person.is_active
    assert not EsiaIdentity.objects.filter(user=esia_only_person).exists()


@pytest.mark.parametrize(
    "data",
    [
        {},
        {"password": "wrong"},
        {"password": "x" * 100_000},
        {"confirmation": "DELETE"},
    ],
)
def test_a_wrong_or_missing_confirmation_deletes_nothing(client, person, data):
    client.force_login(person)

    response = client.post("/en/account/data/delete/", data)

    assert response.status_code == 200
    assert 'role="alert"' in response.content.decode()
    person.refresh_from_db()
    assert person.is_active
    assert person.email == "gulnara@example.org"
    assert EsiaIdentity.objects.filter(user=person).exists()


def test_guessing_the_password_on_the_delete_page_is_locked_out(client, person):
    client.force_login(person)
    for _attempt in range(5):
        response = client.post("/en/account/data/delete/", {"password": "wrong"})

    assert response.status_code == 429
    assert "Too many unsuccessful attempts" in response.content.decode()
    person.refresh_from_db()
    assert person.is_active


def test_deletion_needs_a_post_with_the_csrf_token(person):
    client = Client(enforce_csrf_checks=True)
    client.force_login(person)

    client.get("/en/account/data/delete/")
    response = client.post("/en/account/data/delete/", {"password": PASSWORD})

    assert response.status_code == 403
    person.refresh_from_db()
    assert person.is_active


def test_a_failing_anonymiser_rolls_everything_back(client, person):
    def first(user):
        # A change made inside the deletion transaction…
        User.objects.filter(pk=user.pk).update(last_name="anonymised")

    def second(user):
        raise RuntimeError("hearings storage is unavailable")

    providers = [
        PersonalDataProvider(
            key=f"test-{index}",
            title="Test",
            fields={},
            collect=lambda user: [],
            anonymise=anonymise,
        )
        for index, anonymise in enumerate((first, second))
    ]
    client.force_login(person)

    with hooks.register_temporarily(
        [(HOOK_NAME, lambda: providers[0]), (HOOK_NAME, lambda: providers[1])]
    ):
        response = client.post("/en/account/data/delete/", {"password": PASSWORD})

    assert response.status_code == 500
    assert "nothing was changed" in response.content.decode()
    person.refresh_from_db()
    # …is undone together with everything else.
    assert person.last_name == ""
    assert person.is_active
    assert person.email == "gulnara@example.org"
    assert person.username == "gulnara@example.org"
    assert person.check_password(PASSWORD)
    assert EsiaIdentity.objects.filter(user=person, subject="esia-1000299353").exists()
    assert int(client.session["_auth_user_id"]) == person.pk


def test_staff_accounts_are_not_deleted_from_the_residents_pages(client, admin_user):
    client.force_login(admin_user)

    response = client.post("/en/account/data/delete/", {"password": "root-pass"})

    assert response.status_code == 403
    admin_user.refresh_from_db()
    assert admin_user.is_active


# Identification data stays private


def test_identification_data_never_appears_on_public_pages(client, person):
    private = ("Хайруллина", "Ринатовна", "Баумана", "1021602841391", "1951")
    pages = [Client().get(f"/{code}/").content.decode() for code in ("ru", "tt", "en")]
    client.force_login(person)
    pages.append(client.get("/ru/").content.decode())
    pages.append(client.get("/ru/account/profile/").content.decode())

    for content in pages:
        for text in private:
            assert text not in content


def test_the_account_pages_show_only_the_signed_in_persons_data(
    client, person, resident
):
    client.force_login(resident)

    pages = [
        client.get("/en/account/profile/").content.decode(),
        client.get("/en/account/data/").content.decode(),
        client.get("/en/account/data/download/").content.decode("utf-8"),
    ]

    for content in pages:
        assert "resident@example.org" in content
        for text in ("gulnara@example.org", "Хайруллина", "1021602841391"):
            assert text not in content
