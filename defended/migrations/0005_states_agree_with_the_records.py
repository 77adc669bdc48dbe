"""The database keeps each state and its record in step: a referral is open exactly when it has no
``closed_at``; an application is waiting (made or referred) exactly when it has no ``decided_at``.
(After 0004, so that every existing row already agrees.)"""
from django.db import migrations, models


class Migration(migrations.Migration):
    dependencies = [
        ("defended", "0004_states_from_the_records"),
    ]

    operations = [
        migrations.AddConstraint(
            model_name="application",
            constraint=models.CheckConstraint(condition=models.Q(models.Q(("decided_at__isnull", True), ("state__in", ("made", "referred"))), models.Q(models.Q(("state__in", ("made", "referred")), _negated=True), ("decided_at__isnull", False)), _connector="OR"), name="application_decided_at_iff_not_waiting"),
        ),
        migrations.AddConstraint(
            model_name="referral",
            constraint=models.CheckConstraint(condition=models.Q(models.Q(("closed_at__isnull", True), ("state", "open")), models.Q(models.Q(("state", "open"), _negated=True), ("closed_at__isnull", False)), _connector="OR"), name="referral_closed_at_iff_not_open"),
        ),
    ]
