"""May a person do something: the site-wide rules about accounts and staff.

Page rules are Wagtail's own (group page permissions per subtree). Plugin actions
are model permissions that ``has_scoped_permission`` limits to the page subtrees of
the group granting them; the plugins' ``permissions`` modules name the actions.
"""

from django.contrib.auth.models import Group

from wagtail.models import GroupPagePermission

ACCESS_ADMIN = "wagtailadmin.access_admin"


def is_active_account(user):
    """A signed-in account that is not switched off."""
    return bool(user and user.is_authenticated and user.is_active)


def is_staff_member(user):
    """Staff: anyone who can open the admin; they must use a second factor."""
    if not is_active_account(user):
        return False
    return user.is_superuser or user.is_staff or user.has_perm(ACCESS_ADMIN)


def can_access_admin(user):
    return is_active_account(user) and user.has_perm(ACCESS_ADMIN)


def can_edit_page(user, page):
    return is_active_account(user) and page.permissions_for_user(user).can_edit()


def can_publish_page(user, page):
    return is_active_account(user) and page.permissions_for_user(user).can_publish()


def can_rate_or_comment(user):
    """Any signed-in account may rate and comment, confirmed by ESIA or not."""
    return is_active_account(user)


def is_verified_resident(user):
    """A person whose identity ESIA confirmed: required for legally binding acts."""
    return is_active_account(user) and user.is_verified_resident


def has_scoped_permission(user, perm, page=None):
    """Whether ``user`` holds model permission ``perm`` for ``page``'s subtree.

    A group with page permissions grants ``perm`` only below those pages; a group
    without any (e.g. Moderator), or a permission given to the user directly,
    grants it everywhere. With ``page=None``: whether the user holds it anywhere.
    """
    if not is_active_account(user):
        return False
    if user.is_superuser:
        return True
    if not user.has_perm(perm):
        return False
    if page is None:
        return True
    scope = _permission_scope(user, perm)
    return scope is None or any(page.path.startswith(path) for path in scope)


def _permission_scope(user, perm):
    """Tree paths under which ``user`` holds ``perm``; None means everywhere."""
    cache = user.__dict__.setdefault("_kazan_permission_scopes", {})
    if perm in cache:
        return cache[perm]
    app_label, codename = perm.split(".", 1)
    granting = {
        "permissions__content_type__app_label": app_label,
        "permissions__codename": codename,
    }
    if user.user_permissions.filter(
        content_type__app_label=app_label, codename=codename
    ).exists():
        scope = None
    else:
        group_ids = set(
            Group.objects.filter(user=user, **granting).values_list("pk", flat=True)
        )
        paths = {}
        for group_id, path in GroupPagePermission.objects.filter(
            group_id__in=group_ids
        ).values_list("group_id", "page__path"):
            paths.setdefault(group_id, set()).add(path)
        scope = None if group_ids - paths.keys() else set().union(*paths.values())
    cache[perm] = scope
    return scope
