import datetime

import factory
from factory.django import DjangoModelFactory

from arrangementer import models
from arrangementer.recurrence import LOCAL_TZ

from .kvarter import BasePageFactory


def _next_local(days, hour):
    """A Copenhagen time `days` from today at `hour` o'clock."""
    day = datetime.date.today() + datetime.timedelta(days=days)
    return datetime.datetime.combine(day, datetime.time(hour), tzinfo=LOCAL_TZ)


class EventCategoryFactory(DjangoModelFactory):
    name = factory.Sequence(lambda n: f"Kategori {n}")
    slug = factory.Sequence(lambda n: f"kategori-{n}")

    class Meta:
        model = models.EventCategory


class EventIndexPageFactory(BasePageFactory):
    title = "Det sker"
    slug = "det-sker"

    class Meta:
        model = models.EventIndexPage


class EventPageFactory(BasePageFactory):
    parent = factory.SubFactory(EventIndexPageFactory)
    start = factory.LazyFunction(lambda: _next_local(3, 17))
    end = factory.LazyAttribute(lambda o: o.start + datetime.timedelta(hours=2))
    address = "Naboskabsvej 7, 2630 Taastrup"
    room = "Beboerhuset"

    class Meta:
        model = models.EventPage
