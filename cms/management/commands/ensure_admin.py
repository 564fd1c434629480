"""Create the demo administrator account once, and say how to log in."""

import os

from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand


class Command(BaseCommand):
    help = "Creates a superuser for the demo if none exists and prints how to log in."

    def add_arguments(self, parser):
        parser.add_argument("--username", default=os.environ.get("ADMIN_USER", "admin"))
        parser.add_argument(
            "--password", default=os.environ.get("ADMIN_PASSWORD", "admin")
        )
        parser.add_argument("--email", default="admin@example.org")

    def handle(self, *args, username, password, email, **options):
        user_model = get_user_model()
        if not user_model.objects.filter(username=username).exists():
            user_model.objects.create_superuser(
                username=username, email=email, password=password
            )
            self.stdout.write(f"Created the administrator account {username!r}.")
        self.stdout.write(
            f"Admin: /admin/  user: {username}  password: {password} "
            "(demo only; set ADMIN_USER and ADMIN_PASSWORD to choose them)"
        )
