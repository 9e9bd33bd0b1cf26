"""A story index with stories under a Danish home page, shared by the nyheder tests."""

from tests.factories import (
    FocusAreaPageFactory,
    HousingAreaFactory,
    ImageFactory,
    PlanPageFactory,
    StoryIndexPageFactory,
    StoryPageFactory,
)
from tests.kvarter.helpers import create_site


def create_story_site():
    home, locales = create_site()
    index = StoryIndexPageFactory(parent=home, intro="Gode historier fra kvarteret")
    plan = PlanPageFactory(parent=home, slug="planen")
    culture = FocusAreaPageFactory(parent=plan, slug="kultur", title="Kultur og fritid")
    area = HousingAreaFactory(name="Agerhusene", locale=locales["da"])
    return home, locales, index, culture, area


def add_story(index, slug, **fields):
    fields.setdefault("image", ImageFactory())
    return StoryPageFactory(parent=index, slug=slug, **fields)
