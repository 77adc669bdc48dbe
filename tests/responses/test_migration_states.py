"""The data migration gives every response received before responses had a state the state its claim shows
(responses 0004), on a database holding claims in every state."""
from __future__ import annotations

from datetime import date, datetime, timezone
from decimal import Decimal

import pytest

from claims.constants import ClaimState

pytestmark = [pytest.mark.postgres]

BEFORE = [("responses", "0003_defendantresponse_state"), ("defended", "0002_preferred_court_from_the_list"),
          ("judgments", "0002_answers_settlements_redetermination")]
AFTER = ("responses", "0004_defendantresponse_state_from_answers")
AT = datetime(2026, 11, 10, 11, 0, tzinfo=timezone.utc)

#: (what the claim holds, the response's kind, the claim's state) → the state the response must get.
CASES = [
    ("nothing yet", "full_defence", ClaimState.AWAITING_CLAIMANT_RESPONSE, "with_claimant"),
    ("nothing yet", "full_admission", ClaimState.AWAITING_CLAIMANT_RESPONSE, "with_claimant"),
    ("nothing yet: the claimant was silent", "part_admission", ClaimState.STAYED, "with_claimant"),
    ("decision: continue", "full_defence", ClaimState.AWAITING_DIRECTIONS, "rejected"),
    ("decision: continue", "states_paid", ClaimState.MEDIATION, "rejected"),
    ("decision: continue", "part_admission", ClaimState.DIRECTIONS_MADE, "continuing_as_defence"),
    ("decision: not_continue", "full_defence", ClaimState.STAYED, "accepted"),
    ("decision: payment_confirmed", "states_paid", ClaimState.SETTLED, "accepted"),
    ("decision: accepts_part", "part_admission", ClaimState.AWAITING_CLAIMANT_RESPONSE, "accepted"),
    ("answer to the plan", "full_admission", ClaimState.AWAITING_CLAIMANT_RESPONSE, "accepted"),
    ("judgment on admission", "full_admission", ClaimState.JUDGMENT_ENTERED, "accepted"),
    ("settlement agreement", "part_admission", ClaimState.SETTLEMENT_OFFERED, "accepted"),
    ("settlement agreement", "full_admission", ClaimState.SETTLEMENT_AGREED, "accepted"),
    ("nothing yet", "full_defence", ClaimState.SENT_OUT, "with_claimant"),
    ("nothing yet", "full_admission", ClaimState.DISCONTINUED, "with_claimant"),
]


def _claim(apps, owner, state):
    return apps.get_model("claims", "Claim").objects.create(owner=owner, state=state, created_at=AT, last_saved_at=AT,
                                                            issue_date=date(2026, 10, 1))


def _holds(apps, claim, owner, what):
    if what.startswith("decision: "):
        apps.get_model("defended", "ClaimantDecision").objects.create(
            claim=claim, outcome=what.removeprefix("decision: "), submitted_by=owner, submitted_at=AT,
            received_on=AT.date())
    elif what == "answer to the plan":
        apps.get_model("judgments", "ClaimantAnswer").objects.create(claim=claim, kind="reject_plan", answered_at=AT,
                                                                     answered_by=owner)
    elif what == "judgment on admission":
        apps.get_model("judgments", "Judgment").objects.create(
            claim=claim, kind="admission", requested_by=owner, entered_at=AT, judgment_date=AT.date(),
            made_by_label="The court's automated system", lines=[["Amount", "100.00"]], total=Decimal("100.00"),
            payment_option="immediately", terms_text="Immediately")
    elif what == "settlement agreement":
        apps.get_model("judgments", "SettlementAgreement").objects.create(
            claim=claim, amount=Decimal("100.00"), plan={}, terms_text="In full by 1 December 2026", proposed_at=AT,
            proposed_by=owner, claimant_signed_name="Clara Claimant", respond_by=AT)


def test_existing_responses_get_the_state_their_claim_shows(migrator):
    old = migrator.apply_initial_migration(BEFORE)
    owner = old.apps.get_model("accounts", "User").objects.create(email="claimant@example.com", password="!")
    defendant = old.apps.get_model("accounts", "User").objects.create(email="defendant@example.com", password="!")
    Response = old.apps.get_model("responses", "DefendantResponse")
    made = []
    for what, kind, claim_state, _ in CASES:
        claim = _claim(old.apps, owner, claim_state)
        _holds(old.apps, claim, owner, what)
        made.append(Response.objects.create(
            claim=claim, kind=kind, data={}, submitted_by=defendant, submitted_at=AT, received_on=AT.date(),
            sot_signed_name="Dee Defendant", sot_signed_on=AT.date()).pk)
    # Claims in the states before any response, with none: the migration must leave them alone.
    for claim_state in (ClaimState.DRAFT, ClaimState.AWAITING_FEE, ClaimState.AWAITING_HWF_DECISION,
                        ClaimState.ISSUED):
        _claim(old.apps, owner, claim_state)

    new = migrator.apply_tested_migration(AFTER)
    states = dict(new.apps.get_model("responses", "DefendantResponse").objects.values_list("pk", "state"))
    assert [states[pk] for pk in made] == [expected for *_, expected in CASES]
    assert new.apps.get_model("responses", "DefendantResponse").objects.count() == len(CASES)
