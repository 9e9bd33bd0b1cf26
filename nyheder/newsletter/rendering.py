"""Mails as MJML → HTML plus a plain-text part, in the reader's language.

An edition is rendered once per language (sending.render_languages). It shows the live
translation in that language when there is one; otherwise the Danish edition, marked
lang="da", with a one-line note in the reader's language. The links to the reader's
preferences and unsubscribe pages carry links.TOKEN_PLACEHOLDER, which sending replaces.
"""

from dataclasses import dataclass

from django.conf import settings
from django.http import HttpResponse
from django.template.loader import render_to_string
from django.utils import translation
from django.utils.translation import gettext

from mjml import mjml2html

from kvarter.models import SiteSettings

from . import links
from .models import NewsletterPage

# Gmail clips a message body above 102 KB; the tests keep a large edition under this.
GMAIL_CLIP_BYTES = 102 * 1024
# Mail programs do not all show AVIF or WebP, so mail images are JPEG, 600 px like the layout.
STORY_IMAGE_SPEC = "fill-600x338|format-jpeg|jpegquality-80"
COVER_IMAGE_SPEC = "width-200|format-jpeg|jpegquality-80"


@dataclass
class RenderedMail:
    subject: str
    preheader: str
    html: str
    text: str


@dataclass
class EmailImage:
    url: str
    alt: str
    width: int
    height: int


@dataclass
class EmailItem:
    """One edition item, prepared for the mail: its live page and what its template needs."""

    block: object
    page: object
    image: EmailImage | None = None
    # Set when the page is shown in another language than the mail around it (an alias).
    lang: str = ""
    dir: str = ""
    align: str = ""


def text_direction(language):
    """lang, dir and the start side of the text for `language`, as the templates use them."""
    rtl = language in settings.LANGUAGES_BIDI
    return {"lang": language, "dir": "rtl" if rtl else "ltr", "align": "right" if rtl else "left"}


def absolute_media_url(url, root_url):
    # Local storage gives a path, S3-like storage a full URL already.
    return url if url.startswith(("http://", "https://")) else root_url + url


def email_image(image, spec, root_url, alt=None):
    if image is None:
        return None
    rendition = image.get_rendition(spec)
    return EmailImage(
        url=absolute_media_url(rendition.url, root_url),
        alt=image.default_alt_text if alt is None else alt,
        width=rendition.width,
        height=rendition.height,
    )


def layout_context(reader_language, content_language=None):
    """What the base layout needs: directions, the site's name and the footer's address."""
    site = links.default_site()
    site_settings = SiteSettings.for_site(site) if site else None
    return {
        "reader": text_direction(reader_language),
        "content": text_direction(content_language or reader_language),
        "site_name": settings.WAGTAIL_SITE_NAME,
        "site_url": links.site_root_url(site) + "/",
        "organisation_name": site_settings.organisation_name if site_settings else "",
        "postal_address": site_settings.address if site_settings else "",
    }


def render_mail(template_name, language, context):
    """A transactional mail: `template_name` without extension, e.g. "email/confirm".

    Renders `<template_name>.mjml` and `.txt` in `language`; `context` must hold the
    "subject" and may hold a "preheader".
    """
    with translation.override(language):
        context = {**layout_context(language), **context}
        context["subject"] = str(context["subject"])
        context["preheader"] = str(context.get("preheader", ""))
        return RenderedMail(
            subject=context["subject"],
            preheader=context["preheader"],
            html=mjml2html(render_to_string(f"{template_name}.mjml", context)),
            text=render_to_string(f"{template_name}.txt", context).strip() + "\n",
        )


# Editions ----------------------------------------------------------------------------------


def live_translation(source, language):
    """The edition's own live translation into `language` (not an untranslated alias), or None."""
    if language == source.locale.language_code:
        return source
    return (
        NewsletterPage.objects.live()
        .filter(
            translation_key=source.translation_key,
            locale__language_code=language,
            alias_of__isnull=True,
        )
        .first()
    )


def browser_url(source, language):
    """The edition's web page for a reader of `language`: theirs if live, else the Danish one."""
    page = (
        NewsletterPage.objects.live()
        .filter(translation_key=source.translation_key, locale__language_code=language)
        .first()
    ) or source
    return page.full_url


def render_edition(edition, language):
    """The edition for readers of `language`. `edition` is any language of it; Danish is used."""
    source = edition.source_edition
    translated = live_translation(source, language)
    fallback_note = ""
    if translated is None:
        with translation.override(language):
            fallback_note = gettext(
                "This newsletter is not yet available in %(language)s, so you get it in Danish."
            ) % {"language": dict(settings.LANGUAGES)[language]}
    return render_edition_content(
        translated or source,
        reader_language=language,
        view_url=browser_url(source, language),
        fallback_note=fallback_note,
    )


def edition_items(edition, content_language, root_url):
    """The edition's items whose pages are still live, grouped by type in the editor's order."""
    groups = {"story": [], "event": [], "issue": []}
    for block in edition.items:
        page = block.value.page()
        if page is None:
            continue  # deleted or unpublished since the edition was composed
        item = EmailItem(block=block, page=page)
        if page.content_language != content_language:
            direction = text_direction(page.content_language)
            item.lang, item.dir, item.align = (
                direction["lang"],
                direction["dir"],
                direction["align"],
            )
        if block.block_type == "story":
            item.image = email_image(page.image, STORY_IMAGE_SPEC, root_url)
        elif block.block_type == "issue":
            cover = page.pdf.cover if page.pdf_id else None
            item.image = email_image(cover, COVER_IMAGE_SPEC, root_url, alt=page.cover_alt)
        groups[block.block_type].append(item)
    return groups


def render_edition_content(edition, reader_language, view_url, fallback_note=""):
    """Render `edition` (a page in the language of its content) for readers of `reader_language`."""
    content_language = edition.locale.language_code
    root_url = links.site_root_url()
    with translation.override(content_language):
        items = edition_items(edition, content_language, root_url)
    context = {
        **layout_context(reader_language, content_language),
        "edition": edition,
        "subject": edition.title,
        "preheader": edition.preheader or edition.intro,
        "fallback_note": fallback_note,
        "stories": items["story"],
        "events": items["event"],
        "issues": items["issue"],
        "view_url": view_url,
        "preferences_url": links.newsletter_url(
            "preferences", reader_language, links.TOKEN_PLACEHOLDER, root_url
        ),
        "unsubscribe_url": links.newsletter_url(
            "unsubscribe", reader_language, links.TOKEN_PLACEHOLDER, root_url
        ),
    }
    with translation.override(reader_language):
        html = mjml2html(render_to_string("email/edition.mjml", context))
        text = render_to_string("email/edition.txt", context).strip() + "\n"
    return RenderedMail(
        subject=context["subject"], preheader=context["preheader"], html=html, text=text
    )


def preview_response(page, request):
    """The "E-mail" preview mode: the editor's unsaved draft, as readers of its language see it."""
    mail = render_edition_content(
        page, reader_language=page.locale.language_code, view_url=page.full_url
    )
    return HttpResponse(mail.html)
