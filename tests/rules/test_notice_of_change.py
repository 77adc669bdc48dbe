"""A notice of change filed online (PD 51R Section 21): matching the client's name, and whether the claim stays
online (21.1(2)-(3))."""
import pytest

from rules import notice_of_change as noc

# (typed, on the claim, same name?)
NAMES = [
    ("Jane Claimant", "Jane Claimant", True),
    ("jane claimant", "Jane Claimant", True),
    ("JANE CLAIMANT", "Jane Claimant", True),
    ("  Jane   Claimant ", "Jane Claimant", True),
    ("JaneClaimant", "Jane Claimant", True),
    ("Jane\tClaimant", "Jane Claimant", True),
    ("O'Neil-Smith", "ONeil Smith", True),
    ("oneil smith", "O'Neil-Smith", True),
    ("O\u2019Neil\u2013Smith", "O'Neil-Smith", True),  # a curly apostrophe and an en dash, as a word processor types
    ("O\u02bcNeil", "O'Neil", True),
    ("Anne-Marie D'Arcy", "anne marie darcy", True),
    ("Acme Kitchens Ltd", "ACME KITCHENS LTD", True),
    ("Straße", "STRASSE", True),  # case folding, not just lower case
    # Everything else counts: letters, full stops, ampersands, "Ltd" against "Limited".
    ("O'Neill", "O'Neil", False),
    ("Jane Claimants", "Jane Claimant", False),
    ("Acme Kitchens Limited", "Acme Kitchens Ltd", False),
    ("Acme Kitchens Ltd.", "Acme Kitchens Ltd", False),
    ("Smith & Co", "Smith and Co", False),
    ("Jane", "Jane Claimant", False),
    ("Jane Claimant", "Ms Jane Claimant", False),
    ("Zoë", "Zoe", False),
    # Nothing typed (or only what is ignored) matches nothing, not even an empty name.
    ("", "", False),
    ("  - ' ", "", False),
    ("", "Jane Claimant", False),
]


@pytest.mark.parametrize(("typed", "on_claim", "same"), NAMES)
def test_names_are_compared_ignoring_case_spaces_hyphens_and_apostrophes(typed, on_claim, same):
    assert noc.same_name(typed, on_claim) is same
    assert noc.same_name(on_claim, typed) is same or not noc.name_key(on_claim)


PARTIES = [("claimant", ["Ms Jane Claimant", "Jane Claimant"]), ("defendant", ["Acme Kitchens Ltd"])]
SAME_NAMES = [("claimant", ["Pat Jones"]), ("defendant", ["Pat-Jones"])]
TWO_DEFENDANTS = [("claimant", ["Jane Claimant"]), ("defendant", ["Acme Kitchens Ltd"]),
                  ("defendant2", ["Acme Fitters Ltd"])]

# (label, typed, parties, the one party)
ONE_PARTY = [
    ("the claimant, with the title", "ms jane claimant", PARTIES, "claimant"),
    ("the claimant, without it", "Jane Claimant", PARTIES, "claimant"),
    ("the defendant", "acme-kitchens ltd", PARTIES, "defendant"),
    ("nobody", "Acme Ltd", PARTIES, None),
    ("both sides have the name: no match", "pat jones", SAME_NAMES, None),
    ("the second defendant", "ACME FITTERS LTD", TWO_DEFENDANTS, "defendant2"),
    ("no parties", "Jane Claimant", [], None),
]


@pytest.mark.parametrize(("label", "typed", "parties", "party"), ONE_PARTY, ids=[row[0] for row in ONE_PARTY])
def test_the_name_must_match_exactly_one_party(label, typed, parties, party):
    assert noc.the_one_party(typed, parties) == party


def test_every_party_matching_is_listed():
    assert noc.matching_parties("Pat Jones", SAME_NAMES) == ["claimant", "defendant"]
    assert noc.matching_parties("Jane Claimant", PARTIES) == ["claimant"]


# (label, was represented, will be represented, other side represented, new representative registered, filed
#  online, the reason's opening or None to stay online)
GUARDS = [
    ("solicitor to solicitor, other side in person", True, True, False, True, True, None),
    ("solicitor to solicitor, other side represented", True, True, True, True, True, None),
    ("in person to a solicitor, the other side represented", False, True, True, True, True,
     noc.PARTY_IN_PERSON_REPRESENTED),
    ("in person to a solicitor, the other side in person", False, True, False, True, True,
     noc.OTHER_PARTY_IN_PERSON),
    ("a solicitor stops acting: in person", True, False, True, True, True, noc.GOING_IN_PERSON),
    ("a solicitor stops acting, other side in person", True, False, False, True, True, noc.GOING_IN_PERSON),
    ("to a representative not registered", True, True, True, False, True, noc.NOT_REGISTERED),
    ("in person to a representative not registered", False, True, False, False, True, noc.NOT_REGISTERED),
    ("filed on paper, solicitor to solicitor", True, True, True, True, False, noc.NOT_FILED_ONLINE),
    ("in person, and in person still: nothing changes", False, False, False, True, True, None),
]


@pytest.mark.parametrize(("label", "was", "will", "other", "registered", "online", "reason"), GUARDS,
                         ids=[row[0] for row in GUARDS])
def test_only_a_change_between_registered_representatives_filed_online_stays_online(
        label, was, will, other, registered, online, reason):
    found = noc.send_out_reason(party="claimant", other="defendant", was_represented=was, will_be_represented=will,
                                other_represented=other, new_representative_registered=registered,
                                filed_online=online)
    if reason is None:
        assert found is None
    else:
        assert found == reason.format(party="claimant", other="defendant")


def test_the_reason_names_the_parties_and_the_paragraph():
    reason = noc.send_out_reason(party="defendant", other="claimant", was_represented=False,
                                 will_be_represented=True, other_represented=False)
    assert reason == ("a notice of change was filed for the defendant, who was acting in person, and the claimant "
                      "continues to act in person (PD 51R 21.1(3)(c))")
