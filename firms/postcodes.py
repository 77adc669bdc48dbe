"""Postcodes of an address for service in England and Wales (PD 51R 2.1(3)(i)(ii): a legal representative's
address for service must be in England and Wales).

``england_and_wales_postcode(text)`` gives the postcode in its standard form ("SW1A 1AA") or raises
``ValueError`` with a message fit to show. Pure Python.

A postcode's *area* is its leading letters. Areas outside England and Wales are refused:

- Scotland: AB (Aberdeen), DD (Dundee), DG (Dumfries and Galloway), EH (Edinburgh), FK (Falkirk),
  G (Glasgow), HS (Outer Hebrides), IV (Inverness), KA (Kilmarnock), KW (Kirkwall), KY (Kirkcaldy),
  ML (Motherwell), PA (Paisley), PH (Perth), TD (Galashiels), ZE (Lerwick);
- Northern Ireland: BT (Belfast);
- the Crown Dependencies, which are not part of England and Wales: GY (Guernsey), JE (Jersey),
  IM (Isle of Man).

One exception: the TD15 district (Berwick-upon-Tweed) lies wholly in England, so it is accepted though
the rest of the TD area is in Scotland. (A few other districts straddle the border, e.g. TD12 and DG16;
they are refused: most of each is in Scotland, and a firm there can give an address south of the border.)
"""
from __future__ import annotations

import re

#: Postcode areas outside England and Wales (see the module docstring).
SCOTLAND = frozenset({"AB", "DD", "DG", "EH", "FK", "G", "HS", "IV", "KA", "KW", "KY", "ML", "PA", "PH", "TD",
                      "ZE"})
NORTHERN_IRELAND = frozenset({"BT"})
CROWN_DEPENDENCIES = frozenset({"GY", "JE", "IM"})
#: Districts in England although their area is mostly in Scotland.
ENGLISH_DISTRICTS_OF_SCOTTISH_AREAS = frozenset({"TD15"})

_FORMAT = re.compile(r"^(?P<outward>(?P<area>[A-Z]{1,2})[0-9][A-Z0-9]?)(?P<inward>[0-9][A-Z]{2})$")

FORMAT_ERROR = "Enter a real postcode, like LS1 4AB"
OUTSIDE_ERROR = "Enter a postcode in England or Wales: the address for service must be in England or Wales"


def england_and_wales_postcode(text: str) -> str:
    """The postcode in standard form ("sw1a1aa" → "SW1A 1AA"); ValueError if it is not a UK postcode
    or is outside England and Wales."""
    squeezed = re.sub(r"\s+", "", text or "").upper()
    found = _FORMAT.match(squeezed)
    if found is None:
        raise ValueError(FORMAT_ERROR)
    area, outward = found["area"], found["outward"]
    if outward not in ENGLISH_DISTRICTS_OF_SCOTTISH_AREAS and area in SCOTLAND | NORTHERN_IRELAND | CROWN_DEPENDENCIES:
        raise ValueError(OUTSIDE_ERROR)
    return f"{outward} {found['inward']}"
