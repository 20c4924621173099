"""What signing in keeps in memory: Home and the shell, not every page's modules, and no family
list until the volunteer searches (issue "Field-ready station": ≤ 150 MB at 200k families,
measured by bench/startup.py; benchmarks are not tests, so this checks the causes, not MB)."""

from __future__ import annotations

import json
import os
import subprocess
import sys
from pathlib import Path

from helpdesk import paths as pathsmod
from tests.ui.conftest import HEAD, PIN

ROOT = Path(__file__).resolve().parents[2]
CHILD = r"""
import json, sys
sys.path.insert(0, sys.argv[1])
from PySide6.QtCore import QTimer
from helpdesk import app as appmod, paths as pathsmod
qapp = appmod.make_application([])
window = appmod.build_window(pathsmod.resolve(sys.argv[2]))
window.show()
out = {}
def home():
    shell = window.shell
    out["pages"] = sorted(shell.by_name)
    out["modules"] = sorted(m for m in sys.modules if m.startswith(("helpdesk.ui.pages",
        "helpdesk.receipts", "httpx", "PySide6.QtPrintSupport", "PySide6.QtNetwork",
        "PySide6.QtCharts")))
    page = shell.go("families")
    out["rows_on_opening_families"] = page.model.rowCount()
    print(json.dumps(out))
    window.close()
window.signed_in.connect(lambda: QTimer.singleShot(0, home))
window.sign_in_page.choose(sys.argv[3])
QTimer.singleShot(0, lambda: window.sign_in_page.try_pin(sys.argv[4]))
QTimer.singleShot(30_000, qapp.quit)
qapp.exec()
"""


def test_home_holds_only_what_home_needs(demo_station: pathsmod.Paths) -> None:
    env = dict(os.environ, QT_QPA_PLATFORM="offscreen",
               HELPDESK_CONFIG_DIR=str(demo_station.config_dir),
               PYTHON_KEYRING_BACKEND="keyring.backends.fail.Keyring")
    done = subprocess.run([sys.executable, "-c", CHILD, str(ROOT), str(demo_station.data_dir),
                           HEAD, PIN], capture_output=True, text=True, env=env, timeout=120)
    lines = [x for x in done.stdout.splitlines() if x.startswith("{")]
    assert lines, done.stderr[-2000:]
    out = json.loads(lines[-1])
    assert out["pages"] == ["home"]
    loaded = set(out["modules"])
    assert "helpdesk.ui.pages.home" in loaded
    for heavy in ("helpdesk.ui.pages.families", "helpdesk.ui.pages.give_aid",
                  "helpdesk.receipts.printing", "PySide6.QtPrintSupport", "httpx",
                  "helpdesk.ui.pages.reports", "PySide6.QtCharts",
                  # the review badge is counted by the service, not the Review page, whose
                  # void dialog would bring the aid use case and the receipt layouts
                  "helpdesk.ui.pages.review", "helpdesk.receipts.layout",
                  "PySide6.QtNetwork"):  # the station has no server: nothing to watch for
        assert heavy not in loaded, heavy
    assert out["rows_on_opening_families"] == 0  # families are read as the volunteer types
