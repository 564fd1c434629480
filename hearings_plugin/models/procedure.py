"""The legal procedure of one hearing, shared by its three language versions.

A hearing is published as up to three pages (ru, tt, en) with one
``translation_key``; the procedure is the one record they share: the dates that
decide the stage, the registration-number counter and the row that submissions and
organisers' actions lock, so nothing is accepted at or after the closing instant.
"""

import datetime

from django.conf import settings
from django.db import models
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

# Article 5.1, part 8 of the Town Planning Code: the notice comes out at least
# seven days before the exposition opens.
NOTICE_PERIOD = datetime.timedelta(days=7)


class Stage(models.TextChoices):
    """The stages of Article 5.1, in order."""

    ANNOUNCED = "announced", _("Announced")
    OPEN = "open", _("Exposition open, comments accepted")
    CLOSED = "closed", _("Comments closed")
    PROTOCOL = "protocol", _("Protocol published")
    CONCLUSION = "conclusion", _("Conclusion published")
    ARCHIVED = "archived", _("Archived")


STAGE_ORDER = [stage.value for stage in Stage]


def stage_at(
    announced_at, opens_at, closes_at, protocol_at, conclusion_at, archived_at, now
):
    """The stage a procedure with these dates is in at ``now``."""
    if archived_at and archived_at <= now:
        return Stage.ARCHIVED
    if conclusion_at and conclusion_at <= now:
        return Stage.CONCLUSION
    if protocol_at and protocol_at <= now:
        return Stage.PROTOCOL
    if closes_at <= now:
        return Stage.CLOSED
    if opens_at <= now:
        return Stage.OPEN
    return Stage.ANNOUNCED


class HearingProcedureManager(models.Manager):
    def for_page(self, page):
        """The procedure of a hearing page, made or brought up to date from its dates.

        The page's dates are copied while the exposition has not opened; after that
        they change only through the organisers' actions.
        """
        dates = {
            "announced_at": page.announced_at,
            "opens_at": page.opens_at,
            "closes_at": page.closes_at,
        }
        procedure = self.filter(translation_key=page.translation_key).first()
        if procedure is None:
            return self._create_numbered(page.translation_key, dates)
        if not procedure.has_opened and any(
            getattr(procedure, name) != value for name, value in dates.items()
        ):
            for name, value in dates.items():
                setattr(procedure, name, value)
            procedure.save(update_fields=list(dates))
        return procedure

    def _create_numbered(self, translation_key, dates):
        year = timezone.localtime(dates["opens_at"]).year
        taken = self.filter(reference__startswith=f"{year}/").count()
        for attempt in range(1, 20):
            reference = f"{year}/{taken + attempt:03d}"
            if not self.filter(reference=reference).exists():
                return self.create(
                    translation_key=translation_key, reference=reference, **dates
                )
        raise RuntimeError("No free hearing reference")  # pragma: no cover


class HearingProcedure(models.Model):
    """Dates, stage and numbering of one hearing across its language versions."""

    translation_key = models.UUIDField(_("translation key"), unique=True)
    reference = models.CharField(
        _("reference"),
        max_length=40,
        unique=True,
        help_text=_("Prefix of the registration numbers of the submissions."),
    )
    announced_at = models.DateTimeField(_("notice published"))
    opens_at = models.DateTimeField(_("exposition opens"))
    closes_at = models.DateTimeField(
        _("comments close"),
        help_text=_("The closing instant: nothing is accepted at or after it."),
    )
    protocol_published_at = models.DateTimeField(
        _("protocol published"), null=True, blank=True
    )
    conclusion_published_at = models.DateTimeField(
        _("conclusion published"), null=True, blank=True
    )
    archived_at = models.DateTimeField(_("archived"), null=True, blank=True)
    last_number = models.PositiveIntegerField(_("last registration number"), default=0)
    # The last stage recorded by an action (clock-driven stages are recorded by
    # RecordStageAction, run from a view or `manage.py hearing_stages`).
    recorded_stage = models.CharField(
        _("recorded stage"), max_length=20, choices=Stage.choices, blank=True
    )
    created_at = models.DateTimeField(_("created"), auto_now_add=True)

    objects = HearingProcedureManager()

    class Meta:
        verbose_name = _("hearing procedure")
        verbose_name_plural = _("hearing procedures")

    def __str__(self):
        return self.reference

    def stage_at(self, now):
        return stage_at(
            self.announced_at,
            self.opens_at,
            self.closes_at,
            self.protocol_published_at,
            self.conclusion_published_at,
            self.archived_at,
            now,
        )

    @property
    def stage(self):
        """The stage now, from the dates and the clock."""
        return Stage(self.stage_at(timezone.now()))

    def accepts_submissions_at(self, now):
        return self.stage_at(now) == Stage.OPEN

    @property
    def has_opened(self):
        return self.opens_at <= timezone.now()


class CommentPeriodChange(models.Model):
    """An organiser closed the comment period early or extended it, with a reason."""

    class Kind(models.TextChoices):
        CLOSED_EARLY = "closed_early", _("Closed early")
        EXTENDED = "extended", _("Extended")

    procedure = models.ForeignKey(
        HearingProcedure,
        verbose_name=_("hearing"),
        on_delete=models.CASCADE,
        related_name="period_changes",
    )
    kind = models.CharField(_("change"), max_length=20, choices=Kind.choices)
    previous_closes_at = models.DateTimeField(_("closed before the change"))
    closes_at = models.DateTimeField(_("closes after the change"))
    reason = models.TextField(_("reason"))
    changed_by = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("changed by"),
        on_delete=models.SET_NULL,
        null=True,
        related_name="+",
    )
    changed_at = models.DateTimeField(_("changed"), default=timezone.now)

    class Meta:
        verbose_name = _("comment period change")
        verbose_name_plural = _("comment period changes")
        ordering = ["changed_at", "pk"]

    def __str__(self):
        return f"{self.procedure} {self.get_kind_display()}"
