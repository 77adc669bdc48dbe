"""The data migration that gives existing judgments and settlement agreements their state
(``judgments/migrations/0004_states_from_columns``), on real rows made with the historical models.

Before it a judgment held where it stood in its columns (paid, removed, satisfied, a redetermination
asked for; an application to vary was only the claim's reason for being sent out), and an agreement
judgment was entered on was "broken". Rows in every state the old columns could say are migrated;
redetermined, varied and set aside are new (nothing before recorded them).
"""
from __future__ import annotations

from datetime import date, datetime, timezone
from decimal import Decimal
from typing import Any

import pytest

BEFORE = ("judgments", "0003_judgment_state_settlement_fsm")
AFTER = ("judgments", "0004_states_from_columns")
EARLIER = ("judgments", "0002_answers_settlements_redetermination")

AT = datetime(2027, 3, 23, 10, 0, tzinfo=timezone.utc)
VARIATION_REASON = ("the defendant applied on form N245 to change the repayment plan after a change of "
                    "circumstances (7.45)")


class Rows:
    """Claims, judgments and agreements made with the models of one migration state."""

    def __init__(self, apps: Any) -> None:
        self.Claim = apps.get_model("claims", "Claim")
        self.Judgment = apps.get_model("judgments", "Judgment")
        self.Agreement = apps.get_model("judgments", "SettlementAgreement")
        self.user = apps.get_model("accounts", "User").objects.create(email="clara@example.com", password="x")
        self.count = 0

    def claim(self, *, state: str = "judgment_entered", sent_out_reason: str = "") -> Any:
        self.count += 1
        return self.Claim.objects.create(owner=self.user, created_at=AT, last_saved_at=AT, state=state,
                                         claim_number=f"000MC{self.count:03}", sent_out_reason=sent_out_reason)

    def judgment(self, claim: Any = None, *, kind: str = "default", **columns: Any) -> Any:
        return self.Judgment.objects.create(
            claim=claim or self.claim(), kind=kind, requested_by=self.user, entered_at=AT,
            judgment_date=date(2027, 3, 23), made_by_label="the court (automated)",
            lines=[["Amount claimed", "1000.00"]], total=Decimal("1000.00"), payment_option="immediately",
            terms_text="The defendant must pay immediately", **columns)

    def agreement(self, status: str, *, judged: bool = False) -> Any:
        claim = self.claim(state="judgment_entered" if judged else "settlement_agreed")
        if judged:
            self.judgment(claim, kind="admission")
        return self.Agreement.objects.create(
            claim=claim, status=status, amount=Decimal("1000.00"), plan={"option": "by_set_date"},
            terms_text="The defendant will pay the claimant £1,000.00 by 30 June 2027", proposed_at=AT,
            proposed_by=self.user, claimant_signed_name="Clara Claimant", respond_by=AT)


@pytest.mark.django_db
def test_existing_rows_get_their_state_from_their_columns(migrator):
    rows = Rows(migrator.apply_initial_migration(BEFORE).apps)
    judgments = {
        "entered": rows.judgment(),
        "entered, its claim sent out by a judge": rows.judgment(
            rows.claim(state="sent_out", sent_out_reason="a judge sent it out"), kind="admission"),
        "removed_from_register": rows.judgment(paid_in_full_on=date(2027, 4, 1), removed_from_register_at=AT),
        "satisfied": rows.judgment(paid_in_full_on=date(2027, 5, 1), satisfied_at=AT),
        "redetermination_requested": rows.judgment(
            rows.claim(state="sent_out", sent_out_reason="the defendant asked for a redetermination (7.12(7))"),
            kind="admission", redetermination_requested_at=AT, redetermination_reasons="Too much"),
        "variation_applied_for": rows.judgment(
            rows.claim(state="sent_out", sent_out_reason=VARIATION_REASON), kind="admission"),
        "removed_from_register, then a redetermination asked for": rows.judgment(
            rows.claim(state="sent_out"), kind="admission", paid_in_full_on=date(2027, 3, 24),
            removed_from_register_at=AT, redetermination_requested_at=AT),
        "satisfied, then an application to vary": rows.judgment(
            rows.claim(state="sent_out", sent_out_reason=VARIATION_REASON), kind="admission",
            paid_in_full_on=date(2027, 5, 1), satisfied_at=AT),
    }
    agreements = {status: rows.agreement(status) for status in ("proposed", "signed", "rejected", "lapsed")}
    agreements["judgment_entered"] = rows.agreement("broken", judged=True)
    agreements["broken, no judgment"] = rows.agreement("broken")

    new = migrator.apply_tested_migration(AFTER).apps
    Judgment = new.get_model("judgments", "Judgment")
    Agreement = new.get_model("judgments", "SettlementAgreement")

    states = {name: Judgment.objects.get(pk=row.pk).state for name, row in judgments.items()}
    assert states == {
        "entered": "entered",
        "entered, its claim sent out by a judge": "entered",
        "removed_from_register": "removed_from_register",
        "satisfied": "satisfied",
        "redetermination_requested": "redetermination_requested",
        "variation_applied_for": "variation_applied_for",
        "removed_from_register, then a redetermination asked for": "removed_from_register",
        "satisfied, then an application to vary": "satisfied",
    }
    statuses = {name: Agreement.objects.get(pk=row.pk).status for name, row in agreements.items()}
    assert statuses == {"proposed": "proposed", "signed": "signed", "rejected": "rejected", "lapsed": "lapsed",
                        "judgment_entered": "judgment_entered", "broken, no judgment": "broken"}
    # The columns that record when things happened are kept as they were.
    satisfied = Judgment.objects.get(pk=judgments["satisfied"].pk)
    assert satisfied.satisfied_at == AT and satisfied.paid_in_full_on == date(2027, 5, 1)


@pytest.mark.django_db
def test_migrating_back_keeps_the_columns_and_makes_judged_agreements_broken_again(migrator):
    rows = Rows(migrator.apply_initial_migration(AFTER).apps)
    removed = rows.judgment(paid_in_full_on=date(2027, 4, 1), removed_from_register_at=AT,
                            state="removed_from_register")
    judged = rows.agreement("judgment_entered", judged=True)
    signed = rows.agreement("signed")

    old = migrator.apply_tested_migration(EARLIER).apps
    Judgment = old.get_model("judgments", "Judgment")
    Agreement = old.get_model("judgments", "SettlementAgreement")

    back = Judgment.objects.get(pk=removed.pk)
    assert not hasattr(back, "state")
    assert back.removed_from_register_at == AT and back.paid_in_full_on == date(2027, 4, 1)
    assert Agreement.objects.get(pk=judged.pk).status == "broken"
    assert Agreement.objects.get(pk=signed.pk).status == "signed"
