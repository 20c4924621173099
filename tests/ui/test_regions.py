"""Regions by name: the picker (type-ahead by name or pinyin, drill-down) and the header."""

from __future__ import annotations

import pytest
from PySide6.QtCore import Qt
from pytestqt.qtbot import QtBot

from helpdesk.ui.main_window import MainWindow
from helpdesk.ui.widgets.region_picker import RegionPicker
from tests.ui.conftest import STATION, ime_commit, sign_in


def make_picker(qtbot: QtBot, near: str = "420111") -> RegionPicker:
    picker = RegionPicker(near=near)
    qtbot.addWidget(picker)
    picker.resize(600, 200)
    picker.show()
    return picker


# The offscreen platform cannot raise a popup or grab the keyboard for it; it still works.
popup_warnings = pytest.mark.qt_log_ignore("This plugin does not support")


def choose_first_suggestion(qtbot: QtBot, picker: RegionPicker) -> None:
    popup = picker.completer.popup()
    qtbot.waitUntil(popup.isVisible, timeout=3000)
    qtbot.keyClick(popup, Qt.Key.Key_Down)
    qtbot.keyClick(popup, Qt.Key.Key_Return)
    qtbot.waitUntil(lambda: not popup.isVisible(), timeout=3000)


@popup_warnings
def test_typing_hongshan_in_chinese_picks_the_district(qtbot: QtBot) -> None:
    picker = make_picker(qtbot)
    ime_commit(picker.search, "洪山")
    assert picker.completer.popup().model().index(0, 0).data() == "湖北省 武汉市 洪山区"
    with qtbot.waitSignal(picker.changed) as chosen:
        choose_first_suggestion(qtbot, picker)
    assert chosen.args == ["420111"]
    assert picker.code() == "420111"
    assert picker.search.text() == "湖北省 武汉市 洪山区"
    assert [b.currentText() for b in picker.levels] == ["湖北省", "武汉市", "洪山区"]


@popup_warnings
def test_typing_pinyin_picks_the_district_of_the_station_province_first(qtbot: QtBot) -> None:
    picker = make_picker(qtbot)
    picker.search.setFocus()
    qtbot.keyClicks(picker.search, "hongshan")
    shown = [picker.matches.item(r).text() for r in range(picker.matches.rowCount())]
    assert shown[0] == "湖北省 武汉市 洪山区" and "内蒙古自治区 赤峰市 红山区" in shown
    choose_first_suggestion(qtbot, picker)
    assert picker.code() == "420111"


def test_drill_down_province_city_county(qtbot: QtBot) -> None:
    picker = make_picker(qtbot)
    province, city, county = picker.levels
    assert not city.isEnabled() and not county.isEnabled()
    province.setCurrentIndex(province.findText("湖北省"))
    assert city.isEnabled() and city.findText("武汉市") > 0
    assert picker.code() == ""  # a whole province is no region yet
    city.setCurrentIndex(city.findText("武汉市"))
    assert picker.code() == "420100"
    with qtbot.waitSignal(picker.changed) as chosen:
        county.setCurrentIndex(county.findText("洪山区"))
    assert chosen.args == ["420111"] and picker.code() == "420111"
    assert picker.search.text() == "湖北省 武汉市 洪山区"
    city.setCurrentIndex(city.findText("仙桃市"))  # a county-level city under the province
    assert not county.isEnabled() and picker.code() == "429004"


def test_a_name_typed_and_not_picked_is_refused_beside_the_field(
        signed_in: MainWindow, qtbot: QtBot) -> None:
    shell = signed_in.shell
    assert shell is not None
    page = shell.go("family_form")
    picker = page.editors["region"]
    assert picker.search.text() == "湖北省 武汉市 洪山区"  # the station's own region
    picker.search.setText("洪山")
    page.save()
    error = page.fields["region"].error.text()
    assert "洪山" in error and "pick it from the list" in error
    assert "Zhejiang" not in error and "330106" not in error


def test_the_header_shows_the_station_name_on_one_line(demo_station, make_window,  # type: ignore[no-untyped-def]
                                                       qtbot: QtBot) -> None:
    for width in (1024, 768, 360):
        window = make_window(size=(width, 720))
        sign_in(qtbot, window)
        shell = window.shell
        assert shell is not None
        label = shell.station_label
        qtbot.waitUntil(lambda label=label: label.width() > 0, timeout=3000)
        assert STATION["name"] in label.full_text()
        assert shell.session.station.code not in label.full_text()
        assert "provisional" not in label.full_text()
        assert not label.wordWrap()
        assert label.fontMetrics().horizontalAdvance(label.text()) <= label.contentsRect().width()
        assert "湖北省 武汉市 洪山区" in label.toolTip()
        window.close()
