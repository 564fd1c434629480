"""Fill the site with realistic demo content in Russian, Tatar and English."""

from django.core.management.base import BaseCommand

from cms.demo import seed_home, seed_site
from cms.plugins import get_plugins


class Command(BaseCommand):
    help = (
        "Creates the demo site and each plugin's demo content in ru, tt and en. "
        "Running it again creates nothing twice and keeps editors' changes."
    )

    def handle(self, *args, **options):
        home = seed_home(self.stdout)
        # Plugins first, so the programme and hearings lead the main menu.
        for manifest in get_plugins():
            seed = manifest.get_demo_seed()
            if seed is not None:
                seed(home, self.stdout)
        seed_site(home, self.stdout)
        self.stdout.write(self.style.SUCCESS("Demo content is ready."))
