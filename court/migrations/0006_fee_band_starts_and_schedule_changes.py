import django.db.models.deletion
from django.conf import settings
from django.db import migrations, models


def fill_starts(apps, schema_editor):
    """Each band starts over the previous band's upper limit (the first over £0)."""
    FeeSchedule = apps.get_model("court", "FeeSchedule")
    for schedule in FeeSchedule.objects.all():
        previous = 0
        for band in schedule.bands.order_by(models.F("up_to").asc(nulls_last=True)):
            band.over = previous
            band.save(update_fields=["over"])
            previous = band.up_to


class Migration(migrations.Migration):

    dependencies = [
        ('court', '0005_hearingcentre'),
        migrations.swappable_dependency(settings.AUTH_USER_MODEL),
    ]

    operations = [
        migrations.AddField(
            model_name='feeband',
            name='over',
            field=models.DecimalField(decimal_places=2, default=0, max_digits=12, verbose_name='amounts over (£)'),
        ),
        migrations.AlterField(
            model_name='feeband',
            name='cap',
            field=models.DecimalField(blank=True, decimal_places=2, max_digits=10, null=True, verbose_name='cap (£, a percentage only)'),
        ),
        migrations.AlterField(
            model_name='feeband',
            name='fixed',
            field=models.DecimalField(blank=True, decimal_places=2, max_digits=10, null=True, verbose_name='fixed fee (£)'),
        ),
        migrations.AlterField(
            model_name='feeband',
            name='percent',
            field=models.DecimalField(blank=True, decimal_places=2, max_digits=5, null=True, verbose_name='percentage of the amount'),
        ),
        migrations.AlterField(
            model_name='feeband',
            name='up_to',
            field=models.DecimalField(blank=True, decimal_places=2, help_text='Inclusive. Leave empty for the last band (no upper limit).', max_digits=12, null=True, verbose_name='up to (£)'),
        ),
        migrations.AlterField(
            model_name='feeschedule',
            name='effective_from',
            field=models.DateField(help_text='The first day of submission this schedule applies to.'),
        ),
        migrations.CreateModel(
            name='FeeScheduleChange',
            fields=[
                ('id', models.BigAutoField(auto_created=True, primary_key=True, serialize=False, verbose_name='ID')),
                ('schedule_label', models.CharField(max_length=100, verbose_name='schedule')),
                ('action', models.CharField(choices=[('added', 'Added'), ('changed', 'Changed'), ('deleted', 'Deleted')], max_length=10)),
                ('changed_at', models.DateTimeField()),
                ('changed_by_label', models.CharField(max_length=200, verbose_name='changed by')),
                ('before', models.JSONField(blank=True, default=dict)),
                ('after', models.JSONField(blank=True, default=dict)),
                ('summary', models.TextField(help_text='What changed, in words.')),
                ('changed_by', models.ForeignKey(null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='+', to=settings.AUTH_USER_MODEL)),
                ('schedule', models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='changes', to='court.feeschedule')),
            ],
            options={
                'verbose_name': 'fee schedule change',
                'ordering': ['-changed_at', '-pk'],
            },
        ),
        migrations.RunPython(fill_starts, migrations.RunPython.noop),
    ]
