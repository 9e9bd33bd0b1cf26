"""A resident on a cheap phone: the header leaves room for the page, the menu folds into a
"Menu" disclosure that works without JavaScript, and every link and control is thumb-sized."""

import pytest

from tests.browser.helpers import PAGE_TYPES

PHONE = {"width": 360, "height": 780}
MAX_HEADER = 120
MIN_TARGET = 44  # WCAG 2.5.5 (AAA), the size that suits a cheap phone

# The links, buttons and fields a thumb can hit, smaller than MIN_TARGET. A link inside a
# sentence is left out, as WCAG 2.5.5 allows; a checkbox or radio counts with its label.
SMALL_TARGETS = """(minimum) => {
  const inSentence = (el) => {
    const block = el.closest('p, li, dd, td');
    return el.tagName === 'A' && block !== null
      && block.textContent.trim().length > el.textContent.trim().length + 20;
  };
  const small = [];
  for (const el of document.querySelectorAll('a[href], button, input, select, textarea, summary')) {
    if (el.type === 'hidden' || el.classList.contains('skip-link')) continue;
    if (el.closest('.visually-hidden, [aria-hidden="true"]')) continue;  // the honeypot
    if (!el.checkVisibility({visibilityProperty: true}) || inSentence(el)) continue;
    let r = el.getBoundingClientRect();
    if (r.width === 0 || r.height === 0) continue;
    if ((el.type === 'checkbox' || el.type === 'radio') && el.labels.length) {
      const l = el.labels[0].getBoundingClientRect();
      r = {width: Math.max(r.right, l.right) - Math.min(r.left, l.left),
           height: Math.max(r.bottom, l.bottom) - Math.min(r.top, l.top)};
    }
    if (Math.min(r.width, r.height) < minimum - 0.5) {
      small.push(`${Math.round(r.width)}×${Math.round(r.height)} ${el.outerHTML.slice(0, 100)}`);
    }
  }
  return small;
}"""


@pytest.mark.parametrize("language", ["da", "ar"])
@pytest.mark.parametrize("page_type", PAGE_TYPES)
def test_on_a_phone_the_heading_is_on_the_first_screen_and_every_target_is_thumb_sized(
    page, page_type, language
):
    page.set_viewport_size(PHONE)
    page.goto(f"/{language}/{PAGE_TYPES[page_type]}")
    header = page.locator(".site-header").bounding_box()
    assert header["height"] <= MAX_HEADER, f"the header is {header['height']} px tall"
    heading = page.locator("main h1").bounding_box()
    assert heading["y"] + heading["height"] <= PHONE["height"], "the h1 is below the first screen"
    assert page.evaluate(SMALL_TARGETS, MIN_TARGET) == []


@pytest.mark.parametrize("language", ["da", "ar"])
def test_the_menu_opens_without_javascript(browser, live_site, language):
    context = browser.new_context(base_url=live_site, viewport=PHONE, java_script_enabled=False)
    page = context.new_page()
    page.goto(f"/{language}/")
    menu = page.locator(".menu")
    links = menu.locator(".main-nav__list a")
    assert links.count() >= 5
    assert not links.first.is_visible()
    menu.locator("summary").click()
    assert links.first.is_visible()
    box = links.first.bounding_box()
    assert box["height"] >= MIN_TARGET
    # The shortcuts stay in view beside it: what is on, the help desk, contact.
    assert page.locator(".shortcuts a").count() == 3
    context.close()


@pytest.mark.parametrize("language", ["da", "ar"])
def test_on_a_wide_screen_the_whole_menu_is_one_row(page, language):
    page.goto(f"/{language}/")
    links = page.locator(".main-nav__wide a")
    tops = {round(links.nth(i).bounding_box()["y"]) for i in range(links.count())}
    assert len(tops) == 1, f"the menu wraps into {len(tops)} rows"
    assert not page.locator(".menu").is_visible()


# A recurring event (weekly, 16:00–18:00), the events page and the month view: every time range.
TIME_RANGE_PAGES = ["event_index", "event_month", "det-sker/lektiehjaelp/"]


@pytest.mark.parametrize("language", ["da", "ar"])
@pytest.mark.parametrize("where", TIME_RANGE_PAGES)
def test_a_time_range_never_breaks_across_lines(page, where, language):
    """ "4:00 م–6:00 م" stays on one line: never "م" alone at the start of the next."""
    page.set_viewport_size(PHONE)
    page.goto(f"/{language}/{PAGE_TYPES.get(where, where)}")
    ranges = page.locator(".time-range")
    assert ranges.count() > 0
    lines = ranges.evaluate_all(
        "(spans) => spans.map((s) => [s.textContent, new Set("
        "[...s.getClientRects()].map((r) => Math.round(r.top))).size])"
    )
    assert [text for text, count in lines if count != 1] == []
    # Both ends, each a <time> the reader's device can read.
    assert ranges.evaluate_all(
        "(spans) => spans.every((s) => s.querySelectorAll('time[datetime]').length === 2)"
    )


@pytest.mark.parametrize("language", ["da", "ar"])
@pytest.mark.parametrize("page_type", ["home", "event_index", "story", "archive"])
def test_on_a_wide_screen_the_header_lines_up_with_the_content(page, page_type, language):
    """One container width: the site name starts where the page's heading starts, and the
    header's last control ends where the content ends, on both sides in both directions."""
    page.goto(f"/{language}/{PAGE_TYPES[page_type]}")
    edges = page.evaluate(
        """() => [...document.querySelectorAll(
            '.site-header__inner, .breadcrumbs, .site-main, .site-footer__inner')].map((el) => {
          const r = el.getBoundingClientRect(), s = getComputedStyle(el);
          return [el.className, Math.round(r.left + parseFloat(s.paddingLeft)),
                  Math.round(r.right - parseFloat(s.paddingRight))];
        })"""
    )
    assert len({(left, right) for _name, left, right in edges}) == 1, edges
    heading = page.locator("main h1").bounding_box()
    name = page.locator(".site-name").bounding_box()
    start = (lambda box: box["x"]) if language == "da" else (lambda box: box["x"] + box["width"])
    assert abs(start(heading) - start(name)) <= 4  # the logo's own padding
