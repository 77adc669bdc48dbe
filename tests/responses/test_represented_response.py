"""The represented defendant responds (PD 51R 6A.2-6A.4, 7.1(4)(b), 7.2(b), 7.10(2A), 7.42A(1)(a), 13.1(2)).

Able & Co's claim for Jane Claimant is issued on Wednesday 3 March 2027 and served through the website on the
defendant's registered firm, Baker Defence LLP (4.3(6)): the defendant must respond by 4pm on Wednesday 31 March
(DEF-REP). The clock stands at 10:00 on Wednesday 10 March. A solicitor of Baker Defence LLP who sees all the firm's
cases responds for the defendant through the same pages a defendant in person uses, with no security code.
"""
from __future__ import annotations

import uuid
from datetime import date
from decimal import Decimal
from typing import Any

import pytest
from django.urls import reverse

from accounts.models import Firm
from claims.constants import ClaimState, DefendantRepresentation, SentOutTo
from claims.errors import ClaimError, NotAllowed
from claims.models import Claim
from claims.policy import Action, allowed_actions, can
from claims.services import claim_fee_paid
from court.models import Notification
from documents.models import ClaimDocument, DocumentKind, DocumentStatus
from documents.services import document_render
from judgments import answers
from judgments.models import ClaimantAnswer
from payments.models import Payment
from responses import questions, services
from responses.models import DefendantResponse
from responses.pdfs import RESPONSE_STATEMENT_OF_TRUTH_REPRESENTATIVE, response_context
from rules.judgments import Plan
from tests.conftest import uk
from tests.documents.conftest import pdf_text, submitted_data
from tests.firm_factories import make_firm, make_member
from tests.responses.conftest import DEFENDANT
from tests.responses.test_services import HEARING_DEFAULTS, MEANS_DEFAULTS

pytestmark = pytest.mark.django_db

PAID_AT = uk(2027, 3, 3, 11, 0)
NOW = uk(2027, 3, 10, 10, 0)

DENIED = "Paragraph 2 is denied: no deposit was paid to the defendant, who never took the order."
VERSION = "The claimant ordered a kitchen from another company, Acme Interiors Ltd, which is not the defendant."
ADMITTED = "Paragraph 1 is admitted: the claimant lives at 12 Harbour Street."
NOT_ADMITTED = "The defendant cannot say what the claimant paid for storage and requires the claimant to prove it."

#: A represented defendant's defence of the whole claim, with the CPR 16.5 content (6A.4(2)), and no directions
#: questionnaire yet.
DEFENCE = {
    "details": {"phone": ""},
    "response_type": {"type": "reject"},
    "reject_reason": {"reason": "dispute"},
    "defence": {"denied": DENIED, "text": VERSION, "admitted": ADMITTED, "not_admitted": NOT_ADMITTED},
    "defence_timeline": {"rows": []},
    "defence_evidence": {"rows": []},
}
#: The directions questionnaire (OCON180) and the mediation choice.
DQ = {
    "hearing_court": {"court": "Bristol Civil Justice Centre"},
    **HEARING_DEFAULTS,
    "mediation": {"willing": "no", "phone": "", "contact_name": "", "reason": ""},
}


ROWS = {"defence_timeline": {"rows": []}, "defence_evidence": {"rows": []}}


@pytest.fixture
def claimant_firm() -> Firm:
    return make_firm("Able & Co Solicitors", service_email="service@able.example")


@pytest.fixture
def defendant_firm() -> Firm:
    return make_firm("Baker Defence LLP", service_email="service@baker.example")


@pytest.fixture
def served(claimant_firm: Firm, defendant_firm: Firm, travel: Any):
    """``served(defendant=None, **fields)``: the claim issued and served on the defendant's firm; the clock at NOW."""

    def make(*, defendant: dict[str, Any] | None = None, **fields: Any) -> Claim:
        travel(PAID_AT, tick=False)
        data = submitted_data(defendant=defendant) if defendant else submitted_data()
        values: dict[str, Any] = {
            "owner": make_member(claimant_firm, sees_all=True, mfa=False), "state": ClaimState.AWAITING_FEE,
            "created_at": uk(2027, 3, 1, 9, 0), "last_saved_at": uk(2027, 3, 1, 10, 0),
            "submitted_data": data, "claimant_name": "Ms Jane Claimant",
            "defendant_name": "Mr Dan Defendant" if defendant else "Acme Kitchens Ltd",
            "submitted_at": uk(2027, 3, 1, 11, 0), "submitted_on": date(2027, 3, 1), "sot_signed_name": "Sol Able",
            "sot_signed_on": date(2027, 3, 1), "principal": Decimal("1234.56"), "interest": Decimal("16.24"),
            "interest_to": date(2027, 3, 1), "daily_interest": Decimal("0.27"), "fee": Decimal("80.00"),
            "claimant_firm": claimant_firm, "claimant_reference": "ABL/123",
            "defendant_representation": DefendantRepresentation.REGISTERED, "defendant_firm": defendant_firm,
            "defendant_reference": "BAK/9",
        }
        values.update(fields)
        claim = Claim.objects.create(**values)
        payment = Payment.objects.create(
            claim=claim, amount=claim.fee, idempotency_key=uuid.uuid4(), provider="fake", reference=uuid.uuid4().hex,
            created_by=claim.owner, created_at=PAID_AT, updated_at=PAID_AT, status="success", completed_at=PAID_AT,
        )
        claim = claim_fee_paid(claim_id=claim.pk, payment=payment)
        travel(NOW, tick=False)
        return claim

    return make


@pytest.fixture
def solicitor(defendant_firm: Firm) -> Any:
    """A solicitor of the defendant's firm who sees all its cases (with an authenticator app, as pages need)."""
    return make_member(defendant_firm, name="Bea Baker", sees_all=True)


def save(claim: Claim, actor: Any, pages: dict[str, Any]) -> None:
    services.response_draft_save(claim_id=claim.pk, actor=actor, values=pages)


def fill(claim: Claim, actor: Any) -> None:
    """Answer every page still unanswered with plain answers."""
    for _ in range(30):
        page = questions.first_unanswered(services.situation(claim, services.response_draft(claim)))
        if page is None:
            return
        save(claim, actor, {page.slug: {**ROWS, **DQ, **MEANS_DEFAULTS}[page.slug]})


def submit(claim: Claim, actor: Any, position: str = "Partner") -> DefendantResponse:
    return services.response_submit(claim_id=claim.pk, actor=actor, signed_name="Bea Baker", signer_role=position)


# -- policy -------------------------------------------------------------------------------------------------------


def test_the_defendants_firm_solicitor_may_respond_without_a_security_code(served, solicitor):
    claim = served()
    assert claim.defendant_user_id is None
    actions = allowed_actions(solicitor, claim)
    assert {Action.VIEW, Action.RESPOND, Action.RECORD_EXTENSION, Action.READ_RESPONSE} <= actions
    assert Action.MORE_TIME not in actions, "where the claimant is represented the parties agree more time (6A.2)"


def test_who_may_not_respond(served, defendant_firm, make_user):
    claim = served()
    reader = make_member(defendant_firm, sees_all=True, solicitor=False, mfa=False)
    not_assigned = make_member(defendant_firm, mfa=False)
    claimant_solicitor = make_member(claim.claimant_firm, sees_all=True, mfa=False)
    other_firm = make_member(make_firm("Carter & Sons"), sees_all=True, mfa=False)
    assert can(reader, claim, Action.VIEW) and not can(reader, claim, Action.RESPOND)
    assert allowed_actions(reader, claim) <= {Action.VIEW, Action.DEFENDANT_DOCUMENTS, Action.READ_RESPONSE,
                                              Action.READ_JUDGMENT}
    assert not can(claimant_solicitor, claim, Action.RESPOND)
    assert not can(claim.owner, claim, Action.RESPOND)
    for outsider in (not_assigned, other_firm, make_user()):
        # Another firm may file a notice of change (21), which is no access to the claim.
        assert allowed_actions(outsider, claim) - {Action.FILE_NOTICE_OF_CHANGE} == set()
        assert not can(outsider, claim, Action.VIEW)
    with pytest.raises(NotAllowed):
        save(claim, reader, {"details": {"phone": ""}})


def test_once_the_response_is_in_the_firm_reads_it_and_responds_no_more(served, solicitor):
    claim = served()
    save(claim, solicitor, {"response_type": {"type": "full_admission"}, "details": {"phone": ""},
                            "payment_option": {"option": "immediately"}})
    submit(claim, solicitor)
    claim = Claim.objects.get(pk=claim.pk)
    assert can(solicitor, claim, Action.READ_RESPONSE) and not can(solicitor, claim, Action.RESPOND)


# -- a defence of the whole claim (6A.4) --------------------------------------------------------------------------


def test_a_defence_waits_for_its_directions_questionnaire(served, solicitor):
    claim = served()
    save(claim, solicitor, DEFENCE)
    with pytest.raises(ClaimError, match=r"directions questionnaire.*6A\.4\(1\)"):
        submit(claim, solicitor)
    assert not DefendantResponse.objects.filter(claim=claim).exists()
    claim.refresh_from_db()
    assert claim.state == ClaimState.ISSUED


def test_a_defence_states_what_cpr_16_5_asks(served, solicitor):
    claim = served()
    save(claim, solicitor, {**DEFENCE, "defence": {"text": VERSION, "denied": "", "admitted": "", "not_admitted": ""}})
    fill(claim, solicitor)
    with pytest.raises(ClaimError, match=r"denies.*CPR 16\.5"):
        submit(claim, solicitor)
    assert not DefendantResponse.objects.filter(claim=claim).exists()


def test_the_firms_defence_with_its_questionnaire_is_received_signed_by_the_solicitor(served, solicitor):
    claim = served()
    save(claim, solicitor, DEFENCE)
    fill(claim, solicitor)
    with pytest.raises(ClaimError, match="position"):
        submit(claim, solicitor, position="")
    response = submit(claim, solicitor)
    assert submit(claim, solicitor).pk == response.pk, "a double submission is the same response"
    claim.refresh_from_db()
    assert claim.state == ClaimState.AWAITING_CLAIMANT_RESPONSE
    assert response.kind == "full_defence" and response.submitted_by == solicitor
    assert response.sot_signed_name == "Bea Baker" and response.sot_signer_role == "Partner"
    assert response.sot_firm == "Baker Defence LLP" and response.by_legal_representative
    assert response.cpr_16_5 == [
        ("Allegations denied, with the reasons for denying them", DENIED),
        ("The defendant's own version of events", VERSION),
        ("Allegations admitted", ADMITTED),
        ("Allegations the defendant is unable to admit or deny and requires the claimant to prove", NOT_ADMITTED),
    ]
    assert response.data["hearing_court"] == {"court": "Bristol Civil Justice Centre"}
    assert response.mediation_willing is False
    event = claim.events.get(kind="response_received")
    assert event.actor == solicitor
    assert event.actor_label == "Bea Baker of Baker Defence LLP, the defendant's legal representative"
    assert event.summary.endswith("signed with a statement of truth by Bea Baker (Partner) of Baker Defence LLP, "
                                  "the defendant's legal representative")
    # The claimant's side is told through its firm (nobody assigned there: the firm's email for service).
    told = Notification.objects.filter(key__startswith=f"response:{claim.pk}:claimant")
    assert [n.to_email for n in told] == ["service@able.example"]
    mine = Notification.objects.filter(key__startswith=f"response:{claim.pk}:defendant")
    assert [n.to_email for n in mine] == ["service@baker.example"]


def test_the_response_pdf_has_the_representatives_statement_and_the_cpr_16_5_content(served, solicitor):
    claim = served()
    save(claim, solicitor, DEFENCE)
    fill(claim, solicitor)
    submit(claim, solicitor)
    context = response_context(Claim.objects.get(pk=claim.pk))
    sot = context["statement_of_truth"]
    assert sot.wording == RESPONSE_STATEMENT_OF_TRUTH_REPRESENTATIVE
    assert sot.wording.startswith("The defendant believes that the facts stated in this response form are true. "
                                  "The defendant understands that proceedings for contempt of court may be brought")
    assert sot.wording.endswith("I am duly authorised by the defendant to sign this statement.")
    assert (sot.signed_name, context["signer_role"], sot.firm) == ("Bea Baker", "Partner", "Baker Defence LLP")
    defence_rows = {row.question: row.answer for part in context["parts"] for section in part.sections
                    for row in section.rows}
    assert defence_rows["Which allegations in the particulars of claim does the defendant deny, and why?"] == DENIED
    assert defence_rows["What is the defendant's own version of events?"] == VERSION
    assert defence_rows["Which allegations does the defendant admit?"] == ADMITTED
    assert [part.heading for part in context["parts"]] == ["Defence (OCON9B)", "Directions questionnaire (OCON180)"]


def test_the_rendered_response_pdf_shows_the_solicitor_and_the_cpr_16_5_content(served, solicitor):
    claim = served()
    save(claim, solicitor, DEFENCE)
    fill(claim, solicitor)
    submit(claim, solicitor)
    document = ClaimDocument.objects.get(claim=claim, kind=DocumentKind.RESPONSE)
    assert document_render(document_id=document.pk)
    document.refresh_from_db()
    assert document.status == DocumentStatus.READY, document.last_error
    text = pdf_text(bytes(document.content))
    for fact in (DENIED, VERSION, ADMITTED, NOT_ADMITTED, "Bea Baker", "Partner", "Baker Defence LLP",
                 "I am duly authorised by the defendant to sign this statement.", "Directions questionnaire (OCON180)"):
        assert fact in text, fact


def test_a_defendant_in_person_against_a_represented_claimant_signs_in_their_own_words(served, make_user):
    claim = served(defendant_firm=None, defendant_representation=DefendantRepresentation.NONE, defendant_reference="")
    dan = make_user("acme@example.com", full_name="Alan Acme")
    claim = services.response_link(user=dan, claim_number=claim.claim_number, security_code=claim.security_code)
    pages = {**DEFENCE, "defence": {"text": VERSION}}
    save(claim, dan, pages)
    with pytest.raises(ClaimError, match="directions questionnaire"):  # 6A.4(1) applies to them too (6A.1)
        services.response_submit(claim_id=claim.pk, actor=dan, signed_name="Alan Acme", signer_role="Director")
    fill(claim, dan)
    response = services.response_submit(claim_id=claim.pk, actor=dan, signed_name="Alan Acme", signer_role="Director")
    assert response.sot_firm == "" and response.cpr_16_5 == []
    assert "duly authorised" not in response_context(Claim.objects.get(pk=claim.pk))["statement_of_truth"].wording


# -- a counterclaim (6A.3) ----------------------------------------------------------------------------------------


def test_a_defence_and_counterclaim_sends_the_claim_to_the_cnbc(served, solicitor):
    claim = served()
    save(claim, solicitor, {"response_type": {"type": "counterclaim"}})
    claim = services.response_counterclaim(claim_id=claim.pk, actor=solicitor)
    assert services.response_counterclaim(claim_id=claim.pk, actor=solicitor).state == ClaimState.SENT_OUT
    claim.refresh_from_db()
    assert claim.state == ClaimState.SENT_OUT and claim.sent_out_to == SentOutTo.CNBC
    assert "6A.3" in claim.sent_out_reason and "CPR Part 7" in claim.sent_out_reason
    event = claim.events.get(kind="sent_out")
    assert event.actor == solicitor
    told = {n.to_email for n in Notification.objects.filter(key__startswith=f"sent-out:{claim.pk}:")}
    assert told == {"service@able.example", "service@baker.example"}, "nobody is assigned: the firms' emails"


# -- admissions through the indication of response (7.1(4)(b), 7.2(b)) --------------------------------------------


def test_a_full_admission_by_the_firm(served, solicitor):
    claim = served()
    save(claim, solicitor, {"details": {"phone": ""}, "response_type": {"type": "full_admission"},
                            "payment_option": {"option": "immediately"}})
    response = submit(claim, solicitor)
    claim.refresh_from_db()
    assert response.kind == "full_admission" and response.admitted_amount == claim.total
    assert claim.state == ClaimState.AWAITING_CLAIMANT_RESPONSE and claim.pay_immediately_deadline is not None
    assert can(claim.owner, claim, Action.REQUEST_ADMISSION_JUDGMENT) is False  # the 5 days have not passed


def test_a_part_admission_by_the_firm_defends_the_rest_with_cpr_16_5(served, solicitor):
    claim = served()
    save(claim, solicitor, {
        "details": {"phone": ""}, "response_type": {"type": "part_admission"}, "part_paid": {"paid": "no"},
        "admitted": {"amount": "500.00"}, "defence": DEFENCE["defence"], "defence_timeline": {"rows": []},
        "defence_evidence": {"rows": []}, "payment_option": {"option": "by_set_date"},
        "payment_date": {"date": "2027-06-30"},
    })
    fill(claim, solicitor)
    response = submit(claim, solicitor)
    assert response.kind == "part_admission" and response.admitted_amount == Decimal("500.00")
    assert response.cpr_16_5[0] == ("Allegations denied, with the reasons for denying them", DENIED)


# -- the represented claimant's own plan sends the claim out (7.10(2A), 7.42A(1)(a)) -------------------------------


def test_a_represented_claimants_own_plan_sends_the_claim_out_without_the_calculation(served, solicitor):
    claim = served(defendant=DEFENDANT)
    save(claim, solicitor, {
        "details": {"phone": "", "date_of_birth": "1980-01-01"}, "response_type": {"type": "full_admission"},
        "payment_option": {"option": "instalments"},
        "instalments": {"amount": "50.00", "frequency": "monthly", "first_date": "2027-04-01"},
    })
    fill(claim, solicitor)
    submit(claim, solicitor)
    claim = Claim.objects.get(pk=claim.pk)
    assert can(claim.owner, claim, Action.ANSWER_ADMISSION)
    result = answers.claimant_reject_plan(claim_id=claim.pk, actor=claim.owner,
                                          claimant_plan=Plan.instalments(Decimal("200.00"), "monthly",
                                                                         date(2027, 4, 1)))
    assert isinstance(result, Claim)
    claim.refresh_from_db()
    assert claim.state == ClaimState.SENT_OUT and claim.sent_out_court == answers.CTSC
    assert "7.10(2A)" in claim.sent_out_reason
    answer = ClaimantAnswer.objects.get(claim=claim)
    assert answer.outcome == "sent_out" and answer.affordability is None
    told = {n.to_email for n in Notification.objects.filter(key__startswith=f"sent-out:{claim.pk}:")}
    assert told == {"service@able.example", "service@baker.example"}, "nobody is assigned: the firms' emails"
    assert "Courts and Tribunals Service Centre" in claim.events.get(kind="sent_out").summary


def test_for_a_part_admission_the_rule_is_7_42A(served, solicitor):
    claim = served(defendant=DEFENDANT)
    save(claim, solicitor, {
        "details": {"phone": "", "date_of_birth": "1980-01-01"}, "response_type": {"type": "part_admission"},
        "part_paid": {"paid": "no"}, "admitted": {"amount": "500.00"}, "defence": DEFENCE["defence"],
        "defence_timeline": {"rows": []}, "defence_evidence": {"rows": []},
        "payment_option": {"option": "instalments"},
        "instalments": {"amount": "50.00", "frequency": "monthly", "first_date": "2027-04-01"},
    })
    fill(claim, solicitor)
    submit(claim, solicitor)
    answers.claimant_reject_plan(claim_id=claim.pk, actor=claim.owner, claimant_plan=Plan.immediately())
    claim.refresh_from_db()
    assert claim.state == ClaimState.SENT_OUT and "7.42A(1)(a)" in claim.sent_out_reason


# -- the pages ----------------------------------------------------------------------------------------------------


def test_the_solicitor_defends_through_the_response_pages(served, solicitor, client):
    claim = served()
    client.force_login(solicitor)
    detail = client.get(reverse("claims:detail", kwargs={"public_id": claim.public_id})).content.decode()
    task_list = reverse("responses:task_list", kwargs={"public_id": claim.public_id})
    assert task_list in detail
    assert client.get(task_list).status_code == 200

    def question(slug: str) -> str:
        return reverse("responses:question", kwargs={"public_id": claim.public_id, "slug": slug})

    assert client.post(question("details"), {"phone": ""}).status_code == 302
    assert client.post(question("response_type"), {"type": "reject"}).status_code == 302
    assert client.post(question("reject_reason"), {"reason": "dispute"}).status_code == 302
    page = client.get(question("defence")).content.decode()
    assert "Which allegations in the particulars of claim does the defendant deny, and why?" in page
    assert "requires the claimant to" in page
    refused = client.post(question("defence"), {"text": VERSION})
    assert refused.status_code == 200
    assert "Say which allegations the defendant denies and the reasons for denying them" in refused.content.decode()
    assert client.post(question("defence"), DEFENCE["defence"]).status_code == 302
    check = reverse("responses:check", kwargs={"public_id": claim.public_id})
    early = client.get(check)
    assert early.status_code == 302 and early["Location"] != check  # the questionnaire comes first (6A.4(1))
    fill(claim, solicitor)
    page = client.get(check).content.decode()
    assert "I am duly authorised by the defendant to sign this statement." in page
    assert "Baker Defence LLP" in page and DENIED in page and NOT_ADMITTED in page
    done = client.post(check, {"believe": "on", "signed_name": "Bea Baker", "signer_role": "Solicitor"})
    assert done.status_code == 302
    assert done["Location"] == reverse("responses:submitted", kwargs={"public_id": claim.public_id})
    assert client.get(done["Location"]).status_code == 200
    response = DefendantResponse.objects.get(claim=claim)
    assert response.sot_signer_role == "Solicitor" and response.sot_firm == "Baker Defence LLP"
    detail = client.get(reverse("claims:detail", kwargs={"public_id": claim.public_id})).content.decode()
    assert "of Baker Defence LLP, the defendant&#x27;s legal representative" in detail
    assert NOT_ADMITTED in detail


def test_the_pages_are_404_to_another_firm_and_refused_to_the_claimant(served, client):
    claim = served()
    task_list = reverse("responses:task_list", kwargs={"public_id": claim.public_id})
    client.force_login(make_member(make_firm("Carter & Sons"), sees_all=True))
    assert client.get(task_list).status_code == 404
    client.force_login(make_member(claim.claimant_firm, sees_all=True))
    refused = client.get(task_list)
    assert refused.status_code == 302
    assert refused["Location"] == reverse("claims:detail", kwargs={"public_id": claim.public_id})
