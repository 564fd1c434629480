"""Admin surface for events: listing with filters, at-a-glance panel, bulk actions.

The "Events" listing is a flat ``PageListingViewSet`` of every event the editor may
edit, in every language; the panel lives in ``panels.py`` and the bulk actions in
``bulk_actions.py``, whose hooks register when this module is imported.
"""

from django import forms
from django.db.models import Exists, F
from django.utils import timezone, translation
from django.utils.functional import cached_property
from django.utils.text import capfirst
from django.utils.translation import gettext_lazy as _
from django.utils.translation import ngettext

from wagtail import hooks
from wagtail.admin.filters import BooleanRadioSelect, DateRangePickerWidget
from wagtail.admin.menu import MenuItem
from wagtail.admin.ui.tables import Column, StatusTagColumn
from wagtail.admin.ui.tables.pages import (
    BulkActionsColumn,
    PageStatusColumn,
    PageTitleColumn,
)
from wagtail.admin.views.pages.listing import IndexView, PageFilterSet
from wagtail.admin.viewsets.pages import PageListingViewSet
from wagtail.permission_policies.pages import PagePermissionPolicy

import django_filters

from .. import occurrences
from ..models import Domain, EventPage, InstitutionPage
from . import bulk_actions  # noqa: F401  (registers its hooks)
from .queries import (
    ScheduleStatus,
    institution_ancestor,
    institution_name,
    status_conditions,
    takes_place_between,
    with_schedule_summary,
)

# The institution filter's value for events the department publishes itself.
DEPARTMENT = "department"
EDITING_PERMISSIONS = {"add", "change", "publish"}


def editable_events(user):
    """Event pages ``user`` may edit, in every language."""
    editable = PagePermissionPolicy().instances_user_has_permission_for(user, "change")
    return EventPage.objects.filter(pk__in=editable.values("pk"))


def _one_per_translation(queryset):
    """(translation key, name) of translatable objects, in the admin's language.

    Domains and institutions exist once per language; editors pick the thing,
    not one of its translations.
    """
    language = translation.get_language()
    chosen = {}
    for item in queryset.select_related("locale"):
        current = chosen.get(item.translation_key)
        if current is None or item.locale.language_code == language:
            chosen[item.translation_key] = item
    return sorted(
        ((str(key), str(item)) for key, item in chosen.items()),
        key=lambda choice: choice[1].casefold(),
    )


def domain_choices():
    return _one_per_translation(Domain.objects.all())


def institution_choices():
    department = [(DEPARTMENT, _("The culture department's own events"))]
    return department + _one_per_translation(InstitutionPage.objects.order_by("path"))


class EventFilterSet(PageFilterSet):
    """Filters of the events listing; the locale filter comes from Wagtail."""

    status = django_filters.ChoiceFilter(
        label=_("Status"),
        choices=ScheduleStatus.choices,
        method="filter_status",
        empty_label=_("All"),
        widget=forms.RadioSelect,
    )
    dates = django_filters.DateFromToRangeFilter(
        label=_("Takes place between"),
        method="filter_dates",
        widget=DateRangePickerWidget,
    )
    domain = django_filters.ChoiceFilter(
        label=_("Domain"),
        choices=domain_choices,
        method="filter_domain",
        empty_label=_("All"),
    )
    institution = django_filters.ChoiceFilter(
        label=_("Institution"),
        choices=institution_choices,
        method="filter_institution",
        empty_label=_("All"),
    )
    event_type = django_filters.ChoiceFilter(
        label=_("Type"),
        choices=EventPage.Type.choices,
        empty_label=_("All"),
    )
    registration_required = django_filters.BooleanFilter(
        label=_("Registration required"),
        widget=BooleanRadioSelect,
    )
    # Events have no child pages, and the programme has a single site.
    has_child_pages = None
    site = None

    class Meta:
        model = EventPage
        fields = []

    def filter_status(self, queryset, name, value):
        if not value:
            return queryset
        return queryset.filter(status_conditions(timezone.now())[value])

    def filter_dates(self, queryset, name, value):
        if not value:
            return queryset
        # The days typed are days of the programme, in its time zone.
        start = value.start and occurrences.day_bounds(value.start.date())[0]
        end = value.stop and occurrences.day_bounds(value.stop.date())[1]
        return queryset.filter(takes_place_between(start, end))

    def filter_domain(self, queryset, name, value):
        if not value:
            return queryset
        return queryset.filter(domain__translation_key=value)

    def filter_institution(self, queryset, name, value):
        if not value:
            return queryset
        if value == DEPARTMENT:
            return queryset.exclude(Exists(institution_ancestor()))
        return queryset.filter(
            Exists(institution_ancestor().filter(translation_key=value))
        )


def registrations_display(page):
    """ "12 / 20 (+3 waiting)" for events taking registrations; empty otherwise."""
    confirmed = getattr(page, "confirmed_count", 0)
    waitlisted = getattr(page, "waitlisted_count", 0)
    if not (page.registration_required or confirmed or waitlisted):
        return ""
    if page.capacity is None:
        text = str(confirmed)
    else:
        text = _("%(confirmed)d / %(capacity)d") % {
            "confirmed": confirmed,
            "capacity": page.capacity,
        }
    if waitlisted:
        text = "{} {}".format(
            text,
            ngettext("(+%(count)d waiting)", "(+%(count)d waiting)", waitlisted)
            % {"count": waitlisted},
        )
    return text


def status_display(page):
    return capfirst(ScheduleStatus(page.schedule_status).label)


class NextDateColumn(Column):
    """The date running now or the next one, as a full local date and time."""

    cell_template_name = "events/admin/next_date_cell.html"


class EventIndexView(IndexView):
    """The listing: only events the editor may edit, with their summary annotated."""

    template_name = "events/admin/event_index.html"

    def get_base_queryset(self):
        pages = editable_events(self.request.user)
        return self.annotate_queryset(pages)

    def annotate_queryset(self, pages):
        pages = super().annotate_queryset(pages)
        pages = pages.select_related("domain", for_specific_subqueries=True)
        return with_schedule_summary(pages, self.now)

    @cached_property
    def now(self):
        return timezone.now()

    def get_valid_orderings(self):
        orderings = super().get_valid_orderings()
        if self.is_searching:
            # The search index cannot order by an annotation.
            orderings = [o for o in orderings if o.lstrip("-") != "next_start"]
        return orderings

    def order_queryset(self, queryset):
        # Events without a date ahead go last, whichever the database.
        if self.ordering == "next_start":
            return queryset.order_by(F("next_start").asc(nulls_last=True), "title")
        if self.ordering == "-next_start":
            return queryset.order_by(F("next_start").desc(nulls_last=True), "title")
        return super().order_queryset(queryset)

    def get_context_data(self, **kwargs):
        context = super().get_context_data(**kwargs)
        context["event_model_opts"] = EventPage._meta
        return context


class EventsMenuItem(MenuItem):
    """Shown to those who may add, edit or publish some page."""

    def is_shown(self, request):
        return PagePermissionPolicy().user_has_any_permission(
            request.user, EDITING_PERMISSIONS
        )


class EventListingViewSet(PageListingViewSet):
    """Every event the editor may edit, with its status, dates and places."""

    model = EventPage
    name = "events"
    icon = "date"
    menu_label = _("Events")
    menu_order = 150
    add_to_admin_menu = True
    index_view_class = EventIndexView
    filterset_class = EventFilterSet
    ordering = "next_start"
    columns = [
        BulkActionsColumn("bulk_actions"),
        PageTitleColumn("title", label=_("Title"), sort_key="title", classname="title"),
        Column(
            "event_type",
            label=_("Type"),
            accessor=lambda page: capfirst(page.get_event_type_display()),
            sort_key="event_type",
        ),
        Column("domain", label=_("Domain"), accessor="domain"),
        Column("institution", label=_("Institution"), accessor=institution_name),
        NextDateColumn("next_start", label=_("Next date"), sort_key="next_start"),
        Column(
            "registrations", label=_("Registrations"), accessor=registrations_display
        ),
        StatusTagColumn(
            "schedule_status",
            label=_("Status"),
            accessor=status_display,
            primary=lambda page: page.schedule_status == ScheduleStatus.LIVE,
        ),
        PageStatusColumn("status", label=_("Publication"), sort_key="live"),
    ]

    @cached_property
    def menu_item_class(self):
        return EventsMenuItem


@hooks.register("register_admin_viewset")
def register_event_listing():
    return EventListingViewSet()
