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
    "postcode, uk, england_or_wales",
    [
        ("SW1A 1AA", True, True),      # London
        ("CF10 1EP", True, True),      # Cardiff
        ("LL57 2DG", True, True),      # Bangor, Wales
        ("CH5 3AA", True, True),       # Flintshire (Welsh side of the CH area)
        ("EH1 1YZ", True, False),      # Edinburgh
        ("G1 1XQ", True, False),       # Glasgow
        ("GL1 1AA", True, True),       # Gloucester: GL is not G
        ("BT1 5GS", True, False),      # Belfast
        ("TD15 1AA", True, True),      # Berwick-upon-Tweed, England
        ("TD1 1AA", True, False),      # Galashiels, Scotland
        ("DG16 5AA", True, True),      # border district, partly England
        ("JE2 3AA", False, False),     # Jersey
        ("IM1 1AA", False, False),     # Isle of Man
        ("GY1 1AA", False, False),     # Guernsey
        ("12345", False, False),
        ("", False, False),
    ],
)
def test_uk_and_england_or_wales(postcode, uk, england_or_wales):
    assert postcodes.is_uk(postcode) is uk
    assert postcodes.is_england_or_wales(postcode) is england_or_wales
