"""Defended claims in a browser (PD 51R Sections 6, 10, 20, 6C.1): the claimant's decision on a defence,
mediation and its 28 days, a legal adviser's directions and the claim sent out; not continuing; and a
paper defence entered by a caseworker that continues under Section 6.

The claim is issued on Monday 1 March 2027 at 10:00 (``respond.issue_claim``); the defendant's response is
made through the services (its pages have their own journeys). The claimant's pages are checked with axe,
with at least one error state per journey. Court staff work in the Django admin (Django's own markup,
not the GOV.UK pages the public use): those pages are driven but not put through axe.
"""
from __future__ import annotations

import re
from pathlib import Path

import pytest
from playwright.sync_api import expect

from claims.constants import ClaimState
from claims.models import Claim
from court.sweeps import run_sweep
from tests.conftest import uk
from tests.responses.test_services import DEFENCE_PAGES

from .judgments_e2e import Party, respond_by_services
from .respond import CLAIMANT_EMAIL, DEFENDANT_EMAIL, PASSWORD

pytestmark = [pytest.mark.e2e, pytest.mark.django_db(transaction=True)]

DEFENCE_AT = uk(2027, 3, 8, 11, 0)
ANSWERED_AT = uk(2027, 3, 15, 10, 0)  # Monday 15 March: the mediation stay runs to the end of 11 April
FULL_DEFENCE = {"response_type": {"type": "reject"}, "reject_reason": {"reason": "dispute"}, **DEFENCE_PAGES}


def staff_user(make_user, role: str, name: str):
    from django.contrib.auth.models import Group

    first, last = name.split(" ", 1)
    user = make_user(f"{role}@court.example", is_staff=True, first_name=first, last_name=last, full_name=name)
    user.groups.set([Group.objects.get(name=role)])
    return user


class Staff:
    """A member of court staff in the admin (signed in through the same page as everyone)."""

    def __init__(self, party: Party, email: str) -> None:
        self.party = party
        self.page = party.page
        party.page.context.clear_cookies()
        party.go("/admin/queues/")
        party.on("Sign in", f"staff sign in ({email})")
        party.fill("login", email)
        party.fill("password", PASSWORD)
        party.click("Sign in")
        expect(self.page.get_by_role("heading", level=1)).to_have_text("Work queues")

    def queue_lists(self, key: str, claim: Claim, count: int) -> None:
        table = self.page.locator(f"#{key}")
        expect(table.locator("caption")).to_contain_text(f"({count})")
        expect(table).to_contain_text(claim.claim_number)

    def open_claim(self, claim: Claim) -> None:
        self.page.get_by_role("link", name=claim.claim_number).first.click()
        expect(self.page.locator("#content")).to_contain_text(claim.claimant_name)

    def step(self, label: str) -> None:
        self.page.locator(".object-tools").get_by_role("link", name=label).click()
        expect(self.page.get_by_role("heading", level=1)).to_contain_text(label)

    def submit(self, value: str) -> None:
        self.page.locator(f"input[type=submit][value='{value}']").click()

    def done(self, message: str) -> None:
        expect(self.page.locator(".messagelist")).to_contain_text(message)


def claimant_opens_defence(party: Party, claim: Claim) -> None:
    party.sign_in(CLAIMANT_EMAIL, f"/claims/{claim.public_id}/", "Claim against", "the claim with a defence")
    party.status("Defence received")
    party.click("Respond to the defence", role="link")
    party.on("Respond to the defendant’s response", "respond to the defence")
    party.sees("rejects all of your claim", "I never asked for the wall.")


def without_the_typeahead(party: Party) -> None:
    """Serve the pages without the accessible-autocomplete script, as a browser that could not load it
    sees them: the preferred court is then the plain select."""
    party.page.route("**/accessible-autocomplete.min.js",
                     lambda route: route.fulfill(status=200, content_type="text/javascript", body=""))


def claimant_dq(party: Party, *, typeahead: bool = True) -> None:
    """The claimant's directions questionnaire: the defendant's OCON180 pages, after one error state."""
    party.on("Which court would you prefer for a hearing?", "claimant's DQ: preferred court")
    party.save()
    party.errors("Choose the court you would prefer", context="claimant's DQ: preferred court")
    party.hearing_pages("Leeds County Court", typeahead=typeahead)


def test_defence_continue_mediation_28_days_legal_adviser_directions_sent_out(claim, dan, party, travel, make_user):
    travel(DEFENCE_AT, tick=True)
    respond_by_services(claim, dan, **FULL_DEFENCE)  # willing to mediate, Leeds County Court
    adviser = staff_user(make_user, "legal_adviser", "Lee Adviser")
    travel(ANSWERED_AT, tick=True)

    claimant_opens_defence(party, claim)
    party.click("Continue")
    party.errors("Select yes if you want to continue with the claim", context="respond to the defence")
    party.choose("answer", "yes")
    party.click("Continue")
    claimant_dq(party)
    party.on("Will you try free mediation?", "claimant's mediation")
    party.choose("willing", "yes")
    party.fill("phone", "07700 900222")
    party.save()
    party.on("Check your answers before you continue with the claim", "claimant's check your answers")
    party.sees("Leeds County Court")
    party.click("Continue with the claim")
    party.on("You are continuing with the claim", "continuing: mediation")
    party.sees("from and including 15 March 2027 to the end of 11 April 2027", "Small Claims Mediation Service")
    claim.refresh_from_db()
    assert claim.state == ClaimState.MEDIATION and claim.mediation_ends_at == uk(2027, 4, 12, 0, 0)

    # The 28 days pass with no settlement reported: the forms go to a legal adviser (6.2(9)).
    travel(uk(2027, 4, 12, 9, 0), tick=True)
    run_sweep("defended.mediation_ended")
    claim.refresh_from_db()
    assert claim.state == ClaimState.AWAITING_DIRECTIONS

    staff = Staff(party, adviser.email)
    staff.queue_lists("legal_adviser", claim, 1)
    staff.open_claim(claim)
    staff.step("Give directions")
    staff.submit("Make the order")
    expect(party.page.locator(".errorlist, .errornote").first).to_be_visible()
    party.page.locator("input[name='standard'][value='documents']").check()
    party.page.locator("input[name='standard'][value='witnesses']").check()
    party.fill("free_text", "The claimant must bring the original invoice to the hearing.")
    staff.submit("Make the order")
    staff.done("")
    claim.refresh_from_db()
    assert claim.state == ClaimState.DIRECTIONS_MADE
    order = claim.directions_orders.get()
    assert (order.maker_name, order.maker_title, order.send_out_court) == ("Lee Adviser", "Legal adviser",
                                                                           "Leeds County Court")

    # The claimant sees the order and when the claim leaves; no one asks for reconsideration in 7 days.
    party.sign_in(CLAIMANT_EMAIL, f"/claims/{claim.public_id}/", "Claim against", "directions made")
    party.sees("Lee Adviser", "Leeds County Court")
    travel(uk(2027, 4, 20, 16, 1), tick=True)
    run_sweep("defended.reconsideration_window")
    claim.refresh_from_db()
    assert claim.state == ClaimState.SENT_OUT and claim.sent_out_court == "Leeds County Court"
    party.go(f"/claims/{claim.public_id}/")
    party.on("Claim against", "sent out after directions")
    party.status("Sent out of the online service")
    party.sees("Leeds County Court", "The claimant must bring the original invoice to the hearing.")
    expect(party.page.get_by_role("link", name="Respond to the defence")).to_have_count(0)

    # Each party's dashboard says where the claim went in one sentence: the directions are on its page.
    row = party.dashboard_row(claim, "the claimant's dashboard, sent out")
    expect(row.locator("td").last).to_have_text("The claim continues by post at Leeds County Court.",
                                                use_inner_text=True)
    party.sign_in(DEFENDANT_EMAIL, "/claims/", "Your money claims account", "the defendant's dashboard, sent out")
    row = party.dashboard_row(claim, "the defendant's dashboard, sent out")
    expect(row.locator("td").last).to_have_text("The claim continues by post at Leeds County Court.",
                                                use_inner_text=True)


def test_defence_not_continued_stays_the_claim(claim, dan, party, travel, tmp_path):
    travel(DEFENCE_AT, tick=True)
    respond_by_services(claim, dan, **FULL_DEFENCE)
    travel(ANSWERED_AT, tick=True)

    claimant_opens_defence(party, claim)
    party.choose("answer", "no")
    party.click("Continue")
    party.on("You do not want to continue with the claim", "not continuing: confirm")
    party.click("I do not want to continue with the claim")
    party.on("You are not continuing with the claim", "not continuing: done")
    party.sees("form N244")
    party.click("View the claim", role="link")
    party.on("Claim against", "stayed claim")
    party.status("Stayed")
    party.sees("do not wish to continue with the claim")
    claim.refresh_from_db()
    assert claim.state == ClaimState.STAYED and not claim.stay_lifts_on_answer
    # How to lift it: the N244 application, which goes to a judge (16.1).
    party.page.get_by_role("link", name=re.compile("lift the stay", re.I)).first.click()
    party.on("lift the stay", "apply to lift the stay")
    party.click(re.compile("^(Send|Submit|Apply)"))
    party.errors("Tell the court what you are asking for and why", "Upload your completed form N244",
                 context="apply to lift the stay")
    notice = Path(tmp_path) / "n244.pdf"
    notice.write_bytes(b"%PDF-1.4\n% form N244\n")
    party.fill("details", "I have found the contract and want to go on with the claim.")
    party.page.locator("input[name='notice']").set_input_files(str(notice))
    party.click(re.compile("^(Send|Submit|Apply)"))
    party.sees("judge")
    application = claim.applications.get()
    assert application.kind == "lift_stay" and bytes(application.file_content).startswith(b"%PDF")
    assert claim.referrals.get(closed_at__isnull=True).to == "judge"


def test_paper_defence_entered_by_a_caseworker_continues_under_section_6(claim, party, travel, make_user, tmp_path):
    caseworker = staff_user(make_user, "caseworker", "Cara Worker")
    travel(uk(2027, 3, 4, 10, 0), tick=True)
    staff = Staff(party, caseworker.email)
    party.go(f"/admin/claims/claim/{claim.pk}/change/")
    staff.step("Record the defendant's call (paper response)")
    party.page.locator("input[name='more_time'][value='no']").check()
    party.fill("note", "Mr Defendant has no internet access.")
    staff.submit("Record the call and send the forms")
    staff.done("")
    claim.refresh_from_db()
    paper = claim.paper_response
    assert paper.forms == ["OCON9", "OCON9X", "OCON180"] and claim.response_deadline == uk(2027, 3, 23, 16, 0)

    travel(uk(2027, 3, 12, 11, 0), tick=True)
    scan = Path(tmp_path) / "defence.pdf"
    scan.write_bytes(b"%PDF-1.4\n% the scanned OCON9X\n")
    staff.step("Enter the paper response")
    party.page.locator("input[name='scan']").set_input_files(str(scan))
    party.fill("received_at_0", "12/03/2027")
    party.fill("received_at_1", "09:30:00")
    party.page.locator("input[name='nature'][value='defence']").check()
    party.page.locator("input[name='mediation_opt_out'][value='yes']").check()  # opted out: no mediation
    party.page.locator("select[name='preferred_court']").select_option(label="Leeds County Court")
    staff.submit("Enter the response")
    staff.done("")
    claim.refresh_from_db()
    assert claim.state == ClaimState.AWAITING_CLAIMANT_RESPONSE and claim.response.on_paper

    # The claimant answers it online like any defence (10.3: Section 6 applies).
    claimant_opens_defence_paper(party, claim)
    party.choose("answer", "yes")
    without_the_typeahead(party)
    party.click("Continue")
    claimant_dq(party, typeahead=False)
    party.on("Will you try free mediation?", "claimant's mediation")
    party.choose("willing", "no")
    party.save()
    party.on("Check your answers before you continue with the claim", "check your answers (paper defence)")
    party.click("Continue with the claim")
    party.on("You are continuing with the claim", "continuing after a paper defence")
    claim.refresh_from_db()
    assert claim.state == ClaimState.AWAITING_DIRECTIONS


def claimant_opens_defence_paper(party: Party, claim: Claim) -> None:
    party.sign_in(CLAIMANT_EMAIL, f"/claims/{claim.public_id}/", "Claim against", "the claim with a paper defence")
    party.status("Defence received")
    party.click("Respond to the defence", role="link")
    party.on("Respond to the defendant’s response", "respond to the paper defence")


def test_part_admission_rejected_goes_down_the_defended_path(claim, dan, party, travel):
    """7.43: the claimant does not accept the amount admitted; the response is a defence of the whole claim."""
    travel(DEFENCE_AT, tick=True)
    respond_by_services(claim, dan, **{
        **DEFENCE_PAGES, "response_type": {"type": "part_admission"}, "part_paid": {"paid": "no"},
        "admitted": {"amount": "400.00"}, "payment_option": {"option": "by_set_date"},
        "payment_date": {"date": "2027-06-30"},
    })
    travel(ANSWERED_AT, tick=True)
    party.sign_in(CLAIMANT_EMAIL, f"/claims/{claim.public_id}/", "Claim against", "a part admission")
    party.click("Respond to the defence", role="link")
    party.on("Respond to the defendant’s response", "respond to the part admission")
    party.sees("admits they owe you £400.00", "7.43")
    party.click("Continue")
    party.errors("Select yes if you accept £400.00 in full settlement of your claim",
                 context="respond to the part admission")
    party.choose("answer", "no")
    party.click("Continue")
    claimant_dq(party)
    party.on("Will you try free mediation?", "claimant's mediation (part admission)")
    party.choose("willing", "yes")
    party.fill("phone", "07700 900222")
    party.save()
    party.on("Check your answers before you continue with the claim", "check your answers (part admission)")
    party.click("Continue with the claim")
    party.on("You are continuing with the claim", "continuing after rejecting a part admission")
    claim.refresh_from_db()
    assert claim.state == ClaimState.MEDIATION
    assert "defence of the whole claim (7.43)" in claim.events.get(kind="claimant_continuing").summary
    party.click("View the claim", role="link")
    party.on("Claim against", "in mediation after a part admission")
    expect(party.page.get_by_role("link", name="Request judgment on the admission")).to_have_count(0)
