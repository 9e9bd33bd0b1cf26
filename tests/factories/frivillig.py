import factory
import wagtail_factories
from factory.django import DjangoModelFactory

from frivillig import blocks, choices, models
from tests.factories.kvarter import BasePageFactory, PersonFactory


class StepBlockFactory(wagtail_factories.StructBlockFactory):
    title = factory.Sequence(lambda n: f"Trin {n + 1}")
    text = factory.Faker("sentence", nb_words=10, locale="da_DK")
    tip = ""

    class Meta:
        model = blocks.StepBlock


class GuideIndexPageFactory(BasePageFactory):
    title = "Gør det selv"
    slug = "guides"

    class Meta:
        model = models.GuideIndexPage


class GuidePageFactory(BasePageFactory):
    parent = factory.SubFactory(GuideIndexPageFactory)
    audience = "Naboer"
    difficulty = choices.Difficulty.EASY
    topic = choices.Topic.COMMUNITY
    time_needed = "To aftener"
    cost = "0–500 kr."
    steps = wagtail_factories.StreamFieldFactory({"step": factory.SubFactory(StepBlockFactory)})
    contact_person = factory.SubFactory(PersonFactory)

    class Meta:
        model = models.GuidePage


class HelpDeskPageFactory(BasePageFactory):
    title = "Frivilligdesken"
    slug = "frivilligdesk"
    to_address = "frivillig@example.org, leder@example.org"

    class Meta:
        model = models.HelpDeskPage


class HelpRequestFactory(DjangoModelFactory):
    name = factory.Faker("name", locale="da_DK")
    email = factory.Sequence(lambda n: f"beboer{n}@example.org")
    language = "da"
    kind = choices.HelpRequestKind.PROJECT
    description = factory.Faker("paragraph", locale="da_DK")

    class Meta:
        model = models.HelpRequest
