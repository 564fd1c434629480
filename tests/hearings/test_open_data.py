"""Open data of the hearings: CSV and JSON without personal data."""

import csv
import io
import json

import pytest

from hearings_plugin import actions
from hearings_plugin.factories import make_hearing, make_verified_resident
from hearings_plugin.models import HearingIndexPage, Stage, Submission

from .conftest import submit

pytestmark = pytest.mark.django_db

PRIVATE_WORDS = ("Валиев", "Ильдар", "Баумана", "1970-05-17", "1021602841234")


def url(page, name, *args):
    return page.url + page.reverse_subpage(name, args=args or None)


def body(response):
    return b"".join(response.streaming_content).decode("utf-8")


@pytest.fixture
def moderated_hearing(moderator, organiser):
    page = make_hearing(Stage.OPEN)
    person = make_verified_resident("person")
    company = make_verified_resident("firm", legal_entity=True)
    published = submit(page, person, text='Открытый текст, запятая и "кавычки"')
    hidden = submit(page, company, category="other", text="Скрытый текст")
    submit(page, person, text="Ещё на модерации")
    actions.ModerateSubmissionAction(published, moderator, "published").execute()
    actions.ModerateSubmissionAction(hidden, moderator, "hidden", "Спам").execute()
    actions.AnswerSubmissionsAction(
        [published], organiser, "accepted", "Учтено."
    ).execute()
    return page, published, hidden


def test_the_csv_has_a_header_and_moderated_rows_without_personal_data(
    client, moderated_hearing
):
    page, published, hidden = moderated_hearing
    response = client.get(url(page, "hearing_open_data", "csv"))
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/csv")
    assert ".csv" in response["Content-Disposition"]
    text = body(response)
    assert not text.startswith("\ufeff")
    rows = list(csv.DictReader(io.StringIO(text)))
    assert [row["number"] for row in rows] == [published.number, hidden.number]
    first, second = rows
    assert first["text"] == 'Открытый текст, запятая и "кавычки"'
    assert first["answer_status"] == "accepted"
    assert first["answer_text"] == "Учтено."
    assert first["hearing_reference"] == page.procedure.reference
    assert first["hearing_title"] == page.title
    assert second["moderation"] == "hidden"
    assert second["text"] == ""
    assert "Скрытый текст" not in text
    assert "Ещё на модерации" not in text
    for word in PRIVATE_WORDS:
        assert word not in text


def test_the_json_matches_the_register_counts(client, moderated_hearing):
    page, published, hidden = moderated_hearing
    response = client.get(url(page, "hearing_open_data", "json"))
    assert response["Content-Type"].startswith("application/json")
    records = json.loads(body(response))
    moderated = Submission.objects.filter(
        procedure=page.procedure, moderation__in=["published", "hidden"]
    )
    assert len(records) == moderated.count() == 2
    by_number = {record["number"]: record for record in records}
    assert by_number[hidden.number]["text"] is None
    assert by_number[published.number]["duplicate_of"] is None
    assert set(by_number[published.number]) == {
        "number",
        "hearing_reference",
        "hearing_title",
        "kind",
        "category",
        "district",
        "language",
        "received_at",
        "moderation",
        "text",
        "answer_status",
        "answer_text",
        "duplicate_of",
    }
    for word in PRIVATE_WORDS:
        assert word not in json.dumps(records, ensure_ascii=False)


def test_duplicates_name_their_original(client, moderated_hearing, organiser):
    page, published, hidden = moderated_hearing
    actions.MarkDuplicatesAction([hidden], published, organiser).execute()
    records = json.loads(body(client.get(url(page, "hearing_open_data", "json"))))
    assert {r["number"]: r["duplicate_of"] for r in records} == {
        published.number: None,
        hidden.number: published.number,
    }


def test_an_unknown_format_is_404(client, moderated_hearing):
    page = moderated_hearing[0]
    index = HearingIndexPage.objects.get(locale__language_code="ru")
    assert client.get(url(page, "hearing_open_data", "xml")).status_code == 404
    assert client.get(url(index, "open_data", "xlsx")).status_code == 404


def test_the_index_exports_every_hearing(client, moderated_hearing, moderator):
    page, published, hidden = moderated_hearing
    other = make_hearing(Stage.OPEN, title="Расширение улицы")
    extra = submit(other, make_verified_resident("third"))
    actions.ModerateSubmissionAction(extra, moderator, "published").execute()
    index = HearingIndexPage.objects.get(locale__language_code="ru")
    records = json.loads(body(client.get(url(index, "open_data", "json"))))
    numbers = {record["number"] for record in records}
    assert {published.number, hidden.number, extra.number} <= numbers
    titles = {r["number"]: r["hearing_title"] for r in records}
    assert titles[extra.number] == "Расширение улицы"
    rows = list(
        csv.DictReader(io.StringIO(body(client.get(url(index, "open_data", "csv")))))
    )
    assert (
        len(rows)
        == len(records)
        == Submission.objects.filter(
            moderation__in=["published", "hidden"], procedure__pages__live=True
        )
        .distinct()
        .count()
    )
