"""The eligibility checker: can this claim use the online service? (PD 51R 2.1(3)).

One question a page, in the order of ``rules.eligibility.QUESTIONS``. Anyone may use it,
signed in or not. A question can only be reached once every question before it is
answered and passed (``first_stop``): otherwise the person is sent to the first question
they have not answered, or to the page explaining why they cannot use the service.

A legal representative making a claim for a client uses its own checker under
``/eligibility/for-a-client/`` (``rules.eligibility_represented``, 2.1(3)(d)(ii)-(iii)): it is for a
signed-in solicitor of a firm approved on this service (their representative is "registered"); anyone
else is told why they cannot use it.
"""
from __future__ import annotations

from typing import Any

from django.contrib.auth.decorators import login_required
from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_GET, require_http_methods

from accounts.roles import acting_membership
from rules import eligibility as rules
from rules.eligibility_represented import sent_out_once_issued

from . import session
from .forms import AnswerForm


def _names(represented: bool) -> dict[str, str]:
    prefix = "eligibility:represented_" if represented else "eligibility:"
    return {name: f"{prefix}{name}" for name in ("start", "question", "eligible", "ineligible")}


def _url_for(stop: rules.Question | rules.Failure, represented: bool = False) -> str:
    names = _names(represented)
    if isinstance(stop, rules.Failure):
        return reverse(names["ineligible"], kwargs={"reason": stop.reason.slug})
    return reverse(names["question"], kwargs={"slug": stop.slug})


def solicitor_may_claim(user: Any) -> bool:
    """PD 51R 2.1(3)(d)(ii)-(iii): the claimant's legal representative is registered with the service — the
    person signed in is an active solicitor of an approved firm."""
    membership = acting_membership(user)
    return membership is not None and membership.is_solicitor


@require_GET
def start(request: HttpRequest) -> HttpResponse:
    first = rules.QUESTIONS[0]
    return render(
        request,
        "eligibility/start.html",
        {
            "first_url": reverse("eligibility:question", kwargs={"slug": first.slug}),
            "for_a_client_url": reverse("eligibility:represented_start"),
        },
    )


def _question(request: HttpRequest, slug: str, *, represented: bool) -> HttpResponse:
    checker = session.checker(represented)
    names = _names(represented)
    try:
        asked = checker.get_question(slug)
    except KeyError:
        raise Http404("No such question") from None
    answers = session.answers(request, represented=represented)
    stop = checker.first_stop(answers, before=slug)
    if stop is not None:
        return redirect(_url_for(stop, represented))
    if not asked.is_asked(answers):  # passed over for these answers (``Question.asked_if``)
        later = checker.first_stop(answers)
        return redirect(_url_for(later, represented) if later is not None else reverse(names["eligible"]))

    if request.method == "POST":
        form = AnswerForm(asked, data=request.POST)
        if form.is_valid():
            value: str = form.cleaned_data["answer"]
            session.record(request, slug, value, represented=represented)
            option = asked.option(value)
            if option.reason is not None:
                return redirect(names["ineligible"], reason=option.reason.slug)
            following = checker.following_question(slug, session.answers(request, represented=represented))
            if following is None:
                return redirect(names["eligible"])
            return redirect(names["question"], slug=following.slug)
    else:
        form = AnswerForm(asked, initial={"answer": answers.get(slug)})

    previous = checker.previous_question(slug, answers)
    back_url = (
        reverse(names["question"], kwargs={"slug": previous.slug})
        if previous is not None
        else reverse(names["start"])
    )
    return render(
        request,
        "eligibility/question.html",
        {"question": asked, "form": form, "back_url": back_url},
    )


@require_http_methods(["GET", "POST"])
def question(request: HttpRequest, slug: str) -> HttpResponse:
    return _question(request, slug, represented=False)


def _ineligible(request: HttpRequest, reason: str, *, represented: bool) -> HttpResponse:
    checker = session.checker(represented)
    try:
        failure = checker.failure_for_reason(reason)
    except KeyError:
        raise Http404("No such reason") from None
    return render(
        request,
        "eligibility/ineligible.html",
        {
            "failure": failure,
            "reason": failure.reason,
            "represented": represented,
            "question_url": reverse(_names(represented)["question"], kwargs={"slug": failure.question.slug}),
            "make_a_claim_url": rules.MAKE_A_CLAIM_URL,
            "represented_limit": f"£{rules.REPRESENTED_AMOUNT_LIMIT_POUNDS:,}",
            "for_a_client_url": reverse("eligibility:represented_start"),
        },
    )


@require_GET
def ineligible(request: HttpRequest, reason: str) -> HttpResponse:
    return _ineligible(request, reason, represented=False)


@require_GET
def eligible(request: HttpRequest) -> HttpResponse:
    stop = rules.first_stop(session.answers(request))
    if stop is not None:
        return redirect(_url_for(stop))
    return render(
        request,
        "eligibility/eligible.html",
        {
            "back_url": reverse("eligibility:question", kwargs={"slug": rules.QUESTIONS[-1].slug}),
            "first_question_url": reverse("eligibility:question", kwargs={"slug": rules.QUESTIONS[0].slug}),
        },
    )


# -- a legal representative making a claim for a client (2.1(3)(d)(ii)-(iii)) --------------------------


def _not_registered(request: HttpRequest) -> HttpResponse:
    """2.1(3)(d)(ii)-(iii): only a legal representative registered with the service may use it for a client."""
    return render(request, "eligibility/not_registered.html", {"citizen_start_url": reverse("eligibility:start")},
                  status=403)


def solicitor_page(view: Any) -> Any:
    @login_required
    def page(request: HttpRequest, *args: Any, **kwargs: Any) -> HttpResponse:
        if not solicitor_may_claim(request.user):
            return _not_registered(request)
        return view(request, *args, **kwargs)

    page.__name__ = view.__name__
    page.__doc__ = view.__doc__
    return page


@require_GET
@solicitor_page
def represented_start(request: HttpRequest) -> HttpResponse:
    """Make a claim for a client: what the service is for, then the questions."""
    first = session.checker(True).questions[0]
    return render(
        request,
        "eligibility/represented_start.html",
        {"first_url": reverse("eligibility:represented_question", kwargs={"slug": first.slug})},
    )


@require_http_methods(["GET", "POST"])
@solicitor_page
def represented_question(request: HttpRequest, slug: str) -> HttpResponse:
    return _question(request, slug, represented=True)


@require_GET
@solicitor_page
def represented_ineligible(request: HttpRequest, reason: str) -> HttpResponse:
    return _ineligible(request, reason, represented=True)


@require_GET
@solicitor_page
def represented_eligible(request: HttpRequest) -> HttpResponse:
    checker = session.checker(True)
    answers = session.answers(request, represented=True)
    stop = checker.first_stop(answers)
    if stop is not None:
        return redirect(_url_for(stop, True))
    last = [q for q in checker.questions if q.is_asked(answers)][-1]
    return render(
        request,
        "eligibility/represented_eligible.html",
        {
            "back_url": reverse("eligibility:represented_question", kwargs={"slug": last.slug}),
            "first_question_url": reverse("eligibility:represented_question",
                                          kwargs={"slug": checker.questions[0].slug}),
            "sent_out_once_issued": sent_out_once_issued(answers),
        },
    )
