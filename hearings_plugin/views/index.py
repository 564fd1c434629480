"""The hearings listing on the index page, filtered by district, topic, stage, year.

Every choice lives in the query string, so a listing can be bookmarked and used
without JavaScript; values the listing does not know are dropped with a notice.
"""

from dataclasses import dataclass, field
from urllib.parse import urlencode

from django.core.paginator import Paginator
from django.urls import NoReverseMatch
from django.utils import timezone
from django.utils.translation import gettext as _

from wagtail.contrib.routable_page.models import RoutablePageMixin

HEARINGS_PER_PAGE = 20
IGNORED_VALUE_LENGTH = 40
FIRST_YEAR = 2000
LAST_YEAR = 2099
FILTER_NAMES = ("district", "topic", "stage", "year")


@dataclass(frozen=True)
class Option:
    value: str
    label: str
    selected: bool


@dataclass(frozen=True)
class FilterSelect:
    """One filter of the form: a labelled select with "any" first."""

    name: str
    label: str
    options: list


@dataclass(frozen=True)
class ActiveFilter:
    field: str
    value: str
    remove_url: str


@dataclass(frozen=True)
class Link:
    url: str
    label: str
    current: bool = False


def page_links(paginator, number, page_url):
    """Numbered links (None for a gap), previous and next page addresses."""
    if paginator.num_pages < 2:
        return [], None, None
    pages = [
        Link(page_url(n), str(n), current=n == number)
        if n != paginator.ELLIPSIS
        else None
        for n in paginator.get_elided_page_range(number, on_each_side=2, on_ends=1)
    ]
    previous_page = page_url(number - 1) if number > 1 else None
    next_page = page_url(number + 1) if number < paginator.num_pages else None
    return pages, previous_page, next_page


@dataclass
class HearingGroup:
    """A heading of the listing and its hearing cards."""

    key: str
    heading: str
    cards: list
    empty: str = ""
    pages: list = field(default_factory=list)
    previous_page: str = ""
    next_page: str = ""
    page_number: int = 1
    page_count: int = 1
    total: int = 0


@dataclass
class HearingListing:
    """Everything the index page hands its template about the hearings."""

    filters: list
    active: list
    ignored: list
    groups: list
    total: int
    filtered: bool
    links: list
    urls: dict


def page_number(value, page_count):
    """The page asked for, or the first if it is garbage, the last if beyond."""
    try:
        number = int(value)
    except (TypeError, ValueError):
        return 1
    return min(max(number, 1), max(page_count, 1))


def _shorten(text):
    if len(text) <= IGNORED_VALUE_LENGTH:
        return text
    return text[: IGNORED_VALUE_LENGTH - 1] + "…"


class HearingListingBuilder:
    """Turns the index page and one request into the template's listing."""

    def __init__(self, page, request, now=None):
        from ..models import District, Stage, Topic
        from ..selectors import pages as selectors

        self.page = page
        self.request = request
        self.now = now or timezone.now()
        self.base_url = page.get_url(request) or page.url or ""
        self.years = selectors.hearing_years(page)
        self.choices = {
            "district": (_("District"), [(k, str(v)) for k, v in District.choices]),
            "topic": (_("Topic"), [(k, str(v)) for k, v in Topic.choices]),
            "stage": (_("Stage"), [(k, str(v)) for k, v in Stage.choices]),
            "year": (_("Year"), [(str(year), str(year)) for year in self.years]),
        }
        self.selected, self.ignored = self._parse(request.GET)

    def _parse(self, query):
        selected = {}
        ignored = []
        for name in FILTER_NAMES:
            value = query.get(name, "").strip()
            if not value:
                continue
            label, choices = self.choices[name]
            if name == "year":
                known = value.isdigit() and FIRST_YEAR <= int(value) <= LAST_YEAR
            else:
                known = value in dict(choices)
            if known:
                selected[name] = value
            else:
                ignored.append(
                    _("%(field)s: “%(value)s”")
                    % {"field": label, "value": _shorten(value)}
                )
        return selected, ignored

    def filters(self):
        from ..selectors.pages import HearingFilters

        year = self.selected.get("year")
        return HearingFilters(
            district=self.selected.get("district", ""),
            topic=self.selected.get("topic", ""),
            stage=self.selected.get("stage", ""),
            year=int(year) if year else None,
        )

    def url(self, without=None, **extra):
        items = [(k, v) for k, v in self.selected.items() if k != without]
        items.extend((k, v) for k, v in extra.items())
        query = urlencode(items)
        return f"{self.base_url}?{query}" if query else self.base_url

    def _value_label(self, name, value):
        label, choices = self.choices[name]
        return dict(choices).get(value, value)

    def build(self):
        from ..selectors import pages as selectors

        filters = self.filters()
        if filters:
            queryset = selectors.hearings_below(self.page, filters, self.now).order_by(
                "-procedure__opens_at", "-pk"
            )
            groups = [
                self._paginated(
                    "found",
                    _("Hearings that match your choice"),
                    queryset,
                    _("No hearings match your choice."),
                )
            ]
        else:
            grouped = selectors.grouped_hearings(self.page, filters, self.now)
            groups = [
                self._group(
                    "open",
                    _("Open now: comments accepted"),
                    grouped["open"],
                    _("No hearing is accepting comments now."),
                ),
                self._group(
                    "upcoming",
                    _("Announced"),
                    grouped["upcoming"],
                    _("No hearings are announced at the moment."),
                ),
                self._paginated(
                    "past",
                    _("Past hearings"),
                    grouped["past"],
                    _("No past hearings yet."),
                ),
            ]
        return HearingListing(
            filters=self._selects(),
            active=[
                ActiveFilter(
                    str(self.choices[name][0]),
                    self._value_label(name, value),
                    self.url(without=name),
                )
                for name, value in self.selected.items()
            ],
            ignored=self.ignored,
            groups=groups,
            total=sum(group.total for group in groups),
            filtered=bool(filters),
            links=self._links(),
            urls={"here": self.base_url, "clear": self.base_url},
        )

    def _selects(self):
        selects = []
        for name in FILTER_NAMES:
            label, choices = self.choices[name]
            current = self.selected.get(name, "")
            options = [Option("", _("Any"), not current)]
            options.extend(
                Option(value, text, value == current) for value, text in choices
            )
            if name == "year" and current and current not in dict(choices):
                options.append(Option(current, current, True))
            selects.append(FilterSelect(name, label, options))
        return selects

    def _cards(self, pages):
        from ..selectors.pages import hearing_card

        return [hearing_card(page, self.request) for page in pages]

    def _group(self, key, heading, queryset, empty):
        cards = self._cards(queryset)
        return HearingGroup(key, heading, cards, empty, total=len(cards))

    def _paginated(self, key, heading, queryset, empty):
        paginator = Paginator(queryset, HEARINGS_PER_PAGE)
        number = page_number(self.request.GET.get("page"), paginator.num_pages)
        listing = paginator.page(number)
        group = HearingGroup(
            key,
            heading,
            self._cards(listing.object_list),
            empty,
            page_number=number,
            page_count=paginator.num_pages,
            total=paginator.count,
        )
        group.pages, group.previous_page, group.next_page = page_links(
            paginator, number, lambda n: self.url(**({"page": n} if n > 1 else {}))
        )
        return group

    def _links(self):
        wanted = (
            ("statistics", (), _("Statistics of all hearings")),
            ("open_data", ("csv",), _("Open data (CSV)")),
            ("open_data", ("json",), _("Open data (JSON)")),
            ("propose_topic", (), _("Propose a topic for a hearing")),
            ("my_submissions", (), _("My submissions")),
        )
        links = []
        for name, args, label in wanted:
            try:
                path = self.page.reverse_subpage(name, args=args)
            except NoReverseMatch:
                continue  # that feature is not installed on this page
            links.append(Link(self.base_url + path.lstrip("/"), label))
        return links


class HearingGuideMixin(RoutablePageMixin):
    """Adds the filtered, grouped listing of hearings to the index page."""

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        match = getattr(request, "routable_resolver_match", None)
        # Other routes of the index page render their own templates.
        if match is None or match.url_name == "index_route":
            context["hearings"] = HearingListingBuilder(self, request).build()
        return context
