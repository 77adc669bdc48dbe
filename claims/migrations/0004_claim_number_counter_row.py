from django.db import migrations


def create_counter(apps, schema_editor):
    apps.get_model("claims", "ClaimNumberCounter").objects.get_or_create(name="claim", defaults={"last": 0})


class Migration(migrations.Migration):
    dependencies = [("claims", "0003_submission_fee_issue")]
    operations = [migrations.RunPython(create_counter, migrations.RunPython.noop)]
