"""How events plug into the base app: the home page's "what's on", its calendar link, demo data,
and the worker's daily refresh of the stored dates."""

import datetime

from django.utils import timezone
from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.models import Locale

from kvarter.models import HomePage
from kvarter.sections import Section

from . import demo
from .choices import HOME_OCCURRENCES
from .models import EventIndexPage, EventPage, Occurrence

# First on the home page, before the latest stories (10): what is on this week.
WHATS_ON_ORDER = 5
# The month views refreshed when an event changes: this month and the next twelve.
MONTHS_AHEAD = 12


def event_index_of(home, request):
    """The home page's event index, or None; looked up once per request (<head> and body)."""
    found = request.__dict__.setdefault("_arrangementer_event_index", {})
    if home.pk not in found:
        found[home.pk] = EventIndexPage.objects.live().public().child_of(home).first()
    return found[home.pk]


@hooks.register("kvarter_home_sections")
def whats_on(page, request):
    """The next few occurrences on the home page, with a link to all events."""
    index = event_index_of(page, request)
    if index is None:
        return None
    return Section(
        template="arrangementer/home_whats_on.html",
        context={
            "event_index": index,
            "occurrences": index.upcoming_occurrences(limit=HOME_OCCURRENCES),
        },
        order=WHATS_ON_ORDER,
    )


@hooks.register("kvarter_head_sections")
def calendar_link(page, request):
    """The home page advertises the calendar feed; the event pages do so in their templates."""
    if not isinstance(page, HomePage):
        return None
    index = event_index_of(page, request)
    if index is None:
        return None
    return Section(
        template="arrangementer/calendar_link.html",
        context={"feed": index.feed_links(request)},
    )


@hooks.register("kvarter_page_cache_affected")
def event_calendars(page):
    """An event is also in its own calendar file and in its index's calendar views and feeds:
    the month views of this month and the next twelve, the archive, the feeds of all events and
    of its category."""
    # A page not routable yet (its translated parents are still unpublished) has no URL to drop.
    if not isinstance(page, EventPage) or not (page_url := page.get_full_url()):
        return []
    urls = [page_url + page.reverse_subpage("ics")]
    first = timezone.localdate().replace(day=1)
    months = [
        datetime.date(first.year + (first.month - 1 + n) // 12, (first.month - 1 + n) % 12 + 1, 1)
        for n in range(MONTHS_AHEAD + 1)
    ]
    for index in EventIndexPage.objects.ancestor_of(page):
        if not (index_url := index.get_full_url()):
            continue
        subpages = [("archive", {}), ("calendar_feed", {})]
        if page.category_id:
            subpages.append(("category_feed", {"slug": page.category.slug}))
        subpages += [
            ("month", {"year": f"{month.year}", "month": f"{month.month:02d}"}) for month in months
        ]
        urls += [
            index_url + index.reverse_subpage(name, kwargs=kw or None) for name, kw in subpages
        ]
    return urls


# Once a day the stored dates move on, so that the window stays 18 months ahead.
hooks.register("kvarter_worker_minute", Occurrence.refresh_if_due)


@hooks.register("kvarter_load_demo_content", order=10)
def load(loader, home):
    demo.load_events(loader, home)


@hooks.register("kvarter_search_next_steps")
def see_whats_on(request):
    """A search that finds nothing points to the events page."""
    index = EventIndexPage.objects.live().public().filter(locale=Locale.get_active()).first()
    return (_("See what's on in the neighbourhood"), index) if index else None
