"""A draft edition from what is new: stories, the next 30 days of events (one item per event,
listing its dates), the newest Agerposten.

Staff then edit the intro, reorder or drop items and publish it like any page. When nothing is
new since the last edition that went out, no draft is made, so an empty newsletter cannot be
sent by accident.
"""

import datetime

from django.apps import apps
from django.conf import settings
from django.utils import timezone, translation
from django.utils.formats import date_format
from django.utils.text import slugify
from django.utils.translation import gettext

from wagtail.log_actions import log

from arrangementer.models import EventIndexPage
from kvarter.languages import add_child_in_every_language
from nyheder.models import StoryPage

from .models import EditionSend, NewsletterIndexPage, NewsletterPage

DEFAULT_SINCE_DAYS = 30
EVENT_DAYS = 30


class ComposeError(Exception):
    """The edition cannot be composed; the message is for staff."""


def latest_send():
    """The EditionSend of the edition that went out last, or None if none has yet."""
    return (
        EditionSend.objects.filter(
            status__in=[EditionSend.Status.SENDING, EditionSend.Status.FINISHED],
            started_at__isnull=False,
        )
        .select_related("edition")
        .order_by("-started_at")
        .first()
    )


def danish_index():
    index = (
        NewsletterIndexPage.objects.filter(locale__language_code=settings.LANGUAGE_CODE)
        .order_by("path")
        .first()
    )
    if index is None:
        raise ComposeError(
            gettext("There is no Danish newsletter page to put the edition under. Create it first.")
        )
    return index


def new_stories(since):
    return list(
        StoryPage.objects.live()
        .public()
        .filter(locale__language_code=settings.LANGUAGE_CODE, first_published_at__gt=since)
        .order_by("-date", "-first_published_at")
    )


def upcoming_occurrences(now):
    """Every date of every Danish event in the next EVENT_DAYS days, cancelled ones left out."""
    before = now + datetime.timedelta(days=EVENT_DAYS)
    occurrences = []
    indexes = EventIndexPage.objects.live().filter(locale__language_code=settings.LANGUAGE_CODE)
    for index in indexes:
        occurrences.extend(index.occurrences(now, before))
    return sorted(
        (occurrence for occurrence in occurrences if not occurrence.is_cancelled),
        key=lambda occurrence: (occurrence.start, occurrence.event.pk),
    )


def newest_issue():
    # Agerposten is an optional app: the newsletter must not import it.
    if not apps.is_installed("agerposten"):
        return None
    issue_page = apps.get_model("agerposten", "IssuePage")
    return (
        issue_page.objects.live()
        .public()
        .filter(locale__language_code=settings.LANGUAGE_CODE)
        .order_by("-date", "-number")
        .first()
    )


def announced(edition):
    """{event page id: [(first day, last day)]} of the event periods an edition announced."""
    periods = {}
    for item in edition.items:
        if item.block_type == "event" and item.value["event"] is not None:
            first = item.value["first_date"]
            last = item.value["last_date"] or first
            if first is not None:
                periods.setdefault(item.value["event"].pk, []).append((first, last))
    return periods


def is_announced(occurrence, periods):
    day = occurrence.local_date
    return any(first <= day <= last for first, last in periods.get(occurrence.event.pk, []))


def event_items(occurrences, first_day, last_day):
    """One item per event, in the order of its next date, with the period of its dates."""
    events = {}
    for occurrence in occurrences:
        events.setdefault(occurrence.event.pk, occurrence)
    return [
        {
            "type": "event",
            "value": {
                "event": pk,
                "first_date": first_day.isoformat(),
                "last_date": last_day.isoformat(),
            },
        }
        for pk in events
    ]


def unique_slug(index, base):
    taken = set(index.get_children().values_list("slug", flat=True))
    slug, number = base, 2
    while slug in taken:
        slug, number = f"{base}-{number}", number + 1
    return slug


def compose_edition(since=None, owner=None):
    """Create a draft edition with what is new since `since` (an aware datetime).

    Without `since`: since the last edition that went out, or the last DEFAULT_SINCE_DAYS days.
    Returns the draft NewsletterPage, or None when nothing is new (and then creates nothing).
    """
    index = danish_index()
    now = timezone.now()
    last_send = latest_send()
    if since is None:
        since = (
            last_send.started_at if last_send else now - datetime.timedelta(days=DEFAULT_SINCE_DAYS)
        )

    stories = new_stories(since)
    occurrences = upcoming_occurrences(now)
    issue = newest_issue()

    already = announced(last_send.edition) if last_send else {}
    new_occurrence = any(not is_announced(occurrence, already) for occurrence in occurrences)
    new_issue = issue is not None and (issue.first_published_at or now) > since
    if not (stories or new_occurrence or new_issue):
        return None

    today = timezone.localdate(now)
    items = [{"type": "story", "value": {"story": story.pk}} for story in stories]
    last_day = timezone.localdate(now + datetime.timedelta(days=EVENT_DAYS))
    items += event_items(occurrences, today, last_day)
    if issue is not None:
        items.append({"type": "issue", "value": {"issue": issue.pk}})

    with translation.override(settings.LANGUAGE_CODE):
        title = gettext("Newsletter %(date)s") % {"date": date_format(today, "j. F Y")}
        intro = gettext(
            "News from Charlottekvarteret: new stories and what is on in the coming weeks."
        )
    edition = NewsletterPage(
        title=title,
        slug=unique_slug(index, slugify(f"nyhedsbrev-{today.isoformat()}")),
        intro=intro,
        items=items,
        owner=owner,
        live=False,
        has_unpublished_changes=True,
        locale=index.locale,
    )
    add_child_in_every_language(index, edition)
    revision = edition.save_revision(user=owner, log_action=False)
    log(
        instance=edition,
        action="wagtail.create",
        user=owner,
        revision=revision,
        content_changed=True,
    )
    return edition
