"""Fee bands staff enter: contiguous, non-overlapping, covering every amount (shared/spec/money.md)."""
from decimal import Decimal as D

import pytest

from rules.fee_bands import BandRow, band_problems
from rules.money import FEES_2021_09_16


def row(over, up_to, fixed=None, percent=None, cap=None) -> BandRow:
    def dec(value):
        return D(value) if value is not None else None

    return BandRow(over=dec(over), up_to=dec(up_to), fixed=dec(fixed), percent=dec(percent), cap=dec(cap))


GOOD_TAIL = [row("500", None, fixed="10000")]


@pytest.mark.parametrize(
    "rows, problems",
    [
        # Good tables.
        ([row("0", "300", fixed="35"), row("300", "500", fixed="50"), *GOOD_TAIL], []),
        ([row("0", None, fixed="35")], []),
        ([row("0", "300", fixed="35"), row("300", "500", percent="5", cap="200"), *GOOD_TAIL], []),
        ([row("0", "300", fixed="35"), row("300", None, percent="4.5")], []),
        # The edges of what a band may charge: a fee of nothing, and all of the amount.
        ([row("0", "300", fixed="0"), row("300", None, percent="100")], []),
        # Order of entry does not matter.
        ([*GOOD_TAIL, row("300", "500", fixed="50"), row("0", "300", fixed="35")], []),
        # Nothing at all.
        ([], ["Add the schedule's fee bands"]),
        # A gap between two bands.
        ([row("0", "300", fixed="35"), row("400", "500", fixed="50"), *GOOD_TAIL],
         ["Amounts over £300.00 up to £400.00 have no band: the band after over £0.00 up to £300.00 must start "
          "over £300.00"]),
        # A gap of a penny is still a gap.
        ([row("0", "300", fixed="35"), row("300.01", "500", fixed="50"), *GOOD_TAIL],
         ["Amounts over £300.00 up to £300.01 have no band: the band after over £0.00 up to £300.00 must start "
          "over £300.00"]),
        # Overlapping bands.
        ([row("0", "300", fixed="35"), row("250", "500", fixed="50"), *GOOD_TAIL],
         ["The bands over £0.00 up to £300.00 and over £250.00 up to £500.00 overlap"]),
        # Two bands the same.
        ([row("0", "300", fixed="35"), row("0", "300", fixed="35"), row("300", None, fixed="50")],
         ["The bands over £0.00 up to £300.00 and over £0.00 up to £300.00 overlap"]),
        # The first band does not start at nothing.
        ([row("100", "300", fixed="35"), row("300", None, fixed="50")],
         ["The first band must start over £0.00, not £100.00"]),
        # A band without an upper limit that is not last.
        ([row("0", None, fixed="35"), row("300", None, fixed="50")],
         ["Only one band can have no upper limit (the last one)",
          "The band over £0.00 has no upper limit, but the band over £300.00 comes after it: only the last band "
          "can have no upper limit"]),
        # No band without an upper limit: amounts above the last are left without a fee.
        ([row("0", "300", fixed="35"), row("300", "500", fixed="50")],
         ["The last band must have no upper limit, so that every amount has a fee"]),
        # A band that ends where it starts.
        ([row("0", "0", fixed="35"), row("0", None, fixed="50")],
         ["The band over £0.00 up to £0.00 must end above the amount it starts over"]),
        # Fixed and percentage together, or neither.
        ([row("0", None, fixed="35", percent="5")], ["The band over £0.00 needs either a fixed fee or a percentage, "
                                                     "not both"]),
        ([row("0", None)], ["The band over £0.00 needs either a fixed fee or a percentage, not both"]),
        # A cap on a fixed fee; a cap of nothing.
        ([row("0", None, fixed="35", cap="100")],
         ["The band over £0.00 has a cap, but only a percentage fee can be capped"]),
        ([row("0", None, percent="5", cap="0")], ["The band over £0.00 needs a cap above £0.00"]),
        # Percentages outside (0, 100].
        ([row("0", None, percent="0")], ["The band over £0.00 needs a percentage more than 0 and at most 100"]),
        ([row("0", None, percent="101")], ["The band over £0.00 needs a percentage more than 0 and at most 100"]),
        # Negative amounts; a missing start.
        ([row("-1", None, fixed="35")], ["The band over -£1.00 cannot start below £0.00",
                                         "The first band must start over £0.00, not -£1.00"]),
        ([row("0", None, fixed="-5")], ["The band over £0.00 cannot have a fee below £0.00"]),
        ([row(None, None, fixed="35")], ["The band over (no lower limit) needs the amount it starts over (0.00 for "
                                         "the first band)"]),
    ],
)
def test_band_problems(rows, problems):
    assert band_problems(rows) == problems


def test_the_seeded_2021_schedule_is_a_good_table():
    rows = [BandRow(over=b.over, up_to=b.up_to, fixed=b.fixed, percent=b.percent, cap=b.cap) for b in FEES_2021_09_16]
    assert band_problems(rows) == []
