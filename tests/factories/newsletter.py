import factory

from nyheder.newsletter import models
from tests.factories.kvarter import BasePageFactory


class NewsletterIndexPageFactory(BasePageFactory):
    title = "Nyhedsbrev"
    slug = "nyhedsbrev"

    class Meta:
        model = models.NewsletterIndexPage


class NewsletterPageFactory(BasePageFactory):
    parent = factory.SubFactory(NewsletterIndexPageFactory)
    title = factory.Sequence(lambda n: f"Nyhedsbrev nr. {n + 1}")
    intro = "Nyt fra Charlottekvarteret: historier, arrangementer og Agerposten."

    class Meta:
        model = models.NewsletterPage


class SubscriberFactory(factory.django.DjangoModelFactory):
    email = factory.Sequence(lambda n: f"beboer{n}@example.org")
    language = "da"
    status = models.Subscriber.Status.CONFIRMED

    class Meta:
        model = models.Subscriber
