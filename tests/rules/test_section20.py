"""Section 20 and the preferred court, as pure rules (PD 51R 1.1, 20.1(1), 20.2(3)(b))."""
from decimal import Decimal as D

import pytest

from rules import section20 as s

# defendant type, claimant's court, defendant's court, expected
PREFERRED = [
    ("individual: the defendant's choice", "individual", "Leeds", "York", "York"),
    ("sole trader: the defendant's choice", "sole_trader", "Leeds", "York", "York"),
    ("company: the claimant's choice", "company", "Leeds", "York", "Leeds"),
    ("organisation: the claimant's choice", "organisation", "Leeds", "York", "Leeds"),
    ("company, the claimant named none: the defendant's", "company", "", "York", "York"),
    ("individual, the defendant named none: the claimant's", "individual", "Leeds", "", "Leeds"),
    ("no claim form yet counts as an individual", None, "Leeds", "York", "York"),
    ("nobody named a court", "company", "", "", ""),
]


@pytest.mark.parametrize("label, kind, claimant, defendant, expected", PREFERRED, ids=[p[0] for p in PREFERRED])
def test_preferred_court(label, kind, claimant, defendant, expected):
    assert s.preferred_court(defendant_type=kind, claimant_court=claimant, defendant_court=defendant) == expected


OK = {"amount": D("1000.00"), "forms_submitted": True, "court": "Leeds", "advisers_at_court": True,
      "paper_response_kind": ""}

# what differs from a claim a legal adviser may consider, words of each reason given, in order (none: they may act)
REFUSALS = [
    ("£1,000 exactly, online, forms in, advisers at the court", {}, []),
    ("£1,000.01", {"amount": D("1000.01")}, ["20.1(1)(a)"]),
    ("amount not known", {"amount": None}, ["not known"]),
    ("a questionnaire missing", {"forms_submitted": False}, ["20.1(1)(b)"]),
    ("no legal advisers at the preferred court", {"advisers_at_court": False}, ["the preferred court (Leeds) is not one where legal advisers operate (20.1(1)(c))"]),
    ("no preferred court", {"court": "", "advisers_at_court": False}, ["no preferred court has been given, so the court is not one where legal advisers operate"]),
    ("a paper defence of the whole claim (10.3)", {"paper_response_kind": "full_defence"}, []),
    ("a paper response that is not a defence of the whole claim", {"paper_response_kind": "part_admission"},
     ["20.2(3)(b)"]),
    ("everything wrong at once", {"amount": D("5000"), "forms_submitted": False, "advisers_at_court": False,
                                  "paper_response_kind": "counterclaim"},
     ["20.1(1)(a)", "20.1(1)(b)", "20.1(1)(c)", "20.2(3)(b)"]),
]


@pytest.mark.parametrize("label, changes, cited", REFUSALS, ids=[r[0] for r in REFUSALS])
def test_legal_adviser_refusals(label, changes, cited):
    reasons = s.legal_adviser_refusals(**{**OK, **changes})
    assert len(reasons) == len(cited)
    for reason, citation in zip(reasons, cited, strict=True):
        assert citation in reason


def test_the_amount_over_the_limit_is_said_in_pounds():
    [reason] = s.legal_adviser_refusals(**{**OK, "amount": D("1234.50")})
    assert reason == "the amount claimed (£1,234.50) is more than £1,000 (20.1(1)(a))"
