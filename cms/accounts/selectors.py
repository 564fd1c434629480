"""Read side of local accounts and personal data: lookups and page-ready answers."""

import json
from dataclasses import dataclass

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.serializers.json import DjangoJSONEncoder
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .oidc import esia_enabled
from .personal_data import collect_sections


def email_taken(email):
    """Whether an account already uses this email, ignoring case."""
    return get_user_model().objects.filter(email__iexact=email).exists()


def username_for_login(email):
    """The username to authenticate for a typed email.

    An unknown email is passed on as it is, so that django-axes counts failures
    against it exactly as against a real account.
    """
    username = (
        get_user_model()
        .objects.filter(email__iexact=email)
        .values_list("username", flat=True)
        .first()
    )
    return username or email


def esia_login_available():
    """Whether the Gosuslugi sign-in button can be shown: ESIA is configured."""
    return esia_enabled()


@dataclass(frozen=True)
class EsiaStatus:
    code: str
    label: str


def esia_status(user):
    """Confirmed, not confirmed, or not linked: what ESIA says about the account."""
    identity = getattr(user, "esia_identity", None)
    if identity is None:
        return EsiaStatus("not_linked", _("Not linked to Gosuslugi"))
    if identity.trusted:
        return EsiaStatus("confirmed", _("Confirmed through Gosuslugi"))
    return EsiaStatus(
        "unconfirmed",
        _("Linked to Gosuslugi, but the Gosuslugi account is not confirmed"),
    )


@dataclass(frozen=True)
class Profile:
    """What the account page shows its owner."""

    name: str
    email: str
    email_verified: bool
    needs_email_confirmation: bool
    esia: EsiaStatus
    has_password: bool
    can_delete: bool
    offer_esia_link: bool


def profile_for(user):
    status = esia_status(user)
    return Profile(
        name=user.get_full_name(),
        email=user.email,
        email_verified=user.email_verified,
        needs_email_confirmation=bool(user.email) and not user.email_verified,
        esia=status,
        has_password=user.has_usable_password(),
        can_delete=can_delete_account(user),
        offer_esia_link=status.code != "confirmed" and esia_login_available(),
    )


def can_delete_account(user):
    """Residents delete their own accounts; staff accounts are closed by admins."""
    return user.is_authenticated and not (user.is_staff or user.is_superuser)


def personal_data_sections(user):
    return collect_sections(user)


def personal_data_export(user):
    """The user's personal data as a UTF-8 JSON document (bytes) and its file name."""
    now = timezone.localtime()
    document = {
        "site": str(settings.WAGTAIL_SITE_NAME),
        "generated_at": now,
        "sections": [section.as_json() for section in collect_sections(user)],
    }
    content = json.dumps(
        document, cls=DjangoJSONEncoder, ensure_ascii=False, indent=2
    ).encode("utf-8")
    return content, f"kazan-personal-data-{now.date().isoformat()}.json"
