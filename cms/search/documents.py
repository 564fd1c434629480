"""What the search service indexes and answers: plain data, alike on every backend."""

from dataclasses import dataclass, field
from datetime import datetime

# The facets of the archive, in the order pages show them.
FACETS = ("domain", "type", "institution", "year", "language", "subtitles")

SORTS = ("relevance", "date", "rating", "popularity")

MAX_QUERY_LENGTH = 200
MAX_PAGE = 500


@dataclass
class Cue:
    """One subtitle or transcript line: when it is said and what."""

    start: float  # seconds into the recording
    end: float
    text: str
    recording: int = 1  # which recording of the item (1-based)


@dataclass
class SearchDocument:
    """One searchable item in one language (an archive item: an ended event's page).

    `key` is unique within an index ("events.EventPage:42"); `locale` chooses the
    analysis of every text field. `facets` maps each name of FACETS to its values
    (slugs, codes, years as strings); pages label them.
    """

    key: str
    locale: str
    url: str
    title: str
    summary: str = ""
    body: str = ""
    people: list[str] = field(default_factory=list)
    tags: list[str] = field(default_factory=list)
    institution: str = ""
    date: datetime | None = None  # when it took place
    available_from: datetime | None = None  # not found before this instant
    rating: float | None = None
    rating_count: int = 0
    popularity: int = 0
    duration: int = 0  # seconds, all recordings together
    image_url: str = ""
    facets: dict[str, list[str]] = field(default_factory=dict)
    cues: list[Cue] = field(default_factory=list)  # in `locale` only


@dataclass
class SearchQuery:
    """A visitor's search: text (may be empty: browse), filters, sort and page."""

    locale: str
    text: str = ""
    filters: dict[str, list[str]] = field(default_factory=dict)
    sort: str = "relevance"
    page: int = 1
    per_page: int = 20
    now: datetime | None = None  # items with available_from after it are left out
    with_facets: bool = True

    def __post_init__(self):
        self.text = " ".join((self.text or "").split())[:MAX_QUERY_LENGTH]
        self.sort = self.sort if self.sort in SORTS else "relevance"
        self.page = min(max(int(self.page or 1), 1), MAX_PAGE)
        self.filters = {
            name: [str(value) for value in values if str(value)]
            for name, values in (self.filters or {}).items()
            if name in FACETS and values
        }


@dataclass
class CueHit:
    """A subtitle line that matched, as safe HTML, with where to jump to."""

    start: float
    html: str
    recording: int = 1


@dataclass
class Hit:
    """One found item with its highlighted title and excerpt (safe HTML)."""

    key: str
    url: str
    title: str
    summary: str
    date: datetime | None
    rating: float | None
    rating_count: int
    popularity: int
    duration: int
    image_url: str
    facets: dict[str, list[str]]
    score: float = 0.0
    title_html: str = ""  # escaped title, matches in <mark>
    excerpt_html: str = ""  # escaped excerpt of summary/body/people, matches marked
    cues: list[CueHit] = field(default_factory=list)  # at most 3


@dataclass
class FacetCount:
    value: str
    count: int
    selected: bool = False


@dataclass
class SearchResults:
    """A page of hits with the total, facet counts and "did you mean"."""

    query: SearchQuery
    hits: list[Hit]
    total: int
    facets: dict[str, list[FacetCount]] = field(default_factory=dict)
    suggestion: str = ""  # a corrected query when the text found little or nothing
    backend: str = ""  # name of the backend that answered
    degraded: bool = False  # answered by the fallback because the primary failed

    @property
    def page_count(self):
        return max(1, -(-self.total // self.query.per_page))


@dataclass
class Suggestion:
    """An autocomplete entry: an item's title and address."""

    title: str
    url: str
