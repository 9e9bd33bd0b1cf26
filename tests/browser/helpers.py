"""Checks shared by the browser journeys."""

from axe_playwright_python.sync_playwright import Axe


def assert_no_violations(page, name):
    """axe-core, injected into the page, finds nothing against WCAG 2.1 AA and best practice."""
    results = Axe().run(page)
    violations = [
        f"{v['id']}: {[n['target'] for n in v['nodes']]}" for v in results.response["violations"]
    ]
    assert violations == [], f"{name}: {violations}"
