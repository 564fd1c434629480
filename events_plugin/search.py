"""The programme's search documents: archived events, and keeping the index current.

An archive item is a live, unrestricted event page with at least one recording and
a held date; each language version is its own document (`archive_document`).
`ArchiveSource` feeds `manage.py rebuild_search_index`; signal handlers call
`reindex_pages` and `remove_pages` after each commit.
"""

import logging
import threading
from contextlib import contextmanager

from django.db.models import Exists, OuterRef, Prefetch
from django.utils.translation import gettext as _
from django.utils.translation import gettext_lazy

from wagtail.images import get_image_model
from wagtail.models import PageViewRestriction

from cms.feedback import ratings
from cms.feedback.models import PageFeedback
from cms.search.documents import Cue, SearchDocument
from cms.search.service import get_search_service

from . import recordings

logger = logging.getLogger(__name__)

INDEX_NAME = "archive"
IMAGE_FILTER = "fill-480x270"
BATCH_SIZE = 200

_suspension = threading.local()


def document_key(pk):
    return f"events.EventPage:{pk}"


def archive_candidates():
    """Event pages that may be archive items: live, with a recording, every locale."""
    from .models import EventPage, Recording

    return EventPage.objects.live().filter(
        Exists(Recording.objects.filter(page_id=OuterRef("pk")))
    )


def with_archive_data(queryset):
    """`queryset` with everything `archive_documents` reads, fetched per batch."""
    from .models import EventOccurrence, SubtitleTrack

    return queryset.select_related("locale", "domain").prefetch_related(
        "recordings",
        "people",
        "tags",
        Prefetch(
            "subtitle_tracks",
            queryset=SubtitleTrack.objects.order_by("recording_number", "sort_order"),
        ),
        Prefetch(
            "stored_occurrences",
            queryset=EventOccurrence.objects.filter(cancelled=False),
            to_attr="held_occurrences",
        ),
        Prefetch(
            "image",
            queryset=get_image_model().objects.prefetch_renditions(IMAGE_FILTER),
        ),
    )


def archive_document(page):
    """The search document of one event page, or None when it is no archive item."""
    documents = archive_documents([page])
    return documents[0] if documents else None


def archive_documents(pages):
    """Documents of the archive items among `pages`, in their order.

    Reads the pages again with their recordings, subtitles, people, tags, dates
    and image renditions in a fixed number of queries, whatever their number.
    """
    from .models import ArchiveViewCount, EventPage

    pks = [page.pk for page in pages if page.pk]
    if not pks:
        return []
    by_pk = {
        page.pk: page
        for page in with_archive_data(archive_candidates().filter(pk__in=pks))
    }
    pages = [by_pk[pk] for pk in dict.fromkeys(pks) if pk in by_pk]
    restricted = _restricted_paths(pages)
    institutions = _institutions(pages)
    keys = {page.translation_key for page in pages}
    views = dict(
        ArchiveViewCount.objects.filter(translation_key__in=keys).values_list(
            "translation_key", "views"
        )
    )
    feedback = {
        item.translation_key: item
        for item in PageFeedback.objects.filter(translation_key__in=keys)
    }
    documents = []
    for page in pages:
        if _is_restricted(page.path, restricted):
            continue
        try:
            document = _document(
                page,
                institution=institutions.get(page.path[: -EventPage.steplen]),
                popularity=views.get(page.translation_key, 0),
                feedback=feedback.get(page.translation_key),
            )
        except Exception:
            # One broken page must not keep the others out of the index.
            logger.exception("Archive document of page %s cannot be built", page.pk)
            continue
        if document is not None:
            documents.append(document)
    return documents


def _document(page, *, institution, popularity, feedback=None):
    held = page.held_occurrences
    if not held:
        return None
    date = max(occurrence.end for occurrence in held)
    url_parts = page.get_url_parts()
    if not url_parts or not url_parts[2]:
        return None
    locale = page.locale.language_code
    tracks = list(page.subtitle_tracks.all())
    rating, rating_count = _rating(page, feedback)
    domain = page.domain.slug if page.domain else ""
    return SearchDocument(
        key=document_key(page.pk),
        locale=locale,
        url=url_parts[2],
        title=page.title,
        summary=page.introduction,
        body=_body_text(page),
        people=[person.name for person in page.people.all() if person.name],
        tags=[tag.name for tag in page.tags.all()],
        institution=institution.title if institution else "",
        date=date,
        available_from=date,
        rating=rating,
        rating_count=rating_count,
        popularity=popularity,
        duration=sum(
            int(recording.duration.total_seconds())
            for recording in page.recordings.all()
            if recording.duration
        ),
        image_url=_image_url(page),
        facets={
            "domain": [domain] if domain else [],
            "type": [page.event_type] if page.event_type else [],
            "institution": [institution.slug] if institution else [],
            "year": [str(date.year)],
            "language": [page.language] if page.language else [],
            "subtitles": ["yes" if tracks else "no"],
        },
        cues=_cues(page, [track for track in tracks if track.language == locale]),
    )


def _rating(page, feedback=None):
    """Bayesian average and number of ratings of an item; (None, 0) until rated.

    Read from the stored aggregate shared by every language version (``feedback``
    when the caller fetched it for a batch), so "best rated" ranks alike in all.
    """
    if feedback is None:
        feedback = PageFeedback.objects.filter(
            translation_key=page.translation_key
        ).first()
    if feedback is None or not feedback.rating_count:
        return None, 0
    mean, weight = ratings.prior()
    average = ratings.bayesian_average(
        feedback.rating_count, feedback.rating_total, mean, weight
    )
    return round(average, 3), feedback.rating_count


def _body_text(page):
    """Plain text of the body's blocks, as Wagtail's own search indexes them."""
    try:
        parts = page.body.stream_block.get_searchable_content(page.body)
    except Exception:
        logger.warning("Body of page %s cannot be read for search", page.pk)
        return ""
    return "\n".join(" ".join(str(part).split()) for part in parts if part)


def _image_url(page):
    if not page.image:
        return ""
    try:
        return page.image.get_rendition(IMAGE_FILTER).url
    except Exception:
        # A missing or unreadable file leaves the item without a picture.
        logger.warning("No %s rendition of image %s", IMAGE_FILTER, page.image_id)
        return ""


def _cues(page, tracks):
    cues = []
    for track in tracks:
        try:
            lines = recordings.parse_vtt(track.vtt)
        except ValueError as error:
            logger.warning(
                "Subtitle track %s of page %s is skipped: %s", track.pk, page.pk, error
            )
            continue
        cues.extend(
            Cue(line.start, line.end, line.text, track.recording_number)
            for line in lines
        )
    return cues


def _ancestor_paths(path, steplen):
    return [path[:end] for end in range(steplen, len(path) + 1, steplen)]


def _restricted_paths(pages):
    """Paths of the batch's pages and ancestors that carry a view restriction."""
    if not pages:
        return set()
    steplen = pages[0].steplen
    paths = {
        ancestor for page in pages for ancestor in _ancestor_paths(page.path, steplen)
    }
    return set(
        PageViewRestriction.objects.filter(page__path__in=paths).values_list(
            "page__path", flat=True
        )
    )


def _is_restricted(path, restricted):
    return any(path.startswith(restricted_path) for restricted_path in restricted)


def _institutions(pages):
    """Live institution pages that are parents of the pages, by path."""
    from .models import EventPage, InstitutionPage

    parent_paths = {page.path[: -EventPage.steplen] for page in pages}
    return {
        institution.path: institution
        for institution in InstitutionPage.objects.live().filter(path__in=parent_paths)
    }


class ArchiveSource:
    """Every archive item of the programme, for rebuilding the "archive" index."""

    index_name = INDEX_NAME
    label = gettext_lazy("Video archive")

    def queryset(self):
        return archive_candidates().order_by("pk")

    def count(self):
        """How many candidate pages a rebuild reads (an upper bound of documents)."""
        return self.queryset().count()

    def batches(self, after_pk=None, size=BATCH_SIZE):
        """`(last_pk, documents)` for consecutive candidate pages, in pk order."""
        queryset = self.queryset()
        last_pk = after_pk
        while True:
            batch = queryset if last_pk is None else queryset.filter(pk__gt=last_pk)
            pks = list(batch.values_list("pk", flat=True)[:size])
            if not pks:
                return
            last_pk = pks[-1]
            pages = [_PageRef(pk) for pk in pks]
            yield last_pk, archive_documents(pages)


class _PageRef:
    __slots__ = ("pk",)

    def __init__(self, pk):
        self.pk = pk


def reindex_pages(pages):
    """Write the documents of `pages` (event pages, or their pks) again.

    A page that is no archive item any more (unpublished, restricted, no
    recording, deleted) is removed from the index.
    """
    pks = list(dict.fromkeys(getattr(page, "pk", page) for page in pages))
    pks = [pk for pk in pks if pk is not None]
    if not pks:
        return 0
    service = get_search_service(INDEX_NAME)
    written = 0
    for start in range(0, len(pks), BATCH_SIZE):
        chunk = pks[start : start + BATCH_SIZE]
        documents = archive_documents([_PageRef(pk) for pk in chunk])
        if documents:
            service.index(documents)
            written += len(documents)
        indexed = {document.key for document in documents}
        stale = [document_key(pk) for pk in chunk if document_key(pk) not in indexed]
        if stale:
            service.remove(stale)
    return written


def reindex_translations(page):
    """Write every language version of an item again: they share its view count."""
    from .models import EventPage

    return reindex_pages(
        EventPage.objects.filter(translation_key=page.translation_key).values_list(
            "pk", flat=True
        )
    )


def remove_pages(pks):
    """Remove the documents of event pages, by page pk."""
    keys = [document_key(pk) for pk in dict.fromkeys(pks) if pk is not None]
    if keys:
        get_search_service(INDEX_NAME).remove(keys)
    return len(keys)


def index_archive(stdout=None):
    """Index every archive item through the search service; returns how many."""
    service = get_search_service(INDEX_NAME)
    written = 0
    for _last_pk, documents in ArchiveSource().batches():
        if documents:
            service.index(documents)
            written += len(documents)
    if stdout is not None:
        stdout.write(_("Video archive: %(count)d items indexed.") % {"count": written})
    return written


@contextmanager
def suspended_indexing():
    """Within it, the signal handlers leave the index alone (e.g. while seeding);
    call `index_archive()` afterwards."""
    _suspension.depth = getattr(_suspension, "depth", 0) + 1
    try:
        yield
    finally:
        _suspension.depth -= 1


def indexing_suspended():
    return getattr(_suspension, "depth", 0) > 0
