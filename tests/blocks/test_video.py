"""Video links: strict parsing, editor validation and click-to-load rendering."""

from html.parser import HTMLParser

from django.core.exceptions import ImproperlyConfigured
from django.utils import translation

from wagtail.blocks import StructBlockValidationError

import pytest

from blocks import VideoBlock
from blocks.video import (
    RutubeProvider,
    VideoProvider,
    get_video_providers,
    parse_start_time,
    parse_video_url,
)

YT = "dQw4w9WgXcQ"
RT = "c6cc4d620b1d4338901770a44b3e82f4"
UNSUPPORTED_MESSAGE = (
    "This address is not a video on %(services)s. Paste the link to the video page."
)


@pytest.mark.parametrize(
    ("url", "provider", "embed_url", "watch_url"),
    [
        # YouTube, played from the privacy-friendly host.
        (
            f"https://www.youtube.com/watch?v={YT}",
            "youtube",
            f"https://www.youtube-nocookie.com/embed/{YT}",
            f"https://www.youtube.com/watch?v={YT}",
        ),
        (
            f"https://youtube.com/watch?feature=share&v={YT}&t=1m30s",
            "youtube",
            f"https://www.youtube-nocookie.com/embed/{YT}?start=90",
            f"https://www.youtube.com/watch?v={YT}&t=90s",
        ),
        (
            f"https://m.youtube.com/watch?v={YT}",
            "youtube",
            f"https://www.youtube-nocookie.com/embed/{YT}",
            f"https://www.youtube.com/watch?v={YT}",
        ),
        (
            f"https://youtu.be/{YT}?t=42",
            "youtube",
            f"https://www.youtube-nocookie.com/embed/{YT}?start=42",
            f"https://www.youtube.com/watch?v={YT}&t=42s",
        ),
        (
            f"https://www.youtube.com/embed/{YT}?start=30",
            "youtube",
            f"https://www.youtube-nocookie.com/embed/{YT}?start=30",
            f"https://www.youtube.com/watch?v={YT}&t=30s",
        ),
        (
            f"https://www.youtube-nocookie.com/embed/{YT}",
            "youtube",
            f"https://www.youtube-nocookie.com/embed/{YT}",
            f"https://www.youtube.com/watch?v={YT}",
        ),
        (
            f"https://www.youtube.com/shorts/{YT}",
            "youtube",
            f"https://www.youtube-nocookie.com/embed/{YT}",
            f"https://www.youtube.com/watch?v={YT}",
        ),
        (
            f"https://www.youtube.com/live/{YT}?si=AbCdEf123",
            "youtube",
            f"https://www.youtube-nocookie.com/embed/{YT}",
            f"https://www.youtube.com/watch?v={YT}",
        ),
        (
            f"youtube.com/watch?v={YT}",
            "youtube",
            f"https://www.youtube-nocookie.com/embed/{YT}",
            f"https://www.youtube.com/watch?v={YT}",
        ),
        (
            f"http://www.youtube.com/watch?v={YT}#t=1h2m3s",
            "youtube",
            f"https://www.youtube-nocookie.com/embed/{YT}?start=3723",
            f"https://www.youtube.com/watch?v={YT}&t=3723s",
        ),
        # VK Video, on each of its domains and from walls and playlists.
        (
            "https://vk.com/video-123_456",
            "vk",
            "https://vkvideo.ru/video_ext.php?oid=-123&id=456",
            "https://vkvideo.ru/video-123_456",
        ),
        (
            "https://vkvideo.ru/video-123_456?t=1m30s",
            "vk",
            "https://vkvideo.ru/video_ext.php?oid=-123&id=456&t=1m30s",
            "https://vkvideo.ru/video-123_456?t=1m30s",
        ),
        (
            "https://m.vk.com/video987_654/",
            "vk",
            "https://vkvideo.ru/video_ext.php?oid=987&id=654",
            "https://vkvideo.ru/video987_654",
        ),
        (
            "https://vk.ru/video-123_456",
            "vk",
            "https://vkvideo.ru/video_ext.php?oid=-123&id=456",
            "https://vkvideo.ru/video-123_456",
        ),
        (
            "https://vk.com/video_ext.php?oid=-123&id=456&hash=7a1f0b3e5c3d9e2a&hd=2",
            "vk",
            "https://vkvideo.ru/video_ext.php?oid=-123&id=456&hash=7a1f0b3e5c3d9e2a",
            "https://vkvideo.ru/video-123_456",
        ),
        (
            "https://vk.com/kazanculture?z=video-123_456%2Fclub123",
            "vk",
            "https://vkvideo.ru/video_ext.php?oid=-123&id=456",
            "https://vkvideo.ru/video-123_456",
        ),
        (
            "https://vk.com/video?z=video-123_456%2Fpl_cat_trends",
            "vk",
            "https://vkvideo.ru/video_ext.php?oid=-123&id=456",
            "https://vkvideo.ru/video-123_456",
        ),
        (
            "https://vkvideo.ru/playlist/-123_7/video-123_456",
            "vk",
            "https://vkvideo.ru/video_ext.php?oid=-123&id=456",
            "https://vkvideo.ru/video-123_456",
        ),
        # Rutube, including live streams and private links.
        (
            f"https://rutube.ru/video/{RT}/",
            "rutube",
            f"https://rutube.ru/play/embed/{RT}/",
            f"https://rutube.ru/video/{RT}/",
        ),
        (
            f"https://www.rutube.ru/video/{RT}?t=125",
            "rutube",
            f"https://rutube.ru/play/embed/{RT}/?t=125",
            f"https://rutube.ru/video/{RT}/?t=125",
        ),
        (
            f"https://rutube.ru/play/embed/{RT}",
            "rutube",
            f"https://rutube.ru/play/embed/{RT}/",
            f"https://rutube.ru/video/{RT}/",
        ),
        (
            f"https://m.rutube.ru/live/video/{RT}/",
            "rutube",
            f"https://rutube.ru/play/embed/{RT}/",
            f"https://rutube.ru/video/{RT}/",
        ),
        (
            f"https://rutube.ru/video/private/{RT}/?p=Xy_1-z2",
            "rutube",
            f"https://rutube.ru/play/embed/{RT}/?p=Xy_1-z2",
            f"https://rutube.ru/video/private/{RT}/?p=Xy_1-z2",
        ),
    ],
)
def test_accepted_link_gives_embed_and_watch_urls(url, provider, embed_url, watch_url):
    ref = parse_video_url(url)
    assert ref is not None
    assert ref.provider.key == provider
    assert ref.embed_url == embed_url
    assert ref.watch_url == watch_url


@pytest.mark.parametrize(
    "url",
    [
        "",
        None,
        "javascript:alert(1)",
        f"JaVaScRiPt:alert(1)//www.youtube.com/watch?v={YT}",
        f"data:text/html,<a href='https://youtu.be/{YT}'>",
        f"https://youtube.com.evil.ru/watch?v={YT}",
        f"https://evilyoutube.com/watch?v={YT}",
        f"https://youtube.evil.ru/watch?v={YT}",
        f"https://www.youtube.com@evil.ru/watch?v={YT}",
        f"https://evil.ru@www.youtube.com/watch?v={YT}",
        f"https://www.youtube.com\\@evil.ru/watch?v={YT}",
        f"https://www.youtube.com:8080/watch?v={YT}",
        f"ftp://www.youtube.com/watch?v={YT}",
        f"https://evil.ru/?next=https://www.youtube.com/watch?v={YT}",
        "https://www.youtube.com/watch?v=short",
        f"https://www.youtube.com/watch?v={YT}x",
        f'https://www.youtube.com/watch?v={YT}"><script>',
        f"https://www.youtube.com/watch?v={YT}%0A",
        f"https://youtu.be/{YT}/extra",
        f"https://www.youtube.com/watch ?v={YT}",
        "https://www.youtube.com/playlist?list=PLx0sYbCqOb8TBPRdmBHs5Iftvv9TPboYG",
        "https://www.youtube.com/@kazan",
        "https://vk.com/video-123",
        "https://vk.com/video-abc_456",
        "https://vk.com/video-123_456_789",
        "https://vk.com.evil.ru/video-123_456",
        "https://vkvideo.ru/video_ext.php?oid=-123&id=456&hash=%3Cscript%3E",
        "https://vkvideo.ru/video_ext.php?oid=-123",
        "https://vk.com/kazanculture?z=photo-123_456",
        "https://rutube.ru/video/123/",
        f"https://rutube.ru/video/{RT[:-1]}z/",
        f"https://rutube.ru.evil.ru/video/{RT}/",
        f"https://rutube.ru/video/private/{RT}/?p=<script>",
        f"https://rutube.ru/channel/{RT}/",
        f"https://vimeo.com/{RT}",
    ],
)
def test_unsupported_or_malformed_link_is_rejected(url):
    assert parse_video_url(url) is None


@pytest.mark.parametrize(
    ("value", "seconds"),
    [
        ("90", 90),
        ("90s", 90),
        ("1m30s", 90),
        ("1h2m3s", 3723),
        ("2h", 7200),
        ("1:30", 90),
        ("1:02:03", 3723),
        ("", None),
        ("0", None),
        ("-5", None),
        ("abc", None),
        ("1m30", None),
        ("999999", None),
    ],
)
def test_start_time_is_read_from_the_forms_services_use(value, seconds):
    assert parse_start_time(value) == seconds


def test_embed_url_can_start_at_another_moment_of_the_recording():
    ref = parse_video_url(f"https://rutube.ru/video/{RT}/")
    assert ref.provider.embed_url(ref, start=754) == (
        f"https://rutube.ru/play/embed/{RT}/?t=754"
    )
    vk = parse_video_url("https://vk.com/video-1_2")
    assert vk.provider.embed_url(vk, start=754) == (
        "https://vkvideo.ru/video_ext.php?oid=-1&id=2&t=12m34s"
    )


def test_player_url_autoplays_because_the_visitor_pressed_play():
    ref = parse_video_url(f"https://youtu.be/{YT}")
    assert ref.player_url == f"https://www.youtube-nocookie.com/embed/{YT}?autoplay=1"


def test_providers_come_from_the_setting_in_order(settings):
    settings.KAZAN_VIDEO_PROVIDERS = ["blocks.video.RutubeProvider"]
    providers = get_video_providers()
    assert [type(provider) for provider in providers] == [RutubeProvider]
    assert parse_video_url(f"https://youtu.be/{YT}") is None
    assert parse_video_url(f"https://rutube.ru/video/{RT}/") is not None


def test_setting_naming_a_non_provider_is_a_configuration_error(settings):
    settings.KAZAN_VIDEO_PROVIDERS = ["blocks.video.VideoRef"]
    with pytest.raises(ImproperlyConfigured):
        get_video_providers()


class ExampleProvider(VideoProvider):
    key = "example"
    name = "Example"
    domains = ("video.example",)

    def match_parts(self, parts):
        from blocks.video import VideoRef

        if parts.path.startswith("/v/"):
            return VideoRef(self, parts.path[3:])
        return None

    def embed_url(self, ref, start=None, autoplay=False):
        return f"https://video.example/embed/{ref.video_id}"

    def watch_url(self, ref):
        return f"https://video.example/v/{ref.video_id}"


def test_a_new_provider_plugs_in_through_the_setting(settings):
    settings.KAZAN_VIDEO_PROVIDERS = [f"{__name__}.ExampleProvider"]
    ref = parse_video_url("https://www.video.example/v/abc")
    assert ref.embed_url == "https://video.example/embed/abc"
    assert parse_video_url("https://video.example.evil.ru/v/abc") is None


# Editor validation


def video_value(url, title="Concert of the symphony orchestra", **extra):
    return VideoBlock().to_python({"url": url, "title": title, **extra})


def url_error_message(url, **extra):
    block = VideoBlock()
    with pytest.raises(StructBlockValidationError) as raised:
        block.clean(video_value(url, **extra))
    return raised.value, raised.value.block_errors["url"].messages[0]


def assert_names_the_supported_services(message):
    """The message lists every configured service, in the active language.

    Once the catalogue for the active language translates the message, it must
    also differ from the English text.
    """
    for provider in get_video_providers():
        assert str(provider.name) in message
    if translation.gettext(UNSUPPORTED_MESSAGE) != UNSUPPORTED_MESSAGE:
        with translation.override("en"):
            english = UNSUPPORTED_MESSAGE % {"services": "YouTube, VK Video or Rutube"}
        assert message != english


@pytest.mark.parametrize(
    "url",
    [
        f"https://youtube.com.evil.ru/watch?v={YT}",
        "javascript:alert(1)",
        "https://vk.com/video-abc_456",
        "https://example.org/",
        "not a link at all",
    ],
)
def test_editor_gets_a_clear_message_for_an_unsupported_link(url):
    with translation.override("en"):
        __, message = url_error_message(url)
    assert message == (
        "This address is not a video on YouTube, VK Video or Rutube. "
        "Paste the link to the video page."
    )


def test_message_for_an_unsupported_link_is_in_the_editors_language():
    with translation.override("ru"):
        __, message = url_error_message("https://example.org/watch?v=1")
        assert_names_the_supported_services(message)
        # Django's own catalogue already joins the list with the Russian "or".
        assert " или " in message


def test_message_names_only_the_configured_services(settings):
    settings.KAZAN_VIDEO_PROVIDERS = ["blocks.video.RutubeProvider"]
    with translation.override("en"):
        __, message = url_error_message(f"https://youtu.be/{YT}")
    assert "Rutube" in message
    assert "YouTube" not in message


def test_missing_title_is_reported_together_with_a_bad_link():
    error, __ = url_error_message("https://example.org/", title="")
    assert set(error.block_errors) == {"url", "title"}


def test_supported_link_passes_validation():
    value = VideoBlock().clean(video_value(f"https://rutube.ru/video/{RT}/?t=60"))
    assert value.video.embed_url == f"https://rutube.ru/play/embed/{RT}/?t=60"


# Rendering


class _PlayerAudit(HTMLParser):
    """Collects what a page would load or run before any script acts on it."""

    def __init__(self):
        super().__init__()
        self.template_depth = 0
        self.live_iframes = 0
        self.live_remote_sources = []
        self.inert_iframes = []
        self.buttons = []
        self.links = []
        self.scripts = []
        self._button = None
        self._link = None

    def handle_starttag(self, tag, attrs):
        attrs = dict(attrs)
        if tag == "template":
            self.template_depth += 1
            return
        if self.template_depth:
            if tag == "iframe":
                self.inert_iframes.append(attrs)
            return
        if tag == "iframe":
            self.live_iframes += 1
        for name in ("src", "srcset", "poster", "data"):
            value = attrs.get(name) or ""
            if value.startswith(("http:", "https:", "//")):
                self.live_remote_sources.append(value)
        if tag == "button":
            self._button = {"attrs": attrs, "text": ""}
        elif tag == "a":
            self._link = {"href": attrs.get("href"), "text": ""}
        elif tag == "script":
            self.scripts.append(attrs.get("src"))

    def handle_endtag(self, tag):
        if tag == "template":
            self.template_depth -= 1
        elif tag == "button" and self._button:
            self.buttons.append(self._button)
            self._button = None
        elif tag == "a" and self._link:
            self._link["text"] = " ".join(self._link["text"].split())
            self.links.append(self._link)
            self._link = None

    def handle_data(self, data):
        if self.template_depth:
            return
        if self._button is not None:
            self._button["text"] += data
        elif self._link is not None:
            self._link["text"] += data


def audit(html):
    parser = _PlayerAudit()
    parser.feed(html)
    parser.close()
    return parser


@pytest.mark.parametrize(
    ("url", "service"),
    [
        (f"https://www.youtube.com/watch?v={YT}", "YouTube"),
        ("https://vk.com/video-123_456", "VK Video"),
        (f"https://rutube.ru/video/{RT}/", "Rutube"),
    ],
)
def test_rendered_video_contacts_no_service_before_the_visitor_asks(url, service):
    with translation.override("en"):
        html = VideoBlock().render(video_value(url, title="Opening concert"))
    page = audit(html)

    assert page.live_iframes == 0
    assert page.live_remote_sources == []
    assert "<img" not in html

    [player] = page.inert_iframes
    ref = parse_video_url(url)
    assert player["src"] == ref.player_url
    assert player["title"] == "Opening concert"
    assert (
        player["allow"] == "autoplay; encrypted-media; fullscreen; picture-in-picture"
    )
    assert "allowfullscreen" in player
    assert player["referrerpolicy"] == "strict-origin-when-cross-origin"
    assert player["loading"] == "lazy"

    [button] = page.buttons
    assert button["attrs"]["type"] == "button"
    assert " ".join(button["text"].split()) == (
        f"Play video: Opening concert (loads the player from {service})"
    )
    assert {"href": ref.watch_url, "text": f"Watch on {service}"} in page.links
    assert page.scripts == ["/static/blocks/video.js"]


def test_play_button_waits_for_the_script_and_the_title_shows_without_it():
    html = VideoBlock().render(video_value(f"https://youtu.be/{YT}", title="Lecture"))
    assert "data-video-play hidden" in html
    assert '<p class="block-video__title" data-video-nojs>Lecture</p>' in html


def test_video_title_and_caption_are_escaped():
    html = VideoBlock().render(
        video_value(
            f"https://youtu.be/{YT}",
            title='"><script>alert(1)</script>',
            caption="<b>bold</b>",
        )
    )
    assert "<script>alert(1)" not in html
    assert "&lt;b&gt;bold&lt;/b&gt;" in html


def test_transcript_link_is_offered_when_given():
    with translation.override("en"):
        html = VideoBlock().render(
            video_value(
                f"https://youtu.be/{YT}", transcript_url="https://kzn.ru/transcript/"
            )
        )
    assert {"href": "https://kzn.ru/transcript/", "text": "Read the transcript"} in (
        audit(html).links
    )


def test_stored_link_no_longer_supported_renders_no_player_and_no_link(settings):
    settings.KAZAN_VIDEO_PROVIDERS = ["blocks.video.RutubeProvider"]
    html = VideoBlock().render(video_value(f"https://youtu.be/{YT}", title="Old"))
    page = audit(html)
    assert page.inert_iframes == []
    assert page.links == []
    assert page.scripts == []
    assert "Old" in html
