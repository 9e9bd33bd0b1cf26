"""Events: a calendar of what is on in the neighbourhood, with recurrence and iCalendar feeds."""

import datetime
import json

from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.core.serializers.json import DjangoJSONEncoder
from django.core.validators import MaxValueValidator, MinValueValidator
from django.db import models
from django.http import Http404
from django.shortcuts import redirect
from django.utils import timezone, translation
from django.utils.dates import WEEKDAYS
from django.utils.functional import cached_property
from django.utils.safestring import mark_safe
from django.utils.translation import gettext_lazy as _

from modelcluster.fields import ParentalKey
from wagtail.admin.forms import WagtailAdminPageForm
from wagtail.admin.panels import FieldPanel, FieldRowPanel, InlinePanel, MultiFieldPanel
from wagtail.contrib.routable_page.models import RoutablePageMixin, path, re_path
from wagtail.models import Orderable, TranslatableMixin
from wagtail.search import index
from wagtail.snippets.models import register_snippet
from wagtail_localize.fields import SynchronizedField, TranslatableField

from kvarter import calendar

from .base import BasePage
from .pages import BodyMixin

UPCOMING_DAYS = 60
EVENT_LISTING_PAGE_SIZE = 20
# Past events stay in the subscribable feeds for a while, so calendars keep their history.
FEED_HISTORY_DAYS = 365


class EventCategory(TranslatableMixin, models.Model):
    """What kind of event: children, youth, culture, residents' meeting …"""

    name = models.CharField(_("name"), max_length=80)
    slug = models.SlugField(
        _("slug"), max_length=80, help_text=_("Used in the web address of the category's feed.")
    )

    panels = [FieldPanel("name"), FieldPanel("slug")]
    translatable_fields = [TranslatableField("name"), SynchronizedField("slug")]

    class Meta(TranslatableMixin.Meta):
        verbose_name = _("event category")
        verbose_name_plural = _("event categories")
        ordering = ["name"]
        constraints = [
            models.UniqueConstraint(fields=["slug", "locale"], name="unique_event_category_slug")
        ]

    def __str__(self):
        return self.name


register_snippet(EventCategory)


def _categories(language_code):
    """The categories in one language, by translation key: one query per request.

    Pages pass their content language, so a Danish fallback page shows Danish category names.
    """
    return {
        category.translation_key: category
        for category in EventCategory.objects.filter(locale__language_code=language_code)
    }


class EventIndexPage(RoutablePageMixin, BodyMixin, BasePage):
    """What is on: upcoming events, a month view, an archive and calendar feeds.

    The feeds live at …/ics/ rather than …/calendar.ics because Wagtail only routes paths made
    of words and slashes; the Content-Disposition header still names the file `.ics`.
    """

    parent_page_types = ["kvarter.HomePage"]
    subpage_types = ["kvarter.EventPage"]
    max_count_per_parent = 1

    content_panels = [*BasePage.content_panels, *BodyMixin.content_panels]
    search_fields = [*BasePage.search_fields, *BodyMixin.search_fields]
    translatable_fields = [*BasePage.translatable_fields, *BodyMixin.translatable_fields]

    class Meta:
        verbose_name = _("event index page")

    def events(self):
        """Live, public events under this page, with what listings and feeds need."""
        return (
            EventPage.objects.live()
            .public()
            .descendant_of(self)
            .select_related("image", "category", "housing_area", "locale")
            .prefetch_related("image__renditions", "exceptions", "occurrence_changes")
        )

    def occurrences(self, after, before, category=None):
        events = self.events().filter(starts_at__lt=before, ends_at__gt=after)
        if category is not None:
            events = events.filter(category__translation_key=category.translation_key)
        categories = _categories(self.content_language)
        events = list(events)
        for event in events:
            event.active_categories = categories
        return calendar.expand_all(events, after, before)

    def upcoming_occurrences(self, days=UPCOMING_DAYS, category=None):
        now = timezone.now()
        return self.occurrences(now, now + datetime.timedelta(days=days), category)

    def category_from_slug(self, slug):
        category = EventCategory.objects.filter(
            slug=slug, locale__language_code=self.content_language
        ).first()
        if category is None:
            raise Http404("Unknown event category")
        return category

    def subpage_url(self, name, request=None, **kwargs):
        return self.get_url(request) + self.reverse_subpage(name, kwargs=kwargs)

    def feed_links(self, request, category=None):
        """The https and webcal addresses of the calendar feed, for all events or one category."""
        if category is None:
            path = self.subpage_url("calendar_feed", request)
        else:
            path = self.subpage_url("category_feed", request, slug=category.slug)
        https = request.build_absolute_uri(path)
        return {"https": https, "webcal": "webcal://" + https.split("://", 1)[1]}

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["categories"] = EventCategory.objects.filter(
            locale__language_code=self.content_language
        )
        context["month_url"] = self.subpage_url("current_month", request)
        context["archive_url"] = self.subpage_url("archive", request)
        return context

    @path("")
    def upcoming(self, request):
        category = None
        if request.GET.get("category"):
            category = self.category_from_slug(request.GET["category"])
        occurrences = Paginator(
            self.upcoming_occurrences(category=category), EVENT_LISTING_PAGE_SIZE
        ).get_page(request.GET.get("page"))
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
    def current_month(self, request):
        today = timezone.localdate()
        return redirect(
            self.subpage_url("month", request, year=f"{today.year}", month=f"{today.month:02d}")
        )

    @re_path(r"^month/(?P<year>\d{4})-(?P<month>\d{2})/$", name="month")
    def month(self, request, year, month):
        year, month = int(year), int(month)
        if not (1 <= month <= 12 and 1900 <= year <= 2999):
            raise Http404("No such month")
        first = datetime.date(year, month, 1)
        following = (first + datetime.timedelta(days=31)).replace(day=1)
        previous = (first - datetime.timedelta(days=1)).replace(day=1)
        occurrences = self.occurrences(
            calendar.localize(datetime.datetime.combine(first, datetime.time.min)),
            calendar.localize(datetime.datetime.combine(following, datetime.time.min)),
        )
        days = {}
        for occurrence in occurrences:
            days.setdefault(max(occurrence.local_date, first), []).append(occurrence)
        return self.render(
            request,
            template="kvarter/event_month.html",
            context_overrides={
                "month_start": first,
                "days": sorted(days.items()),
                "previous_month": previous,
                "previous_url": self.subpage_url(
                    "month", request, year=f"{previous.year}", month=f"{previous.month:02d}"
                ),
                "next_month": following,
                "next_url": self.subpage_url(
                    "month", request, year=f"{following.year}", month=f"{following.month:02d}"
                ),
            },
        )

    @path("archive/", name="archive")
    def archive(self, request):
        events = self.events().filter(ends_at__lt=timezone.now()).order_by("-ends_at", "-starts_at")
        page = Paginator(events, EVENT_LISTING_PAGE_SIZE).get_page(request.GET.get("page"))
        categories = _categories(self.content_language)
        for event in page:
            event.active_categories = categories
        return self.render(
            request, template="kvarter/event_archive.html", context_overrides={"events": page}
        )

    def feed_events(self, category=None):
        events = self.events().filter(
            ends_at__gte=timezone.now() - datetime.timedelta(days=FEED_HISTORY_DAYS)
        )
        if category is not None:
            events = events.filter(category__translation_key=category.translation_key)
        categories = _categories(self.content_language)
        events = list(events.order_by("starts_at"))
        for event in events:
            event.active_categories = categories
        return events

    @path("ics/", name="calendar_feed")
    def calendar_feed(self, request):
        return calendar.calendar_response(
            self.feed_events(),
            calendar.calendar_title(),
            request,
            filename="charlottekvarteret.ics",
        )

    @path("category/<slug:slug>/ics/", name="category_feed")
    def category_feed(self, request, slug):
        category = self.category_from_slug(slug)
        return calendar.calendar_response(
            self.feed_events(category),
            calendar.calendar_title(category),
            request,
            filename=f"charlottekvarteret-{category.slug}.ics",
        )


class EventPageForm(WagtailAdminPageForm):
    """Checkbox lists for the JSON list fields, and checks that need the inline rows."""

    languages = forms.MultipleChoiceField(
        label=_("Languages spoken"),
        choices=settings.LANGUAGES,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    weekdays = forms.TypedMultipleChoiceField(
        label=_("On these days (weekly)"),
        choices=list(WEEKDAYS.items()),
        coerce=int,
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Leave empty to repeat on the weekday of the first date."),
    )

    def clean(self):
        cleaned_data = super().clean()
        if self.errors:
            return cleaned_data
        schedule = calendar.Schedule(
            start=cleaned_data.get("start"),
            end=cleaned_data.get("end"),
            all_day=cleaned_data.get("all_day"),
            frequency=cleaned_data.get("frequency"),
            weekdays=cleaned_data.get("weekdays") or [],
            monthly_week=cleaned_data.get("monthly_week"),
            monthly_weekday=cleaned_data.get("monthly_weekday"),
            repeat_until=cleaned_data.get("repeat_until"),
            repeat_count=cleaned_data.get("repeat_count"),
        )
        if schedule.start is None or schedule.end is None:
            return cleaned_data
        dates = schedule.original_dates()
        for form in self._live_forms("exceptions"):
            first = form.cleaned_data.get("start_date")
            last = form.cleaned_data.get("end_date") or first
            if first is None:
                continue
            if last < first:
                form.add_error("end_date", _("The last day cannot be before the first day."))
            elif not any(first <= day <= last for day in dates):
                form.add_error(
                    "start_date",
                    _("The event does not take place on this date, so there is nothing to skip.")
                    if first == last
                    else _(
                        "The event does not take place in this period, so there is nothing to skip."
                    ),
                )
        seen = set()
        for form in self._live_forms("occurrence_changes"):
            original = form.cleaned_data.get("original_date")
            if original is None:
                continue
            if original not in dates:
                form.add_error(
                    "original_date",
                    _("The event does not take place on this date. Pick a date it happens on."),
                )
            elif original in seen:
                form.add_error("original_date", _("This date already has a change."))
            seen.add(original)
        return cleaned_data

    def _live_forms(self, name):
        formset = self.formsets.get(name)
        if formset is None:
            return []
        return [
            form
            for form in formset.forms
            if form.is_valid() and form.cleaned_data and not form.cleaned_data.get("DELETE")
        ]


class EventPage(RoutablePageMixin, BodyMixin, BasePage):
    """One event, which may repeat weekly or monthly."""

    FREQUENCY_CHOICES = [
        (calendar.FREQUENCY_NONE, _("Does not repeat")),
        (calendar.FREQUENCY_WEEKLY, _("Weekly")),
        (calendar.FREQUENCY_MONTHLY, _("Monthly")),
    ]
    MONTHLY_WEEK_CHOICES = [
        (1, _("first")),
        (2, _("second")),
        (3, _("third")),
        (4, _("fourth")),
        (-1, _("last")),
    ]

    start = models.DateTimeField(_("starts"), help_text=_("Danish time."))
    end = models.DateTimeField(_("ends"), help_text=_("Danish time."))
    all_day = models.BooleanField(
        _("all day"), default=False, help_text=_("Only the dates are shown, not the times.")
    )
    housing_area = models.ForeignKey(
        "kvarter.HousingArea",
        verbose_name=_("housing area"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
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
        _("repeats"), max_length=10, choices=FREQUENCY_CHOICES, default=calendar.FREQUENCY_NONE
    )
    weekdays = models.JSONField(_("weekdays"), default=list, blank=True)
    monthly_week = models.SmallIntegerField(
        _("which week (monthly)"), choices=MONTHLY_WEEK_CHOICES, null=True, blank=True
    )
    monthly_weekday = models.SmallIntegerField(
        _("which weekday (monthly)"),
        choices=list(WEEKDAYS.items()),
        null=True,
        blank=True,
        help_text=_("For example: the second Tuesday. Empty: the weekday of the first date."),
    )
    repeat_until = models.DateField(_("repeat until"), null=True, blank=True)
    repeat_count = models.PositiveSmallIntegerField(
        _("number of times"),
        null=True,
        blank=True,
        validators=[MinValueValidator(1), MaxValueValidator(calendar.MAX_OCCURRENCES)],
    )

    # Kept up to date in save(): the span of all occurrences (for fast listing queries), and
    # the iCalendar SEQUENCE, which goes up whenever the dates or times change.
    starts_at = models.DateTimeField(editable=False, null=True, db_index=True)
    ends_at = models.DateTimeField(editable=False, null=True, db_index=True)
    sequence = models.PositiveIntegerField(editable=False, default=0)
    schedule_hash = models.CharField(editable=False, max_length=32, blank=True)

    parent_page_types = ["kvarter.EventIndexPage"]
    subpage_types = []

    base_form_class = EventPageForm

    content_panels = [
        *BasePage.content_panels,
        MultiFieldPanel(
            [
                FieldRowPanel([FieldPanel("start"), FieldPanel("end")]),
                FieldPanel("all_day"),
            ],
            heading=_("When"),
        ),
        MultiFieldPanel(
            [
                FieldPanel("frequency"),
                FieldPanel("weekdays"),
                FieldRowPanel([FieldPanel("monthly_week"), FieldPanel("monthly_weekday")]),
                FieldRowPanel([FieldPanel("repeat_until"), FieldPanel("repeat_count")]),
            ],
            heading=_("Repeats"),
            help_text=_("A repeating event needs an end: either a last date or a number of times."),
        ),
        InlinePanel(
            "exceptions",
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
            [FieldPanel("housing_area"), FieldPanel("address"), FieldPanel("room")],
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
        *BodyMixin.content_panels,
    ]
    search_fields = [
        *BasePage.search_fields,
        *BodyMixin.search_fields,
        index.SearchField("audience"),
        index.SearchField("room"),
    ]
    translatable_fields = [
        *BasePage.translatable_fields,
        *BodyMixin.translatable_fields,
        SynchronizedField("start"),
        SynchronizedField("end"),
        SynchronizedField("all_day"),
        SynchronizedField("housing_area"),
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
        SynchronizedField("repeat_until"),
        SynchronizedField("repeat_count"),
        SynchronizedField("exceptions"),
        SynchronizedField("occurrence_changes"),
    ]

    class Meta:
        verbose_name = _("event page")

    # Schedule -------------------------------------------------------------

    @property
    def schedule(self):
        return calendar.Schedule(
            start=self.start,
            end=self.end,
            all_day=self.all_day,
            frequency=self.frequency,
            weekdays=self.weekdays,
            monthly_week=self.monthly_week,
            monthly_weekday=self.monthly_weekday,
            repeat_until=self.repeat_until,
            repeat_count=self.repeat_count,
        )

    @property
    def is_recurring(self):
        return self.frequency != calendar.FREQUENCY_NONE

    def excluded_dates(self):
        excluded = set()
        for exception in self.exceptions.all():
            day = exception.start_date
            while day <= (exception.end_date or exception.start_date):
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
        if self.frequency != calendar.FREQUENCY_NONE:
            if not self.repeat_until and not self.repeat_count:
                errors["repeat_until"] = _(
                    "A repeating event needs an end: fill in a last date or a number of times."
                )
            elif self.repeat_until and self.repeat_count:
                errors["repeat_count"] = _("Fill in a last date or a number of times, not both.")
            elif (
                self.repeat_until
                and self.start
                and self.repeat_until < calendar.local(self.start).date()
            ):
                errors["repeat_until"] = _("The last date cannot be before the first date.")
        if errors:
            raise ValidationError(errors)

    def save(self, *args, **kwargs):
        if self.start and self.end and kwargs.get("update_fields") is None:
            self._update_schedule_fields()
        super().save(*args, **kwargs)

    def _update_schedule_fields(self):
        """Refresh the occurrence span, and bump SEQUENCE when the schedule changed.

        The comparison is with the database row rather than with this object, which may have
        been restored from an older revision.
        """
        schedule = self.schedule
        exceptions = [
            f"{exception.start_date}/{exception.end_date}" for exception in self.exceptions.all()
        ]
        changes = [
            f"{c.original_date}/{c.cancelled}/{c.new_start}/{c.new_end}"
            for c in self.occurrence_changes.all()
        ]
        fingerprint = schedule.fingerprint(exceptions, changes)
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
        starts = schedule.original_starts()
        moved = [c for c in self.occurrence_changes.all() if c.new_start]
        self.starts_at = min([starts[0], *(c.new_start for c in moved)])
        self.ends_at = max(
            [
                starts[-1] + schedule.duration,
                *(c.new_end or c.new_start + schedule.duration for c in moved),
            ]
        )

    # Display ----------------------------------------------------------------

    @cached_property
    def localized_category(self):
        """The category in the reader's language (from the listing's lookup when there is one)."""
        if self.category is None:
            return None
        categories = getattr(self, "active_categories", None)
        if categories is None:
            categories = _categories(self.content_language)
        return categories.get(self.category.translation_key, self.category)

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
        """How the event repeats, in words: "Every Tuesday", "The first Thursday of the month"."""
        parts = self.schedule.rrule_parts()
        if parts is None:
            return ""
        if parts["freq"] == "WEEKLY":
            days = [str(WEEKDAYS[day]) for day in parts["byweekday"]]
            return _("Every %(days)s") % {"days": ", ".join(days)}
        weekday, week = parts["byweekday"][0]
        return _("The %(week)s %(weekday)s of every month") % {
            "week": dict(self.MONTHLY_WEEK_CHOICES)[week],
            "weekday": WEEKDAYS[weekday],
        }

    @property
    def ical_uid(self):
        """Never changes: the page's translation key and language, not its title or id."""
        return f"{self.translation_key}-{self.locale.language_code}@charlottekvarteret"

    def upcoming(self, limit=10):
        now = timezone.now()
        return calendar.expand(self, now, now + datetime.timedelta(days=366))[:limit]

    def ics_url(self, request=None):
        return self.get_url(request) + self.reverse_subpage("ics")

    def structured_data(self, request, occurrence=None):
        """schema.org Event as JSON, escaped for a <script> element.

        A repeating event is described by its next occurrence, with that occurrence's status.
        """
        status = "https://schema.org/EventScheduled"
        start, end = self.start, self.end
        if occurrence is not None:
            start, end = occurrence.start, occurrence.end
            if occurrence.is_cancelled:
                status = "https://schema.org/EventCancelled"
            elif occurrence.is_moved:
                status = "https://schema.org/EventRescheduled"

        def when(value):
            return (
                calendar.local(value).date().isoformat()
                if self.all_day
                else calendar.local(value).isoformat()
            )

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
        if occurrence is not None and occurrence.is_moved:
            data["previousStartDate"] = when(occurrence.original_start)
        if not self.is_free:
            data["offers"] = {
                "@type": "Offer",
                "description": self.price,
                "url": self.get_full_url(request),
            }
        if self.image:
            rendition = self.image.get_rendition("fill-1280x640|format-jpeg")
            data["image"] = request.build_absolute_uri(rendition.url)
        text = json.dumps(data, cls=DjangoJSONEncoder, ensure_ascii=False)
        # The same escaping as Django's json_script: nothing can close the <script> element.
        for character, escaped in (("<", "\\u003C"), (">", "\\u003E"), ("&", "\\u0026")):
            text = text.replace(character, escaped)
        return mark_safe(text)  # noqa: S308 - escaped above

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        upcoming = self.upcoming()
        context["upcoming"] = upcoming
        context["structured_data"] = self.structured_data(
            request, upcoming[0] if upcoming else None
        )
        context["ics_url"] = request.build_absolute_uri(self.ics_url(request))
        index = self.get_parent().specific
        if isinstance(index, EventIndexPage):
            context["feed"] = index.feed_links(request)
        context["breaks"] = [
            e for e in self.exceptions.all() if (e.end_date or e.start_date) >= timezone.localdate()
        ]
        return context

    @path("ics/", name="ics")
    def ics(self, request):
        with translation.override(self.locale.language_code):
            return calendar.calendar_response(
                [self], self.title, request, filename=f"{self.slug}.ics"
            )


class EventException(Orderable):
    """A date or period when a repeating event does not take place, e.g. a school holiday."""

    page = ParentalKey(EventPage, on_delete=models.CASCADE, related_name="exceptions")
    start_date = models.DateField(_("date or first day"))
    end_date = models.DateField(_("last day"), null=True, blank=True)
    label = models.CharField(
        _("reason"), max_length=120, blank=True, help_text=_("For example: winter holiday")
    )

    panels = [
        FieldRowPanel([FieldPanel("start_date"), FieldPanel("end_date")]),
        FieldPanel("label"),
    ]

    class Meta(Orderable.Meta):
        verbose_name = _("break")

    def __str__(self):
        return f"{self.start_date}–{self.end_date or self.start_date}"


class OccurrenceChange(Orderable):
    """One date of an event that is cancelled or moved."""

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

    class Meta(Orderable.Meta):
        verbose_name = _("cancelled or moved date")

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
