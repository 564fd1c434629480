"""Views of signing in with ESIA (Gosuslugi): start, callback, and the notice for
residents whose Gosuslugi account is not confirmed. The protocol is in ``oidc``,
the stored changes in ``actions``; every failure ends on a translated page.
"""

import logging

from django.conf import settings
from django.contrib.auth import login as auth_login
from django.http import HttpResponseRedirect
from django.shortcuts import render, resolve_url
from django.urls import NoReverseMatch, reverse
from django.utils import translation
from django.utils.http import url_has_allowed_host_and_scheme, urlencode
from django.views.decorators.cache import never_cache
from django.views.decorators.http import require_GET

from . import actions, oidc

logger = logging.getLogger(__name__)

# ESIA vouches for the person; Django's own backend only marks the session.
SESSION_BACKEND = "django.contrib.auth.backends.ModelBackend"


@require_GET
@never_cache
def login(request):
    """Send the visitor to Gosuslugi; a signed-in visitor links it to their account."""
    next_url = _safe_next(request, request.GET.get("next", ""))
    try:
        authorization_url = oidc.start(request, next_url=next_url)
    except oidc.EsiaError as error:
        return _error_page(request, error, next_url)
    return HttpResponseRedirect(authorization_url)


@require_GET
@never_cache
def callback(request):
    """Gosuslugi sends the visitor back here, with a code or an error."""
    try:
        attempt = oidc.pop_attempt(request)
    except oidc.EsiaError as error:
        return _error_page(request, error)
    with translation.override(attempt.language):
        request.LANGUAGE_CODE = attempt.language
        try:
            person = oidc.finish(request, attempt)
            user = _sign_in_or_link(request, attempt, person)
        except oidc.EsiaError as error:
            return _error_page(request, error, attempt.next_url)
        next_url = attempt.next_url or _default_next()
        if not user.is_verified_resident:
            next_url = _unconfirmed_url(next_url)
    return HttpResponseRedirect(next_url)


@require_GET
@never_cache
def unconfirmed(request):
    """Why a resident with an unconfirmed Gosuslugi account cannot join hearings."""
    next_url = _safe_next(request, request.GET.get("next", "")) or _default_next()
    user = request.user
    if not user.is_authenticated or user.is_verified_resident:
        return HttpResponseRedirect(next_url)
    return render(request, "accounts/esia_unconfirmed.html", {"next_url": next_url})


def _sign_in_or_link(request, attempt, person):
    if attempt.user_id is not None:
        if request.user.pk != attempt.user_id:
            raise oidc.SessionChanged()
        actions.link_esia_identity(request.user, person)
        return request.user
    user = actions.sign_in_with_esia(person).user
    auth_login(request, user, backend=SESSION_BACKEND)
    return user


def _error_page(request, error, next_url=""):
    logger.warning("ESIA sign-in failed: %s (HTTP %s)", error.reason, error.status)
    retry_url = reverse("accounts:esia_login")
    if next_url:
        retry_url += "?" + urlencode({"next": next_url})
    context = {
        "error": error,
        "retry_url": retry_url if oidc.esia_enabled() else "",
        "login_url": _url_or_empty(settings.LOGIN_URL),
    }
    return render(request, "accounts/esia_error.html", context, status=error.status)


def _safe_next(request, url):
    if url and url_has_allowed_host_and_scheme(
        url, allowed_hosts={request.get_host()}, require_https=request.is_secure()
    ):
        return url
    return ""


def _default_next():
    return _url_or_empty(settings.LOGIN_REDIRECT_URL) or (
        f"/{translation.get_language()}/"
    )


def _unconfirmed_url(next_url):
    return reverse("accounts:esia_unconfirmed") + "?" + urlencode({"next": next_url})


def _url_or_empty(name):
    try:
        return resolve_url(name)
    except NoReverseMatch:
        return ""
