"""Receipts read back with real tools: pdftotext finds what must be there (and never the full ID),
zbarimg decodes the QR and it verifies; reprints are marked; 58 mm clips nothing."""

from __future__ import annotations

import re
import subprocess
from datetime import date, timedelta
from pathlib import Path

import pytest

from helpdesk.domain import idcard
from helpdesk.receipts import fonts, layout, page, pdf
from helpdesk.services import aid as aidcases
from helpdesk.services import paper, receipts
from helpdesk.services.session import Session
from helpdesk.store import audit
from helpdesk.store import receipts as store
from tests.conftest import PIN
from tests.receipts.conftest import FULL_ID, give_cash, give_goods, needs, signature_png


def pdftotext(path: Path) -> str:
    needs("pdftotext")
    return subprocess.run(["pdftotext", "-enc", "UTF-8", str(path), "-"], capture_output=True,
                          text=True, check=True).stdout


def zbar(path: Path, tmp_path: Path) -> list[str]:
    """The QR codes of a PDF as zbarimg reads them from a 300 dpi rendering."""
    needs("pdftoppm", "zbarimg")
    png = tmp_path / f"{path.stem}-scan"
    subprocess.run(["pdftoppm", "-r", "300", "-png", "-singlefile", str(path), str(png)],
                   check=True)
    done = subprocess.run(["zbarimg", "--quiet", "--raw", f"{png}.png"], capture_output=True,
                          text=True)
    return [line for line in done.stdout.splitlines() if line]


def squeeze(text: str) -> str:
    return re.sub(r"\s+", "", text)


def chinese(text: str) -> str:
    """Only the Chinese characters: a value that wraps beside a two-line bilingual label reads
    back with the English label in between."""
    return "".join(re.findall(r"[\u4e00-\u9fff]", text))


@pytest.mark.parametrize("fmt", ["80mm", "58mm", "a5"])
@pytest.mark.parametrize("lang", ["zh", "zh+en"])
def test_pdf_has_the_facts_and_a_qr_that_verifies(station: Session, tmp_path: Path, fmt: str,
                                                  lang: str) -> None:
    aid = give_cash(station)
    out = tmp_path / f"{fmt}.pdf"
    receipts.save_pdf(station, out, receipt_no=aid.receipt_no, fmt=fmt,
                      bilingual=lang == "zh+en")
    text = pdftotext(out)
    assert aid.receipt_no in text
    assert "人民币壹仟贰佰叁拾肆元伍角" in chinese(text)
    assert "¥1,234.50" in text
    assert idcard.mask(FULL_ID) in text and "420***********1239" in text
    assert FULL_ID not in squeeze(text) and FULL_ID[6:14] not in squeeze(text)
    assert "领取凭证" in text and "李志愿" in text  # the second sign-off
    assert ("Aid receipt" in text) == (lang == "zh+en")
    codes = zbar(out, tmp_path)
    assert codes and len(set(codes)) == 1  # A5 carries the same code on both copies
    verdict = receipts.verify(station, codes[0])
    assert verdict.ok and verdict.code == "valid" and verdict.en.startswith("valid:")
    assert FULL_ID not in codes[0]  # the code carries ids, never anything from the ID number


def test_58mm_wraps_long_names_and_many_lines_without_clipping(station: Session,
                                                               tmp_path: Path) -> None:
    aid = give_goods(station, lines=14)
    data = receipts.data_of(station, aid, bilingual=True)
    sheet = page.compose(data, page.FORMATS["58mm"], bilingual=True)
    doc = sheet.docs[0][0]
    assert doc.idealWidth() <= doc.textWidth() + 0.01  # the widest line fits the paper
    assert sheet.size_mm.height() * page.MM >= doc.size().height()  # the page holds it all
    out = pdf.write(sheet, tmp_path / "58.pdf", aid.receipt_no)
    text = squeeze(pdftotext(out))
    for line in aid.goods:
        assert squeeze(line.item) in text
    assert "买买提·艾力" in text and "配偶" in text  # the recipient and relation
    assert aid.receipt_no in text and squeeze(data.payload.split(".")[-1][:12]) in text


def test_reprint_is_marked_with_count_and_time_and_audited(station: Session,
                                                           tmp_path: Path) -> None:
    aid = give_cash(station)
    _, first = receipts.save_pdf(station, tmp_path / "1.pdf", receipt_no=aid.receipt_no)
    _, second = receipts.save_pdf(station, tmp_path / "2.pdf", receipt_no=aid.receipt_no,
                                  bilingual=True)
    assert first.copy_no == 0 and second.copy_no == 1 and second.copy_time
    assert "重印" not in pdftotext(tmp_path / "1.pdf")
    text = pdftotext(tmp_path / "2.pdf")
    assert "重印 COPY 1" in text and second.copy_time in text
    assert [p.copy_no for p in store.prints_of(station.db, aid.id)] == [0, 1]
    actions = [a["action"] for a in audit.recent(station.db)]
    assert actions[:2] == ["receipt_reprinted", "receipt_printed"]
    assert receipts.preview(station, aid, bilingual=False).copy_no == 2  # nothing recorded
    assert len(store.prints_of(station.db, aid.id)) == 2


def test_voided_aid_is_valid_but_voided(station: Session) -> None:
    aid = give_cash(station)
    payload = receipts.payload_of(station, aid)
    aidcases.void_aid(station, aid.id, "金额录错")
    verdict = receipts.verify(station, payload)
    assert not verdict.ok and verdict.code == "voided"
    assert verdict.en.startswith("valid but voided") and "金额录错" in verdict.en
    assert verdict.zh.startswith("有效但已作废")


def test_one_changed_digit_of_the_amount_fails_and_says_so(station: Session) -> None:
    aid = give_cash(station)
    parts = receipts.payload_of(station, aid).split(".")
    assert parts[4] == "123450"
    parts[4] = "923450"
    verdict = receipts.verify(station, ".".join(parts))
    assert not verdict.ok and verdict.code == "bad_signature"
    assert "the amount was altered" in verdict.en and "¥9,234.50" in verdict.en
    assert "金额被改动" in verdict.zh


def test_unknown_key_and_revoked_key_and_bad_format_fail(station: Session) -> None:
    aid = give_cash(station)
    payload = receipts.payload_of(station, aid)
    key = receipts.signing_key(station)
    with station.write() as db:  # as if this station had never seen the key
        db.execute("UPDATE device_keys SET key_id = 'ffffffffffffffff' WHERE key_id = ?",
                   [key.key_id])
    unknown = receipts.verify(station, payload)
    assert unknown.code == "unknown_key" and key.key_id in unknown.en and not unknown.ok
    with station.write() as db:
        db.execute("UPDATE device_keys SET key_id = ? WHERE key_id = 'ffffffffffffffff'",
                   [key.key_id])
        store.revoke_key(db, key.key_id, "2026-11-20T00:00:00.000000Z")
    revoked = receipts.verify(station, payload)
    assert revoked.code == "revoked_key" and "revoked at 2026-11-20 00:00 UTC" in revoked.en
    bad = receipts.verify(station, "HD1.NOT-A-RECEIPT")
    assert bad.code == "bad_format" and bad.en.startswith("invalid: bad format")


def test_a_receipt_signed_before_its_key_was_revoked_stands_and_says_so(
        station: Session) -> None:
    aid = give_cash(station)
    payload = receipts.payload_of(station, aid)
    key = receipts.signing_key(station)
    with station.write() as db:
        later = date.fromisoformat(aid.local_date) + timedelta(days=2)
        store.revoke_key(db, key.key_id, f"{later}T00:00:00.000000Z")
    verdict = receipts.verify(station, payload)
    assert verdict.ok and verdict.code == "valid"
    assert "before the revocation: it stands" in verdict.en and "仍然有效" in verdict.zh


@pytest.mark.parametrize("digits", ["０１２３４５６７８９", "٠١٢٣٤٥٦٧٨٩"])
def test_full_width_and_arabic_indic_digits_are_a_bad_format(station: Session,
                                                             digits: str) -> None:
    payload = receipts.payload_of(station, give_cash(station))
    verdict = receipts.verify(station, payload.translate(str.maketrans("0123456789", digits)))
    assert not verdict.ok and verdict.code == "bad_format"
    assert "半角" in verdict.zh and "not allowed" in verdict.en


def test_a_new_device_gets_its_own_key_and_old_receipts_still_verify(station: Session) -> None:
    from helpdesk.store import devices

    aid = give_cash(station)
    old_key = receipts.signing_key(station)
    old_payload = receipts.payload_of(station, aid)
    with station.write() as db:  # what binding does to a restored or copied file
        station.device = devices.start_new(db, "copied")
    assert store.key_of_device(station.db, station.device.id) is None
    new_key = receipts.signing_key(station)
    assert new_key.key_id != old_key.key_id and new_key.device_id == station.device.id
    assert receipts.verify(station, old_payload).ok
    assert receipts.payload_of(station, aid) == old_payload  # a reprint keeps its code
    actions = [a["action"] for a in audit.recent(station.db)]
    assert actions.count("device_key_created") == 2


def test_verify_pdf_reads_the_qr_with_qtpdf_and_zxing(station: Session, tmp_path: Path) -> None:
    aid = give_goods(station, lines=3)
    out = tmp_path / "a5.pdf"
    receipts.save_pdf(station, out, receipt_no=aid.receipt_no, fmt="a5")
    verdict = receipts.verify_pdf(station, out)
    assert verdict.ok and verdict.payload is not None
    assert verdict.payload.kind == "goods" and verdict.payload.lines == 3
    assert verdict.payload.amount_fen == aid.amount_fen


def test_roster_and_blank_sheet_show_masked_ids_only(station: Session, tmp_path: Path) -> None:
    aid = give_cash(station)
    printed = paper.print_sheet(station, tmp_path / "roster.pdf", aid.programme_id)
    text = pdftotext(tmp_path / "roster.pdf")
    assert printed.pages == 1 and "张三" in text and idcard.mask(FULL_ID) in text
    assert FULL_ID not in squeeze(text) and "是" in text
    assert paper.print_sheet(station, tmp_path / "blank.pdf").pages == 1
    assert "领取签名表" in pdftotext(tmp_path / "blank.pdf")


def test_settings_are_stored_and_checked(station: Session) -> None:
    assert receipts.settings(station) == receipts.Settings()
    chosen = receipts.Settings(format="58mm", lang="zh+en", printer="HelpdeskPDF")
    assert receipts.save_settings(station, chosen) == receipts.settings(station)
    from helpdesk.errors import KnownError

    with pytest.raises(KnownError):
        receipts.save_settings(station, receipts.Settings(format="a4"))


def test_the_shipped_font_is_used(station: Session) -> None:
    assert fonts.shipped(), "resources/fonts: run resources/fonts/make_subset.py"


def test_without_qtpdf_the_qr_is_read_with_pdftoppm(station: Session, tmp_path: Path,
                                                    monkeypatch: pytest.MonkeyPatch) -> None:
    import sys

    needs("pdftoppm")
    aid = give_cash(station)
    out = tmp_path / "r.pdf"
    receipts.save_pdf(station, out, receipt_no=aid.receipt_no, fmt="58mm")
    monkeypatch.setitem(sys.modules, "PySide6.QtPdf", None)  # as if the wheel were missing
    assert receipts.verify_pdf(station, out).ok


def test_service_receipt_names_the_service_and_no_amount(station: Session,
                                                         tmp_path: Path) -> None:
    from tests.services.helpers import programme_id, register

    head = register(station)
    aid = aidcases.give_aid(station, {
        "family_id": head.id, "programme_id": programme_id(station, "TXWQ"), "kind": "service",
        "service_note": "代写劳动仲裁申请书，陪同前往仲裁委", "signature_png": signature_png()})
    out = tmp_path / "service.pdf"
    _, data = receipts.save_pdf(station, out, receipt_no=aid.receipt_no, fmt="58mm")
    text = squeeze(pdftotext(out))
    assert "代写劳动仲裁申请书，陪同前往仲裁委" in text and "大写" not in text
    assert "未签名" not in text and not data.signed_elsewhere
    assert receipts.verify(station, data.payload).ok


@pytest.mark.parametrize("bilingual", [False, True])
def test_a5_reprint_marked_in_the_receipt_language(station: Session, tmp_path: Path,
                                                   bilingual: bool) -> None:
    aid = give_cash(station)
    receipts.save_pdf(station, tmp_path / "1.pdf", receipt_no=aid.receipt_no, fmt="a5",
                      bilingual=bilingual)
    _, again = receipts.save_pdf(station, tmp_path / "2.pdf", receipt_no=aid.receipt_no,
                                 fmt="a5", bilingual=bilingual)
    text = pdftotext(tmp_path / "2.pdf")
    assert again.copy_no == 1 and text.count("重印") == 2  # on both copies of the sheet
    assert text.count("COPY") == (2 if bilingual else 0)
    assert ("cut here" in text) is bilingual and "沿虚线剪开" in text
    if not bilingual:  # no English label anywhere on a Chinese receipt
        english = [en for _, en in layout.LABELS.values() if len(en) > 3 and en in text]
        assert english == [], text


@pytest.mark.parametrize(("fmt", "bilingual"), [("58mm", False), ("80mm", True)])
def test_could_not_sign_is_printed_in_place_of_the_signature(
        station: Session, tmp_path: Path, fmt: str, bilingual: bool) -> None:
    from tests.services.helpers import cash_aid, register

    head = register(station)
    data = cash_aid(station, head.id)
    del data["signature_png"]
    aid = aidcases.give_aid(station, data, no_signature=aidcases.Approval(
        station.volunteer.id, "右手骨折无法握笔", PIN))
    out = tmp_path / "unsigned.pdf"
    receipts.save_pdf(station, out, receipt_no=aid.receipt_no, fmt=fmt, bilingual=bilingual)
    # A value wrapping beside the two-line bilingual label reads back with the label inside.
    text = squeeze(pdftotext(out)).replace("Signature", "")
    assert "未能签名：右手骨折无法握笔（站长admin确认）" in text
    assert "（未签名）" not in text
    if bilingual:
        assert "Couldnotsign:右手骨折无法握笔(confirmedbystationheadadmin)" in text
