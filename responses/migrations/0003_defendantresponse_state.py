"""Responses have a state of their own (the data migration after this one fills it)."""

import django_fsm
from django.db import migrations


class Migration(migrations.Migration):

    dependencies = [
        ('responses', '0002_defendantresponse_on_paper'),
    ]

    operations = [
        migrations.AddField(
            model_name='defendantresponse',
            name='state',
            field=django_fsm.FSMField(choices=[('submitted', 'Received by the court'), ('with_claimant', 'With the claimant to answer'), ('accepted', 'Accepted by the claimant'), ('rejected', 'Rejected: the claimant goes on with the claim'), ('continuing_as_defence', 'Part admission rejected: goes on as a defence (7.43)'), ('withdrawal_asked', 'The defendant asked permission to withdraw the admission (7.46)'), ('withdrawn', "Admission withdrawn with the court's permission (7.46)"), ('withdrawal_refused', 'Permission to withdraw refused: the admission stands')], default='submitted', max_length=50, protected=True),
        ),
    ]
