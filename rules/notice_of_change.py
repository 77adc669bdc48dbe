"""A notice of change of legal representative filed online (PD 51R Section 21).

- **Which party.** The solicitor gives the claim number and their client's name exactly as it is on the claim. The
  names are compared ignoring case, spaces, hyphens and apostrophes (``same_name``), so "O'Neil-Smith" matches
  "oneil smith" but "O'Neill" does not match "O'Neil". The name must match exactly one party of the claim
  (``matching_parties``): none, or a claimant and a defendant of the same name, is no match.
- **Whether the claim stays online** (21.1(2)-(3), ``send_out_reason``). The service is the court's online system
  for registered representatives (MyHMCTS in the PD). A notice filed on it stays online only where the change is
  from one legal representative to another, both registered with the service (21.1(2)). Otherwise the court must
  transfer the claim out of the online process to continue in the CNBC as if started under CPR Part 7 (21.1(3)):
  a party in person becoming represented (21.1(2): the service is not for that change, and so 21.1(3)(a)),
  especially where the other party continues to act in person (21.1(3)(c)); a represented party going on in person
  (21.1(2)); a new representative not registered with the service (21.1(3)(b)); a notice not filed on the service
  (21.1(3)(a)).

No Django import.
"""
from __future__ import annotations

from collections.abc import Iterable
from typing import TypeVar

T = TypeVar("T")

#: What the comparison of names leaves out: whitespace of every kind, hyphens and dashes, and apostrophes
#: (typed straight, curly or as a modifier letter).
_IGNORED = frozenset(
    "-\u2010\u2011\u2012\u2013\u2014\u2212"  # hyphen-minus, hyphen, non-breaking hyphen, figure/en/em dash, minus
    "'\u2018\u2019\u02bc\u0060\u00b4"  # apostrophe, curly quotes, modifier letter apostrophe, grave and acute
)


def name_key(name: str) -> str:
    """The name as compared: case folded, without spaces, hyphens or apostrophes."""
    return "".join(ch for ch in (name or "").casefold() if not ch.isspace() and ch not in _IGNORED)


def same_name(typed: str, on_claim: str) -> bool:
    """Is ``typed`` the name ``on_claim``, ignoring case, spaces, hyphens and apostrophes? An empty name (or one of
    spaces and punctuation only) matches nothing."""
    key = name_key(typed)
    return bool(key) and key == name_key(on_claim)


def matching_parties(typed: str, parties: Iterable[tuple[T, Iterable[str]]]) -> list[T]:
    """The parties (each given as (party, the names it goes by on the claim)) whose name is ``typed``."""
    return [party for party, names in parties if any(same_name(typed, name) for name in names)]


def the_one_party(typed: str, parties: Iterable[tuple[T, Iterable[str]]]) -> T | None:
    """The party whose name is ``typed`` if exactly one party has it; otherwise None (no match, or ambiguous)."""
    found = matching_parties(typed, parties)
    return found[0] if len(found) == 1 else None


# -- whether the claim stays online (21.1(2)-(3)) ------------------------------------------------------------------

PARTY_IN_PERSON_REPRESENTED = (
    "a notice of change was filed for the {party}, who was acting in person: a notice of change can be filed online "
    "only where the change is from one legal representative to another (PD 51R 21.1(2), 21.1(3)(a))")
OTHER_PARTY_IN_PERSON = (
    "a notice of change was filed for the {party}, who was acting in person, and the {other} continues to act in "
    "person (PD 51R 21.1(3)(c))")
GOING_IN_PERSON = (
    "the {party}'s legal representative has stopped acting and the {party} acts in person: a notice of change can "
    "be filed online only where the change is from one legal representative to another (PD 51R 21.1(2))")
NOT_REGISTERED = (
    "a notice of change names, as taking over the {party}'s representation, a legal representative not registered "
    "with the online service (PD 51R 21.1(3)(b))")
NOT_FILED_ONLINE = "a notice of change for the {party} was not filed online (PD 51R 21.1(3)(a))"


def send_out_reason(*, party: str, other: str, was_represented: bool, will_be_represented: bool,
                    other_represented: bool, new_representative_registered: bool = True,
                    filed_online: bool = True) -> str | None:
    """Why the claim must leave the online process after this notice of change, or None if it stays online.

    ``party`` and ``other`` name the party the notice is for and the party on the other side ("claimant",
    "defendant"); ``was_represented`` and ``will_be_represented`` whether the party had, and will have, a legal
    representative; ``other_represented`` whether the other side has one."""
    words = {"party": party, "other": other}
    if not filed_online:
        return NOT_FILED_ONLINE.format(**words)
    if will_be_represented and not new_representative_registered:
        return NOT_REGISTERED.format(**words)
    if not will_be_represented:
        return GOING_IN_PERSON.format(**words) if was_represented else None
    if not was_represented:
        if not other_represented:
            return OTHER_PARTY_IN_PERSON.format(**words)
        return PARTY_IN_PERSON_REPRESENTED.format(**words)
    return None
