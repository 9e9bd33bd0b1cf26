from django.core.exceptions import ValidationError
from django.core.paginator import Paginator
from django.db import models
from django.utils.translation import gettext_lazy as _

from modelcluster.fields import ParentalKey
from wagtail.admin.panels import FieldPanel, InlinePanel, MultiFieldPanel
from wagtail.models import Orderable
from wagtail.search import index
from wagtail_localize.fields import SynchronizedField, TranslatableField

from kvarter.constants import LISTING_PAGE_SIZE
from kvarter.images import prefetch_renditions
from kvarter.sections import collect_sections

from .base import BodyPage, ContactPersonMixin, HousingAreaMixin
from .querysets import all_pages


class HomePage(BodyPage):
    """The front page of one language's tree.

    Page types of other apps declare HomePage as their parent, and fill the home page's
    sections through the `kvarter_home_sections` hook (kvarter/sections.py).
    """

    parent_page_types = ["wagtailcore.Page"]

    class Meta:
        verbose_name = _("home page")
        verbose_name_plural = _("home pages")

    def focus_areas(self):
        return (
            FocusAreaPage.objects.live()
            .public()
            .descendant_of(self)
            .select_related("image")
            .prefetch_related(prefetch_renditions("card"))
            .order_by("path")
        )

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["focus_areas"] = self.focus_areas()
        context["plan_page"] = PlanPage.objects.live().public().child_of(self).first()
        context["home_sections"] = collect_sections("kvarter_home_sections", self, request)
        return context


class StandardPage(BodyPage):
    """A plain page: about us, the accessibility statement, an index of networks."""

    parent_page_types = ["kvarter.HomePage", "kvarter.StandardPage", "kvarter.PlanPage"]
    subpage_types = ["kvarter.StandardPage", "kvarter.NetworkPage"]

    class Meta:
        verbose_name = _("standard page")
        verbose_name_plural = _("standard pages")

    def child_pages(self):
        return (
            all_pages()
            .child_of(self)
            .live()
            .public()
            .specific()
            .select_related("locale")
            .order_by("path")
        )

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["child_pages"] = self.child_pages()
        return context


class PlanPage(BodyPage):
    """The boligsocial helhedsplan: its period, money and documents."""

    period_start = models.DateField(_("period start"))
    period_end = models.DateField(_("period end"))
    grant_amount = models.DecimalField(
        _("grant (DKK)"), max_digits=12, decimal_places=0, help_text=_("In whole kroner.")
    )

    parent_page_types = ["kvarter.HomePage"]
    subpage_types = ["kvarter.FocusAreaPage", "kvarter.StandardPage"]
    max_count_per_parent = 1

    content_panels = BodyPage.panels_with(
        MultiFieldPanel(
            [FieldPanel("period_start"), FieldPanel("period_end"), FieldPanel("grant_amount")],
            heading=_("Facts"),
        ),
        InlinePanel("funding_shares", heading=_("Funding partners"), label=_("Partner")),
        InlinePanel("documents", heading=_("Plan documents"), label=_("Document")),
    )
    translatable_fields = [
        *BodyPage.translatable_fields,
        SynchronizedField("period_start"),
        SynchronizedField("period_end"),
        SynchronizedField("grant_amount"),
        SynchronizedField("funding_shares"),
        SynchronizedField("documents"),
    ]

    class Meta:
        verbose_name = _("plan page")
        verbose_name_plural = _("plan pages")

    def clean(self):
        super().clean()
        if self.period_start and self.period_end and self.period_end < self.period_start:
            raise ValidationError({"period_end": _("The plan cannot end before it starts.")})

    def focus_areas(self):
        return (
            FocusAreaPage.objects.live()
            .public()
            .child_of(self)
            .select_related("image")
            .prefetch_related(prefetch_renditions("card"))
            .order_by("path")
        )

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["focus_areas"] = self.focus_areas()
        context["funding_shares"] = self.funding_shares.select_related("partner").all()
        context["documents"] = self.documents.select_related("document").all()
        return context


class FundingShare(Orderable):
    page = ParentalKey(PlanPage, on_delete=models.CASCADE, related_name="funding_shares")
    partner = models.ForeignKey(
        "kvarter.Partner", verbose_name=_("partner"), on_delete=models.PROTECT, related_name="+"
    )
    share_percent = models.DecimalField(
        _("share (%)"), max_digits=5, decimal_places=2, help_text=_("For example 7.25")
    )

    panels = [FieldPanel("partner"), FieldPanel("share_percent")]

    class Meta(Orderable.Meta):
        verbose_name = _("funding share")
        verbose_name_plural = _("funding shares")

    def __str__(self):
        return f"{self.partner}: {self.share_percent} %"

    def amount(self):
        """This partner's part of the grant, in kroner."""
        return self.page.grant_amount * self.share_percent / 100


class PlanDocument(Orderable):
    page = ParentalKey(PlanPage, on_delete=models.CASCADE, related_name="documents")
    document = models.ForeignKey(
        "wagtaildocs.Document",
        verbose_name=_("document"),
        on_delete=models.CASCADE,
        related_name="+",
    )

    panels = [FieldPanel("document")]

    class Meta(Orderable.Meta):
        verbose_name = _("plan document")
        verbose_name_plural = _("plan documents")

    def __str__(self):
        return str(self.document)


class FocusAreaPage(BodyPage):
    """An indsatsområde of the plan, listing its activities."""

    parent_page_types = ["kvarter.PlanPage"]
    subpage_types = ["kvarter.ActivityPage"]

    class Meta:
        verbose_name = _("focus area page")
        verbose_name_plural = _("focus area pages")

    def activities(self):
        return (
            ActivityPage.objects.live()
            .public()
            .child_of(self)
            .select_related("image", "housing_area")
            .prefetch_related(prefetch_renditions("card"))
            .order_by("path")
        )

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        paginator = Paginator(self.activities(), LISTING_PAGE_SIZE)
        context["activities"] = paginator.get_page(request.GET.get("page"))
        return context


class ActivityPage(HousingAreaMixin, ContactPersonMixin, BodyPage):
    """One activity (aktivitet) within a focus area."""

    when = models.CharField(
        _("when"), max_length=160, blank=True, help_text=_("For example: Tuesdays 16–18")
    )

    parent_page_types = ["kvarter.FocusAreaPage"]
    subpage_types = []

    content_panels = BodyPage.panels_with(
        *HousingAreaMixin.panels, FieldPanel("when"), *ContactPersonMixin.panels
    )
    translatable_fields = [
        *BodyPage.translatable_fields,
        *HousingAreaMixin.translatable_fields,
        *ContactPersonMixin.translatable_fields,
        TranslatableField("when"),
    ]

    class Meta:
        verbose_name = _("activity page")
        verbose_name_plural = _("activity pages")


class NetworkPage(HousingAreaMixin, ContactPersonMixin, BodyPage):
    """A kvarternetværk: who takes part, and where and when they meet."""

    participants = models.TextField(
        _("who takes part"), blank=True, help_text=_("One participant or group per line.")
    )
    meeting_place = models.CharField(_("where we meet"), max_length=200, blank=True)
    meeting_time = models.CharField(_("when we meet"), max_length=200, blank=True)

    parent_page_types = ["kvarter.StandardPage"]
    subpage_types = []

    content_panels = BodyPage.panels_with(
        *HousingAreaMixin.panels,
        FieldPanel("participants"),
        FieldPanel("meeting_place"),
        FieldPanel("meeting_time"),
        *ContactPersonMixin.panels,
    )
    search_fields = [*BodyPage.search_fields, index.SearchField("participants")]
    translatable_fields = [
        *BodyPage.translatable_fields,
        *HousingAreaMixin.translatable_fields,
        *ContactPersonMixin.translatable_fields,
        TranslatableField("participants"),
        TranslatableField("meeting_place"),
        TranslatableField("meeting_time"),
    ]

    class Meta:
        verbose_name = _("network page")
        verbose_name_plural = _("network pages")

    def participant_list(self):
        return [line.strip() for line in self.participants.splitlines() if line.strip()]


class ContactPage(BodyPage):
    """How to reach the secretariat, with the staff to ask."""

    menu_shortcut = ("phone", 30)

    address = models.TextField(_("address"), blank=True)
    opening_hours = models.TextField(_("opening hours"), blank=True)

    parent_page_types = ["kvarter.HomePage"]
    subpage_types = []
    max_count_per_parent = 1

    content_panels = BodyPage.panels_with(
        FieldPanel("address"),
        FieldPanel("opening_hours"),
        InlinePanel("contact_people", heading=_("Staff"), label=_("Person")),
    )
    translatable_fields = [
        *BodyPage.translatable_fields,
        SynchronizedField("address"),
        TranslatableField("opening_hours"),
        SynchronizedField("contact_people"),
    ]

    class Meta:
        verbose_name = _("contact page")
        verbose_name_plural = _("contact pages")

    def get_context(self, request, *args, **kwargs):
        context = super().get_context(request, *args, **kwargs)
        context["people"] = [
            item.person.localized
            for item in self.contact_people.select_related("person", "person__photo")
        ]
        return context


class ContactPerson(Orderable):
    page = ParentalKey(ContactPage, on_delete=models.CASCADE, related_name="contact_people")
    person = models.ForeignKey(
        "kvarter.Person", verbose_name=_("person"), on_delete=models.CASCADE, related_name="+"
    )

    panels = [FieldPanel("person")]

    class Meta(Orderable.Meta):
        verbose_name = _("contact person")
        verbose_name_plural = _("contact persons")

    def __str__(self):
        return str(self.person)
