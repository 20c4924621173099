"""Dialogs, opened with open() (never exec()), answering by past-tense signals."""
