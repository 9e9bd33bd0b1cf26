"""The newsletter's models: subscribers and consent, the pages, and the sending of editions."""

from .deliveries import Delivery, EditionSend, RenderedEdition, TrackingEvent
from .pages import NewsletterIndexPage, NewsletterPage
from .subscribers import ConsentEvent, Subscriber, Suppression

__all__ = [
    "ConsentEvent",
    "Delivery",
    "EditionSend",
    "NewsletterIndexPage",
    "NewsletterPage",
    "RenderedEdition",
    "Subscriber",
    "Suppression",
    "TrackingEvent",
]
