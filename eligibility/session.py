"""The checker's answers, kept in the session under one key a checker (PD 51R 2.1(3)).

Anonymous people use the checker before they sign in; Django keeps session data when
someone signs in (the session key is cycled, the data stays), so the claim-drafting pages
can ask ``passed(request)`` after sign-in. A legal representative's checker
(``rules.eligibility_represented``) keeps its answers apart (``represented=True``).

- ``answers(request)``: the valid answers so far, question slug → option value.
- ``record(request, slug, value)``: keep one answer.
- ``passed(request)``: every question answered and every condition of 2.1(3) met.
- ``clear(request)``: forget the answers (for example once the claim is submitted).
"""
from __future__ import annotations

from django.http import HttpRequest

from rules import eligibility as rules
from rules.eligibility_represented import REPRESENTED

SESSION_KEY = "eligibility"
REPRESENTED_SESSION_KEY = "eligibility_represented"


def checker(represented: bool = False) -> rules.Checker:
    return REPRESENTED if represented else rules.CITIZEN


def _key(represented: bool) -> str:
    return REPRESENTED_SESSION_KEY if represented else SESSION_KEY


def answers(request: HttpRequest, *, represented: bool = False) -> dict[str, str]:
    """The answers given so far; unknown questions and values are left out."""
    stored = request.session.get(_key(represented))
    if not isinstance(stored, dict):
        return {}
    return checker(represented).valid_answers(stored)


def record(request: HttpRequest, slug: str, value: str, *, represented: bool = False) -> None:
    """Keep the answer ``value`` to question ``slug`` (both must exist in the rules)."""
    question = checker(represented).get_question(slug)
    if not question.has_option(value):
        raise ValueError(f"{value!r} is not an answer to {slug!r}")
    request.session[_key(represented)] = {**answers(request, represented=represented), slug: value}


def passed(request: HttpRequest, *, represented: bool = False) -> bool:
    """Has this person shown the claim can use this service (PD 51R 2.1(3))?"""
    return checker(represented).is_eligible(answers(request, represented=represented))


def clear(request: HttpRequest, *, represented: bool = False) -> None:
    request.session.pop(_key(represented), None)
