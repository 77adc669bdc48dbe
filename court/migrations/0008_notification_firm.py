import django.db.models.deletion
from django.db import migrations, models


class Migration(migrations.Migration):

    dependencies = [
        ('accounts', '0003_firms_registration'),
        ('court', '0007_hearingcentre_active'),
    ]

    operations = [
        migrations.AddField(
            model_name='notification',
            name='firm',
            field=models.ForeignKey(blank=True, null=True, on_delete=django.db.models.deletion.SET_NULL, related_name='notifications', to='accounts.firm'),
        ),
        migrations.AddIndex(
            model_name='notification',
            index=models.Index(condition=models.Q(('firm__isnull', False)), fields=['firm', 'claim_number'], name='notification_firm_case_idx'),
        ),
    ]
