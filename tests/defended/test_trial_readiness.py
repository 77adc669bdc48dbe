"""The fast track in an early adopter court: trial readiness certificates (PD 51R 6C.1(2), 6C.3, TRC-14) and the
trial bundle (6C.4).

Able & Co's claim for Jane Claimant against Acme Kitchens Ltd, represented by Baker Defence LLP, is defended (with
the CPR 16.5 content and the defendant's questionnaire), the claimant continues with its questionnaire, and a judge's
directions send it to Leeds County Court, an early adopter court, where it stays online (6C.1(2)). On Wednesday 14
April 2027 at 10:00 a caseworker allocates it to the fast track: each certificate is due before 4pm on Wednesday 28
April (Tuesday 27 and Thursday 29 are open days, so a day more or less would show).
"""
from __future__ import annotations

import io
from decimal import Decimal
from typing import Any

import pytest
from django.contrib.auth.models import Group
from django.urls import reverse
from pypdf import PdfReader

from claims.constants import ClaimState, Referee, SentOutTo
from claims.errors import ClaimError, NotAllowed
from claims.models import Claim
from claims.policy import Action, allowed_actions, can
from court.models import HearingCentre, Notification
from court.sweeps import run_sweep
from defended import services
from defended.models import (
    Referral,
    ReferralKind,
    TrialReadinessCertificate,
    TrialReadinessNotice,
    TrialReadinessState,
)
from documents import pdf as pdf_module
from documents.models import ClaimDocument, DocumentKind, DocumentStatus
from documents.services import document_render
from tests.conftest import uk
from tests.defended.conftest import CLAIMANT_DQ
from tests.documents.conftest import pdf_text
from tests.firm_factories import make_firm, make_member
from tests.responses.conftest import caseworker  # noqa: F401
from tests.responses.test_represented_response import (  # noqa: F401  (fixtures)
    DEFENCE,
    DENIED,
    claimant_firm,
    defendant_firm,
    fill,
    save,
    served,
    solicitor,
    submit,
)

pytestmark = pytest.mark.django_db

DIRECTIONS_AT = uk(2027, 4, 7, 11, 0)
NOTICE_AT = uk(2027, 4, 14, 10, 0)
DEADLINE = uk(2027, 4, 28, 16, 0)

ANSWERS: dict[str, Any] = {
    "ready": True, "not_ready_reason": "", "directions_complied": True, "directions_outstanding": "",
    "witnesses": 2, "witness_details": "Jane Claimant; Tom Fitter", "experts": False, "expert_details": "",
    "trial_hours": Decimal("3.5"), "dates_to_avoid": "3 to 7 May 2027", "hearing_requirements": "",
}


@pytest.fixture
def judge(make_user):
    user = make_user(is_staff=True, first_name="Judith", last_name="Bench", full_name="Judith Bench")
    user.groups.set([Group.objects.get(name="judge")])
    return user


@pytest.fixture
def online(served, solicitor, judge, travel):  # noqa: F811
    """``online(early_adopter=True)`` → the claim after directions, proceeding in Leeds County Court."""

    def make(*, early_adopter: bool = True) -> Claim:
        claim = served()
        save(claim, solicitor, DEFENCE)
        fill(claim, solicitor)
        submit(claim, solicitor)
        claim = Claim.objects.get(pk=claim.pk)
        services.claimant_decide(claim_id=claim.pk, actor=claim.owner, outcome="continue",
                                 data={**CLAIMANT_DQ, "mediation": {"willing": "no"}}, mediation_willing=False,
                                 preferred_court="Leeds County Court")
        HearingCentre.objects.update_or_create(name="Leeds County Court", defaults={"early_adopter": early_adopter})
        travel(DIRECTIONS_AT, tick=False)
        services.directions_give(claim_id=claim.pk, actor=judge, standard=["documents", "witnesses"],
                                 free_text="The claim is allocated to the fast track.", to=SentOutTo.NAMED_CENTRE,
                                 court="Leeds County Court")
        travel(NOTICE_AT, tick=False)
        return Claim.objects.get(pk=claim.pk)

    return make


@pytest.fixture
def claimant_solicitor(claimant_firm):  # noqa: F811
    return make_member(claimant_firm, name="Sam Able", sees_all=True)


def allocate(claim: Claim, actor: Any) -> TrialReadinessNotice:
    return services.fast_track_allocate(claim_id=claim.pk, actor=actor)


def file(claim: Claim, actor: Any, **answers: Any) -> TrialReadinessCertificate:
    return services.trial_readiness_file(claim_id=claim.pk, actor=actor, signed_name=actor.display_name,
                                         answers={**ANSWERS, **answers})


# -- who may do what ------------------------------------------------------------------------------------------------


def test_a_caseworker_allocates_only_a_claim_online_in_an_early_adopter_court(online, caseworker, judge,  # noqa: F811
                                                                              claimant_solicitor):
    claim = online()
    assert can(caseworker, claim, Action.ALLOCATE_FAST_TRACK)
    assert not can(judge, claim, Action.ALLOCATE_FAST_TRACK)
    assert not can(claimant_solicitor, claim, Action.ALLOCATE_FAST_TRACK)
    assert not ({Action.FILE_TRIAL_READINESS, Action.READ_TRIAL_BUNDLE} & allowed_actions(claimant_solicitor, claim))


def test_a_claim_sent_out_after_directions_is_never_allocated_online(online, caseworker):  # noqa: F811
    claim = online(early_adopter=False)
    assert claim.state == ClaimState.SENT_OUT
    assert not can(caseworker, claim, Action.ALLOCATE_FAST_TRACK)
    with pytest.raises(NotAllowed):
        allocate(claim, caseworker)


def test_a_legal_advisers_directions_waiting_for_reconsideration_are_not_yet_online(online, caseworker):  # noqa: F811
    claim = online()
    Claim.objects.filter(pk=claim.pk).update(send_out_due_at=uk(2027, 4, 20, 16, 0))
    assert not can(caseworker, Claim.objects.get(pk=claim.pk), Action.ALLOCATE_FAST_TRACK)


# -- the notice -------------------------------------------------------------------------------------------------------


def test_the_notice_asks_both_sides_for_certificates_within_2_weeks(online, caseworker, claimant_solicitor,  # noqa: F811
                                                                    solicitor):  # noqa: F811
    claim = online()
    notice = allocate(claim, caseworker)
    claim.refresh_from_db()
    assert notice.state == TrialReadinessState.WAITING
    assert notice.deadline == claim.trial_readiness_deadline == DEADLINE
    assert notice.sent_on.isoformat() == "2027-04-14"
    assert ("Each party files its trial readiness certificate before (TRC-14, 6C.3(3))", DEADLINE) in \
        claim.live_deadlines()
    assert claim.next_deadline_at == DEADLINE  # the firm dashboards show it
    event = claim.events.get(kind="fast_track_allocated")
    assert "Allocated to the fast track" in event.summary and "6C.3" in event.summary
    told = Notification.objects.filter(claim_number=claim.claim_number, key__startswith="trial-readiness-notice:")
    assert {n.firm_id for n in told} == {claim.claimant_firm_id, claim.defendant_firm_id}
    assert all("28 April 2027" in n.body for n in told)
    assert ClaimDocument.objects.filter(claim=claim, kind=DocumentKind.TRIAL_BUNDLE).exists()
    for user in (claimant_solicitor, solicitor):
        assert {Action.FILE_TRIAL_READINESS, Action.READ_TRIAL_BUNDLE} <= allowed_actions(user, claim)
    assert Action.READ_TRIAL_BUNDLE in allowed_actions(caseworker, claim)
    with pytest.raises(NotAllowed):  # a second press
        allocate(claim, caseworker)
    assert TrialReadinessNotice.objects.filter(claim=claim).count() == 1


# -- filing -----------------------------------------------------------------------------------------------------------


def test_each_side_files_once_and_the_last_certificate_goes_to_a_judge(online, caseworker, claimant_solicitor,  # noqa: F811
                                                                       solicitor, travel):  # noqa: F811
    claim = online()
    allocate(claim, caseworker)
    travel(uk(2027, 4, 20, 12, 0), tick=False)
    certificate = file(claim, claimant_solicitor, ready=False, not_ready_reason="The expert's report is late.")
    assert (certificate.role, certificate.firm_name, certificate.ready) == ("claimant", "Able & Co Solicitors", False)
    assert certificate.trial_hours == Decimal("3.5")
    with pytest.raises(NotAllowed):
        file(claim, claimant_solicitor)
    notice = TrialReadinessNotice.objects.get(claim=claim)
    assert notice.state == TrialReadinessState.WAITING
    assert not Referral.objects.filter(claim=claim, kind=ReferralKind.TRIAL_READINESS).exists()
    told = Notification.objects.filter(key__startswith=f"trial-readiness-filed:{certificate.pk}")
    assert {n.firm_id for n in told} == {claim.claimant_firm_id, claim.defendant_firm_id}

    file(claim, solicitor)
    notice.refresh_from_db()
    claim.refresh_from_db()
    assert notice.state == TrialReadinessState.ALL_FILED and notice.closed_at == uk(2027, 4, 20, 12, 0)
    referral = Referral.objects.get(claim=claim, kind=ReferralKind.TRIAL_READINESS)
    assert (referral.to, referral.state, notice.referral_id) == (Referee.JUDGE, "open", referral.pk)
    assert "6C.3(4)" in referral.reason
    assert claim.trial_readiness_deadline is None and claim.state == ClaimState.DIRECTIONS_MADE
    assert {e.data.get("role") for e in claim.events.filter(kind="trial_readiness_filed")} == {"claimant", "defendant"}
    assert Notification.objects.filter(key__startswith=f"trial-readiness-complete:{notice.pk}").count() == 2
    with pytest.raises(NotAllowed):
        file(claim, solicitor)


def test_the_certificate_is_refused_at_4pm_on_the_last_day(online, caseworker, claimant_solicitor, solicitor,  # noqa: F811
                                                           travel):
    claim = online()
    allocate(claim, caseworker)
    travel(uk(2027, 4, 28, 15, 59, 59), tick=False)
    file(claim, claimant_solicitor)
    travel(DEADLINE, tick=False)
    assert not can(solicitor, claim, Action.FILE_TRIAL_READINESS)
    with pytest.raises(NotAllowed):
        file(claim, solicitor)


def test_what_the_certificate_must_say(online, caseworker, claimant_solicitor):  # noqa: F811
    claim = online()
    allocate(claim, caseworker)
    for answers, message in (
        ({"ready": False}, "Say why your client is not ready for trial"),
        ({"experts": True}, "Give the name and field of each expert"),
        ({"directions_complied": False}, "Say which directions have not been complied with"),
        ({"trial_hours": Decimal(0)}, "Enter the estimated length of the trial in hours"),
    ):
        with pytest.raises(ClaimError, match=message):
            file(claim, claimant_solicitor, **answers)
    assert not TrialReadinessCertificate.objects.exists()


# -- the 2 weeks pass -------------------------------------------------------------------------------------------------


def test_the_sweep_refers_the_claim_to_a_judge_once_the_2_weeks_pass(online, caseworker, claimant_solicitor,  # noqa: F811
                                                                     travel):
    claim = online()
    allocate(claim, caseworker)
    file(claim, claimant_solicitor)
    travel(uk(2027, 4, 28, 15, 59, 59), tick=False)
    assert run_sweep("defended.trial_readiness").changed == 0
    travel(DEADLINE, tick=False)
    assert run_sweep("defended.trial_readiness").changed == 1
    assert run_sweep("defended.trial_readiness").changed == 0  # twice: nothing more
    notice = TrialReadinessNotice.objects.get(claim=claim)
    claim.refresh_from_db()
    assert notice.state == TrialReadinessState.TIME_PASSED and claim.trial_readiness_deadline is None
    referral = Referral.objects.get(claim=claim, kind=ReferralKind.TRIAL_READINESS)
    assert referral.to == Referee.JUDGE and "without one from the defendant" in referral.reason
    assert referral.data["missing"] == ["defendant"]
    assert Notification.objects.filter(key__startswith=f"trial-readiness-passed:{notice.pk}").count() == 2


def test_a_sweep_run_late_gives_the_same_result(online, caseworker, travel):  # noqa: F811
    claim = online()
    allocate(claim, caseworker)
    travel(uk(2027, 5, 4, 9, 0), tick=False)  # six days late, over the May Day bank holiday
    assert run_sweep("defended.trial_readiness").changed == 1
    notice = TrialReadinessNotice.objects.get(claim=claim)
    assert notice.state == TrialReadinessState.TIME_PASSED
    referral = Referral.objects.get(claim=claim, kind=ReferralKind.TRIAL_READINESS)
    assert referral.data["missing"] == ["claimant", "defendant"]
    assert "the claimant and the defendant" in referral.reason
    assert Referral.objects.filter(claim=claim, kind=ReferralKind.TRIAL_READINESS).count() == 1


def test_a_claim_settled_before_the_deadline_is_left_alone(online, caseworker, travel):  # noqa: F811
    claim = online()
    allocate(claim, caseworker)
    Claim.objects.filter(pk=claim.pk).update(state=ClaimState.SETTLED)  # the deadline column left behind
    travel(DEADLINE, tick=False)
    assert run_sweep("defended.trial_readiness").changed == 0
    assert Claim.objects.get(pk=claim.pk).trial_readiness_deadline is None
    assert TrialReadinessNotice.objects.get(claim=claim).state == TrialReadinessState.WAITING
    assert not Referral.objects.filter(claim=claim, kind=ReferralKind.TRIAL_READINESS).exists()


# -- the trial bundle (6C.4) ------------------------------------------------------------------------------------------


def _bundle(claim: Claim) -> ClaimDocument:
    return ClaimDocument.objects.get(claim=claim, kind=DocumentKind.TRIAL_BUNDLE)


def test_the_trial_bundle_holds_each_document_in_order_with_an_index(online, caseworker):  # noqa: F811
    claim = online()
    allocate(claim, caseworker)
    document = _bundle(claim)
    assert document_render(document_id=document.pk)
    document.refresh_from_db()
    assert document.status == DocumentStatus.READY, document.last_error
    text = pdf_text(bytes(document.content))
    form = claim.form
    parts = [
        "Trial bundle", "Index",
        "Claim form and particulars of claim (sealed)",
        "Defendant's response: Defence (OCON9B), Directions questionnaire (OCON180)",
        "Claimant's directions questionnaire (OCON180)",
        "Order giving directions made by Judith Bench, Judge on 7 April 2027",
        "Particulars of claim", " ".join(form.what_happened.split())[:40],  # the claim form
        DENIED,  # the defence
        "Claimant's directions questionnaire",  # the claimant's questionnaire
        "Order: directions", "The claim is allocated to the fast track.",  # the order
    ]
    at = -1
    for part in parts:
        found = text.find(part, at + 1)
        assert found > at, part
        at = found
    assert "Bundle page 1 of" in text and "Able & Co Solicitors" in text and "Baker Defence LLP" in text
    total = int(text.split("Bundle page 1 of ", 1)[1].split()[0])
    assert f"Bundle page {total} of {total}" in text and total >= 5
    assert len(PdfReader(io.BytesIO(bytes(document.content))).pages) == total


def test_a_failed_bundle_render_is_retried_and_leaves_the_claim_as_it_was(online, caseworker, monkeypatch):  # noqa: F811
    claim = online()
    allocate(claim, caseworker)
    document = _bundle(claim)

    def broken(*args: Any, **kwargs: Any) -> bytes:
        raise pdf_module.PdfRenderError("WeasyPrint failed")

    monkeypatch.setattr(pdf_module, "render_bundle", broken)
    assert not document_render(document_id=document.pk)
    document.refresh_from_db()
    assert document.status == DocumentStatus.FAILED and document.next_attempt_at is not None
    assert "WeasyPrint failed" in document.last_error
    assert TrialReadinessNotice.objects.get(claim=claim).state == TrialReadinessState.WAITING
    monkeypatch.undo()
    assert document_render(document_id=document.pk)
    document.refresh_from_db()
    assert document.status == DocumentStatus.READY and document.next_attempt_at is None


# -- the pages --------------------------------------------------------------------------------------------------------


def _page(claim: Claim) -> str:
    return reverse("defended:trial_readiness", kwargs={"public_id": claim.public_id})


def _download(claim: Claim) -> str:
    return reverse("claims:document", kwargs={"public_id": claim.public_id, "kind": "trial_bundle"})


def test_each_sides_solicitor_files_on_the_page(online, caseworker, claimant_solicitor, solicitor,  # noqa: F811
                                               client):
    claim = online()
    client.force_login(claimant_solicitor)
    assert client.get(_page(claim)).status_code == 404  # no notice yet
    allocate(claim, caseworker)
    detail = client.get(reverse("claims:detail", kwargs={"public_id": claim.public_id})).content.decode()
    assert _page(claim) in detail
    page = client.get(_page(claim))
    assert page.status_code == 200
    assert "Is your client ready for trial?" in page.content.decode()
    refused = client.post(_page(claim), {"ready": "no", "directions_complied": "yes", "witnesses": "",
                                         "experts": "no", "trial_hours": "3"})
    assert refused.status_code == 400
    body = refused.content.decode()
    for message in ("Say why your client is not ready for trial", "Enter how many witnesses will give evidence",
                    "Enter your full name"):
        assert message in body
    done = client.post(_page(claim), {"ready": "yes", "directions_complied": "yes", "witnesses": "2",
                                      "experts": "yes", "expert_details": "Dr Ray, structural engineer",
                                      "trial_hours": "4.5", "dates_to_avoid": "", "hearing_requirements": "",
                                      "signed_name": "Sam Able"})
    assert done.status_code == 302 and done["Location"] == _page(claim)
    certificate = TrialReadinessCertificate.objects.get()
    assert (certificate.role, certificate.expert_details, certificate.trial_hours) == (
        "claimant", "Dr Ray, structural engineer", Decimal("4.5"))
    again = client.post(_page(claim), {"ready": "yes", "signed_name": "Sam Able"})  # a second press
    assert again.status_code == 302 and TrialReadinessCertificate.objects.count() == 1
    assert again["Location"] == reverse("claims:detail", kwargs={"public_id": claim.public_id})
    told = client.get(again["Location"]).content.decode()
    assert "trial readiness certificate has already been filed" in told
    client.force_login(solicitor)
    page = client.get(_page(claim)).content.decode()
    assert "Is your client ready for trial?" in page and "Dr Ray, structural engineer" in page


def test_the_pages_are_404_to_anyone_else(online, caseworker, claimant_firm, client, make_user):  # noqa: F811
    claim = online()
    allocate(claim, caseworker)
    document_render(document_id=_bundle(claim).pk)
    reader = make_member(claimant_firm, sees_all=True, solicitor=False)
    client.force_login(reader)
    page = client.get(_page(claim))
    assert page.status_code == 200 and "Is your client ready for trial?" not in page.content.decode()
    assert client.get(_download(claim)).status_code == 200
    for outsider in (make_member(make_firm("Carter & Sons"), sees_all=True), make_user(),
                     make_member(claimant_firm, solicitor=True)):  # not allocated the case
        client.force_login(outsider)
        assert client.get(_page(claim)).status_code == 404
        assert client.get(_download(claim)).status_code == 404


def test_both_sides_and_staff_download_the_bundle(online, caseworker, claimant_solicitor, solicitor,  # noqa: F811
                                                  client):
    claim = online()
    allocate(claim, caseworker)
    document_render(document_id=_bundle(claim).pk)
    for user in (claimant_solicitor, solicitor, caseworker):
        client.force_login(user)
        response = client.get(_download(claim))
        assert response.status_code == 200 and response.content.startswith(b"%PDF-")
    client.force_login(solicitor)
    detail = client.get(reverse("claims:detail", kwargs={"public_id": claim.public_id})).content.decode()
    assert _download(claim) in detail


def test_the_caseworkers_step_on_the_claims_admin_page(online, caseworker, client):  # noqa: F811
    claim = online()
    client.force_login(caseworker)
    step = reverse("admin:claims_claim_fast_track", args=[claim.pk])
    assert step in client.get(reverse("admin:claims_claim_change", args=[claim.pk])).content.decode()
    page = client.get(step)
    assert page.status_code == 200 and "28 April 2027" in page.content.decode()
    done = client.post(step, {})
    assert done.status_code == 302
    assert TrialReadinessNotice.objects.get(claim=claim).deadline == DEADLINE
    assert step not in client.get(reverse("admin:claims_claim_change", args=[claim.pk])).content.decode()
