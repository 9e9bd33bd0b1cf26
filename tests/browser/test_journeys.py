"""A resident's journeys through the demo site, in a real browser."""

import pytest

from kvarter.demo import content
from tests.browser.helpers import PAGE_TYPES, assert_no_violations


def test_home_page_in_danish_and_arabic(page, screenshot_dir):
    for language, direction in [("da", "ltr"), ("ar", "rtl")]:
        page.goto(f"/{language}/")
        html = page.locator("html")
        assert html.get_attribute("lang") == language
        assert html.get_attribute("dir") == direction
        assert page.locator("h1").inner_text() == content.HOME["title"][language]
        page.screenshot(path=screenshot_dir / f"home-{language}.png", full_page=True)


def test_reader_switches_language_on_the_same_page(page):
    page.goto(f"/da/{PAGE_TYPES['plan']}")
    # The languages fold into a picker that opens without JavaScript (<details>).
    page.locator(".language-switcher summary").click()
    page.locator(".language-switcher").get_by_role("link", name="English").click()
    page.wait_for_url(f"**/en/{PAGE_TYPES['plan']}")
    assert page.locator("h1").inner_text() == content.PLAN["title"]["en"]
    page.locator(".language-switcher summary").click()
    page.locator(".language-switcher").get_by_role("link", name="العربية").click()
    page.wait_for_url(f"**/ar/{PAGE_TYPES['plan']}")
    assert page.locator("html").get_attribute("dir") == "rtl"
    assert page.locator("h1").inner_text() == content.PLAN["title"]["ar"]


def test_untranslated_page_says_so_in_the_readers_language(page):
    page.goto(f"/ar/{PAGE_TYPES['activity']}")
    notice = page.get_by_role("note")
    assert notice.is_visible()
    assert notice.get_attribute("lang") is None
    # Only the content is Danish, and it says so; the interface around it stays Arabic.
    heading = page.locator("h1")
    assert heading.inner_text() == content.FOCUS_AREAS[0]["activities"][0]["title"]["da"]
    assert (heading.get_attribute("lang"), heading.get_attribute("dir")) == ("da", "ltr")
    assert page.locator("main .site-main__content").get_attribute("lang") is None


def test_keyboard_user_reaches_the_skip_link_first(page):
    page.goto("/da/")
    page.keyboard.press("Tab")
    focused = page.evaluate("document.activeElement.className")
    assert focused == "skip-link"
    box = page.locator(".skip-link").bounding_box()
    assert box is not None and box["y"] >= 0, "the focused skip link must be on screen"
    page.keyboard.press("Enter")
    assert page.evaluate("document.activeElement.id") == "main-content"


@pytest.mark.parametrize("width", [320, 1280])
@pytest.mark.parametrize("language", ["da", "ar"])
@pytest.mark.parametrize("page_type", PAGE_TYPES)
def test_every_page_type_has_no_accessibility_violations(
    page, screenshot_dir, page_type, language, width
):
    page.set_viewport_size({"width": width, "height": 900})
    response = page.goto(f"/{language}/{PAGE_TYPES[page_type]}")
    assert response.status == 200
    page.wait_for_load_state("load")
    assert_no_violations(page, f"{page_type} ({language}, {width}px)")
    scroll_width = page.evaluate("document.documentElement.scrollWidth")
    assert scroll_width <= width, f"horizontal scrolling at {width}px ({scroll_width}px wide)"
    html_size = len(page.content().encode())
    assert html_size < 50_000, f"{page_type} HTML is {html_size} bytes"
    page.screenshot(path=screenshot_dir / f"{page_type}-{language}-{width}.png", full_page=True)
