from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.admin.views.generic import EditView
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.models import Locale
from wagtail.permissions import register_permission_policy

from kvarter.permissions import WithoutActionsPolicy

from . import demo, emails
from .choices import HelpRequestStatus
from .models import HelpDeskPage, HelpRequest

# Requests come from residents through the help desk, never from staff.
register_permission_policy(HelpRequest, WithoutActionsPolicy(HelpRequest, ["add"]))


class HelpRequestEditView(EditView):
    def save_instance(self):
        help_request = super().save_instance()
        # Tell the resident once, when staff mark the request answered.
        answered = help_request.status == HelpRequestStatus.ANSWERED
        if answered and "status" in self.form.changed_data:
            emails.send_answer_notice(help_request)
        return help_request


class HelpRequestViewSet(ModelViewSet):
    model = HelpRequest
    edit_view_class = HelpRequestEditView
    icon = "help"
    menu_label = _("Help requests")
    add_to_admin_menu = True
    menu_order = 260
    url_namespace = "help_requests"
    url_prefix = "help-requests"
    copy_view_enabled = False
    inspect_view_enabled = True
    list_display = ["name", "kind", "status", "language", "assigned_to", "created_at"]
    list_filter = ["status", "language", "kind"]
    search_fields = ["name", "email", "phone", "description", "answer", "internal_notes"]
    list_export = [
        "id",
        "created_at",
        "status",
        "language",
        "kind",
        "name",
        "email",
        "phone",
        "description",
        "assigned_to",
        "answer",
        "closed_at",
    ]
    export_filename = "help-requests"


@hooks.register("register_admin_viewset")
def register_help_request_viewset():
    return HelpRequestViewSet("help_requests")


@hooks.register("filter_form_submissions_for_user")
def hide_help_desk_from_form_submissions(user, editable_forms):
    # Help requests are worked on under "Help requests", not as generic form submissions.
    return editable_forms.not_type(HelpDeskPage)


@hooks.register("kvarter_load_demo_content", order=30)
def load_demo_guides(loader, home):
    demo.load_guides(loader, home)


@hooks.register("kvarter_search_next_steps")
def ask_the_help_desk(request):
    """A search that finds nothing points to the volunteer help desk."""
    desk = HelpDeskPage.objects.live().public().filter(locale=Locale.get_active()).first()
    return (_("Ask the volunteer desk for help"), desk) if desk else None
