"""Hearing submissions in the resident's personal data (Federal Law 152-FZ)."""

import json

from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import translation

import pytest

from cms.accounts.personal_data import collect_sections, get_providers
from hearings_plugin.factories import make_verified_resident
from hearings_plugin.models import Submission

from .conftest import submit

pytestmark = pytest.mark.django_db


def hearing_section(user):
    return next(s for s in collect_sections(user) if s.key == "hearing_submissions")


def test_the_export_lists_the_submissions_with_their_identification(
    open_hearing, verified_resident
):
    submission = submit(
        open_hearing,
        verified_resident,
        text="Сохранить сквер",
        district="vakhitovsky",
        attachment=SimpleUploadedFile("plan.pdf", b"%PDF", "application/pdf"),
    )
    submit(open_hearing, make_verified_resident("neighbour"))
    (record,) = hearing_section(verified_resident).records
    assert record["number"] == submission.number
    assert record["hearing"] == open_hearing.title
    assert record["text"] == "Сохранить сквер"
    assert record["full_name"] == "Валиев Ильдар Рустамович"
    assert record["address"] == "420111, Казань, ул. Баумана, д. 1, кв. 2"
    assert record["birth_date"].isoformat() == "1970-05-17"
    assert record["attachment"] == "plan.pdf"
    assert record["received_at"] == submission.received_at


def test_the_download_and_the_page_include_the_submissions(
    client, open_hearing, verified_resident
):
    submission = submit(open_hearing, verified_resident)
    client.force_login(verified_resident)
    download = client.get(reverse("accounts:personal_data_download"))
    assert download.status_code == 200
    data = json.loads(
        b"".join(download.streaming_content) if download.streaming else download.content
    )
    text = json.dumps(data, ensure_ascii=False)
    assert submission.number in text
    assert "Валиев Ильдар Рустамович" in text
    page = client.get(reverse("accounts:personal_data")).content.decode()
    assert submission.number in page


def test_deleting_the_account_keeps_the_submissions_as_the_legal_record(
    open_hearing, verified_resident
):
    submission = submit(open_hearing, verified_resident)
    provider = next(p for p in get_providers() if p.key == "hearing_submissions")
    with translation.override("en"):
        assert "kept" in str(provider.description)
    provider.anonymise(verified_resident)
    kept = Submission.objects.get(pk=submission.pk)
    assert kept.author_id is None
    assert kept.full_name == "Валиев Ильдар Рустамович"
    assert kept.text == submission.text
    assert hearing_section(verified_resident).records == []
