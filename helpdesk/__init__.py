"""Helpdesk: the aid register of a trade-union help station."""

from datetime import date

__version__ = "0.1.0"
# A clock earlier than this is certainly wrong: giving aid then needs a station head (DESIGN.md 6).
__build_date__ = date(2026, 11, 23)
