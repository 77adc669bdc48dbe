"""Each existing referral and application gets the state its records say it is in.

Read from the columns the services wrote (``defended.services`` before the states existed):

- a referral with no ``closed_at`` is **open**; one closed with the outcome "Passed to …" (``refer``
  passing the directions questionnaires to the other referee) is **passed_on**; one closed with
  "Sent out of the online service" (a judge sending the claim out, closing what was still waiting)
  is **closed**; any other outcome (directions given, an application decided, a request for judgment
  in default entered or refused) is **decided**;
- an application with no ``decided_at`` is **referred** if a referral was opened for it (every one
  but a broken settlement's), else **made**; one decided with "The claim was sent out" (a judge sent
  the claim out before deciding it) is **closed**; any other is **decided**.

The state is protected on the model; the historical models here are plain, so the rows are updated
with queries. Reversed, every row goes back to the first state, as 0003 left it.
"""
from django.db import migrations
from django.db.models import Exists, OuterRef, Q

#: The outcomes and decision ``defended.services`` wrote when a referral or application ended without
#: anyone deciding it (its ``_close_referrals`` in ``refer``, ``judge_send_out``, ``application_decide``).
PASSED_PREFIX = "Passed to "
SENT_OUT_OUTCOME = "Sent out of the online service"
SENT_OUT_DECISION = "The claim was sent out"


def states_from_the_records(apps, schema_editor):
    Referral = apps.get_model("defended", "Referral")
    Application = apps.get_model("defended", "Application")
    closed = Referral.objects.filter(closed_at__isnull=False)
    closed.filter(outcome__startswith=PASSED_PREFIX).update(state="passed_on")
    closed.filter(outcome=SENT_OUT_OUTCOME).update(state="closed")
    closed.exclude(Q(outcome__startswith=PASSED_PREFIX) | Q(outcome=SENT_OUT_OUTCOME)).update(state="decided")
    Referral.objects.filter(closed_at__isnull=True).update(state="open")

    waiting = Application.objects.filter(decided_at__isnull=True)
    referred = Exists(Referral.objects.filter(application=OuterRef("pk")))
    waiting.filter(referred).update(state="referred")
    waiting.exclude(referred).update(state="made")
    decided = Application.objects.filter(decided_at__isnull=False)
    decided.filter(decision=SENT_OUT_DECISION).update(state="closed")
    decided.exclude(decision=SENT_OUT_DECISION).update(state="decided")


def back_to_the_first_state(apps, schema_editor):
    apps.get_model("defended", "Referral").objects.update(state="open")
    apps.get_model("defended", "Application").objects.update(state="made")


class Migration(migrations.Migration):
    dependencies = [
        ("defended", "0003_referral_and_application_states"),
    ]

    operations = [migrations.RunPython(states_from_the_records, back_to_the_first_state)]
