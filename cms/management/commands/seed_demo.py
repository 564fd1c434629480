"""Fill the site with realistic demo content in Russian, Tatar and English."""

import inspect

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
        parser.add_argument(
            "--season",
            choices=["full", "small"],
            help=(
                "How much content plugins seed: 'full' (the whole season) or "
                "'small' (a few of each kind, for tests). By default the size "
                "already on the site; a new site gets the full season."
            ),
        )

    def handle(self, *args, without_accounts=False, season=None, **options):
        home = seed_home(self.stdout)
        # Plugins first, so the programme and hearings lead the main menu.
        for manifest in get_plugins():
            seed = manifest.get_demo_seed()
            if seed is None:
                continue
            # ``seed(home, stdout)``; a seed that takes ``season`` gets it too.
            if season and "season" in inspect.signature(seed).parameters:
                seed(home, self.stdout, season=season)
            else:
                seed(home, self.stdout)
        seed_site(home, self.stdout)
        if not without_accounts:
            seed_accounts(self.stdout)
        self.stdout.write(self.style.SUCCESS("Demo content is ready."))
