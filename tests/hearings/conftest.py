"""Hearing fixtures: hearings in each stage, verified residents, organisers."""

import uuid

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group

import pytest

from cms.accounts.roles import Role, create_roles
from hearings_plugin.actions import SubmissionData, SubmitAction
from hearings_plugin.factories import make_hearing, make_verified_resident
from hearings_plugin.models import Stage


@pytest.fixture
def open_hearing(db):
    return make_hearing(Stage.OPEN, translate_to=("tt", "en"))


@pytest.fixture
def verified_resident(db):
    return make_verified_resident("verified")


def staff_member(username, role):
    create_roles()
    user = get_user_model().objects.create_user(
        username=username, email=f"{username}@kzn.ru", password="pass-" + username
    )
    user.groups.add(Group.objects.get(name=role.value))
    return get_user_model().objects.get(pk=user.pk)


@pytest.fixture
def organiser(db):
    return staff_member("organiser", Role.HEARING_ORGANISER)


@pytest.fixture
def moderator(db):
    return staff_member("moderator", Role.MODERATOR)


def submission_data(**overrides):
    values = {
        "kind": "proposal",
        "category": "territory",
        "text": "Сохранить сквер у школы № 12.",
        "client_token": uuid.uuid4(),
        "identity_confirmed": True,
    }
    values.update(overrides)
    return SubmissionData(**values)


def submit(page, user, **overrides):
    """Submit through the action and return the stored submission."""
    submission, _created = SubmitAction(
        page, user, submission_data(**overrides)
    ).execute()
    return submission
