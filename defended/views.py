"""The parties' pages on a defended claim (PD 51R Sections 6, 7.43, 16-20).

The claimant's answer to a defence: the first question by the kind of response (continue?
paid? accept the part admitted?), then either a confirm page (not continuing, 6.2(3); the
payment received) or their directions questionnaire (OCON180, 6.2(5), 6.3(5)) and mediation
choice page by page, "Check your answers", and what happens next (6.2(5A), (12), 6.3(6)).

A party's application or request: lift a stay (N244, 16.1), another application (17.1), leave
the online service (18.1), the mediation settlement has broken down (6.2(10)-(11)), or a judge
to reconsider a legal adviser's directions (20.3).

Every page gets its claim through ``get_claim_for_user`` (404 for anyone not entitled; the
claimant's pages are 404 for the defendant too), checks its action with ``claims.policy`` and
changes nothing itself: every step goes through ``defended.services``.
"""
from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass
from decimal import Decimal
from functools import wraps
from typing import Any
from uuid import UUID

from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_http_methods

from claims.errors import ClaimError, NotAllowed
from claims.models import Claim
from claims.policy import Action, acts_for_claimant, can, require
from claims.selectors import get_claim_for_user
from claims.views import visible_documents
from documents.models import DocumentKind
from ocmc import clock
from ocmc.govuk_forms import error_items
from responses.ocon9 import Kind, Situation
from responses.questions import core, hearing
from responses.questions.base import Page, Section
from rules import periods
from rules.calendar import local
from rules.money import format_money

from . import rules, services
from .forms import ApplicationForm, DecisionForm
from .models import ApplicationKind, DecisionOutcome

#: The claimant's directions questionnaire (OCON180) then their mediation choice: the defendant's own pages.
SECTIONS: list[Section] = [hearing.SECTION, core.MEDIATION]
PAGES: list[Page] = [page for section in SECTIONS for page in section.pages]
BY_SLUG: dict[str, tuple[Section, Page]] = {page.slug: (section, page) for section in SECTIONS
                                            for page in section.pages}


# -- plumbing ---------------------------------------------------------------------------------------------


def _claimants_claim(request: HttpRequest, public_id: UUID) -> Claim:
    """The claim, for its claimant only (in person, or a user of the claimant's firm who may see it): anyone else
    (the defendant and their firm included) gets 404."""
    claim = get_claim_for_user(request.user, public_id)
    if not acts_for_claimant(request.user, claim):
        raise Http404("No such claim")
    return claim


def answer_page(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
    """A page of the claimant's answer to the defence: signed in, the claimant's claim (404
    otherwise), still to be answered (otherwise the claim's own page: a second submission lands
    there)."""

    @login_required
    @require_http_methods(["GET", "POST"])
    @wraps(view)
    def page(request: HttpRequest, public_id: UUID, **kwargs: Any) -> HttpResponse:
        claim = _claimants_claim(request, public_id)
        require(request.user, claim, Action.ANSWER_DEFENCE)  # else the claim's page says what happened
        return view(request, claim, **kwargs)

    return page


def _situation(claim: Claim, data: dict[str, Any]) -> Situation:
    """The question forms' situation for the claimant: their own answers, as an individual."""
    return Situation(data=data, total=claim.total or Decimal(0), party_type="individual")


def _answered(data: dict[str, Any], page: Page) -> bool:
    return isinstance(data.get(page.slug), dict)


def _first_unanswered(data: dict[str, Any]) -> Page | None:
    return next((page for page in PAGES if not _answered(data, page)), None)


def _url(name: str, claim: Claim, returning: bool = False, **kwargs: Any) -> str:
    url = reverse(name, kwargs={"public_id": claim.public_id, **kwargs})
    return f"{url}?return=check" if returning else url


def _returning(request: HttpRequest) -> bool:
    return request.GET.get("return") == "check"


def _continue_url(claim: Claim) -> str:
    """Where the claimant who continues goes next: the first page not yet answered, else the check page."""
    missing = _first_unanswered(services.decision_draft(claim))
    if missing is None:
        return _url("defended:check", claim)
    return _url("defended:question", claim, slug=missing.slug)


def _first_answer(response: Any, *, represented: bool = False) -> tuple[str, str]:
    """The first question as the claimant answered it to take the continue path (for "Check your answers")."""
    if response.kind == Kind.STATES_PAID:
        return f"Has the defendant paid you {format_money(response.paid_amount)}?", "No"
    if response.kind == Kind.PART_ADMISSION:
        return (f"Do you accept {format_money(response.admitted_amount)} in full settlement of your claim?",
                "No: the defendant’s response is treated as a defence of the whole claim")
    if represented:
        return "Does your client want to continue with the claim?", "Yes"
    return "Do you want to continue with the claim?", "Yes"


def _defence_text(response: Any) -> str:
    defence = response.data.get("defence") if isinstance(response.data, dict) else None
    return str(defence.get("text", "")) if isinstance(defence, dict) else ""


# -- the first question ------------------------------------------------------------------------------------


@answer_page
def respond(request: HttpRequest, claim: Claim) -> HttpResponse:
    """The defendant's response, and the first question by its kind (6.2(2), 6.3(2), 7.43)."""
    response = claim.response
    form = DecisionForm(request.POST if request.method == "POST" else None, response=response,
                        represented=claim.claimant_firm_id is not None)
    if request.method == "POST" and form.is_valid():
        if response.kind == Kind.PART_ADMISSION and form.yes:
            try:
                services.claimant_decide(claim_id=claim.pk, actor=request.user,
                                         outcome=DecisionOutcome.ACCEPTS_PART_ADMISSION)
            except NotAllowed:
                raise  # the claim moved on: StaleStepMiddleware
            except ClaimError as exc:
                form.add_error("answer", str(exc))
            else:
                messages.success(request, f"You accepted {format_money(response.admitted_amount)} in full "
                                          "settlement of your claim.")
                return redirect("claims:detail", public_id=claim.public_id)
        elif response.kind == Kind.STATES_PAID and form.yes:
            return redirect("defended:confirm_paid", public_id=claim.public_id)
        elif response.kind not in (Kind.STATES_PAID, Kind.PART_ADMISSION) and not form.yes:
            return redirect("defended:not_continue", public_id=claim.public_id)
        else:
            return redirect(_continue_url(claim))
    return render(request, "defended/respond.html", {
        "claim": claim, "response": response, "form": form, "errors": error_items(form),
        "defence_text": _defence_text(response), "back_url": reverse("claims:detail", args=[claim.public_id]),
        "documents": [doc for doc in visible_documents(request.user, claim) if doc.kind == DocumentKind.RESPONSE],
    })


def _decide(request: HttpRequest, claim: Claim, outcome: DecisionOutcome, template: str,
            context: dict[str, Any]) -> HttpResponse:
    """A confirm page: the claimant's answer is sent when they press the button."""
    error = ""
    if request.method == "POST":
        try:
            services.claimant_decide(claim_id=claim.pk, actor=request.user, outcome=outcome)
        except NotAllowed:
            raise  # the claim moved on: StaleStepMiddleware
        except ClaimError as exc:
            error = str(exc)
        else:
            return redirect("defended:decided", public_id=claim.public_id)
    return render(request, template, {
        "claim": claim, "response": claim.response, "errors": [("", error)] if error else [],
        "back_url": reverse("defended:respond", args=[claim.public_id]), **context,
    })


@answer_page
def not_continue(request: HttpRequest, claim: Claim) -> HttpResponse:
    """The claimant does not wish to continue: the claim is stayed (6.2(3), 6.3(3))."""
    return _decide(request, claim, DecisionOutcome.NOT_CONTINUE, "defended/not_continue.html", {})


@answer_page
def confirm_paid(request: HttpRequest, claim: Claim) -> HttpResponse:
    """The defendant says they paid the claim, and the claimant confirms it: the claim is settled."""
    if claim.response.kind != Kind.STATES_PAID:
        return redirect("defended:respond", public_id=claim.public_id)
    return _decide(request, claim, DecisionOutcome.PAYMENT_CONFIRMED, "defended/confirm_paid.html", {})


# -- the claimant's directions questionnaire and mediation (6.2(5), 6.3(5)) ------------------------------------


@answer_page
def question(request: HttpRequest, claim: Claim, slug: str) -> HttpResponse:
    try:
        section, page = BY_SLUG[slug]
    except KeyError:
        raise Http404("No such question") from None
    assert page.form is not None
    data = services.decision_draft(claim)
    situation = _situation(claim, data)
    saved = data.get(slug) if isinstance(data.get(slug), dict) else {}
    posted = request.POST if request.method == "POST" else None
    form = page.form(posted, initial=page.form.initial_from(saved), situation=situation, today=clock.today())
    if request.method == "POST" and form.is_valid():
        try:
            draft = services.decision_draft_save(claim_id=claim.pk, actor=request.user, values={slug: form.saved()})
        except NotAllowed:
            raise  # the claim moved on: StaleStepMiddleware
        except ClaimError as exc:
            messages.error(request, str(exc))
            return redirect("claims:detail", public_id=claim.public_id)
        return redirect(_after(request, claim, page, draft.data))
    single = len([name for name in form.fields if name not in form.revealed_names]) == 1
    return render(request, "defended/question.html", {
        "claim": claim, "response": claim.response, "section": section, "page": page, "form": form,
        "single": single, "errors": error_items(form), "returning": _returning(request),
        "back_url": _back(request, claim, page),
    })


def _after(request: HttpRequest, claim: Claim, page: Page, data: dict[str, Any]) -> str:
    returning = _returning(request)
    following = PAGES[PAGES.index(page) + 1] if page is not PAGES[-1] else None
    if following is not None and not (returning and _answered(data, following)):
        return _url("defended:question", claim, returning=returning, slug=following.slug)
    if _first_unanswered(data) is None:
        return _url("defended:check", claim)
    return _continue_url(claim)


def _back(request: HttpRequest, claim: Claim, page: Page) -> str:
    if _returning(request):
        return _url("defended:check", claim)
    index = PAGES.index(page)
    if index:
        return _url("defended:question", claim, slug=PAGES[index - 1].slug)
    return _url("defended:respond", claim)


@answer_page
def check(request: HttpRequest, claim: Claim) -> HttpResponse:
    """Every answer with a link to change it; submitting sends the OCON180 and mediation choice (6.2(5))."""
    data = services.decision_draft(claim)
    missing = _first_unanswered(data)
    if missing is not None:
        messages.info(request, "Answer every question before you check your answers.")
        return redirect("defended:question", public_id=claim.public_id, slug=missing.slug)
    response = claim.response
    error = ""
    if request.method == "POST":
        try:
            services.claimant_decide(
                claim_id=claim.pk, actor=request.user, outcome=DecisionOutcome.CONTINUE,
                data={page.slug: data[page.slug] for page in PAGES},
                mediation_willing=data["mediation"].get("willing") == "yes",
                preferred_court=str(data["hearing_court"].get("court") or ""),
            )
        except NotAllowed:
            raise  # the claim moved on: StaleStepMiddleware
        except ClaimError as exc:
            error = str(exc)
        else:
            return redirect("defended:decided", public_id=claim.public_id)
    situation = _situation(claim, data)
    sections = []
    for section in SECTIONS:
        rows = [{"question": label, "answer": value, "slug": page.slug}
                for page in section.pages for label, value in page.summary(data[page.slug], situation)]
        sections.append({"title": section.title, "rows": rows})
    first_question, first_answer = _first_answer(response, represented=claim.claimant_firm_id is not None)
    return render(request, "defended/check.html", {
        "claim": claim, "response": response, "sections": sections, "first_question": first_question,
        "first_answer": first_answer, "errors": [("", error)] if error else [],
        "back_url": _url("defended:question", claim, slug=PAGES[-1].slug),
    })


@login_required
def decided(request: HttpRequest, public_id: UUID) -> HttpResponse:
    """What the claimant told the court, and what happens next by where the claim now stands."""
    claim = _claimants_claim(request, public_id)
    decision = getattr(claim, "claimant_decision", None)
    if decision is None:
        return redirect("claims:detail", public_id=claim.public_id)
    return render(request, "defended/decided.html", {
        "claim": claim, "decision": decision,
        "counts_later": decision.received_on != local(decision.submitted_at).date(),
        "mediation_last_day": periods.med_28_last_day(decision.received_on),
        "mediation_referred": services.mediation_referred(claim),
    })


# -- a party's application or request (16.1, 17.1, 18.1, 6.2(10)-(11), 20.3) ------------------------------------


@dataclass(frozen=True)
class ApplicationPage:
    title: str
    details_label: str
    details_hint: str
    button: str


APPLICATION_PAGES: dict[ApplicationKind, ApplicationPage] = {
    ApplicationKind.LIFT_STAY: ApplicationPage(
        "Apply to lift the stay", "What do you want the court to do, and why?",
        "For example, why the claim should go ahead now. Say the same as on your form N244.",
        "Send your application"),
    ApplicationKind.OTHER: ApplicationPage(
        "Make an application or request to the court", "What are you asking the court for, and why?",
        "Give the court the details it needs to decide", "Send your application"),
    ApplicationKind.LEAVE_ONLINE: ApplicationPage(
        "Ask for the claim to leave the online service", "Why do you no longer want to use the online service?",
        "", "Send your request"),
    ApplicationKind.SETTLEMENT_BROKEN: ApplicationPage(
        "Tell the court the mediation settlement has broken down", "What has happened?",
        "For example, what the other party agreed to do and has not done", "Tell the court"),
    ApplicationKind.RECONSIDERATION: ApplicationPage(
        "Ask a judge to reconsider the legal adviser’s decision", "Why should a judge reconsider the decision?",
        "Say which of the directions you disagree with, and why", "Send your request"),
}

#: Kinds in URLs ("lift-stay").
KIND_SLUGS: dict[str, ApplicationKind] = {kind.value.replace("_", "-"): kind for kind in ApplicationKind}


def _party_page(request: HttpRequest, claim: Claim) -> str:
    """The claim's page for this party."""
    name = "responses:claim" if claim.defendant_user_id == request.user.pk else "claims:detail"
    return reverse(name, args=[claim.public_id])


@login_required
@require_http_methods(["GET", "POST"])
def apply(request: HttpRequest, public_id: UUID, kind: str) -> HttpResponse:
    """One form for every kind of application: what is asked and why, and the N244 to lift a stay."""
    try:
        application_kind = KIND_SLUGS[kind]
    except KeyError:
        raise Http404("No such application") from None
    claim = get_claim_for_user(request.user, public_id)
    back = _party_page(request, claim)
    if not can(request.user, claim, services.APPLICATION_ACTIONS[application_kind]):
        return redirect(back)
    page = APPLICATION_PAGES[application_kind]
    posted = request.method == "POST"
    form = ApplicationForm(request.POST if posted else None, request.FILES if posted else None,
                           kind=application_kind, details_label=page.details_label, details_hint=page.details_hint)
    if posted and form.is_valid():
        try:
            application = services.application_make(claim_id=claim.pk, actor=request.user, kind=application_kind,
                                                    details=form.details_text(), upload=form.upload())
        except NotAllowed:
            raise  # the claim moved on: StaleStepMiddleware
        except ClaimError as exc:
            form.add_error(None, str(exc))
        else:
            return redirect("defended:application_sent", public_id=claim.public_id, application_id=application.pk)
    return render(request, "defended/apply.html", {
        "claim": claim, "kind": application_kind, "page": page, "form": form, "errors": error_items(form),
        "back_url": back, "preferred_court": rules.preferred_court(claim),
        "order": claim.directions_orders.order_by("-made_at", "-pk").first(),
    })


@login_required
def application_sent(request: HttpRequest, public_id: UUID, application_id: int) -> HttpResponse:
    """The party's application as received, and what happens next."""
    claim = get_claim_for_user(request.user, public_id)
    application = claim.applications.filter(pk=application_id, made_by=request.user).first()
    if application is None:
        raise Http404("No such application")
    return render(request, "defended/application_sent.html", {
        "claim": claim, "application": application, "claim_url": _party_page(request, claim),
    })
