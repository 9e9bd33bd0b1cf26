"""Navigation, breadcrumbs and the language switcher for the shared base template.

They are built from the page tree and are the same for every reader of a page, so they are
cached until a new page-cache generation (kvarter/page_cache.py: a change to the menu or to a
page with children) or, for a page's translations, until one of them is published, moved or
unpublished: a page then renders its furniture with no queries.
"""

import json
from urllib.parse import urlsplit

from django import template
from django.conf import settings
from django.core.serializers.json import DjangoJSONEncoder
from django.urls import translate_url
from django.utils import formats, translation
from django.utils.html import format_html
from django.utils.safestring import mark_safe
from django.utils.text import capfirst
from django.utils.timezone import template_localtime
from django.utils.translation import gettext as _

from wagtail.models import Page, Site

from kvarter.absolute_urls import absolute_url
from kvarter.furniture import cached_furniture
from kvarter.icons import DIRECTIONAL, ICONS
from kvarter.images import IMAGE_FORMATS, IMAGE_SIZES, SHARE_IMAGE_SPEC, alt_text, filter_specs
from kvarter.languages import foreign_language, language_of, locale_languages
from kvarter.sections import collect_sections

register = template.Library()

SOURCE_LANGUAGE = settings.LANGUAGE_CODE
# What Django's json_script escapes: nothing in the data can close the <script> element.
JSON_SCRIPT_ESCAPES = {ord(">"): "\\u003E", ord("<"): "\\u003C", ord("&"): "\\u0026"}


def _language_names():
    return dict(settings.LANGUAGES)


def _home_page(request):
    """This language's home page, looked up once per request."""
    if not hasattr(request, "_kvarter_home"):
        site = Site.find_for_request(request)
        home = None
        if site:
            home = (
                Page.objects.filter(
                    translation_key=site.root_page.translation_key,
                    locale__language_code=translation.get_language(),
                ).first()
            ) or site.root_page
        request._kvarter_home = home
    return request._kvarter_home


def _menu(request):
    """The home page's URL and its children in the menu, cached as furniture."""

    def build():
        home = _home_page(request)
        if home is None:
            return {"home_url": "/", "items": []}
        children = home.get_children().live().public().in_menu().order_by("path")
        languages = locale_languages()
        items = [
            {
                "title": child.title,
                "url": child.get_url(request),
                "path": child.path,
                "lang": language_of(child, languages),
                "shortcut": getattr(child.specific_class, "menu_shortcut", None),
            }
            for child in children
        ]
        return {"home_url": home.get_url(request), "items": items}

    return cached_furniture(request, "main-menu", build)


@register.inclusion_tag("components/main_menu.html", takes_context=True)
def main_menu(context):
    request = context["request"]
    current = context.get("page")

    def current_state(item):
        # "page" only on the page itself; a section of the current page is "true" (WAI-ARIA).
        if current is None or not current.path.startswith(item["path"]):
            return None
        return "page" if current.path == item["path"] else "true"

    menu = _menu(request)
    items = [{**item, "current": current_state(item)} for item in menu["items"]]
    shortcuts = sorted((item for item in items if item["shortcut"]), key=lambda i: i["shortcut"][1])
    return {
        "home_url": menu["home_url"],
        "items": items,
        "shortcuts": [{**item, "icon": item["shortcut"][0]} for item in shortcuts],
        "request": request,
    }


@register.inclusion_tag("components/breadcrumbs.html", takes_context=True)
def breadcrumbs(context):
    page = context.get("page")
    request = context["request"]
    if page is None or page.depth <= 2:
        return {"ancestors": []}

    def build():
        ancestors = page.get_ancestors().filter(depth__gt=1)
        languages = locale_languages()
        return [
            {"title": a.title, "url": a.get_url(request), "lang": language_of(a, languages)}
            for a in ancestors
        ]

    return {
        "ancestors": cached_furniture(request, "breadcrumbs", build, page),
        # Not cached: a preview shows the draft's title.
        "page": page,
        "request": request,
    }


def _translations(request, page):
    """The page's live translations as {language_code: (url, full_url, is_alias)}.

    The language switcher and the hreflang links both need them.
    """

    def build():
        translations = page.get_translations(inclusive=True).live().select_related("locale")
        return {
            target.locale.language_code: (
                target.get_url(request),
                target.get_full_url(request),
                target.alias_of_id is not None,
            )
            for target in translations
        }

    return cached_furniture(request, "translations", build, page)


def _beyond_the_page(request, page_url):
    """What this request asks of the page beyond its own address: a sub-page of a routable page
    ("month/2026-12/", "side-3/") and the query ("?q=fest"). Every translation serves the same."""
    page_path = urlsplit(page_url).path
    rest = request.path[len(page_path) :] if request.path.startswith(page_path) else ""
    query = request.META.get("QUERY_STRING", "")
    return rest + (f"?{query}" if query else "")


@register.inclusion_tag("components/language_switcher.html", takes_context=True)
def language_switcher(context):
    """A link to each language that has this page, to the same sub-page and query; a language
    without the page is left out rather than shown as an empty item."""
    request = context["request"]
    page = context.get("page")
    current = translation.get_language()
    if page is not None:
        translations = _translations(request, page)
        own = translations.get(current)
        beyond = _beyond_the_page(request, own[0]) if own else ""
        urls = {code: url + beyond for code, (url, _full, _alias) in translations.items()}
    else:
        urls = {
            code: translate_url(request.get_full_path(), code) for code, _ in settings.LANGUAGES
        }
    links = [
        {
            "code": code,
            "name": name,
            "url": urls.get(code),
            "current": code == current,
            "bidi": code in settings.LANGUAGES_BIDI,
        }
        for code, name in settings.LANGUAGES
        if code == current or code in urls
    ]
    return {"links": links}


@register.inclusion_tag("components/alternate_links.html", takes_context=True)
def alternate_links(context):
    """hreflang alternates for the translations that exist, with Danish as x-default."""
    request = context["request"]
    page = context.get("page")
    alternates = []
    if page is not None:
        for code, (_url, full_url, is_alias) in _translations(request, page).items():
            if not is_alias:
                alternates.append({"code": code, "url": full_url})
        default = next((a["url"] for a in alternates if a["code"] == settings.LANGUAGE_CODE), None)
    else:
        path = request.get_full_path()
        for code, _name in settings.LANGUAGES:
            alternates.append(
                {"code": code, "url": request.build_absolute_uri(translate_url(path, code))}
            )
        default = request.build_absolute_uri(translate_url(path, settings.LANGUAGE_CODE))
    return {"alternates": alternates, "x_default": default}


@register.simple_tag
def language_name(code):
    return _language_names().get(code, code)


@register.simple_tag(takes_context=True)
def lang_attrs(context, source):
    """` lang="da" dir="ltr"` on the element around `source` (a page, a translatable object or a
    language code) when it is not in the reader's language; nothing otherwise.

    Every card, list item, title and mail block that shows content marks itself with this.
    """
    request = context.get("request")
    languages = None
    if request is not None:
        if not hasattr(request, "_kvarter_locale_languages"):
            request._kvarter_locale_languages = locale_languages()
        languages = request._kvarter_locale_languages
    direction = foreign_language(source, languages=languages)
    if direction is None:
        return ""
    return format_html(' lang="{}" dir="{}"', direction["lang"], direction["dir"])


@register.simple_tag(takes_context=True)
def in_own_language(context, source, text):
    """`text` in a <span> marked like `lang_attrs source`, to place inside a translated
    sentence: "Stories about “<span lang="da" dir="ltr">Lektiehjælp</span>”"."""
    return format_html("<span{}>{}</span>", lang_attrs(context, source), text)


@register.simple_tag
def page_title(page):
    """The page's title for <title>, in the reader's language.

    <title> takes the document's language, so an untranslated page is named by its kind,
    "Event page (in Danish)", rather than by a Danish title read with the reader's voice.
    """
    if page is None:
        return ""
    if getattr(page, "is_fallback", False):
        kind = capfirst(page.specific_class._meta.verbose_name)
        return _("%(kind)s (in Danish)") % {"kind": kind}
    return getattr(page, "seo_title", "") or page.title


@register.inclusion_tag("components/sections.html", takes_context=True)
def head_sections(context):
    """Links other apps put in <head>, such as the story and calendar feeds."""
    request = context.get("request")
    if request is None:
        return {"sections": []}
    return {"sections": collect_sections("kvarter_head_sections", context.get("page"), request)}


@register.inclusion_tag("components/sections.html", takes_context=True)
def footer_sections(context):
    """Footer parts other apps add, such as the newsletter sign-up."""
    request = context.get("request")
    if request is None:
        return {"sections": []}
    return {"sections": collect_sections("kvarter_footer_sections", request)}


@register.simple_tag(takes_context=True)
def json_ld(context, page):
    """The page's schema.org data (a dict) in a <script type="application/ld+json">."""
    data = json.dumps(page.structured_data(context["request"]), cls=DjangoJSONEncoder)
    return format_html(
        '<script type="application/ld+json">{}</script>',
        mark_safe(data.translate(JSON_SCRIPT_ESCAPES)),  # escaped just above: safe
    )


@register.inclusion_tag("components/picture.html")
def responsive_image(image, size, alt=None, eager=False):
    """A <picture> with AVIF and WebP sources and a JPEG fallback, sized for its slot."""
    if image is None:
        return {"image": None}
    renditions = image.get_renditions(*filter_specs(size))
    widths = IMAGE_SIZES[size]["widths"]
    sources = []
    for image_format in IMAGE_FORMATS:
        candidates = [renditions[f"{width}|format-{image_format}"] for width in widths]
        sources.append(
            {
                "type": f"image/{image_format}",
                "srcset": ", ".join(f"{r.url} {r.width}w" for r in candidates),
                "fallback": candidates[0],
            }
        )
    return {
        "image": image,
        "sources": sources[:-1],
        "fallback": sources[-1],
        "sizes": IMAGE_SIZES[size]["sizes"],
        "alt": alt_text(image) if alt is None else alt,
        "eager": eager,
    }


@register.inclusion_tag("components/social_meta.html", takes_context=True)
def social_meta(context):
    """Canonical URL, Open Graph and Twitter card tags, with absolute URLs.

    An untranslated stand-in (alias) points to its Danish original, which is the real page;
    on a sub-page of a routable page (an issue by year, a month view) to the same sub-page there.
    """
    request = context["request"]
    page = context.get("page")
    meta = {"type": "website", "site_name": settings.WAGTAIL_SITE_NAME, "image": None}
    if page is None:
        meta["url"] = absolute_url(request, request.path)
        return {"meta": meta}
    is_page_url = request.path == page.get_url(request)
    if page.alias_of_id and is_page_url:
        meta["url"] = page.alias_of.get_full_url(request)
    elif page.alias_of_id:
        meta["url"] = translate_url(absolute_url(request, request.path), SOURCE_LANGUAGE)
    elif is_page_url:
        meta["url"] = page.get_full_url(request)
    else:  # a sub-page of a routable page, e.g. a form
        meta["url"] = absolute_url(request, request.path)
    meta["type"] = getattr(page, "og_type", "website")
    meta["title"] = page.seo_title or page.title
    meta["description"] = page.search_description or getattr(page, "intro", "")
    image = getattr(page, "image", None)
    if image is not None:
        rendition = image.get_rendition(SHARE_IMAGE_SPEC)
        meta["image"] = {
            "url": absolute_url(request, rendition.url),
            "width": rendition.width,
            "height": rendition.height,
            "alt": alt_text(image),
        }
    return {"meta": meta}


@register.simple_tag
def icon(name):
    """An icon from kvarter/icons.py, hidden from screen readers: the text next to it speaks."""
    flip = " icon--flip" if name in DIRECTIONAL else ""
    return format_html(
        '<svg class="icon icon--{}{}" viewBox="0 0 24 24" aria-hidden="true" focusable="false">'
        "{}</svg>",
        name,
        flip,
        mark_safe(ICONS[name]),  # our own markup from kvarter/icons.py
    )


@register.simple_tag
def time_range(start, end, dates=True):
    """16:00–18:00 as one unbreakable, bidi-isolated span (`.time-range`), each end a <time>.

    So that "4:00 م–6:00 م" never leaves "م" alone on the next line. `dates=False` for the time
    of day of a recurring event: the <time> elements then carry the times only.
    """
    start, end = template_localtime(start), template_localtime(end)

    def machine(value):
        return value.isoformat(timespec="minutes") if dates else value.strftime("%H:%M")

    return format_html(
        '<span class="time-range"><time datetime="{}">{}</time>–<time datetime="{}">{}</time>'
        "</span>",
        machine(start),
        formats.time_format(start, "TIME_FORMAT"),
        machine(end),
        formats.time_format(end, "TIME_FORMAT"),
    )


@register.simple_tag(takes_context=True)
def home_url(context):
    """The home page in the reader's language, for the site name in the header."""
    return _menu(context["request"])["home_url"]
