import uuid

from django import forms
from django.core.exceptions import ValidationError
from django.utils.http import urlencode
from django.utils.translation import gettext_lazy as _

from kvarter.spam import SpamProtectedForm
from kvarter.widgets import ForeignLanguageSelect
from nyheder.models.tips import StoryTip

MAX_PHOTO_BYTES = 10 * 1024 * 1024
# What Pillow finds in the file, not what its name says; the extension we store it under.
PHOTO_FORMATS = {"JPEG": "jpg", "PNG": "png", "GIF": "gif", "WEBP": "webp"}


class StoryFilterForm(forms.Form):
    """GET filters for the story listing; choices are the values stories actually use."""

    topic = forms.ChoiceField(label=_("Topic"), required=False, widget=ForeignLanguageSelect())
    focus_area = forms.ChoiceField(
        label=_("Focus area"), required=False, widget=ForeignLanguageSelect()
    )
    housing_area = forms.ChoiceField(label=_("Housing area"), required=False)

    lookups = {
        "topic": "topics__slug",
        "focus_area": "focus_area__slug",
        "housing_area": "housing_area__name",
    }

    def __init__(self, data, options, option_languages=None):
        """`options` are each field's (value, label) choices; `option_languages` gives a
        field's {value: language} where a label may be untranslated."""
        # Only the filter fields: ?page= and anything else stay out of the form.
        super().__init__({name: data.get(name, "") for name in self.lookups})
        for name, choices in options.items():
            self.fields[name].choices = [("", _("All")), *choices]
        for name, languages in (option_languages or {}).items():
            self.fields[name].widget.option_languages = languages

    def active_filters(self):
        return {name: value for name, value in self.cleaned_data.items() if value}

    def filter(self, stories):
        filters = {self.lookups[name]: value for name, value in self.active_filters().items()}
        return stories.filter(**filters).distinct() if filters else stories

    def querystring(self):
        """The active filters as a query string, for pagination links."""
        if not self.is_valid():
            return ""
        return urlencode(self.active_filters())


class PhotoField(forms.ImageField):
    """An optional photo: at most 10 MB, and an image by its content, not by its name."""

    default_error_messages = {
        "invalid_image": _("The file is not a photo. Choose a JPEG, PNG, GIF or WebP image."),
    }

    def to_python(self, data):
        if data in self.empty_values:
            return None
        if data.size > MAX_PHOTO_BYTES:
            # Checked before Pillow opens it: no point decoding a file we will refuse.
            raise ValidationError(
                _("The photo is too large (%(size)s MB). It can be at most 10 MB."),
                code="file_too_large",
                params={"size": f"{data.size / 1024 / 1024:.1f}"},
            )
        photo = super().to_python(data)
        image_format = getattr(photo.image, "format", None)
        if image_format not in PHOTO_FORMATS:
            raise ValidationError(self.error_messages["invalid_image"], code="invalid_image")
        photo.name = f"{uuid.uuid4().hex}.{PHOTO_FORMATS[image_format]}"
        return photo


class StoryTipForm(SpamProtectedForm, forms.ModelForm):
    photo = PhotoField(
        label=_("Photo (optional)"),
        required=False,
        help_text=_("A JPEG, PNG, GIF or WebP image of at most 10 MB."),
        widget=forms.ClearableFileInput(attrs={"accept": "image/*"}),
    )

    class Meta:
        model = StoryTip
        fields = ["name", "email", "phone", "text", "photo"]
        labels = {
            "name": _("Your name"),
            "email": _("E-mail (optional)"),
            "phone": _("Phone (optional)"),
            "text": _("Your story"),
        }
        help_texts = {
            "email": _("Give an e-mail address or a phone number if you would like us to answer."),
            "text": _("What happened, where and who took part?"),
        }
        widgets = {
            "email": forms.EmailInput(attrs={"autocomplete": "email"}),
            "phone": forms.TextInput(attrs={"autocomplete": "tel", "inputmode": "tel"}),
            "name": forms.TextInput(attrs={"autocomplete": "name"}),
            "text": forms.Textarea(attrs={"rows": 8}),
        }

    def clean_phone(self):
        phone = self.cleaned_data["phone"].strip()
        digits = [c for c in phone if c.isdigit()]
        if phone and (len(digits) < 8 or any(c not in "+0123456789 -()" for c in phone)):
            raise ValidationError(_("Enter a phone number of at least 8 digits, e.g. 12 34 56 78."))
        return phone
