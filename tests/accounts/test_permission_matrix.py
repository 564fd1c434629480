"""Who may do what: every actor against every action, in one table.

Page publishing is checked through our permission functions, through Wagtail's own
page permission API and, once per staff role, through a real admin request.
"""

from django.contrib.auth.models import AnonymousUser

import pytest
from django_otp.oath import totp
from django_otp.plugins.otp_totp.models import TOTPDevice

from cms.accounts.models import EsiaIdentity, User
from cms.accounts.permissions import can_publish_page, can_rate_or_comment
from cms.accounts.roles import Role, create_roles, grant_institution_editors
from cms.models import StandardPage
from events_plugin.models import ProgrammeIndexPage
from hearings_plugin.models import HearingIndexPage
from hearings_plugin.permissions import (
    can_answer_submission,
    can_close_comment_period,
    can_moderate,
    can_see_personal_data,
    can_submit_to_hearing,
)

pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("staff_protection")]

ACTIONS = {
    "publish under the programme": lambda u, s: can_publish_page(u, s["programme"]),
    "publish in the institution": lambda u, s: can_publish_page(u, s["institution"]),
    "publish under hearings": lambda u, s: can_publish_page(u, s["hearing"]),
    "moderate": lambda u, s: can_moderate(u, s["hearing"]),
    "answer a submission": lambda u, s: can_answer_submission(u, s["hearing"]),
    "close the period": lambda u, s: can_close_comment_period(u, s["hearing"]),
    "see personal data": lambda u, s: can_see_personal_data(u, s["hearing"]),
    "submit to a hearing": lambda u, s: can_submit_to_hearing(u),
    "rate or comment": lambda u, s: can_rate_or_comment(u),
}
PAGE_ACTIONS = {
    "publish under the programme": "programme",
    "publish in the institution": "institution",
    "publish under hearings": "hearing",
}

# One row per actor, one column per action, in the order of ACTIONS.
#                                 prog  inst  hear  mod   ans   close data  sub   rate
MATRIX = {
    "anonymous":                 "no    no    no    no    no    no    no    no    no",
    "resident":                  "no    no    no    no    no    no    no    no    yes",
    "verified resident":         "no    no    no    no    no    no    no    yes   yes",
    "culture editor":            "yes   yes   no    no    no    no    no    no    yes",
    "institution editor":        "no    yes   no    no    no    no    no    no    yes",
    "other institution editor":  "no    no    no    no    no    no    no    no    yes",
    "hearing organiser":         "no    no    yes   yes   yes   yes   yes   no    yes",
    "moderator":                 "no    no    no    yes   no    no    no    no    yes",
    "administrator":             "yes   yes   yes   yes   yes   yes   yes   no    yes",
}  # fmt: skip

CELLS = [
    (actor, action, answer == "yes")
    for actor, row in MATRIX.items()
    for action, answer in zip(ACTIONS, row.split(), strict=True)
]


@pytest.fixture
def staff_protection(settings):
    """The staff protection settings, also before they reach cms/settings/base.py."""
    middleware = "cms.accounts.staff.StaffProtectionMiddleware"
    if middleware not in settings.MIDDLEWARE:
        position = settings.MIDDLEWARE.index("django_otp.middleware.OTPMiddleware")
        settings.MIDDLEWARE = [
            *settings.MIDDLEWARE[: position + 1],
            middleware,
            *settings.MIDDLEWARE[position + 1 :],
        ]
    if not hasattr(settings, "WAGTAILADMIN_USER_LOGIN_FORM"):
        settings.WAGTAILADMIN_USER_LOGIN_FORM = "cms.accounts.staff.StaffLoginForm"


def add_page(parent, title, slug):
    page = StandardPage(title=title, slug=slug)
    parent.add_child(instance=page)
    page.save_revision().publish()
    return page


@pytest.fixture
def scene(locales):
    """Pages of each kind, and one account per actor."""
    roles = create_roles()
    programme = ProgrammeIndexPage.objects.get(locale=locales["ru"])
    hearings = HearingIndexPage.objects.get(locale=locales["ru"])
    institution = add_page(programme, "Театр «Экият»", "ekiyat")
    other_institution = add_page(programme, "Музей Тукая", "tukay")
    pages = {
        "programme": add_page(programme, "Сезон 2026", "season"),
        "institution": add_page(institution, "Спектакль «Шүрәле»", "shurale"),
        # A page under the hearings index stands in for a hearing.
        "hearing": add_page(
            hearings, "Проект планировки Адмиралтейской слободы", "adm"
        ),
    }
    groups = {
        "culture editor": [roles[Role.CULTURE_EDITOR]],
        "institution editor": [grant_institution_editors(institution)],
        "other institution editor": [grant_institution_editors(other_institution)],
        "hearing organiser": [roles[Role.HEARING_ORGANISER]],
        "moderator": [roles[Role.MODERATOR]],
        "administrator": [roles[Role.ADMINISTRATOR]],
    }
    actors = {"anonymous": AnonymousUser()}
    for actor in MATRIX:
        if actor == "anonymous":
            continue
        user = User.objects.create_user(
            username=actor.replace(" ", "-"), password="actor-pass"
        )
        user.groups.add(*groups.get(actor, []))
        if actor == "verified resident":
            EsiaIdentity.objects.create(user=user, subject="esia-1", trusted=True)
        # Fresh objects: permissions are cached on the user instance.
        actors[actor] = User.objects.get(pk=user.pk)
    return {**pages, "actors": actors}


@pytest.mark.parametrize(("actor", "action", "allowed"), CELLS)
def test_permission_matrix(scene, actor, action, allowed):
    user = scene["actors"][actor]
    assert ACTIONS[action](user, scene) is allowed
    if action in PAGE_ACTIONS:
        page = scene[PAGE_ACTIONS[action]]
        assert page.permissions_for_user(user).can_publish() is allowed


def test_an_organiser_acts_only_on_hearings_their_group_holds(scene):
    """A group with hearing permissions but pages elsewhere cannot act here."""
    from django.contrib.auth.models import Group, Permission

    group = Group.objects.create(name="Organiser of one hearing")
    group.permissions.add(
        *Permission.objects.filter(
            content_type__app_label="hearings",
            codename__in=["moderate_submissions", "view_personal_data"],
        )
    )
    one_hearing = add_page(scene["hearing"].get_parent(), "Другое обсуждение", "other")
    from wagtail.models import GroupPagePermission

    GroupPagePermission.objects.create(
        group=group, page=one_hearing, permission_type="change"
    )
    user = User.objects.create_user(username="one-hearing")
    user.groups.add(group)
    user = User.objects.get(pk=user.pk)

    assert can_see_personal_data(user, one_hearing)
    assert can_moderate(user, one_hearing)
    assert not can_see_personal_data(user, scene["hearing"])
    assert not can_moderate(user, scene["hearing"])
    assert not can_answer_submission(user, one_hearing)


def test_a_switched_off_account_may_do_nothing(scene):
    administrator = scene["actors"]["administrator"]
    administrator.is_active = False
    assert not can_publish_page(administrator, scene["programme"])
    assert not can_moderate(administrator, scene["hearing"])
    assert not can_rate_or_comment(administrator)


def sign_in_with_second_factor(client, user):
    """Sign in as the admin does after the password: a code from the app."""
    client.force_login(user)
    device = TOTPDevice.objects.create(user=user, name="phone", confirmed=True)
    code = totp(device.bin_key, device.step, device.t0, device.digits, device.drift)
    response = client.post(
        "/admin/two-factor/verify/", {"code": f"{code:0{device.digits}d}"}
    )
    assert response.status_code == 302, response.content[:500]
    assert response["Location"] == "/admin/"


# One admin request per staff role: publish through the page editor.
ADMIN_PUBLISHING = [
    ("culture editor", "programme", True),
    ("institution editor", "institution", True),
    ("institution editor", "programme", False),
    ("other institution editor", "institution", False),
    ("hearing organiser", "hearing", True),
    ("moderator", "hearing", False),
    ("administrator", "hearing", True),
]


@pytest.mark.parametrize(("actor", "page_key", "published"), ADMIN_PUBLISHING)
def test_publishing_through_the_admin(client, scene, actor, page_key, published):
    page = scene[page_key]
    sign_in_with_second_factor(client, scene["actors"][actor])
    response = client.post(
        f"/admin/pages/{page.pk}/edit/",
        {
            "title": "Новое название",
            "slug": page.slug,
            "introduction": "",
            "body-count": "0",
            "action-publish": "action-publish",
        },
    )
    page.refresh_from_db()
    if published:
        assert response.status_code == 302
        assert response["Location"] != "/admin/"
        assert page.title == "Новое название"
        assert page.live and not page.has_unpublished_changes
    else:
        # Wagtail sends a refused editor back to the dashboard with a message.
        assert response.status_code in (302, 403)
        if response.status_code == 302:
            assert response["Location"] == "/admin/"
        assert page.title != "Новое название"
