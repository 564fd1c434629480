"""The hearings admin menu, the moderation queue and answer templates."""

import datetime

from django.urls import reverse

from wagtail.models import PageLogEntry

import pytest

from cms.accounts.roles import Role
from hearings_plugin import actions
from hearings_plugin.factories import make_hearing
from hearings_plugin.models import AnswerTemplate, Stage, Submission

from .conftest import staff_member, submit
from .test_admin_stages import sign_in

pytestmark = pytest.mark.django_db

QUEUE = reverse("hearings_admin:moderation")


@pytest.fixture
def queued(verified_resident):
    page = make_hearing(Stage.OPEN)
    first = submit(page, verified_resident, text="Первое.")
    second = submit(page, verified_resident, text="Второе.")
    # The second arrived earlier, so it comes first.
    Submission.objects.filter(pk=second.pk).update(
        received_at=first.received_at - datetime.timedelta(hours=1)
    )
    return page, first, second


def test_menu_groups_the_hearings_admin(client, organiser):
    sign_in(client, organiser)
    content = client.get("/admin/").content.decode()
    assert "Public hearings" in content
    assert reverse("hearings_admin:submissions") in content
    assert QUEUE in content
    assert reverse("hearing_answer_templates:index") in content


def test_queue_lists_pending_submissions_oldest_first(client, moderator, queued):
    _page, first, second = queued
    sign_in(client, moderator)
    content = client.get(QUEUE).content.decode()
    assert content.index(second.number) < content.index(first.number)
    assert "Валиев" not in content


def test_moderator_hides_with_a_reason_shown_to_the_author(client, moderator, queued):
    page, first, _second = queued
    sign_in(client, moderator)
    response = client.post(QUEUE, {"submission": first.pk, "decision": "hidden"})
    assert response.status_code == 200
    assert "Give the reason" in response.content.decode()
    first.refresh_from_db()
    assert first.moderation == "pending"

    response = client.post(
        QUEUE,
        {"submission": first.pk, "decision": "hidden", "reason": "Не по теме"},
    )
    assert response.status_code == 302
    first.refresh_from_db()
    assert first.moderation == "hidden" and first.moderation_reason == "Не по теме"
    entry = PageLogEntry.objects.get(page=page, action=actions.LOG_MODERATED)
    assert entry.user == moderator and entry.data["reason"] == "Не по теме"
    queue = client.get(QUEUE).content.decode()
    assert f'name="submission" value="{first.pk}"' not in queue


def test_moderator_publishes(client, moderator, queued):
    _page, first, _second = queued
    sign_in(client, moderator)
    response = client.post(QUEUE, {"submission": first.pk, "decision": "published"})
    assert response.status_code == 302
    first.refresh_from_db()
    assert first.moderation == "published"


def test_queue_is_refused_to_an_events_editor(client):
    sign_in(client, staff_member("culture", Role.CULTURE_EDITOR))
    assert client.get(QUEUE).status_code == 403


def test_organiser_adds_an_answer_template(client, organiser):
    sign_in(client, organiser)
    response = client.post(
        reverse("hearing_answer_templates:add"),
        {"title": "Учтено", "status": "accepted", "text": "Предложение учтено."},
    )
    assert response.status_code == 302
    assert AnswerTemplate.objects.get(title="Учтено").status == "accepted"
    assert client.get(reverse("hearing_answer_templates:index")).status_code == 200


def test_moderator_may_not_edit_answer_templates(client, moderator):
    sign_in(client, moderator)
    response = client.get(reverse("hearing_answer_templates:add"))
    assert response.status_code in (302, 403)
