"""Editions as MJML → HTML plus a plain-text part, in the reader's language.

An edition is rendered once per language (sending.render_languages). It shows the live
translation in that language when there is one; otherwise the Danish edition, marked
lang="da", with a one-line note in the reader's language. Headings, dates and links stay in the
reader's language either way, and each item shows its own live translation in that language
where there is one. The links to the reader's
preferences and unsubscribe pages carry TOKEN_PLACEHOLDER, which sending replaces.
The subscriber mails and the mail layout are kvarter.mail's.
"""

from dataclasses import dataclass

from django.conf import settings
from django.template.loader import render_to_string
from django.utils import translation
from django.utils.translation import gettext

from kvarter.images import alt_text
from kvarter.languages import foreign_language
from kvarter.mail import RenderedMail, layout_context, mjml_to_html, site_root_url

from .blocks import live_items_by_type
from .constants import TOKEN_PLACEHOLDER
from .links import newsletter_url

# Gmail clips a message body above 102 KB; the tests keep a large edition under this.
GMAIL_CLIP_BYTES = 102 * 1024
# Mail programs do not all show AVIF or WebP, so mail images are JPEG, 600 px like the layout.
STORY_IMAGE_SPEC = "fill-600x338|format-jpeg|jpegquality-80"
COVER_IMAGE_SPEC = "width-200|format-jpeg|jpegquality-80"


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
    # Set when the page is shown in another language than the reader's (an alias: Danish).
    lang: str = ""
    dir: str = ""
    align: str = ""


def absolute_media_url(url, root_url):
    # Local storage gives a path, S3-like storage a full URL already.
    return url if url.startswith(("http://", "https://")) else root_url + url


def email_image(image, spec, root_url, alt=None):
    if image is None:
        return None
    rendition = image.get_rendition(spec)
    return EmailImage(
        url=absolute_media_url(rendition.url, root_url),
        alt=alt_text(image) if alt is None else alt,
        width=rendition.width,
        height=rendition.height,
    )


def live_translation(source, language):
    """The edition's own live translation into `language` (not an untranslated alias), or None."""
    if language == source.locale.language_code:
        return source
    return (
        source.get_translations()
        .live()
        .filter(locale__language_code=language, alias_of__isnull=True)
        .first()
    )


def browser_url(source, language):
    """The edition's web page for a reader of `language`: theirs if live, else the Danish one."""
    page = (
        source.get_translations(inclusive=True)
        .live()
        .filter(locale__language_code=language)
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


def email_item(block, page, reader_language, root_url):
    item = EmailItem(block=block, page=page)
    direction = foreign_language(page, reader_language)
    if direction:
        item.lang, item.dir, item.align = direction["lang"], direction["dir"], direction["align"]
    if block.block_type == "story":
        item.image = email_image(page.image, STORY_IMAGE_SPEC, root_url)
    elif block.block_type == "issue":
        cover = page.pdf.cover if page.pdf_id else None
        item.image = email_image(cover, COVER_IMAGE_SPEC, root_url, alt=page.cover_alt)
    return item


def edition_items(edition, reader_language, root_url):
    """The edition's live items by type, each in `reader_language` where it has a live
    translation, with their images and directions for the mail. Runs under that language."""
    return {
        item_type: [email_item(block, page, reader_language, root_url) for block, page in pairs]
        for item_type, pairs in live_items_by_type(edition.items).items()
    }


def render_edition_content(edition, reader_language, view_url, fallback_note=""):
    """Render `edition` (a page in the language of its content) for readers of `reader_language`."""
    content_language = edition.locale.language_code
    root_url = site_root_url()
    with translation.override(reader_language):
        items = edition_items(edition, reader_language, root_url)
    context = {
        # The mail is the reader's; only the edition's own text may be in another language.
        **layout_context(reader_language),
        "edition": edition,
        "subject": edition.title,
        # Never the intro, which the mail shows anyway. A fallback reader gets none rather than
        # a Danish one: the inbox then previews the note in their own language.
        "preheader": "" if fallback_note else edition.preheader,
        "title_language": foreign_language(content_language, reader_language),
        "fallback_note": fallback_note,
        "stories": items["story"],
        "events": items["event"],
        "issues": items["issue"],
        "view_url": view_url,
        "preferences_url": newsletter_url(
            "preferences", reader_language, TOKEN_PLACEHOLDER, root_url
        ),
        "unsubscribe_url": newsletter_url(
            "unsubscribe", reader_language, TOKEN_PLACEHOLDER, root_url
        ),
    }
    with translation.override(reader_language):
        html = mjml_to_html(render_to_string("email/edition.mjml", context))
        text = render_to_string("email/edition.txt", context).strip() + "\n"
    return RenderedMail(
        subject=context["subject"], preheader=context["preheader"], html=html, text=text
    )
