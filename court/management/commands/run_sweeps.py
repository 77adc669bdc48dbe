"""Run deadline sweeps now, in this process (operations, and catching up after downtime)."""
from __future__ import annotations

from typing import Any

from django.core.management.base import BaseCommand, CommandError, CommandParser

from court import sweeps


class Command(BaseCommand):
    help = "Run every scheduled deadline sweep now (or only those named with --job)."

    def add_arguments(self, parser: CommandParser) -> None:
        parser.add_argument("--job", action="append", default=[], help="Run only this sweep (repeatable).")
        parser.add_argument("--list", action="store_true", help="List the sweeps and exit.")

    def handle(self, *args: Any, **options: Any) -> None:
        known = sweeps.registered()
        if options["list"]:
            for name, sweep in known.items():
                self.stdout.write(f"{name}: {sweep.description}")
            return
        names = options["job"] or list(known)
        unknown = [name for name in names if name not in known]
        if unknown:
            raise CommandError(f"Unknown sweep(s): {', '.join(unknown)}. Known: {', '.join(known)}")
        failed = 0
        for name in names:
            run = sweeps.run_sweep(name)
            failed += run.failed
            self.stdout.write(f"{name}: examined {run.examined}, changed {run.changed}, failed {run.failed}")
        if failed:
            raise CommandError(f"{failed} row(s) failed; see the job runs in the admin")
