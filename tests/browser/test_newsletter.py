"""A resident signs up for the newsletter in Arabic, confirms from the mail, and leaves again."""

import re

from tests.browser.helpers import assert_no_violations

TOKEN_LINK = r"https?://[^/\s]+(/ar/nyhedsbrev/{kind}/[^\s\"<>]+/)"


def local_path(kind, message):
    text = message.get_body(preferencelist=("plain",)).get_content()
    return re.search(TOKEN_LINK.format(kind=kind), text).group(1)


def check_page(page, screenshot_dir, name):
    for width in [320, 1280]:
        page.set_viewport_size({"width": width, "height": 900})
        assert_no_violations(page, f"{name} ({width}px)")
        assert page.evaluate("document.documentElement.scrollWidth") <= width
        page.screenshot(path=screenshot_dir / f"{name}-{width}.png", full_page=True)


def test_resident_signs_up_in_arabic_confirms_and_leaves(page, screenshot_dir, mailbox):
    address = "layla.browser@example.org"
    page.goto("/ar/")
    form = page.locator("form").filter(has=page.locator("#home-newsletter-email"))
    assert page.locator("#home-newsletter-language").input_value() == "ar"
    form.locator("#home-newsletter-email").fill(address)
    form.locator("#home-newsletter-consent").check()
    form.locator("button[type=submit]").click()
    page.wait_for_url("**/ar/nyhedsbrev/tilmeld/tak/")
    assert page.locator("html").get_attribute("dir") == "rtl"
    check_page(page, screenshot_dir, "newsletter_subscribed-ar")

    # The worker sends the confirmation; opening its link shows a button and confirms nobody.
    [confirmation] = mailbox(address)
    page.goto(local_path("bekraeft", confirmation))
    check_page(page, screenshot_dir, "newsletter_confirm-ar")
    assert len(mailbox(address, count=2, timeout=2)) == 1  # no welcome: nobody was confirmed

    page.locator("main").get_by_role("button").click()
    page.wait_for_load_state()
    check_page(page, screenshot_dir, "newsletter_confirmed-ar")
    confirmation, welcome = mailbox(address, count=2)
    welcome_html = welcome.get_body(preferencelist=("html",)).get_content()
    assert 'dir="rtl"' in welcome_html

    # The preferences link from the welcome mail: switch to Danish, then unsubscribe.
    page.goto(local_path("indstillinger", welcome))
    check_page(page, screenshot_dir, "newsletter_preferences-ar")
    page.locator("main select").select_option("da")
    page.locator("main select").locator("xpath=ancestor::form").locator("button").click()
    page.wait_for_url("**/da/nyhedsbrev/indstillinger/**")
    assert page.locator("html").get_attribute("lang") == "da"
    check_page(page, screenshot_dir, "newsletter_preferences-da")
