"""A resident searches the video archive and jumps from a subtitle line into the video.

Walked in each language in a real browser, with inflected words and, in Tatar,
the words typed on a Russian keyboard; axe checks on every page.
"""

import re

import pytest

from tests.browser.axe import assert_no_violations

# What the resident types, and the words of the Kremlin tour's subtitle line at
# 45:10 ("many legends are told about the Söyembikä Tower") the hit must show.
JOURNEYS = {
    "ru": ("легендах башни", "легенд"),
    # "Сөембикә манарасында" typed without the Tatar letters.
    "tt": ("Соембика манарасында", "манарасы"),
    "en": ("legend towers", "legends"),
}


@pytest.mark.parametrize("language", list(JOURNEYS))
def test_resident_searches_filters_and_jumps_into_the_recording(page, language):
    query, marked = JOURNEYS[language]

    page.goto(f"/{language}/archive/")
    assert_no_violations(page)

    # Search without help from the suggestions: type and press Enter.
    page.locator("#archive-q").fill(query)
    with page.expect_navigation():
        page.locator("#archive-q").press("Enter")
    assert "q=" in page.url
    hits = page.locator(".archive-hit")
    assert hits.count() >= 1
    tour = hits.filter(has=page.locator('a[href*="kazan-kremlin-virtual-tour"]')).first
    cue = tour.locator(".archive-hit__cues li").filter(has_text=marked).first
    assert cue.locator("mark").count() >= 1
    assert_no_violations(page)

    # Narrow to recordings with subtitles: the choice stays in the address.
    page.locator("summary.guide-filters__summary").click()
    page.locator('input[name="subtitles"][value="yes"]').check()
    with page.expect_navigation():
        page.locator(".guide-filters__form button[type=submit]").click()
    assert "subtitles=yes" in page.url
    assert "q=" in page.url
    tour = (
        page.locator(".archive-hit")
        .filter(has=page.locator('a[href*="kazan-kremlin-virtual-tour"]'))
        .first
    )
    link = tour.locator(".archive-hit__cues li a").filter(has_text="45:10").first

    # The line's link opens the recording at that moment, the line marked.
    with page.expect_navigation():
        link.click()
    assert re.search(r"/watch/1/\?t=2710", page.url)
    current = page.locator(".player__cue--current")
    assert current.count() == 1
    assert marked.lower() in current.inner_text().lower()
    assert page.locator("iframe, video, .video-block, [data-video]").count() >= 1
    assert_no_violations(page)


def test_autocomplete_suggests_titles_as_the_resident_types(page):
    page.goto("/ru/archive/")
    field = page.locator("#archive-q")
    field.press_sequentially("кремл", delay=60)
    listbox = page.locator("#archive-q-listbox")
    listbox.locator('[role="option"]').first.wait_for()
    assert field.get_attribute("aria-expanded") == "true"
    options = listbox.locator('[role="option"]')
    assert all("кремл" in title.lower() for title in options.all_inner_texts())
    first_title = options.first.inner_text()
    field.press("ArrowDown")
    assert field.get_attribute("aria-activedescendant")
    with page.expect_navigation():
        field.press("Enter")
    assert "/archive/" not in page.url
    assert page.locator("h1").inner_text() == first_title
