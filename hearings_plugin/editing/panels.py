"""The procedure panel on a hearing page's edit form (imported by the page model).

Kept apart from the admin views, which import the models: the model module
imports this one while the models are still loading.
"""

from django.urls import reverse
from django.utils.translation import gettext_lazy

from wagtail.admin.panels import Panel

PANEL_HEADING = gettext_lazy("Procedure")


class HearingProcedurePanel(Panel):
    """Stage, dates, period changes, submission counts and the actions allowed now.

    Read from the stored procedure; nothing in it is edited with the page.
    """

    def __init__(self, heading=PANEL_HEADING, **kwargs):
        super().__init__(heading=heading, **kwargs)

    @property
    def clean_name(self):
        return super().clean_name or "procedure"

    class BoundPanel(Panel.BoundPanel):
        template_name = "hearings/admin/procedure_panel.html"

        def get_context_data(self, parent_context=None):
            from .procedure import NAMESPACE, may_manage, summary_for

            context = super().get_context_data(parent_context)
            page = self.instance
            user = self.request.user
            context["summary"] = summary_for(page, user) if page.pk else None
            context["overview_url"] = (
                reverse(f"{NAMESPACE}:hearing", args=[page.pk])
                if page.pk and may_manage(user, page)
                else ""
            )
            return context
