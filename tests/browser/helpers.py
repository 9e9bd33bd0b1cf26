"""Checks shared by the browser journeys."""

from axe_playwright_python.sync_playwright import Axe

from agerposten import demo as agerposten_demo
from arrangementer import demo as events
from frivillig import demo as guides
from kvarter.demo import content
from nyheder import demo as stories
from nyheder.newsletter import demo as newsletter

FOCUS_AREA = content.FOCUS_AREAS[0]
ACTIVITY = FOCUS_AREA["activities"][0]
NETWORK = content.NETWORKS[0]

# One demo page of every page type and view, by its path under the language prefix.
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


def assert_no_violations(page, name):
    """axe-core, injected into the page, finds nothing against WCAG 2.1 AA and best practice."""
    results = Axe().run(page)
    violations = [
        f"{v['id']}: {[n['target'] for n in v['nodes']]}" for v in results.response["violations"]
    ]
    assert violations == [], f"{name}: {violations}"
