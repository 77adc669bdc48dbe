"""The sealed claim form of a claim made by a legal representative: both representatives (firm, address,
reference), the fixed costs, and the statement of truth in the representative's words, signed with their
position and firm (PD 51R 13.1(1), (3), (5)). Rendered for real and read back."""
from __future__ import annotations

from decimal import Decimal
from typing import Any

import pytest

from claims import ocon1
from claims.constants import DefendantRepresentation
from documents.models import DocumentKind
from documents.pdf import render_pdf
from documents.registry import context_for
from tests.firm_factories import make_firm

from .conftest import SECTIONS, document, pdf_text, submitted_data

pytestmark = pytest.mark.django_db

CLAIMANT_FIRM = {"id": 1, "name": "Able & Co Solicitors", "sra_number": "612345", "address_line1": "1 Law Street",
                 "address_line2": "", "town": "Leeds", "postcode": "LS1 4AB",
                 "service_email": "service@able.example"}


def _represented(defendant_side: dict[str, Any], **sections: Any) -> dict[str, Any]:
    data = submitted_data(**sections)
    data["representation"] = {"claimant_firm": CLAIMANT_FIRM, "claimant_reference": "ABLE/77",
                              "service_address": "firm", "additional_party": "none", **defendant_side}
    data["statement_of_truth"] = {"wording": ocon1.STATEMENT_OF_TRUTH_REPRESENTATIVE, "signed_name": "Sol Icitor",
                                  "signed_position": "Partner", "firm": "Able & Co Solicitors"}
    return data


def _sealed(claim: Any) -> str:
    name, context = context_for(document(claim, DocumentKind.SEALED_CLAIM))
    return pdf_text(render_pdf(name, context))


def test_both_representatives_their_references_fixed_costs_and_the_representatives_statement(make_issued_claim):
    claimant_firm = make_firm("Able & Co Solicitors")
    defence = make_firm("Defence Partners LLP", address_line_1="9 Bank Street", town="York", postcode="YO1 7HH",
                        service_email="serve@defence.example")
    data = _represented({"defendant": "registered", "defendant_reference": "DEF/5", "defendant_firm": {
        "id": defence.pk, "name": defence.name, "sra_number": defence.sra_number, "address_line1": "9 Bank Street",
        "address_line2": "", "town": "York", "postcode": "YO1 7HH", "service_email": "serve@defence.example"}})
    claim = make_issued_claim(
        submitted_data=data, claimant_firm=claimant_firm, claimant_reference="ABLE/77",
        defendant_representation=DefendantRepresentation.REGISTERED, defendant_firm=defence,
        defendant_reference="DEF/5", fixed_costs=Decimal("80.00"), sot_signed_name="Sol Icitor",
        sot_signed_position="Partner")
    text = _sealed(claim)
    for fact in [
        "Claimant’s legal representative", "Able & Co Solicitors", "1 Law Street", "Reference: ABLE/77",
        "Address for service: 1 Law Street, Leeds, LS1 4AB",
        "Defendant’s legal representative", "Defence Partners LLP", "9 Bank Street", "Reference: DEF/5",
        "email for service: serve@defence.example",
        "Legal representative’s costs on issue (fixed costs) £80.00",
        "Total amount £1,411.07",  # 1,234.56 + 16.51 interest + fee 80 + fixed costs 80
        "The claimant believes that the facts stated in this claim form are true.",
        "I am duly authorised by the claimant to sign this statement.",
        "Signed by Sol Icitor", "Position or office held Partner", "Firm Able & Co Solicitors",
        "Date signed 1 March 2027",
    ]:
        assert fact in text, fact
    assert "I believe that the facts" not in text


def test_a_defendant_in_person_and_a_representative_not_registered(make_issued_claim):
    in_person = make_issued_claim(submitted_data=_represented({"defendant": "none"}), fixed_costs=Decimal("80.00"),
                                  sot_signed_position="Solicitor")
    text = _sealed(in_person)
    assert "None: the defendant acts in person." in text and "Reference: ABLE/77" in text

    unregistered = make_issued_claim(
        submitted_data=_represented({"defendant": "unregistered", "defendant_rep": {
            "name": "Other & Co", "address_line1": "3 Court St", "address_line2": "", "town": "York",
            "postcode": "YO1 7HH"}}),
        defendant_representation=DefendantRepresentation.UNREGISTERED, fixed_costs=Decimal("80.00"),
        sot_signed_position="Solicitor", claim_number="000MC043")
    text = _sealed(unregistered)
    assert "Other & Co" in text and "3 Court St" in text
    assert "Not registered with the online service" in text and "2.1(7)" in text


def test_a_second_defendant_is_on_the_form(make_issued_claim):
    second = {"type": "individual", "title": "Mr", "full_name": "Dee Fendant", "address_line1": "9 Road",
              "address_line2": "", "town": "Leeds", "postcode": "LS2 7AA", "phone": "", "email": ""}
    data = _represented({"defendant": "unregistered", "additional_party": "defendant", "defendant_rep": {
        "name": "Other & Co", "address_line1": "3 Court St", "address_line2": "", "town": "York",
        "postcode": "YO1 7HH"}}, defendant2=second)
    text = _sealed(make_issued_claim(submitted_data=data, fixed_costs=Decimal("80.00"), sot_signed_position="S"))
    assert "Second defendant" in text and "Mr Dee Fendant" in text


def test_a_claim_in_person_has_no_representatives_or_fixed_costs(make_issued_claim):
    text = _sealed(make_issued_claim(submitted_data=submitted_data(**SECTIONS)))
    assert "legal representative" not in text.lower()
    assert "fixed costs" not in text and "I believe that the facts stated in this claim form are true." in text
