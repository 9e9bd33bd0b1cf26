"""A resident follows a guide, prints it, and asks the help desk for help in Arabic."""

import re
import time

import pypdfium2

from frivillig import demo
from kvarter import spam
from tests.browser.helpers import assert_no_violations

GUIDE = next(guide for guide in demo.GUIDES if "ar" in guide["title"])
GUIDE_PATH = f"{demo.INDEX['slug']}/{GUIDE['slug']}/"
DESK_PATH = f"{demo.HELP_DESK['slug']}/"
# 210 × 297 mm in PDF points; Chromium rounds the page box to whole CSS pixels.
A4_POINTS = (210 / 25.4 * 72, 297 / 25.4 * 72)


def test_guide_prints_as_a_clean_a4_document(page, screenshot_dir):
    page.set_viewport_size({"width": 320, "height": 800})
    page.goto(f"/da/{GUIDE_PATH}")
    assert page.locator("ol.guide-steps > li").count() == len(GUIDE["steps"])
    page.get_by_role("link", name=page.locator(".guide-actions a").inner_text()).click()
    page.wait_for_url(f"**/da/{GUIDE_PATH}print/")
    assert page.locator(".site-header").count() == 0
    page.screenshot(path=screenshot_dir / "guide-print-da-320.png", full_page=True)

    pdf = pypdfium2.PdfDocument(page.pdf(format="A4", print_background=True))
    try:
        width, height = pdf[0].get_size()
        assert abs(width - A4_POINTS[0]) < 1.5 and abs(height - A4_POINTS[1]) < 1.5
        text = " ".join(pdf[n].get_textpage().get_text_range() for n in range(len(pdf)))
    finally:
        pdf.close()
    text = re.sub(r"\s+", " ", text)
    for step in GUIDE["steps"]:
        assert step["title"]["da"] in text
    assert GUIDE["checklist"][0]["da"] in text
    assert "Skip to main content" not in text and "Spring" not in text


def tab_to(page, name, limit=60):
    for _ in range(limit):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.name") == name:
            return
    raise AssertionError(f"Tab never reached the field {name!r}")


def test_resident_asks_for_help_in_arabic_by_keyboard_alone(page, screenshot_dir, mailbox):
    page.goto(f"/ar/{DESK_PATH}")
    assert page.locator("html").get_attribute("dir") == "rtl"
    assert page.locator("h1").inner_text() == demo.HELP_DESK["title"]["ar"]
    started = time.monotonic()

    tab_to(page, "name")
    page.keyboard.type("أمل حسن")
    tab_to(page, "email")
    page.keyboard.type("amal@example.org")
    tab_to(page, "kind")  # the first radio button of the group
    page.keyboard.press("Space")
    tab_to(page, "description")
    page.keyboard.type("نريد أن نبدأ مقهى للواجبات المدرسية.")
    tab_to(page, "consent")
    page.keyboard.press("Space")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.type") == "submit"
    page.screenshot(path=screenshot_dir / "help_desk-filled-ar.png", full_page=True)
    # A person takes longer than the spam check's minimum; so must this test.
    time.sleep(max(0, spam.MIN_FILL_SECONDS + 0.5 - (time.monotonic() - started)))
    page.keyboard.press("Enter")

    page.wait_for_url(f"**/ar/{DESK_PATH}tak/")
    assert page.locator("html").get_attribute("dir") == "rtl"
    page.screenshot(path=screenshot_dir / "help_desk-thanks-ar.png", full_page=True)

    # The receipt, written by the demo server to its var/mail/, links to the status page.
    bodies = [
        message.get_body(preferencelist=("plain",)).get_content()
        for message in mailbox("amal@example.org")
    ]
    assert bodies, "no receipt was written to var/mail/"
    status_path = re.search(r"https?://[^/\s]+(/ar/\S+/status/\S+/)", bodies[-1]).group(1)
    for language in ["ar", "da"]:
        for width in [320, 1280]:
            page.set_viewport_size({"width": width, "height": 900})
            response = page.goto(status_path.replace("/ar/", f"/{language}/", 1))
            assert response.status == 200
            assert "نريد أن نبدأ مقهى للواجبات المدرسية." in page.content()
            assert_no_violations(page, f"status page ({language}, {width}px)")
            scroll_width = page.evaluate("document.documentElement.scrollWidth")
            assert scroll_width <= width
            page.screenshot(
                path=screenshot_dir / f"help_request_status-{language}-{width}.png", full_page=True
            )
