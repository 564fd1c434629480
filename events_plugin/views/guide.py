"""The programme guide: dated views, filters, pages and feeds of events below a page.

Every choice lives in the address (the dates in the path, the filters in the
query string), so a view can be bookmarked, shared and used without JavaScript.
"""

import calendar
import datetime
from dataclasses import dataclass, field

from django.core.paginator import Paginator
from django.http import Http404
from django.utils import timezone
from django.utils.dates import WEEKDAYS, WEEKDAYS_ABBR
from django.utils.formats import date_format
from django.utils.translation import gettext as _

from wagtail.contrib.routable_page.models import RoutablePageMixin, path, re_path

from .. import occurrences
from ..feeds import atom_response, calendar_response

DATES_PER_PAGE = 20
FEED_ENTRIES = 50
# Dated views exist for these years only, so that "next" links come to an end.
FIRST_YEAR = 2000
LAST_YEAR = 2099
DAY_PATTERN = r"(?P<day>[0-9]{4}-[0-9]{2}-[0-9]{2})"
MONTH_PATTERN = r"(?P<month>[0-9]{4}-[0-9]{2})"


@dataclass(frozen=True)
class Step:
    """The range before or after the one shown."""

    route: str
    args: tuple
    label: str
    detail: str


@dataclass(frozen=True)
class GuideRange:
    """The dates a guide view covers, what it is called and its neighbours.

    ``view`` is the switcher entry it belongs to, ``reference`` the day the other
    views open on, ``end`` None for "from now on".
    """

    view: str
    route: str
    args: tuple
    heading: str
    reference: datetime.date
    start: datetime.datetime
    end: datetime.datetime | None = None
    previous: Step | None = None
    next: Step | None = None


def _local(moment):
    return moment.astimezone(occurrences.TIME_ZONE)


def _in_years(day):
    return FIRST_YEAR <= day.year <= LAST_YEAR


def _long_day(day):
    return date_format(day, "l, j E Y")


def _step(route, day, arg, label, detail):
    return Step(route, (arg,), label, detail) if _in_years(day) else None


def parse_day(text):
    """The date of a ``YYYY-MM-DD`` path segment; 404 for impossible ones."""
    try:
        day = datetime.date.fromisoformat(text)
    except ValueError:
        raise Http404("No such date.") from None
    if not _in_years(day):
        raise Http404("No such date.")
    return day


def parse_month(text):
    """The first day of a ``YYYY-MM`` path segment's month; 404 if impossible."""
    year, month = (int(part) for part in text.split("-"))
    if not 1 <= month <= 12 or not FIRST_YEAR <= year <= LAST_YEAR:
        raise Http404("No such month.")
    return datetime.date(year, month, 1)


def coming_up(now):
    return GuideRange(
        "list", "guide", (), _("Coming up"), _local(now).date(), start=now
    )


def one_day(day, route="day"):
    start, end = occurrences.day_bounds(day)
    before = day - datetime.timedelta(days=1)
    after = day + datetime.timedelta(days=1)
    headings = {
        "today": _("Today, %(date)s"),
        "tomorrow": _("Tomorrow, %(date)s"),
        "day": "%(date)s",
    }
    return GuideRange(
        "day",
        route,
        () if route != "day" else (day.isoformat(),),
        headings[route] % {"date": _long_day(day)},
        day,
        start,
        end,
        previous=_step(
            "day", before, before.isoformat(), _("Previous day"), _long_day(before)
        ),
        next=_step("day", after, after.isoformat(), _("Next day"), _long_day(after)),
    )


def one_week(day):
    start, end = occurrences.week_bounds(day)
    monday = _local(start).date()
    sunday = monday + datetime.timedelta(days=6)
    before = monday - datetime.timedelta(days=7)
    after = monday + datetime.timedelta(days=7)
    return GuideRange(
        "week",
        "week",
        (monday.isoformat(),),
        _("Week from %(start)s to %(end)s")
        % {"start": date_format(monday, "j E"), "end": date_format(sunday, "j E Y")},
        monday,
        start,
        end,
        previous=_step(
            "week",
            before,
            before.isoformat(),
            _("Previous week"),
            date_format(before, "j E"),
        ),
        next=_step(
            "week", after, after.isoformat(), _("Next week"), date_format(after, "j E")
        ),
    )


def one_month(first):
    start, end = occurrences.month_bounds(first)
    before = (first - datetime.timedelta(days=1)).replace(day=1)
    after = _local(end).date()
    return GuideRange(
        "month",
        "month",
        (f"{first:%Y-%m}",),
        date_format(first, "F Y"),
        first,
        start,
        end,
        previous=_step(
            "month",
            before,
            f"{before:%Y-%m}",
            _("Previous month"),
            date_format(before, "F Y"),
        ),
        next=_step(
            "month", after, f"{after:%Y-%m}", _("Next month"), date_format(after, "F Y")
        ),
    )


def weekend(today):
    start, end = occurrences.named_range("weekend", today)
    first = _local(start).date()
    last = _local(end).date() - datetime.timedelta(days=1)
    heading = _("This weekend, %(start)s and %(end)s") % {
        "start": date_format(first, "l j E"),
        "end": date_format(last, "l j E"),
    }
    if first == last:
        heading = _("This weekend, %(date)s") % {"date": date_format(last, "l j E")}
    return GuideRange("weekend", "weekend", (), heading, first, start, end)


@dataclass(frozen=True)
class Link:
    """A link of the guide's navigation; ``current`` marks where the reader is."""

    url: str
    label: str
    current: bool = False
    detail: str = ""


@dataclass(frozen=True)
class GuideItem:
    """One date of the listing with all the template shows about it."""

    date: object
    page: object
    institution: object
    live: bool
    free: bool
    spans_days: bool


@dataclass(frozen=True)
class GuideDay:
    """A day heading of the listing and the dates under it."""

    day: datetime.date
    label: str
    items: list


@dataclass(frozen=True)
class ActiveFilter:
    """A filter the reader chose, in words, and the view without it."""

    field: str
    value: str
    remove_url: str


@dataclass(frozen=True)
class CalendarDay:
    """A day of the month grid: its number of held dates and its day view."""

    day: datetime.date
    count: int
    url: str
    today: bool


@dataclass
class Guide:
    """Everything a guide view hands its template."""

    range: GuideRange
    title: str
    form: object
    urls: dict
    views: list
    quick_links: list
    previous: Link | None
    next: Link | None
    active_filters: list
    ignored: list
    days: list
    total: int
    page_number: int
    page_count: int
    pages: list = field(default_factory=list)
    previous_page: str = ""
    next_page: str = ""
    weekdays: list = field(default_factory=list)
    weeks: list = field(default_factory=list)
    next_match: Link | None = None
    programme_url: str = ""


def page_number(value, page_count):
    """The page asked for, or the first if it is garbage, the last if beyond."""
    try:
        number = int(value)
    except (TypeError, ValueError):
        return 1
    return min(max(number, 1), page_count)


class _Institutions:
    """Institution pages found by the path of an event below them, no query each."""

    def __init__(self, institutions, own_path):
        self._by_path = {page.path: page for page in institutions}
        self._lengths = sorted({len(p) for p in self._by_path}, reverse=True)
        self._own_path = own_path

    def of(self, page):
        for length in self._lengths:
            institution = self._by_path.get(page.path[:length])
            if institution is not None:
                # An institution's own guide does not repeat its name.
                return None if institution.path == self._own_path else institution
        return None


class GuideBuilder:
    """Turns one request to a guide route into the template's ``Guide``."""

    def __init__(self, page, request, date_range, now):
        from .. import selectors

        self.page = page
        self.request = request
        self.range = date_range
        self.now = now
        self.institutions = list(selectors.guide_institutions(page))
        self.form = page.guide_filter_form(request, self.institutions)
        self.filters = self.form.filters()
        self.base_url = page.get_url(request)

    def url(self, route, args=(), query=None):
        url = self.base_url + self.page.reverse_subpage(route, args=args)
        query = self.form.query_string() if query is None else query
        return f"{url}?{query}" if query else url

    def build(self):
        from .. import selectors

        date_range = self.range
        here = self.url(date_range.route, date_range.args, query="")
        paginator = Paginator(
            selectors.guide_dates(
                self.page, self.filters, date_range.start, date_range.end
            ),
            DATES_PER_PAGE,
        )
        number = page_number(self.request.GET.get("page"), paginator.num_pages)
        listing = paginator.page(number)
        guide = Guide(
            range=date_range,
            title=self._title(number),
            form=self.form,
            urls={
                "here": here,
                "clear": here,
                "calendar": self.url("calendar"),
                "feed": self.url("feed"),
            },
            views=self._views(),
            quick_links=[
                Link(self.url(route), label, current=date_range.route == route)
                for route, label in (
                    ("today", _("Today")),
                    ("tomorrow", _("Tomorrow")),
                    ("weekend", _("This weekend")),
                )
            ],
            previous=self._step_link(date_range.previous),
            next=self._step_link(date_range.next),
            active_filters=[
                ActiveFilter(
                    field_label,
                    value_label,
                    self._with_query(here, self.form.query_string(without=(n, v))),
                )
                for field_label, value_label, n, v in self.form.active()
            ],
            ignored=self.form.ignored(),
            days=self._days(listing),
            total=paginator.count,
            page_number=number,
            page_count=paginator.num_pages,
        )
        self._paginate(guide, paginator, here)
        if date_range.view == "month":
            self._month(guide)
        if not guide.total:
            self._empty(guide)
        return guide

    def _with_query(self, url, query):
        return f"{url}?{query}" if query else url

    def _title(self, number):
        parts = [self.page.get_meta_title()]
        if self.range.view != "list":
            parts.insert(0, self.range.heading)
        if number > 1:
            parts.insert(0, _("page %(number)s") % {"number": number})
        return " — ".join(str(part) for part in parts)

    def _views(self):
        reference = self.range.reference
        targets = {
            "list": ("guide", (), _("List")),
            "day": ("day", (reference.isoformat(),), _("Day")),
            "week": ("week", (reference.isoformat(),), _("Week")),
            "month": ("month", (f"{reference:%Y-%m}",), _("Month")),
        }
        return [
            Link(self.url(route, args), label, current=self.range.view == view)
            for view, (route, args, label) in targets.items()
        ]

    def _step_link(self, step):
        if step is None:
            return None
        return Link(self.url(step.route, step.args), step.label, detail=step.detail)

    def _days(self, listing):
        institutions = _Institutions(self.institutions, self.page.path)
        first_day = _local(self.range.start).date()
        this_year = _local(self.now).year
        days = []
        for date in listing:
            start, end = _local(date.start), _local(date.end)
            day = max(start.date(), first_day)
            if not days or days[-1].day != day:
                label = date_format(
                    day, "l, j E" if day.year == this_year else "l, j E Y"
                )
                days.append(GuideDay(day, label, []))
            days[-1].items.append(
                GuideItem(
                    date=date,
                    page=date.page,
                    institution=institutions.of(date.page),
                    live=not date.cancelled and date.start <= self.now < date.end,
                    free=not date.page.registration_required,
                    spans_days=(end - datetime.timedelta(microseconds=1)).date()
                    != start.date(),
                )
            )
        return days

    def _paginate(self, guide, paginator, here):
        def page_url(number):
            return self._with_query(
                here, self.form.query_string(**({"page": number} if number > 1 else {}))
            )

        paginate(guide, guide.page_number, paginator.num_pages, page_url)

    def _month(self, guide):
        from .. import selectors

        first = self.range.reference
        counts = selectors.dates_per_day(
            self.page, self.filters, self.range.start, self.range.end
        )
        today = _local(self.now).date()
        guide.weekdays = [(WEEKDAYS_ABBR[i], WEEKDAYS[i]) for i in range(7)]
        guide.weeks = [
            [
                CalendarDay(
                    day, counts[day], self.url("day", (day.isoformat(),)), day == today
                )
                if day.month == first.month
                else None
                for day in week
            ]
            for week in calendar.Calendar(firstweekday=0).monthdatescalendar(
                first.year, first.month
            )
        ]

    def _empty(self, guide):
        from .. import selectors

        guide.programme_url = self._programme_url()
        if self.range.end is None:
            return  # "from now on" found nothing: no later date can match either.
        after = max(self.range.end, self.now)
        date = selectors.next_matching_date(self.page, self.filters, after)
        if date is not None:
            day = _local(date.start).date()
            if _in_years(day):
                guide.next_match = Link(
                    self.url("day", (day.isoformat(),)), date_format(day, "l, j E Y")
                )

    def _programme_url(self):
        from ..models import ProgrammeIndexPage

        if isinstance(self.page, ProgrammeIndexPage):
            return self.base_url
        programme = (
            ProgrammeIndexPage.objects.live()
            .ancestor_of(self.page)
            .filter(locale_id=self.page.locale_id)
            .first()
        )
        return programme.get_url(self.request) if programme else self.base_url


def paginate(listing, number, count, page_url):
    """Give `listing` the links of its pages around `number` (None for a gap),
    and its previous and next page, when there are at least two."""
    if count < 2:
        return
    paginator = Paginator(range(count), 1)
    listing.pages = [
        Link(page_url(n), str(n), current=n == number)
        if n != paginator.ELLIPSIS
        else None
        for n in paginator.get_elided_page_range(number, on_each_side=2, on_ends=1)
    ]
    if number > 1:
        listing.previous_page = page_url(number - 1)
    if number < count:
        listing.next_page = page_url(number + 1)


class ProgrammeGuideMixin(RoutablePageMixin):
    """A page whose routes list, filter and feed the live events below it.

    ``""`` lists coming dates; ``today/``, ``tomorrow/``, ``weekend/``,
    ``day/<date>/``, ``week/<date>/`` and ``month/<YYYY-MM>/`` show a range;
    ``calendar/`` (iCalendar) and ``feed/`` (Atom) follow any filtered view.
    """

    @path("", name="guide")
    def index_route(self, request, *args, **kwargs):
        now = timezone.now()
        return self.serve_guide(request, coming_up(now), now)

    @path("today/", name="today")
    def guide_today(self, request):
        now = timezone.now()
        return self.serve_guide(request, one_day(_local(now).date(), "today"), now)

    @path("tomorrow/", name="tomorrow")
    def guide_tomorrow(self, request):
        now = timezone.now()
        day = _local(now).date() + datetime.timedelta(days=1)
        return self.serve_guide(request, one_day(day, "tomorrow"), now)

    @path("weekend/", name="weekend")
    def guide_weekend(self, request):
        now = timezone.now()
        return self.serve_guide(request, weekend(_local(now).date()), now)

    @re_path(rf"^day/{DAY_PATTERN}/$", name="day")
    def guide_day(self, request, day):
        return self.serve_guide(request, one_day(parse_day(day)), timezone.now())

    @re_path(rf"^week/{DAY_PATTERN}/$", name="week")
    def guide_week(self, request, day):
        return self.serve_guide(request, one_week(parse_day(day)), timezone.now())

    @re_path(rf"^month/{MONTH_PATTERN}/$", name="month")
    def guide_month(self, request, month):
        return self.serve_guide(request, one_month(parse_month(month)), timezone.now())

    @path("calendar/", name="calendar")
    def calendar(self, request):
        from ..selectors import matching_events, with_schedule

        form = self.guide_filter_form(request)
        events = with_schedule(
            matching_events(self, form.filters()).select_related("venue")
        )
        return calendar_response(events, request, self.guide_name(form), self.slug)

    @path("feed/", name="feed")
    def guide_feed(self, request):
        from ..selectors import upcoming_events

        form = self.guide_filter_form(request)
        items = upcoming_events(self, limit=FEED_ENTRIES, filters=form.filters())
        query = form.query_string()
        link = self.get_full_url(request)
        return atom_response(
            items,
            request,
            title=self.guide_name(form),
            link=f"{link}?{query}" if query else link,
            feed_url=request.build_absolute_uri(),
            language=self.locale.language_code,
        )

    def serve_guide(self, request, date_range, now):
        guide = GuideBuilder(self, request, date_range, now).build()
        return self.render(request, context_overrides={"guide": guide})

    def guide_filter_form(self, request, institutions=None):
        """The filters of ``request``; organisers are the institutions below."""
        from .. import selectors
        from ..forms import GuideFilterForm

        if institutions is None:
            institutions = selectors.guide_institutions(self)
        return GuideFilterForm(
            request.GET,
            domains=selectors.guide_domains(self),
            institutions=[page for page in institutions if page.path != self.path],
        )

    def guide_name(self, form):
        """The page's title, with the filters in words if there are any."""
        filters = form.describe()
        if not filters:
            return self.title
        return _("%(page)s: %(filters)s") % {"page": self.title, "filters": filters}
