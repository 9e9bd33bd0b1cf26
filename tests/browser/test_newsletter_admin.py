"""The communications worker, in the Danish admin, sends an edition and imports a list."""

import re

from playwright.sync_api import expect

from nyheder.newsletter import demo as newsletter

EDITION_PATH = f"/da/{newsletter.INDEX['slug']}/{newsletter.EDITION['slug']}/"


def assert_label_visible(page, button):
    """The button's text is inside the viewport, and its icon is about one letter high."""
    viewport = page.viewport_size
    box = button.bounding_box()
    assert box is not None
    assert box["x"] >= 0 and box["x"] + box["width"] <= viewport["width"]
    assert box["width"] < viewport["width"] / 2
    label = button.evaluate(
        "b => { const r = document.createRange(); r.selectNodeContents(b);"
        " const t = [...b.childNodes].filter(n => n.nodeType === 3 && n.textContent.trim());"
        " r.setStart(t[0], 0); r.setEnd(t[t.length - 1], t[t.length - 1].length);"
        " const x = r.getBoundingClientRect(); return {x: x.x, right: x.right, width: x.width}; }"
    )
    assert (
        label["width"] > 0 and box["x"] <= label["x"] and label["right"] <= box["x"] + box["width"]
    )
    icon = button.locator("svg").bounding_box()
    font_size = float(button.evaluate("b => getComputedStyle(b).fontSize").removesuffix("px"))
    assert 0.6 * font_size <= icon["height"] <= 1.5 * font_size
    assert 0.6 * font_size <= icon["width"] <= 1.5 * font_size


def test_the_send_page_is_labelled_in_danish_and_asks_before_sending(editor_page, screenshot_dir):
    page = editor_page
    page.goto(EDITION_PATH)
    edit_link = page.locator("a[href*='/admin/pages/'][href$='/edit/']").first.get_attribute("href")
    edition_id = re.search(r"/admin/pages/(\d+)/edit/", edit_link).group(1)

    page.goto(f"/admin/newsletter/editions/{edition_id}/send/")
    assert page.locator("html").get_attribute("lang") == "da"
    send_now = page.get_by_role("button", name="Send nu")
    schedule = page.get_by_role("button", name="Planlæg")
    assert_label_visible(page, send_now)
    assert_label_visible(page, schedule)
    page.screenshot(path=screenshot_dir / "admin-newsletter-send-da.png", full_page=True)

    send_now.click()
    question = page.locator("[data-newsletter-confirmation]")
    assert re.search(r"Send “.+” til \d+ læsere på .*dansk \(\d+\)", question.inner_text())
    assert_label_visible(page, page.get_by_role("button", name="Ja, send det nu"))
    page.screenshot(path=screenshot_dir / "admin-newsletter-send-confirm-da.png", full_page=True)
    # Walking away sends nothing: the edition is still unsent.
    page.get_by_role("link", name="Nej, send ikke").click()
    expect(page.get_by_text("Ikke sendt endnu.")).to_be_visible()


def test_fifty_subscribers_are_imported_with_a_few_broken_rows(editor_page, screenshot_dir):
    page = editor_page
    rows = [f"beboer{n}@eksempel.dk;{['da', 'ar', 'so', 'tr', 'ur'][n % 5]}" for n in range(46)]
    rows += ["ikke-en-adresse;da", "fremmed@eksempel.dk;xx", ";en", "BEBOER1@eksempel.dk;da"]
    # As Danish Excel writes "CSV UTF-8": a BOM, semicolons and CRLF line ends.
    csv = "\ufeffEmail;Language\r\n" + "\r\n".join(rows) + "\r\n"

    page.goto("/admin/")
    page.get_by_role("button", name="Nyhedsbrev").click()
    page.get_by_role("link", name="Importér abonnenter").click()
    page.locator("input[type=file]").set_input_files(
        {"name": "beboere.csv", "mimeType": "text/csv", "buffer": csv.encode()}
    )
    page.get_by_label("Hvor de har givet deres samtykke").fill("Papirlister, sommerfesten 2026")
    page.get_by_role("button", name="Vis forhåndsvisningen").click()

    page.wait_for_url("**/admin/newsletter/import/preview/")
    assert page.locator("[data-count=add]").inner_text() == "46"
    assert page.locator("[data-count=refuse]").inner_text() == "4"
    refused = page.locator("tr[data-outcome=refuse]")
    assert refused.count() == 4
    assert "ikke-en-adresse" in refused.nth(0).inner_text()
    assert "linje 3" in refused.nth(3).inner_text()
    page.screenshot(path=screenshot_dir / "admin-newsletter-import-preview-da.png", full_page=True)
    page.locator("section[aria-labelledby=import-refuse]").screenshot(
        path=screenshot_dir / "admin-newsletter-import-refused-da.png"
    )

    page.get_by_role("button", name=re.compile("Importér: tilføj 46")).click()
    page.wait_for_url("**/admin/newsletter/subscribers/")
    expect(page.get_by_text("beboere.csv er importeret: 46 nye abonnenter")).to_be_visible()
    page.screenshot(path=screenshot_dir / "admin-newsletter-import-done-da.png", full_page=True)
