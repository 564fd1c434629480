"""`manage.py rebuild_search_index`: full, resumed and restarted rebuilds."""

import datetime
import io

from django.core.management import CommandError, call_command
from django.utils import timezone, translation

import pytest

from cms.models import SearchRebuild
from cms.search.documents import SearchDocument, SearchQuery
from cms.search.service import get_search_service
from events_plugin.models import (
    Domain,
    EventPage,
    EventSession,
    ProgrammeIndexPage,
    Recording,
)
from events_plugin.search import ArchiveSource, document_key

pytestmark = pytest.mark.django_db


class StoppedSource(ArchiveSource):
    """The archive, as if Ctrl-C were pressed after `batches_before_stop` batches."""

    def __init__(self, batches_before_stop):
        self.batches_before_stop = batches_before_stop

    def batches(self, after_pk=None, size=200):
        for number, batch in enumerate(super().batches(after_pk, size)):
            if number == self.batches_before_stop:
                raise KeyboardInterrupt
            yield batch


class WatchedSource(ArchiveSource):
    """The archive, remembering where each rebuild asked it to start."""

    def __init__(self):
        self.starts = []

    def batches(self, after_pk=None, size=200):
        self.starts.append(after_pk)
        yield from super().batches(after_pk, size)


def make_recorded_event(slug, title):
    programme = ProgrammeIndexPage.objects.get(locale__language_code="ru")
    start = timezone.now() - datetime.timedelta(days=5)
    page = EventPage(
        title=title,
        slug=slug,
        event_type="lecture",
        domain=Domain.objects.get(slug="music", locale=programme.locale),
    )
    page.sessions = [EventSession(start=start, end=start + datetime.timedelta(hours=1))]
    page.recordings = [
        Recording(
            locale=programme.locale,
            provider="youtube",
            url="https://www.youtube.com/watch?v=dQw4w9WgXcQ",
        )
    ]
    programme.add_child(instance=page)
    page.save_revision().publish()
    return page


@pytest.fixture(autouse=True)
def _in_english():
    # Commands speak the active language; the assertions read English.
    with translation.override("en"):
        yield


@pytest.fixture
def events():
    return [
        make_recorded_event(f"lecture-rebuilt-{number}", f"Лекция Квазиградова {n}")
        for number, n in enumerate(("первая", "вторая", "третья"))
    ]


def rebuild(*args, **options):
    out, err = io.StringIO(), io.StringIO()
    call_command(
        "rebuild_search_index",
        "--backend",
        "database",
        "--noinput",
        *args,
        stdout=out,
        stderr=err,
        **options,
    )
    return out.getvalue()


def found_keys(text):
    results = get_search_service().search(
        SearchQuery(locale="ru", text=text, per_page=50)
    )
    return {hit.key for hit in results.hits}


def test_full_rebuild_indexes_every_archive_item_and_prints_a_summary(events):
    total = ArchiveSource().count()

    output = rebuild("--batch-size", "2")

    assert f"archive on database: {total} documents written" in output
    assert "documents/s" in output
    assert found_keys("Квазиградова") == {document_key(page.pk) for page in events}
    state = SearchRebuild.objects.get(index_name="archive", backend="database")
    assert state.finished_at is not None
    assert state.processed == total
    assert state.position == str(max(page.pk for page in events))


def test_summary_is_printed_even_when_quiet(events):
    output = rebuild(verbosity=0)

    assert "documents written" in output


def test_interrupted_rebuild_resumes_from_its_saved_position(events):
    with pytest.raises(CommandError, match="Run the command again to resume"):
        rebuild("--batch-size", "1", sources=[StoppedSource(2)])
    state = SearchRebuild.objects.get(finished_at__isnull=True)
    first_two = list(ArchiveSource().queryset().values_list("pk", flat=True)[:2])
    assert state.position == str(first_two[-1])
    assert state.processed == 2

    source = WatchedSource()
    output = rebuild("--batch-size", "1", sources=[source])

    assert "Resuming the unfinished rebuild of archive on database" in output
    assert source.starts == [first_two[-1]]
    assert SearchRebuild.objects.get().token == state.token
    finished = SearchRebuild.objects.get()
    assert finished.finished_at is not None
    assert finished.processed == ArchiveSource().count()
    assert found_keys("Квазиградова") == {document_key(page.pk) for page in events}


def test_restart_abandons_an_unfinished_rebuild_and_starts_afresh(events):
    with pytest.raises(CommandError):
        rebuild("--batch-size", "1", sources=[StoppedSource(1)])
    abandoned = SearchRebuild.objects.get()

    source = WatchedSource()
    output = rebuild("--restart", sources=[source])

    assert "is abandoned" in output
    assert source.starts == [None]
    rebuilt = SearchRebuild.objects.get()
    assert rebuilt.token != abandoned.token
    assert rebuilt.finished_at is not None
    assert rebuilt.processed == ArchiveSource().count()


def test_rebuild_removes_documents_that_are_no_archive_items_any_more(events):
    service = get_search_service()
    gone = SearchDocument(
        key="events.EventPage:999999",
        locale="ru",
        url="/ru/programme/gone/",
        title="Лекция Квазиградова, которой больше нет",
        date=timezone.now() - datetime.timedelta(days=9),
        available_from=timezone.now() - datetime.timedelta(days=9),
    )
    service.index([gone])
    assert gone.key in found_keys("Квазиградова")

    output = rebuild()

    assert "1 stale removed" in output
    assert gone.key not in found_keys("Квазиградова")


def test_only_the_named_index_is_rebuilt_and_an_unknown_one_is_refused():
    with pytest.raises(CommandError, match="Unknown index nonsense"):
        rebuild("--index", "nonsense")

    assert "archive on database" in rebuild("--index", "archive")


def test_elasticsearch_backend_needs_its_address(settings):
    settings.ELASTICSEARCH_URL = ""

    with pytest.raises(CommandError, match="ELASTICSEARCH_URL"):
        call_command(
            "rebuild_search_index", "--backend", "elasticsearch", stdout=io.StringIO()
        )


def test_unreachable_elasticsearch_fails_with_the_reason_and_keeps_position(
    settings, events
):
    settings.ELASTICSEARCH_URL = "http://127.0.0.1:9"
    settings.ELASTICSEARCH_TIMEOUT = 1

    with pytest.raises(CommandError, match="failed"):
        call_command(
            "rebuild_search_index",
            "--backend",
            "elasticsearch",
            stdout=io.StringIO(),
            stderr=io.StringIO(),
        )

    state = SearchRebuild.objects.get(backend="elasticsearch")
    assert state.finished_at is None
