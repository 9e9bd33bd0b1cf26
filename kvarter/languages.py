"""The language and direction of a piece of content, for marking it where it is shown.

A page, snippet or mail block whose language differs from the reader's is wrapped with its
own `lang` and `dir`, so a screen reader picks the right voice and a Danish sentence on an
Arabic page keeps its left-to-right order. The interface around it stays in the reader's
language.
"""

from django.conf import settings
from django.db.models import F
from django.utils import translation

from wagtail_localize.synctree import create_aliases_for_new_page

from kvarter.furniture import locale_languages


def text_direction(language):
    """lang, dir and the start side of the text for `language`, as the templates use them."""
    rtl = language in settings.LANGUAGES_BIDI
    return {"lang": language, "dir": "rtl" if rtl else "ltr", "align": "right" if rtl else "left"}


def language_of(source, languages=None):
    """The language `source` is written in: a language code, a page or a translatable object
    with a locale; None if it has none. `languages` is a `locale_languages()` to read the
    locale from without a query per object.

    wagtail-localize keeps every language's page tree in sync with the Danish one, so an
    untranslated stand-in (an alias) shows a Danish page.
    """
    if source is None or isinstance(source, str):
        return source or None
    if getattr(source, "alias_of_id", None):
        return settings.LANGUAGE_CODE
    locale_id = getattr(source, "locale_id", None)
    if locale_id is None:
        return None
    languages = locale_languages() if languages is None else languages
    if locale_id in languages:
        return languages[locale_id]
    return source.locale.language_code


def foreign_language(source, reader_language=None, languages=None):
    """The lang and dir of `source` when it is not in the reader's language, else None."""
    language = language_of(source, languages)
    reader_language = reader_language or translation.get_language()
    if language is None or language == reader_language:
        return None
    return text_direction(language)


class ReaderLanguageMixin:
    """Wagtail's `localized`, without its query for the active locale when the object is
    already in the reader's language, as nearly everything on a page is."""

    @property
    def localized(self):
        if locale_languages().get(self.locale_id) == translation.get_language():
            return self
        return super().localized


# An alias is an untranslated stand-in for a Danish page: ordering on it first puts the pages
# written in the reader's language ahead. Teasers use it; full listings keep their date order.
READER_LANGUAGE_FIRST = F("alias_of").asc(nulls_first=True)


def add_child_in_every_language(parent, page):
    """Add `page` under `parent` as the admin does: wagtail-localize's tree sync gives it a
    stand-in in every language, so a page that code creates (an import, a composed edition)
    has an address in each language, and a later translation replaces the stand-in."""
    parent.add_child(instance=page)
    create_aliases_for_new_page(page)
    return page
