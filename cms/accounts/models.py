"""Accounts of residents and staff, and the identity ESIA confirmed for a resident."""

from django.contrib.auth.models import AbstractUser
from django.db import models
from django.db.models.functions import Lower
from django.utils.translation import gettext_lazy as _


class User(AbstractUser):
    """A resident or a staff member. Residents sign in by email or through ESIA."""

    email_verified = models.BooleanField(
        _("email confirmed"),
        default=False,
        help_text=_("The owner has followed the confirmation link sent to the email."),
    )

    class Meta(AbstractUser.Meta):
        swappable = "AUTH_USER_MODEL"
        verbose_name = _("user")
        verbose_name_plural = _("users")
        constraints = [
            models.UniqueConstraint(
                Lower("email"),
                condition=~models.Q(email=""),
                name="accounts_user_email_unique_ci",
                violation_error_message=_("An account with this email already exists."),
            )
        ]

    @property
    def is_verified_resident(self):
        """Whether ESIA confirmed the identity (required to submit to hearings)."""
        identity = getattr(self, "esia_identity", None)
        return identity is not None and identity.trusted


class EsiaIdentity(models.Model):
    """What ESIA says about the person behind an account: private, legally required.

    Identification data is shown only to the person and to organisers of a hearing
    the person submitted to; it never appears in public pages, feeds, search or exports.
    """

    class Kind(models.TextChoices):
        PERSON = "person", _("natural person")
        LEGAL_ENTITY = "legal_entity", _("legal entity")

    user = models.OneToOneField(
        User,
        verbose_name=_("user"),
        on_delete=models.CASCADE,
        related_name="esia_identity",
    )
    subject = models.CharField(_("ESIA subject"), max_length=255, unique=True)
    trusted = models.BooleanField(
        _("confirmed identity"),
        default=False,
        help_text=_("ESIA reports a confirmed (trusted) account."),
    )
    kind = models.CharField(
        _("kind"), max_length=20, choices=Kind.choices, default=Kind.PERSON
    )
    last_name = models.CharField(_("last name"), max_length=150, blank=True)
    first_name = models.CharField(_("first name"), max_length=150, blank=True)
    middle_name = models.CharField(_("patronymic"), max_length=150, blank=True)
    birth_date = models.DateField(_("date of birth"), null=True, blank=True)
    address = models.TextField(_("address"), blank=True)
    organisation_name = models.CharField(
        _("organisation name"), max_length=500, blank=True
    )
    ogrn = models.CharField(_("OGRN"), max_length=15, blank=True)
    first_verified_at = models.DateTimeField(_("first signed in"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)

    class Meta:
        verbose_name = _("ESIA identity")
        verbose_name_plural = _("ESIA identities")

    def __str__(self):
        return self.full_name or self.organisation_name or self.subject

    @property
    def full_name(self):
        return " ".join(
            part for part in (self.last_name, self.first_name, self.middle_name) if part
        )
