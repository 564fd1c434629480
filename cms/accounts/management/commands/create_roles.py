"""Create or complete the staff role groups; safe to run at any time."""

from django.core.management.base import BaseCommand

from cms.accounts.roles import create_roles


class Command(BaseCommand):
    help = (
        "Creates the staff role groups and grants their permissions, including on "
        "index pages created since the last run. Adds only what is missing."
    )

    def handle(self, *args, **options):
        groups = create_roles()
        for role, group in groups.items():
            pages = group.page_permissions.values("page").distinct().count()
            self.stdout.write(f"{role.value}: {pages} page subtree(s)")
