"""Reading rosters that real programs wrote: openpyxl, LibreOffice, Excel's CSV encodings."""

from __future__ import annotations

import shutil
from pathlib import Path

import pytest

from helpdesk.domain.errors import Invalid
from helpdesk.sheets import columns, read, values
from tests.sheets import rosters

NEEDS_SOFFICE = pytest.mark.skipif(shutil.which("soffice") is None, reason="no LibreOffice")


def _rows(path: Path, mapping: columns.Mapping | None = None) -> list[values.Row]:
    mapping = mapping or columns.Mapping()
    _, sheet = read.read(path).sheet(None)
    header = columns.find_header(sheet, mapping)
    return values.rows_of(sheet, header, mapping, "420111")


def test_openpyxl_roster_under_merged_title_rows(tmp_path: Path) -> None:
    path = rosters.write_xlsx(tmp_path / "r.xlsx", [rosters.person(n) for n in (1, 2)],
                              title="洪山区困难职工档案（2026 年）")
    _, sheet = read.read(path).sheet(None)
    header = columns.find_header(sheet, columns.Mapping())
    assert header.index == 2  # two merged title rows skipped
    rows = values.rows_of(sheet, header, columns.Mapping(), "420111")
    assert [r.number for r in rows] == [4, 5]  # as the spreadsheet numbers them
    first = rows[0].data
    assert first["head_name"] == "职工00001" and first["id_number"] == rosters.person(1)[
        "公民身份号码"]
    assert first["birth_date"] == rosters.person(1)["出生日期"].isoformat()
    assert first["hukou"] == "rural" and first["employment"] == "rural_migrant"
    assert first["reasons"] == ["illness", "wage_arrears"]
    assert first["income_fen"] == "1200.5"
    assert "工作单位：武汉某某物流公司" in first["notes"] and "家庭人口：3" in first["notes"]
    assert rows[0].problems == ()


@pytest.mark.parametrize("encoding", ["utf-8", "utf-8-sig", "gb18030"])
def test_csv_encodings_are_detected(tmp_path: Path, encoding: str) -> None:
    path = rosters.write_csv(tmp_path / "r.csv", [rosters.person(7, 住址="武汉市洪山区珞喻路")],
                             encoding=encoding)
    if encoding == "gb18030":
        with pytest.raises(UnicodeDecodeError):
            path.read_bytes().decode("utf-8")  # really not UTF-8
    (row,) = _rows(path)
    assert row.data["head_name"] == "职工00007" and row.data["address"] == "武汉市洪山区珞喻路"


def test_id_stored_as_number_is_refused_never_guessed(tmp_path: Path) -> None:
    number = rosters.person(1)["公民身份号码"]
    path = rosters.write_xlsx(tmp_path / "r.xlsx", [
        rosters.person(1, 公民身份号码=float(number)), rosters.person(2, 公民身份号码=int(number))],
        id_as_text=False)
    csv_path = rosters.write_csv(tmp_path / "r.csv",
                                 [rosters.person(3, 公民身份号码="4.20111E+17")])
    for row in [*_rows(path), *_rows(csv_path)]:
        (problem,) = row.problems
        assert problem.code == "id_as_number" and problem.field == "id_number"
        assert problem.zh == ("身份证号被存成了数字，已丢失末尾几位："
                              "请把该列设为“文本”格式后重新导出")
        assert problem.en == ("The ID number was stored as a number and has lost digits: "
                              "format the column as text and export again")
        assert "id_number" not in row.data  # nothing guessed from the float


def test_full_width_digits_lower_x_trailing_spaces_and_blank_rows(tmp_path: Path) -> None:
    number = "11010519491231002x"  # a valid ID ending in X
    wide = number[:-1].translate(str.maketrans("0123456789", "０１２３４５６７８９")) + "x"
    path = rosters.write_xlsx(tmp_path / "r.xlsx", [
        rosters.person(1, 公民身份号码=f" {wide}  ", 户主姓名="王丽  ",
                       联系电话="１３９ ００００ １１１１ ", 出生日期=None),
        {}, {"户主姓名": "   "},
        rosters.person(2)])
    rows = _rows(path)
    assert [r.number for r in rows] == [2, 5]  # the blank rows between are left out
    data = rows[0].data
    assert data["head_name"] == "王丽" and data["phone"] == "139 0000 1111"
    from helpdesk.domain.families import FamilyIn
    family = FamilyIn.model_validate(data)
    assert family.id_number == number.upper() and family.phone == "13900001111"


def test_dates_as_typed_and_as_excel_day_numbers() -> None:
    assert values.date_text("1980/1/2") == "1980-01-02"
    assert values.date_text("1980年1月2日") == "1980-01-02"
    assert values.date_text("19800102") == "1980-01-02"
    assert values.date_text(29222.0) == "1980-01-02"  # a date column not formatted as dates
    assert values.date_text("1980.01") == "1980.01"  # left for the form to refuse


def test_unknown_headers_mapped_and_the_mapping_saved(tmp_path: Path) -> None:
    header = ["名字", "身份证件号", "电话", "户口性质", "就业状况", "致困原因"]
    path = rosters.write_xlsx(tmp_path / "r.xlsx", [
        {"名字": "李四", "身份证件号": rosters.person(4)["公民身份号码"], "电话": "13900000004",
         "户口性质": "城镇", "就业状况": "骑手", "致困原因": "工伤"}], header=header)
    _, sheet = read.read(path).sheet(None)
    with pytest.raises(Invalid) as refused:
        columns.find_header(sheet, columns.Mapping())
    assert refused.value.problems[0].code == "no_header"
    mapping = columns.Mapping({"名字": "head_name", "身份证件号": "id_number"})
    mapping.save(tmp_path / "m.json")
    again = columns.Mapping.load(tmp_path / "m.json")
    (row,) = _rows(path, again)
    assert row.data["head_name"] == "李四" and row.data["employment"] == "platform"
    assert row.data["hukou"] == "urban" and row.data["reasons"] == ["work_injury"]
    (tmp_path / "bad.json").write_text('{"columns": {"名字": "shoe_size"}}', encoding="utf-8")
    with pytest.raises(Invalid, match="shoe_size"):
        columns.Mapping.load(tmp_path / "bad.json")


def test_unreadable_files_are_refused_clearly(tmp_path: Path) -> None:
    fake = tmp_path / "r.xlsx"
    fake.write_bytes(b"this is not a spreadsheet")
    with pytest.raises(Invalid) as err:
        read.read(fake)
    assert err.value.problems[0].code == "unreadable" and "r.xlsx" in err.value.problems[0].en
    with pytest.raises(Invalid, match=r"only \.xlsx"):
        read.read(tmp_path / "r.pdf")
    with pytest.raises(Invalid, match="does not open"):
        read.read(tmp_path / "missing.csv")


@NEEDS_SOFFICE
@pytest.mark.parametrize("kind", ["xlsx", "xls"])
def test_rosters_written_by_libreoffice(tmp_path: Path, kind: str) -> None:
    people = [rosters.person(n) for n in range(1, 6)]
    source = rosters.write_csv(tmp_path / "roster.csv", people)
    converted = rosters.libreoffice(source, kind, id_as_text=True)
    rows = _rows(converted)
    assert [r.data["id_number"] for r in rows] == [p["公民身份号码"] for p in people]
    assert all(r.problems == () for r in rows)
    # Opened the usual way, LibreOffice (like Excel) makes the ID column numbers (those
    # ending in X stay text): refused, never guessed.
    as_numbers = rosters.libreoffice(source, kind, id_as_text=False)
    codes = [[p.code for p in r.problems] for r in _rows(as_numbers)]
    assert codes == [[] if p["公民身份号码"].endswith("X") else ["id_as_number"] for p in people]
    assert ["id_as_number"] in codes
