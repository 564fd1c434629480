"""What editors see of events, computed by the database from the stored dates.

The listing, its filters, the bulk actions and the at-a-glance panel share these
expressions, so that a page of fifty events costs the same few queries as one and
the status means the same as ``occurrences.status()`` everywhere.
"""

import datetime
from dataclasses import dataclass

from django.db import models
from django.db.models import (
    Case,
    Count,
    Exists,
    IntegerField,
    OuterRef,
    Q,
    Subquery,
    Value,
    When,
)
from django.db.models.functions import Coalesce, Length, Substr
from django.utils.translation import gettext_lazy as _

from .. import occurrences
from ..models import (
    Attendance,
    EventOccurrence,
    EventPage,
    InstitutionPage,
    Registration,
)


class ScheduleStatus(models.TextChoices):
    """Where an event stands in time, as editors filter and read it.

    Editors read an event that has taken place as ended whether or not it has a
    recording yet; the video archive lists those that have one.
    """

    UPCOMING = occurrences.OccurrenceStatus.UPCOMING.value, _("upcoming")
    LIVE = occurrences.OccurrenceStatus.LIVE.value, _("live now")
    ENDED = occurrences.OccurrenceStatus.ENDED.value, _("ended")
    CANCELLED = occurrences.OccurrenceStatus.CANCELLED.value, _("cancelled")


def _dates():
    return EventOccurrence.objects.filter(page_id=OuterRef("pk")).order_by()


def _held_dates():
    return _dates().filter(cancelled=False)


def status_conditions(now):
    """One condition per status, on event pages, by the precedence of ``status()``.

    Exactly one holds for each event: cancelled (every date is), live (a date is
    running), upcoming (a date is ahead, or there are no dates yet), else ended.
    """
    has_dates = Q(Exists(_dates()))
    has_held = Q(Exists(_held_dates()))
    running = Q(Exists(_held_dates().filter(start__lte=now, end__gt=now)))
    ahead = Q(Exists(_held_dates().filter(start__gt=now)))
    return {
        ScheduleStatus.CANCELLED: has_dates & ~has_held,
        ScheduleStatus.LIVE: running,
        ScheduleStatus.UPCOMING: ~running & (ahead | ~has_dates),
        ScheduleStatus.ENDED: has_held & ~running & ~ahead,
    }


def takes_place_between(start=None, end=None):
    """Events with a date (not cancelled) overlapping [start, end); None is open."""
    dates = _held_dates()
    if start is not None:
        dates = dates.filter(end__gt=start)
    if end is not None:
        dates = dates.filter(start__lt=end)
    return Q(Exists(dates))


def institution_ancestor():
    """Institution pages above the event page of the outer query."""
    return InstitutionPage.objects.filter(
        path=Substr(OuterRef("path"), 1, Length("path"))
    ).order_by()


def institution_name(page):
    """The annotated institution of an event, or the department for its own."""
    return getattr(page, "institution_title", None) or _("Culture department")


def _count(queryset, group_by):
    counted = queryset.values(group_by).annotate(count=Count("pk")).values("count")
    return Coalesce(Subquery(counted[:1], output_field=IntegerField()), Value(0))


def _registrations(status):
    return Registration.objects.filter(
        event_key=OuterRef("translation_key"), status=status
    ).order_by()


def with_schedule_summary(queryset, now):
    """Event pages annotated with their status, next date, dates and places.

    ``schedule_status``, ``next_start`` (the date running now or the next one),
    ``date_count``, ``cancelled_count``, ``confirmed_count``, ``waitlisted_count``
    and ``institution_title`` (empty for the department's own events).
    """
    conditions = status_conditions(now)
    return queryset.annotate(
        schedule_status=Case(
            *(
                When(conditions[status], then=Value(status.value))
                for status in (
                    ScheduleStatus.CANCELLED,
                    ScheduleStatus.LIVE,
                    ScheduleStatus.UPCOMING,
                )
            ),
            default=Value(ScheduleStatus.ENDED.value),
            output_field=models.CharField(),
        ),
        next_start=Subquery(
            _held_dates().filter(end__gt=now).order_by("start").values("start")[:1]
        ),
        date_count=_count(_dates(), "page_id"),
        cancelled_count=_count(_dates().filter(cancelled=True), "page_id"),
        confirmed_count=_count(
            _registrations(Registration.Status.CONFIRMED), "event_key"
        ),
        waitlisted_count=_count(
            _registrations(Registration.Status.WAITLISTED), "event_key"
        ),
        institution_title=Subquery(institution_ancestor().values("title")[:1]),
    )


def attendance_summary(page):
    """Marks on the event's attendance sheet, the dates and the people they cover."""
    return Attendance.objects.filter(
        registration__event_key=page.translation_key
    ).aggregate(
        marks=Count("pk"),
        marked_dates=Count("date", distinct=True),
        people=Count("registration", distinct=True),
    )


@dataclass(frozen=True)
class EventSummary:
    """What the at-a-glance panel of one event says."""

    status: str
    next_start: datetime.datetime | None
    date_count: int
    cancelled_count: int
    registration_required: bool
    capacity: int | None
    confirmed: int
    waitlisted: int
    marks: int
    marked_dates: int
    past_dates: int
    people: int

    @property
    def status_label(self):
        return ScheduleStatus(self.status).label

    @property
    def places_left(self):
        if self.capacity is None:
            return None
        return max(self.capacity - self.confirmed, 0)

    @property
    def has_registrations(self):
        """Registration is on, or residents registered before it was switched off."""
        return self.registration_required or bool(self.confirmed or self.waitlisted)


def event_summary(page, now):
    """The summary of a saved event page, in two queries; None for a new page."""
    if page.pk is None:
        return None
    row = (
        with_schedule_summary(EventPage.objects.filter(pk=page.pk), now)
        .annotate(past_count=_count(_held_dates().filter(start__lte=now), "page_id"))
        .values(
            "schedule_status",
            "next_start",
            "date_count",
            "cancelled_count",
            "confirmed_count",
            "waitlisted_count",
            "past_count",
        )
        .first()
    )
    if row is None:
        return None
    return EventSummary(
        status=row["schedule_status"],
        next_start=row["next_start"],
        date_count=row["date_count"],
        cancelled_count=row["cancelled_count"],
        registration_required=page.registration_required,
        capacity=page.capacity,
        confirmed=row["confirmed_count"],
        waitlisted=row["waitlisted_count"],
        past_dates=row["past_count"],
        **attendance_summary(page),
    )
