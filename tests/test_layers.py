"""Nothing below `ui` imports QtWidgets (import-linter cannot name an external sub-package)."""

from __future__ import annotations

import ast
from pathlib import Path

PACKAGE = Path(__file__).resolve().parents[1] / "helpdesk"
BELOW_UI = ("domain", "store", "services", "sync", "receipts", "server")


def _imports(path: Path) -> set[str]:
    names: set[str] = set()
    for node in ast.walk(ast.parse(path.read_text(encoding="utf-8"))):
        if isinstance(node, ast.Import):
            names.update(alias.name for alias in node.names)
        elif isinstance(node, ast.ImportFrom) and node.module:
            names.add(node.module)
            names.update(f"{node.module}.{alias.name}" for alias in node.names)
    return names


def test_nothing_below_ui_imports_qtwidgets() -> None:
    offenders = [str(path.relative_to(PACKAGE))
                 for layer in BELOW_UI if (PACKAGE / layer).exists()
                 for path in (PACKAGE / layer).rglob("*.py")
                 if any("QtWidgets" in name for name in _imports(path))]
    assert offenders == []


def test_the_check_sees_an_offender(tmp_path: Path) -> None:
    module = tmp_path / "bad.py"
    module.write_text("from PySide6.QtWidgets import QWidget\n")
    assert any("QtWidgets" in n for n in _imports(module))
