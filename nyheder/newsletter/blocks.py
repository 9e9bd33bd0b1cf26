"""The items of an edition: stories, event dates and an Agerposten issue.

Each item points at a page. The rendered mail shows that page in the reader's language when a
live translation exists, and leaves out pages that were deleted or unpublished since.
"""

from django.apps import apps
from django.utils import timezone
from django.utils.formats import date_format, time_format
from django.utils.translation import gettext
from django.utils.translation import gettext_lazy as _

from wagtail import blocks

from .constants import ITEM_TYPES


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
    def local_start(self):
        return timezone.localtime(self["starts_at"])

    def when(self):
        """Weekday, date and (unless the event lasts all day) time, in the active language."""
        start = self.local_start()
        day = f"{date_format(start, 'l')} {date_format(start, 'DATE_FORMAT')}"
        event = self["event"]
        if event is None or event.specific.all_day:
            return day
        # Translators: an event's date and its start time, e.g. "Saturday 5 December at 16:00".
        return gettext("%(date)s at %(time)s") % {"date": day, "time": time_format(start)}


class EventItemBlock(blocks.StructBlock):
    event = blocks.PageChooserBlock(label=_("event"), page_type="arrangementer.EventPage")
    starts_at = blocks.DateTimeBlock(
        label=_("date and time"), help_text=_("The date of the event this edition announces.")
    )

    class Meta:
        icon = "date"
        label = _("Event")
        description = _("One date of an event, shown in the list of what is on.")
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
