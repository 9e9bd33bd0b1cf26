"""The newsletter sign-up form anywhere on the site."""

from django import template
from django.utils import translation

from ..forms import SubscribeForm

register = template.Library()


@register.inclusion_tag("newsletter/signup_form.html")
def newsletter_signup(id_prefix, form=None):
    """The sign-up form. Each place on a page gives its own `id_prefix`, so ids stay unique;
    the sign-up page passes its bound form to show the reader's input and errors."""
    if form is None:
        form = SubscribeForm.for_language(translation.get_language(), id_prefix=id_prefix)
    return {"form": form}
