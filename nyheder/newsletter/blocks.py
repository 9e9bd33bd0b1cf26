"""The items of an edition: stories, events (one item each, with its dates) and an Agerposten
issue.

Each item points at a page. The rendered mail shows that page in the reader's language when a
live translation exists, and leaves out pages that were deleted or unpublished since.
"""

import datetime

from django.apps import apps
from django.utils.translation import gettext_lazy as _

from wagtail import blocks

from arrangementer.recurrence import expand, localize
from arrangementer.wording import dates_text

from .constants import ITEM_TYPES

ONE_DAY = datetime.timedelta(days=1)


class LivePageValue(blocks.StructValue):
    def page(self):
        """The chosen page in the active language, or None when it is gone or unpublished."""
        page = self.get(self.page_field)
        if page is None or not page.live:
            return None
        return page.specific.localized

    @property
    def page_field(self):
        return next(iter(self.block.child_blocks))


class StoryItemBlock(blocks.StructBlock):
    story = blocks.PageChooserBlock(label=_("story"), page_type="nyheder.StoryPage")

    class Meta:
        icon = "doc-full"
        label = _("Story")
        description = _("A story, shown as a card with its image and introduction.")
        value_class = LivePageValue
        template = "email/items/story.html"


class EventValue(LivePageValue):
    """An event and the period of its dates the edition announces, listed in one line."""

    def occurrences(self):
        """The event's dates in the period, cancelled ones included (marked), moved ones at
        their new time: what the event page says now, not what it said when composed."""
        if "_occurrences" not in self.__dict__:
            page = self.page()
            first, last = self.get("first_date"), self.get("last_date")
            if page is None or first is None:
                self.__dict__["_occurrences"] = []
            else:
                after = localize(datetime.datetime.combine(first, datetime.time.min))
                before = localize(
                    datetime.datetime.combine((last or first) + ONE_DAY, datetime.time.min)
                )
                self.__dict__["_occurrences"] = expand(page, after, before)
        return self.__dict__["_occurrences"]

    def all_day(self):
        page = self.page()
        return page is not None and page.all_day

    def first_start(self):
        planned = [o for o in self.occurrences() if not o.is_cancelled]
        return planned[0].start if planned else None

    def when(self):
        """The planned dates in one line, in the active language: "tirsdag 8., 22. december
        og 5. januar kl. 10:00"."""
        starts = [o.start for o in self.occurrences() if not o.is_cancelled]
        return dates_text(starts, all_day=self.all_day())

    def cancelled(self):
        """The cancelled dates in one line ("tirsdag 15. december"), or empty."""
        starts = [o.start for o in self.occurrences() if o.is_cancelled]
        return dates_text(starts, all_day=True)


class EventItemBlock(blocks.StructBlock):
    event = blocks.PageChooserBlock(label=_("event"), page_type="arrangementer.EventPage")
    first_date = blocks.DateBlock(
        label=_("dates from"), help_text=_("The first day whose dates this edition announces.")
    )
    last_date = blocks.DateBlock(
        label=_("dates until"),
        required=False,
        help_text=_("The last day whose dates it announces. Empty: only the first day."),
    )

    class Meta:
        icon = "date"
        label = _("Event")
        description = _("An event with its dates in a period, shown in the list of what is on.")
        value_class = EventValue
        template = "email/items/event.html"


class IssueItemBlock(blocks.StructBlock):
    issue = blocks.PageChooserBlock(label=_("issue"), page_type="agerposten.IssuePage")

    class Meta:
        icon = "doc-full-inverse"
        label = _("Agerposten issue")
        description = _("The newest issue of Agerposten, with its cover.")
        value_class = LivePageValue
        template = "email/items/issue.html"


def item_blocks():
    items = [("story", StoryItemBlock()), ("event", EventItemBlock())]
    # Agerposten is an app of its own; the newsletter works without it.
    if apps.is_installed("agerposten"):
        items.append(("issue", IssueItemBlock()))
    return items


class NewsletterItemsBlock(blocks.StreamBlock):
    def __init__(self, **kwargs):
        super().__init__(item_blocks(), **kwargs)


def live_items_by_type(items):
    """An edition's items by type ("story", "event", "issue") as (block, page) pairs.

    `items` is the edition's stream, in the editor's order. Each page is in the active language
    where a live translation exists (else an alias there, whose content is Danish); items whose
    page was deleted or unpublished since are left out. The web page and the mail both group
    the items this way.
    """
    groups = {item_type: [] for item_type in ITEM_TYPES}
    for block in items:
        page = block.value.page()
        if page is not None:
            groups[block.block_type].append((block, page))
    return groups
