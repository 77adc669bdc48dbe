"""Can this claim use the online service? PD 51R paragraph 2.1(3), as questions.

PD 51R 2.1(3): "A claim is only suitable for the pilot if all the following conditions are
met". This service is the one for a claimant acting in person (2.1(3)(d)(i)), so the
amount limit is £10,000 including interest (2.1(3)(a) with 2.1(6)(a)).

The checker asks one question a page. Each question maps to one condition of 2.1(3) and
is data (``rules.eligibility_questions``, which also lists the conditions not asked as
questions): its slug (used in the URL and as the key of the answer), the question, a hint,
the options (value and label), and for every option that fails the condition, the
``Reason``: why the claimant cannot use the service and what to do instead. Everything
else (views, the session) is built on the four functions at the end:
``next_question``, ``first_failure``, ``first_stop`` and ``is_eligible``.

Answers are a mapping of question slug to option value (strings). Unknown slugs and
values that are not an option of their question are ignored, as if not answered.
"""
from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass

from rules.eligibility_questions import (
    AMOUNT_LIMIT_POUNDS,
    LITIGATION_FRIEND_URL,
    MAKE_A_CLAIM_URL,
    PAPER_CENTRE,
    PAPER_CENTRE_FORMERLY,
    PAPER_FORM,
    QUESTIONS,
    REPRESENTED_AMOUNT_LIMIT_POUNDS,
    Link,
    Option,
    Question,
    Reason,
)

__all__ = [
    "AMOUNT_LIMIT_POUNDS",
    "LITIGATION_FRIEND_URL",
    "MAKE_A_CLAIM_URL",
    "PAPER_CENTRE",
    "PAPER_CENTRE_FORMERLY",
    "PAPER_FORM",
    "QUESTIONS",
    "QUESTIONS_BY_SLUG",
    "REASON_SLUGS",
    "REPRESENTED_AMOUNT_LIMIT_POUNDS",
    "Failure",
    "Link",
    "Option",
    "Question",
    "Reason",
    "failure_for_reason",
    "first_failure",
    "first_stop",
    "following_question",
    "get_question",
    "is_eligible",
    "next_question",
    "previous_question",
    "valid_answers",
]


@dataclass(frozen=True)
class Failure:
    """An answer that means the claim cannot use this service."""

    question: Question
    option: Option

    @property
    def reason(self) -> Reason:
        assert self.option.reason is not None
        return self.option.reason

    @property
    def pd(self) -> str:
        return self.question.pd


QUESTIONS_BY_SLUG: dict[str, Question] = {question.slug: question for question in QUESTIONS}
_FAILURES_BY_REASON: dict[str, Failure] = {
    option.reason.slug: Failure(question, option)
    for question in QUESTIONS
    for option in question.options
    if option.reason is not None
}
REASON_SLUGS: tuple[str, ...] = tuple(_FAILURES_BY_REASON)


def _check(questions: tuple[Question, ...]) -> None:
    """The data is consistent: unique slugs and values, and every question can be passed."""
    slugs = [q.slug for q in questions]
    if len(set(slugs)) != len(slugs):
        raise ValueError("question slugs must be unique")
    reasons = [o.reason.slug for q in questions for o in q.options if o.reason is not None]
    if len(set(reasons)) != len(reasons):
        raise ValueError("reason slugs must be unique")
    for q in questions:
        values = [o.value for o in q.options]
        if len(set(values)) != len(values):
            raise ValueError(f"{q.slug}: option values must be unique")
        if not q.eligible_values:
            raise ValueError(f"{q.slug}: at least one answer must be eligible")
        if not q.pd.startswith("2.1("):
            raise ValueError(f"{q.slug}: cite the PD 51R paragraph")


_check(QUESTIONS)


# --------------------------------------------------------------------------------------
# Lookups
# --------------------------------------------------------------------------------------


def get_question(slug: str) -> Question:
    """The question with ``slug``; KeyError if there is none."""
    return QUESTIONS_BY_SLUG[slug]


def failure_for_reason(reason_slug: str) -> Failure:
    """The question and answer a reason belongs to; KeyError if there is none."""
    return _FAILURES_BY_REASON[reason_slug]


def previous_question(slug: str) -> Question | None:
    """The question asked before ``slug`` (None for the first)."""
    index = QUESTIONS.index(get_question(slug))
    return QUESTIONS[index - 1] if index > 0 else None


def following_question(slug: str) -> Question | None:
    """The question asked after ``slug`` (None for the last)."""
    index = QUESTIONS.index(get_question(slug))
    return QUESTIONS[index + 1] if index + 1 < len(QUESTIONS) else None


def valid_answers(answers: Mapping[str, object]) -> dict[str, str]:
    """Only the answers to known questions with a value that is one of their options."""
    valid: dict[str, str] = {}
    for question in QUESTIONS:
        option = question.answered(answers)
        if option is not None:
            valid[question.slug] = option.value
    return valid


# --------------------------------------------------------------------------------------
# The checker (PD 51R 2.1(3): "all the following conditions are met")
# --------------------------------------------------------------------------------------


def next_question(answers: Mapping[str, object]) -> Question | None:
    """The first question, in order, without a valid answer; None when all are answered."""
    for question in QUESTIONS:
        if question.answered(answers) is None:
            return question
    return None


def first_failure(answers: Mapping[str, object]) -> Failure | None:
    """The first answered question, in order, whose answer fails its condition of 2.1(3)."""
    for question in QUESTIONS:
        option = question.answered(answers)
        if option is not None and not option.eligible:
            return Failure(question, option)
    return None


def first_stop(answers: Mapping[str, object], before: str | None = None) -> Question | Failure | None:
    """Where the checker stops, looking only at the questions asked before ``before``.

    Walking the questions in order, the first one that is not answered (a ``Question``:
    ask it) or answered in a way that fails its condition (a ``Failure``: the claimant
    cannot go on). None if every question before ``before`` (all of them, if ``before`` is
    None) is answered and passed.
    """
    for question in QUESTIONS:
        if question.slug == before:
            return None
        option = question.answered(answers)
        if option is None:
            return question
        if not option.eligible:
            return Failure(question, option)
    if before is not None:
        raise KeyError(before)
    return None


def is_eligible(answers: Mapping[str, object]) -> bool:
    """Every question is answered and every condition of PD 51R 2.1(3) is met."""
    return first_stop(answers) is None
