"""Demo accounts: one staff member per role and residents at each level of trust."""

import datetime

from django.contrib.auth import get_user_model
from django.contrib.auth.models import Group

from .models import EsiaIdentity
from .roles import Role, create_roles

DEMO_PASSWORD = "kazan-demo"  # noqa: S105 - documented demo credentials

STAFF = [
    ("demo.editor", "Гульнара", "Хабибуллина", Role.CULTURE_EDITOR),
    ("demo.organiser", "Рустем", "Гарипов", Role.HEARING_ORGANISER),
    ("demo.moderator", "Елена", "Смирнова", Role.MODERATOR),
    ("demo.administrator", "Айдар", "Сафин", Role.ADMINISTRATOR),
]

RESIDENTS = [
    # username/email, first name, last name, ESIA identity (trusted) or None
    ("demo.resident@example.com", "Наиля", "Закирова", None),
    ("demo.verified@example.com", "Ильдар", "Валиев", True),
    ("demo.unconfirmed@example.com", "Мария", "Иванова", False),
]


def seed_accounts(stdout=None):
    """Roles, staff accounts and residents for trying every part of the site."""
    create_roles()
    user_model = get_user_model()
    for username, first_name, last_name, role in STAFF:
        user, created = user_model.objects.get_or_create(
            username=username,
            defaults={
                "email": f"{username}@culture.kzn.ru",
                "first_name": first_name,
                "last_name": last_name,
                "email_verified": True,
            },
        )
        if created:
            user.set_password(DEMO_PASSWORD)
            user.save()
            user.groups.add(Group.objects.get(name=role.value))

    # Plugins create one editors' group per institution; the demo institution
    # editor joins the first one made (the National Library in the demo).
    institution_group = (
        Group.objects.filter(name__startswith=f"{Role.INSTITUTION_EDITOR.value}:")
        .order_by("pk")
        .first()
    )
    if institution_group is not None:
        user, created = user_model.objects.get_or_create(
            username="demo.institution",
            defaults={
                "email": "demo.institution@culture.kzn.ru",
                "first_name": "Лилия",
                "last_name": "Ахметова",
                "email_verified": True,
            },
        )
        if created:
            user.set_password(DEMO_PASSWORD)
            user.save()
            user.groups.add(institution_group)

    for email, first_name, last_name, trusted in RESIDENTS:
        user, created = user_model.objects.get_or_create(
            username=email,
            defaults={
                "email": email,
                "first_name": first_name,
                "last_name": last_name,
                "email_verified": True,
            },
        )
        if created:
            user.set_password(DEMO_PASSWORD)
            user.save()
        if trusted is not None:
            EsiaIdentity.objects.get_or_create(
                user=user,
                defaults={
                    "subject": f"demo-{user.pk}",
                    "trusted": trusted,
                    "last_name": last_name,
                    "first_name": first_name,
                    "middle_name": "Рашитович" if trusted else "Петровна",
                    "birth_date": datetime.date(1958, 4, 12),
                    "address": "420111, Казань, ул. Баумана, д. 1, кв. 1",
                },
            )
    if stdout:
        stdout.write("Demo accounts: ready (password for all: kazan-demo).")
