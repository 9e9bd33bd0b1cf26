"""Spam protection for the public forms (story tips, help desk, newsletter sign-up).

No third-party captcha: a honeypot field that people never see, a minimum time between
showing the form and sending it (a signed timestamp, so a bot cannot forge it), and a limit on
POSTs per IP address through the cache (django-ratelimit), answered with HTTP 429.

    class TipForm(SpamProtectedForm, forms.ModelForm): ...

    def view(request):
        if limited := rate_limit_response(request, "story-tip"):
            return limited
        form = TipForm(request.POST or None)
        if form.is_valid() and not form.is_spam(): ...

Templates render `{% include "components/honeypot.html" %}` inside the <form>.
"""

import time

from django import forms
from django.core import signing
from django.template.response import TemplateResponse
from django.utils.translation import gettext_lazy as _

from django_ratelimit.core import is_ratelimited

# People need longer than this to fill in even the shortest form; scripts rarely wait.
MIN_FILL_SECONDS = 3
# A form left open longer than this is still accepted, but a replayed timestamp is not.
MAX_FILL_SECONDS = 24 * 60 * 60
POST_RATE = "5/m"
SIGNING_SALT = "kvarter.spam.form-started"


def sign_start_time(now=None):
    return signing.dumps(time.time() if now is None else now, salt=SIGNING_SALT)


def seconds_since_start(token):
    """Seconds since the form was shown, or None for a missing, forged or expired token."""
    try:
        started = signing.loads(token, salt=SIGNING_SALT, max_age=MAX_FILL_SECONDS)
    except (signing.BadSignature, TypeError):
        return None
    return time.time() - float(started)


class HoneypotInput(forms.TextInput):
    """Out of the tab order and autofill, inside a container hidden from screen readers."""

    def __init__(self):
        super().__init__(attrs={"tabindex": "-1", "autocomplete": "off"})


class HoneypotForm(forms.Form):
    """Adds the honeypot. Check `is_spam()` after `is_valid()`.

    For a form on cached pages, which cannot carry a start time that differs per reader.
    """

    # "website" tempts bots that fill in every field; people never see it.
    website = forms.CharField(
        label=_("Leave this field empty"), required=False, widget=HoneypotInput()
    )

    def is_spam(self):
        return bool(self.cleaned_data.get("website"))

    def visible_fields(self):
        return [field for field in super().visible_fields() if field.name != "website"]


class SpamProtectedForm(HoneypotForm):
    """The honeypot plus a signed start time: a form sent too fast is a bot's."""

    form_started = forms.CharField(required=False, widget=forms.HiddenInput())

    def __init__(self, *args, **kwargs):
        super().__init__(*args, **kwargs)
        if not self.is_bound:
            self.initial["form_started"] = sign_start_time()

    def is_spam(self):
        if super().is_spam():
            return True
        elapsed = seconds_since_start(self.cleaned_data.get("form_started"))
        return elapsed is None or elapsed < MIN_FILL_SECONDS


def rate_limit_response(request, group, rate=POST_RATE):
    """A 429 page in the reader's language once this IP has posted more than `rate`, else None.

    Counting happens in the cache, so it is per process with the local-memory cache and shared
    across processes with Redis.
    """
    if is_ratelimited(request, group=group, key="ip", rate=rate, method="POST", increment=True):
        return TemplateResponse(request, "429.html", status=429)
    return None
