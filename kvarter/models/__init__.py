from .base import BasePage, HeroImageMixin
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
    "FocusAreaPage",
    "FundingShare",
    "HeroImageMixin",
    "HomePage",
    "HousingArea",
    "NetworkPage",
    "Partner",
    "Person",
    "PlanDocument",
    "PlanPage",
    "SiteSettings",
    "StandardPage",
]
