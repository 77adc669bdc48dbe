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
    "CITIZEN",
    "Checker",
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
        if q.asked_if is not None and q.asked_if[0] not in slugs[: slugs.index(q.slug)]:
            raise ValueError(f"{q.slug}: asked only after the question it depends on")


class Checker:
    """The checker over one list of questions: the citizen's (``QUESTIONS``) or a legal representative's
    (``rules.eligibility_represented.REPRESENTED_QUESTIONS``). A question with ``asked_if`` is asked only
    when an earlier answer is one of the given values; otherwise it is passed over."""

    def __init__(self, questions: tuple[Question, ...]) -> None:
        _check(questions)
        self.questions = questions
        self.by_slug: dict[str, Question] = {question.slug: question for question in questions}
        self._failures: dict[str, Failure] = {
            option.reason.slug: Failure(question, option)
            for question in questions
            for option in question.options
            if option.reason is not None
        }
        self.reason_slugs: tuple[str, ...] = tuple(self._failures)

    # -- lookups

    def get_question(self, slug: str) -> Question:
        """The question with ``slug``; KeyError if there is none."""
        return self.by_slug[slug]

    def failure_for_reason(self, reason_slug: str) -> Failure:
        """The question and answer a reason belongs to; KeyError if there is none."""
        return self._failures[reason_slug]

    def _asked(self, answers: Mapping[str, object] | None) -> list[Question]:
        return [q for q in self.questions if answers is None or q.is_asked(answers)]

    def previous_question(self, slug: str, answers: Mapping[str, object] | None = None) -> Question | None:
        """The question asked before ``slug`` (None for the first)."""
        asked = self._asked(answers)
        question = self.get_question(slug)
        index = asked.index(question) if question in asked else len(asked)
        return asked[index - 1] if index > 0 else None

    def following_question(self, slug: str, answers: Mapping[str, object] | None = None) -> Question | None:
        """The question asked after ``slug`` (None for the last)."""
        later = self.questions[self.questions.index(self.get_question(slug)) + 1:]
        for question in later:
            if answers is None or question.is_asked(answers):
                return question
        return None

    def valid_answers(self, answers: Mapping[str, object]) -> dict[str, str]:
        """Only the answers to known questions with a value that is one of their options."""
        valid: dict[str, str] = {}
        for question in self.questions:
            option = question.answered(answers)
            if option is not None:
                valid[question.slug] = option.value
        return valid

    # -- the checker (PD 51R 2.1(3): "all the following conditions are met")

    def next_question(self, answers: Mapping[str, object]) -> Question | None:
        """The first question, in order, without a valid answer; None when all are answered."""
        for question in self._asked(answers):
            if question.answered(answers) is None:
                return question
        return None

    def first_failure(self, answers: Mapping[str, object]) -> Failure | None:
        """The first answered question, in order, whose answer fails its condition of 2.1(3)."""
        for question in self._asked(answers):
            option = question.answered(answers)
            if option is not None and not option.eligible:
                return Failure(question, option)
        return None

    def first_stop(self, answers: Mapping[str, object], before: str | None = None) -> Question | Failure | None:
        """Where the checker stops, looking only at the questions asked before ``before``.

        Walking the questions in order, the first one that is not answered (a ``Question``:
        ask it) or answered in a way that fails its condition (a ``Failure``: the claimant
        cannot go on). None if every question before ``before`` (all of them, if ``before`` is
        None) is answered and passed.
        """
        if before is not None and before not in self.by_slug:
            raise KeyError(before)
        for question in self.questions:
            if question.slug == before:
                return None
            if not question.is_asked(answers):
                continue
            option = question.answered(answers)
            if option is None:
                return question
            if not option.eligible:
                return Failure(question, option)
        return None

    def is_eligible(self, answers: Mapping[str, object]) -> bool:
        """Every question asked is answered and every condition of PD 51R 2.1(3) is met."""
        return self.first_stop(answers) is None


#: The checker of a claimant acting in person (2.1(3)(d)(i)).
CITIZEN = Checker(QUESTIONS)
QUESTIONS_BY_SLUG: dict[str, Question] = CITIZEN.by_slug
REASON_SLUGS: tuple[str, ...] = CITIZEN.reason_slugs
get_question = CITIZEN.get_question
failure_for_reason = CITIZEN.failure_for_reason
previous_question = CITIZEN.previous_question
following_question = CITIZEN.following_question
valid_answers = CITIZEN.valid_answers
next_question = CITIZEN.next_question
first_failure = CITIZEN.first_failure
first_stop = CITIZEN.first_stop
is_eligible = CITIZEN.is_eligible
