"""Fill the site with realistic demo content in Russian, Tatar and English."""

from django.core.management.base import BaseCommand

from cms.accounts.demo import seed_accounts
from cms.demo import seed_home, seed_site
from cms.plugins import get_plugins


class Command(BaseCommand):
    help = (
        "Creates the demo site and each plugin's demo content in ru, tt and en. "
        "Running it again creates nothing twice and keeps editors' changes."
    )

    def add_arguments(self, parser):
        parser.add_argument(
            "--without-accounts",
            action="store_true",
            help="Content only: no demo staff or resident accounts.",
        )

    def handle(self, *args, without_accounts=False, **options):
        home = seed_home(self.stdout)
        # Plugins first, so the programme and hearings lead the main menu.
        for manifest in get_plugins():
            seed = manifest.get_demo_seed()
            if seed is not None:
                seed(home, self.stdout)
        seed_site(home, self.stdout)
        if not without_accounts:
            seed_accounts(self.stdout)
        self.stdout.write(self.style.SUCCESS("Demo content is ready."))
