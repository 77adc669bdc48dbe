"""How to pay, worded for the party reading: the claimant is told what the defendant must pay them,
the defendant what they must pay the claimant, on every page and email that words a plan."""
from __future__ import annotations

import pytest
from django.urls import reverse

from court.models import Notification
from judgments import answers
from rules.judgments import Plan
from rules.money import format_money
from tests.conftest import uk
from tests.judgments.test_answers import admitted

pytestmark = pytest.mark.django_db

CLAIMANT = "The defendant must pay you"
DEFENDANT = "You must pay the claimant"

#: (plan kind, the claimant's answers on the request page, how the judgment's terms end; {total} is its amount).
PLANS = [
    ("immediately", {"plan-option": "immediately"}, "{total} immediately"),
    ("by a set date", {"plan-option": "by_set_date", "plan-pay_by_day": "30", "plan-pay_by_month": "4",
                       "plan-pay_by_year": "2027"}, "{total} by 30 April 2027"),
    ("monthly instalments", {"plan-option": "instalments", "plan-instalment": "40", "plan-frequency": "monthly",
                             "plan-first_payment_day": "1", "plan-first_payment_month": "5",
                             "plan-first_payment_year": "2027"}, "£40.00 every month, the first payment by 1 May 2027"),
    ("weekly instalments", {"plan-option": "instalments", "plan-instalment": "12.50", "plan-frequency": "weekly",
                            "plan-first_payment_day": "3", "plan-first_payment_month": "5",
                            "plan-first_payment_year": "2027"}, "£12.50 every week, the first payment by 3 May 2027"),
]


def email_to(address: str) -> str:
    return Notification.objects.get(kind="judgment_entered", to_email=address).body


@pytest.mark.parametrize("answers_given, ending", [p[1:] for p in PLANS], ids=[p[0] for p in PLANS])
def test_each_party_reads_a_default_judgments_terms_spoken_to_them(client, linked, travel, answers_given, ending):
    claim, dan = linked
    travel(uk(2027, 3, 23, 10, 0), tick=False)
    client.force_login(claim.owner)
    url = reverse("judgments:request_default", kwargs={"public_id": claim.public_id})
    answers_given = {"paid-paid": "no", **answers_given}
    check = client.post(url, {"action": "check", **answers_given}).content.decode()
    assert client.post(url, {"action": "confirm", **answers_given}).status_code == 302
    claim.refresh_from_db()
    terms = ending.format(total=format_money(claim.judgment.total))
    claimant_pages = {
        "check page": check,
        "claim page": client.get(reverse("claims:detail", kwargs={"public_id": claim.public_id})).content.decode(),
        "dashboard": client.get(reverse("claims:dashboard")).content.decode(),
        "email": email_to(claim.owner.email),
    }
    client.force_login(dan)
    defendant_pages = {
        "claim page": client.get(reverse("responses:claim", kwargs={"public_id": claim.public_id})).content.decode(),
        "dashboard": client.get(reverse("claims:dashboard")).content.decode(),
        "email": email_to(dan.email),
    }
    for name, page in claimant_pages.items():
        assert f"{CLAIMANT} {terms}" in page and DEFENDANT not in page, f"the claimant's {name}"
    for name, page in defendant_pages.items():
        assert f"{DEFENDANT} {terms}" in page and CLAIMANT not in page, f"the defendant's {name}"
    # The court's own record names both parties.
    assert claim.judgment.terms_text == f"The defendant must pay the claimant {terms}"


def test_the_courts_plan_and_the_judgment_on_it_speak_to_each_party(client, linked, travel):
    claim, dan = admitted(linked, travel)
    client.force_login(claim.owner)
    client.post(reverse("judgments:answer_offer", kwargs={"public_id": claim.public_id}),
                {"answer": "reject", "plan-option": "immediately"})
    terms = "£526.30 every month, the first payment by 10 April 2027"
    decision = client.get(reverse("judgments:decision", kwargs={"public_id": claim.public_id})).content.decode()
    assert f"{CLAIMANT} {terms}" in decision and DEFENDANT not in decision
    email = Notification.objects.get(kind="plan_decision").body
    assert f"{CLAIMANT} {terms}" in email and DEFENDANT not in email

    answers.claimant_court_plan_answer(claim_id=claim.pk, actor=claim.owner, accept=True)
    check = client.post(reverse("judgments:request_admission", kwargs={"public_id": claim.public_id}),
                        {"action": "check", "paid-paid": "no"}).content.decode()
    assert f"{CLAIMANT} {terms}" in check and DEFENDANT not in check
    client.post(reverse("judgments:request_admission", kwargs={"public_id": claim.public_id}),
                {"action": "confirm", "paid-paid": "no"})
    url = reverse("judgments:redetermine", kwargs={"public_id": claim.public_id})
    page = client.get(url).content.decode()
    assert f"The judgment says: {CLAIMANT} {terms}." in page
    client.force_login(dan)
    page = client.get(url).content.decode()
    assert f"The judgment says: {DEFENDANT} {terms}." in page


def test_a_plan_left_to_a_judge_reads_the_same_for_everyone(linked, travel):
    claim, _ = admitted(linked, travel)
    answers.claimant_reject_plan(claim_id=claim.pk, actor=claim.owner, claimant_plan=Plan.immediately())
    judgment = answers.claimant_court_plan_answer(claim_id=claim.pk, actor=claim.owner, accept=False)
    wording = "The terms of payment are to be decided by a judge (redetermination)"
    assert {judgment.terms_for(reader) for reader in ("claimant", "defendant", "court")} == {wording}
    assert judgment.terms_text == wording
