"""A guide index and a help desk under a Danish home page, shared by the frivillig tests."""

from tests.factories.frivillig import GuideIndexPageFactory, HelpDeskPageFactory
from tests.kvarter.helpers import create_site


def create_volunteer_site():
    home, locales = create_site()
    index = GuideIndexPageFactory(parent=home, intro="Opskrifter på dit eget projekt")
    desk = HelpDeskPageFactory(parent=home, intro="Skriv til os på dit eget sprog")
    return home, locales, index, desk
