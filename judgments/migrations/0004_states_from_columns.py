"""Existing judgments and settlement agreements get their state from the columns they hold.

A judgment:

- paid within 28 days (``removed_from_register_at``) → removed from the register;
- paid later (``satisfied_at``) → satisfied;
- otherwise, a redetermination asked for (``redetermination_requested_at``) → redetermination requested;
- otherwise, a judgment on admission whose claim was sent out on an application to change the plan
  (the reason ``judgments.applications`` gives ends "(7.45)") → variation applied for;
- otherwise → entered (the default the schema migration gave every row).

Being paid comes first: the register showed a paid judgment as removed or satisfied whatever came after.

A settlement agreement keeps its status, except "broken": judgment was always entered on a broken
agreement in the same step, so one whose claim has a judgment becomes "judgment entered on it".

Backwards: the timestamp columns still hold everything the old schema recorded about a judgment, so its
state is simply dropped; an agreement with judgment entered on it is "broken" again.
"""
from django.db import migrations


def states_from_columns(apps, schema_editor):
    Judgment = apps.get_model("judgments", "Judgment")
    SettlementAgreement = apps.get_model("judgments", "SettlementAgreement")
    judgments = Judgment.objects.all()
    judgments.filter(removed_from_register_at__isnull=False).update(state="removed_from_register")
    judgments.filter(removed_from_register_at__isnull=True, satisfied_at__isnull=False).update(state="satisfied")
    waiting = judgments.filter(state="entered")
    waiting.filter(redetermination_requested_at__isnull=False).update(state="redetermination_requested")
    waiting.filter(kind="admission", claim__state="sent_out",
                   claim__sent_out_reason__endswith="(7.45)").update(state="variation_applied_for")
    SettlementAgreement.objects.filter(status="broken", claim__judgment__isnull=False).update(
        status="judgment_entered")


def agreements_back_to_broken(apps, schema_editor):
    SettlementAgreement = apps.get_model("judgments", "SettlementAgreement")
    SettlementAgreement.objects.filter(status="judgment_entered").update(status="broken")


class Migration(migrations.Migration):

    dependencies = [
        ("claims", "0006_settlement_and_closing"),
        ("judgments", "0003_judgment_state_settlement_fsm"),
    ]

    operations = [
        migrations.RunPython(states_from_columns, agreements_back_to_broken),
    ]
