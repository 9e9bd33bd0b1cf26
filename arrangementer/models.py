"""Events: a calendar of what is on in the neighbourhood, with recurrence and iCalendar feeds.

The dates come from recurrence.py and the .ics text from ical.py; this module holds the data
and the pages that list it.
"""

import datetime

from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import connection, models, transaction
from django.db.models.functions import Collate
from django.dispatch import receiver
from django.http import Http404
from django.shortcuts import redirect
from django.utils import timezone, translation
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _

from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import path, re_path
from wagtail.models import Orderable, TranslatableMixin
from wagtail.search import index
from wagtail.signals import page_unpublished
from wagtail.snippets.models import register_snippet
from wagtail_localize.fields import SynchronizedField, TranslatableField

from dateutil.relativedelta import relativedelta

from kvarter.absolute_urls import absolute_url
from kvarter.images import SHARE_IMAGE_SPEC
from kvarter.models import BodyPage, HousingAreaMixin, RoutableMixin, TranslatedLabel

from . import ical
from .choices import (
    EVENT_LISTING_PAGE_SIZE,
    FEED_HISTORY_DAYS,
    FREQUENCY_CHOICES,
    FREQUENCY_NONE,
    INTERVAL_ERROR,
    INTERVAL_HELP,
    MAX_INTERVAL,
    MAX_OCCURRENCES,
    MONTHLY_WEEK_CHOICES,
    NEXT_DATES_DAYS,
    NEXT_DATES_LIMIT,
    STATUS_CANCELLED,
    STATUS_MOVED,
    STATUS_SCHEDULED,
    STORED_MONTHS_AHEAD,
    STORED_MONTHS_BACK,
    UPCOMING_DAYS,
    WEEKDAY_CHOICES,
)
from .forms import EventPageForm
from .recurrence import OccurrenceFacts, Schedule, expand, expand_all, local, localize
from .wording import schedule_text

# schema.org's eventStatus for each status of an occurrence.
SCHEMA_STATUS = {
    STATUS_SCHEDULED: "https://schema.org/EventScheduled",
    STATUS_CANCELLED: "https://schema.org/EventCancelled",
    STATUS_MOVED: "https://schema.org/EventRescheduled",
}
# schema.org's DayOfWeek, Monday first as in Python.
SCHEMA_WEEKDAYS = [
    f"https://schema.org/{day}"
    for day in ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")
]
# Listings break ties between dates at the same time by title as Python sorts strings (by code
# point), whatever collation the database would use.
CODE_POINT_COLLATIONS = {"postgresql": "C", "sqlite": "BINARY"}


class EventCategory(TranslatedLabel):
    """What kind of event: children, youth, culture, residents' meeting …"""

    slug = models.SlugField(
        _("slug"), max_length=80, help_text=_("Used in the web address of the category's feed.")
    )

    class Meta(TranslatedLabel.Meta):
        verbose_name = _("event category")
        verbose_name_plural = _("event categories")
        constraints = [
            models.UniqueConstraint(fields=["slug", "locale"], name="unique_event_category_slug")
        ]


register_snippet(EventCategory)


class EventIndexPage(RoutableMixin, BodyPage):
    """What is on: upcoming events, a month view, an archive and calendar feeds.

    The feeds live at …/ics/ rather than …/calendar.ics because Wagtail only routes paths made
    of words and slashes; the Content-Disposition header still names the file `.ics`.
    """

    menu_shortcut = ("calendar", 10)

    parent_page_types = ["kvarter.HomePage"]
    subpage_types = ["arrangementer.EventPage"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("event index page")
        verbose_name_plural = _("event index pages")

    # Data ---------------------------------------------------------------------

    def events(self):
        """Live, public events under this page, with what feeds and the archive need."""
        return (
            EventPage.objects.live()
            .public()
            .descendant_of(self)
            .select_related("category", "housing_area", "locale")
            .prefetch_related("breaks", "occurrence_changes")
        )

    @cached_property
    def categories_by_key(self):
        """The event categories in the reader's language, by translation key."""
        return EventCategory.by_translation_key(translation.get_language())

    def with_category_lookup(self, events):
        """`events` as a list, each given the categories in the reader's language."""
        events = list(events)
        for event in events:
            event.category_lookup = self.categories_by_key
        return events

    def stored_occurrences(self, after, before, category=None):
        """The stored dates of live, public events under this page that are on at some time
        between `after` and `before`, in order: one query with the page-restriction check
        inside it, however many there are."""
        events = EventPage.objects.live().public().descendant_of(self)
        if category is not None:
            events = events.filter(category__translation_key=category.translation_key)
        title = Collate("event__title", CODE_POINT_COLLATIONS[connection.vendor])
        return (
            Occurrence.objects.filter(event__in=events, end__gt=after, start__lt=before)
            .select_related("event__category", "event__housing_area", "event__locale")
            .defer("event__body")
            .order_by("start", title, "event__path")
        )

    def with_category_lookups(self, occurrences):
        """`occurrences` as a list, each event given the categories in the reader's language."""
        occurrences = list(occurrences)
        self.with_category_lookup(occurrence.event for occurrence in occurrences)
        return occurrences

    def occurrences(self, after, before, category=None):
        """The dates between `after` and `before`, as a list: stored ones where the stored
        window covers the period, otherwise worked out from the rules."""
        if OccurrenceWindow.covers(after, before):
            return self.with_category_lookups(self.stored_occurrences(after, before, category))
        events = self.events().filter(starts_at__lt=before, ends_at__gt=after)
        if category is not None:
            events = events.filter(category__translation_key=category.translation_key)
        return expand_all(self.with_category_lookup(events), after, before)

    def upcoming_occurrences(self, days=UPCOMING_DAYS, category=None, limit=None):
        """The stored dates of the next `days` days (the first `limit` of them)."""
        now = timezone.now()
        occurrences = self.stored_occurrences(now, now + datetime.timedelta(days=days), category)
        return self.with_category_lookups(occurrences[:limit])

    def feed_events(self, category=None):
        events = self.events().filter(
            ends_at__gte=timezone.now() - datetime.timedelta(days=FEED_HISTORY_DAYS)
        )
        if category is not None:
            events = events.filter(category__translation_key=category.translation_key)
        return self.with_category_lookup(events.order_by("starts_at"))

    def category_from_slug(self, slug):
        # A category's slug is the same in every language.
        category = next((c for c in self.categories_by_key.values() if c.slug == slug), None)
        if category is None:
            raise Http404("Unknown event category")
        return category

    def feed_links(self, request, category=None):
        """The https and webcal addresses of the calendar feed, for all events or one category."""
        if category is None:
            path = self.subpage_url("calendar_feed", request=request)
        else:
            path = self.subpage_url("category_feed", request=request, slug=category.slug)
        https = request.build_absolute_uri(path)
        return {"https": https, "webcal": "webcal://" + https.split("://", 1)[1]}

    def month_url(self, request, month):
        return self.subpage_url(
            "month", request=request, year=f"{month.year}", month=f"{month.month:02d}"
        )

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["categories"] = sorted(
            self.categories_by_key.values(), key=lambda category: category.name
        )
        context["month_url"] = self.subpage_url("current_month", request=request)
        context["archive_url"] = self.subpage_url("archive", request=request)
        return context

    # Views --------------------------------------------------------------------

    @path("", name="upcoming")
    def upcoming_view(self, request):
        category = None
        if request.GET.get("category"):
            category = self.category_from_slug(request.GET["category"])
        now = timezone.now()
        upcoming = self.stored_occurrences(
            now, now + datetime.timedelta(days=UPCOMING_DAYS), category
        )
        occurrences = Paginator(upcoming, EVENT_LISTING_PAGE_SIZE).get_page(request.GET.get("page"))
        # Looking the page's dates up fills the page with these same objects.
        self.with_category_lookups(occurrences)
        return self.render(
            request,
            context_overrides={
                "occurrences": occurrences,
                "category": category,
                "feed": self.feed_links(request, category),
                "upcoming_days": UPCOMING_DAYS,
                "extra_query": f"category={category.slug}" if category else "",
            },
        )

    @path("month/", name="current_month")
    def current_month_view(self, request):
        return redirect(self.month_url(request, timezone.localdate()))

    @re_path(r"^month/(?P<year>\d{4})-(?P<month>\d{2})/$", name="month")
    def month_view(self, request, year, month):
        year, month = int(year), int(month)
        if not (1 <= month <= 12 and 1900 <= year <= 2999):
            raise Http404("No such month")
        first = datetime.date(year, month, 1)
        following = (first + datetime.timedelta(days=31)).replace(day=1)
        previous = (first - datetime.timedelta(days=1)).replace(day=1)
        occurrences = self.occurrences(
            localize(datetime.datetime.combine(first, datetime.time.min)),
            localize(datetime.datetime.combine(following, datetime.time.min)),
        )
        days = {}
        for occurrence in occurrences:
            days.setdefault(max(occurrence.local_date, first), []).append(occurrence)
        return self.render(
            request,
            template="arrangementer/event_month.html",
            context_overrides={
                "month_start": first,
                "days": sorted(days.items()),
                "previous_month": previous,
                "previous_url": self.month_url(request, previous),
                "next_month": following,
                "next_url": self.month_url(request, following),
            },
        )

    @path("archive/", name="archive")
    def archive_view(self, request):
        events = self.events().filter(ends_at__lt=timezone.now()).order_by("-ends_at", "-starts_at")
        page = Paginator(events, EVENT_LISTING_PAGE_SIZE).get_page(request.GET.get("page"))
        # Looking the page's events up fills the page with these same objects.
        self.with_category_lookup(page)
        return self.render(
            request, template="arrangementer/event_archive.html", context_overrides={"events": page}
        )

    @path("ics/", name="calendar_feed")
    def calendar_feed_view(self, request):
        return ical.calendar_response(
            self.feed_events(),
            ical.calendar_title(),
            request,
            filename="charlottekvarteret.ics",
        )

    @path("category/<slug:slug>/ics/", name="category_feed")
    def category_feed_view(self, request, slug):
        category = self.category_from_slug(slug)
        return ical.calendar_response(
            self.feed_events(category),
            ical.calendar_title(category),
            request,
            filename=f"charlottekvarteret-{category.slug}.ics",
        )


class EventPage(HousingAreaMixin, RoutableMixin, BodyPage):
    """One event, which may repeat weekly or monthly."""

    start = models.DateTimeField(_("starts"), help_text=_("Danish time."))
    end = models.DateTimeField(_("ends"), help_text=_("Danish time."))
    all_day = models.BooleanField(
        _("all day"), default=False, help_text=_("Only the dates are shown, not the times.")
    )
    address = models.CharField(_("address"), max_length=200, blank=True)
    room = models.CharField(
        _("room"), max_length=120, blank=True, help_text=_("For example: the community house hall")
    )
    category = models.ForeignKey(
        EventCategory,
        verbose_name=_("category"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    audience = models.CharField(
        _("for whom"), max_length=160, blank=True, help_text=_("For example: children aged 6–12")
    )
    languages = models.JSONField(_("languages spoken"), default=list, blank=True)
    price = models.CharField(
        _("price"), max_length=80, blank=True, help_text=_("Leave empty if the event is free.")
    )
    registration_url = models.URLField(
        _("registration link"),
        blank=True,
        help_text=_("Leave empty if people can just come."),
    )

    frequency = models.CharField(
        _("repeats"), max_length=10, choices=FREQUENCY_CHOICES, default=FREQUENCY_NONE
    )
    weekdays = models.JSONField(_("weekdays"), default=list, blank=True)
    monthly_week = models.SmallIntegerField(
        _("which week (monthly)"), choices=MONTHLY_WEEK_CHOICES, null=True, blank=True
    )
    monthly_weekday = models.SmallIntegerField(
        _("which weekday (monthly)"),
        choices=WEEKDAY_CHOICES,
        null=True,
        blank=True,
        help_text=_("For example: the second Tuesday. Empty: the weekday of the first date."),
    )
    repeat_interval = models.PositiveSmallIntegerField(
        _("interval"),
        default=1,
        validators=[
            MinValueValidator(1, message=INTERVAL_ERROR),
            MaxValueValidator(MAX_INTERVAL, message=INTERVAL_ERROR),
        ],
        help_text=INTERVAL_HELP,
    )
    repeat_until = models.DateField(_("repeat until"), null=True, blank=True)
    repeat_count = models.PositiveSmallIntegerField(
        _("number of times"),
        null=True,
        blank=True,
        validators=[MinValueValidator(1), MaxValueValidator(MAX_OCCURRENCES)],
    )

    # Kept up to date in save(): the span of all occurrences (for fast listing queries), and
    # the iCalendar SEQUENCE, which goes up whenever the dates or times change.
    starts_at = models.DateTimeField(editable=False, null=True, db_index=True)
    ends_at = models.DateTimeField(editable=False, null=True, db_index=True)
    sequence = models.PositiveIntegerField(editable=False, default=0)
    schedule_hash = models.CharField(editable=False, max_length=32, blank=True)

    parent_page_types = ["arrangementer.EventIndexPage"]
    subpage_types = []

    base_form_class = EventPageForm

    content_panels = BodyPage.panels_with(
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("start"), FieldPanel("end")]),
                FieldPanel("all_day"),
            ],
            heading=_("When"),
        ),
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("frequency"), FieldPanel("repeat_interval")]),
                FieldPanel("weekdays"),
                FieldRowPanel([FieldPanel("monthly_week"), FieldPanel("monthly_weekday")]),
                FieldRowPanel([FieldPanel("repeat_until"), FieldPanel("repeat_count")]),
            ],
            heading=_("Repeats"),
            help_text=_("A repeating event needs an end: either a last date or a number of times."),
        ),
        InlinePanel(
            "breaks",
            heading=_("Dates when it does not take place"),
            label=_("Break"),
            help_text=_("For example the school holidays. Leave the last day empty for one day."),
        ),
        InlinePanel(
            "occurrence_changes",
            heading=_("Cancelled or moved dates"),
            label=_("Change"),
        ),
        MultiFieldPanel(
            [*HousingAreaMixin.panels, FieldPanel("address"), FieldPanel("room")],
            heading=_("Where"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("category"),
                FieldPanel("audience"),
                FieldPanel("languages"),
                FieldPanel("price"),
                FieldPanel("registration_url"),
            ],
            heading=_("Who and how"),
        ),
    )
    search_fields = [
        *BodyPage.search_fields,
        index.SearchField("audience"),
        index.SearchField("room"),
    ]
    translatable_fields = [
        *BodyPage.translatable_fields,
        *HousingAreaMixin.translatable_fields,
        SynchronizedField("start"),
        SynchronizedField("end"),
        SynchronizedField("all_day"),
        SynchronizedField("address"),
        TranslatableField("room"),
        SynchronizedField("category"),
        TranslatableField("audience"),
        SynchronizedField("languages"),
        TranslatableField("price"),
        SynchronizedField("registration_url"),
        SynchronizedField("frequency"),
        SynchronizedField("weekdays"),
        SynchronizedField("monthly_week"),
        SynchronizedField("monthly_weekday"),
        SynchronizedField("repeat_interval"),
        SynchronizedField("repeat_until"),
        SynchronizedField("repeat_count"),
        # The dates are synchronised; the reasons and notes are translated with the page.
        TranslatableField("breaks"),
        TranslatableField("occurrence_changes"),
    ]

    class Meta:
        verbose_name = _("event page")
        verbose_name_plural = _("event pages")

    # Schedule -------------------------------------------------------------

    @property
    def schedule(self):
        return Schedule.from_fields({name: getattr(self, name) for name in Schedule.field_names()})

    @property
    def is_recurring(self):
        return self.frequency != FREQUENCY_NONE

    @property
    def first_start(self):
        """When the first occurrence starts (the rule may begin after the first date entered)."""
        return self.schedule.first_start() or self.start

    def excluded_dates(self):
        """Every day within a break."""
        excluded = set()
        for pause in self.breaks.all():
            day = pause.start_date
            while day <= pause.last_date:
                excluded.add(day)
                day += datetime.timedelta(days=1)
        return excluded

    def changes_by_date(self):
        return {change.original_date: change for change in self.occurrence_changes.all()}

    def clean(self):
        super().clean()
        errors = {}
        if self.start and self.end and self.end < self.start:
            errors["end"] = _("The event cannot end before it starts.")
        if self.frequency != FREQUENCY_NONE:
            if not self.repeat_until and not self.repeat_count:
                errors["repeat_until"] = _(
                    "A repeating event needs an end: fill in a last date or a number of times."
                )
            elif self.repeat_until and self.repeat_count:
                errors["repeat_count"] = _("Fill in a last date or a number of times, not both.")
            elif self.repeat_until and self.start and self.repeat_until < local(self.start).date():
                errors["repeat_until"] = _("The last date cannot be before the first date.")
        if errors:
            raise ValidationError(errors)

    def save(self, *args, **kwargs):
        """Also store the dates, on every full save: publishing, creating or updating an alias,
        copying. A draft (saved with `update_fields`) changes nothing that is shown."""
        full_save = kwargs.get("update_fields") is None
        if self.start and self.end and full_save:
            self._update_schedule_fields()
        super().save(*args, **kwargs)
        # After the save, which committed the breaks and changes the dates depend on.
        if full_save:
            Occurrence.store(self)

    def _update_schedule_fields(self):
        """Refresh the occurrence span, and bump SEQUENCE when the schedule changed.

        The comparison is with the database row rather than with this object, which may have
        been restored from an older revision.
        """
        schedule = self.schedule
        breaks = [f"{pause.start_date}/{pause.end_date}" for pause in self.breaks.all()]
        changes = [
            f"{c.original_date}/{c.cancelled}/{c.new_start}/{c.new_end}"
            for c in self.occurrence_changes.all()
        ]
        fingerprint = schedule.fingerprint(breaks, changes)
        stored = None
        if self.pk:
            stored = (
                EventPage.objects.filter(pk=self.pk).values("sequence", "schedule_hash").first()
            )
        if stored is not None:
            self.sequence = stored["sequence"]
            if stored["schedule_hash"] and stored["schedule_hash"] != fingerprint:
                self.sequence += 1
        self.schedule_hash = fingerprint
        # A rule that picks no day (refused in the editor) still gets a span: its first date.
        starts = schedule.original_starts() or [schedule.start]
        moved = [c for c in self.occurrence_changes.all() if c.new_start]
        self.starts_at = min([starts[0], *(c.new_start for c in moved)])
        self.ends_at = max(
            [starts[-1] + schedule.duration, *(schedule.moved_end(c) for c in moved)]
        )

    @cached_property
    def next_occurrences(self):
        """The next dates within a year, cancelled ones included (and marked): one query."""
        now = timezone.now()
        occurrences = list(
            self.occurrences.filter(
                end__gt=now, start__lt=now + datetime.timedelta(days=NEXT_DATES_DAYS)
            ).order_by("start")[:NEXT_DATES_LIMIT]
        )
        for occurrence in occurrences:
            occurrence.event = self
        return occurrences

    def expanded_next_occurrences(self):
        """The next dates as the page's own fields make them, stored or not."""
        now = timezone.now()
        return expand(self, now, now + datetime.timedelta(days=NEXT_DATES_DAYS))[:NEXT_DATES_LIMIT]

    def upcoming_breaks(self):
        today = timezone.localdate()
        return [pause for pause in self.breaks.all() if pause.last_date >= today]

    # Display ----------------------------------------------------------------

    @cached_property
    def localized_category(self):
        """The category in the reader's language (from the listing's lookup when there is one)."""
        if self.category is None:
            return None
        lookup = getattr(self, "category_lookup", None)
        if lookup is None:
            lookup = EventCategory.by_translation_key(translation.get_language())
        return lookup.get(self.category.translation_key, self.category)

    @property
    def is_free(self):
        return not self.price

    def language_names(self):
        """(code, name) of each language spoken, named in that language."""
        names = dict(settings.LANGUAGES)
        return [(code, names[code]) for code in self.languages if code in names]

    @property
    def location_text(self):
        parts = [self.room, self.address.replace("\n", ", ")]
        if self.housing_area:
            parts.append(self.housing_area.name)
        return ", ".join(part for part in parts if part)

    @property
    def recurrence_text(self):
        """How the event repeats and ends, in words: "Every other Tuesday until 30 June 2027"."""
        return schedule_text(self.schedule)

    @property
    def ical_uid(self):
        """Never changes: the page's translation key and language, not its title or id."""
        return f"{self.translation_key}-{self.locale.language_code}@charlottekvarteret"

    def ics_url(self, request=None):
        return self.subpage_url("ics", request=request)

    def structured_data(self, request):
        """schema.org Event, for `{% json_ld page %}`.

        A repeating event is described by its next occurrence, with that occurrence's status.
        """
        occurrence = self.next_occurrences[0] if self.next_occurrences else None
        start, end, status = self.start, self.end, SCHEMA_STATUS[STATUS_SCHEDULED]
        if occurrence is not None:
            start, end, status = occurrence.start, occurrence.end, SCHEMA_STATUS[occurrence.status]

        def when(value):
            value = local(value)
            return (value.date() if self.all_day else value).isoformat()

        address = {"@type": "PostalAddress", "addressCountry": "DK"}
        if self.address:
            address["streetAddress"] = self.address.replace("\n", ", ")
        data = {
            "@context": "https://schema.org",
            "@type": "Event",
            "name": self.title,
            "description": self.intro,
            "startDate": when(start),
            "endDate": when(end),
            "eventStatus": status,
            "eventAttendanceMode": "https://schema.org/OfflineEventAttendanceMode",
            "location": {
                "@type": "Place",
                "name": self.location_text or self.title,
                "address": address,
            },
            "inLanguage": self.languages or [self.locale.language_code],
            "isAccessibleForFree": self.is_free,
            "url": self.get_full_url(request),
        }
        if self.is_recurring:
            data["eventSchedule"] = self.schema_schedule()
        if occurrence is not None and occurrence.is_moved:
            data["previousStartDate"] = when(occurrence.original_start)
        if not self.is_free:
            data["offers"] = {
                "@type": "Offer",
                "description": self.price,
                "url": self.get_full_url(request),
            }
        if self.image:
            data["image"] = absolute_url(request, self.image.get_rendition(SHARE_IMAGE_SPEC).url)
        return data

    def schema_schedule(self):
        """The repeat rule as a schema.org Schedule: "P2W" on Tuesdays, until or a count."""
        schedule = self.schedule
        parts = schedule.rrule_parts()
        unit = "W" if parts["freq"] == "WEEKLY" else "M"
        first = local(schedule.first_start() or schedule.start)
        data = {
            "@type": "Schedule",
            "repeatFrequency": f"P{parts['interval']}{unit}",
            "startDate": first.date().isoformat(),
            "scheduleTimezone": settings.TIME_ZONE,
        }
        if parts["freq"] == "WEEKLY":
            data["byDay"] = [SCHEMA_WEEKDAYS[day] for day in parts["byweekday"]]
        else:
            weekday, week = parts["byweekday"][0]
            data["byDay"] = [SCHEMA_WEEKDAYS[weekday]]
            # schema.org counts weeks of the month 1 to 5; "the last" has no number there.
            if week > 0:
                data["byMonthWeek"] = week
        if not self.all_day:
            data["startTime"] = first.time().isoformat(timespec="minutes")
            data["endTime"] = local(first + schedule.duration).time().isoformat(timespec="minutes")
        if schedule.repeat_until:
            data["endDate"] = schedule.repeat_until.isoformat()
        elif schedule.repeat_count:
            data["repeatCount"] = schedule.repeat_count
        return data

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        if getattr(request, "is_preview", False):
            # A draft's dates are stored only when it is published: a preview works them out.
            self.next_occurrences = self.expanded_next_occurrences()
        context["next_occurrences"] = self.next_occurrences
        context["upcoming_breaks"] = self.upcoming_breaks()
        context["ics_url"] = request.build_absolute_uri(self.ics_url(request))
        parent = self.get_parent().specific
        if isinstance(parent, EventIndexPage):
            context["feed"] = parent.feed_links(request)
        return context

    @path("ics/", name="ics")
    def ics_view(self, request):
        with translation.override(self.locale.language_code):
            return ical.calendar_response([self], self.title, request, filename=f"{self.slug}.ics")


class EventBreak(TranslatableMixin, Orderable):
    """A date or period when a repeating event does not take place, e.g. a school holiday.

    Translatable so that its reason reads in the reader's language; it takes its page's locale.
    """

    page = ParentalKey(EventPage, on_delete=models.CASCADE, related_name="breaks")
    start_date = models.DateField(_("date or first day"))
    end_date = models.DateField(_("last day"), null=True, blank=True)
    label = models.CharField(
        _("reason"), max_length=120, blank=True, help_text=_("For example: winter holiday")
    )

    panels = [
        FieldRowPanel([FieldPanel("start_date"), FieldPanel("end_date")]),
        FieldPanel("label"),
    ]
    translatable_fields = [
        SynchronizedField("start_date"),
        SynchronizedField("end_date"),
        TranslatableField("label"),
    ]

    class Meta(TranslatableMixin.Meta, Orderable.Meta):
        verbose_name = _("break")
        verbose_name_plural = _("breaks")

    def __str__(self):
        return f"{self.start_date}–{self.last_date}"

    @property
    def last_date(self):
        """The last day of the break; a break of one day has no end date."""
        return self.end_date or self.start_date


class OccurrenceChange(TranslatableMixin, Orderable):
    """One date of an event that is cancelled or moved; its note is translated with the page."""

    page = ParentalKey(EventPage, on_delete=models.CASCADE, related_name="occurrence_changes")
    original_date = models.DateField(_("original date"))
    cancelled = models.BooleanField(_("cancelled"), default=False)
    new_start = models.DateTimeField(
        _("new start"), null=True, blank=True, help_text=_("Danish time. Empty if cancelled.")
    )
    new_end = models.DateTimeField(
        _("new end"), null=True, blank=True, help_text=_("Empty: the usual length.")
    )
    note = models.CharField(
        _("note"),
        max_length=200,
        blank=True,
        help_text=_("For example: moved because of the election"),
    )

    panels = [
        FieldPanel("original_date"),
        FieldPanel("cancelled"),
        FieldRowPanel([FieldPanel("new_start"), FieldPanel("new_end")]),
        FieldPanel("note"),
    ]
    translatable_fields = [
        SynchronizedField("original_date"),
        SynchronizedField("cancelled"),
        SynchronizedField("new_start"),
        SynchronizedField("new_end"),
        TranslatableField("note"),
    ]

    class Meta(TranslatableMixin.Meta, Orderable.Meta):
        verbose_name = _("cancelled or moved date")
        verbose_name_plural = _("cancelled or moved dates")

    def __str__(self):
        return str(self.original_date)

    def clean(self):
        super().clean()
        if not self.cancelled and not self.new_start:
            raise ValidationError({"new_start": _("Tick “cancelled” or give the new start time.")})
        if self.cancelled and self.new_start:
            raise ValidationError(
                {"new_start": _("A cancelled date cannot also be moved. Choose one.")}
            )
        if self.new_start and self.new_end and self.new_end < self.new_start:
            raise ValidationError({"new_end": _("The new end cannot be before the new start.")})


class OccurrenceWindow(models.Model):
    """The period whose dates are stored (one row), and when it was last moved forward."""

    stored_from = models.DateTimeField()
    stored_until = models.DateTimeField()
    refreshed_at = models.DateTimeField()

    # The worker moves the window forward when it is older than this.
    REFRESH_AFTER = datetime.timedelta(days=1)

    def move_to(self, now):
        """From the first day of the month a year back to 18 months ahead of `now`."""
        month = local(now).date().replace(day=1) - relativedelta(months=STORED_MONTHS_BACK)
        self.stored_from = localize(datetime.datetime.combine(month, datetime.time.min))
        self.stored_until = now + relativedelta(months=STORED_MONTHS_AHEAD)
        self.refreshed_at = now

    @classmethod
    def locked(cls):
        """The window, locked until the transaction ends, so that storing one event's dates and
        refreshing all of them never interleave; made for now if there is none yet."""
        window = cls.objects.select_for_update().filter(pk=1).first()
        if window is None:
            window = cls(pk=1)
            window.move_to(timezone.now())
            window.save()
        return window

    @classmethod
    def covers(cls, after, before):
        return cls.objects.filter(stored_from__lte=after, stored_until__gte=before).exists()

    @classmethod
    def is_due(cls):
        """One small query: has nothing moved the window forward for a day?"""
        fresh = timezone.now() - cls.REFRESH_AFTER
        return not cls.objects.filter(refreshed_at__gt=fresh).exists()


class Occurrence(OccurrenceFacts, models.Model):
    """One date of a live event page within the stored window, with its status and note.

    Stored whenever the page is saved in full (EventPage.save) and all of them once a day by
    the worker (refresh_all), so that listings read dates instead of expanding every rule on
    every request. Every page has its own, translations and aliases too: a translation's
    notes are in its language. Deleting the page deletes them; unpublishing it removes them.
    """

    event = models.ForeignKey(EventPage, on_delete=models.CASCADE, related_name="occurrences")
    start = models.DateTimeField(db_index=True)
    end = models.DateTimeField()
    original_start = models.DateTimeField()
    status = models.CharField(max_length=10, default=STATUS_SCHEDULED)
    note = models.CharField(max_length=200, blank=True)

    class Meta:
        constraints = [
            models.UniqueConstraint(
                fields=["event", "original_start"], name="unique_occurrence_per_event"
            )
        ]

    def __str__(self):
        return f"{self.event_id} {self.start:%Y-%m-%d %H:%M}"

    @classmethod
    def rows_for(cls, event, window):
        if not event.live or not (event.start and event.end):
            return []
        return [
            cls(
                event=event,
                start=occurrence.start,
                end=occurrence.end,
                original_start=occurrence.original_start,
                status=occurrence.status,
                note=occurrence.note,
            )
            for occurrence in expand(event, window.stored_from, window.stored_until)
        ]

    @classmethod
    def store(cls, event):
        """Replace the stored dates of `event` (none when it is not live)."""
        with transaction.atomic():
            window = OccurrenceWindow.locked()
            cls.objects.filter(event=event).delete()
            cls.objects.bulk_create(cls.rows_for(event, window))

    @classmethod
    def refresh_all(cls, now=None):
        """Move the window forward to `now` and store the dates of every live event again.

        Returns the number of dates stored."""
        now = now or timezone.now()
        with transaction.atomic():
            window = OccurrenceWindow.locked()
            window.move_to(now)
            cls.objects.all().delete()
            events = (
                EventPage.objects.live()
                .defer_streamfields()
                .prefetch_related("breaks", "occurrence_changes")
            )
            rows = [
                row
                for event in events.iterator(chunk_size=200)
                for row in cls.rows_for(event, window)
            ]
            cls.objects.bulk_create(rows, batch_size=500)
            window.save()
        return len(rows)

    @classmethod
    def refresh_if_due(cls):
        """The worker's minute run: refresh once a day, and otherwise ask one small query."""
        if OccurrenceWindow.is_due():
            cls.refresh_all()


@receiver(page_unpublished, sender=EventPage)
def remove_unpublished_occurrences(sender, instance, **kwargs):
    """Wagtail unpublishes an alias or an expired page through the base Page model, whose
    save() is not EventPage's; its signal names the event."""
    Occurrence.objects.filter(event=instance).delete()
