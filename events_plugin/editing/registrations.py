"""Admin surface for registrations: the list, the attendance sheet and the CSV.

Registrations are personal data: only people who may edit the event (its
institution's editors, culture editors, administrators) see them.
"""

import csv

from django.contrib import messages
from django.http import HttpResponse
from django.shortcuts import get_object_or_404, redirect
from django.template.response import TemplateResponse
from django.urls import include, path, reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import TemplateView

from wagtail import hooks
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.admin.widgets import Button, HeaderButton
from wagtail.log_actions import log

from cms.accounts.personal_data import PersonalDataProvider

from .. import actions, permissions, selectors
from ..models import EventPage

NAMESPACE = "events_registrations"
# Cells starting with these are formulas to Excel and LibreOffice.
FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r", "\n")


class NotTheirEvent(Exception):
    """The user may not see this event's registrations."""


def _event_for(request, page_id):
    """The event, when the user may see its registrations."""
    page = get_object_or_404(EventPage, pk=page_id)
    if not permissions.can_see_registrations(request.user, page):
        raise NotTheirEvent
    return page


def _forbidden(request):
    # Wagtail's admin turns PermissionDenied into a redirect to the dashboard;
    # a plain 403 says what happened to people and to scripts alike.
    return TemplateResponse(
        request,
        "events/registration/admin_forbidden.html",
        {"header_title": _("Registrations"), "page_title": _("Registrations")},
        status=403,
    )


class EventRegistrationsMixin(WagtailAdminTemplateMixin):
    """An admin page about one event's registrations."""

    header_icon = "group"

    def dispatch(self, request, *args, **kwargs):
        try:
            self.page = _event_for(request, kwargs["page_id"])
        except NotTheirEvent:
            return _forbidden(request)
        return super().dispatch(request, *args, **kwargs)

    def get_page_subtitle(self):
        return self.page.get_admin_display_title()

    def get_breadcrumbs_items(self):
        return [
            *self.breadcrumbs_items,
            {
                "url": reverse("wagtailadmin_pages:edit", args=[self.page.pk]),
                "label": self.page.get_admin_display_title(),
            },
            {"url": "", "label": self.get_page_title()},
        ]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["page"] = self.page
        return context


class RegistrationListView(EventRegistrationsMixin, TemplateView):
    page_title = gettext_lazy("Registrations")
    template_name = "events/registration/admin_list.html"

    def get_header_buttons(self):
        return [
            HeaderButton(
                _("Attendance sheet"),
                url=reverse(f"{NAMESPACE}:attendance", args=[self.page.pk]),
                icon_name="tasks",
            ),
            HeaderButton(
                _("Download CSV"),
                url=reverse(f"{NAMESPACE}:csv", args=[self.page.pk]),
                icon_name="download",
            ),
        ]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        key = self.page.translation_key
        context.update(
            registrations=selectors.event_registrations(self.page),
            capacity=selectors.course_capacity(key),
            confirmed=selectors.confirmed_count(key),
            waiting=selectors.waiting_count(key),
        )
        return context


class AttendanceView(EventRegistrationsMixin, TemplateView):
    page_title = gettext_lazy("Attendance")
    template_name = "events/registration/admin_attendance.html"

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["sheet"] = selectors.attendance_sheet(self.page)
        return context

    def post(self, request, *args, **kwargs):
        sheet = selectors.attendance_sheet(self.page)
        cells = {
            cell.key: (cell.registration.pk, cell.date.original_start)
            for row in sheet.rows
            for cell in row.cells
        }
        ticked = request.POST.getlist("attended")
        marks = {cells[key] for key in ticked if key in cells}
        try:
            actions.SaveAttendanceAction(self.page, request.user, marks).execute()
        except actions.RegistrationError as error:
            messages.error(request, error.message)
        else:
            messages.success(request, _("Attendance saved."))
        return redirect(f"{NAMESPACE}:attendance", page_id=self.page.pk)


def _safe_cell(value):
    """A spreadsheet cell that cannot run as a formula (CSV injection)."""
    text = "" if value is None else str(value)
    if text.startswith(FORMULA_PREFIXES):
        return "'" + text
    return text


def _local(moment):
    return timezone.localtime(moment).strftime("%Y-%m-%d %H:%M") if moment else ""


def registrations_csv(request, page_id):
    """Every registration of the event, for Excel: UTF-8 with a BOM, ";" between.

    Excel set up for Russian separates columns with semicolons and reads UTF-8
    only after a byte order mark.
    """
    try:
        page = _event_for(request, page_id)
    except NotTheirEvent:
        return _forbidden(request)
    registrations = selectors.event_registrations(page)
    attended = selectors.attendance_counts(registrations)
    response = HttpResponse(content_type="text/csv; charset=utf-8")
    filename = f"registrations-{page.slug}-{timezone.localdate():%Y-%m-%d}.csv"
    response["Content-Disposition"] = f'attachment; filename="{filename}"'
    response["Cache-Control"] = "no-store, private"
    response.write("\ufeff")
    writer = csv.writer(response, delimiter=";")
    writer.writerow(
        [
            _("Status"),
            _("Place in the queue"),
            _("Name"),
            _("Email"),
            _("Registered"),
            _("Place confirmed"),
            _("Cancelled"),
            _("Language"),
            _("Dates attended"),
        ]
    )
    for registration in registrations:
        user = registration.user
        writer.writerow(
            _safe_cell(value)
            for value in (
                registration.get_status_display(),
                registration.position or "",
                user.get_full_name(),
                user.email,
                _local(registration.created_at),
                _local(registration.confirmed_at),
                _local(registration.cancelled_at),
                registration.language,
                attended.get(registration.pk, 0),
            )
        )
    log(
        instance=page,
        action=actions.LOG_EXPORTED,
        user=request.user,
        data={"rows": len(registrations)},
    )
    return response


urlpatterns = [
    path("", RegistrationListView.as_view(), name="list"),
    path("attendance/", AttendanceView.as_view(), name="attendance"),
    path("csv/", registrations_csv, name="csv"),
]


@hooks.register("register_admin_urls")
def register_registration_urls():
    return [
        path(
            "events/<int:page_id>/registrations/",
            include((urlpatterns, NAMESPACE), namespace=NAMESPACE),
        )
    ]


def _shows_registrations(page, user):
    specific = page.specific_deferred
    return (
        isinstance(specific, EventPage)
        and specific.registration_required
        and permissions.can_see_registrations(user, specific)
    )


def _registrations_button(page):
    return Button(
        _("Registrations"),
        reverse(f"{NAMESPACE}:list", args=[page.pk]),
        icon_name="group",
        priority=90,
    )


@hooks.register("register_page_header_buttons")
def registration_header_buttons(page, user, view_name=None, next_url=None):
    if _shows_registrations(page, user):
        yield _registrations_button(page)


@hooks.register("register_page_listing_more_buttons")
def registration_listing_buttons(page, user, next_url=None):
    if _shows_registrations(page, user):
        yield _registrations_button(page)
        yield Button(
            _("Attendance sheet"),
            reverse(f"{NAMESPACE}:attendance", args=[page.pk]),
            icon_name="tasks",
            priority=91,
        )


@hooks.register("register_log_actions")
def register_registration_log_actions(log_actions):
    for action, label, message in (
        (
            actions.LOG_CONFIRMED,
            gettext_lazy("Registration: place confirmed"),
            gettext_lazy("A resident registered and got a place"),
        ),
        (
            actions.LOG_WAITLISTED,
            gettext_lazy("Registration: waiting list"),
            gettext_lazy("A resident registered and joined the waiting list"),
        ),
        (
            actions.LOG_CANCELLED,
            gettext_lazy("Registration: cancelled"),
            gettext_lazy("A registration was cancelled"),
        ),
        (
            actions.LOG_PROMOTED,
            gettext_lazy("Registration: promoted from the waiting list"),
            gettext_lazy("A place went to the next resident on the waiting list"),
        ),
        (
            actions.LOG_ATTENDANCE,
            gettext_lazy("Attendance marked"),
            gettext_lazy("The attendance sheet was saved"),
        ),
        (
            actions.LOG_EXPORTED,
            gettext_lazy("Registrations downloaded"),
            gettext_lazy("The list of registrations was downloaded as CSV"),
        ),
    ):
        log_actions.register_action(action, label, message)


@hooks.register("register_personal_data")
def registrations_personal_data():
    return PersonalDataProvider(
        key="event_registrations",
        title=gettext_lazy("Registrations for events"),
        description=gettext_lazy(
            "The courses and events you registered for. When you delete your "
            "account, your places are given up and the organisers keep only "
            "counts that no longer name you."
        ),
        fields={
            "event": gettext_lazy("Event"),
            "status": gettext_lazy("Status"),
            "language": gettext_lazy("Language of the page"),
            "registered_at": gettext_lazy("Registered"),
            "confirmed_at": gettext_lazy("Place confirmed"),
            "cancelled_at": gettext_lazy("Cancelled"),
            "dates_attended": gettext_lazy("Dates attended"),
        },
        collect=selectors.registrations_of,
        anonymise=actions.anonymise_registrations,
    )
