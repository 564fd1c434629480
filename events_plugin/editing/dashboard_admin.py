"""The organiser dashboard in the admin: "Reports → Residents' feedback".

Events ranked by ratings, registrations, attendance, comments and recording
views, summaries per domain and institution, SVG charts and a CSV of the same
ranking. Editors see the events they may edit; the numbers come from
``events_plugin.dashboard``. Hooks register when this module is imported.
"""

import csv
import datetime

from django import forms
from django.core.paginator import Paginator
from django.core.validators import MaxValueValidator, MinValueValidator
from django.http import HttpResponse
from django.template.response import TemplateResponse
from django.urls import include, path, reverse, reverse_lazy
from django.utils import formats, timezone
from django.utils.functional import cached_property
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy
from django.views.generic import TemplateView

from wagtail import hooks
from wagtail.admin.menu import MenuItem
from wagtail.admin.views.generic.base import WagtailAdminTemplateMixin
from wagtail.admin.widgets import HeaderButton

from .. import charts, dashboard, permissions
from ..models import EventPage
from .listing import domain_choices, institution_choices

NAMESPACE = "events_dashboard"
PER_PAGE = 50
TOP = 10
# Dates outside these are typing mistakes, and beyond the calendar's reach.
EARLIEST = datetime.date(2000, 1, 1)
LATEST = datetime.date(2099, 12, 31)
# Columns whose first click sorts from the smallest value.
ASCENDING_FIRST = ("title", "date")


def _date_field(label):
    return forms.DateField(
        label=label,
        required=False,
        widget=forms.DateInput(attrs={"type": "date"}, format="%Y-%m-%d"),
        validators=[MinValueValidator(EARLIEST), MaxValueValidator(LATEST)],
    )


class DashboardFilterForm(forms.Form):
    """The dashboard's filters, read from the URL; a bad value is left out."""

    period = forms.ChoiceField(
        label=gettext_lazy("Period"),
        required=False,
        choices=[
            ("", gettext_lazy("All dates")),
            ("last30", gettext_lazy("Last 30 days")),
            ("season", gettext_lazy("This season (from 1 September)")),
            ("year", gettext_lazy("This year")),
            ("dates", gettext_lazy("Between the dates below")),
        ],
        help_text=gettext_lazy("Events with a date in the period."),
    )
    start = _date_field(gettext_lazy("From"))
    end = _date_field(gettext_lazy("To"))
    domain = forms.ChoiceField(label=gettext_lazy("Domain"), required=False)
    institution = forms.ChoiceField(label=gettext_lazy("Institution"), required=False)
    event_type = forms.ChoiceField(
        label=gettext_lazy("Type"),
        required=False,
        choices=[("", gettext_lazy("All")), *EventPage.Type.choices],
    )
    metric = forms.ChoiceField(
        label=gettext_lazy("Top 10 chart by"),
        required=False,
        choices=[(metric.key, metric.label) for metric in dashboard.METRICS],
    )
    interval = forms.ChoiceField(
        label=gettext_lazy("Trends per"),
        required=False,
        choices=[
            ("", gettext_lazy("As suits the period")),
            ("week", gettext_lazy("Week")),
            ("month", gettext_lazy("Month")),
        ],
    )

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        everything = [("", _("All"))]
        self.fields["domain"].choices = everything + domain_choices()
        self.fields["institution"].choices = everything + institution_choices()

    def clean(self):
        data = super().clean()
        start, end = data.get("start"), data.get("end")
        if start and end and end < start:
            self.add_error("end", _("The end date is before the start date."))
        return data

    def value(self, name):
        """The cleaned value of a field, or its default when it was wrong."""
        if not self.is_bound:
            return self.fields[name].initial or ""
        return self.cleaned_data.get(name) or ""

    def filters(self):
        """The :class:`dashboard.Filters` of the valid values."""
        self.is_valid()
        period = self.value("period")
        start_day, end_day = self.value("start"), self.value("end")
        if period and period != "dates":
            start, end = dashboard.preset_period(period)
        elif start_day or end_day:
            start, end = dashboard.days_period(start_day or None, end_day or None)
        else:
            start = end = None
        return dashboard.Filters(
            start=start,
            end=end,
            domain=self.value("domain") or None,
            institution=self.value("institution") or None,
            event_type=self.value("event_type") or None,
        )


def _forbidden(request):
    # Wagtail's admin turns PermissionDenied into a redirect to the dashboard;
    # a plain 403 says what happened.
    title = _("Residents' feedback")
    return TemplateResponse(
        request,
        "events/admin/dashboard_forbidden.html",
        {"header_title": title, "page_title": title},
        status=403,
    )


def _query(request, **changes):
    """The current query string with ``changes`` (None removes a parameter)."""
    query = request.GET.copy()
    for name, value in changes.items():
        query.pop(name, None)
        if value is not None:
            query[name] = value
    return query.urlencode()


def _cells(row):
    return [
        dashboard.format_value(getattr(row, metric.key), metric.kind)
        for metric in dashboard.METRICS
    ]


def _count_label(value):
    if value == int(value):
        return formats.number_format(int(value))
    return formats.number_format(value, 1)


class DashboardMixin:
    """The filters and the ranking shared by the page and its CSV."""

    def dispatch(self, request, *args, **kwargs):
        if not permissions.can_see_feedback_dashboard(request.user):
            return _forbidden(request)
        return super().dispatch(request, *args, **kwargs)

    @cached_property
    def form(self):
        return DashboardFilterForm(self.request.GET or None)

    @cached_property
    def filters(self):
        return self.form.filters()

    @cached_property
    def sort(self):
        """(key, descending): as asked, else the default (noting the refusal)."""
        parsed = dashboard.parse_sort(self.request.GET.get("sort"))
        if parsed is None:
            if self.request.GET.get("sort"):
                self.notices.append(
                    _(
                        "The ranking cannot be sorted that way; it is sorted by "
                        "the average rating."
                    )
                )
            parsed = dashboard.parse_sort(dashboard.DEFAULT_SORT)
        return parsed

    @cached_property
    def notices(self):
        return []

    @cached_property
    def rows(self):
        rows = dashboard.event_rows(self.request.user, self.filters)
        return dashboard.sort_rows(rows, *self.sort)

    @cached_property
    def domains(self):
        return dashboard.domain_names()

    @cached_property
    def institutions(self):
        return dashboard.institution_names()


class DashboardView(DashboardMixin, WagtailAdminTemplateMixin, TemplateView):
    page_title = gettext_lazy("Residents' feedback")
    header_icon = "pick"
    template_name = "events/admin/dashboard.html"

    def get_breadcrumbs_items(self):
        return [*self.breadcrumbs_items, {"url": "", "label": self.get_page_title()}]

    def get_header_buttons(self):
        return [
            HeaderButton(
                _("Download CSV"),
                url="{}?{}".format(
                    reverse(f"{NAMESPACE}:csv"), _query(self.request, p=None)
                ),
                icon_name="download",
            )
        ]

    def columns(self):
        """Headings of the ranking: label, link sorting by it, its aria-sort."""
        current, descending = self.sort
        headings = [("title", _("Event")), ("date", _("First date"))]
        headings += [(metric.key, metric.label) for metric in dashboard.METRICS]
        columns = []
        for key, label in headings:
            if key == current:
                state = "descending" if descending else "ascending"
                target = key if descending else f"-{key}"
            else:
                state = None
                target = key if key in ASCENDING_FIRST else f"-{key}"
            columns.append(
                {
                    "key": key,
                    "label": label,
                    "aria_sort": state,
                    "url": "?" + _query(self.request, sort=target, p=None),
                }
            )
        return columns

    def page_of_rows(self):
        paginator = Paginator(self.rows, PER_PAGE)
        asked = self.request.GET.get("p")
        try:
            number = int(asked) if asked else 1
        except ValueError:
            number = 0
        if not 1 <= number <= paginator.num_pages:
            number = 1 if number < 1 else paginator.num_pages
            self.notices.append(
                _("There is no such page of the ranking; showing page %(number)s.")
                % {"number": number}
            )
        return paginator.page(number)

    def top_chart(self):
        metric = dashboard.METRICS_BY_KEY[self.form.value("metric") or "average"]
        top = dashboard.top_rows(self.rows, metric.key, TOP)
        bars = [(row.title, getattr(row, metric.key)) for row in top]
        title = _("Top %(count)s events by %(metric)s") % {
            "count": len(top),
            "metric": str(metric.label).lower(),
        }
        svg = charts.bar_chart(
            bars,
            chart_id="dashboard-top",
            title=title,
            description=_("Bar chart; the same numbers are in the table below it."),
            value_label=lambda value: dashboard.format_value(value, metric.kind),
        )
        return {
            "title": title,
            "metric": metric.label,
            "svg": svg,
            "rows": [
                (row.title, dashboard.format_value(value, metric.kind))
                for row, (_label, value) in zip(top, bars, strict=True)
            ],
        }

    def trend_charts(self):
        interval = dashboard.trend_interval(self.filters, self.form.value("interval"))
        found = dashboard.trends(self.request.user, self.filters, interval)
        if not found.points:
            return None
        labels = [dashboard.bucket_label(p.start, interval) for p in found.points]
        axis = [
            dashboard.bucket_label(p.start, interval, short=True) for p in found.points
        ]
        described = _("Line chart; the same numbers are in the table below it.")
        activity = charts.line_chart(
            axis,
            [
                (_("Ratings given"), [p.ratings for p in found.points]),
                (_("Registrations"), [p.registrations for p in found.points]),
                (_("Comments"), [p.comments for p in found.points]),
            ],
            chart_id="dashboard-activity",
            title=_("Ratings, registrations and comments over time"),
            description=described,
            whole=True,
            value_label=_count_label,
        )
        average = charts.line_chart(
            axis,
            [(_("Average score"), [p.average for p in found.points])],
            chart_id="dashboard-average",
            title=_("Average score of the ratings given over time"),
            description=described,
            minimum=1,
            maximum=5,
            value_label=lambda value: dashboard.format_value(value, "score"),
        )
        return {
            "per_week": interval == "week",
            "activity": activity,
            "average": average,
            "rows": [
                (
                    label,
                    dashboard.format_value(point.ratings),
                    dashboard.format_value(point.average, "score"),
                    dashboard.format_value(point.registrations),
                    dashboard.format_value(point.comments),
                )
                for label, point in zip(labels, found.points, strict=True)
            ],
        }

    def summaries(self):
        domains = dashboard.group_rows(
            self.rows, "domain_key", self.domains, _("No domain")
        )
        institutions = dashboard.group_rows(
            self.rows, "institution_key", self.institutions, _("Culture department")
        )
        return [
            {
                "title": title,
                "heading": heading,
                "rows": [(group.name, group.events, _cells(group)) for group in groups],
            }
            for title, heading, groups in (
                (_("By domain"), _("Domain"), domains),
                (_("By institution"), _("Institution"), institutions),
            )
        ]

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        filters = self.filters
        page = self.page_of_rows()
        if self.form.is_bound and self.form.errors:
            self.notices.insert(
                0,
                _(
                    "Some filters could not be used and were left out; see the "
                    "messages beside them."
                ),
            )
        context.update(
            form=self.form,
            columns=self.columns(),
            metric_labels=[metric.label for metric in dashboard.METRICS],
            rows=[
                {
                    "row": row,
                    "domain": self.domains.get(row.domain_key, ""),
                    "institution": self.institutions.get(row.institution_key)
                    or _("Culture department"),
                    "date": row.date,
                    "cells": _cells(row),
                }
                for row in page.object_list
            ],
            page_obj=page,
            total=len(self.rows),
            previous_url=(
                "?" + _query(self.request, p=str(page.previous_page_number()))
                if page.has_previous()
                else ""
            ),
            next_url=(
                "?" + _query(self.request, p=str(page.next_page_number()))
                if page.has_next()
                else ""
            ),
            period=(
                (filters.start, filters.end - datetime.timedelta(microseconds=1))
                if filters.start and filters.end
                else None
            ),
            top_chart=self.top_chart() if self.rows else None,
            trend_charts=self.trend_charts() if self.rows else None,
            summaries=self.summaries() if self.rows else [],
            notices=self.notices,
        )
        return context


class DashboardCsvView(DashboardMixin, TemplateView):
    """The ranking with the same filters and order, for Excel.

    UTF-8 with a byte order mark and ";" between columns, numbers written as
    in the admin's language: what Excel set up for Russian opens directly.
    """

    def get(self, request, *args, **kwargs):
        response = HttpResponse(content_type="text/csv; charset=utf-8")
        filename = f"residents-feedback-{timezone.localdate():%Y-%m-%d}.csv"
        response["Content-Disposition"] = f'attachment; filename="{filename}"'
        response["Cache-Control"] = "no-store, private"
        response.write("\ufeff")
        writer = csv.writer(response, delimiter=";")
        writer.writerows(dashboard.csv_rows(self.rows, self.domains, self.institutions))
        return response


urlpatterns = [
    path("", DashboardView.as_view(), name="index"),
    path("csv/", DashboardCsvView.as_view(), name="csv"),
]


@hooks.register("register_admin_urls")
def register_dashboard_urls():
    return [
        path(
            "feedback-dashboard/",
            include((urlpatterns, NAMESPACE), namespace=NAMESPACE),
        )
    ]


class DashboardMenuItem(MenuItem):
    """Shown to those who may see the dashboard."""

    def is_shown(self, request):
        return permissions.can_see_feedback_dashboard(request.user)


@hooks.register("register_reports_menu_item")
def register_dashboard_menu_item():
    return DashboardMenuItem(
        gettext_lazy("Residents' feedback"),
        reverse_lazy(f"{NAMESPACE}:index"),
        name="residents-feedback",
        icon_name="pick",
        order=50,
    )
