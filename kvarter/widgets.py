from django import forms
from django.utils import translation

from kvarter.languages import foreign_language


class ForeignLanguageSelect(forms.Select):
    """A select whose options are content, not interface: Danish tag names, or page titles
    that may be untranslated. An option in another language than the page's carries its lang
    and dir, so it is read with the right voice.

    `language` is every option's language; `option_languages` ({value: language}) overrides it.
    """

    def __init__(self, language=None, attrs=None, choices=()):
        super().__init__(attrs, choices)
        self.language = language
        self.option_languages = {}

    def create_option(self, name, value, label, selected, index, subindex=None, attrs=None):
        option = super().create_option(name, value, label, selected, index, subindex, attrs)
        language = self.option_languages.get(value, self.language)
        direction = foreign_language(language, translation.get_language())
        # The empty choice ("All") is the interface's own word.
        if value and direction is not None:
            option["attrs"].update(lang=direction["lang"], dir=direction["dir"])
        return option
