"""The OpenID Connect client for signing in with ESIA: authorization code with PKCE.

``start()`` makes an attempt (state, nonce, PKCE verifier) kept in the session and
returns the provider's authorization URL. ``pop_attempt()`` takes the attempt a
callback names, once; ``finish()`` exchanges the code, verifies the ID token and
returns the ``EsiaPerson``. Every failure is an ``EsiaError``: a message for the
visitor, an HTTP status, and a reason for the log. See docs/identity.md.
"""

import secrets
import time
from dataclasses import asdict, dataclass

from django.conf import settings
from django.urls import NoReverseMatch, reverse
from django.utils import translation
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

import requests
from authlib.integrations.requests_client import OAuth2Session, OAuthError
from joserfc import jwt
from joserfc.errors import ClaimError, ExpiredTokenError, JoseError

from .esia import get_adapter

SESSION_KEY = "esia_oidc_attempts"
# A visitor may take a while at Gosuslugi, but not all day.
ATTEMPT_MAX_AGE = 15 * 60
# Two tabs or a double click start several attempts; keep a few, not unbounded.
MAX_PENDING_ATTEMPTS = 5
# Clock difference tolerated between us and the provider, in seconds.
CLOCK_SKEW = 60
# Claims that only the verified ID token may set, never the userinfo response.
ID_TOKEN_ONLY = frozenset({"iss", "sub", "aud", "azp", "exp", "iat", "nonce"})


class EsiaError(Exception):
    """A sign-in that cannot go on; ``message`` is for the visitor, ``reason`` for logs.

    Log reasons carry no personal data: they name what failed, never whom.
    """

    status = 400
    reason = "failed"
    title = _("You are not signed in")
    message = _(
        "Gosuslugi could not confirm your sign-in. Nothing has been changed on "
        "this site."
    )
    hint = _("Please try again. If it does not work, sign in with your email.")

    def __init__(self, reason=None):
        if reason:
            self.reason = reason
        super().__init__(self.reason)


class EsiaNotConfigured(EsiaError):
    status = 404
    reason = "not_configured"
    title = _("Signing in with Gosuslugi is not available")
    message = _("This site does not offer signing in with Gosuslugi at the moment.")
    hint = _("You can sign in with your email and password instead.")


class ProviderUnavailable(EsiaError):
    status = 503
    reason = "provider_unavailable"
    title = _("Gosuslugi is not answering")
    message = _(
        "We could not reach Gosuslugi. This is not your fault, and nothing has "
        "been changed on this site."
    )
    hint = _("Please try again in a few minutes.")


class AttemptNotFound(EsiaError):
    reason = "unknown_state"
    message = _(
        "This sign-in link has expired or has already been used, so you are not "
        "signed in."
    )
    hint = _("Please start signing in with Gosuslugi again.")


class AccessDenied(EsiaError):
    reason = "access_denied"
    title = _("You did not allow sharing your data")
    message = _(
        "You did not allow Gosuslugi to share your data with this site, so you "
        "are not signed in."
    )
    hint = _("To sign in, try again and press the button that allows sharing the data.")


class ProviderRefused(EsiaError):
    reason = "provider_refused"


class InvalidIdToken(EsiaError):
    reason = "invalid_id_token"
    message = _(
        "The answer from Gosuslugi did not pass our security check, so you are not "
        "signed in. Nothing has been changed on this site."
    )


class SessionChanged(EsiaError):
    reason = "session_changed"
    message = _(
        "You signed in or out in another window while Gosuslugi was open, so "
        "nothing has been linked."
    )
    hint = _("Please start again from your profile page.")


class MissingClaims(EsiaError):
    reason = "missing_claims"
    hint = _(
        "Check that this information is filled in and confirmed in your Gosuslugi "
        "account, allow sharing it with this site, and try again."
    )

    def __init__(self, fields):
        self.fields = fields
        super().__init__()

    @property
    def message(self):
        return gettext(
            "Gosuslugi did not send all the information we need: %(fields)s."
        ) % {"fields": ", ".join(str(field) for field in self.fields)}


@dataclass(frozen=True)
class OidcConfig:
    """``settings.ESIA_OIDC``, read when a request needs it (tests change it)."""

    issuer: str = ""
    discovery_url: str = ""
    client_id: str = ""
    client_secret: str = ""
    scopes: str = "openid"
    adapter: str = "cms.accounts.esia.StandardOidcAdapter"
    timeout: float = 10

    @classmethod
    def from_settings(cls):
        values = getattr(settings, "ESIA_OIDC", None) or {}
        defaults = cls()
        return cls(
            issuer=(values.get("ISSUER") or "").rstrip("/"),
            discovery_url=values.get("DISCOVERY_URL") or "",
            client_id=values.get("CLIENT_ID") or "",
            client_secret=values.get("CLIENT_SECRET") or "",
            scopes=values.get("SCOPES") or defaults.scopes,
            adapter=values.get("ADAPTER") or defaults.adapter,
            timeout=values.get("TIMEOUT") or defaults.timeout,
        )

    @property
    def is_configured(self):
        return bool(self.client_id and (self.issuer or self.discovery_url))

    @property
    def metadata_url(self):
        return self.discovery_url or f"{self.issuer}/.well-known/openid-configuration"


@dataclass(frozen=True)
class Attempt:
    """One sign-in in progress, kept in the session until its callback arrives."""

    state: str
    nonce: str
    code_verifier: str
    redirect_uri: str
    language: str
    next_url: str = ""
    # Set when a signed-in visitor links ESIA to their own account.
    user_id: int | None = None
    started_at: float = 0.0

    @property
    def is_expired(self):
        return time.time() - self.started_at > ATTEMPT_MAX_AGE


def esia_config():
    return OidcConfig.from_settings()


def esia_enabled():
    """Whether the "Sign in with Gosuslugi" button should be offered."""
    return esia_config().is_configured


def esia_context(request):
    """Context processor (or helper for a view): ``esia_enabled`` for templates."""
    return {"esia_enabled": esia_enabled()}


def callback_path():
    """The callback's path, the same in every language (the provider registers it).

    ``cms/urls.py`` routes ``/esia/callback/`` as "esia_callback"; without that
    route the default language's account URL stands in.
    """
    try:
        return reverse("esia_callback")
    except NoReverseMatch:
        with translation.override(settings.LANGUAGE_CODE):
            return reverse("accounts:esia_callback")


def start(request, next_url=""):
    """Begin a sign-in (or a link, for a signed-in visitor): the URL to send them to."""
    config = _require_config()
    metadata = load_metadata(config)
    adapter = get_adapter(config)
    user = getattr(request, "user", None)
    attempt = Attempt(
        state=secrets.token_urlsafe(32),
        nonce=secrets.token_urlsafe(32),
        code_verifier=secrets.token_urlsafe(64),
        redirect_uri=request.build_absolute_uri(callback_path()),
        language=translation.get_language() or settings.LANGUAGE_CODE,
        next_url=next_url,
        user_id=user.pk if user is not None and user.is_authenticated else None,
        started_at=time.time(),
    )
    params = {
        "scope": config.scopes,
        "nonce": attempt.nonce,
        "redirect_uri": attempt.redirect_uri,
    }
    params.update(adapter.extra_authorize_params(params))
    with OAuth2Session(
        client_id=config.client_id, code_challenge_method="S256"
    ) as client:
        url, _state = client.create_authorization_url(
            metadata["authorization_endpoint"],
            state=attempt.state,
            code_verifier=attempt.code_verifier,
            **params,
        )
    _remember(request, attempt)
    return url


def pop_attempt(request):
    """The attempt the callback's ``state`` names, removed so that it serves once."""
    state = request.GET.get("state", "")
    attempts = dict(request.session.get(SESSION_KEY, {}))
    data = attempts.pop(state, None) if state else None
    if data is None:
        raise AttemptNotFound()
    request.session[SESSION_KEY] = attempts
    attempt = _attempt_from(data)
    if attempt is None or attempt.is_expired:
        raise AttemptNotFound("expired_state")
    return attempt


def finish(request, attempt):
    """Check ``attempt``'s callback with the provider; the person it vouches for."""
    config = _require_config()
    error = request.GET.get("error")
    if error == "access_denied":
        raise AccessDenied()
    if error:
        raise ProviderRefused(f"authorization_error:{error[:40]}")
    code = request.GET.get("code")
    if not code:
        raise ProviderRefused("missing_code")

    metadata = load_metadata(config)
    # RFC 9207: a provider that names itself in the callback must be ours.
    callback_issuer = request.GET.get("iss")
    if callback_issuer is not None and callback_issuer != metadata["issuer"]:
        raise ProviderRefused("callback_issuer_mismatch")

    adapter = get_adapter(config)
    token = _exchange_code(config, adapter, metadata, attempt, code)
    claims = _verify_id_token(config, adapter, metadata, attempt, token)
    userinfo = _userinfo(config, metadata, token, claims["sub"])
    claims.update(
        (name, value) for name, value in userinfo.items() if name not in ID_TOKEN_ONLY
    )
    person = adapter.person_data(token, claims)
    missing = person.missing_fields()
    if missing:
        raise MissingClaims(missing)
    return person


def load_metadata(config):
    """The provider's discovery document, checked enough to be used safely."""
    metadata = _get_json(config.metadata_url, config, "discovery")
    required = ("issuer", "authorization_endpoint", "token_endpoint", "jwks_uri")
    if not all(isinstance(metadata.get(key), str) for key in required):
        raise ProviderUnavailable("discovery_incomplete")
    if config.issuer and metadata["issuer"].rstrip("/") != config.issuer:
        raise ProviderUnavailable("discovery_issuer_mismatch")
    return metadata


def _require_config():
    config = esia_config()
    if not config.is_configured:
        raise EsiaNotConfigured()
    return config


def _remember(request, attempt):
    attempts = {}
    for state, data in request.session.get(SESSION_KEY, {}).items():
        pending = _attempt_from(data)
        if pending is not None and not pending.is_expired:
            attempts[state] = data
    attempts[attempt.state] = asdict(attempt)
    newest = sorted(attempts.items(), key=lambda item: item[1]["started_at"])
    request.session[SESSION_KEY] = dict(newest[-MAX_PENDING_ATTEMPTS:])


def _attempt_from(data):
    # A session written by an older release may hold attempts of another shape.
    try:
        return Attempt(**data)
    except TypeError:
        return None


def _get_json(url, config, what, **kwargs):
    try:
        response = requests.get(url, timeout=config.timeout, **kwargs)
    except requests.RequestException as error:
        raise ProviderUnavailable(
            f"{what}_unreachable:{type(error).__name__}"
        ) from error
    if response.status_code != 200:
        raise ProviderUnavailable(f"{what}_http_{response.status_code}")
    try:
        data = response.json()
    except ValueError as error:
        raise ProviderUnavailable(f"{what}_not_json") from error
    if not isinstance(data, dict):
        raise ProviderUnavailable(f"{what}_not_object")
    return data


def _exchange_code(config, adapter, metadata, attempt, code):
    params = {
        "code": code,
        "redirect_uri": attempt.redirect_uri,
        "code_verifier": attempt.code_verifier,
    }
    params.update(adapter.extra_token_params(params))
    client = OAuth2Session(
        client_id=config.client_id,
        client_secret=adapter.client_secret(params),
        token_endpoint_auth_method=adapter.token_endpoint_auth_method,
    )
    with client:
        try:
            token = client.fetch_token(
                metadata["token_endpoint"],
                grant_type="authorization_code",
                timeout=config.timeout,
                **params,
            )
        except OAuthError as error:
            # invalid_grant: the code was used already, expired, or not ours.
            raise ProviderRefused(f"token_error:{str(error.error)[:40]}") from error
        except requests.HTTPError as error:
            status = error.response.status_code if error.response is not None else 0
            if status >= 500 or not status:
                raise ProviderUnavailable(f"token_http_{status}") from error
            raise ProviderRefused(f"token_http_{status}") from error
        except requests.RequestException as error:
            raise ProviderUnavailable(
                f"token_unreachable:{type(error).__name__}"
            ) from error
        except ValueError as error:
            raise ProviderUnavailable("token_not_json") from error
    if not isinstance(token.get("id_token"), str):
        raise InvalidIdToken("no_id_token")
    return dict(token)


def _verify_id_token(config, adapter, metadata, attempt, token):
    jwks = _get_json(metadata["jwks_uri"], config, "jwks")
    try:
        claims = adapter.verify_id_token(token["id_token"], jwks)
    except (JoseError, ValueError, KeyError, TypeError) as error:
        raise InvalidIdToken(f"signature:{type(error).__name__}") from error
    registry = jwt.JWTClaimsRegistry(
        leeway=CLOCK_SKEW,
        iss={"essential": True, "value": metadata["issuer"]},
        aud={"essential": True, "value": config.client_id},
        sub={"essential": True},
        exp={"essential": True},
        iat={"essential": True},
        nonce={"essential": True, "value": attempt.nonce},
    )
    try:
        registry.validate(claims)
    except ExpiredTokenError as error:
        raise InvalidIdToken("expired") from error
    except ClaimError as error:
        raise InvalidIdToken(f"claims:{error.error}:{error.claim}") from error
    # With several audiences the token must name us as the party it was issued to.
    audience = claims["aud"]
    several = isinstance(audience, list) and len(audience) > 1
    if several and claims.get("azp") != config.client_id:
        raise InvalidIdToken("claims:azp")
    return dict(claims)


def _userinfo(config, metadata, token, subject):
    endpoint = metadata.get("userinfo_endpoint")
    access_token = token.get("access_token")
    if not endpoint or not access_token:
        return {}
    try:
        info = _get_json(
            endpoint,
            config,
            "userinfo",
            headers={"Authorization": f"Bearer {access_token}"},
        )
    except ProviderUnavailable as error:
        if error.reason in ("userinfo_http_401", "userinfo_http_403"):
            raise ProviderRefused(error.reason) from error
        raise
    # OIDC Core 5.3.2: userinfo about anyone else must not be used.
    if info.get("sub") != subject:
        raise InvalidIdToken("userinfo_subject_mismatch")
    return info
