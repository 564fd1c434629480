"""Staff protection: a second factor for the admin, lockout, shorter sessions."""

import re
import time

from django.conf import settings as django_settings
from django.contrib.auth import SESSION_KEY

import pytest
from django_otp import DEVICE_ID_SESSION_KEY
from django_otp.oath import totp
from django_otp.plugins.otp_static.models import StaticDevice
from django_otp.plugins.otp_totp.models import TOTPDevice

from cms.accounts.models import User
from cms.accounts.roles import Role, create_roles
from cms.accounts.staff import SESSION_DEADLINE_KEY, StaffLoginForm
from cms.settings import base
from tests.conftest import in_russian

pytestmark = pytest.mark.django_db

MIDDLEWARE = "cms.accounts.staff.StaffProtectionMiddleware"
LOCKOUT_TEMPLATE = "accounts/staff_locked_out.html"
LOGIN_FORM = "cms.accounts.staff.StaffLoginForm"
SETUP = "/admin/two-factor/setup/"
VERIFY = "/admin/two-factor/verify/"
BACKUP_CODES = "/admin/two-factor/backup-codes/"


@pytest.fixture(autouse=True)
def staff_protection(settings):
    """The staff protection settings, also before they reach cms/settings/base.py."""
    if MIDDLEWARE not in settings.MIDDLEWARE:
        position = settings.MIDDLEWARE.index("django_otp.middleware.OTPMiddleware")
        settings.MIDDLEWARE = [
            *settings.MIDDLEWARE[: position + 1],
            MIDDLEWARE,
            *settings.MIDDLEWARE[position + 1 :],
        ]
    if not getattr(settings, "AXES_LOCKOUT_TEMPLATE", None):
        settings.AXES_LOCKOUT_TEMPLATE = LOCKOUT_TEMPLATE
    if not hasattr(settings, "WAGTAILADMIN_USER_LOGIN_FORM"):
        settings.WAGTAILADMIN_USER_LOGIN_FORM = LOGIN_FORM


@pytest.fixture
def roles():
    return create_roles()


@pytest.fixture
def editor(roles):
    user = User.objects.create_user(username="editor", password="editor-pass")
    user.groups.add(roles[Role.CULTURE_EDITOR])
    return user


def current_code(device):
    code = totp(device.bin_key, device.step, device.t0, device.digits, device.drift)
    return f"{code:0{device.digits}d}"


def authenticator(user):
    return TOTPDevice.objects.create(user=user, name="phone", confirmed=True)


def text(response):
    return response.content.decode()


def test_settings_install_the_staff_protection():
    """cms/settings/base.py wires up what the other tests set for themselves."""
    otp = base.MIDDLEWARE.index("django_otp.middleware.OTPMiddleware")
    assert base.MIDDLEWARE.index(MIDDLEWARE) == otp + 1
    assert base.AXES_LOCKOUT_TEMPLATE == LOCKOUT_TEMPLATE
    assert base.WAGTAILADMIN_USER_LOGIN_FORM == LOGIN_FORM


# Second factor


@pytest.mark.parametrize("role", [*Role, "superuser"])
def test_staff_without_an_authenticator_are_sent_to_set_one_up(client, roles, role):
    user = User.objects.create_user(username="staff", password="staff-pass")
    if role == "superuser":
        user.is_superuser = True
        user.save()
    else:
        user.groups.add(roles[role])
    client.force_login(user)
    for path in ("/admin/", "/admin/pages/", "/admin/users/"):
        response = client.get(path)
        assert response.status_code == 302, path
        assert response["Location"].startswith(SETUP), path


def test_setting_up_the_app_shows_a_qr_code_and_prints_backup_codes_once(
    client, editor
):
    client.force_login(editor)
    response = client.get(SETUP, {"next": "/admin/pages/"})
    assert response.status_code == 200
    page = text(response)
    assert "<svg" in page
    device = TOTPDevice.objects.get(user=editor, confirmed=False)
    key = re.search(r'class="staff-2fa__key">([A-Z2-7 ]+)<', page).group(1)
    assert key.replace(" ", "") in device.config_url
    # The pending device survives a reload, so a scanned code stays valid.
    client.get(SETUP)
    assert TOTPDevice.objects.filter(user=editor).count() == 1

    response = client.post(
        SETUP, {"code": current_code(device), "next": "/admin/pages/"}
    )
    assert response.status_code == 302
    assert response["Location"].startswith(BACKUP_CODES)
    device.refresh_from_db()
    assert device.confirmed

    response = client.get(response["Location"])
    codes = re.findall(r"<li>([a-z2-7]{8})</li>", text(response))
    assert len(codes) == 10
    assert set(codes) == set(
        StaticDevice.objects.get(user=editor).token_set.values_list("token", flat=True)
    )
    assert 'href="/admin/pages/"' in text(response)
    # Shown once only.
    assert not re.findall(r"<li>([a-z2-7]{8})</li>", text(client.get(BACKUP_CODES)))
    # This session is verified by the confirmation itself.
    assert client.get("/admin/").status_code == 200


def test_setup_refuses_a_wrong_code(client, editor):
    client.force_login(editor)
    client.get(SETUP)
    response = client.post(SETUP, {"code": "000000"})
    assert response.status_code == 200
    assert 'role="alert"' in text(response)
    assert not TOTPDevice.objects.get(user=editor).confirmed
    assert client.get("/admin/")["Location"].startswith(SETUP)


def test_a_password_alone_cannot_replace_the_authenticator(client, editor):
    authenticator(editor)
    client.force_login(editor)
    response = client.get(SETUP)
    assert response["Location"].startswith(VERIFY)
    assert TOTPDevice.objects.filter(user=editor).count() == 1


def test_staff_with_an_authenticator_enter_a_code_before_the_admin(client, editor):
    device = authenticator(editor)
    client.force_login(editor)
    response = client.get("/admin/pages/")
    assert response.status_code == 302
    assert response["Location"] == f"{VERIFY}?next=%2Fadmin%2Fpages%2F"
    assert client.get(response["Location"]).status_code == 200

    response = client.post(
        VERIFY, {"code": current_code(device), "next": "/admin/pages/"}
    )
    assert response.status_code == 302
    assert response["Location"] == "/admin/pages/"
    assert client.get("/admin/").status_code == 200


def test_a_session_holding_a_verified_device_opens_the_admin(client, admin_user):
    """What a test fixture may do instead of typing a code: django-otp's session key."""
    device = authenticator(admin_user)
    client.force_login(admin_user)
    session = client.session
    session[DEVICE_ID_SESSION_KEY] = device.persistent_id
    session.save()
    assert client.get("/admin/").status_code == 200


def test_new_backup_codes_replace_the_old_ones(client, editor):
    from cms.accounts.staff import replace_backup_codes

    old = replace_backup_codes(editor)
    device = authenticator(editor)
    client.force_login(editor)
    client.post(VERIFY, {"code": current_code(device)})
    account = client.get("/admin/account/")
    assert f'href="{BACKUP_CODES}"' in text(account)

    response = client.post(BACKUP_CODES, {"next": "/admin/"})
    assert response.status_code == 302
    new = re.findall(r"<li>([a-z2-7]{8})</li>", text(client.get(response["Location"])))
    tokens = set(
        StaticDevice.objects.get(user=editor).token_set.values_list("token", flat=True)
    )
    assert tokens == set(new)
    assert not tokens & set(old)


def test_a_wrong_code_is_refused_in_words(client, editor):
    authenticator(editor)
    client.force_login(editor)
    response = client.post(VERIFY, {"code": "123456"})
    assert response.status_code == 200
    assert 'role="alert"' in text(response)
    assert client.get("/admin/")["Location"].startswith(VERIFY)


def test_a_backup_code_opens_the_admin_once(client, editor):
    from cms.accounts.staff import replace_backup_codes

    authenticator(editor)
    code = replace_backup_codes(editor)[0]
    client.force_login(editor)
    assert client.post(VERIFY, {"code": code.upper()}).status_code == 302
    assert client.get("/admin/").status_code == 200

    client.logout()
    client.force_login(editor)
    assert client.post(VERIFY, {"code": code}).status_code == 200
    assert client.get("/admin/")["Location"].startswith(VERIFY)


def test_an_open_redirect_is_not_followed_after_the_code(client, editor):
    device = authenticator(editor)
    client.force_login(editor)
    response = client.post(
        VERIFY, {"code": current_code(device), "next": "https://evil.example/"}
    )
    assert response["Location"] == "/admin/"


def test_admin_scripts_are_refused_before_the_second_factor(client, editor):
    authenticator(editor)
    client.force_login(editor)
    response = client.get(
        "/admin/pages/", headers={"x-requested-with": "XMLHttpRequest"}
    )
    assert response.status_code == 403


def test_staff_may_sign_out_before_the_second_factor(client, editor):
    authenticator(editor)
    client.force_login(editor)
    response = client.post("/admin/logout/")
    assert response.status_code == 302
    assert SESSION_KEY not in client.session


def test_residents_pages_do_not_ask_staff_for_a_code(client, editor):
    authenticator(editor)
    client.force_login(editor)
    assert client.get("/ru/").status_code == 200


def test_residents_are_not_asked_for_a_second_factor(client, resident):
    client.force_login(resident)
    assert client.get("/ru/").status_code == 200
    # The admin turns them away as before: to its login page, not to a code.
    response = client.get("/admin/")
    assert response.status_code == 302
    assert response["Location"].startswith("/admin/login/")


# The admin's sign-in page


def test_staff_sign_in_at_the_admin_leads_to_the_second_factor(client, editor):
    response = client.post(
        "/admin/login/", {"username": "editor", "password": "editor-pass"}
    )
    assert response.status_code == 302
    assert response["Location"] == "/admin/"
    assert client.get("/admin/")["Location"].startswith(SETUP)


def test_a_resident_signing_in_at_the_admin_gets_no_admin(client, resident):
    response = client.post(
        "/admin/login/", {"username": "resident", "password": "resident-pass"}
    )
    assert response.status_code == 200
    message = StaffLoginForm.error_messages["no_admin_access"]
    assert in_russian(message) in text(response)
    assert SESSION_KEY not in client.session
    response = client.get("/admin/")
    assert response.status_code == 302
    assert response["Location"].startswith("/admin/login/")


# Lockout (django-axes)


def sign_in(client, password, address="127.0.0.1"):
    return client.post(
        "/admin/login/",
        {"username": "editor", "password": password},
        REMOTE_ADDR=address,
    )


def test_repeated_wrong_passwords_lock_the_admin_sign_in(client, editor):
    limit = django_settings.AXES_FAILURE_LIMIT
    for _attempt in range(limit - 1):
        assert sign_in(client, "wrong").status_code == 200
    sign_in(client, "wrong")

    response = sign_in(client, "editor-pass")

    assert response.status_code == 429
    assert LOCKOUT_TEMPLATE in [t.name for t in response.templates]
    assert in_russian("Sign-in is paused") in text(response)
    assert 'role="alert"' in text(response)
    assert SESSION_KEY not in client.session


def test_the_lockout_is_for_one_address(client, editor):
    for _attempt in range(django_settings.AXES_FAILURE_LIMIT):
        sign_in(client, "wrong")
    assert sign_in(client, "editor-pass").status_code == 429
    response = sign_in(client, "editor-pass", address="10.0.0.2")
    assert response.status_code == 302
    assert client.session[SESSION_KEY] == str(editor.pk)


def test_fewer_wrong_passwords_than_the_limit_do_not_lock(client, editor):
    for _attempt in range(django_settings.AXES_FAILURE_LIMIT - 1):
        sign_in(client, "wrong")
    assert sign_in(client, "editor-pass").status_code == 302


# Session length


def test_staff_sessions_end_after_the_staff_session_age(client, editor):
    client.post(
        "/admin/login/",
        {"username": "editor", "password": "editor-pass", "remember": "on"},
    )
    client.get("/admin/")
    session = client.session
    assert 0 < session.get_expiry_age() <= django_settings.STAFF_SESSION_AGE
    assert session[SESSION_DEADLINE_KEY] <= time.time() + (
        django_settings.STAFF_SESSION_AGE
    )

    session[SESSION_DEADLINE_KEY] = time.time() - 1
    session.save()
    response = client.get("/admin/pages/")
    assert response.status_code == 302
    assert response["Location"].startswith("/admin/login/")
    assert SESSION_KEY not in client.session


def test_a_browser_session_of_staff_still_ends_on_time(client, editor):
    client.post("/admin/login/", {"username": "editor", "password": "editor-pass"})
    client.get("/admin/")
    session = client.session
    assert session.get_expire_at_browser_close()
    session[SESSION_DEADLINE_KEY] = time.time() - 1
    session.save()
    # Also on residents' pages: the session is signed out there too.
    client.get("/ru/")
    assert SESSION_KEY not in client.session


def test_residents_keep_the_normal_session_age(client, resident):
    client.force_login(resident)
    client.get("/ru/")
    session = client.session
    assert session.get_expiry_age() == django_settings.SESSION_COOKIE_AGE
    assert SESSION_DEADLINE_KEY not in session
