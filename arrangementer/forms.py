"""The editor's form for an event: checkbox lists, and the checks that need the inline rows."""

from django import forms
from django.conf import settings
from django.utils.formats import date_format
from django.utils.translation import gettext_lazy as _

from kvarter.admin_forms import PageForm

from .choices import FREQUENCY_NONE, INTERVAL_ERROR, INTERVAL_HELP, MAX_INTERVAL, WEEKDAY_CHOICES
from .recurrence import Schedule, local


class EventPageForm(PageForm):
    """Checkbox lists for the JSON list fields; breaks and changes must fall on real dates."""

    languages = forms.MultipleChoiceField(
        label=_("Languages spoken"),
        choices=settings.LANGUAGES,
        required=False,
        widget=forms.CheckboxSelectMultiple,
    )
    weekdays = forms.TypedMultipleChoiceField(
        label=_("On these days (weekly)"),
        choices=WEEKDAY_CHOICES,
        coerce=int,
        required=False,
        widget=forms.CheckboxSelectMultiple,
        help_text=_("Leave empty to repeat on the weekday of the first date."),
    )
    # Declared here rather than taken from the model field, whose form field would let a
    # negative number through to Django's own message ("at least 0").
    repeat_interval = forms.IntegerField(
        label=_("interval"),
        required=False,
        initial=1,
        min_value=1,
        max_value=MAX_INTERVAL,
        help_text=INTERVAL_HELP,
        error_messages={
            "invalid": INTERVAL_ERROR,
            "min_value": INTERVAL_ERROR,
            "max_value": INTERVAL_ERROR,
        },
    )

    def clean_repeat_interval(self):
        # Left empty: every week or month.
        return self.cleaned_data.get("repeat_interval") or 1

    def clean(self):
        cleaned_data = super().clean()
        if self.errors:
            return cleaned_data
        schedule = Schedule.from_fields(cleaned_data)
        if schedule.start is None or schedule.end is None:
            return cleaned_data
        if schedule.repeat_until and schedule.repeat_until < local(schedule.start).date():
            return cleaned_data  # the page's clean() says the last date is before the first
        if schedule.frequency != FREQUENCY_NONE:
            first = schedule.first_start()
            if first is None:
                self.add_error(
                    "frequency",
                    _(
                        "The repeat gives no dates before its end. Check the weekdays, "
                        "the first date and the last date."
                    ),
                )
                return cleaned_data
            if schedule.repeat_interval > 1 and local(first).date() != schedule.local_start.date():
                # "Every other" counts from the first date, so it must be one of the dates.
                self.add_error(
                    "start",
                    _(
                        "With an interval, the first date must be a day the event repeats on, "
                        "for example a Tuesday for every other Tuesday: %(date)s is not."
                    )
                    % {"date": date_format(schedule.local_start, "DATE_FORMAT")},
                )
                return cleaned_data
        dates = schedule.original_dates()
        self._check_breaks(dates)
        self._check_changes(dates)
        return cleaned_data

    def _check_breaks(self, dates):
        for form in self._live_forms("breaks"):
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

    def _check_changes(self, dates):
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

    def _live_forms(self, name):
        formset = self.formsets.get(name)
        if formset is None:
            return []
        return [
            form
            for form in formset.forms
            if form.is_valid() and form.cleaned_data and not form.cleaned_data.get("DELETE")
        ]
