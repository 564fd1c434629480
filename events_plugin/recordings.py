"""Recordings of events: checking links and files, chapters and WebVTT subtitles.

The parsers are strict where an editor can fix the input (each refusal names the
line and what is wrong) and forgiving about what editors' tools add anyway: a
byte order mark, Windows line ends, cue settings, comments and styling tags.
"""

import html
import re
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _
from django.utils.translation import ngettext

from blocks.video import parse_video_url, supported_services_text

VIDEO_FILE_EXTENSIONS = ("mp4", "webm", "m4v", "ogv")
MAX_VTT_LENGTH = 2_000_000
MAX_CHAPTERS_LENGTH = 20_000
# The video block's provider that reads each kind of link.
PROVIDER_CLASSES = {
    "youtube": "YouTubeProvider",
    "vk_video": "VKVideoProvider",
    "rutube": "RutubeProvider",
}
_CHAPTER = re.compile(r"^\s*(?:(\d{1,2}):)?(\d{1,2}):(\d{2})\s+(.+?)\s*$")
# "WEBVTT" alone on the first line, or followed by a space or tab and a title.
_VTT_HEADER = re.compile(r"WEBVTT(?:[ \t][^\n]*)?")
_VTT_TIMESTAMP = r"(?:(\d{2,}):)?([0-5]\d):([0-5]\d)\.(\d{3})"
_VTT_TIMING = re.compile(
    rf"{_VTT_TIMESTAMP}[ \t]+-->[ \t]+{_VTT_TIMESTAMP}(?:[ \t]+[^\n]*)?"
)
_VTT_TAG = re.compile(r"<[^>]*>")
# The first bytes of each kind of video file this site plays.
_VIDEO_SIGNATURES = (
    (4, b"ftyp"),  # MP4, M4V
    (0, b"\x1a\x45\xdf\xa3"),  # WebM (Matroska)
    (0, b"OggS"),  # OGV
)


@dataclass(frozen=True)
class Chapter:
    start: int  # seconds
    title: str


@dataclass(frozen=True)
class VttCue:
    start: float
    end: float
    text: str


def parse_chapters(text):
    """Chapters from lines "12:30 Title" or "1:02:03 Title", in time order.

    Raises ValueError naming the first line that is not a chapter.
    """
    return sorted(
        (chapter for _number, chapter in _chapter_lines(text)),
        key=lambda chapter: chapter.start,
    )


def _chapter_lines(text):
    """(line number, Chapter) of each chapter line, in the order written."""
    text = (text or "").lstrip("\ufeff")
    if len(text) > MAX_CHAPTERS_LENGTH:
        raise ValueError(_("the text is longer than twenty thousand characters"))
    result = []
    starts = set()
    for number, line in enumerate(text.splitlines(), start=1):
        if not line.strip():
            continue
        match = _CHAPTER.match(line)
        if not match:
            raise ValueError(
                _("line %(number)d is not “time title”, e.g. “12:30 Second part”")
                % {"number": number}
            )
        hours, minutes, seconds, title = match.groups()
        if int(seconds) >= 60 or (hours and int(minutes) >= 60):
            raise ValueError(
                _("line %(number)d has an impossible time") % {"number": number}
            )
        start = int(hours or 0) * 3600 + int(minutes) * 60 + int(seconds)
        if start in starts:
            raise ValueError(
                _("line %(number)d starts at the same time as another chapter")
                % {"number": number}
            )
        starts.add(start)
        result.append((number, Chapter(start, title)))
    return result


def parse_vtt(text):
    """The cues of a WebVTT text, in the order written; raises ValueError saying
    what is wrong and on which line.

    Comments (NOTE), STYLE and REGION blocks are skipped; cue settings after the
    times are allowed; tags such as <v Speaker> or <i> are removed from the text
    and cues left without words are dropped.
    """
    text = (text or "").lstrip("\ufeff")
    if len(text) > MAX_VTT_LENGTH:
        raise ValueError(_("the text is longer than two million characters"))
    lines = text.replace("\r\n", "\n").replace("\r", "\n").split("\n")
    if not _VTT_HEADER.fullmatch(lines[0]):
        raise ValueError(_("it must start with the line WEBVTT"))
    cues = []
    found = False
    for first, block in _vtt_blocks(lines):
        keyword = block[0].split(maxsplit=1)[0] if block[0].strip() else ""
        if keyword in ("NOTE", "STYLE", "REGION") and "-->" not in block[0]:
            continue
        # A cue may have an identifier line before its times.
        offset = 0 if "-->" in block[0] or len(block) == 1 else 1
        timing = block[offset]
        number = first + offset
        match = _VTT_TIMING.fullmatch(timing.strip())
        if not match:
            raise ValueError(
                _("line %(number)d has a wrong time: “%(text)s”")
                % {"number": number, "text": timing.strip()[:80]}
            )
        start = _seconds(*match.groups()[:4])
        end = _seconds(*match.groups()[4:])
        if end <= start:
            raise ValueError(
                _("line %(number)d ends before it starts") % {"number": number}
            )
        found = True
        words = " ".join(
            html.unescape(_VTT_TAG.sub("", " ".join(block[offset + 1 :]))).split()
        )
        if words:
            cues.append(VttCue(start, end, words))
    if not found:
        raise ValueError(_("it has no cues"))
    return cues


def _vtt_blocks(lines):
    """(line number of its first line, lines) of each block after the header."""
    block, first = [], 0
    # The header block runs to the first empty line.
    position = 1
    while position < len(lines) and lines[position].strip():
        position += 1
    for number, line in enumerate(lines[position:], start=position + 1):
        if line.strip():
            if not block:
                first = number
            block.append(line)
        elif block:
            yield first, block
            block = []
    if block:
        yield first, block


def _seconds(hours, minutes, seconds, milliseconds):
    return (
        int(hours or 0) * 3600
        + int(minutes) * 60
        + int(seconds)
        + int(milliseconds) / 1000
    )


def validate_recording(recording):
    """Raise ValidationError unless a recording has exactly what its provider needs."""
    if recording.provider == recording.Provider.FILE:
        _validate_file(recording)
    else:
        ref = parse_video_url(recording.url) if recording.url else None
        expected = PROVIDER_CLASSES.get(recording.provider)
        if ref is None or type(ref.provider).__name__ != expected:
            raise ValidationError(
                {
                    "url": _("Give the link to the video on %(services)s.")
                    % {"services": supported_services_text()}
                }
            )
    try:
        chapters = _chapter_lines(recording.chapters)
        length = recording.duration.total_seconds() if recording.duration else None
        for number, chapter in chapters:
            if length is not None and chapter.start >= length:
                raise ValueError(
                    _("line %(number)d starts after the end of the recording")
                    % {"number": number}
                )
    except ValueError as error:
        raise ValidationError(
            {
                "chapters": _("These chapters cannot be read: %(reason)s")
                % {"reason": error}
            }
        ) from error


def _validate_file(recording):
    if not recording.file_id:
        raise ValidationError({"file": _("Choose the video file.")})
    document = recording.file
    extension = document.file_extension.lower() if document else ""
    if extension not in VIDEO_FILE_EXTENSIONS or not _looks_like_video(document):
        raise ValidationError(
            {"file": _("The file must be a video: MP4, WebM, M4V or OGV.")}
        )


def _looks_like_video(document):
    """Whether the file's first bytes are those of an MP4, WebM or Ogg video."""
    try:
        with document.open_file() as file:
            head = file.read(12)
    except (OSError, ValueError):
        return False
    return any(head[at : at + len(magic)] == magic for at, magic in _VIDEO_SIGNATURES)


def clock(seconds):
    """Seconds as a clock reading: "12:30", or "1:02:03" from an hour on."""
    seconds = max(int(seconds), 0)
    hours, rest = divmod(seconds, 3600)
    minutes, secs = divmod(rest, 60)
    if hours:
        return f"{hours}:{minutes:02d}:{secs:02d}"
    return f"{minutes}:{secs:02d}"


def iso_duration(seconds):
    """Seconds as an ISO 8601 duration ("PT1H2M3S") for ``<time datetime>``."""
    seconds = max(int(seconds), 0)
    hours, rest = divmod(seconds, 3600)
    minutes, secs = divmod(rest, 60)
    return f"PT{hours}H{minutes}M{secs}S"


def duration_text(seconds):
    """A length in words: "1 h 5 min", "45 min", "30 s"."""
    seconds = max(int(seconds), 0)
    hours, rest = divmod(seconds, 3600)
    minutes, secs = divmod(rest, 60)
    if hours:
        return _("%(hours)d h %(minutes)d min") % {"hours": hours, "minutes": minutes}
    if minutes:
        return ngettext("%(minutes)d min", "%(minutes)d min", minutes) % {
            "minutes": minutes
        }
    return _("%(seconds)d s") % {"seconds": secs}
