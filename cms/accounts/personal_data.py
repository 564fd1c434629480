"""What the site stores about a person (Federal Law 152-FZ), section by section.

The accounts app describes its own sections here. A plugin adds what it stores by
registering a callable under the Wagtail hook ``register_personal_data`` that returns a
:class:`PersonalDataProvider`; ``cms`` never imports a plugin by name.
"""

from collections.abc import Callable
from dataclasses import dataclass, field

from django.utils.translation import gettext_lazy as _

from wagtail import hooks

from axes.models import AccessFailureLog, AccessLog

HOOK_NAME = "register_personal_data"


@dataclass(frozen=True)
class PersonalDataProvider:
    """One kind of personal data: how to list it, and how to remove it on deletion.

    ``collect(user)`` returns a list of records, each a dict keyed like ``fields``
    (values: str, number, bool, date, datetime or None). ``anonymise(user)``, when
    given, runs inside the account deletion transaction before the account's own data
    is erased: keep legal records but strip the person from what is public.
    """

    key: str
    title: str
    fields: dict[str, str]
    collect: Callable
    anonymise: Callable | None = None
    description: str = ""


@dataclass(frozen=True)
class Entry:
    label: str
    value: object


@dataclass(frozen=True)
class Section:
    """One provider's data for one user, ready for the page and the JSON export."""

    key: str
    title: str
    description: str
    fields: dict[str, str]
    records: list[dict] = field(default_factory=list)

    @property
    def entries(self):
        """Records as lists of labelled values, in the provider's field order."""
        return [
            [Entry(label, record.get(key)) for key, label in self.fields.items()]
            for record in self.records
        ]

    def as_json(self):
        return {
            "key": self.key,
            "title": str(self.title),
            "records": [
                {key: record.get(key) for key in self.fields} for record in self.records
            ],
        }


def _account_records(user):
    return [
        {
            "email": user.email,
            "email_verified": user.email_verified,
            "name": user.get_full_name(),
            "username": user.username,
            "date_joined": user.date_joined,
            "last_login": user.last_login,
            "has_password": user.has_usable_password(),
        }
    ]


def _esia_records(user):
    identity = getattr(user, "esia_identity", None)
    if identity is None:
        return []
    return [
        {
            "subject": identity.subject,
            "trusted": identity.trusted,
            "kind": identity.get_kind_display(),
            "last_name": identity.last_name,
            "first_name": identity.first_name,
            "middle_name": identity.middle_name,
            "birth_date": identity.birth_date,
            "address": identity.address,
            "organisation_name": identity.organisation_name,
            "ogrn": identity.ogrn,
            "first_verified_at": identity.first_verified_at,
            "updated_at": identity.updated_at,
        }
    ]


def _sign_in_records(user):
    return list(
        AccessLog.objects.filter(username=user.get_username())
        .order_by("-attempt_time")
        .values("attempt_time", "logout_time", "ip_address", "user_agent")
    )


def _failed_sign_in_records(user):
    return list(
        AccessFailureLog.objects.filter(username=user.get_username())
        .order_by("-attempt_time")
        .values("attempt_time", "ip_address", "user_agent")
    )


ACCOUNT = PersonalDataProvider(
    key="account",
    title=_("Your account"),
    description=_("What you gave when you signed up, and when you use the site."),
    fields={
        "email": _("Email"),
        "email_verified": _("Email confirmed"),
        "name": _("Name"),
        "username": _("Account name in the system"),
        "date_joined": _("Account created"),
        "last_login": _("Last sign-in"),
        "has_password": _("Password set (we store only a scrambled form of it)"),
    },
    collect=_account_records,
)

ESIA_IDENTITY = PersonalDataProvider(
    key="esia_identity",
    title=_("Data from Gosuslugi (ESIA)"),
    description=_(
        "What Gosuslugi sent when you signed in through it. Only you see it here; "
        "organisers of a public hearing see it only for your submissions to it."
    ),
    fields={
        "subject": _("Gosuslugi account number"),
        "trusted": _("Confirmed account"),
        "kind": _("Kind"),
        "last_name": _("Last name"),
        "first_name": _("First name"),
        "middle_name": _("Patronymic"),
        "birth_date": _("Date of birth"),
        "address": _("Address"),
        "organisation_name": _("Organisation"),
        "ogrn": _("OGRN"),
        "first_verified_at": _("First signed in through Gosuslugi"),
        "updated_at": _("Last updated from Gosuslugi"),
    },
    collect=_esia_records,
)

SIGN_INS = PersonalDataProvider(
    key="sign_ins",
    title=_("Sign-ins"),
    description=_("Kept to protect your account from people guessing passwords."),
    fields={
        "attempt_time": _("Signed in"),
        "logout_time": _("Signed out"),
        "ip_address": _("Internet address"),
        "user_agent": _("Browser"),
    },
    collect=_sign_in_records,
)

FAILED_SIGN_INS = PersonalDataProvider(
    key="failed_sign_ins",
    title=_("Unsuccessful sign-in attempts"),
    description=_("Kept to protect your account from people guessing passwords."),
    fields={
        "attempt_time": _("Time"),
        "ip_address": _("Internet address"),
        "user_agent": _("Browser"),
    },
    collect=_failed_sign_in_records,
)

CORE_PROVIDERS = (ACCOUNT, ESIA_IDENTITY, SIGN_INS, FAILED_SIGN_INS)


def get_providers():
    """The accounts app's own providers, then each plugin's, in hook order."""
    return [*CORE_PROVIDERS, *(register() for register in hooks.get_hooks(HOOK_NAME))]


def collect_sections(user):
    """Every section of personal data stored about the user."""
    return [
        Section(
            key=provider.key,
            title=provider.title,
            description=provider.description,
            fields=provider.fields,
            records=list(provider.collect(user)),
        )
        for provider in get_providers()
    ]


def anonymise_everywhere(user):
    """Run every registered anonymiser; the caller holds the transaction."""
    for provider in get_providers():
        if provider.anonymise is not None:
            provider.anonymise(user)
