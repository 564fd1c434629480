"""The video archive's pages: browse, filter and search, and autocomplete.

The search is in the address (see `events_plugin.archive_forms`); the answer comes
from the archive search service, whichever backend serves it.
"""

import logging
from dataclasses import dataclass, field

from django.http import JsonResponse
from django.utils.cache import patch_cache_control
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from wagtail.contrib.routable_page.models import RoutablePageMixin, path

from cms.search.backends.base import SearchError
from cms.search.documents import FACETS, MAX_PAGE, MAX_QUERY_LENGTH, SearchQuery
from cms.search.service import get_search_service

from .. import recordings
from .guide import Link, paginate

logger = logging.getLogger("events.archive")

HITS_PER_PAGE = 20
SUGGESTIONS = 8
SUGGEST_MAX_AGE = 60


@dataclass(frozen=True)
class Duration:
    """A length of time in words and as an ISO 8601 duration for ``<time>``."""

    text: str
    iso: str


@dataclass(frozen=True)
class CueLink:
    """A subtitle line that matched and the player at that moment."""

    url: str
    time: str
    seconds: int
    html: str  # escaped by the backend, matches in <mark>


@dataclass
class ArchiveHit:
    """One found item with all its template shows: labels already in words."""

    url: str
    watch_url: str
    title: str
    title_html: str  # escaped by the backend, matches in <mark>
    excerpt_html: str  # escaped by the backend, matches in <mark>
    date: object
    labels: list
    duration: Duration | None
    rating: float | None
    rating_count: int
    image_url: str
    has_subtitles: bool
    cues: list


@dataclass(frozen=True)
class FacetOption:
    """A checkbox of a facet: value, words, count of matching items."""

    id: str
    value: str
    label: str
    count: int
    selected: bool


@dataclass(frozen=True)
class FacetGroup:
    name: str
    legend: str
    options: list


@dataclass(frozen=True)
class ActiveFilter:
    """A filter the reader chose, in words, and the search without it."""

    field: str
    value: str
    remove_url: str


@dataclass
class Archive:
    """Everything the archive page hands its template."""

    form: object
    text: str
    title: str
    heading: str
    urls: dict
    sort_links: list
    active_filters: list
    ignored: list
    shortened: bool
    facet_hidden: list = field(default_factory=list)  # the search kept by filters
    facets: list = field(default_factory=list)
    hits: list = field(default_factory=list)
    total: int = 0
    suggestion: Link | None = None
    unavailable: bool = False
    page_number: int = 1
    page_count: int = 1
    pages: list = field(default_factory=list)
    previous_page: str = ""
    next_page: str = ""


def duration(seconds):
    """A recording's length in words and for ``<time>``, None when unknown."""
    seconds = int(seconds or 0)
    if seconds <= 0:
        return None
    return Duration(recordings.duration_text(seconds), recordings.iso_duration(seconds))


def player_url(item_url, recording, start=None):
    """The player page of an item's recording, at ``start`` seconds if given."""
    url = f"{item_url}watch/{int(recording)}/"
    return f"{url}?t={max(int(start), 0)}" if start is not None else url


def clean_prefix(text):
    """What is typed into the search field, made safe to complete ("" if absurd)."""
    text = " ".join(str(text or "").split())
    if len(text) > MAX_QUERY_LENGTH or any(ord(char) < 32 for char in text):
        return ""
    return text


class ArchiveBuilder:
    """Turns one request to the archive page into the template's `Archive`."""

    def __init__(self, page, request):
        from ..archive_forms import (
            ArchiveSearchForm,
            FacetLabels,
            archive_domains,
            archive_institutions,
        )

        self.page = page
        self.request = request
        domains = list(archive_domains(page))
        institutions = list(archive_institutions(page))
        self.form = ArchiveSearchForm(
            request.GET, domains=domains, institutions=institutions
        )
        self.labels = FacetLabels(domains, institutions)
        self.base_url = page.get_url(request)
        self.service = get_search_service()

    def url(self, **changes):
        query = self.form.query_string(**changes)
        return f"{self.base_url}?{query}" if query else self.base_url

    def build(self):
        form = self.form
        archive = Archive(
            form=form,
            text=form.text,
            title="",
            heading="",
            urls={
                "here": self.base_url,
                "browse": self.base_url,
                "clear": self.url(filters=False, page=None),
                "suggest": self.base_url + self.page.reverse_subpage("suggest"),
            },
            sort_links=[
                Link(
                    self.url(sort=sort, page=None),
                    str(self._sort_label(sort)),
                    current=sort == form.sort_order,
                )
                for sort in form.sorts()
            ],
            active_filters=[
                ActiveFilter(
                    str(form.fields[name].label),
                    self.labels.label(name, value),
                    self.url(without=(name, value)),
                )
                for name, value in form.selected()
            ],
            ignored=form.ignored(),
            shortened=form.shortened(),
            facet_hidden=form.items(filters=False),
        )
        number = self._page_number()
        try:
            results = self._search(number)
            if not results.hits and results.total and number > results.page_count:
                # Beyond the last page (an old link): show the last one instead.
                number = min(results.page_count, MAX_PAGE)
                results = self._search(number)
        except SearchError:
            logger.exception("The archive search is unavailable")
            archive.unavailable = True
            archive.title, archive.heading = self._titles(1)
            return archive
        archive.total = results.total
        archive.page_number = results.query.page
        archive.page_count = min(results.page_count, MAX_PAGE)
        archive.hits = [self._hit(hit) for hit in results.hits]
        archive.facets = self._facets(results)
        if results.suggestion and results.suggestion != form.text:
            archive.suggestion = Link(
                self.url(text=results.suggestion, page=None), results.suggestion
            )
        archive.title, archive.heading = self._titles(archive.page_number)
        self._paginate(archive)
        return archive

    def _sort_label(self, sort):
        from ..archive_forms import SORT_LABELS

        return SORT_LABELS[sort]

    def _page_number(self):
        try:
            number = int(self.request.GET.get("page", 1))
        except (TypeError, ValueError):
            return 1
        return min(max(number, 1), MAX_PAGE)

    def _search(self, number):
        return self.service.search(
            SearchQuery(
                locale=self.page.locale.language_code,
                text=self.form.text,
                filters=self.form.filters(),
                sort=self.form.sort_order,
                page=number,
                per_page=HITS_PER_PAGE,
            )
        )

    def _titles(self, number):
        """The page's ``<title>`` and ``<h1>``: the words searched for, if any."""
        text = self.form.text
        if text:
            heading = _("Search results for “%(text)s”") % {"text": text}
        else:
            heading = self.page.title
        parts = [heading]
        if text:
            parts.append(self.page.get_meta_title())
        if number > 1:
            parts.insert(0, _("page %(number)s") % {"number": number})
        return " — ".join(str(part) for part in parts), heading

    def _hit(self, hit):
        facets = hit.facets or {}
        labels = [
            self.labels.label(name, value)
            for name in ("type", "domain", "institution")
            for value in facets.get(name, [])
            if value
        ]
        return ArchiveHit(
            url=hit.url,
            watch_url=f"{hit.url}watch/",
            title=hit.title,
            title_html=hit.title_html,
            excerpt_html=hit.excerpt_html,
            date=hit.date,
            labels=labels,
            duration=duration(hit.duration),
            rating=hit.rating,
            rating_count=hit.rating_count,
            image_url=hit.image_url,
            has_subtitles="yes" in facets.get("subtitles", []),
            cues=[
                CueLink(
                    player_url(hit.url, cue.recording, cue.start),
                    recordings.clock(cue.start),
                    int(cue.start),
                    cue.html,
                )
                for cue in hit.cues[:3]
            ],
        )

    def _facets(self, results):
        groups = []
        for name in FACETS:
            counts = results.facets.get(name, [])
            if not counts:
                continue
            options = [
                FacetOption(
                    f"archive-{name}-{number}",
                    count.value,
                    self.labels.label(name, count.value),
                    count.count,
                    count.selected,
                )
                for number, count in enumerate(counts)
            ]
            if name == "year":
                options.sort(key=lambda option: option.value, reverse=True)
            groups.append(FacetGroup(name, str(self.form.fields[name].label), options))
        return groups

    def _paginate(self, archive):
        paginate(
            archive,
            archive.page_number,
            archive.page_count,
            lambda number: self.url(page=number),
        )


class ArchiveRoutesMixin(RoutablePageMixin):
    """Routes of the archive page (see docs/archive.md).

    ``""`` browses and searches the archive (``q``, one parameter per facet,
    ``sort``, ``page``); ``suggest/`` completes what is typed (JSON).
    """

    @path("", name="archive")
    def index_route(self, request, *args, **kwargs):
        archive = ArchiveBuilder(self, request).build()
        response = self.render(request, context_overrides={"archive": archive})
        if archive.unavailable:
            response.status_code = 503
        return response

    @path("suggest/", name="suggest")
    def suggest(self, request):
        prefix = clean_prefix(request.GET.get("q", ""))
        suggestions = []
        if prefix:
            try:
                suggestions = get_search_service().suggest(
                    self.locale.language_code, prefix, limit=SUGGESTIONS
                )
            except SearchError:
                logger.warning("Archive suggestions are unavailable", exc_info=True)
        count = len(suggestions)
        response = JsonResponse(
            {
                "suggestions": [
                    {"title": item.title, "url": item.url} for item in suggestions
                ],
                "status": ngettext(
                    "%(count)s suggestion, use the up and down arrows to choose.",
                    "%(count)s suggestions, use the up and down arrows to choose.",
                    count,
                )
                % {"count": count}
                if count
                else _("No suggestions."),
            }
        )
        patch_cache_control(response, public=True, max_age=SUGGEST_MAX_AGE)
        return response
