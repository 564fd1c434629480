"""The at-a-glance panel at the top of an event's edit page."""

from django.urls import NoReverseMatch, reverse
from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import Panel

HEADING = _("At a glance")
# Views of the registrations admin (editing/registrations.py), each for one page.
REGISTRATION_LINKS = (
    ("events_registrations:list", _("Registrations")),
    ("events_registrations:attendance", _("Attendance sheet")),
    ("events_registrations:csv", _("Registrations (CSV)")),
)


def admin_url(name, page_id):
    """The URL of an admin view taking ``page_id``, or None while it does not exist."""
    try:
        return reverse(name, kwargs={"page_id": page_id})
    except NoReverseMatch:
        try:
            return reverse(name, args=[page_id])
        except NoReverseMatch:
            return None


class EventSummaryPanel(Panel):
    """Registrations, attendance and dates of the event, read from the database.

    Shows nothing editable; the dates are the stored ones of the last saved
    version with its children (publishing rebuilds them).
    """

    def __init__(self, heading=HEADING, **kwargs):
        super().__init__(heading=heading, **kwargs)

    @property
    def clean_name(self):
        return super().clean_name or "at_a_glance"

    class BoundPanel(Panel.BoundPanel):
        template_name = "events/admin/event_summary_panel.html"

        def get_context_data(self, parent_context=None):
            from .queries import event_summary

            context = super().get_context_data(parent_context)
            page = self.instance
            summary = event_summary(page, timezone.now())
            context["summary"] = summary
            # Stored dates follow publishing, not drafts.
            context["dates_pending"] = bool(summary and page.has_unpublished_changes)
            context["links"] = []
            if summary and summary.has_registrations:
                context["links"] = [
                    {"label": label, "url": url}
                    for name, label in REGISTRATION_LINKS
                    if (url := admin_url(name, page.pk))
                ]
            return context
