import uuid

from django.db import migrations, models

import court.models


def fill_keys(apps, schema_editor):
    Notification = apps.get_model("court", "Notification")
    for pk in Notification.objects.filter(key__isnull=True).values_list("pk", flat=True):
        Notification.objects.filter(pk=pk).update(key=uuid.uuid4().hex)


class Migration(migrations.Migration):
    dependencies = [("court", "0003_fee_schedules")]
    operations = [
        migrations.AddField(model_name="notification", name="key", field=models.CharField(max_length=200, null=True)),
        migrations.RunPython(fill_keys, migrations.RunPython.noop),
        migrations.AlterField(
            model_name="notification", name="key",
            field=models.CharField(default=court.models._new_key, max_length=200, unique=True),
        ),
    ]
