"""The newsletter's public forms: signing up, and the choices on the preferences page."""

from django import forms
from django.conf import settings
from django.utils.translation import gettext_lazy as _

from kvarter.spam import HoneypotForm

from .constants import CONSENT_TEXT, normalize_email

DEFAULT_ID_PREFIX = "newsletter"


def id_format(id_prefix):
    """An `auto_id` that keeps ids unique when a page shows the form twice (footer and body)."""
    return f"{id_prefix}-%s"


class SubscribeForm(HoneypotForm):
    """Sign-up with e-mail, language and consent.

    It sits on cached pages (the home page, its own page), so it carries no CSRF token and no
    signed start time (both would make each page unique). A honeypot stops simple bots; double
    opt-in, the rate limit per IP and the cap on mails per address stop the rest.
    """

    email = forms.EmailField(
        label=_("E-mail address"),
        max_length=254,
        # An address reads left to right on an Arabic or Urdu page too.
        widget=forms.EmailInput(attrs={"autocomplete": "email", "dir": "ltr"}),
    )
    language = forms.ChoiceField(
        label=_("Language of the newsletter"),
        choices=settings.LANGUAGES,
        initial=settings.LANGUAGE_CODE,
    )
    consent = forms.BooleanField(
        label=CONSENT_TEXT,
        error_messages={"required": _("Tick the box to say yes to the newsletter.")},
    )

    def __init__(self, *args, id_prefix=DEFAULT_ID_PREFIX, **kwargs):
        kwargs.setdefault("auto_id", id_format(id_prefix))
        super().__init__(*args, **kwargs)

    @classmethod
    def for_language(cls, language_code, id_prefix=DEFAULT_ID_PREFIX):
        """An empty form whose language is the page's language."""
        languages = dict(settings.LANGUAGES)
        language = language_code if language_code in languages else settings.LANGUAGE_CODE
        return cls(initial={"language": language}, id_prefix=id_prefix)

    def clean_email(self):
        return normalize_email(self.cleaned_data["email"])


class LanguageForm(forms.Form):
    language = forms.ChoiceField(label=_("Language of the newsletter"), choices=settings.LANGUAGES)


class EraseForm(forms.Form):
    confirm = forms.BooleanField(
        label=_("Yes, delete my e-mail address and everything tied to it."),
        error_messages={"required": _("Tick the box to confirm that we should delete your data.")},
    )
