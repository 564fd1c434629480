"""Answer templates: reasoned answers organisers reuse, edited as admin records."""

from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.admin.viewsets.model import ModelViewSet

from ..models import AnswerTemplate
from .menu import HEARINGS_MENU_HOOK


class AnswerTemplateViewSet(ModelViewSet):
    model = AnswerTemplate
    icon = "openquote"
    name = "hearing_answer_templates"
    menu_label = _("Answer templates")
    menu_hook = HEARINGS_MENU_HOOK
    menu_order = 30
    form_fields = ["title", "status", "text"]
    list_display = ["title", "status"]
    list_filter = ["status"]
    search_fields = ["title", "text"]
    search_backend_name = None
    copy_view_enabled = False


@hooks.register("register_admin_viewset")
def register_answer_templates():
    return AnswerTemplateViewSet()
