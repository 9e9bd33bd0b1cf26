"""A resident browses the event calendar with the keyboard only."""

import datetime

from arrangementer import demo as events


def test_month_view_works_by_keyboard(page):
    page.goto(f"/da/{events.INDEX['slug']}/month/")
    heading = page.locator("h1").inner_text()
    next_link = page.locator(".month-nav a[rel=next]")
    target = next_link.get_attribute("href")
    for _ in range(60):
        page.keyboard.press("Tab")
        if page.evaluate("document.activeElement.getAttribute('rel')") == "next":
            break
    else:
        raise AssertionError("“Next month” cannot be reached with Tab")
    page.keyboard.press("Enter")
    page.wait_for_url(f"**{target}")
    assert page.locator("h1").inner_text() != heading
    year, month = target.rstrip("/").rsplit("/", 1)[1].split("-")
    shown = datetime.date(int(year), int(month), 1)
    today = datetime.date.today()
    assert (shown.year, shown.month) == (
        (today.replace(day=1) + datetime.timedelta(days=31)).year,
        (today.replace(day=1) + datetime.timedelta(days=31)).month,
    )
    # The next month's events are listed (the weekly homework help runs for months).
    assert page.locator(".month-day").count() > 0
