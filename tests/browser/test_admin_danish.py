"""A Danish editor walks the admin's screens and reads no English sentence."""

import itertools
import re

from django.conf import settings

from nyheder import demo as stories
from nyheder.newsletter import demo as newsletter

from .admin_language import english_on_screen

EDITOR, PASSWORD = "redaktion", "charlotte-demo"
# Names the admin shows as they are: the software, the people and the content.
EXEMPT = {"Wagtail", "Charlottekvarteret", "Demo Redaktør", "redaktion", "English"}
# A focus area is called "Image og kommunikation" in Danish.
CONTENT = {"Image og kommunikation"}
# Wagtail writes these without gettext, so no catalogue can reach them: value="Search" on a hidden
# submit button, aria-label="Actions" on the header's buttons, a missing date shown as "None".
# wagtail-localize's editor writes its title and "More actions" into its JavaScript.
LANGUAGES = [name for _, name in settings.LANGUAGES]
UNTRANSLATABLE = {"Search", "Actions", "None", "More actions"} | {
    f"{source} to {target} translation" for source, target in itertools.permutations(LANGUAGES, 2)
}


def log_in(page):
    page.goto("/admin/login/")
    page.fill("#id_username", EDITOR)
    page.fill("#id_password", PASSWORD)
    page.click("button[type=submit]")
    page.wait_for_url(re.compile(r"/admin/$"))


def first_href(page, pattern):
    """The first link on the screen whose address matches pattern."""
    for href in page.eval_on_selector_all("a[href]", "links => links.map(a => a.href)"):
        if re.search(pattern, href):
            return href
    raise AssertionError(f"no link matching {pattern} on {page.url}")


def edit_url(page, title, language="Dansk"):
    """The editor of the page called title in the language the explorer labels language."""
    page.goto(f"/admin/pages/search/?q={title}")
    row = page.locator("tr", has=page.locator(".w-status--label", has_text=language)).first
    return row.locator("a[href$='/edit/']").first.get_attribute("href")


def the_screens(page):
    """Each screen of the editor's flows: (name, how to reach it), in the order an editor goes."""
    story_title = stories.STORIES[0]["title"]["da"]
    edition_title = newsletter.EDITION["title"]["da"]

    def story_editor():
        page.goto(edit_url(page, story_title))

    def status_panel():
        story_editor()
        page.click("button[data-side-panel-toggle='status']")
        page.wait_for_selector("[data-side-panel='status']:not([hidden])")

    def schedule_dialog():
        status_panel()
        page.locator("[data-a11y-dialog-show='schedule-publishing-dialog']").first.evaluate(
            "button => button.click()"
        )
        page.wait_for_selector("#schedule-publishing-dialog", state="visible")

    def preview_panel():
        story_editor()
        page.click("button[data-side-panel-toggle='preview']")
        page.wait_for_selector("[data-side-panel='preview']:not([hidden]) iframe")

    def comments_panel():
        story_editor()
        page.click("button[data-side-panel-toggle='comments']")
        page.wait_for_selector("[data-side-panel='comments']:not([hidden])")

    def history():
        story_editor()
        page.goto(page.url.replace("/edit/", "/history/"))

    def chooser(kind):
        """The chooser modal of the story editor's first image or page field."""

        def open_chooser():
            story_editor()
            field = page.locator(f"[data-chooser-url*='{kind}'] [data-chooser-action-choose]")
            field.first.evaluate("button => button.click()")
            page.wait_for_selector(".modal-content", state="visible")

        return open_chooser

    def translation_editor():
        # The Arabic home page is a translation: its editor is wagtail-localize's.
        page.goto("/admin/pages/")
        row = page.locator("tr", has=page.locator(".w-status--label", has_text="العربية")).first
        page.goto(row.locator("a[href$='/edit/']").first.get_attribute("href"))
        page.wait_for_selector(".editor__header, .editor__body, [class*='editor']")

    def translate_page():
        story_editor()
        page.goto(page.url.replace("/pages/", "/localize/submit/page/").replace("/edit/", "/"))

    def newsletter_send():
        edition_editor = edit_url(page, edition_title)
        page.goto(re.sub(r"/pages/(\d+)/edit/", r"/newsletter/editions/\1/send/", edition_editor))

    screens = {
        "dashboard": lambda: page.goto("/admin/"),
        "page explorer": lambda: page.goto("/admin/pages/"),
        "page explorer (home)": lambda: (
            page.goto("/admin/pages/"),
            page.goto(first_href(page, r"/admin/pages/\d+/$")),
        ),
        "page editor": story_editor,
        "status side panel": status_panel,
        "publishing schedule dialog": schedule_dialog,
        "preview side panel": preview_panel,
        "comments": comments_panel,
        "history": history,
        "page chooser": chooser("choose-page"),
        "workflows awaiting review": lambda: page.goto("/admin/reports/workflow/"),
        "workflow tasks report": lambda: page.goto("/admin/reports/workflow_tasks/"),
        "locked pages report": lambda: page.goto("/admin/reports/locked/"),
        "site history report": lambda: page.goto("/admin/reports/site-history/"),
        "aging pages report": lambda: page.goto("/admin/reports/aging-pages/"),
        "images": lambda: page.goto("/admin/images/"),
        "image upload": lambda: page.goto("/admin/images/multiple/add/"),
        "image edit": lambda: (
            page.goto("/admin/images/"),
            page.goto(first_href(page, r"/admin/images/\d+/(\?|$)")),
        ),
        "image chooser": chooser("images/chooser"),
        "documents": lambda: page.goto("/admin/documents/"),
        "document upload": lambda: page.goto("/admin/documents/multiple/add/"),
        "snippets": lambda: page.goto("/admin/snippets/"),
        "snippet list": lambda: page.goto("/admin/snippets/kvarter/person/"),
        "site settings": lambda: page.goto("/admin/settings/kvarter/sitesettings/"),
        "translate page": translate_page,
        "translation editor": translation_editor,
        # Filtered to Danish: the English translations' titles are content in English.
        "agerposten issues": lambda: page.goto("/admin/agerposten/?locale=da"),
        "newsletter send page": newsletter_send,
        "newsletter subscribers": lambda: page.goto(
            first_href_after(page, "/admin/", r"/admin/[\w/-]*subscriber[\w/-]*/$")
        ),
        "account": lambda: page.goto("/admin/account/"),
    }
    return screens


def first_href_after(page, url, pattern):
    page.goto(url)
    return first_href(page, pattern)


def walk(page, screenshot_dir=None):
    """Walk every screen; return {screen: (strings, english strings)}."""
    log_in(page)
    found = {}
    exempt = EXEMPT | UNTRANSLATABLE | CONTENT
    for name, reach in the_screens(page).items():
        reach()
        page.wait_for_load_state("networkidle")
        found[name] = english_on_screen(page, exempt)
        if screenshot_dir is not None:
            page.screenshot(path=screenshot_dir / f"admin-da-{name.replace(' ', '-')}.png")
    return found


def test_danish_editor_reads_no_english_on_the_admin_screens(page, screenshot_dir):
    found = walk(page, screenshot_dir)
    lines = []
    for name, (strings, english) in found.items():
        share = 100 * (len(strings) - len(english)) / len(strings)
        lines.append(f"{name}: {len(strings) - len(english)}/{len(strings)} Danish ({share:.0f} %)")
    print("\n".join(lines))
    english = {name: english for name, (_, english) in found.items() if english}
    assert english == {}, f"English on the Danish admin screens: {english}"
