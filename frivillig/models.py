"""Volunteering: "gør-det-selv" guides, and the help desk that answers residents' requests."""

import datetime

from django.conf import settings
from django.core import signing
from django.core.paginator import Paginator
from django.db import models
from django.http import HttpResponseNotAllowed
from django.shortcuts import redirect
from django.template.response import TemplateResponse
from django.utils import timezone, translation
from django.utils.cache import add_never_cache_headers
from django.utils.functional import cached_property
from django.utils.http import urlsafe_base64_decode, urlsafe_base64_encode
from django.utils.translation import gettext_lazy as _

from wagtail import blocks
from wagtail.admin.panels import FieldPanel, MultiFieldPanel
from wagtail.contrib.forms.models import EmailFormMixin, FormMixin
from wagtail.contrib.routable_page.models import RoutablePageMixin, path
from wagtail.fields import StreamField
from wagtail.models import Locale
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField, TranslatableField

from kvarter.models import BasePage, SiteSettings
from kvarter.models.pages import LISTING_PAGE_SIZE, BodyMixin
from kvarter.spam import rate_limit_response

from .blocks import RelatedPagesBlock, StepBlock

# A status link keeps working while the request can still exist (see frivillig_purge).
STATUS_TOKEN_MAX_AGE = datetime.timedelta(days=2 * 365)
STATUS_TOKEN_SALT = "frivillig.help-request.status"
RETENTION = datetime.timedelta(days=365)


class Difficulty(models.TextChoices):
    EASY = "easy", _("Easy")
    MEDIUM = "medium", _("Medium")
    HARD = "hard", _("Hard")


class Topic(models.TextChoices):
    # A fixed list rather than tags: every label is translated in every language, and a
    # filter link works whatever language the reader uses.
    ASSOCIATIONS = "associations", _("Associations and boards")
    FUNDING = "funding", _("Money and funding")
    CULTURE = "culture", _("Culture and events")
    BUILDING = "building", _("Building and green spaces")
    CHILDREN = "children", _("Children and learning")
    COMMUNITY = "community", _("Food and community")


class GuideIndexPage(BodyMixin, BasePage):
    """The list of guides, filtered by difficulty and topic."""

    parent_page_types = ["kvarter.HomePage"]
    subpage_types = ["frivillig.GuidePage"]
    max_count_per_parent = 1

    content_panels = [*BasePage.content_panels, *BodyMixin.content_panels]
    search_fields = [*BasePage.search_fields, *BodyMixin.search_fields]
    translatable_fields = [*BasePage.translatable_fields, *BodyMixin.translatable_fields]

    class Meta:
        verbose_name = _("guide index page")

    def guides(self):
        return (
            GuidePage.objects.live()
            .public()
            .child_of(self)
            .select_related("image")
            .prefetch_related("image__renditions")
            .order_by("path")
        )

    def get_context(self, request, *args, **kwargs):
        from .forms import GuideFilterForm  # forms.py imports this module's models

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


class GuidePage(RoutablePageMixin, BodyMixin, BasePage):
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
    contact_person = models.ForeignKey(
        "kvarter.Person",
        verbose_name=_("contact person"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    related = StreamField(
        RelatedPagesBlock(),
        verbose_name=_("related guides, activities and focus areas"),
        blank=True,
    )

    parent_page_types = ["frivillig.GuideIndexPage"]
    subpage_types = []

    content_panels = [
        *BasePage.content_panels,
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
        ),
        *BodyMixin.content_panels,
        FieldPanel("steps"),
        FieldPanel("checklist"),
        FieldPanel("contact_person"),
        FieldPanel("related"),
    ]
    search_fields = [
        *BasePage.search_fields,
        *BodyMixin.search_fields,
        index.SearchField("steps"),
        index.SearchField("materials"),
        index.FilterField("difficulty"),
        index.FilterField("topic"),
    ]
    translatable_fields = [
        *BasePage.translatable_fields,
        *BodyMixin.translatable_fields,
        TranslatableField("audience"),
        SynchronizedField("difficulty"),
        SynchronizedField("topic"),
        TranslatableField("time_needed"),
        TranslatableField("cost"),
        TranslatableField("materials"),
        TranslatableField("steps"),
        TranslatableField("checklist"),
        SynchronizedField("contact_person"),
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
        return self.url + self.reverse_subpage("print").lstrip("/")

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


class HelpDeskPage(RoutablePageMixin, EmailFormMixin, FormMixin, BodyMixin, BasePage):
    """The volunteer help desk: AbstractEmailForm's shape, with the fields fixed in code.

    The fields are a Django form (forms.HelpRequestForm) rather than editor-defined form
    fields, because staff sort, filter and answer requests by them. What a resident sends is
    a HelpRequest, managed under "Help requests" in the admin.
    """

    parent_page_types = ["kvarter.HomePage"]
    subpage_types = []
    max_count_per_parent = 1

    content_panels = [
        *BasePage.content_panels,
        *BodyMixin.content_panels,
        MultiFieldPanel(
            [
                FieldPanel("to_address", permission="superuser"),
                FieldPanel("from_address", permission="superuser"),
            ],
            heading=_("Notifications"),
        ),
    ]
    search_fields = [*BasePage.search_fields, *BodyMixin.search_fields]
    translatable_fields = [
        *BasePage.translatable_fields,
        *BodyMixin.translatable_fields,
        # One set of addresses for every language: translators must not redirect requests.
        SynchronizedField("to_address", overridable=False),
        SynchronizedField("from_address", overridable=False),
        SynchronizedField("subject", overridable=False),
    ]

    class Meta:
        verbose_name = _("help desk page")

    # The form seams of Wagtail's FormMixin --------------------------------

    def get_form_class(self):
        from .forms import HelpRequestForm  # forms.py imports this module's models

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
        help_request.notify_staff(self.staff_recipients())
        help_request.send_receipt()
        return help_request

    def render_landing_page(self, request, form_submission=None, *args, **kwargs):
        if getattr(request, "is_preview", False):  # the editor's "Landing page" preview
            return self.thanks(request)
        # Redirect after POST, so that reloading the thank-you page sends nothing twice.
        return redirect(self.sub_url("thanks"))

    def get_landing_page_template(self, *args, **kwargs):
        return "frivillig/help_desk_thanks.html"

    # Routes ----------------------------------------------------------------

    def sub_url(self, name):
        return self.url + self.reverse_subpage(name).lstrip("/")

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

    def staff_recipients(self):
        source = self.get_translation_or_none(Locale.get_default()) or self
        recipients = [a.strip() for a in source.specific.to_address.split(",") if a.strip()]
        if not recipients:
            email = SiteSettings.for_site(self.get_site()).email
            recipients = [email] if email else []
        return recipients


class HelpRequest(models.Model):
    """A resident's request to the help desk, and how staff answered it."""

    class Status(models.TextChoices):
        NEW = "new", _("New")
        IN_PROGRESS = "in_progress", _("In progress")
        ANSWERED = "answered", _("Answered")
        CLOSED = "closed", _("Closed")

    class Kind(models.TextChoices):
        PROJECT = "project", _("Starting a project")
        FUNDING = "funding", _("Funding")
        ROOM = "room", _("A room")
        VOLUNTEERS = "volunteers", _("Volunteers")
        OTHER = "other", _("Something else")

    page = models.ForeignKey(
        HelpDeskPage,
        verbose_name=_("sent from"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    name = models.CharField(_("name"), max_length=120)
    email = models.EmailField(_("e-mail"), blank=True)
    phone = models.CharField(_("phone"), max_length=40, blank=True)
    language = models.CharField(_("preferred language"), max_length=8, choices=settings.LANGUAGES)
    kind = models.CharField(_("kind of help"), max_length=20, choices=Kind.choices)
    description = models.TextField(_("description"), max_length=5000)
    status = models.CharField(
        _("status"), max_length=20, choices=Status.choices, default=Status.NEW
    )
    assigned_to = models.ForeignKey(
        settings.AUTH_USER_MODEL,
        verbose_name=_("assigned to"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
    )
    internal_notes = models.TextField(
        _("internal notes"), blank=True, help_text=_("Only staff see these.")
    )
    answer = models.TextField(
        _("answer"), blank=True, help_text=_("The resident sees this on their status page.")
    )
    answer_guide = models.ForeignKey(
        GuidePage,
        verbose_name=_("guide as answer"),
        null=True,
        blank=True,
        on_delete=models.SET_NULL,
        related_name="+",
        help_text=_("Shown on the status page, in the resident's language if translated."),
    )
    created_at = models.DateTimeField(_("received"), auto_now_add=True)
    updated_at = models.DateTimeField(_("updated"), auto_now=True)
    closed_at = models.DateTimeField(_("closed"), null=True, blank=True, editable=False)

    panels = [
        MultiFieldPanel(
            [
                FieldPanel("name", read_only=True),
                FieldPanel("email", read_only=True),
                FieldPanel("phone", read_only=True),
                FieldPanel("language", read_only=True),
                FieldPanel("kind", read_only=True),
                FieldPanel("description", read_only=True),
            ],
            heading=_("The request"),
        ),
        FieldPanel("status"),
        FieldPanel("assigned_to"),
        FieldPanel("answer"),
        FieldPanel("answer_guide"),
        FieldPanel("internal_notes"),
    ]

    class Meta:
        verbose_name = _("help request")
        verbose_name_plural = _("help requests")
        ordering = ["-created_at"]

    def __str__(self):
        return f"{self.name}: {self.get_kind_display()}"

    def save(self, *args, **kwargs):
        if self.status == self.Status.CLOSED:
            self.closed_at = self.closed_at or timezone.now()
        else:
            self.closed_at = None
        super().save(*args, **kwargs)

    # Status link ------------------------------------------------------------

    @property
    def status_token(self):
        signed = signing.dumps(self.pk, salt=STATUS_TOKEN_SALT)
        # Wagtail routes only letters, digits, "_" and "-" in a path: no ":" from the signer.
        return urlsafe_base64_encode(signed.encode())

    @classmethod
    def from_status_token(cls, token):
        """The request a status link points at, or None when forged, expired or deleted."""
        try:
            signed = urlsafe_base64_decode(token).decode()
            pk = signing.loads(signed, salt=STATUS_TOKEN_SALT, max_age=STATUS_TOKEN_MAX_AGE)
        except (ValueError, signing.BadSignature):
            return None
        return cls.objects.select_related("answer_guide").filter(pk=pk).first()

    def status_url(self):
        """The status page on the help desk in the resident's language, as a full URL."""
        with translation.override(self.language):
            page = self.page.localized
            return page.get_full_url() + page.reverse_subpage(
                "status", args=[self.status_token]
            ).lstrip("/")

    def answer_guide_for_reader(self):
        guide = self.answer_guide
        return guide.localized if guide is not None and guide.live else None

    # Mail ----------------------------------------------------------------

    def notify_staff(self, recipients):
        from .emails import send_staff_notification

        if recipients:
            send_staff_notification(self, recipients)

    def send_receipt(self):
        from .emails import send_receipt

        if self.email:
            send_receipt(self)

    def send_answer_notice(self):
        from .emails import send_answer_notice

        # Without the help desk page there is no status page to link to.
        if self.email and self.page is not None:
            send_answer_notice(self)

    @classmethod
    def due_for_purge(cls, now=None):
        cutoff = (now or timezone.now()) - RETENTION
        return cls.objects.filter(status=cls.Status.CLOSED, closed_at__lt=cutoff)
