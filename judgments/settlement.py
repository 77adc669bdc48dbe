"""Settlement agreements (OCON Settlement Agreement A; PD 51R 7.8, 7.9, 7.13, 7.14)."""
from __future__ import annotations
