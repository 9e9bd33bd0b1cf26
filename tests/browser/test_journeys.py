"""A resident's journeys through the demo site, in a real browser."""

import pytest

from agerposten import demo as agerposten_demo
from arrangementer import demo as events
from frivillig import demo as guides
from kvarter.demo import content
from nyheder import demo as stories
from nyheder.newsletter import demo as newsletter
from tests.browser.helpers import assert_no_violations

FOCUS_AREA = content.FOCUS_AREAS[0]
ACTIVITY = FOCUS_AREA["activities"][0]
NETWORK = content.NETWORKS[0]

PAGE_TYPES = {
    "home": "",
    "plan": f"{content.PLAN['slug']}/",
    "focus_area": f"{content.PLAN['slug']}/{FOCUS_AREA['slug']}/",
    "activity": f"{content.PLAN['slug']}/{FOCUS_AREA['slug']}/{ACTIVITY['slug']}/",
    "standard": f"{content.NETWORK_INDEX['slug']}/",
    "network": f"{content.NETWORK_INDEX['slug']}/{NETWORK['slug']}/",
    "contact": f"{content.CONTACT['slug']}/",
    "search": "search/?q=Charlottekvarteret",
    "event_index": f"{events.INDEX['slug']}/",
    "event": f"{events.INDEX['slug']}/{events.EVENTS[0]['slug']}/",
    "event_month": f"{events.INDEX['slug']}/month/",
    "story_index": f"{stories.INDEX['slug']}/",
    "story": f"{stories.INDEX['slug']}/{stories.STORIES[0]['slug']}/",
    "story_tip": f"{stories.INDEX['slug']}/tip/",
    "guide_index": f"{guides.INDEX['slug']}/",
    "guide": f"{guides.INDEX['slug']}/{guides.GUIDES[4]['slug']}/",
    "help_desk": f"{guides.HELP_DESK['slug']}/",
    "archive": f"{agerposten_demo.ARCHIVE['slug']}/",
    "issue": agerposten_demo.newest_issue_path(),
    "newsletter_index": f"{newsletter.INDEX['slug']}/",
    "newsletter_edition": f"{newsletter.INDEX['slug']}/{newsletter.EDITION['slug']}/",
    "newsletter_subscribe": f"{newsletter.INDEX['slug']}/tilmeld/",
}


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
    page.locator(".language-switcher").get_by_role("link", name="English").click()
    page.wait_for_url(f"**/en/{PAGE_TYPES['plan']}")
    assert page.locator("h1").inner_text() == content.PLAN["title"]["en"]
    page.locator(".language-switcher").get_by_role("link", name="العربية").click()
    page.wait_for_url(f"**/ar/{PAGE_TYPES['plan']}")
    assert page.locator("html").get_attribute("dir") == "rtl"
    assert page.locator("h1").inner_text() == content.PLAN["title"]["ar"]


def test_untranslated_page_says_so_in_the_readers_language(page):
    page.goto(f"/ar/{PAGE_TYPES['activity']}")
    notice = page.get_by_role("note")
    assert notice.is_visible()
    assert page.locator("main .site-main__content").get_attribute("lang") == "da"
    assert page.locator("h1").inner_text() == ACTIVITY["title"]["da"]


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
