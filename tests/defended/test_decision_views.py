"""The claimant's answer to a defence, through the pages (PD 51R 6.2, 6.3, 7.43).

The claim (``tests.defended.conftest``): £1,000 against Dan Defendant, defended online at 10:00
on Monday 8 March 2027, so the claimant must decide by 4pm on Monday 12 April 2027. The clock
stays at 10:00 on 8 March: the claimant's answer counts as received that day.
"""
from __future__ import annotations

from typing import Any

import pytest
from django.urls import reverse

from claims.constants import ClaimState
from claims.models import Claim
from defended import services
from defended.models import ClaimantDecision
from judgments.answers import claim_stay_claimant_silent
from responses import services as responses
from rules.money import format_money
from tests.conftest import uk
from tests.defended.conftest import DEFENCE_AT
from tests.responses.test_services import DEFENCE_PAGES, respond

# The claimant chooses their preferred court from the hearing centres (Leeds, Bristol County Court).
pytestmark = [pytest.mark.django_db, pytest.mark.usefixtures("adviser_courts")]

#: What the claimant types on each page of their directions questionnaire, then mediation.
PAGE_POSTS: list[tuple[str, dict[str, Any]]] = [
    ("hearing_court", {"court": "Bristol County Court"}),
    ("availability", {"unavailable": "yes", "dates": "5 to 16 April 2027, on holiday"}),
    ("witnesses", {"yourself": "yes", "other_witnesses": "yes", "how_many": "2", "who": "My neighbours"}),
    ("experts", {"expert": "no"}),
    ("language", {"speak": "english", "documents": "both"}),
    ("support", {"needs": ["hearing_loop"]}),
    ("vulnerability", {"vulnerable": "no"}),
    ("mediation", {"willing": "yes", "phone": "07700 900222"}),
]


def url(name: str, claim: Claim, **kwargs: Any) -> str:
    return reverse(name, kwargs={"public_id": claim.public_id, **kwargs})


def page(client: Any, address: str) -> str:
    response = client.get(address)
    assert response.status_code == 200, (address, response.status_code)
    return response.content.decode()


def answer_every_page(client: Any, claim: Claim, *, mediation: str = "yes") -> None:
    """Post every page in turn: each goes on to the next, the last to "Check your answers"."""
    for index, (slug, data) in enumerate(PAGE_POSTS):
        if slug == "mediation":
            data = {"willing": mediation, "phone": "07700 900222" if mediation == "yes" else "",
                    "reason": "" if mediation == "yes" else "I want a judge to decide"}
        response = client.post(url("defended:question", claim, slug=slug), data)
        following = (url("defended:question", claim, slug=PAGE_POSTS[index + 1][0]) if index + 1 < len(PAGE_POSTS)
                     else url("defended:check", claim))
        assert response.status_code == 302 and response["Location"] == following, (slug, response.status_code)


def states_paid(linked: Any, travel: Any) -> tuple[Claim, Any]:
    """The defendant says they paid the whole claim (a defence, 6.1)."""
    claim, dan = linked
    travel(DEFENCE_AT, tick=False)
    respond(claim, dan, response_type={"type": "reject"}, reject_reason={"reason": "already_paid"},
            paid={"amount": str(claim.total), "date": "2027-02-20", "how": "Bank transfer"}, **DEFENCE_PAGES)
    return Claim.objects.get(pk=claim.pk), dan


def part_admission(linked: Any, travel: Any, *, paid: bool = False) -> tuple[Claim, Any]:
    """The defendant admits £400 (offering to pay it by 30 June 2027), or says they paid £500, and
    defends the rest; willing to mediate."""
    claim, dan = linked
    travel(DEFENCE_AT, tick=False)
    if paid:
        respond(claim, dan, response_type={"type": "reject"}, reject_reason={"reason": "already_paid"},
                paid={"amount": "500.00", "date": "2027-02-20", "how": "Cash"}, **DEFENCE_PAGES)
    else:
        responses.response_draft_save(claim_id=claim.pk, actor=dan, values={
            "response_type": {"type": "part_admission"}, "part_paid": {"paid": "no"},
            "admitted": {"amount": "400.00"}, "payment_option": {"option": "by_set_date"},
            "payment_date": {"date": "2027-06-30"},
        })
        respond(claim, dan, **DEFENCE_PAGES)
    claim = Claim.objects.get(pk=claim.pk)
    assert claim.response.kind == "part_admission"
    return claim, dan


# -- a defence of the whole claim ---------------------------------------------------------------------------


def test_continuing_with_both_willing_to_mediate_stays_the_claim_for_mediation(client, defence):
    claim, dan = defence(mediation=True)
    client.force_login(claim.owner)
    detail = page(client, url("claims:detail", claim))
    assert "Defence received" in detail
    assert "decide whether to continue with the claim by <strong>4pm on Monday 12 April 2027</strong>" in detail
    assert url("defended:respond", claim) in detail and "Respond to the defence" in detail

    start = page(client, url("defended:respond", claim))
    assert "Do you want to continue with the claim?" in start
    assert "I never asked for the wall." in start  # the defence itself
    response = client.post(url("defended:respond", claim), {"answer": "yes"})
    assert response["Location"] == url("defended:question", claim, slug="hearing_court")
    assert "Which court would you prefer for a hearing?" in page(client, response["Location"])
    mediation_page = page(client, url("defended:question", claim, slug="mediation"))
    assert "The defendant has said they will try free mediation" in mediation_page

    answer_every_page(client, claim)
    check = page(client, url("defended:check", claim))
    for shown in ("Bristol County Court", "5 to 16 April 2027, on holiday", "My neighbours", "English and Welsh",
                  "A hearing loop", "Yes, I will try free mediation", "07700 900222"):
        assert shown in check, shown
    assert f'{url("defended:question", claim, slug="witnesses")}?return=check' in check
    assert claim.state == ClaimState.AWAITING_CLAIMANT_RESPONSE  # nothing sent before the claimant submits

    done = client.post(url("defended:check", claim))
    assert done["Location"] == url("defended:decided", claim)
    claim.refresh_from_db()
    assert claim.state == ClaimState.MEDIATION
    decision = claim.claimant_decision
    assert decision.outcome == "continue" and decision.mediation_willing is True
    assert decision.preferred_court == "Bristol County Court"
    assert decision.data["witnesses"]["how_many"] == "2" and decision.data["mediation"]["phone"] == "07700 900222"
    confirmation = page(client, done["Location"])
    assert "You are continuing with the claim" in confirmation
    # 28 days from and including Monday 8 March 2027: the last day is Sunday 4 April 2027 (6.2(5A)).
    assert "from and including 8 March 2027 to the end of 4 April 2027" in confirmation
    assert "Small Claims Mediation Service" in confirmation

    detail = page(client, url("claims:detail", claim))
    assert "In mediation" in detail and "until the end of 4 April 2027" in detail
    assert "you must tell the court" in detail and "Respond to the defence" not in detail
    client.force_login(dan)
    theirs = page(client, url("responses:claim", claim))
    assert "In mediation" in theirs and "until the end of 4 April 2027" in theirs
    assert "the claimant must tell the court" in theirs


@pytest.mark.parametrize("defendant_mediates, claimant_mediates, who", [
    (True, "no", "You did not agree to try mediation"),
    (False, "yes", "The defendant did not agree to try mediation"),
])
def test_continuing_without_mediation_sends_the_forms_to_a_legal_adviser_or_judge(
        client, defence, defendant_mediates, claimant_mediates, who):
    claim, dan = defence(mediation=defendant_mediates)
    client.force_login(claim.owner)
    client.post(url("defended:respond", claim), {"answer": "yes"})
    if not defendant_mediates:
        assert "The defendant has said they do not want to try free mediation" in page(
            client, url("defended:question", claim, slug="mediation"))
    answer_every_page(client, claim, mediation=claimant_mediates)
    done = client.post(url("defended:check", claim))
    claim.refresh_from_db()
    assert claim.state == ClaimState.AWAITING_DIRECTIONS
    assert claim.referrals.filter(closed_at__isnull=True, kind="directions").count() == 1
    confirmation = page(client, done["Location"])
    assert who in confirmation and "A legal adviser or a judge will look at both directions questionnaires" in (
        confirmation)
    detail = page(client, url("claims:detail", claim))
    assert "With a legal adviser or judge" in detail and "decide what happens next" in detail
    client.force_login(dan)
    assert "With a legal adviser or judge" in page(client, url("responses:claim", claim))


def test_not_continuing_stays_the_claim(client, defence):
    claim, dan = defence()
    client.force_login(claim.owner)
    response = client.post(url("defended:respond", claim), {"answer": "no"})
    assert response["Location"] == url("defended:not_continue", claim)
    confirm = page(client, response["Location"])
    assert "put on hold (stayed)" in confirm and "form N244" in confirm
    assert claim.state == ClaimState.AWAITING_CLAIMANT_RESPONSE
    done = client.post(url("defended:not_continue", claim))
    assert done["Location"] == url("defended:decided", claim)
    claim.refresh_from_db()
    assert claim.state == ClaimState.STAYED and claim.claimant_decision.outcome == "not_continue"
    assert "You are not continuing with the claim" in page(client, done["Location"])
    detail = page(client, url("claims:detail", claim))
    assert "Stayed" in detail and "do not wish to continue with the claim (6.2(3))" in detail
    assert url("defended:apply", claim, kind="lift-stay") in detail
    client.force_login(dan)
    theirs = page(client, url("responses:claim", claim))
    assert "do not wish to continue" in theirs and url("defended:apply", claim, kind="lift-stay") in theirs


def test_the_claimant_can_still_choose_not_to_continue_from_the_check_page(client, defence):
    claim, _ = defence()
    client.force_login(claim.owner)
    answer_every_page(client, claim)
    check = page(client, url("defended:check", claim))
    assert url("defended:not_continue", claim) in check
    client.post(url("defended:not_continue", claim))
    claim.refresh_from_db()
    assert claim.state == ClaimState.STAYED


# -- the defendant says they paid ---------------------------------------------------------------------------------


def test_states_paid_confirmed_settles_the_claim(client, linked, travel):
    claim, dan = states_paid(linked, travel)
    paid = format_money(claim.response.paid_amount)
    client.force_login(claim.owner)
    start = page(client, url("defended:respond", claim))
    assert f"Has the defendant paid you {paid}?" in start and "20 February 2027" in start
    response = client.post(url("defended:respond", claim), {"answer": "yes"})
    assert response["Location"] == url("defended:confirm_paid", claim)
    assert f"Confirm I have been paid {paid}" in page(client, response["Location"])
    done = client.post(url("defended:confirm_paid", claim))
    assert done["Location"] == url("defended:decided", claim)
    claim.refresh_from_db()
    assert claim.state == ClaimState.SETTLED and claim.claimant_decision.outcome == "payment_confirmed"
    assert "settled and closed" in page(client, done["Location"])
    assert "Paid or settled" in page(client, url("claims:detail", claim))
    client.force_login(dan)
    assert "Paid or settled" in page(client, url("responses:claim", claim))


def test_states_paid_disputed_continues_with_the_claim(client, linked, travel):
    claim, _ = states_paid(linked, travel)
    paid = format_money(claim.response.paid_amount)
    client.force_login(claim.owner)
    response = client.post(url("defended:respond", claim), {"answer": "no"})
    assert response["Location"] == url("defended:question", claim, slug="hearing_court")
    answer_every_page(client, claim)
    check = page(client, url("defended:check", claim))
    assert f"Has the defendant paid you {paid}?" in check
    client.post(url("defended:check", claim))
    claim.refresh_from_db()
    assert claim.claimant_decision.outcome == "continue" and claim.state == ClaimState.MEDIATION


def test_the_confirm_paid_page_is_only_for_a_defence_that_says_it_was_paid(client, defence):
    claim, _ = defence()
    client.force_login(claim.owner)
    assert client.post(url("defended:confirm_paid", claim))["Location"] == url("defended:respond", claim)
    claim.refresh_from_db()
    assert claim.state == ClaimState.AWAITING_CLAIMANT_RESPONSE and not ClaimantDecision.objects.exists()


# -- a part admission (7.43) ----------------------------------------------------------------------------------------


def test_part_admission_rejected_is_a_defence_of_the_whole_claim(client, linked, travel):
    claim, _ = part_admission(linked, travel)
    client.force_login(claim.owner)
    detail = page(client, url("claims:detail", claim))
    assert "Accept the amount they admit, or decide whether to continue with the claim, by" in detail
    start = page(client, url("defended:respond", claim))
    assert "Do you accept £400.00 in full settlement of your claim?" in start
    assert "treated as a defence of the whole claim" in start and "7.43" in start
    response = client.post(url("defended:respond", claim), {"answer": "no"})
    assert response["Location"] == url("defended:question", claim, slug="hearing_court")
    answer_every_page(client, claim)
    check = page(client, url("defended:check", claim))
    assert "Do you accept £400.00 in full settlement of your claim?" in check
    assert "treated as a defence of the whole claim (Practice Direction 51R, paragraph 7.43)" in check
    client.post(url("defended:check", claim))
    claim.refresh_from_db()
    assert claim.claimant_decision.outcome == "continue" and claim.state == ClaimState.MEDIATION
    assert claim.events.filter(kind="claimant_continuing", summary__contains="treated as a defence of the whole "
                                                                             "claim (7.43)").exists()


def test_part_admission_accepted_leaves_the_admission_steps_on_the_claim_page(client, linked, travel):
    claim, _ = part_admission(linked, travel)
    client.force_login(claim.owner)
    response = client.post(url("defended:respond", claim), {"answer": "yes"})
    assert response["Location"] == url("claims:detail", claim)
    claim.refresh_from_db()
    assert claim.claimant_decision.outcome == "accepts_part" and claim.state == ClaimState.AWAITING_CLAIMANT_RESPONSE
    detail = page(client, response["Location"])
    assert "You accepted £400.00 in full settlement of your claim." in detail
    assert "Respond to the defendant&#x27;s offer" in detail or "Respond to the defendant's offer" in detail
    assert "Respond to the defence" not in detail


def test_part_admission_already_paid_and_accepted_settles_the_claim(client, linked, travel):
    claim, _ = part_admission(linked, travel, paid=True)
    client.force_login(claim.owner)
    assert "Do you accept £500.00 in full settlement" in page(client, url("defended:respond", claim))
    client.post(url("defended:respond", claim), {"answer": "yes"})
    claim.refresh_from_db()
    assert claim.state == ClaimState.SETTLED


# -- errors, returning to check, double submission, access -------------------------------------------------------


def test_missing_answers_show_the_error_summary(client, linked, travel, defence):
    claim, _ = defence()
    client.force_login(claim.owner)
    response = client.post(url("defended:respond", claim), {})
    text = response.content.decode()
    assert response.status_code == 200 and "There is a problem" in text and "<title>Error:" in text
    assert '<a href="#id_answer">Select yes if you want to continue with the claim</a>' in text

    text = client.post(url("defended:question", claim, slug="hearing_court"), {"court": " "}).content.decode()
    assert "There is a problem" in text and "Choose the court you would prefer" in text
    text = client.post(url("defended:question", claim, slug="witnesses"),
                       {"yourself": "yes", "other_witnesses": "yes", "how_many": ""}).content.decode()
    assert "Enter how many other witnesses you have" in text
    text = client.post(url("defended:question", claim, slug="mediation"), {"willing": "yes"}).content.decode()
    assert "Enter the telephone number the mediator can call you on" in text
    assert services.decision_draft(claim) == {}  # nothing saved from a page with errors


def test_part_admission_error_names_the_amount(client, linked, travel):
    claim, _ = part_admission(linked, travel)
    client.force_login(claim.owner)
    text = client.post(url("defended:respond", claim), {"answer": "maybe"}).content.decode()
    assert "There is a problem" in text and "Select yes if you accept £400.00 in full settlement of your claim" in text
    assert not ClaimantDecision.objects.exists()


def test_check_page_sends_back_to_the_first_unanswered_page_and_change_links_return(client, defence):
    claim, _ = defence()
    client.force_login(claim.owner)
    client.post(url("defended:question", claim, slug="hearing_court"), {"court": "Leeds County Court"})
    response = client.get(url("defended:check", claim))
    assert response["Location"] == url("defended:question", claim, slug="availability")
    assert client.post(url("defended:check", claim))["Location"] == url("defended:question", claim,
                                                                         slug="availability")
    assert not ClaimantDecision.objects.exists()

    answer_every_page(client, claim)
    change = url("defended:question", claim, slug="experts") + "?return=check"
    changing = page(client, change)
    assert "Cancel and go back to check your answers" in changing
    response = client.post(change, {"expert": "yes", "expertise": "Building surveying", "why": "The wall"})
    assert response["Location"] == url("defended:check", claim)
    assert "Building surveying" in page(client, url("defended:check", claim))


def test_submitting_twice_keeps_the_first_answer(client, defence):
    claim, _ = defence()
    client.force_login(claim.owner)
    answer_every_page(client, claim)
    assert client.post(url("defended:check", claim))["Location"] == url("defended:decided", claim)
    again = client.post(url("defended:check", claim))
    assert again.status_code == 302 and again["Location"] == url("claims:detail", claim)
    assert client.post(url("defended:not_continue", claim))["Location"] == url("claims:detail", claim)
    assert client.get(url("defended:respond", claim))["Location"] == url("claims:detail", claim)
    claim.refresh_from_db()
    assert ClaimantDecision.objects.filter(claim=claim).count() == 1
    assert claim.claimant_decision.outcome == "continue" and claim.state == ClaimState.MEDIATION


def test_an_answer_made_meanwhile_is_the_one_that_counts(client, defence):
    """A second tab: the answer already sent elsewhere stands, and the page goes to the claim."""
    claim, _ = defence()
    client.force_login(claim.owner)
    answer_every_page(client, claim)
    services.claimant_decide(claim_id=claim.pk, actor=claim.owner, outcome="not_continue")
    assert client.post(url("defended:check", claim))["Location"] == url("claims:detail", claim)
    claim.refresh_from_db()
    assert claim.claimant_decision.outcome == "not_continue" and claim.state == ClaimState.STAYED


def test_strangers_and_the_defendant_get_404_on_the_claimants_pages(client, defence, make_user):
    claim, dan = defence()
    addresses = [url(name, claim) for name in ("defended:respond", "defended:not_continue", "defended:confirm_paid",
                                               "defended:check", "defended:decided")]
    addresses += [url("defended:question", claim, slug=slug) for slug, _ in PAGE_POSTS]
    for user in (make_user("eve@example.com"), dan):
        client.force_login(user)
        for address in addresses:
            assert client.get(address).status_code == 404, address
            assert client.post(address, {"answer": "no", "court": "X"}).status_code == 404, address
    claim.refresh_from_db()
    assert claim.state == ClaimState.AWAITING_CLAIMANT_RESPONSE and not ClaimantDecision.objects.exists()
    assert services.decision_draft(claim) == {}
    client.force_login(dan)
    assert "Respond to the defence" not in page(client, url("responses:claim", claim))


def test_signed_out_people_are_sent_to_sign_in(client, defence):
    claim, _ = defence()
    response = client.get(url("defended:respond", claim))
    assert response.status_code == 302 and "/accounts/login/" in response["Location"]


def test_an_unknown_question_is_404(client, defence):
    claim, _ = defence()
    client.force_login(claim.owner)
    assert client.get(url("defended:question", claim, slug="response_type")).status_code == 404



def test_a_late_answer_to_a_part_admission_lifts_the_stay_but_a_late_one_to_a_defence_does_not(
        client, linked, travel, defence):
    claim, _ = part_admission(linked, travel)
    travel(uk(2027, 4, 12, 16, 1), tick=False)
    assert claim_stay_claimant_silent(claim_id=claim.pk)
    claim.refresh_from_db()
    assert claim.state == ClaimState.STAYED and claim.stay_lifts_on_answer
    client.force_login(claim.owner)
    detail = page(client, url("claims:detail", claim))
    assert "If you answer the defendant&#x27;s response now, the stay is lifted (7.44)" in detail
    assert url("defended:respond", claim) in detail
    assert "If you answer now, the stay is lifted" in page(client, url("defended:respond", claim))
    client.post(url("defended:respond", claim), {"answer": "no"})
    answer_every_page(client, claim)
    client.post(url("defended:check", claim))
    claim.refresh_from_db()
    assert claim.state == ClaimState.MEDIATION and claim.claimant_decision.outcome == "continue"


def test_silence_on_a_defence_stays_the_claim_until_a_judge_lifts_it(client, defence, travel):
    claim, _ = defence()
    travel(uk(2027, 4, 12, 16, 1), tick=False)
    assert claim_stay_claimant_silent(claim_id=claim.pk)
    client.force_login(claim.owner)
    detail = page(client, url("claims:detail", claim))
    assert "did not say within 33 days whether they want to continue" in detail
    assert "You can apply to the court (form N244) to lift the stay." in detail
    assert url("defended:respond", claim) not in detail
    assert url("defended:apply", claim, kind="lift-stay") in detail
    assert client.get(url("defended:respond", claim))["Location"] == url("claims:detail", claim)
