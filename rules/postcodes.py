"""UK postcodes: is this a UK postcode, and is it in England or Wales?

PD 51R 2.1(3)(i)(i): a claimant in person needs a postal address for service in the
United Kingdom; 2.1(3)(n)(ii): the defendant needs one in England and Wales.

The test is by postcode area (the leading letters) and, on the borders, by district:

- Scotland: AB DD DG EH FK G HS IV KA KW KY ML PA PH TD ZE;
- Northern Ireland: BT;
- the Crown dependencies (GY, JE, IM) are not in the UK.

Border districts that lie partly or wholly in England are accepted as possibly England:
TD15 (Berwick-upon-Tweed), and TD9, TD12, DG16 (parts in Northumberland/Cumbria).
Welsh and English areas that cross the Wales–England border (CH, LD, SY, NP, HR, LL)
are all within England and Wales, so they need no special case.
"""
from __future__ import annotations

import re

_POSTCODE = re.compile(r"^(?P<outward>[A-Z]{1,2}[0-9][A-Z0-9]?) ?(?P<inward>[0-9][A-Z]{2})$")
SCOTTISH_AREAS = frozenset(
    {"AB", "DD", "DG", "EH", "FK", "G", "HS", "IV", "KA", "KW", "KY", "ML", "PA", "PH", "TD", "ZE"}
)
NORTHERN_IRISH_AREAS = frozenset({"BT"})
NOT_UK_AREAS = frozenset({"GY", "JE", "IM"})
#: Districts of Scottish areas that lie wholly or partly in England.
ENGLISH_BORDER_DISTRICTS = frozenset({"TD15", "TD9", "TD12", "DG16"})


def normalise(text: str) -> str:
    """Upper case, one space before the inward code: " sw1a1aa " → "SW1A 1AA" (unchanged if not a postcode)."""
    compact = re.sub(r"\s+", "", text or "").upper()
    match = _POSTCODE.match(compact)
    if not match:
        return (text or "").strip().upper()
    return f"{match['outward']} {match['inward']}"


def _parts(text: str) -> tuple[str, str] | None:
    match = _POSTCODE.match(re.sub(r"\s+", "", text or "").upper())
    if not match:
        return None
    outward = match["outward"]
    area = re.match(r"[A-Z]+", outward)
    assert area is not None
    return area.group(0), outward


def is_valid(text: str) -> bool:
    """Is this shaped like a postcode (any area)?"""
    return _parts(text) is not None


def is_uk(text: str) -> bool:
    parts = _parts(text)
    return parts is not None and parts[0] not in NOT_UK_AREAS


def is_england_or_wales(text: str) -> bool:
    parts = _parts(text)
    if parts is None:
        return False
    area, district = parts
    if area in NOT_UK_AREAS or area in NORTHERN_IRISH_AREAS:
        return False
    if area in SCOTTISH_AREAS:
        return district in ENGLISH_BORDER_DISTRICTS
    return True
