"""The protocol, the conclusion, their PDFs, the participant annex and extracts."""

import io

from django.core.cache import cache
from django.utils import timezone, translation

from wagtail.models import Locale, PageLogEntry

import pytest
from pypdf import PdfReader

from hearings_plugin import actions
from hearings_plugin.factories import make_hearing, make_verified_resident
from hearings_plugin.models import Stage, Submission

from ..conftest import in_russian
from .conftest import submit

pytestmark = pytest.mark.django_db

TATAR_TEXT = "Мәктәп янында яңа җәяүлеләр юлы һәм күпер төзергә кирәк, өлкәннәр өчен"
RUSSIAN_TEXT = "Сохранить сквер у школы № 12 и осветить переход"
# Identification that must never reach a public document.
PRIVATE_WORDS = (
    "Валиев",
    "Ильдар",
    "Баумана",
    "Гарипова",
    "Пушкина, д. 5",
    "Казанский проект",
)


def url(page, name, *args):
    return page.url + page.reverse_subpage(name, args=args or None)


def pdf_text(response):
    content = (
        b"".join(response.streaming_content)
        if response.streaming
        else (response.content)
    )
    reader = PdfReader(io.BytesIO(content))
    return "\n".join(page.extract_text() for page in reader.pages)


class Hearing:
    """A hearing taken through its stages with real actions."""

    def __init__(self, organiser, moderator):
        self.organiser = organiser
        self.page = make_hearing(
            Stage.OPEN,
            territory="Квартал 12 Вахитовского района",
            exposition_venue="Здание администрации",
        )
        self.resident = make_verified_resident("valiev")
        self.neighbour = make_verified_resident(
            "garipova",
            last_name="Гарипова",
            first_name="Алсу",
            address="420015, Казань, ул. Карла Маркса, д. 3",
        )
        self.company = make_verified_resident("company", legal_entity=True)
        self.territory = submit(self.page, self.resident, text=RUSSIAN_TEXT)
        self.tatar = submit(self.page, self.neighbour, text=TATAR_TEXT, kind="remark")
        self.other = submit(
            self.page,
            self.company,
            category="other",
            kind="question",
            text="Когда начнётся строительство?",
        )
        self.repeat = submit(self.page, self.resident, text="Тоже сквер сохранить")
        actions.ModerateSubmissionAction(
            self.territory, moderator, "published"
        ).execute()
        actions.ModerateSubmissionAction(
            self.other, moderator, "hidden", "Не по теме"
        ).execute()

    @property
    def submissions(self):
        return [self.territory, self.tatar, self.other, self.repeat]

    def close(self):
        actions.CloseCommentPeriodAction(
            self.page, self.organiser, "Срок истёк"
        ).execute()
        self.page.refresh_from_db()

    def publish_protocol(self):
        self.close()
        actions.PublishResultAction(
            self.page,
            self.organiser,
            "protocol",
            "П-17",
            timezone.localdate(),
            "Обсуждение прошло спокойно.",
        ).execute()

    def publish_conclusion(self):
        self.publish_protocol()
        actions.MarkDuplicatesAction(
            [self.repeat], self.territory, self.organiser
        ).execute()
        actions.AnswerSubmissionsAction(
            [self.territory], self.organiser, "accepted", "Сквер будет сохранён."
        ).execute()
        actions.AnswerSubmissionsAction(
            [self.tatar, self.other], self.organiser, "rejected", "Не предусмотрено."
        ).execute()
        actions.PublishResultAction(
            self.page,
            self.organiser,
            "conclusion",
            "З-17",
            timezone.localdate(),
            "Проект рекомендуется к утверждению.",
        ).execute()


@pytest.fixture
def hearing(organiser, moderator):
    return Hearing(organiser, moderator)


def test_the_protocol_and_conclusion_are_404_before_publication(client, hearing):
    for name in ("protocol", "protocol_pdf", "conclusion", "conclusion_pdf"):
        assert client.get(url(hearing.page, name)).status_code == 404
    hearing.close()
    assert client.get(url(hearing.page, "protocol")).status_code == 404
    assert client.get(url(hearing.page, "conclusion")).status_code == 404


def test_the_protocol_lists_every_submission_split_without_personal_data(
    client, hearing
):
    hearing.publish_protocol()
    response = client.get(url(hearing.page, "protocol"))
    assert response.status_code == 200
    html = response.content.decode()
    for submission in hearing.submissions:
        assert submission.number in html
    # Residents of the territory first, then the others; hidden text is kept.
    territory_part, other_part = html.split('id="document-other"')
    assert hearing.territory.number in territory_part
    assert hearing.tatar.number in territory_part
    assert hearing.other.number in other_part
    assert hearing.other.number not in territory_part
    assert "Когда начнётся строительство?" in other_part
    assert in_russian("Hidden from the public register by the moderator.") in (
        other_part
    )
    assert "П-17" in html
    assert "Обсуждение прошло спокойно." in html
    assert "Срок истёк" in html  # the early close and its reason
    document = response.context["document"]
    assert document["participants"] == 3
    assert document["submissions"] == 4
    for word in PRIVATE_WORDS:
        assert word not in html


def test_a_deleted_account_counts_as_one_participant_per_submission(client, hearing):
    Submission.objects.filter(pk__in=[hearing.territory.pk, hearing.repeat.pk]).update(
        author=None
    )
    hearing.publish_protocol()
    response = client.get(url(hearing.page, "protocol"))
    assert response.context["document"]["participants"] == 4


def test_the_protocol_pdf_has_every_number_and_tatar_letters(client, hearing):
    hearing.publish_protocol()
    response = client.get(url(hearing.page, "protocol_pdf"))
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    disposition = response["Content-Disposition"]
    assert disposition.startswith("inline; filename=")
    assert hearing.page.procedure.reference.replace("/", "-") in disposition
    assert "filename*=UTF-8''" in disposition
    disposition.encode("ascii")
    text = pdf_text(response)
    flat = " ".join(text.split())
    for submission in hearing.submissions:
        assert submission.number in flat
    assert "җәяүлеләр" in flat
    assert "һәм" in flat and "яңа" in flat and "өчен" in flat
    assert "Сохранить сквер" in flat
    for word in PRIVATE_WORDS:
        assert word not in flat


def test_the_protocol_pdf_is_rendered_once_and_then_cached(
    client, hearing, django_assert_max_num_queries
):
    hearing.publish_protocol()
    first = client.get(url(hearing.page, "protocol_pdf"))
    Submission.objects.filter(pk=hearing.other.pk).update(text="Изменено позже")
    with django_assert_max_num_queries(12):
        again = client.get(url(hearing.page, "protocol_pdf"))
    assert again.content == first.content
    cache.clear()
    assert "Изменено позже" in pdf_text(client.get(url(hearing.page, "protocol_pdf")))


def test_the_conclusion_gives_each_submission_its_recommendation(client, hearing):
    hearing.publish_conclusion()
    response = client.get(url(hearing.page, "conclusion"))
    assert response.status_code == 200
    html = response.content.decode()
    assert "З-17" in html and "П-17" in html
    assert "Сквер будет сохранён." in html
    assert "Проект рекомендуется к утверждению." in html
    rows = {
        row["number"]: row
        for section in response.context["document"]["sections"]
        for row in section["rows"]
    }
    assert set(rows) == {s.number for s in hearing.submissions}
    repeat = rows[hearing.repeat.number]["recommendation"]
    assert repeat["text"] == "Сквер будет сохранён."
    assert hearing.territory.number in repeat["reference"]
    assert rows[hearing.other.number]["recommendation"]["text"] == "Не предусмотрено."
    for word in PRIVATE_WORDS:
        assert word not in html
    text = " ".join(pdf_text(client.get(url(hearing.page, "conclusion_pdf"))).split())
    for submission in hearing.submissions:
        assert submission.number in text
    assert "Сквер будет сохранён." in text
    assert "җәяүлеләр" in text


def test_the_documents_follow_the_page_language(client, organiser, moderator):
    hearing = Hearing(organiser, moderator)
    hearing.publish_protocol()
    tatar_page = hearing.page.copy_for_translation(
        Locale.objects.get(language_code="tt")
    )
    tatar_page.save_revision().publish()
    tatar_page.refresh_from_db()
    response = client.get(url(tatar_page, "protocol"))
    assert response.status_code == 200
    for submission in hearing.submissions:
        assert submission.number in response.content.decode()


def test_the_participant_annex_is_for_organisers_only_and_logged(
    client, hearing, organiser, moderator
):
    hearing.publish_protocol()
    annex = url(hearing.page, "participants_pdf")
    assert client.get(annex).status_code == 404
    for person in (moderator, hearing.resident):
        client.force_login(person)
        assert client.get(annex).status_code == 404
    client.force_login(organiser)
    response = client.get(annex)
    assert response.status_code == 200
    assert response["Content-Type"] == "application/pdf"
    assert "no-store" in response["Cache-Control"]
    assert "private" in response["Cache-Control"]
    text = " ".join(pdf_text(response).split())
    assert "Валиев Ильдар Рустамович" in text
    assert "Гарипова" in text
    assert "1021602841234" in text
    assert f"{hearing.territory.number}, {hearing.repeat.number}" in text
    entry = PageLogEntry.objects.filter(action=actions.LOG_EXPORTED).get()
    assert entry.data == {"document": "participants"}
    assert entry.user == organiser


def test_the_annex_waits_for_the_protocol(client, hearing, organiser):
    client.force_login(organiser)
    assert client.get(url(hearing.page, "participants_pdf")).status_code == 404


def test_an_extract_is_for_its_author_and_carries_the_answer_later(client, hearing):
    extract = url(hearing.page, "extract_pdf", hearing.tatar.pk)
    client.force_login(hearing.neighbour)
    assert client.get(extract).status_code == 404  # the protocol is not out yet
    hearing.publish_protocol()
    response = client.get(extract)
    assert response.status_code == 200
    assert "no-store" in response["Cache-Control"]
    text = " ".join(pdf_text(response).split())
    assert hearing.tatar.number in text
    assert "Гарипова Алсу" in text
    assert "җәяүлеләр" in text
    assert "Не предусмотрено." not in text
    for stranger in (hearing.resident, None):
        client.logout()
        if stranger:
            client.force_login(stranger)
        assert client.get(extract).status_code == 404
    assert client.get(url(hearing.page, "extract_pdf", 999999)).status_code == 404


def test_an_extract_after_the_conclusion_has_the_recommendation(
    client, hearing, organiser
):
    hearing.publish_conclusion()
    client.force_login(hearing.resident)
    response = client.get(url(hearing.page, "extract_pdf", hearing.repeat.pk))
    text = " ".join(pdf_text(response).split())
    assert "Сквер будет сохранён." in text
    assert hearing.territory.number in text
    client.force_login(organiser)
    assert (
        client.get(url(hearing.page, "extract_pdf", hearing.repeat.pk)).status_code
        == 200
    )
    assert PageLogEntry.objects.filter(action=actions.LOG_EXPORTED).exists()


def test_the_results_panel_tells_what_comes_and_links_what_is_out(
    rf, hearing, organiser
):
    from django.contrib.auth.models import AnonymousUser

    request = rf.get(hearing.page.url)
    request.user = AnonymousUser()
    panel = hearing.page.get_context(request)["results_panel"]
    assert panel.protocol is None
    assert panel.protocol_notice
    assert panel.statistics_url.endswith("/statistics/")
    hearing.publish_protocol()
    hearing.page.refresh_from_db()
    panel = hearing.page.get_context(request)["results_panel"]
    assert panel.protocol.number == "П-17"
    assert panel.protocol.pdf_url.endswith("/protocol/pdf/")
    assert panel.conclusion is None and panel.conclusion_notice
    assert not panel.participants_url and not panel.extracts
    request.user = organiser
    assert hearing.page.get_context(request)["results_panel"].participants_url
    request.user = hearing.resident
    panel = hearing.page.get_context(request)["results_panel"]
    assert [number for number, _url in panel.extracts] == [
        hearing.territory.number,
        hearing.repeat.number,
    ]


def test_the_hearing_page_shows_the_results_panel(client, hearing):
    hearing.publish_protocol()
    response = client.get(hearing.page.url)
    assert response.status_code == 200
    assert url(hearing.page, "protocol_pdf") in response.content.decode()


def test_publishing_can_prerender_the_pdf_for_the_first_download(hearing):
    from hearings_plugin import pdf
    from hearings_plugin.models import HearingResult
    from hearings_plugin.views.results import prerender_result_pdfs

    hearing.publish_protocol()
    page = type(hearing.page).objects.get(pk=hearing.page.pk)
    result = HearingResult.objects.get(procedure=page.procedure, kind="protocol")
    prerender_result_pdfs(page.procedure)
    with translation.override("ru"):
        assert cache.get(pdf.cache_key("protocol", page, result)).startswith(b"%PDF")
