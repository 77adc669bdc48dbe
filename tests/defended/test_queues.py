"""The court staff's work queues (``defended.queues`` and ``/admin/queues/``): what waits for a caseworker, a legal
adviser or a judge, each queue oldest first, with its count, for court staff only."""
from __future__ import annotations

import html
import re
from typing import Any

import pytest
from django.contrib.auth.models import Group
from django.urls import reverse

from claims import services as claim_services
from claims.constants import ClaimState, Referee
from claims.models import Claim
from defended import queues, services
from defended.models import PaperResponse
from tests.claims.drafting.factories import complete_draft_data
from tests.conftest import uk
from tests.defended.test_staff_admin import make_application, make_defended

pytestmark = pytest.mark.django_db


@pytest.fixture
def defended(issue_claim, make_user, travel, adviser_courts):
    return lambda **options: make_defended(issue_claim, make_user, travel, **options)


def numbers(rows: Any) -> list[str]:
    return [row.claim.claim_number for row in rows]


def awaiting_hwf(make_user: Any, travel: Any, at: Any, name: str) -> Claim:
    travel(at, tick=False)
    owner = make_user(full_name=name)
    claim = claim_services.claim_draft_create(owner=owner, data=complete_draft_data())
    claim_services.claim_submit(claim_id=claim.pk, actor=owner, signed_name=name)
    return claim_services.claim_hwf_apply(claim_id=claim.pk, actor=owner, reference="HWF-A1B-2C3")


def test_claims_in_mediation_wait_for_a_caseworker_oldest_first(defended):
    later = defended(mediation=True, at=uk(2027, 3, 10, 10, 0))
    earlier = defended(mediation=True, at=uk(2027, 3, 8, 10, 0))
    defended(mediation=False)  # not in mediation: with a legal adviser
    rows = list(queues.mediation_outcomes())
    assert [c.pk for c in rows] == [earlier.pk, later.pk]
    assert rows[0].waiting_since == uk(2027, 3, 8, 10, 0)


def test_open_referrals_wait_for_a_legal_adviser_or_a_judge(defended, judge):
    adviser = defended(at=uk(2027, 3, 9, 10, 0))  # £1,000 at Leeds: a legal adviser may consider it
    judge_later = defended(amount="1000.01", at=uk(2027, 3, 11, 10, 0))
    judge_earlier = defended(court="Bristol County Court", at=uk(2027, 3, 8, 10, 0))
    gone = defended(court="Bristol County Court", at=uk(2027, 3, 7, 10, 0))
    services.judge_send_out(claim_id=gone.pk, actor=judge, to="cnbc", reason="Unsuitable")

    assert [r.claim_id for r in queues.open_referrals_to(Referee.LEGAL_ADVISER)] == [adviser.pk]
    to_judge = list(queues.open_referrals_to(Referee.JUDGE))
    assert [r.claim_id for r in to_judge] == [judge_earlier.pk, judge_later.pk]
    assert to_judge[0].waiting_since == uk(2027, 3, 8, 10, 0)


def test_a_referral_on_a_claim_no_longer_live_online_is_nobodys_work(defended):
    claim = defended(court="Bristol County Court")
    assert queues.open_referrals_to(Referee.JUDGE).count() == 1
    Claim.objects.filter(pk=claim.pk).update(state=ClaimState.SETTLED)
    assert queues.open_referrals_to(Referee.JUDGE).count() == 0


def test_applications_and_reconsiderations_wait_for_a_judge(defended, travel, legal_adviser):
    first = defended(at=uk(2027, 3, 8, 10, 0))
    application = make_application(first)  # 8 March, 10:00
    second = defended(at=uk(2027, 3, 9, 10, 0))
    services.directions_give(claim_id=second.pk, actor=legal_adviser, standard=["documents"])
    travel(uk(2027, 3, 10, 9, 0), tick=False)
    services.application_make(claim_id=second.pk, actor=second.owner, kind="reconsideration",
                              details="The legal adviser sent it to the wrong court")

    undecided = list(queues.undecided_applications())
    assert [a.claim_id for a in undecided] == [first.pk, second.pk]
    assert undecided[0] == application and undecided[1].waiting_since == uk(2027, 3, 10, 9, 0)
    to_judge = list(queues.open_referrals_to(Referee.JUDGE))
    assert [(r.claim_id, r.kind) for r in to_judge] == [(first.pk, "application"), (second.pk, "reconsideration")]


def test_paper_responses_to_enter_and_help_with_fees_decisions(issue_claim, make_user, caseworker, travel):
    late_call = issue_claim(owner=make_user())
    early_call = issue_claim(owner=make_user())
    travel(uk(2027, 3, 3, 10, 0), tick=False)
    services.paper_contact_record(claim_id=late_call.pk, actor=caseworker, more_time=False)
    travel(uk(2027, 3, 2, 10, 0), tick=False)
    services.paper_contact_record(claim_id=early_call.pk, actor=caseworker, more_time=False)
    entered = issue_claim(owner=make_user())
    travel(uk(2027, 3, 2, 9, 0), tick=False)
    services.paper_contact_record(claim_id=entered.pk, actor=caseworker, more_time=False)
    PaperResponse.objects.filter(claim=entered).update(received_at=uk(2027, 3, 2, 9, 30))

    assert [p.claim_id for p in queues.paper_responses_to_enter()] == [early_call.pk, late_call.pk]

    newer = awaiting_hwf(make_user, travel, uk(2027, 2, 20, 10, 0), "Newer Applicant")
    older = awaiting_hwf(make_user, travel, uk(2027, 2, 10, 10, 0), "Older Applicant")
    hwf = list(queues.hwf_decisions())
    assert [c.pk for c in hwf] == [older.pk, newer.pk] and hwf[0].waiting_since == uk(2027, 2, 10, 10, 0)


def test_a_claim_without_a_number_is_named_by_its_parties_on_the_queues_page(client, make_user, caseworker,
                                                                              travel):
    claim = awaiting_hwf(make_user, travel, uk(2027, 2, 10, 10, 0), "Hana Applicant")
    assert not claim.claim_number
    client.force_login(caseworker)
    hwf = section(page_text(client.get(reverse("admin:queues"))), "Help with Fees decisions")
    link = f'{reverse("admin:claims_claim_change", args=[claim.pk])}">'
    name = f"Claim by {claim.claimant_name} against {claim.defendant_name}"
    assert f"{link}{name}</a>" in hwf, hwf
    assert str(claim.public_id) not in hwf


# -- the page -------------------------------------------------------------------------------------------------


def page_text(response: Any) -> str:
    return re.sub(r"\s+", " ", html.unescape(response.content.decode()))


def section(text: str, title: str) -> str:
    """The part of the page from one queue's caption to the next."""
    start = text.index(f"<caption>{title} (")
    end = text.find("<caption>", start + 1)
    return text[start:end if end != -1 else None]


def test_the_queues_page_lists_each_queue_with_its_count_oldest_first(client, defended, caseworker):
    judge_later = defended(amount="1000.01", at=uk(2027, 3, 11, 10, 0))
    judge_earlier = defended(court="Bristol County Court", at=uk(2027, 3, 8, 10, 0))
    mediation = defended(mediation=True, at=uk(2027, 3, 9, 10, 0))
    client.force_login(caseworker)

    index = client.get(reverse("admin:index"))
    assert reverse("admin:queues") in index.content.decode()
    response = client.get(reverse("admin:queues"))
    assert response.status_code == 200
    text = page_text(response)

    judges = section(text, "Waiting for a judge")
    assert judges.startswith("<caption>Waiting for a judge (2)")
    assert judges.index(judge_earlier.claim_number) < judges.index(judge_later.claim_number)
    assert reverse("admin:claims_claim_change", args=[judge_earlier.pk]) in judges
    assert f"{judge_earlier.claimant_name} v {judge_earlier.defendant_name}" in judges and "£1,000.01" in judges
    assert "8 March 2027, 10:00" in judges

    mediating = section(text, "Mediation outcomes to record")
    assert mediating.startswith("<caption>Mediation outcomes to record (1)") and mediation.claim_number in mediating
    assert "9 March 2027, 10:00" in mediating
    assert section(text, "Waiting for a legal adviser").startswith("<caption>Waiting for a legal adviser (0)")
    assert "Help with Fees decisions (0)" in text and "Paper responses to enter (0)" in text


@pytest.mark.parametrize("role", ["caseworker", "legal_adviser", "judge"])
def test_every_court_staff_role_sees_the_queues(client, make_user, role):
    user = make_user(is_staff=True)
    user.groups.set([Group.objects.get(name=role)])
    client.force_login(user)
    assert client.get(reverse("admin:queues")).status_code == 200


def test_nobody_else_sees_the_queues(client, make_user):
    client.force_login(make_user())
    response = client.get(reverse("admin:queues"))
    assert response.status_code == 302 and "/admin/login/" in response.url
    client.force_login(make_user(is_staff=True))  # staff, but in no court staff group
    assert client.get(reverse("admin:queues")).status_code == 403
