"""The organiser dashboard's read side: events ranked by residents' feedback.

An event is one ``translation_key`` (the event in all its languages). The
database aggregates ratings, registrations, attendance, comments and recording
views per key in a fixed number of queries, whatever the number of events; the
ranking, the summaries per domain and institution, the trends and the CSV rows
are plain values built from those totals.
"""

import datetime
from dataclasses import dataclass, field

from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.db.models import Avg, CharField, Count, Exists, F, Min, Subquery
from django.db.models.functions import Cast, TruncMonth, TruncWeek
from django.urls import reverse
from django.utils import formats, timezone, translation
from django.utils.translation import gettext_lazy as _

from wagtail.permission_policies.pages import PagePermissionPolicy

from cms.comments.models import Comment
from cms.feedback.models import PageFeedback, Rating
from cms.feedback.ratings import bayesian_average, prior

from . import occurrences
from .editing.queries import institution_ancestor, takes_place_between
from .models import (
    ArchiveViewCount,
    Attendance,
    Domain,
    EventOccurrence,
    EventPage,
    InstitutionPage,
    Registration,
)

# The institution filter's value for the department's own events (as the listing).
DEPARTMENT = "department"
# A cultural season runs from September to August.
SEASON_FIRST_MONTH = 9
# Longer periods are shown per month, shorter ones per week.
WEEKLY_UP_TO = datetime.timedelta(days=92)
# Cells starting with these are formulas to Excel and LibreOffice.
FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r", "\n")


@dataclass(frozen=True)
class Metric:
    """A column of the ranking: its key, its heading and how to read it."""

    key: str
    label: str
    kind: str = "count"  # count, score or share


METRICS = (
    Metric("average", _("Average rating"), "score"),
    Metric("ratings", _("Ratings")),
    Metric("attendee_average", _("Attendees' average"), "score"),
    Metric("registrations", _("Registrations")),
    Metric("attended", _("Attended")),
    Metric("attendance_rate", _("Attendance rate"), "share"),
    Metric("comments", _("Comments")),
    Metric("views", _("Recording views")),
)
METRICS_BY_KEY = {metric.key: metric for metric in METRICS}
SORT_KEYS = ("title", "date", *METRICS_BY_KEY)
DEFAULT_SORT = "-average"


@dataclass(frozen=True)
class Filters:
    """What the organiser asked for; None means "any"."""

    start: datetime.datetime | None = None
    end: datetime.datetime | None = None
    domain: str | None = None
    institution: str | None = None
    event_type: str | None = None

    @property
    def has_period(self):
        return self.start is not None or self.end is not None


@dataclass
class Totals:
    """Summed feedback of one event or of a group of events."""

    rating_count: int = 0
    rating_total: int = 0
    attendee_count: int = 0
    attendee_total: int = 0
    registrations: int = 0
    attended: int = 0
    comments: int = 0
    views: int = 0
    prior_mean: float = 3.0
    prior_weight: int = 5

    @property
    def ratings(self):
        return self.rating_count

    @property
    def average(self):
        """The Bayesian average, as residents see it on the event page."""
        return bayesian_average(
            self.rating_count, self.rating_total, self.prior_mean, self.prior_weight
        )

    @property
    def attendee_average(self):
        if not self.attendee_count:
            return None
        return self.attendee_total / self.attendee_count

    @property
    def attendance_rate(self):
        """People marked at least once among those who had a place (0..1).

        Places given up after attending (a deleted account) still count as had.
        """
        had_place = max(self.registrations, self.attended)
        return self.attended / had_place if had_place else None

    def add(self, other):
        for name in (
            "rating_count",
            "rating_total",
            "attendee_count",
            "attendee_total",
            "registrations",
            "attended",
            "comments",
            "views",
        ):
            setattr(self, name, getattr(self, name) + getattr(other, name))


@dataclass
class EventRow(Totals):
    """One event of the ranking."""

    key: object = None
    title: str = ""
    page_id: int | None = None
    event_type: str = ""
    domain_key: object = None
    institution_key: object = None
    date: datetime.datetime | None = None

    @property
    def edit_url(self):
        return reverse("wagtailadmin_pages:edit", args=[self.page_id])

    @property
    def type_label(self):
        return EventPage.Type(self.event_type).label if self.event_type else ""


@dataclass
class GroupRow(Totals):
    """A domain or an institution: the summed feedback of its events."""

    key: object = None
    name: str = ""
    events: int = 0

    @property
    def title(self):
        return self.name


@dataclass(frozen=True)
class TrendPoint:
    """One week or month of activity on the events shown."""

    start: datetime.date
    ratings: int = 0
    average: float | None = None
    registrations: int = 0
    comments: int = 0


@dataclass
class Trends:
    interval: str = "month"  # week or month
    points: list = field(default_factory=list)


# Access


def events_in_scope(user):
    """Event pages (every language) whose feedback ``user`` may see: those they edit."""
    editable = PagePermissionPolicy().instances_user_has_permission_for(user, "change")
    return EventPage.objects.filter(pk__in=editable.values("pk"))


# Periods


def preset_period(name, today=None):
    """[start, end) of "last30", "season" or "year" around ``today`` (local days)."""
    today = today or timezone.localdate()
    if name == "last30":
        return (
            occurrences.day_bounds(today - datetime.timedelta(days=29))[0],
            occurrences.day_bounds(today)[1],
        )
    if name == "season":
        year = today.year if today.month >= SEASON_FIRST_MONTH else today.year - 1
        first = datetime.date(year, SEASON_FIRST_MONTH, 1)
        return (
            occurrences.day_bounds(first)[0],
            occurrences.day_bounds(datetime.date(year + 1, SEASON_FIRST_MONTH, 1))[0],
        )
    if name == "year":
        return (
            occurrences.day_bounds(datetime.date(today.year, 1, 1))[0],
            occurrences.day_bounds(datetime.date(today.year + 1, 1, 1))[0],
        )
    raise ValueError(f"Unknown period {name!r}.")


def days_period(first=None, last=None):
    """[start, end) covering the local days ``first`` to ``last``, either open."""
    return (
        occurrences.day_bounds(first)[0] if first else None,
        occurrences.day_bounds(last)[1] if last else None,
    )


# The ranking


def _chosen(versions, language):
    """The version in ``language``, else in the site's language, else any."""
    by_language = {version["locale_code"]: version for version in versions}
    return (
        by_language.get(language)
        or by_language.get(settings.LANGUAGE_CODE)
        or versions[0]
    )


def _names(rows, language):
    """{translation_key: name in ``language`` or another} of translatable rows."""
    grouped = {}
    for row in rows:
        grouped.setdefault(row["translation_key"], []).append(row)
    return {
        key: _chosen(versions, language)["name"] for key, versions in grouped.items()
    }


def filtered_events(user, filters):
    """Event pages in ``user``'s scope matching ``filters`` (any language version)."""
    pages = events_in_scope(user)
    if filters.event_type:
        pages = pages.filter(event_type=filters.event_type)
    if filters.domain:
        pages = pages.filter(domain__translation_key=filters.domain)
    if filters.institution == DEPARTMENT:
        pages = pages.exclude(Exists(institution_ancestor()))
    elif filters.institution:
        pages = pages.filter(
            Exists(institution_ancestor().filter(translation_key=filters.institution))
        )
    if filters.has_period:
        pages = pages.filter(takes_place_between(filters.start, filters.end))
    return pages


def _event_keys(user, filters):
    return filtered_events(user, filters).values("translation_key")


def _feedback_pks_as_text(keys):
    # Comments name their target by a text primary key.
    return (
        PageFeedback.objects.filter(translation_key__in=keys)
        .annotate(pk_text=Cast("pk", CharField()))
        .values("pk_text")
    )


def _first_dates(keys, filters):
    dates = EventOccurrence.objects.filter(
        page__translation_key__in=keys, cancelled=False
    )
    if filters.start is not None:
        dates = dates.filter(end__gt=filters.start)
    if filters.end is not None:
        dates = dates.filter(start__lt=filters.end)
    return dict(
        dates.values("page__translation_key")
        .annotate(first=Min("start"))
        .order_by()
        .values_list("page__translation_key", "first")
    )


def _grouped_counts(queryset, key, count):
    return dict(queryset.values(key).annotate(n=count).order_by().values_list(key, "n"))


def event_rows(user, filters):
    """One :class:`EventRow` per event in scope matching ``filters``, unsorted.

    A fixed number of queries, whatever the number of events.
    """
    language = translation.get_language() or settings.LANGUAGE_CODE
    keys = _event_keys(user, filters)
    versions = (
        events_in_scope(user)
        .filter(translation_key__in=keys)
        .annotate(
            institution_key=Subquery(
                institution_ancestor().values("translation_key")[:1]
            )
        )
        .values(
            "pk",
            "translation_key",
            "title",
            "event_type",
            "domain__translation_key",
            "institution_key",
            locale_code=F("locale__language_code"),
        )
        .order_by("pk")
    )
    grouped = {}
    for version in versions:
        grouped.setdefault(version["translation_key"], []).append(version)
    if not grouped:
        return []
    mean, weight = prior()
    feedback = {
        row["translation_key"]: row
        for row in PageFeedback.objects.filter(translation_key__in=keys).values(
            "pk",
            "translation_key",
            "rating_count",
            "rating_total",
            "attendee_count",
            "attendee_total",
        )
    }
    key_of_feedback = {str(row["pk"]): key for key, row in feedback.items()}
    registrations = _grouped_counts(
        Registration.objects.filter(
            event_key__in=keys, status=Registration.Status.CONFIRMED
        ),
        "event_key",
        Count("pk"),
    )
    attended = _grouped_counts(
        Attendance.objects.filter(registration__event_key__in=keys),
        "registration__event_key",
        Count("registration", distinct=True),
    )
    comments = _grouped_counts(
        _public_comments().filter(object_pk__in=_feedback_pks_as_text(keys)),
        "object_pk",
        Count("pk"),
    )
    views = dict(
        ArchiveViewCount.objects.filter(translation_key__in=keys).values_list(
            "translation_key", "views"
        )
    )
    first_dates = _first_dates(keys, filters)
    comments_by_key = {
        key_of_feedback[pk]: count
        for pk, count in comments.items()
        if pk in key_of_feedback
    }
    rows = []
    for key, event_versions in grouped.items():
        chosen = _chosen(event_versions, language)
        rated = feedback.get(key, {})
        rows.append(
            EventRow(
                key=key,
                title=chosen["title"],
                page_id=chosen["pk"],
                event_type=chosen["event_type"],
                domain_key=chosen["domain__translation_key"],
                institution_key=chosen["institution_key"],
                date=first_dates.get(key),
                rating_count=rated.get("rating_count", 0),
                rating_total=rated.get("rating_total", 0),
                attendee_count=rated.get("attendee_count", 0),
                attendee_total=rated.get("attendee_total", 0),
                registrations=registrations.get(key, 0),
                attended=attended.get(key, 0),
                comments=comments_by_key.get(key, 0),
                views=views.get(key, 0),
                prior_mean=mean,
                prior_weight=weight,
            )
        )
    return rows


def _public_comments():
    return Comment.objects.filter(
        content_type=ContentType.objects.get_for_model(PageFeedback),
        is_public=True,
        is_removed=False,
    )


def parse_sort(value):
    """(key, descending) of a ``sort`` parameter, or None when it is unknown."""
    value = (value or "").strip()
    descending = value.startswith("-")
    key = value.removeprefix("-")
    if key not in SORT_KEYS:
        return None
    return key, descending


def sort_rows(rows, key, descending=False):
    """Rows ordered by ``key``; events without a value go last either way."""
    by_title = sorted(rows, key=lambda row: row.title.casefold())
    if key == "title":
        return list(reversed(by_title)) if descending else by_title
    present = [row for row in by_title if getattr(row, key) is not None]
    missing = [row for row in by_title if getattr(row, key) is None]
    # Python's sort is stable in both directions: equal values stay by title.
    present.sort(key=lambda row: getattr(row, key), reverse=descending)
    return present + missing


def top_rows(rows, metric, limit=10):
    """The ``limit`` events with the highest ``metric`` (those having one)."""
    return [
        row
        for row in sort_rows(rows, metric, descending=True)
        if getattr(row, metric) is not None
    ][:limit]


# Summaries


def domain_names(language=None):
    """{translation key: name} of every domain, in ``language`` where it exists."""
    return _names(
        Domain.objects.values(
            "translation_key", "name", locale_code=F("locale__language_code")
        ),
        language or translation.get_language(),
    )


def institution_names(language=None):
    """{translation key: title} of every institution, in ``language`` if it exists."""
    return _names(
        InstitutionPage.objects.values(
            "translation_key", name=F("title"), locale_code=F("locale__language_code")
        ),
        language or translation.get_language(),
    )


def group_rows(rows, attribute, names, unnamed):
    """Rows summed by ``attribute`` (``domain_key``, ``institution_key``).

    ``names`` maps keys to names; events without one are grouped as ``unnamed``.
    Ordered by the Bayesian average, best first, then by name.
    """
    groups = {}
    for row in rows:
        key = getattr(row, attribute)
        group = groups.get(key)
        if group is None:
            group = groups[key] = GroupRow(
                key=key,
                name=str(names.get(key, unnamed) if key is not None else unnamed),
                prior_mean=row.prior_mean,
                prior_weight=row.prior_weight,
            )
        group.add(row)
        group.events += 1
    return sort_rows(list(groups.values()), "average", descending=True)


# Trends


def trend_interval(filters, requested=""):
    """``week`` or ``month``: as asked, else by the length of the period."""
    if requested in ("week", "month"):
        return requested
    bounded = filters.start is not None and filters.end is not None
    if bounded and filters.end - filters.start <= WEEKLY_UP_TO:
        return "week"
    return "month"


def _bucket_start(day, interval):
    if interval == "week":
        return day - datetime.timedelta(days=day.weekday())
    return day.replace(day=1)


def _next_bucket(day, interval):
    if interval == "week":
        return day + datetime.timedelta(days=7)
    return (day + datetime.timedelta(days=32)).replace(day=1)


def _local_day(value):
    if isinstance(value, datetime.datetime):
        if timezone.is_aware(value):
            value = value.astimezone(occurrences.TIME_ZONE)
        return value.date()
    return value


def _per_bucket(queryset, field_name, interval, start, end, **aggregates):
    truncate = TruncWeek if interval == "week" else TruncMonth
    if start is not None:
        queryset = queryset.filter(**{f"{field_name}__gte": start})
    queryset = queryset.filter(**{f"{field_name}__lt": end})
    rows = (
        queryset.annotate(bucket=truncate(field_name, tzinfo=occurrences.TIME_ZONE))
        .values("bucket")
        .annotate(**aggregates)
        .order_by("bucket")
    )
    result = {}
    for row in rows:
        day = _bucket_start(_local_day(row.pop("bucket")), interval)
        result[day] = row
    return result


def trends(user, filters, interval, now=None):
    """Ratings given (and their plain average), registrations and comments made,
    per week or month of the period (up to now), on the events shown."""
    now = now or timezone.now()
    end = min(filters.end, now) if filters.end is not None else now
    start = filters.start
    keys = _event_keys(user, filters)
    ratings = _per_bucket(
        Rating.objects.filter(feedback__translation_key__in=keys),
        "created_at",
        interval,
        start,
        end,
        n=Count("pk"),
        average=Avg("score"),
    )
    registrations = _per_bucket(
        Registration.objects.filter(event_key__in=keys),
        "created_at",
        interval,
        start,
        end,
        n=Count("pk"),
    )
    comments = _per_bucket(
        _public_comments().filter(object_pk__in=_feedback_pks_as_text(keys)),
        "submit_date",
        interval,
        start,
        end,
        n=Count("pk"),
    )
    found = [*ratings, *registrations, *comments]
    if start is not None:
        first = _bucket_start(_local_day(start), interval)
    elif found:
        first = min(found)
    else:
        return Trends(interval=interval)
    last = _bucket_start(_local_day(end - datetime.timedelta(microseconds=1)), interval)
    points = []
    day = first
    while day <= last:
        rated = ratings.get(day, {})
        points.append(
            TrendPoint(
                start=day,
                ratings=rated.get("n", 0),
                average=rated.get("average"),
                registrations=registrations.get(day, {}).get("n", 0),
                comments=comments.get(day, {}).get("n", 0),
            )
        )
        day = _next_bucket(day, interval)
    return Trends(interval=interval, points=points)


# Display and CSV


def format_value(value, kind="count"):
    """A metric as people read it: "4.3", "85 %", "12"; "—" without a value."""
    if value is None:
        return "—"
    if kind == "score":
        return formats.number_format(value, 1)
    if kind == "share":
        return _("%(percent)s%%") % {
            "percent": formats.number_format(round(100 * value))
        }
    return formats.number_format(value)


def bucket_label(day, interval, *, short=False):
    """A week ("Week of 03.03.2025") or a month ("March 2025") in the active
    language; ``short`` gives the week's first day alone, for a chart's axis."""
    if interval == "week" and short:
        return formats.date_format(day, "SHORT_DATE_FORMAT")
    if interval == "week":
        return _("Week of %(date)s") % {
            "date": formats.date_format(day, "SHORT_DATE_FORMAT")
        }
    return formats.date_format(day, "YEAR_MONTH_FORMAT")


def safe_cell(value):
    """A spreadsheet cell that cannot run as a formula (CSV injection)."""
    text = "" if value is None else str(value)
    if text.startswith(FORMULA_PREFIXES):
        return "'" + text
    return text


def csv_rows(rows, domains, institutions):
    """The ranking as spreadsheet rows, headings first, numbers in local format."""
    yield [
        safe_cell(heading)
        for heading in (
            _("Event"),
            _("Type"),
            _("Domain"),
            _("Institution"),
            _("First date"),
            *(metric.label for metric in METRICS),
        )
    ]
    for row in rows:
        date = (
            timezone.localtime(row.date).strftime("%Y-%m-%d %H:%M") if row.date else ""
        )
        values = [
            row.title,
            row.type_label,
            domains.get(row.domain_key, ""),
            institutions.get(row.institution_key, _("Culture department"))
            if row.institution_key
            else _("Culture department"),
            date,
        ]
        for metric in METRICS:
            value = getattr(row, metric.key)
            values.append("" if value is None else format_value(value, metric.kind))
        yield [safe_cell(value) for value in values]
