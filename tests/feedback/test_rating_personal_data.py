"""Ratings in the personal data page and export; deleted with the account."""

import json

import pytest

from cms.feedback import ratings
from cms.feedback.models import PageFeedback, Rating
from cms.feedback.signals import rating_changed
from tests.events.test_registration import client_for, make_event, resident

pytestmark = pytest.mark.django_db


def held_event(slug):
    return make_event(slug, days=-1, registration=False, capacity=None)


def test_the_personal_data_page_and_export_list_the_residents_ratings():
    page = held_event("data-event")
    alice = resident("alice")
    ratings.rate(page, alice, 4, language="tt")
    ratings.rate(page, resident("bob"), 1, language="ru")
    client = client_for(alice)
    assert page.title in client.get("/en/account/data/").content.decode()
    document = json.loads(client.get("/en/account/data/download/").content)
    sections = {section["key"]: section for section in document["sections"]}
    records = sections["ratings"]["records"]
    assert len(records) == 1
    assert records[0]["page"] == page.title
    assert records[0]["score"] == 4
    assert records[0]["by_attendee"] is False


def test_deleting_an_account_deletes_its_ratings_and_recounts_the_averages(
    django_capture_on_commit_callbacks,
):
    first, second = held_event("first-event"), held_event("second-event")
    leaving, staying = resident("leaving"), resident("staying")
    ratings.rate(first, leaving, 1, language="ru")
    ratings.rate(second, leaving, 5, language="ru")
    ratings.rate(first, staying, 4, language="ru")
    changed = []

    def receiver(sender, page, **kwargs):
        changed.append(page.pk)

    rating_changed.connect(receiver)
    try:
        with django_capture_on_commit_callbacks(execute=True):
            response = client_for(leaving).post(
                "/en/account/data/delete/", {"password": "resident-pass"}
            )
    finally:
        rating_changed.disconnect(receiver)
    assert response.status_code == 302
    assert not Rating.objects.filter(user_id=leaving.pk).exists()
    one = PageFeedback.objects.get(translation_key=first.translation_key)
    two = PageFeedback.objects.get(translation_key=second.translation_key)
    assert (one.rating_count, one.rating_total, one.star_1, one.star_4) == (1, 4, 0, 1)
    assert (two.rating_count, two.rating_total, two.star_5) == (0, 0, 0)
    assert sorted(changed) == sorted([first.pk, second.pk])
