import re

import pytest

from rules import postcodes


@pytest.mark.parametrize(
    "text, expected",
    [
        ("sw1a1aa", "SW1A 1AA"),
        (" SW1A  1AA ", "SW1A 1AA"),
        ("m11ae", "M1 1AE"),
        ("cf10 1ep", "CF10 1EP"),
        ("not a postcode", "NOT A POSTCODE"),
    ],
)
def test_normalise(text, expected):
    assert postcodes.normalise(text) == expected


@pytest.mark.parametrize(
    "postcode, valid, uk, england_or_wales",
    [
        ("SW1A 1AA", True, True, True),      # London
        ("CF10 1EP", True, True, True),      # Cardiff: the Welsh CF area
        ("SA1 1AA", True, True, True),       # Swansea: the Welsh SA area
        ("NP20 1AA", True, True, True),      # Newport: the Welsh NP area
        ("LL57 2DG", True, True, True),      # Bangor: the Welsh LL area
        ("LD1 5AA", True, True, True),       # Llandrindod Wells
        ("SY23 1AA", True, True, True),      # Aberystwyth: the SY area crosses the England–Wales border
        ("SY1 1AA", True, True, True),       # Shrewsbury
        ("HR1 1AA", True, True, True),       # Hereford
        ("CH1 1AA", True, True, True),       # Chester, England
        ("CH5 3AA", True, True, True),       # Flintshire, the Welsh side of the CH area
        ("CA1 1AA", True, True, True),       # Carlisle, England
        ("DG1 1AA", True, True, False),      # Dumfries, Scotland
        ("EH1 1YZ", True, True, False),      # Edinburgh
        ("G1 1XQ", True, True, False),       # Glasgow
        ("GL1 1AA", True, True, True),       # Gloucester: GL is not G
        ("ZE1 0AA", True, True, False),      # Shetland
        ("KW15 1AA", True, True, False),     # Orkney
        ("BT1 5GS", True, True, False),      # Belfast
        ("TD15 1AA", True, True, True),      # Berwick-upon-Tweed, England
        ("TD12 4AA", True, True, True),      # Coldstream and Cornhill-on-Tweed: crosses the border
        ("TD1 1AA", True, True, False),      # Galashiels, Scotland
        ("DG16 5AA", True, True, True),      # Gretna: crosses the border
        ("JE2 3AA", True, False, False),     # Jersey
        ("IM1 1AA", True, False, False),     # Isle of Man
        ("GY1 1AA", True, False, False),     # Guernsey
        ("ZZ99 9ZZ", False, False, False),   # no such area
        ("SW99 1AA", False, False, False),   # no such district in a real area
        ("CF2 1AA", False, False, False),    # a Cardiff district no longer in use
        ("BX1 1LT", False, False, False),    # non-geographic, not in the Postcode Directory
        ("BF1 3AA", False, False, False),    # BFPO, not an address in the UK
        ("SW1A 1CA", False, False, False),   # C is never in an inward code
        ("SW1A 1AI", False, False, False),   # nor I
        ("12345", False, False, False),
        ("", False, False, False),
    ],
)
def test_valid_uk_and_england_or_wales(postcode, valid, uk, england_or_wales):
    assert postcodes.is_valid(postcode) is valid
    assert postcodes.is_uk(postcode) is uk
    assert postcodes.is_england_or_wales(postcode) is england_or_wales


def area(district):
    return re.match(r"[A-Z]+", district).group(0)


def test_the_district_list_has_every_area_and_no_made_up_one():
    areas = {area(district) for district in postcodes.districts()}
    assert len(areas) == 124  # the 121 areas of the UK and the 3 Crown dependencies
    assert {"BF", "BX", "ZZ"}.isdisjoint(areas)
    welsh = [d for d in postcodes.districts() if area(d) in {"CF", "LD", "LL", "NP", "SA"}]
    assert len(welsh) > 150 and all(postcodes.districts()[d] == {postcodes.ENGLAND_AND_WALES} for d in welsh)
