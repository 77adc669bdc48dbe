"""The firm's email pages: a firm user chooses an email for every step or a daily summary; a case's page lists every
email sent to the firm about it, and only a member of the firm who may see the case reaches it."""
from __future__ import annotations

import pytest
from django.urls import reverse

from accounts.models import EmailUpdates, FirmMembership, MemberState
from claims.notices import tell_parties
from court.models import Notification
from tests.conftest import uk
from tests.firm_factories import make_firm, make_member

from .email_helpers import assign, issued_claim

pytestmark = pytest.mark.django_db

UPDATES = reverse("casework:email_updates")


@pytest.fixture
def firm():
    return make_firm("Able & Co LLP")


@pytest.fixture
def admin(firm):
    return make_member(firm, name="Alex Admin", admin=True)


@pytest.fixture
def solicitor(firm):
    return make_member(firm, name="Sam Solicitor")


@pytest.fixture
def claim(firm, admin, solicitor):
    claim = issued_claim(owner=admin, claimant_firm=firm)
    assign(claim, admin, solicitor)
    return claim


def page(claim):
    return reverse("casework:case_emails", kwargs={"public_id": claim.public_id})


def choice(user):
    return FirmMembership.objects.get(user=user).email_updates


# -- choosing how to hear ---------------------------------------------------------------------------------


def test_a_firm_user_chooses_a_daily_summary_and_back(client, solicitor):
    client.force_login(solicitor)
    response = client.get(UPDATES)
    assert response.status_code == 200
    html = response.content.decode()
    assert 'value="every_step" checked' in html and 'value="daily" checked' not in html
    assert "One email each morning, after 7am" in html

    response = client.post(UPDATES, {"email_updates": "daily"}, follow=True)
    assert response.redirect_chain == [(UPDATES, 302)]
    assert choice(solicitor) == EmailUpdates.DAILY
    assert "Email updates: a daily summary." in response.content.decode()
    assert 'value="daily" checked' in response.content.decode()

    client.post(UPDATES, {"email_updates": "daily"})  # a double submit changes nothing
    assert choice(solicitor) == EmailUpdates.DAILY
    client.post(UPDATES, {"email_updates": "every_step"})
    assert choice(solicitor) == EmailUpdates.EVERY_STEP


@pytest.mark.parametrize("data", [{}, {"email_updates": "weekly"}])
def test_choosing_nothing_or_something_unknown_shows_the_error(client, solicitor, data):
    FirmMembership.objects.filter(user=solicitor).update(email_updates=EmailUpdates.DAILY)
    client.force_login(solicitor)
    response = client.post(UPDATES, data)
    assert response.status_code == 200
    html = response.content.decode()
    assert "<title>Error: Email updates" in html
    assert "Select whether you want an email for every step or a daily summary" in html
    assert 'href="#id_email_updates"' in html
    assert choice(solicitor) == EmailUpdates.DAILY


@pytest.mark.parametrize("who", ["citizen", "removed", "suspended"])
def test_the_choice_is_only_for_an_active_member_of_a_firm(client, firm, make_user, who):
    user = make_user() if who == "citizen" else make_member(firm, state=who)
    client.force_login(user)
    assert client.get(UPDATES).status_code == 404
    assert client.post(UPDATES, {"email_updates": "daily"}).status_code == 404
    if who != "citizen":
        assert choice(user) == EmailUpdates.EVERY_STEP


# -- the emails about a case ------------------------------------------------------------------------------


def test_the_case_page_lists_every_email_to_the_firm_about_the_case_with_its_delivery(
        client, firm, admin, solicitor, claim, travel):
    tell_parties(claim, key="one", headline="The defendant has responded", paragraphs=[],
                 roles=("claimant", "defendant"))
    travel(uk(2026, 11, 10, 14, 15), tick=False)
    tell_parties(claim, key="two", headline="The claimant has answered", paragraphs=[], roles=("claimant",))
    tell_parties(claim, key="three", headline="Judgment entered", paragraphs=[], roles=("claimant",))
    one = Notification.objects.get(key__startswith="one:claimant")
    Notification.objects.filter(pk=one.pk).update(sent_at=uk(2026, 11, 10, 11, 2), next_attempt_at=None, attempts=1)
    Notification.objects.filter(key__startswith="two:").update(attempts=8, next_attempt_at=None)
    Notification.objects.filter(key__startswith="three:").update(attempts=2, last_error="SMTP down")
    other = issued_claim(owner=admin, claimant_firm=firm)
    tell_parties(other, key="elsewhere", headline="Another case", paragraphs=[], roles=("claimant",))

    client.force_login(solicitor)
    response = client.get(page(claim))
    assert response.status_code == 200
    html = response.content.decode()
    assert f"Claim number {claim.claim_number}" in html
    rows = html.split('<tr class="govuk-table__row" role="row">')[2:]
    assert len(rows) == 4, "the firm's three emails and the case's allocation; not the defendant's, nor another case's"
    assert "A case has been assigned to you" in rows[3]
    assert "Judgment entered" in rows[0] and "The claimant has answered" in rows[1], "newest first"
    assert "The defendant has responded" in rows[2] and "Sent at 11:02am on Tuesday 10 November 2026" in rows[2]
    assert "11am on Tuesday 10 November 2026" in rows[2]
    assert solicitor.email in rows[2] and "Sam Solicitor" in rows[2]
    assert "Not sent yet: trying again" in rows[0] and "2:15pm on Tuesday 10 November 2026" in rows[0]
    assert "Not sent: the service stopped trying" in rows[1]
    assert "Another case" not in html and "accounts@acme.example" not in html


def test_the_case_page_shows_emails_to_the_email_for_service_while_unassigned(client, firm, admin):
    claim = issued_claim(owner=admin, claimant_firm=firm)
    tell_parties(claim, key="one", headline="The defendant has responded", paragraphs=[], roles=("claimant",))
    everyone = make_member(firm, sees_all=True)
    client.force_login(everyone)
    html = client.get(page(claim)).content.decode()
    assert firm.service_email in html and "Waiting to be sent" in html


def test_each_firm_on_a_case_sees_only_its_own_emails(client, firm, admin, solicitor, claim):
    defence = make_firm("Baker Solicitors")
    claim.defendant_representation, claim.defendant_firm = "registered", defence
    claim.save()
    defender = make_member(defence, sees_all=True)
    tell_parties(claim, key="one", headline="The defendant has responded", paragraphs=[],
                 roles=("claimant", "defendant"))
    client.force_login(defender)
    html = client.get(page(claim)).content.decode()
    assert defence.service_email in html and solicitor.email not in html
    client.force_login(solicitor)
    html = client.get(page(claim)).content.decode()
    assert solicitor.email in html and defence.service_email not in html


def test_a_case_with_no_emails_says_so(client, firm, admin, solicitor):
    claim = issued_claim(owner=admin, claimant_firm=firm, claim_number=None)
    assign(claim, admin, solicitor)
    client.force_login(solicitor)
    assert "No emails have been sent to the firm about this case yet." in client.get(page(claim)).content.decode()


@pytest.mark.parametrize("who", ["other firm", "citizen", "defendant in person", "colleague not on the case",
                                 "former member", "suspended member"])
def test_only_a_member_of_the_firm_who_may_see_the_case_reaches_its_emails(client, firm, claim, make_user,
                                                                          solicitor, who):
    tell_parties(claim, key="one", headline="The defendant has responded", paragraphs=[], roles=("claimant",))
    if who == "other firm":
        user = make_member(make_firm("Other LLP"), admin=True, sees_all=True)
    elif who == "citizen":
        user = make_user()
    elif who == "defendant in person":
        user = make_user()
        claim.defendant_user = user
        claim.save()
    elif who == "colleague not on the case":
        user = make_member(firm)
    else:
        user = solicitor
        FirmMembership.objects.filter(user=solicitor).update(
            state=MemberState.REMOVED if who == "former member" else MemberState.SUSPENDED)
    client.force_login(user)
    assert client.get(page(claim)).status_code == 404


def test_the_claimant_in_person_does_not_reach_the_defendant_firms_emails(client, make_user):
    defence = make_firm("Baker Solicitors")
    citizen = make_user()
    claim = issued_claim(owner=citizen, defendant_firm=defence)
    client.force_login(citizen)
    assert client.get(reverse("claims:detail", kwargs={"public_id": claim.public_id})).status_code == 200
    assert client.get(page(claim)).status_code == 404
