"""Which objects take comments, and the rules of each: a setting and a small base class.

A model is commentable when a plugin's manifest names it in ``commentable_models``
or ``settings.COMMENTS_POLICIES`` maps its label to a :class:`CommentPolicy`
subclass; the policy says whether the object accepts comments now, who moderates
its thread and where its thread is shown.
"""

import functools

from django.apps import apps
from django.conf import settings
from django.contrib.contenttypes.models import ContentType
from django.core.exceptions import ValidationError
from django.utils.module_loading import import_string
from django.utils.translation import gettext_lazy as _

from wagtail.models import Page

from cms.accounts.permissions import is_active_account
from cms.plugins import get_plugins

MODERATE_COMMENTS = "discussion.moderate_comments"


def can_moderate_comments(user):
    """Moderate every thread: superusers and holders of ``moderate_comments``."""
    return is_active_account(user) and (
        user.is_superuser or user.has_perm(MODERATE_COMMENTS)
    )


class CommentPolicy:
    """The rules of the threads on one model; subclass it for a plugin's model."""

    #: Whether comments carry support / oppose / neutral.
    uses_stance = False
    #: Whether the form offers "Email me when someone replies".
    offers_followup = False
    closed_message = _("Comments are closed.")

    def __init__(self, model):
        self.model = model

    def accepts_comments(self, target):
        """Whether new comments and replies are taken now."""
        return True

    def can_moderate(self, user, target):
        return can_moderate_comments(user)

    def can_moderate_any(self, user):
        """Whether ``user`` moderates some thread of this model."""
        return can_moderate_comments(user)

    def moderated_pks(self, user):
        """Primary keys of the targets whose threads ``user`` moderates; None: all.

        The admin's list of comments shows only these threads.
        """
        return None if self.can_moderate_any(user) else []

    def official_name(self, target, language):
        """Who speaks in the official replies of ``target``'s thread, or ""."""
        return ""

    def get_url(self, target, language):
        """Where the thread of ``target`` is shown in ``language``, or None."""
        get_url = getattr(target, "get_url", None)
        return get_url() if get_url else None

    def title(self, target, language):
        """What the thread is about, for a person's list of their own comments.

        The target's own title, else the title of the page that shows it (a
        page model with a foreign key to the target, such as a hearing page to
        its procedure) in ``language`` or any language, else its string.
        """
        if target is None:
            return ""
        own = getattr(target, "title", "")
        if own:
            return str(own)
        for relation in target._meta.related_objects:
            if not (relation.one_to_many and issubclass(relation.related_model, Page)):
                continue
            pages = relation.related_model.objects.filter(
                **{relation.field.name: target}
            )
            page = pages.filter(locale__language_code=language).first() or pages.first()
            if page is not None:
                return page.title
        return str(target)


def _label(model):
    return model._meta.label_lower


@functools.cache
def _policies():
    labels = {}
    for manifest in get_plugins():
        for label in manifest.commentable_models:
            labels[label.lower()] = "cms.comments.policies.CommentPolicy"
    for label, path in settings.COMMENTS_POLICIES.items():
        labels[label.lower()] = path
    policies = {}
    for label, path in labels.items():
        model = apps.get_model(label)
        policies[_label(model)] = import_string(path)(model)
    return policies


def all_policies():
    return list(_policies().values())


def policy_for(model):
    """The policy of a model, or None when its objects take no comments."""
    return _policies().get(_label(model))


def resolve_target(content_type_key, object_pk):
    """The commentable object named by a form ("app_label.model", pk), or None.

    Forged or stale names give None: only commentable models are looked up.
    """
    try:
        app_label, model_name = str(content_type_key).split(".", 1)
        model = apps.get_model(app_label, model_name)
    except (LookupError, ValueError):
        return None
    if policy_for(model) is None:
        return None
    try:
        return model._default_manager.get(pk=object_pk)
    except (model.DoesNotExist, ValueError, TypeError, ValidationError):
        return None


def thread_titles(targets, language):
    """``{(content type id, object pk): title}`` of ``targets``, grouped by model.

    A policy may title many targets at once with ``titles(targets, language)``.
    """
    by_model = {}
    for target in targets:
        if target is not None:
            by_model.setdefault(type(target), []).append(target)
    titles = {}
    for model, group in by_model.items():
        policy = policy_for(model)
        content_type = ContentType.objects.get_for_model(model)
        if policy is None:
            found = {target.pk: str(target) for target in group}
        elif hasattr(policy, "titles"):
            found = policy.titles(group, language)
        else:
            found = {target.pk: policy.title(target, language) for target in group}
        for pk, title in found.items():
            titles[(content_type.pk, str(pk))] = title
    return titles


def content_type_for(target):
    return ContentType.objects.get_for_model(target)
