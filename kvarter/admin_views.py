"""Admin views that change how Wagtail's own admin behaves for this site's editors."""

from django.conf import settings
from django.utils.decorators import method_decorator
from django.utils.translation import gettext_lazy as _

from wagtail.admin.auth import require_admin_access
from wagtail.admin.views.account import PasswordResetView
from wagtail.admin.views.chooser import BrowseView, page_models_from_string
from wagtail.models import Locale, Page

from django_ratelimit.core import is_ratelimited


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


def address_asked_for(group, request):
    """The address in the reset form, counted alike however it is capitalised or spaced."""
    return request.POST.get("email", "").strip().lower()


class ThrottledPasswordResetView(PasswordResetView):
    """Wagtail's password reset, which otherwise mails an address as often as anyone asks.

    Past PASSWORD_RESET_RATES for the address or the visitor's own, the form says so and sends
    nothing; below them it answers as Wagtail does, whether or not the address has an account.
    """

    too_many = _("Too many password resets were asked for. Try again in an hour.")

    def form_valid(self, form):
        rates = settings.PASSWORD_RESET_RATES
        # Both counters always count, so that changing the address does not reset the other.
        limited = [
            is_ratelimited(
                self.request,
                group="admin-password-reset",
                key=key,
                rate=rates[name],
                method="POST",
                increment=True,
            )
            for name, key in (("email", address_asked_for), ("ip", "ip"))
        ]
        if any(limited):
            form.add_error(None, self.too_many)
            response = self.form_invalid(form)
            response.status_code = 429
            return response
        return super().form_valid(form)
