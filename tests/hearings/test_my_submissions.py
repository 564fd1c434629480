"""My submissions: every submission of the signed-in resident, and only theirs."""

from django.db import connection
from django.test.utils import CaptureQueriesContext

from wagtail.models import Locale

import pytest

from hearings_plugin import actions
from hearings_plugin.factories import make_hearing, make_verified_resident
from hearings_plugin.models import HearingIndexPage, Stage

from ..conftest import in_russian
from .conftest import submit

pytestmark = pytest.mark.django_db


def my_submissions_url(language="ru"):
    index = HearingIndexPage.objects.get(locale__language_code=language)
    return index.get_url() + index.reverse_subpage("my_submissions")


def test_visitors_are_sent_to_sign_in(client):
    response = client.get(my_submissions_url())
    assert response.status_code == 302
    assert response["Location"].startswith("/ru/account/login/?next=")


def test_a_resident_sees_only_their_own_submissions_newest_first(
    client, open_hearing, verified_resident, moderator, organiser
):
    other_hearing = make_hearing(Stage.OPEN, title="Расширение улицы Баумана")
    first = submit(open_hearing, verified_resident, text="Первое предложение")
    second = submit(other_hearing, verified_resident, text="Второе предложение")
    foreign = submit(open_hearing, make_verified_resident("neighbour"))
    actions.ModerateSubmissionAction(
        first, moderator, "hidden", "Не по теме слушаний"
    ).execute()
    actions.AnswerSubmissionsAction(
        [second], organiser, "accepted", "Учтено в проекте."
    ).execute()

    client.force_login(verified_resident)
    response = client.get(my_submissions_url())
    assert response.status_code == 200
    assert "no-store" in response["Cache-Control"]
    content = response.content.decode()
    assert first.number in content and second.number in content
    assert foreign.number not in content
    assert content.index(second.number) < content.index(first.number)
    assert "Расширение улицы Баумана" in content
    assert "Не по теме слушаний" in content
    assert "Учтено в проекте." in content
    assert in_russian("Accepted") in content
    receipt = open_hearing.get_url() + open_hearing.reverse_subpage(
        "receipt", args=[first.pk]
    )
    assert receipt in content


def test_titles_and_receipts_follow_the_language_of_the_page(client, verified_resident):
    hearing = make_hearing(Stage.OPEN, translate_to=("tt", "en"))
    english = hearing.get_translation(Locale.objects.get(language_code="en"))
    english.title = "Territory planning project"
    english.save_revision().publish()
    submission = submit(hearing, verified_resident)
    client.force_login(verified_resident)
    content = client.get(my_submissions_url("en")).content.decode()
    assert "Territory planning project" in content
    english = english.specific
    assert (
        english.get_url() + english.reverse_subpage("receipt", args=[submission.pk])
        in content
    )


def test_a_resident_without_submissions_is_told_so(client, verified_resident):
    client.force_login(verified_resident)
    content = client.get(my_submissions_url()).content.decode()
    assert (
        in_russian(
            "You have not sent any proposals, remarks or questions to public "
            "hearings yet."
        )
        in content
    )


def test_the_list_takes_the_same_number_of_queries_however_many_submissions(
    client, verified_resident, django_assert_max_num_queries
):
    hearings = [make_hearing(Stage.OPEN) for _ in range(3)]
    submit(hearings[0], verified_resident)
    client.force_login(verified_resident)
    client.get(my_submissions_url())  # warm caches of the site and locales
    with CaptureQueriesContext(connection) as few:
        client.get(my_submissions_url())
    for hearing in hearings:
        for _ in range(4):
            submit(hearing, verified_resident)
    with django_assert_max_num_queries(len(few.captured_queries)):
        response = client.get(my_submissions_url())
    assert len(response.context["rows"]) == 13
