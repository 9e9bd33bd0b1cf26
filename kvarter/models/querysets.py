"""Page querysets whose `public()` runs no query of its own.

Wagtail's `public()` first loads every page view restriction, one query for each listing,
teaser and lookup on a page (six on the home page), although hardly any page is ever
restricted. Here the restrictions are a NOT EXISTS inside the listing's own statement, so
they cost nothing when there are none, and a restriction added or removed in the admin
applies at once, with nothing cached to go stale.
"""

from django.db.models import Exists, OuterRef, Q
from django.db.models.functions import Length, Substr

from wagtail.models import Page, PageManager, PageViewRestriction
from wagtail.query import PageQuerySet as WagtailPageQuerySet


class PageQuerySet(WagtailPageQuerySet):
    def private_q(self):
        """Pages inside a restricted section: the restricted page's path starts theirs."""
        restricted_sections = PageViewRestriction.objects.filter(
            page__path=Substr(OuterRef("path"), 1, Length("page__path"))
        )
        return Q(Exists(restricted_sections))


class KvarterPageManager(PageManager.from_queryset(PageQuerySet)):
    """Every page model's `objects` (BasePage)."""


def all_pages():
    """Pages of every type, as `Page.objects` but with this module's `public()`."""
    return PageQuerySet(Page)
