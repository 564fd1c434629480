"""The staff's second factor in the admin: set up the app, enter a code, backup codes.

Served under the admin prefix (``wagtail_hooks.register_staff_urls``), so Wagtail
already requires admin access; ``staff.StaffProtectionMiddleware`` sends staff here.
"""

from urllib.parse import urlencode

from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils.http import url_has_allowed_host_and_scheme
from django.views.decorators.http import require_http_methods

import django_otp

from .staff import (
    BACKUP_CODES_SESSION_KEY,
    AuthenticatorSetupForm,
    SecondFactorForm,
    authenticator_qr_code,
    authenticator_secret,
    confirm_authenticator,
    has_authenticator,
    pending_authenticator,
    replace_backup_codes,
)


@require_http_methods(["GET", "POST"])
def setup(request):
    """Add an authenticator app: scan the QR code, confirm with its first code."""
    if has_authenticator(request.user):
        # A second device needs the first one: never let a password alone add one.
        return _redirect_with_next("accounts_staff:verify", request)
    device = pending_authenticator(request.user)
    form = AuthenticatorSetupForm(device, data=request.POST or None)
    if form.is_valid():
        request.session[BACKUP_CODES_SESSION_KEY] = confirm_authenticator(
            request, device
        )
        return _redirect_with_next("accounts_staff:backup_codes", request)
    return render(
        request,
        "accounts/staff_2fa_setup.html",
        {
            "form": form,
            "qr_code": authenticator_qr_code(device),
            "secret": authenticator_secret(device),
            "next": _next_url(request),
        },
    )


@require_http_methods(["GET", "POST"])
def verify(request):
    """Enter a code from the app (or a backup code) to open the admin."""
    if request.user.is_verified():
        return redirect(_next_url(request))
    if not has_authenticator(request.user):
        return _redirect_with_next("accounts_staff:setup", request)
    form = SecondFactorForm(request.user, data=request.POST or None)
    if form.is_valid():
        django_otp.login(request, form.device)
        return redirect(_next_url(request))
    return render(
        request,
        "accounts/staff_2fa_verify.html",
        {"form": form, "next": _next_url(request)},
    )


@require_http_methods(["GET", "POST"])
def backup_codes(request):
    """Show new backup codes once; a POST replaces them with a new set."""
    if request.method == "POST":
        request.session[BACKUP_CODES_SESSION_KEY] = replace_backup_codes(request.user)
        return _redirect_with_next("accounts_staff:backup_codes", request)
    return render(
        request,
        "accounts/staff_backup_codes.html",
        {
            "codes": request.session.pop(BACKUP_CODES_SESSION_KEY, None),
            "next": _next_url(request),
        },
    )


def _next_url(request):
    url = request.POST.get("next") or request.GET.get("next")
    if url and url_has_allowed_host_and_scheme(
        url, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return url
    return reverse("wagtailadmin_home")


def _redirect_with_next(view_name, request):
    query = urlencode({"next": _next_url(request)})
    return redirect(f"{reverse(view_name)}?{query}")
