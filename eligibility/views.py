"""The eligibility checker: can this claim use the online service? (PD 51R 2.1(3)).

One question a page, in the order of ``rules.eligibility.QUESTIONS``. Anyone may use it,
signed in or not. A question can only be reached once every question before it is
answered and passed (``first_stop``): otherwise the person is sent to the first question
they have not answered, or to the page explaining why they cannot use the service.
"""
from __future__ import annotations

from django.http import Http404, HttpRequest, HttpResponse
from django.shortcuts import redirect, render
from django.urls import reverse
from django.views.decorators.http import require_GET, require_http_methods

from rules import eligibility as rules

from . import session
from .forms import AnswerForm


def _url_for(stop: rules.Question | rules.Failure) -> str:
    if isinstance(stop, rules.Failure):
        return reverse("eligibility:ineligible", kwargs={"reason": stop.reason.slug})
    return reverse("eligibility:question", kwargs={"slug": stop.slug})


@require_GET
def start(request: HttpRequest) -> HttpResponse:
    first = rules.QUESTIONS[0]
    return render(
        request,
        "eligibility/start.html",
        {"first_url": reverse("eligibility:question", kwargs={"slug": first.slug})},
    )


@require_http_methods(["GET", "POST"])
def question(request: HttpRequest, slug: str) -> HttpResponse:
    try:
        asked = rules.get_question(slug)
    except KeyError:
        raise Http404("No such question") from None
    answers = session.answers(request)
    stop = rules.first_stop(answers, before=slug)
    if stop is not None:
        return redirect(_url_for(stop))

    if request.method == "POST":
        form = AnswerForm(asked, data=request.POST)
        if form.is_valid():
            value: str = form.cleaned_data["answer"]
            session.record(request, slug, value)
            option = asked.option(value)
            if option.reason is not None:
                return redirect("eligibility:ineligible", reason=option.reason.slug)
            following = rules.following_question(slug)
            if following is None:
                return redirect("eligibility:eligible")
            return redirect("eligibility:question", slug=following.slug)
    else:
        form = AnswerForm(asked, initial={"answer": answers.get(slug)})

    previous = rules.previous_question(slug)
    back_url = (
        reverse("eligibility:question", kwargs={"slug": previous.slug})
        if previous is not None
        else reverse("eligibility:start")
    )
    return render(
        request,
        "eligibility/question.html",
        {"question": asked, "form": form, "back_url": back_url},
    )


@require_GET
def ineligible(request: HttpRequest, reason: str) -> HttpResponse:
    try:
        failure = rules.failure_for_reason(reason)
    except KeyError:
        raise Http404("No such reason") from None
    return render(
        request,
        "eligibility/ineligible.html",
        {
            "failure": failure,
            "reason": failure.reason,
            "question_url": reverse("eligibility:question", kwargs={"slug": failure.question.slug}),
            "make_a_claim_url": rules.MAKE_A_CLAIM_URL,
            "represented_limit": f"£{rules.REPRESENTED_AMOUNT_LIMIT_POUNDS:,}",
        },
    )


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
