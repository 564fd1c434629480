"""The protocol's and conclusion's PDFs rendered ahead of time, and big hearings."""

import io
import threading

from django.core.cache import cache
from django.core.management import call_command
from django.utils import timezone, translation

from wagtail.models import Locale

import pytest
from pypdf import PdfReader

from hearings_plugin import actions, pdf
from hearings_plugin.models import HearingPage, HearingResult

from ..conftest import in_russian
from .test_results import Hearing, pdf_text, url

pytestmark = pytest.mark.django_db


@pytest.fixture
def hearing(organiser, moderator):
    """The test_results hearing, with a Tatar version of its page."""
    hearing = Hearing(organiser, moderator)
    tatar = hearing.page.copy_for_translation(Locale.objects.get(language_code="tt"))
    tatar.save_revision().publish()
    return hearing


@pytest.fixture
def no_threads(monkeypatch):
    """Fail the test if anything starts a thread."""

    def refuse(*args, **kwargs):
        raise AssertionError("a thread was started")

    monkeypatch.setattr(threading.Thread, "start", refuse)


def cached_pdfs(procedure, kind):
    """The cached PDF of each live language version, by language."""
    result = HearingResult.objects.get(procedure=procedure, kind=kind)
    found = {}
    for page in HearingPage.objects.live().filter(procedure=procedure):
        language = page.locale.language_code
        with translation.override(language):
            found[language] = cache.get(pdf.cache_key(kind, page, result))
    return found


def publish_protocol(hearing, callbacks):
    hearing.close()
    with callbacks(execute=True):
        actions.PublishResultAction(
            hearing.page,
            hearing.organiser,
            "protocol",
            "П-17",
            timezone.localdate(),
            "Обсуждение прошло спокойно.",
        ).execute()


def test_publishing_the_protocol_renders_its_pdf_into_the_cache(
    hearing, settings, django_capture_on_commit_callbacks, no_threads
):
    settings.HEARINGS_PRERENDER_IN_BACKGROUND = False
    publish_protocol(hearing, django_capture_on_commit_callbacks)
    found = cached_pdfs(hearing.page.procedure, "protocol")
    assert set(found) == {"ru", "tt"}
    for content in found.values():
        assert content.startswith(b"%PDF")
    reader = PdfReader(io.BytesIO(found["tt"]))
    text = " ".join(" ".join(page.extract_text() for page in reader.pages).split())
    for submission in hearing.submissions:
        assert submission.number in text


def test_inside_a_transaction_the_render_stays_in_the_caller(
    hearing, settings, django_capture_on_commit_callbacks, no_threads
):
    # A thread has its own connection and would not see uncommitted data.
    settings.HEARINGS_PRERENDER_IN_BACKGROUND = True
    publish_protocol(hearing, django_capture_on_commit_callbacks)
    assert all(cached_pdfs(hearing.page.procedure, "protocol").values())


def test_the_cached_pdf_is_served_without_rendering(
    client, hearing, settings, django_capture_on_commit_callbacks, monkeypatch
):
    settings.HEARINGS_PRERENDER_IN_BACKGROUND = False
    publish_protocol(hearing, django_capture_on_commit_callbacks)

    def refuse(*args, **kwargs):
        raise AssertionError("rendered again")

    monkeypatch.setattr(pdf, "render_pdf", refuse)
    response = client.get(url(hearing.page, "protocol_pdf"))
    assert response.status_code == 200
    assert response.content.startswith(b"%PDF")


def test_a_render_in_background_closes_its_connection_and_lock(monkeypatch, settings):
    settings.HEARINGS_PRERENDER_IN_BACKGROUND = True

    class Connection:
        in_atomic_block = False
        closed_in = None

        def close(self):
            self.closed_in = threading.current_thread()

    connection = Connection()
    monkeypatch.setattr(pdf, "connection", connection)
    ran = []
    lock = "hearings:test:lock"
    cache.delete(lock)
    assert pdf.run_soon(lambda: ran.append(threading.current_thread()), lock=lock)
    for thread in threading.enumerate():
        if thread.name == "hearing-documents":
            thread.join(10)
    assert ran and ran[0] is not threading.main_thread()
    assert connection.closed_in is ran[0]
    assert cache.get(lock) is None


def test_a_failed_render_is_logged_and_releases_its_lock(settings, caplog):
    settings.HEARINGS_PRERENDER_IN_BACKGROUND = False
    lock = "hearings:test:lock"
    cache.delete(lock)

    def broken():
        raise RuntimeError("boom")

    assert pdf.run_soon(broken, lock=lock) is False
    assert "ahead of time failed" in caplog.text
    assert cache.get(lock) is None


def test_a_held_lock_starts_nothing(settings):
    settings.HEARINGS_PRERENDER_IN_BACKGROUND = False
    lock = "hearings:test:lock"
    cache.set(lock, True)
    ran = []
    pdf.run_soon(lambda: ran.append(1), lock=lock)
    assert ran == []
    cache.delete(lock)


def test_the_command_renders_the_missing_pdfs_once(hearing, settings):
    hearing.publish_protocol()  # no on-commit callbacks: nothing rendered yet
    procedure = hearing.page.procedure
    assert not any(cached_pdfs(procedure, "protocol").values())
    out = io.StringIO()
    call_command("hearing_documents", hearing=[procedure.reference], stdout=out)
    assert "rendered: 2; already cached: 0" in out.getvalue()
    assert all(
        content.startswith(b"%PDF")
        for content in cached_pdfs(procedure, "protocol").values()
    )
    again = io.StringIO()
    call_command("hearing_documents", hearing=[procedure.reference], stdout=again)
    assert "rendered: 0; already cached: 2" in again.getvalue()
    forced = io.StringIO()
    call_command(
        "hearing_documents", hearing=[procedure.reference], force=True, stdout=forced
    )
    assert "rendered: 2; already cached: 0" in forced.getvalue()


def test_the_command_covers_the_conclusion_too(hearing):
    hearing.publish_conclusion()
    procedure = hearing.page.procedure
    out = io.StringIO()
    call_command(
        "hearing_documents", hearing=[procedure.reference], verbosity=2, stdout=out
    )
    assert "rendered: 4;" in out.getvalue()
    assert f"{procedure.reference} tt conclusion:" in out.getvalue()
    assert all(cached_pdfs(procedure, "conclusion").values())


def test_the_command_refuses_an_unknown_hearing():
    from django.core.management.base import CommandError

    with pytest.raises(CommandError):
        call_command("hearing_documents", hearing=["1999/999"], stdout=io.StringIO())


def test_a_big_hearing_is_not_rendered_in_the_request(
    client, hearing, settings, monkeypatch
):
    hearing.publish_protocol()
    settings.HEARINGS_PDF_RENDER_IN_REQUEST_LIMIT = 2
    started = []
    monkeypatch.setattr(
        "hearings_plugin.views.results.prerender_soon",
        lambda pk, lock=None: started.append((pk, lock)),
    )
    response = client.get(url(hearing.page, "protocol_pdf"))
    assert response.status_code == 503
    assert response["Retry-After"] == "60"
    assert "no-cache" in response["Cache-Control"]
    assert started == [
        (hearing.page.procedure.pk, pdf.render_lock_key(hearing.page.procedure.pk))
    ]
    html = response.content.decode()
    assert in_russian("The PDF is being prepared") in html
    assert url(hearing.page, "protocol") in html


def test_a_big_hearing_rendered_meanwhile_is_served(client, hearing, settings):
    # Without a background thread the render runs at once and is served.
    hearing.publish_protocol()
    settings.HEARINGS_PDF_RENDER_IN_REQUEST_LIMIT = 2
    settings.HEARINGS_PRERENDER_IN_BACKGROUND = False
    response = client.get(url(hearing.page, "protocol_pdf"))
    assert response.status_code == 200
    assert hearing.territory.number in " ".join(pdf_text(response).split())
    assert cache.get(pdf.render_lock_key(hearing.page.procedure.pk)) is None
