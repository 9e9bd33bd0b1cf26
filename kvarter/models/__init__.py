from .base import BasePage, HeroImageMixin
from .events import EventCategory, EventException, EventIndexPage, EventPage, OccurrenceChange
from .pages import (
    ActivityPage,
    ContactPage,
    ContactPerson,
    FocusAreaPage,
    FundingShare,
    HomePage,
    NetworkPage,
    PlanDocument,
    PlanPage,
    StandardPage,
)
from .site_settings import SiteSettings
from .snippets import HousingArea, Partner, Person

__all__ = [
    "ActivityPage",
    "BasePage",
    "ContactPage",
    "ContactPerson",
    "EventCategory",
    "EventException",
    "EventIndexPage",
    "EventPage",
    "FocusAreaPage",
    "FundingShare",
    "HeroImageMixin",
    "HomePage",
    "HousingArea",
    "NetworkPage",
    "OccurrenceChange",
    "Partner",
    "Person",
    "PlanDocument",
    "PlanPage",
    "SiteSettings",
    "StandardPage",
]
