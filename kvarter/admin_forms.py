"""The admin forms every page and snippet here is edited with."""

from django.core.exceptions import ValidationError

from wagtail.admin.forms import WagtailAdminModelForm, WagtailAdminPageForm
from wagtail.images import get_image_model

from kvarter.images import require_description


class ImageDescriptionMixin:
    """Each image chosen in the form has a description, which is its alt text."""

    def clean(self):
        cleaned_data = super().clean()
        image_model = get_image_model()
        for name, field in self.fields.items():
            if getattr(field, "queryset", None) is None or field.queryset.model is not image_model:
                continue
            try:
                require_description(cleaned_data.get(name))
            except ValidationError as error:
                self.add_error(name, error)
        return cleaned_data


class PageForm(ImageDescriptionMixin, WagtailAdminPageForm):
    pass


class SnippetForm(ImageDescriptionMixin, WagtailAdminModelForm):
    pass
