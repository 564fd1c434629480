"""The protocol and the conclusion, and what residents follow and propose."""

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from .procedure import HearingProcedure
from .submissions import District


class HearingResult(models.Model):
    """The protocol or the conclusion of a hearing, as the organiser published it.

    Its tables come from the submissions; the organiser writes the parts that are
    prose: for the protocol, remarks on how the hearing went; for the conclusion,
    the reasoned recommendations and conclusions (Article 5.1, parts 18 and 22).
    """

    class Kind(models.TextChoices):
        PROTOCOL = "protocol", _("Protocol")
        CONCLUSION = "conclusion", _("Conclusion")

    procedure = models.ForeignKey(
        HearingProcedure,
        verbose_name=_("hearing"),
        on_delete=models.PROTECT,
        related_name="results",
    )
    kind = models.CharField(_("document"), max_length=20, choices=Kind.choices)
    number = models.CharField(_("number"), max_length=60)
    signed_on = models.DateField(_("dated"))
    text = models.TextField(
        _("organiser's text"),
        blank=True,
        help_text=_(
            "Protocol: how the hearing went. Conclusion: the organiser's reasoned "
            "recommendations and conclusions."
        ),
    )
    published_at = models.DateTimeField(_("published"), default=timezone.now)
    published_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("published by"),
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
    )

    class Meta:
        verbose_name = _("hearing result")
        verbose_name_plural = _("hearing results")
        constraints = [
            models.UniqueConstraint(
                fields=["procedure", "kind"], name="hearings_result_once_per_kind"
            )
        ]

    def __str__(self):
        return f"{self.get_kind_display()} {self.number}"


class HearingFollow(models.Model):
    """A person who gets email when the hearing opens, closes, answers or concludes."""

    procedure = models.ForeignKey(
        HearingProcedure,
        verbose_name=_("hearing"),
        on_delete=models.CASCADE,
        related_name="follows",
    )
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("user"),
        on_delete=models.CASCADE,
        related_name="hearing_follows",
    )
    language = models.CharField(_("language of the letters"), max_length=8)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    class Meta:
        verbose_name = _("hearing follower")
        verbose_name_plural = _("hearing followers")
        constraints = [
            models.UniqueConstraint(
                fields=["procedure", "user"], name="hearings_follow_once"
            )
        ]

    def __str__(self):
        return f"{self.user} → {self.procedure}"


class TopicProposal(models.Model):
    """A resident's proposal of a topic the city should put to a hearing."""

    class Status(models.TextChoices):
        NEW = "new", _("New")
        UNDER_REVIEW = "under_review", _("Under review")
        PLANNED = "planned", _("A hearing is planned")
        DECLINED = "declined", _("Declined")

    author = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("author"),
        on_delete=models.SET_NULL,
        null=True,
        related_name="hearing_topic_proposals",
    )
    title = models.CharField(_("topic"), max_length=200)
    description = models.TextField(_("description"), max_length=5000)
    district = models.CharField(
        _("district"), max_length=30, choices=District.choices, blank=True
    )
    language = models.CharField(_("language"), max_length=8)
    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.NEW
    )
    response = models.TextField(_("response to the author"), blank=True)
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    class Meta:
        verbose_name = _("topic proposal")
        verbose_name_plural = _("topic proposals")
        ordering = ["-created_at"]

    def __str__(self):
        return self.title
