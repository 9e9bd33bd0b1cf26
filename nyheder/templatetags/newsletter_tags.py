"""The newsletter sign-up form anywhere on the site, and an edition's items for its web page."""

from django import template
from django.utils import translation

from nyheder.newsletter.forms import SubscribeForm

register = template.Library()


@register.inclusion_tag("components/newsletter_signup.html")
def newsletter_signup(id_prefix, form=None):
    """The sign-up form. Each place on a page gives its own `id_prefix`, so ids stay unique;
    the sign-up page passes its bound form to show the reader's input and errors."""
    if form is None:
        form = SubscribeForm.for_language(translation.get_language(), id_prefix=id_prefix)
    return {"form": form}


@register.simple_tag
def edition_sections(edition):
    """The edition's items by kind ("story", "event", "issue"), as (item, live page) pairs.

    Each page is in the reader's language where a live translation exists; items whose page
    was deleted or unpublished since are left out.
    """
    sections = {"story": [], "event": [], "issue": []}
    for item in edition.items:
        page = item.value.page()
        if page is not None:
            sections[item.block_type].append((item.value, page))
    return sections
