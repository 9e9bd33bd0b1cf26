import datetime

import factory

from nyheder import models
from tests.factories.kvarter import BasePageFactory, PersonFactory


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
    def tags(self, create, names):
        if names:
            self.tags.add(*names)
            if create:
                self.save()
