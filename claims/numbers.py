"""Claim numbers and security codes.

Claim numbers look like the court service's: three digits, ``MC``, three digits
(``000MC001``, ``000MC002`` … ``000MC999``, ``001MC001`` …). They come from one counter
row that issuing locks (``ClaimNumberCounter``), so two claims issued at the same moment
never share a number; the column's unique constraint is the backstop.
"""
from __future__ import annotations

import secrets

#: Letters and digits that cannot be mistaken for each other when typed from a letter.
SECURITY_CODE_ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789"
SECURITY_CODE_LENGTH = 8
PER_SERIES = 999
MAX_NUMBER = 1000 * PER_SERIES


def format_claim_number(sequence: int) -> str:
    """The ``sequence``-th claim number (1 → ``000MC001``, 999 → ``000MC999``, 1000 → ``001MC001``)."""
    if not 1 <= sequence <= MAX_NUMBER:
        raise ValueError(f"claim number sequence out of range: {sequence}")
    series, position = divmod(sequence - 1, PER_SERIES)
    return f"{series:03d}MC{position + 1:03d}"


def new_security_code() -> str:
    return "".join(secrets.choice(SECURITY_CODE_ALPHABET) for _ in range(SECURITY_CODE_LENGTH))


def normalise_claim_number(text: str) -> str:
    """A claim number as typed from a letter ("000 mc 001", "000MC001 ") in its stored form;
    "" if it cannot be one."""
    compact = "".join((text or "").split()).upper()
    if len(compact) != 8 or not (compact[:3].isdigit() and compact[3:5] == "MC" and compact[5:].isdigit()):
        return ""
    return compact
