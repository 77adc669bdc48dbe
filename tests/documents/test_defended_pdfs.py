"""The PDFs of defended claims: the order giving directions (OCON24-style; PD 51R 15.1, 20.3), the paper forms
posted to a defendant who cannot respond online (10.1(3)-(4)) and the claimant's directions questionnaire
(OCON180), made through the real services and read back as text.

The claim (``tests.defended.conftest``): £1,000 against Mr Dan Defendant, issued on Monday 1 March 2027 and
defended online at 10:00 on Monday 8 March 2027, preferred court Leeds County Court.
"""
from __future__ import annotations

from typing import Any

import pytest
from django.urls import reverse

from claims.models import Claim
from defended import services
from defended.models import StandardDirection
from documents.models import ClaimDocument, DocumentKind, DocumentStatus
from documents.registry import context_for
from documents.services import document_render
from responses import services as response_services
from tests.conftest import uk
from tests.defended.conftest import adviser_courts, continue_claim, defence, judge, legal_adviser  # noqa: F401
from tests.responses.conftest import caseworker, issue_claim, linked  # noqa: F401

from .conftest import pdf_text

pytestmark = pytest.mark.django_db


def render(claim: Claim, kind: str) -> str:
    """The claim's document of this kind, rendered as the worker renders it, as text."""
    document = ClaimDocument.objects.get(claim=claim, kind=kind)
    ok = document_render(document_id=document.pk)
    document.refresh_from_db()
    assert ok and document.status == DocumentStatus.READY, document.last_error
    return pdf_text(bytes(document.content))


def assert_all_in(text: str, expected: list[str]) -> None:
    missing = [fact for fact in expected if fact not in text]
    assert not missing, f"missing from the PDF: {missing}\n--- text ---\n{text}"


@pytest.fixture
def with_forms(defence, adviser_courts):  # noqa: F811
    """A defence and the claimant's questionnaire, neither willing to mediate: with a legal adviser."""
    claim, _ = defence(mediation=False)
    return continue_claim(claim, mediation=False)


def test_a_legal_advisers_order_names_them_and_says_until_when_to_ask_a_judge(with_forms, legal_adviser):  # noqa: F811
    services.directions_give(claim_id=with_forms.pk, actor=legal_adviser, standard=["documents", "mediation"],
                             free_text="The claimant must send the defendant a copy of the invoice.")

    text = render(with_forms, DocumentKind.DIRECTIONS_ORDER)

    assert_all_in(text, [
        "County Court Business Centre, Online Civil Money Claims",
        "Order: directions",
        f"Claim number {with_forms.claim_number}",
        "Date of order 8 March 2027",
        "Claimant Ms Sam Claimant",
        "Defendant Mr Dan Defendant",
        # 15.1(1): the maker's name and official role
        "Made by Lee Adviser, Legal adviser, on 8 March 2027",
        StandardDirection.DOCUMENTS.label,
        StandardDirection.MEDIATION.label,
        "The claimant must send the defendant a copy of the invoice.",
        # where it goes (Table A 2) and why
        "The claim is sent out of Online Civil Money Claims to Leeds County Court.",
        "Why: Directions have been given on the directions questionnaires (6C.1(1)).",
        # 20.3: 7 days for a defence made online
        "Either party may ask for it to be reconsidered by a judge",
        "within 7 days of the date of this order: by 4pm on Monday 15 March 2027",
        "The claim will not be sent out until that time has passed",
    ])
    assert StandardDirection.WITNESSES.label not in text
    assert with_forms.security_code not in text


def test_the_document_shows_the_latest_order(with_forms, legal_adviser, judge, travel):  # noqa: F811
    services.directions_give(claim_id=with_forms.pk, actor=legal_adviser, standard=["documents"])
    assert "Lee Adviser, Legal adviser" in render(with_forms, DocumentKind.DIRECTIONS_ORDER)
    travel(uk(2027, 3, 10, 11, 0), tick=False)
    services.application_make(claim_id=with_forms.pk, actor=with_forms.owner, kind="reconsideration",
                              details="Leeds is too far for me")
    services.directions_give(claim_id=with_forms.pk, actor=judge, standard=["hearing"], to="named_centre",
                             court="Bradford County Court", reason="the claimant cannot travel to Leeds")

    text = render(with_forms, DocumentKind.DIRECTIONS_ORDER)

    assert_all_in(text, [
        "Made by Judith Bench, Judge, on 10 March 2027",
        StandardDirection.HEARING.label,
        "to Bradford County Court",
        "Why: The claimant cannot travel to Leeds.",
    ])
    assert "Lee Adviser" not in text and StandardDirection.DOCUMENTS.label not in text
    assert "reconsidered by a judge" not in text  # a judge's order: nothing to reconsider under 20.3


def test_the_paper_pack_gives_the_date_sent_the_forms_and_the_deadlines(linked, caseworker, travel):  # noqa: F811
    claim, _ = linked
    travel(uk(2027, 3, 3, 14, 0), tick=False)
    services.paper_contact_record(claim_id=claim.pk, actor=caseworker, more_time=False)

    text = render(claim, DocumentKind.PAPER_PACK)

    assert_all_in(text, [
        "Your paper response forms",
        f"Claim number {claim.claim_number}",
        "Forms sent on 3 March 2027",  # 10.1(4)
        "The court sent you these paper forms on 3 March 2027.",
        "Form OCON9: request more time to respond",
        "Form OCON9X: respond to a money claim",
        "Form OCON180: directions questionnaire",
        # 19 days after the forms were sent (10.1(7)-(8)), 33 with the OCON9 (10.1(9))
        "must receive your completed response form (OCON9X) and directions questionnaire (OCON180) by 4pm on "
        "Monday 22 March 2027",
        "so the court receives it by 4pm on Monday 22 March 2027",
        "by 4pm on Monday 5 April 2027 (33 days after the forms were sent)",
        # the forms themselves
        "Request more time to respond",
        "Respond to a money claim",
        "I dispute all of the claim (defence)",
        "do not want to try free mediation",
        "Directions questionnaire",
        "Which county court hearing centre would you prefer for a hearing?",
        "Mr Dan Defendant",
        "3 Oak Road",
    ])
    assert claim.security_code not in text


def test_a_defendant_who_had_more_time_online_gets_no_time_extension_form(linked, caseworker):  # noqa: F811
    claim, defendant = linked
    response_services.response_intention_confirm(claim_id=claim.pk, actor=defendant, more_time=True)
    services.paper_contact_record(claim_id=claim.pk, actor=caseworker, more_time=False)

    text = render(claim, DocumentKind.PAPER_PACK)

    assert_all_in(text, [
        "Forms sent on 1 March 2027",
        "by 4pm on Monday 5 April 2027",  # 33 days after issue (10.1(5A))
        "You have already been given more time to respond",
    ])
    assert "OCON9:" not in text and "Request more time to respond" not in text


def test_the_claimants_directions_questionnaire(with_forms):
    text = render(with_forms, DocumentKind.CLAIMANT_DQ)

    assert_all_in(text, [
        "Claimant's directions questionnaire",
        f"Claim number {with_forms.claim_number}",
        "The claimant continues with the claim",
        "Received by the court: 10am on Monday 8 March 2027, counts as received on 8 March 2027",
        "Free mediation No: does not want to try free mediation",
        "Preferred court Leeds County Court",
        "Directions questionnaire (OCON180)",
        "Which court would you prefer for a hearing? Leeds County Court",
        "Will you give evidence yourself? Yes",
    ])
    assert "07700 900982" not in text and "sam@example.com" not in text


def test_who_may_download_them(client, with_forms, legal_adviser, caseworker):  # noqa: F811
    services.directions_give(claim_id=with_forms.pk, actor=legal_adviser, standard=["documents"])
    for kind in (DocumentKind.DIRECTIONS_ORDER, DocumentKind.CLAIMANT_DQ):
        render(with_forms, kind)
    pack = ClaimDocument.objects.create(claim=with_forms, kind=DocumentKind.PAPER_PACK, status=DocumentStatus.READY,
                                        content=b"%PDF-1.7 pack", created_at=uk(2027, 3, 8, 10, 0))

    def status(user: Any, kind: str) -> int:
        client.force_login(user)
        return client.get(reverse("claims:document", args=[with_forms.public_id, kind])).status_code

    for user in (with_forms.owner, with_forms.defendant_user, caseworker):
        assert status(user, "directions_order") == 200
        assert status(user, "claimant_dq") == 200
    assert status(with_forms.owner, "paper_pack") == status(with_forms.defendant_user, "paper_pack") == 404
    assert status(caseworker, "paper_pack") == 200 and pack.kind == "paper_pack"


def test_a_directions_order_needs_an_order(issue_claim):  # noqa: F811
    claim = issue_claim()
    document = ClaimDocument.objects.create(claim=claim, kind=DocumentKind.DIRECTIONS_ORDER,
                                            created_at=uk(2027, 3, 1, 10, 0))
    with pytest.raises(ValueError, match="no order giving directions"):
        context_for(document)
