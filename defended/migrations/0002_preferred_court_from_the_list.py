"""The preferred court is now chosen from the court's hearing centres instead of typed.

Drafts (the defendant's response and the claimant's answer to a defence) whose typed court
names a centre, ignoring case and spacing, now hold the centre's name as the list spells it;
any other typed court is dropped from the draft, so the page is asked again. What the court
has received (``DefendantResponse.preferred_court``, ``ClaimantDecision.preferred_court`` and
their ``data``) is kept exactly as it was submitted.
"""
from django.db import migrations


def choose_from_the_list(apps, schema_editor):
    centres = {" ".join(name.split()).casefold(): name
               for name in apps.get_model("court", "HearingCentre").objects.values_list("name", flat=True)}
    for model in (apps.get_model("responses", "ResponseDraft"), apps.get_model("defended", "DecisionDraft")):
        for draft in model.objects.filter(data__has_key="hearing_court"):
            page = draft.data.get("hearing_court")
            typed = page.get("court") if isinstance(page, dict) else None
            centre = centres.get(" ".join(str(typed or "").split()).casefold())
            if centre is None:
                del draft.data["hearing_court"]
            elif centre == typed:
                continue
            else:
                draft.data["hearing_court"] = {**page, "court": centre}
            draft.save(update_fields=["data"])


class Migration(migrations.Migration):
    dependencies = [
        ("defended", "0001_initial"),
        ("responses", "0002_defendantresponse_on_paper"),
        ("court", "0007_hearingcentre_active"),
    ]

    operations = [migrations.RunPython(choose_from_the_list, migrations.RunPython.noop)]
