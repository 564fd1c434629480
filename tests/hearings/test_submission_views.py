"""Submitting to a hearing through its page: the form, refusals, the receipt."""

import uuid

from django.core import mail
from django.core.files.uploadedfile import SimpleUploadedFile
from django.template.loader import render_to_string
from django.test import RequestFactory
from django.utils import translation
from django.utils.html import escape

from wagtail.models import Locale

import pytest

from hearings_plugin import actions
from hearings_plugin.factories import make_hearing, make_verified_resident
from hearings_plugin.models import Stage, Submission
from hearings_plugin.models.submissions import ATTACHMENT_MAX_BYTES
from hearings_plugin.selectors.submissions import submission_panel

from ..conftest import in_russian
from .conftest import submit

pytestmark = pytest.mark.django_db

TEXT = "Сохранить сквер у школы № 12.\nИ добавить освещение."


def route(page, name, *args):
    return page.get_url() + page.reverse_subpage(name, args=args)


def version(page, code):
    return page.get_translation(Locale.objects.get(language_code=code)).specific


def stored(page):
    return Submission.objects.filter(procedure_id=page.procedure_id)


MARKUP_ERROR = (
    "The text contains HTML markup or a script. Write plain text "
    "without angle-bracket tags."
)
CHOICE_ERROR = "Select a valid choice. %(value)s is not one of the available choices."


def form_data(**overrides):
    values = {
        "kind": "proposal",
        "category": "territory",
        "district": "vakhitovsky",
        "text": TEXT,
        "client_token": str(uuid.uuid4()),
        "identity_confirmed": "on",
    }
    values.update(overrides)
    return {key: value for key, value in values.items() if value is not None}


def translated(text, language):
    with translation.override(language):
        return escape(str(translation.gettext(str(text))))


@pytest.fixture
def resident_client(client, verified_resident):
    client.force_login(verified_resident)
    return client


@pytest.mark.parametrize("language", ["ru", "tt", "en"])
def test_a_verified_resident_submits_in_each_language_and_gets_a_receipt(
    resident_client, open_hearing, language
):
    page = version(open_hearing, language)
    response = resident_client.post(route(page, "submit"), form_data())
    submission = stored(page).get()
    assert submission.language == language
    assert submission.text == TEXT
    assert submission.district == "vakhitovsky"
    assert submission.full_name == "Валиев Ильдар Рустамович"
    assert response.status_code == 302
    assert response["Location"] == route(page, "receipt", submission.pk)

    receipt = resident_client.get(response["Location"])
    assert receipt.status_code == 200
    content = receipt.content.decode()
    assert submission.number in content
    assert translated("Your submission is registered", language) in content
    assert ">Сохранить сквер у школы № 12.\nИ добавить освещение.</div>" in content
    assert "no-store" in receipt["Cache-Control"]

    assert len(mail.outbox) == 1
    letter = mail.outbox[0]
    assert letter.to == ["verified@example.org"]
    assert submission.number in letter.subject
    with translation.override(language):
        assert translation.gettext("Registration number:") in letter.body
    assert TEXT in letter.body
    assert letter.alternatives[0][1] == "text/html"


def test_a_retried_post_with_the_same_token_stores_one_submission(
    resident_client, open_hearing
):
    data = form_data()
    first = resident_client.post(route(open_hearing, "submit"), data)
    again = resident_client.post(route(open_hearing, "submit"), data)
    assert stored(open_hearing).count() == 1
    assert first["Location"] == again["Location"]
    assert len(mail.outbox) == 1


def test_the_form_shows_the_identification_to_confirm_and_a_fresh_token(
    resident_client, open_hearing
):
    first = resident_client.get(route(open_hearing, "submit"))
    second = resident_client.get(route(open_hearing, "submit"))
    assert first.status_code == 200
    content = first.content.decode()
    assert "Валиев Ильдар Рустамович" in content
    assert "420111, Казань, ул. Баумана, д. 1, кв. 2" in content
    assert in_russian("This is me and the data is correct") in content
    assert 'maxlength="10000"' in content
    assert 'accept=".pdf,' in content
    assert (
        first.context["form"].initial["client_token"]
        != (second.context["form"].initial["client_token"])
    )


def test_a_legal_entity_confirms_its_name_and_ogrn(client, open_hearing):
    client.force_login(make_verified_resident("firm", legal_entity=True))
    content = client.get(route(open_hearing, "submit")).content.decode()
    assert "1021602841234" in content
    assert "ООО «Казанский проект»" in content


def test_an_anonymous_visitor_is_sent_to_sign_in(client, open_hearing):
    url = route(open_hearing, "submit")
    for response in (client.get(url), client.post(url, form_data())):
        assert response.status_code == 302
        assert response["Location"].startswith("/ru/account/login/?next=")
    assert not stored(open_hearing).exists()


def test_an_unverified_resident_is_told_why_and_nothing_is_stored(
    client, open_hearing, resident
):
    client.force_login(resident)
    response = client.post(route(open_hearing, "submit"), form_data())
    assert response.status_code == 403
    assert in_russian(actions.NotVerified.message) in response.content.decode()
    assert not stored(open_hearing).exists()
    shown = client.get(route(open_hearing, "submit"))
    assert shown.status_code == 200
    assert "<form" not in shown.content.decode().split('id="main"')[1]


def test_an_incomplete_identity_is_refused(client, open_hearing):
    client.force_login(make_verified_resident("nobirth", birth_date=None))
    response = client.post(route(open_hearing, "submit"), form_data())
    assert response.status_code == 403
    assert in_russian(actions.IdentityIncomplete.message) in response.content.decode()
    assert not stored(open_hearing).exists()


@pytest.mark.parametrize(
    ("stage", "error"),
    [
        (Stage.ANNOUNCED, actions.NotOpenYet),
        (Stage.CLOSED, actions.PeriodClosed),
        (Stage.ARCHIVED, actions.PeriodClosed),
    ],
)
def test_outside_the_open_stage_nothing_is_stored(resident_client, stage, error):
    page = make_hearing(stage)
    response = resident_client.post(route(page, "submit"), form_data())
    assert response.status_code == 403
    assert in_russian(error.message) in response.content.decode()
    assert not stored(page).exists()
    assert not mail.outbox


def test_a_period_closed_after_the_form_was_shown_refuses_the_post(
    resident_client, open_hearing, organiser, monkeypatch
):
    """The action's own check under the lock answers, not only the view's preview."""
    from hearings_plugin.selectors import submissions as selectors

    def close_meanwhile(page, user):
        actions.CloseCommentPeriodAction(page, organiser, "Решение комиссии").execute()
        return None

    monkeypatch.setattr(selectors, "submission_refusal", close_meanwhile)
    response = resident_client.post(route(open_hearing, "submit"), form_data())
    assert response.status_code == 403
    assert in_russian(actions.PeriodClosed.message) in response.content.decode()
    assert not stored(open_hearing).exists()


@pytest.mark.parametrize(
    ("overrides", "message"),
    [
        ({"text": "<script>alert(1)</script>"}, MARKUP_ERROR),
        ({"text": "Смотрите <img src=x onerror=alert(1)>"}, MARKUP_ERROR),
        ({"text": "   "}, "Write the text of your submission."),
        ({"text": "а" * 10_001}, "The text is longer than %(limit)s characters."),
        ({"identity_confirmed": None}, actions.IdentityNotConfirmed.message),
        ({"kind": "petition"}, CHOICE_ERROR),
        ({"kind": None}, "Choose whether this is a proposal, a remark or a question."),
        (
            {"category": None},
            "Say whether you live or own property in the territory of the draft.",
        ),
        ({"district": "moscow"}, CHOICE_ERROR),
        (
            {"client_token": "not-a-uuid"},
            "The form has expired: please check your text and send it again.",
        ),
    ],
)
def test_invalid_input_is_explained_and_nothing_is_stored(
    resident_client, open_hearing, overrides, message
):
    response = resident_client.post(
        route(open_hearing, "submit"), form_data(**overrides)
    )
    assert response.status_code == 400
    content = response.content.decode()
    with translation.override("ru"):
        expected = str(translation.gettext(str(message)))
    assert escape(expected.split("%")[0][:30]) in content
    assert not stored(open_hearing).exists()
    assert not mail.outbox


def test_a_text_of_exactly_the_limit_with_line_breaks_is_accepted(
    resident_client, open_hearing
):
    text = ("а" * 99 + "\r\n") * 99 + "а" * 100
    assert len(text.replace("\r\n", "\n")) == 10_000
    response = resident_client.post(route(open_hearing, "submit"), form_data(text=text))
    assert response.status_code == 302
    assert stored(open_hearing).get().text == text.replace("\r\n", "\n")


def test_an_attachment_is_stored_privately_and_downloaded_by_its_author(
    resident_client, open_hearing, organiser, client
):
    upload = SimpleUploadedFile(
        "схема участка.pdf", b"%PDF-1.4 test", "application/pdf"
    )
    response = resident_client.post(
        route(open_hearing, "submit"), form_data(attachment=upload)
    )
    submission = stored(open_hearing).get()
    assert submission.attachment_name == "схема участка.pdf"
    assert submission.attachment_size == len(b"%PDF-1.4 test")
    receipt = resident_client.get(response["Location"]).content.decode()
    download_url = route(open_hearing, "attachment", submission.pk)
    assert download_url in receipt

    download = resident_client.get(download_url)
    assert download.status_code == 200
    assert b"".join(download.streaming_content) == b"%PDF-1.4 test"
    assert "attachment;" in download["Content-Disposition"]
    assert download["X-Content-Type-Options"] == "nosniff"
    assert download["Cache-Control"] == "private, no-store"

    client.force_login(organiser)
    assert client.get(download_url).status_code == 200
    assert client.get(route(open_hearing, "receipt", submission.pk)).status_code == 200


def test_a_file_of_a_wrong_type_is_refused(resident_client, open_hearing):
    upload = SimpleUploadedFile("setup.exe", b"MZ\x90\x00", "application/octet-stream")
    response = resident_client.post(
        route(open_hearing, "submit"), form_data(attachment=upload)
    )
    assert response.status_code == 400
    assert (
        in_russian("Attach a file of one of these types: %(types)s.").split("%")[0]
        in response.content.decode()
    )
    assert not stored(open_hearing).exists()


def test_an_oversized_file_is_refused(resident_client, open_hearing):
    upload = SimpleUploadedFile(
        "plan.pdf", b"0" * (ATTACHMENT_MAX_BYTES + 1), "application/pdf"
    )
    response = resident_client.post(
        route(open_hearing, "submit"), form_data(attachment=upload)
    )
    assert response.status_code == 400
    assert (
        in_russian("The attachment is larger than %(size)s MB.").split("%")[0]
        in response.content.decode()
    )
    assert not stored(open_hearing).exists()


def test_a_request_far_above_the_limit_is_refused_before_its_file_is_read(
    resident_client, open_hearing
):
    upload = SimpleUploadedFile(
        "plan.pdf", b"0" * (ATTACHMENT_MAX_BYTES * 2), "application/pdf"
    )
    response = resident_client.post(
        route(open_hearing, "submit"), form_data(attachment=upload)
    )
    assert response.status_code == 413
    assert not stored(open_hearing).exists()


def test_a_posted_hearing_id_is_ignored(resident_client, open_hearing):
    other = make_hearing(Stage.OPEN, title="Другие слушания")
    data = form_data(hearing=str(other.pk), page=str(other.pk), procedure="1")
    resident_client.post(route(open_hearing, "submit"), data)
    submission = Submission.objects.get(author__username="verified")
    assert submission.procedure_id == open_hearing.procedure_id
    assert submission.page_id == open_hearing.pk


def test_an_unpublished_hearing_or_another_page_has_no_submit_route(
    resident_client, open_hearing, home_page
):
    url = route(open_hearing, "submit")
    open_hearing.unpublish()
    assert resident_client.post(url, form_data()).status_code == 404
    assert resident_client.post(home_page.url + "submit/", form_data()).status_code in (
        404,
        405,
    )
    assert not stored(open_hearing).exists()


def test_others_cannot_see_a_receipt_or_its_attachment(
    client, open_hearing, verified_resident, resident, moderator
):
    submission = submit(
        open_hearing,
        verified_resident,
        attachment=SimpleUploadedFile("a.pdf", b"%PDF", "application/pdf"),
    )
    receipt = route(open_hearing, "receipt", submission.pk)
    attachment = route(open_hearing, "attachment", submission.pk)
    assert client.get(receipt).status_code == 404
    assert client.get(attachment).status_code == 404
    for user in (resident, make_verified_resident("neighbour"), moderator):
        client.force_login(user)
        assert client.get(receipt).status_code == 404
        assert client.get(attachment).status_code == 404
    other = make_hearing(Stage.OPEN)
    client.force_login(verified_resident)
    # A receipt is found only under its own hearing.
    assert client.get(route(other, "receipt", submission.pk)).status_code == 404
    assert client.get(route(open_hearing, "receipt", 999_999)).status_code == 404


def test_the_receipt_shows_moderation_reasons_and_the_answer(
    resident_client, open_hearing, verified_resident, organiser, moderator
):
    submission = submit(open_hearing, verified_resident)
    actions.ModerateSubmissionAction(
        submission, moderator, "hidden", "Оскорбительные выражения"
    ).execute()
    actions.AnswerSubmissionsAction(
        [submission], organiser, "rejected", "Не соответствует проекту."
    ).execute()
    content = resident_client.get(
        route(open_hearing, "receipt", submission.pk)
    ).content.decode()
    assert "Оскорбительные выражения" in content
    assert "Не соответствует проекту." in content
    assert in_russian("Hidden from the public register") in content
    assert in_russian("Rejected") in content
    assert "@media print" in content


def test_a_failing_mail_server_does_not_lose_the_submission(
    resident_client, open_hearing, settings
):
    settings.EMAIL_BACKEND = "tests.hearings.test_submission_views.BrokenBackend"
    response = resident_client.post(route(open_hearing, "submit"), form_data())
    assert response.status_code == 302
    assert stored(open_hearing).count() == 1


class BrokenBackend:
    def __init__(self, *args, **kwargs):
        pass

    def send_messages(self, messages):
        raise ConnectionRefusedError("no mail server")


def panel_html(page, user):
    request = RequestFactory().get(page.url)
    request.user = user
    with translation.override("ru"):
        panel = submission_panel(page, request)
        return panel, render_to_string(
            "hearings/includes/submission_panel.html",
            {"submission_panel": panel, "request": request},
        )


def test_the_panel_invites_a_verified_resident_to_the_form(
    open_hearing, verified_resident
):
    panel, html = panel_html(open_hearing, verified_resident)
    assert panel.can_submit
    assert route(open_hearing, "submit") in html
    assert panel.days_left == 17
    assert "17" in html


def test_the_panel_asks_visitors_to_sign_in_with_gosuslugi(open_hearing):
    from django.contrib.auth.models import AnonymousUser

    panel, html = panel_html(open_hearing, AnonymousUser())
    assert panel.needs_sign_in and not panel.can_submit
    assert in_russian("Sign in with Gosuslugi") in html
    assert "next=" in panel.sign_in_url


def test_the_panel_explains_verification_to_an_unverified_resident(
    open_hearing, resident
):
    panel, html = panel_html(open_hearing, resident)
    assert panel.needs_gosuslugi and not panel.can_submit
    assert in_russian(actions.NotVerified.message) in html
    assert route(open_hearing, "submit") not in html


@pytest.mark.parametrize(
    ("stage", "text"),
    [
        (Stage.ANNOUNCED, "The comment period has not started yet."),
        (Stage.CLOSED, "Submissions are no longer accepted."),
        (Stage.ARCHIVED, "Submissions are no longer accepted."),
    ],
)
def test_the_panel_tells_the_stage_and_offers_no_form(verified_resident, stage, text):
    page = make_hearing(stage)
    panel, html = panel_html(page, verified_resident)
    assert not panel.can_submit
    assert in_russian(text) in html
    assert route(page, "submit") not in html


def test_the_panel_lists_the_residents_own_submissions(open_hearing, verified_resident):
    submission = submit(open_hearing, verified_resident)
    panel, html = panel_html(open_hearing, verified_resident)
    assert route(open_hearing, "receipt", submission.pk) in html
    assert "my-submissions/" in panel.my_submissions_url


def test_a_signed_in_persons_hearing_page_is_not_cached_publicly(
    resident_client, open_hearing
):
    response = resident_client.get(open_hearing.url)
    assert response.status_code == 200
    assert "private" in response["Cache-Control"]
    assert 'id="submit"' in response.content.decode()
