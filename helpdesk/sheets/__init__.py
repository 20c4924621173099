"""Spreadsheets in and out: rosters read from .xlsx/.xls/.csv, the 台账 and the family roster
written as .xlsx. Plain data in, plain data out: this package imports only the domain, so the
station (through its services) and the central server write the same columns the same way.
"""
