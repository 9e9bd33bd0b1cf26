"""An editor schedules a story in the admin, and it goes live with nothing else run: the demo
site's own worker process (started as `make run` starts it) publishes it."""

import datetime
import time
import zoneinfo
from urllib.parse import quote

from nyheder import demo as stories

EDITOR = ("redaktion", "charlotte-demo")
COPENHAGEN = zoneinfo.ZoneInfo("Europe/Copenhagen")


def next_whole_minute_ahead(seconds=15):
    """The admin's schedule takes whole minutes: the first one at least `seconds` from now."""
    soon = datetime.datetime.now(COPENHAGEN) + datetime.timedelta(seconds=seconds + 60)
    return soon.replace(second=0, microsecond=0)


def test_a_story_scheduled_in_the_admin_goes_live_at_its_time(page):
    page.goto("/admin/login/")
    page.fill("input[name=username]", EDITOR[0])
    page.fill("input[name=password]", EDITOR[1])
    page.click("button[type=submit]")
    page.goto(f"/admin/pages/search/?q={quote(stories.INDEX['title']['da'])}")
    index_id = page.locator("a[href$='/edit/']").first.get_attribute("href").split("/")[3]
    page.goto(f"/admin/pages/add/nyheder/storypage/{index_id}/")
    page.fill("input[name=title]", "Vinterbadning ved søen")
    page.fill("textarea[name=intro]", "Hver søndag morgen går en lille flok i vandet ved søen.")
    page.fill("input[name=date]", datetime.date.today().isoformat())

    go_live = next_whole_minute_ahead()
    page.click("button[data-side-panel-toggle=status]")
    page.click("button[data-a11y-dialog-show=schedule-publishing-dialog]")
    dialog = page.locator("#schedule-publishing-dialog")
    dialog.locator("input[name=go_live_at]").fill(go_live.strftime("%Y-%m-%d %H:%M"))
    # From the keyboard: the open date picker covers the button for a pointer.
    dialog.locator("button[type=submit]").first.press("Enter")
    page.locator("footer [data-w-dropdown-target=toggle]").last.click()
    page.click("button[name=action-publish]")
    page.wait_for_load_state()

    story_path = f"/da/{stories.INDEX['slug']}/vinterbadning-ved-soen/"
    assert page.request.get(story_path).status == 404, "not before its time"
    # The worker's run at the start of the minute; a little slack for a busy machine.
    deadline = go_live + datetime.timedelta(seconds=30)
    while page.request.get(story_path).status != 200:
        assert datetime.datetime.now(COPENHAGEN) < deadline, "the story did not go live"
        time.sleep(1)
    for language in ["ar", "so"]:
        assert page.request.get(story_path.replace("/da/", f"/{language}/")).status == 200
