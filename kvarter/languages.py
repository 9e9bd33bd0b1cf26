"""The language and direction of a piece of content, for marking it where it is shown.

A page, snippet or mail block whose language differs from the reader's is wrapped with its
own `lang` and `dir`, so a screen reader picks the right voice and a Danish sentence on an
Arabic page keeps its left-to-right order. The interface around it stays in the reader's
language.
"""

from django.conf import settings
from django.utils import translation


def text_direction(language):
    """lang, dir and the start side of the text for `language`, as the templates use them."""
    rtl = language in settings.LANGUAGES_BIDI
    return {"lang": language, "dir": "rtl" if rtl else "ltr", "align": "right" if rtl else "left"}


def language_of(source):
    """The language `source` is written in: a language code, a page (an untranslated alias
    is in its original's language) or a translatable object with a locale; None if unknown."""
    if source is None or isinstance(source, str):
        return source or None
    content_language = getattr(source, "content_language", None)
    if content_language:
        return content_language
    locale = getattr(source, "locale", None)
    return locale.language_code if locale is not None else None


def foreign_language(source, reader_language=None):
    """The lang and dir of `source` when it is not in the reader's language, else None."""
    language = language_of(source)
    reader_language = reader_language or translation.get_language()
    if language is None or language == reader_language:
        return None
    return text_direction(language)
