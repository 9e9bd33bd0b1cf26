import datetime

import factory
import wagtail_factories
from factory.django import DjangoModelFactory

from kvarter import models


class ImageFactory(wagtail_factories.ImageFactory):
    title = factory.Sequence(lambda n: f"Billede {n}")
    description = factory.LazyAttribute(lambda o: f"Beskrivelse af {o.title.lower()}")


class PersonFactory(DjangoModelFactory):
    name = factory.Faker("name", locale="da_DK")
    role = "Frivillig"
    email = factory.Sequence(lambda n: f"person{n}@example.org")

    class Meta:
        model = models.Person


class PartnerFactory(DjangoModelFactory):
    name = factory.Sequence(lambda n: f"Partner {n}")

    class Meta:
        model = models.Partner


class HousingAreaFactory(DjangoModelFactory):
    name = factory.Sequence(lambda n: f"Afdeling {n}")

    class Meta:
        model = models.HousingArea


class BasePageFactory(wagtail_factories.PageFactory):
    title = factory.Faker("sentence", nb_words=3, locale="da_DK")
    intro = factory.Faker("sentence", nb_words=12, locale="da_DK")

    class Meta:
        abstract = True


class HomePageFactory(BasePageFactory):
    title = "Velkommen til Charlottekvarteret"

    class Meta:
        model = models.HomePage


class StandardPageFactory(BasePageFactory):
    class Meta:
        model = models.StandardPage


class PlanPageFactory(BasePageFactory):
    title = "Helhedsplanen"
    period_start = datetime.date(2012, 7, 1)
    period_end = datetime.date(2016, 6, 30)
    grant_amount = 13_300_000

    class Meta:
        model = models.PlanPage


class FocusAreaPageFactory(BasePageFactory):
    parent = factory.SubFactory(PlanPageFactory)

    class Meta:
        model = models.FocusAreaPage


class ActivityPageFactory(BasePageFactory):
    parent = factory.SubFactory(FocusAreaPageFactory)
    when = "Tirsdage kl. 16–18"

    class Meta:
        model = models.ActivityPage


class NetworkPageFactory(BasePageFactory):
    parent = factory.SubFactory(StandardPageFactory)
    participants = "Afdelingsbestyrelsen\nSundhedsplejersken"
    meeting_place = "Beboerhuset"
    meeting_time = "Første torsdag i måneden"

    class Meta:
        model = models.NetworkPage


class ContactPageFactory(BasePageFactory):
    title = "Kontakt"
    address = "Eksempelvej 1\n2630 Taastrup"

    class Meta:
        model = models.ContactPage
