"""Recordings in the editor: links, files, chapters and WebVTT are checked on saving."""

import datetime

from django.core.exceptions import ValidationError
from django.core.files.base import ContentFile
from django.urls import reverse
from django.utils import timezone, translation

from wagtail.documents.models import Document
from wagtail.test.utils.form_data import inline_formset, nested_form_data, streamfield
from wagtail.users.models import UserProfile

import pytest
from django_otp import DEVICE_ID_SESSION_KEY
from django_otp.plugins.otp_totp.models import TOTPDevice

from events_plugin import occurrences
from events_plugin.models import Domain, EventPage, ProgrammeIndexPage, Recording
from events_plugin.recordings import (
    Chapter,
    VttCue,
    parse_chapters,
    parse_vtt,
    validate_recording,
)

pytestmark = pytest.mark.django_db

NO_HEADER = "it must start with the line WEBVTT"
GOOD_VTT = (
    "WEBVTT\n\n"
    "1\n00:00:05.000 --> 00:00:09.500\nДобрый вечер!\n\n"
    "00:01:10.000 --> 00:01:15.000\nСегодня говорим о Тукае.\n"
)


# parse_chapters


def test_chapters_are_read_in_time_order_with_hours():
    text = "12:30 Вторая часть\n\n0:00 Вступление\n1:02:03  Вопросы  \n"
    assert parse_chapters(text) == [
        Chapter(0, "Вступление"),
        Chapter(750, "Вторая часть"),
        Chapter(3723, "Вопросы"),
    ]


def test_no_chapters_is_an_empty_list():
    assert parse_chapters("") == []
    assert parse_chapters(None) == []
    assert parse_chapters(" \n \r\n") == []


def test_chapters_accept_windows_line_ends_and_a_bom():
    assert parse_chapters("\ufeff0:00 Начало\r\n5:00 Конец\r\n") == [
        Chapter(0, "Начало"),
        Chapter(300, "Конец"),
    ]


@pytest.mark.parametrize(
    ("text", "line"),
    [
        ("Вступление", 1),
        ("0:00 Начало\n12:30", 2),
        ("0:00 Начало\nabc Конец", 2),
        ("0:00 Начало\n\n-1:00 Конец", 3),
    ],
)
def test_a_line_that_is_not_a_chapter_is_named_in_the_reason(text, line):
    with translation.override("en"), pytest.raises(ValueError) as error:
        parse_chapters(text)
    assert str(error.value).startswith(f"line {line} is not")


@pytest.mark.parametrize("text", ["12:60 Вопросы", "1:60:00 Вопросы", "0:99 Начало"])
def test_impossible_chapter_times_are_refused(text):
    with translation.override("en"), pytest.raises(ValueError) as error:
        parse_chapters(text)
    assert str(error.value) == "line 1 has an impossible time"


def test_two_chapters_at_the_same_moment_are_refused():
    with translation.override("en"), pytest.raises(ValueError) as error:
        parse_chapters("0:00 Начало\n0:00 Тоже начало")
    assert str(error.value) == "line 2 starts at the same time as another chapter"


# parse_vtt


def test_vtt_cues_give_seconds_and_one_line_of_text():
    assert parse_vtt(GOOD_VTT) == [
        VttCue(5.0, 9.5, "Добрый вечер!"),
        VttCue(70.0, 75.0, "Сегодня говорим о Тукае."),
    ]


def test_vtt_with_bom_crlf_and_cue_settings_is_read():
    text = (
        "\ufeffWEBVTT - Лекция\r\n\r\n"
        "00:05.000 --> 00:09.000 align:start line:90%\r\n"
        "Первая строка\r\nвторая строка\r\n\r\n"
        "NOTE это комментарий\r\n\r\n"
        "01:00:00.000 --> 01:00:04.000\r\n<v Лектор>Вопросы</v>\r\n"
    )
    assert parse_vtt(text) == [
        VttCue(5.0, 9.0, "Первая строка вторая строка"),
        VttCue(3600.0, 3604.0, "Вопросы"),
    ]


@pytest.mark.parametrize(
    ("text", "reason"),
    [
        ("", NO_HEADER),
        ("   ", NO_HEADER),
        ("1\n00:00:01.000 --> 00:00:02.000\nТекст\n", NO_HEADER),
        ("WEBVTTX\n\n00:00:01.000 --> 00:00:02.000\nТекст\n", NO_HEADER),
        ("WEBVTT\n", "it has no cues"),
        (
            "WEBVTT\n\n00:00:01 --> 00:00:02\nТекст\n",
            "line 3 has a wrong time: “00:00:01 --> 00:00:02”",
        ),
        (
            "WEBVTT\n\n00:00:05.000 --> 00:00:02.000\nТекст\n",
            "line 3 ends before it starts",
        ),
        (
            "WEBVTT\n\n00:00:01.000 --> 00:61:00.000\nТекст\n",
            "line 3 has a wrong time: “00:00:01.000 --> 00:61:00.000”",
        ),
    ],
)
def test_bad_webvtt_is_refused_with_a_reason(text, reason):
    with translation.override("en"), pytest.raises(ValueError) as error:
        parse_vtt(text)
    assert str(error.value) == reason


def test_cues_without_words_are_left_out():
    text = "WEBVTT\n\n00:00:01.000 --> 00:00:02.000\n<b> </b>\n\n" + GOOD_VTT[8:]
    assert [cue.text for cue in parse_vtt(text)] == [
        "Добрый вечер!",
        "Сегодня говорим о Тукае.",
    ]


# validate_recording


def video_document(name, content=b"\x00\x00\x00\x18ftypmp42"):
    return Document.objects.create(title=name, file=ContentFile(content, name=name))


@pytest.mark.parametrize(
    ("provider", "url"),
    [
        ("youtube", "https://www.youtube.com/watch?v=dQw4w9WgXcQ"),
        ("youtube", "https://youtu.be/dQw4w9WgXcQ"),
        ("vk_video", "https://vkvideo.ru/video-100000000_456239017"),
        ("rutube", "https://rutube.ru/video/0123456789abcdef0123456789abcdef/"),
    ],
)
def test_a_link_to_the_chosen_service_is_accepted(provider, url):
    validate_recording(Recording(provider=provider, url=url, chapters="0:00 Начало"))


@pytest.mark.parametrize(
    ("provider", "url"),
    [
        ("youtube", ""),
        ("youtube", "https://vkvideo.ru/video-100000000_456239017"),
        ("vk_video", "https://www.youtube.com/watch?v=dQw4w9WgXcQ"),
        ("rutube", "https://rutube.ru/video/123/"),
        ("youtube", "javascript:alert(1)"),
        ("youtube", "https://www.youtube.com/watch?v=short"),
    ],
)
def test_a_link_that_is_not_a_video_of_the_chosen_service_is_refused(provider, url):
    with translation.override("en"), pytest.raises(ValidationError) as error:
        validate_recording(Recording(provider=provider, url=url))
    assert error.value.message_dict["url"] == [
        "Give the link to the video on YouTube, VK Video or Rutube."
    ]


def test_an_uploaded_video_file_is_accepted():
    document = video_document("lecture.MP4")
    validate_recording(Recording(provider="file", file=document))


def test_a_file_recording_needs_a_file_that_is_a_video():
    with translation.override("en"):
        with pytest.raises(ValidationError) as error:
            validate_recording(Recording(provider="file"))
        assert error.value.message_dict["file"] == ["Choose the video file."]
        with pytest.raises(ValidationError) as error:
            validate_recording(
                Recording(provider="file", file=video_document("notes.pdf", b"%PDF"))
            )
        assert error.value.message_dict["file"] == [
            "The file must be a video: MP4, WebM, M4V or OGV."
        ]


def test_a_file_named_like_a_video_must_hold_one():
    document = video_document("lecture.mp4", b"%PDF-1.4 not a video")
    with translation.override("en"), pytest.raises(ValidationError) as error:
        validate_recording(Recording(provider="file", file=document))
    assert error.value.message_dict["file"] == [
        "The file must be a video: MP4, WebM, M4V or OGV."
    ]


def test_unreadable_chapters_are_refused_with_the_reason():
    recording = Recording(
        provider="youtube",
        url="https://www.youtube.com/watch?v=dQw4w9WgXcQ",
        chapters="Вступление",
    )
    with translation.override("en"), pytest.raises(ValidationError) as error:
        validate_recording(recording)
    assert error.value.message_dict["chapters"] == [
        "These chapters cannot be read: line 1 is not “time title”, "
        "e.g. “12:30 Second part”"
    ]


def test_chapters_past_the_end_of_the_recording_are_refused():
    recording = Recording(
        provider="youtube",
        url="https://www.youtube.com/watch?v=dQw4w9WgXcQ",
        duration=datetime.timedelta(minutes=30),
        chapters="0:00 Начало\n45:00 Вопросы",
    )
    with translation.override("en"), pytest.raises(ValidationError) as error:
        validate_recording(recording)
    assert error.value.message_dict["chapters"] == [
        "These chapters cannot be read: line 2 starts after the end of the recording"
    ]


# The event edit form


@pytest.fixture
def editor_client(client, admin_user):
    """The admin, signed in with a second factor, reading the admin in English."""
    profile = UserProfile.get_for_user(admin_user)
    profile.preferred_language = "en"
    profile.save()
    client.force_login(admin_user)
    device = TOTPDevice.objects.create(user=admin_user, name="phone", confirmed=True)
    session = client.session
    session[DEVICE_ID_SESSION_KEY] = device.persistent_id
    session.save()
    return client


def local(moment):
    return moment.astimezone(occurrences.TIME_ZONE).strftime("%Y-%m-%d %H:%M")


def event_form(programme, *, recordings=(), tracks=(), people=()):
    start = timezone.now().replace(microsecond=0) - datetime.timedelta(days=20)
    return nested_form_data(
        {
            "title": "Лекция о Тукае",
            "slug": "tukay-recorded-lecture",
            "introduction": "Запись лекции о поэзии Тукая.",
            "event_type": "lecture",
            "domain": Domain.objects.get(slug="literature", locale=programme.locale).pk,
            "language": "ru",
            "tags": "",
            "body": streamfield([]),
            "sessions": inline_formset(
                [
                    {
                        "start": local(start),
                        "end": local(start + datetime.timedelta(hours=1)),
                        "recurrence": "",
                    }
                ]
            ),
            "occurrence_changes": inline_formset([]),
            "platforms": inline_formset([]),
            "people": inline_formset(list(people)),
            "recordings": inline_formset(list(recordings)),
            "subtitle_tracks": inline_formset(list(tracks)),
            "comments": inline_formset([]),
            "action-publish": "publish",
        }
    )


def recording_row(**fields):
    return {
        "title": "Полная запись",
        "provider": "youtube",
        "url": "https://www.youtube.com/watch?v=dQw4w9WgXcQ",
        "file": "",
        "duration": "1:00:00",
        "chapters": "0:00 Вступление\n20:00 Лекция",
        **fields,
    }


def track_row(**fields):
    return {
        "recording_number": "1",
        "language": "ru",
        "kind": "subtitles",
        "vtt": GOOD_VTT,
        **fields,
    }


def post_event(client, **rows):
    programme = ProgrammeIndexPage.objects.get(locale__language_code="ru")
    url = reverse("wagtailadmin_pages:add", args=["events", "eventpage", programme.pk])
    return client.post(url, event_form(programme, **rows))


def formset_errors(response, name):
    return [
        message
        for errors in response.context["form"].formsets[name].errors
        for messages in errors.values()
        for message in messages
    ]


def not_saved():
    return not EventPage.objects.filter(slug="tukay-recorded-lecture").exists()


def test_the_edit_form_saves_a_recording_with_chapters_people_and_subtitles(
    editor_client,
):
    response = post_event(
        editor_client,
        recordings=[recording_row()],
        tracks=[track_row(vtt=GOOD_VTT.replace("\n", "\r\n"))],
        people=[{"name": "Рамиль Хасанов", "role": "lecturer"}],
    )
    assert response.status_code == 302
    page = EventPage.objects.get(
        slug="tukay-recorded-lecture", locale__language_code="ru"
    )
    recording = page.recordings.get()
    assert recording.duration == datetime.timedelta(hours=1)
    assert [c.start for c in parse_chapters(recording.chapters)] == [0, 1200]
    assert len(parse_vtt(page.subtitle_tracks.get().vtt)) == 2
    assert page.people.get().name == "Рамиль Хасанов"


@pytest.mark.parametrize(
    ("row", "message"),
    [
        (
            {"url": "https://example.com/video.mp4"},
            "Give the link to the video on YouTube, VK Video or Rutube.",
        ),
        (
            {"provider": "rutube"},
            "Give the link to the video on YouTube, VK Video or Rutube.",
        ),
        (
            {"chapters": "Вступление\n20:00 Лекция"},
            "These chapters cannot be read: line 1 is not “time title”, "
            "e.g. “12:30 Second part”",
        ),
        (
            {"chapters": "0:00 Вступление\n12:75 Лекция"},
            "These chapters cannot be read: line 2 has an impossible time",
        ),
    ],
)
def test_the_edit_form_refuses_a_recording_it_cannot_play(editor_client, row, message):
    response = post_event(editor_client, recordings=[recording_row(**row)])
    assert response.status_code == 200
    assert message in formset_errors(response, "recordings")
    assert not_saved()


def test_the_edit_form_refuses_a_file_that_is_not_a_video(editor_client):
    document = video_document("programme.pdf", b"%PDF-1.4")
    response = post_event(
        editor_client,
        recordings=[recording_row(provider="file", url="", file=str(document.pk))],
    )
    assert response.status_code == 200
    assert formset_errors(response, "recordings") == [
        "The file must be a video: MP4, WebM, M4V or OGV."
    ]
    assert not_saved()


def test_the_edit_form_accepts_an_uploaded_video_file(editor_client):
    document = video_document("lecture.webm", b"\x1a\x45\xdf\xa3\x9f\x42\x86\x81")
    response = post_event(
        editor_client,
        recordings=[recording_row(provider="file", url="", file=str(document.pk))],
    )
    assert response.status_code == 302
    page = EventPage.objects.get(
        slug="tukay-recorded-lecture", locale__language_code="ru"
    )
    assert page.recordings.get().file == document


@pytest.mark.parametrize(
    ("vtt", "message"),
    [
        ("Добрый вечер!", "This is not valid WebVTT: " + NO_HEADER),
        (
            "WEBVTT\n\n00:05 --> 00:09\nДобрый вечер!",
            "This is not valid WebVTT: line 3 has a wrong time: “00:05 --> 00:09”",
        ),
    ],
)
def test_the_edit_form_refuses_bad_webvtt(editor_client, vtt, message):
    response = post_event(
        editor_client, recordings=[recording_row()], tracks=[track_row(vtt=vtt)]
    )
    assert response.status_code == 200
    assert formset_errors(response, "subtitle_tracks") == [message]
    assert not_saved()


def test_the_edit_form_refuses_subtitles_of_a_recording_the_event_does_not_have(
    editor_client,
):
    response = post_event(
        editor_client,
        recordings=[recording_row()],
        tracks=[track_row(recording_number="2")],
    )
    assert response.status_code == 200
    assert formset_errors(response, "subtitle_tracks") == [
        "The event has only 1 recording."
    ]
    assert not_saved()


def test_the_edit_form_takes_subtitles_of_each_recording(editor_client):
    response = post_event(
        editor_client,
        recordings=[recording_row(), recording_row(title="Вторая часть")],
        tracks=[track_row(), track_row(recording_number="2", language="tt")],
    )
    assert response.status_code == 302
