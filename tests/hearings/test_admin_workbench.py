"""The organisers' workbench: the list, its filters, bulk actions, detail and CSV."""

import csv
import datetime
import io
import uuid

from django.core.files.uploadedfile import SimpleUploadedFile
from django.urls import reverse
from django.utils import timezone

from wagtail.models import PageLogEntry

import pytest

from hearings_plugin import actions
from hearings_plugin.factories import make_hearing
from hearings_plugin.models import Stage, Submission

from .conftest import submit
from .test_admin_stages import sign_in

pytestmark = pytest.mark.django_db

LISTING = reverse("hearings_admin:submissions")
EXPORT = reverse("hearings_admin:export")
BULK = reverse("hearings_admin:bulk")


@pytest.fixture
def hearing(db):
    return make_hearing(Stage.OPEN)


@pytest.fixture
def submissions(hearing, verified_resident):
    return [
        submit(hearing, verified_resident, text="Сохранить сквер у школы."),
        submit(hearing, verified_resident, kind="remark", text="=HYPERLINK(1)"),
        submit(
            hearing,
            verified_resident,
            kind="question",
            text="Где будет остановка?",
            attachment=SimpleUploadedFile("plan.pdf", b"%PDF-1.4 plan"),
        ),
    ]


def add_submissions(page, count):
    """Registered submissions straight in the database, for volume."""
    procedure = page.procedure
    now = timezone.now()
    start = procedure.last_number
    Submission.objects.bulk_create(
        Submission(
            procedure=procedure,
            page=page,
            language="ru",
            sequence=start + i,
            number=f"{procedure.reference}-{start + i:04d}",
            client_token=uuid.uuid4(),
            kind="proposal",
            category="territory",
            text=f"Предложение {i}",
            identity_kind="person",
            full_name="Иванов Иван",
            birth_date=datetime.date(1980, 1, 1),
            address="Казань",
            identity_confirmed_at=now,
            received_at=now - datetime.timedelta(minutes=i),
        )
        for i in range(1, count + 1)
    )
    procedure.last_number = start + count
    procedure.save(update_fields=["last_number"])


def test_organiser_sees_submissions_with_personal_data(client, organiser, submissions):
    sign_in(client, organiser)
    response = client.get(LISTING)
    content = response.content.decode()
    assert response.status_code == 200
    for submission in submissions:
        assert submission.number in content
    assert "Валиев Ильдар Рустамович" in content
    assert "Date of birth" in content and "17.05.1970" in content


def test_moderator_sees_the_list_without_personal_data(client, moderator, submissions):
    sign_in(client, moderator)
    response = client.get(LISTING)
    content = response.content.decode()
    assert response.status_code == 200
    assert submissions[0].number in content
    assert "Валиев" not in content and "Баумана" not in content
    assert "Date of birth" not in content
    assert EXPORT not in content


def test_filters_and_search_narrow_the_list(client, organiser, submissions):
    sign_in(client, organiser)
    first, remark, question = submissions
    content = client.get(LISTING, {"kind": "remark"}).content.decode()
    assert remark.number in content and first.number not in content

    actions.AnswerSubmissionsAction([first], organiser, "accepted", "Учтено").execute()
    content = client.get(LISTING, {"answer": "none"}).content.decode()
    assert first.number not in content and question.number in content

    content = client.get(LISTING, {"q": "остановка"}).content.decode()
    assert question.number in content and first.number not in content
    content = client.get(LISTING, {"q": first.number}).content.decode()
    assert first.number in content and question.number not in content

    results = reverse("hearings_admin:submissions_results")
    content = client.get(results, {"moderation": "pending"}).content.decode()
    assert first.number in content


def test_list_queries_do_not_grow_with_submissions(
    client, organiser, hearing, django_assert_max_num_queries
):
    sign_in(client, organiser)
    add_submissions(hearing, 5)
    client.get(LISTING)  # warm the caches every request fills
    from django.db import connection
    from django.test.utils import CaptureQueriesContext

    with CaptureQueriesContext(connection) as few:
        assert client.get(LISTING).status_code == 200
    add_submissions(hearing, 55)
    with django_assert_max_num_queries(len(few.captured_queries)):
        response = client.get(LISTING)
    assert response.status_code == 200
    assert response.content.decode().count('name="id"') == 50


def test_bulk_answer_with_a_template(client, organiser, submissions):
    from hearings_plugin.models import AnswerTemplate

    template = AnswerTemplate.objects.create(
        title="Вне предмета", status="out_of_scope", text="Не относится к проекту."
    )
    sign_in(client, organiser)
    ids = [s.pk for s in submissions[:2]]
    response = client.get(BULK, {"action": "answer", "id": ids})
    assert response.status_code == 200
    assert submissions[0].number in response.content.decode()
    response = client.post(
        BULK, {"action": "answer", "id": ids, "template": template.pk}
    )
    assert response.status_code == 302
    answered = Submission.objects.filter(pk__in=ids)
    assert {s.answer_status for s in answered} == {"out_of_scope"}
    assert {s.answer_text for s in answered} == {"Не относится к проекту."}
    assert Submission.objects.get(pk=submissions[2].pk).answer_status == ""


def test_bulk_answer_without_text_shows_the_refusal(client, organiser, submissions):
    sign_in(client, organiser)
    response = client.post(
        BULK, {"action": "answer", "id": [submissions[0].pk], "status": "accepted"}
    )
    assert response.status_code == 200
    assert "Write the reasoning of the answer." in response.content.decode()


def test_bulk_groups_duplicates_under_the_chosen_original(
    client, organiser, submissions, hearing
):
    sign_in(client, organiser)
    original, *others = submissions
    response = client.post(
        BULK,
        {
            "action": "duplicates",
            "id": [s.pk for s in submissions],
            "original": original.pk,
        },
    )
    assert response.status_code == 302
    assert set(
        Submission.objects.filter(duplicate_of=original).values_list("pk", flat=True)
    ) == {s.pk for s in others}
    assert PageLogEntry.objects.filter(
        page=hearing, action=actions.LOG_DUPLICATE
    ).exists()
    content = client.get(LISTING, {"duplicates": "duplicates"}).content.decode()
    assert others[0].number in content


def test_bulk_hide_needs_a_reason(client, moderator, submissions):
    sign_in(client, moderator)
    ids = [s.pk for s in submissions[:2]]
    response = client.post(
        BULK, {"action": "moderate", "id": ids, "decision": "hidden"}
    )
    assert response.status_code == 200
    assert "Give the reason" in response.content.decode()
    assert not Submission.objects.filter(pk__in=ids, moderation="hidden").exists()
    response = client.post(
        BULK,
        {"action": "moderate", "id": ids, "decision": "hidden", "reason": "Спам"},
    )
    assert response.status_code == 302
    assert Submission.objects.filter(pk__in=ids, moderation="hidden").count() == 2


def test_moderator_cannot_answer_in_bulk(client, moderator, submissions):
    sign_in(client, moderator)
    response = client.post(
        BULK,
        {
            "action": "answer",
            "id": [submissions[0].pk],
            "status": "accepted",
            "text": "Учтено",
        },
    )
    assert response.status_code == 200
    assert "You do not have permission" in response.content.decode()
    assert Submission.objects.get(pk=submissions[0].pk).answer_status == ""


def test_detail_shows_personal_data_and_attachment_to_the_organiser(
    client, organiser, submissions
):
    sign_in(client, organiser)
    question = submissions[2]
    url = reverse("hearings_admin:submission", args=[question.pk])
    content = client.get(url).content.decode()
    assert "Валиев Ильдар Рустамович" in content and "Баумана" in content
    assert f"submissions/{question.pk}/attachment/" in content
    assert 'name="form" value="answer"' in content

    response = client.post(
        url, {"form": "answer", "status": "partly", "text": "Частично учтено."}
    )
    assert response.status_code == 302
    question.refresh_from_db()
    assert question.answer_status == "partly"


def test_detail_hides_personal_data_and_answer_from_the_moderator(
    client, moderator, submissions
):
    sign_in(client, moderator)
    question = submissions[2]
    url = reverse("hearings_admin:submission", args=[question.pk])
    content = client.get(url).content.decode()
    assert question.text in content
    assert "Валиев" not in content and "attachment/" not in content
    assert 'value="answer"' not in content
    response = client.post(url, {"form": "moderate", "decision": "hidden"})
    assert "Give the reason" in response.content.decode()
    response = client.post(
        url, {"form": "moderate", "decision": "hidden", "reason": "Оскорбления"}
    )
    assert response.status_code == 302
    question.refresh_from_db()
    assert question.moderation == "hidden"
    assert question.moderation_reason == "Оскорбления"


def read_csv(response):
    raw = b"".join(response) if response.streaming else response.content
    assert raw.startswith("\ufeff".encode())
    return list(csv.reader(io.StringIO(raw.decode("utf-8-sig")), delimiter=";"))


def test_csv_export_of_the_filtered_list(client, organiser, submissions, hearing):
    sign_in(client, organiser)
    response = client.get(EXPORT, {"kind": "remark", "hearing": hearing.procedure_id})
    assert response.status_code == 200
    assert response["Content-Type"].startswith("text/csv")
    rows = read_csv(response)
    header, *body = rows
    assert "Full name or organisation" in header and "Address" in header
    assert len(body) == 1
    row = dict(zip(header, body[0], strict=True))
    assert row["Registration number"] == submissions[1].number
    # A typed formula arrives as text.
    assert row["Text"] == "'=HYPERLINK(1)"
    assert row["Full name or organisation"] == "Валиев Ильдар Рустамович"
    entry = PageLogEntry.objects.get(page=hearing, action=actions.LOG_EXPORTED)
    assert entry.user == organiser and entry.data["rows"] == 1


def test_csv_export_leaves_out_personal_data_without_permission(
    client, organiser, submissions, hearing
):
    from django.contrib.auth.models import Permission

    group = organiser.groups.get()
    group.permissions.remove(Permission.objects.get(codename="view_personal_data"))
    organiser = type(organiser).objects.get(pk=organiser.pk)
    sign_in(client, organiser)
    header, *body = read_csv(client.get(EXPORT, {"hearing": hearing.procedure_id}))
    assert "Address" not in header and "Date of birth" not in header
    assert len(body) == 3
    assert "Валиев" not in "".join(";".join(row) for row in body)
    content = client.get(LISTING).content.decode()
    assert "Валиев" not in content and "Date of birth" not in content


def test_moderator_and_events_editor_cannot_export(client, moderator, submissions):
    from cms.accounts.roles import Role

    from .conftest import staff_member

    sign_in(client, moderator)
    assert client.get(EXPORT).status_code == 403
    sign_in(client, staff_member("culture", Role.CULTURE_EDITOR))
    assert client.get(EXPORT).status_code == 403
    assert client.get(LISTING).status_code == 403
    url = reverse("hearings_admin:submission", args=[submissions[0].pk])
    assert client.get(url).status_code == 403
