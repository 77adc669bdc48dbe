"""Give each response received before responses had a state the state its claim's record shows.

- The claimant's decision on a defence: going on rejects it (a part admission goes on as a defence of
  the whole, 7.43); not going on, confirming payment or accepting the amount admitted accepts it.
- Otherwise an answer to an admission's plan, a judgment on admission or a settlement agreement
  means the claimant accepted the admission.
- Otherwise the response is with the claimant (every response received online, or on paper as a
  defence, went to the claimant at once).
"""
from django.db import migrations

PART_ADMISSION = "part_admission"


def forwards(apps, schema_editor):
    DefendantResponse = apps.get_model("responses", "DefendantResponse")
    ClaimantDecision = apps.get_model("defended", "ClaimantDecision")
    ClaimantAnswer = apps.get_model("judgments", "ClaimantAnswer")
    Judgment = apps.get_model("judgments", "Judgment")
    SettlementAgreement = apps.get_model("judgments", "SettlementAgreement")
    decisions = dict(ClaimantDecision.objects.values_list("claim_id", "outcome"))
    accepted_admission = (set(ClaimantAnswer.objects.values_list("claim_id", flat=True))
                          | set(Judgment.objects.filter(kind="admission").values_list("claim_id", flat=True))
                          | set(SettlementAgreement.objects.values_list("claim_id", flat=True)))
    for response in DefendantResponse.objects.all().only("pk", "claim_id", "kind"):
        outcome = decisions.get(response.claim_id)
        if outcome == "continue":
            state = "continuing_as_defence" if response.kind == PART_ADMISSION else "rejected"
        elif outcome is not None or response.claim_id in accepted_admission:
            state = "accepted"
        else:
            state = "with_claimant"
        # The historical model has no transitions: a plain update, as the field is protected only on instances.
        DefendantResponse.objects.filter(pk=response.pk).update(state=state)


class Migration(migrations.Migration):

    dependencies = [
        ("responses", "0003_defendantresponse_state"),
        ("defended", "0002_preferred_court_from_the_list"),
        ("judgments", "0002_answers_settlements_redetermination"),
    ]

    operations = [migrations.RunPython(forwards, migrations.RunPython.noop)]
