"""Admin surface of the plugin and its manifest."""

from django.utils.translation import gettext_lazy as _

from wagtail import hooks

from cms.plugins import HOOK_NAME, PluginManifest

# Each module registers its own hooks when imported.
from . import following, personal_data  # noqa: F401
from .editing import hooks as editing_hooks  # noqa: F401


@hooks.register(HOOK_NAME)
def register_plugin():
    return PluginManifest(
        name="hearings",
        verbose_name=_("Public hearings"),
        index_page_models=("hearings.HearingIndexPage",),
        commentable_models=("hearings.HearingProcedure",),
        demo_seed="hearings_plugin.seed.seed_demo",
    )


@hooks.register("register_log_actions")
def register_hearing_log_actions(log_actions):
    from . import actions

    for action, label, message in (
        (
            actions.LOG_SUBMITTED,
            _("Hearing: submission received"),
            _("A participant's submission was registered"),
        ),
        (
            actions.LOG_MODERATED,
            _("Hearing: submission moderated"),
            _("A submission was published in or hidden from the public register"),
        ),
        (
            actions.LOG_ANSWERED,
            _("Hearing: submission answered"),
            _("The organiser answered a submission"),
        ),
        (
            actions.LOG_DUPLICATE,
            _("Hearing: duplicates grouped"),
            _("Submissions were marked as repeating another one"),
        ),
        (
            actions.LOG_STAGE,
            _("Hearing: stage changed"),
            _("The hearing entered a new stage"),
        ),
        (
            actions.LOG_CLOSED_EARLY,
            _("Hearing: comments closed early"),
            _("An organiser closed the comment period before its end"),
        ),
        (
            actions.LOG_EXTENDED,
            _("Hearing: comment period extended"),
            _("An organiser extended the comment period"),
        ),
        (
            actions.LOG_RESULT,
            _("Hearing: result published"),
            _("The protocol or the conclusion was published"),
        ),
        (
            actions.LOG_EXPORTED,
            _("Hearing: submissions downloaded"),
            _("The submissions were downloaded as CSV"),
        ),
    ):
        log_actions.register_action(action, label, message)
