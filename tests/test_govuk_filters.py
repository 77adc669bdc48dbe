from datetime import date, datetime, time, timezone

import pytest

from court.templatetags.govuk import govuk_date, govuk_datetime, govuk_time


@pytest.mark.parametrize(
    "value, text",
    [
        (time(16, 0), "4pm"), (time(9, 30), "9:30am"), (time(12, 0), "midday"), (time(0, 0), "midnight"),
        (time(12, 5), "12:05pm"), (time(0, 5), "12:05am"),
        # 15:00 UTC in summer is 4pm UK time.
        (datetime(2027, 6, 30, 15, 0, tzinfo=timezone.utc), "4pm"),
    ],
)
def test_govuk_time(value, text):
    assert govuk_time(value) == text


def test_govuk_datetime_is_uk_time_in_words():
    assert govuk_datetime(datetime(2027, 3, 22, 16, 0, tzinfo=timezone.utc)) == "4pm on Monday 22 March 2027"
    # 23:30 UTC on 30 June is 00:30 on 1 July in the UK.
    assert govuk_date(datetime(2027, 6, 30, 23, 30, tzinfo=timezone.utc)) == "1 July 2027"
    assert govuk_date(date(2027, 3, 1), True) == "Monday 1 March 2027"
    assert govuk_datetime(None) == ""
