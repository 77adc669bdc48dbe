"""Seed the court office closure days HMCTS announced (beyond weekends and bank holidays).

Staff add further announced closures in the admin; these are the ones known at build time.
"""
from datetime import date

from django.db import migrations

ANNOUNCED = [
    (date(2024, 12, 27), "HMCTS announced closure (Friday after Boxing Day)"),
    (date(2025, 12, 24), "HMCTS announced closure (Christmas Eve)"),
]


def seed(apps, schema_editor):
    ClosureDay = apps.get_model("court", "ClosureDay")
    for day, reason in ANNOUNCED:
        ClosureDay.objects.get_or_create(day=day, defaults={"reason": reason})


def unseed(apps, schema_editor):
    ClosureDay = apps.get_model("court", "ClosureDay")
    ClosureDay.objects.filter(day__in=[day for day, _ in ANNOUNCED], created_by__isnull=True).delete()


class Migration(migrations.Migration):
    dependencies = [("court", "0001_initial")]
    operations = [migrations.RunPython(seed, unseed)]
