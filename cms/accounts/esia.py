"""What differs between a standard OpenID Connect provider and ESIA (Gosuslugi).

``settings.ESIA_OIDC["ADAPTER"]`` names an ``EsiaAdapter`` subclass; the protocol
client in ``cms.accounts.oidc`` calls its hooks. ``StandardOidcAdapter`` reads
standard claims; an adapter for the real ESIA signs the client secret with a
certified crypto component and reads person data from ESIA's REST API.
"""

import datetime
from dataclasses import dataclass

from django.utils.module_loading import import_string
from django.utils.translation import gettext_lazy as _

from joserfc import jwt
from joserfc.jwk import KeySet

from .models import EsiaIdentity

__all__ = ["EsiaAdapter", "EsiaPerson", "StandardOidcAdapter", "get_adapter"]


@dataclass(frozen=True)
class EsiaPerson:
    """The identity the provider vouches for, mapped onto ``EsiaIdentity``."""

    subject: str
    trusted: bool = False
    kind: str = EsiaIdentity.Kind.PERSON
    last_name: str = ""
    first_name: str = ""
    middle_name: str = ""
    birth_date: datetime.date | None = None
    address: str = ""
    email: str = ""
    email_verified: bool = False
    organisation_name: str = ""
    ogrn: str = ""

    @property
    def is_legal_entity(self):
        return self.kind == EsiaIdentity.Kind.LEGAL_ENTITY

    def missing_fields(self):
        """Names (translated) of the required data the provider did not send."""
        required = [(self.subject, _("account number"))]
        if self.is_legal_entity:
            required += [
                (self.organisation_name, _("organisation name")),
                (self.ogrn, _("OGRN")),
            ]
        else:
            required += [
                (self.last_name, _("last name")),
                (self.first_name, _("first name")),
            ]
        return [label for value, label in required if not value]

    def identity_fields(self):
        """The values ``EsiaIdentity`` stores."""
        return {
            "trusted": self.trusted,
            "kind": self.kind,
            "last_name": self.last_name,
            "first_name": self.first_name,
            "middle_name": self.middle_name,
            "birth_date": self.birth_date,
            "address": self.address,
            "organisation_name": self.organisation_name,
            "ogrn": self.ogrn,
        }


class EsiaAdapter:
    """Hooks for what a provider does its own way; the defaults are standard OIDC.

    ``config`` is the ``cms.accounts.oidc.OidcConfig`` of the current request.
    """

    #: The claim that says the account is confirmed ("trusted" in ESIA's terms).
    trusted_claim = "trusted"
    #: How the client authenticates at the token endpoint (an Authlib method name).
    token_endpoint_auth_method = "client_secret_basic"  # noqa: S105 (a method name)
    #: ID token signature algorithms accepted; never "none" or a shared-secret one.
    id_token_algorithms = ("RS256", "PS256", "ES256", "EdDSA")

    def __init__(self, config):
        self.config = config

    def client_secret(self, params):
        """The secret sent with the token request carrying ``params``.

        ESIA wants a detached signature of some of these parameters instead.
        """
        return self.config.client_secret

    def extra_authorize_params(self, params):
        """Parameters added to the authorization request (ESIA: timestamp etc.)."""
        return {}

    def extra_token_params(self, params):
        """Parameters added to the token request."""
        return {}

    def verify_id_token(self, id_token, jwks):
        """Check the signature against the provider's JWKS; return the claims.

        Raises a ``joserfc.errors.JoseError`` (or ``ValueError``) when it fails.
        ESIA signs with GOST R 34.10-2012, which an ESIA adapter verifies here.
        """
        token = jwt.decode(
            id_token, KeySet.import_key_set(jwks), algorithms=self.id_token_algorithms
        )
        return token.claims

    def person_data(self, token, claims):
        """Map the token response and the verified claims onto an ``EsiaPerson``.

        ``claims`` are the ID token's claims updated with the userinfo response.
        """
        raise NotImplementedError


class StandardOidcAdapter(EsiaAdapter):
    """Standard OpenID Connect claims, plus the flag and the organisation claims.

    Reads ``family_name``/``given_name``/``middle_name``, ``birthdate``
    (``YYYY-MM-DD`` or ESIA's ``DD.MM.YYYY``), ``address`` (a string or an object
    with ``formatted``), ``email``/``email_verified``, the ``trusted_claim``, and
    ``kind``/``organisation_name``/``ogrn`` for legal entities.
    """

    def person_data(self, token, claims):
        kind = (
            EsiaIdentity.Kind.LEGAL_ENTITY
            if claims.get("kind") == EsiaIdentity.Kind.LEGAL_ENTITY
            else EsiaIdentity.Kind.PERSON
        )
        return EsiaPerson(
            subject=_text(claims.get("sub")),
            trusted=_flag(claims.get(self.trusted_claim)),
            kind=kind,
            last_name=_text(claims.get("family_name"))[:150],
            first_name=_text(claims.get("given_name"))[:150],
            middle_name=_text(claims.get("middle_name"))[:150],
            birth_date=parse_birthdate(claims.get("birthdate")),
            address=_address(claims.get("address")),
            email=_text(claims.get("email"))[:254],
            email_verified=_flag(claims.get("email_verified")),
            organisation_name=_text(claims.get("organisation_name"))[:500],
            ogrn=_text(claims.get("ogrn"))[:15],
        )


def get_adapter(config):
    """The adapter named in the settings, for this request's configuration."""
    return import_string(config.adapter)(config)


def parse_birthdate(value):
    """A date from ``YYYY-MM-DD`` or ``DD.MM.YYYY``; None for anything else.

    OIDC allows ``0000-MM-DD`` for a hidden year: that is no usable date either.
    """
    if not isinstance(value, str):
        return None
    for date_format in ("%Y-%m-%d", "%d.%m.%Y"):
        try:
            return datetime.datetime.strptime(value.strip(), date_format).date()
        except ValueError:
            continue
    return None


def _text(value):
    return value.strip() if isinstance(value, str) else ""


def _flag(value):
    # Some providers send booleans as strings.
    return value is True or (isinstance(value, str) and value.lower() == "true")


def _address(value):
    if isinstance(value, dict):
        value = value.get("formatted")
    return _text(value)
