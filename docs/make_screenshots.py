"""Screenshots of the station app's main pages at 360, 768 and 1366 px wide, in zh_CN and en.

    QT_QPA_PLATFORM=offscreen .venv/bin/python docs/make_screenshots.py [--out docs/screenshots]

Builds a demo station in a temporary folder (never the user's), signs in as its head and grabs
each page with QWidget.grab(). Look at every picture before committing it.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
from pathlib import Path

os.environ.setdefault("QT_QPA_PLATFORM", "offscreen")
ROOT = Path(__file__).resolve().parent.parent
sys.path.insert(0, str(ROOT))

SIZES = {360: 640, 768: 1024, 1366: 768}
LANGUAGES = ("zh_CN", "en")


def make_station(folder: Path) -> None:
    from helpdesk.services import demo
    from helpdesk.services import session as sessions

    paths = _paths(folder)
    s, _ = sessions.create_station(
        paths, {"name": "洪山区关山街道职工帮扶站", "region": "420111",
                "union_name": "武汉市洪山区总工会", "phone": "027-87654321"},
        head_name="admin", head_pin="123456")
    try:
        demo.ensure_programmes(s)
        demo.add_families(s, 300, seed=7)
        demo.add_aid(s, 400, seed=7)
    finally:
        s.close()


def _paths(folder: Path):  # type: ignore[no-untyped-def]
    os.environ["HELPDESK_CONFIG_DIR"] = str(folder / "config")
    from helpdesk import paths as pathsmod

    return pathsmod.resolve(folder / "station")


def _settle(app) -> None:  # type: ignore[no-untyped-def]
    for _ in range(3):
        app.processEvents()


def _sign(pad) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtCore import QPoint, Qt
    from PySide6.QtTest import QTest

    w, h = pad.width(), pad.height()
    points = [QPoint(int(w * x), int(h * y)) for x, y in
              ((0.15, 0.6), (0.25, 0.35), (0.35, 0.7), (0.45, 0.3), (0.55, 0.65), (0.7, 0.4),
               (0.85, 0.6))]
    QTest.mousePress(pad, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, points[0])
    for p in points[1:]:
        QTest.mouseMove(pad, p)
    QTest.mouseRelease(pad, Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier, points[-1])


def shoot(folder: Path, out: Path) -> list[Path]:
    from helpdesk import app as appmod

    qapp = appmod.make_application([])
    paths = _paths(folder)
    made: list[Path] = []
    runs = 0
    for language in LANGUAGES:
        for width, height in SIZES.items():
            empty = appmod.build_window(_paths(folder / "empty"), language=language)
            empty.resize(width, height)
            empty.show()
            _settle(qapp)
            path = out / f"first-run-{language}-{width}.png"
            empty.grab().save(str(path))
            made.append(path)
            empty.close()
            paths = _paths(folder)
            window = appmod.build_window(paths, language=language)
            window.resize(width, height)
            window.show()
            _settle(qapp)

            def grab(name: str, window=window, width=width, language=language) -> None:
                _settle(qapp)
                path = out / f"{name}-{language}-{width}.png"
                window.grab().save(str(path))
                made.append(path)

            window.sign_in_page.choose("admin")
            grab("sign-in")
            window.sign_in_page.pad.field.setText("123456")
            window.sign_in_page.try_pin("123456")
            for _ in range(50):
                _settle(qapp)
                if window.shell is not None:
                    break
            shell = window.shell
            assert shell is not None, "sign-in failed"
            shell.go("home")
            grab("home")
            families = shell.go("families")
            families.search.setText("王")  # type: ignore[attr-defined]
            grab("families")
            # a family not given aid by an earlier run, so no cap approval comes up
            family_id = families.model.family_id(runs)  # type: ignore[attr-defined]
            runs += 1
            shell.open_family(family_id)
            grab("family")
            give = shell.go("give_aid", family_id)
            give.amount.setText("500")  # type: ignore[attr-defined]
            grab("give-aid")
            give.to_signature()  # type: ignore[attr-defined]
            _settle(qapp)
            _sign(give.pad)  # type: ignore[attr-defined]
            grab("signature")
            give.confirm()  # type: ignore[attr-defined]
            assert give.last_aid is not None, give.message.text()  # type: ignore[attr-defined]
            grab("aid-saved")
            dialog = give.show_receipt()  # type: ignore[attr-defined]
            _settle(qapp)
            path = out / f"receipt-{language}-{width}.png"
            dialog.grab().save(str(path))
            made.append(path)
            dialog.close()
            form = shell.go("family_form", None)
            form.editors["head_name"].setText("张三")  # type: ignore[attr-defined]
            form.editors["id_number"].setText("420111198005171234")  # type: ignore[attr-defined]
            form.save()  # type: ignore[attr-defined]
            form.scroll_area.verticalScrollBar().setValue(0)  # type: ignore[attr-defined]
            grab("register-errors")
            shell.go("settings")
            grab("settings")
            window.close()
            window.deleteLater()
            _settle(qapp)
    return made


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=ROOT / "docs" / "screenshots")
    args = parser.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="helpdesk-shots-") as tmp:
        os.environ["PYTHON_KEYRING_BACKEND"] = "keyring.backends.fail.Keyring"
        make_station(Path(tmp))
        for path in shoot(Path(tmp), args.out):
            print(path.relative_to(ROOT) if path.is_relative_to(ROOT) else path)
    return 0


if __name__ == "__main__":
    sys.exit(main())
