import datetime

from django.conf import settings
from django.utils.text import slugify

from wagtail.models import Locale

import factory

from nyheder import models
from tests.factories.kvarter import BasePageFactory, PersonFactory


def danish_topic(name):
    locale = Locale.objects.get(language_code=settings.LANGUAGE_CODE)
    topic, _created = models.Topic.objects.get_or_create(
        locale=locale, slug=slugify(name), defaults={"name": name}
    )
    return topic


class StoryIndexPageFactory(BasePageFactory):
    title = "Historier"
    slug = "historier"
    to_address = "redaktion@example.org\nkommunikation@example.org"

    class Meta:
        model = models.StoryIndexPage


class StoryPageFactory(BasePageFactory):
    parent = factory.SubFactory(StoryIndexPageFactory)
    date = factory.Sequence(lambda n: datetime.date(2025, 1, 1) + datetime.timedelta(days=n))
    author = factory.SubFactory(PersonFactory)

    class Meta:
        model = models.StoryPage
        skip_postgeneration_save = True

    @factory.post_generation
    def topics(self, create, names):
        """Danish topics by name, made when missing, as an editor picks them."""
        if names:
            self.topics.set([danish_topic(name) for name in names])
            if create:
                self.save()
