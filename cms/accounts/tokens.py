"""Signed, expiring tokens for the email confirmation link.

A token names the account and a fingerprint of its email and confirmation state, so
it stops working once the email is confirmed or changed, and after ``MAX_AGE``.
"""

import enum
from dataclasses import dataclass

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core import signing
from django.utils.crypto import constant_time_compare, salted_hmac

SALT = "cms.accounts.email-confirmation"
# Three days, like Django's password reset links; a setting may change it.
MAX_AGE = getattr(settings, "ACCOUNTS_EMAIL_CONFIRMATION_MAX_AGE", 3 * 24 * 3600)


class TokenState(enum.Enum):
    VALID = "valid"
    ALREADY_CONFIRMED = "already_confirmed"
    EXPIRED = "expired"
    INVALID = "invalid"


@dataclass(frozen=True)
class TokenCheck:
    """What a confirmation link turned out to be, and for whom when it is genuine."""

    state: TokenState
    user: object = None


def _fingerprint(user):
    value = f"{user.pk}:{user.email.lower()}:{user.email_verified}"
    return salted_hmac(SALT, value).hexdigest()[:20]


def make_confirmation_token(user):
    """A URL-safe token confirming the user's current email."""
    return signing.dumps({"u": user.pk, "f": _fingerprint(user)}, salt=SALT)


def check_confirmation_token(token, max_age=None):
    """Read a token; never raises, whatever the input."""
    try:
        payload = signing.loads(
            token, salt=SALT, max_age=MAX_AGE if max_age is None else max_age
        )
    except signing.SignatureExpired:
        return TokenCheck(TokenState.EXPIRED)
    except (signing.BadSignature, ValueError, TypeError):
        return TokenCheck(TokenState.INVALID)
    if not isinstance(payload, dict) or not isinstance(payload.get("u"), int):
        return TokenCheck(TokenState.INVALID)
    user = (
        get_user_model()
        .objects.filter(pk=payload["u"], is_active=True)
        .exclude(email="")
        .first()
    )
    if user is None:
        return TokenCheck(TokenState.INVALID)
    if constant_time_compare(str(payload.get("f", "")), _fingerprint(user)):
        return TokenCheck(TokenState.VALID, user)
    if user.email_verified:
        return TokenCheck(TokenState.ALREADY_CONFIRMED, user)
    return TokenCheck(TokenState.INVALID)
