"""Submissions of participants: the legal record of the comment period.

A submission is registered once and never deleted: moderation only decides
whether the public register shows its text, and the protocol lists every one.
Identification data is copied from ESIA at the moment of submission (what the
law requires then) and is private: only the author and organisers with the
``view_personal_data`` permission see it.
"""

import os
import uuid

from django.conf import settings
from django.core.files.storage import storages
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from wagtail.search import index

from .procedure import HearingProcedure

ATTACHMENT_EXTENSIONS = ("pdf", "jpg", "jpeg", "png", "doc", "docx", "odt", "txt")
ATTACHMENT_MAX_BYTES = 10 * 1024 * 1024
TEXT_MAX_LENGTH = 10_000


def private_storage():
    """Attachments are never public: they are served by a permission-checked view."""
    return storages["private"]


def attachment_path(instance, filename):
    extension = os.path.splitext(filename)[1].lower()
    return f"hearings/{instance.procedure_id}/{uuid.uuid4().hex}{extension}"


class District(models.TextChoices):
    """Kazan's seven districts, and the whole city for city-wide drafts."""

    CITY = "city", _("Whole city")
    AVIASTROITELNY = "aviastroitelny", _("Aviastroitelny district")
    VAKHITOVSKY = "vakhitovsky", _("Vakhitovsky district")
    KIROVSKY = "kirovsky", _("Kirovsky district")
    MOSKOVSKY = "moskovsky", _("Moskovsky district")
    NOVO_SAVINOVSKY = "novo_savinovsky", _("Novo-Savinovsky district")
    PRIVOLZHSKY = "privolzhsky", _("Privolzhsky district")
    SOVETSKY = "sovetsky", _("Sovetsky district")


class Submission(index.Indexed, models.Model):
    """A proposal, remark or question of a participant, with its registration number."""

    class Kind(models.TextChoices):
        PROPOSAL = "proposal", _("Proposal")
        REMARK = "remark", _("Remark")
        QUESTION = "question", _("Question")

    class Category(models.TextChoices):
        # Article 5.1, part 12: these participants' submissions are listed apart.
        TERRITORY = "territory", _("Lives in or owns property in the territory")
        OTHER = "other", _("Other participant")

    class Moderation(models.TextChoices):
        PENDING = "pending", _("Awaiting moderation")
        PUBLISHED = "published", _("Published")
        HIDDEN = "hidden", _("Hidden from the public register")

    class Answer(models.TextChoices):
        NONE = "", _("Not answered yet")
        ACCEPTED = "accepted", _("Accepted")
        PARTLY = "partly", _("Partly accepted")
        REJECTED = "rejected", _("Rejected")
        OUT_OF_SCOPE = "out_of_scope", _("Not within the scope of the hearing")

    class IdentityKind(models.TextChoices):
        PERSON = "person", _("natural person")
        LEGAL_ENTITY = "legal_entity", _("legal entity")

    procedure = models.ForeignKey(
        HearingProcedure,
        verbose_name=_("hearing"),
        on_delete=models.PROTECT,
        related_name="submissions",
    )
    page = models.ForeignKey(
        "wagtailcore.Page",
        verbose_name=_("submitted on page"),
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
    )
    language = models.CharField(_("language"), max_length=8)
    sequence = models.PositiveIntegerField(_("sequence"))
    number = models.CharField(_("registration number"), max_length=60, unique=True)
    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("author"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="hearing_submissions",
    )
    # The form's one-time token: a retried post returns the stored submission.
    client_token = models.UUIDField(_("form token"))
    kind = models.CharField(_("kind"), max_length=20, choices=Kind.choices)
    category = models.CharField(
        _("participant"), max_length=20, choices=Category.choices
    )
    district = models.CharField(
        _("district of the participant"),
        max_length=30,
        choices=District.choices,
        blank=True,
    )
    text = models.TextField(_("text"), max_length=TEXT_MAX_LENGTH)
    attachment = models.FileField(
        _("attachment"),
        storage=private_storage,
        upload_to=attachment_path,
        blank=True,
        max_length=255,
    )
    attachment_name = models.CharField(_("attachment name"), max_length=255, blank=True)
    attachment_size = models.PositiveIntegerField(_("attachment size"), default=0)

    # Identification as ESIA gave it and the participant confirmed it (private).
    identity_kind = models.CharField(
        _("identity kind"), max_length=20, choices=IdentityKind.choices
    )
    full_name = models.CharField(_("full name"), max_length=500, blank=True)
    birth_date = models.DateField(_("date of birth"), null=True, blank=True)
    address = models.TextField(_("address"), blank=True)
    organisation_name = models.CharField(
        _("organisation name"), max_length=500, blank=True
    )
    ogrn = models.CharField(_("OGRN"), max_length=15, blank=True)
    identity_confirmed_at = models.DateTimeField(_("identification confirmed"))

    received_at = models.DateTimeField(_("received"), db_index=True)

    moderation = models.CharField(
        _("moderation"),
        max_length=20,
        choices=Moderation.choices,
        default=Moderation.PENDING,
        db_index=True,
    )
    moderation_reason = models.TextField(_("reason given to the author"), blank=True)
    moderated_at = models.DateTimeField(_("moderated"), null=True, blank=True)
    moderated_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("moderated by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )

    answer_status = models.CharField(
        _("answer"), max_length=20, choices=Answer.choices, blank=True, default=""
    )
    answer_text = models.TextField(_("reasoned answer"), blank=True)
    answered_at = models.DateTimeField(_("answered"), null=True, blank=True)
    answered_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("answered by"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="+",
    )
    duplicate_of = models.ForeignKey(
        "self",
        verbose_name=_("duplicate of"),
        on_delete=models.SET_NULL,
        null=True,
        blank=True,
        related_name="duplicates",
    )

    search_fields = [
        index.SearchField("text"),
        index.SearchField("number"),
        index.SearchField("answer_text"),
        index.FilterField("procedure_id"),
        index.FilterField("kind"),
        index.FilterField("moderation"),
        index.FilterField("answer_status"),
    ]

    class Meta:
        verbose_name = _("submission")
        verbose_name_plural = _("submissions")
        ordering = ["procedure", "sequence"]
        constraints = [
            models.UniqueConstraint(
                fields=["procedure", "sequence"], name="hearings_submission_sequence"
            ),
            models.UniqueConstraint(
                fields=["author", "client_token"],
                condition=models.Q(author__isnull=False),
                name="hearings_submission_once_per_token",
            ),
        ]
        indexes = [models.Index(fields=["procedure", "moderation", "sequence"])]

    def __str__(self):
        return self.number

    @property
    def is_public(self):
        return self.moderation == self.Moderation.PUBLISHED

    @property
    def is_answered(self):
        return bool(self.answer_status)

    @property
    def author_display(self):
        """Public pages never name the author: the number stands for the person."""
        return _("Participant")


class AnswerTemplate(models.Model):
    """A reasoned answer organisers reuse when they answer many submissions alike."""

    title = models.CharField(_("title"), max_length=255)
    status = models.CharField(
        _("answer"), max_length=20, choices=Submission.Answer.choices[1:]
    )
    text = models.TextField(_("reasoned answer"))
    created_at = models.DateTimeField(_("created"), default=timezone.now)

    class Meta:
        verbose_name = _("answer template")
        verbose_name_plural = _("answer templates")
        ordering = ["title"]

    def __str__(self):
        return self.title
