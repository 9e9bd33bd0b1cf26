from django.core.management import call_command
from django.core.management.base import BaseCommand

from kvarter.demo.loader import DemoLoader


class Command(BaseCommand):
    help = "Loads demo content in every language. Running it again changes nothing."

    def handle(self, *args, **options):
        loader = DemoLoader(log=self.stdout.write)
        loader.load()
        if loader.created:
            call_command("update_index", verbosity=0)
            self.stdout.write(
                self.style.SUCCESS(f"Demo content loaded ({loader.created} objects).")
            )
        else:
            self.stdout.write("Demo content is already loaded; nothing changed.")
