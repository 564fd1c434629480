"""Bulk actions of the events listing: cancel a date, export the schedule.

Registered for ``EventPage`` only, so they appear in the "Events" listing (its
footer adds them to Wagtail's page actions) and not in the page explorer.
"""

from django import forms
from django.utils import timezone
from django.utils.formats import date_format
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from wagtail import hooks
from wagtail.admin import messages
from wagtail.admin.views.pages.bulk_actions.page_bulk_action import PageBulkAction
from wagtail.admin.widgets import AdminDateInput

from ..models import EventPage
from ..permissions import can_edit_event, can_publish_event
from .cancellation import CancelDateAction
from .schedule_export import schedule_csv_response


class EventBulkAction(PageBulkAction):
    """A bulk action on event pages.

    "All in listing" (``id=all``) means the events the editor may edit that match
    the listing's filters; the events footer does not offer it, as Wagtail's page
    actions would read it as every page of the site.
    """

    models = [EventPage]

    def get_all_objects_in_listing_query(self, parent_id):
        from .listing import EventFilterSet, editable_events

        events = editable_events(self.request.user)
        filters = EventFilterSet(
            self.request.GET, queryset=events, request=self.request
        )
        if filters.is_valid():
            events = filters.qs
        return events.values_list("pk", flat=True)


class CancelDateForm(forms.Form):
    day = forms.DateField(label=_("Date"), widget=AdminDateInput)
    note = forms.CharField(
        label=_("Note for residents"),
        max_length=255,
        required=False,
        help_text=_(
            "Shown with the cancelled date on the site and in calendars, "
            "in every language of the event."
        ),
    )


@hooks.register("register_bulk_action")
class CancelDateBulkAction(EventBulkAction):
    display_name = _("Cancel a date")
    action_type = "cancel_date"
    aria_label = _("Cancel a date of the selected events")
    template_name = "events/admin/confirm_cancel_date.html"
    action_priority = 50
    form_class = CancelDateForm
    plan = None

    def check_perm(self, page):
        return can_publish_event(self.request.user, page)

    def prepare_action(self, objects, objects_without_access):
        data = self.cleaned_form.cleaned_data
        self.action = CancelDateAction(self.request.user, data["day"], data["note"])
        self.plan = self.action.plan(objects)
        if not self.plan.events:
            if self.plan.without_date:
                self.cleaned_form.add_error(
                    "day", _("None of these events has a date to cancel on that day.")
                )
            else:
                self.cleaned_form.add_error(
                    None, _("You may not publish any of these events.")
                )
            return self.form_invalid(self.cleaned_form)
        return None

    def get_execution_context(self):
        return {"action": self.action, "plan": self.plan}

    @classmethod
    def execute_action(cls, objects, action=None, plan=None, **kwargs):
        cancelled = action.execute(plan)
        return len(plan.events), cancelled

    def get_success_message(self, num_parent_objects, num_child_objects):
        day = date_format(self.action.day, "DATE_FORMAT")
        self._warn(
            self.plan.without_date,
            ngettext(
                "No date to cancel on %(day)s, left as it was: %(titles)s.",
                "No date to cancel on %(day)s, left as they were: %(titles)s.",
                len(self.plan.without_date),
            ),
            day,
        )
        self._warn(
            self.plan.refused,
            ngettext(
                "Left as it was, as you may not publish every language version "
                "or one is locked: %(titles)s.",
                "Left as they were, as you may not publish every language version "
                "or one is locked: %(titles)s.",
                len(self.plan.refused),
            ),
            day,
        )
        return ngettext(
            "%(dates)s on %(day)s cancelled; %(count)d event published again.",
            "%(dates)s on %(day)s cancelled; %(count)d events published again.",
            num_parent_objects,
        ) % {
            "dates": ngettext("%(count)d date", "%(count)d dates", num_child_objects)
            % {"count": num_child_objects},
            "day": day,
            "count": num_parent_objects,
        }

    def _warn(self, pages, message, day):
        if pages:
            titles = ", ".join(page.get_admin_display_title() for page in pages)
            messages.warning(self.request, message % {"day": day, "titles": titles})


@hooks.register("register_bulk_action")
class ExportScheduleBulkAction(EventBulkAction):
    """Downloads at once: selecting the events is the confirmation."""

    display_name = _("Export schedule (CSV)")
    action_type = "export_schedule"
    aria_label = _("Download the dates of the selected events as a spreadsheet")
    action_priority = 60

    def check_perm(self, page):
        return can_edit_event(self.request.user, page)

    def get(self, request, *args, **kwargs):
        pages, _without_access = self.get_actionable_objects()
        now = timezone.now()
        return schedule_csv_response(
            [page.pk for page in pages],
            now,
            filename=f"events-schedule-{timezone.localdate(now).isoformat()}.csv",
        )

    def post(self, request, *args, **kwargs):
        return self.get(request, *args, **kwargs)
