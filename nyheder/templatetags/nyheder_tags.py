import json

from django import template
from django.core.serializers.json import DjangoJSONEncoder
from django.utils import translation
from django.utils.html import format_html
from django.utils.safestring import mark_safe

from kvarter.absolute_urls import absolute_url
from nyheder.models import StoryIndexPage

register = template.Library()

# What Django's json_script escapes: nothing in the data can close the <script> element.
JSON_SCRIPT_ESCAPES = {ord(">"): "\\u003E", ord("<"): "\\u003C", ord("&"): "\\u0026"}


@register.simple_tag(takes_context=True)
def json_ld(context, page):
    """The page's schema.org data in a <script type="application/ld+json">, safely escaped."""
    data = json.dumps(page.structured_data(context["request"]), cls=DjangoJSONEncoder)
    return format_html(
        '<script type="application/ld+json">{}</script>',
        mark_safe(data.translate(JSON_SCRIPT_ESCAPES)),  # noqa: S308 - escaped just above
    )


def story_index_for_language(request):
    """The reader's language's story index, looked up once per request."""
    language = translation.get_language()
    cache = request.__dict__.setdefault("_nyheder_story_index", {})
    if language not in cache:
        cache[language] = (
            StoryIndexPage.objects.live()
            .public()
            .filter(locale__language_code=language)
            .order_by("path")
            .first()
        )
    return cache[language]


@register.inclusion_tag("components/story_feed_links.html", takes_context=True)
def story_feed_links(context):
    """<link rel="alternate"> to the RSS and Atom feeds of the reader's language."""
    request = context.get("request")
    index = story_index_for_language(request) if request is not None else None
    if index is None:
        return {}
    return {
        "title": index.title,
        "rss_url": absolute_url(request, index.rss_url),
        "atom_url": absolute_url(request, index.atom_url),
    }
