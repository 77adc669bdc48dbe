"""The eligibility checker's rules (PD 51R 2.1(3)), as tables."""
import pytest

from rules import eligibility as e

# One set of answers that meets every condition of 2.1(3).
PASSING = {
    "claim-amount": "up-to-10000",
    "personal-injury": "no",
    "consumer-credit": "no",
    "legal-representative": "no",
    "one-claimant": "yes",
    "claimant-age": "yes",
    "claimant-protected-party": "no",
    "claimant-address": "yes",
    "email-address": "yes",
    "restraint-order": "no",
    "one-defendant": "yes",
    "crown": "no",
    "defendant-address": "yes",
    "defendant-age": "yes",
    "defendant-protected-party": "no",
    "defendant-legal-representative": "no",
}

# question, the question's PD 51R paragraph
QUESTION_TABLE = [
    ("claim-amount", "2.1(3)(a), 2.1(6)(a)"),
    ("personal-injury", "2.1(3)(e)"),
    ("consumer-credit", "2.1(3)(c)"),
    ("legal-representative", "2.1(3)(d)(i)"),
    ("one-claimant", "2.1(3)(f)(i)"),
    ("claimant-age", "2.1(3)(g)"),
    ("claimant-protected-party", "2.1(3)(h)"),
    ("claimant-address", "2.1(3)(i)(i)"),
    ("email-address", "2.1(3)(j)"),
    ("restraint-order", "2.1(3)(m)"),
    ("one-defendant", "2.1(3)(f)(i)"),
    ("crown", "2.1(3)(n)(v)"),
    ("defendant-address", "2.1(3)(n)(ii)"),
    ("defendant-age", "2.1(3)(n)(iii)"),
    ("defendant-protected-party", "2.1(3)(n)(iv)"),
    ("defendant-legal-representative", "2.1(3)(d)(i)"),
]

# question, answer, the reason it fails (None: it passes)
ANSWER_TABLE = [
    ("claim-amount", "up-to-10000", None),
    ("claim-amount", "over-10000", "amount-over-10000"),
    ("claim-amount", "not-known", "amount-not-known"),
    ("personal-injury", "no", None),
    ("personal-injury", "yes", "personal-injury"),
    ("consumer-credit", "no", None),
    ("consumer-credit", "section-141", None),  # s.141 CCA 1974, regulated agreement, money only
    ("consumer-credit", "other", "consumer-credit"),
    ("legal-representative", "no", None),
    ("legal-representative", "yes", "legal-representative"),
    ("one-claimant", "yes", None),
    ("one-claimant", "no", "more-than-one-claimant"),
    ("claimant-age", "yes", None),
    ("claimant-age", "organisation", None),  # "if an individual"
    ("claimant-age", "no", "claimant-under-18"),
    ("claimant-protected-party", "no", None),
    ("claimant-protected-party", "yes", "claimant-protected-party"),
    ("claimant-address", "yes", None),
    ("claimant-address", "no", "claimant-address-outside-uk"),
    ("email-address", "yes", None),
    ("email-address", "no", "no-email-address"),
    ("restraint-order", "no", None),
    ("restraint-order", "yes", "restraint-order"),
    ("one-defendant", "yes", None),
    ("one-defendant", "no", "more-than-one-defendant"),
    ("crown", "no", None),
    ("crown", "yes", "claim-against-crown"),
    ("defendant-address", "yes", None),
    ("defendant-address", "no", "defendant-address-outside-england-wales"),
    ("defendant-age", "yes", None),
    ("defendant-age", "organisation", None),  # "if an individual"
    ("defendant-age", "no", "defendant-under-18"),
    ("defendant-protected-party", "no", None),
    ("defendant-protected-party", "yes", "defendant-protected-party"),
    ("defendant-legal-representative", "no", None),
    ("defendant-legal-representative", "yes", "defendant-legal-representative"),
]


def test_the_questions_their_order_and_pd_paragraphs():
    assert [(q.slug, q.pd) for q in e.QUESTIONS] == QUESTION_TABLE
    assert list(PASSING) == [slug for slug, _ in QUESTION_TABLE]


def test_every_option_of_every_question_is_in_the_table():
    options = {(q.slug, o.value) for q in e.QUESTIONS for o in q.options}
    assert options == {(slug, value) for slug, value, _ in ANSWER_TABLE}
    assert set(e.REASON_SLUGS) == {reason for _, _, reason in ANSWER_TABLE if reason}


@pytest.mark.parametrize("slug, value, reason", ANSWER_TABLE, ids=[f"{s}={v}" for s, v, _ in ANSWER_TABLE])
def test_each_answer_passes_or_fails_with_its_reason(slug, value, reason):
    answers = {**PASSING, slug: value}
    failure = e.first_failure(answers)
    if reason is None:
        assert failure is None and e.is_eligible(answers) and e.first_stop(answers) is None
        assert value in e.get_question(slug).eligible_values
    else:
        assert failure is not None and failure.reason.slug == reason
        assert failure.question.slug == slug and failure.option.value == value and failure.pd == e.get_question(slug).pd
        assert not e.is_eligible(answers)
        assert e.first_stop(answers) == failure
        assert e.failure_for_reason(reason) == failure
        assert failure.reason.title.startswith("You cannot use this service")
        assert failure.reason.explanation


@pytest.mark.parametrize(
    "answers, expected",
    [
        ({}, "claim-amount"),
        ({"claim-amount": "up-to-10000"}, "personal-injury"),
        ({"claim-amount": "over-10000"}, "personal-injury"),  # failing does not answer the next question
        ({"claim-amount": "up-to-10000", "consumer-credit": "no"}, "personal-injury"),  # gaps count
        ({"claim-amount": "1000"}, "claim-amount"),  # not one of the options
        ({"claim-amount": ["up-to-10000"]}, "claim-amount"),  # not a string
        ({k: v for k, v in PASSING.items() if k != "defendant-legal-representative"}, "defendant-legal-representative"),
        (PASSING, None),
        ({**PASSING, "crown": "yes"}, None),  # all answered, though one fails
    ],
)
def test_next_question_is_the_first_without_a_valid_answer(answers, expected):
    question = e.next_question(answers)
    assert (question.slug if question else None) == expected


@pytest.mark.parametrize(
    "answers, expected_reason",
    [
        ({}, None),
        (PASSING, None),
        ({"personal-injury": "yes"}, "personal-injury"),  # unanswered questions before it do not hide it
        ({**PASSING, "crown": "yes", "claim-amount": "not-known"}, "amount-not-known"),  # the first, in order
        ({**PASSING, "email-address": "no", "defendant-age": "no"}, "no-email-address"),
    ],
)
def test_first_failure_is_the_first_failing_answer_in_order(answers, expected_reason):
    failure = e.first_failure(answers)
    assert (failure.reason.slug if failure else None) == expected_reason


@pytest.mark.parametrize(
    "answers, before, expected",
    [
        ({}, "claim-amount", None),  # the first question is always reachable
        ({}, "crown", "claim-amount"),  # skipping ahead: the first unanswered
        ({"claim-amount": "up-to-10000"}, "personal-injury", None),
        ({"claim-amount": "up-to-10000", "consumer-credit": "no"}, "legal-representative", "personal-injury"),
        ({"claim-amount": "over-10000"}, "personal-injury", "amount-over-10000"),  # a failure stops the checker
        ({"claim-amount": "over-10000"}, "claim-amount", None),  # but the failed question can be changed
        ({**PASSING, "crown": "yes"}, "defendant-address", "claim-against-crown"),
        ({**PASSING, "crown": "yes"}, "crown", None),
        ({**PASSING, "crown": "yes"}, None, "claim-against-crown"),
        (PASSING, None, None),
        ({**PASSING, "email-address": "?"}, None, "email-address"),
    ],
)
def test_first_stop(answers, before, expected):
    stop = e.first_stop(answers, before=before)
    if isinstance(stop, e.Failure):
        assert stop.reason.slug == expected
    else:
        assert (stop.slug if stop else None) == expected


def test_first_stop_refuses_an_unknown_question():
    with pytest.raises(KeyError):
        e.first_stop(PASSING, before="no-such-question")


@pytest.mark.parametrize(
    "variant",
    [
        {"claimant-age": "organisation"},
        {"defendant-age": "organisation"},
        {"consumer-credit": "section-141"},
        {"claimant-age": "organisation", "defendant-age": "organisation", "consumer-credit": "section-141"},
    ],
)
def test_other_passing_answers(variant):
    assert e.is_eligible({**PASSING, **variant})


@pytest.mark.parametrize("missing", list(PASSING))
def test_every_question_must_be_answered(missing):
    answers = {k: v for k, v in PASSING.items() if k != missing}
    assert not e.is_eligible(answers)
    assert e.first_failure(answers) is None
    assert e.next_question(answers).slug == missing


def test_valid_answers_drops_unknown_questions_and_values():
    assert e.valid_answers({**PASSING, "unknown": "yes", "crown": "maybe"}) == {
        k: v for k, v in PASSING.items() if k != "crown"
    }
    assert e.valid_answers({}) == {}


def test_previous_and_following_questions():
    slugs = [slug for slug, _ in QUESTION_TABLE]
    assert e.previous_question(slugs[0]) is None and e.following_question(slugs[-1]) is None
    for before, after in zip(slugs, slugs[1:], strict=False):
        assert e.following_question(before).slug == after
        assert e.previous_question(after).slug == before
    with pytest.raises(KeyError):
        e.following_question("no-such-question")


@pytest.mark.parametrize(
    "reason, paper_claim, solicitor_service, litigation_friend",
    [
        ("amount-over-10000", True, True, False),  # represented: up to £25,000 (2.1(6)(b))
        ("amount-not-known", True, False, False),
        ("personal-injury", True, False, False),
        ("consumer-credit", True, False, False),
        ("legal-representative", False, True, False),  # their representative makes it here (2.1(3)(d)(ii)-(iii))
        ("more-than-one-claimant", True, False, False),
        ("claimant-under-18", True, False, True),
        ("claimant-protected-party", True, False, True),
        ("claimant-address-outside-uk", False, False, False),
        ("no-email-address", True, False, False),
        ("restraint-order", True, False, False),
        ("more-than-one-defendant", True, False, False),
        ("claim-against-crown", True, False, False),
        ("defendant-address-outside-england-wales", False, False, False),
        ("defendant-under-18", True, False, True),
        ("defendant-protected-party", True, False, True),
        ("defendant-legal-representative", True, True, False),
    ],
)
def test_what_each_reason_offers_instead(reason, paper_claim, solicitor_service, litigation_friend):
    r = e.failure_for_reason(reason).reason
    assert (r.paper_claim, r.solicitor_service) == (paper_claim, solicitor_service)
    assert any(link.url == e.LITIGATION_FRIEND_URL for link in r.links) == litigation_friend


def test_limits_are_exact_pounds():
    assert e.AMOUNT_LIMIT_POUNDS == 10_000 and e.REPRESENTED_AMOUNT_LIMIT_POUNDS == 25_000


def test_every_question_can_be_passed_and_explains_its_error():
    for q in e.QUESTIONS:
        assert q.eligible_values and q.error.startswith("Select") and q.pd.startswith("2.1(")
        assert all(o.label for o in q.options)


def test_the_data_check_refuses_inconsistent_questions():
    yes = e.Option("yes", "Yes")
    with pytest.raises(ValueError, match="unique"):
        e._check((e.Question("a", "A?", "2.1(3)(a)", "Select", (yes,)),) * 2)
    failing = e.Option("yes", "Yes", reason=e.Reason("r", "You cannot use this service", ("No.",)))
    with pytest.raises(ValueError, match="eligible"):
        e._check((e.Question("a", "A?", "2.1(3)(a)", "Select", (failing,)),))
    with pytest.raises(ValueError, match="PD"):
        e._check((e.Question("a", "A?", "", "Select", (yes,)),))
