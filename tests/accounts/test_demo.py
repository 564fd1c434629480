"""Demo accounts: one per staff role and residents at each level of trust."""

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group

import pytest

from cms.accounts.demo import DEMO_PASSWORD, RESIDENTS, STAFF, seed_accounts
from cms.accounts.roles import Role

pytestmark = pytest.mark.django_db


def test_every_role_has_a_demo_member_and_seeding_twice_adds_nobody():
    seed_accounts()
    users = get_user_model().objects.count()
    seed_accounts()
    assert get_user_model().objects.count() == users
    for role in Role:
        if role is Role.INSTITUTION_EDITOR:
            # Institution editors belong to the group of their institution.
            assert Group.objects.filter(
                name__startswith=role.value + ":", user__isnull=False
            ).exists()
        else:
            assert Group.objects.get(name=role.value).user_set.exists(), role


def test_demo_accounts_sign_in_with_the_documented_password():
    seed_accounts()
    user_model = get_user_model()
    for username, *_rest in STAFF:
        assert user_model.objects.get(username=username).check_password(DEMO_PASSWORD)
    for email, *_rest in RESIDENTS:
        assert user_model.objects.get(email=email).check_password(DEMO_PASSWORD)


def test_demo_residents_cover_each_level_of_trust():
    seed_accounts()
    user_model = get_user_model()
    trust = {
        email: user_model.objects.get(email=email).is_verified_resident
        for email, *_rest in RESIDENTS
    }
    assert sorted(trust.values()) == [False, False, True]
