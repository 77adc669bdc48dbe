"""UK postcodes: is this a UK postcode, and is it in England or Wales?

PD 51R 2.1(3)(i)(i): a claimant in person needs a postal address for service in the
United Kingdom; 2.1(3)(n)(ii): the defendant needs one in England and Wales.

A postcode is accepted only if it is well formed (an outward code, then a digit and two
letters of those Royal Mail uses in an inward code) and its district (the outward code)
is a live district of the ONS Postcode Directory: ``data/postcode_districts.csv``, which
says where each district is and where the list came from (rebuilt by
``scripts/build_postcode_districts.py``). So "ZZ99 9ZZ" and districts that are not in the
directory, such as BFPO (BF) and BX, are not real postcodes; the Crown dependencies (GY,
JE, IM) are real but not in the United Kingdom.

Districts that cross the border between England and Scotland (TD9, TD12, TD15 Berwick-upon-
Tweed, DG16) count as possibly in England: the district cannot say which side an address is
on. The areas that cross the border between England and Wales (CH, LD, SY, NP, HR, LL) are
wholly in England and Wales, which is what the PD asks.
"""
from __future__ import annotations

import csv
import re
from functools import cache
from pathlib import Path

DISTRICTS_FILE = Path(__file__).resolve().parent / "data" / "postcode_districts.csv"
ENGLAND_AND_WALES = "England and Wales"
#: The jurisdictions of the United Kingdom (the Crown dependencies are not in it).
UK = frozenset({ENGLAND_AND_WALES, "Scotland", "Northern Ireland"})

#: Inward codes never use C, I, K, M, O or V.
_POSTCODE = re.compile(r"^(?P<outward>[A-Z]{1,2}[0-9][A-Z0-9]?) ?(?P<inward>[0-9][ABD-HJLNP-UW-Z]{2})$")


@cache
def districts() -> dict[str, frozenset[str]]:
    """Each live postcode district and where it is: the jurisdictions of the UK it is in, or the
    Crown dependency."""
    with DISTRICTS_FILE.open(newline="") as handle:
        rows = csv.DictReader(line for line in handle if not line.startswith("#"))
        return {
            row["district"]: frozenset(part.strip() for part in row["jurisdiction"].split(";")) for row in rows
        }


def normalise(text: str) -> str:
    """Upper case, one space before the inward code: " sw1a1aa " → "SW1A 1AA" (unchanged if not a postcode)."""
    match = _POSTCODE.match(re.sub(r"\s+", "", text or "").upper())
    if not match:
        return (text or "").strip().upper()
    return f"{match['outward']} {match['inward']}"


def district(text: str) -> str | None:
    """The outward code of a well-formed postcode ("SW1A 1AA" → "SW1A"), else None."""
    match = _POSTCODE.match(re.sub(r"\s+", "", text or "").upper())
    return match["outward"] if match else None


def is_valid(text: str) -> bool:
    """A well-formed postcode of a live district (in the UK or a Crown dependency)."""
    return district(text) in districts()


def is_uk(text: str) -> bool:
    """A well-formed postcode of a live district in the United Kingdom."""
    return bool(UK & districts().get(district(text) or "", frozenset()))


def is_england_or_wales(text: str) -> bool:
    """A well-formed postcode of a live district that is (at least partly) in England and Wales."""
    return ENGLAND_AND_WALES in districts().get(district(text) or "", frozenset())
