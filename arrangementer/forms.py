"""The editor's form for an event: checkbox lists, and the checks that need the inline rows."""

from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _

from wagtail.admin.forms import WagtailAdminPageForm

from .choices import WEEKDAY_CHOICES
from .recurrence import Schedule


class EventPageForm(WagtailAdminPageForm):
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

    def clean(self):
        cleaned_data = super().clean()
        if self.errors:
            return cleaned_data
        schedule = Schedule.from_fields(cleaned_data)
        if schedule.start is None or schedule.end is None:
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
