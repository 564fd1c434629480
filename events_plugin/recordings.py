"""Recordings of events: checking links and files, chapters and WebVTT subtitles."""

import io
import re
from dataclasses import dataclass

from django.core.exceptions import ValidationError
from django.utils.translation import gettext as _

import webvtt

from blocks.video import parse_video_url, supported_services_text

VIDEO_FILE_EXTENSIONS = ("mp4", "webm", "m4v", "ogv")
MAX_VTT_LENGTH = 2_000_000
# The video block's provider that reads each kind of link.
PROVIDER_CLASSES = {
    "youtube": "YouTubeProvider",
    "vk_video": "VKVideoProvider",
    "rutube": "RutubeProvider",
}
_CHAPTER = re.compile(r"^\s*(?:(\d{1,2}):)?(\d{1,2}):(\d{2})\s+(.+?)\s*$")


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
    chapters = []
    for number, line in enumerate((text or "").splitlines(), start=1):
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
        chapters.append(Chapter(start, title))
    return sorted(chapters, key=lambda chapter: chapter.start)


def parse_vtt(text):
    """The cues of a WebVTT text; raises ValueError saying what is wrong."""
    text = (text or "").replace("\r\n", "\n").lstrip("\ufeff")
    if len(text) > MAX_VTT_LENGTH:
        raise ValueError(_("the text is longer than two million characters"))
    if not text.startswith("WEBVTT"):
        raise ValueError(_("it must start with the line WEBVTT"))
    try:
        captions = webvtt.from_buffer(io.StringIO(text)).captions
    except Exception as error:  # webvtt-py raises several kinds for bad input
        raise ValueError(str(error) or _("the cues cannot be read")) from error
    cues = []
    for caption in captions:
        line = " ".join(caption.text.split())
        if line:
            cues.append(VttCue(caption.start_in_seconds, caption.end_in_seconds, line))
    return cues


def validate_recording(recording):
    """Raise ValidationError unless a recording has exactly what its provider needs."""
    if recording.provider == recording.Provider.FILE:
        if not recording.file_id:
            raise ValidationError({"file": _("Choose the video file.")})
        extension = recording.file.file_extension.lower() if recording.file else ""
        if extension not in VIDEO_FILE_EXTENSIONS:
            raise ValidationError(
                {"file": _("The file must be a video: MP4, WebM, M4V or OGV.")}
            )
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
        parse_chapters(recording.chapters)
    except ValueError as error:
        raise ValidationError(
            {
                "chapters": _("These chapters cannot be read: %(reason)s")
                % {"reason": error}
            }
        ) from error
