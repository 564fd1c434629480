"""Following hearings and residents' topic proposals: their actions and their admin.

The actions follow the house pattern (``check()`` raises a :class:`HearingError`
with a message for the person, ``execute()`` writes). The admin is a
``ModelViewSet`` of :class:`TopicProposal` where hearing organisers (model
permissions ``view_topicproposal`` and ``change_topicproposal``) review the
proposals and answer their authors.
"""

import logging
from dataclasses import dataclass

from django import forms
from django.conf import settings
from django.contrib.auth import get_user_model
from django.db import IntegrityError, transaction
from django.utils.translation import gettext_lazy as _

from wagtail import hooks
from wagtail.admin.filters import WagtailFilterSet
from wagtail.admin.forms import WagtailAdminModelForm
from wagtail.admin.panels import FieldPanel, FieldRowPanel, ObjectList
from wagtail.admin.viewsets.model import ModelViewSet
from wagtail.permission_policies import ModelPermissionPolicy
from wagtail.permissions import register_permission_policy

import django_filters

from cms.accounts.permissions import is_active_account
from cms.text import clean_plain_text, contains_markup

from .actions import HearingError
from .editing.menu import HEARINGS_MENU_HOOK
from .models import District, HearingFollow, TopicProposal
from .selectors import follows as selectors

logger = logging.getLogger(__name__)

TITLE_MAX_LENGTH = 200
DESCRIPTION_MAX_LENGTH = 5000


class FollowError(HearingError):
    code = "follow"


class SignInToFollow(FollowError):
    message = _("Sign in to follow this hearing.")
    code = "sign_in"


class AccountInactive(FollowError):
    message = _("This account is switched off.")
    code = "inactive"


class NoEmail(FollowError):
    message = _(
        "Your account has no email address. We send the news of the hearing by "
        "email, so an address is needed to follow it."
    )
    code = "no_email"


class NotFollowable(FollowError):
    message = _("This hearing cannot be followed.")
    code = "not_followable"


class SignInToPropose(FollowError):
    message = _("Sign in to propose a topic for a public hearing.")
    code = "sign_in"


class InvalidProposal(FollowError):
    code = "invalid"


class TooManyProposals(FollowError):
    code = "rate_limited"

    def __init__(self):
        super().__init__(
            _(
                "You have already proposed %(limit)s topics today. Please come "
                "back tomorrow: nothing was stored."
            )
            % {"limit": selectors.PROPOSALS_PER_DAY}
        )


def _require_account(user, sign_in_error):
    if not (user and user.is_authenticated):
        raise sign_in_error()
    if not is_active_account(user):
        raise AccountInactive()


class FollowHearingAction:
    """Get the hearing's letters by email, in the language of ``page``.

    ``execute()`` returns ``(follow, created)``; following twice changes nothing
    but the language of the letters.
    """

    def __init__(self, page, user):
        self.page = page
        self.user = user

    def check(self):
        _require_account(self.user, SignInToFollow)
        if not self.user.email:
            raise NoEmail()
        if not (self.page.live and self.page.procedure_id):
            raise NotFollowable()

    def execute(self):
        self.check()
        language = self.page.locale.language_code
        try:
            with transaction.atomic():
                follow, created = HearingFollow.objects.get_or_create(
                    procedure_id=self.page.procedure_id,
                    user=self.user,
                    defaults={"language": language},
                )
        except IntegrityError:
            # A double click that raced past the lookup: the first one stands.
            follow = HearingFollow.objects.get(
                procedure_id=self.page.procedure_id, user=self.user
            )
            created = False
        if not created and follow.language != language:
            follow.language = language
            follow.save(update_fields=["language"])
        return follow, created


class UnfollowHearingAction:
    """Stop the hearing's letters; True when there was something to stop."""

    def __init__(self, procedure_id, user_id):
        self.procedure_id = procedure_id
        self.user_id = user_id

    def execute(self):
        if not self.user_id:
            return False
        deleted, _rows = HearingFollow.objects.filter(
            procedure_id=self.procedure_id, user_id=self.user_id
        ).delete()
        return bool(deleted)


@dataclass
class TopicProposalData:
    """What a resident posts; the form has already parsed it."""

    title: str
    description: str
    district: str = ""


def validate_proposal(data):
    """The cleaned title and description, or an :class:`InvalidProposal`."""
    title = " ".join(clean_plain_text(data.title).split())
    description = clean_plain_text(data.description)
    if not title:
        raise InvalidProposal(_("Write the topic."))
    if len(title) > TITLE_MAX_LENGTH:
        raise InvalidProposal(
            _("The topic is longer than %(limit)s characters.")
            % {"limit": TITLE_MAX_LENGTH}
        )
    if not description:
        raise InvalidProposal(_("Describe what the hearing should discuss."))
    if len(description) > DESCRIPTION_MAX_LENGTH:
        raise InvalidProposal(
            _("The description is longer than %(limit)s characters.")
            % {"limit": DESCRIPTION_MAX_LENGTH}
        )
    if contains_markup(title) or contains_markup(description):
        raise InvalidProposal(
            _(
                "The text contains HTML markup or a script. Write plain text "
                "without angle-bracket tags."
            )
        )
    if data.district and data.district not in District.values:
        raise InvalidProposal(_("Choose a district from the list."))
    return title, description


class ProposeTopicAction:
    """Store a resident's proposal of a topic, at most a few a day per account."""

    def __init__(self, page, user, data):
        self.page = page
        self.user = user
        self.data = data

    def check(self):
        _require_account(self.user, SignInToPropose)
        cleaned = validate_proposal(self.data)
        if selectors.proposals_in_window(self.user) >= selectors.PROPOSALS_PER_DAY:
            raise TooManyProposals()
        return cleaned

    def execute(self):
        title, description = self.check()
        with transaction.atomic():
            # Two posts of one account queue here, so the daily limit holds.
            get_user_model().objects.select_for_update().filter(pk=self.user.pk).first()
            if selectors.proposals_in_window(self.user) >= selectors.PROPOSALS_PER_DAY:
                raise TooManyProposals()
            proposal = TopicProposal.objects.create(
                author=self.user,
                title=title,
                description=description,
                district=self.data.district,
                language=self.page.locale.language_code,
            )
        logger.info("Account %s proposed hearing topic %s", self.user.pk, proposal.pk)
        return proposal


# Admin --------------------------------------------------------------------------


class TopicProposalFilterSet(WagtailFilterSet):
    language = django_filters.ChoiceFilter(
        label=_("Language"),
        choices=settings.LANGUAGES,
        empty_label=_("All"),
        widget=forms.RadioSelect,
    )

    class Meta:
        model = TopicProposal
        fields = ["status", "district", "language"]


class TopicProposalAdminForm(WagtailAdminModelForm):
    def clean_response(self):
        response = clean_plain_text(self.cleaned_data.get("response"))
        if contains_markup(response):
            raise forms.ValidationError(
                _("Write the response as plain text, without HTML tags.")
            )
        return response


class TopicProposalPermissionPolicy(ModelPermissionPolicy):
    """Proposals come from residents only: nobody adds one in the admin."""

    def user_has_permission(self, user, action):
        if action == "add":
            return False
        return super().user_has_permission(user, action)

    def users_with_any_permission(self, actions):
        return super().users_with_any_permission(
            [action for action in actions if action != "add"]
        )


class TopicProposalViewSet(ModelViewSet):
    """Residents' topic proposals: hearing organisers set the status and answer."""

    model = TopicProposal
    icon = "help"
    menu_label = _("Topic proposals")
    menu_name = "hearing_topic_proposals"
    add_to_admin_menu = True
    menu_hook = HEARINGS_MENU_HOOK
    menu_order = 310
    copy_view_enabled = False
    inspect_view_enabled = True
    list_display = ["title", "status", "district", "language", "created_at"]
    filterset_class = TopicProposalFilterSet
    search_fields = ["title", "description"]
    search_backend_name = None
    list_export = ["title", "description", "district", "language", "status",
                   "response", "created_at"]  # fmt: skip
    export_filename = "topic-proposals"
    edit_handler = ObjectList(
        [
            FieldPanel("title", read_only=True),
            FieldPanel("description", read_only=True),
            FieldRowPanel(
                [
                    FieldPanel("district", read_only=True),
                    FieldPanel("language", read_only=True),
                ]
            ),
            FieldPanel("status"),
            FieldPanel("response"),
        ],
        base_form_class=TopicProposalAdminForm,
    )

    permission_policy = TopicProposalPermissionPolicy(TopicProposal)


# To move the item into the "Public hearings" menu group, add
# ``TopicProposalViewSet`` to that group's ``items`` and remove this hook.
register_permission_policy(TopicProposal, TopicProposalViewSet.permission_policy)


@hooks.register("register_admin_viewset")
def register_topic_proposal_viewset():
    return TopicProposalViewSet("hearing_topic_proposals")
