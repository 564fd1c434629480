"""The moderators' record of feedback activity in the admin.

A report under "Reports" lists :class:`ActivityRecord` rows newest first, with
filters by action, outcome, account, address and date, pages of 50 and a CSV or
Excel download. Only moderators see it: superusers and holders of
``discussion.moderate_comments``.
"""

import datetime

from django import forms
from django.contrib.auth import get_user_model
from django.db.models import Q
from django.template.response import TemplateResponse
from django.urls import include, path, reverse
from django.utils import timezone
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from wagtail import hooks
from wagtail.admin.filters import DateRangePickerWidget, WagtailFilterSet
from wagtail.admin.menu import MenuItem
from wagtail.admin.ui.tables import Column
from wagtail.admin.views.reports import ReportView

import django_filters

from cms.comments.policies import can_moderate_comments

from .models import ActivityRecord

NAMESPACE = "feedback_activity"
# Cells starting with these are formulas to Excel and LibreOffice.
FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r", "\n")

# Readable names of the actions the site records; others show as stored.
ACTION_LABELS = {
    "rating": gettext_lazy("Rating"),
    "comment": gettext_lazy("Comment"),
    "question": gettext_lazy("Question"),
    "vote": gettext_lazy("Vote"),
    "vote_withdrawn": gettext_lazy("Vote taken back"),
    "wish": gettext_lazy("Wish proposed"),
    "wish_status": gettext_lazy("Wish answered"),
    "wish_hidden": gettext_lazy("Wish hidden"),
    "wish_shown": gettext_lazy("Wish shown again"),
}


def can_read_activity(user):
    """The record names accounts and addresses: moderators only."""
    return can_moderate_comments(user)


def action_label(action):
    return str(ACTION_LABELS.get(action, action))


def action_choices():
    """The actions present in the record, as (value, label), by label."""
    actions = (
        ActivityRecord.objects.order_by().values_list("action", flat=True).distinct()
    )
    return sorted(((action, action_label(action)) for action in actions), key=str)


def _local_time(record):
    return timezone.localtime(record.created_at).strftime("%Y-%m-%d %H:%M:%S")


def _account(record):
    return record.user.get_username() if record.user_id else ""


class AddressFilter(django_filters.Filter):
    """An exact address; anything else is a form error, never a database error."""

    field_class = forms.GenericIPAddressField


class ActivityFilterSet(WagtailFilterSet):
    action = django_filters.ChoiceFilter(
        label=gettext_lazy("Action"),
        choices=action_choices,
        empty_label=gettext_lazy("All"),
    )
    outcome = django_filters.ChoiceFilter(
        label=gettext_lazy("Outcome"),
        choices=ActivityRecord.Outcome.choices,
        empty_label=gettext_lazy("All"),
    )
    account = django_filters.CharFilter(
        label=gettext_lazy("Account (name, email or number)"),
        method="filter_account",
    )
    address = AddressFilter(
        label=gettext_lazy("Internet address"), field_name="address"
    )
    created_at = django_filters.DateFromToRangeFilter(
        label=gettext_lazy("Date"),
        widget=DateRangePickerWidget,
        method="filter_dates",
    )

    class Meta:
        model = ActivityRecord
        fields = []

    def filter_account(self, queryset, name, value):
        value = value.strip()
        users = get_user_model().objects.filter(
            Q(username__iexact=value) | Q(email__iexact=value)
        )
        condition = Q(user__in=users)
        if value.isdigit() and len(value) < 10:
            condition |= Q(user_id=int(value))
        return queryset.filter(condition)

    def filter_dates(self, queryset, name, value):
        # Whole days in the site's time zone, the last one included.
        if value.start:
            start = timezone.make_aware(
                datetime.datetime.combine(value.start, datetime.time.min)
            )
            queryset = queryset.filter(created_at__gte=start)
        if value.stop:
            end = timezone.make_aware(
                datetime.datetime.combine(value.stop, datetime.time.min)
            ) + datetime.timedelta(days=1)
            queryset = queryset.filter(created_at__lt=end)
        return queryset


def _safe_cell(value):
    """A spreadsheet cell that cannot run as a formula (CSV injection)."""
    text = "" if value is None else str(value)
    return "'" + text if text.startswith(FORMULA_PREFIXES) else text


class ActivityReportView(ReportView):
    """Ratings, comments, questions, votes and wishes: done, refused, held back."""

    page_title = gettext_lazy("Residents' activity")
    header_icon = "history"
    model = ActivityRecord
    filterset_class = ActivityFilterSet
    index_url_name = f"{NAMESPACE}:index"
    index_results_url_name = f"{NAMESPACE}:results"
    paginate_by = 50
    columns = [
        Column("created_at", label=gettext_lazy("When"), accessor=_local_time),
        Column(
            "action",
            label=gettext_lazy("Action"),
            accessor=lambda r: action_label(r.action),
        ),
        Column(
            "outcome", label=gettext_lazy("Outcome"), accessor="get_outcome_display"
        ),
        Column("user", label=gettext_lazy("Account"), accessor=_account),
        Column("address", label=gettext_lazy("Internet address")),
        Column("target", label=gettext_lazy("About")),
        Column("detail", label=gettext_lazy("Detail")),
    ]
    list_export = ["created_at", "action", "outcome", "user", "address", "target",
                   "detail"]  # fmt: skip
    export_headings = {
        "created_at": gettext_lazy("When"),
        "action": gettext_lazy("Action"),
        "outcome": gettext_lazy("Outcome"),
        "user": gettext_lazy("Account"),
        "address": gettext_lazy("Internet address"),
        "target": gettext_lazy("About"),
        "detail": gettext_lazy("Detail"),
    }

    def dispatch(self, request, *args, **kwargs):
        if not can_read_activity(request.user):
            # Wagtail's admin turns PermissionDenied into a redirect to the
            # dashboard; a plain 403 says what happened.
            return TemplateResponse(
                request,
                "feedback/admin/forbidden.html",
                {
                    "header_title": _("Residents' activity"),
                    "page_title": _("Residents' activity"),
                },
                status=403,
            )
        return super().dispatch(request, *args, **kwargs)

    def get_queryset(self):
        return self.filter_queryset(
            ActivityRecord.objects.select_related("user").order_by("-created_at", "-pk")
        )

    def get_filtered_queryset(self):
        return self.get_queryset()

    def get_filename(self):
        return f"activity-{timezone.localdate():%Y-%m-%d}"

    def to_row_dict(self, item):
        return {
            "created_at": _local_time(item),
            "action": action_label(item.action),
            "outcome": str(item.get_outcome_display()),
            "user": _account(item),
            "address": item.address or "",
            "target": item.target,
            "detail": item.detail,
        }

    def preprocess_field_value(self, field, value, export_format):
        value = super().preprocess_field_value(field, value, export_format)
        return _safe_cell(value) if export_format == self.FORMAT_CSV else value


urlpatterns = [
    path("", ActivityReportView.as_view(), name="index"),
    path("results/", ActivityReportView.as_view(results_only=True), name="results"),
]


@hooks.register("register_admin_urls")
def register_activity_urls():
    return [
        path(
            "reports/feedback-activity/",
            include((urlpatterns, NAMESPACE), namespace=NAMESPACE),
        )
    ]


class ActivityMenuItem(MenuItem):
    """Shown to moderators only."""

    def is_shown(self, request):
        return can_read_activity(request.user)


@hooks.register("register_reports_menu_item")
def register_activity_menu_item():
    return ActivityMenuItem(
        gettext_lazy("Residents' activity"),
        reverse(f"{NAMESPACE}:index"),
        name="feedback-activity",
        icon_name="history",
        order=900,
    )
