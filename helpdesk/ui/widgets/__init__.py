"""Reusable widgets: PIN pad, signature pad, form fields, navigation."""
