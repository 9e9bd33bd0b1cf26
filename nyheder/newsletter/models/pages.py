"""The newsletter's pages: its own page (sign-up and archive) and one page per edition."""

from django.conf import settings
from django.core.paginator import Paginator
from django.db import models
from django.http import HttpResponse
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _

from wagtail.admin.panels import FieldPanel
from wagtail.fields import StreamField
from wagtail_localize.fields import SynchronizedField, TranslatableField

from kvarter.models import BasePage, BodyPage
from kvarter.security import as_mail_preview

from ..blocks import NewsletterItemsBlock, live_items_by_type
from ..constants import ARCHIVE_PAGE_SIZE
from ..forms import SubscribeForm
from ..rendering import render_edition_content


class NewsletterIndexPage(BodyPage):
    """The newsletter's own page: the sign-up form and the archive of past editions."""

    parent_page_types = ["kvarter.HomePage"]
    subpage_types = ["newsletter.NewsletterPage"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("newsletter page")
        verbose_name_plural = _("newsletter pages")

    def editions(self):
        return NewsletterPage.objects.live().public().child_of(self).order_by("-first_published_at")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["editions"] = Paginator(self.editions(), ARCHIVE_PAGE_SIZE).get_page(
            request.GET.get("page")
        )
        context["subscribe_form"] = SubscribeForm.for_language(request.LANGUAGE_CODE)
        return context


class NewsletterPage(BasePage):
    """One edition: an intro and the chosen stories, events and Agerposten issue.

    As a page it has drafts, revisions, workflow, scheduling and translations, and once
    published it is the edition's "view in the browser" page in the public archive. It has
    no body: what a reader gets is the intro and the items, in the mail and on the web alike.
    """

    preheader = models.CharField(
        _("preheader"),
        max_length=140,
        blank=True,
        help_text=_(
            "The line mail programs show after the subject. Empty: they show the start of the mail."
        ),
    )
    items = StreamField(
        NewsletterItemsBlock(),
        verbose_name=_("items"),
        blank=True,
        help_text=_("Stories, events and the Agerposten issue, in the order readers see them."),
    )

    parent_page_types = ["newsletter.NewsletterIndexPage"]
    subpage_types = []

    content_panels = [
        *BasePage.content_panels,
        FieldPanel("preheader"),
        FieldPanel("items"),
    ]
    translatable_fields = [
        *BasePage.translatable_fields,
        TranslatableField("preheader"),
        # The Danish edition chooses the items; each one is shown in the reader's language.
        SynchronizedField("items"),
    ]

    preview_modes = [("", _("Web")), ("email", _("E-mail"))]

    class Meta:
        verbose_name = _("newsletter edition")
        verbose_name_plural = _("newsletter editions")

    @cached_property
    def source_edition(self):
        """The Danish original, which deliveries and send progress belong to."""
        if self.locale.language_code == settings.LANGUAGE_CODE:
            return self
        return (
            NewsletterPage.objects.filter(
                translation_key=self.translation_key,
                locale__language_code=settings.LANGUAGE_CODE,
            ).first()
            or self
        )

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["edition_items"] = live_items_by_type(self.items)
        return context

    def serve_preview(self, request, mode_name):
        if mode_name == "email":
            # The editor's unsaved draft, as readers of its language get it.
            mail = render_edition_content(
                self, reader_language=self.locale.language_code, view_url=self.full_url
            )
            return as_mail_preview(HttpResponse(mail.html))
        return super().serve_preview(request, mode_name)
