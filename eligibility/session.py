"""The checker's answers, kept in the session under one key (PD 51R 2.1(3)).

Anonymous people use the checker before they sign in; Django keeps session data when
someone signs in (the session key is cycled, the data stays), so the claim-drafting pages
can ask ``passed(request)`` after sign-in.

- ``answers(request)``: the valid answers so far, question slug → option value.
- ``record(request, slug, value)``: keep one answer.
- ``passed(request)``: every question answered and every condition of 2.1(3) met.
- ``clear(request)``: forget the answers (for example once the claim is submitted).
"""
from __future__ import annotations

from django.http import HttpRequest

from rules import eligibility as rules

SESSION_KEY = "eligibility"


def answers(request: HttpRequest) -> dict[str, str]:
    """The answers given so far; unknown questions and values are left out."""
    stored = request.session.get(SESSION_KEY)
    if not isinstance(stored, dict):
        return {}
    return rules.valid_answers(stored)


def record(request: HttpRequest, slug: str, value: str) -> None:
    """Keep the answer ``value`` to question ``slug`` (both must exist in the rules)."""
    question = rules.get_question(slug)
    if not question.has_option(value):
        raise ValueError(f"{value!r} is not an answer to {slug!r}")
    request.session[SESSION_KEY] = {**answers(request), slug: value}


def passed(request: HttpRequest) -> bool:
    """Has this person shown the claim can use this service (PD 51R 2.1(3))?"""
    return rules.is_eligible(answers(request))


def clear(request: HttpRequest) -> None:
    request.session.pop(SESSION_KEY, None)
