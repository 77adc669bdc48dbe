"""The eligibility checker's questions, as data: PD 51R paragraph 2.1(3), one condition a question.

This module is a table of data read top to bottom, in the order the questions are asked;
splitting it would scatter one question list, so it stays one module although it runs past
400 lines.

Each question maps to one condition of 2.1(3) ("A claim is only suitable for the pilot if
all the following conditions are met"): its slug (used in the URL and as the key of the
answer), the question, a hint, the options (value and label), and for every option that
fails the condition, the ``Reason``: why the claimant cannot use the service and what to
do instead. The shapes of that data (``Link``, ``Reason``, ``Option``, ``Question``) are
here with it; the checker that walks the table is ``rules.eligibility``.

Conditions of 2.1(3) not asked as questions:

- (b) Part 8 procedure: a claim for a specified amount of money only (question 1) does
  not ordinarily follow the Part 8 procedure.
- (d)(ii), (d)(iii), (f)(ii), (i)(ii): claims by represented claimants: their legal
  representative makes the claim with the representatives' checker
  (``rules.eligibility_represented``, /eligibility/for-a-client/); question 4 says so.
- (k), (n)(i): omitted from the PD.
- (l): the claim is conducted in English; the service is in English and the start page
  says so.
"""
from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field

#: gov.uk guidance on every way to make a claim for money, including on paper (form N1).
MAKE_A_CLAIM_URL = "https://www.gov.uk/make-court-claim-for-money"
#: gov.uk guidance on litigation friends (CPR Part 21: children and protected parties).
LITIGATION_FRIEND_URL = "https://www.gov.uk/litigation-friend"

#: The paper route, for every reason with ``paper_claim=True``.
PAPER_FORM = "form N1"
PAPER_CENTRE = "the Civil National Business Centre"
PAPER_CENTRE_FORMERLY = "the County Court Money Claims Centre"

#: The limit for a claimant in person, including interest (PD 51R 2.1(3)(a), 2.1(6)(a)).
AMOUNT_LIMIT_POUNDS = 10_000
#: The limit when the parties are represented (PD 51R 2.1(6)(b)).
REPRESENTED_AMOUNT_LIMIT_POUNDS = 25_000


@dataclass(frozen=True)
class Link:
    text: str
    url: str


@dataclass(frozen=True)
class Reason:
    """Why an answer means the claimant cannot use this service, and what to do instead.

    ``explanation`` and ``instead`` are paragraphs of plain text. ``paper_claim`` adds the
    standard paragraph about making the claim on paper (form N1, sent to the Civil
    National Business Centre); ``solicitor_service`` adds the paragraph about a legal
    representative registered with this service making the claim, up to £25,000
    (PD 51R 2.1(3)(d)(ii)–(iii), 2.1(6)(b)).
    """

    slug: str
    title: str
    explanation: tuple[str, ...]
    instead: tuple[str, ...] = ()
    paper_claim: bool = True
    solicitor_service: bool = False
    links: tuple[Link, ...] = ()


@dataclass(frozen=True)
class Option:
    """One radio button. ``reason`` is None for an answer that meets the condition."""

    value: str
    label: str
    hint: str = ""
    reason: Reason | None = None
    divider_before: bool = False  # GOV.UK's "or" divider, before the last option

    @property
    def eligible(self) -> bool:
        return self.reason is None


@dataclass(frozen=True)
class Question:
    """One page of the checker: one condition of PD 51R 2.1(3) (``pd``)."""

    slug: str
    text: str
    pd: str
    error: str  # shown when nothing is chosen, GOV.UK style ("Select …")
    options: tuple[Option, ...]
    hint: str = ""
    #: Asked only when the answer to an earlier question (slug) is one of these values (None: always asked).
    asked_if: tuple[str, frozenset[str]] | None = None
    _by_value: dict[str, Option] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        object.__setattr__(self, "_by_value", {option.value: option for option in self.options})

    def option(self, value: str) -> Option:
        """The option with ``value``; KeyError if there is none."""
        return self._by_value[value]

    def has_option(self, value: object) -> bool:
        return isinstance(value, str) and value in self._by_value

    def answered(self, answers: Mapping[str, object]) -> Option | None:
        """The option chosen in ``answers``; None if not answered (or not with an option)."""
        value = answers.get(self.slug)
        return self._by_value.get(value) if isinstance(value, str) else None

    def is_asked(self, answers: Mapping[str, object]) -> bool:
        if self.asked_if is None:
            return True
        slug, values = self.asked_if
        return answers.get(slug) in values

    @property
    def eligible_values(self) -> frozenset[str]:
        return frozenset(option.value for option in self.options if option.eligible)

    @property
    def inline(self) -> bool:
        """Two short options (Yes/No) are shown side by side, as GOV.UK does."""
        return len(self.options) == 2 and all(len(option.label) <= 3 and not option.hint for option in self.options)


def yes_option(reason: Reason | None = None) -> Option:
    return Option("yes", "Yes", reason=reason)


def no_option(reason: Reason | None = None) -> Option:
    return Option("no", "No", reason=reason)


_LITIGATION_FRIEND = Link("Find out about litigation friends on GOV.UK", LITIGATION_FRIEND_URL)

# --------------------------------------------------------------------------------------
# The questions, in the order they are asked.
# --------------------------------------------------------------------------------------

QUESTIONS: tuple[Question, ...] = (
    # PD 51R 2.1(3)(a) and 2.1(6)(a): a specified amount of money only, not more than
    # £10,000 including interest, when the claimant is not represented.
    Question(
        slug="claim-amount",
        text="What is the total amount you are claiming?",
        hint="Include any interest you are claiming. Do not include the court fee.",
        pd="2.1(3)(a), 2.1(6)(a)",
        error="Select the total amount you are claiming",
        options=(
            Option("up-to-10000", "£10,000 or less, including interest"),
            Option(
                "over-10000",
                "More than £10,000",
                reason=Reason(
                    slug="amount-over-10000",
                    title="You cannot use this service to claim more than £10,000",
                    explanation=(
                        "You can only use this service to claim £10,000 or less, including interest, "
                        "if you are making the claim without a legal representative.",
                    ),
                    solicitor_service=True,
                ),
            ),
            Option(
                "not-known",
                "I do not know the amount",
                hint="For example, you want the court to decide how much you should get.",
                divider_before=True,
                reason=Reason(
                    slug="amount-not-known",
                    title="You cannot use this service if you do not know the amount",
                    explanation=(
                        "You can only use this service to claim a fixed amount of money (a ‘specified amount’).",
                        "If you want the court to decide how much you should get, the amount is not fixed.",
                    ),
                ),
            ),
        ),
    ),
    # PD 51R 2.1(3)(e): the claim is not for personal injury.
    Question(
        slug="personal-injury",
        text="Is your claim for personal injury?",
        hint="For example, an injury or illness caused by an accident at work or on the road.",
        pd="2.1(3)(e)",
        error="Select yes if your claim is for personal injury",
        options=(
            yes_option(
                reason=Reason(
                    slug="personal-injury",
                    title="You cannot use this service for a personal injury claim",
                    explanation=("This service cannot be used for a claim for personal injury.",),
                    instead=("You may want to get legal advice before you make a claim for personal injury.",),
                )
            ),
            no_option(),
        ),
    ),
    # PD 51R 2.1(3)(c): not under the Consumer Credit Act 1974, unless it is brought under
    # section 141 to enforce a regulated agreement relating only to money.
    Question(
        slug="consumer-credit",
        text="Is your claim about a consumer credit agreement?",
        hint="For example, a loan, credit card, hire purchase or other agreement covered by the "
        "Consumer Credit Act 1974.",
        pd="2.1(3)(c)",
        error="Select if your claim is about a consumer credit agreement",
        options=(
            Option("no", "No"),
            Option(
                "section-141",
                "Yes, to enforce a regulated agreement that relates only to money",
                hint="A claim under section 141 of the Consumer Credit Act 1974, for example to get back "
                "money owed under a regulated loan agreement.",
            ),
            Option(
                "other",
                "Yes, for something else",
                hint="For example, to get goods back, or a claim about an unfair relationship with a lender.",
                reason=Reason(
                    slug="consumer-credit",
                    title="You cannot use this service for this consumer credit claim",
                    explanation=(
                        "You can only use this service for a claim under the Consumer Credit Act 1974 if it is "
                        "to enforce a regulated agreement that relates only to money (section 141 of the Act).",
                    ),
                    instead=("You may want to get legal advice before you make the claim.",),
                ),
            ),
        ),
    ),
    # PD 51R 2.1(3)(d)(i), first limb: the claimant will not be getting help with bringing
    # the claim from a legal representative. (Represented claimants: 2.1(3)(d)(ii)–(iii).)
    Question(
        slug="legal-representative",
        text="Will a solicitor or other legal representative make the claim for you?",
        hint="A legal representative is a solicitor, barrister or other authorised person who acts for you "
        "in the claim. Getting free advice, for example from Citizens Advice, does not count.",
        pd="2.1(3)(d)(i)",
        error="Select yes if a legal representative will make the claim for you",
        options=(
            yes_option(
                reason=Reason(
                    slug="legal-representative",
                    title="You cannot use this service yourself if a legal representative makes the claim for you",
                    explanation=(
                        "These pages are for people making a claim without a legal representative.",
                        "If a solicitor or other legal representative will make the claim for you, they make it: "
                        "you do not need to answer these questions.",
                    ),
                    paper_claim=False,
                    solicitor_service=True,
                )
            ),
            no_option(),
        ),
    ),
    # PD 51R 2.1(3)(f)(i), first part: only one claimant is making the claim.
    Question(
        slug="one-claimant",
        text="Are you making the claim on your own?",
        hint="Answer no if someone else is making the claim with you, for example a partner or a business "
        "partner. If you are claiming for a company or organisation, answer yes if it is the only one claiming.",
        pd="2.1(3)(f)(i)",
        error="Select yes if you are making the claim on your own",
        options=(
            yes_option(),
            no_option(
                reason=Reason(
                    slug="more-than-one-claimant",
                    title="You cannot use this service if more than one person is making the claim",
                    explanation=(
                        "This service is for claims made by one person or organisation only.",
                    ),
                )
            ),
        ),
    ),
    # PD 51R 2.1(3)(g): if an individual, the claimant is aged 18 or older.
    Question(
        slug="claimant-age",
        text="Are you 18 or over?",
        pd="2.1(3)(g)",
        error="Select yes if you are 18 or over",
        options=(
            Option("yes", "Yes"),
            Option(
                "no",
                "No",
                reason=Reason(
                    slug="claimant-under-18",
                    title="You cannot use this service if you are under 18",
                    explanation=(
                        "You must be 18 or over to make a claim using this service.",
                        "Someone under 18 usually needs an adult to act for them in a court case. This adult "
                        "is called a ‘litigation friend’.",
                    ),
                    instead=("A litigation friend can make the claim for you.",),
                    links=(_LITIGATION_FRIEND,),
                ),
            ),
            Option("organisation", "I am claiming for a company or organisation", divider_before=True),
        ),
    ),
    # PD 51R 2.1(3)(h): the claimant is not a "protected party" (CPR 21.1(2)(d): a party
    # who lacks capacity, within the meaning of the Mental Capacity Act 2005, to conduct
    # the proceedings).
    Question(
        slug="claimant-protected-party",
        text="Are you a ‘protected party’?",
        hint="A protected party is someone who does not have the mental capacity to make their own decisions "
        "about a court case, so someone else must act for them. Answer no if you are claiming for a company "
        "or organisation.",
        pd="2.1(3)(h)",
        error="Select yes if you are a protected party",
        options=(
            yes_option(
                reason=Reason(
                    slug="claimant-protected-party",
                    title="You cannot use this service for a protected party",
                    explanation=(
                        "This service cannot be used for a claim made by a protected party.",
                        "A protected party must have someone to act for them in a court case. This person is "
                        "called a ‘litigation friend’.",
                    ),
                    instead=("A litigation friend can make the claim for the protected party.",),
                    links=(_LITIGATION_FRIEND,),
                )
            ),
            no_option(),
        ),
    ),
    # PD 51R 2.1(3)(i)(i): a claimant in person has a postal address for service in the UK.
    Question(
        slug="claimant-address",
        text="Do you have a postal address in the UK?",
        hint="The court will send letters about the claim to this address. If you are claiming for a company "
        "or organisation, answer for its address.",
        pd="2.1(3)(i)(i)",
        error="Select yes if you have a postal address in the UK",
        options=(
            yes_option(),
            no_option(
                reason=Reason(
                    slug="claimant-address-outside-uk",
                    title="You cannot use this service without a postal address in the UK",
                    explanation=(
                        "To use this service you must have a postal address in the UK where the court can "
                        "send you letters about the claim.",
                    ),
                    instead=(
                        "You may be able to make the claim on paper using form N1. Get legal advice about "
                        "making a claim if you live outside the UK.",
                    ),
                    paper_claim=False,
                )
            ),
        ),
    ),
    # PD 51R 2.1(3)(j): the claimant has an email address which can be used for the case.
    Question(
        slug="email-address",
        text="Do you have an email address you can use for this claim?",
        hint="We will send you updates about the claim by email.",
        pd="2.1(3)(j)",
        error="Select yes if you have an email address you can use for this claim",
        options=(
            yes_option(),
            no_option(
                reason=Reason(
                    slug="no-email-address",
                    title="You cannot use this service without an email address",
                    explanation=("You need an email address that can be used for the claim to use this service.",),
                    instead=("If you set up an email address, you can come back and use this service.",),
                )
            ),
        ),
    ),
    # PD 51R 2.1(3)(m): no civil proceedings order, all proceedings order (Senior Courts
    # Act 1981 s.42(1A)) or civil restraint order in force against the claimant.
    Question(
        slug="restraint-order",
        text="Is there a civil restraint order, civil proceedings order or all proceedings order against you?",
        hint="These are orders a court makes to stop someone making claims or applications without the "
        "court’s permission.",
        pd="2.1(3)(m)",
        error="Select yes if there is one of these orders against you",
        options=(
            yes_option(
                reason=Reason(
                    slug="restraint-order",
                    title="You cannot use this service if there is an order restraining you from making claims",
                    explanation=(
                        "You cannot use this service while a civil restraint order, civil proceedings order or "
                        "all proceedings order is in force against you.",
                    ),
                    instead=(
                        "Read the order. It tells you if you need the court’s permission before you make a "
                        "claim, and how to ask for it.",
                    ),
                )
            ),
            no_option(),
        ),
    ),
    # PD 51R 2.1(3)(f)(i), second part: the claimant tells the court there is only one
    # defendant.
    Question(
        slug="one-defendant",
        text="Are you claiming against one person or organisation only?",
        pd="2.1(3)(f)(i)",
        error="Select yes if you are claiming against one person or organisation only",
        options=(
            yes_option(),
            no_option(
                reason=Reason(
                    slug="more-than-one-defendant",
                    title="You cannot use this service to claim against more than one person or organisation",
                    explanation=(
                        "This service is for claims against one person or organisation only.",
                    ),
                )
            ),
        ),
    ),
    # PD 51R 2.1(3)(n)(v): the claimant believes the defendant is not the Crown.
    Question(
        slug="crown",
        text="Are you claiming against the Crown, for example a government department?",
        hint="For example, HM Revenue and Customs or the Department for Work and Pensions. Local councils "
        "are not the Crown.",
        pd="2.1(3)(n)(v)",
        error="Select yes if you are claiming against the Crown",
        options=(
            yes_option(
                reason=Reason(
                    slug="claim-against-crown",
                    title="You cannot use this service to claim against the Crown",
                    explanation=(
                        "This service cannot be used for a claim against the Crown, for example a government "
                        "department.",
                        "There are special rules for claims against the Crown, including where the claim must "
                        "be sent (Part 66 of the Civil Procedure Rules).",
                    ),
                )
            ),
            no_option(),
        ),
    ),
    # PD 51R 2.1(3)(n)(ii): the claimant believes the defendant has a postal address for
    # service in England and Wales.
    Question(
        slug="defendant-address",
        text="Does the person or organisation you are claiming against have a postal address in England or Wales?",
        hint="The court will send the claim to this address.",
        pd="2.1(3)(n)(ii)",
        error="Select yes if they have a postal address in England or Wales",
        options=(
            yes_option(),
            no_option(
                reason=Reason(
                    slug="defendant-address-outside-england-wales",
                    title="You cannot use this service if the address you are claiming against is not in "
                    "England or Wales",
                    explanation=(
                        "This service can only send a claim to an address in England or Wales.",
                    ),
                    instead=(
                        "If the person or organisation is in Scotland or Northern Ireland, you may need to make "
                        "your claim in the courts there.",
                        "There are special rules for claims against someone outside England and Wales. Get "
                        "legal advice before you make the claim.",
                    ),
                    paper_claim=False,
                )
            ),
        ),
    ),
    # PD 51R 2.1(3)(n)(iii): the claimant believes the defendant, if an individual, is
    # aged 18 or older.
    Question(
        slug="defendant-age",
        text="Do you believe the person you are claiming against is 18 or over?",
        pd="2.1(3)(n)(iii)",
        error="Select yes if you believe the person you are claiming against is 18 or over",
        options=(
            Option("yes", "Yes"),
            Option(
                "no",
                "No",
                reason=Reason(
                    slug="defendant-under-18",
                    title="You cannot use this service to claim against someone under 18",
                    explanation=(
                        "This service cannot be used for a claim against someone under 18.",
                        "Someone under 18 usually needs an adult to act for them in a court case. This adult "
                        "is called a ‘litigation friend’.",
                    ),
                    links=(_LITIGATION_FRIEND,),
                ),
            ),
            Option("organisation", "I am claiming against a company or organisation", divider_before=True),
        ),
    ),
    # PD 51R 2.1(3)(n)(iv): the claimant believes the defendant is not a protected party.
    Question(
        slug="defendant-protected-party",
        text="Do you believe the person you are claiming against is a ‘protected party’?",
        hint="A protected party is someone who does not have the mental capacity to make their own decisions "
        "about a court case, so someone else must act for them. Answer no if you are claiming against a "
        "company or organisation.",
        pd="2.1(3)(n)(iv)",
        error="Select yes if you believe the person you are claiming against is a protected party",
        options=(
            yes_option(
                reason=Reason(
                    slug="defendant-protected-party",
                    title="You cannot use this service to claim against a protected party",
                    explanation=(
                        "This service cannot be used for a claim against a protected party.",
                        "A protected party must have someone to act for them in a court case. This person is "
                        "called a ‘litigation friend’.",
                    ),
                    links=(_LITIGATION_FRIEND,),
                )
            ),
            no_option(),
        ),
    ),
    # PD 51R 2.1(3)(d)(i), second limb: the claimant believes the defendant will not be
    # getting help with defending the claim from a legal representative.
    Question(
        slug="defendant-legal-representative",
        text="Do you believe a solicitor or other legal representative will act for the person or "
        "organisation you are claiming against?",
        hint="For example, a solicitor has written to you for them about the money you are owed.",
        pd="2.1(3)(d)(i)",
        error="Select yes if you believe a legal representative will act for them",
        options=(
            yes_option(
                reason=Reason(
                    slug="defendant-legal-representative",
                    title="You cannot use this service if a legal representative will act for the person or "
                    "organisation you are claiming against",
                    explanation=(
                        "This service is for claims where you believe the person or organisation you are "
                        "claiming against will not have a legal representative.",
                    ),
                    solicitor_service=True,
                )
            ),
            no_option(),
        ),
    ),
)
