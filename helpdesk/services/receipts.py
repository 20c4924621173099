"""Receipts: what one shows, printing and saving it (originals and marked reprints), checking one.

Every print or saved PDF of an aid's receipt is recorded with an audit row in one transaction:
the first is the original, each later one is marked 重印 / COPY with its number and time. The QR
code is signed with the issuing device's Ed25519 key, made the first time a device needs one
(a restored or copied database is a new device and so gets its own key).
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import UTC, date, datetime
from decimal import Decimal
from pathlib import Path

from helpdesk.domain import idcard, money
from helpdesk.domain.aid import Aid
from helpdesk.domain.common import iso
from helpdesk.domain.families import IdKind, Relation
from helpdesk.errors import KnownError
from helpdesk.receipts import layout, page, pdf, printing, qr
from helpdesk.services.session import Session
from helpdesk.store import aid as aidstore
from helpdesk.store import db as dbm
from helpdesk.store import families, programmes, volunteers
from helpdesk.store import receipts as store

FORMATS = tuple(page.FORMATS)
LANGS = ("zh", "zh+en")


@dataclass(frozen=True)
class Settings:
    """This device's receipt settings (Settings page): format, language, printer name."""

    format: str = "80mm"
    lang: str = "zh"
    printer: str = ""

    @property
    def bilingual(self) -> bool:
        return self.lang == "zh+en"


def settings(session: Session) -> Settings:
    """This device's receipt settings; defaults (80 mm, Chinese, no printer) until saved."""
    db = session.db
    return Settings(format=dbm.meta(db, "receipt_format") or "80mm",
                    lang=dbm.meta(db, "receipt_lang") or "zh",
                    printer=dbm.meta(db, "receipt_printer") or "")


def save_settings(session: Session, chosen: Settings) -> Settings:
    """Store the settings (one transaction, audited); raises KnownError for an unknown value."""
    check_format(chosen.format)
    if chosen.lang not in LANGS:
        raise KnownError("receipt_lang", "凭证语言只能是中文或中英双语",
                         "The receipt language is Chinese or Chinese + English")
    with session.write() as db:
        dbm.set_meta(db, "receipt_format", chosen.format)
        dbm.set_meta(db, "receipt_lang", chosen.lang)
        dbm.set_meta(db, "receipt_printer", chosen.printer)
        session.audit("receipt_settings", session.tick(), detail={
            "format": chosen.format, "lang": chosen.lang, "printer": chosen.printer})
    return chosen


def check_format(name: str) -> page.Format:
    found = page.FORMATS.get(name)
    if found is None:
        raise KnownError("receipt_format", f"凭证格式只能是 {'、'.join(FORMATS)}",
                         f"The receipt format is one of {', '.join(FORMATS)}")
    return found


def signing_key(session: Session) -> store.DeviceKey:
    """This device's receipt key; made (and audited) in its own transaction if it has none."""
    key = store.key_of_device(session.db, session.device.id)
    if key is not None:
        return key
    private, public = qr.new_key()
    key = store.DeviceKey(key_id=qr.key_id_of(public), device_id=session.device.id,
                          station_id=session.station.id, public_key=public, private_key=private,
                          created_at=iso(datetime.now(UTC)), revoked_at=None)
    with session.write() as db:
        store.put_key(db, key)
        session.audit("device_key_created", session.tick(), entity="device",
                      entity_id=session.device.id,
                      detail={"key_id": key.key_id, "public_key": public.hex()})
    return key


def find(session: Session, receipt_no: str | None = None, *, last: bool = False) -> Aid:
    """The aid of a receipt number, or the last aid recorded here; KnownError when none."""
    found = aidstore.last(session.db) if last else aidstore.by_receipt(session.db,
                                                                       receipt_no or "")
    if found is None:
        if last:
            raise KnownError("no_aid", "还没有任何发放记录", "No aid has been recorded yet")
        raise KnownError("no_receipt", f"找不到凭证号 {receipt_no}",
                         f"No receipt numbered {receipt_no}")
    return found


def payload_of(session: Session, aid: Aid) -> str:
    """The signed QR text: by the key of the device that gave the aid when this file holds it
    (so a reprint carries the same code), else by this device's key."""
    key = store.key_of_device(session.db, aid.device_id) or signing_key(session)
    assert key.private_key is not None
    lines = len(aid.goods) if aid.kind.value == "goods" else 0
    payload = qr.Payload(receipt_no=aid.receipt_no, local_date=_date(aid.local_date),
                         kind=aid.kind.value, amount_fen=aid.amount_fen, lines=lines,
                         aid_id=aid.id, station_id=key.station_id, key_id=key.key_id)
    return qr.sign(payload, key.private_key)


def data_of(session: Session, aid: Aid, bilingual: bool,
            printed: store.Print | None = None) -> layout.ReceiptData:
    """Everything one receipt shows; `printed` marks it as that copy (0: the original)."""
    db = session.db
    station = session.station
    family = families.get(db, aid.family_id)
    programme = programmes.get(db, aid.programme_id)
    if family is None or programme is None:
        raise KnownError("receipt_data", "发放记录缺少家庭或项目",
                         "The aid's family or programme is missing")

    def name_of(volunteer_id: str | None) -> str:
        found = volunteers.get(db, volunteer_id) if volunteer_id else None
        return found.name if found else ""

    if family.id_kind is IdKind.NONE or not family.id_number:
        masked = IdKind.NONE.label("zh") + (f" / {IdKind.NONE.label('en')}" if bilingual else "")
    else:
        masked = idcard.mask(family.id_number)
    name = programme.name_zh + (f" / {programme.name_en}" if bilingual and programme.name_en
                                else "")
    recipient = ""
    if aid.recipient_relation is not Relation.HEAD:
        relation = aid.recipient_relation.label("zh")
        if bilingual:
            relation += f" / {aid.recipient_relation.label('en')}"
        recipient = f"{aid.recipient_name}（{relation}）"
    signature = aidstore.signature(db, aid.signature_hash) if aid.signature_hash else None
    void_note = ""
    if aid.voided_at:
        void_note = f"{_local(session, aid.voided_at)} {aid.void_reason}".strip()
    return layout.ReceiptData(
        union_name=station.union_name, station_name=station.name,
        station_phone=station.phone, receipt_no=aid.receipt_no,
        local_time=_local(session, aid.given_at), head_name=family.head_name,
        masked_id=masked, programme=name, kind=aid.kind.value, amount_fen=aid.amount_fen,
        payload=payload_of(session, aid),
        lines=tuple(layout.Line(g.item, _qty(g.qty), g.unit, g.value_fen) for g in aid.goods),
        service_note=aid.service_note, recipient=recipient, volunteer=name_of(aid.volunteer_id),
        second_volunteer=name_of(aid.second_volunteer_id), approved_by=name_of(aid.override_by),
        signature_png=signature, signed_elsewhere=bool(aid.signature_hash) and signature is None,
        no_signature_reason=aid.no_signature_reason,
        no_signature_by=name_of(aid.no_signature_by) if aid.no_signature_reason else "",
        copy_no=printed.copy_no if printed else 0,
        copy_time=_local(session, printed.printed_at) if printed else "",
        void_note=void_note, paper_sheet=aid.paper_sheet or "", paper_line=aid.paper_line or 0,
        entered_time=_local(session, aid.entered_at) if aid.entered_at else "")


def preview(session: Session, aid: Aid, bilingual: bool) -> layout.ReceiptData:
    """The receipt as the next print would show it (marked COPY if printed before); records
    nothing: for the print-preview dialog."""
    done = store.prints_of(session.db, aid.id)
    upcoming = None
    if done:
        upcoming = store.Print(aid.id, done[-1].copy_no + 1, iso(datetime.now(UTC)),
                               session.volunteer.id, session.device.id, "", "")
    return data_of(session, aid, bilingual, upcoming)


def issue(session: Session, aid: Aid, fmt: str, via: str, bilingual: bool) -> layout.ReceiptData:
    """Record one print of the receipt (the original, or the next numbered reprint) with an
    audit row, in one transaction, and return what that print shows."""
    check_format(fmt)
    signing_key(session)
    with session.write() as db:
        made = store.add_print(db, aid.id, printed_at=iso(datetime.now(UTC)),
                               volunteer_id=session.volunteer.id, device_id=session.device.id,
                               format=fmt, via=via)
        session.audit("receipt_reprinted" if made.copy_no else "receipt_printed", session.tick(),
                      entity="aid", entity_id=aid.id,
                      detail={"receipt_no": aid.receipt_no, "copy_no": made.copy_no,
                              "format": fmt, "via": via})
    return data_of(session, aid, bilingual, made)


def save_pdf(session: Session, path: Path, *, receipt_no: str | None = None, last: bool = False,
             fmt: str | None = None,
             bilingual: bool | None = None) -> tuple[Aid, layout.ReceiptData]:
    """Write the receipt as a PDF (format and language default to the settings). The file
    counts as a print and is recorded before it is written, as `print_receipt` does."""
    chosen = settings(session)
    fmt = fmt or chosen.format
    bilingual = chosen.bilingual if bilingual is None else bilingual
    aid = find(session, receipt_no, last=last)
    data = issue(session, aid, fmt, "pdf", bilingual)
    try:
        pdf.write(page.compose(data, check_format(fmt), bilingual), path, aid.receipt_no)
    except pdf.PdfError as err:
        raise KnownError(err.code, err.zh, err.en) from None
    return aid, data


def printer_name(session: Session) -> str:
    """The printer a receipt goes to: the one chosen in Settings, else the system's default
    ("" when there is neither)."""
    return settings(session).printer or printing.default_printer()


def print_receipt(session: Session, aid: Aid, *, printer: str | None = None,
                  fmt: str | None = None, bilingual: bool | None = None) -> layout.ReceiptData:
    """Print an aid's receipt (printer, format, language default to the settings; with no
    printer chosen there, the system's default printer).

    The print is recorded before the job is sent, so a second attempt after a paper jam is
    marked COPY: nobody can tell whether the first one came out. Raises KnownError when the
    printer is unknown or refuses the job; the aid itself is never affected.
    """
    return send(print_job(session, aid, printer=printer, fmt=fmt, bilingual=bilingual))


@dataclass(frozen=True)
class PrintJob:
    """A recorded print, ready to go to the printer: plain data, no session."""

    data: layout.ReceiptData
    fmt: str
    bilingual: bool
    printer: str


def print_job(session: Session, aid: Aid, *, printer: str | None = None,
              fmt: str | None = None, bilingual: bool | None = None) -> PrintJob:
    """The quick half of `print_receipt`, on the session's thread: the printer chosen, the
    print recorded (before the job is sent, see there)."""
    chosen = settings(session)
    name = printer or chosen.printer or printing.default_printer()
    if not name:
        raise KnownError("no_printer", "没有选择打印机，系统也没有默认打印机：请在设置中选择",
                         "No printer is chosen and the system has no default printer: choose "
                         "one in Settings")
    fmt = fmt or chosen.format
    bilingual = chosen.bilingual if bilingual is None else bilingual
    return PrintJob(issue(session, aid, fmt, "print", bilingual), fmt, bilingual, name)


def send(job: PrintJob) -> layout.ReceiptData:
    """The slow half: lay the sheet out and hand it to the print system (CUPS may take
    seconds). Touches no database, so it may run on a worker thread."""
    try:
        printing.print_sheet(page.compose(job.data, check_format(job.fmt), job.bilingual),
                             job.printer, job.data.receipt_no)
    except printing.PrintError as err:
        raise KnownError(err.code, err.zh, err.en) from None
    return job.data


def _date(text: str) -> date:
    return date.fromisoformat(text)


def _local(session: Session, moment: str) -> str:
    return datetime.fromisoformat(moment).astimezone(session.tz).strftime("%Y-%m-%d %H:%M")


def _qty(qty: Decimal) -> str:
    return format(qty.normalize(), "f")


@dataclass(frozen=True)
class Verdict:
    """What checking a receipt code found. `ok` only for a valid receipt that is not voided;
    `code` is one of valid, voided, bad_format, unknown_key, revoked_key, wrong_station,
    bad_signature, mismatch."""

    ok: bool
    code: str
    zh: str
    en: str
    payload: qr.Payload | None = None

    def text(self, lang: str = "zh") -> str:
        return self.zh if lang.startswith("zh") else self.en


def _fen(fen: int) -> str:
    return money.format_fen(fen, symbol=True)


def _differences(p: qr.Payload, aid: Aid) -> list[tuple[str, str]]:
    """How a payload differs from the recorded aid, each as (zh, en)."""
    out = []
    if p.amount_fen != aid.amount_fen:
        out.append((f"金额被改动：凭证上为 {_fen(p.amount_fen)}，记录为 {_fen(aid.amount_fen)}",
                    f"the amount was altered: the receipt says {_fen(p.amount_fen)}, "
                    f"the record says {_fen(aid.amount_fen)}"))
    if p.receipt_no != aid.receipt_no:
        out.append((f"凭证号被改动：凭证上为 {p.receipt_no}，记录为 {aid.receipt_no}",
                    f"the receipt number was altered: {p.receipt_no}, recorded {aid.receipt_no}"))
    if p.local_date.isoformat() != aid.local_date:
        out.append((f"日期被改动：凭证上为 {p.local_date}，记录为 {aid.local_date}",
                    f"the date was altered: {p.local_date}, recorded {aid.local_date}"))
    if p.aid_id != aid.id:
        out.append(("凭证号对应的发放记录不同", "the receipt number belongs to another aid"))
    lines = len(aid.goods) if aid.kind.value == "goods" else 0
    if p.kind != aid.kind.value or p.lines != lines:
        out.append(("发放方式或物资行数被改动", "the kind of aid or the number of goods lines was "
                                                "altered"))
    return out


def verify(session: Session, text: str) -> Verdict:
    """Check a receipt code offline against the keys this station database knows.

    Says "valid", "valid but voided" (as far as this device knows) or exactly what is wrong:
    a malformed code, an unknown key, another station, contents that do not match their
    signature (naming the altered field when this device has the aid), or a key revoked before
    the receipt was signed (`receipt_code.revoked_key_rule`, the server's rule too; a receipt
    signed before the revocation stays valid and says so). Read-only.
    """
    try:
        signed = qr.parse(text)
    except qr.PayloadError as err:
        return Verdict(False, "bad_format", f"无效：格式不对，{err.zh}",
                       f"invalid: bad format, {err.en}")
    p = signed.payload
    key = store.get_key(session.db, p.key_id)
    if key is None:
        return Verdict(False, "unknown_key",
                       f"无效：签名密钥 {p.key_id} 未知（不是本站设备的密钥；"
                       "其他站点的密钥同步后可用）",
                       f"invalid: signed by an unknown key {p.key_id} (not a key of this "
                       "station's devices; other stations' keys arrive with sync)", p)
    if key.station_id != p.station_id:
        return Verdict(False, "wrong_station", "无效：凭证上的站点与签名密钥所属站点不一致",
                       "invalid: the station on the receipt is not the station of its key", p)
    aid = aidstore.get(session.db, p.aid_id) or aidstore.by_receipt(session.db, p.receipt_no)
    diffs = _differences(p, aid) if aid else []
    if not qr.signature_ok(signed, key.public_key):
        zh = "无效：签名与内容不符，凭证内容（金额、凭证号、日期等）被改动或抄错"
        en = ("invalid: the signature does not match the contents; the amount, receipt number, "
              "date or another part was altered or mistyped")
        if diffs:
            zh += "；" + "；".join(d[0] for d in diffs)
            en += "; " + "; ".join(d[1] for d in diffs)
        return Verdict(False, "bad_signature", zh, en, p)
    note_zh = note_en = ""
    if key.revoked_at is not None:  # the rule the server applies too
        revoked = qr.revoked_key_rule(p.local_date, key.revoked_at)
        if not revoked.stands:
            return Verdict(False, "revoked_key", f"无效：{revoked.zh}", f"invalid: {revoked.en}",
                           p)
        note_zh, note_en = f"；{revoked.zh}", f"; {revoked.en}"
    what_zh = f"凭证 {p.receipt_no}，{p.local_date}，{_fen(p.amount_fen)}{note_zh}"
    what_en = f"receipt {p.receipt_no} of {p.local_date}, {_fen(p.amount_fen)}{note_en}"
    if diffs:
        return Verdict(False, "mismatch", "无效：签名正确但与本机记录不符：" + "；".join(
            d[0] for d in diffs), "invalid: signed, but differs from this device's record: "
            + "; ".join(d[1] for d in diffs), p)
    if aid is not None and aid.voided:
        return Verdict(False, "voided",
                       f"有效但已作废：{what_zh}；{_local(session, aid.voided_at or '')} 作废，"
                       f"原因：{aid.void_reason}",
                       f"valid but voided: {what_en}; voided "
                       f"{_local(session, aid.voided_at or '')}: {aid.void_reason}", p)
    if aid is None:
        return Verdict(True, "valid", f"有效：{what_zh}（本机尚无这条记录）",
                       f"valid: {what_en} (this device has no record of it yet)", p)
    return Verdict(True, "valid", f"有效：{what_zh}", f"valid: {what_en}", p)


def verify_pdf(session: Session, path: Path) -> Verdict:
    """Read the QR code of a receipt PDF (QtPdf + zxing-cpp) and check it like `verify`."""
    if not path.is_file():
        raise KnownError("no_file", f"找不到文件 {path}", f"No such file: {path}")
    try:
        texts = pdf.qr_texts(path)
    except pdf.PdfError as err:
        raise KnownError(err.code, err.zh, err.en) from None
    if not texts:
        return Verdict(False, "bad_format", "无效：PDF 第一页上找不到二维码",
                       "invalid: no QR code found on the PDF's first page")
    verdicts = [verify(session, t) for t in texts]
    return next((v for v in verdicts if not v.ok), verdicts[0])
