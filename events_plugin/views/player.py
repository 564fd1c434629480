"""An archive item's player page: recordings, chapters, subtitles, related items.

Routes of an event page (``RecordingRoutesMixin``): ``watch/`` and
``watch/<number>/`` show a recording with its chapters and transcript,
``subtitles/<track>/`` serves a WebVTT track for ``<track src>`` and
``transcript/<track>/`` downloads it as plain text. Everything is in the address
(``?t=`` the moment, ``?lang=`` the transcript's language), so the page works
without JavaScript.
"""

import dataclasses
import logging
from urllib.parse import urlencode

from django.db import IntegrityError, transaction
from django.db.models import (
    Case,
    Exists,
    F,
    IntegerField,
    Max,
    Min,
    OuterRef,
    Prefetch,
    Subquery,
    Value,
    When,
)
from django.http import Http404, HttpResponse, HttpResponseNotAllowed
from django.template.response import TemplateResponse
from django.utils import timezone
from django.utils.http import content_disposition_header
from django.utils.translation import gettext as _

from wagtail.contrib.routable_page.models import RoutablePageMixin, path

from blocks.video import parse_start_time, parse_video_url

from .. import occurrences, recordings

logger = logging.getLogger(__name__)

RELATED_LIMIT = 4
# Every this many views the item is indexed again, so "popularity" follows.
REINDEX_EVERY = 10
SESSION_KEY = "archive_viewed"
# A browser session remembers this many viewed items; older ones may count again.
SESSION_MEMORY = 500
RELATED_THUMBNAIL = "fill-480x270"
VIDEO_TYPES = {
    "mp4": "video/mp4",
    "m4v": "video/mp4",
    "webm": "video/webm",
    "ogv": "video/ogg",
}
# Languages in which an event's speech is heard, for captions versus subtitles.
SPOKEN_LANGUAGES = {"ru": {"ru"}, "tt": {"tt"}, "en": {"en"}, "ru_tt": {"ru", "tt"}}


def _seconds(duration):
    return int(duration.total_seconds()) if duration else 0


@dataclasses.dataclass(frozen=True)
class Timed:
    """A chapter or a transcript line: a moment of the recording and its text."""

    number: int
    start: int
    end: int | None
    text: str
    url: str
    current: bool = False

    @property
    def clock(self):
        return recordings.clock(self.start)

    @property
    def iso(self):
        return recordings.iso_duration(self.start)

    @property
    def anchor(self):
        return f"cue-{self.number}"


@dataclasses.dataclass(frozen=True)
class Choice:
    """A link to another recording or another language, marked when current."""

    label: str
    url: str
    current: bool = False
    detail: str = ""


@dataclasses.dataclass(frozen=True)
class TrackSource:
    """A ``<track>`` of the file player."""

    src: str
    kind: str
    srclang: str
    label: str
    default: bool


@dataclasses.dataclass
class Player:
    """Everything the player page shows, decided here so the template only prints."""

    page: object
    recording: object
    number: int
    heading: str
    start: int
    video: dict | None = None
    file_video: dict | None = None
    recordings: list = dataclasses.field(default_factory=list)
    chapters: list = dataclasses.field(default_factory=list)
    transcript: dict = dataclasses.field(default_factory=dict)
    people: list = dataclasses.field(default_factory=list)
    duration: str = ""
    duration_iso: str = ""
    dates: dict | None = None
    institution: object = None
    related: list = dataclasses.field(default_factory=list)
    current_cue: Timed | None = None
    keep_query: str = ""

    @property
    def start_clock(self):
        return recordings.clock(self.start)


def route_url(page, request, name, *args):
    """The address of one of the page's routes."""
    # A page previewed before its first save has no address yet.
    return (page.get_url(request) or "") + page.reverse_subpage(name, args=args)


def _query(**params):
    params = {key: value for key, value in params.items() if value not in (None, "")}
    return f"?{urlencode(params)}" if params else "?"


def _current_index(items, moment):
    """The index of the item playing at ``moment`` (the last one started), or None."""
    index = None
    for position, item in enumerate(items):
        if item.start <= moment:
            index = position
        else:
            break
    return index


def _mark_current(items, moment):
    index = _current_index(items, moment) if moment else None
    if index is None:
        return items
    return [
        dataclasses.replace(item, current=position == index)
        for position, item in enumerate(items)
    ]


def chapters_of(recording, base_query, moment):
    """The recording's chapters as links to their moment."""
    try:
        chapters = recordings.parse_chapters(recording.chapters)
    except ValueError:
        return []
    items = [
        Timed(
            number=position,
            start=chapter.start,
            end=None,
            text=chapter.title,
            url=_query(t=chapter.start or None, **base_query),
        )
        for position, chapter in enumerate(chapters, start=1)
    ]
    return _mark_current(items, moment)


def cues_of(track):
    """The cues of a track, or None when its text cannot be read."""
    try:
        return recordings.parse_vtt(track.vtt)
    except ValueError:
        return None


def _preferred(tracks):
    """One track per language, a transcript before subtitles, in the given order."""
    chosen = {}
    for track in tracks:
        held = chosen.get(track.language)
        if held is None or (
            held.kind != track.Kind.TRANSCRIPT and track.kind == track.Kind.TRANSCRIPT
        ):
            chosen[track.language] = track
    return chosen


def transcript_of(page, request, available, shown, keep, moment):
    """The transcript shown: its lines, the other languages and what is missing.

    ``available`` maps a language to its track, ``shown`` is the language asked
    for (else the page's), ``keep`` the query the lines' links carry.
    """
    page_language = page.locale.language_code
    track = available.get(shown)
    result = {
        "track": track,
        "language": track.get_language_display() if track else "",
        "page_language": _language_name(page_language),
        "lines": [],
        "unreadable": False,
        "missing": track is None and bool(available),
        "others": [],
        "download_url": "",
    }
    for code in sorted(available, key=lambda code: (code != page_language, code)):
        other = available[code]
        result["others"].append(
            Choice(
                label=str(other.get_language_display()),
                url=_query(t=moment or None, lang="" if code == page_language else code)
                + "#transcript",
                current=track is not None and code == shown,
            )
        )
    if track is None:
        return result
    result["download_url"] = route_url(page, request, "transcript", track.pk)
    cues = cues_of(track)
    if cues is None:
        result["unreadable"] = True
        return result
    lines = [
        Timed(
            number=position,
            start=int(cue.start),
            end=int(cue.end),
            text=cue.text,
            url=_query(t=int(cue.start) or None, **keep) + f"#cue-{position}",
        )
        for position, cue in enumerate(cues, start=1)
    ]
    result["lines"] = _mark_current(lines, moment)
    return result


def track_sources(page, request, tracks, language):
    """``<track>`` elements of the file player, the page's language the default."""
    spoken = SPOKEN_LANGUAGES.get(page.language, set())
    sources = []
    by_language = {}
    for track in tracks:
        # Subtitles are made for the screen; a transcript serves when none are.
        held = by_language.get(track.language)
        if held is None or (
            held.kind == track.Kind.TRANSCRIPT and track.kind == track.Kind.SUBTITLES
        ):
            by_language[track.language] = track
    for code, track in by_language.items():
        sources.append(
            TrackSource(
                src=route_url(page, request, "subtitles", track.pk),
                kind="captions" if code in spoken else "subtitles",
                srclang=code,
                label=str(track.get_language_display()),
                default=code == language,
            )
        )
    return sorted(sources, key=lambda source: (not source.default, source.srclang))


def recording_label(recording, number):
    return recording.title or _("Recording %(number)d") % {"number": number}


def held_dates(page):
    """First start and last end of the event's held dates, or None."""
    dates = page.stored_occurrences.filter(cancelled=False).aggregate(
        first=Min("start"), last=Max("end")
    )
    if dates["first"] is None:
        return None
    first = dates["first"].astimezone(occurrences.TIME_ZONE)
    last = dates["last"].astimezone(occurrences.TIME_ZONE)
    return {"first": first, "last": last, "one_day": first.date() == last.date()}


def related_recordings(page, request=None, now=None, limit=RELATED_LIMIT):
    """Other archived events in the page's language, the closest first.

    Same domain first, then the same organiser, then the newest.

    Archived: live, with a recording, every held date over. Two queries.
    """
    from wagtail.images import get_image_model
    from wagtail.models import Page

    from ..models import EventOccurrence, EventPage, Recording

    now = now or timezone.now()
    last_end = (
        EventOccurrence.objects.filter(page_id=OuterRef("pk"), cancelled=False)
        .order_by("-end")
        .values("end")[:1]
    )
    parent_path = page.path[: -Page.steplen]
    closeness = [
        # The department's own events share the programme as their parent.
        When(path__startswith=parent_path, depth=page.depth, then=1),
    ]
    queryset = (
        EventPage.objects.live()
        .public()
        .filter(locale_id=page.locale_id)
        .exclude(pk=page.pk)
        .filter(Exists(Recording.objects.filter(page_id=OuterRef("pk"))))
        .annotate(last_end=Subquery(last_end))
        .filter(last_end__lte=now)
        .annotate(
            same_institution=Case(*closeness, default=0, output_field=IntegerField()),
        )
    )
    if page.domain_id:
        queryset = queryset.annotate(
            same_domain=Case(
                When(domain_id=page.domain_id, then=1),
                default=0,
                output_field=IntegerField(),
            )
        )
    else:
        queryset = queryset.annotate(same_domain=Value(0))
    images = get_image_model().objects.prefetch_renditions(RELATED_THUMBNAIL)
    events = list(
        queryset.select_related("domain")
        .defer("body")
        .prefetch_related(Prefetch("image", queryset=images))
        .order_by("-same_domain", "-same_institution", "-last_end", "-pk")[:limit]
    )
    return [
        {
            "page": event,
            "url": route_url(event, request, "watch"),
            "date": event.last_end.astimezone(occurrences.TIME_ZONE),
        }
        for event in events
    ]


def count_view(page, request):
    """Count one view of the item per browser session; reindex every tenth view."""
    from ..models import ArchiveViewCount

    key = str(page.translation_key)
    viewed = request.session.get(SESSION_KEY, [])
    if not isinstance(viewed, list):
        viewed = []
    if key in viewed:
        return None
    request.session[SESSION_KEY] = [*viewed, key][-SESSION_MEMORY:]
    counts = ArchiveViewCount.objects.filter(translation_key=page.translation_key)
    with transaction.atomic():
        if not counts.update(views=F("views") + 1):
            try:
                with transaction.atomic():
                    ArchiveViewCount.objects.create(
                        translation_key=page.translation_key, views=1
                    )
            except IntegrityError:
                # Another request created the row first.
                counts.update(views=F("views") + 1)
        views = counts.values_list("views", flat=True).first()
    if views and views % REINDEX_EVERY == 0:
        reindex(page)
    return views


def reindex(page):
    """Index the item again so its popularity is searchable; never fails the page."""
    try:
        from ..search import reindex_pages
    except ImportError:
        return
    from ..models import EventPage

    # Popularity is shared by every language version of the item.
    versions = EventPage.objects.filter(translation_key=page.translation_key)
    try:
        reindex_pages(list(versions.values_list("pk", flat=True)))
    except Exception:  # the search index must never keep a resident from watching
        logger.exception("Could not re-index %s after its views were counted", page.pk)


def build_player(page, request, number, items):
    """The ``Player`` of recording ``number`` (1-based) of ``page``, of ``items``."""
    recording = items[number - 1]
    language = page.locale.language_code
    start = parse_start_time(request.GET.get("t", "")[:20]) or 0
    tracks = [
        track
        for track in page.subtitle_tracks.all()
        if track.recording_number == number
    ]
    available = _preferred(tracks)
    requested = request.GET.get("lang", "")
    shown = requested if requested in available else language
    keep = {"lang": shown} if shown != language else {}
    if recording.title or len(items) > 1:
        heading = _("%(event)s: %(recording)s") % {
            "event": page.title,
            "recording": recording_label(recording, number),
        }
    else:
        heading = page.title
    player = Player(
        page=page,
        recording=recording,
        number=number,
        heading=heading,
        start=start,
        keep_query=urlencode(keep),
    )
    if recording.provider == recording.Provider.FILE:
        document = recording.file
        if document is not None:
            player.file_video = {
                "src": f"{document.url}#t={start}" if start else document.url,
                "type": VIDEO_TYPES.get(document.file_extension.lower(), ""),
                "download_url": document.url,
                "tracks": track_sources(page, request, tracks, language),
            }
    else:
        ref = parse_video_url(recording.url) if recording.url else None
        if ref is not None:
            ref = dataclasses.replace(ref, start=start or None)
            # The shape the video block's template expects.
            player.video = {
                "video": ref,
                "title": heading,
                "caption": "",
                "transcript_url": "#transcript" if available else "",
            }
    player.recordings = [
        Choice(
            label=recording_label(item, position),
            url=route_url(page, request, "watch_recording", position),
            current=position == number,
            detail=(
                recordings.duration_text(_seconds(item.duration))
                if item.duration
                else ""
            ),
        )
        for position, item in enumerate(items, start=1)
    ]
    player.chapters = chapters_of(recording, keep, start)
    player.transcript = transcript_of(page, request, available, shown, keep, start)
    player.current_cue = next(
        (line for line in player.transcript["lines"] if line.current), None
    )
    player.people = list(page.people.all())
    seconds = _seconds(recording.duration)
    if seconds:
        player.duration = recordings.duration_text(seconds)
        player.duration_iso = recordings.iso_duration(seconds)
    player.dates = held_dates(page)
    player.institution = page.get_institution()
    player.related = related_recordings(page, request)
    return player


def _language_name(code):
    from ..models import SubtitleTrack

    return str(dict(SubtitleTrack.Language.choices).get(code, code))


def recordings_teaser(page, request):
    """The event page's "Watch the recording" section: its recordings and lengths."""
    items = list(page.recordings.all())
    if not items:
        return None
    return {
        "watch_url": route_url(page, request, "watch"),
        "items": [
            Choice(
                label=recording_label(recording, number),
                url=route_url(page, request, "watch_recording", number),
                detail=(
                    recordings.duration_text(_seconds(recording.duration))
                    if recording.duration
                    else ""
                ),
            )
            for number, recording in enumerate(items, start=1)
        ],
    }


def answered_questions(page, request, number):
    """Questions of a Q&A interview answered in recording ``number``."""
    from .. import questions

    if not questions.takes_questions(page):
        return []
    return questions.answered_in_recording(page, request, number)


class RecordingRoutesMixin(RoutablePageMixin):
    """Routes of an event page that show its recordings (see docs/archive.md)."""

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["recordings_teaser"] = recordings_teaser(self, request)
        return context

    @path("watch/", name="watch")
    def watch(self, request):
        return self.watch_recording(request, 1)

    @path("watch/<int:number>/", name="watch_recording")
    def watch_recording(self, request, number):
        if request.method not in ("GET", "HEAD"):
            return HttpResponseNotAllowed(["GET", "HEAD"])
        items = list(self.recordings.select_related("file"))
        if not 1 <= number <= len(items):
            raise Http404(_("This event has no such recording."))
        player = build_player(self, request, number, items)
        response = TemplateResponse(
            request,
            "events/player/player.html",
            {
                "page": self,
                "self": self,
                "request": request,
                "player": player,
                "answered_questions": answered_questions(self, request, number),
            },
        )
        if request.method == "GET":
            count_view(self, request)
        return response

    def _track(self, track_pk):
        track = self.subtitle_tracks.filter(pk=track_pk).first()
        if track is None:
            raise Http404(_("This event has no such subtitle track."))
        return track

    @path("subtitles/<int:track_pk>/", name="subtitles")
    def subtitles(self, request, track_pk):
        track = self._track(track_pk)
        text = (track.vtt or "").replace("\r\n", "\n").lstrip("\ufeff")
        response = HttpResponse(text, content_type="text/vtt; charset=utf-8")
        response["Content-Disposition"] = content_disposition_header(
            False, f"{self.slug}-{track.recording_number}-{track.language}.vtt"
        )
        return response

    @path("transcript/<int:track_pk>/", name="transcript")
    def transcript(self, request, track_pk):
        track = self._track(track_pk)
        cues = cues_of(track)
        if cues is None:
            raise Http404(_("This transcript cannot be read."))
        heading = self.title
        items = list(self.recordings.all())
        if 1 <= track.recording_number <= len(items):
            recording = items[track.recording_number - 1]
            if recording.title:
                heading = _("%(event)s: %(recording)s") % {
                    "event": self.title,
                    "recording": recording.title,
                }
        lines = [heading, ""]
        lines += [f"[{recordings.clock(cue.start)}] {cue.text}" for cue in cues]
        response = HttpResponse(
            "\n".join(lines) + "\n", content_type="text/plain; charset=utf-8"
        )
        response["Content-Disposition"] = content_disposition_header(
            True, f"{self.slug}-{track.recording_number}-{track.language}.txt"
        )
        return response
