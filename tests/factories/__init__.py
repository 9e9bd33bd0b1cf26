from .events import EventCategoryFactory, EventIndexPageFactory, EventPageFactory
from .kvarter import (
    ActivityPageFactory,
    ContactPageFactory,
    FocusAreaPageFactory,
    HomePageFactory,
    HousingAreaFactory,
    ImageFactory,
    NetworkPageFactory,
    PartnerFactory,
    PersonFactory,
    PlanPageFactory,
    StandardPageFactory,
)
from .nyheder import StoryIndexPageFactory, StoryPageFactory

__all__ = [
    "ActivityPageFactory",
    "ContactPageFactory",
    "EventCategoryFactory",
    "EventIndexPageFactory",
    "EventPageFactory",
    "FocusAreaPageFactory",
    "HomePageFactory",
    "HousingAreaFactory",
    "ImageFactory",
    "NetworkPageFactory",
    "PartnerFactory",
    "PersonFactory",
    "PlanPageFactory",
    "StandardPageFactory",
    "StoryIndexPageFactory",
    "StoryPageFactory",
]
