"""Archive items as search documents, and the index following editors' changes."""

import datetime
import json

from django.utils import timezone

from wagtail.images import get_image_model
from wagtail.models import PageViewRestriction

import pytest

from cms.search.documents import SearchQuery
from cms.search.service import get_search_service
from events_plugin.models import (
    ArchiveViewCount,
    Domain,
    EventPage,
    EventPerson,
    EventSession,
    InstitutionPage,
    OccurrenceChange,
    ProgrammeIndexPage,
    Recording,
    SubtitleTrack,
)
from events_plugin.search import (
    ArchiveSource,
    archive_document,
    archive_documents,
    document_key,
    index_archive,
    reindex_pages,
    reindex_translations,
    remove_pages,
    suspended_indexing,
)

pytestmark = pytest.mark.django_db

RU_VTT = """WEBVTT

00:00:05.000 --> 00:00:09.000
Добрый вечер, дорогие слушатели.

00:12:30.500 --> 00:12:34.000
Звучит токката Баха.
"""
TT_VTT = """WEBVTT

00:00:05.000 --> 00:00:09.000
Хәерле кич, кадерле тыңлаучылар.
"""
EN_VTT = """WEBVTT

00:01:00.000 --> 00:01:04.000
Good evening, dear listeners.
"""


def ended(days=10):
    return timezone.now() - datetime.timedelta(days=days)


def make_archived_event(
    slug,
    title="Органный вечер Зюйдвестова",
    *,
    start=None,
    parent=None,
    recordings=1,
    tracks=(),
    people=(),
    publish=True,
    changes=(),
    rule="",
    **fields,
):
    """A published Russian event with recordings, like an editor makes one."""
    programme = ProgrammeIndexPage.objects.get(locale__language_code="ru")
    parent = parent or programme
    start = start or ended()
    page = EventPage(
        title=title,
        slug=slug,
        event_type=fields.pop("event_type", "concert"),
        domain=Domain.objects.get(slug="music", locale=programme.locale),
        introduction=fields.pop("introduction", "Токкаты и фуги в исполнении."),
        **fields,
    )
    page.sessions = [
        EventSession(
            start=start, end=start + datetime.timedelta(minutes=90), recurrence=rule
        )
    ]
    page.occurrence_changes = [
        OccurrenceChange(locale=programme.locale, **change) for change in changes
    ]
    page.recordings = [
        Recording(
            locale=programme.locale,
            title=f"Часть {number}",
            provider="youtube",
            url="https://www.youtube.com/watch?v=dQw4w9WgXcQ",
            duration=datetime.timedelta(minutes=45, seconds=number),
        )
        for number in range(1, recordings + 1)
    ]
    page.subtitle_tracks = [
        SubtitleTrack(recording_number=number, language=language, vtt=vtt)
        for number, language, vtt in tracks
    ]
    page.people = [
        EventPerson(locale=programme.locale, name=name, role="performer")
        for name in people
    ]
    parent.add_child(instance=page)
    if publish:
        page.save_revision().publish()
    else:
        page.unpublish()
    page.refresh_from_db()
    return page


def found_keys(text, locale="ru", now=None, **options):
    results = get_search_service().search(
        SearchQuery(locale=locale, text=text, now=now, per_page=50, **options)
    )
    return {hit.key for hit in results.hits}


@pytest.fixture
def institution():
    return InstitutionPage.objects.get(
        slug="tukay-philharmonic", locale__language_code="ru"
    )


def test_archived_event_becomes_a_document_with_its_facets_people_and_cues(
    institution,
):
    page = make_archived_event(
        "organ-evening-archive",
        parent=institution,
        recordings=2,
        tracks=[
            (1, "ru", RU_VTT),
            (2, "tt", TT_VTT),
            (2, "en", EN_VTT),
            (2, "ru", "not a subtitle file"),
        ],
        people=["Рустем Зюйдвестов", "Алсу Гарифуллина"],
        language="ru_tt",
        image=get_image_model().objects.order_by("pk").first(),
        body=json.dumps(
            [
                {"type": "heading", "value": {"text": "Программа", "level": "h2"}},
                {"type": "paragraph", "value": "<p>Токката <b>ре минор</b>.</p>"},
            ]
        ),
    )
    page.tags.add("орган")
    page.save_revision().publish()
    ArchiveViewCount.objects.create(translation_key=page.translation_key, views=17)

    document = archive_document(page)

    assert document.key == f"events.EventPage:{page.pk}"
    assert document.locale == "ru"
    assert document.url == page.get_url_parts()[2]
    assert document.url.startswith("/ru/")
    assert document.url.endswith("/organ-evening-archive/")
    assert document.title == "Органный вечер Зюйдвестова"
    assert document.summary == "Токкаты и фуги в исполнении."
    assert "Программа" in document.body
    assert "Токката ре минор." in document.body
    assert "<" not in document.body
    assert "fill-480x270" in document.image_url
    assert document.people == ["Рустем Зюйдвестов", "Алсу Гарифуллина"]
    assert document.tags == ["орган"]
    assert document.institution == institution.title
    assert document.duration == 2 * 45 * 60 + 1 + 2
    assert document.popularity == 17
    assert (document.rating, document.rating_count) == (None, 0)
    held_end = page.sessions.get().end
    assert document.date == held_end
    assert document.available_from == held_end
    assert document.facets == {
        "domain": ["music"],
        "type": ["concert"],
        "institution": ["tukay-philharmonic"],
        "year": [str(held_end.year)],
        "language": ["ru_tt"],
        "subtitles": ["yes"],
    }
    # Russian lines only, the broken Russian track skipped.
    assert [(cue.recording, cue.start, cue.text) for cue in document.cues] == [
        (1, 5.0, "Добрый вечер, дорогие слушатели."),
        (1, 750.5, "Звучит токката Баха."),
    ]


def test_each_language_version_is_its_own_document_with_its_own_cues(locales):
    page = make_archived_event(
        "organ-evening-languages", tracks=[(1, "ru", RU_VTT), (1, "tt", TT_VTT)]
    )
    tatar = page.copy_for_translation(locales["tt"], copy_parents=True)
    tatar.title = "Зюйдвестов оркестры кичәсе"
    tatar.save_revision().publish()

    document = archive_document(EventPage.objects.get(pk=tatar.pk))

    assert document.key == f"events.EventPage:{tatar.pk}"
    assert document.locale == "tt"
    assert document.url.startswith("/tt/")
    assert [cue.text for cue in document.cues] == ["Хәерле кич, кадерле тыңлаучылар."]
    assert document.facets["subtitles"] == ["yes"]


def test_event_without_subtitles_has_the_no_subtitles_facet_and_no_institution():
    page = make_archived_event("organ-evening-plain")

    document = archive_document(page)

    assert document.facets["subtitles"] == ["no"]
    assert document.facets["institution"] == []
    assert document.institution == ""
    assert document.cues == []


def test_event_without_recording_is_no_archive_item():
    page = make_archived_event("organ-evening-unrecorded", recordings=0)

    assert archive_document(page) is None


def test_unpublished_event_is_no_archive_item():
    page = make_archived_event("organ-evening-draft", publish=False)

    assert archive_document(page) is None


def test_event_under_a_view_restriction_is_no_archive_item(institution):
    page = make_archived_event("organ-evening-private", parent=institution)
    PageViewRestriction.objects.create(
        page=institution, restriction_type="password", password="secret"
    )

    assert archive_document(page) is None


def test_archive_date_is_the_end_of_the_last_date_not_cancelled():
    start = ended(days=30).replace(microsecond=0)
    page = make_archived_event(
        "organ-evening-weekly",
        start=start,
        rule="FREQ=WEEKLY;COUNT=3",
        changes=[
            {
                "original_start": start + datetime.timedelta(weeks=2),
                "change": "cancelled",
            }
        ],
    )

    document = archive_document(page)

    assert document.date == start + datetime.timedelta(weeks=1, minutes=90)


def test_event_still_to_come_is_available_only_from_its_end():
    start = timezone.now() + datetime.timedelta(days=3)
    page = make_archived_event("organ-evening-coming", start=start)

    document = archive_document(page)

    assert document.available_from == start + datetime.timedelta(minutes=90)


def test_documents_of_a_batch_take_a_bounded_number_of_queries(
    django_assert_max_num_queries,
):
    pages = [
        make_archived_event(
            f"organ-evening-batch-{number}",
            tracks=[(1, "ru", RU_VTT)],
            people=["Рустем Зюйдвестов"],
        )
        for number in range(6)
    ]
    archive_documents(pages[:1])  # warms the site root paths

    with django_assert_max_num_queries(16):
        documents = archive_documents(pages)

    assert len(documents) == 6


def test_archive_source_yields_batches_in_primary_key_order_from_a_position():
    pages = [make_archived_event(f"organ-evening-source-{n}") for n in range(3)]
    source = ArchiveSource()

    batches = list(source.batches(after_pk=pages[0].pk, size=1))

    assert [last_pk for last_pk, _documents in batches] == [p.pk for p in pages[1:]]
    assert [documents[0].key for _pk, documents in batches] == [
        document_key(page.pk) for page in pages[1:]
    ]
    assert source.count() >= 3


# The index following changes (after each commit).


def test_publishing_an_archived_event_makes_it_findable(
    django_capture_on_commit_callbacks,
):
    with django_capture_on_commit_callbacks(execute=True):
        page = make_archived_event("organ-evening-published")

    assert document_key(page.pk) in found_keys("Зюйдвестова")


def test_event_is_found_only_once_it_has_taken_place(
    django_capture_on_commit_callbacks,
):
    start = timezone.now() + datetime.timedelta(days=3)
    with django_capture_on_commit_callbacks(execute=True):
        page = make_archived_event("organ-evening-soon", start=start)

    assert document_key(page.pk) not in found_keys("Зюйдвестова")
    later = start + datetime.timedelta(days=1)
    assert document_key(page.pk) in found_keys("Зюйдвестова", now=later)


def test_unpublishing_removes_the_event_from_the_index(
    django_capture_on_commit_callbacks,
):
    with django_capture_on_commit_callbacks(execute=True):
        page = make_archived_event("organ-evening-withdrawn")
    with django_capture_on_commit_callbacks(execute=True):
        page.unpublish()

    assert document_key(page.pk) not in found_keys("Зюйдвестова")


def test_removing_the_last_recording_removes_the_event_on_publish(
    django_capture_on_commit_callbacks,
):
    with django_capture_on_commit_callbacks(execute=True):
        page = make_archived_event("organ-evening-unlisted")
    page = EventPage.objects.get(pk=page.pk)
    page.recordings = []
    with django_capture_on_commit_callbacks(execute=True):
        page.save_revision().publish()

    assert document_key(page.pk) not in found_keys("Зюйдвестова")


def test_deleting_an_event_or_its_institution_removes_it(
    institution, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        alone = make_archived_event("organ-evening-deleted")
        under = make_archived_event("organ-evening-with-parent", parent=institution)
    assert {document_key(alone.pk), document_key(under.pk)} <= found_keys("Зюйдвестова")

    with django_capture_on_commit_callbacks(execute=True):
        alone.delete()
        institution.delete()

    assert not {document_key(alone.pk), document_key(under.pk)} & found_keys(
        "Зюйдвестова"
    )


def test_moving_an_event_into_an_institution_updates_its_address_and_facet(
    institution, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        page = make_archived_event("organ-evening-moved")
    with django_capture_on_commit_callbacks(execute=True):
        page.move(institution, pos="last-child")

    results = get_search_service().search(
        SearchQuery(
            locale="ru", text="Зюйдвестова", filters={"institution": [institution.slug]}
        )
    )
    hits = {hit.key: hit for hit in results.hits}
    assert hits[document_key(page.pk)].url == institution.url + "organ-evening-moved/"


def test_renaming_an_institution_updates_its_events(
    institution, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        page = make_archived_event("organ-evening-renamed", parent=institution)
    institution.title = "Филармония имени Квазимодова"
    with django_capture_on_commit_callbacks(execute=True):
        institution.save_revision().publish()

    assert document_key(page.pk) in found_keys("Квазимодова")


def test_renaming_a_domain_updates_the_facet_of_its_events(
    django_capture_on_commit_callbacks,
):
    with django_capture_on_commit_callbacks(execute=True):
        page = make_archived_event("organ-evening-domain")
    domain = page.domain
    domain.slug = "music-and-organ"
    with django_capture_on_commit_callbacks(execute=True):
        domain.save()

    assert document_key(page.pk) in found_keys(
        "Зюйдвестова", filters={"domain": ["music-and-organ"]}
    )


def test_a_view_restriction_hides_the_event_until_it_is_lifted(
    institution, django_capture_on_commit_callbacks
):
    with django_capture_on_commit_callbacks(execute=True):
        page = make_archived_event("organ-evening-restricted", parent=institution)
    with django_capture_on_commit_callbacks(execute=True):
        restriction = PageViewRestriction.objects.create(
            page=institution, restriction_type="password", password="secret"
        )
    assert document_key(page.pk) not in found_keys("Зюйдвестова")

    with django_capture_on_commit_callbacks(execute=True):
        restriction.delete()

    assert document_key(page.pk) in found_keys("Зюйдвестова")


def test_suspended_indexing_leaves_the_index_to_index_archive(
    django_capture_on_commit_callbacks,
):
    with django_capture_on_commit_callbacks(execute=True), suspended_indexing():
        page = make_archived_event("organ-evening-seeded")
    assert document_key(page.pk) not in found_keys("Зюйдвестова")

    assert index_archive() >= 1

    assert document_key(page.pk) in found_keys("Зюйдвестова")


def test_reindex_and_remove_pages_by_hand():
    page = make_archived_event("organ-evening-by-hand")

    assert reindex_pages([page]) == 1
    assert document_key(page.pk) in found_keys("Зюйдвестова")
    assert remove_pages([page.pk]) == 1
    assert document_key(page.pk) not in found_keys("Зюйдвестова")


def test_reindexing_translations_updates_the_shared_view_count_everywhere(locales):
    page = make_archived_event("organ-evening-counted")
    tatar = page.copy_for_translation(locales["tt"], copy_parents=True)
    tatar.save_revision().publish()
    reindex_translations(page)
    ArchiveViewCount.objects.create(translation_key=page.translation_key, views=5)

    assert reindex_translations(page) == 2

    for locale, version in (("ru", page), ("tt", tatar)):
        results = get_search_service().search(
            SearchQuery(locale=locale, text="Зюйдвестова", per_page=50)
        )
        hits = {hit.key: hit for hit in results.hits}
        assert hits[document_key(version.pk)].popularity == 5
