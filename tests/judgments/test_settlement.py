"""Settlement agreements (OCON Settlement Agreement A; PD 51R 7.8, 7.9, 7.13, 7.14, 7.41C-D, 7.42D-E).

Through the real services: the linked defendant of ``tests.responses.conftest`` (an individual,
Dan Defendant) admits the whole £1,000 claim on 10 March 2027 and offers £100.00 a month from
1 April 2027; the claimant proposes a settlement agreement on Friday 12 March 2027 at 10:00, so the
defendant has until 4pm on Friday 19 March 2027 to sign or reject it (SA-7).
"""
from __future__ import annotations

from datetime import date
from decimal import Decimal
from typing import Any

import pytest
from django.urls import reverse

from claims.constants import ClaimState
from claims.errors import ClaimError, NotAllowed
from claims.models import Claim
from claims.policy import Action, can
from court.models import Notification
from court.sweeps import run_sweep
from documents.models import ClaimDocument, DocumentKind, DocumentStatus
from documents.services import document_render
from judgments import services, settlement
from judgments.models import SettlementAgreement
from rules.judgments import Plan
from tests.conftest import uk
from tests.documents.conftest import pdf_text
from tests.responses.test_services import DEFENCE_PAGES, respond

pytestmark = pytest.mark.django_db

Status = SettlementAgreement.Status
PROPOSED_AT = uk(2027, 3, 12, 10, 0)
RESPOND_BY = uk(2027, 3, 19, 16, 0)
SWEEP = "judgments.settlement_window"


def admit_by_instalments(claim: Claim, defendant: Any) -> None:
    respond(claim, defendant, details=DEFENCE_PAGES["details"], response_type={"type": "full_admission"},
            payment_option={"option": "instalments"},
            instalments={"amount": "100.00", "frequency": "monthly", "first_date": "2027-04-01"})


@pytest.fixture
def admitted(linked, travel):
    """(claim, defendant): the whole claim admitted, £100.00 a month offered from 1 April 2027."""
    claim, dan = linked
    travel(uk(2027, 3, 10, 11, 0), tick=False)
    admit_by_instalments(claim, dan)
    claim.refresh_from_db()
    return claim, dan


@pytest.fixture
def proposed(admitted, travel):
    """(claim, defendant, agreement): the claimant proposed the agreement on 12 March 2027 at 10:00."""
    claim, dan = admitted
    travel(PROPOSED_AT, tick=False)
    agreement = settlement.settlement_propose(claim_id=claim.pk, actor=claim.owner, signed_name="Clara Claimant")
    claim.refresh_from_db()
    return claim, dan, agreement


def render_agreement(claim: Claim) -> str:
    document = ClaimDocument.objects.get(claim=claim, kind=DocumentKind.SETTLEMENT_AGREEMENT)
    assert document_render(document_id=document.pk)
    document.refresh_from_db()
    assert document.status == DocumentStatus.READY, document.last_error
    return pdf_text(bytes(document.content))


def emails(kind: str) -> dict[str, Notification]:
    return {n.key.rsplit(":", 1)[1]: n for n in Notification.objects.filter(kind=kind)}


# -- proposing -------------------------------------------------------------------------------------------


def test_the_claimant_proposes_an_agreement_on_the_defendants_plan(proposed):
    claim, dan, agreement = proposed
    owed = services.admission_amount(claim, judgment_date=date(2027, 3, 12)).total
    assert agreement.status == Status.PROPOSED and agreement.amount == owed
    assert agreement.plan == Plan.instalments(Decimal("100.00"), "monthly", date(2027, 4, 1)).to_record()
    # £1,002.42 (the claim and interest to 12 March; the fee was remitted) is 11 instalments: the last on 1 February.
    assert owed == Decimal("1002.42")
    assert agreement.terms_text == ("The defendant will pay the claimant £1,002.42 in instalments of £100.00 every "
                                    "month, the first payment by 1 April 2027 and the last by 1 February 2028")
    assert agreement.claimant_signed_name == "Clara Claimant" and agreement.proposed_by == claim.owner
    assert agreement.respond_by == RESPOND_BY  # 7 days after the proposal, 4pm (SA-7)
    assert claim.state == ClaimState.SETTLEMENT_OFFERED
    assert claim.settlement_deadline == RESPOND_BY and claim.claimant_response_deadline is None
    assert claim.events.filter(kind="settlement_proposed").count() == 1
    sent = emails("settlement_proposed")
    assert set(sent) == {"claimant", "defendant"}
    assert sent["defendant"].to_email == dan.email
    assert f"/respond/{claim.public_id}/" in sent["defendant"].body
    assert "4pm on Friday 19 March 2027" in sent["defendant"].body
    assert "7 days" in sent["defendant"].body
    assert ClaimDocument.objects.filter(claim=claim, kind=DocumentKind.SETTLEMENT_AGREEMENT).count() == 1
    # A second click changes nothing.
    again = settlement.settlement_propose(claim_id=claim.pk, actor=claim.owner, signed_name="Clara Claimant")
    assert again.pk == agreement.pk
    assert SettlementAgreement.objects.count() == 1 and Notification.objects.filter(
        kind="settlement_proposed").count() == 2


def test_a_plan_that_stands_after_the_courts_decision_can_be_passed(admitted, travel):
    claim, _ = admitted
    travel(PROPOSED_AT, tick=False)
    plan = Plan.by_set_date(date(2027, 6, 30))
    agreement = settlement.settlement_propose(claim_id=claim.pk, actor=claim.owner, plan=plan, signed_name="Clara C")
    assert agreement.plan["option"] == "by_set_date"
    assert agreement.terms_text.endswith("by 30 June 2027")


def test_a_proposal_after_4pm_counts_from_the_next_open_day(admitted, travel):
    claim, _ = admitted
    travel(uk(2027, 3, 12, 16, 30), tick=False)  # Friday after 4pm: the proposal is dated Monday 15 March
    agreement = settlement.settlement_propose(claim_id=claim.pk, actor=claim.owner, signed_name="Clara Claimant")
    assert agreement.respond_by == uk(2027, 3, 22, 16, 0)


def test_a_name_is_needed_and_only_the_claimant_proposes(admitted, travel, make_user):
    claim, dan = admitted
    travel(PROPOSED_AT, tick=False)
    with pytest.raises(ClaimError, match="full name"):
        settlement.settlement_propose(claim_id=claim.pk, actor=claim.owner, signed_name="  ")
    for someone in (dan, make_user("eve@example.com")):
        with pytest.raises(NotAllowed):
            settlement.settlement_propose(claim_id=claim.pk, actor=someone, signed_name="Someone")
    claim.refresh_from_db()
    assert claim.state == ClaimState.AWAITING_CLAIMANT_RESPONSE and not SettlementAgreement.objects.exists()


def test_proposing_lifts_a_stay_for_the_claimants_silence(admitted, travel):
    claim, _ = admitted
    Claim.objects.filter(pk=claim.pk).update(
        state=ClaimState.STAYED, stayed_at=uk(2027, 4, 13, 16, 0), stay_lifts_on_answer=True,
        stay_reason="the claimant did not answer the defendant's admission within 33 days",
        claimant_response_deadline=None)
    travel(uk(2027, 4, 20, 10, 0), tick=False)
    agreement = settlement.settlement_propose(claim_id=claim.pk, actor=claim.owner, signed_name="Clara Claimant")
    claim.refresh_from_db()
    assert claim.state == ClaimState.SETTLEMENT_OFFERED and agreement.status == Status.PROPOSED
    assert claim.stayed_at is None and claim.stay_reason == "" and not claim.stay_lifts_on_answer
    assert claim.events.get(kind="stay_lifted").summary == "Stay lifted: the claimant answered"


# -- signing, then broken: judgment on the agreement ------------------------------------------------------


def test_propose_sign_and_breach_enters_judgment_on_the_agreements_terms(proposed, travel):
    claim, dan, agreement = proposed
    text = render_agreement(claim)
    for fact in ["Settlement agreement", "Claim number 000MC001", "OCON Settlement Agreement A",
                 "Claimant Ms Sam Claimant", "Defendant Mr Dan Defendant", f"Amount to pay £{agreement.amount:,}",
                 f"{agreement.terms_text}.", "First payment by 1 April 2027", "Last payment by 1 February 2028",
                 "the claimant may ask the court for judgment against the defendant for the money still owed, "
                 "using form OCON225", "Claimant Clara Claimant Date signed 12 March 2027",
                 "Defendant Not signed yet", "4pm on Friday 19 March 2027"]:
        assert fact in text, f"{fact!r} not in {text}"

    travel(uk(2027, 3, 15, 9, 0), tick=False)
    signed = settlement.settlement_sign(claim_id=claim.pk, actor=dan, signed_name=" Dan  Defendant ")
    claim.refresh_from_db()
    assert signed.status == Status.SIGNED and signed.defendant_signed_name == "Dan Defendant"
    assert claim.state == ClaimState.SETTLEMENT_AGREED and claim.settlement_deadline is None
    assert claim.stayed_at is not None and "settlement agreement" in claim.stay_reason
    assert set(emails("settlement_signed")) == {"claimant", "defendant"}
    assert settlement.settlement_sign(claim_id=claim.pk, actor=dan, signed_name="Dan Defendant").pk == signed.pk
    assert can(claim.owner, claim, Action.REPORT_BREACH)
    # The PDF is made again, with both signatures.
    assert ClaimDocument.objects.get(claim=claim, kind=DocumentKind.SETTLEMENT_AGREEMENT).status == "pending"
    text = render_agreement(claim)
    assert "Signed by both parties" in text and "Not signed yet" not in text
    assert "Defendant Dan Defendant Date signed 15 March 2027" in text

    travel(uk(2027, 3, 25, 10, 0), tick=False)
    with pytest.raises(ClaimError, match="Explain"):
        settlement.settlement_breach(claim_id=claim.pk, actor=claim.owner, details=" ")
    judgment = settlement.settlement_breach(claim_id=claim.pk, actor=claim.owner,
                                            details="No payment since the agreement")
    claim.refresh_from_db()
    assert claim.state == ClaimState.JUDGMENT_ENTERED and claim.stayed_at is None
    assert judgment.kind == "admission"
    assert judgment.request["form"] == "OCON225" and judgment.request["breach"] == "No payment since the agreement"
    # On the agreement's terms: its first date (1 April) has not passed.
    assert (judgment.payment_option, judgment.instalment_amount, judgment.instalment_frequency,
            judgment.first_payment_on) == ("instalments", Decimal("100.00"), "monthly", date(2027, 4, 1))
    assert judgment.total == services.admission_amount(claim, judgment_date=date(2027, 3, 25)).total
    # Broken (reported now), then judgment entered on it (7.8(2)): where the agreement ends.
    broken = SettlementAgreement.objects.get(pk=agreement.pk)
    assert broken.status == Status.JUDGMENT_ENTERED and broken.broken_reported_at == uk(2027, 3, 25, 10, 0)
    assert claim.events.filter(kind="settlement_broken").count() == 1
    assert Notification.objects.filter(kind="judgment_entered").count() == 2
    # Asking twice returns the same judgment.
    again = settlement.settlement_breach(claim_id=claim.pk, actor=claim.owner, details="No payment")
    assert again.pk == judgment.pk


def test_a_breach_after_the_first_date_moves_it_and_takes_off_what_was_paid(proposed, travel):
    claim, dan, _ = proposed
    settlement.settlement_sign(claim_id=claim.pk, actor=dan, signed_name="Dan Defendant")
    travel(uk(2027, 5, 10, 10, 0), tick=False)
    judgment = settlement.settlement_breach(claim_id=claim.pk, actor=claim.owner, details="Missed May",
                                            paid=Decimal("100.00"))
    # 7.8(6)(b): the first instalment a calendar month after the judgment, then monthly.
    assert judgment.first_payment_on == date(2027, 6, 10) and judgment.instalment_frequency == "monthly"
    assert ["Less amount paid", "-100.00"] in judgment.lines
    owed = services.admission_amount(claim, judgment_date=date(2027, 5, 10)).total
    assert judgment.total == owed - Decimal("100.00")


def test_a_breach_reported_on_a_friday_evening_is_judged_after_the_bank_holiday(proposed, travel):
    claim, dan, _ = proposed
    settlement.settlement_sign(claim_id=claim.pk, actor=dan, signed_name="Dan Defendant")
    travel(uk(2027, 4, 30, 16, 30), tick=False)  # Friday after 4pm; Monday 3 May is a bank holiday
    judgment = settlement.settlement_breach(claim_id=claim.pk, actor=claim.owner, details="Missed April")
    assert judgment.judgment_date == date(2027, 5, 4)
    # The passed first date moves to a calendar month after the judgment's own date (7.8(6)(b)).
    assert judgment.first_payment_on == date(2027, 6, 4)
    assert judgment.total == services.admission_amount(claim, judgment_date=date(2027, 5, 4)).total


def test_no_judgment_when_everything_has_been_paid(proposed, travel):
    claim, dan, _ = proposed
    settlement.settlement_sign(claim_id=claim.pk, actor=dan, signed_name="Dan Defendant")
    with pytest.raises(ClaimError, match="paid the whole amount"):
        settlement.settlement_breach(claim_id=claim.pk, actor=claim.owner, details="x", paid=Decimal("99999"))
    claim.refresh_from_db()
    assert claim.state == ClaimState.SETTLEMENT_AGREED


def test_only_the_defendant_signs_or_rejects_and_only_the_claimant_reports_a_breach(proposed, make_user):
    claim, dan, _ = proposed
    eve = make_user("eve@example.com")
    for someone in (claim.owner, eve):
        with pytest.raises(NotAllowed):
            settlement.settlement_sign(claim_id=claim.pk, actor=someone, signed_name="Someone")
        with pytest.raises(NotAllowed):
            settlement.settlement_reject(claim_id=claim.pk, actor=someone)
    with pytest.raises(NotAllowed):  # not signed yet
        settlement.settlement_breach(claim_id=claim.pk, actor=claim.owner, details="Not paid")
    settlement.settlement_sign(claim_id=claim.pk, actor=dan, signed_name="Dan Defendant")
    for someone in (dan, eve):
        with pytest.raises(NotAllowed):
            settlement.settlement_breach(claim_id=claim.pk, actor=someone, details="Not paid")
    claim.refresh_from_db()
    assert claim.state == ClaimState.SETTLEMENT_AGREED


# -- rejected, or not signed in time ---------------------------------------------------------------------


def test_rejection_lets_the_claimant_ask_for_judgment_on_the_admission(proposed, travel):
    claim, dan, agreement = proposed
    travel(uk(2027, 3, 16, 12, 0), tick=False)
    rejected = settlement.settlement_reject(claim_id=claim.pk, actor=dan)
    claim.refresh_from_db()
    assert rejected.status == Status.REJECTED and rejected.rejected_at is not None
    assert claim.state == ClaimState.AWAITING_CLAIMANT_RESPONSE and claim.settlement_deadline is None
    assert can(claim.owner, claim, Action.REQUEST_ADMISSION_JUDGMENT)
    sent = emails("settlement_rejected")
    assert "ask the court for a county court judgment" in sent["claimant"].body
    assert settlement.settlement_reject(claim_id=claim.pk, actor=dan).pk == agreement.pk  # a second click
    with pytest.raises(ClaimError, match="did not sign"):  # one agreement a claim: now judgment
        settlement.settlement_propose(claim_id=claim.pk, actor=claim.owner, signed_name="Clara Claimant")
    judgment = services.judgment_admission_request(claim_id=claim.pk, actor=claim.owner)
    assert judgment.first_payment_on == date(2027, 4, 1) and judgment.instalment_amount == Decimal("100.00")


def test_after_7_days_the_sweep_lapses_the_agreement_once(proposed, travel):
    claim, dan, agreement = proposed
    travel(uk(2027, 3, 19, 15, 59), tick=False)
    assert run_sweep(SWEEP).changed == 0
    travel(RESPOND_BY, tick=False)
    with pytest.raises(ClaimError, match="time to answer"):
        settlement.settlement_sign(claim_id=claim.pk, actor=dan, signed_name="Dan Defendant")
    assert run_sweep(SWEEP).changed == 1
    claim.refresh_from_db()
    agreement.refresh_from_db()
    assert agreement.status == Status.LAPSED and claim.state == ClaimState.AWAITING_CLAIMANT_RESPONSE
    assert claim.settlement_deadline is None
    assert can(claim.owner, claim, Action.REQUEST_ADMISSION_JUDGMENT)
    assert set(emails("settlement_lapsed")) == {"claimant", "defendant"}
    # Run again: nothing more.
    second = run_sweep(SWEEP)
    assert second.examined == 0 and second.changed == 0
    assert claim.events.filter(kind="settlement_lapsed").count() == 1
    assert Notification.objects.filter(kind="settlement_lapsed").count() == 2


def test_a_late_sweep_ends_where_one_on_time_would(proposed, travel):
    claim, _, agreement = proposed
    travel(uk(2027, 4, 30, 3, 0), tick=False)
    assert run_sweep(SWEEP).changed == 1
    assert run_sweep(SWEEP).changed == 0
    claim.refresh_from_db()
    agreement.refresh_from_db()
    assert agreement.status == Status.LAPSED and claim.state == ClaimState.AWAITING_CLAIMANT_RESPONSE
    assert claim.settlement_deadline is None and claim.events.filter(kind="settlement_lapsed").count() == 1


def test_the_sweep_leaves_a_signed_agreement_alone(proposed, travel):
    claim, dan, agreement = proposed
    settlement.settlement_sign(claim_id=claim.pk, actor=dan, signed_name="Dan Defendant")
    Claim.objects.filter(pk=claim.pk).update(settlement_deadline=RESPOND_BY)  # as if left behind
    travel(uk(2027, 3, 20, 10, 0), tick=False)
    assert settlement.settlement_lapse(claim_id=claim.pk) is False
    claim.refresh_from_db()
    assert claim.state == ClaimState.SETTLEMENT_AGREED and claim.settlement_deadline is None
    assert SettlementAgreement.objects.get(pk=agreement.pk).status == Status.SIGNED


# -- the pages --------------------------------------------------------------------------------------------


def url(name: str, claim: Claim) -> str:
    return reverse(f"settlement:{name}", kwargs={"public_id": claim.public_id})


PAGES = ["propose", "proposed", "sign", "answered", "breach"]


@pytest.mark.parametrize("name", PAGES)
def test_a_stranger_gets_404_on_every_settlement_page(client, proposed, make_user, name):
    claim, _, _ = proposed
    client.force_login(make_user("eve@example.com"))
    assert client.get(url(name, claim)).status_code == 404
    assert client.post(url(name, claim), {"decision": "sign", "agree": "yes", "signed_name": "Eve"}).status_code == 404
    client.logout()
    assert client.get(url(name, claim)).status_code == 302  # to sign in


def test_the_claimant_proposes_through_the_page(client, admitted, travel):
    claim, _ = admitted
    travel(PROPOSED_AT, tick=False)
    client.force_login(claim.owner)
    page = client.get(url("propose", claim)).content.decode()
    assert "Propose a settlement agreement" in page and "£100.00 every month" in page
    assert "7 days" in page and "4pm on Friday 19 March 2027" in page and "I agree to these terms" in page
    page = client.post(url("propose", claim), {"signed_name": ""}).content.decode()
    assert "There is a problem" in page and "Error:" in page
    assert "Confirm that you agree to these terms" in page and "Enter your full name to sign the agreement" in page
    done = client.post(url("propose", claim), {"agree": "yes", "signed_name": "Clara Claimant"})
    assert done.status_code == 302 and done["Location"] == url("proposed", claim)
    claim.refresh_from_db()
    assert claim.state == ClaimState.SETTLEMENT_OFFERED and claim.settlement.claimant_signed_name == "Clara Claimant"
    page = client.get(done["Location"]).content.decode()
    assert "Settlement agreement proposed" in page and "4pm on Friday 19 March 2027" in page
    # A second click lands on the confirmation; the defendant's page is not the claimant's.
    again = client.post(url("propose", claim), {"agree": "yes", "signed_name": "Clara Claimant"})
    assert again["Location"] == url("proposed", claim)
    assert client.get(url("sign", claim))["Location"] == reverse("claims:detail", args=[claim.public_id])


def test_the_defendant_signs_through_the_page(client, proposed, travel):
    claim, dan, _ = proposed
    client.force_login(dan)
    page = client.get(url("sign", claim)).content.decode()
    assert "Sign or reject the settlement agreement" in page and "Clara Claimant" in page
    assert "4pm on Friday 19 March 2027" in page and "I agree to these terms" in page
    page = client.post(url("sign", claim), {}).content.decode()
    assert "There is a problem" in page and "Choose whether you want to sign the settlement agreement" in page
    page = client.post(url("sign", claim), {"decision": "sign", "signed_name": ""}).content.decode()
    assert "Confirm that you agree to these terms" in page and "Enter your full name to sign the agreement" in page
    done = client.post(url("sign", claim), {"decision": "sign", "agree": "yes", "signed_name": "Dan Defendant"})
    assert done.status_code == 302 and done["Location"] == url("answered", claim)
    claim.refresh_from_db()
    assert claim.state == ClaimState.SETTLEMENT_AGREED
    assert "You signed the settlement agreement" in client.get(done["Location"]).content.decode()
    assert client.get(url("breach", claim)).status_code == 302  # the claimant's page


def test_the_defendant_rejects_through_the_page(client, proposed):
    claim, dan, _ = proposed
    client.force_login(dan)
    done = client.post(url("sign", claim), {"decision": "reject"})
    assert done["Location"] == url("answered", claim)
    claim.refresh_from_db()
    assert claim.settlement.status == Status.REJECTED
    assert "You rejected the settlement agreement" in client.get(done["Location"]).content.decode()


def test_the_sign_page_after_7_days_says_the_time_has_passed(client, proposed, travel):
    claim, dan, _ = proposed
    travel(uk(2027, 3, 19, 16, 30), tick=False)
    client.force_login(dan)
    page = client.get(url("sign", claim)).content.decode()
    assert "The time to sign or reject the agreement ended" in page and 'name="decision"' not in page
    client.post(url("sign", claim), {"decision": "sign", "agree": "yes", "signed_name": "Dan Defendant"})
    claim.refresh_from_db()
    assert claim.state == ClaimState.SETTLEMENT_OFFERED


def test_the_claimant_reports_a_breach_through_the_page(client, proposed, travel):
    claim, dan, _ = proposed
    settlement.settlement_sign(claim_id=claim.pk, actor=dan, signed_name="Dan Defendant")
    travel(uk(2027, 5, 10, 10, 0), tick=False)
    client.force_login(claim.owner)
    page = client.get(url("breach", claim)).content.decode()
    assert "The defendant has not kept to the settlement agreement" in page and "OCON225" in page
    page = client.post(url("breach", claim), {"action": "check", "paid": "yes", "amount": ""}).content.decode()
    assert "There is a problem" in page and "Explain how the defendant has not kept to the agreement" in page
    assert "Enter how much the defendant has paid" in page
    answers = {"details": "Missed the May payment", "paid": "yes", "amount": "100"}
    page = client.post(url("breach", claim), {"action": "check", **answers}).content.decode()
    assert "Check the judgment you are asking for" in page and "Less amount paid" in page
    assert "10 June 2027" in page  # the first date had passed: a month after the judgment (7.8(6)(b))
    claim.refresh_from_db()
    assert claim.state == ClaimState.SETTLEMENT_AGREED
    done = client.post(url("breach", claim), {"action": "confirm", **answers})
    assert done.status_code == 302 and done["Location"] == reverse("claims:detail", args=[claim.public_id])
    claim.refresh_from_db()
    assert claim.state == ClaimState.JUDGMENT_ENTERED and claim.judgment.request["breach"] == "Missed the May payment"


def test_the_breach_check_page_dates_a_friday_evening_judgment_after_the_bank_holiday(client, proposed, travel):
    claim, dan, _ = proposed
    settlement.settlement_sign(claim_id=claim.pk, actor=dan, signed_name="Dan Defendant")
    travel(uk(2027, 4, 30, 16, 30), tick=False)  # Friday after 4pm; Monday 3 May is a bank holiday
    client.force_login(claim.owner)
    answers = {"action": "check", "details": "Missed April", "paid": "no"}
    page = client.post(url("breach", claim), answers).content.decode()
    assert "The judgment will be dated 4 May 2027: a request received after 4pm" in page
    assert "4 June 2027" in page  # the passed first date moves to a month after the judgment's own date
