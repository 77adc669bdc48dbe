"""A referral and an application each get a state (django-fsm-2, protected).

Existing rows start in the first state (a referral open, an application made); the next
migration (0004) gives each the state its records say it is in.
"""
import django_fsm
from django.db import migrations


class Migration(migrations.Migration):
    dependencies = [
        ("defended", "0002_preferred_court_from_the_list"),
    ]

    operations = [
        migrations.AddField(
            model_name="application",
            name="state",
            field=django_fsm.FSMField(choices=[("made", "Received"), ("referred", "With a judge"), ("decided", "Decided"), ("closed", "Closed: the claim was sent out")], default="made", max_length=50, protected=True),
        ),
        migrations.AddField(
            model_name="referral",
            name="state",
            field=django_fsm.FSMField(choices=[("open", "Waiting for a legal adviser or judge"), ("decided", "Decided"), ("passed_on", "Passed to another legal adviser or judge"), ("closed", "Closed: the claim was sent out")], default="open", max_length=50, protected=True),
        ),
    ]
