"""An organiser runs a hearing through its stages in the admin."""

import datetime

from django.urls import reverse
from django.utils import timezone, translation
from django.utils.translation import gettext

from wagtail.models import PageLogEntry
from wagtail.test.utils.form_data import inline_formset, nested_form_data, streamfield
from wagtail.users.models import UserProfile

import pytest
from django_otp import DEVICE_ID_SESSION_KEY
from django_otp.plugins.otp_totp.models import TOTPDevice

from hearings_plugin import actions
from hearings_plugin.editing.panels import HearingProcedurePanel
from hearings_plugin.factories import make_hearing
from hearings_plugin.models import (
    CommentPeriodChange,
    HearingIndexPage,
    HearingPage,
    HearingResult,
    Stage,
    Submission,
)

from .conftest import staff_member, submit

pytestmark = pytest.mark.django_db

MOSCOW = datetime.timezone(datetime.timedelta(hours=3))


def sign_in(client, user, language="en"):
    """Signed in with a verified second factor, reading the admin in ``language``."""
    profile = UserProfile.get_for_user(user)
    profile.preferred_language = language
    profile.save()
    client.force_login(user)
    device = TOTPDevice.objects.create(user=user, name="phone", confirmed=True)
    session = client.session
    session[DEVICE_ID_SESSION_KEY] = device.persistent_id
    session.save()
    return client


def url(name, page):
    return reverse(f"hearings_admin:{name}", args=[page.pk])


def moscow(moment):
    return moment.astimezone(MOSCOW).strftime("%Y-%m-%d %H:%M")


def logged(page, action):
    return PageLogEntry.objects.filter(page=page, action=action)


def hearing_form(**overrides):
    now = timezone.now()
    data = {
        "title": "Расширение улицы Декабристов",
        "slug": "dekabristov",
        "introduction": "Проект планировки.",
        "district": "moskovsky",
        "topic": "streets",
        "announced_at": moscow(now + datetime.timedelta(hours=1)),
        "opens_at": moscow(now + datetime.timedelta(days=8)),
        "closes_at": moscow(now + datetime.timedelta(days=30)),
        "organiser": "Исполком г. Казани",
        "organiser_contact": "",
        "territory": "",
        "exposition_venue": "",
        "exposition_address": "",
        "exposition_hours": "",
        "documents": inline_formset([]),
        "related_pages": inline_formset([]),
        "body": streamfield([]),
        "comments": inline_formset([]),
        "action-publish": "publish",
    }
    data.update(overrides)
    return nested_form_data(data)


def add_url():
    index = HearingIndexPage.objects.get(locale__language_code="ru")
    return reverse("wagtailadmin_pages:add", args=["hearings", "hearingpage", index.pk])


@pytest.fixture
def organiser_client(client, organiser):
    return sign_in(client, organiser)


def test_organiser_creates_a_hearing_in_the_page_editor(organiser_client):
    response = organiser_client.post(add_url(), hearing_form())
    assert response.status_code == 302, response.context["form"].errors
    page = HearingPage.objects.get(slug="dekabristov", locale__language_code="ru")
    assert page.live and page.procedure is not None
    assert page.procedure.stage == Stage.ANNOUNCED


def test_editor_refuses_a_notice_less_than_seven_days_before_opening(
    organiser_client,
):
    now = timezone.now()
    response = organiser_client.post(
        add_url(), hearing_form(opens_at=moscow(now + datetime.timedelta(days=3)))
    )
    assert response.status_code == 200
    errors = response.context["form"].errors
    with translation.override("ru"):
        expected = gettext(
            "The notice must be published at least 7 days before "
            "the exposition opens: open on %(earliest)s or later."
        ).split("%")[0]
    assert expected in str(errors["opens_at"])
    assert not HearingPage.objects.filter(slug="dekabristov").exists()


def test_editor_refuses_closing_before_opening(organiser_client):
    now = timezone.now()
    response = organiser_client.post(
        add_url(),
        hearing_form(
            opens_at=moscow(now + datetime.timedelta(days=10)),
            closes_at=moscow(now + datetime.timedelta(days=9)),
        ),
    )
    assert response.status_code == 200
    with translation.override("ru"):
        expected = gettext("Comments must close after the exposition opens.")
    assert expected in str(response.context["form"].errors["closes_at"])


def test_dates_are_frozen_in_the_editor_once_the_exposition_opened(
    organiser_client,
):
    page = make_hearing(Stage.OPEN)
    closes = page.procedure.closes_at
    response = organiser_client.get(reverse("wagtailadmin_pages:edit", args=[page.pk]))
    form = response.context["form"]
    assert all(form.fields[name].disabled for name in ("opens_at", "closes_at"))

    later = moscow(closes + datetime.timedelta(days=20))
    data = hearing_form(
        title=page.title,
        slug=page.slug,
        announced_at=moscow(page.announced_at),
        opens_at=moscow(page.opens_at),
        closes_at=later,
    )
    response = organiser_client.post(
        reverse("wagtailadmin_pages:edit", args=[page.pk]), data
    )
    assert response.status_code == 302
    page.procedure.refresh_from_db()
    assert page.procedure.closes_at == closes
    assert HearingPage.objects.get(pk=page.pk).closes_at == closes


def test_organiser_runs_a_hearing_through_every_stage(
    organiser_client, organiser, verified_resident
):
    page = make_hearing(Stage.OPEN)
    first = submit(page, verified_resident)
    second = submit(page, verified_resident, kind="remark", text="Добавить переход.")

    # The procedure: stage, counts and the actions of the open stage.
    response = organiser_client.get(url("hearing", page))
    content = response.content.decode()
    assert response.status_code == 200
    assert "Exposition open, comments accepted" in content
    assert "2 registered" in content and "2 awaiting moderation" in content
    assert url("close", page) in content and url("extend", page) in content
    assert url("protocol", page) not in content

    # Close early: a reason is required.
    response = organiser_client.post(url("close", page), {"reason": "  "})
    assert response.status_code == 200
    assert "Give the reason" in response.content.decode()
    assert actions.current_procedure(page).stage == Stage.OPEN

    response = organiser_client.post(
        url("close", page), {"reason": "Проект отозван на доработку."}
    )
    assert response.status_code == 302
    assert response["Location"] == url("hearing", page)
    procedure = actions.current_procedure(page)
    assert procedure.stage == Stage.CLOSED
    change = CommentPeriodChange.objects.get(procedure=procedure)
    assert change.reason == "Проект отозван на доработку."
    assert logged(page, actions.LOG_CLOSED_EARLY).get().user == organiser
    content = organiser_client.get(url("hearing", page)).content.decode()
    with translation.override("ru"):
        closed_in_russian = gettext("Comments are closed.")
    assert "Comments are closed." in content or closed_in_russian in content
    assert "Проект отозван на доработку." in content

    # Publish the protocol.
    response = organiser_client.post(
        url("protocol", page),
        {"number": "П-17", "signed_on": "2026-11-20", "text": "Прошли спокойно."},
    )
    assert response.status_code == 302
    assert actions.current_procedure(page).stage == Stage.PROTOCOL
    assert HearingResult.objects.get(procedure=procedure, kind="protocol").number == (
        "П-17"
    )

    # The conclusion is refused while submissions wait for an answer.
    response = organiser_client.post(
        url("conclusion", page),
        {"number": "З-17", "signed_on": "2026-11-21", "text": "Рекомендации."},
    )
    assert response.status_code == 200
    content = response.content.decode()
    assert "Answer every submission before the conclusion" in content
    assert first.number in content and second.number in content

    # Answer both at once with a template-like text through the workbench.
    response = organiser_client.post(
        reverse("hearings_admin:bulk"),
        {
            "action": "answer",
            "id": [first.pk, second.pk],
            "status": "accepted",
            "text": "Учтено в проекте.",
        },
    )
    assert response.status_code == 302
    assert set(
        Submission.objects.filter(procedure=procedure).values_list(
            "answer_status", flat=True
        )
    ) == {"accepted"}
    assert logged(page, actions.LOG_ANSWERED).count() == 2

    response = organiser_client.post(
        url("conclusion", page),
        {"number": "З-17", "signed_on": "2026-11-21", "text": "Рекомендации."},
    )
    assert response.status_code == 302
    assert actions.current_procedure(page).stage == Stage.CONCLUSION

    response = organiser_client.post(url("archive", page))
    assert response.status_code == 302
    assert actions.current_procedure(page).stage == Stage.ARCHIVED
    assert logged(page, actions.LOG_RESULT).count() == 2
    assert logged(page, actions.LOG_STAGE).filter(user=organiser).count() == 1


def test_organiser_extends_the_period_in_moscow_time(organiser_client):
    page = make_hearing(Stage.OPEN)
    new_close = (
        (page.procedure.closes_at + datetime.timedelta(days=5))
        .astimezone(MOSCOW)
        .replace(hour=18, minute=0, second=0, microsecond=0)
    )
    response = organiser_client.post(
        url("extend", page),
        {"closes_at": new_close.strftime("%Y-%m-%d %H:%M"), "reason": "Просьбы"},
    )
    assert response.status_code == 302
    assert actions.current_procedure(page).closes_at == new_close
    assert logged(page, actions.LOG_EXTENDED).count() == 1


def test_extension_to_an_earlier_date_shows_the_refusal(organiser_client):
    page = make_hearing(Stage.OPEN)
    earlier = page.procedure.closes_at - datetime.timedelta(days=1)
    response = organiser_client.post(
        url("extend", page), {"closes_at": moscow(earlier), "reason": "Ошибка"}
    )
    assert response.status_code == 200
    assert "must be later than the current one" in response.content.decode()


def test_refusals_read_in_the_organisers_language(client, organiser):
    sign_in(client, organiser, language="ru")
    page = make_hearing(Stage.ANNOUNCED)
    response = client.post(url("protocol", page), {"number": "1", "signed_on": ""})
    assert response.status_code == 200
    response = client.post(
        url("protocol", page), {"number": "1", "signed_on": "2026-11-20"}
    )
    with translation.override("ru"):
        expected = str(
            translation.gettext(
                "The protocol is published once comments have closed, and only once."
            )
        )
    assert expected in response.content.decode()
    assert not HearingResult.objects.filter(procedure=page.procedure).exists()


@pytest.mark.parametrize("name", ["close", "extend", "protocol", "archive", "hearing"])
def test_moderator_and_events_editor_are_refused_the_stage_actions(client, name):
    page = make_hearing(Stage.OPEN)
    for person in (
        staff_member("moderator", _role("MODERATOR")),
        staff_member("culture", _role("CULTURE_EDITOR")),
    ):
        sign_in(client, person)
        assert client.get(url(name, page)).status_code == 403
        assert client.post(url(name, page), {"reason": "x"}).status_code == 403
    assert actions.current_procedure(page).stage == Stage.OPEN


def _role(name):
    from cms.accounts.roles import Role

    return getattr(Role, name)


def test_resident_cannot_reach_the_stage_actions(client, verified_resident):
    page = make_hearing(Stage.OPEN)
    client.force_login(verified_resident)
    response = client.post(url("close", page), {"reason": "Хочу"})
    assert response.status_code in (302, 403)
    assert actions.current_procedure(page).stage == Stage.OPEN


def test_page_header_offers_the_procedure_to_its_organisers(organiser_client):
    page = make_hearing(Stage.OPEN)
    content = organiser_client.get(
        reverse("wagtailadmin_pages:edit", args=[page.pk])
    ).content.decode()
    assert url("hearing", page) in content


def test_procedure_panel_shows_stage_counts_and_actions(
    rf, organiser, verified_resident
):
    page = make_hearing(Stage.OPEN)
    submit(page, verified_resident)
    request = rf.get("/")
    request.user = organiser
    panel = HearingProcedurePanel().bind_to_model(HearingPage)
    with translation.override("en"):
        html = panel.get_bound_panel(
            instance=page, request=request, form=None
        ).render_html()
    assert "Exposition open, comments accepted" in html
    assert "1 registered" in html and "1 not answered yet" in html
    assert url("close", page) in html
