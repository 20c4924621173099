"""Pydantic models and pure rules of the help station; no I/O, no Qt, no other helpdesk imports."""
