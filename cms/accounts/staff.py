"""Staff protection: a second factor before any admin page, and shorter sessions.

``StaffProtectionMiddleware`` goes right after django-otp's ``OTPMiddleware``. A
staff member (see ``permissions.is_staff_member``) opens admin pages only once an
authenticator app (TOTP) is set up and a code from it, or a backup code, has been
entered in this session. Their session ends ``STAFF_SESSION_AGE`` seconds after it
first reached the admin. Residents' pages and residents' sessions are untouched.
"""

import time
from base64 import b32encode
from datetime import UTC, datetime
from urllib.parse import urlencode

from django import forms
from django.conf import settings
from django.contrib.auth import logout
from django.contrib.auth.views import redirect_to_login
from django.core.exceptions import ImproperlyConfigured, PermissionDenied
from django.db import transaction
from django.shortcuts import redirect
from django.urls import reverse
from django.utils.safestring import mark_safe
from django.utils.translation import gettext_lazy as _

from wagtail.admin.forms.auth import LoginForm

import django_otp
import qrcode
from django_otp.plugins.otp_static.models import StaticDevice, StaticToken
from django_otp.plugins.otp_totp.models import TOTPDevice
from qrcode.image.svg import SvgPathFillImage

from .permissions import can_access_admin, is_staff_member

SESSION_DEADLINE_KEY = "staff_session_deadline"
BACKUP_CODES_SESSION_KEY = "staff_new_backup_codes"
BACKUP_CODE_COUNT = 10
BACKUP_DEVICE_NAME = "backup"

# Admin views a staff member may open before the second factor.
OPEN_VIEW_NAMES = frozenset(
    {
        "wagtailadmin_login",
        "wagtailadmin_logout",
        "wagtailadmin_sprite",
        "wagtailadmin_javascript_catalog",
        "wagtailadmin_password_reset",
        "wagtailadmin_password_reset_done",
        "wagtailadmin_password_reset_confirm",
        "wagtailadmin_password_reset_complete",
        "accounts_staff:setup",
        "accounts_staff:verify",
    }
)


class StaffProtectionMiddleware:
    """Send unverified staff to the second factor; end staff sessions on time."""

    def __init__(self, get_response):
        self.get_response = get_response

    def __call__(self, request):
        return self.get_response(request)

    def process_view(self, request, view_func, view_args, view_kwargs):
        user = request.user
        if not user.is_authenticated:
            return None
        in_admin = request.path_info.startswith(reverse("wagtailadmin_home"))
        deadline = request.session.get(SESSION_DEADLINE_KEY)
        if deadline is not None and time.time() >= deadline:
            logout(request)
            if in_admin:
                return redirect_to_login(
                    request.get_full_path(), reverse("wagtailadmin_login")
                )
            return None
        # Residents' pages cost nothing more: no permission lookups there.
        if not in_admin or not is_staff_member(user):
            return None
        limit_staff_session(request)
        match = request.resolver_match
        if match is not None and match.view_name in OPEN_VIEW_NAMES:
            return None
        if not hasattr(user, "is_verified"):
            raise ImproperlyConfigured(
                "StaffProtectionMiddleware must come after "
                "django_otp.middleware.OTPMiddleware in MIDDLEWARE."
            )
        if user.is_verified():
            return None
        if request.headers.get("x-requested-with") == "XMLHttpRequest":
            raise PermissionDenied
        step = (
            "accounts_staff:verify"
            if has_authenticator(user)
            else "accounts_staff:setup"
        )
        query = urlencode({"next": request.get_full_path()})
        return redirect(f"{reverse(step)}?{query}")


def limit_staff_session(request):
    """Start the staff session's clock once, and keep the cookie within it."""
    session = request.session
    now = time.time()
    deadline = session.get(SESSION_DEADLINE_KEY)
    if deadline is None:
        deadline = now + settings.STAFF_SESSION_AGE
        session[SESSION_DEADLINE_KEY] = deadline
    # A browser-session cookie (no "remember me") already ends sooner or with the
    # browser; the deadline above still applies to it.
    if session.get_expire_at_browser_close():
        return
    if session.get_expiry_age() > deadline - now:
        session.set_expiry(datetime.fromtimestamp(deadline, tz=UTC))


def has_authenticator(user):
    """Whether the user has a confirmed authenticator app (TOTP device)."""
    return TOTPDevice.objects.devices_for_user(user, confirmed=True).exists()


def pending_authenticator(user):
    """The authenticator being set up: made once and kept until confirmed."""
    device = (
        TOTPDevice.objects.devices_for_user(user, confirmed=False)
        .order_by("pk")
        .first()
    )
    if device is None:
        device = TOTPDevice.objects.create(
            user=user, name="Authenticator app", confirmed=False
        )
    return device


def confirm_authenticator(request, device):
    """Confirm a set-up device, count this session as verified, return backup codes."""
    with transaction.atomic():
        device.confirmed = True
        device.save(update_fields=["confirmed"])
        TOTPDevice.objects.devices_for_user(device.user, confirmed=False).delete()
    django_otp.login(request, device)
    return replace_backup_codes(device.user)


def replace_backup_codes(user):
    """New single-use backup codes; the previous ones stop working."""
    with transaction.atomic():
        device, _created = StaticDevice.objects.get_or_create(
            user=user, name=BACKUP_DEVICE_NAME, defaults={"confirmed": True}
        )
        device.token_set.all().delete()
        codes = [StaticToken.random_token() for _index in range(BACKUP_CODE_COUNT)]
        StaticToken.objects.bulk_create(
            [StaticToken(device=device, token=code) for code in codes]
        )
    return codes


def authenticator_secret(device):
    """The key to type into the app when the QR code cannot be scanned."""
    key = b32encode(device.bin_key).decode("ascii")
    return " ".join(key[i : i + 4] for i in range(0, len(key), 4))


def authenticator_qr_code(device):
    """The device's ``otpauth://`` address as an inline SVG QR code, made locally."""
    image = qrcode.make(device.config_url, image_factory=SvgPathFillImage)
    # qrcode writes the SVG itself from the device's own data.
    return mark_safe(image.to_string(encoding="unicode"))  # noqa: S308


def _clean_code(value):
    return "".join(value.split()).lower()


class AuthenticatorSetupForm(forms.Form):
    """The first code from a newly added authenticator app, which confirms it."""

    code = forms.CharField(
        label=_("Six-digit code from the app"),
        max_length=12,
        widget=forms.TextInput(
            attrs={"autocomplete": "one-time-code", "inputmode": "numeric"}
        ),
    )

    def __init__(self, device, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.device = device

    def clean_code(self):
        code = _clean_code(self.cleaned_data["code"])
        with transaction.atomic():
            if not self.device.verify_token(code):
                raise forms.ValidationError(
                    _(
                        "This code did not match. Check that the app shows the "
                        "account you just added and type the code it shows now."
                    ),
                    code="invalid",
                )
        return code


class SecondFactorForm(forms.Form):
    """A code from the authenticator app, or one of the backup codes."""

    code = forms.CharField(
        label=_("Code"),
        help_text=_("The six digits the app shows, or one of your backup codes."),
        max_length=16,
        widget=forms.TextInput(
            attrs={"autocomplete": "one-time-code", "autocapitalize": "off"}
        ),
    )

    def __init__(self, user, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.user = user
        self.device = None

    def clean_code(self):
        code = _clean_code(self.cleaned_data["code"])
        devices = list(django_otp.devices_for_user(self.user))
        # django-otp slows down guessing: after each wrong code a device refuses
        # codes for a growing delay.
        if devices and not any(d.verify_is_allowed()[0] for d in devices):
            raise forms.ValidationError(
                _("Too many wrong codes. Wait a minute, then try again."),
                code="throttled",
            )
        for device in devices:
            if django_otp.verify_token(self.user, device.persistent_id, code):
                self.device = device
                return code
        raise forms.ValidationError(
            _(
                "This code is not right or has expired. Type the code the app "
                "shows now."
            ),
            code="invalid",
        )


class StaffLoginForm(LoginForm):
    """The admin's sign-in form; it refuses accounts without admin access."""

    error_messages = {
        **LoginForm.error_messages,
        "no_admin_access": _(
            "This account cannot open the administration. Residents sign in on "
            "the site."
        ),
    }

    def confirm_login_allowed(self, user):
        super().confirm_login_allowed(user)
        if not can_access_admin(user):
            raise forms.ValidationError(
                self.error_messages["no_admin_access"], code="no_admin_access"
            )
