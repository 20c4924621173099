"""Receipts: layout (HTML → QTextDocument), the signed QR payload, PDF, printing, paper roster.

QtGui and QtPrintSupport only: nothing here imports QtWidgets, so the command line renders with a
QGuiApplication (offscreen) and the app's dialogs live in `ui`.
"""
