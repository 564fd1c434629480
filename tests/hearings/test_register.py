"""The public register: moderated submissions without personal data, filters, pages."""

import datetime
import html
import uuid

from django.db import connection
from django.test.utils import CaptureQueriesContext
from django.utils import timezone, translation
from django.utils.html import escape

from wagtail.models import Locale

import pytest

from hearings_plugin.factories import make_hearing, make_verified_resident
from hearings_plugin.models import Stage, Submission
from tests.conftest import in_russian
from tests.hearings.conftest import submit

pytestmark = pytest.mark.django_db

PERSON = {
    "full_name": "Валиев Ильдар Рустамович",
    "birth_date": datetime.date(1970, 5, 17),
    "address": "420111, Казань, ул. Баумана, д. 1, кв. 2",
}


def add_submissions(page, count, **fields):
    """``count`` stored submissions of ``page``'s hearing, with identification data."""
    procedure = page.procedure
    start = procedure.last_number
    now = timezone.now()
    rows = []
    for offset in range(1, count + 1):
        sequence = start + offset
        values = {
            "procedure": procedure,
            "page": page,
            "language": "ru",
            "sequence": sequence,
            "number": f"{procedure.reference}-{sequence:04d}",
            "client_token": uuid.uuid4(),
            "kind": Submission.Kind.PROPOSAL,
            "category": Submission.Category.TERRITORY,
            "text": f"Предложение номер {sequence}.",
            "identity_kind": Submission.IdentityKind.PERSON,
            "identity_confirmed_at": now,
            "received_at": now,
            "moderation": Submission.Moderation.PUBLISHED,
            **PERSON,
        }
        values.update(fields)
        rows.append(Submission(**values))
    procedure.last_number = start + count
    procedure.save(update_fields=["last_number"])
    return Submission.objects.bulk_create(rows)


def register_url(page):
    return page.url + page.reverse_subpage("register").lstrip("/")


def text(response):
    assert response.status_code == 200
    return html.unescape(response.content.decode())


def test_register_never_shows_personal_data(client, open_hearing):
    person = make_verified_resident("person")
    company = make_verified_resident("company", legal_entity=True)
    first = submit(open_hearing, person, text="Сохранить сквер у школы.")
    second = submit(open_hearing, company, text="Расширить парковку.")
    Submission.objects.filter(pk__in=[first.pk, second.pk]).update(
        moderation=Submission.Moderation.PUBLISHED
    )
    stored = Submission.objects.get(pk=first.pk)
    assert stored.full_name and stored.address and stored.birth_date

    for url in (register_url(open_hearing), open_hearing.url):
        content = text(client.get(url))
        assert first.number in content and second.number in content
        assert "Сохранить сквер у школы." in content
        for secret in (
            "Валиев",
            "Ильдар",
            "Рустамович",
            "Баумана",
            "420111",
            "1970",
            "17.05",
            "ООО «Казанский проект»",
            "Казанский проект",
            "1021602841234",
            "Пушкина, д. 5",
            "verified",
            "person@example.org",
        ):
            assert secret not in content, secret


def test_register_lists_published_text_with_answer_and_duplicate(client, open_hearing):
    original, repeat = add_submissions(open_hearing, 2)
    Submission.objects.filter(pk=original.pk).update(
        answer_status=Submission.Answer.PARTLY,
        answer_text="Учтено частично: сквер\nсохраняется.",
    )
    Submission.objects.filter(pk=repeat.pk).update(duplicate_of=original)
    content = text(client.get(register_url(open_hearing)))
    with translation.override("ru"):
        partly = str(Submission.Answer.PARTLY.label)
        not_answered = str(Submission.Answer.NONE.label)
        repeats = translation.gettext("Repeats No. %(number)s") % {
            "number": original.number
        }
    assert partly in content
    assert "Учтено частично: сквер<br>сохраняется." in content
    assert not_answered in content
    assert repeats in content
    assert f"Предложение номер {original.sequence}." in content


def test_register_text_is_escaped(client, open_hearing):
    add_submissions(open_hearing, 1, text="<script>alert(1)</script>")
    content = client.get(register_url(open_hearing)).content.decode()
    assert "<script>alert(1)</script>" not in content
    assert escape("<script>alert(1)</script>") in content


def test_hidden_submission_stays_as_placeholder_with_reason(client, open_hearing):
    (hidden,) = add_submissions(
        open_hearing,
        1,
        text="Оскорбительный текст",
        moderation=Submission.Moderation.HIDDEN,
        moderation_reason="Нецензурная лексика",
    )
    content = text(client.get(register_url(open_hearing)))
    with translation.override("ru"):
        placeholder = translation.gettext(
            "No. %(number)s — hidden by the moderator: %(reason)s"
        ) % {"number": hidden.number, "reason": "Нецензурная лексика"}
    assert placeholder in content
    assert "Оскорбительный текст" not in content


def test_pending_submissions_are_counted_not_shown(client, open_hearing):
    add_submissions(
        open_hearing,
        2,
        text="Ещё не проверено",
        moderation=Submission.Moderation.PENDING,
    )
    for url in (register_url(open_hearing), open_hearing.url):
        content = text(client.get(url))
        assert "Ещё не проверено" not in content
        with translation.override("ru"):
            awaiting = translation.ngettext(
                "%(counter)s awaiting moderation.",
                "%(counter)s awaiting moderation.",
                2,
            ) % {"counter": 2}
        assert awaiting in content


def test_register_lists_every_language_of_the_hearing(client, open_hearing):
    add_submissions(open_hearing, 1, text="Русский текст")
    add_submissions(open_hearing, 1, text="Татарча текст", language="tt")
    add_submissions(open_hearing, 1, text="English text", language="en")
    tatar_page = open_hearing.get_translation(Locale.objects.get(language_code="tt"))
    content = text(client.get(register_url(tatar_page)))
    for phrase in ("Русский текст", "Татарча текст", "English text"):
        assert phrase in content

    only_tatar = text(client.get(register_url(tatar_page) + "?language=tt"))
    assert "Татарча текст" in only_tatar
    assert "Русский текст" not in only_tatar


def test_register_filters_by_kind_and_answer(client, open_hearing):
    add_submissions(open_hearing, 1, text="Это вопрос", kind=Submission.Kind.QUESTION)
    add_submissions(
        open_hearing,
        1,
        text="Это отклонено",
        answer_status=Submission.Answer.REJECTED,
        answer_text="Не соответствует нормам.",
    )
    url = register_url(open_hearing)
    questions = text(client.get(url + "?kind=question"))
    assert "Это вопрос" in questions and "Это отклонено" not in questions
    rejected = text(client.get(url + "?answer=rejected"))
    assert "Это отклонено" in rejected and "Это вопрос" not in rejected
    unanswered = text(client.get(url + "?answer=none"))
    assert "Это вопрос" in unanswered and "Это отклонено" not in unanswered


def test_unknown_register_filters_give_a_notice_not_an_error(client, open_hearing):
    add_submissions(open_hearing, 1, text="Текст остаётся")
    response = client.get(
        register_url(open_hearing)
        + "?kind=%3Cb%3Ebold&answer=maybe&language=xx&page=zzz"
    )
    content = text(response)
    assert "Текст остаётся" in content
    assert (
        html.unescape(
            in_russian(
                "Some choices in the address were not recognised and were left out:"
            )
        )
        in content
    )
    assert "<b>bold" not in response.content.decode()


def test_register_shows_fifty_per_page_and_clamps_the_page(client, open_hearing):
    add_submissions(open_hearing, 60)
    url = register_url(open_hearing)
    first = text(client.get(url))
    assert first.count('<li class="register-entry') == 50
    last = text(client.get(url + "?page=2"))
    assert last.count('<li class="register-entry') == 10
    assert text(client.get(url + "?page=999")).count('<li class="register-entry') == 10
    assert text(client.get(url + "?page=-3")).count('<li class="register-entry') == 50


def test_register_of_an_announced_hearing_is_empty_not_an_error(client):
    page = make_hearing(Stage.ANNOUNCED)
    assert client.get(register_url(page)).status_code == 200


def test_register_queries_do_not_grow_with_submissions(
    client, open_hearing, django_assert_max_num_queries
):
    url = register_url(open_hearing)
    (first,) = add_submissions(open_hearing, 1)
    client.get(url)  # warm the site and locale caches
    with CaptureQueriesContext(connection) as one:
        assert client.get(url).status_code == 200
    more = add_submissions(open_hearing, 59, answer_status=Submission.Answer.ACCEPTED)
    Submission.objects.filter(pk__in=[s.pk for s in more[:20]]).update(
        duplicate_of=first
    )
    Submission.objects.filter(pk__in=[s.pk for s in more[20:30]]).update(
        moderation=Submission.Moderation.HIDDEN, moderation_reason="Спам"
    )
    with django_assert_max_num_queries(len(one.captured_queries)):
        response = client.get(url)
    assert response.content.decode().count('<li class="register-entry') == 50
