"""The player page of an event's recordings, its subtitles and transcript routes."""

import datetime
import html
import re

from django.core.files.base import ContentFile
from django.utils import timezone, translation

from wagtail.documents import get_document_model

import pytest

from cms.models.search import SearchEntry
from events_plugin import recordings
from events_plugin.models import (
    ArchiveViewCount,
    Domain,
    EventPage,
    EventPerson,
    EventSession,
    InstitutionPage,
    ProgrammeIndexPage,
    Recording,
    SubtitleTrack,
)
from events_plugin.views import player

from ..conftest import in_russian

pytestmark = pytest.mark.django_db

YOUTUBE = "https://www.youtube.com/watch?v=dQw4w9WgXcQ"
RUTUBE = "https://rutube.ru/video/0123456789abcdef0123456789abcdef/"
VK = "https://vkvideo.ru/video-12345_67890"

RUSSIAN_VTT = """WEBVTT

00:00:01.000 --> 00:00:04.000
Добрый вечер, дорогие друзья.

00:01:10.000 --> 00:01:15.500
Сегодня прозвучат Бах & Гендель, <b>громко</b>.

01:02:03.000 --> 01:02:09.000
Спасибо за внимание.
"""

TATAR_VTT = """WEBVTT

00:00:01.000 --> 00:00:04.000
Хәерле кич, кадерле дуслар.
"""


def content(response):
    return html.unescape(response.content.decode())


def make_event(
    slug,
    *,
    days_ago=3,
    recordings=None,
    tracks=(),
    people=(),
    parent=None,
    domain="music",
    title="Вечер органной музыки",
    **fields,
):
    """A published Russian event whose only date was ``days_ago`` days ago."""
    programme = ProgrammeIndexPage.objects.get(locale__language_code="ru")
    parent = parent or programme
    start = timezone.now() - datetime.timedelta(days=days_ago)
    page = EventPage(
        title=title,
        slug=slug,
        event_type=fields.pop("event_type", "concert"),
        domain=Domain.objects.get(slug=domain, locale=programme.locale),
        language=fields.pop("language", "ru"),
        **fields,
    )
    page.sessions = [EventSession(start=start, end=start + datetime.timedelta(hours=2))]
    if recordings is None:
        recordings = [Recording(provider="youtube", url=YOUTUBE)]
    page.recordings = list(recordings)
    page.subtitle_tracks = list(tracks)
    page.people = list(people)
    parent.add_child(instance=page)
    page.save_revision().publish()
    return EventPage.objects.get(pk=page.pk)


def video_document(name="concert.mp4"):
    return get_document_model().objects.create(
        title="Запись концерта", file=ContentFile(b"\x00\x00\x00\x18ftypmp42", name)
    )


def watch_url(page, number=None, query=""):
    route = "watch/" if number is None else f"watch/{number}/"
    return page.url + route + query


def test_player_shows_the_event_and_a_click_to_load_youtube_embed_at_the_start_time(
    client,
):
    page = make_event("organ-archive")
    response = client.get(watch_url(page, query="?t=1:02:03"))
    assert response.status_code == 200
    text = content(response)
    assert re.search(r"<h1>\s*Вечер органной музыки\s*</h1>", text)
    assert "<template data-video-player>" in text
    assert (
        'src="https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ?start=3723&autoplay=1"'
        in text
    )
    assert 'title="Вечер органной музыки"' in text
    assert f'href="{page.url}"' in text


@pytest.mark.parametrize(
    ("url", "embed"),
    [
        (RUTUBE, "https://rutube.ru/play/embed/0123456789abcdef0123456789abcdef/?t=90"),
        (VK, "https://vkvideo.ru/video_ext.php?oid=-12345&id=67890&autoplay=1&t=1m30s"),
    ],
)
def test_rutube_and_vk_embeds_start_at_the_requested_second(client, url, embed):
    provider = "rutube" if "rutube" in url else "vk_video"
    page = make_event(
        "archive-" + provider, recordings=[Recording(provider=provider, url=url)]
    )
    response = client.get(watch_url(page, 1, "?t=90"))
    assert response.status_code == 200
    assert f'src="{embed}"' in content(response)


def test_a_recording_title_joins_the_event_title_in_the_heading(client):
    page = make_event(
        "course-archive",
        title="Курс татарского языка",
        recordings=[
            Recording(provider="youtube", url=YOUTUBE, title="Урок 1"),
            Recording(provider="rutube", url=RUTUBE, title="Урок 2"),
        ],
    )
    response = client.get(watch_url(page, 2))
    text = content(response)
    assert re.search(r"<h1>\s*Курс татарского языка: Урок 2\s*</h1>", text)
    assert "https://rutube.ru/play/embed/" in text
    current = re.search(
        r'<a class="player__link"[^>]*aria-current="page">([^<]*)', text
    )
    assert current and current.group(1).strip() == "Урок 2"
    assert f'href="{page.url}watch/1/"' in text


def test_uploaded_file_plays_in_a_video_element_with_a_track_per_language(client):
    document = video_document()
    page = make_event(
        "file-archive",
        recordings=[Recording(provider="file", file=document)],
        tracks=[
            SubtitleTrack(recording_number=1, language="ru", vtt=RUSSIAN_VTT),
            SubtitleTrack(recording_number=1, language="tt", vtt=TATAR_VTT),
            SubtitleTrack(recording_number=2, language="en", vtt=TATAR_VTT),
        ],
    )
    ru_track, tt_track = (
        page.subtitle_tracks.get(language="ru"),
        page.subtitle_tracks.get(language="tt"),
    )
    response = client.get(watch_url(page, query="?t=70"))
    text = response.content.decode()
    assert '<video class="player__media" controls preload="metadata"' in text
    assert f'<source src="{document.url}#t=70" type="video/mp4">' in text
    tracks = re.findall(r"<track [^>]*>", text)
    assert len(tracks) == 2
    assert (
        f'kind="captions" srclang="ru" label="{in_russian("Russian")}" '
        f'src="{page.url}subtitles/{ru_track.pk}/" default' in tracks[0]
    )
    assert 'kind="subtitles" srclang="tt"' in tracks[1]
    assert f"subtitles/{tt_track.pk}/" in tracks[1]
    assert "default" not in tracks[1]


def test_chapters_link_to_their_moment_and_mark_the_one_playing(client):
    page = make_event(
        "chapters-archive",
        recordings=[
            Recording(
                provider="youtube",
                url=YOUTUBE,
                chapters="0:00 Вступление\n12:30 Бах\n1:02:03 Финал",
            )
        ],
    )
    text = client.get(watch_url(page, query="?t=800")).content.decode()
    chapters = re.findall(
        r'<a class="player__link[^"]*" href="([^"]*)"[^>]*>(.*?)</a>', text
    )
    chapter_links = [(href, label) for href, label in chapters if "<time" in label]
    assert [href for href, _ in chapter_links] == ["?", "?t=750", "?t=3723"]
    assert '<time datetime="PT0H12M30S">12:30</time> Бах' in chapter_links[1][1]
    assert '<time datetime="PT1H2M3S">1:02:03</time> Финал' in chapter_links[2][1]
    current = re.findall(r'<a [^>]*aria-current="time"[^>]*>(.*?)</a>', text)
    assert len(current) == 1 and "Бах" in current[0]


def test_transcript_lines_are_timed_links_and_the_line_at_t_is_marked(client):
    page = make_event(
        "transcript-archive",
        tracks=[SubtitleTrack(recording_number=1, language="ru", vtt=RUSSIAN_VTT)],
    )
    text = client.get(watch_url(page, query="?t=72")).content.decode()
    lines = re.findall(r'<li class="player__cue([^"]*)" id="(cue-\d+)"', text)
    assert [anchor for _, anchor in lines] == ["cue-1", "cue-2", "cue-3"]
    assert [bool(marker) for marker, _ in lines] == [False, True, False]
    assert 'href="?t=1#cue-1"' in text
    assert 'href="?t=70#cue-2"' in text
    assert '<time datetime="PT1H2M3S">1:02:03</time>' in text
    assert 'href="#cue-2"' in text  # "go to this moment in the transcript"
    # Subtitle text is escaped, never markup.
    assert "Бах &amp; Гендель, громко." in text
    assert "<b>" not in text


def test_without_a_transcript_in_the_page_language_the_others_are_offered(client):
    page = make_event(
        "tatar-only-archive",
        tracks=[SubtitleTrack(recording_number=1, language="tt", vtt=TATAR_VTT)],
    )
    with translation.override("ru"):
        response = client.get(watch_url(page))
    text = content(response)
    assert 'href="?lang=tt#transcript"' in text
    assert "Хәерле кич" not in text
    shown = content(client.get(watch_url(page, query="?lang=tt")))
    assert "Хәерле кич, кадерле дуслар." in shown
    # An unknown language falls back to what the page has.
    assert client.get(watch_url(page, query="?lang=xx")).status_code == 200


@pytest.mark.parametrize(
    "query", ["?t=abc", "?t=-5", "?t=99999999999", "?t=1:2:3:4", "?t=", "?lang=%00"]
)
def test_bad_start_times_play_from_the_beginning(client, query):
    page = make_event("bad-t-archive")
    response = client.get(watch_url(page, query=query))
    assert response.status_code == 200
    assert (
        'src="https://www.youtube-nocookie.com/embed/dQw4w9WgXcQ?autoplay=1"'
        in response.content.decode()
    )


def test_recording_numbers_out_of_range_and_pages_without_recordings_are_404(
    client,
):
    page = make_event("numbers-archive")
    assert client.get(watch_url(page, 1)).status_code == 200
    assert client.get(watch_url(page, 0)).status_code == 404
    assert client.get(watch_url(page, 2)).status_code == 404
    assert client.get(watch_url(page, 10**30)).status_code == 404
    assert client.get(page.url + "watch/abc/").status_code == 404
    silent = make_event("silent-archive", recordings=[])
    assert client.get(watch_url(silent)).status_code == 404


def test_unreadable_stored_subtitles_do_not_break_the_page(client):
    page = make_event(
        "broken-vtt-archive",
        tracks=[SubtitleTrack(recording_number=1, language="ru", vtt="not webvtt")],
    )
    response = client.get(watch_url(page))
    assert response.status_code == 200
    assert in_russian("This transcript cannot be shown.") in content(response)
    track = page.subtitle_tracks.get()
    assert client.get(f"{page.url}transcript/{track.pk}/").status_code == 404


def test_subtitles_route_serves_webvtt_of_this_page_only(client):
    page = make_event(
        "subtitles-archive",
        tracks=[SubtitleTrack(recording_number=1, language="ru", vtt=RUSSIAN_VTT)],
    )
    other = make_event(
        "other-archive",
        tracks=[SubtitleTrack(recording_number=1, language="tt", vtt=TATAR_VTT)],
    )
    track = page.subtitle_tracks.get()
    response = client.get(f"{page.url}subtitles/{track.pk}/")
    assert response.status_code == 200
    assert response["Content-Type"] == "text/vtt; charset=utf-8"
    assert response.content.decode().startswith("WEBVTT")
    assert "Добрый вечер" in response.content.decode()
    foreign = other.subtitle_tracks.get()
    assert client.get(f"{page.url}subtitles/{foreign.pk}/").status_code == 404
    assert client.get(f"{page.url}subtitles/999999999/").status_code == 404


def test_transcript_downloads_as_timed_plain_text(client):
    page = make_event(
        "download-archive",
        tracks=[SubtitleTrack(recording_number=1, language="ru", vtt=RUSSIAN_VTT)],
    )
    track = page.subtitle_tracks.get()
    response = client.get(f"{page.url}transcript/{track.pk}/")
    assert response.status_code == 200
    assert response["Content-Type"] == "text/plain; charset=utf-8"
    assert response["Content-Disposition"].startswith("attachment;")
    lines = response.content.decode().splitlines()
    assert lines[0] == "Вечер органной музыки"
    assert lines[2:] == [
        "[0:01] Добрый вечер, дорогие друзья.",
        "[1:10] Сегодня прозвучат Бах & Гендель, громко.",
        "[1:02:03] Спасибо за внимание.",
    ]


def test_people_duration_and_back_link_are_shown(client):
    page = make_event(
        "people-archive",
        recordings=[
            Recording(
                provider="youtube",
                url=YOUTUBE,
                duration=datetime.timedelta(hours=1, minutes=5),
            )
        ],
        people=[
            EventPerson(name="Рустем Абязов", role="performer"),
            EventPerson(name="Алсу Гарипова", role="lecturer"),
        ],
    )
    text = client.get(watch_url(page)).content.decode()
    assert f"<strong>Рустем Абязов</strong>, {in_russian('performer')}" in text
    assert f"<strong>Алсу Гарипова</strong>, {in_russian('lecturer')}" in text
    assert '<time datetime="PT1H5M0S">' in text
    assert f'href="{page.url}"' in text


def test_each_browser_session_counts_one_view(client, django_user_model):
    page = make_event("views-archive")
    client.get(watch_url(page))
    client.get(watch_url(page, 1, "?t=30"))
    counter = ArchiveViewCount.objects.get(translation_key=page.translation_key)
    assert counter.views == 1
    other_browser = type(client)()
    other_browser.get(watch_url(page))
    counter.refresh_from_db()
    assert counter.views == 2
    # Failed requests count nothing.
    type(client)().get(watch_url(page, 5))
    counter.refresh_from_db()
    assert counter.views == 2


def test_every_tenth_view_reindexes_without_breaking_the_page(client):
    page = make_event("tenth-view-archive")
    ArchiveViewCount.objects.create(translation_key=page.translation_key, views=9)
    response = client.get(watch_url(page))
    assert response.status_code == 200
    assert (
        ArchiveViewCount.objects.get(translation_key=page.translation_key).views == 10
    )
    entry = SearchEntry.objects.get(key=f"events.EventPage:{page.pk}")
    assert entry.popularity == 10


def test_related_recordings_prefer_the_same_domain_then_organiser_then_newest(
    client,
):
    programme = ProgrammeIndexPage.objects.get(locale__language_code="ru")
    Domain.objects.create(locale=programme.locale, slug="puppetry", name="Куклы")
    institution = InstitutionPage(
        title="Театр кукол «Экият»", slug="ekiyat-test", kind="theatre"
    )
    programme.add_child(instance=institution)
    institution.save_revision().publish()
    page = make_event("related-main", domain="puppetry", parent=institution)
    same_domain_old = make_event("related-puppets-old", domain="puppetry", days_ago=30)
    same_domain_new = make_event("related-puppets-new", domain="puppetry", days_ago=5)
    same_place = make_event(
        "related-same-place", domain="music", parent=institution, days_ago=40
    )
    make_event("related-no-recording", domain="puppetry", recordings=[], days_ago=2)
    make_event("related-coming", domain="puppetry", days_ago=-3)
    related = player.related_recordings(page)
    slugs = [item["page"].slug for item in related]
    assert slugs[:3] == [same_domain_new.slug, same_domain_old.slug, same_place.slug]
    assert len(slugs) == 4
    assert "related-no-recording" not in slugs and "related-coming" not in slugs
    assert page.slug not in slugs
    assert all(item["page"].locale_id == page.locale_id for item in related)
    assert related[0]["url"] == same_domain_new.url + "watch/"
    text = client.get(watch_url(page)).content.decode()
    assert f'href="{same_domain_new.url}watch/"' in text


def test_player_page_queries_do_not_grow_with_recordings_tracks_and_related(
    client, django_assert_max_num_queries
):
    def build(slug, count):
        return make_event(
            slug,
            recordings=[
                Recording(provider="youtube", url=YOUTUBE, title=f"Часть {n}")
                for n in range(count)
            ],
            tracks=[
                SubtitleTrack(recording_number=n + 1, language="ru", vtt=RUSSIAN_VTT)
                for n in range(count)
            ],
            people=[EventPerson(name=f"Артист {n}") for n in range(count)],
        )

    small = build("queries-small", 1)
    client.get(watch_url(small))  # warm the site's caches and the session
    with django_assert_max_num_queries(60) as few:
        assert client.get(watch_url(small, query="?t=5")).status_code == 200
        few_count = len(few)
    large = build("queries-large", 8)
    for number in range(6):
        build(f"queries-related-{number}", 2)
    client.get(watch_url(large))
    with django_assert_max_num_queries(few_count):
        assert client.get(watch_url(large, 3, "?t=5")).status_code == 200


def test_event_page_offers_the_recordings_with_their_length(client):
    page = make_event(
        "teaser-archive",
        recordings=[
            Recording(
                provider="youtube",
                url=YOUTUBE,
                title="Первое отделение",
                duration=datetime.timedelta(minutes=45),
            ),
            Recording(provider="rutube", url=RUTUBE, title="Второе отделение"),
        ],
    )
    text = content(client.get(page.url))
    assert 'aria-labelledby="event-recordings"' in text
    assert f'href="{page.url}watch/"' in text
    assert f'href="{page.url}watch/1/">Первое отделение</a>' in text
    assert f'href="{page.url}watch/2/">Второе отделение</a>' in text
    with translation.override("ru"):
        assert f"({recordings.duration_text(45 * 60)})" in text


def test_event_page_without_recordings_has_no_watch_section(client):
    page = make_event("no-teaser-archive", recordings=[])
    text = client.get(page.url).content.decode()
    assert "event-recordings" not in text
    assert "watch/" not in text


def test_player_text_is_translated_in_english(client, locales):
    page = make_event(
        "english-archive",
        tracks=[SubtitleTrack(recording_number=1, language="ru", vtt=RUSSIAN_VTT)],
    )
    english = page.copy_for_translation(locales["en"], copy_parents=True)
    english.title = "Organ evening"
    english.save_revision().publish()
    english = EventPage.objects.get(pk=english.pk)
    with translation.override("en"):
        response = client.get(english.url + "watch/")
    assert response.status_code == 200
    text = content(response)
    assert "Organ evening" in text
    assert "There is no transcript in English yet." in text
    assert "Back to the event" in text
