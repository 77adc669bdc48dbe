from datetime import date

from django.db import migrations

from rules.money import FEES_2021_09_16


def seed(apps, schema_editor):
    FeeSchedule = apps.get_model("court", "FeeSchedule")
    FeeBand = apps.get_model("court", "FeeBand")
    for channel in ("online", "paper"):
        schedule, created = FeeSchedule.objects.get_or_create(
            effective_from=date(2021, 9, 16), channel=channel,
            defaults={"source": "The Civil Proceedings Fees (Amendment) Order 2021 (gov.uk: Make a court claim for money: court fees)"},
        )
        if created:
            for band in FEES_2021_09_16:
                FeeBand.objects.create(schedule=schedule, up_to=band.up_to, fixed=band.fixed, percent=band.percent, cap=band.cap)


class Migration(migrations.Migration):
    dependencies = [("court", "0003_fee_schedules")]
    operations = [migrations.RunPython(seed, migrations.RunPython.noop)]
