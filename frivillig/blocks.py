"""Blocks for the "gør-det-selv" guides."""

from django.utils.translation import gettext_lazy as _

from wagtail import blocks
from wagtail.images.blocks import ImageChooserBlock

from kvarter.blocks import require_image_description


class StepBlock(blocks.StructBlock):
    """One numbered step; the guide renders its steps as an ordered list."""

    title = blocks.CharBlock(label=_("Step"), max_length=120)
    text = blocks.TextBlock(label=_("What to do"))
    image = ImageChooserBlock(label=_("Image (optional)"), required=False)
    tip = blocks.TextBlock(label=_("Tip (optional)"), required=False)

    class Meta:
        icon = "list-ol"
        template = "blocks/guide_step_block.html"
        label = _("Step")
        description = _("A numbered step: what to do, with an optional image and tip")
        preview_value = {
            "title": "Find tre naboer",
            "text": "Spørg i opgangen, hvem der vil være med. Tre er nok til at starte.",
            "tip": "Sæt en seddel op ved postkasserne.",
        }

    def clean(self, value):
        return require_image_description(super().clean(value))


class RelatedPagesBlock(blocks.StreamBlock):
    guide = blocks.PageChooserBlock(label=_("Guide"), page_type="frivillig.GuidePage")
    activity = blocks.PageChooserBlock(label=_("Activity"), page_type="kvarter.ActivityPage")
    focus_area = blocks.PageChooserBlock(label=_("Focus area"), page_type="kvarter.FocusAreaPage")

    class Meta:
        icon = "link"
