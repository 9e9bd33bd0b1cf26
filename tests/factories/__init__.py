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

__all__ = [
    "ActivityPageFactory",
    "ContactPageFactory",
    "FocusAreaPageFactory",
    "HomePageFactory",
    "HousingAreaFactory",
    "ImageFactory",
    "NetworkPageFactory",
    "PartnerFactory",
    "PersonFactory",
    "PlanPageFactory",
    "StandardPageFactory",
]
