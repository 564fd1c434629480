"""Read side of the programme: what pages, lists and feeds show about events."""

import datetime
from collections import Counter
from dataclasses import dataclass
from functools import reduce
from operator import or_

from django.db.models import Exists, OuterRef, Prefetch, Q, Subquery
from django.utils import timezone

from wagtail.images import get_image_model

from . import occurrences
from .models import (
    Domain,
    EventOccurrence,
    EventPage,
    EventSession,
    InstitutionPage,
    OccurrenceChange,
)

# How many coming dates an event page lists.
DATES_SHOWN = 12


def with_schedule(queryset):
    """Events with everything their schedule needs, in three queries."""
    return queryset.prefetch_related(
        Prefetch("sessions", queryset=EventSession.objects.order_by("sort_order")),
        Prefetch("occurrence_changes", queryset=OccurrenceChange.objects.all()),
    )


# What the guide's "access" filter offers.
FREE = "free"
REGISTRATION = "registration"
# The thumbnail of an event in the guide's lists.
THUMBNAIL = "fill-160x120"


@dataclass(frozen=True)
class GuideFilters:
    """What a reader of the programme guide asked for; an empty field keeps all.

    Values within one field are alternatives (OR); fields narrow each other (AND).
    """

    domains: tuple[str, ...] = ()
    types: tuple[str, ...] = ()
    institution_paths: tuple[str, ...] = ()
    audiences: tuple[str, ...] = ()
    languages: tuple[str, ...] = ()
    access: tuple[str, ...] = ()


def _event_conditions(root, filters, prefix=""):
    """Live events under ``root`` in its language that match ``filters``.

    ``prefix`` reaches the event from another model ("page__" from a date).
    """

    def lookup(name, value):
        return Q(**{prefix + name: value})

    condition = (
        lookup("live", True)
        & lookup("locale_id", root.locale_id)
        & lookup("path__startswith", root.path)
    )
    if filters.domains:
        condition &= lookup("domain__slug__in", filters.domains)
    if filters.types:
        condition &= lookup("event_type__in", filters.types)
    if filters.institution_paths:
        condition &= reduce(
            or_, (lookup("path__startswith", p) for p in filters.institution_paths)
        )
    if filters.audiences:
        audiences = EventPage.audiences.through.objects.filter(
            audience__key__in=filters.audiences
        )
        condition &= lookup("pk__in", audiences.values("eventpage_id"))
    if filters.languages:
        condition &= lookup("language__in", filters.languages)
    if set(filters.access) == {FREE}:
        condition &= lookup("registration_required", False)
    elif set(filters.access) == {REGISTRATION}:
        condition &= lookup("registration_required", True)
    return condition


def guide_domains(root):
    """The domains the guide of ``root`` offers as filters, by name."""
    return Domain.objects.filter(locale_id=root.locale_id).order_by("name")


def guide_institutions(root):
    """Live institutions at or below ``root`` in its language, by title."""
    return (
        InstitutionPage.objects.live()
        .filter(locale_id=root.locale_id, path__startswith=root.path)
        .order_by("title")
    )


def matching_events(root, filters):
    """Events under ``root`` that match ``filters`` and have dates, for calendars."""
    dated = EventOccurrence.objects.filter(page_id=OuterRef("pk"))
    return (
        EventPage.objects.filter(_event_conditions(root, filters))
        .filter(Exists(dated))
        .order_by("path")
    )


def guide_dates(root, filters, start=None, end=None):
    """Dates of matching events overlapping [start, end), soonest first.

    Cancelled dates are kept: readers who planned for them must see why.
    Each date's page comes with its domain and, if any, its image thumbnail.
    """
    dates = EventOccurrence.objects.filter(
        _event_conditions(root, filters, prefix="page__")
    )
    if start is not None:
        dates = dates.filter(end__gt=start)
    if end is not None:
        dates = dates.filter(start__lt=end)
    images = get_image_model().objects.prefetch_renditions(THUMBNAIL)
    return (
        dates.select_related("page", "page__domain")
        .defer("page__body")
        .prefetch_related(Prefetch("page__image", queryset=images))
        .order_by("start", "pk")
    )


def dates_per_day(root, filters, start, end):
    """How many dates that are held each local day of [start, end) has."""
    counts = Counter()
    rows = guide_dates(root, filters, start, end).filter(cancelled=False)
    first_day = start.astimezone(occurrences.TIME_ZONE).date()
    last_day = (end - datetime.timedelta(microseconds=1)).astimezone(
        occurrences.TIME_ZONE
    )
    for date_start, date_end in rows.values_list("start", "end"):
        day = max(date_start.astimezone(occurrences.TIME_ZONE).date(), first_day)
        # A date ending at midnight does not reach into the next day.
        until = min(
            (date_end - datetime.timedelta(microseconds=1))
            .astimezone(occurrences.TIME_ZONE)
            .date(),
            last_day.date(),
        )
        while day <= until:
            counts[day] += 1
            day += datetime.timedelta(days=1)
    return counts


def next_matching_date(root, filters, after):
    """The first held date of a matching event starting at or after ``after``."""
    return (
        EventOccurrence.objects.filter(
            _event_conditions(root, filters, prefix="page__"),
            cancelled=False,
            start__gte=after,
        )
        .order_by("start", "pk")
        .first()
    )


def event_details(page, now=None):
    """What the event page shows: status, coming dates, audiences, platforms."""
    now = now or timezone.now()
    all_dates = page.get_occurrences()
    coming = [o for o in all_dates if o.end > now][:DATES_SHOWN]
    held = [o for o in all_dates if not o.cancelled]
    return {
        "now": now,
        "status": occurrences.status(
            all_dates, now, has_recording=page.recordings.exists()
        ),
        "upcoming": coming,
        "last": held[-1] if held else None,
        "audiences": [str(audience) for audience in page.audiences.all()],
        "platforms": list(page.platforms.all()),
        "institution": page.get_institution(),
    }


def upcoming_events(root, now=None, limit=24, filters=None):
    """Live events under ``root`` in its language that match, soonest first.

    Each item has ``page``, ``next`` (the next or current date, an
    ``EventOccurrence``) and ``status`` (live or upcoming). Two queries;
    ``limit=None`` gives them all.
    """
    now = now or timezone.now()
    coming = EventOccurrence.objects.filter(
        page_id=OuterRef("pk"), cancelled=False, end__gt=now
    ).order_by("start", "pk")
    events = list(
        EventPage.objects.filter(_event_conditions(root, filters or GuideFilters()))
        .annotate(
            next_date_id=Subquery(coming.values("pk")[:1]),
            next_start=Subquery(coming.values("start")[:1]),
        )
        .filter(next_date_id__isnull=False)
        .select_related("domain")
        .order_by("next_start", "pk")[:limit]
    )
    dates = EventOccurrence.objects.in_bulk([event.next_date_id for event in events])
    return [
        {
            "page": event,
            "next": dates[event.next_date_id],
            "status": (
                occurrences.OccurrenceStatus.LIVE
                if dates[event.next_date_id].start <= now
                else occurrences.OccurrenceStatus.UPCOMING
            ),
        }
        for event in events
    ]


# Registration: places, the waiting list and attendance. A course is one
# ``translation_key``: its language versions share their registrations.

CLOSED_NOT_REQUIRED = "not_required"
CLOSED_UNPUBLISHED = "unpublished"
CLOSED_CANCELLED = "cancelled"
CLOSED_ENDED = "ended"


def course_page(event_key, language=None):
    """The live page of a course in ``language``, else its first live version.

    The first version (lowest id) is the original the others were translated
    from; an unpublished course still answers with it.
    """
    pages = EventPage.objects.filter(translation_key=event_key).order_by("pk")
    if language:
        page = pages.filter(live=True, locale__language_code=language).first()
        if page is not None:
            return page
    return pages.filter(live=True).first() or pages.first()


def course_capacity(event_key):
    """Places of the course: the original page's (wagtail-localize copies it).

    None means no limit.
    """
    return (
        EventPage.objects.filter(translation_key=event_key)
        .order_by("pk")
        .values_list("capacity", flat=True)
        .first()
    )


def _registrations(event_key, status=None):
    from .models import Registration

    registrations = Registration.objects.filter(event_key=event_key)
    return registrations if status is None else registrations.filter(status=status)


def confirmed_count(event_key):
    return _registrations(event_key, "confirmed").count()


def waiting_count(event_key):
    return _registrations(event_key, "waitlisted").count()


def registration_closed_reason(page, now=None):
    """Why residents cannot register on ``page`` now, or "" when they can."""
    if not page.registration_required:
        return CLOSED_NOT_REQUIRED
    if not page.live:
        return CLOSED_UNPUBLISHED
    now = now or timezone.now()
    dates = page.stored_occurrences.all()
    held = dates.filter(cancelled=False)
    if dates.exists() and not held.exists():
        return CLOSED_CANCELLED
    if not held.filter(start__gt=now).exists():
        return CLOSED_ENDED
    return ""


def course_has_ended(page, now=None):
    """Every date that takes place has begun (a wholly cancelled one has not)."""
    held = page.stored_occurrences.filter(cancelled=False)
    return held.exists() and not held.filter(start__gt=now or timezone.now()).exists()


def active_registration(event_key, user):
    """The person's place or place in the queue on the course, or None."""
    if not (user and user.is_authenticated):
        return None
    return (
        _registrations(event_key).filter(user=user).exclude(status="cancelled").first()
    )


def waitlist_position(registration):
    """1 for the first in the queue; None when not waiting."""
    from django.db.models import Q

    if registration.status != "waitlisted":
        return None
    ahead = _registrations(registration.event_key, "waitlisted").filter(
        Q(created_at__lt=registration.created_at)
        | Q(created_at=registration.created_at, pk__lt=registration.pk)
    )
    return ahead.count() + 1


class RegistrationState:
    """What the registration panel of an event page tells one person.

    Templates read the answers (``can_register``, ``places_left``…) and never
    work them out. ``joining_link`` is empty unless the person's place is
    confirmed, so it never reaches anyone else's page.
    """

    def __init__(
        self,
        *,
        required,
        closed_reason,
        capacity,
        confirmed,
        waiting,
        mine,
        position,
        signed_in,
        has_email,
        joining_link,
        ended,
    ):
        self.required = required
        self.closed_reason = closed_reason
        self.capacity = capacity
        self.confirmed = confirmed
        self.waiting = waiting
        self.mine = mine
        self.position = position
        self.signed_in = signed_in
        self.has_email = has_email
        self.joining_link = joining_link
        self.ended = ended

    @property
    def is_open(self):
        return not self.closed_reason

    @property
    def limited(self):
        return self.capacity is not None

    @property
    def places_left(self):
        if self.capacity is None:
            return None
        # An editor may lower the places below those already confirmed.
        return max(self.capacity - self.confirmed, 0)

    @property
    def is_full(self):
        return self.capacity is not None and self.places_left == 0

    @property
    def is_confirmed(self):
        return self.mine is not None and self.mine.status == "confirmed"

    @property
    def is_waitlisted(self):
        return self.mine is not None and self.mine.status == "waitlisted"

    @property
    def can_register(self):
        return self.is_open and self.signed_in and self.has_email and self.mine is None

    @property
    def needs_email(self):
        return self.is_open and self.signed_in and not self.has_email

    @property
    def needs_sign_in(self):
        return self.is_open and not self.signed_in

    @property
    def can_cancel(self):
        return self.mine is not None and not self.ended


def registration_state(page, user, now=None):
    """The registration panel's answers for ``page`` and ``user``."""
    if not page.registration_required:
        return RegistrationState(
            required=False,
            closed_reason=CLOSED_NOT_REQUIRED,
            capacity=None,
            confirmed=0,
            waiting=0,
            mine=None,
            position=None,
            signed_in=bool(user and user.is_authenticated),
            has_email=False,
            joining_link="",
            ended=False,
        )
    now = now or timezone.now()
    key = page.translation_key
    mine = active_registration(key, user)
    confirmed = mine is not None and mine.status == "confirmed"
    signed_in = bool(user and user.is_authenticated)
    return RegistrationState(
        required=True,
        closed_reason=registration_closed_reason(page, now),
        capacity=course_capacity(key),
        confirmed=confirmed_count(key),
        waiting=waiting_count(key),
        mine=mine,
        position=waitlist_position(mine) if mine is not None else None,
        signed_in=signed_in,
        has_email=bool(signed_in and user.email),
        joining_link=_joining_link(page) if confirmed else "",
        ended=course_has_ended(page, now),
    )


def _joining_link(page):
    """The page's joining link, or the original version's when it has none."""
    if page.joining_link:
        return page.joining_link
    original = course_page(page.translation_key)
    return original.joining_link if original is not None else ""


def coming_dates(page, now=None):
    """The dates of ``page`` still ahead that take place, soonest first."""
    return list(
        page.stored_occurrences.filter(
            cancelled=False, start__gt=now or timezone.now()
        ).order_by("start")
    )


def letter_context(registration):
    """What a letter about ``registration`` says, in the active language."""
    from django.conf import settings

    page = course_page(registration.event_key, registration.language)
    page_url = page.get_full_url() or ""
    confirmed = registration.status == "confirmed"
    return {
        "registration": registration,
        "user": registration.user,
        "page": page,
        "page_url": page_url,
        "cancel_url": page_url
        + page.reverse_subpage("cancel_by_token", args=[registration.cancel_token]),
        "dates": coming_dates(page),
        "joining_link": _joining_link(page) if confirmed else "",
        "position": waitlist_position(registration),
        "site_name": settings.WAGTAIL_SITE_NAME,
    }


def event_registrations(page):
    """Every registration of the course, for its editors: the queue in order."""
    registrations = _registrations(page.translation_key).select_related("user")
    order = {"confirmed": 0, "waitlisted": 1, "cancelled": 2}
    rows = sorted(
        registrations,
        key=lambda registration: (
            order.get(registration.status, 3),
            registration.created_at,
            registration.pk,
        ),
    )
    position = 0
    for registration in rows:
        if registration.status == "waitlisted":
            position += 1
            registration.position = position
        else:
            registration.position = None
    return rows


class AttendanceSheet:
    """Confirmed registrants × the dates that take place, with the marks."""

    def __init__(self, dates, rows):
        self.dates = dates
        self.rows = rows


class AttendanceRow:
    def __init__(self, registration, cells):
        self.registration = registration
        self.cells = cells


class AttendanceCell:
    def __init__(self, registration, date, marked):
        self.registration = registration
        self.date = date
        self.marked = marked

    @property
    def key(self):
        """The checkbox value: the registration and the planned start."""
        return f"{self.registration.pk}-{int(self.date.original_start.timestamp())}"


def attendance_sheet(page):
    from .models import Attendance

    dates = list(page.stored_occurrences.filter(cancelled=False).order_by("start"))
    registrations = list(
        _registrations(page.translation_key, "confirmed")
        .select_related("user")
        .order_by("created_at", "pk")
    )
    marked = set(
        Attendance.objects.filter(registration__in=registrations).values_list(
            "registration_id", "date"
        )
    )
    rows = [
        AttendanceRow(
            registration,
            [
                AttendanceCell(
                    registration, date, (registration.pk, date.original_start) in marked
                )
                for date in dates
            ],
        )
        for registration in registrations
    ]
    return AttendanceSheet(dates, rows)


def attendance_counts(registrations):
    """How many dates each registration attended, by registration id."""
    from .models import Attendance

    counts = {}
    for registration_id in Attendance.objects.filter(
        registration__in=registrations
    ).values_list("registration_id", flat=True):
        counts[registration_id] = counts.get(registration_id, 0) + 1
    return counts


def registrations_of(user):
    """A person's registrations as personal data records (152-FZ export)."""
    from .models import Registration

    registrations = list(
        Registration.objects.filter(user=user).order_by("created_at", "pk")
    )
    counts = attendance_counts(registrations)
    titles = {}
    for registration in registrations:
        key = (registration.event_key, registration.language)
        if key not in titles:
            page = course_page(*key)
            titles[key] = page.title if page is not None else ""
    return [
        {
            "event": titles[(registration.event_key, registration.language)],
            "status": str(registration.get_status_display()),
            "language": registration.language,
            "registered_at": registration.created_at,
            "confirmed_at": registration.confirmed_at,
            "cancelled_at": registration.cancelled_at,
            "dates_attended": counts.get(registration.pk, 0),
        }
        for registration in registrations
    ]
