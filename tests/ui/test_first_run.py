"""First run → sign in → register a family → give cash aid with a signature → history, outbox."""

from __future__ import annotations

from datetime import date

from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from helpdesk.domain import idcard
from helpdesk.services import families, status
from helpdesk.ui.main_window import MainWindow
from tests.ui.conftest import draw_signature, sign_in

GOOD_ID = idcard.make("420111", date(1980, 5, 17), 123)
BAD_ID = GOOD_ID[:-1] + ("0" if GOOD_ID[-1] != "0" else "1")


def fill_family(page, name: str = "张三", number: str = GOOD_ID,  # type: ignore[no-untyped-def]
                phone: str = "13812345678") -> None:
    page.editors["head_name"].setText(name)
    page.editors["id_number"].setText(number)
    page.editors["phone"].setText(phone)
    page.editors["region"].set_code("420111")
    page.editors["reasons"].boxes["illness"].setChecked(True)
    page.consent.setChecked(True)


def test_first_run_to_aid_in_history(qtbot: QtBot, make_window, paths) -> None:  # type: ignore[no-untyped-def]
    window: MainWindow = make_window()
    wizard = window.first_run
    assert window.stack.currentWidget() is wizard
    wizard.name_edit.setText("关山街道职工帮扶站")
    wizard.region_picker.set_code("420111")
    wizard.head_edit.setText("李站长")
    wizard.pin_edit.setText("246810")
    wizard.pin2_edit.setText("246811")
    qtbot.mouseClick(wizard.create_button, Qt.MouseButton.LeftButton)
    assert wizard.fields["pin_again"].error.text() == "The two PINs differ"
    assert not paths.database.exists()
    wizard.pin2_edit.setText("246810")
    wizard.region_picker.search.setText("12")
    qtbot.mouseClick(wizard.create_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(wizard.create_button.isEnabled, timeout=10000)  # refused by the service
    assert wizard.fields["region"].error.isVisible()  # the domain's rule, beside its field
    assert not wizard.fields["pin_again"].error.isVisible()
    assert not paths.database.exists()
    wizard.region_picker.set_code("420111")

    wizard.pin2_edit.setText("246810")
    qtbot.mouseClick(wizard.create_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: wizard.steps.currentIndex() == 1, timeout=10000)
    code = wizard.code_label.text()
    assert len(code.replace("-", "")) >= 32
    assert not wizard.continue_button.isEnabled()
    wizard.written.setChecked(True)
    qtbot.mouseClick(wizard.continue_button, Qt.MouseButton.LeftButton)
    assert window.shell is not None and wizard.code_label.text() == ""

    window.lock()  # then sign in the ordinary way
    assert window.stack.currentWidget() is window.sign_in_page
    sign_in(qtbot, window, "李站长", "246810")
    shell = window.shell
    assert shell is not None
    # a programme first, so aid can be given
    prog = shell.go("programmes")
    prog.fields["code"].editor.setText("LOCAL-1")
    prog.fields["name_zh"].editor.setText("本站慰问金")
    prog.fields["starts_on"].editor.setText("2020-01-01")
    prog.fields["ends_on"].editor.setText("2099-12-31")
    qtbot.mouseClick(prog.create_button, Qt.MouseButton.LeftButton)
    assert prog.list.count() == 1, prog.message.text()

    # Register: an invalid ID is shown beside its field, nothing is saved
    form = shell.go("family_form", None)
    fill_family(form, number=BAD_ID)
    qtbot.mouseClick(form.save_button, Qt.MouseButton.LeftButton)
    assert form.fields["id_number"].error.isVisible()
    assert "check" in form.fields["id_number"].error.text().lower()
    assert status.today(shell.session).families == 0

    form.editors["id_number"].setText(GOOD_ID)
    qtbot.mouseClick(form.save_button, Qt.MouseButton.LeftButton)
    family_page = shell.pages.currentWidget()
    assert family_page is shell.page("family")
    assert family_page.title.text() == "张三"
    family_id = family_page.family_id

    # The same ID again is refused, beside the field
    form = shell.go("family_form", None)
    fill_family(form, name="张山")
    qtbot.mouseClick(form.save_button, Qt.MouseButton.LeftButton)
    assert "already registered" in form.fields["id_number"].error.text()

    # A likely duplicate (same name and phone, other ID) is offered before saving
    other_id = idcard.make("420111", date(1981, 6, 1), 321)
    fill_family(form, number=other_id)
    qtbot.mouseClick(form.save_button, Qt.MouseButton.LeftButton)
    assert form.duplicates.isVisible()
    assert status.today(shell.session).families == 1
    different = form.duplicates.findChild(type(form.save_button), "duplicate_different")
    qtbot.mouseClick(different, Qt.MouseButton.LeftButton)
    assert status.today(shell.session).families == 2

    # Give 500 yuan in cash with a signature
    shell.open_family(family_id)
    qtbot.mouseClick(shell.page("family").give_button, Qt.MouseButton.LeftButton)
    give = shell.page("give_aid")
    qtbot.keyClicks(give.amount, "500")
    assert "伍佰元整" in give.capitals.text()
    qtbot.mouseClick(give.next_button, Qt.MouseButton.LeftButton)
    qtbot.mouseClick(give.confirm_button, Qt.MouseButton.LeftButton)
    assert give.sign_error.isVisible()  # no signature yet
    draw_signature(qtbot, give.pad)
    waiting_before = status.waiting_changes(shell.session)
    qtbot.mouseClick(give.confirm_button, Qt.MouseButton.LeftButton)
    receipt = give.receipt.text()
    assert receipt.startswith(shell.session.device.code + "-"), give.message.text()

    history = families.family_history(shell.session, family_id)
    assert [a.receipt_no for a in history.aid] == [receipt]
    assert history.aid[0].amount_fen == 50000 and history.aid[0].signature_hash
    waiting = status.waiting_changes(shell.session)
    assert waiting > waiting_before
    changes = shell.session.db.execute(
        "SELECT entity, entity_id FROM changes WHERE entity = 'aid'").fetchall()
    assert [tuple(r) for r in changes] == [("aid", history.aid[0].id)]
    qtbot.mouseClick(give.findChild(type(give.next_button), "aid_done_family"),
                     Qt.MouseButton.LeftButton)
    assert receipt in shell.page("family").aid.item(0).text()
    assert f"{waiting} waiting" in shell.sync_status.text.text()


def test_recovery_code_print_dialog_opens(qtbot: QtBot, make_window) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtWidgets import QDialog

    window: MainWindow = make_window()
    wizard = window.first_run
    wizard.name_edit.setText("关山街道职工帮扶站")
    wizard.region_picker.set_code("420111")
    wizard.head_edit.setText("李站长")
    wizard.pin_edit.setText("246810")
    wizard.pin2_edit.setText("246810")
    qtbot.mouseClick(wizard.create_button, Qt.MouseButton.LeftButton)
    qtbot.waitUntil(lambda: wizard.steps.currentIndex() == 1, timeout=10000)
    qtbot.mouseClick(wizard.print_button, Qt.MouseButton.LeftButton)
    dialog = wizard.findChild(QDialog, "recovery_print_dialog")
    assert dialog is not None and dialog.isVisible()
    dialog.reject()


def test_first_run_refuses_a_folder_with_a_database_but_no_key_file(  # type: ignore[no-untyped-def]
        qtbot: QtBot, make_window, paths) -> None:
    paths.ensure()
    paths.database.write_bytes(b"SQLite format 3\0 not ours to delete")
    window: MainWindow = make_window()
    wizard = window.first_run
    assert window.stack.currentWidget() is wizard
    assert not wizard.create_button.isEnabled()
    assert "station.keys.json" in wizard.error.text() and wizard.error.isVisible()
    wizard.create_station()  # even if asked directly, nothing is made over it
    assert paths.database.read_bytes() == b"SQLite format 3\0 not ours to delete"
    assert not paths.key_file.exists()


def test_first_screen_switches_the_language(qtbot: QtBot, make_window, paths) -> None:  # type: ignore[no-untyped-def]
    from PySide6.QtWidgets import QLabel, QPushButton

    window: MainWindow = make_window()
    wizard = window.first_run
    assert window.stack.currentWidget() is wizard and wizard.steps.currentIndex() == 0
    chinese = wizard.findChild(QPushButton, "first_run_language_zh_CN")
    assert chinese.isVisible() and chinese.text() == "简体中文"
    assert wizard.findChild(QPushButton, "first_run_language_en").isChecked()
    wizard.name_edit.setText("关山街道职工帮扶站")  # typed before switching: kept
    qtbot.mouseClick(chinese, Qt.MouseButton.LeftButton)
    wizard = window.first_run  # rebuilt in Chinese
    assert window.stack.currentWidget() is wizard and window.prefs.language == "zh_CN"
    texts = {w.text() for w in wizard.findChildren(QLabel)}
    assert "设置本帮扶站" in texts and "语言" in texts and "Language" not in texts
    assert wizard.create_button.text() == "创建站点"
    assert wizard.findChild(QPushButton, "first_run_language_zh_CN").isChecked()
    assert wizard.name_edit.text() == "关山街道职工帮扶站"
    qtbot.mouseClick(wizard.findChild(QPushButton, "first_run_language_en"),
                     Qt.MouseButton.LeftButton)
    assert window.first_run.create_button.text() == "Create the station"
    assert window.prefs.language == "en"
