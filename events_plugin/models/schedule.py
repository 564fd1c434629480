"""The programme's dates as rows, so the guide can query, filter and page them."""

from django.db import models
from django.utils.translation import gettext_lazy as _


class EventOccurrence(models.Model):
    """One date of a live event page, its exception applied.

    Derived from the page's sessions and changes whenever the page is saved with
    its children (publishing does); never edited by hand. Each language version
    of an event has its own rows.
    """

    page = models.ForeignKey(
        "events.EventPage",
        verbose_name=_("event"),
        on_delete=models.CASCADE,
        related_name="stored_occurrences",
    )
    session_index = models.PositiveSmallIntegerField(_("session"), default=0)
    start = models.DateTimeField(_("starts"))
    end = models.DateTimeField(_("ends"))
    original_start = models.DateTimeField(_("date and time as planned"))
    cancelled = models.BooleanField(_("cancelled"), default=False)
    moved = models.BooleanField(_("moved"), default=False)
    online = models.BooleanField(_("online only"), default=False)
    note = models.CharField(_("note for residents"), max_length=255, blank=True)

    class Meta:
        verbose_name = _("date of an event")
        verbose_name_plural = _("dates of events")
        ordering = ["start", "pk"]
        indexes = [
            models.Index(fields=["start", "end"], name="events_occ_start_end"),
            models.Index(fields=["page", "start"], name="events_occ_page_start"),
        ]

    def __str__(self):
        return f"{self.page_id} {self.start:%Y-%m-%d %H:%M}"
