"""The eligibility checker for a legal representative making a claim for a client (PD 51R 2.1(3)(d)(ii)-(iii)).

The same conditions of 2.1(3) as the citizen's checker (``rules.eligibility_questions``), asked of
the solicitor about their client: where a citizen's question fits, it is reused with its wording
turned to the client; where the condition differs for a represented claimant it is its own question:

- (a) with 2.1(6)(b): the limit is £25,000 including interest;
- (d)(ii)-(iii): no Help with Fees; the defendant has no legal representative, or one registered
  with this service, or (2.1(7)) one who is not registered — the claim may still be made, but it
  is sent out of the online service as soon as it is issued;
- (f): against a defendant without a representative, one claimant and one defendant; where both
  sides are represented, 1 v 1, 1 v 2 or 2 v 1 (asked once the defendant's side is known);
- (i)(ii): the claimant's address for service is in England and Wales (normally the firm's).

That the claimant's own representative is registered ((d)(ii)-(iii)) is not a question: the person
signed in must be an active solicitor of a firm approved on this service (``eligibility.views``).
"""
from __future__ import annotations

from dataclasses import replace

from rules.eligibility import CITIZEN, Checker
from rules.eligibility_questions import Option, Question, Reason, no_option, yes_option

_CLIENT = (
    ("Do you believe the person you are claiming against",
     "Does your client believe the person they are claiming against"),
    ("you believe the person you are claiming against", "your client believes the person they are claiming against"),
    ("the person or organisation you are claiming against",
     "the person or organisation your client is claiming against"),
    ("Are you claiming against", "Is your client claiming against"),
    ("you are claiming against", "your client is claiming against"),
    ("Is your claim", "Is the claim"),
    ("if your claim", "if the claim"),
    ("I am claiming against", "My client is claiming against"),
    ("against you?", "against your client?"),
    ("these orders against you", "these orders against your client"),
)


def _for_client(text: str) -> str:
    for before, after in _CLIENT:
        text = text.replace(before, after)
    return text


def _reuse(slug: str) -> Question:
    """A citizen's question, asked of the solicitor about their client."""
    question = CITIZEN.get_question(slug)
    options = tuple(replace(option, label=_for_client(option.label)) for option in question.options)
    return replace(question, text=_for_client(question.text), hint=_for_client(question.hint),
                   error=_for_client(question.error), options=options)


_LITIGATION = ("Someone under 18 or a protected party needs a litigation friend to act for them in a court case.",)
_DEFENDANT_REPRESENTED = frozenset({"registered", "unregistered"})

REPRESENTED_QUESTIONS: tuple[Question, ...] = (
    # 2.1(3)(a) with 2.1(6)(b): up to £25,000 including interest where the claimant is represented.
    Question(
        slug="claim-amount",
        text="What is the total amount your client is claiming?",
        hint="Include any interest claimed. Do not include the court fee or your fixed costs.",
        pd="2.1(3)(a), 2.1(6)(b)",
        error="Select the total amount your client is claiming",
        options=(
            Option("up-to-25000", "£25,000 or less, including interest"),
            Option(
                "over-25000",
                "More than £25,000",
                reason=Reason(
                    slug="amount-over-25000",
                    title="You cannot use this service to claim more than £25,000",
                    explanation=(
                        "A legal representative can use this service to claim £25,000 or less, including "
                        "interest.",
                    ),
                ),
            ),
            replace(CITIZEN.get_question("claim-amount").option("not-known"), label="I do not know the amount"),
        ),
    ),
    _reuse("personal-injury"),
    _reuse("consumer-credit"),
    # 2.1(3)(d)(ii)-(iii): the claimant will not apply for remission of the fee before submitting.
    Question(
        slug="help-with-fees",
        text="Will your client apply for Help with Fees before the claim is submitted?",
        hint="Help with Fees is the remission or part remission of a court fee.",
        pd="2.1(3)(d)(ii), (iii)",
        error="Select yes if your client will apply for Help with Fees",
        options=(
            yes_option(
                reason=Reason(
                    slug="help-with-fees",
                    title="You cannot use this service if your client applies for Help with Fees",
                    explanation=(
                        "A claim made by a legal representative cannot use Help with Fees in this service.",
                    ),
                )
            ),
            no_option(),
        ),
    ),
    Question(
        slug="claimant-age",
        text="Is your client 18 or over?",
        pd="2.1(3)(g)",
        error="Select yes if your client is 18 or over",
        options=(
            Option("yes", "Yes"),
            Option(
                "no",
                "No",
                reason=Reason(
                    slug="claimant-under-18",
                    title="You cannot use this service for a client under 18",
                    explanation=("A claimant must be 18 or over to make a claim using this service.",),
                    instead=_LITIGATION,
                ),
            ),
            Option("organisation", "My client is a company or organisation", divider_before=True),
        ),
    ),
    Question(
        slug="claimant-protected-party",
        text="Is your client a ‘protected party’?",
        hint="A protected party is someone who does not have the mental capacity to make their own decisions "
        "about a court case. Answer no if your client is a company or organisation.",
        pd="2.1(3)(h)",
        error="Select yes if your client is a protected party",
        options=(
            yes_option(
                reason=Reason(
                    slug="claimant-protected-party",
                    title="You cannot use this service for a protected party",
                    explanation=("This service cannot be used for a claim made by a protected party.",),
                    instead=_LITIGATION,
                )
            ),
            no_option(),
        ),
    ),
    # 2.1(3)(i)(ii): a represented claimant's address for service is in England and Wales.
    Question(
        slug="claimant-address",
        text="Will your client’s address for service be in England or Wales?",
        hint="For a client with a legal representative this is normally your firm’s address.",
        pd="2.1(3)(i)(ii)",
        error="Select yes if your client’s address for service will be in England or Wales",
        options=(
            yes_option(),
            no_option(
                reason=Reason(
                    slug="claimant-address-outside-england-wales",
                    title="You cannot use this service without an address for service in England or Wales",
                    explanation=(
                        "When a legal representative makes the claim, the claimant’s address for service must "
                        "be in England or Wales.",
                    ),
                )
            ),
        ),
    ),
    CITIZEN.get_question("email-address"),
    _reuse("restraint-order"),
    _reuse("crown"),
    _reuse("defendant-address"),
    _reuse("defendant-age"),
    _reuse("defendant-protected-party"),
    # 2.1(3)(d)(ii)-(iii) and 2.1(7): the defendant's side.
    Question(
        slug="defendant-legal-representative",
        text="Will a legal representative act for the defendant?",
        hint="For example, a solicitor has written to you for them about the claim.",
        pd="2.1(3)(d)(ii), (iii), 2.1(7)",
        error="Select whether a legal representative will act for the defendant",
        options=(
            Option("none", "No"),
            Option("registered", "Yes, a legal representative registered with this service"),
            Option(
                "unregistered",
                "Yes, a legal representative not registered with this service",
                hint="You can still make the claim, but it will be sent out of the online service as soon as "
                "it is issued.",
            ),
        ),
    ),
    # 2.1(3)(f)(i): against a defendant in person, one claimant and one defendant.
    Question(
        slug="parties-defendant-in-person",
        text="Is there one claimant, claiming against one person or organisation only?",
        pd="2.1(3)(f)(i)",
        error="Select yes if there is one claimant claiming against one person or organisation only",
        asked_if=("defendant-legal-representative", frozenset({"none"})),
        options=(
            yes_option(),
            no_option(
                reason=Reason(
                    slug="parties-defendant-in-person",
                    title="You cannot use this service for more than one claimant or defendant when the "
                    "defendant has no legal representative",
                    explanation=(
                        "Against a defendant without a legal representative, one claimant can claim against one "
                        "defendant only.",
                    ),
                )
            ),
        ),
    ),
    # 2.1(3)(f)(ii): both sides represented: 1 v 1, 1 v 2 or 2 v 1.
    Question(
        slug="parties-both-represented",
        text="How many claimants and defendants are there?",
        pd="2.1(3)(f)(ii)",
        error="Select how many claimants and defendants there are",
        asked_if=("defendant-legal-representative", _DEFENDANT_REPRESENTED),
        options=(
            Option("one-v-one", "One claimant against one defendant"),
            Option("one-v-two", "One claimant against two defendants"),
            Option("two-v-one", "Two claimants against one defendant"),
            Option(
                "more",
                "More than that",
                divider_before=True,
                reason=Reason(
                    slug="too-many-parties",
                    title="You cannot use this service for this many parties",
                    explanation=(
                        "When the defendant has a legal representative, one claimant can claim against one or "
                        "two defendants, or two claimants against one defendant.",
                    ),
                ),
            ),
        ),
    ),
)

#: The checker a legal representative uses.
REPRESENTED = Checker(REPRESENTED_QUESTIONS)


def sent_out_once_issued(answers: dict[str, str]) -> bool:
    """2.1(7): the defendant's representative is not registered, so the claim leaves the service once issued."""
    return answers.get("defendant-legal-representative") == "unregistered"
