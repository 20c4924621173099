"""Screenshots of the station app's main pages at 360, 768 and 1366 px wide, in zh_CN and en.

    QT_QPA_PLATFORM=offscreen .venv/bin/python docs/make_screenshots.py [--out docs/screenshots]
        [--only review sync-status connect import-mapping import-preview close-day reports
         paper-entry export]

Builds a demo station in a temporary folder (never the user's), signs in as its head and grabs
each page with QWidget.grab(). Look at every picture before committing it.
"""

from __future__ import annotations

import argparse
import os
import sys
import tempfile
import time
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
        seed_review(s)
    finally:
        s.close()


def seed_review(s) -> None:  # type: ignore[no-untyped-def]
    """What a sync could have left for the head: a clash, an alert, a refused change."""
    db = s.db
    fam_a, name_a = db.execute("SELECT id, head_name FROM families ORDER BY id LIMIT 1").fetchone()
    fam_b = db.execute("SELECT id FROM families ORDER BY id LIMIT 1 OFFSET 1").fetchone()[0]
    programme = db.execute("SELECT id FROM programmes LIMIT 1").fetchone()[0]
    db.execute(
        "INSERT INTO conflicts(entity, entity_id, family_id, field, kept_value, kept_change_id, "
        "kept_by, kept_hlc, losing_value, losing_change_id, lost_by, losing_hlc, created_at) "
        "VALUES ('family', ?, ?, 'phone', '\"138 2716 3300\"', 'c1', '李娜@420111-002', "
        "'1795000000001-0', '\"139 0712 8841\"', 'c2', 'admin@this', '1795000000000-0', "
        "'2026-11-20T08:00:00Z')", [fam_a, fam_a])
    db.execute(
        "INSERT INTO alerts(aid_id, programme_id, masked_id, station_code, family_id, others, "
        "created_at, server_seq) VALUES ('aid-x', ?, '420***********2315', '420111-001', ?, "
        "'[{\"station_code\": \"420111-004\"}]', '2026-11-20T09:12:00Z', 1)",
        [programme, fam_b])
    db.execute("UPDATE changes SET sync_status = 'rejected', sync_detail = "
               "'region 420102 is not this station''s region' WHERE entity_id = ?", [fam_b])
    del name_a


def _paths(folder: Path):  # type: ignore[no-untyped-def]
    os.environ["HELPDESK_CONFIG_DIR"] = str(folder / "config")
    from helpdesk import paths as pathsmod

    return pathsmod.resolve(folder / "station")


def _settle(app) -> None:  # type: ignore[no-untyped-def]
    for _ in range(3):
        app.processEvents()


def _sign(pad) -> None:  # type: ignore[no-untyped-def]
    """张三 written on the pad (the strokes the signature tests replay)."""
    from PySide6.QtCore import QPoint, Qt
    from PySide6.QtTest import QTest

    from tests.signatures import ZHANG_SAN

    left, none = Qt.MouseButton.LeftButton, Qt.KeyboardModifier.NoModifier
    for stroke in ZHANG_SAN:
        points = [QPoint(int(x) + 20, int(y)) for x, y in stroke]
        QTest.mousePress(pad, left, none, points[0])
        for p in points[1:]:
            QTest.mouseMove(pad, p)
        QTest.mouseRelease(pad, left, none, points[-1])


def shoot(folder: Path, out: Path, only: set[str] | None = None) -> list[Path]:
    from datetime import UTC, datetime, timedelta

    from helpdesk import app as appmod
    from helpdesk.ui.dialogs.connect import ConnectDialog
    from helpdesk.ui.sync_controller import State, Status

    qapp = appmod.make_application([])
    paths = _paths(folder)
    made: list[Path] = []
    for language in LANGUAGES:
        for width, height in SIZES.items():
            empty = appmod.build_window(_paths(folder / "empty"), language=language)
            empty.resize(width, height)
            empty.show()
            _settle(qapp)
            path = out / f"first-run-{language}-{width}.png"
            if not only or "first-run" in only:
                empty.grab().save(str(path))
                made.append(path)
            empty.close()
            paths = _paths(folder)
            window = appmod.build_window(paths, language=language)
            window.resize(width, height)
            window.show()
            _settle(qapp)

            def grab(name: str, widget=window, width=width, language=language) -> None:
                if only and name not in only:
                    return
                _settle(qapp)
                path = out / f"{name}-{language}-{width}.png"
                widget.grab().save(str(path))
                made.append(path)

            window.sign_in_page.choose("admin")
            grab("sign-in")
            window.sign_in_page.pad.field.setText("123456")
            window.sign_in_page.try_pin("123456")
            for _ in range(500):  # the PIN's key is derived off the GUI thread: up to 10 s
                _settle(qapp)
                if window.shell is not None:
                    break
                time.sleep(0.02)
            shell = window.shell
            assert shell is not None, "sign-in failed"
            shell.go("home")
            grab("home")
            families = shell.go("families")
            families.search.setText("王")  # type: ignore[attr-defined]
            grab("families")
            # a family that has not had 送温暖 (by the demo data or an earlier run): no cap
            # approval comes up
            from helpdesk.services import aid as aidcases

            model = families.model  # type: ignore[attr-defined]
            family_id = next(
                fid for fid in (model.family_id(i) for i in range(model.rowCount()))
                if all(st.received == 0 for st in aidcases.standings(shell.session, fid)
                       if st.programme.name_zh.startswith("送温暖")))
            shell.open_family(family_id)
            grab("family")
            give = shell.go("give_aid", family_id)
            picker = give.programme  # type: ignore[attr-defined]
            picker.setCurrentRow(next(i for i in range(picker.count())  # no default: pick
                                      if picker.item(i).text().startswith(("送温暖", "Warmth"))))
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
            grab("receipt", dialog)
            dialog.close()
            form = shell.go("family_form", None)
            form.editors["head_name"].setText("张三")  # type: ignore[attr-defined]
            form.editors["id_number"].setText("420111198005171234")  # type: ignore[attr-defined]
            form.save()  # type: ignore[attr-defined]
            form.scroll_area.verticalScrollBar().setValue(0)  # type: ignore[attr-defined]
            grab("register-errors")
            form.discard()  # type: ignore[attr-defined]  # else leaving it asks first
            shell.go("settings")
            grab("settings")
            if width < 720:  # the narrow bar's way to every other page
                sheet = shell.open_more()
                _settle(qapp)
                grab("more", sheet)
                if shell.more_sheet is not None:
                    shell.more_sheet.close()
            shell.go("review")
            grab("review")
            paperwork(qapp, shell, folder, grab, lambda n: not only or n in only)
            shell.go("home")
            shell.sync.stop()  # the picture shows an enrolled station a few minutes after a sync
            shell.sync_status.show_status(Status(
                State.IDLE, shell.sync.status.waiting, datetime.now(UTC) - timedelta(minutes=4),
                skew_ms=-6 * 60_000))
            grab("sync-status")
            shell.sync_status.show_status(Status(State.NOT_CONNECTED, 3))
            connect = ConnectDialog(shell.session, shell)
            connect.url_edit().setText("http://sync.example.cn")
            connect.code_edit().setText("K7QP-2XWD")
            connect.show()
            connect.start()  # shows the plain-http error beside the address
            connect.adjustSize()
            grab("connect", connect)
            connect.close()
            window.close()
            window.deleteLater()
            _settle(qapp)
    return made


def _wait(qapp, done, seconds: float = 60) -> None:  # type: ignore[no-untyped-def]
    """Let the GUI thread run until `done()` (work on the worker pool), at most `seconds`."""
    deadline = time.monotonic() + seconds
    while not done() and time.monotonic() < deadline:
        _settle(qapp)
        time.sleep(0.02)
    assert done(), "timed out"
    for _ in range(10):  # what the page does once shown (rows take their wrapped height)
        _settle(qapp)
        time.sleep(0.02)


def _top(kind):  # type: ignore[no-untyped-def]
    from PySide6.QtWidgets import QApplication

    return next(w for w in QApplication.topLevelWidgets() if isinstance(w, kind) and w.isVisible())


def _roster(path: Path, known) -> Path:  # type: ignore[no-untyped-def]
    """A roster as a union office keeps it: a title row, a column the app does not know
    (名字), a mistyped phone and a family the station already has under another spelling."""
    from tests.sheets import rosters

    header = ["序号", "名字", "性别", "公民身份号码", "出生日期", "联系电话", "住址", "工作单位",
              "困难类别", "致困原因", "家庭人口", "月收入（元）", "户口性质", "就业状况"]
    rows = []
    for n, name in enumerate(("陈秀英", "刘建国", "黄丽华", "周志强", "吴桂兰", "徐海涛"), 1):
        row = rosters.person(n, 名字=name)
        rows.append(row)
    rows[2]["联系电话"] = "1390000123"
    rows[4].update({"名字": known.head_name, "公民身份号码": None,
                    "出生日期": known.birth_date})
    return rosters.write_xlsx(path, rows, title="洪山区困难职工档案（2026年）", header=header)


def paperwork(qapp, shell, folder: Path, grab, wanted) -> None:  # type: ignore[no-untyped-def]
    """Issue 13's pages and dialogs: import mapping and preview, closing the day, the
    Reports page, typing back a paper sheet, the ledger export."""
    from PySide6.QtCore import QPoint

    from helpdesk.services import families as familycases
    from helpdesk.ui.dialogs.close_day import CloseDayDialog
    from helpdesk.ui.pages import import_roster

    s = shell.session
    if wanted("import-mapping") or wanted("import-preview"):
        page = shell.go("import_roster")
        known = familycases.family_history(s, s.db.execute(
            "SELECT id FROM families WHERE id_number != '' ORDER BY id LIMIT 1 OFFSET 5"
        ).fetchone()[0]).family
        page.open_file(_roster(folder / "roster.xlsx", known))
        grab("import-mapping")
        box = page.columns.column_boxes["名字"]
        box.setCurrentIndex(box.findData("head_name"))
        page.check_rows()
        _wait(qapp, lambda: page.steps.currentIndex() == import_roster.PREVIEW)
        grab("import-preview")
        page.discard()
    if wanted("close-day"):
        home = shell.go("home")
        home.close_day_button.click()
        _settle(qapp)
        dialog = _top(CloseDayDialog)
        dialog.float_edit.setText("1000")
        for name, n in (("y100", 12), ("y50", 3), ("y20", 4), ("y10", 2), ("j5", 1)):
            dialog.spins[name].setValue(n)
        grab("close-day", dialog)
        dialog.reject()
    if wanted("reports"):
        shell.go("reports")
        grab("reports")
    if wanted("paper-entry"):
        home = shell.go("home")
        home.paper_button.click()
        page = shell.page("paper_entry")
        printed = page.print_sheet(folder / "blank-sheet.pdf", None)
        assert printed is not None, page.message.text()
        page.sheet.setText(printed.sheet.number)
        page.open_sheet()
        family_id = s.db.execute("SELECT id FROM families ORDER BY id LIMIT 1 OFFSET 9"
                                 ).fetchone()[0]
        page.pick_family(family_id)
        page.amount.setText("300")
        _settle(qapp)
        top = page.sheet_state.mapTo(page.scroll_area.widget(), QPoint(0, 0)).y()
        page.scroll_area.verticalScrollBar().setValue(top - 8)  # the sheet's line form
        grab("paper-entry")
        if hasattr(page, "discard"):
            page.discard()
    if wanted("export"):
        settings = shell.go("settings")
        settings.exports.button.click()
        _settle(qapp)
        dialog = settings.exports.dialog
        assert dialog is not None
        grab("export", dialog)
        dialog.close()


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", type=Path, default=ROOT / "docs" / "screenshots")
    parser.add_argument("--only", nargs="*", help="save only these pictures (e.g. review)")
    args = parser.parse_args()
    args.out.mkdir(parents=True, exist_ok=True)
    with tempfile.TemporaryDirectory(prefix="helpdesk-shots-") as tmp:
        os.environ["PYTHON_KEYRING_BACKEND"] = "keyring.backends.fail.Keyring"
        make_station(Path(tmp))
        for path in shoot(Path(tmp), args.out, set(args.only or ())):
            print(path.relative_to(ROOT) if path.is_relative_to(ROOT) else path)
    return 0


if __name__ == "__main__":
    sys.exit(main())
