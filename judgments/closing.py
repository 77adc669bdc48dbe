"""Paid, settled, discontinued; the register of judgments (guide 004)."""
from __future__ import annotations
