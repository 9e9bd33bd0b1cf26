"""How events plug into the base app: the home page's "what's on", its calendar link, demo data."""

from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.models import Locale

from kvarter.models import HomePage
from kvarter.sections import Section

from . import demo
from .choices import HOME_OCCURRENCES
from .models import EventIndexPage

# First on the home page, before the latest stories (10): what is on this week.
WHATS_ON_ORDER = 5


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
            "occurrences": index.upcoming_occurrences()[:HOME_OCCURRENCES],
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


@hooks.register("kvarter_load_demo_content", order=10)
def load(loader, home):
    demo.load_events(loader, home)


@hooks.register("kvarter_search_next_steps")
def see_whats_on(request):
    """A search that finds nothing points to the events page."""
    index = EventIndexPage.objects.live().public().filter(locale=Locale.get_active()).first()
    return (_("See what's on in the neighbourhood"), index) if index else None
