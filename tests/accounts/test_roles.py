"""Staff roles are Wagtail groups with page permissions per subtree."""

import io

from django.contrib.auth.models import Group, Permission
from django.core.management import call_command
from django.utils import translation
from django.utils.functional import Promise

from wagtail.models import (
    Collection,
    GroupCollectionPermission,
    GroupPagePermission,
    GroupSitePermission,
    Locale,
    Page,
    Site,
)

import pytest

from cms.accounts.models import User
from cms.accounts.roles import (
    INSTITUTION_GROUP_PREFIX,
    Role,
    create_roles,
    display_name,
    grant_institution_editors,
)
from cms.models import HomePage, StandardPage
from events_plugin.models import ProgrammeIndexPage
from hearings_plugin.models import HearingIndexPage

pytestmark = pytest.mark.django_db


def add_page(parent, title, slug):
    page = StandardPage(title=title, slug=slug)
    parent.add_child(instance=page)
    page.save_revision().publish()
    return page


def member_of(username, *groups):
    user = User.objects.create_user(username=username, password="staff-pass")
    user.groups.add(*groups)
    # A fresh object: Wagtail and Django cache permissions on the user instance.
    return User.objects.get(pk=user.pk)


def grant_summary():
    return (
        sorted(
            (group.name, sorted(group.permissions.values_list("pk", flat=True)))
            for group in Group.objects.all()
        ),
        GroupPagePermission.objects.count(),
        GroupCollectionPermission.objects.count(),
        GroupSitePermission.objects.count(),
    )


@pytest.fixture
def roles():
    return create_roles()


@pytest.fixture
def programme():
    return ProgrammeIndexPage.objects.get(locale__language_code="ru")


@pytest.fixture
def institution(programme, locales):
    """An institution's page under the programme, with a Tatar translation."""
    page = add_page(programme, "Театр кукол «Экият»", "ekiyat")
    page.copy_for_translation(locales["tt"])
    return page


def test_migrations_create_every_role_group_with_admin_access():
    access_admin = Permission.objects.get(codename="access_admin")
    for role in Role:
        group = Group.objects.get(name=role.value)
        assert access_admin in group.permissions.all(), role


def test_creating_roles_twice_changes_nothing(roles):
    before = grant_summary()
    again = create_roles()
    assert grant_summary() == before
    assert {role: group.pk for role, group in again.items()} == {
        role: group.pk for role, group in roles.items()
    }


def test_create_roles_keeps_permissions_an_administrator_added(roles):
    extra = Permission.objects.get(codename="add_redirect")
    roles[Role.MODERATOR].permissions.add(extra)
    create_roles()
    assert extra in roles[Role.MODERATOR].permissions.all()


def test_culture_editor_edits_every_language_tree_of_the_programme(roles):
    editor = member_of("culture", roles[Role.CULTURE_EDITOR])
    programmes = ProgrammeIndexPage.objects.all()
    assert {p.locale.language_code for p in programmes} == {"ru", "tt", "en"}
    for page in programmes:
        assert page.permissions_for_user(editor).can_publish(), page.locale
    for page in HearingIndexPage.objects.all():
        assert not page.permissions_for_user(editor).can_edit(), page.locale
    assert not HomePage.objects.first().permissions_for_user(editor).can_edit()


def test_hearing_organiser_edits_the_hearings_and_holds_hearing_permissions(roles):
    organiser = member_of("organiser", roles[Role.HEARING_ORGANISER])
    for page in HearingIndexPage.objects.all():
        assert page.permissions_for_user(organiser).can_publish(), page.locale
    for page in ProgrammeIndexPage.objects.all():
        assert not page.permissions_for_user(organiser).can_edit(), page.locale
    assert organiser.has_perms(
        [
            "hearings.moderate_submissions",
            "hearings.answer_submissions",
            "hearings.close_comment_period",
            "hearings.view_personal_data",
        ]
    )


def test_moderator_moderates_but_edits_no_page(roles):
    moderator = member_of("moderator", roles[Role.MODERATOR])
    assert moderator.has_perm("hearings.moderate_submissions")
    assert not moderator.has_perm("hearings.view_personal_data")
    assert not roles[Role.MODERATOR].page_permissions.exists()
    for page in Page.objects.filter(depth__gt=1):
        assert not page.permissions_for_user(moderator).can_publish(), page


def test_editors_and_organisers_add_documents_and_images_but_do_not_delete(roles):
    root = Collection.get_first_root_node()
    for role in (Role.CULTURE_EDITOR, Role.HEARING_ORGANISER, Role.INSTITUTION_EDITOR):
        codenames = set(
            GroupCollectionPermission.objects.filter(
                group=roles[role], collection=root
            ).values_list("permission__codename", flat=True)
        )
        assert {"add_document", "choose_image", "add_image"} <= codenames, role
        assert "delete_document" not in codenames, role


def test_administrator_may_do_everything_without_being_a_superuser(roles):
    administrator = member_of("administrator", roles[Role.ADMINISTRATOR])
    assert not administrator.is_superuser
    assert administrator.has_perms(
        [
            "wagtailadmin.access_admin",
            "accounts.change_user",
            "auth.change_group",
            "hearings.view_personal_data",
            "wagtaildocs.delete_document",
        ]
    )
    for page in Page.objects.filter(depth__gt=1):
        assert page.permissions_for_user(administrator).can_publish(), page
    settings_permission = Permission.objects.get(codename="change_sitesettings")
    for site in Site.objects.all():
        assert GroupSitePermission.objects.filter(
            group=roles[Role.ADMINISTRATOR], site=site, permission=settings_permission
        ).exists()


def test_institution_editors_edit_only_their_subtree_in_every_language(
    roles, programme, institution
):
    event = add_page(institution, "Спектакль «Шүрәле»", "shurale")
    neighbour = add_page(programme, "Музей Тукая", "tukay-museum")
    group = grant_institution_editors(institution)
    editor = member_of("ekiyat-editor", group)

    assert group.name == INSTITUTION_GROUP_PREFIX + "Театр кукол «Экият»"
    assert event.permissions_for_user(editor).can_publish()
    assert institution.permissions_for_user(editor).can_publish()
    tatar = institution.get_translation(Locale.objects.get(language_code="tt"))
    assert tatar.permissions_for_user(editor).can_publish()
    assert not programme.permissions_for_user(editor).can_edit()
    assert not neighbour.permissions_for_user(editor).can_edit()
    # The template group's media permissions come along.
    assert group.collection_permissions.filter(
        permission__codename="add_image"
    ).exists()


def test_granting_an_institution_again_updates_the_same_group(
    roles, programme, institution
):
    group = grant_institution_editors(institution)
    pages_before = group.page_permissions.count()
    institution.title = "Татарский театр кукол «Экият»"
    institution.save_revision().publish()
    roles[Role.INSTITUTION_EDITOR].permissions.add(
        Permission.objects.get(codename="add_redirect")
    )

    again = grant_institution_editors(institution.get_translations().first())

    assert again.pk == group.pk
    assert again.name == INSTITUTION_GROUP_PREFIX + "Татарский театр кукол «Экият»"
    assert again.page_permissions.count() == pages_before
    assert again.permissions.filter(codename="add_redirect").exists()


def test_two_institutions_with_one_name_get_two_groups(roles, programme):
    first = add_page(programme, "Библиотека", "library-1")
    second = add_page(programme, "Библиотека", "library-2")
    assert grant_institution_editors(first) != grant_institution_editors(second)


def test_group_names_are_stable_and_read_in_the_active_language(roles):
    assert roles[Role.CULTURE_EDITOR].name == "Culture editor"
    with translation.override("en"):
        assert display_name(roles[Role.CULTURE_EDITOR]) == "Culture editor"
        assert display_name("Institution editor: Экият") == (
            "Institution editor: Экият"
        )
        assert display_name("Editors") == "Editors"
    # Labels are lazy translations, resolved when shown.
    assert isinstance(Role.CULTURE_EDITOR.label, Promise)


def test_create_roles_command_grants_index_pages_made_after_migrations():
    GroupPagePermission.objects.filter(group__name=Role.CULTURE_EDITOR).delete()
    out = io.StringIO()
    call_command("create_roles", stdout=out)
    assert "Culture editor: 3 page subtree(s)" in out.getvalue()
    assert (
        GroupPagePermission.objects.filter(
            group__name=Role.CULTURE_EDITOR,
            page__in=ProgrammeIndexPage.objects.all(),
            permission__codename="publish_page",
        ).count()
        == 3
    )
