"""Residents propose topics for hearings; organisers review them in the admin."""

from django.test import Client
from django.urls import reverse
from django.utils import translation

import pytest
from django_otp import DEVICE_ID_SESSION_KEY
from django_otp.plugins.otp_totp.models import TOTPDevice

from hearings_plugin.models import HearingIndexPage, TopicProposal
from hearings_plugin.selectors.follows import PROPOSALS_PER_DAY

pytestmark = pytest.mark.django_db


def index_page(language="ru"):
    return HearingIndexPage.objects.get(locale__language_code=language)


def client_for(user):
    client = Client()
    client.force_login(user)
    return client


def staff_client(user):
    """Signed in with a verified second factor, as the admin demands."""
    client = client_for(user)
    device = TOTPDevice.objects.create(user=user, name="phone", confirmed=True)
    session = client.session
    session[DEVICE_ID_SESSION_KEY] = device.persistent_id
    session.save()
    return client


def propose(client, language="ru", **fields):
    data = {
        "title": "Реконструкция сквера на улице Баумана",
        "description": "Сквер зарос, скамейки сломаны. Предлагаю обсудить проект.",
        "district": "vakhitovsky",
        **fields,
    }
    return client.post(index_page(language).url + "propose/", data)


def test_a_resident_proposes_a_topic_in_the_language_of_the_page(resident):
    client = client_for(resident)
    assert client.get(index_page("tt").url + "propose/").status_code == 200

    response = propose(client, "tt")

    assert response.status_code == 302
    assert response["Location"].endswith(index_page("tt").url + "propose/thanks/")
    proposal = TopicProposal.objects.get()
    assert (proposal.author, proposal.language, proposal.district) == (
        resident,
        "tt",
        "vakhitovsky",
    )
    assert proposal.status == TopicProposal.Status.NEW
    thanks = client.get(response["Location"])
    assert thanks.status_code == 200
    assert proposal.title in thanks.content.decode()


def test_the_resident_sees_the_status_and_the_citys_response(resident, client):
    other = TopicProposal.objects.create(
        author=None, title="Чужое предложение", description="x", language="ru"
    )
    propose(client_for(resident))
    TopicProposal.objects.filter(author=resident).update(
        status=TopicProposal.Status.PLANNED, response="Слушания назначены на июнь."
    )

    page = client_for(resident).get(index_page().url + "propose/").content.decode()

    assert "Слушания назначены на июнь." in page
    with translation.override("ru"):
        assert str(TopicProposal.Status.PLANNED.label) in page
    assert other.title not in page


def test_visitors_are_asked_to_sign_in_and_nothing_is_stored(client):
    page = client.get(index_page().url + "propose/")
    assert page.status_code == 200
    assert "/login/?next=" in page.content.decode()

    response = propose(client)
    assert response.status_code == 302
    assert "/login/" in response["Location"]
    assert not TopicProposal.objects.exists()


@pytest.mark.parametrize(
    "fields",
    [
        {"title": "<script>alert(1)</script>"},
        {"description": "Смотрите <img src=x onerror=alert(1)>"},
        {"title": "а" * 201},
        {"description": "б" * 5001},
        {"title": "   "},
        {"description": ""},
        {"district": "atlantis"},
    ],
)
def test_bad_input_gives_form_errors_and_stores_nothing(resident, fields):
    response = propose(client_for(resident), **fields)

    assert response.status_code == 200
    assert 'id="form-errors"' in response.content.decode()
    assert not TopicProposal.objects.exists()


def test_at_most_five_proposals_a_day(resident):
    client = client_for(resident)
    for number in range(PROPOSALS_PER_DAY):
        assert propose(client, title=f"Тема {number}").status_code == 302

    response = propose(client, title="Шестая тема")

    assert response.status_code == 200
    with translation.override("ru"):
        refusal = translation.gettext(
            "You have already proposed %(limit)s topics today. Please come "
            "back tomorrow: nothing was stored."
        ) % {"limit": PROPOSALS_PER_DAY}
    assert refusal in response.content.decode()
    assert TopicProposal.objects.count() == PROPOSALS_PER_DAY


def test_only_post_and_get_are_answered(resident):
    client = client_for(resident)
    assert client.put(index_page().url + "propose/").status_code == 405
    assert client.get(index_page().url + "propose/thanks/").status_code == 200


def test_organisers_list_filter_and_answer_proposals_in_the_admin(organiser):
    planned = TopicProposal.objects.create(
        title="Новая школа в Салмачах", description="Нужна школа.", language="tt",
        district="privolzhsky",
    )  # fmt: skip
    TopicProposal.objects.create(
        title="Парк у озера", description="Благоустроить.", language="ru",
        status=TopicProposal.Status.DECLINED,
    )  # fmt: skip
    client = staff_client(organiser)
    index_url = reverse("hearing_topic_proposals:index")

    listing = client.get(index_url)
    assert listing.status_code == 200
    assert "Новая школа в Салмачах" in listing.content.decode()
    assert "Парк у озера" in listing.content.decode()

    filtered = client.get(index_url, {"status": "declined"}).content.decode()
    assert "Парк у озера" in filtered
    assert "Новая школа в Салмачах" not in filtered
    filtered = client.get(index_url, {"language": "tt"}).content.decode()
    assert "Новая школа в Салмачах" in filtered
    assert "Парк у озера" not in filtered

    edit_url = reverse("hearing_topic_proposals:edit", args=[planned.pk])
    assert client.get(edit_url).status_code == 200
    response = client.post(
        edit_url,
        {"status": "planned", "response": "Слушания назначены на июнь."},
    )
    assert response.status_code == 302
    planned.refresh_from_db()
    assert planned.status == TopicProposal.Status.PLANNED
    assert planned.response == "Слушания назначены на июнь."
    # What the resident wrote is theirs: the admin cannot change it.
    assert planned.title == "Новая школа в Салмачах"

    # Proposals come from residents only.
    add = client.get(reverse("hearing_topic_proposals:add"))
    assert add.status_code in (302, 403)


def test_residents_cannot_open_the_admin_list(resident):
    response = client_for(resident).get(reverse("hearing_topic_proposals:index"))
    assert response.status_code in (302, 403)
