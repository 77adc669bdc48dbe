import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models


def link_charged_schedules(apps, schema_editor):
    """Claims submitted before the link: the online schedule of the date they recorded."""
    Claim = apps.get_model("claims", "Claim")
    FeeSchedule = apps.get_model("court", "FeeSchedule")
    for schedule in FeeSchedule.objects.filter(channel="online"):
        Claim.objects.filter(fee_schedule__isnull=True, fee_schedule_from=schedule.effective_from).update(
            fee_schedule=schedule)


class Migration(migrations.Migration):

    dependencies = [
        ('claims', '0007_defended_claims'),
        ('court', '0006_fee_band_starts_and_schedule_changes'),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.AddField(
            model_name='claim',
            name='fee_schedule',
            field=models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.PROTECT, related_name='claims_charged', to='court.feeschedule'),
        ),
        migrations.CreateModel(
            name='StaffAccess',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('what', models.CharField(choices=[('security_code', 'Security code')], max_length=40)),
                ('user_label', models.CharField(max_length=200, verbose_name='viewed by')),
                ('at', models.DateTimeField(verbose_name='viewed at')),
                ('claim', models.ForeignKey(on_delete=django.db.models.deletion.CASCADE, related_name='staff_accesses', to='claims.claim')),
                ('user', models.ForeignKey(null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL)),
            ],
            options={
                'verbose_name': 'staff access to a claim',
                'verbose_name_plural': 'staff access to claims',
                'ordering': ['-at', '-pk'],
                'indexes': [models.Index(fields=['claim', '-at'], name='claims_staf_claim_i_916064_idx')],
            },
        ),
        migrations.RunPython(link_charged_schedules, migrations.RunPython.noop),
    ]
