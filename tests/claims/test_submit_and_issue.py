"""Submitting a claim (4.1, 13.1), Help with Fees (2A.1, 4.3(1A)) and issue (4.3)."""
from __future__ import annotations

from datetime import date
from decimal import Decimal

import pytest
from django.core import mail
from django.urls import reverse

from claims import ocon1, services
from claims.constants import ClaimState
from claims.errors import ClaimError, NotAllowed
from claims.numbers import format_claim_number
from court.models import Notification
from payments.models import Payment
from tests.claims.drafting.factories import complete_draft_data
from tests.conftest import uk

pytestmark = pytest.mark.django_db


@pytest.fixture
def caseworker(make_user):
    from django.contrib.auth.models import Group

    user = make_user(is_staff=True)
    user.groups.set([Group.objects.get(name="caseworker")])
    return user


#: The claim these tests make: £1,000 from Acme Windows Ltd, 8% a year from 1 January 2026.
CLAIM = {
    "defendant": {"type": "company", "name": "Acme Windows Ltd", "address_line1": "2 Mill Lane",
                  "town": "Cardiff", "postcode": "CF10 1EP"},
    "amount": {"items": [{"description": "Unpaid invoice 1041", "amount": "900.00"},
                         {"description": "Call-out charge", "amount": "100.00"}]},
    "interest": {"choice": "standard", "from": "date", "from_date": "2026-01-01", "from_reason": "Invoice due"},
}


def draft(owner, **sections):
    return services.claim_draft_create(owner=owner, data=complete_draft_data(**{**CLAIM, **sections}))


def submitted(owner, **sections):
    claim = draft(owner, **sections)
    return services.claim_submit(claim_id=claim.pk, actor=owner, signed_name="Clara Claimant")


# -- claim numbers ---------------------------------------------------------------------------


@pytest.mark.parametrize("sequence, number", [(1, "000MC001"), (2, "000MC002"), (999, "000MC999"),
                                              (1000, "001MC001"), (1998, "001MC999"), (999000, "999MC999")])
def test_claim_numbers(sequence, number):
    assert format_claim_number(sequence) == number


@pytest.mark.parametrize("sequence", [0, -1, 999001])
def test_claim_numbers_out_of_range(sequence):
    with pytest.raises(ValueError):
        format_claim_number(sequence)


# -- submission -----------------------------------------------------------------------------


def test_submitting_fixes_the_form_the_figures_and_the_statement_of_truth(make_user, travel):
    owner = make_user()
    travel(uk(2026, 4, 10, 15, 0), tick=False)  # Friday 10 April 2026, before 4pm... Good Friday!
    claim = draft(owner)
    travel(uk(2026, 4, 14, 10, 0), tick=False)  # Tuesday after Easter Monday
    claim = services.claim_submit(claim_id=claim.pk, actor=owner, signed_name="  Clara   Claimant ")
    assert claim.state == ClaimState.AWAITING_FEE
    assert claim.submitted_on == date(2026, 4, 14)
    assert claim.sot_signed_name == "Clara Claimant" and claim.sot_signed_on == date(2026, 4, 14)
    assert claim.principal == Decimal("1000.00")
    # 8% on £1,000 from 1 January to 14 April 2026: 103 days × £0.219178… = £22.58
    assert claim.interest == Decimal("22.58") and claim.interest_to == date(2026, 4, 14)
    assert claim.daily_interest == Decimal("0.22")
    assert claim.fee == Decimal("80.00")  # £1,022.58 is in the £1,000.01–£1,500 band
    assert claim.total == Decimal("1102.58")
    assert claim.claimant_name == "Ms Sam Claimant" and claim.defendant_name == "Acme Windows Ltd"
    assert claim.draft_expires_at is None
    signed = dict(claim.submitted_data)
    assert signed.pop("statement_of_truth") == {  # the form as signed records the statement it was signed with
        "wording": ocon1.STATEMENT_OF_TRUTH, "signed_name": "Clara Claimant", "signed_position": "", "firm": ""}
    assert signed == claim.draft_data
    assert claim.events.filter(kind="claim_submitted").count() == 1
    assert Notification.objects.filter(kind="claim_submitted", to_email=owner.email).count() == 1


def test_submitting_twice_is_the_same_submission(make_user):
    owner = make_user()
    claim = submitted(owner)
    again = services.claim_submit(claim_id=claim.pk, actor=owner, signed_name="Clara Claimant")
    assert again.submitted_at == claim.submitted_at
    assert claim.events.filter(kind="claim_submitted").count() == 1


def test_an_incomplete_draft_cannot_be_submitted(make_user):
    owner = make_user()
    claim = services.claim_draft_create(owner=owner, data={"claimant": {"type": "individual"}})
    with pytest.raises(ClaimError, match="Your details"):
        services.claim_submit(claim_id=claim.pk, actor=owner, signed_name="Clara Claimant")


def test_the_statement_of_truth_needs_a_name(make_user):
    owner = make_user()
    claim = draft(owner)
    with pytest.raises(ClaimError, match="full name"):
        services.claim_submit(claim_id=claim.pk, actor=owner, signed_name="  ")


def test_a_claim_over_10000_with_interest_is_refused(make_user, travel):
    travel(uk(2026, 6, 1, 10, 0), tick=False)
    owner = make_user()
    claim = draft(owner, amount={"items": [{"description": "Loan", "amount": "9900"}]})
    with pytest.raises(ClaimError, match="£10,000"):
        services.claim_submit(claim_id=claim.pk, actor=owner, signed_name="Clara Claimant")


def test_only_the_owner_submits(make_user):
    owner, stranger = make_user(), make_user()
    claim = draft(owner)
    with pytest.raises(NotAllowed):
        services.claim_submit(claim_id=claim.pk, actor=stranger, signed_name="Someone")


def test_an_unpaid_claim_can_go_back_to_a_draft(make_user):
    owner = make_user()
    claim = submitted(owner)
    claim = services.claim_return_to_draft(claim_id=claim.pk, actor=owner)
    assert claim.state == ClaimState.DRAFT and claim.fee is None and claim.draft_expires_at is not None


# -- issue: the 4pm rule and court days -------------------------------------------------------


@pytest.mark.parametrize(
    "paid_at, issue_date, deadline",
    [
        (uk(2027, 3, 3, 15, 59), date(2027, 3, 3), uk(2027, 3, 22, 16, 0)),   # PD 5.1: 3 March → 22 March
        (uk(2027, 3, 3, 16, 0), date(2027, 3, 4), uk(2027, 3, 23, 16, 0)),    # at 4pm: next open day
        # Friday after 4pm → Monday 8th; day 19 is Saturday 27 March, then Easter Monday 29th → Tuesday 30th
        (uk(2027, 3, 5, 16, 30), date(2027, 3, 8), uk(2027, 3, 30, 16, 0)),
        (uk(2027, 3, 6, 11, 0), date(2027, 3, 8), uk(2027, 3, 30, 16, 0)),    # Saturday → Monday
        (uk(2026, 12, 24, 10, 0), date(2026, 12, 24), uk(2027, 1, 12, 16, 0)),
        # Christmas Day, then the Boxing Day substitute (Monday 28th) → 29th; day 19 is Sunday 17 January
        (uk(2026, 12, 25, 10, 0), date(2026, 12, 29), uk(2027, 1, 18, 16, 0)),
    ],
)
def test_issue_date_follows_the_4pm_rule_and_the_deadline_is_19_days(make_user, paid_at, issue_date, deadline):
    owner = make_user()
    claim = submitted(owner)
    payment = Payment.objects.create(
        claim=claim, amount=claim.fee, idempotency_key="6f0f9a52-8f7e-4b43-bb6a-000000000001",
        provider="fake", reference="ref-1", created_by=owner, created_at=paid_at, updated_at=paid_at,
        status="success", completed_at=paid_at,
    )
    claim = services.claim_fee_paid(claim_id=claim.pk, payment=payment)
    assert claim.state == ClaimState.ISSUED
    assert claim.issue_date == issue_date
    assert claim.response_deadline == deadline
    assert claim.claim_number == "000MC001"
    assert len(claim.security_code) == 8
    assert claim.interest_to == issue_date


def test_issue_tells_the_claimant_and_records_the_steps(make_user, caseworker, django_capture_on_commit_callbacks):
    owner = make_user()
    claim = submitted(owner)
    mail.outbox.clear()
    with django_capture_on_commit_callbacks(execute=True):
        claim = services.claim_hwf_apply(claim_id=claim.pk, actor=owner, reference="HWF-A1B-23C")
        claim = services.claim_hwf_decide(claim_id=claim.pk, actor=caseworker, decision="full")
    assert claim.state == ClaimState.ISSUED and claim.fee_due == Decimal("0.00")
    kinds = list(claim.events.values_list("kind", flat=True))
    assert kinds[:4] == ["draft_started", "claim_submitted", "hwf_applied", "hwf_decided"]
    assert "claim_issued" in kinds[4:]
    issued = [m for m in mail.outbox if "issued" in m.subject]
    assert len(issued) == 1 and claim.claim_number in issued[0].subject
    assert claim.issue_date.strftime("%-d %B %Y") in issued[0].body
    hwf_event = claim.events.get(kind="hwf_decided")
    assert hwf_event.actor_label.endswith("Caseworker")


# -- Help with Fees ---------------------------------------------------------------------------


def test_part_remission_leaves_the_rest_to_pay(make_user, caseworker):
    owner = make_user()
    claim = submitted(owner)
    services.claim_hwf_apply(claim_id=claim.pk, actor=owner, reference="HWF-A1B-23C")
    claim = services.claim_hwf_decide(claim_id=claim.pk, actor=caseworker, decision="part", remitted=Decimal("50"))
    assert claim.state == ClaimState.AWAITING_FEE and claim.fee_due == Decimal("30.00")
    assert Notification.objects.filter(kind="hwf_fee_due").count() == 1


def test_refused_help_with_fees_means_paying_in_full(make_user, caseworker):
    owner = make_user()
    claim = submitted(owner)
    services.claim_hwf_apply(claim_id=claim.pk, actor=owner, reference="HWF-A1B-23C")
    claim = services.claim_hwf_decide(claim_id=claim.pk, actor=caseworker, decision="refused")
    assert claim.state == ClaimState.AWAITING_FEE and claim.fee_due == claim.fee


@pytest.mark.parametrize("remitted", [Decimal("0"), Decimal("80"), Decimal("100"), None])
def test_a_part_remission_must_be_part_of_the_fee(make_user, caseworker, remitted):
    owner = make_user()
    claim = submitted(owner)
    services.claim_hwf_apply(claim_id=claim.pk, actor=owner, reference="HWF-A1B-23C")
    with pytest.raises(ClaimError):
        services.claim_hwf_decide(claim_id=claim.pk, actor=caseworker, decision="part", remitted=remitted)


def test_only_a_caseworker_decides_help_with_fees(make_user):
    owner = make_user()
    claim = submitted(owner)
    services.claim_hwf_apply(claim_id=claim.pk, actor=owner, reference="HWF-A1B-23C")
    with pytest.raises(NotAllowed):
        services.claim_hwf_decide(claim_id=claim.pk, actor=owner, decision="full")


def test_caseworker_records_the_decision_in_the_admin(client, make_user, caseworker):
    owner = make_user()
    claim = submitted(owner)
    services.claim_hwf_apply(claim_id=claim.pk, actor=owner, reference="HWF-A1B-23C")
    client.force_login(caseworker)
    page = client.get(reverse("admin:claims_claim_change", args=[claim.pk]))
    assert page.status_code == 200 and b"Record the Help with Fees decision" in page.content
    bad = client.post(reverse("admin:claims_claim_hwf", args=[claim.pk]), {"decision": "part", "remitted": "abc"})
    assert bad.status_code == 200 and b"Enter the amount remitted" in bad.content
    done = client.post(reverse("admin:claims_claim_hwf", args=[claim.pk]), {"decision": "full"}, follow=True)
    claim.refresh_from_db()
    assert claim.state == ClaimState.ISSUED
    assert [str(m) for m in done.context["messages"]] == [
        f"Decision recorded. The claim has been issued: claim number {claim.claim_number}."]


def test_caseworker_told_what_is_left_to_pay_after_a_part_remission(client, make_user, caseworker):
    owner = make_user()
    claim = submitted(owner)
    services.claim_hwf_apply(claim_id=claim.pk, actor=owner, reference="HWF-A1B-23C")
    client.force_login(caseworker)
    done = client.post(reverse("admin:claims_claim_hwf", args=[claim.pk]), {"decision": "part", "remitted": "50"},
                       follow=True)
    assert [str(m) for m in done.context["messages"]] == [
        "Decision recorded. The claimant has been told to pay what is left (£30.00)."]


# -- the claimant's pages -------------------------------------------------------------------------


def test_help_with_fees_page_validates_the_reference(client, make_user):
    owner = make_user()
    claim = submitted(owner)
    client.force_login(owner)
    url = reverse("claims:help_with_fees", args=[claim.public_id])
    bad = client.post(url, {"reference": "12345"})
    assert bad.status_code == 200 and b"govuk-error-summary" in bad.content and b'value="12345"' in bad.content
    good = client.post(url, {"reference": "hwf a1b 23c"})
    assert good.status_code == 302
    claim.refresh_from_db()
    assert claim.state == ClaimState.AWAITING_HWF_DECISION and claim.hwf_reference == "HWF-A1B-23C"


def test_a_stranger_gets_404_on_every_claim_url(client, make_user):
    owner, stranger = make_user(), make_user()
    claim = submitted(owner)
    client.force_login(stranger)
    for name in ["claims:detail", "claims:fee", "claims:help_with_fees"]:
        assert client.get(reverse(name, args=[claim.public_id])).status_code == 404, name
    assert client.post(reverse("claims:return_to_draft", args=[claim.public_id])).status_code == 404
    assert client.get(reverse("claims:document", args=[claim.public_id, "sealed_claim"])).status_code == 404
    assert client.post(reverse("payments:pay_fee", args=[claim.public_id]),
                       {"idempotency_key": "6f0f9a52-8f7e-4b43-bb6a-000000000002"}).status_code == 404


def test_the_dashboard_says_what_happens_next(client, make_user):
    owner = make_user()
    claim = submitted(owner)
    client.force_login(owner)
    page = client.get(reverse("claims:dashboard")).content.decode()
    assert "Acme Windows Ltd" in page and "Court fee to pay" in page and "Pay the court fee (£80.00)" in page
    assert f"£{claim.total:,}" in page


# -- staff change the court calendar ------------------------------------------------------------


def test_a_new_closure_day_moves_the_response_deadline(make_user, django_capture_on_commit_callbacks):
    from court.models import ClosureDay

    owner = make_user()
    claim = submitted(owner)
    payment = Payment.objects.create(
        claim=claim, amount=claim.fee, idempotency_key="6f0f9a52-8f7e-4b43-bb6a-000000000003", provider="fake",
        reference="ref-3", created_by=owner, created_at=uk(2027, 3, 3, 11, 0), updated_at=uk(2027, 3, 3, 11, 0),
        status="success", completed_at=uk(2027, 3, 3, 11, 0),
    )
    claim = services.claim_fee_paid(claim_id=claim.pk, payment=payment)
    assert claim.response_deadline == uk(2027, 3, 22, 16, 0)
    with django_capture_on_commit_callbacks(execute=True):
        closure = ClosureDay.objects.create(day=date(2027, 3, 22), reason="Announced closure")
    claim.refresh_from_db()
    assert claim.response_deadline == uk(2027, 3, 23, 16, 0)
    assert claim.events.filter(kind="deadline_moved").count() == 1
    with django_capture_on_commit_callbacks(execute=True):
        closure.delete()
    claim.refresh_from_db()
    assert claim.response_deadline == uk(2027, 3, 22, 16, 0)
    with django_capture_on_commit_callbacks(execute=True):
        ClosureDay.objects.create(day=date(2027, 3, 25), reason="Later closure: no effect")
    claim.refresh_from_db()
    assert claim.response_deadline == uk(2027, 3, 22, 16, 0) and claim.events.filter(kind="deadline_moved").count() == 2
