"""Residents' places on events that need registration, and their attendance."""

import secrets

from django.conf import settings
from django.db import models
from django.db.models import Q
from django.utils.translation import gettext_lazy as _


def new_cancel_token():
    return secrets.token_urlsafe(32)


class Registration(models.Model):
    """A resident's place (or place in the queue) on one event.

    An event and its translations are one course: registrations belong to the
    event's ``translation_key``, so a resident registered on the Tatar page has
    the same place as on the Russian one.
    """

    class Status(models.TextChoices):
        CONFIRMED = "confirmed", _("confirmed")
        WAITLISTED = "waitlisted", _("on the waiting list")
        CANCELLED = "cancelled", _("cancelled")

    event_key = models.UUIDField(_("event"), db_index=True)
    user = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("resident"),
        on_delete=models.CASCADE,
        related_name="event_registrations",
    )
    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.CONFIRMED
    )
    language = models.CharField(_("language"), max_length=10, default="ru")
    created_at = models.DateTimeField(_("registered"), auto_now_add=True)
    confirmed_at = models.DateTimeField(_("place confirmed"), null=True, blank=True)
    cancelled_at = models.DateTimeField(_("cancelled"), null=True, blank=True)
    cancel_token = models.CharField(
        max_length=64, unique=True, default=new_cancel_token, editable=False
    )

    class Meta:
        verbose_name = _("registration")
        verbose_name_plural = _("registrations")
        ordering = ["created_at", "pk"]
        constraints = [
            # Double registration is refused by the database, not only the form.
            models.UniqueConstraint(
                fields=["event_key", "user"],
                condition=~Q(status="cancelled"),
                name="events_registration_one_active_per_user",
            )
        ]
        indexes = [
            models.Index(
                fields=["event_key", "status", "created_at"],
                name="events_reg_queue",
            )
        ]

    def __str__(self):
        return f"{self.user} — {self.get_status_display()}"


class Attendance(models.Model):
    """The editor's mark that a registered resident took part on one date."""

    registration = models.ForeignKey(
        Registration,
        verbose_name=_("registration"),
        on_delete=models.CASCADE,
        related_name="attendances",
    )
    date = models.DateTimeField(_("date and time as planned"))
    marked_at = models.DateTimeField(_("marked"), auto_now=True)

    class Meta:
        verbose_name = _("attendance")
        verbose_name_plural = _("attendance")
        constraints = [
            models.UniqueConstraint(
                fields=["registration", "date"], name="events_attendance_once"
            )
        ]

    def __str__(self):
        return f"{self.registration} — {self.date:%Y-%m-%d %H:%M}"
