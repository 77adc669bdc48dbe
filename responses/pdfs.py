"""The defendant's response as the court received it (OCON9A / OCON9B / OCON180 in one document).

Registered with ``documents.registry`` (found by ``autodiscover_modules("pdfs")``). The answers are
summarised by the response's own question pages (``responses.questions``); ``AnswerRow`` and
``AnswerSection`` are shared with the claimant's directions questionnaire (``defended.pdfs``).
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from typing import Any

from django.utils.translation import gettext_noop

from claims.models import Claim
from claims.ocon1 import ClaimForm
from claims.pdf_views import StatementOfTruth, figures, issued_header
from documents.formatting import money
from documents.models import DocumentKind
from documents.registry import register

from . import questions
from .models import DefendantResponse
from .ocon9 import MEANS_PARTY_TYPES, Kind
from .services import situation

#: PD 51R 13.1(2), signed by a defendant in person; and for a company or organisation, by the
#: person signing for it (with their role).
#: Marked for the catalogue (the check page shows it in Welsh when chosen); the PDF keeps the English.
RESPONSE_STATEMENT_OF_TRUTH = gettext_noop(
    "I believe that the facts stated in this response form are true. I understand that proceedings for "
    "contempt of court may be brought against anyone who makes, or causes to be made, a false statement "
    "in a document verified by a statement of truth without an honest belief in its truth."
)
RESPONSE_STATEMENT_OF_TRUTH_ORGANISATION = gettext_noop(
    "The defendant believes that the facts stated in this response form are true. The defendant understands "
    "that proceedings for contempt of court may be brought against anyone who makes, or causes to be made, a "
    "false statement in a document verified by a statement of truth without an honest belief in its truth."
)

#: …and signed by the defendant's legal representative for the defendant (13.1(2)'s "[The defendant believes] … [the
#: defendant understands]"), with the signer's authority to sign for them (as the represented claim form, 13.1(1)).
RESPONSE_STATEMENT_OF_TRUTH_REPRESENTATIVE = (
    f"{RESPONSE_STATEMENT_OF_TRUTH_ORGANISATION} I am duly authorised by the defendant to sign this statement."
)


def statement_of_truth_wording(*, organisation: bool, representative: bool) -> str:
    """The statement of truth the signer makes (13.1(2))."""
    if representative:
        return RESPONSE_STATEMENT_OF_TRUTH_REPRESENTATIVE
    return RESPONSE_STATEMENT_OF_TRUTH_ORGANISATION if organisation else RESPONSE_STATEMENT_OF_TRUTH


#: Which part of the response each section of answers belongs to (``responses.questions`` keys).
#: A section not listed here belongs to the response form itself (OCON9A / OCON9B).
_RESPONSE_PARTS = {"means": "means", "hearing": "dq", "mediation": "dq"}


@dataclass(frozen=True)
class AnswerRow:
    question: str
    answer: str  # may hold line breaks: the template keeps them


@dataclass(frozen=True)
class AnswerSection:
    title: str
    rows: tuple[AnswerRow, ...]


@dataclass(frozen=True)
class ResponsePart:
    """One of the forms the response is made of, with its sections of answers."""

    heading: str  # "Defence (OCON9B)", "Directions questionnaire (OCON180)", …
    sections: tuple[AnswerSection, ...]


@dataclass(frozen=True)
class ResponseView:
    """The response as received, formatted. An empty string is a figure the response does not have."""

    kind: str  # "Defence: rejects all of the claim", …
    submitted_at: datetime
    received_on: date
    late: bool
    admitted: str
    disputed: str
    paid: str
    paid_on: date | None
    plan: str  # the offer to pay, in words
    mediation: str
    preferred_court: str


def response_form_heading(kind: str) -> str:
    """The response form's own part, named by what the response is: an admission is OCON9A,
    a defence OCON9B, a part admission both."""
    if kind == Kind.FULL_ADMISSION:
        return "Admission (OCON9A)"
    if kind == Kind.PART_ADMISSION:
        return "Admission and defence (OCON9A / OCON9B)"
    return "Defence (OCON9B)"


def response_parts(kind: str, party_type: str, summary: list[dict[str, Any]]) -> list[ResponsePart]:
    """Every answered section of ``responses.questions.summary``, grouped by the form it belongs to,
    in the forms' order (the response, the statement of means, the directions questionnaire)."""
    headings = {
        "form": response_form_heading(kind),
        "means": "Statement of means (OCON9A)" if party_type in MEANS_PARTY_TYPES
        else "The defendant's finances (OCON9A)",
        "dq": "Directions questionnaire (OCON180)",
    }
    grouped: dict[str, list[AnswerSection]] = {part: [] for part in headings}
    for section in summary:
        rows = tuple(AnswerRow(str(row["question"]), str(row["answer"])) for row in section["rows"])
        if rows:
            grouped[_RESPONSE_PARTS.get(section["key"], "form")].append(AnswerSection(str(section["title"]), rows))
    return [ResponsePart(headings[part], tuple(sections)) for part, sections in grouped.items() if sections]


def mediation_text(willing: bool | None) -> str:
    """A party's answer on free mediation, in words ("" if they gave none)."""
    if willing is None:
        return ""
    return "Yes: willing to try free mediation" if willing else "No: does not want to try free mediation"


def response_view(response: Any) -> ResponseView:
    plan = response.plan
    admitted = response.admitted_amount
    disputed = response.disputed_amount if admitted is not None and response.has_defence else None
    return ResponseView(
        kind=response.get_kind_display(),
        submitted_at=response.submitted_at,
        received_on=response.received_on,
        late=response.late,
        admitted=money(admitted) if admitted is not None else "",
        disputed=money(disputed) if disputed else "",
        paid=money(response.paid_amount) if response.paid_amount is not None else "",
        paid_on=response.paid_on,
        plan=plan.describe() if plan is not None else "",
        mediation=mediation_text(response.mediation_willing),
        preferred_court=response.preferred_court,
    )


def response_context(claim: Claim, **extra: Any) -> dict[str, Any]:
    """The defendant's response as the court received it: the key facts, every answer by form, and
    the statement of truth as signed."""
    header = issued_header(claim)
    response = DefendantResponse.objects.filter(claim=claim).first()
    if response is None:
        raise ValueError(f"claim {claim.claim_number} has no response")
    form: ClaimForm = claim.form
    wording = statement_of_truth_wording(organisation=bool(response.sot_signer_role),
                                         representative=response.by_legal_representative)
    return {
        **header,
        "title": f"Response to claim {claim.claim_number}",
        "figures": figures(claim),
        "response_deadline": claim.response_deadline,
        "response": response_view(response),
        "parts": response_parts(
            response.kind, form.defendant.type, questions.summary(situation(claim, response.data))
        ),
        "statement_of_truth": StatementOfTruth(wording, response.sot_signed_name, response.sot_signed_on,
                                               response.sot_signer_role if response.sot_firm else "",
                                               response.sot_firm),
        "signer_role": response.sot_signer_role,
        # A response in Welsh: its answers above are as submitted, in Welsh; the court's English translation follows
        # once it is provided (6B.1(2)).
        "in_welsh": response.in_welsh,
        "translation": response.english_translation,
    }


register(DocumentKind.RESPONSE, template="pdf/response.html", context=response_context)
