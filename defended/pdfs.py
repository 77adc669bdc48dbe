"""A defended claim's documents: the order giving directions, the paper response pack, and the claimant's
directions questionnaire.

Registered with ``documents.registry`` (found by ``autodiscover_modules("pdfs")``). Each starts from the
claim's ``issued_header`` (``claims.pdf_views``); the questionnaire's answers are summarised by the same
question pages as the defendant's (``responses.questions``) and laid out like them (``responses.pdfs``).
"""
from __future__ import annotations

from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal
from typing import Any

from claims.constants import Referee, SentOutTo
from claims.models import Claim
from claims.ocon1 import ClaimForm
from claims.pdf_views import figures, issued_header
from court.calendar import court_calendar
from court.templatetags.govuk import govuk_date
from documents.formatting import sentence
from documents.models import DocumentKind
from documents.pdf import Section
from documents.registry import register, registration
from responses.ocon9 import Situation
from responses.pdfs import AnswerRow, AnswerSection, mediation_text
from responses.questions import core, hearing
from rules.periods import def_paper_response

from .models import ClaimantDecision, DirectionsOrder, PaperResponse
from .rules import paper_defence

# -- the order giving directions (OCON24; PD 51R 6C.1, 15.1, 19.1, 20, Table A 1) -----------


@dataclass(frozen=True)
class DirectionsOrderView:
    """An order giving directions as made: who made it, with their title (15.1(1)), what it directs and where
    the claim goes. ``reconsider_by`` is set only for a legal adviser's order (20.3)."""

    maker_name: str
    maker_title: str
    made_by: str  # "Lee Adviser, Legal adviser"
    by_legal_adviser: bool
    made_on: date
    standard: tuple[str, ...]
    free_text: str
    destination: str  # "Leeds County Court", "the County Court Money Claims Centre (CNBC)"
    reason: str
    reconsider_by: datetime | None
    #: 12 days for a defence received on paper (20.3(2A)), otherwise 7 (20.3(3)).
    reconsider_days: int


def destination_text(to: str, court_name: str) -> str:
    """Where a claim is sent, in words: the hearing centre by name where there is one."""
    if court_name:
        return court_name
    return {
        SentOutTo.CNBC: "the County Court Money Claims Centre (CNBC)",
        SentOutTo.PREFERRED_COURT: "the preferred hearing centre",
        SentOutTo.HOME_COURT: "the defendant's home court",
        SentOutTo.NAMED_CENTRE: "a County Court hearing centre",
    }.get(to, "a County Court hearing centre")


def directions_order_view(order: DirectionsOrder, *, paper_defence: bool) -> DirectionsOrderView:
    by_adviser = order.maker_role == Referee.LEGAL_ADVISER
    return DirectionsOrderView(
        maker_name=order.maker_name,
        maker_title=order.maker_title,
        made_by=f"{order.maker_name}, {order.maker_title}",
        by_legal_adviser=by_adviser,
        made_on=order.made_on,
        standard=tuple(order.standard_texts),
        free_text=order.free_text,
        destination=destination_text(order.send_out_to, order.send_out_court),
        reason=sentence(order.reason[:1].upper() + order.reason[1:]) if order.reason else "",
        reconsider_by=order.reconsider_by if by_adviser else None,
        reconsider_days=12 if paper_defence else 7,
    )


def directions_order_context(claim: Claim, **extra: Any) -> dict[str, Any]:
    """The latest order giving directions on the claim (a later order replaces the document): the maker's name
    and title (15.1(1)), the date, the standard and written directions, where the claim is sent and why, and for
    a legal adviser's order until when a party may ask a judge to reconsider it (20.3)."""
    header = issued_header(claim)
    order = DirectionsOrder.objects.filter(claim=claim).order_by("-made_at", "-pk").first()
    if order is None:
        raise ValueError(f"claim {claim.claim_number} has no order giving directions")
    return {
        **header,
        "title": f"Order: directions, claim {claim.claim_number}",
        "order": directions_order_view(order, paper_defence=paper_defence(claim)),
    }


# -- the paper forms for a defendant who cannot respond online (PD 51R 10.1) ----------------

#: The paper forms the court sends (10.1(3)), by their code.
PAPER_FORMS = {
    "OCON9": "Form OCON9: request more time to respond (the time extension form)",
    "OCON9X": "Form OCON9X: respond to a money claim (the paper response form)",
    "OCON180": "Form OCON180: directions questionnaire (what you would need if there is a court hearing)",
}


@dataclass(frozen=True)
class PaperPackView:
    """What the covering letter tells the defendant: the date the forms were sent (10.1(4)), which forms, and the
    deadlines as they stood when the forms were sent."""

    sent_on: date
    forms: tuple[str, ...]  # codes, in the order sent
    form_titles: tuple[str, ...]
    #: The paper response (OCON9X with OCON180) must be received by then (10.1(5A), (8), (9)).
    deadline: datetime
    #: OCON9 is enclosed: it must be received by then to give more time (10.1(7)) ...
    extension_by: datetime | None
    #: ... and the response is then due by this (33 days after the forms were sent, 10.1(9)).
    extended_deadline: datetime | None
    #: The defendant asked for more time when they phoned (10.1(6)(a)).
    more_time_asked: bool
    #: The defendant had more time online before they phoned: 33 days after issue (10.1(5A)).
    had_more_time_online: bool


def paper_pack_view(paper: PaperResponse) -> PaperPackView:
    cal = court_calendar()
    with_extension_form = "OCON9" in paper.forms
    offers_extension = with_extension_form and not paper.more_time_asked
    represented = paper.claim.claimant_firm_id is not None  # 10.1(7): 28 days, not 19, if the claimant is
    if paper.extension_received_at is not None:
        deadline = def_paper_response(cal, paper.sent_on, more_time=False, claimant_represented=represented)
    else:
        deadline = paper.deadline
    return PaperPackView(
        sent_on=paper.sent_on,
        forms=tuple(paper.forms),
        form_titles=tuple(PAPER_FORMS.get(code, code) for code in paper.forms),
        deadline=deadline,
        extension_by=deadline if offers_extension else None,
        extended_deadline=(def_paper_response(cal, paper.sent_on, more_time=True, claimant_represented=represented)
                           if offers_extension else None),
        more_time_asked=paper.more_time_asked,
        had_more_time_online=not with_extension_form,
    )


def paper_pack_context(claim: Claim, **extra: Any) -> dict[str, Any]:
    """The letter posted with the paper forms (10.1(3)-(4), (6)-(9B)), then a simple copy of each form to fill in.
    The security code is not in it: a paper response needs none."""
    header = issued_header(claim)
    paper = PaperResponse.objects.filter(claim=claim).first()
    if paper is None:
        raise ValueError(f"claim {claim.claim_number} has no record of the defendant asking to respond on paper")
    return {
        **header,
        "title": f"Claim {claim.claim_number}: your paper response forms",
        "figures": figures(claim),
        "pack": paper_pack_view(paper),
    }


# -- the claimant's directions questionnaire (OCON180; PD 51R 6.2(5), 6.3(5)) ----------------


@dataclass(frozen=True)
class ClaimantDqView:
    submitted_at: datetime
    received_on: date
    mediation: str
    preferred_court: str


def _generic_section(key: str, saved: dict[str, Any]) -> AnswerSection | None:
    """An answered page no question page describes: each answer under its own key, in words."""
    rows = []
    for name, value in saved.items():
        if isinstance(value, list):
            value = ", ".join(str(item) for item in value)
        if value in (None, ""):
            continue
        rows.append(AnswerRow(str(name).replace("_", " ").capitalize(), str(value)))
    return AnswerSection(key.replace("_", " ").capitalize(), tuple(rows)) if rows else None


def claimant_dq_sections(data: dict[str, Any], situation: Any) -> list[AnswerSection]:
    """The claimant's answers, summarised by the same question pages as the defendant's OCON180 (and the
    mediation page), in their order; a page of answers no question page knows is listed as saved."""
    pages = [*hearing.SECTION.pages, *core.MEDIATION.pages]
    known = {page.slug for page in pages}
    sections = []
    for page in pages:
        saved = data.get(page.slug)
        if not isinstance(saved, dict):
            continue
        rows = tuple(AnswerRow(str(q), str(a)) for q, a in page.summary(saved, situation))
        if rows:
            sections.append(AnswerSection(page.title, rows))
    for key, saved in data.items():
        if key not in known and isinstance(saved, dict) and (section := _generic_section(key, saved)):
            sections.append(section)
    return sections


def claimant_dq_context(claim: Claim, **extra: Any) -> dict[str, Any]:
    """The claimant's directions questionnaire (OCON180) and mediation answer, as received with their decision to
    continue with the claim."""
    header = issued_header(claim)
    decision = ClaimantDecision.objects.filter(claim=claim).first()
    if decision is None or decision.outcome != "continue":
        raise ValueError(f"the claimant has not continued with claim {claim.claim_number}")
    form: ClaimForm = claim.form
    situation = Situation(data=dict(decision.data), total=claim.total or Decimal(0), party_type=form.claimant.type)
    return {
        **header,
        "title": f"Claimant's directions questionnaire: claim {claim.claim_number}",
        "decision": ClaimantDqView(
            submitted_at=decision.submitted_at,
            received_on=decision.received_on,
            mediation=mediation_text(decision.mediation_willing),
            preferred_court=decision.preferred_court,
        ),
        "sections": claimant_dq_sections(dict(decision.data), situation),
    }


register(DocumentKind.DIRECTIONS_ORDER, template="pdf/directions_order.html", context=directions_order_context)
register(DocumentKind.PAPER_PACK, template="pdf/paper_pack.html", context=paper_pack_context)
register(DocumentKind.CLAIMANT_DQ, template="pdf/claimant_dq.html", context=claimant_dq_context)


# -- the trial bundle (PD 51R 6C.4) -------------------------------------------------------------------------------


def _section(heading: str, kind: str, claim: Claim) -> Section:
    """A document of the bundle printed exactly as its own kind is (its registered template and context)."""
    entry = registration(kind)
    return Section(heading=heading, template=entry.template, context=entry.context(claim))


def trial_bundle_sections(claim: Claim) -> list[Section]:
    """The trial bundle's documents in order (6C.4): the claim form with the particulars of claim; the
    statements of case that answer it (the defendant's response: its defence, any counterclaim, with the
    defendant's directions questionnaire); the claimant's directions questionnaire; then every order giving
    directions, oldest first. ValueError for a claim that has no response yet."""
    response = getattr(claim, "response", None)
    if response is None:
        raise ValueError(f"claim {claim.claim_number} has no response: there is no trial bundle yet")
    sections = [_section("Claim form and particulars of claim (sealed)", DocumentKind.SEALED_CLAIM, claim)]
    response_section = _section("", DocumentKind.RESPONSE, claim)
    parts = ", ".join(part.heading for part in response_section.context["parts"])
    sections.append(Section(f"Defendant's response: {parts}", response_section.template, response_section.context))
    if hasattr(claim, "claimant_decision"):
        sections.append(_section("Claimant's directions questionnaire (OCON180)", DocumentKind.CLAIMANT_DQ, claim))
    header = issued_header(claim)
    for order in DirectionsOrder.objects.filter(claim=claim).order_by("made_at", "pk"):
        view = directions_order_view(order, paper_defence=paper_defence(claim))
        sections.append(Section(
            f"Order giving directions made by {view.made_by} on {govuk_date(view.made_on)}",
            "pdf/directions_order.html",
            {**header, "title": f"Order: directions, claim {claim.claim_number}", "order": view},
        ))
    return sections


def trial_bundle_context(claim: Claim, **extra: Any) -> dict[str, Any]:
    """The bundle's index page: the claim, its parties and their legal representatives (the entries are the
    renderer's)."""
    return {
        **issued_header(claim),
        "title": f"Trial bundle, claim {claim.claim_number}",
        "claimant_firm": claim.claimant_firm.name if claim.claimant_firm_id else "",
        "defendant_firm": claim.defendant_firm.name if claim.defendant_firm_id else "",
    }


register(DocumentKind.TRIAL_BUNDLE, template="pdf/trial_bundle.html", context=trial_bundle_context,
         sections=trial_bundle_sections)
