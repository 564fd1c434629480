"""WCAG 2.1 AA in a real browser: axe-core, the keyboard, the low-vision mode."""

from urllib.parse import urlsplit

from django.conf import settings

import pytest

from tests.browser.axe import assert_no_violations

LANGUAGE_CODES = [code for code, _name in settings.LANGUAGES]

FOCUS_CHECKED_TAB_STOPS = 15

# Outline and shadow of the focused element, read while it has keyboard focus.
FOCUSED_ELEMENT_STYLE = """() => {
    const element = document.activeElement;
    const style = getComputedStyle(element);
    return {
        tag: element.tagName.toLowerCase(),
        text: (element.innerText || element.value || "").trim().slice(0, 40),
        href: element.getAttribute("href"),
        outlineStyle: style.outlineStyle,
        outlineWidth: style.outlineWidth,
        boxShadow: style.boxShadow,
        isBody: element === document.body,
    };
}"""


def root_font_size(page):
    return float(
        page.evaluate("parseFloat(getComputedStyle(document.documentElement).fontSize)")
    )


def click_low_vision_switch(page):
    with page.expect_navigation():
        page.locator('a[href*="/low-vision/on/?next="]').click()


@pytest.mark.parametrize("language", LANGUAGE_CODES)
def test_home_page_meets_wcag_21_aa(page, language, screenshot_dir):
    page.goto(f"/{language}/")

    assert page.locator("html").get_attribute("lang") == language
    if language == "ru":
        page.screenshot(path=screenshot_dir / "home-ru.png", full_page=True)
    assert_no_violations(page)


@pytest.mark.parametrize("language", LANGUAGE_CODES)
def test_low_vision_mode_is_remembered_larger_imageless_and_accessible(
    page, language, screenshot_dir
):
    page.goto(f"/{language}/")
    standard_font_size = root_font_size(page)

    click_low_vision_switch(page)
    page.reload()

    assert "low-vision" in page.locator("html").get_attribute("class").split()
    assert page.locator(f'a[href^="/{language}/low-vision/off/"]').count() == 1
    assert root_font_size(page) > standard_font_size
    if language == "ru":
        page.screenshot(path=screenshot_dir / "home-ru-low-vision.png", full_page=True)
    assert_no_violations(page)
    # The demo has no pictures; a probe image checks the rule itself.
    page.evaluate(
        """() => {
            const probe = document.createElement("img");
            probe.alt = "";
            probe.src = "data:image/gif;base64,R0lGODlhAQABAAAAACw=";
            document.querySelector("main").append(probe);
        }"""
    )
    image_displays = page.eval_on_selector_all(
        "img", "images => images.map(image => getComputedStyle(image).display)"
    )
    assert image_displays
    assert set(image_displays) == {"none"}


@pytest.mark.parametrize(
    "path",
    [
        "/ru/about/",
        "/tt/feedback/",
        "/ru/account/login/",
        "/tt/account/signup/",
        "/en/account/password/reset/",
        "/tt/programme/",
        "/ru/programme/chulpan-centre/morning-exercises/",
    ],
    ids=[
        "page-with-accordion-and-quote",
        "form",
        "login",
        "signup",
        "reset",
        "programme",
        "event",
    ],
)
def test_content_pages_meet_wcag_21_aa(page, path):
    response = page.goto(path)

    assert response.status == 200
    assert_no_violations(page)


def test_not_found_page_meets_wcag_21_aa(page):
    response = page.goto("/en/no-such-page/")

    assert response.status == 404
    assert page.locator("html").get_attribute("lang") == "en"
    assert_no_violations(page)


def test_first_tab_reaches_the_skip_link_and_enter_moves_focus_to_main(page):
    page.goto("/ru/")
    skip_link = page.locator("a.skip-link")
    assert skip_link.bounding_box()["y"] < 0

    page.keyboard.press("Tab")
    assert skip_link.evaluate("link => link === document.activeElement")
    assert skip_link.bounding_box()["y"] >= 0

    page.keyboard.press("Enter")
    page.wait_for_url("**/ru/#main")
    assert page.evaluate("document.activeElement.id") == "main"


@pytest.mark.parametrize("path", ["/ru/", "/tt/feedback/"])
def test_every_tab_stop_shows_a_visible_focus_indicator(page, path):
    page.goto(path)

    unmarked = []
    for _ in range(FOCUS_CHECKED_TAB_STOPS):
        page.keyboard.press("Tab")
        focused = page.evaluate(FOCUSED_ELEMENT_STYLE)
        if focused["isBody"]:
            break
        has_outline = (
            focused["outlineStyle"] != "none" and focused["outlineWidth"] != "0px"
        )
        if not has_outline and focused["boxShadow"] == "none":
            unmarked.append(focused)

    assert unmarked == [], f"focus is invisible on: {unmarked}"


# Elements that stick out to the right of the viewport, outermost first.
OVERFLOWING_ELEMENTS = """() => {
    const width = document.documentElement.clientWidth;
    const wide = [...document.body.querySelectorAll("*")].filter(
        element => element.getBoundingClientRect().right > width + 1
    );
    return wide
        .filter(element => !wide.includes(element.parentElement))
        .slice(0, 5)
        .map(element => element.tagName.toLowerCase()
            + (element.id ? `#${element.id}` : "")
            + (element.classList.length ? `.${element.classList[0]}` : ""));
}"""


@pytest.mark.parametrize(
    "low_vision",
    [False, True],
    ids=["standard", "low-vision"],
)
def test_pages_reflow_to_320_css_pixels_without_horizontal_scrolling(page, low_vision):
    page.set_viewport_size({"width": 320, "height": 800})
    if low_vision:
        page.goto("/tt/")
        click_low_vision_switch(page)

    overflowing = {}
    for path in ["/ru/", "/tt/", "/tt/about/", "/tt/feedback/"]:
        page.goto(path)
        if page.evaluate("document.documentElement.scrollWidth > innerWidth"):
            overflowing[path] = page.evaluate(OVERFLOWING_ELEMENTS)

    assert overflowing == {}, f"wider than 320px: {overflowing}"


def test_language_switcher_leads_to_the_same_page_in_tatar(page):
    page.goto("/ru/about/")

    page.locator('nav.language-switcher a[hreflang="tt"]').click()
    page.wait_for_url("**/tt/about/")

    assert page.locator("html").get_attribute("lang") == "tt"


def test_pages_load_nothing_from_outside_the_live_server(
    page, site_url, outbound_requests
):
    fetched = []
    page.on("request", lambda request: fetched.append(request.url))
    for path in ["/ru/", "/tt/about/", "/en/feedback/", "/ru/programme/"]:
        page.goto(path)
        page.wait_for_load_state("networkidle")

    assert outbound_requests == []
    assert {urlsplit(url).netloc for url in fetched} == {urlsplit(site_url).netloc}
    assert urlsplit(site_url).hostname == "127.0.0.1"
    assert any("/static/" in url for url in fetched), fetched


# Ids named by aria-describedby / aria-labelledby / aria-controls that no
# element on the page carries.
DANGLING_ARIA_REFERENCES = """() => {
    const attributes = ["aria-describedby", "aria-labelledby", "aria-controls"];
    const dangling = [];
    for (const attribute of attributes) {
        for (const element of document.querySelectorAll(`[${attribute}]`)) {
            for (const id of element.getAttribute(attribute).split(/\\s+/)) {
                if (id && !document.getElementById(id)) {
                    dangling.push(`${element.id} ${attribute}=${id}`);
                }
            }
        }
    }
    return dangling;
}"""


def submit_feedback_form_empty(page):
    page.goto("/tt/feedback/")
    page.locator("form.form button[type=submit]").click()
    page.wait_for_load_state()


def test_form_with_errors_meets_wcag_21_aa(page):
    submit_feedback_form_empty(page)

    assert page.locator(".form__errors").count() == 1
    assert page.locator("[aria-invalid=true]").count() >= 1
    assert_no_violations(page)


def test_form_fields_are_described_by_their_help_and_error_texts(page):
    submit_feedback_form_empty(page)

    assert page.evaluate(DANGLING_ARIA_REFERENCES) == []


def test_sign_in_page_with_errors_meets_wcag_21_aa(page):
    page.goto("/ru/account/login/")
    page.locator("main form button[type=submit]").click()

    assert page.locator("[role=alert]").count() >= 1
    assert_no_violations(page)
