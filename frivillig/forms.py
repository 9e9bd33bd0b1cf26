from django import forms
from django.conf import settings
from django.core.exceptions import ValidationError
from django.utils import translation
from django.utils.http import urlencode
from django.utils.translation import gettext_lazy as _

from kvarter.spam import SpamProtectedForm

from .choices import Difficulty, HelpRequestKind, Topic
from .help_requests import HelpRequest


class GuideFilterForm(forms.Form):
    """GET filters for the guide listing."""

    difficulty = forms.ChoiceField(
        label=_("Difficulty"), required=False, choices=[("", _("All")), *Difficulty.choices]
    )
    topic = forms.ChoiceField(
        label=_("Topic"), required=False, choices=[("", _("All")), *Topic.choices]
    )

    def __init__(self, data):
        # Only the filter fields: ?page= and anything else stay out of the form.
        super().__init__({name: data.get(name, "") for name in self.base_fields})

    def active_filters(self):
        return {name: value for name, value in self.cleaned_data.items() if value}

    def filter(self, guides):
        return guides.filter(**self.active_filters())

    def querystring(self):
        """The active filters as a query string, for pagination links."""
        return urlencode(self.active_filters()) if self.is_valid() else ""


class HelpRequestForm(SpamProtectedForm, forms.ModelForm):
    consent = forms.BooleanField(
        label=_("I agree that the help desk keeps my request to answer it."),
        help_text=_(
            "Only staff at the help desk read it. We delete it 12 months after the case is closed."
        ),
        error_messages={"required": _("Tick the box so that we may keep your request.")},
    )

    class Meta:
        model = HelpRequest
        fields = ["name", "email", "phone", "language", "kind", "description"]
        labels = {
            "name": _("Your name"),
            "email": _("E-mail"),
            "phone": _("Phone"),
            "language": _("Which language should we answer in?"),
            "kind": _("What do you need help with?"),
            "description": _("Tell us about it"),
        }
        help_texts = {
            "email": _("Give an e-mail address, a phone number or both."),
            "description": _("At most 5,000 characters."),
        }
        widgets = {
            "name": forms.TextInput(attrs={"autocomplete": "name"}),
            # Addresses and numbers read left to right, also on an Arabic or Urdu page.
            "email": forms.EmailInput(attrs={"autocomplete": "email", "dir": "ltr"}),
            "phone": forms.TextInput(
                attrs={"autocomplete": "tel", "inputmode": "tel", "dir": "ltr"}
            ),
            "kind": forms.RadioSelect,
            "description": forms.Textarea(attrs={"rows": 8}),
        }

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        self.fields["language"].choices = settings.LANGUAGES
        if not self.is_bound:
            self.initial["language"] = translation.get_language()
        # Radio buttons need no empty "---------" choice.
        self.fields["kind"].choices = HelpRequestKind.choices

    def clean_phone(self):
        phone = self.cleaned_data["phone"].strip()
        digits = [c for c in phone if c.isdigit()]
        if phone and (len(digits) < 8 or any(c not in "+0123456789 -()" for c in phone)):
            raise ValidationError(_("Enter a phone number of at least 8 digits, e.g. 12 34 56 78."))
        return phone

    def clean(self):
        cleaned_data = super().clean()
        # An invalid address has its own error already; only ask when neither was given.
        given = cleaned_data.get("email") or cleaned_data.get("phone")
        if not given and "email" not in self.errors and "phone" not in self.errors:
            raise ValidationError(
                _("Give an e-mail address or a phone number, so that we can answer you."),
                code="no_contact",
            )
        return cleaned_data
