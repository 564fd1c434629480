"""State changes of local accounts: one function per action, each logged.

Logs name accounts by their numeric id only, never by email or name.
"""

import logging
import secrets

from django.conf import settings
from django.contrib.auth import get_user_model, login, logout
from django.core.cache import cache
from django.core.mail import send_mail
from django.db import IntegrityError, transaction
from django.template.loader import render_to_string
from django.urls import reverse
from django.utils import translation

from wagtail.users.models import UserProfile

from axes.helpers import get_client_ip_address
from axes.models import AccessAttempt, AccessFailureLog, AccessLog

from . import tokens
from .models import EsiaIdentity
from .personal_data import anonymise_everywhere

logger = logging.getLogger(__name__)

# Django's own backend: the one a freshly created local account signs in with.
LOCAL_BACKEND = "django.contrib.auth.backends.ModelBackend"
USERNAME_MAX_LENGTH = 150


class EmailTaken(Exception):
    """Another account took the email between the form check and the insert."""


class RateLimited(Exception):
    """Too many of one action from one place in the window."""


class AccountDeletionFailed(Exception):
    """Deletion was rolled back: nothing about the account changed."""


class RateLimit:
    """A light counter in the cache: at most ``limit`` actions per ``window`` s."""

    def __init__(self, name, limit, window):
        self.name = name
        self.limit = limit
        self.window = window

    def _key(self, subject):
        return f"accounts:rate:{self.name}:{subject}"

    def exceeded(self, subject):
        return cache.get(self._key(subject), 0) >= self.limit

    def hit(self, subject):
        key = self._key(subject)
        # add() only starts the window; incr() keeps its expiry.
        cache.add(key, 0, self.window)
        try:
            cache.incr(key)
        except ValueError:
            cache.set(key, 1, self.window)


SIGNUPS_PER_ADDRESS = RateLimit("signup", 10, 3600)
CONFIRMATION_EMAILS_PER_ACCOUNT = RateLimit("confirm-email", 5, 3600)
PASSWORD_RESETS_PER_ADDRESS = RateLimit("password-reset", 10, 3600)


def client_address(request):
    """The client's IP address as django-axes sees it (same proxy settings)."""
    return get_client_ip_address(request) or "unknown"


def _new_username(email):
    user_model = get_user_model()
    if (
        len(email) <= USERNAME_MAX_LENGTH
        and not user_model.objects.filter(username=email).exists()
    ):
        return email
    return f"user-{secrets.token_hex(8)}"


def sign_up(request, *, email, password, name=""):
    """Open a local account, send the confirmation email and sign the person in."""
    address = client_address(request)
    if SIGNUPS_PER_ADDRESS.exceeded(address):
        raise RateLimited
    user_model = get_user_model()
    email = email.strip().lower()
    try:
        with transaction.atomic():
            user = user_model(
                username=_new_username(email), email=email, first_name=name
            )
            user.set_password(password)
            user.save()
    except IntegrityError as error:
        # The case-insensitive unique constraint on email settles a race that the
        # form check cannot.
        raise EmailTaken from error
    SIGNUPS_PER_ADDRESS.hit(address)
    logger.info("Account %s signed up with email and password", user.pk)
    login(request, user, backend=LOCAL_BACKEND)
    send_confirmation_email(request, user)
    return user


def send_confirmation_email(request, user, language=None):
    """Email the confirmation link in the given (or active) language.

    Returns False when the mail server refused: the account page offers a resend.
    """
    language = language or translation.get_language()
    with translation.override(language):
        path = reverse(
            "accounts:confirm_email",
            kwargs={"token": tokens.make_confirmation_token(user)},
        )
        context = {
            "user": user,
            "confirm_url": request.build_absolute_uri(path),
            "site_name": settings.WAGTAIL_SITE_NAME,
            "valid_days": max(1, tokens.MAX_AGE // (24 * 3600)),
        }
        subject = render_to_string("accounts/email/confirm_email_subject.txt", context)
        body = render_to_string("accounts/email/confirm_email_body.txt", context)
    try:
        send_mail(" ".join(subject.split()), body, None, [user.email])
    except Exception:
        logger.exception("Confirmation email to account %s was not sent", user.pk)
        return False
    CONFIRMATION_EMAILS_PER_ACCOUNT.hit(user.pk)
    logger.info("Confirmation email sent to account %s", user.pk)
    return True


def resend_confirmation_email(request, user):
    """Send the link again, a few times an hour at most."""
    if CONFIRMATION_EMAILS_PER_ACCOUNT.exceeded(user.pk):
        raise RateLimited
    return send_confirmation_email(request, user)


def confirm_email(user):
    """Mark the email confirmed; False when it already was."""
    if user.email_verified:
        return False
    user.email_verified = True
    user.save(update_fields=["email_verified"])
    logger.info("Account %s confirmed its email", user.pk)
    return True


def clear_sign_in_lockout(user):
    """After a password reset the owner may sign in again at once."""
    AccessAttempt.objects.filter(username=user.get_username()).delete()
    logger.info("Sign-in lockout cleared for account %s after a reset", user.pk)


def note_password_reset_request(request):
    PASSWORD_RESETS_PER_ADDRESS.hit(client_address(request))


def password_resets_exhausted(request):
    return PASSWORD_RESETS_PER_ADDRESS.exceeded(client_address(request))


def delete_account(request, user):
    """Erase the person from the account, keep the row, and sign them out.

    Registered anonymisers run first, in the same transaction: if any fails, nothing
    changes. The row stays (inactive, no password, no email) so that legal records
    pointing to it stay valid.
    """
    old_username = user.get_username()
    try:
        with transaction.atomic():
            anonymise_everywhere(user)
            EsiaIdentity.objects.filter(user=user).delete()
            for model in (AccessAttempt, AccessLog, AccessFailureLog):
                model.objects.filter(username=old_username).delete()
            UserProfile.objects.filter(user=user).delete()
            user.username = f"deleted-{secrets.token_hex(8)}"
            user.first_name = ""
            user.last_name = ""
            user.email = ""
            user.email_verified = False
            user.is_active = False
            user.set_unusable_password()
            user.save()
            user.groups.clear()
            user.user_permissions.clear()
    except Exception as error:
        logger.exception("Deleting account %s failed and was rolled back", user.pk)
        user.refresh_from_db()
        raise AccountDeletionFailed from error
    # The ESIA identity deleted above may still be cached on the instance.
    user._state.fields_cache.pop("esia_identity", None)
    logout(request)
    logger.info("Account %s deleted at its owner's request", user.pk)
