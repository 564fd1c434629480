"""Dates and numbers read as a reader of each language expects."""

import datetime

from django.template import Context, Template
from django.utils import formats, translation

import pytest

DAY = datetime.date(2025, 3, 1)


@pytest.mark.parametrize(
    ("language", "expected"),
    [
        ("tt", "1 март 2025 ел"),
        ("ru", "1 марта 2025 г."),
        ("en", "March 1, 2025"),
    ],
)
def test_dates_use_each_language_own_format(language, expected):
    with translation.override(language):
        assert formats.date_format(DAY) == expected


def test_tatar_date_is_not_the_english_pattern_with_tatar_words():
    with translation.override("tt"):
        rendered = Template("{{ day|date }}").render(Context({"day": DAY}))
    assert rendered == "1 март 2025 ел"
    assert not rendered.startswith("Март")


def test_tatar_datetime_and_month_formats():
    moment = datetime.datetime(2025, 11, 7, 18, 30)
    with translation.override("tt"):
        assert (
            formats.date_format(moment, "DATETIME_FORMAT") == "7 ноябрь 2025 ел, 18:30"
        )
        assert formats.date_format(moment, "YEAR_MONTH_FORMAT") == "Ноябрь 2025 ел"
        assert formats.date_format(moment, "SHORT_DATE_FORMAT") == "07.11.2025"
        assert formats.get_format("FIRST_DAY_OF_WEEK") == 1


@pytest.mark.parametrize("language", ["tt", "ru"])
def test_numbers_group_thousands_with_a_space_and_use_a_decimal_comma(
    language, settings
):
    settings.USE_THOUSAND_SEPARATOR = True
    with translation.override(language):
        assert formats.number_format(98000) == "98\xa0000"
        assert formats.number_format(1234.5, 1) == "1\xa0234,5"


def test_tatar_input_formats_accept_dotted_dates():
    from django import forms

    with translation.override("tt"):
        field = forms.DateField(localize=True)
        assert field.clean("01.03.2025") == DAY
