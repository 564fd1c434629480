"""RatingBlock: an event's rating widget placed in any page body."""

from django.contrib.auth.models import AnonymousUser
from django.urls import reverse
from django.utils import translation

from wagtail.blocks import StructBlockValidationError

import pytest

from blocks import BaseStreamBlock
from blocks.rating import RatingBlock
from cms.feedback import ratings
from cms.models import StandardPage
from tests.events.test_registration import client_for, make_event, resident

pytestmark = pytest.mark.django_db


@pytest.fixture(autouse=True)
def widget_text_in_english(settings):
    """The widget's own words, untranslated, on the Russian pages tested here.

    Without the project's catalogue the pages keep Russian formats ("3,8") and
    Django's own Russian, while the widget's strings read as written; their
    translations are checked by the catalogue tests.
    """
    settings.LOCALE_PATHS = []


def held_event(slug="block-event"):
    return make_event(slug, days=-1, registration=False, capacity=None)


def test_the_stream_offers_the_rating_block():
    assert isinstance(BaseStreamBlock().child_blocks["rating"], RatingBlock)


def test_choosing_a_page_that_cannot_be_rated_is_refused():
    page = held_event()
    block = RatingBlock()
    standard = StandardPage.objects.first() or page.get_parent()
    with pytest.raises(StructBlockValidationError) as error:
        block.clean(block.to_python({"page": standard.pk}))
    assert "page" in error.value.block_errors
    value = block.clean(block.to_python({"page": page.pk, "heading": "Stars"}))
    assert value["page"].pk == page.pk


def test_a_standard_page_shows_the_chosen_events_widget():
    event = held_event()
    ratings.rate(event, resident("bob"), 4, language="ru")
    parent = event.get_parent()
    page = StandardPage(
        title="Итоги сезона",
        slug="season-results",
        body=[("rating", {"heading": "Оцените концерт", "page": event})],
    )
    parent.add_child(instance=page)
    html = client_for(resident("alice")).get(page.url).content.decode()
    assert '<div class="block-rating">' in html
    assert "Оцените концерт" in html
    with translation.override("ru"):
        action = reverse("feedback:rate", args=[event.pk])
    assert f'action="{action}"' in html
    assert "based on 1 rating" in html


def test_an_empty_choice_rates_the_page_the_block_is_on_with_its_own_anchor(rf):
    event = held_event()
    block = BaseStreamBlock()
    value = block.to_python([{"type": "rating", "value": {"heading": ""}}])
    request = rf.get(event.url)
    request.user = AnonymousUser()
    from django.template import Context, Template

    html = Template(
        "{% load feedback_tags wagtailcore_tags %}"
        "{% rating_widget page %}{% include_block body %}"
    ).render(Context({"page": event, "body": value, "request": request}))
    assert 'id="rating"' in html and 'id="rating-2"' in html
    assert html.count('class="rating"') == 2


def test_the_block_shows_nothing_where_nothing_can_be_rated():
    block = RatingBlock()
    html = block.render(block.to_python({"heading": "x"}), context={"page": None})
    assert "rating__" not in html
