"""Video hosting services the video block accepts, and strict parsing of their links.

Providers are listed in ``settings.KAZAN_VIDEO_PROVIDERS``. A provider never echoes the
pasted address: player and page links are rebuilt from the validated video ID only.
"""

import re
from dataclasses import dataclass
from functools import cache
from urllib.parse import parse_qs, urlencode, urlsplit

from django.conf import settings
from django.core.exceptions import ImproperlyConfigured
from django.utils.module_loading import import_string
from django.utils.text import get_text_list
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

DEFAULT_VIDEO_PROVIDERS = [
    "blocks.video.YouTubeProvider",
    "blocks.video.VKVideoProvider",
    "blocks.video.RutubeProvider",
]

# Longer than any recording we publish; a bigger offset is a typo, not a moment.
MAX_START_SECONDS = 48 * 3600
MAX_URL_LENGTH = 2048

_SECONDS_RE = re.compile(r"\d{1,6}s?")
_HMS_RE = re.compile(r"(?:(?P<h>\d{1,2})h)?(?:(?P<m>\d{1,4})m)?(?:(?P<s>\d{1,6})s)?")
_CLOCK_RE = re.compile(r"(?:(?P<h>\d{1,2}):)?(?P<m>\d{1,2}):(?P<s>\d{2})")


@dataclass(frozen=True)
class VideoRef:
    """One video on one provider, holding only parts that passed validation."""

    provider: "VideoProvider"
    video_id: str
    start: int | None = None
    access_key: str = ""

    @property
    def embed_url(self):
        return self.provider.embed_url(self)

    @property
    def player_url(self):
        """The embed address for click-to-load: the click is the request to play."""
        return self.provider.embed_url(self, autoplay=True)

    @property
    def watch_url(self):
        return self.provider.watch_url(self)

    @property
    def provider_name(self):
        return self.provider.name


@dataclass(frozen=True)
class SplitVideoURL:
    """A pasted address reduced to the parts providers look at."""

    host: str
    path: str
    query: dict
    fragment: str

    def param(self, name):
        values = self.query.get(name)
        return values[0] if values else ""


def split_video_url(url):
    """Split an http(s) address into host, path and query, or None if it is unsafe."""
    if not isinstance(url, str):
        return None
    url = url.strip()
    if not url or len(url) > MAX_URL_LENGTH:
        return None
    # Whitespace, control characters and backslashes inside an address are how
    # parser differentials are smuggled in; a real video link has none.
    if any(char <= " " or char in "\\\x7f" for char in url):
        return None
    if url.startswith("//"):
        url = "https:" + url
    elif "://" not in url:
        url = "https://" + url
    try:
        parts = urlsplit(url)
        port = parts.port
    except ValueError:
        return None
    if parts.scheme.lower() not in ("http", "https"):
        return None
    if parts.username is not None or parts.password is not None:
        return None
    if port not in (None, 80, 443):
        return None
    host = (parts.hostname or "").lower()
    if not host:
        return None
    return SplitVideoURL(
        host=host,
        path=parts.path or "/",
        query=parse_qs(parts.query, keep_blank_values=False),
        fragment=parts.fragment,
    )


def parse_start_time(value):
    """Seconds from "90", "90s", "1m30s", "1h2m3s" or "1:02:03"; None if unusable."""
    value = (value or "").strip().lower()
    if not value:
        return None
    if _SECONDS_RE.fullmatch(value):
        seconds = int(value.rstrip("s"))
    elif (match := _HMS_RE.fullmatch(value)) or (match := _CLOCK_RE.fullmatch(value)):
        hours, minutes, secs = (int(match.group(key) or 0) for key in "hms")
        seconds = hours * 3600 + minutes * 60 + secs
    else:
        return None
    if seconds <= 0 or seconds > MAX_START_SECONDS:
        return None
    return seconds


def format_hms(seconds):
    """Seconds as "1h2m3s", the form VK and YouTube use in links."""
    hours, rest = divmod(seconds, 3600)
    minutes, secs = divmod(rest, 60)
    text = ""
    if hours:
        text += f"{hours}h"
    if minutes:
        text += f"{minutes}m"
    if secs or not text:
        text += f"{secs}s"
    return text


def _with_query(base, params):
    params = {key: value for key, value in params.items() if value not in (None, "")}
    return f"{base}?{urlencode(params)}" if params else base


class VideoProvider:
    """A video hosting service: recognises its links and builds player and page links.

    Subclasses set ``key``, ``name`` and ``domains`` and implement ``match_parts``,
    ``embed_url`` and ``watch_url``.
    """

    key = ""
    name = ""
    # Registrable domains; "www." and "m." variants are accepted too.
    domains = ()
    extra_hosts = ()

    def allowed_hosts(self):
        hosts = set(self.extra_hosts)
        for domain in self.domains:
            hosts.update((domain, f"www.{domain}", f"m.{domain}"))
        return hosts

    def match(self, url):
        """A VideoRef if ``url`` is a link to a video on this service, else None."""
        parts = split_video_url(url)
        if parts is None or parts.host not in self.allowed_hosts():
            return None
        return self.match_parts(parts)

    def match_parts(self, parts):
        raise NotImplementedError

    def embed_url(self, ref, start=None, autoplay=False):
        """The player address for an iframe, starting at ``start`` seconds if given."""
        raise NotImplementedError

    def watch_url(self, ref):
        """The video's own page on the service, for visitors without the player."""
        raise NotImplementedError

    def __str__(self):
        return str(self.name)


class YouTubeProvider(VideoProvider):
    """YouTube videos, shorts and live streams, played from youtube-nocookie.com."""

    key = "youtube"
    name = _("YouTube")
    domains = ("youtube.com", "youtube-nocookie.com")
    extra_hosts = ("youtu.be",)

    id_re = re.compile(r"[A-Za-z0-9_-]{11}")
    path_re = re.compile(r"/(?:embed|shorts|live|v)/(?P<id>[^/]+)/?")

    def match_parts(self, parts):
        if parts.host == "youtu.be":
            video_id = parts.path[1:].rstrip("/")
        elif parts.path.rstrip("/") == "/watch":
            video_id = parts.param("v")
        elif match := self.path_re.fullmatch(parts.path):
            video_id = match["id"]
        else:
            return None
        if not self.id_re.fullmatch(video_id):
            return None
        start = parse_start_time(parts.param("t") or parts.param("start"))
        if start is None and parts.fragment.startswith("t="):
            start = parse_start_time(parts.fragment[2:])
        return VideoRef(self, video_id, start=start)

    def embed_url(self, ref, start=None, autoplay=False):
        start = start or ref.start
        return _with_query(
            f"https://www.youtube-nocookie.com/embed/{ref.video_id}",
            {"start": start, "autoplay": 1 if autoplay else None},
        )

    def watch_url(self, ref):
        return _with_query(
            "https://www.youtube.com/watch",
            {"v": ref.video_id, "t": f"{ref.start}s" if ref.start else None},
        )


class VKVideoProvider(VideoProvider):
    """VK Video on vk.com, vk.ru and vkvideo.ru, including links from walls, lists."""

    key = "vk"
    name = _("VK Video")
    domains = ("vk.com", "vk.ru", "vkvideo.ru")

    id_re = re.compile(r"(?P<oid>-?[0-9]{1,19})_(?P<id>[0-9]{1,19})")
    path_re = re.compile(
        r"/(?:playlist/-?[0-9]{1,19}_-?[0-9]{1,19}/)?video(?P<ref>[^/]+)/?"
    )
    z_re = re.compile(r"video(?P<ref>-?[0-9]{1,19}_[0-9]{1,19})(?:/.*)?")
    hash_re = re.compile(r"[0-9A-Za-z]{1,64}")

    def match_parts(self, parts):
        access_key = ""
        if parts.path == "/video_ext.php":
            video_id = f"{parts.param('oid')}_{parts.param('id')}"
            access_key = parts.param("hash")
            if access_key and not self.hash_re.fullmatch(access_key):
                return None
        elif (match := self.z_re.fullmatch(parts.param("z"))) or (
            match := self.path_re.fullmatch(parts.path)
        ):
            video_id = match["ref"]
        else:
            return None
        if not self.id_re.fullmatch(video_id):
            return None
        start = parse_start_time(parts.param("t"))
        return VideoRef(self, video_id, start=start, access_key=access_key)

    def embed_url(self, ref, start=None, autoplay=False):
        owner_id, video_id = ref.video_id.rsplit("_", 1)
        start = start or ref.start
        return _with_query(
            "https://vkvideo.ru/video_ext.php",
            {
                "oid": owner_id,
                "id": video_id,
                "hash": ref.access_key,
                "autoplay": 1 if autoplay else None,
                "t": format_hms(start) if start else None,
            },
        )

    def watch_url(self, ref):
        return _with_query(
            f"https://vkvideo.ru/video{ref.video_id}",
            {"t": format_hms(ref.start) if ref.start else None},
        )


class RutubeProvider(VideoProvider):
    """Rutube videos and live streams, including private links with an access key."""

    key = "rutube"
    name = _("Rutube")
    domains = ("rutube.ru",)

    path_re = re.compile(
        r"/(?:video|video/private|play/embed|live/video)/(?P<id>[0-9a-fA-F]{32})/?"
    )
    key_re = re.compile(r"[0-9A-Za-z_-]{1,64}")

    def match_parts(self, parts):
        match = self.path_re.fullmatch(parts.path)
        if not match:
            return None
        access_key = parts.param("p")
        if access_key and not self.key_re.fullmatch(access_key):
            return None
        start = parse_start_time(parts.param("t"))
        return VideoRef(self, match["id"].lower(), start=start, access_key=access_key)

    def embed_url(self, ref, start=None, autoplay=False):
        # The Rutube player has no documented autoplay switch; the visitor presses play.
        start = start or ref.start
        return _with_query(
            f"https://rutube.ru/play/embed/{ref.video_id}/",
            {"p": ref.access_key, "t": start},
        )

    def watch_url(self, ref):
        base = "https://rutube.ru/video/"
        if ref.access_key:
            base += "private/"
        return _with_query(
            f"{base}{ref.video_id}/", {"p": ref.access_key, "t": ref.start}
        )


@cache
def _load_provider(path):
    provider_class = import_string(path)
    if not (
        isinstance(provider_class, type) and issubclass(provider_class, VideoProvider)
    ):
        raise ImproperlyConfigured(
            f"KAZAN_VIDEO_PROVIDERS: {path} is not a VideoProvider subclass"
        )
    return provider_class()


def get_video_providers():
    """The providers named in ``settings.KAZAN_VIDEO_PROVIDERS``, in that order."""
    paths = getattr(settings, "KAZAN_VIDEO_PROVIDERS", DEFAULT_VIDEO_PROVIDERS)
    return [_load_provider(path) for path in paths]


def parse_video_url(url):
    """The VideoRef for a link to a video on a configured provider, else None."""
    for provider in get_video_providers():
        ref = provider.match(url)
        if ref is not None:
            return ref
    return None


def supported_services_text():
    """The configured services as a phrase, e.g. "YouTube, VK Video or Rutube"."""
    names = [str(provider.name) for provider in get_video_providers()]
    return get_text_list(names, gettext("or"))
