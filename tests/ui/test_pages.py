"""Edit a family, add a member, add a volunteer, back up and restore, lazy results list."""

from __future__ import annotations

from PySide6.QtCore import Qt
from PySide6.QtWidgets import QDialog, QPushButton
from pytestqt.qtbot import QtBot

from helpdesk.services import families
from helpdesk.ui.main_window import MainWindow
from helpdesk.ui.models.families import PAGE
from tests.ui.conftest import ime_commit, sign_in
from tests.ui.test_give_aid import first_family

LEFT = Qt.MouseButton.LeftButton


def test_edit_family_and_add_member(qtbot: QtBot, signed_in: MainWindow) -> None:
    shell = signed_in.shell
    assert shell is not None
    family_id = first_family(signed_in)
    shell.open_family(family_id)
    qtbot.mouseClick(shell.page("family").edit_button, LEFT)
    form = shell.page("family_form")
    assert form.title.text() == "Edit family" and form.editors["head_name"].text()
    form.editors["address"].clear()
    ime_commit(form.editors["address"], "民族大道 1 号")
    form.editors["phone"].setText("12")
    qtbot.mouseClick(form.save_button, LEFT)
    assert form.fields["phone"].error.isVisible()  # the phone rule, beside the field
    form.editors["phone"].setText("13912345678")
    qtbot.mouseClick(form.save_button, LEFT)
    assert shell.pages.currentWidget() is shell.page("family")
    assert families.family_history(shell.session, family_id).family.address == "民族大道 1 号"

    page = shell.page("family")
    qtbot.mouseClick(page.member_button, LEFT)
    dialog = page.findChild(QDialog, "member_dialog")
    save = dialog.findChild(QPushButton, "member_save")
    qtbot.mouseClick(save, LEFT)
    assert dialog.fields["name"].error.isVisible()
    ime_commit(dialog.fields["name"].editor, "王小宝")
    dialog.fields["birth_date"].editor.setText("2015-09-01")
    qtbot.mouseClick(save, LEFT)
    assert not dialog.isVisible()
    members = families.family_history(shell.session, family_id).members
    assert "王小宝" in [m.name for m in members]
    row = next(i for i in range(page.members.count()) if "王小宝" in page.members.item(i).text())

    # tap the member to edit it
    item = page.members.item(row)
    qtbot.mouseClick(page.members.viewport(), LEFT,
                     pos=page.members.visualItemRect(item).center())
    dialog = page.findChildren(QDialog, "member_dialog")[-1]
    assert dialog.isVisible() and dialog.fields["name"].editor.text() == "王小宝"
    dialog.fields["school_or_work"].editor.clear()
    ime_commit(dialog.fields["school_or_work"].editor, "关山小学")
    qtbot.mouseClick(dialog.findChild(QPushButton, "member_save"), LEFT)
    edited = next(m for m in families.family_history(shell.session, family_id).members
                  if m.name == "王小宝")
    assert edited.school_or_work == "关山小学"


def test_head_adds_a_volunteer_who_can_sign_in(qtbot: QtBot, signed_in: MainWindow) -> None:
    shell = signed_in.shell
    assert shell is not None
    page = shell.go("volunteers")
    before = page.list.count()
    ime_commit(page.fields["name"].editor, "小李")
    page.fields["pin"].editor.setText("12")
    add = page.findChild(QPushButton, "volunteer_add")
    qtbot.mouseClick(add, LEFT)
    assert page.fields["pin"].error.isVisible() and page.list.count() == before
    page.fields["pin"].editor.setText("135790")
    qtbot.mouseClick(add, LEFT)
    assert page.list.count() == before + 1
    signed_in.lock()
    sign_in(qtbot, signed_in, "小李", "135790")
    assert signed_in.session is not None and signed_in.session.volunteer.name == "小李"


def test_backup_and_restore(qtbot: QtBot, signed_in: MainWindow) -> None:
    shell = signed_in.shell
    assert shell is not None
    settings = shell.go("settings")
    qtbot.mouseClick(settings.backup_button, LEFT)
    qtbot.waitUntil(lambda: settings.backup_list.count() == 1, timeout=10000)
    settings.backup_list.setCurrentRow(0)
    with qtbot.waitSignal(signed_in.restore_finished, timeout=10000):
        qtbot.mouseClick(settings.restore_button, LEFT)
    assert signed_in.session is None
    assert "restored" in signed_in.sign_in_page.message.text()
    sign_in(qtbot, signed_in)
    assert signed_in.session is not None and signed_in.session.new_device_reason


def test_results_list_fetches_more_as_it_scrolls(qtbot: QtBot, signed_in: MainWindow) -> None:
    shell = signed_in.shell
    assert shell is not None
    from helpdesk.services import demo

    demo.add_families(shell.session, 400, seed=11)
    page = shell.go("families")
    page.search.setText("z")  # a pinyin initial: many families
    assert page.model.rowCount() == PAGE
    page.view.scrollToBottom()
    qtbot.waitUntil(lambda: page.model.rowCount() > PAGE)


def test_head_resets_a_pin_and_removes_a_volunteer(qtbot: QtBot, signed_in: MainWindow) -> None:
    from tests.ui.conftest import VOLUNTEER

    shell = signed_in.shell
    assert shell is not None
    page = shell.go("volunteers")
    row = next(i for i in range(page.list.count())
               if page.list.item(i).text().startswith(VOLUNTEER))
    page.list.setCurrentRow(row)
    page.new_pin.editor.setText("222222")
    qtbot.mouseClick(page.findChild(QPushButton, "volunteer_reset_pin"), LEFT)
    assert "new PIN" in page.message.text()
    page.list.setCurrentRow(row)
    qtbot.mouseClick(page.findChild(QPushButton, "volunteer_remove"), LEFT)
    assert "Removed" in page.message.text()
    assert all(not page.list.item(i).text().startswith(VOLUNTEER)
               for i in range(page.list.count()))
    signed_in.lock()
    names = [signed_in.sign_in_page.who.item(i).text()
             for i in range(signed_in.sign_in_page.who.count())]
    assert not any(n.startswith(VOLUNTEER) for n in names)
    sign_in(qtbot, signed_in)  # the head's PIN opens the re-keyed database


def test_receipt_settings_are_saved(qtbot: QtBot, signed_in: MainWindow) -> None:
    from helpdesk.services import receipts

    shell = signed_in.shell
    assert shell is not None
    settings = shell.go("settings")
    assert settings.printer.itemData(0) == ""  # "no printer" is always offered
    settings.receipt_format.setCurrentIndex(settings.receipt_format.findData("58mm"))
    settings.receipt_format.activated.emit(settings.receipt_format.currentIndex())
    settings.receipt_lang.setCurrentIndex(settings.receipt_lang.findData("zh+en"))
    settings.receipt_lang.activated.emit(settings.receipt_lang.currentIndex())
    chosen = receipts.settings(shell.session)
    assert (chosen.format, chosen.lang, chosen.printer) == ("58mm", "zh+en", "")


def test_likely_duplicate_is_the_same_family(qtbot: QtBot, signed_in: MainWindow) -> None:
    from helpdesk.services import status

    shell = signed_in.shell
    assert shell is not None
    family_id = first_family(signed_in)
    known = families.family_history(shell.session, family_id).family
    form = shell.go("family_form", None)
    form.editors["head_name"].setText(known.head_name)
    form.editors["id_kind"].setCurrentIndex(form.editors["id_kind"].findData("none"))
    form.editors["birth_date"].setText(known.birth_date.isoformat())
    form.editors["phone"].setText(known.phone)
    form.editors["reasons"].boxes["illness"].setChecked(True)
    form.consent.setChecked(True)
    before = status.today(shell.session).families
    qtbot.mouseClick(form.save_button, LEFT)
    assert form.duplicates.isVisible(), form.message.text()
    same = form.duplicates.findChildren(QPushButton, "duplicate_same")
    assert len(same) >= 1
    qtbot.mouseClick(same[0], LEFT)
    assert shell.pages.currentWidget() is shell.page("family")
    assert shell.page("family").family_id == family_id
    assert status.today(shell.session).families == before


def test_head_edits_the_cash_threshold_in_settings(qtbot: QtBot, signed_in: MainWindow) -> None:
    shell = signed_in.shell
    assert shell is not None
    settings = shell.go("settings")
    assert settings.threshold_save.isVisible()
    settings.threshold.setText("abc")
    qtbot.mouseClick(settings.threshold_save, LEFT)
    assert settings.threshold_field.error.isVisible()  # the money rule, beside the field
    assert shell.session.station.cash_threshold_fen == 100_000
    settings.threshold.setText("¥2,500")
    qtbot.mouseClick(settings.threshold_save, LEFT)
    assert not settings.threshold_field.error.isVisible()
    assert shell.session.station.cash_threshold_fen == 250_000
    assert settings.threshold.text() == "2,500.00"
