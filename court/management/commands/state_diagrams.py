"""Write the state machines' pages (docs/state-machines/) from the code: ``make diagrams``."""
from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand

from court import state_diagrams


class Command(BaseCommand):
    help = "Write docs/state-machines/ from the state machines in the code."

    def handle(self, *args: Any, **options: Any) -> None:
        changed = state_diagrams.write()
        for name in changed:
            self.stdout.write(f"wrote docs/state-machines/{name}")
        if not changed:
            self.stdout.write("docs/state-machines/ is up to date")
