"""The claimant's and the judgment's deadlines (see ``court.sweeps``)."""
from __future__ import annotations
