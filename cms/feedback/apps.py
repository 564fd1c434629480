from django.apps import AppConfig
from django.utils.translation import gettext_lazy as _


class FeedbackConfig(AppConfig):
    """What residents say about pages: ratings, the comment thread's target, a log."""

    name = "cms.feedback"
    label = "feedback"
    verbose_name = _("Residents' feedback")
    default_auto_field = "django.db.models.BigAutoField"
