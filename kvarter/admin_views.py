"""Admin views that change how Wagtail's own admin behaves for this site's editors."""

from django.utils.decorators import method_decorator

from wagtail.admin.auth import require_admin_access
from wagtail.admin.views.chooser import BrowseView, page_models_from_string
from wagtail.models import Locale, Page


def first_common_ancestor_in(locale, page_type_string):
    """The lowest page above every page of those types in one language tree, or None."""
    try:
        models = page_models_from_string(page_type_string)
    except (LookupError, ValueError):
        return None
    pages = Page.objects.type(*models).filter(locale=locale)
    if not pages.exists():
        return None
    return pages.first_common_ancestor()


@method_decorator(require_admin_access, name="dispatch")
class PageChooserInContentLanguage(BrowseView):
    """Wagtail's page chooser opens a chooser for one page type (a focus area, a guide) at the
    lowest page above all pages of that type, which is the root above the six language trees.
    This opens it in the language tree of the page being edited (Wagtail passes it as `locale`)
    or else of the editor's admin language."""

    def get(self, request, parent_page_id=None):
        page_type = request.GET.get("page_type")
        if parent_page_id is None and page_type:
            locale = (
                Locale.objects.filter(language_code=request.GET.get("locale")).first()
                or Locale.get_active()
            )
            start = first_common_ancestor_in(locale, page_type)
            if start is not None and not start.is_root():
                parent_page_id = start.pk
        return super().get(request, parent_page_id)
