"""Volunteering: "gør-det-selv" guides, and the help desk that answers residents' requests.

The page models sit on top of the app: they import the choices, the data model
(help_requests.py), the forms and the mails, none of which imports this module.
"""

from django.core.paginator import Paginator
from django.db import models
from django.http import HttpResponseNotAllowed
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils.cache import add_never_cache_headers
from django.utils.functional import cached_property
from django.utils.translation import gettext_lazy as _

from wagtail import blocks
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.forms.models import EmailFormMixin, FormMixin
from wagtail.contrib.routable_page.models import path
from wagtail.fields import StreamField
from wagtail.models import Locale
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField, TranslatableField

from kvarter.constants import LISTING_PAGE_SIZE
from kvarter.images import prefetch_renditions
from kvarter.models import BodyPage, ContactPersonMixin, RoutableMixin, StaffRecipientsMixin
from kvarter.spam import rate_limit_response

from . import emails
from .blocks import RelatedPagesBlock, StepBlock
from .choices import Difficulty, Topic
from .forms import GuideFilterForm, HelpRequestForm
from .help_requests import HelpRequest

__all__ = ["GuideIndexPage", "GuidePage", "HelpDeskPage", "HelpRequest"]


class GuideIndexPage(BodyPage):
    """The list of guides, filtered by difficulty and topic."""

    parent_page_types = ["kvarter.HomePage"]
    subpage_types = ["frivillig.GuidePage"]
    max_count_per_parent = 1

    class Meta:
        verbose_name = _("guide index page")
        verbose_name_plural = _("guide index pages")

    def guides(self):
        return (
            GuidePage.objects.live()
            .public()
            .child_of(self)
            .select_related("image")
            .prefetch_related(prefetch_renditions("card"))
            .order_by("path")
        )

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        form = GuideFilterForm(request.GET)
        guides = self.guides()
        # An unknown value (an old link, a typo) lists nothing rather than failing.
        guides = form.filter(guides) if form.is_valid() else guides.none()
        context["guides"] = Paginator(guides, LISTING_PAGE_SIZE).get_page(request.GET.get("page"))
        context["filter_form"] = form
        context["filter_query"] = form.querystring()
        context["is_filtered"] = bool(form.querystring())
        return context


class GuidePage(RoutableMixin, ContactPersonMixin, BodyPage):
    """A "gør-det-selv" guide: a recipe for a resident's own project, with numbered steps."""

    audience = models.CharField(
        _("who it is for"), max_length=250, help_text=_("For example: parents, young people")
    )
    difficulty = models.CharField(
        _("difficulty"), max_length=10, choices=Difficulty.choices, default=Difficulty.EASY
    )
    topic = models.CharField(_("topic"), max_length=20, choices=Topic.choices)
    time_needed = models.CharField(
        _("time needed"), max_length=120, help_text=_("For example: two evenings")
    )
    cost = models.CharField(
        _("cost estimate"), max_length=120, help_text=_("For example: 0–500 kr.")
    )
    materials = StreamField(
        [("item", blocks.CharBlock(label=_("Thing you need"), max_length=250))],
        verbose_name=_("what you need"),
        blank=True,
    )
    steps = StreamField([("step", StepBlock())], verbose_name=_("steps"))
    checklist = StreamField(
        [("item", blocks.CharBlock(label=_("Item to tick off"), max_length=250))],
        verbose_name=_("checklist"),
        blank=True,
        help_text=_("Shown as tick boxes, for residents who print the guide."),
    )
    related = StreamField(
        RelatedPagesBlock(),
        verbose_name=_("related guides, activities and focus areas"),
        blank=True,
    )

    parent_page_types = ["frivillig.GuideIndexPage"]
    subpage_types = []

    # In the order the guide reads: what it takes, the introduction, then the steps.
    content_panels = [
        *BodyPage.panels_with(
            MultiFieldPanel(
                [
                    FieldPanel("audience"),
                    FieldPanel("difficulty"),
                    FieldPanel("topic"),
                    FieldPanel("time_needed"),
                    FieldPanel("cost"),
                    FieldPanel("materials"),
                ],
                heading=_("About the guide"),
            )
        ),
        FieldPanel("steps"),
        FieldPanel("checklist"),
        *ContactPersonMixin.panels,
        FieldPanel("related"),
    ]
    search_fields = [
        *BodyPage.search_fields,
        index.SearchField("steps"),
        index.SearchField("materials"),
        index.FilterField("difficulty"),
        index.FilterField("topic"),
    ]
    translatable_fields = [
        *BodyPage.translatable_fields,
        TranslatableField("audience"),
        SynchronizedField("difficulty"),
        SynchronizedField("topic"),
        TranslatableField("time_needed"),
        TranslatableField("cost"),
        TranslatableField("materials"),
        TranslatableField("steps"),
        TranslatableField("checklist"),
        *ContactPersonMixin.translatable_fields,
        SynchronizedField("related"),
    ]

    class Meta:
        verbose_name = _("guide page")
        verbose_name_plural = _("guide pages")

    @property
    def material_list(self):
        return [block.value for block in self.materials]

    @property
    def checklist_items(self):
        return [block.value for block in self.checklist]

    @property
    def print_url(self):
        return self.subpage_url("print")

    @cached_property
    def related_pages(self):
        """Chosen pages in the reader's language, grouped by kind; unpublished ones left out."""
        groups = {"guide": [], "activity": [], "focus_area": []}
        for block in self.related:
            page = block.value
            if page is not None and page.live:
                groups[block.block_type].append(page.specific.localized)
        return groups

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["contact"] = self.contact_person.localized if self.contact_person else None
        context["related_pages"] = self.related_pages
        # The help desk next to this guide's index, in the same language tree.
        context["help_desk"] = (
            HelpDeskPage.objects.live().public().sibling_of(self.get_parent()).first()
        )
        return context

    @path("print/", name="print")
    def print_view(self, request):
        """The guide alone, for paper: no navigation, link addresses written out."""
        return TemplateResponse(request, "frivillig/guide_print.html", self.get_context(request))


class HelpDeskPage(RoutableMixin, StaffRecipientsMixin, EmailFormMixin, FormMixin, BodyPage):
    """The volunteer help desk: AbstractEmailForm's shape, with the fields fixed in code.

    The fields are a Django form (forms.HelpRequestForm) rather than editor-defined form
    fields, because staff sort, filter and answer requests by them. What a resident sends is
    a HelpRequest, managed under "Help requests" in the admin. StaffRecipientsMixin comes
    before EmailFormMixin, so that its `to_address` (validated, one a line or by commas)
    takes the place of Wagtail's.
    """

    menu_shortcut = ("help", 20)

    parent_page_types = ["kvarter.HomePage"]
    subpage_types = []
    max_count_per_parent = 1

    content_panels = [
        *BodyPage.content_panels,
        *StaffRecipientsMixin.panels,
        FieldPanel("from_address", permission="superuser"),
    ]
    translatable_fields = [
        *BodyPage.translatable_fields,
        *StaffRecipientsMixin.translatable_fields,
        # One sender for every language, like the recipients.
        SynchronizedField("from_address", overridable=False),
        SynchronizedField("subject", overridable=False),
    ]

    class Meta:
        verbose_name = _("help desk page")
        verbose_name_plural = _("help desk pages")

    def sender_address(self):
        """The Danish page's sender address, like the recipients; None for the site default."""
        source = self.get_translation_or_none(Locale.get_default()) or self
        return source.specific.from_address or None

    # The form seams of Wagtail's FormMixin --------------------------------

    def get_form_class(self):
        return HelpRequestForm

    def get_form(self, *args, page=None, user=None, **kwargs):
        return self.get_form_class()(*args, **kwargs)

    def get_submission_class(self):
        return HelpRequest

    def process_form_submission(self, form):
        # Spam gets the same thank-you page, so a bot learns nothing; nothing is kept or sent.
        if form.is_spam():
            return None
        help_request = form.save(commit=False)
        help_request.page = self
        help_request.save()
        # Queued, not sent: with the mail server down the resident is thanked as usual.
        emails.send_staff_notification(help_request, self.staff_recipients())
        emails.send_receipt(help_request)
        return help_request

    def render_landing_page(self, request, form_submission=None, *args, **kwargs):
        if getattr(request, "is_preview", False):  # the editor's "Landing page" preview
            return self.thanks(request)
        # Redirect after POST, so that reloading the thank-you page sends nothing twice.
        return redirect(self.subpage_url("thanks", request=request))

    def get_landing_page_template(self, *args, **kwargs):
        return "frivillig/help_desk_thanks.html"

    # Routes ----------------------------------------------------------------

    @path("", name="form")
    def form_view(self, request):
        if limited := rate_limit_response(request, "help-desk"):
            return limited
        return FormMixin.serve(self, request)

    @path("tak/", name="thanks")
    def thanks(self, request):
        context = self.get_context(request)
        return TemplateResponse(request, self.get_landing_page_template(), context)

    @path("status/<str:token>/", name="status")
    def status(self, request, token):
        # Reading only: a link checker or a mail scanner that follows the link changes nothing.
        if request.method not in ("GET", "HEAD"):
            return HttpResponseNotAllowed(["GET", "HEAD"])
        help_request = HelpRequest.from_status_token(token)
        context = self.get_context(request)
        if help_request is None:
            # Forged, expired or deleted: the same page, which says nothing about which.
            response = TemplateResponse(
                request, "frivillig/help_request_invalid.html", context, status=404
            )
        else:
            context["help_request"] = help_request
            context["answer_guide"] = help_request.answer_guide_for_reader()
            response = TemplateResponse(request, "frivillig/help_request_status.html", context)
        # A resident's request is personal: no shared cache or CDN may keep a copy.
        add_never_cache_headers(response)
        return response
