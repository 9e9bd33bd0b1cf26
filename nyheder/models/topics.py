"""What a story is about, as a translatable label: readers see it in their own language and
filter the stories by it."""

from django.conf import settings
from django.db import models
from django.utils import translation
from django.utils.translation import gettext_lazy as _

from wagtail.snippets.models import register_snippet

from kvarter.models import TranslatedLabel


def in_source_language():
    """Stories point at the Danish topics; their translations follow (translation keys)."""
    return {"locale__language_code": settings.LANGUAGE_CODE}


class Topic(TranslatedLabel):
    """Children, culture, jobs …: one Danish topic, translated once for every story."""

    slug = models.SlugField(
        _("slug"),
        max_length=80,
        help_text=_("Used in the web address of the stories about this topic."),
    )

    class Meta(TranslatedLabel.Meta):
        verbose_name = _("topic")
        verbose_name_plural = _("topics")
        constraints = [models.UniqueConstraint(fields=["slug", "locale"], name="unique_topic_slug")]

    @classmethod
    def for_reader(cls, topics, by_key=None):
        """`topics` (Danish ones) in the reader's language where translated, by name.
        `by_key` is a `for_reader_by_key()` that a listing reads once for all its stories."""
        by_key = by_key if by_key is not None else cls.for_reader_by_key()
        return sorted(
            (by_key.get(topic.translation_key, topic) for topic in topics),
            key=lambda topic: topic.name.casefold(),
        )

    @classmethod
    def for_reader_by_key(cls):
        return cls.by_translation_key(translation.get_language())


register_snippet(Topic)
