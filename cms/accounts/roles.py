"""Staff roles as Wagtail groups, with the page, media and model permissions of each.

A group's stored name is the stable English value of ``Role``; people read the
translated label (``display_name``). ``create_roles`` only adds what is missing, so the
data migration, ``manage.py create_roles`` and later runs never undo permissions an
administrator added by hand.
"""

from dataclasses import dataclass

from django.apps import apps as global_apps
from django.conf import settings
from django.db import models, transaction
from django.utils import translation
from django.utils.translation import gettext_lazy as _

from wagtail.contrib.settings.models import BaseSiteSetting


class Role(models.TextChoices):
    """The staff roles; the value is the group's stored name and never changes."""

    CULTURE_EDITOR = "Culture editor", _("Culture editor")
    INSTITUTION_EDITOR = "Institution editor", _("Institution editor")
    HEARING_ORGANISER = "Hearing organiser", _("Hearing organiser")
    MODERATOR = "Moderator", _("Moderator")
    ADMINISTRATOR = "Administrator", _("Administrator")


INSTITUTION_GROUP_PREFIX = "Institution editor: "
GROUP_NAME_MAX_LENGTH = 150

# Permissions are named by (app label, model, codename): while migrations run the
# content type may exist before or without a model class.
ACCESS_ADMIN = ("wagtailadmin", "admin", "access_admin")
PAGE_EDITING = ("add", "change", "publish", "lock", "unlock")
PAGE_ADMINISTRATION = (*PAGE_EDITING, "bulk_delete")
MEDIA_MODELS = (("wagtaildocs", "document"), ("wagtailimages", "image"))
MEDIA_EDITING = ("add", "change", "choose")
MEDIA_ADMINISTRATION = ("add", "change", "delete", "choose")
HEARING_ACTIONS = (
    "moderate_submissions",
    "answer_submissions",
    "close_comment_period",
    "view_personal_data",
)


# Hearing records organisers manage in the admin besides the pages.
HEARING_MODEL_PERMISSIONS = (
    ("hearings", "answertemplate", "add_answertemplate"),
    ("hearings", "answertemplate", "change_answertemplate"),
    ("hearings", "answertemplate", "delete_answertemplate"),
    ("hearings", "answertemplate", "view_answertemplate"),
    ("hearings", "topicproposal", "change_topicproposal"),
    ("hearings", "topicproposal", "view_topicproposal"),
)


def _hearing_permission(codename):
    return ("hearings", "hearingindexpage", codename)


@dataclass(frozen=True)
class RoleSpec:
    """What a role grants besides admin access.

    ``page_trees`` are page models (``"label.Model"``) whose every instance, in every
    language tree, the role edits and publishes below.
    """

    page_trees: tuple[str, ...] = ()
    permissions: tuple[tuple[str, str, str], ...] = ()
    media: tuple[str, ...] = ()


ROLE_SPECS = {
    Role.CULTURE_EDITOR: RoleSpec(
        page_trees=("events.ProgrammeIndexPage",), media=MEDIA_EDITING
    ),
    # The template of the per-institution groups; it has no pages of its own.
    Role.INSTITUTION_EDITOR: RoleSpec(media=MEDIA_EDITING),
    Role.HEARING_ORGANISER: RoleSpec(
        page_trees=("hearings.HearingIndexPage",),
        permissions=(
            *(_hearing_permission(c) for c in HEARING_ACTIONS),
            *HEARING_MODEL_PERMISSIONS,
        ),
        media=MEDIA_EDITING,
    ),
    # No page permissions: a moderator's hearing permissions reach every hearing.
    Role.MODERATOR: RoleSpec(
        permissions=(
            _hearing_permission("moderate_submissions"),
            ("discussion", "comment", "moderate_comments"),
        )
    ),
}


WAGTAIL_STARTER_GROUPS = ("Moderators", "Editors")


def create_roles(apps=global_apps):
    """Create or complete the group of every role and return the groups by role.

    ``apps`` is the app registry: the real one, or a migration's historical one.
    """
    group_model = apps.get_model("auth", "Group")
    groups = {}
    with transaction.atomic():
        access_admin = _permission(apps, *ACCESS_ADMIN)
        for role in Role:
            group, _created = group_model.objects.get_or_create(name=role.value)
            groups[role] = group
            if access_admin is not None:
                group.permissions.add(access_admin)
            if role == Role.ADMINISTRATOR:
                _grant_everything(apps, group)
                continue
            spec = ROLE_SPECS[role]
            permissions = [_permission(apps, *p) for p in spec.permissions]
            group.permissions.add(*[p for p in permissions if p is not None])
            _grant_media(apps, group, spec.media)
            for label in spec.page_trees:
                _grant_pages(apps, group, _instances(apps, label), PAGE_EDITING)
        # Wagtail's starter groups grant the whole page tree and "Moderators" reads
        # like our "Moderator": unused, they only mislead.
        group_model.objects.filter(
            name__in=WAGTAIL_STARTER_GROUPS, user__isnull=True
        ).delete()
    return groups


def grant_institution_editors(institution_page):
    """Create or update the editors' group of one institution and return it.

    The group edits and publishes the institution's subtree in every language and
    gets the model and media permissions of the "Institution editor" template group.
    """
    from django.contrib.auth.models import Group

    from wagtail.models import GroupCollectionPermission, Page

    pages = list(
        Page.objects.filter(translation_key=institution_page.translation_key)
        .select_related("locale")
        .order_by("pk")
    )
    with transaction.atomic():
        template = Group.objects.filter(name=Role.INSTITUTION_EDITOR).first()
        if template is None:
            template = create_roles()[Role.INSTITUTION_EDITOR]
        group = (
            Group.objects.filter(
                name__startswith=INSTITUTION_GROUP_PREFIX,
                page_permissions__page__in=pages,
            )
            .order_by("pk")
            .first()
        ) or Group()
        group.name = _institution_group_name(pages or [institution_page], group.pk)
        group.save()
        group.permissions.add(*template.permissions.all())
        for granted in template.collection_permissions.all():
            GroupCollectionPermission.objects.get_or_create(
                group=group,
                collection_id=granted.collection_id,
                permission_id=granted.permission_id,
            )
        _grant_pages(global_apps, group, [page.pk for page in pages], PAGE_EDITING)
    return group


def display_name(group):
    """The group's name as people read it, in the active language."""
    name = getattr(group, "name", group)
    if name in Role.values:
        return Role(name).label
    if name.startswith(INSTITUTION_GROUP_PREFIX):
        return _("Institution editor: %(name)s") % {
            "name": name.removeprefix(INSTITUTION_GROUP_PREFIX)
        }
    return name


def _institution_group_name(pages, own_pk):
    from django.contrib.auth.models import Group

    # Named after the page in the source language, so the name does not depend on
    # which translation the caller passed.
    source = next(
        (p for p in pages if p.locale.language_code == settings.LANGUAGE_CODE),
        pages[0],
    )
    room = GROUP_NAME_MAX_LENGTH - len(INSTITUTION_GROUP_PREFIX)
    name = INSTITUTION_GROUP_PREFIX + source.title[:room]
    taken = Group.objects.filter(name=name).exclude(pk=own_pk).exists()
    if taken:
        suffix = f" ({source.pk})"
        name = INSTITUTION_GROUP_PREFIX + source.title[: room - len(suffix)] + suffix
    return name


def _permission(apps, app_label, model_name, codename):
    permission_model = apps.get_model("auth", "Permission")
    permission = permission_model.objects.filter(
        content_type__app_label=app_label,
        content_type__model=model_name,
        codename=codename,
    ).first()
    if permission is not None:
        return permission
    # Custom permissions appear only after migrations (post_migrate); create the
    # ones a role needs now, from the model's own definition.
    try:
        model = global_apps.get_model(app_label, model_name)
    except LookupError:
        return None
    content_type, _created = apps.get_model(
        "contenttypes", "ContentType"
    ).objects.get_or_create(app_label=app_label, model=model_name)
    return permission_model.objects.create(
        content_type=content_type,
        codename=codename,
        name=_permission_name(model, codename),
    )


def _permission_name(model, codename):
    with translation.override(None):
        custom = dict(model._meta.permissions)
        if codename in custom:
            return str(custom[codename])
        action = codename.split("_", 1)[0]
        return f"Can {action} {model._meta.verbose_name_raw}"


def _instances(apps, label):
    try:
        model = apps.get_model(label)
    except LookupError:
        # The plugin is not installed: its role has no pages to edit.
        return []
    return list(model.objects.values_list("pk", flat=True))


def _grant_pages(apps, group, page_ids, actions):
    grant_model = apps.get_model("wagtailcore", "GroupPagePermission")
    permissions = [
        _permission(apps, "wagtailcore", "page", f"{a}_page") for a in actions
    ]
    for page_id in page_ids:
        for permission in permissions:
            grant_model.objects.get_or_create(
                group=group, page_id=page_id, permission=permission
            )


def _grant_media(apps, group, actions):
    if not actions:
        return
    root = apps.get_model("wagtailcore", "Collection").objects.filter(depth=1).first()
    if root is None:
        return
    grant_model = apps.get_model("wagtailcore", "GroupCollectionPermission")
    for app_label, model_name in MEDIA_MODELS:
        for action in actions:
            permission = _permission(
                apps, app_label, model_name, f"{action}_{model_name}"
            )
            if permission is not None:
                grant_model.objects.get_or_create(
                    group=group, collection=root, permission=permission
                )


def _grant_everything(apps, group):
    """Administrators: every model permission, the whole page tree, media, settings."""
    permission_model = apps.get_model("auth", "Permission")
    group.permissions.add(*permission_model.objects.values_list("pk", flat=True))
    root_pages = apps.get_model("wagtailcore", "Page").objects.filter(depth=1)
    _grant_pages(
        apps, group, list(root_pages.values_list("pk", flat=True)), PAGE_ADMINISTRATION
    )
    _grant_media(apps, group, MEDIA_ADMINISTRATION)
    # Site settings are edited per site (GroupSitePermission), not by model
    # permission alone.
    site_ids = list(
        apps.get_model("wagtailcore", "Site").objects.values_list("pk", flat=True)
    )
    grant_model = apps.get_model("wagtailcore", "GroupSitePermission")
    for model in global_apps.get_models():
        if not issubclass(model, BaseSiteSetting):
            continue
        meta = model._meta
        permission = _permission(
            apps, meta.app_label, meta.model_name, f"change_{meta.model_name}"
        )
        for site_id in site_ids:
            grant_model.objects.get_or_create(
                group=group, site_id=site_id, permission=permission
            )
