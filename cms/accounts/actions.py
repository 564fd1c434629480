"""State changes of accounts, one function per action, each logged.

Logs name accounts by their numeric id only: never a name, an email or an ESIA
subject.
"""

import logging
import secrets
from dataclasses import dataclass

from django.contrib.auth import get_user_model
from django.db import IntegrityError, transaction
from django.utils.translation import gettext_lazy as _

from .models import EsiaIdentity
from .oidc import EsiaError

logger = logging.getLogger(__name__)

# ---------------------------------------------------------------------------
# Signing in with ESIA (Gosuslugi) and linking it to an account.
# The protocol is in oidc.py; these functions store what the provider vouched for.
# ---------------------------------------------------------------------------


class EsiaSubjectTaken(EsiaError):
    status = 409
    reason = "subject_taken"
    title = _("This Gosuslugi account is already in use")
    message = _(
        "This Gosuslugi account is already linked to another account on this "
        "site. Nothing has been changed."
    )
    hint = _(
        "Sign out, then sign in with Gosuslugi to use that account. If it is not "
        "yours, please contact us."
    )


class EsiaAlreadyLinked(EsiaError):
    status = 409
    reason = "already_linked"
    title = _("Your account is already linked")
    message = _(
        "Your account on this site is already linked to a different Gosuslugi "
        "account. Nothing has been changed."
    )
    hint = _("If this is a mistake, please contact us.")


class EsiaEmailTaken(EsiaError):
    status = 409
    reason = "email_taken"
    title = _("You already have an account")
    message = _(
        "An account with the email from your Gosuslugi account already exists on "
        "this site, so no new account was made."
    )
    hint = _(
        "Sign in with that email and your password, then link Gosuslugi on your "
        "profile page."
    )


class EsiaAccountInactive(EsiaError):
    status = 403
    reason = "inactive_account"
    title = _("This account is switched off")
    message = _("The account linked to this Gosuslugi account is switched off.")
    hint = _("Please contact us if you think this is a mistake.")


@dataclass(frozen=True)
class EsiaSignIn:
    """Whose account an ESIA sign-in opened, and whether it was made just now."""

    user: object
    created: bool


def sign_in_with_esia(person):
    """The account of ``person``'s ESIA subject, made on first sign-in, data refreshed.

    The subject is unique, so a race of two first sign-ins ends on one account.
    """
    try:
        with transaction.atomic():
            identity = _locked_identity(person.subject)
            if identity is None:
                result = _create_account(person)
            else:
                _check_active(identity.user)
                _update_identity(identity, person)
                result = EsiaSignIn(identity.user, created=False)
    except EsiaError as error:
        logger.warning("ESIA sign-in refused: %s", error.reason)
        raise
    logger.info(
        "ESIA sign-in: user %s, new account: %s, confirmed: %s",
        result.user.pk,
        result.created,
        person.trusted,
    )
    return result


def link_esia_identity(user, person):
    """Link ``person``'s ESIA subject to ``user``'s own account, or refresh the link.

    Refused, changing nothing, when the subject belongs to another account or the
    account is linked to another subject.
    """
    try:
        with transaction.atomic():
            # Serialises links of one account; the subject's row is locked too.
            get_user_model().objects.select_for_update().filter(pk=user.pk).exists()
            identity = _locked_identity(person.subject)
            if identity is not None and identity.user_id != user.pk:
                raise EsiaSubjectTaken()
            own = EsiaIdentity.objects.filter(user_id=user.pk).first()
            if own is not None and own.subject != person.subject:
                raise EsiaAlreadyLinked()
            if identity is None:
                try:
                    with transaction.atomic():
                        identity = EsiaIdentity.objects.create(
                            user=user,
                            subject=person.subject,
                            **person.identity_fields(),
                        )
                except IntegrityError as error:
                    # Another account took the subject since the lookup.
                    raise EsiaSubjectTaken() from error
            else:
                _update_identity(identity, person)
            _update_user(user, person)
    except EsiaError as error:
        logger.warning("ESIA link refused for user %s: %s", user.pk, error.reason)
        raise
    # The relation cached on the instance may predate the link.
    user._state.fields_cache["esia_identity"] = identity
    logger.info("ESIA linked: user %s, confirmed: %s", user.pk, person.trusted)
    return identity


def _locked_identity(subject):
    return (
        EsiaIdentity.objects.select_for_update()
        .select_related("user")
        .filter(subject=subject)
        .first()
    )


def _check_active(user):
    if not user.is_active:
        raise EsiaAccountInactive()


def _create_account(person):
    User = get_user_model()
    if person.email and User.objects.filter(email__iexact=person.email).exists():
        raise EsiaEmailTaken()
    user = User(
        # Not derived from the subject or the name: usernames may show in places.
        username=f"esia-{secrets.token_hex(8)}",
        email=person.email,
        email_verified=bool(person.email) and person.email_verified,
        first_name=person.first_name,
        last_name=person.last_name,
    )
    user.set_unusable_password()
    try:
        with transaction.atomic():
            user.save()
            EsiaIdentity.objects.create(
                user=user, subject=person.subject, **person.identity_fields()
            )
    except IntegrityError as error:
        # A concurrent first sign-in of the same subject won the race: use it.
        identity = _locked_identity(person.subject)
        if identity is None:
            raise EsiaEmailTaken() from error
        _check_active(identity.user)
        _update_identity(identity, person)
        return EsiaSignIn(identity.user, created=False)
    return EsiaSignIn(user, created=True)


def _update_identity(identity, person):
    for field, value in person.identity_fields().items():
        setattr(identity, field, value)
    identity.save()
    _update_user(identity.user, person)


def _update_user(user, person):
    """Fill what the account lacks; never overwrite what its owner chose."""
    changed = []
    if not user.first_name and not user.last_name and person.last_name:
        user.first_name, user.last_name = person.first_name, person.last_name
        changed += ["first_name", "last_name"]
    User = get_user_model()
    email_is_free = (
        person.email
        and not User.objects.filter(email__iexact=person.email)
        .exclude(pk=user.pk)
        .exists()
    )
    if not user.email and email_is_free:
        user.email, user.email_verified = person.email, person.email_verified
        changed += ["email", "email_verified"]
    elif (
        person.email
        and person.email_verified
        and not user.email_verified
        and user.email.lower() == person.email.lower()
    ):
        user.email_verified = True
        changed.append("email_verified")
    if changed:
        user.save(update_fields=changed)
