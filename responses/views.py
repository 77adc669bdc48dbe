"""The defendant's pages: link the claim, more time, the response task list and its questions,
check your answers and submit (PD 51R Section 5).

Every page gets its claim through ``get_claim_for_user`` (404 for anyone not entitled) and
checks the action it needs with ``claims.policy``; every change goes through
``responses.services``.
"""
from __future__ import annotations

from collections.abc import Callable
from functools import wraps
from typing import Any
from uuid import UUID

from django import forms
from django.contrib import messages
from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.utils import translation
from django.utils.http import url_has_allowed_host_and_scheme
from django.utils.translation import gettext_lazy as _
from django.views.decorators.http import require_http_methods, require_POST

from claims import status as claim_status
from claims.errors import ClaimError, NotAllowed
from claims.models import Claim
from claims.policy import Action, allowed_actions, can, require
from claims.selectors import get_claim_for_user
from claims.views import visible_documents
from court.calendar import court_calendar
from ocmc import clock
from ocmc.govuk_forms import GovukDateField, GovukForm, error_items, row_initial, text
from rules import periods, represented, welsh

from . import linking, ocon9, questions, services
from .models import DefendantResponse
from .pdfs import statement_of_truth_wording

# -- plumbing -------------------------------------------------------------------------------------


def respond_page(view: Callable[..., HttpResponse]) -> Callable[..., HttpResponse]:
    """A page of the response: signed in, the defendant's claim (404 otherwise), still open
    for a response (otherwise the claim's own page)."""

    @login_required
    @require_http_methods(["GET", "POST"])
    @wraps(view)
    def page(request: HttpRequest, public_id: UUID, **kwargs: Any) -> HttpResponse:
        claim = get_claim_for_user(request.user, public_id)
        require(request.user, claim, Action.RESPOND)  # else the claim's page says what happened
        request.welsh_available = services.welsh_available(claim, request.user)  # type: ignore[attr-defined]
        request.response_language = services.draft_language(claim, request.user)  # type: ignore[attr-defined]
        with translation.override(page_language(request.response_language)):  # type: ignore[attr-defined]
            return view(request, claim, **kwargs)

    return page


def page_language(language: str) -> str:
    """The Django language code for a response's language (the site's own is en-gb)."""
    return "cy" if language == welsh.WELSH else "en-gb"


def render_page(request: HttpRequest, template: str, context: dict[str, Any], **kwargs: Any) -> HttpResponse:
    """A response page, in the language chosen for it (``<html lang>`` too)."""
    language = getattr(request, "response_language", welsh.ENGLISH)
    return render(request, template, {"html_lang": "cy" if language == welsh.WELSH else "en", **context}, **kwargs)


@login_required
@require_POST
def language(request: HttpRequest, public_id: UUID) -> HttpResponse:
    """The "Cymraeg" / "English" switch of the response pages: back to the page it was pressed on."""
    claim = get_claim_for_user(request.user, public_id)
    require(request.user, claim, Action.RESPOND)
    try:
        services.response_language_choose(claim_id=claim.pk, actor=request.user,
                                          language=request.POST.get("language", ""))
    except NotAllowed:
        raise
    except ClaimError as exc:
        messages.error(request, str(exc))
    back = request.POST.get("next", "")
    own = reverse("responses:task_list", kwargs={"public_id": claim.public_id})
    if not back.startswith(own) or not url_has_allowed_host_and_scheme(back, allowed_hosts=None):
        back = own
    return redirect(back)


def _url(name: str, claim: Claim, returning: bool = False, **kwargs: Any) -> str:
    url = reverse(name, kwargs={"public_id": claim.public_id, **kwargs})
    return f"{url}?return=check" if returning else url


def _returning(request: HttpRequest) -> bool:
    return request.GET.get("return") == "check"


def _situation(claim: Claim) -> ocon9.Situation:
    return services.situation(claim, services.response_draft(claim))


# -- finding the claim ------------------------------------------------------------------------------


class LinkForm(GovukForm):
    claim_number = text("Claim number", required="Enter the claim number", max_length=20,
                        help_text="For example, 000MC001", attrs={"class": "govuk-input--width-10",
                                                                 "spellcheck": "false", "autocomplete": "off"})
    security_code = text("Security code", required="Enter the security code", max_length=20,
                         help_text="It is on the letter from the court, under the claim number",
                         attrs={"class": "govuk-input--width-10", "spellcheck": "false", "autocomplete": "off"})
    summary_field = "claim_number"


@login_required
@require_http_methods(["GET", "POST"])
def link(request: HttpRequest) -> HttpResponse:
    """Respond to a claim: enter the claim number and security code from the court's letter."""
    form = LinkForm(request.POST or None)
    if request.method == "POST" and form.is_valid():
        if linking.blocked(request):
            form.add_error(None, linking.BLOCKED_MESSAGE)
        else:
            try:
                claim = services.response_link(user=request.user, claim_number=form.cleaned_data["claim_number"],
                                               security_code=form.cleaned_data["security_code"])
            except services.LinkRefused as exc:
                linking.failed(request)
                form.add_error(None, str(exc))
            else:
                return redirect("responses:claim", public_id=claim.public_id)
    return render(request, "responses/link.html", {"form": form, "errors": error_items(form)},
                  status=200 if not form.errors else 400)


# -- the defendant's view of the claim --------------------------------------------------------------


@login_required
def claim_page(request: HttpRequest, public_id: UUID) -> HttpResponse:
    claim = get_claim_for_user(request.user, public_id)
    if claim.defendant_user_id != request.user.pk:
        return redirect("claims:detail", public_id=claim.public_id)
    response = DefendantResponse.objects.filter(claim=claim).first()
    return render(request, "responses/claim.html", {
        "claim": claim,
        "form": claim.form,
        "status": claim_status.for_defendant(claim),
        "actions": {str(action) for action in allowed_actions(request.user, claim)},
        "response": response,
        "judgment": getattr(claim, "judgment", None),
        "events": claim.events.all(),
        "documents": visible_documents(request.user, claim),
    })


# -- more time (5.1(1), (7)) --------------------------------------------------------------------------


class MoreTimeForm(GovukForm):
    more_time = forms.ChoiceField(
        label="Do you need more time to respond?", widget=forms.RadioSelect,
        choices=[("no", "No, I will respond by the deadline"), ("yes", "Yes, I need up to 14 more days")],
        error_messages={"required": "Select yes if you need more time to respond",
                        "invalid_choice": "Select yes if you need more time to respond"},
    )


@respond_page
def more_time(request: HttpRequest, claim: Claim) -> HttpResponse:
    if claim.more_time_requested_at is not None:
        messages.info(request, "You have already been given more time to respond.")
        return redirect("responses:task_list", public_id=claim.public_id)
    form = MoreTimeForm(request.POST or None)
    if not can(request.user, claim, Action.MORE_TIME):
        form.fields["more_time"].choices = form.fields["more_time"].choices[:1]
    if request.method == "POST" and form.is_valid():
        try:
            services.response_intention_confirm(claim_id=claim.pk, actor=request.user,
                                                more_time=form.cleaned_data["more_time"] == "yes")
        except NotAllowed:
            raise  # the claim moved on: StaleStepMiddleware
        except ClaimError as exc:
            form.add_error("more_time", str(exc))
        else:
            return redirect("responses:task_list", public_id=claim.public_id)
    return render(request, "responses/more_time.html", {
        "claim": claim, "form": form, "errors": error_items(form),
        "extended_deadline": periods.def_33(court_calendar(), claim.issue_date),
        "may_extend": can(request.user, claim, Action.MORE_TIME),
        **_extension_context(request, claim),
    })


# -- an extension agreed with a represented claimant (6A.2(2)-(4)) ----------------------------------------------


class AgreedExtensionForm(GovukForm):
    last_day = GovukDateField(
        label="The last day you agreed", noun="The last day you agreed",
        required_message="Enter the last day you agreed with the claimant's legal representative",
        help_text="The defendant must then respond by 4pm on that day. For example, 27 3 2027",
    )
    summary_field = "last_day"


def _extension_context(request: HttpRequest, claim: Claim, form: AgreedExtensionForm | None = None) -> dict[str, Any]:
    """What the pages say about an agreed extension: the form while one can be recorded, else why not."""
    if not can(request.user, claim, Action.RECORD_EXTENSION):
        return {"may_record_extension": False}
    closed = represented.extension_recordable(
        court_calendar(), claim.issue_date, now=clock.now(),
        extension_recorded=claim.response_extension_recorded_at is not None)
    return {
        "may_record_extension": closed is None,
        "extension_closed": closed,
        "extension_form": form or AgreedExtensionForm(),
        "latest_agreed_day": represented.latest_agreed_day(claim.issue_date),
        "ctsc_application": represented.CTSC_APPLICATION,
        "ctsc_where": services.ctsc_where(),
        "extension_url": reverse("responses:agreed_extension", kwargs={"public_id": claim.public_id}),
    }


@login_required
@require_http_methods(["GET", "POST"])
def agreed_extension(request: HttpRequest, public_id: UUID) -> HttpResponse:
    """The defendant's side records the extension agreed with the claimant's legal representative."""
    claim = get_claim_for_user(request.user, public_id)
    require(request.user, claim, Action.RECORD_EXTENSION)  # else the claim's page says what happened
    form = AgreedExtensionForm(request.POST if request.method == "POST" else None)
    if request.method == "POST" and form.is_valid():
        try:
            services.response_extension_record(claim_id=claim.pk, actor=request.user,
                                               new_last_day=form.cleaned_data["last_day"])
        except NotAllowed:
            raise  # the claim moved on: StaleStepMiddleware
        except ClaimError as exc:
            form.add_error("last_day", str(exc))
        else:
            return redirect("responses:agreed_extension", public_id=claim.public_id)
    back = (reverse("responses:task_list", kwargs={"public_id": claim.public_id})
            if claim.defendant_user_id == request.user.pk
            else reverse("claims:detail", kwargs={"public_id": claim.public_id}))
    return render(request, "responses/agreed_extension.html", {
        "claim": claim, "errors": error_items(form), "back_url": back,
        **_extension_context(request, claim, form),
    }, status=400 if form.errors else 200)


# -- the task list ------------------------------------------------------------------------------------


@respond_page
def task_list(request: HttpRequest, claim: Claim) -> HttpResponse:
    situation = _situation(claim)
    items = []
    for section, pages in questions.applicable(situation):
        done = all(questions.answered(page, situation.data) for page in pages)
        first = next((page for page in pages if not questions.answered(page, situation.data)), pages[0])
        items.append({"title": section.title, "url": _url("responses:question", claim, slug=first.slug),
                      "state": "completed" if done else "incomplete"})
    complete = questions.complete(situation)
    return render_page(request, "responses/task_list.html", {
        "claim": claim,
        "items": items,
        "intention_done": claim.intention_confirmed_at is not None,
        "complete": complete,
        "completed_count": sum(1 for item in items if item["state"] == "completed"),
    })


# -- one question page ------------------------------------------------------------------------------------


@respond_page
def question(request: HttpRequest, claim: Claim, slug: str) -> HttpResponse:
    try:
        section, page = questions.PAGES[slug]
    except KeyError:
        raise Http404("No such question") from None
    situation = _situation(claim)
    if not page.applies(situation):
        return redirect("responses:task_list", public_id=claim.public_id)
    saved = situation.data.get(slug) if isinstance(situation.data.get(slug), dict) else {}
    posted = request.POST if request.method == "POST" else None
    today = clock.today()
    form = formset = None
    if page.row_form is not None:
        keys = tuple(page.row_form.base_fields)
        rows = saved.get("rows", [])
        formset_class = page.formset_class()
        extra = request.method == "POST" and request.POST.get("action") == "add"
        initial = None if posted else row_initial(rows, keys, at_least=page.rows_at_first)
        formset = formset_class(posted, initial=initial, prefix="rows")
        if request.method == "POST":
            if extra:
                # Add a row without saving: draw again what was typed, plus an empty row.
                raw = [form.raw() for form in formset.forms] if formset.is_bound else []
                raw.append({key: "" for key in keys})
                formset = formset_class(initial=raw, prefix="rows")
            elif formset.is_valid():
                value: dict[str, Any] = {"rows": formset.rows()}
                return _save_and_go(request, claim, page, value)
    else:
        assert page.form is not None
        form = page.form(posted, initial=page.form.initial_from(saved), situation=situation, today=today)
        if request.method == "POST" and form.is_valid():
            if slug == "response_type" and form.cleaned_data["type"] == ocon9.ResponseType.COUNTERCLAIM:
                services.response_draft_save(claim_id=claim.pk, actor=request.user, values={slug: form.saved()})
                return redirect("responses:counterclaim", public_id=claim.public_id)
            return _save_and_go(request, claim, page, form.saved())
    single = form is not None and len([name for name in form.fields if name not in form.revealed_names]) == 1
    return render_page(request, "responses/question.html", {
        "claim": claim, "section": section, "page": page, "form": form, "formset": formset,
        "single": single, "errors": error_items(form, formset), "returning": _returning(request),
        "situation": situation, "back_url": _back(request, claim, slug, situation),
    })


def _save_and_go(request: HttpRequest, claim: Claim, page: questions.Page, value: dict[str, Any]) -> HttpResponse:
    try:
        draft = services.response_draft_save(claim_id=claim.pk, actor=request.user, values={page.slug: value})
    except NotAllowed:
        raise  # the claim moved on: StaleStepMiddleware
    except ClaimError as exc:
        messages.error(request, str(exc))
        return redirect("responses:claim", public_id=claim.public_id)
    situation = services.situation(claim, draft.data)
    following = questions.next_page(page.slug, situation)
    if following is not None and not (_returning(request) and questions.answered(following, situation.data)):
        return redirect(_url("responses:question", claim, returning=_returning(request), slug=following.slug))
    if _returning(request) or questions.complete(situation):
        return redirect("responses:check", public_id=claim.public_id)
    return redirect("responses:task_list", public_id=claim.public_id)


def _back(request: HttpRequest, claim: Claim, slug: str, situation: ocon9.Situation) -> str:
    if _returning(request):
        return _url("responses:check", claim)
    section, page = questions.PAGES[slug]
    earlier = [p for p in section.pages[: section.pages.index(page)] if p.applies(situation)]
    if earlier:
        return _url("responses:question", claim, slug=earlier[-1].slug)
    return _url("responses:task_list", claim)


# -- counterclaim (Table A, 9.1) -------------------------------------------------------------------------------


@respond_page
def counterclaim(request: HttpRequest, claim: Claim) -> HttpResponse:
    if request.method == "POST":
        try:
            services.response_counterclaim(claim_id=claim.pk, actor=request.user)
        except NotAllowed:
            raise  # the claim moved on: StaleStepMiddleware
        except ClaimError as exc:
            messages.error(request, str(exc))
        else:
            return redirect("responses:claim", public_id=claim.public_id)
    return render_page(request, "responses/counterclaim.html", {
        "claim": claim, "represented_claimant": claim.claimant_firm_id is not None,
        "representative": services.defendant_firm_of(request.user, claim) is not None})


# -- check your answers and submit (13.1(2)) ---------------------------------------------------------------------


class ResponseStatementOfTruthForm(GovukForm):
    """The statement of truth (13.1(2)): the defendant in person ("I believe…"), someone signing for a company or
    organisation with their role, or the defendant's legal representative with their position and firm."""

    believe = forms.BooleanField(
        label=_("I believe that the facts stated in this response form are true"),
        error_messages={"required": _("Confirm that you believe the facts stated in this response are true")},
    )
    signed_name = text(_("Full name"), required=_("Enter your full name to sign the statement of truth"),
                       max_length=100, attrs={"autocomplete": "name", "spellcheck": "false"})
    signer_role = text(_("Your position or role"), required=_("Enter your position or role in the organisation"),
                       max_length=100, help_text=_("For example, director or finance manager"))

    def __init__(self, *args: Any, organisation: bool, representative: bool = False, **kwargs: Any) -> None:
        super().__init__(*args, **kwargs)
        if representative:
            self.fields["believe"].label = ("The defendant believes that the facts stated in this response form are "
                                            "true, and I am duly authorised by the defendant to sign this statement")
            self.fields["signer_role"].label = "Your position in the firm"
            self.fields["signer_role"].help_text = "For example, solicitor or partner"
            self.fields["signer_role"].error_messages["required"] = "Enter your position in the firm"
        elif organisation:
            self.fields["believe"].label = _("The defendant believes that the facts stated in this response form are "
                                             "true")
        else:
            del self.fields["signer_role"]


@respond_page
def check(request: HttpRequest, claim: Claim) -> HttpResponse:
    situation = _situation(claim)
    if situation.response_type == ocon9.ResponseType.COUNTERCLAIM:
        return redirect("responses:counterclaim", public_id=claim.public_id)
    missing = questions.first_unanswered(situation)
    if situation.kind is None or missing is not None:
        messages.info(request, "Answer every question before you check your answers.")
        target = missing.slug if missing is not None else "response_type"
        return redirect("responses:question", public_id=claim.public_id, slug=target)
    organisation = situation.party_type not in ocon9.MEANS_PARTY_TYPES
    firm = services.defendant_firm_of(request.user, claim)
    form = ResponseStatementOfTruthForm(request.POST or None, organisation=organisation,
                                        representative=firm is not None)
    if request.method == "POST" and form.is_valid():
        try:
            services.response_submit(claim_id=claim.pk, actor=request.user,
                                     signed_name=form.cleaned_data["signed_name"],
                                     signer_role=form.cleaned_data.get("signer_role", ""),
                                     language=request.response_language)  # type: ignore[attr-defined]
        except NotAllowed:
            raise  # the claim moved on: StaleStepMiddleware
        except ClaimError as exc:
            form.add_error(None, str(exc))
        else:
            return redirect("responses:submitted", public_id=claim.public_id)
    return render_page(request, "responses/check.html", {
        "claim": claim, "form": form, "errors": error_items(form), "sections": questions.summary(situation),
        "kind": ocon9.KIND_LABELS[situation.kind], "organisation": organisation, "firm": firm,
        "statement_of_truth": translation.gettext(
            statement_of_truth_wording(organisation=organisation, representative=firm is not None)),
    })


@login_required
def submitted(request: HttpRequest, public_id: UUID) -> HttpResponse:
    claim = get_claim_for_user(request.user, public_id)
    response = DefendantResponse.objects.filter(claim=claim).first()
    if response is None or not services.acts_for_defendant(request.user, claim):
        return redirect("responses:claim", public_id=claim.public_id)
    with translation.override(page_language(response.language)):
        return render(request, "responses/submitted.html", {
            "claim": claim, "response": response, "representative": response.by_legal_representative,
            "html_lang": "cy" if response.in_welsh else "en"})
